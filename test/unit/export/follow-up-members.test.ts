/**
 * The follow-up filters (--never-attended, --attended-less-than) on members who never applied:
 * partners and stakeholders are invited to events too, and a "we missed you" mail to one who came,
 * or to one never invited, is wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedCall, json } from '../support/run.js';

describe('export contacts --never-attended with members who never applied', () => {
  it('keeps the partner invited who stayed away, and leaves out the one who came and the one never invited', async () => {
    const { dir, sk } = await importedCall([
      'Organization,Contact name,Email,Country,Title',
      'Taller Sur,Ximena Quiroga,ximena.q@example.org,Argentina,Aprender haciendo',
    ]);
    for (const [org, name, email] of [['Partner Came', 'Ana Vino', 'ana.vino@example.org'], ['Partner Away', 'Luis Falta', 'luis.falta@example.org'], ['Partner Uninvited', 'Eva Nunca', 'eva.nunca@example.org']]) {
      expect((await sk('member', 'add', '--organization', org!, '--name', name!, '--email', email!, '--country', 'PE', '--role', 'partner')).code).toBe(0);
    }
    expect((await sk('event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2021-11-05 10:00', '--tz', 'America/New_York')).code).toBe(0);
    const members = json(await sk('members', '--json'));
    const id = (email: string) => String(members.find((m: { email: string }) => m.email === email).id);
    expect((await sk('event', 'invite', '1', '--member', id('ana.vino@example.org'), id('luis.falta@example.org'), id('ximena.q@example.org'))).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'zoom.csv'), 'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\nAna Vino,ana.vino@example.org,11/05/2021 10:00:00 AM,11/05/2021 11:00:00 AM,60\n');
    expect((await sk('event', 'attendance', '1', 'zoom.csv')).code).toBe(0);

    const never = await sk('export', 'contacts', '--never-attended', '--out', 'follow-up.csv', '--json');
    expect(never.code, never.stderr).toBe(0);
    const sheet = fs.readFileSync(path.join(dir, 'follow-up.csv'), 'utf8');
    expect(sheet).toContain('luis.falta@example.org');
    expect(sheet).toContain('ximena.q@example.org');
    expect(sheet).not.toContain('ana.vino@example.org');
    expect(sheet).not.toContain('eva.nunca@example.org');
    expect(json(never).counts).toMatchObject({ contacts: 2, members: 1 });
    // the same members as `members --never-attended`
    const listed = json(await sk('members', '--never-attended', '--json')).map((m: { email: string }) => m.email).sort();
    expect(listed).toEqual(['luis.falta@example.org', 'ximena.q@example.org']);

    const fewer = await sk('export', 'contacts', '--attended-less-than', '1', '--out', 'fewer.csv');
    expect(fewer.code, fewer.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'fewer.csv'), 'utf8')).not.toMatch(/ana\.vino|eva\.nunca/);
  });
});
