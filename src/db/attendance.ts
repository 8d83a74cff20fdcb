/**
 * SQL of attendance (migration 30): the reports read into an event, every participant row with
 * its match, the minutes per member and event, and the officer's link/ignore decisions. Matching
 * itself is src/events/attendance/match.ts; src/events/attendance/store.ts runs it over these rows.
 */
import { drain, type DB } from './connection.js';
import { attendedMinutes, groupMeetings, reportSpan, type Connection, type Meeting, type ReportPlace } from '../attendance-minutes.js';
import { NOT_FOLLOWED_UP } from '../model.js';

/** The tool that wrote an attendance report: Google Meet and Webex are read as Zoom's kind of report (source 'zoom'). */
/** 'unknown': a list read as Zoom's kind whose headers are no tool's own ("Name", "Surname", "Join Time"). */
export type AttendanceTool = 'zoom' | 'teams' | 'meet' | 'webex' | 'bigbluebutton' | 'collaborate' | 'unknown';

export interface AttendanceImportRecord {
  eventId: number;
  file: string;
  sha256: string;
  source: 'zoom' | 'teams';
  /** The tool that wrote it: zoom, teams, meet (Google Meet) or webex; a report stored before this was kept says its source. */
  tool: AttendanceTool;
  language: string | null;
  encoding: string;
  delimiter: string;
  timeZone: string;
  dateOrder: string | null;
  dateBasis: string | null;
  meeting: unknown;
  warnings: string[];
}

export interface StoredImport extends AttendanceImportRecord {
  id: number;
  rows: number;
  matched: number;
  unmatched: number;
  importedAt: string;
}

export interface AttendanceRowRecord {
  rowNumber: number;
  name: string;
  names: string[];
  email: string | null;
  joinTime: string | null;
  leaveTime: string | null;
  minutes: number | null;
  guest: boolean | null;
  waitingRoom: boolean;
  role: string | null;
  problems: string[];
}

export interface StoredAttendanceRow extends AttendanceRowRecord {
  id: number;
  importId: number;
  file: string;
  memberId: number | null;
  matchedBy: 'email' | 'name' | 'link' | null;
  /** Unmatched: why ('unknown', 'name-shared', 'email-shared', 'empty', 'ignored'). */
  problem: AttendanceProblem | null;
  /** Unmatched: the members a shared email or name fits. */
  candidates: number[];
  reason: string | null;
  ignored: boolean;
}

export type AttendanceProblem = 'ignored' | 'email-shared' | 'name-shared' | 'empty' | 'unknown';

export function insertAttendanceImport(db: DB, r: AttendanceImportRecord, rows: readonly AttendanceRowRecord[]): number {
  return drain(insertAttendanceImportSteps(db, r, rows));
}

