/**
 * Attendance in the database: the Zoom and Teams reports read into an event (report.ts), every
 * row kept, matched to members (match.ts) over all the event's reports at once — so minutes are
 * summed across re-joins and files with overlaps counted once — and matched again whenever the
 * officer links or ignores a row. The officer's decisions are kept by email (or by name when the
 * row has no email) and hold for every event: "Tafadzwa S." linked once is linked everywhere.
 *
 * Messages and stored reasons never carry a row's name or address (neutralReason): only the
 * data outputs do (`--json`, the tables on stdout).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beginWrite, commit, drain, holdsWaitedLock, drainInSteps, inSavepoint, inSavepointInSteps, rollback, WAITING_FOR_WRITER, type DB } from '../../db/connection.js';
import {
  anonymiseAttendanceRows, attendeesByMinutes, attendanceImports, attendancePersonalFields, attendanceLinks, attendanceRow, attendanceRows, deleteAttendanceImport, deleteAttendanceLinksById,
  eventMeetings, eventsWithAttendance, importOfFile, insertAttendanceImportSteps, saveAttendanceLink, saveEventMatchesSteps, memberNamesAndEmails,
  type RowMatch, type StoredAttendanceRow,
} from '../../db/attendance.js';
import { getMember } from '../../db/members.js';
import { ERASED } from '../../db/personal-data.js';
import { listEvents, listInvitations } from '../../db/events.js';
import { OperationError, UsageError } from '../../errors.js';
import { looksLike } from '../../ids.js';
import { readSmallInput } from '../../files/index.js';
import { lockFileError } from '../../import/detect.js';
import { checkpoint, warning, type Callbacks } from '../../reporting.js';
import { eventTimes } from '../event.js';
import { requireEvent } from '../manage.js';
import { offsetAt, offsetText, timeZoneHint, timeZoneName } from '../timezones.js';
import { reportSpan } from '../../attendance-minutes.js';
import { meetingWarnings } from './meetings.js';
import { keysOf, legacyNameKey, matchAttendance, nameKey, neutralReason, type AttendanceMember, type UnmatchedProblem } from './match.js';
import { readAttendanceReport, type AttendanceFile, type AttendanceReport, type AttendanceRow, type ReportTool } from './report.js';

export interface AttendanceFileInput {
  /** Path of the report (read here), shown by its base name. */
  path: string;
  /** The report as the officer named it, for the commands a message suggests (default: path). */
  given?: string;
}

export interface AttendanceImportOptions {
  /** The zone of the report's clock times (default: the event's): the zone of the account that downloaded it. */
  timeZone?: string;
  dryRun?: boolean;
  /**
   * The reports given that hold no time are of the same meeting as this report of the event (its
   * file name): settles which meeting a bare list is of when the event has several.
   */
  sameMeetingAs?: string;
}

/** One report of an import, as `event attendance --json` lists it. */
export interface AttendanceFileSummary {
  file: string;
  source: 'zoom' | 'teams';
  /** The tool that wrote it: zoom, teams, meet (Google Meet) or webex (the last two read as Zoom's kind). */
  tool: ReportTool;
  language: string | null;
  encoding: string;
  rows: number;
  /** The people the rows are of (a re-join, a second device, a 2020 Teams list's Joined/Left pairs are one person). */
  people: number;
  matched: number;
  unmatched: number;
  /** Registrants the report marks as not attended (Zoom webinar's "Attended: No"): not among the rows. */
  notAttended: number;
  /** A 2020–2021 Teams list (one line per "Joined"/"Left"): its lines, paired into the rows. Absent for other reports. */
  actionLines?: number;
  /** The same bytes were imported into this event before: the earlier import was replaced. */
  replaced: boolean;
  timeZone: string;
  dateOrder: string | null;
  meetingTitle: string | null;
  meetingStart: string | null;
  warnings: string[];
}

/** A row no member matched, for the officer to link or ignore (`event link ID ROW`). */
export interface UnmatchedAttendance {
  /** The row's ID: what `event link` takes. */
  row: number;
  file: string;
  line: number;
  name: string;
  email: string | null;
  minutes: number | null;
  problem: UnmatchedProblem;
  /** Members an ambiguous email or name fits. */
  candidates: number[];
  /** Without the row's name or address. */
  reason: string;
  ignored: boolean;
}

