/**
 * Ctrl-C and clean-up. Writes in progress register a clean-up (remove a temporary
 * file, roll back), or listen to the interrupt signal handed to the library; on SIGINT/SIGTERM
 * the signal is aborted, the clean-ups run, one line says what was kept, and the process exits
 * 130 (143 for SIGTERM, 129 for SIGHUP). SQLite rolls back an uncommitted transaction by itself.
 *
 * The handler runs as soon as the event loop is free: long steps keep it free (the solver runs
 * in a worker thread, tagging pauses between saved batches, reading is streamed), so the
 * process ends within a second of Ctrl-C.
 */
import fs from 'node:fs';
import tty from 'node:tty';
import { isGoneTerminal, rememberedTerminals, rememberTerminal } from '../files/terminals.js';
const cleanups = new Set<() => void>();
const interrupt = new AbortController();

/** What an interruption leaves, said when it comes; a command that keeps work in steps says which. */
const DEFAULT_OUTCOME = 'work in progress was rolled back, nothing half-written was kept';

/** What an interrupted export leaves: it writes its files only at the end, atomically. */
export const EXPORT_INTERRUPTED = 'nothing was written (a file of that name from before is as it was)';
let outcome: () => string = () => DEFAULT_OUTCOME;

/**
 * Says what Ctrl-C would leave from now on ("120 applications were tagged and kept; the rest
 * were not"). Returns a function that puts the default back.
 */
export function setInterruptOutcome(describe: () => string): () => void {
  outcome = describe;
  return () => {
    outcome = () => DEFAULT_OUTCOME;
  };
}

/** The default words again: a new command (main run again in one process) has saved nothing yet. */
export function resetInterruptOutcome(): void {
  outcome = () => DEFAULT_OUTCOME;
}

/** What the command said its work leaves now, if it said (undefined: the default words). */
export function commandOutcome(): string | undefined {
  const said = outcome();
  return said === DEFAULT_OUTCOME ? undefined : said;
}

/**
 * What the command said it had saved, for a report that could not be written: its words, but
 * not an export's, which are of the files it writes at the end, not of the output that failed.
 */
export function savedOutcome(): string | undefined {
  const said = commandOutcome();
  return said === EXPORT_INTERRUPTED ? undefined : said;
}

/** What an interruption would leave now, as the handler will say it. */
export function interruptOutcome(): string {
  return outcome();
}

/**
 * What a question answered with Ctrl-C leaves (the prompt ends the command, no signal comes):
 * the command's own words when it set them ("nothing was erased"), else that nothing after the
 * question was saved (tag review keeps the decisions made before it).
 */
export function cancelledOutcome(): string {
  return commandOutcome() ?? 'nothing more was saved';
}

/** Aborted when the process is interrupted; library functions roll back on it. */
export function interruptSignal(): AbortSignal {
  return interrupt.signal;
}

export function addCleanup(fn: () => void): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

export function runCleanups(): void {
  for (const fn of [...cleanups]) {
    try {
      fn();
    } catch {
      /* best effort while exiting */
    }
  }
  cleanups.clear();
}

/**
 * The signals that end a command as Ctrl-C does, with the shell's exit code for each (128 + its
 * number): SIGTERM from kill or a service manager, SIGHUP when the terminal closes (an SSH session
 * dropped), which otherwise ended the process on the spot and left its temporary files behind.
 */
const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * Ends the process after an interruption. A hang-up on a terminal ends it by the signal itself
 * (the shell sees 129 all the same): process.exit gives a terminal a question had put in raw mode
 * its settings back, and on a closed terminal that failed and aborted Node (an assertion and a
 * native stack trace, exit 134 or 139).
 */
function exitBy(signal: NodeJS.Signals, code: number): void {
  if (signal === 'SIGHUP' && stdinWasTerminal) {
    process.removeAllListeners('SIGHUP');
    process.kill(process.pid, 'SIGHUP');
    // (should the signal not end it at once)
    setTimeout(() => process.exit(code), 1000).unref();
    return;
  }
  process.exit(code);
}

/** Whether stdin was a terminal at start (a closed one answers isatty no). */
let stdinWasTerminal = false;
/** Ends the process as its terminal's hang-up does (set once the handlers are installed). */
let hangUp: (() => void) | undefined;
let installed = false;
let finished = false;
/** Work that cannot stop halfway, under way now: an interruption waits for it (finishBeforeExit). */
let unstoppable: Promise<string | undefined> | undefined;
/** What that work leaves should it stop before its end (finishBeforeExit's `ifFailed`), while it runs. */
let unstoppableIfStopped: string | undefined;

/**
 * Work under way that must not stop halfway (erase's rebuild of the file, in a worker thread, so
 * the process still hears Ctrl-C): an interruption says what was kept, waits for the work to end
 * (saying `ifFailed` should it fail) and then exits. Returns a function that forgets it.
 */
export function finishBeforeExit(work: Promise<unknown>, ifFailed: string): () => void {
  const settled = work.then(() => undefined, (e: unknown) => `${ifFailed} (${e instanceof Error ? e.message : String(e)})`);
  unstoppable = settled;
  unstoppableIfStopped = ifFailed;
  void settled.then(() => {
    if (unstoppable === settled) unstoppableIfStopped = undefined;
  });
  return () => {
    if (unstoppable === settled) unstoppable = undefined;
  };
}

/**
 * After work an interruption waited for: when Ctrl-C came, the process is about to exit and the
 * command goes no further (it would print a result or set an exit code of its own).
 */
