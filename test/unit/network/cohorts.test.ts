import { describe, expect, it } from 'vitest';
import { importedCall, json } from '../support/run.js';

describe('a core-group role given without a cohort', () => {
  it('names no cohort in members --json (no empty string), and one given with --cohort is named', async () => {
    const { sk } = await importedCall(['Organization,Contact name,Email,Country,Title', 'Taller Sur,Ana Ejemplo,ana@example.org,Argentina,Oficios']);
    const id = String(json(await sk('members', '--json'))[0].id);
    expect((await sk('member', 'set', id, '--role', 'core-group')).code).toBe(0);
    expect(json(await sk('members', '--json'))[0]).toMatchObject({ roles: ['core-group', 'member'], cohorts: [] });
    expect((await sk('member', 'set', id, '--role', 'core-group', '--cohort', '2021')).code).toBe(0);
    expect(json(await sk('members', '--json'))[0].cohorts).toEqual(['2021']);
    const kumu = JSON.parse((await sk('export', 'kumu', '--format', 'json', '--out', '-')).stdout);
    expect(kumu.elements.find((e: { type: string }) => e.type === 'Organization').Cohort).toEqual(['2021']);
  });
});

describe('a --cohort that names no cohort is said, not an empty list', () => {
  it('members, engagement and event invite name the cohorts there are; a --role other than core-group with --cohort is refused', async () => {
    const { sk } = await importedCall(['Organization,Contact name,Email,Country,Title', 'Taller Sur,Ana Ejemplo,ana@example.org,Argentina,Oficios', 'Taller Norte,Eva Muestra,eva@example.org,Chile,Oficios']);
    const none = await sk('members', '--role', 'core-group', '--cohort', '2021', '--json');
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/error: no Core Group cohort "2021" in this database\n.*roster accept NAME/);
    const ids = json(await sk('members', '--json')).map((m: { id: number }) => String(m.id));
    expect((await sk('member', 'set', ids[0], '--role', 'core-group', '--cohort', '2021')).code).toBe(0);
    expect((await sk('member', 'set', ids[1], '--role', 'core-group', '--cohort', '2020')).code).toBe(0);
    expect((await sk('event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2021-11-05 10:00', '--tz', 'America/New_York')).code).toBe(0);
    for (const args of [['members', '--role', 'core-group'], ['members'], ['engagement'], ['engagement', '--role', 'core-group'], ['event', 'invite', '1', '--role', 'core-group']]) {
      const r = await sk(...args, '--cohort', '2099', '--json');
      expect(r.stderr, args.join(' ')).toMatch(/error: no Core Group cohort "2099" in this database\n\s+cohorts here: 2020, 2021/);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stdout, args.join(' ')).toBe('');
    }
    const wrongRole = await sk('members', '--role', 'stakeholder', '--cohort', '2021', '--json');
    expect(wrongRole.code).toBe(2);
    expect(wrongRole.stderr).toMatch(/--cohort names a Core Group cohort, and --role stakeholder has none\n.*--role core-group --cohort 2021/);
    // a cohort that exists still lists its members, with or without --role core-group
    expect(json(await sk('members', '--cohort', '2021', '--json')).map((m: { id: number }) => String(m.id))).toEqual([ids[0]]);
    expect(json(await sk('engagement', '--cohort', '2020', '--all', '--json')).map((m: { memberId: number }) => String(m.memberId))).toEqual([ids[1]]);
  });
});