export interface Attendee {
  memberId: number;
  minutes: number;
  joins: number;
  firstJoin: string | null;
  lastLeave: string | null;
}

/** `event attendance --json`: rows = matched + unmatched, over the files of this import. */
export interface AttendanceImportResult {
  eventId: number;
  rows: number;
  matched: number;
  unmatched: number;
  /** Of the unmatched: rows the officer decided to ignore. */
  ignored: number;
  files: AttendanceFileSummary[];
  /** Unmatched rows of these files. */
  unmatchedRows: UnmatchedAttendance[];
  /** Everyone who attended the event, over all its reports. */
  attendees: Attendee[];
  /**
   * About the event as a whole rather than one file: several reports of the same meeting whose
   * minutes were counted once, not added up (meetingWarnings).
   */
  warnings: string[];
  dryRun: boolean;
}

/** Members as matching sees them: one entry per name they go by, every address of their organisation. */
export function attendanceMembers(db: DB): AttendanceMember[] {
  const out: AttendanceMember[] = [];
  for (const m of memberNamesAndEmails(db)) {
    const names = m.names.length ? m.names : [null];
    for (const name of names) out.push({ memberId: m.memberId, name, email: m.emails[0] ?? null, altEmails: m.emails.slice(1), organization: m.organization, country: m.country });
  }
  return out;
}

/** One report per import; rows carry the import's ID in their file label so that two files of the same name stay apart. */
function reportOf(importId: number, rows: StoredAttendanceRow[]): AttendanceReport {
  const file = `${importId}|${rows[0]?.file ?? ''}`;
  return {
    file: { file } as AttendanceFile,
    rows: rows.map((r): AttendanceRow => ({
      file, rowNumber: r.rowNumber, name: r.name, names: r.names, email: r.email, joinTime: r.joinTime, leaveTime: r.leaveTime,
      minutes: r.minutes, guest: r.guest, waitingRoom: r.waitingRoom, role: r.role, problems: r.problems,
      // a participant erased on request: the row counts still for the organisation they came for, if any
      ...(r.name === ERASED && !r.email ? { erased: true, keptFor: r.memberId } : {}),
    })),
  };
}

/**
 * Matches every row of the event again (after an import, a link or an erase) and saves the
 * matches and the minutes per member. Returns the stored rows with their new matches.
 */
export function rematchEvent(db: DB, eventId: number, members: AttendanceMember[] = attendanceMembers(db)): StoredAttendanceRow[] {
  return drain(rematchEventSteps(db, eventId, members));
}

/** rematchEvent as steps, one per row saved (drainInSteps runs them with pauses). */
function* rematchEventSteps(db: DB, eventId: number, members: AttendanceMember[]): Generator<void, StoredAttendanceRow[]> {
  const rows = attendanceRows(db, eventId);
  yield;
  const byImport = new Map<number, StoredAttendanceRow[]>();
  for (const r of rows) {
    if (!byImport.has(r.importId)) byImport.set(r.importId, []);
    byImport.get(r.importId)!.push(r);
  }
  const reports = [...byImport.entries()].map(([importId, list]) => reportOf(importId, list));
  // Reports of the same meeting count a member's time once (attendance-minutes.ts).
  const { meetingOf } = eventMeetings(db, eventId);
  const meetings = new Map(reports.map((r) => [r.file.file, `meeting:${meetingOf.get(Number(r.file.file.split('|')[0])) ?? r.file.file}`]));
  const rowId = new Map(rows.map((r) => [`${r.importId}|${r.file}:${r.rowNumber}`, r.id]));
  const links = attendanceLinks(db).map((l) => ({ email: l.email ?? undefined, name: l.nameKey ?? undefined, memberId: l.memberId }));
  const expected = new Set(listInvitations(db, eventId).map((i) => i.memberId));
  yield;
  const result = matchAttendance(reports, members, { links, expected, meetings });
  yield;
  const matches: RowMatch[] = [];
  for (const m of result.matches) {
    const id = rowId.get(`${m.file}:${m.rowNumber}`);
    if (id !== undefined) matches.push({ rowId: id, memberId: m.memberId, matchedBy: m.by, problem: null, candidates: [], reason: null });
  }
  for (const u of result.unmatchedRows) {
    const id = rowId.get(`${u.file}:${u.rowNumber}`);
    if (id !== undefined) matches.push({ rowId: id, memberId: null, matchedBy: null, problem: u.problem, candidates: u.candidates, reason: neutralReason(u) });
  }
  yield* saveEventMatchesSteps(db, eventId, matches, result.perMember);
  yield;
  return attendanceRows(db, eventId);
}

