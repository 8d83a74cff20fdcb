/**
 * Random access to the parts of a zip archive (an .xlsx workbook) by name, through its central
 * directory (yauzl): a part is streamed from its own byte range, whatever its place in the archive.
 *
 * Why not read the archive front to back: a workbook's sheets can only be read once the shared
 * strings are known, and Excel (like exceljs) stores sharedStrings.xml after the sheets; exceljs's
 * streaming reader then parks every sheet in a temporary file and, with several sheets, sometimes
 * stops listing the archive's parts early, so cells came back as unresolved {sharedString: n}
 * objects and sheets went missing. Read by name, the parts come in the order the reader needs.
 */
import type { Readable } from 'node:stream';
import type { Entry, ZipFile } from 'yauzl';

export interface ZipPart {
  name: string;
  compressedSize: number;
  size: number;
  /** the CRC-32 of its content, from the archive's directory */
  crc32: number;
}

/**
 * How far a workbook may expand: 1 GiB of parts in all (a call of 100,000 applications is a few
 * hundred MB of sheet XML), and no part more than 200 times its stored size once past 64 MiB
 * (real sheets compress 5 to 30 times; a zip bomb, a thousand times). Checked on the archive's
 * directory before anything is inflated; yauzl then holds every part to its declared size.
 */
export const MAX_WORKBOOK_BYTES = 1024 * 1024 * 1024;
export const MAX_EXPANSION_RATIO = 200;
const RATIO_CHECKED_ABOVE = 64 * 1024 * 1024;

/** A workbook that would expand past the limits above. */
export class ZipBombError extends Error {
  constructor(why: string) {
    super(why);
    this.name = 'ZipBombError';
  }
}

export class NotAZipError extends Error {
  constructor(why: string) {
    super(why);
    this.name = 'NotAZipError';
  }
}

export class ZipArchive {
  private constructor(
    private readonly zip: ZipFile,
    readonly fileSize: number,
    readonly parts: Map<string, ZipPart>,
    private readonly entries: Map<string, Entry>,
  ) {}

  /**
   * Reads the archive's directory; the file stays open until close(). An archive already read
   * into memory (a quotas workbook that came through a pipe, which cannot be read again) is
   * given as its bytes.
   */
  static async open(file: string | Buffer): Promise<ZipArchive> {
    const yauzl = (await import('yauzl')).default;
    const zip = await new Promise<ZipFile>((resolve, reject) => {
      const done = (err: Error | null, z?: ZipFile) => (err || !z ? reject(new NotAZipError(err?.message ?? 'not a zip archive')) : resolve(z));
      if (typeof file === 'string') yauzl.open(file, { lazyEntries: true, autoClose: false }, done);
      else yauzl.fromBuffer(file, { lazyEntries: true }, done);
    });
    try {
      const entries = new Map<string, Entry>();
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: Entry) => {
          if (!entry.fileName.endsWith('/')) entries.set(entry.fileName.replace(/^\//, ''), entry);
          zip.readEntry();
        });
        zip.on('end', () => resolve());
        zip.on('error', (e: Error) => reject(new NotAZipError(e.message)));
        zip.readEntry();
      });
      const parts = new Map([...entries].map(([name, e]) => [name, { name, compressedSize: e.compressedSize, size: e.uncompressedSize, crc32: e.crc32 }] as [string, ZipPart]));
      checkExpansion([...parts.values()]);
      return new ZipArchive(zip, zip.fileSize, parts, entries);
    } catch (e) {
      zip.close();
      throw e;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * A part's content as a stream (inflated). `onBytes` gets about how many of the part's stored
   * bytes were read so far (in proportion to what was inflated), for a progress bar.
   */
  async stream(name: string, onBytes?: (storedBytesRead: number) => void): Promise<Readable> {
    const entry = this.entries.get(name);
    if (!entry) throw new NotAZipError(`no part ${name} in the archive`);
    const stream = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, (err, s) => (err || !s ? reject(new NotAZipError(err?.message ?? `cannot read ${name}`)) : resolve(s))),
    );
    if (onBytes && entry.uncompressedSize > 0) {
      let read = 0;
      stream.on('data', (chunk: Buffer) => onBytes(Math.round(((read += chunk.length) * entry.compressedSize) / entry.uncompressedSize)));
    }
    return stream;
  }

  /** Closes the file (streams still being read end with an error). */
  close(): void {
    this.zip.close();
  }
}

/**
 * What a zip archive that is not an Excel workbook is, for the error (null: it is a workbook, or
 * its names could not be read):
 * a Word or PowerPoint file, or an archive, naming the spreadsheets it holds.
 */
export function notAWorkbook(parts: Iterable<string>): { what: string; hint: string } | null {
  const names = [...parts];
  // (no names read: nothing to say it is anything else)
  if (!names.length || names.some((n) => n.startsWith('xl/'))) return null;
  const save = 'give the spreadsheet itself (CSV, TSV or .xlsx), or save the table from that program as .xlsx or CSV UTF-8';
  if (names.includes('word/document.xml')) return { what: 'a Word document (.docx), not a spreadsheet', hint: save };
  if (names.includes('ppt/presentation.xml')) return { what: 'a PowerPoint presentation (.pptx), not a spreadsheet', hint: save };
  const sheets = names.filter((n) => /\.(csv|tsv|txt|xlsx)$/i.test(n) && !/(^|\/)(__MACOSX|\.)/.test(n));
  if (sheets.length) {
    const shown = sheets.slice(0, 3).join(', ') + (sheets.length > 3 ? `, and ${sheets.length - 3} more` : '');
    return { what: `a zip archive holding ${shown}, not an Excel workbook`, hint: 'unzip it and give the files inside' };
  }
  return { what: 'a zip archive, not an Excel workbook', hint: `unzip it and give the spreadsheet inside; ${save}` };
}

/**
 * The names in a zip archive held in memory, from its central directory (empty when none is
 * found): for a message about what the archive is, where opening it with yauzl is not wanted.
 */
export function zipEntryNames(bytes: Buffer): string[] {
  // the end-of-central-directory record: within the last 64 KiB (its comment) and 22 bytes
  const from = Math.max(0, bytes.length - 65_557);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < from || end + 22 > bytes.length) return [];
  const count = bytes.readUInt16LE(end + 10);
  const names: string[] = [];
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < count && at + 46 <= bytes.length && bytes.readUInt32LE(at) === 0x02014b50; i++) {
    const nameLength = bytes.readUInt16LE(at + 28);
    names.push(bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return names;
}

/** Refuses an archive whose parts would expand past MAX_WORKBOOK_BYTES or MAX_EXPANSION_RATIO. */
export function checkExpansion(parts: readonly Omit<ZipPart, 'crc32'>[]): void {
  let total = 0;
  for (const p of parts) {
    total += p.size;
    if (p.size > RATIO_CHECKED_ABOVE && p.size > MAX_EXPANSION_RATIO * Math.max(1, p.compressedSize)) {
      const ratio = Math.round(p.size / Math.max(1, p.compressedSize));
      throw new ZipBombError(`a part of it would expand ${ratio.toLocaleString('en-US')} times (to ${mb(p.size)}); the limit is ${MAX_EXPANSION_RATIO} times`);
    }
  }
  if (total > MAX_WORKBOOK_BYTES) throw new ZipBombError(`it would expand to ${mb(total)}; the limit is ${mb(MAX_WORKBOOK_BYTES)}`);
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MB`;
}
