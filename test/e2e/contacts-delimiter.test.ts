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
