/**
 * Importing reviewers' scores: finding the header row and its columns, matching each row to an
 * application (its ID, else the email), one name per reviewer whatever the spelling, the scale
 * (given, stated in the header, or guessed from the scores, with a warning when the guess rests
 * on a few scores), and storing them (a reviewer's new score replaces the old one).
 */
import path from 'node:path';
import { WAITING_FOR_WRITER, type DB } from '../db/connection.js';
import { applicationKeys, reviewerNames, scoredApplicationCount, storeScores, type ScoreToStore } from '../db/scores.js';
import { OperationError, UsageError } from '../errors.js';
import { asNamed, openInput } from '../files/index.js';
import { normaliseName } from '../geo/normalise.js';
import { checkpoint, columnName, warning, type Callbacks } from '../reporting.js';
import { MIN_SCORES_TO_NORMALISE } from './normalise.js';
import { matchScoreHeaders, parseScoreCell, readScoreTable, scaleFromHeader } from './score-file.js';
import { shellArg } from '../text.js';

export interface Scale {
  min: number;
  max: number;
}

export interface ScoresImportOptions {
  /** Whose scores these are, when the sheet has no reviewer column (or for its blank cells). */
  reviewer?: string;
  /** The scale the scores were given on; inferred from the file when absent. */
  scale?: Scale;
  /** Match applications of this call only (an email may apply in several calls). */
  call?: string;
  dryRun?: boolean;
}

/** `scores import --json`. */
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

/** A score sheet read and its columns found: what importScores needs besides the database. */
export interface ScoreSheet {
  /** The file's name (messages, the stored scores' origin). */
  name: string;
  table: string[][];
  headerRow: number;
  columns: ReturnType<typeof matchScoreHeaders>;
}

/** What an import did besides its counts, for the officer to read. */
export interface ScoresImport {
  result: ScoresImportResult;
  /** Where the scale came from. */
  scaleSource: 'option' | 'header' | 'scores';
  /** The score column's header as written. */
  scoreHeader: string;
  /** Reviewers of this file with fewer scores than it takes to standardise them on their own. */
  fewScores: string[];
}

/** "1-5", "0..100", "0–10" -> {min, max}. */
export function parseScale(text: string): Scale {
  const m = /^\s*(-?\d+(?:[.,]\d+)?)\s*(?:-|–|\.\.|to|à|a)\s*(-?\d+(?:[.,]\d+)?)\s*$/i.exec(text);
  const min = m ? Number(m[1].replace(',', '.')) : NaN;
  const max = m ? Number(m[2].replace(',', '.')) : NaN;
  if (!m || !(max > min)) throw new UsageError(`--scale needs MIN-MAX with MIN below MAX, got "${text}"`, { hint: 'for example --scale 1-5 or --scale 0-100' });
  return { min, max };
}

