import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { canPrompt, info, type IO } from './io.js';
import { setInterruptOutcome } from './signals.js';
import { UsageError } from '../errors.js';
import type { WithdrawResult } from '../network/merge.js';
import type { Subject } from '../network/subjects.js';
import type { SeatToReplace } from '../network/members.js';
import { withWriteTransaction } from '../db/connection.js';

/** One withdrawal and what it did to the Core Group: the seats it frees, the rosters it is back without a seat in. */
interface Withdrawn {
  text: string;
  subject: Subject;
  result: WithdrawResult;
  seats: SeatToReplace[];
  seatsGone: { roster: string; otherCoreGroupRoles: number }[];
}

/**
 * withdraw ID…: each application or member withdrawn (or put back with --undo). Several IDs, as
 * `rm a b c` takes several files, are checked first (an unknown ID or one that is no member
 * changes nothing), then withdrawn together in one transaction after one yes on a terminal, or
 * with --yes elsewhere; one ID is withdrawn at once, as it always was (--undo puts it back).
 */
export async function runWithdraw(opts: { dbPath: string; ids: string[]; undo?: boolean; dryRun?: boolean; json?: boolean }, io: IO): Promise<WithdrawResult | WithdrawResult[]> {
  const { parseSubject, subjectLabel, subjectNamed } = await import('../network/subjects.js');
  const { withdraw } = await import('../network/merge.js');
  const parsed = opts.ids.map((text) => ({ text, subject: parseSubject(text, ['application', 'organization', 'member', 'person'], { what: 'withdraw' }) }));
  // (an ID typed twice, "17 17" or "17 application-17", is withdrawn once)
  const targets = parsed.filter((p, i) => parsed.findIndex((q) => subjectLabel(q.subject) === subjectLabel(p.subject)) === i);
  const several = targets.length > 1;
  const command = `skillsnet withdraw ${targets.map((t) => t.text).join(' ')}${opts.undo ? ' --undo' : ''}`;
  const { applicationSeats, declinedSeats, replacementOffers } = await import('../network/members.js');
  const { memberOfOrganization, seatlessCoreGroupRosters } = await import('../db/members.js');
  const { seatGoneText, seatOfferText } = await import('./member.js');
  let answeredNo = false;
  const done = await withDatabase(opts.dbPath, { io, write: true, dryRun: opts.dryRun }, async (db) => {
    if (several) {
      // every ID checked before anything is written: "no application 99" among them changes nothing
      const preview = targets.map((t) => withdraw(db, t.subject, { undo: opts.undo, dryRun: true }));
      // (named with their organisations: the officer says yes to what they see)
      const changing = targets.filter((_, i) => preview[i]!.state !== 'unchanged').map((t) => subjectNamed(db, t.subject));
      if (changing.length && !opts.dryRun && !io.yes) {
        if (!canPrompt(io)) throw new UsageError(`${opts.undo ? 'putting back' : 'withdrawing'} ${changing.length} at once needs confirmation`, { hint: `add --yes: ${command.replace('skillsnet ', 'skillsnet --yes ')} (or see what would change first: ${command} --dry-run)` });
        setInterruptOutcome(() => `nothing was ${opts.undo ? 'put back' : 'withdrawn'}`);
        const named = changing.length > 8 ? `${changing.slice(0, 8).join(', ')} and ${changing.length - 8} more` : changing.join(', ');
        answeredNo = !(await (await io.prompts()).confirm(`${opts.undo ? 'Put back' : 'Withdraw'} ${named}?`, false));
        if (answeredNo) return [];
      }
    }
    // (several in one transaction: all of them, or none)
    const results = withWriteTransaction(db, () => targets.map((t) => withdraw(db, t.subject, { undo: opts.undo, dryRun: opts.dryRun })));
    // saved now: Ctrl-C while the seats are offered (the solver) or a report that cannot be
    // written says so, not "nothing was withdrawn" of the yes just answered
    const saved = results.filter((r) => r.historyId !== null);
    if (saved.length) {
      const changes = saved.map((r) => r.historyId).join(', ');
      setInterruptOutcome(() => `${saved.map((r) => r.subject).join(', ')} ${saved.length === 1 ? 'was' : 'were'} ${opts.undo ? 'put back' : 'withdrawn'} (change${saved.length === 1 ? '' : 's'} ${changes} in the history)`);
    }
    const out: Withdrawn[] = [];
    const freedOf: SeatToReplace[][] = [];
    for (const [i, { text, subject }] of targets.entries()) {
      const result = results[i]!;
      // a Core Group member who leaves frees a seat, as one who declines does (member set --status withdrawn offers it)
      const memberId = subject.kind === 'member' ? subject.id : subject.kind === 'organization' ? memberOfOrganization(db, subject.id) : null;
      const changed = result.state !== 'unchanged';
      // a withdrawn application that is itself a roster's member keeps its seat until roster replace gives it (it was not said)
      const freed = !changed || opts.undo ? [] : memberId !== null ? declinedSeats(db, memberId) : subject.kind === 'application' ? applicationSeats(db, subject.id) : [];
      // back from withdrawn after its seat went to another: said, as member set --status active says it
      const seatsGone = memberId !== null && changed && opts.undo && !opts.dryRun ? seatlessCoreGroupRosters(db, memberId) : [];
      freedOf.push(freed);
      out.push({ text, subject, result, seats: [], seatsGone });
    }
    // checked as member set checks it: a seat nobody can take without breaking a quota got a roster
    // replace command that then failed; seats given up together are offered together (two seats
    // were both offered to the same alternate)
    const offers = await replacementOffers(db, freedOf.flat());
    for (const [i, freed] of freedOf.entries()) out[i]!.seats = offers.splice(0, freed.length);
    return out;
  });
  const results = done.map((d) => d.result);
  if (opts.json) printJson(io, several ? results : results[0] ?? []);
  else if (answeredNo) info(io, `Nothing changed: none was ${opts.undo ? 'put back' : 'withdrawn'}.`);
  else {
    for (const { subject, result, seats, seatsGone } of done) {
      const what = subject.kind === 'application' ? (opts.undo ? 'back in lists, selection and exports' : 'out of lists, selection and exports; kept with its history') : (opts.undo ? 'an active member again' : 'a withdrawn member');
      io.stdout.write(result.state === 'unchanged' ? `${result.subject} was already ${opts.undo ? 'in' : 'withdrawn'}: nothing changed.\n` : `${opts.dryRun ? 'Dry run: ' : ''}${result.subject} ${opts.dryRun ? 'would be' : 'is'} ${result.state}: ${what}.\n`);
      const held = subject.kind === 'application' ? (opts.dryRun ? 'would be withdrawn and still hold' : 'is withdrawn but still holds') : opts.dryRun ? 'would leave' : 'left';
      for (const seat of seats) info(io, seatOfferText(result.subject, held, seat));
      for (const gone of seatsGone) info(io, seatGoneText(result.subject, gone));
    }
    const kept = done.filter((d) => d.result.historyId !== null);
    if (kept.length) {
      const changes = kept.map((d) => d.result.historyId).join(', ');
      info(io, `Kept in the history (change${kept.length > 1 ? 's' : ''} ${changes}).${opts.undo ? '' : ` Undo: skillsnet withdraw ${kept.map((d) => d.text).join(' ')} --undo`}`);
    }
    if (opts.dryRun) info(io, several ? `Nothing was saved. To do it: ${command.replace('skillsnet ', 'skillsnet --yes ')}` : 'Nothing was saved.');
  }
  return several ? results : results[0]!;
}

export function registerWithdraw(program: Command, ctx: CliContext): void {
  program
    .command('withdraw')
    .description('withdraw applications (kept, out of lists, selection and exports) or members (status withdrawn); --undo puts them back')
    .argument('<id...>', 'application IDs, org-N, member-N or person-N (several: all or none, after one confirmation; --yes off a terminal)')
    .option('--undo', 'put them back (reinstate)')
    .option('--dry-run', 'say what would change, save nothing')
    .option('--json', 'print {"subject", "state", "historyId", "dryRun"}; an array of them for several IDs')
    .addHelpText('after', '\nExamples:\n  skillsnet withdraw 17\n  skillsnet withdraw 17 --undo\n  skillsnet withdraw member-9\n  skillsnet withdraw 17 18 23          # asks once; --yes off a terminal')
    .action(async (ids: string[], flags: { undo?: boolean; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runWithdraw({ dbPath, ids, undo: flags.undo, dryRun: flags.dryRun, json: flags.json }, io);
    });
}
