import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { counts, expandQuotas, quotaRulesFromFlags, describeQuota, normaliseValue, unmatchedRules, type QuotaRule } from '../../../src/selection/quotas.js';
import { readQuotaFile } from '../../../src/selection/quota-file.js';
import type { Candidate } from '../../../src/selection/candidates.js';
import { ROOT, tempDir } from '../support/run.js';

const c = (id: number, country: string, region: Candidate['region'], language: string, organizationType: string | null = null): Candidate => ({
  id, organization: `O${id}`, country, region, language, categories: [], organizationType, beneficiaries: [], score: 1, scoreSource: 'application',
});

describe('quotas', () => {
  it('turns flags into rules and * into every value', () => {
    const rules = quotaRulesFromFlags({ minPerRegion: '3', maxPerCountry: '2', minPerLanguage: 'en=1, fr:2' });
    expect(rules.map((r) => [r.feature, r.value, r.min, r.max])).toEqual([
      ['region', '*', 3, null], ['country', '*', 0, 2], ['language', 'en', 1, null], ['language', 'fr', 2, null],
    ]);
    const quotas = expandQuotas(rules, [c(1, 'MX', 'Americas', 'es'), c(2, 'KE', 'Africa', 'en')]);
    // Every region (even without applications), countries present only, languages named.
    expect(quotas.filter((q) => q.feature === 'region')).toHaveLength(5);
    expect(quotas.filter((q) => q.feature === 'country').map((q) => q.value)).toEqual(['KE', 'MX']);
    expect(quotas.map(describeQuota)).toContain('country MX (Mexico) at most 2');
  });

  it('merges quotas on the same value: the largest minimum and the smallest maximum hold', () => {
    const rules: QuotaRule[] = [
      { feature: 'region', value: '*', min: 2, max: null, source: 'a' },
      { feature: 'region', value: 'Africa', min: 4, max: 8, source: 'b' },
      { feature: 'region', value: 'Africa', min: 1, max: 6, source: 'c' },
    ];
    const africa = expandQuotas(rules, []).find((q) => q.value === 'Africa')!;
    expect(africa).toMatchObject({ min: 4, max: 6, sources: ['a', 'b', 'c'] });
  });

  it("lets a file's line for one value loosen that bound of its line for every value, and only that bound", async () => {
    const fixtures = path.join(ROOT, 'test', 'fixtures', 'quota-files');
    const apps = [c(1, 'NG', 'Africa', 'en'), c(2, 'KE', 'Africa', 'en'), c(3, 'MX', 'Americas', 'es'), c(4, 'JO', 'Arab States', 'en'), c(5, 'FR', 'Europe and Central Asia', 'fr')];
    const shown = (rules: QuotaRule[]) => expandQuotas(rules, apps).map((q) => [q.value, q.min, q.max]);
    expect(shown(await readQuotaFile(path.join(fixtures, '39-every-country-but-one.csv')))).toEqual([['FR', 0, 2], ['JO', 0, 2], ['KE', 0, 2], ['MX', 0, 2], ['NG', 0, 3]]);
    expect(shown(await readQuotaFile(path.join(fixtures, '40-each-region-exceptions.csv')))).toEqual([
      ['Africa', 0, 0], ['Americas', 2, null], ['Arab States', 1, null], ['Asia and the Pacific', 2, null], ['Europe and Central Asia', 2, null],
    ]);
    // a bound left empty is no exception: Nigeria at least 1 under "at most 2 per country" is 1 to 2
    const dir = tempDir('skillsnet-quota-exceptions-');
    const file = path.join(dir, 'q.csv');
    fs.writeFileSync(file, 'feature,value,min,max\ncountry,*,1,2\ncountry,Nigeria,,3\ncountry,Kenya,0,\n');
    expect(shown(await readQuotaFile(file))).toEqual([['FR', 1, 2], ['JO', 1, 2], ['KE', 0, 2], ['MX', 1, 2], ['NG', 1, 3]]);
    // rules from flags still combine as the tighter: --max-per-country 2 holds for Nigeria
    const withFlag = [...quotaRulesFromFlags({ maxPerCountry: '2' }), ...(await readQuotaFile(path.join(fixtures, '39-every-country-but-one.csv')))];
    expect(shown(withFlag).find(([v]) => v === 'NG')).toEqual(['NG', 0, 2]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rejects bad flag values with the flag named', () => {
    expect(() => quotaRulesFromFlags({ minPerRegion: 'three' })).toThrow(/--min-per-region needs a whole number/);
    expect(() => quotaRulesFromFlags({ minPerLanguage: 'en' })).toThrow(/CODE=K/);
  });

  it('reads a quotas file: names resolved, empty min and max, organisation types free text', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'q.csv');
    fs.writeFileSync(file, '\uFEFFfeature,value,min,max\nregion,arab states,2,\ncountry,Mexique,,1\nlanguage,fr,3,\ncategory,life-skills,1,\norganizationType, NGO ,,10\n\n');
    const rules = await readQuotaFile(file);
    expect(rules.map((r) => [r.feature, r.value, r.min, r.max, r.source])).toEqual([
      ['region', 'Arab States', 2, null, 'q.csv line 2'],
      ['country', 'MX', 0, 1, 'q.csv line 3'],
      ['language', 'fr', 3, null, 'q.csv line 4'],
      ['category', 'life-skills', 1, null, 'q.csv line 5'],
      ['organizationType', 'ngo', 0, 10, 'q.csv line 6'],
    ]);
    const quotas = expandQuotas(rules, [c(1, 'MX', 'Americas', 'es', 'NGO')]);
    expect(quotas.find((q) => q.feature === 'organizationType')).toMatchObject({ value: 'ngo', max: 10 });
  });

  it('names the line and the fix for a bad quotas file', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'feature,value,min,max\ncategory,lifeskils,1,\n');
    await expect(readQuotaFile(bad)).rejects.toThrow(/bad.csv line 2: unknown category "lifeskils"; did you mean "life-skills"\?/);
    fs.writeFileSync(bad, 'what,ever\n1,2\n');
    await expect(readQuotaFile(bad)).rejects.toThrow(/has no "feature" column/);
    await expect(readQuotaFile(path.join(dir, 'missing.csv'))).rejects.toThrow(/cannot read the quotas file/);
  });

  it('names the line of a minimum above its maximum (min and max typed the wrong way round)', async () => {
    const bad = path.join(tempDir(), 'swapped.csv');
    fs.writeFileSync(bad, 'feature;value;min;max\nregion;Africa;3;8\nregion;Americas;8;3\n');
    await expect(readQuotaFile(bad)).rejects.toThrow(/swapped.csv line 3: min 8 is more than max 3/);
  });
});

