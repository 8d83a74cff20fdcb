import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/run.js';
import { COMMANDS } from '../../../src/cli/commands.js';
import { openDatabase, type DB } from '../../../src/db/connection.js';
import { CliError } from '../../../src/errors.js';

/**
 * Hostile input, property-based: random bytes, random CSV shapes, encodings, delimiters and
 * header sets go through the importer. Never a crash (only a CliError, i.e. one `error:` line),
 * never a hang, and when it imports, every data row is accounted for and the database agrees.
 * FUZZ_RUNS scales the number of cases; fast-check prints the seed of a failing case.
 */
const hasImport = COMMANDS.some((c) => c.name === 'import');
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const TIMEOUT_MS = 10_000;

type Importer = (db: DB, files: string[], options: Record<string, unknown>, hooks: Record<string, never>) => Promise<{
  rows: number; inserted: number; updated: number; unchanged: number; rejected: number;
  files: { rows: number; inserted: number; updated: number; unchanged: number; rejected: number; batch: number | null }[];
}>;

let importFiles: Importer;
let dir: string;
let db: DB;
let n = 0;

beforeAll(async () => {
  if (!hasImport) return;
  // Path kept in a variable so the type check does not need the module before it exists.
  const mod = '../../../src/import/importer.js';
  importFiles = (await import(mod)).importFiles as Importer;
  dir = tempDir('skillsnet-fuzz-');
  db = openDatabase(path.join(dir, 'fuzz.db'), { create: true });
});

afterAll(() => {
  db?.close();
});

interface Outcome {
  report?: Awaited<ReturnType<Importer>>;
  error?: unknown;
}

/** Imports one file into its own call, with a watchdog for hangs. */
async function importOne(bytes: Uint8Array | Buffer, name: string, options: Record<string, unknown> = {}): Promise<Outcome & { call: string }> {
  const call = `fuzz-${++n}`;
  const file = path.join(dir, `${n}-${name}`);
  fs.writeFileSync(file, bytes);
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`import hung for ${TIMEOUT_MS} ms on ${file}`)), TIMEOUT_MS);
  });
  try {
    const report = await Promise.race([importFiles(db, [file], { call, ...options }, {}), watchdog]);
    return { report, call };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('import hung')) throw error;
    return { error, call };
  } finally {
    clearTimeout(timer);
    fs.rmSync(file, { force: true });
  }
}

/** The invariants every outcome must keep. */
function checkOutcome(o: Outcome & { call: string }): void {
  expect(db.inTransaction).toBe(false);
  const inCall = db.prepare('SELECT count(*) FROM applications a JOIN calls c ON c.id = a.call_id WHERE c.name = ?').pluck().get(o.call) as number;
  if (o.error !== undefined) {
    // One clear error: our own type, a message on one line, nothing of the file written.
    expect(o.error, String((o.error as Error)?.stack ?? o.error)).toBeInstanceOf(CliError);
    const message = (o.error as Error).message;
    expect(message.length).toBeGreaterThan(0);
    expect(message).not.toMatch(/\n/);
    expect(message).not.toMatch(/undefined|\[object Object\]|TypeError|RangeError/);
    expect(inCall).toBe(0);
    return;
  }
  const r = o.report!;
  expect(r.rows).toBe(r.inserted + r.updated + r.unchanged + r.rejected);
  for (const f of r.files) expect(f.rows).toBe(f.inserted + f.updated + f.unchanged + f.rejected);
  // The database agrees with the report: each inserted application is there, each rejected row is kept.
  expect(inCall).toBe(r.inserted);
  const batch = r.files[0]?.batch;
  if (batch != null) {
    const rejected = db.prepare('SELECT count(*) FROM rejected_rows WHERE batch_id = ?').pluck().get(batch) as number;
    expect(rejected).toBe(r.rejected);
  }
}

// ---- arbitraries ---------------------------------------------------------------------------

const ORG_HEADERS = ['Name of your organization', 'Organisation', "Nom de l'organisation", 'Nombre de la organización', 'ORGANIZATION NAME', 'organization'];
const EMAIL_HEADERS = ['Email Address', 'Courriel', 'Correo electrónico', 'E-mail', 'email'];
const OPTIONAL_HEADERS = ['Timestamp', 'Country', 'Pays', 'País', 'Language', 'Title of your innovation', 'Describe your innovation', 'Main beneficiaries',
  'Phone number', 'Website', 'Contact person', 'Type of organization', 'Score', 'Application ID', 'Skills category (your choice)'];
const JUNK_HEADERS = ['Q17', 'Consent', 'Comments', 'Unnamed: 3', '¿Algo más?', 'Notes internes', 'x', '#', '"quoted"', 'col;with;semis'];

/** Cell values: ordinary, empty, unicode, formula-like, with delimiters, quotes and newlines. */
const cell = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('Fundación Andina', 'Centre de formation', 'Youth Skills Hub', 'Kenya', 'Sénégal', 'Viet Nam', 'fr', 'English', '7,5', '8.25', 'Women; Youth') },
  { weight: 2, arbitrary: fc.constantFrom('') },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('=HYPERLINK("http://x","y")', '+1 555', '-2', '@SUM(A1)', 'a,b', 'a;b', 'a\tb', 'a|b', 'say "hi"', 'line\nbreak', 'crlf\r\nbreak', '  padded  ') },
);
const email = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((i) => `person${i}@example.org`),
  fc.constantFrom('', 'not-an-email', 'UPPER@EXAMPLE.COM', ' spaced@example.net ', 'a@b', 'x@@example.org'),
);
const org = fc.oneof(fc.integer({ min: 1, max: 30 }).map((i) => `Organisation ${i}`), fc.constantFrom('', '  ', 'Fundación Niños'));

