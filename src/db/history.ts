/**
 * The history of officers' changes: each action (edit, merge, withdraw, member set, roster
 * accept, ...) is one `history` row, and every value it wrote is a `history_values` row holding
 * the value it replaced. So `show` can say what changed, and an action can be undone (unmerge,
 * undo) by writing the old values back — in reverse order, and only where nothing changed them since.
 *
 * Rows are addressed by table and rowid, so the recorder works on any table; names of tables and
 * columns come from the code, never from the officer, and are checked against the schema.
 */
import type { DB } from './connection.js';

export interface HistoryEntry {
  id: number;
  action: string;
  /** IDs only ("application 17", "org-4"): never a person's name or address. */
  subject: string;
  detail: Record<string, unknown>;
  madeAt: string;
  undoneBy: number | null;
}

export interface HistoryValue {
  table: string;
  rowId: number;
  /** null: the whole row was inserted (old null) or deleted (old: the row as JSON). */
  column: string | null;
  old: unknown;
  new: unknown;
}

const NAME = /^[a-z_][a-z0-9_]*$/;

function checkName(db: DB, table: string, column?: string): void {
  if (!NAME.test(table) || (column !== undefined && !NAME.test(column))) throw new Error(`not a table or column name: ${table}.${column}`);
  const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
  if (!columns.length) throw new Error(`no table ${table}`);
  if (column !== undefined && !columns.includes(column)) throw new Error(`no column ${table}.${column}`);
}

/**
 * One officer action being recorded. Every write goes through it (update, insert, remove), so the
 * history holds the old value of everything the action changed. Use inside a transaction.
 */
