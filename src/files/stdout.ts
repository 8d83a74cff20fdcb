/**
 * Standard output as the data channel of a command (`list --json`, `rejects --csv`, `export …
 * --out -`): written synchronously and checked, so a full disk behind `> file` or `> /dev/full`
 * is an error (exit 1) instead of a silent success, and everything is out before the process
 * exits. A reader that goes away (`| head`) ends the command quietly with success.
 */
import fs from 'node:fs';
import { OutputClosedError, OutputWriteError, TerminalGoneError } from '../errors.js';
import type { TextSink } from '../reporting.js';
import { faultOf, isClosedPipe } from './faults.js';
import { isGoneTerminal, rememberTerminal } from './terminals.js';
import { writeAllSync } from './write.js';

/** A file descriptor written to synchronously, every byte checked. */
export class CheckedOutput implements TextSink {
  /** Bytes written so far. */
  bytes = 0;
  /** The reader went away; what is written after that is dropped. */
  closed = false;
  private checkedMode = false;
  /** `fd`: 1 for stdout; `started`: when the process started (epoch ms), to tell a file the shell just created. */
  constructor(readonly fd: number, private readonly started: number = Date.now()) {
    // (a terminal that is gone answers isatty no: which one it was is noted now)
    rememberTerminal(fd);
  }

  write(chunk: string | Uint8Array): boolean {
    if (this.closed) throw new OutputClosedError();
    try {
      this.bytes += writeAllSync(this.fd, chunk);
    } catch (e) {
      if (isClosedPipe(e)) {
        this.closed = true;
        throw new OutputClosedError();
      }
      // (a terminal whose other end closed fails every write with EIO: its hang-up, not a disk's fault;
      // the descriptor reused for a file is not that terminal, and its EIO is the disk's)
      if ((e as NodeJS.ErrnoException).code === 'EIO' && isGoneTerminal(this.fd)) throw new TerminalGoneError();
      const fault = faultOf(e);
      throw new OutputWriteError(`cannot write the output: ${fault ? `${fault.what} (${fault.code})` : (e as Error).message}`,
        fault?.code === 'ENOSPC' || fault?.code === 'EDQUOT'
          ? 'free some space on the disk the output goes to, or send it elsewhere (another file or --out FILE)'
          : 'check where the output is redirected (> FILE or | program)');
    }
    return true;
  }

  /**
   * Before personal data goes out: when the output is a regular file that others may read, make
   * it private (0600) if the shell has just created it for this command (`> fix.csv`), else say
   * so. Returns the warning to show, if any. Pipes and terminals are left alone.
   */
  protect(): string | undefined {
    if (this.checkedMode) return undefined;
    this.checkedMode = true;
    let stat: fs.Stats;
    try {
      stat = fs.fstatSync(this.fd);
    } catch {
      return undefined;
    }
    if (!stat.isFile() || (stat.mode & 0o077) === 0) return undefined;
    // (where the file system keeps no birth time: `> FILE` over an older file sets its change time
    // to now, not its access time, and that file's mode is its owner's to keep)
    const born = stat.birthtimeMs > 0 ? stat.birthtimeMs : Math.min(stat.ctimeMs, stat.atimeMs);
    const ours = typeof process.geteuid !== 'function' || stat.uid === process.geteuid();
    // Made by the shell for this command: empty, ours, born a moment before the process started.
    if (ours && stat.size === 0 && this.bytes === 0 && born >= this.started - 10_000) {
      try {
        fs.fchmodSync(this.fd, 0o600);
        return undefined;
      } catch {
        /* said below */
      }
    }
    const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
    return `the output goes to a file other users of this computer can read (mode ${mode}) and it holds personal data; make it private with chmod 600 FILE`;
  }
}
