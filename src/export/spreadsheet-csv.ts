/**
 * CSV meant to be opened in a spreadsheet (`list --csv`, `members --csv`): what Excel needs to
 * show it as written, and what it would lose without a word.
 */
import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS, XLSX_MAX_CELL } from './escape.js';

/**
 * For Excel (`excel`): UTF-8 with a BOM (without it Excel reads the file in the Windows code
 * page: "FÃ©dÃ©ration"), rows ending in CRLF and every cell holding a line break quoted
 * (CSV_OPTIONS). Otherwise plain CSV, LF and no BOM, for the program the output is piped to (a
 * BOM would become part of the first column's name in most CSV readers). Cells should already be
 * neutralised (safeCell).
 */
export function spreadsheetCsv(
  header: readonly string[], records: ReadonlyArray<ReadonlyArray<string | number>>, delimiter = ',', options: { excel?: boolean; continues?: boolean } = {},
): string {
  const rows = [[...header], ...records.map((r) => [...r])];
  if (options.excel === false) return stringify(rows, { delimiter });
  // `continues`: written after text already in the file (`>> apps.csv`), where a BOM would sit in the middle, read as part of a cell.
  return (options.continues ? '' : '\uFEFF') + stringify(rows, { ...CSV_OPTIONS, delimiter });
}

/**
 * Whether CSV on stdout is for a spreadsheet: saved to a file (`> apps.csv`, which officers open
 * in Excel) or written with the ";" of Excel in a French or Spanish locale; not when it goes
 * through a pipe to another program or to the terminal, tab-separated (`--delimiter tab | cut
 * -f2`) or "|"-separated included: those are for programs, and a BOM would stick to the first
 * column's name there.
 */
export function stdoutCsvForExcel(stdoutIsFile: boolean | undefined, delimiter: string): boolean {
  return Boolean(stdoutIsFile) || delimiter === ';';
}

/**
 * A number for a CSV cell: Excel in the locales that separate with ";" (French, Spanish,
 * German...) does so because their decimal mark is the comma, and reads "8.5" there as text or a
 * date; so a ";" file carries "8,5", as Excel in those locales writes it.
 */
export function spreadsheetNumber(value: number, delimiter: string): string | number {
  if (!Number.isFinite(value)) return '';
  return delimiter === ';' && !Number.isInteger(value) ? String(value).replace('.', ',') : value;
}

export interface OverlongCell {
  /** The record's first cell (the application or member ID). */
  record: string;
  column: string;
  length: number;
}

/**
 * Cells longer than Excel's 32,767 characters: Excel (and LibreOffice) cut them on opening a
 * CSV and say nothing, so the command names them instead. Lengths in UTF-16 code units, as
 * Excel counts.
 */
export function overlongCells(header: readonly string[], records: ReadonlyArray<ReadonlyArray<string | number>>): OverlongCell[] {
  const found: OverlongCell[] = [];
  for (const r of records) {
    r.forEach((cell, i) => {
      if (typeof cell === 'string' && cell.length > XLSX_MAX_CELL) found.push({ record: String(r[0] ?? ''), column: header[i] ?? `column ${i + 1}`, length: cell.length });
    });
  }
  return found;
}

/** One warning line naming the cells a spreadsheet would cut, and where the whole text is. */
export function overlongWarning(cells: OverlongCell[], wholeTextHint: string): string {
  const shown = cells.slice(0, 5).map((c) => `${c.record} ${c.column} (${c.length.toLocaleString('en')})`).join(', ');
  const more = cells.length > 5 ? ` and ${cells.length - 5} more` : '';
  return `${cells.length} cell${cells.length === 1 ? ' is' : 's are'} longer than the ${XLSX_MAX_CELL.toLocaleString('en')} characters ` +
    `Excel keeps: ${shown}${more}. The CSV holds them whole, but Excel and LibreOffice cut them without a word on opening it; ${wholeTextHint}`;
}
