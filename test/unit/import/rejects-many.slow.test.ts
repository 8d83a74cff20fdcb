/**
 * Thousands of rejected rows (a file whose email column was not found: every row rejected) sent
 * back through a rejects sheet that rejected them all again: whether each old row was fixed is a
 * look-up in one set, not a scan of the sheet's rejects per row (`rejects` took 22 s for 20,000).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { carryResolvedRejects, listRejectedRows } from '../../../src/db/imports.js';
import { tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-rejects-many-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ROWS = 20_000;

describe('20,000 rejected rows, all rejected again by their sheet', () => {
  it('are listed, and a later download of them is looked up, in seconds', () => {
    const db = openDatabase(path.join(dir, 'many.db'), { create: true });
    try {
      db.exec(`INSERT INTO calls (name) VALUES ('2022')`);
      const batch = db.prepare(`INSERT INTO import_batches (call_id, file_name, file_size, sha256, format, headers_json, rows, rejected) VALUES (1, ?, 1, ?, 'csv', ?, ${ROWS}, ${ROWS})`);
      const reject = db.prepare(`INSERT INTO rejected_rows (batch_id, row_number, raw_json, reasons_json, resolved_batch_id) VALUES (?, ?, ?, '["missing email"]', ?)`);
      const raw = (i: number) => JSON.stringify({ 'Name of your organization': `Org ${i}`, Country: 'Peru' });
      db.transaction(() => {
        batch.run('form.csv', 'a', '["Name of your organization","Email","Country"]');
        batch.run('fix.csv', 'b', '["Name of your organization","Email","Country","Rejection reason","Rejected row"]');
        batch.run('form (1).csv', 'c', '["Name of your organization","Email","Country"]');
        // the form's rows, taken by the sheet (2) that rejected each again as it was; then the next download (3)
        for (let i = 1; i <= ROWS; i++) reject.run(1, i, raw(i), 2);
        for (let i = 1; i <= ROWS; i++) reject.run(2, i, raw(i), null);
        for (let i = 1; i <= ROWS; i++) reject.run(3, i, raw(i), null);
      })();
      const started = performance.now();
      // rejected as before but never fixed: none is carried
      expect(carryResolvedRejects(db, 1, 3)).toEqual({ carried: 0, unconfirmed: 0 });
      const listed = listRejectedRows(db, { call: '2022' });
      const ms = performance.now() - started;
      // each row once, from the latest download
      expect(listed).toHaveLength(ROWS);
      expect(new Set(listed.map((r) => r.file))).toEqual(new Set(['form (1).csv']));
      expect(ms).toBeLessThan(8_000);
    } finally {
      db.close();
    }
  }, 120_000);
});
