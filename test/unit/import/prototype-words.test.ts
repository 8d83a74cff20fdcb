import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { openDatabase } from '../../../src/db/connection.js';
import { importFiles } from '../../../src/import/importer.js';
import { headerTokens, meaningfulWords } from '../../../src/import/header-words.js';
import { parseDelimiterOption, parseEncodingOption } from '../../../src/import/detect.js';
import { monthNumber, parseDate } from '../../../src/import/dates.js';
import { looksLike, parseId, readId } from '../../../src/ids.js';
import { parseEventChanges } from '../../../src/events/manage.js';
import { UsageError } from '../../../src/errors.js';
import { tempDir } from '../support/run.js';

/**
 * Text that names one of Object's own properties: a lookup of it in a plain object finds a
 * function ("constructor") or the prototype ("__proto__") instead of nothing.
 */
const WORDS = ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

const dir = tempDir('skillsnet-proto-words-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('header words (73fb02b: British spellings were looked up in a plain object)', () => {
  it.each(WORDS)('folds %s into words, never a function', (w) => {
    // (the word as its tokens: "toString" is "to string", "__proto__" is "proto")
    const word = headerTokens(w);
    expect(word.join('')).toBe(w.toLowerCase().replace(/_/g, ''));
    expect(headerTokens(`{{${w}.${w}(1)}}`)).toEqual([...word, ...word, '1']);
    expect(headerTokens(`Your ${w} organisation`).at(-1)).toBe('organization');
    expect(meaningfulWords(`{{${w}.${w}(1)}}`, new Set()).every((t) => typeof t === 'string')).toBe(true);
  });

  it('imports a file whose data row holds "{{constructor.constructor(1)}}"', async () => {
    const f = path.join(dir, 'template.csv');
    fs.writeFileSync(f, stringify([
      ['Organisation name', 'Email', 'Country', 'Project title', 'Description'],
      ['{{constructor.constructor(1)}}', 'ana@example.org', 'Kenya', '{{constructor.constructor("return 1")()}}', '__proto__ toString valueOf'],
      ['Skills Bridge Foundation', 'bo@example.org', 'constructor', 'constructor', 'constructor'],
    ]));
    const db = openDatabase(path.join(dir, 'a.db'), { create: true });
    const r = await importFiles(db, [f], { call: '2024' }, {});
    expect(r).toMatchObject({ rows: 2, inserted: 2, rejected: 0 });
    expect(db.prepare('SELECT organization, country_raw, country FROM applications ORDER BY id').all()).toEqual([
      { organization: '{{constructor.constructor(1)}}', country_raw: 'Kenya', country: 'KE' },
      { organization: 'Skills Bridge Foundation', country_raw: 'constructor', country: null },
    ]);
    db.close();
  });
});

describe('typed options and IDs that name Object properties', () => {
  it.each(WORDS)('--delimiter %s is a usage error', (w) => {
    expect(() => parseDelimiterOption(w)).toThrow(UsageError);
  });

  it.each(WORDS)('--encoding %s is a usage error', async (w) => {
    await expect(parseEncodingOption(w)).rejects.toThrow(UsageError);
  });

  it('still knows the delimiter and encoding names', async () => {
    expect(parseDelimiterOption('tab')).toBe('\t');
    expect(parseDelimiterOption('Semicolon')).toBe(';');
    expect(await parseEncodingOption('UTF_8')).toBe('utf8');
    expect(await parseEncodingOption('ansi')).toBe('windows1252');
  });

  it.each(WORDS)('%s-1 is no ID', (w) => {
    expect(readId(`${w}-1`, 'application')).toBeUndefined();
    expect(readId(`${w}1`, null)).toBeUndefined();
    expect(looksLike(`${w}-1`)).toBe('a name or other text');
    expect(() => parseId(`${w}-1`, ['application', 'organization'])).toThrow(UsageError);
    expect(readId('org-4', 'application')).toEqual({ kind: 'organization', id: 4 });
  });

  it.each(WORDS)('event edit --set %s=x names no field', (w) => {
    expect(() => parseEventChanges([`${w}=x`])).toThrow(/an event has no field/);
    expect(parseEventChanges(['tz=UTC'])).toEqual({ timeZone: 'UTC' });
  });

  it.each(WORDS)('"%s" is no month and no time zone', (w) => {
    expect(monthNumber(w)).toBeNull();
    for (const text of [`5 ${w} 2024`, `${w} 5 2024`, `Thu ${w} 08 2026 14:01:00 GMT-0500`]) expect(parseDate(text)).toBeNull();
    expect(parseDate('5 March 2024')).toMatchObject({ year: 2024, month: 3, day: 5 });
  });
});
