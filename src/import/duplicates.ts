/**
 * Applications of one call that are probably the same proposal sent twice. Identity (identity.ts)
 * already merges rows with the same ID, or the same email and organisation; these are the ones
 * it cannot merge on its own and an officer should look at:
 * - a form tool gave each submission its own ID (Microsoft Forms, SurveyMonkey), so a
 *   resubmission arrives under a new ID with the same email and organisation;
 * - the same organisation sent the same title from another address;
 * - the same address sent the same title with the organisation spelled another way.
 * Only applications from the same country are compared: the "Red Cross" of two countries, or two
 * branches of one network sharing an address, are different applicants.
 * Nothing is merged automatically: the officer decides (skillsnet show, select --exclude).
 */
import { normaliseName } from '../geo/normalise.js';

export interface DuplicateCandidate {
  id: number;
  organization: string;
  email: string | null;
  title: string | null;
  /** ISO code; applications in different known countries are never paired (branches of one network). */
  country?: string | null;
}

export type DuplicateReason = 'same email and organisation' | 'same organisation and title' | 'same email and title';

export interface LikelyDuplicate {
  /** The later application (higher id). */
  id: number;
  /** The earliest application it looks like. */
  duplicateOf: number;
  reason: DuplicateReason;
}

/** Titles shorter than this ("Project", "Formation") say too little to call two applications one. */
const MIN_TITLE_LENGTH = 12;

const RULES: { reason: DuplicateReason; key: (c: Keys) => string | null }[] = [
  { reason: 'same email and organisation', key: (c) => (c.email && c.org ? `${c.country}\u0000${c.email}\u0000${c.org}` : null) },
  { reason: 'same organisation and title', key: (c) => (c.org && c.title ? `${c.country}\u0000${c.org}\u0000${c.title}` : null) },
  { reason: 'same email and title', key: (c) => (c.email && c.title ? `${c.country}\u0000${c.email}\u0000${c.title}` : null) },
];

interface Keys {
  id: number;
  country: string;
  org: string;
  email: string;
  title: string;
}

/**
 * Every application that looks like an earlier one, paired with the earliest of its group,
 * by the first rule that matches. When `only` is given, just the pairs that involve one of
 * those ids (the applications an import just wrote). Sorted by id.
 */
export function findLikelyDuplicates(candidates: Iterable<DuplicateCandidate>, only?: Set<number>): LikelyDuplicate[] {
  const keyed: Keys[] = [];
  for (const c of candidates) {
    const title = c.title ? normaliseName(c.title) : '';
    keyed.push({
      id: c.id,
      country: c.country ?? '',
      org: normaliseName(c.organization ?? ''),
      email: (c.email ?? '').trim().toLowerCase(),
      title: title.length >= MIN_TITLE_LENGTH ? title : '',
    });
  }
  keyed.sort((a, b) => a.id - b.id);
  const found = new Map<number, LikelyDuplicate>();
  for (const rule of RULES) {
    const first = new Map<string, number>();
    for (const c of keyed) {
      const key = rule.key(c);
      if (key === null) continue;
      const earliest = first.get(key);
      if (earliest === undefined) {
        first.set(key, c.id);
        continue;
      }
      if (found.has(c.id)) continue;
      if (only && !only.has(c.id) && !only.has(earliest)) continue;
      found.set(c.id, { id: c.id, duplicateOf: earliest, reason: rule.reason });
    }
  }
  return [...found.values()].sort((a, b) => a.id - b.id);
}
