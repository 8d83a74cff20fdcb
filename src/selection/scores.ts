/**
 * Reviewers' combined scores as the selection uses them: every stored score, normalised per
 * reviewer and combined (normalise.ts has the rule).
 */
import type { DB } from '../db/connection.js';
import { reviewerScores, scoresOfApplication } from '../db/scores.js';
import { combineScores, type CombinedScore } from './normalise.js';

/**
 * Reviewers' combined score of every application that has one. Normalisation uses
 * every stored score (a reviewer's habit shows across all the applications they scored).
 */
export function combinedScores(db: DB): Map<number, CombinedScore> {
  return combineScores(reviewerScores(db));
}

export interface ScoreDetails {
  /** Raw scores as reviewers gave them, with their scale and standardised value. */
  reviewers: { reviewer: string; score: number; scale: string; z: number; file: string | null; importedAt: string }[];
  /** Combined score on 0..10, null when no reviewer scored the application. */
  combined: number | null;
}

/** What `show` displays about an application's reviewer scores. */
export function scoreDetails(db: DB, applicationId: number): ScoreDetails {
  const rows = scoresOfApplication(db, applicationId);
  if (rows.length === 0) return { reviewers: [], combined: null };
  const combined = combinedScores(db).get(applicationId);
  return {
    reviewers: rows.map((r) => {
      const z = combined?.reviewers.find((x) => x.reviewer === r.reviewer)?.z ?? 0;
      return {
        reviewer: r.reviewer,
        score: r.score,
        scale: `${r.scaleMin}-${r.scaleMax}`,
        z: Math.round(z * 1000) / 1000,
        file: r.file,
        importedAt: r.importedAt,
      };
    }),
    combined: combined?.combined ?? null,
  };
}
