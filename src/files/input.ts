/**
 * What an import (or a scores, quotas or labelled file) reads from: a regular file is read where
 * it is; a named pipe, `-` or `/dev/stdin` can be read only once, so it is copied first into a
 * private temporary file (0600, in a 0700 folder, removed afterwards) of at most
 * MAX_PIPED_INPUT_BYTES, and that copy is read; a device (/dev/zero, /dev/urandom, a terminal)
 * or a folder is refused before a byte is read.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { InterruptedError, OperationError } from '../errors.js';
import { faultError } from './faults.js';
import { officeLockFile } from './lock-files.js';
import { kindOf, makePrivateTempFolder } from './target.js';
import { writeAllSync } from './write.js';
import { foldText, shellArg } from '../text.js';

/** The most copied from a pipe or stdin before the import stops: larger calls come as files. */
export const MAX_PIPED_INPUT_BYTES = 512 * 1024 * 1024;

/** Names that mean standard input. */
const STDIN_NAMES = new Set(['-', '/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

export interface InputFile {
  /** The input as the officer named it (a pipe's name, "stdin" for -). */
  name: string;
  /** The file to read: the input itself, or its temporary copy. */
  path: string;
  /** Whether `path` is a temporary copy. */
  copied: boolean;
  /** Removes the copy (nothing for a regular file); safe to call twice. */
  release(): void;
}

/** "cannot read FILE: no such file", with the fault's words and fix for the rest. */
export function readFailure(shown: string, e: unknown, hint = 'check the file name and that you can open it', file?: string): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new OperationError(`cannot read ${shown}: no such file`, { hint: (file && missingFileHint(file)) ?? hint });
  if (code === 'EISDIR') return new OperationError(`cannot read ${shown}: it is a folder`, { hint });
  return faultError(e, { action: `read ${shown}` });
}

/**
 * What to do about a name that is not there, when its folder says: a file whose name differs only
 * by accents or case ("ano" typed for "año", "respuestas.CSV"), or a name with spaces typed
 * without quotes, which the shell cut into words ("Respuestas" of "Respuestas formulario.csv").
 * Undefined when the folder holds neither (or cannot be listed).
 */
export function missingFileHint(file: string): string | undefined {
  const folder = path.dirname(file);
  const base = path.basename(file);
  let entries: string[];
  try {
    entries = fs.readdirSync(folder).sort();
  } catch {
    return undefined;
  }
  const inFolder = (name: string) => (folder === '.' && !file.startsWith('.') ? name : path.join(folder, name));
  const same = entries.find((name) => name !== base && foldText(name) === foldText(base));
  if (same) return `did you mean ${shellArg(inFolder(same))}? Type the name exactly as it is, accents and capitals too`;
  const words = entries.filter((name) => name.startsWith(`${base} `));
  if (words.length === 1) {
    return `a file name with spaces goes between quotes: ${shellArg(inFolder(words[0]!))}`;
  }
  return undefined;
}

/**
 * How a path can be read: as a file, or once as a stream; anything else is refused. Standard
 * input is looked at through its descriptor: a pipe from a parent process may be a socket,
 * which cannot be opened again by name.
 */
function readableKind(file: string, what = ''): 'file' | 'stream' {
  const stdin = STDIN_NAMES.has(file);
  const shown = stdin ? 'stdin' : `${what}${file}`;
  let stat: fs.Stats;
  try {
    stat = stdin ? fs.fstatSync(0) : fs.statSync(file);
  } catch (e) {
    throw readFailure(shown, e, undefined, stdin ? undefined : file);
  }
  if (stat.isFile()) return 'file';
  if (stat.isFIFO() || (stdin && stat.isSocket())) return 'stream';
  if (STDIN_NAMES.has(file) && (stat.isCharacterDevice() || stat.isBlockDevice())) {
    throw new OperationError('stdin is a terminal or a device, not a file: nothing to read from it', {
      hint: 'name the file (skillsnet import call.csv), or pipe one in: skillsnet import - < call.csv',
    });
  }
  if (stat.isDirectory()) {
    // (import takes several files at once; a quotas, mapping or labelled file is one file)
    throw new OperationError(`cannot read ${shown}: it is a folder`, {
      hint: what ? `give the path of a file inside it (ls ${shellArg(file)} lists them)` : folderHint(file),
    });
  }
  throw new OperationError(`${shown} is ${kindOf(stat)}, not a file: skillsnet reads files, and read nothing from it`, {
    hint: 'give the path of a file (a pipe, or - for stdin, works too)',
  });
}

/**
 * What to give instead of a folder: one of its files, named with the folder, or all its CSV files
 * by a wildcard, for the commands that read several. It said "skillsnet import folder/*.csv"
 * whatever the command (event attendance, member import) and whatever the folder's name.
 */
function folderHint(folder: string): string {
  let files: string[] = [];
  try {
    files = fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('.') && !officeLockFile(path.join(folder, e.name))).map((e) => e.name).sort();
  } catch {
    // (a folder that cannot be listed: the wildcard alone)
  }
  const all = `${shellArg(path.join(folder, '*.csv'))} names all its CSV files, for import and event attendance`;
  if (!files.length) return `give a file (${shellArg(folder)} holds none)`;
  return `give a file inside it, e.g. ${shellArg(path.join(folder, files[0]!))} (${all})`;
}

