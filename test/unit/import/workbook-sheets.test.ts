import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { json, run as skillsnet, tempDir } from '../support/run.js';
import { openDatabase } from '../../../src/db/connection.js';
import { importFiles } from '../../../src/import/importer.js';
import { bufferIO } from '../../../src/cli/io.js';
import { importHooks } from '../../../src/cli/import.js';
import { scriptedPrompts } from '../../../src/ui/prompts.js';
import { topRows } from '../../../src/import/header-row.js';
import { xlsxSource } from '../../../src/import/xlsx-reader.js';

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

/** A one-sheet workbook of shared strings (A1 B1 over A2 B2), stored uncompressed with fixed part dates: two of same-length strings have the same size. */
async function storedWorkbook(strings: string[]): Promise<Buffer> {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const zip = new JSZip();
  const date = new Date(Date.UTC(2024, 2, 1));
  const put = (name: string, xml: string) => zip.file(name, `<?xml version="1.0"?>${xml}`, { date });
  put('[Content_Types].xml', `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`);
  put('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  put('xl/workbook.xml', `<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="One" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  put('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rT" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  put('xl/sharedStrings.xml', `<sst xmlns="${main}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`);
  const cell = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
  put('xl/worksheets/sheet1.xml', `<worksheet xmlns="${main}"><sheetData><row r="1">${cell('A1', 0)}${cell('B1', 1)}</row><row r="2">${cell('A2', 2)}${cell('B2', 3)}</row></sheetData></worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

// Officers' workbooks often open on an instructions or summary sheet; the applications follow.
describe('a workbook whose first sheet holds no table', () => {
  it('imports the first sheet that has column headers, and says which', async () => {
    const f = await workbook('call.xlsx', [
      ['Read me', [['Skills Innovation Call 2024 - applications'], ['Prepared by the regional office. Do not edit the headers.']]],
      ['Applications', [['Organisation', 'E-mail', 'Country'], ['Lima Jóvenes', 'ana@example.org', 'Peru'], ['Dakar Code', 'moussa@example.org', 'Senegal']]],
      ['Lists', [['Country'], ['Peru']]],
    ]);
    const run = await skillsnet(['--db', path.join(dir, 'a.db'), 'import', f, '--call', '2024', '--json']);
    expect(run.code).toBe(0);
    expect(json(run)).toMatchObject({ rows: 2, inserted: 2, rejected: 0 });
    expect(json(run).files[0].sheet).toBe('Applications');
    expect(run.stderr).toMatch(/sheet "Applications"/);
    // a second import of the same workbook is all unchanged
    expect(json(await skillsnet(['--db', path.join(dir, 'a.db'), 'import', f, '--call', '2024', '--json']))).toMatchObject({ rows: 2, unchanged: 2 });
  });

  it('when no sheet has the columns, the error names the sheets', async () => {
    const f = await workbook('notes.xlsx', [['Notes', [['just some text']]], ['More notes', [['other text']]]]);
    const run = await skillsnet(['--db', path.join(dir, 'b.db'), 'import', f, '--call', '2024']);
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
    const run = await skillsnet(['--db', path.join(dir, 'c.db'), 'import', f, '--call', '2024', '--json']);
    expect(json(run)).toMatchObject({ rows: 1, inserted: 1 });
  });

  // A workbook of two rounds ("Ronda 1", "Ronda 2"): the second was left unread without a word.
  it('the report names the later sheets shown that have applications\' columns too, and how to import them; not a hidden one, nor a list', async () => {
    const apps = (n: number) => [['Nombre de la organización', 'Correo electrónico'], ...Array.from({ length: n }, (_, i) => [`Org ${n}-${i}`, `r${n}-${i}@example.org`])];
    const f = await workbook('rondas.xlsx', [['Léame', [['Dos rondas de la convocatoria']]], ['Ronda 1', apps(2)], ['Países', [['País'], ['Perú']]], ['Ronda 2', apps(3)], ['Copia', apps(4)]]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    wb.getWorksheet('Copia')!.state = 'hidden';
    await wb.xlsx.writeFile(f);
    const run = await skillsnet(['--db', path.join(dir, 'rondas.db'), 'import', f, '--call', '2024', '--json']);
    expect(json(run)).toMatchObject({ rows: 2, inserted: 2, files: [{ sheet: 'Ronda 1' }] });
    const warnings: string[] = json(run).files[0].warnings;
    expect(warnings.filter((w) => /sheet/.test(w))).toEqual(['sheet "Ronda 1" was read; sheet "Ronda 2" has organisation and email columns too and was not read: if it holds applications, import it with --sheet "Ronda 2"']);
    // named, it is read; and the sheet after it is a hidden one: nothing to say
    const second = await skillsnet(['--db', path.join(dir, 'rondas.db'), 'import', f, '--call', '2024', '--sheet', 'Ronda 2', '--json']);
    expect(json(second)).toMatchObject({ rows: 3, inserted: 3 });
    expect(json(second).files[0].warnings.filter((w: string) => /sheet/.test(w))).toEqual([]);
    // (the workbook was imported before, but another of its sheets: not said to be "the same file")
    expect(second.stderr).toMatch(/rondas\.xlsx: the same workbook was imported into this call before \(this sheet or another\) \(batch 1, /);
    expect(second.stderr).not.toMatch(/the same file was imported/);
  });

  // A sheet per round: only the first 20 sheets were looked at, so rounds 21 to 25 went unmentioned,
  // and the warning listed every name.
  it('a workbook of more than 20 sheets: every later sheet is looked at, the first few named and the others counted, not a pivot table', async () => {
    const rounds = Array.from({ length: 25 }, (_, s) => [`Round ${s + 1}`, [['Organisation', 'Email'], [`Org ${s}`, `o${s}@example.org`]]] as [string, unknown[][]]);
    // and a pivot table of the rounds, its columns named like applications' but no address in it
    const f = await workbook('rounds.xlsx', [...rounds, ['Pivot', [['Organisation', 'Count of Email'], ['Org 1', 3], ['Grand Total', 3]]]]);
    const run = await skillsnet(['--db', path.join(dir, 'rounds.db'), 'import', f, '--call', '2024', '--json']);
    expect(json(run)).toMatchObject({ rows: 1, inserted: 1, files: [{ sheet: 'Round 1' }] });
    expect(json(run).files[0].warnings.filter((w: string) => /sheet/.test(w))).toEqual([
      'sheet "Round 1" was read; 24 sheets, "Round 2", "Round 3", "Round 4", "Round 5", "Round 6" and 19 more, have organisation and email columns too and were not read: if they hold applications, import each with --sheet NAME (--sheet "Round 2")',
    ]);
  });
});

describe('a workbook whose first sheet is a table of something else', () => {
  it('a drop-down list sheet first (countries, organisation types): the applications sheet is imported', async () => {
    const f = await workbook('template.xlsx', [
      ['Lists', [['Country', 'Type of organization'], ['Kenya', 'NGO'], ['Peru', 'Cooperative']]],
      ['Applications', [['Organisation', 'E-mail', 'Country', 'Type of organization'], ['Lima Jóvenes', 'ana@example.org', 'Peru', 'NGO']]],
    ]);
    const run = await skillsnet(['--db', path.join(dir, 'lists.db'), 'import', f, '--call', '2024', '--json']);
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
    const run = await skillsnet(['--db', path.join(dir, 'mapped.db'), 'import', f, '--call', '2024', '--map', map, '--json']);
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
    const run = await skillsnet(['--db', path.join(dir, 'mapped2.db'), 'import', f, '--call', '2024', '--map', map, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toMatchObject({ rows: 2, inserted: 2 });
    expect(json(run).files[0].sheet).toBe('Data');
  });
});

// A first sheet of applications whose email column is not recognised ("Adresse du responsable")
// is still the applications: the jury sheet after it names an organisation and an email too,
// and importing it instead put a reviewer among the applicants, with exit 0.
describe('a first sheet of applications with a column not recognised, and another table after it', () => {
  const sheets: [string, unknown[][]][] = [
    [
      'Candidatures',
      [
        ['Organisation', 'Pays', 'Titre du projet', 'Adresse du responsable'],
        ['Dakar Code', 'Sénégal', 'Formation numérique', 'moussa@example.org'],
        ['Lima Jóvenes', 'Pérou', 'Apprentissage', 'ana@example.org'],
      ],
    ],
    ['Jury', [['Nom', 'Organisation', 'Courriel'], ['Reviewer One', 'ILO Dakar', 'r1@example.net']]],
  ];

  it('off a terminal: the missing-columns error for the first sheet, naming the other sheets and --sheet', async () => {
    const f = await workbook('jury.xlsx', sheets);
    const db = path.join(dir, 'jury.db');
    const run = await skillsnet(['--db', db, 'import', f, '--call', '2024', '--json']);
    expect(run.code).toBe(1);
    // --json: one document on stdout all the same, with what was recognised (CONTRACT: failed imports under --json)
    const doc = JSON.parse(run.stdout);
    expect(doc.error).toMatch(/^jury\.xlsx: no column found for the email; nothing was imported/);
    expect(doc.files).toEqual([{ file: 'jury.xlsx', columns: expect.objectContaining({ organization: ['Organisation'], country: ['Pays'], title: ['Titre du projet'] }), unmappedColumns: expect.arrayContaining(['Adresse du responsable']) }]);
    expect(run.stderr).toMatch(/^error: jury\.xlsx: no column found for the email; nothing was imported/);
    expect(run.stderr).toMatch(/the workbook's sheets: "Candidatures", "Jury"; skillsnet read sheet "Candidatures": to import another, give --sheet NAME/);
    expect(run.stderr).toMatch(/"Adresse du responsable"/);
    expect(run.stderr).not.toMatch(/importing sheet "Jury"/);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('after an instructions sheet too, the first sheet of applications is read, not a later complete one', async () => {
    const f = await workbook('jury2.xlsx', [['Read me', [['One row per application, please.']]], ...sheets]);
    const run = await skillsnet(['--db', path.join(dir, 'jury2.db'), 'import', f, '--call', '2024']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/importing sheet "Candidatures"/);
    expect(run.stderr).toMatch(/^error: jury2\.xlsx: no column found for the email/m);
  });

  it('on a terminal: the wizard asks for the email column of the first sheet and imports its rows', async () => {
    const f = await workbook('jury-tty.xlsx', sheets);
    const db = openDatabase(path.join(dir, 'jury-tty.db'), { create: true });
    const prompts = scriptedPrompts([3, false]);
    const { io, stderr } = bufferIO({ tty: true, prompts: async () => prompts });
    try {
      const report = await importFiles(db, [f], { call: '2024' }, importHooks(io));
      expect(prompts.asked[0]).toMatch(/email/);
      expect(report).toMatchObject({ rows: 2, inserted: 2, rejected: 0 });
      expect(report.files[0]!.sheet).toBe('Candidatures');
      expect(stderr()).toMatch(/the workbook's sheets: "Candidatures", "Jury"/);
      const emails = db.prepare('SELECT email FROM applications ORDER BY email').pluck().all();
      expect(emails).toEqual(['ana@example.org', 'moussa@example.org']);
    } finally {
      db.close();
    }
  });

  it('--sheet picks a sheet by name (any case) or by number', async () => {
    const f = await workbook('jury3.xlsx', sheets);
    const byName = await skillsnet(['--db', path.join(dir, 'jury3a.db'), 'import', f, '--call', '2024', '--sheet', 'jury', '--json']);
    expect(byName.code, byName.stderr).toBe(0);
    expect(json(byName)).toMatchObject({ rows: 1, inserted: 1 });
    expect(json(byName).files[0].sheet).toBe('Jury');
    const byNumber = await skillsnet(['--db', path.join(dir, 'jury3b.db'), 'import', f, '--call', '2024', '--sheet', '2', '--json']);
    expect(json(byNumber).files[0].sheet).toBe('Jury');
    // with the sheet named and its email column mapped, the applications import
    const map = path.join(dir, 'jury3.map.json');
    fs.writeFileSync(map, JSON.stringify({ email: 'Adresse du responsable' }));
    const mapped = await skillsnet(['--db', path.join(dir, 'jury3c.db'), 'import', f, '--call', '2024', '--sheet', 'Candidatures', '--map', map, '--json']);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(json(mapped)).toMatchObject({ rows: 2, inserted: 2 });
    expect(json(mapped).files[0].sheet).toBe('Candidatures');
  });

  it('--sheet naming no sheet is an error listing them; an empty --sheet is wrong usage', async () => {
    const f = await workbook('jury4.xlsx', sheets);
    const missing = await skillsnet(['--db', path.join(dir, 'jury4.db'), 'import', f, '--call', '2024', '--sheet', 'Reviewers']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: jury4\.xlsx has no sheet "Reviewers"\n  its sheets: "Candidatures", "Jury"; give --sheet one of these names, or a number from 1 to 2/);
    const beyond = await skillsnet(['--db', path.join(dir, 'jury4.db'), 'import', f, '--call', '2024', '--sheet', '3']);
    expect(beyond.code).toBe(1);
    expect(beyond.stderr).toMatch(/^error: jury4\.xlsx has no sheet number 3/);
    expect(fs.existsSync(path.join(dir, 'jury4.db'))).toBe(false);
    expect((await skillsnet(['--db', path.join(dir, 'jury4.db'), 'import', f, '--sheet', ' '])).code).toBe(2);
    expect((await skillsnet(['import', '--help'])).stdout).toMatch(/--sheet <name\|number>/);
  });
});

// A hidden sheet is not what the officer sees on opening the workbook (openpyxl wrote this one).
describe('hidden sheets', () => {
  async function hiddenFirst(name: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const old = wb.addWorksheet('Old responses', { state: 'hidden' });
    old.addRow(['Organization', 'Email']);
    old.addRow(['Old Org', 'old@example.org']);
    const lists = wb.addWorksheet('Lists', { state: 'veryHidden' });
    lists.addRow(['Organization', 'Email']);
    lists.addRow(['List Org', 'list@example.org']);
    const shown = wb.addWorksheet('Responses');
    shown.addRow(['Organization', 'Email']);
    shown.addRow(['Acme', 'a@example.org']);
    shown.addRow(['Beta', 'b@example.org']);
    const f = path.join(dir, name);
    await wb.xlsx.writeFile(f);
    return f;
  }

  it('the first sheet shown is read, and the report says the hidden one was passed over', async () => {
    const f = await hiddenFirst('hidden.xlsx');
    const run = await skillsnet(['--db', path.join(dir, 'h.db'), 'import', f, '--call', '2024', '--json']);
    expect(run.code).toBe(0);
    expect(json(run)).toMatchObject({ rows: 2, inserted: 2 });
    expect(json(run).files[0].sheet).toBe('Responses');
    expect(run.stderr).toMatch(/the first sheet \("Old responses"\) is hidden in Excel; reading sheet "Responses"/);
  });

  it('--sheet still picks a hidden sheet by name', async () => {
    const f = await hiddenFirst('hidden2.xlsx');
    const run = await skillsnet(['--db', path.join(dir, 'h2.db'), 'import', f, '--call', '2024', '--json', '--sheet', 'Old responses']);
    expect(json(run)).toMatchObject({ rows: 1, inserted: 1 });
    expect(json(run).files[0].sheet).toBe('Old responses');
  });
});

describe('one workbook, a sheet per call', () => {
  it('starts the second call from its own sheet: the same bytes are not the same rows when another sheet is read', async () => {
    const f = await workbook('calls.xlsx', [
      ['2021', [['Organisation', 'E-mail', 'Country', 'Submitted'], ['Lima Jóvenes', 'ana@example.org', 'Peru', '2021-03-01']]],
      ['2022 form', [['Organization name', 'Email', 'Country', 'Date'], ['Dakar Code', 'moussa@example.org', 'Senegal', '2022-03-01']]],
    ]);
    const db = path.join(dir, 'per-call.db');
    expect(json(await skillsnet(['--db', db, 'import', f, '--sheet', '2021', '--call', '2021', '--json']))).toMatchObject({ inserted: 1 });
    const second = await skillsnet(['--db', db, 'import', f, '--sheet', '2022 form', '--call', '2022', '--json']);
    expect(second.code, second.stderr).toBe(0);
    expect(json(second)).toMatchObject({ inserted: 1 });
    // the sheet read before, given to a new call, is imported with a warning that it is a copy
    const copy = await skillsnet(['--db', db, 'import', f, '--sheet', '2021', '--call', 'spring']);
    expect(copy.code, copy.stderr).toBe(0);
    expect(copy.stderr).toMatch(/calls\.xlsx: this file was imported into call "2021" already \(or another sheet of the workbook with the same columns\)/);
    // the other sheet started its call without one
    expect(second.stderr).not.toMatch(/imported into call/);
  });
});

// An officer filters the sheet (or hides rows) in Excel and sees fewer rows than the import counts.
describe('rows hidden in Excel', () => {
  it('are read like the others, and the report names them by their sheet row numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Applications');
    ws.addRow(['Call 2024']);
    ws.addRow(['Organization', 'Email', 'Status']);
    for (let i = 0; i < 6; i++) ws.addRow([`Org ${i}`, `o${i}@example.org`, i % 3 ? 'eligible' : 'withdrawn']);
    ws.autoFilter = 'A2:C8';
    ws.getRow(3).hidden = true;
    ws.getRow(6).hidden = true;
    ws.addRow([]).hidden = true;
    const f = path.join(dir, 'filtered.xlsx');
    await wb.xlsx.writeFile(f);
    const run = await skillsnet(['--db', path.join(dir, 'filtered.db'), 'import', f, '--call', '2024', '--json']);
    expect(json(run)).toMatchObject({ rows: 6, inserted: 6 });
    expect(json(run).files[0].warnings.filter((w: string) => /hidden/.test(w))).toEqual([
      '2 rows hidden in Excel (by hand or by a filter) are in this import like the others: sheet rows 3, 6; unhide or clear the filter in Excel to see them, and if they were hidden to set them aside, withdraw each (skillsnet withdraw ID)',
    ]);
  });

  // a hidden title line above the header row was named among the rows "read like the others"
  it('names only hidden rows under the header rows: a hidden title line is no application', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Applications');
    ws.addRow(['Skills Innovation Call 2024 (internal codes: ORG, EML)']);
    ws.addRow(['Organization', 'Email', 'Status']);
    for (let i = 0; i < 4; i++) ws.addRow([`Org ${i}`, `o${i}@example.org`, 'eligible']);
    ws.getRow(1).hidden = true;
    ws.getRow(4).hidden = true;
    const f = path.join(dir, 'hidden-title.xlsx');
    await wb.xlsx.writeFile(f);
    const run = await skillsnet(['--db', path.join(dir, 'hidden-title.db'), 'import', f, '--call', '2024', '--json']);
    expect(json(run)).toMatchObject({ rows: 4, inserted: 4 });
    expect(json(run).files[0].warnings.filter((w: string) => /hidden/.test(w))).toEqual([
      '1 row hidden in Excel (by hand or by a filter) is in this import like the others: sheet row 4; unhide or clear the filter in Excel to see it, and if it was hidden to set it aside, withdraw it (skillsnet withdraw ID)',
    ]);
  });
});

// A workbook's string table is parsed once for its sheets' reads; a workbook saved again under
// the same name is another table.
describe('the string table of a workbook read sheet after sheet', () => {
  it('is the workbook\'s own, also after the file is saved again under its name', async () => {
    const f = await workbook('saved-again.xlsx', [['One', [['Organization', 'Email'], ['Acme', 'a@example.org']]], ['Two', [['Organization', 'Email'], ['Beta', 'b@example.org']]]]);
    expect(await topRows(xlsxSource(f, 0))).toEqual([['Organization', 'Email'], ['Acme', 'a@example.org']]);
    expect(await topRows(xlsxSource(f, 1))).toEqual([['Organization', 'Email'], ['Beta', 'b@example.org']]);
    await workbook('saved-again.xlsx', [['One', [['Organisation', 'Courriel'], ['Gamma Compétences', 'g@example.org']]]]);
    expect(await topRows(xlsxSource(f, 0))).toEqual([['Organisation', 'Courriel'], ['Gamma Compétences', 'g@example.org']]);
  });

  // a file's size and modification time were the table's key: a workbook copied over another of
  // the same size, its time kept (cp -p, a sync tool) or within the same second, read the old names
  it('is the new workbook\'s after a copy of the same size and modification time over the file', async () => {
    const f = path.join(dir, 'copied-over.xlsx');
    const first = await storedWorkbook(['Organization', 'Email', 'Acme', 'a@example.org']);
    const second = await storedWorkbook(['Organization', 'Email', 'Zeta', 'z@example.org']);
    expect(second.length).toBe(first.length);
    const kept = new Date(Date.UTC(2024, 2, 1, 9, 30)); // the time a copy keeps, to the second
    fs.writeFileSync(f, first);
    fs.utimesSync(f, kept, kept);
    expect(await topRows(xlsxSource(f, 0))).toEqual([['Organization', 'Email'], ['Acme', 'a@example.org']]);
    fs.writeFileSync(f, second); // in place: the same file, the same size
    fs.utimesSync(f, kept, kept);
    expect(await topRows(xlsxSource(f, 0))).toEqual([['Organization', 'Email'], ['Zeta', 'z@example.org']]);
  });
});

