import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { json, runCli, tempDir } from '../helpers.js';

const dir = tempDir('skillsnet-sheets-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function workbook(name: string, sheets: [string, unknown[][]][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of sheets) {
    const ws = wb.addWorksheet(sheet);
    for (const r of rows) ws.addRow(r);
  }
  const f = path.join(dir, name);
  await wb.xlsx.writeFile(f);
  return f;
}

// Officers' workbooks often open on an instructions or summary sheet; the applications follow.
describe('a workbook whose first sheet holds no table', () => {
  it('imports the first sheet that has column headers, and says which', async () => {
    const f = await workbook('call.xlsx', [
      ['Read me', [['Skills Innovation Call 2024 - applications'], ['Prepared by the regional office. Do not edit the headers.']]],
      ['Applications', [['Organisation', 'E-mail', 'Country'], ['Lima Jóvenes', 'ana@example.org', 'Peru'], ['Dakar Code', 'moussa@example.org', 'Senegal']]],
      ['Lists', [['Country'], ['Peru']]],
    ]);
    const run = runCli(['--db', path.join(dir, 'a.db'), 'import', f, '--call', '2024', '--json']);
    expect(run.code).toBe(0);
    expect(json(run)).toMatchObject({ rows: 2, inserted: 2, rejected: 0 });
    expect(json(run).files[0].sheet).toBe('Applications');
    expect(run.stderr).toMatch(/sheet "Applications"/);
    // a second import of the same workbook is all unchanged
    expect(json(runCli(['--db', path.join(dir, 'a.db'), 'import', f, '--call', '2024', '--json']))).toMatchObject({ rows: 2, unchanged: 2 });
  });

  it('when no sheet has the columns, the error names the sheets', async () => {
    const f = await workbook('notes.xlsx', [['Notes', [['just some text']]], ['More notes', [['other text']]]]);
    const run = runCli(['--db', path.join(dir, 'b.db'), 'import', f, '--call', '2024']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: notes\.xlsx: no column found/);
    expect(run.stderr).toMatch(/sheets.*"Notes", "More notes"/);
    expect(fs.existsSync(path.join(dir, 'b.db'))).toBe(false);
  });

  it('a first sheet with headers is still the one read', async () => {
    const f = await workbook('first.xlsx', [
      ['Responses', [['Organization', 'Email'], ['Acme', 'a@example.org']]],
      ['Other', [['Organization', 'Email'], ['Other', 'o@example.org'], ['Third', 't@example.org']]],
    ]);
    const run = runCli(['--db', path.join(dir, 'c.db'), 'import', f, '--call', '2024', '--json']);
    expect(json(run)).toMatchObject({ rows: 1, inserted: 1 });
  });
});

describe('a workbook whose first sheet is a table of something else', () => {
  it('a drop-down list sheet first (countries, organisation types): the applications sheet is imported', async () => {
    const f = await workbook('template.xlsx', [
      ['Lists', [['Country', 'Type of organization'], ['Kenya', 'NGO'], ['Peru', 'Cooperative']]],
      ['Applications', [['Organisation', 'E-mail', 'Country', 'Type of organization'], ['Lima Jóvenes', 'ana@example.org', 'Peru', 'NGO']]],
    ]);
    const run = runCli(['--db', path.join(dir, 'lists.db'), 'import', f, '--call', '2024', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toMatchObject({ rows: 1, inserted: 1 });
    expect(json(run).files[0].sheet).toBe('Applications');
    expect(run.stderr).toMatch(/first sheet \("Lists"\) has no organisation and email columns; importing sheet "Applications"/);
  });

  it('with --map, the first sheet with headers is the one its columns are named in', async () => {
    const f = await workbook('mapped.xlsx', [
      ['Data', [['Org', 'Mail'], ['Acme', 'a@example.org']]],
      ['Other', [['Organization', 'Email'], ['Other', 'o@example.org']]],
    ]);
    const map = path.join(dir, 'map.json');
    fs.writeFileSync(map, JSON.stringify({ organization: 'Org', email: 'Mail' }));
    const run = runCli(['--db', path.join(dir, 'mapped.db'), 'import', f, '--call', '2024', '--map', map, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run).files[0].sheet).toBe('Data');
  });

  it('with --map, a sheet after an instructions sheet is found by the columns the mapping names', async () => {
    const f = await workbook('mapped2.xlsx', [
      ['Read me', [['Fill in one row per application.']]],
      ['Data', [['Org', 'Mail'], ['Acme', 'a@example.org'], ['Beta', 'b@example.org']]],
    ]);
    const map = path.join(dir, 'map2.json');
    fs.writeFileSync(map, JSON.stringify({ organization: 'Org', email: 'Mail' }));
    const run = runCli(['--db', path.join(dir, 'mapped2.db'), 'import', f, '--call', '2024', '--map', map, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toMatchObject({ rows: 2, inserted: 2 });
    expect(json(run).files[0].sheet).toBe('Data');
  });
});
