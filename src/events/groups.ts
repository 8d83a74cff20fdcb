/**
 * Breakout groups: the invitees split by working language into a given number of groups per
 * language (`en=2,fr=1,es=1`), solved exactly with HiGHS, the solver the Core Group selection
 * uses (src/selection/solve.ts).
 *
 * For each language with n members and k groups, x[i][g] = 1 puts member i in group g:
 *   every member in exactly one group;
 *   every group holds floor(n/k) or ceil(n/k) members (sizes differ by at most one);
 *   first minimise  sum over regions r and groups g of |k * (members of r in g) - (members of r)|,
 *   then, keeping that best, the same sum over skills categories.
 * The deviation is counted in k-ths of a member so that it stays an integer and "optimal" is
 * exact: zero when every group has exactly its share of every region. Regions come first
 * because a group without anyone from a region is what officers notice; categories then spread
 * as well as the regions allow.
 *
 * Determinism: members enter the model in member-ID order, the first of them is fixed in group 1
 * (the groups of a language are interchangeable), and groups are numbered by their lowest member
 * ID; the solver is deterministic for a given model, so the same invitees give the same groups.
 */
import { OperationError, UsageError } from '../errors.js';
import { resolveLanguage } from '../geo/languages.js';
import { solveMip, type MipRow, type SolverStatus } from '../selection/solve.js';
import type { Invitee } from './types.js';

/** Why an invitee is in no group when they have no working language (the command says how to give one). */
export const NO_LANGUAGE = 'no working language on record';

export interface GroupSpecEntry {
  language: string;
  groups: number;
}

/** 'en=2,fr=1,es=1' -> [{language:'en', groups:2}, ...]; language names are understood too ("French=1"). */
export function parseGroupSpec(text: string): GroupSpecEntry[] {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  if (!parts.length) throw new UsageError('no groups asked for', { hint: 'write the number of groups per language, e.g. --groups en=2,fr=1,es=1' });
  const seen = new Set<string>();
  return parts.map((part) => {
    const m = /^([^=:]+)[=:]\s*(\S+)$/.exec(part);
    if (!m) throw new UsageError(`"${part}" is not LANGUAGE=NUMBER`, { hint: 'e.g. --groups en=2,fr=1,es=1' });
    const language = resolveLanguage(m[1]!.trim());
    if (!language) throw new UsageError(`"${m[1]!.trim()}" is not a language`, { hint: 'use ISO 639-1 codes, e.g. en, fr, es' });
    const groups = Number(m[2]);
    if (!Number.isInteger(groups) || groups < 1) throw new UsageError(`the number of ${language} groups must be a whole number of at least 1, got "${m[2]}"`, { hint: 'e.g. --groups en=2,fr=1,es=1' });
    if (seen.has(language)) throw new UsageError(`${language} is given twice in "${text}"`, { hint: 'give each language once, e.g. --groups en=2,fr=1,es=1' });
    seen.add(language);
    return { language, groups };
  });
}

export interface BreakoutGroup {
  /** 'en-1', 'en-2', 'fr-1' */
  id: string;
  language: string;
  number: number;
  memberIds: number[];
  size: number;
  /** Members per region (regions absent from the group are absent here). */
  regions: Record<string, number>;
  categories: Record<string, number>;
}

export interface UnassignedInvitee {
  memberId: number;
  workingLanguage: string | null;
  reason: string;
}

export interface LanguageSolve {
  language: string;
  members: number;
  groups: number;
  status: SolverStatus;
  optimal: boolean;
  /** Sum over groups and regions of |members of the region in the group - its share|, in members. */
  regionDeviation: number;
  categoryDeviation: number;
}

export interface BreakoutResult {
  groups: BreakoutGroup[];
  unassigned: UnassignedInvitee[];
  /** Every language solved to proven optimality. */
  optimal: boolean;
  languages: LanguageSolve[];
  solveMs: number;
}

export interface BreakoutOptions {
  /** The event's languages: a spec naming another language is refused. */
  eventLanguages?: readonly string[];
  /** Seconds per solve (default 30). */
  timeLimit?: number;
}

const NO_REGION = '';

