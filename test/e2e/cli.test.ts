/** The built CLI as a user runs it: help, exit codes, usage errors that point to the right help, --db and $SKILLSNET_DB. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from './support/cli.js';

describe('CLI basics (built binary)', () => {
  it('prints help with examples and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: skillsnet');
    expect(r.stdout).toContain('skillsnet demo');
  });

  it('exits 2 with an error line on an unknown command', () => {
    const r = runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown command/m);
  });

  it('init creates the database with mode 0600 and accepts --db after the command', () => {
    const dir = tempDir();
    const db = path.join(dir, 'sub', 'x.db');
    const r = runCli(['init', '--json', '--db', db]);
    expect(r.code).toBe(0);
    expect(json(r)).toMatchObject({ created: true, schemaVersion: expect.any(Number) });
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
    const again = json(runCli(['--db', db, 'init', '--json']));
    expect(again.created).toBe(false);
  });

  it('uses $SKILLSNET_DB when --db is absent', () => {
    const dir = tempDir();
    const db = path.join(dir, 'env.db');
    const r = runCli(['init'], { env: { SKILLSNET_DB: db } });
    expect(r.code).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
  });
});

// CONTRACT: an error is one `error:` line and, where possible, what to do next. Mistyped
// options are caught by the option parser, which names the problem but not where to look.
describe('usage errors point to the help of the command that was run', () => {
  it.each([
    [['export', 'contacts', '--format', 'csv'], /^error: required option '--out <path>' not specified\n  see skillsnet export contacts --help\n$/],
    [['--db', 'x.db', 'select', '--size'], /^error: option '--size <n>' argument missing\n  see skillsnet select --help\n$/],
    [['export', 'roster', 'core', '--format', 'pdf', '--out', 'x.pdf'], /^error: option '--format <format>' argument 'pdf' is invalid.*\n  see skillsnet export roster --help\n$/],
    [['list', '--regoin', 'Africa'], /^error: unknown option '--regoin'; did you mean --region\?\n  see skillsnet list --help\n$/],
    [['exprt'], /^error: unknown command 'exprt'; did you mean export\?\n  see skillsnet --help\n$/],
    // the mistyped command is the problem, not a command name further on
    [['evnt', 'show', '1'], /^error: unknown command 'evnt'; did you mean event\?\n  see skillsnet --help\n$/],
    [['--db', 'show', 'evnt', 'show', '1'], /^error: unknown command 'evnt'; did you mean event\?\n  see skillsnet --help\n$/],
    [['event', 'shw', 'list'], /^error: unknown command 'shw'; did you mean show\?\n  see skillsnet event --help\n$/],
    // a value with spaces typed without quotes: the words put back together, quoted
    [['event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2020-11-19', '14:00', '--tz', 'UTC'], /^error: too many arguments for 'add'\. .*\n  a value with spaces goes in quotes: --start "2020-11-19 14:00"\n$/],
    [['--db', 'x.db', 'event', 'add', '1st', 'Core', 'Group', 'meeting', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'UTC'], /\n  a value with spaces goes in quotes: "1st Core Group meeting"\n$/],
    [['member', 'add', '--organization', 'Ministerio', 'de', 'Trabajo', '--country', 'PE'], /\n  a value with spaces goes in quotes: --organization "Ministerio de Trabajo"\n$/],
    [['edit', '17', '--set', 'contactName=Ana', 'María'], /\n  a value with spaces goes in quotes: --set "contactName=Ana María"\n$/],
    // IDs one too many are no value to quote
    [['show', '17', '18'], /^error: too many arguments for 'show'\. .*\n  see skillsnet show --help\n$/],
    [['event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2020-11-19', '--tz', 'UTC'], /^error: "2020-11-19" has no time of day\n  give the date and the time together, in quotes: "2020-11-19 14:00"\n$/],
    [['export', 'kumu', '--out', 'map.xlsx', '--fromat', 'csv'], /^error: unknown option '--fromat'; did you mean --format\?\n  see skillsnet export kumu --help\n$/],
  ])('%j', (args, expected) => {
    const r = runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected);
  });
});

describe('an organisation shown into a file', () => {
  it('makes the file private (0600): it holds its people\'s names and addresses', async () => {
    const { spawnSync } = await import('node:child_process');
    const { BIN } = await import('./support/cli.js');
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    fs.writeFileSync(path.join(dir, 'a.csv'), 'Organization,Contact name,Email,Country,Title\nTaller Sur,Ana Ejemplo,ana@example.org,Argentina,Oficios\n');
    expect(runCli(['--db', db, 'import', path.join(dir, 'a.csv'), '--call', '2020']).code).toBe(0);
    const out = path.join(dir, 'org.txt');
    const fd = fs.openSync(out, 'w', 0o644);
    fs.chmodSync(out, 0o644);
    const r = spawnSync(process.execPath, [BIN, '--db', db, 'organization', 'show', 'org-1'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    fs.closeSync(fd);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('Ana Ejemplo');
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });
});
