/**
 * Everything known about one event, as `event show` prints it: the event and its times, who was
 * invited (with their group, time zone and local start), the breakout groups, who came and for
 * how long, and the attendance reports read, with the rows not matched to a member.
 */
import type { DB } from '../db/connection.js';
import { attendanceRows } from '../db/attendance.js';
import { eventCounts } from '../db/events.js';
import { listMembers } from '../db/members.js';
import { attendanceImports, attendeesOf, unmatchedOf, type UnmatchedAttendance } from './attendance/store.js';
import { meetingWarnings } from './attendance/meetings.js';
import { peopleIn } from './attendance/report.js';
import { savedGroups, type SavedGroups } from './breakout.js';
import { buildInvitations } from './invitations.js';
import { invitedMembers, inviteeOf } from './invite.js';
import { requireEvent, summarizeEvent, type EventSummary } from './manage.js';

/** `event show --json`: the event and its times as `events` lists them, then who was invited, grouped and came. */
export interface EventShowResult extends Omit<EventSummary, 'invited' | 'grouped' | 'attended' | 'attendanceRows' | 'unmatched'> {
  invitees: {
    memberId: number; organization: string | null; name: string | null; email: string | null; country: string | null; workingLanguage: string | null;
    group: string | null; timeZone: string | null; localStart: string | null; invitedBy: string; attended: boolean; minutes: number;
  }[];
  groups: SavedGroups | null;
  attendees: { memberId: number; organization: string | null; country: string | null; minutes: number; joins: number; firstJoin: string | null; lastLeave: string | null; invited: boolean }[];
  attendance: {
    rows: number;
    /** The people the rows are of (report.ts peopleIn: one per email, else per name), in all and per file. */
    people: number;
    matched: number; unmatched: number; ignored: number;
    files: { file: string; source: string; language: string | null; rows: number; people: number; matched: number; unmatched: number; importedAt: string }[];
    unmatchedRows: UnmatchedAttendance[];
    /** Several reports of one meeting whose minutes were counted once, not added up. */
    warnings: string[];
  };
}

export function eventDetails(db: DB, id: number): EventShowResult {
  const event = requireEvent(db, id);
  const summary = summarizeEvent(event, eventCounts(db).get(id));
  const invited = invitedMembers(db, id);
  const groups = savedGroups(db, id, invited.map((i) => i.member.id));
  const groupOf = new Map<number, string>();
  for (const g of groups?.groups ?? []) for (const m of g.memberIds) groupOf.set(m, g.id);
  const sheet = buildInvitations(event, invited.map((i) => inviteeOf(i.member)), { groups: groupOf });
  const attendees = attendeesOf(db, id);
  const minutesOf = new Map(attendees.map((a) => [a.memberId, a.minutes]));
  const invitedIds = new Set(invited.map((i) => i.member.id));
  const others = listMembers(db, { ids: attendees.map((a) => a.memberId).filter((m) => !invitedIds.has(m)) });
  const memberOf = new Map([...invited.map((i) => [i.member.id, i.member] as const), ...others.map((m) => [m.id, m] as const)]);
  const rows = attendanceRows(db, id);
  const unmatched = unmatchedOf(rows);
  const { id: _id, invited: _i, grouped: _g, attended: _a, attendanceRows: _r, unmatched: _u, ...fields } = summary;
  return {
    id, ...fields,
    invitees: invited.map((i, k) => ({
      memberId: i.member.id, organization: i.member.organization, name: i.member.name, email: i.member.email, country: i.member.country,
      workingLanguage: i.member.workingLanguage, group: groupOf.get(i.member.id) ?? null, timeZone: sheet.rows[k]!.timeZone || null,
      localStart: sheet.rows[k]!.localStart || null, invitedBy: i.source, attended: minutesOf.has(i.member.id), minutes: minutesOf.get(i.member.id) ?? 0,
    })),
    groups,
    attendees: attendees.map((a) => ({
      memberId: a.memberId, organization: memberOf.get(a.memberId)?.organization ?? null, country: memberOf.get(a.memberId)?.country ?? null,
      minutes: a.minutes, joins: a.joins, firstJoin: a.firstJoin, lastLeave: a.lastLeave, invited: invitedIds.has(a.memberId),
    })),
    attendance: {
      rows: rows.length, people: peopleIn(rows), matched: rows.filter((r) => r.memberId !== null).length, unmatched: unmatched.length, ignored: unmatched.filter((u) => u.ignored).length,
      files: attendanceImports(db, id).map((f) => ({
        file: f.file, source: f.source, tool: f.tool, language: f.language, rows: f.rows, people: peopleIn(rows.filter((r) => r.importId === f.id)),
        matched: f.matched, unmatched: f.unmatched, importedAt: f.importedAt,
      })),
      unmatchedRows: unmatched,
      warnings: meetingWarnings(db, id),
    },
  };
}
