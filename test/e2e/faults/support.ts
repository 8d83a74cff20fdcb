/**
 * The fault-injection suite's tools: a call with planted personal data, the built CLI run with
 * every message it prints kept for the privacy scan, a small tmpfs (a full disk), a read-only
 * bind mount, an unprivileged user, and Ctrl-C sent at a chosen moment.
 *
 * The suite runs as root on CI (as on this machine): mounts need it, and root ignores file
 * permissions, so read-only cases use a bind mount, a file without write bits, or `nobody`.
 * A facility that is missing fails the test with a message: nothing here passes vacuously.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { BIN, ROOT, tempDir } from '../support/cli.js';
// The benchmark's generator: a Google-Forms-like CSV, deterministic for a seed.
// @ts-expect-error plain ESM script without type declarations
import { generate } from '../../../bench/generate.mjs';

export { BIN, ROOT, tempDir };

/**
 * Personal details planted in the call, where careless forms put them: an address typed in the
 * country column, a person's name in the language column, a phone number in the score column,
 * contacts of rows that are rejected (and so end up in rejects --csv). None may appear in any
 * message (stderr, or a --json error on stdout) of any command.
 */
export const SECRETS = [
  'Quentin', 'Zorblatt', 'zorblatt.private', '+41 99 999 1234', '999 1234',
  '17 Rue des Secrets', 'Rue des Secrets', 'Wilhelmina', 'Vexilla', 'vexilla-secret',
  'orphan.secret', 'Orpheus', 'Secretson', '+41 77 555 6655', '555 6655', 'Plentyn', 'plentyn.hidden',
];

const HEADER = ['Timestamp', 'Email Address', 'Name of your organization', 'Type of organization', 'Country', 'Contact person',
  'Phone number', 'Website', 'Language of the application', 'Title of your proposal', 'Describe your innovation', 'Main beneficiaries', 'Score'];

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The planted rows, in the generator's columns (plus a Score column). */
export const PLANTED = [
  ['2020-03-02 10:00:00', 'zorblatt.private@example.org', 'Institute of Planted Rows', 'NGO', '17 Rue des Secrets, Genève', 'Quentin Zorblatt',
    '+41 99 999 1234', 'https://planted.example.org', 'Wilhelmina Vexilla', 'Solar skills for rural youth', 'Training young people to install and repair solar panels in villages.', 'Youth', '+41 77 555 6655'],
  ['2020-03-02 11:00:00', 'orphan.secret@example.com', '', 'NGO', 'Peru', 'Orpheus Secretson', '+41 77 555 6655', '', 'Spanish', 'Talleres digitales', 'Formación digital para mujeres.', 'Women', ''],
  ['2020-03-02 12:00:00', 'vexilla-secret-at-example', 'Second Planted Org', 'NGO', 'Atlantis', 'Wilhelmina Vexilla', '', '', 'English', 'Green jobs', 'Green jobs for youth.', 'Youth', ''],
  ['2020-03-02 13:00:00', 'plentyn.hidden@example.net; zorblatt.private@example.org', 'Third Planted Org', 'NGO', '+41 77 555 6655', 'Plentyn Plentyn', '', '', 'French', 'Métiers verts', 'Formation aux métiers verts.', 'Youth', 'ten'],
];

/**
 * A call of `count` generated applications plus the planted rows, as one CSV in `dir`.
 * Without `count`, the planted rows and a few others only.
 */
export function writeCall(file: string, count = 20, seed = 7): string {
  const generated = path.join(path.dirname(file), `.generated-${path.basename(file)}`);
  (generate as (o: object) => void)({ out: generated, count, seed, emailPrefix: 'applicant' });
  const lines = fs.readFileSync(generated, 'utf8').trimEnd().split('\n');
  fs.rmSync(generated);
  // A score per row (1.0 to 9.9, spread evenly), so that a selection has something to maximise.
  const body = lines.slice(1).map((l, i) => `${l},${(1 + ((i * 37) % 90) / 10).toFixed(1)}`);
  const planted = PLANTED.map((r) => r.map(quote).join(','));
  fs.writeFileSync(file, [HEADER.join(','), ...planted, ...body].join('\n') + '\n', { mode: 0o600 });
  return file;
}

/** A new folder holding a call of `count` applications (writeCall) and a database it was imported into. */
export function importedCall(prefix: string, count: number, seed?: number): { work: string; call: string; db: string } {
  const work = tempDir(prefix);
  const call = writeCall(path.join(work, 'call.csv'), count, seed);
  const db = path.join(work, 'call.db');
  const imported = run(['--db', db, 'import', call, '--call', '2020', '--quiet']);
  if (imported.code !== 0) throw new Error(`the call could not be imported (exit ${imported.code}):\n${imported.stderr}`);
  return { work, call, db };
}

