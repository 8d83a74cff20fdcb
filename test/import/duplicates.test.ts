import { describe, expect, it } from 'vitest';
import { findLikelyDuplicates, type DuplicateCandidate } from '../../src/import/duplicates.js';

const app = (id: number, organization: string, email: string | null, title: string | null): DuplicateCandidate => ({ id, organization, email, title });

describe('findLikelyDuplicates', () => {
  it('pairs a resubmission under a new ID (same email and organisation) with the earliest application', () => {
    const found = findLikelyDuplicates([
      app(3, 'Fundación Puentes', 'ana@puentes.org', 'Aprendices en talleres mecánicos'),
      app(9, 'FUNDACION PUENTES ', 'ana@puentes.org', 'Aprendices en talleres mecánicos de Quito'),
      app(12, 'Fundación Puentes', 'ANA@puentes.org', 'Otra cosa distinta del todo'),
    ]);
    expect(found).toEqual([
      { id: 9, duplicateOf: 3, reason: 'same email and organisation' },
      { id: 12, duplicateOf: 3, reason: 'same email and organisation' },
    ]);
  });

  it('finds the same title from another address, and the same address with the organisation spelled another way', () => {
    const found = findLikelyDuplicates([
      app(1, 'Skills for Tomorrow Trust', 'a@sft.org', 'Mobile workshops for rural welders'),
      app(2, 'Skills for Tomorrow Trust', 'b@sft.org', 'Mobile Workshops for Rural Welders!'),
      app(5, 'SFT Trust', 'a@sft.org', 'mobile workshops for rural welders'),
    ]);
    expect(found).toEqual([
      { id: 2, duplicateOf: 1, reason: 'same organisation and title' },
      { id: 5, duplicateOf: 1, reason: 'same email and title' },
    ]);
  });

  it('does not call different proposals duplicates: other titles, short generic titles, missing emails', () => {
    expect(
      findLikelyDuplicates([
        app(1, 'Skills for Tomorrow Trust', 'a@sft.org', 'Mobile workshops for rural welders'),
        app(2, 'Skills for Tomorrow Trust', 'b@sft.org', 'Radio lessons for fishers'),
        app(3, 'Centre A', 'x@a.org', 'Project'),
        app(4, 'Centre A', 'y@a.org', 'Project'),
        app(5, 'Centre B', null, 'A long and identical title here'),
        app(6, 'Centre C', null, 'A long and identical title here'),
        // the same network in two countries, even from one address
        { ...app(7, 'Red Cross Society', 'hq@rc.org', 'First aid trainers for schools'), country: 'KE' },
        { ...app(8, 'Red Cross Society', 'hq@rc.org', 'First aid trainers for schools'), country: 'UG' },
      ]),
    ).toEqual([]);
  });

  it('with `only`, reports just the pairs that involve those applications', () => {
    const all = [
      app(1, 'Org One', 'one@o.org', null),
      app(2, 'Org One', 'one@o.org', null),
      app(3, 'Org Two', 'two@o.org', null),
      app(4, 'Org Two', 'two@o.org', null),
    ];
    expect(findLikelyDuplicates(all, new Set([4]))).toEqual([{ id: 4, duplicateOf: 3, reason: 'same email and organisation' }]);
    expect(findLikelyDuplicates(all, new Set([1]))).toEqual([{ id: 2, duplicateOf: 1, reason: 'same email and organisation' }]);
    expect(findLikelyDuplicates(all, new Set())).toEqual([]);
  });
});
