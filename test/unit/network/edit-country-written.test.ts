import { describe, expect, it } from 'vitest';
import { importedCall, json } from '../support/run.js';

// An officer corrects a country the form got wrong: the import's text stood beside the correction.
describe('a country set with edit is the country as written', () => {
  it('show and list --json say what the officer typed, not the text of the import', async () => {
    const { sk } = await importedCall(['Organización,Correo,País,Título', 'Red Andina,luis@example.org,Paraguay,Oficios', 'Casa Verde,rosa@example.org,,Huertos']);
    expect((await sk('edit', '1', '--set', 'country=Perú')).code).toBe(0);
    const show = (await sk('show', '1')).stdout;
    expect(show).toMatch(/^Country\s+PE \(written "Perú"\)$/m);
    expect(show).not.toContain('Paraguay');
    // the same country typed again another way: nothing changes, the text as written neither
    expect(Object.values(await sk('edit', '1', '--set', 'country=PERU')).join('')).toContain('Already so: country.');
    expect((await sk('show', '1')).stdout).toMatch(/^Country\s+PE \(written "Perú"\)$/m);
    // a country given where the form had none
    expect((await sk('edit', '2', '--set', 'country=Lima, Perú')).code).toBe(0);
    const listed = json<{ id: number; country: string; countryRaw: string | null }[]>(await sk('list', '--json'));
    expect(listed.map((a) => [a.id, a.country, a.countryRaw])).toEqual([[1, 'PE', 'Perú'], [2, 'PE', 'Lima, Perú']]);
    // the organisation corrected too
    expect((await sk('edit', 'org-2', '--set', 'country=')).code).toBe(0);
    expect((await sk('show', 'org-2')).stdout).not.toContain('Lima');
  });
});
