/**
 * Excel holds 32,767 UTF-16 units in a cell: the workbook cuts longer ones to exactly that, as
 * written (the formula guard's apostrophe included), never between the halves of an emoji, and
 * the export names the cells it cut.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { bufferIO } from '../../../src/cli/io.js';
import { runExportKumu } from '../../../src/cli/export.js';
import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication } from '../../../src/db/applications.js';
import { kumuCell } from '../../../src/export/kumu.js';
import { XLSX_MAX_CELL } from '../../../src/export/escape.js';
import { tempDir } from '../support/run.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('kumuCell with maxLength', () => {
  it('cuts a formula-like text to the limit with its apostrophe counted', () => {
    const cell = kumuCell(`-${'x'.repeat(40_000)}`, { maxLength: XLSX_MAX_CELL }) as string;
    expect(cell).toHaveLength(XLSX_MAX_CELL);
    expect(cell.startsWith("'-xxx")).toBe(true);
    expect(cell.endsWith('x…')).toBe(true);
  });

  it('never leaves half an emoji before the ellipsis, whatever the parity', () => {
    for (const prefix of ['', 'a']) {
      const cell = kumuCell(prefix + '🎓'.repeat(20_000), { maxLength: XLSX_MAX_CELL }) as string;
      expect(cell.length).toBeLessThanOrEqual(XLSX_MAX_CELL);
      expect(cell.length).toBeGreaterThanOrEqual(XLSX_MAX_CELL - 1);
      expect(LONE_SURROGATE.test(cell)).toBe(false);
      expect(cell.endsWith('🎓…')).toBe(true);
    }
  });

  it('leaves a text of exactly the limit as it is', () => {
    const text = 'y'.repeat(XLSX_MAX_CELL);
    expect(kumuCell(text, { maxLength: XLSX_MAX_CELL })).toBe(text);
    expect(kumuCell(['a', 'b'], { maxLength: XLSX_MAX_CELL })).toBe('a|b');
  });
});

describe('export kumu --format xlsx with cells over 32,767 characters', () => {
  it('writes none longer than Excel holds and names the cells it cut', async () => {
    const dir = tempDir('skillsnet-kumu-long-');
    const dbPath = path.join(dir, 'long.db');
    const db = openDatabase(dbPath, { create: true });
    insertApplication(db, '2024', { organization: 'Emoji Org', email: 'emoji@example.org', country: 'KE', region: 'Africa', language: 'en', title: 'TT', description: `a${'🎓'.repeat(20_000)}` });
    insertApplication(db, '2024', { organization: 'Dash Org', email: 'dash@example.org', country: 'GH', region: 'Africa', language: 'en', title: 'T', beneficiaries: [`-${'x'.repeat(40_000)}`] });
    insertApplication(db, '2024', { organization: 'Short Org', email: 'short@example.org', country: 'SN', region: 'Africa', language: 'fr', title: 'Court', description: 'court' });
    db.close();
    const out = path.join(dir, 'map.xlsx');
    const { io, stderr } = bufferIO();
    await runExportKumu({ dbPath, filters: {}, format: 'xlsx', out }, io);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.getWorksheet('Elements')!.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string') cells.push(c.value); }));
    const long = cells.filter((c) => c.length > 30_000);
    expect(long).toHaveLength(2);
    for (const c of long) {
      expect(c.length).toBeLessThanOrEqual(XLSX_MAX_CELL);
      expect(LONE_SURROGATE.test(c)).toBe(false);
      expect(c.endsWith('…')).toBe(true);
    }
    expect(stderr()).toMatch(/2 cells longer than Excel's 32,767 characters were shortened in the workbook \(org-\d+ (Description|Beneficiaries), org-\d+ (Description|Beneficiaries)\)/);
  });
});
