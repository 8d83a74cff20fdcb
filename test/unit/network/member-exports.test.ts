/**
 * What the member-side exports carry: `members --csv` with the IDs commands take (member-N,
 * org-N) and the columns an officer expects, and contact files naming each organisation as it
 * is recorded (a vCard's ORG, Outlook's Company), for applicants and for members who never applied.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, run, tempDir } from '../support/run.js';

const require = createRequire(import.meta.url);
const vCard = require('vcf');

let db: string;
let dir: string;
beforeAll(async () => {
  dir = tempDir();
  db = path.join(dir, 'n.db');
  fs.writeFileSync(path.join(dir, 'a.csv'), 'Organization,Contact name,Email,Country,Title\nTaller Abierto,Ana Ejemplo,ana@example.org,Mexico,Oficios para jóvenes\n');
  expect((await run(['--db', db, 'import', path.join(dir, 'a.csv'), '--call', '2020'])).code).toBe(0);
  const added = [
    ['--organization', 'Ministerio de Trabajo', '--name', 'Rosa Muestra', '--email', 'rosa@example.org', '--country', 'PE', '--language', 'es', '--role', 'stakeholder'],
    ['--person', '--organization', 'Universidad del Sur', '--name', 'Luis Prueba', '--email', 'luis@example.net', '--role', 'partner'],
    ['--name', 'Kim Staff', '--email', 'kim@example.com', '--role', 'ilo', '--consent-contact', 'yes'],
  ];
  for (const args of added) expect((await run(['--db', db, 'member', 'add', ...args])).code).toBe(0);
});

describe('members --csv', () => {
  it('carries member-N, org-N, contact, place, working language, roles, cohorts, status and consent', async () => {
    const r = await run(['--db', db, 'members', '--csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!).slice(0, 15)).toEqual([
      'id', 'kind', 'organization', 'organizationId', 'name', 'email', 'phone', 'country', 'region', 'workingLanguage',
      'roles', 'cohorts', 'status', 'consentMap', 'consentContact',
    ]);
    const members = json(await run(['--db', db, 'members', '--json']));
    expect(rows.map((x) => x.id)).toEqual(members.map((m: { id: number }) => `member-${m.id}`));
    const rosa = rows.find((x) => x.email === 'rosa@example.org')!;
    const rosaJson = members.find((m: { email: string }) => m.email === 'rosa@example.org');
    expect(rosa).toMatchObject({
      kind: 'organization', organization: 'Ministerio de Trabajo', organizationId: `org-${rosaJson.organizationId}`, name: 'Rosa Muestra',
      country: 'PE', region: 'Americas', workingLanguage: 'es', roles: 'stakeholder', status: 'active', consentMap: 'unknown', consentContact: 'unknown',
      kumuId: `org-${rosaJson.organizationId}`,
    });
    // A person who works at an organisation: their organisation by org-N, the person as kumuId.
    const luis = rows.find((x) => x.email === 'luis@example.net')!;
    expect(luis).toMatchObject({ kind: 'person', organization: 'Universidad del Sur', roles: 'partner' });
    expect(luis.organizationId).toMatch(/^org-\d+$/);
    expect(luis.kumuId).toMatch(/^person-\d+$/);
    // ILO staff in their own right: no organisation, so no organisation ID.
    expect(rows.find((x) => x.email === 'kim@example.com')).toMatchObject({ kind: 'person', organizationId: '', roles: 'ilo', consentContact: 'yes' });
  });

  it('gives the Core Group cohort', async () => {
    const local = tempDir();
    const copy = path.join(local, 'n.db');
    fs.copyFileSync(db, copy);
    const ana = json(await run(['--db', copy, 'members', '--search', 'Taller', '--json']))[0];
    expect((await run(['--db', copy, 'member', 'set', `member-${ana.id}`, '--role', 'core-group', '--cohort', '2020'])).code).toBe(0);
    const rows = parse((await run(['--db', copy, 'members', '--role', 'core-group', '--csv'])).stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: `member-${ana.id}`, roles: 'core-group|member', cohorts: '2020' });
  });
});

describe('contact files name the organisation as recorded', () => {
  it("a vCard's ORG and Outlook's Company: the organisation's name after a correction, for applicants and members", async () => {
    const local = tempDir();
    const copy = path.join(local, 'n.db');
    fs.copyFileSync(db, copy);
    const ana = json(await run(['--db', copy, 'members', '--search', 'Taller', '--json']))[0];
    // The officer corrects the organisation's name: the maps use it, and so must the contacts.
    expect((await run(['--db', copy, 'edit', `org-${ana.organizationId}`, '--set', 'name=Taller Abierto de Oficios'])).code).toBe(0);
    const vcf = await run(['--db', copy, 'export', 'contacts', '--format', 'vcf', '--out', '-']);
    expect(vcf.code, vcf.stderr).toBe(0);
    const cards = vCard.parse(vcf.stdout) as { get(p: string): { valueOf(): string } | undefined }[];
    const org = (email: string) => cards.find((c) => String(c.get('email')?.valueOf()) === email)?.get('org')?.valueOf();
    expect(org('ana@example.org')).toBe('Taller Abierto de Oficios');
    expect(org('rosa@example.org')).toBe('Ministerio de Trabajo');
    expect(org('luis@example.net')).toBe('Universidad del Sur');
    expect(org('kim@example.com')).toBeUndefined(); // no organisation known: no ORG, never an ID
    expect(vcf.stdout).not.toMatch(/^ORG:(org-\d+)?\r?$/m);
    const outlook = parse((await run(['--db', copy, 'export', 'contacts', '--format', 'outlook', '--out', '-'])).stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(outlook.find((x) => x['E-mail Address'] === 'ana@example.org')!.Company).toBe('Taller Abierto de Oficios');
    const map = JSON.parse((await run(['--db', copy, 'export', 'kumu', '--format', 'json', '--out', '-'])).stdout);
    expect(map.elements.find((e: { id: string }) => e.id === `org-${ana.organizationId}`).label).toBe('Taller Abierto de Oficios');
  });
});

describe('contact files follow corrections of the person and the member', () => {
  it("a corrected address and working language reach the CSV, vCard and Outlook files, as they reach members and invitations", async () => {
    const local = tempDir();
    const copy = path.join(local, 'n.db');
    fs.copyFileSync(db, copy);
    const ana = json(await run(['--db', copy, 'members', '--search', 'Taller', '--json']))[0];
    expect((await run(['--db', copy, 'edit', `person-${ana.personId}`, '--set', 'email=ana.nueva@example.org'])).code).toBe(0);
    expect((await run(['--db', copy, 'member', 'set', `member-${ana.id}`, '--language', 'fr'])).code).toBe(0);
    const member = json(await run(['--db', copy, 'members', '--search', 'Taller', '--json']))[0];
    expect(member).toMatchObject({ email: 'ana.nueva@example.org', workingLanguage: 'fr' });

    const csv = await run(['--db', copy, 'export', 'contacts', '--format', 'csv', '--out', '-']);
    expect(csv.code, csv.stderr).toBe(0);
    const rows = parse(csv.stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => r.email)).not.toContain('ana@example.org');
    expect(rows.find((r) => r.email === 'ana.nueva@example.org')).toMatchObject({ name: 'Ana Ejemplo', language: 'French', salutation: 'Bonjour Ana', organization_id: `org-${ana.organizationId}` });

    const vcf = (await run(['--db', copy, 'export', 'contacts', '--format', 'vcf', '--out', '-'])).stdout.replace(/\r\n /g, '');
    expect(vcf).not.toContain('ana@example.org');
    const card = vcf.split('END:VCARD').find((c) => c.includes('EMAIL;TYPE=INTERNET,PREF:ana.nueva@example.org'))!;
    expect(card).toContain('Salutation: Bonjour Ana');
    expect(card).toContain('Working language: French');

    const outlook = parse((await run(['--db', copy, 'export', 'contacts', '--format', 'outlook', '--out', '-'])).stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(outlook.map((r) => r['E-mail Address'])).toEqual(expect.arrayContaining(['ana.nueva@example.org']));
    expect(outlook.map((r) => r['E-mail Address'])).not.toContain('ana@example.org');
    expect(outlook.find((r) => r['E-mail Address'] === 'ana.nueva@example.org')!.Language).toBe('French');

    // a corrected given name too, as the invitations read it
    expect((await run(['--db', copy, 'edit', `person-${ana.personId}`, '--set', 'givenName=Anita'])).code).toBe(0);
    const again = parse((await run(['--db', copy, 'export', 'contacts', '--format', 'csv', '--out', '-'])).stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(again.find((r) => r.email === 'ana.nueva@example.org')).toMatchObject({ first_name: 'Anita', salutation: 'Bonjour Anita' });
  });
});
