/**
 * A bare "Code" ("Código") column is the application ID only when its cells tell the rows apart
 * (the fourteenth trial read a project list's "Code" as the ID): a postal code beside an address,
 * a promo code, a course code are headed so too, and rows sharing one would be taken for one
 * application, all but the last lost.
 */
import { describe, expect, it } from 'vitest';
import { bareCodeHeader, judgeColumn } from '../../../src/import/column-evidence.js';
import { accounted, caseFile, importCase, rows } from './support.js';

describe('bare code headers', () => {
  it('tells a header that is only "Code" from one that says whose code it is', () => {
    for (const h of ['Code', 'CODE', 'Código', 'codigo', 'Matrícula', 'matricula']) expect(bareCodeHeader(h), h).toBe(true);
    for (const h of ['Project code', 'Code du projet', 'Código del proyecto', 'Application ID', 'Número de matrícula']) expect(bareCodeHeader(h), h).toBe(false);
  });

  it('judges the cells: different codes say nothing against it, shared ones disagree under a bare header only', () => {
    expect(judgeColumn('externalId', ['P-001', 'P-002', 'P-003', 'P-004'], { bareCode: true }).verdict).toBe('unknown');
    const shared = ['75001', '75001', '69001', '75001'];
    expect(judgeColumn('externalId', shared, { bareCode: true })).toMatchObject({ verdict: 'disagree' });
    expect(judgeColumn('externalId', shared, { bareCode: false }).verdict).toBe('unknown');
  });

  it('keeps every row of a file whose "Code" is a promo code, and says why the column was not used', async () => {
    const promo = rows('Name,Email,Organisation,Coupon,Code', [
      'Ana Ejemplo,ana@example.org,Org Uno,yes,EARLYBIRD',
      'Li Example,li@example.org,Org Dos,yes,EARLYBIRD',
      'Jo Sample,jo@example.org,Org Tres,no,',
      'Mo Test,mo@example.org,Org Cuatro,yes,EARLYBIRD',
    ]);
    const a = await importCase(caseFile('promo.csv', promo));
    expect(accounted(a.report)).toBe(true);
    expect(a.report.inserted).toBe(4);
    expect(a.report.files[0].fields.externalId).toBeUndefined();
    expect(a.run.stderr).toMatch(/"Code" names the application ID but holds codes several rows share/);

    const projects = rows('Name,Email,Organisation,Code', [
      'Ana Ejemplo,ana@example.org,Org Uno,P-001',
      'Li Example,li@example.org,Org Dos,P-002',
      'Jo Sample,jo@example.org,Org Tres,P-003',
    ]);
    const b = await importCase(caseFile('projects.csv', projects));
    expect(b.report.files[0].fields.externalId.columns).toEqual(['Code']);
    expect(b.apps.map((x) => x.externalId).sort()).toEqual(['P-001', 'P-002', 'P-003']);
  });

  it('keeps every row of a list whose bare "Matrícula" holds an enrolment status, and takes the number where it is one', async () => {
    // (the seventeenth trial read a bare "Matrícula" as the ID: an enrolment number there, a status or fee elsewhere)
    const people = ['Ana Exemplo', 'Rui Exemplo', 'Lia Exemplo', 'Davi Exemplo', 'Bia Exemplo'];
    const list = (name: string, values: string[]) => caseFile(name, rows('Nome,Email,Organização,Matrícula', values.map((v, i) => `${people[i]},p${i}@example.org,Org ${i},${v}`)));
    const a = await importCase(list('status.csv', ['Ativa', 'Ativa', 'Trancada', 'Ativa', 'Trancada']));
    expect(accounted(a.report)).toBe(true);
    expect([a.report.inserted, a.report.updated]).toEqual([5, 0]);
    expect(a.report.files[0].fields.externalId).toBeUndefined();
    expect(a.run.stderr).toMatch(/"Matrícula" names the application ID but holds codes several rows share/);
    const b = await importCase(list('numbers.csv', ['2023100451', '2023100452', '2023100453']));
    expect(b.apps.map((x) => x.externalId).sort()).toEqual(['2023100451', '2023100452', '2023100453']);
  });
});
