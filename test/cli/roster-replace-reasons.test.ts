import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, json } from '../helpers.js';
import { makeRosterCall } from '../selection/fixtures.js';

let dbPath: string;
let quotas: string;

beforeAll(() => {
  const dir = tempDir();
  dbPath = path.join(dir, 'reasons.db');
  makeRosterCall(dbPath, [
    ['A1', 'Africa', 'KE', 9], // 1
    ['A2', 'Africa', 'NG', 8], // 2
    ['M1', 'Americas', 'MX', 7], // 3
    ['M2', 'Americas', 'BR', 3], // 4
  ]);
  quotas = path.join(dir, 'quotas.csv');
  fs.writeFileSync(quotas, 'feature,value,min,max\nregion,Africa,1,\nregion,Americas,1,\n');
});

// The reasons are what an officer shows a manager (roster show, export roster): after a swap
// they must describe the roster as it now is, not as the solver left it.
describe('roster replace keeps every member\'s reasons true', { timeout: 60_000 }, () => {
  it('recounts the quotas of the members who stay', () => {
    const sel = runCli(['select', '--size', '3', '--quotas', quotas, '--name', 'core', '--json', '--db', dbPath]);
    expect(sel.code, sel.stderr).toBe(0);
    expect(json(sel).members.map((m: any) => m.id).sort()).toEqual([1, 2, 3]);
    const rep = runCli(['roster', 'replace', 'core', '2', '--json', '--db', dbPath]);
    expect(rep.code, rep.stderr).toBe(0);
    expect(json(rep).added.id).toBe(4);
    const show = json(runCli(['roster', 'show', 'core', '--json', '--db', dbPath]));
    const reasons = (id: number) => show.members.find((m: any) => m.id === id).reasons as string[];
    // Africa now has one member left (#1), the Americas two (#3, #4).
    expect(reasons(1)).toContain('needed for region Africa (at least 1; 1 selected)');
    expect(reasons(3)).toContain('counts towards region Americas (at least 1; 2 selected)');
    expect(reasons(4)).toContain('counts towards region Americas (at least 1; 2 selected)');
    expect(reasons(4).some((r) => /took the place of #2 A2/.test(r))).toBe(true);
    const md = runCli(['export', 'roster', 'core', '--format', 'md', '--out', '-', '--db', dbPath]);
    expect(md.stdout).not.toMatch(/Africa \(at least 1; 2 selected\)/);
  });
});
