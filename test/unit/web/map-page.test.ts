import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run.js';
import { countsLine, makeText } from '../../../web/map/text.js';
import type { MapPage } from '../../../src/export/map-types.js';
import type { MapActorNode } from '../../../src/export/map-types.js';
import { actorMatches, emptyFilters, filterOptions, type FilterState } from '../../../web/map/filters.js';
import { peersOf } from '../../../web/map/peers.js';
import { textDirection } from '../../../web/map/dom.js';

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
  const vocabulary = { regions: [], categories: [], languages: [], countries: [], roles: [], kinds: [], edgeKinds: [] };
  // the page's own text function (web/map/text.ts): {placeholders} and {count|one|other} in the page's language
  const tOf = (lang: string) => makeText({ lang, text: texts[lang]!, vocabulary } as unknown as MapPage).t;

  it('counts organisations and people apart: a person is not an organisation', () => {
    const c = { organizations: 12, totalOrganizations: 39, persons: 3, totalPersons: 40, edges: 80 };
    expect(countsLine(tOf('en'), c)).toBe('12 of 39 organisations and 3 of 40 people shown, 80 connections');
    expect(countsLine(tOf('fr'), c)).toBe('12 organisations affichées sur 39 et 3 personnes sur 40, 80 liens');
    expect(countsLine(tOf('es'), c)).toBe('12 de 39 organizaciones y 3 de 40 personas visibles, 80 conexiones');
    expect(countsLine(tOf('en'), { ...c, persons: 0, totalPersons: 0 })).toBe('12 of 39 organisations shown, 80 connections');
    expect(countsLine(tOf('en'), { ...c, organizations: 0, totalOrganizations: 0 })).toBe('3 of 40 members shown, 80 connections');
  });

  it('writes one in the singular, in each language ("1 connection", "1 organisation affichée", not "1 connections")', () => {
    const one = { organizations: 1, totalOrganizations: 1, persons: 0, totalPersons: 0, edges: 1 };
    expect(countsLine(tOf('en'), one)).toBe('1 of 1 organisation shown, 1 connection');
    expect(countsLine(tOf('fr'), one)).toBe('1 organisation affichée sur 1, 1 lien');
    expect(countsLine(tOf('es'), one)).toBe('1 de 1 organización visible, 1 conexión');
    expect(countsLine(tOf('fr'), { ...one, totalOrganizations: 462, edges: 0 })).toBe('1 organisation affichée sur 462, 0 lien');
    expect(countsLine(tOf('en'), { ...one, organizations: 0, totalOrganizations: 462, edges: 0 })).toBe('0 of 462 organisations shown, 0 connections');
    expect(countsLine(tOf('en'), { organizations: 2, totalOrganizations: 2, persons: 1, totalPersons: 1, edges: 1500 })).toBe('2 of 2 organisations and 1 of 1 person shown, 1,500 connections');
    expect(tOf('en')('peersTitle', { count: 1 })).toBe('Peers: 1 shares a skills category and a target group');
    expect(tOf('es')('peersTitleCategories', { count: 3 })).toBe('Pares: 3 comparten una categoría de competencias');
    expect(tOf('fr')('printTitle', { title: 'Carte', visible: 1, total: 9 })).toBe('Carte : 1 organisation sur 9');
    expect(tOf('fr')('sizeByLegend', { what: 'Note' })).toBe('Taille selon : Note');
    expect(tOf('en')('sizeByLegend', { what: 'Score' })).toBe('Size by: Score');
  });

  it('leaves no {placeholder} of a plural unfilled in any language', () => {
    for (const lang of ['en', 'fr', 'es']) {
      for (const [key, template] of Object.entries(texts[lang]!)) {
        if (typeof template !== 'string') continue;
        for (const [, name] of template.matchAll(/\{(\w+)\|[^|{}]*\|[^|{}]*\}/g)) expect(template, `${lang}.${key}`).toContain(`{${name}}`);
      }
    }
  });
});

describe('map page text direction (what the canvas labels are drawn in)', () => {
  it.each([
    ['منظمة المهارات 🌍', 'rtl'],
    ['🌍 2024 منظمة', 'rtl'],
    ['2024 מרכז הכישורים Python', 'rtl'],
    ['\u{10900}\u{10901}', 'rtl'],
    ['Evil Org منظمة', 'ltr'],
    ['\u202Egro livE', 'ltr'],
    ['中国技能创新中心 🚀', 'ltr'],
    ['🚀 2024 —', null],
    ['', null],
  ])('%j reads %s', (text, direction) => {
    expect(textDirection(text)).toBe(direction);
  });
});
