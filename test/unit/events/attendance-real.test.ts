/**
 * event attendance on the reports as Zoom, Teams, Google Meet and Webex write them: each file in
 * test/fixtures/attendance-real keeps the structure of a report found in public code (its README
 * names the source) with invented people. Every row is accounted for, each person is matched to
 * the right member, and the minutes and first joins are the ones computed by hand from the file
 * (the event is in New York, 2021-11-19 10:00, as the reports' clocks are).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchAttendance, type AttendanceMember } from '../../../src/events/attendance/match.js';
import { readAttendanceReport } from '../../../src/events/attendance/report.js';
import { ROOT } from '../support/run.js';

const DIR = path.join(ROOT, 'test', 'fixtures', 'attendance-real');
const MEMBERS: AttendanceMember[] = [
  { memberId: 1, name: 'Ana García', email: 'ana.garcia@example.org' },
  { memberId: 2, name: 'Moussa Kouassi', email: 'mkouassi@example.org' },
  { memberId: 3, name: 'Lina Haddad', email: 'lina.haddad@example.net' },
];

interface Expected {
  tool: 'zoom' | 'teams' | 'meet' | 'webex' | 'bigbluebutton' | 'collaborate';
  /** The zone the report's times were read in, when not the event's. */
  timeZone?: string;
  rows: number;
  /** member -> [minutes, first join] (null: the report gives no times). */
  members: Record<number, [number, string | null]>;
  unmatched: number;
  notAttended?: number;
  meetingStart?: string;
  title?: string;
  /** The people the rows are of, where a re-join makes them fewer than the rows. */
  people?: number;
}

const CASES: [string, Expected][] = [
  ['zoom-en-summary.csv', { tool: 'zoom', rows: 4, people: 3, members: { 1: [128, '09:54:15'], 2: [86, '10:07:44'] }, unmatched: 1, meetingStart: '10:00:00' }],
  ['zoom-en-summary-trailing.csv', { tool: 'zoom', rows: 3, members: { 1: [121, '09:59:00'], 3: [88, '10:02:00'] }, unmatched: 1, meetingStart: '09:58:02' }],
  ['zoom-en-unique.csv', { tool: 'zoom', rows: 3, members: { 1: [65, null], 2: [58, null] }, unmatched: 1 }],
  // the meeting's columns repeat on every row: its start is read there
  ['zoom-onetable.csv', { tool: 'zoom', rows: 2, members: { 1: [115, '10:00:00'], 2: [100, '10:20:00'] }, unmatched: 0, meetingStart: '10:00:00', title: 'Core Group, session 1' }],
  ['zoom-es-semicolon.csv', { tool: 'zoom', rows: 2, members: { 1: [117, '10:01:12'], 2: [55, '10:05:00'] }, unmatched: 0 }],
  ['zoom-es-unique.csv', { tool: 'zoom', rows: 2, members: { 1: [118, null], 3: [90, null] }, unmatched: 0 }],
  // the waiting-room row is a row, not attendance
  ['zoom-es-new.csv', { tool: 'zoom', rows: 3, people: 2, members: { 1: [119, '10:00:30'], 2: [95, '10:10:00'] }, unmatched: 0 }],
  ['zoom-webinar.csv', { tool: 'zoom', rows: 3, members: { 1: [98, '10:02:00'], 3: [59, '10:01:00'] }, unmatched: 1, notAttended: 1, meetingStart: '10:00:00' }],
  ['teams-new-en.csv', { tool: 'teams', rows: 4, people: 3, members: { 1: [123, '09:58:11'], 2: [95, '10:05:00'], 3: [50, '10:10:00'] }, unmatched: 0, meetingStart: '09:58:11' }],
  ['teams-2021-en.csv', { tool: 'teams', rows: 3, members: { 1: [129, '09:57:51'], 2: [59, '10:08:13'], 3: [10, '10:10:00'] }, unmatched: 0, meetingStart: '09:57:51' }],
  ['teams-2020-actions.csv', { tool: 'teams', rows: 3, people: 2, members: { 1: [122, '09:58:01'], 2: [100, '10:05:12'] }, unmatched: 0 }],
  ['meet-name-email.csv', { tool: 'meet', rows: 2, members: { 1: [118, '10:01:14'], 2: [42, '10:05:00'] }, unmatched: 0 }],
  ['meet-summary.csv', { tool: 'meet', rows: 2, members: { 1: [32, '10:00:12'], 3: [62, '10:05:00'] }, unmatched: 0, meetingStart: '10:00:00' }],
  ['meet-first-last.csv', { tool: 'meet', rows: 2, members: { 1: [58, '10:02:00'], 2: [62, '09:58:00'] }, unmatched: 0 }],
  ['webex-display.csv', { tool: 'webex', rows: 2, members: { 1: [118, '10:00:00'], 2: [45, '10:05:00'] }, unmatched: 0 }],
  // the flat webinar attendee report, with its registration survey's columns: "Time in Session" without its unit
  ['zoom-webinar-flat.csv', { tool: 'zoom', rows: 3, members: { 1: [98, '10:02:00'], 3: [59, '10:01:00'] }, unmatched: 1 }],
  // Join and Left as the dashboard's browser writes them, Duration in HH:MM:SS, "-" for still in
  ['bigbluebutton-dashboard.csv', { tool: 'bigbluebutton', rows: 4, members: { 1: [122, '09:58:12'], 2: [45, '10:05:00'], 3: [40, '10:10:00'] }, unmatched: 1 }],
  // UTC times (14:58 is 09:58 in New York); a re-join makes the time in session less than first join to last leave
  ['collaborate-attendance.csv', { tool: 'collaborate', rows: 3, members: { 1: [114, '09:58:00'], 2: [45, '10:05:00'] }, unmatched: 1, meetingStart: '09:52:00', title: 'Skills clinic', timeZone: 'UTC' }],
];

