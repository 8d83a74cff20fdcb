import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedCall, json } from '../support/run.js';

// Google Meet and Webex reports are read as Zoom's kind (source "zoom"); the tool that wrote each
// is kept, so `event show` names it after the import as the import itself did.
describe('the tool of a stored attendance report', () => {
  it('is kept and shown by event show --json beside its source', async () => {
    const { dir, sk } = await importedCall(['Organization,Email,Contact,Country', 'Atelier Vert,sami@example.org,Sami Nasser,Senegal']);
    const added = json<{ id: number }>(await sk('event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2020-12-10 14:00', '--tz', 'Europe/Zurich', '--json'));
    fs.writeFileSync(path.join(dir, 'meet.csv'), 'First name,Last name,Email,Duration,Time joined,Time exited\r\nSami,Nasser,sami@example.org,58 min,2:02 PM,3:00 PM\r\n');
    fs.writeFileSync(path.join(dir, 'webex.csv'), 'Name,Email,Join Time,Leave Time,Duration\r\nSami Nasser,sami@example.org,12/10/2020 2:02 PM,12/10/2020 3:00 PM,58 mins\r\n');
    for (const f of ['meet.csv', 'webex.csv']) {
      const r = await sk('event', 'attendance', String(added.id), f);
      expect(r.code, r.stderr).toBe(0);
    }
    const shown = json<{ attendance: { files: { file: string; source: string; tool: string }[] } }>(await sk('event', 'show', String(added.id), '--json'));
    expect(shown.attendance.files.map((f) => [f.file, f.source, f.tool])).toEqual([['meet.csv', 'zoom', 'meet'], ['webex.csv', 'zoom', 'webex']]);
  });
});
