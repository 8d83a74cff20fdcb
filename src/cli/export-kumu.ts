import { checkFilterNames } from './filters.js';
import fs from 'node:fs';
import path from 'node:path';
import { withDatabase } from './context.js';
import { info, warn, type IO } from './io.js';
import type { ApplicationFilters } from '../model.js';
import { UsageError } from '../errors.js';
import { buildNetwork } from '../export/network.js';
import { assertValidKumuMap, kumuBlueprint, kumuCsv, kumuMap, kumuViewSnippet, kumuWorkbook, overlongCells } from '../export/kumu.js';
import { displayPath, plural, resolveOutput, writeFilesAtomic, writeOutput } from '../export/write.js';
import { applicationsWithProgress, checkJsonWithStdout, coreGroupRoster, elapsed, finish, type ExportResult } from './export-common.js';

export const KUMU_FORMATS = ['xlsx', 'csv', 'json'] as const;
export type KumuFormat = (typeof KUMU_FORMATS)[number];

export interface ExportKumuOptions {
  dbPath: string;
  filters: ApplicationFilters;
  /** Roster whose members are marked Core Group "yes" (default: the latest saved roster). */
  roster?: string;
  /** Only the members of that roster. */
  membersOnly?: boolean;
  /** Peer links per organisation (0/undefined: none). */
  peerLinks?: number;
  withContactDetails?: boolean;
  /** Print the Advanced Editor code on stdout instead of writing it next to the map. */
  view?: boolean;
  format: KumuFormat;
  /** File (xlsx, json), folder (csv), or "-" (json only). */
  out: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
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

export async function runExportKumu(opts: ExportKumuOptions, io: IO): Promise<ExportResult> {
  const start = performance.now();
  checkJsonWithStdout(opts.json, opts.out);
  const output = resolveOutput(opts.out, { cwd: io.cwd, stdoutAllowed: opts.format === 'json', format: opts.format, example: opts.format === 'csv' ? 'kumu-map/' : `map.${opts.format}` });
  if (opts.format === 'csv' && output.kind === 'file' && fs.existsSync(output.path) && !fs.statSync(output.path).isDirectory()) {
    throw new UsageError(`--format csv writes a folder (elements.csv and connections.csv), and ${displayPath(output.path, io.cwd)} is a file`, { hint: 'give a folder name, e.g. --out kumu-map/' });
  }
  if (opts.format !== 'csv' && output.kind === 'file' && fs.existsSync(output.path) && fs.statSync(output.path).isDirectory()) {
    throw new UsageError(`${displayPath(output.path, io.cwd)} is a folder`, { hint: `give a file name, e.g. --out ${path.join(displayPath(output.path, io.cwd), `map.${opts.format}`)}` });
  }
  if (opts.view && output.kind === 'stdout') throw new UsageError('--view prints on stdout, which --out - already uses', { hint: 'write the map to a file, or drop --view' });
  if (opts.view && opts.json) throw new UsageError('choose one of --view and --json: both print on stdout');

  const { network, roster } = await withDatabase(opts.dbPath, { create: false }, (db) => {
    checkFilterNames(db, opts.filters);
    const roster = coreGroupRoster(db, io, opts.roster, 'Core Group');
    if (opts.membersOnly && !roster) throw new UsageError('--members-only needs a roster, and none is saved', { hint: 'select one first: skillsnet select --size 25 --name core-2020' });
    const filters = opts.membersOnly && roster ? { ...opts.filters, roster: roster.name } : opts.filters;
    return { network: buildNetwork(applicationsWithProgress(db, io, filters), { coreGroup: roster?.members, peerLinks: opts.peerLinks }), roster };
  });
  const map = kumuMap(network, { withContactDetails: Boolean(opts.withContactDetails) });
  assertValidKumuMap(map);

  if (network.applications === 0) warn(io, 'no application matches: the map holds only the skills categories and regions');
  if (opts.withContactDetails) {
    warn(io, 'the map includes email addresses and phone numbers. A public Kumu project is visible to anyone with the link: keep the project private, and share views, not the data.');
  }
  if (opts.format === 'xlsx') {
    const cut = overlongCells(map);
    if (cut) warn(io, `${plural(cut, 'cell')} longer than Excel's 32,767 characters ${cut === 1 ? 'was' : 'were'} shortened in the workbook`);
  }
  const snippet = kumuViewSnippet();
  const counts = {
    applications: network.applications,
    organizations: network.organizations.length,
    coreGroup: network.organizations.filter((o) => o.coreGroup).length,
    elements: map.elements.length,
    connections: map.connections.length,
    peerLinks: network.links.filter((l) => l.type === 'peer').length,
    peerLinksLeftOut: network.peerLinksDropped,
  };
  const result: ExportResult = { export: 'kumu', format: opts.format, files: [], stdout: output.kind === 'stdout', dryRun: Boolean(opts.dryRun), counts, ms: 0 };

  const summary = `${plural(counts.elements, 'element')} (${plural(counts.organizations, 'organisation')} from ${plural(counts.applications, 'application')}, ` +
    `${network.categories.length} skills categories, ${network.regions.length} regions) and ${plural(counts.connections, 'connection')}` +
    (opts.peerLinks ? ` (${plural(counts.peerLinks, 'peer link')}, at most ${opts.peerLinks} per organisation${counts.peerLinksLeftOut ? `; ${plural(counts.peerLinksLeftOut, 'more pair')} sharing a category left out` : ''})` : '');
  if (roster) info(io, `Core Group: ${counts.coreGroup} of the organisations (roster "${roster.name}")${opts.membersOnly ? ', the only ones exported' : ''}`);
  else info(io, 'No roster is saved yet, so Core Group is "no" everywhere (skillsnet select --size 25 --name core-2020 saves one).');

  if (opts.dryRun) {
    info(io, `Dry run: would write ${summary}; the map passes Kumu's import checks. Nothing was written.`);
    result.ms = elapsed(start);
    return finish(io, result, opts.json);
  }

  if (output.kind === 'stdout') {
    writeOutput(output, JSON.stringify(kumuBlueprint(map), null, 2) + '\n', io.stdout, { force: false });
    info(io, `Wrote ${summary} to stdout as a Kumu JSON blueprint.`);
    result.ms = elapsed(start);
    return result;
  }

  const force = Boolean(opts.force);
  const files: { path: string; data: string | Uint8Array }[] = [];
  if (opts.format === 'xlsx') files.push({ path: output.path, data: await kumuWorkbook(map) });
  else if (opts.format === 'json') files.push({ path: output.path, data: JSON.stringify(kumuBlueprint(map), null, 2) + '\n' });
  else {
    files.push({ path: path.join(output.path, 'elements.csv'), data: await kumuCsv(map.elementFields, map.elements) });
    files.push({ path: path.join(output.path, 'connections.csv'), data: await kumuCsv(map.connectionFields, map.connections) });
  }
  const snippetPath = viewSnippetPath(opts.format, output.path);
  // The same code beside map.xlsx and map.json is one file: rewriting it unchanged clobbers nothing.
  if (!opts.view && !sameContent(snippetPath, snippet)) files.push({ path: snippetPath, data: snippet });
  writeFilesAtomic(files, { force });
  result.files = files.map((f) => f.path);
  const shown = (p: string) => displayPath(p, io.cwd);

  const where = opts.format === 'csv' ? `${shown(files[0].path)} and ${shown(files[1].path)}` : shown(output.path);
  info(io, `Wrote ${summary} to ${where}.`);
  if (opts.view) io.stdout.write(snippet);
  const importStep = opts.format === 'csv'
    ? `import ${shown(files[0].path)}, then ${shown(files[1].path)}`
    : `import ${shown(output.path)}`;
  info(io, `Next: in Kumu, open a new map, click + (bottom) > Import and ${importStep}; then paste ${opts.view ? 'the code printed above' : shown(snippetPath)} into Settings > Advanced Editor to colour organisations by region and size them by score.`);
  result.ms = elapsed(start);
  return finish(io, result, opts.json);
}
