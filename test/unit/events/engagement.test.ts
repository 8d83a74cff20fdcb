import { describe, expect, it } from 'vitest';
import { attendedLessThan, computeEngagement, neverAttended } from '../../../src/events/engagement.js';

const EVENTS = [
  { eventId: 1, start: '2020-11-19T13:00:00Z', attendanceTaken: true },
  { eventId: 2, start: '2020-12-10T13:00:00Z', presenterId: 25, attendanceTaken: true },
  { eventId: 3, start: '2021-01-14T13:00:00Z', cancelled: true, presenterId: 91, attendanceTaken: false },
  { eventId: 4, start: '2021-02-11T14:00:00Z', attendanceTaken: true },
  // to come: no one stayed away from it yet
  { eventId: 5, start: '2031-06-01T12:00:00Z', attendanceTaken: false },
];

describe('engagement per member', () => {
  const result = computeEngagement({
    events: EVENTS,
    invitations: [
      ...[1, 2, 3, 4].flatMap((eventId) => [25, 91, 403].map((memberId) => ({ eventId, memberId }))),
      { eventId: 4, memberId: 700 },
      { eventId: 5, memberId: 700 },
      { eventId: 5, memberId: 900 },
    ],
    attendance: [
      { eventId: 1, memberId: 25, minutes: 125 },
      { eventId: 2, memberId: 25, minutes: 118 },
      { eventId: 4, memberId: 91, minutes: 60 },
      { eventId: 1, memberId: 91, minutes: 120 },
      { eventId: 3, memberId: 403, minutes: 30 },
      // a guest the officer linked later, never invited
      { eventId: 2, memberId: 800, minutes: 45 },
    ],
    presentations: [{ eventId: 4, memberId: 91 }],
    memberIds: [999],
  });
  const of = (id: number) => result.find((r) => r.memberId === id);

  it('counts invitations, attendance, presentations and minutes; cancelled events count for nothing', () => {
    expect(of(25)).toEqual({ memberId: 25, invited: 3, invitedWithAttendance: 3, attended: 2, lastAttended: '2020-12-10T13:00:00Z', presented: 1, minutes: 243 });
    expect(of(91)).toEqual({ memberId: 91, invited: 3, invitedWithAttendance: 3, attended: 2, lastAttended: '2021-02-11T14:00:00Z', presented: 1, minutes: 180 });
    expect(of(403)).toEqual({ memberId: 403, invited: 3, invitedWithAttendance: 3, attended: 0, lastAttended: null, presented: 0, minutes: 0 });
    expect(of(700)).toMatchObject({ invited: 2, invitedWithAttendance: 1, attended: 0 });
    expect(of(900)).toMatchObject({ invited: 1, invitedWithAttendance: 0, attended: 0 });
    expect(of(800)).toMatchObject({ invited: 0, attended: 1, minutes: 45 });
    expect(of(999)).toEqual({ memberId: 999, invited: 0, invitedWithAttendance: 0, attended: 0, lastAttended: null, presented: 0, minutes: 0 });
    expect(result.map((r) => r.memberId)).toEqual([25, 91, 403, 700, 800, 900, 999]);
  });

  it('filters for follow-up mails: invited and never attended, attended fewer than N; never invited is neither', () => {
    // 900 is invited only to an event to come: it says nothing yet.
    expect(result.filter(neverAttended).map((r) => r.memberId)).toEqual([403, 700]);
    // 800 came uninvited (once): fewer than 2; 999 was never invited and came to nothing.
    expect(result.filter(attendedLessThan(2)).map((r) => r.memberId)).toEqual([403, 700, 800]);
  });

  it('is empty without events or members', () => {
    expect(computeEngagement({ events: [], invitations: [], attendance: [] })).toEqual([]);
  });
});
