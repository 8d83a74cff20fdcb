import Table from 'cli-table3';
import type { IO } from './io.js';
import { displayWidth, wrap } from './wrap.js';

export type Cell = string | number | null | undefined;

function text(c: Cell): string {
  return c === null || c === undefined ? '' : String(c);
}

/**
 * A table for people on a terminal (boxed, coloured header), or plain tab-separated
 * lines when stdout is a pipe, so `| cut -f2` and `| sort` work as with gh.
 */
export function renderTable(io: IO, headers: string[], rows: Cell[][], options: { maxWidth?: number[]; cut?: (number | ((row: number) => string) | undefined)[] } = {}): string {
  // A boxed table of more rows than anyone scrolls through costs seconds and, past about a
  // hundred thousand rows, overflows cli-table3: such lists are printed as lines, as in a pipe.
  if (!io.stdoutIsTTY || rows.length > MAX_BOXED_ROWS) {
    const clean = (c: Cell) => text(c).replace(/[\t\r\n]+/g, ' ');
    return [headers, ...rows].map((r) => r.map(clean).join('\t')).join('\n') + '\n';
  }
  // `cut`: the most characters a column's cells keep in a boxed table (one line per row, the
  // rest in `show`), or the cell to show there instead; a record has the room for them whole,
  // and a pipe gets them whole.
  const cut = options.cut;
  const cutCell = (c: Cell, i: number, row: number): Cell => {
    const how = cut?.[i];
    if (how === undefined || c === null || c === undefined) return c;
    return typeof how === 'number' ? truncate(String(c), how) : how(row);
  };
  const boxed = cut ? rows.map((r, row) => r.map((c, i) => cutCell(c, i, row))) : rows;
  const { widths, natural } = fitWidths(headers, boxed, io.columns, options.maxWidth);
  if (widths && tooNarrow(widths, headers, boxed)) return renderRecords(io, headers, rows);
  rows = boxed;
  const table = new Table({
    head: headers.map((h) => io.color.bold(h)),
    style: { head: [], border: [] },
    wordWrap: true,
    ...(widths ? { colWidths: widths } : {}),
  });
  for (const r of rows) table.push(r.map(text));
  return alignCells(table.toString(), widths ?? natural) + '\n';
}

/** Text of one column a character (Latin, Greek, Cyrillic, Arabic without marks, the box's lines): as cli-table3 padded it. */
const PLAIN_COLUMNS = /^[\x00-\x7e\u00a0-\u02ff\u0370-\u0482\u048a-\u058f\u2500-\u257f\n]*$/;

/**
 * A boxed table with each cell padded to its column by displayWidth, the measure fitWidths and
 * wrap use, and its borders drawn to `widths` (fitWidths'): cli-table3 pads by string-width 4, which
 * counts a Devanagari vowel sign or virama, an Arabic vowel, a zero-width joiner or space as a
 * column, so a row of Hindi ended three columns short of its border, and its natural columns were
 * wider than the text. A table with a line whose cells are not the columns' (a cell holding "│") is
 * left as drawn.
 */
function alignCells(table: string, widths: readonly number[]): string {
  if (PLAIN_COLUMNS.test(table)) return table;
  const lines = table.split('\n');
  const border = (left: string, middle: string, right: string) => left + widths.map((w) => '─'.repeat(w)).join(middle) + right;
  const borders: Record<string, string> = { '┌': border('┌', '┬', '┐'), '├': border('├', '┼', '┤'), '└': border('└', '┴', '┘') };
  const out: string[] = [];
  for (const line of lines) {
    if (!line.startsWith('│')) {
      out.push(borders[line[0] ?? ''] ?? line);
      continue;
    }
    const cells = line.slice(1, -1).split('│');
    if (cells.length !== widths.length) return table;
    out.push(`│${cells.map((cell, i) => {
      const content = cell.replace(/ +$/, '');
      return content + ' '.repeat(Math.max(0, widths[i]! - visibleLength(content)));
    }).join('│')}│`);
  }
  return out.join('\n');
}

