import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { json, run as skillsnet, tempDir } from '../support/run.js';
import { compoundFile } from './compound-file.js';
import { documentKind } from '../../../src/import/detect.js';

const dir = tempDir('skillsnet-not-workbook-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// LibreOffice saves .ods by default, and a .docx is a zip too: neither is an empty workbook.
describe('zip files that are not .xlsx workbooks', () => {
  // LibreOffice stores the "mimetype" entry first, uncompressed, and the next entry's header
  // ("PK\x03\x04") follows its last byte directly: the kind is "spreadsheet", not "spreadsheetPK".
  async function openDocument(name: string, mimetype: string): Promise<string> {
    const zip = new JSZip();
    zip.file('mimetype', mimetype, { compression: 'STORE' });
    zip.file('content.xml', '<office:document-content/>');
    zip.file('META-INF/manifest.xml', '<manifest:manifest/>');
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    // the layout of a file LibreOffice saved: mimetype's bytes, then straight into the next entry
    expect(bytes.subarray(38 + mimetype.length, 42 + mimetype.length).toString('latin1')).toBe('PK\x03\x04');
    const f = path.join(dir, name);
    fs.writeFileSync(f, bytes);
    return f;
  }

  it('an OpenDocument spreadsheet (.ods) is named as such, with what to do in LibreOffice', async () => {
    const f = await openDocument('candidatures.ods', 'application/vnd.oasis.opendocument.spreadsheet');
    const run = await skillsnet(['--db', path.join(dir, 'a.db'), 'import', f, '--call', '2024']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*candidatures\.ods is an OpenDocument spreadsheet \(\.ods\), which skillsnet cannot read$/m);
    expect(run.stderr).toMatch(/in LibreOffice, File > Save As > Excel 2007-365 \(\.xlsx\) or Text CSV/);
    expect(fs.existsSync(path.join(dir, 'a.db'))).toBe(false);
  });

  it('another OpenDocument file (a text document) is named by its kind', async () => {
    const f = await openDocument('letter.odt', 'application/vnd.oasis.opendocument.text');
    const run = await skillsnet(['--db', path.join(dir, 'odt.db'), 'import', f, '--call', '2024']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*letter\.odt is an OpenDocument text file, which skillsnet cannot read$/m);
    expect(run.stderr).toMatch(/import the spreadsheet itself, saved as \.xlsx or CSV/);
  });

  it('a zip without sheets (a Word document) is not called empty', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('word/document.xml', '<w:document/>');
    const f = path.join(dir, 'letter.xlsx');
    fs.writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer' }));
    const run = await skillsnet(['--db', path.join(dir, 'b.db'), 'import', f, '--call', '2024']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: letter\.xlsx is a Word document \(\.docx\), not a spreadsheet$/m);
    expect(run.stderr).not.toMatch(/is empty/);
  });

  it('an empty file is named as the other errors name a file: by its name, not the path typed', async () => {
    const f = path.join(dir, 'empty.csv');
    fs.writeFileSync(f, '');
    const run = await skillsnet(['--db', path.join(dir, 'c.db'), 'import', f, '--call', '2024']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: empty\.csv is empty: there is no header row and no data$/m);
  });
});

// A zip that unpacks but whose sheet XML is damaged (a hand edit, a tool that wrote "<" raw):
// the XML parser's "1:1680: disallowed character in tag name" is said in words.
describe('a workbook whose XML is damaged', () => {
  it('says the XML is damaged and where, with what to do', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    zip.file('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>');
    zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
    const cell = (r: number, c: number, v: string) => `<c r="${'ABC'[c]}${r}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const rows = [['Organization', 'Email', 'Country'], ...Array.from({ length: 20 }, (_, i) => [`Org ${i + 1}`, `p${i + 1}@example.org`, 'Kenya'])];
    const body = rows.map((r, i) => (i === 9 ? `<row r="${i + 1}"><<c>>` : `<row r="${i + 1}">`) + r.map((v, c) => cell(i + 1, c, v)).join('') + '</row>').join('');
    zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`);
    const f = path.join(dir, 'damaged.xlsx');
    fs.writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const run = await skillsnet(['--db', path.join(dir, 'x.db'), 'import', f, '--call', '2024']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*damaged\.xlsx cannot be read as an Excel workbook: its XML is damaged \(line 1, character \d+: .+\)$/m);
    expect(run.stderr).toMatch(/save it again as \.xlsx/);
    expect(fs.existsSync(path.join(dir, 'x.db'))).toBe(false);
  });
});

