import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, ROOT, run, tempDir } from '../support/run.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'events', 'members.csv');

describe('erase and the attendance rows matched on the person\'s name from another address', () => {
  it('takes the name and the other address out of the row, which keeps counting for the organisation', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const sk = (...args: string[]) => run(['--db', db, ...args], { cwd: dir });
    expect((await sk('import', FIXTURE, '--call', '2020')).code).toBe(0);
    expect((await sk('event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2021-11-05 10:00', '--tz', 'America/New_York')).code).toBe(0);
    // Mariam Al-Masri (mariam.almasri@example.org on file) joins from a private address: matched by her name.
    fs.writeFileSync(path.join(dir, 'zoom.csv'), [
      'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)',
      'Mariam Al-Masri,mariam.private@example.com,11/05/2021 10:00:00 AM,11/05/2021 11:00:00 AM,60',
      'Awa Traoré,atraore@example.org,11/05/2021 10:00:00 AM,11/05/2021 10:30:00 AM,30',
    ].join('\n') + '\n');
    const imported = json(await sk('event', 'attendance', '1', path.join(dir, 'zoom.csv'), '--json'));
    expect(imported).toMatchObject({ rows: 2, matched: 2 });
    const erased = await sk('erase', 'mariam.almasri@example.org', '--yes', '--json');
    expect(erased.code, erased.stderr).toBe(0);
    const bytes = Buffer.concat([fs.readFileSync(db), fs.existsSync(`${db}-wal`) ? fs.readFileSync(`${db}-wal`) : Buffer.alloc(0)]);
    for (const needle of ['mariam.private@example.com', 'Al-Masri', 'mariam.almasri']) expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
    // the organisation did attend: its minutes stay; Awa's row is untouched
    const show = json(await sk('event', 'show', '1', '--json'));
    expect(Object.fromEntries(show.attendees.map((a: { organization: string; minutes: number }) => [a.organization, a.minutes]))).toEqual({ 'Organisation 23': 60, 'Organisation 88': 30 });
    expect(bytes.includes(Buffer.from('atraore@example.org'))).toBe(true);
  });
});
