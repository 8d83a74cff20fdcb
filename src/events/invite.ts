/**
 * Who is invited to an event: a roster, a role (the Core Group of a cohort), any filter of
 * members, or members by ID. Invitees are members, read through listMembers, so their name,
 * email, working language (the member's, else the application's working language, else the
 * language it is written in), country, own time zone, region and categories are the network
 * model's, decided in one place.
 */
import type { DB } from '../db/connection.js';
import { addInvitations, listInvitations, removeInvitations } from '../db/events.js';
import { checkFilterNames, narrowsSomething } from '../db/filters.js';
import { withdrawalTimes } from '../db/history.js';
import { listMembers, type Member } from '../db/members.js';
import { OperationError, UsageError } from '../errors.js';
import type { MemberFilters, MemberRole } from '../model.js';
import { requireEvent } from './manage.js';
import type { Invitee } from './types.js';

/** Whom to invite: exactly one of roster, role (with an optional cohort), filters or member IDs. */
export interface InviteSelector {
  roster?: string;
  role?: MemberRole;
  cohort?: string;
  /** The same filters as `members` (region, country, category, language, call, status, ...). */
  filters?: MemberFilters;
  memberIds?: number[];
}

/** Members who said no, or left, are not invited by a roster, role or filter (by ID they are). */
const NOT_INVITED: readonly string[] = ['declined', 'withdrawn'];

export interface InviteResult {
  eventId: number;
  /** How the members were chosen ("roster core-2020"). */
  source: string;
  /** Members the selector found (before leaving out those who declined or withdrew). */
  found: number;
  invited: number[];
  alreadyInvited: number[];
  /** Members the selector found who declined or withdrew: left out, by ID. */
  skipped: { memberId: number; status: string }[];
  /** Invitees of the event after this (all of them). */
  total: number;
  dryRun: boolean;
}

export function describeSelector(s: InviteSelector): string {
  if (s.roster) return `roster ${s.roster}`;
  if (s.role) return `role ${s.role}${s.cohort ? ` ${s.cohort}` : ''}`;
  if (s.memberIds?.length) return 'member';
  return 'filters';
}

/** The members a selector names. */
export function selectInvitees(db: DB, s: InviteSelector): Member[] {
  const kinds = [s.roster !== undefined, s.role !== undefined, Boolean(s.memberIds?.length)].filter(Boolean).length;
  if (kinds > 1) throw new UsageError('invite by one of --roster, --role or --member at a time', { hint: 'run event invite again for the others: invitations add up' });
  if (s.cohort !== undefined && !s.role) throw new UsageError('--cohort goes with --role core-group', { hint: 'e.g. --role core-group --cohort 2020' });
  if (s.roster !== undefined) {
    checkFilterNames(db, { roster: s.roster });
    return listMembers(db, { ...s.filters, roster: s.roster });
  }
  if (s.role) {
    checkFilterNames(db, { role: s.role, cohort: s.cohort });
    return listMembers(db, { ...s.filters, role: s.role, ...(s.cohort !== undefined ? { cohort: s.cohort } : {}) });
  }
  if (s.memberIds?.length) {
    const found = listMembers(db, { ids: s.memberIds });
    const missing = s.memberIds.filter((id) => !found.some((m) => m.id === id));
    if (missing.length) throw new OperationError(`no ${missing.map((m) => `member-${m}`).join(', ')}`, { hint: 'find member IDs with skillsnet members --search TEXT' });
    return found;
  }
  const filters = s.filters ?? {};
  if (!narrowsSomething(filters)) {
    throw new UsageError('say whom to invite', { hint: 'e.g. --roster core-2020, --role core-group --cohort 2020, --region Africa, or --member 17' });
  }
  checkFilterNames(db, filters);
  return listMembers(db, filters);
}

