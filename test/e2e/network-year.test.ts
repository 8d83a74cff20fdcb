/**
 * A year of the Network through the built CLI: reports and exports an officer meets after the
 * first meeting (the 2020–2021 Teams list of actions, …).
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, ROOT, runCli, tempDir } from './support/cli.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'events', 'members.csv');

let dir: string;
const sk = (...args: string[]) => runCli(['--db', path.join(dir, 'network.db'), ...args], { cwd: dir });
const write = (name: string, bytes: string | Buffer) => {
  fs.writeFileSync(path.join(dir, name), bytes);
  return path.join(dir, name);
};

beforeAll(() => {
  dir = tempDir('skillsnet-network-year-');
  expect(sk('import', FIXTURE, '--call', '2020').code).toBe(0);
}, 60_000);

describe('the 2020–2021 Teams attendance list (one line per Joined / Left)', () => {
  it('is read: one row per connection, minutes from join to leave, rows = matched + unmatched', () => {
    expect(sk('event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2021-03-29 15:00', '--tz', 'Europe/Paris', '--json').code).toBe(0);
    const list = [
      'Full Name\tUser Action\tTimestamp',
      'Skills Network Secretariat\tJoined before\t3/29/2021, 2:55:10 PM',
      'Mariam Al-Masri\tJoined\t3/29/2021, 2:58:00 PM',
      'Awa Traoré\tJoined\t3/29/2021, 3:01:30 PM',
      'Mariam Al-Masri\tLeft\t3/29/2021, 3:20:00 PM',
      'Mariam Al-Masri\tJoined\t3/29/2021, 3:25:00 PM',
      'Awa Traoré\tLeft\t3/29/2021, 3:45:30 PM',
      'Mariam Al-Masri\tLeft\t3/29/2021, 4:00:00 PM',
    ].join('\r\n');
    const file = write('teams-2021.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(list, 'utf16le')]));
    const r = sk('event', 'attendance', '1', file, '--json');
    expect(r.code, r.stderr).toBe(0);
    const a = json(r);
    expect(a).toMatchObject({ rows: 4, matched: 3, unmatched: 1 });
    expect(a.files).toEqual([expect.objectContaining({ source: 'teams', rows: 4, actionLines: 7, matched: 3, unmatched: 1 })]);
    const show = json(sk('event', 'show', '1', '--json'));
    const minutes = Object.fromEntries(show.attendees.map((x: any) => [x.organization, x.minutes]));
    expect(minutes).toMatchObject({ 'Organisation 23': 57, 'Organisation 88': 44 });
    const human = sk('event', 'attendance', '1', file);
    expect(human.code).toBe(0);
    expect(human.stderr).toMatch(/7 Joined\/Left lines read as 4 connections/);
    expect(human.stderr).not.toMatch(/Mariam|Traoré|@example/);
  });
});
