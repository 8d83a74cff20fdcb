import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { canPrompt, info, warn, type IO } from './io.js';
import { UsageError } from '../errors.js';
import type { MergeResult, UnmergeResult } from '../network/merge.js';
import type { SubjectKind } from '../network/subjects.js';

export interface MergeOptions {
  dbPath: string;
  /** The record kept. */
  a: string;
  /** The record merged into it. */
  b: string;
  dryRun?: boolean;
  json?: boolean;
  /** Only this kind of record (organization link). */
  only?: SubjectKind;
}

/**
 * merge A B: B is the same as A. On a terminal the dry run is shown first and the officer asked;
 * elsewhere it is done (unmerge undoes it). Where the two differ in who they are (organisation,
 * email, country) that is said on stderr first; two that differ in two of them and share none (a
 * mistyped ID in a script merged two unrelated applications without a word) need --yes when
 * nothing is asked, and the question's default is no.
 */
export async function runMerge(opts: MergeOptions, io: IO): Promise<MergeResult> {
  const { parseSubject } = await import('../network/subjects.js');
  const { compareIdentities, mergeRecords } = await import('../network/merge.js');
  const kinds: SubjectKind[] = opts.only ? [opts.only] : ['application', 'organization', 'member'];
  const what = opts.only === 'organization' ? 'organization link' : 'merge';
  const keep = parseSubject(opts.a, kinds, { what });
  const other = parseSubject(opts.b, kinds, { what });
  return withDatabase(opts.dbPath, { io, write: true, dryRun: opts.dryRun }, async (db) => {
    let result = mergeRecords(db, keep, other, { dryRun: true });
    // The organisations' names beside the IDs: a mistyped ID shows before anything is merged.
    const { organizationNameOf } = await import('../db/organizations.js');
    const named = (s: typeof keep, label: string) => {
      const name = s.kind === 'person' ? null : organizationNameOf(db, s.kind, s.id);
      return name ? `${label} (${name})` : label;
    };
    const pair = () => `${named(other, result.merged)} into ${named(keep, result.kept)}`;
    const show = (r: MergeResult) => {
      for (const step of r.steps) io.stdout.write(`  ${step}\n`);
    };
    const identity = compareIdentities(db, keep, other);
    // Another spelling of a name alone is what merges are for; differing in two ways and sharing none is two records.
    const unrelated = identity.differs.length >= 2 && identity.shares.length === 0;
    if (identity.differs.length) warn(io, `${result.kept} and ${result.merged} differ: ${identity.differs.join('; ')}${unrelated ? ' (nothing in common)' : ''}`);
    const asks = !opts.dryRun && !opts.json && canPrompt(io) && !io.yes;
    if (unrelated && !opts.dryRun && !io.yes && !asks) {
      // CONTRACT: destructive steps need --yes when nothing is asked (exit 2, as erase and roster delete)
      throw new UsageError(`${result.kept} and ${result.merged} have no organisation, email or country in common: merging them needs confirmation`, {
        hint: `check the IDs (skillsnet merge ${opts.a} ${opts.b} --dry-run), then add --yes if they are one`,
      });
    }
    if (asks) {
      io.stdout.write(`Merging ${pair()} would:\n`);
      show(result);
      (await import('./signals.js')).setInterruptOutcome(() => 'nothing was merged');
      if (!(await (await io.prompts()).confirm(`Merge ${result.merged} into ${result.kept}?`, !unrelated))) {
        info(io, 'Nothing merged.');
        return result;
      }
    }
    if (!opts.dryRun) {
      result = mergeRecords(db, keep, other);
      // (what an interruption or a failed report leaves from now on: the merge, not "nothing was merged")
      const merged = result;
      (await import('./signals.js')).setInterruptOutcome(() => `${merged.merged} was merged into ${merged.kept} (change ${merged.historyId} in the history)`);
    }
    if (opts.json) printJson(io, result);
    else {
      io.stdout.write(opts.dryRun ? `Dry run: merging ${pair()} would:\n` : `Merged ${pair()}:\n`);
      show(result);
      // (the command that does it: the one typed, with --yes where the merge itself will need it)
      const merge = `skillsnet ${what} ${opts.a} ${opts.b}${unrelated ? ' --yes' : ''}`;
      info(io, opts.dryRun ? `Nothing was saved. ${unrelated ? 'They have nothing in common; if they are one all the same, merge' : 'Merge'}: ${merge}` : `Both are kept in the history (change ${result.historyId}). Undo: skillsnet unmerge ${result.merged.replace('application ', '')}`);
    }
    // Two seats of a saved roster may now be one organisation's: say so now, not at the next roster show.
    if (!opts.dryRun && result.kind !== 'application') {
      const { listRosters } = await import('../db/rosters.js');
      const { rosterBroken } = await import('../selection/rosters.js');
      for (const r of listRosters(db)) for (const b of rosterBroken(db, r.name)) warn(io, `roster ${r.name}: ${b}`);
    }
    return result;
  });
}

