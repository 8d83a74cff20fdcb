/**
 * What every export shares: the result it reports, where it writes (a file, a folder, or text
 * handed back for stdout), the roster whose members are the Core Group, and the applications
 * with the score select ranks by (selection/candidates.ts).
 */
import { inReadSnapshot, type DB } from '../db/connection.js';
import { checkCallScope, checkFilterNames } from '../db/filters.js';
import { UsageError } from '../errors.js';
import { logExport } from '../db/export-log.js';
import { getRoster, listRosters, rosterEntries } from '../db/rosters.js';
import type { Application, ApplicationFilters, EligibilityFilters } from '../model.js';
import { networkActors, type NetworkActors } from './actors.js';
import { arrayInSteps, warning, type Callbacks } from '../reporting.js';
import { eligibleCandidates, scoredApplications, type Candidate } from '../selection/candidates.js';
import { rescale, scoresOnOneScale } from '../selection/ranking.js';
import { unknownRoster } from '../selection/rosters.js';
import { buildNetwork, type Network } from './network.js';
import type { Output } from './write.js';

/** What every export returns (and `export … --json` prints). */
export interface ExportResult {
  export: 'kumu' | 'contacts' | 'roster' | 'graphml' | 'map';
  format: string;
  /** Files written (absolute paths); empty for stdout or a dry run. */
  files: string[];
  stdout: boolean;
  dryRun: boolean;
  counts: Record<string, number>;
  ms: number;
}

/** Where and how an export writes. */
export interface ExportTarget {
  /** A path (relative to cwd), or "-" for the text to be handed back for stdout. */
  out: string;
  cwd: string;
  /** Replace existing files. */
  force?: boolean;
  /** Build and check everything, write nothing. */
  dryRun?: boolean;
}

/** An export done: its result, where it went, and for "-" the text to print. */
export interface ExportDone {
  result: ExportResult;
  output: Output;
  /** With --out -: the export's text, for the caller to write to stdout (nothing else is written). */
  text?: string;
  /** Maps and graphs: the organisations marked Core Group for another cohort's seat than the roster's. */
  beyondRoster?: BeyondRoster;
}

/** Organisations marked Core Group for another cohort's seat than the roster's, and those cohorts (network.ts coreGroupBeyondRoster). */
export interface BeyondRoster {
  count: number;
  cohorts: string[];
}

/** The Core Group roster of a map or graph: its name and members. */
export interface CoreGroup {
  name: string;
  members: Set<number>;
}

/**
 * The roster whose members form the Core Group: the one named, else the latest saved (`chosen`
 * says so, to be said when there are several), else none.
 */
function findCoreGroupRoster(db: DB, name: string | undefined, purpose: string): (CoreGroup & { chosen?: string }) | null {
  let chosen = name;
  let said: string | undefined;
  if (chosen === undefined) {
    const all = listRosters(db);
    if (all.length === 0) return null;
    chosen = all[all.length - 1].name;
    if (all.length > 1) said = `${purpose}: members of roster "${chosen}", the latest saved (--roster NAME to choose another)`;
  }
  if (!getRoster(db, chosen)) throw unknownRoster(db, chosen);
  const members = new Set(rosterEntries(db, chosen).filter((e) => e.role === 'member').map((e) => e.application.id));
  return { name: chosen, members, chosen: said };
}

/**
 * What a map or graph export draws: its Core Group roster and the filters (a --members-only export
 * is the roster's), checked before anything is said: the roster chosen was said, and then a
 * database of two calls refused, two messages where one error was due.
 */
export function networkScope<F extends ApplicationFilters>(db: DB, options: { roster?: string; membersOnly?: boolean; filters: F }, purpose: string, callbacks: Callbacks = {}): { roster: CoreGroup | null; filters: F } {
  checkFilterNames(db, options.filters);
  const found = findCoreGroupRoster(db, options.roster, purpose);
  if (options.membersOnly && !found) throw new UsageError('--members-only needs a roster, and none is saved', { hint: 'select one first: skillsnet select --size 25 --name core-2020' });
  const filters = options.membersOnly && found ? { ...options.filters, roster: found.name } : options.filters;
  checkCallScope(db, filters);
  if (found?.chosen) callbacks.onStatus?.(found.chosen);
  return { roster: found && { name: found.name, members: found.members }, filters };
}

export function elapsed(start: number): number {
  return Math.round(performance.now() - start);
}

/** What an export carried of people, for the export log (db/export-log.ts): never the data itself. */
export interface ExportCarried {
  /** Records written (contacts, elements, rows). */
  records: number;
  /** People named in it. */
  contacts: number;
  withNames: boolean;
  withContactDetails: boolean;
  organizationIds: Iterable<number>;
  personIds: Iterable<number>;
}

/**
 * Logs an export that was written (not a dry run): when, which command, format, where, and what
 * kind of personal data it carried, so that `erase` can name the files that held a person's data.
 * A database opened read-only cannot keep the log: the export still goes out, with a warning.
 */
export function recordExport(db: DB, result: ExportResult, carried: ExportCarried, callbacks: Callbacks = {}): void {
  if (result.dryRun) return;
  try {
    logExport(db, {
      command: `export ${result.export}`, format: result.format, path: result.stdout ? null : result.files[0] ?? null, records: carried.records, contacts: carried.contacts,
      withNames: carried.withNames, withContactDetails: carried.withContactDetails, organizationIds: carried.organizationIds, personIds: carried.personIds,
    });
  } catch (e) {
    const code = String((e as { code?: unknown }).code ?? '');
    if (!code.startsWith('SQLITE_READONLY') && !code.startsWith('SQLITE_BUSY')) throw e;
    callbacks.onWarning?.(warning('export-log', 'the export was not written to the export log (the database could not be written): skillsnet erase will not list this file'));
  }
}

