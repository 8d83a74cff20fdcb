import type { Candidate } from './candidates.js';
import { buildRows, pruneDominated, range, type SelectionProblem } from './model.js';
import { boundsText, counts, eligibleCounts, featureValues, featureWord, organizationKeysOf, quotaLabel, SINGLE_VALUED, type Feature, type Quota } from './quotas.js';
import { solveMip, type MipRow, type SolverStatus } from './solve.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Conflicts visible without a solver, one sentence each with the numbers.
 * An empty list does not prove feasibility: the solver has the last word.
 */
export function precheck(problem: SelectionProblem): string[] {
  const { size, candidates, quotas, include } = problem;
  const conflicts: string[] = [];
  if (size > candidates.length) {
    conflicts.push(`the size is ${size} but only ${plural(candidates.length, 'application is', 'applications are')} eligible`);
  }
  if (include.size > size) {
    conflicts.push(`${plural(include.size, 'application is', 'applications are')} forced in with --include but the size is ${size}`);
  }
  const forced = candidates.filter((c) => include.has(c.id));
  const eligibleFor = eligibleCounts(candidates, quotas);
  for (const [qi, q] of quotas.entries()) {
    const label = quotaLabel(q.feature, q.value, q.name);
    if (q.max !== null && q.min > q.max) {
      // (two rules on one value that contradict, often a '*' line and a line of its own: say which to change)
      const rules = q.sources.length > 1 ? ` (rules: ${q.sources.join('; ')})` : '';
      conflicts.push(`${label}: at least ${q.min} required but at most ${q.max} allowed${rules}`);
      continue;
    }
    const eligible = eligibleFor[qi]!;
    // (one sentence per quota, both counts in it when both fall short: a script counts conflicts)
    if (q.min > eligible) {
      conflicts.push(`${label}: at least ${q.min} required, ${plural(eligible, 'eligible application')}${q.min > size ? ` and the size is ${size}` : ''}`);
    } else if (q.min > size) conflicts.push(`${label}: at least ${q.min} required but the size is ${size}`);
    if (q.max !== null) {
      const n = forced.filter((c) => counts(c, q)).length;
      if (n > q.max) conflicts.push(`${label}: at most ${q.max} allowed, but ${n} applications forced in with --include count towards it`);
    }
  }
  // One value per application: the minimums of a feature must fit in the roster together.
  for (const feature of SINGLE_VALUED) {
    const mins = quotas.filter((q) => q.feature === feature && q.min > 0);
    const total = mins.reduce((s, q) => s + q.min, 0);
    if (mins.length > 1 && total > size) conflicts.push(`${featureWord(feature)} minimums add up to ${total} but the size is ${size}`);
    const room = capacity(candidates, quotas, feature, () => true);
    if (room !== null && room < size && quotas.some((q) => q.feature === feature && q.max !== null)) {
      conflicts.push(`${featureWord(feature)} maximums leave room for at most ${room} members but the size is ${size}`);
    }
  }
  // A minimum that the maxima of another single-valued feature cannot let through.
  for (const q of quotas) {
    if (q.min === 0) continue;
    for (const feature of SINGLE_VALUED) {
      if (feature === q.feature || !quotas.some((m) => m.feature === feature && m.max !== null)) continue;
      const room = capacity(candidates, quotas, feature, (c) => counts(c, q));
      const eligible = candidates.filter((c) => counts(c, q)).length;
      if (room !== null && room < q.min && eligible >= q.min) {
        conflicts.push(`${quotaLabel(q.feature, q.value, q.name)}: at least ${q.min} required, but ${featureWord(feature)} maximums leave room for only ${room} of its ${eligible} eligible applications`);
      }
    }
  }
  return [...new Set(conflicts)];
}

