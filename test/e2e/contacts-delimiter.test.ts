import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { runCli, tempDir } from './support/cli.js';

const dir = tempDir('skillsnet-contacts-delim-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Excel in a French or Spanish locale opens only ";" files in columns.
describe('export contacts --delimiter', () => {
  const db = path.join(dir, 'a.db');
  const f = path.join(dir, 'apps.csv');
  fs.writeFileSync(f, 'Organisation,Email,Contact,Phone,Country\n"Atelier, École",ana@example.org,Ana Diallo,+221 77 123 45 67; +221 33 000 00 00,Sénégal\n');

  it('writes a semicolon CSV that parses into the same columns', () => {
    expect(runCli(['--db', db, 'import', f, '--call', '2024']).code).toBe(0);
    const run = runCli(['--db', db, 'export', 'contacts', '--format', 'csv', '--delimiter', ';', '--out', '-']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.startsWith('\uFEFFname;email;phone;organisation;')).toBe(true);
    const rows = parse(run.stdout, { bom: true, delimiter: ';' }) as string[][];
    // Two numbers in one cell: the first in phone, the other in other_phones (never joined in one field).
    expect(rows[1]!.slice(0, 4)).toEqual(['Ana Diallo', 'ana@example.org', "'+221 77 123 45 67", 'Atelier, École']);
    expect(rows[1]![rows[0]!.indexOf('other_phones')]).toBe("'+221 33 000 00 00");
  });

  it('is refused for vCard and Outlook', () => {
    const run = runCli(['--db', db, 'export', 'contacts', '--format', 'vcf', '--delimiter', ';', '--out', '-']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: --delimiter applies to --format csv only/m);
  });
});

// list --csv on stdout: a spreadsheet's file when redirected into one, plain CSV through a pipe.
describe('list --csv, by where stdout goes', () => {
  const db = path.join(dir, 'b.db');
  const f = path.join(dir, 'apps-b.csv');
  fs.writeFileSync(f, 'Organisation,Email,Country\nFédération Éducative,ana@example.org,France\n');

  it('writes a BOM and CRLF into a file, and neither into a pipe', async () => {
    expect(runCli(['--db', db, 'import', f, '--call', '2024']).code).toBe(0);
    const piped = runCli(['--db', db, 'list', '--csv']);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.startsWith('id,externalId,')).toBe(true);
    expect(piped.stdout).not.toContain('\r\n');
    const { execFileSync } = await import('node:child_process');
    const { BIN } = await import('./support/cli.js');
    const out = path.join(dir, 'apps-list.csv');
    execFileSync('/bin/sh', ['-c', '"$0" --db "$1" list --csv > "$2"', BIN, db, out], { env: { ...process.env, SKILLSNET_DB: '' } });
    const saved = fs.readFileSync(out, 'utf8');
    expect(saved.startsWith('\uFEFFid,externalId,')).toBe(true);
    expect(saved.endsWith('\r\n')).toBe(true);
    expect((parse(saved, { bom: true, columns: true }) as Record<string, string>[])[0]!.organization).toBe('Fédération Éducative');
    // appended with >> onto what is there: no BOM in the middle of the file
    execFileSync('/bin/sh', ['-c', '"$0" --db "$1" list --csv >> "$2"', BIN, db, out], { env: { ...process.env, SKILLSNET_DB: '' } });
    const appended = fs.readFileSync(out, 'utf8');
    expect(appended.startsWith(saved)).toBe(true);
    expect(appended.slice(saved.length).startsWith('id,externalId,')).toBe(true);
    expect(appended.lastIndexOf('\uFEFF')).toBe(0);
  });
});
