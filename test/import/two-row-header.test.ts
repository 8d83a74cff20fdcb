import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { json, runCli, tempDir } from '../helpers.js';

const dir = tempDir('skillsnet-two-row-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Officers' own templates group columns under a merged header: "Contact person" over
// "Name | Email | Phone". The row under the header names the grouped columns; it is no data row.
describe('a header of two rows (a merged group header over its columns)', () => {
  it('xlsx: the group is read with its column names, and the second header row is no data row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Applications');
    ws.addRow(['Skills Innovation Call 2024 — applications received']);
    ws.addRow(['Organisation', 'Country', 'Contact person', '', '', 'Project title']);
    ws.addRow(['', '', 'Name', 'Email', 'Phone', '']);
    ws.mergeCells('C2:E2');
    ws.addRow(['Nairobi Tech Institute', 'Kenya', 'Wanjiru Kamau', 'wanjiru@example.org', '+254 20 123456', 'Solar skills']);
    ws.addRow(['Kigali Crafts', 'Rwanda', 'Eric Mugisha', 'eric@example.org', '+250 788 123 456', 'Craft skills']);
    const f = path.join(dir, 'template.xlsx');
    await wb.xlsx.writeFile(f);
    const db = path.join(dir, 'a.db');
    const run = runCli(['--db', db, 'import', f, '--call', '2024', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toMatchObject({ rows: 2, inserted: 2, rejected: 0 });
    expect(json(run).files[0].columns).toMatchObject({
      organization: ['Organisation'], contactName: ['Contact person - Name'], email: ['Contact person - Email'], phone: ['Contact person - Phone'],
    });
    const apps = json<{ organization: string; contactName: string; email: string; phone: string }[]>(runCli(['--db', db, 'list', '--json']));
    expect(apps[0]).toMatchObject({ organization: 'Nairobi Tech Institute', contactName: 'Wanjiru Kamau', email: 'wanjiru@example.org', phone: '+254 20 123456' });
  });

  it('csv: "Contact" over "First name | Last name" becomes the contact name', () => {
    const f = path.join(dir, 'names.csv');
    fs.writeFileSync(f, stringify([
      ['Organization', 'Contact', '', 'Email'],
      ['', 'First name', 'Last name', ''],
      ['Acme Skills', 'Ana', 'Diallo', 'ana@example.org'],
    ]));
    const db = path.join(dir, 'b.db');
    expect(json(runCli(['--db', db, 'import', f, '--call', '2024', '--json']))).toMatchObject({ rows: 1, inserted: 1, rejected: 0 });
    expect(json(runCli(['--db', db, 'list', '--json']))[0]).toMatchObject({ contactName: 'Ana Diallo' });
  });

  it('a first data row with blanks under a group is still data', () => {
    const f = path.join(dir, 'data.csv');
    fs.writeFileSync(f, stringify([
      ['Organization', 'Email', 'Contact', ''],
      ['Acme Skills', 'ana@example.org', 'Ana', 'Diallo'],
      ['Beta Skills', 'beta@example.org', '', ''],
    ]));
    expect(json(runCli(['--db', path.join(dir, 'c.db'), 'import', f, '--call', '2024', '--json']))).toMatchObject({ rows: 2, inserted: 2 });
  });
});
