import fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { BIN, ROOT } from '../support/cli.js';
// The benchmark's generator: a Google-Forms-like CSV, deterministic for a seed.
// @ts-expect-error plain ESM script without type declarations
import { generate } from '../../../bench/generate.mjs';

export function generateCall(out: string, count: number, options: { seed?: number; emailPrefix?: string } = {}): string {
  (generate as (o: object) => void)({ out, count, seed: options.seed ?? 1, emailPrefix: options.emailPrefix ?? 'contact' });
  return out;
}

/** Row counts of the tables an import writes, read with a plain connection. */
export interface Counts {
  applications: number;
  import_batches: number;
  rejected_rows: number;
  application_versions: number;
  application_categories: number;
}

export function counts(file: string): Counts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const c = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    return {
      applications: c('applications'),
      import_batches: c('import_batches'),
      rejected_rows: c('rejected_rows'),
      application_versions: c('application_versions'),
      application_categories: c('application_categories'),
    };
  } finally {
    db.close();
  }
}

/** PRAGMA integrity_check and foreign_key_check; opening also replays a WAL left by a killed process. */
export function soundness(file: string): { integrity: string; foreignKeys: number } {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    return {
      integrity: String(db.pragma('integrity_check', { simple: true })),
      foreignKeys: (db.pragma('foreign_key_check') as unknown[]).length,
    };
  } finally {
    db.close();
  }
}

export interface Spawned {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }>;
}

/** Starts the built CLI without waiting for it (for kills and concurrent runs). */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): Spawned {
  const t0 = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', SKILLSNET_DB: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - t0 }));
  });
  return { child, done };
}

/** mulberry32, so a failing run can be replayed with ROBUSTNESS_SEED. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function copyDb(from: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    fs.rmSync(to + suffix, { force: true });
    // An empty WAL (left by a read-only look) carries nothing: the copy then starts without one.
    if (fs.existsSync(from + suffix) && (suffix === '' || fs.statSync(from + '-wal').size > 0)) fs.copyFileSync(from + suffix, to + suffix);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
