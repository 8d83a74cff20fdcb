/**
 * Workbooks as programs write them (the seventh workbook trial): formula cells with their cached
 * values, shared formulas, ISO date cells, phonetic runs, cells without references, formulas
 * never calculated, a hidden first sheet. Each workbook is a few parts of hand-written XML.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { json, run as skillsnet, tempDir } from '../support/run.js';
import { cellText } from '../../../src/import/xlsx-reader.js';

const dir = tempDir('skillsnet-as-written-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook of sheets given as their <sheetData> XML; styles: 1 = a date and time format. */
async function workbook(sheets: { name: string; data: string; state?: string }[], strings: string[] = [], date1904 = false): Promise<string> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rS" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  zip.file('xl/styles.xml', `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm:ss"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`);
  if (strings.length) zip.file('xl/sharedStrings.xml', `<?xml version="1.0"?><sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si>${s}</si>`).join('')}</sst>`);
  sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, `<?xml version="1.0"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${s.data}</sheetData></worksheet>`));
  const f = path.join(dir, `wb${++n}.xlsx`);
  fs.writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return f;
}

const t = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER = `<row r="1">${t('A1', 'Timestamp')}${t('B1', 'Organization')}${t('C1', 'Email')}${t('D1', 'Score')}${t('E1', 'Eligible')}${t('F1', 'Ratio')}${t('G1', 'Deadline')}</row>`;

async function importOf(f: string, args: string[] = []) {
  const db = path.join(dir, `db${++n}.db`);
  const run = await skillsnet(['--db', db, 'import', f, '--call', '2024', '--json', ...args]);
  const apps = run.code === 0 ? json<any[]>(await skillsnet(['--db', db, 'list', '--json'])) : [];
  const raw = async (id: number) => (await skillsnet(['--db', db, 'show', String(id), '--raw'])).stdout;
  return { run, report: run.code === 0 ? json<any>(run) : undefined, apps, raw };
}