/**
 * The input ready to be read (as many times as needed). `signal`: an abort (Ctrl-C) stops the
 * copy and removes it at once. `what` names an input that is not an import's ("the scores file ").
 */
export async function openInput(file: string, options: { signal?: AbortSignal; what?: string; onStatus?: (message: string) => void } = {}): Promise<InputFile> {
  const kind = readableKind(file, options.what);
  const stdin = STDIN_NAMES.has(file);
  const name = stdin ? 'stdin' : path.basename(file);
  if (kind === 'file') return { name, path: stdin ? '/dev/stdin' : file, copied: false, release: () => {} };
  const dir = makePrivateTempFolder('skillsnet-input-');
  const copy = path.join(dir, name);
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  // Ctrl-C ends the process from the abort itself: the copy goes with it.
  options.signal?.addEventListener('abort', remove);
  const release = () => {
    options.signal?.removeEventListener('abort', remove);
    remove();
  };
  try {
    await copyStream(stdin ? 0 : file, copy, name, options.signal, options.onStatus);
  } catch (e) {
    release();
    throw e;
  }
  return { name, path: copy, copied: true, release };
}

/** Reads a stream (a path, or descriptor 0 for stdin) into `copy`, at most MAX_PIPED_INPUT_BYTES. */
async function copyStream(source: string | number, copy: string, name: string, signal?: AbortSignal, onStatus?: (message: string) => void): Promise<void> {
  const fd = fs.openSync(copy, 'wx', 0o600);
  let bytes = 0;
  const input = readStream(source);
  const abort = () => input.destroy(new InterruptedError());
  signal?.addEventListener('abort', abort);
  // A pipe nobody writes to (yet) is waited for, as cat waits: said once, so that a silent
  // command is not taken for a hung one.
  const silent = setTimeout(() => {
    if (bytes === 0) onStatus?.(`Waiting for ${typeof source === 'number' ? 'something to come through stdin' : `a program to write to ${name} (a named pipe)`}; Ctrl-C stops.`);
  }, QUIET_PIPE_MS);
  silent.unref();
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > MAX_PIPED_INPUT_BYTES) {
        throw new OperationError(`${name}: more than ${MAX_PIPED_INPUT_BYTES / 1024 / 1024} MB came through the pipe, the most skillsnet copies from a pipe or stdin`, {
          hint: `save it to a file first and import the file`,
        });
      }
      try {
        writeAllSync(fd, chunk);
      } catch (e) {
        throw faultError(e, { action: `copy ${name} to a temporary file in ${path.dirname(path.dirname(copy))}`, elsewhere: 'save the input to a file on another disk and import that file' });
      }
    }
  } catch (e) {
    if (e instanceof OperationError || e instanceof InterruptedError) throw e;
    throw readFailure(name, e);
  } finally {
    clearTimeout(silent);
    signal?.removeEventListener('abort', abort);
    input.destroy();
    fs.closeSync(fd);
  }
}

