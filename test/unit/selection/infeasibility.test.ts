import { describe, expect, it } from 'vitest';
import { conflictingPartners, smallestRelaxation } from '../../../src/selection/infeasibility.js';
import { counts, expandQuotas } from '../../../src/selection/quotas.js';
import { solveMip, type MipInput } from '../../../src/selection/solve.js';
import { selectRoster } from '../../../src/selection/select.js';
import type { Candidate } from '../../../src/selection/candidates.js';
import type { QuotaRule } from '../../../src/selection/quotas.js';

// When only the solver can prove that no roster meets the quotas, the error names the fewest
// quotas to relax; "the other quotas" it conflicts with must be named too, or the officer is left
// to guess which line of the file holds it back.
const candidate = (id: number, region: Candidate['region'], country: string, language: string, score: number, categories = ['life-skills']): Candidate => ({
  id, organization: `Org ${id}`, region, country, language, workingLanguage: null, categories,
  organizationType: 'NGO', beneficiaries: [], score, scoreSource: 'application',
});
// Arab States (JO, LB: UN M49 Western Asia), Africa, Europe; a few of each
const cands: Candidate[] = [
  candidate(1, 'Arab States', 'JO', 'en', 9), candidate(2, 'Arab States', 'LB', 'fr', 8), candidate(3, 'Arab States', 'JO', 'en', 7),
  candidate(4, 'Africa', 'KE', 'en', 9), candidate(5, 'Africa', 'SN', 'fr', 6), candidate(6, 'Europe and Central Asia', 'FR', 'fr', 5),
  candidate(7, 'Europe and Central Asia', 'DE', 'en', 4), candidate(8, 'Africa', 'NG', 'en', 3),
];
const rule = (feature: QuotaRule['feature'], value: string, min: number, max: number | null, line: number): QuotaRule => ({ feature, value, min, max, source: `q.csv line ${line}` });

describe('a conflict only the solver finds', () => {
  it('names the quota it conflicts with beside the one to relax, with its bounds', async () => {
    const r = await selectRoster(cands, { size: 4, rules: [rule('region', 'Arab States', 3, null, 2), rule('subregion', 'Western Asia', 0, 1, 3), rule('language', 'fr', 1, null, 4)] });
    expect(r.feasible).toBe(false);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatch(/^(sub-region Western Asia: at most 1 allowed, but the other quotas cannot be met with fewer than 3 \(it conflicts with region Arab States at least 3\)|region Arab States: at least 3 required, but together with the other quotas at most 1 can be met \(it conflicts with sub-region Western Asia at most 1\))$/);
    // the quota named is really the other side: relaxing it instead makes a roster possible
    const named = /it conflicts with (region Arab States|sub-region Western Asia)/.exec(r.conflicts[0]!)![1];
    const kept = [rule('region', 'Arab States', 3, null, 2), rule('subregion', 'Western Asia', 0, 1, 3), rule('language', 'fr', 1, null, 4)]
      .filter((q) => !(named === 'region Arab States' ? q.feature === 'region' : q.feature === 'subregion'));
    expect((await selectRoster(cands, { size: 4, rules: kept })).feasible).toBe(true);
  });

  it('names no other quota where several could be relaxed instead: naming one would be a guess', async () => {
    // three category minimums of 2 and one category each: 6 members needed, the size is 5; any of the three could give way
    const cats = ['life-skills', 'training-delivery', 'entrepreneurship'];
    const one = Array.from({ length: 9 }, (_, i) => candidate(i + 1, 'Africa', 'KE', 'en', 9 - i, [cats[i % 3]!]));
    const r = await selectRoster(one, { size: 5, rules: cats.map((c, i) => rule('category', c, 2, null, i + 2)) });
    expect(r.feasible).toBe(false);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatch(/^category [a-z-]+: at least 2 required, but together with the other quotas at most 1 can be met$/);
  });
});

// The two searches that name the quota on a conflict's other side are extras: one that runs out
// of time proves nothing (no other quota is named on it), and neither is given the whole time
// limit again (a 5,000-application call waited three times as long for a name).
const rules = [rule('region', 'Arab States', 3, null, 2), rule('subregion', 'Western Asia', 0, 1, 3), rule('language', 'fr', 1, null, 4)];