// An .xlsx saved with a password is no zip: Excel encrypts it into an Office compound file, the
// container of the old .xls too. Told to save it as .xlsx, the officer would get the same file.
describe('Office compound files', () => {
  it('a password-protected workbook is named as such, with how to remove the password', async () => {
    // the directory after 70 KB of encrypted bytes: beyond the first bytes read to sniff the format
    const encrypted = compoundFile({ EncryptionInfo: Buffer.from('<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>'), EncryptedPackage: Buffer.alloc(70_000, 7) }, false);
    const f = path.join(dir, 'protected.xlsx');
    fs.writeFileSync(f, encrypted);
    const run = await skillsnet(['--db', path.join(dir, 'enc.db'), 'import', f, '--call', '2024', '--json']);
    expect(run.code).toBe(1);
    expect(json<any>(run).error).toMatch(/protected\.xlsx is protected with a password \(an encrypted workbook\)/);
    expect(run.stderr).toMatch(/File > Info > Protect Workbook > Encrypt with Password, clear the password/);
    expect(run.stderr).not.toMatch(/\.xls workbook/);
  });

  it('an old .xls workbook is still named as one', async () => {
    const f = path.join(dir, 'old.xls');
    fs.writeFileSync(f, compoundFile({ Workbook: Buffer.alloc(600, 9), '\u0005SummaryInformation': Buffer.alloc(100) }));
    const run = await skillsnet(['--db', path.join(dir, 'xls.db'), 'import', f, '--call', '2024']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/old\.xls is an old Excel \.xls workbook/);
  });
});

