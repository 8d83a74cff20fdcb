import { Chalk } from 'chalk';
import fs from 'node:fs';
import tty from 'node:tty';
import { processStdout } from './stdout.js';
import { colorEnabled, type IO } from '../ui/io.js';

// The IO a command gets is defined with the terminal helpers in ui/io.ts; what is here builds
// one for this process (processIO) or for a test (bufferIO).
export { canPrompt, colorEnabled, info, noTerminalReason, personalOutput, warn, type IO, type TextSink } from '../ui/io.js';

export { processStdout } from './stdout.js';

export function processIO(flags: { noColor?: boolean; quiet?: boolean; debug?: boolean; yes?: boolean } = {}): IO {
  const env = process.env;
  // The prompt library (and any other that colours by itself) reads NO_COLOR and FORCE_COLOR, not
  // our flag: --no-color sets the one and drops the other (which would win) for this process, so
  // that every line on the terminal honours the flag.
  if (flags.noColor) {
    env.NO_COLOR = '1';
    delete env.FORCE_COLOR;
  }
  const stdoutIsTTY = tty.isatty(1);
  const stderrIsTTY = Boolean(process.stderr.isTTY);
  const out = processStdout();
  return {
    stdout: out,
    protectStdout: () => out.protect(),
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY,
    ...stdoutFile(),
    stderrIsTTY,
    color: new Chalk({ level: colorEnabled(env, stdoutIsTTY, Boolean(flags.noColor)) ? 1 : 0 }),
    errColor: new Chalk({ level: colorEnabled(env, stderrIsTTY, Boolean(flags.noColor)) ? 1 : 0 }),
    quiet: Boolean(flags.quiet),
    debug: Boolean(flags.debug),
    yes: Boolean(flags.yes),
    env,
    cwd: process.cwd(),
    columns: terminalColumns(env, stdoutIsTTY ? process.stdout.columns : undefined),
    prompts: async () => (await import('../ui/prompts.js')).inquirerPrompts(),
  };
}

/**
 * The width to fit: COLUMNS when it is set to a width (as ls and Python's tools honour it:
 * `COLUMNS=60 skillsnet list` was laid out for the whole window), else the terminal's, else 80.
 */
export function terminalColumns(env: NodeJS.ProcessEnv, terminal: number | undefined): number {
  const set = /^\s*\d+\s*$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : 0;
  if (set >= 20 && set <= 10_000) return set;
  return terminal || 80;
}

/** An IO for tests: captures output, pretends to be (or not be) a terminal. */
export function bufferIO(options: Partial<Omit<IO, 'stdout' | 'stderr'>> & { tty?: boolean } = {}) {
  let out = '';
  let err = '';
  const tty = options.tty ?? false;
  const io: IO = {
    stdout: { write: (s: string) => { out += s; return true; } },
    stderr: { write: (s: string) => { err += s; return true; } },
    stdinIsTTY: tty,
    stdoutIsTTY: tty,
    stderrIsTTY: tty,
    color: new Chalk({ level: 0 }),
    errColor: new Chalk({ level: 0 }),
    quiet: false,
    debug: false,
    yes: false,
    env: {},
    cwd: process.cwd(),
    columns: 100,
    prompts: async () => { throw new Error('no prompts in this test'); },
    ...options,
  };
  return { io, stdout: () => out, stderr: () => err };
}

/**
 * Whether stdout is a regular file (a redirection to a file, not a pipe or a terminal) and whether
 * it already holds text: one fstat for both.
 */
function stdoutFile(): { stdoutIsFile: boolean; stdoutFileHasText: boolean } {
  try {
    const stat = fs.fstatSync(1);
    return { stdoutIsFile: stat.isFile(), stdoutFileHasText: stat.isFile() && stat.size > 0 };
  } catch {
    return { stdoutIsFile: false, stdoutFileHasText: false };
  }
}
