import { spawnSync } from 'node:child_process';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventCalendar, eventUid } from '../../../src/events/ics.js';
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
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('METHOD:PUBLISH');
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

  it('marks a cancelled event CANCELLED under the same UID', () => {
    const cancelled = eventCalendar({ ...FIRST_MEETING, cancelled: true }, { eventId: 12, databaseId: DATABASE, sequence: 2 });
    const { vevent, event } = parsed(cancelled);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.uid).toBe(parsed(ics).event.uid);
    expect(parsed(ics).vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('lists attendees only with contact details allowed', () => {
    expect(parsed(ics).event.attendees).toHaveLength(0);
    expect(eventCalendar(FIRST_MEETING, { eventId: 12, databaseId: DATABASE, attendees: ATTENDEES })).not.toContain('ATTENDEE');
    const withContacts = eventCalendar(FIRST_MEETING, { eventId: 12, databaseId: DATABASE, attendees: ATTENDEES, withContactDetails: true });
    const attendees = parsed(withContacts).event.attendees;
    expect(attendees.map((a) => [String(a.getFirstValue()).toLowerCase(), a.getParameter('cn')])).toEqual([
      ['mailto:ana.garcia@example.org', 'Ana García Márquez'],
      ['mailto:atraore@example.org', 'Awa Traoré, PhD'],
    ]);
  });

  it('reads back with Python\'s icalendar (Debian python3-icalendar, which .ci/run installs): same instant, UID and attendees', () => {
    // Missing, this fails rather than skips: a test that silently passes checks nothing.
    expect(PYTHON, 'python3-icalendar is missing: apt-get install python3-icalendar').toBeDefined();
    const withContacts = eventCalendar(FIRST_MEETING, { eventId: 12, databaseId: DATABASE, attendees: ATTENDEES, withContactDetails: true, stamp: STAMP });
    const script = [
      'import sys, json, datetime',
      'from icalendar import Calendar',
      'cal = Calendar.from_ical(sys.stdin.read())',
      'ev = [c for c in cal.walk("VEVENT")][0]',
      'start = ev.decoded("DTSTART").astimezone(datetime.timezone.utc).isoformat()',
      'end = ev.decoded("DTEND").astimezone(datetime.timezone.utc).isoformat()',
      'att = ev.get("ATTENDEE")',
      'att = [] if att is None else ([att] if not isinstance(att, list) else att)',
      'print(json.dumps({"start": start, "end": end, "uid": str(ev["UID"]), "seq": int(ev["SEQUENCE"]), "attendees": [str(a).lower() for a in att], "status": str(ev["STATUS"])}))',
    ].join('\n');
    const run = spawnSync(PYTHON!, ['-c', script], { input: withContacts, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      start: '2020-11-19T13:00:00+00:00',
      end: '2020-11-19T15:00:00+00:00',
      uid: 'skillsnet-event-12@7f3c9a1e-2b4d-4c8e-9f00-5a6b7c8d9e0f',
      seq: 0,
      attendees: ['mailto:ana.garcia@example.org', 'mailto:atraore@example.org'],
      status: 'CONFIRMED',
    });
  });
});
