/**
 * A member's minutes at an event whose reports describe one meeting or several: the same meeting
 * in two reports is counted once (the larger of what they say), two sessions add up.
 */
import { describe, expect, it } from 'vitest';
import { attendedMinutes, attendedMinutesDetail, groupMeetings, meetingIdKey, reportSpan, type Connection } from '../../src/attendance-minutes.js';

const at = (clock: string, day = '19') => `2021-11-${day}T${clock}:00-05:00`;
const ms = (clock: string, day = '19') => Date.parse(at(clock, day));
const EVENT = { start: ms('10:00'), end: ms('12:00') };

describe('attendedMinutes', () => {
  const timed = (join: string, leave: string, minutes: number | null, report: string, meeting?: string, day = '19'): Connection =>
    ({ joinTime: at(join, day), leaveTime: at(leave, day), minutes, report, ...(meeting ? { meeting } : {}) });
  const loose = (minutes: number, report: string, meeting?: string): Connection => ({ joinTime: null, leaveTime: null, minutes, report, ...(meeting ? { meeting } : {}) });

  it('within one report: the union of the intervals plus the minutes without times, as before', () => {
    expect(attendedMinutes([timed('10:00', '11:00', 60, 'a'), timed('10:30', '11:30', 60, 'a'), loose(20, 'a')])).toBe(110);
    // without report or meeting keys, all connections are one report's
    expect(attendedMinutes([{ joinTime: at('10:00'), leaveTime: at('11:00'), minutes: 60 }, { joinTime: null, leaveTime: null, minutes: 15 }])).toBe(75);
  });

  it('two reports of the same meeting: the larger of what they give, never their sum', () => {
    // Zoom's participants report (timed) and its "show unique users" export (65 minutes, no times)
    const both = [timed('09:54', '12:02', 128, 'participants', 'm'), loose(65, 'unique', 'm')];
    expect(attendedMinutes(both)).toBe(128);
    // the untimed report says more than the timed one: its figure holds
    expect(attendedMinutes([timed('10:00', '10:30', 30, 'participants', 'm'), loose(65, 'unique', 'm')])).toBe(65);
    // two untimed reports of the same meeting
    expect(attendedMinutes([loose(65, 'unique', 'm'), loose(118, 'other', 'm')])).toBe(118);
    const detail = attendedMinutesDetail(both).meetings.get('m');
    expect(detail).toEqual({ counted: expect.closeTo(128, 0), summed: expect.closeTo(193, 0), reports: 2 });
  });

  it('two meetings (the two days of a workshop) add up, loose minutes too', () => {
    expect(attendedMinutes([timed('10:00', '12:00', 120, 'day1', 'd1'), loose(65, 'day2', 'd2')])).toBe(185);
    expect(attendedMinutes([loose(100, 'day1', 'd1'), loose(65, 'day2', 'd2')])).toBe(165);
    expect(attendedMinutes([timed('10:00', '12:00', 120, 'day1', 'd1'), timed('10:00', '11:00', 60, 'day2', 'd2', '20')])).toBe(180);
  });

  it('time connected to two meetings at once still counts once', () => {
    expect(attendedMinutes([timed('10:00', '11:00', 60, 'zoom', 'z'), timed('10:30', '11:30', 60, 'teams', 't')])).toBe(90);
  });

  it('a meeting\'s untimed report adds what it gives beyond the timed union of that meeting only', () => {
    // day 1 timed 120, day 2 timed 30 and the same day's unique users 50: 120 + max(30, 50)
    expect(attendedMinutes([
      timed('10:00', '12:00', 120, 'day1', 'd1'),
      timed('10:00', '10:30', 30, 'day2', 'd2', '20'),
      loose(50, 'day2-unique', 'd2'),
    ])).toBe(170);
  });
});

