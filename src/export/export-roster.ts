/** `export roster` as a library call: a saved roster as Markdown for a report, CSV or JSON. */
import type { DB } from '../db/connection.js';
import { getRoster } from '../db/rosters.js';
import { alternatesReplaces, loadRoster, unknownRoster } from '../selection/rosters.js';
import { personByApplication } from '../db/organizations.js';
import { warning, type Callbacks } from '../reporting.js';
import { elapsed, recordExport, type ExportDone, type ExportResult, type ExportTarget } from './export-common.js';
import { listMembers } from '../db/members.js';
import { listApplications } from '../db/applications.js';
import type { MemberRole, MemberStatus, Region } from '../model.js';
import { rosterCsv, rosterJson, rosterLines, rosterMarkdown, type RosterLine } from './roster.js';
import { resolveOutput, writeFileAtomic, type Output } from './write.js';

export const ROSTER_FORMATS = ['md', 'csv', 'json'] as const;
export type RosterFormat = (typeof ROSTER_FORMATS)[number];

/**
 * Which of the roster's lines to write: by their organisation's membership (as `members --role
 * --status`), and by the application's organisation type and beneficiary groups (as `--type` and
 * `--beneficiary` on every other export, canonical terms: "ONG" is NGO).
 */
export interface RosterMemberFilters {
  role?: MemberRole;
  status?: MemberStatus;
  type?: string;
  beneficiary?: string;
  /** As on list and every other export: the application's region, country, category, language, call, text. */
  region?: Region;
  country?: string;
  category?: string;
  language?: string;
  call?: string;
  search?: string;
}

export interface RosterExportOptions extends ExportTarget {
  /** The saved roster. */
  name: string;
  format: RosterFormat;
  /** csv: the separator (default ","). */
  delimiter?: string;
  /** Only the lines whose organisation's member has this role and/or status (e.g. the Core Group who accepted). */
  filters?: RosterMemberFilters;
}

/** The filters as words for the document and the messages: "role core-group, status active". */
export function rosterFilterWords(filters: RosterMemberFilters | undefined): string | null {
  const words = [...membershipWords(filters), ...applicationWords(filters)];
  return words.length ? words.join(', ') : null;
}

function membershipWords(filters: RosterMemberFilters | undefined): string[] {
  return [filters?.role ? `role ${filters.role}` : '', filters?.status ? `status ${filters.status}` : ''].filter(Boolean);
}

function applicationWords(filters: RosterMemberFilters | undefined): string[] {
  return [
    filters?.region ? `region ${filters.region}` : '', filters?.country ? `country ${filters.country}` : '',
    filters?.category ? `category ${filters.category}` : '', filters?.language ? `language ${filters.language}` : '',
    filters?.call !== undefined ? `call ${filters.call}` : '', filters?.search ? `"${filters.search}"` : '',
    filters?.type ? `organisation type ${filters.type}` : '', filters?.beneficiary ? `beneficiary ${filters.beneficiary}` : '',
  ].filter(Boolean);
}

/** The sentence the Markdown opens with when it lists only some of the roster. */
export function rosterFilterSentence(filters: RosterMemberFilters | undefined): string | null {
  const parts = [];
  const membership = membershipWords(filters);
  const application = applicationWords(filters);
  if (membership.length) parts.push(`whose membership has ${membership.join(', ')}`);
  if (application.length) parts.push(`whose application has ${application.join(', ')}`);
  return parts.length ? `Only those ${parts.join(' and ')}: the others in the roster are left out.` : null;
}

/** The filters that were given, for the JSON document. */
function givenFilters(filters: RosterMemberFilters | undefined): RosterMemberFilters | undefined {
  if (!filters || !rosterFilterWords(filters)) return undefined;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as RosterMemberFilters;
}

/** The lines whose organisation's member, and whose application, match the filters (all of them without filters). */
export function filterRosterLines(db: DB, lines: RosterLine[], filters: RosterMemberFilters | undefined): RosterLine[] {
  let kept = lines;
  if (membershipWords(filters).length) {
    const matching = new Set(listMembers(db, { kind: 'organization', role: filters?.role, status: filters?.status }).map((m) => m.organizationId));
    kept = kept.filter((l) => l.organizationId !== null && matching.has(l.organizationId));
  }
  if (applicationWords(filters).length) {
    // The same clause as list and the other exports; a roster may hold an application withdrawn since.
    const { region, country, category, language, call, search, type, beneficiary } = filters ?? {};
    const matching = new Set(listApplications(db, { region, country, category, language, call, search, type, beneficiary, includeWithdrawn: true }).map((a) => a.id));
    kept = kept.filter((l) => matching.has(l.id));
  }
  return kept;
}

/** Where the document goes, checked before anything is read. */
export function rosterOutput(options: Pick<RosterExportOptions, 'out' | 'cwd' | 'format' | 'name'>): Output {
  return resolveOutput(options.out, { cwd: options.cwd, stdoutAllowed: true, format: options.format, example: `${options.name}.${options.format}` });
}

/** Writes a saved roster's members, then alternates, with the reasons each was selected. Warns when it has none. */
export async function exportRoster(db: DB, options: RosterExportOptions, callbacks: Callbacks = {}): Promise<ExportDone> {
  const start = performance.now();
  const output = rosterOutput(options);
  const roster = getRoster(db, options.name);
  if (!roster) throw unknownRoster(db, options.name);
  // Read through the selection: the scores it ranked by, the members alternates can replace today.
  const loaded = loadRoster(db, options.name);
  const all = rosterLines(loaded.entries, alternatesReplaces(loaded));
  const lines = filterRosterLines(db, all, options.filters);
  const only = rosterFilterWords(options.filters);
  const data = options.format === 'md' ? rosterMarkdown(roster, lines, rosterFilterSentence(options.filters))
    : options.format === 'csv' ? await rosterCsv(lines, options.delimiter)
    : JSON.stringify(rosterJson(roster, lines, givenFilters(options.filters)), null, 2) + '\n';
  const members = lines.filter((l) => l.role === 'member').length;
  const counts: Record<string, number> = { members, alternates: lines.length - members, ...(only ? { leftOut: all.length - lines.length } : {}) };
  const result: ExportResult = { export: 'roster', format: options.format, files: [], stdout: output.kind === 'stdout', dryRun: Boolean(options.dryRun), counts, ms: 0 };
  if (lines.length === 0) {
    callbacks.onWarning?.(warning('empty', only && all.length ? `no one in roster "${options.name}" has ${only}: the document lists nobody` : `roster "${options.name}" has no members`));
  }
  const done: ExportDone = { result, output };
  if (!options.dryRun) {
    if (output.kind === 'stdout') done.text = data;
    else {
      writeFileAtomic(output.path, data, { force: Boolean(options.force), stdout: true });
      result.files = [output.path];
    }
    const persons = personByApplication(db);
    recordExport(db, result, {
      records: lines.length, contacts: lines.filter((l) => l.contact).length, withNames: lines.some((l) => l.contact), withContactDetails: false,
      organizationIds: loaded.entries.flatMap((e) => (e.application.organizationId !== null ? [e.application.organizationId] : [])),
      personIds: loaded.entries.flatMap((e) => persons.get(e.application.id) ?? []),
    }, callbacks);
  }
  result.ms = elapsed(start);
  return done;
}
