/**
 * What kind of file this is: format, text encoding and CSV delimiter. Officers get files from
 * Google Forms (UTF-8, commas), SurveyMonkey, Excel in French or Spanish locales (Windows-1252,
 * semicolons) and Excel "Unicode Text" (UTF-16 LE with a BOM, tabs); none of them says which.
 */
import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { OperationError, UsageError } from '../errors.js';
import { faultOf } from '../files/index.js';
import { officeLockFile } from '../files/lock-files.js';
import { shellArg } from '../text.js';

export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows1252' | string;

export interface FileScan {
  size: number;
  sha256: string;
  /** the first bytes (up to 64 KiB), to sniff */
  head: Buffer;
  /** true when every byte sequence of the file is valid UTF-8 */
  validUtf8: boolean;
  /** multi-byte UTF-8 characters that decode fine (counting stops at a large number) */
  utf8Multibyte: number;
  /** invalid UTF-8 byte sequences (0 when validUtf8) */
  utf8Invalid: number;
}

/** Past this many good multi-byte characters, counting them more changes no decision. */
const ENOUGH_MULTIBYTE = 1_000_000;

/** Counts the good multi-byte characters and the invalid sequences of a piece of UTF-8. */
function utf8Census(bytes: Buffer): { multibyte: number; invalid: number } {
  const text = bytes.toString('utf8');
  let multibyte = 0;
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c === 0xfffd) invalid++;
    else if (c < 0xdc00 || c > 0xdfff) multibyte++; // a surrogate pair counts once
  }
  return { multibyte, invalid };
}

function countLeadBytes(bytes: Buffer): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0xc2) n++;
  return n;
}

const HEAD_BYTES = 64 * 1024;

/**
 * One pass over the file: size, SHA-256 (recorded per import batch) and whether the bytes are
 * valid UTF-8 throughout (an accented letter deep in a Windows-1252 file must not be mangled).
 */
export async function scanFile(file: string): Promise<FileScan> {
  const hash = crypto.createHash('sha256');
  const headParts: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  let valid = true;
  let multibyte = 0;
  let invalid = 0;
  let carry: Buffer = Buffer.alloc(0);
  const stream = fs.createReadStream(file, { highWaterMark: 1024 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
      if (headLength < HEAD_BYTES) {
        headParts.push(chunk.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
      }
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const cut = completeUtf8Length(bytes);
      const piece = bytes.subarray(0, cut);
      if (isUtf8(piece)) {
        // the evidence of the first 64 MiB is plenty (and keeps a huge file's scan fast)
        if (multibyte < ENOUGH_MULTIBYTE && size <= 64 * 1024 * 1024) multibyte += countLeadBytes(piece);
      } else {
        // Not all valid: count how much is, to tell a UTF-8 file with a few stray bytes from a
        // Windows-1252 one.
        valid = false;
        const census = utf8Census(piece);
        multibyte += census.multibyte;
        invalid += census.invalid;
      }
      carry = Buffer.from(bytes.subarray(cut));
    }
  } catch (e) {
    throw readError(file, e);
  }
  if (carry.length) {
    valid = false;
    invalid++;
  }
  return { size, sha256: hash.digest('hex'), head: Buffer.concat(headParts), validUtf8: valid, utf8Multibyte: multibyte, utf8Invalid: invalid };
}

export function readError(file: string, e: unknown): OperationError {
  const code = (e as NodeJS.ErrnoException).code;
  const fault = faultOf(e);
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : fault ? `${fault.what} (${fault.code})` : (e as Error).message;
  return new OperationError(`cannot read ${file}: ${why}`, { hint: fault && code !== 'ENOENT' && code !== 'EACCES' ? fault.fix : 'check the file name and that you can open it' });
}

/** Length of the prefix that ends on a UTF-8 character boundary (the rest may continue in the next chunk). */
function completeUtf8Length(bytes: Buffer): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    if (b < 0x80) return n;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return need > back ? n - back : n;
  }
  return n;
}

export type Format = 'csv' | 'xlsx';

