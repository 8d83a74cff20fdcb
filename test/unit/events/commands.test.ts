/**
 * The event commands in process (run(): main() with captured streams), on a network of the
 * sample call's Core Group plus five members placed to test the clocks: Samoa (across the date
 * line, on summer time in November 2020), Chile (summer time on the event date), Australia
 * (several zones: the capital's, flagged), Brazil (Portuguese: in no breakout group) and Mexico
 * (an organisation named like a spreadsheet formula).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { listMembers } from '../../../src/db/members.js';
import { attendanceRows } from '../../../src/db/attendance.js';
import { eraseAttendanceOf } from '../../../src/events/attendance/store.js';
import { json, ROOT, run, tempDir } from '../support/run.js';
import { bufferIO } from '../../../src/cli/io.js';
import { runEventAttendance } from '../../../src/cli/event-attendance.js';
import { scriptedPrompts } from '../../../src/ui/prompts.js';
import { SAMPLE_DIR } from './fixtures.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'events', 'members.csv');
const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import icalendar'], { encoding: 'utf8' }).status === 0);

let dir: string;
let db: string;
/** member ID by contact email */
const byEmail = new Map<string, number>();
const member = (email: string) => {
  const id = byEmail.get(email);
  if (id === undefined) throw new Error(`no member with ${email} in the fixture`);
  return id;
};
const sk = (args: string[]) => run(['--db', db, ...args], { cwd: dir });
const sample = (file: string) => path.join(SAMPLE_DIR, file);

beforeAll(async () => {
  dir = tempDir('skillsnet-events-');
  db = path.join(dir, 'network.db');
  expect((await sk(['import', FIXTURE, '--call', '2020'])).code).toBe(0);
  expect((await sk(['tag', 'auto'])).code).toBe(0);
  const handle = openDatabase(db);
  for (const m of listMembers(handle)) if (m.email) byEmail.set(m.email, m.id);
  handle.close();
  expect(byEmail.size).toBe(30);
}, 60_000);

