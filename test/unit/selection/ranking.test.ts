import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../src/selection/candidates.js';
import { byScore } from '../../../src/selection/candidates.js';
import { applyOrder, applyRanking, callScales, describeScale, rescale, scalesDiffer, submissionKeys } from '../../../src/selection/ranking.js';

const c = (id: number, call: string, score: number | null, submittedAt: string | null = null): Candidate => ({
  id, organization: `O${id}`, region: 'Africa', country: 'KE', language: 'en', categories: [], organizationType: null, beneficiaries: [],
  score: score ?? 0, scoreSource: score === null ? 'none' : 'application', call, submittedAt,
});

describe('scales of several calls', () => {
  it('reads each call on the usual scale that holds its scores, reviewers on 0-10', () => {
    const scales = callScales([c(1, '2020', 7.5), c(2, '2020', 9), c(3, '2021', 87), c(4, '2021', 12), c(5, '2022', 4), c(6, '2022', 2), c(7, '2023', null)]);
    expect(scales.map((s) => [s.call, s.min, s.max])).toEqual([['2020', 0, 10], ['2021', 0, 100], ['2022', 1, 5]]);
    expect(describeScale(scales[1])).toBe('call 2021: application scores 12–87, read as 0–100');
    expect(scalesDiffer(scales)).toBe(true);
    const reviewers: Candidate = { ...c(8, '2021', 6.1), scoreSource: 'reviewers' };
    expect(callScales([c(1, '2020', 7), reviewers])).toMatchObject([{ call: '2020', max: 10 }, { call: '2021', source: 'reviewers', max: 10 }]);
    expect(scalesDiffer(callScales([c(1, '2020', 7), reviewers]))).toBe(false);
  });

  it('one call on two scales is not a difference between calls', () => {
    expect(scalesDiffer(callScales([c(1, '2020', 87), { ...c(2, '2020', 6), scoreSource: 'reviewers' }]))).toBe(false);
  });

  it('puts application scores on 0-10 by their scale, leaving reviewers and the unscored alone', () => {
    const all = [c(1, '2020', 8), c(2, '2021', 87), c(3, '2022', 3), c(4, '2021', null), { ...c(5, '2021', 6.5), scoreSource: 'reviewers' as const }];
    const out = rescale(all, callScales(all));
    expect(out.map((x) => x.score)).toEqual([8, 8.7, 5, 0, 6.5]);
  });
});

describe('the tie-break order', () => {
  it('reads month-first dates unless one can only be day-first', () => {
    const us = submissionKeys([{ id: 1, submittedAt: '3/4/2020 1:22:39' }, { id: 2, submittedAt: '3/5/2020 0:10:00' }, { id: 3, submittedAt: 'soon' }]);
    expect(us.get(1)! < us.get(2)!).toBe(true);
    expect(us.get(3)).toBeNull();
    const eu = submissionKeys([{ id: 1, submittedAt: '04/03/2020' }, { id: 2, submittedAt: '13/02/2020' }]);
    expect(eu.get(2)! < eu.get(1)!).toBe(true);
    const iso = submissionKeys([{ id: 1, submittedAt: '2021-02-01T10:00' }, { id: 2, submittedAt: '2021-01-31 23:00' }]);
    expect(iso.get(2)! < iso.get(1)!).toBe(true);
  });

  it('submitted: earliest first, undated last; ties in score follow it', () => {
    const all = [c(1, 'x', 5, '3/9/2020'), c(2, 'x', 5, '3/2/2020'), c(3, 'x', 5, null), c(4, 'x', 6, '3/20/2020')];
    expect(applyOrder(all, 'submitted').sort(byScore).map((x) => x.id)).toEqual([4, 2, 1, 3]);
    expect([...all].sort(byScore).map((x) => x.id)).toEqual([4, 1, 2, 3]);
  });

  it('random: the same seed draws the same order, whichever other applications are there', () => {
    const all = Array.from({ length: 30 }, (_, i) => c(i + 1, 'x', null));
    const order = (list: Candidate[], seed: number) => applyOrder(list, 'random', seed).sort(byScore).map((x) => x.id);
    const a = order(all, 7);
    expect(order(all, 7)).toEqual(a);
    expect(order(all, 8)).not.toEqual(a);
    expect(a).not.toEqual(all.map((x) => x.id));
    const some = all.filter((x) => x.id % 3 === 0);
    expect(order(some, 7)).toEqual(a.filter((id) => id % 3 === 0));
  });

  it('a saved ranking applies the scales, then the order', () => {
    const all = [c(1, '2020', 8), c(2, '2021', 80, '3/1/2021'), c(3, '2021', 40)];
    const ranked = applyRanking(all, { order: 'submitted', scoreScales: callScales(all) });
    expect(ranked.map((x) => x.score)).toEqual([8, 8, 4]);
    expect(ranked.sort(byScore).map((x) => x.id)).toEqual([2, 1, 3]);
  });
});
