import { REGIONS } from '../model.js';
import { categoryCodes } from '../tagging/taxonomy.js';
import { counts, featureValues, type Feature, type Quota } from './quotas.js';
import type { Candidate } from './candidates.js';

export interface CoverageLine {
  value: string;
  count: number;
  min?: number;
  max?: number | null;
}

/** Members per region, country, category and language (the four the officers report on). */
export type Coverage = Record<'region' | 'country' | 'category' | 'language', CoverageLine[]>;

export function coverage(members: Candidate[], quotas: Quota[] = []): Coverage {
  const tally = (feature: Feature, fixed: string[]) => {
    const map = new Map<string, number>(fixed.map((v) => [v, 0]));
    for (const m of members) for (const v of featureValues(m, feature)) map.set(v, (map.get(v) ?? 0) + 1);
    for (const q of quotas) if (q.feature === feature && !map.has(q.value)) map.set(q.value, 0);
    const lines = [...map].map(([value, count]) => {
      const q = quotas.find((x) => x.feature === feature && x.value === value);
      return q ? { value, count, min: q.min, max: q.max } : { value, count };
    });
    return fixed.length ? lines : lines.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  };
  return {
    region: tally('region', [...REGIONS]),
    country: tally('country', []),
    category: tally('category', categoryCodes()),
    language: tally('language', []),
  };
}

/** How many members count towards each quota. */
export function quotaCounts(members: Candidate[], quotas: Quota[]): number[] {
  return quotas.map((q) => members.filter((m) => counts(m, q)).length);
}
