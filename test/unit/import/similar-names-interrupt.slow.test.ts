/**
 * The import's last steps run in its transaction, where Ctrl-C is not answered until they end.
 * One of them compares the organisations a file made with the known ones (the report's "may be
 * one already known"): it ran one query per new organisation, each reading the whole table, and
 * a corrected copy of 10,000 rejected rows (4,000 new organisations beside 15,000) held Ctrl-C
 * for 3 seconds. Now the table is read once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { importFiles } from '../../../src/import/importer.js';
import { tempDir } from '../support/run.js';
// @ts-expect-error plain ESM script without type declarations
import { generate } from '../../../bench/generate.mjs';

const dir = tempDir('skillsnet-similar-names-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the comparison of new organisations with known ones', () => {
  it('takes a moment for thousands of new organisations beside many known ones (the time from the end of reading to the commit)', async () => {
    const db = openDatabase(path.join(dir, 'call.db'), { create: true });
    try {
      const first = path.join(dir, 'first.csv');
      (generate as (o: object) => void)({ out: first, count: 12_000, seed: 3, emailPrefix: 'first' });
      await importFiles(db, [first], { call: '2020' });
      const second = path.join(dir, 'second.csv');
      (generate as (o: object) => void)({ out: second, count: 4_000, seed: 4, emailPrefix: 'second' });
      let lastRead = 0;
      let finished = 0;
      const start = performance.now();
      const report = await importFiles(db, [second], { call: '2021' }, {
        onProgress: (p) => {
          if (p.finished) finished = performance.now();
          else lastRead = performance.now();
        },
      });
      expect(report.files[0]!.organizations.created).toBeGreaterThan(1000);
      expect(report.files[0]!.organizations.created).toBeLessThanOrEqual(5000);
      // Measured against the reading of the same rows, so that a busy machine slows both: on a
      // quiet one the reading took 0.8 s and the end 0.37 s (one query per new organisation: 3 s).
      const read = lastRead - start;
      expect(finished - lastRead, `ms from the end of reading to the commit (reading took ${Math.round(read)} ms)`).toBeLessThan(Math.max(1000, 1.5 * read));
    } finally {
      db.close();
    }
  }, 120_000);
});
