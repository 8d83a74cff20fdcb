/**
 * The files an officer sends before an event (src/events/event-files.ts), on a small network:
 * who is in the mail-merge sheet and among the calendar's attendees.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedCall, json } from '../support/run.js';

const NETWORK = [
  'Organization,First name,Last name,Email,Phone,Country,Title',
  'Taller Sur,Ximena,Quiroga,ximena.q@example.org,,Argentina,Aprender haciendo en talleres',
  'Otra Org,Pedro,Ejemplo,pedro@example.org,,Argentina,Formación digital para jóvenes',
];

/** A network of two members invited to a webinar; the second said no to being contacted. */
async function webinarWithRefusal() {
  const call = await importedCall(NETWORK);
  const { sk } = call;
  expect((await sk('event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich')).code).toBe(0);
  expect((await sk('event', 'invite', '1', '--call', '2020')).code).toBe(0);
  const pedro = json(await sk('members', '--json')).find((m: { email: string }) => m.email === 'pedro@example.org');
  expect((await sk('member', 'set', String(pedro.id), '--consent-contact', 'no')).code).toBe(0);
  return call;
}

describe('members who said no to being contacted', () => {
  it('are left out of the invitation sheet, with one line on stderr and a count in --json', async () => {
    const { dir, sk } = await webinarWithRefusal();
    const r = await sk('event', 'invitations', '1', '--out', 'invitations.csv');
    expect(r.code, r.stderr).toBe(0);
    const sheet = fs.readFileSync(path.join(dir, 'invitations.csv'), 'utf8');
    expect(sheet).toContain('ximena.q@example.org');
    expect(sheet).not.toContain('pedro@example.org');
    expect(r.stderr.match(/1 member who said no to being contacted is left out/g)).toHaveLength(1);
    expect(json(await sk('event', 'invitations', '1', '--out', 'again.csv', '--json'))).toMatchObject({ rows: 1, noConsent: 1 });
    // --delimiter ";" for Excel in a French or Spanish locale; a word Excel cannot use is a usage error.
    const fr = await sk('event', 'invitations', '1', '--delimiter', ';', '--out', '-');
    expect(fr.code, fr.stderr).toBe(0);
    expect(fr.stdout.startsWith('\uFEFFemail;given_name;')).toBe(true);
    expect(fr.stdout).toContain('ximena.q@example.org;');
    expect((await sk('event', 'invitations', '1', '--delimiter', ';;', '--out', '-')).code).toBe(2);
  });

  it('are left out of the calendar file\'s attendees, with one line on stderr and a count in --json', async () => {
    const { sk } = await webinarWithRefusal();
    const r = await sk('event', 'ics', '1', '--with-attendees', '--out', '-');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('ximena.q@example.org');
    expect(r.stdout).not.toContain('pedro@example.org');
    expect(r.stderr.match(/1 member who said no to being contacted is left out/g)).toHaveLength(1);
    expect(json(await sk('event', 'ics', '1', '--with-attendees', '--out', 'x.ics', '--json'))).toMatchObject({ attendees: 1, noConsent: 1 });
  });
});

describe('a member who withdrew from the network after being invited', () => {
  it('is left out of the sheet and the calendar\'s attendees, unless invited by name (--member)', async () => {
    const { dir, sk } = await importedCall(NETWORK);
    expect((await sk('event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich')).code).toBe(0);
    expect((await sk('event', 'invite', '1', '--call', '2020')).code).toBe(0);
    const pedro = json(await sk('members', '--json')).find((m: { email: string }) => m.email === 'pedro@example.org');
    expect((await sk('withdraw', `member-${pedro.id}`)).code).toBe(0);
    const r = await sk('event', 'invitations', '1', '--out', 'invitations.csv');
    expect(r.code, r.stderr).toBe(0);
    const sheet = fs.readFileSync(path.join(dir, 'invitations.csv'), 'utf8');
    expect(sheet).toContain('ximena.q@example.org');
    expect(sheet).not.toContain('pedro@example.org');
    expect(r.stderr).toMatch(/1 member who withdrew from the network since being invited is left out \(skillsnet event show 1 lists the invitees\)/);
    expect(json(await sk('event', 'invitations', '1', '--out', 'again.csv', '--json'))).toMatchObject({ rows: 1, noConsent: 0, withdrawn: 1 });
    const ics = await sk('event', 'ics', '1', '--with-attendees', '--out', '-');
    expect(ics.stdout).not.toContain('pedro@example.org');
    expect(json(await sk('event', 'ics', '1', '--with-attendees', '--out', 'x.ics', '--json'))).toMatchObject({ attendees: 1, withdrawn: 1 });
    // nor in a breakout group: named among those in none, with why
    const groups = json(await sk('event', 'groups', '1', '--by', 'language', '--groups', 'es=1', '--json'));
    expect(groups.groups.flatMap((g: { memberIds: number[] }) => g.memberIds)).not.toContain(pedro.id);
    expect(groups.unassigned).toContainEqual(expect.objectContaining({ memberId: pedro.id, reason: 'withdrew from the network since being invited' }));
    expect((await sk('event', 'show', '1')).stdout).not.toMatch(/invited after the groups were made/);

    // invited by name, the officer meant it: kept
    expect((await sk('event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2020-12-10 14:00', '--tz', 'Europe/Zurich')).code).toBe(0);
    expect((await sk('event', 'invite', '2', '--member', String(pedro.id))).code).toBe(0);
    expect(json(await sk('event', 'invitations', '2', '--out', 'named.csv', '--json'))).toMatchObject({ rows: 1, withdrawn: 0 });
  });
});

