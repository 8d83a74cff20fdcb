/**
 * CONTRACT.md's surface as an outside acceptance script drives it: the built CLI spawned off a
 * terminal over a fresh database. Global options before or after the command name on subcommands
 * too (--json included), `export roster --roster NAME` as on the other exports, and a refused
 * import under --json naming every file in files[].
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, json, runCli, tempDir } from './support/cli.js';
import { exportFixture } from './support/export-fixture.js';

let fx: ReturnType<typeof exportFixture>;
let event: number;
beforeAll(() => {
  fx = exportFixture();
  const added = runCli(['--db', fx.dbPath, 'event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2026-03-27 15:00', '--tz', 'Europe/Zurich', '--json']);
  event = json(added).id;
});

describe('global options before or after the command name, on subcommands too', () => {
  const GLOBALS = ['--no-color', '--quiet', '--debug', '--yes'];
  const COMMANDS: (() => string[])[] = [
    () => ['tag', 'auto', '--dry-run', '--all-calls'],
    () => ['event', 'show', String(event)],
    () => ['member', 'set', 'member-1', '--status', 'active', '--dry-run'],
    () => ['export', 'map', '--all-calls', '--out', path.join(tempDir(), 'map.html')],
  ];
  it.each(COMMANDS.map((c, i) => [i, c]))('command %i: --db and every global option before, then after', (_, command) => {
    for (const where of ['before', 'after']) {
      const args = command();
      const r = runCli(where === 'before' ? ['--db', fx.dbPath, ...GLOBALS, ...args] : [...args, '--db', fx.dbPath, ...GLOBALS]);
      expect({ args, where, code: r.code, stderr: r.stderr }).toMatchObject({ code: 0 });
    }
  });

  it('--json before the command name prints the command\'s JSON document', () => {
    const before = runCli(['--json', '--db', fx.dbPath, 'event', 'show', String(event)]);
    expect(before.code).toBe(0);
    expect(json(before)).toMatchObject({ id: event, kind: 'clinic', timeZone: 'Europe/Zurich' });
    const after = runCli(['--db', fx.dbPath, 'event', 'show', String(event), '--json']);
    expect(json(after)).toEqual(json(before));
  });
});

describe('export roster takes --roster NAME like every other export', () => {
  it('writes the roster named by --roster', () => {
    const out = path.join(tempDir(), 'core.json');
    const r = runCli(['--db', fx.dbPath, 'export', 'roster', '--roster', 'core-2020', '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({ name: 'core-2020' });
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });
});

describe('a refused import under --json', () => {
  it('names each file given in files[], one that could not be read too (exit 1, one document)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'ok.csv'), 'Organisation,Courriel\nAcme,a@example.org\n');
    const r = runCli(['--db', path.join(dir, 'new.db'), 'import', 'ok.csv', 'absent.csv', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(json(r).files).toEqual([
      { file: 'ok.csv', columns: { organization: ['Organisation'], email: ['Courriel'] }, unmappedColumns: [] },
      { file: 'absent.csv', columns: {}, unmappedColumns: [] },
    ]);
    expect(r.stderr).toMatch(/^error: cannot read absent\.csv/);
    expect(fs.existsSync(path.join(dir, 'new.db'))).toBe(false);
  });
});

describe('export kumu --format json: the organisation fields CONTRACT.md names', () => {
  const FIELDS = ['label', 'type', 'description', 'tags', 'Country', 'Region', 'Language', 'Organization Type', 'Beneficiaries', 'Contact Person', 'URL', 'Core Group'];
  it('are on every organisation element, a blank one as "" (as the XLSX cell), without emails or phones unless asked', () => {
    const out = path.join(tempDir(), 'map.json');
    const r = runCli(['--db', fx.dbPath, 'export', 'kumu', '--all-calls', '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    const map = JSON.parse(fs.readFileSync(out, 'utf8'));
    const organisations = map.elements.filter((e: { type: string }) => e.type === 'Organization');
    expect(organisations.length).toBeGreaterThan(1);
    for (const o of organisations) expect({ id: o.id, missing: FIELDS.filter((f) => !(f in o)) }).toEqual({ id: o.id, missing: [] });
    expect(organisations.some((o: { URL: string }) => o.URL === '')).toBe(true);
    expect(JSON.stringify(map)).not.toMatch(/@example\./);
  });
});

describe('list --json: the keys and types CONTRACT.md gives', () => {
  const REGIONS = ['Africa', 'Americas', 'Arab States', 'Asia and the Pacific', 'Europe and Central Asia'];
  const STRINGS = ['externalId', 'call', 'organization', 'organizationType', 'contactName', 'email', 'phone', 'title', 'description'];
  it('numbers as numbers, lists as arrays, codes as codes, the last row of a file winning and a second import all unchanged', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'calls.csv'), [
      'Application ID,Organisation,Email,Country,Language,Title,Description,Beneficiaries,Score',
      'A1,Taller Uno,uno@example.org,Mexico,Spanish,Aprendizaje,Formamos jóvenes aprendices,Youth;Women,8.5',
      'A2,Atelier Deux,deux@example.org,Sénégal,fr,Compétences,Compétences de vie pour migrants,Migrants,7',
      'A1,Taller Uno,uno@example.org,Mexico,Spanish,Aprendizaje dual,Formamos jóvenes aprendices en empresas,Youth,9',
      'A3,,,Kenya,en,No contact,Nothing,,',
    ].join('\n') + '\n');
    const db = path.join(dir, 'c.db');
    const first = runCli(['--db', db, 'import', 'calls.csv', '--call', '2020', '--json'], { cwd: dir });
    expect(first.code).toBe(0);
    const counts = (j: any) => ({ rows: j.rows, inserted: j.inserted, updated: j.updated, unchanged: j.unchanged, rejected: j.rejected });
    expect(counts(json(first))).toEqual({ rows: 4, inserted: 2, updated: 1, unchanged: 0, rejected: 1 });
    expect(counts(json(first).files[0])).toEqual(counts(json(first)));
    expect(counts(json(runCli(['--db', db, 'import', 'calls.csv', '--call', '2020', '--json'], { cwd: dir })))).toEqual({ rows: 4, inserted: 0, updated: 0, unchanged: 3, rejected: 1 });
    const list = json(runCli(['--db', db, 'list', '--json']));
    expect(list).toHaveLength(2);
    for (const a of list) {
      expect(typeof a.id).toBe('number');
      for (const k of STRINGS) expect({ k, type: a[k] === null ? 'null' : typeof a[k] }).toMatchObject({ k, type: expect.stringMatching(/^(string|null)$/) });
      expect(a.country).toMatch(/^[A-Z]{2}$/);
      expect(REGIONS).toContain(a.region);
      expect(a.language).toMatch(/^[a-z]{2}$/);
      expect(Array.isArray(a.beneficiaries) && Array.isArray(a.categories)).toBe(true);
      expect(typeof a.score).toBe('number');
    }
    expect(list.map((a: any) => [a.externalId, a.call, a.country, a.region, a.language, a.beneficiaries, a.score, a.title])).toEqual([
      ['A1', '2020', 'MX', 'Americas', 'es', ['Youth'], 9, 'Aprendizaje dual'],
      ['A2', '2020', 'SN', 'Africa', 'fr', ['Migrants'], 7, 'Compétences'],
    ]);
  });
});

describe('the database file', () => {
  it('is made 0600 at --db, at $SKILLSNET_DB and at ./skillsnet.db, in that order of precedence', () => {
    const dir = tempDir();
    expect(runCli(['init'], { cwd: dir }).code).toBe(0);
    expect(runCli(['init'], { cwd: dir, env: { SKILLSNET_DB: path.join(dir, 'env.db') } }).code).toBe(0);
    expect(runCli(['init', '--db', 'flag.db'], { cwd: dir, env: { SKILLSNET_DB: path.join(dir, 'other.db') } }).code).toBe(0);
    for (const f of ['skillsnet.db', 'env.db', 'flag.db']) expect({ f, mode: fs.statSync(path.join(dir, f)).mode & 0o777 }).toEqual({ f, mode: 0o600 });
    expect(fs.existsSync(path.join(dir, 'other.db'))).toBe(false);
  });

  it.runIf(fs.existsSync('/proc/self'))('in a folder that cannot be made (under /proc) is one error line, not a hang', () => {
    // Node's recursive mkdir spins for ever there; SIGKILL because a busy loop never sees SIGTERM.
    const r = spawnSync(process.execPath, [BIN, '--db', '/proc/skillsnet-none/x.db', 'init'], { encoding: 'utf8', timeout: 15_000, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1' } });
    expect({ signal: r.signal, code: r.status }).toEqual({ signal: null, code: 1 });
    expect(r.stderr).toMatch(/^error: cannot create the folder \/proc\/skillsnet-none/);
  });
});

describe('select --json when no roster meets the quotas', () => {
  it('is one document {feasible: false, conflicts} and exit 1', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'quotas.csv'), 'feature,value,min,max\nregion,Arab States,4,\n');
    const r = runCli(['--db', fx.dbPath, 'select', '--all-calls', '--size', '5', '--quotas', path.join(dir, 'quotas.csv'), '--order', 'id', '--dry-run', '--json']);
    expect(r.code).toBe(1);
    expect(json(r)).toEqual({ feasible: false, conflicts: ['region Arab States: at least 4 required, 2 eligible applications'] });
    expect(r.stderr).toMatch(/^error: /m);
  });
});
