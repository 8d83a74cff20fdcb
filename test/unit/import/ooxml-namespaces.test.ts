/**
 * Workbooks whose XML names SpreadsheetML elements another way: Microsoft Forms writes every
 * element with an `x:` prefix (`<x:row>`, `<x:c>`), Excel's "Strict Open XML Spreadsheet" uses
 * other namespace URIs. Both must import like any workbook; one that cannot be parsed says so
 * and suggests saving it again, never that it is empty. Each workbook is built here from an
 * ordinary one whose parts are rewritten.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { caseFile, importCase } from './support.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A Microsoft Forms export, as an ordinary workbook first. */
async function formsWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Name of your organization', 'Contact email address', 'Country', 'Preferred working language']);
  ws.addRow([1, '3/5/24 10:40:00', '3/5/24 10:52:00', 'anonymous', 'anonymous', 'Cooperativa Tejiendo Futuro', 'maria@example.org', 'México', 'Español']);
  ws.addRow([2, '3/5/24 11:40:00', '3/5/24 11:52:00', 'anonymous', 'anonymous', 'Instituto Técnico Andino', 'pedro@example.com', 'Perú', 'Inglés']);
  ws.addRow([3, '3/6/24 09:00:00', '3/6/24 09:15:00', 'anonymous', 'anonymous', 'Escuela de Oficios del Sur', 'lucia@example.net', 'Chile', 'Francés']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Rewrites the XML parts of a workbook. */
async function rewriteParts(bytes: Buffer, rewrite: (name: string, xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const file = zip.files[name]!;
    if (file.dir) continue;
    if (name.endsWith('.xml') && name.startsWith('xl/')) out.file(name, rewrite(name, await file.async('string')));
    else out.file(name, await file.async('nodebuffer'));
  }
  return out.generateAsync({ type: 'nodebuffer' });
}

/** Every element of the SpreadsheetML namespace written with the prefix `x:`, as Microsoft Forms does. */
function prefixed(xml: string): string {
  if (!xml.includes(`xmlns="${MAIN}"`)) return xml;
  return xml
    .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s>/])/g, (m, slash: string, name: string) => `<${slash}x:${name}`)
    .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
}

/** Strict OOXML: the same XML under the purl.oclc.org namespaces. */
function strict(xml: string): string {
  return xml.split(MAIN).join('http://purl.oclc.org/ooxml/spreadsheetml/main').split(RELS).join('http://purl.oclc.org/ooxml/officeDocument/relationships');
}

describe('workbooks read by namespace', () => {
  it('a Microsoft Forms workbook with x:-prefixed XML imports, every row and field', async () => {
    const bytes = await rewriteParts(await formsWorkbook(), (_, xml) => prefixed(xml));
    // the workbook really is written with prefixes
    const sheet = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toMatch(/<x:row[\s>]/);
    expect(sheet).not.toMatch(/<row[\s>]/);
    const { run, report, apps } = await importCase(caseFile('forms-x.xlsx', bytes), ['--call', '2024']);
    expect(run.code, run.stderr).toBe(0);
    expect(report).toMatchObject({ rows: 3, inserted: 3, rejected: 0 });
    expect(report.files[0].columns).toMatchObject({ email: ['Contact email address'], organization: ['Name of your organization'], country: ['Country'] });
    const byOrg = Object.fromEntries(apps.map((a) => [a.organization, a]));
    expect(byOrg['Cooperativa Tejiendo Futuro']).toMatchObject({ email: 'maria@example.org', country: 'MX', workingLanguage: 'es', externalId: '1', submittedAt: '2024-03-05T10:52:00' });
    expect(byOrg['Escuela de Oficios del Sur']).toMatchObject({ country: 'CL', workingLanguage: 'fr' });
  });

  it('a strict OOXML workbook imports too', async () => {
    const bytes = await rewriteParts(await formsWorkbook(), (_, xml) => strict(xml));
    const { run, report } = await importCase(caseFile('strict.xlsx', bytes), ['--call', '2024']);
    expect(run.code, run.stderr).toBe(0);
    expect(report).toMatchObject({ rows: 3, inserted: 3 });
  });

  it('both at once: prefixed elements under the strict namespace', async () => {
    const bytes = await rewriteParts(await formsWorkbook(), (_, xml) => strict(prefixed(xml)));
    const { run, report } = await importCase(caseFile('strict-x.xlsx', bytes), ['--call', '2024']);
    expect(run.code, run.stderr).toBe(0);
    expect(report).toMatchObject({ rows: 3, inserted: 3 });
  });

  it('a sheet whose rows cannot be parsed is "cannot be read", with a way out, never "empty"', async () => {
    // rows under a namespace skillsnet does not know
    const bytes = await rewriteParts(await formsWorkbook(), (name, xml) =>
      name.includes('worksheets/') ? xml.replace(`xmlns="${MAIN}"`, 'xmlns="urn:example:unknown" xmlns:y="urn:example:unknown"').replace(/<(\/?)(row|c|v|sheetData)(?=[\s>/])/g, '<$1y:$2') : xml,
    );
    const { run } = await importCase(caseFile('odd.xlsx', bytes), ['--call', '2024']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*odd\.xlsx cannot be read/m);
    expect(run.stderr).toMatch(/save it again/);
    expect(run.stderr).not.toMatch(/empty/);
  });
});

describe('characters Excel escapes as _xHHHH_', () => {
  it('a carriage return written "_x000D_" after an address is read as one, and the address is valid', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Inscriptions');
    ws.addRow(['Organisation', 'Email', 'Notes']);
    ws.addRow(['Atelier Vert', 'MARKER1', 'a_x005F_x000D_b']);
    ws.addRow(['Fondation Karité', 'issa@example.net', 'ok']);
    ws.addRow(['Taller Andino', 'ana@example.com', 'ok']);
    const plain = Buffer.from(await wb.xlsx.writeBuffer());
    // as the workbook a registration tool wrote: the address followed by two escaped carriage returns
    const bytes = await rewriteParts(plain, (_, xml) => xml.replace('MARKER1', 'awa@example.org_x000D__x000D_'));
    const { report, apps } = await importCase(caseFile('escaped.xlsx', bytes), ['--call', '2024']);
    expect(report.inserted).toBe(3);
    expect(report.rejected).toBe(0);
    expect(apps.map((a) => a.email)).toEqual(['awa@example.org', 'issa@example.net', 'ana@example.com']);
  });
});
