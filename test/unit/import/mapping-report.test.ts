/**
 * The mapping an import chose is shown and checked (issue 11, items 1 and 2): each field with its
 * column (letter and full header), how sure, and a sample that is never personal data; columns
 * whose cells contradict their header are left out with a warning; --map names columns by
 * header, letter or number; a refused import under --json still prints one document; on a
 * terminal an uncertain field is put to the officer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseDb, caseFile, importCase, rows } from './support.js';
import { run } from '../support/run.js';
import { bufferIO } from '../../../src/cli/io.js';
import { importHooks } from '../../../src/cli/import.js';
import { openDatabase } from '../../../src/db/connection.js';
import { importFiles } from '../../../src/import/importer.js';
import { scriptedPrompts } from '../../../src/ui/prompts.js';


describe('the mapping in the report', () => {
  const csv = rows('Timestamp,Name of your organization,Email Address,Phone number,Country,Type of organization,Score', [
    '3/2/2020 9:24:33,Org A,a@example.org,+254 700 000 001,Kenya,NGO,8.5',
    '3/3/2020 10:00:00,Org B,b@example.org,+51 900 000 002,Peru,University,7',
    '3/4/2020 11:00:00,Org C,c@example.org,+221 77 000 00 03,Sénégal,ONG,6,5',
  ]);

  it('--json: each field with its columns, letters, confidence, source and a sample; personal data only by kind', async () => {
    const { report } = await importCase(caseFile('forms.csv', csv));
    const f = report.files[0].fields;
    expect(f.country).toMatchObject({ columns: ['Country'], letters: ['E'], confidence: 'high', source: 'header', sample: 'Kenya' });
    expect(f.submittedAt).toMatchObject({ letters: ['A'], sample: '3/2/2020 9:24:33' });
    expect(f.organizationType.sample).toBe('NGO');
    expect(f.email.sample).toBe('<email address>');
    expect(f.phone.sample).toBe('<phone number>');
    expect(JSON.stringify(report)).not.toContain('a@example.org');
    expect(report.files[0].dates).toEqual({ order: 'month first', decidedBy: 'the form', unreadable: 0 });
  });

  it('the human report prints field ← column with a sample, and no address', async () => {
    const r = await run(['--db', caseDb(), 'import', caseFile('forms.csv', csv), '--call', 'c']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/country\s+← E "Country"\s+e\.g\. "Kenya"\s+\(high\)/);
    expect(r.stderr).toMatch(/email\s+← C "Email Address"\s+<email address>/);
    expect(r.stderr).not.toMatch(/a@example\.org|\+254/);
  });

  it('the arrows of the human report stand in one column, also beside the longest field name', async () => {
    const text = rows('Name of your organization,Email Address,Language of the application,Score', ['Org A,a@example.org,Español,8', 'Org B,b@example.org,English,7']);
    const r = await run(['--db', caseDb(), 'import', caseFile('lang.csv', text), '--call', 'c']);
    expect(r.code, r.stderr).toBe(0);
    const arrows = r.stderr.split('\n').filter((l) => l.includes(' ← ')).map((l) => l.indexOf('←'));
    expect(arrows).toHaveLength(4);
    expect(new Set(arrows).size).toBe(1);
    expect(r.stderr).toMatch(/^ {2}language of the application ← C/m);
  });

  it('a column whose cells contradict its header is left empty, with a warning that quotes no cell', async () => {
    const text = rows('Organisation,Email,Contact person of the project,Country of activity,Date submitted (form)', [
      'Org A,a@example.org,+254 700 000 001,yes,1962-04-01',
      'Org B,b@example.org,+51 900 000 002,no,1987-11-23',
      'Org C,c@example.org,+221 77 000 00 03,yes,1975-06-30',
    ]);
    const { report, apps } = await importCase(caseFile('odd.csv', text));
    expect(report.files[0].columns.contactName).toBeUndefined();
    expect(report.files[0].columns.country).toBeUndefined();
    expect(report.files[0].columns.submittedAt).toBeUndefined();
    expect(report.files[0].notUsed).toEqual(expect.arrayContaining([
      { field: 'contactName', column: 'Contact person of the project', letter: 'C', holds: 'phone numbers' },
      { field: 'country', column: 'Country of activity', letter: 'D', holds: 'yes/no answers' },
      { field: 'submittedAt', column: 'Date submitted (form)', letter: 'E', holds: 'dates years apart (birth dates?)' },
    ]));
    const warnings = report.files[0].warnings.join('\n');
    expect(warnings).toMatch(/column C "Contact person of the project" names the contact name but holds phone numbers: not used/);
    expect(warnings).not.toMatch(/\+254|1962/);
    expect(apps[0].contactName).toBeNull();
  });

  it('a header that is the field\'s own name stays, uncertain, when its cells disagree', async () => {
    const text = rows('Organisation,Email,Country', ['Org A,a@example.org,Ruritania', 'Org B,b@example.org,Atlantis', 'Org C,c@example.org,Narnia']);
    const { report } = await importCase(caseFile('c.csv', text));
    expect(report.files[0].fields.country).toMatchObject({ columns: ['Country'], confidence: 'low' });
  });
});

describe('--map by header, letter or number', () => {
  it('takes a column by its full header, its letter or its number from 1', async () => {
    const f = caseFile('odd.csv', rows('Org,E,Where,Tel', ['Acme,a@example.org,Kenya,+254 1']));
    const map = caseFile('map.json', JSON.stringify({ organization: 'Org', email: 'B', country: 3, phone: '4' }));
    const { report, apps } = await importCase(f, ['--map', map]);
    expect(report.files[0].columns).toMatchObject({ organization: ['Org'], email: ['E'], country: ['Where'], phone: ['Tel'] });
    expect(report.files[0].fields.email).toMatchObject({ source: 'map', confidence: 'high' });
    expect(apps[0]).toMatchObject({ email: 'a@example.org', country: 'KE' });
  });

  it('a file without a header row, its columns named by letter: the top row is the first application', async () => {
    const f = caseFile('noheader.csv', ['"ID01","Acme Trust","Ana Example","ana@example.org"', '"ID02","Beta Club","Li Sample","li@example.org"', '"ID03","Gamma Union","Jo Test","jo@example.org"'].join('\n') + '\n');
    const map = caseFile('map.json', JSON.stringify({ organization: 'B', email: 4, contactName: 'C' }));
    const { report, apps } = await importCase(f, ['--map', map]);
    expect(report).toMatchObject({ rows: 3, inserted: 3, rejected: 0 });
    expect(apps.map((a) => a.email).sort()).toEqual(['ana@example.org', 'jo@example.org', 'li@example.org']);
    expect(report.files[0].fields.email).toMatchObject({ letters: ['D'], source: 'map' });
    // the report names the columns by letter: no one's address stands in for a header
    const r = await run(['--db', caseDb(), 'import', f, '--map', map, '--dry-run']);
    expect(r.stdout + r.stderr).toMatch(/^ {2}email +← D \(no header\) {2}<email address>/m);
    expect(r.stdout + r.stderr).not.toContain('ana@example.org');
    // without --map, the refusal says how: by letter, every row read
    const refused = await run(['--db', caseDb(), 'import', f]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('or name the columns by letter in --map (every row is then read as an application)');
    // with real letters of the file: the addresses are in D, the organisations' names in B
    expect(refused.stderr).toContain('{"organization":"B","email":"D"}');
    // a header row that shows an example address but names fields stays the header row, letters or not
    const example = caseFile('example.csv', rows('Organisation,Your email (e.g. name@example.org)', ['Acme Trust,ana@example.org', 'Beta Club,li@example.org']));
    const byLetter = caseFile('map3.json', JSON.stringify({ organization: 'A', email: 'B' }));
    const ex = await importCase(example, ['--map', byLetter]);
    expect(ex.report).toMatchObject({ rows: 2, inserted: 2 });
    expect(ex.apps.map((a) => a.organization).sort()).toEqual(['Acme Trust', 'Beta Club']);
    // so does a header row in a language the import does not read, whose cells only contain an
    // address, a phone number or a year range beside words
    const byLetter4 = caseFile('map4.json', JSON.stringify({ organization: 'A', email: 'B', country: 'C', title: 'D' }));
    for (const header of ['Einrichtung,Kontakt (z.B. name@firma.de),Land,Vorhaben', 'Einrichtung,E-Post,Land,Vorhaben,Telefon (z.B. 030 1234567)', 'Instytucja,Kontakt,Kraj,Projekt,Budżet 2024-2025']) {
      const foreign = caseFile('foreign.csv', rows(header, ['Acme GmbH,anna@acme.example,Germany,Solar pumps,030 5550000', 'Beta eV,bob@beta.example,Austria,Water filters,030 5550001']));
      const fr = await importCase(foreign, ['--map', byLetter4]);
      expect(fr.report).toMatchObject({ rows: 2, inserted: 2, rejected: 0 });
      expect(fr.apps.map((a) => a.organization).sort()).toEqual(['Acme GmbH', 'Beta eV']);
    }
    // a mapping by header keeps the top row as the header row
    const byHeader = caseFile('map2.json', JSON.stringify({ organization: 'Acme Trust', email: 'ana@example.org' }));
    expect((await importCase(f, ['--map', byHeader])).report).toMatchObject({ rows: 2 });
  });

  it('a file without a header row whose top application left its email blank keeps that row', async () => {
    // the blank cell under a column --map names is no header: a header row names its columns
    const f = caseFile('noheader-blank.csv', ['Acme Trust,Ana Example,,Kenya', 'Beta Club,Li Sample,li@example.org,Peru', 'Gamma Union,Jo Test,jo@example.org,Chile'].join('\n') + '\n');
    const map = caseFile('map-blank.json', JSON.stringify({ organization: 'A', contactName: 'B', email: 'C', country: 'D' }));
    const { report } = await importCase(f, ['--map', map]);
    expect(report).toMatchObject({ rows: 3, inserted: 2, rejected: 1 });
    // nor is a web app's ISO 8601 timestamp anything but a date: that top row is an application too
    const g = caseFile('noheader-iso.csv', ['Ana Example,Acme Trust,ana@example.org,2025-04-06T21:16:48.237Z', 'Li Sample,Beta Club,li@example.org,2025-04-07T08:01:02.5Z'].join('\n') + '\n');
    const map2 = caseFile('map-iso.json', JSON.stringify({ organization: 'B', email: 'C', submittedAt: 'D' }));
    expect((await importCase(g, ['--map', map2])).report).toMatchObject({ rows: 2, inserted: 2 });
    // nor is a top cell that writes the address among words, as every cell under it does
    const l = caseFile('noheader-lists.csv', ['Place aux jeunes,12,Ana Example / ana@example.org / 0600000001', 'Ensemble,13,Li Sample / li@example.org', 'Demain,14,Jo Test - jo@example.org - 0600000003'].join('\n') + '\n');
    const map4 = caseFile('map-lists.json', JSON.stringify({ organization: 'A', email: 'C' }));
    const lists = await importCase(l, ['--map', map4]);
    expect(lists.report).toMatchObject({ rows: 3, inserted: 3 });
    expect(lists.apps.map((a) => a.email).sort()).toEqual(['ana@example.org', 'jo@example.org', 'li@example.org']);
    // a header row whose cell over a mapped column is blank but that names fields stays the header
    const h = caseFile('header-blank.csv', rows('Organisation,,Email', ['Acme Trust,x,ana@example.org', 'Beta Club,y,li@example.org']));
    const map3 = caseFile('map-hb.json', JSON.stringify({ organization: 'A', contactName: 'B', email: 'C' }));
    expect((await importCase(h, ['--map', map3])).report).toMatchObject({ rows: 2, inserted: 2 });
  });

  it('a header row of words the import does not read, blank over a column --map names, stays the header', async () => {
    // the refusal lists "Einrichtung", "Ansprechperson", "Staat" and asks for letters: the officer
    // names them, and the header row must not come back as an application. "Staat" over
    // countries, "Beschreibung" over paragraphs label their columns: no one's details
    const f = caseFile('header-de.csv', ['Einrichtung,Ansprechperson,,Staat', 'Acme Trust,Ana Example,ana@example.org,Kenya', 'Beta Club,Li Sample,li@example.org,Peru', 'Gamma Union,Jo Test,jo@example.org,Chile'].join('\n') + '\n');
    const map = caseFile('map-de.json', JSON.stringify({ organization: 'A', contactName: 'B', email: 'C', country: 'D' }));
    const { report, apps } = await importCase(f, ['--map', map]);
    expect(report).toMatchObject({ rows: 3, inserted: 3, rejected: 0 });
    expect(apps.map((a) => a.organization)).not.toContain('Einrichtung');
    const para = (w: string) => `${w} trains young people in rural areas in digital skills and helps them find work nearby`;
    const g = caseFile('header-de2.csv', ['Einrichtung,,Beschreibung', `Acme Trust,ana@example.org,${para('Acme')}`, `Beta Club,li@example.org,${para('Beta')}`, `Gamma Union,jo@example.org,${para('Gamma')}`].join('\n') + '\n');
    const map2 = caseFile('map-de2.json', JSON.stringify({ organization: 'A', email: 'B', description: 'C' }));
    expect((await importCase(g, ['--map', map2])).report).toMatchObject({ rows: 3, inserted: 3, rejected: 0 });
  });

  it('the refusal of a file without a header row gives a --map example with the file\'s own letters', async () => {
    // the email is written among other words in C, the list's name is in A, B is a number
    const f = caseFile('lists.csv', ['Place aux jeunes,12,Ana Example / ana@example.org / 0600000001,Li Sample / li@example.org', 'Ensemble,13,Jo Test / jo@example.org,Max Poe / max@example.org'].join('\n') + '\n');
    const r = await run(['--db', caseDb(), 'import', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('{"organization":"A","email":"C"}');
    expect(r.stderr).not.toMatch(/Ana Example|the column's letter/);
    // a top row of unrecognised words only: no header to name, so letters too
    const g = caseFile('yesno.csv', ['Si,Si,No', 'Si,No,No', 'No,Si,Si'].join('\n') + '\n');
    const s = await run(['--db', caseDb(), 'import', g]);
    expect(s.stderr).toMatch(/\{"organization":"[A-C]","email":"[A-C]"\}/);
    expect(s.stderr).not.toContain('Column header in your file');
  });

  it('a column beyond the file is an error that lists the columns in full, with letters', async () => {
    const long = 'What is the full name of the organisation applying to this call for proposals, as registered?';
    const f = caseFile('odd.csv', rows(`"${long}",E,Country`, ['Acme,a@example.org,Kenya']));
    const map = caseFile('map.json', JSON.stringify({ organization: 'A', email: 'F' }));
    const r = await run(['--db', caseDb(), 'import', f, '--map', map]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/names column F \(for email\)/);
    expect(r.stderr).toContain(`A "${long}", B "E", C "Country"`);
  });

  it('a top row that names one field at most may be someone\'s details: only what was recognised is repeated', async () => {
    const f = caseFile('bare.csv', rows('Acme Trust,Maria Lopez', ['Beta,Jon Doe']));
    const map = caseFile('map.json', JSON.stringify({ organization: 'A', email: 'F' }));
    const r = await run(['--db', caseDb(), 'import', f, '--map', map]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/Maria|Lopez|Acme/);
    expect(r.stderr).toMatch(/columns in the file: A, B \(a header skillsnet does not recognise is named by its letter/);
  });

  it('a blank header cell is said to have no header, not quoted as "column N"', async () => {
    const f = caseFile('blank.csv', rows(',Country,Title of the project,', ['1,Kenya,Solar pumps,x', '2,Chile,Looms,y']));
    const r = await run(['--db', caseDb(), 'import', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('columns in the file: A (no header), B "Country", C "Title of the project", D (no header)');
    expect(r.stderr).not.toMatch(/"column \d"/);
  });

  it('words over columns of numbers, links or yes/no are a header row: the error repeats it in full', async () => {
    // a team registration sheet: no header names a field, but "Number of Players" over 11, 9, 7 is no one's details
    const f = caseFile('teams.csv', rows('Team Manager,Number of Players,Squad Photo,Terms Accepted', [
      'Ana Example,11,https://files.example.org/p/1,on', 'Li Sample,9,https://files.example.org/p/2,on', 'Jo Test,7,https://files.example.org/p/3,on',
    ]));
    const r = await run(['--db', caseDb(), 'import', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('columns in the file: A "Team Manager", B "Number of Players", C "Squad Photo", D "Terms Accepted"');
    expect(r.stderr).not.toMatch(/Ana Example|named by its letter/);
    // a row of someone's details holds what the rows under it hold: still withheld
    const bare = caseFile('bare2.csv', rows('Acme Trust,12,https://acme.example.org', ['Beta Club,7,https://beta.example.org', 'Gamma Union,9,https://gamma.example.org']));
    const b = await run(['--db', caseDb(), 'import', bare]);
    expect(b.code).toBe(1);
    expect(b.stderr).not.toMatch(/Acme/);
    expect(b.stderr).toMatch(/named by its letter/);
  });

  it('one column of words over dates or addresses is named by its header, the rest of the row withheld', async () => {
    // a single typed column is not enough to call the whole row a header, but "Member since" over
    // dates is no one's details: it is shown, not replaced by its letter (a header skillsnet
    // recognises, "Registered on", makes the row a header row of its own)
    const f = caseFile('one-typed.csv', rows('Acme Trust,Maria Lopez,Member since', [
      'Beta Club,Jon Doe,2024-03-01', 'Gamma Union,Ann Roe,2024-03-05', 'Delta Group,Li Poe,2024-03-09',
    ]));
    const r = await run(['--db', caseDb(), 'import', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('columns in the file: A, B, C "Member since" (a header skillsnet does not recognise is named by its letter');
    expect(r.stderr).not.toMatch(/Acme|Maria/);
    const j = await run(['--db', caseDb(), 'import', f, '--json']);
    expect(JSON.parse(j.stdout).files[0].unmappedColumns).toEqual(['column 1', 'column 2', 'Member since']);
  });

  it('a cell that is a field\'s very name and short labels over paragraphs are a header row: repeated in full', async () => {
    // an appraisal sheet: "Candidat" names the contact; "Leadership" and "Rendement" head sentences
    const para = (w: string) => `${w} shows steady judgement in meetings and would need support before taking a wider role`;
    const f = caseFile('appraisal.csv', rows('Candidat,Poste,Leadership,Rendement', [
      `Ana Example,Directeur,${para('She')},${para('Her team')}`, `Li Sample,Chef,${para('He')},${para('His unit')}`, `Jo Test,Adjoint,${para('They')},${para('Their office')}`,
    ]));
    const r = await run(['--db', caseDb(), 'import', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('columns in the file: A "Candidat", B "Poste", C "Leadership", D "Rendement"');
    expect(r.stderr).not.toMatch(/named by its letter/);
    // without the field's name, the labels over paragraphs are still shown one by one
    const g = caseFile('appraisal2.csv', rows('Ana Example,Directeur,Leadership', [
      `Li Sample,Chef,${para('He')}`, `Jo Test,Adjoint,${para('They')}`,
    ]));
    const s = await run(['--db', caseDb(), 'import', g]);
    expect(s.stderr).toContain('columns in the file: A, B, C "Leadership"');
    expect(s.stderr).not.toMatch(/Ana Example/);
  });
});

describe('a file without any email address', () => {
  it('says the form did not collect one and what to do, where --map alone cannot help; a file whose addresses sit under an unknown header is not told so', async () => {
    const none = caseFile('no-email.csv', rows('Nom,Prénom,Structure,Pays,Titre du projet', ['Ouedraogo,Awa,Association Yiriwa,Burkina Faso,Formation', 'Sawadogo,Issa,Coopérative Nong-Taaba,Burkina Faso,Ateliers']));
    const r = await run(['--db', caseDb(), 'import', none, '--call', 'c']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: no-email\.csv: no column found for the email; nothing was imported\n/);
    expect(r.stderr).toContain('no cell of the file holds an email address, and each application needs one');
    expect(r.stderr).toContain('if the form did not ask for it, add an Email column, fill it in and import again');
    const hidden = caseFile('hidden-email.csv', rows('Nom,Structure,Pays,Joindre,Titre du projet', ['Ouedraogo,Association Yiriwa,Burkina Faso,awa@example.org,Formation']));
    const h = await run(['--db', caseDb(), 'import', hidden, '--call', 'c']);
    expect(h.code).toBe(1);
    expect(h.stderr).toMatch(/no column found for the email/);
    expect(h.stderr).not.toContain('no cell of the file holds an email address');
    expect(h.stderr).toContain('{"email":"Column header in your file"}');
  });
});

describe('a refused import under --json', () => {
  it('prints one document with the error and what was recognised, exit 1', async () => {
    const long = 'Veuillez décrire en détail les activités principales menées pendant les trois dernières années';
    const a = caseFile('ok.csv', rows('Organisation,Courriel', ['Acme,a@example.org']));
    const b = caseFile('refused.csv', rows(`Pays,Adresse du responsable,Titre,${long} 1,${long} 2`, ['Sénégal,x@example.org,T,a,b']));
    const r = await run(['--db', caseDb(), 'import', a, b, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.error).toMatch(/^refused\.csv: no column found for the organisation and email/);
    expect(doc.files).toEqual([
      { file: 'ok.csv', columns: { organization: ['Organisation'], email: ['Courriel'] }, unmappedColumns: [] },
      { file: 'refused.csv', columns: { country: ['Pays'], title: ['Titre'] }, unmappedColumns: ['Adresse du responsable', `${long} 1`, `${long} 2`] },
    ]);
    // the error lists the headers in full: the two long ones differ only at the end
    expect(r.stderr).toContain(`D "${long} 1", E "${long} 2"`);
  });

  it('a --map naming a column the file lacks: the file is still listed with what was recognised', async () => {
    const f = caseFile('mapped.csv', rows('Organisation,Courriel,Remarques', ['Acme,a@example.org,none']));
    const map = caseFile('map.json', JSON.stringify({ country: 'Pays' }));
    const r = await run(['--db', caseDb(), 'import', f, '--map', map, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.error).toMatch(/names a column "Pays"/);
    expect(doc.files).toEqual([{ file: 'mapped.csv', columns: { organization: ['Organisation'], email: ['Courriel'] }, unmappedColumns: ['Remarques'] }]);
  });

  it('a file that cannot be read is still named, with nothing recognised', async () => {
    const ok = caseFile('ok.csv', rows('Organisation,Courriel', ['Acme,a@example.org']));
    const missing = path.join(path.dirname(ok), 'missing.csv');
    const r = await run(['--db', caseDb(), 'import', ok, missing, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.error).toMatch(/cannot read/);
    expect(doc.files).toEqual([
      { file: 'ok.csv', columns: { organization: ['Organisation'], email: ['Courriel'] }, unmappedColumns: [] },
      { file: 'missing.csv', columns: {}, unmappedColumns: [] },
    ]);
  });

  it('a header holding a web address with a long number is a header, not data', async () => {
    const r = await run(['--db', caseDb(), 'import', caseFile('u.csv', rows('Organisation,Country,See https://forms.example.org/r/123456789 for help', ['Acme,Kenya,a'])), '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/looks like data/);
    expect(r.stderr).toContain('"See https://forms.example.org/r/123456789 for help"');
  });
});

describe('on a terminal, an uncertain field is put to the officer', () => {
  it('shows the columns, asks whether they are right, lets the officer change one and saves the mapping', async () => {
    // "Dans quel pays ?" names the country by one word among others: uncertain
    const f = caseFile('u.csv', rows('Organisation,Email,Dans quel pays ?,Lieu', ['Acme,a@example.org,Kenya,Peru', 'Beta,b@example.org,Chile,Mali']));
    const db = openDatabase(caseDb(), { create: true });
    try {
      const saved = path.join(path.dirname(f), 'u.mapping.json');
      const prompts = scriptedPrompts([false, 3, true, saved]);
      const { io, stderr } = bufferIO({ tty: true, prompts: async () => prompts });
      const report = await importFiles(db, [f], { call: 'c' }, importHooks(io));
      expect(prompts.asked[0]).toMatch(/not sure of the country/);
      expect(prompts.asked[1]).toMatch(/Which column holds the country/);
      expect(report.files[0]!.columns.country).toEqual(['Lieu']);
      expect(report.files[0]!.fields.country).toMatchObject({ source: 'wizard', confidence: 'high' });
      expect(stderr()).toMatch(/\? country\s+← C "Dans quel pays \?"\s+e\.g\. "Kenya"\s+\(low\)/);
      expect(JSON.parse(fs.readFileSync(saved, 'utf8'))).toMatchObject({ organization: 'Organisation', email: 'Email', country: 'Lieu' });
    } finally {
      db.close();
    }
  });

  it('off a terminal, an uncertain field is imported and reported as such', async () => {
    const f = caseFile('u.csv', rows('Organisation,Email,Dans quel pays ?', ['Acme,a@example.org,Kenya']));
    const { report } = await importCase(f);
    expect(report.files[0].fields.country).toMatchObject({ confidence: 'low', source: 'header' });
  });
});

describe('what is no form export is refused before anything is written', () => {
  it.each([
    ['a script', 'import fs from "node:fs";\nconst rows = [];\nfunction read(file) {\n  return fs.readFileSync(file, "utf8");\n}\nconsole.log(read("x"));\n'],
    ['prose', 'Dear colleagues,\nPlease find the applications attached. We received many, from every region, and\nthe committee met twice.\nBest regards,\nThe secretariat, Geneva\nP.S. More will follow next week, after the deadline.\n'],
  ])('%s', async (_, text) => {
    const d = caseDb();
    const r = await run(['--db', d, 'import', caseFile('x.csv', text), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatch(/does not look like a form export|no column found/);
    expect(fs.existsSync(d)).toBe(false);
  });
});

describe('ragged rows under a header that names the required fields', () => {
  it('are imported, every row accounted for (a hand-edited sheet, not prose)', async () => {
    // found by the fuzz test (seed 574936775): rows short of cells or with one too many
    const text = 'Name of your organization,Email Address,#\nOrganisation 1,\n,person1@example.org\n,,,extra\n'
      + 'Organisation 1,person1@example.org,\nOrganisation 1,person1@example.org,\nOrganisation 1,person1@example.org\n';
    const r = await run(['--db', caseDb(), 'import', caseFile('ragged.csv', text), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.rows).toBe(6);
    expect(report.rows).toBe(report.inserted + report.updated + report.unchanged + report.rejected);
  });
});
