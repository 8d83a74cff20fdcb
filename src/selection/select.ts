import { byScore, byTieBreak, scoreKey, type Candidate } from './candidates.js';
import { buildRows, objectiveCoefficients, pruneDominated, type SelectionProblem } from './model.js';
import { counts, describeQuota, expandQuotas, type Quota, type QuotaRule } from './quotas.js';
import { precheck, smallestRelaxation } from './infeasibility.js';
import { memberReasons, rankAlternates, type Alternate } from './reasons.js';
import { gcdOf, solveMip, type SolverStatus } from './solve.js';
import { checkpoint } from '../reporting.js';

export interface SelectionSpec {
  size: number;
  rules: QuotaRule[];
  /** IDs forced in; they must be among the candidates. */
  include?: number[];
  /** IDs kept out. */
  exclude?: number[];
  /** How many alternates to rank (default 5). */
  alternates?: number;
  /** Seconds the solver may take per solve (default 60). */
  timeLimit?: number;
  /** Aborted (Ctrl-C): the solve stops at once with InterruptedError. */
  signal?: AbortSignal;
}

export interface SelectedMember {
  candidate: Candidate;
  reasons: string[];
}

export interface SelectionResult {
  feasible: boolean;
  /** Proven optimal by the solver (false when a time limit stopped it with a roster). */
  optimal: boolean;
  status: SolverStatus | 'conflicts';
  /** Sum of the members' scores. */
  objective: number | null;
  /** Best bound proven when not optimal. */
  bound: number | null;
  /** Members in score order. */
  members: SelectedMember[];
  alternates: Alternate[];
  quotas: Quota[];
  conflicts: string[];
  eligible: number;
  /** Applications the solver actually decided about after exact pruning. */
  modelSize: number;
  solveMs: number;
}

/**
 * Picks `size` applications maximising the total score under the quotas, exactly, and
 * among rosters with the best total prefers lower application IDs (the smallest sum of the
 * members' positions in ID order), so equal-scoring rosters are never chosen by accident of
 * the solver: same data and options, same roster. Scores count to four decimals.
 */
