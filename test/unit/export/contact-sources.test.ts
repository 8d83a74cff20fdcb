/**
 * Contacts a mail merge can use: one row per person from any records (applications, members who
 * never applied), the latest details, phones never joined in one cell, a first name and a
 * salutation in the working language, and the calls.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { contactsCsv, contactsFromSources, contactsOutlookCsv, phonesIn, type ContactSource } from '../../../src/export/contacts.js';
import { contactsVcf } from '../../../src/export/vcard.js';
import { json, run as skillsnet, tempDir } from '../support/run.js';

const source = (over: Partial<ContactSource>): ContactSource => ({
  email: 'andres@example.org', givenName: null, familyName: null, fullName: null, organization: null, phone: null, country: null,
  workingLanguage: null, calls: [], updatedAt: null, ...over,
});

const rows = async (text: Promise<string>) => parse(await text, { columns: true, bom: true }) as Record<string, string>[];

describe('contactsFromSources', () => {
  const andres2020 = source({ fullName: 'Andres Garcia', organization: 'Taller Viejo', phone: '+52 55 1111 1111', country: 'MX', workingLanguage: 'es', calls: ['2020'], updatedAt: '2020-03-01T00:00:00Z', applicationId: 1 });
  const andres2021 = source({ email: 'ANDRES@example.org', fullName: 'Andrés García Márquez', organization: 'Taller Nuevo', phone: '+52 55 2222 2222; +52 55 3333 3333', country: 'MX', workingLanguage: 'es', calls: ['2021'], updatedAt: '2021-03-01T00:00:00Z', applicationId: 7 });

  it('makes one row per person with the latest details, whatever order the records come in', () => {
    for (const order of [[andres2020, andres2021], [andres2021, andres2020]]) {
      const list = contactsFromSources(order);
      expect(list).toMatchObject({ applications: 2, merged: 1, withoutEmail: [] });
      expect(list.contacts).toHaveLength(1);
      expect(list.contacts[0]).toMatchObject({
        email: 'andres@example.org', name: 'Andrés García Márquez', givenName: 'Andrés', familyName: 'García Márquez', salutation: 'Hola, Andrés',
        phones: ['+52 55 2222 2222', '+52 55 3333 3333', '+52 55 1111 1111'], organizations: ['Taller Nuevo', 'Taller Viejo'], countries: ['Mexico'],
        calls: ['2020', '2021'], applicationIds: [1, 7], language: 'es',
      });
    }
  });

  it('writes the latest phone alone, the others in other_phones, and the calls as 2020|2021', async () => {
    const [row] = await rows(contactsCsv(contactsFromSources([andres2020, andres2021])));
    expect(row).toMatchObject({
      name: 'Andrés García Márquez', phone: "'+52 55 2222 2222", other_phones: "'+52 55 3333 3333; +52 55 1111 1111", organisation: 'Taller Nuevo',
      other_organisations: 'Taller Viejo', calls: '2020|2021', first_name: 'Andrés', last_name: 'García Márquez', salutation: 'Hola, Andrés', language: 'Spanish',
    });
    const [outlook] = await rows(contactsOutlookCsv(contactsFromSources([andres2020, andres2021])));
    expect(outlook).toMatchObject({ 'First Name': 'Andrés', 'Middle Name': '', 'Last Name': 'García Márquez', 'Business Phone': '+52 55 2222 2222', 'Business Phone 2': '+52 55 3333 3333', Company: 'Taller Nuevo' });
    expect(outlook.Notes).toContain('Other phones: +52 55 1111 1111');
    const vcf = contactsVcf(contactsFromSources([andres2020, andres2021])).replace(/\r\n /g, '');
    expect(vcf).toContain('N:García Márquez;Andrés;;;\r\n');
    expect(vcf.match(/^TEL;/gm)).toHaveLength(3);
    expect(vcf).toContain('TEL;TYPE=WORK,VOICE,PREF:+52 55 2222 2222\r\n');
  });

  it('greets a Portuguese speaker in Portuguese, not in English (a Brazilian applicant got "Dear …")', () => {
    const list = contactsFromSources([
      source({ email: 'joana@example.org', givenName: 'Joana', familyName: 'Ferreira', workingLanguage: 'pt' }),
      source({ email: 'y@example.org', workingLanguage: 'pt' }),
    ]);
    expect(list.contacts.map((c) => c.salutation)).toEqual(['Olá, Joana', 'Bom dia']);
  });

  it('greets in the working language, in full when no split is safe, and "Dear colleague" without a name', () => {
    const list = contactsFromSources([
      source({ email: 'ana@example.org', givenName: 'Ana', familyName: 'Diallo', workingLanguage: 'fr' }),
      source({ email: 'jl@example.org', fullName: 'José Luis Rodríguez', workingLanguage: 'en' }),
      source({ email: 'am@example.org', fullName: 'Andrés Martín García', workingLanguage: 'es' }),
      source({ email: 'x@example.org', workingLanguage: 'sw' }),
    ]);
    expect(list.contacts.map((c) => c.salutation)).toEqual(['Bonjour Ana', 'Dear José Luis', 'Hola, Andrés Martín García', 'Dear colleague']);
    expect(list.contacts[2]).toMatchObject({ name: 'Andrés Martín García', givenName: '', familyName: '' });
  });

  it('takes members who never applied: no call, their roles, and their details when newer', () => {
    const member = source({ email: 'andres@example.org', givenName: 'Andrés', familyName: 'García Márquez', organization: 'Red de Talleres', roles: ['stakeholder'], updatedAt: '2023-01-10T09:00:00Z' });
    const [c] = contactsFromSources([andres2020, member]).contacts;
    expect(c).toMatchObject({ organizations: ['Red de Talleres', 'Taller Viejo'], roles: ['stakeholder'], calls: ['2020'], phones: ['+52 55 1111 1111'] });
  });

  it.each([
    ['+221 77 123 45 67; +221 33 000 00 00', ['+221 77 123 45 67', '+221 33 000 00 00']],
    ['+52 55 1234 5678 / +52 55 8765 4321', ['+52 55 1234 5678', '+52 55 8765 4321']],
    ['+1 555 010 0100, ext. 12', ['+1 555 010 0100, ext. 12']],
    ['+33 1 00 00 00 00 ou +33 6 00 00 00 00', ['+33 1 00 00 00 00', '+33 6 00 00 00 00']],
    ['', []],
  ])('phonesIn(%j)', (cell, phones) => {
    expect(phonesIn(cell)).toEqual(phones);
  });
});

/** A database with two calls imported, 2020 and 2021, from these CSV texts. */
async function twoCalls(prefix: string, csv2020: string, csv2021: string): Promise<string> {
  const dir = tempDir(prefix);
  const db = path.join(dir, 'c.db');
  for (const [call, text] of [['2020', csv2020], ['2021', csv2021]] as const) {
    const file = path.join(dir, `${call}.csv`);
    fs.writeFileSync(file, text);
    expect((await skillsnet(['--db', db, 'import', file, '--call', call])).code).toBe(0);
  }
  return db;
}