/** Most members the feature's maxima allow among the candidates passing `where`. */
function capacity(candidates: Candidate[], quotas: Quota[], feature: Feature, where: (c: Candidate) => boolean): number | null {
  const maxOf = new Map<string, number>();
  for (const q of quotas) if (q.feature === feature && q.max !== null) maxOf.set(q.value, q.max);
  if (maxOf.size === 0) return null;
  const perValue = new Map<string, number>();
  let uncapped = 0;
  for (const c of candidates) {
    if (!where(c)) continue;
    // (an organisation counts by its record, or by its name where a quotas file names it)
    const keys = feature === 'organization' ? organizationKeysOf(c) : undefined;
    const v = keys ? [keys.key, keys.name].find((x) => maxOf.has(x)) : featureValues(c, feature)[0];
    if (v !== undefined && maxOf.has(v)) perValue.set(v, (perValue.get(v) ?? 0) + 1);
    else uncapped++;
  }
  let room = uncapped;
  for (const [v, n] of perValue) room += Math.min(n, maxOf.get(v)!);
  return room;
}

export interface Relaxation {
  /** Indices into problem.quotas of the fewest quotas whose relaxation makes a roster possible. */
  quotas: number[];
  /** One sentence per relaxed quota, with how far it can be met. */
  conflicts: string[];
  optimal: boolean;
}

/**
 * When the solver proves the quotas infeasible: the smallest set of quotas to relax,
 * found exactly by a second integer program. Each quota q gets a switch r_q (relaxed or
 * not) and integer slacks u_q (members missing below its minimum) and v_q (members above
 * its maximum) allowed only when r_q = 1; minimise the number of switches first and the
 * total slack second. The size and --include/--exclude stay hard.
 */
export async function smallestRelaxation(problem: SelectionProblem, timeLimit = 60, signal?: AbortSignal, options: { counterpart?: boolean; /** the solver (a test's stand-in) */ solve?: typeof solveMip } = {}): Promise<Relaxation | null> {
  const candidates = pruneDominated(problem, { softMaxima: true });
  const reduced = { ...problem, candidates };
  const base = buildRows(reduced);
  const started = performance.now();
  const found = await relaxationMip(problem, candidates, base, new Set(), timeLimit, signal, { solve: options.solve });
  if (!found || found.status === 'infeasible') return null;
  const relaxed: number[] = [];
  const conflicts: string[] = [];
  found.slack.forEach(({ u, v }, qi) => {
    if (!found.relaxed.includes(qi)) return;
    const q = problem.quotas[qi]!;
    const label = quotaLabel(q.feature, q.value, q.name);
    relaxed.push(qi);
    if (u > 0) conflicts.push(`${label}: at least ${q.min} required, but together with the other quotas at most ${q.min - u} can be met`);
    else if (v > 0) conflicts.push(`${label}: at most ${q.max} allowed, but the other quotas cannot be met with fewer than ${q.max! + v}`);
    else conflicts.push(`${label}: ${boundsText(q.min, q.max)} conflicts with the other quotas`);
  });
  // "The other quotas" alone does not say which. Where one quota is to relax and one other quota
  // alone could be relaxed instead, those two are the conflict ("at most 4 in Western Asia"
  // against "at least 8 from the Arab States"), and that one is named. Where several could (three
  // category minimums and the size), naming one would be a guess, and nothing is added.
  if (options.counterpart && relaxed.length === 1) {
    const firstTook = (performance.now() - started) / 1000;
    const other = await counterpart(problem, candidates, base, relaxed[0]!, firstTook, timeLimit, signal, options.solve);
    if (other !== undefined) {
      const q = problem.quotas[other]!;
      conflicts[0] += ` (it conflicts with ${quotaLabel(q.feature, q.value, q.name)} ${boundsText(q.min, q.max)})`;
    }
  }
  return { quotas: relaxed, conflicts, optimal: found.optimal };
}

/**
 * The one quota other than `relaxed` whose relaxation alone also gives a roster, when there is
 * exactly one such quota; undefined otherwise, or when that cannot be proved quickly.
 *
 * First without a solver: a quota that cannot hold together with `relaxed` and the size, whatever
 * the other quotas (counted over the four groups of applications the two split the call into),
 * must give way if `relaxed` does not, and every third quota relaxed alone leaves the two in
 * conflict. So with exactly one such partner, a single search (does relaxing the partner alone
 * give a roster?) settles the name; with two or more, no other quota alone gives way. Only where
 * counting proves nothing, on a call whose first search was quick, are the two searches of any
 * quota made, each limited to a second: on a call of 5,000 applications each took about 3 s, and
 * a name is not worth a wait (a search that ran out of time proves nothing, and names nothing).
 */
