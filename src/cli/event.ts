import { Option, type Command } from 'commander';
import { invocation, type CliContext } from './context.js';
import { addFilterOptions, addOptionOnce, parseFilters, type FilterFlags } from './filters.js';
import { UsageError } from '../errors.js';
import { parseId } from '../ids.js';
import { EVENT_KINDS } from '../event-model.js';
import { isMemberRole, isMemberStatus, MEMBER_ROLES, MEMBER_STATUSES, type MemberFilters, type MemberRole, type MemberStatus } from '../model.js';
import { runEventAdd, runEventCancel, runEventDelete, runEventEdit, runEventShow } from './event-manage.js';
import { runEventGroups, runEventInvite, runEventUninvite } from './event-invite.js';
import { runEventIcs, runEventInvitations } from './event-files.js';
import { runEventAttendance, runEventLink } from './event-attendance.js';

/**
 * `skillsnet event …`: one meeting, webinar, clinic or workshop — add it, invite members, split
 * them into breakout groups, write the invitations and the calendar file, read who came from the
 * Zoom or Teams report. The work is in src/events/; the run functions in event-*.ts render it.
 */

function eventId(text: string): number {
  return parseId(text, ['event'], { hint: 'event IDs are in the ID column of skillsnet events' }).id;
}

/** --member values as typed (several after one flag, repeated, or separated by commas): checked here, resolved against the database by the command (org-N is its member). */
function memberRefs(values: string[] | undefined): string[] | undefined {
  if (!values?.length) return undefined;
  const refs = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const r of refs) parseId(r, ['member', 'organization'], { bare: 'member', what: '--member', hint: 'find member IDs with skillsnet members --search TEXT (the ID column; org-N is also taken)' });
  return refs;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerEvent(program: Command, ctx: CliContext): void {
  const event = program
    .command('event')
    .description('one event: add, show, edit, cancel, delete, invite, uninvite, groups, invitations, ics, attendance, link')
    .addHelpText('after', `
The usual order: add the event, invite members, make breakout groups, write the invitations
sheet and the calendar file, and after the meeting read the Zoom or Teams report.

Examples:
  skillsnet event add "1st Core Group meeting" --kind meeting --start "2020-11-19 14:00" --tz Europe/Zurich --duration 120 --languages en,fr,es
  skillsnet event invite 1 --roster core-2020
  skillsnet event groups 1 --by language --groups en=2,fr=1,es=1
  skillsnet event invitations 1 --out invitations.csv
  skillsnet event ics 1 --out core-group-meeting.ics
  skillsnet event attendance 1 zoom-participants.csv teams-attendance.csv
  skillsnet event show 1`);

  event
    .command('add')
    .description('add a meeting, webinar, clinic or workshop; prints its ID')
    .argument('<title>', 'the event\'s title, e.g. "1st Core Group meeting"')
    .requiredOption('--kind <kind>', `${EVENT_KINDS.join(', ')} (required)`)
    .requiredOption('--start <when>', '"YYYY-MM-DD HH:MM" on the clock of --tz (required)')
    .requiredOption('--tz <zone>', 'IANA time zone of --start, e.g. Europe/Zurich (required)')
    .option('--duration <minutes>', 'length in minutes (default 60)')
    .option('--languages <codes>', 'languages it runs in, e.g. en,fr,es (default en,fr,es)')
    .option('--presenter <member>', 'who presents (webinars, clinics): a member ID (17, member-17) or org-N')
    .option('--topic <category>', 'skills category code of the topic, e.g. work-based-learning')
    .option('--location <text>', 'meeting link or place, written into the calendar file')
    .option('--dry-run', 'check the event and say what would be added; write nothing')
    .option('--json', 'print {"id": …} and the event\'s fields')
    .addHelpText('after', `
The start is a wall-clock time where the event is organised. A time the clocks skip (the
spring-forward night) is refused; a time they pass twice must say which, e.g. 2021-10-31T02:30+01:00.

Examples:
  skillsnet event add "1st Core Group meeting" --kind meeting --start "2020-11-19 14:00" --tz Europe/Zurich --duration 120 --languages en,fr,es
  skillsnet event add "Skills Innovation Clinic: apprenticeships online" --kind clinic --start "2021-03-04 15:00" --tz Europe/Zurich --presenter 17 --topic work-based-learning
  skillsnet event add "Webinar on recognition of skills" --kind webinar --start "2021-02-10 09:00" --tz America/Mexico_City --languages es --json`)
    .action(async (title: string, flags: { kind: string; start: string; tz: string; duration?: string; languages?: string; presenter?: string; topic?: string; location?: string; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runEventAdd({ dbPath, title, kind: flags.kind, start: flags.start, timeZone: flags.tz, duration: flags.duration, languages: flags.languages, presenter: flags.presenter, topic: flags.topic, location: flags.location, dryRun: flags.dryRun, json: flags.json }, io);
    });

  event
    .command('show')
    .description('an event in full: when (in UTC too), invitees with their local time and group, the groups, who attended and for how long, rows not matched')
    .argument('<id>', 'event ID (see skillsnet events)')
    .option('--json', 'print it as JSON (fields in docs/json.md)')
    .addHelpText('after', '\nExamples:\n  skillsnet event show 1\n  skillsnet event show 1 --json')
    .action(async (id: string, flags: { json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runEventShow({ dbPath, id: eventId(id), json: flags.json }, io);
    });

  event
    .command('edit')
    .description('change an event\'s fields; its calendar sequence goes up, so a calendar file sent again updates the entry')
    .argument('<id>', 'event ID')
    .requiredOption('--set <field=value>', 'title, kind, start, tz, duration, languages, presenter, topic or location; repeatable (required)', collect)
    .option('--dry-run', 'say what would change; write nothing')
    .option('--json', 'print {"id", "changed", "sequence", "event"}')
    .addHelpText('after', `
A new --set tz keeps the wall time: 14:00 stays 14:00 on the new zone's clock.

Examples:
  skillsnet event edit 1 --set start="2020-11-19 15:00"
  skillsnet event edit 1 --set duration=90 --set languages=en,fr
  skillsnet event edit 3 --set presenter=17 --set topic=life-skills`)
    .action(async (id: string, flags: { set: string[]; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runEventEdit({ dbPath, id: eventId(id), set: flags.set, dryRun: flags.dryRun, json: flags.json }, io);
    });

  event
    .command('cancel')
    .description('mark an event cancelled (its calendar file then cancels the entry); --undo takes it back')
    .argument('<id>', 'event ID')
    .option('--undo', 'the event is on again')
    .option('--dry-run', 'say what would change; write nothing')
    .option('--json', 'print {"id", "cancelled", "changed", "sequence"}')
    .addHelpText('after', '\nCancelled events count for nothing in engagement and stay off the maps.\n\nExamples:\n  skillsnet event cancel 2\n  skillsnet event ics 2 --out webinar.ics --force   # send it: calendars show it cancelled\n  skillsnet event cancel 2 --undo')
    .action(async (id: string, flags: { undo?: boolean; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runEventCancel({ dbPath, id: eventId(id), undo: flags.undo, dryRun: flags.dryRun, json: flags.json }, io);
    });

  event
    .command('delete')
    .description('delete an event entered by mistake, with its invitations, groups and attendance (asks first; --yes off a terminal)')
    .argument('<id>', 'event ID')
    .option('--dry-run', 'say what would be deleted; delete nothing')
    .option('--json', 'print {"id", "deleted", "invitations", "attendanceRows"}')
    .addHelpText('after', '\nAn event that took place or was announced is better cancelled (event cancel): it keeps the record.\n\nExamples:\n  skillsnet event delete 4\n  skillsnet --yes event delete 4')
    .action(async (id: string, flags: { dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runEventDelete({ dbPath, id: eventId(id), dryRun: flags.dryRun, json: flags.json }, io);
    });

  const invite = event
    .command('invite')
    .description('invite members: a roster, a role (the Core Group of a cohort), member IDs, or any filter of members')
    .argument('<id>', 'event ID');
  addFilterOptions(invite, { roster: false });
  addOptionOnce(invite, '--role <role>', `members with this role (${MEMBER_ROLES.join(', ')})`);
  addOptionOnce(invite, '--status <status>', `only members with this status (${MEMBER_STATUSES.join(', ')})`);
  invite
    .option('--roster <name>', 'the members of this saved roster')
    .option('--cohort <name>', 'with --role core-group: this cohort, e.g. 2020')
    .option('--member <id...>', 'these members: 17, member-17 or org-4 (--member 17 42, or 17,42)')
    .option('--dry-run', 'say who would be invited; write nothing')
    .option('--json', 'print {"eventId", "source", "found", "invited", "alreadyInvited", "skipped", "total"}')
    .addHelpText('after', `
Invitations add up: invite a roster, then a few more members by ID. Members who declined or
withdrew are left out of a roster, role or filter (named on stderr), not of --member.

Examples:
  skillsnet event invite 1 --roster core-2020
  skillsnet event invite 1 --role core-group --cohort 2020
  skillsnet event invite 2 --region Africa --language fr
  skillsnet event invite 2 --category work-based-learning --dry-run
  skillsnet event invite 1 --member 17 42`)
    .action(async (id: string, flags: FilterFlags & { roster?: string; role?: string; cohort?: string; status?: string; member?: string[]; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      if (flags.role !== undefined && !isMemberRole(flags.role)) throw new UsageError(`unknown role "${flags.role}"`, { hint: `roles: ${MEMBER_ROLES.join(', ')}` });
      if (flags.status !== undefined && !isMemberStatus(flags.status)) throw new UsageError(`unknown status "${flags.status}"`, { hint: `statuses: ${MEMBER_STATUSES.join(', ')}` });
      const { minScore: _m, roster: _r, ...filters } = parseFilters({ ...flags, roster: undefined });
      const memberFilters: MemberFilters = { ...filters, ...(flags.status ? { status: flags.status as MemberStatus } : {}) };
      await runEventInvite({
        dbPath, id: eventId(id), roster: flags.roster?.trim(), role: flags.role as MemberRole | undefined, cohort: flags.cohort?.trim(), memberIds: memberRefs(flags.member),
        filters: memberFilters, dryRun: flags.dryRun, json: flags.json,
      }, io);
    });

  event
    .command('uninvite')
    .description('withdraw invitations (and the members\' breakout groups)')
    .argument('<id>', 'event ID')
    .requiredOption('--member <id...>', 'the members: 17, member-17 or org-4 (--member 17 42, or 17,42) (required)')
    .option('--dry-run', 'say what would change; write nothing')
    .option('--json', 'print {"eventId", "removed", "notInvited"}')
    .addHelpText('after', '\nExamples:\n  skillsnet event uninvite 1 --member 42\n  skillsnet event uninvite 1 --member 42 43 --dry-run')
    .action(async (id: string, flags: { member: string[]; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runEventUninvite({ dbPath, id: eventId(id), memberIds: memberRefs(flags.member)!, dryRun: flags.dryRun, json: flags.json }, io);
    });

  event
    .command('groups')
    .description('split the invitees into breakout groups by working language, balanced in size and spread across regions and categories (solved exactly)')
    .argument('<id>', 'event ID')
    .option('--by <dimension>', 'what the groups split by: language (the only one)', 'language')
    .requiredOption('--groups <spec>', 'groups per language, e.g. en=2,fr=1,es=1 (required)')
    .option('--dry-run', 'solve and show the groups; save nothing')
    .option('--json', 'print the groups, the members in none and the solver\'s figures (docs/json.md)')
    .addHelpText('after', `
Each language's invitees are split into its number of groups of sizes within one of each other;
among those splits, the one closest to each region's share in every group, then each category's,
is found by HiGHS (the solver the selection uses). Members whose working language is none of the
groups' are named by ID. Making groups again replaces the saved ones.

Examples:
  skillsnet event groups 1 --by language --groups en=2,fr=1,es=1
  skillsnet event groups 1 --groups en=3,fr=1 --dry-run
  skillsnet event groups 1 --groups en=2,fr=1,es=1 --json`)
    .action(async (id: string, flags: { by: string; groups: string; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runEventGroups({ dbPath, id: eventId(id), by: flags.by, groups: flags.groups, dryRun: flags.dryRun, json: flags.json }, io);
    });

  event
    .command('invitations')
    .description('write the mail-merge sheet: one row per invitee with the event on their own clock, salutation, language and group')
    .argument('<id>', 'event ID')
    .requiredOption('--out <file>', 'the CSV file to write, or "-" for stdout (required)')
    .option('--force', 'replace the file if it exists')
    .option('--dry-run', 'check and count; write nothing')
    .option('--json', 'print a summary (rows, local dates, warnings) as JSON')
    .option('--delimiter <c>', 'the separator, e.g. ";" for Excel in a French or Spanish locale (default $SKILLSNET_CSV_DELIMITER, else ",")')
    .addHelpText('after', `
Columns: email, given_name, family_name, full_name, organization, country, salutation, language,
working_language, group, time_zone, time_zone_source, multiple_zones_flag, local_start (ISO 8601
with the offset, e.g. 2020-11-19T07:00:00-06:00), local_end, local_date_text (in the member's
language), utc_start, member_id, note. A member's own time zone wins; otherwise their country's,
and for a country with several zones the capital's, flagged in multiple_zones_flag. Personal data:
the file is readable by you only; the export log records that it was written.

Examples:
  skillsnet event invitations 1 --out invitations.csv
  skillsnet event invitations 1 --out invitations.csv --force
  skillsnet event invitations 1 --out invitations.csv --delimiter ";"   # Excel in French or Spanish
  skillsnet event invitations 1 --out invitations.csv --dry-run --json`)
    .action(async (id: string, flags: { out: string; force?: boolean; dryRun?: boolean; json?: boolean; delimiter?: string }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runEventInvitations({ dbPath, id: eventId(id), out: flags.out, force: flags.force, dryRun: flags.dryRun, json: flags.json, delimiter: flags.delimiter }, io);
    });

  event
    .command('ics')
    .description('write the event as an iCalendar (.ics) file for Outlook, Google Calendar and Apple Calendar')
    .argument('<id>', 'event ID')
    .requiredOption('--out <file>', 'the .ics file to write, or "-" for stdout (required)')
    .option('--organizer <address>', 'who sends the invitation and receives the replies: an email address, or "Name <address>" (default $SKILLSNET_ORGANIZER; without either the file names no organiser)')
    .option('--with-attendees', 'list the invitees as attendees: their names and email addresses, which everyone given the file sees')
    .addOption(new Option('--with-contact-details', 'the former name of --with-attendees').hideHelp())
    .option('--force', 'replace the file if it exists')
    .option('--dry-run', 'check; write nothing')
    .option('--json', 'print {"uid", "sequence", "method", "status", "start", "end", "organizer", "attendees", ...}')
    .addHelpText('after', `
The file is an invitation (METHOD:REQUEST); for a cancelled event (event cancel) a cancellation
(METHOD:CANCEL, STATUS:CANCELLED). Times are written in UTC, which every calendar shows on its
reader's clock. The UID is the same on every export of the event from this database, and every
edit or cancellation raises the SEQUENCE: send the file again and calendars update the entry
instead of adding one. Attendees are listed only with --with-attendees (personal data).

Examples:
  skillsnet event ics 1 --out core-group-meeting.ics --organizer "Skills Network Secretariat <secretariat@example.org>"
  skillsnet event ics 1 --out core-group-meeting.ics --force            # after an edit
  skillsnet event cancel 1 && skillsnet event ics 1 --out cancelled.ics  # the cancellation
  skillsnet event ics 1 --out meeting-with-attendees.ics --with-attendees`)
    .action(async (id: string, flags: { out: string; organizer?: string; withAttendees?: boolean; withContactDetails?: boolean; force?: boolean; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      const withAttendees = Boolean(flags.withAttendees || flags.withContactDetails);
      await runEventIcs({ dbPath, id: eventId(id), out: flags.out, withAttendees, organizer: flags.organizer, force: flags.force, dryRun: flags.dryRun, json: flags.json }, io);
    });

  event
    .command('attendance')
    .description('read who came from Zoom, Teams, Google Meet, Webex, BigBlueButton or Blackboard Collaborate reports (English, French, Spanish, Portuguese); every row accounted for')
    .argument('<id>', 'event ID')
    .argument('<files...>', 'the reports (Zoom CSV, Teams attendance report or its 2020–2021 list of Joined/Left lines, Google Meet, Webex, BigBlueButton learning dashboard, Collaborate attendance report)')
    .option('--time-zone <zone>', 'zone of the report\'s clock times: that of the account that downloaded it (default: the event\'s)')
    .option('--same-meeting-as <report>', 'the reports given that hold no time (a bare participant list) are of the same meeting as this report of the event (its file name, or its path when several have that name)')
    .option('--no-prompt', 'on a terminal too, list the unmatched rows instead of asking about each')
    .option('--dry-run', 'read and match; write nothing')
    .option('--json', 'print {"rows", "matched", "unmatched", "files": [...], "unmatchedRows", "attendees", "warnings"}')
    .addHelpText('after', `
Rows are matched to members by email, then by name (accents, case and word order do not matter;
Zoom's "Name (Original Name)" is tried under both). Minutes are summed per member across re-joins
and reports, time connected twice counted once, waiting-room time left out. Rows that match no
member (the secretariat, interpreters, guests, a name two members share) are listed for you to
link or ignore: on a terminal you are asked about each; elsewhere, use skillsnet event link.
Importing the same report again replaces its earlier import. A report that gives no time is
of the event's one meeting of its tool; when the event has several, it counts as a meeting of
its own and a warning asks which it is (--same-meeting-as).

Examples:
  skillsnet event attendance 1 zoom-participants.csv
  skillsnet event attendance 1 teams-attendance.csv --time-zone America/Mexico_City
  skillsnet event attendance 1 zoom-en.csv zoom-fr.csv --dry-run --json
  skillsnet event attendance 1 unique-users.csv --same-meeting-as day2.csv`)
    .action(async (id: string, files: string[], flags: { timeZone?: string; sameMeetingAs?: string; prompt?: boolean; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runEventAttendance({ dbPath, id: eventId(id), files, timeZone: flags.timeZone, sameMeetingAs: flags.sameMeetingAs, prompt: flags.prompt, dryRun: flags.dryRun, json: flags.json }, io);
    });

  event
    .command('link')
    .description('say who an unmatched attendance row is (--member ID) or leave it out (--ignore); the decision holds for every event')
    .argument('<id>', 'event ID')
    .argument('<row>', 'the row number shown by event show / event attendance (or FILE:LINE)')
    // Spelt as on invite and uninvite (one flag, one spelling), but a row is one member.
    .option('--member <id...>', 'the member the row is (12, member-12, or its organisation org-4)')
    .option('--ignore', 'not a member (the secretariat, an interpreter, a guest): leave it out')
    .option('--dry-run', 'say what would change; write nothing')
    .option('--json', 'print {"row", "memberId", "by", "rowsAffected", "events"}')
    .addHelpText('after', `
The decision is remembered by the row's email (or its name when it has none) and applies to
the rows of every event, now and in reports imported later.

Examples:
  skillsnet event link 1 57 --member 19
  skillsnet event link 1 zoom-participants-en.csv:21 --member 19
  skillsnet event link 1 42 --ignore`)
    .action(async (id: string, row: string, flags: { member?: string[]; ignore?: boolean; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      if (flags.member && flags.member.length > 1) throw new UsageError('a row is one member: give one --member ID', { hint: `e.g. skillsnet event link ${id} ${row} --member ${flags.member[0]}` });
      await runEventLink({ dbPath, id: eventId(id), row, member: flags.member?.[0], ignore: flags.ignore, dryRun: flags.dryRun, json: flags.json }, io);
    });
}
