import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readQuotaFile } from '../../../src/selection/quota-file.js';
import { tempDir } from '../support/run.js';

// Quotas files from other offices' templates (fourteenth trial of select): each was refused or
// misread before; now read as meant, and what was inferred is said.
const dir = tempDir('skillsnet-quota-templates-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function read(name: string, text: string): Promise<{ rules: [string, string, number, number | null][]; notes: string[] }> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const notes: string[] = [];
  const rules = await readQuotaFile(file, dir, { size: 25, onNote: (n) => notes.push(n) });
  return { rules: rules.map((r) => [r.feature, r.value, r.min, r.max]), notes };
}

describe('quotas files from other templates', () => {
  it('Spanish and stratification headers: rasgo, característica; variable, level', async () => {
    // ("rasgo, valor, mínimo, máximo": no "feature" column, refused)
    expect((await read('es.csv', 'rasgo,valor,mínimo,máximo\nregión,África,3,8\nidioma,español,2,\n')).rules).toEqual([['region', 'Africa', 3, 8], ['language', 'es', 2, null]]);
    expect((await read('var.csv', 'Variable;Level;Min;Max\nregion;Africa;3;8\n')).rules).toEqual([['region', 'Africa', 3, 8]]);
  });

  it('the feature and the value in one column ("region:Africa") beside min and max', async () => {
    // (it had no "feature" column and was refused)
    const { rules, notes } = await read('merged.csv', 'Quota,Min,Max,Notes\nregion:Africa,3,8,from the RO\nregion: Americas,2,,\nlangue = français,3,,\nTotal,5,,\n');
    expect(rules).toEqual([['region', 'Africa', 3, 8], ['region', 'Americas', 2, null], ['language', 'fr', 3, null]]);
    expect(notes).toContain('merged.csv line 1: column "Quota" holds the feature and the value together ("region:Africa"): read as both');
    // (a cell whose part before the colon is no feature is no such cell: the file is still refused as before)
    await expect(read('notes.csv', 'Quota,Min,Max\nNote: Africa,3,8\n')).rejects.toThrow(/has no "feature" column/);
  });

  it('"category,name,min,max", the stratification app\'s template: category is what is counted', async () => {
    // (it was read as a table of categories: "unknown category region")
    const { rules, notes } = await read('strat.csv', 'category,name,min,max\nregion,Africa,3,8\nlanguage,fr,2,\n');
    expect(rules).toEqual([['region', 'Africa', 3, 8], ['language', 'fr', 2, null]]);
    expect(notes).toContain('strat.csv line 1: column "category" holds features (region, language): read as the feature, and column "name" as the value');
    // a table of categories is still one
    expect((await read('cats.csv', 'Catégorie;Min;Max\nlife-skills;2;\nentrepreneurship;;3\n')).rules).toEqual([['category', 'life-skills', 2, null], ['category', 'entrepreneurship', 0, 3]]);
  });

  it('a second table under the first, with a header of its own', async () => {
    // ("Language,Min,Max" under feature,value,min,max: "Min is not a language")
    const { rules, notes } = await read('two.csv', 'Feature,Value,Min,Max\nregion,Africa,3,8\n\nLanguage,Min,Max\nfr,2,\nes,,4\n\nMax,Min,Value,Feature\n2,,KE,country\n');
    expect(rules).toEqual([['region', 'Africa', 3, 8], ['language', 'fr', 2, null], ['language', 'es', 0, 4], ['country', 'KE', 0, 2]]);
    expect(notes).toContain('two.csv line 4: a second table starts (Language, Min, Max): its lines read by its own header');
    // (a bound the first table has no column for is refused, not dropped)
    await expect(read('nomax.csv', 'feature,value,min\nregion,Africa,3\nLanguage,Min,Max\nfr,2,4\n')).rejects.toThrow(/line 3: the table starting here has a max column, the first table \(line 1\) none/);
  });

  it('a line of the first table\'s shape after the second table is said to be one, not an unknown region', async () => {
    // ("unknown region "language"": the first table's lines continuing below "Region,Min,Max",
    // whose first column holds regions, were read as regions)
    await expect(read('cont.csv', 'feature,value,min,max\nlanguage,fr,1,\nRegion,Min,Max\nAfrica,2,5\n\nlanguage,es,1,\n')).rejects.toThrow(
      /^cont\.csv line 6: "language, es, 1" is a line of the first table \(feature, value, min, max, line 1\) below the table of region starting at line 3$/,
    );
    // blank lines and a TOTAL line in the second table are no such line
    expect((await read('blank.csv', 'feature,value,min,max\nlanguage,fr,1,\n\n\nRegion,Min,Max\n\nAfrica,2,5\nTOTAL,2,5\n')).rules).toEqual([['language', 'fr', 1, null], ['region', 'Africa', 2, 5]]);
  });
});

describe('a name with a comma, typed unquoted', () => {
  it('is refused as a line one cell too long, not as a min of words', async () => {
    // ("min needs a whole number of at least 0, got "data and analysis"": the trailing empty max
    // cell hid the extra cell, so the delimiter inside the name went unsaid)
    await expect(read('uq.csv', 'feature,value,min,max\ncategory,Research, data and analysis,1,\n')).rejects.toThrow(/uq\.csv line 2: 5 cells but the header names 4 columns \(category \| Research \| data and analysis \| 1 \| \)/);
    // a trailing empty cell beside bounds as written is no such line
    expect((await read('trail.csv', 'feature,value,min,max\nregion,Africa,,no limit,\nregion,Americas,2,,\n')).rules).toEqual([['region', 'Africa', 0, null], ['region', 'Americas', 2, null]]);
  });
});
