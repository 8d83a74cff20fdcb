/**
 * Engagement per member across the Network's events: how many they were invited to, attended
 * and presented, when they last attended and for how many minutes in all. Officers use it to
 * find members who never come and to write to them. Cancelled events count for nothing.
 */

export interface EngagementEvent {
  eventId: number;
  /** Start instant (ISO 8601). */
  start: string;
  cancelled?: boolean;
  presenterId?: number | null;
  /** It took place and its attendance was imported: only then does an invitation to it count for the follow-up. */
  attendanceTaken: boolean;
}

export interface EngagementInput {
  events: readonly EngagementEvent[];
  invitations: readonly { eventId: number; memberId: number }[];
  /** Attendance per event and member (from matchAttendance's perMember). */
  attendance: readonly { eventId: number; memberId: number; minutes: number }[];
  /** Presenters beyond the events' own presenterId (co-presenters of a clinic). */
  presentations?: readonly { eventId: number; memberId: number }[];
  /** Members to report even with no activity at all. */
  memberIds?: readonly number[];
}

export interface MemberEngagement {
  memberId: number;
  invited: number;
  /** Of those invited to, the events whose attendance was taken: the ones that say whether they came. */
  invitedWithAttendance: number;
  attended: number;
  /** Start of the last event attended (ISO 8601), or null. */
  lastAttended: string | null;
  presented: number;
  minutes: number;
}

export function computeEngagement(input: EngagementInput): MemberEngagement[] {
  const events = new Map(input.events.filter((e) => !e.cancelled).map((e) => [e.eventId, e]));
  const invited = new Map<number, Set<number>>();
  const attended = new Map<number, Set<number>>();
  const presented = new Map<number, Set<number>>();
  const minutes = new Map<number, number>();
  const add = (map: Map<number, Set<number>>, memberId: number, eventId: number) => {
    if (!events.has(eventId)) return;
    if (!map.has(memberId)) map.set(memberId, new Set());
    map.get(memberId)!.add(eventId);
  };
  const invitedTaken = new Map<number, Set<number>>();
  for (const i of input.invitations) {
    add(invited, i.memberId, i.eventId);
    if (events.get(i.eventId)?.attendanceTaken) add(invitedTaken, i.memberId, i.eventId);
  }
  for (const a of input.attendance) {
    if (!events.has(a.eventId)) continue;
    add(attended, a.memberId, a.eventId);
    minutes.set(a.memberId, (minutes.get(a.memberId) ?? 0) + a.minutes);
  }
  for (const e of events.values()) if (e.presenterId) add(presented, e.presenterId, e.eventId);
  for (const p of input.presentations ?? []) add(presented, p.memberId, p.eventId);

  const memberIds = new Set<number>([...(input.memberIds ?? []), ...invited.keys(), ...attended.keys(), ...presented.keys()]);
  return [...memberIds]
    .sort((a, b) => a - b)
    .map((memberId) => {
      const went = [...(attended.get(memberId) ?? [])].map((id) => events.get(id)!.start).sort((a, b) => Date.parse(a) - Date.parse(b));
      return {
        memberId,
        invited: invited.get(memberId)?.size ?? 0,
        invitedWithAttendance: invitedTaken.get(memberId)?.size ?? 0,
        attended: went.length,
        lastAttended: went[went.length - 1] ?? null,
        presented: presented.get(memberId)?.size ?? 0,
        minutes: Math.round(minutes.get(memberId) ?? 0),
      };
    });
}

/**
 * The follow-up filters of `members --never-attended` and `--attended-less-than N` (the database
 * filters, db/attendance.ts, say the same). Only members the events concerned count: a member
 * never invited, or invited only to events to come or whose reports are not in, did not stay
 * away, and is not written to as if they had.
 */
export function neverAttended(e: MemberEngagement): boolean {
  return e.invitedWithAttendance > 0 && e.attended === 0;
}

/** Invited to (or at) some event whose attendance was taken, and came to fewer than `n`. */
export function attendedLessThan(n: number): (e: MemberEngagement) => boolean {
  return (e) => (e.invitedWithAttendance > 0 || e.attended > 0) && e.attended < n;
}
