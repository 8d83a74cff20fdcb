import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication } from '../../../src/db/applications.js';
import { tagsOf } from '../../../src/db/tags.js';
import { json, run as skillsnet, tempDir } from '../support/run.js';

let dbPath: string;

const APPLICATIONS = [
  { externalId: 'T-1', language: 'en', title: 'Apprenticeships for young women in rural areas', description: 'Young women from rural villages train as apprentices with master craftsmen and pass a national trade test.', beneficiaries: ['Women', 'Rural workers'], selfCategories: ['Apprenticeships and work-based learning'] },
  { externalId: 'T-2', language: 'fr', title: 'Plateforme de formation en ligne', description: "Des cours en ligne, des vidéos et des classes virtuelles pour les apprenants des centres de formation.", selfCategories: ['Prestation de formation'] },
  { externalId: 'T-3', language: 'es', title: 'Emprendedoras rurales', description: 'Programa de emprendimiento para mujeres: planes de negocio y capital semilla.' },
  { externalId: 'T-4', language: 'en', title: 'Community radio', description: 'A weekly show.' },
];

beforeEach(async () => {
  dbPath = path.join(tempDir(), 'tag.db');
  const db = openDatabase(dbPath, { create: true });
  APPLICATIONS.forEach((a, i) => insertApplication(db, '2020', { organization: `Org ${i + 1}`, ...a }));
  db.close();
});

const cli = async (...args: string[]) => await skillsnet([...args, '--db', dbPath]);
const stored = (id: number) => {
  const db = openDatabase(dbPath);
  try {
    return tagsOf(db, id);
  } finally {
    db.close();
  }
};

describe('skillsnet categories', () => {
  it('lists the nine categories with counts, and the original taxonomy', async () => {
    const r = await cli('categories', '--json');
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.categories).toHaveLength(9);
    expect(out.categories[0]).toMatchObject({ code: 'work-based-learning', applications: 0, name: { fr: expect.any(String), es: expect.any(String) } });
    expect(out.original).toHaveLength(8);
    expect(out.original.find((o: any) => o.code === 'career-entrepreneurship-employment').revised).toEqual(['career-guidance', 'entrepreneurship']);
    expect(out).toMatchObject({ total: 4, untagged: 4 });
    const table = await cli('categories', '--original');
    expect(table.stdout).toMatch(/Sectoral approach\tskills-ecosystem/);
  });

  it('works before any database exists', async () => {
    const r = await skillsnet(['categories', '--db', path.join(tempDir(), 'none.db')]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/^work-based-learning\tWork-based learning\t0\t0$/);
    expect(r.stderr).toMatch(/No database/);
  });
});

