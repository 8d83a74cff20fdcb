/**
 * The follow-up filters mean what an officer writes to: --never-attended is "was invited to at
 * least one event with attendance taken and came to none", --attended-less-than N "invited to (or
 * at) some event with attendance taken and came to fewer than N". A member never invited, or
 * invited only to an event to come or one whose report is not in, stayed away from nothing, and
 * is in neither — on `members`, `engagement` (also with --all) and the contact exports alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importedCall, json, run } from '../support/run.js';
import { zoomReport } from '../support/zoom.js';

let sk: (...args: string[]) => ReturnType<typeof run>;
/** member ID by contact email */
const ids = new Map<string, number>();

const ZOOM = zoomReport('Core Group meeting', [
  'Ana Ejemplo,ana@example.org,11/19/2020 02:00:00 PM,11/19/2020 04:00:00 PM,120,Yes,Y',
]);

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
  // Nia is invited only to a webinar to come and to a clinic whose report is not in: neither says she stayed away.
  const later = json(await sk('event', 'add', 'Next webinar', '--kind', 'webinar', '--start', '2031-06-01 14:00', '--tz', 'Europe/Zurich', '--json')).id;
  const unreported = json(await sk('event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2020-12-03 14:00', '--tz', 'Europe/Zurich', '--json')).id;
  for (const id of [later, unreported]) expect((await sk('event', 'invite', String(id), '--member', `member-${ids.get('nia@example.com')}`)).code).toBe(0);
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

describe('an invitation counts only to an event with attendance taken', () => {
  it('engagement lists the invitations to come, and says how many events it counted', async () => {
    const nia = json(await sk('engagement', '--json')).find((e: { memberId: number }) => e.memberId === ids.get('nia@example.com'));
    expect(nia).toMatchObject({ invited: 2, invitedWithAttendance: 0, attended: 0 });
    expect((await sk('engagement')).stderr).toMatch(/^3 members; 1 invited but never attended, of 1 event with attendance taken/m);
  });

  it('a report imported before the event is over does not count it yet', async () => {
    const early = await importedCall(['Organization,Contact name,Email,Country,Title', 'Atelier Vert,Awa Exemple,awa@example.net,Senegal,Jardins urbains et emploi']);
    fs.writeFileSync(path.join(early.dir, 'zoom.csv'), ZOOM);
    expect((await early.sk('event', 'add', 'Next webinar', '--kind', 'webinar', '--start', '2031-06-01 14:00', '--tz', 'Europe/Zurich')).code).toBe(0);
    expect((await early.sk('event', 'invite', '1', '--call', '2020')).code).toBe(0);
    expect((await early.sk('event', 'attendance', '1', 'zoom.csv')).code).toBe(0);
    expect(json(await early.sk('members', '--never-attended', '--json'))).toEqual([]);
    expect(json(await early.sk('engagement', '--never-attended', '--json'))).toEqual([]);
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
    expect(help).toMatch(/--never-attended only those invited to at least one event \(meeting, webinar, clinic, workshop\) with attendance taken \(over, its report imported\) who attended none; a member never invited to one is not included/);
  });
});

describe('engagement: the follow-up command it suggests', () => {
  it('takes the flag of the list shown, and is left out when nobody is to be written to', async () => {
    const less = await sk('engagement', '--attended-less-than', '2');
    expect(less.code, less.stderr).toBe(0);
    expect(less.stderr).toMatch(/Write to them: skillsnet export contacts --attended-less-than 2 --out follow-up\.csv/);
    const never = await sk('engagement', '--never-attended');
    expect(never.stderr).toMatch(/Write to them: skillsnet export contacts --never-attended --out follow-up\.csv/);
    const came = await sk('engagement', '--role', 'member', '--search', 'Taller');
    expect(came.stderr).toMatch(/; 0 invited but never attended/);
    expect(came.stderr).not.toMatch(/Write to them/);
  });

  it('carries the filters of the list, so that the mail goes to the people listed; and that command writes to them', async () => {
    const r = await sk('engagement', '--never-attended', '--role', 'member', '--country', 'SN', '--region', 'Africa');
    expect(r.code, r.stderr).toBe(0);
    const command = /Write to them: skillsnet (export contacts .*--out follow-up\.csv)/.exec(r.stderr)?.[1];
    expect(command).toBe('export contacts --never-attended --role member --region Africa --country SN --out follow-up.csv');
    const args = command!.replace('follow-up.csv', '-').split(' ');
    const contacts = await sk(...args);
    expect(contacts.code, contacts.stderr).toBe(0);
    expect(contacts.stdout).toMatch(/awa@example\.net/);
    expect(contacts.stdout).not.toMatch(/ana@example\.org/);
    expect((await sk('engagement', '--never-attended', '--region', 'Africa')).stderr).toMatch(/--never-attended --region Africa --out/);
  });
});

