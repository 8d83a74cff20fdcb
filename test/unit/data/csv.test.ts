import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { parseDataCsv } from '../../../src/data/csv.js';

const DATA = path.resolve(import.meta.dirname, '../../../data');

describe('parseDataCsv', () => {
  for (const file of ['countries.csv', 'country-aliases.csv', 'territories.csv']) {
    it(`reads data/${file} as csv-parse does`, () => {
      const text = fs.readFileSync(path.join(DATA, file), 'utf8');
      expect(parseDataCsv(text)).toEqual(parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }));
    });
  }

  it('keeps quoted commas, doubled quotes and line breaks; skips a BOM and blank lines; trims cells', () => {
    const text = '\ufeffa,b\r\n"x, y"," say ""hi"" "\r\n\r\n  z ,"two\nlines"\n';
    expect(parseDataCsv(text)).toEqual([
      { a: 'x, y', b: 'say "hi"' },
      { a: 'z', b: 'two\nlines' },
    ]);
  });

  it('refuses a row with the wrong number of cells and an unclosed quote', () => {
    expect(() => parseDataCsv('a,b\n1\n')).toThrow(/row 2 has 1 cells for 2 columns/);
    expect(() => parseDataCsv('a,b\n"1,2\n')).toThrow(/not closed/);
  });
});
