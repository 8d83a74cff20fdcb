/** End-to-end regressions for wrong-data problems a new user found with real form exports. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, json } from '../helpers.js';

const dir = tempDir('skillsnet-importfix-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(name: string, content: string | Buffer): string {
  const f = path.join(dir, `${++n}-${name}`);
  fs.writeFileSync(f, content);
  return f;
}
const db = () => path.join(dir, `db${++n}.db`);
const list = (dbPath: string) => json<any[]>(runCli(['list', '--json', '--db', dbPath]));

describe('skillsnet import of real form exports', () => {
  it('Microsoft Forms: the "Contact email address" question is the email, "anonymous" respondent ignored', () => {
    const f = file('msforms.csv', [
      'ID,Start time,Completion time,Email,Name,Name of your organization,Contact email address,Country',
      '1,1/5/24 10:00:00,1/5/24 10:05:00,anonymous,,Org A,a@example.org,Chile',
      '2,1/5/24 11:00:00,1/5/24 11:05:00,anonymous,,Org B,b@example.org,Peru',
    ].join('\r\n'));
    const d = db();
    const r = json(runCli(['import', f, '--call', '2024', '--db', d, '--json']));
    expect(r).toMatchObject({ rows: 2, inserted: 2, rejected: 0 });
    expect(r.files[0].columns.email).toEqual(['Contact email address']);
    expect(list(d).map((a) => a.email).sort()).toEqual(['a@example.org', 'b@example.org']);
  });

  it('an "anonymous" respondent email with no email question is a missing email', () => {
    const f = file('anon.csv', 'ID,Email,Name of your organization\n1,anonymous,Org A\n');
    const d = db();
    expect(json(runCli(['import', f, '--db', d, '--json']))).toMatchObject({ rows: 1, rejected: 1 });
    expect(json(runCli(['rejects', '--json', '--db', d]))[0].reasons).toEqual(['missing email']);
  });

  it('Google Forms: the contact email is the email and never the contact name', () => {
    const f = file('gforms.csv', [
      'Timestamp,Email Address,Name of your organization,Name of the contact person,Email of the contact person',
      '2024/01/05 10:00:00,filler@example.com,Org A,Ana Pérez,ana@example.org',
    ].join('\n'));
    const d = db();
    expect(json(runCli(['import', f, '--db', d, '--json']))).toMatchObject({ inserted: 1 });
    expect(list(d)[0]).toMatchObject({ email: 'ana@example.org', contactName: 'Ana Pérez' });
  });

  it('SurveyMonkey layout: "Organisation name" (British spelling) is the organisation', () => {
    const f = file('sm.csv', [
      'Respondent ID,Organisation name,Country,Contact email',
      ',Response,Response,Open-Ended Response',
      '1001,Org A,Chile,a@example.org',
    ].join('\n'));
    const d = db();
    const r = runCli(['import', f, '--db', d, '--json']);
    expect(r.stderr).not.toContain('error:');
    expect(json(r)).toMatchObject({ inserted: 1 });
    expect(list(d)[0]).toMatchObject({ organization: 'Org A', email: 'a@example.org' });
  });

  it('split names: Nombre + Apellidos, Prénom du contact + Nom du contact', () => {
    const es = file('es.csv', 'Nombre,Apellidos,Organización,Correo\nAna,Pérez Gómez,Org A,a@example.org\n');
    const fr = file('fr.csv', 'Prénom du contact;Nom du contact;Organisation;Courriel\nJean;Dupont;Org B;b@example.org\n');
    const d = db();
    runCli(['import', es, fr, '--db', d]);
    expect(list(d).map((a) => a.contactName).sort()).toEqual(['Ana Pérez Gómez', 'Jean Dupont']);
  });

  it('the report names the unused columns and warns about cells with several addresses without quoting them', () => {
    const f = file('fr2.csv', 'Organisation;Courriel;Note;Contact;Commentaire\nOrg A;a@example.org; b@example.org;12;Jean;x\n'.replace('a@example.org; b@example.org', '"a@example.org; b@example.org"'));
    const d = db();
    const r = runCli(['import', f, '--db', d]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('kept in the raw row, not used: Commentaire');
    expect(r.stderr).toMatch(/1 row had several e-mail addresses.*first is the contact email.*data row 1/);
    expect(r.stderr).not.toContain('b@example.org');
    const [a] = list(d);
    expect(a).toMatchObject({ email: 'a@example.org', score: 12, contactName: 'Jean' });
    const shown = runCli(['show', String(a.id), '--raw', '--db', d]);
    expect(shown.stdout).toContain('b@example.org');
  });

  it('a dry run with rejected rows does not point to skillsnet rejects', () => {
    const f = file('bad.csv', 'Organization,Email\n,x@example.org\n');
    const r = runCli(['import', f, '--db', db(), '--dry-run']);
    expect(r.stderr).toContain('would be rejected');
    expect(r.stderr).not.toContain('see them with skillsnet rejects');
  });

  it('an update that changes the text says the applications need tagging again', () => {
    const d = db();
    const v1 = file('v1.csv', 'Application ID,Organization,Email,Description\nA,Org A,a@example.org,Training young people as solar panel technicians through apprenticeships\n');
    runCli(['import', v1, '--db', d, '--call', 'c']);
    runCli(['tag', 'auto', '--db', d]);
    const tagged = json<any[]>(runCli(['list', '--json', '--db', d]))[0].categories;
    expect(tagged.length).toBeGreaterThan(0);
    const v2 = file('v2.csv', 'Application ID,Organization,Email,Description\nA,Org A,a@example.org,A coding bootcamp for women with digital skills\n');
    const r = runCli(['import', v2, '--db', d, '--call', 'c']);
    expect(r.stderr).toMatch(/1 updated application changed text .* lost its automatic categories: tag it again with skillsnet tag auto/);
    expect(json<any[]>(runCli(['list', '--json', '--db', d]))[0].categories).toEqual([]);
    expect(runCli(['tag', 'auto', '--db', d]).code).toBe(0);
    expect(json<any[]>(runCli(['list', '--json', '--db', d]))[0].categories.length).toBeGreaterThan(0);
  });
});

describe('skillsnet import: encodings', () => {
  const rows = ['Organisation;Courriel;Pays'];
  for (let i = 0; i < 20; i++) rows.push(`Société coopérative n°${i};s${i}@example.org;Côte d'Ivoire`);
  const utf8 = Buffer.from(rows.join('\n') + '\n', 'utf8');

  it('a UTF-8 file with one stray Windows-1252 byte is read as UTF-8, with a warning naming the row', () => {
    // data row 5 gets a lone 0xE9 ("é" in Windows-1252) in place of its UTF-8 form
    const text = utf8.toString('utf8').replace('Société coopérative n°4;', 'Soci\u0000t\u00e9 coopérative n°4;');
    const bytes = Buffer.from(text, 'utf8');
    const nul = bytes.indexOf(0);
    const broken = Buffer.concat([bytes.subarray(0, nul), Buffer.from([0xe9]), bytes.subarray(nul + 1)]);
    const f = file('stray.csv', broken);
    const d = db();
    const r = runCli(['import', f, '--db', d, '--json']);
    const report = json(r);
    expect(report).toMatchObject({ rows: 20, inserted: 20 });
    expect(report.files[0].encoding).toBe('utf8');
    expect(report.files[0].warnings.join('\n')).toMatch(/UTF-8 except for 1 byte sequence/);
    expect(report.files[0].warnings.join('\n')).toMatch(/1 row held bytes that could not be decoded.*\(data row 5\)/);
    const orgs = list(d).map((a) => a.organization);
    expect(orgs).toContain('Société coopérative n°0');
    expect(orgs).toContain('Soci\uFFFDté coopérative n°4');
    expect(orgs.join(' ')).not.toContain('Ã');
  });

  it('a Windows-1252 file is still read as Windows-1252', () => {
    const f = file('cp1252.csv', Buffer.from(rows.join('\r\n').replace(/[^\x00-\x7f]/g, (c) => String.fromCharCode(c.charCodeAt(0))), 'latin1'));
    const report = json(runCli(['import', f, '--db', db(), '--json']));
    expect(report.files[0].encoding).toBe('windows1252');
    expect(report.files[0].warnings).toEqual([]);
  });

  it('--encoding utf-8 on a file that is not UTF-8 warns instead of silently writing "\uFFFD"', () => {
    const f = file('forced.csv', Buffer.from(rows.join('\n'), 'latin1'));
    const r = runCli(['import', f, '--db', db(), '--encoding', 'utf-8']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*the file is not valid UTF-8.*--encoding windows-1252/);
  });
});

describe('skillsnet import: smaller fixes', () => {
  it('"N/A", "-", "none", "—" are no country; World Bank and local names resolve', () => {
    const f = file('countries.csv', [
      'Organization,Email,Country',
      'O1,o1@example.org,N/A', 'O2,o2@example.org,n/a', 'O3,o3@example.org,-', 'O4,o4@example.org,none', 'O5,o5@example.org,—',
      'O6,o6@example.org,"Congo, Dem. Rep."', 'O7,o7@example.org,Slovak Republic', 'O8,o8@example.org,Schweiz', 'O9,o9@example.org,Deutschland',
    ].join('\n'));
    const d = db();
    const r = json(runCli(['import', f, '--db', d, '--json']));
    expect(r).toMatchObject({ inserted: 9 });
    expect(r.files[0].warnings).toEqual([]);
    const byOrg = Object.fromEntries(list(d).map((a) => [a.organization, a.country]));
    expect(byOrg).toMatchObject({ O1: null, O2: null, O3: null, O4: null, O5: null, O6: 'CD', O7: 'SK', O8: 'CH', O9: 'DE' });
  });

  it('a failed first import leaves no database file behind', () => {
    const d = path.join(dir, 'never.db');
    const noColumns = file('nocols.csv', 'A,B\n1,2\n');
    expect(runCli(['import', noColumns, '--db', d]).code).toBe(1);
    expect(fs.existsSync(d)).toBe(false);
    const broken = file('broken.csv', 'Organization,Email\nOrg,a@example.org\n"Org B,b@example.org\n');
    const r = runCli(['import', broken, '--db', d]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*never closed/m);
    expect(fs.readdirSync(dir).filter((x) => x.startsWith('never.db'))).toEqual([]);
  });

  it('rejects and show number rows as data rows', () => {
    const f = file('rows.csv', 'Organization,Email\nOrg A,a@example.org\n,b@example.org\n');
    const d = db();
    runCli(['import', f, '--db', d]);
    const r = runCli(['rejects', '--db', d]);
    expect(r.stdout).toMatch(/Data row/);
    expect(json(runCli(['rejects', '--json', '--db', d]))[0].rowNumber).toBe(2);
  });
});
