import type { DB } from './connection.js';
import type { ApplicationFilters } from '../model.js';
import { filterClause } from './applications.js';

export type TagSource = 'auto' | 'officer' | 'applicant';
export type TagState = 'on' | 'removed';

export interface TagRow {
  applicationId: number;
  category: string;
  source: TagSource;
  state: TagState;
  confidence: number | null;
  evidence: unknown[];
  /** The evidence as stored (to tell an unchanged tag without parsing). */
  evidenceJson: string;
  updatedAt: string;
}

/** The texts the tagger reads for one application. */
export interface TaggableApplication {
  id: number;
  title: string | null;
  description: string | null;
  language: string | null;
  beneficiaries: string[];
  selfCategories: string[];
}

interface TaggableRow {
  id: number;
  title: string | null;
  description: string | null;
  language: string | null;
  beneficiaries_json: string;
  self_categories_json: string;
}

/** Prepared statements per connection: preparing costs more than running for these small writes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Statement = import('better-sqlite3').Statement<any[]>;
const statementCache = new WeakMap<DB, Map<string, Statement>>();
function statement(db: DB, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

const toTaggable = (r: TaggableRow): TaggableApplication => ({
  id: r.id,
  title: r.title,
  description: r.description,
  language: r.language,
  beneficiaries: parseList(r.beneficiaries_json),
  selfCategories: parseList(r.self_categories_json),
});

function parseList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Pages through the applications matching the filters, in id order, `pageSize` at a time, so a
 * caller can write between pages (better-sqlite3 cannot write while a statement is iterating).
 * With `untaggedOnly`, only applications that have no category row at all.
 */
export function* taggableApplications(
  db: DB,
  filters: ApplicationFilters,
  options: { untaggedOnly?: boolean; pageSize?: number } = {},
): Generator<TaggableApplication[]> {
  const { where, params } = filterClause(filters);
  const conditions = [where ? where.replace(/^WHERE /, '') : '', 'a.id > @after'];
  if (options.untaggedOnly) conditions.push('NOT EXISTS (SELECT 1 FROM application_categories t WHERE t.application_id = a.id)');
  const stmt = db.prepare(
    `SELECT a.id, a.title, a.description, a.language, a.beneficiaries_json, a.self_categories_json
       FROM applications a JOIN calls c ON c.id = a.call_id
      WHERE ${conditions.filter(Boolean).join(' AND ')}
      ORDER BY a.id LIMIT @limit`,
  );
  let after = 0;
  const limit = options.pageSize ?? 2000;
  for (;;) {
    const rows = stmt.all({ ...params, after, limit }) as TaggableRow[];
    if (rows.length === 0) return;
    yield rows.map(toTaggable);
    after = rows[rows.length - 1].id;
    if (rows.length < limit) return;
  }
}

export function taggableApplication(db: DB, id: number): TaggableApplication | undefined {
  const r = db
    .prepare('SELECT id, title, description, language, beneficiaries_json, self_categories_json FROM applications WHERE id = ?')
    .get(id) as TaggableRow | undefined;
  return r ? toTaggable(r) : undefined;
}

interface RawTagRow {
  application_id: number;
  category: string;
  source: TagSource;
  state: TagState;
  confidence: number | null;
  evidence_json: string;
  updated_at: string;
}

function toTag(r: RawTagRow): TagRow {
  let evidence: unknown[] | undefined;
  return {
    applicationId: r.application_id,
    category: r.category,
    source: r.source,
    state: r.state,
    confidence: r.confidence,
    // Parsed when read: tag auto compares the stored text and never needs it.
    get evidence() {
      return (evidence ??= parseEvidence(r.evidence_json));
    },
    evidenceJson: r.evidence_json,
    updatedAt: r.updated_at,
  };
}