export async function assignBreakoutGroups(invitees: readonly Invitee[], specInput: readonly GroupSpecEntry[] | string, options: BreakoutOptions = {}): Promise<BreakoutResult> {
  const started = performance.now();
  const spec = typeof specInput === 'string' ? parseGroupSpec(specInput) : [...specInput];
  if (options.eventLanguages?.length) {
    const outside = spec.filter((s) => !options.eventLanguages!.includes(s.language)).map((s) => s.language);
    if (outside.length) {
      throw new UsageError(`the event runs in ${options.eventLanguages.join(', ')}, not in ${outside.join(', ')}`, {
        hint: `ask for groups in the event's languages, or add ${outside.join(', ')} to the event's languages`,
      });
    }
  }
  const wanted = new Map(spec.map((s) => [s.language, s.groups]));
  const byLanguage = new Map<string, Invitee[]>();
  const unassigned: UnassignedInvitee[] = [];
  const sorted = [...invitees].sort((a, b) => a.memberId - b.memberId);
  for (const m of sorted) {
    const language = m.workingLanguage?.trim().toLowerCase() || null;
    if (!language) {
      unassigned.push({ memberId: m.memberId, workingLanguage: null, reason: NO_LANGUAGE });
    } else if (!wanted.has(language)) {
      unassigned.push({ memberId: m.memberId, workingLanguage: language, reason: `works in ${language}; the groups are in ${spec.map((s) => s.language).join(', ')}` });
    } else {
      if (!byLanguage.has(language)) byLanguage.set(language, []);
      byLanguage.get(language)!.push(m);
    }
  }
  const short = spec.filter((s) => (byLanguage.get(s.language)?.length ?? 0) < s.groups);
  if (short.length) {
    const what = short.map((s) => `${s.language}=${s.groups} asks for ${s.groups} group${s.groups === 1 ? '' : 's'} but ${byLanguage.get(s.language)?.length ?? 0} invitee${(byLanguage.get(s.language)?.length ?? 0) === 1 ? ' works' : 's work'} in ${s.language}`);
    // (the groups that fit, and every working language of the invitees: the officer picks from them)
    const fits = spec.map((s) => ({ language: s.language, groups: Math.min(s.groups, byLanguage.get(s.language)?.length ?? 0) })).filter((s) => s.groups > 0);
    const counts = tally(sorted.map((m) => m.workingLanguage?.trim().toLowerCase() || 'none'));
    const spoken = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([l, n]) => `${l} ${n}`).join(', ');
    throw new OperationError(`more groups than members: ${what.join('; ')}`, {
      hint: `${fits.length ? `ask for fewer groups (--groups ${fits.map((s) => `${s.language}=${s.groups}`).join(',')})` : 'ask for groups in the invitees\' languages'}, or invite more members first; invitees by working language: ${spoken || 'none yet'}`,
    });
  }
  const groups: BreakoutGroup[] = [];
  const languages: LanguageSolve[] = [];
  for (const s of spec) {
    const members = byLanguage.get(s.language)!;
    const solved = await splitLanguage(members, s.groups, options.timeLimit ?? 30);
    languages.push({ language: s.language, members: members.length, groups: s.groups, ...solved.summary });
    solved.groups.forEach((ids, n) => {
      const inGroup = members.filter((m) => ids.includes(m.memberId));
      groups.push({
        id: `${s.language}-${n + 1}`,
        language: s.language,
        number: n + 1,
        memberIds: ids,
        size: ids.length,
        regions: tally(inGroup.map((m) => m.region ?? NO_REGION).filter((r) => r !== NO_REGION)),
        categories: tally(inGroup.flatMap((m) => m.categories)),
      });
    });
  }
  return { groups, unassigned, optimal: languages.every((l) => l.optimal), languages, solveMs: performance.now() - started };
}

/** memberId -> group ID, for the invitation sheet. */
export function groupByMember(result: Pick<BreakoutResult, 'groups'>): Map<number, string> {
  const map = new Map<number, string>();
  for (const g of result.groups) for (const id of g.memberIds) map.set(id, g.id);
  return map;
}

interface LanguageSplit {
  /** Member IDs per group, groups ordered by their lowest member ID. */
  groups: number[][];
  summary: Omit<LanguageSolve, 'language' | 'members' | 'groups'>;
}

