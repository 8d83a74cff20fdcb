/**
 * Where a file may be written: a new path, or (with --force) an existing regular file. Devices,
 * named pipes, sockets and folders are never replaced, even with --force: `--out /dev/full
 * --force` run as root once turned the device into a file holding every contact.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OperationError } from '../errors.js';
import { faultError } from './faults.js';

export type TargetState =
  /** Nothing there yet. */
  | { kind: 'new'; path: string }
  /** A regular file (perhaps through a symbolic link: `path` is the file itself, the link stays). */
  | { kind: 'file'; path: string };

/** What a non-regular path is, in words. */
export function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a device';
  if (stat.isBlockDevice()) return 'a disk device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The hint names `--out -` only when the command can print there (`stdout`): `db backup
 * /dev/full --force` was told to use an `--out -` that `db backup` does not have.
 */
function refuse(file: string, what: string, stdout: boolean): OperationError {
  return new OperationError(`${file} is ${what}, not a file: skillsnet writes only regular files there, even with --force`, {
    hint: what === 'a folder' ? 'give the name of a file inside it' : `give the path of a file${stdout ? ' (or --out - to print on stdout)' : ''}`,
  });
}

/**
 * Checks a path before anything is written: refuses devices, pipes, sockets and folders (and
 * symbolic links to them) whatever `force` says, and an existing file without `force`.
 * `stdout`: the command can print on stdout with `--out -` (said in the hint for a device).
 */
export function checkTarget(file: string, options: { force: boolean; what?: string; stdout?: boolean }): TargetState {
  let link: fs.Stats;
  try {
    link = fs.lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'new', path: file };
    throw faultError(e, { action: `write ${file}` });
  }
  let stat = link;
  let target = file;
  if (link.isSymbolicLink()) {
    try {
      target = fs.realpathSync(file);
      stat = fs.statSync(target);
    } catch (e) {
      // A link to nothing: writing through it would create a file elsewhere; replacing it, lose the link.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new OperationError(`${file} is a symbolic link to a file that does not exist`, { hint: 'remove the link, or give another name' });
      }
      throw faultError(e, { action: `write ${file}` });
    }
  }
  if (!stat.isFile()) throw refuse(file, kindOf(stat), Boolean(options.stdout));
  if (!options.force) {
    throw new OperationError(`${file} already exists`, { hint: `add --force to replace it, or choose another ${options.what ?? '--out'}` });
  }
  return { kind: 'file', path: target };
}

/**
 * Creates a folder (and its parents) readable by the owner only (0700), as every folder that
 * will hold personal data; a folder that exists keeps its mode. Returns the folder.
 */
export function makePrivateFolder(dir: string): string {
  // Folder by folder from the deepest that exists, not Node's recursive mkdir: that one spins
  // for ever where mkdir answers ENOENT under a parent that exists (/proc/x/y), and answers
  // ENOENT for a read-only disk (EROFS) or other refusals instead of the real fault.
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (!fs.existsSync(at)) {
    const up = path.dirname(at);
    if (up === at) break;
    missing.unshift(at);
    at = up;
  }
  if (!missing.length && !fs.statSync(at).isDirectory()) throw new OperationError(`${dir} is a file, not a folder`, { hint: 'choose another place' });
  for (const m of missing) {
    try {
      fs.mkdirSync(m, { mode: 0o700 });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && fs.statSync(m).isDirectory()) continue; // another command made it meanwhile
      if (code === 'EEXIST' || code === 'ENOTDIR') throw new OperationError(`${code === 'EEXIST' ? m : path.dirname(m)} is a file, not a folder`, { hint: 'choose another place' });
      throw faultError(e, { action: `create the folder ${dir}` });
    }
  }
  return dir;
}

/**
 * A new private folder (mkdtemp: 0700) in the temporary folder, for a copy that holds personal
 * data. A TMPDIR that is missing, read-only or full read as "cannot mkdtemp
 * /x/skillsnet-input-XXXXXX: check the path", which did not say that TMPDIR was the path.
 */
export function makePrivateTempFolder(prefix: string): string {
  const tmp = os.tmpdir();
  try {
    return fs.mkdtempSync(path.join(tmp, prefix));
  } catch (e) {
    const named = process.env.TMPDIR ? `the temporary folder ${tmp} (TMPDIR)` : `the temporary folder ${tmp}`;
    throw faultError(e, {
      action: `make a private folder in ${named}`,
      folder: fs.existsSync(tmp) ? tmp : undefined,
      elsewhere: 'point TMPDIR at a folder you may write to, on a disk with room',
    });
  }
}

/**
 * Makes a rename or a new file in a folder durable: without it, a power cut right after
 * "Wrote ..." can leave the folder pointing at the old file (or none). Folders that cannot be
 * synced (some network and Windows file systems) are left as they are.
 */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EIO' || code === 'ENOSPC' || code === 'EDQUOT') throw e;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
