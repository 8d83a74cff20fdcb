/**
 * Two reports of one meeting count a member's time once; two sessions' reports add up — on the
 * real layouts of test/fixtures/attendance-real (the event is in New York, 2021-11-19 10:00, as
 * the reports' clocks are). The second day's reports are the first day's files with its date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchAttendance, type AttendanceMember } from '../../../src/events/attendance/match.js';
import { readAttendanceReport } from '../../../src/events/attendance/report.js';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../src/db/connection.js';
import { json, ROOT, run, tempDir } from '../support/run.js';

const DIR = path.join(ROOT, 'test', 'fixtures', 'attendance-real');
const fixture = (file: string) => fs.readFileSync(path.join(DIR, file), 'utf8');
/** The same layout a day later: the second day of a workshop (a recurring Zoom meeting keeps its ID). */
const nextDay = (text: string) => text.replaceAll('11/19/2021', '11/20/2021');
/** Zoom's unique users exported with the meeting data: the summary block of a participants report above its table. */
const uniqueWithSummary = (summaryOf: string) => [...fixture(summaryOf).split(/\r?\n/).slice(0, 3), ...fixture('zoom-en-unique.csv').split(/\r?\n/)].join('\r\n');

const MEMBERS: AttendanceMember[] = [
  { memberId: 1, name: 'Ana García', email: 'ana.garcia@example.org' },
  { memberId: 2, name: 'Moussa Kouassi', email: 'mkouassi@example.org' },
];

describe('matchAttendance with the meetings of the reports', () => {
  it('Zoom\'s participants report and its unique users of the same meeting: the larger, not the sum', async () => {
    const read = (file: string) => readAttendanceReport(fs.readFileSync(path.join(DIR, file)), { file, timeZone: 'America/New_York', eventDate: '2021-11-19' });
    const reports = [await read('zoom-en-summary.csv'), await read('zoom-en-unique.csv')];
    const minutes = (r: ReturnType<typeof matchAttendance>) => Object.fromEntries(r.perMember.map((p) => [p.memberId, p.minutes]));
    // each report a meeting of its own (no meetings given): added, as for two sessions
    expect(minutes(matchAttendance(reports, MEMBERS))).toEqual({ 1: 128 + 65, 2: 86 + 58 });
    const one = new Map([['zoom-en-summary.csv', 'm'], ['zoom-en-unique.csv', 'm']]);
    const r = matchAttendance(reports, MEMBERS, { meetings: one });
    expect(minutes(r)).toEqual({ 1: 128, 2: 86 });
    expect(r.rows).toBe(r.matched + r.unmatched);
    expect(r.rows).toBe(7);
  });
});

