/**
 * A member who withdrew from the network is no longer written to: export contacts leaves it out
 * (and says so), lists it when asked for by status; the maps leave it out too, and asked for by
 * status no longer mark its roster seat as the Core Group.
 */
import { describe, expect, it } from 'vitest';
import { importedCall, json } from '../support/run.js';

describe('a member who withdrew', () => {
  it('is out of the contact list and the map unless asked for, and then no longer Core Group', async () => {
    const { sk } = await importedCall([
      'Organization,Contact name,Email,Country,Title',
      'Taller Sur,Ana Ejemplo,ana@example.org,Argentina,Oficios',
      'Atelier Vert,Awa Exemple,awa@example.net,Senegal,Jardins',
    ]);
    expect((await sk('select', '--size', '2', '--name', 'core', '--order', 'id')).code).toBe(0);
    expect((await sk('roster', 'accept', 'core', '--yes')).code).toBe(0);
    const members = json(await sk('members', '--json')) as { id: number; organization: string }[];
    const taller = members.find((m) => m.organization === 'Taller Sur')!;
    expect((await sk('withdraw', `member-${taller.id}`, '--yes')).code).toBe(0);

    const all = await sk('export', 'contacts', '--format', 'csv', '--out', '-');
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).not.toContain('ana@example.org');
    expect(all.stdout).toContain('awa@example.net');
    expect(all.stderr).toMatch(/1 member who withdrew from the network is left out \(--status withdrawn lists them\)/);
    expect(json(await sk('export', 'contacts', '--format', 'csv', '--out', 'c.csv', '--json')).counts.withdrawn).toBe(1);
    const asked = await sk('export', 'contacts', '--format', 'csv', '--status', 'withdrawn', '--out', '-');
    expect(asked.stdout).toContain('ana@example.org');

    // off the map (as off the contact list); asked for by status, there, and no longer Core Group
    const map = await sk('export', 'kumu', '--format', 'json', '--out', '-');
    const elements = JSON.parse(map.stdout).elements as { label: string; 'Core Group': string }[];
    expect(elements.some((e) => e.label.startsWith('Taller Sur'))).toBe(false);
    expect(elements.find((e) => e.label.startsWith('Atelier Vert'))!['Core Group']).toBe('yes');
    const left = JSON.parse((await sk('export', 'kumu', '--format', 'json', '--status', 'withdrawn', '--out', '-')).stdout).elements as { label: string; 'Core Group': string }[];
    expect(left.find((e) => e.label.startsWith('Taller Sur'))!['Core Group']).toBe('no');
  });
});
