import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspect, interrupt, listing, reportScan, run, scanMessages, tempDir, writeCall } from './support.js';

/**
 * Ctrl-C during every long command: the process ends within about a second (measured from the
 * signal to its exit), exits 130, says in one line what was kept, and that is what the database
 * holds; the database stays sound and no half-written or temporary file is left.
 *
 * Each command is first run to the end to learn how long it takes on this machine; Ctrl-C is then
 * sent halfway (a third of the way for scores import, whose last step is one short transaction). A command that ends before the signal fails the test: nothing passes vacuously.
 */
const MAX_EXIT_MS = 1500;

/**
 * The bound for one run: 1.5 s on a machine at rest; on one busier than it has processors (other
 * test files, other programs), everything runs slower, and the bound grows with the load, but
 * never past half of what the command still had to do when Ctrl-C came: a command that did not
 * hear the signal and ran to its end still fails.
 */
function exitBound(remainingMs: number | null): number {
  const busy = Math.max(1, os.loadavg()[0]! / Math.max(1, os.cpus().length));
  if (busy === 1 || remainingMs === null) return MAX_EXIT_MS;
  return Math.max(MAX_EXIT_MS, Math.min(MAX_EXIT_MS * busy, remainingMs / 2));
}
let work: string;
let big: string;
let small: string;
let untagged: string;
let tagged: string;
/** The tagged call and 15,000 more applications: exports that take 0.6 s of a quiet machine on 5,000 (under the 700 ms Ctrl-C waits for) take long enough to interrupt. */
let large: string;
const timings: Record<string, number> = {};

beforeAll(() => {
  work = tempDir('skillsnet-faults-interrupt-');
  big = writeCall(path.join(work, 'big.csv'), 5000, 11);
  small = writeCall(path.join(work, 'small.csv'), 30, 12);
  untagged = path.join(work, 'untagged.db');
  const imported = run(['--db', untagged, 'import', big, '--call', '2020', '--quiet']);
  expect(imported.code, imported.stderr).toBe(0);
  tagged = path.join(work, 'tagged.db');
  expect(run(['--db', untagged, 'db', 'backup', tagged]).code).toBe(0);
  const tag = run(['--db', tagged, 'tag', 'auto', '--quiet']);
  expect(tag.code, tag.stderr).toBe(0);
  const sel = run(['--db', tagged, 'select', '--size', '20', '--name', 'core', '--yes', '--quiet']);
  expect(sel.code, sel.stderr).toBe(0);
  large = path.join(work, 'large.db');
  expect(run(['--db', tagged, 'db', 'backup', large]).code).toBe(0);
  const more = run(['--db', large, 'import', writeCall(path.join(work, 'more.csv'), 15000, 13), '--call', '2020', '--quiet']);
  expect(more.code, more.stderr).toBe(0);
  const tagMore = run(['--db', large, 'tag', 'auto', '--quiet']);
  expect(tagMore.code, tagMore.stderr).toBe(0);
}, 240_000);

/** A fresh copy of a database for one run. */
function copy(db: string, name: string): string {
  const to = path.join(tempDir(`skillsnet-int-${name}-`), 'call.db');
  expect(run(['--db', db, 'db', 'backup', to]).code).toBe(0);
  return to;
}

/**
 * Runs `args` to the end once (on its own copy) to time it, then again with Ctrl-C halfway;
 * checks the exit and returns the interrupted run.
 */
