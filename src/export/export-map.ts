/** `export map` as a library call: the network as one offline HTML page (src/export/map.ts draws it). */
import fs from 'node:fs';
import path from 'node:path';
import type { DB } from '../db/connection.js';
import { UsageError } from '../errors.js';
import type { EligibilityFilters } from '../model.js';
import { checkpoint, warning, type Callbacks } from '../reporting.js';
import { coreGroupBeyondRoster } from './network.js';
import { networkScope, exportApplications, elapsed, networkCarried, recordExport, reportWithdrawn, type CoreGroup, type ExportDone, type ExportResult, type ExportTarget } from './export-common.js';
import { networkActors } from './actors.js';
import type { MapLanguage } from './map-types.js';
import { displayPath, resolveOutput, writeFileAtomic, type Output } from './write.js';
import { shellArg } from '../text.js';

export const MAP_FORMATS = ['html'] as const;
export type MapFormat = (typeof MAP_FORMATS)[number];
export const MAP_EXTENSIONS: Record<string, readonly MapFormat[]> = { '.html': ['html'], '.htm': ['html'] };
/** Peer links per organisation when --peer-links is not given: the map is where members look for peers. */
export const MAP_DEFAULT_PEER_LINKS = 3;
/**
 * Actors (organisations and persons) past which a browser shows the map too slowly to use: at
 * 16,000 organisations headless Chromium took 3.5 s to show it and over a second for each filter
 * change (bench/RESULTS.md, "Network map"). The map is still written, with a warning saying how
 * to narrow it.
 */
export const MAP_ACTORS_FOR_A_BROWSER = 20_000;

export interface MapExportOptions extends ExportTarget {
  filters: EligibilityFilters;
  /** Roster whose members form the Core Group (default: the latest saved roster). */
  roster?: string;
  /** Only the members of that roster. */
  membersOnly?: boolean;
  /** Peer links per organisation; 0: none. */
  peerLinks: number;
  /** Nodes for the target groups two or more organisations serve, linked "serves" (default: drawn). */
  targetGroups?: boolean;
  withContactDetails?: boolean;
  /** Contact people as nodes of their own, linked to their organisation. */
  withPeople?: boolean;
  lang: MapLanguage;
  title?: string;
  /** When the file was made (default: now); fixed by tests for reproducible files. */
  generatedAt?: string;
  /** The Network's events as nodes, linked "attended" to the organisations whose members came. */
  withEvents?: boolean;
  /** Actors past which the export warns that a browser shows the map slowly (default MAP_ACTORS_FOR_A_BROWSER). */
  browserLimit?: number;
}

/** The export summary, plus what a script wants of a map: where, how big, how many nodes and edges. */
export interface MapExportResult extends ExportResult {
  file: string | null;
  nodes: number;
  edges: number;
  bytes: number;
}

/** Where the page goes, checked before anything is read: a file (not a folder), or stdout. */
export function mapOutput(options: Pick<MapExportOptions, 'out' | 'cwd'>, callbacks: Callbacks = {}): Output {
  const output = resolveOutput(options.out, { cwd: options.cwd, stdoutAllowed: true, format: 'html', example: 'network.html' });
  if (output.kind === 'file' && fs.existsSync(output.path) && fs.statSync(output.path).isDirectory()) {
    throw new UsageError(`${displayPath(output.path, options.cwd)} is a folder`, { hint: `give a file name, e.g. --out ${shellArg(path.join(displayPath(output.path, options.cwd), 'network.html'))}` });
  }
  if (output.kind === 'file' && !(path.extname(output.path).toLowerCase() in MAP_EXTENSIONS)) {
    callbacks.onWarning?.(warning('extension', `--out ${options.out} does not end in .html: browsers open the map by double-click only when it does`));
  }
  return output;
}

/**
 * Builds the map of the matching applications (Core Group marked from a roster) and writes it
 * atomically; with `out: '-'` the page is handed back in `text`. Warns when it is empty.
 */
