/**
 * A display name that names an organisation or a country ("Maria Lopez (Taller Sur)", "Ama Owusu
 * - Ghana") is matched against the members' own organisations and countries, as stored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, run, tempDir } from '../support/run.js';

describe('event attendance: the organisation or country beside a name', () => {
  it('picks the member of the organisation named, and leaves a name whose country is another', async () => {
    const dir = tempDir('skillsnet-attwhere-');
    const db = path.join(dir, 'n.db');
    const sk = (...args: string[]) => run(['--db', db, ...args], { cwd: dir });
    const ids: Record<string, number> = {};
    // two members of the same name in different organisations, and one in Kenya
    for (const [org, name, country] of [['Red Andina', 'Maria Lopez', 'PE'], ['Taller Sur', 'Maria Lopez', 'CL'], ['Skills Trust', 'Ama Owusu', 'KE']]) {
      const added = await sk('member', 'add', '--organization', org!, '--name', name!, '--country', country!, '--json');
      expect(added.code, added.stderr).toBe(0);
      ids[org!] = json(added).id;
    }
    expect((await sk('event', 'add', 'Workshop', '--kind', 'workshop', '--start', '2021-11-19 10:00', '--tz', 'America/Lima', '--duration', '60')).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'report.csv'), [
      'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
      'Maria Lopez (Taller Sur),,11/19/2021 10:00:00 AM,11/19/2021 10:40:00 AM,40,Yes',
      'Ama Owusu - Ghana,,11/19/2021 10:00:00 AM,11/19/2021 10:30:00 AM,30,Yes',
      'Maria Lopez - Peru,,11/19/2021 10:00:00 AM,11/19/2021 10:20:00 AM,20,Yes',
    ].join('\n') + '\n');
    const imported = await sk('event', 'attendance', '1', 'report.csv', '--json');
    expect(imported.code, imported.stderr).toBe(0);
    const result = json(imported);
    expect([result.rows, result.matched, result.unmatched], JSON.stringify(result)).toEqual([3, 2, 1]);
    const shown = json(await sk('event', 'show', '1', '--json'));
    const minutes = Object.fromEntries((shown.attendees as { memberId: number; minutes: number }[]).map((a) => [a.memberId, a.minutes]));
    // Taller Sur's Maria by her organisation, Red Andina's by her country; Ama Owusu of Kenya is not "Ama Owusu - Ghana"
    expect(minutes).toEqual({ [ids['Taller Sur']!]: 40, [ids['Red Andina']!]: 20 });
    // the row left says whose name it has, without the name
    expect(result.unmatchedRows.map((u: { problem: string; candidates: number[]; reason: string }) => [u.problem, u.candidates, u.reason])).toEqual([
      ['unknown', [ids['Skills Trust']], `the name fits member-${ids['Skills Trust']}, but the row names another organisation or country`],
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
