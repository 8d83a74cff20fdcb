/**
 * Streams the rows of a file as arrays of strings, whatever its format: delimited text in any
 * encoding (decoded by node's StringDecoder or iconv-lite, then parsed by csv-parse) or one sheet of an .xlsx workbook (its
 * parts taken from the zip by name, the sheet parsed by exceljs's streaming worksheet reader). Rows are handed to a callback one at a time, synchronously, so nothing
 * accumulates and the caller's work applies back-pressure to the file stream.
 */
import fs from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { OperationError } from '../errors.js';
import { ZipArchive, ZipBombError } from './zip.js';
import { detectDelimiter, detectEncoding, detectFormat, readError, type Encoding, type FileScan, type Format } from './detect.js';

export interface TableSource {
  format: Format;
  encoding: Encoding | null;
  delimiter: string | null;
  /** Calls onRow for every non-blank row, header rows included; resolves at the end of the sheet. */
  read(onRow: (cells: string[]) => void, onBytes?: (bytesRead: number) => void): Promise<void>;
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

/** A record longer than this is a broken file (an unclosed quote swallowing the rest), not data. */
export const MAX_RECORD_CHARS = 32 * 1024 * 1024;

/**
 * Cells one row may have: Excel's own limit (16,384 columns, A to XFD). Counted as the file is
 * read, before a row is built: a 50 MB line of 25 million empty cells would otherwise take
 * minutes and gigabytes to turn into one row, and is a broken or hostile file, not a call.
 */
export const MAX_CELLS_PER_ROW = 16_384;

/** Thrown when a row has more than MAX_CELLS_PER_ROW cells. */
export class TooManyCells extends Error {
  constructor(readonly line: number) {
    super(`more than ${MAX_CELLS_PER_ROW} cells in one row`);
    this.name = 'TooManyCells';
  }
}

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
  // A file that is valid UTF-8 throughout goes to csv-parse as bytes: it parses bytes anyway, so
  // decoding the text first only to have it encoded back doubles the work for the same cells.
  const bytesAsIs = encoding === 'utf8' && scan.validUtf8;
  return {
    format,
    encoding,
    delimiter,
    read: (onRow, onBytes) => readCsv(file, { encoding, bom, delimiter, sepLine, mixedLineEndings, bytesAsIs }, onRow, onBytes),
  };
}

/** Control characters (NUL above all) are rare in text exports and everywhere in binary files. */
function looksBinary(head: Buffer, encoding: Encoding): boolean {
  if (encoding === 'utf16le' || encoding === 'utf16be' || head.length === 0) return false;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control > head.length * 0.01;
}

async function decode(bytes: Buffer, encoding: Encoding): Promise<string> {
  if (encoding === 'utf8') return bytes.toString('utf8');
  const iconv = (await import('iconv-lite')).default;
  return iconv.decode(bytes, encoding, { stripBOM: true });
}

