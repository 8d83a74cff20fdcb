import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { inSavepoint, inSavepointInSteps, openDatabase } from '../../../src/db/connection.js';
import { tempDir } from '../support/run.js';

// A dry run (event attendance --dry-run, event link --dry-run) works in a savepoint it undoes.
// Undone with ROLLBACK TO then RELEASE, the savepoint that began the transaction committed the
// pages it had touched, unchanged: frames in the WAL, written back into the file when the
// connection closed, so the file's modification time moved though nothing in it did.
function walFrames(file: string): number {
  const wal = `${file}-wal`;
  return fs.existsSync(wal) ? fs.statSync(wal).size : 0;
}

function database(): { file: string; db: ReturnType<typeof openDatabase> } {
  const file = path.join(tempDir(), 'savepoint.db');
  const db = openDatabase(file, { create: true });
  db.exec('CREATE TABLE IF NOT EXISTS t (x)');
  db.exec('INSERT INTO t VALUES (1)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { file, db };
}

describe('a savepoint that is not kept', () => {
  it('writes nothing to the database when it began the transaction (a dry run)', () => {
    const { file, db } = database();
    expect(walFrames(file)).toBe(0);
    const value = inSavepoint(db, 'dry', false, () => {
      db.exec('INSERT INTO t VALUES (2)');
      return 'seen';
    });
    expect(value).toBe('seen');
    expect(db.inTransaction).toBe(false);
    expect(walFrames(file)).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    db.close();
  });

  it('writes nothing either when it was undone because its work failed', () => {
    const { file, db } = database();
    expect(() => inSavepoint(db, 'failing', true, () => {
      db.exec('INSERT INTO t VALUES (2)');
      throw new Error('no');
    })).toThrow('no');
    expect(db.inTransaction).toBe(false);
    expect(walFrames(file)).toBe(0);
    db.close();
  });

  it('writes nothing when its work pauses between steps', async () => {
    const { file, db } = database();
    await inSavepointInSteps(db, 'dry', false, async () => {
      db.exec('INSERT INTO t VALUES (2)');
      await new Promise((resolve) => setTimeout(resolve, 1));
      db.exec('INSERT INTO t VALUES (3)');
    });
    expect(db.inTransaction).toBe(false);
    expect(walFrames(file)).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    db.close();
  });

  it('inside the caller\'s transaction undoes only its own work', async () => {
    const { db } = database();
    db.exec('BEGIN');
    db.exec('INSERT INTO t VALUES (10)');
    inSavepoint(db, 'inner', false, () => db.exec('INSERT INTO t VALUES (11)'));
    await inSavepointInSteps(db, 'inner2', false, async () => db.exec('INSERT INTO t VALUES (12)'));
    expect(db.inTransaction).toBe(true);
    db.exec('COMMIT');
    expect(db.prepare('SELECT x FROM t ORDER BY x').all()).toEqual([{ x: 1 }, { x: 10 }]);
    db.close();
  });

  it('is kept when asked', () => {
    const { db } = database();
    inSavepoint(db, 'kept', true, () => db.exec('INSERT INTO t VALUES (2)'));
    expect(db.inTransaction).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
    db.close();
  });
});

// `--db empty.csv list`: a command that only reads opened an empty file as a new database,
// wrote the whole schema into it and listed nothing, as if all were well.
describe('an empty file given as the database', () => {
  it('is no database to a command that does not create one, and is left as it was', () => {
    const file = path.join(tempDir(), 'empty.csv');
    fs.writeFileSync(file, '');
    expect(() => openDatabase(file)).toThrow(/^.*empty\.csv is empty \(0 bytes\): it holds no database$/);
    expect(() => openDatabase(file, { write: true })).toThrow(/is empty \(0 bytes\)/);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('is no database either with an empty -wal and -shm beside it (both emptied, or left by a run that wrote nothing)', () => {
    const file = path.join(tempDir(), 'emptied.db');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.writeFileSync(f, '');
    expect(() => openDatabase(file)).toThrow(/emptied\.db is empty \(0 bytes\): it holds no database$/);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('is opened when its -wal holds the database (the file emptied, the log not yet folded into it)', () => {
    const dir = tempDir();
    const source = path.join(dir, 'source.db');
    const made = new Database(source);
    made.pragma('journal_mode = WAL');
    made.pragma('wal_autocheckpoint = 0');
    made.exec('CREATE TABLE t (x); INSERT INTO t VALUES (7)');
    const file = path.join(dir, 'in-wal.db');
    fs.writeFileSync(file, '');
    fs.copyFileSync(`${source}-wal`, `${file}-wal`);
    made.close();
    expect(() => openDatabase(file, { readonly: true }).close()).not.toThrow(/is empty/);
  });

  it('is a new database to a command that creates one (touch skillsnet.db, then import)', () => {
    const file = path.join(tempDir(), 'touched.db');
    fs.writeFileSync(file, '');
    const db = openDatabase(file, { create: true });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it.each([[[] as string[]], [['-wal', '-shm']]])('db check does not call it sound (empty side files beside it: %j)', async (sides) => {
    const { checkDatabase } = await import('../../../src/db/maintenance.js');
    const file = path.join(tempDir(), 'empty.db');
    for (const f of ['', ...sides]) fs.writeFileSync(`${file}${f}`, '');
    const result = checkDatabase(file);
    expect(result.ok).toBe(false);
    expect(result.verdict).toBe('not ok: the file is empty, not a skillsnet database');
  });

  it('db backup does not copy it as a database (it wrote a 4 KB "checked" backup)', async () => {
    const { backupDatabase } = await import('../../../src/db/maintenance.js');
    const dir = tempDir();
    const file = path.join(dir, 'empty.db');
    fs.writeFileSync(file, '');
    await expect(backupDatabase(file, path.join(dir, 'copy.db'))).rejects.toThrow(/^.*empty\.db is empty \(0 bytes\): it holds no database$/);
    expect(fs.readdirSync(dir)).toEqual(['empty.db']);
  });

  // (a dry run wrote the whole schema, 1.2 MB, into a touched skillsnet.db; so did an import refused)
  it('is left empty by a dry run, and by an import of a file that cannot be imported', async () => {
    const { run } = await import('../support/run.js');
    const dir = tempDir();
    const file = path.join(dir, 'touched.db');
    fs.writeFileSync(file, '');
    fs.writeFileSync(path.join(dir, 'call.csv'), 'Organization,Email,Country\nTaller Sur,ana@example.org,Argentina\n');
    fs.writeFileSync(path.join(dir, 'notes.csv'), 'just a line\n');
    const runs = [
      ['import', 'call.csv', '--call', '2024', '--dry-run'],
      ['member', 'add', '--organization', 'Taller Sur', '--name', 'Ana Ejemplo', '--email', 'ana@example.org', '--country', 'AR', '--language', 'es', '--dry-run'],
      ['import', 'notes.csv', '--call', '2024'],
    ];
    for (const args of runs) {
      await run(['--db', file, ...args], { cwd: dir });
      expect(fs.statSync(file).size, args.join(' ')).toBe(0);
    }
    // (a dry run of a command that does not create a database names the file, not a scratch copy)
    const set = await run(['--db', file, 'member', 'set', '1', '--status', 'active', '--dry-run'], { cwd: dir });
    expect(set.stderr).toMatch(/^error: .*touched\.db is empty \(0 bytes\): it holds no database$/m);
    expect((await run(['--db', file, 'import', 'call.csv', '--call', '2024'], { cwd: dir })).code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
  });

  // (init said "readable by you only" of a touched file others could read; its mode is not ours to change)
  it.skipIf(process.platform === 'win32')('init says whether others can read it, and leaves its mode as it was', async () => {
    const { run } = await import('../support/run.js');
    const dir = tempDir();
    const file = path.join(dir, 'touched.db');
    fs.writeFileSync(file, '', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const r = await run(['--db', file, 'init'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('readable by other users of this computer');
    expect(r.stderr).toContain(`chmod 600 "${file}"`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o644);
    const own = path.join(dir, 'own.db');
    const made = await run(['--db', own, 'init'], { cwd: dir });
    expect(made.stderr).toContain('readable by you only');
    expect(made.stderr).not.toContain('chmod');
  });
});
