import type { ChalkInstance } from 'chalk';
import type { TextSink } from '../reporting.js';
import type { Prompts } from './prompts.js';

export type { TextSink };

/**
 * Everything a command needs from the outside world. Commands never touch
 * process.stdout/stderr/env directly, so tests can drive them with fakes.
 */
export interface IO {
  stdout: TextSink;
  stderr: TextSink;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** Whether stdout is a regular file (`> apps.csv`, not a pipe or a terminal): CSV there is for a spreadsheet. */
  stdoutIsFile?: boolean;
  /**
   * Whether that file already holds text (`>> apps.csv`, or a second command of `( … ; … ) > f`):
   * a byte-order mark there would land in the middle of it, read as part of a cell.
   */
  stdoutFileHasText?: boolean;
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
  /**
   * When stdout is a file others may read: makes it private if the shell has just created it,
   * else returns a warning (absent in tests and where stdout is not a file descriptor).
   */
  protectStdout?: () => string | undefined;
}

/**
 * Call before personal data (contacts, rejected rows, application details) goes to stdout:
 * `skillsnet rejects --csv > fix.csv` then leaves a file readable by its owner only, and a
 * file it cannot make private is named in a warning.
 */
export function personalOutput(io: IO): void {
  const warning = io.protectStdout?.();
  if (warning) warn(io, warning);
}

/** Prompts are allowed only when both stdin and stdout are terminals. */
export function canPrompt(io: IO): boolean {
  return io.stdinIsTTY && io.stdoutIsTTY;
}

/**
 * Why a command that asks questions cannot ask here, naming the stream that is not a terminal
 * (`tag review > out.txt` was told that neither its input nor its output was one).
 */
export function noTerminalReason(io: Pick<IO, 'stdinIsTTY' | 'stdoutIsTTY'>): string {
  if (io.stdinIsTTY && !io.stdoutIsTTY) return 'its output goes to a file or a pipe here: run it without > or |';
  if (!io.stdinIsTTY && io.stdoutIsTTY) return 'its input comes from a file or a pipe here: run it without < or |';
  return 'neither its input nor its output is one here';
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
