/** `event invitations` and `event ics`: the mail-merge sheet and the calendar file of an event. */
import path from 'node:path';
import { printJson, withDatabase } from './context.js';
import { info, personalOutput, warn, type IO } from './io.js';
import { checkJsonWithStdout } from './export-common.js';
import { displayPath } from '../export/write.js';
import { parseOrganizer, type CalendarOrganizer } from '../events/ics.js';
import { noConsentLeftOut } from '../export/contacts.js';
import { csvDelimiter } from '../import/detect.js';

export interface EventInvitationsOptions {
  dbPath: string;
  id: number;
  out: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  /** --delimiter as typed (";", "tab", "semicolon"). */
  delimiter?: string;
}

/** "1 member who withdrew from the network since being invited is left out". */
function withdrawnLeftOut(n: number, eventId: number, of = ''): string {
  return `${n} member${n === 1 ? '' : 's'} who withdrew from the network since being invited ${n === 1 ? 'is' : 'are'} left out${of} (skillsnet event show ${eventId} lists the invitees)`;
}

export async function runEventInvitations(opts: EventInvitationsOptions, io: IO): Promise<unknown> {
  const { writeInvitations } = await import('../events/event-files.js');
  checkJsonWithStdout(opts.json, opts.out);
  const delimiter = csvDelimiter(opts.delimiter, io.env);
  if (path.extname(opts.out).toLowerCase() !== '.csv' && opts.out !== '-') warn(io, `--out ${opts.out} does not end in .csv: Excel and mail-merge tools open it by double-click only when it does`);
  const result = await withDatabase(opts.dbPath, { create: false, io }, (db) => writeInvitations(db, opts.id, { out: opts.out, cwd: io.cwd, force: opts.force, dryRun: opts.dryRun, delimiter }));
  for (const w of result.warnings) warn(io, w);
  if (result.noConsent) info(io, noConsentLeftOut(result.noConsent));
  if (result.withdrawn) info(io, withdrawnLeftOut(result.withdrawn, opts.id));
  const { text, ...summary } = result;
  // (the sheet holds every invitee's address and name: `--out - > FILE` is made private as `list --csv > FILE` is)
  if (text !== undefined) {
    personalOutput(io);
    io.stdout.write(text);
  }
  if (opts.json) {
    printJson(io, summary);
    return summary;
  }
  const dates = Object.entries(result.localDates).map(([d, n]) => `${n} on ${d}`).join(', ');
  const what = `${result.rows} invitation${result.rows === 1 ? '' : 's'}, each with the event on the invitee's own clock (${dates})`;
  if (result.dryRun) info(io, `Dry run: would write ${what}. Nothing was written.`);
  else if (result.file) {
    info(io, `Wrote ${what} to ${displayPath(result.file, io.cwd)} (personal data: readable by you only).`);
    info(io, 'Columns for the mail merge: email, given_name, salutation, language, group, time_zone, local_start, local_date_text, ...');
  } else info(io, `Wrote ${what} to stdout.`);
  return summary;
}

export interface EventIcsOptions {
  dbPath: string;
  id: number;
  out: string;
  /** List the invitees as attendees (names and addresses). */
  withAttendees?: boolean;
  /** "secretariat@example.org" or "Name <address>" (--organizer, else $SKILLSNET_ORGANIZER). */
  organizer?: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/** The organiser from --organizer, else $SKILLSNET_ORGANIZER, else none (never made up). */
export function organizerOf(flag: string | undefined, env: NodeJS.ProcessEnv): CalendarOrganizer | undefined {
  if (flag !== undefined) return parseOrganizer(flag, '--organizer');
  const fromEnv = env.SKILLSNET_ORGANIZER?.trim();
  return fromEnv ? parseOrganizer(fromEnv, 'SKILLSNET_ORGANIZER') : undefined;
}

export async function runEventIcs(opts: EventIcsOptions, io: IO): Promise<unknown> {
  const { writeCalendar } = await import('../events/event-files.js');
  checkJsonWithStdout(opts.json, opts.out);
  const organizer = organizerOf(opts.organizer, io.env);
  const result = await withDatabase(opts.dbPath, { create: false, io }, (db) =>
    writeCalendar(db, opts.id, { out: opts.out, cwd: io.cwd, force: opts.force, dryRun: opts.dryRun, withAttendees: opts.withAttendees, organizer }));
  if (result.noConsent) info(io, `${noConsentLeftOut(result.noConsent)} of the attendees`);
  if (result.withdrawn) info(io, withdrawnLeftOut(result.withdrawn, opts.id, ' of the attendees'));
  const { text, ...summary } = result;
  if (text !== undefined) {
    // (with the attendees, the invitees' names and addresses)
    if (opts.withAttendees) personalOutput(io);
    io.stdout.write(text);
  }
  if (opts.json) {
    printJson(io, summary);
    return summary;
  }
  if (opts.withAttendees) warn(io, `the calendar file lists ${result.attendees} invitees' names and email addresses: send it only to them`);
  const what = `the calendar ${result.method === 'CANCEL' ? 'cancellation' : 'invitation'} of event ${opts.id} (sequence ${result.sequence}, ${result.start} UTC)`;
  if (result.dryRun) info(io, `Dry run: would write ${what}. Nothing was written.`);
  else if (result.file) {
    info(io, `Wrote ${what} to ${displayPath(result.file, io.cwd)}.`);
    info(io, `Its UID (${result.uid}) stays the same on every export: a file sent again after an edit or a cancellation updates the entry people have instead of adding another.`);
  }
  if (!organizer && result.method === 'CANCEL') {
    // (RFC 5546 wants the organiser on a cancellation: calendars such as Outlook may keep the entry without one)
    warn(io, 'the cancellation names no organiser: some calendars (Outlook) keep the entry without one. Add --organizer YOUR-ADDRESS (the address the invitation came from), or set SKILLSNET_ORGANIZER');
  } else if (!organizer) info(io, 'It names no organiser, so replies (accept, decline) reach nobody: add --organizer YOUR-ADDRESS, or set SKILLSNET_ORGANIZER.');
  return summary;
}
