import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readQuotaFile } from '../../../src/selection/quota-file.js';
import { tempDir } from '../support/run.js';

// Quotas files typed by hand in Excel: a "sep=;" line that tells Excel the delimiter, blank
// lines between groups of rules. Messages must name the line the officer sees in the file.
describe('a quotas file as Excel saves it', () => {
  it('honours a "sep=;" first line', async () => {
    const file = path.join(tempDir(), 'quotas.csv');
    fs.writeFileSync(file, 'sep=;\r\nfeature;value;min;max\r\nregion;Africa;3;8\r\n');
    const rules = await readQuotaFile(file);
    expect(rules.map((r) => [r.feature, r.value, r.min, r.max, r.source])).toEqual([['region', 'Africa', 3, 8, 'quotas.csv line 3']]);
  });

  it('names the file line of a bad rule below blank lines', async () => {
    const file = path.join(tempDir(), 'quotas.csv');
    fs.writeFileSync(file, 'feature;value;min;max\r\n\r\nregion;Africa;3;8\r\n;;;\r\n\r\nregion;Afrika;1;\r\n');
    await expect(readQuotaFile(file)).rejects.toThrow(/quotas.csv line 6: unknown region "Afrika"/);
    fs.writeFileSync(file, 'sep=;\nfeature;value;min;max\n\nlanguage;fr;2;\n\ncategory;lifeskils;1;\n');
    await expect(readQuotaFile(file)).rejects.toThrow(/quotas.csv line 6: unknown category "lifeskils"/);
  });
});

describe('a quotas file that cannot be read', () => {
  it('is named in words, as import and scores say it', async () => {
    const dir = tempDir();
    await expect(readQuotaFile(path.join(dir, 'missing.csv'))).rejects.toThrow(/^cannot read the quotas file .*missing\.csv: no such file$/);
    await expect(readQuotaFile(dir)).rejects.toThrow(/: it is a folder$/);
  });

  it('points into a folder with a hint about one file, not about import', async () => {
    const dir = tempDir();
    const e = await readQuotaFile(dir).catch((x: unknown) => x as { hint?: string });
    expect(e.hint).toMatch(/a file inside it/);
    expect(e.hint).not.toMatch(/import/);
    const spaced = path.join(tempDir(), 'my quotas');
    fs.mkdirSync(spaced);
    const q = await readQuotaFile(spaced).catch((x: unknown) => x as { hint?: string });
    expect(q.hint).toContain(`(ls "${spaced}" lists them)`);
  });

  it('refuses a binary file without quoting its bytes', async () => {
    const file = path.join(tempDir(), 'quotas.csv');
    // the start of an ELF program, with a printable tail, as `cp /bin/ls quotas.csv` would give
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]), Buffer.from('feature,value,min,max\n'.repeat(3))]));
    const e = await readQuotaFile(file).catch((x: unknown) => x as Error & { hint?: string; exitCode?: number });
    expect(e.message).toMatch(/^the quotas file .*quotas\.csv is neither text \(CSV\) nor an \.xlsx workbook: it holds binary data$/);
    expect(e.message).not.toMatch(/[\x00-\x08]/);
    expect(e.hint).toMatch(/right file/);
  });
});
