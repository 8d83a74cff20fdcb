import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { compactDatabase, scrubFileAside } from '../../../src/db/scrub.js';
import { openDatabase } from '../../../src/db/connection.js';
import { tempDir } from '../support/run.js';

// The rebuild erase and db compact end with runs on a worker thread's own connection. Its answer
// came before the worker closed that connection: the file and its -wal were still changing (the
// last connection to close deletes the -wal), so a test reading the -wal right after erase found
// it gone between exists and read (ENOENT, a flake seen twice), and db compact measured
// bytesAfter with a -wal about to go.
describe('scrubFileAside: settled once the worker closed its connection', () => {
  it('leaves no -wal behind when it held the last connection, every time', async () => {
    const dir = tempDir();
    for (let i = 0; i < 60; i++) {
      const file = path.join(dir, `s${i}.db`);
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE t (x TEXT)');
      db.prepare('INSERT INTO t VALUES (?)').run('erased '.repeat(200));
      db.close();
      const result = await scrubFileAside(file);
      expect(result.checkpointed).toBe(true);
      // (before: the -wal was still there after 23 of 30 answers)
      expect(fs.existsSync(`${file}-wal`), `run ${i}: the worker's connection was still open`).toBe(false);
    }
  });

  it('db compact measures the file after the worker closed it', async () => {
    const file = path.join(tempDir(), 'c.db');
    const db = openDatabase(file, { create: true });
    db.exec('CREATE TABLE filler (x TEXT)');
    const insert = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run('x'.repeat(2000));
    db.exec('DELETE FROM filler');
    const report = await compactDatabase(db);
    db.close();
    const onDisk = fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
    expect(report.walEmptied).toBe(true);
    expect(report.bytesAfter).toBeLessThan(report.bytesBefore);
    expect(report.bytesAfter).toBe(onDisk);
  });
});
