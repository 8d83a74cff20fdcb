import Graph from 'graphology';
import Sigma from 'sigma';
import { drawDiscNodeHover, drawDiscNodeLabel, EdgeLineProgram, EdgeRectangleProgram, NodePointProgram, type EdgeProgramType, type NodeHoverDrawingFunction, type NodeLabelDrawingFunction, type NodeProgramType } from 'sigma/rendering';
import { createNodeBorderProgram } from '@sigma/node-border';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import { isActor, type MapContextNode, type MapEdge, type MapNode, type MapPage } from '../../src/export/map-types.js';
import { actorCard, contextCard } from './card.js';
import { clear, h, textDirection } from './dom.js';
import { actorMatches, emptyFilters, searchKey } from './filters.js';
import { legend } from './legend.js';
import { buildPanel, type ColourBy, type SizeBy } from './panel.js';
import { peersOf, type Peer } from './peers.js';
import { snapshot } from './print.js';
import { countsLine, fold, makeText, type Text } from './text.js';

/**
 * The offline network map. Reads the data embedded in the file, draws it with sigma.js
 * (WebGL) at the positions computed when the file was written, and lets a member filter,
 * search, open cards, show peers and print. Sends no request: everything is in the file.
 */

/** What tests and the benchmark read: what sigma was last told to draw, and how long things took. */
interface MapStats {
  ready: boolean;
  error: string | null;
  /** When the page's script started (the HTML, the data and the script are parsed by then). */
  scriptStartMs: number | null;
  firstRenderMs: number | null;
  firstPaintMs: number | null;
  /** How long sigma's constructor took (WebGL set-up, indexing, first draw). */
  sigmaMs: number | null;
  lastUpdateMs: number | null;
  organizations: number;
  persons: number;
  nodes: number;
  edges: number;
  visibleOrganizations: number;
  visibleActors: number;
  visibleNodes: number;
  visibleEdges: number;
  /** Where a node is on screen (page coordinates), so a test can click it as a member would. */
  locate?: (id: string) => { x: number; y: number } | null;
  /** The camera's state, so the benchmark can tell when the map is still. */
  camera?: () => { x: number; y: number; ratio: number };
  /** The actors' IDs, in the data's order. */
  actorIds?: () => string[];
  /** Whether sigma draws a node or a connection now (its display data after the reducers). */
  drawn?: (id: string) => boolean;
  /** How often sigma reprocessed the whole map (every node and connection into its buffers). */
  processed: number;
  /** Connection layers drawn and left out (while the map moved), and when each last was. */
  edgeFrames: { drawn: number; skipped: number; lastDrawnMs: number; lastSkippedMs: number };
}

declare global {
  interface Window { __skillsnetMap?: MapStats }
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const NO_VALUE = '#9e9e9e';
const DIMMED = '#e4e7eb';
const CONTEXT_NEUTRAL = '#5f6b7a';
/** Events (meetings, webinars, clinics) in the colour of their "attended" lines. */
const EVENT_COLOUR = '#8f5f9f';
const EDGE_COLOURS: Record<string, string> = { 'works-on': '#cbd3dc', 'based-in': '#dde2e8', serves: '#d9cbb3', peer: '#8d99a6', attended: '#b48ead', 'member-of': '#cbd3dc' };

interface NodeAttributes { x: number; y: number; size: number; color: string; label: string; forceLabel: boolean; zIndex: number; type: string; node: MapNode }

/**
 * What a big map gives up to stay fluid (measured in bench/RESULTS.md, "Network map"): above
 * LARGE_ACTORS, dots are drawn as GL points (a third of the cost of sigma's circles in a software
 * renderer) and labels are left out while the map moves; above MOVING_EDGES connections, the
 * connections are left out while it moves; above HUB_EDGES, the hairlines to the category, region,
 * target-group and event hubs (nine in ten connections, drawn across the whole map) are drawn
 * only for the dot whose card is open.
 */
const LARGE_ACTORS = 2000;
const MOVING_EDGES = 5000;
const HUB_EDGES = 15000;
/** How long after the camera's last move the map counts as still again. */
const STILL_AFTER_MS = 150;
const HUB_KINDS = new Set(['works-on', 'based-in', 'serves', 'attended']);

/** Core Group members get a dark ring, as in the Kumu view. */
const CORE_RING = '#1f2933';
interface EdgeAttributes { size: number; color: string; kind: string; type: string; source: string; target: string; hub: boolean }

/**
 * An edge program that draws nothing while the map moves (see MOVING_EDGES): sigma's own
 * hideEdgesOnMove reprocesses every node and edge when a drag ends, which took longer than the
 * drag itself in a big map.
 */
function stillOnly(Base: EdgeProgramType<NodeAttributes, EdgeAttributes>, moving: () => boolean, frames: MapStats['edgeFrames']): EdgeProgramType<NodeAttributes, EdgeAttributes> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Program = Base as any;
  return class extends Program {
    render(params: unknown): void {
      if (moving()) { frames.skipped++; frames.lastSkippedMs = performance.now(); return; }
      frames.drawn++;
      frames.lastDrawnMs = performance.now();
      super.render(params);
    }
  } as unknown as EdgeProgramType<NodeAttributes, EdgeAttributes>;
}

