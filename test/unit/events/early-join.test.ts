import { describe, expect, it } from 'vitest';
import { earlyJoinWarning, lateStartWarning } from '../../../src/events/attendance/store.js';

const START = Date.parse('2021-11-05T14:00:00Z');
const row = (rowNumber: number, joinTime: string | null) => ({ rowNumber, joinTime });

describe('a warning for joins well before the event\'s start', () => {
  it('says nothing of the room opened a quarter or an hour early, nor of a row without a join time', () => {
    expect(earlyJoinWarning([row(2, '2021-11-05T09:45:00-04:00'), row(3, '2021-11-05T09:00:00-04:00'), row(4, null)], START)).toBeNull();
  });

  it('names the line (never the person) and how early, for one row', () => {
    expect(earlyJoinWarning([row(2, '2021-11-05T09:58:00-04:00'), row(13, '2021-11-05T08:30:00-04:00')], START)).toBe(
      'line 13: joined more than 60 minutes before the event\'s start (90 minutes before): those minutes are counted as the report gives them; if the report\'s clock is in another zone than the event\'s, import it again with --time-zone',
    );
  });

  it('gathers many rows in one warning (a report on another clock)', () => {
    const rows = [2, 3, 4, 5, 6, 7, 8].map((n) => row(n, '2021-11-05T14:00:00+06:00'));
    expect(earlyJoinWarning(rows, START)).toMatch(/^lines 2, 3, 4, 5, 6 and 2 more: joined more than 60 minutes before the event's start \(up to 360 minutes before\)/);
  });
});

describe('a report of another day without a meeting summary (a 2020–2021 Teams list)', () => {
  it('is flagged as perhaps another event, from its first join, not as joins weeks early', async () => {
    const { importedCall } = await import('../support/run.js');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { dir, sk } = await importedCall(['Organization,Contact name,Email,Country,Title', 'Taller Sur,Ana Ejemplo,ana@example.org,Argentina,Oficios']);
    expect((await sk('event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2021-11-05 10:00', '--tz', 'America/New_York')).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'list.csv'), 'Full Name,User Action,Timestamp\r\nAna Ejemplo,Joined,"3/29/2021, 9:58:00 AM"\r\nAna Ejemplo,Left,"3/29/2021, 10:58:00 AM"\r\n');
    const r = await sk('event', 'attendance', '1', 'list.csv', '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: list\.csv: the report's meeting started on 2021-03-29, the event on 2021-11-05: is it the right event\?/);
    expect(r.stderr).not.toMatch(/joined more than/);
  });
});

