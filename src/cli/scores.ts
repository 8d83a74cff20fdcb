import path from 'node:path';
import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, warn, type IO } from './io.js';
import { OperationError, UsageError } from '../errors.js';
import type { DB } from '../db/connection.js';
import { combinedScores, reviewerNames, storeScores, type ScoreToStore } from '../db/scores.js';
import { normaliseName } from '../geo/normalise.js';
import { matchScoreHeaders, parseScoreCell, readScoreTable, scaleFromHeader } from '../selection/score-file.js';
import { MIN_SCORES_TO_NORMALISE } from '../selection/normalise.js';

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

export interface ScoresImportResult {
  file: string;
  scale: { min: number; max: number; inferred: boolean };
  reviewers: string[];
  /** Data rows read (header excluded). rows = inserted + updated + unchanged + rejected. */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejects: { row: number; reason: string }[];
  /** Applications with a combined reviewer score after this import. */
  applicationsScored: number;
  dryRun: boolean;
}

/** "1-5", "0..100", "0–10" -> {min, max}. */
export function parseScale(text: string): { min: number; max: number } {
  const m = /^\s*(-?\d+(?:[.,]\d+)?)\s*(?:-|–|\.\.|to|à|a)\s*(-?\d+(?:[.,]\d+)?)\s*$/i.exec(text);
  const min = m ? Number(m[1].replace(',', '.')) : NaN;
  const max = m ? Number(m[2].replace(',', '.')) : NaN;
  if (!m || !(max > min)) throw new UsageError(`--scale needs MIN-MAX with MIN below MAX, got "${text}"`, { hint: 'for example --scale 1-5 or --scale 0-100' });
  return { min, max };
}

/** The usual scale that holds every score seen (a 1-5 sheet, a 0-10 sheet, a French 0-20, a 0-100). */
export function inferScale(scores: number[], outOf: number[]): { min: number; max: number } {
  if (outOf.length) return { min: 0, max: Math.max(...outOf) };
  const hi = Math.max(...scores);
  const lo = Math.min(...scores);
  if (hi <= 1) return { min: 0, max: 1 };
  if (hi <= 5) return { min: lo >= 1 ? 1 : 0, max: 5 };
  if (hi <= 10) return { min: 0, max: 10 };
  if (hi <= 20) return { min: 0, max: 20 };
  if (hi <= 100) return { min: 0, max: 100 };
  return { min: 0, max: hi };
}

/** The common scales inferScale chooses between, by their maximum. */
const COMMON_MAXIMA = [1, 5, 10, 20, 100];

/**
 * When an inferred scale rests on a few scores only (one 11 on a 0-10 sheet makes it 0-20),
 * how many scores lie above the next smaller common scale, and that scale; null when the
 * scale is well supported (more than a tenth of the scores, at least 2, need it).
 */
export function scaleOutliers(scores: number[], scale: { min: number; max: number }): { above: number; smaller: { min: number; max: number } } | null {
  const smallerMax = [...COMMON_MAXIMA].reverse().find((m) => m < scale.max);
  if (smallerMax === undefined || scores.length === 0) return null;
  const rest = scores.filter((s) => s <= smallerMax);
  if (rest.length === 0) return null;
  // The scale the other scores alone would give (one 11 among 1-5 scores suggests 1-5).
  const smaller = inferScale(rest, []);
  const above = scores.length - rest.length;
  if (above > Math.max(1, Math.floor(scores.length / 10))) return null;
  return { above, smaller };
}

interface AppKey {
  id: number;
  call: string;
}

function applicationIndex(db: DB, call?: string) {
  const rows = db
    .prepare(`SELECT a.id, a.external_id, lower(a.email) AS email, c.name AS call FROM applications a JOIN calls c ON c.id = a.call_id ORDER BY a.id`)
    .all() as { id: number; external_id: string | null; email: string | null; call: string }[];
  const byExternal = new Map<string, AppKey[]>();
  const byEmail = new Map<string, AppKey[]>();
  const byId = new Map<number, AppKey>();
  for (const r of rows) {
    if (call !== undefined && r.call !== call) continue;
    const key = { id: r.id, call: r.call };
    byId.set(r.id, key);
    if (r.external_id) {
      const k = r.external_id.trim().toLowerCase();
      byExternal.set(k, [...(byExternal.get(k) ?? []), key]);
    }
    if (r.email) byEmail.set(r.email.trim(), [...(byEmail.get(r.email.trim()) ?? []), key]);
  }
  return { byExternal, byEmail, byId };
}

