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
import type { DB } from '../db/connection.js';
import { callNames, getApplication, listApplications } from '../db/applications.js';
import { batchRows, batchRuleMatches, callRows, callRuleMatches, ruleMatches, sameCountryRows, staleDuplicateKeys, storeDuplicateKeys, DUPLICATE_KEY_COLUMNS } from '../db/duplicates.js';
import { keyHash, type NormalisedNames } from './identity.js';
import type { Application, ApplicationFilters } from '../model.js';

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

/** What the rules compare, normalised once per application. */
export interface ComparedParts {
  country: string;
  org: string;
  email: string;
  /** empty when the title is too short to compare */
  title: string;
}

export function comparedParts(c: Omit<DuplicateCandidate, 'id'>, normalised?: NormalisedNames): ComparedParts {
  const title = normalised ? normalised.title : c.title ? normaliseName(c.title) : '';
  return {
    country: c.country ?? '',
    org: normalised ? normalised.organization : normaliseName(c.organization ?? ''),
    email: (c.email ?? '').trim().toLowerCase(),
    title: title.length >= MIN_TITLE_LENGTH ? title : '',
  };
}

/** A key from parts that must all be present, within the country. */
const key = (p: ComparedParts, ...parts: string[]) => (parts.every(Boolean) ? [p.country, ...parts].join('\u001f') : null);

/**
 * (duplicateKeys below hashes the same parts for the keys an import stores: keep the two alike.)
 * The rules, strongest first: two applications of a call with the same non-null key under a
 * rule look like one proposal. An application is reported under the first rule that pairs it.
 */
export const DUPLICATE_RULES: { reason: DuplicateReason; key: (p: ComparedParts) => string | null }[] = [
  { reason: 'same email and organisation', key: (p) => key(p, p.email, p.org) },
  { reason: 'same organisation and title', key: (p) => key(p, p.org, p.title) },
  { reason: 'same email and title', key: (p) => key(p, p.email, p.title) },
];

/** The version of the rules the stored keys were computed with (migration 31 stores them). */
export const DUPLICATE_KEYS_VERSION = 1;

/**
 * An application's key under each rule, hashed, as stored with it (the import writes them), so
 * that the check after an import looks up the applications it wrote through an index instead
 * of keying the whole call again.
 */
export function duplicateKeys(c: Omit<DuplicateCandidate, 'id'>, normalised?: NormalisedNames): (number | null)[] {
  const p = comparedParts(c, normalised);
  // the parts of each rule's key (DUPLICATE_RULES), hashed without building the key
  return [
    p.email && p.org ? keyHash(p.country, p.email, p.org) : null,
    p.org && p.title ? keyHash(p.country, p.org, p.title) : null,
    p.email && p.title ? keyHash(p.country, p.email, p.title) : null,
  ];
}

/**
 * Computes the keys the call lacks: applications written by something else than an import (an
 * edit, an older skillsnet), or changed since. Only those reach JavaScript (an index finds
 * them). Call inside a write transaction.
 */
export function refreshDuplicateKeys(db: DB, callId: number): number {
  const stale = staleDuplicateKeys(db, callId);
  const store = storeDuplicateKeys(db);
  for (const row of stale) store(row.id, DUPLICATE_KEYS_VERSION, duplicateKeys(row));
  return stale.length;
}

/**
 * The likely duplicates that involve an application these import batches wrote, found through
 * the stored keys: for a few rows, through their indexes (a one-row correction into a call of
 * 100,000 applications looks at a handful of rows); for a batch that is much of the call, by
 * grouping the whole call's keys in SQLite. Refresh the keys first (refreshDuplicateKeys).
 */
export function likelyDuplicatesOfBatches(db: DB, callId: number, batches: number[], limit = Infinity): DuplicateReport {
  const only = new Set(batches);
  const best = new Map<number, { duplicateOf: number; rule: number }>();
  // A batch that wrote a good part of the call is compared by grouping the whole call; a few
  // rows, by looking up their keys (the call is counted only when the batches are large).
  const written = batchRows(db, callId, batches);
  const wholeCall = written > 2000 && written * 4 > callRows(db, callId);
  DUPLICATE_KEY_COLUMNS.forEach((_, rule) => {
    for (const m of wholeCall ? callRuleMatches(db, callId, rule) : batchRuleMatches(db, callId, batches, rule)) {
      if (!only.has(m.batch ?? -1) && !only.has(m.firstBatch ?? -1)) continue;
      const prev = best.get(m.id);
      if (!prev || rule < prev.rule) best.set(m.id, { duplicateOf: m.first, rule });
    }
  });
  const ids = [...best.keys()].sort((a, b) => a - b);
  const pairs = ids.slice(0, Number.isFinite(limit) ? limit : undefined).map((id) => {
    const b = best.get(id)!;
    return { id, duplicateOf: b.duplicateOf, reason: DUPLICATE_RULES[b.rule]!.reason };
  });
  return { pairs, total: ids.length };
}