async function counterpart(problem: SelectionProblem, candidates: Candidate[], base: ReturnType<typeof buildRows>, relaxed: number, firstTook: number, timeLimit: number, signal?: AbortSignal, solve?: typeof solveMip): Promise<number | undefined> {
  const all = range(problem.quotas.length);
  const partners = conflictingPartners(problem, relaxed);
  if (partners === null || partners.length > 1) return undefined;
  if (partners.length === 1) {
    const [b] = partners;
    const alone = await relaxationMip(problem, candidates, base, new Set(all.filter((qi) => qi !== b)), Math.min(timeLimit, 2), signal, { single: true, solve });
    return alone?.status === 'optimal' && alone.relaxed.every((qi) => qi === b) ? b : undefined;
  }
  if (firstTook > 1) return undefined;
  const limit = Math.min(timeLimit, 1);
  const other = await relaxationMip(problem, candidates, base, new Set([relaxed]), limit, signal, { single: true, solve });
  if (other?.status !== 'optimal' || other.relaxed.length !== 1) return undefined;
  const third = await relaxationMip(problem, candidates, base, new Set([relaxed, ...other.relaxed]), limit, signal, { single: true, solve });
  return third?.status === 'infeasible' ? other.relaxed[0] : undefined;
}

/**
 * The quotas that cannot hold together with quota `a` in a roster of the size, by counting alone
 * (the other quotas, --include and the organisation caps left out, so a conflict found is one in
 * full). Null when quota `a` cannot hold with the size by itself: then the size is its conflict.
 */
export function conflictingPartners(problem: SelectionProblem, a: number): number[] | null {
  const { size, candidates, quotas } = problem;
  const member = (q: Quota) => Uint8Array.from(candidates, (c) => (counts(c, q) ? 1 : 0));
  const inA = member(quotas[a]!);
  const nA = inA.reduce((s, x) => s + x, 0);
  const A = quotas[a]!;
  if (!pairFits(size, candidates.length - nA, [A.min, A.max, nA, 0], [0, null, 0, 0])) return null;
  const partners: number[] = [];
  quotas.forEach((B, b) => {
    if (b === a) return;
    const inB = member(B);
    let both = 0, onlyA = 0, onlyB = 0;
    for (let i = 0; i < inA.length; i++) {
      if (inA[i] && inB[i]) both++;
      else if (inA[i]) onlyA++;
      else if (inB[i]) onlyB++;
    }
    if (!pairFits(size, candidates.length - both - onlyA - onlyB, [A.min, A.max, onlyA, both], [B.min, B.max, onlyB, both])) partners.push(b);
  });
  return partners;
}

/**
 * Whether `size` applications can be chosen with each of two quotas' counts within its bounds:
 * [min, max, applications counted by it alone, applications counted by both], and `neither` more.
 */
function pairFits(size: number, neither: number, [minA, maxA, onlyA]: [number, number | null, number, number], [minB, maxB, onlyB, both]: [number, number | null, number, number]): boolean {
  for (let x = 0; x <= Math.min(both, size); x++) {
    const yLo = Math.max(0, minA - x), yHi = Math.min(onlyA, (maxA ?? Infinity) - x);
    const zLo = Math.max(0, minB - x), zHi = Math.min(onlyB, (maxB ?? Infinity) - x);
    if (yLo > yHi || zLo > zHi) continue;
    // the rest of the roster from the applications neither quota counts
    if (yLo + zLo <= size - x && yHi + zHi >= size - x - neither) return true;
  }
  return false;
}

/**
 * The relaxation program of smallestRelaxation; the quotas in `hold` may not be relaxed. With
 * `single`, any roster relaxing at most one quota (no cost: the status says whether there is
 * one, `infeasible` that there is none). Null when the solver found no roster, in time or at all.
 */