/** Unmatched rows of an event as the officer sees them. */
export function unmatchedOf(rows: readonly StoredAttendanceRow[]): UnmatchedAttendance[] {
  return rows.filter((r) => r.memberId === null).map((r) => ({
    row: r.id, file: r.file, line: r.rowNumber, name: r.name, email: r.email, minutes: r.minutes, problem: r.problem ?? 'unknown',
    candidates: r.candidates, reason: r.reason ?? '', ignored: r.ignored,
  }));
}

function sha256(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** The earliest join time of a report's rows (ISO, in the report's zone), or null. */
function firstJoin(rows: readonly Pick<AttendanceRow, 'joinTime'>[]): string | null {
  let first: string | null = null;
  for (const r of rows) if (r.joinTime && (first === null || Date.parse(r.joinTime) < Date.parse(first))) first = r.joinTime;
  return first;
}

/** How long before the event's start a join is worth a word: the secretariat opens the room a quarter of an hour early, not two. */
export const EARLY_JOIN_MINUTES = 60;

/** The zones a report's clock may be in: the event's own, and those of the database's other events (the organisers'). */
export interface ReportClocks {
  /** the zone the report was read in (--time-zone, else the event's) */
  eventZone: string;
  zones: readonly string[];
  /** the meeting's start as the report's summary gives it (ISO), when it has one */
  reportStart?: string | null;
}

/**
 * A warning naming (by line, never by name) the rows that joined more than EARLY_JOIN_MINUTES
 * before the event's start: their minutes before the start are counted as the report gives them,
 * and many such rows usually mean the report's clock is another zone than the event's. When most
 * rows are so shifted (their median join a whole quarter-hour count of an hour or more early),
 * the clock that would put them on time is said, with a zone of the database's events at that
 * offset to give to --time-zone ("import it again with --time-zone" named none). Null when there
 * are none.
 */
export function earlyJoinWarning(rows: readonly Pick<AttendanceRow, 'rowNumber' | 'joinTime'>[], startMs: number, clocks?: ReportClocks): string | null {
  const early = rows
    .filter((r) => r.joinTime !== null && startMs - Date.parse(r.joinTime) > EARLY_JOIN_MINUTES * 60_000)
    .map((r) => ({ line: r.rowNumber, minutes: Math.round((startMs - Date.parse(r.joinTime!)) / 60_000) }));
  if (!early.length) return null;
  const most = Math.max(...early.map((e) => e.minutes));
  const lines = early.map((e) => e.line);
  const shown = lines.length > 5 ? `${lines.slice(0, 5).join(', ')} and ${lines.length - 5} more` : lines.join(', ');
  const said = `line${lines.length === 1 ? '' : 's'} ${shown}: joined more than ${EARLY_JOIN_MINUTES} minutes before the event's start (${lines.length === 1 ? '' : 'up to '}${most} minutes before): those minutes are counted as the report gives them; `;
  return said + clockAdvice(rows, startMs, clocks);
}

/**
 * A warning for a report whose meeting (its summary's start, else its first join) began after the
 * event's end, and more than EARLY_JOIN_MINUTES after its start: a report downloaded on a clock
 * east of the event's (Geneva's for a meeting set on Lima time) said nothing, its joins six hours
 * "late". (A later day of a workshop of several days begins within the event.) Null otherwise.
 */
