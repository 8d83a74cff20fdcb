import { byScore, type Candidate } from './candidates.js';
import { boundsText, counts, quotaLabel, type Quota } from './quotas.js';

function scoreText(c: Candidate): string {
  const s = Number(c.score.toFixed(3));
  if (c.scoreSource === 'reviewers') return `reviewers' combined score ${s}`;
  if (c.scoreSource === 'application') return `score ${s}`;
  return 'no score (counted as 0)';
}

/** Rank of every eligible application by score (1 = best), ties in ID order. */
export function scoreRanks(candidates: Candidate[]): Map<number, number> {
  const ranks = new Map<number, number>();
  [...candidates].sort(byScore).forEach((c, i) => ranks.set(c.id, i + 1));
  return ranks;
}

/**
 * Why each member is on the roster, in words an officer can repeat: its score and rank,
 * the quotas it helps meet (and whether the roster has no spare for that quota), and
 * whether it was forced in or picked over better-scoring applications for a quota.
 */
export function memberReasons(members: Candidate[], eligible: Candidate[], quotas: Quota[], include: Set<number>, size: number): Map<number, string[]> {
  const ranks = scoreRanks(eligible);
  const reasons = new Map<number, string[]>();
  const selectedCount = quotas.map((q) => members.filter((m) => counts(m, q)).length);
  for (const m of members) {
    const rank = ranks.get(m.id)!;
    const list = [`${scoreText(m)}, rank ${rank} of ${eligible.length} eligible`];
    if (include.has(m.id)) list.push('forced in with --include');
    const helps: string[] = [];
    quotas.forEach((q, qi) => {
      if (q.min === 0 || !counts(m, q)) return;
      const tight = selectedCount[qi] <= q.min;
      helps.push(`${tight ? 'needed for' : 'counts towards'} ${quotaLabel(q.feature, q.value, q.name)} (${boundsText(q.min, q.max)}; ${selectedCount[qi]} selected)`);
    });
    list.push(...helps);
    if (rank > size && !include.has(m.id)) {
      list.push(helps.length ? 'chosen ahead of higher-scoring applications so that the quotas above are met' : 'chosen ahead of higher-scoring applications that would break a maximum');
    }
    reasons.set(m.id, list);
  }
  return reasons;
}

/**
 * Would the roster still meet every quota with `out` replaced by `incoming`? A quota the roster
 * already misses (a seat left open, a quota relaxed in an earlier replacement) must not be
 * missed by more.
 */
export function swapKeepsQuotas(members: Candidate[], out: Candidate, incoming: Candidate, quotas: Quota[], selected?: number[]): boolean {
  const miss = (q: Quota, n: number) => Math.max(q.min - n, 0) + (q.max === null ? 0 : Math.max(n - q.max, 0));
  for (let qi = 0; qi < quotas.length; qi++) {
    const q = quotas[qi];
    const before = selected ? selected[qi] : members.filter((m) => counts(m, q)).length;
    let n = before;
    if (counts(out, q)) n--;
    if (counts(incoming, q)) n++;
    const after = miss(q, n);
    if (after > 0 && (miss(q, before) === 0 || after > miss(q, before))) return false;
  }
  return true;
}

/** "can replace #3, #9 without breaking a quota", "can replace any member …", or that it can replace none today. */
export function replacesSentence(replaces: number[], members: number): string {
  if (replaces.length === 0) return 'can replace no member today without breaking a quota';
  const who = replaces.length === members ? 'any member' : replaces.length > 6 ? `${replaces.length} of the members` : replaces.map((id) => `#${id}`).join(', ');
  return `can replace ${who} without breaking a quota`;
}

/** The members an alternate can stand in for without breaking a quota (never one forced in). */
export function replaceableBy(members: Candidate[], alternate: Candidate, quotas: Quota[], include: Set<number> = new Set()): number[] {
  const selected = quotas.map((q) => members.filter((m) => counts(m, q)).length);
  return members.filter((m) => !include.has(m.id) && swapKeepsQuotas(members, m, alternate, quotas, selected)).map((m) => m.id);
}

export interface Alternate {
  candidate: Candidate;
  /** Members it can stand in for without breaking a quota. */
  replaces: number[];
  reasons: string[];
}

/**
 * The reserve list: the best-scoring eligible applications not on the roster that can
 * stand in for at least one member without breaking a quota, in score order.
 */
export function rankAlternates(members: Candidate[], eligible: Candidate[], quotas: Quota[], k: number, include: Set<number> = new Set()): Alternate[] {
  if (k <= 0) return [];
  const ranks = scoreRanks(eligible);
  const inRoster = new Set(members.map((m) => m.id));
  const selected = quotas.map((q) => members.filter((m) => counts(m, q)).length);
  const out: Alternate[] = [];
  for (const c of [...eligible].sort(byScore)) {
    if (out.length >= k) break;
    if (inRoster.has(c.id)) continue;
    const replaces = members.filter((m) => !include.has(m.id) && swapKeepsQuotas(members, m, c, quotas, selected)).map((m) => m.id);
    if (replaces.length === 0) continue;
    out.push({
      candidate: c,
      replaces,
      reasons: [`${scoreText(c)}, rank ${ranks.get(c.id)} of ${eligible.length} eligible`, replacesSentence(replaces, members.length)],
    });
  }
  return out;
}
