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
