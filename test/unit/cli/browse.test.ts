import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication, setCategories } from '../../../src/db/applications.js';
import { run as skillsnet, tempDir, json } from '../support/run.js';
import { bufferIO } from '../../../src/cli/io.js';
import { runStats } from '../../../src/cli/stats.js';
import { runList } from '../../../src/cli/list.js';

let dbPath: string;

beforeAll(async () => {
  dbPath = path.join(tempDir(), 'browse.db');
  const db = openDatabase(dbPath, { create: true });
  const a = insertApplication(db, '2020', {
    externalId: 'SIC-1', organization: 'Taller Abierto', organizationType: 'NGO', contactName: 'Ana Ruiz',
    email: 'ana@example.org', phone: '+52 55 0000 0000', country: 'MX', region: 'Americas', language: 'es',
    title: 'Aprendices en talleres', description: 'Formación dual para jóvenes', beneficiaries: ['Youth'], score: 8.5,
  });
  const b = insertApplication(db, '2020', {
    externalId: 'SIC-2', organization: '=HYPERLINK("http://x","y")', organizationType: 'TVET institution',
    email: 'info@example.com', country: 'JO', region: 'Arab States', language: 'en', title: 'Digital badges',
    description: 'Recognition of prior learning', beneficiaries: ['Refugees', 'Women'], score: 7,
  });
  insertApplication(db, '2021', { externalId: 'SIC-3', organization: 'Atelier Nord', email: 'x@example.net', countryRaw: 'Atlantide', language: 'fr', score: null });
  setCategories(db, a, ['work-based-learning', 'training-delivery']);
  setCategories(db, b, ['recognition-of-skills']);
  db.close();
});

