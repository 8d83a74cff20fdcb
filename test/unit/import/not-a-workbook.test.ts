import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { json, run as skillsnet, tempDir } from '../support/run.js';
import { compoundFile } from './compound-file.js';

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
    expect(run.stderr).toMatch(/^error: letter\.xlsx has no sheet/m);
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
