import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { canPrompt, info, type IO } from './io.js';
import { UsageError } from '../errors.js';
import type { RosterRetired } from '../network/members.js';
import { shellArg } from '../text.js';

/**
 * roster retire NAME: a year on, the roster's cohort hands over. Its Core Group members still
 * invited or active become alumni (one history entry each, as member set --status alumni makes),
 * after a yes on a terminal, or with --yes elsewhere.
 */
export async function runRosterRetire(opts: { dbPath: string; name: string; cohort?: string; dryRun?: boolean; json?: boolean }, io: IO): Promise<RosterRetired> {
  const { planRetirement, retireRoster } = await import('../network/members.js');
  let answeredNo = false;
  const result = await withDatabase(opts.dbPath, { io, write: !opts.dryRun, create: false }, async (db) => {
    if (opts.dryRun) return retireRoster(db, opts.name, { cohort: opts.cohort, dryRun: true });
    const plan = planRetirement(db, opts.name, { cohort: opts.cohort });
    if (plan.retiring.length && !io.yes) {
      const command = `skillsnet roster retire ${shellArg(opts.name)}${opts.cohort ? ` --cohort ${shellArg(opts.cohort)}` : ''}`;
      if (!canPrompt(io)) throw new UsageError(`retiring cohort ${plan.cohort} of roster ${opts.name} needs confirmation`, { hint: `add --yes: ${command} --yes (or see who first: ${command} --dry-run)` });
      (await import('./signals.js')).setInterruptOutcome(() => `cohort ${plan.cohort} is as it was`);
      const n = plan.retiring.length;
      const go = await (await io.prompts()).confirm(`Set ${n} member${n === 1 ? '' : 's'} of cohort ${plan.cohort} (invited or active) to alumni?`, false);
      answeredNo = !go;
      if (!go) return { roster: opts.name, cohort: plan.cohort, changed: [], unchanged: plan.unchanged + n, dryRun: false };
    }
    const retired = retireRoster(db, opts.name, { cohort: opts.cohort });
    (await import('./signals.js')).setInterruptOutcome(() => `${retired.changed.length} member${retired.changed.length === 1 ? '' : 's'} of cohort ${retired.cohort} became alumni (each change in the history)`);
    return retired;
  });
  if (opts.json) printJson(io, result);
  else if (answeredNo) info(io, `Nothing changed: cohort ${result.cohort} is as it was.`);
  else {
    const n = result.changed.length;
    const who = n ? `: ${result.changed.map((id) => `member-${id}`).join(', ')}` : '';
    const verb = result.dryRun ? 'would become' : 'became';
    io.stdout.write(`${result.dryRun ? 'Dry run: ' : ''}${n} member${n === 1 ? '' : 's'} of cohort ${result.cohort} (roster ${result.roster}) ${verb} alumni${who}.` +
      (result.unchanged ? ` ${result.unchanged} left as ${result.unchanged === 1 ? 'it was' : 'they were'} (declined, withdrawn or alumni already).` : '') + '\n');
    if (result.dryRun) info(io, `Nothing was saved. To do it: skillsnet roster retire ${shellArg(result.roster)}${opts.cohort ? ` --cohort ${shellArg(opts.cohort)}` : ''} --yes`);
    else if (n) info(io, `Each change is in the history (skillsnet history), and one is put back with skillsnet member set member-N --status active.`);
  }
  return result;
}

export function registerRosterRetire(roster: Command, ctx: CliContext): void {
  roster
    .command('retire')
    .description('the cohort\'s term ended: its Core Group members still invited or active become alumni (asks first; --yes off a terminal)')
    .argument('<name>', 'roster name (accepted earlier with roster accept)')
    .option('--cohort <name>', 'the cohort, when the roster was accepted as more than one')
    .option('--dry-run', 'say who would become alumni, save nothing')
    .option('--json', 'print {"roster", "cohort", "changed": [member ids], "unchanged", "dryRun"}')
    .addHelpText('after', `
Members that declined, withdrew or are alumni already are left as they are. Each change is kept
in the history as skillsnet member set member-N --status alumni keeps it, all in one transaction.

Examples:
  skillsnet roster retire core-2020 --dry-run
  skillsnet roster retire core-2020
  skillsnet --yes roster retire core-2020 --json`)
    .action(async (name: string, flags: { cohort?: string; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runRosterRetire({ dbPath, name, cohort: flags.cohort, dryRun: flags.dryRun, json: flags.json }, io);
    });
}