export async function runUnmerge(opts: { dbPath: string; id?: string; last?: boolean; dryRun?: boolean; json?: boolean }, io: IO): Promise<UnmergeResult> {
  const { parseSubject } = await import('../network/subjects.js');
  const { unmerge } = await import('../network/merge.js');
  if (!opts.id && !opts.last) throw new UsageError('say which merge to undo: an ID merged away (or kept), or --last', { hint: 'e.g. skillsnet unmerge 212, skillsnet unmerge org-57, skillsnet unmerge --last' });
  if (opts.id && opts.last) throw new UsageError('give an ID or --last, not both', { hint: 'e.g. skillsnet unmerge org-57, or skillsnet unmerge --last' });
  const subject = opts.last ? 'last' : parseSubject(opts.id!, ['application', 'organization', 'member'], { what: 'unmerge' });
  const result = await withDatabase(opts.dbPath, { io, write: true, dryRun: opts.dryRun }, (db) => unmerge(db, subject, { dryRun: opts.dryRun }));
  if (opts.json) printJson(io, result);
  else {
    io.stdout.write(`${opts.dryRun ? 'Dry run: would undo' : 'Undid'} the merge of ${result.merged} into ${result.kept} (change ${result.undone}): ${result.conflicts.length ? `both are as they were, except ${result.conflicts.length === 1 ? 'a value' : `${result.conflicts.length} values`} changed since the merge (below)` : 'both are as they were'}.\n`);
    for (const c of result.conflicts) warn(io, `${c.table} row ${c.rowId}${c.column ? ` column ${c.column}` : ''} was changed after the merge: left as it is now`);
    if (opts.dryRun) info(io, 'Nothing was saved.');
  }
  return result;
}

export function registerMerge(program: Command, ctx: CliContext): void {
  program
    .command('merge')
    .description('two records are one: merge the second application (or org-N, member-N) into the first; unmerge undoes it')
    .argument('<a>', 'the record kept: an application ID, org-N or member-N')
    .argument('<b>', 'the record merged into it (kept too, out of lists, selection and exports)')
    .option('--dry-run', 'say what would move, save nothing')
    .option('--json', 'print {"kind", "kept", "merged", "steps", "historyId", "dryRun"}')
    .addHelpText('after', `
Applications: the second is a duplicate of the first in the same call (a resubmission): the
first takes what it lacks (empty fields, Core Group seats, reviewers' scores, officer categories).
Organisations: every application, person and role of the second moves to the first. Nothing is
deleted, and skillsnet unmerge puts both back as they were. On a terminal the changes are shown
and you are asked first. How the two differ in organisation, email or country is said on stderr;
two that differ in two of them and share none need --yes off a terminal.

Examples:
  skillsnet merge 17 212 --dry-run
  skillsnet merge 17 212
  skillsnet merge org-4 org-57 --yes
  skillsnet unmerge 212`)
    .action(async (a: string, b: string, flags: { dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runMerge({ dbPath, a, b, dryRun: flags.dryRun, json: flags.json }, io);
    });
}

export function registerUnmerge(program: Command, ctx: CliContext): void {
  program
    .command('unmerge')
    .description('undo a merge: both records back as they were (or --last: the latest merge)')
    .argument('[id]', 'a record merged away or kept: an application ID, org-N or member-N')
    .option('--last', 'undo the latest merge')
    .option('--dry-run', 'say what would be undone, save nothing')
    .option('--json', 'print {"undone", "historyId", "kept", "merged", "conflicts"}')
    .addHelpText('after', '\nExamples:\n  skillsnet unmerge 212\n  skillsnet unmerge org-57\n  skillsnet unmerge --last')
    .action(async (id: string | undefined, flags: { last?: boolean; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runUnmerge({ dbPath, id, last: flags.last, dryRun: flags.dryRun, json: flags.json }, io);
    });
}
