import fs from 'node:fs';
import crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { Application } from '../../../src/model.js';
import { buildNetwork } from '../../../src/export/network.js';
import { kumuMap } from '../../../src/export/kumu.js';
import {
  buildMapData, isActor, jsonForScript, mapDataFromNetwork, mapLanguageFromEnv, mapPage, networkMap, renderMapHtml,
  type MapActorNode, type MapSourceNode,
} from '../../../src/export/map.js';
import { windowsLocale } from '../../../src/export/map-language.js';
import { layoutMap } from '../../../src/export/map-layout.js';
import { dataPath } from '../../../src/paths.js';

function app(id: number, fields: Partial<Application>): Application {
  return {
    id, externalId: null, call: '2020', organization: `Org ${id}`, organizationType: null, contactName: null, email: null, phone: null,
    website: null, country: null, countryRaw: null, region: null, language: null, title: null, description: null, beneficiaries: [],
    categories: [], selfCategories: [], score: null, submittedAt: null, ...fields,
  };
}

const HOSTILE = '</script><script>window.__pwned=1</script>\u2028<!-- <img src=x onerror="window.__pwned=2"> &\u2029 end';

function sampleApplications(): Application[] {
  return [
    app(1, { organization: 'Taller Abierto', country: 'MX', region: 'Americas', language: 'es', categories: ['work-based-learning', 'life-skills'], beneficiaries: ['Youth'], contactName: 'Ana Ejemplo', email: 'ana@example.org', phone: '+52 55 0000 0000', score: 8.5, title: 'Aprendices', description: 'Formación dual.' }),
    app(2, { organization: 'Atelier Ouvert', country: 'SN', region: 'Africa', language: 'fr', categories: ['life-skills'], beneficiaries: ['youth', 'Women'], contactName: 'Awa Exemple', email: 'awa@example.com', score: 7 }),
    app(3, { organization: HOSTILE, country: 'KE', region: 'Africa', language: 'en', categories: ['life-skills', 'entrepreneurship'], description: HOSTILE, contactName: 'Sam Sample', email: 'sam@example.net', score: 6 }),
    app(4, { organization: 'Taller Abierto', country: 'MX', region: 'Americas', language: 'es', categories: ['entrepreneurship'], title: 'Segunda propuesta', score: 9 }),
    app(5, { organization: 'Quiet Org', country: null, countryRaw: 'Atlantis', region: null, language: 'ar', categories: [] }),
  ];
}

const FIXED = { lang: 'en' as const, generatedAt: '2026-01-01T00:00:00.000Z' };

