/**
 * The files an officer sends before an event: the mail-merge sheet of invitations (one row per
 * invitee, the event on their own clock, their breakout group) and the calendar file. Both are
 * personal data when they name people: written 0600, never over an existing file without
 * --force, and logged in the export log (what, when, where and whose — never the data).
 */
import type { DB } from '../db/connection.js';
import { logExport } from '../db/export-log.js';
import { databaseId } from '../db/meta.js';
import { OperationError } from '../errors.js';
import { mayContact, noConsentLeftOut } from '../export/contacts.js';
import { displayPath, plural, resolveOutput, writeFileAtomic, type Output } from '../export/write.js';
import { savedGroups } from './breakout.js';
import { eventTimes } from './event.js';
import { eventCalendar, eventUid, type CalendarOrganizer } from './ics.js';
import { invitationStands, invitedMembers, inviteeOf } from './invite.js';
import { buildInvitations, INVITATION_CSV_COLUMNS, invitationsCsv, type InvitationRow } from './invitations.js';
import { requireEvent, type StoredEvent } from './manage.js';

/**
 * Every file this module writes goes through here: atomic, 0600, refusing to replace a file
 * unless forced. (One call to swap when the shared writer changes.)
 */
export function writeEventFile(file: string, data: string, options: { force: boolean }): void {
  writeFileAtomic(file, data, { ...options, stdout: true });
}

export interface EventFileOptions {
  /** A path, or '-' for stdout. */
  out: string;
  cwd: string;
  force?: boolean;
  dryRun?: boolean;
  /** The invitation sheet's separator (default ","). */
  delimiter?: string;
}

export interface InvitationsExport {
  eventId: number;
  /** Absolute path; null on stdout or in a dry run. */
  file: string | null;
  rows: number;
  columns: string[];
  /** Invitees per local date (the event may fall on the next day across the date line). */
  localDates: Record<string, number>;
  /** Rows whose time is the capital's of a country spanning several zones. */
  multipleZones: number;
  withoutTimeZone: number;
  withoutEmail: number;
  /** Invitees in no breakout group although a plan exists (invited after it). */
  withoutGroup: number;
  /** Invitees who said no to being contacted: not in the sheet. */
  noConsent: number;
  /** Invitees who withdrew from the network since (invited by roster, role or filters): not in the sheet. */
  withdrawn: number;
  warnings: string[];
  dryRun: boolean;
  /** The CSV when written to stdout. */
  text?: string;
}

function outputOf(options: EventFileOptions, example: string): Output {
  const output = resolveOutput(options.out, { cwd: options.cwd, stdoutAllowed: true, format: example.split('.').pop()!, example });
  return output;
}

/**
 * The invitees who may be written to (as the contact exports decide it), how many said no, and
 * how many withdrew from the network since a roster, role or filter invited them (invite leaves
 * them out of those; one invited by name with --member stays, as invite keeps them).
 */
function contactableInvitees(db: DB, eventId: number): { members: ReturnType<typeof invitedMembers>; noConsent: number; withdrawn: number } {
  const invited = invitedMembers(db, eventId);
  const staying = invited.filter(invitationStands);
  const members = staying.filter((m) => mayContact(m.member.consentContact));
  return { members, noConsent: staying.length - members.length, withdrawn: invited.length - staying.length };
}

/** The invitation rows of an event, groups included; invitees who said no to being contacted are left out. */
export function invitationSheet(db: DB, eventId: number): { event: StoredEvent; rows: InvitationRow[]; warnings: string[]; withoutGroup: number; noConsent: number; withdrawn: number; members: ReturnType<typeof invitedMembers> } {
  const event = requireEvent(db, eventId);
  const { members, noConsent, withdrawn } = contactableInvitees(db, eventId);
  const groups = savedGroups(db, eventId, members.map((m) => m.member.id));
  const byMember = new Map<number, string>();
  for (const g of groups?.groups ?? []) for (const id of g.memberIds) byMember.set(id, g.id);
  const sheet = buildInvitations(event, members.map((m) => inviteeOf(m.member)), { groups: byMember });
  const warnings = [...sheet.warnings];
  if (event.cancelled) warnings.unshift(`event ${eventId} is cancelled: send the calendar file (skillsnet event ics ${eventId}) rather than invitations`);
  const noGiven = sheet.rows.filter((r) => !r.givenName && r.fullName).length;
  if (noGiven) warnings.push(`${noGiven} invitee${noGiven === 1 ? ' has' : 's have'} no given name on record (given_name is empty): the salutation uses the full name`);
  const withoutGroup = groups ? groups.notPlanned.length : 0;
  if (withoutGroup) warnings.push(`${withoutGroup} invitee${withoutGroup === 1 ? ' was' : 's were'} invited after the breakout groups were made and ${withoutGroup === 1 ? 'is' : 'are'} in none: run skillsnet event groups ${eventId} again`);
  return { event, rows: sheet.rows, warnings, withoutGroup, noConsent, withdrawn, members };
}

