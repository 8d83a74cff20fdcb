/**
 * What a trial on seventeen real exports the importer had never seen found (ConfTool, Oxford
 * Abstracts, Fillout, Google Sheets registration lists, a web app's project table, a two-row
 * incubator sheet): the wrong column read as the title, the contact, the website or the
 * submission date, in silence. Invented rows in the real headers' shapes.
 */
import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';
import { accounted, caseFile, importCase, rows } from './support.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

describe('the title is the proposal\'s, not the session\'s', () => {
  it('paper, abstract, proposal, project and submission titles are the title; session, track, panel and event titles are not', () => {
    for (const h of ['Paper title', 'paper_title', 'Abstract Title', 'Proposal title', 'Project title', 'Submission title', 'Titre de l\'article']) {
      expect(mapped(['Organisation', 'Email', h]).title, h).toEqual([h]);
    }
    for (const h of ['Session title', 'session_title', 'Track title', 'Panel title', 'Event title', 'Titre de la séance']) {
      expect(mapped(['Organisation', 'Email', h]).title, h).toBeUndefined();
    }
    expect(mapped(['Organisation', 'Email', 'session_title', 'paper_title']).title).toEqual(['paper_title']);
  });

  it('two papers of one author in one session stay two applications', async () => {
    // a ConfTool export: one row per author and paper, the session the paper was put in beside it
    const csv = rows('author_name;author_email;Organisation;paperID;paper_title;session_title', [
      'Ejemplo, Ana;ana@example.org;Instituto Ejemplo;201;Cooperatives that train;Panel 1: Skills',
      'Ejemplo, Ana;ana@example.org;Instituto Ejemplo;202;Apprenticeships online;Panel 1: Skills',
      'Example, Grace;grace@example.net;Example College;203;Green jobs;Panel 2: Jobs',
    ]);
    const { report, apps } = await importCase(caseFile('biographies.csv', csv));
    expect(accounted(report)).toBe(true);
    expect(report.inserted).toBe(3);
    expect(report.files[0].fields.title.columns).toEqual(['paper_title']);
    expect(apps.map((a) => a.title).sort()).toEqual(['Apprenticeships online', 'Cooperatives that train', 'Green jobs']);
  });
});

describe('a project\'s start and end dates are not the submission date', () => {
  it('a start or end of something named in the header is no submission date; a submission\'s or registration\'s is', () => {
    for (const h of ['Project end date', 'Date de fin du projet', 'Fecha de inicio del proyecto', 'Contract start date', 'Submission created by']) {
      expect(mapped(['Organisation', 'Email', h]).submittedAt, h).toBeUndefined();
    }
    for (const h of ['Submission created', 'Submission started', 'participant_registration_date', 'Submitted At', 'Date Applied', 'Fecha de inscripción', 'Start Date (UTC)']) {
      expect(mapped(['Organisation', 'Email', h]).submittedAt, h).toEqual([h]);
    }
    // "Submitted at" says when, "Submitted by" who
    const m = mapped(['Timestamp', 'Organisation', 'Email', 'Submitted At', 'Submitted by']);
    expect(m.submittedAt).toEqual(['Timestamp']);
    expect(m.contactName).toEqual(['Submitted by']);
  });

  it('a bare start or end date whose cells have no time of day is a timeline, not used', async () => {
    const csv = rows('Titre,DateDebut,DateFin,Institution,ResponsableEmail', [
      'Santé connectée,2024-01-01,2024-12-31,Institut Ejemplo,ana@example.org',
      'Énergie solaire,2024-03-01,2025-02-28,École Exemple,grace@example.net',
      'Eau potable,2023-09-15,2024-06-30,Centre Modèle,awa@example.com',
    ]);
    const { report, apps, run } = await importCase(caseFile('projets.csv', csv));
    expect(report.inserted).toBe(3);
    expect(report.files[0].fields.submittedAt).toBeUndefined();
    expect(apps.every((a) => a.submittedAt == null)).toBe(true);
    // the header row already says so (no form tool's column beside them): no warning to read
    expect(run.stderr).not.toMatch(/"DateFin" names the submission date/);
  });

  it('beside a form tool\'s own column, the cells decide: dates without a time of day are no submission date', async () => {
    const csv = rows('Respondent ID,Titre,DateDebut,DateFin,Institution,ResponsableEmail', [
      '11,Santé connectée,2024-01-01,2024-12-31,Institut Ejemplo,ana@example.org',
      '12,Énergie solaire,2024-03-01,2025-02-28,École Exemple,grace@example.net',
      '13,Eau potable,2023-09-15,2024-06-30,Centre Modèle,awa@example.com',
    ]);
    const { report, apps, run } = await importCase(caseFile('projets.csv', csv));
    expect(report.files[0].fields.submittedAt).toBeUndefined();
    expect(apps.every((a) => a.submittedAt == null)).toBe(true);
    expect(run.stderr).toMatch(/"DateFin" names the submission date but holds dates without a time of day/);
  });

  it('a form tool\'s start and end carry a time of day and stay the submission date', async () => {
    const csv = rows('Respondent ID,Start Date,End Date,Organisation,Email', [
      '1001,03/12/2020 10:33:01 AM,03/12/2020 10:41:12 AM,Org A,a@example.org',
      '1002,03/13/2020 09:01:00 AM,03/13/2020 09:20:45 AM,Org B,b@example.net',
      '1003,03/14/2020 04:10:10 PM,03/14/2020 04:30:00 PM,Org C,c@example.com',
    ]);
    const { report, apps } = await importCase(caseFile('survey.csv', csv));
    expect(report.files[0].fields.submittedAt.columns[0]).toBe('End Date');
    expect(apps.map((a) => a.submittedAt)).toContain('2020-03-12T10:41:12');
  });

  it('the form\'s timestamp is taken over a better-named end date of the project', async () => {
    const csv = rows('Timestamp,Organización,Correo,Fecha de finalización', [
      '3/2/2020 9:24:33,Org A,a@example.org,31/12/2021',
      '3/3/2020 10:00:00,Org B,b@example.net,30/06/2022',
      '3/4/2020 11:30:00,Org C,c@example.com,31/03/2021',
    ]);
    const { report } = await importCase(caseFile('respuestas.csv', csv));
    expect(report.files[0].fields.submittedAt.columns).toEqual(['Timestamp']);
  });
});

