import { describe, expect, it } from 'vitest';
import { earlyJoinWarning } from '../../../src/events/attendance/store.js';

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