describe('engagement --cohort: the follow-up command it suggests', () => {
  it('writes to that cohort only (its roster), not to every Core Group', async () => {
    const called = await importedCall([
      'Organization,Contact name,Email,Country,Title,Score',
      'Taller Abierto,Ana Ejemplo,ana@example.org,Mexico,Oficios para jóvenes,9',
      'Atelier Vert,Awa Exemple,awa@example.net,Senegal,Jardins urbains et emploi,5',
    ]);
    const s = called.sk;
    expect((await s('select', '--size', '1', '--name', 'core-a')).code).toBe(0);
    expect((await s('roster', 'accept', 'core-a', '--cohort', '2020')).code).toBe(0);
    const awa = json(await s('members', '--json')).find((m: { email: string }) => m.email === 'awa@example.net');
    expect((await s('member', 'set', String(awa.id), '--role', 'core-group', '--cohort', '2024')).code).toBe(0);
    const event = json(await s('event', 'add', 'Core Group meeting', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich', '--json')).id;
    expect((await s('event', 'invite', String(event), '--role', 'core-group')).code).toBe(0);
    fs.writeFileSync(path.join(called.dir, 'zoom.csv'), zoomReport('Core Group meeting', ['Someone Else,else@example.com,11/19/2020 02:00:00 PM,11/19/2020 04:00:00 PM,120,Yes,Y']));
    expect((await s('event', 'attendance', String(event), 'zoom.csv')).code).toBe(0);

    const r = await s('engagement', '--never-attended', '--role', 'core-group', '--cohort', '2020');
    expect(r.code, r.stderr).toBe(0);
    const command = /Write to them: skillsnet (export contacts .*--out follow-up\.csv)/.exec(r.stderr)?.[1];
    expect(command).toBe('export contacts --never-attended --roster core-a --role core-group --out follow-up.csv');
    const contacts = await s(...command!.replace('follow-up.csv', '-').split(' '));
    expect(contacts.code, contacts.stderr).toBe(0);
    expect(contacts.stdout).toMatch(/ana@example\.org/);
    expect(contacts.stdout).not.toMatch(/awa@example\.net/);
    // a cohort given by hand (no roster): the officer names the roster
    expect((await s('engagement', '--never-attended', '--role', 'core-group', '--cohort', '2024')).stderr).toMatch(/export contacts --never-attended --roster NAME --role core-group --out/);
  });
});

describe('a member who declined or withdrew since is no follow-up\'s', () => {
  it('is left out of --never-attended and --attended-less-than on members, engagement and export contacts (a "we missed you" mail went to them), unless --status names them', async () => {
    const called = await importedCall([
      'Organization,Contact name,Email,Country,Title',
      'Taller Abierto,Ana Ejemplo,ana@example.org,Mexico,Oficios para jóvenes',
      'Atelier Vert,Awa Exemple,awa@example.net,Senegal,Jardins urbains et emploi',
      'Never Asked Trust,Nia Muestra,nia@example.com,Kenya,Youth apprenticeships',
      'Cooperativa Sur,Rosa Muestra,rosa@example.org,Peru,Talleres de oficios',
    ]);
    fs.writeFileSync(path.join(called.dir, 'zoom.csv'), ZOOM);
    const member = new Map<string, number>(json(await called.sk('members', '--json')).map((m: { email: string; id: number }) => [m.email, m.id]));
    expect((await called.sk('event', 'add', 'Core Group meeting', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich', '--duration', '120')).code).toBe(0);
    expect((await called.sk('event', 'invite', '1', '--call', '2020')).code).toBe(0);
    expect((await called.sk('event', 'attendance', '1', 'zoom.csv')).code).toBe(0);
    expect((await called.sk('member', 'set', `member-${member.get('awa@example.net')}`, '--status', 'declined')).code).toBe(0);
    expect((await called.sk('withdraw', `member-${member.get('nia@example.com')}`)).code).toBe(0);
    const rosa = ['rosa@example.org'];

    expect(emails(json(await called.sk('members', '--never-attended', '--json')))).toEqual(rosa);
    expect(emails(json(await called.sk('members', '--attended-less-than', '1', '--json')))).toEqual(rosa);
    const engagement = await called.sk('engagement', '--never-attended');
    expect(engagement.stdout).toContain(`member-${member.get('rosa@example.org')}`);
    expect(engagement.stdout).not.toMatch(new RegExp(`member-(${member.get('awa@example.net')}|${member.get('nia@example.com')})\\b`));
    expect(engagement.stderr).toContain(`Left out of this follow-up: 2 members who declined or withdrew (member-${member.get('awa@example.net')}, declined; member-${member.get('nia@example.com')}, withdrawn); --status declined or --status withdrawn lists them.`);
    expect(engagement.stderr).toMatch(/^1 member; 1 invited but never attended/m);
    const contacts = await called.sk('export', 'contacts', '--never-attended', '--out', '-');
    expect(contacts.stdout).toContain('rosa@example.org');
    expect(contacts.stdout).not.toMatch(/awa@example\.net|nia@example\.com/);

    // named by --status, they are listed: the officer asked for them
    expect(json(await called.sk('engagement', '--never-attended', '--status', 'declined', '--json')).map((r: { memberId: number }) => r.memberId)).toEqual([member.get('awa@example.net')]);
    expect(emails(json(await called.sk('members', '--never-attended', '--status', 'declined', '--json')))).toEqual(['awa@example.net']);
  }, 60_000);
});
