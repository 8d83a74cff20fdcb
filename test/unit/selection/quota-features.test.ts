import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication, setCategories } from '../../../src/db/applications.js';
import { selectCoreGroup } from '../../../src/selection/core-group.js';
import { readQuotaFile } from '../../../src/selection/quota-file.js';
import { counts, expandQuotas, parseQuotaRef, type Quota } from '../../../src/selection/quotas.js';
import type { Candidate } from '../../../src/selection/candidates.js';
import { tempDir } from '../support/run.js';

// The features a quotas file may name beyond the stored columns it had: the applicant's
// preferred working language (not the language the application is written in), and a UN M49
// sub-region (a group of countries). And what "each" and "any" mean.
const dir = tempDir('skillsnet-quota-features-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const rulesOf = async (text: string) => (await readQuotaFile(write('q.csv', text), dir, { size: 10 })).map((r) => [r.feature, r.value, r.min, r.max]);

const person = (id: number, country: string, language: string, workingLanguage: string | null): Candidate => ({
  id, organization: `O${id}`, country, region: 'Africa', language, workingLanguage, categories: [], organizationType: null, beneficiaries: [], score: 1, scoreSource: 'application',
});

describe('a quota on the working language', () => {
  it('is read from "working language", "langue de travail", "idioma de trabajo"; "language" stays the language written in', async () => {
    expect(await rulesOf('feature,value,min,max\nworking language,French,2,\nlanguage,en,,5\n')).toEqual([['workingLanguage', 'fr', 2, null], ['language', 'en', 0, 5]]);
    expect(await rulesOf('critère;valeur;min;max\nlangue de travail;espagnol;1;\nlangue;anglais;;3\n')).toEqual([['workingLanguage', 'es', 1, null], ['language', 'en', 0, 3]]);
    expect(await rulesOf('criterio,valor,mínimo,máximo\nidioma de trabajo,francés,1,\nidioma,inglés,,3\n')).toEqual([['workingLanguage', 'fr', 1, null], ['language', 'en', 0, 3]]);
  });

  it('counts the preferred working language, not the language the application is written in', () => {
    // written in English, working in French
    const a = person(1, 'SN', 'en', 'fr');
    const q = (feature: Quota['feature']): Quota => ({ feature, value: 'fr', min: 1, max: null, sources: ['t'] });
    expect([counts(a, q('workingLanguage')), counts(a, q('language'))]).toEqual([true, false]);
    expect(counts(person(2, 'SN', 'fr', null), q('workingLanguage'))).toBe(false);
    // "every working language" is every one stated among the eligible
    expect(expandQuotas([{ feature: 'workingLanguage', value: '*', min: 1, max: null, source: 't' }], [a, person(2, 'KE', 'fr', 'en'), person(3, 'KE', 'fr', null)]).map((x) => x.value)).toEqual(['en', 'fr']);
  });

  it('selects on the stored working language, and says how many applications state none', async () => {
    const dbPath = path.join(dir, `wl-${Date.now()}.db`);
    const db = openDatabase(dbPath, { create: true });
    // five applications written in English; two of them (the lowest scores) work in French
    const apps: [string, string | null, number][] = [['en', 'en', 9], ['en', 'en', 8], ['en', null, 7], ['en', 'fr', 2], ['en', 'fr', 1]];
    apps.forEach(([language, workingLanguage, score], i) => {
      const id = insertApplication(db, '2026', { organization: `Org ${i + 1}`, externalId: `A${i + 1}`, country: 'SN', region: 'Africa', language, workingLanguage, score });
      setCategories(db, id, ['life-skills']);
    });
    const warnings: string[] = [];
    const selection = await selectCoreGroup(db, { size: 3, quotasFile: write('wl.csv', 'feature,value,min,max\nlangue de travail,français,2,\n'), cwd: dir }, { onWarning: (w) => warnings.push(w.message) });
    // the best roster of three with two French-working members: 9 + 2 + 1
    expect(selection.result.members.map((m) => m.id).sort()).toEqual([1, 4, 5]);
    expect(selection.result.objective).toBe(12);
    expect(selection.result.quotas).toEqual([expect.objectContaining({ feature: 'workingLanguage', value: 'fr', min: 2, selected: 2 })]);
    expect(warnings.join('\n')).toMatch(/1 eligible application states no preferred working language and counts towards no working language quota/);
    // the same line on "language" counts the language written in: nobody is French
    await expect(selectCoreGroup(db, { size: 3, quotasFile: write('l.csv', 'feature,value,min,max\nlangue,français,2,\n'), cwd: dir })).rejects.toThrow(/language fr: at least 2 required, 0 eligible applications/);
    db.close();
  });
});

describe('a quota on a UN M49 sub-region', () => {
  it('is a region line naming a sub-region, in English, French or Spanish, or a "sub-region" line', async () => {
    expect(await rulesOf('feature,value,min,max\nregion,West Africa,2,\nrégion,Afrique de l\'Ouest,,4\nregión,el Caribe,1,\nsub-region,South-East Asia,,3\nregion,Africa,3,\n')).toEqual([
      ['subregion', 'Western Africa', 2, null], ['subregion', 'Western Africa', 0, 4], ['subregion', 'Caribbean', 1, null], ['subregion', 'South-eastern Asia', 0, 3], ['region', 'Africa', 3, null],
    ]);
    // before, "Central Asia" was the part of one ILO region's name and counted all of Europe and Central Asia
    expect(await rulesOf('feature,value,min,max\nregion,Central Asia,1,\nregion,Europe,1,\n')).toEqual([['subregion', 'Central Asia', 1, null], ['region', 'Europe and Central Asia', 1, null]]);
    expect(parseQuotaRef('region=West Africa', '--relax')).toEqual({ feature: 'subregion', value: 'Western Africa' });
  });

  it('reads "Sub-Saharan Africa" and "Latin America" as M49 sub-regions, not as the ILO region that also holds North Africa or Canada', async () => {
    // (before, both were short forms of an ILO region: a quota on Sub-Saharan Africa counted Morocco)
    expect(await rulesOf('feature,value,min,max\nregion,Sub-Saharan Africa,4,\nrégion,Amérique latine,3,\nregion,Americas,1,\n')).toEqual([
      ['subregion', 'Sub-Saharan Africa', 4, null], ['subregion', 'Latin America and the Caribbean', 3, null], ['region', 'Americas', 1, null],
    ]);
    const ssa: Quota = { feature: 'subregion', value: 'Sub-Saharan Africa', min: 1, max: null, sources: ['t'] };
    expect(['NG', 'KE', 'ZA', 'MA', 'SD', 'EG'].map((c) => counts(person(1, c, 'en', null), ssa))).toEqual([true, true, true, false, false, false]);
    // "each sub-region" is each at its finest: a cap on it does not cap Sub-Saharan Africa too
    const each = expandQuotas([{ feature: 'subregion', value: '*', min: 0, max: 1, source: 't' }], ['NG', 'KE', 'MA'].map((c, i) => person(i, c, 'en', null)));
    expect(each.map((q) => q.value)).toEqual(['Eastern Africa', 'Northern Africa', 'Western Africa']);
  });

  it('counts the countries of the sub-region', () => {
    const q: Quota = { feature: 'subregion', value: 'Western Africa', min: 1, max: null, sources: ['t'] };
    expect(['NG', 'SN', 'KE', 'ZA', 'MA'].map((c) => counts(person(1, c, 'en', null), q))).toEqual([true, true, false, false, false]);
  });

  it('refuses a group that is no M49 sub-region with the ILO region it lies in and the countries to write', async () => {
    const e = await rulesOf('feature,value,min,max\nregion,Sahel,2,\n').catch((x: unknown) => x as Error & { hint?: string });
    expect(e.message).toBe('q.csv line 2: "Sahel" is not a UN M49 sub-region: its countries lie in region Africa');
    expect(e.hint).toMatch(/a line per country \(BF, CM, TD, GM, GN, ML, MR, NE, NG, SN: .*\), or a sub-region that holds them \(Western Africa, Middle Africa\), or region Africa/);
    await expect(rulesOf('feature,value,min,max\nregion,Moyen-Orient,1,\n')).rejects.toThrow(/"Moyen-Orient" is not a UN M49 sub-region: its countries lie in region Arab States \(and Africa, Europe and Central Asia, Asia and the Pacific\)/);
    await expect(rulesOf('feature,value,min,max\nsous-région,Atlantis,1,\n')).rejects.toThrow(/unknown sub-region "Atlantis"/);
    // an economic community is no sub-region either: its members are named
    await expect(rulesOf('feature,value,min,max\nregion,ASEAN,2,\n')).rejects.toMatchObject({ message: 'q.csv line 2: "ASEAN" is not a UN M49 sub-region: its countries lie in region Asia and the Pacific', hint: expect.stringMatching(/^write a line per country \(BN, KH, ID, LA, MY, MM, PH, SG, TH, TL, VN: the members of ASEAN\), or a sub-region that holds them \(South-eastern Asia\)/) });
    expect(await rulesOf('feature,value,min,max\nregion,Océanie,2,\n')).toEqual([['subregion', 'Oceania', 2, null]]);
  });
});

describe('"each" and "any"', () => {
  it('each, every, per, chaque, cada: the same min and max for every value', async () => {
    const each = ['region,each,2,', 'region,per region,2,', 'région,chaque région,2,', 'región,cada región,2,', 'region,every region,2,', 'region,all,2,'];
    for (const line of each) expect(await rulesOf(`feature,value,min,max\n${line}\n`), line).toEqual([['region', '*', 2, null]]);
    const quotas = expandQuotas((await readQuotaFile(write('each.csv', 'feature,value,min,max\nregion,each,2,\n'))), []);
    expect(quotas.map((q) => [q.value, q.min])).toEqual([['Africa', 2], ['Americas', 2], ['Arab States', 2], ['Asia and the Pacific', 2], ['Europe and Central Asia', 2]]);
  });

  it('any with a max only is a cap on each value ("at most 2 from any country")', async () => {
    for (const line of ['country,any,,2', 'country,any country,,2', 'pays,n\'importe quel pays,,2', 'país,cualquier país,,2', 'country,any one country,,2']) {
      expect(await rulesOf(`feature,value,min,max\n${line}\n`), line).toEqual([['country', '*', 0, 2]]);
    }
  });

  it('any with a min is refused: each value, or all of them together?', async () => {
    for (const line of ['region,any,2,', 'region,any region,2,8', 'región,cualquier región,1,']) {
      const e = await rulesOf(`feature,value,min,max\n${line}\n`).catch((x: unknown) => x as Error & { hint?: string });
      expect(e.message, line).toMatch(/q\.csv line 2: ".*" with a min is ambiguous: at least \d+ in each region, or \d+ from all of them together\?/);
      expect(e.hint).toMatch(/write "each" \(or \*\)/);
    }
  });
});
