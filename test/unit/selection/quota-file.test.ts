import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { OperationError, UsageError } from '../../../src/errors.js';
import { readQuotaFile } from '../../../src/selection/quota-file.js';
import { tempDir } from '../support/run.js';

// Quotas files as officers write them in a trial with sets the tool had not seen: columns named
// in words, quoted headers, workbooks, shares of the roster, notes. A bound the reader cannot
// place must never be dropped quietly: the roster would then ignore the quota.
const dir = tempDir('skillsnet-quota-file-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const bounds = (rules: Awaited<ReturnType<typeof readQuotaFile>>) => rules.map((r) => [r.feature, r.value, r.min, r.max, r.source]);

describe('the columns of a quotas file', () => {
  it('are found under other names: minimum, Max., at least, Valeur, critère', async () => {
    const a = write('a.csv', 'feature,value,minimum,maximum\nregion,Arab States,5,\nregion,Africa,,2\n');
    expect(bounds(await readQuotaFile(a))).toEqual([['region', 'Arab States', 5, null, 'a.csv line 2'], ['region', 'Africa', 0, 2, 'a.csv line 3']]);
    const b = write('b.csv', 'Feature,Value,Min.,Max.\nregion,Africa,1,4\n');
    expect(bounds(await readQuotaFile(b))).toEqual([['region', 'Africa', 1, 4, 'b.csv line 2']]);
    const c = write('c.csv', 'critère;valeur;au moins;au plus\nrégion;Afrique;3;\nlangue;français;2;6\ntype d\'organisation;ONG;;4\n');
    expect(bounds(await readQuotaFile(c))).toEqual([
      ['region', 'Africa', 3, null, 'c.csv line 2'], ['language', 'fr', 2, 6, 'c.csv line 3'], ['organizationType', 'ngo', 0, 4, 'c.csv line 4'],
    ]);
  });

  it('are found when named "Nombre minimum", "Nb max", "Número mínimo", "Minimum number"', async () => {
    const fr = write('nombre.csv', 'Critère;Valeur;Nombre minimum;Nb max\nRégion;Afrique;3;6\n');
    expect(bounds(await readQuotaFile(fr))).toEqual([['region', 'Africa', 3, 6, 'nombre.csv line 2']]);
    const es = write('numero.csv', 'Criterio;Valor;Número mínimo;Número máximo\nRegión;África;2;5\n');
    expect(bounds(await readQuotaFile(es))).toEqual([['region', 'Africa', 2, 5, 'numero.csv line 2']]);
    const en = write('number.csv', 'Feature,Value,Minimum number,Maximum number\nregion,Africa,1,4\n');
    expect(bounds(await readQuotaFile(en))).toEqual([['region', 'Africa', 1, 4, 'number.csv line 2']]);
  });

  it('may be quoted, as Excel and LibreOffice write them when asked to quote every cell', async () => {
    const file = write('quoted.csv', '"feature","value","min","max"\n"region"," Asia and the Pacific ","2",""\n');
    expect(bounds(await readQuotaFile(file))).toEqual([['region', 'Asia and the Pacific', 2, null, 'quoted.csv line 2']]);
  });

  it('are refused when no min or max column is found, or when a column of numbers is neither', async () => {
    await expect(readQuotaFile(write('none.csv', 'feature,value\nregion,Africa\n'))).rejects.toThrow(/has no min or max column, so its rules would bound nothing/);
    await expect(readQuotaFile(write('mini.csv', 'feature,value,mini,max\nregion,Africa,3,\n'))).rejects.toThrow(/column "mini" holds numbers but is neither min nor max/);
    // a column of notes is only notes
    const notes = write('notes.csv', 'feature,value,min,max,notes\nregion,Africa,3,,asked by the regional office\n');
    expect(bounds(await readQuotaFile(notes))).toEqual([['region', 'Africa', 3, null, 'notes.csv line 2']]);
  });

  it('refuses a cell past the header (a value cut at its comma) instead of dropping it', async () => {
    const file = write('cut.csv', 'feature,value,min,max\nlanguage,es,,12,5%\n');
    await expect(readQuotaFile(file, dir, { size: 25 })).rejects.toThrow(/cut.csv line 2: 5 cells but the header names 4 columns/);
    // Excel's empty trailing columns are nothing
    const trailing = write('trailing.csv', 'feature;value;min;max;;\r\nregion;Africa;3;;;\r\n;;;;;\r\n');
    expect(bounds(await readQuotaFile(trailing))).toEqual([['region', 'Africa', 3, null, 'trailing.csv line 2']]);
  });
});

describe('a title above the header', () => {
  it('is skipped, as officers head a sheet; lines are still named as the file numbers them', async () => {
    const file = write('titled.csv', 'Quotas for the 2024 call;;;\n\nfeature;value;min;max\nregion;Afrique;3;\nlanguage;fr;2;\n');
    expect(bounds(await readQuotaFile(file))).toEqual([['region', 'Africa', 3, null, 'titled.csv line 4'], ['language', 'fr', 2, null, 'titled.csv line 5']]);
  });

  it('refuses a rule written above the header rather than skip it with the title', async () => {
    const file = write('above.csv', 'region,Americas,2,\nfeature,value,min,max\nregion,Africa,3,\n');
    await expect(readQuotaFile(file)).rejects.toThrow(/above.csv line 1: "region, Americas, 2" comes before the header \(line 2\)/);
  });

  it('refuses a rule above the header that leaves its feature out ("Africa,3,8", "Kenya;;2"), and still skips notes naming no place', async () => {
    await expect(readQuotaFile(write('place.csv', 'Quotas 2026\nAfrica,3,8\nfeature,value,min,max\nregion,Americas,2,\n'))).rejects.toThrow(/place.csv line 2: "Africa, 3, 8" comes before the header \(line 3\)/);
    await expect(readQuotaFile(write('country.csv', 'Kenya;;2\nfeature;value;min;max\nregion;Americas;2;\n'))).rejects.toThrow(/country.csv line 1: "Kenya, 2" comes before the header/);
    await expect(readQuotaFile(write('sub.csv', 'Afrique de l\'Ouest;2;\ncritère;valeur;min;max\nrégion;Afrique;3;\n'))).rejects.toThrow(/sub.csv line 1/);
    const notes = write('notes.csv', 'Version,2\nCore Group size,25\nAll,25\nCore Group quotas,Africa,2026\nfeature,value,min,max\nregion,Americas,2,\n');
    expect((await readQuotaFile(notes)).map((r) => r.value)).toEqual(['Americas']);
  });

  it('is looked for in the first lines only: a file with no header there is refused', async () => {
    const file = write('noheader.csv', 'region,Africa,3,\nregion,Americas,2,\n');
    await expect(readQuotaFile(file)).rejects.toThrow(/has no "feature" column \(its first line: region, Africa, 3; no line among its first 30 names the columns\)/);
  });
});

describe('what is not a set of rules', () => {
  it('an empty file or one without the header: no recognisable columns, so the operation fails (exit 1, as an import), saying what to write', async () => {
    const failed = async (file: string) => {
      const e = await readQuotaFile(file).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(OperationError);
      return (e as Error).message;
    };
    expect(await failed(write('empty.csv', ''))).toMatch(/has no "feature" column \(it is empty\)/);
    expect(await failed(write('bare.csv', 'region,Africa,3,\n'))).toMatch(/has no "feature" column \(its first line: region, Africa, 3; no line among its first 30 names the columns\)/);
  });

  // (they were usage errors, exit 2, while an empty file was exit 1: each is a file with no rules
  // to read, CONTRACT's "no recognisable columns"; a rule that names something wrong stays exit 2)
  it('a header alone, a JSON or YAML file, rules as sentences, no min or max column: the operation failed (exit 1), saying what to write', async () => {
    const refused = async (file: string) => {
      const e = await readQuotaFile(file).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(OperationError);
      return (e as Error).message;
    };
    expect(await refused(write('header.csv', 'feature,value,min,max\n'))).toMatch(/has no rules, only its header/);
    // (a header over nothing but a totals line, notes, the header again or empty cells was read as no
    // rules at all, and the selection ran without any quota, exit 0)
    expect(await refused(write('total.csv', 'feature,value,min,max\nTotal,,0,0\n'))).toMatch(/has no rules: the one line below its header is a note, a totals line or the header again: nothing to select by$/);
    expect(await refused(write('notes.csv', 'feature,value,min,max\n,,,\nsee last year\'s sheet\nfeature,value,min,max\n'))).toMatch(/has no rules: all 2 lines below its header are notes, totals lines or the header again/);
    expect(await refused(write('q.json', '[{"feature": "region", "value": "Africa", "min": 3}]'))).toMatch(/looks like JSON; a quotas file is a table/);
    // YAML, as a script-minded officer may write it: named as such, not "no feature column"
    expect(await refused(write('q.yaml', 'region:\n  Africa: {min: 3}\n'))).toMatch(/looks like YAML; a quotas file is a table/);
    expect(await refused(write('q.txt', '# quotas\n- feature: region\n  value: Africa\n  min: 3\n'))).toMatch(/looks like YAML/);
    expect(await refused(write('q2.txt', '---\nregion: Africa\n'))).toMatch(/looks like YAML/);
    expect(await refused(write('said.txt', 'At least 3 from Africa\nAt most 2 per country\n'))).toMatch(/holds rules written as sentences/);
    expect(await refused(write('nobound.csv', 'feature,value\nregion,Africa\n'))).toMatch(/has no min or max column/);
    expect(await refused(write('seats.csv', 'feature,value,seats\nregion,Africa,3\n'))).toMatch(/column "seats" holds numbers but is neither min nor max/);
    // (beside a min, a column of numbers to rename is a rule's column named wrong: usage, exit 2)
    await expect(readQuotaFile(write('mini2.csv', 'feature,value,mini,max\nregion,Africa,3,\n'))).rejects.toBeInstanceOf(UsageError);
    // a table is still a table, whatever its name
    expect((await readQuotaFile(write('table.yml', 'feature,value,min,max\nregion,Africa,3,\n'))).map((r) => r.value)).toEqual(['Africa']);
  });
});

describe('notes and shares in a quotas file', () => {
  it('skips lines that start with #, and still names lines as the file numbers them', async () => {
    const file = write('notes.csv', '# Core Group 2024\nfeature,value,min,max\n# one per region at least\nregion,*,1,\n\n# languages\nlanguage,xx,1,\n');
    await expect(readQuotaFile(file)).rejects.toThrow(/notes.csv line 7: "xx" is not a language/);
  });

  it('reads a percentage as a share of the size, rounding so that the share written always holds', async () => {
    const file = write('shares.csv', 'feature;value;min;max\nregion;Africa;20%;40%\nregion;Americas;15 %;\nlanguage;es;;12,5%\n');
    expect(bounds(await readQuotaFile(file, dir, { size: 25 }))).toEqual([
      ['region', 'Africa', 5, 10, 'shares.csv line 2 (min 20% of 25 = 5, max 40% of 25 = 10)'],
      ['region', 'Americas', 4, null, 'shares.csv line 3 (min 15 % of 25 = 4)'],
      ['language', 'es', 0, 3, 'shares.csv line 4 (max 12,5% of 25 = 3)'],
    ]);
    await expect(readQuotaFile(file)).rejects.toThrow(/shares.csv line 2: min 20% is a share of the roster, but its size is not known/);
    await expect(readQuotaFile(write('over.csv', 'feature,value,min,max\nregion,Africa,120%,\n'), dir, { size: 25 })).rejects.toThrow(/min 120% is more than the whole roster/);
    // a count with a decimal comma (French Excel, cells formatted with decimals) is that count; a fraction is not
    expect(bounds(await readQuotaFile(write('decimals.csv', 'feature;value;min;max\nregion;Africa;3,00;5,0\n')))).toEqual([['region', 'Africa', 3, 5, 'decimals.csv line 2']]);
    await expect(readQuotaFile(write('fraction.csv', 'feature;value;min;max\nregion;Africa;2,5;\n'))).rejects.toThrow(/fraction.csv line 2: min needs a whole number of at least 0, got "2,5"/);
    // a dash or "n/a" where Excel users mean "no limit": the hint says an empty cell is that
    const dash = await readQuotaFile(write('dash.csv', 'feature;value;min;max\nregion;Africa;2;-\n')).catch((e: unknown) => e as UsageError);
    expect(dash).toBeInstanceOf(UsageError);
    // (and says why a dash is not read as one: "needs a whole number" did not)
    expect((dash as UsageError).message).toBe('dash.csv line 2: max "-" may be 0 (Excel\'s accounting format shows 0 as a dash) or no limit');
    expect((dash as UsageError).hint).toMatch(/write 0, or leave the cell empty for no limit/);
    const na = await readQuotaFile(write('na.csv', 'feature;value;min;max\nregion;Africa;n/a;4\n')).catch((e: unknown) => e as UsageError);
    expect((na as UsageError).hint).toMatch(/or leave the cell empty for no minimum/);
    // "1,000" is a thousand in English and one in French: neither read as 1 nor guessed
    // a number JavaScript reads but no officer writes as a count: "1e3" is not 1000, "0x10" not 16
    for (const odd of ['1e3', '0x10', '0b11', '+3']) {
      await expect(readQuotaFile(write('odd.csv', `feature,value,min,max\nregion,Africa,${odd},\n`))).rejects.toThrow(`min needs a whole number of at least 0, got "${odd}"`);
    }
    await expect(readQuotaFile(write('thousands.csv', 'feature,value,min,max\nregion,Africa,,"1,000"\n'))).rejects.toThrow(/thousands.csv line 2: max needs a whole number of at least 0, got "1,000"/);
    // the same share as min and max, "exactly 15%", is 3.75 of 25: not swapped bounds, but no whole number
    const exactly = readQuotaFile(write('exactly.csv', 'feature,value,min,max\nregion,Africa,15%,15%\n'), dir, { size: 25 });
    await expect(exactly).rejects.toThrow(/exactly.csv line 2: min 15% of 25 = 4 is more than max 15% of 25 = 3: no whole number of members is at least 3.75 and at most 3.75/);
    await expect(exactly).rejects.toMatchObject({ hint: 'write counts instead (min 3, max 4), or shares further apart' });
    // a share that is a whole number of members is met exactly
    expect(bounds(await readQuotaFile(write('whole.csv', 'feature,value,min,max\nregion,Africa,20%,20%\n'), dir, { size: 25 }))).toEqual([['region', 'Africa', 5, 5, 'whole.csv line 2 (min 20% of 25 = 5, max 20% of 25 = 5)']]);
  });

  it('refuses a fraction in a column of shares ("0.2" under "Min %": 20% or 0.2%) instead of asking for 1 member', async () => {
    const file = write('fractions.csv', 'feature,value,Min %,Max %\nregion,Africa,20%,\nregion,Americas,20,\nregion,Arab States,0.2,\n');
    await expect(readQuotaFile(file, dir, { size: 25 })).rejects.toThrow(/fractions.csv line 4: "0.2" in column "Min %" may be 20% or 0.2%/);
    await expect(readQuotaFile(write('fr-fractions.csv', 'critère;valeur;Min %;Max %\nrégion;Afrique;;0,5\n'), dir, { size: 25 })).rejects.toThrow(/line 2: "0,5" in column "Max %" may be 50% or 0,5%/);
    // whole numbers and written shares there are read as before; a fraction in a column of counts stays refused as no count
    expect(bounds(await readQuotaFile(write('mixed.csv', 'feature,value,Min %,Max %\nregion,Africa,20%,\nregion,Americas,12,32.5%\n'), dir, { size: 25 })).map((b) => b.slice(0, 4))).toEqual([['region', 'Africa', 5, null], ['region', 'Americas', 3, 8]]);
  });
});

describe('a totals line naming a place', () => {
  it('is refused as a rule or a sum, not skipped ("Total,Africa,,3" under lines of countries)', async () => {
    const file = write('subtotal.csv', 'feature,value,min,max\ncountry,KE,,2\ncountry,NG,,2\nTotal,Africa,,3\n');
    await expect(readQuotaFile(file)).rejects.toThrow(/subtotal.csv line 4: "Total, Africa, 3" is a total for Africa: a rule on it, or the sum of the lines above\?/);
    await expect(readQuotaFile(write('subtotal-fr.csv', 'critère;valeur;min;max\nrégion;Afrique;2;\nSous-total;Kenya;1;\n'))).rejects.toMatchObject({ hint: 'for a rule write its feature instead of "Sous-total" (country,Kenya,…); for a sum, delete the line' });
    // a total of the whole file, or one for a feature, stays a totals line
    expect((await readQuotaFile(write('total.csv', 'feature,value,min,max\nregion,Africa,3,\nTotal,,3,\nregion,Total,3,\n'))).map((r) => r.value)).toEqual(['Africa']);
  });
});

describe('a feature left empty', () => {
  it('is carried down to the lines right below a merged cell, not across a blank row', async () => {
    const file = write('gap.csv', 'feature,value,min,max\nregion,Africa,3,\n,Americas,2,\n,,,\n,Europe,,4\n');
    await expect(readQuotaFile(file)).rejects.toThrow(/gap.csv line 5: no feature written for "Europe"/);
    // (an empty line, as a text editor leaves it, and an empty row of a sheet, which neither reader returns)
    await expect(readQuotaFile(write('gap2.csv', 'feature,value,min,max\nregion,Africa,3,\n,Americas,2,\n\n,Europe,,4\n'))).rejects.toThrow(/gap2.csv line 5: no feature written for "Europe"/);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Q').addRows([['feature', 'value', 'min', 'max'], ['region', 'Africa', 3, null], [null, 'Americas', 2, null], [], [null, 'Europe', null, 4]]);
    const book = path.join(dir, 'gap.xlsx');
    await wb.xlsx.writeFile(book);
    await expect(readQuotaFile(book)).rejects.toThrow(/gap.xlsx row 5: no feature written for "Europe"/);
    const joined = write('joined.csv', 'feature,value,min,max\nregion,Africa,3,\n,Americas,2,\n,Europe,,4\n');
    expect((await readQuotaFile(joined)).map((r) => [r.feature, r.value])).toEqual([['region', 'Africa'], ['region', 'Americas'], ['region', 'Europe and Central Asia']]);
  });
});

describe('a line for every value below lines of single values', () => {
  it('is a total when it says "all" and its bounds add up theirs, and "each" otherwise', async () => {
    const notes: string[] = [];
    const total = write('total-all.csv', 'feature,value,min,max\nregion,Africa,3,\nregion,Americas,2,\nregion,All regions,5,\nlanguage,each language,1,\n');
    expect(bounds(await readQuotaFile(total, dir, { onNote: (n) => notes.push(n) })).map((b) => b.slice(0, 4))).toEqual([['region', 'Africa', 3, null], ['region', 'Americas', 2, null], ['language', '*', 1, null]]);
    expect(notes).toEqual(['total-all.csv line 4: "All regions" (min 3+2 = 5) adds up the region lines above it: a totals line, not a rule for each region: skipped']);
    // bounds that are no sums, a max where a line above has none, or a single line above: each value gets them
    // ("each" says it: 5 in each region even where the sums match)
    for (const text of ['region,Africa,3,\nregion,Americas,2,\nregion,each region,5,\n', 'region,Africa,3,\nregion,Americas,2,\nregion,chaque région,5,\n', 'region,Africa,3,\nregion,Americas,2,\nregion,each,2,\n', 'region,Africa,3,\nregion,Americas,2,\nregion,all,5,8\n', 'region,Africa,3,\nregion,all,3,\n']) {
      const rules = await readQuotaFile(write('each.csv', `feature,value,min,max\n${text}`));
      expect(rules.at(-1)!.value).toBe('*');
    }
  });
});

describe('a quotas workbook (.xlsx)', () => {
  it('is read from its first sheet with the columns, rows named as the sheet numbers them', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Read me').addRow(['Quotas for the 2024 Core Group']);
    const sheet = wb.addWorksheet('Quotas');
    sheet.addRow(['Feature', 'Value', 'Min', 'Max']);
    sheet.addRow(['region', 'Asie et Pacifique', 2, null]);
    sheet.addRow([]);
    sheet.addRow(['language', 'klingon', 1, null]);
    const file = path.join(dir, 'quotas.xlsx');
    await wb.xlsx.writeFile(file);
    await expect(readQuotaFile(file)).rejects.toThrow(/quotas.xlsx row 4: "klingon" is not a language/);
    sheet.spliceRows(4, 1);
    await wb.xlsx.writeFile(file);
    expect(bounds(await readQuotaFile(file))).toEqual([['region', 'Asia and the Pacific', 2, null, 'quotas.xlsx row 2']]);
  });

  it('finds the header below a title row, and names rows as the sheet numbers them', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Quotas');
    sheet.addRow(['Core Group 2024: quotas agreed with the regional offices']);
    sheet.addRow([]);
    sheet.addRow(['Feature', 'Value', 'Min', 'Max']);
    sheet.addRow(['region', 'Afrique', 3, null]);
    const file = path.join(dir, 'titled.xlsx');
    await wb.xlsx.writeFile(file);
    expect(bounds(await readQuotaFile(file))).toEqual([['region', 'Africa', 3, null, 'titled.xlsx row 4']]);
  });

  it('reads a cell Excel formats as a percentage (typed 20%, stored 0.2) as the share it shows', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Quotas');
    sheet.addRow(['feature', 'value', 'min', 'max']);
    const row = sheet.addRow(['region', 'Africa', 0.2, 0.425]);
    row.getCell(3).numFmt = '0%';
    row.getCell(4).numFmt = '0.0%';
    sheet.addRow(['language', 'fr', 3, null]);
    const file = path.join(dir, 'shares.xlsx');
    await wb.xlsx.writeFile(file);
    expect(bounds(await readQuotaFile(file, dir, { size: 25 }))).toEqual([
      ['region', 'Africa', 5, 10, 'shares.xlsx row 2 (min 20% of 25 = 5, max 42.5% of 25 = 10)'],
      ['language', 'fr', 3, null, 'shares.xlsx row 3'],
    ]);
  });
});

