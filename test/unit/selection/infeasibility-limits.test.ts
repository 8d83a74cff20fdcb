import { describe, expect, it, vi } from 'vitest';
import * as solve from '../../../src/selection/solve.js';
import { selectRoster } from '../../../src/selection/select.js';
import type { Candidate } from '../../../src/selection/candidates.js';
import type { QuotaRule } from '../../../src/selection/quotas.js';

// The two searches that name the quota on a conflict's other side are extras: one that runs out
// of time proves nothing (no other quota is named on it), and neither is given the whole time
// limit again (a 5,000-application call waited three times as long for a name).
vi.mock('../../../src/selection/solve.js', async (original) => {
  const real = await original<typeof solve>();
  return { ...real, solveMip: vi.fn(real.solveMip) };
});
const solveMip = vi.mocked(solve.solveMip);

const candidate = (id: number, region: Candidate['region'], country: string, language: string, score: number): Candidate => ({
  id, organization: `Org ${id}`, region, country, language, workingLanguage: null, categories: ['life-skills'],
  organizationType: 'NGO', beneficiaries: [], score, scoreSource: 'application',
});
const cands: Candidate[] = [
  candidate(1, 'Arab States', 'JO', 'en', 9), candidate(2, 'Arab States', 'LB', 'fr', 8), candidate(3, 'Arab States', 'JO', 'en', 7),
  candidate(4, 'Africa', 'KE', 'en', 9), candidate(5, 'Africa', 'SN', 'fr', 6), candidate(6, 'Europe and Central Asia', 'FR', 'fr', 5),
  candidate(7, 'Europe and Central Asia', 'DE', 'en', 4), candidate(8, 'Africa', 'NG', 'en', 3),
];
const rule = (feature: QuotaRule['feature'], value: string, min: number, max: number | null, line: number): QuotaRule => ({ feature, value, min, max, source: `q.csv line ${line}` });
const rules = [rule('region', 'Arab States', 3, null, 2), rule('subregion', 'Western Asia', 0, 1, 3), rule('language', 'fr', 1, null, 4)];

describe('the searches for the other side of a conflict', () => {
  it('name nothing when the last one runs out of time', async () => {
    solveMip.mockClear();
    const real = solveMip.getMockImplementation()!;
    let calls = 0;
    // 1: the roster (infeasible), 2: the relaxation, 3: the other quota, 4: a third one (times out)
    solveMip.mockImplementation(async (input, signal) => (++calls === 4
      ? { status: 'time limit', optimal: false, values: [], objective: null, bound: null, ms: 1 }
      : real(input, signal)));
    try {
      const r = await selectRoster(cands, { size: 4, rules, timeLimit: 60 });
      expect(calls).toBe(4);
      expect(r.feasible).toBe(false);
      expect(r.conflicts).toHaveLength(1);
      expect(r.conflicts[0]).not.toMatch(/it conflicts with/);
    } finally {
      solveMip.mockImplementation(real);
    }
  });

  it('are not given the whole time limit again', async () => {
    solveMip.mockClear();
    const r = await selectRoster(cands, { size: 4, rules, timeLimit: 60 });
    expect(r.conflicts[0]).toMatch(/it conflicts with/);
    const limits = solveMip.mock.calls.map(([input]) => input.timeLimit);
    expect(limits).toHaveLength(4);
    expect(limits.slice(0, 2)).toEqual([60, 60]);
    for (const l of limits.slice(2)) expect(l).toBeLessThan(10);
  });
});
