/**
 * Rejected rows that go back to the officer and come back fixed. `rejects --csv` writes one
 * sheet per source layout (the files that had the same columns), with the original headers,
 * the reason and a reference to the rejected row; imported again, each row of it lands in the
 * fields the original file's columns fed (the mapping is taken from that import), and the
 * rejected rows it carries leave the list of rejects.
 */
import type { DB } from '../db/connection.js';
import { listRejectedRows, mappingOfRejectedRow, markRejectsResolved, openRejectsOfLayout, sourceRowsOfBatch, type RejectedRow } from '../db/imports.js';
import { OperationError } from '../errors.js';
import { FIELDS, type ColumnMapping, type Field } from './headers.js';
import type { Layout } from './layout.js';
import { findColumn, missingColumnsError, missingRequired } from './mapping.js';

/** The column that says why, after the file's own columns. */
export const REASON_COLUMN = 'Rejection reason';
/** The column that names the rejected row ("R17"), so that importing the fixed sheet resolves it. */
export { REJECTED_ROW_COLUMN } from '../db/imports.js';
import { REJECTED_ROW_COLUMN } from '../db/imports.js';
/** Columns skillsnet adds to a rejects sheet: never a field, never kept in an application's source row. */
export const SKILLSNET_COLUMNS: ReadonlySet<string> = new Set([REASON_COLUMN, REJECTED_ROW_COLUMN]);

/** The reference written in the Rejected row column. */
export function rejectRef(id: number): string {
  return `R${id}`;
}

/** The rejected row a reference names, or null. */
export function parseRejectRef(cell: string | undefined): number | null {
  const m = /^R(\d+)$/.exec((cell ?? '').trim());
  return m ? Number(m[1]) : null;
}

/**
 * A rejects sheet imported again: its columns feed the fields the original file's columns fed,
 * whatever a header alone would say (the original mapping may have come from the wizard or a
 * --map file). Only when every column that mapping names is here.
 */
export function applyStoredMapping(db: DB, callId: number, prepared: { file: string; layout: Layout }): void {
  const { layout } = prepared;
  if (layout.rejectRef == null) return;
  const stored = mappingOfRejectedRow(db, callId, layout.rejectRef);
  if (stored) {
    const mapping: ColumnMapping = {};
    let complete = true;
    for (const f of FIELDS) {
      const headers = stored.mapping[f];
      if (!headers?.length) continue;
      const cols = headers.map((h) => findColumn(layout.headers, h));
      if (cols.some((c) => c < 0)) complete = false;
      else mapping[f] = cols;
    }
    if (complete) {
      layout.mapping = mapping;
      layout.fields = {};
      for (const f of Object.keys(mapping) as Field[]) {
        layout.fields[f] = { columns: mapping[f]!, confidence: 'high', source: 'previous', evidence: `as the import of ${stored.file} read it`, sample: null };
      }
      const used = new Set(Object.values(mapping).flat());
      layout.unmatched = layout.headers.map((_, i) => i).filter((i) => !used.has(i));
    }
  }
  const missing = missingRequired(layout.mapping);
  if (missing.length) throw missingColumnsError(prepared.file, layout.headers, missing);
}

/** Marks the rejected rows a batch carried (by reference) as resolved: they leave `rejects`. */
export function resolveRejectedRows(db: DB, callId: number, batchId: number, ids: number[]): number {
  return markRejectsResolved(db, callId, batchId, ids);
}

/** Rejected rows looked at for fixed copies, at most (a file of thousands of rejects is fixed through `rejects --csv`). */
const MAX_OPEN_REJECTS = 1_000;
/** Cells a fixed copy of a rejected row may differ in: the one or two the officer corrected. */
const MAX_FIXED_CELLS = 2;
/**
 * Fields whose value names one applicant: a fixed copy keeps at least one of them as it was.
 * Country, organisation type, target groups, consent answers, a submission day are shared by many.
 */
const NAMING_FIELDS: readonly Field[] = ['externalId', 'organization', 'contactName', 'firstName', 'lastName', 'email', 'phone', 'website', 'title', 'description'];
/** A naming value held by more open rejected rows than this ("N/A", "-") names none of them. */
const MAX_ROWS_PER_NAME = 5;

/** How many cells differ (trimmed), stopping past `limit`. */
function cellsChanged(rejected: readonly string[], accepted: readonly string[], limit: number): { changed: number; same: number } {
  let same = 0;
  let changed = 0;
  for (let i = 0; i < rejected.length; i++) {
    const a = (rejected[i] ?? '').trim();
    const b = (accepted[i] ?? '').trim();
    if (a === b) {
      if (a) same++;
    } else if (++changed > limit) break;
  }
  return { changed, same };
}

/**
 * Whether a row another import accepted is a rejected row fixed by hand: the same columns' cells,
 * at most MAX_FIXED_CELLS of them changed, and at least three filled ones the same (two
 * applicants' rows do not agree that far); with `naming` (cell positions that name an applicant:
 * organisation, email, title...), at least one of those filled and the same too — an abandoned
 * row with no organisation and no email agrees with any applicant of its country and kind.
 */
export function isFixedCopy(rejected: readonly string[], accepted: readonly string[], naming?: readonly number[]): boolean {
  if (fixedCopyChanges(rejected, accepted) === null) return false;
  return !naming || naming.some((i) => {
    const a = (rejected[i] ?? '').trim();
    return a !== '' && a === (accepted[i] ?? '').trim();
  });
}

/** How many cells a fixed copy changed (isFixedCopy without `naming`), or null when it is none. */
function fixedCopyChanges(rejected: readonly string[], accepted: readonly string[]): number | null {
  const { changed, same } = cellsChanged(rejected, accepted, MAX_FIXED_CELLS);
  return changed > MAX_FIXED_CELLS || same < 3 || same <= changed ? null : changed;
}

