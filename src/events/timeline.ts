/**
 * The events in a member's history (issue 13's "meetings attended", issue 14's events): for
 * `show org-N` and `member show`, one line per event the member was invited to, attended or
 * presented at. network/organizations.ts includes these lines in every organisation's history
 * (not only when this module happens to be loaded); `member show` adds them for person members.
 * Titles and IDs only: no participant's name.
 */
import type { DB } from '../db/connection.js';
import { memberEvents } from '../db/events.js';

/** A line of a history (network/organizations.ts's TimelineItem has this shape). */
export interface EventTimelineItem {
  date: string;
  kind: 'event';
  what: string;
  detail: string;
}

export function eventTimeline(db: DB, memberId: number): EventTimelineItem[] {
  return memberEvents(db, memberId).map((e) => {
    const what = `${e.kind} "${e.title}" (event ${e.eventId})`;
    let detail: string;
    if (e.cancelled) detail = `${e.invited ? 'invited to' : 'to present at'} ${what}, which was cancelled`;
    else if (e.minutes !== null) detail = `attended ${what}, ${e.minutes} min${e.presented ? ', and presented' : ''}`;
    else if (e.invited) detail = `invited to ${what}, did not attend${e.presented ? ' (the presenter)' : ''}`;
    else detail = `presented at ${what}`;
    return { date: e.startUtc, kind: 'event', what: `event-${e.eventId}`, detail };
  });
}
