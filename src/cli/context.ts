import type { Command } from 'commander';
import { canPrompt, info, processIO, type IO, type TextSink } from './io.js';
import fs from 'node:fs';
import path from 'node:path';
import type { DB } from '../db/connection.js';
import type { Prompts } from '../ui/prompts.js';
import { addCleanup, interruptOutcome } from './signals.js';
import { CliError, OperationError, UsageError } from '../errors.js';
import { faultOf } from '../files/faults.js';

/** Global flags, accepted before or after the command name. */
export interface GlobalFlags {
  db?: string;
  yes?: boolean;
  /** false with --no-color */
  color?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

/**
 * What a command's commander wiring needs: the IO for this run and the database path.
 * Tests replace makeIO to capture output without spawning a process.
 */
export interface CliContext {
  makeIO: (flags: GlobalFlags) => IO;
  /** Where commander writes help and its own usage errors (default: the process's streams). */
  streams?: { stdout: TextSink; stderr: TextSink };
}

export function defaultContext(): CliContext {
  return {
    makeIO: (flags) => processIO({ noColor: flags.color === false, quiet: flags.quiet, debug: flags.debug, yes: flags.yes }),
  };
}

/** --db FILE, else $SKILLSNET_DB, else ./skillsnet.db (relative to cwd). */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  // `--db "$DB"` with DB unset: the command went to ./skillsnet.db, another database than meant
  // (an erase, a merge there). An empty SKILLSNET_DB stays "not set", as shells have it.
  if (flag !== undefined && flag.trim() === '') {
    throw new UsageError('--db is empty', { hint: 'give the database file, e.g. --db skillsnet.db (a variable in --db "$DB" may be unset), or leave --db out for $SKILLSNET_DB or ./skillsnet.db' });
  }
  // (a SKILLSNET_DB of spaces alone, `export SKILLSNET_DB=" "`, is as unset: it named a file " ")
  return path.resolve(cwd, flag || env.SKILLSNET_DB?.trim() || 'skillsnet.db');
}

/** The global flags of the invocation, from any level of the command tree. */
export function globalsOf(cmd: Command): GlobalFlags {
  return cmd.optsWithGlobals() as GlobalFlags;
}

/** IO and database path for a command's action. */
export function invocation(ctx: CliContext, cmd: Command): { io: IO; dbPath: string; globals: GlobalFlags } {
  const globals = globalsOf(cmd);
  const io = ctx.makeIO(globals);
  return { io, dbPath: resolveDbPath(globals.db, io.env, io.cwd), globals };
}

/**
 * Opens the database for the duration of fn and always closes it. `write`: the command changes
 * the database (a file the officer made read-only is then refused; reading commands open it
 * read-only); `create` (which implies write) makes a new file when there is none.
 */
export async function withDatabase<T>(
  dbPath: string,
  /** `asks`: the command asks question after question (tag review): keys typed while it waits for the write lock go to the next question. */
  options: { create?: boolean; write?: boolean; dryRun?: boolean; io?: IO; asks?: boolean },
  fn: (db: DB) => Promise<T> | T,
): Promise<T> {
  // Loaded here, not at start-up: --help should not pay for SQLite.
  const { holdsWaitedLock, isEmptyFile, openWhenFree, releaseWriteLock, rollback, waitForWriteLock, WAITING_FOR_WRITER, waitingToOpen } = await import('../db/connection.js');
  // A dry run of a command that works inside a write transaction changes nothing: on a database
  // the officer made read-only it runs on a private copy rather than being refused (dryRunScratch).
  // (an empty file is no database to copy: openDatabase says so)
  const scratch = options.dryRun && options.write && fs.existsSync(dbPath) && !isEmptyFile(dbPath) ? await dryRunScratch(dbPath) : undefined;
  try {
    // (another program's write may keep the file from being read at all: said at once, and Ctrl-C answered)
    const db = await openWhenFree(scratch ? scratch.db : dbPath, { create: Boolean(options.create), write: Boolean(options.write || options.create) }, () => options.io && info(options.io, waitingToOpen(dbPath)));
    // Ctrl-C ends the process at once: a transaction still open is rolled back by its own
    // connection first, rather than left for the next command to find undone.
    // (a lock held since the last wait holds only writes that, without it, were each committed
    // at once: those are kept)
    const dropRollback = addCleanup(() => {
      if (!db.open || !db.inTransaction) return;
      if (holdsWaitedLock(db)) releaseWriteLock(db);
      else rollback(db);
    });
    // A writing command waits here for another writer, answerable to Ctrl-C, and holds the lock
    // for the work that follows at once (waitForWriteLock); and again after each question the
    // officer answers, since another writer may have come in while they read it.
    const writes = Boolean(options.write || options.create);
    const keepKeys = options.asks && options.io && canPrompt(options.io) ? (await import('../ui/typeahead.js')).keepTypedKeys : undefined;
    const waitForWriter = async () => {
      // (from the start of the wait: it is silent for the connection's busy timeout first)
      const stopKeeping = keepKeys?.();
      try {
        await waitForWriteLock(db, () => options.io && info(options.io, WAITING_FOR_WRITER + (keepKeys ? '\n  (keys typed meanwhile are kept for the next question)' : '')));
      } finally {
        stopKeeping?.();
      }
    };
    const restorePrompts = writes && options.io ? waitAfterAnswers(options.io, waitForWriter) : undefined;
    try {
      if (writes) await waitForWriter();
      let value: T;
      try {
        value = await fn(db);
      } catch (e) {
        throw writes ? withWhatWasKept(e, dbPath) : e;
      }
      // (a lock still held since the last wait is given back with what was written in it, not closed away)
      releaseWriteLock(db);
      return value;
    } finally {
      try {
        releaseWriteLock(db);
      } catch {
        /* the command's own error says more */
      }
      restorePrompts?.();
      dropRollback();
      db.close();
    }
  } finally {
    scratch?.release();
  }
}

