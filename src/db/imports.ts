/**
 * SQL of the import: batches, applications written from file rows, their previous versions and
 * rejected rows. Statements are prepared once per file and reused for every row.
 */
import { releaseWriteLock, type DB } from './connection.js';

export interface BatchInfo {
  callId: number;
  fileName: string;
  fileSize: number;
  sha256: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  mapping: Record<string, string[]>;
  /** per field: its columns, how sure the import was, from where (import --json's files[].fields) */
  fields?: Record<string, unknown>;
}

export interface BatchCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export function createBatch(db: DB, b: BatchInfo): number {
  const info = db
    .prepare(
      `INSERT INTO import_batches (call_id, file_name, file_size, sha256, format, encoding, delimiter, headers_json, mapping_json, fields_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(b.callId, b.fileName, b.fileSize, b.sha256, b.format, b.encoding, b.delimiter, JSON.stringify(b.headers), JSON.stringify(b.mapping), JSON.stringify(b.fields ?? {}));
  return Number(info.lastInsertRowid);
}

export function finishBatch(db: DB, batchId: number, c: BatchCounts): void {
  db.prepare('UPDATE import_batches SET rows = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ? WHERE id = ?').run(
    c.rows, c.inserted, c.updated, c.unchanged, c.rejected, batchId,
  );
}

/** The columns an application row is written with, in the order of ApplicationValues. */
const WRITTEN = [
  'external_id', 'organization', 'organization_type', 'contact_name', 'given_name', 'family_name', 'email', 'phone', 'website',
  'country_raw', 'country', 'region', 'language', 'title', 'description', 'beneficiaries_json',
  'self_categories_json', 'score', 'submitted_at', 'raw_json', 'content_hash', 'batch_id', 'source_row',
  'working_language', 'submitted_at_raw', 'language_source', 'working_language_source',
  'dup_keys_version', 'dup_email_org', 'dup_org_title', 'dup_email_title',
] as const;

/** A column an application row is written with. */
export type WrittenColumn = (typeof WRITTEN)[number];

const WRITTEN_AT = new Map<WrittenColumn, number>(WRITTEN.map((c, i) => [c, i]));

/** The value of one column in a row's ApplicationValues, found by the column's name. */
export function writtenValue(values: ApplicationValues, column: WrittenColumn): ApplicationValues[number] {
  return values[WRITTEN_AT.get(column)!];
}

/** Values for WRITTEN, positionally (no per-row object of named parameters). */
export type ApplicationValues = [
  externalId: string | null, organization: string, organizationType: string | null, contactName: string | null,
  givenName: string | null, familyName: string | null, email: string | null, phone: string | null, website: string | null, countryRaw: string | null, country: string | null,
  region: string | null, language: string | null, title: string | null, description: string | null,
  beneficiariesJson: string, selfCategoriesJson: string, score: number | null, submittedAt: string | null,
  rawJson: string, contentHash: string, batchId: number, sourceRow: number,
  workingLanguage: string | null, submittedAtRaw: string | null, languageSource: string | null, workingLanguageSource: string | null,
  dupKeysVersion: number, dupEmailOrg: number | null, dupOrgTitle: number | null, dupEmailTitle: number | null,
];

/** Columns an officer may have corrected: an import keeps the officer's value (their *_source is 'officer'). */
const OFFICER_KEPT: Partial<Record<(typeof WRITTEN)[number], string>> = {
  language: 'language_source',
  language_source: 'language_source',
  working_language: 'working_language_source',
  working_language_source: 'working_language_source',
};

/** Everything a version snapshot keeps, so a restore puts the row back exactly. */
const SNAPSHOT = [...WRITTEN, 'created_at', 'updated_at', 'identity_key'] as const;

export interface StoredApplication {
  id: number;
  content_hash: string;
  batch_id: number | null;
  email: string | null;
  organization: string;
  title: string | null;
  contact_name: string | null;
  /** sha256 of the file whose import last changed the application (null when not imported) */
  batch_sha256: string | null;
}

/** Category tags clearStaleTags deleted, as they were (to put back when the text comes back). */
export interface ClearedTags {
  rows: { application_id: number; category: string; source: string; state: string; confidence: number | null; evidence_json: string; updated_at: string }[];
}

export interface ImportStatements {
  find(callId: number, identityKey: string): StoredApplication | undefined;
  /** Whether the call holds no application at all (merged, withdrawn and erased ones count). */
  callIsEmpty(callId: number): boolean;
  /** Applications of the call that carry this application ID but were identified by email and organisation (an ID clash). */
  findClashed(callId: number, externalId: string): StoredApplication[];
  /** Writes a new application, pointing it at its organisation and contact person when they are known (linked before it is written). */
  insert(callId: number, identityKey: string, values: ApplicationValues, link?: { organizationId: number; personId: number | null } | null): number;
  /** Keeps the current row as a version replaced by this batch, then overwrites it (an officer's language stays). */
  update(id: number, identityKey: string, values: ApplicationValues, batchId: number): void;
  /** content_hash of the application as it was before this batch first changed it. */
  hashBeforeBatch(id: number, batchId: number): string | undefined;
  /** Puts the application back as it was before this batch and forgets this batch's versions of it. */
  restoreBeforeBatch(id: number, batchId: number): void;
  reject(batchId: number, rowNumber: number, rawJson: string, reasonsJson: string): void;
  /**
   * Before an update: when the text the tagger reads (title, description, beneficiaries,
   * self-chosen categories) changes, deletes the application's computed category tags (auto and
   * applicant), keeping officer tags and officer removals. Returns whether any were deleted.
   */
  clearStaleTags(id: number, title: string | null, description: string | null, beneficiariesJson: string, selfCategoriesJson: string): ClearedTags | null;
  /** Puts back tags clearStaleTags deleted (a later row of the same file brought the text back). */
  restoreTags(cleared: ClearedTags): void;
  /** Whether an officer has decided on any category of the application. */
  hasOfficerTags(id: number): boolean;
}

/**
 * Indexes the import reads row by row while it writes, kept through a large import: an
 * application updated by the file asks whether a later application has its contact person
 * (without the index every such row scanned the whole table: a million rows took hours), and
 * linking looks up an organisation's person by address and an organisation's member (a unique
 * index besides).
 */
const READ_WHILE_IMPORTING = new Set(['applications_person', 'people_organization_email', 'members_organization']);

/** The network's tables, whose other indexes only matching reads (from memory during a large import). */
const NETWORK_TABLES = ['organizations', 'people', 'members', 'member_roles'];

/** The page cache of a large import, in KiB: the pages of a file of a hundred megabytes fit (SQLite allocates them only as it needs them). */
export const IMPORT_CACHE_KIB = 128 * 1024;

/**
 * A larger page cache while a file is written: with the default 16 MB, the pages of a file of
 * 100,000 rows leave the cache and are written and read back before the commit (0.6 to 1.5 s of
 * about 11 in the runs measured). Returns how to put the connection's own size back (a no-op
 * once the connection is closed: it never hides the error that closed it).
 */
export function widenCache(db: DB, kib = IMPORT_CACHE_KIB): () => void {
  const saved = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${-Math.round(kib)}`);
  return () => {
    if (db.open) db.pragma(`cache_size = ${saved}`);
  };
}