/**
 * Rejected rows a corrected copy of their file accepted: the officer fixed the export itself (the
 * missing email added, say) and imported it under another name, not through `rejects --csv`. A row
 * of this batch that is a fixed copy (isFixedCopy) of an open rejected row of a file with the
 * same columns resolves it, once: it leaves `rejects`. Returns how many.
 *
 * The rejected rows are looked up by their naming cells (an index, not a comparison with every
 * one: a 100,000-row file beside 1,000 open rejects took 16 s more to import), and each accepted
 * row takes the rejected row it is closest to.
 */
export function resolveFixedCopies(db: DB, callId: number, batchId: number, headers: readonly string[], mapping: ColumnMapping): number {
  const open = openRejectsOfLayout(db, callId, batchId, JSON.stringify(headers), MAX_OPEN_REJECTS);
  if (!open.length) return 0;
  const columns = headers.map((h, i) => ({ h, i })).filter(({ h }) => !SKILLSNET_COLUMNS.has(h));
  const keys = columns.map(({ h }) => h);
  const namingColumns = new Set(NAMING_FIELDS.flatMap((f) => mapping[f] ?? []));
  const naming = columns.flatMap(({ i }, position) => (namingColumns.has(i) ? [position] : []));
  if (!naming.length) return 0;
  const cellsOf = (json: string) => {
    const row = JSON.parse(json) as Record<string, unknown>;
    return keys.map((k) => (typeof row[k] === 'string' ? (row[k] as string) : ''));
  };
  // naming cell (position and value) -> the open rejected rows that hold it
  const waiting = open.map((r) => ({ id: r.id, cells: cellsOf(r.raw), done: false }));
  const byName = new Map<string, typeof waiting>();
  for (const r of waiting) {
    for (const p of naming) {
      const v = (r.cells[p] ?? '').trim();
      if (!v) continue;
      const key = `${p}\u0000${v}`;
      const list = byName.get(key);
      if (list) list.push(r);
      else byName.set(key, [r]);
    }
  }
  const resolved: number[] = [];
  let left = waiting.length;
  for (const raw of sourceRowsOfBatch(db, batchId)) {
    const cells = cellsOf(raw);
    let best: (typeof waiting)[number] | null = null;
    let fewest = Infinity;
    for (const p of naming) {
      const v = (cells[p] ?? '').trim();
      if (!v) continue;
      const candidates = byName.get(`${p}\u0000${v}`);
      if (!candidates || candidates.length > MAX_ROWS_PER_NAME) continue;
      for (const r of candidates) {
        if (r.done) continue;
        const changed = fixedCopyChanges(r.cells, cells);
        if (changed === null) continue;
        if (changed < fewest || (changed === fewest && r.id < best!.id)) {
          best = r;
          fewest = changed;
        }
      }
    }
    if (!best) continue;
    best.done = true;
    resolved.push(best.id);
    if (--left === 0) break;
  }
  return resolved.length ? markRejectsResolved(db, callId, batchId, resolved) : 0;
}

/**
 * Rejected rows of one shape of file (the same columns in the same order) of one call: a fixed
 * sheet is imported into one call, and rows of another would become its applications.
 */
export interface RejectSheet {
  /** 1-based, in the order the layouts were first imported */
  number: number;
  /** the call the rows' imports went into */
  call: string;
  /** the files (by name) the rows come from */
  files: string[];
  /** the batches they come from */
  batches: number[];
  /** the original headers, in order (skillsnet's own columns left out) */
  headers: string[];
  /** the CSV delimiter the files had (null for workbooks) */
  delimiter: string | null;
  rows: RejectedRow[];
}

/** The rejected rows (of the latest import of each file, not yet resolved), one sheet per call and layout. */
export function rejectSheets(db: DB, options: { call?: string; all?: boolean } = {}): RejectSheet[] {
  const sheets = new Map<string, RejectSheet>();
  for (const r of listRejectedRows(db, options)) {
    const headers = r.headers.filter((h) => !SKILLSNET_COLUMNS.has(h));
    const key = JSON.stringify([r.call, headers]);
    let sheet = sheets.get(key);
    if (!sheet) sheets.set(key, (sheet = { number: sheets.size + 1, call: r.call, files: [], batches: [], headers, delimiter: r.delimiter, rows: [] }));
    if (!sheet.files.includes(r.file)) sheet.files.push(r.file);
    if (!sheet.batches.includes(r.batchId)) sheet.batches.push(r.batchId);
    if (sheet.delimiter !== r.delimiter) sheet.delimiter = sheet.delimiter === ';' || r.delimiter === ';' ? (sheet.delimiter === r.delimiter ? ';' : ',') : sheet.delimiter;
    sheet.rows.push(r);
  }
  return [...sheets.values()];
}

/** The sheet `--file N` or `--batch ID` picks. */
export function pickRejectSheet(sheets: RejectSheet[], pick: { file?: number; batch?: number }): RejectSheet {
  const sheet = pick.batch !== undefined ? sheets.find((s) => s.batches.includes(pick.batch!)) : sheets.find((s) => s.number === pick.file);
  if (!sheet) {
    const what = pick.batch !== undefined ? `no rejected rows of batch ${pick.batch}` : `no sheet ${pick.file} of rejected rows`;
    throw new OperationError(what, { hint: sheets.length ? `the sheets: ${sheets.map((s) => `${s.number} (${s.files.join(', ')}; batch ${s.batches.join(', ')})`).join('; ')}` : 'there are no rejected rows' });
  }
  return sheet;
}
