/** `export graphml` as a library call: the network for Gephi, Cytoscape or NetworkX. */
import type { DB } from '../db/connection.js';
import type { EligibilityFilters } from '../model.js';
import { checkpoint, warning, type Callbacks } from '../reporting.js';
import { coreGroupBeyondRoster } from './network.js';
import { networkScope, elapsed, exportNetworkInSteps, networkCarried, recordExport, reportWithdrawn, type CoreGroup, type ExportDone, type ExportResult, type ExportTarget } from './export-common.js';
import { networkGraphmlInSteps } from './graphml.js';
import { resolveOutput, writeFileAtomic, type Output } from './write.js';

export interface GraphmlExportOptions extends ExportTarget {
  filters: EligibilityFilters;
  /** Roster whose members get coreGroup=true (default: the latest saved roster). */
  roster?: string;
  membersOnly?: boolean;
  peerLinks?: number;
  /** A node for each target group two or more organisations serve, with "serves" edges. */
  targetGroups?: boolean;
  /** Contact people as nodes of their own, linked "works at" their organisation. */
  withPeople?: boolean;
}

/** Where the graph goes, checked before anything is read. */
export function graphmlOutput(options: Pick<GraphmlExportOptions, 'out' | 'cwd'>): Output {
  return resolveOutput(options.out, { cwd: options.cwd, stdoutAllowed: true, format: 'graphml', example: 'network.graphml' });
}

/** Writes the network of the matching applications as GraphML (Core Group marked from a roster). Warns when it is empty. */
export async function exportGraphml(db: DB, options: GraphmlExportOptions, callbacks: Callbacks = {}): Promise<ExportDone & { roster: CoreGroup | null }> {
  const start = performance.now();
  const output = graphmlOutput(options);
  const { roster, filters } = networkScope(db, options, 'coreGroup', callbacks);
  // Checkpoints between the steps: Ctrl-C is answered there (nothing is written before the end).
  const pause = () => checkpoint(callbacks.signal);
  await pause();
  const { network } = await exportNetworkInSteps(db, filters, { coreGroup: roster?.members, peerLinks: options.peerLinks, targetGroups: options.targetGroups, withPeople: options.withPeople }, callbacks, pause);
  const nodes = network.organizations.length + network.persons.length + network.categories.length + network.regions.length + network.targetGroups.length;
  const counts = {
    applications: network.applications, organizations: network.organizations.length, persons: network.persons.length, nodes, edges: network.links.length,
    coreGroup: network.organizations.filter((o) => o.coreGroup).length, withheld: network.withheld, withdrawn: network.withdrawn,
    ...(options.targetGroups ? { targetGroups: network.targetGroups.length, targetGroupsLeftOut: network.targetGroupsLeftOut } : {}),
  };
  reportWithdrawn(network, callbacks);
  const result: ExportResult = { export: 'graphml', format: 'graphml', files: [], stdout: output.kind === 'stdout', dryRun: Boolean(options.dryRun), counts, ms: 0 };
  if (network.applications === 0 && network.organizations.length + network.persons.length === 0) callbacks.onWarning?.(warning('empty', 'no application matches: the graph holds only the skills categories and regions'));
  const done = { result, output, roster, beyondRoster: coreGroupBeyondRoster(network.organizations, roster?.members), text: undefined as string | undefined };
  if (!options.dryRun) {
    const data = await networkGraphmlInSteps(network, pause);
    await pause();
    if (output.kind === 'stdout') done.text = data;
    else {
      writeFileAtomic(output.path, data, { force: Boolean(options.force), stdout: true });
      result.files = [output.path];
    }
    recordExport(db, result, networkCarried(network, false, nodes), callbacks);
  }
  result.ms = elapsed(start);
  return done;
}