export class Change {
  readonly id: number;
  private readonly record: import('better-sqlite3').Statement;
  constructor(private readonly db: DB, action: string, subject: string, detail: Record<string, unknown> = {}) {
    this.id = Number(db.prepare('INSERT INTO history (action, subject, detail_json) VALUES (?, ?, ?)').run(action, subject, JSON.stringify(detail)).lastInsertRowid);
    this.record = db.prepare('INSERT INTO history_values (history_id, table_name, row_id, column_name, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** Sets one column of one row; recorded only when the value changes. Returns whether it did. */
  update(table: string, rowId: number, column: string, value: unknown): boolean {
    checkName(this.db, table, column);
    const row = this.db.prepare(`SELECT ${column} AS v FROM ${table} WHERE rowid = ?`).get(rowId) as { v: unknown } | undefined;
    if (!row) throw new Error(`no row ${rowId} in ${table}`);
    const v = value === undefined ? null : value;
    if (row.v === v) return false;
    const stamp = this.hasUpdatedAt(table) && column !== 'updated_at' ? `, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')` : '';
    this.db.prepare(`UPDATE ${table} SET ${column} = ?${stamp} WHERE rowid = ?`).run(v as never, rowId);
    this.record.run(this.id, table, rowId, column, row.v as never, v as never);
    return true;
  }

  /** Inserts a row; recorded so that an undo deletes it. Returns its rowid. */
  insert(table: string, values: Record<string, unknown>): number {
    checkName(this.db, table);
    const columns = Object.keys(values);
    for (const c of columns) checkName(this.db, table, c);
    const rowId = Number(this.db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...(columns.map((c) => values[c]) as never[])).lastInsertRowid);
    this.record.run(this.id, table, rowId, null, null, JSON.stringify(values));
    return rowId;
  }

  /** Deletes a row; the row is kept (as JSON) in the history so that an undo puts it back. */
  remove(table: string, rowId: number): boolean {
    checkName(this.db, table);
    const row = this.db.prepare(`SELECT * FROM ${table} WHERE rowid = ?`).get(rowId) as Record<string, unknown> | undefined;
    if (!row) return false;
    this.db.prepare(`DELETE FROM ${table} WHERE rowid = ?`).run(rowId);
    this.record.run(this.id, table, rowId, null, JSON.stringify(row), null);
    return true;
  }

  /** Adds to the action's detail (what the report shows). */
  note(detail: Record<string, unknown>): void {
    const current = JSON.parse((this.db.prepare('SELECT detail_json FROM history WHERE id = ?').get(this.id) as { detail_json: string }).detail_json) as Record<string, unknown>;
    this.db.prepare('UPDATE history SET detail_json = ? WHERE id = ?').run(JSON.stringify({ ...current, ...detail }), this.id);
  }

  /** How many values the action wrote so far. */
  get size(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM history_values WHERE history_id = ?').get(this.id) as { n: number }).n;
  }

  private hasUpdatedAt(table: string): boolean {
    return (this.db.prepare(`SELECT count(*) AS n FROM pragma_table_info(?) WHERE name = 'updated_at'`).get(table) as { n: number }).n > 0;
  }
}

/** Records an action that keeps no values to undo (an erasure): its history row alone; returns its id. */
export function recordAction(db: DB, action: string, subject: string, detail: Record<string, unknown>): number {
  return Number(db.prepare('INSERT INTO history (action, subject, detail_json) VALUES (?, ?, ?)').run(action, subject, JSON.stringify(detail)).lastInsertRowid);
}

/**
 * Records that an action inserted a row without Change.insert (a member or organisation made by
 * its own db function): an undo deletes it. `newValue` is what the history shows as inserted.
 */
export function recordInsertedRow(db: DB, historyId: number, table: string, rowId: number, newValue: string): void {
  db.prepare('INSERT INTO history_values (history_id, table_name, row_id, column_name, old_value, new_value) VALUES (?, ?, ?, NULL, NULL, ?)').run(historyId, table, rowId, newValue);
}

/** Names the subject of a history row once it is known (a member made by the action). */
export function setHistorySubject(db: DB, id: number, subject: string): void {
  db.prepare('UPDATE history SET subject = ? WHERE id = ?').run(subject, id);
}

/** Whether the record with this id exists in one of the tables officers name records of (applications, organizations, members, people). */
export function recordExists(db: DB, table: 'applications' | 'organizations' | 'members' | 'people', id: number): boolean {
  return db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

/** Deletes a history row (an action that turned out to change nothing). */
export function deleteHistoryEntry(db: DB, id: number): void {
  db.prepare('DELETE FROM history WHERE id = ?').run(id);
}

interface HistoryRow { id: number; action: string; subject: string; detail_json: string; made_at: string; undone_by: number | null }

function toEntry(r: HistoryRow): HistoryEntry {
  return { id: r.id, action: r.action, subject: r.subject, detail: JSON.parse(r.detail_json) as Record<string, unknown>, madeAt: r.made_at, undoneBy: r.undone_by };
}

export function getHistoryEntry(db: DB, id: number): HistoryEntry | undefined {
  const r = db.prepare('SELECT * FROM history WHERE id = ?').get(id) as HistoryRow | undefined;
  return r ? toEntry(r) : undefined;
}

export function historyValues(db: DB, historyId: number): HistoryValue[] {
  const rows = db.prepare('SELECT table_name, row_id, column_name, old_value, new_value FROM history_values WHERE history_id = ? ORDER BY id').all(historyId) as { table_name: string; row_id: number; column_name: string | null; old_value: unknown; new_value: unknown }[];
  return rows.map((r) => ({ table: r.table_name, rowId: r.row_id, column: r.column_name, old: r.old_value, new: r.new_value }));
}

/** Actions, latest first: all, those of some actions, or those that wrote to one row. */
export function listHistory(db: DB, options: { actions?: string[]; table?: string; rowId?: number; subject?: string; limit?: number; notUndone?: boolean } = {}): HistoryEntry[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (options.actions) { where.push('h.action IN (SELECT value FROM json_each(@actions))'); params.actions = JSON.stringify(options.actions); }
  if (options.subject !== undefined) { where.push('h.subject = @subject'); params.subject = options.subject; }
  if (options.table !== undefined) {
    where.push('EXISTS (SELECT 1 FROM history_values v WHERE v.history_id = h.id AND v.table_name = @table AND (@rowId IS NULL OR v.row_id = @rowId))');
    params.table = options.table;
    params.rowId = options.rowId ?? null;
  }
  if (options.notUndone) where.push('h.undone_by IS NULL');
  const rows = db.prepare(`SELECT h.* FROM history h ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY h.id DESC ${options.limit ? `LIMIT ${Math.floor(options.limit)}` : ''}`).all(params) as HistoryRow[];
  return rows.map(toEntry);
}

/** The actions the history holds, by name. */
export function historyActions(db: DB): string[] {
  return (db.prepare('SELECT DISTINCT action FROM history ORDER BY action').all() as { action: string }[]).map((r) => r.action);
}

/** A value an undo could not write back, because something changed it after the action. */
export interface UndoConflict {
  table: string;
  rowId: number;
  column: string | null;
}

/**
 * Writes back what an action replaced, last write first, as a new action (`undoAction`) that is
 * itself recorded; the original is marked undone. A value changed again since the action is left
 * as it is now and reported as a conflict.
 */
export function undoHistory(db: DB, historyId: number, undoAction: string, subject: string): { change: Change; conflicts: UndoConflict[] } {
  const values = historyValues(db, historyId).reverse();
  const change = new Change(db, undoAction, subject, { undoes: historyId });
  const conflicts: UndoConflict[] = [];
  for (const v of values) {
    if (v.column !== null) {
      checkName(db, v.table, v.column);
      const now = db.prepare(`SELECT ${v.column} AS v FROM ${v.table} WHERE rowid = ?`).get(v.rowId) as { v: unknown } | undefined;
      if (!now || now.v !== v.new) { conflicts.push({ table: v.table, rowId: v.rowId, column: v.column }); continue; }
      change.update(v.table, v.rowId, v.column, v.old);
    } else if (v.old === null) {
      // inserted by the action: delete it again
      if (!change.remove(v.table, v.rowId)) conflicts.push({ table: v.table, rowId: v.rowId, column: null });
    } else {
      // deleted by the action: put it back (with its rowid)
      const row = JSON.parse(String(v.old)) as Record<string, unknown>;
      const exists = db.prepare(`SELECT 1 FROM ${v.table} WHERE rowid = ?`).get(v.rowId);
      if (exists) { conflicts.push({ table: v.table, rowId: v.rowId, column: null }); continue; }
      checkName(db, v.table);
      const columns = Object.keys(row);
      for (const c of columns) checkName(db, v.table, c);
      db.prepare(`INSERT INTO ${v.table} (rowid, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`).run(v.rowId, ...(columns.map((c) => row[c]) as never[]));
      db.prepare('INSERT INTO history_values (history_id, table_name, row_id, column_name, old_value, new_value) VALUES (?, ?, ?, NULL, NULL, ?)').run(change.id, v.table, v.rowId, JSON.stringify(row));
    }
  }
  db.prepare('UPDATE history SET undone_by = ? WHERE id = ?').run(change.id, historyId);
  return { change, conflicts };
}

/**
 * When each of these members last became withdrawn (the latest change of their status to
 * 'withdrawn' not undone), as history's ISO times; members without such a change are absent.
 */
export function withdrawalTimes(db: DB, memberIds: readonly number[]): Map<number, string> {
  if (!memberIds.length) return new Map();
  const rows = db
    .prepare(
      `SELECT v.row_id AS memberId, MAX(h.made_at) AS at FROM history_values v JOIN history h ON h.id = v.history_id
        WHERE v.table_name = 'members' AND v.column_name = 'status' AND v.new_value = 'withdrawn' AND h.undone_by IS NULL
          AND v.row_id IN (SELECT value FROM json_each(?))
        GROUP BY v.row_id`,
    )
    .all(JSON.stringify(memberIds)) as { memberId: number; at: string }[];
  return new Map(rows.map((r) => [r.memberId, r.at]));
}

/** The changes recorded for one row's columns, latest first (for show). */
export function rowHistory(db: DB, table: string, rowId: number): (HistoryValue & { historyId: number; action: string; madeAt: string })[] {
  const rows = db
    .prepare(
      `SELECT v.history_id, h.action, h.made_at, v.table_name, v.row_id, v.column_name, v.old_value, v.new_value
         FROM history_values v JOIN history h ON h.id = v.history_id WHERE v.table_name = ? AND v.row_id = ? ORDER BY v.id DESC`,
    )
    .all(table, rowId) as { history_id: number; action: string; made_at: string; table_name: string; row_id: number; column_name: string | null; old_value: unknown; new_value: unknown }[];
  return rows.map((r) => ({ historyId: r.history_id, action: r.action, madeAt: r.made_at, table: r.table_name, rowId: r.row_id, column: r.column_name, old: r.old_value, new: r.new_value }));
}
