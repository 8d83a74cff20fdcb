import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { openDatabase } from '../../../src/db/connection.js';
import { importFiles } from '../../../src/import/importer.js';
import { isResponseNumberColumn } from '../../../src/import/headers.js';
import { tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-resubmit-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, header: string[], rows: string[][]): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, stringify([header, ...rows]));
  return f;
}

// A form tool numbers responses, not applications: an applicant who sends the form again with a
// correction gets a new number, and the officer expects one application, the later version.
describe('a resubmission under a new response number (sixth trial)', () => {
  const header = ['#', 'Organisation name', 'Your full name', 'Your email', 'Country', 'Project title', 'Describe your project', 'Submit Date (UTC)'];
  const rows = [
    ['tf01', 'Skills Bridge Foundation', 'Amina Exemple', 'amina@example.org', 'Kenya', 'Solar repair workshops', 'Budget 400 USD per learner.', '2024-03-01 10:00:00'],
    ['tf02', 'Green Jobs Academy', 'Diego Muestra', 'diego@example.org', 'Perú', 'Green trades for youth', 'Three days a week.', '2024-03-01 11:00:00'],
    // the same applicant again, description corrected
    ['tf03', 'Skills Bridge Foundation', 'Amina Exemple', 'amina@example.org', 'Kenya', 'Solar repair workshops', 'Budget 450 USD per learner, not 400.', '2024-03-02 09:00:00'],
    // same organisation and address, another proposal (another title): a second application
    ['tf04', 'Skills Bridge Foundation', 'Amina Exemple', 'amina@example.org', 'Kenya', 'Apprenticeship passports', 'A second idea.', '2024-03-02 10:00:00'],
  ];

  it('is one application, the later version, and importing the file again changes nothing', async () => {
    const f = file('typeform.csv', header, rows);
    const db = openDatabase(path.join(dir, 'a.db'), { create: true });
    const r = await importFiles(db, [f], { call: '2024' }, {});
    expect(r).toMatchObject({ rows: 4, inserted: 3, updated: 1, unchanged: 0, rejected: 0 });
    expect(r.files[0]!.sameApplication).toEqual([{ rows: [1, 3], by: expect.stringMatching(/new response number/) }]);
    const apps = db.prepare('SELECT external_id, title, description FROM applications ORDER BY id').all();
    expect(apps).toEqual([
      { external_id: 'tf03', title: 'Solar repair workshops', description: 'Budget 450 USD per learner, not 400.' },
      { external_id: 'tf02', title: 'Green trades for youth', description: 'Three days a week.' },
      { external_id: 'tf04', title: 'Apprenticeship passports', description: 'A second idea.' },
    ]);
    const again = await importFiles(db, [f], { call: '2024' }, {});
    expect(again).toMatchObject({ rows: 4, inserted: 0, updated: 0, unchanged: 4, rejected: 0 });
    // a later export with one more response still finds both rows' application
    const later = file('typeform-later.csv', header, [...rows, ['tf05', 'Open Career Hub', 'Li Sample', 'li@example.com', 'UK', 'Career clinics', 'Guidance.', '2024-03-03 10:00:00']]);
    const third = await importFiles(db, [later], { call: '2024' }, {});
    expect(third).toMatchObject({ rows: 5, inserted: 1, updated: 0, unchanged: 4 });
    expect(db.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(4);
    db.close();
  });

  it("an officer's own file number keeps two numbers two applications", async () => {
    const f = file('dossiers.csv', ['N° de dossier', ...header.slice(1)], rows.map((r, i) => [`AAP-${i + 1}`, ...r.slice(1)]));
    const db = openDatabase(path.join(dir, 'b.db'), { create: true });
    const r = await importFiles(db, [f], { call: '2024' }, {});
    expect(r).toMatchObject({ rows: 4, inserted: 4, updated: 0 });
    db.close();
  });

  it('knows the response numbers form tools write', () => {
    for (const h of ['#', 'Id', 'ID', '_id', '_uuid', 'Respondent ID', 'ResponseId', 'Response ID', 'Submission ID', 'Entry Id', 'ID del encuestado', 'Token'])
      expect(isResponseNumberColumn(h), h).toBe(true);
    for (const h of ['Application ID', 'N° de dossier', 'Numéro de candidature', 'Reference', 'External Reference', 'Número de solicitud'])
      expect(isResponseNumberColumn(h), h).toBe(false);
  });
});