export function lateStartWarning(rows: readonly Pick<AttendanceRow, 'joinTime'>[], span: { startMs: number; endMs: number }, clocks?: ReportClocks): string | null {
  const start = clocks?.reportStart ?? firstJoin(rows);
  if (!start) return null;
  const late = Math.round((Date.parse(start) - span.startMs) / 60_000);
  if (late <= EARLY_JOIN_MINUTES || Date.parse(start) <= span.endMs) return null;
  return `the report's meeting began ${late} minutes after the event's start, after its end: its minutes are counted as the report gives them; ${clockAdvice(rows, span.startMs, clocks)}`;
}

/** What to do about a report on another clock: the clock and zone that put it on time, when they can be told. */
function clockAdvice(rows: readonly Pick<AttendanceRow, 'joinTime'>[], startMs: number, clocks?: ReportClocks): string {
  const clock = clocks && reportClock(rows, startMs, clocks);
  if (!clock) return `if the report's clock is in another zone than the event's, import it again with --time-zone`;
  // (further than any two clocks are apart: a report of another day, not another zone)
  if (clock.offset === null) return `the report's times sit ${clock.shift} ${clock.early ? 'before' : 'after'} the event's, more than any two clocks differ: is it the report of this event's day?`;
  return `the report's times sit ${clock.shift} ${clock.early ? 'before' : 'after'} the event's, as on a clock at UTC${clock.offset}: if the report was downloaded on such a clock, import it again with --time-zone ${clock.zone ?? 'ZONE (an IANA name at that offset)'}`;
}

/** The clock a shifted report was written on: its summary's start's, else its median join's, distance to the event's start, in quarter-hours of an hour or more. */
function reportClock(rows: readonly Pick<AttendanceRow, 'joinTime'>[], startMs: number, clocks: ReportClocks): { shift: string; early: boolean; offset: string | null; zone: string | null } | null {
  const early = rows.filter((r) => r.joinTime !== null).map((r) => (startMs - Date.parse(r.joinTime!)) / 60_000).sort((a, b) => a - b);
  if (!early.length) return null;
  // (the summary's start, where there is one: joins straggle)
  const median = clocks.reportStart ? (startMs - Date.parse(clocks.reportStart)) / 60_000 : early[Math.floor((early.length - 1) / 2)]!;
  const quarters = Math.round(median / 15);
  if (Math.abs(quarters) < 4 || Math.abs(median - quarters * 15) > 10) return null;
  const start = new Date(startMs);
  const offset = offsetAt(start, clocks.eventZone) - quarters * 15;
  // (no clock is behind UTC-12 or ahead of UTC+14: a report a whole day off is another date, not
  // another clock; it was "as on a clock at UTC-23:00")
  const h = Math.floor((Math.abs(quarters) * 15) / 60);
  const m = (Math.abs(quarters) * 15) % 60;
  const shift = `${h} h${m ? ` ${m} min` : ''}`;
  if (offset < -12 * 60 || offset > 14 * 60) return { shift, early: quarters > 0, offset: null, zone: null };
  const zone = clocks.zones.find((z) => z !== clocks.eventZone && offsetAt(start, z) === offset) ?? null;
  return { shift, early: quarters > 0, offset: offsetText(offset), zone };
}

/** The largest meeting report read: a Zoom or Teams report of a year of daily meetings is a few MB. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/**
 * Reads Zoom / Teams reports into an event. Every row is kept and accounted for (rows = matched +
 * unmatched); a file imported before into the same event (same bytes) replaces its earlier import.
 * Nothing is written with dryRun, but the result is the same.
 */