const ANSI = /\x1b\[[0-9;]*m/g;
const visibleLength = (s: string) => Math.max(0, ...s.replace(ANSI, '').split('\n').map(displayWidth));

/** Above this many rows a terminal gets tab-separated lines instead of a boxed table. */
export const MAX_BOXED_ROWS = 5000;

/**
 * Column widths (padding included) that keep the table within the terminal: each column as
 * wide as its content (at most `caps`), then the widest cut one character at a time until
 * the table fits; cells wrap. `widths` undefined when the natural layout already fits and no cap is
 * given; `natural`, each column as wide as its content.
 */
function fitWidths(headers: string[], rows: Cell[][], columns: number, caps?: number[]): { widths?: number[]; natural: number[] } {
  // (a loop, not Math.max(...rows): spreading a hundred thousand rows overflows the call stack)
  const natural = headers.map((h, i) => {
    let w = visibleLength(h);
    for (const r of rows) w = Math.max(w, visibleLength(text(r[i])));
    return w + 2;
  });
  const widths = natural.map((w, i) => Math.min(w, caps?.[i] ?? Infinity));
  const room = columns - (headers.length + 1); // one border between and around the columns
  const floors = widths.map((w) => Math.min(w, 6)); // three characters and an ellipsis
  let total = widths.reduce((s, w) => s + w, 0);
  while (total > room) {
    let widest = -1;
    widths.forEach((w, i) => { if (w > floors[i] && (widest < 0 || w > widths[widest])) widest = i; });
    if (widest < 0) break; // every column at its floor: the terminal is too narrow to help
    widths[widest]--;
    total--;
  }
  // (not given where the natural layout fits: cli-table3 wraps every cell of given widths, by its own
  // measure, which made "प्रशिक्षण संस्थान" two lines in a column as wide as it, and a table of 5,000
  // rows of Hindi a second slower; its natural columns are narrowed to these by alignCells)
  return { natural, ...(caps || total < natural.reduce((s, w) => s + w, 0) ? { widths } : {}) };
}

/** Fewer characters of a column's cells than this in a row, and words are cut to "Nat…", not wrapped. */
const MIN_READABLE = 8;

/**
 * A terminal too narrow for the table's columns (COLUMNS=60, a phone's SSH app): every column was
 * cut to a few letters, and "National Employment Service" read "Nat… Emp… Ser…". When a column
 * whose cells are longer gets fewer than MIN_READABLE characters, each row is printed as a
 * record instead, one "Header  value" line per column, as psql's expanded display. So too when
 * a column of single words (codes, IDs, addresses: what is typed or pasted elsewhere) would cut
 * one of them: `categories` at 60 columns showed "work-based-…" for the code to give --category.
 */
function tooNarrow(widths: number[], headers: string[], rows: Cell[][]): boolean {
  return widths.some((w, i) => {
    const cut = (r: Cell[]) => visibleLength(text(r[i])) > w - 2;
    if (w - 2 < MIN_READABLE) return rows.some(cut);
    // (a word holds a letter or a digit: a column of bars, "█████", may lose a character)
    return rows.some((r) => cut(r) && /[\p{L}\p{N}]/u.test(text(r[i]))) && rows.every((r) => !/\s/.test(text(r[i]).trim()));
  });
}

function renderRecords(io: IO, headers: string[], rows: Cell[][]): string {
  const label = Math.max(...headers.map(visibleLength));
  const room = Math.max(MIN_READABLE, io.columns - label - 2);
  const blank = ' '.repeat(label + 2);
  const records = rows.map((r) =>
    headers
      .map((h, i) => {
        const value = text(r[i]);
        const lines = value.split('\n').map((l) => wrap(l, room, '', '') || '').join('\n').split('\n');
        return lines.map((l, j) => (j ? blank : io.color.bold(h) + ' '.repeat(label - visibleLength(h) + 2)) + l).map((l) => l.trimEnd()).join('\n');
      })
      .join('\n'),
  );
  return records.join('\n\n') + '\n';
}

/** A horizontal bar for counts (stats), scaled to width. */
export function bar(value: number, max: number, width = 30): string {
  if (max <= 0) return '';
  const full = Math.round((value / max) * width);
  return '█'.repeat(full) || (value > 0 ? '▏' : '');
}

/** Cuts text to n characters with an ellipsis. */
export function truncate(s: string | null | undefined, n: number): string {
  if (!s) return '';
  return s.length <= n ? s : s.slice(0, Math.max(0, n - 1)) + '…';
}
