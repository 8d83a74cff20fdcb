/**
 * The lock file Excel (and Word) keeps beside a document while it is open: `~$Candidatures.xlsx`,
 * a hundred and sixty-odd bytes naming who has it open. `*.xlsx` in a shell matches it, and the
 * import then stopped on it with "no column found for the organisation and email; columns in the
 * file: A, B", which said nothing of a workbook left open in Excel.
 */
import fs from 'node:fs';
import path from 'node:path';

/** A lock file is this small; a file of that name that is larger is somebody's data. */
const MAX_LOCK_FILE_BYTES = 1024;

export interface OfficeLockFile {
  /** The document it locks: the file of its folder, named as `file` names the folder (`exports/call.xlsx`). */
  document: string;
  /** Who has the document open, as the lock file names them; null when it cannot be read. */
  owner: string | null;
}

/**
 * The document a lock file stands for, or null when `file` is no lock file. `head`: the file's
 * first bytes when they have been read already (the whole of a lock file); otherwise they are read
 * here, and a file that cannot be read is no lock file (its reader then says why).
 */
export function officeLockFile(file: string, head?: Uint8Array): OfficeLockFile | null {
  const base = path.basename(file);
  if (!base.startsWith('~$') || base.length <= 2) return null;
  let bytes = head;
  if (!bytes) {
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile() || stat.size > MAX_LOCK_FILE_BYTES) return null;
      bytes = fs.readFileSync(file);
    } catch {
      return null;
    }
  }
  if (bytes.length === 0 || bytes.length > MAX_LOCK_FILE_BYTES) return null;
  // (a workbook or an old Office file that merely bears such a name is read as what it is)
  const magic = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4)).toString('hex');
  if (magic === '504b0304' || magic === 'd0cf11e0') return null;
  // (nor is a table: a lock file's name in UTF-16 and its length field hold NUL bytes, which a CSV
  // or a text file never does, unless written in UTF-16, when it begins with a byte-order mark)
  if (!bytes.includes(0) || /^(fffe|feff|efbbbf)/.test(magic)) return null;
  return { document: path.join(path.dirname(file), lockedDocument(file)), owner: lockOwner(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
}

/**
 * Excel names the lock file "~$" and the whole name (`~$Book.xlsx`); Word, for a long name, puts
 * "~$" in place of its first two letters (`~$cument.docx` for `Document.docx`): the file beside it
 * that fits, else the name without "~$".
 */
function lockedDocument(file: string): string {
  const base = path.basename(file);
  const rest = base.slice(2);
  try {
    const entries = fs.readdirSync(path.dirname(file));
    if (entries.includes(rest)) return rest;
    const replaced = entries.find((e) => e !== base && !e.startsWith('~$') && e.length === base.length && e.endsWith(rest));
    if (replaced) return replaced;
  } catch {
    // (a folder that cannot be listed: the name as the lock file gives it)
  }
  return rest;
}

/**
 * The name the lock file holds: its first byte is the length of the name, written after it in the
 * system's 8-bit code page and padded to 54 bytes; then the length again (2 bytes) and the name in
 * UTF-16. The UTF-16 one keeps every accent; either is taken only when it reads as a name.
 */
function lockOwner(bytes: Buffer): string | null {
  const printable = (s: string) => (s.trim() && !/[\u0000-\u001f\u007f-\u009f\ufffd]/.test(s) ? s.trim() : null);
  const n = bytes[0] ?? 0;
  if (n >= 1 && n <= 53 && bytes.length >= 1 + n) {
    if (bytes.length >= 56 + 2 * n && bytes.readUInt16LE(54) === n) {
      const wide = printable(bytes.subarray(56, 56 + 2 * n).toString('utf16le'));
      if (wide) return wide;
    }
    return printable(bytes.subarray(1, 1 + n).toString('latin1'));
  }
  return null;
}
