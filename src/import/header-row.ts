/**
 * Where a table starts: the top rows of a sheet or file, and which of them is the header row.
 */
import { headerLikeness } from './headers.js';
import { StopReading, type TableSource } from './readers.js';

/** Rows looked at to find the header row (files may start with a title or a blank line). */
export const HEADER_SCAN_ROWS = 10;

/** Rows read beyond those, whose cells are the sample the columns are checked against (column-evidence.ts). */
export const SAMPLE_ROWS = 50;

/** The top rows of a sheet (blank rows skipped), where the header row is looked for, and a sample of the data under it. */
export async function topRows(source: TableSource): Promise<string[][]> {
  const first: string[][] = [];
  try {
    await source.read((cells) => {
      if (cells.every((c) => !c.trim())) return;
      first.push(cells);
      if (first.length >= HEADER_SCAN_ROWS + 1 + SAMPLE_ROWS) throw new StopReading();
    });
  } catch (e) {
    if (!(e instanceof StopReading)) throw e;
  }
  return first;
}

/**
 * The header row: the first of the top rows that reads like one (it names at least two fields)
 * and is dense (title lines and sparse section labels above it are skipped); never a later row
 * because it reads more like a header: that is data whose values happen to look like headers,
 * and taking it would skip every row above it. Without such a row, the row reading most like one.
 */
export function findHeaderRow(first: string[][]): { headerIndex: number; best: number } {
  const top = first.slice(0, HEADER_SCAN_ROWS);
  const filled = (row: string[]) => row.reduce((n, c) => n + (c.trim() ? 1 : 0), 0);
  const widest = Math.max(0, ...top.map(filled));
  const likeness = top.map((row) => headerLikeness(row));
  let dense = top.findIndex((row, i) => likeness[i]! >= 2 && filled(row) >= Math.max(2, widest / 3));
  // sparse section labels over the header ("Organisation details", , , "Contact details"): the
  // fuller row right under them that reads at least as much like a header, and holds no
  // address, is the header
  if (dense >= 0 && dense + 1 < top.length) {
    const next = top[dense + 1]!;
    const sparse = filled(top[dense]!) < widest / 2;
    if (sparse && likeness[dense + 1]! >= likeness[dense]! && filled(next) > filled(top[dense]!) && !next.some((c) => c.includes('@'))) dense++;
  }
  if (dense >= 0) return { headerIndex: dense, best: likeness[dense]! };
  let headerIndex = 0;
  let best = 0;
  likeness.forEach((score, i) => {
    if (score > best) {
      best = score;
      headerIndex = i;
    }
  });
  if (best < 2) headerIndex = 0;
  return { headerIndex, best };
}
