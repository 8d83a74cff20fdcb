import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { json, run, tempDir } from '../support/run.js';

const COUNTRIES = ['Kenya', 'Sénégal', 'Perú', 'India', 'France'];

/** A stakeholder list as an officer keeps it: 20 rows, French and English headers, one "no" to the map, one to contact. */
async function stakeholderWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Stakeholders');
  ws.addRow(['Organisation', 'Nom du contact', 'Email', 'Pays', "Type d'organisation", 'Role', 'Consent to appear on the map', 'Consent to be contacted', 'Langue de travail']);
  for (let i = 1; i <= 20; i++) {
    ws.addRow([
      `Stakeholder Org ${i}`, `Contact Person ${i}`, `contact${i}@example.org`, COUNTRIES[i % 5], i % 2 ? 'Government' : 'Employers\' organisation',
      i === 3 ? 'Partenaire' : i === 4 ? '' : 'stakeholder', i === 7 ? 'No' : 'Yes', i === 8 ? 'non' : 'oui', i % 3 ? 'fr' : 'English',
    ]);
  }
  await wb.xlsx.writeFile(file);
}

describe('members beyond applicants', () => {
  it('a stakeholder added by hand and twenty imported from a spreadsheet appear in members, the Kumu map, the HTML map and the contacts with their roles', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    fs.writeFileSync(path.join(dir, 'a.csv'), 'Organization,Contact name,Email,Country,Title\nTaller Abierto,Ana Ejemplo,ana@example.org,Mexico,Oficios para jóvenes\n');
    expect((await run(['--db', db, 'import', path.join(dir, 'a.csv'), '--call', '2020'])).code).toBe(0);

    const added = await run(['--db', db, 'member', 'add', '--organization', 'Ministerio de Trabajo', '--name', 'Rosa Muestra', '--email', 'rosa@example.org',
      '--country', 'PE', '--language', 'es', '--role', 'stakeholder', '--type', 'Government', '--json']);
    expect(added.code, added.stderr).toBe(0);
    const { id } = json(added);
    expect(typeof id).toBe('number');

    const file = path.join(dir, 'stakeholders.xlsx');
    await stakeholderWorkbook(file);
    const imported = await run(['--db', db, 'member', 'import', file, '--role', 'partner', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const report = json(imported);
    expect(report).toMatchObject({ rows: 20, added: 20, updated: 0, rejected: 0 });
    expect(report.columns).toMatchObject({ role: ['Role'], consentMap: ['Consent to appear on the map'], workingLanguage: ['Langue de travail'] });

    const members = json(await run(['--db', db, 'members', '--json']));
    expect(members).toHaveLength(22);
    for (const m of members) expect(Object.keys(m).slice(0, 11)).toEqual(['id', 'kind', 'organization', 'name', 'email', 'country', 'region', 'workingLanguage', 'roles', 'status', 'calls']);
    const byOrg = new Map(members.map((m: { organization: string }) => [m.organization, m]));
    expect(byOrg.get('Taller Abierto')).toMatchObject({ roles: ['member'], calls: ['2020'], kind: 'organization' });
    expect(byOrg.get('Ministerio de Trabajo')).toMatchObject({ id, roles: ['stakeholder'], calls: [], country: 'PE', region: 'Americas', workingLanguage: 'es', name: 'Rosa Muestra' });
    expect(byOrg.get('Stakeholder Org 3')).toMatchObject({ roles: ['partner'] });
    expect(byOrg.get('Stakeholder Org 4')).toMatchObject({ roles: ['partner'] }); // no role in the row: --role
    expect(byOrg.get('Stakeholder Org 5')).toMatchObject({ roles: ['stakeholder'], country: 'KE', region: 'Africa', workingLanguage: 'fr', consentMap: 'yes' });
    expect(byOrg.get('Stakeholder Org 6')).toMatchObject({ workingLanguage: 'en' });
    expect(byOrg.get('Stakeholder Org 7')).toMatchObject({ consentMap: 'no' });
    expect(byOrg.get('Stakeholder Org 8')).toMatchObject({ consentContact: 'no' });
    expect(json(await run(['--db', db, 'members', '--role', 'stakeholder', '--json']))).toHaveLength(19);
    expect(json(await run(['--db', db, 'members', '--role', 'member', '--json']))).toHaveLength(1);
    expect(json(await run(['--db', db, 'members', '--type', 'gobierno', '--json'])).length).toBe(11); // Government, in any language

    // Kumu: every member but the one who said no to the map, with roles.
    expect((await run(['--db', db, 'export', 'kumu', '--format', 'json', '--out', path.join(dir, 'map.json')])).code).toBe(0);
    const kumu = JSON.parse(fs.readFileSync(path.join(dir, 'map.json'), 'utf8'));
    const orgs = kumu.elements.filter((e: { type: string }) => e.type === 'Organization');
    expect(orgs).toHaveLength(21);
    expect(orgs.some((e: { label: string }) => e.label === 'Stakeholder Org 7')).toBe(false);
    expect(orgs.find((e: { label: string }) => e.label === 'Ministerio de Trabajo')).toMatchObject({ Roles: ['stakeholder'], 'Contact Person': ['Rosa Muestra'] });
    expect(orgs.find((e: { label: string }) => e.label === 'Taller Abierto').Roles).toEqual(['member']);
    expect(kumu.connections.some((c: { from: string; to: string }) => [c.from, c.to].includes(byOrg.get('Stakeholder Org 7').kumuId))).toBe(false);

    // The HTML map: the same actors, the same IDs, the one who said no left out.
    const html = await run(['--db', db, 'export', 'map', '--out', path.join(dir, 'map.html'), '--json']);
    expect(html.code, html.stderr).toBe(0);
    expect(json(html).counts).toMatchObject({ organizations: 21, withheld: 1 });
    const page = fs.readFileSync(path.join(dir, 'map.html'), 'utf8');
    const data = JSON.parse(/<script type="application\/json" id="skillsnet-map-data">(.*?)<\/script>/s.exec(page)![1]);
    const nodes = data.nodes.filter((n: { kind: string }) => n.kind === 'organization');
    expect(nodes.map((n: { id: string }) => n.id).sort()).toEqual(orgs.map((e: { id: string }) => e.id).sort());
    expect(nodes.find((n: { id: string }) => n.id === byOrg.get('Ministerio de Trabajo').kumuId).roles).toEqual(['stakeholder']);

    // Contacts: every member with an address but the one who said no to contact, with their roles.
    const contacts = await run(['--db', db, 'export', 'contacts', '--out', '-']);
    expect(contacts.code, contacts.stderr).toBe(0);
    const lines = contacts.stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0].split(',')).toContain('roles');
    expect(lines).toHaveLength(1 + 21);
    expect(contacts.stdout).not.toContain('contact8@example.org');
    expect(lines.find((l) => l.includes('rosa@example.org'))).toMatch(/stakeholder/);
    expect(lines.find((l) => l.includes('contact3@example.org'))).toMatch(/partner/);
    const withNo = await run(['--db', db, 'export', 'contacts', '--out', '-', '--include-no-consent']);
    expect(withNo.stdout).toContain('contact8@example.org');
    expect(withNo.stderr).toMatch(/warning: 1 member who said no to being contacted/);
  });

  it('member set changes status and consent, kept in the history; a Core Group member who declines is offered the replacement', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const rows = ['Organization,Email,Country,Score', ...Array.from({ length: 6 }, (_, i) => `Org ${i + 1},o${i + 1}@example.org,${['Kenya', 'Peru', 'India'][i % 3]},${9 - i}`)];
    fs.writeFileSync(path.join(dir, 'a.csv'), rows.join('\n') + '\n');
    expect((await run(['--db', db, 'import', path.join(dir, 'a.csv'), '--call', '2020'])).code).toBe(0);
    expect((await run(['--db', db, 'select', '--size', '3', '--name', 'core-2020'])).code).toBe(0);
    const accepted = await run(['--db', db, 'roster', 'accept', 'core-2020', '--json']);
    expect(accepted.code, accepted.stderr).toBe(0);
    const acc = json(accepted);
    expect(acc.cohort).toBe('2020');
    expect(acc.members).toHaveLength(3);
    const core = json(await run(['--db', db, 'members', '--role', 'core-group', '--cohort', '2020', '--json']));
    expect(core.map((m: { status: string }) => m.status)).toEqual(['invited', 'invited', 'invited']);
    const first = core[0];
    const active = await run(['--db', db, 'member', 'set', String(first.id), '--status', 'active', '--consent-map', 'no', '--json']);
    expect(json(active)).toMatchObject({ changed: ['status', 'consentMap'], member: { status: 'active', consentMap: 'no' } });
    const second = core[1];
    const declined = await run(['--db', db, 'member', 'set', String(second.id), '--status', 'declined']);
    expect(declined.code).toBe(0);
    expect(declined.stderr).toMatch(/skillsnet roster replace core-2020 \d+/);
    const appId = Number(/roster replace core-2020 (\d+)/.exec(declined.stderr)![1]);
    expect((await run(['--db', db, 'roster', 'replace', 'core-2020', String(appId)])).code).toBe(0);
    const after = json(await run(['--db', db, 'members', '--role', 'core-group', '--json']));
    expect(after).toHaveLength(4); // the one who stepped in joined the cohort, invited
    expect(after.filter((m: { status: string }) => m.status === 'invited')).toHaveLength(2);
    const history = json(await run(['--db', db, 'history', `member-${first.id}`, '--json']));
    expect(history.map((h: { action: string }) => h.action)).toEqual(['member set', 'roster accept']);
  });
});

