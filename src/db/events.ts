/**
 * SQL of the Network's events (migration 30): the events themselves, who is invited and in
 * which breakout group. What a valid event is lives in src/events/event.ts; this file only
 * stores and reads.
 */
import { cachedStatement, type DB } from './connection.js';
import { attendedMinutes, type Connection } from '../attendance-minutes.js';
import type { Change } from './history.js';
import { eventMeetings } from './attendance.js';
import type { EventKind, NetworkEvent } from '../event-model.js';

/** An event as stored, with its ID and bookkeeping. */
export interface StoredEvent extends NetworkEvent {
  id: number;
  /** The start instant in UTC (ISO 8601). */
  startUtc: string;
  location: string | null;
  cancelled: boolean;
  /** Edits since the event was first written (the calendar file's SEQUENCE). */
  sequence: number;
  createdAt: string;
  updatedAt: string;
}

interface EventRow {
  id: number; title: string; kind: EventKind; start_local: string; time_zone: string; start_utc: string; duration_minutes: number;
  languages_json: string; presenter_id: number | null; topic_category: string | null; location: string | null; cancelled: number;
  sequence: number; created_at: string; updated_at: string;
}

function toEvent(r: EventRow): StoredEvent {
  return {
    id: r.id, title: r.title, kind: r.kind, start: r.start_local, timeZone: r.time_zone, startUtc: r.start_utc,
    durationMinutes: r.duration_minutes, languages: JSON.parse(r.languages_json) as string[],
    ...(r.presenter_id !== null ? { presenterId: r.presenter_id } : {}),
    ...(r.topic_category !== null ? { topicCategory: r.topic_category } : {}),
    location: r.location, cancelled: r.cancelled === 1, sequence: r.sequence, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export interface EventRecord {
  title: string;
  kind: EventKind;
  start: string;
  timeZone: string;
  startUtc: string;
  durationMinutes: number;
  languages: string[];
  presenterId: number | null;
  topicCategory: string | null;
  location: string | null;
}

function params(e: EventRecord) {
  return {
    title: e.title, kind: e.kind, start: e.start, timeZone: e.timeZone, startUtc: e.startUtc, duration: e.durationMinutes,
    languages: JSON.stringify(e.languages), presenter: e.presenterId, topic: e.topicCategory, location: e.location,
  };
}

export function insertEvent(db: DB, e: EventRecord): number {
  const info = db
    .prepare(
      `INSERT INTO events (title, kind, start_local, time_zone, start_utc, duration_minutes, languages_json, presenter_id, topic_category, location)
       VALUES (@title, @kind, @start, @timeZone, @startUtc, @duration, @languages, @presenter, @topic, @location)`,
    )
    .run(params(e));
  return Number(info.lastInsertRowid);
}

/** Replaces the event's fields and counts the edit (sequence + 1), so calendars update the entry. */
export function updateEvent(db: DB, id: number, e: EventRecord): void {
  db.prepare(
    `UPDATE events SET title = @title, kind = @kind, start_local = @start, time_zone = @timeZone, start_utc = @startUtc,
            duration_minutes = @duration, languages_json = @languages, presenter_id = @presenter, topic_category = @topic,
            location = @location, sequence = sequence + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
      WHERE id = @id`,
  ).run({ ...params(e), id });
}

export function setEventCancelled(db: DB, id: number, cancelled: boolean): void {
  db.prepare(`UPDATE events SET cancelled = ?, sequence = sequence + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(cancelled ? 1 : 0, id);
}

export function getEvent(db: DB, id: number): StoredEvent | undefined {
  const r = db.prepare('SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined;
  return r ? toEvent(r) : undefined;
}

/** Every event, earliest first. */
export function listEvents(db: DB): StoredEvent[] {
  return (db.prepare('SELECT * FROM events ORDER BY start_utc, id').all() as EventRow[]).map(toEvent);
}

/** Per event: invited, in a group, attended (members), attendance rows and the unmatched among them. */
export interface EventCounts {
  invited: number;
  grouped: number;
  attended: number;
  rows: number;
  unmatched: number;
}

export function eventCounts(db: DB): Map<number, EventCounts> {
  const rows = db
    .prepare(
      `SELECT e.id,
              (SELECT count(*) FROM event_invitations i WHERE i.event_id = e.id) AS invited,
              (SELECT count(*) FROM event_groups g WHERE g.event_id = e.id) AS grouped,
              (SELECT count(*) FROM event_attendance a WHERE a.event_id = e.id) AS attended,
              (SELECT count(*) FROM attendance_rows r JOIN attendance_imports ai ON ai.id = r.import_id WHERE ai.event_id = e.id) AS rows,
              (SELECT count(*) FROM attendance_rows r JOIN attendance_imports ai ON ai.id = r.import_id WHERE ai.event_id = e.id AND r.member_id IS NULL) AS unmatched
         FROM events e`,
    )
    .all() as ({ id: number } & EventCounts)[];
  return new Map(rows.map(({ id, ...c }) => [id, c]));
}

// ------------------------------------------------------------------ invitations

export interface InvitationRecord {
  memberId: number;
  source: string;
  invitedAt: string;
}

/** Invites members (those already invited keep their first invitation); returns the member IDs newly invited. */
export function addInvitations(db: DB, eventId: number, memberIds: readonly number[], source: string): number[] {
  const insert = db.prepare('INSERT INTO event_invitations (event_id, member_id, source) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const added: number[] = [];
  for (const id of memberIds) if (insert.run(eventId, id, source).changes > 0) added.push(id);
  return added;
}

/** Withdraws invitations (and the breakout groups of those members); returns how many were removed. */
export function removeInvitations(db: DB, eventId: number, memberIds: readonly number[]): number {
  const del = db.prepare('DELETE FROM event_invitations WHERE event_id = ? AND member_id = ?');
  const delGroup = db.prepare('DELETE FROM event_groups WHERE event_id = ? AND member_id = ?');
  let n = 0;
  for (const id of memberIds) {
    n += del.run(eventId, id).changes;
    delGroup.run(eventId, id);
  }
  return n;
}

export function listInvitations(db: DB, eventId: number): InvitationRecord[] {
  return db
    .prepare('SELECT member_id AS memberId, source, invited_at AS invitedAt FROM event_invitations WHERE event_id = ? ORDER BY member_id')
    .all(eventId) as InvitationRecord[];
}

/** Every invitation of every event, for engagement. */
export function allInvitations(db: DB): { eventId: number; memberId: number }[] {
  return db.prepare('SELECT event_id AS eventId, member_id AS memberId FROM event_invitations ORDER BY event_id, member_id').all() as { eventId: number; memberId: number }[];
}

/** One event in a member's history: invited, attended (minutes), presented. */
export interface MemberEventRecord {
  eventId: number;
  title: string;
  kind: EventKind;
  startUtc: string;
  cancelled: boolean;
  invited: boolean;
  /** Minutes attended; null when the member did not attend (or no report says so). */
  minutes: number | null;
  presented: boolean;
}

/** The events a member was invited to, attended or presented at, earliest first. */
export function memberEvents(db: DB, memberId: number): MemberEventRecord[] {
  return (db
    .prepare(
      `SELECT e.id AS eventId, e.title, e.kind, e.start_utc AS startUtc, e.cancelled,
              EXISTS (SELECT 1 FROM event_invitations i WHERE i.event_id = e.id AND i.member_id = @m) AS invited,
              (SELECT a.minutes FROM event_attendance a WHERE a.event_id = e.id AND a.member_id = @m) AS minutes,
              coalesce(e.presenter_id = @m, 0) AS presented
         FROM events e
        WHERE e.presenter_id = @m
           OR EXISTS (SELECT 1 FROM event_invitations i WHERE i.event_id = e.id AND i.member_id = @m)
           OR EXISTS (SELECT 1 FROM event_attendance a WHERE a.event_id = e.id AND a.member_id = @m)
        ORDER BY e.start_utc, e.id`,
    )
    .all({ m: memberId }) as { eventId: number; title: string; kind: EventKind; startUtc: string; cancelled: number; invited: number; minutes: number | null; presented: number }[])
    .map((r) => ({ ...r, cancelled: r.cancelled === 1, invited: r.invited === 1, presented: r.presented === 1 }));
}

// ------------------------------------------------------------------ breakout groups

export interface GroupRunRecord {
  by: string;
  spec: string;
  optimal: boolean;
  solveMs: number | null;
  summary: unknown;
  madeAt: string;
}

/** Replaces the event's groups with a new plan. */
export function saveGroups(db: DB, eventId: number, run: Omit<GroupRunRecord, 'madeAt'>, groups: readonly { memberId: number; groupId: string; language: string }[]): void {
  db.prepare('DELETE FROM event_groups WHERE event_id = ?').run(eventId);
  db.prepare(
    `INSERT INTO event_group_runs (event_id, by, spec, optimal, solve_ms, summary_json) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (event_id) DO UPDATE SET by = excluded.by, spec = excluded.spec, optimal = excluded.optimal, solve_ms = excluded.solve_ms,
       summary_json = excluded.summary_json, made_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
  ).run(eventId, run.by, run.spec, run.optimal ? 1 : 0, run.solveMs, JSON.stringify(run.summary));
  const insert = db.prepare('INSERT INTO event_groups (event_id, member_id, group_id, language) VALUES (?, ?, ?, ?)');
  for (const g of groups) insert.run(eventId, g.memberId, g.groupId, g.language);
}

export function groupRun(db: DB, eventId: number): GroupRunRecord | undefined {
  const r = db.prepare('SELECT * FROM event_group_runs WHERE event_id = ?').get(eventId) as
    | { by: string; spec: string; optimal: number; solve_ms: number | null; summary_json: string; made_at: string }
    | undefined;
  return r ? { by: r.by, spec: r.spec, optimal: r.optimal === 1, solveMs: r.solve_ms, summary: JSON.parse(r.summary_json), madeAt: r.made_at } : undefined;
}

/** member ID -> group ID ('en-1') of the event. */
export function groupsOfEvent(db: DB, eventId: number): Map<number, string> {
  const rows = db.prepare('SELECT member_id AS memberId, group_id AS groupId FROM event_groups WHERE event_id = ? ORDER BY group_id, member_id').all(eventId) as { memberId: number; groupId: string }[];
  return new Map(rows.map((r) => [r.memberId, r.groupId]));
}

/** Moves a member's invitations, groups, presentations and attendance to another (after a merge of the two). */
export function moveEventRecords(db: DB, fromMemberId: number, toMemberId: number): void {
  db.prepare('UPDATE OR IGNORE event_invitations SET member_id = ? WHERE member_id = ?').run(toMemberId, fromMemberId);
  db.prepare('DELETE FROM event_invitations WHERE member_id = ?').run(fromMemberId);
  db.prepare('UPDATE OR IGNORE event_groups SET member_id = ? WHERE member_id = ?').run(toMemberId, fromMemberId);
  db.prepare('DELETE FROM event_groups WHERE member_id = ?').run(fromMemberId);
  db.prepare('UPDATE events SET presenter_id = ? WHERE presenter_id = ?').run(toMemberId, fromMemberId);
  db.prepare('UPDATE attendance_rows SET member_id = ? WHERE member_id = ?').run(toMemberId, fromMemberId);
  db.prepare('UPDATE attendance_links SET member_id = ? WHERE member_id = ?').run(toMemberId, fromMemberId);
}

/** Two members' minutes at one event without their connections: added, but never more than from the first join to the last leave. */
function cappedMinutes(x: { minutes: number; firstJoin: string | null; lastLeave: string | null }, y: typeof x): number {
  const times = (xs: (string | null)[]) => xs.filter((t): t is string => Boolean(t)).map((t) => Date.parse(t)).filter(Number.isFinite);
  const joined = times([x.firstJoin, y.firstJoin]);
  const left = times([x.lastLeave, y.lastLeave]);
  const window = joined.length && left.length ? Math.round((Math.max(...left) - Math.min(...joined)) / 60_000) : NaN;
  const sum = x.minutes + y.minutes;
  return Number.isFinite(window) && window >= 0 ? Math.min(sum, Math.max(window, x.minutes, y.minutes)) : sum;
}

/**
 * moveEventRecords as part of an officer's change (a merge of two members), every write recorded
 * so that unmerge puts each row back: invitations, groups, presentations, attendance rows, links
 * and minutes move to the member kept; where both already had one for an event, the merged
 * member's goes (joins added to the kept one's; the minutes counted again from both members'
 * connections, as one member's: two people of one organisation at one meeting overlap).
 */
export function moveEventRecordsRecorded(db: DB, change: Change, fromMemberId: number, toMemberId: number): number {
  let moved = 0;
  for (const table of ['event_invitations', 'event_groups']) {
    const rows = db.prepare(`SELECT rowid AS rowid, event_id AS eventId FROM ${table} WHERE member_id = ?`).all(fromMemberId) as { rowid: number; eventId: number }[];
    for (const r of rows) {
      const taken = db.prepare(`SELECT 1 FROM ${table} WHERE event_id = ? AND member_id = ?`).get(r.eventId, toMemberId);
      if (taken) change.remove(table, r.rowid);
      else change.update(table, r.rowid, 'member_id', toMemberId);
      moved++;
    }
  }
  const attendance = db.prepare('SELECT rowid AS rowid, event_id AS eventId, minutes, joins, first_join AS firstJoin, last_leave AS lastLeave FROM event_attendance WHERE member_id = ?').all(fromMemberId) as { rowid: number; eventId: number; minutes: number; joins: number; firstJoin: string | null; lastLeave: string | null }[];
  for (const a of attendance) {
    const kept = db.prepare('SELECT rowid AS rowid, minutes, joins, first_join AS firstJoin, last_leave AS lastLeave FROM event_attendance WHERE event_id = ? AND member_id = ?').get(a.eventId, toMemberId) as { rowid: number; minutes: number; joins: number; firstJoin: string | null; lastLeave: string | null } | undefined;
    if (!kept) change.update('event_attendance', a.rowid, 'member_id', toMemberId);
    else {
      // Both members' connections, counted as one member's (attendedMinutes: overlaps once), when
      // the reports are still there; else never more than from the first join to the last leave.
      // Reports of the same meeting count the time once, as at the import (eventMeetings).
      const { meetingOf } = eventMeetings(db, a.eventId);
      const connections = (cachedStatement(db,
        `SELECT r.join_time AS joinTime, r.leave_time AS leaveTime, r.minutes, r.import_id AS report FROM attendance_rows r JOIN attendance_imports i ON i.id = r.import_id
          WHERE i.event_id = ? AND r.member_id IN (?, ?) AND r.waiting_room = 0`,
      ).all(a.eventId, fromMemberId, toMemberId) as (Connection & { report: number })[]).map((c) => ({ ...c, meeting: meetingOf.get(c.report) ?? -c.report }));
      change.update('event_attendance', kept.rowid, 'minutes', connections.length ? attendedMinutes(connections) : cappedMinutes(kept, a));
      change.update('event_attendance', kept.rowid, 'joins', kept.joins + a.joins);
      if (a.firstJoin && (!kept.firstJoin || a.firstJoin < kept.firstJoin)) change.update('event_attendance', kept.rowid, 'first_join', a.firstJoin);
      if (a.lastLeave && (!kept.lastLeave || a.lastLeave > kept.lastLeave)) change.update('event_attendance', kept.rowid, 'last_leave', a.lastLeave);
      change.remove('event_attendance', a.rowid);
    }
    moved++;
  }
  for (const [table, column] of [['events', 'presenter_id'], ['attendance_rows', 'member_id'], ['attendance_links', 'member_id']] as const) {
    for (const rowid of db.prepare(`SELECT rowid FROM ${table} WHERE ${column} = ?`).pluck().all(fromMemberId) as number[]) {
      change.update(table, rowid, column, toMemberId);
      moved++;
    }
  }
  return moved;
}

/** Deletes an event (its invitations, groups and attendance go with it, by the schema's cascades). */
export function deleteEventById(db: DB, id: number): void {
  db.prepare('DELETE FROM events WHERE id = ?').run(id);
}
