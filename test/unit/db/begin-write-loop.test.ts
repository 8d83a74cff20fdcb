import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { beginWrite, commit, openDatabase } from '../../../src/db/connection.js';
import { tempDir } from '../support/run.js';

// beginWrite waits for another command's write in the event loop: a try that blocked for
// SQLite's whole busy timeout (10 s) kept Ctrl-C from being answered (tag auto then saved a
// batch after the other write ended, seconds after Ctrl-C).
describe('beginWrite (faults trial): the event loop stays free', () => {
  it('keeps the event loop free while it waits, and puts the busy timeout back', async () => {
    const file = path.join(tempDir(), 'lock.db');
    const db = openDatabase(file, { create: true });
    const timeout = Number(db.pragma('busy_timeout', { simple: true }));
    expect(timeout).toBeGreaterThanOrEqual(5000);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const asked = Date.now();
    let late = -1;
    // a timer due in 200 ms (Ctrl-C's handler runs the same way): it ends the other write
    setTimeout(() => {
      late = Date.now() - asked - 200;
      other.exec('COMMIT');
    }, 200);
    try {
      await beginWrite(db);
      commit(db);
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late, 'ms the event loop was held past the timer').toBeLessThan(1000);
      expect(Number(db.pragma('busy_timeout', { simple: true }))).toBe(timeout);
    } finally {
      other.close();
      db.close();
    }
  });
});
