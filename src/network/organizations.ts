/**
 * An organisation across the Network's life: its applications call by call, its Core Group
 * seats, its roles, the officers' changes, and (issue 14) the events it attended; and the
 * officer's decisions on doubtful matches (link: they are one; keep apart: they are not; unlink:
 * this application is not that organisation's).
 */
import { withWriteTransaction, type DB } from '../db/connection.js';
import { applicationRecord, otherApplicationCount } from '../db/applications.js';
import { Change, listHistory, recordInsertedRow, type HistoryEntry } from '../db/history.js';
import { ensureOrganizationMember, getMember, memberOfOrganization, memberRolesBySince, type Member } from '../db/members.js';
import {
  ensurePerson, getOrganization, insertOrganization, keptApart, organizationApplications, organizationPeople, organizationRosters,
  type Organization, type OrganizationApplication, type Person,
} from '../db/organizations.js';
import { OperationError, UsageError } from '../errors.js';
import { organizationSuggestions, type OrganizationSuggestion } from '../import/organizations.js';
import { eventTimeline } from '../events/timeline.js';
import { DRY_RUN } from './members.js';
import { mergeRecords, type MergeResult } from './merge.js';

/** One line of an organisation's history, oldest first. */
export interface TimelineItem {
  /** ISO date (or date and time) the item is dated by; null when not known. */
  date: string | null;
  kind: 'applied' | 'core-group' | 'alternate' | 'role' | 'withdrawn' | 'change' | string;
  /** Call, cohort, roster or event it concerns. */
  what: string;
  /** In words, IDs only. */
  detail: string;
  applicationId?: number;
}

/**
 * More lines for an organisation's history from other modules. Register once at module load;
 * show calls them all. The events (issue 14: invited, attended, presented) are built in, so that
 * they are there whichever modules a command happened to load.
 */
export type TimelineSource = (db: DB, organization: Organization, member: Member | null) => TimelineItem[];
const eventsSource: TimelineSource = (db, _organization, member) => (member ? eventTimeline(db, member.id) : []);
const timelineSources: TimelineSource[] = [eventsSource];

export function registerTimelineSource(source: TimelineSource): void {
  if (!timelineSources.includes(source)) timelineSources.push(source);
}

export interface OrganizationHistory {
  organization: Organization;
  member: Member | null;
  applications: OrganizationApplication[];
  people: Person[];
  timeline: TimelineItem[];
  changes: HistoryEntry[];
  /** Organisations that may be this one (doubtful evidence), for the officer to link or keep apart. */
  possibleMatches: OrganizationSuggestion[];
}

/** The organisation's history: applied 2020, Core Group 2020 (roster core-2020), applied 2021, ... */
export function organizationHistory(db: DB, id: number): OrganizationHistory {
  let organization = getOrganization(db, id);
  if (!organization) throw new OperationError(`no organisation org-${id}`, { hint: 'find IDs with skillsnet organizations, or skillsnet show ID of an application' });
  if (organization.mergedInto !== null) {
    const into = organization.mergedInto;
    organization = getOrganization(db, into) ?? organization;
  }
  const memberId = memberOfOrganization(db, organization.id);
  const member = memberId !== null ? getMember(db, memberId) ?? null : null;
  const applications = organizationApplications(db, organization.id);
  const timeline: TimelineItem[] = [];
  for (const a of applications) {
    // Dated by the import (ISO); the form's own timestamp, in whatever format it came, is said in words.
    const submitted = a.submittedAt ? `, submitted ${a.submittedAt}` : '';
    timeline.push({ date: a.createdAt, kind: 'applied', what: a.call, detail: `applied to call ${a.call} (application ${a.id}${submitted})${a.mergedInto ? `, merged into application ${a.mergedInto}` : ''}`, applicationId: a.id });
    if (a.withdrawnAt) timeline.push({ date: a.withdrawnAt, kind: 'withdrawn', what: a.call, detail: `application ${a.id} withdrawn`, applicationId: a.id });
  }
  for (const r of organizationRosters(db, organization.id)) {
    timeline.push({ date: r.createdAt, kind: r.role === 'member' ? 'core-group' : 'alternate', what: r.roster, detail: `${r.role === 'member' ? 'selected for the Core Group' : 'alternate'} in roster ${r.roster} (application ${r.applicationId})`, applicationId: r.applicationId });
  }
  if (member) {
    const roles = memberRolesBySince(db, member.id);
    // (role member comes with the first application: the applied lines say it)
    for (const r of roles) {
      if (r.role === 'member' && applications.length) continue;
      timeline.push({ date: r.since, kind: 'role', what: r.cohort || r.role, detail: r.role === 'core-group' ? `Core Group ${r.cohort} (status ${member.status})` : `role ${r.role}` });
    }
  }
  for (const source of timelineSources) timeline.push(...source(db, organization, member));
  // Oldest first; at the same moment, an application before its selection before the role it gave.
  const rank = (k: string) => ['applied', 'withdrawn', 'core-group', 'alternate', 'role', 'event'].indexOf(k) + 1 || 9;
  timeline.sort((x, y) => (x.date ?? '').localeCompare(y.date ?? '') || rank(x.kind) - rank(y.kind));
  const changes = [
    ...listHistory(db, { table: 'organizations', rowId: organization.id }),
    ...(member ? listHistory(db, { table: 'members', rowId: member.id }) : []),
  ].filter((h, i, all) => all.findIndex((x) => x.id === h.id) === i).sort((x, y) => y.id - x.id);
  return {
    organization, member, applications, people: organizationPeople(db, organization.id), timeline, changes,
    possibleMatches: organizationSuggestions(db, { organizationId: organization.id }),
  };
}

