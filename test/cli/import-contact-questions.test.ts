/** End-to-end: compound questions and other people's addresses in real-looking form exports. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from '../helpers.js';

const dir = tempDir('skillsnet-contactq-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
function importCsv(content: string): { report: any; apps: any[]; rejects: any[] } {
  const f = path.join(dir, `${++n}.csv`);
  fs.writeFileSync(f, content);
  const db = path.join(dir, `${n}.db`);
  const run = runCli(['--db', db, 'import', f, '--call', 'c', '--json']);
  expect(run.code, run.stderr).toBe(0);
  return {
    report: json(run),
    apps: json<any[]>(runCli(['--db', db, 'list', '--json'])),
    rejects: json<any[]>(runCli(['--db', db, 'rejects', '--json'])),
  };
}

describe('import: a name-and-position question', () => {
  it('is the contact name, and the project title stays the title', () => {
    const { apps } = importCsv('Organisation,Email,Country,Name and position of the contact person,Project title\n'
      + 'Acme,a@example.org,Kenya,"Ana Ruiz, Director",Apprenticeships for youth\n');
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ contactName: 'Ana Ruiz, Director', title: 'Apprenticeships for youth' });
  });

  it('"Full name and job title" is the contact name, never the title', () => {
    const { apps } = importCsv('Organisation,Email,Country,Full name and job title,Description\n'
      + 'Beta,b@example.org,Peru,"Bob Roe, Programme Officer",Digital skills\n');
    expect(apps[0]).toMatchObject({ contactName: 'Bob Roe, Programme Officer', title: null });
  });

  it('French and Spanish wordings too', () => {
    const fr = importCsv('Organisation,Courriel,Pays,Nom et fonction du responsable\nGamma,g@example.org,Sénégal,"Awa Ndiaye, coordinatrice"\n');
    expect(fr.apps[0].contactName).toBe('Awa Ndiaye, coordinatrice');
    const es = importCsv('Organización,Correo,País,Nombre y cargo de la persona de contacto\nDelta,d@example.org,Chile,"Luis Soto, gerente"\n');
    expect(es.apps[0].contactName).toBe('Luis Soto, gerente');
  });
});

describe('import: a beneficiaries question that also asks how many', () => {
  it('keeps the groups, in every language, and never stores them as the organisation type', () => {
    const { apps } = importCsv('Organisation,Email,Country,Target group (number and type)\nAcme,a@example.org,Kenya,"Youth, Women"\n');
    expect(apps[0].beneficiaries).toEqual(['Youth', 'Women']);
    expect(apps[0].organizationType).toBeNull();
    const fr = importCsv('Organisation,Courriel,Pays,Qui sont vos bénéficiaires et combien ?,Nombre de bénéficiaires\n'
      + 'Gamma,g@example.org,Sénégal,Jeunes,300\n');
    expect(fr.apps[0].beneficiaries).toEqual(['Youth']);
    const es = importCsv('Organización,Correo,País,¿Quiénes son los beneficiarios y cuántos?\nDelta,d@example.org,Chile,Mujeres\n');
    expect(es.apps[0].beneficiaries).toEqual(['Women']);
  });
});

describe('import: a third party\'s email is never the applicant\'s', () => {
  it('a row whose contact email is blank is rejected, not filed under the partner\'s address', () => {
    const { report, apps, rejects } = importCsv('Organisation,Contact email,Country,Project title,Email of the partner organisation\n'
      + 'Acme,,Kenya,Apprenticeships,partner@example.com\nBeta,b@example.org,Peru,Digital,p2@example.com\n');
    expect(report).toMatchObject({ rows: 2, inserted: 1, rejected: 1 });
    expect(apps.map((a) => [a.organization, a.email])).toEqual([['Beta', 'b@example.org']]);
    expect(rejects[0].reasons).toEqual(['missing email']);
  });

  it('French and Spanish referees and partners too', () => {
    const fr = importCsv('Organisation,Courriel,Pays,Courriel du référent\nGamma,,Sénégal,ref@example.net\n');
    expect(fr.report).toMatchObject({ rows: 1, rejected: 1 });
    const es = importCsv('Organización,Correo electrónico,País,Correo electrónico del socio\nDelta,,Chile,socio@example.net\n');
    expect(es.report).toMatchObject({ rows: 1, rejected: 1 });
  });

  it('a second question for the applicant\'s own address still fills a blank first one', () => {
    const { apps } = importCsv('Organización,Correo electrónico,Correo electrónico del responsable del proyecto\n'
      + 'Delta,anonymous,lead@example.org\n');
    expect(apps.map((a) => a.email)).toEqual(['lead@example.org']);
  });
});