describe('groupMeetings', () => {
  const place = (key: string, tool: string, meetingId: string | null, span: [number, number] | null) =>
    ({ key, tool, meetingId, start: span?.[0] ?? null, end: span?.[1] ?? null });

  it('the same meeting ID and overlapping times is one meeting; Zoom\'s spaced ID is the same ID', () => {
    expect(meetingIdKey('852 1848 6288')).toBe('85218486288');
    const m = groupMeetings([place('a', 'zoom', '85218486288', [ms('10:00'), ms('12:00')]), place('b', 'zoom', '852 1848 6288', [ms('09:55'), ms('12:01')])], EVENT);
    expect(m.map((x) => x.reports)).toEqual([['a', 'b']]);
    expect(m[0]).toMatchObject({ meetingId: '85218486288', assumed: false, untimed: [] });
  });

  it('a recurring meeting\'s ID on another day is another meeting', () => {
    const m = groupMeetings([place('day1', 'zoom', '60245167821', [ms('10:00'), ms('12:00')]), place('day2', 'zoom', '60245167821', [ms('10:00', '20'), ms('12:00', '20')])], EVENT);
    expect(m.map((x) => x.reports)).toEqual([['day1'], ['day2']]);
  });

  it('two IDs, or two tools, are two meetings even at the same time', () => {
    expect(groupMeetings([place('a', 'zoom', '1', [ms('10:00'), ms('12:00')]), place('b', 'zoom', '2', [ms('10:00'), ms('12:00')])], EVENT)).toHaveLength(2);
    expect(groupMeetings([place('a', 'zoom', null, [ms('10:00'), ms('12:00')]), place('b', 'teams', null, [ms('10:00'), ms('12:00')])], EVENT)).toHaveLength(2);
  });

  it('a report with no ID joins the meeting whose times it overlaps; one with no time is taken to be at the event\'s', () => {
    const m = groupMeetings([
      place('participants', 'zoom', '60245167821', [ms('09:54'), ms('12:02')]),
      place('late', 'zoom', null, [ms('11:00'), ms('12:30')]),
      place('unique', 'zoom', null, null),
    ], EVENT);
    expect(m.map((x) => x.reports)).toEqual([['participants', 'late', 'unique']]);
    expect(m[0]!.untimed).toEqual(['unique']);
    // alone, a report with no time is a meeting at the event's time
    expect(groupMeetings([place('unique', 'zoom', null, null)], EVENT)[0]).toMatchObject({ start: EVENT.start, end: EVENT.end, assumed: true });
  });

  it('a report with no time and no ID is of the only meeting of its tool, whenever that was', () => {
    // the meeting ran on the next day (the event's date was wrong): the list is still its
    const m = groupMeetings([place('participants', 'zoom', null, [ms('10:00', '20'), ms('12:00', '20')]), place('unique', 'zoom', null, null)], EVENT);
    expect(m.map((x) => x.reports)).toEqual([['participants', 'unique']]);
    expect(m[0]!.undecided).toBeUndefined();
    // a Teams meeting is not a Zoom list's meeting
    expect(groupMeetings([place('teams', 'teams', null, [ms('10:00'), ms('12:00')]), place('unique', 'zoom', null, null)], EVENT)).toHaveLength(2);
  });

  it('with several meetings it could be of, a report with no time is a meeting of its own, undecided between them (not the first one)', () => {
    const m = groupMeetings([
      place('day1', 'zoom', null, [ms('09:54'), ms('12:02')]),
      place('unique', 'zoom', null, null),
      place('day2', 'zoom', null, [ms('10:00', '20'), ms('12:00', '20')]),
    ], EVENT);
    expect(m.map((x) => x.reports)).toEqual([['day1'], ['unique'], ['day2']]);
    expect(m[1]).toMatchObject({ assumed: true, untimed: ['unique'], undecided: ['day1', 'day2'] });
    expect(m[0]!.undecided).toBeUndefined();
  });

  it('its meeting ID settles it when it has one; the officer\'s word settles it otherwise', () => {
    const day1 = place('day1', 'zoom', '111', [ms('10:00'), ms('12:00')]);
    const day2 = place('day2', 'zoom', '222', [ms('10:00', '20'), ms('12:00', '20')]);
    expect(groupMeetings([day1, day2, place('unique', 'zoom', '222', null)], EVENT).map((x) => x.reports)).toEqual([['day1'], ['day2', 'unique']]);
    const said = { ...place('unique', 'zoom', null, null), sameMeetingAs: 'day2' };
    expect(groupMeetings([day1, said, day2], EVENT).map((x) => x.reports)).toEqual([['day1'], ['unique', 'day2']]);
    // a name that is no report of the event: the rule as without it
    expect(groupMeetings([day1, { ...said, sameMeetingAs: 'gone' }, day2], EVENT)[1]).toMatchObject({ reports: ['unique'], undecided: ['day1', 'day2'] });
    // a report that joins a candidate later, ahead of it in order, makes it that meeting's first report: still named
    const early = place('day2-unique', 'zoom', '222', null);
    const m = groupMeetings([day1, place('unique', 'zoom', null, null), early, day2], EVENT);
    expect(m.map((x) => x.reports)).toEqual([['day1'], ['unique'], ['day2-unique', 'day2']]);
    expect(m[1]!.undecided).toEqual(['day1', 'day2-unique']);
    // two lists without times and no meeting with times: one meeting at the event's time, as before
    expect(groupMeetings([place('a', 'zoom', null, null), place('b', 'zoom', null, null)], EVENT).map((x) => x.reports)).toEqual([['a', 'b']]);
  });

  it('a report spanning two others\' times joins them into one meeting, in any order', () => {
    const a = place('a', 'zoom', null, [ms('10:00'), ms('10:30')]);
    const b = place('b', 'zoom', null, [ms('11:30'), ms('12:00')]);
    const all = place('all', 'zoom', null, [ms('10:00'), ms('12:00')]);
    expect(groupMeetings([a, b, all], EVENT).map((x) => x.reports)).toEqual([['a', 'b', 'all']]);
    expect(groupMeetings([all, a, b], EVENT).map((x) => x.reports)).toEqual([['all', 'a', 'b']]);
  });

  it('a meeting never holds two IDs, even through a report without one', () => {
    const m = groupMeetings([
      place('en', 'zoom', '111', [ms('10:00'), ms('12:00')]),
      place('fr', 'zoom', '222', [ms('10:00'), ms('12:00')]),
      place('unique', 'zoom', null, null),
    ], EVENT);
    expect(m).toHaveLength(3);
    expect(m.map((x) => x.meetingId)).toEqual(['111', '222', null]);
    expect(m[2]!.undecided).toEqual(['en', 'fr']);
  });

  it('reportSpan: the summary\'s times and every join and leave', () => {
    expect(reportSpan({ startTime: at('10:00'), endTime: at('12:00') }, [{ joinTime: at('09:54'), leaveTime: at('11:00') }])).toEqual({ start: ms('09:54'), end: ms('12:00') });
    expect(reportSpan({}, [{ joinTime: null, leaveTime: null }])).toBeNull();
    // a year of daily meetings: more rows than a call takes arguments
    const many = Array.from({ length: 300_000 }, (_, i) => ({ joinTime: new Date(ms('10:00') + i * 60_000).toISOString(), leaveTime: null }));
    expect(reportSpan(null, many)).toEqual({ start: ms('10:00'), end: ms('10:00') + 299_999 * 60_000 });
  });
});
