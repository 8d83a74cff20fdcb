/**
 * Streams the rows of a file as arrays of strings, whatever its format: delimited text in any
 * encoding (decoded by node's StringDecoder or iconv-lite, then read by csv-fast.ts, with
 * csv-parse for what it leaves) or one sheet of an .xlsx workbook (xlsx-reader.ts). Rows are
 * handed to a callback one at a time, synchronously, so nothing accumulates and the caller's
 * work applies back-pressure to the file stream.
 */
import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { OperationError } from '../errors.js';
import { xlsxSource } from './xlsx-reader.js';
import type { ReadOptions, TableSource } from './table.js';
import { FastCsv, QuoteNotClosed, RecordTooLarge, TooManyCells } from './csv-fast.js';
import { MAX_CELLS_PER_ROW, tooManyCellsError } from './limits.js';
import { detectDelimiter, detectEncoding, detectFormat, looksBinary, readError, type Encoding, type FileScan } from './detect.js';

export { StopReading, type TableSource, type WorkbookSheet, type ReadOptions } from './table.js';
export { xlsxSource, cellText } from './xlsx-reader.js';

/** A record longer than this is a broken file (an unclosed quote swallowing the rest), not data. */
export const MAX_RECORD_CHARS = 32 * 1024 * 1024;

export { InputLimitError, MAX_CELLS_PER_ROW, tooManyCellsError } from './limits.js';
export { TooManyCells };

export async function openTable(file: string, scan: FileScan, options: ReadOptions = {}): Promise<TableSource> {
  const format = detectFormat(file, scan.head);
  if (format === 'xlsx') return xlsxSource(file);
  const detected = detectEncoding(scan);
  const encoding = options.encoding ?? detected.encoding;
  if (!options.encoding && looksBinary(scan.head, encoding)) {
    throw new OperationError(`${file} does not look like a spreadsheet: it is neither text (CSV, TSV) nor an .xlsx workbook`, {
      hint: 'export the sheet as CSV or .xlsx and import that file; if it is text in an unusual encoding, give --encoding',
    });
  }
  // A BOM is skipped only when it belongs to the encoding being used.
  const bom = options.encoding && options.encoding !== detected.encoding ? 0 : detected.bom;
  const headText = await decode(scan.head.subarray(bom), encoding);
  const delimiter = options.delimiter ?? detectDelimiter(headText);
  const sepLine = /^sep=.\r?\n/i.test(headText);
  const mixedLineEndings = hasMixedLineEndings(headText);
  const csv: CsvSettings = { encoding, bom, delimiter, sepLine, mixedLineEndings };
  return {
    format,
    encoding,
    delimiter,
    csv,
    read: (onRow, onBytes) => readCsv(file, csv, onRow, onBytes),
  };
}

async function decode(bytes: Buffer, encoding: Encoding): Promise<string> {
  if (encoding === 'utf8') return bytes.toString('utf8');
  const iconv = (await import('iconv-lite')).default;
  return iconv.decode(bytes, encoding, { stripBOM: true });
}

/** How a delimited file is read: its encoding and the bytes of BOM to skip, the delimiter, an Excel "sep=" line, mixed line endings. */
export interface CsvSettings {
  encoding: Encoding;
  bom: number;
  delimiter: string;
  sepLine: boolean;
  mixedLineEndings: boolean;
}

/**
 * csv-parse takes the first line ending it meets as the only one, which is fastest and right for
 * nearly every export. A file that mixes them (CRLF rows and bare LF rows, say, from two
 * sources pasted together) is parsed with all three instead, about half as fast. Line breaks
 * inside quoted cells (Excel writes LF there in CRLF files) also take that slower, still correct path.
 */
function hasMixedLineEndings(text: string): boolean {
  const crlf = text.includes('\r\n');
  const bareLf = /(^|[^\r])\n/.test(text);
  const bareCr = /\r(?!\n|$)/.test(text);
  return [crlf, bareLf, bareCr].filter(Boolean).length > 1;
}

/**
 * Reads a delimited file row by row: the fast reader (csv-fast.ts) for the common case; from
 * the first row that leaves it, csv-parse for the rest of the file, with the line ending found.
 */
export { readCsv as readCsvFile };