/**
 * For a file that brings many rows into a table holding fewer: the table's secondary indexes are
 * dropped for the writing and built again at the end, in the same transaction (sorting once
 * costs about half of keeping eight indexes up to date row by row). Unique indexes of a table's
 * own definition and READ_WHILE_IMPORTING stay: rows are looked up by them while they are
 * written. The network's tables too when `network` (the import matches organisations from an
 * index in memory, organization-lookup.ts). Returns the function that rebuilds them; call it
 * before the transaction ends (a rollback puts them back by itself).
 */
export function deferIndexes(db: DB, expectedRows: number, options: { network?: boolean } = {}): (() => void) | null {
  if (expectedRows < 20_000) return null;
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const tables = [...(count('applications') <= expectedRows ? ['applications'] : []), ...(options.network && count('people') <= expectedRows ? NETWORK_TABLES : [])];
  if (!tables.length) return null;
  const indexes = (db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN (SELECT value FROM json_each(?)) AND sql IS NOT NULL ORDER BY tbl_name, name`)
    .all(JSON.stringify(tables)) as { name: string; sql: string }[]).filter((i) => !READ_WHILE_IMPORTING.has(i.name));
  for (const i of indexes) db.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);
  return () => {
    for (const i of indexes) db.exec(i.sql);
  };
}

export function prepareImport(db: DB): ImportStatements {
  const find = db.prepare(
    `SELECT a.id, a.content_hash, a.batch_id, a.email, a.organization, a.title, a.contact_name, b.sha256 AS batch_sha256
       FROM applications a LEFT JOIN import_batches b ON b.id = a.batch_id
      WHERE a.call_id = ? AND a.identity_key = ?`,
  );
  const findClashed = db.prepare(
    `SELECT a.id, a.content_hash, a.batch_id, a.email, a.organization, a.title, a.contact_name, b.sha256 AS batch_sha256
       FROM applications a LEFT JOIN import_batches b ON b.id = a.batch_id
      WHERE a.call_id = ? AND a.identity_key LIKE 'contact:%' AND lower(a.external_id) = ? ORDER BY a.id`,
  );
  const insert = db.prepare(
    `INSERT INTO applications (call_id, identity_key, ${WRITTEN.join(', ')}, organization_id, person_id) VALUES (?, ?, ${WRITTEN.map(() => '?').join(', ')}, ?, ?)`,
  );
  const snapshot = db.prepare(
    `INSERT INTO application_versions (application_id, replaced_by_batch_id, data_json)
     SELECT id, ?, json_object(${SNAPSHOT.map((c) => `'${c}', ${c}`).join(', ')}) FROM applications WHERE id = ?`,
  );
  const assign = (c: (typeof WRITTEN)[number]) => {
    const kept = OFFICER_KEPT[c];
    return kept ? `${c} = CASE WHEN ${kept} = 'officer' THEN ${c} ELSE ? END` : `${c} = ?`;
  };
  const update = db.prepare(
    `UPDATE applications SET identity_key = ?, ${WRITTEN.map(assign).join(', ')},
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
  );
  const firstVersion = db.prepare(
    'SELECT data_json FROM application_versions WHERE application_id = ? AND replaced_by_batch_id = ? ORDER BY id LIMIT 1',
  );
  const restore = db.prepare(
    // (versions written before a column existed lack it: those columns keep their value)
    `UPDATE applications SET ${SNAPSHOT.map((c) => `${c} = CASE WHEN json_type(@data, '$.${c}') IS NULL THEN ${c} ELSE json_extract(@data, '$.${c}') END`).join(', ')} WHERE id = @id`,
  );
  const forget = db.prepare('DELETE FROM application_versions WHERE application_id = ? AND replaced_by_batch_id = ?');
  const clearStale = db.prepare(
    `DELETE FROM application_categories
      WHERE application_id = @id AND source <> 'officer'
        AND EXISTS (SELECT 1 FROM applications a WHERE a.id = @id
                     AND (a.title IS NOT @title OR a.description IS NOT @description
                          OR a.beneficiaries_json IS NOT @beneficiaries OR a.self_categories_json IS NOT @selfCategories))
      RETURNING application_id, category, source, state, confidence, evidence_json, updated_at`,
  );
  const putBack = db.prepare(
    `INSERT OR IGNORE INTO application_categories (application_id, category, source, state, confidence, evidence_json, updated_at)
     VALUES (@application_id, @category, @source, @state, @confidence, @evidence_json, @updated_at)`,
  );
  const officer = db.prepare(`SELECT 1 FROM application_categories WHERE application_id = ? AND source = 'officer' LIMIT 1`);
  const reject = db.prepare('INSERT INTO rejected_rows (batch_id, row_number, raw_json, reasons_json) VALUES (?, ?, ?, ?)');
  const anyApplication = db.prepare('SELECT 1 FROM applications WHERE call_id = ? LIMIT 1');
  return {
    find: (callId, key) => find.get(callId, key) as StoredApplication | undefined,
    callIsEmpty: (callId) => anyApplication.get(callId) === undefined,
    findClashed: (callId, externalId) => findClashed.all(callId, externalId.toLowerCase()) as StoredApplication[],
    insert: (callId, key, values, link) => Number(insert.run(callId, key, ...values, link?.organizationId ?? null, link?.personId ?? null).lastInsertRowid),
    update: (id, key, values, batchId) => {
      snapshot.run(batchId, id);
      update.run(key, ...values, id);
    },
    hashBeforeBatch: (id, batchId) => {
      const row = firstVersion.get(id, batchId) as { data_json: string } | undefined;
      return row ? (JSON.parse(row.data_json) as { content_hash: string }).content_hash : undefined;
    },
    restoreBeforeBatch: (id, batchId) => {
      const row = firstVersion.get(id, batchId) as { data_json: string } | undefined;
      if (!row) return;
      restore.run({ data: row.data_json, id });
      forget.run(id, batchId);
    },
    reject: (batchId, rowNumber, rawJson, reasonsJson) => {
      reject.run(batchId, rowNumber, rawJson, reasonsJson);
    },
    clearStaleTags: (id, title, description, beneficiaries, selfCategories) => {
      const rows = clearStale.all({ id, title, description, beneficiaries, selfCategories }) as ClearedTags['rows'];
      return rows.length ? { rows } : null;
    },
    restoreTags: (cleared) => {
      for (const row of cleared.rows) putBack.run(row);
    },
    hasOfficerTags: (id) => officer.get(id) !== undefined,
  };
}

