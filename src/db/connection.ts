import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { OperationError } from '../errors.js';
import { foldText, shellArg } from '../text.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';
import { faultError, faultOf, makePrivateFolder } from '../files/index.js';

export type DB = Database.Database;

// better-sqlite3 reads this once, when its native part loads on the first open: file names in
// URI form let a database in a read-only folder be opened as immutable (openReadOnly). Every
// path given to SQLite here is absolute, so no ordinary file name is taken for a URI.
process.env.SQLITE_USE_URI ??= '1';

export interface OpenOptions {
  /** Create the file when missing (commands that write). */
  create?: boolean;
  /**
   * The command writes (import, tag, select, ...): a database the officer made read-only is then
   * refused with a message instead of being opened. Commands that only read open such a file
   * read-only and work as usual.
   */
  write?: boolean;
  /** Open read-only whatever the file's mode (no migration, nothing written). */
  readonly?: boolean;
  /**
   * How long opening may block in SQLite's busy wait (default: the busy timeout, 10 s); a lock
   * still held then is thrown as SQLite's own SQLITE_BUSY, for openWhenFree to wait between tries.
   */
  busySliceMs?: number;
}

/**
 * Where a database of the same name is, when a command runs in another folder than the import
 * did (the usual slip: ./skillsnet.db is relative to the folder the command runs in): the
 * folders beside and just above the missing file, up to three, named as the officer would
 * type them. Hidden folders and node_modules are not looked into.
 */
export function databasesNearby(file: string): string[] {
  const folder = path.dirname(path.resolve(file));
  const name = path.basename(file);
  const found: string[] = [];
  const parent = path.dirname(folder);
  if (parent !== folder && isFile(path.join(parent, name))) found.push(parent);
  let entries: fs.Dirent[] = [];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    // an unreadable folder: nothing to suggest
  }
  const names = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules').map((e) => e.name).sort();
  for (const sub of names.slice(0, 500)) {
    if (found.length >= 3) break;
    if (isFile(path.join(folder, sub, name))) found.push(path.join(folder, sub));
  }
  return found.map((f) => path.relative(process.cwd(), f) || '.');
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** "skillsnet.db is in "Convocatoria Perú": go there (cd …) or add --db …", or undefined. */
export function elsewhereHint(file: string): string | undefined {
  const folders = databasesNearby(file);
  if (!folders.length) return undefined;
  const name = path.basename(file);
  const first = folders[0]!;
  const where = folders.map((f) => shellArg(f)).join(', ');
  const go = folders.length > 1 ? `${name} files are in ${where}: run the command in the folder of your call (for example cd ${shellArg(first)})` : `${name} is in ${where}: run the command in that folder (cd ${shellArg(first)})`;
  return `${go} or add --db ${shellArg(path.join(first, name))}`;
}

/**
 * Opens (and, when asked, creates) the database: a new file is born 0600 in a folder made 0700
 * because it holds personal data; WAL so readers don't block the writer; foreign keys on; and a
 * busy timeout so a second process waits instead of failing with "database is locked".
 *
 * A file the officer protected (no write permission, a read-only folder or disk) is respected:
 * reading commands open it read-only, writing commands are refused, and its mode is never changed.
 */