/** insertAttendanceImport as steps, one per row (drainInSteps runs them with pauses). */
export function* insertAttendanceImportSteps(db: DB, r: AttendanceImportRecord, rows: readonly AttendanceRowRecord[]): Generator<void, number> {
  const id = Number(
    db
      .prepare(
        `INSERT INTO attendance_imports (event_id, file, sha256, source, tool, language, encoding, delimiter, time_zone, date_order, date_basis, meeting_json, rows, warnings_json)
         VALUES (@eventId, @file, @sha256, @source, @tool, @language, @encoding, @delimiter, @timeZone, @dateOrder, @dateBasis, @meeting, @rows, @warnings)`,
      )
      .run({ ...r, meeting: JSON.stringify(r.meeting ?? {}), warnings: JSON.stringify(r.warnings), rows: rows.length }).lastInsertRowid,
  );
  const insert = db.prepare(
    `INSERT INTO attendance_rows (import_id, row_number, name, names_json, email, join_time, leave_time, minutes, guest, waiting_room, role, problems_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const row of rows) {
    insert.run(id, row.rowNumber, row.name, JSON.stringify(row.names), row.email, row.joinTime, row.leaveTime, row.minutes,
      row.guest === null ? null : row.guest ? 1 : 0, row.waitingRoom ? 1 : 0, row.role, JSON.stringify(row.problems));
    yield;
  }
  return id;
}

/** The earlier import of the same bytes into the same event, if any. */
export function importOfFile(db: DB, eventId: number, sha256: string): number | null {
  const r = db.prepare('SELECT id FROM attendance_imports WHERE event_id = ? AND sha256 = ? ORDER BY id DESC LIMIT 1').get(eventId, sha256) as { id: number } | undefined;
  return r?.id ?? null;
}

export function deleteAttendanceImport(db: DB, importId: number): void {
  db.prepare('DELETE FROM attendance_imports WHERE id = ?').run(importId);
}

interface ImportRow {
  id: number; event_id: number; file: string; sha256: string; source: 'zoom' | 'teams'; tool: AttendanceTool | null; language: string | null; encoding: string; delimiter: string;
  time_zone: string; date_order: string | null; date_basis: string | null; meeting_json: string; rows: number; matched: number; unmatched: number;
  warnings_json: string; imported_at: string;
}

export function attendanceImports(db: DB, eventId?: number): StoredImport[] {
  const rows = (eventId === undefined
    ? db.prepare('SELECT * FROM attendance_imports ORDER BY id').all()
    : db.prepare('SELECT * FROM attendance_imports WHERE event_id = ? ORDER BY id').all(eventId)) as ImportRow[];
  return rows.map((r) => ({
    id: r.id, eventId: r.event_id, file: r.file, sha256: r.sha256, source: r.source, tool: r.tool ?? r.source, language: r.language, encoding: r.encoding, delimiter: r.delimiter,
    timeZone: r.time_zone, dateOrder: r.date_order, dateBasis: r.date_basis, meeting: JSON.parse(r.meeting_json), rows: r.rows, matched: r.matched,
    unmatched: r.unmatched, warnings: JSON.parse(r.warnings_json) as string[], importedAt: r.imported_at,
  }));
}

interface RowRow {
  id: number; import_id: number; file: string; row_number: number; name: string; names_json: string; email: string | null; join_time: string | null;
  leave_time: string | null; minutes: number | null; guest: number | null; waiting_room: number; role: string | null; problems_json: string;
  member_id: number | null; matched_by: StoredAttendanceRow['matchedBy']; problem: AttendanceProblem | null; candidates_json: string; reason: string | null; ignored: number;
}

function toRow(r: RowRow): StoredAttendanceRow {
  return {
    id: r.id, importId: r.import_id, file: r.file, rowNumber: r.row_number, name: r.name, names: JSON.parse(r.names_json) as string[], email: r.email,
    joinTime: r.join_time, leaveTime: r.leave_time, minutes: r.minutes, guest: r.guest === null ? null : r.guest === 1, waitingRoom: r.waiting_room === 1,
    role: r.role, problems: JSON.parse(r.problems_json) as string[], memberId: r.member_id, matchedBy: r.matched_by, problem: r.problem,
    candidates: JSON.parse(r.candidates_json) as number[], reason: r.reason, ignored: r.ignored === 1,
  };
}

const ROWS = `SELECT r.*, i.file FROM attendance_rows r JOIN attendance_imports i ON i.id = r.import_id`;

/** Every row of the event's reports, in import then line order. */
export function attendanceRows(db: DB, eventId: number): StoredAttendanceRow[] {
  return (db.prepare(`${ROWS} WHERE i.event_id = ? ORDER BY i.id, r.row_number`).all(eventId) as RowRow[]).map(toRow);
}

export function attendanceRow(db: DB, rowId: number): (StoredAttendanceRow & { eventId: number }) | undefined {
  const r = db.prepare(`SELECT r.*, i.file, i.event_id FROM attendance_rows r JOIN attendance_imports i ON i.id = r.import_id WHERE r.id = ?`).get(rowId) as
    | (RowRow & { event_id: number })
    | undefined;
  return r ? { ...toRow(r), eventId: r.event_id } : undefined;
}

/** Events that have attendance rows. */
export function eventsWithAttendance(db: DB): number[] {
  return (db.prepare('SELECT DISTINCT event_id AS id FROM attendance_imports ORDER BY event_id').all() as { id: number }[]).map((r) => r.id);
}

export interface RowMatch {
  rowId: number;
  memberId: number | null;
  matchedBy: StoredAttendanceRow['matchedBy'];
  problem: AttendanceProblem | null;
  candidates: number[];
  reason: string | null;
}

/** Writes the matches of an event's rows, the counts of its imports and the minutes per member. */
export function saveEventMatches(
  db: DB,
  eventId: number,
  matches: readonly RowMatch[],
  perMember: readonly { memberId: number; minutes: number; joins: number; firstJoin: string | null; lastLeave: string | null }[],
): void {
  drain(saveEventMatchesSteps(db, eventId, matches, perMember));
}

/** saveEventMatches as steps, one per row (drainInSteps runs them with pauses). */
export function* saveEventMatchesSteps(
  db: DB,
  eventId: number,
  matches: readonly RowMatch[],
  perMember: readonly { memberId: number; minutes: number; joins: number; firstJoin: string | null; lastLeave: string | null }[],
): Generator<void, void> {
  const update = db.prepare('UPDATE attendance_rows SET member_id = ?, matched_by = ?, problem = ?, candidates_json = ?, reason = ?, ignored = ? WHERE id = ?');
  for (const m of matches) {
    update.run(m.memberId, m.matchedBy, m.problem, JSON.stringify(m.candidates), m.reason, m.problem === 'ignored' ? 1 : 0, m.rowId);
    yield;
  }
  db.prepare(
    `UPDATE attendance_imports SET
       matched = (SELECT count(*) FROM attendance_rows r WHERE r.import_id = attendance_imports.id AND r.member_id IS NOT NULL),
       unmatched = (SELECT count(*) FROM attendance_rows r WHERE r.import_id = attendance_imports.id AND r.member_id IS NULL)
     WHERE event_id = ?`,
  ).run(eventId);
  db.prepare('DELETE FROM event_attendance WHERE event_id = ?').run(eventId);
  const insert = db.prepare('INSERT INTO event_attendance (event_id, member_id, minutes, joins, first_join, last_leave) VALUES (?, ?, ?, ?, ?, ?)');
  for (const p of perMember) {
    insert.run(eventId, p.memberId, p.minutes, p.joins, p.firstJoin, p.lastLeave);
    yield;
  }
}

/** Minutes and joins per member at an event, the longest present first. */
export function attendeesByMinutes(db: DB, eventId: number): { memberId: number; minutes: number; joins: number; firstJoin: string | null; lastLeave: string | null }[] {
  return db
    .prepare('SELECT member_id AS memberId, minutes, joins, first_join AS firstJoin, last_leave AS lastLeave FROM event_attendance WHERE event_id = ? ORDER BY minutes DESC, member_id')
    .all(eventId) as { memberId: number; minutes: number; joins: number; firstJoin: string | null; lastLeave: string | null }[];
}

/** Attendance of every event, for engagement and the maps. */
export function allAttendance(db: DB): { eventId: number; memberId: number; minutes: number }[] {
  return db.prepare('SELECT event_id AS eventId, member_id AS memberId, minutes FROM event_attendance ORDER BY event_id, member_id').all() as { eventId: number; memberId: number; minutes: number }[];
}

/**
 * SQL counting the events (not cancelled) a member attended; `member` is an SQL expression for
 * the member's ID. The follow-up filters (--never-attended, --attended-less-than) are built on it.
 */
export function attendedEventsSql(member: string): string {
  return `(SELECT count(*) FROM event_attendance ea JOIN events ev ON ev.id = ea.event_id WHERE ev.cancelled = 0 AND ea.member_id = ${member})`;
}

/**
 * SQL: the event `ev` (an alias of events) says who came — not cancelled, over, and with a report
 * of its attendance imported. An event to come, or one whose reports are not in yet, says nothing
 * about its invitees: an invitation to it counts against nobody.
 */
function attendanceTakenSql(ev: string): string {
  return `(${ev}.cancelled = 0 AND datetime(${ev}.start_utc, '+' || ${ev}.duration_minutes || ' minutes') <= datetime('now')
           AND EXISTS (SELECT 1 FROM attendance_imports ai WHERE ai.event_id = ${ev}.id))`;
}

/** The events whose attendance was taken (attendanceTakenSql): engagement's follow-up counts invitations to these only. */
export function eventsWithAttendanceTaken(db: DB): number[] {
  return db.prepare(`SELECT id FROM events ev WHERE ${attendanceTakenSql('ev')} ORDER BY id`).pluck().all() as number[];
}

/** SQL: whether the member was invited to an event whose attendance was taken. */
function invitedSql(member: string): string {
  return `EXISTS (SELECT 1 FROM event_invitations ei JOIN events ev ON ev.id = ei.event_id WHERE ${attendanceTakenSql('ev')} AND ei.member_id = ${member})`;
}

/**
 * SQL conditions of the follow-up filters (events.ts `neverAttended`, `attendedLessThan`): only
 * members the events concerned count — invited to one whose attendance was taken (or at one) —
 * so that a member never invited, or invited only to events to come, is not "never attended";
 * nor one who declined or withdrew, unless the filters' status names them.
 * `@attendedLessThan` is the parameter of the second.
 */
export function attendanceFilterSql(member: string, filters: { neverAttended?: boolean; attendedLessThan?: number; status?: string }): string[] {
  const parts: string[] = [];
  // A member who declined or withdrew is no follow-up's, unless --status names them (model.ts NOT_FOLLOWED_UP)
  if ((filters.neverAttended || filters.attendedLessThan !== undefined) && !filters.status) {
    parts.push(`coalesce((SELECT fm.status FROM members fm WHERE fm.id = ${member}), '') NOT IN (${NOT_FOLLOWED_UP.map((s) => `'${s}'`).join(', ')})`);
  }
  if (filters.neverAttended) parts.push(`${invitedSql(member)} AND ${attendedEventsSql(member)} = 0`);
  if (filters.attendedLessThan !== undefined) {
    parts.push(`(${invitedSql(member)} OR ${attendedEventsSql(member)} > 0) AND ${attendedEventsSql(member)} < @attendedLessThan`);
  }
  return parts;
}

// ------------------------------------------------------------------ the officer's decisions

export interface AttendanceLinkRecord {
  id: number;
  email: string | null;
  nameKey: string | null;
  /** null: rows with this email or name are ignored. */
  memberId: number | null;
  decidedAt: string;
}

export function attendanceLinks(db: DB): AttendanceLinkRecord[] {
  return db
    .prepare('SELECT id, email, name_key AS nameKey, member_id AS memberId, decided_at AS decidedAt FROM attendance_links ORDER BY id')
    .all() as AttendanceLinkRecord[];
}

/** Records (or replaces) a decision for an email, or for a name when the rows have no email. */
export function saveAttendanceLink(db: DB, link: { email: string | null; nameKey: string | null; memberId: number | null }): void {
  if (link.email) {
    db.prepare('DELETE FROM attendance_links WHERE email = ?').run(link.email);
  } else {
    db.prepare('DELETE FROM attendance_links WHERE email IS NULL AND name_key = ?').run(link.nameKey);
  }
  db.prepare('INSERT INTO attendance_links (email, name_key, member_id) VALUES (?, ?, ?)').run(link.email, link.email ? null : link.nameKey, link.memberId);
}

/**
 * Rows whose participant was erased: their name and address go (name set to the marker), the row
 * and its minutes stay, so that the report's rows still add up. With keepMember the row keeps the
 * organisation member it counted for (the organisation did attend); without, it counts for no one.
 * Matching reads the marker (store.ts reportOf).
 */
export function anonymiseAttendanceRows(db: DB, ids: readonly number[], marker: string, options: { keepMember: boolean }): number {
  const update = db.prepare(`UPDATE attendance_rows SET name = ?, names_json = '[]', email = NULL, member_id = CASE WHEN ? THEN member_id END WHERE id = ?`);
  let n = 0;
  for (const id of ids) n += update.run(marker, options.keepMember ? 1 : 0, id).changes;
  return n;
}

export function deleteAttendanceLinksById(db: DB, ids: readonly number[]): number {
  const del = db.prepare('DELETE FROM attendance_links WHERE id = ?');
  let n = 0;
  for (const id of ids) n += del.run(id).changes;
  return n;
}

/** Every row with the fields that may hold a person's name or address (for erase). */
export function attendancePersonalFields(db: DB): { id: number; eventId: number; name: string; names: string[]; email: string | null; memberId: number | null }[] {
  return (db
    .prepare('SELECT r.id, i.event_id AS eventId, r.name, r.names_json, r.email, r.member_id AS memberId FROM attendance_rows r JOIN attendance_imports i ON i.id = r.import_id')
    .all() as { id: number; eventId: number; name: string; names_json: string; email: string | null; memberId: number | null }[]).map((r) => ({
    id: r.id, eventId: r.eventId, name: r.name, names: JSON.parse(r.names_json) as string[], email: r.email, memberId: r.memberId,
  }));
}

/**
 * Each member's names and addresses as attendance matching needs them: its contact people's
 * (an organisation's every contact, a person member's own) and the contacts its applications
 * gave. People who are members in their own right count for themselves only. With each, the
 * organisation it is or works for and its country, which a display name may contradict.
 */
export function memberNamesAndEmails(db: DB): { memberId: number; names: string[]; emails: string[]; organization: string | null; country: string | null }[] {
  const rows = db
    .prepare(
      `SELECT m.id AS memberId, p.name AS name, p.email AS email, 0 AS rank
         FROM members m JOIN people p ON (m.kind = 'person' AND p.id = m.person_id)
                                      OR (m.kind = 'organization' AND p.organization_id = m.organization_id
                                          AND NOT EXISTS (SELECT 1 FROM members pm WHERE pm.kind = 'person' AND pm.person_id = p.id AND pm.merged_into IS NULL))
        WHERE m.merged_into IS NULL
       UNION ALL
       SELECT m.id, a.contact_name, a.email, 1
         FROM members m JOIN applications a ON m.kind = 'organization' AND a.organization_id = m.organization_id AND a.merged_into IS NULL
        WHERE m.merged_into IS NULL
       ORDER BY 1, 4`,
    )
    .all() as { memberId: number; name: string | null; email: string | null }[];
  const byMember = new Map<number, { memberId: number; names: string[]; emails: string[]; organization: string | null; country: string | null }>();
  // the organisation a member is or works for, and its country (a person's own, else the organisation's)
  const where = db
    .prepare(
      `SELECT m.id AS id, o.name AS organization, COALESCE(m.country, o.country) AS country
         FROM members m
         LEFT JOIN people p ON m.kind = 'person' AND p.id = m.person_id
         LEFT JOIN organizations o ON o.id = CASE WHEN m.kind = 'person' THEN COALESCE(m.organization_id, p.organization_id) ELSE m.organization_id END
        WHERE m.merged_into IS NULL ORDER BY m.id`,
    )
    .all() as { id: number; organization: string | null; country: string | null }[];
  for (const w of where) byMember.set(w.id, { memberId: w.id, names: [], emails: [], organization: w.organization, country: w.country });
  for (const r of rows) {
    const m = byMember.get(r.memberId);
    if (!m) continue;
    const name = r.name?.trim();
    const email = r.email?.trim().toLowerCase();
    if (name && !m.names.includes(name)) m.names.push(name);
    if (email && !m.emails.includes(email)) m.emails.push(email);
  }
  return [...byMember.values()];
}

/**
 * Where attendance keeps personal data, in the shape of the erase registry's places
 * (db/personal-data.ts, issue 13): the participants' names and addresses as the reports wrote
 * them, and the officer's decisions keyed on an address or a name. Erase registers these and
 * calls eraseAttendanceOf (events/attendance/store.ts), which also removes the rows that carry the
 * person's name in another order ("Kouassi, Moussa") and matches the events again.
 */
export const ATTENDANCE_PERSONAL_DATA: { table: string; label: string; valueColumns?: string[]; textColumns?: string[]; nameColumns?: string[]; ownRows?: string }[] = [
  {
    table: 'attendance_rows',
    label: "attendance reports: participants' names and email addresses",
    valueColumns: ['email'],
    textColumns: ['name', 'names_json'],
    nameColumns: ['name'],
    ownRows: `lower(email) IN (SELECT value FROM json_each(@emails))
              OR member_id IN (SELECT id FROM members WHERE kind = 'person' AND person_id IN (SELECT value FROM json_each(@people)))`,
  },
  {
    table: 'attendance_links',
    label: "the officer's decisions about attendance rows: email addresses and name keys",
    textColumns: ['name_key'],
    ownRows: 'email IN (SELECT value FROM json_each(@emails))',
  },
];

/**
 * The event's reports grouped by meeting (attendance-minutes.ts groupMeetings), from what each
 * says about itself: its tool, the meeting ID and times of its summary, its rows' joins and
 * leaves; a report that gives no time is taken to be at the event's. `meetingOf` maps an import's
 * ID to its meeting's key (the meeting's first import).
 */
export function eventMeetings(db: DB, eventId: number): { meetings: Meeting[]; meetingOf: Map<number, number> } {
  const event = db.prepare('SELECT start_utc AS start, duration_minutes AS duration FROM events WHERE id = ?').get(eventId) as { start: string; duration: number } | undefined;
  const start = event ? Date.parse(event.start) : NaN;
  const span = Number.isFinite(start) ? { start, end: start + event!.duration * 60_000 } : { start: 0, end: 0 };
  const imports = db.prepare('SELECT id, file, sha256, tool, source, meeting_json FROM attendance_imports WHERE event_id = ? ORDER BY id').all(eventId) as { id: number; file: string; sha256: string; tool: string | null; source: string; meeting_json: string }[];
  const times = db.prepare('SELECT join_time AS joinTime, leave_time AS leaveTime FROM attendance_rows WHERE import_id = ? AND (join_time IS NOT NULL OR leave_time IS NOT NULL)');
  // the officer's "same meeting as FILE" names the import of that content (else, stored before it was kept, the latest of that name)
  const byFile = new Map(imports.map((i) => [i.file, i.id]));
  const bySha = new Map(imports.map((i) => [i.sha256, i.id]));
  const places: ReportPlace[] = imports.map((i) => {
    const meeting = JSON.parse(i.meeting_json) as { meetingId?: string; startTime?: string | null; endTime?: string | null; sameMeetingAs?: string; sameMeetingAsSha256?: string };
    const own = reportSpan(meeting, times.all(i.id) as { joinTime: string | null; leaveTime: string | null }[]);
    const sameAs = meeting.sameMeetingAsSha256 !== undefined ? bySha.get(meeting.sameMeetingAsSha256) : meeting.sameMeetingAs === undefined ? undefined : byFile.get(meeting.sameMeetingAs);
    return { key: i.id, tool: i.tool ?? i.source, meetingId: meeting.meetingId ?? null, start: own?.start ?? null, end: own?.end ?? null, sameMeetingAs: sameAs === i.id ? null : sameAs ?? null };
  });
  const meetings = groupMeetings(places, span);
  const meetingOf = new Map<number, number>();
  for (const m of meetings) for (const r of m.reports) meetingOf.set(r as number, m.key as number);
  return { meetings, meetingOf };
}

/**
 * The minutes per member of every event with several reports, counted again from the stored
 * matches (attendance-minutes.ts: the same meeting once): for databases whose minutes were
 * stored when two reports of one meeting were added up. Returns the members' rows changed.
 */
export function recountMeetingMinutes(db: DB): number {
  const events = db.prepare('SELECT event_id FROM attendance_imports GROUP BY event_id HAVING count(*) > 1 ORDER BY event_id').pluck().all() as number[];
  const rows = db.prepare(
    `SELECT r.member_id AS memberId, r.import_id AS report, r.join_time AS joinTime, r.leave_time AS leaveTime, r.minutes
       FROM attendance_rows r JOIN attendance_imports i ON i.id = r.import_id
      WHERE i.event_id = ? AND r.member_id IS NOT NULL AND r.waiting_room = 0`,
  );
  const update = db.prepare('UPDATE event_attendance SET minutes = ? WHERE event_id = ? AND member_id = ? AND minutes <> ?');
  let changed = 0;
  for (const eventId of events) {
    const { meetingOf } = eventMeetings(db, eventId);
    const byMember = new Map<number, Connection[]>();
    for (const r of rows.all(eventId) as (Connection & { memberId: number; report: number })[]) {
      if (!byMember.has(r.memberId)) byMember.set(r.memberId, []);
      byMember.get(r.memberId)!.push({ ...r, meeting: meetingOf.get(r.report) ?? -r.report });
    }
    for (const [memberId, connections] of byMember) {
      const minutes = attendedMinutes(connections);
      changed += update.run(minutes, eventId, memberId, minutes).changes;
    }
  }
  return changed;
}