/**
 * A label drawing function that writes a right-to-left name (Arabic, Hebrew) right to left, still
 * to the right of its dot: a canvas lays text out in the page's direction, so "منظمة 🌍" showed
 * its emoji on the wrong side and a name with Latin words or digits inside in the wrong order.
 */
function directional<F extends NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes> | NodeHoverDrawingFunction<NodeAttributes, EdgeAttributes>>(draw: F): F {
  return ((context: CanvasRenderingContext2D, data: Parameters<F>[1], settings: Parameters<F>[2]) => {
    if (typeof data.label !== 'string' || textDirection(data.label) !== 'rtl') { draw(context, data, settings); return; }
    context.save();
    context.direction = 'rtl';
    context.textAlign = 'left';
    try { draw(context, data, settings); } finally { context.restore(); }
  }) as F;
}

function start(): void {
  const scriptStartMs = performance.now();
  const script = document.getElementById('skillsnet-map-data');
  const page = JSON.parse(script?.textContent ?? 'null') as MapPage;
  const app = document.getElementById('app')!;
  const text = makeText(page);
  document.documentElement.lang = page.lang;
  try {
    mount(app, page, text);
    window.__skillsnetMap!.scriptStartMs = scriptStartMs;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const webgl = /webgl/i.test(message);
    app.append(h('p', { class: 'fatal', role: 'alert' }, webgl ? text.t('noWebgl') : text.t('loadError', { message })));
    window.__skillsnetMap = { ...(window.__skillsnetMap as MapStats), ready: false, error: message };
    throw e;
  }
}

