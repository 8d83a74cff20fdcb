/**
 * How library functions talk to whoever calls them, without printing: a place to write text,
 * status lines, warnings and progress arrive through these, and the CLI renders them (stderr,
 * colours, a progress bar); a script or a test may log or ignore them.
 */

import { InterruptedError } from './errors.js';

/** Something text can be written to: process.stdout, or a buffer in tests. */
export interface TextSink {
  write(chunk: string): unknown;
}

/**
 * Something the officer should know about what was done, shown even with --quiet.
 * `code` names the situation (for scripts and tests); `message` says it in words.
 */
export interface Warning {
  code: string;
  message: string;
}

/** How far a long step has come; `finished` once it is over (done or failed). */
export interface ProgressEvent {
  /** What is being done ("tagging", the file being read). */
  label: string;
  done: number;
  total: number;
  /** The unit of done and total, for display ("read", "applications"). */
  unit?: string;
  finished?: boolean;
}

/** The callbacks every long-running library function accepts; all optional. */
export interface Callbacks {
  /** A status line: what is being done or was decided (the CLI shows it unless --quiet). */
  onStatus?: (message: string) => void;
  onWarning?: (warning: Warning) => void;
  onProgress?: (progress: ProgressEvent) => void;
  /** Aborted when the caller wants the work stopped (Ctrl-C): it stops at the next checkpoint. */
  signal?: AbortSignal;
}

/**
 * A pause between two steps of a long job: the event loop runs (so Ctrl-C is answered there,
 * and the CLI ends the process with its message), then an aborted `signal` stops the job with
 * InterruptedError. Nothing is written between the checkpoints of an export, so stopping at
 * one leaves no file.
 */
export async function checkpoint(signal?: AbortSignal, outcome = 'interrupted; nothing was written'): Promise<void> {
  // Signals reach JavaScript in the loop's poll phase. Called from work that an I/O callback
  // started (the poll phase), one setImmediate runs in the same turn's check phase, before any
  // poll: Ctrl-C then waited for the end of the command. Two always span a poll phase.
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  if (signal?.aborted) throw new InterruptedError(outcome);
}

/** A Warning from a code and its message. */
export function warning(code: string, message: string): Warning {
  return { code, message };
}

/**
 * How every message names a cell: by its row and column and the kind of problem, never by what
 * it holds (a cell may hold a name, an address or a phone number typed in the wrong column).
 * An officer opens the row with `skillsnet show ID`, `skillsnet rejects` or the file itself.
 *
 *   describeCell({ row: 12, column: 'Country' }, 'not a country skillsnet knows')
 *   → 'row 12, column “Country”: not a country skillsnet knows'
 */
export function describeCell(where: { row?: number; rows?: readonly number[]; total?: number; rowLabel?: string; column?: string | null; columnIndex?: number }, problem: string): string {
  const parts: string[] = [];
  const label = where.rowLabel ?? 'row';
  if (where.rows !== undefined) parts.push(describeRows(where.rows, where.total ?? where.rows.length, label));
  else if (where.row !== undefined) parts.push(`${label} ${where.row}`);
  const column = columnName(where.column, where.columnIndex);
  if (column) parts.push(column);
  return parts.length ? `${parts.join(', ')}: ${problem}` : problem;
}

/** "row 4", "3 rows (4, 9, 12)", "25 rows (4, 9, ... the first 10 shown)". */
export function describeRows(rows: readonly number[], total: number, label = 'row'): string {
  if (total === 1 && rows.length === 1) return `${label} ${rows[0]}`;
  const shown = rows.slice(0, 10);
  if (!shown.length) return `${total.toLocaleString('en-US')} ${label}s`;
  return `${total.toLocaleString('en-US')} ${label}s (${shown.join(', ')}${total > shown.length ? ', …' : ''})`;
}

/**
 * A column by its header, or by its position when the header itself looks like data (a file
 * without a header row has a row of someone's details where the headers should be).
 */
export function columnName(header: string | null | undefined, index?: number): string {
  const h = (header ?? '').replace(/\s+/g, ' ').trim();
  if (h && !looksLikePersonalData(h) && h.length <= 80) return `column “${h}”`;
  return index !== undefined ? `column ${index + 1}` : '';
}

/** An email address or a run of digits like a phone number: never repeated in a message. */
export function looksLikePersonalData(text: string): boolean {
  return /@/.test(text) || /\d{6,}/.test(text.replace(/[\s().+-]/g, ''));
}

/**
 * [...items], with `pause` (a checkpoint) each time some 50 ms of reading have gone by: rows read
 * from the database one by one. A pause that throws (Ctrl-C) ends the iteration, its statement
 * closed (a for-of does), so the transaction around it can end.
 */
export async function arrayInSteps<T>(items: Iterable<T>, pause: () => Promise<void>): Promise<T[]> {
  const out: T[] = [];
  let started = performance.now();
  for (const item of items) {
    out.push(item);
    if (performance.now() - started > 50) {
      await pause();
      started = performance.now();
    }
  }
  return out;
}

/**
 * items.map(fn), with `pause` (a checkpoint) each time some 50 ms of work have gone by: a long
 * loop over thousands of contacts or nodes stays answerable to Ctrl-C, and the result is the same.
 */
export async function mapInSteps<T, R>(items: readonly T[], fn: (item: T) => R, pause: () => Promise<void> = () => Promise.resolve()): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let started = performance.now();
  for (let i = 0; i < items.length; i++) {
    out[i] = fn(items[i]!);
    if ((i & 63) === 63 && performance.now() - started > 50) {
      await pause();
      started = performance.now();
    }
  }
  return out;
}