describe('an abstract\'s authors are not its contact', () => {
  // an Oxford Abstracts export: the first author's columns come before the submitter's
  const header = 'Submission Id,Submission created,First name: 1st author,Last name: 1st author,Submitter first name,Submitter last name,Submitter email,Abstract Title,Authors,Email: 1st author,1st aff institution: 1st author,1st aff city: 1st author,1st aff country: 1st author,1st aff institution: 2nd author,1st aff country: 2nd author';
  const csv = rows(header, [
    '101,2026-04-27 00:12:12,Li,Example,Ana,Ejemplo,ana@example.org,Quantum tryptophan,"Li Example, Ana Ejemplo, Jo Sample",li@example.net,Example University,Springfield,Japan,Ejemplo Institute,Peru',
    '102,2026-04-28 09:00:00,Grace,Example,Grace,Example,grace@example.net,Microtubules,Grace Example,grace@example.net,Example College,Shelbyville,Canada,,',
    '103,2026-04-29 10:30:00,Awa,Sample,Awa,Sample,awa@example.com,Consciousness,"Awa Sample, Li Example",awa@example.com,Sample Institute,Ogdenville,Senegal,Example University,Japan',
  ]);

  it('the submitter\'s given and family names are the contact, before the first author\'s and the author list', () => {
    const m = mapped(header.split(','));
    expect(m.firstName).toEqual(['Submitter first name']);
    expect(m.lastName).toEqual(['Submitter last name']);
    expect(m.email).toEqual(['Submitter email']);
    expect(m.contactName).toBeUndefined();
  });

  it('the first author\'s first affiliation gives the organisation and the country when no other column does', async () => {
    const { report, apps } = await importCase(caseFile('oa_export.csv', csv));
    expect(accounted(report)).toBe(true);
    expect(report.inserted).toBe(3);
    const f = report.files[0].fields;
    expect(f.organization.columns).toEqual(['1st aff institution: 1st author']);
    expect(f.country.columns).toEqual(['1st aff country: 1st author']);
    expect(f.submittedAt.columns).toEqual(['Submission created']);
    expect(apps.map((a) => [a.contactName, a.organization, a.country])).toEqual([
      ['Ana Ejemplo', 'Example University', 'JP'], ['Grace Example', 'Example College', 'CA'], ['Awa Sample', 'Sample Institute', 'SN'],
    ]);
  });

  it('a name column whose cells list several people gives way to the given and family names', async () => {
    const list = rows('Organisation,Email,Contact person,Given name,Family name', [
      'Org A,a@example.org,"Ana Ejemplo, Li Example, Jo Sample",Ana,Ejemplo',
      'Org B,b@example.net,Grace Example,Grace,Example',
      'Org C,c@example.com,Awa Sample and Li Example,Awa,Sample',
      'Org D,d@example.org,Jo Sample,Jo,Sample',
    ]);
    const { report, apps, run } = await importCase(caseFile('team.csv', list));
    expect(report.files[0].fields.contactName).toBeUndefined();
    expect(apps.map((a) => a.contactName)).toEqual(['Ana Ejemplo', 'Grace Example', 'Awa Sample', 'Jo Sample']);
    expect(run.stderr).toMatch(/"Contact person" names the contact name but holds lists of several names: not used/);
    // without name parts it stays the contact name; "Family, Given" is one person
    const alone = rows('Organisation,Email,Contact person', ['Org A,a@example.org,"Ana Ejemplo, Li Example, Jo Sample"', 'Org B,b@example.net,"Example, Grace"', 'Org C,c@example.com,Awa Sample and Li Example', 'Org D,d@example.org,"Sample, Jo"']);
    expect((await importCase(caseFile('team.csv', alone))).report.files[0].fields.contactName.columns).toEqual(['Contact person']);
    // nor does a column that merely names a name take its place
    const subset = rows('Submission Id,Authors,Submitter email,First name: 1st author,First name: 2nd author,Organisation', [
      '1,"Ana Ejemplo, Li Example, Jo Sample",ana@example.org,Ana,Li,Org A', '2,Grace Example,grace@example.net,Grace,Mo,Org B',
      '3,"Awa Sample, Li Example, Jo Sample",awa@example.com,Awa,Li,Org C', '4,Jo Sample,jo@example.org,Jo,Sam,Org D',
    ]);
    const { report: r2, apps: a2 } = await importCase(caseFile('subset.csv', subset));
    expect(r2.files[0].fields.contactName).toBeUndefined();
    expect(a2.map((a) => a.contactName)).toEqual(['Ana', 'Grace', 'Awa', 'Jo']);
    const familyFirst = rows('Organisation,Email,Contact person,Given name,Family name', ['Org A,a@example.org,"Pérez García, Juan Carlos",Juan Carlos,Pérez García', 'Org B,b@example.net,"Example, Grace",Grace,Example', 'Org C,c@example.com,"Sample Smith, Awa Li",Awa Li,Sample Smith', 'Org D,d@example.org,"Sample, Jo",Jo,Sample']);
    expect((await importCase(caseFile('team.csv', familyFirst))).report.files[0].fields.contactName.columns).toEqual(['Contact person']);
  });
});