export interface Run {
  args: string[];
  code: number;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Every message the suite's runs printed: stderr, and stdout of a failed --json run. */
const MESSAGES: { args: string; text: string }[] = [];

function record(r: Run): Run {
  if (r.stderr.trim()) MESSAGES.push({ args: r.args.join(' '), text: r.stderr });
  if (r.code !== 0 && r.args.includes('--json') && r.stdout.trim()) MESSAGES.push({ args: r.args.join(' '), text: r.stdout });
  return r;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  /** A file descriptor (or 'ignore') for stdout instead of a pipe: /dev/full. */
  stdout?: number | 'ignore';
  /** Run as this unprivileged user (setpriv): permissions apply, as for an officer. */
  asNobody?: boolean;
  timeout?: number;
}

const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];

function command(args: string[], options: RunOptions): [string, string[]] {
  return options.asNobody ? ['setpriv', [...NOBODY, process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]];
}

/** Runs the built CLI without a terminal and keeps its messages for the privacy scan. */
export function run(args: string[], options: RunOptions = {}): Run {
  const [cmd, argv] = command(args, options);
  const started = Date.now();
  const r = spawnSync(cmd, argv, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', SKILLSNET_DB: '', ...options.env },
    input: options.input ?? '',
    stdio: ['pipe', options.stdout ?? 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: options.timeout ?? 120_000,
    // A hung command (a FIFO read twice) may ignore SIGTERM: the timeout must end it for good.
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return record({ args, code: r.status ?? 128, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - started });
}

/** A run's one error line: exactly one line starting "error:", and never "this is unexpected". */
export function errorLine(r: Run): string {
  const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
  if (errors.length !== 1) throw new Error(`expected one error line from skillsnet ${r.args.join(' ')} (exit ${r.code}), got:\n${r.stderr}`);
  if (/unexpected|--debug/.test(r.stderr)) throw new Error(`an expected fault called unexpected: skillsnet ${r.args.join(' ')}\n${r.stderr}`);
  return errors[0]!;
}

/**
 * Starts the CLI, sends SIGINT (or `signal`) after `trigger` milliseconds (or once `trigger`
 * returns true, given the stderr so far, looked at every 10 ms), and reports how long the process took to exit after it.
 */
export function interrupt(args: string[], trigger: number | ((stderr: string) => boolean), options: { cwd?: string; env?: NodeJS.ProcessEnv; signal?: NodeJS.Signals } = {}): Promise<Run & { afterSigint: number | null }> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', SKILLSNET_DB: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  let sent: number | null = null;
  const send = () => {
    sent = Date.now();
    child.kill(options.signal ?? 'SIGINT');
  };
  const timer = typeof trigger === 'number'
    ? setTimeout(send, trigger)
    : setInterval(() => {
      if (sent === null && trigger(stderr)) {
        clearInterval(timer);
        send();
      }
    }, 10);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(timer);
      const now = Date.now();
      const r = record({ args, code: code ?? 128, signal, stdout, stderr, ms: now - started });
      resolve({ ...r, afterSigint: sent === null ? null : now - sent });
    });
  });
}

/** The planted personal data found in the messages so far, and how many messages were scanned. */
export function scanMessages(): { messages: number; lines: number; leaks: string[] } {
  const leaks: string[] = [];
  let lines = 0;
  for (const m of MESSAGES) {
    lines += m.text.split('\n').filter((l) => l.trim()).length;
    for (const s of SECRETS) if (m.text.includes(s)) leaks.push(`"${s}" in the messages of skillsnet ${m.args}:\n${m.text}`);
  }
  return { messages: MESSAGES.length, lines, leaks };
}

/** Writes this file's scan where the suite's summary can find it (for the record of a run). */
export function reportScan(name: string, scan: { messages: number; lines: number }, extra: object = {}): void {
  // (outside the run's private temporary folder, which is removed at the end: test/fixtures/temp.ts)
  const dir = path.join(process.env.SKILLSNET_TEST_REPORTS ?? os.tmpdir(), 'skillsnet-fault-report');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ ...scan, ...extra }, null, 2));
}

/** Fails unless this process may mount file systems (root on Linux, as on CI). */
export function requireRoot(): void {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    throw new Error('the fault suite mounts small file systems and read-only folders: run it as root on Linux (CI does; so does .ci/run)');
  }
}

/** A tmpfs of `size` (e.g. "2m") mounted on a new folder; returns the folder and how to unmount it. */
export function smallDisk(size: string): { dir: string; unmount: () => void } {
  requireRoot();
  const dir = tempDir('skillsnet-disk-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  } catch (e) {
    throw new Error(`cannot mount a tmpfs on ${dir} (${(e as Error).message}); the disk-full cases need it`);
  }
  return { dir, unmount: () => execFileSync('umount', ['-l', dir]) };
}

