import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { selectRoster } from '../../../src/selection/select.js';
import { counts, expandQuotas, type QuotaRule } from '../../../src/selection/quotas.js';
import type { Candidate } from '../../../src/selection/candidates.js';
import { bruteForce } from './fixtures.js';
import { REGIONS } from '../../../src/model.js';

const CATS = ['life-skills', 'training-delivery', 'entrepreneurship'];
const LANGS = ['en', 'fr', 'es'];
// (NG and KE lie in two UN M49 sub-regions, Western and Eastern Africa; MX and BR in Central and South America)
const COUNTRY_OF: Record<string, string[]> = {
  Africa: ['NG', 'KE'], Americas: ['MX', 'BR'], 'Arab States': ['JO'], 'Asia and the Pacific': ['IN'], 'Europe and Central Asia': ['FR'],
};

function candidate(id: number, region: string, countryIndex: number, language: string, categories: string[], score: number, beneficiaries: string[] = [], workingLanguage: string | null = language): Candidate {
  const countries = COUNTRY_OF[region];
  return {
    id, organization: `Org ${id}`, region: region as Candidate['region'], country: countries[countryIndex % countries.length],
    language, workingLanguage, categories: [...new Set(categories)].sort(), organizationType: countryIndex ? 'NGO' : 'University', beneficiaries, score, scoreSource: 'application',
  };
}

const candidateArb = fc.record({
  region: fc.constantFrom(...REGIONS.slice(0, 3)),
  country: fc.nat(1),
  language: fc.constantFrom(...LANGS),
  categories: fc.subarray(CATS, { minLength: 1 }),
  // Few distinct scores so that ties are common and the tie-break is exercised.
  score: fc.integer({ min: 0, max: 6 }).map((n) => n / 2),
  beneficiaries: fc.subarray(['Youth', 'Women']),
  // the preferred working language, often not the language the application is written in
  workingLanguage: fc.option(fc.constantFrom(...LANGS), { nil: null }),
});

const ruleArb: fc.Arbitrary<QuotaRule> = fc.oneof(
  fc.record({ feature: fc.constant('region' as const), value: fc.constantFrom('*', ...REGIONS.slice(0, 3)), min: fc.integer({ min: 0, max: 2 }), max: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }), source: fc.constant('test') }),
  fc.record({ feature: fc.constant('country' as const), value: fc.constant('*'), min: fc.constant(0), max: fc.integer({ min: 1, max: 2 }).map((n) => n as number | null), source: fc.constant('test') }),
  fc.record({ feature: fc.constant('category' as const), value: fc.constantFrom(...CATS), min: fc.integer({ min: 0, max: 2 }), max: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }), source: fc.constant('test') }),
  fc.record({ feature: fc.constant('language' as const), value: fc.constantFrom(...LANGS), min: fc.integer({ min: 0, max: 2 }), max: fc.constant(null), source: fc.constant('test') }),
  fc.record({ feature: fc.constant('beneficiary' as const), value: fc.constantFrom('youth', 'women'), min: fc.integer({ min: 0, max: 2 }), max: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }), source: fc.constant('test') }),
  fc.record({ feature: fc.constant('workingLanguage' as const), value: fc.constantFrom('*', ...LANGS), min: fc.integer({ min: 0, max: 2 }), max: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }), source: fc.constant('test') }),
  fc.record({ feature: fc.constant('subregion' as const), value: fc.constantFrom('*', 'Western Africa', 'Eastern Africa', 'Sub-Saharan Africa', 'Central America'), min: fc.integer({ min: 0, max: 2 }), max: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }), source: fc.constant('test') }),
  fc.record({ feature: fc.constant('organizationType' as const), value: fc.constantFrom('ngo', 'university'), min: fc.integer({ min: 0, max: 1 }), max: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }), source: fc.constant('test') }),
);

function meetsQuotas(members: Candidate[], rules: QuotaRule[], all: Candidate[]): boolean {
  return expandQuotas(rules, all).every((q) => {
    const n = members.filter((m) => counts(m, q)).length;
    return n >= q.min && (q.max === null || n <= q.max);
  });
}

