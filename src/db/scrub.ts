import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { OperationError } from '../errors.js';
import { faultOf } from '../files/index.js';
import type { DB } from './connection.js';

/**
 * What erase does to the file once the person is out of every table: the WAL checkpointed,
 * the file rebuilt (VACUUM) and the WAL emptied, so neither holds the erased bytes. It runs on a
 * connection of its own in a worker thread: on a large database it takes seconds, during which
 * the command's own thread stays free to hear Ctrl-C (and to say that the rebuild finishes first).
 */
const SCRUB_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true, timeout: workerData.timeout });
  // Waiting for other programs' readers in short steps, not in one native wait of the whole
  // timeout: a worker told to stop (Ctrl-C during db compact) stops between two steps, where
  // one wait kept the process from exiting for up to the timeout.
  const emptyWal = () => {
    const until = Date.now() + workerData.timeout;
    db.pragma('busy_timeout = 100');
    try {
      for (;;) {
        const [r] = db.pragma('wal_checkpoint(TRUNCATE)');
        if (!r || r.busy === 0 || Date.now() >= until) return r;
      }
    } finally {
      db.pragma('busy_timeout = ' + Number(workerData.timeout));
    }
  };
  emptyWal();
  db.exec('VACUUM');
  parentPort.postMessage({ vacuumed: true });
  const r = emptyWal();
  parentPort.postMessage({ walFramesLeft: r ? Math.max(0, r.log) : 0, checkpointed: !r || r.busy === 0 });
} catch (e) {
  parentPort.postMessage({ error: { message: String(e && e.message), code: e && e.code } });
} finally {
  if (db) db.close();
}
`;

export interface ScrubResult {
  walFramesLeft: number;
  checkpointed: boolean;
}

/**
 * Rebuilds the database file in a worker thread. The caller's connection must be idle (no
 * transaction open): the rebuild needs every other reader out of the way. `onVacuumed`: the
 * rebuild is committed, and only the WAL's emptying is left (which waits for other readers).
 */
export function scrubFileAside(file: string, timeoutMs = 10_000, onVacuumed?: () => void): Promise<ScrubResult> {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(SCRUB_SOURCE, { eval: true, workerData: { file, sqlite, timeout: timeoutMs } });
    // Settled when the worker has exited, its connection closed: until then the file and its -wal
    // are still changing (the last connection to close deletes the -wal), so a caller measuring
    // them, or a program reading them, right after the answer saw them half-way.
    let outcome: { result: ScrubResult } | { error: Error } | undefined;
    worker.on('message', (m: ScrubResult & { vacuumed?: true; error?: { message: string; code?: string } }) => {
      if (m.vacuumed) {
        onVacuumed?.();
        return;
      }
      if (outcome) return;
      outcome = m.error ? { error: Object.assign(new Error(m.error.message), { code: m.error.code }) } : { result: { walFramesLeft: m.walFramesLeft, checkpointed: m.checkpointed } };
    });
    worker.once('error', (e) => {
      outcome ??= { error: e };
    });
    worker.once('exit', (code) => {
      if (!outcome) reject(new Error(`the rebuild of ${file} stopped (exit ${code})`));
      else if ('error' in outcome) reject(outcome.error);
      else resolve(outcome.result);
    });
  });
}

export interface CompactResult {
  database: string;
  /** The file and its -wal before and after, in bytes. */
  bytesBefore: number;
  bytesAfter: number;
  /** The WAL was emptied too (false when another program holds the database open). */
  walEmptied: boolean;
}

/** The bytes of the database file and its -wal (0 for one that is not there). */
function bytesOnDisk(file: string): number {
  return [file, `${file}-wal`].reduce((sum, f) => {
    try {
      return sum + fs.statSync(f).size;
    } catch {
      return sum;
    }
  }, 0);
}

/**
 * `db compact`: the rebuild erase ends with, on its own. After an erase whose rebuild failed (a
 * full disk), the erased data's bytes may stay in the file's unused space until it runs. `db`
 * must be idle (no transaction open). A rebuild stopped halfway changes nothing (VACUUM is one
 * transaction).
 */
export async function compactDatabase(db: DB, options: { onVacuumed?: () => void } = {}): Promise<CompactResult> {
  const before = bytesOnDisk(db.name);
  try {
    const { checkpointed } = await scrubFileAside(db.name, undefined, options.onVacuumed);
    return { database: db.name, bytesBefore: before, bytesAfter: bytesOnDisk(db.name), walEmptied: checkpointed };
  } catch (e) {
    const fault = faultOf(e, path.dirname(db.name));
    if (!fault) throw e;
    throw new OperationError(`cannot rebuild ${db.name}: ${fault.what} (${fault.code}); the file is as it was`, { hint: fault.fix });
  }
}
