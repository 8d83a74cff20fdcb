/**
 * How candidates are ranked beyond their raw score, said on purpose by the officer and saved
 * with the roster so that roster show, replace and export rank the same way:
 * - the order that breaks ties (and, with no scores at all, the only order): application ID,
 *   submission date, or a reproducible draw (--order id|submitted|random --seed N);
 * - scores of several calls put on one scale (--rescale-scores), when their scales differ.
 */
import { UsageError } from '../errors.js';
import { scoreKey, type Candidate } from './candidates.js';
import { inferScale } from './scores-import.js';

export const ORDERS = ['id', 'submitted', 'random'] as const;
/** The order that breaks ties between equal scores. */
export type Order = (typeof ORDERS)[number];

/** The scale a call's own scores were read on, and how it was found. */
export interface CallScale {
  call: string;
  /** 'application': the scores of the application file; 'reviewers': reviewers' combined scores (0–10 by construction). */
  source: 'application' | 'reviewers';
  /** The scale the scores were read on (scores import's rule: the usual scale that holds them all; 0–10 for reviewers). */
  min: number;
  max: number;
  /** The lowest and highest score seen. */
  lowest: number;
  highest: number;
  /** How many applications carry such a score. */
  count: number;
}

/** What a roster saves about its ranking (RosterParams). */
export interface Ranking {
  order?: Order;
  seed?: number;
  /** The scales that were put on 0–10, when scores of several calls were rescaled. */
  scoreScales?: CallScale[];
}

/**
 * The scale of each call's scores among the candidates: the application file's scores by their
 * highest value, the reviewers' combined scores on 0–10. Unscored candidates have no scale.
 */
export function callScales(candidates: Candidate[]): CallScale[] {
  const groups = new Map<string, CallScale>();
  for (const c of candidates) {
    if (c.scoreSource === 'none') continue;
    const source = c.scoreSource;
    const call = c.call ?? '';
    const key = `${source}\u0000${call}`;
    const g = groups.get(key) ?? { call, source, min: 0, max: 10, lowest: Infinity, highest: -Infinity, count: 0 };
    g.lowest = Math.min(g.lowest, c.score);
    g.highest = Math.max(g.highest, c.score);
    g.count++;
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => (g.source === 'reviewers' ? g : { ...g, ...inferScale([g.lowest, g.highest], []) }));
}

/** The calls among the candidates, in the order first met. */
export function callsOf(candidates: Candidate[]): string[] {
  return [...new Set(candidates.map((c) => c.call ?? ''))];
}

/**
 * Whether scores of several calls sit on different scales (and comparing them as they are would
 * let one call's larger numbers win): only between calls, and only when both have scores.
 */
