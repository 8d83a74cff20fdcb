/**
 * Calls kept apart: list shows the call; select and every export ask which call (or
 * --all-calls) when the database holds several; scores of calls on different scales are never
 * compared silently; a call nobody scored gets no "best" roster by accident.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication } from '../../../src/db/applications.js';
import { REGIONS } from '../../../src/model.js';
import { json, run as skillsnet, tempDir } from '../support/run.js';

const COUNTRY: Record<string, string> = { Africa: 'KE', Americas: 'MX', 'Arab States': 'JO', 'Asia and the Pacific': 'PH', 'Europe and Central Asia': 'FR' };

/** Calls of ten applications each, one or two per region; scores as given (null: none). */
function makeCalls(dbPath: string, calls: Record<string, (i: number) => number | null>): void {
  const db = openDatabase(dbPath, { create: true });
  for (const [call, score] of Object.entries(calls)) {
    for (let i = 0; i < 10; i++) {
      const region = REGIONS[i % 5];
      insertApplication(db, call, {
        organization: `Org ${call}-${i}`, externalId: `${call}-${i}`, email: `c${i}@${call}.example.org`,
        country: COUNTRY[region], region, language: 'en', score: score(i), submittedAt: `3/${20 - i}/${call}`,
      });
    }
  }
  db.close();
}

