/** Small messages a new user met: each says what is wrong in plain words and what to do. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../support/run.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'events', 'members.csv');
let dir: string;
let db: string;
const sk = (args: string[]) => run(['--db', db, ...args], { cwd: dir });

beforeAll(async () => {
  dir = tempDir('skillsnet-messages-');
  db = path.join(dir, 'n.db');
  expect((await sk(['import', FIXTURE, '--call', '2020'])).code).toBe(0);
  expect((await sk(['event', 'add', 'Meeting', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich'])).code).toBe(0);
}, 60_000);

describe('small messages', () => {
  it('"an application", not "a application"', async () => {
    const r = await sk(['edit', '1', '--set', 'shoeSize=42']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: an application has no field "shoeSize"/m);
  });

  it('a missing attendance report is "no such file", as import says it, not ENOENT', async () => {
    const r = await sk(['event', 'attendance', '1', 'missing.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot read \S*missing\.csv: no such file/m);
    expect(r.stderr).not.toMatch(/ENOENT/);
  });

  it.each([
    [['event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2021-03-01 10:00', '--tz', 'CET']],
    [['member', 'set', 'member-1', '--time-zone', 'CET']],
    [['edit', 'person-1', '--set', 'timeZone=EST']],
  ])('%j: a zone abbreviation is refused with the reason and the place to give instead', async (args) => {
    const r = await sk(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/abbreviations such as (CET|EST) are refused: .*summer time/);
    expect(r.stderr).toMatch(/Europe\/Paris or Europe\/Zurich/);
  });

  it('destructive commands off a terminal without --yes are usage errors (exit 2), all alike', async () => {
    const erase = await sk(['erase', 'person-1']);
    expect(erase.code).toBe(2);
    expect(erase.stderr).toMatch(/needs confirmation\n {2}.*--yes/);
    const del = await sk(['event', 'delete', '1']);
    expect(del.code).toBe(2);
    expect(del.stderr).toMatch(/needs confirmation\n {2}add --yes/);
  });
});
