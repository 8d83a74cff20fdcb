/** What every reader hands back: a table read row by row (readers.ts for text, xlsx-reader.ts for workbooks). */
import type { Encoding, Format } from './detect.js';
import type { CsvSettings } from './readers.js';

export interface TableSource {
  format: Format;
  encoding: Encoding | null;
  delimiter: string | null;
  /** a delimited file: how it is read (another thread can read it the same way: readCsvFile) */
  csv?: CsvSettings;
  /**
   * Calls onRow for every non-blank row, header rows included; resolves at the end of the sheet.
   * A workbook also gives the row's number in the sheet (blank rows skipped make it differ).
   */
  read(onRow: (cells: string[], row?: number) => void, onBytes?: (bytesRead: number) => void): Promise<void>;
  /** A workbook's sheet: its position (0 = first) and, once read, its name and whether it exists. */
  sheet?: WorkbookSheet;
}

export interface WorkbookSheet {
  index: number;
  name: string | null;
  /** false once a read found fewer sheets than `index + 1` */
  exists: boolean;
  /** names of the sheets seen while reading (in the workbook's order) */
  seen: string[];
  /** which of them Excel does not show (hidden or very hidden), in the same order */
  hidden?: boolean[];
  /** sheets shown after this one that have the columns of applications too (not read unless --sheet names them) */
  otherApplications?: string[];
  /** sheets shown after those looked at for `otherApplications` (a workbook of very many sheets) */
  otherSheetsUnchecked?: number;
  /** once read: the rows (numbered as Excel shows them) with values that Excel hides, by hand or by a filter; they are read like the others */
  hiddenRowsRead?: number[];
  /** once read: the workbook counts dates from 1904-01-01 (old Mac Excel), not 1899-12-30 */
  date1904?: boolean;
  /** once read: formula cells without a cached value, per column letter (read as empty) */
  uncalculated?: Map<string, number>;
  /**
   * once read with `marks`: what the sheet shows otherwise than its values say — rows and columns
   * (1-based) Excel hides, and rows whose every filled cell is struck through
   */
  marks?: SheetMarks;
}

/** Rows and columns (1-based) a sheet hides, and rows struck through: notes an officer left without words. */
export interface SheetMarks {
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  struckRows: Set<number>;
}

export interface ReadOptions {
  encoding?: Encoding;
  delimiter?: string;
}

/** Thrown by a row callback to stop reading early (the header sniff reads only the top rows). */
export class StopReading extends Error {
  constructor() {
    super('stop reading');
    this.name = 'StopReading';
  }
}
