/**
 * What the offline network map page draws: written by src/export/map.ts into the HTML file,
 * read by the page (web/map/). Types only — the page bundle imports this file, so nothing here
 * may pull in Node modules.
 *
 * Node kinds fall in two families:
 * - actors (organisations, and persons: members in their own right such as ILO staff, contact people with --with-people) are
 *   what the filters, the search, the counts and the cards are about;
 * - context nodes (skills categories, regions, shared target groups, events with --with-events) are drawn when at least one
 *   visible actor is linked to them, so a filter never leaves an empty hub behind.
 * A new kind only needs its place in one of the two lists below and, for the page text, a
 * label under `kinds` in data/map-text.json.
 */

export const MAP_LANGUAGES = ['en', 'fr', 'es'] as const;
export type MapLanguage = (typeof MAP_LANGUAGES)[number];

export const ACTOR_KINDS = ['organization', 'person'] as const;
export const CONTEXT_KINDS = ['category', 'region', 'target-group', 'event'] as const;
export type MapActorKind = (typeof ACTOR_KINDS)[number];
export type MapContextKind = (typeof CONTEXT_KINDS)[number];
export type MapNodeKind = MapActorKind | MapContextKind;

/** The Kumu export's connection types, plus those the network's events will add. */
export type MapEdgeKind = 'works-on' | 'based-in' | 'peer' | 'attended' | 'member-of' | 'serves';

/** Roles of the network (CONTRACT.md): applicants are `member`, the selected roster `core-group`. */
export type MapRole = 'core-group' | 'member' | 'stakeholder' | 'partner' | 'ilo';

/** One application (project) of an organisation, for its card. */
export interface MapProject {
  title: string | null;
  description: string | null;
  call: string | null;
}

interface MapNodeBase {
  /** The Kumu element ID ("org-17", "category-life-skills", "region-africa"): the same in every export. */
  id: string;
  label: string;
  /** Layout computed when the file is written (map-layout.ts). */
  x: number;
  y: number;
}

export interface MapActorNode extends MapNodeBase {
  kind: MapActorKind;
  /** ISO 3166-1 alpha-2, or null when the country was not recognised. */
  countryCode: string | null;
  /** The country's English name (or as written in the application when not recognised); the page shows vocabulary.countries. */
  country: string | null;
  /** One of the five ILO regions, spelled as in the data (the page translates it). */
  region: string | null;
  /** ISO 639-1 code of the application's language. */
  language: string | null;
  /** Revised-taxonomy category codes, in taxonomy order. */
  categories: string[];
  /** Beneficiary / target groups as the applicants wrote them. */
  beneficiaries: string[];
  organizationTypes: string[];
  roles: MapRole[];
  coreGroup: boolean;
  /** The score the Core Group selection ranks by (best of the organisation's applications). */
  score: number | null;
  calls: string[];
  projects: MapProject[];
  contactNames: string[];
  /** Only in a file exported --with-contact-details, and never for an actor who refused to be contacted. */
  emails?: string[];
  phones?: string[];
  url: string | null;
}

export interface MapContextNode extends MapNodeBase {
  kind: MapContextKind;
  /** What the node stands for: a category code, a region name, a target group as written, an event id. */
  key: string;
  /** A longer description (the category's full name, an event's date). */
  detail: string | null;
}

export type MapNode = MapActorNode | MapContextNode;

export interface MapEdge {
  /** Kumu connection ID. */
  id: string;
  source: string;
  target: string;
  kind: MapEdgeKind;
  /** Peers: categories shared (their number is the weight); 1 otherwise. */
  weight: number;
  /** Peers: codes of the categories they share. */
  shared?: string[];
}

/** A value a filter, a legend or a colour can take, with its label in the page's language. */
export interface MapTerm {
  value: string;
  label: string;
  color?: string;
  /** A longer text (a category's full name). */
  detail?: string;
}

/**
 * The network as the map draws it: language-neutral (codes, names as stored) and deterministic
 * (the same applications give the same data). buildMapData makes it.
 */
export interface MapData {
  /** Changes when the page can no longer read older files' data. */
  version: 1;
  withContactDetails: boolean;
  nodes: MapNode[];
  edges: MapEdge[];
  counts: {
    /** Actors in the file, by kind. */
    organizations: number;
    persons: number;
    applications: number;
    edges: number;
    /** Actors left out because they did not consent to appear on a shared map. */
    withheld: number;
    /** Peer pairs left out by the cap on peer links per organisation. */
    peerLinksLeftOut: number;
  };
}

/** What the HTML file embeds: the data plus the page's language, text and labels. renderMapHtml makes it. */
export interface MapPage extends MapData {
  lang: MapLanguage;
  title: string;
  /** ISO 8601; shown in the page and on print. */
  generatedAt: string;
  /** The page's own text in `lang` (data/map-text.json), with {placeholders}. */
  text: Record<string, string>;
  vocabulary: {
    regions: MapTerm[];
    categories: MapTerm[];
    languages: MapTerm[];
    /** Country names in `lang`, by ISO code. */
    countries: MapTerm[];
    roles: MapTerm[];
    kinds: MapTerm[];
    edgeKinds: MapTerm[];
  };
}

export function isActor(node: MapNode): node is MapActorNode {
  return (ACTOR_KINDS as readonly string[]).includes(node.kind);
}
