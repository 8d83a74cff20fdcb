import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, dumpOf, errorLine, fill, interrupt, listing, run, smallDisk, tempDir, writeCall } from './support.js';

/**
 * Faults met on the paths added in the ninth round: the 2020–2021 Teams list, Google Meet and
 * Webex reports read by event attendance, exports with --delimiter, list --csv into a file.
 */
let work: string;
let db: string;

beforeAll(() => {
  work = tempDir('skillsnet-faults-today-');
  const call = writeCall(path.join(work, 'call.csv'), 50);
  db = path.join(work, 'call.db');
  expect(run(['--db', db, 'import', call, '--call', '2020', '--quiet']).code).toBe(0);
  const added = run(['--db', db, 'event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2021-03-29 15:00', '--tz', 'Europe/Paris', '--quiet']);
  expect(added.code, added.stderr).toBe(0);
}, 60_000);

/** A 2020–2021 Teams list of `people` who each joined and left once. */
function teamsList(file: string, people: number): string {
  const lines = ['Full Name\tUser Action\tTimestamp'];
  for (let i = 0; i < people; i++) lines.push(`Person ${i} Tester\tJoined\t3/29/2021, 3:${String(i % 50).padStart(2, '0')}:00 PM`);
  for (let i = 0; i < people; i++) lines.push(`Person ${i} Tester\tLeft\t3/29/2021, 4:${String(i % 50).padStart(2, '0')}:30 PM`);
  fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
  return file;
}

describe('event attendance of a long 2020–2021 Teams list', () => {
  it('answers Ctrl-C within a second and keeps nothing (the rows were read in one block: a 20,000-row list ran its 109 s to the end, exit 0)', async () => {
    const list = teamsList(path.join(work, 'teams-2021.csv'), 8000);
    const before = dumpOf(db);
    const r = await interrupt(['--db', db, 'event', 'attendance', '1', list, '--yes'], 1200);
    expect(r.code, r.stderr).toBe(130);
    expect(errorLine(r)).toMatch(/^error: interrupted \(SIGINT\); work in progress was rolled back/);
    expect(r.afterSigint!).toBeLessThan(1000);
    expect(dumpOf(db)).toBe(before);
    // (the -wal beside the database is SQLite's own, read back on the next open)
    expect(listing(work).filter((f) => /\.tmp$|-journal$/.test(f))).toEqual([]);
  }, 60_000);
});

describe('event attendance while another command writes to the database', () => {
  it('waits for the other writer and then stores the report (it failed at once with SQLITE_BUSY: its savepoint began a deferred transaction)', async () => {
    const report = path.join(work, 'webex.csv');
    fs.writeFileSync(report, 'Name,Email,Join Time,Leave Time,Duration\r\nAwa Traoré,atraore@example.org,03/29/2021 3:00 PM,03/29/2021 3:40 PM,40 mins\r\n');
    // Another command's transaction: it holds the write lock, then commits a change after this one has started.
    const other = new Database(db);
    other.exec('BEGIN IMMEDIATE');
    other.prepare("UPDATE events SET title = 'Webinar (moved)' WHERE id = 1").run();
    const child = spawn(process.execPath, [BIN, '--db', db, 'event', 'attendance', '1', report], {
      cwd: ROOT, env: { ...process.env, NO_COLOR: '1', SKILLSNET_DB: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise((r) => setTimeout(r, 2500));
    other.exec('COMMIT');
    other.close();
    const code = await exit;
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/1 rows: /);
  }, 60_000);
});

describe('event attendance --json read by a program that stops early', () => {
  it('ends quietly with success under `| head -c 1` (the closed output was wrapped as an error document: "error: the output was closed")', () => {
    const report = path.join(work, 'webex-long.csv');
    const rows = Array.from({ length: 3000 }, (_, i) => `Guest ${i} Visitor,guest${i}@example.org,03/29/2021 3:00 PM,03/29/2021 3:40 PM,40 mins`);
    fs.writeFileSync(report, ['Name,Email,Join Time,Leave Time,Duration', ...rows].join('\r\n') + '\r\n');
    const err = path.join(work, 'head.err');
    const r = spawnSync('/bin/bash', ['-c', '"$0" "$1" --db "$2" event attendance 1 "$3" --dry-run --json 2>"$4" | head -c 1 >/dev/null; echo "${PIPESTATUS[0]}"', process.execPath, BIN, db, report, err], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SKILLSNET_DB: '' } });
    expect(r.stdout.trim()).toBe('0');
    expect(fs.readFileSync(err, 'utf8')).not.toMatch(/error|EPIPE|    at /);
  }, 60_000);
});

describe('event attendance --json on a full disk', () => {
  it('prints its one JSON document with the error (stdout was empty), exit 1, the database as it was', () => {
    const disk = smallDisk('8m');
    try {
      const full = path.join(disk.dir, 'call.db');
      expect(run(['--db', db, 'db', 'backup', full]).code).toBe(0);
      const report = path.join(work, 'webex-disk.csv');
      const rows = Array.from({ length: 8000 }, (_, i) => `Guest ${i} Visitor,guest${i}@example.org,03/29/2021 3:00 PM,03/29/2021 3:40 PM,40 mins`);
      fs.writeFileSync(report, ['Name,Email,Join Time,Leave Time,Duration', ...rows].join('\r\n') + '\r\n');
      const before = dumpOf(full);
      // Room to open the database, not to store the report's rows: the disk fills in the middle of the write.
      fill(disk.dir, 512 * 1024);
      const r = run(['--db', full, 'event', 'attendance', '1', report, '--json']);
      expect(r.code, r.stderr).toBe(1);
      expect(errorLine(r)).toMatch(/the disk is full \(SQLITE_FULL\)/);
      expect(JSON.parse(r.stdout)).toMatchObject({ error: expect.stringMatching(/the disk is full/), hint: expect.stringMatching(/free some space/) });
      fs.rmSync(path.join(disk.dir, '.filler'));
      expect(dumpOf(full)).toBe(before);
    } finally {
      disk.unmount();
    }
  }, 60_000);
});
