import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { REGIONS, type Application } from '../model.js';
import { OperationError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import { loadDataFile } from '../data/load.js';
import { validateMapText } from '../data/validate/map-text.js';
import { countryName } from '../geo/countries.js';
import { languageName } from '../geo/languages.js';
import { taxonomy } from '../tagging/taxonomy.js';
import { buildNetwork, CONNECTION_TYPES, holdsCoreGroupSeat, type CategoryNode, type Network, type NetworkLink, type NetworkOptions, type OrganizationNode, type PersonNode, type RegionNode, type TargetGroupNode } from './network.js';
import { REGION_COLOURS } from './kumu.js';
import { layoutMap, layoutMapInSteps, type LayoutNode, type LayoutOptions, type Positions } from './map-layout.js';
import {
  ACTOR_KINDS, CONTEXT_KINDS,
  type MapActorNode, type MapData, type MapEdge, type MapEdgeKind, type MapLanguage, type MapNode, type MapPage, type MapRole, type MapTerm,
} from './map-types.js';

export * from './map-types.js';
export { isMapLanguage, mapLanguageFromEnv } from './map-language.js';

/**
 * The offline network map: one HTML file holding the data, the page script (sigma.js and
 * graphology, bundled at build time into dist/web/) and its styles, so that it opens from a
 * USB stick or an email attachment with no network and sends nothing anywhere.
 *
 *   buildMapData(nodes, links, options)  the network as the page draws it (positions included)
 *   renderMapHtml(data, options)         the HTML file for one language
 */

/**
 * What an actor brings beyond the network export: the network module (issue 13/14) will set
 * roles and consent; applicants carry none, so they are members who consented (the Kumu export
 * already shares them).
 */
export interface MapActorExtras {
  roles?: MapRole[];
  /** false: the actor refused to appear on a shared map — left out of the file entirely. */
  consentMap?: boolean;
  /** false: never print this actor's email or phone, even --with-contact-details. */
  consentContact?: boolean;
}

export type MapSourceNode = (OrganizationNode & MapActorExtras) | (PersonNode & MapActorExtras) | CategoryNode | RegionNode | TargetGroupNode;

/** Events drawn as context nodes, linked "attended" to the actors who came (export map --with-events). */
export interface MapEventExtras {
  nodes: { id: string; label: string; key: string; detail: string | null }[];
  edges: MapEdge[];
}

export interface MapDataOptions {
  /** Emails and phones in the cards (the officer asked for them with --with-contact-details). */
  withContactDetails: boolean;
  /** Applications behind the organisations (for the counts). */
  applications?: number;
  peerLinksLeftOut?: number;
  /** Actors the network already left out (no consent to a shared map), added to the count. */
  withheld?: number;
  layout?: LayoutOptions;
  events?: MapEventExtras;
}

const EDGE_KINDS: Record<NetworkLink['type'], MapEdgeKind> = {
  [CONNECTION_TYPES.worksOn]: 'works-on',
  [CONNECTION_TYPES.basedIn]: 'based-in',
  [CONNECTION_TYPES.peer]: 'peer',
  [CONNECTION_TYPES.worksAt]: 'member-of',
  [CONNECTION_TYPES.serves]: 'serves',
};

/** Nine colours told apart by most people with a colour-vision deficiency too (Okabe–Ito and Tol). */
const CATEGORY_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#882255', '#999933', '#332288'];
const LANGUAGE_COLOURS: Record<string, string> = { en: '#3b8bd4', fr: '#c8553d', es: '#e8a33d' };
const OTHER_COLOURS = ['#2fa37a', '#8a63c9', '#7f7f7f', '#b5838d', '#6d9f71', '#a0522d'];

/** The network as the page draws it. Deterministic: the same input gives the same data, positions included. */
export function buildMapData(nodes: MapSourceNode[], links: NetworkLink[], options: MapDataOptions): MapData {
  const draft = draftMapData(nodes, links, options);
  return placed(draft, layoutMap(draft.layoutNodes, draft.data.edges, options.layout));
}

/** buildMapData with the layout computed in slices, `pause` called between them (Ctrl-C answered there). */
export async function buildMapDataInSteps(nodes: MapSourceNode[], links: NetworkLink[], options: MapDataOptions, pause: () => Promise<void>): Promise<MapData> {
  const draft = draftMapData(nodes, links, options);
  return placed(draft, await layoutMapInSteps(draft.layoutNodes, draft.data.edges, options.layout, pause));
}

function placed(draft: { data: MapData }, positions: Positions): MapData {
  for (const n of draft.data.nodes) Object.assign(n, positions.get(n.id));
  return draft.data;
}

/** The map's nodes and edges, not placed yet, and what the layout needs. */
function draftMapData(nodes: MapSourceNode[], links: NetworkLink[], options: MapDataOptions): { data: MapData; layoutNodes: LayoutNode[] } {
  const categoryByName = new Map(taxonomy().revised.map((c) => [c.short.en, c.code]));
  const regionOrder = REGIONS as readonly string[];
  const categoryOrder = taxonomy().revised.map((c) => c.code);
  const mapNodes: MapNode[] = [];
  let withheld = options.withheld ?? 0;
  for (const n of nodes) {
    if (n.kind === 'organization') {
      if (n.consentMap === false) { withheld++; continue; }
      const contactable = options.withContactDetails && n.consentContact !== false;
      const actor: MapActorNode = {
        id: n.id, kind: 'organization', label: n.label, x: 0, y: 0,
        countryCode: n.countryCode, country: n.country, region: n.region, language: n.languageCode,
        categories: [...n.categoryCodes], beneficiaries: [...n.beneficiaries], organizationTypes: [...n.organizationTypes],
        roles: n.roles?.length ? rolesWithCoreGroup(n.roles, n.coreGroup) : n.coreGroup ? ['core-group'] : ['member'],
        coreGroup: n.coreGroup, score: n.score, calls: [...n.calls],
        projects: n.titles.map((t) => ({ title: t.title?.trim() || null, description: t.description?.trim() || null, call: t.call })),
        contactNames: [...n.contactPersons], url: n.url,
      };
      if (contactable && n.emails.length) actor.emails = [...n.emails];
      if (contactable && n.phones.length) actor.phones = [...n.phones];
      mapNodes.push(actor);
    } else if (n.kind === 'person') {
      if (n.consentMap === false) { withheld++; continue; }
      const contactable = options.withContactDetails && n.consentContact !== false;
      const actor: MapActorNode = {
        id: n.id, kind: 'person', label: n.label, x: 0, y: 0,
        countryCode: n.countryCode, country: n.country, region: n.region, language: n.languageCode,
        categories: [], beneficiaries: [], organizationTypes: [], roles: rolesWithCoreGroup(n.roles, holdsCoreGroupSeat(n)), coreGroup: holdsCoreGroupSeat(n), score: null,
        calls: [], projects: [], contactNames: [], url: null,
      };
      if (contactable && n.emails.length) actor.emails = [...n.emails];
      if (contactable && n.phones.length) actor.phones = [...n.phones];
      mapNodes.push(actor);
    } else if (n.kind === 'category') {
      mapNodes.push({ id: n.id, kind: 'category', label: n.label, x: 0, y: 0, key: n.code, detail: n.description });
    } else if (n.kind === 'target-group') {
      mapNodes.push({ id: n.id, kind: 'target-group', label: n.label, x: 0, y: 0, key: n.label, detail: null });
    } else {
      mapNodes.push({ id: n.id, kind: 'region', label: n.label, x: 0, y: 0, key: n.region, detail: null });
    }
  }
  for (const e of options.events?.nodes ?? []) mapNodes.push({ ...e, kind: 'event', x: 0, y: 0 });
  const ids = new Set(mapNodes.map((n) => n.id));
  const edges: MapEdge[] = [];
  for (const l of links) {
    // Links of an actor left out (no consent) go with it.
    if (!ids.has(l.from) || !ids.has(l.to)) continue;
    const edge: MapEdge = { id: l.id, source: l.from, target: l.to, kind: EDGE_KINDS[l.type], weight: l.strength };
    if (l.shared) edge.shared = l.shared.map((name) => categoryByName.get(name) ?? name);
    edges.push(edge);
  }
  for (const e of options.events?.edges ?? []) if (ids.has(e.source) && ids.has(e.target)) edges.push(e);

  const layoutNodes: LayoutNode[] = mapNodes.map((n) => {
    if (n.kind === 'region') return { id: n.id, kind: n.kind, region: n.key, ring: { circle: 'outer', index: regionOrder.indexOf(n.key), of: regionOrder.length } };
    if (n.kind === 'category') return { id: n.id, kind: n.kind, ring: { circle: 'inner', index: categoryOrder.indexOf(n.key), of: categoryOrder.length } };
    return { id: n.id, kind: n.kind, region: 'region' in n ? n.region : null };
  });
  const actors = mapNodes.filter((n): n is MapActorNode => (ACTOR_KINDS as readonly string[]).includes(n.kind));
  const data: MapData = {
    version: 1,
    withContactDetails: options.withContactDetails,
    nodes: mapNodes,
    edges,
    counts: {
      organizations: actors.filter((n) => n.kind === 'organization').length,
      persons: actors.filter((n) => n.kind === 'person').length,
      applications: options.applications ?? actors.reduce((sum, a) => sum + a.projects.length, 0),
      edges: edges.length,
      withheld,
      peerLinksLeftOut: options.peerLinksLeftOut ?? 0,
    },
  };
  return { data, layoutNodes };
}

/**
 * The roles an organisation shows on the map: its member roles, with core-group exactly when it
 * is Core Group on the map (the chosen roster makes it one; a member who declined is not one).
 */
function rolesWithCoreGroup(roles: MapRole[], coreGroup: boolean): MapRole[] {
  const others = roles.filter((r) => r !== 'core-group');
  if (coreGroup) return ['core-group', ...others];
  return others.length ? others : ['member'];
}

/** The map of a whole network export (organisations, persons, categories, regions and their links). */
export function mapDataFromNetwork(network: Network, options: Omit<MapDataOptions, 'applications' | 'peerLinksLeftOut' | 'withheld'>): MapData {
  return buildMapData([...network.organizations, ...network.persons, ...network.categories, ...network.regions, ...network.targetGroups], network.links, {
    ...options, applications: network.applications, peerLinksLeftOut: network.peerLinksDropped, withheld: network.withheld,
  });
}

// ------------------------------------------------------------------ the page's language

type TextFile = Record<MapLanguage, Record<string, string | Record<string, string>>>;
let textFile: TextFile | undefined;

function pageText(lang: MapLanguage): { strings: Record<string, string>; groups: Record<string, Record<string, string>> } {
  textFile ??= loadDataFile<TextFile>('map-text.json', validateMapText);
  const strings: Record<string, string> = {};
  const groups: Record<string, Record<string, string>> = {};
  // English fills any key a translation lacks.
  for (const source of [textFile.en, textFile[lang]]) {
    for (const [key, value] of Object.entries(source)) {
      if (typeof value === 'string') strings[key] = value;
      else groups[key] = { ...groups[key], ...value };
    }
  }
  return { strings, groups };
}

/** Labels and colours in the page's language for every value the data holds. */
function vocabulary(data: MapData, lang: MapLanguage, groups: Record<string, Record<string, string>>): MapPage['vocabulary'] {
  const actors = data.nodes.filter((n): n is MapActorNode => (ACTOR_KINDS as readonly string[]).includes(n.kind));
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
  const languages = distinct(actors.map((a) => a.language));
  let other = 0;
  const byLabel = (a: MapTerm, b: MapTerm) => a.label.localeCompare(b.label, lang);
  return {
    regions: REGIONS.map((r) => ({ value: r, label: groups.regions?.[r] ?? r, color: REGION_COLOURS[r] })),
    categories: taxonomy().revised.map((c, i) => ({ value: c.code, label: c.short[lang], detail: c.name[lang], color: CATEGORY_COLOURS[i % CATEGORY_COLOURS.length] })),
    languages: languages.map((code) => ({ value: code, label: languageName(code, lang), color: LANGUAGE_COLOURS[code] ?? OTHER_COLOURS[other++ % OTHER_COLOURS.length] })),
    countries: distinct(actors.map((a) => a.countryCode)).map((code) => ({ value: code, label: countryName(code, lang) })).sort(byLabel),
    roles: Object.entries(groups.roles ?? {}).map(([value, label]) => ({ value, label })),
    kinds: [...ACTOR_KINDS, ...CONTEXT_KINDS].map((k) => ({ value: k, label: groups.kinds?.[k] ?? k })),
    edgeKinds: Object.entries(groups.edgeKinds ?? {}).map(([value, label]) => ({ value, label })),
  };
}

// ------------------------------------------------------------------ the HTML file

export interface RenderMapOptions {
  lang: MapLanguage;
  /** The page's heading (default: the network's name in `lang`). */
  title?: string;
  /** When the file was made, ISO 8601 (default: now). Fixed in tests so the output is reproducible. */
  generatedAt?: string;
}

interface MapAssets { script: string; style: string }
let assets: MapAssets | undefined;

/** Where the build (scripts/build-map.mjs) writes the page's bundle. */
export const MAP_BUNDLE_DIR = path.join(PACKAGE_ROOT, 'dist', 'web');

/** The page script and styles, read once from dist/web/ (never at start-up: only export map needs them). */
export function mapAssets(): MapAssets {
  if (assets) return assets;
  try {
    assets = {
      script: fs.readFileSync(path.join(MAP_BUNDLE_DIR, 'map.js'), 'utf8'),
      style: fs.readFileSync(path.join(MAP_BUNDLE_DIR, 'map.css'), 'utf8'),
    };
  } catch {
    throw new OperationError(`the map page is not built (${path.join(MAP_BUNDLE_DIR, 'map.js')} is missing)`, {
      hint: 'build it with npm run build in the skillsnet folder, or reinstall skillsnet',
    });
  }
  return assets;
}

/**
 * JSON that stays data inside <script type="application/json">: "<", ">" and "&" are escaped
 * so that no "</script>" or "<!--" in a description can end the element, and U+2028/2029 so
 * that the text is also a valid JavaScript literal. JSON.parse gives the same value back.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const sha256 = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page's data for one language. */
export function mapPage(data: MapData, options: RenderMapOptions): MapPage {
  const { strings, groups } = pageText(options.lang);
  const title = options.title?.trim() || strings.title;
  return {
    ...data,
    lang: options.lang,
    title,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    text: strings,
    vocabulary: vocabulary(data, options.lang, groups),
    nodes: data.nodes.map(inLanguage(options.lang, groups)),
  };
}

/**
 * A node with the words the vocabulary owns in the page's language: a category or region hub's
 * name and description, a target group's, an organisation's types and beneficiary groups (a
 * Spanish map showed "Youth" beside "Jóvenes"). What officers or applicants wrote (names, a group
 * that matches no vocabulary entry) stays as written, and an English page is left as it is.
 */
function inLanguage(lang: MapLanguage, groups: Record<string, Record<string, string>>): (node: MapNode) => MapNode {
  if (lang === 'en') return (node) => node;
  const types = vocabularyLabels(groups.organizationTypes);
  const beneficiaries = vocabularyLabels(groups.beneficiaries);
  const categories = new Map(taxonomy().revised.map((c) => [c.code, c]));
  return (node) => {
    switch (node.kind) {
      case 'organization': case 'person':
        return { ...node, organizationTypes: node.organizationTypes.map(types), beneficiaries: node.beneficiaries.map(beneficiaries) };
      case 'category': {
        const category = categories.get(node.key);
        return category ? { ...node, label: category.short[lang], detail: category.name[lang] } : node;
      }
      case 'region': return { ...node, label: groups.regions?.[node.key] ?? node.label };
      case 'target-group': return { ...node, label: beneficiaries(node.label), key: beneficiaries(node.key) };
      default: return node;
    }
  };
}

const vocabularyKey = (value: string) => value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

/** The translation of a vocabulary value, found whatever its case or accents; the value itself when there is none. */
function vocabularyLabels(labels: Record<string, string> = {}): (value: string) => string {
  const byKey = new Map(Object.entries(labels).map(([value, label]) => [vocabularyKey(value), label]));
  return (value) => byKey.get(vocabularyKey(value)) ?? value;
}

/**
 * The whole HTML file. Its Content-Security-Policy allows only the page's own script and style
 * (by their hashes) and data: images (the print snapshot): no request can leave the page, and
 * an injected <script> or onerror= would not run even if escaping ever failed.
 */
export function renderMapHtml(data: MapData, options: RenderMapOptions): string {
  const page = mapPage(data, options);
  const { script, style } = mapAssets();
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(style)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    `<html lang="${page.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="skillsnet export map">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    `<noscript><p class="noscript">${escapeHtml(page.text.noscript)}</p></noscript>`,
    '<div id="app"></div>',
    `<script type="application/json" id="skillsnet-map-data">${jsonForScript(page)}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export type { LayoutOptions } from './map-layout.js';

// ------------------------------------------------------------------ the whole export

export interface NetworkMapOptions extends RenderMapOptions {
  withContactDetails: boolean;
  /** Events and "attended" edges, from the network's organisations (export/events-overlay.ts). */
  events?: (network: Network) => MapEventExtras;
  /** Application ids of the Core Group (members of the chosen roster). */
  coreGroup?: Set<number>;
  /** Peer links per organisation, as in the Kumu export (0: none). */
  peerLinks?: number;
  /** A node for each target group two or more organisations serve, linked "serves" (as the Kumu export's --target-groups). */
  targetGroups?: boolean;
  layout?: LayoutOptions;
  /** Called with the network once built, before the layout (the longest step) and before anything is written. */
  onNetwork?: (network: Network) => void;
  /** Members, people and memberships beyond the applications (network/actors.ts). */
  actors?: Pick<NetworkOptions, 'memberships' | 'organizations' | 'persons' | 'organizationNames' | 'organizationPlaces'>;
}

/**
 * The map file for a set of applications: the same network the Kumu export builds (same
 * element IDs, same connections), laid out and rendered. What `skillsnet export map` writes.
 */
export function networkMap(applications: Iterable<Application>, options: NetworkMapOptions): { network: Network; data: MapData; html: string } {
  const network = buildNetwork(applications, { ...options.actors, coreGroup: options.coreGroup, peerLinks: options.peerLinks, targetGroups: options.targetGroups });
  const data = mapDataFromNetwork(network, { withContactDetails: options.withContactDetails, layout: options.layout, events: options.events?.(network) });
  const html = renderMapHtml(data, { lang: options.lang, title: options.title, generatedAt: options.generatedAt });
  return { network, data, html };
}

/**
 * networkMap for the export: the same file, with `pause` called between its steps and between
 * slices of the layout (a map of many thousand organisations takes seconds to lay out).
 */
export async function networkMapInSteps(applications: Iterable<Application>, options: NetworkMapOptions, pause: () => Promise<void>): Promise<{ network: Network; data: MapData; html: string }> {
  const network = buildNetwork(applications, { ...options.actors, coreGroup: options.coreGroup, peerLinks: options.peerLinks, targetGroups: options.targetGroups });
  options.onNetwork?.(network);
  await pause();
  const data = await buildMapDataInSteps([...network.organizations, ...network.persons, ...network.categories, ...network.regions, ...network.targetGroups], network.links, {
    withContactDetails: options.withContactDetails, layout: options.layout, events: options.events?.(network),
    applications: network.applications, peerLinksLeftOut: network.peerLinksDropped, withheld: network.withheld,
  }, pause);
  await pause();
  const html = renderMapHtml(data, { lang: options.lang, title: options.title, generatedAt: options.generatedAt });
  return { network, data, html };
}
