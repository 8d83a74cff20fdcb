/**
 * Names keyed anew for other scripts (names.ts) and matched through display names: an officer's
 * decision stored under a name's old key still decides, and erasing a person takes their name
 * out of every row the matching reads it in and every decision stored under either key.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { attendanceRows, saveAttendanceLink } from '../../../src/db/attendance.js';
import { eraseAttendanceOf } from '../../../src/events/attendance/store.js';
import { legacyNameKey, nameKey } from '../../../src/events/attendance/match.js';
import { json, run, tempDir } from '../support/run.js';

let dir: string;
let db: string;
const sk = (...args: string[]) => run(['--db', db, ...args], { cwd: dir });
let lina: number;
let juan: number;

beforeAll(async () => {
  dir = tempDir('skillsnet-attkeys-');
  db = path.join(dir, 'n.db');
  lina = json(await sk('member', 'add', '--organization', 'Red Andina', '--name', 'Lina Haddad', '--json')).id;
  juan = json(await sk('member', 'add', '--organization', 'Red Sur', '--name', 'Juan Pérez', '--json')).id;
  expect((await sk('event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2021-11-19 10:00', '--tz', 'UTC')).code).toBe(0);
  // a bare list (Zoom's unique users): invented people
  fs.writeFileSync(path.join(dir, 'unique.csv'), 'Name (Original Name),User Email,Total Duration (Minutes),Guest\n王 小明,,40,Yes\niPhone de Juan Pérez,,35,Yes\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('attendance decisions and erasure across name keys', () => {
  it('a decision stored under a CJK name\'s old key still links its rows', async () => {
    // (the old key sorted the words: "小明 王"; the new one keeps their order: "王小明")
    expect(legacyNameKey('王 小明')).not.toBe(nameKey('王 小明'));
    const handle = openDatabase(db);
    saveAttendanceLink(handle, { email: null, nameKey: legacyNameKey('王 小明'), memberId: lina });
    handle.close();
    const r = await sk('event', 'attendance', '1', 'unique.csv', '--no-prompt', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).attendees.map((a: { memberId: number }) => a.memberId).sort()).toEqual([lina, juan].sort());
  });

  it('erasing a person takes their name out of a display name matched to them, and their decisions under the old key', async () => {
    const handle = openDatabase(db);
    try {
      const done = eraseAttendanceOf(handle, { names: ['Juan Pérez', '王 小明'] });
      expect(done.links).toBe(1);
      expect(done.rows).toBe(2);
      const names = attendanceRows(handle, 1).flatMap((r) => [r.name, ...r.names]);
      expect(names.some((n) => /Pérez|小明/.test(n ?? ''))).toBe(false);
    } finally {
      handle.close();
    }
  });
});
