import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir, type CliRun } from '../support/cli.js';
import { COMMANDS } from '../../../dist/cli/commands.js';

/**
 * The database, its side files, backups and exports hold personal data: each file the tool
 * makes must be readable by its owner only, whatever the umask. Messages on stderr (errors,
 * warnings, progress) name files, rows and columns, never an applicant's details.
 */
const has = (name: string) => COMMANDS.some((c) => c.name === name);

/** Personal details planted in the fixture; none may appear on stderr. */
const SECRETS = ['Zorblatt', 'zorblatt.secret', 'Quentin', '999 9999', 'vexilla-secret', 'Wilhelmina', 'orphan.secret', 'Orpheus', 'Secretson'];

const FIXTURE = [
  'Name of your organization,Email Address,Contact person,Phone number,Country,Title of your innovation',
  'Zorblatt Institute,zorblatt.secret@example.org,Quentin Zorblatt,+41 99 999 9999,Kenya,Solar skills for youth',
  'Vexilla Org,vexilla-secret-at-example,Wilhelmina Vexilla,+41 88 999 9999,Atlantis,Green jobs',
  ',orphan.secret@example.com,Orpheus Secretson,+41 77 999 9999,Peru,Digital training',
  'Open Doors,open@example.net,Ana Lima,,Brasil,Apprenticeships for all',
].join('\n') + '\n';

/** Runs the CLI under umask 022, as most accounts have it. */
function runWithUmask(args: string[], cwd: string): CliRun {
  const r = spawnSync('/bin/sh', ['-c', 'umask 022 && exec "$0" "$@"', process.execPath, BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', SKILLSNET_DB: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

function noSecrets(stderr: string, label: string): void {
  for (const s of SECRETS) expect(stderr, `${label}: "${s}" on stderr:\n${stderr}`).not.toContain(s);
}

let dir: string;
let input: string;
let fixture: string;

beforeAll(() => {
  dir = tempDir('skillsnet-privacy-');
  input = tempDir('skillsnet-privacy-input-');
  fixture = path.join(input, 'applications.csv');
  fs.writeFileSync(fixture, FIXTURE);
});

describe.runIf(has('import'))('privacy', () => {
  it('every file the tool makes is 0600 under umask 022 (database, side files, backups, exports, demo)', () => {
    const db = path.join(dir, 'out', 'skillsnet.db');
    const steps: string[][] = [['--db', db, 'import', fixture, '--call', '2020', '--quiet']];
    steps.push(['--db', db, 'db', 'backup', path.join(dir, 'backups', 'copy.db')]);
    if (has('tag')) steps.push(['--db', db, 'tag', 'auto', '--yes', '--quiet']);
    if (has('export')) {
      steps.push(['--db', db, 'export', 'kumu', '--format', 'xlsx', '--out', path.join(dir, 'exports', 'map.xlsx')]);
      steps.push(['--db', db, 'export', 'kumu', '--format', 'csv', '--out', path.join(dir, 'exports', 'kumu-csv')]);
      steps.push(['--db', db, 'export', 'kumu', '--format', 'json', '--out', path.join(dir, 'exports', 'map.json')]);
      steps.push(['--db', db, 'export', 'contacts', '--format', 'csv', '--out', path.join(dir, 'exports', 'contacts.csv')]);
      steps.push(['--db', db, 'export', 'contacts', '--format', 'vcf', '--out', path.join(dir, 'exports', 'contacts.vcf')]);
      steps.push(['--db', db, 'export', 'graphml', '--out', path.join(dir, 'exports', 'network.graphml')]);
    }
    if (has('demo')) steps.push(['demo', '--out', path.join(dir, 'demo')]);
    for (const args of steps) {
      const r = runWithUmask(args, dir);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    }
    const made = filesUnder(dir);
    expect(made.length).toBeGreaterThanOrEqual(2);
    const open = made.filter((f) => (fs.statSync(f).mode & 0o077) !== 0).map((f) => `${path.relative(dir, f)} ${(fs.statSync(f).mode & 0o777).toString(8)}`);
    expect(open, 'files readable by others').toEqual([]);
  }, 60_000);

  it('import messages name rows and reasons, never the applicant (names, emails, phones)', () => {
    const db = path.join(dir, 'messages.db');
    const human = runCli(['--db', db, 'import', fixture, '--call', '2020']);
    expect(human.code, human.stderr).toBe(0);
    noSecrets(human.stderr, 'import');
    const again = runCli(['--db', db, 'import', fixture, '--call', '2020', '--json']);
    expect(again.code).toBe(0);
    noSecrets(again.stderr, 'import --json');
    const dry = runCli(['--db', db, 'import', fixture, '--call', '2021', '--dry-run']);
    noSecrets(dry.stderr, 'import --dry-run');
  });

  it('a broken file is refused without quoting its rows', () => {
    const broken = path.join(input, 'broken.csv');
    fs.writeFileSync(broken, FIXTURE.replace('Zorblatt Institute', '"Zorblatt Institute') + 'x'.repeat(100) + '\n');
    const r = runCli(['--db', path.join(dir, 'broken.db'), 'import', broken, '--call', '2020']);
    noSecrets(r.stderr, 'unterminated quote');
    const noColumns = path.join(input, 'nocolumns.csv');
    fs.writeFileSync(noColumns, 'Alpha,Beta\nQuentin Zorblatt,zorblatt.secret@example.org\n');
    const n = runCli(['--db', path.join(dir, 'nocols.db'), 'import', noColumns, '--call', '2020']);
    expect(n.code).toBe(1);
    noSecrets(n.stderr, 'no recognisable columns');
  });

  it('commands that fail on the database do not print its rows', () => {
    const db = path.join(dir, 'messages.db');
    for (const args of [['show', '999999'], ['list', '--region', 'Atlantis'], ['list', '--category', 'no-such-code']]) {
      const r = runCli(['--db', db, ...args]);
      expect(r.code).not.toBe(0);
      noSecrets(r.stderr, args.join(' '));
    }
  });
});

