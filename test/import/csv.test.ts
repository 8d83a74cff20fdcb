import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CsvError, CsvParser } from '../../src/import/csv.js';

/** Parses text fed in the given chunk sizes (streaming boundaries anywhere). */
function parseChunked(text: string, delimiter = ',', chunk = 7, max?: number): string[][] {
  const rows: string[][] = [];
  const p = new CsvParser(delimiter, (cells) => rows.push(cells), max);
  for (let i = 0; i < text.length; i += chunk) p.push(text.slice(i, i + chunk));
  p.end();
  return rows;
}

describe('CsvParser', () => {
  it('handles quotes, doubled quotes, embedded newlines, CRLF and ragged rows', () => {
    const text = 'a,b,c\r\n"x, y","he said ""hi""","line1\r\nline2"\r\n1,2\n\n3,4,5,6\r\nlast,"",';
    expect(parseChunked(text, ',', 3)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'he said "hi"', 'line1\r\nline2'],
      ['1', '2'],
      ['3', '4', '5', '6'],
      ['last', '', ''],
    ]);
  });

  it('keeps a quote inside an unquoted field, and text after a closing quote', () => {
    expect(parseChunked('5" screen,b\n"a"b,c\n')).toEqual([['5" screen', 'b'], ['ab', 'c']]);
  });

  it('other delimiters and a lone CR', () => {
    expect(parseChunked('a;b\rc;"d;e"', ';', 1)).toEqual([['a', 'b'], ['c', 'd;e']]);
    expect(parseChunked('a\tb\n', '\t')).toEqual([['a', 'b']]);
  });

  it('an unterminated quote is an error naming the line where it opened', () => {
    expect(() => parseChunked('a,b\n1,2\n3,"never closed\nmore\n')).toThrow(CsvError);
    try {
      parseChunked('a,b\n1,2\n3,"never closed\nmore\n');
    } catch (e) {
      expect((e as CsvError).code).toBe('CSV_QUOTE_NOT_CLOSED');
      expect((e as CsvError).lines).toBe(3);
    }
  });

  it('a record beyond the size limit is an error, not unbounded memory', () => {
    const text = 'a,"' + 'x'.repeat(300_000);
    expect(() => parseChunked(text, ',', 65_536, 100_000)).toThrow(/longer than/);
  });

  it('a 2 MB field in small chunks parses in linear time', () => {
    const big = 'y'.repeat(2 * 1024 * 1024);
    const t = Date.now();
    const rows = parseChunked(`a,b\n"${big}",2\n`, ',', 4096);
    expect(rows[1]![0]!.length).toBe(big.length);
    expect(Date.now() - t).toBeLessThan(3000);
  });

  it('agrees with csv-parse on anything csv-stringify writes, whatever the chunking', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('', '"', '""', ',', ';', '\n', '\r\n', ' a ', 'é', '=1+1'));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.integer({ min: 1, max: 50 }),
        (table, delimiter, chunk) => {
          // rows that are a single empty cell are written as empty lines, which both parsers skip
          const rows = table.filter((r) => !(r.length === 1 && r[0] === ''));
          // csv-stringify leaves line breaks other than its record delimiter unquoted: quote them
          const text = stringify(rows, { delimiter, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
          const expected = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
          expect(parseChunked(text, delimiter, chunk)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