describe('buildMapData', () => {
  it('uses the Kumu element and connection IDs, so the map and the Kumu export name everything alike', () => {
    const network = buildNetwork(sampleApplications(), { peerLinks: 3, coreGroup: new Set([1]), targetGroups: true });
    const data = mapDataFromNetwork(network, { withContactDetails: false });
    const kumu = kumuMap(network, { withContactDetails: false });
    // "Youth" and "youth": one target group two organisations serve, a context node like a category
    expect(data.nodes.filter((n) => n.kind === 'target-group')).toMatchObject([{ id: 'target-group-youth', label: 'Youth', key: 'Youth' }]);
    expect(data.edges.filter((e) => e.kind === 'serves').map((e) => e.source).sort()).toEqual(['org-1', 'org-2']);
    expect(data.nodes.map((n) => n.id).sort()).toEqual(kumu.elements.map((e) => String(e.ID)).sort());
    expect(data.edges.map((e) => e.id).sort()).toEqual(kumu.connections.map((c) => String(c.ID)).sort());
    expect(data.counts).toMatchObject({ organizations: 4, persons: 0, applications: 5, edges: kumu.connections.length, withheld: 0 });
    const taller = data.nodes.find((n) => n.id === 'org-1') as MapActorNode;
    expect(taller).toMatchObject({ kind: 'organization', coreGroup: true, roles: ['core-group'], score: 9, region: 'Americas', countryCode: 'MX', language: 'es' });
    expect(taller.projects).toHaveLength(2);
    expect(taller.categories).toEqual(['work-based-learning', 'entrepreneurship', 'life-skills']); // taxonomy order
    expect((data.nodes.find((n) => n.id === 'org-2') as MapActorNode).roles).toEqual(['member']);
    const peer = data.edges.find((e) => e.kind === 'peer')!;
    expect(peer.shared?.every((c) => /^[a-z-]+$/.test(c))).toBe(true); // category codes, not English names
  });

  it('holds emails and phones only when asked, and never for someone who refused to be contacted', () => {
    const network = buildNetwork(sampleApplications());
    const without = mapDataFromNetwork(network, { withContactDetails: false });
    expect(JSON.stringify(without)).not.toMatch(/@example|\+52/);
    expect(without.nodes.filter(isActor).some((n) => n.contactNames.length)).toBe(true);
    const withDetails = mapDataFromNetwork(network, { withContactDetails: true });
    expect((withDetails.nodes.find((n) => n.id === 'org-1') as MapActorNode)).toMatchObject({ emails: ['ana@example.org'], phones: ['+52 55 0000 0000'] });
    const nodes: MapSourceNode[] = [...network.organizations.map((o) => (o.id === 'org-1' ? { ...o, consentContact: false } : o)), ...network.categories, ...network.regions];
    const refused = buildMapData(nodes, network.links, { withContactDetails: true });
    const org1 = refused.nodes.find((n) => n.id === 'org-1') as MapActorNode;
    expect(org1.emails).toBeUndefined();
    expect(org1.phones).toBeUndefined();
    expect(org1.contactNames).toEqual(['Ana Ejemplo']);
  });

  it('leaves out entirely an actor without consent to the map, with its connections', () => {
    const network = buildNetwork(sampleApplications(), { peerLinks: 3 });
    const nodes: MapSourceNode[] = [...network.organizations.map((o) => (o.id === 'org-2' ? { ...o, consentMap: false } : o)), ...network.categories, ...network.regions];
    const data = buildMapData(nodes, network.links, { withContactDetails: true });
    expect(data.nodes.some((n) => n.id === 'org-2')).toBe(false);
    expect(data.edges.some((e) => e.source === 'org-2' || e.target === 'org-2')).toBe(false);
    expect(data.counts).toMatchObject({ organizations: 3, withheld: 1 });
    const html = renderMapHtml(data, FIXED);
    expect(html).not.toContain('Atelier Ouvert');
    expect(html).not.toContain('awa@example.com');
    expect(html).not.toContain('Awa Exemple');
  });

  it('lays the network out the same way every time, with every node placed apart', () => {
    const one = renderMapHtml(mapDataFromNetwork(buildNetwork(sampleApplications(), { peerLinks: 3 }), { withContactDetails: false }), FIXED);
    const two = renderMapHtml(mapDataFromNetwork(buildNetwork(sampleApplications(), { peerLinks: 3 }), { withContactDetails: false }), FIXED);
    expect(crypto.createHash('sha256').update(one).digest('hex')).toBe(crypto.createHash('sha256').update(two).digest('hex'));
    const data = mapDataFromNetwork(buildNetwork(sampleApplications(), { peerLinks: 3 }), { withContactDetails: false });
    const places = new Set(data.nodes.map((n) => `${n.x},${n.y}`));
    expect(places.size).toBe(data.nodes.length);
    for (const n of data.nodes) expect(Number.isFinite(n.x) && Number.isFinite(n.y), n.id).toBe(true);
  });

  it('places a node by its own ID, not by its neighbours in the input order', () => {
    const nodes = [{ id: 'a', kind: 'organization' }, { id: 'b', kind: 'organization' }, { id: 'c', kind: 'organization' }];
    const once = layoutMap(nodes, [], {});
    const reversed = layoutMap([...nodes].reverse(), [], {});
    for (const n of nodes) expect(reversed.get(n.id)).toEqual(once.get(n.id));
  });
});

