/**
 * `export kumu` as a library call: the network of the matching applications as a Kumu workbook,
 * a folder of two CSV files or a JSON blueprint, with the Advanced Editor code beside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { addEventsToKumu, loadEventsOverlay } from './events-overlay.js';
import type { DB } from '../db/connection.js';
import { UsageError } from '../errors.js';
import type { EligibilityFilters } from '../model.js';
import { checkpoint, warning, type Callbacks } from '../reporting.js';
import { coreGroupBeyondRoster } from './network.js';
import { networkScope, elapsed, exportNetworkInSteps, networkCarried, recordExport, reportWithdrawn, type CoreGroup, type ExportDone, type ExportResult, type ExportTarget } from './export-common.js';
import { assertValidKumuMap, kumuBlueprint, kumuCsv, kumuMap, kumuViewSnippet, kumuWorkbook, overlongCells } from './kumu.js';
import { displayPath, plural, resolveOutput, writeFilesAtomic, type Output } from './write.js';
import { shellArg } from '../text.js';

export const KUMU_FORMATS = ['xlsx', 'csv', 'json'] as const;
export type KumuFormat = (typeof KUMU_FORMATS)[number];

export interface KumuExportOptions extends ExportTarget {
  filters: EligibilityFilters;
  /** Roster whose members are marked Core Group "yes" (default: the latest saved roster). */
  roster?: string;
  /** Only the members of that roster. */
  membersOnly?: boolean;
  /** Peer links per organisation (0/undefined: none). */
  peerLinks?: number;
  /** An element for each target group two or more organisations serve, with "serves" connections. */
  targetGroups?: boolean;
  withContactDetails?: boolean;
  /** Contact people as elements of their own (type Person), linked "works at" their organisation. */
  withPeople?: boolean;
  /** The caller prints the Advanced Editor code: it is not written beside the map. */
  view?: boolean;
  format: KumuFormat;
  /** The Network's events as elements, with "attended" connections (an Attendance field is there whenever events are). */
  withEvents?: boolean;
}

export interface KumuExport extends ExportDone {
  /** The roster marked Core Group, if any. */
  roster: CoreGroup | null;
  /** Skills categories and regions in the map. */
  categories: number;
  regions: number;
  /** The Advanced Editor code, and where it is (or would be) written. */
  snippet: string;
  snippetPath: string;
}

/** The Advanced Editor snippet's file: beside the map ("map.xlsx" -> "map.kumu-view.txt"), or in the csv folder. */
export function viewSnippetPath(format: KumuFormat, outPath: string): string {
  if (format === 'csv') return path.join(outPath, 'kumu-view.txt');
  const ext = path.extname(outPath);
  return path.join(path.dirname(outPath), `${path.basename(outPath, ext)}.kumu-view.txt`);
}

function sameContent(file: string, text: string): boolean {
  try {
    return fs.readFileSync(file, 'utf8') === text;
  } catch {
    return false;
  }
}

/** Where the map goes, checked before anything is read: a folder for csv, a file otherwise, stdout for json only. */
export function kumuOutput(options: Pick<KumuExportOptions, 'out' | 'cwd' | 'format' | 'view'>): Output {
  const output = resolveOutput(options.out, { cwd: options.cwd, stdoutAllowed: options.format === 'json', format: options.format, example: options.format === 'csv' ? 'kumu-map/' : `map.${options.format}` });
  if (options.format === 'csv' && output.kind === 'file' && fs.existsSync(output.path) && !fs.statSync(output.path).isDirectory()) {
    throw new UsageError(`--format csv writes a folder (elements.csv and connections.csv), and ${displayPath(output.path, options.cwd)} is a file`, { hint: 'give a folder name, e.g. --out kumu-map/' });
  }
  if (options.format !== 'csv' && output.kind === 'file' && fs.existsSync(output.path) && fs.statSync(output.path).isDirectory()) {
    throw new UsageError(`${displayPath(output.path, options.cwd)} is a folder`, { hint: `give a file name, e.g. --out ${shellArg(path.join(displayPath(output.path, options.cwd), `map.${options.format}`))}` });
  }
  if (options.view && output.kind === 'stdout') throw new UsageError('--view prints on stdout, which --out - already uses', { hint: 'write the map to a file, or drop --view' });
  return output;
}

/**
 * Builds the map of the matching applications (Core Group marked from a roster), checks it
 * passes Kumu's import rules, and writes it atomically (unless a dry run or stdout). Warnings: an
 * empty map, contact details included, cells cut to Excel's limit.
 */