describe('a column of ranges (Quota: "3-8")', () => {
  it('reads ranges, one-sided bounds and exact counts in English, French and Spanish, and refuses what is not one', async () => {
    const a = write('ranges.csv', 'Critère;Valeur;Fourchette\nRégion;Afrique;de 3 à 8\nLangue;fr;au moins 2\nPays;*;jusqu\'à 2\nRegión;Américas;como mínimo 2\nType;ONG;exactement 4\n');
    expect(bounds(await readQuotaFile(a)).map((r) => r.slice(0, 4))).toEqual([['region', 'Africa', 3, 8], ['language', 'fr', 2, null], ['country', '*', 0, 2], ['region', 'Americas', 2, null], ['organizationType', 'ngo', 4, 4]]);
    // (the apostrophe as autocorrect types it, and a dash with spaces)
    const typed = write('typed.csv', 'Critère;Valeur;Fourchette\nPays;Kenya;jusqu\u2019à 3\nRégion;Afrique;1 \u2013 4\n');
    expect(bounds(await readQuotaFile(typed)).map((r) => r.slice(0, 4))).toEqual([['country', 'KE', 0, 3], ['region', 'Africa', 1, 4]]);
    const mixed = write('mixed.csv', 'feature,value,range\nregion,Africa,20-40%\n');
    await expect(readQuotaFile(mixed, dir, { size: 25 })).rejects.toThrow(/line 2: range "20-40%" has a share on one side only/);
    const both = write('both.csv', 'feature,value,min,max,quota\nregion,Africa,3,,3-8\n');
    await expect(readQuotaFile(both)).rejects.toThrow(/line 2: both a range \("3-8"\) and min 3/);
    // (a range on a line of its own is a rule without its feature and value, as bounds under min and max are: not dropped)
    const bare = write('bare.csv', 'feature,value,range\nregion,Africa,3-8\n,,2-5\n');
    await expect(readQuotaFile(bare)).rejects.toThrow(/bare.csv line 3: no feature written/);
    const words = write('words.csv', 'feature,value,quota\nregion,Africa,a few\n');
    await expect(readQuotaFile(words)).rejects.toThrow(/line 2: range "a few" cannot be read as bounds/);
    // ("> 2" is strict: 3, or 2 as officers often mean? not guessed)
    const strict = write('strict.csv', 'feature,value,quota\nregion,Africa,> 2\n');
    await expect(readQuotaFile(strict)).rejects.toThrow(/range "> 2" cannot be read/);
  });

  it('refuses a range written above the header, as a count there is, but skips a title with a period', async () => {
    const above = write('range-above.csv', 'Core Group quotas 2026-2027\nregion,Africa,3-8\nfeature,value,quota\nregion,Americas,2-5\n');
    await expect(readQuotaFile(above)).rejects.toThrow(/line 2: "region, Africa, 3-8" comes before the header \(line 3\)/);
    const period = write('period.csv', 'Core Group quotas, 2026-2027\nfeature,value,quota\nregion,Americas,2-5\n');
    expect(bounds(await readQuotaFile(period)).map((r) => r.slice(0, 4))).toEqual([['region', 'Americas', 2, 5]]);
  });

  it('says so when Excel made a date of a range typed into a cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Quotas');
    ws.addRows([['Feature', 'Value', 'Quota'], ['region', 'Africa', new Date(Date.UTC(2026, 7, 3))]]);
    const file = path.join(dir, 'dated.xlsx');
    await wb.xlsx.writeFile(file);
    const error = await readQuotaFile(file).catch((e: UsageError) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(/row 2: range ".*" cannot be read as bounds/);
    expect((error as UsageError).hint).toMatch(/Excel may have made a date of a range/);
  });

  it('under min or max, reads the sign or words that name that bound, and refuses the other', async () => {
    const a = write('signs.csv', 'feature,value,min,max\nregion,Africa,≥ 3,≤ 8\nregion,Americas,at least 2,up to 5\n');
    expect(bounds(await readQuotaFile(a)).map((r) => r.slice(0, 4))).toEqual([['region', 'Africa', 3, 8], ['region', 'Americas', 2, 5]]);
    const wrongSide = write('wrong-side.csv', 'feature,value,min,max\nregion,Africa,,at least 3\n');
    await expect(readQuotaFile(wrongSide)).rejects.toThrow(/line 2: max needs a whole number of at least 0, got "at least 3"/);
    const exact = write('exact.csv', 'feature,value,min,max\nregion,Africa,exactly 4,\n');
    await expect(readQuotaFile(exact)).rejects.toThrow(/line 2: min "exactly 4" is exactly 4/);
  });
});

