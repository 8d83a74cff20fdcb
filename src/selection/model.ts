import { byScore, scoreKey, type Candidate } from './candidates.js';
import { counts, type Quota } from './quotas.js';

/**
 * The integer program, independent of the solver:
 *   maximise   sum(score_i * x_i)            x_i in {0, 1}, one per eligible application
 *   subject to sum(x_i) = size
 *              min_q <= sum(x_i : i counts towards q) <= max_q    for every quota q
 *              x_i = 1 for applications forced in with --include
 * Scores enter as integers (four decimals) so that "optimal" and "tie" are exact.
 */
export interface SelectionProblem {
  size: number;
  /** The applications the model decides about, in ID order. */
  candidates: Candidate[];
  quotas: Quota[];
  /** IDs forced into the roster. */
  include: Set<number>;
}

export interface Row {
  lower: number;
  upper: number; // Infinity when unbounded
  columns: number[];
  /** Index into problem.quotas, or -1 for the size row. */
  quota: number;
}

/** Column index lists per quota row, plus the size row first. */
export function buildRows(problem: SelectionProblem): Row[] {
  const n = problem.candidates.length;
  const rows: Row[] = [{ lower: problem.size, upper: problem.size, columns: range(n), quota: -1 }];
  problem.quotas.forEach((q, qi) => {
    const columns: number[] = [];
    problem.candidates.forEach((c, i) => {
      if (counts(c, q)) columns.push(i);
    });
    rows.push({ lower: q.min, upper: q.max ?? Infinity, columns, quota: qi });
  });
  return rows;
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Integer objective coefficients (score to four decimals). */
export function objectiveCoefficients(candidates: Candidate[]): number[] {
  return candidates.map((c) => scoreKey(c.score));
}

/**
 * Drops applications that no optimal roster can contain, so that 20,000 candidates solve
 * as fast as a few hundred. Applications that count towards exactly the same quotas are
 * interchangeable: swapping one for a better-scoring (or equal-scoring, lower-ID) one of
 * the same group keeps every quota and never lowers the total. So within a group only the
 * best k can appear in the preferred optimum, where k is the size or the smallest maximum
 * among the group's quotas. Forced members are always kept. Exact, not a heuristic.
 */
export function pruneDominated(problem: SelectionProblem, options: { ignoreMaxima?: boolean } = {}): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  const limit = new Map<string, number>();
  for (const c of problem.candidates) {
    const member: number[] = [];
    let cap = problem.size;
    problem.quotas.forEach((q, qi) => {
      if (counts(c, q)) {
        member.push(qi);
        if (!options.ignoreMaxima && q.max !== null) cap = Math.min(cap, q.max);
      }
    });
    const key = member.join(',');
    const list = groups.get(key) ?? [];
    list.push(c);
    groups.set(key, list);
    limit.set(key, cap);
  }
  const kept: Candidate[] = [];
  for (const [key, list] of groups) {
    const cap = limit.get(key)!;
    let free = 0;
    for (const c of [...list].sort(byScore)) {
      if (problem.include.has(c.id)) kept.push(c);
      else if (free < cap) {
        kept.push(c);
        free++;
      }
    }
  }
  return kept.sort((a, b) => a.id - b.id);
}