describe('the searches for the other side of a conflict', () => {
  const problem = { size: 4, candidates: cands, quotas: expandQuotas(rules, cands), include: new Set<number>() };
  // the real solver, each call's time limit noted; the calls numbered in `late` run out of time
  const solver = (late: number[] = []) => {
    const limits: number[] = [];
    const solve = async (input: MipInput, signal?: AbortSignal) => {
      limits.push(input.timeLimit!);
      return late.includes(limits.length) ? { status: 'time limit' as const, optimal: false, values: [], objective: null, bound: null, ms: 1 } : solveMip(input, signal);
    };
    return { solve, limits };
  };

  it('name the other quota after one search when counting proves the two cannot hold together', async () => {
    // (3 from the Arab States, all in Western Asia, at most 1 there: no third quota matters, so
    // only "does relaxing Western Asia alone give a roster?" is asked; it was two searches)
    const { solve, limits } = solver();
    const r = await smallestRelaxation(problem, 60, undefined, { counterpart: true, solve });
    expect(r!.conflicts).toHaveLength(1);
    expect(r!.conflicts[0]).toMatch(/it conflicts with/);
    expect(limits).toHaveLength(2);
  });

  it('name nothing when that search runs out of time', async () => {
    // 1: the relaxation, 2: the other quota relaxed alone (out of time: proves nothing)
    const { solve, limits } = solver([2]);
    const r = await smallestRelaxation(problem, 60, undefined, { counterpart: true, solve });
    expect(limits).toHaveLength(2);
    expect(r!.conflicts).toHaveLength(1);
    expect(r!.conflicts[0]).toMatch(/^(sub-region Western Asia|region Arab States): at (most|least)/);
    expect(r!.conflicts[0]).not.toMatch(/it conflicts with/);
  });

  it('are not given the whole time limit again', async () => {
    const { solve, limits } = solver();
    await smallestRelaxation(problem, 60, undefined, { counterpart: true, solve });
    expect(limits[0]).toBe(60);
    for (const l of limits.slice(1)) expect(l).toBeLessThan(10);
  });
});

// A conflict of three quotas that counting two at a time cannot see (Lebanon kept out, so
// entrepreneurship's 2 must come from Jordan and Mexico, who write in French, and 2 from the
// Arab States leaves no room for one in English): only Lebanon's cap or the entrepreneurship
// minimum gives way alone, which the two searches find.
describe('a conflict counting cannot prove', () => {
  const six = [
    candidate(1, 'Africa', 'SN', 'es', 6, ['life-skills']), candidate(2, 'Americas', 'MX', 'fr', 5, ['life-skills', 'training-delivery']),
    candidate(3, 'Arab States', 'LB', 'en', 4, ['entrepreneurship', 'training-delivery']), candidate(4, 'Arab States', 'JO', 'fr', 3, ['entrepreneurship', 'training-delivery']),
    candidate(5, 'Arab States', 'JO', 'en', 2, ['training-delivery', 'life-skills']), candidate(6, 'Americas', 'MX', 'fr', 1, ['entrepreneurship']),
  ];
  const three = [rule('region', 'Arab States', 2, null, 2), rule('country', 'LB', 0, 0, 3), rule('language', 'en', 1, null, 4), rule('category', 'entrepreneurship', 2, null, 5)];
  const problem = { size: 2, candidates: six, quotas: expandQuotas(three, six), include: new Set<number>() };

  it('finds no pair that cannot hold together, so the searches decide', () => {
    for (const qi of problem.quotas.keys()) expect(conflictingPartners(problem, qi)).toEqual([]);
  });

  it('on a quick call, names the other side after two searches of a second at most', async () => {
    const limits: number[] = [];
    const r = await smallestRelaxation(problem, 60, undefined, { counterpart: true, solve: async (input, signal) => (limits.push(input.timeLimit!), solveMip(input, signal)) });
    expect(r!.conflicts[0]).toMatch(/it conflicts with (country LB \(Lebanon\)|category entrepreneurship)/);
    expect(limits.slice(1)).toEqual([1, 1]);
  });

  it('on a call whose first search took over a second, answers without them and names nothing', async () => {
    // (each took about 3 s on a call of 5,000 applications: a name is not worth that wait)
    const limits: number[] = [];
    const slow = async (input: MipInput, signal?: AbortSignal) => {
      limits.push(input.timeLimit!);
      if (limits.length === 1) await new Promise((done) => setTimeout(done, 1100));
      return solveMip(input, signal);
    };
    const r = await smallestRelaxation(problem, 60, undefined, { counterpart: true, solve: slow });
    expect(limits).toHaveLength(1);
    expect(r!.conflicts).toHaveLength(1);
    expect(r!.conflicts[0]).not.toMatch(/it conflicts with/);
  });
});

