/**
 * Compound questions and other people's addresses in real-looking form exports: which column is
 * the contact name, the title, the beneficiaries, the applicant's email. Each case is a CSV
 * imported in process (as `skillsnet import`), then read back as `list --json` shows it.
 */
import { describe, expect, it } from 'vitest';
import { caseFile, importCase, type ImportCase } from './support.js';

interface QuestionCase {
  name: string;
  csv: string;
  /** import --json, partly */
  report?: Record<string, number>;
  /** the first application, partly */
  first?: Record<string, unknown>;
  /** anything else to check */
  check?: (c: ImportCase) => void;
}

const contactName: QuestionCase[] = [
  {
    name: 'a name-and-position question is the contact name, and the project title stays the title',
    csv: 'Organisation,Email,Country,Name and position of the contact person,Project title\nAcme,a@example.org,Kenya,"Ana Ruiz, Director",Apprenticeships for youth\n',
    first: { contactName: 'Ana Ruiz, Director', title: 'Apprenticeships for youth' },
    check: ({ apps }) => expect(apps).toHaveLength(1),
  },
  {
    name: '"Full name and job title" is the contact name, never the title',
    csv: 'Organisation,Email,Country,Full name and job title,Description\nBeta,b@example.org,Peru,"Bob Roe, Programme Officer",Digital skills\n',
    first: { contactName: 'Bob Roe, Programme Officer', title: null },
  },
  {
    name: 'French wording: "Nom et fonction du responsable"',
    csv: 'Organisation,Courriel,Pays,Nom et fonction du responsable\nGamma,g@example.org,Sénégal,"Awa Ndiaye, coordinatrice"\n',
    check: ({ apps }) => expect(apps[0].contactName).toBe('Awa Ndiaye, coordinatrice'),
  },
  {
    name: 'Spanish wording: "Nombre y cargo de la persona de contacto"',
    csv: 'Organización,Correo,País,Nombre y cargo de la persona de contacto\nDelta,d@example.org,Chile,"Luis Soto, gerente"\n',
    check: ({ apps }) => expect(apps[0].contactName).toBe('Luis Soto, gerente'),
  },
];

const beneficiaries: QuestionCase[] = [
  {
    name: 'a beneficiaries question that also asks how many keeps the groups, never stored as the organisation type',
    csv: 'Organisation,Email,Country,Target group (number and type)\nAcme,a@example.org,Kenya,"Youth, Women"\n',
    check: ({ apps }) => {
      expect(apps[0].beneficiaries).toEqual(['Youth', 'Women']);
      expect(apps[0].organizationType).toBeNull();
    },
  },
  {
    name: 'French: "Qui sont vos bénéficiaires et combien ?" beside a count column',
    csv: 'Organisation,Courriel,Pays,Qui sont vos bénéficiaires et combien ?,Nombre de bénéficiaires\nGamma,g@example.org,Sénégal,Jeunes,300\n',
    check: ({ apps }) => expect(apps[0].beneficiaries).toEqual(['Youth']),
  },
  {
    name: 'Spanish: "¿Quiénes son los beneficiarios y cuántos?"',
    csv: 'Organización,Correo,País,¿Quiénes son los beneficiarios y cuántos?\nDelta,d@example.org,Chile,Mujeres\n',
    check: ({ apps }) => expect(apps[0].beneficiaries).toEqual(['Women']),
  },
];

const thirdParty: QuestionCase[] = [
  {
    name: "a row whose contact email is blank is rejected, not filed under the partner's address",
    csv: 'Organisation,Contact email,Country,Project title,Email of the partner organisation\nAcme,,Kenya,Apprenticeships,partner@example.com\nBeta,b@example.org,Peru,Digital,p2@example.com\n',
    report: { rows: 2, inserted: 1, rejected: 1 },
    check: ({ apps, rejects }) => {
      expect(apps.map((a) => [a.organization, a.email])).toEqual([['Beta', 'b@example.org']]);
      expect(rejects[0].reasons).toEqual(['missing email']);
    },
  },
  {
    name: "French: a referee's address is not the applicant's",
    csv: 'Organisation,Courriel,Pays,Courriel du référent\nGamma,,Sénégal,ref@example.net\n',
    report: { rows: 1, rejected: 1 },
  },
  {
    name: "Spanish: a partner's address is not the applicant's",
    csv: 'Organización,Correo electrónico,País,Correo electrónico del socio\nDelta,,Chile,socio@example.net\n',
    report: { rows: 1, rejected: 1 },
  },
  {
    name: "a second question for the applicant's own address still fills a blank first one",
    csv: 'Organización,Correo electrónico,Correo electrónico del responsable del proyecto\nDelta,anonymous,lead@example.org\n',
    check: ({ apps }) => expect(apps.map((a) => a.email)).toEqual(['lead@example.org']),
  },
];

async function check(c: QuestionCase): Promise<void> {
  const result = await importCase(caseFile('form.csv', c.csv), ['--call', 'c']);
  expect(result.run.code, result.run.stderr).toBe(0);
  if (c.report) expect(result.report).toMatchObject(c.report);
  if (c.first) expect(result.apps[0]).toMatchObject(c.first);
  c.check?.(result);
}

describe('import: a name-and-position question', () => {
  it.each(contactName)('$name', check);
});

describe('import: a beneficiaries question that also asks how many', () => {
  it.each(beneficiaries)('$name', check);
});

describe("import: a third party's email is never the applicant's", () => {
  it.each(thirdParty)('$name', check);
});

describe('import: a bare "Contact" column of phone numbers or addresses', () => {
  // a student survey's Google Form: "Contact" beside "Full Name" and "Email" holds phone numbers
  it('is the phone beside a name column, not a second contact name', async () => {
    const csv = ['Timestamp,Full Name,Organisation,Email,Contact',
      '7/1/2024 22:05:36,Ana Example,Acme Trust,ana@example.org,0256000001',
      '7/2/2024 9:14:34,Li Sample,Beta Club,li@example.org,0550000002',
      '7/2/2024 6:35:43,Jo Test,Gamma Union,jo@example.org,+233 55 000 0003'].join('\n') + '\n';
    const { report, apps } = await importCase(caseFile('contact-phone.csv', csv));
    expect(report.files[0].columns).toMatchObject({ contactName: ['Full Name'], phone: ['Contact'] });
    expect(apps.find((a) => a.organization === 'Acme Trust')).toMatchObject({ contactName: 'Ana Example', phone: '0256000001' });
  });

  it('alone, "Contacto" of addresses is the email and no contact name; of names it stays the name', async () => {
    const emails = ['Organización,Contacto', 'Acme Trust,ana@example.org', 'Beta Club,li@example.org', 'Gamma Union,jo@example.org'].join('\n') + '\n';
    const a = await importCase(caseFile('contacto-email.csv', emails));
    expect(a.report).toMatchObject({ inserted: 3, rejected: 0 });
    expect(a.report.files[0].columns.email).toEqual(['Contacto']);
    expect(a.report.files[0].columns.contactName).toBeUndefined();
    const names = ['Organisation,Email,Contact', 'Acme Trust,ana@example.org,Ana Example', 'Beta Club,li@example.org,Li Sample', 'Gamma Union,jo@example.org,Jo Test'].join('\n') + '\n';
    const b = await importCase(caseFile('contact-name.csv', names));
    expect(b.report.files[0].columns).toMatchObject({ contactName: ['Contact'], email: ['Email'] });
    expect(b.report.files[0].columns.phone).toBeUndefined();
  });
});