/**
 * .xlsx files are zip archives ("PK\x03\x04"); anything else is read as delimited text. `whole`:
 * `head` holds the whole file (read once from a pipe): nothing more is read from `file`.
 */
export function detectFormat(file: string, head: Buffer, whole = false): Format {
  const lock = lockFileError(file, head);
  if (lock) throw lock;
  const document = documentKind(head);
  if (document) {
    throw new OperationError(`${file} is ${document}, not a spreadsheet`, {
      hint: 'give the spreadsheet itself (CSV, TSV or .xlsx): download it again from the tool that made it, or save it from Excel as .xlsx or CSV UTF-8',
    });
  }
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    const kind = openDocumentKind(head);
    if (kind) {
      const sheet = kind === 'spreadsheet' || kind === 'spreadsheet-template';
      const what = kind === 'spreadsheet' ? 'an OpenDocument spreadsheet (.ods)' : sheet ? 'an OpenDocument spreadsheet template (.ots)' : `an OpenDocument ${kind} file`;
      throw new OperationError(`${file} is ${what}, which skillsnet cannot read`, {
        hint: sheet ? 'in LibreOffice, File > Save As > Excel 2007-365 (.xlsx) or Text CSV, then import that file' : 'import the spreadsheet itself, saved as .xlsx or CSV',
      });
    }
    return 'xlsx';
  }
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0) {
    // An Office "compound file": an old .xls, or an .xlsx saved with a password (Excel then
    // encrypts the whole workbook into the streams EncryptionInfo and EncryptedPackage).
    const names = compoundFileNames(file, head, whole);
    if (names.includes('EncryptedPackage')) {
      throw new OperationError(`${file} is protected with a password (an encrypted workbook), which skillsnet cannot open`, {
        hint: 'open it in Excel with its password, then File > Info > Protect Workbook > Encrypt with Password, clear the password and save (or save a copy as .xlsx or CSV UTF-8), and import that file',
      });
    }
    if (names.includes('WordDocument')) {
      throw new OperationError(`${file} is an old Word document (.doc), not a spreadsheet`, { hint: 'import the spreadsheet itself, saved as .xlsx or CSV' });
    }
    throw new OperationError(`${file} is an old Excel .xls workbook, which skillsnet cannot read`, {
      hint: 'open it in Excel and save it as .xlsx or as CSV UTF-8, then import that file',
    });
  }
  return 'csv';
}

/**
 * The error for Excel's lock file given as a file to read (`*.xlsx` in a shell matches it), or
 * null when `file` is none. `shown`: the name the command's other messages give the file; `given`:
 * the path the officer gave, from which the workbook to give instead is named.
 */
export function lockFileError(file: string, head: Uint8Array, what = 'a spreadsheet', shown = file, given = shown): OperationError | null {
  const lock = officeLockFile(file, head);
  if (!lock) return null;
  const document = path.join(path.dirname(shown), path.basename(lock.document));
  // (the workbook to give is named from the path as given: from its base name alone, event
  // attendance reports/~$zoom.csv said to give zoom.csv, which is no file in the current folder)
  const toGive = path.join(path.dirname(given), path.basename(lock.document));
  return new OperationError(`${shown} is the lock file Excel keeps while ${document} is open${lock.owner ? ` (by ${lock.owner})` : ''}, not ${what}`, {
    hint: `leave it out and give ${shellArg(toGive)} itself (it can be read while open: save it first); the lock file goes when the workbook is closed`,
  });
}

/**
 * A kind of file officers pick by mistake for a spreadsheet, known by its first bytes: a PDF (the
 * report printed rather than exported), an image (a screenshot of the sheet). Null otherwise. Said
 * by name: "it holds binary data" or "its first line is not a row of column names" left the
 * officer to guess what was wrong with the file.
 */