async function interrupted(name: string, db: string, args: (db: string, out: string) => string[], at: number | ((out: string) => boolean) = 0.5) {
  const full = run(args(copy(db, `${name}-full`), tempDir('skillsnet-int-full-out-')));
  expect([0, 1], `${name} to the end: ${full.stderr}`).toContain(full.code);
  // On a busy machine a run may go twice as fast as the one that was timed: when it ends before
  // Ctrl-C lands, it is tried again (fresh copies) with Ctrl-C sent earlier.
  const ended: string[] = [];
  for (const earlier of [1, 0.5, 0.25]) {
    const target = copy(db, name);
    const out = tempDir('skillsnet-int-out-');
    // Never during Node's start-up (a few hundred milliseconds on a busy machine): the command must be at work.
    const delay = typeof at === 'number' ? Math.max(700, Math.round(full.ms * at * earlier)) : () => at(out);
    const r = await interrupt(args(target, out), delay);
    if (r.code !== 130) {
      ended.push(`exit ${r.code}, Ctrl-C ${r.afterSigint === null ? 'never sent' : `sent ${r.afterSigint} ms before the end`}`);
      if (typeof at === 'number') continue;
    }
    return checked(name, r, target, out, typeof delay === 'number' ? full.ms - delay : null);
  }
  throw new Error(`${name}: ended before Ctrl-C took effect three times (${ended.join('; ')}; a full run took ${full.ms} ms)`);
}

function checked(name: string, r: Awaited<ReturnType<typeof interrupt>>, target: string, out: string, remainingMs: number | null = null) {
  if (r.afterSigint === null || r.code !== 130) throw new Error(`${name}: ended (exit ${r.code}) before Ctrl-C took effect; stderr:\n${r.stderr}`);
  timings[name] = r.afterSigint;
  const bound = exitBound(remainingMs);
  expect(r.afterSigint, `${name}: ${r.afterSigint} ms from Ctrl-C to exit (bound ${Math.round(bound)} ms at load ${os.loadavg()[0]!.toFixed(1)})`).toBeLessThan(bound);
  const lines = r.stderr.trim().split('\n').filter((l) => l.startsWith('error:'));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: interrupted \(SIGINT\); /);
  expect(inspect(target).integrity).toBe('ok');
  return { run: r, db: target, out, message: lines[0]! };
}

