/**
 * `event invite` and `event uninvite` read --member as docs/events.md writes it: several IDs after
 * one flag (`--member 17 42`), the flag repeated, or IDs separated by commas.
 */
import { describe, expect, it } from 'vitest';
import { importedCall, json } from '../support/run.js';

describe('event invite / uninvite --member ID…', () => {
  it('takes several IDs after one flag, repeated flags and commas alike', async () => {
    const { sk } = await importedCall([
      'Organization,Contact name,Email,Country,Title',
      'Taller Abierto,Ana Ejemplo,ana@example.org,Mexico,Oficios para jóvenes',
      'Atelier Vert,Awa Exemple,awa@example.net,Senegal,Jardins urbains et emploi',
      'Never Asked Trust,Nia Muestra,nia@example.com,Kenya,Youth apprenticeships',
    ]);
    const [a, b, c] = json(await sk('members', '--json')).map((m: { id: number }) => m.id).sort((x: number, y: number) => x - y);
    expect((await sk('event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2031-06-01 14:00', '--tz', 'Europe/Zurich')).code).toBe(0);
    const invited = await sk('event', 'invite', '1', '--member', String(a), `member-${b}`, '--json');
    expect(invited.code, invited.stderr).toBe(0);
    expect(json(invited)).toMatchObject({ invited: [a, b], total: 2 });
    expect(json(await sk('event', 'invite', '1', '--member', String(a), '--member', `${b},${c}`, '--json'))).toMatchObject({ invited: [c], total: 3 });
    expect(json(await sk('event', 'uninvite', '1', '--member', String(a), String(c), '--json'))).toMatchObject({ removed: [a, c], notInvited: [] });
    // a member not invited is said so; an ID that is no member is refused, and nothing is withdrawn
    expect(json(await sk('event', 'uninvite', '1', '--member', String(a), '--json'))).toMatchObject({ removed: [], notInvited: [a] });
    const typo = await sk('event', 'uninvite', '1', '--member', String(b), '99999');
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/^error: no member-99999\n {2}find member IDs with skillsnet members --search TEXT; the invitees are listed by skillsnet event show 1$/m);
    expect(json(await sk('event', 'show', '1', '--json')).invitees.map((i: { memberId: number }) => i.memberId)).toEqual([b]);
    // event link spells --member the same way, and a row is one member
    const link = await sk('event', 'link', '1', '7', '--member', String(a), String(b));
    expect(link.code).toBe(2);
    expect(link.stderr).toMatch(/^error: a row is one member: give one --member ID\n/);
  });
});