export function openDatabase(file: string, options: OpenOptions = {}): DB {
  const exists = fs.existsSync(file);
  const writes = Boolean(options.write || options.create);
  if (!exists && !options.create) {
    throw new OperationError(`no database at ${file}`, {
      hint: elsewhereHint(file) ?? 'import applications first (skillsnet import FILE), try the sample (skillsnet demo), or point --db / SKILLSNET_DB at your database',
    });
  }
  let readonly = Boolean(options.readonly);
  if (exists) {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new OperationError(`${file} is not a file`, { hint: 'point --db at the database file' });
    // An empty file is no database: a command that only reads (list, members, show) made the
    // schema in it and reported "0 applications" of a file emptied by accident (a copy that
    // failed, a disk that filled), or of `--db empty.csv`. A command that may create the database
    // takes it as a new one (`touch skillsnet.db`); so is one whose data still sits in its -wal.
    if (!options.create) refuseEmptyFile(file, stat.size);
    const protection = writeProtection(file);
    if (protection && writes && !readonly) throw readOnlyRefusal(file, protection);
    if (protection) readonly = true;
  } else {
    createDatabaseFile(file);
  }
  // The -wal and -shm of a reading command run while the file was write-protected (mode 0400) take
  // its mode and outlive it: made writable again, the file was opened with them read-only and the
  // first write failed ("cannot be written here", SQLITE_READONLY). Ours are made 0600 first.
  if (!readonly && exists) restrictSideFiles(file);
  let db: DB;
  try {
    db = readonly ? openReadOnly(file) : new Database(file, { fileMustExist: true, timeout: options.busySliceMs ?? BUSY_TIMEOUT_MS });
  } catch (e) {
    throw cannotOpen(file, e);
  }
  try {
    // Several commands may open a new file at once: one creates the schema while the others
    // wait. Some lock conflicts (switching to WAL, recovering a WAL) return SQLITE_BUSY at
    // once instead of waiting, so the setup as a whole is retried until it goes through.
    const slice = options.busySliceMs ?? BUSY_TIMEOUT_MS;
    retryWhileBusy(() => {
      refuseForeignDatabase(db, file);
      // A file from a newer skillsnet is refused before anything changes it (switched to WAL,
      // its header was rewritten on the way to "written by a newer skillsnet").
      migrate(db, { dryCheck: true });
      // Only a new, empty file takes it (before its first table; an existing file keeps its own).
      if (!readonly) db.pragma(`page_size = ${PAGE_SIZE}`);
      if (!readonly) db.pragma('journal_mode = WAL');
    }, slice);
    db.pragma('foreign_keys = ON');
    db.function('fold', { deterministic: true }, (value: unknown) => foldText(value == null ? '' : String(value)));
    if (!readonly) db.pragma('synchronous = NORMAL');
    if (!readonly) restrictSideFiles(file);
    retryWhileBusy(() => (readonly ? checkReadableVersion(db, file) : migrate(db)), slice);
    if (!readonly && slice !== BUSY_TIMEOUT_MS) db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Said again now that the file's page size is known: SQLite sized the cache in pages of the
    // size it assumed on opening (4 KiB), which is 64 MB of 16 KiB pages.
    db.pragma(`cache_size = ${CACHE_SIZE}`);
  } catch (e) {
    if (db.open) db.close();
    if (e instanceof OperationError) throw e;
    if (options.busySliceMs !== undefined && isBusy(e)) throw e;
    throw cannotOpen(file, e);
  }
  return db;
}

/** What a command says, at once, while another program's write keeps it from opening the database. */
export function waitingToOpen(file: string): string {
  return `another skillsnet is writing to ${file} (or an sqlite3 session holds it); waiting, Ctrl-C to stop...`;
}

/**
 * Opens the database as openDatabase does, waiting with the event loop free for as long as another
 * program holds it so that it cannot even be read (the first large import into a new database
 * writes it in rollback-journal mode, holding the file exclusively). SQLite's own wait blocked
 * the event loop: a reading command (list, stats, show) waited 10 s without a word, deaf to
 * Ctrl-C, then failed. It now says what it waits for at once (onWait, called once), answers
 * Ctrl-C between short tries, and waits as long as a writer does (10 minutes).
 */
export async function openWhenFree(file: string, options: OpenOptions, onWait: () => void, maxWaitMs = 10 * 60_000): Promise<DB> {
  try {
    return await whileBusy(() => openDatabase(file, { ...options, busySliceMs: WAIT_STEP_MS }), onWait, maxWaitMs);
  } catch (e) {
    throw isBusy(e) ? cannotOpen(file, e) : e;
  }
}