const at = (clock: string | null | undefined) => (clock ? `2021-11-19T${clock}-05:00` : null);

describe('attendance reports as the tools write them (test/fixtures/attendance-real)', () => {
  it('has a test for every fixture, and a README naming each', () => {
    const files = fs.readdirSync(DIR).filter((f) => f !== 'README.md').sort();
    expect(files).toEqual(CASES.map(([f]) => f).sort());
    const readme = fs.readFileSync(path.join(DIR, 'README.md'), 'utf8');
    for (const f of files) expect(readme).toContain(`\`${f}\``);
  });

  it.each(CASES)('%s', async (file, expected) => {
    const report = await readAttendanceReport(fs.readFileSync(path.join(DIR, file)), { file, timeZone: 'America/New_York', eventDate: '2021-11-19' });
    const result = matchAttendance([report], MEMBERS);
    expect(report.file.tool).toBe(expected.tool);
    expect(report.file.notAttended).toBe(expected.notAttended ?? 0);
    expect(report.file.people).toBe(expected.people ?? expected.rows);
    expect([result.rows, result.matched + result.unmatched, result.unmatched]).toEqual([expected.rows, expected.rows, expected.unmatched]);
    expect(report.file.timeZone).toBe(expected.timeZone ?? 'America/New_York');
    // (instants compared: a report read in UTC writes the same instant with its own offset)
    const instant = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);
    const seen = Object.fromEntries(result.perMember.map((p) => [p.memberId, [p.minutes, instant(p.firstJoin)]]));
    expect(seen).toEqual(Object.fromEntries(Object.entries(expected.members).map(([id, [minutes, clock]]) => [id, [minutes, instant(at(clock))]])));
    if (expected.meetingStart) expect(instant(report.file.meeting.startTime)).toBe(instant(at(expected.meetingStart)));
    if (expected.title) expect(report.file.meeting.title).toBe(expected.title);
    for (const row of report.rows) expect(row.problems).toEqual([]);
  });
});