describe('skillsnet tag auto', () => {
  it('shows what it would do with --dry-run and writes nothing', async () => {
    const r = await cli('tag', 'auto', '--dry-run', '--json');
    expect(r.code).toBe(0);
    const s = json(r);
    expect(s).toMatchObject({ dryRun: true, considered: 4 });
    expect(s.changes.find((c: any) => c.id === 1).added).toContain('work-based-learning');
    expect(stored(1)).toEqual([]);
  });

  it('tags, stores source, confidence and evidence, and then only touches untagged applications', async () => {
    const r = await cli('tag', 'auto', '--json');
    expect(r.code).toBe(0);
    const s = json(r);
    expect(s).toMatchObject({ considered: 4, dryRun: false });
    expect(s.tagged).toBeGreaterThanOrEqual(3);
    expect(s.perCategory['entrepreneurship']).toBe(1);
    const tags = stored(1);
    const wbl = tags.find((t) => t.category === 'work-based-learning')!;
    expect(wbl).toMatchObject({ source: 'applicant', state: 'on' });
    expect(wbl.confidence).toBeGreaterThan(0.5);
    expect(wbl.evidence).toContainEqual(expect.objectContaining({ kind: 'term', term: 'apprenticeship' }));
    expect(stored(3).find((t) => t.category === 'entrepreneurship')?.source).toBe('auto');
    const again = json(await cli('tag', 'auto', '--json'));
    expect(again.considered).toBe(4 - s.tagged);
    expect(again.tagsAdded).toBe(0);
  });

  it('never overrides an officer: added and removed categories stay as they were left', async () => {
    expect((await cli('tag', 'auto')).code).toBe(0);
    expect((await cli('tag', 'remove', '1', 'work-based-learning')).code).toBe(0);
    expect((await cli('tag', 'add', '1', 'life-skills')).code).toBe(0);
    const s = json(await cli('tag', 'auto', '--all', '--json'));
    expect(s.officerKept).toBeGreaterThanOrEqual(2);
    const tags = stored(1);
    expect(tags.find((t) => t.category === 'work-based-learning')).toMatchObject({ source: 'officer', state: 'removed' });
    expect(tags.find((t) => t.category === 'life-skills')).toMatchObject({ source: 'officer', state: 'on' });
    const list = json(await cli('list', '--json'));
    expect(list[0].categories).toContain('life-skills');
    expect(list[0].categories).not.toContain('work-based-learning');
  });

  it('takes filters and a threshold, and rejects a bad threshold', async () => {
    const s = json(await cli('tag', 'auto', '--language', 'es', '--json'));
    expect(s.considered).toBe(1);
    const strict = json(await cli('tag', 'auto', '--all', '--threshold', '0.99', '--dry-run', '--json'));
    expect(strict.threshold).toBe(0.99);
    const bad = await cli('tag', 'auto', '--threshold', '5');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --threshold must be between 0 and 1/m);
  });

  it('prints counts per category on stdout and a summary on stderr', async () => {
    const r = await cli('tag', 'auto');
    expect(r.stdout.split('\n')[0]).toBe('Code\tCategory\tApplications');
    expect(r.stdout).toMatch(/^entrepreneurship\tEntrepreneurship\t1$/m);
    expect(r.stderr).toMatch(/4 applications considered/);
  });
});

describe('skillsnet tag add / remove', () => {
  it('validates codes and suggests the nearest on a typo', async () => {
    const r = await cli('tag', 'add', '1', 'life-skils');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown category code "life-skils"; did you mean "life-skills"\?/m);
    expect(stored(1)).toEqual([]);
  });

  it('says when the application does not exist', async () => {
    const r = await cli('tag', 'add', '99', 'life-skills');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: no application with ID 99/m);
    expect((await cli('tag', 'add', 'x', 'life-skills')).code).toBe(2);
  });

  it('adds and removes several codes, with JSON', async () => {
    const add = json(await cli('tag', 'add', '2', 'life-skills', 'research-data', '--json'));
    expect(add).toEqual({ id: 2, added: ['life-skills', 'research-data'], removed: [], unchanged: [], categories: ['life-skills', 'research-data'] });
    const rm = json(await cli('tag', 'remove', '2', 'research-data', '--json'));
    expect(rm.categories).toEqual(['life-skills']);
    expect(rm.removed).toEqual(['research-data']);
  });

  it('says when a category was already there, or not there', async () => {
    await cli('tag', 'add', '2', 'life-skills');
    const again = await cli('tag', 'add', '2', 'life-skills', 'research-data');
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/added research-data; life-skills was already there/);
    expect(again.stderr).not.toMatch(/added life-skills/);
    const absent = await cli('tag', 'remove', '2', 'entrepreneurship');
    expect(absent.stderr).toMatch(/entrepreneurship was not there/);
    expect(absent.stderr).not.toMatch(/removed entrepreneurship/);
    const j = json(await cli('tag', 'remove', '2', 'entrepreneurship', 'life-skills', '--json'));
    expect(j).toMatchObject({ removed: ['life-skills'], unchanged: ['entrepreneurship'] });
  });
});

