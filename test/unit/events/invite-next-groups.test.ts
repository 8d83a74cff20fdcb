import { describe, expect, it } from 'vitest';
import { importedCall } from '../support/run.js';

/**
 * The step `event invite` suggests next is one `event groups` takes: it said
 * --groups en=2,fr=1,es=1 for every event, refused for a meeting held in Spanish only.
 */
describe('the groups event invite suggests', () => {
  const spanish = (n: number) => [
    'Organización,Correo,País,Título,Describa su propuesta,Puntaje',
    ...Array.from({ length: n }, (_, i) => `Asociación ${i + 1},socia${i + 1}@example.org,${['Perú', 'Bolivia', 'Chile'][i % 3]},Oficios ${i + 1},Formación técnica en oficios para jóvenes de zonas rurales y sus familias,${50 + i}`),
  ];

  it("names the event's languages that its invitees work in, a group per 8 of them, and works as written", async () => {
    const { sk } = await importedCall(spanish(10));
    expect((await sk('select', '--size', '10', '--name', 'nucleo', '--quiet')).code).toBe(0);
    expect((await sk('event', 'add', 'Reunión', '--kind', 'meeting', '--start', '2026-05-15 10:00', '--tz', 'America/Lima', '--languages', 'es')).code).toBe(0);
    const invited = await sk('event', 'invite', '1', '--roster', 'nucleo');
    expect(invited.stderr).toContain('Next: skillsnet event groups 1 --by language --groups es=2, then');
    const groups = await sk('event', 'groups', '1', '--by', 'language', '--groups', 'es=2');
    expect(groups.code, groups.stderr).toBe(0);
    // an event in three languages whose invitees all work in Spanish: the Spanish groups only
    expect((await sk('event', 'add', 'Plenaria', '--kind', 'meeting', '--start', '2026-05-20 10:00', '--tz', 'America/Lima')).code).toBe(0);
    expect((await sk('event', 'invite', '2', '--roster', 'nucleo')).stderr).toContain('--groups es=2, then');
  });
});
