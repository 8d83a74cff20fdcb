import { Chalk, type ChalkInstance } from 'chalk';
import type { Prompts } from '../ui/prompts.js';

/** Something text can be written to: process.stdout, or a buffer in tests. */
export interface TextSink {
  write(chunk: string): unknown;
}

/**
 * Everything a command needs from the outside world. Commands never touch
 * process.stdout/stderr/env directly, so tests can drive them with fakes.
 */
export interface IO {
  stdout: TextSink;
  stderr: TextSink;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Colours for stdout (level 0 when not a terminal, NO_COLOR or --no-color). */
  color: ChalkInstance;
  /** Colours for stderr. */
  errColor: ChalkInstance;
  quiet: boolean;
  debug: boolean;
  /** Answer yes to every question (--yes). */
  yes: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Terminal width for tables, 80 when unknown. */
  columns: number;
  /** Interactive prompts; only valid when canPrompt(io). Loaded lazily. */
  prompts: () => Promise<Prompts>;
}

/** Prompts are allowed only when both stdin and stdout are terminals. */
export function canPrompt(io: IO): boolean {
  return io.stdinIsTTY && io.stdoutIsTTY;
}

/** A status message on stderr, silenced by --quiet. */
export function info(io: IO, message: string): void {
  if (!io.quiet) io.stderr.write(message + '\n');
}

/** A warning on stderr; shown even with --quiet. */
export function warn(io: IO, message: string): void {
  io.stderr.write(io.errColor.yellow('warning: ') + message + '\n');
}

export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean, noColorFlag: boolean): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY && env.TERM !== 'dumb';
}

export function processIO(flags: { noColor?: boolean; quiet?: boolean; debug?: boolean; yes?: boolean } = {}): IO {
  const env = process.env;
  const stdoutIsTTY = Boolean(process.stdout.isTTY);
  const stderrIsTTY = Boolean(process.stderr.isTTY);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY,
    stderrIsTTY,
    color: new Chalk({ level: colorEnabled(env, stdoutIsTTY, Boolean(flags.noColor)) ? 1 : 0 }),
    errColor: new Chalk({ level: colorEnabled(env, stderrIsTTY, Boolean(flags.noColor)) ? 1 : 0 }),
    quiet: Boolean(flags.quiet),
    debug: Boolean(flags.debug),
    yes: Boolean(flags.yes),
    env,
    cwd: process.cwd(),
    columns: process.stdout.columns || 80,
    prompts: async () => (await import('../ui/prompts.js')).inquirerPrompts(),
  };
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
