import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, run as skillsnet, tempDir } from '../support/run.js';
import { exportFixture, FORMULA_NAMES } from '../export/fixture.js';

let fx: ReturnType<typeof exportFixture>;
beforeAll(() => { fx = exportFixture(); });

/** The data a map file embeds. */
function embedded(file: string) {
  const html = fs.readFileSync(file, 'utf8');
  return JSON.parse(html.match(/<script type="application\/json" id="skillsnet-map-data">([\s\S]*?)<\/script>/)![1]);
}

const NO_LOCALE = { LANG: '', LC_ALL: '', LC_MESSAGES: '' };

describe('skillsnet export map (built CLI)', async () => {
  it('writes one HTML file 0600, prints the summary with --json, and refuses to overwrite without --force', async () => {
    const dir = tempDir();
    const run = await skillsnet(['export', 'map', '--all-calls', '--out', 'network.html', '--json', '--db', fx.dbPath], { cwd: dir, env: NO_LOCALE });
    expect(run.code, run.stderr).toBe(0);
    const summary = json(run);
    const file = path.join(dir, 'network.html');
    expect(summary).toMatchObject({ export: 'map', format: 'html', file, files: [file], nodes: 24, bytes: fs.statSync(file).size });
    expect(summary.counts).toMatchObject({ organizations: 10, applications: 11, coreGroup: 2 });
    expect(summary.edges).toBe(summary.counts.connections);
    expect(run.stderr).toMatch(/Wrote a map of 10 organisations \(from 11 applications\), 9 skills categories and 5 regions, \d+ connections \(\d+ peer links, at most 3 per organisation\); \d+ KB to network\.html\./);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const page = embedded(file);
    expect(page.lang).toBe('en');
    expect(page.nodes).toHaveLength(24);
    expect(page.edges).toHaveLength(summary.edges);
    // The Kumu IDs: the same organisation is "org-<its first application>" in both exports.
    expect(page.nodes.find((n: { id: string }) => n.id === `org-${fx.ids.taller}`).label).toBe('Taller Abierto');
    // Formula-like names are text in a web page: shown as typed, not neutralised with a quote.
    expect(page.nodes.map((n: { label: string }) => n.label)).toContain(FORMULA_NAMES[1]);

    const before = fs.readFileSync(file);
    const again = await skillsnet(['export', 'map', '--all-calls', '--region', 'Africa', '--out', 'network.html', '--db', fx.dbPath], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error: .*network\.html already exists\n  add --force to replace it/m);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const forced = await skillsnet(['export', 'map', '--all-calls', '--region', 'Africa', '--out', 'network.html', '--force', '--json', '--db', fx.dbPath], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(json(forced).counts.organizations).toBe(2);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('holds emails and phones only with --with-contact-details, and warns when it does', async () => {
    const dir = tempDir();
    const plain = await skillsnet(['export', 'map', '--all-calls', '--out', 'plain.html', '--db', fx.dbPath], { cwd: dir });
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).not.toMatch(/warning/);
    const plainHtml = fs.readFileSync(path.join(dir, 'plain.html'), 'utf8');
    expect(plainHtml).not.toMatch(/@example\.(org|com|net)|\+52 55/);
    expect(plainHtml).toContain('Ana María Ruiz'); // the contact person is on the card either way

    const withDetails = await skillsnet(['export', 'map', '--all-calls', '--with-contact-details', '--out', 'contacts.html', '--db', fx.dbPath], { cwd: dir });
    expect(withDetails.code, withDetails.stderr).toBe(0);
    expect(withDetails.stderr).toMatch(/^warning: the map includes email addresses and phone numbers\./m);
    const page = embedded(path.join(dir, 'contacts.html'));
    expect(page.withContactDetails).toBe(true);
    expect(page.nodes.find((n: { id: string }) => n.id === `org-${fx.ids.taller}`)).toMatchObject({ emails: ['ana@example.org', 'otro@example.org'], phones: ['+52 55 0000 0000'] });
  });

  it('writes the page in --lang, else in the language of the locale, else English', async () => {
    const dir = tempDir();
    const lang = async (args: string[], env: NodeJS.ProcessEnv) => {
      const out = `m${Math.random().toString(36).slice(2)}.html`;
      const r = await skillsnet(['export', 'map', '--all-calls', ...args, '--out', out, '--db', fx.dbPath], { cwd: dir, env: { ...NO_LOCALE, ...env } });
      expect(r.code, r.stderr).toBe(0);
      return embedded(path.join(dir, out)).lang;
    };
    expect(await lang([], {})).toBe('en');
    expect(await lang([], { LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(await lang([], { LANG: 'fr_FR.UTF-8', LC_ALL: 'es_ES.UTF-8' })).toBe('es');
    expect(await lang(['--lang', 'es'], { LANG: 'fr_FR.UTF-8' })).toBe('es');
    const wrong = await skillsnet(['export', 'map', '--all-calls', '--lang', 'de', '--out', 'x.html', '--db', fx.dbPath], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^error: .*--lang.*de/m);
  });

  it('writes nothing on --dry-run, and says what it would write', async () => {
    const dir = tempDir();
    const run = await skillsnet(['export', 'map', '--all-calls', '--dry-run', '--json', '--out', 'network.html', '--db', fx.dbPath], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toMatchObject({ dryRun: true, file: null, files: [], nodes: 24 });
    expect(run.stderr).toMatch(/Dry run: would write a map of 10 organisations/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('marks the Core Group from --roster, can leave peer links out, and keeps only members with --members-only', async () => {
    const dir = tempDir();
    const run = await skillsnet(['export', 'map', '--all-calls', '--roster', 'core-2020', '--members-only', '--peer-links', '0', '--json', '--out', 'core.html', '--db', fx.dbPath], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const summary = json(run);
    expect(summary.counts).toMatchObject({ organizations: 2, coreGroup: 2, peerLinks: 0 });
    const page = embedded(path.join(dir, 'core.html'));
    expect(page.nodes.filter((n: { kind: string; coreGroup?: boolean }) => n.kind === 'organization').every((n: { coreGroup: boolean }) => n.coreGroup)).toBe(true);
  });

  it("says how many of the roster's organisations are drawn and how many marked Core Group, when one declined (kumu, map, graphml)", async () => {
    const dir = tempDir();
    const db = path.join(dir, 'copy.db');
    fs.copyFileSync(fx.dbPath, db);
    const sk = (args: string[]) => skillsnet([...args, '--db', db], { cwd: dir, env: NO_LOCALE });
    expect((await sk(['roster', 'accept', 'core-2020'])).code).toBe(0);
    const seats = json(await sk(['members', '--role', 'core-group', '--json']));
    expect(seats).toHaveLength(2);
    expect((await sk(['member', 'set', `member-${seats[0].id}`, '--status', 'declined'])).code).toBe(0);
    for (const [kind, out] of [['map', 'core.html'], ['kumu', 'core.xlsx'], ['graphml', 'core.graphml']]) {
      const r = await sk(['export', kind, '--all-calls', '--roster', 'core-2020', '--members-only', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr, kind).toMatch(/^Only the organisations of roster "core-2020": 2, 1 of them marked Core Group \(1 declined, withdrew or became alumni\)$/m);
      expect(r.stderr).not.toMatch(/the only ones|coreGroup:/);
    }
    const all = await sk(['export', 'graphml', '--all-calls', '--roster', 'core-2020', '--out', 'all.graphml']);
    expect(all.stderr).toMatch(/^Core Group: 1 of the 10 organisations \(roster "core-2020"\)$/m);
  });

  it('refuses wrong usage with one error line and exit 2', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'folder'));
    fs.mkdirSync(path.join(dir, 'my maps'));
    const cases: [string[], RegExp][] = [
      [['--out', 'folder'], /^error: folder is a folder\n  give a file name, e\.g\. --out folder\/network\.html/m],
      // (the example is pasted: a folder with a space is quoted)
      [['--out', 'my maps'], /^error: my maps is a folder\n  give a file name, e\.g\. --out "my maps\/network\.html"\n$/],
      [['--format', 'csv', '--out', 'x.csv'], /^error: .*--format.*csv/m],
      [['--json', '--out', '-'], /^error: --json prints a summary on stdout/m],
      [['--region', 'Narnia', '--out', 'x.html'], /^error: unknown region "Narnia"/m],
      [['--peer-links', 'lots', '--out', 'x.html'], /^error: --peer-links takes a number/m],
    ];
    for (const [args, message] of cases) {
      const r = await skillsnet(['export', 'map', '--all-calls', ...args, '--db', fx.dbPath], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['folder', 'my maps']);
  });

  it('writes the page to stdout with --out -, and warns when the file name does not end in .html', async () => {
    const dir = tempDir();
    const run = await skillsnet(['export', 'map', '--all-calls', '--out', '-', '--db', fx.dbPath], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>/);
    const odd = await skillsnet(['export', 'map', '--all-calls', '--out', 'network.txt', '--db', fx.dbPath], { cwd: dir });
    expect(odd.code).toBe(0);
    expect(odd.stderr).toMatch(/warning: --out network\.txt does not end in \.html/);
  });
});

describe('export map counts organisations and people apart', () => {
  it('a member in their own right (ILO staff) is a person, not an organisation, in --json and in the summary', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    fs.writeFileSync(path.join(dir, 'a.csv'), 'Organization,Contact name,Email,Country,Title\nTaller Abierto,Ana Ejemplo,ana@example.org,Mexico,Oficios\nAtelier Vert,Awa Exemple,awa@example.org,Senegal,Métiers\n');
    expect((await skillsnet(['--db', db, 'import', 'a.csv', '--call', '2020'], { cwd: dir })).code).toBe(0);
    expect((await skillsnet(['--db', db, 'member', 'add', '--organization', 'ILO', '--name', 'Rosa Muestra', '--role', 'ilo'], { cwd: dir })).code).toBe(0);
    const r = await skillsnet(['--db', db, 'export', 'map', '--out', 'map.html', '--json'], { cwd: dir, env: NO_LOCALE });
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).counts).toMatchObject({ organizations: 2, persons: 1 });
    expect(r.stderr).toMatch(/a map of 2 organisations \(from 2 applications\) and 1 person,/);
    const withPeople = await skillsnet(['--db', db, 'export', 'map', '--with-people', '--out', 'people.html', '--json'], { cwd: dir, env: NO_LOCALE });
    expect(json(withPeople).counts).toMatchObject({ organizations: 2, persons: 3 });
    const kumu = await skillsnet(['--db', db, 'export', 'kumu', '--out', 'map.xlsx'], { cwd: dir });
    expect(kumu.stderr).toMatch(/\(2 organisations from 2 applications, 1 person,/);
  });
});