async function readCsv(
  file: string,
  s: CsvSettings,
  onRow: (cells: string[]) => void,
  onBytes?: (bytesRead: number) => void,
): Promise<void> {
  let first = s.sepLine;
  const deliver = (record: string[]) => {
    if (first) {
      first = false;
      if (/^sep=/i.test(record[0] ?? '')) return;
    }
    onRow(record);
  };
  const fast = new FastCsv(s.delimiter, s.mixedLineEndings, deliver, MAX_RECORD_CHARS, MAX_CELLS_PER_ROW);
  const decoder = await textDecoder(s.encoding);
  const input = fs.createReadStream(file, { start: s.bom, highWaterMark: 256 * 1024 });
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let bytes = s.bom;
  try {
    for (;;) {
      const next = await chunks.next();
      if (next.done) {
        const tail = decoder.end();
        if ((tail ? fast.write(tail) : true) && fast.end()) return;
        break;
      }
      if (onBytes) onBytes((bytes += next.value.length));
      if (!fast.write(decoder.write(next.value))) break;
    }
    // the rest, from the row that left the common case, goes to csv-parse
    await readRestWithCsvParse(file, s, fast, decoder, chunks, deliver, onBytes, bytes);
  } catch (e) {
    if (e instanceof QuoteNotClosed) {
      throw new OperationError(`${file}: a quoted field opened on line ${e.line} is never closed`, {
        hint: 'a double quote starts a cell that does not end; fix it in a text editor or export the sheet again',
      });
    }
    if (e instanceof TooManyCells) throw tooManyCellsError(file, `line ${e.line}`);
    if (e instanceof RecordTooLarge) throw await csvError(file, s, { code: 'CSV_MAX_RECORD_SIZE', message: '' });
    if ((e as NodeJS.ErrnoException).syscall) throw readError(file, e);
    throw e;
  } finally {
    input.destroy();
  }
}

/** csv-parse on the text the fast reader left, then on the rest of the file. */
async function readRestWithCsvParse(
  file: string,
  s: CsvSettings,
  fast: FastCsv,
  decoder: Decoder,
  chunks: AsyncIterator<Buffer>,
  deliver: (record: string[]) => void,
  onBytes: ((bytesRead: number) => void) | undefined,
  bytesRead: number,
): Promise<void> {
  const { parse, CsvError } = await import('csv-parse');
  const rest = fast.rest();
  const ending = fast.recordDelimiter;
  const parser = parse({
    delimiter: s.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    ...(ending ? { record_delimiter: ending } : {}),
  });
  let bytes = bytesRead;
  async function* text(): AsyncGenerator<string> {
    yield rest.text;
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      if (onBytes) onBytes((bytes += next.value.length));
      const t = decoder.write(next.value);
      if (t) yield t;
    }
    const tail = decoder.end();
    if (tail) yield tail;
  }
  const source = Readable.from(text());
  // the cells of the rest's rows counted as the text streams by, as the fast reader counts its own
  const guard = cellGuard(s.delimiter, fast.line);
  let guardError: unknown;
  const done = pipeline(source, guard, parser).catch((e) => {
    if (e instanceof TooManyCells) guardError = e;
  });
  try {
    for await (const record of parser as AsyncIterable<string[]>) deliver(record);
  } catch (e) {
    if (e instanceof TooManyCells) throw tooManyCellsError(file, `line ${e.line}`);
    if (e instanceof CsvError) throw await csvError(file, s, e, rest.byteOffset);
    if ((e as NodeJS.ErrnoException).syscall) throw readError(file, e);
    throw e;
  } finally {
    source.destroy();
    guard.destroy();
    parser.destroy();
    await done;
  }
  if (guardError instanceof TooManyCells) throw tooManyCellsError(file, `line ${guardError.line}`);
}

/**
 * Counts the cells of each record as the text streams by (quotes followed the way csv-parse
 * reads them: a quote opens a cell only at its start, "" inside one is a quote) and stops the
 * read at the first record with more than MAX_CELLS_PER_ROW; the text passes on unchanged.
 * Costs a few milliseconds per 10 MB, against seconds for parsing.
 */
