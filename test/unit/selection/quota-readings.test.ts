import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countriesAlsoNamed } from '../../../src/geo/countries.js';
import { readQuotaFile } from '../../../src/selection/quota-file.js';
import { quotaLabel, quotaReadings, quotaReadingsMarked } from '../../../src/selection/quotas.js';
import { tempDir } from '../support/run.js';

// A quotas file's values are read leniently (French names, typos, vocabulary terms): the officer
// is shown each reading that is not the tool's own name for the value, so that "Congo" read as the
// Republic of the Congo is seen before the roster is trusted.
const dir = tempDir('skillsnet-quota-readings-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('countriesAlsoNamed', () => {
  it('finds the other countries whose name holds the text as whole words', () => {
    expect(countriesAlsoNamed('Congo', 'CG').map((c) => c.code)).toEqual(['CD']);
    expect(countriesAlsoNamed('Guinea', 'GN').map((c) => c.code).sort()).toEqual(['GQ', 'GW', 'PG']);
    expect(countriesAlsoNamed('Sudan', 'SD').map((c) => c.code)).toEqual(['SS']);
    // whole words: Niger is no part of "Nigeria", Dominica none of "Dominican Republic"
    expect(countriesAlsoNamed('Niger', 'NE')).toEqual([]);
    expect(countriesAlsoNamed('Dominica', 'DM')).toEqual([]);
    expect(countriesAlsoNamed('Kenya', 'KE')).toEqual([]);
  });
});

