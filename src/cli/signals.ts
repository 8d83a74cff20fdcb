/**
 * Ctrl-C and clean-up. Writes in progress register a clean-up (remove a temporary
 * file, roll back), or listen to the interrupt signal handed to the library; on SIGINT/SIGTERM
 * the signal is aborted, the clean-ups run, a one-line message is printed and the process exits
 * 130. SQLite rolls back an uncommitted transaction by itself.
 */
const cleanups = new Set<() => void>();
const interrupt = new AbortController();

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

export function installSignalHandlers(stderr: { write(s: string): unknown }): void {
  if (installed) return;
  installed = true;
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      interrupt.abort();
    } catch {
      /* best effort while exiting */
    }
    runCleanups();
    stderr.write(`\nerror: interrupted (${signal}); work in progress was rolled back, nothing half-written was kept\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