interface CsvSettings {
  encoding: Encoding;
  bom: number;
  delimiter: string;
  sepLine: boolean;
  mixedLineEndings: boolean;
  /** the file is valid UTF-8: csv-parse reads its bytes (decoding each cell) instead of decoded text */
  bytesAsIs: boolean;
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

async function readCsv(
  file: string,
  s: CsvSettings,
  onRow: (cells: string[]) => void,
  onBytes?: (bytesRead: number) => void,
): Promise<void> {
  const { parse, CsvError } = await import('csv-parse');
  const decoding = s.bytesAsIs ? countingStream(onBytes, s.bom) : await decodingStream(s.encoding, onBytes, s.bom);
  const parser = parse({
    delimiter: s.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    ...(s.mixedLineEndings ? { record_delimiter: ['\r\n', '\n', '\r'] } : {}),
  });
  const input = fs.createReadStream(file, { start: s.bom, highWaterMark: 256 * 1024 });
  const guard = cellGuard(s.delimiter);
  // Errors surface through the parser: pipeline() destroys every stage when one fails.
  let guardError: unknown;
  const done = pipeline(input, decoding, guard, parser).catch((e) => {
    if (e instanceof TooManyCells) guardError = e;
  });
  let first = s.sepLine;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (first) {
        first = false;
        if (/^sep=/i.test(record[0] ?? '')) continue;
      }
      onRow(record);
    }
  } catch (e) {
    await done;
    const cause = e instanceof TooManyCells ? e : guardError instanceof TooManyCells ? guardError : undefined;
    if (cause) throw tooManyCellsError(file, `line ${cause.line}`);
    if (e instanceof CsvError) throw await csvError(file, s, e);
    if ((e as NodeJS.ErrnoException).syscall) throw readError(file, e);
    throw e;
  } finally {
    input.destroy();
    decoding.destroy();
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
function cellGuard(delimiter: string): Transform {
  const D = delimiter.charCodeAt(0);
  const Q = 34;
  let quoted = false;
  let closed = false;
  let start = true;
  let cells = 1;
  let line = 1;
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

/** A Transform from file bytes to text in the file's encoding (reporting progress on the way). */
async function decodingStream(encoding: Encoding, onBytes: ((bytesRead: number) => void) | undefined, start: number): Promise<Transform> {
  const decoder = await textDecoder(encoding);
  let bytes = start;
  return new Transform({
    decodeStrings: false,
    transform(chunk: Buffer, _enc, callback) {
      const text = decoder.write(chunk);
      if (onBytes) onBytes((bytes += chunk.length));
      callback(null, text || undefined);
    },
    flush(callback) {
      callback(null, decoder.end() || undefined);
    },
  });
}

/**
 * The file's bytes unchanged (reporting progress on the way), for a file that is valid UTF-8:
 * csv-parse splits bytes at ASCII delimiters, quotes and line ends, and a UTF-8 cell decoded on
 * its own reads exactly as the same cell cut from the decoded text.
 */
function countingStream(onBytes: ((bytesRead: number) => void) | undefined, start: number): Transform {
  let bytes = start;
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      if (onBytes) onBytes((bytes += chunk.length));
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

async function csvError(file: string, s: CsvSettings, e: CsvParseError): Promise<OperationError> {
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    const line = await openingLine(file, s, e.bytes ?? 0);
    return new OperationError(`${file}: a quoted field opened on line ${line} is never closed`, {
      hint: 'a double quote starts a cell that does not end; fix it in a text editor or export the sheet again',
    });
  }
  const where = e.lines ? ` (near line ${e.lines})` : '';
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

/** The `index`th sheet of a workbook (0, the first, unless the import looks further). */
export function xlsxSource(file: string, index = 0): TableSource {
  const sheet: WorkbookSheet = { index, name: null, exists: true, seen: [] };
  return { format: 'xlsx', encoding: null, delimiter: null, sheet, read: (onRow, onBytes) => readXlsx(file, sheet, onRow, onBytes) };
}

/** The parts of exceljs's streaming WorkbookReader that read one part each (driven here in the order they are needed). */
interface WorkbookParts {
  model?: { sheets?: { name?: string; rId?: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Iterable<{ value: AsyncIterable<{ values: unknown }> }>;
}

class UnresolvedStrings extends Error {}
class CutShort extends Error {}

/** A workbook's sheets in tab order: name (null when the workbook does not say) and part. */
async function workbookSheets(zip: ZipArchive, reader: WorkbookParts): Promise<{ name: string | null; part: string }[]> {
  if (zip.has('xl/_rels/workbook.xml.rels')) await reader._parseRels(await zip.stream('xl/_rels/workbook.xml.rels'));
  if (zip.has('xl/workbook.xml')) await reader._parseWorkbook(await zip.stream('xl/workbook.xml'));
  const rels = new Map((reader.workbookRels ?? []).map((r) => [r.Id, r.Target]));
  const listed = (reader.model?.sheets ?? []).map((sheet) => {
    const target = sheet.rId ? rels.get(sheet.rId) : undefined;
    const part = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`) : '';
    return { name: typeof sheet.name === 'string' && sheet.name ? sheet.name : null, part };
  });
  if (listed.length && listed.every((s) => zip.has(s.part))) return listed;
  // no usable workbook.xml: the worksheet parts, by number
  const numbered = [...zip.parts.keys()]
    .map((name) => ({ name, n: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1] }))
    .filter((p): p is { name: string; n: string } => p.n !== undefined)
    .sort((a, b) => Number(a.n) - Number(b.n));
  return numbered.map((p, i) => ({ name: listed[i]?.name ?? null, part: p.name }));
}

/**
 * Reads one sheet. The workbook's parts are taken by name from the zip's directory (workbook
 * and relations, shared strings, styles, then the sheet), not in the order they are stored:
 * Excel stores the shared strings after the sheets, and exceljs's front-to-back reader then
 * parked the sheets in temporary files and, with several sheets, sometimes lost parts on the
 * way (cells came back as {sharedString: n}, shown "[object Object]", and sheet names as
 * "Sheet1"). Only the sheet wanted is read, as a stream; the shared strings are held in memory,
 * as exceljs always does.
 */
async function readXlsx(file: string, wanted: WorkbookSheet, onRow: (cells: string[]) => void, onBytes?: (bytesRead: number) => void): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  let fromCallback: unknown;
  let sheetStream: Readable | undefined;
  let zip: ZipArchive | undefined;
  try {
    zip = await ZipArchive.open(file);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'ignore',
    } as never) as unknown as WorkbookParts;
    const sheets = await workbookSheets(zip, reader);
    reader.model ??= { sheets: [] };
    wanted.seen = sheets.map((s, i) => s.name ?? `sheet ${i + 1}`);
    const sheet = sheets[wanted.index];
    wanted.exists = sheet !== undefined;
    if (!sheet) return;
    wanted.name = sheet.name;
    if (zip.has('xl/sharedStrings.xml')) {
      for await (const _ of reader._parseSharedStrings(await zip.stream('xl/sharedStrings.xml'))) void _;
    }
    if (zip.has('xl/styles.xml')) await reader._parseStyles(await zip.stream('xl/styles.xml'));
    const stored = zip.parts.get(sheet.part)!.compressedSize;
    const fileSize = zip.fileSize;
    const progress = onBytes && stored > 0 ? (read: number) => onBytes(Math.round((fileSize * read) / stored)) : undefined;
    sheetStream = await zip.stream(sheet.part, progress);
    // The XML parser stops quietly where a cut-short sheet ends: keep the end of the text to
    // check that the sheet closed, or rows after the cut would go unaccounted for.
    let tail = '';
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        tail = (tail + chunk.toString('latin1')).slice(-64);
        done(null, chunk);
      },
    });
    sheetStream.on('error', (e) => tap.destroy(e));
    sheetStream.pipe(tap);
    const [emitted] = [...reader._parseWorksheet(tap, String(wanted.index + 1))];
    if (!emitted) return;
    let rowNumber = 0;
    for await (const row of emitted.value) {
      rowNumber++;
      const values = row.values as unknown[];
      if (values.length - 1 > MAX_CELLS_PER_ROW) throw tooManyCellsError(file, `row ${(row as { number?: number }).number ?? rowNumber} of the sheet`);
      const cells: string[] = [];
      // exceljs rows are 1-based and sparse
      for (let i = 1; i < values.length; i++) {
        const v = values[i];
        // a text cell whose string is not in the workbook's string table: never "[object Object]"
        if (v !== null && typeof v === 'object' && 'sharedString' in v) throw new UnresolvedStrings();
        cells.push(cellText(v));
      }
      if (cells.some((c) => c !== '')) {
        try {
          onRow(cells);
        } catch (e) {
          fromCallback = e;
          throw e;
        }
      }
    }
    if (!/<\/(?:[\w-]+:)?worksheet>\s*$/.test(tail)) throw new CutShort();
  } catch (e) {
    if (e === fromCallback || e instanceof OperationError || e instanceof StopReading) throw e;
    if (e instanceof ZipBombError) {
      throw new InputLimitError(`${file} is not read: ${e.message}, so it is a damaged or hostile file, not a workbook of applications`, {
        hint: 'open it in Excel and save the sheet as CSV UTF-8, then import that file; the limits are in docs/importing.md',
      });
    }
    if (e instanceof CutShort) {
      throw new OperationError(`${file} cannot be read: its sheet ends in the middle (the workbook is cut short or damaged), so some rows are missing`, {
        hint: 'open it in Excel and save it again as .xlsx, or save the sheet as CSV UTF-8 and import that',
      });
    }
    if (e instanceof UnresolvedStrings) {
      throw new OperationError(`${file} cannot be read: its cells refer to texts that are missing from the workbook (xl/sharedStrings.xml)`, {
        hint: 'open it in Excel and save it again as .xlsx, or save the sheet as CSV UTF-8 and import that',
      });
    }
    throw new OperationError(`${file} cannot be read as an Excel workbook: ${(e as Error).message.split('\n')[0]}`, {
      hint: 'open it in Excel and save it again as .xlsx, or save the sheet as CSV UTF-8 and import that',
    });
  } finally {
    sheetStream?.destroy();
    zip?.close();
  }
}

/** A cell as the text an officer sees: rich text flattened, formulas by their result, dates as ISO. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; hyperlink?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.hyperlink) return o.hyperlink;
    if (o.error) return '';
  }
  return String(v);
}
