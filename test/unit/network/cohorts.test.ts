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
