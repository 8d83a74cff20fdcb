import path from 'node:path';
import { UsageError } from '../errors.js';

/**
 * Where an export writes: --out resolved to stdout or a path. The writing itself is the shared
 * writer's (src/files/): atomic, checked, 0600, never over a device, pipe or folder.
 */
export { openPendingFile, writeFileAtomic, writeFilesAtomic, type PendingFile } from '../files/index.js';

export type Output = { kind: 'stdout' } | { kind: 'file'; path: string };

/** Paths that name stdout itself: `--out /dev/stdout` is `--out -`. */
const STDOUT_PATHS = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/** Resolves --out: "-" is stdout (where the format allows it), anything else a path. */
export function resolveOutput(out: string | undefined, options: { cwd: string; stdoutAllowed: boolean; format: string; example: string }): Output {
  if (out === undefined || out.trim() === '') {
    throw new UsageError('--out is required', { hint: `say where to write, e.g. --out ${options.example}${options.stdoutAllowed ? ' (or --out - for stdout)' : ''}` });
  }
  if (out === '-' || STDOUT_PATHS.has(out)) {
    if (!options.stdoutAllowed) {
      throw new UsageError(`--format ${options.format} cannot be written to stdout`, { hint: `give a path, e.g. --out ${options.example}` });
    }
    return { kind: 'stdout' };
  }
  return { kind: 'file', path: path.resolve(options.cwd, out) };
}

/** "1 contact" / "2 contacts". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}

/** A path as the user would type it: relative to cwd when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
