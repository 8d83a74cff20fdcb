import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { json, run as skillsnet, tempDir } from '../support/run.js';
import { exportFixture } from '../export/fixture.js';

let fx: ReturnType<typeof exportFixture>;
beforeAll(async () => { fx = exportFixture(); });

const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('skillsnet export', () => {
  it('--json lists the same files every night, the view code found in place too', async () => {
    const dir = tempDir();
    const night = async (extra: string[]) => json<{ files: string[] }>(await skillsnet(['export', 'kumu', '--all-calls', '--format', 'csv', '--out', 'kumu', '--json', ...extra, '--db', fx.dbPath], { cwd: dir })).files;
    const first = await night([]);
    expect(first.map((f) => path.basename(f))).toEqual(['elements.csv', 'connections.csv', 'kumu-view.txt']);
    expect(await night(['--force'])).toEqual(first);
  });

  it('writes the Kumu workbook 0600, refuses to overwrite without --force, and replaces it with --force', async () => {
    const dir = tempDir();
    const first = await skillsnet(['export', 'kumu', '--all-calls', '--format', 'xlsx', '--out', 'map.xlsx', '--db', fx.dbPath], { cwd: dir });
    expect(first.stderr).toMatch(/Wrote 24 elements \(10 organisations from 11 applications, 9 skills categories, 5 regions\) and \d+ connections to map\.xlsx\./);
    expect(first.stderr).toMatch(/Next: in Kumu/);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(fs.statSync(path.join(dir, 'map.xlsx')).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dir, 'map.kumu-view.txt'))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'map.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Elements', 'Connections']);

    const before = fs.readFileSync(path.join(dir, 'map.xlsx'));
    const again = await skillsnet(['export', 'kumu', '--all-calls', '--region', 'Africa', '--out', 'map.xlsx', '--db', fx.dbPath], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error: .*map\.xlsx already exists\n  add --force to replace it/m);
    expect(fs.readFileSync(path.join(dir, 'map.xlsx')).equals(before)).toBe(true);

    const forced = await skillsnet(['export', 'kumu', '--all-calls', '--region', 'Africa', '--out', 'map.xlsx', '--force', '--db', fx.dbPath], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'map.xlsx')).equals(before)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('keeps paragraph breaks of an imported description in the Kumu Markdown', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.db');
    fs.writeFileSync(path.join(dir, 'apps.csv'), 'Name of your organization,Country,Email Address,Title of your innovation,Describe your innovation\r\n'
      + 'Paragraph Trust,Kenya,p@example.org,Two parts,"First   paragraph,\r\nwrapped line.\r\n\r\n\r\n  Second paragraph."\r\n');
    expect((await skillsnet(['import', 'apps.csv', '--call', '2020', '--db', db], { cwd: dir })).code).toBe(0);
    expect((await skillsnet(['export', 'kumu', '--all-calls', '--out', 'map.xlsx', '--db', db], { cwd: dir })).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'map.xlsx'));
    const ws = wb.getWorksheet('Elements')!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    const description = String(ws.getRow(2).getCell(header.indexOf('Description') + 1).value);
    expect(description).toContain('First paragraph,\nwrapped line.\n\nSecond paragraph.');
  });

  it('creates the csv folder (and any missing parent) 0700, like the 0600 files inside', async () => {
    const dir = tempDir();
    const r = await skillsnet(['export', 'kumu', '--all-calls', '--format', 'csv', '--out', 'private/kumu-map', '--with-contact-details', '--db', fx.dbPath], { cwd: dir });
    expect(r.code).toBe(0);
    for (const d of ['private', 'private/kumu-map']) expect(fs.statSync(path.join(dir, d)).mode & 0o777).toBe(0o700);
    for (const f of ['elements.csv', 'connections.csv']) expect(fs.statSync(path.join(dir, 'private/kumu-map', f)).mode & 0o777).toBe(0o600);
    expect((await skillsnet(['export', 'contacts', '--all-calls', '--format', 'csv', '--out', 'lists/contacts.csv', '--db', fx.dbPath], { cwd: dir })).code).toBe(0);
    expect(fs.statSync(path.join(dir, 'lists')).mode & 0o777).toBe(0o700);
  });

  it('keeps phone numbers as text in the contacts CSV, bare in Outlook (which keeps an apostrophe as part of the number), exact in the vCard', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.db');
    fs.writeFileSync(path.join(dir, 'apps.csv'), 'Name of your organization,Country,Email Address,Phone number\r\n'
      + 'Plus Trust,Switzerland,a@example.org,+41227996111\r\nZero Trust,Switzerland,b@example.org,0227996111\r\nSpaced Trust,Switzerland,c@example.org,+41 22 799 61 11\r\n');
    expect((await skillsnet(['import', 'apps.csv', '--call', '2020', '--db', db], { cwd: dir })).code).toBe(0);
    const expected = { 'a@example.org': "'+41227996111", 'b@example.org': "'0227996111", 'c@example.org': "'+41 22 799 61 11" };
    const csv = parse((await skillsnet(['export', 'contacts', '--all-calls', '--format', 'csv', '--out', '-', '--db', db])).stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.fromEntries(csv.map((r) => [r.email, r.phone]))).toEqual(expected);
    const outlook = parse((await skillsnet(['export', 'contacts', '--all-calls', '--format', 'outlook', '--out', '-', '--db', db])).stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.fromEntries(outlook.map((r) => [r['E-mail Address'], r['Business Phone']]))).toEqual({ 'a@example.org': '+41227996111', 'b@example.org': '0227996111', 'c@example.org': '+41 22 799 61 11' });
    const vcf = (await skillsnet(['export', 'contacts', '--all-calls', '--format', 'vcf', '--out', '-', '--db', db])).stdout;
    for (const phone of ['+41227996111', '0227996111', '+41 22 799 61 11']) expect(vcf).toMatch(new RegExp(`^TEL[^:]*:${phone.replace('+', '\\+')}\r$`, 'm'));
  });

  it('writes text formats to stdout with --out -, counts on stderr', async () => {
    const vcf = await skillsnet(['--db', fx.dbPath, 'export', 'contacts', '--all-calls', '--format', 'vcf', '--out', '-']);
    expect(vcf.code).toBe(0);
    expect(vcf.stdout.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
    expect(vcf.stderr).toMatch(/Wrote 10 contacts from 11 applications .* to stdout as vCard 3\.0/);
    const md = await skillsnet(['export', 'roster', 'core-2020', '--out', '-', '--db', fx.dbPath]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Core Group: core-2020/);
    const blueprint = await skillsnet(['export', 'kumu', '--all-calls', '--format', 'json', '--out', '-', '--db', fx.dbPath]);
    expect(json(blueprint).elements).toHaveLength(24);
  });

  it('refuses stdout for the workbook and the csv folder, and a missing --out, with exit 2', async () => {
    const xlsx = await skillsnet(['export', 'kumu', '--all-calls', '--format', 'xlsx', '--out', '-', '--db', fx.dbPath]);
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr).toMatch(/^error: --format xlsx cannot be written to stdout\n  give a path/m);
    expect((await skillsnet(['export', 'kumu', '--all-calls', '--format', 'csv', '--out', '-', '--db', fx.dbPath])).code).toBe(2);
    const missing = await skillsnet(['export', 'contacts', '--all-calls', '--db', fx.dbPath]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--out/);
    const badFormat = await skillsnet(['export', 'contacts', '--all-calls', '--format', 'xls', '--out', 'x', '--db', fx.dbPath]);
    expect(badFormat.code).toBe(2);
  });

  it('prints a JSON summary with --json and writes nothing with --dry-run', async () => {
    const dir = tempDir();
    const r = await skillsnet(['export', 'graphml', '--all-calls', '--out', 'g.graphml', '--json', '--db', fx.dbPath], { cwd: dir });
    expect(r.code).toBe(0);
    const summary = json(r);
    expect(summary).toMatchObject({ export: 'graphml', format: 'graphml', files: [path.join(fs.realpathSync(dir), 'g.graphml')], counts: { organizations: 10 } });
    const dry = await skillsnet(['export', 'contacts', '--all-calls', '--out', 'c.csv', '--dry-run', '--db', fx.dbPath], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(/Dry run: would write 10 contacts/);
    expect(fs.existsSync(path.join(dir, 'c.csv'))).toBe(false);
  });

  it('warns about contact details and explains an unknown roster', async () => {
    const dir = tempDir();
    const r = await skillsnet(['export', 'kumu', '--all-calls', '--with-contact-details', '--format', 'csv', '--out', 'kumu', '--db', fx.dbPath], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: the map includes email addresses and phone numbers/);
    expect(fs.readFileSync(path.join(dir, 'kumu', 'elements.csv'), 'utf8').split('\r\n')[0]).toContain('Email');
    const bad = await skillsnet(['export', 'contacts', '--all-calls', '--roster', 'core-2099', '--out', 'x.csv', '--db', fx.dbPath], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: no roster named "core-2099" in this database\n  saved rosters: core-2020\n/m);
  });

  it('has help with examples', async () => {
    const r = await skillsnet(['export', 'kumu', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--with-contact-details');
    expect(r.stdout).toContain('Examples:');
  });
});
