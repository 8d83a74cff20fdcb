/**
 * Eligible applications and the selection score: one home for the rule that select, roster
 * replace and every export use (the reviewers' combined score, else the application's own, else 0).
 */
import type { DB } from '../db/connection.js';
import { countApplications, iterateApplications, listApplications } from '../db/applications.js';
import type { Application, ApplicationFilters, EligibilityFilters, Region } from '../model.js';
import type { Callbacks } from '../reporting.js';
import type { CombinedScore } from './normalise.js';
import { combinedScores } from './scores.js';

/** Where a candidate's score comes from (docs/selecting.md). */
export type ScoreSource = 'reviewers' | 'application' | 'none';

/** An application as the selection sees it: its features and one score. */
export interface Candidate {
  id: number;
  organization: string;
  /**
   * The organisation record the application is linked to (org-N; a merge moves its applications
   * to the organisation kept), or absent when it is not linked: one organisation for the
   * per-organisation quotas, whatever its applications call it.
   */
  organizationId?: number | null;
  region: Region | null;
  country: string | null;
  language: string | null;
  /** The applicant's preferred working language (a quota on "working language" counts this, not `language`). */
  workingLanguage?: string | null;
  categories: string[];
  organizationType: string | null;
  beneficiaries: string[];
  /** The score the selection maximises: reviewers' combined score, else the application's, else 0. */
  score: number;
  scoreSource: ScoreSource;
  /** The application's call (scales of several calls are compared: ranking.ts). */
  call?: string;
  /** When the application was submitted, as the file wrote it (for --order submitted). */
  submittedAt?: string | null;
  /**
   * Position in the order that breaks ties between equal scores, lower first: the application
   * ID unless the officer chose another order (--order submitted|random; ranking.ts).
   */
  tieBreak?: number;
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
    organizationId: app.organizationId,
    region: app.region,
    country: app.country,
    language: app.language,
    workingLanguage: app.workingLanguage,
    categories: [...app.categories].sort(),
    organizationType: app.organizationType,
    beneficiaries: app.beneficiaries,
    score,
    scoreSource,
    call: app.call,
    submittedAt: app.submittedAt,
  };
}

/** Score order used everywhere: higher score first, then the tie-break order (lower ID unless --order says otherwise). */
export function byScore(a: Candidate, b: Candidate): number {
  return scoreKey(b.score) - scoreKey(a.score) || byTieBreak(a, b);
}

/** The order that breaks ties: the chosen order's position, else the application ID. */
export function byTieBreak(a: Candidate, b: Candidate): number {
  return (a.tieBreak ?? a.id) - (b.tieBreak ?? b.id) || a.id - b.id;
}

/** Scores are compared to four decimals, so 7.00001 and 7 tie as a person would expect. */
export const SCORE_PRECISION = 1e4;

export function scoreKey(score: number): number {
  return Math.round(score * SCORE_PRECISION);
}

/** The score rule in words, as select --json and saved rosters state it. */
export const SCORE_RULE =
  "reviewers' combined score (skillsnet scores import) when the application has one, else the application's own score, else 0";

/** The candidate for an application, with its score from the reviewers' combined scores given. */
export function candidateOf(app: Application, combined: ReadonlyMap<number, CombinedScore>): Candidate {
  return toCandidate(app, combined.get(app.id)?.combined);
}

/**
 * Whether a candidate clears a minimum selection score. An unscored application never does:
 * "--min-score 0" leaves out the applications nobody scored.
 */
export function meetsMinScore(c: Candidate, minScore: number | null | undefined): boolean {
  return minScore === null || minScore === undefined || (c.scoreSource !== 'none' && c.score >= minScore);
}

/** The filters the database applies, and the minimum selection score applied on top. */
export function splitEligibility(filters: EligibilityFilters): { filters: ApplicationFilters; minScore?: number } {
  const { minScore, rescaleScores: _rescale, ...rest } = filters;
  return minScore === undefined ? { filters: rest } : { filters: rest, minScore };
}

/**
 * The eligible applications as candidates, in ID order: those matching the filters, each with
 * its selection score, and with a minimum score only those that clear it.
 */
export function eligibleCandidates(db: DB, eligibility: EligibilityFilters, combined: ReadonlyMap<number, CombinedScore> = combinedScores(db)): Candidate[] {
  const { filters, minScore } = splitEligibility(eligibility);
  return listApplications(db, filters).map((a) => candidateOf(a, combined)).filter((c) => meetsMinScore(c, minScore));
}

/**
 * The matching applications streamed from the database (large calls), each carrying the score
 * select ranks by: the reviewers' combined score where reviewers scored, else its own. With a
 * minimum score, only those that clear it. onProgress (label "Reading applications") is told
 * how far the reading has come; the total is counted only when someone listens.
 */
export function* scoredApplications(
  db: DB, eligibility: EligibilityFilters, callbacks: Pick<Callbacks, 'onProgress'> = {},
  /**
   * Scores of several calls put on one scale (scoresOnOneScale in ranking.ts): applied to each
   * candidate before it is yielded. A function of every matching candidate is asked once, with
   * them all, before the first is yielded: the applications are then read once and held, rather
   * than read once to decide the scale and again to yield them.
   */
  rescale?: ((c: Candidate) => Candidate) | { forCandidates: (candidates: Candidate[]) => ((c: Candidate) => Candidate) | undefined },
): Generator<Application> {
  const { filters, minScore } = splitEligibility(eligibility);
  const combined = combinedScores(db);
  const { onProgress } = callbacks;
  const total = onProgress ? countApplications(db, filters) : 0;
  const progress = (done: number, finished = false) => onProgress?.({ label: 'Reading applications', done, total, finished });
  let done = 0;
  const matching = function* (): Generator<{ a: Application; c: Candidate }> {
    for (const a of iterateApplications(db, filters)) {
      const c = candidateOf(a, combined);
      if (meetsMinScore(c, minScore)) yield { a, c };
    }
  };
  try {
    let rows: Iterable<{ a: Application; c: Candidate }>;
    let rescaleCandidate: ((c: Candidate) => Candidate) | undefined;
    if (rescale && typeof rescale === 'object') {
      // read once and held: the scale is decided from them all before the first is yielded
      const read = [...matching()];
      rescaleCandidate = rescale.forCandidates(read.map((x) => x.c));
      rows = read;
    } else {
      rescaleCandidate = rescale;
      rows = matching();
    }
    for (const { a, c } of rows) {
      const scored = rescaleCandidate ? rescaleCandidate(c) : c;
      yield scored.scoreSource === 'reviewers' || scored.score !== c.score ? { ...a, score: scored.score } : a;
      if (++done % 250 === 0) progress(done);
    }
  } finally {
    progress(done, true);
  }
}
