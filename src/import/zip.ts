/**
 * Random access to the parts of a zip archive (an .xlsx workbook) by name, through its central
 * directory: a part is streamed from its own byte range, whatever its place in the archive.
 *
 * Why not read the archive front to back: a workbook's sheets can only be read once the shared
 * strings are known, and Excel (like exceljs) stores sharedStrings.xml after the sheets; exceljs's
 * streaming reader then parks every sheet in a temporary file and, with several sheets, sometimes
 * stops listing the archive's parts early, so cells came back as unresolved {sharedString: n}
 * objects and sheets went missing. Read by name, the parts come in the order the reader needs.
 */
import fs from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  compressedSize: number;
  size: number;
  /** offset of the part's local file header */
  headerOffset: number;
}

export class NotAZipError extends Error {
  constructor(why: string) {
    super(why);
    this.name = 'NotAZipError';
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;

export class ZipArchive {
  private constructor(
    readonly file: string,
    readonly fileSize: number,
    readonly parts: Map<string, ZipPart>,
  ) {}

  static async open(file: string): Promise<ZipArchive> {
    const handle = await fs.promises.open(file, 'r');
    try {
      const { size } = await handle.stat();
      const tailLength = Math.min(size, 22 + MAX_COMMENT);
      const tail = await readAt(handle, size - tailLength, tailLength);
      let eocd = -1;
      for (let i = tail.length - 22; i >= 0; i--) {
        if (tail.readUInt32LE(i) === EOCD) {
          eocd = i;
          break;
        }
      }
      if (eocd < 0) throw new NotAZipError('no zip directory at the end of the file (the file is cut short or not a zip)');
      let count = tail.readUInt16LE(eocd + 10);
      let dirSize = tail.readUInt32LE(eocd + 12);
      let dirOffset = tail.readUInt32LE(eocd + 16);
      if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
        // zip64: the real figures are in the zip64 end record the locator just before points to
        const at = size - tailLength + eocd - 20;
        if (at < 0) throw new NotAZipError('a zip64 directory without its locator');
        const locator = await readAt(handle, at, 20);
        if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new NotAZipError('a zip64 directory without its locator');
        const record = await readAt(handle, Number(locator.readBigUInt64LE(8)), 56);
        if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new NotAZipError('a broken zip64 directory');
        count = Number(record.readBigUInt64LE(32));
        dirSize = Number(record.readBigUInt64LE(40));
        dirOffset = Number(record.readBigUInt64LE(48));
      }
      if (dirOffset + dirSize > size) throw new NotAZipError('the zip directory points beyond the end of the file (the file is cut short)');
      const dir = await readAt(handle, dirOffset, dirSize);
      const parts = new Map<string, ZipPart>();
      let p = 0;
      for (let n = 0; n < count; n++) {
        if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL_ENTRY) throw new NotAZipError('a broken zip directory');
        const method = dir.readUInt16LE(p + 10);
        let compressedSize = dir.readUInt32LE(p + 20);
        let uncompressed = dir.readUInt32LE(p + 24);
        const nameLength = dir.readUInt16LE(p + 28);
        const extraLength = dir.readUInt16LE(p + 30);
        const commentLength = dir.readUInt16LE(p + 32);
        let headerOffset = dir.readUInt32LE(p + 42);
        const name = dir.subarray(p + 46, p + 46 + nameLength).toString('utf8');
        // zip64 sizes and offset, for the fields marked 0xFFFFFFFF, in this order
        let e = p + 46 + nameLength;
        const extraEnd = e + extraLength;
        while (e + 4 <= extraEnd) {
          const id = dir.readUInt16LE(e);
          const length = dir.readUInt16LE(e + 2);
          if (id === 0x0001) {
            let q = e + 4;
            if (uncompressed === 0xffffffff) (uncompressed = Number(dir.readBigUInt64LE(q))), (q += 8);
            if (compressedSize === 0xffffffff) (compressedSize = Number(dir.readBigUInt64LE(q))), (q += 8);
            if (headerOffset === 0xffffffff) headerOffset = Number(dir.readBigUInt64LE(q));
          }
          e += 4 + length;
        }
        parts.set(name.replace(/^\//, ''), { name, method, compressedSize, size: uncompressed, headerOffset });
        p = extraEnd + commentLength;
      }
      return new ZipArchive(file, size, parts);
    } finally {
      await handle.close();
    }
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  /**
   * A part's content as a stream (inflated). `onBytes` gets how many of the part's stored bytes
   * were read so far. Destroying the stream closes the file.
   */
  async stream(name: string, onBytes?: (storedBytesRead: number) => void): Promise<Readable> {
    const part = this.parts.get(name);
    if (!part) throw new NotAZipError(`no part ${name} in the archive`);
    if (part.method !== 0 && part.method !== 8) throw new NotAZipError(`${name} is compressed with method ${part.method}, which is not supported`);
    const handle = await fs.promises.open(this.file, 'r');
    let header: Buffer;
    try {
      header = await readAt(handle, part.headerOffset, 30);
    } finally {
      await handle.close();
    }
    if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new NotAZipError(`a broken entry for ${name}`);
    const start = part.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const out = new PassThrough({ highWaterMark: 256 * 1024 });
    if (part.compressedSize === 0) {
      out.end();
      return out;
    }
    const raw = fs.createReadStream(this.file, { start, end: start + part.compressedSize - 1, highWaterMark: 256 * 1024 });
    let read = 0;
    if (onBytes) raw.on('data', (chunk) => onBytes((read += chunk.length)));
    const inflate = part.method === 8 ? zlib.createInflateRaw() : new PassThrough();
    const fail = (e: Error) => out.destroy(e);
    raw.on('error', fail);
    inflate.on('error', fail);
    // whoever stops reading early destroys `out`: close the file and the inflater with it
    out.on('close', () => {
      raw.destroy();
      inflate.destroy();
    });
    raw.pipe(inflate).pipe(out);
    return out;
  }
}

async function readAt(handle: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new NotAZipError('the file ends inside the zip directory (it is cut short)');
    done += bytesRead;
  }
  return buffer;
}
