import type { Application, Region } from '../model.js';

/** Where a candidate's score comes from (see README "Selecting a Core Group"). */
export type ScoreSource = 'reviewers' | 'application' | 'none';

/** An application as the selection sees it: its features and one score. */
export interface Candidate {
  id: number;
  organization: string;
  region: Region | null;
  country: string | null;
  language: string | null;
  categories: string[];
  organizationType: string | null;
  beneficiaries: string[];
  /** The score the selection maximises: reviewers' combined score, else the application's, else 0. */
  score: number;
  scoreSource: ScoreSource;
}

/**
 * The score rule: the reviewers' combined score (skillsnet scores import) when the
 * application has one, else the score in the application file, else 0. A missing score
 * counts as 0 rather than excluding the application, so that an unscored application can
 * still fill a quota nobody else can; --min-score excludes such applications when wanted.
 */
export function toCandidate(app: Application, combined?: number | null): Candidate {
  let score = 0;
  let scoreSource: ScoreSource = 'none';
  if (combined !== undefined && combined !== null && Number.isFinite(combined)) {
    score = combined;
    scoreSource = 'reviewers';
  } else if (app.score !== null && Number.isFinite(app.score)) {
    score = app.score;
    scoreSource = 'application';
  }
  return {
    id: app.id,
    organization: app.organization,
    region: app.region,
    country: app.country,
    language: app.language,
    categories: [...app.categories].sort(),
    organizationType: app.organizationType,
    beneficiaries: app.beneficiaries,
    score,
    scoreSource,
  };
}

/** Score order used everywhere: higher score first, then lower ID (the documented tie-break). */
export function byScore(a: Candidate, b: Candidate): number {
  return scoreKey(b.score) - scoreKey(a.score) || a.id - b.id;
}

/** Scores are compared to four decimals, so 7.00001 and 7 tie as a person would expect. */
export const SCORE_PRECISION = 1e4;

export function scoreKey(score: number): number {
  return Math.round(score * SCORE_PRECISION);
}