describe('a clock time the autumn night passes twice (Auckland, 4 April 2021: 03:00 goes back to 02:00)', () => {
  // Zoom's participants report with its meeting summary, as test/fixtures/attendance-real/zoom-en-summary.csv lays it out
  const zoom = (summary: string, rows: string[]) => [
    'Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants',
    `85218486288,Core Group meeting,${summary},secretariat@example.org,70,2`,
    ',,,,,,',
    'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent',
    ...rows,
  ].join('\n') + '\n';

  it('is read as the event\'s own (02:28 of a meeting at 02:30 after the change was read an hour early: "joined 62 minutes before the start")', async () => {
    const { importedCall, json } = await import('../support/run.js');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { dir, sk } = await importedCall(['Organization,Contact name,Email,Country,Title', 'Taller Sur,Ana Ejemplo,ana@example.org,New Zealand,Oficios', 'Atelier Vert,Awa Exemple,awa@example.net,New Zealand,Jardins']);
    expect((await sk('event', 'add', 'After the change', '--kind', 'meeting', '--start', '2021-04-04T02:30+12:00', '--tz', 'Pacific/Auckland')).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'after.csv'), zoom('04/04/2021 02:25:00 AM,04/04/2021 03:35:00 AM', [
      'Ana Ejemplo,ana@example.org,04/04/2021 02:28:00 AM,04/04/2021 03:30:00 AM,62,No,Y',
      'Awa Exemple,awa@example.net,04/04/2021 02:31:00 AM,04/04/2021 02:58:00 AM,27,No,Y',
    ]));
    const after = await sk('event', 'attendance', '1', 'after.csv', '--json');
    expect(after.code, after.stderr).toBe(0);
    expect(after.stderr).not.toMatch(/joined more than/);
    const report = json(after);
    expect(report.files[0].meetingStart).toBe('2021-04-04T02:25:00+12:00');
    expect(report.attendees.map((a: any) => [a.firstJoin, a.lastLeave])).toEqual([
      ['2021-04-04T02:28:00+12:00', '2021-04-04T03:30:00+12:00'],
      ['2021-04-04T02:31:00+12:00', '2021-04-04T02:58:00+12:00'],
    ]);

    // A meeting over the whole night: both readings are within it, the earlier is the join, and the leave is the one its duration gives
    expect((await sk('event', 'add', 'All night', '--kind', 'meeting', '--start', '2021-04-03 23:00', '--tz', 'Pacific/Auckland', '--duration', '300')).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'night.csv'), zoom('04/03/2021 10:55:00 PM,04/04/2021 03:00:00 AM', [
      'Ana Ejemplo,ana@example.org,04/04/2021 02:10:00 AM,04/04/2021 02:50:00 AM,40,No,Y',
      'Awa Exemple,awa@example.net,04/04/2021 02:40:00 AM,04/04/2021 02:20:00 AM,40,No,Y',
    ]));
    const night = json(await sk('event', 'attendance', '2', 'night.csv', '--json'));
    expect(night.attendees.map((a: any) => [a.firstJoin, a.lastLeave])).toEqual([
      ['2021-04-04T02:10:00+13:00', '2021-04-04T02:50:00+13:00'],
      ['2021-04-04T02:40:00+13:00', '2021-04-04T02:20:00+12:00'],
    ]);
  });

  it('settles a join the night passes twice by its leave and duration (joined at the second 02:10, left at 03:10 after an hour: read as joined at the first)', async () => {
    const { importedCall, json } = await import('../support/run.js');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { dir, sk } = await importedCall(['Organization,Contact name,Email,Country,Title', 'Taller Sur,Ana Ejemplo,ana@example.org,New Zealand,Oficios', 'Atelier Vert,Awa Exemple,awa@example.net,New Zealand,Jardins']);
    expect((await sk('event', 'add', 'All night', '--kind', 'meeting', '--start', '2021-04-03 23:00', '--tz', 'Pacific/Auckland', '--duration', '300')).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'night.csv'), zoom('04/03/2021 10:55:00 PM,04/04/2021 03:00:00 AM', [
      'Ana Ejemplo,ana@example.org,04/04/2021 02:10:00 AM,04/04/2021 03:10:00 AM,60,No,Y',
      'Awa Exemple,awa@example.net,04/04/2021 02:10:00 AM,04/04/2021 03:10:00 AM,120,No,Y',
    ]));
    const night = json(await sk('event', 'attendance', '1', 'night.csv', '--json'));
    // (listed by first join: Awa, who came the first time 02:10 struck, is first)
    expect(night.attendees.map((a: any) => [a.firstJoin, a.lastLeave])).toEqual([
      ['2021-04-04T02:10:00+13:00', '2021-04-04T03:10:00+12:00'],
      ['2021-04-04T02:10:00+12:00', '2021-04-04T03:10:00+12:00'],
    ]);
  });
});

