import fs from 'node:fs';
import path from 'node:path';
import { checkFilterNames } from './filters.js';
import { withDatabase } from './context.js';
import { info, warn, type IO } from './io.js';
import type { ApplicationFilters } from '../model.js';
import { UsageError } from '../errors.js';
import type { MapLanguage } from '../export/map-types.js';
import { displayPath, plural, resolveOutput, writeOutput } from '../export/write.js';
import { applicationsWithProgress, checkJsonWithStdout, coreGroupRoster, elapsed, finish, type ExportResult } from './export-common.js';

/**
 * `skillsnet export map`: the network as one offline HTML page. Reads the applications, hands
 * them to networkMap (src/export/map.ts) and writes the file atomically.
 */

export const MAP_FORMATS = ['html'] as const;
export type MapFormat = (typeof MAP_FORMATS)[number];
export const MAP_EXTENSIONS: Record<string, readonly MapFormat[]> = { '.html': ['html'], '.htm': ['html'] };
/** Peer links per organisation when --peer-links is not given: the map is where members look for peers. */
export const MAP_DEFAULT_PEER_LINKS = 3;

export interface ExportMapOptions {
  dbPath: string;
  filters: ApplicationFilters;
  /** Roster whose members form the Core Group (default: the latest saved roster). */
  roster?: string;
  /** Only the members of that roster. */
  membersOnly?: boolean;
  /** Peer links per organisation; 0: none. */
  peerLinks: number;
  withContactDetails?: boolean;
  lang: MapLanguage;
  title?: string;
  format: MapFormat;
  /** The HTML file, or "-" for stdout. */
  out: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  /** When the file was made (default: now); fixed by tests for reproducible files. */
  generatedAt?: string;
}

/** The export summary, plus what a script wants of a map: where, how big, how many nodes and edges. */
export interface ExportMapResult extends ExportResult {
  file: string | null;
  nodes: number;
  edges: number;
  bytes: number;
}

export async function runExportMap(opts: ExportMapOptions, io: IO): Promise<ExportMapResult> {
  const start = performance.now();
  checkJsonWithStdout(opts.json, opts.out);
  const output = resolveOutput(opts.out, { cwd: io.cwd, stdoutAllowed: true, format: opts.format, example: 'network.html' });
  if (output.kind === 'file' && fs.existsSync(output.path) && fs.statSync(output.path).isDirectory()) {
    throw new UsageError(`${displayPath(output.path, io.cwd)} is a folder`, { hint: `give a file name, e.g. --out ${path.join(displayPath(output.path, io.cwd), 'network.html')}` });
  }
  if (output.kind === 'file' && !(path.extname(output.path).toLowerCase() in MAP_EXTENSIONS)) {
    warn(io, `--out ${opts.out} does not end in .html: browsers open the map by double-click only when it does`);
  }

  // Loaded here: graphology, the layout and the page bundle are only for this command.
  const { networkMap } = await import('../export/map.js');
  const { network, data, html, roster } = await withDatabase(opts.dbPath, { create: false }, (db) => {
    checkFilterNames(db, opts.filters);
    const roster = coreGroupRoster(db, io, opts.roster, 'Core Group');
    if (opts.membersOnly && !roster) throw new UsageError('--members-only needs a roster, and none is saved', { hint: 'select one first: skillsnet select --size 25 --name core-2020' });
    const filters = opts.membersOnly && roster ? { ...opts.filters, roster: roster.name } : opts.filters;
    const map = networkMap(applicationsWithProgress(db, io, filters), {
      coreGroup: roster?.members, peerLinks: opts.peerLinks, withContactDetails: Boolean(opts.withContactDetails),
      lang: opts.lang, title: opts.title, generatedAt: opts.generatedAt,
    });
    return { ...map, roster };
  });

  if (network.applications === 0) warn(io, 'no application matches: the map holds only the skills categories and regions');
  if (opts.withContactDetails) {
    warn(io, 'the map includes email addresses and phone numbers. Anyone who has the file can read them, offline and without a password: send it only to the people who need it, never to a shared folder or a public site.');
  }
  const bytes = Buffer.byteLength(html, 'utf8');
  const counts = {
    applications: data.counts.applications,
    organizations: data.counts.organizations,
    coreGroup: network.organizations.filter((o) => o.coreGroup).length,
    nodes: data.nodes.length,
    connections: data.edges.length,
    peerLinks: data.edges.filter((e) => e.kind === 'peer').length,
    peerLinksLeftOut: data.counts.peerLinksLeftOut,
    withheld: data.counts.withheld,
  };
  const result: ExportMapResult = {
    export: 'map', format: opts.format, files: [], stdout: output.kind === 'stdout', dryRun: Boolean(opts.dryRun), counts, ms: 0,
    file: null, nodes: data.nodes.length, edges: data.edges.length, bytes,
  };
  const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const summary = `${plural(counts.organizations, 'organisation')} (from ${plural(counts.applications, 'application')}), ` +
    `${network.categories.length} skills categories and ${network.regions.length} regions, ${plural(counts.connections, 'connection')}` +
    (opts.peerLinks ? ` (${plural(counts.peerLinks, 'peer link')}, at most ${opts.peerLinks} per organisation)` : '') + `; ${size}`;
  if (roster) info(io, `Core Group: ${counts.coreGroup} of the organisations (roster "${roster.name}")${opts.membersOnly ? ', the only ones on the map' : ''}`);

  if (opts.dryRun) {
    info(io, `Dry run: would write a map of ${summary}. Nothing was written.`);
    result.ms = elapsed(start);
    return finish(io, result, opts.json) as ExportMapResult;
  }
  writeOutput(output, html, io.stdout, { force: Boolean(opts.force) });
  if (output.kind === 'file') {
    result.file = output.path;
    result.files = [output.path];
    info(io, `Wrote a map of ${summary} to ${displayPath(output.path, io.cwd)}.`);
    info(io, 'Open it in any web browser: it needs no internet connection and sends nothing anywhere.');
  } else {
    info(io, `Wrote a map of ${summary} to stdout.`);
  }
  result.ms = elapsed(start);
  return finish(io, result, opts.json) as ExportMapResult;
}