function cellGuard(delimiter: string, firstLine = 1): Transform {
  const D = delimiter.charCodeAt(0);
  const Q = 34;
  let quoted = false;
  let closed = false;
  let start = true;
  let cells = 1;
  let line = firstLine;
  // A multi-byte delimiter in a byte stream cannot be seen byte by byte: such files pass unguarded
  // (the record size limit still holds).
  const step = (c: number): boolean => {
    if (quoted) {
      if (c === Q) {
        quoted = false;
        closed = true;
      } else if (c === 10) line++;
      return true;
    }
    if (c === Q && (start || closed)) {
      quoted = true;
      closed = false;
      start = false;
      return true;
    }
    closed = false;
    if (c === D) {
      start = true;
      return ++cells <= MAX_CELLS_PER_ROW;
    }
    if (c === 10 || c === 13) {
      if (c === 10) line++;
      cells = 1;
      start = true;
    } else start = false;
    return true;
  };
  return new Transform({
    decodeStrings: false,
    transform(chunk: Buffer | string, _encoding, callback) {
      if (typeof chunk === 'string') {
        for (let i = 0; i < chunk.length; i++) if (!step(chunk.charCodeAt(i))) return callback(new TooManyCells(line));
      } else if (D < 128) {
        for (let i = 0; i < chunk.length; i++) if (!step(chunk[i]!)) return callback(new TooManyCells(line));
      }
      callback(null, chunk);
    },
  });
}

/** What csv-parse's CsvError carries that we use. */
interface CsvParseError {
  code: string;
  message: string;
  lines?: number;
  bytes?: number;
}

interface Decoder {
  write(chunk: Buffer): string;
  end(): string;
}

/** Bytes -> text, keeping characters split across chunks whole. */
async function textDecoder(encoding: Encoding): Promise<Decoder> {
  if (encoding === 'utf8') {
    const d = new StringDecoder('utf8');
    return { write: (b) => d.write(b), end: () => d.end() };
  }
  const iconv = (await import('iconv-lite')).default;
  const d = iconv.getDecoder(encoding, { stripBOM: true });
  return { write: (b) => d.write(b), end: () => d.end() ?? '' };
}

async function csvError(file: string, s: CsvSettings, e: CsvParseError, offset = 0): Promise<OperationError> {
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    const line = await openingLine(file, s, offset + (e.bytes ?? 0));
    return new OperationError(`${file}: a quoted field opened on line ${line} is never closed`, {
      hint: 'a double quote starts a cell that does not end; fix it in a text editor or export the sheet again',
    });
  }
  const where = e.lines && !offset ? ` (near line ${e.lines})` : '';
  if (e.code === 'CSV_MAX_RECORD_SIZE') {
    return new OperationError(`${file}: a row is larger than ${MAX_RECORD_CHARS / 1024 / 1024} MB${where}, so the file is probably broken`, {
      hint: 'look for an unclosed double quote, or check --delimiter and --encoding',
    });
  }
  return new OperationError(`${file} cannot be read as CSV${where}: ${e.message.split('\n')[0]}`, {
    hint: 'check the file, or give --delimiter and --encoding explicitly',
  });
}

/**
 * csv-parse reports an unclosed quote at the end of the file, with the offset (in the UTF-8 text
 * it parsed) of the last field or record it completed. The quote opened on the first non-blank
 * line from there: read the text again up to that offset (an error path only) and count lines.
 */
async function openingLine(file: string, s: CsvSettings, offset: number): Promise<number> {
  const decoder = await textDecoder(s.encoding);
  const input = fs.createReadStream(file, { start: s.bom, highWaterMark: 256 * 1024 });
  let line = 1;
  let seen = 0;
  let skippingBlank = false;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const bytes = Buffer.from(decoder.write(chunk), 'utf8');
      let i = skippingBlank ? 0 : Math.max(0, Math.min(bytes.length, offset - seen));
      if (!skippingBlank) {
        for (let j = 0; j < i; j++) if (bytes[j] === 10) line++;
        if (i === bytes.length) {
          seen += bytes.length;
          continue;
        }
        skippingBlank = true;
      }
      for (; i < bytes.length; i++) {
        const b = bytes[i];
        if (b === 10) line++;
        else if (b !== 13) return line;
      }
      seen += bytes.length;
    }
  } catch {
    // the line stays as far as we got
  } finally {
    input.destroy();
  }
  return line;
}
