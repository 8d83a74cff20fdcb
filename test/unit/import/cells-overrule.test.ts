/**
 * What a trial on unseen real exports found (a web app's export, SurveyMonkey, a Google Form
 * with a bibliography question): the cells overrule the headers' ranking when the chosen column
 * holds nothing or other values; a SurveyMonkey metadata column spans no columns; an application
 * ID is a code, never a text; database timestamps are dates. Invented rows, the real headers'
 * shapes.
 */
import { describe, expect, it } from 'vitest';
import { accounted, caseDb, caseFile, importCase, rows } from './support.js';
import { run } from '../support/run.js';


describe('the cells overrule the headers', () => {
  // a web app's table: "email" is also a form tool's own column name, "confirmEmail" a flag left empty
  const webApp = rows('id,created_at,nom,prenom,telephone,email,confirmEmail,organisation', [
    '1,2025-06-25 18:06:38.993152+00,Diallo,Awa,+221 77 000 00 01,awa@example.org,,Atelier Vert',
    '2,2025-06-26 09:10:11.5+00,Kaboré,Issa,+226 70 00 00 02,issa@example.net,,Fondation Karité',
    '3,2025-06-27 10:00:00+00,Sow,Mariam,+224 620 00 00 03,mariam@example.com,,Union des Artisans',
    '4,2025-06-28 11:30:00+00,Ndiaye,Ousmane,+221 76 000 00 04,ousmane@example.org,,Coopérative Kër',
  ]);

  it('an empty column whose header names the field gives way to one whose cells are the field', async () => {
    // (a confirmation, "confirmEmail", comes after the plain "email" by its header already)
    const { report, apps } = await importCase(caseFile('inscriptions.csv', webApp));
    expect(accounted(report)).toBe(true);
    expect(report.inserted).toBe(4);
    expect(report.files[0].fields.email).toMatchObject({ columns: ['email', 'confirmEmail'], confidence: 'high' });
    expect(apps.map((a) => a.email)).toEqual(['awa@example.org', 'issa@example.net', 'mariam@example.com', 'ousmane@example.org']);
    // a question column the headers rank first, left empty, gives way to the cells'
    const { report: other, apps: others } = await importCase(caseFile('inscriptions.csv', webApp.replace('confirmEmail', 'contactEmail')));
    const f = other.files[0].fields;
    // the empty column still fills a row where "email" is empty
    expect(f.email).toMatchObject({ columns: ['email', 'contactEmail'], confidence: 'high' });
    expect(f.email.evidence).toMatch(/instead of G "contactEmail", empty in the rows read, read where this one is empty/);
    expect(others.map((a) => a.email)).toEqual(['awa@example.org', 'issa@example.net', 'mariam@example.com', 'ousmane@example.org']);
  });

  it('a database timestamp is a date, not a phone number, and dates without an order to decide say none', async () => {
    const { report, apps } = await importCase(caseFile('inscriptions.csv', webApp));
    expect(report.files[0].fields.submittedAt).toMatchObject({ columns: ['created_at'] });
    expect(apps[0].submittedAt).toBe('2025-06-25T18:06:38+00:00');
    expect(report.files[0].dates).toEqual({ order: null, decidedBy: null, unreadable: 0 });
    const human = await run(['--db', caseDb(), 'import', caseFile('inscriptions.csv', webApp), '--dry-run']);
    expect(human.stderr).not.toMatch(/holds phone numbers|dates read/);
  });

  it('a field read from a question and its backup is judged by both: a form tool\'s column does not replace them', async () => {
    // the contact email is empty where the backup question holds the address; Google Forms'
    // "Email Address" is the account that filled the form in (an officer's, on every row)
    const csv = rows('Organization,Contact email,Alternative email,Email Address,Title', [
      'Org A,,a@example.org,officer@ilo.example.org,Solar', 'Org B,,b@example.net,officer@ilo.example.org,Care',
      'Org C,,c@example.com,officer@ilo.example.org,Data', 'Org D,,d@example.org,officer@ilo.example.org,Craft',
    ]);
    const { report, apps } = await importCase(caseFile('backup.csv', csv));
    expect(report.files[0].fields.email.columns).toEqual(['Contact email', 'Alternative email']);
    expect(apps.map((a) => a.email)).toEqual(['a@example.org', 'b@example.net', 'c@example.com', 'd@example.org']);
  });

  it('a column whose values are the field stays when its neighbour is better named but empty only in some rows', async () => {
    // the chosen column holds addresses in most rows: nothing is switched
    const csv = rows('Organisation,Email Address,Email', [
      'Org A,a@example.org,x@example.com', 'Org B,,y@example.com', 'Org C,c@example.org,z@example.com', 'Org D,d@example.org,w@example.com',
    ]);
    const { report } = await importCase(caseFile('two-emails.csv', csv));
    expect(report.files[0].fields.email.columns[0]).toBe('Email Address');
  });
});

