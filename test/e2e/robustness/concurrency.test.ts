import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';
import { COMMANDS } from '../../../dist/cli/commands.js';
import { counts, generateCall, sleep, soundness, spawnCli } from './support.js';

/**
 * Two skillsnet processes on one database at once. SQLite lets one write at a time; the
 * tool must make the second wait (busy timeout, BEGIN IMMEDIATE with retry) so that no
 * "database is locked" reaches the user, no row is lost and the counts add up.
 */
const hasTag = COMMANDS.some((c) => c.name === 'tag');
const hasImport = COMMANDS.some((c) => c.name === 'import');
let dir: string;
let fileA: string;
let fileB: string;
let rowsA: number;
let rowsB: number;

function accepted(stdout: string): number {
  const j = JSON.parse(stdout);
  expect(j.rows).toBe(j.inserted + j.updated + j.unchanged + j.rejected);
  return j.inserted;
}

function noLockedMessage(stderr: string) {
  expect(stderr).not.toMatch(/database is locked|SQLITE_BUSY|SQLITE_LOCKED/i);
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

beforeAll(() => {
  dir = tempDir('skillsnet-concurrency-');
  if (!hasImport) return;
  rowsA = 6000;
  rowsB = 5000;
  fileA = generateCall(path.join(dir, 'a.csv'), rowsA, { seed: 11, emailPrefix: 'a' });
  fileB = generateCall(path.join(dir, 'b.csv'), rowsB, { seed: 12, emailPrefix: 'b' });
});

describe('two processes on one database', () => {
  it('six commands creating the same new database at once: all succeed, schema applied once', async () => {
    for (let round = 0; round < 2; round++) {
      const db = path.join(dir, `race-${round}.db`);
      const runs = Array.from({ length: 6 }, () => spawnCli(['--db', db, 'init', '--json']));
      const results = await Promise.all(runs.map((r) => r.done));
      for (const r of results) {
        expect(r.code, r.stderr).toBe(0);
        noLockedMessage(r.stderr);
      }
      expect(results.filter((r) => JSON.parse(r.stdout).created).length).toBeGreaterThanOrEqual(1);
      expect(soundness(db)).toEqual({ integrity: 'ok', foreignKeys: 0 });
      expect(fs.statSync(db).mode & 0o777).toBe(0o600);
    }
  }, 120_000);

  it.runIf(hasImport)('six imports opening the same new database at once: none mistakes it for a foreign file or meets a lock', async () => {
    // Regression: the foreign-file check once read the schema version and the table count
    // apart, so a file another process had just set up looked like someone else's database;
    // switching to WAL could also fail at once with "database is locked".
    const small = generateCall(path.join(dir, 'small.csv'), 60, { seed: 13, emailPrefix: 's' });
    for (let round = 0; round < 4; round++) {
      const db = path.join(dir, `six-${round}.db`);
      const runs = Array.from({ length: 6 }, () => spawnCli(['--db', db, 'import', small, '--call', '2020', '--json']));
      const results = await Promise.all(runs.map((r) => r.done));
      for (const r of results) {
        expect(r.code, r.stderr).toBe(0);
        noLockedMessage(r.stderr);
      }
      const c = counts(db);
      expect(c.import_batches).toBe(6);
      expect(c.applications).toBe(60);
      expect(soundness(db)).toEqual({ integrity: 'ok', foreignKeys: 0 });
    }
  }, 120_000);

  it.runIf(hasImport)('two imports started together on a database that does not exist yet both succeed; counts add up', async () => {
    const db = path.join(dir, 'fresh.db');
    const one = spawnCli(['--db', db, 'import', fileA, '--call', '2020', '--json']);
    const two = spawnCli(['--db', db, 'import', fileB, '--call', '2020', '--json']);
    const [a, b] = await Promise.all([one.done, two.done]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    noLockedMessage(a.stderr + b.stderr);
    const c = counts(db);
    expect(c.import_batches).toBe(2);
    expect(c.applications).toBe(accepted(a.stdout) + accepted(b.stdout));
    expect(soundness(db)).toEqual({ integrity: 'ok', foreignKeys: 0 });
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
  }, 60_000);

  it.runIf(hasImport)('readers (list, stats, db check) keep working while an import writes', async () => {
    const db = path.join(dir, 'readers.db');
    expect(runCli(['--db', db, 'import', fileA, '--call', '2020', '--quiet']).code).toBe(0);
    const before = counts(db).applications;
    const writer = spawnCli(['--db', db, 'import', fileB, '--call', '2021', '--json']);
    let finished = false;
    void writer.done.then(() => (finished = true));
    let reads = 0;
    while (!finished || reads < 3) {
      for (const args of [['stats', '--json'], ['list', '--json', '--limit', '5'], ['db', 'check', '--json']]) {
        const r = runCli(['--db', db, ...args]);
        expect(r.code, r.stderr).toBe(0);
        noLockedMessage(r.stderr);
      }
      reads++;
      // Let the writer's exit be noticed (runCli blocks the event loop while it runs).
      await sleep(5);
      if (reads > 100) break;
    }
    const w = await writer.done;
    expect(w.code, w.stderr).toBe(0);
    expect(counts(db).applications).toBe(before + accepted(w.stdout));
  }, 60_000);

  it.runIf(hasImport && hasTag)('import and tag auto at the same time: both succeed, nothing lost', async () => {
    const db = path.join(dir, 'tagging.db');
    const first = runCli(['--db', db, 'import', fileA, '--call', '2020', '--json', '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    const importing = spawnCli(['--db', db, 'import', fileB, '--call', '2021', '--json']);
    const tagging = spawnCli(['--db', db, 'tag', 'auto', '--yes']);
    const [i, t] = await Promise.all([importing.done, tagging.done]);
    expect(i.code, i.stderr).toBe(0);
    expect(t.code, t.stderr).toBe(0);
    noLockedMessage(i.stderr + t.stderr);
    expect(counts(db).applications).toBe(accepted(first.stdout) + accepted(i.stdout));
    expect(counts(db).application_categories).toBeGreaterThan(0);
    expect(soundness(db)).toEqual({ integrity: 'ok', foreignKeys: 0 });
  }, 60_000);
});
