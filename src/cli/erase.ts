import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { canPrompt, info, warn, type IO } from './io.js';
import { UsageError } from '../errors.js';
import type { DB } from '../db/connection.js';
import type { EraseReport } from '../network/erase.js';

/**
 * erase: a person's name, email and phone out of the database and its file. Asks first on a
 * terminal; needs --yes elsewhere. Nothing printed repeats the person's data.
 */
export async function runErase(opts: { dbPath: string; who: string; dryRun?: boolean; json?: boolean }, io: IO): Promise<EraseReport> {
  const { erasePerson } = await import('../network/erase.js');
  return withDatabase(opts.dbPath, { io, write: true, dryRun: opts.dryRun }, async (db) => {
    // (with --yes nothing needs the preview: the erase runs once, not twice)
    const preview = opts.dryRun || !io.yes ? await erasePerson(db, opts.who, { dryRun: true }) : undefined;
    if (preview && !opts.dryRun && !io.yes) {
      // CONTRACT: destructive steps need --yes off a terminal; without it the command was used wrongly (exit 2), as roster delete and event delete
      if (!canPrompt(io)) throw new UsageError('erase removes a person\'s data for good and needs confirmation', { hint: 'check what would go with --dry-run, then add --yes' });
      io.stdout.write(`Erasing ${preview.subject} would remove their name, email and phone from ${preview.removed.map((r) => r.table).join(', ') || 'no table'}.\n`);
      (await import('./signals.js')).setInterruptOutcome(() => 'nothing was erased');
      if (!(await (await io.prompts()).confirm('Erase them? This cannot be undone.', false))) {
        info(io, 'Nothing erased.');
        return preview;
      }
    }
    const report = opts.dryRun ? preview! : await eraseAndRebuild(db, opts.who, io);
    if (opts.json) printJson(io, report);
    else {
      // Their applications stay (the organisation's), without the contact; a person with none ("0 applications keep...") needs no words.
      const n = report.applications.length;
      const kept = n ? ` (${n === 1 ? 'their application stays' : `their ${n} applications stay`}, with the organisation, without the contact)` : '';
      io.stdout.write(`${opts.dryRun ? 'Dry run: would erase' : 'Erased'} ${report.subject}${kept}:\n`);
      for (const r of report.removed) io.stdout.write(`  ${r.label}: ${r.rows} row${r.rows === 1 ? '' : 's'}\n`);
      for (const r of report.alsoFound) io.stdout.write(`  also in ${r.table}.${r.column}: ${r.rows} row${r.rows === 1 ? '' : 's'}\n`);
      if (!opts.dryRun) io.stdout.write(report.file.walEmptied ? 'The database file was rebuilt and its WAL emptied: the bytes are gone from both.\n' : '');
      if (!opts.dryRun && !report.file.walEmptied) warn(io, 'another program has the database open: its WAL could not be emptied; close it and run skillsnet db check');
      if (report.exports.length) {
        io.stdout.write(`\nEarlier exports carried their data (outside the database: delete or correct them yourself):\n`);
        for (const e of report.exports) io.stdout.write(`  ${e.exportedAt.slice(0, 16).replace('T', ' ')}  ${e.command} --format ${e.format}  ${e.path ?? '(stdout)'}${e.withContactDetails ? '  (with contact details)' : '  (names)'}\n`);
      } else io.stdout.write('No export logged since the export log began carried their data.\n');
      if (opts.dryRun && report.applications.length) {
        // (who it is, without repeating their data here: the application IDs a show names them by)
        const ids = report.applications.slice(0, 5);
        info(io, `Check that this is the person meant: skillsnet show ${ids[0]}${ids.length > 1 ? ` (their applications: ${ids.join(', ')}${report.applications.length > 5 ? ', ...' : ''})` : ''} names the contact.`);
      }
      if (opts.dryRun) info(io, 'Nothing was changed. Erase: add --yes (or answer on a terminal).');
    }
    return report;
  });
}

/**
 * The erase itself. The write lock is held from its wait to the erase (no other writer comes in
 * after a question); once erased, the file is rebuilt in a worker thread so that their data leaves
 * its bytes: Ctrl-C from then on is heard at once and lets the rebuild finish (stopped halfway,
 * the bytes would stay), saying so.
 */
async function eraseAndRebuild(db: DB, who: string, io: IO): Promise<EraseReport> {
  const { erasePerson } = await import('../network/erase.js');
  const { finishBeforeExit, setInterruptOutcome, stopIfInterrupted } = await import('./signals.js');
  const { waitForWriteLock, WAITING_FOR_WRITER } = await import('../db/connection.js');
  await waitForWriteLock(db, () => info(io, WAITING_FOR_WRITER));
  let forgetRebuild = () => {};
  let report: EraseReport;
  try {
    report = await erasePerson(db, who, {
      onErased: (erased, rebuilt) => {
        setInterruptOutcome(() => `${erased.subject} was erased from every table (change ${erased.historyId} in the history); the database file is being rebuilt so that their data leaves its bytes, which cannot stop halfway: finishing that first`);
        forgetRebuild = finishBeforeExit(rebuilt, 'the database file could not be rebuilt: run skillsnet db compact to rebuild it (until then, bytes of the erased data may remain in its unused space)');
      },
    });
  } finally {
    await stopIfInterrupted();
    forgetRebuild();
  }
  setInterruptOutcome(() => `${report.subject} was erased and the database file rebuilt; nothing was undone`);
  return report;
}

export function registerErase(program: Command, ctx: CliContext): void {
  program
    .command('erase')
    .description("erase a person on request: name, email and phone out of every table and out of the database file's bytes")
    .argument('<who>', 'their email address, person-N, member-N (a person member) or an application ID (its contact)')
    .option('--dry-run', 'say what would be removed and which exports carried their data, change nothing')
    .option('--json', 'print the report: subject, removed (table, rows), alsoFound, exports, file')
    .addHelpText('after', `
Applications stay (they are the organisation's); the contact person's name, email and phone go
from them, their source rows, earlier versions, rejected rows, the history and every table that
holds people (events' attendance too), then the file is rebuilt and its WAL emptied. The report
lists the exports that carried their data: those files you must delete yourself. Needs --yes
when not on a terminal.

Examples:
  skillsnet erase ana.ruiz@example.org --dry-run
  skillsnet erase ana.ruiz@example.org --yes
  skillsnet erase person-12 --yes --json`)
    .action(async (who: string, flags: { dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runErase({ dbPath, who, dryRun: flags.dryRun, json: flags.json }, io);
    });
}
