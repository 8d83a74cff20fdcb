import { beginWrite, commit, holdsWaitedLock, releaseWriteLock, rollback, type DB } from './connection.js';

/** Scale assumed for scores imported before scales were stored. */
export const DEFAULT_SCALE = { min: 0, max: 10 };

interface ScoreRow {
  application_id: number;
  reviewer: string;
  score: number;
  scale_min: number | null;
  scale_max: number | null;
  raw_text: string | null;
  file_name: string | null;
  imported_at: string;
}

/** One reviewer's score of one application, with the scale it was given on. */
export interface StoredScore {
  applicationId: number;
  reviewer: string;
  score: number;
  scaleMin: number;
  scaleMax: number;
}

/** Every reviewer score, oldest first (selection/scores.ts combines them). */
export function reviewerScores(db: DB): StoredScore[] {
  return (db.prepare('SELECT application_id, reviewer, score, scale_min, scale_max FROM reviewer_scores ORDER BY id').all() as ScoreRow[]).map((r) => ({
    applicationId: r.application_id,
    reviewer: r.reviewer,
    score: r.score,
    scaleMin: r.scale_min ?? DEFAULT_SCALE.min,
    scaleMax: r.scale_max ?? DEFAULT_SCALE.max,
  }));
}

/** How many applications have at least one reviewer score: each has a combined score (selection/normalise.ts combineScores). */
export function scoredApplicationCount(db: DB): number {
  return (db.prepare('SELECT count(DISTINCT application_id) AS n FROM reviewer_scores').get() as { n: number }).n;
}

export function countReviewerScores(db: DB): number {
  return (db.prepare('SELECT count(*) AS n FROM reviewer_scores').get() as { n: number }).n;
}

/** One application's reviewer scores as stored, by reviewer. */
export interface StoredScoreDetails {
  reviewer: string;
  score: number;
  scaleMin: number;
  scaleMax: number;
  file: string | null;
  importedAt: string;
}

export function scoresOfApplication(db: DB, applicationId: number): StoredScoreDetails[] {
  const rows = db
    .prepare('SELECT application_id, reviewer, score, scale_min, scale_max, raw_text, file_name, imported_at FROM reviewer_scores WHERE application_id = ? ORDER BY reviewer')
    .all(applicationId) as ScoreRow[];
  return rows.map((r) => ({
    reviewer: r.reviewer,
    score: r.score,
    scaleMin: r.scale_min ?? DEFAULT_SCALE.min,
    scaleMax: r.scale_max ?? DEFAULT_SCALE.max,
    file: r.file_name,
    importedAt: r.imported_at,
  }));
}

export interface ScoreToStore {
  applicationId: number;
  reviewer: string;
  score: number;
  scaleMin: number;
  scaleMax: number;
  rawText: string;
}

/**
 * Stores scores in one transaction; a reviewer's new score for an application replaces
 * the old one. Returns how many were inserted, updated or unchanged (with dryRun: would be).
 *
 * The write lock is waited for, and the rows written, with the event loop free between steps
 * (`pause`, a checkpoint that throws on Ctrl-C; the transaction is then rolled back whole): in
 * one synchronous block, Ctrl-C went unanswered for the 10 seconds of SQLite's busy wait when
 * another command was writing, and for the 2 s that 120,000 scores take to store, after which
 * they were all saved and the command said nothing of the interruption (exit 0).
 */