export interface RejectedRow {
  id: number;
  batchId: number;
  call: string;
  file: string;
  importedAt: string;
  rowNumber: number;
  raw: Record<string, string>;
  reasons: string[];
  /** field -> headers the import read it from (to show the organisation and email of a row) */
  columns: Record<string, string[]>;
  /** the file's headers, in order (raw leaves empty cells out) */
  headers: string[];
  /** the file's CSV delimiter (null for a workbook) */
  delimiter: string | null;
}

/** The column of a rejects sheet that names the rejected row ("R17"): a batch with it imported a rejects sheet. */
export const REJECTED_ROW_COLUMN = 'Rejected row';

/**
 * SQL: the import `later` is its file imported again, which replaces the rejects of `b`: the same
 * file name, and where one of them is a rejects sheet the same columns too. `rejects --csv --file
 * 2 > fix.csv` after `--file 1 > fix.csv` is another sheet under a reused name: the rows the first
 * one rejected again were lost from rejects.
 */
const SAME_FILE = (later: string, b: string) =>
  `${later}.call_id = ${b}.call_id AND ${later}.file_name = ${b}.file_name
   AND (${later}.headers_json = ${b}.headers_json OR (instr(${later}.headers_json, '${JSON.stringify(REJECTED_ROW_COLUMN)}') = 0 AND instr(${b}.headers_json, '${JSON.stringify(REJECTED_ROW_COLUMN)}') = 0))`;