describe('member add checks what is typed, as edit does', () => {
  it('refuses a bad email and an unknown country (exit 2, with the fix), and writes nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    fs.writeFileSync(path.join(dir, 'a.csv'), 'Organization,Contact name,Email,Country,Title\nTaller Abierto,Ana Ejemplo,ana@example.org,Mexico,Oficios para jóvenes\n');
    expect((await run(['--db', db, 'import', path.join(dir, 'a.csv'), '--call', '2020'])).code).toBe(0);
    const before = json(await run(['--db', db, 'members', '--json'])).length;

    const email = await run(['--db', db, 'member', 'add', '--organization', 'Cámara Uno', '--email', 'not-an-email']);
    expect(email.code).toBe(2);
    expect(email.stderr).toMatch(/^error: --email: that is not a complete email address\n  give an address such as name@example\.org/m);
    expect(email.stderr).not.toContain('not-an-email');

    const country = await run(['--db', db, 'member', 'add', '--organization', 'Cámara Dos', '--country', 'Narnia']);
    expect(country.code).toBe(2);
    expect(country.stderr).toMatch(/^error: --country: "Narnia" is not a country skillsnet knows\n  give an ISO 3166-1 code/m);
    const edited = await run(['--db', db, 'edit', 'org-1', '--set', 'country=Narnia']);
    expect(edited.code).toBe(2);
    expect(edited.stderr).toMatch(/"Narnia" is not a country skillsnet knows/);

    expect(json(await run(['--db', db, 'members', '--json']))).toHaveLength(before);
    expect((await run(['--db', db, 'member', 'add', '--organization', 'Cámara Tres', '--country', 'Pérou', '--email', 'camara@example.org'])).code).toBe(0);
  });
});

