/**
 * The event commands through the built CLI, as an officer runs them: a network imported from a
 * spreadsheet, the first Core Group meeting, invitations in every member's own time (Samoa
 * across the date line, Chile on summer time), the calendar file read back by Python's
 * icalendar and by ical.js, and attendance from Zoom and Teams reports in three languages.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, ROOT, runCli, tempDir } from './support/cli.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'events', 'members.csv');
const SAMPLES = path.join(ROOT, 'data', 'sample', 'events');
const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import icalendar'], { encoding: 'utf8' }).status === 0);

let dir: string;
const sk = (...args: string[]) => runCli(['--db', path.join(dir, 'network.db'), ...args], { cwd: dir });

beforeAll(() => {
  dir = tempDir('skillsnet-events-e2e-');
  expect(sk('import', FIXTURE, '--call', '2020').code).toBe(0);
  expect(sk('tag', 'auto').code).toBe(0);
}, 60_000);

describe('an event from start to finish (built CLI)', () => {
  it('adds the meeting and prints {"id": …} on stdout alone', () => {
    const r = sk('event', 'add', '1st Core Group meeting', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich', '--duration', '120', '--languages', 'en,fr,es', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ id: 1, startUtc: '2020-11-19T13:00:00Z' });
    const plain = sk('event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2021-03-04 15:00', '--tz', 'Europe/Zurich');
    expect(plain.stdout).toBe('2\n');
    expect(plain.stderr).toMatch(/^Added event 2: the clinic "Clinic"/m);
  });

  it('exits 2 on a wrong usage and 1 on an event that does not exist, with one error line', () => {
    const usage = sk('event', 'add', 'X', '--kind', 'meeting', '--start', '19/11/2020 14:00', '--tz', 'Europe/Zurich');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^error: "19\/11\/2020 14:00" is not a date and time\n  write it as YYYY-MM-DD HH:MM/);
    // the start as typed, and what it means in the form --start takes (both readings when either could be the day)
    const afternoon = sk('event', 'add', 'X', '--kind', 'meeting', '--start', '2021-11-15 2pm', '--tz', 'Europe/Zurich');
    expect(afternoon.stderr).toBe('error: "2021-11-15 2pm" is not a date and time\n  write it as YYYY-MM-DD HH:MM, in quotes: "2021-11-15 14:00"\n');
    const either = sk('event', 'add', 'X', '--kind', 'meeting', '--start', '03/11/2021 14:00', '--tz', 'Europe/Zurich');
    expect(either.stderr).toContain('"2021-11-03 14:00" (3 November) or "2021-03-11 14:00" (11 March)');
    const missing = sk('event', 'show', '99');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: no event with ID 99\n  list them with skillsnet events/);
  });

  it('invites the network and writes invitations with each member\'s local time', () => {
    expect(json(sk('event', 'invite', '1', '--call', '2020', '--json'))).toMatchObject({ total: 30 });
    expect(sk('event', 'groups', '1', '--by', 'language', '--groups', 'en=2,fr=1,es=1').code).toBe(0);
    const r = sk('event', 'invitations', '1', '--out', 'invitations.csv');
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(dir, 'invitations.csv');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    const row = (email: string) => rows.find((x) => x.email === email)!;
    expect(row('losa.faleolo@example.org')).toMatchObject({ time_zone: 'Pacific/Apia', local_start: '2020-11-20T03:00:00+14:00', group: expect.stringMatching(/^en-[12]$/) });
    expect(row('camila.rojas@example.net')).toMatchObject({ time_zone: 'America/Santiago', local_start: '2020-11-19T10:00:00-03:00', group: 'es-1', language: 'es' });
    expect(row('joao.pereira@example.net').group).toBe('');
    expect(r.stderr).not.toMatch(/@example|Faleolo|Rojas/);
    expect(sk('event', 'invitations', '1', '--out', 'invitations.csv').code).toBe(1);
  });

  it('writes a calendar file that Python\'s icalendar and ical.js read back with the same UID after an edit', () => {
    expect(PYTHON, 'python3-icalendar is missing: apt-get install python3-icalendar (.ci/run does)').toBeDefined();
    expect(sk('event', 'ics', '1', '--out', 'meeting.ics').code).toBe(0);
    expect(sk('event', 'edit', '1', '--set', 'duration=90').code).toBe(0);
    expect(sk('event', 'ics', '1', '--out', 'meeting-v2.ics').code).toBe(0);
    const py = (file: string) => {
      const script = [
        'import sys, json, datetime',
        'from icalendar import Calendar',
        'ev = [c for c in Calendar.from_ical(open(sys.argv[1], "rb").read()).walk("VEVENT")][0]',
        'utc = lambda k: ev.decoded(k).astimezone(datetime.timezone.utc).isoformat()',
        'print(json.dumps({"start": utc("DTSTART"), "end": utc("DTEND"), "uid": str(ev["UID"]), "seq": int(ev["SEQUENCE"])}))',
      ].join('\n');
      const r = spawnSync(PYTHON!, ['-c', script, path.join(dir, file)], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { start: string; end: string; uid: string; seq: number };
    };
    const v1 = py('meeting.ics');
    const v2 = py('meeting-v2.ics');
    expect(v1).toMatchObject({ start: '2020-11-19T13:00:00+00:00', end: '2020-11-19T15:00:00+00:00', seq: 0 });
    expect(v2).toMatchObject({ start: '2020-11-19T13:00:00+00:00', end: '2020-11-19T14:30:00+00:00', seq: 1, uid: v1.uid });
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(fs.readFileSync(path.join(dir, 'meeting-v2.ics'), 'utf8'))).getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(v1.uid);
    expect(event.endDate.toJSDate().toISOString()).toBe('2020-11-19T14:30:00.000Z');
    expect(sk('event', 'edit', '1', '--set', 'duration=120').code).toBe(0);
  });

  it('imports Zoom and Teams reports in English, French and Spanish: every row accounted for', () => {
    const files = ['zoom-participants-en.csv', 'teams-attendance-fr.csv', 'zoom-participants-es.csv', 'teams-attendance-es.csv'].map((f) => path.join(SAMPLES, f));
    const r = sk('event', 'attendance', '1', ...files, '--json');
    expect(r.code, r.stderr).toBe(0);
    const a = json(r);
    expect(a.rows).toBe(22 + 8 + 8 + 7);
    expect(a.rows).toBe(a.matched + a.unmatched);
    expect(a.files.map((f: any) => `${f.source}/${f.language}`)).toEqual(['zoom/en', 'teams/fr', 'zoom/es', 'teams/es']);
    for (const f of a.files) expect(f.rows).toBe(f.matched + f.unmatched);
    expect(a.unmatchedRows.map((u: any) => u.name)).toEqual(expect.arrayContaining(['iPhone', 'Invité (Non vérifié)', 'Invitado (No verificado)']));
    // The table of rows left for the officer is data (stdout); the messages name nobody.
    const human = sk('event', 'attendance', '1', path.join(SAMPLES, 'zoom-participants-en.csv'));
    expect(human.stdout).toMatch(/Tafadzwa S\./);
    expect(human.stderr).not.toMatch(/Tafadzwa|@example/);
    expect(human.stderr).toMatch(/event link 1 ROW --member member-N/);
  });

  it('refuses a file that is no attendance report with one error line, and under --json one document on stdout', () => {
    fs.writeFileSync(path.join(dir, 'applications.csv'), 'Organisation,Contact,Email,Country\nFondation Exemple,Ana Exemple,ana@example.org,SN\n');
    const r = sk('event', 'attendance', '1', 'applications.csv', '--json');
    expect(r.code).toBe(1);
    // (a list of applications is said to be one, with the command that reads it)
    const message = 'applications.csv looks like a list of applications or members (it has columns for an organisation and an email), not a meeting report';
    expect(r.stderr.startsWith(`error: ${message}\n`), r.stderr).toBe(true);
    expect(json(r)).toEqual({ error: message, hint: expect.stringMatching(/^import applications with skillsnet import applications\.csv, members with skillsnet member import applications\.csv;/) });
    fs.writeFileSync(path.join(dir, 'notes.csv'), 'Topic,Email\nFollow-up,ana@example.org\n');
    const other = sk('event', 'attendance', '1', 'notes.csv', '--json');
    expect(other.code).toBe(1);
    const none = 'notes.csv has no participants table that skillsnet recognises: line 1 has "Email" but no name column for the participant';
    expect(other.stderr.startsWith(`error: ${none}\n`), other.stderr).toBe(true);
    expect(json(other)).toEqual({ error: none, hint: expect.stringMatching(/Google Meet/) });
  });

  it('links a row to a member, and shows who attended with their minutes', () => {
    const show = json(sk('event', 'show', '1', '--json'));
    const row = show.attendance.unmatchedRows.find((u: any) => u.name === 'Tafadzwa S.');
    const tafadzwa = show.invitees.find((i: any) => i.email === 'tafadzwa.sibanda@example.org').memberId;
    expect(show.attendees.some((x: any) => x.memberId === tafadzwa)).toBe(false);
    expect(sk('event', 'link', '1', String(row.row), '--member', String(tafadzwa)).code).toBe(0);
    const after = json(sk('event', 'show', '1', '--json'));
    expect(after.attendees.find((x: any) => x.memberId === tafadzwa)).toMatchObject({ minutes: 94, joins: 1 });
    expect(after.attendance.rows).toBe(after.attendance.matched + after.attendance.unmatched);
    const text = sk('event', 'show', '1');
    expect(text.stdout).toMatch(/Attendance \(\d+ members\)/);
    expect(text.stdout).toMatch(/Breakout groups \(en=2,fr=1,es=1\)/);
  });

  it('lists events and engagement, and filters the contact export by attendance', () => {
    const events = json(sk('events', '--json'));
    expect(events.map((e: any) => [e.id, e.invited, e.cancelled])).toEqual([[1, 30, false], [2, 0, false]]);
    const never = json(sk('engagement', '--never-attended', '--json')).map((e: any) => e.memberId);
    const show = json(sk('event', 'show', '1', '--json'));
    const losa = show.invitees.find((i: any) => i.email === 'losa.faleolo@example.org').memberId;
    expect(never).toContain(losa);
    const contacts = sk('export', 'contacts', '--never-attended', '--out', '-');
    expect(contacts.stdout).toContain('losa.faleolo@example.org');
    expect(contacts.stdout).not.toContain('nasrin_singh@example.net');
  });
});