async function relaxationMip(problem: SelectionProblem, candidates: Candidate[], base: ReturnType<typeof buildRows>, hold: Set<number>, timeLimit: number, signal?: AbortSignal, options: { single?: boolean; solve?: typeof solveMip } = {}): Promise<{ relaxed: number[]; slack: { u: number; v: number }[]; optimal: boolean; status: SolverStatus } | null> {
  const n = candidates.length;
  const Q = problem.quotas.length;
  const slackTotal = problem.quotas.reduce((s, q, qi) => s + q.min + base[qi + 1].columns.length, 0);
  const big = slackTotal + 1;
  // Columns: x (n), r (Q), u (Q), v (Q).
  const R = n, U = n + Q, V = n + 2 * Q;
  const cost = options.single ? Array(n + 3 * Q).fill(0) : [...Array(n).fill(0), ...Array(Q).fill(big), ...Array(2 * Q).fill(1)];
  const lower = [...candidates.map((c) => (problem.include.has(c.id) ? 1 : 0)), ...Array(3 * Q).fill(0)];
  const upper = [...Array(n).fill(1), ...range(Q).map((qi) => (hold.has(qi) ? 0 : 1)), ...problem.quotas.map((q) => q.min), ...base.slice(1).map((r) => r.columns.length)];
  const rows: MipRow[] = [base[0]];
  if (options.single) rows.push({ lower: -Infinity, upper: 1, columns: range(Q).map((qi) => R + qi), coefficients: range(Q).map(() => 1) });
  problem.quotas.forEach((q, qi) => {
    const cols = base[qi + 1].columns;
    if (q.min > 0) rows.push({ lower: q.min, upper: Infinity, columns: [...cols, U + qi], coefficients: [...cols.map(() => 1), 1] });
    if (q.max !== null) rows.push({ lower: -Infinity, upper: q.max, columns: [...cols, V + qi], coefficients: [...cols.map(() => 1), -1] });
    rows.push({ lower: -Infinity, upper: 0, columns: [U + qi, R + qi], coefficients: [1, -Math.max(q.min, 1)] });
    rows.push({ lower: -Infinity, upper: 0, columns: [V + qi, R + qi], coefficients: [1, -Math.max(cols.length, 1)] });
  });
  const out = await (options.solve ?? solveMip)({
    sense: 'minimize', cost, lower, upper, integer: range(n + 3 * Q).map(() => true), rows, timeLimit,
  }, signal);
  if (out.status === 'infeasible') return { relaxed: [], slack: [], optimal: false, status: 'infeasible' };
  if (out.values.length === 0) return null;
  return {
    relaxed: range(Q).filter((qi) => out.values[R + qi] >= 0.5),
    slack: range(Q).map((qi) => ({ u: out.values[U + qi], v: out.values[V + qi] })),
    optimal: out.optimal,
    status: out.status,
  };
}

/**
 * The next step that fits the conflicts found (their sentences are written in this file and
 * in select.ts): --include/--exclude clashes are fixed by changing those lists or the size,
 * a size above the eligible count by a smaller size or wider filters, quota conflicts by
 * relaxing quotas.
 */
/** Is the conflict about a quota (rather than --include/--exclude or the size alone)? */
export function isQuotaConflict(conflict: string): boolean {
  return !/--include|--exclude|^the size is \d+ but only/.test(conflict);
}

export function conflictHint(conflicts: string[]): string {
  const steps: string[] = [];
  const both = conflicts.some((c) => /forced in \(--include\) and kept out \(--exclude\)/.test(c));
  const tooManyForced = conflicts.some((c) => /forced in with --include but the size is/.test(c));
  const forcedOverMax = conflicts.some((c) => /forced in with --include count towards it/.test(c));
  const tooFew = conflicts.some((c) => /^the size is \d+ but only/.test(c));
  if (both) steps.push('take each ID named above out of either --include or --exclude');
  if (tooManyForced) steps.push('force in fewer IDs with --include, or raise --size');
  if (forcedOverMax) steps.push('force in fewer of those IDs with --include, or raise that maximum');
  if (tooFew) steps.push('lower --size, or widen the filters');
  const other = conflicts.some(isQuotaConflict);
  // (the size and the filters are named once: after "lower --size, or widen the filters", not again)
  if (other || steps.length === 0) steps.push(tooFew ? 'relax the quotas named above (lower a minimum, raise a maximum)' : 'relax the quotas named above (lower a minimum, raise a maximum), change --size, or widen the filters');
  return steps.join('; ');
}
