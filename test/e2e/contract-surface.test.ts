/**
 * CONTRACT.md's surface as an outside acceptance script drives it: the built CLI spawned off a
 * terminal over a fresh database. Global options before or after the command name on subcommands
 * too (--json included), `export roster --roster NAME` as on the other exports, and a refused
 * import under --json naming every file in files[].
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from './support/cli.js';
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