export async function exportKumu(db: DB, options: KumuExportOptions, callbacks: Callbacks = {}): Promise<KumuExport> {
  const start = performance.now();
  const output = kumuOutput(options);
  const warn = (code: string, message: string) => callbacks.onWarning?.(warning(code, message));
  const { roster, filters } = networkScope(db, options, 'Core Group', callbacks);
  // Checkpoints between the steps: Ctrl-C is answered there (nothing is written before the end).
  const pause = () => checkpoint(callbacks.signal);
  await pause();
  const { network } = await exportNetworkInSteps(db, filters, { coreGroup: roster?.members, peerLinks: options.peerLinks, targetGroups: options.targetGroups, withPeople: options.withPeople }, callbacks, pause);
  const map = kumuMap(network, { withContactDetails: Boolean(options.withContactDetails) });
  // (a second apiece on 20,000 organisations of a loaded machine: Ctrl-C is heard in between)
  await pause();
  assertValidKumuMap(map);
  await pause();
  // The Network's events (issue 14): an Attendance field, and with --with-events the events and who came.
  const overlay = loadEventsOverlay(db);
  if (overlay.events.length) assertValidKumuMap(Object.assign(map, addEventsToKumu(map, overlay, { withEvents: Boolean(options.withEvents) })));

  if (network.applications === 0 && network.organizations.length + network.persons.length === 0) warn('empty', 'no application matches: the map holds only the skills categories and regions');
  if (network.withheld) warn('withheld', `${plural(network.withheld, 'member')} who said no to appearing on a shared map ${network.withheld === 1 ? 'is' : 'are'} left out (skillsnet members --json shows consentMap)`);
  reportWithdrawn(network, callbacks);
  if (options.withContactDetails) {
    warn('contact-details', 'the map includes email addresses and phone numbers. A public Kumu project is visible to anyone with the link: keep the project private, and share views, not the data.');
  }
  if (options.format === 'xlsx') {
    const cut = overlongCells(map);
    if (cut.length) {
      warn('cells-shortened', `${plural(cut.length, 'cell')} longer than Excel's 32,767 characters ${cut.length === 1 ? 'was' : 'were'} shortened in the workbook ` +
        `(${cut.slice(0, 5).join(', ')}${cut.length > 5 ? ` and ${cut.length - 5} more` : ''}), ending in "…"; --format csv or json keeps them whole`);
    }
  }
  const snippet = kumuViewSnippet();
  const counts = {
    applications: network.applications,
    organizations: network.organizations.length,
    persons: network.persons.length,
    withheld: network.withheld,
    withdrawn: network.withdrawn,
    coreGroup: network.organizations.filter((o) => o.coreGroup).length,
    elements: map.elements.length,
    connections: map.connections.length,
    peerLinks: network.links.filter((l) => l.type === 'peer').length,
    peerLinksLeftOut: network.peerLinksDropped,
    ...(options.targetGroups ? { targetGroups: network.targetGroups.length, targetGroupsLeftOut: network.targetGroupsLeftOut } : {}),
    ...(options.withEvents ? { events: overlay.events.length, attended: map.connections.filter((c) => c.Type === 'attended').length } : {}),
  };
  const result: ExportResult = { export: 'kumu', format: options.format, files: [], stdout: output.kind === 'stdout', dryRun: Boolean(options.dryRun), counts, ms: 0 };
  const done: KumuExport = {
    result, output, roster, beyondRoster: coreGroupBeyondRoster(network.organizations, roster?.members), categories: network.categories.length, regions: network.regions.length, snippet,
    snippetPath: output.kind === 'file' ? viewSnippetPath(options.format, output.path) : '',
  };
  if (options.dryRun) {
    // nothing written
  } else if (output.kind === 'stdout') {
    done.text = JSON.stringify(kumuBlueprint(map), null, 2) + '\n';
  } else {
    const files: { path: string; data: string | Uint8Array }[] = [];
    if (options.format === 'xlsx') files.push({ path: output.path, data: await kumuWorkbook(map, pause) });
    else if (options.format === 'json') files.push({ path: output.path, data: JSON.stringify(kumuBlueprint(map), null, 2) + '\n' });
    else {
      files.push({ path: path.join(output.path, 'elements.csv'), data: await kumuCsv(map.elementFields, map.elements, pause) });
      files.push({ path: path.join(output.path, 'connections.csv'), data: await kumuCsv(map.connectionFields, map.connections, pause) });
    }
    await pause();
    // The same code beside map.xlsx and map.json is one file: rewriting it unchanged clobbers nothing.
    const snippetInPlace = !options.view && sameContent(done.snippetPath, snippet);
    if (!options.view && !snippetInPlace) files.push({ path: done.snippetPath, data: snippet });
    writeFilesAtomic(files, { force: Boolean(options.force), stdout: options.format === 'json' });
    // (the code found in place is one of the export's files all the same: a script copying `files` gets it every night)
    result.files = [...files.map((f) => f.path), ...(snippetInPlace ? [done.snippetPath] : [])];
  }
  if (!options.dryRun) recordExport(db, result, networkCarried(network, Boolean(options.withContactDetails), map.elements.length), callbacks);
  result.ms = elapsed(start);
  return done;
}
