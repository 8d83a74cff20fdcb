/**
 * `event add`, `event show`, `event edit`, `event cancel`, `event delete`: events and everything
 * known about one (src/events/manage.ts and its neighbours do the work; this file renders it).
 */
import { withCreatedDatabase, withDatabase, printJson } from './context.js';
import { endClockText } from '../text.js';
import { canPrompt, info, personalOutput, warn, type IO } from './io.js';
import { OperationError, UsageError } from '../errors.js';
import type { DB } from '../db/connection.js';
import { renderTable } from '../ui/table.js';
import { memberLabel } from '../ids.js';
import type { EventSummary } from '../events/manage.js';
import type { EventShowResult } from '../events/details.js';

export interface EventAddOptions {
  dbPath: string;
  title: string;
  kind: string;
  start: string;
  timeZone: string;
  duration?: string;
  languages?: string;
  presenter?: string;
  topic?: string;
  location?: string;
  dryRun?: boolean;
  json?: boolean;
}

/** "Thu 19 Nov 2020 14:00–16:00 Europe/Zurich (UTC+01:00)" */
export function whenText(e: { localStart: string; endUtc: string; timeZone: string }): string {
  const start = new Date(e.localStart);
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: e.timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(start);
  return `${day} ${e.localStart.slice(11, 16)}–${endClockText(start, new Date(e.endUtc), e.timeZone)} ${e.timeZone} (UTC${e.localStart.slice(19)})`;
}

export async function runEventAdd(opts: EventAddOptions, io: IO): Promise<{ id: number | null }> {
  const { addEvent, inviteCommand, summarizeEvent } = await import('../events/manage.js');
  // A dry run writes nothing, not even a new database file; a refused one leaves none behind.
  const { added, invite } = await withCreatedDatabase(opts.dbPath, { io, dryRun: opts.dryRun }, (db) => {
    const added = addEvent(db, {
      title: opts.title, kind: opts.kind, start: opts.start, timeZone: opts.timeZone, durationMinutes: opts.duration, languages: opts.languages,
      presenterId: opts.presenter, topicCategory: opts.topic, location: opts.location,
    }, { dryRun: opts.dryRun });
    return { added, invite: added.id === null ? '' : inviteCommand(db, added.id) };
  });
  const summary = summarizeEvent(added.event, undefined);
  if (added.sameAs.length) {
    warn(io, `event ${added.sameAs.join(', ')} has the same title and start: ${added.dryRun ? 'it would probably be' : 'it is probably'} the same event twice (remove one with skillsnet event delete ID)`);
  }
  if (opts.json) {
    printJson(io, { ...summary, id: added.id, dryRun: added.dryRun });
    return { id: added.id };
  }
  const what = `${summary.kind} "${summary.title}", ${whenText(summary)}, ${summary.durationMinutes} min, in ${summary.languages.join(', ')}`;
  if (added.dryRun) info(io, `Dry run: would add the ${what}. Nothing was written.`);
  else {
    io.stdout.write(`${added.id}\n`);
    info(io, `Added event ${added.id}: the ${what}.`);
    info(io, `Next: ${invite}, then event groups, event invitations and event ics.`);
  }
  return { id: added.id };
}

// ------------------------------------------------------------------ show

export interface EventShowOptions {
  dbPath: string;
  id: number;
  json?: boolean;
}

export type { EventShowResult };