/** Invites the members a selector names (nothing is written with dryRun). */
export function inviteMembers(db: DB, eventId: number, selector: InviteSelector, options: { dryRun?: boolean } = {}): InviteResult {
  requireEvent(db, eventId);
  const members = selectInvitees(db, selector);
  const source = describeSelector(selector);
  if (!members.length) {
    const hint = selector.role === 'core-group'
      ? `no member has the Core Group role${selector.cohort ? ` of cohort ${selector.cohort}` : ''} yet: accept the roster (skillsnet roster accept NAME), or invite the roster itself with --roster NAME`
      : 'check the filters with skillsnet members and the same flags';
    throw new OperationError(`no member matches ${source === 'filters' ? 'these filters' : source}`, { hint });
  }
  const byId = Boolean(selector.memberIds?.length);
  const skipped = byId ? [] : members.filter((m) => NOT_INVITED.includes(m.status)).map((m) => ({ memberId: m.id, status: m.status }));
  const wanted = members.filter((m) => byId || !NOT_INVITED.includes(m.status)).map((m) => m.id);
  const existing = new Set(listInvitations(db, eventId).map((i) => i.memberId));
  const fresh = wanted.filter((id) => !existing.has(id));
  if (!options.dryRun) addInvitations(db, eventId, fresh, source);
  return {
    eventId, source, found: members.length, invited: fresh, alreadyInvited: wanted.filter((id) => existing.has(id)), skipped,
    total: existing.size + fresh.length, dryRun: Boolean(options.dryRun),
  };
}

/** Withdraws the invitations of these members (and their breakout groups). */
export function uninviteMembers(db: DB, eventId: number, memberIds: readonly number[], options: { dryRun?: boolean } = {}): { removed: number[]; notInvited: number[]; dryRun: boolean } {
  requireEvent(db, eventId);
  const existing = new Set(listInvitations(db, eventId).map((i) => i.memberId));
  // An ID that is no member is a typing mistake, refused as event invite refuses it (not "not invited")
  const unknown = memberIds.filter((id) => !existing.has(id));
  const found = unknown.length ? new Set(listMembers(db, { ids: unknown }).map((m) => m.id)) : new Set<number>();
  const missing = unknown.filter((id) => !found.has(id));
  if (missing.length) throw new OperationError(`no ${missing.map((m) => `member-${m}`).join(', ')}`, { hint: `find member IDs with skillsnet members --search TEXT; the invitees are listed by skillsnet event show ${eventId}` });
  const removed = memberIds.filter((id) => existing.has(id));
  if (!options.dryRun) removeInvitations(db, eventId, removed);
  return { removed, notInvited: memberIds.filter((id) => !existing.has(id)), dryRun: Boolean(options.dryRun) };
}

/** A member as the invitations, the groups and the calendar need them. */
export function inviteeOf(m: Member): Invitee {
  return {
    memberId: m.id,
    organization: m.organization ?? m.name ?? `Member ${m.id}`,
    givenName: m.givenName,
    familyName: m.familyName,
    fullName: m.name,
    email: m.email,
    country: m.country,
    workingLanguage: m.workingLanguage,
    timeZone: m.timeZone,
    region: m.region,
    categories: m.categories,
  };
}

/**
 * The event's invitees as members (in member-ID order), with how each was invited and, for those
 * who withdrew from the network, when they last did (null when history does not say).
 */
export function invitedMembers(db: DB, eventId: number): { member: Member; source: string; invitedAt: string; withdrawnAt: string | null }[] {
  const invitations = listInvitations(db, eventId);
  if (!invitations.length) return [];
  const members = new Map(listMembers(db, { ids: invitations.map((i) => i.memberId) }).map((m) => [m.id, m]));
  const withdrawn = withdrawalTimes(db, [...members.values()].filter((m) => m.status === 'withdrawn').map((m) => m.id));
  return invitations.filter((i) => members.has(i.memberId)).map((i) => ({ member: members.get(i.memberId)!, source: i.source, invitedAt: i.invitedAt, withdrawnAt: withdrawn.get(i.memberId) ?? null }));
}

/**
 * Whether an invitation still stands: a member who withdrew from the network since being invited
 * is no longer written to nor grouped, however they were invited (by a roster, a role, a filter or
 * by name). One invited by name (--member) after withdrawing — or withdrawn when history does not
 * say since when — stays: the officer asked for them, as invite keeps them.
 */
export function invitationStands(i: { member: Pick<Member, 'status'>; source: string; invitedAt?: string; withdrawnAt?: string | null }): boolean {
  if (i.member.status !== 'withdrawn') return true;
  if (i.source !== 'member') return false;
  return !i.withdrawnAt || !i.invitedAt || i.withdrawnAt <= i.invitedAt;
}

/** The event's invitees whose invitation stands (invitationStands), for the breakout groups. */
export function inviteesOf(db: DB, eventId: number): Invitee[] {
  return invitedMembers(db, eventId).filter(invitationStands).map((i) => inviteeOf(i.member));
}
