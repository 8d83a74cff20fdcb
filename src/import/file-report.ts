/**
 * What the report of one imported file says beyond its counts: each field's columns with how
 * sure the import is and a sample, how its dates were read (and the dates written again once the
 * whole column settled their order), and what to say about its encoding.
 */
import type { DB } from '../db/connection.js';
import { rewriteDates } from './date-fix.js';
import type { FileScan } from './detect.js';
import type { Confidence, Field } from './headers.js';
import type { FieldChoice, FieldSource, Layout } from './layout.js';
import { columnLetter } from './mapping.js';
import type { PreparedSummary } from './prepare-row.js';
import type { TableSource } from './readers.js';

/** One field of a file's mapping, as `import --json` reports it. */
export interface FieldReport {
  /** the headers it is read from, in full, best first */
  columns: string[];
  /** their letters as a spreadsheet shows them */
  letters: string[];
  confidence: Confidence;
  source: FieldSource;
  evidence: string;
  /** a value of the column, or the kind of value for personal data ("<email address>") */
  sample: string | null;
}

export interface DateReport {
  /** how numeric dates were read */
  order: 'day first' | 'month first' | 'mixed' | null;
  /** what decided it: a date of the file with a day above 12, or the tool and language of the form */
  decidedBy: 'the dates' | 'the form' | null;
  /** dates that could not be read (kept as written) */
  unreadable: number;
}

/** Each field's columns, how sure the import is of them and a sample, for the report and the batch record. */
export function fieldReports(layout: Layout): Record<string, FieldReport> {
  const out: Record<string, FieldReport> = {};
  for (const [field, choice] of Object.entries(layout.fields) as [Field, FieldChoice][]) {
    const cols = layout.mapping[field] ?? choice.columns;
    out[field] = {
      columns: cols.map((c) => layout.headers[c] ?? `column ${c + 1}`),
      letters: cols.map(columnLetter),
      confidence: choice.confidence,
      source: choice.source,
      evidence: choice.evidence,
      sample: choice.sample,
    };
  }
  return out;
}

/**
 * The submission dates of the file read in the order its dates showed: dates written before a
 * later row settled the order (a day above 12) are written again; the text as written stays.
 */
export function settleDates(db: DB, batchId: number, prepared: PreparedSummary): DateReport | null {
  const evidence = prepared.dates;
  if (!evidence.parsed && !evidence.unreadable) return null;
  const order = prepared.dateOrder;
  const mixed = evidence.dayFirst > 0 && evidence.monthFirst > 0;
  const decided = (evidence.dayFirst > 0) !== (evidence.monthFirst > 0);
  if (decided && prepared.ambiguousWritten.some((o) => o !== order)) rewriteDates(db, batchId, order);
  // (ISO dates, Excel's date values, "5 March 2020" say which is the day: no order to report)
  const numeric = decided || prepared.ambiguousWritten.length > 0;
  return {
    order: mixed ? 'mixed' : !numeric ? null : order === 'dmy' ? 'day first' : order === 'mdy' ? 'month first' : null,
    decidedBy: mixed ? null : decided ? 'the dates' : numeric ? 'the form' : null,
    unreadable: evidence.unreadable,
  };
}


export function dateWarnings(d: DateReport | null): string[] {
  if (!d) return [];
  const out: string[] = [];
  if (d.order === 'mixed') out.push('submission dates are written both day first and month first: dates that could be either were kept as written');
  if (d.unreadable) out.push(`${d.unreadable} submission date${d.unreadable === 1 ? ' was' : 's were'} not readable as a date: kept as written`);
  return out;
}


/** What to say when a text file was read as UTF-8 although some of its bytes are not UTF-8. */
export function encodingWarnings(scan: FileScan, source: TableSource, forced: boolean): string[] {
  if (source.format !== 'csv' || source.encoding !== 'utf8' || scan.validUtf8) return [];
  const n = scan.utf8Invalid;
  const what = `${n} byte sequence${n === 1 ? ' is' : 's are'} not valid UTF-8`;
  if (forced) return [`the file is not valid UTF-8 (${what}): read with --encoding utf-8, they became "\uFFFD"; if accents look wrong, try --encoding windows-1252`];
  return [`the file is UTF-8 except for ${what} (replaced by "\uFFFD"); the rows holding them are listed below`];
}
