/**
 * The event as an RFC 5545 calendar file (ical-generator), for Outlook, Google Calendar and Apple
 * Calendar.
 *
 * Times are written in UTC (DTSTART:20201119T130000Z). Every calendar reads a UTC time the same
 * way and shows it on the reader's own clock, which is what a network spread from Apia to Mexico
 * City needs; a TZID time would also need a VTIMEZONE block describing the zone's rules, which
 * some importers ignore or misread, and gains nothing for a one-off event (it only matters for
 * repeating events that cross a daylight-saving change). The organiser's local time is written in
 * the description.
 *
 * The UID is derived from the event's ID and the database's own ID, never from the time of
 * export: re-sending the file after an edit (SEQUENCE one higher) or a cancellation
 * (STATUS:CANCELLED) updates the entry people already have instead of adding a second one.
 *
 * It is an invitation (RFC 5546 METHOD:REQUEST), or for a cancelled event METHOD:CANCEL. The
 * ORGANIZER is the officer's address when given (never made up: replies go to it); attendees are
 * listed only when asked for, since their addresses are personal data and every reader of the
 * file sees them all.
 */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { UsageError } from '../errors.js';
import { normaliseEmail } from '../import/normalise.js';
import { eventTimes } from './event.js';
import type { NetworkEvent } from './types.js';
import { endClockText } from '../text.js';

export interface CalendarAttendee {
  name: string | null;
  email: string | null;
}

export interface CalendarOptions {
  /** The event's ID in the database. */
  eventId: number;
  /** The database's own ID (a UUID kept in the database), so two databases never share UIDs. */
  databaseId: string;
  /** How many times the event was edited since it was first sent (0 for the first version). */
  sequence?: number;
  /** Attendees are written only when asked for (CLI: --with-attendees). */
  withAttendees?: boolean;
  attendees?: readonly CalendarAttendee[];
  /** Who sends the invitation and receives the replies; left out when unknown. */
  organizer?: CalendarOrganizer;
  /** Meeting link or place. */
  location?: string;
  /** Extra text after the generated description. */
  description?: string;
  /** DTSTAMP (the moment the file is written); pass it for reproducible output. */
  stamp?: Date;
}

export interface CalendarOrganizer {
  name: string | null;
  email: string;
}

/**
 * The organiser as an officer types it: "secretariat@example.org" or
 * "Skills Network Secretariat <secretariat@example.org>". A usage error never repeats the value.
 */
export function parseOrganizer(text: string, flag = '--organizer'): CalendarOrganizer {
  const named = /^\s*"?([^"<>]*?)"?\s*<([^<>]+)>\s*$/.exec(text);
  const address = (named ? named[2]! : text).trim();
  const hint = `e.g. ${flag} secretariat@example.org, or ${flag} "Skills Network Secretariat <secretariat@example.org>"`;
  if (!address) throw new UsageError(`${flag} needs an email address`, { hint });
  // The same check as every address an officer types (network/values.ts); never repeated: personal data.
  const { email, valid } = normaliseEmail(address);
  if (!valid || !email) throw new UsageError(`${flag}: that is not a complete email address`, { hint });
  const name = named?.[1]?.trim() || null;
  return { name, email };
}

/** The UID of an event's calendar entry: the same on every export of the same event from the same database. */
export function eventUid(eventId: number, databaseId: string): string {
  if (!Number.isInteger(eventId) || eventId <= 0) throw new UsageError(`event ID must be a positive integer, got ${eventId}`, { hint: 'find event IDs with skillsnet events' });
  const host = databaseId.trim().toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
  if (!host) throw new UsageError('the database ID is empty: a calendar UID needs it', { hint: 'check the database file with skillsnet db check' });
  return `skillsnet-event-${eventId}@${host}`;
}

/**
 * A name as an RFC 5545 parameter value (CN=): it may hold no DQUOTE and no control character,
 * and ical-generator writes a DQUOTE as \" (not valid: Python's icalendar drops the whole line).
 * José "Pepe" García is written José 'Pepe' García.
 */
function paramText(name: string): string {
  return name.replace(/"/g, "'").replace(/[\x00-\x1f\x7f]+/g, ' ');
}

/** The .ics text of one event (CRLF lines, folded at 75 octets by ical-generator). */
export function eventCalendar(event: NetworkEvent, options: CalendarOptions): string {
  const times = eventTimes(event);
  const calendar = ical({
    prodId: { company: 'ILO Skills Innovation Network', product: 'skillsnet', language: 'EN' },
    // No calendar name (X-WR-CALNAME): with one, Outlook opens the file as a calendar of its own
    // instead of adding the event to the reader's calendar.
    method: event.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const sequence = options.sequence ?? 0;
  if (!Number.isInteger(sequence) || sequence < 0) throw new UsageError(`the calendar sequence must be 0 or more, got ${sequence}`, { hint: 'a calendar sequence counts the event\'s changes from 0' });
  const lines = [
    `${times.localStart.date} ${times.localStart.time}–${endClockText(times.start, times.end, event.timeZone)} ${event.timeZone} (UTC${times.localStart.offset})`,
    event.languages.length ? `Languages: ${event.languages.join(', ')}` : '',
    options.description ?? '',
  ].filter(Boolean);
  const entry = calendar.createEvent({
    id: eventUid(options.eventId, options.databaseId),
    sequence,
    start: times.start,
    end: times.end,
    stamp: options.stamp ?? new Date(),
    summary: event.title,
    description: lines.join('\n'),
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    ...(options.location ? { location: options.location } : {}),
    ...(options.organizer ? { organizer: { name: paramText(options.organizer.name ?? options.organizer.email), email: options.organizer.email } } : {}),
  });
  if (options.withAttendees) {
    // RSVP=TRUE is how an organiser asks for a reply (RFC 5545 3.2.17; FALSE is the default, and
    // calendars then file the entry without offering to answer): asked only when an organiser is
    // named to receive it, and not of a cancellation, which expects none.
    const rsvp = Boolean(options.organizer) && !event.cancelled;
    for (const a of options.attendees ?? []) {
      if (!a.email) continue;
      entry.createAttendee({
        email: a.email,
        ...(a.name ? { name: paramText(a.name) } : {}),
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp,
      });
    }
  }
  // RFC 5545 ends every content line with CRLF, the last one too (ical-generator leaves it off).
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