describe('skillsnet tag explain', () => {
  it('shows the words, the applicant\'s choice and the stored tags', async () => {
    await cli('tag', 'auto');
    const r = await cli('tag', 'explain', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/"apprenticeship" in title/);
    expect(r.stdout).toMatch(/applicant chose "Apprenticeships and work-based learning"/);
    // Before any officer review, the model of the shipped examples is part of the evidence.
    expect(r.stderr + r.stdout).toMatch(/model of the \d+ examples shipped with skillsnet/);
    expect(r.stdout).toMatch(/learned from the examples shipped with skillsnet: \d+%/);
    const j = json(await cli('tag', 'explain', '1', '--json'));
    expect(j.stored.map((t: any) => t.category)).toContain('work-based-learning');
    expect(j.analysis[0]).toMatchObject({ category: expect.any(String), confidence: expect.any(Number), selected: true });
  });

  it('says a Portuguese application is read with the Spanish term lists, not that it is Spanish', async () => {
    const db = openDatabase(dbPath);
    insertApplication(db, '2020', { organization: 'Org 5', externalId: 'T-5', language: 'pt', title: 'Formação profissional digital', description: 'Cursos de programação para jovens das periferias, em parceria com empresas.' });
    db.close();
    const r = await cli('tag', 'explain', '5');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Read as Spanish \(recorded as Portuguese; term lists exist in English, French and Spanish only\)/);
    expect(json(await cli('tag', 'explain', '5', '--json'))).toMatchObject({ language: 'es', recordedLanguage: 'pt' });
    // An application in a language with its own term lists says nothing more.
    expect((await cli('tag', 'explain', '3')).stdout).toMatch(/Read as Spanish; threshold/);
    expect(json(await cli('tag', 'explain', '3', '--json'))).not.toHaveProperty('recordedLanguage');
  });

  it('on a narrow terminal wraps its lines at words, and keeps how each stored tag came in one column', async () => {
    await cli('tag', 'auto');
    await cli('tag', 'add', '1', 'life-skills');
    const { bufferIO } = await import('../../../src/cli/io.js');
    const { runTagExplain } = await import('../../../src/cli/tag.js');
    const narrow = bufferIO({ tty: true, columns: 50 });
    await runTagExplain({ dbPath, id: 1 }, narrow.io);
    const lines = narrow.stdout().split('\n');
    expect(Math.max(...lines.map((l) => [...l].length)), narrow.stdout()).toBeLessThanOrEqual(50);
    // a long line of evidence goes on under itself, deeper
    expect(narrow.stdout()).toMatch(/^ {6}learned from the examples shipped with\n {8}\S/m);
    const stored = lines.slice(lines.indexOf('Categories now') + 1, lines.indexOf('', lines.indexOf('Categories now'))).filter((l) => /^ {2}[a-z]/.test(l));
    expect(stored.length).toBeGreaterThan(1);
    expect(new Set(stored.map((l) => /^ {2}[a-z-]+ +/.exec(l)![0].length)).size).toBe(1);
  });
});

describe('skillsnet tag review', () => {
  it('refuses clearly without a terminal', async () => {
    const r = await cli('tag', 'review');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: tag review asks questions, so it needs a terminal/m);
  });
});

describe('skillsnet tag evaluate', () => {
  it('prints the CONTRACT JSON and writes nothing', async () => {
    const dir = tempDir();
    const gold = path.join(dir, 'gold.csv');
    fs.writeFileSync(gold, 'title,description,language,categories\n' +
      'Apprenticeships in garages,Apprentices learn with master craftsmen in garages.,en,work-based-learning\n' +
      'Orientation professionnelle,"Des conseillers d\'orientation et un service public de l\'emploi.",fr,career-guidance\n');
    const r = await skillsnet(['tag', 'evaluate', gold, '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const e = json(r);
    expect(e).toMatchObject({ documents: 2, micro: { precision: expect.any(Number), recall: expect.any(Number), f1: expect.any(Number) } });
    expect(e.perCategory['work-based-learning']).toMatchObject({ support: 1, precision: expect.any(Number), recall: 1, f1: expect.any(Number) });
    expect(e.macro.f1).toBeGreaterThan(0);
    expect(fs.readdirSync(dir)).toEqual(['gold.csv']);
    const relative = await skillsnet(['tag', 'evaluate', 'gold.csv'], { cwd: dir });
    expect(relative.stdout).toMatch(/^micro average\t/m);
  });

  it('fails with one line for a missing file or an unknown code', async () => {
    const missing = await skillsnet(['tag', 'evaluate', 'nope.csv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: cannot read .*nope.csv: no such file/m);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'g.csv'), 'title,description,language,categories\nA,B,en,life-skils\n');
    const bad = await skillsnet(['tag', 'evaluate', 'g.csv'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/row 1: unknown category "life-skils"; did you mean "life-skills"\?/);
  });
});