export async function stopIfInterrupted(): Promise<void> {
  if (interrupt.signal.aborted) await new Promise(() => undefined);
}

/**
 * The command is over (its result printed, its exit code set): a Ctrl-C from now on changes
 * nothing, and must not report an interruption of work that was completed.
 */
export function markFinished(): void {
  finished = true;
}

export function installSignalHandlers(stderr: { write(s: string): unknown }): void {
  if (installed) return;
  installed = true;
  let heard = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (finished) process.exit(process.exitCode ?? 0);
    // (a second Ctrl-C while unstoppable work finishes: the first one's line said it)
    if (heard) return;
    heard = true;
    try {
      interrupt.abort();
    } catch {
      /* best effort while exiting */
    }
    runCleanups();
    let kept = DEFAULT_OUTCOME;
    try {
      kept = outcome();
    } catch {
      /* the default says it */
    }
    stderr.write(`\nerror: interrupted (${signal}); ${kept}\n`);
    const code = EXIT_CODES[signal] ?? 130;
    if (!unstoppable) exitBy(signal, code);
    void unstoppable?.then((failed) => {
      if (failed) stderr.write(`warning: ${failed}\n`);
      exitBy(signal, code);
    });
  };
  for (const signal of Object.keys(EXIT_CODES) as NodeJS.Signals[]) process.on(signal, onSignal);
  // The terminal closing while a question waits for its answer ends the terminal's input, often
  // before SIGHUP arrives: the prompt, giving the terminal back, then died with a stack trace
  // (setRawMode EIO) and no word of what was kept. The end of a terminal's input is its hang-up.
  // (Only a terminal: a piped stdin is read by `import -`, and its end is the file's.)
  stdinWasTerminal = tty.isatty(0);
  for (const fd of [0, 1, 2]) rememberTerminal(fd);
  process.on('exit', releaseGoneTerminals);
  hangUp = () => onSignal('SIGHUP');
  if (stdinWasTerminal) process.stdin.once('end', () => onSignal('SIGHUP'));
  // The read can fail instead (EIO) when the terminal's other end is gone. The question's reader
  // (inquirer's readline) has no handler for that: it came as an uncaught exception, and Node, giving
  // the closed terminal its settings back on the way out, aborted (exit 139, a native stack trace).
  // That failure is the hang-up too. Anything else uncaught is a fault of ours: one line, not a trace.
  process.on('uncaughtException', (e) => {
    if (terminalGone(e)) {
      onSignal('SIGHUP');
      return;
    }
    // After an interruption the process is on its way out: a write of ours failing now (the reader
    // gone) changes nothing. Any other fault while work that cannot stop finishes was swallowed, and
    // that work might then never end, every later signal waited out with it: only SIGKILL stopped
    // the process. The fault is said, with what the work leaves, and the process ends.
    const stopping = heard ? unstoppableIfStopped : undefined;
    if (heard && (!stopping || (e as NodeJS.ErrnoException | undefined)?.syscall === 'write')) return;
    const err = e as Error | undefined;
    stderr.write(`error: ${err?.message ?? String(e)}\n`);
    if (process.argv.includes('--debug') && err?.stack) stderr.write(err.stack + '\n');
    else stderr.write('  this is unexpected; run again with --debug and report the output\n');
    if (stopping) stderr.write(`warning: ${stopping}\n`);
    process.exit(1);
  });
}

/**
 * A terminal that is gone: stdin was one at start and reading it fails with EIO, or setting its
 * raw mode does; or a write fails
 * with EIO (progress or a message on stderr) and a stream that was a terminal at start is one no
 * longer (a closed terminal answers isatty no; a disk's EIO leaves the terminals as they were).
 */
export function terminalGone(e: unknown): boolean {
  const err = e as NodeJS.ErrnoException | undefined;
  if (err?.code !== 'EIO') return false;
  if (err.syscall === 'read') return stdinWasTerminal;
  // (only a terminal has a raw mode: the question's reader giving it back after the answer, the
  // terminal already closed; it was "cannot setRawMode: the disk reported an input/output error", exit 1)
  if (err.syscall === 'setRawMode') return true;
  return err.syscall === 'write' && rememberedTerminals().some(isGoneTerminal);
}

/**
 * On the way out: a standard stream that was a terminal at start and is one no longer (closed
 * under the command, which went on to its end: an import finishing after the SSH session dropped)
 * is pointed at /dev/null. Node, exiting, gives each terminal it started on its settings back,
 * and on a closed one that failed and aborted it (exit 134, a native stack trace) instead of the
 * command's own exit code; a stream that is no longer the file it started on, Node leaves alone,
 * and so does this: a descriptor closed, or reused for a file (the database, an export, a file the
 * embedding program put there), is not the terminal, and closing it lost what was still to be written.
 */
export function releaseGoneTerminals(): void {
  for (const fd of rememberedTerminals()) {
    if (fd > 2 || !isGoneTerminal(fd)) continue;
    try {
      fs.closeSync(fd);
      // (the lowest free descriptor: the one just closed)
      const opened = fs.openSync('/dev/null', fd === 0 ? 'r' : 'w');
      if (opened !== fd) fs.closeSync(opened);
    } catch {
      /* best effort while exiting */
    }
  }
}

/**
 * The command met its terminal gone (a write to it failed: TerminalGoneError): it ends as the
 * hang-up ends it, with the one line saying what was kept and exit 129 by the signal itself
 * (exiting otherwise, Node aborts giving the closed terminal its settings back).
 */
export function terminalHungUp(): void {
  hangUp?.();
}
