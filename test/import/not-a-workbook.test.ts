import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { runCli, tempDir } from '../helpers.js';

const dir = tempDir('skillsnet-not-workbook-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// LibreOffice saves .ods by default, and a .docx is a zip too: neither is an empty workbook.
describe('zip files that are not .xlsx workbooks', () => {
  it('an OpenDocument spreadsheet (.ods) is named as such, with what to do', async () => {
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    zip.file('content.xml', '<office:document-content/>');
    const f = path.join(dir, 'candidatures.ods');
    fs.writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer' }));
    const run = runCli(['--db', path.join(dir, 'a.db'), 'import', f, '--call', '2024']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*candidatures\.ods is an OpenDocument spreadsheet/m);
    expect(run.stderr).toMatch(/\.xlsx|CSV/);
  });

  it('a zip without sheets (a Word document) is not called empty', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('word/document.xml', '<w:document/>');
    const f = path.join(dir, 'letter.xlsx');
    fs.writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer' }));
    const run = runCli(['--db', path.join(dir, 'b.db'), 'import', f, '--call', '2024']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*letter\.xlsx has no sheet/m);
    expect(run.stderr).not.toMatch(/is empty/);
  });
});
