import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OperationError, UsageError } from '../../../src/errors.js';
import { readQuotaFile } from '../../../src/selection/quota-file.js';
import { quotaReadings } from '../../../src/selection/quotas.js';
import { selectRoster } from '../../../src/selection/select.js';
import { scoreKey, type Candidate } from '../../../src/selection/candidates.js';
import { bruteForce } from './fixtures.js';
import { ROOT, tempDir } from '../support/run.js';

// The 25 quota files of the fourteenth trial of select (test/fixtures/quota-files-14, invented):
// other offices' templates (columns in another order, a notes column, "region:Africa" in one
// column, "category,name,min,max"), shares with a % sign, bounds in words and signs, ranges, a
// TOTAL line, a second table under the first, French and Spanish headers, .xlsx with a title row
// or percentage cells, TSV, Windows-1252 with sep=; and CRLF. Each is read as meant or refused
// with one reason (exit 1 for a file with no rules to read, 2 for a rule written wrong), and each
// file that reads is solved to the brute force's optimum on a small invented call.
const FILES = path.join(ROOT, 'test', 'fixtures', 'quota-files-14');
const dir = tempDir('skillsnet-quota-corpus-14-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Rule = [feature: string, value: string, min: number, max: number | null];
const CORPUS: Record<string, { rules?: Rule[]; said?: RegExp[]; refused?: [typeof OperationError | typeof UsageError, RegExp] }> = {
  'o01-columns-reversed-notes.csv': { rules: [['region', 'Africa', 3, 8], ['language', 'fr', 2, null], ['country', '*', 0, 2]] },
  'o02-criterion-merged.csv': { rules: [['region', 'Africa', 2, 6], ['region', 'Americas', 1, null], ['language', 'es', 1, null], ['category', 'life-skills', 1, null]], said: [/column "Criterion" holds the feature and the value together \("region:Africa"\): read as both/] },
  'o03-percent-signs.csv': { rules: [['region', 'Africa', 5, 10], ['language', 'en', 0, 15], ['organizationType', 'ngo', 0, 12]] },
  'o04-bounds-in-words.csv': { rules: [['region', 'Americas', 1, null], ['country', '*', 0, 2], ['language', 'en', 0, 15], ['region', 'Africa', 1, 10]] },
  'o05-ranges.csv': { rules: [['region', 'Africa', 2, 4], ['region', 'Americas', 1, 3], ['language', 'fr', 1, null], ['country', '*', 0, 2]] },
  'o06-TOTAL-line.csv': { rules: [['region', 'Africa', 2, 6], ['region', 'Americas', 1, 5], ['region', 'Asia and the Pacific', 1, 4]], said: [/line 5: "TOTAL, 4, 15" is a totals line, not a rule: skipped/] },
  'o07-second-table.csv': { rules: [['region', 'Africa', 2, 8], ['region', 'Americas', 1, null], ['workingLanguage', 'fr', 0, null], ['language', 'en', 0, 17], ['language', 'fr', 1, null]], said: [/line 5: a second table starts \(Working language, Min, Max\)/, /line 7: a second table starts \(Language, Min, Max\)/] },
  'o08-caracteristique-min-only.csv': { rules: [['region', 'Africa', 2, null], ['region', 'Americas', 1, null], ['language', 'fr', 1, null], ['category', 'life-skills', 1, null]] },
  'o09-rasgo-es.csv': { rules: [['region', 'Africa', 2, 8], ['region', 'Americas', 1, null], ['language', 'es', 1, null], ['country', '*', 0, 2]] },
  'o10-title-row.xlsx': { rules: [['region', 'Africa', 2, 7], ['region', 'Europe and Central Asia', 0, 3], ['language', 'en', 0, 20]], said: [/row 1, above the header \(row 3\), skipped as notes/] },
  'o11-tsv.tsv': { rules: [['region', 'Americas', 1, 5], ['language', 'es', 1, null], ['category', 'entrepreneurship', 1, null]] },
  'o12-category-name.csv': { rules: [['region', 'Africa', 2, null], ['region', 'Americas', 1, null], ['language', 'fr', 1, null]], said: [/column "category" holds features \(region, language\): read as the feature, and column "name" as the value/] },
  'o13-fr-percent-sans-limite.csv': { rules: [['region', 'Africa', 2, 12], ['region', 'Americas', 1, null], ['language', 'en', 0, 17]] },
  'o14-es-cupo.csv': { rules: [['region', 'Africa', 2, 6], ['region', 'Americas', 1, null], ['country', '*', 0, 2]] },
  'o15-merged-es.csv': { rules: [['region', 'Africa', 2, 6], ['language', 'es', 1, null], ['category', 'entrepreneurship', 1, null]] },
  'o16-infeasible-pair.csv': { rules: [['region', 'Arab States', 3, null], ['country', '*', 0, 1], ['subregion', 'Western Asia', 0, 1]] },
  'o17-shares-beneficiary.csv': { rules: [['beneficiary', 'youth', 5, null], ['beneficiary', 'women', 3, null], ['organizationType', 'private company', 0, 2]] },
  'o18-percent-cells.xlsx': { rules: [['region', 'Africa', 5, 10], ['language', 'fr', 3, null]] },
  'o19-country-exception.csv': { rules: [['country', '*', 0, 1], ['country', 'NG', 0, 2], ['region', 'Africa', 2, null]], said: [/line 3: at most 2 for country Nigeria, an exception to line 2/] },
  'o20-category-dropdown.csv': { rules: [['category', 'research-data', 1, null], ['category', 'life-skills', 1, null], ['category', 'training-delivery', 0, 8]], said: [/line 2: "research-data: Research, data and analysis" read as category research-data/] },
  'o21-language-NA.csv': { rules: [['language', 'na', 0, 0], ['language', 'en', 1, null]], said: [/line 2: "NA" read as language na \(Nauru\), its ISO 639-1 code, not as "not available"/] },
  'o22-json.json': { refused: [OperationError, /looks like JSON; a quotas file is a table, so it holds no rules that can be read/] },
  'o23-header-only.csv': { refused: [OperationError, /has no rules, only its header: nothing to select by/] },
  'o24-dash-max.csv': { refused: [UsageError, /line 2: max "—" may be 0 \(Excel's accounting format shows 0 as a dash\) or no limit/] },
  'o25-cp1252-crlf-sep.csv': { rules: [['region', 'Arab States', 1, null], ['region', 'Americas', 1, 4], ['workingLanguage', 'fr', 0, null], ['country', '*', 0, 2]], said: [/line 3: "États arabes" read as region Arab States/] },
};

describe('quota files of the fourteenth trial', () => {
  it('has an expectation for every file', () => {
    expect(fs.readdirSync(FILES).sort()).toEqual(Object.keys(CORPUS).sort());
  });

  for (const [name, expected] of Object.entries(CORPUS)) {
    it(name, async () => {
      const notes: string[] = [];
      const read = readQuotaFile(path.join(FILES, name), dir, { size: 25, onNote: (n) => notes.push(n) });
      if (expected.refused) {
        const e = await read.catch((x: unknown) => x);
        expect(e).toBeInstanceOf(expected.refused[0]);
        expect((e as Error).message).toMatch(expected.refused[1]);
        return;
      }
      const rules = await read;
      expect(rules.map((r) => [r.feature, r.value, r.min, r.max])).toEqual(expected.rules);
      const said = [...notes, ...quotaReadings(rules)];
      for (const line of expected.said ?? []) expect(said.some((s) => line.test(s)), `${line} in:\n${said.join('\n')}`).toBe(true);
    });
  }
});

describe('the trial files as the solver meets them', () => {
  // 16 invented applications over the regions, countries, languages, categories, beneficiaries
  // and types the files name (two from Nigeria, three from the Arab States, one in Western Asia's Türkiye)
  const rows: [string, Candidate['region'], string, string[], string[], string, number][] = [
    ['NG', 'Africa', 'en', ['life-skills'], ['Youth'], 'NGO', 9.1], ['NG', 'Africa', 'en', ['research-data'], ['Women'], 'NGO', 8.8],
    ['SN', 'Africa', 'fr', ['entrepreneurship'], ['Youth'], 'Private company', 8.7], ['KE', 'Africa', 'en', ['training-delivery'], [], 'NGO', 8.2],
    ['MA', 'Africa', 'fr', ['life-skills', 'training-delivery'], ['Women'], 'Government agency', 7.9], ['MX', 'Americas', 'es', ['entrepreneurship'], ['Youth'], 'NGO', 9.4],
    ['CO', 'Americas', 'es', ['research-data'], [], 'Private company', 5.9], ['BR', 'Americas', 'pt', ['training-delivery'], ['Youth'], 'NGO', 6.8],
    ['JO', 'Arab States', 'en', ['life-skills'], ['Refugees'], 'NGO', 6.5], ['LB', 'Arab States', 'fr', ['training-delivery'], ['Youth'], 'NGO', 6.1],
    ['SA', 'Arab States', 'en', ['entrepreneurship'], ['Women'], 'Private company', 5.5], ['TH', 'Asia and the Pacific', 'en', ['research-data'], [], 'NGO', 8.9],
    ['VN', 'Asia and the Pacific', 'en', ['life-skills'], ['Youth'], 'NGO', 5.2], ['FR', 'Europe and Central Asia', 'fr', ['training-delivery'], [], 'NGO', 9.8],
    ['ES', 'Europe and Central Asia', 'es', ['entrepreneurship'], ['Women'], 'NGO', 4.4], ['TR', 'Europe and Central Asia', 'en', ['research-data'], ['Youth'], 'NGO', 7.0],
  ];
  const candidates: Candidate[] = rows.map(([country, region, language, categories, beneficiaries, organizationType, score], i) => ({
    id: i + 1, organization: `Org ${i + 1}`, country, region, language, workingLanguage: null, categories, organizationType, beneficiaries, score, scoreSource: 'application',
  }));

  for (const [name, expected] of Object.entries(CORPUS)) {
    if (expected.refused) continue;
    it(`${name}: the total is the brute force's best, or both find no roster`, async () => {
      const size = 6;
      const rules = await readQuotaFile(path.join(FILES, name), dir, { size });
      const best = bruteForce(candidates, size, rules);
      const result = await selectRoster(candidates, { size, rules, alternates: 0 });
      expect(result.feasible).toBe(best !== null);
      if (best === null) return;
      expect(result.optimal).toBe(true);
      expect(result.members.reduce((s, m) => s + scoreKey(m.candidate.score), 0)).toBe(best);
    });
  }
});
