import { withDatabase } from './context.js';
import { info, personalOutput, type IO } from './io.js';
import { UsageError } from '../errors.js';
import type { EligibilityFilters } from '../model.js';
import { exportKumu, kumuOutput, type KumuFormat } from '../export/export-kumu.js';
import { displayPath, plural } from '../export/write.js';
import { callbacksFor } from '../ui/callbacks.js';
import { checkJsonWithStdout, coreGroupLine, elapsed, EXPORT_PROGRESS_MIN, finish, targetGroupsWords, type ExportResult } from './export-common.js';

export { KUMU_FORMATS, viewSnippetPath, type KumuFormat } from '../export/export-kumu.js';

export interface ExportKumuOptions {
  /** Contact people as elements of their own. */
  withPeople?: boolean;
  dbPath: string;
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
  /** Events as elements, with "attended" connections. */
  withEvents?: boolean;
  /** Print the Advanced Editor code on stdout instead of writing it next to the map. */
  view?: boolean;
  format: KumuFormat;
  /** File (xlsx, json), folder (csv), or "-" (json only). */
  out: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

export async function runExportKumu(opts: ExportKumuOptions, io: IO): Promise<ExportResult> {
  const start = performance.now();
  checkJsonWithStdout(opts.json, opts.out);
  const options = { ...opts, cwd: io.cwd };
  kumuOutput(options);
  if (opts.view && opts.json) throw new UsageError('choose one of --view and --json: both print on stdout', { hint: 'drop --json to see the Advanced Editor code, or drop --view for the JSON summary' });

  const done = await withDatabase(opts.dbPath, { create: false, io }, (db) => exportKumu(db, options, callbacksFor(io, { minProgressTotal: EXPORT_PROGRESS_MIN })));
  const { result, roster } = done;
  const counts = result.counts;
  const people = counts.persons ? `, ${plural(counts.persons, 'person', 'people')}` : '';
  const summary = `${plural(counts.elements, 'element')} (${plural(counts.organizations, 'organisation')} from ${plural(counts.applications, 'application')}${people}, ` +
    `${done.categories} skills categories, ${done.regions} regions${opts.targetGroups ? `, ${targetGroupsWords(counts.targetGroups ?? 0, counts.targetGroupsLeftOut)}` : ''}) and ${plural(counts.connections, 'connection')}` +
    (opts.peerLinks ? ` (${plural(counts.peerLinks, 'peer link')}, at most ${opts.peerLinks} per organisation${counts.peerLinksLeftOut ? `; ${plural(counts.peerLinksLeftOut, 'more pair')} sharing a category left out` : ''})` : '') +
    (opts.withEvents ? `, with ${plural(counts.events ?? 0, 'event')} and ${plural(counts.attended ?? 0, '"attended" connection')}` : '');
  if (roster) info(io, coreGroupLine(roster.name, counts, opts.membersOnly, done.beyondRoster));
  else info(io, 'No roster is saved yet, so Core Group is "no" everywhere (skillsnet select --size 25 --name core-2020 saves one).');

  if (opts.dryRun) {
    info(io, `Dry run: would write ${summary}; the map passes Kumu's import checks. Nothing was written.`);
    result.ms = elapsed(start);
    return finish(io, result, opts.json);
  }
  if (done.output.kind === 'stdout') {
    personalOutput(io);
    io.stdout.write(done.text!);
    info(io, `Wrote ${summary} to stdout as a Kumu JSON blueprint.`);
    result.ms = elapsed(start);
    return result;
  }
  const shown = (p: string) => displayPath(p, io.cwd);
  const [first, second] = result.files;
  const where = opts.format === 'csv' ? `${shown(first)} and ${shown(second)}` : shown(done.output.path);
  info(io, `Wrote ${summary} to ${where}.`);
  if (opts.view) io.stdout.write(done.snippet);
  const importStep = opts.format === 'csv' ? `import ${shown(first)}, then ${shown(second)}` : `import ${shown(done.output.path)}`;
  info(io, `Next: in Kumu, open a new map, click + (bottom) > Import and ${importStep}; then paste ${opts.view ? 'the code printed above' : shown(done.snippetPath)} into Settings > Advanced Editor to colour organisations by region and size them by score.`);
  result.ms = elapsed(start);
  return finish(io, result, opts.json);
}
