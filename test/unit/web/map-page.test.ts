import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run.js';
import { countsLine } from '../../../web/map/text.js';
import type { MapActorNode } from '../../../src/export/map-types.js';
import { actorMatches, emptyFilters, filterOptions, type FilterState } from '../../../web/map/filters.js';
import { peersOf } from '../../../web/map/peers.js';

/** The page's filter and peer rules, run in Node (the browser test checks the page uses them). */

function actor(id: string, fields: Partial<MapActorNode>): MapActorNode {
  return {
    id, kind: 'organization', label: id, x: 0, y: 0, countryCode: null, country: null, region: null, language: null, categories: [],
    beneficiaries: [], organizationTypes: [], roles: ['member'], coreGroup: false, score: null, calls: ['2020'], projects: [], contactNames: [], url: null,
    ...fields,
  };
}

const taller = actor('org-1', { label: 'Taller Abierto', region: 'Americas', countryCode: 'MX', language: 'es', categories: ['life-skills', 'entrepreneurship'], beneficiaries: ['Youth', 'Women'], organizationTypes: ['NGO'], coreGroup: true, roles: ['core-group'], contactNames: ['Ana Ejemplo'], score: 8 });
const atelier = actor('org-2', { label: 'Atelier Écologique', region: 'Africa', countryCode: 'SN', language: 'fr', categories: ['life-skills'], beneficiaries: ['youth'], organizationTypes: ['ngo'], score: 6 });
const ministry = actor('org-3', { label: 'Ministry of Labour', region: 'Africa', countryCode: 'KE', language: 'en', categories: ['entrepreneurship'], beneficiaries: ['Refugees'], organizationTypes: ['Government'], score: 9 });
const quiet = actor('org-4', { label: 'Quiet', categories: ['research-data'] });
const all = [taller, atelier, ministry, quiet];

const only = (f: Partial<FilterState>) => all.filter((a) => actorMatches(a, { ...emptyFilters(), ...f })).map((a) => a.id);

describe('map page filters', () => {
  it.each([
    [{}, ['org-1', 'org-2', 'org-3', 'org-4']],
    [{ region: 'Africa' }, ['org-2', 'org-3']],
    [{ country: 'MX' }, ['org-1']],
    [{ language: 'fr' }, ['org-2']],
    [{ category: 'entrepreneurship' }, ['org-1', 'org-3']],
    [{ organizationType: 'ngo' }, ['org-1', 'org-2']], // "NGO" and "ngo" are one value
    [{ beneficiary: 'youth' }, ['org-1', 'org-2']],
    [{ role: 'core-group' }, ['org-1']],
    [{ coreGroup: 'yes' as const }, ['org-1']],
    [{ coreGroup: 'no' as const }, ['org-2', 'org-3', 'org-4']],
    [{ region: 'Africa', category: 'life-skills' }, ['org-2']],
    [{ search: 'ecolo' }, ['org-2']], // accents do not matter
    [{ search: 'ANA EJEM' }, ['org-1']], // contact persons are searched too
    [{ search: 'nothing like it' }, []],
  ])('%j shows %j', (f, ids) => {
    expect(only(f)).toEqual(ids);
  });

  it('offers each value once, with counts and the spelling most used', () => {
    const types = filterOptions([...all, actor('org-5', { organizationTypes: ['NGO'] })], 'organizationType');
    expect(types.find((t) => t.value === 'ngo')).toEqual({ value: 'ngo', count: 3, raw: 'NGO' });
    expect(filterOptions(all, 'coreGroup').map((o) => [o.value, o.count]).sort()).toEqual([['no', 3], ['yes', 1]]);
  });
});

describe('map page peers', () => {
  it('are those sharing a category and a target group, most shared first', () => {
    const extra = actor('org-6', { label: 'Both', categories: ['life-skills', 'entrepreneurship'], beneficiaries: ['Women', 'YOUTH'], score: 1 });
    const { peers, byCategoryOnly } = peersOf(taller, [...all, extra]);
    expect(byCategoryOnly).toBe(false);
    expect(peers.map((p) => p.actor.id)).toEqual(['org-6', 'org-2']); // ministry shares a category, not a group
    expect(peers[0]).toMatchObject({ categories: ['life-skills', 'entrepreneurship'], beneficiaries: ['Youth', 'Women'] });
  });

  it('fall back to shared categories for an organisation that named no target group', () => {
    const { peers, byCategoryOnly } = peersOf(actor('org-9', { categories: ['entrepreneurship'] }), all);
    expect(byCategoryOnly).toBe(true);
    expect(peers.map((p) => p.actor.id)).toEqual(['org-3', 'org-1']); // best score first
  });
});

describe('map page counts line', () => {
  const texts = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'map-text.json'), 'utf8')) as Record<string, Record<string, string>>;
  const tOf = (lang: string) => (key: string, vars: Record<string, string | number> = {}) => texts[lang]![key]!.replace(/\{(\w+)\}/g, (_w, k: string) => String(vars[k]));

  it('counts organisations and people apart: a person is not an organisation', () => {
    const c = { organizations: 12, totalOrganizations: 39, persons: 3, totalPersons: 40, edges: 80 };
    expect(countsLine(tOf('en'), c)).toBe('12 of 39 organisations and 3 of 40 people shown, 80 connections');
    expect(countsLine(tOf('fr'), c)).toBe('12 organisations affichées sur 39 et 3 personnes sur 40, 80 liens');
    expect(countsLine(tOf('es'), c)).toBe('12 de 39 organizaciones y 3 de 40 personas visibles, 80 conexiones');
    expect(countsLine(tOf('en'), { ...c, persons: 0, totalPersons: 0 })).toBe('12 of 39 organisations shown, 80 connections');
    expect(countsLine(tOf('en'), { ...c, organizations: 0, totalOrganizations: 0 })).toBe('3 of 40 members shown, 80 connections');
  });
});