describe('renderMapHtml', () => {
  const data = mapDataFromNetwork(buildNetwork(sampleApplications(), { peerLinks: 3 }), { withContactDetails: true });
  const html = renderMapHtml(data, { ...FIXED, title: 'Map <of> "the" network' });

  it('embeds the data as JSON that no text can break out of', () => {
    const match = html.match(/<script type="application\/json" id="skillsnet-map-data">([\s\S]*?)<\/script>/);
    expect(match).not.toBeNull();
    const embedded = match![1];
    expect(embedded).not.toMatch(/[<>&\u2028\u2029]/);
    const page = JSON.parse(embedded);
    expect(page.nodes.find((n: MapActorNode) => n.id === 'org-3').label).toBe(HOSTILE.replace(/\s+/g, ' '));
    expect(page.nodes.find((n: MapActorNode) => n.id === 'org-3').projects[0].description).toBe(HOSTILE);
    // Exactly the two script elements the page has: the data and the bundle.
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
  });

  it('allows only its own script and style, by hash, and no request anywhere', () => {
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)![1].replace(/&#39;/g, "'");
    expect(csp).toMatch(/^default-src 'none'; /);
    const script = html.match(/<script>([\s\S]*?)<\/script>/)![1];
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1];
    const hash = (s: string) => `'sha256-${crypto.createHash('sha256').update(s).digest('base64')}'`;
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    // The policy comes before anything that could load.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
  });

  it('escapes the title and sets the page language', () => {
    expect(html).toContain('<title>Map &lt;of&gt; &quot;the&quot; network</title>');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(renderMapHtml(data, { ...FIXED, lang: 'fr' })).toMatch(/<html lang="fr">/);
  });

  it('gives the page its text, category names and country names in the chosen language', () => {
    const fr = mapPage(data, { lang: 'fr', generatedAt: FIXED.generatedAt });
    expect(fr.title).toMatch(/Réseau/);
    expect(fr.text.print).toBe('Imprimer');
    expect(fr.vocabulary.regions.find((r) => r.value === 'Arab States')!.label).toBe('États arabes');
    expect(fr.vocabulary.categories.find((c) => c.value === 'life-skills')!.label).not.toBe('Life skills');
    expect(fr.vocabulary.countries.find((c) => c.value === 'MX')!.label).toBe('Mexique');
    const es = mapPage(data, { lang: 'es', generatedAt: FIXED.generatedAt });
    expect(es.vocabulary.countries.find((c) => c.value === 'MX')!.label).toBe('México');
    expect(es.vocabulary.languages.find((l) => l.value === 'fr')!.label.toLowerCase()).toBe('francés');
  });

  it('names the vocabulary groups, types and hubs in the page language, and keeps what people wrote as written', () => {
    const apps = [
      app(1, { organization: 'Taller Abierto', country: 'MX', region: 'Americas', organizationType: 'NGO', categories: ['life-skills'], beneficiaries: ['Youth', 'Pescadores artesanales'] }),
      app(2, { organization: 'Atelier Ouvert', country: 'SN', region: 'Africa', organizationType: 'Cooperativa de base', categories: ['life-skills'], beneficiaries: ['youth', 'Women'] }),
    ];
    const source = mapDataFromNetwork(buildNetwork(apps, { peerLinks: 3, targetGroups: true }), { withContactDetails: false });
    const nodes = (lang: 'en' | 'fr' | 'es') => mapPage(source, { lang, generatedAt: FIXED.generatedAt }).nodes;
    const actor = (lang: 'en' | 'fr' | 'es', id: string) => nodes(lang).find((n) => n.id === id) as MapActorNode;
    const hub = (lang: 'en' | 'fr' | 'es', kind: string, key?: string) => nodes(lang).find((n) => n.kind === kind && (key === undefined || ('key' in n && n.key === key)))!;
    // the target group hub, found whatever its spelling's case ("youth" and "Youth" are one group)
    expect(hub('es', 'target-group')).toMatchObject({ label: 'Jóvenes', key: 'Jóvenes' });
    expect(hub('fr', 'target-group')).toMatchObject({ label: 'Jeunes', key: 'Jeunes' });
    expect(actor('es', 'org-1')).toMatchObject({ organizationTypes: ['ONG'], beneficiaries: ['Jóvenes', 'Pescadores artesanales'] });
    expect(actor('fr', 'org-2')).toMatchObject({ organizationTypes: ['Cooperativa de base'], beneficiaries: ['Jeunes', 'Femmes'] });
    // category and region hubs carry their own language too, not the English beside it
    expect(hub('es', 'category', 'life-skills')).toMatchObject({ label: 'Habilidades para la vida', detail: expect.not.stringMatching(/Life skills/) });
    expect(hub('fr', 'region', 'Arab States').label).toBe('États arabes');
    // names stay as written
    expect(actor('fr', 'org-1').label).toBe('Taller Abierto');
    // an English page embeds the nodes as they are
    expect(nodes('en')).toEqual(source.nodes);
  });

  it('has a French and a Spanish name for every organisation type and beneficiary group of the vocabulary, each its own', () => {
    const vocabulary = JSON.parse(fs.readFileSync(dataPath('vocabulary.json'), 'utf8')) as Record<string, Record<string, string[]>>;
    const text = JSON.parse(fs.readFileSync(dataPath('map-text.json'), 'utf8')) as Record<string, Record<string, Record<string, string>>>;
    for (const lang of ['fr', 'es']) {
      for (const group of ['organizationTypes', 'beneficiaries']) {
        const labels = text[lang][group];
        expect(Object.keys(labels).sort(), `${lang} ${group}`).toEqual(Object.keys(vocabulary[group]).filter((k) => !k.startsWith('$')).sort());
        // two groups with one name would be one group on the map
        expect(new Set(Object.values(labels).map((l) => l.toLowerCase())).size, `${lang} ${group}`).toBe(Object.keys(labels).length);
      }
    }
  });

  it('the whole export (networkMap) gives the same file for the same applications', () => {
    const a = networkMap(sampleApplications(), { ...FIXED, withContactDetails: false, peerLinks: 3 });
    const b = networkMap(sampleApplications(), { ...FIXED, withContactDetails: false, peerLinks: 3 });
    expect(a.html).toBe(b.html);
    expect(a.data.counts.organizations).toBe(a.network.organizations.length);
  });
});

