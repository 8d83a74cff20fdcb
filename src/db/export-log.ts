/**
 * The log of exports: when, which command, which format, where, how many records and people,
 * and what kind of personal data went out (names, contact details), with the organisations and
 * people in it as ID ranges. Never the data itself. `erase` reads it to tell the officer which
 * earlier files carried a person's data (they are outside the database: only the officer can
 * delete them).
 */
import type { DB } from './connection.js';

export interface ExportLogEntry {
  id: number;
  exportedAt: string;
  /** "export contacts", "export kumu", ... */
  command: string;
  format: string;
  /** Absolute path, or null for stdout. */
  path: string | null;
  records: number;
  /** People named in it (contact persons, contacts). */
  contacts: number;
  withNames: boolean;
  withContactDetails: boolean;
  organizationIds: number[];
  personIds: number[];
}

export interface NewExportLogEntry {
  command: string;
  format: string;
  path: string | null;
  records: number;
  contacts: number;
  withNames: boolean;
  withContactDetails: boolean;
  organizationIds: Iterable<number>;
  personIds: Iterable<number>;
}

/** "1-4,7,9-10" from ids in any order. */
export function idRanges(ids: Iterable<number>): string {
  const sorted = [...new Set(ids)].filter((n) => Number.isInteger(n)).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

export function parseIdRanges(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(',')) {
    if (!part) continue;
    const [a, b] = part.split('-').map(Number);
    if (b === undefined) out.push(a);
    else for (let n = a; n <= b; n++) out.push(n);
  }
  return out;
}

export function inRanges(text: string, id: number): boolean {
  for (const part of text.split(',')) {
    if (!part) continue;
    const [a, b] = part.split('-').map(Number);
    if (b === undefined ? a === id : a <= id && id <= b) return true;
  }
  return false;
}

export function logExport(db: DB, e: NewExportLogEntry): number {
  return Number(
    db
      .prepare(
        `INSERT INTO export_log (command, format, path, records, contacts, with_names, with_contact_details, organizations, people)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.command, e.format, e.path, e.records, e.contacts, e.withNames ? 1 : 0, e.withContactDetails ? 1 : 0, idRanges(e.organizationIds), idRanges(e.personIds))
      .lastInsertRowid,
  );
}

interface LogRow {
  id: number; exported_at: string; command: string; format: string; path: string | null; records: number; contacts: number;
  with_names: number; with_contact_details: number; organizations: string; people: string;
}

function toEntry(r: LogRow): ExportLogEntry {
  return {
    id: r.id, exportedAt: r.exported_at, command: r.command, format: r.format, path: r.path, records: r.records, contacts: r.contacts,
    withNames: r.with_names === 1, withContactDetails: r.with_contact_details === 1,
    organizationIds: parseIdRanges(r.organizations), personIds: parseIdRanges(r.people),
  };
}

export function listExportLog(db: DB, options: { limit?: number } = {}): ExportLogEntry[] {
  return (db.prepare(`SELECT * FROM export_log ORDER BY id DESC ${options.limit ? `LIMIT ${Math.floor(options.limit)}` : ''}`).all() as LogRow[]).map(toEntry);
}

/** Exports that carried something of these organisations or people (their names or contact details). */
export function exportsCarrying(db: DB, organizationIds: number[], personIds: number[]): ExportLogEntry[] {
  const rows = db.prepare('SELECT * FROM export_log ORDER BY id').all() as LogRow[];
  return rows
    .filter((r) => (r.with_names || r.with_contact_details) && (organizationIds.some((id) => inRanges(r.organizations, id)) || personIds.some((id) => inRanges(r.people, id))))
    .map(toEntry);
}
