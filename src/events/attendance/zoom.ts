/**
 * What is particular to Zoom's participants report (Reports > Usage > Participants > Export):
 * the meeting summary block above the participants table (optional: "Export with meeting data"),
 * "Name (Original Name)" values that hold the display name and, after a rename, the original
 * one in parentheses, and a Guest column. The table itself is read by report.ts.
 */
import { lastBracket, summaryField, type SummaryField } from './headers.js';

export interface MeetingSummary {
  meetingId?: string;
  title?: string;
  /** As written in the file; see the file's start/end instants for the parsed values. */
  start?: string;
  end?: string;
  participants?: string;
}

/**
 * The summary block: a row of summary labels ("Meeting ID,Topic,Start Time,...") followed by a
 * row of values, somewhere above the participants header.
 */
export function zoomSummary(records: readonly string[][], before: number): MeetingSummary {
  for (let i = 0; i < before - 1; i++) {
    const labels = records[i]!;
    const fields = labels.map((l) => summaryField(l)?.field ?? null);
    if (fields.filter(Boolean).length < 2) continue;
    const values = records[i + 1]!;
    const summary: MeetingSummary = {};
    fields.forEach((f, j) => {
      const v = (values[j] ?? '').trim();
      if (f && v && !(f in summary)) summary[f as SummaryField] = v;
    });
    return summary;
  }
  return {};
}

/**
 * The meeting of Zoom's one-table export, where every row repeats it ("Topic,Meeting ID,User
 * Name,...,Start Time,End Time,...,Name (Original Name),User Email,Join Time,..."): the summary
 * labels of the participants header, read in its first row. Columns the table reads as a
 * participant's field are not the meeting's.
 */
export function zoomTableSummary(header: readonly string[], firstRow: readonly string[] | undefined, taken: ReadonlySet<number>): MeetingSummary {
  const summary: MeetingSummary = {};
  if (!firstRow) return summary;
  header.forEach((label, j) => {
    const f = taken.has(j) ? null : summaryField(label)?.field;
    const v = (firstRow[j] ?? '').trim();
    if (f && v && !(f in summary)) summary[f as SummaryField] = v;
  });
  return summary;
}

/**
 * The names a Zoom name cell gives: "Ana (Ana García)" is Ana, renamed from Ana García; both
 * may identify the member. A cell without parentheses is just the name.
 */
export function zoomNames(cell: string): string[] {
  const t = cell.trim();
  const m = lastBracket(t);
  if (!m || !m.before || !m.inner) return t ? [t] : [];
  return [m.before, m.inner.trim()].filter(Boolean);
}

/**
 * The meetings a one-table export's rows are of, when its rows repeat their meeting's columns
 * (Zoom's one-table export, Blackboard Collaborate's attendance report over a date range): one
 * per meeting ID and start, in the order met. Each report is one meeting to skillsnet, so more than
 * one is refused (report.ts).
 */
export function tableSessions(header: readonly string[], rows: readonly (readonly string[])[], taken: ReadonlySet<number>): MeetingSummary[] {
  const seen = new Map<string, MeetingSummary>();
  for (const row of rows) {
    const s = zoomTableSummary(header, row, taken);
    if (!s.meetingId && !s.start) continue;
    const key = `${(s.meetingId ?? '').replace(/\s/g, '')}|${s.start ?? ''}`;
    if (!seen.has(key)) seen.set(key, s);
  }
  return [...seen.values()];
}