async function splitLanguage(members: Invitee[], k: number, timeLimit: number): Promise<LanguageSplit> {
  const n = members.length;
  if (k === 1) {
    return { groups: [members.map((m) => m.memberId)], summary: { status: 'optimal', optimal: true, regionDeviation: 0, categoryDeviation: 0 } };
  }
  const x = (i: number, g: number) => i * k + g;
  const numX = n * k;
  const rows: MipRow[] = [];
  for (let i = 0; i < n; i++) rows.push({ lower: 1, upper: 1, columns: Array.from({ length: k }, (_, g) => x(i, g)) });
  const small = Math.floor(n / k);
  const large = Math.ceil(n / k);
  for (let g = 0; g < k; g++) rows.push({ lower: small, upper: large, columns: Array.from({ length: n }, (_, i) => x(i, g)) });

  // Deviation columns: for feature value v and group g, k*s - c = plus - minus.
  let next = numX;
  const regionCols: number[] = [];
  const categoryCols: number[] = [];
  const regionHolders = groupIndices(members.map((m) => (m.region ? [m.region] : [])));
  const categoryHolders = groupIndices(members.map((m) => m.categories));
  const addFeature = (holders: number[], into: number[]) => {
    const c = holders.length;
    for (let g = 0; g < k; g++) {
      const plus = next++;
      const minus = next++;
      into.push(plus, minus);
      rows.push({
        lower: c,
        upper: c,
        columns: [...holders.map((i) => x(i, g)), plus, minus],
        coefficients: [...holders.map(() => k), -1, 1],
      });
    }
  };
  for (const holders of regionHolders) addFeature(holders, regionCols);
  for (const holders of categoryHolders) addFeature(holders, categoryCols);

  const numCols = next;
  const lower = new Array<number>(numCols).fill(0);
  const upper = new Array<number>(numCols).fill(Infinity);
  const integer = new Array<boolean>(numCols).fill(false);
  for (let c = 0; c < numX; c++) {
    upper[c] = 1;
    integer[c] = true;
  }
  lower[x(0, 0)] = 1; // symmetry: the lowest member ID opens group 1
  const costOf = (cols: number[]) => {
    const cost = new Array<number>(numCols).fill(0);
    for (const c of cols) cost[c] = 1;
    return cost;
  };

  const first = await solveMip({ sense: 'minimize', cost: costOf(regionCols), lower, upper, integer, rows, timeLimit });
  if (!first.values.length) {
    throw new OperationError(`the breakout groups could not be solved (${first.status})`, { hint: 'check the group numbers; report this if it persists' });
  }
  let chosen = first.values;
  let status = first.status;
  const regionBest = Math.round(sum(regionCols.map((c) => first.values[c]!)));
  if (categoryCols.length) {
    const second = await solveMip({
      sense: 'minimize',
      cost: costOf(categoryCols),
      lower,
      upper,
      integer,
      rows: [...rows, { lower: -Infinity, upper: regionBest + 0.5, columns: regionCols }],
      timeLimit,
      start: first.values,
    });
    if (second.values.length) {
      chosen = second.values;
      if (status === 'optimal') status = second.status;
    }
  }
  const groupOf = Array.from({ length: n }, (_, i) => Array.from({ length: k }, (_, g) => g).find((g) => chosen[x(i, g)]! > 0.5) ?? 0);
  const groups: number[][] = Array.from({ length: k }, () => []);
  groupOf.forEach((g, i) => groups[g]!.push(members[i]!.memberId));
  groups.sort((a, b) => a[0]! - b[0]!);
  // Measured on the groups themselves (the deviation columns may carry slack in the second solve).
  const deviation = (holders: number[][]) =>
    round2(sum(holders.flatMap((h) => Array.from({ length: k }, (_, g) => Math.abs(h.filter((i) => groupOf[i] === g).length - h.length / k)))));
  return {
    groups,
    summary: { status, optimal: status === 'optimal', regionDeviation: deviation(regionHolders), categoryDeviation: deviation(categoryHolders) },
  };
}

/** For each distinct value (in sorted order), the indices of the members holding it. */
function groupIndices(values: string[][]): number[][] {
  const by = new Map<string, number[]>();
  values.forEach((vs, i) => {
    for (const v of new Set(vs)) {
      if (!by.has(v)) by.set(v, []);
      by.get(v)!.push(i);
    }
  });
  return [...by.keys()].sort().map((v) => by.get(v)!);
}

function tally(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of [...values].sort()) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function sum(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
