import { createRequire } from 'node:module';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { InterruptedError } from '../errors.js';

/**
 * HiGHS (the `highs` npm package, WebAssembly, offline) behind a small interface, run in a
 * worker thread: a solve is one long WebAssembly call that JavaScript cannot interrupt, so on the
 * main thread Ctrl-C waited for it (about 7 s on a large call). In a worker, the main thread stays
 * free: Ctrl-C ends the process at once, and an aborted signal terminates the worker.
 * The worker is started on first use only (no other command pays for the solver) and kept for
 * the next solves of the same command.
 */

/** The worker's code: builds the model, solves it, sends back status, values and bounds. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let loading;
parentPort.on('message', async ({ id, input }) => {
  try {
    loading = loading || require(workerData.highs)();
    const highs = await loading;
    parentPort.postMessage({ id, output: solve(highs, input) });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});
function solve(highs, input) {
  const started = performance.now();
  const numCols = input.cost.length;
  const starts = [0];
  const indices = [];
  const values = [];
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
      mip_abs_gap: input.absGap === undefined ? 0.5 : input.absGap,
      time_limit: input.timeLimit === undefined ? 60 : input.timeLimit,
      random_seed: 0,
      // Measured on the 473-application sample: symmetry detection and presolve cost more
      // than they save on these small, root-solved models; large calls keep presolve.
      mip_detect_symmetry: false,
      presolve: numCols <= 3000 ? 'off' : 'choose',
    });
    if (input.start) model.setSolution({ colValue: input.start });
    const run = model.run();
    const code = run.modelStatus;
    const S = highs.constants.modelStatus;
    let status;
    if (code === S.optimal) status = 'optimal';
    else if (code === S.infeasible || code === S.unboundedOrInfeasible) status = 'infeasible';
    else if (code === S.timeLimit || code === S.interrupted || code === S.iterationLimit || code === S.solutionLimit) status = 'time limit';
    else status = 'error';
    let sol = [];
    let objective = null;
    let bound = null;
    const primal = model.info.get('primal_solution_status');
    if (status !== 'infeasible' && primal === 2) {
      sol = Array.from(model.getSolution().colValue, (v, i) => (input.integer[i] ? Math.round(v) : v));
      objective = model.getObjectiveValue();
      try {
        bound = model.info.get('mip_dual_bound');
      } catch {
        bound = null;
      }
    }
    return { status, optimal: status === 'optimal', values: sol, objective, bound, ms: performance.now() - started };
  } finally {
    model.dispose();
  }
}
`;

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (o: MipOutput) => void; reject: (e: Error) => void }>();

function solverThread(): Worker {
  if (worker) return worker;
  // Node 20 otherwise optimises all 3.5 MB of the solver's WebAssembly in the background
  // and does not exit until that is done: about a second, more on a busy machine. The
  // baseline compiler alone is fast, and its code solves our models about as quickly
  // (measured: 473 candidates 0.3 s instead of 0.7-1.5 s for the whole command; 20,000
  // candidates 1.4 s instead of 2-4 s). SKILLSNET_WASM_FLAGS='' restores V8's default.
  const flags = process.env.SKILLSNET_WASM_FLAGS ?? '--liftoff-only';
  const highs = createRequire(import.meta.url).resolve('highs');
  if (flags) v8.setFlagsFromString(flags);
  const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { highs } });
  started.on('message', (m: { id: number; output?: MipOutput; error?: string }) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (waiting.size === 0) started.unref();
    if (m.error !== undefined) w.reject(new Error(`the solver failed: ${m.error}`));
    else w.resolve(m.output!);
  });
  started.on('error', (e) => failAll(e));
  started.on('exit', () => {
    if (worker === started) worker = undefined;
    failAll(new Error('the solver stopped'));
  });
  worker = started;
  return started;
}

function failAll(e: Error): void {
  for (const w of waiting.values()) w.reject(e);
  waiting.clear();
}

/** Stops the solver thread (a solve in progress fails); the next solve starts a new one. */
export function stopSolver(): Promise<number> | undefined {
  const w = worker;
  worker = undefined;
  return w?.terminate();
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

/**
 * Solves a mixed-integer model in the solver thread. `signal`: an abort (Ctrl-C) stops the
 * solve at once (the thread is terminated) and rejects with InterruptedError.
 */
export async function solveMip(input: MipInput, signal?: AbortSignal): Promise<MipOutput> {
  if (signal?.aborted) throw new InterruptedError('interrupted; the solver was stopped and nothing was saved');
  const thread = solverThread();
  const id = nextId++;
  thread.ref();
  return new Promise<MipOutput>((resolve, reject) => {
    const onAbort = () => {
      waiting.delete(id);
      void stopSolver();
      reject(new InterruptedError('interrupted; the solver was stopped and nothing was saved'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = <T>(f: (v: T) => void) => (v: T) => {
      signal?.removeEventListener('abort', onAbort);
      f(v);
    };
    waiting.set(id, { resolve: done(resolve), reject: done(reject) });
    thread.postMessage({ id, input });
  });
}