export async function selectRoster(all: Candidate[], spec: SelectionSpec): Promise<SelectionResult> {
  const started = performance.now();
  const exclude = new Set(spec.exclude ?? []);
  const include = new Set((spec.include ?? []).filter((id) => !exclude.has(id)));
  // In tie-break order (ID order unless --order chose another): a position is what ties compare.
  const candidates = all.filter((c) => !exclude.has(c.id)).sort(byTieBreak);
  const quotas = expandQuotas(spec.rules, candidates);
  await checkpoint(spec.signal, 'interrupted; no roster was selected or saved');
  const problem: SelectionProblem = { size: spec.size, candidates, quotas, include };
  const base = { quotas, eligible: candidates.length, alternates: [] as Alternate[], members: [] as SelectedMember[], bound: null };
  const conflicts = precheck(problem);
  await checkpoint(spec.signal, 'interrupted; no roster was selected or saved');
  for (const id of spec.include ?? []) {
    if (exclude.has(id)) conflicts.unshift(`application ${id} is both forced in (--include) and kept out (--exclude)`);
  }
  if (conflicts.length) {
    return { ...base, feasible: false, optimal: false, status: 'conflicts', objective: null, conflicts, modelSize: 0, solveMs: performance.now() - started };
  }

  // Organisation caps (one seat per organisation by default) would add a row per shared name
  // and defeat the pruning, so they are added lazily: solve without them, add the caps the
  // roster breaks, solve again. The last roster keeps every cap, and its problem is a
  // relaxation of the full one, so it is optimal for the full problem too.
  const orgCaps = quotas.filter((q) => q.feature === 'organization');
  // Start with the caps the best-scoring applications would break anyway (fewer rounds).
  const top = [...candidates].sort(byScore).slice(0, 4 * spec.size);
  let active = quotas.filter((q) => q.feature !== 'organization' || top.filter((c) => counts(c, q)).length > (q.max ?? Infinity));
  let kept: Candidate[];
  let chosen: number[];
  let first: Awaited<ReturnType<typeof solveMip>>;
  let combined: boolean;
  let M: number;
  let unit: number;
  for (;;) {
    kept = pruneDominated({ ...problem, quotas: active });
    const reduced: SelectionProblem = { ...problem, quotas: active, candidates: kept };
    const rows = buildRows(reduced);
    // Integer scores divided by their common divisor (1-decimal scores become 0..100).
    unit = gcdOf(objectiveCoefficients(kept));
    const cost = objectiveCoefficients(kept).map((c) => c / unit);
    const lower = kept.map((c) => (include.has(c.id) ? 1 : 0));
    const upper = kept.map(() => 1);
    const integer = kept.map(() => true);
    // When the numbers stay small, one solve does both steps: each member's coefficient is
    // score * M - (its position in ID order), with M larger than any difference in the sum
    // of positions, so a higher total always wins and equal totals go to lower IDs.
    // Otherwise (many candidates, scores with four decimals) two solves keep the LP well scaled.
    M = spec.size * Math.max(kept.length - 1, 0) + 1;
    combined = Math.max(0, ...cost.map(Math.abs)) * M <= 1e9;
    const firstCost = combined ? cost.map((c, i) => c * M - i) : cost;
    first = await solveMip({ sense: 'maximize', cost: firstCost, lower, upper, integer, rows, timeLimit: spec.timeLimit }, spec.signal);

    if (first.status === 'infeasible') {
      const relaxation = await smallestRelaxation(problem, spec.timeLimit, spec.signal, { counterpart: true });
      const found = relaxation?.conflicts.length ? relaxation.conflicts : quotas.map(describeQuota);
      return { ...base, feasible: false, optimal: false, status: 'infeasible', objective: null, conflicts: found, modelSize: kept.length, solveMs: performance.now() - started };
    }
    if (first.values.length === 0) {
      return { ...base, feasible: false, optimal: false, status: first.status, objective: null, conflicts: [`the solver stopped (${first.status}) before finding any roster`], modelSize: kept.length, solveMs: performance.now() - started };
    }

    chosen = first.values;
    if (first.optimal && !combined) {
      const firstValues = first.values;
      // Tie-break: same best total, lowest IDs.
      const best = cost.reduce((s, c, i) => s + c * firstValues[i], 0);
      const second = await solveMip({
        sense: 'minimize', cost: kept.map((_, i) => i), lower, upper, integer,
        rows: [...rows, { lower: best - 0.5, upper: Infinity, columns: kept.map((_, i) => i), coefficients: cost }],
        timeLimit: spec.timeLimit, start: firstValues,
      }, spec.signal);
      if (second.values.length) {
        const total = cost.reduce((s, c, i) => s + c * second.values[i], 0);
        if (total === best) chosen = second.values;
      }
    }
    const picked = kept.filter((_, i) => chosen[i] > 0.5);
    const broken = orgCaps.filter((q) => !active.includes(q) && picked.filter((m) => counts(m, q)).length > (q.max ?? Infinity));
    if (broken.length === 0) break;
    active = quotas.filter((q) => active.includes(q) || broken.includes(q));
  }
  const optimal = first.optimal;
  const members = kept.filter((_, i) => chosen[i] > 0.5).sort(byScore);
  // Report (and check alternates against) the quotas in force and the caps on members' organisations.
  const relevant = quotas.filter((q) => q.feature !== 'organization' || active.includes(q) || members.some((m) => counts(m, q)));
  const reasons = memberReasons(members, candidates, relevant, include, spec.size);
  const objective = Math.round(members.reduce((s, m) => s + scoreKey(m.score), 0)) / 1e4;
  return {
    ...base,
    feasible: true,
    optimal,
    status: first.status,
    objective,
    bound: optimal ? objective : proofBound(first.bound, combined ? M : 1, unit, candidates, spec.size),
    members: members.map((m) => ({ candidate: m, reasons: reasons.get(m.id)! })),
    quotas: relevant,
    alternates: rankAlternates(members, candidates, relevant, spec.alternates ?? 5, include),
    conflicts: [],
    modelSize: kept.length,
    solveMs: performance.now() - started,
  };
}

/**
 * The solver's upper bound on the total (when it stopped early), in score units, never
 * above the plain sum of the best `size` scores (also a valid bound, sometimes tighter).
 */
function proofBound(bound: number | null, M: number, unit: number, candidates: Candidate[], size: number): number | null {
  const top = [...candidates].sort(byScore).slice(0, size).reduce((s, c) => s + scoreKey(c.score), 0) / 1e4;
  if (bound === null || !Number.isFinite(bound)) return top;
  return Math.min(top, (Math.ceil(bound / M - 1e-9) * unit) / 1e4);
}
