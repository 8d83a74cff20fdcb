/**
 * Engagement from the database: per member, the events they were invited to, attended and
 * presented, when they last came and for how many minutes in all (engagement.ts computes it).
 * What `engagement` lists, and what the follow-up filters (--never-attended,
 * --attended-less-than N) of `members` and the contact exports select on.
 */
import type { DB } from '../db/connection.js';
import { allAttendance, eventsWithAttendanceTaken } from '../db/attendance.js';
import { allInvitations, listEvents } from '../db/events.js';
import { checkFilterNames, narrowsSomething } from '../db/filters.js';
import { listMembers } from '../db/members.js';
import { NOT_FOLLOWED_UP, type MemberFilters, type MemberRole, type Region } from '../model.js';
import { attendedLessThan, computeEngagement, neverAttended, type MemberEngagement } from './engagement.js';

/** The follow-up filters, shared by engagement, members and the contact exports. */
export interface AttendanceFilters {
  /** Members invited to at least one event whose attendance was taken who attended none (cancelled events do not count). */
  neverAttended?: boolean;
  /** Members invited to (or at) some event whose attendance was taken who attended fewer than this many. */
  attendedLessThan?: number;
}

export interface EngagementRow extends MemberEngagement {
  organization: string | null;
  country: string | null;
  region: Region | null;
  workingLanguage: string | null;
  roles: MemberRole[];
  status: string;
  /** The event last attended. */
  lastEventId: number | null;
}

export interface EngagementOptions extends AttendanceFilters {
  /** Which members (as `members` filters them); default every member with any activity. */
  filters?: MemberFilters;
  /** Every member the filters name, also those never invited. */
  all?: boolean;
}

export function engagementReport(db: DB, options: EngagementOptions = {}): EngagementRow[] {
  return engagementRows(db, options).rows;
}

/** The members a follow-up filter would have kept but left out for their status (model.ts NOT_FOLLOWED_UP; db/attendance.ts applies the same rule): the command names them. */
export function followUpLeftOut(db: DB, options: EngagementOptions = {}): EngagementRow[] {
  return engagementRows(db, options).leftOut;
}

function engagementRows(db: DB, options: EngagementOptions): { rows: EngagementRow[]; leftOut: EngagementRow[] } {
  const filters = options.filters ?? {};
  checkFilterNames(db, filters);
  const members = listMembers(db, filters);
  const events = listEvents(db);
  const startOf = new Map(events.map((e) => [e.id, e.startUtc]));
  const attendance = allAttendance(db);
  const scoped = narrowsSomething(filters);
  const taken = new Set(eventsWithAttendanceTaken(db));
  const engagement = computeEngagement({
    events: events.map((e) => ({ eventId: e.id, start: e.startUtc, cancelled: e.cancelled, presenterId: e.presenterId ?? null, attendanceTaken: taken.has(e.id) })),
    invitations: allInvitations(db),
    attendance,
    // With filters (or --all), every member they name is listed, also the inactive ones.
    memberIds: options.all || scoped ? members.map((m) => m.id) : [],
  });
  const byId = new Map(members.map((m) => [m.id, m]));
  let rows = engagement.filter((e) => byId.has(e.memberId));
  if (options.neverAttended) rows = rows.filter(neverAttended);
  if (options.attendedLessThan !== undefined) rows = rows.filter(attendedLessThan(options.attendedLessThan));
  let leftOut: MemberEngagement[] = [];
  if ((options.neverAttended || options.attendedLessThan !== undefined) && !filters.status) {
    leftOut = rows.filter((e) => NOT_FOLLOWED_UP.includes(byId.get(e.memberId)!.status));
    rows = rows.filter((e) => !NOT_FOLLOWED_UP.includes(byId.get(e.memberId)!.status));
  }
  const cancelled = new Set(events.filter((e) => e.cancelled).map((e) => e.id));
  const row = (e: MemberEngagement): EngagementRow => {
    const m = byId.get(e.memberId)!;
    const last = attendance.filter((a) => a.memberId === e.memberId && !cancelled.has(a.eventId)).sort((a, b) => Date.parse(startOf.get(b.eventId)!) - Date.parse(startOf.get(a.eventId)!))[0];
    return {
      ...e, organization: m.organization ?? m.name, country: m.country, region: m.region, workingLanguage: m.workingLanguage,
      roles: m.roles, status: m.status, lastEventId: last?.eventId ?? null,
    };
  };
  return { rows: rows.map(row), leftOut: leftOut.map(row) };
}
