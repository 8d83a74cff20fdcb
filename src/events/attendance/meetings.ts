/**
 * What the officer is told about the meetings of an event's reports (attendance-minutes.ts
 * groupMeetings): where several reports of one meeting had a member's minutes counted once, and
 * where a report that gives no time could be of several meetings and was counted as its own.
 * Names files, dates and counts, never a participant.
 */
import type { DB } from '../../db/connection.js';
import { attendanceImports, attendanceRows, eventMeetings } from '../../db/attendance.js';
import { attendedMinutesDetail, type Connection, type Meeting } from '../../attendance-minutes.js';
import { requireEvent } from '../manage.js';
import { TOOL_NAMES, type ReportTool } from './tools.js';

/**
 * One line per meeting of the event where it mattered: several reports counted once for some
 * member, or a report without times undecided between meetings. `imports`: only meetings with
 * one of these imports (or, for an undecided report, with one of its possible meetings').
 */
export function meetingWarnings(db: DB, eventId: number, imports?: ReadonlySet<number>): string[] {
  const { meetings, meetingOf } = eventMeetings(db, eventId);
  const touches = (keys: readonly (string | number)[]) => !imports || keys.some((r) => imports.has(r as number));
  const fileOf = new Map(attendanceImports(db, eventId).map((i) => [i.id, i]));
  const zone = requireEvent(db, eventId).timeZone;
  const day = (m: Meeting) => new Date(m.start).toLocaleDateString('en-CA', { timeZone: zone });
  const file = (r: string | number) => fileOf.get(r as number)?.file ?? `import ${r}`;
  const out = sharedMeetings(db, eventId, meetingOf, meetings.filter((m) => m.reports.length > 1 && touches(m.reports)), { file, day });
  for (const m of meetings) {
    if (!m.undecided) continue;
    const choices = m.undecided.map((k) => meetings.find((x) => x.key === k)!);
    if (!touches([...m.reports, ...choices.flatMap((c) => c.reports)])) continue;
    const tool = fileOf.get(m.key as number)?.tool as ReportTool | undefined;
    const listed = choices.map((c) => `${c.reports.map(file).join(' + ')} on ${day(c)}${c.meetingId ? ` (ID ${c.meetingId})` : ''}`);
    // (Zoom names a report after its meeting's ID: a recurring meeting's days are files of one name)
    const names = choices.flatMap((c) => c.reports.map(file));
    const path = new Set(names).size < names.length ? ' — its path, as some of them have one name' : '';
    out.push(`${m.reports.map(file).join(', ')}: gives no meeting time${m.meetingId ? '' : ' or ID'}, and the event has ${choices.length} ${tool && tool !== 'unknown' ? `${TOOL_NAMES[tool]} ` : ''}meetings (${listed.join('; ')}): ` +
      `its minutes were counted as a meeting of their own, added to theirs; if it is one of them, import it again with --same-meeting-as ${file(choices[0]!.reports[0]!)} (or another of their files${path})`);
  }
  return out;
}

/** The meetings several reports describe where some member's minutes were counted once instead of added up. */
function sharedMeetings(db: DB, eventId: number, meetingOf: ReadonlyMap<number, number>, shared: readonly Meeting[], name: { file: (r: string | number) => string; day: (m: Meeting) => string }): string[] {
  if (!shared.length) return [];
  const rows = attendanceRows(db, eventId).filter((r) => r.memberId !== null && !r.waitingRoom);
  const byMember = new Map<number, Connection[]>();
  for (const r of rows) {
    if (!byMember.has(r.memberId!)) byMember.set(r.memberId!, []);
    byMember.get(r.memberId!)!.push({ joinTime: r.joinTime, leaveTime: r.leaveTime, minutes: r.minutes, report: r.importId, meeting: meetingOf.get(r.importId) ?? -r.importId });
  }
  const details = [...byMember.values()].map((c) => attendedMinutesDetail(c).meetings);
  const out: string[] = [];
  for (const m of shared) {
    const members = details.filter((d) => {
      const x = d.get(m.key);
      return x !== undefined && x.reports > 1 && Math.round(x.summed) > Math.round(x.counted);
    }).length;
    if (!members) continue;
    const files = m.reports.map(name.file);
    const untimed = m.untimed.map(name.file);
    const which = m.meetingId ? `ID ${m.meetingId}, ${name.day(m)}` : name.day(m);
    out.push(`${files.join(', ')}: ${files.length} reports of the same meeting (${which}): minutes counted once for ${members} member${members === 1 ? '' : 's'} ` +
      `(the time connected, or the most one report gives), not added up` +
      (untimed.length ? `; ${untimed.join(', ')} gives no meeting time and was taken to be of this meeting; if it is another session, export it with its meeting data (Zoom: "Export with meeting data") so that its times tell, or import it again with --same-meeting-as naming that session's report` : ''));
  }
  return out;
}
