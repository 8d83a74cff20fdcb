import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// Headers of real exports from a ninth trial: Brazilian and Colombian Google Forms (a
// Portuguese-locale account writes "Carimbo de data/hora" even over Spanish questions), a
// Brazilian workshop's answers, a Salesforce volunteer export, volunteer and mentor lists. Each
// case is a general wording, not one file's.
describe('Portuguese headers', () => {
  it("Google Forms' own columns in a Portuguese-locale account are the submission time and the respondent's email", () => {
    const m = mapped(['Carimbo de data/hora', 'Endereço de e-mail', 'Nombre Completo', 'WhatsApp', 'Profesión']);
    expect(m.submittedAt).toEqual(['Carimbo de data/hora']);
    expect(m.email).toEqual(['Endereço de e-mail']);
    expect(m.contactName).toEqual(['Nombre Completo']);
  });

  it('a Portuguese form names the contact, the organisation, the project and its country', () => {
    const m = mapped(['Carimbo de data/hora', 'Nome completo', 'Nome da organização', 'País', 'Telefone', 'Título do projeto', 'Descrição do projeto', 'Público-alvo', 'Área de atuação']);
    expect(m).toMatchObject({
      contactName: ['Nome completo'], organization: ['Nome da organização'], country: ['País'], phone: ['Telefone'],
      title: ['Título do projeto'], description: ['Descrição do projeto'], beneficiaries: ['Público-alvo'], selfCategories: ['Área de atuação'],
    });
  });

  it('snake_case names of a Brazilian web form: the answer time, the person and the public body (órgão)', () => {
    const m = mapped(['data_hora_resposta', 'nome', 'orgao', 'uf', 'avaliacao', 'codigo_certificado']);
    expect(m.submittedAt).toEqual(['data_hora_resposta']);
    expect(m.contactName).toEqual(['nome']);
    expect(m.organization).toEqual(['orgao']);
    expect(m.country).toBeUndefined();
    expect(m.score).toBeUndefined();
  });

  it('"Nome" beside "Sobrenome" is the given name; "Nome e sobrenome" is the whole name', () => {
    const split = mapped(['Nome', 'Sobrenome', 'E-mail', 'Instituição']);
    expect(split.firstName).toEqual(['Nome']);
    expect(split.lastName).toEqual(['Sobrenome']);
    expect(split.contactName).toBeUndefined();
    expect(split.organization).toEqual(['Instituição']);
    const whole = mapped(['Carimbo de data/hora', 'Endereço de e-mail', 'Nome e sobrenome', 'Whatsapp']);
    expect(whole.contactName).toEqual(['Nome e sobrenome']);
    expect(whole.firstName).toBeUndefined();
  });

  it('the Italian "Nome" beside "Cognome" is the given name too, and "Nome e cognome" the whole name (no contact left with half a name)', () => {
    const split = mapped(['Informazioni cronologiche', 'Nome', 'Cognome', 'Indirizzo email']);
    expect(split.firstName).toEqual(['Nome']);
    expect(split.lastName).toEqual(['Cognome']);
    expect(split.contactName).toBeUndefined();
    const whole = mapped(['Nome e cognome', 'Email']);
    expect(whole.contactName).toEqual(['Nome e cognome']);
    expect(whole.lastName).toBeUndefined();
  });
});

