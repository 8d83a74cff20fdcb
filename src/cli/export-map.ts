import { withDatabase } from './context.js';
import { info, personalOutput, warn, type IO } from './io.js';
import type { EligibilityFilters } from '../model.js';
import type { MapLanguage } from '../export/map-types.js';
import { exportMap, mapOutput, type MapExportResult, type MapFormat } from '../export/export-map.js';
import { displayPath, plural } from '../export/write.js';
import { callbacksFor } from '../ui/callbacks.js';
import { checkJsonWithStdout, coreGroupLine, elapsed, EXPORT_PROGRESS_MIN, finish, targetGroupsWords } from './export-common.js';

/** `skillsnet export map`: the network as one offline HTML page (src/export/export-map.ts). */

export { MAP_DEFAULT_PEER_LINKS, MAP_EXTENSIONS, MAP_FORMATS, type MapFormat } from '../export/export-map.js';

export interface ExportMapOptions {
  /** Contact people as nodes of their own. */
  withPeople?: boolean;
  dbPath: string;
  filters: EligibilityFilters;
  roster?: string;
  membersOnly?: boolean;
  peerLinks: number;
  /** Nodes for the target groups two or more organisations serve (default: drawn). */
  targetGroups?: boolean;
  withContactDetails?: boolean;
  /** Events as nodes with "attended" connections. */
  withEvents?: boolean;
  lang: MapLanguage;
  title?: string;
  format: MapFormat;
  /** The HTML file, or "-" for stdout. */
  out: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  generatedAt?: string;
}

export type { MapExportResult as ExportMapResult } from '../export/export-map.js';

export async function runExportMap(opts: ExportMapOptions, io: IO): Promise<MapExportResult> {
  const start = performance.now();
  checkJsonWithStdout(opts.json, opts.out);
  const options = { ...opts, cwd: io.cwd };
  const callbacks = callbacksFor(io, { minProgressTotal: EXPORT_PROGRESS_MIN });
  mapOutput(options, callbacks);
  const { result, output, text, roster, beyondRoster, summary: parts } = await withDatabase(opts.dbPath, { create: false, io }, (db) => exportMap(db, options, callbacks));
  const { counts } = result;
  if (opts.withContactDetails) {
    warn(io, 'the map includes email addresses and phone numbers. Anyone who has the file can read them, offline and without a password: send it only to the people who need it, never to a shared folder or a public site.');
  }
  const bytes = result.bytes;
  const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const people = counts.persons ? ` and ${plural(counts.persons, 'person', 'people')}` : '';
  const summary = `${plural(counts.organizations, 'organisation')} (from ${plural(counts.applications, 'application')})${people}, ` +
    (counts.targetGroups ? `${parts.categories} skills categories, ${parts.regions} regions and ${targetGroupsWords(counts.targetGroups, counts.targetGroupsLeftOut)}` : `${parts.categories} skills categories and ${parts.regions} regions`) +
    `, ${plural(counts.connections, 'connection')}` +
    (opts.peerLinks ? ` (${plural(counts.peerLinks, 'peer link')}, at most ${opts.peerLinks} per organisation)` : '') +
    (opts.withEvents ? `, ${plural(counts.events ?? 0, 'event')} with ${plural(counts.attended ?? 0, 'attendance link')}` : '') + `; ${size}`;
  if (roster) info(io, coreGroupLine(roster.name, counts, opts.membersOnly, beyondRoster));
  if (opts.dryRun) {
    info(io, `Dry run: would write a map of ${summary}. Nothing was written.`);
  } else if (text !== undefined) {
    personalOutput(io);
    io.stdout.write(text);
    info(io, `Wrote a map of ${summary} to stdout.`);
  } else if (output.kind === 'file') {
    info(io, `Wrote a map of ${summary} to ${displayPath(output.path, io.cwd)}.`);
    info(io, 'Open it in any web browser: it needs no internet connection and sends nothing anywhere.');
  }
  result.ms = elapsed(start);
  return finish(io, result, opts.json) as MapExportResult;
}
