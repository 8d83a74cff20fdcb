import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { OperationError } from '../errors.js';
import { migrate } from './migrations.js';

export type DB = Database.Database;

export interface OpenOptions {
  /** Create the file when missing (commands that write). Read-only commands pass false. */
  create?: boolean;
  readonly?: boolean;
}

/**
 * Opens (and, when asked, creates) the database: mode 0600 because it holds
 * personal data, WAL so readers don't block the writer, foreign keys on, and a
 * busy timeout so a second process waits instead of failing with "database is locked".
 */
export function openDatabase(file: string, options: OpenOptions = {}): DB {
  const exists = fs.existsSync(file);
  if (!exists && !options.create) {
    throw new OperationError(`no database at ${file}`, {
      hint: 'import applications first (skillsnet import FILE), try the sample (skillsnet demo), or point --db / SKILLSNET_DB at your database',
    });
  }
  if (!exists) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Create the empty file ourselves so it is born 0600, never briefly world-readable.
    // Another process may create it at the same moment: then we use theirs.
    try {
      fs.closeSync(fs.openSync(file, 'wx', 0o600));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  let db: DB;
  try {
    db = new Database(file, { readonly: Boolean(options.readonly), fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (e) {
    throw cannotOpen(file, e);
  }
  try {
    // Several commands may open a new file at once: one creates the schema while the others
    // wait. Some lock conflicts (switching to WAL, recovering a WAL) return SQLITE_BUSY at
    // once instead of waiting, so the setup as a whole is retried until it goes through.
    retryWhileBusy(() => {
      refuseForeignDatabase(db, file);
      // Only a new, empty file takes it (before its first table; an existing file keeps its own).
      if (!options.readonly) db.pragma(`page_size = ${PAGE_SIZE}`);
      if (!options.readonly) db.pragma('journal_mode = WAL');
    });
    db.pragma('foreign_keys = ON');
    db.function('fold', { deterministic: true }, (value: unknown) => foldText(value == null ? '' : String(value)));
    db.pragma('synchronous = NORMAL');
    restrictMode(file);
    retryWhileBusy(() => (options.readonly ? checkVersion(db) : migrate(db)));
    // Said again now that the file's page size is known: SQLite sized the cache in pages of the
    // size it assumed on opening (4 KiB), which is 64 MB of 16 KiB pages.
    db.pragma(`cache_size = ${CACHE_SIZE}`);
  } catch (e) {
    if (db.open) db.close();
    if (e instanceof OperationError) throw e;
    throw cannotOpen(file, e);
  }
  return db;
}

const BUSY_TIMEOUT_MS = 10_000;

/**
 * Page size of a new database. An application row with its raw source row is about 1.8 KB, so
 * 4 KiB pages (SQLite's default) hold two and waste much of the rest, and an import spends
 * its time page by page: with 16 KiB pages, writing 100,000 applications costs about a third less
 * CPU. Cache sizes are set in KiB (CACHE_SIZE), so memory use does not change.
 */
const PAGE_SIZE = 16384;

/** Page cache of a connection, in the pragma's units (negative: KiB): better-sqlite3's default, 16 MB. */
const CACHE_SIZE = -16000;

function cannotOpen(file: string, e: unknown): OperationError {
  return new OperationError(`cannot open ${file} as a skillsnet database: ${(e as Error).message}`, {
    hint: 'check the path given to --db, or move the file aside and start a new database',
  });
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Runs fn again (after a short pause) while SQLite reports another connection's lock. */
function retryWhileBusy<T>(fn: () => T, maxWaitMs = BUSY_TIMEOUT_MS): T {
  const started = Date.now();
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; ; attempt++) {
    try {
      return fn();
    } catch (e) {
      if (!isBusy(e) || Date.now() - started > maxWaitMs) throw e;
      Atomics.wait(pause, 0, 0, Math.min(200, 10 * 2 ** attempt));
    }
  }
}

/** WAL and SHM side files hold the same personal data as the database. */
export function restrictMode(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.chmodSync(f, 0o600);
    } catch {
      /* side file not there yet */
    }
  }
}

function checkVersion(db: DB): void {
  migrate(db, { dryCheck: true });
}

/** Runs fn inside BEGIN IMMEDIATE ... COMMIT, retrying the BEGIN while another process holds the lock. */
export function withWriteTransaction<T>(db: DB, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/**
 * Starts a write transaction (BEGIN IMMEDIATE), waiting for as long as another skillsnet
 * process holds the write lock instead of failing with "database is locked". Use it for
 * transactions that span async work (a streamed import); pair with commit()/rollback().
 * onWait is called once if we have to wait, so the command can tell the user why.
 */
export async function beginWrite(db: DB, onWait?: () => void, maxWaitMs = 10 * 60_000): Promise<void> {
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) throw e;
      if (Date.now() - started > maxWaitMs) {
        throw new OperationError('another skillsnet process has been writing to this database for too long', {
          hint: 'wait for it to finish (or stop it), then run the command again',
        });
      }
      if (!told) {
        told = true;
        onWait?.();
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export function commit(db: DB): void {
  db.exec('COMMIT');
}

export function rollback(db: DB): void {
  if (db.inTransaction) db.exec('ROLLBACK');
}

/**
 * An SQLite file with tables but no skillsnet schema version belongs to some other program:
 * refuse it before anything (WAL mode, migrations, file mode) changes it.
 */
function refuseForeignDatabase(db: DB, file: string): void {
  // One statement, so both figures come from one snapshot: read apart, another process could
  // create the schema in between and a brand-new skillsnet file would look foreign.
  const { version, tables } = db
    .prepare("SELECT (SELECT user_version FROM pragma_user_version) AS version, (SELECT count(*) FROM sqlite_master WHERE type = 'table') AS tables")
    .get() as { version: number; tables: number };
  if (version !== 0 || tables === 0) return;
  db.close();
  throw new OperationError(`${file} is an SQLite database that skillsnet did not make; it was left as it was`, {
    hint: 'point --db (or SKILLSNET_DB) at a skillsnet database, or at a new file name to start one',
  });
}

/** Lower case without accents, for searches: "Café" and "cafe" are the same. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const statementCache = new WeakMap<DB, Map<string, Database.Statement>>();

/**
 * A prepared statement kept for the connection: functions called once per imported row (linking
 * an application to its organisation) would otherwise prepare the same SQL thousands of times.
 */
export function cachedStatement(db: DB, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}
