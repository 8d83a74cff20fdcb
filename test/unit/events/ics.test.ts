import { spawnSync } from 'node:child_process';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventCalendar, eventUid, parseOrganizer } from '../../../src/events/ics.js';
import { FIRST_MEETING } from './fixtures.js';

const DATABASE = '7f3c9a1e-2b4d-4c8e-9f00-5a6b7c8d9e0f';
const STAMP = new Date('2020-11-01T09:00:00Z');
const ATTENDEES = [
  { name: 'Ana García Márquez', email: 'ana.garcia@example.org' },
  { name: 'Awa Traoré, PhD', email: 'atraore@example.org' },
  { name: 'No Address', email: null },
];

function parsed(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

/** A Python with Debian's python3-icalendar, if this machine has one. */
const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import icalendar'], { encoding: 'utf8' }).status === 0);

describe('the event as an iCalendar file', () => {
  const ics = eventCalendar(FIRST_MEETING, { eventId: 12, databaseId: DATABASE, stamp: STAMP });

  it('is RFC 5545 text: CRLF lines folded at 75 octets, one VEVENT', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('\r\nEND:VCALENDAR\r\n')).toBe(true); // the last line ends with CRLF too
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).not.toContain('X-WR-CALNAME');
  });

  it('starts at the intended instant: 14:00 Geneva is 13:00 UTC', () => {
    const { event } = parsed(ics);
    expect(event.startDate.toJSDate().toISOString()).toBe('2020-11-19T13:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2020-11-19T15:00:00.000Z');
    expect(ics).toContain('DTSTART:20201119T130000Z');
    expect(ics).toContain('DTEND:20201119T150000Z');
    expect(event.summary).toBe(FIRST_MEETING.title);
    expect(event.description).toContain('2020-11-19 14:00–16:00 Europe/Zurich (UTC+01:00)');
  });

  it('keeps the UID across exports and raises SEQUENCE on edits', () => {
    const again = eventCalendar({ ...FIRST_MEETING, start: '2020-11-19T15:00' }, { eventId: 12, databaseId: DATABASE, sequence: 1 });
    const a = parsed(ics);
    const b = parsed(again);
    expect(a.event.uid).toBe('skillsnet-event-12@7f3c9a1e-2b4d-4c8e-9f00-5a6b7c8d9e0f');
    expect(b.event.uid).toBe(a.event.uid);
    expect([a.event.sequence, b.event.sequence]).toEqual([0, 1]);
    expect(b.event.startDate.toJSDate().toISOString()).toBe('2020-11-19T14:00:00.000Z');
    expect(eventUid(13, DATABASE)).not.toBe(a.event.uid);
    expect(eventUid(12, 'Other DB')).toBe('skillsnet-event-12@other-db');
    expect(() => eventUid(0, DATABASE)).toThrow(/positive integer/);
  });

  it('is an invitation (METHOD:REQUEST); a cancelled event a cancellation (METHOD:CANCEL, STATUS:CANCELLED) under the same UID', () => {
    const cancelled = eventCalendar({ ...FIRST_MEETING, cancelled: true }, { eventId: 12, databaseId: DATABASE, sequence: 2 });
    const { calendar, vevent, event } = parsed(cancelled);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.sequence).toBe(2);
    expect(event.uid).toBe(parsed(ics).event.uid);
    expect(parsed(ics).calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(parsed(ics).vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('names the organiser given, and none when none is given (never one made up)', () => {
    expect(ics).not.toContain('ORGANIZER');
    const organizer = parseOrganizer('Skills Network Secretariat <Secretariat@Example.org>');
    expect(organizer).toEqual({ name: 'Skills Network Secretariat', email: 'secretariat@example.org' });
    const named = parsed(eventCalendar(FIRST_MEETING, { eventId: 12, databaseId: DATABASE, organizer }));
    const prop = named.vevent.getFirstProperty('organizer')!;
    expect(prop.getFirstValue()).toBe('mailto:secretariat@example.org');
    expect(prop.getParameter('cn')).toBe('Skills Network Secretariat');
    // A bare address: its CN is the address (an empty CN="" confuses some clients).
    const bare = parsed(eventCalendar(FIRST_MEETING, { eventId: 12, databaseId: DATABASE, organizer: parseOrganizer('secretariat@example.org') }));
    expect(bare.vevent.getFirstProperty('organizer')!.getParameter('cn')).toBe('secretariat@example.org');
  });

  it('reads an organiser as typed, and refuses anything else without repeating it', () => {
    expect(parseOrganizer('  ana@example.org ')).toEqual({ name: null, email: 'ana@example.org' });
    expect(parseOrganizer('"Ana Ejemplo" <ana@example.org>')).toEqual({ name: 'Ana Ejemplo', email: 'ana@example.org' });
    for (const bad of ['Ana Ejemplo', 'ana@', 'Ana <ana at example.org>', '']) {
      try {
        parseOrganizer(bad);
        expect.unreachable(`"${bad}" was taken`);
      } catch (e) {
        expect((e as Error).name).toBe('UsageError');
        expect((e as Error).message).toMatch(/^--organizer/);
        if (bad) expect((e as Error).message).not.toContain(bad);
      }
    }
  });

  it('lists attendees only when asked for', () => {
    expect(parsed(ics).event.attendees).toHaveLength(0);
    expect(eventCalendar(FIRST_MEETING, { eventId: 12, databaseId: DATABASE, attendees: ATTENDEES })).not.toContain('ATTENDEE');
    const withContacts = eventCalendar(FIRST_MEETING, { eventId: 12, databaseId: DATABASE, attendees: ATTENDEES, withAttendees: true });
    const attendees = parsed(withContacts).event.attendees;
    expect(attendees.map((a) => [String(a.getFirstValue()).toLowerCase(), a.getParameter('cn')])).toEqual([
      ['mailto:ana.garcia@example.org', 'Ana García Márquez'],
      ['mailto:atraore@example.org', 'Awa Traoré, PhD'],
    ]);
  });

  it('asks attendees for a reply (RSVP=TRUE) only when an organiser is named to receive it, and not in a cancellation', () => {
    const organizer = parseOrganizer('secretariat@example.org');
    const rsvps = (text: string) => parsed(text).event.attendees.map((a) => a.getParameter('rsvp'));
    expect(rsvps(eventCalendar(FIRST_MEETING, { eventId: 12, databaseId: DATABASE, attendees: ATTENDEES, withAttendees: true, organizer }))).toEqual(['TRUE', 'TRUE']);
    expect(rsvps(eventCalendar(FIRST_MEETING, { eventId: 12, databaseId: DATABASE, attendees: ATTENDEES, withAttendees: true }))).toEqual(['FALSE', 'FALSE']);
    expect(rsvps(eventCalendar({ ...FIRST_MEETING, cancelled: true }, { eventId: 12, databaseId: DATABASE, attendees: ATTENDEES, withAttendees: true, organizer, sequence: 1 }))).toEqual(['FALSE', 'FALSE']);
  });

  /** What Python's icalendar reads from a calendar file. */
  const pythonReads = (text: string) => {
    // Missing, this fails rather than skips: a test that silently passes checks nothing.
    expect(PYTHON, 'python3-icalendar is missing: apt-get install python3-icalendar').toBeDefined();
    const script = [
      'import sys, json, datetime',
      'from icalendar import Calendar',
      'cal = Calendar.from_ical(sys.stdin.read())',
      'ev = [c for c in cal.walk("VEVENT")][0]',
      'start = ev.decoded("DTSTART").astimezone(datetime.timezone.utc).isoformat()',
      'end = ev.decoded("DTEND").astimezone(datetime.timezone.utc).isoformat()',
      'att = ev.get("ATTENDEE")',
      'att = [] if att is None else ([att] if not isinstance(att, list) else att)',
      'org = ev.get("ORGANIZER")',
      'organizer = None if org is None else {"address": str(org).lower(), "cn": org.params.get("CN")}',
      'print(json.dumps({"method": str(cal.get("METHOD")), "start": start, "end": end, "uid": str(ev["UID"]), "seq": int(ev["SEQUENCE"]),',
      '  "attendees": [str(a).lower() for a in att], "status": str(ev["STATUS"]), "organizer": organizer}))',
    ].join('\n');
    const run = spawnSync(PYTHON!, ['-c', script], { input: text, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout);
  };

  it('reads back with Python\'s icalendar (Debian python3-icalendar, which .ci/run installs): method, instant, UID, organiser and attendees', () => {
    const organizer = parseOrganizer('Skills Network Secretariat <secretariat@example.org>');
    const withContacts = eventCalendar(FIRST_MEETING, { eventId: 12, databaseId: DATABASE, attendees: ATTENDEES, withAttendees: true, organizer, stamp: STAMP });
    expect(pythonReads(withContacts)).toEqual({
      method: 'REQUEST',
      start: '2020-11-19T13:00:00+00:00',
      end: '2020-11-19T15:00:00+00:00',
      uid: 'skillsnet-event-12@7f3c9a1e-2b4d-4c8e-9f00-5a6b7c8d9e0f',
      seq: 0,
      attendees: ['mailto:ana.garcia@example.org', 'mailto:atraore@example.org'],
      status: 'CONFIRMED',
      organizer: { address: 'mailto:secretariat@example.org', cn: 'Skills Network Secretariat' },
    });
  });

  it('writes a name holding a double quote without it (a parameter value cannot hold one), so Python\'s icalendar keeps the line', () => {
    const organizer = { name: 'The "Skills" Secretariat', email: 'secretariat@example.org' };
    const attendees = [{ name: 'José "Pepe" García', email: 'pepe@example.org' }, ...ATTENDEES];
    const text = eventCalendar(FIRST_MEETING, { eventId: 12, databaseId: DATABASE, attendees, withAttendees: true, organizer, stamp: STAMP });
    expect(pythonReads(text)).toMatchObject({
      attendees: ['mailto:pepe@example.org', 'mailto:ana.garcia@example.org', 'mailto:atraore@example.org'],
      organizer: { address: 'mailto:secretariat@example.org', cn: "The 'Skills' Secretariat" },
    });
    expect(parsed(text).event.attendees[0]!.getParameter('cn')).toBe("José 'Pepe' García");
  });

  it('reads a cancellation back with Python\'s icalendar: METHOD:CANCEL, STATUS:CANCELLED, the same UID, the higher SEQUENCE; no organiser or attendees unless given', () => {
    const cancelled = eventCalendar({ ...FIRST_MEETING, cancelled: true }, { eventId: 12, databaseId: DATABASE, sequence: 3, attendees: ATTENDEES, stamp: STAMP });
    expect(pythonReads(cancelled)).toMatchObject({
      method: 'CANCEL', status: 'CANCELLED', seq: 3, uid: 'skillsnet-event-12@7f3c9a1e-2b4d-4c8e-9f00-5a6b7c8d9e0f', attendees: [], organizer: null,
    });
  });
});
