import { byScore, scoreKey, type Candidate } from './candidates.js';
import { buildRows, objectiveCoefficients, pruneDominated, type SelectionProblem } from './model.js';
import { describeQuota, expandQuotas, type Quota, type QuotaRule } from './quotas.js';
import { precheck, smallestRelaxation } from './infeasibility.js';
import { memberReasons, rankAlternates, type Alternate } from './reasons.js';
import { solveMip, type SolverStatus } from './solve.js';

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
 * Picks `size` applications maximising the total score under the quotas, exactly:
 * 1. maximise the total score (integers to four decimals) -> best total T;
 * 2. among rosters totalling T, prefer lower application IDs (minimise the sum of the
 *    members' positions in ID order) so that equal-scoring rosters are not chosen by
 *    accident of the solver. Same data and options -> same roster.
 */
export async function selectRoster(all: Candidate[], spec: SelectionSpec): Promise<SelectionResult> {
  const started = performance.now();
  const exclude = new Set(spec.exclude ?? []);
  const include = new Set((spec.include ?? []).filter((id) => !exclude.has(id)));
  const candidates = all.filter((c) => !exclude.has(c.id)).sort((a, b) => a.id - b.id);
  const quotas = expandQuotas(spec.rules, candidates);
  const problem: SelectionProblem = { size: spec.size, candidates, quotas, include };
  const base = { quotas, eligible: candidates.length, alternates: [] as Alternate[], members: [] as SelectedMember[], bound: null };
  const conflicts = precheck(problem);
  for (const id of spec.include ?? []) {
    if (exclude.has(id)) conflicts.unshift(`application ${id} is both forced in (--include) and kept out (--exclude)`);
  }
  if (conflicts.length) {
    return { ...base, feasible: false, optimal: false, status: 'conflicts', objective: null, conflicts, modelSize: 0, solveMs: performance.now() - started };
  }

  const kept = pruneDominated(problem);
  const reduced: SelectionProblem = { ...problem, candidates: kept };
  const rows = buildRows(reduced);
  const cost = objectiveCoefficients(kept);
  const lower = kept.map((c) => (include.has(c.id) ? 1 : 0));
  const upper = kept.map(() => 1);
  const integer = kept.map(() => true);
  const first = await solveMip({ sense: 'maximize', cost, lower, upper, integer, rows, timeLimit: spec.timeLimit });

  if (first.status === 'infeasible') {
    const relaxation = await smallestRelaxation(problem, spec.timeLimit);
    const found = relaxation?.conflicts.length ? relaxation.conflicts : quotas.map(describeQuota);
    return { ...base, feasible: false, optimal: false, status: 'infeasible', objective: null, conflicts: found, modelSize: kept.length, solveMs: performance.now() - started };
  }
  if (first.values.length === 0) {
    return { ...base, feasible: false, optimal: false, status: first.status, objective: null, conflicts: [`the solver stopped (${first.status}) before finding any roster`], modelSize: kept.length, solveMs: performance.now() - started };
  }

  let chosen = first.values;
  let optimal = first.optimal;
  if (first.optimal) {
    // Tie-break: same best total, lowest IDs.
    const best = cost.reduce((s, c, i) => s + c * first.values[i], 0);
    const second = await solveMip({
      sense: 'minimize', cost: kept.map((_, i) => i), lower, upper, integer,
      rows: [...rows, { lower: best - 0.5, upper: Infinity, columns: kept.map((_, i) => i), coefficients: cost }],
      timeLimit: spec.timeLimit, start: first.values,
    });
    if (second.values.length) {
      const total = cost.reduce((s, c, i) => s + c * second.values[i], 0);
      if (total === best) chosen = second.values;
    }
  }
  const members = kept.filter((_, i) => chosen[i] > 0.5).sort(byScore);
  const reasons = memberReasons(members, candidates, quotas, include, spec.size);
  const objective = Math.round(members.reduce((s, m) => s + scoreKey(m.score), 0)) / 1e4;
  return {
    ...base,
    feasible: true,
    optimal,
    status: first.status,
    objective,
    bound: optimal ? objective : first.bound !== null ? first.bound / 1e4 : null,
    members: members.map((m) => ({ candidate: m, reasons: reasons.get(m.id)! })),
    alternates: rankAlternates(members, candidates, quotas, spec.alternates ?? 5, include),
    conflicts: [],
    modelSize: kept.length,
    solveMs: performance.now() - started,
  };
}