/** The usual scale that holds every score seen (a 1-5 sheet, a 0-10 sheet, a French 0-20, a 0-100). */
export function inferScale(scores: number[], outOf: number[]): Scale {
  // Folded, not spread: Math.max(...scores) overflows the call stack on a sheet of 400,000 rows.
  if (outOf.length) return { min: 0, max: outOf.reduce((a, b) => Math.max(a, b), -Infinity) };
  const hi = scores.reduce((a, b) => Math.max(a, b), -Infinity);
  const lo = scores.reduce((a, b) => Math.min(a, b), Infinity);
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
export function scaleOutliers(scores: number[], scale: Scale): { above: number; smaller: Scale } | null {
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

/**
 * Reads a score sheet and finds its header: the first of the top rows where a score column and
 * an application or email column are recognised. Errors say how to name the columns (and, for a
 * grid of one column per reviewer, how to turn it into rows); a sheet without a reviewer column
 * needs `reviewer`. `shownAs` is the file as the officer named it, for that hint.
 */
export async function readScoreSheet(file: string, options: { reviewer?: string; shownAs?: string } = {}): Promise<ScoreSheet> {
  // A pipe or stdin is copied once (it cannot be read twice); a device is refused.
  const input = await openInput(file, { what: 'the scores file ' });
  let table: string[][];
  try {
    table = await readScoreTable(input.path);
  } catch (e) {
    throw asNamed(e, input);
  } finally {
    input.release();
  }
  const name = input.name;
  if (!table.length) {
    throw new OperationError(`${name} is empty: there is no header row and no score`, { hint: 'check that you picked the right file: a sheet with the columns application id (or email), reviewer, score' });
  }
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
    // The first row is quoted only when it reads like headers (it names at least one column a
    // score sheet has): otherwise it is somebody's row, and is not repeated.
    const first = table[0] ?? [];
    const found = matchScoreHeaders(first);
    const headerLike = Object.values(found).some((c) => c !== undefined);
    const shown = first.map((h, i) => columnName(h, i)).filter(Boolean).join(', ');
    throw new OperationError(`no score column and application or email column recognised in ${name}${first.length ? ` (${headerLike ? `headers: ${shown}` : 'its first row does not read like column names'})` : ''}`, {
      hint: `name the columns e.g. "application id", "reviewer", "score" (or courriel/note, correo/puntuación); synonyms are in data/score-headers.json.${wide}`,
    });
  }
  if (columns.reviewer === undefined && !options.reviewer) {
    throw new UsageError(`${name} has no reviewer column`, { hint: `say whose scores these are: skillsnet scores import ${shellArg(options.shownAs ?? file)} --reviewer NAME` });
  }
  return { name, table, headerRow, columns };
}

interface AppKey {
  id: number;
  call: string;
}

function applicationIndex(db: DB, call?: string) {
  const rows = applicationKeys(db);
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

interface ParsedScore {
  row: number;
  applicationId: number;
  reviewer: string;
  score: number;
  raw: string;
  outOf?: number;
}

/**
 * Imports the scores of a sheet (readScoreSheet). Every data row ends stored (inserted,
 * updated, unchanged) or rejected with a reason; the counts add up. Warnings: no row usable,
 * a header scale most scores do not fit, a guessed scale that rests on a few scores.
 */
export async function importScores(db: DB, sheet: ScoreSheet, options: ScoresImportOptions = {}, callbacks: Callbacks = {}): Promise<ScoresImport> {
  const { name, table, headerRow, columns } = sheet;
  const warn = (code: string, message: string) => callbacks.onWarning?.(warning(code, message));
  const cell = (row: string[], c: number | undefined) => (c === undefined ? '' : String(row[c] ?? '').trim());
  const headers = table[headerRow] ?? [];
  // Reasons name the column and the kind of problem, never the cell (the row number is beside them).
  const column = (c: number | undefined) => (c === undefined ? '' : `${columnName(headers[c], c)}: `);
  const index = applicationIndex(db, options.call);
  const sameReviewer = reviewerNamer(db);
  const rejects: { row: number; reason: string }[] = [];
  const parsed: ParsedScore[] = [];
  // Every number of the sheet, matched or not: how high the reviewer's scores go does not
  // depend on which rows name an application skillsnet knows.
  const sheetScores: { score: number; outOf?: number }[] = [];
  let rows = 0;
  const readRow = (row: string[], i: number) => {
    const rowNumber = i + 1;
    if (row.every((c) => String(c ?? '').trim() === '')) return;
    rows++;
    const reject = (reason: string) => rejects.push({ row: rowNumber, reason });
    const raw = cell(row, columns.score);
    if (raw === '') return reject(`${column(columns.score)}no score`);
    const value = parseScoreCell(raw);
    if (!value) return reject(`${column(columns.score)}not a number`);
    sheetScores.push(value);
    const reviewer = sameReviewer(cell(row, columns.reviewer) || options.reviewer || '');
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
    if (matches.length === 0) return reject(`no application ${[ref && "with the row's application ID", email && "with the row's email"].filter(Boolean).join(' or ')}${options.call ? ` in call ${options.call}` : ''}`);
    if (matches.length > 1) {
      const calls = new Set(matches.map((m) => m.call));
      const fix = calls.size > 1 ? 'add --call' : 'give the application ID instead';
      return reject(`${ref ? "the row's application ID" : "the row's email"} matches ${matches.length} applications (${matches.map((m) => `#${m.id} in ${m.call}`).join(', ')}); ${fix}`);
    }
    parsed.push({ row: rowNumber, applicationId: matches[0].id, reviewer, score: value.score, raw, outOf: value.outOf });
  };
  const body = table.slice(headerRow + 1);
  for (let i = 0; i < body.length; i++) {
    // A sheet of hundreds of thousands of rows takes a second: Ctrl-C is answered between batches.
    if (i > 0 && i % 20_000 === 0) await checkpoint(callbacks.signal, 'interrupted; no score was saved');
    readRow(body[i]!, i);
  }
  if (parsed.length === 0 && rows > 0 && rejects.length === rows) {
    warn('no-usable-row', `none of the ${rows} rows of ${name} could be used`);
  }
  const scoreHeader = String(table[headerRow]![columns.score!] ?? '').trim();
  const { scale, source } = chooseScale(sheetScores, scoreHeader, options.scale, warn);
  const toStore = checkScores(parsed, scale, rejects);
  rejects.sort((a, b) => a.row - b.row);
  // A pause before the one transaction that stores them: Ctrl-C here saves nothing.
  await checkpoint(callbacks.signal, 'interrupted; no score was saved');
  const counts = await storeScores(db, toStore, name, {
    dryRun: options.dryRun,
    pause: () => checkpoint(callbacks.signal, 'interrupted; no score was saved'),
    onWait: () => callbacks.onStatus?.(WAITING_FOR_WRITER),
  });
  const result: ScoresImportResult = {
    file: name,
    scale: { ...scale, inferred: source === 'scores' },
    reviewers: [...new Set(toStore.map((s) => s.reviewer))].sort(),
    rows,
    ...counts,
    rejected: rejects.length,
    rejects,
    // (after the commit, where Ctrl-C is no longer heard: a count, not every combined score worked out)
    applicationsScored: scoredApplicationCount(db),
    dryRun: Boolean(options.dryRun),
  };
  const fewScores = result.reviewers.filter((r) => toStore.filter((s) => s.reviewer === r).length < MIN_SCORES_TO_NORMALISE);
  return { result, scaleSource: source, scoreHeader, fewScores };
}

/**
 * "Ana Ruiz", "ana ruiz " and "ANA RUIZ" are one reviewer (in this file and those before):
 * written as first seen, so that each reviewer's scores are standardised together.
 */
function reviewerNamer(db: DB): (raw: string) => string {
  const reviewers = new Map<string, string>();
  for (const name of reviewerNames(db)) if (!reviewers.has(normaliseName(name))) reviewers.set(normaliseName(name), name);
  return (raw) => {
    const name = raw.replace(/\s+/g, ' ').trim();
    const key = normaliseName(name);
    if (!key) return name;
    if (!reviewers.has(key)) reviewers.set(key, name);
    return reviewers.get(key)!;
  };
}

/** The scale: as given; else as the score column's header states it; else guessed from the scores. */
function chooseScale(
  sheetScores: { score: number; outOf?: number }[],
  scoreHeader: string,
  given: Scale | undefined,
  warn: (code: string, message: string) => void,
): { scale: Scale; source: ScoresImport['scaleSource'] } {
  if (given) return { scale: given, source: 'option' };
  // A header that states its scale ("Note sur 20", "Score (0-100)") beats a guess from the values.
  const headerScale = scaleFromHeader(scoreHeader);
  if (headerScale) {
    // A header whose numbers most scores do not fit was not stating the scale: guess from the scores instead.
    const plainScores = sheetScores.filter((p) => !p.outOf).map((p) => p.score);
    const outside = plainScores.filter((v) => v < headerScale.min || v > headerScale.max).length;
    if (outside * 2 <= plainScores.length) return { scale: headerScale, source: 'header' };
    warn('header-scale-ignored', `the column header "${scoreHeader}" reads like the scale ${headerScale.min}-${headerScale.max}, but ${outside} of ${plainScores.length} scores lie outside it, so the scale was inferred from the scores; if the header is right, import again with --scale ${headerScale.min}-${headerScale.max}`);
  }
  const scale = sheetScores.length ? inferScale(sheetScores.map((p) => p.score), sheetScores.flatMap((p) => (p.outOf ? [p.outOf] : []))) : { min: 0, max: 10 };
  const plain = sheetScores.filter((p) => !p.outOf).map((p) => p.score);
  const outliers = sheetScores.every((p) => !p.outOf) ? scaleOutliers(plain, scale) : null;
  if (outliers) {
    const s = outliers.smaller;
    warn('scale-outliers', `the scale ${scale.min}-${scale.max} was inferred because ${outliers.above} of ${plain.length} scores ${outliers.above === 1 ? 'lies' : 'lie'} above ${s.max}; every other score fits ${s.min}-${s.max}. If ${outliers.above === 1 ? 'it is a typo' : 'they are typos'}, import again with --scale ${s.min}-${s.max} (scores outside it are then rejected and listed); if the sheet is really ${scale.min}-${scale.max}, say so with --scale ${scale.min}-${scale.max}`);
  }
  return { scale, source: 'scores' };
}

/** The scores to store: within the scale, and only the last row for an application and reviewer (the others are rejected, saying why). */
function checkScores(parsed: ParsedScore[], scale: Scale, rejects: { row: number; reason: string }[]): ScoreToStore[] {
  const last = new Map<string, number>();
  parsed.forEach((p, i) => last.set(`${p.applicationId}\u0000${p.reviewer}`, i));
  const toStore: ScoreToStore[] = [];
  parsed.forEach((p, i) => {
    if (p.score < scale.min || p.score > (p.outOf ?? scale.max)) {
      rejects.push({ row: p.row, reason: `the score is outside the scale ${scale.min}-${scale.max}` });
    } else if (last.get(`${p.applicationId}\u0000${p.reviewer}`) !== i) {
      rejects.push({ row: p.row, reason: `a later row scores application ${p.applicationId} again for the same reviewer (the later one is kept)` });
    } else {
      const s = p.outOf ? { min: 0, max: p.outOf } : scale;
      toStore.push({ applicationId: p.applicationId, reviewer: p.reviewer, score: p.score, scaleMin: s.min, scaleMax: s.max, rawText: p.raw });
    }
  });
  return toStore;
}
