/**
 * Merging two organisations (merge org-A org-B, organization link) keeps the contact person of
 * the organisation kept: the merged one's applications are often the later ones, and its person
 * must not take over the kept member's lists, invitations and contacts. The people of both stay
 * linked to the kept organisation, and unmerge puts everything back.
 */
import { describe, expect, it } from 'vitest';
import { importedCall, json, run } from '../support/run.js';

interface MemberJson { id: number; kumuId: string; organizationId: number; personId: number | null; name: string | null; email: string | null; workingLanguage: string | null; workingLanguageFrom?: string | null }

/** Two organisations of one call, A applied first (lower IDs), B later with another contact person. */
async function twoOrganisations(): Promise<{ db: string; a: MemberJson; b: MemberJson; sk: (...args: string[]) => ReturnType<typeof run> }> {
  const { db, sk } = await importedCall([
    'Organization,Contact name,Email,Country,Title,Language',
    'Fundación Andes,Ana Ejemplo,ana@example.org,Peru,Talleres de oficios para jóvenes,French',
    'Andes Foundation Lima,Bea Muestra,bea@example.net,Peru,Escuela de oficios,Spanish',
  ]);
  const members = json<MemberJson[]>(await sk('members', '--json'));
  expect(members).toHaveLength(2);
  const [a, b] = members as [MemberJson, MemberJson];
  expect([a.email, b.email]).toEqual(['ana@example.org', 'bea@example.net']);
  expect([a.workingLanguage, b.workingLanguage]).toEqual(['fr', 'es']);
  return { db, a, b, sk };
}

const memberOf = async (sk: (...args: string[]) => ReturnType<typeof run>, kumuId: string) =>
  json<MemberJson[]>(await sk('members', '--json')).find((m) => m.kumuId === kumuId);

describe('merging organisations keeps the contact person of the one kept', () => {
  it.each([
    ['merge org-A org-B', (a: MemberJson, b: MemberJson) => ['merge', a.kumuId, b.kumuId]],
    ['organization link org-A org-B', (a: MemberJson, b: MemberJson) => ['organization', 'link', a.kumuId, b.kumuId]],
  ])('%s: A applied first, B later; A keeps Ana', async (_name, command) => {
    const { a, b, sk } = await twoOrganisations();
    const r = await sk(...command(a, b), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).steps.join('\n')).toContain(`member-${a.id} keeps its contact person (person-${a.personId})`);
    const kept = await memberOf(sk, a.kumuId);
    expect(kept).toMatchObject({ id: a.id, personId: a.personId, name: 'Ana Ejemplo', email: 'ana@example.org', workingLanguage: 'fr' });
    expect(await memberOf(sk, b.kumuId)).toBeUndefined();
    // Nobody dropped: both people are the kept organisation's, and both stay contacts.
    const shown = json(await sk('show', a.kumuId, '--json'));
    expect(shown.people.map((p: { id: number }) => p.id).sort()).toEqual([a.personId, b.personId].sort());
    const contacts = (await sk('export', 'contacts', '--out', '-')).stdout;
    expect(contacts).toContain('ana@example.org');
    expect(contacts).toContain('bea@example.net');
    // Undone, each organisation has its own contact again.
    expect((await sk('unmerge', '--last')).code).toBe(0);
    expect(await memberOf(sk, a.kumuId)).toMatchObject({ personId: a.personId, workingLanguage: 'fr', workingLanguageFrom: 'application text' }); // no longer pinned on the member
    expect(await memberOf(sk, b.kumuId)).toMatchObject({ personId: b.personId, workingLanguage: 'es' });
  });

  it('organization link org-B org-A: B is kept and keeps Bea', async () => {
    const { a, b, sk } = await twoOrganisations();
    const r = await sk('organization', 'link', b.kumuId, a.kumuId, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(await memberOf(sk, b.kumuId)).toMatchObject({ id: b.id, personId: b.personId, email: 'bea@example.net', workingLanguage: 'es' });
    expect(await memberOf(sk, a.kumuId)).toBeUndefined();
  });

  it("does not take the merged member's own person over the kept applicant's contact", async () => {
    const { a, sk } = await twoOrganisations();
    const added = json(await sk('member', 'add', '--organization', 'Andes Partner Office', '--name', 'Carla Prueba', '--email', 'carla@example.com', '--role', 'partner', '--json'));
    const r = await sk('merge', a.kumuId, `org-${added.organizationId}`, '--json', '--yes'); // another name, another address: confirmed
    expect(r.code, r.stderr).toBe(0);
    const kept = await memberOf(sk, a.kumuId);
    expect(kept).toMatchObject({ personId: a.personId, email: 'ana@example.org' });
    expect(json(await sk('members', '--json')).find((m: MemberJson) => m.id === a.id).roles).toEqual(['member', 'partner']);
  });

  it('an organisation without a contact person takes the merged one\'s', async () => {
    const { a, b, sk } = await twoOrganisations();
    const added = json(await sk('member', 'add', '--organization', 'Andes Sin Contacto', '--role', 'stakeholder', '--json'));
    expect(added.personId).toBeNull();
    const r = await sk('merge', `org-${added.organizationId}`, b.kumuId, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).steps.join('\n')).not.toContain('keeps its contact person');
    expect(await memberOf(sk, `org-${added.organizationId}`)).toMatchObject({ personId: b.personId, email: 'bea@example.net' });
    expect(await memberOf(sk, a.kumuId)).toMatchObject({ personId: a.personId });
  });
});
