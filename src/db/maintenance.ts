import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { OperationError } from '../errors.js';
import { checkpoint } from '../reporting.js';
import { SCHEMA_VERSION } from './migrations.js';
import { elsewhereHint, hasSideFile, openReadOnly, refuseEmptyFile, writeProtection, type DB } from './connection.js';
import { checkTarget, faultError, faultOf, makePrivateFolder, syncFolder } from '../files/index.js';
import { diskFull } from '../files/faults.js';

/**
 * Care of the database file: an integrity check that never writes, and a consistent
 * copy through SQLite's online backup. Nothing here prints a row's content: reports
 * carry table names, counts and SQLite's own diagnostics only (no personal data).
 */

export interface ForeignKeyProblem {
  table: string;
  rowid: number | null;
  parent: string;
}

export interface DbCheckResult {
  database: string;
  ok: boolean;
  /** One plain sentence: what the check found. */
  verdict: string;
  sizeBytes: number;
  schemaVersion: number | null;
  toolSchemaVersion: number;
  journalMode: string | null;
  /** PRAGMA integrity_check output: ["ok"] when sound. */
  integrity: string[];
  foreignKeyViolations: number;
  /** The first violations (at most 20), to find them again with sqlite3. */
  foreignKeyProblems: ForeignKeyProblem[];
  /** Rows per table, in name order. */
  tables: Record<string, number>;
  /** Problems that do not make the file unsound (file readable by others, older schema). */
  warnings: string[];
}

const MAX_INTEGRITY_LINES = 100;
const MAX_FK_PROBLEMS = 20;

/**
 * Opens an existing file read-only, without migrating or changing it (a file in a read-only
 * folder too); a write-ahead log left by a crash is still read.
 */
function openExisting(file: string): DB {
  if (!fs.existsSync(file)) {
    throw new OperationError(`no database at ${file}`, {
      hint: elsewhereHint(file) ?? 'point --db or SKILLSNET_DB at your database (default ./skillsnet.db)',
    });
  }
  if (!fs.statSync(file).isFile()) {
    throw new OperationError(`${file} is not a file`, { hint: 'point --db at the database file' });
  }
  // A protected file (read-only mode, folder or disk) is read as it is; any other is opened as
  // usual, so that closing it folds a write-ahead log back into the file and leaves no side files.
  const db = writeProtection(file) ? openReadOnly(file) : new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  return db;
}

/**
 * A file that cannot be opened or read here (permissions, a read-only folder, a lock held by
 * another program) is not a damaged file: say so, instead of a verdict about the file.
 */
function cannotCheckHere(file: string, e: unknown): OperationError | undefined {
  if (e instanceof OperationError) return e;
  const code = String((e as { code?: unknown })?.code ?? '');
  if (/^SQLITE_(NOTADB|CORRUPT)|^SQLITE_IOERR_SHORT_READ/.test(code)) return undefined;
  // (the folder: a full disk met as SQLite sizes its shared memory is an I/O error, called so)
  const fault = faultOf(e, path.dirname(file));
  if (!fault) return undefined;
  return new OperationError(`cannot check ${file} here: ${fault.what} (${fault.code}); this says nothing about whether the file is sound`, {
    hint: fault.fix,
  });
}

function sqliteMessage(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return err?.message ?? String(e);
}

/** Whether the file (or its WAL/SHM side files) can be read by anyone but the owner. */
export function exposedFiles(file: string): string[] {
  const exposed: string[] = [];
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (process.platform !== 'win32' && (fs.statSync(f).mode & 0o077) !== 0) exposed.push(f);
    } catch {
      /* side file not there */
    }
  }
  return exposed;
}

/**
 * PRAGMA integrity_check and foreign_key_check, rows per table, schema version and
 * file permissions. Never writes to the database (no migration, no repair).
 */