describe('quotaReadings', () => {
  it('lists the values read otherwise than written, and the countries a name may also mean', async () => {
    const file = path.join(dir, 'q.csv');
    fs.writeFileSync(file, [
      'feature,value,min,max',
      'region,Afrique,3,', 'region,Africa,3,', 'region,*,1,',
      'country,Congo,1,', 'country,Kenia,1,', 'country,KE,1,', 'country,Kenya,1,',
      'category,Inclusion sociale,1,', 'category,life-skills,1,',
      'language,Français,1,', 'language,fr,1,',
      'beneficiary,Jeunes,1,',
      'organizationType,ONG,,3', 'organizationType,ngo,,3', 'beneficiary,Community elders,1,',
    ].join('\n') + '\n');
    const lines = quotaReadings(await readQuotaFile(file));
    expect(lines).toEqual([
      'q.csv line 2: "Afrique" read as region Africa',
      'q.csv line 5: "Congo" read as country CG (Congo), not CD (Democratic Republic of the Congo): write CD if you meant it',
      'q.csv line 6: "Kenia" read as country KE (Kenya)',
      // (as the vocabulary stores them and list --json shows them, not as the lowercase key that counts)
      'q.csv line 13: "Jeunes" read as beneficiary "Youth"',
      'q.csv line 14: "ONG" read as organisation type "NGO"',
    ]);
  });

  it('say which countries of the ILO region a sub-region also spelled as the region leaves out ("Latin America and the Caribbean" is the ILO office\'s name for the Americas)', async () => {
    const file = path.join(dir, 'lac.csv');
    fs.writeFileSync(file, 'feature,value,min,max\nregion,Latin America and the Caribbean,3,\nregion,Afrique subsaharienne,2,\nregion,West Africa,1,\nregion,Americas,1,\n');
    const lines = quotaReadings(await readQuotaFile(file));
    expect(lines[0]).toMatch(/read as sub-region Latin America and the Caribbean \(UN M49: Caribbean, Central America, South America\); not the ILO region Americas: .*\bCA, .*\bUS not counted \(write "Americas" for the whole region\)$/);
    expect(lines[1]).toMatch(/not the ILO region Africa: DZ, EG, .*MA, .*TN not counted/);
    // a sub-region no one spells as an ILO region says only its countries; the region itself is no sub-region
    expect(lines[2]).not.toMatch(/not the ILO region/);
    expect(lines).toHaveLength(3);
  });

  it('read "Pacific" (the islands, to an ILO officer) as no part of Asia and the Pacific; "Europe" stays the ILO region', async () => {
    const file = path.join(dir, 'parts.csv');
    fs.writeFileSync(file, 'feature,value,min,max\nregion,Europe,,4\nregion,Central Asia,1,\nregion,Europa y Asia Central,2,\nregion,Arab,1,\n');
    const rules = await readQuotaFile(file);
    expect(rules.map((r) => [r.feature, r.value])).toEqual([['region', 'Europe and Central Asia'], ['subregion', 'Central Asia'], ['region', 'Europe and Central Asia'], ['region', 'Arab States']]);
    const lines = quotaReadings(rules);
    expect(lines[0]).toBe('parts.csv line 2: "Europe" read as region Europe and Central Asia');
    // (the sub-region named by a part of the region's name: how much of the region it leaves out)
    expect(lines[1]).toMatch(/"Central Asia" read as sub-region Central Asia \(UN M49: KZ, KG, TJ, TM, UZ\); not the ILO region Europe and Central Asia: \d+ of its other countries not counted/);
    for (const pacific of ['Pacific', 'Pacifique', 'el Pacífico']) {
      fs.writeFileSync(file, `feature,value,min,max\nregion,${pacific},,4\n`);
      await expect(readQuotaFile(file)).rejects.toThrow(`"${pacific}" is not a UN M49 sub-region: its countries lie in region Asia and the Pacific`);
    }
  });

  it('read the words officers write for every value ("all", "tous", "todas") as *, and say so', async () => {
    const file = path.join(dir, 'all.csv');
    fs.writeFileSync(file, 'feature,value,min,max\nregion,all,2,\ncountry,(All),,1\nlangue,toutes,1,\ncategory,*,1,\n');
    const rules = await readQuotaFile(file);
    expect(rules.map((r) => [r.feature, r.value])).toEqual([['region', '*'], ['country', '*'], ['language', '*'], ['category', '*']]);
    expect(quotaReadings(rules)).toEqual([
      'all.csv line 2: "all" read as * (every region)', 'all.csv line 3: "(All)" read as * (every country)', 'all.csv line 4: "toutes" read as * (every language)',
    ]);
  });

  it('read "every" with the feature it counts ("tous les pays", "all countries", "todas las regiones") as * too', async () => {
    const file = path.join(dir, 'every.csv');
    fs.writeFileSync(file, 'critère;valeur;min;max\npays;Tous les pays;;2\nrégion;toutes les régions;1;\nregion;todas las regiones;1;\ncountry;All countries;;2\nlanguage;each language;1;\ncatégorie;toutes les catégories;1;\n');
    const rules = await readQuotaFile(file);
    expect(rules.map((r) => [r.feature, r.value])).toEqual([
      ['country', '*'], ['region', '*'], ['region', '*'], ['country', '*'], ['language', '*'], ['category', '*'],
    ]);
    expect(quotaReadings(rules)[0]).toBe('every.csv line 2: "Tous les pays" read as * (every country)');
    // the feature named must be the line's own: "all countries" is no region
    fs.writeFileSync(file, 'feature,value,min,max\nregion,all countries,1,\n');
    await expect(readQuotaFile(file)).rejects.toThrow(/all countries/);
  });

  it('refuse a language line naming two languages, with the line and both codes', async () => {
    const file = path.join(dir, 'two-languages.csv');
    fs.writeFileSync(file, 'critère;valeur;min;max\nlangue;Anglais et français;1;\n');
    await expect(readQuotaFile(file)).rejects.toThrow(/line 2.*"Anglais et français" names 2 languages: en, fr/);
  });

  it('name organisation types and beneficiary groups as the vocabulary stores them, in messages and in select --json', async () => {
    const { describeQuota, quotaValueShown } = await import('../../../src/selection/quotas.js');
    const file = path.join(dir, 'v.csv');
    fs.writeFileSync(file, 'feature,value,min,max\norganizationType,Organización no gubernamental,2,\nbeneficiary,mujeres,,4\nbeneficiary,Community elders,1,\n');
    const rules = await readQuotaFile(file);
    expect(rules.map((r) => describeQuota({ ...r, sources: [r.source] }))).toEqual([
      'organisation type "NGO" at least 2', 'beneficiary "Women" at most 4', 'beneficiary "community elders" at least 1',
    ]);
    expect(rules.map((r) => quotaValueShown(r.feature, r.value))).toEqual(['NGO', 'Women', 'community elders']);
  });
});

