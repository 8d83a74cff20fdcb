/** db compact: the rebuild erase ends with, on its own (after an erase whose rebuild failed for lack of room). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, json } from './support/cli.js';
import { openDatabase } from '../../dist/db/connection.js';
import Database from 'better-sqlite3';
import { interrupt } from './faults/support.js';

const SECRET = 'maria.private.compact@example.org';

/** A new database of one call with `count` applications, open. */
function callOf(file: string, count: number, email: (i: number) => string) {
  const db = openDatabase(file, { create: true });
  const call = db.prepare(`INSERT INTO calls(name) VALUES ('2020')`).run().lastInsertRowid;
  const ins = db.prepare(`INSERT INTO applications(call_id, identity_key, organization, email, raw_json, content_hash) VALUES (?, ?, ?, ?, '{}', 'h')`);
  db.transaction(() => {
    for (let i = 0; i < count; i++) ins.run(call, `k${i}`, `Org ${i}`, email(i));
  })();
  return db;
}

describe('skillsnet db compact (built CLI)', () => {
  it('rebuilds the file: bytes left in freed pages by a delete without secure_delete are gone, the rows stay', async () => {
    const file = path.join(tempDir(), 'call.db');
    const db = callOf(file, 2000, (i) => (i % 2 ? SECRET : `o${i}@example.org`));
    // (what a rebuild that failed leaves: deleted rows whose bytes stay in the file's free pages)
    db.pragma('secure_delete = OFF');
    db.prepare('DELETE FROM applications WHERE email = ?').run(SECRET);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(fs.readFileSync(file).includes(SECRET)).toBe(true);

    const r = await runCli(['--db', file, 'db', 'compact', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = json(r);
    expect(out).toMatchObject({ database: file, walEmptied: true });
    expect(out.bytesAfter).toBeLessThan(out.bytesBefore);
    expect(fs.readFileSync(file).includes(SECRET)).toBe(false);
    const check = await runCli(['--db', file, 'list', '--json']);
    expect(json(check)).toHaveLength(1000);

    const human = await runCli(['--db', file, 'db', 'compact']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stderr).toMatch(/^Rebuilt .*call\.db: .* before, .* now, its WAL emptied\.$/m);
    expect(human.stdout).toBe('');
  });

  it('Ctrl-C while the emptied WAL waits for another program\'s reader stops at once and says the file is rebuilt (it was: "as it was" was wrong)', async () => {
    const file = path.join(tempDir(), 'call.db');
    callOf(file, 200, (i) => `o${i}@example.org`).close();
    // another program reading: the rebuild commits, then emptying the WAL waits for it (10 s)
    const reader = new Database(file);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM applications').get();
    try {
      const started = Date.now();
      const r = await interrupt(['--db', file, 'db', 'compact'], () => Date.now() - started > 4000);
      expect(r.code).toBe(130);
      // at once: the wait for the reader (10 s) does not hold the exit up
      expect(r.afterSigint).toBeLessThan(3000);
      expect(r.stderr).toMatch(/^error: interrupted \(SIGINT\); the database file was rebuilt, but its WAL not yet emptied .*run skillsnet db compact again/m);
    } finally {
      reader.exec('COMMIT');
      reader.close();
    }
    const check = await runCli(['--db', file, 'list', '--json']);
    expect(json(check)).toHaveLength(200);
  }, 30_000);

  it('refuses a database that is not there, creating nothing', async () => {
    const dir = tempDir();
    const r = await runCli(['--db', path.join(dir, 'none.db'), 'db', 'compact']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: /m);
    expect(fs.existsSync(path.join(dir, 'none.db'))).toBe(false);
  });
});
