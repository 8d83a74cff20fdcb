/**
 * The built CLI on two reports of one meeting (Zoom's participants report and its "show unique
 * users" export) and on two days' reports of one event: the first counted once, with a warning on
 * stderr and in --json; the second added up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, ROOT, runCli, tempDir } from './support/cli.js';

const DIR = path.join(ROOT, 'test', 'fixtures', 'attendance-real');

describe('event attendance with several reports of an event (built CLI)', () => {
  it('counts the same meeting once and two days twice', () => {
    const dir = tempDir('skillsnet-attmin-');
    const sk = (...args: string[]) => runCli(['--db', path.join(dir, 'n.db'), ...args], { cwd: dir });
    const ana = json(sk('member', 'add', '--organization', 'Red Andina', '--name', 'Ana García', '--email', 'ana.garcia@example.org', '--json')).id as number;
    for (const day of ['19', '20']) expect(sk('event', 'add', `Day ${day}`, '--kind', 'workshop', '--start', `2021-11-${day} 10:00`, '--tz', 'America/New_York', '--duration', '120').code).toBe(0);
    const summary = fs.readFileSync(path.join(DIR, 'zoom-en-summary.csv'), 'utf8');
    fs.writeFileSync(path.join(dir, 'day2.csv'), summary.replaceAll('11/19/2021', '11/20/2021'));

    // event 1: the participants report and its unique users, of the same meeting
    const same = sk('event', 'attendance', '1', path.join(DIR, 'zoom-en-summary.csv'), path.join(DIR, 'zoom-en-unique.csv'), '--json');
    expect(same.code, same.stderr).toBe(0);
    expect(json(same).warnings).toHaveLength(1);
    expect(same.stderr).toMatch(/zoom-en-summary\.csv, zoom-en-unique\.csv: 2 reports of the same meeting \(ID 60245167821, 2021-11-19\): minutes counted once for 1 member/);
    expect(json(sk('event', 'show', '1', '--json')).attendees).toEqual([expect.objectContaining({ memberId: ana, minutes: 128 })]);

    // event 2 (as a two-day event): day one's and day two's reports
    const days = sk('event', 'attendance', '2', path.join(DIR, 'zoom-en-summary.csv'), 'day2.csv', '--json');
    expect(days.code, days.stderr).toBe(0);
    expect(json(days).warnings).toEqual([]);
    expect(json(sk('event', 'show', '2', '--json')).attendees).toEqual([expect.objectContaining({ memberId: ana, minutes: 255 })]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
