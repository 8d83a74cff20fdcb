/**
 * The xlsx reader keeps the string table of the workbook read last (its sheets are read one after
 * another, a large table takes most of the time): one workbook's at most. It kept the old table
 * until the next was parsed, so two large tables were held at once, and one read from a pipe
 * (never kept) left the old one held for the process's life.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { tempDir } from '../support/run.js';
import { xlsxSource } from '../../../src/import/readers.js';
import { heldStringTable } from '../../../src/import/xlsx-reader.js';

const dir = tempDir('skillsnet-string-table-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

async function workbook(name: string, rows: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Applications');
  ws.addRow(['Organisation', 'Email']);
  for (let i = 1; i <= rows; i++) ws.addRow([`${name} organisation ${i}`, `contact${i}@example.org`]);
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

async function read(file: string, bytes?: Buffer): Promise<string[][]> {
  const out: string[][] = [];
  await xlsxSource(file, 0, bytes ? { bytes } : {}).read((cells) => void out.push(cells));
  return out;
}

let a: string;
let b: string;
beforeAll(async () => {
  a = await workbook('a', 30);
  b = await workbook('b', 40);
});

describe('the shared-string cache holds one workbook at most', () => {
  it('keeps the table for the same workbook read again, and only the new one after another is read', async () => {
    expect((await read(a))[1]).toEqual(['a organisation 1', 'contact1@example.org']);
    expect(heldStringTable()).toEqual({ file: path.resolve(a), strings: 2 + 30 * 2 });
    const parse = vi.spyOn((ExcelJS.stream.xlsx.WorkbookReader as any).prototype, '_parseSharedStrings');
    await read(a);
    expect(parse).not.toHaveBeenCalled();
    expect((await read(b))[1]).toEqual(['b organisation 1', 'contact1@example.org']);
    expect(heldStringTable()).toEqual({ file: path.resolve(b), strings: 2 + 40 * 2 });
  });

  it('drops the old table before the new one is parsed (never two at once)', async () => {
    await read(a);
    const heldWhileParsing: unknown[] = [];
    const proto = (ExcelJS.stream.xlsx.WorkbookReader as any).prototype;
    const original = proto._parseSharedStrings;
    vi.spyOn(proto, '_parseSharedStrings').mockImplementation(function (this: unknown, ...args: unknown[]) {
      heldWhileParsing.push(heldStringTable());
      return original.apply(this, args);
    });
    await read(b);
    expect(heldWhileParsing).toEqual([null]);
    expect(heldStringTable()?.file).toBe(path.resolve(b));
  });

  it('a workbook read from a pipe (its bytes, not kept) drops the table of the one before', async () => {
    await read(a);
    expect(heldStringTable()?.file).toBe(path.resolve(a));
    const rows = await read('-', fs.readFileSync(b));
    expect(rows[1]).toEqual(['b organisation 1', 'contact1@example.org']);
    expect(heldStringTable()).toBeNull();
  });
});