describe('quotas on organisation types and beneficiaries in French or Spanish', () => {
  it('count the applications whose stored English term they name ("ONG" is NGO, "Jeunes" is Youth)', async () => {
    const dir = tempDir('skillsnet-quotas-fr-');
    const file = path.join(dir, 'quotas.csv');
    fs.writeFileSync(file, 'feature;value;min;max\r\norganizationType;ONG;;1\r\nbeneficiary;Jeunes;1;\r\nbeneficiary;Mujeres;1;\r\n');
    const rules = await readQuotaFile(file);
    const a = { ...c(1, 'SN', 'Africa', 'fr', 'NGO'), beneficiaries: ['Youth'] };
    const b = { ...c(2, 'MX', 'Americas', 'es', 'Fundación'), beneficiaries: ['Women', 'Youth'] };
    const quotas = expandQuotas(rules, [a, b]);
    const ngo = quotas.find((q) => q.feature === 'organizationType')!;
    expect(ngo).toMatchObject({ max: 1 });
    // both are NGOs: the English "NGO" and the Spanish "Fundación" stored by an older import
    expect([a, b].filter((x) => counts(x, ngo))).toHaveLength(2);
    const youth = quotas.find((q) => q.feature === 'beneficiary' && q.sources[0]!.endsWith('line 3'))!;
    expect([a, b].filter((x) => counts(x, youth))).toHaveLength(2);
    const women = quotas.find((q) => q.feature === 'beneficiary' && q.sources[0]!.endsWith('line 4'))!;
    expect([a, b].filter((x) => counts(x, women)).map((x) => x.id)).toEqual([2]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('read the groups as the social-inclusion category names them ("rural, informal") and as Spain and Quebec name NGOs', () => {
    const informal = { ...c(1, 'SN', 'Africa', 'fr', 'Organisme à but non lucratif'), beneficiaries: ['Économie informelle', 'Zones rurales'] };
    const stored = { ...c(2, 'PE', 'Americas', 'es', 'NGO'), beneficiaries: ['Informal economy workers', 'Rural workers', 'Persons with disabilities'] };
    const rules: QuotaRule[] = [
      ['beneficiary', 'informal'], ['beneficiary', 'Rural'], ['beneficiary', 'PWDs'], ['organizationType', 'Organización sin ánimo de lucro'],
    ].map(([feature, written], i) => ({ feature: feature as QuotaRule['feature'], value: normaliseValue(feature as QuotaRule['feature'], written!), min: 1, max: null, source: `q.csv line ${i + 2}` }));
    const quotas = expandQuotas(rules, [informal, stored]);
    expect(quotas.map((q) => [q.value, [informal, stored].filter((x) => counts(x, q)).map((x) => x.id)])).toEqual([
      ['ngo', [1, 2]], ['informal economy workers', [1, 2]], ['persons with disabilities', [2]], ['rural workers', [1, 2]],
    ]);
  });

  it('read "TVET" (and EFTP) alone as the training providers it names', () => {
    const school = c(1, 'KE', 'Africa', 'en', 'TVET institution');
    for (const written of ['TVET', 'EFTP']) {
      const [quota] = expandQuotas([{ feature: 'organizationType', value: normaliseValue('organizationType', written), min: 1, max: null, source: 'q.csv line 2' }], [school]);
      expect(counts(school, quota), written).toBe(true);
    }
  });
});

describe('quotas files as Excel saves them', () => {
  it('French Excel (Windows-1252, semicolons) and "Unicode Text" (UTF-16, tabs) are read like the import reads files', async () => {
    const iconv = (await import('iconv-lite')).default;
    const dir = tempDir('skillsnet-quotas-enc-');
    const cp1252 = path.join(dir, 'quotas-fr.csv');
    fs.writeFileSync(cp1252, iconv.encode("feature;value;min;max\r\ncountry;Côte d'Ivoire;;1\r\nlanguage;Français;2;\r\n", 'windows-1252'));
    expect((await readQuotaFile(cp1252)).map((r) => [r.feature, r.value, r.min, r.max])).toEqual([['country', 'CI', 0, 1], ['language', 'fr', 2, null]]);
    const utf16 = path.join(dir, 'quotas.txt');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('feature\tvalue\tmin\tmax\r\nregion\tAfrica\t3\t\r\ncountry\tMéxico\t\t2\r\n', 'utf16le')]));
    expect((await readQuotaFile(utf16)).map((r) => [r.feature, r.value, r.min, r.max])).toEqual([['region', 'Africa', 3, null], ['country', 'MX', 0, 2]]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('feature names as officers write them', () => {
  it('British spelling, plurals and spacing are the same feature', async () => {
    const dir = tempDir('skillsnet-quotas-features-');
    const file = path.join(dir, 'q.csv');
    fs.writeFileSync(file, 'Feature,Value,Min,Max\norganisationType,NGO,,5\nOrganisation types,Cooperative,,2\nbeneficiaries,Youth,3,\nRegions,Africa,3,\ncountries,MX,,1\n');
    expect((await readQuotaFile(file)).map((r) => r.feature)).toEqual(['organizationType', 'organizationType', 'beneficiary', 'region', 'country']);
    // "type", as `--type` and `stats --by type` name the organisation type
    fs.writeFileSync(file, 'feature,value,min,max\ntype,NGO,,4\nTipo,ONG,1,\nOrg type,Cooperative,,2\n');
    expect((await readQuotaFile(file)).map((r) => [r.feature, r.value, r.min, r.max])).toEqual([['organizationType', 'ngo', 0, 4], ['organizationType', 'ngo', 1, null], ['organizationType', 'cooperative', 0, 2]]);
    // the ILO region in French and Spanish, and a beneficiary group named as such or as the target population
    fs.writeFileSync(file, "critère;valeur;min;max\nRégion OIT;Afrique;3;\nrégion de l'OIT;Amériques;2;\nRegión OIT;Estados Árabes;1;\nBeneficiary group;Youth;2;\nPopulation cible;Femmes;1;\nPoblación objetivo;Migrantes;1;\nGrupo objetivo;Refugiados;1;\n");
    expect((await readQuotaFile(file)).map((r) => [r.feature, r.value])).toEqual([
      ['region', 'Africa'], ['region', 'Americas'], ['region', 'Arab States'], ['beneficiary', 'youth'], ['beneficiary', 'women'], ['beneficiary', 'migrants'], ['beneficiary', 'refugees'],
    ]);
    fs.writeFileSync(file, 'feature,value,min,max\nsector,Health,1,\n');
    await expect(readQuotaFile(file)).rejects.toThrow(/unknown feature "sector"/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('per-organisation quotas', () => {
  const o = (id: number, organization: string, organizationId?: number | null): Candidate => ({
    id, organization, organizationId, country: 'KE', region: 'Africa', language: 'en', categories: [], organizationType: null, beneficiaries: [], score: 1, scoreSource: 'application',
  });

  it('count the organisation record an application is linked to, else its name', () => {
    // two records of one name; two names of one record (merged); two unlinked spellings of one name
    const candidates = [o(1, 'Ministry of Labour', 7), o(2, 'Ministry of Labour', 8), o(3, 'Skills Trust', 9), o(4, 'Skills Trust Fund', 9), o(5, 'Lone  Org'), o(6, 'lone org'), o(7, 'Single', 10)];
    const quotas = expandQuotas(quotaRulesFromFlags({ maxPerOrganization: '1' }), candidates);
    // only the organisations with more than one application are capped
    expect(quotas.map((q) => q.value)).toEqual(['lone org', 'org-9']);
    expect(quotas.map(describeQuota)).toEqual(['organisation "lone org" at most 1', 'organisation "Skills Trust" (org-9) at most 1']);
    expect(candidates.filter((x) => counts(x, quotas[1]!)).map((x) => x.id)).toEqual([3, 4]);
  });

  it('a named organisation counts every application of that name, linked or not', () => {
    const candidates = [o(1, 'Ministry of Labour', 7), o(2, 'ministry  of labour', 8), o(3, 'Ministry of Labour'), o(4, 'Other', 9)];
    const [named] = expandQuotas([{ feature: 'organization', value: 'ministry of labour', min: 0, max: 1, source: 'q.csv line 2' }], candidates);
    expect(candidates.filter((x) => counts(x, named!)).map((x) => x.id)).toEqual([1, 2, 3]);
  });
});

/** A quotas file q.csv in a folder of its own, with the reader of flags and file that select uses. */
async function quotasFile(text: string) {
  const { coreGroupRules } = await import('../../../src/selection/core-group.js');
  const dir = tempDir('skillsnet-quotas-file-');
  const file = path.join(dir, 'q.csv');
  fs.writeFileSync(file, text);
  return { file, coreGroupRules, done: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

describe('the one-seat-per-organisation default', () => {
  it('gives way to a quotas file line of its own (organization,*,,2), not to a flag given with it', async () => {
    const { file, coreGroupRules, done } = await quotasFile('feature,value,min,max\norganization,*,,2\nregion,Africa,1,\n');
    const caps = (rules: QuotaRule[]) => rules.filter((r) => r.feature === 'organization').map((r) => [r.max, r.source]);
    expect(caps(await coreGroupRules({ quotasFile: file }))).toEqual([[2, 'q.csv line 2']]);
    // an explicit flag still holds beside the file (the smaller maximum wins)
    expect(caps(await coreGroupRules({ quotasFile: file, maxPerOrganization: 1 }))).toEqual([[1, '--max-per-organization 1'], [2, 'q.csv line 2']]);
    // a file without such a line keeps the default
    fs.writeFileSync(file, 'feature,value,min,max\nregion,Africa,1,\norganization,Skills Trust,,0\n');
    expect(caps(await coreGroupRules({ quotasFile: file }))).toEqual([[1, '--max-per-organization 1'], [0, 'q.csv line 3']]);
    done();
  });
});

describe("a file's line looser than a rule for every value it does not make", () => {
  it('gives one organisation the seats its line asks beside the default of one seat (it was quietly held to one)', async () => {
    const { file, coreGroupRules, done } = await quotasFile('feature,value,min,max\norganization,org-2,,2\n');
    const apps = [1, 2, 3, 4].map((id) => ({ ...c(id, 'KE', 'Africa', 'en'), organizationId: id <= 2 ? 2 : 5 }));
    const notes: string[] = [];
    const seats = (rules: QuotaRule[]) => expandQuotas(rules, apps).filter((q) => q.feature === 'organization').map((q) => [q.value, q.max]);
    expect(seats(await coreGroupRules({ quotasFile: file }, undefined, (n) => notes.push(n)))).toEqual([['org-2', 2], ['org-5', 1]]);
    expect(notes).toContain('q.csv line 2: at most 2 for organisation org-2, an exception to one seat per organisation');
    // a flag typed is obeyed as the tighter, and said
    notes.length = 0;
    expect(seats(await coreGroupRules({ quotasFile: file, maxPerOrganization: 1 }, undefined, (n) => notes.push(n)))).toEqual([['org-2', 1], ['org-5', 1]]);
    expect(notes[0]).toMatch(/^q\.csv line 2: at most 2 for organization org-2 changes nothing: --max-per-organization 1 allows at most 1/);
    done();
  });

  it('holds an exception written by organisation name, or for an organisation merged since (both were said, not done)', async () => {
    const { followMerges } = await import('../../../src/selection/quotas.js');
    const { file, coreGroupRules, done } = await quotasFile('feature,value,min,max\norganization,*,,1\norganization,Skills Trust,,2\n');
    const apps = [1, 2, 3, 4, 5].map((id) => ({ ...c(id, 'KE', 'Africa', 'en'), organization: id <= 3 ? 'Skills Trust' : 'Other', organizationId: id <= 3 ? 5 : 6 }));
    const seats = (rules: QuotaRule[]) => expandQuotas(rules, apps).filter((q) => q.feature === 'organization').map((q) => [q.value, q.max]);
    expect(seats(await coreGroupRules({ quotasFile: file }))).toEqual([['org-6', 1], ['skills trust', 2]]);
    fs.writeFileSync(file, 'feature,value,min,max\norganization,Skills Trust,,2\n');
    expect(seats(await coreGroupRules({ quotasFile: file }))).toEqual([['org-6', 1], ['skills trust', 2]]);
    fs.writeFileSync(file, 'feature,value,min,max\norganization,*,,1\norganization,org-11,,2\n');
    expect(seats(followMerges(await coreGroupRules({ quotasFile: file }), new Map([[11, 5]])))).toEqual([['org-5', 2], ['org-6', 1]]);
    done();
  });

  it('reads an exception written in a range column ("at most 3" under "at most 2" for every country), and a contradiction there or between a share and a count', async () => {
    const { file, done } = await quotasFile('feature,value,range\ncountry,*,at most 2\ncountry,Nigeria,at most 3\n');
    const apps = [c(1, 'NG', 'Africa', 'en'), c(2, 'KE', 'Africa', 'en')];
    const shown = (rules: QuotaRule[]) => expandQuotas(rules, apps).map((q) => [q.value, q.min, q.max]);
    expect(shown(await readQuotaFile(file))).toEqual([['KE', 0, 2], ['NG', 0, 3]]);
    fs.writeFileSync(file, 'feature,value,range\ncountry,*,at most 2\ncountry,Nigeria,no limit\n');
    expect(shown(await readQuotaFile(file))).toEqual([['KE', 0, 2]]);
    fs.writeFileSync(file, 'feature,value,range\nregion,each,at least 2\nregion,Africa,0-0\n');
    expect(shown(await readQuotaFile(file)).find(([v]) => v === 'Africa')).toEqual(['Africa', 0, 0]);
    // (a share and a count for one bound contradict each other whatever --size makes of them)
    fs.writeFileSync(file, 'feature,value,min,max\nregion,Africa,10%,\nregion,Africa,2,\n');
    await expect(readQuotaFile(file, undefined, { size: 20 })).rejects.toThrow(/line 3: at least 2 for region Africa, but line 2 \(min 10% of 20 = 2\) says at least 2: which holds\?/);
    await expect(readQuotaFile(file, undefined, { size: 30 })).rejects.toThrow(/which holds\?/);
    fs.writeFileSync(file, 'feature,value,min,max\nregion,Africa,20%,\nregion,Africa,20 %,\n');
    expect(shown(await readQuotaFile(file, undefined, { size: 20 })).find(([v]) => v === 'Africa')).toEqual(['Africa', 4, null]);
    fs.writeFileSync(file, 'feature,value,range\nregion,Africa,3-8\nregion,Africa,at least 5\n');
    await expect(readQuotaFile(file)).rejects.toThrow(/line 3: at least 5 for region Africa, but line 2 says at least 3: which holds\?/);
    done();
  });

  it('says when a flag makes the line change nothing, and how to make it an exception', async () => {
    const { file, coreGroupRules, done } = await quotasFile('feature,value,min,max\nregion,Arab States,1,\ncountry,Nigeria,,3\nregion,Africa,,9\n');
    const notes: string[] = [];
    await coreGroupRules({ quotasFile: file, minPerRegion: 3, maxPerCountry: 2 }, undefined, (n) => notes.push(n));
    expect(notes).toEqual([
      'q.csv line 2: at least 1 for region Arab States changes nothing: --min-per-region 3 asks at least 3 of every region (the tighter holds; to make Arab States an exception, write the rule as a line "region,*,3," in the file instead of --min-per-region 3)',
      'q.csv line 3: at most 3 for country Nigeria changes nothing: --max-per-country 2 allows at most 2 in any country (the tighter holds; to make Nigeria an exception, write the rule as a line "country,*,,2" in the file instead of --max-per-country 2)',
    ]);
    done();
  });
});

describe('quotas on organisations merged since', () => {
  it('count the organisation kept; two that then name one become one, the tighter bounds holding', async () => {
    const { followMerges } = await import('../../../src/selection/quotas.js');
    const quotas = [
      { feature: 'organization' as const, value: 'org-3', min: 0, max: 2, sources: ['a'] },
      { feature: 'organization' as const, value: 'org-4', min: 1, max: 1, sources: ['b'] },
      { feature: 'organization' as const, value: 'org-9', min: 0, max: 1, sources: ['c'] },
      { feature: 'region' as const, value: 'Africa', min: 3, max: null, sources: ['d'] },
    ];
    const out = followMerges(quotas, new Map([[4, 3], [7, 3]]));
    expect(out).toEqual([
      { feature: 'organization', value: 'org-3', min: 1, max: 1, sources: ['a', 'b'] },
      { feature: 'organization', value: 'org-9', min: 0, max: 1, sources: ['c'] },
      { feature: 'region', value: 'Africa', min: 3, max: null, sources: ['d'] },
    ]);
    // the saved quotas are not changed
    expect(quotas[0]).toEqual({ feature: 'organization', value: 'org-3', min: 0, max: 2, sources: ['a'] });
  });
});

describe('eligibleCounts', () => {
  it('says for every quota what counts() says pair by pair', async () => {
    const { eligibleCounts } = await import('../../../src/selection/quotas.js');
    const names = ['Acme', 'acme ', 'Beta Trust', 'Gamma'];
    const candidates: Candidate[] = Array.from({ length: 60 }, (_, i) => ({
      id: i + 1, organization: names[i % 4]!, organizationId: i % 5 === 0 ? null : (i % 7) + 1, country: ['KE', 'MX', 'FR'][i % 3]!, region: (['Africa', 'Americas', 'Europe and Central Asia'] as const)[i % 3]!,
      language: ['en', 'es', 'fr'][i % 3]!, categories: i % 2 ? ['life-skills', 'training-delivery'] : ['life-skills'], organizationType: i % 3 ? 'NGO' : 'ONG',
      beneficiaries: i % 4 ? ['Youth', 'Jeunes'] : [], score: i % 10, scoreSource: 'application',
    }));
    const rules: QuotaRule[] = [
      ...quotaRulesFromFlags({ minPerRegion: '1', maxPerCountry: '9', minPerCategory: '1', maxPerOrganization: '1' }),
      { feature: 'organization', value: 'acme', min: 0, max: 1, source: 'q.csv line 2' },
      { feature: 'organizationType', value: 'ngo', min: 1, max: null, source: 'q.csv line 3' },
      { feature: 'beneficiary', value: 'youth', min: 1, max: null, source: 'q.csv line 4' },
      { feature: 'language', value: 'fr', min: 2, max: null, source: 'q.csv line 5' },
    ];
    const quotas = expandQuotas(rules, candidates);
    expect(quotas.filter((q) => q.feature === 'organization').length).toBeGreaterThan(3);
    expect(eligibleCounts(candidates, quotas)).toEqual(quotas.map((q) => candidates.filter((c) => counts(c, q)).length));
  });
});

describe('a quota on a beneficiary group or type nobody eligible has', () => {
  it('lists first the values in use that share a word with it, before the list is cut', () => {
    const groups = ['Youth', 'Job seekers', 'Government officials', 'Graduates', 'Employers', 'Teachers and trainers', 'Workers', 'Small and medium enterprises', 'TVET students', 'Women', 'Persons with disabilities', 'Refugees', 'Migrants', 'Rural workers'];
    // the most common first, "Rural workers" last of all
    const candidates = groups.map((b, i) => ({ ...c(i + 1, 'KE', 'Africa', 'en'), beneficiaries: groups.slice(0, groups.length - i) }));
    const rules: QuotaRule[] = [{ feature: 'beneficiary', value: 'rural', min: 1, max: null, source: 'q.csv line 2', written: 'Rural' }];
    const [unmatched] = unmatchedRules(rules, candidates);
    expect(unmatched.inUse[0]).toBe('Rural workers');
    expect(unmatched.inUse).toHaveLength(groups.length);
  });
});
