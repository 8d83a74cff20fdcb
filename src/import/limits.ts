/** The limits every reader holds a file to, and the errors past them (readers.ts, xlsx-reader.ts). */
import { OperationError } from '../errors.js';

/**
 * Cells one row may have: Excel's own limit (16,384 columns, A to XFD). Counted as the file is
 * read, before a row is built: a 50 MB line of 25 million empty cells would otherwise take
 * minutes and gigabytes to turn into one row, and is a broken or hostile file, not a call.
 */
export const MAX_CELLS_PER_ROW = 16_384;

/** A file past one of the reading limits (cells per row, a workbook's expansion): never read another way. */
export class InputLimitError extends OperationError {
  constructor(message: string, options: { hint?: string }) {
    super(message, options);
    this.name = 'InputLimitError';
  }
}

/** The error for a row with too many cells; `where` is "line 12" or "row 12 of the sheet". */
export function tooManyCellsError(file: string, where: string): OperationError {
  return new InputLimitError(`${file}: ${where} has more than ${MAX_CELLS_PER_ROW.toLocaleString('en-US')} cells (the most a spreadsheet row can have), so the file is broken or is not a table`, {
    hint: 'check --delimiter (a wrong one can split every character), or open the file in Excel and save it again as CSV UTF-8',
  });
}
