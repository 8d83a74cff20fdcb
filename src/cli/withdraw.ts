import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, type IO } from './io.js';
import type { WithdrawResult } from '../network/merge.js';

export async function runWithdraw(opts: { dbPath: string; id: string; undo?: boolean; dryRun?: boolean; json?: boolean }, io: IO): Promise<WithdrawResult> {
  const { parseSubject } = await import('../network/subjects.js');
  const { withdraw } = await import('../network/merge.js');
  const subject = parseSubject(opts.id, ['application', 'organization', 'member', 'person'], { what: 'withdraw' });
  const { applicationSeats, declinedSeats, replacementOffers } = await import('../network/members.js');
  const { memberOfOrganization, seatlessCoreGroupRosters } = await import('../db/members.js');
  const { seatGoneText, seatOfferText } = await import('./member.js');
  const { result, seats, seatsGone } = await withDatabase(opts.dbPath, { io, write: true, dryRun: opts.dryRun }, async (db) => {
    const result = withdraw(db, subject, { undo: opts.undo, dryRun: opts.dryRun });
    // a Core Group member who leaves frees a seat, as one who declines does (member set --status withdrawn offers it)
    const memberId = subject.kind === 'member' ? subject.id : subject.kind === 'organization' ? memberOfOrganization(db, subject.id) : null;
    const changed = result.state !== 'unchanged';
    // a withdrawn application that is itself a roster's member keeps its seat until roster replace gives it (it was not said)
    const freed = !changed || opts.undo ? [] : memberId !== null ? declinedSeats(db, memberId) : subject.kind === 'application' ? applicationSeats(db, subject.id) : [];
    // back from withdrawn after its seat went to another: said, as member set --status active says it
    const seatsGone = memberId !== null && changed && opts.undo && !opts.dryRun ? seatlessCoreGroupRosters(db, memberId) : [];
    // checked as member set checks it: a seat nobody can take without breaking a quota got a roster replace command that then failed
    return { result, seats: freed.length ? await replacementOffers(db, freed) : [], seatsGone };
  });
  if (opts.json) printJson(io, result);
  else {
    const what = subject.kind === 'application' ? (opts.undo ? 'back in lists, selection and exports' : 'out of lists, selection and exports; kept with its history') : (opts.undo ? 'an active member again' : 'a withdrawn member');
    io.stdout.write(result.state === 'unchanged' ? `${result.subject} was already ${opts.undo ? 'in' : 'withdrawn'}: nothing changed.\n` : `${opts.dryRun ? 'Dry run: ' : ''}${result.subject} ${opts.dryRun ? 'would be' : 'is'} ${result.state}: ${what}.\n`);
    if (result.historyId) info(io, `Kept in the history (change ${result.historyId}).${opts.undo ? '' : ` Undo: skillsnet withdraw ${opts.id} --undo`}`);
    const held = subject.kind === 'application' ? (opts.dryRun ? 'would be withdrawn and still hold' : 'is withdrawn but still holds') : opts.dryRun ? 'would leave' : 'left';
    for (const seat of seats) info(io, seatOfferText(result.subject, held, seat));
    for (const gone of seatsGone) info(io, seatGoneText(result.subject, gone));
    if (opts.dryRun) info(io, 'Nothing was saved.');
  }
  return result;
}

export function registerWithdraw(program: Command, ctx: CliContext): void {
  program
    .command('withdraw')
    .description('withdraw an application (kept, out of lists, selection and exports) or a member (status withdrawn); --undo puts it back')
    .argument('<id>', 'an application ID, org-N, member-N or person-N')
    .option('--undo', 'put it back (reinstate)')
    .option('--dry-run', 'say what would change, save nothing')
    .option('--json', 'print {"subject", "state", "historyId", "dryRun"}')
    .addHelpText('after', '\nExamples:\n  skillsnet withdraw 17\n  skillsnet withdraw 17 --undo\n  skillsnet withdraw member-9')
    .action(async (id: string, flags: { undo?: boolean; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runWithdraw({ dbPath, id, undo: flags.undo, dryRun: flags.dryRun, json: flags.json }, io);
    });
}
