/**
 * The faults an officer's machine meets (a full disk, a read-only USB stick, a folder owned by
 * someone else, a closed pipe, a locked or damaged database), each with its own words and what
 * to do about it. Everything that reports a failed read or write asks here, so the same fault
 * reads the same everywhere and never as "this is unexpected".
 */
import fs from 'node:fs';
import { OperationError } from '../errors.js';

export interface Fault {
  /** The errno (ENOSPC) or SQLite (SQLITE_FULL) code. */
  code: string;
  /** What happened, in the officer's words ("the disk is full"). */
  what: string;
  /** What to do about it. */
  fix: string;
}

const SPACE = 'free some space on that disk (or write somewhere else), then run the command again';
const PERMISSION = 'choose a place you may write to, or ask whoever owns it for access';

const ERRNO: Record<string, Omit<Fault, 'code'>> = {
  ENOSPC: { what: 'the disk is full', fix: SPACE },
  EDQUOT: { what: 'your disk quota is used up', fix: 'delete files you no longer need (or write somewhere else), then run the command again' },
  EFBIG: { what: 'the file is larger than this disk accepts (FAT32 USB sticks hold files of at most 4 GB)', fix: 'write to another disk, or export less (filters such as --region)' },
  EACCES: { what: 'permission denied', fix: PERMISSION },
  EPERM: { what: 'the operation is not permitted', fix: PERMISSION },
  EROFS: { what: 'the disk is read-only', fix: 'write to another place (a USB stick may have a write-protect switch)' },
  EISDIR: { what: 'it is a folder', fix: 'give the name of a file' },
  ENOTDIR: { what: 'a part of the path is a file, not a folder', fix: 'check the path' },
  ENOENT: { what: 'no such file or folder', fix: 'check the path' },
  ENAMETOOLONG: { what: 'the name is too long', fix: 'choose a shorter name or folder' },
  ELOOP: { what: 'the path has too many symbolic links', fix: 'check the path' },
  EIO: { what: 'the disk reported an input/output error', fix: 'the disk may be failing or was unplugged: check it, and write somewhere else' },
  ENXIO: { what: 'the device is not there', fix: 'check the disk is still connected' },
  EMFILE: { what: 'too many files are open', fix: 'close other programs, then run the command again' },
  ENFILE: { what: 'too many files are open on this computer', fix: 'close other programs, then run the command again' },
  EBUSY: { what: 'the file is in use by another program', fix: 'close the program using it, then run the command again' },
  ETXTBSY: { what: 'the file is in use by another program', fix: 'close the program using it, then run the command again' },
  EPIPE: { what: 'the program reading the output has stopped', fix: 'check the command after the pipe (|)' },
  ECONNRESET: { what: 'the program reading the output has stopped', fix: 'check the command after the pipe (|)' },
  EAGAIN: { what: 'the output is not ready for writing', fix: 'run the command again' },
  ESPIPE: { what: 'it cannot be read from the start again (a pipe)', fix: 'save it to a file first' },
  EXDEV: { what: 'the file cannot be moved across disks', fix: 'choose a place on the same disk' },
};

/** SQLite's own codes for the same faults (better-sqlite3 puts them on `code`). */
const SQLITE: [RegExp, Omit<Fault, 'code'>][] = [
  [/^SQLITE_FULL/, { what: 'the disk is full', fix: SPACE }],
  [/^SQLITE_READONLY/, { what: 'the database cannot be written here (a read-only file, folder or disk)', fix: 'make the database writable again (chmod 600 FILE) or work on a copy in a folder you can write to' }],
  [/^SQLITE_(BUSY|LOCKED)/, { what: 'another program is holding a lock on the database', fix: 'wait for the other skillsnet command (or the program that has the file open) to finish, then run the command again' }],
  [/^SQLITE_(CORRUPT|NOTADB)/, { what: 'the database file is damaged or is not a database', fix: 'run skillsnet db check; restore your latest backup if it says the file is damaged' }],
  [/^SQLITE_CANTOPEN/, { what: 'SQLite cannot open the database here (missing, not permitted, or a read-only folder)', fix: 'check the path given to --db and that you may read and write its folder' }],
  [/^SQLITE_PERM|^SQLITE_AUTH/, { what: 'access to the database was denied', fix: 'check the permissions of the database file and its folder' }],
  [/^SQLITE_IOERR/, { what: 'the disk reported an input/output error while reading or writing the database', fix: 'check the disk (free space, still connected), then run skillsnet db check' }],
];