export function checkDatabase(file: string): DbCheckResult {
  const result: DbCheckResult = {
    database: file,
    ok: false,
    verdict: '',
    sizeBytes: 0,
    schemaVersion: null,
    toolSchemaVersion: SCHEMA_VERSION,
    journalMode: null,
    integrity: [],
    foreignKeyViolations: 0,
    foreignKeyProblems: [],
    tables: {},
    warnings: [],
  };
  let db: DB | undefined;
  try {
    try {
      db = openExisting(file);
    } catch (e) {
      throw cannotCheckHere(file, e) ?? e;
    }
    result.sizeBytes = fs.statSync(file).size;
    // (an empty file passes SQLite's checks as an empty database: it is no skillsnet database)
    if (result.sizeBytes === 0 && !hasSideFile(file)) {
      result.verdict = 'not ok: the file is empty, not a skillsnet database';
      return result;
    }
    for (const f of exposedFiles(file)) {
      result.warnings.push(`${f} can be read by other users of this computer; it holds personal data (fix: chmod 600 "${f}")`);
    }
    try {
      result.schemaVersion = db.pragma('user_version', { simple: true }) as number;
      result.journalMode = String(db.pragma('journal_mode', { simple: true }));
      result.integrity = (db.pragma(`integrity_check(${MAX_INTEGRITY_LINES})`) as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (e) {
      const here = cannotCheckHere(file, e);
      if (here) throw here;
      result.integrity = [sqliteMessage(e)];
      result.verdict = notSoundVerdict(result.integrity);
      return result;
    }
    const fk = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
    result.foreignKeyViolations = fk.length;
    result.foreignKeyProblems = fk.slice(0, MAX_FK_PROBLEMS).map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent }));
    result.tables = countTables(db);
  } catch (e) {
    const here = cannotCheckHere(file, e);
    if (here) throw here;
    result.integrity = result.integrity.length ? result.integrity : [sqliteMessage(e)];
    result.verdict = notSoundVerdict(result.integrity);
    return result;
  } finally {
    db?.close();
  }

  const sound = result.integrity.length === 1 && result.integrity[0] === 'ok';
  const problems: string[] = [];
  if (!sound) problems.push(`the integrity check found ${result.integrity.length}${result.integrity.length >= MAX_INTEGRITY_LINES ? '+' : ''} problem${result.integrity.length === 1 ? '' : 's'}`);
  if (result.foreignKeyViolations) {
    problems.push(`${result.foreignKeyViolations} row${result.foreignKeyViolations === 1 ? '' : 's'} point${result.foreignKeyViolations === 1 ? 's' : ''} at rows that no longer exist`);
  }
  if (result.schemaVersion !== null && result.schemaVersion > SCHEMA_VERSION) {
    problems.push(`the file was written by a newer skillsnet (schema ${result.schemaVersion}, this tool knows ${SCHEMA_VERSION})`);
  } else if (result.schemaVersion === 0 && Object.keys(result.tables).length > 0) {
    problems.push('this SQLite file is not a skillsnet database (it has tables but no skillsnet schema)');
  } else if (result.schemaVersion !== null && result.schemaVersion < SCHEMA_VERSION) {
    result.warnings.push(`schema ${result.schemaVersion} is older than this tool's ${SCHEMA_VERSION}; the next command that writes brings it up to date`);
  }
  result.ok = problems.length === 0;
  const apps = result.tables.applications;
  result.verdict = result.ok
    ? `ok: the database is sound${apps !== undefined ? ` (${apps} application${apps === 1 ? '' : 's'})` : ''}` +
      (result.warnings.length ? `, with ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : '')
    : `not ok: ${problems.join('; ')}`;
  return result;
}

function notSoundVerdict(integrity: string[]): string {
  const first = integrity[0] ?? '';
  if (/not a database|file is encrypted/i.test(first)) return 'not ok: this file is not an SQLite database';
  return `not ok: SQLite cannot read the file (${first})`;
}

export interface BackupOptions {
  force?: boolean;
  /** Called with the fraction done (0..1) while pages are copied. */
  onProgress?: (fraction: number) => void;
  /** Registers a clean-up to run on Ctrl-C; returns its remover. */
  addCleanup?: (fn: () => void) => () => void;
  /** Aborted (Ctrl-C): the backup stops at its next pause, and its temporary copy is removed. */
  signal?: AbortSignal;
  /**
   * A fault's words when the copy is no backup the officer asked for (a dry run's private copy):
   * what could not be done, and where else to do it. Default: "write the backup FILE".
   */
  fault?: { action: string; elsewhere: string };
}

export interface BackupResult {
  database: string;
  backup: string;
  bytes: number;
  pages: number;
  /** Rows per table in the copy. */
  tables: Record<string, number>;
  integrity: 'ok';
}

/**
 * Copies the database to dest through SQLite's online backup API, consistent even while
 * another process writes: all pages are copied in one step, inside one read snapshot (in
 * WAL mode that does not block the writer). The copy is written to a temporary file born
 * 0600 next to dest, checked, switched to a single-file journal mode and renamed into place,
 * so dest is either the old file or a complete backup, never half of one.
 */
export async function backupDatabase(source: string, dest: string, options: BackupOptions = {}): Promise<BackupResult> {
  const given = path.resolve(dest);
  const hint = 'give another file name, e.g. skillsnet db backup backups/skillsnet-2026-12-01.db';
  // Where the copy would really land (through symbolic links to the file or its folders), so
  // that neither the database nor its side files can be written over under another name.
  let target = path.join(realFolder(path.dirname(given)), path.basename(given));
  try {
    target = fs.realpathSync(given);
  } catch {
    /* a new file: its folder's real path */
  }
  refuseLiveFiles(source, target, hint);
  const state = checkTarget(given, { force: Boolean(options.force), what: 'backup file name' });
  // (an empty file was "backed up" as a 4 KB database, "checked": it is no database to copy)
  if (fs.existsSync(source) && fs.statSync(source).isFile()) refuseEmptyFile(source);
  const db = openExisting(source);
  const kept = state.kind === 'file' ? `the earlier ${path.basename(target)} was kept as it was` : 'no backup was written';
  const fail = (e: unknown) => {
    // The disk holding the database full, the backup's disk not: SQLite could not read the
    // database there (no room for its shared memory), which read as the backup file's disk
    // failing ("give a backup file on another disk", to an officer whose backup disk had room).
    const code = String((e as { code?: unknown } | null)?.code ?? '');
    if (!(e instanceof OperationError) && /^SQLITE_(IOERR|FULL)/.test(code) && diskFull(path.dirname(source)) && !diskFull(path.dirname(target))) {
      return new OperationError(`cannot back up ${source}: the disk holding the database is full (${code}); ${kept}`, {
        hint: 'free some space on that disk (SQLite needs a little room there even to read the database), then run the command again',
      });
    }
    return options.fault
      ? faultError(e, { ...options.fault, folder: path.dirname(target) })
      : faultError(e, { action: `write the backup ${dest}`, kept, elsewhere: 'give a backup file on another disk', folder: path.dirname(target) });
  };
  let tmp: string | undefined;
  const removeTmp = () => {
    if (tmp) for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  };
  const dropCleanup = options.addCleanup?.(removeTmp);
  try {
    makePrivateFolder(path.dirname(target));
    tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    // Born 0600: the copy holds the same personal data as the database.
    try {
      fs.closeSync(fs.openSync(tmp, 'wx', 0o600));
    } catch (e) {
      tmp = undefined;
      throw e;
    }
    let pages = 0;
    let copied = 0;
    let restarted = false;
    try {
      const done = await db.backup(tmp, {
        progress: ({ totalPages, remainingPages }) => {
          pages = totalPages;
          options.onProgress?.(totalPages ? (totalPages - remainingPages) / totalPages : 1);
          // Steps of STEP_PAGES, with a pause between them for Ctrl-C. A writer in another
          // process makes the copy start again at its next step: then the rest is copied in one
          // step (one snapshot), so that a busy writer cannot keep the backup from finishing.
          if (totalPages - remainingPages < copied) restarted = true;
          copied = totalPages - remainingPages;
          return restarted ? 0x7fffffff : STEP_PAGES;
        },
      });
      pages = done.totalPages;
    } catch (e) {
      if (faultOf(e, path.dirname(target))) throw e;
      throw new OperationError(`the backup failed: ${sqliteMessage(e)}`, {
        hint: 'check that the database is sound (skillsnet db check) and that there is room on the disk',
      });
    }
    // Pauses between the long steps (checking a copy of a large database takes seconds): Ctrl-C is answered there.
    const pause = () => checkpoint(options.signal, 'interrupted; no backup was written');
    await pause();
    const copy = new Database(tmp, { fileMustExist: true });
    let tables: Record<string, number> = {};
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') {
        throw new OperationError(`the copy did not pass SQLite's check (${String(check)})`, {
          hint: 'run skillsnet db check on the database; the backup was not kept',
        });
      }
      await pause();
      tables = countTables(copy);
    } finally {
      copy.close();
    }
    await pause();
    fs.chmodSync(tmp, 0o600);
    // Synced off the main thread: a large copy takes seconds to reach the disk, and Ctrl-C must not wait.
    const handle = await fs.promises.open(tmp, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await pause();
    // Checked again just before the rename: nothing but a regular file is ever replaced.
    checkTarget(given, { force: Boolean(options.force), what: 'backup file name' });
    fs.renameSync(tmp, target);
    tmp = undefined;
    syncFolder(path.dirname(target));
    options.onProgress?.(1);
    return { database: source, backup: target, bytes: fs.statSync(target).size, pages, tables, integrity: 'ok' };
  } catch (e) {
    removeTmp();
    throw fail(e);
  } finally {
    dropCleanup?.();
    db.close();
  }
}