describe('a value written on the line of another feature', () => {
  it('is refused with what it is and the line to write instead', async () => {
    const hint = async (line: string) => {
      const e = await readQuotaFile(write('other-feature.csv', `feature,value,min,max\n${line}\n`)).catch((x: unknown) => x);
      expect(e, line).toBeInstanceOf(UsageError);
      expect((e as Error).message, line).toMatch(/^other-feature\.csv line 2: /);
      return (e as UsageError).hint;
    };
    expect(await hint('region,Nigeria,2,')).toBe('"Nigeria" is country NG (Nigeria), not a region: write country,Nigeria,…');
    expect(await hint('country,West Africa,2,')).toBe('"West Africa" is sub-region Western Africa, not a country: write sub-region,West Africa,…');
    expect(await hint('language,France,1,')).toBe('"France" is country FR (France), not a language: write country,France,…');
    expect(await hint('category,English,1,')).toBe('"English" is language en, not a category: write language,English,…');
    expect(await hint('catégorie,Afrique,1,')).toBe('"Afrique" is region Africa, not a category: write region,Afrique,…');
    // a code of two features names both
    expect(await hint('region,es,1,')).toBe('"es" is country ES (Spain) or language es, not a region: write country,es,… or language,es,…');
    // what is no value of any feature keeps the feature's own hint
    expect(await hint('country,Atlantis,1,')).toBe('give an ISO 3166-1 code (MX, FRA) or a country name');
    // "NA", "N/A", "none" where a region or category should be stand for no value: no Namibia or Nauruan to offer
    for (const line of ['region,NA,1,', 'category,N/A,1,', 'region,none,1,']) expect(await hint(line), line).not.toMatch(/ is country|language|Namibia/);
    expect(await hint('region,NA,1,')).toMatch(/^use one of: "Africa"/);
  });

  it('quotes a value with a comma in the line to write, which would otherwise split it', async () => {
    const e = await readQuotaFile(write('comma.csv', 'feature,value,min,max\nregion,"Congo, Democratic Republic of the",1,\n')).catch((x: unknown) => x);
    const hint = (e as UsageError).hint!;
    expect(hint).toBe('"Congo, Democratic Republic of the" is country CD (Democratic Republic of the Congo), not a region: write country,"Congo, Democratic Republic of the",…');
    // the line as the hint writes it reads as that country
    const line = hint.slice(hint.indexOf('write ') + 6).replace('…', '1,');
    expect((await readQuotaFile(write('comma-fixed.csv', `feature,value,min,max\n${line}\n`))).map((r) => [r.feature, r.value, r.min])).toEqual([['country', 'CD', 1]]);
  });
});

