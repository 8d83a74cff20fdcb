/**
 * The follow-up filters mean what an officer writes to: --never-attended is "was invited to at
 * least one event and came to none", --attended-less-than N "invited to (or at) some event and
 * came to fewer than N". A member never invited stayed away from nothing, and is in neither —
 * on `members`, `engagement` (also with --all) and the contact exports alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importedCall, json, run } from '../support/run.js';

let sk: (...args: string[]) => ReturnType<typeof run>;
/** member ID by contact email */
const ids = new Map<string, number>();

const ZOOM = [
  'Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,',
  '92344172086,Core Group meeting,11/19/2020 01:58:00 PM,11/19/2020 04:00:00 PM,host@example.org,122,1,',
  '',
  'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent',
  'Ana Ejemplo,ana@example.org,11/19/2020 02:00:00 PM,11/19/2020 04:00:00 PM,120,Yes,Y',
].join('\n') + '\n';

beforeAll(async () => {
  const called = await importedCall([
    'Organization,Contact name,Email,Country,Title',
    'Taller Abierto,Ana Ejemplo,ana@example.org,Mexico,Oficios para jóvenes',
    'Atelier Vert,Awa Exemple,awa@example.net,Senegal,Jardins urbains et emploi',
    'Never Asked Trust,Nia Muestra,nia@example.com,Kenya,Youth apprenticeships',
  ]);
  sk = called.sk;
  fs.writeFileSync(path.join(called.dir, 'zoom.csv'), ZOOM);
  for (const m of json(await sk('members', '--json'))) ids.set(m.email, m.id);
  const event = json(await sk('event', 'add', 'Core Group meeting', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich', '--duration', '120', '--json')).id;
  // Ana and Awa are invited; Nia never is. Ana comes, Awa does not.
  for (const email of ['ana@example.org', 'awa@example.net']) expect((await sk('event', 'invite', String(event), '--member', `member-${ids.get(email)}`)).code).toBe(0);
  const attendance = await sk('event', 'attendance', String(event), 'zoom.csv', '--json');
  expect(attendance.code, attendance.stderr).toBe(0);
  expect(json(attendance).matched).toBe(1);
}, 60_000);

const emails = (rows: { email?: string; memberId?: number }[]) =>
  rows.map((r) => r.email ?? [...ids].find(([, id]) => id === r.memberId)?.[0]).sort();

describe('--never-attended: invited to at least one event, attended none', () => {
  it('members', async () => {
    expect(emails(json(await sk('members', '--never-attended', '--json')))).toEqual(['awa@example.net']);
  });

  it('engagement, also with --all and with filters that name the never-invited member', async () => {
    expect(emails(json(await sk('engagement', '--never-attended', '--json')))).toEqual(['awa@example.net']);
    expect(emails(json(await sk('engagement', '--never-attended', '--all', '--json')))).toEqual(['awa@example.net']);
    expect(emails(json(await sk('engagement', '--never-attended', '--role', 'member', '--json')))).toEqual(['awa@example.net']);
  });

  it('export contacts', async () => {
    const r = await sk('export', 'contacts', '--never-attended', '--out', '-');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('awa@example.net');
    expect(r.stdout).not.toContain('nia@example.com');
    expect(r.stdout).not.toContain('ana@example.org');
  });
});

describe('--attended-less-than N: those the events concerned', () => {
  it('keeps the invited who came less often, never the member never invited', async () => {
    expect(emails(json(await sk('members', '--attended-less-than', '2', '--json')))).toEqual(['ana@example.org', 'awa@example.net']);
    expect(emails(json(await sk('engagement', '--attended-less-than', '1', '--all', '--json')))).toEqual(['awa@example.net']);
    expect((await sk('export', 'contacts', '--attended-less-than', '2', '--out', '-')).stdout).not.toContain('nia@example.com');
  });
});

describe('the help says so', () => {
  it.each(['members', 'engagement', 'export contacts'])('%s --help', async (command) => {
    const help = (await sk(...command.split(' '), '--help')).stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/--never-attended only those invited to at least one event \(meeting, webinar, clinic, workshop\) who attended none; a member never invited is not included/);
  });
});