describe('formula cells are read by the value Excel shows', () => {
  // Excel writes a filled-down formula once (t="shared" ref=…) and the cells below as <f t="shared" si="0"/>;
  // exceljs read such cells as a number at best: TRUE as 1, an error as "[object Object]", a date as its serial.
  it('numbers, shared formulas, booleans, errors, texts and dates', async () => {
    const rows = [2, 3].map((r) =>
      `<row r="${r}"><c r="A${r}" s="1"><v>45353.39204861111</v></c>${t(`B${r}`, `Org ${r}`)}${t(`C${r}`, `a${r}@example.org`)}` +
      (r === 2 ? `<c r="D2"><f t="shared" ref="D2:D3" si="0">0.1*3</f><v>0.30000000000000004</v></c>` : `<c r="D3"><f t="shared" si="0"/><v>7.5</v></c>`) +
      `<c r="E${r}" t="b"><f>D${r}&gt;5</f><v>${r === 2 ? 0 : 1}</v></c><c r="F${r}" t="e"><f>D${r}/0</f><v>#DIV/0!</v></c>` +
      `<c r="G${r}" s="1"><f>A${r}+30</f><v>45383.5</v></c></row>`,
    );
    const { run, apps, raw } = await importOf(await workbook([{ name: 'Responses', data: HEADER + rows.join('') }]));
    expect(run.code).toBe(0);
    expect(apps.map((a) => a.score)).toEqual([0.3, 7.5]);
    expect(apps[0].submittedAt).toBe('2024-03-02T09:24:33');
    const shown = await raw(apps[0].id);
    expect(shown).toMatch(/Eligible: FALSE/);
    expect(shown).toMatch(/Ratio: #DIV\/0!/);
    expect(shown).toMatch(/Deadline: 2024-04-01T12:00:00/);
    expect(shown).not.toMatch(/object Object|NaN|45383/);
    expect(await raw(apps[1].id)).toMatch(/Eligible: TRUE/);
  });

  it('formulas a program wrote without calculating them are empty, and the report says how to get their values', async () => {
    // openpyxl writes <f>…</f><v></v>: exceljs read the empty value as NaN
    const data = `<row r="1">${t('A1', 'Organization')}${t('B1', 'Email')}${t('C1', 'Score')}</row>` +
      [2, 3].map((r) => `<row r="${r}">${t(`A${r}`, `Org ${r}`)}${t(`B${r}`, `a${r}@example.org`)}<c r="C${r}"><f>AVERAGE(D${r}:E${r})</f><v></v></c></row>`).join('');
    const { run, report, apps } = await importOf(await workbook([{ name: 'Sheet', data }]));
    expect(run.code).toBe(0);
    expect(report).toMatchObject({ rows: 2, inserted: 2 });
    expect(apps.map((a) => a.score)).toEqual([null, null]);
    expect(report.files[0].warnings.join('\n')).toMatch(/2 cells of column C hold formulas that were never calculated.*so they were read as empty.*open the workbook in Excel or LibreOffice, save it, and import it again/);
  });
});

describe('cells as other programs write them', () => {
  it('an ISO 8601 date cell (t="d") is its date, not the year 1905', async () => {
    const data = `<row r="1">${t('A1', 'Timestamp')}${t('B1', 'Organization')}${t('C1', 'Email')}</row>` +
      `<row r="2"><c r="A2" t="d" s="1"><v>2024-03-02T09:24:33</v></c>${t('B2', 'Org')}${t('C2', 'a@example.org')}</row>` +
      `<row r="3"><c r="A3" t="d" s="1"><v>2024-03-05T10:00:00</v></c>${t('B3', 'Org 3')}${t('C3', 'b@example.org')}</row>`;
    const { apps } = await importOf(await workbook([{ name: 'Sheet', data }]));
    expect(apps.map((a) => a.submittedAt)).toEqual(['2024-03-02T09:24:33', '2024-03-05T10:00:00']);
  });

  it('a date is the date and time the sheet shows: no time zone added, to the second, also in the 1904 date system', async () => {
    expect(cellText(new Date(Date.UTC(2024, 2, 2, 9, 24, 32, 999)))).toBe('2024-03-02T09:24:33');
    expect(cellText(new Date(Date.UTC(2024, 2, 2)))).toBe('2024-03-02');
    const data = `<row r="1">${t('A1', 'Timestamp')}${t('B1', 'Organization')}${t('C1', 'Email')}</row>` +
      `<row r="2"><c r="A2" s="1"><v>43891.39204861111</v></c>${t('B2', 'Org')}${t('C2', 'a@example.org')}</row>`;
    const { apps } = await importOf(await workbook([{ name: 'Sheet', data }], [], true));
    expect(apps[0].submittedAt).toBe('2024-03-02T09:24:33');
  });

  it('a time of day alone is the time the sheet shows, never Excel\'s day 0 (1899-12-30)', () => {
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 14, 30)))).toBe('14:30');
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 9, 5, 12)))).toBe('09:05:12');
    expect(cellText(new Date(Date.UTC(1900, 0, 1)))).toBe('1900-01-01');
    // day 0 of the 1904 date system
    expect(cellText(new Date(Date.UTC(1904, 0, 1, 14, 30)))).toBe('14:30');
    expect(cellText(new Date(Date.UTC(1904, 0, 2, 14, 30)))).toBe('1904-01-02T14:30:00');
  });

  it('a submission date held as its bare serial number (a column pasted as values) is read as the date; elsewhere the number stays a number', async () => {
    const data = `<row r="1">${t('A1', 'Date')}${t('B1', 'Organization')}${t('C1', 'Email')}${t('D1', 'Budget')}</row>` +
      [['45352', '45000'], ['45353.6041666667', '52000'], ['45354', '61000']].map(([date, budget], i) =>
        `<row r="${i + 2}"><c r="A${i + 2}"><v>${date}</v></c>${t(`B${i + 2}`, `Org ${i}`)}${t(`C${i + 2}`, `a${i}@example.org`)}<c r="D${i + 2}"><v>${budget}</v></c></row>`).join('');
    const { report, apps, raw } = await importOf(await workbook([{ name: 'Sheet', data }]));
    expect(report).toMatchObject({ rows: 3, inserted: 3 });
    expect(report.files[0].columns.submittedAt).toEqual(['Date']);
    expect(apps.map((a) => a.submittedAt)).toEqual(['2024-03-01', '2024-03-02T14:30:00', '2024-03-03']);
    expect(await raw(apps[0].id)).toMatch(/Budget: 45000/);
  });

  // a workbook of the 1904 date system (old Mac Excel) counts from 1904-01-01: its bare serials
  // were read four years and a day early, and a time alone as 1904-01-01T14:30:00
  it('in a workbook of the 1904 date system: a bare serial is that system\'s date, a time alone the time', async () => {
    const data = `<row r="1">${t('A1', 'Date')}${t('B1', 'Organization')}${t('C1', 'Email')}${t('D1', 'Interview time')}</row>` +
      [['43890', '0.6041666666666666'], ['43891.5', '0.375']].map(([date, time], i) =>
        `<row r="${i + 2}"><c r="A${i + 2}"><v>${date}</v></c>${t(`B${i + 2}`, `Org ${i}`)}${t(`C${i + 2}`, `a${i}@example.org`)}<c r="D${i + 2}" s="1"><v>${time}</v></c></row>`).join('');
    const { report, apps, raw } = await importOf(await workbook([{ name: 'Sheet', data }], [], true));
    expect(report).toMatchObject({ rows: 2, inserted: 2 });
    expect(apps.map((a) => a.submittedAt)).toEqual(['2024-03-01', '2024-03-02T12:00:00']);
    expect(await raw(apps[0].id)).toMatch(/Interview time: 14:30\b/);
    expect(await raw(apps[1].id)).toMatch(/Interview time: 09:00\b/);
  });

  it('a number is what Excel shows (15 significant digits)', () => {
    expect(cellText(0.30000000000000004)).toBe('0.3');
    expect(cellText(4.5000000000000001)).toBe('4.5');
    expect(cellText(254712345678)).toBe('254712345678');
    expect(cellText(Number.NaN)).toBe('');
  });

  it('the phonetic reading Japanese Excel keeps beside a text is not the text', async () => {
    const data = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>`;
    const strings = ['<t>Organization</t>', '<t>Email</t>', '<t>Pioneer Skills Trust</t><rPh sb="0" eb="7"><t>パイオニア</t></rPh><phoneticPr fontId="1"/>', '<t>a@example.org</t>'];
    const { apps } = await importOf(await workbook([{ name: 'Sheet', data }], strings));
    expect(apps[0].organization).toBe('Pioneer Skills Trust');
  });

  it('rows and cells written without their reference are read in order', async () => {
    const data = `<row><c t="inlineStr"><is><t>Organization</t></is></c><c t="inlineStr"><is><t>Email</t></is></c><c t="inlineStr"><is><t>Score</t></is></c></row>` +
      `<row><c t="inlineStr"><is><t>Org</t></is></c><c t="inlineStr"><is><t>a@example.org</t></is></c><c><v>8</v></c></row>`;
    const { run, apps } = await importOf(await workbook([{ name: 'Sheet', data }]));
    expect(run.code).toBe(0);
    expect(apps.map((a) => [a.organization, a.email, a.score])).toEqual([['Org', 'a@example.org', 8]]);
  });
});

describe('a damaged workbook says what happened, in words, not the zip reader\'s', () => {
  const data = `<row r="1">${t('A1', 'Organization')}${t('B1', 'Email')}</row>` + Array.from({ length: 200 }, (_, i) => `<row r="${i + 2}">${t(`A${i + 2}`, `Organisation ${i} ${'x'.repeat(i % 37)}`)}${t(`B${i + 2}`, `a${i}@example.org`)}</row>`).join('');

  it('cut short (an interrupted download): its end, the zip directory, is missing', async () => {
    const whole = fs.readFileSync(await workbook([{ name: 'Sheet', data }]));
    const f = path.join(dir, 'cut.xlsx');
    fs.writeFileSync(f, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const { run } = await importOf(f);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*cut\.xlsx cannot be read: the workbook is cut short \(its end is missing: an interrupted download or copy\?\)/m);
    expect(run.stderr).toMatch(/download or copy the file again/);
    expect(run.stderr).not.toMatch(/central directory/);
  });

  it('damaged inside: its compressed sheet is corrupt', async () => {
    const whole = Buffer.from(fs.readFileSync(await workbook([{ name: 'Sheet', data }])));
    const at = whole.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length + 100;
    for (let i = at; i < at + 60; i++) whole[i] = whole[i]! ^ 0x5a;
    const f = path.join(dir, 'damaged.xlsx');
    fs.writeFileSync(f, whole);
    const { run } = await importOf(f);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/damaged\.xlsx cannot be read: the workbook is (damaged|cut short)/);
    expect(run.stderr).not.toMatch(/invalid|distance|stack|    at /);
  });
});
