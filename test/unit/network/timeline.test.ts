/**
 * An organisation's history (`show org-N`, `member show`) has the events its member was invited
 * to and attended — whatever modules the command happened to load before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedCall, json } from '../support/run.js';
import { zoomReport } from '../support/zoom.js';

describe('history with meetings', () => {
  it('show org-N and member show list the events attended and those missed', async () => {
    const { dir, sk } = await importedCall([
      'Organization,First name,Last name,Email,Country,Title',
      'Taller Sur,Ximena,Quiroga,ximena.q@example.org,Argentina,Aprender haciendo en talleres',
      'Otra Org,Pedro,Ejemplo,pedro@example.org,Argentina,Formación digital para jóvenes',
    ]);
    expect((await sk(['event', 'add', 'First meeting', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich', '--duration', '120'])).code).toBe(0);
    expect((await sk(['event', 'invite', '1', '--call', '2020'])).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'zoom.csv'), zoomReport('First meeting', [
      'Ximena Quiroga,ximena.q@example.org,11/19/2020 02:00:00 PM,11/19/2020 04:00:00 PM,120,Yes,Y',
    ]));
    expect((await sk(['event', 'attendance', '1', 'zoom.csv'])).code).toBe(0);
    const members = json(await sk(['members', '--json']));
    const taller = members.find((m: any) => m.organization === 'Taller Sur');
    const otra = members.find((m: any) => m.organization === 'Otra Org');

    const org = json(await sk(['show', taller.kumuId, '--json']));
    expect(org.timeline.map((t: any) => t.detail)).toContainEqual('attended meeting "First meeting" (event 1), 120 min');
    const shown = await sk(['show', taller.kumuId]);
    expect(shown.stdout).toMatch(/attended meeting "First meeting" \(event 1\), 120 min/);
    const missed = json(await sk(['member', 'show', `member-${otra.id}`, '--json']));
    expect(missed.timeline.map((t: any) => t.detail)).toContainEqual('invited to meeting "First meeting" (event 1), did not attend');
  });
});