describe('quotas that cannot hold together, by counting', () => {
  const problem = (rules: QuotaRule[], size = 4) => ({ size, candidates: cands, quotas: expandQuotas(rules, cands), include: new Set<number>() });

  it('a minimum against a maximum over the same applications', () => {
    expect(conflictingPartners(problem(rules), 0)).toEqual([1]);
  });

  it('two partners: no third quota alone gives way, and none is named', async () => {
    const two = [rule('region', 'Arab States', 3, null, 2), rule('subregion', 'Western Asia', 0, 1, 3), rule('country', 'JO', 0, 0, 4)];
    expect(conflictingPartners(problem(two), 0)).toEqual([1, 2]);
    const r = await selectRoster(cands, { size: 4, rules: two });
    expect(r.feasible).toBe(false);
    expect(r.conflicts.join('\n')).not.toMatch(/it conflicts with/);
  });

  it('two minimums that do not fit in the roster together, and maximums that leave it short', () => {
    // 3 in English and 3 in French, no one writes both, in a roster of 4
    expect(conflictingPartners(problem([rule('language', 'en', 3, null, 2), rule('language', 'fr', 3, null, 3)]), 0)).toEqual([1]);
    // at most 1 from Africa and at most 1 from the Arab States leave 2 Europeans for 5 seats
    expect(conflictingPartners(problem([rule('region', 'Africa', 0, 1, 2), rule('region', 'Arab States', 0, 1, 3)], 5), 0)).toEqual([1]);
    // with a roster of 4 they fit
    expect(conflictingPartners(problem([rule('region', 'Africa', 0, 1, 2), rule('region', 'Arab States', 0, 1, 3)], 4), 0)).toEqual([]);
  });

  it('null when the quota cannot hold with the size alone: the size is its conflict', () => {
    expect(conflictingPartners(problem([rule('region', 'Europe and Central Asia', 3, null, 2), rule('language', 'fr', 1, null, 3)]), 0)).toBeNull();
  });
});

// Counting is exact for two quotas and the size: on random calls and quotas of every feature, a
// partner is named exactly where an independent integer program (the two quotas and the size, no
// model code of ours) has no roster, and null exactly where the quota alone has none.
describe('counting against an independent solver', () => {
  it('agrees on every pair of 40 random quota sets', async () => {
    let seed = 14;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
    const places = [['Africa', 'KE'], ['Africa', 'SN'], ['Arab States', 'JO'], ['Arab States', 'LB'], ['Europe and Central Asia', 'FR'], ['Americas', 'MX']] as const;
    const cats = ['life-skills', 'training-delivery', 'entrepreneurship'];
    const fits = async (size: number, rows: { lower: number; upper: number; columns: number[] }[], n: number) =>
      (await solveMip({ sense: 'maximize', cost: Array(n).fill(0), lower: Array(n).fill(0), upper: Array(n).fill(1), integer: Array(n).fill(true), rows: [{ lower: size, upper: size, columns: [...Array(n).keys()] }, ...rows] })).status === 'optimal';
    let pairs = 0, conflicts = 0;
    for (let set = 0; set < 40; set++) {
      const n = 6 + Math.floor(rnd() * 8);
      const call = Array.from({ length: n }, (_, i) => {
        const [region, country] = pick(places);
        return candidate(i + 1, region, country, pick(['en', 'fr', 'es']), 5, [...new Set([pick(cats), pick(cats)])]);
      });
      const size = 2 + Math.floor(rnd() * (n - 2));
      const rules: QuotaRule[] = [];
      for (let k = 0; k < 4; k++) {
        const c = pick(call);
        const [feature, value] = pick([['region', c.region], ['country', c.country], ['language', c.language], ['category', pick(c.categories)], ['subregion', 'Western Asia']] as const);
        const min = Math.floor(rnd() * 4);
        if (!rules.some((r) => r.feature === feature && r.value === value)) rules.push(rule(feature, value, min, rnd() < 0.5 ? min + Math.floor(rnd() * 3) : null, k + 2));
      }
      const quotas = expandQuotas(rules, call);
      const row = (q: (typeof quotas)[number]) => ({ lower: q.min, upper: q.max ?? Infinity, columns: call.flatMap((c, i) => (counts(c, q) ? [i] : [])) });
      const problem = { size, candidates: call, quotas, include: new Set<number>() };
      for (let a = 0; a < quotas.length; a++) {
        const found = conflictingPartners(problem, a);
        if (!(await fits(size, [row(quotas[a]!)], n))) {
          expect(found).toBeNull();
          continue;
        }
        const expected: number[] = [];
        for (let b = 0; b < quotas.length; b++) if (b !== a && !(await fits(size, [row(quotas[a]!), row(quotas[b]!)], n))) expected.push(b);
        expect(found).toEqual(expected);
        pairs += quotas.length - 1;
        conflicts += expected.length;
      }
    }
    // (the sets hold conflicts to find, and pairs that fit)
    expect(conflicts).toBeGreaterThan(10);
    expect(pairs - conflicts).toBeGreaterThan(60);
  });
});
