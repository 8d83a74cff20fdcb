import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { OperationError, UsageError } from '../errors.js';
import type { TextSink } from '../reporting.js';

/**
 * How every export writes its files: to a temporary file in the same folder, created 0600
 * (exports hold personal data), then renamed into place, so a reader never sees half a file
 * and a crash leaves the old file intact. An existing file is replaced only with --force.
 */

export type Output = { kind: 'stdout' } | { kind: 'file'; path: string };

/** Resolves --out: "-" is stdout (where the format allows it), anything else a path. */
export function resolveOutput(out: string | undefined, options: { cwd: string; stdoutAllowed: boolean; format: string; example: string }): Output {
  if (out === undefined || out.trim() === '') {
    throw new UsageError('--out is required', { hint: `say where to write, e.g. --out ${options.example}${options.stdoutAllowed ? ' (or --out - for stdout)' : ''}` });
  }
  if (out === '-') {
    if (!options.stdoutAllowed) {
      throw new UsageError(`--format ${options.format} cannot be written to stdout`, { hint: `give a path, e.g. --out ${options.example}` });
    }
    return { kind: 'stdout' };
  }
  return { kind: 'file', path: path.resolve(options.cwd, out) };
}

/** Refuses to replace an existing file unless forced; says how to force. */
export function assertWritable(file: string, force: boolean): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    return;
  }
  if (stat.isDirectory()) throw new OperationError(`${file} is a folder`, { hint: 'give a file name for --out' });
  if (!force) throw new OperationError(`${file} already exists`, { hint: 'add --force to replace it, or choose another --out' });
}

/** A file being written: chunks go to a hidden temporary file until commit() renames it into place. */
export interface PendingFile {
  readonly path: string;
  write(chunk: string | Uint8Array): void;
  /** Closes and renames into place. */
  commit(): void;
  /** Closes and removes the temporary file (after an error). */
  abort(): void;
}

function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Opens a file for an atomic write. Checks --force first, creates the folder when missing (0700).
 * Without force, the final step links rather than renames, so a file that appeared meanwhile
 * is still not clobbered.
 */
export function openPendingFile(file: string, options: { force: boolean }): PendingFile {
  assertWritable(file, options.force);
  try {
    // Folders we create are private like the files (0700): exports may hold personal data.
    // A folder that already exists keeps its mode.
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new OperationError(`cannot create the folder for ${file}: ${(e as Error).message}`);
  }
  const temp = tempPathFor(file);
  let fd: number;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
  } catch (e) {
    throw new OperationError(`cannot write in ${path.dirname(file)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      hint: 'choose a folder you can write to with --out',
    });
  }
  let open = true;
  const close = () => {
    if (open) {
      open = false;
      fs.closeSync(fd);
    }
  };
  return {
    path: file,
    write(chunk) {
      if (typeof chunk === 'string') fs.writeSync(fd, chunk, null, 'utf8');
      else {
        let offset = 0;
        while (offset < chunk.length) offset += fs.writeSync(fd, chunk, offset, chunk.length - offset);
      }
    },
    commit() {
      fs.fsyncSync(fd);
      close();
      try {
        fs.chmodSync(temp, 0o600);
        if (options.force) {
          fs.renameSync(temp, file);
        } else {
          try {
            fs.linkSync(temp, file);
            fs.unlinkSync(temp);
          } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            if (code === 'EEXIST') throw new OperationError(`${file} already exists`, { hint: 'add --force to replace it, or choose another --out' });
            // File systems without hard links: the existence check above has to do.
            fs.renameSync(temp, file);
          }
        }
      } catch (e) {
        try { fs.unlinkSync(temp); } catch { /* already gone */ }
        if (e instanceof OperationError) throw e;
        throw new OperationError(`cannot write ${file}: ${(e as Error).message}`);
      }
    },
    abort() {
      close();
      try { fs.unlinkSync(temp); } catch { /* never created or already gone */ }
    },
  };
}

/** Writes a whole file atomically. */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: { force: boolean }): void {
  writeFilesAtomic([{ path: file, data }], options);
}

/**
 * Writes several files that belong together (elements.csv and connections.csv): all are
 * checked and written to temporary files first, then renamed, so a refusal or an error
 * leaves none of them half-done.
 */
export function writeFilesAtomic(files: { path: string; data: string | Uint8Array }[], options: { force: boolean }): void {
  for (const f of files) assertWritable(f.path, options.force);
  const pending: PendingFile[] = [];
  try {
    for (const f of files) {
      const p = openPendingFile(f.path, options);
      pending.push(p);
      p.write(f.data);
    }
  } catch (e) {
    for (const p of pending) p.abort();
    throw e;
  }
  for (const p of pending) p.commit();
}

/** Writes to stdout or atomically to a file. */
export function writeOutput(output: Output, data: string | Uint8Array, stdout: TextSink, options: { force: boolean }): void {
  if (output.kind === 'stdout') stdout.write(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
  else writeFileAtomic(output.path, data, options);
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