export function scalesDiffer(scales: CallScale[]): boolean {
  const calls = new Set(scales.map((s) => s.call));
  return calls.size > 1 && new Set(scales.map((s) => `${s.min}-${s.max}`)).size > 1;
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;

/** "call 2021: application scores 12–87, read as 0–100" */
export function describeScale(s: CallScale): string {
  const what = s.source === 'reviewers' ? "reviewers' combined scores" : 'application scores';
  const seen = s.lowest === s.highest ? `${round(s.highest)}` : `${round(s.lowest)}–${round(s.highest)}`;
  return `call ${s.call}: ${what} ${seen}, read as ${s.min}–${s.max}`;
}

/**
 * The application scores of each call put on 0–10 by the scale they were read on, as reviewers'
 * scores are (normalise.ts): 10 × (score − min) / (max − min). Reviewers' combined scores stay.
 */
export function rescale(candidates: Candidate[], scales: CallScale[]): Candidate[] {
  const scaleOf = new Map(scales.filter((s) => s.source === 'application' && s.max > s.min).map((s) => [s.call, s]));
  return candidates.map((c) => {
    const s = c.scoreSource === 'application' ? scaleOf.get(c.call ?? '') : undefined;
    if (!s || (s.min === 0 && s.max === 10)) return c;
    return { ...c, score: scoreKey((10 * (c.score - s.min)) / (s.max - s.min)) / 1e4 };
  });
}

/**
 * Candidates of several calls whose scores sit on different scales (a 0–10 call beside a 0–100
 * one) are never compared, ranked or drawn side by side as they are: refused (a usage error
 * listing each call's scale), or with rescaleScores each call's application scores put on 0–10
 * by its scale (`scales`, and a `warning` to say so). The one rule for select and the exports.
 */
export function scoresOnOneScale(
  candidates: Candidate[],
  options: { rescaleScores?: boolean; what: string; alternative: string },
): { scales?: CallScale[]; warning?: string; status?: string } {
  const calls = callsOf(candidates);
  if (calls.length < 2) return {};
  const scales = callScales(candidates);
  if (!scalesDiffer(scales)) {
    return options.rescaleScores ? { status: `The calls' scores are on one scale already (${scales.map(describeScale).join('; ')}); nothing rescaled.` } : {};
  }
  const lines = scales.map((s) => `  - ${describeScale(s)}`).join('\n');
  if (!options.rescaleScores) {
    throw new UsageError(`${options.what} of ${calls.length} calls have scores on different scales; compared as they are, the larger numbers would win:\n${lines}`, {
      hint: `add --rescale-scores to put every call's scores on 0–10 (10 × (score − min) / (max − min) of its scale), import reviewers' scores (skillsnet scores import: they are normalised together), or ${options.alternative}`,
    });
  }
  return { scales, warning: `scores of different calls put on one scale, 0–10 (10 × (score − min) / (max − min)):\n${lines}` };
}

/**
 * The tie-break order applied: each candidate gets its position in the chosen order (ID order
 * needs nothing). `submitted`: earliest submission first (dates the file wrote; undated last);
 * `random`: a draw from the seed that does not depend on which other applications are there,
 * so a roster's replacement draws the same way.
 */
export function applyOrder(candidates: Candidate[], order: Order | undefined, seed = 0): Candidate[] {
  if (order === undefined || order === 'id') return candidates;
  const keyed = order === 'submitted'
    ? submissionKeys(candidates)
    : new Map(candidates.map((c) => [c.id, hash32(seed, c.id)]));
  const sorted = [...candidates].sort((a, b) => {
    const ka = keyed.get(a.id) ?? null;
    const kb = keyed.get(b.id) ?? null;
    if (ka === null || kb === null) return ka === kb ? a.id - b.id : ka === null ? 1 : -1;
    return ka - kb || a.id - b.id;
  });
  const position = new Map(sorted.map((c, i) => [c.id, i + 1]));
  return candidates.map((c) => ({ ...c, tieBreak: position.get(c.id)! }));
}

/** A ranking as saved with a roster, applied to candidates read again: scales first, then the order. */
export function applyRanking(candidates: Candidate[], ranking: Ranking): Candidate[] {
  const scaled = ranking.scoreScales?.length ? rescale(candidates, ranking.scoreScales) : candidates;
  return applyOrder(scaled, ranking.order, ranking.seed);
}

/** A 32-bit mix of the seed and the ID (murmur3's finaliser): the same pair, the same number. */
function hash32(seed: number, id: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(id, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * Submission times as sortable numbers. Dates such as 3/4/2020 are month-first (Google Forms,
 * SurveyMonkey in English) unless some date of the set can only be day-first (13/03/2020).
 */
export function submissionKeys(candidates: Pick<Candidate, 'id' | 'submittedAt'>[]): Map<number, number | null> {
  const parts = candidates.map((c) => {
    const text = (c.submittedAt ?? '').trim();
    const iso = ISO.exec(text);
    if (iso) return { id: c.id, kind: 'iso' as const, n: iso.slice(1).map((x) => Number(x ?? 0)) };
    const num = NUMERIC.exec(text);
    if (num) return { id: c.id, kind: 'numeric' as const, n: num.slice(1).map((x) => Number(x ?? 0)) };
    return { id: c.id, kind: 'none' as const, n: [] };
  });
  const dayFirst = parts.some((p) => p.kind === 'numeric' && p.n[0] > 12) && !parts.some((p) => p.kind === 'numeric' && p.n[1] > 12);
  const keys = new Map<number, number | null>();
  for (const p of parts) {
    if (p.kind === 'none') { keys.set(p.id, null); continue; }
    const [y, mo, d, h, mi, s] = p.kind === 'iso' ? p.n : dayFirst ? [p.n[2], p.n[1], p.n[0], p.n[3], p.n[4], p.n[5]] : [p.n[2], p.n[0], p.n[1], p.n[3], p.n[4], p.n[5]];
    const t = Date.UTC(y, mo - 1, d, h, mi, s);
    keys.set(p.id, Number.isFinite(t) ? t : null);
  }
  return keys;
}