describe('SurveyMonkey: a metadata column spans no columns', () => {
  it('"Respondent ID" over blank cells: the second row names those columns, and they are read', async () => {
    const csv = [
      'Respondent ID,,,,Name of your organisation,Which region?',
      ',Name,Email,Fundraising link,Response,Response',
      '118001,Awa Diallo,awa@example.org,https://example.org/give,Atelier Vert,Africa',
      '118002,Issa Kaboré,issa@example.net,,Fondation Karité,Africa',
      '118003,Ana Pérez,ana@example.com,,Taller Andino,Americas',
    ].join('\n') + '\n';
    const { report, apps } = await importCase(caseFile('surveymonkey.csv', csv));
    expect(report.inserted).toBe(3);
    const f = report.files[0].fields;
    expect(f.externalId.columns).toEqual(['Respondent ID']);
    expect(f.contactName.columns).toEqual(['Name']);
    expect(f.email.columns).toEqual(['Email']);
    expect(apps.map((a) => a.externalId)).toEqual(['118001', '118002', '118003']);
    expect(apps.map((a) => a.contactName)).toEqual(['Awa Diallo', 'Issa Kaboré', 'Ana Pérez']);
  });
});

describe('SurveyMonkey: a question without a label over its first column still spans its options', () => {
  it('the options of "How can beneficiaries reach you?" stay its own, not a phone and a website', async () => {
    const csv = [
      'Respondent ID,Name of your organisation,Email,How can beneficiaries reach you?,,',
      ',Response,Response,,Phone,Website',
      '118001,Atelier Vert,awa@example.org,In person,Phone,',
      '118002,Fondation Karité,issa@example.net,,Phone,Website',
      '118003,Taller Andino,ana@example.com,In person,,Website',
    ].join('\n') + '\n';
    const { report, apps } = await importCase(caseFile('surveymonkey-options.csv', csv));
    expect(report.inserted).toBe(3);
    const f = report.files[0].fields;
    expect(f.phone).toBeUndefined();
    expect(f.website).toBeUndefined();
    expect(apps.every((a) => a.phone === null && a.website === null)).toBe(true);
  });
});

describe('an application ID is a code, not a text', () => {
  it('a "References" column of citations is not the ID: two projects citing one paper stay two', async () => {
    const cite = '"Diallo, A. et al. Skills for green jobs in West Africa. Journal of Vocational Training (2019)"';
    const csv = rows('Institution,Email,Project title,References', [
      `Université A,a@example.org,Solar skills,${cite}`,
      `Université B,b@example.org,Green apprenticeships,${cite}`,
      'Université C,c@example.org,Digital skills,"Kaboré, I. Digital skills for youth. Dakar: Presses (2020)"',
      'Université D,d@example.org,Care work,"Sow, M. and Ndiaye, O. Care work and skills. Geneva (2021)"',
    ]);
    const { report, apps } = await importCase(caseFile('projects.csv', csv));
    expect(report.inserted).toBe(4);
    expect(report.files[0].fields.externalId).toBeUndefined();
    expect(apps).toHaveLength(4);
  });
});