describe('export contacts from imported applications', () => {
  it('keeps the first and last name columns as the form gave them, and one row for a person of two calls', async () => {
    const db = await twoCalls('skillsnet-contacts-names-',
      'Organisation,Email,First name,Last name,Phone,Country,Language\nTaller Viejo,andres@example.org,Andres,Garcia,+52 55 1111 1111,Mexico,es\nEscuela,jl@example.org,José Luis,Rodríguez Zapatero,,Spain,es\n',
      'Organisation,Email,Contact name,Phone,Country,Language\nTaller Nuevo,andres@example.org,Andrés García Márquez,+52 55 2222 2222,Mexico,es\n');
    const r = await skillsnet(['--db', db, 'export', 'contacts', '--all-calls', '--out', '-']);
    expect(r.code, r.stderr).toBe(0);
    const list = parse(r.stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(list).toHaveLength(2);
    expect(list.find((x) => x.email === 'jl@example.org')).toMatchObject({ name: 'José Luis Rodríguez Zapatero', first_name: 'José Luis', last_name: 'Rodríguez Zapatero', salutation: 'Hola, José Luis', calls: '2020' });
    expect(list.find((x) => x.email === 'andres@example.org')).toMatchObject({
      name: 'Andrés García Márquez', first_name: 'Andrés', last_name: 'García Márquez', phone: "'+52 55 2222 2222", other_phones: "'+52 55 1111 1111",
      organisation: 'Taller Nuevo', other_organisations: 'Taller Viejo', calls: '2020|2021',
    });
    expect(r.stderr).toMatch(/Wrote 2 contacts from 3 applications \(1 repeated address merged\)/);
    // No personal data in what the command says about them.
    expect(r.stderr).not.toMatch(/Andr|García|andres@/);
    expect(json(await skillsnet(['--db', db, 'list', '--json'])).length).toBe(3);
  });

  it("reaches a person of two calls of one organisation through their record: a corrected phone first, the earlier call's beside it", async () => {
    const db = await twoCalls('skillsnet-contacts-person-',
      'Organisation,Email,First name,Last name,Phone,Country,Language\nTaller Abierto,andres@example.org,Andrés,García Márquez,+52 55 1111 1111,Mexico,es\n',
      'Organisation,Email,Contact name,Phone,Country,Language\nTaller Abierto,andres@example.org,Andrés García Márquez,+52 55 2222 2222,Mexico,es\n');
    const [member] = json(await skillsnet(['--db', db, 'members', '--json']));
    expect(member.calls).toEqual(['2020', '2021']);
    const contacts = async () => parse((await skillsnet(['--db', db, 'export', 'contacts', '--all-calls', '--out', '-'])).stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(await contacts()).toMatchObject([{ email: 'andres@example.org', first_name: 'Andrés', last_name: 'García Márquez', phone: "'+52 55 2222 2222", other_phones: "'+52 55 1111 1111" }]);
    // The 2021 number was wrong: the officer corrects the person, and the list follows.
    expect((await skillsnet(['--db', db, 'edit', `person-${member.personId}`, '--set', 'phone=+52 55 3333 3333'])).code).toBe(0);
    expect(await contacts()).toMatchObject([{ email: 'andres@example.org', phone: "'+52 55 3333 3333", other_phones: "'+52 55 1111 1111", calls: '2020|2021' }]);
  });
});

describe('export contacts of members who never applied', () => {
  it('counts them as members, not applications, and names those left out for want of an address', async () => {
    const dir = tempDir('skillsnet-contacts-members-');
    const db = path.join(dir, 'n.db');
    fs.writeFileSync(path.join(dir, 'a.csv'), 'Organisation,Email,Contact name,Country\nTaller Sur,ana@example.org,Ana Ejemplo,Peru\n');
    expect((await skillsnet(['--db', db, 'import', path.join(dir, 'a.csv'), '--call', '2020'])).code).toBe(0);
    expect((await skillsnet(['--db', db, 'member', 'add', '--organization', 'Cámara de Comercio', '--name', 'Rosa Muestra', '--email', 'rosa@example.org', '--country', 'PE'])).code).toBe(0);
    expect((await skillsnet(['--db', db, 'member', 'add', '--organization', 'Ministerio de Trabajo', '--country', 'PE'])).code).toBe(0);

    const stakeholders = await skillsnet(['--db', db, 'export', 'contacts', '--role', 'stakeholder', '--out', '-']);
    expect(stakeholders.code, stakeholders.stderr).toBe(0);
    expect(stakeholders.stderr).toMatch(/Wrote 1 contact from 1 member who never applied to stdout/);
    expect(stakeholders.stderr).toMatch(/^warning: 1 member who never applied has no email address on record and is not in the list \(member-3; give one with skillsnet member add --organization NAME --email ADDRESS\)$/m);
    expect(stakeholders.stderr).not.toMatch(/from \d+ applications?/);
    const dry = json(await skillsnet(['--db', db, 'export', 'contacts', '--role', 'stakeholder', '--out', 'x.csv', '--dry-run', '--json'], { cwd: dir }));
    expect(dry.counts).toMatchObject({ applications: 0, members: 1, membersWithoutEmail: 1, contacts: 1 });

    const everyone = await skillsnet(['--db', db, 'export', 'contacts', '--out', '-']);
    expect(everyone.stderr).toMatch(/Wrote 2 contacts from 1 application and 1 member who never applied to stdout/);

    // The address given later makes the member's contact person, said in words
    const later = await skillsnet(['--db', db, 'member', 'add', '--organization', 'Ministerio de Trabajo', '--country', 'PE', '--email', 'mt@example.org', '--dry-run']);
    expect(later.stdout).toMatch(/^Dry run: member-\d+ was there already; would change: a person added \(person-\d+\) \(org-\d+ in the maps\)\.$/m);
    expect(later.stdout).not.toMatch(/person id/);
  });
});