/** Fills a disk until fewer than `leave` bytes are free (a filler file that can be removed). */
export function fill(dir: string, leave = 0): string {
  const filler = path.join(dir, '.filler');
  const s = fs.statfsSync(dir);
  const free = s.bavail * s.bsize;
  const fd = fs.openSync(filler, 'a');
  try {
    const chunk = Buffer.alloc(4096, 0x61);
    for (let written = 0; written < free - leave; written += chunk.length) {
      try {
        fs.writeSync(fd, chunk, 0, Math.min(chunk.length, free - leave - written));
      } catch {
        break;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

/** Makes a folder read-only through a bind mount (root ignores permission bits). */
export function readOnlyBind(dir: string): () => void {
  requireRoot();
  try {
    execFileSync('mount', ['--bind', dir, dir]);
    execFileSync('mount', ['-o', 'remount,bind,ro', dir]);
  } catch (e) {
    throw new Error(`cannot make ${dir} read-only with a bind mount (${(e as Error).message})`);
  }
  return () => execFileSync('umount', ['-l', dir]);
}

/** Whether `setpriv` can run a command as nobody here (the unprivileged cases need it). */
export function requireNobody(): void {
  requireRoot();
  const r = spawnSync('setpriv', [...NOBODY, 'true']);
  if (r.status !== 0) throw new Error('setpriv cannot run a command as nobody (util-linux is needed for the unprivileged cases)');
}

/** Row counts and PRAGMA integrity_check of a database, read with a plain read-only connection. */
export function inspect(file: string): { integrity: string; applications: number; tagged: number; rosters: number; batches: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const n = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      integrity: String(db.pragma('integrity_check', { simple: true })),
      applications: n('SELECT count(*) FROM applications'),
      tagged: n('SELECT count(DISTINCT application_id) FROM application_categories'),
      rosters: n('SELECT count(*) FROM rosters'),
      batches: n('SELECT count(*) FROM import_batches'),
    };
  } finally {
    db.close();
  }
}

/** The files of a folder (temporary files included), sorted. */
export function listing(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

/**
 * Every row of every table, as one text: equal before and after a command that was refused or
 * interrupted (what `sqlite3 db .dump | md5sum` compares, without the sqlite3 program).
 */
export function dumpOf(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string }[];
    return tables.map((t) => `${t.sql}\n${JSON.stringify(db.prepare(`SELECT * FROM "${t.name}" ORDER BY 1`).raw().all())}`).join('\n');
  } finally {
    db.close();
  }
}

/** A command on a terminal (util-linux `script` gives it a pty): what it shows, and keys typed to it. */
export interface OnTerminal {
  /** Everything shown so far (stdout and stderr together, with the terminal's escape sequences). */
  screen(): string;
  /** Resolves once the screen matches (rejects after `ms`, with what was shown). */
  shows(pattern: RegExp, ms?: number): Promise<void>;
  /** Types text (a Ctrl-C is '\x03'); returns when it was sent. */
  type(text: string): number;
  /** The command's exit code, the whole screen without escape sequences, and when it ended. */
  done: Promise<{ code: number; screen: string; endedAt: number }>;
}

/** Fails unless `script` (util-linux) can give a command a terminal. */
export function requireTerminal(): void {
  if (spawnSync('script', ['--version']).status !== 0) throw new Error('the terminal cases need `script` (util-linux) to give the command a pty');
}

/** A terminal's text without its escape sequences (colours, cursor moves). */
const plain = (screen: string) => screen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

export function onTerminal(args: string[]): OnTerminal {
  requireTerminal();
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, env: { ...process.env, SKILLSNET_DB: '', TERM: 'xterm-256color' } });
  let screen = '';
  const watchers: (() => void)[] = [];
  child.stdout!.on('data', (d: Buffer) => {
    screen += d.toString('utf8');
    for (const w of [...watchers]) w();
  });
  const done = new Promise<{ code: number; screen: string; endedAt: number }>((resolve) => {
    child.on('close', (code) => {
      record({ args, code: code ?? 128, signal: null, stdout: '', stderr: plain(screen), ms: 0 });
      resolve({ code: code ?? 128, screen: plain(screen), endedAt: Date.now() });
    });
  });
  return {
    screen: () => screen,
    shows: (pattern, ms = 20_000) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the terminal did not show ${pattern} in ${ms} ms; it showed:\n${plain(screen)}`)), ms);
      let settled = false;
      const check = () => {
        if (settled || !pattern.test(plain(screen))) return;
        settled = true;
        clearTimeout(timer);
        watchers.splice(watchers.indexOf(check), 1);
        resolve();
      };
      watchers.push(check);
      check();
      void done.then(() => check());
    }),
    type: (text) => {
      child.stdin!.write(text);
      return Date.now();
    },
    done,
  };
}
