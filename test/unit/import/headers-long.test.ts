import { describe, expect, it } from 'vitest';
import { explainHeader, HEADER_READ_LIMIT, matchHeaders, readPart } from '../../../src/import/headers.js';
import { columnDisplay, describeColumns, SHOWN_HEADER_CHARS } from '../../../src/import/mapping.js';

/** Text of `length` characters made of `unit` repeated. */
const filled = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

// Texts on which a pattern that tries every start, or nests two lazy runs, takes time growing with
// the square of the header: words with no sentence end, sentences, open brackets, one slash.
const HOSTILE: Record<string, string> = {
  words: filled('the pilot ended and now we scale it across regions ', 200_000),
  sentences: filled('the pilot ended. and now we scale it. ', 200_000),
  brackets: filled('a [b ', 200_000),
  slash: `Nome do Grupo / Escola ${filled('x ', 200_000)}`,
  capitals: filled('Aa. ', 200_000),
};

describe('a header of hundreds of thousands of characters (a pasted essay, a broken export)', () => {
  for (const [kind, header] of Object.entries(HOSTILE)) {
    it(`is read at once (${kind})`, () => {
      const started = performance.now();
      const { mapping } = matchHeaders(['Name', 'Email', header]);
      explainHeader(header);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(mapping.email).toEqual([1]);
    });
  }

  it('is read by its first part, cut at a space, and the part names its field as a short header would', () => {
    const essay = `Email address of the applicant ${filled('and more words ', 300_000)}`;
    const part = readPart(essay);
    expect(part.length).toBeLessThanOrEqual(HEADER_READ_LIMIT);
    expect(part.endsWith('words') || part.endsWith('and') || part.endsWith('more')).toBe(true);
    expect(matchHeaders(['Name', essay]).mapping.email).toEqual([1]);
    // a header within the limit is read whole
    const short = filled('word ', HEADER_READ_LIMIT);
    expect(readPart(short)).toBe(short);
  });
});

describe('such a header in a message', () => {
  it('is shown by its start, cut with "…", not whole (it filled the terminal of a refused import)', () => {
    const header = HOSTILE.words!;
    const listed = describeColumns(['Name', 'Email', header]);
    expect(listed.startsWith('A "Name", B "Email", C "the pilot ended')).toBe(true);
    expect(listed.length).toBeLessThan(SHOWN_HEADER_CHARS + 40);
    expect(listed.endsWith('…"')).toBe(true);
    expect(columnDisplay('C', header).length).toBeLessThan(SHOWN_HEADER_CHARS + 10);
    // a header of ordinary length is shown whole
    expect(columnDisplay('B', 'Email  address')).toBe('B "Email address"');
  });
});
