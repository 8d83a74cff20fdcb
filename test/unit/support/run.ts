/**
 * The CLI run in this process: main() with the arguments, IO and streams captured, the exit
 * code returned. Same shape as the e2e tier's spawned runCli, so a test of a command's rules
 * reads the same; it needs no build and costs milliseconds instead of a Node start-up.
 * (Signals, TTYs, pipes and the built bin/ are the e2e tier's: test/e2e/support/cli.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { bufferIO } from '../../../src/cli/io.js';
import type { GlobalFlags } from '../../../src/cli/context.js';
import { PACKAGE_ROOT } from '../../../src/paths.js';

/** The repository (package.json, data/, test/). */
export const ROOT = PACKAGE_ROOT;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'skillsnet-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** `skillsnet ARGS…` in process, off a terminal, without colours, as runCli runs the built one. */
export async function run(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; stdoutIsFile?: boolean; stdoutFileHasText?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const streams = {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
  };
  const makeIO = (flags: GlobalFlags) => ({
    ...bufferIO({ cwd: options.cwd ?? process.cwd(), env: { SKILLSNET_DB: '', ...options.env }, quiet: Boolean(flags.quiet), debug: Boolean(flags.debug), yes: Boolean(flags.yes), stdoutIsFile: Boolean(options.stdoutIsFile), stdoutFileHasText: Boolean(options.stdoutFileHasText) }).io,
    ...streams,
  });
  // A spawned CLI reads relative paths from its working directory: so does this one.
  const home = process.cwd();
  if (options.cwd) process.chdir(options.cwd);
  try {
    const code = await main(['node', 'skillsnet', ...args], { makeIO, streams });
    return { code, stdout, stderr };
  } finally {
    process.chdir(home);
  }
}

/** Parses stdout of a --json run, failing with the stderr when it is not JSON. */
export function json<T = any>(r: CliRun): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}).\nstdout: ${r.stdout.slice(0, 500)}\nstderr: ${r.stderr.slice(0, 1000)}`);
  }
}

const THREE_APPLICATIONS = [
  'Taller Abierto,ana@example.org,Mexico,Oficios para jóvenes',
  'Atelier Vert,awa@example.net,Senegal,Jardins urbains',
  'Youth Works,nia@example.com,Kenya,Apprenticeships',
];

/**
 * Three applications of one call (ana, awa and nia: Mexico, Senegal, Kenya) as CSV lines for
 * importedCall; with `scores`, a Score column holding them in that order ('' for none).
 */
export function threeApplications(scores?: readonly [string, string, string]): string[] {
  if (!scores) return ['Organization,Email,Country,Title', ...THREE_APPLICATIONS];
  return ['Organization,Email,Country,Title,Score', ...THREE_APPLICATIONS.map((line, i) => `${line},${scores[i]}`)];
}

/**
 * The setup of many tests: a fresh folder and database, these CSV lines (a header, then rows)
 * written as a.csv and imported into a call. `sk` runs `skillsnet --db DB ARGS…` from that folder
 * (arguments one by one or as an array).
 */
export async function importedCall(lines: string[], options: { call?: string } = {}): Promise<{ dir: string; db: string; sk: (...args: (string | string[])[]) => Promise<CliRun> }> {
  const dir = tempDir();
  const db = path.join(dir, 'n.db');
  fs.writeFileSync(path.join(dir, 'a.csv'), lines.join('\n') + '\n');
  const sk = (...args: (string | string[])[]) => run(['--db', db, ...args.flat()], { cwd: dir });
  const imported = await sk('import', 'a.csv', '--call', options.call ?? '2020');
  expect(imported.code, imported.stderr).toBe(0);
  return { dir, db, sk };
}

