import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../dist/db/connection.js';
import { SCHEMA_VERSION } from '../../dist/db/migrations.js';
import { ROOT, tempDir } from './support/cli.js';

/**
 * Another skillsnet process is creating the schema of a new database (its migration holds
 * the write lock) at the moment we open the same file. We must wait for it and then use
 * the file: not call it a foreign database, not fail with "database is locked".
 */
function holdMigration(file: string, holdMs: number): Promise<{ ready: Promise<void>; done: Promise<number | null> }> {
  const script = `
    const Database = require(${JSON.stringify(path.join(ROOT, 'node_modules', 'better-sqlite3'))});
    import(${JSON.stringify(path.join(ROOT, 'dist', 'db', 'migrations.js'))}).then(({ migrate }) => {
      const db = new Database(process.argv[1]);
      db.exec('BEGIN IMMEDIATE');
      migrate(db);
      process.stdout.write('ready\\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${holdMs});
      db.exec('COMMIT');
      db.close();
    });`;
  const child = spawn(process.execPath, ['-e', script, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`helper exited with ${code} before taking the lock`)));
  });
  const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return Promise.resolve({ ready, done });
}

describe('opening a database another process is setting up', () => {
  it('waits for its schema instead of calling the file foreign or reporting a lock', async () => {
    const file = path.join(tempDir(), 'new.db');
    fs.closeSync(fs.openSync(file, 'wx', 0o600)); // the other process created the empty file
    // Held long enough that even a loaded machine reaches openDatabase before it is released.
    const other = await holdMigration(file, 1500);
    await other.ready;
    const started = Date.now();
    const db = openDatabase(file, { create: true });
    const waited = Date.now() - started;
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(waited).toBeGreaterThan(100); // it really met the lock and waited
    } finally {
      db.close();
    }
    expect(await other.done).toBe(0);
  }, 30_000);
});

describe('page size', () => {
  it('a new database has 16 KiB pages (an import writes a third fewer pages); an older file keeps its own', async () => {
    const dir = tempDir();
    const fresh = openDatabase(path.join(dir, 'new.db'), { create: true });
    expect(fresh.pragma('page_size', { simple: true })).toBe(16384);
    expect(fresh.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(fresh.pragma('cache_size', { simple: true })).toBe(-16000);
    fresh.close();

    // a database made before: 4 KiB pages, already in WAL mode, holding a call
    const { default: Database } = await import('better-sqlite3');
    const { migrate } = await import('../../dist/db/migrations.js');
    const oldFile = path.join(dir, 'old.db');
    const raw = new Database(oldFile);
    raw.pragma('journal_mode = WAL');
    migrate(raw);
    raw.prepare("INSERT INTO calls (name) VALUES ('2020')").run();
    raw.close();
    const old = openDatabase(oldFile);
    expect(old.pragma('page_size', { simple: true })).toBe(4096);
    expect(old.prepare('SELECT name FROM calls').pluck().all()).toEqual(['2020']);
    old.close();
    const again = openDatabase(path.join(dir, 'new.db'), { readonly: true });
    expect(again.pragma('page_size', { simple: true })).toBe(16384);
    again.close();
  });
});
