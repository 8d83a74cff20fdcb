/** Merging two members moves their event records to the one kept, and unmerge puts them back. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedCall, json, run, tempDir } from '../support/run.js';
import { zoomReport } from '../support/zoom.js';

describe('merge of members with events', () => {
  it('moves invitations and groups to the member kept, and unmerge gives them back', async () => {
    const db = path.join(tempDir(), 'm.db');
    const add = async (organization: string, email: string) =>
      json(await run(['--db', db, 'member', 'add', '--organization', organization, '--name', 'Ana Prueba', '--email', email, '--country', 'PE', '--role', 'stakeholder', '--json'])).id as number;
    const a = await add('Red Andina de Oficios', 'ana@example.org');
    const b = await add('Fundación Lumen', 'ana.prueba@example.net');
    expect(a).not.toBe(b);
    const event = json(await run(['--db', db, 'event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2021-03-10 15:00', '--tz', 'America/Lima', '--json'])).id as number;
    expect((await run(['--db', db, 'event', 'invite', String(event), '--member', `${a},${b}`])).code).toBe(0);
    const invitees = async () => (json(await run(['--db', db, 'event', 'show', String(event), '--json'])).invitees as { memberId: number }[]).map((i) => i.memberId).sort((x, y) => x - y);
    expect(await invitees()).toEqual([a, b].sort((x, y) => x - y));

    const merged = await run(['--db', db, 'merge', `member-${a}`, `member-${b}`, '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(json(merged).steps.join('\n')).toMatch(new RegExp(`member-${a} took over 1 event record of member-${b}`));
    expect(await invitees()).toEqual([a]);

    const undone = await run(['--db', db, 'unmerge', '--last', '--json']);
    expect(undone.code, undone.stderr).toBe(0);
    expect(await invitees()).toEqual([a, b].sort((x, y) => x - y));
  });
});

describe('merging two members who came to the same meeting', () => {
  it('counts the time from the first join to the last leave at most, not both people\'s minutes added', async () => {
    const { dir, sk } = await importedCall([
      'Organization,First name,Last name,Email,Country,Title',
      'Taller Sur,Ximena,Quiroga,ximena@example.org,Argentina,Aprender haciendo',
      'Taller Sur Córdoba,Pedro,Ejemplo,pedro@example.org,Argentina,Formación digital',
    ]);
    expect((await sk('event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich', '--duration', '120')).code).toBe(0);
    expect((await sk('event', 'invite', '1', '--call', '2020')).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'zoom.csv'), zoomReport('Webinar', [
      'Ximena Quiroga,ximena@example.org,11/19/2020 02:00:00 PM,11/19/2020 04:00:00 PM,120,Yes,Y',
      'Pedro Ejemplo,pedro@example.org,11/19/2020 02:30:00 PM,11/19/2020 04:00:00 PM,90,Yes,Y',
    ]));
    expect((await sk('event', 'attendance', '1', 'zoom.csv')).code).toBe(0);
    const members = json(await sk('members', '--json')) as { id: number; organization: string }[];
    const [a, b] = ['Taller Sur', 'Taller Sur Córdoba'].map((n) => members.find((m) => m.organization === n)!.id);
    const merged = await sk('merge', `member-${a}`, `member-${b}`, '--yes');
    expect(merged.code, merged.stderr).toBe(0);
    const shown = json(await sk('event', 'show', '1', '--json'));
    const minutes = shown.attendees.map((x: { minutes: number }) => x.minutes);
    expect(minutes).toEqual([120]);
  });
});

describe('merging two members whose people came and went', () => {
  it('counts the union of their connections: an overlap once, a break not at all', async () => {
    const { dir, sk } = await importedCall([
      'Organization,First name,Last name,Email,Country,Title',
      'Taller Sur,Ximena,Quiroga,ximena@example.org,Argentina,Aprender haciendo',
      'Taller Sur Córdoba,Pedro,Ejemplo,pedro@example.org,Argentina,Formación digital',
    ]);
    expect((await sk('event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich', '--duration', '120')).code).toBe(0);
    expect((await sk('event', 'invite', '1', '--call', '2020')).code).toBe(0);
    // Ximena 14:00–14:30 and 15:30–16:00; Pedro 14:15–14:45: together 14:00–14:45 and 15:30–16:00
    fs.writeFileSync(path.join(dir, 'zoom.csv'), zoomReport('Webinar', [
      'Ximena Quiroga,ximena@example.org,11/19/2020 02:00:00 PM,11/19/2020 02:30:00 PM,30,Yes,Y',
      'Ximena Quiroga,ximena@example.org,11/19/2020 03:30:00 PM,11/19/2020 04:00:00 PM,30,Yes,Y',
      'Pedro Ejemplo,pedro@example.org,11/19/2020 02:15:00 PM,11/19/2020 02:45:00 PM,30,Yes,Y',
    ]));
    expect((await sk('event', 'attendance', '1', 'zoom.csv')).code).toBe(0);
    const members = json(await sk('members', '--json')) as { id: number; organization: string }[];
    const [a, b] = ['Taller Sur', 'Taller Sur Córdoba'].map((n) => members.find((m) => m.organization === n)!.id);
    const before = json(await sk('event', 'show', '1', '--json')).attendees.map((x: { minutes: number }) => x.minutes).sort();
    expect(before).toEqual([30, 60]);
    const merged = await sk('merge', `member-${a}`, `member-${b}`, '--yes');
    expect(merged.code, merged.stderr).toBe(0);
    const after = json(await sk('event', 'show', '1', '--json')).attendees;
    expect(after.map((x: { memberId: number; minutes: number }) => [x.memberId, x.minutes])).toEqual([[a, 75]]);
    // unmerge gives each member their own minutes back
    expect((await sk('unmerge', '--last')).code).toBe(0);
    expect(json(await sk('event', 'show', '1', '--json')).attendees.map((x: { minutes: number }) => x.minutes).sort()).toEqual([30, 60]);
  });
});