/** Whether the file is empty, with no log beside it: no database yet (a touched skillsnet.db, an empty.csv). */
export function isEmptyFile(file: string, size = fs.statSync(file).size): boolean {
  return size === 0 && !hasSideFile(file);
}

/** An empty file (no log beside it) is no database to a command that does not create one. */
export function refuseEmptyFile(file: string, size = fs.statSync(file).size): void {
  if (isEmptyFile(file, size)) {
    throw new OperationError(`${file} is empty (0 bytes): it holds no database`, {
      hint: 'check the path given to --db (or SKILLSNET_DB); if it held your data, restore your latest backup (skillsnet db backup makes them); to start a database there, import applications (skillsnet import FILE)',
    });
  }
}

/**
 * Whether the database has a write-ahead log or a journal beside it that holds something: its
 * content may all be in the log, or another command is making its schema this moment (then it is
 * waited for). An empty one holds nothing (both files emptied, or left by a run that wrote
 * nothing): `list` made the schema in the file and reported "0 applications". (A command making
 * the database has written the file's first page before its log is created.)
 */
export function hasSideFile(file: string): boolean {
  const base = sideFileBase(file);
  return [`${base}-wal`, `${base}-journal`].some((side) => {
    try {
      return fs.statSync(side).size > 0;
    } catch {
      return false;
    }
  });
}

/**
 * Where SQLite puts the file's -wal, -shm and -journal: beside the file a symbolic link points to
 * (SQLite follows the link), not beside the link. Looked for beside the link, a database given
 * as a link had none: its cut-short write read as half done on a read-only file, its side files
 * were not made private.
 */
export function sideFileBase(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** A new database file, born 0600 in a folder created 0700 (never briefly readable by others). */
function createDatabaseFile(file: string): void {
  makePrivateFolder(path.dirname(file));
  // Another process may create it at the same moment: then we use theirs.
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw faultError(e, { action: `create the database ${file}`, elsewhere: 'point --db at a folder you can write to' });
  }
}

/** Why the database cannot be written here, in words; undefined when it can. */
export interface WriteProtection {
  reason: string;
  fix: string;
}

/**
 * Whether the officer (or the system) protected the database against writing: a file without
 * write permission (checked by its mode too, since root may write anything), a folder SQLite
 * cannot write its journal in, or a read-only disk.
 */
export function writeProtection(file: string): WriteProtection | undefined {
  const stat = fs.statSync(file);
  const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
  const euid = typeof process.geteuid === 'function' ? process.geteuid() : undefined;
  const ownerCannot = (stat.mode & 0o200) === 0 && (euid === undefined || euid === stat.uid || euid === 0);
  const copy = 'or copy it to a folder you can write to and point --db at the copy';
  if ((stat.mode & 0o222) === 0 || ownerCannot) {
    return { reason: `its mode is ${mode}: write-protected`, fix: `to allow changes, make it writable again (chmod u+w "${file}"), ${copy}` };
  }
  const denied = (target: string) => {
    try {
      fs.accessSync(target, fs.constants.W_OK);
      return undefined;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code;
    }
  };
  const onFile = denied(file);
  if (onFile === 'EROFS') return { reason: 'it is on a read-only disk', fix: copy.replace(/^or /, '') };
  if (onFile) return { reason: 'you may not write to it', fix: `ask its owner for write access, ${copy}` };
  const onFolder = denied(path.dirname(file));
  if (onFolder === 'EROFS') return { reason: 'it is on a read-only disk', fix: copy.replace(/^or /, '') };
  if (onFolder) return { reason: 'its folder is read-only (SQLite writes its journal beside the file)', fix: `make the folder writable, ${copy}` };
  return undefined;
}

function readOnlyRefusal(file: string, protection: WriteProtection): OperationError {
  return new OperationError(`${file} is read-only (${protection.reason}); this command would change it, so nothing was done`, {
    hint: `commands that only read it (list, show, stats, export, db check) still work; ${protection.fix}`,
  });
}