describe('selectRoster on small random instances', () => {
  it('meets every quota and reaches the brute-force optimum, or is infeasible exactly when brute force finds nothing', async () => {
    let feasibleRuns = 0;
    let infeasibleRuns = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(candidateArb, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(ruleArb, { maxLength: 4 }),
        fc.subarray([1, 2, 3]),
        fc.subarray([4, 5]),
        async (specs, size, rules, includeWanted, excludeWanted) => {
          const cands = specs.map((s, i) => candidate(i + 1, s.region, s.country, s.language, s.categories, s.score, s.beneficiaries, s.workingLanguage));
          const include = includeWanted.filter((id) => id <= cands.length);
          const exclude = excludeWanted.filter((id) => id <= cands.length);
          const result = await selectRoster(cands, { size, rules, alternates: 2, include, exclude });
          const pool = cands.filter((c) => !exclude.includes(c.id));
          const brute = bruteForce(pool, size, rules, include);
          if (brute === null) {
            infeasibleRuns++;
            expect(result.feasible).toBe(false);
            expect(result.conflicts.length).toBeGreaterThan(0);
            return;
          }
          feasibleRuns++;
          expect(result.feasible).toBe(true);
          expect(result.optimal).toBe(true);
          const members = result.members.map((m) => m.candidate);
          expect(members).toHaveLength(size);
          expect(new Set(members.map((m) => m.id)).size).toBe(size);
          expect(meetsQuotas(members, rules, pool)).toBe(true);
          for (const id of include) expect(members.some((m) => m.id === id)).toBe(true);
          for (const id of exclude) expect(members.some((m) => m.id === id)).toBe(false);
          expect(Math.round(result.objective! * 1e4)).toBe(brute);
          // Alternates are outside the roster and each can really stand in for someone.
          for (const a of result.alternates) {
            expect(members.some((m) => m.id === a.candidate.id)).toBe(false);
            for (const id of a.replaces) {
              const swapped = [...members.filter((m) => m.id !== id), a.candidate];
              expect(meetsQuotas(swapped, rules, pool)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 150, seed: 20201201 },
    );
    // The generator must exercise both outcomes, or the property proves little.
    expect(feasibleRuns).toBeGreaterThan(30);
    expect(infeasibleRuns).toBeGreaterThan(10);
  });

  it('is deterministic: same roster twice and whatever the order of the applications', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(candidateArb, { minLength: 6, maxLength: 12 }), fc.integer({ min: 1, max: 5 }), async (specs, size) => {
        const cands = specs.map((s, i) => candidate(i + 1, s.region, s.country, s.language, s.categories, s.score));
        const rules: QuotaRule[] = [{ feature: 'country', value: '*', min: 0, max: 2, source: 't' }];
        const a = await selectRoster(cands, { size, rules });
        const b = await selectRoster([...cands].reverse(), { size, rules });
        expect(b.members.map((m) => m.candidate.id)).toEqual(a.members.map((m) => m.candidate.id));
        if (a.feasible) {
          // Tie-break: no roster with the same total has a smaller sum of IDs... checked on the chosen set:
          // every non-member with the same score as a member and a lower ID could not replace it.
          const members = a.members.map((m) => m.candidate);
          for (const m of members) {
            for (const c of cands) {
              if (members.includes(c) || c.score !== m.score || c.id > m.id) continue;
              const swapped = [...members.filter((x) => x !== m), c];
              expect(meetsQuotas(swapped, rules, cands)).toBe(false);
            }
          }
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});

describe('include and exclude', () => {
  const cands = [
    candidate(1, 'Africa', 0, 'en', ['life-skills'], 9),
    candidate(2, 'Africa', 1, 'fr', ['life-skills'], 8),
    candidate(3, 'Americas', 0, 'es', ['training-delivery'], 7),
    candidate(4, 'Americas', 0, 'es', ['training-delivery'], 1),
  ];
  it('--include forces a low scorer in and --exclude keeps the best out', async () => {
    const r = await selectRoster(cands, { size: 2, rules: [], include: [4], exclude: [1] });
    expect(r.members.map((m) => m.candidate.id).sort()).toEqual([2, 4]);
    expect(r.members.find((m) => m.candidate.id === 4)!.reasons).toContain('forced in with --include');
  });
  it('an ID both included and excluded is a conflict', async () => {
    const r = await selectRoster(cands, { size: 2, rules: [], include: [1], exclude: [1] });
    expect(r.feasible).toBe(false);
    expect(r.conflicts[0]).toMatch(/application 1 is both forced in/);
  });
});

describe('infeasibility messages', () => {
  const cands = Array.from({ length: 20 }, (_, i) =>
    candidate(i + 1, i < 2 ? 'Arab States' : i % 2 ? 'Africa' : 'Americas', i, i % 3 === 0 ? 'fr' : 'en', [CATS[i % 3]], 10 - i / 4));
  it('says how many are eligible when a region minimum cannot be met', async () => {
    const r = await selectRoster(cands, { size: 10, rules: [{ feature: 'region', value: 'Arab States', min: 4, max: null, source: 't' }] });
    expect(r.feasible).toBe(false);
    expect(r.conflicts).toContain('region Arab States: at least 4 required, 2 eligible applications');
  });
  it('adds up the minimums of one feature against the size', async () => {
    const r = await selectRoster(cands, { size: 5, rules: [{ feature: 'region', value: '*', min: 2, max: null, source: 't' }] });
    expect(r.conflicts).toContain('region minimums add up to 10 but the size is 5');
  });
  it('finds the smallest set of quotas to relax when only the solver can tell', async () => {
    // Each application has one category and one language; 3 members cannot cover
    // 3 categories with 2 each. Prechecks pass; the solver proves infeasibility.
    const rules: QuotaRule[] = CATS.map((c) => ({ feature: 'category', value: c, min: 2, max: null, source: 't' }));
    const r = await selectRoster(cands, { size: 5, rules });
    expect(r.feasible).toBe(false);
    expect(r.status).toBe('infeasible');
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatch(/^category [a-z-]+: at least 2 required, but together with the other quotas at most 1 can be met$/);
  });
});

describe('smallest relaxation (property)', () => {
  it('relaxing the quotas it names makes a roster possible, and no smaller set would', async () => {
    const { smallestRelaxation } = await import('../../../src/selection/infeasibility.js');
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(candidateArb, { minLength: 3, maxLength: 9 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(ruleArb, { minLength: 1, maxLength: 5 }),
        async (specs, size, rules) => {
          const cands = specs.map((s, i) => candidate(i + 1, s.region, s.country, s.language, s.categories, s.score, s.beneficiaries, s.workingLanguage));
          if (size > cands.length) return;
          const quotas = expandQuotas(rules, cands);
          const feasibleWithout = (dropped: Set<number>) => {
            const kept = quotas.filter((_, qi) => !dropped.has(qi));
            const pick: Candidate[] = [];
            const walk = (start: number): boolean => {
              if (pick.length === size) {
                return kept.every((q) => {
                  const n = pick.filter((p) => counts(p, q)).length;
                  return n >= q.min && (q.max === null || n <= q.max);
                });
              }
              for (let i = start; i < cands.length; i++) {
                pick.push(cands[i]);
                if (walk(i + 1)) return true;
                pick.pop();
              }
              return false;
            };
            return walk(0);
          };
          if (feasibleWithout(new Set())) return;
          const relaxation = await smallestRelaxation({ size, candidates: cands, quotas, include: new Set() });
          expect(relaxation).not.toBeNull();
          const named = new Set(relaxation!.quotas);
          expect(feasibleWithout(named)).toBe(true);
          // No set of fewer quotas suffices.
          const k = named.size;
          const subsets = (from: number, chosen: number[]): boolean => {
            if (chosen.length === k - 1) return feasibleWithout(new Set(chosen));
            for (let q = from; q < quotas.length; q++) if (subsets(q + 1, [...chosen, q])) return true;
            return false;
          };
          if (k > 0) expect(subsets(0, [])).toBe(false);
          expect(relaxation!.conflicts).toHaveLength(k);
          checked++;
        },
      ),
      { numRuns: 200, seed: 42 },
    );
    expect(checked).toBeGreaterThan(20);
  });
});

describe('contradicting rules on one value', () => {
  it('are named with where each came from, so the officer knows which line to change', async () => {
    const candidates = [candidate(1, 'Africa', 0, 'en', ['life-skills'], 5), candidate(2, 'Americas', 0, 'es', ['life-skills'], 4), candidate(3, 'Africa', 1, 'fr', ['life-skills'], 3)];
    const rules: QuotaRule[] = [
      { feature: 'region', value: '*', min: 1, max: null, source: 'q.csv line 2' },
      { feature: 'region', value: 'Africa', min: 0, max: 0, source: 'q.csv line 3' },
    ];
    const result = await selectRoster(candidates, { size: 2, rules });
    expect(result.feasible).toBe(false);
    expect(result.conflicts).toContain('region Africa: at least 1 required but at most 0 allowed (rules: q.csv line 2; q.csv line 3)');
  });
});
