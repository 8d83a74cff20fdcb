/**
 * Keys typed ahead while a command that asks questions waits (for another program's write lock):
 * read and kept, then given to the next question. Unread, they stayed in the terminal until the
 * next question started, which takes what is already there for stale keystrokes and drops it
 * (inquirer does, on purpose): an officer who answered ahead lost the answer and sat before a
 * question they thought answered.
 *
 * While keeping, the terminal is in raw mode (keys come one by one, not echoed over the waiting
 * message); Ctrl-C is then a byte, not a signal, and is turned back into SIGINT.
 */
import type { ReadStream } from 'node:tty';

const CTRL_C = 0x03;

let kept: Buffer[] = [];
let keeping = false;

type Terminal = Pick<ReadStream, 'isTTY' | 'isRaw' | 'setRawMode' | 'on' | 'removeListener' | 'resume' | 'pause' | 'emit' | 'isPaused'>;

/** Starts keeping what is typed on the terminal; returns how to stop (what was kept waits for the next question). */
export function keepTypedKeys(input: Terminal = process.stdin as unknown as Terminal): () => void {
  if (!input.isTTY || keeping) return () => {};
  keeping = true;
  const wasRaw = input.isRaw;
  const wasPaused = input.isPaused();
  const onData = (chunk: Buffer | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const interrupt = bytes.indexOf(CTRL_C);
    if (interrupt >= 0) {
      if (interrupt > 0) kept.push(bytes.subarray(0, interrupt));
      process.kill(process.pid, 'SIGINT');
      return;
    }
    kept.push(bytes);
  };
  try {
    input.setRawMode(true);
  } catch {
    // (a terminal already gone: nothing to keep)
    keeping = false;
    return () => {};
  }
  input.on('data', onData);
  input.resume();
  return () => {
    if (!keeping) return;
    keeping = false;
    input.removeListener('data', onData);
    if (wasPaused) input.pause();
    try {
      input.setRawMode(wasRaw);
    } catch {
      /* the terminal closed meanwhile: its hang-up says so */
    }
  };
}

/**
 * Gives the kept keys to a question that has just started: after its first turn of the event loop,
 * once it listens (what arrives before, it drops as stale).
 */
export function replayTypedKeys(input: Pick<Terminal, 'emit'> = process.stdin): void {
  if (kept.length === 0) return;
  const keys = kept;
  kept = [];
  setImmediate(() => {
    for (const chunk of keys) input.emit('data', chunk);
  });
}

/** Keys kept and not yet given to a question (for tests). */
export function typedKeysKept(): number {
  return kept.reduce((n, b) => n + b.length, 0);
}
