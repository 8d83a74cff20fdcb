import type { DB } from '../db/connection.js';
import { categoryTallies } from '../db/tags.js';
import type { ApplicationFilters } from '../model.js';
import { categoryCodes, taxonomy } from './taxonomy.js';

export interface CategoryCount {
  code: string;
  name: string;
  /** Applications carrying the category (state on, any source). */
  applications: number;
  /** Of those, how many an officer confirmed. */
  byOfficer: number;
}

/** Applications per revised category (taxonomy order), with the untagged and total counts. */
export function categoryCounts(db: DB, filters: ApplicationFilters = {}): { categories: CategoryCount[]; untagged: number; total: number } {
  const { tallies, untagged, total } = categoryTallies(db, filters);
  const byCode = new Map(tallies.map((t) => [t.code, t]));
  const categories: CategoryCount[] = taxonomy().revised.map((c) => ({
    code: c.code,
    name: c.short.en,
    applications: byCode.get(c.code)?.applications ?? 0,
    byOfficer: byCode.get(c.code)?.byOfficer ?? 0,
  }));
  // Codes outside the taxonomy (an older file, a hand edit) are still counted, not hidden.
  for (const t of tallies) {
    if (!categoryCodes().includes(t.code)) categories.push({ code: t.code, name: t.code, applications: t.applications, byOfficer: t.byOfficer });
  }
  return { categories, untagged, total };
}