export async function importAttendance(db: DB, eventId: number, files: readonly AttendanceFileInput[], options: AttendanceImportOptions = {}, callbacks: Callbacks = {}): Promise<AttendanceImportResult> {
  if (!files.length) throw new UsageError('no report given', { hint: 'e.g. skillsnet event attendance 1 zoom-participants.csv' });
  const event = requireEvent(db, eventId);
  const times = eventTimes(event);
  const zone = options.timeZone ? timeZoneName(options.timeZone) : event.timeZone;
  if (!zone) throw new UsageError(`unknown time zone "${options.timeZone}"`, { hint: `${timeZoneHint(options.timeZone ?? '')} — the zone of the account that downloaded the report` });
  const eventDate = zone === event.timeZone ? times.localStart.date : times.start.toLocaleDateString('en-CA', { timeZone: zone });
  const read: { report: AttendanceReport; sha: string; shown: string }[] = [];
  // (the zones of the database's events, read once for every report, not once for each)
  const eventZones = [...new Set(listEvents(db).map((e) => e.timeZone))];
  for (const f of files) {
    // Read once, bounded, a device refused before a byte is read (a named pipe works): a report
    // read whole with readFileSync from /dev/zero grew without end and could not be interrupted.
    const bytes = await readSmallInput(f.path, { limit: MAX_REPORT_BYTES });
    // (Excel's lock file beside a report open in it, which `*.xlsx` matches, is said to be one)
    const shown = path.basename(f.path);
    const lock = lockFileError(f.path, bytes, 'a report', shown, f.given ?? f.path);
    if (lock) throw lock;
    const report = await readAttendanceReport(bytes, { file: shown, given: f.given ?? f.path, timeZone: zone, zoneGiven: options.timeZone !== undefined, eventDate, eventSpan: { start: times.start, end: times.end }, signal: callbacks.signal });
    // The meeting's start as the summary gives it, else its first join (a 2020–2021 Teams list has no summary).
    const start = report.file.meeting.startTime ?? firstJoin(report.rows);
    if (start && Math.abs(Date.parse(start) - times.start.getTime()) > 36 * 3600_000) {
      report.file.warnings.push(`the report's meeting started on ${start.slice(0, 10)}, the event on ${times.localStart.date}: is it the right event?`);
    } else {
      const clocks = { eventZone: zone, zones: eventZones, reportStart: report.file.meeting.startTime };
      const early = earlyJoinWarning(report.rows, times.start.getTime(), clocks) ?? lateStartWarning(report.rows, { startMs: times.start.getTime(), endMs: times.end.getTime() }, clocks);
      if (early) report.file.warnings.push(early);
    }
    read.push({ report, sha: sha256(bytes), shown });
  }
  const dupes = read.filter((r, i) => read.findIndex((x) => x.sha === r.sha) !== i);
  if (dupes.length) throw new UsageError(`${dupes[0]!.shown} is given twice (the same bytes as another file)`, { hint: 'give each report once' });
  if (options.sameMeetingAs !== undefined) await sameMeetingAs(db, eventId, options.sameMeetingAs, read);

  await checkpoint(callbacks.signal);
  // The write lock is taken first, waiting with the event loop free: the savepoint alone began a
  // deferred transaction, which failed at once with SQLITE_BUSY when another command (a member
  // import) was writing, or had written since this one first read.
  const ownTransaction = !db.inTransaction || holdsWaitedLock(db);
  if (ownTransaction) await beginWrite(db, () => callbacks.onStatus?.(WAITING_FOR_WRITER));
  try {
    // Written in steps with the event loop free between them: 40,000 rows in one synchronous
    // block kept Ctrl-C waiting 2 s, after which they were all saved (exit 0).
    const pause = () => checkpoint(callbacks.signal);
    const value: AttendanceImportResult = await inSavepointInSteps(db, 'attendance', !options.dryRun, async () => {
      const imports: { id: number; replaced: boolean; report: AttendanceReport }[] = [];
      for (const { report, sha } of read) {
        const earlier = importOfFile(db, eventId, sha);
        if (earlier !== null) deleteAttendanceImport(db, earlier);
        const f = report.file;
        const id = await drainInSteps(insertAttendanceImportSteps(
          db,
          {
            eventId, file: f.file, sha256: sha, source: f.source, tool: f.tool, language: f.language, encoding: f.encoding, delimiter: f.delimiter, timeZone: f.timeZone,
            dateOrder: f.dateOrder.order, dateBasis: f.dateOrder.basis, meeting: f.meeting, warnings: f.warnings,
          },
          report.rows,
        ), pause);
        imports.push({ id, replaced: earlier !== null, report });
      }
      await pause();
      const rows = await drainInSteps(rematchEventSteps(db, eventId, attendanceMembers(db)), pause);
      await pause();
      const ids = new Set(imports.map((i) => i.id));
      const ours = rows.filter((r) => ids.has(r.importId));
      const summaries: AttendanceFileSummary[] = imports.map(({ id, replaced, report }) => {
        const own = ours.filter((r) => r.importId === id);
        const f = report.file;
        return {
          file: f.file, source: f.source, tool: f.tool, language: f.language, encoding: f.encoding, rows: own.length, people: f.people, notAttended: f.notAttended,
          ...(f.actionLines !== undefined ? { actionLines: f.actionLines } : {}),
          matched: own.filter((r) => r.memberId !== null).length, unmatched: own.filter((r) => r.memberId === null).length, replaced,
          timeZone: f.timeZone, dateOrder: f.dateOrder.order, meetingTitle: f.meeting.title ?? null, meetingStart: f.meeting.startTime ?? null, warnings: f.warnings,
        };
      });
      const unmatchedRows = unmatchedOf(ours);
      const attendees = attendeesOf(db, eventId);
      const warnings = meetingWarnings(db, eventId, ids);
      return {
        eventId, rows: ours.length, matched: ours.filter((r) => r.memberId !== null).length, unmatched: unmatchedRows.length,
        ignored: unmatchedRows.filter((u) => u.ignored).length, files: summaries, unmatchedRows, attendees, warnings, dryRun: Boolean(options.dryRun),
      };
    });
    // (a dry run's transaction is rolled back, not committed: the commit of pages put back as
    // they were still wrote them, and moved the file's modification time)
    if (ownTransaction && !options.dryRun) commit(db);
    for (const f of value.files) for (const w of f.warnings) callbacks.onWarning?.(warning('report', `${f.file}: ${w}`));
    for (const w of value.warnings) callbacks.onWarning?.(warning('report', w));
    return value;
  } finally {
    if (ownTransaction) rollback(db);
  }
}