describe('a database of several calls', () => {
  let db: string;
  beforeAll(() => {
    db = path.join(tempDir(), 'calls.db');
    makeCalls(db, { 2020: (i) => 5 + i / 2, 2021: (i) => 40 + 5 * i });
  });

  it('list shows the call of every application', async () => {
    const r = await skillsnet(['--db', db, 'list']);
    const lines = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    // After the organisation, so that `| cut -f2` still gives the organisations.
    expect(lines[0].slice(0, 3)).toEqual(['ID', 'Organisation', 'Call']);
    expect(new Set(lines.slice(1).map((l) => l[2]))).toEqual(new Set(['2020', '2021']));
    const csv = (await skillsnet(['--db', db, 'list', '--csv'])).stdout.replace(/^\uFEFF/, '').split('\r\n')[0]!;
    expect(csv.split(',').slice(0, 3)).toEqual(['id', 'externalId', 'call']);
  });

  it.each([
    [['select', '--size', '3', '--dry-run']],
    [['export', 'contacts', '--out', '-']],
    [['export', 'kumu', '--format', 'json', '--out', '-']],
    [['export', 'graphml', '--out', '-']],
    [['export', 'map', '--out', '-']],
  ])('%j without --call is a usage error naming the calls and both ways out', async (args) => {
    const r = await skillsnet(['--db', db, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: this database holds 2 calls \(2020, 2021\): say which with --call NAME, or use them together with --all-calls/m);
    expect(r.stderr).toMatch(/--call 2021/);
    // only an export that ranks by score says --all-calls checks the scores' scale
    if (args[1] === 'contacts') expect(r.stderr).toMatch(/--all-calls for the contacts of every call$/m);
    else expect(r.stderr).toMatch(/scores are then checked for a common scale/);
    if (args[1] === 'contacts') expect(r.stderr).not.toMatch(/scores/);
  });

  it.each([
    [['export', 'kumu', '--format', 'json', '--out', '-']],
    [['export', 'graphml', '--out', '-']],
    [['export', 'map', '--out', '-']],
  ])('%j with a roster of each year refuses with the one error (the roster it would mark was said first)', async (args) => {
    const two = path.join(tempDir(), 'two-rosters.db');
    makeCalls(two, { 2020: (i) => 5 + i / 2, 2021: (i) => 5 + i / 3 });
    for (const call of ['2020', '2021']) expect((await skillsnet(['--db', two, 'select', '--size', '2', '--call', call, '--name', `core-${call}`])).code).toBe(0);
    const r = await skillsnet(['--db', two, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: this database holds 2 calls/);
    const ok = await skillsnet(['--db', two, ...args, '--call', '2021']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/members of roster "core-2021", the latest saved/);
  });

  it('--call picks one; --call and --all-calls together contradict', async () => {
    const one = json(await skillsnet(['--db', db, 'select', '--size', '3', '--call', '2021', '--dry-run', '--json']));
    expect(one.members.map((m: any) => m.score)).toEqual([85, 80, 75]);
    const both = await skillsnet(['--db', db, 'export', 'contacts', '--call', '2020', '--all-calls', '--out', '-']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--call and --all-calls contradict each other/);
    expect((await skillsnet(['--db', db, 'export', 'contacts', '--all-calls', '--out', '-'])).code).toBe(0);
  });

  it('--all-calls with scores on different scales is refused, naming each scale', async () => {
    const r = await skillsnet(['--db', db, 'select', '--size', '3', '--all-calls', '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: the eligible applications of 2 calls have scores on different scales/);
    expect(r.stderr).toContain('call 2020: application scores 5–9.5, read as 0–10');
    expect(r.stderr).toContain('call 2021: application scores 40–85, read as 0–100');
    expect(r.stderr).toMatch(/--rescale-scores/);
  });

  it('--rescale-scores puts each call on 0-10, says so, and the roster keeps the scores it ranked', async () => {
    const r = await skillsnet(['--db', db, 'select', '--size', '4', '--all-calls', '--rescale-scores', '--name', 'both', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: scores of different calls put on one scale, 0–10/);
    const out = json(r);
    expect(out.members.map((m: any) => m.score)).toEqual([9.5, 9, 8.5, 8.5]);
    expect(out.scoreScales.map((s: any) => [s.call, s.max])).toEqual([['2020', 10], ['2021', 100]]);
    const shown = json(await skillsnet(['--db', db, 'roster', 'show', 'both', '--json']));
    expect(shown.members.map((m: any) => m.score)).toEqual([9.5, 9, 8.5, 8.5]);
    expect(shown.params.filters).toEqual({ allCalls: true });
  });

  it.each([
    ['kumu', ['export', 'kumu', '--format', 'json', '--out', '-']],
    ['graphml', ['export', 'graphml', '--out', '-']],
    ['map', ['export', 'map', '--out', '-']],
  ])('export %s --all-calls refuses scores on different scales as select does, and --rescale-scores puts them on 0–10', async (what, args) => {
    const refused = await skillsnet(['--db', db, ...args, '--all-calls']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/error: the applications of this export of 2 calls have scores on different scales/);
    expect(refused.stderr).toContain('call 2021: application scores 40–85, read as 0–100');
    expect(refused.stderr).toMatch(/add --rescale-scores .* or export one call with --call NAME/);
    const r = await skillsnet(['--db', db, ...args, '--all-calls', '--rescale-scores']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: scores of different calls put on one scale, 0–10/);
    if (what === 'kumu') {
      const scores = json(r).elements.map((e: any) => e.Score).filter((x: unknown) => typeof x === 'number');
      expect(scores).toHaveLength(20);
      expect(Math.max(...scores)).toBe(9.5); // 2020's 9.5 stays; 2021's 85 of 0–100 is 8.5
      expect(scores).toContain(8.5);

    } else {
      expect(r.stdout).not.toMatch(/score[^\n]{0,40}\b85\b/i);
    }
    // one call: nothing to check
    expect((await skillsnet(['--db', db, ...args, '--call', '2021'])).code).toBe(0);
  });

  it('a roster filter names its applications: no call needed', async () => {
    expect((await skillsnet(['--db', db, 'export', 'contacts', '--roster', 'both', '--out', '-'])).code).toBe(0);
  });

  // `export map --role stakeholder` (docs/map.md) was asked for a call, and the call it was then
  // given left every stakeholder out: members who never applied are in no call.
  it('filters that choose no application, or those of one call, need no call', async () => {
    const added = await skillsnet(['--db', db, 'member', 'add', '--organization', 'Ministerio de Prueba', '--name', 'Rosa Inventada', '--email', 'rosa@example.org', '--country', 'PE', '--role', 'stakeholder', '--json']);
    expect(added.code, added.stderr).toBe(0);
    for (const args of [
      ['export', 'contacts', '--role', 'stakeholder', '--include-no-consent', '--format', 'csv', '--out', '-'],
      ['export', 'kumu', '--role', 'stakeholder', '--format', 'json', '--out', '-'],
      ['export', 'map', '--role', 'stakeholder', '--out', '-'],
    ]) {
      const r = await skillsnet(['--db', db, ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain('Ministerio de Prueba');
    }
    const graph = json(await skillsnet(['--db', db, 'export', 'kumu', '--role', 'stakeholder', '--format', 'json', '--out', '-']));
    expect(graph.elements.filter((e: { type?: string }) => e.type === 'Organization').map((e: { label: string }) => e.label)).toEqual(['Ministerio de Prueba']);
    // the applications of one call, chosen by another filter: nothing to mix
    const one = await skillsnet(['--db', db, 'export', 'contacts', '--search', 'Org 2021-', '--format', 'csv', '--out', '-']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain('c1@2021.example.org');
    expect(one.stdout).not.toContain('2020.example.org');
    // and two calls' applications still ask
    expect((await skillsnet(['--db', db, 'export', 'contacts', '--search', 'Org 20', '--out', '-'])).code).toBe(2);
  });
});

describe('one call: nothing changes', () => {
  it('select and exports need no --call', async () => {
    const db = path.join(tempDir(), 'one.db');
    makeCalls(db, { 2020: (i) => i });
    expect((await skillsnet(['--db', db, 'select', '--size', '2', '--dry-run'])).code).toBe(0);
    expect((await skillsnet(['--db', db, 'export', 'contacts', '--out', '-'])).code).toBe(0);
  });
});

describe('a call nobody scored', () => {
  let db: string;
  beforeAll(() => {
    db = path.join(tempDir(), 'unscored.db');
    makeCalls(db, { 2024: () => null });
  });

  it('is not given a "best" roster: select asks for scores or an order (exit 2)', async () => {
    const r = await skillsnet(['--db', db, 'select', '--size', '3', '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: none of the 10 eligible applications has a score, so the "best" roster would simply be the lowest application IDs/);
    expect(r.stderr).toMatch(/skillsnet scores import FILE/);
    expect(r.stderr).toMatch(/--order submitted/);
    expect(r.stderr).not.toMatch(/Total score/);
  });

  it('--order submitted takes the earliest submitted and says so instead of "Total score 0"', async () => {
    const r = await skillsnet(['--db', db, 'select', '--size', '3', '--order', 'submitted', '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = json(r);
    expect(out).toMatchObject({ order: 'submitted', scored: 0, seed: null });
    expect(out.members.map((m: any) => m.organization)).toEqual(['Org 2024-9', 'Org 2024-8', 'Org 2024-7']);
    expect(r.stderr).toMatch(/No application has a score: the members are the first in submission order \(earliest first\) that meet the quotas, not the best/);
    expect(r.stderr).not.toMatch(/Total score 0/);
  });

  it('--order random draws the same roster from the same seed, and --seed alone is a usage error', async () => {
    const draw = async () => json(await skillsnet(['--db', db, 'select', '--size', '3', '--order', 'random', '--seed', '42', '--dry-run', '--json'])).members.map((m: any) => m.id);
    expect(await draw()).toEqual(await draw());
    const unseeded = await skillsnet(['--db', db, 'select', '--size', '3', '--order', 'random', '--dry-run']);
    expect(unseeded.stderr).toMatch(/drawn with seed (\d+) \(draw the same again with --seed \1\)/);
    const seedOnly = await skillsnet(['--db', db, 'select', '--size', '3', '--seed', '4', '--dry-run']);
    expect(seedOnly.code).toBe(2);
    expect(seedOnly.stderr).toMatch(/--seed applies to --order random only/);
  });
});
