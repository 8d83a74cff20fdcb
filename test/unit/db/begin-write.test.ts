import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { beginWrite, commit, openDatabase } from '../../../src/db/connection.js';
import { tempDir } from '../support/run.js';

// import and tag auto wait in beginWrite for another command's long write. The wait must leave
// the event loop free: Ctrl-C is answered there (signals.ts runs on it), not after SQLite's own
// busy wait of 10 seconds has run out in one blocking call.
describe('beginWrite while another connection writes', () => {
  it('keeps the event loop turning while it waits, says so once SQLite\'s own wait is over, then begins', async () => {
    const file = path.join(tempDir(), 'busy.db');
    const db = openDatabase(file, { create: true });
    db.exec('CREATE TABLE IF NOT EXISTS t (x)');
    db.pragma('busy_timeout = 1500');
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    let tick = 0;
    const timer = setTimeout(() => (tick = Date.now() - started), 100);
    let saidAt = 0;
    try {
      await beginWrite(db, () => {
        saidAt = Date.now() - started;
        setTimeout(() => other.exec('COMMIT'), 100);
      });
      db.exec('INSERT INTO t VALUES (1)');
      commit(db);
      // a 100 ms timer fired on time, not after a 1.5 s blocking wait
      expect(tick).toBeGreaterThan(0);
      expect(tick).toBeLessThan(1000);
      // told after the connection's own busy timeout, as before
      expect(saidAt).toBeGreaterThanOrEqual(1400);
      // and the connection's busy timeout is as it was
      expect(db.pragma('busy_timeout', { simple: true })).toBe(1500);
    } finally {
      clearTimeout(timer);
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      db.close();
    }
  });
});

describe('beginWrite while another program holds the write lock', () => {
  it('names the programs it may be, sqlite3 and sqlite-utils too, when the wait runs out', async () => {
    const file = path.join(tempDir(), 'held.db');
    const db = openDatabase(file, { create: true });
    db.pragma('busy_timeout = 50');
    // (a plain SQLite connection is what an sqlite3 shell or sqlite-utils is: BEGIN, then nothing)
    const shell = new Database(file);
    shell.exec('BEGIN IMMEDIATE');
    let said = '';
    try {
      const { WAITING_FOR_WRITER } = await import('../../../src/db/connection.js');
      await expect(beginWrite(db, () => (said = WAITING_FOR_WRITER), 300)).rejects.toMatchObject({
        message: expect.stringMatching(/another program has been writing to this database for too long \(another skillsnet command, or an sqlite3 or sqlite-utils session that began a write\)/),
        hint: expect.stringMatching(/COMMIT or ROLLBACK in an open sqlite3 session/),
      });
      expect(said).toMatch(/or an sqlite3 or sqlite-utils session/);
    } finally {
      shell.exec('ROLLBACK');
      shell.close();
      db.close();
    }
  });
});