/** Says how many members who withdrew from the network a map leaves out (as the contact export says it). */
export function reportWithdrawn(network: Network, callbacks: Callbacks): void {
  const n = network.withdrawn;
  if (n) callbacks.onStatus?.(`${n} member${n === 1 ? '' : 's'} who withdrew from the network ${n === 1 ? 'is' : 'are'} left out (--status withdrawn shows them)`);
}

/** The people and organisations of a network, and whether their names and contact details went out. */
export function networkCarried(network: Network, withContactDetails: boolean, records: number): ExportCarried {
  const organizationIds: number[] = [];
  const personIds: number[] = [];
  let contacts = 0;
  for (const o of network.organizations) {
    if (o.organizationId !== null) organizationIds.push(o.organizationId);
    personIds.push(...o.personIds);
    contacts += o.contactPersons.length;
  }
  for (const p of network.persons) { personIds.push(p.personId); contacts++; }
  return { records, contacts, withNames: contacts > 0, withContactDetails, organizationIds, personIds };
}

/**
 * The score an export carries (Kumu's Score, GraphML's score, the map's node size), checked as
 * select checks it: applications of several calls (--all-calls, or a roster spanning calls)
 * whose scores sit on different scales are refused with the same hint, or put each on 0–10 with
 * --rescale-scores (filters.rescaleScores), said in a warning. Returns what to apply to each
 * application's score, or nothing when the scores stay as they are.
 */
export function exportScoreScale(db: DB, filters: EligibilityFilters, callbacks: Callbacks = {}): ((c: Candidate) => Candidate) | undefined {
  if (!scoresToCheck(filters)) return undefined;
  return scaleOf(eligibleCandidates(db, filters), filters, callbacks);
}

/** Whether an export's applications may span calls whose scores need checking (exportScoreScale). */
function scoresToCheck(filters: EligibilityFilters): boolean {
  return !(filters.call !== undefined || (!filters.allCalls && filters.roster === undefined));
}

function scaleOf(candidates: Candidate[], filters: EligibilityFilters, callbacks: Callbacks): ((c: Candidate) => Candidate) | undefined {
  const checked = scoresOnOneScale(candidates, {
    rescaleScores: filters.rescaleScores, what: 'the applications of this export', alternative: 'export one call with --call NAME',
  });
  if (checked.status) callbacks.onStatus?.(checked.status);
  const scales = checked.scales;
  if (!scales) return undefined;
  callbacks.onWarning?.(warning('scores-rescaled', checked.warning!));
  return (c) => rescale([c], scales)[0]!;
}

/** The matching applications with the score select ranks by, on one scale (exportScoreScale). */
export function exportApplications(db: DB, filters: EligibilityFilters, callbacks: Callbacks = {}): Generator<Application> {
  // (the scale is decided from the applications read for the export itself: they are read once)
  if (!scoresToCheck(filters)) return scoredApplications(db, filters, callbacks);
  return scoredApplications(db, filters, callbacks, { forCandidates: (candidates) => scaleOf(candidates, filters, callbacks) });
}

/** The network of an export: the matching applications, the members without applications, their memberships and (asked for) the people. */
export function exportNetwork(
  db: DB,
  filters: EligibilityFilters,
  options: { coreGroup?: Set<number>; peerLinks?: number; withPeople?: boolean; targetGroups?: boolean },
  callbacks: Callbacks = {},
): { network: Network; actors: NetworkActors } {
  const actors = networkActors(db, filters, { withPeople: options.withPeople });
  const network = buildNetwork(exportApplications(db, filters, callbacks), {
    coreGroup: options.coreGroup, peerLinks: options.peerLinks, targetGroups: options.targetGroups, memberships: actors.memberships, organizations: actors.organizations, persons: actors.persons,
    organizationNames: actors.organizationNames, organizationPlaces: actors.organizationPlaces, includeWithdrawn: actors.includeWithdrawn,
  });
  return { network, actors };
}

/** exportNetwork with `pause` between its steps (members, applications, the network): Ctrl-C is answered there. */
export async function exportNetworkInSteps(
  db: DB,
  filters: EligibilityFilters,
  options: { coreGroup?: Set<number>; peerLinks?: number; withPeople?: boolean; targetGroups?: boolean },
  callbacks: Callbacks,
  pause: () => Promise<void>,
): Promise<{ network: Network; actors: NetworkActors }> {
  // One snapshot (another command's change committed during a pause is wholly in or out), the
  // applications read with pauses (20,000 of them in one go: Ctrl-C waited 4.5 s at a load of 8).
  const { actors, applications } = await inReadSnapshot(db, async () => {
    const actors = networkActors(db, filters, { withPeople: options.withPeople });
    await pause();
    return { actors, applications: await arrayInSteps(exportApplications(db, filters, callbacks), pause) };
  });
  await pause();
  const network = buildNetwork(applications, {
    coreGroup: options.coreGroup, peerLinks: options.peerLinks, targetGroups: options.targetGroups, memberships: actors.memberships, organizations: actors.organizations, persons: actors.persons,
    organizationNames: actors.organizationNames, organizationPlaces: actors.organizationPlaces, includeWithdrawn: actors.includeWithdrawn,
  });
  await pause();
  return { network, actors };
}