describe('a file event attendance cannot read says what it holds and what to do', () => {
  const read = (bytes: Uint8Array) => readAttendanceReport(bytes, { file: 'report.csv', timeZone: 'America/New_York', eventDate: '2021-11-19' });
  const failure = async (bytes: Uint8Array) => {
    const error = await read(bytes).then(() => null, (e: Error & { hint?: string }) => e);
    expect(error).not.toBeNull();
    return `${error!.message} | ${error!.hint ?? ''}`;
  };

  it.each([
    ['an empty file', Buffer.alloc(0), /^report\.csv is empty \| download the report again/],
    ['a workbook saved from the report', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), /^report\.csv is an Excel workbook \(\.xlsx\).*\| .*save it as "CSV UTF-8"/],
    ['an old workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /^report\.csv is an old Excel workbook \(\.xls\)/],
    // the labels it recognised are named, the participant in the row below is not
    ['a list without times', Buffer.from('Display Name,Attendee Email,Session Name\nAna García,ana.garcia@example.org,Main\n'), /^report\.csv has no participants table that skillsnet recognises: line 1 has "Display Name", "Attendee Email" but no join time, leave time or duration column \| expected a header/],
    ['times without a name', Buffer.from('Join Time,Leave Time,Duration\n10:00,11:00,60\n'), /line 1 has "Join Time", "Leave Time", "Duration" but no name column for the participant/],
    ['a webinar registration report', Buffer.from('Registration Report,,,\nTopic,Webinar ID,Scheduled Time,# Registered\nClinic,847 5984 1045,"Nov 19, 2021 10:00 AM",1\nRegistrant Details,,,\nFirst Name,Last Name,Email,Registration Time\nAna,García,ana.garcia@example.org,"Nov 10, 2021 09:00:00"\n'), /^report\.csv is Zoom's webinar registration report: it lists who registered, not who came \| export the attendee report instead/],
    // (a program or an image given by mistake: said as such, not as a report whose header is unknown)
    ['a binary file', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /^report\.csv holds binary data, not the text \(CSV\) a meeting tool writes \| check that you gave the right file/],
    // a date range's report: two sessions' rows in one file
    ['several sessions', Buffer.from(fs.readFileSync(path.join(DIR, 'collaborate-attendance.csv'), 'utf8') + fs.readFileSync(path.join(DIR, 'collaborate-attendance.csv'), 'utf8').split('\r\n').slice(1, 3).map((l) => l.replaceAll('11/19/2021', '11/26/2021').replace('9f8e7d6c', '1a2b3c4d')).join('\r\n')),
      /^report\.csv holds the participants of 2 meetings \("Skills clinic", ID c1a5e0b2d3f44e6f8a9b0c1d2e3f4a5b, started 11\/19\/2021 14:52; "Skills clinic", ID c1a5e0b2d3f44e6f8a9b0c1d2e3f4a5b, started 11\/26\/2021 14:52\), and an event's report is of one meeting \| download the attendance report for this session's date only/],
    ['notes', Buffer.from('Notes of the meeting\nAna García spoke first.\n'), /^report\.csv has no participants table that skillsnet recognises: no line has a participant's name column beside a join time, leave time or duration \| expected a header/],
  ])('%s', async (_, bytes, message) => {
    const text = await failure(bytes);
    expect(text).toMatch(message);
    expect(text).not.toContain('Ana');
    expect(text).not.toContain('@example.org');
  });
});

describe('a report whose tool writes UTC', () => {
  const bytes = () => fs.readFileSync(path.join(DIR, 'collaborate-attendance.csv'));
  it('is read in UTC and says so, unless the officer names a zone', async () => {
    const utc = await readAttendanceReport(bytes(), { file: 'c.csv', timeZone: 'America/New_York', eventDate: '2021-11-19' });
    expect(utc.file.timeZone).toBe('UTC');
    expect(utc.rows[1]!.joinTime).toBe('2021-11-19T14:58:00+00:00');
    expect(utc.file.warnings).toEqual([expect.stringMatching(/^its times were read in UTC, as Blackboard Collaborate writes them/)]);
    const named = await readAttendanceReport(bytes(), { file: 'c.csv', timeZone: 'America/New_York', zoneGiven: true, eventDate: '2021-11-19' });
    expect(named.file.timeZone).toBe('America/New_York');
    expect(named.rows[1]!.joinTime).toBe('2021-11-19T14:58:00-05:00');
    expect(named.file.warnings).toEqual([]);
  });
});