/** How long a pipe may stay silent before the command says it waits for it. */
const QUIET_PIPE_MS = 2000;

/**
 * A small input read whole (a quotas file, labelled texts, a --map file): once, at most `limit`
 * bytes, devices and folders refused before reading. Pipes and stdin work too. `what` names it
 * in messages ("the quotas file ").
 */
export async function readSmallInput(file: string, options: { limit: number; what?: string }): Promise<Buffer> {
  const { limit, what = '' } = options;
  readableKind(file, what);
  const shown = STDIN_NAMES.has(file) ? 'stdin' : `${what}${file}`;
  const parts: Buffer[] = [];
  let bytes = 0;
  const input = readStream(STDIN_NAMES.has(file) ? 0 : file);
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > limit) {
        throw new OperationError(`${shown} is larger than ${Math.round(limit / 1024 / 1024)} MB, too large for what it should hold`, { hint: 'check that you gave the right file' });
      }
      parts.push(chunk);
    }
  } catch (e) {
    if (e instanceof OperationError) throw e;
    throw readFailure(shown, e);
  } finally {
    input.destroy();
  }
  return Buffer.concat(parts);
}

/**
 * An error about the temporary copy, told about the input as the officer named it (the copy's
 * path means nothing to them).
 */
export function asNamed(e: unknown, input: InputFile): unknown {
  if (!input.copied || !(e instanceof OperationError)) return e;
  const swap = (text: string) => text.split(input.path).join(input.name);
  if (!e.message.includes(input.path) && !(e.hint ?? '').includes(input.path)) return e;
  return new OperationError(swap(e.message), { hint: e.hint === undefined ? undefined : swap(e.hint), json: e.json });
}

/**
 * A read stream of a path, or of descriptor 0 (stdin, left open for the process). A piped stdin
 * is often non-blocking (Node makes it so as soon as anything looks at process.stdin, as isTTY
 * does): a read of it then answers EAGAIN whenever the writer has not written yet
 * (`slow-command | skillsnet import -` failed), so the descriptor is read by hand, waiting a
 * moment on EAGAIN.
 */
function readStream(source: string | number): Readable {
  if (typeof source === 'string') return isFifo(source) ? fifoStream(source) : fs.createReadStream(source, { highWaterMark: 1024 * 1024 });
  return Readable.from(readDescriptor(source), { objectMode: false });
}

function isFifo(file: string): boolean {
  try {
    return fs.statSync(file).isFIFO();
  } catch {
    return false;
  }
}

/**
 * A named pipe, read in the event loop as a pipe stream: opened without waiting for a writer,
 * it waits for one without blocking a thread, and ends when the writer closes. (Read as a file, a
 * blocking open or read in Node's thread pool waited for a writer that might never come, and the
 * exit on Ctrl-C waited for it too.)
 */
function fifoStream(file: string): Readable {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    return Readable.from((async function* () {
      throw e;
    })(), { objectMode: false });
  }
  return new net.Socket({ fd, readable: true, writable: false });
}

const readAsync = promisify(fs.read);

/** The bytes of a descriptor until its end, waiting (without spinning) while it has none ready. */
async function* readDescriptor(fd: number): AsyncGenerator<Buffer> {
  const buffer = Buffer.alloc(1024 * 1024);
  let wait = 1;
  for (;;) {
    let n: number;
    try {
      n = (await readAsync(fd, buffer, 0, buffer.length, null)).bytesRead;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(50, wait * 2);
      continue;
    }
    wait = 1;
    if (n === 0) return;
    yield Buffer.from(buffer.subarray(0, n));
  }
}