function mount(app: HTMLElement, page: MapPage, text: Text): void {
  const { t, label, terms } = text;
  const actors = page.nodes.filter(isActor);
  const byId = new Map<string, MapNode>(page.nodes.map((n) => [n.id, n]));
  const keys = new Map(actors.map((a) => [a.id, searchKey(a)]));
  const isContext = (n: MapNode): n is MapContextNode => !isActor(n);

  const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: true, allowSelfLoops: false });
  for (const n of page.nodes) {
    const shown = n.kind === 'region' ? label('regions', n.key) : n.kind === 'category' ? label('categories', n.key) : n.label;
    graph.addNode(n.id, { x: n.x, y: n.y, size: 4, color: NO_VALUE, label: shown, forceLabel: isContext(n), zIndex: isContext(n) ? 2 : 1, type: isActor(n) && n.coreGroup ? 'core' : 'circle', node: n });
  }
  // Every connection, drawn or not, for the degrees and for which hubs are shown.
  const links = page.edges.filter((e) => byId.has(e.source) && byId.has(e.target) && e.source !== e.target);
  const neighbours = new Map<string, string[]>();
  const link = (from: string, to: string) => { const list = neighbours.get(from); if (list) list.push(to); else neighbours.set(from, [to]); };
  for (const e of links) { link(e.source, e.target); link(e.target, e.source); }
  const degree = (id: string) => neighbours.get(id)?.length ?? 0;
  const large = actors.length > LARGE_ACTORS;
  const hubsOnSelection = links.length > HUB_EDGES;
  // Hairlines (GL lines, about half the drawing cost) for the many hub connections; peers
  // drawn thicker the more categories they share.
  const addLink = (e: MapEdge, hub = false) => {
    const peer = e.kind === 'peer';
    graph.addEdgeWithKey(e.id, e.source, e.target, { kind: e.kind, type: peer ? 'thick' : 'line', color: EDGE_COLOURS[e.kind] ?? '#cbd3dc', size: peer ? 0.8 + 0.4 * Math.min(e.weight, 4) : 1, source: e.source, target: e.target, hub });
  };
  // In a big map a hub's connections are in the graph only while the card of one of their ends
  // is open: hidden by a reducer, sigma still reprocessed all of them at every filter change.
  const hubLinks = new Map<string, MapEdge[]>();
  for (const e of links) {
    if (!hubsOnSelection || !HUB_KINDS.has(e.kind)) { addLink(e); continue; }
    for (const end of [e.source, e.target]) { const list = hubLinks.get(end); if (list) list.push(e); else hubLinks.set(end, [e]); }
  }

  const state = {
    filters: emptyFilters(),
    colourBy: 'region' as ColourBy,
    sizeBy: 'score' as SizeBy,
    showContext: true,
    selected: null as string | null,
    peerOf: null as string | null,
    peers: null as { peers: Peer[]; byCategoryOnly: boolean } | null,
    peerIds: new Set<string>(),
  };
  let visible = new Set<string>();

  const stats: MapStats = {
    ready: false, error: null, scriptStartMs: null, firstRenderMs: null, firstPaintMs: null, sigmaMs: null, lastUpdateMs: null,
    organizations: page.counts.organizations, persons: page.counts.persons, nodes: graph.order, edges: links.length,
    visibleOrganizations: 0, visibleActors: 0, visibleNodes: 0, visibleEdges: 0,
    processed: 0, edgeFrames: { drawn: 0, skipped: 0, lastDrawnMs: 0, lastSkippedMs: 0 },
  };
  window.__skillsnetMap = stats;

  // ------------------------------------------------------------------ layout of the page
  const counts = h('p', { id: 'counts', 'aria-live': 'polite' });
  const fit = h('button', { type: 'button', id: 'fit' }, t('resetView'));
  const print = h('button', { type: 'button', id: 'print' }, t('print'));
  const date = new Intl.DateTimeFormat(page.lang, { dateStyle: 'long' }).format(new Date(page.generatedAt));
  // Focusable, so the keyboard can zoom and move the map as the mouse does (see below).
  const stage = h('div', { id: 'graph', role: 'application', 'aria-label': page.title, 'aria-describedby': 'map-hint', tabindex: '0' });
  const snapshotImage = h('img', { id: 'print-snapshot', alt: page.title });
  const cardPanel = h('aside', { id: 'card', class: 'card-panel', hidden: true, 'aria-live': 'polite' });
  const printFilters = h('p', { id: 'print-filters' });
  const panel = buildPanel(page, actors, text, {
    filter(name, value) { (state.filters[name] as string) = value; update(); },
    search(query, pick, fromKeyboard) {
      state.filters.search = query;
      update();
      if (pick && query.trim()) {
        const wanted = fold(query);
        const first = actors.find((a) => visible.has(a.id) && fold(a.label) === wanted) ?? actors.find((a) => visible.has(a.id));
        if (first) { openCard(first.id, fromKeyboard); focusOn(first.id); }
      }
    },
    clearFilters() { state.filters = emptyFilters(); panel.sync(state.filters); update(); },
    colourBy(mode) { state.colourBy = mode; paint(); update(); },
    sizeBy(mode) { state.sizeBy = mode; resize(); update(); },
    showContext(on) { state.showContext = on; update(); },
  });
  app.append(...[
    h('header', { class: 'top' },
      h('div', { class: 'titles' }, h('h1', { dir: 'auto' }, page.title), h('p', { class: 'muted' }, t('generated', { date }))),
      counts,
      h('div', { class: 'actions' }, fit, print)),
    page.withContactDetails ? h('p', { class: 'warning', role: 'note' }, t('contactDetailsNote')) : null,
    h('section', { class: 'print-only' }, printFilters, snapshotImage),
    h('div', { class: 'body' }, panel.panel, h('main', { class: 'stage' }, stage,
      // An empty map says so, rather than show a blank page that looks broken.
      actors.length ? null : h('p', { id: 'empty-map', class: 'empty muted', role: 'status' }, t('emptyMap')),
      h('p', { id: 'map-hint', class: 'hint muted' }, t('hint'))), cardPanel),
  ].filter((el): el is HTMLElement => el !== null));

  // ------------------------------------------------------------------ colours and sizes
  // paint() and resize() write the attributes in place, without graphology's events: each event
  // made sigma reprocess its node, 13,000 times per change in a big map, before the full refresh
  // that update() (always called next) does anyway.
  function paint(): void {
    const group = state.colourBy === 'region' ? terms.regions : state.colourBy === 'category' ? terms.categories : terms.languages;
    graph.forEachNode((id, a) => {
      const n = a.node;
      let color = NO_VALUE;
      if (isActor(n)) {
        const value = state.colourBy === 'region' ? n.region : state.colourBy === 'category' ? n.categories[0] : n.language;
        color = (value && group.get(value)?.color) || NO_VALUE;
      } else if (n.kind === 'region') color = state.colourBy === 'region' ? terms.regions.get(n.key)?.color ?? CONTEXT_NEUTRAL : CONTEXT_NEUTRAL;
      else if (n.kind === 'category') color = state.colourBy === 'category' ? terms.categories.get(n.key)?.color ?? CONTEXT_NEUTRAL : CONTEXT_NEUTRAL;
      else if (n.kind === 'event') color = EVENT_COLOUR;
      else color = CONTEXT_NEUTRAL;
      a.color = color;
    });
  }

  function resize(): void {
    const scale = actors.length > 2000 ? 0.6 : 1;
    const scores = actors.map((a) => a.score).filter((s): s is number => s !== null);
    const [low, high] = scores.length ? scores.reduce(([lo, hi], s) => [Math.min(lo, s), Math.max(hi, s)], [Infinity, -Infinity]) : [0, 0];
    let maxActorDegree = 1;
    let maxContextDegree = 1;
    graph.forEachNode((id, a) => {
      if (isActor(a.node)) maxActorDegree = Math.max(maxActorDegree, degree(id));
      else maxContextDegree = Math.max(maxContextDegree, degree(id));
    });
    graph.forEachNode((id, a) => {
      const n = a.node;
      let size: number;
      if (!isActor(n)) size = 9 + 9 * Math.sqrt(degree(id) / maxContextDegree);
      else if (state.sizeBy === 'score') size = n.score === null ? 2.5 : 3 + (high > low ? (9 * (n.score - low)) / (high - low) : 4);
      else size = 3 + 9 * Math.sqrt(degree(id) / maxActorDegree);
      a.size = size * scale;
    });
  }

  // ------------------------------------------------------------------ what is shown
  function computeVisibility(): void {
    const next = new Set<string>();
    for (const a of actors) if (actorMatches(a, state.filters, keys.get(a.id))) next.add(a.id);
    if (state.showContext) {
      graph.forEachNode((id, a) => {
        if (!isActor(a.node) && neighbours.get(id)?.some((other) => next.has(other))) next.add(id);
      });
    }
    visible = next;
  }

  // The map moves when its camera changed in the last STILL_AFTER_MS (mouse, wheel, touch,
  // keyboard or an animation alike); once still, it is drawn again with everything.
  let lastMove = -Infinity;
  let stillTimer: number | undefined;
  let drawEverything = false;
  /** What the reducers let through in the last full refresh (see countDrawn). */
  const drawnCount = { nodes: 0, actors: 0, organizations: 0, persons: 0, edges: 0 };
  const resetDrawn = () => Object.assign(drawnCount, { nodes: 0, actors: 0, organizations: 0, persons: 0, edges: 0 });
  const moving = () => !drawEverything && links.length > MOVING_EDGES && performance.now() - lastMove < STILL_AFTER_MS;

  // Coloured, sized and filtered before sigma draws, so its first drawing is the final one.
  paint();
  resize();
  computeVisibility();
  const sigmaStartMs = performance.now();
  const renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, stage, {
    labelFont: FONT,
    defaultDrawNodeLabel: directional(drawDiscNodeLabel as NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes>),
    defaultDrawNodeHover: directional(drawDiscNodeHover as NodeHoverDrawingFunction<NodeAttributes, EdgeAttributes>),
    labelSize: 12,
    labelWeight: '500',
    labelColor: { color: '#1f2933' },
    labelRenderedSizeThreshold: actors.length > 2000 ? 9 : 7,
    labelDensity: 0.4,
    labelGridCellSize: 120,
    edgeProgramClasses: {
      line: stillOnly(EdgeLineProgram as unknown as EdgeProgramType<NodeAttributes, EdgeAttributes>, moving, stats.edgeFrames),
      thick: stillOnly(EdgeRectangleProgram as unknown as EdgeProgramType<NodeAttributes, EdgeAttributes>, moving, stats.edgeFrames),
    },
    nodeProgramClasses: {
      ...(large ? { circle: NodePointProgram as unknown as NodeProgramType<NodeAttributes, EdgeAttributes> } : {}),
      core: createNodeBorderProgram<NodeAttributes, EdgeAttributes>({
        borders: [
          { size: { value: 0.3, mode: 'relative' }, color: { value: CORE_RING } },
          { size: { fill: true }, color: { attribute: 'color' } },
        ],
      }),
    },
    zIndex: true,
    minCameraRatio: 0.03,
    maxCameraRatio: 4,
    // Big networks move smoothly only without their labels (and connections: stillOnly) while moved.
    hideEdgesOnMove: false,
    hideLabelsOnMove: large,
    defaultEdgeColor: '#cbd3dc',
    // Sigma hands the reducers a copy of the attributes: they change it in place, rather than copy
    // every node and connection again at each filter change.
    nodeReducer(node, data): Partial<NodeDisplayData> {
      const res = data as Partial<NodeDisplayData>;
      if (!visible.has(node)) { res.hidden = true; return res; }
      const n = data.node as MapNode;
      drawnCount.nodes++;
      if (isActor(n)) { drawnCount.actors++; if (n.kind === 'organization') drawnCount.organizations++; else if (n.kind === 'person') drawnCount.persons++; }
      if (state.peerOf) {
        // Peers keep their colour and come forward; everyone else fades (rings too).
        if (node === state.peerOf || state.peerIds.has(node)) res.zIndex = 3;
        else if (isActor(data.node as MapNode)) { res.color = DIMMED; res.type = 'circle'; res.label = null; res.forceLabel = false; res.zIndex = 0; }
      }
      if (node === state.selected) { res.highlighted = true; res.forceLabel = true; res.zIndex = 4; }
      return res;
    },
    edgeReducer(edge, data): Partial<EdgeDisplayData> {
      const res = data as Partial<EdgeDisplayData>;
      const { source, target } = data;
      if (!visible.has(source) || !visible.has(target)) res.hidden = true;
      else if (data.hub && source !== state.selected && target !== state.selected) res.hidden = true;
      else if (state.peerOf && source !== state.peerOf && target !== state.peerOf) res.color = '#f0f2f4';
      if (!res.hidden) drawnCount.edges++;
      return res;
    },
  });
  renderer.on('afterProcess', () => { stats.processed++; });
  renderer.getCamera().on('updated', () => {
    lastMove = performance.now();
    window.clearTimeout(stillTimer);
    if (links.length > MOVING_EDGES) stillTimer = window.setTimeout(() => renderer.scheduleRender(), STILL_AFTER_MS + 10);
  });
  // The constructor has just drawn the first frame: that is the time to first draw.
  stats.firstRenderMs = performance.now();
  stats.sigmaMs = stats.firstRenderMs - sigmaStartMs;
  requestAnimationFrame(() => { stats.firstPaintMs = performance.now(); });

  // ------------------------------------------------------------------ updates
  /** After a change of the filters or the view; `refresh: false` when sigma has just drawn them. */
  function update(refresh = true): void {
    const started = performance.now();
    if (refresh) {
      computeVisibility();
      resetDrawn();
      renderer.refresh();
    }
    countDrawn();
    renderLegend();
    panel.searchCount(state.filters.search.trim() ? stats.visibleActors : null);
    const described = panel.describe(state.filters);
    clear(printFilters);
    printFilters.append(described.length ? t('printFilters', { filters: described.join(' · ') }) : t('printNoFilter'));
    stats.lastUpdateMs = performance.now() - started;
  }

  /** Counts what sigma draws (its display data after the reducers), not what the filter meant to show. */
  function countDrawn(): void {
    // Counted as the reducers hand them to sigma during the full refresh that precedes: asking
    // sigma for each one's display data copied every node and connection object again.
    const { organizations, persons, actors: actorsShown, nodes, edges } = drawnCount;
    Object.assign(stats, { visibleOrganizations: organizations, visibleActors: actorsShown, visibleNodes: nodes, visibleEdges: edges });
    clear(counts);
    counts.append(countsLine(t, {
      organizations, totalOrganizations: actors.filter((x) => x.kind === 'organization').length,
      persons, totalPersons: actors.filter((x) => x.kind === 'person').length, edges,
    }));
  }

  function renderLegend(): void {
    clear(panel.legend);
    panel.legend.append(...legend({
      page, text, actors, visible, colourBy: state.colourBy, sizeBy: state.sizeBy, filters: state.filters,
      colours: { none: NO_VALUE, edges: EDGE_COLOURS, event: EVENT_COLOUR },
      hubsOnSelection,
      pick(name, value) {
        (state.filters[name] as string) = state.filters[name] === value ? '' : value;
        panel.sync(state.filters);
        update();
      },
    }));
  }

  // ------------------------------------------------------------------ cards and peers
  /**
   * Keyboard users reach the card without tabbing through every filter: a card opened from the
   * keyboard (Enter in the search, a peer's name) takes the focus, and closing it gives the
   * focus back to where it was taken from.
   */
  let focusBefore: HTMLElement | null = null;
  const focusInCard = () => cardPanel.contains(document.activeElement);

  /**
   * Redraws what a change of the selected dot changes: the dot before and after (reprocessing
   * the whole map took seconds in a big one), everything when the peers were shown (every dot's
   * colour changes then). In a big map, the hub connections of the new dot come into the graph
   * the first time its card opens (sigma then reprocesses the graph, which holds few of them).
   */
  function reselect(before: string | null, hadPeers: boolean): void {
    // Once in, they stay, hidden by the edge reducer while their dots' cards are closed: sigma
    // reprocesses the whole map for each connection taken out of the graph.
    let added = false;
    if (hubsOnSelection && state.selected) for (const e of hubLinks.get(state.selected) ?? []) if (!graph.hasEdge(e.id)) { addLink(e, true); added = true; }
    if (hadPeers || state.peerOf) { renderer.refresh(); return; }
    const nodes = [before, state.selected].filter((n): n is string => n !== null && graph.hasNode(n));
    const edges = hubsOnSelection ? nodes.flatMap((n) => graph.edges(n)) : [];
    // New connections need sigma to index the map again (it has scheduled that); else only these.
    renderer.refresh({ partialGraph: { nodes, edges }, skipIndexation: !added });
  }

  function openCard(id: string, fromKeyboard = false): void {
    const n = byId.get(id);
    if (!n) return;
    const [before, hadPeers] = [state.selected, state.peerOf !== null];
    if (state.selected !== id) { state.peerOf = null; state.peers = null; state.peerIds = new Set(); }
    const takeFocus = fromKeyboard || focusInCard();
    if (fromKeyboard && !focusInCard()) focusBefore = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    state.selected = id;
    renderCard();
    if (takeFocus) cardPanel.querySelector<HTMLElement>('h2')?.focus();
    reselect(before, hadPeers);
  }

  function closeCard(): void {
    const [before, hadPeers] = [state.selected, state.peerOf !== null];
    state.selected = null; state.peerOf = null; state.peers = null; state.peerIds = new Set();
    cardPanel.hidden = true;
    clear(cardPanel);
    if (focusBefore?.isConnected) focusBefore.focus();
    focusBefore = null;
    reselect(before, hadPeers);
  }

  function renderCard(): void {
    const n = state.selected ? byId.get(state.selected) : undefined;
    if (!n) return;
    // Redrawing the card must not drop the focus of the button that asked for it (show peers).
    const focusedClass = focusInCard() && document.activeElement instanceof HTMLElement ? document.activeElement.className : null;
    clear(cardPanel);
    cardPanel.hidden = false;
    if (isActor(n)) {
      cardPanel.append(actorCard(n, text, state.peers, degree(n.id), {
        close: closeCard,
        open: (other) => { openCard(other, true); focusOn(other); },
        togglePeers: () => {
          if (state.peerOf) { state.peerOf = null; state.peers = null; state.peerIds = new Set(); }
          else {
            // Peers are looked for in the whole (filtered) network: a search found this
            // organisation, it should not hide its peers.
            if (state.filters.search) {
              state.filters.search = '';
              panel.sync(state.filters);
              update();
            }
            state.peerOf = n.id;
            state.peers = peersOf(n, actors.filter((a) => visible.has(a.id)));
            state.peerIds = new Set(state.peers.peers.map((p) => p.actor.id));
            // Peers may be anywhere: show the whole map, where they stand out.
            renderer.getCamera().animatedReset({ duration: 400 });
          }
          renderCard();
          renderer.refresh();
        },
      }));
    } else {
      const linked = [...new Set(neighbours.get(n.id))].filter((other) => visible.has(other) && isActor(byId.get(other)!)).length;
      cardPanel.append(contextCard(n, text, linked, closeCard));
    }
    if (focusedClass !== null) {
      const same = focusedClass ? cardPanel.querySelector<HTMLElement>(`.${focusedClass.split(/\s+/)[0]}`) : null;
      (same ?? cardPanel.querySelector<HTMLElement>('h2'))?.focus();
    }
  }

  function focusOn(id: string): void {
    const d = renderer.getNodeDisplayData(id);
    if (d) renderer.getCamera().animate({ x: d.x, y: d.y, ratio: Math.min(renderer.getCamera().ratio, 0.5) }, { duration: 400 });
  }

  stats.locate = (id) => {
    const d = renderer.getNodeDisplayData(id);
    if (!d || d.hidden) return null;
    const p = renderer.framedGraphToViewport(d);
    const box = stage.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  };
  stats.camera = () => renderer.getCamera().getState();
  stats.actorIds = () => actors.map((a) => a.id);
  stats.drawn = (id) => (graph.hasNode(id) ? renderer.getNodeDisplayData(id) : renderer.getEdgeDisplayData(id))?.hidden === false;
  renderer.on('clickNode', ({ node }) => openCard(node));
  renderer.on('enterNode', () => { stage.style.cursor = 'pointer'; });
  renderer.on('leaveNode', () => { stage.style.cursor = ''; });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && state.selected) closeCard(); });
  fit.addEventListener('click', () => renderer.getCamera().animatedReset({ duration: 400 }));
  // + and − zoom, the arrow keys move the view by a tenth of it, 0 fits the map again.
  stage.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const camera = renderer.getCamera();
    const { x, y, ratio } = camera.getState();
    const step = 0.1 * ratio;
    const moves: Record<string, Partial<{ x: number; y: number; ratio: number }>> = {
      '+': { ratio: ratio / 1.5 }, '=': { ratio: ratio / 1.5 }, '-': { ratio: ratio * 1.5 }, '_': { ratio: ratio * 1.5 },
      ArrowLeft: { x: x - step }, ArrowRight: { x: x + step }, ArrowUp: { y: y + step }, ArrowDown: { y: y - step },
    };
    if (e.key === '0') { e.preventDefault(); camera.animatedReset({ duration: 200 }); return; }
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const bounded = move.ratio === undefined ? move : { ratio: Math.min(4, Math.max(0.03, move.ratio)) };
    void camera.animate(bounded, { duration: 150 });
  });

  // ------------------------------------------------------------------ printing
  const takeSnapshot = () => {
    drawEverything = true;
    try { snapshotImage.src = snapshot(renderer); } finally { drawEverything = false; }
  };
  window.addEventListener('beforeprint', takeSnapshot);
  print.addEventListener('click', () => {
    takeSnapshot();
    // Print once the picture is decoded, so it is on the page.
    snapshotImage.decode().catch(() => undefined).then(() => window.print());
  });

  update(false);
  stats.ready = true;
}

start();