describe('headers seen on unseen exports', () => {
  it('the tool\'s timestamp beats a question called "Date"; "Date Applied", "Marca de temps" are submission dates', async () => {
    const { matchHeaders, explainHeader } = await import('../../../src/import/headers.js');
    const h = ['Timestamp', 'Organisation', 'Email', 'Date'];
    expect(matchHeaders(h).mapping.submittedAt).toEqual([0]);
    for (const header of ['Date Applied', 'Marca de temps', 'Fecha de solicitud', 'Application date']) {
      expect(explainHeader(header).fields.map((f) => f.field), header).toContain('submittedAt');
    }
  });

  it('"Nombres" beside "Apellidos" is the given names', async () => {
    const { matchHeaders } = await import('../../../src/import/headers.js');
    expect(matchHeaders(['Nombres', 'Apellidos', 'Organización', 'Correo']).mapping).toMatchObject({ firstName: [0], lastName: [1] });
  });

  it('an institution, an affiliation, a college are the organisation; "Contact No" is a phone', async () => {
    const { explainHeader } = await import('../../../src/import/headers.js');
    for (const header of ['Institute', 'Home Institution', 'Affiliation', 'College', 'Universidad']) {
      expect(explainHeader(header).fields.map((f) => f.field), header).toEqual(['organization']);
    }
    expect(explainHeader('Contact No').fields.map((f) => f.field)).toEqual(['phone']);
    // a question about a university is not the organisation
    expect(explainHeader('Name of the university you graduated from').fields.map((f) => f.field)).not.toContain('organization');
  });

  it('a bare "Type" holding professions is not the organisation type; one holding organisation types is', async () => {
    const professions = rows('Organisation,Email,Type', ['Optique A,a@example.org,Opticien', 'Optique B,b@example.org,Ophtalmologue', 'Optique C,c@example.org,Opticien', 'Optique D,d@example.org,Orthoptiste']);
    const a = await importCase(caseFile('professions.csv', professions));
    expect(a.report.files[0].fields.organizationType).toBeUndefined();
    expect(a.apps.every((x) => x.organizationType === null)).toBe(true);
    const types = rows('Organisation,Email,Type', ['Org A,a@example.org,NGO', 'Org B,b@example.org,University', 'Org C,c@example.org,ONG', 'Org D,d@example.org,Government agency']);
    const b = await importCase(caseFile('types.csv', types));
    expect(b.report.files[0].fields.organizationType).toMatchObject({ columns: ['Type'], confidence: 'high' });
  });
});