describe('a report written on another clock than the event\'s', () => {
  const clocks = { eventZone: 'Asia/Kathmandu', zones: ['Asia/Kathmandu', 'Europe/Zurich', 'America/Lima'] };
  const start = Date.parse('2021-06-10T03:15:00Z'); // 09:00 in Kathmandu (UTC+05:45), 05:15 in Zurich (UTC+02:00)
  // the Zurich clock's times, read on Kathmandu's
  const rows = [row(5, '2021-06-10T05:13:15+05:45'), row(6, '2021-06-10T05:25:06+05:45'), row(7, '2021-06-10T05:16:00+05:45')];

  it('says the clock that puts it on time and a zone of the database\'s events at that offset (it named no zone)', () => {
    expect(earlyJoinWarning(rows, start, clocks)).toMatch(/the report's times sit 3 h 45 min before the event's, as on a clock at UTC\+02:00: if the report was downloaded on such a clock, import it again with --time-zone Europe\/Zurich$/);
    expect(earlyJoinWarning(rows, start, { ...clocks, reportStart: '2021-06-10T05:15:00+05:45' })).toMatch(/3 h 45 min .* --time-zone Europe\/Zurich$/);
  });

  it('says the offset without a zone when no event is at it, and the plain advice when only a few joined early', () => {
    expect(earlyJoinWarning(rows, start, { ...clocks, zones: ['Asia/Kathmandu'] })).toMatch(/UTC\+02:00: .* --time-zone ZONE \(an IANA name at that offset\)$/);
    const few = [row(2, '2021-06-10T08:58:00+05:45'), row(3, '2021-06-10T09:01:00+05:45'), row(4, '2021-06-10T07:30:00+05:45')];
    expect(earlyJoinWarning(few, start, clocks)).toMatch(/if the report's clock is in another zone than the event's, import it again with --time-zone$/);
  });
});

describe('a report written on a clock ahead of the event\'s', () => {
  // 09:00 in Lima (UTC-05:00) is 15:00 in Zurich (UTC+01:00) on 18 November 2021
  const span = { startMs: Date.parse('2021-11-18T14:00:00Z'), endMs: Date.parse('2021-11-18T15:00:00Z') };
  const clocks = { eventZone: 'America/Lima', zones: ['America/Lima', 'Europe/Zurich'] };
  const rows = [row(5, '2021-11-18T14:58:15-05:00'), row(6, '2021-11-18T15:05:06-05:00')];

  it('is said (it said nothing: its joins six hours late), with the clock and zone that put it on time', () => {
    expect(lateStartWarning(rows, span, { ...clocks, reportStart: '2021-11-18T15:00:00-05:00' })).toBe(
      'the report\'s meeting began 360 minutes after the event\'s start, after its end: its minutes are counted as the report gives them; the report\'s times sit 6 h after the event\'s, as on a clock at UTC+01:00: if the report was downloaded on such a clock, import it again with --time-zone Europe/Zurich',
    );
  });

  it('says nothing of a meeting begun within the event (a later day of a workshop, a late start)', () => {
    const twoDays = { startMs: span.startMs, endMs: span.startMs + 2 * 24 * 3600_000 };
    expect(lateStartWarning([row(2, '2021-11-19T09:00:00-05:00')], twoDays, clocks)).toBeNull();
    expect(lateStartWarning([row(2, '2021-11-18T09:40:00-05:00')], span, clocks)).toBeNull();
  });

  it('names no clock for a report a whole day off, which no zone explains (it said "as on a clock at UTC+19:00")', () => {
    const nextDay = [row(5, '2021-11-19T08:58:00-05:00'), row(6, '2021-11-19T09:02:00-05:00')];
    const said = lateStartWarning(nextDay, span, { ...clocks, reportStart: '2021-11-19T09:00:00-05:00' });
    expect(said).toMatch(/the report's times sit 24 h after the event's, more than any two clocks differ: is it the report of this event's day\?$/);
    expect(said).not.toMatch(/UTC|--time-zone/);
    const dayBefore = [2, 3, 4].map((n) => row(n, '2021-11-17T09:00:00-05:00'));
    expect(earlyJoinWarning(dayBefore, span.startMs, clocks)).toMatch(/sit 24 h before the event's, more than any two clocks differ/);
    // (across the date line a day less an hour is a clock: Auckland's event on Honolulu's clock)
    const auckland = { eventZone: 'Pacific/Auckland', zones: ['Pacific/Auckland', 'Pacific/Honolulu'] };
    const hnl = [2, 3, 4].map((n) => row(n, '2021-11-17T10:00:00+13:00'));
    expect(earlyJoinWarning(hnl, Date.parse('2021-11-18T09:00:00+13:00'), auckland)).toMatch(/sit 23 h before the event's, as on a clock at UTC-10:00: .* --time-zone Pacific\/Honolulu$/);
  });
});
