/**
 * Reviewers' scores made comparable, then combined (README "Reviewer scores").
 *
 * 1. Scale: every score is put on 0..1 by the scale it was given on
 *    (p = (score - min) / (max - min)); a 1-5 file and a 0-100 file then mean the same.
 * 2. Reviewer: a harsh and a lenient reviewer weigh alike. Each reviewer with at least
 *    MIN_SCORES_TO_NORMALISE scores is turned into z-scores of their own scores
 *    (z = (p - mean_r) / sd_r); a reviewer who gave everybody the same score says nothing
 *    about the order (z = 0). A reviewer with fewer scores is compared with the pool of
 *    all scores instead (z = (p - mean) / sd), because two scores cannot show a habit.
 * 3. Combined: the mean z of an application's reviewers, put back on a 0..10 scale with
 *    the pool's mean and spread: combined = 10 * (mean + sd * mean_z). An application
 *    scored by everybody at their own average lands at the pool average.
 */
export const MIN_SCORES_TO_NORMALISE = 3;

export interface ReviewerScore {
  applicationId: number;
  reviewer: string;
  score: number;
  scaleMin: number;
  scaleMax: number;
}

export interface NormalisedScore extends ReviewerScore {
  /** Score on 0..1. */
  unit: number;
  /** Standardised score used in the combination. */
  z: number;
}

export interface CombinedScore {
  applicationId: number;
  combined: number;
  reviewers: NormalisedScore[];
}

function meanSd(values: number[]): { mean: number; sd: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
  return { mean, sd };
}

export function normaliseScores(scores: ReviewerScore[]): NormalisedScore[] {
  if (scores.length === 0) return [];
  const unit = scores.map((s) => (s.scaleMax > s.scaleMin ? (s.score - s.scaleMin) / (s.scaleMax - s.scaleMin) : 0));
  const pool = meanSd(unit);
  const byReviewer = new Map<string, number[]>();
  scores.forEach((s, i) => {
    const list = byReviewer.get(s.reviewer) ?? [];
    list.push(i);
    byReviewer.set(s.reviewer, list);
  });
  const z = new Array<number>(scores.length).fill(0);
  for (const idx of byReviewer.values()) {
    if (idx.length >= MIN_SCORES_TO_NORMALISE) {
      const own = meanSd(idx.map((i) => unit[i]));
      for (const i of idx) z[i] = own.sd > 1e-12 ? (unit[i] - own.mean) / own.sd : 0;
    } else {
      for (const i of idx) z[i] = pool.sd > 1e-12 ? (unit[i] - pool.mean) / pool.sd : 0;
    }
  }
  return scores.map((s, i) => ({ ...s, unit: unit[i], z: z[i] }));
}

/** Combined score per application, on 0..10, rounded to four decimals. */
export function combineScores(scores: ReviewerScore[]): Map<number, CombinedScore> {
  const normalised = normaliseScores(scores);
  const out = new Map<number, CombinedScore>();
  if (normalised.length === 0) return out;
  const pool = meanSd(normalised.map((s) => s.unit));
  const byApp = new Map<number, NormalisedScore[]>();
  for (const s of normalised) {
    const list = byApp.get(s.applicationId) ?? [];
    list.push(s);
    byApp.set(s.applicationId, list);
  }
  for (const [applicationId, list] of byApp) {
    const meanZ = list.reduce((s, x) => s + x.z, 0) / list.length;
    const combined = Math.round(10 * (pool.mean + pool.sd * meanZ) * 1e4) / 1e4;
    out.set(applicationId, { applicationId, combined, reviewers: list });
  }
  return out;
}
