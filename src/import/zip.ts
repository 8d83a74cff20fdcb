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
      const parts = new Map([...entries].map(([name, e]) => [name, { name, compressedSize: e.compressedSize, size: e.uncompressedSize }] as [string, ZipPart]));
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

/** Refuses an archive whose parts would expand past MAX_WORKBOOK_BYTES or MAX_EXPANSION_RATIO. */
export function checkExpansion(parts: ZipPart[]): void {
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
