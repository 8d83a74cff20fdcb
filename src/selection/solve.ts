import type { Highs } from 'highs';

/**
 * HiGHS (the `highs` npm package, WebAssembly, offline) behind a small interface.
 * Loaded on first use only: no other command pays for the solver.
 */
let loading: Promise<Highs> | undefined;

export function loadSolver(): Promise<Highs> {
  loading ??= (async () => {
    // Node 20 otherwise optimises all 3.5 MB of the solver's WebAssembly in the background
    // and does not exit until that is done: about a second, more on a busy machine. The
    // baseline compiler alone is fast, and its code solves our models about as quickly
    // (measured: 473 candidates 0.3 s instead of 0.7-1.5 s for the whole command; 20,000
    // candidates 1.4 s instead of 2-4 s). SKILLSNET_WASM_FLAGS='' restores V8's default.
    const flags = process.env.SKILLSNET_WASM_FLAGS ?? '--liftoff-only';
    if (flags) (await import('node:v8')).setFlagsFromString(flags);
    const m = await import('highs');
    return (m.default as unknown as (o?: object) => Promise<Highs>)();
  })();
  return loading;
}

export interface MipRow {
  lower: number;
  upper: number; // Infinity when unbounded
  columns: number[];
  coefficients?: number[]; // 1 for every column when absent
}

export interface MipInput {
  sense: 'maximize' | 'minimize';
  cost: number[];
  lower: number[];
  upper: number[];
  /** true for integer (binary with bounds 0..1) columns. */
  integer: boolean[];
  rows: MipRow[];
  /** Seconds before the solver stops with its best roster so far. */
  timeLimit?: number;
  /** A known feasible point to start from. */
  start?: number[];
  /** Absolute optimality gap; with integer objectives anything below 1 proves optimality. */
  absGap?: number;
}

/** Greatest common divisor of integer coefficients (1 when none): dividing by it keeps the LP well scaled. */
export function gcdOf(values: number[]): number {
  let g = 0;
  for (let v of values) {
    v = Math.abs(Math.round(v));
    while (v) [g, v] = [v, g % v];
  }
  return g || 1;
}

export type SolverStatus = 'optimal' | 'infeasible' | 'time limit' | 'error';

export interface MipOutput {
  status: SolverStatus;
  /** Proven optimal (status optimal). */
  optimal: boolean;
  /** Column values, rounded for integer columns; empty when there is no solution. */
  values: number[];
  objective: number | null;
  /** Best bound proven by the solver (equals objective when optimal). */
  bound: number | null;
  ms: number;
}

export async function solveMip(input: MipInput): Promise<MipOutput> {
  const highs = await loadSolver();
  const started = performance.now();
  const numCols = input.cost.length;
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of input.rows) {
    row.columns.forEach((col, k) => {
      indices.push(col);
      values.push(row.coefficients ? row.coefficients[k] : 1);
    });
    starts.push(indices.length);
  }
  const inf = highs.infinity;
  const model = highs.createModel({
    numCols,
    numRows: input.rows.length,
    sense: input.sense === 'maximize' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: input.cost,
    colLower: input.lower,
    colUpper: input.upper,
    rowLower: input.rows.map((r) => (Number.isFinite(r.lower) ? r.lower : -inf)),
    rowUpper: input.rows.map((r) => (Number.isFinite(r.upper) ? r.upper : inf)),
    matrix: { format: 'csr', numRows: input.rows.length, numCols, starts, indices, values },
    integrality: input.integer.map((i) => (i ? highs.constants.variableType.integer : highs.constants.variableType.continuous)),
  });
  try {
    model.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: input.absGap ?? 0.5,
      time_limit: input.timeLimit ?? 60,
      random_seed: 0,
      // Measured on the 473-application sample: symmetry detection and presolve cost more
      // than they save on these small, root-solved models; large calls keep presolve.
      mip_detect_symmetry: false,
      presolve: numCols <= 3000 ? 'off' : 'choose',
    });
    if (input.start) model.setSolution({ colValue: input.start });
    const run = model.run();
    const code = run.modelStatus;
    const S = highs.constants.modelStatus as unknown as Record<string, number>;
    let status: SolverStatus;
    if (code === S.optimal) status = 'optimal';
    else if (code === S.infeasible || code === S.unboundedOrInfeasible) status = 'infeasible';
    else if (code === S.timeLimit || code === S.interrupted || code === S.iterationLimit || code === S.solutionLimit) status = 'time limit';
    else status = 'error';
    let sol: number[] = [];
    let objective: number | null = null;
    let bound: number | null = null;
    const primal = model.info.get('primal_solution_status') as number;
    if (status !== 'infeasible' && primal === 2) {
      sol = Array.from(model.getSolution().colValue, (v, i) => (input.integer[i] ? Math.round(v) : v));
      objective = model.getObjectiveValue();
      try {
        bound = model.info.get('mip_dual_bound') as number;
      } catch {
        bound = null;
      }
    }
    return { status, optimal: status === 'optimal', values: sol, objective, bound, ms: performance.now() - started };
  } finally {
    model.dispose();
  }
}
