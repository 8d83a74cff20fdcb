/**
 * A quotas workbook's sheets as rows (quota-file.ts reads them as it reads a CSV's lines), with
 * what a sheet says without words: rows and columns it hides, rows struck through. A rule so
 * marked may be put aside or may hold: not guessed.
 */
import { UsageError } from '../errors.js';
import type { SheetMarks } from '../import/table.js';
import { columnLetter } from '../import/column-letters.js';
import { featureNamed, quotaColumn } from './quota-names.js';

/** The rows of the file, each with its number as the officer sees it (line of a text file, row of a sheet). */
export interface NumberedRow {
  cells: string[];
  line: number;
}

/**
 * A sheet's rows; `looksLike` when a text file reads as JSON or YAML (said only if no header is
 * found); `marks`, a workbook's hidden rows and columns and struck-through rows.
 */
export type Sheet = NumberedRow[] & { looksLike?: 'JSON' | 'YAML'; marks?: SheetMarks };

/**
 * A sheet's hidden columns: one the header names as a quota column (a hidden "Max") is refused,
 * as its bounds may be put aside or the ones that hold; any other (last year's figures, notes)
 * is not read, and said.
 */
export function withoutHiddenColumns(body: NumberedRow[], header: NumberedRow, marks: SheetMarks, at: { name: string; unit: string; onNote?: (note: string) => void }): NumberedRow[] {
  const hidden = [...marks.hiddenColumns].map((c) => c - 1).filter((i) => (header.cells[i] ?? '').trim() !== '');
  if (!hidden.length) return body;
  const read = hidden.find((i) => quotaColumn(header.cells[i]!) !== undefined || featureNamed(header.cells[i]!) !== undefined);
  if (read !== undefined) {
    throw new UsageError(`${at.name}: column ${columnLetter(read)} ("${header.cells[read]!.trim()}") is hidden in the sheet: put aside, or the one that holds?`, {
      hint: 'delete the column if it no longer holds, or unhide it if it does',
    });
  }
  at.onNote?.(`${at.name}: hidden column${hidden.length > 1 ? 's' : ''} ${hidden.map((i) => `${columnLetter(i)} ("${header.cells[i]!.trim()}")`).join(', ')} not read`);
  return body.map((r) => ({ ...r, cells: r.cells.map((c, i) => (hidden.includes(i) ? '' : c)) }));
}

/** A rule on a row the sheet hides or strikes through: put aside, or one that holds? Refused, not guessed. */
export function checkMarkedRows(rows: NumberedRow[], marks: SheetMarks, at: { name: string; unit: string }): void {
  for (const row of rows) {
    const how = marks.struckRows.has(row.line) ? 'struck through' : marks.hiddenRows.has(row.line) ? 'hidden in the sheet' : undefined;
    if (!how) continue;
    throw new UsageError(`${at.name} ${at.unit} ${row.line}: "${row.cells.filter((c) => c.trim()).join(', ')}" is ${how}: a rule put aside, or one that holds?`, {
      hint: how === 'struck through' ? 'delete the row if it no longer holds, or remove the strikethrough if it does' : 'delete the row if it no longer holds, or unhide it if it does',
    });
  }
}

/** Every sheet of a workbook (up to 20), each row numbered as the sheet numbers it, with what it hides or strikes through. */
export async function workbookRows(file: string, bytes: Buffer): Promise<Sheet[]> {
  const { xlsxSource } = await import('../import/readers.js');
  const sheets: Sheet[] = [];
  for (let i = 0; i < 20; i++) {
    // (a cell formatted as a percentage is the share it shows: 20% is stored as 0.2)
    const source = xlsxSource(file, i, { percentages: true, bytes, marks: true });
    const rows: Sheet = [];
    await source.read((cells, row) => {
      rows.push({ cells: cells.map((c) => c.trim()), line: row ?? rows.length + 1 });
    });
    if (!source.sheet!.exists) break;
    rows.marks = source.sheet!.marks;
    sheets.push(rows);
  }
  return sheets;
}