describe('list', () => {
  it('prints the CONTRACT shape with --json', async () => {
    const r = await skillsnet(['list', '--json', '--db', dbPath]);
    expect(r.code).toBe(0);
    const apps = json<any[]>(r);
    expect(apps).toHaveLength(3);
    expect(apps[0]).toMatchObject({
      id: expect.any(Number), externalId: 'SIC-1', call: '2020', organization: 'Taller Abierto', organizationType: 'NGO',
      contactName: 'Ana Ruiz', email: 'ana@example.org', phone: '+52 55 0000 0000', country: 'MX', region: 'Americas',
      language: 'es', beneficiaries: ['Youth'], categories: ['training-delivery', 'work-based-learning'], score: 8.5,
    });
    expect(apps[2].country).toBeNull();
    expect(apps[2].region).toBeNull();
  });

  it('filters by region, category, language, call and text', async () => {
    const ids = async (args: string[]) => json<any[]>(await skillsnet(['list', '--json', '--db', dbPath, ...args])).map((a) => a.externalId);
    expect(await ids(['--region', 'arab states'])).toEqual(['SIC-2']);
    expect(await ids(['--category', 'training-delivery'])).toEqual(['SIC-1']);
    expect(await ids(['--language', 'fr'])).toEqual(['SIC-3']);
    expect(await ids(['--call', '2021'])).toEqual(['SIC-3']);
    expect(await ids(['--search', 'PRIOR learning'])).toEqual(['SIC-2']);
    expect(await ids(['--country', 'MX'])).toEqual(['SIC-1']);
  });

  it('rejects an unknown category with a suggestion and exit 2', async () => {
    const r = await skillsnet(['list', '--category', 'life-skill', '--db', dbPath]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown category "life-skill"; did you mean "life-skills"\?/m);
  });

  it('prints tab-separated lines when piped, and neutralises formulas in --csv', async () => {
    const r = await skillsnet(['list', '--db', dbPath]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0].split('\t')[0]).toBe('ID');
    expect(lines).toHaveLength(4);
    const csv = (await skillsnet(['list', '--csv', '--db', dbPath])).stdout;
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('says what to do when the database does not exist', async () => {
    const r = await skillsnet(['list', '--db', path.join(tempDir(), 'none.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: no database at .*none\.db/m);
    expect(r.stderr).toContain('skillsnet import');
  });

  it('runs in process with --limit', async () => {
    const { io, stdout, stderr } = bufferIO();
    const shown = await runList({ dbPath, filters: {}, format: 'table', limit: 1 }, io);
    expect(shown).toHaveLength(1);
    expect(stdout()).toContain('Taller Abierto');
    expect(stderr()).toContain('3 applications (1 shown');
  });
});

describe('show', () => {
  it('shows one application with categories and source', async () => {
    const r = await skillsnet(['show', '1', '--db', dbPath]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('#1 Taller Abierto');
    expect(r.stdout).toContain('work-based-learning');
    const j = json(await skillsnet(['show', '1', '--json', '--db', dbPath]));
    expect(j.application.externalId).toBe('SIC-1');
    expect(j.tags).toHaveLength(2);
  });

  it('keeps the category names in one column when an officer removed a category', async () => {
    const own = path.join(tempDir(), 'removed.db');
    const db = openDatabase(own, { create: true });
    const id = insertApplication(db, '2020', { organization: 'Taller Abierto', email: 'ana@example.org', title: 'Aprendices', description: 'Formación dual' });
    setCategories(db, id, ['work-based-learning', 'recognition-of-skills']);
    db.close();
    expect((await skillsnet(['tag', 'remove', String(id), 'work-based-learning', '--db', own])).code).toBe(0);
    const r = await skillsnet(['show', String(id), '--db', own]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const kept = lines.find((l) => l.startsWith('  recognition-of-skills'))!;
    const removed = lines.find((l) => l.startsWith('  work-based-learning'))!;
    expect(removed).toMatch(/Work-based learning · removed by an officer$/);
    expect(removed.indexOf('Work-based learning')).toBe(kept.indexOf('Recognition of skills'));
  });

  it('exits 1 for an unknown ID and 2 for a non-number', async () => {
    expect((await skillsnet(['show', '99', '--db', dbPath])).code).toBe(1);
    const bad = await skillsnet(['show', 'abc', '--db', dbPath]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: show takes an application ID \(17\).*; that is a name or other text/m);
    expect(bad.stderr).not.toContain("abc");
  });
});

describe('stats', () => {
  it('counts by region including unknown, and adds up', async () => {
    const { io } = bufferIO();
    const r = await runStats({ dbPath, by: 'region', filters: {} }, io);
    expect(r.total).toBe(3);
    expect(r.groups.reduce((s, g) => s + g.count, 0)).toBe(3);
    expect(r.groups).toContainEqual({ value: null, count: 1 });
  });

  it('counts categories with an untagged group via the CLI', async () => {
    const j = json(await skillsnet(['stats', '--by', 'category', '--json', '--db', dbPath]));
    expect(j.groups).toEqual(
      expect.arrayContaining([
        { value: 'work-based-learning', count: 1 },
        { value: 'training-delivery', count: 1 },
        { value: 'recognition-of-skills', count: 1 },
        { value: null, count: 1 },
      ]),
    );
  });

  it('refuses an unknown dimension with exit 2', async () => {
    const r = await skillsnet(['stats', '--by', 'planet', '--db', dbPath]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: option '--by <dimension>' argument 'planet' is invalid/);
  });
});

describe('list after reviewers scored', () => {
  it('shows the reviewers\' combined score beside the file\'s own, in the table and in --json', async () => {
    const fs = (await import('node:fs')).default;
    const { importedCall, threeApplications } = await import('../support/run.js');
    const { dir, sk } = await importedCall(threeApplications(['6', '7', '']));
    fs.writeFileSync(path.join(dir, 'jury.csv'), 'Email,Reviewer,Score\nana@example.org,Rita,9\nawa@example.net,Rita,5\nana@example.org,Omar,8\nawa@example.net,Omar,6\n');
    expect((await sk('scores', 'import', 'jury.csv', '--scale', '0-10')).code).toBe(0);
    const rows = json(await sk('list', '--json'));
    expect(rows.map((a: any) => a.score)).toEqual([6, 7, null]);
    expect(rows[0].reviewersScore).toBeGreaterThan(rows[1].reviewersScore);
    expect(rows[2].reviewersScore).toBeNull();
    const table = await sk('list');
    const lines = table.stdout.split('\n').filter(Boolean);
    expect(lines[0].split('\t')).toEqual(['ID', 'Organisation', 'Call', 'Country', 'Region', 'Lang', 'Categories', 'Score', 'Reviewers']);
    expect(lines[1].split('\t')[8]).toBe(String(Number(rows[0].reviewersScore.toFixed(2))));
    expect(lines[3].split('\t')[8]).toBe('');
    expect(table.stderr).toMatch(/\. Reviewers: the reviewers' combined score \(0-10\), which select ranks by\n/);
  });

  it('has no Reviewers column when nobody scored', async () => {
    const r = await skillsnet(['list', '--db', dbPath]);
    expect(r.stdout.split('\n')[0]).not.toContain('Reviewers');
  });
});

describe('stats --quiet', () => {
  it('keeps the table on stdout and leaves out the count line on stderr, as every status line', async () => {
    const loud = await skillsnet(['stats', '--db', dbPath]);
    expect(loud.stderr).toMatch(/^3 applications/m);
    const quiet = await skillsnet(['stats', '--quiet', '--db', dbPath]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe(loud.stdout);
    expect(quiet.stderr).toBe('');
  });
});
