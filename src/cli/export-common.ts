import type { DB } from '../db/connection.js';
import { countApplications, iterateApplications } from '../db/applications.js';
import type { Application, ApplicationFilters } from '../model.js';
import { startProgress } from '../ui/progress.js';
import { getRoster, listRosters, rosterEntries } from '../db/rosters.js';
import { combinedScores } from '../db/scores.js';
import { toCandidate } from '../selection/candidates.js';
import { OperationError, UsageError } from '../errors.js';
import path from 'node:path';
import { info, warn, type IO } from './io.js';
import { printJson } from './context.js';

/** What every export run returns (and prints with --json). */
export interface ExportResult {
  export: 'kumu' | 'contacts' | 'roster' | 'graphml' | 'map';
  format: string;
  /** Files written (absolute paths); empty for stdout or --dry-run. */
  files: string[];
  stdout: boolean;
  dryRun: boolean;
  counts: Record<string, number>;
  ms: number;
}

/** The roster whose members form the Core Group: the one named, else the latest saved, else none. */
export function coreGroupRoster(db: DB, io: IO, name: string | undefined, purpose: string): { name: string; members: Set<number> } | null {
  let chosen = name;
  if (chosen === undefined) {
    const all = listRosters(db);
    if (all.length === 0) return null;
    chosen = all[all.length - 1].name;
    if (all.length > 1) info(io, `${purpose}: members of roster "${chosen}", the latest saved (--roster NAME to choose another)`);
  }
  if (!getRoster(db, chosen)) throw unknownRoster(db, chosen);
  const members = new Set(rosterEntries(db, chosen).filter((e) => e.role === 'member').map((e) => e.application.id));
  return { name: chosen, members };
}

export function unknownRoster(db: DB, name: string): OperationError {
  const names = listRosters(db).map((r) => r.name);
  return new OperationError(`no roster named "${name}"`, {
    hint: names.length ? `saved rosters: ${names.join(', ')} (skillsnet rosters)` : 'select one first: skillsnet select --size 25 --name core-2020',
  });
}

/** Parses --peer-links [N]: true (flag alone) means 3 peers per organisation. */
export function parsePeerLinks(value: string | boolean | undefined): number | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return 3;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new UsageError(`--peer-links takes a number of peers per organisation from 1 to 50, got "${value}"`);
  return n;
}

export function finish(io: IO, result: ExportResult, json: boolean | undefined): ExportResult {
  if (json) printJson(io, result);
  return result;
}

export function elapsed(start: number): number {
  return Math.round(performance.now() - start);
}

export function checkJsonWithStdout(json: boolean | undefined, out: string): void {
  if (json && out === '-') throw new UsageError('--json prints a summary on stdout, which --out - already uses', { hint: 'drop --json, or write to a file' });
}

/**
 * The matching applications, streamed from the database, with a progress bar on a terminal
 * for large calls (nothing is drawn off a terminal, with --quiet, or for small calls). Each
 * carries the score select ranks by: the reviewers' combined score where reviewers scored,
 * else the application's own, so a map sized by score shows what the selection weighed.
 */
export function* applicationsWithProgress(db: DB, io: IO, filters: ApplicationFilters): Generator<Application> {
  // --min-score means what it means on select: the selection score; unscored applications are left out.
  const { minScore, ...rest } = filters;
  const combined = combinedScores(db);
  const withSelectionScore = (a: Application): Application | null => {
    const c = toCandidate(a, combined.get(a.id)?.combined);
    if (minScore !== undefined && (c.scoreSource === 'none' || c.score < minScore)) return null;
    return c.scoreSource === 'reviewers' ? { ...a, score: c.score } : a;
  };
  const total = io.stderrIsTTY && !io.quiet ? countApplications(db, rest) : 0;
  const progress = startProgress(io, 'Reading applications', total >= 2000 ? total : 0);
  let done = 0;
  try {
    for (const a of iterateApplications(db, rest)) {
      const scored = withSelectionScore(a);
      if (scored) yield scored;
      if (++done % 250 === 0) progress.update(done);
    }
  } finally {
    progress.stop();
  }
}

/**
 * The format to write: --format when given (with a warning when --out's extension names
 * another), else the one --out's extension stands for ("--out core.vcf" is a vCard), else
 * the default. `byExtension` lists the formats each extension fits.
 */
export function formatForOut<F extends string>(
  io: IO,
  out: string | undefined,
  format: F,
  explicit: boolean,
  byExtension: Record<string, readonly F[]>,
): F {
  if (!out || out === '-') return format;
  const ext = path.extname(out).toLowerCase();
  const fits = byExtension[ext];
  if (!fits || fits.includes(format)) return format;
  if (!explicit) return fits[0];
  warn(io, `--out ${out} ends in ${ext} but --format ${format} writes ${format}; the file keeps the name given`);
  return format;
}
