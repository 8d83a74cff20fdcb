/**
 * How library functions talk to whoever calls them, without printing: a place to write text,
 * status lines, warnings and progress arrive through these, and the CLI renders them (stderr,
 * colours, a progress bar); a script or a test may log or ignore them.
 */

/** Something text can be written to: process.stdout, or a buffer in tests. */
export interface TextSink {
  write(chunk: string): unknown;
}

/**
 * Something the officer should know about what was done, shown even with --quiet.
 * `code` names the situation (for scripts and tests); `message` says it in words.
 */
export interface Warning {
  code: string;
  message: string;
}

/** How far a long step has come; `finished` once it is over (done or failed). */
export interface ProgressEvent {
  /** What is being done ("tagging", the file being read). */
  label: string;
  done: number;
  total: number;
  /** The unit of done and total, for display ("read", "applications"). */
  unit?: string;
  finished?: boolean;
}

/** The callbacks every long-running library function accepts; all optional. */
export interface Callbacks {
  /** A status line: what is being done or was decided (the CLI shows it unless --quiet). */
  onStatus?: (message: string) => void;
  onWarning?: (warning: Warning) => void;
  onProgress?: (progress: ProgressEvent) => void;
}

/** A Warning from a code and its message. */
export function warning(code: string, message: string): Warning {
  return { code, message };
}