export async function runEventShow(opts: EventShowOptions, io: IO): Promise<EventShowResult> {
  const { eventDetails } = await import('../events/details.js');
  const details = await withDatabase(opts.dbPath, { create: false, io }, (db) => eventDetails(db, opts.id));
  personalOutput(io);
  if (opts.json) {
    printJson(io, details);
    return details;
  }
  const c = io.color;
  const line = (label: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') io.stdout.write(`${c.dim(label.padEnd(13))} ${value}\n`);
  };
  io.stdout.write(c.bold(`Event ${details.id}: ${details.title}`) + (details.cancelled ? c.red(' (cancelled)') : '') + '\n');
  line('Kind', details.kind);
  line('When', whenText(details));
  line('In UTC', `${details.startUtc} – ${details.endUtc}`);
  line('Languages', details.languages.join(', '));
  line('Presenter', details.presenterId !== null ? memberLabel(details.presenterId) : null);
  line('Topic', details.topicCategory);
  line('Location', details.location);
  line('Sequence', details.sequence ? `${details.sequence} (edited or cancelled since first written; calendars update the entry)` : null);

  io.stdout.write('\n' + c.bold(`Invitees (${details.invitees.length})`) + '\n');
  if (!details.invitees.length) io.stdout.write(`  none yet: skillsnet event invite ${details.id} --roster NAME\n`);
  else {
    io.stdout.write(renderTable(io, ['Member', 'Organisation', 'Country', 'Lang', 'Group', 'Local start', 'Attended'], details.invitees.map((i) => [
      memberLabel(i.memberId), i.organization, i.country, i.workingLanguage, i.group, i.localStart ? `${i.localStart.slice(0, 16).replace('T', ' ')} ${i.timeZone}` : '?',
      i.attended ? `${i.minutes} min` : '',
    ]), { maxWidth: [11, 36, 9, 6, 7, 40, 10] }));
  }
  if (details.groups) {
    const g = details.groups;
    io.stdout.write('\n' + c.bold(`Breakout groups (${g.spec})`) + '\n');
    for (const group of g.groups) io.stdout.write(`  ${group.id.padEnd(6)} ${String(group.size).padStart(3)} members: ${group.memberIds.map(memberLabel).join(', ')}\n`);
    if (g.unassigned.length) io.stdout.write(`  in no group: ${g.unassigned.map((u) => `${memberLabel(u.memberId)} (${u.reason})`).join('; ')}\n`);
    if (g.notPlanned.length) io.stdout.write(`  invited after the groups were made: ${g.notPlanned.map(memberLabel).join(', ')} (run skillsnet event groups ${details.id} again)\n`);
  }
  const a = details.attendance;
  io.stdout.write('\n' + c.bold(`Attendance (${details.attendees.length} members)`) + '\n');
  if (!a.files.length) io.stdout.write(`  no report imported yet: skillsnet event attendance ${details.id} REPORT.csv\n`);
  else {
    io.stdout.write(renderTable(io, ['Member', 'Organisation', 'Country', 'Minutes', 'Joins', 'Invited'], details.attendees.map((x) => [
      memberLabel(x.memberId), x.organization, x.country, x.minutes, x.joins, x.invited ? 'yes' : 'no',
    ]), { maxWidth: [11, 40, 9, 9, 7, 9] }));
    io.stdout.write(`  ${a.rows} report rows (${a.people} ${a.people === 1 ? 'person' : 'people'}) from ${a.files.length} file${a.files.length === 1 ? '' : 's'}: ${a.matched} matched to members, ${a.unmatched} not (${a.ignored} ignored).\n`);
    for (const w of a.warnings) warn(io, w);
    renderUnmatched(io, a.unmatchedRows.filter((u) => !u.ignored), details.id);
  }
  return details;
}

/** The rows left for the officer: name and email are data here (stdout), never in a message. */
export function renderUnmatched(io: IO, rows: import('../events/attendance/store.js').UnmatchedAttendance[], eventId: number, options: { dryRun?: boolean } = {}): void {
  if (!rows.length) return;
  personalOutput(io);
  io.stdout.write('\n' + io.color.bold(`Not matched to a member (${rows.length})`) + '\n');
  // (a dry run keeps no row: it shows no row IDs, which event link would not find)
  const table = renderTable(io, [...(options.dryRun ? [] : ['Row']), 'File:line', 'Name', 'Email', 'Minutes', 'Why'], rows.map((u) => [
    ...(options.dryRun ? [] : [u.row]), `${u.file}:${u.line}`, u.name, u.email, u.minutes === null ? '' : Math.round(u.minutes), u.reason,
  ]), { maxWidth: [...(options.dryRun ? [] : [6]), 34, 26, 30, 9, 40] });
  io.stdout.write(table);
  if (options.dryRun) info(io, `Import the report without --dry-run to link these rows (skillsnet event link ${eventId} ROW --member member-N, or --ignore).`);
  else info(io, `Link a row to a member with skillsnet event link ${eventId} ROW --member member-N, or leave it out with --ignore (the secretariat, interpreters, guests).`);
}

// ------------------------------------------------------------------ edit, cancel, delete

export interface EventEditOptions {
  dbPath: string;
  id: number;
  set: string[];
  dryRun?: boolean;
  json?: boolean;
}