/**
 * A database fault a writing command met with no words of its own (a full disk at member
 * import's or event attendance's commit): "cannot use the database: the disk is full" left the
 * officer to wonder what was saved. It now says it, as Ctrl-C would: the command's own words
 * where it keeps work in steps, else that the work in progress was rolled back.
 */
function withWhatWasKept(e: unknown, dbPath: string): unknown {
  if (e instanceof CliError) return e;
  const fault = faultOf(e, path.dirname(dbPath));
  if (!fault?.code.startsWith('SQLITE_')) return e;
  return new OperationError(`cannot use the database: ${fault.what} (${fault.code}); ${interruptOutcome()}`, { hint: fault.fix });
}

/** Makes each of io's questions, once answered, wait for the write lock; returns how to undo it. */
function waitAfterAnswers(io: IO, wait: () => Promise<void>): () => void {
  const prompts = io.prompts;
  io.prompts = async () => {
    const asked = await prompts();
    const wrapped: Record<string, unknown> = { ...asked };
    for (const [name, question] of Object.entries(asked)) {
      if (typeof question !== 'function') continue;
      wrapped[name] = async (...args: unknown[]) => {
        const answer: unknown = await question.apply(asked, args);
        // A confirmation answered no is a refusal ("Nothing erased."): nothing follows that
        // writes, and waiting for another writer there held the officer's "no" until it finished.
        if (name === 'confirm' && answer === false) return answer;
        await wait();
        return answer;
      };
    }
    return wrapped as unknown as Prompts;
  };
  return () => {
    io.prompts = prompts;
  };
}

/**
 * For a command that may create the database (member add, member import, event add): a dry run
 * against a database that does not exist yet works on a throw-away one, so it shows what would
 * happen and writes nothing, not even the file; and a command refused on a database it has just
 * created leaves no empty file behind. (`import` does the same around its own file checks.)
 */
export async function withCreatedDatabase<T>(dbPath: string, options: { dryRun?: boolean; io?: IO }, fn: (db: DB) => Promise<T> | T): Promise<T> {
  const isNew = !fs.existsSync(dbPath);
  const scratch = options.dryRun ? await dryRunScratch(dbPath) : undefined;
  try {
    return await withDatabase(scratch ? scratch.db : dbPath, { create: true, io: options.io }, fn);
  } catch (e) {
    if (isNew && !scratch && fs.existsSync(dbPath)) await (await import('../db/imports.js')).discardEmptyDatabase(dbPath);
    throw e;
  } finally {
    scratch?.release();
  }
}

/** Where a dry run works (see dryRunScratch). */
export interface DryRunScratch {
  /** The database the dry run opens. */
  db: string;
  /** Removes it and its folder; safe to call twice. */
  release(): void;
}

/**
 * A private folder (0700) holding dry-run.db, where a dry run that works inside a write
 * transaction (import, member add, event add) can run without touching the officer's file: a
 * throw-away database when the file does not exist yet, or a copy of a database the officer made
 * read-only (a dry run changes nothing, so it is not refused as a writer). Undefined: run on the
 * file itself. The caller releases it; Ctrl-C removes it too (a finally does not run on
 * process.exit, and the copy holds the whole database's personal data).
 */
export async function dryRunScratch(dbPath: string): Promise<DryRunScratch | undefined> {
  const { isEmptyFile, writeProtection } = await import('../db/connection.js');
  // (an empty file is a database not made yet, as a missing one: the dry run wrote the whole
  // schema into a touched skillsnet.db, 1.2 MB)
  const exists = fs.existsSync(dbPath) && !(fs.statSync(dbPath).isFile() && isEmptyFile(dbPath));
  if (exists && (!fs.statSync(dbPath).isFile() || !writeProtection(dbPath))) return undefined;
  const folder = (await import('../files/index.js')).makePrivateTempFolder('skillsnet-dry-run-');
  const remove = () => fs.rmSync(folder, { recursive: true, force: true });
  const dropCleanup = addCleanup(remove);
  const release = () => {
    dropCleanup();
    remove();
  };
  const db = path.join(folder, 'dry-run.db');
  if (exists) {
    try {
      const { backupDatabase } = await import('../db/maintenance.js');
      await backupDatabase(dbPath, db, {
        // (no backup the officer asked for: the words of db backup would mislead)
        fault: { action: `copy ${dbPath} for the dry run to ${folder}`, elsewhere: 'point TMPDIR at a folder on a disk with room for a copy of the database' },
      });
    } catch (e) {
      release();
      throw e;
    }
  }
  return { db, release };
}

/** One JSON document on stdout and nothing else there. */
export function printJson(io: IO, value: unknown): void {
  io.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
