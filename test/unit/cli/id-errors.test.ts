/**
 * Where a command takes an ID, officers type names, email addresses and phone numbers. The
 * error says what the value looks like and where to find the ID, and never repeats the value:
 * messages carry no personal data (they end up in terminals' scrollback, logs and tickets).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../support/run.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'events', 'members.csv');
let dir: string;
let db: string;
const sk = (args: string[]) => run(['--db', db, ...args], { cwd: dir });

beforeAll(async () => {
  dir = tempDir('skillsnet-ids-');
  db = path.join(dir, 'n.db');
  expect((await sk(['import', FIXTURE, '--call', '2020'])).code).toBe(0);
  expect((await sk(['event', 'add', 'Meeting', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich'])).code).toBe(0);
}, 60_000);

const TYPED: [string, RegExp][] = [
  ['Jane Doe', /a name or other text/],
  ['jane.doe@example.com', /an email address/],
  ['+1 555 0100', /a phone number/],
];

const CASES: ((v: string) => string[])[] = [
  (v) => ['erase', v, '--yes'],
  (v) => ['show', v],
  (v) => ['edit', v, '--set', 'country=Peru'],
  (v) => ['merge', v, '17', '--dry-run'],
  (v) => ['merge', '17', v, '--dry-run'],
  (v) => ['withdraw', v],
  (v) => ['unmerge', v],
  (v) => ['history', v],
  (v) => ['organization', 'show', v],
  (v) => ['organization', 'link', v, 'org-2'],
  (v) => ['organization', 'unlink', 'org-1', v],
  (v) => ['member', 'set', v, '--status', 'active'],
  (v) => ['member', 'show', v],
  (v) => ['event', 'invite', '1', '--member', v],
  (v) => ['event', 'uninvite', '1', '--member', v],
  (v) => ['event', 'link', '1', '8', '--member', v],
  (v) => ['event', 'link', '1', v, '--ignore'],
  (v) => ['event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2021-03-04 15:00', '--tz', 'Europe/Zurich', '--presenter', v, '--dry-run'],
  (v) => ['event', 'show', v],
  (v) => ['tag', 'explain', v],
  (v) => ['tag', 'add', v, 'life-skills'],
  (v) => ['roster', 'replace', 'core-2020', v],
  (v) => ['select', '--size', '3', '--include', v, '--dry-run'],
];

describe('an ID typed as a name, an email address or a phone number', () => {
  for (const [value, kind] of TYPED) {
    it(`is never repeated (${kind.source}), and every error says what to do next`, async () => {
      for (const args of CASES) {
        const r = await sk(args(value));
        const shown = args(value).join(' ');
        const lines = r.stderr.trim().split('\n');
        expect(lines[0], shown).toMatch(/^error: /);
        if (args(value)[0] === 'erase' && value.includes('@')) {
          // an address is what erase takes: the error is that nobody has it
          expect(r.code, `${shown}\n${r.stderr}`).toBe(1);
        } else {
          expect(r.code, `${shown}\n${r.stderr}`).toBe(2);
          expect(r.stderr, shown).toMatch(kind);
        }
        expect(lines.length, `${shown}: a hint line`).toBeGreaterThanOrEqual(2);
        for (const part of [value, ...value.split(/\s+/).filter((p) => p.length > 2)]) expect(r.stderr + r.stdout, `${shown} repeats "${part}"`).not.toContain(part);
      }
    });
  }

  it('takes member-N and org-N wherever a member is taken', async () => {
    expect((await sk(['member', 'show', 'member-1'])).code).toBe(0);
    const byOrg = await sk(['member', 'show', 'org-1', '--json']);
    expect(byOrg.code, byOrg.stderr).toBe(0);
    expect(JSON.parse(byOrg.stdout).member.kumuId).toBe('org-1');
    expect((await sk(['member', 'set', 'member-2', '--notes', 'met in Lima'])).code).toBe(0);
    const invite = await sk(['event', 'invite', '1', '--member', 'member-3', '--member', 'org-4', '--json']);
    expect(invite.code, invite.stderr).toBe(0);
    expect(JSON.parse(invite.stdout).invited.sort()).toEqual([3, 4]);
    const presenter = await sk(['event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2021-03-04 15:00', '--tz', 'Europe/Zurich', '--presenter', 'member-3', '--dry-run', '--json']);
    expect(presenter.code, presenter.stderr).toBe(0);
    expect(JSON.parse(presenter.stdout).presenterId).toBe(3);
  });

  it('writes member IDs as member-N in member-side tables, so that they cannot be read as application IDs', async () => {
    const members = await sk(['members']);
    expect(members.stdout).toMatch(/^member-1\t/m);
    const show = await sk(['event', 'show', '1']);
    expect(show.stdout).toMatch(/^member-3\t/m);
    expect(show.stdout).not.toMatch(/^3\t/m);
  });
});