/**
 * Opens read-only. A WAL database in a read-only folder has no shared-memory file and cannot
 * make one, so SQLite refuses it: it is then opened as immutable (nothing can change it there),
 * unless a write-ahead log beside it still holds changes, which only a writable folder can apply.
 */
export function openReadOnly(file: string): DB {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return db;
    } catch (e) {
      db.close();
      throw e;
    }
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_CANTOPEN') && !code.startsWith('SQLITE_READONLY')) throw e;
    const sideFiles = sideFilesRefusal(file, false);
    if (sideFiles) throw sideFiles;
    let walBytes = 0;
    const base = sideFileBase(file);
    try {
      walBytes = fs.statSync(`${base}-wal`).size;
    } catch {
      /* no log: nothing waits to be applied */
    }
    if (walBytes > 0) {
      throw new OperationError(`cannot open ${file} here: its folder is read-only and its write-ahead log (${path.basename(file)}-wal) holds changes not yet in the file`, {
        hint: `copy ${path.basename(file)} together with ${path.basename(file)}-wal to a folder you can write to and point --db at the copy`,
      });
    }
    // Opened as immutable, the file is read as it is, its journal unread: a write cut short (a
    // crash, a kill) in rollback-journal mode (a large import into a new database) read as half
    // done, and db check called the file damaged ("restore your latest backup") when opening it
    // once where it may be written undoes the write.
    if (hasHotJournal(file)) {
      const name = path.basename(base);
      const journal = base === file ? `${name}-journal` : `${base}-journal`;
      throw new OperationError(`cannot open ${file} here: it is read-only and its journal (${journal}) holds a write that was cut short (a crash or a kill), not yet undone; read as it is, the file would show that write half done`, {
        hint: `make it writable (chmod u+w "${file}", or its folder or disk) or copy ${name} together with ${name}-journal to a folder you can write to; then skillsnet db check there undoes the cut-short write and checks the file`,
      });
    }
    const db = new Database(`file:${encodeURI(file).replace(/\?/g, '%3f').replace(/#/g, '%23')}?immutable=1`, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  }
}

/**
 * Waits, with the event loop free, while another program holds the file so that it cannot be
 * read (see openWhenFree), for a command that opens it its own way (db check): onWait is called
 * once, at once. Any other fault is left for the command's own opening to report.
 */
export async function waitUntilReadable(file: string, onWait: () => void, maxWaitMs = 10 * 60_000): Promise<void> {
  let probe: DB;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, timeout: WAIT_STEP_MS });
  } catch {
    return;
  }
  try {
    await whileBusy(() => probe.prepare('SELECT count(*) FROM sqlite_master').get(), onWait, maxWaitMs);
  } catch {
    /* not readable for another reason, or still held: the command's own opening says so */
  } finally {
    probe.close();
  }
}

/** The first bytes of a rollback journal that still holds a transaction to undo (SQLite's journal magic). */
const JOURNAL_MAGIC = Buffer.from('d9d505f920a163d7', 'hex');

/**
 * Whether a rollback journal beside the file holds a write to undo ("hot"): one left empty,
 * truncated or with its header zeroed (a transaction that ended) holds none.
 */