describe('errors name the columns of a header row in full', () => {
  const refused = async (name: string, csv: string) => {
    const r = await run(['--db', caseDb(), 'import', caseFile(name, csv), '--call', 'x']);
    expect(r.code).toBe(1);
    return r.stderr;
  };

  it('a form tool\'s column, questions or program identifiers make it surely a header row', async () => {
    expect(await refused('pkd.csv', rows('Timestamp,Designation,State,Years of service', ['3/2/2020 9:24:33,Officer,Selangor,4']))).toMatch(/B "Designation", C "State", D "Years of service"/);
    expect(await refused('survey.csv', rows('Carrera que cursa,¿Con quién vives?,¿Trabajas?,Edad', ['Derecho,Familia,No,21']))).toMatch(/A "Carrera que cursa", B "¿Con quién vives\?"/);
    expect(await refused('renamed.csv', rows('Position,Position-Other,Column2,Column3', ['Student,,x,y']))).toMatch(/C "Column2", D "Column3"/);
    // a Typeform piping placeholder is no phone number
    expect(await refused('typeform.csv', rows('#,What do you think of {{field:09dac6d1-b6f4-4a7e-9c1d-123456789abc}}?,Other,Submitted At', ['abc123,Good,,2020-03-02 09:24:33']))).toMatch(/B "What do you think of \{\{field:/);
  });

  it('a first row that may be someone\'s details is still named by letters', async () => {
    expect(await refused('no-header.csv', rows('Awa Diallo,Dakar,Senegal,Weaving', ['Issa Kaboré,Ouagadougou,Burkina Faso,Pottery']))).not.toMatch(/Awa Diallo/);
    // single words with hyphens, capitals inside or digits are still someone's details
    const names = await refused('names.csv', rows('Diallo,Jean-Pierre,McDonald,Dakar-Plateau,Weaving2', ['Kaboré,Issa,Female,Ouaga-2000,Pottery']));
    expect(names).not.toMatch(/Jean-Pierre|McDonald|Dakar-Plateau|Weaving2|Diallo/);
  });
});

describe('a code shaped like a date is no date', () => {
  it('an ISO date with a zone needs a time', async () => {
    const { parseDate } = await import('../../../src/import/dates.js');
    expect(parseDate('2020-03-02-05')).toBeNull();
    expect(parseDate('2020-03-02+01')).toBeNull();
    expect(parseDate('2025-06-25 18:06:38.993152+00')).toMatchObject({ year: 2025, month: 6, day: 25, zone: '+00:00' });
  });
});

describe('a second trial on unseen exports: directories and startup applications', () => {
  it('business, startup, entrepreneurship and association names are the organisation', async () => {
    const { explainHeader } = await import('../../../src/import/headers.js');
    for (const header of ['business_name', 'startup_name', 'Business Name', 'Nombre del emprendimiento', 'Razón social', "Nom de l'association", 'Asociación']) {
      expect(explainHeader(header).fields.map((f) => f.field), header).toEqual(['organization']);
    }
    expect(explainHeader('Describe your business').fields.map((f) => f.field)).not.toContain('organization');
  });

  it('a directory\'s bare "NOMBRE" of organisations is the organisation, not the contact; "Notes" of remarks is no score', async () => {
    const csv = rows('ID;NOMBRE;TIPO;MAIL_RESPONSABLE;MAIL_INSTITUCIONAL;Notes', [
      '1;CLUB SOCIAL Y DEPORTIVO NORTE;CLUB DE BARRIO;;club.norte@example.org;Supports youth teams',
      '2;INCUBADORA SUR S.A.;INCUBADORA DE EMPRESAS;ana@example.com;;Lists its mentors',
      '3;FUNDACIÓN OFICIOS;ONG;luis@example.net;info@oficios.example.org;Open on weekends',
      '4;ACELERADORA ANDINA SRL;ACELERADORA;;hola@andina.example.com;New this year',
    ]);
    const { report, apps } = await importCase(caseFile('directorio.csv', csv));
    expect(report.inserted).toBe(4);
    const f = report.files[0].fields;
    expect(f.organization).toMatchObject({ columns: ['NOMBRE'], confidence: 'medium' });
    expect(f.contactName).toBeUndefined();
    expect(f.score).toBeUndefined();
    // the institution's address fills the rows where the person's is empty
    expect(f.email.columns).toEqual(['MAIL_RESPONSABLE', 'MAIL_INSTITUCIONAL']);
    expect(apps.map((a) => a.email)).toEqual(['club.norte@example.org', 'ana@example.com', 'luis@example.net', 'hola@andina.example.com']);
    expect(apps.map((a) => a.organizationType)).toEqual(['NGO', 'Incubator or accelerator', 'NGO', 'Incubator or accelerator']);
  });

  it('a webmail provider\'s address in another country says nothing about identity', async () => {
    const { isGenericEmailDomain } = await import('../../../src/import/network-vocabulary.js');
    for (const d of ['hotmail.com.ar', 'live.com.ar', 'yahoo.co.in', 'gmail.fr', 'verizon.net', 'comcast.net']) expect(isGenericEmailDomain(d), d).toBe(true);
    for (const d of ['acme.com.ar', 'ilo.org', 'mail.gov.ke', 'me.org']) expect(isGenericEmailDomain(d), d).toBe(false);
  });
});

describe('a "\uFFFD" the file itself holds', () => {
  it('is not reported as bytes that could not be decoded; a byte that is not UTF-8 still is', async () => {
    const valid = rows('Organisation,Email,Title', ['Atelier \uFFFD Vert,a@example.org,Solar', 'Fondation Karité,b@example.net,Care', 'Taller Andino,c@example.com,Data']);
    const a = await run(['--db', caseDb(), 'import', caseFile('fffd.csv', valid), '--call', 'x']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).not.toMatch(/could not be decoded/);
    // UTF-8 throughout (many accents) but for one byte
    const accents = 'Fondation Karité,b@example.net,Énergie éolienne à Thiès\nTaller Andino,c@example.com,Formación técnica y energía\n'.repeat(10);
    const broken = Buffer.concat([Buffer.from('Organisation,Email,Title\nAtelier '), Buffer.from([0xc3, 0x28]), Buffer.from(` Vert,a@example.org,Solar\n${accents}`)]);
    const b = await run(['--db', caseDb(), 'import', caseFile('broken.csv', broken), '--call', 'x']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toMatch(/could not be decoded|not valid UTF-8/);
  });
});

describe('a file of column names only', () => {
  it('imports nothing and says so, not "imported"', async () => {
    const r = await run(['--db', caseDb(), 'import', caseFile('header-only.csv', 'Organization,Email\n'), '--call', 'x']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/header-only\.csv: the file has its column names but no data rows: nothing was imported/);
    expect(r.stderr).toMatch(/Nothing was imported into call "x"/);
    expect(r.stderr).not.toMatch(/Imported into/);
  });
});
