/** Merging two members moves their event records to the one kept, and unmerge puts them back. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, run, tempDir } from '../support/run.js';

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
