/**
 * The fast CSV reader reads exactly the rows csv-parse reads with the importer's options,
 * whatever the text and however it is cut into chunks; where it leaves a row to csv-parse, the
 * rows still come out the same. Property-based, against csv-parse itself.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FastCsv } from '../../../src/import/csv-fast.js';

const OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: true } as const;

/** What csv-parse reads, or the fact that it fails. */
function reference(text: string, delimiter: string, mixed: boolean): string[][] | 'error' {
  try {
    return parse(text, { ...OPTIONS, delimiter, ...(mixed ? { record_delimiter: ['\r\n', '\n', '\r'] } : {}) }) as string[][];
  } catch {
    return 'error';
  }
}

/** What the fast reader reads, in these chunks, handing the rest to csv-parse where it stops. */
function fastRead(chunks: string[], delimiter: string, mixed: boolean): string[][] | 'error' {
  const rows: string[][] = [];
  const fast = new FastCsv(delimiter, mixed, (r) => rows.push(r), 1_000_000);
  try {
    let i = 0;
    for (; i < chunks.length; i++) if (!fast.write(chunks[i]!)) break;
    if (i === chunks.length && fast.end()) return rows;
    const rest = fast.rest().text + chunks.slice(i + 1).join('');
    const ending = fast.recordDelimiter;
    rows.push(...(parse(rest, { ...OPTIONS, delimiter, ...(ending ? { record_delimiter: ending } : {}) }) as string[][]));
    return rows;
  } catch {
    return 'error';
  }
}

function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((a) => (text.length ? a % (text.length + 1) : 0)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

describe('the fast CSV reader', () => {
  it('reads what csv-parse reads, in any chunks', () => {
    const char = fc.constantFrom('a', 'b', ',', ';', '"', '""', '\n', '\r', '\r\n', ' ', 'é', '😀', '\t');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 4 }), fc.constantFrom(',', ';', '\t'), fc.boolean(), (parts, at, delimiter, mixed) => {
        const text = parts.join('');
        expect(fastRead(cut(text, at), delimiter, mixed)).toEqual(reference(text, delimiter, mixed));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads ordinary exports without handing anything over', () => {
    const rows: string[][] = [];
    const fast = new FastCsv(',', false, (r) => rows.push(r), 1_000_000);
    expect(fast.write('Organization,Note\r\n"Acme, Inc.","say ""hi""\r\nagain"\r\n')).toBe(true);
    expect(fast.write('Beta,\r\n\r\n,last')).toBe(true);
    expect(fast.end()).toBe(true);
    expect(rows).toEqual([['Organization', 'Note'], ['Acme, Inc.', 'say "hi"\r\nagain'], ['Beta', ''], ['', 'last']]);
  });

  it('names the line where an unclosed quote opened', () => {
    const fast = new FastCsv(',', false, () => {}, 1_000_000);
    fast.write('a,b\n1,2\n');
    fast.write('3,"never closed\nmore\n');
    expect(() => fast.end()).toThrow(/line 3/);
  });
});
