import { createRequire } from 'node:module';
import { UndirectedGraph } from 'graphology';

// A CommonJS module whose types describe an ES default export: required, so that what the types
// say and what Node loads agree.
const forceAtlas2 = createRequire(import.meta.url)('graphology-layout-forceatlas2') as typeof import('graphology-layout-forceatlas2').default;

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

export function layoutMap(nodes: LayoutNode[], edges: LayoutEdge[], options: LayoutOptions = {}): Positions {
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
  if (graph.order > 1 && graph.size > 0) {
    const inferred = forceAtlas2.inferSettings(graph);
    forceAtlas2.assign(graph, {
      iterations: options.iterations ?? iterationsFor(graph.order),
      getEdgeWeight: 'weight',
      settings: {
        ...inferred,
        barnesHutOptimize: graph.order > 1000,
        // Hubs hold hundreds of organisations: dissuading them keeps the hubs apart and the
        // organisations between the hubs they share, instead of one tight ball.
        outboundAttractionDistribution: true,
        gravity: 1,
        scalingRatio: 10,
        slowDown: 5,
      },
    });
  }
  const positions: Positions = new Map();
  // Rounded: the file is smaller and the numbers print the same everywhere.
  graph.forEachNode((id, a) => positions.set(id, { x: Math.round(a.x * 10) / 10, y: Math.round(a.y * 10) / 10 }));
  return positions;
}