describe('a member invited by name who withdrew from the network afterwards', () => {
  it('is left out of the sheet, the calendar and the groups, as one invited by a roster or filter', async () => {
    const { sk } = await importedCall(NETWORK);
    expect((await sk('event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2020-12-10 14:00', '--tz', 'Europe/Zurich')).code).toBe(0);
    const members = json(await sk('members', '--json'));
    expect((await sk('event', 'invite', '1', '--member', ...members.map((m: { id: number }) => String(m.id)))).code).toBe(0);
    const pedro = members.find((m: { email: string }) => m.email === 'pedro@example.org');
    expect((await sk('withdraw', `member-${pedro.id}`)).code).toBe(0);
    const r = await sk('event', 'invitations', '1', '--out', '-');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('pedro@example.org');
    expect(r.stderr).toMatch(/1 member who withdrew from the network since being invited is left out/);
    expect(json(await sk('event', 'ics', '1', '--with-attendees', '--out', 'x.ics', '--json'))).toMatchObject({ attendees: 1, withdrawn: 1 });
    const groups = json(await sk('event', 'groups', '1', '--by', 'language', '--groups', 'es=1', '--json'));
    expect(groups.unassigned).toContainEqual(expect.objectContaining({ memberId: pedro.id, reason: 'withdrew from the network since being invited' }));
  });
});

describe('an event whose every invitee withdrew from the network since', () => {
  it('says so, not "no invitees" (which sends the officer to invite them again)', async () => {
    const { sk } = await importedCall(NETWORK);
    expect((await sk('event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2020-12-10 14:00', '--tz', 'Europe/Zurich')).code).toBe(0);
    expect((await sk('event', 'invite', '1', '--call', '2020')).code).toBe(0);
    for (const m of json(await sk('members', '--json'))) expect((await sk('withdraw', `member-${m.id}`)).code).toBe(0);
    const sheet = await sk('event', 'invitations', '1', '--out', '-');
    expect(sheet.code).toBe(1);
    expect(sheet.stderr).toMatch(/^error: event 1 has no invitee to write to: 2 members invited have withdrawn from the network since\n {2}skillsnet event show 1 lists the invitees/m);
    const groups = await sk('event', 'groups', '1', '--by', 'language', '--groups', 'es=1');
    expect(groups.code).toBe(1);
    expect(groups.stderr).toMatch(/^error: event 1 has no invitees to split into groups: the 2 invited have withdrawn from the network since/m);
  });
});

describe('event groups with an invitee who has no working language', () => {
  it('says how to give one and to make the groups again (the list said why, not what to type)', async () => {
    const { sk } = await importedCall(NETWORK);
    expect((await sk('event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2020-12-10 14:00', '--tz', 'Europe/Zurich', '--languages', 'es')).code).toBe(0);
    expect((await sk('member', 'add', '--organization', 'Cámara de Comercio de Lima', '--country', 'PE')).code).toBe(0);
    const lima = json(await sk('members', '--json')).find((m: { organization: string }) => m.organization === 'Cámara de Comercio de Lima');
    expect((await sk('event', 'invite', '1', '--member', `member-${lima.id}`)).code).toBe(0);
    expect((await sk('event', 'invite', '1', '--call', '2020')).code).toBe(0);
    const groups = await sk('event', 'groups', '1', '--by', 'language', '--groups', 'es=1');
    expect(groups.code, groups.stderr).toBe(0);
    expect(groups.stdout).toContain(`member-${lima.id}: no working language on record`);
    expect(groups.stderr).toContain(`1 invitee has no working language on record: give one with skillsnet member set member-${lima.id} --language LL, then run skillsnet event groups 1 again.`);
  });
});