export async function runEventEdit(opts: EventEditOptions, io: IO): Promise<unknown> {
  const { editEvent, parseEventChanges, summarizeEvent } = await import('../events/manage.js');
  const changes = parseEventChanges(opts.set);
  const edited = await withDatabase(opts.dbPath, { io, write: true, dryRun: opts.dryRun }, (db) => editEvent(db, opts.id, changes, { dryRun: opts.dryRun }));
  const result = { id: opts.id, changed: edited.changed, sequence: edited.event.sequence, dryRun: edited.dryRun, event: summarizeEvent(edited.event, undefined) };
  if (opts.json) printJson(io, result);
  else if (!edited.changed.length) info(io, `Event ${opts.id} already has these values: nothing changed.`);
  else {
    info(io, `${edited.dryRun ? 'Dry run: would change' : 'Changed'} ${edited.changed.join(', ')} of event ${opts.id}: ${whenText(result.event)}.`);
    if (!edited.dryRun) info(io, `Write the calendar file again (skillsnet event ics ${opts.id} --out FILE.ics --force) and send it: calendars update the entry they have (sequence ${edited.event.sequence}).`);
  }
  return result;
}

export interface EventCancelOptions {
  dbPath: string;
  id: number;
  undo?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

export async function runEventCancel(opts: EventCancelOptions, io: IO): Promise<unknown> {
  const { cancelEvent } = await import('../events/manage.js');
  const done = await withDatabase(opts.dbPath, { io, write: true, dryRun: opts.dryRun }, (db) => cancelEvent(db, opts.id, { restore: opts.undo, dryRun: opts.dryRun }));
  const result = { id: opts.id, cancelled: done.event.cancelled, changed: done.changed, sequence: done.event.sequence, dryRun: done.dryRun };
  if (opts.json) printJson(io, result);
  else if (!done.changed) info(io, `Event ${opts.id} is already ${done.event.cancelled ? 'cancelled' : 'on'}: nothing changed.`);
  else {
    info(io, `${done.dryRun ? 'Dry run: would mark' : 'Marked'} event ${opts.id} ${done.event.cancelled ? 'cancelled' : 'on again'}.`);
    if (!done.dryRun) info(io, `Send the calendar file again (skillsnet event ics ${opts.id} --out FILE.ics --force): calendars then ${done.event.cancelled ? 'show the entry as cancelled' : 'restore the entry'}.`);
  }
  return result;
}

export interface EventDeleteOptions {
  dbPath: string;
  id: number;
  dryRun?: boolean;
  json?: boolean;
}

export async function runEventDelete(opts: EventDeleteOptions, io: IO): Promise<unknown> {
  const { deleteEvent } = await import('../events/manage.js');
  return withDatabase(opts.dbPath, { io, write: true, dryRun: opts.dryRun }, async (db) => {
    const plan = deleteEvent(db, opts.id, { dryRun: true });
    const what = `event ${opts.id} "${plan.event.title}" with ${plan.counts.invited} invitations and ${plan.counts.rows} attendance rows`;
    let go = Boolean(opts.dryRun) || io.yes;
    if (!go && canPrompt(io) && !opts.json) {
      (await import('./signals.js')).setInterruptOutcome(() => `event ${opts.id} was kept`);
      // (a "no" is an answer, not a usage error: it ended in "needs confirmation... add --yes", exit 2)
      if (!(await (await io.prompts()).confirm(`Delete ${what}? (Cancelling it keeps the record: skillsnet event cancel ${opts.id})`, false))) {
        info(io, `Nothing deleted. To keep the record but tell the invitees: skillsnet event cancel ${opts.id}`);
        return { id: opts.id, deleted: false, invitations: plan.counts.invited, attendanceRows: plan.counts.rows, dryRun: false };
      }
      go = true;
    }
    if (!go) throw new UsageError(`deleting ${what} needs confirmation`, { hint: `add --yes: skillsnet --yes event delete ${opts.id}; or cancel it instead: skillsnet event cancel ${opts.id}` });
    const done = opts.dryRun ? plan : deleteEvent(db, opts.id);
    if (!opts.dryRun) (await import('./signals.js')).setInterruptOutcome(() => `event ${opts.id} was deleted`);
    const result = { id: opts.id, deleted: !opts.dryRun, invitations: done.counts.invited, attendanceRows: done.counts.rows, dryRun: Boolean(opts.dryRun) };
    if (opts.json) printJson(io, result);
    else if (opts.dryRun) info(io, `Dry run: would delete ${what}. Nothing was written.`);
    else {
      info(io, `Deleted ${what}.`);
      if (plan.counts.rows) warn(io, 'calendar entries already sent keep this event: a cancellation (event cancel) would have updated them');
    }
    return result;
  });
}