describe('jsonForScript', () => {
  it.each([
    ['</script>', '</SCRIPT >'],
    ['<!--', '-->'],
    ['a\u2028b\u2029c', '&amp;&lt;'],
  ])('keeps %j and %j as data', (x, y) => {
    const value = { x, y, nested: [x] };
    const out = jsonForScript(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe('the page language', () => {
  it.each([
    [{}, 'en'],
    [{ LANG: 'fr_FR.UTF-8' }, 'fr'],
    [{ LANG: 'es_MX.UTF-8' }, 'es'],
    [{ LANG: 'de_DE.UTF-8' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'fr_CH.UTF-8', LC_ALL: 'es_ES.UTF-8' }, 'es'],
    [{ LANG: 'es_ES.UTF-8', LC_MESSAGES: 'fr_BE' }, 'fr'],
    [{ LC_ALL: '', LANG: 'fr_FR' }, 'fr'],
  ])('%j gives %s', (env, lang) => {
    expect(mapLanguageFromEnv(env as NodeJS.ProcessEnv, 'und')).toBe(lang);
  });

  // Windows sets none of LC_ALL, LC_MESSAGES and LANG: the system's locale, as Node has it, decides
  it.each([
    [{}, 'fr-SN', 'fr'],
    [{}, 'es-419', 'es'],
    [{}, 'de-DE', 'en'],
    [{}, 'und', 'en'],
    [{ LANG: 'C' }, 'fr-SN', 'en'],
    [{ LANG: 'es_ES.UTF-8' }, 'fr-SN', 'es'],
    [{ LANG: 'C.UTF-8' }, 'fr-FR', 'en'],
    [{ LC_ALL: 'POSIX' }, 'fr-FR', 'en'],
    // a language whose code begins like one of the map's is another language: North Frisian, Yupik
    [{ LANG: 'frr_DE.UTF-8' }, 'fr-FR', 'en'],
    [{}, 'esu-US', 'en'],
    [{ LANG: 'fr' }, 'en-US', 'fr'],
    [{ LANG: 'es@euro' }, 'en-US', 'es'],
    [{}, 'pt-BR', 'en'],
  ])('%j on a system in %s gives %s', (env, locale, lang) => {
    expect(mapLanguageFromEnv(env as NodeJS.ProcessEnv, locale)).toBe(lang);
  });

  // Reviewing the trial: the system's locale was read on any system, so a test's environment
  // without a locale (or a child's) gave the map in the language of the machine running it.
  it("reads the system's locale on Windows only (elsewhere ICU's is LC_ALL, LC_MESSAGES or LANG again)", () => {
    const intl = vi.spyOn(Intl, 'DateTimeFormat').mockReturnValue({ resolvedOptions: () => ({ locale: 'fr-SN' }) } as unknown as Intl.DateTimeFormat);
    try {
      expect(windowsLocale('win32')).toBe('fr-SN');
      expect(windowsLocale('linux')).toBe('und');
      expect(windowsLocale('darwin')).toBe('und');
      if (process.platform !== 'win32') expect(mapLanguageFromEnv({})).toBe('en');
    } finally {
      intl.mockRestore();
    }
  });

  it('has every text in French and Spanish, with the same placeholders as in English', () => {
    const file = JSON.parse(fs.readFileSync(dataPath('map-text.json'), 'utf8'));
    const flat = (o: Record<string, unknown>, prefix = ''): Record<string, string> =>
      Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(flat(v as Record<string, unknown>, `${prefix}${k}.`)))));
    const en = flat(file.en);
    for (const lang of ['fr', 'es']) {
      const other = flat(file[lang]);
      expect(Object.keys(other).sort(), lang).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(holes(other[key]), `${lang} ${key}`).toEqual(holes(text));
      }
    }
  });
});
