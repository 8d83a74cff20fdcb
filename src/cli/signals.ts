/**
 * Ctrl-C and clean-up. Writes in progress register a clean-up (remove a temporary
 * file, roll back), or listen to the interrupt signal handed to the library; on SIGINT/SIGTERM
 * the signal is aborted, the clean-ups run, one line says what was kept, and the process exits
 * 130 (143 for SIGTERM). SQLite rolls back an uncommitted transaction by itself.
 *
 * The handler runs as soon as the event loop is free: long steps keep it free (the solver runs
 * in a worker thread, tagging pauses between saved batches, reading is streamed), so the
 * process ends within a second of Ctrl-C.
 */
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

/** What an interruption would leave now, as the handler will say it. */
export function interruptOutcome(): string {
  return outcome();
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

let installed = false;
let finished = false;

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
  const onSignal = (signal: NodeJS.Signals) => {
    if (finished) process.exit(process.exitCode ?? 0);
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
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
