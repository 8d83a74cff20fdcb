import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { json, run as skillsnet, tempDir } from '../support/run.js';
import { scanFile } from '../../../src/import/detect.js';
import { openTable, xlsxSource } from '../../../src/import/readers.js';

const dir = tempDir('skillsnet-part-order-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SHEETS = 12;

/** The archive rewritten with its parts in the order Excel stores them: the shared strings after the sheets. */
async function inExcelOrder(buffer: Buffer, rewrite: (name: string, text: string) => string = (_, t) => t): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const head = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];
  const sheetNumber = (n: string) => Number(/sheet(\d+)\.xml$/.exec(n)![1]);
  const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort((a, b) => sheetNumber(a) - sheetNumber(b));
  const order = [...head, ...sheets, ...names.filter((n) => !head.includes(n) && !sheets.includes(n))];
  expect(order.indexOf('xl/sharedStrings.xml')).toBeGreaterThan(order.indexOf(sheets.at(-1)!));
  const out = new JSZip();
  for (const n of order) out.file(n, rewrite(n, await zip.file(n)!.async('string')), { compression: 'DEFLATE' });
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function twelveSheets(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (let i = 1; i <= SHEETS; i++) {
    const ws = wb.addWorksheet(`Region ${i}`);
    ws.addRow(['Organisation', 'Email']);
    ws.addRow([`Organisation ${i}`, `contact${i}@example.org`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rows(file: string, index: number): Promise<{ name: string | null; exists: boolean; seen: string[]; rows: string[][] }> {
  const source = xlsxSource(file, index);
  const out: string[][] = [];
  await source.read((cells) => {
    out.push(cells);
  });
  return { name: source.sheet!.name, exists: source.sheet!.exists, seen: source.sheet!.seen, rows: out };
}

// exceljs's front-to-back reader parked the sheets in temporary files when the shared strings
// came after them and, with several sheets, now and then lost parts: cells came back as
// {sharedString: n} ("[object Object]"), names as "Sheet1", and the last sheets went missing.
describe('a workbook stored in Excel part order (shared strings after many sheets)', () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(dir, 'twelve.xlsx');
    fs.writeFileSync(file, await inExcelOrder(await twelveSheets()));
  });

  it('every sheet reads with its name and its text, every time', async () => {
    const names = Array.from({ length: SHEETS }, (_, i) => `Region ${i + 1}`);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < SHEETS; i++) {
        const sheet = await rows(file, i);
        expect(sheet).toEqual({
          name: `Region ${i + 1}`,
          exists: true,
          seen: names,
          rows: [['Organisation', 'Email'], [`Organisation ${i + 1}`, `contact${i + 1}@example.org`]],
        });
      }
    }
    const beyond = await rows(file, SHEETS);
    expect(beyond.exists).toBe(false);
    expect(beyond.seen).toEqual(names);
  });

  it('the first sheet is what openTable reads', async () => {
    const table = await openTable(file, await scanFile(file));
    const out: string[][] = [];
    await table.read((cells) => {
      out.push(cells);
    });
    expect(out).toEqual([['Organisation', 'Email'], ['Organisation 1', 'contact1@example.org']]);
  });

  it('imports the first sheet the same way into fresh databases', async () => {
    for (let i = 0; i < 3; i++) {
      const run = await skillsnet(['--db', path.join(dir, `fresh-${i}.db`), 'import', file, '--call', '2024', '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(json(run)).toMatchObject({ rows: 1, inserted: 1, rejected: 0 });
      expect(json(run).files[0].sheet).toBe('Region 1');
    }
    const apps = json(await skillsnet(['--db', path.join(dir, 'fresh-0.db'), 'list', '--json']));
    expect(apps.map((a: any) => [a.organization, a.email])).toEqual([['Organisation 1', 'contact1@example.org']]);
  });
});

describe('sheets are numbered in tab order', () => {
  it('a tab moved in Excel (its part keeps its number) is read at its place', async () => {
    const wb = new ExcelJS.Workbook();
    const apps = wb.addWorksheet('Applications');
    apps.addRow(['Organisation', 'Email']);
    apps.addRow(['Tab Order Trust', 'tab@example.org']);
    wb.addWorksheet('Read me').addRow(['Fill in one row per application.']);
    // move "Read me" (sheet2.xml) in front of "Applications" (sheet1.xml), as dragging its tab does
    const moved = await inExcelOrder(Buffer.from(await wb.xlsx.writeBuffer()), (name, text) => {
      if (name !== 'xl/workbook.xml') return text;
      const sheets = /<sheets>(<sheet [^>]*\/>)(<sheet [^>]*\/>)<\/sheets>/.exec(text);
      expect(sheets).not.toBeNull();
      return text.replace(sheets![0], `<sheets>${sheets![2]}${sheets![1]}</sheets>`);
    });
    const file = path.join(dir, 'moved.xlsx');
    fs.writeFileSync(file, moved);
    const first = await rows(file, 0);
    expect(first).toMatchObject({ name: 'Read me', seen: ['Read me', 'Applications'], rows: [['Fill in one row per application.']] });
    expect(await rows(file, 1)).toMatchObject({ name: 'Applications', rows: [['Organisation', 'Email'], ['Tab Order Trust', 'tab@example.org']] });
  });
});

describe('a workbook whose string table is missing', () => {
  it('is an error naming the missing texts, never cells read as "[object Object]" or a sheet without headers', async () => {
    const zip = await JSZip.loadAsync(await twelveSheets());
    zip.remove('xl/sharedStrings.xml');
    const file = path.join(dir, 'no-strings.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const run = await skillsnet(['--db', path.join(dir, 'no-strings.db'), 'import', file, '--call', '2024']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*no-strings\.xlsx cannot be read: its cells refer to texts that are missing from the workbook/m);
    expect(run.stderr).not.toMatch(/object Object|no column found/);
    expect(fs.existsSync(path.join(dir, 'no-strings.db'))).toBe(false);
  });
});

describe('a workbook whose sheet is cut short', () => {
  it('is an error, not an import of the rows before the cut with the rest unaccounted for', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Applications');
    ws.addRow(['Organisation', 'Email', 'Country']);
    for (let i = 1; i <= 50; i++) ws.addRow([`Org ${i}`, `o${i}@example.org`, 'Kenya']);
    const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const whole = path.join(dir, 'whole.xlsx');
    fs.writeFileSync(whole, await zip.generateAsync({ type: 'nodebuffer' }));
    zip.file('xl/worksheets/sheet1.xml', sheet.slice(0, Math.floor(sheet.length / 2)));
    const file = path.join(dir, 'cut.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const run = await skillsnet(['--db', path.join(dir, 'cut.db'), 'import', file, '--call', '2024']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*cut\.xlsx cannot be read: its sheet ends in the middle/m);
    expect(fs.existsSync(path.join(dir, 'cut.db'))).toBe(false);
    // the same workbook whole imports every row
    expect(json(await skillsnet(['--db', path.join(dir, 'whole.db'), 'import', whole, '--call', '2024', '--json']))).toMatchObject({ rows: 50, inserted: 50 });
  });
});
