import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CELLS_PER_ROW, openTable } from '../../../src/import/readers.js';
import { scanFile } from '../../../src/import/detect.js';
import { checkExpansion, MAX_EXPANSION_RATIO, MAX_WORKBOOK_BYTES } from '../../../src/import/zip.js';
import { applyMappingFile } from '../../../src/import/mapping.js';
import { matchHeaders } from '../../../src/import/headers.js';
import { tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-limits-');
let n = 0;

async function read(content: string | Buffer): Promise<string[][]> {
  const f = path.join(dir, `t${n++}.csv`);
  fs.writeFileSync(f, content);
  const table = await openTable(f, await scanFile(f));
  const rows: string[][] = [];
  await table.read((cells) => rows.push(cells));
  return rows;
}

describe('cells per row', () => {
  it(`a row of ${MAX_CELLS_PER_ROW} cells is read; one more is an error naming the line and the limit`, async () => {
    const ok = await read(`a,b\n${','.repeat(MAX_CELLS_PER_ROW - 1)}\n`);
    expect(ok[1]).toHaveLength(MAX_CELLS_PER_ROW);
    await expect(read(`a,b\n1,2\n${','.repeat(MAX_CELLS_PER_ROW)}\n`)).rejects.toThrow(/line 3 has more than 16,384 cells \(the most a spreadsheet row can have\)/);
  });

  it('delimiters inside quotes are not cells (a long quoted text full of commas is one cell)', async () => {
    const rows = await read(`a,b\n"${'x,'.repeat(MAX_CELLS_PER_ROW + 10)}",2\n`);
    expect(rows[1]).toHaveLength(2);
  });

  it('the same with semicolons and in a Windows-1252 file', async () => {
    await expect(read(Buffer.from(`é;b\n${';'.repeat(MAX_CELLS_PER_ROW + 1)}\n`, 'latin1'))).rejects.toThrow(/more than 16,384 cells/);
  });

  it('also past the row where csv-parse takes over from the fast reader (text after a closing quote)', async () => {
    await expect(read(`a,b\n"x"y,2\n1,2\n${','.repeat(MAX_CELLS_PER_ROW)}\n`)).rejects.toThrow(/line 4 has more than 16,384 cells/);
  });

  it('25 million empty cells fail at once, long before the line is read whole', async () => {
    const started = performance.now();
    await expect(read(`a,b\n${','.repeat(25_000_000)}\n`)).rejects.toThrow(/more than 16,384 cells/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe("a workbook's expansion", () => {
  it('refuses a part that would inflate past the ratio, and archives past the total', () => {
    expect(() => checkExpansion([{ name: 'xl/worksheets/sheet1.xml', compressedSize: 100_000, size: 300 * 1024 * 1024 }])).toThrow(new RegExp(`would expand 3,146 times .*the limit is ${MAX_EXPANSION_RATIO} times`));
    expect(() => checkExpansion([{ name: 'a', compressedSize: 200 * 1024 * 1024, size: MAX_WORKBOOK_BYTES }, { name: 'b', compressedSize: 10, size: 10 }])).toThrow(/would expand to 1,024 MB; the limit is 1,024 MB/);
    // A real workbook: large sheets compress some 10 to 30 times.
    expect(() => checkExpansion([{ name: 'sheet', compressedSize: 20 * 1024 * 1024, size: 400 * 1024 * 1024 }])).not.toThrow();
  });
});

describe('--map', () => {
  it('one column for two fields is refused, naming both', () => {
    const headers = ['Org', 'Mail'];
    expect(() => applyMappingFile(headers, matchHeaders(headers).mapping, { organization: 'Mail', email: 'Mail' }, 'call.csv'))
      .toThrow(/the mapping file gives the column "Mail" to both organisation \(organization\) and email \(email\)/);
    expect(applyMappingFile(headers, matchHeaders(headers).mapping, { organization: 'Org', email: ['Mail', 'Mail'] }, 'call.csv').email).toEqual([1]);
  });

  it('repeated headers ("Email Address" three times) are all read for the field', () => {
    const { mapping } = matchHeaders(['Organization', 'Email Address', 'Email Address', 'Email Address']);
    expect(mapping.email).toEqual([1, 2, 3]);
  });
});