export async function exportMap(db: DB, options: MapExportOptions, callbacks: Callbacks = {}): Promise<ExportDone & { result: MapExportResult; roster: CoreGroup | null; summary: MapSummary }> {
  const start = performance.now();
  const output = mapOutput(options);
  const { roster, filters } = networkScope(db, options, 'Core Group', callbacks);
  const eventsModule = options.withEvents ? await import('./events-overlay.js') : null;
  const overlay = eventsModule?.loadEventsOverlay(db) ?? null;
  // Loaded here: graphology, the layout and the page bundle are only for this export.
  const { networkMapInSteps } = await import('./map.js');
  // Checkpoints between the steps and the layout's slices: Ctrl-C is answered there (nothing is written before the end).
  const pause = () => checkpoint(callbacks.signal);
  await pause();
  const actors = networkActors(db, filters, { withPeople: options.withPeople });
  await pause();
  const applications = [...exportApplications(db, filters, callbacks)];
  await pause();
  const { network, data, html } = await networkMapInSteps(applications, {
    actors, coreGroup: roster?.members, peerLinks: options.peerLinks, targetGroups: options.targetGroups ?? true, withContactDetails: Boolean(options.withContactDetails),
    lang: options.lang, title: options.title, generatedAt: options.generatedAt,
    ...(overlay ? { events: (n) => eventsModule!.eventsForMap(overlay, n.organizations) } : {}),
    onNetwork: (n) => warnIfTooLarge(n.organizations.length, n.persons.length, options.browserLimit ?? MAP_ACTORS_FOR_A_BROWSER, Boolean(options.dryRun), callbacks),
  }, pause);
  if (network.applications === 0 && network.organizations.length + network.persons.length === 0) callbacks.onWarning?.(warning('empty', 'no application matches: the map holds only the skills categories and regions'));
  if (data.counts.withheld) {
    const n = data.counts.withheld;
    callbacks.onWarning?.(warning('withheld', `${n} member${n === 1 ? '' : 's'} who said no to appearing on a shared map ${n === 1 ? 'is' : 'are'} left out (skillsnet members --json shows consentMap)`));
  }
  reportWithdrawn(network, callbacks);
  const bytes = Buffer.byteLength(html, 'utf8');
  const counts = {
    applications: data.counts.applications,
    organizations: data.counts.organizations,
    /** Person nodes (members in their own right, and contact people with --with-people): not organisations. */
    persons: data.counts.persons,
    coreGroup: network.organizations.filter((o) => o.coreGroup).length,
    nodes: data.nodes.length,
    connections: data.edges.length,
    peerLinks: data.edges.filter((e) => e.kind === 'peer').length,
    peerLinksLeftOut: data.counts.peerLinksLeftOut,
    targetGroups: data.nodes.filter((n) => n.kind === 'target-group').length,
    targetGroupsLeftOut: network.targetGroupsLeftOut,
    withheld: data.counts.withheld,
    withdrawn: network.withdrawn,
    ...(overlay ? { events: data.nodes.filter((n) => n.kind === 'event').length, attended: data.edges.filter((e) => e.kind === 'attended').length } : {}),
  };
  const result: MapExportResult = {
    export: 'map', format: 'html', files: [], stdout: output.kind === 'stdout', dryRun: Boolean(options.dryRun), counts, ms: 0,
    file: null, nodes: data.nodes.length, edges: data.edges.length, bytes,
  };
  const summary = { categories: network.categories.length, regions: network.regions.length };
  const done = { result, output, roster, beyondRoster: coreGroupBeyondRoster(network.organizations, roster?.members), summary, text: undefined as string | undefined };
  if (!options.dryRun) {
    if (output.kind === 'stdout') done.text = html;
    else {
      writeFileAtomic(output.path, html, { force: Boolean(options.force), stdout: true });
      result.file = output.path;
      result.files = [output.path];
    }
    recordExport(db, result, networkCarried(network, Boolean(options.withContactDetails), data.nodes.length), callbacks);
  }
  result.ms = elapsed(start);
  return done;
}

/** What the map holds besides organisations, for the status line. */
export interface MapSummary {
  categories: number;
  regions: number;
}

/** Said before the layout and the writing: a map past what a browser shows usefully, and how to narrow it. */
function warnIfTooLarge(organizations: number, persons: number, limit: number, dryRun: boolean, callbacks: Callbacks): void {
  if (organizations + persons <= limit) return;
  const n = (x: number) => x.toLocaleString('en-US');
  const what = persons ? `${n(organizations)} organisations and ${n(persons)} people` : `${n(organizations)} organisations`;
  callbacks.onWarning?.(warning('too-large', `a map of ${what} is more than a browser shows usefully (over ${n(limit)}: it opens slowly and every filter takes seconds); it ${dryRun ? 'would be' : 'is'} written anyway. For a map to use, narrow it: one call (--call), a roster (--roster NAME --members-only), or --region, --country, --category, --min-score`));
}