/** A folder's real path; for a folder still to be made, its nearest existing parent's, plus the rest. */
function realFolder(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    const parent = path.dirname(dir);
    return parent === dir ? dir : path.join(realFolder(parent), path.basename(dir));
  }
}

/** Refuses a backup onto the database or its side files (-wal, -shm, -journal), under any name. */
function refuseLiveFiles(source: string, target: string, hint: string): void {
  let real = path.resolve(source);
  try {
    real = fs.realpathSync(source);
  } catch {
    /* openExisting says the database is missing */
  }
  const live = [real, `${real}-wal`, `${real}-shm`, `${real}-journal`];
  const same = (a: string, b: string) => {
    if (a === b) return true;
    try {
      const x = fs.statSync(a);
      const y = fs.statSync(b);
      return x.dev === y.dev && x.ino === y.ino;
    } catch {
      return false;
    }
  };
  const hit = live.find((f) => same(f, target));
  if (hit === undefined) return;
  const what = hit === real ? 'the database itself' : `the database's ${hit.slice(real.length + 1)} file, part of the live database`;
  throw new OperationError(`the backup file is ${what}`, { hint });
}

/** Pages copied per backup step (16 MiB of 16 KiB pages): Ctrl-C is answered between steps. */
const STEP_PAGES = 1024;

/** Rows per table (SQLite's internal tables left out), in name order. */
export function countTables(db: DB): Record<string, number> {
  const out: Record<string, number> = {};
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  for (const t of tables) out[t] = db.prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`).pluck().get() as number;
  return out;
}
