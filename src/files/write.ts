/**
 * Files written whole or not at all. The data goes to a temporary file born 0600 in the same
 * folder; every byte the system accepted is counted (a short write is a full disk, not a
 * success), the file is synced, then renamed into place and the folder synced. Any failure
 * removes the temporary file and leaves the earlier file as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { OperationError } from '../errors.js';
import { faultError } from './faults.js';
import { checkTarget, makePrivateFolder, syncFolder, type TargetState } from './target.js';

export interface WriteOptions {
  /** Replace an existing regular file (never a device, a pipe or a folder). */
  force: boolean;
  /** How the officer names the destination in a hint ("--out", "the backup FILE"); default "--out". */
  what?: string;
  /** The command can print on stdout instead (`--out -`): a refusal of a device says so. */
  stdout?: boolean;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `data` to a file descriptor, or throws: fs.writeSync may write fewer bytes than
 * asked (a disk that just filled up, a pipe), and a descriptor in non-blocking mode (a pipe
 * shared with a parent) answers EAGAIN while the reader catches up.
 */
export function writeAllSync(fd: number, data: string | Uint8Array): number {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let offset = 0;
  let waited = 0;
  while (offset < bytes.length) {
    let n: number;
    try {
      n = fs.writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN' && waited < 600_000) {
        // The reader is slow: wait a little, without spinning, and try again.
        Atomics.wait(pause, 0, 0, 5);
        waited += 5;
        continue;
      }
      throw e;
    }
    if (n <= 0) throw Object.assign(new Error('no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    offset += n;
  }
  return bytes.length;
}

/** A file being written: chunks go to a hidden temporary file until commit() renames it into place. */
export interface PendingFile {
  /** The destination. */
  readonly path: string;
  /** Appends bytes; throws (and removes the temporary file) when they cannot all be written. */
  write(chunk: string | Uint8Array): void;
  /** Syncs, closes and renames into place (then syncs the folder). */
  commit(): void;
  /** Closes and removes the temporary file (after an error elsewhere). */
  abort(): void;
}

/**
 * Four hex digits naming where a process id means something: the machine (its name and this boot
 * of it) and the process-id namespace. A container run with the host's name (--network host,
 * --uts host) or two machines given the same name have ids of their own: by the name alone, one's
 * file in a shared folder was taken for the other's, its id looked up there, and a live writer's
 * file removed when that id named no process or a later one.
 */
export function machineTag(hostname: string, pidNamespace: string, bootId: string): string {
  return crypto.createHash('sha256').update(`${hostname}\0${pidNamespace}\0${bootId}`).digest('hex').slice(0, 4);
}

function readOr(read: () => string): string {
  try {
    return read().trim();
  } catch {
    return '';
  }
}

const MACHINE = machineTag(os.hostname(), readOr(() => fs.readlinkSync('/proc/self/ns/pid')), readOr(() => fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8')));

/**
 * A temporary file of `file` for process `pid` on this machine: `.NAME.<pid>-<start>.<machine><random>.tmp`,
 * `start` being when that process started (Linux's clock ticks since the boot; left out where it
 * cannot be read): a process of that id that started at another tick only reused the id.
 */
export function tempPathFor(file: string, pid = process.pid, start = startTicks(pid)): string {
  const id = start === null ? `${pid}` : `${pid}-${start}`;
  return path.join(path.dirname(file), `.${path.basename(file)}.${id}.${MACHINE}${crypto.randomBytes(4).toString('hex')}.tmp`);
}

/**
 * How long a temporary file another machine wrote (a folder on a network drive, a container's
 * volume), or one named without its machine (an earlier skillsnet), must have been left untouched
 * before it is taken for a killed export's: its process id cannot be asked about here.
 */
export const FOREIGN_TEMP_IDLE_MS = 60 * 60 * 1000;

/**
 * Removes the temporary files of `file` (tempPathFor's names) that a killed export left: one
 * killed while it wrote (SIGKILL, the machine switched off) could not remove its own, and it stayed
 * beside the export, hidden, holding what the export held, whatever later exports did. Only this
 * user's regular files, and only one no process can still be writing:
 * - one of this machine whose process no longer runs, or whose process id now names a process that
 *   started at another tick than its name gives (the id reused: that process is not its writer;
 *   a name without the start, an earlier skillsnet's: one that started after the file was last
 *   written).
 *   A process still running that may have written it (another export of the same file, this
 *   process) keeps its file; so does one this user may not signal when its start cannot be read;
 * - one of another machine (or named without its machine, an earlier skillsnet) once untouched for
 *   FOREIGN_TEMP_IDLE_MS: its process id is another machine's and is never asked about here (taken
 *   for a dead one, the file another computer was writing into the shared folder was removed; taken
 *   for a live one, a process of that id here kept a dead export's file for as long as it ran).
 */
function removeStaleTemps(file: string): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const parts = /^(\d+)(?:-(\d+))?\.([0-9a-f]{4})?[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    if (!parts) continue;
    const pid = Number(parts[1]);
    const start = parts[2] === undefined ? undefined : Number(parts[2]);
    const temp = path.join(dir, name);
    try {
      const stat = fs.lstatSync(temp);
      if (!stat.isFile() || (process.getuid && stat.uid !== process.getuid())) continue;
      if (parts[3] === MACHINE ? pid === process.pid || (start === undefined ? mayBeWriting(pid, stat.mtimeMs) : isWriter(pid, start)) : Date.now() - stat.mtimeMs < FOREIGN_TEMP_IDLE_MS) continue;
      fs.rmSync(temp, { force: true });
    } catch {
      /* not ours to remove after all: left as it was */
    }
  }
}

/**
 * How much later than a file's last write its process's start may appear and that process still
 * be its writer: the boot time the start is counted from is given in whole seconds.
 */
const START_SLACK_MS = 2000;

/**
 * Whether process `pid` of this machine may be writing a file last written at `writtenMs`: it runs
 * (one of another user's answers EPERM: it runs), and did not start after that write; a process
 * that started later has only reused the id of the one that wrote it (a process id is reused once
 * the ids wrap round, and a container's few processes get the same small ids again on each start).
 */
export function mayBeWriting(pid: number, writtenMs: number): boolean {
  if (!running(pid)) return false;
  const started = processStartMs(pid);
  return started === null || started <= writtenMs + START_SLACK_MS;
}

/**
 * Whether process `pid` of this machine is the one that started at tick `start` (the start its
 * temporary file's name gives): the file's last-written time is not asked, a time set by another
 * clock (a network drive's server, behind this machine's) or by a copy or `touch` made a live
 * writer's file look older than its process, and it was removed under it. Where the start cannot
 * be read, a running process is taken for the writer.
 */
function isWriter(pid: number, start: number): boolean {
  if (!running(pid)) return false;
  const now = startTicks(pid);
  return now === null || now === start;
}

/** Whether a process of this id runs (one of another user's answers EPERM: it runs). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux counts a process's start in ticks of 1/100 s (USER_HZ) since the boot. */
const TICKS_PER_SECOND = 100;

/**
 * When process `pid` started (ms since the epoch), from Linux's /proc; null where it cannot be read
 * (another system, /proc hidden): the process is then taken for the file's writer.
 */
export function processStartMs(pid: number): number | null {
  const ticks = startTicks(pid);
  if (ticks === null) return null;
  try {
    const boot = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'));
    return boot ? Number(boot[1]) * 1000 + (ticks * 1000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

/** When process `pid` started, in clock ticks since the boot (Linux's /proc); null where it cannot be read. */
export function startTicks(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // (the command name, in brackets, may hold spaces and brackets: the fields follow the last ')')
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    return Number.isSafeInteger(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

/** The outermost folder on the way to `dir` that does not exist yet (what writing there would create), or null. */
function missingFolder(dir: string): string | null {
  let missing: string | null = null;
  for (let d = path.resolve(dir); !fs.existsSync(d); d = path.dirname(d)) {
    missing = d;
    if (path.dirname(d) === d) break;
  }
  return missing;
}

/** Removes the folders a failed write created, from `dir` up to `top`, while they are empty: "nothing was written" leaves nothing. */
function removeCreatedFolders(dir: string, top: string | null): void {
  if (!top) return;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    try {
      fs.rmdirSync(d);
    } catch {
      return; // not empty (or gone): stop there
    }
    if (d === top || path.dirname(d) === d) return;
  }
}

function keptWords(target: TargetState): string {
  return target.kind === 'file' ? `the earlier ${path.basename(target.path)} was kept as it was` : 'nothing was written';
}

/** The files this process renamed into place, in order. */
const written: string[] = [];

/**
 * The files this process has written whole so far (renamed into place): what an export
 * interrupted after its write, or whose report could not be printed, has written.
 */
export function writtenFiles(): readonly string[] {
  return written;
}

/**
 * Opens a file for an atomic write. Checks the destination first (a new path, or an existing
 * regular file with force), creates its folder when missing (0700). Without force, the final
 * step links rather than renames, so a file that appeared meanwhile is still not replaced.
 */
export function openPendingFile(file: string, options: WriteOptions): PendingFile {
  let target = checkTarget(file, options);
  const created = missingFolder(path.dirname(target.path));
  makePrivateFolder(path.dirname(target.path));
  removeStaleTemps(target.path);
  const fail = (e: unknown, action = `write ${file}`) => faultError(e, { action, kept: keptWords(target), elsewhere: `choose another ${options.what ?? '--out'}`, folder: path.dirname(target.path) });
  const temp = tempPathFor(target.path);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    // The umask can only take permissions away, but a 0600 file must not depend on it.
    fs.fchmodSync(fd, 0o600);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    removeCreatedFolders(path.dirname(target.path), created);
    throw fail(e, `write in ${path.dirname(target.path)}`);
  }
  let open = true;
  const close = () => {
    if (open) {
      open = false;
      fs.closeSync(fd!);
    }
  };
  const discard = () => {
    try {
      close();
    } catch {
      /* the descriptor is gone either way */
    }
    fs.rmSync(temp, { force: true });
    removeCreatedFolders(path.dirname(target.path), created);
  };
  return {
    path: file,
    write(chunk) {
      try {
        writeAllSync(fd!, chunk);
      } catch (e) {
        discard();
        throw fail(e);
      }
    },
    commit() {
      try {
        fs.fsyncSync(fd!);
        close();
        // Checked again just before the rename: a device or a pipe may have been put there meanwhile.
        target = checkTarget(file, options);
        if (options.force) {
          fs.renameSync(temp, target.path);
        } else {
          try {
            fs.linkSync(temp, target.path);
            fs.unlinkSync(temp);
          } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            if (code === 'EEXIST') throw new OperationError(`${file} already exists`, { hint: `add --force to replace it, or choose another ${options.what ?? '--out'}` });
            if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
            // File systems without hard links (FAT USB sticks): the check above has to do.
            fs.renameSync(temp, target.path);
          }
        }
        written.push(target.path);
        syncFolder(path.dirname(target.path));
      } catch (e) {
        discard();
        throw fail(e);
      }
    },
    abort: discard,
  };
}

/** Writes a whole file atomically. */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: WriteOptions): void {
  writeFilesAtomic([{ path: file, data }], options);
}

/**
 * Writes several files that belong together (elements.csv and connections.csv): all are
 * checked and written to temporary files first, then renamed, so a refusal or a full disk
 * leaves none of them half-done.
 */
export function writeFilesAtomic(files: { path: string; data: string | Uint8Array }[], options: WriteOptions): void {
  for (const f of files) checkTarget(f.path, options);
  // (files that share a new folder: the folder each would create, known before the first creates it)
  const created = files.map((f) => missingFolder(path.dirname(path.resolve(f.path))));
  const removeFolders = () => files.forEach((f, i) => removeCreatedFolders(path.dirname(path.resolve(f.path)), created[i]!));
  const pending: PendingFile[] = [];
  try {
    for (const f of files) {
      const p = openPendingFile(f.path, options);
      pending.push(p);
      p.write(f.data);
    }
  } catch (e) {
    for (const p of pending) p.abort();
    removeFolders();
    throw e;
  }
  // Renamed one after the other: a failure here (rare once every byte is on the disk) can leave
  // the first file new and the rest as they were, never one of them half-written.
  for (const [i, p] of pending.entries()) {
    try {
      p.commit();
    } catch (e) {
      for (const rest of pending.slice(i + 1)) rest.abort();
      throw e;
    }
  }
}
