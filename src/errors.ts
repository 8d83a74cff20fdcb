/**
 * Errors that the CLI turns into one `error:` line and an exit code.
 * Exit codes are decided in one place (src/cli/main.ts) from these types.
 */
export class CliError extends Error {
  readonly exitCode: number;
  readonly hint?: string;
  /** Optional JSON document printed on stdout with --json (e.g. infeasible selection). */
  readonly json?: unknown;
  constructor(message: string, options: { exitCode?: number; hint?: string; json?: unknown } = {}) {
    super(message);
    this.name = 'CliError';
    this.exitCode = options.exitCode ?? 1;
    this.hint = options.hint;
    this.json = options.json;
  }
}

/** The operation failed: bad file, no recognisable columns, infeasible quotas... Exit 1. */
export class OperationError extends CliError {
  constructor(message: string, options: { hint?: string; json?: unknown } = {}) {
    super(message, { ...options, exitCode: 1 });
    this.name = 'OperationError';
  }
}

/** The command was used wrongly: unknown code, missing flag, bad value. Exit 2. */
export class UsageError extends CliError {
  constructor(message: string, options: { hint?: string } = {}) {
    super(message, { ...options, exitCode: 2 });
    this.name = 'UsageError';
  }
}

/** The user stopped the operation (Ctrl-C, or answered no). Exit 130 for a signal. */
export class InterruptedError extends CliError {
  constructor(message = 'interrupted; nothing from the unfinished step was saved') {
    super(message, { exitCode: 130 });
    this.name = 'InterruptedError';
  }
}

/**
 * The program reading our output went away (`skillsnet list | head`): not a failure. The command
 * stops writing, and the CLI exits 0 without a message, as a pipeline expects.
 */
export class OutputClosedError extends CliError {
  constructor() {
    super('the output was closed by the program reading it', { exitCode: 0 });
    this.name = 'OutputClosedError';
  }
}

/**
 * Standard output could not be written (a full disk behind `> file`, /dev/full): the error says
 * what the command had saved by then, when it said (main.ts), since the report is what failed.
 */
export class OutputWriteError extends OperationError {
  /**
   * `remedy`: what to do about the output ("free some space on the disk the output goes to, …");
   * the hint adds "then run the command again", which main.ts leaves out once the work was saved.
   */
  constructor(message: string, readonly remedy: string) {
    super(message, { hint: `${remedy}, then run the command again` });
    this.name = 'OutputWriteError';
  }
}

/**
 * The terminal the output went to is gone (its window closed, the SSH session dropped) and writing
 * to it failed (EIO): the terminal's hang-up, ended as SIGHUP ends a command (exit 129, one line
 * saying what was kept), never "cannot write the output" and an exit that aborts Node.
 */
export class TerminalGoneError extends CliError {
  constructor() {
    super('the terminal was closed', { exitCode: 129 });
    this.name = 'TerminalGoneError';
  }
}
