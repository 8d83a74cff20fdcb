import type { Command } from 'commander';
import path from 'node:path';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, warn, type IO } from './io.js';
import { OperationError } from '../errors.js';
import type { BackupResult, DbCheckResult } from '../db/maintenance.js';
import type { CompactResult } from '../db/scrub.js';

export interface DbCheckOptions {
  dbPath: string;
  json?: boolean;
}

export interface DbBackupOptions {
  dbPath: string;
  file: string;
  force?: boolean;
  json?: boolean;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function humanBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * `db check`: integrity and foreign-key checks, rows per table and a plain verdict.
 * Exit 1 when the file is not sound, so scripts (cron, CI) can act on it.
 */
export async function runDbCheck(opts: DbCheckOptions, io: IO): Promise<DbCheckResult> {
  const { checkDatabase } = await import('../db/maintenance.js');
  const { renderTable } = await import('../ui/table.js');
  // (another program's write may keep the file from being read at all: said at once, and Ctrl-C answered)
  const { waitUntilReadable, waitingToOpen } = await import('../db/connection.js');
  await waitUntilReadable(opts.dbPath, () => info(io, waitingToOpen(opts.dbPath)));
  const result = checkDatabase(opts.dbPath);
  if (opts.json) printJson(io, result);
  else {
    const rows = Object.entries(result.tables).map(([table, count]) => [table, count]);
    if (rows.length) io.stdout.write(renderTable(io, ['table', 'rows'], rows));
    if (result.integrity.length && !(result.integrity.length === 1 && result.integrity[0] === 'ok')) {
      io.stdout.write(['integrity check:', ...result.integrity.map((l) => `  ${l}`)].join('\n') + '\n');
    }
    for (const p of result.foreignKeyProblems) {
      io.stdout.write(`foreign key: ${p.table} row ${p.rowid ?? '?'} points at a missing ${p.parent} row\n`);
    }
    for (const w of result.warnings) warn(io, w);
    if (result.ok) io.stdout.write(`${result.verdict}\n`);
  }
  if (!result.ok) {
    throw new OperationError(`${opts.dbPath}: ${result.verdict}`, { hint: checkHint(result) });
  }
  return result;
}

function checkHint(result: DbCheckResult): string {
  if (/not an SQLite database|not a skillsnet database/.test(result.verdict)) {
    return 'check that --db (or SKILLSNET_DB) points at your skillsnet database';
  }
  if (/newer skillsnet/.test(result.verdict)) return 'update skillsnet (git pull && npm install), then check again';
  return (
    'keep a copy of the file as it is, then restore your latest backup (skillsnet db backup makes them); ' +
    "sqlite3 FILE '.recover' | sqlite3 NEW.db can salvage rows from a damaged file"
  );
}

/** `db backup FILE`: a consistent, checked copy made while other commands may be writing. */
export async function runDbBackup(opts: DbBackupOptions, io: IO): Promise<BackupResult> {
  const { backupDatabase } = await import('../db/maintenance.js');
  const { startProgress } = await import('../ui/progress.js');
  const { addCleanup, setInterruptOutcome } = await import('./signals.js');
  setInterruptOutcome(() => `no backup was written (its temporary copy was removed)`);
  const progress = startProgress(io, 'backing up', 100, '');
  let result: BackupResult;
  try {
    result = await backupDatabase(opts.dbPath, opts.file, {
      force: opts.force,
      addCleanup,
      signal: (await import('./signals.js')).interruptSignal(),
      onProgress: (f) => progress.update(Math.round(f * 100)),
    });
  } finally {
    progress.stop();
  }
  // (a report that cannot be written now said "no backup was written" of a backup that was)
  const written = result;
  setInterruptOutcome(() => `the backup ${written.backup} was written and checked`);
  if (opts.json) printJson(io, result);
  else {
    const apps = result.tables.applications;
    info(
      io,
      `Backed up ${result.database} to ${result.backup}: ${humanBytes(result.bytes)}` +
        `${apps !== undefined ? `, ${plural(apps, 'application')}` : ''}, checked, readable by you only.`,
    );
    info(io, `To restore it: stop using the database, then copy ${result.backup} over it (or use it with --db).`);
  }
  return result;
}

/**
 * `db compact`: rebuilds the file (VACUUM) and empties its WAL, as erase does at its end: after an
 * erase whose rebuild failed (a full disk), the erased data's bytes leave the file now.
 */
export async function runDbCompact(opts: { dbPath: string; json?: boolean }, io: IO): Promise<CompactResult> {
  const { compactDatabase } = await import('../db/scrub.js');
  const { setInterruptOutcome } = await import('./signals.js');
  setInterruptOutcome(() => 'the database file was not rebuilt: it is as it was');
  return withDatabase(opts.dbPath, { io, write: true }, async (db) => {
    // (stopped after the rebuild's commit, while the WAL waits for another program's readers, the
    // file is rebuilt: "as it was" would be wrong)
    const onVacuumed = () => setInterruptOutcome(() => 'the database file was rebuilt, but its WAL not yet emptied (another program has it open): run skillsnet db compact again once that program is closed');
    const result = await compactDatabase(db, { onVacuumed });
    // (a report that cannot be written now said the WAL waited for another program when it was emptied)
    if (result.walEmptied) setInterruptOutcome(() => 'the database file was rebuilt and its WAL emptied');
    if (opts.json) printJson(io, result);
    else {
      info(io, `Rebuilt ${result.database}: ${humanBytes(result.bytesBefore)} before, ${humanBytes(result.bytesAfter)} now${result.walEmptied ? ', its WAL emptied' : ''}.`);
    }
    if (!result.walEmptied) warn(io, 'another program has the database open: its WAL could not be emptied; close it and run skillsnet db compact again');
    return result;
  });
}

export function registerDb(program: Command, ctx: CliContext): void {
  const db = program
    .command('db')
    .description('care of the database file: check it, back it up, rebuild it')
    .addHelpText(
      'after',
      '\nExamples:\n  skillsnet db check\n  skillsnet db check --json\n  skillsnet db backup backups/skillsnet-2024-06-30.db\n  skillsnet db compact',
    );
  db.command('check')
    .description('check the file: SQLite integrity, foreign keys, rows per table; exit 1 when it is not sound')
    .option('--json', 'print {"ok", "verdict", "integrity", "foreignKeyViolations", "tables", "warnings", ...}')
    .addHelpText(
      'after',
      '\nNothing is written: no migration, no repair. Exit 0 when the file is sound, 1 when it is not.\n\n' +
        'Examples:\n  skillsnet db check\n  skillsnet --db calls/2024.db db check --json\n' +
        '  skillsnet db check --quiet || echo "restore a backup"',
    )
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const { io, dbPath } = invocation(ctx, cmd);
      await runDbCheck({ dbPath, json: flags.json }, io);
    });
  db.command('backup')
    .description("copy the database to FILE with SQLite's online backup (safe while other commands write)")
    .argument('<file>', 'where to write the copy')
    .option('--force', 'replace FILE if it exists')
    .option('--json', 'print {"database", "backup", "bytes", "pages", "tables", "integrity"}')
    .addHelpText(
      'after',
      '\nThe copy is a single self-contained SQLite file, created readable by you only (0600) and\n' +
        'checked before it replaces anything; an interrupted backup or a full disk leaves nothing\n' +
        'behind and the earlier FILE as it was. FILE is never the database itself or its -wal/-shm\n' +
        'file under another name, nor a device or a folder.\n\n' +
        'Examples:\n  skillsnet db backup backups/skillsnet-2024-06-30.db\n  skillsnet --db calls/2024.db db backup /media/usb/2024.db --force',
    )
    .action(async (file: string, flags: { force?: boolean; json?: boolean }, cmd: Command) => {
      const { io, dbPath } = invocation(ctx, cmd);
      await runDbBackup({ dbPath, file: path.resolve(io.cwd, file), force: flags.force, json: flags.json }, io);
    });
  db.command('compact')
    .description('rebuild the file (VACUUM) and empty its WAL: freed space, and the bytes of erased data, leave it')
    .option('--json', 'print {"database", "bytesBefore", "bytesAfter", "walEmptied"}')
    .addHelpText(
      'after',
      '\nerase does this at its end; when that failed (a full disk: "could not be rebuilt"), run it\n' +
        'once there is room, as large again as the file. It waits for other programs writing to the\n' +
        'database; stopped halfway, it leaves the file as it was.\n\n' +
        'Examples:\n  skillsnet db compact\n  skillsnet --db calls/2024.db db compact --json',
    )
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const { io, dbPath } = invocation(ctx, cmd);
      await runDbCompact({ dbPath, json: flags.json }, io);
    });
}
