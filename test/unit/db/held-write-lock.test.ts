import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { holdsWaitedLock, openDatabase, waitForWriteLock, withWriteTransaction, type DB } from '../../../src/db/connection.js';
import { tempDir } from '../support/run.js';

// waitForWriteLock keeps the lock it waited for through the synchronous work that follows: no
// other writer can come in between the wait and the command's write (which then went into
// SQLite's blocking busy wait, and failed with "database is locked" after 10 s).
/** Runs a case with the command's connection and another program's (which does not wait). */
async function withTwoConnections(fn: (db: DB, other: Database.Database) => Promise<void>): Promise<void> {
  const file = path.join(tempDir(), 'held.db');
  const db = openDatabase(file, { create: true });
  db.exec('CREATE TABLE IF NOT EXISTS t (x)');
  const other = new Database(file, { timeout: 0 });
  try {
    await fn(db, other);
  } finally {
    other.close();
    db.close();
  }
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
const otherCanWrite = (other: Database.Database) => {
  try {
    other.exec('BEGIN IMMEDIATE');
    other.exec('ROLLBACK');
    return true;
  } catch (e) {
    expect((e as { code?: string }).code).toMatch(/^SQLITE_BUSY/);
    return false;
  }
};

describe('the write lock waitForWriteLock took', () => {
  it('is held until the first write transaction, which uses it and commits', () => withTwoConnections(async (db, other) => {
    await waitForWriteLock(db);
    expect(holdsWaitedLock(db)).toBe(true);
    expect(otherCanWrite(other)).toBe(false);
    withWriteTransaction(db, () => db.exec('INSERT INTO t VALUES (1)'));
    expect(db.inTransaction).toBe(false);
    expect(other.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
    expect(otherCanWrite(other)).toBe(true);
  }));

  it('survives a failed (or dry-run) write transaction, whose writes are undone, for the write after it', () => withTwoConnections(async (db, other) => {
    await waitForWriteLock(db);
    expect(() => withWriteTransaction(db, () => {
      db.exec('INSERT INTO t VALUES (1)');
      throw new Error('a dry run');
    })).toThrow('a dry run');
    expect(holdsWaitedLock(db)).toBe(true);
    expect(otherCanWrite(other)).toBe(false);
    withWriteTransaction(db, () => db.exec('INSERT INTO t VALUES (2)'));
    expect(other.prepare('SELECT x FROM t').pluck().all()).toEqual([2]);
  }));

  it('is given back when the command awaits something first, keeping what was written in it', () => withTwoConnections(async (db, other) => {
    await waitForWriteLock(db);
    db.exec('INSERT INTO t VALUES (3)');
    await turn();
    expect(holdsWaitedLock(db)).toBe(false);
    expect(db.inTransaction).toBe(false);
    expect(other.prepare('SELECT x FROM t').pluck().all()).toEqual([3]);
    expect(otherCanWrite(other)).toBe(true);
  }));
});

describe('a large import into a new database', () => {
  it('switches to the rollback journal also while holding the lock it waited for (it wrote through the WAL unnoticed)', async () => {
    const { useRollbackJournal } = await import('../../../src/db/imports.js');
    const db = openDatabase(path.join(tempDir(), 'new.db'), { create: true });
    try {
      await waitForWriteLock(db);
      expect(holdsWaitedLock(db)).toBe(true);
      const restore = useRollbackJournal(db);
      expect(restore).not.toBeNull();
      expect(String(db.pragma('journal_mode', { simple: true }))).toBe('delete');
      restore!();
      expect(String(db.pragma('journal_mode', { simple: true }))).toBe('wal');
    } finally {
      db.close();
    }
  });
});