describe('Ctrl-C', () => {
  it('import of two files: the first kept, the one being read rolled back whole, and it says so', async () => {
    const before = inspect(untagged);
    // Sent while the second file (5,000 rows) is most likely being read; whatever moment it lands, the message must say what the database holds.
    let seen = 0;
    const { db, message } = await interrupted('import', untagged, (db) => ['--db', db, 'import', small, big, '--call', '2021', '--quiet'], 0.45);
    const after = inspect(db);
    const smallRows = 30 + 2; // 30 generated rows and the two planted rows that are not rejected
    if (message.includes('already imported and kept: small.csv;')) {
      expect(message).toBe('error: interrupted (SIGINT); already imported and kept: small.csv; the file being read was rolled back, nothing of it was kept');
      expect(after.batches).toBe(before.batches + 1);
      expect(after.applications).toBe(before.applications + smallRows);
      seen++;
    } else if (message.includes('every file was imported and kept')) {
      expect(message).toBe('error: interrupted (SIGINT); every file was imported and kept (small.csv, big.csv); only the report was not printed');
      expect(after.batches).toBe(before.batches + 2);
      seen++;
    } else {
      // Ctrl-C came while the first file was read: then nothing at all was imported, as said.
      expect(message).toBe('error: interrupted (SIGINT); nothing was imported (the file being read was rolled back)');
      expect(after).toEqual(before);
      seen++;
    }
    expect(seen).toBe(1);
  });

  it('tag auto: the batches saved are kept and counted, the rest untouched', async () => {
    const { db, message } = await interrupted('tag auto', untagged, (db) => ['--db', db, 'tag', 'auto']);
    const after = inspect(db);
    if (message === 'error: interrupted (SIGINT); no application was tagged; nothing was changed') {
      expect(after.tagged).toBe(0);
    } else {
      const kept = /; ([\d,]+) applications? (?:was|were) tagged and kept; the rest were not/.exec(message);
      expect(kept, message).not.toBeNull();
      expect(after.tagged).toBe(Number(kept![1]!.replace(/,/g, '')));
      expect(after.tagged).toBeLessThan(inspect(untagged).applications);
    }
  });

  it('select: the solver is stopped at once, no roster saved', async () => {
    const quotas = path.join(work, 'quotas.csv');
    fs.writeFileSync(quotas, 'feature,value,min,max\ncategory,social-inclusion,,100\ncategory,work-based-learning,40,80\ncategory,training-delivery,40,70\nlanguage,fr,40,60\nlanguage,es,40,60\n');
    const before = inspect(tagged).rosters;
    const { db, message } = await interrupted('select', tagged, (db) => ['--db', db, 'select', '--size', '150', '--min-per-region', '20', '--max-per-country', '4', '--quotas', quotas, '--name', 'big', '--yes']);
    expect(message).toBe('error: interrupted (SIGINT); no roster was saved');
    expect(inspect(db).rosters).toBe(before);
  });

  // (contacts and GraphML are quick to write: they run on the larger call)
  const EXPORTS: [string, string, string[], 'tagged' | 'large'][] = [
    ['export kumu', 'map.xlsx', ['export', 'kumu', '--format', 'xlsx', '--peer-links', '3'], 'tagged'],
    ['export map', 'network.html', ['export', 'map'], 'tagged'],
    ['export contacts', 'contacts.vcf', ['export', 'contacts', '--format', 'vcf'], 'large'],
    ['export graphml', 'network.graphml', ['export', 'graphml', '--peer-links', '3'], 'large'],
  ];
  it.each(EXPORTS)('%s: nothing written, no temporary file', async (name, file, args, from) => {
    const { message, out } = await interrupted(name, from === 'large' ? large : tagged, (db, dir) => ['--db', db, ...args, '--out', path.join(dir, file), '--force']);
    expect(message).toBe('error: interrupted (SIGINT); nothing was written (a file of that name from before is as it was)');
    expect(listing(out)).toEqual([]);
    // (a full run, then one or more interrupted: the map's layout took 10 s of a busy machine's 30)
  }, 90_000);

  it('scores import: nothing saved', async () => {
    const sheet = path.join(work, 'scores.csv');
    const rows = ['Email,Reviewer,Score'];
    // large enough that reading it takes well over the 700 ms the test waits before Ctrl-C, with the fast CSV reader too
    for (let i = 1; i <= 400_000; i++) rows.push(`applicant${i}@example.${['org', 'com', 'net'][i % 3]},Reviewer ${i % 7},${1 + (i % 9)}`);
    fs.writeFileSync(sheet, rows.join('\n') + '\n');
    // Sent while the sheet is read (most of the run): the scores are stored in one short transaction at the end.
    const { db, message } = await interrupted('scores import', tagged, (db) => ['--db', db, 'scores', 'import', sheet], 0.35);
    expect(message).toBe('error: interrupted (SIGINT); no score was saved');
    expect(inspect(db).integrity).toBe('ok');
  });

  it('db backup: no backup and no temporary file left', async () => {
    // A database of some 400 MB (its applications and a table of padding): a backup long enough to interrupt.
    const padded = copy(tagged, 'padded');
    const db = new Database(padded);
    db.exec('CREATE TABLE padding(b BLOB)');
    const add = db.prepare('INSERT INTO padding VALUES (zeroblob(1048576))');
    db.transaction(() => {
      for (let i = 0; i < 400; i++) add.run();
    })();
    db.close();
    // Sent once the copy is under way (its temporary file holds 32 MB).
    const copying = (dir: string) => fs.readdirSync(dir).some((f) => f.endsWith('.tmp') && fs.statSync(path.join(dir, f)).size > 32 * 1024 * 1024);
    const { message, out } = await interrupted('db backup', padded, (db, dir) => ['--db', db, 'db', 'backup', path.join(dir, 'copy.db'), '--force'], copying);
    expect(message).toBe('error: interrupted (SIGINT); no backup was written (its temporary copy was removed)');
    expect(listing(out)).toEqual([]);
  });
});

it('no message of these runs carries the planted personal data', () => {
  const scan = scanMessages();
  reportScan('interrupt', scan, { msFromCtrlCToExit: timings });
  expect(scan.messages).toBeGreaterThan(10);
  expect(scan.leaks).toEqual([]);
});