export interface DuplicateReport {
  /** the pairs, by id; at most `limit` of them */
  pairs: LikelyDuplicate[];
  /** how many there are in all */
  total: number;
}

/**
 * The likely duplicates of a call; with `batches`, only those that involve an application one
 * of those import batches wrote. Memory stays flat: SQLite groups the keys, the matches are
 * streamed, and at most `limit` pairs are kept (the rest are only counted).
 */
export function likelyDuplicates(db: DB, call: string, options: { batches?: number[]; limit?: number } = {}): DuplicateReport {
  const only = options.batches ? new Set(options.batches) : undefined;
  const limit = options.limit ?? Infinity;
  const report: DuplicateReport = { pairs: [], total: 0 };
  const matches = ruleMatches(db, call, DUPLICATE_RULES.length, (organization, email, title, country) => {
    const parts = comparedParts({ organization, email, title, country });
    return DUPLICATE_RULES.map((r) => r.key(parts));
  });
  for (const m of matches) {
    // The strongest rule that pairs it (with, when asked, one side written by these batches).
    const rule = m.firsts.findIndex((f) => f !== null && (!only || only.has(m.batch ?? -1) || only.has(f.batch ?? -1)));
    if (rule < 0) continue;
    report.total++;
    if (report.pairs.length < limit) report.pairs.push({ id: m.id, duplicateOf: m.firsts[rule]!.id, reason: DUPLICATE_RULES[rule]!.reason });
  }
  return report;
}

/** Another application of the call that one application looks like, under the strongest rule that pairs them. */
export interface LooksLike {
  id: number;
  reason: DuplicateReason;
}

/** The applications of its call that one application looks like (earlier and later ones), by id. */
export function duplicatesOfApplication(db: DB, id: number): LooksLike[] {
  const rows = sameCountryRows(db, id);
  if (!rows) return [];
  const keysOf = (c: DuplicateCandidate) => {
    const parts = comparedParts(c);
    return DUPLICATE_RULES.map((r) => r.key(parts));
  };
  const mine = keysOf(rows.self);
  const found: LooksLike[] = [];
  for (const other of rows.others) {
    const theirs = keysOf(other);
    const rule = mine.findIndex((k, i) => k !== null && k === theirs[i]);
    if (rule >= 0) found.push({ id: other.id, reason: DUPLICATE_RULES[rule]!.reason });
  }
  return found;
}

/** `list --duplicates`: the applications in a duplicate group, and what each looks like. */
export interface DuplicateGroups {
  /** The groups the filters touch, each whole and together, earliest group first. */
  applications: Application[];
  /** Every likely pair of the call(s), keyed by the later application's id. */
  duplicates: Map<number, LikelyDuplicate>;
}

/**
 * The matching applications that look like another of their call, side by side: a filter that
 * matches one side of a pair ("--search", "--roster") still shows the other.
 */
export function duplicateGroups(db: DB, filters: ApplicationFilters): DuplicateGroups {
  const duplicates = duplicatesOfCalls(db, filters.call);
  return { applications: sideBySide(db, listApplications(db, filters), duplicates), duplicates };
}

/** Every likely duplicate pair of the call (or of every call), keyed by the later application's id. */
function duplicatesOfCalls(db: DB, call: string | undefined): Map<number, LikelyDuplicate> {
  const found = new Map<number, LikelyDuplicate>();
  for (const name of call !== undefined ? [call] : callNames(db)) {
    for (const d of likelyDuplicates(db, name).pairs) found.set(d.id, d);
  }
  return found;
}

/**
 * The listed applications that are in a duplicate group, each group whole and together, earliest
 * first: a filter that matches one side of a pair ("--search", "--roster") still shows the other.
 */
function sideBySide(db: DB, applications: Application[], duplicates: Map<number, LikelyDuplicate>): Application[] {
  // Pairs chain (#2 looks like #1, #3 like #2): a group is every application linked by pairs, named by its earliest.
  const parent = new Map<number, number>();
  const root = (x: number): number => {
    let r = x;
    while (parent.get(r)! !== r) r = parent.get(r)!;
    for (let c = x; c !== r; ) {
      const next = parent.get(c)!;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  for (const d of duplicates.values()) {
    for (const x of [d.id, d.duplicateOf]) if (!parent.has(x)) parent.set(x, x);
    const a = root(d.id);
    const b = root(d.duplicateOf);
    if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
  }
  const shown = applications.filter((a) => parent.has(a.id));
  const groups = new Set(shown.map((a) => root(a.id)));
  const listed = new Set(shown.map((a) => a.id));
  for (const id of parent.keys()) {
    if (!listed.has(id) && groups.has(root(id))) {
      const partner = getApplication(db, id);
      if (partner) shown.push(partner);
    }
  }
  return shown.sort((a, b) => root(a.id) - root(b.id) || a.id - b.id);
}