/**
 * Whether the disk holding `folder` is (all but) full. SQLite reports a full disk met while it
 * sizes its shared memory or syncs as an I/O error (SQLITE_IOERR_SHMSIZE): the free space tells
 * the two apart.
 */
export function diskFull(folder: string): boolean {
  try {
    const s = fs.statfsSync(folder);
    return s.bavail * s.bsize < 64 * 1024;
  } catch {
    return false;
  }
}

/**
 * The fault behind an error, when it is one of the expected ones. `folder`: where it happened,
 * so that an input/output error on a full disk is called a full disk.
 */
export function faultOf(e: unknown, folder?: string): Fault | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (folder && (code === 'EIO' || code.startsWith('SQLITE_IOERR')) && diskFull(folder)) return { code, ...ERRNO.ENOSPC! };
  const errno = ERRNO[code];
  if (errno) return { code, ...errno };
  for (const [pattern, fault] of SQLITE) if (pattern.test(code)) return { code, ...fault };
  return undefined;
}

/** Whether an error is a closed pipe (`skillsnet list | head`): not a failure. */
export function isClosedPipe(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ECONNRESET';
}

export interface FaultContext {
  /** What was being done, as a verb phrase with its object: "write contacts.csv", "read call.csv". */
  action: string;
  /** What happened to earlier data, said after the fault: "the earlier file was kept". */
  kept?: string;
  /** How to do it elsewhere, added to the fix: "choose another place with --out". */
  elsewhere?: string;
  /** The folder written to, to tell a full disk behind an input/output error. */
  folder?: string;
}

/**
 * An expected fault as one error: "cannot write contacts.csv: the disk is full (ENOSPC); the
 * earlier file was kept", with what to do as the hint. Anything else is returned unchanged
 * (an unexpected error keeps its own message and stack).
 */
export function faultError(e: unknown, context: FaultContext): unknown {
  if (e instanceof OperationError) return e;
  const fault = faultOf(e, context.folder);
  if (!fault) return e;
  const fix = /^(read|open) /.test(context.action) && (fault.code === 'EACCES' || fault.code === 'EPERM') ? READ_PERMISSION : fault.fix;
  return new OperationError(`cannot ${context.action}: ${fault.what} (${fault.code})${context.kept ? `; ${context.kept}` : ''}`, {
    hint: context.elsewhere ? `${fix}; or ${context.elsewhere}` : fix,
  });
}

/** A file that may not be read: the write-side fix ("choose a place you may write to") does not apply. */
const READ_PERMISSION = 'check that you may read the file (ls -l shows who may), or ask whoever owns it for access, or copy it somewhere you can read it';

/** The words for a failed system call of Node ("open", "write"...), for a fault met outside any context. */
export function faultMessage(e: unknown): { message: string; hint: string } | undefined {
  const fault = faultOf(e);
  if (!fault) return undefined;
  const err = e as NodeJS.ErrnoException;
  const verb: Record<string, string> = { open: 'open', read: 'read', write: 'write', fsync: 'save', rename: 'rename', link: 'save', mkdir: 'create the folder', unlink: 'remove', scandir: 'list', stat: 'look at', lstat: 'look at', copyfile: 'copy', chmod: 'change the mode of' };
  const action = fault.code.startsWith('SQLITE_') ? 'use the database' : err.syscall ? `${verb[err.syscall] ?? err.syscall}${err.path ? ` ${err.path}` : ''}` : 'go on';
  return { message: `cannot ${action}: ${fault.what} (${fault.code})`, hint: fault.fix };
}
