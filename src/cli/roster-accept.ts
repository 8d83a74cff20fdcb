import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, type IO } from './io.js';
import type { RosterAccepted } from '../network/members.js';
import { shellArg } from '../text.js';

/** roster accept NAME: the roster's organisations become the Core Group of a cohort (invited, until they accept). */
export async function runRosterAccept(opts: { dbPath: string; name: string; cohort?: string; dryRun?: boolean; json?: boolean }, io: IO): Promise<RosterAccepted> {
  const { acceptRoster, earlierCohortsHolding } = await import('../network/members.js');
  let others: { cohort: string; members: number; roster: string | null }[] = [];
  const result = await withDatabase(opts.dbPath, { io, write: true, dryRun: opts.dryRun }, (db) => {
    const accepted = acceptRoster(db, opts.name, { cohort: opts.cohort, dryRun: opts.dryRun });
    others = earlierCohortsHolding(db, accepted.cohort, accepted.members.map((m) => m.memberId));
    return accepted;
  });
  if (!opts.dryRun) (await import('./signals.js')).setInterruptOutcome(() => `roster ${result.roster} was accepted as the Core Group ${result.cohort} (skillsnet members --roster ${shellArg(result.roster)} lists them)`);
  if (opts.json) printJson(io, result);
  else {
    const added = result.members.filter((m) => m.added).length;
    // Accepting again keeps each member's answer: say the statuses as they are, not "invited" for all.
    const byStatus = new Map<string, number>();
    for (const m of result.members) byStatus.set(m.status, (byStatus.get(m.status) ?? 0) + 1);
    const statuses = byStatus.size === 1 ? `status ${[...byStatus.keys()][0]}` : `status: ${[...byStatus].map(([status, n]) => `${n} ${status}`).join(', ')}`;
    io.stdout.write(`${opts.dryRun ? 'Dry run: ' : ''}${result.members.length} member${result.members.length === 1 ? '' : 's'} of roster ${result.roster} ${opts.dryRun ? 'would be' : 'are'} the Core Group ${result.cohort} (${added} new, ${statuses}).\n`);
    info(io, opts.dryRun ? 'Nothing was saved.' : `When one accepts: skillsnet member set member-N --status active; declines: --status declined (the best alternate is offered). See them: skillsnet members --role core-group --cohort ${shellArg(result.cohort)}`);
    for (const o of others) {
      info(io, `Cohort ${o.cohort} still holds ${o.members} seat${o.members === 1 ? '' : 's'} (invited or active): Core Group on the maps beside ${result.cohort} until set alumni when their term ends (all at once: skillsnet roster retire ${o.roster ? shellArg(o.roster) : 'NAME'}; see them: skillsnet members --role core-group --cohort ${shellArg(o.cohort)}).`);
    }
  }
  return result;
}

export function registerRosterAccept(roster: Command, ctx: CliContext): void {
  roster
    .command('accept')
    .description('make the roster\'s organisations Core Group members of a cohort (status invited until they accept)')
    .argument('<name>', 'roster name')
    .option('--cohort <name>', 'the cohort (default: the call of its members, e.g. 2020)')
    .option('--dry-run', 'say who would join, save nothing')
    .option('--json', 'print {"roster", "cohort", "members": [{"memberId", "organizationId", "applicationId", "added", "status"}]}')
    .addHelpText('after', '\nExamples:\n  skillsnet roster accept core-2020\n  skillsnet roster accept core-2020 --cohort 2020 --dry-run')
    .action(async (name: string, flags: { cohort?: string; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runRosterAccept({ dbPath, name, cohort: flags.cohort, dryRun: flags.dryRun, json: flags.json }, io);
    });
}
