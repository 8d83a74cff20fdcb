/**
 * Issue 11, items 4, 5 and 7: identity never merges two applicants silently; rows of one file
 * that are one application are named; submission dates to ISO 8601 with the order decided by the
 * column; the language of the text and the preferred working language kept apart, and either
 * corrected by an officer.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseDb, caseFile, importCase, accounted, rows } from './support.js';
import { json, run } from '../support/run.js';
import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication } from '../../../src/db/applications.js';
import { setApplicationLanguage } from '../../../src/import/languages.js';
import { DateOrderEvidence, isoDate, parseDate } from '../../../src/import/dates.js';


describe('identity: no silent merge', () => {
  it('same email and organisation, another title or contact: separate applications flagged as likely duplicates', async () => {
    const f = caseFile('two.csv', rows('Organization,Email,Contact person,Project title', [
      'Acme Foundation,shared@example.org,Ana Diallo,Solar technicians for rural youth',
      'Acme Foundation,shared@example.org,Moussa Sarr,Solar technicians for rural youth',
      'ACME foundation ,shared@example.org,Ana Diallo,Digital skills for market women',
    ]));
    const { report, apps } = await importCase(f, ['--call', 'c']);
    expect(report).toMatchObject({ rows: 3, inserted: 3, updated: 0 });
    expect(apps).toHaveLength(3);
    expect(report.possibleDuplicateCount).toBe(2);
    expect(report.possibleDuplicates).toEqual([
      { id: apps[1].id, duplicateOf: apps[0].id, reason: 'same email and organisation' },
      { id: apps[2].id, duplicateOf: apps[0].id, reason: 'same email and organisation' },
    ]);
  });

  it('an update within one file is named by its rows; importing the file again reports every row unchanged', async () => {
    const f = caseFile('again.csv', rows('Application ID,Organization,Email,Country', [
      'A-1,Org A,a@example.org,Kenya', 'A-2,Org B,b@example.org,Peru', 'A-1,Org A,a@example.org,Uganda', 'A-1,Org A,a@example.org,Uganda',
    ]));
    const db = caseDb();
    const first = await importCase(f, ['--call', 'c'], db);
    expect(first.report).toMatchObject({ rows: 4, inserted: 2, updated: 2, unchanged: 0 });
    expect(first.report.files[0].sameApplication).toEqual([{ rows: [1, 3, 4], by: 'the same application ID' }]);
    const shown = await run(['--db', db, 'import', f, '--call', 'c']);
    expect(shown.stderr).toMatch(/rows 1, 3, 4 are one application \(the same application ID\): the last one is kept/);
    expect(shown.stdout).toMatch(/again\.csv\s+4\s+0\s+0\s+4\s+0/);
    const again = json(await run(['--db', db, 'import', f, '--call', 'c', '--json']));
    expect(again).toMatchObject({ rows: 4, inserted: 0, updated: 0, unchanged: 4 });
    expect(accounted(again)).toBe(true);
  });

  it('the human report names the rows of one application', async () => {
    const f = caseFile('named.csv', rows('Organization,Email,Title', ['Org A,a@example.org,One idea', 'Org A,a@example.org,One idea']));
    const r = await run(['--db', caseDb(), 'import', f, '--call', 'c']);
    expect(r.stderr).toMatch(/rows 1, 2 are one application \(the same email, organisation, title and contact name\): the last one is kept/);
  });

  it('an application stored by an older version (email and organisation only) is still found', async () => {
    const dbPath = caseDb();
    const db = openDatabase(dbPath, { create: true });
    insertApplication(db, 'c', { organization: 'Org A', email: 'a@example.org', title: 'One idea' }, 'contact:a@example.org|org a');
    db.close();
    const f = caseFile('old.csv', rows('Organization,Email,Title', ['Org A,a@example.org,One idea', 'Org A,a@example.org,Another idea']));
    const { report, apps } = await importCase(f, ['--call', 'c'], dbPath);
    expect(report).toMatchObject({ rows: 2, updated: 1, inserted: 1 });
    expect(apps).toHaveLength(2);
  });
});

describe('submission dates in ISO 8601', () => {
  it('parses the forms tools write', () => {
    const iso = (t: string, o: 'dmy' | 'mdy' | null = null) => isoDate(parseDate(t)!, o);
    expect(iso('2017-04-21 18:53:48')).toBe('2017-04-21T18:53:48');
    expect(iso('2024-03-05T10:40:00.000+01:00')).toBe('2024-03-05T10:40:00+01:00');
    expect(iso('26/06/2022 13:46:19')).toBe('2022-06-26T13:46:19');
    expect(iso('3/2/2020 9:24:33', 'mdy')).toBe('2020-03-02T09:24:33');
    expect(iso('3/2/2020 9:24:33', 'dmy')).toBe('2020-02-03T09:24:33');
    expect(iso('3/5/24 10:40:00 PM', 'mdy')).toBe('2024-03-05T22:40:00');
    expect(iso('5 March 2020')).toBe('2020-03-05');
    expect(iso('Jan 22, 2024')).toBe('2024-01-22');
    expect(iso('4 de marzo de 2020')).toBe('2020-03-04');
    expect(iso('4 de marzo de 2020 a las 10:00')).toBe('2020-03-04T10:00:00');
    expect(iso('4 mars 2020 à 10h00')).toBe('2020-03-04T10:00:00');
    expect(iso('2024/01/05 10:00:00')).toBe('2024-01-05T10:00:00');
    // an Italian-locale Google Forms timestamp ("Informazioni cronologiche") writes the time with dots
    expect(iso('28/03/2025 0.15.35')).toBe('2025-03-28T00:15:35');
    expect(iso('14/03/2025 10.15.42', 'dmy')).toBe('2025-03-14T10:15:42');
    expect(parseDate('14/03/2025 10.15')).toBeNull();
    // Italian month names, as an Italian form or list writes a date in words
    expect(iso('31 maggio 2018')).toBe('2018-05-31');
    expect(iso('3 ottobre 2023 alle 10:00')).toBe('2023-10-03T10:00:00');
    expect(iso('5 gen 2024')).toBe('2024-01-05');
    expect(parseDate('14/03/2025 10.15.423')).toBeNull();
    expect(parseDate('Bachelor')).toBeNull();
    expect(parseDate('31/31/2020')).toBeNull();
  });

  it('reads the zone a timestamp names: Google Forms\' own download, UTC, GMT offsets, unambiguous abbreviations', () => {
    const iso = (t: string) => isoDate(parseDate(t)!, null);
    expect(iso('2022/06/26 1:46:19 PM GMT+1')).toBe('2022-06-26T13:46:19+01:00');
    expect(iso('2020/04/21 9:54:54 AM GMT+5:30')).toBe('2020-04-21T09:54:54+05:30');
    expect(iso('26/06/2022 13:46:19 GMT-3')).toBe('2022-06-26T13:46:19-03:00');
    expect(iso('2022-06-26 13:46:19 UTC')).toBe('2022-06-26T13:46:19Z');
    expect(iso('2021/02/10 10:08:52 PM EST')).toBe('2021-02-10T22:08:52-05:00');
    expect(iso('2020/03/25 3:10:50 PM CET')).toBe('2020-03-25T15:10:50+01:00');
    // IST is India's, Ireland's or Israel's: the time as written, without a zone
    expect(iso('2020/03/25 3:10:50 PM IST')).toBe('2020-03-25T15:10:50');
    expect(iso('2022-06-26 13:46:19 +0100')).toBe('2022-06-26T13:46:19+01:00');
  });

  it('a word after the time is no zone: only a zone\'s abbreviation in capitals is one', () => {
    // "est" is French for "is", "then" and "done" are words: such a cell is no timestamp, as before
    expect(parseDate('12/05/2020 10:00 est')).toBeNull();
    expect(parseDate('2020-01-01 10:00 then')).toBeNull();
    expect(parseDate('12/05/2020 10:00 done')).toBeNull();
    expect(parseDate('2020-01-01T10:00Zabc')).toBeNull();
    expect(parseDate('5 March 2020 10:00 west')).toBeNull();
    // capitals are an abbreviation; UTC and GMT in any case, as before
    expect(isoDate(parseDate('12/05/2020 10:00 EST')!, 'dmy')).toBe('2020-05-12T10:00:00-05:00');
    expect(isoDate(parseDate('5 March 2020 10:00 CET')!, null)).toBe('2020-03-05T10:00:00+01:00');
    expect(isoDate(parseDate('2020-01-01 10:00 utc')!, null)).toBe('2020-01-01T10:00:00Z');
  });

  it('the order comes from the whole column: a day above 12 anywhere settles it', () => {
    const e = new DateOrderEvidence();
    for (const t of ['03/04/2022', '05/04/2022', '26/06/2022']) e.add(parseDate(t));
    expect(e.order('mdy')).toBe('dmy');
    expect(e.decided).toBe(true);
    const mixed = new DateOrderEvidence();
    for (const t of ['13/01/2022', '01/13/2022']) mixed.add(parseDate(t));
    expect(mixed.mixed).toBe(true);
  });

  it('early rows written before a later row settled the order are read again; the text as written is kept', async () => {
    const lines = ['Timestamp,Organization,Email'];
    // "Timestamp" (Google Forms in English) suggests month first, until row 3 shows a day of 26
    lines.push('03/04/2022 10:00:00,Org A,a@example.org', '05/04/2022 11:00:00,Org B,b@example.org', '26/06/2022 13:46:19,Org C,c@example.org');
    for (let i = 0; i < 300; i++) lines.push(`07/08/2022 09:00:00,Org ${i},o${i}@example.org`);
    const f = caseFile('dates.csv', lines.join('\n') + '\n');
    const db = caseDb();
    const { report, apps } = await importCase(f, ['--call', 'c'], db);
    expect(report.files[0].dates).toEqual({ order: 'day first', decidedBy: 'the dates', unreadable: 0 });
    const by = Object.fromEntries(apps.map((a) => [a.organization, a.submittedAt]));
    expect(by).toMatchObject({ 'Org A': '2022-04-03T10:00:00', 'Org C': '2022-06-26T13:46:19', 'Org 0': '2022-08-07T09:00:00' });
    const shown = await run(['--db', db, 'show', String(apps[0].id)]);
    expect(shown.stdout).toMatch(/Submitted\s+2022-04-03T10:00:00 \(written "03\/04\/2022 10:00:00"\)/);
  });
});

describe('two languages, kept apart', () => {
  const csv = rows('Nombre de la organización,Correo electrónico,Título del proyecto,Describa su proyecto,Idioma de trabajo preferido', [
    'Fundación Sur,sur@example.org,Talleres de oficios,"Un programa de formación para los jóvenes de la comunidad, con talleres en las empresas del barrio.",Francés',
    'Red Norte,norte@example.org,Escuela digital,"Una escuela de programación para las mujeres jóvenes de la región y sus familias.",Inglés',
  ]);

  it('the text is Spanish, the working language French: tagging reads the first, list and show both', async () => {
    const db = caseDb();
    const { report, apps } = await importCase(caseFile('es.csv', csv), ['--call', 'c'], db);
    expect(report.files[0].columns.workingLanguage).toEqual(['Idioma de trabajo preferido']);
    expect(report.files[0].columns.language).toBeUndefined();
    expect(apps[0]).toMatchObject({ language: 'es', workingLanguage: 'fr' });
    expect(apps[1]).toMatchObject({ language: 'es', workingLanguage: 'en' });
    const shown = await run(['--db', db, 'show', String(apps[0].id)]);
    expect(shown.stdout).toMatch(/Language\s+es \(detected from the text\)/);
    expect(shown.stdout).toMatch(/Works in\s+fr \(from the file\)/);
  });

  it('an officer corrects either; an import of the same rows keeps the correction', async () => {
    const dbPath = caseDb();
    const f = caseFile('es.csv', csv);
    const { apps } = await importCase(f, ['--call', 'c'], dbPath);
    expect((await run(['--db', dbPath, 'tag', 'auto'])).code).toBe(0);
    const db = openDatabase(dbPath);
    try {
      const tagged = db.prepare('SELECT count(*) FROM application_categories WHERE application_id = ?').pluck().get(apps[0].id) as number;
      expect(tagged).toBeGreaterThan(0);
      const r = setApplicationLanguage(db, apps[0].id, { language: 'French', workingLanguage: 'es' });
      expect(r).toMatchObject({ language: 'fr', workingLanguage: 'es', changed: ['language', 'workingLanguage'], needsTagging: true });
      expect(db.prepare('SELECT count(*) FROM application_categories WHERE application_id = ?').pluck().get(apps[0].id)).toBe(0);
      // the same value again changes nothing
      expect(setApplicationLanguage(db, apps[0].id, { workingLanguage: 'español' })).toMatchObject({ changed: [], needsTagging: false });
      expect(() => setApplicationLanguage(db, apps[0].id, { language: 'Klingon' })).toThrow(/not a language/);
      expect(() => setApplicationLanguage(db, 999_999, { language: 'fr' })).toThrow(/no application with ID 999999/);
    } finally {
      db.close();
    }
    // a changed row re-imported: the officer's languages stay
    const changed = caseFile('es2.csv', csv.replace('talleres en las empresas del barrio', 'talleres en las empresas de la ciudad'));
    const again = await importCase(changed, ['--call', 'c'], dbPath);
    expect(again.report).toMatchObject({ updated: 1, unchanged: 1 });
    expect(again.apps.find((a) => a.id === apps[0].id)).toMatchObject({ language: 'fr', workingLanguage: 'es' });
    const shown = await run(['--db', dbPath, 'show', String(apps[0].id)]);
    expect(shown.stdout).toMatch(/Language\s+fr \(set by an officer\)/);
  });

  it('list --language filters on the language of the text', async () => {
    const db = caseDb();
    await importCase(caseFile('es.csv', csv), ['--call', 'c'], db);
    expect(json<any[]>(await run(['--db', db, 'list', '--language', 'fr', '--json']))).toEqual([]);
    expect(json<any[]>(await run(['--db', db, 'list', '--language', 'es', '--json']))).toHaveLength(2);
    void path;
  });
});