/** organization link A B: the two are one — B is merged into A (the earlier, by default). */
export function linkOrganizations(db: DB, a: number, b: number, options: { dryRun?: boolean } = {}): MergeResult {
  const [keep, other] = a < b ? [a, b] : [b, a];
  return mergeRecords(db, { kind: 'organization', id: keep }, { kind: 'organization', id: other }, options);
}

/** organization unlink A B: they are different; the pair is never suggested again. */
export function keepApart(db: DB, a: number, b: number, options: { dryRun?: boolean } = {}): { kept: [string, string]; historyId: number | null } {
  if (a === b) throw new UsageError('an organisation is the same as itself', { hint: 'give two different organisations, e.g. skillsnet organization unlink org-4 org-57' });
  const orgs = [a, b].map((id) => getOrganization(db, id));
  for (const [i, o] of orgs.entries()) if (!o) throw new OperationError(`no organisation org-${[a, b][i]}`, { hint: 'find IDs with skillsnet organizations' });
  // One merged into the other (organization link, merge) is one organisation now: keeping them apart is undoing the merge.
  const [oa, ob] = orgs as [NonNullable<(typeof orgs)[number]>, NonNullable<(typeof orgs)[number]>];
  const merged = oa.mergedInto === b ? oa : ob.mergedInto === a ? ob : null;
  if (merged) {
    throw new OperationError(`org-${merged.id} is merged into org-${merged.mergedInto}: they are one organisation, and keeping them apart would change nothing`, {
      hint: `to separate them again: skillsnet unmerge org-${merged.id}`,
    });
  }
  const [x, y] = a < b ? [a, b] : [b, a];
  let historyId: number | null = null;
  try {
    withWriteTransaction(db, () => {
      const change = new Change(db, 'keep apart', `org-${y}`, { organizations: [x, y] });
      if (!keptApart(db, x, y)) {
        change.insert('organization_pairs', { organization_id: x, other_id: y, decision: 'apart' });
      }
      historyId = change.id;
      if (options.dryRun) throw DRY_RUN;
    });
  } catch (e) {
    if (e !== DRY_RUN) throw e;
  }
  return { kept: [`org-${x}`, `org-${y}`], historyId: options.dryRun ? null : historyId };
}

/**
 * organization unlink APP: the application is not its organisation's (a wrong match): it gets an
 * organisation of its own, made from its fields, and the two are kept apart from then on.
 */
export function unlinkApplication(db: DB, applicationId: number, options: { dryRun?: boolean } = {}): { application: number; from: string; to: string | null; historyId: number | null } {
  const a = applicationRecord(db, applicationId);
  if (!a) throw new OperationError(`no application with ID ${applicationId}`, { hint: 'find IDs with skillsnet list' });
  if (a.organization_id === null) throw new OperationError(`application ${applicationId} has no organisation`);
  const from = a.organization_id;
  const others = otherApplicationCount(db, from, applicationId);
  if (others === 0) throw new OperationError(`application ${applicationId} is the only one of org-${from}: there is nothing to unlink it from`, { hint: `to say org-${from} is not another organisation, use skillsnet organization unlink org-${from} org-N` });
  let result = { application: applicationId, from: `org-${from}`, to: null as string | null, historyId: null as number | null };
  try {
    withWriteTransaction(db, () => {
      const change = new Change(db, 'unlink', `application ${applicationId}`, { from });
      const to = insertOrganization(db, {
        name: String(a.organization), organizationType: a.organization_type as string | null, country: a.country as string | null, countryRaw: a.country_raw as string | null,
        region: a.region as string | null, website: a.website as string | null, beneficiaries: JSON.parse(String(a.beneficiaries_json)) as string[],
      });
      recordInsertedRow(db, change.id, 'organizations', to, '{}');
      change.update('applications', applicationId, 'organization_id', to);
      const personId = a.email || a.contact_name ? ensurePerson(db, to, { name: a.contact_name as string | null, email: a.email as string | null, phone: a.phone as string | null }, applicationId) : null;
      change.update('applications', applicationId, 'person_id', personId);
      ensureOrganizationMember(db, to, 'application');
      const [x, y] = from < to ? [from, to] : [to, from];
      change.insert('organization_pairs', { organization_id: x, other_id: y, decision: 'apart' });
      result = { ...result, to: `org-${to}`, historyId: change.id };
      if (options.dryRun) throw DRY_RUN;
    });
  } catch (e) {
    if (e !== DRY_RUN) throw e;
  }
  if (options.dryRun) result.historyId = null;
  return result;
}
