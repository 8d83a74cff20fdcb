import { createRequire } from 'node:module';
import { UndirectedGraph } from 'graphology';

// A CommonJS module whose types describe an ES default export: required, so that what the types
// say and what Node loads agree.
const require = createRequire(import.meta.url);
const forceAtlas2 = require('graphology-layout-forceatlas2') as typeof import('graphology-layout-forceatlas2').default;
// Its parts, to run the iterations in slices (layoutMapInSteps); untyped CommonJS.
const iterate = require('graphology-layout-forceatlas2/iterate.js') as (settings: object, nodes: Float32Array, edges: Float32Array) => void;
const helpers = require('graphology-layout-forceatlas2/helpers.js') as {
  graphToByteArrays(graph: unknown, getWeight: (edge: string, attributes: object) => number): { nodes: Float32Array; edges: Float32Array };
  assignLayoutChanges(graph: unknown, nodes: Float32Array, reducer: null): void;
};
const DEFAULT_SETTINGS = require('graphology-layout-forceatlas2/defaults.js') as object;
// The edge weight as forceAtlas2.assign reads it ({ getEdgeWeight: 'weight' }), from the same helper.
const edgeWeight = (createRequire(require.resolve('graphology-layout-forceatlas2'))('graphology-utils/getters') as {
  createEdgeWeightGetter(name: string): { fromEntry: (edge: string, attributes: object) => number };
}).createEdgeWeightGetter('weight').fromEntry;

/**
 * Positions for the network map, computed when the file is written so that the page opens on
 * a finished picture (no layout running in the member's browser) and the same data always
 * draws the same picture.
 *
 * Determinism: the start is fixed — region hubs on an outer circle, category hubs on an inner
 * one, every other node near its region's hub at an offset derived from a hash of its ID — and
 * ForceAtlas2 runs a fixed number of iterations with fixed settings. ForceAtlas2 itself draws
 * no random numbers, so the output depends only on the input (and its order).
 */

export interface LayoutNode {
  id: string;
  kind: string;
  /** Region name for actors; for region hubs, the region they stand for. */
  region?: string | null;
  /** Fixed order of hubs on their circle (regions, categories); others ignore it. */
  ring?: { circle: 'outer' | 'inner'; index: number; of: number };
}

export interface LayoutEdge {
  source: string;
  target: string;
  weight: number;
}

export interface LayoutOptions {
  /** ForceAtlas2 iterations (default: by graph size, see iterationsFor). */
  iterations?: number;
}

export type Positions = Map<string, { x: number; y: number }>;

const OUTER = 1000;
const INNER = 450;
const SPREAD = 260;

/** 32-bit FNV-1a: a stable number from an ID, the same on every machine. */
export function hashId(id: string, salt = 0): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Fewer iterations for big graphs: Barnes-Hut makes each one cheap, but 5,000 nodes still cost ~10 ms each. */
export function iterationsFor(nodes: number): number {
  if (nodes <= 1000) return 400;
  if (nodes <= 3000) return 200;
  return 120;
}

/** A layout being computed: ForceAtlas2's matrices, run a number of iterations at a time. */
interface LayoutRun {
  /** Runs up to `n` more iterations; true once all are done. */
  step(n: number): boolean;
  positions(): Positions;
}

function prepareLayout(nodes: LayoutNode[], edges: LayoutEdge[], options: LayoutOptions): LayoutRun {
  const graph = new UndirectedGraph<{ x: number; y: number; size: number }, { weight: number }>({ allowSelfLoops: false });
  const anchors = new Map<string, { x: number; y: number }>();
  const onCircle = (radius: number, index: number, of: number, turn = 0) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * (index + turn)) / Math.max(1, of);
    return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  };
  for (const n of nodes) {
    if (n.ring) {
      const p = onCircle(n.ring.circle === 'outer' ? OUTER : INNER, n.ring.index, n.ring.of, n.ring.circle === 'inner' ? 0.5 : 0);
      if (n.kind === 'region' && n.region) anchors.set(n.region, p);
      graph.addNode(n.id, { ...p, size: 1 });
    }
  }
  for (const n of nodes) {
    if (n.ring) continue;
    const anchor = (n.region && anchors.get(n.region)) || { x: 0, y: 0 };
    // A point in a disc around the anchor, from two independent hashes of the ID.
    const angle = (hashId(n.id, 1) / 2 ** 32) * 2 * Math.PI;
    const radius = Math.sqrt(hashId(n.id, 2) / 2 ** 32) * SPREAD;
    graph.addNode(n.id, { x: anchor.x * 0.8 + radius * Math.cos(angle), y: anchor.y * 0.8 + radius * Math.sin(angle), size: 1 });
  }
  for (const e of edges) {
    if (e.source === e.target || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    // Parallel connections between the same two nodes pull once, with their weights summed.
    const existing = graph.edge(e.source, e.target);
    if (existing) graph.updateEdgeAttribute(existing, 'weight', (w) => (w ?? 1) + e.weight);
    else graph.addEdge(e.source, e.target, { weight: e.weight });
  }
  const collect = (): Positions => {
    const positions: Positions = new Map();
    // Rounded: the file is smaller and the numbers print the same everywhere.
    graph.forEachNode((id, a) => positions.set(id, { x: Math.round(a.x * 10) / 10, y: Math.round(a.y * 10) / 10 }));
    return positions;
  };
  if (!(graph.order > 1 && graph.size > 0)) return { step: () => true, positions: collect };
  const settings = {
    ...DEFAULT_SETTINGS,
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: graph.order > 1000,
    // Hubs hold hundreds of organisations: dissuading them keeps the hubs apart and the
    // organisations between the hubs they share, instead of one tight ball.
    outboundAttractionDistribution: true,
    gravity: 1,
    scalingRatio: 10,
    slowDown: 5,
  };
  // What forceAtlas2.assign does in one call, in steps: the same matrices carried from one
  // iteration to the next, so a layout run in slices is the very same layout.
  const matrices = helpers.graphToByteArrays(graph, edgeWeight);
  const total = options.iterations ?? iterationsFor(graph.order);
  let done = 0;
  return {
    step(n) {
      for (const end = Math.min(total, done + n); done < end; done++) iterate(settings, matrices.nodes, matrices.edges);
      return done >= total;
    },
    positions() {
      helpers.assignLayoutChanges(graph, matrices.nodes, null);
      return collect();
    },
  };
}

export function layoutMap(nodes: LayoutNode[], edges: LayoutEdge[], options: LayoutOptions = {}): Positions {
  const run = prepareLayout(nodes, edges, options);
  run.step(Infinity);
  return run.positions();
}

/**
 * The same layout, computed in slices of about 100 ms with a checkpoint between them: a map of
 * 20,000 organisations takes many seconds, and Ctrl-C must not wait for the end.
 */
export async function layoutMapInSteps(nodes: LayoutNode[], edges: LayoutEdge[], options: LayoutOptions = {}, pause: () => Promise<void> = () => Promise.resolve()): Promise<Positions> {
  const run = prepareLayout(nodes, edges, options);
  for (;;) {
    const started = performance.now();
    let finished = false;
    while (!finished && performance.now() - started < 100) finished = run.step(1);
    if (finished) break;
    await pause();
  }
  return run.positions();
}
