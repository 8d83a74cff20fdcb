import { describe, expect, it } from 'vitest';
import { memberReasons, rankAlternates } from '../../../src/selection/reasons.js';
import { expandQuotas } from '../../../src/selection/quotas.js';
import { coverage } from '../../../src/selection/coverage.js';
import { renderCoverage, shortWhy } from '../../../src/ui/roster.js';
import { bufferIO } from '../../../src/cli/io.js';
import type { Candidate } from '../../../src/selection/candidates.js';

const c = (id: number, region: Candidate['region'], country: string, score: number): Candidate => ({
  id, organization: `O${id}`, region, country, language: 'en', categories: ['life-skills'], organizationType: null, beneficiaries: [], score, scoreSource: 'application',
});

describe('reasons', () => {
  const eligible = [c(1, 'Africa', 'KE', 9), c(2, 'Africa', 'NG', 8), c(3, 'Arab States', 'JO', 2), c(4, 'Africa', 'SN', 7)];
  const quotas = expandQuotas([{ feature: 'region', value: 'Arab States', min: 1, max: null, source: 't' }], eligible);
  const members = [eligible[0], eligible[2]];

  it('gives the score rank, the quota a member is needed for, and why a low scorer is in', () => {
    const reasons = memberReasons(members, eligible, quotas, new Set(), 2);
    expect(reasons.get(1)).toEqual(['score 9, rank 1 of 4 eligible']);
    expect(reasons.get(3)).toEqual([
      'score 2, rank 4 of 4 eligible',
      'needed for region Arab States (at least 1; 1 selected)',
      'chosen ahead of higher-scoring applications so that the quotas above are met',
    ]);
    expect(shortWhy(reasons.get(3)!)).toBe('rank 4; needed for Arab States; picked for a quota');
  });

  it('shortens a replacement to whom it replaced, whatever that member did (declined, left, withdrew)', () => {
    for (const did of ['declined', 'left', 'withdrew']) {
      expect(shortWhy(['score 5, rank 2 of 4 eligible', `took the place of #7 Org Seven, who ${did}`])).toBe('rank 2; replaced #7 Org Seven');
    }
  });

  it('ranks alternates by score among those that can stand in for someone', () => {
    const alts = rankAlternates(members, eligible, quotas, 5);
    expect(alts.map((a) => a.candidate.id)).toEqual([2, 4]);
    expect(alts[0].replaces).toEqual([1]); // not #3: Arab States would lose its only member
    expect(alts[0].reasons[1]).toBe('can replace #1 without breaking a quota');
  });

  it('calls out a quota that a roster does not meet', () => {
    const { io } = bufferIO({ columns: 100 });
    const text = renderCoverage(io, coverage([eligible[0]], quotas));
    expect(text).toMatch(/Arab States 0 \(needs ≥1\)/);
    expect(text).toMatch(/NOT met/);
  });
});
