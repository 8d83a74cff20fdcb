/**
 * A bare "Category" column is the applicant's skills categories only when its cells name some
 * (a seventh trial on real exports: an AI-lab directory's "Category" held kinds of organisation,
 * a staff list's "Categoría" job grades). A header that says skills is believed.
 */
import { describe, expect, it } from 'vitest';
import { bareCategoryHeader, judgeColumn } from '../../../src/import/column-evidence.js';
import { accounted, caseFile, importCase, rows } from './support.js';

describe('bare category headers', () => {
  it('tells a header that says nothing of skills from one that does', () => {
    for (const h of ['Category', 'Categories', 'Catégorie', 'Categoría', 'Tags', 'Theme', 'Domaine']) expect(bareCategoryHeader(h), h).toBe(true);
    for (const h of ['Skills category', 'Skill area', 'Domaine de compétences', 'Área de formación', 'Catégorie de l\'innovation', 'Training area']) {
      expect(bareCategoryHeader(h), h).toBe(false);
    }
  });

  it('judges the cells: skills categories in any of the three languages agree; kinds of something else disagree only under a bare header', () => {
    const skills = ['Life skills', 'Entrepreneurship; Career guidance', 'Compétences de base', 'Formación dual', 'Life skills'];
    expect(judgeColumn('selfCategories', skills, { bareCategory: true }).verdict).toBe('agree');
    const labs = ['Frontier Lab', 'Startup', 'Academic', 'Nonprofit', 'Frontier Lab'];
    expect(judgeColumn('selfCategories', labs, { bareCategory: true })).toMatchObject({ verdict: 'disagree' });
    expect(judgeColumn('selfCategories', labs, { bareCategory: false }).verdict).toBe('unknown');
  });

  it('leaves a bare "Category" of other kinds unread and says so; reads one that names skills categories', async () => {
    const other = rows('Organisation,Email,Category,Title', [
      'Lab Uno,uno@example.org,Frontier Lab,Safety evaluations',
      'Lab Dos,dos@example.org,Startup,Agents for clerks',
      'Lab Tres,tres@example.org,Academic,Alignment course',
      'Lab Cuatro,cuatro@example.org,Nonprofit,Open data',
    ]);
    const a = await importCase(caseFile('labs.csv', other));
    expect(accounted(a.report)).toBe(true);
    expect(a.report.files[0].fields.selfCategories).toBeUndefined();
    expect(a.apps.every((x) => x.selfCategories.length === 0)).toBe(true);
    expect(a.run.stderr).toMatch(/"Category" names the .* but holds categories of something else/);

    const skills = rows('Organisation,Email,Category,Title', [
      'Taller Uno,uno@example.org,Life skills,Talleres',
      'Taller Dos,dos@example.org,Entrepreneurship,Cooperativas',
      'Atelier Trois,trois@example.org,Compétences de base,Alphabétisation',
      'Hub Four,four@example.org,Frontier Lab,Solar',
    ]);
    const b = await importCase(caseFile('skills.csv', skills));
    expect(b.report.files[0].fields.selfCategories.columns).toEqual(['Category']);
    expect(b.apps.find((x) => x.organization === 'Taller Uno')!.selfCategories).toEqual(['Life skills']);
  });
});