interface Shape {
  headers: string[];
  rows: string[][];
  delimiter: string;
  eol: string;
  encoding: 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'windows1252';
}

const shape: fc.Arbitrary<Shape> = fc
  .record({
    orgHeader: fc.constantFrom(...ORG_HEADERS),
    emailHeader: fc.constantFrom(...EMAIL_HEADERS),
    optional: fc.subarray(OPTIONAL_HEADERS, { maxLength: 6 }),
    junk: fc.subarray(JUNK_HEADERS, { maxLength: 3 }),
    order: fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
    rowCount: fc.integer({ min: 0, max: 25 }),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    eol: fc.constantFrom('\n', '\r\n'),
    encoding: fc.constantFrom('utf8', 'utf8bom', 'utf16le', 'utf16be', 'windows1252'),
    // Most rows are whole; some lose trailing cells (as hand-edited sheets do) or gain extra ones.
    seedCells: fc.array(
      fc.tuple(org, email, fc.array(cell, { minLength: 12, maxLength: 12 }), fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -2, max: 2 }) })),
      { minLength: 25, maxLength: 25 },
    ),
  })
  .map((s) => {
    const headers = [s.orgHeader, s.emailHeader, ...s.optional, ...s.junk];
    // Shuffle deterministically from the generated order keys.
    const keyed = headers.map((h, i) => ({ h, k: s.order[i % s.order.length] }));
    keyed.sort((a, b) => a.k - b.k);
    const ordered = keyed.map((x) => x.h);
    const orgAt = ordered.indexOf(s.orgHeader);
    const emailAt = ordered.indexOf(s.emailHeader);
    const rows = s.seedCells.slice(0, s.rowCount).map(([o, e, cells, ragged]) => {
      const row = ordered.map((_, i) => (i === orgAt ? o : i === emailAt ? e : cells[i % cells.length]));
      if (ragged < 0) row.length = Math.max(Math.max(orgAt, emailAt) + 1, row.length + ragged);
      if (ragged > 0) for (let i = 0; i < ragged; i++) row.push('extra');
      // A row must carry something, or it is a blank line rather than data.
      if (row.every((c) => c.trim() === '')) row[orgAt] = 'Organisation X';
      return row;
    });
    return { headers: ordered, rows, delimiter: s.delimiter, eol: s.eol, encoding: s.encoding as Shape['encoding'] };
  });

function quote(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

function encode(s: Shape): Buffer {
  const text = [s.headers, ...s.rows].map((r) => r.map((c) => quote(c, s.delimiter)).join(s.delimiter)).join(s.eol) + s.eol;
  switch (s.encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]);
    case 'windows1252':
      return iconv.encode(text, 'windows1252');
  }
}

// ---- properties ----------------------------------------------------------------------------

describe.runIf(hasImport)('hostile input to the importer (fast-check)', () => {
  it('random bytes: never a crash or hang; an import that goes through adds up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('x.csv', 'x.tsv', 'x.txt', 'x.xlsx'), async (bytes, name) => {
        checkOutcome(await importOne(bytes, name));
      }),
      { numRuns: 120 * RUNS },
    );
  }, 60_000);

  it('random text around a real header row (binary noise, stray quotes, NULs): no crash, adds up', async () => {
    const noise = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('"', '"unterminated,', '\u0000\u0000', '\r', '\uFEFF', 'a,"b""c",d'));
    await fc.assert(
      fc.asyncProperty(shape, fc.array(noise, { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 5 }), async (s, bits, at) => {
        let text = encode({ ...s, encoding: 'utf8' }).toString('utf8');
        bits.forEach((b, i) => {
          const pos = text.length ? (at[i] ?? 0) % text.length : 0;
          text = text.slice(0, pos) + b + text.slice(pos);
        });
        checkOutcome(await importOne(Buffer.from(text, 'utf8'), 'noisy.csv'));
      }),
      { numRuns: 100 * RUNS },
    );
  }, 60_000);

  it('well-formed files in any delimiter, encoding, line ending and header language: every data row accounted for', async () => {
    await fc.assert(
      fc.asyncProperty(shape, async (s) => {
        const o = await importOne(encode(s), s.delimiter === '\t' ? 'shape.tsv' : 'shape.csv');
        const label = `delimiter ${JSON.stringify(s.delimiter)}, ${s.encoding}, headers ${JSON.stringify(s.headers)}: ${(o.error as Error | undefined)?.message ?? ''}`;
        checkOutcome(o);
        // A header-only file may be refused with a clear error; anything with data must import.
        if (s.rows.length === 0 && o.error) return;
        expect(o.error, label).toBeUndefined();
        expect(o.report!.rows, label).toBe(s.rows.length);
      }),
      { numRuns: 150 * RUNS },
    );
  }, 60_000);

  it('a wrong --encoding or --delimiter gives an accounting or one clear error, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(shape, fc.constantFrom('utf8', 'utf16le', 'windows1252', 'latin1'), fc.constantFrom(',', ';', 'tab', '|'), async (s, encoding, delimiter) => {
        checkOutcome(await importOne(encode(s), 'forced.csv', { encoding, delimiter }));
      }),
      { numRuns: 60 * RUNS },
    );
  }, 60_000);
});