describe('member add: an organisation known under a name written a little differently', () => {
  it('says "it may be" the one of the same name in another country or none, and of a similar name, naming it', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const first = json(await run(['--db', db, 'member', 'add', '--organization', 'Fundación Ayuda en Acción', '--country', 'ES', '--role', 'partner', '--json']));
    const r = await run(['--db', db, 'member', 'add', '--organization', 'Fundacion Ayuda en Accion', '--role', 'partner']);
    const second = json(await run(['--db', db, 'members', '--json'])).find((m: any) => m.organization === 'Fundacion Ayuda en Accion');
    expect(r.stderr).toContain(`It may be org-${first.organizationId} "Fundación Ayuda en Acción", Spain (same name, another country or none): a new organisation was made. If they are one: skillsnet organization link org-${first.organizationId} org-${second.id}`);
    const ilo = json(await run(['--db', db, 'member', 'add', '--organization', 'ILO Office for the Andean Countries', '--country', 'PE', '--role', 'partner', '--json']));
    const again = json(await run(['--db', db, 'member', 'add', '--organization', 'ILO office for the andean countries', '--country', 'Chile', '--role', 'partner', '--json']));
    expect(again.doubtful).toEqual([ilo.organizationId]);
    // an unrelated name is no "did you mean"
    expect(json(await run(['--db', db, 'member', 'add', '--organization', 'Acción Social Andina', '--role', 'partner', '--json'])).doubtful).toEqual([]);
  });
});