describe('event add, edit, cancel', () => {
  it('adds the first Core Group meeting and prints {"id": …}; refuses a time the clocks skip', async () => {
    const r = await sk(['event', 'add', '1st Core Group meeting', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich', '--duration', '120', '--languages', 'en,fr,es', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ id: 1, title: '1st Core Group meeting', kind: 'meeting', start: '2020-11-19T14:00', timeZone: 'Europe/Zurich', localStart: '2020-11-19T14:00:00+01:00', startUtc: '2020-11-19T13:00:00Z', endUtc: '2020-11-19T15:00:00Z', durationMinutes: 120, languages: ['en', 'fr', 'es'], sequence: 0 });

    const gap = await sk(['event', 'add', 'Spring webinar', '--kind', 'webinar', '--start', '2021-03-28 02:30', '--tz', 'Europe/Zurich']);
    expect(gap.code).toBe(2);
    expect(gap.stderr).toMatch(/^error: 2021-03-28 02:30 does not exist in Europe\/Zurich: that night the clocks go forward from 02:00 to 03:00/m);
    const kind = await sk(['event', 'add', 'Party', '--kind', 'party', '--start', '2021-03-01 10:00', '--tz', 'Europe/Zurich']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/unknown kind of event "party"[\s\S]*meeting, webinar, clinic, workshop/);
    const zone = await sk(['event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2021-03-01 10:00', '--tz', 'CET']);
    expect(zone.code).toBe(2);
    // a start --start does not take is quoted as typed ("2021-11-15T2:30 pm" was not what the officer wrote)
    const pm = await sk(['event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2021-11-15 2:30 pm', '--tz', 'Europe/Zurich']);
    expect(pm.stderr).toBe('error: "2021-11-15 2:30 pm" is not a date and time\n  write it as YYYY-MM-DD HH:MM, in quotes: "2021-11-15 14:30"\n');
    // 24:00 is no time the clocks skip: it was answered "the clocks go forward from ? to ?"
    const midnight = await sk(['event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2021-11-15 24:00', '--tz', 'Europe/Zurich']);
    expect(midnight.stderr).toBe('error: 2021-11-15 24:00 is not a real time of day\n  24:00 is the midnight that starts the next day: write "2021-11-16 00:00"\n');
    expect(json(await sk(['events', '--json']))).toHaveLength(1);
  });

  it('warns when the same title at the same moment is added again (the same event twice)', async () => {
    const r = await sk(['event', 'add', '1st  core group meeting', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning: event 1 has the same title and start: it would probably be the same event twice/m);
    const other = await sk(['event', 'add', '1st Core Group meeting', '--kind', 'meeting', '--start', '2020-11-19 15:00', '--tz', 'Europe/Zurich', '--dry-run']);
    expect(other.stderr).not.toMatch(/same title and start/);
  });

  it('a dry run adds nothing', async () => {
    const r = await sk(['event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2021-03-04 15:00', '--tz', 'Europe/Zurich', '--dry-run', '--json']);
    expect(json(r)).toMatchObject({ id: null, dryRun: true });
    expect(json(await sk(['events', '--json']))).toHaveLength(1);
  });

  it('a dry run before the database exists says what would be added, and creates no database file', async () => {
    const nowhere = path.join(dir, 'nowhere.db');
    const r = await run(['--db', nowhere, 'event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2021-03-04 15:00', '--tz', 'Europe/Zurich', '--dry-run'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Dry run: would add the clinic "Clinic", .*Nothing was written\.$/m);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('nowhere'))).toEqual([]);
  });
});

describe('invitations in every member\'s own time', () => {
  let rows: Record<string, string>[];

  beforeAll(async () => {
    const invite = await sk(['event', 'invite', '1', '--call', '2020', '--json']);
    expect(invite.code, invite.stderr).toBe(0);
    expect(json(invite)).toMatchObject({ source: 'filters', found: 30, total: 30 });
    const r = await sk(['event', 'invitations', '1', '--out', 'invitations.csv', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ rows: 30, multipleZones: expect.any(Number), localDates: { '2020-11-19': 28, '2020-11-20': 2 } });
    rows = parse(fs.readFileSync(path.join(dir, 'invitations.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  });

  const row = (email: string) => rows.find((r) => r.email === email)!;

  it('has the columns a mail merge needs, one row per invitee', () => {
    expect(rows).toHaveLength(30);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['email', 'given_name', 'language', 'group', 'time_zone', 'local_start', 'salutation', 'local_date_text', 'multiple_zones_flag']));
  });

  it.each([
    // email, zone, local start: Geneva 14:00 is 13:00 UTC
    ['losa.faleolo@example.org', 'Pacific/Apia', '2020-11-20T03:00:00+14:00'], // across the date line, on summer time
    ['camila.rojas@example.net', 'America/Santiago', '2020-11-19T10:00:00-03:00'], // summer time on the event date
    ['jack.morgan@example.com', 'Australia/Sydney', '2020-11-20T00:00:00+11:00'], // the capital's zone, summer time, next day
    ['lupita.hernandez@example.org', 'America/Mexico_City', '2020-11-19T07:00:00-06:00'],
    ['nasrin_singh@example.net', 'Asia/Kathmandu', '2020-11-19T18:45:00+05:45'],
    ['cvargas@example.org', 'America/Guatemala', '2020-11-19T07:00:00-06:00'],
  ])('%s: %s, %s', (email, zone, start) => {
    expect(row(email)).toMatchObject({ time_zone: zone, local_start: start, utc_start: '2020-11-19T13:00:00Z' });
  });

  it('flags the capital\'s time in a country of several zones, and writes the date in the member\'s language', () => {
    expect(row('jack.morgan@example.com')).toMatchObject({ multiple_zones_flag: 'yes', time_zone_source: 'capital' });
    expect(row('losa.faleolo@example.org').multiple_zones_flag).toBe('no');
    expect(row('camila.rojas@example.net')).toMatchObject({ language: 'es', salutation: expect.stringMatching(/^Hola/) });
    expect(row('camila.rojas@example.net').local_date_text).toMatch(/jueves, 19 de noviembre de 2020/);
    expect(row('atraore@example.org').local_date_text).toMatch(/^jeudi 19 novembre 2020/);
    expect(row('losa.faleolo@example.org').local_date_text).toMatch(/^Friday, 20 November 2020, 03:00/);
  });

  it('neutralises a formula in a cell, writes the file 0600, and refuses to replace it without --force', async () => {
    expect(row('lupita.hernandez@example.org').organization).toMatch(/^'=HYPERLINK/);
    const file = path.join(dir, 'invitations.csv');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const before = fs.readFileSync(file);
    const again = await sk(['event', 'invitations', '1', '--out', 'invitations.csv']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists[\s\S]*--force/);
    expect(fs.readFileSync(file)).toEqual(before);
    expect((await sk(['event', 'invitations', '1', '--out', 'invitations.csv', '--force'])).code).toBe(0);
  });

  it('names no person in its messages', async () => {
    const r = await sk(['event', 'invitations', '1', '--out', 'again.csv']);
    expect(r.stderr).not.toMatch(/Faleolo|Losa|@example/);
  });
});

describe('breakout groups', () => {
  it('splits the invitees en=2, fr=1, es=1, balanced, and names the member in none by ID', async () => {
    const r = await sk(['event', 'groups', '1', '--by', 'language', '--groups', 'en=2,fr=1,es=1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const plan = json(r);
    expect(plan.groups.map((g: { id: string }) => g.id)).toEqual(['en-1', 'en-2', 'fr-1', 'es-1']);
    const en = plan.groups.filter((g: { language: string }) => g.language === 'en').map((g: { size: number }) => g.size);
    expect(Math.abs(en[0] - en[1])).toBeLessThanOrEqual(1);
    expect(plan.optimal).toBe(true);
    expect(plan.unassigned).toEqual([{ memberId: member('joao.pereira@example.net'), workingLanguage: 'pt', reason: 'works in pt; the groups are in en, fr, es' }]);
    expect(r.stderr).not.toMatch(/João|Pereira/);

    const show = json(await sk(['event', 'show', '1', '--json']));
    expect(show.groups.spec).toBe('en=2,fr=1,es=1');
    const inv = show.invitees.find((i: { email: string }) => i.email === 'atraore@example.org');
    expect(inv.group).toBe('fr-1');
    await sk(['event', 'invitations', '1', '--out', 'grouped.csv']);
    const rows = parse(fs.readFileSync(path.join(dir, 'grouped.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.find((x) => x.email === 'diego.lopez@example.net')!.group).toBe('es-1');
    expect(rows.find((x) => x.email === 'joao.pereira@example.net')!.group).toBe('');
  });

  it('refuses groups in a language the event does not run in', async () => {
    const r = await sk(['event', 'groups', '1', '--groups', 'pt=1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the event runs in en, fr, es, not in pt/);
  });
});

describe('the calendar file', () => {
  const read = (file: string) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    return { text, vevent, event: new ICAL.Event(vevent) };
  };

  it('is read back by ical.js with the right instant, and keeps its UID across exports, edits and cancellation', async () => {
    expect((await sk(['event', 'ics', '1', '--out', 'meeting.ics'])).code).toBe(0);
    const first = read('meeting.ics');
    expect(first.event.startDate.toJSDate().toISOString()).toBe('2020-11-19T13:00:00.000Z');
    expect(first.event.endDate.toJSDate().toISOString()).toBe('2020-11-19T15:00:00.000Z');
    expect(first.event.uid).toMatch(/^skillsnet-event-1@[0-9a-f-]{36}$/);
    expect(first.event.attendees).toHaveLength(0);

    const edit = await sk(['event', 'edit', '1', '--set', 'start=2020-11-19 15:00', '--json']);
    expect(json(edit)).toMatchObject({ changed: ['start'], sequence: 1 });
    expect((await sk(['event', 'ics', '1', '--out', 'meeting.ics', '--force'])).code).toBe(0);
    const edited = read('meeting.ics');
    expect(edited.event.uid).toBe(first.event.uid);
    expect(edited.event.sequence).toBe(1);
    expect(edited.event.startDate.toJSDate().toISOString()).toBe('2020-11-19T14:00:00.000Z');

    expect(json(await sk(['event', 'cancel', '1', '--json']))).toMatchObject({ cancelled: true, sequence: 2 });
    const cancel = await sk(['event', 'ics', '1', '--out', 'cancelled.ics']);
    expect(cancel.stderr).toMatch(/^Wrote the calendar cancellation of event 1 \(sequence 2, /m);
    expect(cancel.stderr).toMatch(/^warning: the cancellation names no organiser: some calendars \(Outlook\) keep the entry without one/m);
    const cancelled = read('cancelled.ics');
    expect(cancelled.text).toContain('METHOD:CANCEL\r\n');
    expect(cancelled.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.event.sequence).toBe(2);
    expect(cancelled.event.uid).toBe(first.event.uid);
    expect(first.text).toContain('METHOD:REQUEST\r\n');

    // back as it was, for the rest of the tests
    expect(json(await sk(['event', 'cancel', '1', '--undo', '--json']))).toMatchObject({ cancelled: false, sequence: 3 });
    expect(json(await sk(['event', 'edit', '1', '--set', 'start=2020-11-19 14:00', '--json'])).sequence).toBe(4);
  });

  /** What Python's icalendar reads from a file the CLI wrote. */
  const pythonReads = (file: string) => {
    expect(PYTHON, 'python3-icalendar is missing: apt-get install python3-icalendar (.ci/run does)').toBeDefined();
    const script = [
      'import sys, json, datetime',
      'from icalendar import Calendar',
      'cal = Calendar.from_ical(open(sys.argv[1], "rb").read())',
      'ev = [c for c in cal.walk("VEVENT")][0]',
      'att = ev.get("ATTENDEE") or []',
      'att = att if isinstance(att, list) else [att]',
      'org = ev.get("ORGANIZER")',
      'print(json.dumps({"method": str(cal.get("METHOD")), "start": ev.decoded("DTSTART").astimezone(datetime.timezone.utc).isoformat(), "uid": str(ev["UID"]), "seq": int(ev["SEQUENCE"]),',
      '  "attendees": len(att), "status": str(ev["STATUS"]), "has": "mailto:losa.faleolo@example.org" in [str(a).lower() for a in att],',
      '  "organizer": None if org is None else str(org).lower()}))',
    ].join('\n');
    const r = spawnSync(PYTHON!, ['-c', script, path.join(dir, file)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout);
  };

  it('lists attendees only --with-attendees, and Python\'s icalendar reads it the same (python3-icalendar must be installed)', async () => {
    expect((await sk(['event', 'ics', '1', '--out', 'attendees.ics', '--with-attendees'])).code).toBe(0);
    const uid = read('meeting.ics').event.uid;
    expect(pythonReads('attendees.ics')).toEqual({ method: 'REQUEST', start: '2020-11-19T13:00:00+00:00', uid, seq: 4, attendees: 30, status: 'CONFIRMED', has: true, organizer: null });
    // Without the flag, no invitee's address is in the file.
    expect((await sk(['event', 'ics', '1', '--out', 'plain.ics'])).code).toBe(0);
    expect(pythonReads('plain.ics')).toMatchObject({ attendees: 0, has: false });
    expect(read('plain.ics').text).not.toContain('@example.org\r\n');
    // The former flag still works.
    expect((await sk(['event', 'ics', '1', '--out', 'former.ics', '--with-contact-details'])).code).toBe(0);
    expect(pythonReads('former.ics').attendees).toBe(30);
  });

  it('names the organiser from --organizer or SKILLSNET_ORGANIZER, else none, and says what that means', async () => {
    const none = await sk(['event', 'ics', '1', '--out', 'none.ics']);
    expect(none.stderr).toMatch(/names no organiser, so replies \(accept, decline\) reach nobody: add --organizer YOUR-ADDRESS, or set SKILLSNET_ORGANIZER/);
    expect(read('none.ics').text).not.toContain('ORGANIZER');
    const given = await sk(['event', 'ics', '1', '--out', 'org.ics', '--organizer', 'Skills Network Secretariat <secretariat@example.org>', '--json']);
    expect(json(given)).toMatchObject({ method: 'REQUEST', organizer: 'secretariat@example.org', attendees: 0, withAttendees: false });
    expect(pythonReads('org.ics').organizer).toBe('mailto:secretariat@example.org');
    expect(read('org.ics').vevent.getFirstProperty('organizer')!.getParameter('cn')).toBe('Skills Network Secretariat');
    const fromEnv = await run(['--db', db, 'event', 'ics', '1', '--out', 'env.ics'], { cwd: dir, env: { SKILLSNET_ORGANIZER: 'focal.point@example.net' } });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(fromEnv.stderr).not.toMatch(/no organiser/);
    expect(pythonReads('env.ics').organizer).toBe('mailto:focal.point@example.net');
    const bad = await sk(['event', 'ics', '1', '--out', 'bad.ics', '--organizer', 'Ana Ejemplo']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --organizer: that is not a complete email address\n/);
    expect(bad.stderr).not.toContain('Ana Ejemplo');
    expect(fs.existsSync(path.join(dir, 'bad.ics'))).toBe(false);
  });
});

describe('attendance from Zoom and Teams reports in English, French and Spanish', () => {
  let imported: any;

  beforeAll(async () => {
    const files = ['zoom-participants-en.csv', 'zoom-participants-fr.csv', 'zoom-participants-es.csv', 'teams-attendance-en.csv', 'teams-attendance-fr.csv', 'teams-attendance-es.csv'];
    const r = await sk(['event', 'attendance', '1', ...files.map(sample), '--json']);
    expect(r.code, r.stderr).toBe(0);
    imported = json(r);
  });

  it('accounts for every row: rows = matched + unmatched, per file and in all', () => {
    expect(imported.rows).toBe(67);
    expect(imported.rows).toBe(imported.matched + imported.unmatched);
    expect(imported.files.map((f: any) => [f.file, f.source, f.language, f.rows])).toEqual([
      ['zoom-participants-en.csv', 'zoom', 'en', 22], ['zoom-participants-fr.csv', 'zoom', 'fr', 11], ['zoom-participants-es.csv', 'zoom', 'es', 8],
      ['teams-attendance-en.csv', 'teams', 'en', 11], ['teams-attendance-fr.csv', 'teams', 'fr', 8], ['teams-attendance-es.csv', 'teams', 'es', 7],
    ]);
    for (const f of imported.files) expect(f.rows, f.file).toBe(f.matched + f.unmatched);
    expect(imported.files.reduce((n: number, f: any) => n + f.rows, 0)).toBe(imported.rows);
  });

  it('lists the guests, the secretariat and the interpreters as unmatched, with reasons that name nobody', () => {
    const names = imported.unmatchedRows.map((u: any) => u.name);
    expect(names).toEqual(expect.arrayContaining(['iPhone', 'Invité Zoom', 'Guest (Unverified)', 'Invitado (No verificado)', 'Invité (Non vérifié)', 'Skills Network Secretariat', 'Interpreter EN-FR']));
    for (const u of imported.unmatchedRows) {
      expect(u.reason).not.toContain(u.name || '\u0000');
      if (u.email) expect(u.reason).not.toContain(u.email);
    }
    // Two members are called Carlos Vargas, and both were invited: a row with only the name stays for the officer.
    const carlos = imported.unmatchedRows.find((u: any) => u.name === 'Carlos Vargas');
    expect(carlos).toMatchObject({ problem: 'name-shared', candidates: [member('carlosvargas40@example.net'), member('cvargas@example.org')].sort((a, b) => a - b) });
  });

  it('sums minutes over re-joins and reports, counts overlaps once and leaves the waiting room out', async () => {
    const show = json(await sk(['event', 'show', '1', '--json']));
    const minutes = (email: string) => show.attendees.find((a: any) => a.memberId === member(email));
    // Zoom en: 13:58:03–14:41:50 and 14:44:12–16:00:30
    expect(minutes('yawadeyemi7@example.com')).toMatchObject({ joins: 2, minutes: 120 });
    // Zoom fr: six minutes in the waiting room, then 13:58:02–16:00:11; Teams fr: 13:59:15–14:48:30 and 14:51:02–16:00:04 (inside)
    expect(minutes('clarisse_kabore@example.com')).toMatchObject({ minutes: 122 });
    // Teams es: a re-join; Zoom es: none without an email matched by the name "Diego Lopez"
    expect(minutes('diego.lopez@example.net')!.joins).toBeGreaterThanOrEqual(3);
    expect(show.attendance).toMatchObject({ rows: 67, matched: imported.matched, unmatched: imported.unmatched });
    const never = show.invitees.filter((i: any) => !i.attended).map((i: any) => i.email);
    expect(never).toEqual(expect.arrayContaining(['losa.faleolo@example.org', 'anahit.grigoryan@example.org']));
  });

  it('a report read again replaces its earlier import: nothing counted twice', async () => {
    const again = json(await sk(['event', 'attendance', '1', sample('zoom-participants-fr.csv'), '--json']));
    expect(again).toMatchObject({ rows: 11, files: [{ replaced: true, rows: 11 }] });
    const show = json(await sk(['event', 'show', '1', '--json']));
    expect(show.attendance.rows).toBe(67);
  });

  it('a dry run reads and matches but writes nothing', async () => {
    const event2 = json(await sk(['event', 'add', '2nd Core Group meeting', '--kind', 'meeting', '--start', '2020-12-03 14:00', '--tz', 'Europe/Zurich', '--duration', '120', '--json'])).id;
    const dry = json(await sk(['event', 'attendance', String(event2), sample('zoom-participants-en.csv'), '--dry-run', '--json']));
    expect(dry).toMatchObject({ dryRun: true, rows: 22 });
    expect(dry.files[0].warnings.join(' ')).toMatch(/meeting started on 2020-11-19, the event on 2020-12-03/);
    // no row is kept: no row ID that event link would not find, in JSON or on screen
    expect(dry.unmatchedRows.length).toBeGreaterThan(0);
    expect(dry.unmatchedRows.every((u: { row: unknown }) => u.row === null)).toBe(true);
    const human = await sk(['event', 'attendance', String(event2), sample('zoom-participants-en.csv'), '--dry-run']);
    expect(human.stdout).not.toMatch(/^Row\t/m);
    expect(human.stderr).toMatch(/Import the report without --dry-run to link these rows/);
    expect(json(await sk(['event', 'show', String(event2), '--json'])).attendance.rows).toBe(0);
    await sk(['--yes', 'event', 'delete', String(event2)]);
  });
});

describe('the officer links and ignores rows; engagement and follow-up filters', () => {
  it('matches by name in any order ("Kouassi, Moussa"), then links "Tafadzwa S." and ignores the secretariat for every event', async () => {
    const id = json(await sk(['event', 'add', 'Plenary only', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich', '--duration', '120', '--json'])).id;
    const r = json(await sk(['event', 'attendance', String(id), sample('zoom-participants-en.csv'), '--json']));
    const moussa = member('mkouassi@example.org');
    expect(r.attendees.map((a: any) => a.memberId)).toContain(moussa); // the row has no email, the name is written family name first
    const tafadzwa = r.unmatchedRows.find((u: any) => u.name === 'Tafadzwa S.');
    const secretariat = r.unmatchedRows.find((u: any) => u.name === 'Skills Network Secretariat');

    const link = await sk(['event', 'link', String(id), String(tafadzwa.row), '--member', String(member('tafadzwa.sibanda@example.org')), '--json']);
    expect(link.code, link.stderr).toBe(0);
    expect(json(link)).toMatchObject({ memberId: member('tafadzwa.sibanda@example.org'), by: 'name' });
    expect(link.stderr).not.toMatch(/Tafadzwa/);
    const ignore = json(await sk(['event', 'link', String(id), `zoom-participants-en.csv:${secretariat.line}`, '--ignore', '--json']));
    expect(ignore).toMatchObject({ memberId: null, by: 'email' });
    expect(ignore.rowsAffected).toBeGreaterThanOrEqual(7); // in this event and in event 1 (Zoom and Teams)

    const show = json(await sk(['event', 'show', String(id), '--json']));
    expect(show.attendees.find((a: any) => a.memberId === member('tafadzwa.sibanda@example.org'))).toMatchObject({ minutes: 94 });
    expect(show.attendance.ignored).toBe(1);
    expect(show.attendance.rows).toBe(show.attendance.matched + show.attendance.unmatched);
    const first = json(await sk(['event', 'show', '1', '--json']));
    expect(first.attendance.unmatchedRows.filter((u: any) => u.email === 'secretariat@example.org').every((u: any) => u.ignored)).toBe(true);

    const wrong = await sk(['event', 'link', String(id), String(tafadzwa.row)]);
    expect(wrong.code).toBe(2);

    // the line read off the File:line column, given as the row: the row that line is, never another event's row of that number
    const byLine = await sk(['event', 'link', String(id), String(tafadzwa.line), '--ignore']);
    expect(byLine.code).toBe(2);
    expect(byLine.stderr).toMatch(new RegExp(`^error: event ${id} has no row ${tafadzwa.line} \\(row ${tafadzwa.line} is event \\d+'s\\), but zoom-participants-en\\.csv:${tafadzwa.line} is row ${tafadzwa.row}\n  give the number in the Row column of skillsnet event show ${id}, e\\.g\\. skillsnet event link ${id} ${tafadzwa.row} \\.\\.\\., or the line as FILE:LINE \\(zoom-participants-en\\.csv:${tafadzwa.line}\\)\n$`));
  });

  it('on a terminal, asks about each row left: a member it could be, ignore, or stop — naming nobody in the question', async () => {
    const id = json(await sk(['event', 'add', 'Asked', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich', '--duration', '120', '--json'])).id;
    const carlos = member('cvargas@example.org');
    const prompts = scriptedPrompts([{ kind: 'member', id: carlos }, { kind: 'ignore' }, { kind: 'stop' }]);
    const { io, stdout, stderr } = bufferIO({ tty: true, cwd: dir, prompts: async () => prompts });
    await runEventAttendance({ dbPath: db, id, files: [sample('zoom-participants-en.csv')] }, io);
    expect(prompts.asked).toHaveLength(3);
    expect(prompts.asked[0]).toMatch(/^Row \d+ \(zoom-participants-en\.csv:12, the name fits 2 members \(member-\d+, member-\d+\)\): what is it\?$/);
    expect(prompts.asked.join('\n') + stderr()).not.toMatch(/Carlos|Interpreter|iPhone|@example/);
    expect(stdout()).toMatch(/Carlos Vargas/); // the table the officer decides from
    const show = json(await sk(['event', 'show', String(id), '--json']));
    expect(show.attendees.map((a: any) => a.memberId)).toContain(carlos);
    expect(show.attendance.unmatchedRows.find((u: any) => u.name === 'Interpreter EN-FR').ignored).toBe(true);
    expect(show.attendance.unmatchedRows.find((u: any) => u.name === 'iPhone').ignored).toBe(false);
    await sk(['--yes', 'event', 'delete', String(id)]);
  });

  it('engagement: invited, attended, last attended, presented, minutes; --never-attended', async () => {
    const all = json(await sk(['engagement', '--json']));
    const yaw = all.find((e: any) => e.memberId === member('yawadeyemi7@example.com'));
    expect(yaw).toMatchObject({ invited: 1, attended: 2, lastAttended: '2020-11-19T13:00:00Z', presented: 0 });
    expect(yaw.minutes).toBeGreaterThan(200);
    const never = json(await sk(['engagement', '--never-attended', '--json'])).map((e: any) => e.memberId);
    expect(never).toContain(member('losa.faleolo@example.org'));
    expect(never).not.toContain(member('yawadeyemi7@example.com'));
    const rarely = json(await sk(['engagement', '--attended-less-than', '2', '--json'])).map((e: any) => e.memberId);
    expect(rarely).toEqual(expect.arrayContaining(never));
    expect(rarely).not.toContain(member('yawadeyemi7@example.com'));
  });

  it('export contacts --never-attended writes the follow-up list', async () => {
    const r = await sk(['export', 'contacts', '--never-attended', '--format', 'csv', '--out', '-']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('losa.faleolo@example.org');
    expect(r.stdout).not.toContain('yawadeyemi7@example.com');
    expect((await sk(['export', 'contacts', '--attended-less-than', '0', '--out', '-'])).code).toBe(2);
  });

  it('export kumu --with-events: the events as elements, "attended" connections, an Attendance field', async () => {
    const r = await sk(['export', 'kumu', '--with-events', '--format', 'json', '--out', '-']);
    expect(r.code, r.stderr).toBe(0);
    const map = JSON.parse(r.stdout);
    const events = map.elements.filter((e: any) => e.type === 'Event');
    expect(events.map((e: any) => e.id)).toEqual(['event-1', 'event-3']);
    const attended = map.connections.filter((c: any) => c.type === 'attended' && c.to === 'event-1');
    expect(attended.length).toBe(json(await sk(['event', 'show', '1', '--json'])).attendees.length);
    const orgs = map.elements.filter((e: any) => e.type === 'Organization');
    expect(orgs.every((o: any) => typeof o.Attendance === 'number')).toBe(true);
    const plain = JSON.parse((await sk(['export', 'kumu', '--format', 'json', '--out', '-'])).stdout);
    expect(plain.elements.some((e: any) => e.type === 'Event')).toBe(false);
  });

  it('export map --with-events: the events as nodes, "attended" edges from the organisations whose members came', async () => {
    const r = await sk(['export', 'map', '--with-events', '--out', 'map.html', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = json(r);
    expect(result.counts.events).toBe(2);
    const html = fs.readFileSync(path.join(dir, 'map.html'), 'utf8');
    const data = JSON.parse(/<script type="application\/json" id="skillsnet-map-data">(.*?)<\/script>/s.exec(html)![1]!);
    const events = data.nodes.filter((n: any) => n.kind === 'event');
    expect(events.map((n: any) => [n.id, n.label])).toEqual([['event-1', '1st Core Group meeting'], ['event-3', 'Plenary only']]);
    const attended = data.edges.filter((e: any) => e.kind === 'attended' && e.target === 'event-1');
    expect(attended).toHaveLength(json(await sk(['event', 'show', '1', '--json'])).attendees.length);
    expect(result.counts.organizations).toBe(30); // events are context, not organisations
  });

  it('erase removes the rows holding a person\'s name or address, and the decisions keyed on them', async () => {
    const handle = openDatabase(db);
    try {
      const before = attendanceRows(handle, 1).filter((r) => r.email === 'snasser@example.org').length;
      expect(before).toBeGreaterThan(0);
      const dry = eraseAttendanceOf(handle, { emails: ['snasser@example.org'], names: ['Sami Nasser'] }, { dryRun: true });
      expect(dry.rows).toBeGreaterThanOrEqual(before);
      const done = eraseAttendanceOf(handle, { emails: ['snasser@example.org'], names: ['Sami Nasser'] });
      expect(done.rows).toBe(dry.rows);
      const left = handle.prepare("SELECT count(*) AS n FROM attendance_rows WHERE email = 'snasser@example.org' OR name LIKE '%Nasser%'").get() as { n: number };
      expect(left.n).toBe(0);
      const tLinks = eraseAttendanceOf(handle, { names: ['Tafadzwa S.'] });
      expect(tLinks.links).toBe(1);
    } finally {
      handle.close();
    }
  });

  it('a clinic with its presenter: presented counts in engagement; an unknown presenter or topic is refused', async () => {
    const presenter = member('idimitrov@example.net');
    const r = await sk(['event', 'add', 'Skills Innovation Clinic: mobile training', '--kind', 'clinic', '--start', '2021-03-04 15:00', '--tz', 'Europe/Zurich', '--presenter', String(presenter), '--topic', 'training-delivery', '--json']);
    expect(json(r)).toMatchObject({ kind: 'clinic', presenterId: presenter, topicCategory: 'training-delivery', durationMinutes: 60, languages: ['en', 'fr', 'es'] });
    const engagement = json(await sk(['engagement', '--json'])).find((e: any) => e.memberId === presenter);
    expect(engagement.presented).toBe(1);
    const unknown = await sk(['event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2021-03-04 15:00', '--tz', 'Europe/Zurich', '--presenter', '999']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: no member-999 to present/m);
    const topic = await sk(['event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2021-03-04 15:00', '--tz', 'Europe/Zurich', '--topic', 'cooking']);
    expect(topic.code).toBe(2);
    const cancelled = json(await sk(['event', 'cancel', String(json(r).id), '--json']));
    expect(cancelled.cancelled).toBe(true);
    expect(json(await sk(['engagement', '--json'])).find((e: any) => e.memberId === presenter).presented).toBe(0); // cancelled events count for nothing
  });
});
