/**
 * Reads one sheet of an .xlsx workbook: its parts taken from the zip by name, read by namespace
 * (ooxml.ts), the sheet parsed by exceljs's streaming worksheet reader.
 */
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { OperationError } from '../errors.js';
import { NotAZipError, notAWorkbook, ZipArchive, ZipBombError, type ZipPart } from './zip.js';
import { InputLimitError, MAX_CELLS_PER_ROW, tooManyCellsError } from './limits.js';
import { plainNamespaces } from './ooxml.js';
import { plainCells, plainSharedStrings, type SheetNotes } from './sheet-xml.js';
import { StopReading, type TableSource, type WorkbookSheet } from './table.js';

/** How cells are read beyond their values. */
export interface XlsxReadOptions {
  /**
   * A number formatted as a percentage as the share it shows ("20%" for the 0.2 Excel stores when
   * 20% is typed): for the quotas file, where a bound is a count or a share. The import reads values.
   */
  percentages?: boolean;
  /** The whole workbook, already read (from a pipe, which cannot be read twice): `file` only names it. */
  bytes?: Buffer;
  /** Note hidden rows and columns and struck-through rows in `sheet.marks` (the quotas file: a rule so marked is not taken as meant). */
  marks?: boolean;
}

/** The `index`th sheet of a workbook (0, the first, unless the import looks further). */
export function xlsxSource(file: string, index = 0, options: XlsxReadOptions = {}): TableSource {
  const sheet: WorkbookSheet = { index, name: null, exists: true, seen: [] };
  return { format: 'xlsx', encoding: null, delimiter: null, sheet, read: (onRow, onBytes) => readXlsx(file, sheet, onRow, onBytes, options) };
}

/** A number shown as a percentage ("0%", "0.0%"; a % inside quotes is literal text). */
function percentFormat(numFmt: unknown): boolean {
  return typeof numFmt === 'string' && numFmt.replace(/"[^"]*"/g, '').includes('%');
}