/**
 * SQL: the import `b` read data rows. A file with its header and nothing under it (a download cut
 * short) imported nothing: it does not stand for its file's earlier import, whose rejects stay.
 */
const HAS_ROWS = (b: string) => `(${b}.rows IS NULL OR ${b}.rows > 0)`;

/**
 * SQL: the rejected row `r` was fixed: resolved by a later import that did not reject it again
 * as it was (a rejects sheet whose row was left unfixed resolves the old row, its own takes the
 * place).
 */
const FIXED = (r: string) =>
  // (a set SQLite builds once, not a look through the resolving batch's rejects for each row: with
  // 20,000 rows rejected again by their sheet, `rejects` took 22 s)
  `${r}.resolved_batch_id IS NOT NULL AND (${r}.resolved_batch_id, ${r}.raw_json) NOT IN (SELECT again.batch_id, again.raw_json FROM rejected_rows again)`;

/**
 * Rejected rows of the latest import of each file (by call and file name): an older import's
 * rejects were superseded when the file was imported again. A row rejected by several files
 * (the export downloaded again under another name, `responses (1).csv`, every cell the same) is
 * listed once, from the latest of them, and not at all once one of its copies was fixed. `all`
 * lists every batch's.
 */
export function listRejectedRows(db: DB, options: { call?: string; all?: boolean } = {}): RejectedRow[] {
  // a row a later import of its fixed copy accepted is resolved: listed with --all only
  const latest = options.all
    ? ''
    : `AND b.id = (SELECT max(b2.id) FROM import_batches b2 WHERE ${SAME_FILE('b2', 'b')} AND ${HAS_ROWS('b2')}) AND r.resolved_batch_id IS NULL
       AND (b.call_id, r.raw_json) NOT IN (SELECT fb.call_id, f.raw_json FROM rejected_rows f JOIN import_batches fb ON fb.id = f.batch_id
                                            WHERE ${FIXED('f')})`;
  // (the same row in several listed files: the latest file's copy; two alike rows of one file both)
  const once = options.all ? '' : 'WHERE batch_id = newest';
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT r.id, r.batch_id, c.name AS call, b.file_name, b.imported_at, r.row_number, r.raw_json, r.reasons_json, b.mapping_json, b.headers_json, b.delimiter,
                max(b.id) OVER (PARTITION BY b.call_id, r.raw_json) AS newest
           FROM rejected_rows r JOIN import_batches b ON b.id = r.batch_id JOIN calls c ON c.id = b.call_id
          WHERE (@call IS NULL OR c.name = @call) ${latest})
        ${once}
        ORDER BY batch_id, row_number`,
    )
    .all({ call: options.call ?? null }) as {
    id: number; batch_id: number; call: string; file_name: string; imported_at: string; row_number: number; raw_json: string; reasons_json: string; mapping_json: string; headers_json: string; delimiter: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    batchId: r.batch_id,
    call: r.call,
    file: r.file_name,
    importedAt: r.imported_at,
    rowNumber: r.row_number,
    raw: JSON.parse(r.raw_json) as Record<string, string>,
    reasons: JSON.parse(r.reasons_json) as string[],
    columns: JSON.parse(r.mapping_json) as Record<string, string[]>,
    headers: JSON.parse(r.headers_json) as string[],
    delimiter: r.delimiter,
  }));
}

/** The submission dates a batch wrote, as written, to read them again in another order. */
export function batchDates(db: DB, batchId: number): { id: number; raw: string }[] {
  return db.prepare('SELECT id, submitted_at_raw AS raw FROM applications WHERE batch_id = ? AND submitted_at_raw IS NOT NULL').all(batchId) as { id: number; raw: string }[];
}

export function setSubmittedAt(db: DB): (id: number, iso: string) => void {
  const stmt = db.prepare('UPDATE applications SET submitted_at = ? WHERE id = ?');
  return (id, iso) => {
    stmt.run(iso, id);
  };
}

/**
 * The rejected rows `rejects` still lists in this call (the latest import of each file, not
 * resolved) from files with exactly these columns, other than this batch's: at most `limit`.
 */
export function openRejectsOfLayout(db: DB, callId: number, batchId: number, headersJson: string, limit: number): { id: number; raw: string }[] {
  return db
    .prepare(
      `SELECT r.id, r.raw_json AS raw FROM rejected_rows r JOIN import_batches b ON b.id = r.batch_id
        WHERE b.call_id = ? AND b.id <> ? AND r.resolved_batch_id IS NULL AND b.headers_json = ?
          AND b.id = (SELECT max(b2.id) FROM import_batches b2 WHERE ${SAME_FILE('b2', 'b')} AND ${HAS_ROWS('b2')} AND b2.id <> ?)
        ORDER BY r.id LIMIT ?`,
    )
    .all(callId, batchId, headersJson, batchId, limit) as { id: number; raw: string }[];
}

/** The source rows (raw JSON) of the applications a batch wrote (inserted or updated), one by one. */
export function sourceRowsOfBatch(db: DB, batchId: number): IterableIterator<string> {
  return db.prepare('SELECT raw_json FROM applications WHERE batch_id = ? ORDER BY id').pluck().iterate(batchId) as IterableIterator<string>;
}

/** Marks rejected rows of the call as fixed by a later batch (the rows of a rejects sheet imported again). */
export function markRejectsResolved(db: DB, callId: number, batchId: number, ids: number[]): number {
  const stmt = db.prepare(
    `UPDATE rejected_rows SET resolved_batch_id = ? WHERE id = ? AND resolved_batch_id IS NULL
        AND batch_id IN (SELECT id FROM import_batches WHERE call_id = ? AND id <> ?)`,
  );
  let n = 0;
  for (const id of ids) n += stmt.run(batchId, id, callId, batchId).changes;
  return n;
}

/** Of these rejected rows, those of other calls than this one, with their call's name. */
export function rejectedRowsOfOtherCalls(db: DB, callId: number, ids: readonly number[]): { id: number; call: string }[] {
  return db
    .prepare(`SELECT r.id, c.name AS call FROM rejected_rows r JOIN import_batches b ON b.id = r.batch_id JOIN calls c ON c.id = b.call_id
               WHERE r.id IN (SELECT value FROM json_each(?)) AND b.call_id <> ? ORDER BY r.id`)
    .all(JSON.stringify(ids), callId) as { id: number; call: string }[];
}

/** The column mapping (field -> headers) of the batch a rejected row came from. */
export function mappingOfRejectedRow(db: DB, callId: number, rejectId: number): { mapping: Record<string, string[]>; file: string } | undefined {
  const row = db
    .prepare(`SELECT b.mapping_json, b.file_name FROM rejected_rows r JOIN import_batches b ON b.id = r.batch_id WHERE r.id = ? AND b.call_id = ?`)
    .get(rejectId, callId) as { mapping_json: string; file_name: string } | undefined;
  return row ? { mapping: JSON.parse(row.mapping_json) as Record<string, string[]>, file: row.file_name } : undefined;
}

export function callIdByName(db: DB, name: string): number | undefined {
  return (db.prepare('SELECT id FROM calls WHERE name = ?').get(name) as { id: number } | undefined)?.id;
}

/** The latest earlier import of a file with these exact bytes into the call, if any. */
export function previousImportOf(db: DB, callId: number, sha256: string): { id: number; fileName: string; importedAt: string } | undefined {
  return db
    .prepare('SELECT id, file_name AS fileName, imported_at AS importedAt FROM import_batches WHERE call_id = ? AND sha256 = ? ORDER BY id DESC LIMIT 1')
    .get(callId, sha256) as { id: number; fileName: string; importedAt: string } | undefined;
}

/**
 * The latest import of a file with these exact bytes, read with these columns, that kept
 * applications (accepted rows), in whichever call: for a call not started yet, always another
 * one. (The columns too: a workbook's other sheet is other rows in the same bytes.)
 */
export function importWithApplicationsOf(db: DB, sha256: string, headers: readonly string[]): { call: string; id: number; importedAt: string } | undefined {
  return db
    .prepare(`SELECT c.name AS call, b.id, b.imported_at AS importedAt FROM import_batches b JOIN calls c ON c.id = b.call_id
               WHERE b.sha256 = ? AND b.headers_json = ? AND b.inserted + b.updated + b.unchanged > 0 ORDER BY b.id DESC LIMIT 1`)
    .get(sha256, JSON.stringify(headers)) as { call: string; id: number; importedAt: string } | undefined;
}

/**
 * After a failed first import: deletes the database file this command created when it holds
 * nothing (no import batch, no call), so a failed first try leaves no empty file behind. Only
 * when no other connection is writing (an exclusive lock is taken without waiting); anything
 * else leaves the file as it is. Returns whether the file was removed.
 */
export async function discardEmptyDatabase(file: string): Promise<boolean> {
  const fs = await import('node:fs');
  const { default: Database } = await import('better-sqlite3');
  let db: import('better-sqlite3').Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('busy_timeout = 0');
    // (before its first read: a WAL file is then read without the shared-memory file, which a
    // full disk may have no room to size; another connection's lock still keeps the file)
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    // (a file whose schema could not be made, the disk full after its first page, has no tables:
    // the counts below, prepared at once, failed on it and the file was kept)
    const hasSchema = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'calls' AND type = 'table'").pluck().get() as number;
    const used = hasSchema > 0 && db.prepare('SELECT (SELECT count(*) FROM calls) + (SELECT count(*) FROM import_batches) > 0').pluck().get();
    db.exec('ROLLBACK');
    db.close();
    db = undefined;
    if (used) return false;
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** When a group of applications was submitted and how it was scored. */
export interface CallSpan {
  /** earliest and latest submission dates (ISO 8601), null when none is dated */
  first: string | null;
  last: string | null;
  /** lowest and highest score, null when none is scored */
  lowest: number | null;
  highest: number | null;
}

const ISO_DATE = `CASE WHEN submitted_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN submitted_at END`;

/**
 * When the applications a batch wrote were submitted and how they were scored, beside the call's
 * other applications (import/call-fit.ts compares them). Merged and withdrawn ones count: they
 * were the call's.
 */
export function batchAndCallSpans(db: DB, callId: number, batchId: number): { file: CallSpan; call: CallSpan } {
  const q = (where: string) =>
    // (ISO dates only: a date the import could not read is kept as written, "9/31/2021 ,")
    db.prepare(
      `SELECT min(${ISO_DATE}) AS first, max(${ISO_DATE}) AS last, min(score) AS lowest, max(score) AS highest FROM applications WHERE call_id = ? AND ${where}`,
    ).get(callId, batchId) as CallSpan;
  return { file: q('batch_id = ?'), call: q('batch_id IS NOT ?') };
}

/**
 * Rows of this batch rejected exactly as a row of an earlier import of the call was, when that
 * row has been fixed since (a corrected copy or a rejects sheet imported): the original export
 * imported again — a later download with more responses — does not bring back rejects the
 * officer fixed already. The row itself (every cell under its header) says it is the same, not
 * the file's name: a browser saves the later download as "responses (1).csv". Marked resolved
 * by the same fix; returns how many.
 */
export function carryResolvedRejects(db: DB, callId: number, batchId: number): { carried: number; unconfirmed: number } {
  // The fixed rows of earlier imports of this call (a few, as officers fix them), by their source
  // row; then this batch's rejected rows looked up in them: one pass each, never one by the other.
  const fixed = new Map<string, number>();
  const earlier = db
    .prepare(
      `SELECT r.raw_json AS raw, r.resolved_batch_id AS resolved FROM rejected_rows r JOIN import_batches b ON b.id = r.batch_id
        WHERE b.call_id = ? AND b.id <> ? AND ${FIXED('r')}
        ORDER BY r.id`,
    )
    .iterate(callId, batchId) as IterableIterator<{ raw: string; resolved: number }>;
  for (const row of earlier) fixed.set(row.raw, row.resolved);
  if (!fixed.size) return { carried: 0, unconfirmed: 0 };
  const mark = db.prepare('UPDATE rejected_rows SET resolved_batch_id = ? WHERE id = ?');
  const rows = db.prepare('SELECT id, raw_json AS raw FROM rejected_rows WHERE batch_id = ? AND resolved_batch_id IS NULL').all(batchId) as { id: number; raw: string }[];
  // (a rejects sheet rejects a row whose cells were changed, for another reason: which of its old
  // rows that copy stands for is not kept, so none of that sheet's is said to be in for sure; rows
  // it rejected as an earlier import of the call did, left unfixed, are no such copy)
  const rejectedChanged = db.prepare(
    `SELECT 1 FROM rejected_rows again WHERE again.batch_id = ? AND again.resolved_batch_id IS NULL
       AND again.raw_json NOT IN (SELECT old.raw_json FROM rejected_rows old JOIN import_batches ob ON ob.id = old.batch_id WHERE ob.call_id = ? AND old.batch_id <> ?) LIMIT 1`,
  );
  const unsure = new Map<number, boolean>();
  let carried = 0;
  let unconfirmed = 0;
  for (const row of rows) {
    const resolved = fixed.get(row.raw);
    if (resolved === undefined || !mark.run(resolved, row.id).changes) continue;
    carried++;
    if (!unsure.has(resolved)) unsure.set(resolved, rejectedChanged.get(resolved, callId, resolved) !== undefined);
    if (unsure.get(resolved)) unconfirmed++;
  }
  return { carried, unconfirmed };
}

/** Switches a database nobody else has open to a rollback journal; returns how to switch back. */
export function useRollbackJournal(db: DB): (() => void) | null {
  // The lock waitForWriteLock took is an open transaction, inside which the journal mode cannot
  // change: the import of a new database then went through the WAL unnoticed (four times the
  // writes, +0.5 s on 100,000 rows). The database is new, this command's own: giving the lock
  // back here lets no one in between that matters, and the import's write takes it again.
  releaseWriteLock(db);
  try {
    if (String(db.pragma('journal_mode = DELETE', { simple: true })) !== 'delete') return null;
  } catch {
    return null;
  }
  return () => {
    try {
      db.pragma('journal_mode = WAL');
    } catch {
      /* the next connection sets it again (db/connection.ts) */
    }
  };
}
