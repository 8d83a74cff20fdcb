import { byScore, byTieBreak, scoreKey, type Candidate } from './candidates.js';
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
  /** The applications the model decides about, in tie-break order (ID order unless --order chose another). */
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
 * Drops applications that no preferred optimal roster can contain, so that the solver
 * decides about far fewer. Exact, not a heuristic:
 *
 * Application i dominates j when i scores higher (or the same with a lower ID) and swapping
 * j for i can never break a quota: i counts towards every minimum-only quota j counts
 * towards, towards no maximum-only quota j does not count towards, and exactly the same
 * quotas with both bounds. If j were in the preferred optimum while some dominator i
 * was out, swapping them would raise the total or keep it and lower the IDs: impossible.
 * So j can go when it has so many dominators that one must be out of any roster holding
 * j: at least `size` of them, or at least max_q of them inside a maximum q that j counts
 * towards (unless maxima are soft, as when looking for the quotas to relax). Forced members
 * (--include) are never dropped, nor counted as dominators.
 * The scan per application is capped; an application whose scan runs out is kept.
 */
export function pruneDominated(problem: SelectionProblem, options: { softMaxima?: boolean; scanLimit?: number } = {}): Candidate[] {
  const { candidates, quotas, size, include } = problem;
  const words = Math.max(1, Math.ceil(quotas.length / 32));
  const kindOf = quotas.map((q) => (q.max === null ? 'min' : q.min > 0 ? 'both' : 'max'));
  const masks = candidates.map((c) => {
    const min = new Uint32Array(words);
    const max = new Uint32Array(words);
    const both = new Uint32Array(words);
    quotas.forEach((q, qi) => {
      if (!counts(c, q)) return;
      const bit = 1 << (qi % 32);
      const w = qi >> 5;
      if (kindOf[qi] === 'min') min[w] |= bit;
      else if (kindOf[qi] === 'max') max[w] |= bit;
      else both[w] |= bit;
    });
    return { min, max, both };
  });
  const order = candidates.map((_, i) => i).sort((a, b) => byScore(candidates[a], candidates[b]));
  const rank = new Int32Array(candidates.length);
  order.forEach((ci, r) => (rank[ci] = r));
  const dominates = (i: number, j: number) => {
    const a = masks[i];
    const b = masks[j];
    for (let w = 0; w < words; w++) {
      if ((b.min[w] & ~a.min[w]) !== 0) return false;
      if ((a.max[w] & ~b.max[w]) !== 0) return false;
      if (a.both[w] !== b.both[w]) return false;
    }
    return true;
  };
  // A dominator counts towards no maximum that j does not: group applications by the
  // maxima (and two-sided quotas) they count towards, and scan only compatible groups.
  const groupKey = (m: { max: Uint32Array; both: Uint32Array }) => `${m.max.join(',')}|${m.both.join(',')}`;
  const groups = new Map<string, number[]>();
  for (const ci of order) {
    const key = groupKey(masks[ci]);
    const list = groups.get(key) ?? [];
    list.push(ci); // in score order
    groups.set(key, list);
  }
  const groupList = [...groups.values()];
  const compatible = new Map<string, number[][]>();
  const compatibleWith = (j: number): number[][] => {
    const key = groupKey(masks[j]);
    let found = compatible.get(key);
    if (!found) {
      found = groupList.filter((g) => {
        const a = masks[g[0]];
        const b = masks[j];
        for (let w = 0; w < words; w++) if ((a.max[w] & ~b.max[w]) !== 0 || a.both[w] !== b.both[w]) return false;
        return true;
      });
      compatible.set(key, found);
    }
    return found;
  };
  const limit = options.scanLimit ?? 20000;
  const kept: Candidate[] = [];
  for (let pos = 0; pos < order.length; pos++) {
    const j = order[pos];
    const cj = candidates[j];
    if (include.has(cj.id)) {
      kept.push(cj);
      continue;
    }
    // The maxima j counts towards, and how many dominators each has seen.
    const caps: { qi: number; cap: number; seen: number }[] = [];
    quotas.forEach((q, qi) => {
      if (!options.softMaxima && kindOf[qi] !== 'min' && q.max !== null && counts(cj, q)) caps.push({ qi, cap: q.max, seen: 0 });
    });
    let dominators = 0;
    let drop = false;
    let scanned = 0;
    for (const group of compatibleWith(j)) {
      for (const i of group) {
        if (drop || rank[i] >= pos || scanned++ > limit) break;
        if (include.has(candidates[i].id) || !dominates(i, j)) continue;
        dominators++;
        if (dominators >= size) drop = true;
        for (const c of caps) {
          if (counts(candidates[i], quotas[c.qi]) && ++c.seen >= c.cap) drop = true;
        }
      }
      if (drop) break;
    }
    if (!drop) kept.push(cj);
  }
  return kept.sort(byTieBreak);
}