describe('event attendance: reports grouped by meeting', () => {
  async function event(files: Record<string, string>) {
    const dir = tempDir('skillsnet-attmin-');
    const db = path.join(dir, 'n.db');
    const sk = (...args: string[]) => run(['--db', db, ...args], { cwd: dir });
    const ids: Record<string, number> = {};
    for (const [org, name, email] of [['Red Andina', 'Ana García', 'ana.garcia@example.org'], ['Taller Sur', 'Moussa Kouassi', 'mkouassi@example.org'], ['Lumen', 'Lina Haddad', 'lina.haddad@example.net']]) {
      const added = await sk('member', 'add', '--organization', org!, '--name', name!, '--email', email!, '--country', 'PE', '--json');
      expect(added.code, added.stderr).toBe(0);
      ids[name!] = json(added).id;
    }
    expect((await sk('event', 'add', 'Workshop', '--kind', 'workshop', '--start', '2021-11-19 10:00', '--tz', 'America/New_York', '--duration', '120')).code).toBe(0);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const imported = await sk('event', 'attendance', '1', ...Object.keys(files), '--json');
    expect(imported.code, imported.stderr).toBe(0);
    const result = json(imported);
    expect(result.rows).toBe(result.matched + result.unmatched);
    const shown = await sk('event', 'show', '1', '--json');
    const minutes = Object.fromEntries((json(shown).attendees as { memberId: number; minutes: number }[]).map((a) => [a.memberId, a.minutes]));
    return { dir, db, sk, ids, result, minutes, show: json(shown), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
  }

  it('a participants report and its unique users (no ID, no times) of the same meeting: counted once, and said', async () => {
    const e = await event({ 'participants.csv': fixture('zoom-en-summary.csv'), 'unique.csv': fixture('zoom-en-unique.csv') });
    // Ana 09:54:15–12:01:59 (128) and 65 in the unique list; Moussa 53 + 34 (86) and 58: not 193 and 144
    expect(e.minutes).toEqual({ [e.ids['Ana García']!]: 128, [e.ids['Moussa Kouassi']!]: 86 });
    expect(e.result.warnings).toEqual([expect.stringMatching(/^participants\.csv, unique\.csv: 2 reports of the same meeting \(ID 60245167821, 2021-11-19\): minutes counted once for 2 members .*unique\.csv gives no meeting time/)]);
    expect(e.show.attendance.warnings).toEqual(e.result.warnings);
    const human = await e.sk('event', 'show', '1');
    expect(human.stderr).toMatch(/2 reports of the same meeting/);
    e.cleanup();
  });

  it('the same with the unique users exported with the meeting data (same ID, same times)', async () => {
    const e = await event({ 'participants.csv': fixture('zoom-en-summary.csv'), 'unique.csv': uniqueWithSummary('zoom-en-summary.csv') });
    expect(e.minutes).toEqual({ [e.ids['Ana García']!]: 128, [e.ids['Moussa Kouassi']!]: 86 });
    expect(e.result.warnings).toEqual([expect.not.stringMatching(/gives no meeting time/)]);
    e.cleanup();
  });

  it('two days of a workshop, one report a day (the same recurring meeting ID): added up, no warning', async () => {
    const e = await event({ 'day1.csv': fixture('zoom-en-summary.csv'), 'day2.csv': nextDay(fixture('zoom-en-summary.csv')) });
    // 127.7 + 127.7 and 86.3 + 86.3, rounded once
    expect(e.minutes).toEqual({ [e.ids['Ana García']!]: 255, [e.ids['Moussa Kouassi']!]: 173 });
    expect(e.result.warnings).toEqual([]);
    expect(e.show.attendance.warnings).toEqual([]);
    // 8 rows of the same 3 people (Moussa re-joined each day): people, in all and per file
    expect(e.show.attendance).toMatchObject({ rows: 8, people: 3 });
    expect(e.show.attendance.files.map((f: { rows: number; people: number }) => [f.rows, f.people])).toEqual([[4, 3], [4, 3]]);
    expect((await e.sk('event', 'show', '1')).stdout).toMatch(/8 report rows \(3 people\) from 2 files/);
    e.cleanup();
  });

  it('day one\'s participants and day two\'s unique users with its meeting data: added up', async () => {
    const e = await event({ 'day1.csv': fixture('zoom-en-summary.csv'), 'day2-unique.csv': nextDay(uniqueWithSummary('zoom-en-summary.csv')) });
    expect(e.minutes).toEqual({ [e.ids['Ana García']!]: 128 + 65, [e.ids['Moussa Kouassi']!]: 86 + 58 });
    expect(e.result.warnings).toEqual([]);
    e.cleanup();
  });

  it('a list without times beside two days\' reports: a meeting of its own with a warning naming both days, until --same-meeting-as says which', async () => {
    const e = await event({ 'day1.csv': fixture('zoom-en-summary.csv'), 'unique.csv': fixture('zoom-en-unique.csv'), 'day2.csv': nextDay(fixture('zoom-en-summary.csv')).replaceAll('60245167821', '60245167822') });
    const [ana, moussa] = [e.ids['Ana García']!, e.ids['Moussa Kouassi']!];
    // not day one's (it was, as the meeting that overlaps the event's time): 128 + 128 + 65
    expect(e.minutes).toEqual({ [ana]: 255 + 65, [moussa]: 173 + 58 });
    expect(e.result.warnings).toEqual([expect.stringMatching(/^unique\.csv: gives no meeting time or ID, and the event has 2 Zoom meetings \(day1\.csv on 2021-11-19 \(ID 60245167821\); day2\.csv on 2021-11-20 \(ID 60245167822\)\): .*--same-meeting-as day1\.csv/)]);
    expect(e.show.attendance.warnings).toEqual(e.result.warnings);
    // the officer says it is day two's: counted once there
    const again = await e.sk('event', 'attendance', '1', 'unique.csv', '--same-meeting-as', 'day2.csv', '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(json(again).warnings).toEqual([expect.stringMatching(/^day2\.csv, unique\.csv: 2 reports of the same meeting \(ID 60245167822, 2021-11-20\)/)]);
    const shown = json(await e.sk('event', 'show', '1', '--json')).attendees.map((x: { memberId: number; minutes: number }) => [x.memberId, x.minutes]);
    expect(shown).toEqual([[ana, 255], [moussa, 173]]);
    // a report the event does not have: refused, naming those it has
    const wrong = await e.sk('event', 'attendance', '1', 'unique.csv', '--same-meeting-as', 'day3.csv');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^error: --same-meeting-as day3\.csv: event 1 has no report of that name/m);
    expect(wrong.stderr).toMatch(/day1\.csv, .*day2\.csv/);
    // a report with its own times is placed by them, and told so
    const timed = await e.sk('event', 'attendance', '1', 'day1.csv', '--same-meeting-as', 'day2.csv', '--json');
    expect(json(timed).files[0].warnings).toEqual([expect.stringMatching(/gives its own times, which place it: --same-meeting-as day2\.csv was not used/)]);
    e.cleanup();
  });

  it('--same-meeting-as with two days\' reports of one name (Zoom names them after the recurring ID): the path says which; naming the report itself is refused', async () => {
    // a list without times imported while the event has no meeting yet: at the event's time, no warning
    const e = await event({ 'unique.csv': fixture('zoom-en-unique.csv') });
    expect(e.result.warnings).toEqual([]);
    const [ana, moussa] = [e.ids['Ana García']!, e.ids['Moussa Kouassi']!];
    for (const [day, text] of [['d1', fixture('zoom-en-summary.csv')], ['d2', nextDay(fixture('zoom-en-summary.csv'))]] as const) {
      fs.mkdirSync(path.join(e.dir, day));
      fs.writeFileSync(path.join(e.dir, day, 'participants_60245167821.csv'), text);
    }
    const days = await e.sk('event', 'attendance', '1', 'd1/participants_60245167821.csv', 'd2/participants_60245167821.csv', '--json');
    expect(days.code, days.stderr).toBe(0);
    expect(json(days).warnings).toEqual([expect.stringMatching(/^unique\.csv: gives no meeting time .*--same-meeting-as participants_60245167821\.csv \(or another of their files — its path, as some of them have one name\)$/)]);
    // the name alone is either day: refused, not taken to be the latest
    const byName = await e.sk('event', 'attendance', '1', 'unique.csv', '--same-meeting-as', 'participants_60245167821.csv');
    expect(byName.code).toBe(2);
    expect(byName.stderr).toMatch(/^error: --same-meeting-as participants_60245167821\.csv: event 1 has 2 different reports of that name \(2021-11-19; 2021-11-20\)\n {2}give the path/m);
    // the path of day one's: counted once there (day one's 128 and 86 hold the list's 65 and 58), not on day two
    const byPath = await e.sk('event', 'attendance', '1', 'unique.csv', '--same-meeting-as', 'd1/participants_60245167821.csv', '--json');
    expect(byPath.code, byPath.stderr).toBe(0);
    expect(json(byPath).warnings).toEqual([expect.stringMatching(/2 reports of the same meeting \(ID 60245167821, 2021-11-19\)/)]);
    const shown = json(await e.sk('event', 'show', '1', '--json')).attendees.map((x: { memberId: number; minutes: number }) => [x.memberId, x.minutes]);
    expect(shown).toEqual([[ana, 255], [moussa, 173]]);
    // the report itself is no other meeting: refused (it was silently no word at all)
    const self = await e.sk('event', 'attendance', '1', 'unique.csv', '--same-meeting-as', 'unique.csv', '--json');
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/^error: --same-meeting-as unique\.csv names the report being imported$/m);
    expect(json(self)).toMatchObject({ error: expect.stringMatching(/names the report being imported/) });
    e.cleanup();
  });

  it('a Teams report and a Zoom report are two meetings: the untimed minutes add, simultaneous time counts once', async () => {
    const unique = await event({ 'teams.csv': fixture('teams-2021-en.csv'), 'unique.csv': fixture('zoom-en-unique.csv') });
    // Teams: Ana 129, Moussa 59, Lina 10; Zoom's unique users: Ana 65, Moussa 58
    expect(unique.minutes).toEqual({ [unique.ids['Ana García']!]: 129 + 65, [unique.ids['Moussa Kouassi']!]: 59 + 58, [unique.ids['Lina Haddad']!]: 10 });
    expect(unique.result.warnings).toEqual([]);
    unique.cleanup();
    // both timed: Ana 09:54:15 (Zoom) to 12:07:14 (Teams), once
    const timed = await event({ 'teams.csv': fixture('teams-2021-en.csv'), 'zoom.csv': fixture('zoom-en-summary.csv') });
    expect(timed.minutes[timed.ids['Ana García']!]).toBe(133);
    timed.cleanup();
  });

  it('merging two members who came to the meeting both reports describe: counted once there too', async () => {
    const e = await event({ 'participants.csv': fixture('zoom-en-summary.csv'), 'unique.csv': fixture('zoom-en-unique.csv') });
    const [ana, moussa] = [e.ids['Ana García']!, e.ids['Moussa Kouassi']!];
    const merged = await e.sk('merge', `member-${ana}`, `member-${moussa}`, '--yes');
    expect(merged.code, merged.stderr).toBe(0);
    // the timed union (Ana's 128, Moussa's within it) or the unique list's 65 + 58 = 123: 128, not 128 + 123
    const after = json(await e.sk('event', 'show', '1', '--json')).attendees.map((x: { memberId: number; minutes: number }) => [x.memberId, x.minutes]);
    expect(after).toEqual([[ana, 128]]);
    e.cleanup();
  });

  it('migration 34 counts again the minutes a database stored when the two reports were added up', async () => {
    const e = await event({ 'participants.csv': fixture('zoom-en-summary.csv'), 'unique.csv': fixture('zoom-en-unique.csv') });
    const ana = e.ids['Ana García']!;
    // the file as the tool before this rule left it: the sum stored, schema 33
    const raw = new Database(e.db);
    raw.prepare('UPDATE event_attendance SET minutes = 193 WHERE member_id = ?').run(ana);
    raw.pragma('user_version = 33');
    raw.close();
    const db = openDatabase(e.db, { create: true });
    const minutes = db.prepare('SELECT minutes FROM event_attendance WHERE member_id = ?').pluck().get(ana);
    db.close();
    expect(minutes).toBe(128);
    e.cleanup();
  });
});
