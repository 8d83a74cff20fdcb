import Table from 'cli-table3';
import type { IO } from '../cli/io.js';

export type Cell = string | number | null | undefined;

function text(c: Cell): string {
  return c === null || c === undefined ? '' : String(c);
}

/**
 * A table for people on a terminal (boxed, coloured header), or plain tab-separated
 * lines when stdout is a pipe, so `| cut -f2` and `| sort` work as with gh.
 */
export function renderTable(io: IO, headers: string[], rows: Cell[][], options: { maxWidth?: number[] } = {}): string {
  if (!io.stdoutIsTTY) {
    const clean = (c: Cell) => text(c).replace(/[\t\r\n]+/g, ' ');
    return [headers, ...rows].map((r) => r.map(clean).join('\t')).join('\n') + '\n';
  }
  const table = new Table({
    head: headers.map((h) => io.color.bold(h)),
    style: { head: [], border: [] },
    wordWrap: true,
    ...(options.maxWidth ? { colWidths: options.maxWidth } : {}),
  });
  for (const r of rows) table.push(r.map(text));
  return table.toString() + '\n';
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
