import type { DB } from './connection.js';
import type { Application } from '../model.js';
import { getApplication } from './applications.js';

export interface TagDetail {
  category: string;
  source: 'auto' | 'officer' | 'applicant';
  state: 'on' | 'removed';
  confidence: number | null;
  evidence: unknown[];
}

/** Everything `show` displays about one application. */
export interface ApplicationDetails {
  application: Application;
  tags: TagDetail[];
  rosters: { name: string; role: string }[];
  versions: number;
  source: { file: string; row: number | null; importedAt: string } | null;
  raw: Record<string, unknown>;
  /** where each language came from: 'column' (the file said), 'detected' (from the text), 'officer' */
  languageSources: { language: string | null; workingLanguage: string | null };
  /** the submission date as the file wrote it (submittedAt holds it in ISO 8601) */
  submittedAtRaw: string | null;
}

export function applicationDetails(db: DB, id: number): ApplicationDetails | undefined {
  const application = getApplication(db, id);
  if (!application) return undefined;
  const tags = (
    db
      .prepare(`SELECT category, source, state, confidence, evidence_json FROM application_categories WHERE application_id = ? ORDER BY state, category`)
      .all(id) as { category: string; source: TagDetail['source']; state: TagDetail['state']; confidence: number | null; evidence_json: string }[]
  ).map((t) => ({ category: t.category, source: t.source, state: t.state, confidence: t.confidence, evidence: JSON.parse(t.evidence_json) as unknown[] }));
  const rosters = db
    .prepare(`SELECT r.name, m.role FROM roster_members m JOIN rosters r ON r.id = m.roster_id WHERE m.application_id = ? ORDER BY r.name`)
    .all(id) as { name: string; role: string }[];
  const versions = (db.prepare('SELECT count(*) AS n FROM application_versions WHERE application_id = ?').get(id) as { n: number }).n;
  const row = db
    .prepare(
      `SELECT a.raw_json, a.source_row, a.language_source, a.working_language_source, a.submitted_at_raw, b.file_name, b.imported_at
         FROM applications a LEFT JOIN import_batches b ON b.id = a.batch_id WHERE a.id = ?`,
    )
    .get(id) as {
    raw_json: string; source_row: number | null; language_source: string | null; working_language_source: string | null; submitted_at_raw: string | null;
    file_name: string | null; imported_at: string | null;
  };
  let raw: Record<string, unknown> = {};
  try {
    raw = JSON.parse(row.raw_json) as Record<string, unknown>;
  } catch {
    /* raw rows are always JSON; keep {} if an old row is not */
  }
  return {
    application,
    tags,
    rosters,
    versions,
    source: row.file_name ? { file: row.file_name, row: row.source_row, importedAt: row.imported_at! } : null,
    raw,
    languageSources: { language: row.language_source, workingLanguage: row.working_language_source },
    submittedAtRaw: row.submitted_at_raw,
  };
}