export function documentKind(head: Uint8Array): string | null {
  // (head: the file's first bytes, at least 16 of them when the file has that many)
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  // The signatures that are text are taken whole, as the format writes them: a PDF's first line is
  // "%PDF-1.7" and nothing else, a GIF begins "GIF87a" or "GIF89a". A CSV whose first cell merely
  // begins "%PDF-" or "GIF8" ("%PDF-ref,Organization,...") was refused as a PDF or an image.
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 16)).toString('latin1');
  if (/^%PDF-\d\.\d[ \t]*[\r\n]/.test(text)) return 'a PDF document';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'an image (PNG)';
  if (starts([0xff, 0xd8, 0xff])) return 'an image (JPEG)';
  if (/^GIF8[79]a/.test(text)) return 'an image (GIF)';
  // (`import *` in the folder of skillsnet.db, the shell giving the database itself)
  if (text === 'SQLite format 3\0') return 'a SQLite database (such as a skillsnet database)';
  if (starts([0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'a rich-text document (RTF)'; // {\rtf
  return null;
}

/**
 * The names of the streams of an Office compound file (CFB), from its directory: the header gives
 * the sector size, the first directory sector and the first FAT sectors, through which the
 * directory's chain of sectors is followed. Empty when the file cannot be read as one.
 */
function compoundFileNames(file: string, head: Buffer, whole: boolean): string[] {
  if (head.length < 512) return [];
  const sectorSize = 1 << head.readUInt16LE(0x1e);
  if (sectorSize !== 512 && sectorSize !== 4096) return [];
  const names: string[] = [];
  let fd: number | undefined;
  try {
    // (a pipe read whole is not opened again: that open would wait for a writer forever)
    if (!whole) fd = fs.openSync(file, 'r');
    const sector = (n: number): Buffer => {
      if (whole) return head.subarray((n + 1) * sectorSize, (n + 2) * sectorSize);
      const b = Buffer.alloc(sectorSize);
      const read = fs.readSync(fd!, b, 0, sectorSize, (n + 1) * sectorSize);
      return b.subarray(0, read);
    };
    // the FAT sectors listed in the header (109 of them: 6.8 MB of file with 512-byte sectors, far more with 4096)
    const fatSectors: number[] = [];
    for (let i = 0; i < 109; i++) {
      const n = head.readUInt32LE(0x4c + i * 4);
      if (n >= 0xfffffffa) break;
      fatSectors.push(n);
    }
    const perSector = sectorSize / 4;
    const fatCache = new Map<number, Buffer>();
    const next = (n: number): number => {
      const fat = fatSectors[Math.floor(n / perSector)];
      if (fat === undefined) return 0xfffffffe;
      let b = fatCache.get(fat);
      if (!b) fatCache.set(fat, (b = sector(fat)));
      const at = (n % perSector) * 4;
      return at + 4 <= b.length ? b.readUInt32LE(at) : 0xfffffffe;
    };
    let dir = head.readUInt32LE(0x30);
    for (let hops = 0; dir < 0xfffffffa && hops < 1024; hops++, dir = next(dir)) {
      const b = sector(dir);
      for (let at = 0; at + 128 <= b.length; at += 128) {
        const length = b.readUInt16LE(at + 64);
        const type = b[at + 66];
        if (length >= 2 && length <= 64 && (type === 1 || type === 2)) names.push(b.subarray(at, at + length - 2).toString('utf16le'));
      }
    }
  } catch {
    // a damaged compound file: whatever names were found
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return names;
}

/**
 * The kind of an OpenDocument file ("spreadsheet", "text"...), from the stored "mimetype" entry
 * it starts with; null for any other zip. The entry's bytes are followed directly by the next
 * entry's header ("PK\x03\x04"), so they are read by their stored size (local file header:
 * compressed size at offset 18, name length at 26, extra field length at 28), not up to the
 * end of a word.
 */
function openDocumentKind(head: Buffer): string | null {
  const prefix = 'application/vnd.oasis.opendocument.';
  if (head.length >= 30) {
    const method = head.readUInt16LE(8);
    const size = head.readUInt32LE(18);
    const nameLength = head.readUInt16LE(26);
    const extraLength = head.readUInt16LE(28);
    const start = 30 + nameLength + extraLength;
    const name = head.subarray(30, 30 + nameLength).toString('latin1');
    if (name === 'mimetype' && method === 0 && size > 0 && start + size <= head.length) {
      const mimetype = head.subarray(start, start + size).toString('latin1').trim();
      return mimetype.startsWith(prefix) ? mimetype.slice(prefix.length) || null : null;
    }
  }
  // sizes left in a trailing data descriptor: media types are lower case, the next header's "PK" is not
  return /application\/vnd\.oasis\.opendocument\.([a-z]+(?:-[a-z]+)*)/.exec(head.subarray(0, 200).toString('latin1'))?.[1] ?? null;
}

export interface EncodingChoice {
  encoding: Encoding;
  /** bytes of byte-order mark to skip */
  bom: number;
}

/**
 * BOM first; then UTF-16 without BOM (NUL bytes every other byte); valid UTF-8; mostly valid
 * UTF-8 (its multi-byte characters decode and only a few bytes do not: a stray Windows-1252 byte
 * pasted into a UTF-8 file, decoded as UTF-8 with the bad bytes replaced); else Windows-1252.
 */
export function isMostlyUtf8(scan: Partial<Pick<FileScan, 'utf8Multibyte' | 'utf8Invalid'>>): boolean {
  const good = scan.utf8Multibyte ?? 0;
  const bad = scan.utf8Invalid ?? 0;
  return good > 0 && good >= 4 * bad;
}

export function detectEncoding(scan: Pick<FileScan, 'head' | 'validUtf8'> & Partial<Pick<FileScan, 'utf8Multibyte' | 'utf8Invalid'>>): EncodingChoice {
  const h = scan.head;
  if (h.length >= 3 && h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf) return { encoding: 'utf8', bom: 3 };
  const utf16Bom = h.length >= 2 && ((h[0] === 0xff && h[1] === 0xfe) || (h[0] === 0xfe && h[1] === 0xff));
  if (utf16Bom) {
    // A UTF-16 byte-order mark is believed unless the bytes after it say otherwise: a mark of the
    // other byte order, or a mark before UTF-8 text (a program that wrote the mark and then its
    // text as UTF-8) read "no participants table" or columns of Chinese characters.
    const body = nulPattern(h.subarray(2));
    const marked = h[0] === 0xff ? 'utf16le' : 'utf16be';
    if (body === 'utf16le' || body === 'utf16be') return { encoding: body, bom: 2 };
    if (body === 'none') return { encoding: isUtf8(trimPartialChar(h.subarray(2))) ? 'utf8' : 'windows1252', bom: 2 };
    return { encoding: marked, bom: 2 };
  }
  const pattern = nulPattern(h);
  if (pattern === 'utf16le' || pattern === 'utf16be') return { encoding: pattern, bom: 0 };
  if (scan.validUtf8 || isMostlyUtf8(scan)) return { encoding: 'utf8', bom: 0 };
  return { encoding: 'windows1252', bom: 0 };
}

/**
 * UTF-16 text has a NUL byte beside each ASCII character (delimiters, digits, line ends): after
 * the character in little-endian, before it in big-endian. 'none': no NUL at all in a sample long
 * enough to hold some (not UTF-16); 'unknown': too short or mixed.
 */
function nulPattern(h: Buffer): 'utf16le' | 'utf16be' | 'none' | 'unknown' {
  const sample = Math.min(h.length, 4096) & ~1;
  if (sample < 4) return 'unknown';
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (h[i] === 0) evenNul++;
    if (h[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf16be';
  if (evenNul + oddNul === 0 && sample >= 32) return 'none';
  return 'unknown';
}

/** The bytes without a UTF-8 character cut at their end (a head of a file ends anywhere). */
function trimPartialChar(b: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const c = b[b.length - back]!;
    if (c < 0x80) return b;
    if (c >= 0xc0) return b.subarray(0, b.length - back);
  }
  return b;
}

/** --encoding as the user wrote it -> a name iconv-lite knows ("latin1", "cp1252", "UTF-16"). */
export async function parseEncodingOption(value: string): Promise<Encoding> {
  const v = value.trim().toLowerCase().replace(/_/g, '-');
  // (Maps: a typed "constructor" must not find Object's own function)
  const known: ReadonlyMap<string, Encoding> = new Map(Object.entries({
    'utf8': 'utf8', 'utf-8': 'utf8', 'utf-8-sig': 'utf8', 'utf16': 'utf16le', 'utf-16': 'utf16le', 'utf-16le': 'utf16le', 'utf16le': 'utf16le',
    'utf-16be': 'utf16be', 'utf16be': 'utf16be', 'windows-1252': 'windows1252', 'cp1252': 'windows1252', 'windows1252': 'windows1252', 'ansi': 'windows1252',
  }));
  const named = known.get(v);
  if (named) return named;
  const iconv = (await import('iconv-lite')).default;
  if (iconv.encodingExists(v)) return v;
  throw new UsageError(`unknown encoding "${value}"`, { hint: 'try --encoding utf-8, --encoding windows-1252, --encoding latin1 or --encoding utf-16le' });
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** --delimiter as the user wrote it: one character, or "tab", "\t", "semicolon", "comma", "pipe". */
export function parseDelimiterOption(value: string, what = '--delimiter'): string {
  const names: ReadonlyMap<string, string> = new Map(Object.entries({ tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|', space: ' ' }));
  const v = names.get(value.toLowerCase()) ?? value;
  const hint = { hint: what === '--delimiter' ? 'for example --delimiter ";" or --delimiter tab' : `for example ${what}=";" (or unset it)` };
  // The value is shown as JSON: a line break typed as the value would otherwise split the one error line.
  if ([...v].length !== 1) throw new UsageError(`${what} must be one character (or "tab"), got ${JSON.stringify(value)}`, hint);
  // A quote or a line break cannot separate cells (CSV needs them for cells and rows), and a letter or digit would cut words and numbers apart.
  if (/["\r\n]|[\p{L}\p{N}]/u.test(v)) throw new UsageError(`${what} cannot be ${JSON.stringify(value)}: a quote, a line break, a letter or a digit does not separate cells`, hint);
  return v;
}

/**
 * The separator of a CSV written for a spreadsheet: --delimiter, else $SKILLSNET_CSV_DELIMITER
 * (an office whose Excel opens only ";" files in columns, French or Spanish, sets it once instead
 * of adding --delimiter ";" to every list, sheet and export), else undefined: the command's own.
 */
export function csvDelimiter(option: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (option !== undefined) return parseDelimiterOption(option);
  const fromEnv = env.SKILLSNET_CSV_DELIMITER;
  return fromEnv === undefined || fromEnv === '' ? undefined : parseDelimiterOption(fromEnv, 'SKILLSNET_CSV_DELIMITER');
}

/**
 * The delimiter of a CSV text from its first lines: the candidate that appears (outside quotes)
 * the same number of times on most lines, preferring more columns. An Excel "sep=;" line wins.
 */
export function detectDelimiter(text: string): string {
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) return sep[1]!;
  const lines = splitLogicalLines(text, 30);
  if (!lines.length) return ',';
  let best = { delimiter: ',', score: -1 };
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    if (counts[0] === 0) continue;
    const header = counts[0]!;
    const agreeing = counts.filter((c) => c === header).length;
    const consistency = agreeing / counts.length;
    // consistent lines matter most; among equally consistent candidates, more columns wins
    const score = consistency * 1000 + Math.min(header, 500) / 1000;
    if (score > best.score) best = { delimiter: d, score };
  }
  return best.delimiter;
}

/** Lines of a CSV text, keeping quoted newlines inside their line; the last partial line dropped when more than one. */
function splitLogicalLines(text: string, max: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < max; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (ch === 10 && !quoted) {
      const line = text.slice(start, i).replace(/\r$/, '');
      if (line.trim()) lines.push(line);
      start = i + 1;
    }
  }
  if (lines.length === 0 && text.trim()) lines.push(text.slice(start));
  return lines;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/**
 * Control characters (NUL above all) are rare in text exports and everywhere in binary files.
 * A few lone NULs are a text export's slip (SurveyMonkey writes one in each blank cell of some
 * second header rows); runs of them, or many, are a binary file.
 */
export function looksBinary(head: Buffer, encoding: Encoding): boolean {
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