function parseEvidence(json: string): unknown[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** Every category row of one application (on and removed, any source). */
export function tagsOf(db: DB, applicationId: number): TagRow[] {
  return (
    db.prepare('SELECT * FROM application_categories WHERE application_id = ? ORDER BY category').all(applicationId) as RawTagRow[]
  ).map(toTag);
}

/** Category rows of the given applications, grouped by application. */
export function tagsOfMany(db: DB, ids: number[]): Map<number, TagRow[]> {
  const out = new Map<number, TagRow[]>();
  if (ids.length === 0) return out;
  const rows = statement(db, 'SELECT * FROM application_categories WHERE application_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as RawTagRow[];
  for (const r of rows) {
    const list = out.get(r.application_id) ?? [];
    list.push(toTag(r));
    out.set(r.application_id, list);
  }
  return out;
}

export interface AutoTag {
  category: string;
  source: 'auto' | 'applicant';
  confidence: number;
  evidence: unknown[];
}

/**
 * Replaces the automatic tags of one application with `tags`, leaving every category an officer
 * decided on (added or removed) exactly as it is. Call inside a write transaction.
 */
export function replaceAutoTags(db: DB, applicationId: number, tags: AutoTag[], existing: TagRow[]): void {
  const officer = new Set(existing.filter((t) => t.source === 'officer').map((t) => t.category));
  const keep = new Set(tags.map((t) => t.category));
  const del = statement(db, `DELETE FROM application_categories WHERE application_id = ? AND category = ? AND source <> 'officer'`);
  for (const t of existing) if (t.source !== 'officer' && !keep.has(t.category)) del.run(applicationId, t.category);
  const upsert = statement(
    db,
    `INSERT INTO application_categories (application_id, category, source, state, confidence, evidence_json, updated_at)
     VALUES (@id, @category, @source, 'on', @confidence, @evidence, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
     ON CONFLICT(application_id, category) DO UPDATE SET source = excluded.source, state = 'on',
       confidence = excluded.confidence, evidence_json = excluded.evidence_json, updated_at = excluded.updated_at
     WHERE application_categories.source <> 'officer'`,
  );
  const before = new Map(existing.map((t) => [t.category, t]));
  for (const t of tags) {
    if (officer.has(t.category)) continue;
    const evidence = JSON.stringify(t.evidence);
    const old = before.get(t.category);
    // Re-tagging mostly finds the same: leave identical rows alone (no write, same updated_at).
    if (old && old.state === 'on' && old.source === t.source && old.confidence === t.confidence && old.evidenceJson === evidence) continue;
    upsert.run({ id: applicationId, category: t.category, source: t.source, confidence: t.confidence, evidence });
  }
}

/** Records an officer's decision on categories of one application (added: on, removed: removed). */
export function setOfficerTags(db: DB, applicationId: number, add: string[], remove: string[], note = 'officer'): void {
  const stmt = db.prepare(
    `INSERT INTO application_categories (application_id, category, source, state, confidence, evidence_json, updated_at)
     VALUES (@id, @category, 'officer', @state, 1, @evidence, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
     ON CONFLICT(application_id, category) DO UPDATE SET source = 'officer', state = excluded.state, confidence = 1,
       evidence_json = excluded.evidence_json, updated_at = excluded.updated_at`,
  );
  const evidence = JSON.stringify([{ kind: 'officer', note }]);
  for (const category of add) stmt.run({ id: applicationId, category, state: 'on', evidence });
  for (const category of remove) stmt.run({ id: applicationId, category, state: 'removed', evidence });
}

export function applicationExists(db: DB, id: number): boolean {
  return db.prepare('SELECT 1 FROM applications WHERE id = ?').get(id) !== undefined;
}

/**
 * What officers have taught: every application with at least one officer decision, with the
 * categories officers put or left on it (tag review saves every category the officer keeps).
 * Automatic tags are not counted, so the model never learns from its own suggestions.
 */
export function officerLabelled(db: DB): Array<TaggableApplication & { categories: string[] }> {
  const rows = db
    .prepare(
      `SELECT a.id, a.title, a.description, a.language, a.beneficiaries_json, a.self_categories_json,
              (SELECT group_concat(category, '|') FROM application_categories x
                WHERE x.application_id = a.id AND x.state = 'on' AND x.source = 'officer') AS categories
         FROM applications a
        WHERE a.id IN (SELECT application_id FROM application_categories WHERE source = 'officer')
        ORDER BY a.id`,
    )
    .all() as Array<TaggableRow & { categories: string | null }>;
  return rows.map((r) => ({ ...toTaggable(r), categories: r.categories ? r.categories.split('|') : [] }));
}

/** Applications per category code as stored (state on), how many an officer confirmed. */
export interface CategoryTally {
  code: string;
  applications: number;
  byOfficer: number;
}

/**
 * Applications per stored category code, with the untagged and total counts of the matching
 * applications (tagging/counts.ts puts them in taxonomy order).
 */
export function categoryTallies(db: DB, filters: ApplicationFilters = {}): { tallies: CategoryTally[]; untagged: number; total: number } {
  const { where, params } = filterClause(filters);
  const chosen = `SELECT a.id FROM applications a JOIN calls c ON c.id = a.call_id ${where}`;
  const rows = db
    .prepare(
      `SELECT ac.category AS code, count(*) AS n, sum(ac.source = 'officer') AS officer
         FROM application_categories ac WHERE ac.state = 'on' AND ac.application_id IN (${chosen}) GROUP BY ac.category`,
    )
    .all(params) as { code: string; n: number; officer: number }[];
  const total = (db.prepare(`SELECT count(*) AS n FROM (${chosen})`).get(params) as { n: number }).n;
  const untagged = (
    db
      .prepare(
        `SELECT count(*) AS n FROM (${chosen}) x
          WHERE NOT EXISTS (SELECT 1 FROM application_categories t WHERE t.application_id = x.id AND t.state = 'on')`,
      )
      .get(params) as { n: number }
  ).n;
  return { tallies: rows.map((r) => ({ code: r.code, applications: r.n, byOfficer: r.officer })), untagged, total };
}

export interface ReviewCandidate {
  id: number;
  /** Lowest confidence among its automatic tags; null when it has none. */
  lowestConfidence: number | null;
  tags: number;
}

/**
 * Applications that still need an officer's decision (no officer row yet), the untagged first,
 * then the least certain (lowest automatic confidence), then by id.
 */
export function reviewQueue(db: DB, filters: ApplicationFilters = {}): ReviewCandidate[] {
  const { where, params } = filterClause(filters);
  const cond = where ? `${where} AND` : 'WHERE';
  return db
    .prepare(
      `SELECT a.id,
              (SELECT min(confidence) FROM application_categories t WHERE t.application_id = a.id AND t.state = 'on') AS lowestConfidence,
              (SELECT count(*) FROM application_categories t WHERE t.application_id = a.id AND t.state = 'on') AS tags
         FROM applications a JOIN calls c ON c.id = a.call_id
         ${cond} a.id NOT IN (SELECT application_id FROM application_categories WHERE source = 'officer')
        ORDER BY tags > 0, lowestConfidence, a.id`,
    )
    .all(params) as ReviewCandidate[];
}

/** An application's officer category decisions, as rows (without the application id). */
export function officerTagRows(db: DB, applicationId: number): Record<string, unknown>[] {
  return db.prepare(`SELECT category, source, state, confidence, evidence_json FROM application_categories WHERE application_id = ? AND source = 'officer'`).all(applicationId) as Record<string, unknown>[];
}

/** Whether the application has a row for the category (any source or state). */
export function hasCategoryRow(db: DB, applicationId: number, category: unknown): boolean {
  return db.prepare('SELECT 1 FROM application_categories WHERE application_id = ? AND category = ?').get(applicationId, category) !== undefined;
}

/** The rowids of an application's category rows that are not officers' (automatic and the applicant's). */
export function nonOfficerTagRowids(db: DB, applicationId: number): number[] {
  return db.prepare(`SELECT rowid FROM application_categories WHERE application_id = ? AND source <> 'officer'`).pluck().all(applicationId) as number[];
}
