import { CheckedOutput } from '../files/stdout.js';

let stdout: CheckedOutput | undefined;

/**
 * This process's stdout as a checked, synchronous output (output/stdout.ts), one for the whole
 * run so that what it learns (a closed pipe, the file's mode checked) holds for every writer.
 * process.stdout itself is left alone: opening it on a pipe makes the pipe non-blocking, and
 * its writes to a pipe or a file are not checked by the time the process exits.
 */
export function processStdout(): CheckedOutput {
  stdout ??= new CheckedOutput(1, Math.round(performance.timeOrigin));
  return stdout;
}
