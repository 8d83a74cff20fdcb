import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, json } from '../helpers.js';
import { makeRosterCall } from '../selection/fixtures.js';

let dbPath: string;

// Two regions; Africa's members are scarce, so replacing one must bring in another African.
beforeAll(() => {
  dbPath = path.join(tempDir(), 'roster.db');
  makeRosterCall(dbPath, [
    ['A1', 'Africa', 'KE', 6], // 1
    ['A2', 'Africa', 'NG', 5], // 2
    ['A3', 'Africa', 'SN', 1], // 3
    ['M1', 'Americas', 'MX', 9], // 4
    ['M2', 'Americas', 'BR', 8], // 5
    ['M3', 'Americas', 'CO', 7], // 6
    ['M4', 'Americas', 'PE', 6.5], // 7
  ]);
});

describe('roster replace and diff (built CLI)', { timeout: 90_000 }, () => {
  it('swaps a declining member for the best alternate that keeps every quota, and records it', () => {
    const sel = runCli(['select', '--size', '4', '--quotas', '-', '--db', dbPath]);
    expect(sel.code).toBe(1); // no such file "-": the operation fails (as any unreadable file), nothing saved
    const quotas = path.join(path.dirname(dbPath), 'quotas.csv');
    fs.writeFileSync(quotas, 'feature,value,min,max\nregion,Africa,2,\n');
    const r = runCli(['select', '--size', '4', '--quotas', quotas, '--name', 'core', '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).members.map((m: any) => m.id).sort()).toEqual([1, 2, 4, 5]);
    // M3 (7) is the best alternate but cannot replace an African member; A3 can.
    const dry = json(runCli(['roster', 'replace', 'core', '2', '--dry-run', '--json', '--db', dbPath]));
    expect(dry).toMatchObject({ saved: false, added: { id: 3 }, removed: { id: 2 } });
    const rep = runCli(['roster', 'replace', 'core', '2', '--json', '--db', dbPath]);
    expect(rep.code, rep.stderr).toBe(0);
    expect(json(rep)).toMatchObject({ saved: true, added: { id: 3 }, objective: 24 });
    const show = json(runCli(['roster', 'show', 'core', '--json', '--db', dbPath]));
    expect(show.members.map((m: any) => m.id).sort()).toEqual([1, 3, 4, 5]);
    expect(show.changes).toHaveLength(1);
    expect(show.changes[0]).toMatchObject({ removedApplicationId: 2, addedApplicationId: 3 });
    expect(show.objective).toBe(24);
    // An amended roster is no longer the solver's proven optimum.
    expect(show.optimal).toBe(false);
    expect(show.solverStatus).toMatch(/amended by roster replace$/);
    // An American member is replaced by the best American alternate.
    expect(json(runCli(['roster', 'replace', 'core', '4', '--json', '--db', dbPath])).added.id).toBe(6);
    // Nobody is left to replace an African member.
    const none = runCli(['roster', 'replace', 'core', '1', '--db', dbPath]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/error: no alternate or eligible application can take the place of 1/);
    expect(runCli(['roster', 'replace', 'core', '7', '--db', dbPath]).stderr).toMatch(/error: application 7 is not a member of core/);
  });

  it('diffs two rosters', () => {
    expect(runCli(['select', '--size', '4', '--name', 'free', '--db', dbPath]).code).toBe(0);
    const d = json(runCli(['roster', 'diff', 'core', 'free', '--json', '--db', dbPath]));
    // core is now 1, 3, 5, 6 (two replacements); free is the top four scores 4, 5, 6, 7.
    expect(d.inBoth).toEqual([5, 6]);
    expect(d.onlyInA.map((e: any) => e.id).sort()).toEqual([1, 3]);
    expect(d.onlyInB.map((e: any) => e.id).sort()).toEqual([4, 7]);
    expect(d.params.rules).toBeDefined();
    const text = runCli(['roster', 'diff', 'core', 'free', '--db', dbPath]);
    expect(text.stdout).toMatch(/2 members in both; 2 only in core; 2 only in free/);
  });

  it('prints every parameter difference in text mode, quota rules included', () => {
    const args = (name: string, size: string, extra: string[]) => ['select', '--size', size, '--name', name, '--dry-run', ...extra, '--db', dbPath];
    expect(runCli(args('x', '4', []).filter((a) => a !== '--dry-run')).code).toBe(0);
    expect(runCli(['select', '--size', '3', '--name', 'y', '--max-per-country', '2', '--max-per-organization', '2', '--db', dbPath]).code).toBe(0);
    const d = json(runCli(['roster', 'diff', 'x', 'y', '--json', '--db', dbPath]));
    expect(d.params.size).toEqual([4, 3]);
    expect(d.params.rules).toBeDefined();
    const text = runCli(['roster', 'diff', 'x', 'y', '--db', dbPath]).stdout;
    expect(text).toMatch(/size: 4 → 3/);
    expect(text).toMatch(/quota only in y: country \(each\) at most 2 \(--max-per-country 2\)/);
    expect(text).toMatch(/quota only in x: organisation \(each\) at most 1 \(--max-per-organization 1\)/);
    expect(text).toMatch(/quota only in y: organisation \(each\) at most 2 \(--max-per-organization 2\)/);
    runCli(['roster', 'delete', 'x', '--yes', '--db', dbPath]);
    runCli(['roster', 'delete', 'y', '--yes', '--db', dbPath]);
  });

  it('deletes a roster only with --yes off a terminal', () => {
    const no = runCli(['roster', 'delete', 'free', '--db', dbPath]);
    expect(no.code).toBe(1);
    expect(no.stderr).toMatch(/error: deleting roster free needs confirmation\n  add --yes/);
    expect(json(runCli(['roster', 'delete', 'free', '--yes', '--json', '--db', dbPath]))).toEqual({ roster: 'free', deleted: true });
    expect(json(runCli(['rosters', '--json', '--db', dbPath])).map((r: any) => r.name)).toEqual(['core']);
  });
});
