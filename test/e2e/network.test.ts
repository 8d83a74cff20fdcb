/**
 * The network's lifecycle commands as a user runs them: the built CLI, spawned, off a terminal —
 * exit codes, stdout holding only the JSON, messages on stderr, nothing personal in them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from './support/cli.js';

let dir: string;
let db: string;
const cli = (...args: string[]) => runCli(['--db', db, ...args]);

beforeEach(() => {
  dir = tempDir('skillsnet-network-');
  db = path.join(dir, 'n.db');
  fs.writeFileSync(path.join(dir, 'a.csv'), [
    'Organization,Contact name,Email,Phone,Country,Title',
    'Fundación Andes,Ana Ejemplo,ana@example.org,,Peru,Talleres de oficios para jóvenes',
    'Fundacion Andes Peru,,ana@example.org,+51 1 555 0101,Peru,Talleres de oficios para jóvenes',
    'Atelier Vert,Awa Exemple,awa@example.net,,Senegal,Jardins urbains et emploi',
  ].join('\n') + '\n');
  expect(cli('import', path.join(dir, 'a.csv'), '--call', '2020').code).toBe(0);
});

const ids = () => json(cli('list', '--json')).map((a: { id: number }) => a.id) as number[];

describe('edit (spawned)', () => {
  it('changes a field, keeps the old value in the history, and refuses a field that does not exist (exit 2)', () => {
    const [first] = ids();
    const r = cli('edit', String(first), '--set', 'country=Bolivia', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ subject: `application ${first}`, changed: ['country'] });
    expect(json(cli('show', String(first), '--json')).application.country).toBe('BO');
    const history = json(cli('history', String(first), '--json'));
    expect(history[0]).toMatchObject({ action: 'edit', subject: `application ${first}` });
    const bad = cli('edit', String(first), '--set', 'nonsense=1');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^error: /m);
  });
});

describe('merge and unmerge (spawned)', () => {
  it('a dry run first, then the merge, then the unmerge; stdout holds only JSON', () => {
    const [first, second] = ids();
    const dry = cli('merge', String(first), String(second), '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    expect(json(dry).dryRun).toBe(true);
    expect(ids()).toHaveLength(3);
    const merged = cli('merge', String(first), String(second));
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(new RegExp(`Merged application ${second} \\(.+\\) into application ${first} \\(.+\\)`));
    expect(ids()).toEqual([first, ids()[1]]);
    const undone = cli('unmerge', String(second), '--json');
    expect(undone.code, undone.stderr).toBe(0);
    expect(json(undone)).toMatchObject({ kept: `application ${first}`, merged: `application ${second}`, conflicts: [] });
    expect(ids()).toHaveLength(3);
    const again = cli('unmerge', String(second));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error: application \d+ was not merged/m);
  });
});

describe('withdraw (spawned)', () => {
  it('withdraws and reinstates an application', () => {
    const all = ids();
    const r = cli('withdraw', String(all[2]), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).state).toBe('withdrawn');
    expect(ids()).toEqual(all.slice(0, 2));
    expect(cli('withdraw', String(all[2]), '--undo').code).toBe(0);
    expect(ids()).toEqual(all);
    expect(cli('withdraw', '99999').code).toBe(1);
    expect(cli('withdraw', 'banana').code).toBe(2);
  });
});

describe('erase (spawned)', () => {
  it('needs --yes off a terminal, then leaves no trace of the address in the file and its WAL', () => {
    const refused = cli('erase', 'awa@example.net');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--yes/);
    expect(refused.stderr).not.toContain('awa@example.net');
    const r = cli('erase', 'awa@example.net', '--yes', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).file).toEqual({ vacuumed: true, walEmptied: true });
    for (const f of [db, `${db}-wal`]) {
      if (!fs.existsSync(f)) continue;
      const bytes = fs.readFileSync(f);
      for (const needle of ['awa@example.net', 'Awa Exemple']) expect(bytes.includes(Buffer.from(needle)), `${path.basename(f)}: ${needle}`).toBe(false);
    }
  });
});

describe('members (spawned)', () => {
  it('member add prints {"id"}, members --json lists it with its role', () => {
    const added = cli('member', 'add', '--organization', 'Cámara de Comercio', '--country', 'PE', '--role', 'stakeholder', '--json');
    expect(added.code, added.stderr).toBe(0);
    const { id } = json(added);
    const members = json(cli('members', '--role', 'stakeholder', '--json'));
    expect(members).toEqual([expect.objectContaining({ id, kind: 'organization', organization: 'Cámara de Comercio', roles: ['stakeholder'], status: 'active', calls: [] })]);
    expect(cli('member', 'set', String(id), '--status', 'nope').code).toBe(2);
  });
});

describe('roster retire (spawned)', () => {
  it('a year on, the cohort\'s members become alumni: dry run, refusal without --yes, the run, a second run that changes nothing, one history row each', () => {
    expect(cli('select', '--size', '2', '--order', 'id', '--name', 'core-2020').code).toBe(0);
    const accepted = json(cli('roster', 'accept', 'core-2020', '--json'));
    const memberIds = accepted.members.map((m: { memberId: number }) => m.memberId).sort((a: number, b: number) => a - b) as number[];
    expect(memberIds).toHaveLength(2);
    expect(cli('member', 'set', `member-${memberIds[0]}`, '--status', 'active').code).toBe(0);
    const statuses = () => json(cli('members', '--role', 'core-group', '--json')).map((m: { status: string }) => m.status).sort();
    const alumniRows = () => json(cli('history', '--action', 'member set', '--json')).filter((h: { fields: string[] }) => h.fields.includes('members.status')).length;
    const rowsBefore = alumniRows();

    const dry = cli('roster', 'retire', 'core-2020', '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    expect(json(dry)).toEqual({ roster: 'core-2020', cohort: '2020', changed: memberIds, unchanged: 0, dryRun: true });
    expect(statuses()).toEqual(['active', 'invited']);

    const refused = cli('roster', 'retire', 'core-2020');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^error: .*needs confirmation\n.*--yes/);
    expect(statuses()).toEqual(['active', 'invited']);

    const done = cli('roster', 'retire', 'core-2020', '--yes', '--json');
    expect(done.code, done.stderr).toBe(0);
    expect(json(done)).toEqual({ roster: 'core-2020', cohort: '2020', changed: memberIds, unchanged: 0, dryRun: false });
    expect(statuses()).toEqual(['alumni', 'alumni']);
    expect(alumniRows()).toBe(rowsBefore + 2);
    for (const id of memberIds) {
      expect(json(cli('history', '--action', 'member set', '--json')).some((h: { subject: string }) => h.subject === `member-${id}`)).toBe(true);
    }

    const again = cli('roster', 'retire', 'core-2020', '--yes');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe('0 members of cohort 2020 (roster core-2020) became alumni. 2 left as they were (declined, withdrawn or alumni already).\n');
    expect(alumniRows()).toBe(rowsBefore + 2);
  });
});