/**
 * The officer's word that the reports without times are of the same meeting as `given`, a report
 * of the event or of this import: kept with each such report (its meeting's `sameMeetingAs`, the
 * file's name, and `sameMeetingAsSha256`, its content). A report that gives its own times is
 * placed by them, and told so. `given` is a file name, or the path of the report itself: Zoom
 * names a meeting's report after its ID, so the two days of a recurring meeting are two reports
 * of one name, and only the content says which is meant (the latest of that name was taken).
 */
async function sameMeetingAs(db: DB, eventId: number, given: string, read: readonly { report: AttendanceReport; sha: string }[]): Promise<void> {
  const target = path.basename(given);
  const imports = attendanceImports(db, eventId);
  const all = [...imports.map((i) => ({ file: i.file, sha: i.sha256, start: (i.meeting as { startTime?: string | null }).startTime ?? null })),
    ...read.map((r) => ({ file: r.report.file.file, sha: r.sha, start: r.report.file.meeting.startTime ?? null }))];
  const bySha = new Map(all.map((x) => [x.sha, x]));
  const known = [...new Set(all.map((x) => x.file))];
  let sha: string;
  if (fs.existsSync(given) && fs.statSync(given).isFile()) {
    sha = sha256(await readSmallInput(given, { limit: MAX_REPORT_BYTES }));
    if (!bySha.has(sha)) {
      throw new UsageError(`--same-meeting-as ${given}: that file is not a report of event ${eventId} (none imported has its content)`, {
        hint: 'import the report of that meeting first, or give it in the same command',
      });
    }
  } else {
    const named = [...new Set(all.filter((x) => x.file === target).map((x) => x.sha))];
    if (!named.length) {
      throw new UsageError(`--same-meeting-as ${target}: event ${eventId} has no report of that name`, {
        hint: known.length ? `name one of its reports: ${known.join(', ')}` : 'import the report of that meeting first, or give it in the same command',
      });
    }
    if (named.length > 1) {
      const which = named.map((h) => bySha.get(h)!.start?.slice(0, 10) ?? 'no time given');
      throw new UsageError(`--same-meeting-as ${target}: event ${eventId} has ${named.length} different reports of that name (${which.join('; ')})`, {
        hint: 'give the path of the one you mean: its content says which',
      });
    }
    sha = named[0]!;
  }
  if (read.every((r) => r.sha === sha)) {
    throw new UsageError(`--same-meeting-as ${target} names the report being imported`, { hint: 'name the report of the meeting it is of, imported before or given in the same command' });
  }
  for (const { report: r, sha: own } of read) {
    if (own === sha) continue;
    if (reportSpan(r.file.meeting, r.rows)) r.file.warnings.push(`it gives its own times, which place it: --same-meeting-as ${target} was not used for it`);
    else Object.assign(r.file.meeting, { sameMeetingAs: target, sameMeetingAsSha256: sha });
  }
}

