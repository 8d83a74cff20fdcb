/**
 * Personal data printed on stdout into a file the shell has just created (`> FILE`) leaves that
 * file readable by its owner only, as `list --csv > FILE` does: the commands of a script's night
 * that print names, addresses or phones there (a member set, the event's mail-merge sheet and
 * calendar with attendees, an attendance report's unmatched participants). A command that prints
 * none keeps the umask's mode.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, json, ROOT, runCli, tempDir } from './support/cli.js';

const dir = tempDir('skillsnet-e2e-personal-stdout-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const demo = path.join(dir, 'demo');
const db = path.join(demo, 'skillsnet.db');
const zoom = path.join(ROOT, 'data', 'sample', 'events', 'zoom-participants-en.csv');

beforeAll(() => {
  const made = runCli(['demo', '--out', demo, '--quiet'], { cwd: dir, timeout: 120_000 });
  expect(made.code, made.stderr).toBe(0);
}, 150_000);

/** Runs the command with stdout redirected by the shell into a new file under umask 022. */
function intoNewFile(name: string, args: string[]): { file: string; mode: number; text: string; stderr: string; status: number | null } {
  const file = path.join(dir, name);
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('/bin/bash', ['-c', `umask 022; "${process.execPath}" "${BIN}" --db "${db}" ${quoted} > "${file}" </dev/null`], {
    encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SKILLSNET_DB: '', SHELL: '/bin/bash' }, timeout: 60_000,
  });
  return { file, mode: fs.statSync(file).mode & 0o777, text: fs.readFileSync(file, 'utf8'), stderr: r.stderr, status: r.status };
}

describe('personal data on stdout, > FILE', () => {
  it.each([
    ['member-set.json', ['member', 'set', '1', '--status', 'active', '--json']],
    ['invitations.csv', ['event', 'invitations', '1', '--out', '-']],
    ['attendees.ics', ['event', 'ics', '1', '--out', '-', '--with-attendees']],
    ['attendance.json', ['event', 'attendance', '1', zoom, '--dry-run', '--json']],
    ['attendance.txt', ['event', 'attendance', '1', zoom, '--dry-run']],
    ['members.txt', ['members']],
  ])('%s is made private (0600)', (name, args) => {
    const r = intoNewFile(name, args);
    expect(r.status, r.stderr).toBe(0);
    // (it does hold an address or a contact's name: the check is about a file that needs it)
    if (name === 'members.txt') expect(r.text).toContain(`\t${json<{ name: string | null }[]>(runCli(['--db', db, 'members', '--json'])).find((m) => m.name)!.name}\t`);
    else expect(r.text).toMatch(/@example\./);
    expect(r.mode.toString(8)).toBe('600');
    expect(r.stderr).not.toMatch(/other users of this computer can read/);
  });

  it('a report without personal data keeps the mode the umask gives', () => {
    const r = intoNewFile('stats.json', ['stats', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.mode.toString(8)).toBe('644');
  });
});
