import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { canPrompt, info, warn, type IO } from './io.js';
import { OperationError, UsageError } from '../errors.js';
import { parseApplicationId } from '../ids.js';
import { deleteRoster, getRoster } from '../db/rosters.js';
import { withWriteTransaction } from '../db/connection.js';
import { applyReplacement, planReplacement, type RosterReplaceJson } from '../selection/replace.js';
import { compareRosters, paramDiffLines, rosterReport, savedRostersHint, summariseQuotas, totalMovedSinceSaved, unknownRoster, type RosterDiffJson, type RosterShowJson } from '../selection/rosters.js';
import { renderCoverage, renderRosterTable } from '../ui/roster.js';
import { renderTable } from '../ui/table.js';
import { registerRosterAccept } from './roster-accept.js';
import { registerRosterRetire } from './roster-retire.js';
import { shellArg } from '../text.js';

export { paramDiffLines };

export type { RosterDiffJson, RosterReplaceJson, RosterShowJson };
export type { RosterEntryJson } from '../selection/rosters.js';

export interface RosterShowOptions {
  dbPath: string;
  name: string;
  json?: boolean;
}

export async function runRosterShow(opts: RosterShowOptions, io: IO): Promise<RosterShowJson> {
  const result = await withDatabase(opts.dbPath, { create: false, io }, (db) => rosterReport(db, opts.name));
  if (opts.json) {
    printJson(io, result);
    return result;
  }
  const c = io.color;
  io.stdout.write(c.bold(`Roster ${result.name}`) + c.dim(` · saved ${result.createdAt.replace('T', ' ').slice(0, 16)} UTC`) + '\n');
  // Scores imported or corrected since the roster was saved: its total no longer adds up the
  // Score column below; say both, and how to rank on today's scores.
  const today = totalMovedSinceSaved(result.objective, result.members.map((m) => m.score));
  const moved = today !== undefined;
  io.stdout.write(`${result.members.length} members, total score ${result.objective ?? '?'}${moved ? ' when saved' : ''} (${result.optimal ? 'proven optimal' : `solver: ${result.solverStatus}`})\n`);
  if (moved) io.stdout.write(`The scores changed since (reviewers' scores imported, or the file's corrected): the members total ${today} today. To rank on today's scores: skillsnet select again.\n`);
  if (result.params.quotas?.length) io.stdout.write(c.dim(`Quotas: ${summariseQuotas(result.params)}`) + '\n');
  io.stdout.write('\n' + renderRosterTable(io, result.members, { reasons: io.stdoutIsTTY }));
  if (result.alternates.length) {
    io.stdout.write('\n' + c.bold('Alternates') + '\n' + renderRosterTable(io, result.alternates, { reasons: io.stdoutIsTTY }));
  }
  if (result.changes.length) {
    io.stdout.write('\n' + c.bold('Changes') + '\n');
    for (const ch of result.changes) io.stdout.write(`  ${ch.changedAt.replace('T', ' ').slice(0, 16)}  ${ch.note ?? `#${ch.removedApplicationId} → #${ch.addedApplicationId}`}\n`);
  }
  if (io.stdoutIsTTY) io.stdout.write('\n' + renderCoverage(io, result.coverage));
  for (const b of result.broken) warn(io, b);
  return result;
}

export async function runRosterDiff(opts: { dbPath: string; a: string; b: string; json?: boolean }, io: IO): Promise<RosterDiffJson> {
  const result = await withDatabase(opts.dbPath, { create: false, io }, (db) => compareRosters(db, opts.a, opts.b));
  if (opts.json) {
    printJson(io, result);
    return result;
  }
  const c = io.color;
  io.stdout.write(`${result.inBoth.length} members in both; ${result.onlyInA.length} only in ${result.a}; ${result.onlyInB.length} only in ${result.b}.\n`);
  io.stdout.write(`Total score: ${result.a} ${result.objective.a ?? '?'}, ${result.b} ${result.objective.b ?? '?'}\n`);
  const rows = [
    ...result.onlyInA.map((e) => [`- ${result.a}`, e.id, e.organization, e.country ?? '', e.region ?? '', e.language ?? '', Number(e.score.toFixed(3))]),
    ...result.onlyInB.map((e) => [`+ ${result.b}`, e.id, e.organization, e.country ?? '', e.region ?? '', e.language ?? '', Number(e.score.toFixed(3))]),
  ];
  if (rows.length) io.stdout.write('\n' + renderTable(io, ['Only in', 'ID', 'Organisation', 'Country', 'Region', 'Lang', 'Score'], rows));
  const lines = paramDiffLines(result);
  if (lines.length) {
    io.stdout.write('\n' + c.bold('Parameters that differ') + '\n');
    for (const line of lines) io.stdout.write(`  ${line}\n`);
  }
  return result;
}

/**
 * A member declined: the best alternate that keeps every quota takes the place (see
 * selection/replace.ts), after a yes on a terminal; recorded in the roster's change history.
 * When nobody fits, the error names the quotas that block; --leave-open or --relax answer it.
 */
export async function runRosterReplace(
  opts: { dbPath: string; name: string; id: number; dryRun?: boolean; json?: boolean; leaveOpen?: boolean; relax?: string[] },
  io: IO,
): Promise<RosterReplaceJson> {
  return withDatabase(opts.dbPath, { io, write: !opts.dryRun }, async (db) => {
    const replacement = await planReplacement(db, opts.name, opts.id, { leaveOpen: opts.leaveOpen, relax: opts.relax });
    const { result, leaving, incoming, note } = replacement;
    // (loaded before the change: an await that reads a module between its steps let a hang-up in
    // after the roster was changed and before its cohort was, saying "roster … is as it was")
    const { syncAcceptedRoster } = await import('../network/members.js');
    const { commandOutcome, setInterruptOutcome } = await import('./signals.js');
    // (what the command saved before, said too: member set saves the decline, then offers the seat)
    const earlier = commandOutcome();
    const said = (words: string) => (earlier ? `${earlier}; ${words}` : words);
    let go = !opts.dryRun;
    if (go && !opts.json && canPrompt(io) && !io.yes) {
      const question = incoming
        ? `Replace #${opts.id} ${leaving.candidate.organization} by #${incoming.id} ${incoming.organization} in ${opts.name}?`
        : `Take #${opts.id} ${leaving.candidate.organization} out of ${opts.name} and leave the seat open?`;
      setInterruptOutcome(() => said(`roster ${opts.name} is as it was`));
      go = await (await io.prompts()).confirm(question, true);
    }
    if (go) {
      // One transaction, no await inside: the whole replacement or none of it. In a roster accepted
      // as a Core Group cohort, the organisation that steps in joins it (invited).
      withWriteTransaction(db, () => {
        applyReplacement(db, replacement);
        syncAcceptedRoster(db, opts.name);
      });
      setInterruptOutcome(() => said(`the change to roster ${opts.name} was saved`));
    }
    if (opts.json) printJson(io, result);
    else if (result.saved) {
      io.stdout.write(`${note}.\n`);
      io.stdout.write(`New total score ${result.objective}.\n`);
      info(io, `Saved. See the roster with: skillsnet roster show ${shellArg(opts.name)}`);
    } else {
      // A dry run, or a "no" to the question: say what would happen, never "replaced by".
      const why = /\(([^()]*)\)$/.exec(note)?.[1];
      io.stdout.write(
        incoming
          ? `Not replaced: #${incoming.id} ${incoming.organization} would take the seat of #${opts.id} ${leaving.candidate.organization}${why ? ` (${why})` : ''}; the total score would be ${result.objective}.\n`
          : `Not replaced: the seat of #${opts.id} ${leaving.candidate.organization} would be left open; the total score would be ${result.objective}.\n`,
      );
      const command = `skillsnet roster replace ${shellArg(opts.name)} ${opts.id}${opts.leaveOpen ? ' --leave-open' : ''}${(opts.relax ?? []).map((r) => ` --relax ${shellArg(r)}`).join('')}`;
      info(io, `Nothing saved. To do it: ${command}`);
    }
    return result;
  });
}

/** Deletes a saved roster after a yes on a terminal, or with --yes elsewhere. */
export async function runRosterDelete(opts: { dbPath: string; name: string; json?: boolean }, io: IO): Promise<{ roster: string; deleted: boolean }> {
  return withDatabase(opts.dbPath, { io, write: true }, async (db) => {
    const roster = getRoster(db, opts.name);
    if (!roster) throw unknownRoster(db, opts.name);
    let go = io.yes;
    if (!go && canPrompt(io)) {
      (await import('./signals.js')).setInterruptOutcome(() => `roster ${opts.name} was kept`);
      go = await (await io.prompts()).confirm(`Delete roster ${opts.name} (${roster.members} members, saved ${roster.createdAt.slice(0, 10)}) and its history?`, false);
    } else if (!go) {
      throw new UsageError(`deleting roster ${opts.name} needs confirmation`, { hint: `add --yes: skillsnet roster delete ${shellArg(opts.name)} --yes` });
    }
    const result = { roster: opts.name, deleted: go ? deleteRoster(db, opts.name) : false };
    if (result.deleted) (await import('./signals.js')).setInterruptOutcome(() => `roster ${opts.name} was deleted`);
    if (opts.json) printJson(io, result);
    else info(io, result.deleted ? `Deleted roster ${opts.name}.` : 'Nothing deleted.');
    return result;
  });
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerRoster(program: Command, ctx: CliContext): void {
  const roster = program
    .command('roster')
    .description('accept (as the Core Group of a cohort), retire, show, compare, amend or delete a saved roster')
    .addHelpText(
      'after',
      '\nExamples:\n  skillsnet roster show core-2020\n  skillsnet roster diff core-2020 core-2020-strict\n' +
        '  skillsnet roster replace core-2020 25     # application 25 declined: the best alternate that keeps every quota steps in\n' +
        '  skillsnet roster delete trial-1\n  skillsnet roster accept core-2020   # its organisations become the Core Group 2020\n' +
        '  skillsnet roster retire core-2020   # a year on: its members still invited or active become alumni',
    );
  registerRosterAccept(roster, ctx);
  registerRosterRetire(roster, ctx);
  roster
    .command('show')
    .description('show a saved roster: members with their reasons, alternates, changes and coverage')
    .argument('[name]', 'roster name (see skillsnet rosters)')
    .option('--json', 'print it as JSON')
    .addHelpText('after', '\nExamples:\n  skillsnet roster show core-2020\n  skillsnet roster show core-2020 --json > core-2020.json')
    .action(async (name: string | undefined, flags: { json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      if (name === undefined) {
        // (which rosters there are is what the officer needs to name one)
        throw new UsageError('roster show needs the name of a saved roster', { hint: await withDatabase(dbPath, { create: false, io }, (db) => savedRostersHint(db, 'roster show')) });
      }
      await runRosterShow({ dbPath, name, json: flags.json }, io);
    });
  roster
    .command('diff')
    .description('compare the members and parameters of two saved rosters')
    .argument('<a>', 'first roster')
    .argument('<b>', 'second roster')
    .option('--json', 'print {"onlyInA", "onlyInB", "inBoth", "objective", "params"}')
    .addHelpText('after', '\nExamples:\n  skillsnet roster diff core-2020 core-2020-strict')
    .action(async (a: string, b: string, flags: { json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runRosterDiff({ dbPath, a, b, json: flags.json }, io);
    });
  roster
    .command('replace')
    .description('a member declined: swap in the best alternate that keeps every quota, and record the change')
    .argument('<name>', 'roster name')
    .argument('<id>', 'application ID of the member who declined')
    .option('--leave-open', 'nobody steps in: the member leaves and the seat stays open')
    .option('--relax <feature=value>', 'a quota the one stepping in may break when nobody keeps them all, e.g. "region=Asia and the Pacific" (repeatable)', collect, [])
    .option('--dry-run', 'say who would step in, without saving')
    .option('--json', 'print the change as JSON')
    .addHelpText('after', `
When no alternate or eligible application keeps every quota, the error names the fewest
quotas that block (found by the solver), and two ways on: --leave-open, or --relax them.

Examples:
  skillsnet roster replace core-2020 25
  skillsnet roster replace core-2020 25 --dry-run
  skillsnet roster replace core-2020 25 --relax "region=Asia and the Pacific"
  skillsnet roster replace core-2020 25 --leave-open`)
    .action(async (name: string, idText: string, flags: { dryRun?: boolean; json?: boolean; leaveOpen?: boolean; relax: string[] }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      const id = parseApplicationId(idText, { what: 'roster replace', hint: `the roster's application IDs are in skillsnet roster show ${shellArg(name)}` });
      await runRosterReplace({ dbPath, name, id, dryRun: flags.dryRun, json: flags.json, leaveOpen: flags.leaveOpen, relax: flags.relax }, io);
    });
  roster
    .command('delete')
    .description('delete a saved roster and its change history (asks first; --yes off a terminal)')
    .argument('<name>', 'roster name')
    .option('--json', 'print {"roster", "deleted"}')
    .addHelpText('after', '\nExamples:\n  skillsnet roster delete trial-1\n  skillsnet --yes roster delete trial-1')
    .action(async (name: string, flags: { json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runRosterDelete({ dbPath, name, json: flags.json }, io);
    });
}
