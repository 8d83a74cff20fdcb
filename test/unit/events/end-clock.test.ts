/**
 * An event's times as skillsnet writes them for the officer (event add, event show, the calendar
 * file's description, the maps' event elements): an end on a later date of the event's clock says
 * so ("19:00–04:00" read as if the meeting ended before it began).
 */
import { describe, expect, it } from 'vitest';
import { endClockText } from '../../../src/text.js';
import { run, tempDir } from '../support/run.js';
import path from 'node:path';

describe('the end of an event on its own clock', () => {
  it.each([
    ['2020-11-19T13:00:00Z', '2020-11-19T15:00:00Z', 'Europe/Zurich', '16:00'],
    // Auckland, 3 April 2021 19:00 (UTC+13) for ten hours: the clocks go back at 03:00 that night
    ['2021-04-03T06:00:00Z', '2021-04-03T16:00:00Z', 'Pacific/Auckland', '04:00 the next day'],
    ['2021-03-10T23:00:00Z', '2021-03-11T00:00:00Z', 'Africa/Abidjan', '00:00 the next day'],
    ['2021-05-20T08:00:00Z', '2021-05-22T08:00:00Z', 'Asia/Manila', '16:00 2 days later'],
  ])('%s to %s in %s ends at %s', (start, end, zone, text) => {
    expect(endClockText(new Date(start), new Date(end), zone)).toBe(text);
  });

  it('is said by event add and in the calendar file', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const added = await run(['--db', db, 'event', 'add', 'Night clinic', '--kind', 'clinic', '--start', '2021-04-03 19:00', '--tz', 'Pacific/Auckland', '--duration', '600']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toContain('Sat, 3 Apr 2021 19:00–04:00 the next day Pacific/Auckland (UTC+13:00), 600 min');
    const ics = await run(['--db', db, 'event', 'ics', '1', '--out', '-']);
    expect(ics.stdout.replace(/\r\n /g, '')).toContain('2021-04-03 19:00–04:00 the next day Pacific/Auckland (UTC+13:00)');
  });
});
