/**
 * What is particular to the Microsoft Teams attendance report (UTF-16 with a BOM, tab-separated,
 * labels in the organiser's language): numbered sections ("1. Summary", "2. Participants",
 * "3. In-Meeting Activities"; "1. Résumé"; "1. Resumen", "2. Participantes"), a summary of
 * label/value lines, and names with "(External)", "(Guest)" or "(Unverified)" appended.
 *
 * The Participants section has one row per person (first join, last leave, total time); the
 * In-Meeting Activities section, when present, one row per join. Re-joins matter to officers, so
 * the per-join table is read, and anyone it leaves out is taken from the per-person table.
 * Older exports have a single table of joins.
 */
import { summaryField } from './headers.js';
import type { MeetingSummary } from './zoom.js';

/** "2. Participants" -> true: a section title (one cell, a number and a dot, then words). */
export function isSectionTitle(record: readonly string[]): boolean {
  const cells = record.filter((c) => c.trim() !== '');
  return cells.length === 1 && /^\d+\.\s*\S/.test(cells[0]!.trim());
}

/** The label/value lines of the summary section (any lines before the first table that Teams labels). */
export function teamsSummary(records: readonly string[][], before: number): MeetingSummary {
  const summary: MeetingSummary = {};
  for (let i = 0; i < before; i++) {
    const [label, value] = records[i]!;
    if (label === undefined || value === undefined) continue;
    const f = summaryField(label)?.field;
    const v = value.trim();
    if (f && v && !(f in summary)) summary[f] = v;
  }
  return summary;
}

export interface TableSpan {
  /** Index of the header record. */
  header: number;
  /** Indices of the data records. */
  rows: number[];
}

/**
 * Which participants table holds one row per join: of several, the one with most rows (a
 * person joins at least once), the later one on a tie (Teams puts activities after participants).
 */
export function perJoinTable(tables: readonly TableSpan[]): number {
  let best = 0;
  tables.forEach((t, i) => {
    if (t.rows.length >= tables[best]!.rows.length) best = i;
  });
  return best;
}