export async function runScoresImport(opts: ScoresImportOptions, io: IO): Promise<ScoresImportResult> {
  const file = path.resolve(io.cwd, opts.file);
  const table = await readScoreTable(file);
  const name = path.basename(file);
  // The header is the first of the top rows where a score column and an application or email column are recognised.
  let headerRow = -1;
  let columns: ReturnType<typeof matchScoreHeaders> = {};
  for (let i = 0; i < Math.min(table.length, 10); i++) {
    const found = matchScoreHeaders(table[i]);
    if (found.score !== undefined && (found.application !== undefined || found.email !== undefined)) {
      headerRow = i;
      columns = found;
      break;
    }
  }
  if (headerRow < 0) {
    // A grid with one column per reviewer (application, then a score column per reviewer) is
    // common; say how to turn it into rows rather than only that no score column was found.
    const grid = table.slice(0, 10).find((row) => {
      const found = matchScoreHeaders(row);
      return found.score === undefined && (found.application !== undefined || found.email !== undefined);
    });
    const wide = grid ? ' If the sheet has one column per reviewer, put it in rows: one row per application and reviewer, with the columns application id, reviewer, score.' : '';
    throw new OperationError(`no score column and application or email column recognised in ${name}${table[0] ? ` (headers: ${table[0].filter(Boolean).join(', ')})` : ''}`, {
      hint: `name the columns e.g. "application id", "reviewer", "score" (or courriel/note, correo/puntuación); synonyms are in data/score-headers.json.${wide}`,
    });
  }
  if (columns.reviewer === undefined && !opts.reviewer) {
    throw new UsageError(`${name} has no reviewer column`, { hint: `say whose scores these are: skillsnet scores import ${opts.file} --reviewer NAME` });
  }
  const cell = (row: string[], c: number | undefined) => (c === undefined ? '' : String(row[c] ?? '').trim());

  return withDatabase(opts.dbPath, { create: false }, (db) => {
    const index = applicationIndex(db, opts.call);
    // "Ana Ruiz", "ana ruiz " and "ANA RUIZ" are one reviewer (in this file and those before):
    // written as first seen, so that each reviewer's scores are standardised together.
    const reviewers = new Map<string, string>();
    for (const name of reviewerNames(db)) if (!reviewers.has(normaliseName(name))) reviewers.set(normaliseName(name), name);
    const sameReviewer = (raw: string): string => {
      const name = raw.replace(/\s+/g, ' ').trim();
      const key = normaliseName(name);
      if (!key) return name;
      if (!reviewers.has(key)) reviewers.set(key, name);
      return reviewers.get(key)!;
    };
    const rejects: { row: number; reason: string }[] = [];
    const parsed: { row: number; applicationId: number; reviewer: string; score: number; raw: string; outOf?: number }[] = [];
    // Every number of the sheet, matched or not: how high the reviewer's scores go does not
    // depend on which rows name an application skillsnet knows.
    const sheetScores: { score: number; outOf?: number }[] = [];
    let rows = 0;
    const data = table.slice(headerRow + 1);
    data.forEach((row, i) => {
      const rowNumber = i + 1;
      if (row.every((c) => String(c ?? '').trim() === '')) return;
      rows++;
      const reject = (reason: string) => rejects.push({ row: rowNumber, reason });
      const raw = cell(row, columns.score);
      if (raw === '') return reject('no score');
      const value = parseScoreCell(raw);
      if (!value) return reject(`"${raw}" is not a number`);
      sheetScores.push(value);
      const reviewer = sameReviewer(cell(row, columns.reviewer) || opts.reviewer || '');
      if (!reviewer) return reject('no reviewer (add --reviewer NAME for blank cells)');
      const ref = cell(row, columns.application);
      const email = cell(row, columns.email).toLowerCase().replace(/^mailto:/, '');
      let matches: AppKey[] = [];
      if (ref) {
        matches = index.byExternal.get(ref.toLowerCase()) ?? [];
        if (matches.length === 0 && /^#?\d+$/.test(ref)) {
          const byId = index.byId.get(Number(ref.replace('#', '')));
          if (byId) matches = [byId];
        }
      }
      if (matches.length === 0 && email) matches = index.byEmail.get(email) ?? [];
      // The row's email is personal data: the message names the row, not the address.
      if (matches.length === 0) return reject(`no application ${[ref && `with ID ${ref}`, email && "with the row's email"].filter(Boolean).join(' or ')}${opts.call ? ` in call ${opts.call}` : ''}`);
      if (matches.length > 1) {
        const calls = new Set(matches.map((m) => m.call));
        const fix = calls.size > 1 ? 'add --call' : 'give the application ID instead';
        return reject(`${ref ? `ID ${ref}` : "the row's email"} matches ${matches.length} applications (${matches.map((m) => `#${m.id} in ${m.call}`).join(', ')}); ${fix}`);
      }
      parsed.push({ row: rowNumber, applicationId: matches[0].id, reviewer, score: value.score, raw, outOf: value.outOf });
    });
    if (parsed.length === 0 && rows > 0 && rejects.length === rows) {
      warn(io, `none of the ${rows} rows of ${name} could be used`);
    }
    // A header that states its scale ("Note sur 20", "Score (0-100)") beats a guess from the values.
    const scoreHeader = String(table[headerRow]![columns.score!] ?? '').trim();
    let headerScale = opts.scale === undefined ? scaleFromHeader(scoreHeader) : null;
    if (headerScale) {
      // A header whose numbers most scores do not fit was not stating the scale: guess from the scores instead.
      const plainScores = sheetScores.filter((p) => !p.outOf).map((p) => p.score);
      const outside = plainScores.filter((v) => v < headerScale!.min || v > headerScale!.max).length;
      if (outside * 2 > plainScores.length) {
        warn(io, `the column header "${scoreHeader}" reads like the scale ${headerScale.min}-${headerScale.max}, but ${outside} of ${plainScores.length} scores lie outside it, so the scale was inferred from the scores; if the header is right, import again with --scale ${headerScale.min}-${headerScale.max}`);
        headerScale = null;
      }
    }
    const inferred = opts.scale === undefined && !headerScale;
    const scale = opts.scale ?? headerScale ?? (sheetScores.length ? inferScale(sheetScores.map((p) => p.score), sheetScores.flatMap((p) => (p.outOf ? [p.outOf] : []))) : { min: 0, max: 10 });
    const plain = sheetScores.filter((p) => !p.outOf).map((p) => p.score);
    const outliers = inferred && sheetScores.every((p) => !p.outOf) ? scaleOutliers(plain, scale) : null;
    if (outliers) {
      const s = outliers.smaller;
      warn(io, `the scale ${scale.min}-${scale.max} was inferred because ${outliers.above} of ${plain.length} scores ${outliers.above === 1 ? 'lies' : 'lie'} above ${s.max}; every other score fits ${s.min}-${s.max}. If ${outliers.above === 1 ? 'it is a typo' : 'they are typos'}, import again with --scale ${s.min}-${s.max} (scores outside it are then rejected and listed); if the sheet is really ${scale.min}-${scale.max}, say so with --scale ${scale.min}-${scale.max}`);
    }
    // Later rows win for the same application and reviewer.
    const last = new Map<string, number>();
    parsed.forEach((p, i) => last.set(`${p.applicationId}\u0000${p.reviewer}`, i));
    const toStore: ScoreToStore[] = [];
    parsed.forEach((p, i) => {
      if (p.score < scale.min || p.score > (p.outOf ?? scale.max)) {
        rejects.push({ row: p.row, reason: `score ${p.raw} is outside the scale ${scale.min}-${scale.max}` });
      } else if (last.get(`${p.applicationId}\u0000${p.reviewer}`) !== i) {
        rejects.push({ row: p.row, reason: `a later row scores application ${p.applicationId} for ${p.reviewer} again (the later one is kept)` });
      } else {
        const s = p.outOf ? { min: 0, max: p.outOf } : scale;
        toStore.push({ applicationId: p.applicationId, reviewer: p.reviewer, score: p.score, scaleMin: s.min, scaleMax: s.max, rawText: p.raw });
      }
    });
    rejects.sort((a, b) => a.row - b.row);
    const counts = storeScores(db, toStore, name, { dryRun: opts.dryRun });
    const result: ScoresImportResult = {
      file: name,
      scale: { ...scale, inferred },
      reviewers: [...new Set(toStore.map((s) => s.reviewer))].sort(),
      rows,
      ...counts,
      rejected: rejects.length,
      rejects,
      applicationsScored: combinedScores(db).size,
      dryRun: Boolean(opts.dryRun),
    };
    if (opts.json) {
      printJson(io, result);
      return result;
    }
    info(io, `${name}: ${rows} rows; ${result.inserted} new, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rejected} rejected${opts.dryRun ? ' (dry run: nothing saved)' : ''}.`);
    const scaleSource = inferred ? ' (inferred from the scores; set it with --scale MIN-MAX)' : headerScale ? ` (from the column header "${scoreHeader}")` : '';
    info(io, `Scale ${scale.min}-${scale.max}${scaleSource}; reviewers: ${result.reviewers.join(', ') || 'none'}.`);
    for (const r of rejects.slice(0, 20)) warn(io, `row ${r.row}: ${r.reason}`);
    if (rejects.length > 20) warn(io, `… and ${rejects.length - 20} more rejected rows (--json lists them all)`);
    const few = result.reviewers.filter((r) => toStore.filter((s) => s.reviewer === r).length < MIN_SCORES_TO_NORMALISE);
    if (few.length) info(io, `Fewer than ${MIN_SCORES_TO_NORMALISE} scores from ${few.join(', ')} in this file: such reviewers are compared with the pool of all scores rather than with their own habits.`);
    info(io, `${result.applicationsScored} application${result.applicationsScored === 1 ? ' now has' : 's now have'} a combined reviewer score; select uses it. See one with: skillsnet show ID`);
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