/** Writes the mail-merge sheet (`event invitations ID --out FILE.csv`). */
export async function writeInvitations(db: DB, eventId: number, options: EventFileOptions): Promise<InvitationsExport> {
  const output = outputOf(options, 'invitations.csv');
  const { rows, warnings, withoutGroup, noConsent, withdrawn, members } = invitationSheet(db, eventId);
  if (!rows.length && noConsent) throw new OperationError(`event ${eventId} has no invitee who may be contacted: ${noConsentLeftOut(noConsent)}`, { hint: 'skillsnet members --json shows consentContact' });
  // (every invitee withdrew from the network since: not "no invitees", which sends the officer to invite them again)
  if (!rows.length && withdrawn) throw new OperationError(`event ${eventId} has no invitee to write to: ${plural(withdrawn, 'member')} invited ${withdrawn === 1 ? 'has' : 'have'} withdrawn from the network since`, { hint: `skillsnet event show ${eventId} lists the invitees` });
  if (!rows.length) throw new OperationError(`event ${eventId} has no invitees`, { hint: `invite them first: skillsnet event invite ${eventId} --roster NAME` });
  const localDates: Record<string, number> = {};
  for (const r of rows) if (r.localStart) localDates[r.localStart.slice(0, 10)] = (localDates[r.localStart.slice(0, 10)] ?? 0) + 1;
  const result: InvitationsExport = {
    eventId, file: null, rows: rows.length, columns: [...INVITATION_CSV_COLUMNS], localDates,
    multipleZones: rows.filter((r) => r.multipleZones).length, withoutTimeZone: rows.filter((r) => !r.timeZone).length,
    withoutEmail: rows.filter((r) => !r.email).length, withoutGroup, noConsent, withdrawn, warnings, dryRun: Boolean(options.dryRun),
  };
  if (options.dryRun) return result;
  const csv = await invitationsCsv(rows, options.delimiter);
  if (output.kind === 'stdout') result.text = csv;
  else {
    writeEventFile(output.path, csv, { force: Boolean(options.force) });
    result.file = output.path;
  }
  logExport(db, {
    command: 'event invitations', format: 'csv', path: result.file, records: rows.length, contacts: rows.filter((r) => r.email).length,
    withNames: true, withContactDetails: rows.some((r) => r.email),
    organizationIds: members.map((m) => m.member.organizationId).filter((id): id is number => id !== null),
    personIds: members.map((m) => m.member.personId).filter((id): id is number => id !== null),
  });
  return result;
}

export interface CalendarExport {
  eventId: number;
  file: string | null;
  uid: string;
  sequence: number;
  /** REQUEST (an invitation), or CANCEL for a cancelled event. */
  method: 'REQUEST' | 'CANCEL';
  status: 'CONFIRMED' | 'CANCELLED';
  /** DTSTART in UTC. */
  start: string;
  end: string;
  /** The ORGANIZER's address, or null when none was given (then the file has none). */
  organizer: string | null;
  /** Attendees written (only with withAttendees). */
  attendees: number;
  /** Invitees left out of the attendees because they said no to being contacted (only with withAttendees). */
  noConsent: number;
  /** Invitees left out of the attendees because they withdrew from the network since (only with withAttendees). */
  withdrawn: number;
  withAttendees: boolean;
  dryRun: boolean;
  text?: string;
}

export interface CalendarFileOptions extends EventFileOptions {
  /** List the invitees as ATTENDEE lines (their names and addresses). */
  withAttendees?: boolean;
  /** Who sends it and receives the replies; without it the file has no ORGANIZER. */
  organizer?: CalendarOrganizer;
  stamp?: Date;
}

/** Writes the RFC 5545 calendar file (`event ics ID --out FILE.ics`). */
export function writeCalendar(db: DB, eventId: number, options: CalendarFileOptions): CalendarExport {
  const output = outputOf(options, 'meeting.ics');
  const event = requireEvent(db, eventId);
  const { members, noConsent, withdrawn } = options.withAttendees ? contactableInvitees(db, eventId) : { members: [], noConsent: 0, withdrawn: 0 };
  const attendees = members.map((m) => ({ name: m.member.name, email: m.member.email })).filter((a) => a.email);
  const dbId = databaseId(db);
  const times = eventTimes(event);
  const result: CalendarExport = {
    eventId, file: null, uid: eventUid(eventId, dbId), sequence: event.sequence, method: event.cancelled ? 'CANCEL' : 'REQUEST',
    status: event.cancelled ? 'CANCELLED' : 'CONFIRMED', start: times.utcStart, end: times.utcEnd, organizer: options.organizer?.email ?? null,
    attendees: attendees.length, noConsent, withdrawn, withAttendees: Boolean(options.withAttendees), dryRun: Boolean(options.dryRun),
  };
  if (options.dryRun) return result;
  const text = eventCalendar(event, {
    eventId, databaseId: dbId, sequence: event.sequence, withAttendees: options.withAttendees, attendees,
    ...(options.organizer ? { organizer: options.organizer } : {}),
    ...(event.location ? { location: event.location } : {}), ...(options.stamp ? { stamp: options.stamp } : {}),
  });
  if (output.kind === 'stdout') result.text = text;
  else {
    writeEventFile(output.path, text, { force: Boolean(options.force) });
    result.file = output.path;
  }
  if (options.withAttendees && attendees.length) {
    logExport(db, {
      command: 'event ics', format: 'ics', path: result.file, records: 1, contacts: attendees.length, withNames: true, withContactDetails: true,
      organizationIds: members.map((m) => m.member.organizationId).filter((id): id is number => id !== null),
      personIds: members.map((m) => m.member.personId).filter((id): id is number => id !== null),
    });
  }
  return result;
}

export { displayPath };
