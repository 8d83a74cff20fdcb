import path from 'node:path';
import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, warn, type IO } from './io.js';
import { importScores, parseScale, readScoreSheet, type ScoresImportResult } from '../selection/scores-import.js';
import { MIN_SCORES_TO_NORMALISE } from '../selection/normalise.js';
import { callbacksFor } from '../ui/callbacks.js';
import { checkFilterNames } from './filters.js';

export { inferScale, parseScale, scaleOutliers, type ScoresImportResult } from '../selection/scores-import.js';

export interface ScoresImportOptions {
  dbPath: string;
  file: string;
  /** Whose scores these are, when the sheet has no reviewer column (or for its blank cells). */
  reviewer?: string;
  /** The scale the scores were given on; inferred from the file when absent. */
  scale?: { min: number; max: number };
  /** Match applications of this call only (an email may apply in several calls). */
  call?: string;
  dryRun?: boolean;
  json?: boolean;
}

export async function runScoresImport(opts: ScoresImportOptions, io: IO): Promise<ScoresImportResult> {
  const { setInterruptOutcome } = await import('./signals.js');
  setInterruptOutcome(() => 'no score was saved');
  // The sheet and its columns are checked before the database is opened.
  const sheet = await readScoreSheet(opts.file === '-' ? '-' : path.resolve(io.cwd, opts.file), { reviewer: opts.reviewer, shownAs: opts.file });
  return withDatabase(opts.dbPath, { io, write: !opts.dryRun }, async (db) => {
    // (--call naming no call rejected every row, one warning each, instead of saying so once)
    checkFilterNames(db, { call: opts.call });
    const { result, scaleSource, scoreHeader, fewScores } = await importScores(db, sheet, opts, callbacksFor(io));
    // (from here on the scores are stored: a late Ctrl-C must not say otherwise)
    if (!opts.dryRun) setInterruptOutcome(() => 'the scores were saved; only this report was cut short (skillsnet show ID shows them)');
    if (opts.json) {
      printJson(io, result);
      return result;
    }
    const { scale, rejects } = result;
    info(io, `${result.file}: ${result.rows} ${result.rows === 1 ? 'row' : 'rows'}; ${result.inserted} new, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rejected} rejected${opts.dryRun ? ' (dry run: nothing saved)' : ''}.`);
    const source = scaleSource === 'scores' ? ' (inferred from the scores; set it with --scale MIN-MAX)' : scaleSource === 'header' ? ` (from the column header "${scoreHeader}")` : '';
    info(io, `Scale ${scale.min}-${scale.max}${source}; reviewers: ${result.reviewers.join(', ') || 'none'}.`);
    for (const r of rejects.slice(0, 20)) warn(io, `row ${r.row}: ${r.reason}`);
    if (rejects.length > 20) warn(io, `… and ${rejects.length - 20} more rejected rows (--json lists them all)`);
    if (fewScores.length) info(io, `Fewer than ${MIN_SCORES_TO_NORMALISE} scores from ${fewScores.join(', ')} in this file: such reviewers are compared with the pool of all scores rather than with their own habits.`);
    // (a dry run saved nothing: "0 applications now have a combined score" read as if the scores were lost)
    if (!opts.dryRun) info(io, `${result.applicationsScored} application${result.applicationsScored === 1 ? ' now has' : 's now have'} a combined reviewer score; select uses it. See one with: skillsnet show ID`);
    return result;
  });
}

export function registerScores(program: Command, ctx: CliContext): void {
  const scores = program
    .command('scores')
    .description("reviewers' scores: import them; select ranks by their normalised combination")
    .addHelpText('after', '\nExamples:\n  skillsnet scores import scores-amina.csv --reviewer "Amina"\n  skillsnet scores import jury.xlsx --scale 1-5 --dry-run');
  scores
    .command('import')
    .description("import reviewers' scores from a CSV or .xlsx (application ID or email, reviewer, score; English, French or Spanish headers)")
    .argument('<file>', 'score sheet (.csv or .xlsx)')
    .option('--reviewer <name>', 'whose scores these are, when the sheet has no reviewer column')
    .option('--scale <min-max>', 'the scale the scores were given on, e.g. 1-5 or 0-100 (default: inferred)')
    .option('--call <name>', 'match applications of this call only')
    .option('--dry-run', 'check the file without saving anything')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Each reviewer's scores are standardised before they are averaged, so harsh and lenient
reviewers weigh alike; scores on different scales (1-5, 0-10, 0-20, 0-100) are put on one
scale first. A reviewer's new score for an application replaces the old one. Decimal commas
("7,5") and "8/10" are understood.

Examples:
  skillsnet scores import scores-amina.csv --reviewer "Amina"
  skillsnet scores import jury.xlsx --scale 1-5
  skillsnet scores import notes.csv --call 2020 --dry-run`,
    )
    .action(async (file: string, flags: { reviewer?: string; scale?: string; call?: string; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runScoresImport(
        { dbPath, file, reviewer: flags.reviewer?.trim() || undefined, scale: flags.scale ? parseScale(flags.scale) : undefined, call: flags.call, dryRun: flags.dryRun, json: flags.json },
        io,
      );
    });
}