export async function storeScores(
  db: DB, scores: ScoreToStore[], fileName: string,
  options: { dryRun?: boolean; pause?: () => Promise<void>; onWait?: () => void } = {},
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const result = { inserted: 0, updated: 0, unchanged: 0 };
  const find = db.prepare('SELECT score, scale_min, scale_max FROM reviewer_scores WHERE application_id = ? AND reviewer = ?');
  const insert = db.prepare(
    `INSERT INTO reviewer_scores (application_id, reviewer, score, file_name, scale_min, scale_max, raw_text) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE reviewer_scores SET score = ?, file_name = ?, scale_min = ?, scale_max = ?, raw_text = ?,
       imported_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE application_id = ? AND reviewer = ?`,
  );
  // (a lock the command waited for, unused yet, is no caller's transaction: beginWrite takes it)
  const ownTransaction = !db.inTransaction || holdsWaitedLock(db);
  // A dry run only reads: it also works on a database opened read-only (no write lock asked for).
  if (ownTransaction) {
    if (options.dryRun) {
      releaseWriteLock(db);
      db.exec('BEGIN');
    }
    else await beginWrite(db, options.onWait);
  }
  let open = ownTransaction;
  try {
    let started = performance.now();
    for (let i = 0; i < scores.length; i++) {
      const s = scores[i]!;
      const old = find.get(s.applicationId, s.reviewer) as { score: number; scale_min: number | null; scale_max: number | null } | undefined;
      if (!old) {
        if (!options.dryRun) insert.run(s.applicationId, s.reviewer, s.score, fileName, s.scaleMin, s.scaleMax, s.rawText);
        result.inserted++;
      } else if (old.score === s.score && old.scale_min === s.scaleMin && old.scale_max === s.scaleMax) {
        result.unchanged++;
      } else {
        if (!options.dryRun) update.run(s.score, fileName, s.scaleMin, s.scaleMax, s.rawText, s.applicationId, s.reviewer);
        result.updated++;
      }
      if (options.pause && (i & 255) === 255 && performance.now() - started > 50) {
        await options.pause();
        started = performance.now();
      }
    }
    if (ownTransaction) {
      open = false;
      if (options.dryRun) rollback(db);
      else commit(db);
    }
  } finally {
    if (open) rollback(db);
  }
  return result;
}

/** Application IDs by lower-cased email, to match score rows that give an email. */
export function applicationIdsByEmail(db: DB): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const r of db.prepare('SELECT id, lower(email) AS email FROM applications WHERE email IS NOT NULL ORDER BY id').all() as { id: number; email: string }[]) {
    const list = map.get(r.email) ?? [];
    list.push(r.id);
    map.set(r.email, list);
  }
  return map;
}

/** Application IDs by external ID (the application ID in the form tool's export). */
export function applicationIdsByExternalId(db: DB): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const r of db.prepare('SELECT id, external_id FROM applications WHERE external_id IS NOT NULL ORDER BY id').all() as { id: number; external_id: string }[]) {
    const key = r.external_id.trim().toLowerCase();
    const list = map.get(key) ?? [];
    list.push(r.id);
    map.set(key, list);
  }
  return map;
}

/** The reviewers who have scores, each as first written (oldest score first). */
export function reviewerNames(db: DB): string[] {
  return db.prepare('SELECT reviewer FROM reviewer_scores GROUP BY reviewer ORDER BY min(id)').pluck().all() as string[];
}

/** The reviewer scores of an application, by id and reviewer. */
export function scoreIdsOfApplication(db: DB, applicationId: number): { id: number; reviewer: string }[] {
  return db.prepare('SELECT id, reviewer FROM reviewer_scores WHERE application_id = ?').all(applicationId) as { id: number; reviewer: string }[];
}

/** Whether the reviewer scored the application. */
export function hasReviewerScore(db: DB, applicationId: number, reviewer: string): boolean {
  return db.prepare('SELECT 1 FROM reviewer_scores WHERE application_id = ? AND reviewer = ?').get(applicationId, reviewer) !== undefined;
}

/** Every application with its external ID, address (lower case) and call, in id order: what a score file's rows are matched on. */
export function applicationKeys(db: DB): { id: number; external_id: string | null; email: string | null; call: string }[] {
  return db
    .prepare(`SELECT a.id, a.external_id, lower(a.email) AS email, c.name AS call FROM applications a JOIN calls c ON c.id = a.call_id ORDER BY a.id`)
    .all() as { id: number; external_id: string | null; email: string | null; call: string }[];
}