export function hasHotJournal(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(`${sideFileBase(file)}-journal`, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(JOURNAL_MAGIC.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(JOURNAL_MAGIC);
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/** A read-only file must already have this tool's schema: bringing it up to date would write. */
function checkReadableVersion(db: DB, file: string): void {
  migrate(db, { dryCheck: true });
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > 0 && version < SCHEMA_VERSION) {
    throw new OperationError(`${file} is read-only and was written by an older skillsnet (schema ${version}, this tool knows ${SCHEMA_VERSION}): it must be brought up to date, which writes to it`, {
      hint: `make it writable (chmod u+w "${file}") and run skillsnet init once, or use it with the skillsnet that wrote it`,
    });
  }
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
  if (e instanceof OperationError) return e;
  const code = String((e as { code?: unknown })?.code ?? '');
  const sideFiles = /^SQLITE_(CANTOPEN|READONLY|IOERR)/.test(code) ? sideFilesRefusal(file, true) : undefined;
  if (sideFiles) return sideFiles;
  if (/^SQLITE_(NOTADB|CORRUPT)/.test(code)) {
    return new OperationError(`${file} is damaged or is not an SQLite database (${code})`, {
      hint: 'check the path given to --db; skillsnet db check says more, and your latest backup (skillsnet db backup) can replace a damaged file',
    });
  }
  const fault = faultOf(e, path.dirname(file));
  if (fault) return new OperationError(`cannot open ${file}: ${fault.what} (${fault.code})`, { hint: fault.fix });
  return new OperationError(`cannot open ${file} as a skillsnet database: ${(e as Error).message}`, {
    hint: 'check the path given to --db, or move the file aside and start a new database',
  });
}

/**
 * The -wal and -shm files beside a database, left by a run as another user (root, a service) and
 * not readable (or, for a writer, not writable) by this one: SQLite then cannot open the database,
 * which read as "a read-only folder" or "not permitted" without naming the file in the way.
 */
function sideFilesRefusal(file: string, writes: boolean): OperationError | undefined {
  const base = sideFileBase(file);
  for (const side of [`${base}-wal`, `${base}-shm`]) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(side);
    } catch {
      continue;
    }
    try {
      fs.accessSync(side, writes ? fs.constants.R_OK | fs.constants.W_OK : fs.constants.R_OK);
      continue;
    } catch {
      /* the one in the way */
    }
    const name = path.basename(side);
    const whose = typeof process.geteuid === 'function' && stat.uid !== process.geteuid() ? `, owned by another user (uid ${stat.uid})` : '';
    const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
    return new OperationError(`cannot open ${file}: you may not ${writes ? 'read and write' : 'read'} ${name} beside it (mode ${mode}${whose}), the ${side.endsWith('-wal') ? 'write-ahead log' : 'shared-memory file'} SQLite needs to open it`, {
      hint: `these files are left by a run as another user: have them open it once with skillsnet (skillsnet db check folds the log into the file and removes both), or give you access (chown or chmod ${path.basename(base)}-wal and ${path.basename(base)}-shm)`,
    });
  }
  return undefined;
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Runs attempt until it goes through, with the event loop free between tries (Ctrl-C answered)
 * while SQLite reports another connection's lock; onWait is called once, when the wait has lasted
 * tellAfterMs. A lock still held after maxWaitMs is thrown as SQLite's own error, for the caller
 * to word.
 */
async function whileBusy<T>(attempt: () => T, onWait: (() => void) | undefined, maxWaitMs: number, tellAfterMs = 0): Promise<T> {
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      return attempt();
    } catch (e) {
      if (!isBusy(e)) throw e;
      const waited = Date.now() - started;
      if (waited > maxWaitMs) throw e;
      if (!told && waited >= tellAfterMs) {
        told = true;
        onWait?.();
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
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

/**
 * The WAL and SHM side files hold the same personal data as the database: private whatever the
 * umask. (The database file itself keeps the mode it has: born 0600, or as its officer set it.)
 */
function restrictSideFiles(file: string): void {
  const base = sideFileBase(file);
  for (const f of [`${base}-wal`, `${base}-shm`]) {
    try {
      fs.chmodSync(f, 0o600);
    } catch {
      /* side file not there yet */
    }
  }
}

/**
 * Runs fn inside BEGIN IMMEDIATE ... COMMIT. When waitForWriteLock has just taken the write lock
 * for this connection, fn runs in it (no other writer can have come in between); otherwise the
 * BEGIN waits in SQLite's busy wait.
 */
export function withWriteTransaction<T>(db: DB, fn: () => T): T {
  if (!takeHeldLock(db)) return db.transaction(fn).immediate();
  let value: T;
  try {
    // (in a savepoint: fn failing undoes its own writes, as a transaction of its own would)
    value = db.transaction(fn)();
  } catch (e) {
    // Nothing was written (a failed or dry-run write): the lock stays held for the next one.
    heldLocks.add(db);
    throw e;
  }
  commitHeldLock(db);
  return value;
}

/** What a command says, once, while beginWrite waits for another writer. */
export const WAITING_FOR_WRITER = 'Waiting for another skillsnet command to finish writing to this database (or an sqlite3 or sqlite-utils session that began a write)...';

/**
 * Starts a write transaction (BEGIN IMMEDIATE), waiting for as long as another skillsnet
 * process holds the write lock instead of failing with "database is locked". Use it for
 * transactions that span async work (a streamed import); pair with commit()/rollback().
 * onWait is called once if we have to wait, so the command can tell the user why.
 */
export async function beginWrite(db: DB, onWait?: () => void, maxWaitMs = 10 * 60_000): Promise<void> {
  // The lock waitForWriteLock took for this stretch of work: this transaction is it.
  if (takeHeldLock(db)) return;
  // SQLite's busy wait blocks the event loop (Ctrl-C unanswered for its 10 seconds): the wait is
  // made of short tries instead, with the event loop free between them; the user is told once
  // the connection's own busy timeout has gone by, as before.
  const busyTimeout = Number(db.pragma('busy_timeout', { simple: true })) || 0;
  const shortTry = Math.min(busyTimeout, WAIT_STEP_MS);
  if (shortTry !== busyTimeout) db.pragma(`busy_timeout = ${shortTry}`);
  try {
    await whileBusy(() => db.exec('BEGIN IMMEDIATE'), onWait, maxWaitMs, busyTimeout);
  } catch (e) {
    if (!isBusy(e)) throw e;
    // (the writer may be no skillsnet at all: an sqlite3 or sqlite-utils session left with a transaction open)
    throw new OperationError('another program has been writing to this database for too long (another skillsnet command, or an sqlite3 or sqlite-utils session that began a write)', {
      hint: 'wait for it to finish, or stop it (COMMIT or ROLLBACK in an open sqlite3 session, or quit it), then run the command again',
    });
  } finally {
    if (shortTry !== busyTimeout) db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

/**
 * Waits, with the event loop free, until no other process holds the write lock, and takes it for
 * the synchronous stretch of work that follows: for commands whose writes are short synchronous
 * transactions (withWriteTransaction). Their own wait is SQLite's busy wait, which blocks the
 * event loop (Ctrl-C unanswered for 10 seconds, then SQLITE_BUSY). The lock taken here was
 * given back at once, so a writer that came in before the command's write (while the officer
 * answered a question) sent it back to SQLite's wait, and to "database is locked": now the first
 * write transaction of the stretch uses this lock, and when the command awaits anything first (a
 * question, a file) the lock is given back, anything written in it kept.
 */
export async function waitForWriteLock(db: DB, onWait?: () => void, maxWaitMs?: number): Promise<void> {
  if (db.readonly || db.inTransaction) return;
  await beginWrite(db, onWait, maxWaitMs);
  heldLocks.add(db);
  // (a callback of its own, after the synchronous stretch and every promise it settles)
  setImmediate(() => releaseWriteLock(db));
}

/** Connections holding a lock waitForWriteLock took, not yet used by a write transaction. */
const heldLocks = new WeakSet<DB>();

/** Whether the connection holds a lock waitForWriteLock took, unused yet (its transaction is not a caller's). */
export function holdsWaitedLock(db: DB): boolean {
  return heldLocks.has(db) && db.open && db.inTransaction;
}

/** Gives back a lock waitForWriteLock took and no write transaction used, keeping what was written in it. */
export function releaseWriteLock(db: DB): void {
  if (takeHeldLock(db)) commitHeldLock(db);
}

/** Takes over the lock waitForWriteLock took: true when the caller now owns its open transaction. */
function takeHeldLock(db: DB): boolean {
  return heldLocks.delete(db) && db.open && db.inTransaction;
}

function commitHeldLock(db: DB): void {
  try {
    if (db.inTransaction) db.exec('COMMIT');
  } catch (e) {
    // (a failed COMMIT can leave the transaction open: nothing of it is kept)
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

/** How long one try of beginWrite may block (SQLite's busy wait), in milliseconds. */
const WAIT_STEP_MS = 100;

/**
 * Runs fn in a savepoint of this name (inside a transaction begun by the caller, or on its own):
 * kept when `keep`, rolled back otherwise (a dry run) and whenever fn throws.
 */
export function inSavepoint<T>(db: DB, name: string, keep: boolean, fn: () => T): T {
  const outermost = !db.inTransaction;
  db.exec(`SAVEPOINT ${name}`);
  try {
    const value = fn();
    if (keep) db.exec(`RELEASE ${name}`);
    else undoSavepoint(db, name, outermost);
    return value;
  } catch (e) {
    undoSavepoint(db, name, outermost);
    throw e;
  }
}

/**
 * Undoes a savepoint. One that began the transaction ends it with ROLLBACK: ROLLBACK TO then
 * RELEASE would commit the pages it had touched, unchanged, so a dry run (event attendance
 * --dry-run, event link --dry-run) wrote them to the WAL and the closing checkpoint wrote them
 * back: the database file's modification time changed though nothing in it did.
 */
function undoSavepoint(db: DB, name: string, outermost: boolean): void {
  // (a transaction the caller already rolled back has no savepoint left to undo)
  if (!db.inTransaction) return;
  if (outermost) {
    db.exec('ROLLBACK');
    return;
  }
  db.exec(`ROLLBACK TO ${name}`);
  db.exec(`RELEASE ${name}`);
}

/** inSavepoint for work that pauses (awaits) between its steps, inside the caller's transaction. */
export async function inSavepointInSteps<T>(db: DB, name: string, keep: boolean, fn: () => Promise<T>): Promise<T> {
  const outermost = !db.inTransaction;
  db.exec(`SAVEPOINT ${name}`);
  try {
    const value = await fn();
    if (keep) db.exec(`RELEASE ${name}`);
    else undoSavepoint(db, name, outermost);
    return value;
  } catch (e) {
    undoSavepoint(db, name, outermost);
    throw e;
  }
}

/**
 * Runs a write written as a generator that yields after each row: at once (drain), or with the
 * event loop free every ~50 ms (drainInSteps, `pause` being a checkpoint that throws on Ctrl-C).
 * One body serves a link's short rematch and an import's 40,000 rows, which in one synchronous
 * block left Ctrl-C unanswered for 2 s.
 */
export function drain<R>(steps: Generator<unknown, R>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export async function drainInSteps<R>(steps: Generator<unknown, R>, pause: () => Promise<void>): Promise<R> {
  let started = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - started > 50) {
      try {
        await pause();
      } catch (e) {
        // (the steps ended here, their finally blocks run: a statement they read was left open, and
        // the rollback after Ctrl-C, and closing the database, failed with "connection is busy")
        steps.return(undefined as R);
        throw e;
      }
      started = performance.now();
    }
  }
}

/**
 * Runs `fn`, work in steps with pauses between them, inside one read transaction: every read sees
 * the database as it was when the first was made, whatever another process commits during the
 * pauses (read apart, an export's applications and the names, rosters and members read after
 * them could come from either side of another command's change). Inside a transaction already,
 * `fn` runs in that one. Nothing may be written inside: the transaction ends before any write.
 */
export async function inReadSnapshot<T>(db: DB, fn: () => Promise<T>): Promise<T> {
  if (db.inTransaction) return fn();
  db.exec('BEGIN');
  let value: T;
  try {
    // (a deferred BEGIN reads nothing: the snapshot is taken by this first read, not by fn's)
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    value = await fn();
  } catch (e) {
    rollback(db);
    throw e;
  }
  if (db.inTransaction) db.exec('COMMIT');
  return value;
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

/** Lower case without accents, for searches (the SQL fold()): "Café" and "cafe" are the same. */
export { foldText };

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