describe("a project's start and end dates", () => {
  it('"DateDebut", "DateFin" among a project\'s columns are its period, not when the row was sent', () => {
    for (const headers of [
      ['Titre', 'Description', 'DateDebut', 'DateFin', 'Statut', 'Budget', 'Institution', 'Domaine', 'ResponsableEmail'],
      ['id', 'name', 'Start Date', 'End Date', 'status', 'email', 'organisation'],
      ['Proyecto', 'Fecha de inicio', 'Fecha de finalización', 'Entidad', 'Correo'],
      // a person's name and address columns, which form tools write too, in French and Spanish as in English
      ['Nom', 'Prénom', 'Email', 'Organisation', 'Titre', 'Date de début', 'Date de fin'],
      ['Nombre', 'Apellido', 'Dirección de correo electrónico', 'Entidad', 'Fecha de inicio', 'Fecha de fin'],
    ]) {
      expect(mapped(headers).submittedAt, headers.join(', ')).toBeUndefined();
    }
  });

  it("a survey tool's own start and end dates, beside its response number or IP address, stay the submission's", () => {
    expect(mapped(['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'IP Address', 'Email Address', 'Organisation']).submittedAt?.[0]).toBe('End Date');
    expect(mapped(['StartDate', 'EndDate', 'Status', 'IPAddress', 'Progress', 'Finished', 'ResponseId']).submittedAt?.[0]).toBe('EndDate');
    // times of day: Microsoft Forms' own columns
    expect(mapped(['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Organisation']).submittedAt?.[0]).toBe('Completion time');
  });

  it("a SurveyMonkey export trimmed to its dates keeps them: its answer row under the questions is the tool's", () => {
    const headers = ['StartDate', 'EndDate', 'Which of the following best describes you?', 'Organisation'];
    expect(matchHeaders(headers, new Set([2, 3])).mapping.submittedAt).toBeDefined();
  });
});

describe("Salesforce's preferred-email and preferred-phone picklists", () => {
  it('"Preferred Email" beside two or more address columns names which one is preferred: it is no address', () => {
    const m = mapped(['SafeID', 'First Name', 'Last Name', 'Home Phone', 'Mobile', 'Work Phone', 'Preferred Phone', 'Preferred Email', 'Email', 'Personal Email', 'Work Email']);
    expect(m.email).not.toContain('Preferred Email');
    expect(m.email?.length).toBeGreaterThan(0);
    expect(m.phone).not.toContain('Preferred Phone');
  });

  it('a form asking for a preferred address, with one other email column or none, holds an address', () => {
    expect(mapped(['Name', 'Preferred email', 'Organisation']).email).toEqual(['Preferred email']);
    expect(mapped(['Name', 'Email', 'Preferred email', 'Organisation']).email).toContain('Preferred email');
  });

  it('a "Preferred email" whose cells are addresses is the applicant\'s own, before an alternative or a manager\'s address', async () => {
    const { run, tempDir, json } = await import('../support/run.js');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const dir = tempDir();
    const form = path.join(dir, 'form.csv');
    fs.writeFileSync(form, [
      'Organization,Preferred email,Alternative email,Email of your line manager',
      'Org A,ana@a.example.org,ana@mail.example.com,boss@a.example.org',
      'Org B,ben@b.example.org,,boss@b.example.org',
      'Org C,cara@c.example.org,cara@mail.example.com,boss@c.example.org',
      'Org D,dan@d.example.org,,boss@d.example.org',
    ].join('\n') + '\n');
    const db = path.join(dir, 'a.db');
    expect((await run(['--db', db, 'import', form, '--call', '2024'])).code).toBe(0);
    const apps = json<Array<{ email: string | null }>>(await run(['--db', db, 'list', '--json']));
    expect(apps.map((a) => a.email).sort()).toEqual(['ana@a.example.org', 'ben@b.example.org', 'cara@c.example.org', 'dan@d.example.org']);
    // Salesforce's picklist of which address is preferred stays unread
    const crm = path.join(dir, 'crm.csv');
    fs.writeFileSync(crm, [
      'First Name,Last Name,Account Name,Preferred Email,Personal Email,Work Email',
      'Eva,Example,Org E,Work,eva@mail.example.com,eva@e.example.org',
      'Finn,Sample,Org F,Personal,finn@mail.example.com,finn@f.example.org',
      'Gia,Test,Org G,Work,,gia@g.example.org',
      'Hal,Demo,Org H,Personal,hal@mail.example.com,',
    ].join('\n') + '\n');
    expect((await run(['--db', db, 'import', crm, '--call', '2025'])).code).toBe(0);
    const crmApps = json<Array<{ email: string | null }>>(await run(['--db', db, 'list', '--call', '2025', '--json']));
    expect(crmApps.every((a) => a.email?.includes('@'))).toBe(true);
  });
});

describe("a CRM's organisation columns", () => {
  it('"Account Name" and "Associated Company" name the organisation as the whole header only', () => {
    expect(mapped(['First Name', 'Last Name', 'Account Name', 'Email']).organization).toEqual(['Account Name']);
    expect(mapped(['First Name', 'Last Name', 'Email', 'Associated Company']).organization).toEqual(['Associated Company']);
    // a social network handle, a bank account's holder, HubSpot's company number
    expect(mapped(['Name', 'Email', 'Twitter account name']).organization).toBeUndefined();
    expect(mapped(['Full name', 'Email', 'Bank account name']).organization).toBeUndefined();
    expect(mapped(['Name', 'Email', 'Associated Company ID']).organization).toBeUndefined();
  });

  it('in HubSpot set to French or Spanish too: "Entreprise associée", "Empresa asociada", as the whole header only', () => {
    expect(mapped(['Prénom', 'Nom', 'E-mail', 'Entreprise associée', 'Pays/Région']).organization).toEqual(['Entreprise associée']);
    expect(mapped(['Nombre', 'Apellidos', 'Correo', 'Empresa asociada']).organization).toEqual(['Empresa asociada']);
    // a French account's name is a login or a bank account as often as a CRM account: not taken
    expect(mapped(['Nom', 'E-mail', 'Nom du compte']).organization).toBeUndefined();
  });
});

describe("a contact list's own record numbers and mailing country", () => {
  it('"Volunteer ID", "Member ID" and Salesforce\'s "SafeID" are the row\'s id; inside a longer header they are not', () => {
    expect(mapped(['Name', 'Gender', 'Working Status', 'Volunteer ID', 'Email ID']).externalId).toEqual(['Volunteer ID']);
    expect(mapped(['Member ID', 'Name', 'Email']).externalId).toEqual(['Member ID']);
    expect(mapped(['SafeID', 'First Name', 'Last Name', 'Email']).externalId).toEqual(['SafeID']);
    expect(mapped(['Team Name', 'Team Members Email ids', 'Startup Name']).externalId).toBeUndefined();
  });

  it("their French and Spanish names are the row's id only as the whole header, and a form's own application ID comes first", () => {
    expect(mapped(['Numéro adhérent', 'Organisation', 'Email']).externalId).toEqual(['Numéro adhérent']);
    expect(mapped(['Número de socio', 'Organización', 'Correo']).externalId).toEqual(['Número de socio']);
    // another person's member number
    expect(mapped(['Numéro adhérent du référent', 'Organisation', 'Email']).externalId).toBeUndefined();
    expect(mapped(['Número de socio patrocinador', 'Organización', 'Correo']).externalId).toBeUndefined();
    // the applicant's number in the network's member list, beside the application's own
    expect(mapped(['Member ID', 'Application ID', 'Organization', 'Email']).externalId).toEqual(['Application ID']);
    expect(mapped(['Volunteer ID', 'Submission ID', 'Organization', 'Email']).externalId).toEqual(['Submission ID']);
  });

  it("Salesforce's \"Mailing Country\" and \"Billing Country\" are the contact's or the organisation's country", () => {
    expect(mapped(['First Name', 'Last Name', 'Mailing Street', 'Mailing City', 'Mailing State/Province', 'Mailing Country', 'Email']).country).toEqual(['Mailing Country']);
    expect(mapped(['Account Name', 'Billing City', 'Billing Country', 'Email']).country).toEqual(['Billing Country']);
  });
});

describe('a bare "time" column', () => {
  it('heading the export of a form renamed to snake_case ("time, email, name"), it is the submission time', () => {
    expect(mapped(['time', 'email_address', 'user_type', 'name', 'student_id']).submittedAt).toEqual(['time']);
    expect(mapped(['time', 'email', 'name', 'phone', 'career', 'question1']).submittedAt).toEqual(['time']);
    // inside a longer header "time" is something else
    expect(mapped(['Name', 'Email', 'Time slot', 'Organisation']).submittedAt).toBeUndefined();
    expect(mapped(['Name', 'Email', 'Time zone', 'Organisation']).submittedAt).toBeUndefined();
  });

  it('a "Time" of slots or hours (times of day, no date) is not used: no submission date is filled from it', async () => {
    const { run, tempDir, json } = await import('../support/run.js');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const dir = tempDir();
    const slots = path.join(dir, 'slots.csv');
    fs.writeFileSync(slots, 'Name,Email,Organisation,Time\nAna Example,ana@example.org,Org A,10:00-11:00\nBen Sample,ben@example.com,Org B,11:00-12:00\nCara Test,cara@example.net,Org C,2:30 pm\n');
    const db = path.join(dir, 'a.db');
    const imported = await run(['--db', db, 'import', slots, '--call', '2024']);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/"Time" names the submission date but holds times of day without a date/);
    const apps = json<Array<{ submittedAt: string | null }>>(await run(['--db', db, 'list', '--json']));
    expect(apps.map((a) => a.submittedAt)).toEqual([null, null, null]);
    const sent = path.join(dir, 'sent.csv');
    fs.writeFileSync(sent, 'time,email,name,Organisation\n2024-02-05 12:03:44,ana@example.edu,Ana Ejemplo,Club A\n2024-02-06 09:11:31,carla@example.edu,Carla Muestra,Club C\n');
    expect((await run(['--db', db, 'import', sent, '--call', '2025'])).code).toBe(0);
    const dated = json<Array<{ submittedAt: string | null }>>(await run(['--db', db, 'list', '--call', '2025', '--json']));
    expect(dated.map((a) => a.submittedAt).sort()).toEqual(['2024-02-05T12:03:44', '2024-02-06T09:11:31']);
  });

  it('a "Time" of hours or durations is not used either: no unreadable submission dates are kept from it', async () => {
    const { run, tempDir, json } = await import('../support/run.js');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const dir = tempDir();
    const hours = path.join(dir, 'hours.csv');
    fs.writeFileSync(hours, 'Volunteer ID,Time,Organization,Email\nV1,2 hours,Org A,ana@example.org\nV2,3 hours,Org B,ben@example.com\nV3,1 hour,Org C,cara@example.net\nV4,5 hours,Org D,dan@example.org\n');
    const db = path.join(dir, 'a.db');
    const imported = await run(['--db', db, 'import', hours, '--call', '2024']);
    expect(imported.code).toBe(0);
    expect(imported.stderr).not.toMatch(/not readable as a date/);
    const apps = json<Array<{ submittedAt: string | null }>>(await run(['--db', db, 'list', '--json']));
    expect(apps.map((a) => a.submittedAt)).toEqual([null, null, null, null]);
  });
});

describe("a platform's first submission and a volunteer's fields of expertise", () => {
  it('"first_submission" is when the row was sent; "career_fields", "Field of expertise" are the categories a person picks', () => {
    expect(mapped(['id', 'username', 'fullname', 'interest', 'first_submission']).submittedAt).toEqual(['first_submission']);
    expect(mapped(['full_name', 'email', 'employer', 'title_industry', 'career_fields']).selfCategories).toEqual(['career_fields']);
    expect(mapped(['Name', 'Email', 'Fields of expertise']).selfCategories).toEqual(['Fields of expertise']);
    // a field of study is no field of expertise
    expect(mapped(['Name', 'Email', 'Field of study']).selfCategories).toBeUndefined();
  });
});

describe('the Sustainable Development Goals an applicant picks', () => {
  it('are the themes of their work, in English, Spanish, French and Portuguese; a count of them is not', () => {
    for (const h of ['Escoge 3 Objetivos de Desarrollo Sostenible (ODS) que sean de tu interés', 'Which SDGs does your project address?', 'Objectifs de développement durable visés', 'Objetivos de Desenvolvimento Sustentável']) {
      expect(mapped(['Organisation', 'Email', h]).selfCategories, h).toEqual([h]);
    }
    expect(mapped(['Organisation', 'Email', 'How many SDGs does your project address?']).selfCategories).toBeUndefined();
  });
});

describe("KoboToolbox's instance ids", () => {
  it('"uuid:…" (41 characters) is a code, not a text: the application ID is kept', async () => {
    const { run, tempDir, json } = await import('../support/run.js');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const dir = tempDir();
    const file = path.join(dir, 'kobo.csv');
    fs.writeFileSync(file, [
      'start,end,organisation,email,meta/rootUuid,_submission_time',
      '2025-05-02T09:00:12.000+05:00,2025-05-02T09:14:50.000+05:00,Org A,a@example.org,uuid:0ca7fa0c-f686-4a36-bbab-7b75c7ef6d89,2025-05-02T04:15:20',
      '2025-05-02T11:30:00.000+05:00,2025-05-02T11:41:09.000+05:00,Org B,b@example.net,uuid:9b1e2c3d-4a5b-4c6d-8e7f-0a1b2c3d4e5f,2025-05-02T06:41:40',
      '2025-05-03T08:10:45.000+05:00,2025-05-03T08:22:03.000+05:00,Org C,c@example.com,uuid:3f2504e0-4f89-41d3-9a0c-0305e82c3301,2025-05-03T03:22:30',
      '',
    ].join('\n'));
    const db = path.join(dir, 'a.db');
    expect((await run(['--db', db, 'import', file, '--call', '2025'])).code).toBe(0);
    const ids = json<Array<{ externalId: string | null }>>(await run(['--db', db, 'list', '--json'])).map((a) => a.externalId).sort();
    expect(ids).toEqual(['uuid:0ca7fa0c-f686-4a36-bbab-7b75c7ef6d89', 'uuid:3f2504e0-4f89-41d3-9a0c-0305e82c3301', 'uuid:9b1e2c3d-4a5b-4c6d-8e7f-0a1b2c3d4e5f']);
  });
});

describe("KoboToolbox's instance id in an export with XML names", () => {
  it('"instanceID", new at every edit of a submission, is no application ID: the stable "rootUuid" is', () => {
    const headers = ['_id', 'uuid', 'start', 'end', 'nom', 'telephone', '__version__', 'instanceID', '_xform_id_string', '_uuid', '_submission_time', 'rootUuid'];
    expect(mapped(headers).externalId?.[0]).not.toBe('instanceID');
    expect(mapped(['start', 'end', 'nom', 'instanceID', 'rootUuid', '_submission_time']).externalId).toEqual(['rootUuid']);
  });
});