describe('a quotas file written from list --json', () => {
  it('reads every country code list --json writes, Namibia\'s NA included', async () => {
    const file = path.join(dir, 'codes.csv');
    fs.writeFileSync(file, 'feature,value,min,max\ncountry,NA,,2\ncountry,KE,,2\n');
    expect((await readQuotaFile(file)).map((r) => [r.feature, r.value, r.max])).toEqual([['country', 'NA', 2], ['country', 'KE', 2]]);
  });
});

// "NA" on a language's line was read as the code na without a word, and a roster that could not
// be met named "language na": Nauruan, or a spreadsheet's "not available"? It is read as the code
// (list --json writes Nauruan so, as a country's "NA" is Namibia), and both the reading and every
// message about the quota name the language; "N/A" or "none" say they stand for no language.
describe('a language quota written NA', () => {
  it('is read as the ISO code na, said with the language named', async () => {
    const file = path.join(dir, 'na.csv');
    fs.writeFileSync(file, 'feature,value,min,max\nlanguage,NA,1,\nworking language,na,,0\nlanguage,fr,1,\n');
    const rules = await readQuotaFile(file);
    expect(rules.map((r) => r.value)).toEqual(['na', 'na', 'fr']);
    expect(quotaReadings(rules)).toEqual([
      'na.csv line 2: "NA" read as language na (Nauru), its ISO 639-1 code, not as "not available" (no quota counts applications without a language)',
      'na.csv line 3: "na" read as working language na (Nauru), its ISO 639-1 code, not as "not available" (no quota counts applications without a language)',
    ]);
    expect(quotaLabel('language', 'na')).toBe('language na (Nauru)');
    // (the network's own three by their codes, as every message has them)
    expect(quotaLabel('language', 'fr')).toBe('language fr');
  });

  // (the same file's country "NA" is Namibia, as ambiguous a cell: it was read unsaid beside the language's caution)
  it('a country written NA in the same file is said to be read as Namibia, as the language is as Nauruan', async () => {
    const file = path.join(dir, 'na-both.csv');
    fs.writeFileSync(file, 'feature,value,min,max\ncountry,NA,,2\nlanguage,NA,,1\ncountry,KE,,2\n');
    const rules = await readQuotaFile(file);
    expect(rules.map((r) => [r.feature, r.value])).toEqual([['country', 'NA'], ['language', 'na'], ['country', 'KE']]);
    expect(quotaReadingsMarked(rules)).toEqual([
      { text: 'na-both.csv line 2: "NA" read as country NA (Namibia), its ISO 3166-1 code, not as "not available" (no quota counts applications without a country)', caution: true },
      { text: 'na-both.csv line 3: "NA" read as language na (Nauru), its ISO 639-1 code, not as "not available" (no quota counts applications without a language)', caution: true },
    ]);
  });

  it('"N/A" or "none" is refused as standing for no language', async () => {
    for (const v of ['N/A', 'none', 'n.a.']) {
      const file = path.join(dir, 'none.csv');
      fs.writeFileSync(file, `feature,value,min,max\nlanguage,${v},1,\n`);
      await expect(readQuotaFile(file)).rejects.toThrow(/line 2: ".*" is not a language: it stands for none, and no quota or filter counts applications without a language$/);
    }
  });
});