describe('a form tool\'s own links and dates', () => {
  const fillout = (url: (i: number) => string) => rows('Submission ID,Last updated,Submission started,Status,Nombre(s),Apellidos(s),Email,Organización,Url', [1, 2, 3, 4].map((i) =>
    `a1b2c3d4-000${i},Thu Jan 0${i + 1} 2026 14:01:00 GMT-0500 (Colombia Standard Time),Thu Jan 0${i + 1} 2026 13:55:00 GMT-0500 (Colombia Standard Time),finished,Ana${i},Ejemplo,ana${i}@example.org,Colegio Ejemplo ${i},${url(i)}`));

  it('the links to each response in the tool are not the applicant\'s website; JavaScript dates are read with their offset', async () => {
    const { report, apps, run } = await importCase(caseFile('Fillout results.csv', fillout((i) => `https://build.fillout.com/editor/mkgbTWNZ6Dus/results?sessionId=a1b2c3d4-000${i}`)));
    expect(report.inserted).toBe(4);
    const f = report.files[0].fields;
    expect(f.website).toBeUndefined();
    expect(run.stderr).toMatch(/"Url" names the website but holds links to the form tool's own pages \(one per response\): not used/);
    expect(f.submittedAt.columns).toEqual(['Submission started']);
    expect(apps.map((a) => a.website ?? null)).toEqual([null, null, null, null]);
    expect(apps[0].submittedAt).toBe('2026-01-02T13:55:00-05:00');
  });

  it('so are links that differ only by a per-row query on one host; applicants\' own sites stay the website', async () => {
    const sameHost = await importCase(caseFile('export.csv', fillout((i) => `https://app.example.com/responses/view?id=${1000 + i}`)));
    expect(sameHost.report.files[0].fields.website).toBeUndefined();
    const own = await importCase(caseFile('export.csv', fillout((i) => `https://www.colegio-ejemplo-${i}.example.org/`)));
    expect(own.report.files[0].fields.website.columns).toEqual(['Url']);
    expect(own.apps[0].website).toMatch(/colegio-ejemplo-1/);
  });
});

describe('a column named plainly for the field comes before its secondary', () => {
  it('"email" before "email (secondary)", which fills the rows it leaves without an address', async () => {
    // a registration list kept in a sheet: a few names typed in the email column, a handful of second addresses
    const lines = Array.from({ length: 20 }, (_, i) => i === 5 ? 'Person Five,Person 5,Org 5,' : i === 9 ? 'Person Nine,Person 9,Org 9,nine@example.net' : `user${i}@example.org,Person ${i},Org ${i},${i === 2 ? 'alt2@example.net' : ''}`);
    const { report, apps } = await importCase(caseFile('registrants.csv', rows('email,name,company,email (secondary)', lines)));
    expect(accounted(report)).toBe(true);
    expect(report.files[0].fields.email.columns).toEqual(['email', 'email (secondary)']);
    expect(report.inserted).toBe(19);
    expect(report.rejected).toBe(1);
    const byName = Object.fromEntries(apps.map((a) => [a.contactName, a.email]));
    expect(byName['Person 2']).toBe('user2@example.org');
    expect(byName['Person 9']).toBe('nine@example.net');
    expect(mapped(['ID', 'Email', 'Name', 'Organisation', 'Alternative email']).email).toEqual(['Email', 'Alternative email']);
  });

  it('unless its cells are no addresses and the secondary\'s are', async () => {
    const lines = Array.from({ length: 6 }, (_, i) => `Person ${i},Org ${i},second${i}@example.org`);
    const { report, apps } = await importCase(caseFile('registrants.csv', rows('email,company,email (secondary)', lines)));
    expect(report.files[0].fields.email.columns).toEqual(['email (secondary)', 'email']);
    expect(report.inserted).toBe(6);
    expect(apps.map((a) => a.email)).toContain('second0@example.org');
  });
});

describe('the parts of a name come from one person\'s columns', () => {
  it('the row\'s own author is no author of several: "Author first name" pairs with "Author last name"', () => {
    const m = mapped(['Organisation', 'Email', 'Author last name', 'Author first name', 'Presenter first name']);
    expect(m.firstName).toEqual(['Author first name']);
    expect(m.lastName).toEqual(['Author last name']);
    // a row's own author's full name stays the contact name beside its parts
    expect(mapped(['author_name', 'author_lastname', 'author_firstname', 'author_email', 'author_organisation']).contactName).toEqual(['author_name']);
    // the first author of several still comes after the one who sent it
    expect(mapped(['Organisation', 'Email', 'First name: 1st author', 'Presenter first name']).firstName).toEqual(['Presenter first name']);
  });
});

describe('header words of conference tools and Spanish forms', () => {
  it('ConfTool\'s author and person columns', () => {
    const m = mapped(['author_lastname', 'author_firstname', 'author_email', 'author_organisation', 'paper_title', 'person_organisation', 'person_countrycode', 'participant_registration_date', 'person_phone', 'person_url']);
    expect(m).toMatchObject({
      lastName: ['author_lastname'], firstName: ['author_firstname'], email: ['author_email'], organization: ['author_organisation'],
      country: ['person_countrycode'], submittedAt: ['participant_registration_date'], phone: ['person_phone'], website: ['person_url'], title: ['paper_title'],
    });
    expect(mapped(['person_organisation', 'email']).organization).toEqual(['person_organisation']);
  });

  it('Spanish: an educational institution or company is the organisation; a startup\'s name is the organisation, an initiative\'s the title', () => {
    expect(mapped(['Email', 'Institución educativa o empresa']).organization).toEqual(['Institución educativa o empresa']);
    const startup = mapped(['Marca temporal', 'Nombre de la Startup / Proyecto', 'Correo']);
    expect(startup.organization).toEqual(['Nombre de la Startup / Proyecto']);
    expect(startup.title).toBeUndefined();
    for (const h of ['Nombre iniciativa', 'Nombre de la iniciativa']) expect(mapped(['Correo', 'Empresa', h]).title, h).toEqual([h]);
  });
});
