import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { MAX_RECORD_CHARS, openTable, StopReading } from '../../../src/import/readers.js';
import { scanFile } from '../../../src/import/detect.js';
import { tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-readers-');
let n = 0;

/** Writes the bytes to a file and reads its rows the way the importer does. */
async function rowsOf(content: string | Buffer, options: { delimiter?: string } = {}): Promise<string[][]> {
  const f = path.join(dir, `t${n++}.csv`);
  fs.writeFileSync(f, content);
  const table = await openTable(f, await scanFile(f), options);
  const rows: string[][] = [];
  await table.read((cells) => rows.push(cells));
  return rows;
}

async function errorOf(content: string): Promise<string> {
  try {
    await rowsOf(content);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('no error');
}

/** The file is read in 256 KiB chunks: this much filler puts what follows across a chunk boundary. */
const CHUNK = 256 * 1024;

describe('readCsv (csv-parse over the decoded stream)', () => {
  it('quotes, doubled quotes, CRLF inside quoted cells, ragged rows, empty lines skipped', async () => {
    const text = 'a,b,c\r\n"x, y","he said ""hi""","line1\r\nline2"\r\n1,2\r\n\r\n3,4,5,6\r\nlast,"",\r\n';
    expect(await rowsOf(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'he said "hi"', 'line1\r\nline2'],
      ['1', '2'],
      ['3', '4', '5', '6'],
      ['last', '', ''],
    ]);
  });

  it('a quoted cell, a doubled quote and a two-byte character split across read chunks stay whole', async () => {
    const head = 'Organization,Note\n';
    for (const shift of [-3, -2, -1, 0, 1, 2]) {
      const filler = `F,${'x'.repeat(CHUNK - head.length - 5 + shift)}\n`;
      const cell = 'é "quoted"\r\nsecond, line é';
      const text = `${head}${filler}G,"${cell.replace(/"/g, '""')}"\nH,end\n`;
      const rows = await rowsOf(text);
      expect(rows.map((r) => r[0])).toEqual(['Organization', 'F', 'G', 'H']);
      expect(rows[2]![1]).toBe(cell);
    }
  });

  it('a valid UTF-8 file (cells decoded from its bytes) reads exactly as the same rows in a file that is not (decoded text)', async () => {
    // Two-, three- and four-byte characters at every offset across a chunk boundary, inside and
    // outside quotes, next to delimiters, doubled quotes and CRLF.
    const head = 'Organization,Note\r\n';
    const cells = ['é', '€ "q"', '😀,x', 'ÿ\r\n€', '"😀"', 'a€b😀c'];
    for (const cell of cells) {
      for (let shift = -5; shift <= 5; shift++) {
        const filler = `F,${'x'.repeat(CHUNK - head.length - 5 + shift)}\r\n`;
        const body = `G,"${cell.replace(/"/g, '""')}"\r\n${cell.includes('"') || cell.includes(',') || cell.includes('\n') ? 'H,end' : `H,${cell}`}\r\n`;
        const valid = await rowsOf(`${head}${filler}${body}`);
        // one stray byte in the last row sends the file (still read as UTF-8) down the decoding path
        const stray = Buffer.concat([Buffer.from(`${head}${filler}${body}J,ñññññ\r\nI,`), Buffer.from([0xe9]), Buffer.from('\r\n')]);
        const decoded = await rowsOf(stray);
        expect(decoded.slice(0, -2)).toEqual(valid);
        expect(decoded.slice(-2)).toEqual([['J', 'ñññññ'], ['I', '\uFFFD']]);
        expect(valid[2]![1]).toBe(cell);
      }
    }
  });

  it('a quote inside an unquoted cell, or text after a closing quote, is kept as written (relaxed quotes)', async () => {
    expect(await rowsOf('a,b\n5" screen,b\n"c"d,e\n')).toEqual([['a', 'b'], ['5" screen', 'b'], ['"c"d', 'e']]);
  });

  it("semicolons with Excel's sep= line and a UTF-8 BOM; Windows-1252; tabs", async () => {
    expect(await rowsOf('\uFEFFsep=;\r\nName;Land\r\nCafé;Perú\r\n')).toEqual([['Name', 'Land'], ['Café', 'Perú']]);
    expect(await rowsOf(iconv.encode('Name;Land\r\nCafé;Perú\r\n', 'win1252'))).toEqual([['Name', 'Land'], ['Café', 'Perú']]);
    expect(await rowsOf('a\tb\n"c\td"\te\n')).toEqual([['a', 'b'], ['c\td', 'e']]);
  });

  it('UTF-16 with a BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name,Land\r\n"Ñandú, S.A.",Perú\r\n', 'utf16le')]);
    expect(await rowsOf(bytes)).toEqual([['Name', 'Land'], ['Ñandú, S.A.', 'Perú']]);
  });

  it('mixed line endings all end rows, and a line break inside quotes stays in the cell', async () => {
    expect(await rowsOf('a,b\r\nc,d\ne,f\rg,"h\ni"\r\n')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h\ni']]);
  });

  it('an unterminated quote names the line where it opened, after blank lines and multi-byte text', async () => {
    expect(await errorOf('a,b\n1,2\n3,"never closed\nmore\n')).toMatch(/quoted field opened on line 3 is never closed/);
    expect(await errorOf('ñ,é\n"x\ny",ü\n\n\n"open\nmore\nmore\n')).toMatch(/opened on line 6 is never closed/);
    const far = `a,b\n${'1,2\n'.repeat(100_000)}3,"never closed\n`;
    expect(await errorOf(far)).toMatch(/opened on line 100002 is never closed/);
  });

  it('a row beyond the size limit is an error, not unbounded memory', async () => {
    const big = `a,b\n1,"${'x'.repeat(MAX_RECORD_CHARS + 10)}`;
    expect(await errorOf(big)).toMatch(/a row is larger than 32 MB/);
  });

  it('streams: the first row arrives before the file is read, progress reaches the size, StopReading stops early', async () => {
    const f = path.join(dir, 'stream.csv');
    fs.writeFileSync(f, `a,b\n${'1,2\n'.repeat(1_000_000)}`);
    const size = fs.statSync(f).size;
    const table = await openTable(f, await scanFile(f));
    let bytesAtFirstRow = -1;
    let bytes = 0;
    let rows = 0;
    await table.read(
      () => {
        if (rows++ === 0) bytesAtFirstRow = bytes;
      },
      (b) => (bytes = b),
    );
    expect(rows).toBe(1_000_001);
    expect(bytesAtFirstRow).toBeLessThan(size / 4);
    expect(bytes).toBe(size);
    let seen = 0;
    await expect(
      table.read(() => {
        if (++seen === 3) throw new StopReading();
      }),
    ).rejects.toBeInstanceOf(StopReading);
    expect(seen).toBe(3);
  });
});
