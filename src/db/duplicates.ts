/**
 * SQL of the likely-duplicate check (import/duplicates.ts has the rules). A function registered
 * on the connection computes each application's keys once; SQLite groups them (sorting in its
 * temporary files when large), so a call of a million applications is compared in flat memory.
 */
import type { DB } from './connection.js';

/** An application's key under each rule (null: the rule does not apply to it). */
export type DuplicateKeys = (organization: string, email: string | null, title: string | null, country: string | null) => (string | null)[];

export interface KeyedMatch {
  id: number;
  /** import batch that last wrote it */
  batch: number | null;
  /** per rule: the earliest application with the same key, when that is another one */
  firsts: ({ id: number; batch: number | null } | null)[];
}

/** Applications of the call that share at least one rule's key with an earlier application, by id (streamed). */
export function* ruleMatches(db: DB, call: string, rules: number, keys: DuplicateKeys): Generator<KeyedMatch> {
  db.function('skillsnet_duplicate_keys', { deterministic: true }, (org: unknown, email: unknown, title: unknown, country: unknown) =>
    JSON.stringify(keys(String(org ?? ''), email == null ? null : String(email), title == null ? null : String(title), country == null ? null : String(country))),
  );
  const ruleIndexes = Array.from({ length: rules }, (_, i) => i);
  const columns = ruleIndexes.map((i) => `CASE WHEN k${i} IS NULL THEN NULL ELSE min(id) OVER (PARTITION BY k${i}) END AS f${i}`).join(', ');
  const keyColumns = ruleIndexes.map((i) => `ks ->> ${i} AS k${i}`).join(', ');
  const firstBatches = ruleIndexes.map((i) => `(SELECT batch_id FROM applications WHERE id = f${i}) AS b${i}`).join(', ');
  const anyEarlier = ruleIndexes.map((i) => `f${i} < id`).join(' OR ');
  const statement = db.prepare(
    `WITH keyed AS MATERIALIZED (
       SELECT a.id, a.batch_id, skillsnet_duplicate_keys(a.organization, a.email, a.title, a.country) AS ks
         FROM applications a JOIN calls c ON c.id = a.call_id WHERE c.name = ?)
     SELECT *, ${firstBatches} FROM (SELECT id, batch_id, ${columns} FROM (SELECT id, batch_id, ${keyColumns} FROM keyed))
      WHERE ${anyEarlier} ORDER BY id`,
  );
  // SQLite sizes its sorters from the page cache: a small one keeps a million-row call within
  // the import's memory budget (1,000,000 applications: 151 MB peak with the default, 85 MB with this).
  const saved = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${SORT_CACHE_KIB}`);
  try {
    for (const r of statement.iterate(call) as Iterable<Record<string, number | null>>) {
      yield {
        id: r.id!,
        batch: r.batch_id ?? null,
        firsts: ruleIndexes.map((i) => {
          const f = r[`f${i}`];
          return f != null && f < r.id! ? { id: f, batch: r[`b${i}`] ?? null } : null;
        }),
      };
    }
  } finally {
    db.pragma(`cache_size = ${saved}`);
  }
}

/** Page cache while the keys are grouped, in the pragma's units (negative: KiB). */
const SORT_CACHE_KIB = -2000;

export interface ComparedRow {
  id: number;
  organization: string;
  email: string | null;
  title: string | null;
  country: string | null;
}

/** The application and the others of its call in the same country (or, like it, with none), by id; undefined when there is no such application. */
export function sameCountryRows(db: DB, id: number): { self: ComparedRow; others: ComparedRow[] } | undefined {
  const self = db.prepare('SELECT id, organization, email, title, country FROM applications WHERE id = ?').get(id) as ComparedRow | undefined;
  if (!self) return undefined;
  const others = db
    .prepare(
      `SELECT b.id, b.organization, b.email, b.title, b.country FROM applications a JOIN applications b ON b.call_id = a.call_id
        WHERE a.id = ? AND b.id <> a.id AND (b.country = a.country OR (a.country IS NULL AND b.country IS NULL)) ORDER BY b.id`,
    )
    .all(id) as ComparedRow[];
  return { self, others };
}

/** The columns holding each rule's key (import/duplicates.ts DUPLICATE_RULES, in order). */
export const DUPLICATE_KEY_COLUMNS = ['dup_email_org', 'dup_org_title', 'dup_email_title'] as const;

/** Applications of the call whose keys are to be computed (written by something else than an import, or changed since). */
export function staleDuplicateKeys(db: DB, callId: number): ComparedRow[] {
  return db
    .prepare(`SELECT id, organization, email, title, country FROM applications WHERE call_id = ? AND dup_keys_version IS NULL`)
    .all(callId) as ComparedRow[];
}

export function storeDuplicateKeys(db: DB): (id: number, version: number, keys: (number | null)[]) => void {
  const stmt = db.prepare(`UPDATE applications SET dup_keys_version = ?, ${DUPLICATE_KEY_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
  return (id, version, keys) => {
    stmt.run(version, ...keys, id);
  };
}

/** How many applications of the call these batches wrote (along the batch index). */
export function batchRows(db: DB, callId: number, batches: number[]): number {
  if (!batches.length) return 0;
  return db.prepare(`SELECT count(*) FROM applications WHERE batch_id IN (${batches.map(() => '?').join(', ')}) AND +call_id = ?`).pluck().get(...batches, callId) as number;
}

/** How many applications the call has. */
export function callRows(db: DB, callId: number): number {
  return db.prepare('SELECT count(*) FROM applications WHERE call_id = ?').pluck().get(callId) as number;
}

/**
 * Under one rule, for the whole call: every application that shares its key with an earlier
 * one, with the earliest. SQLite finds the shared keys along the rule's index (no sorting, no
 * JavaScript per row).
 */
export function callRuleMatches(db: DB, callId: number, rule: number): Iterable<BatchRuleMatch> {
  const col = DUPLICATE_KEY_COLUMNS[rule]!;
  return db
    .prepare(
      `WITH groups AS (SELECT ${col} AS k, min(id) AS first FROM applications WHERE call_id = ? AND ${col} IS NOT NULL GROUP BY ${col} HAVING count(*) > 1)
       SELECT a.id, a.batch_id AS batch, g.first, f.batch_id AS firstBatch
         FROM groups g JOIN applications a ON a.call_id = ? AND a.${col} = g.k AND a.id > g.first
         JOIN applications f ON f.id = g.first
        ORDER BY a.id`,
    )
    .iterate(callId, callId) as Iterable<BatchRuleMatch>;
}

export interface BatchRuleMatch {
  id: number;
  batch: number | null;
  /** the earliest application of the call with the same key */
  first: number;
  firstBatch: number | null;
}

/**
 * Under one rule: the applications of the call that share a key with an application one of the
 * batches wrote, each with the earliest application holding that key (when it is another one).
 * The batches' rows are found along the batch index (the unary `+` keeps SQLite, which has no
 * statistics, from walking the rule's index over the whole call instead: 2 s for a one-row
 * correction into a call of 100,000), and each key's earliest application is looked up once.
 */
export function batchRuleMatches(db: DB, callId: number, batches: number[], rule: number): BatchRuleMatch[] {
  const col = DUPLICATE_KEY_COLUMNS[rule]!;
  if (!batches.length) return [];
  const inBatches = batches.map(() => '?').join(', ');
  return db
    .prepare(
      `WITH keys AS (SELECT DISTINCT ${col} AS k FROM applications WHERE batch_id IN (${inBatches}) AND +call_id = ? AND +${col} IS NOT NULL),
            groups AS MATERIALIZED (SELECT k, (SELECT min(x.id) FROM applications x WHERE x.call_id = ? AND x.${col} = k) AS first FROM keys)
       SELECT a.id, a.batch_id AS batch, g.first, f.batch_id AS firstBatch
         FROM groups g JOIN applications a ON a.call_id = ? AND a.${col} = g.k AND a.id > g.first
         JOIN applications f ON f.id = g.first
        ORDER BY a.id`,
    )
    .all(...batches, callId, callId, callId) as BatchRuleMatch[];
}