describe('a value cell naming several values', () => {
  it('is refused naming each, since no quota counts several together ("Africa, Americas", "KE|NG")', async () => {
    const refused = async (line: string) => {
      const e = await readQuotaFile(write('several.csv', `feature,value,min,max\n${line}\n`)).catch((x: unknown) => x);
      expect(e, line).toBeInstanceOf(UsageError);
      return [(e as Error).message, (e as UsageError).hint];
    };
    expect(await refused('region,"Africa, Americas",3,')).toEqual(['several.csv line 2: "Africa, Americas" names 2 values: region Africa, region Americas', 'a quota counts one value, none several together: write a line for each, with its own bounds']);
    expect(await refused('country,KE|NG,,2')).toEqual(['several.csv line 2: "KE|NG" names 2 values: country KE (Kenya), country NG (Nigeria)', 'a quota counts one value, none several together: write a line for each, with its own bounds, or a sub-region that holds them (docs/quotas-file.md)']);
    expect((await refused('category,Emprendimiento y Habilidades para la vida,1,'))[0]).toBe('several.csv line 2: "Emprendimiento y Habilidades para la vida" names 2 values: category entrepreneurship, category life-skills');
    expect((await refused('region,West Africa / East Africa,1,'))[0]).toMatch(/names 2 values: sub-region Western Africa, sub-region Eastern Africa$/);
    // one value whose name holds "and" or a comma is one value; a part the tool cannot place keeps the usual refusal
    expect((await readQuotaFile(write('one.csv', 'feature,value,min,max\ncountry,Trinidad and Tobago,,1\ncountry,"Korea, Republic of",,1\nregion,Asia y el Pacífico,1,\n'))).map((r) => r.value)).toEqual(['TT', 'KR', 'Asia and the Pacific']);
    expect((await refused('region,"Africa, Atlantis",1,'))[0]).toBe('several.csv line 2: unknown region "Africa, Atlantis"');
  });

  it('reads a cell naming one value twice, as a bilingual template labels it, as that value ("Africa / Afrique" was refused as 2 values: Africa, Africa)', async () => {
    const rules = await readQuotaFile(write('bilingual.csv', 'feature,value,min,max\nregion,Africa / Afrique,3,\ncategory,Entrepreneurship / Emprendimiento,1,\ncountry,KE; Kenya,,2\nregion,West Africa / Afrique de l\'Ouest,1,\n'));
    expect(rules.map((r) => [r.feature, r.value])).toEqual([['region', 'Africa'], ['category', 'entrepreneurship'], ['country', 'KE'], ['subregion', 'Western Africa']]);
    // a value named twice beside another is still two values, each named once
    await expect(readQuotaFile(write('twice.csv', 'feature,value,min,max\nregion,"Africa / Afrique, Americas",3,\n'))).rejects.toThrow('twice.csv line 2: "Africa / Afrique, Americas" names 2 values: region Africa, region Americas');
  });

  it('refuses countries listed as codes, or a name and a code, which country names read as a place and its country ("KE, NG" was Nigeria)', async () => {
    const refused = async (line: string) => {
      const e = await readQuotaFile(write('listed.csv', `feature,value,min,max\n${line}\n`)).catch((x: unknown) => x);
      expect(e, line).toBeInstanceOf(UsageError);
      return (e as Error).message;
    };
    expect(await refused('country,"KE, NG",,2')).toBe('listed.csv line 2: "KE, NG" names 2 values: country KE (Kenya), country NG (Nigeria)');
    expect(await refused('country,IN/US,1,')).toBe('listed.csv line 2: "IN/US" names 2 values: country IN (India), country US (United States)');
    expect(await refused('country,"Kenya, NG",1,')).toBe('listed.csv line 2: "Kenya, NG" names 2 values: country KE (Kenya), country NG (Nigeria)');
    // a place and its country is still that country; two names of one country are one
    expect((await readQuotaFile(write('place.csv', 'feature,value,min,max\ncountry,"Lima, PE",,1\ncountry,"England, UK",,1\n'))).map((r) => r.value)).toEqual(['PE', 'GB']);
  });
});
