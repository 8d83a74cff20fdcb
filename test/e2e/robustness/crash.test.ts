import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, json } from '../support/cli.js';
import { COMMANDS } from '../../../dist/cli/commands.js';
import { copyDb, counts, generateCall, seededRandom, sleep, soundness, spawnCli, type Counts } from './support.js';

/**
 * Crash safety of `import`: one transaction per file, so a SIGKILL at any moment leaves the
 * database sound and holding either all of the file or none of it; Ctrl-C (SIGINT) also exits
 * 130 with one message. Kill moments are random; ROBUSTNESS_SEED replays a run.
 */
const SEED = Number(process.env.ROBUSTNESS_SEED ?? Date.now() % 1_000_000);
const KILLS = Number(process.env.ROBUSTNESS_KILLS ?? 10);
const ROWS = 8_000;
const hasImport = COMMANDS.some((c) => c.name === 'import');

let dir: string;
let bigFile: string;
let baseDb: string;
let before: Counts;
let after: Counts;
/** Wall time of a complete import of bigFile (process start to exit). */
let fullMs: number;

beforeAll(async () => {
  if (!hasImport) return;
  dir = tempDir('skillsnet-crash-');
  const small = generateCall(path.join(dir, 'earlier.csv'), 300, { seed: 2, emailPrefix: 'earlier' });
  bigFile = generateCall(path.join(dir, 'big.csv'), ROWS, { seed: 3, emailPrefix: 'big' });
  baseDb = path.join(dir, 'base.db');
  const first = runCli(['--db', baseDb, 'import', small, '--call', '2020', '--json', '--quiet']);
  expect(first.code, first.stderr).toBe(0);
  before = counts(baseDb);
  const fullDb = path.join(dir, 'full.db');
  copyDb(baseDb, fullDb);
  const run = spawnCli(['--db', fullDb, 'import', bigFile, '--call', '2020', '--json', '--quiet']);
  const r = await run.done;
  expect(r.code, r.stderr).toBe(0);
  fullMs = r.ms;
  after = counts(fullDb);
  expect(after.applications).toBeGreaterThan(before.applications);
  expect(after.import_batches).toBe(before.import_batches + 1);
}, 120_000);

function allOrNothing(db: string, label: string): 'none' | 'all' {
  const s = soundness(db);
  expect(s.integrity, label).toBe('ok');
  expect(s.foreignKeys, label).toBe(0);
  const c = counts(db);
  if (c.import_batches === before.import_batches) {
    expect(c, `${label}: nothing of the file may remain`).toEqual(before);
    return 'none';
  }
  expect(c, `${label}: all of the file must be there`).toEqual(after);
  return 'all';
}

describe.runIf(hasImport)(`crash safety of import (seed ${SEED})`, () => {
  it(`SIGKILL at ${KILLS} random moments: integrity ok, all of the file or none of it`, async () => {
    const random = seededRandom(SEED);
    const outcomes: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const db = path.join(dir, `kill-${i}.db`);
      copyDb(baseDb, db);
      // Within the first 70% of a full run: most kills land mid-import even if the machine speeds up.
      const delay = Math.round((0.05 + random() * 0.65) * fullMs);
      const run = spawnCli(['--db', db, 'import', bigFile, '--call', '2020', '--quiet']);
      await sleep(delay);
      run.child.kill('SIGKILL');
      const r = await run.done;
      const label = `kill ${i} after ${delay} ms of ${fullMs} (seed ${SEED})`;
      const outcome = allOrNothing(db, label);
      if (outcome === 'all') expect(r.signal === 'SIGKILL' || r.code === 0, label).toBe(true);
      // an import that finished first: the machine is faster than when the full run was timed
      // (that run may have shared it with other test files), so later moments come earlier
      if (outcome === 'all' && r.code === 0) fullMs = Math.min(fullMs, r.ms);
      outcomes.push(`${delay}ms:${r.signal ?? r.code}:${outcome}`);
    }
    // The moments must actually have interrupted imports, not only hit finished ones.
    expect(outcomes.filter((o) => o.includes('SIGKILL:none')).length, outcomes.join(' ')).toBeGreaterThanOrEqual(Math.ceil(KILLS / 3));
    // The database still takes the same file afterwards, and it is then complete.
    const db = path.join(dir, 'kill-0.db');
    const again = runCli(['--db', db, 'import', bigFile, '--call', '2020', '--json', '--quiet']);
    expect(again.code, again.stderr).toBe(0);
    expect(json(again).rows).toBe(ROWS);
    expect(counts(db).applications).toBe(after.applications);
  }, 120_000);

  it(`Ctrl-C (SIGINT) at ${KILLS} random moments: exit 130 with one message, all or nothing`, async () => {
    const random = seededRandom(SEED + 1);
    let interrupted = 0;
    for (let i = 0; i < KILLS; i++) {
      const db = path.join(dir, `int-${i}.db`);
      copyDb(baseDb, db);
      const run = spawnCli(['--db', db, 'import', bigFile, '--call', '2020']);
      // Ctrl-C during Node's own start-up (before skillsnet runs) is Node's default handling;
      // wait until the database is open (its WAL file appears), which is after the handler is in.
      const t0 = Date.now();
      while (!fs.existsSync(`${db}-wal`) && run.child.exitCode === null && Date.now() - t0 < 30_000) await sleep(5);
      const opened = Date.now() - t0;
      const delay = Math.round(random() * 0.7 * Math.max(50, fullMs - opened));
      await sleep(delay);
      run.child.kill('SIGINT');
      const r = await run.done;
      const label = `SIGINT ${i} ${delay} ms after the database opened (${opened} ms) of ${fullMs} (seed ${SEED + 1}): exit ${r.code} signal ${r.signal}\nstderr: ${r.stderr.slice(-600)}`;
      const outcome = allOrNothing(db, label);
      if (outcome === 'all') {
        // The import had committed: it finished (0), or the signal came while it was exiting
        // (130, or Node's default action once it is tearing down). Either way the file is whole.
        expect(r.code === 0 || r.code === 130 || r.signal === 'SIGINT', label).toBe(true);
        // finished before the signal: later moments come earlier (as for SIGKILL above)
        if (r.code === 0) fullMs = Math.min(fullMs, r.ms);
        continue;
      }
      interrupted++;
      expect(r.code, label).toBe(130);
      expect(r.stderr, label).toMatch(/^error: .*interrupted/m);
      expect(r.stderr, label).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(r.stdout, label).toBe('');
    }
    expect(interrupted).toBeGreaterThanOrEqual(Math.ceil(KILLS / 3));
  }, 120_000);
});