/** The parts of exceljs's streaming WorkbookReader that read one part each (driven here in the order they are needed). */
interface WorkbookParts {
  model?: { sheets?: { name?: string; rId?: string; state?: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  /** the workbook's properties once its workbook part is read */
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  /** the string table `_parseSharedStrings` fills (sharedStrings: 'cache') */
  sharedStrings?: unknown[];
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Iterable<{ value: AsyncIterable<{ values: unknown }> }>;
}

/**
 * The string table of the workbook read last, by its path and the table's checksum and sizes: one
 * workbook's at most (reading another drops it before the new one is parsed).
 */
let sharedStrings: { key: string; file: string; strings: unknown[] } | undefined;

/** The workbook whose string table is held, and how many strings (for tests: never more than one table). */
export function heldStringTable(): { file: string; strings: number } | null {
  return sharedStrings ? { file: sharedStrings.file, strings: sharedStrings.strings.length } : null;
}

/**
 * What tells one string table from another: the file's path and the part's CRC-32 and sizes in
 * the zip directory. (A file's size and modification time do not: a workbook copied over another
 * of the same size within the same second, or with its time kept, as `cp -p` and sync tools do,
 * read the old file's names.)
 */
function stringTableKey(file: string, part: ZipPart): string {
  return `${path.resolve(file)}\0${part.crc32}\0${part.size}\0${part.compressedSize}`;
}

/** Hidden rows with values noted per read (their numbers are for a message). */
const MAX_HIDDEN_ROWS_NOTED = 100_000;

/** A zip archive that is no workbook at all (a .docx, an archive of files). */
export class NotAWorkbookError extends OperationError {}

class UnresolvedStrings extends Error {}
class CutShort extends Error {}
class Unreadable extends Error {}

/** A workbook's sheets in tab order: name (null when the workbook does not say) and part. */
async function workbookSheets(zip: ZipArchive, reader: WorkbookParts): Promise<{ name: string | null; part: string; hidden: boolean }[]> {
  if (zip.has('xl/_rels/workbook.xml.rels')) await reader._parseRels(plainNamespaces(await zip.stream('xl/_rels/workbook.xml.rels')));
  if (zip.has('xl/workbook.xml')) await reader._parseWorkbook(plainNamespaces(await zip.stream('xl/workbook.xml')));
  const rels = new Map((reader.workbookRels ?? []).map((r) => [r.Id, r.Target]));
  const listed = (reader.model?.sheets ?? []).map((sheet) => {
    const target = sheet.rId ? rels.get(sheet.rId) : undefined;
    const part = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`) : '';
    return { name: typeof sheet.name === 'string' && sheet.name ? sheet.name : null, part, hidden: sheet.state === 'hidden' || sheet.state === 'veryHidden' };
  });
  if (listed.length && listed.every((s) => zip.has(s.part))) return listed;
  // no usable workbook.xml: the worksheet parts, by number
  const numbered = [...zip.parts.keys()]
    .map((name) => ({ name, n: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1] }))
    .filter((p): p is { name: string; n: string } => p.n !== undefined)
    .sort((a, b) => Number(a.n) - Number(b.n));
  return numbered.map((p, i) => ({ name: listed[i]?.name ?? null, part: p.name, hidden: false }));
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
async function readXlsx(file: string, wanted: WorkbookSheet, onRow: (cells: string[], row?: number) => void, onBytes?: (bytesRead: number) => void, options: XlsxReadOptions = {}): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  let fromCallback: unknown;
  let sheetStream: Readable | undefined;
  let zip: ZipArchive | undefined;
  try {
    zip = await ZipArchive.open(options.bytes ?? file);
    const other = notAWorkbook(zip.parts.keys());
    if (other) throw new NotAWorkbookError(`${path.basename(file)} is ${other.what}`, { hint: other.hint });
    const stringsPart = zip.parts.get('xl/sharedStrings.xml');
    // (a workbook's sheets are read one after another, and the sheet imported twice: its
    // string table, most of the time spent on a large workbook's top rows, is parsed once)
    const key = options.bytes || !stringsPart ? null : stringTableKey(file, stringsPart);
    // Another workbook (or one read from a pipe, never kept): the old table goes first, or a run
    // importing several large workbooks held two tables while parsing, and the last one for good.
    if (sharedStrings && sharedStrings.key !== key) sharedStrings = undefined;
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
    wanted.hidden = sheets.map((s) => s.hidden);
    const sheet = sheets[wanted.index];
    wanted.exists = sheet !== undefined;
    if (!sheet) return;
    wanted.name = sheet.name;
    wanted.date1904 = reader.properties?.model?.date1904 === true;
    if (stringsPart) {
      if (key !== null && sharedStrings?.key === key) reader.sharedStrings = sharedStrings.strings;
      else {
        for await (const _ of reader._parseSharedStrings(plainSharedStrings(plainNamespaces(await zip.stream('xl/sharedStrings.xml'))))) void _;
        if (key !== null && reader.sharedStrings) sharedStrings = { key, file: path.resolve(file), strings: reader.sharedStrings };
      }
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
    const notes: SheetNotes = { uncalculated: new Map(), hiddenRows: new Set() };
    wanted.uncalculated = notes.uncalculated;
    wanted.hiddenRowsRead = [];
    if (options.marks) {
      notes.hiddenColumns = new Set();
      wanted.marks = { hiddenRows: notes.hiddenRows!, hiddenColumns: notes.hiddenColumns, struckRows: new Set() };
    }
    const plain = plainCells(plainNamespaces(sheetStream), notes);
    plain.on('error', (e) => tap.destroy(e));
    plain.pipe(tap);
    let emittedRows = 0;
    const [emitted] = [...reader._parseWorksheet(tap, String(wanted.index + 1))];
    if (!emitted) return;
    for await (const row of emitted.value) {
      const values = row.values as unknown[];
      if (values.length - 1 > MAX_CELLS_PER_ROW) throw tooManyCellsError(file, `row ${(row as { number?: number }).number ?? emittedRows + 1} of the sheet`);
      const cells: string[] = [];
      // exceljs rows are 1-based and sparse
      for (let i = 1; i < values.length; i++) {
        const v = values[i];
        // a text cell whose string is not in the workbook's string table: never "[object Object]"
        if (v !== null && typeof v === 'object' && 'sharedString' in v) throw new UnresolvedStrings();
        const format = options.percentages && typeof v === 'number' ? (row as { getCell?(i: number): { numFmt?: unknown } }).getCell?.(i)?.numFmt : undefined;
        // (0.125 * 100 is 12.5, but 0.07 * 100 is 7.000000000000001: rounded to what Excel shows)
        cells.push(percentFormat(format) ? `${Number(((v as number) * 100).toPrecision(12))}%` : cellText(v));
      }
      emittedRows++;
      if (wanted.marks) {
        const filled = cells.flatMap((c, i) => (c !== '' ? [i + 1] : []));
        const font = (i: number) => (row as { getCell?(i: number): { font?: { strike?: boolean } } }).getCell?.(i)?.font;
        if (filled.length && filled.every((i) => font(i)?.strike === true)) wanted.marks.struckRows.add((row as { number?: number }).number ?? emittedRows);
      }
      if (cells.some((c) => c !== '')) {
        const number = (row as { number?: number }).number ?? emittedRows;
        if (notes.hiddenRows!.has(number) && wanted.hiddenRowsRead.length < MAX_HIDDEN_ROWS_NOTED) wanted.hiddenRowsRead.push(number);
        try {
          onRow(cells, number);
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
    if (e instanceof ZipBombError) {
      throw new InputLimitError(`${file} is not read: ${e.message}, so it is a damaged or hostile file, not a workbook of applications`, {
        hint: 'open it in Excel and save the sheet as CSV UTF-8, then import that file; the limits are in docs/importing.md',
      });
    }
    // yauzl's and zlib's own words ("End of central directory record signature not found",
    // "invalid distance too far back") tell an officer nothing: the file is damaged
    if (e instanceof NotAZipError || /^Z_/.test(String((e as NodeJS.ErrnoException).code ?? ''))) {
      const cut = /central directory|truncated|end of file|unexpected EOF/i.test((e as Error).message);
      throw new OperationError(`${file} cannot be read: the workbook is ${cut ? 'cut short (its end is missing: an interrupted download or copy?)' : 'damaged (its compressed data is corrupt)'}, so none of its rows can be trusted`, {
        hint: 'download or copy the file again; or, if Excel opens it, save it again as .xlsx or save the sheet as CSV UTF-8, and import that',
      });
    }
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
    // (the XML parser's "1:1680: disallowed character in tag name": a part of the file is damaged)
    const first = (e as Error).message.split('\n')[0] ?? '';
    const at = /^(\d+):(\d+): (.+)$/.exec(first);
    const why = at ? `its XML is damaged (line ${at[1]}, character ${at[2]}: ${at[3]})` : first;
    throw new OperationError(`${file} cannot be read as an Excel workbook: ${why}`, {
      hint: 'open it in Excel and save it again as .xlsx, or save the sheet as CSV UTF-8 and import that',
    });
  } finally {
    sheetStream?.destroy();
    zip?.close();
  }
}

/**
 * A text as Excel means it: OOXML writes characters XML cannot hold as `_xHHHH_` ("_x000D_", a
 * carriage return), and a literal "_x000D_" as "_x005F_x000D_".
 */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x005[Ff]_(?=x[0-9A-Fa-f]{4}_)|_x([0-9A-Fa-f]{4})_/g, (_, hex: string | undefined) => (hex === undefined ? '_' : String.fromCharCode(parseInt(hex, 16))));
}

/** A cell as the text an officer sees: rich text flattened, formulas by their result, dates as ISO. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return unescapeOoxml(v);
  // Excel keeps 15 significant digits and shows no more: 0.1*3 is stored 0.30000000000000004 and shown 0.3
  if (typeof v === 'number') return Number.isFinite(v) ? String(Number(v.toPrecision(15))) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    // A date in a workbook has no time zone: it is the date and time the sheet shows (exceljs
    // builds it as UTC), to the second (a serial number's last digits are no milliseconds).
    if (Number.isNaN(v.getTime())) return '';
    const iso = new Date(Math.round(v.getTime() / 1000) * 1000).toISOString();
    // a time of day alone ("14:30" typed in a time column) is a fraction of Excel's day 0, which
    // exceljs dates 1899-12-30: the sheet shows the time, never that day
    // (1904-01-01 in a workbook of the 1904 date system)
    if (iso < '1900-01-01' || (iso.startsWith('1904-01-01T') && !iso.startsWith('1904-01-01T00:00:00'))) return iso.endsWith(':00.000Z') ? iso.slice(11, 16) : iso.slice(11, 19);
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; hyperlink?: string };
    if (Array.isArray(o.richText)) return unescapeOoxml(o.richText.map((r) => r.text).join(''));
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.hyperlink) return o.hyperlink;
    // an error value as Excel shows it (#N/A, #DIV/0!), as its CSV export writes it
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}
