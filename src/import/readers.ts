/**
 * Streams the rows of a file as arrays of strings, whatever its format: delimited text in any
 * encoding (decoded by node's StringDecoder or iconv-lite, then read by csv-fast.ts, with
 * csv-parse for what it leaves) or one sheet of an .xlsx workbook (its
 * parts taken from the zip by name, the sheet parsed by exceljs's streaming worksheet reader). Rows are handed to a callback one at a time, synchronously, so nothing
 * accumulates and the caller's work applies back-pressure to the file stream.
 */
import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { OperationError } from '../errors.js';
import { ZipArchive } from './zip.js';
import { plainNamespaces } from './ooxml.js';
import { FastCsv, QuoteNotClosed, RecordTooLarge } from './csv-fast.js';
import { detectDelimiter, detectEncoding, detectFormat, readError, type Encoding, type FileScan, type Format } from './detect.js';

export interface TableSource {
  format: Format;
  encoding: Encoding | null;
  delimiter: string | null;
  /** a delimited file: how it is read (another thread can read it the same way: readCsvFile) */
  csv?: CsvSettings;
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

/**
 * Control characters (NUL above all) are rare in text exports and everywhere in binary files.
 * A few lone NULs are a text export's slip (SurveyMonkey writes one in each blank cell of some
 * second header rows); runs of them, or many, are a binary file.
 */
function looksBinary(head: Buffer, encoding: Encoding): boolean {
  if (encoding === 'utf16le' || encoding === 'utf16be' || head.length === 0) return false;
  let control = 0;
  let nul = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b === 0) {
      if (head[i + 1] === 0) return true;
      nul++;
    }
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return nul > Math.max(2, head.length * 0.001) || control > head.length * 0.01;
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
  const fast = new FastCsv(s.delimiter, s.mixedLineEndings, deliver, MAX_RECORD_CHARS);
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
  const done = pipeline(source, parser).catch(() => {});
  try {
    for await (const record of parser as AsyncIterable<string[]>) deliver(record);
  } catch (e) {
    if (e instanceof CsvError) throw await csvError(file, s, e, rest.byteOffset);
    throw e;
  } finally {
    source.destroy();
    parser.destroy();
    await done;
  }
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
class Unreadable extends Error {}

/** A workbook's sheets in tab order: name (null when the workbook does not say) and part. */
async function workbookSheets(zip: ZipArchive, reader: WorkbookParts): Promise<{ name: string | null; part: string }[]> {
  if (zip.has('xl/_rels/workbook.xml.rels')) await reader._parseRels(plainNamespaces(await zip.stream('xl/_rels/workbook.xml.rels')));
  if (zip.has('xl/workbook.xml')) await reader._parseWorkbook(plainNamespaces(await zip.stream('xl/workbook.xml')));
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
      for await (const _ of reader._parseSharedStrings(plainNamespaces(await zip.stream('xl/sharedStrings.xml')))) void _;
    }
    if (zip.has('xl/styles.xml')) await reader._parseStyles(plainNamespaces(await zip.stream('xl/styles.xml')));
    const stored = zip.parts.get(sheet.part)!.compressedSize;
    const fileSize = zip.fileSize;
    const progress = onBytes && stored > 0 ? (read: number) => onBytes(Math.round((fileSize * read) / stored)) : undefined;
    sheetStream = await zip.stream(sheet.part, progress);
    // The XML parser stops quietly where a cut-short sheet ends: keep the end of the text to
    // check that the sheet closed, or rows after the cut would go unaccounted for. And note
    // whether the sheet holds rows at all: rows the reader did not understand are no empty sheet.
    let tail = '';
    let hasRows = false;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        const text = chunk.toString('latin1');
        if (!hasRows && /<(?:[\w-]+:)?row[\s>]/.test(tail + text)) hasRows = true;
        tail = (tail + text).slice(-64);
        done(null, chunk);
      },
    });
    const plain = plainNamespaces(sheetStream);
    plain.on('error', (e) => tap.destroy(e));
    plain.pipe(tap);
    let emittedRows = 0;
    const [emitted] = [...reader._parseWorksheet(tap, String(wanted.index + 1))];
    if (!emitted) return;
    for await (const row of emitted.value) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      // exceljs rows are 1-based and sparse
      for (let i = 1; i < values.length; i++) {
        const v = values[i];
        // a text cell whose string is not in the workbook's string table: never "[object Object]"
        if (v !== null && typeof v === 'object' && 'sharedString' in v) throw new UnresolvedStrings();
        cells.push(cellText(v));
      }
      emittedRows++;
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
    if (hasRows && emittedRows === 0) throw new Unreadable();
  } catch (e) {
    if (e === fromCallback || e instanceof OperationError || e instanceof StopReading) throw e;
    if (e instanceof CutShort) {
      throw new OperationError(`${file} cannot be read: its sheet ends in the middle (the workbook is cut short or damaged), so some rows are missing`, {
        hint: 'open it in Excel and save it again as .xlsx, or save the sheet as CSV UTF-8 and import that',
      });
    }
    if (e instanceof Unreadable) {
      throw new OperationError(`${file} cannot be read: its sheet has rows, written in a form skillsnet does not understand`, {
        hint: 'open it in Excel or LibreOffice and save it again as .xlsx, or save the sheet as CSV UTF-8 and import that',
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