// Files officers give by mistake for a spreadsheet: each command that reads one says what the
// file is ("a PDF document", "a Word document"), where they said "its first line is not a row of
// column names", "has no \"feature\" column (it is empty)", "no score column recognised" or
// quoted the file's first bytes as its columns.
describe('a document that is not a spreadsheet, given to every command that reads one', () => {
  async function zipOf(name: string, parts: Record<string, string>): Promise<string> {
    const zip = new JSZip();
    for (const [part, text] of Object.entries(parts)) zip.file(part, text);
    const f = path.join(dir, name);
    fs.writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return f;
  }
  function bytesFile(name: string, bytes: Buffer): string {
    const f = path.join(dir, name);
    fs.writeFileSync(f, bytes);
    return f;
  }
  const database = path.join(dir, 'kinds.db');
  const readers: [string, (f: string) => string[]][] = [
    ['import', (f) => ['--db', database, 'import', f, '--call', '2024', '--dry-run']],
    ['member import', (f) => ['--db', database, 'member', 'import', f, '--dry-run']],
    ['scores import', (f) => ['--db', database, 'scores', 'import', f, '--dry-run']],
    ['select --quotas', (f) => ['--db', database, 'select', '--size', '2', '--quotas', f, '--dry-run']],
    ['tag evaluate', (f) => ['tag', 'evaluate', f]],
  ];

  it.each(readers)('%s', async (_, args) => {
    // (a database to select from, so that select reaches its quotas file)
    if (!fs.existsSync(database)) {
      const csv = path.join(dir, 'call.csv');
      fs.writeFileSync(csv, 'Organization,Email,Country,Title\nTaller Sur,ana@example.org,Argentina,Oficios\nAtelier Nord,luc@example.org,Senegal,Métiers\n');
      expect((await skillsnet(['--db', database, 'import', csv, '--call', '2024'])).code).toBe(0);
    }
    const files: [string, RegExp][] = [
      [bytesFile('report.pdf', Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')), /report\.pdf is a PDF document, not a spreadsheet$/m],
      [bytesFile('screenshot.png', Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(40)])), /screenshot\.png is an image \(PNG\), not a spreadsheet$/m],
      [await zipOf('notes.docx', { '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), /notes\.docx is a Word document \(\.docx\), not a spreadsheet$/m],
      [await zipOf('slides.pptx', { '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p:presentation/>' }), /slides\.pptx is a PowerPoint presentation \(\.pptx\), not a spreadsheet$/m],
      [await zipOf('exports.zip', { 'forms/answers.csv': 'Email\na@example.org\n' }), /exports\.zip is a zip archive holding forms\/answers\.csv, not an Excel workbook\n {2}unzip it/m],
    ];
    for (const [f, said] of files) {
      const run = await skillsnet(args(f));
      expect(run.code, `${f}: ${run.stderr}`).toBe(1);
      expect(run.stderr).toMatch(/^error: /);
      expect(run.stderr, f).toMatch(said);
      expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(2);
    }
  });

  it('event attendance names the kind of file too', async () => {
    const db = path.join(dir, 'event.db');
    expect((await skillsnet(['--db', db, 'event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2024-03-01 10:00', '--tz', 'UTC'])).code).toBe(0);
    const cases: [string, RegExp][] = [
      [bytesFile('zoom.pdf', Buffer.from('%PDF-1.4\n%%EOF\n')), /^error: zoom\.pdf is a PDF document, not the CSV file the meeting tools write$/m],
      [await zipOf('teams.docx', { 'word/document.xml': '<w:document/>' }), /^error: teams\.docx is a Word document \(\.docx\), not the CSV file the meeting tools write$/m],
      [await zipOf('reports.zip', { 'zoom.csv': 'Name,Join Time\n' }), /^error: reports\.zip is a zip archive holding zoom\.csv, not the CSV file the meeting tools write\n {2}unzip it and give the report inside$/m],
    ];
    for (const [f, said] of cases) {
      const run = await skillsnet(['--db', db, 'event', 'attendance', '1', f, '--dry-run']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(said);
    }
  });

  it('scores import and tag evaluate say an empty file is empty', async () => {
    const f = bytesFile('nothing.csv', Buffer.alloc(0));
    const scores = await skillsnet(['--db', database, 'scores', 'import', f, '--dry-run']);
    expect(scores.code).toBe(1);
    expect(scores.stderr).toMatch(/^error: nothing\.csv is empty/);
    const evaluate = await skillsnet(['tag', 'evaluate', f]);
    expect(evaluate.code).toBe(1);
    expect(evaluate.stderr).toMatch(/nothing\.csv has no line: it is empty\n {2}a labelled set is a CSV/);
  });
});

// The signatures that are text are taken whole: a CSV whose first cell begins "%PDF-" or "GIF8"
// was refused as a PDF or an image.
describe('text that merely begins like a document signature', () => {
  it.each([
    ['%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'a PDF document'],
    ['%PDF-1.4\r\n', 'a PDF document'],
    ['GIF89a\x10\x00\x10\x00', 'an image (GIF)'],
    ['%PDF-ref,Organization,Email\n', null],
    ['%PDF-1.4 report,Organization\n', null],
    ['GIF8 code,Organization,Email\n', null],
  ])('%j is %s', (text, kind) => {
    expect(documentKind(Buffer.from(text, 'latin1'))).toBe(kind);
  });

  it('is imported as the CSV it is', async () => {
    const f = path.join(dir, 'refs.csv');
    fs.writeFileSync(f, '%PDF-ref,Organization,Email,Country\nx1,Taller Sur,ana@example.org,Argentina\n');
    const run = await skillsnet(['--db', path.join(dir, 'refs.db'), 'import', f, '--call', '2024', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run).inserted).toBe(1);
  });
});

it('a SQLite database given to import (a shell\'s `*` in the folder of skillsnet.db) is named as one', async () => {
  const db = path.join(dir, 'named.db');
  const f = path.join(dir, 'call.csv');
  fs.writeFileSync(f, 'Organization,Email,Country\nTaller Sur,ana@example.org,Argentina\n');
  expect((await skillsnet(['--db', db, 'import', f, '--call', '2024'])).code).toBe(0);
  const run = await skillsnet(['--db', 'other.db', 'import', 'named.db', '--call', '2024'], { cwd: dir });
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/^error: named\.db is a SQLite database \(such as a skillsnet database\), not a spreadsheet$/m);
});
