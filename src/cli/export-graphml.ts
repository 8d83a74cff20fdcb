import { checkFilterNames } from './filters.js';
import { withDatabase } from './context.js';
import { info, warn, type IO } from './io.js';
import type { ApplicationFilters } from '../model.js';
import { UsageError } from '../errors.js';
import { buildNetwork } from '../export/network.js';
import { networkGraphml } from '../export/graphml.js';
import { displayPath, plural, resolveOutput, writeOutput } from '../export/write.js';
import { applicationsWithProgress, checkJsonWithStdout, coreGroupRoster, elapsed, finish, type ExportResult } from './export-common.js';

export interface ExportGraphmlOptions {
  dbPath: string;
  filters: ApplicationFilters;
  /** Roster whose members get coreGroup=true (default: the latest saved roster). */
  roster?: string;
  membersOnly?: boolean;
  peerLinks?: number;
  out: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

export async function runExportGraphml(opts: ExportGraphmlOptions, io: IO): Promise<ExportResult> {
  const start = performance.now();
  checkJsonWithStdout(opts.json, opts.out);
  const output = resolveOutput(opts.out, { cwd: io.cwd, stdoutAllowed: true, format: 'graphml', example: 'network.graphml' });
  const { network, roster } = await withDatabase(opts.dbPath, { create: false }, (db) => {
    checkFilterNames(db, opts.filters);
    const roster = coreGroupRoster(db, io, opts.roster, 'coreGroup');
    if (opts.membersOnly && !roster) throw new UsageError('--members-only needs a roster, and none is saved', { hint: 'select one first: skillsnet select --size 25 --name core-2020' });
    const filters = opts.membersOnly && roster ? { ...opts.filters, roster: roster.name } : opts.filters;
    return { network: buildNetwork(applicationsWithProgress(db, io, filters), { coreGroup: roster?.members, peerLinks: opts.peerLinks }), roster };
  });
  const nodes = network.organizations.length + network.categories.length + network.regions.length;
  const counts = { applications: network.applications, organizations: network.organizations.length, nodes, edges: network.links.length, coreGroup: network.organizations.filter((o) => o.coreGroup).length };
  const result: ExportResult = { export: 'graphml', format: 'graphml', files: [], stdout: output.kind === 'stdout', dryRun: Boolean(opts.dryRun), counts, ms: 0 };
  if (network.applications === 0) warn(io, 'no application matches: the graph holds only the skills categories and regions');
  const what = `${plural(nodes, 'node')} (${plural(counts.organizations, 'organisation')} from ${plural(counts.applications, 'application')}) and ${plural(counts.edges, 'edge')}`;
  if (roster) info(io, `coreGroup: ${counts.coreGroup} of the organisations (roster "${roster.name}")`);
  if (opts.dryRun) {
    info(io, `Dry run: would write ${what}. Nothing was written.`);
    result.ms = elapsed(start);
    return finish(io, result, opts.json);
  }
  writeOutput(output, networkGraphml(network), io.stdout, { force: Boolean(opts.force) });
  if (output.kind === 'file') result.files = [output.path];
  const where = output.kind === 'stdout' ? 'stdout' : displayPath(output.path, io.cwd);
  info(io, `Wrote ${what} to ${where} (GraphML).`);
  if (output.kind === 'file') info(io, `Next: open it in Gephi (File > Open), Cytoscape (File > Import > Network from File) or Python (networkx.read_graphml("${where}")).`);
  result.ms = elapsed(start);
  return finish(io, result, opts.json);
}
