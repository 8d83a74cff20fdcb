import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { autoTag } from '../../../src/tagging/auto.js';
import { makeCall } from '../selection/fixtures.js';
import { tempDir } from '../support/run.js';

// tag auto beside another command that writes for longer than SQLite's busy timeout (a large
// import): it waits, as import does, instead of failing with "another program is holding a lock".
describe('tag auto while another command writes', () => {
  it('waits for the other write to end, says so once, then saves', async () => {
    const file = path.join(tempDir(), 'wait.db');
    makeCall(file, 40, 3);
    const db = openDatabase(file);
    // (SQLite's own wait made short, so that the other write outlasts it here)
    db.pragma('busy_timeout = 20');
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    let waits = 0;
    try {
      // the other write ends a little after tag auto has begun to wait for it
      const summary = await autoTag(db, { all: true, onWait: () => { if (waits++ === 0) setTimeout(() => other.exec('COMMIT'), 150); } });
      expect(waits).toBeGreaterThanOrEqual(1);
      expect(summary.tagged).toBeGreaterThan(0);
      expect((db.prepare('SELECT count(*) FROM application_categories').pluck().get() as number)).toBeGreaterThan(0);
    } finally {
      other.close();
      db.close();
    }
  });
});
