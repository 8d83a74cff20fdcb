import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { bufferIO } from '../../../src/cli/io.js';
import { runExportContacts } from '../../../src/cli/export.js';
import { emailsIn, splitName, OUTLOOK_COLUMNS } from '../../../src/export/contacts.js';
import { foldLine, vcardText } from '../../../src/export/vcard.js';
import { isFormulaLike } from '../../../src/export/escape.js';
import { exportFixture, FORMULA_NAMES } from './fixture.js';

const require = createRequire(import.meta.url);
const vCard = require('vcf');

let fx: ReturnType<typeof exportFixture>;
beforeAll(() => { fx = exportFixture(); });

const readCsv = (file: string) => {
  const buf = fs.readFileSync(file);
  return { bom: buf.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), rows: parse(buf, { columns: true, bom: true }) as Record<string, string>[] };
};

describe('export contacts --format csv', () => {
  it('writes one row per email address, merged, UTF-8 with BOM, in the documented columns', async () => {
    const out = path.join(fx.dir, 'contacts.csv');
    const { io, stderr } = bufferIO();
    const result = await runExportContacts({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'csv', out }, io);
    const { bom, rows } = readCsv(out);
    expect(bom).toBe(true);
    expect(Object.keys(rows[0])).toEqual([
      'name', 'email', 'phone', 'organisation', 'country', 'region', 'language', 'categories', 'rosters',
      'calls', 'first_name', 'last_name', 'salutation', 'other_phones', 'other_organisations', 'roles', 'organization_id',
    ]);
    const emails = rows.map((r) => r.email);
    expect(new Set(emails).size).toBe(emails.length);
    // 11 applications, one without email, ana@ twice (case differs), min@ and deputy@ in one cell.
    expect(emails).toEqual(expect.arrayContaining(['ana@example.org', 'min@example.net', 'deputy@example.net', 'info@example.com']));
    expect(rows).toHaveLength(10);
    expect(result.counts).toMatchObject({ applications: 11, contacts: 10, merged: 1, withoutEmail: 1 });
    const ana = rows.find((r) => r.email === 'ana@example.org')!;
    // One row per person: the latest application's details (A3, Kenya, English), the earlier organisation beside them.
    expect(ana).toMatchObject({
      name: 'Ana María Ruiz', organisation: 'Ministry of Labour', other_organisations: 'Taller Abierto', country: 'Kenya', region: 'Africa',
      language: 'English', rosters: 'core-2020', calls: '2020', first_name: 'Ana María', last_name: 'Ruiz', salutation: 'Dear Ana María',
    });
    // A3 has no phone: the most recent one there is, alone in its cell.
    expect(ana.phone).toBe("'+52 55 0000 0000");
    expect(ana.other_phones).toBe('');
    expect(stderr()).toMatch(/warning: 1 application without a usable email address is not in the list \(application \d+/);
    expect(stderr()).toMatch(/Wrote 10 contacts from 11 applications \(1 repeated address merged\)/);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });

  it('neutralises formula-like names, organisations and phones', async () => {
    const out = path.join(fx.dir, 'formula-contacts.csv');
    await runExportContacts({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'csv', out }, bufferIO().io);
    const { rows } = readCsv(out);
    for (const r of rows) for (const v of Object.values(r)) expect(isFormulaLike(v)).toBe(false);
    const info = rows.find((r) => r.email === 'info@example.com')!;
    expect(info.organisation).toBe(`'${FORMULA_NAMES[0]}`);
    expect(info.name).toBe("'=Mallory");
  });

  it('filters with the list flags, --roster included', async () => {
    const out = path.join(fx.dir, 'core-contacts.csv');
    await runExportContacts({ dbPath: fx.dbPath, filters: { roster: 'core-2020', allCalls: true }, format: 'csv', out }, bufferIO().io);
    expect(readCsv(out).rows.map((r) => r.email).sort()).toEqual(['ana@example.org', 'info@example.com']);
    await expect(runExportContacts({ dbPath: fx.dbPath, filters: { roster: 'missing', allCalls: true }, format: 'csv', out: path.join(fx.dir, 'm.csv') }, bufferIO().io)).rejects.toThrow(/no roster named "missing"/);
  });
});

describe('export contacts --format outlook', () => {
  it("uses Outlook's import column names", async () => {
    const out = path.join(fx.dir, 'outlook.csv');
    await runExportContacts({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'outlook', out }, bufferIO().io);
    const { bom, rows } = readCsv(out);
    expect(bom).toBe(true);
    expect(Object.keys(rows[0])).toEqual([...OUTLOOK_COLUMNS]);
    const ana = rows.find((r) => r['E-mail Address'] === 'ana@example.org')!;
    expect(ana).toMatchObject({ 'First Name': 'Ana María', 'Middle Name': '', 'Last Name': 'Ruiz', Company: 'Ministry of Labour', 'Business Country/Region': 'Kenya', 'E-mail Type': 'SMTP' });
    expect(ana.Notes).toMatch(/^Salutation: Dear Ana María\nAlso: Taller Abierto\n/);
    expect(ana.Categories.split(';')).toContain('core-2020');
    // Outlook keeps an apostrophe as part of the number: an international number goes as written
    expect(ana['Business Phone']).toBe('+52 55 0000 0000');
    const isSafePhone = (v: string) => /^\+[\d\s()-]+$/.test(v);
    for (const r of rows) for (const [k, v] of Object.entries(r)) expect(isFormulaLike(v) && !(k.startsWith('Business Phone') && isSafePhone(v)), `${k}: ${v}`).toBe(false);
    // the contacts CSV is for spreadsheets, which would read "+52 …" as a formula: the apostrophe stays there
    const csv = path.join(fx.dir, 'for-excel.csv');
    await runExportContacts({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'csv', out: csv }, bufferIO().io);
    expect(readCsv(csv).rows.find((r) => r.email === 'ana@example.org')!.phone).toBe("'+52 55 0000 0000");
  });
});

describe('export contacts --format vcf', () => {
  it('writes vCard 3.0 that a vCard parser reads, one card per address', async () => {
    const out = path.join(fx.dir, 'contacts.vcf');
    await runExportContacts({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'vcf', out }, bufferIO().io);
    const text = fs.readFileSync(out, 'utf8');
    const cards = vCard.parse(text);
    expect(cards).toHaveLength(10);
    for (const card of cards) {
      expect(card.version).toBe('3.0');
      for (const prop of ['fn', 'n', 'email', 'categories', 'note']) expect(card.get(prop)).toBeTruthy();
    }
    const ana = cards.find((c: any) => String(c.get('email').valueOf()) === 'ana@example.org');
    expect(String(ana.get('fn').valueOf())).toBe('Ana María Ruiz');
    expect(String(ana.get('n').valueOf())).toBe('Ruiz;Ana María;;;');
    // Phone numbers are kept as typed: a vCard is not a spreadsheet.
    expect(String(ana.get('tel').valueOf())).toBe('+52 55 0000 0000');
    expect(String(ana.get('adr').valueOf())).toBe(';;;;;;Kenya');
  });

  it('follows the line rules strictly: CRLF, folded at 75 octets, escaped text', async () => {
    const out = path.join(fx.dir, 'strict.vcf');
    await runExportContacts({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'vcf', out }, bufferIO().io);
    const raw = fs.readFileSync(out);
    const text = raw.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = text.split('\r\n').slice(0, -1);
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const logical = text.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
    expect(logical.filter((l) => l === 'BEGIN:VCARD')).toHaveLength(10);
    for (const l of logical) expect(l).toMatch(/^(BEGIN|VERSION|FN|N|ORG|EMAIL|TEL|ADR|CATEGORIES|NOTE|END)[;:]/);
    const formulaOrg = logical.find((l) => l.startsWith('ORG:=HYPERLINK'));
    expect(formulaOrg).toBe('ORG:=HYPERLINK("http://x.example.com"\\,"click")');
  });

  it('escapes and folds without splitting a character', () => {
    expect(vcardText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = 'NOTE:' + 'é'.repeat(100);
    const folded = foldLine(long).split('\r\n');
    for (const l of folded) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(long);
  });
});

describe('contact helpers', () => {
  it('finds the addresses in an email cell', () => {
    expect(emailsIn('Ana <ANA@example.org>; b@example.net, not-an-email')).toEqual(['ana@example.org', 'b@example.net']);
    expect(emailsIn('mailto:x@example.com')).toEqual(['x@example.com']);
    expect(emailsIn(null)).toEqual([]);
  });

  it('splits names into given and family names', () => {
    expect(splitName('Ana María Ruiz')).toEqual({ given: 'Ana María', family: 'Ruiz', prefix: '' });
    expect(splitName('Andrés Martín García')).toEqual({ given: '', family: '', prefix: '' });
    expect(splitName('Dr. Amina Diallo')).toEqual({ given: 'Amina', family: 'Diallo', prefix: 'Dr.' });
    expect(splitName('Jean de la Fontaine')).toEqual({ given: 'Jean', family: 'de la Fontaine', prefix: '' });
    expect(splitName('Madonna')).toEqual({ given: 'Madonna', family: '', prefix: '' });
  });
});

describe('export contacts when nothing matches', () => {
  it('warns instead of writing an empty list without a word', async () => {
    const fx = exportFixture();
    const out = path.join(fx.dir, 'none.vcf');
    const { io, stderr } = bufferIO();
    const result = await runExportContacts({ dbPath: fx.dbPath, filters: { search: 'no such text anywhere', allCalls: true }, format: 'vcf', out }, io);
    expect(result.counts.applications).toBe(0);
    expect(stderr()).toMatch(/warning: no application matches: the list is empty/);
  });
});