export function attendeesOf(db: DB, eventId: number): Attendee[] {
  return attendeesByMinutes(db, eventId);
}

/** A row of an event by its ID, or by FILE:LINE as the reports number their lines. */
export function findAttendanceRow(db: DB, eventId: number, ref: string): StoredAttendanceRow {
  const text = ref.trim().replace(/^#/, '');
  let row: StoredAttendanceRow | undefined;
  if (/^\d+$/.test(text)) {
    const r = attendanceRow(db, Number(text));
    if (!r || r.eventId !== eventId) lineTakenForRow(db, eventId, Number(text), r?.eventId);
    if (r && r.eventId !== eventId) throw new UsageError(`row ${text} belongs to event ${r.eventId}, not ${eventId}`, { hint: `skillsnet event link ${r.eventId} ${text} ...` });
    row = r;
  } else {
    const m = /^(.*):(\d+)$/.exec(text);
    if (!m) throw new UsageError(`a row is its number or FILE:LINE; that is ${looksLike(ref)}`, { hint: `give the row number shown by skillsnet event show ${eventId} (or FILE:LINE, as the report numbers its lines)` });
    const rows = attendanceRows(db, eventId).filter((r) => r.file === path.basename(m[1]!) && r.rowNumber === Number(m[2]));
    row = rows[rows.length - 1];
  }
  if (!row) throw new OperationError(`event ${eventId} has no attendance row ${ref}`, { hint: `the unmatched rows are listed by skillsnet event show ${eventId}` });
  return row;
}

/**
 * A number that is no row of this event but the line of one in its report: the officer read it
 * off the File:line column ("zoom.csv:7") rather than the Row column. It was answered with the
 * command linking row 7 of another event; it now names the row that line is.
 */
function lineTakenForRow(db: DB, eventId: number, line: number, otherEvent: number | undefined): void {
  const rows = attendanceRows(db, eventId).filter((r) => r.rowNumber === line);
  if (!rows.length) return;
  const lines = rows.map((r) => `${r.file}:${line} is row ${r.id}`).join(', ');
  throw new UsageError(`event ${eventId} has no row ${line}${otherEvent === undefined ? '' : ` (row ${line} is event ${otherEvent}'s)`}, but ${lines}`, {
    hint: `give the number in the Row column of skillsnet event show ${eventId}, e.g. skillsnet event link ${eventId} ${rows[0]!.id} ..., or the line as FILE:LINE (${rows[0]!.file}:${line})`,
  });
}

export interface LinkResult {
  eventId: number;
  row: number;
  /** null: ignored. */
  memberId: number | null;
  /** What the decision is keyed on: the row's email, else its name. */
  by: 'email' | 'name';
  /** Rows of every event the same decision now applies to. */
  rowsAffected: number;
  /** Events matched again. */
  events: number[];
  dryRun: boolean;
}

/** Links a row to a member (or ignores it); the decision holds for every row with the same email (or name). */
export function linkAttendanceRow(db: DB, eventId: number, ref: string, decision: { memberId: number | null }, options: { dryRun?: boolean } = {}): LinkResult {
  requireEvent(db, eventId);
  const row = findAttendanceRow(db, eventId, ref);
  if (decision.memberId !== null && !getMember(db, decision.memberId)) throw new OperationError(`no member-${decision.memberId}`, { hint: 'find member IDs with skillsnet members --search TEXT' });
  const email = row.email?.trim().toLowerCase() || null;
  const keys = (row.names.length ? row.names : [row.name]).map(nameKey).filter(Boolean);
  if (!email && !keys.length) throw new OperationError(`row ${row.id} has neither a name nor an email to remember the decision by`);
  const events = eventsWithAttendance(db);
  return inSavepoint(db, 'attendance', !options.dryRun, () => {
    // A Zoom row renamed "Ana (Ana García)" goes by both names: the decision covers both.
    if (email) saveAttendanceLink(db, { email, nameKey: null, memberId: decision.memberId });
    else for (const key of new Set(keys)) saveAttendanceLink(db, { email: null, nameKey: key, memberId: decision.memberId });
    const members = attendanceMembers(db);
    let affected = 0;
    for (const id of events) {
      const rows = rematchEvent(db, id, members);
      affected += rows.filter((r) => (email ? r.email?.toLowerCase() === email : !r.email && (r.names.length ? r.names : [r.name]).some((n) => keys.includes(nameKey(n))))).length;
    }
    return { eventId, row: row.id, memberId: decision.memberId, by: email ? 'email' : 'name', rowsAffected: affected, events, dryRun: Boolean(options.dryRun) } as LinkResult;
  });
}

/** Everything erase must reach in attendance: rows and decisions holding these addresses or names, or of these members. */
export interface AttendanceErasure {
  emails?: readonly string[];
  names?: readonly string[];
  memberIds?: readonly number[];
  /**
   * The organisation members the person was a contact of: a row in their name counted for one of
   * them is theirs whatever its address (matched on their name, from a private address).
   */
  organizationMemberIds?: readonly number[];
}

/**
 * Takes a person's name and address out of attendance (for `erase`, issue 13): the rows that
 * carry their email or name (or a display name with it inside: "iPhone de Juan Pérez", as the
 * matching reads it), and the link decisions keyed on them (under old keys too). Every row stays, without the
 * name and address, so that each report's rows still add up (rows = matched + unmatched): a row
 * that counted for an organisation member keeps its member — the organisation did attend, and
 * its minutes and "attended" connection stay; a row of the person as a member in their own right
 * (memberIds) or of no member counts for no one (ignored, "erased on request"). Then the events
 * are matched again.
 */
export function eraseAttendanceOf(db: DB, who: AttendanceErasure, options: { dryRun?: boolean } = {}): { rows: number; links: number; kept: number; events: number[]; dryRun: boolean } {
  const emails = new Set((who.emails ?? []).map((e) => e.trim().toLowerCase()).filter(Boolean));
  const keys = new Set((who.names ?? []).map(nameKey).filter(Boolean));
  // (decisions stored before names in other scripts were keyed apart are under their old keys)
  const linkKeys = new Set([...keys, ...(who.names ?? []).map(legacyNameKey).filter(Boolean)]);
  const members = new Set(who.memberIds ?? []);
  const organizations = new Set(who.organizationMemberIds ?? []);
  // (a row or a decision of the same name but another address is a namesake's: it stays — unless
  // it counted for the organisation they were the contact of, which it did because of their name)
  const theirs = (email: string | null | undefined, memberId: number | null = null) => !email || emails.has(email.toLowerCase()) || (memberId !== null && organizations.has(memberId));
  const rows = attendancePersonalFields(db).filter(
    (r) => (r.email && emails.has(r.email.toLowerCase())) || (theirs(r.email, r.memberId) && keysOf([r.name, ...r.names]).some((k) => keys.has(k))) || (r.memberId !== null && members.has(r.memberId)),
  );
  const kept = rows.filter((r) => r.memberId !== null && !members.has(r.memberId));
  const gone = rows.filter((r) => !kept.includes(r));
  const links = attendanceLinks(db).filter((l) => (l.email && emails.has(l.email)) || (theirs(l.email) && l.nameKey && linkKeys.has(l.nameKey)) || (l.memberId !== null && members.has(l.memberId)));
  const events = [...new Set(rows.map((r) => r.eventId))].sort((a, b) => a - b);
  if (!options.dryRun) {
    inSavepoint(db, 'attendance', true, () => {
      anonymiseAttendanceRows(db, kept.map((r) => r.id), ERASED, { keepMember: true });
      anonymiseAttendanceRows(db, gone.map((r) => r.id), ERASED, { keepMember: false });
      deleteAttendanceLinksById(db, links.map((l) => l.id));
      for (const id of events) rematchEvent(db, id);
    });
  }
  return { rows: rows.length, links: links.length, kept: kept.length, events, dryRun: Boolean(options.dryRun) };
}

/** The imports of an event, for `event show`. */
export { attendanceImports };
