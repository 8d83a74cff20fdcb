/**
 * skillsnet rejects, run in process: rows numbered as data rows, and --csv written in the
 * delimiter of the file the rows came from, so that it opens in columns and imports again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { json, run, tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-rejects-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('rejects and show number rows as data rows', () => {
  it('the second data row is row 2', async () => {
    const f = path.join(dir, 'rows.csv');
    fs.writeFileSync(f, 'Organization,Email\nOrg A,a@example.org\n,b@example.org\n');
    const d = path.join(dir, 'rows.db');
    await run(['import', f, '--db', d]);
    const r = await run(['rejects', '--db', d]);
    expect(r.stdout).toMatch(/Data row/);
    expect(json(await run(['rejects', '--json', '--db', d]))[0].rowNumber).toBe(2);
  });
});

describe('a line of totals among the rejected rows', () => {
  it('is said apart: alone it needs no sheet to fix, beside others it is one to delete', async () => {
    const head = 'Organisation,Email,Contact name,Country,Score\n';
    const d = path.join(dir, 'totals.db');
    const totals = path.join(dir, 'totals.csv');
    fs.writeFileSync(totals, `${head}Taller Sur,ana@example.org,Ana Ejemplo,Peru,80\nTaller Norte,bo@example.org,Bo Ejemplo,Peru,70\nTotal,,,,150\n`);
    await run(['import', totals, '--db', d, '--call', '2020']);
    expect((await run(['rejects', '--db', d])).stderr).toBe('1 rejected row, a line of totals under the applications: nothing to fix (delete it from the file before importing it again).\n');
    const more = path.join(dir, 'totals-and-one.csv');
    fs.writeFileSync(more, `${head}Taller Oeste,,Cu Ejemplo,Peru,80\nTotal,,,,80\n`);
    await run(['import', more, '--db', d, '--call', '2020']);
    expect((await run(['rejects', '--db', d])).stderr).toBe('3 rejected rows (2 of them lines of totals: to delete, not fix). Write them to fix in Excel: skillsnet rejects --csv > fix.csv\n');
  });
});

// An officer whose Excel runs in French saves CSV with semicolons; a comma file would open there
// as one column. The rejects to fix come back in the delimiter of the file they came from.
describe('rejects --csv of a French Excel file', () => {
  const file = path.join(dir, 'candidatures.csv');
  fs.writeFileSync(file, iconv.encode("Nom de l'organisation;Courriel;Pays;Note\r\nAtelier École;atelier@example.org;Sénégal;8,5\r\nSans courriel;;Mali;7,5\r\n", 'windows-1252'));
  const db = path.join(dir, 'a.db');

  it('are written with semicolons, and import again once fixed', async () => {
    expect((await run(['--db', db, 'import', file, '--call', '2024'])).code).toBe(0);
    const out = await run(['--db', db, 'rejects', '--csv']);
    expect(out.code).toBe(0);
    expect(out.stdout.startsWith("\uFEFFNom de l'organisation;Courriel;Pays;Note;Rejection reason")).toBe(true);
    const rows = parse(out.stdout, { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(["Nom de l'organisation", 'Courriel', 'Pays', 'Note', 'Rejection reason', 'Rejected row']);
    expect(rows[1]).toEqual(['Sans courriel', '', 'Mali', '7,5', 'missing email', expect.stringMatching(/^R\d+$/)]);
    const fixed = path.join(dir, 'fix.csv');
    fs.writeFileSync(fixed, out.stdout.replace(';;Mali', ';sans@example.org;Mali'));
    expect(json(await run(['--db', db, 'import', fixed, '--call', '2024', '--json']))).toMatchObject({ rows: 1, inserted: 1, rejected: 0 });
    // the fixed row left the list
    expect(json(await run(['--db', db, 'rejects', '--json']))).toEqual([]);
  });

  it('rows from comma files stay comma-separated', async () => {
    const comma = path.join(dir, 'forms.csv');
    fs.writeFileSync(comma, 'Organization,Email\nNo mail org,\n');
    const db2 = path.join(dir, 'b.db');
    await run(['--db', db2, 'import', comma, '--call', '2024']);
    expect((await run(['--db', db2, 'rejects', '--csv'])).stdout.split('\n')[0]).toBe('\uFEFFOrganization,Email,Rejection reason,Rejected row');
  });
});

// A workbook has no separator of its own: its rejects were written with commas and "5.75", which
// Excel in a French locale (the one that wrote the office's other, semicolon, files) opens as one
// column of text. --delimiter ";" writes them for it, numbers with a decimal comma, and says so.
describe('rejects --csv of a French workbook', () => {
  const db = path.join(dir, 'classeur.db');
  const file = path.join(dir, 'formulaire.xlsx');

  it('says how to get semicolons, and --delimiter ";" writes them with decimal commas that import again', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Réponses');
    ws.addRow(['Organisation', 'Courriel', 'Pays', 'Score (sur 10)']);
    ws.addRow(['Atelier Thiès', 'awa@example.org', 'Sénégal', 8.5]);
    ws.addRow(['Labé Savon', 'nafi@', 'Guinée', 5.75]);
    await wb.xlsx.writeFile(file);
    expect((await run(['--db', db, 'import', file, '--call', '2026'])).code).toBe(0);
    const plain = await run(['--db', db, 'rejects', '--csv']);
    expect(plain.stdout.split('\r\n')[1] ?? plain.stdout.split('\n')[1]).toMatch(/^Labé Savon,nafi@,Guinée,5\.75,/);
    expect(plain.stderr).toMatch(/The rows of formulaire\.xlsx \(a workbook\) are written with commas; .* add --delimiter ";"/);
    const out = await run(['--db', db, 'rejects', '--csv', '--delimiter', ';']);
    expect(out.code).toBe(0);
    expect(out.stderr).not.toMatch(/--delimiter/);
    const rows = parse(out.stdout, { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['Organisation', 'Courriel', 'Pays', 'Score (sur 10)', 'Rejection reason', 'Rejected row']);
    expect(rows[1]).toEqual(['Labé Savon', 'nafi@', 'Guinée', '5,75', 'invalid email', expect.stringMatching(/^R\d+$/)]);
    const fixed = path.join(dir, 'corrige.csv');
    fs.writeFileSync(fixed, iconv.encode(out.stdout.replace('\uFEFF', '').replace('nafi@;', 'nafi@example.org;'), 'windows-1252'));
    expect(json(await run(['--db', db, 'import', fixed, '--call', '2026', '--json']))).toMatchObject({ rows: 1, inserted: 1, rejected: 0 });
    const labe = json<any[]>(await run(['--db', db, 'list', '--json'])).find((a) => a.organization === 'Labé Savon');
    expect(labe).toMatchObject({ email: 'nafi@example.org', score: 5.75, country: 'GN' });
  });

  // A submission ID "2024.117" was written "2024,117" like a score, and the fixed sheet imported
  // the row under that other ID: only a number the import did not read as text gets the comma.
  it('a column read as text (an ID "2024.117") keeps its point; the score beside it gets the comma', async () => {
    const comma = path.join(dir, 'dossiers.csv');
    fs.writeFileSync(comma, 'Submission ID,Organisation,Email,Country,Score,Budget\n2024.117,Atelier Kaolack,awa@,Senegal,7.5,1500.50\n');
    const db3 = path.join(dir, 'dossiers.db');
    await run(['--db', db3, 'import', comma, '--call', '2026']);
    const out = await run(['--db', db3, 'rejects', '--csv', '--delimiter', ';']);
    const rows = parse(out.stdout, { bom: true, delimiter: ';' }) as string[][];
    expect(rows[1]!.slice(0, 6)).toEqual(['2024.117', 'Atelier Kaolack', 'awa@', 'Senegal', '7,5', '1500,50']);
    const fixed = path.join(dir, 'dossiers-corriges.csv');
    fs.writeFileSync(fixed, out.stdout.replace('awa@;', 'awa@example.org;'));
    expect(json(await run(['--db', db3, 'import', fixed, '--call', '2026', '--json']))).toMatchObject({ inserted: 1, rejected: 0 });
    expect(json<any[]>(await run(['--db', db3, 'list', '--json']))[0]).toMatchObject({ externalId: '2024.117', score: 7.5 });
  });

  it('rows of a semicolon file keep their cells as written, and --delimiter goes with --csv only', async () => {
    const semi = path.join(dir, 'excel-fr.csv');
    fs.writeFileSync(semi, iconv.encode('Organisation;Courriel;Note\r\nSans courriel;;7.5\r\n', 'windows-1252'));
    const db2 = path.join(dir, 'semi.db');
    await run(['--db', db2, 'import', semi, '--call', '2026']);
    const out = await run(['--db', db2, 'rejects', '--csv', '--delimiter', 'semicolon']);
    expect(out.stdout.split('\n')[1]).toMatch(/^Sans courriel;;7\.5;/);
    expect(out.stderr).not.toMatch(/workbook/);
    const wrong = await run(['--db', db2, 'rejects', '--delimiter', ';']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/go with --csv/);
  });
});

// Excel keeps 32,767 characters of a cell and cuts the rest without a word: a rejected row fixed
// there would come back cut. The sheet keeps the text whole and the command names the cell.
describe('rejects --csv with a cell longer than Excel keeps', () => {
  it('writes it whole and names it on stderr, on stdout and into a folder alike', async () => {
    const file = path.join(dir, 'long.csv');
    const long = 'Formación dual. '.repeat(2_500); // 40,000 characters
    fs.writeFileSync(file, `Organization,Email,Description\nOrg A,a@example.org,short\nOrg B,,"${long}"\n`);
    const db = path.join(dir, 'long.db');
    expect((await run(['--db', db, 'import', file, '--call', '2024'])).code).toBe(0);
    const out = await run(['--db', db, 'rejects', '--csv']);
    expect(out.code).toBe(0);
    const rows = parse(out.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[0]!.Description).toBe(long);
    expect(out.stderr).toMatch(/warning: 1 cell is longer than the 32,767 characters Excel keeps: rejected row R\d+ Description \(40,000\)/);
    const folder = await run(['--db', db, 'rejects', '--csv', '--out', path.join(dir, 'long-fix')]);
    expect(folder.code).toBe(0);
    expect(folder.stderr).toContain('rejected row R');
  });

  it('says nothing when every cell fits', async () => {
    const file = path.join(dir, 'short.csv');
    fs.writeFileSync(file, 'Organization,Email\nOrg A,a@example.org\nOrg B,\n');
    const db = path.join(dir, 'short.db');
    await run(['--db', db, 'import', file, '--call', '2024']);
    expect((await run(['--db', db, 'rejects', '--csv'])).stderr).not.toContain('warning');
  });
});

describe('rejects into a file others can read', () => {
  it('warns when rejected rows (personal data) go there, not when there is none', async () => {
    const { importedCall } = await import('../support/run.js');
    const { runRejects } = await import('../../../src/cli/rejects.js');
    const { bufferIO } = await import('../../../src/cli/io.js');
    const { db, sk } = await importedCall(['Organization,Email', 'Taller Abierto,ana@example.org', 'Atelier Vert,']);
    const rejects = async () => {
      const { io, stderr } = bufferIO({ protectStdout: () => 'the output goes to a file other users can read' });
      await runRejects({ dbPath: db, format: 'table' }, io);
      return stderr();
    };
    expect(await rejects()).toMatch(/warning: the output goes to a file other users can read/);
    const fixed = path.join(path.dirname(db), 'fix.csv');
    fs.writeFileSync(fixed, (await sk('rejects', '--csv')).stdout.replace('Atelier Vert,', 'Atelier Vert,awa@example.net'));
    expect((await sk('import', fixed, '--call', '2020')).code).toBe(0);
    const none = await rejects();
    expect(none).toMatch(/No rejected rows/);
    expect(none).not.toMatch(/warning/);
  });

  it('neither when they go to files in --out DIR, whose command to run next is quoted; one row is "it", none is said so', async () => {
    const { importedCall } = await import('../support/run.js');
    const { runRejects } = await import('../../../src/cli/rejects.js');
    const { bufferIO } = await import('../../../src/cli/io.js');
    const { db, sk } = await importedCall(['Organization,Email', 'Taller Abierto,ana@example.org', 'Atelier Vert,']);
    const folder = path.join(path.dirname(db), 'à corriger');
    let protectedStdout = 0;
    const { io, stderr } = bufferIO({ cwd: path.dirname(db), protectStdout: () => ((protectedStdout += 1), 'the output goes to a file other users can read') });
    await runRejects({ dbPath: db, format: 'csv', out: folder }, io);
    expect(protectedStdout).toBe(0);
    expect(stderr()).not.toMatch(/warning/);
    expect(stderr()).toMatch(/: skillsnet import "à corriger\/rejects-1-[^"]+\.csv"\n$/);
    const one = await sk('rejects', '--csv');
    expect(one.stderr).toMatch(/^1 rejected row\. Fix it in Excel and import the file again: .* tell skillsnet which row it was/m);
    const fixed = path.join(path.dirname(db), 'fix.csv');
    fs.writeFileSync(fixed, one.stdout.replace('Atelier Vert,', 'Atelier Vert,awa@example.net'));
    expect((await sk('import', fixed, '--call', '2020')).code).toBe(0);
    expect((await sk('rejects', '--csv')).stderr).toMatch(/^No rejected rows: the sheet holds its header row only\.$/m);
  });
});
