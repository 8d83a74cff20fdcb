import { withDatabase } from './context.js';
import { info, personalOutput, type IO } from './io.js';
import type { EligibilityFilters } from '../model.js';
import { exportGraphml, graphmlOutput } from '../export/export-graphml.js';
import { displayPath, plural } from '../export/write.js';
import { callbacksFor } from '../ui/callbacks.js';
import { checkJsonWithStdout, coreGroupLine, elapsed, EXPORT_PROGRESS_MIN, finish, type ExportResult } from './export-common.js';

export interface ExportGraphmlOptions {
  /** Contact people as nodes of their own. */
  withPeople?: boolean;
  dbPath: string;
  filters: EligibilityFilters;
  /** Roster whose members get coreGroup=true (default: the latest saved roster). */
  roster?: string;
  membersOnly?: boolean;
  peerLinks?: number;
  /** A node for each target group two or more organisations serve, with "serves" edges. */
  targetGroups?: boolean;
  out: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

export async function runExportGraphml(opts: ExportGraphmlOptions, io: IO): Promise<ExportResult> {
  const start = performance.now();
  checkJsonWithStdout(opts.json, opts.out);
  const options = { ...opts, cwd: io.cwd };
  graphmlOutput(options);
  const { result, output, text, roster, beyondRoster } = await withDatabase(opts.dbPath, { create: false, io }, (db) =>
    exportGraphml(db, options, callbacksFor(io, { minProgressTotal: EXPORT_PROGRESS_MIN })));
  const { counts } = result;
  const groups = opts.targetGroups ? `, ${plural(counts.targetGroups ?? 0, 'shared target group')}${counts.targetGroupsLeftOut ? ` (${counts.targetGroupsLeftOut.toLocaleString('en')} more left out)` : ''}` : '';
  const what = `${plural(counts.nodes, 'node')} (${plural(counts.organizations, 'organisation')} from ${plural(counts.applications, 'application')}${groups}) and ${plural(counts.edges, 'edge')}`;
  if (roster) info(io, coreGroupLine(roster.name, counts, opts.membersOnly, beyondRoster));
  if (opts.dryRun) {
    info(io, `Dry run: would write ${what}. Nothing was written.`);
    result.ms = elapsed(start);
    return finish(io, result, opts.json);
  }
  if (text !== undefined) {
    personalOutput(io);
    io.stdout.write(text);
  }
  const where = output.kind === 'stdout' ? 'stdout' : displayPath(output.path, io.cwd);
  info(io, `Wrote ${what} to ${where} (GraphML).`);
  if (output.kind === 'file') info(io, `Next: open it in Gephi (File > Open), Cytoscape (File > Import > Network from File) or Python (networkx.read_graphml("${where}")).`);
  result.ms = elapsed(start);
  return finish(io, result, opts.json);
}
