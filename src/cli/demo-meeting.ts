/**
 * The demo's fifth step: the Core Group's first meeting, as an officer runs it with the `event`
 * commands — the roster accepted as the 2020 Core Group, the meeting added, the Core Group
 * invited and split into four breakout groups, the invitations (each member's local time) and
 * the calendar file written, and the sample Zoom and Teams reports read to see who came.
 * Each part is the library call its command makes. People's names are not printed here:
 * members by ID, organisation and country.
 */
import path from 'node:path';
import type { DB } from '../db/connection.js';
import { listMembers } from '../db/members.js';
import { acceptRoster } from '../network/members.js';
import { dataPath } from '../paths.js';
import { importAttendance } from '../events/attendance/store.js';
import { TOOL_NAMES } from '../events/attendance/tools.js';
import { planBreakoutGroups } from '../events/breakout.js';
import { engagementReport } from '../events/engagement-report.js';
import { writeCalendar, writeInvitations, invitationSheet } from '../events/event-files.js';
import { inviteMembers } from '../events/invite.js';
import { addEvent, summarizeEvent } from '../events/manage.js';
import { info, type IO } from './io.js';
import { renderTable } from '../ui/table.js';
import { whenText } from './event-manage.js';
import { memberLabel } from '../ids.js';

export const DEMO_MEETING_FILES = { invitations: 'invitations.csv', calendar: 'core-group-meeting.ics' } as const;

/** The first Core Group meeting of the sample call, as DOMAIN.md tells it. */
export const DEMO_MEETING = {
  title: '1st Core Group meeting', kind: 'meeting', start: '2020-11-19 14:00', timeZone: 'Europe/Zurich', durationMinutes: 120,
  languages: ['en', 'fr', 'es'], groups: 'en=2,fr=1,es=1', cohort: '2020',
  // The sample's secretariat, the host of its Zoom reports: the calendar file's organiser.
  organizer: { name: 'Skills Network Secretariat', email: 'secretariat@example.org' },
} as const;

/** The sample reports read after the meeting: Zoom (plenary, and the rooms hosted from French and Spanish accounts) and Teams (the backup link). */
export const DEMO_REPORTS = ['zoom-participants-en.csv', 'zoom-participants-fr.csv', 'zoom-participants-es.csv', 'teams-attendance-en.csv', 'teams-attendance-fr.csv', 'teams-attendance-es.csv'];

export interface DemoMeeting {
  eventId: number;
  title: string;
  start: string;
  timeZone: string;
  localStart: string;
  coreGroup: number;
  invited: number;
  groups: { id: string; size: number; memberIds: number[] }[];
  groupsOptimal: boolean;
  groupsSolveMs: number;
  unassigned: number[];
  /** Earliest and latest local start among the invitees. */
  earliest: { memberId: number; localStart: string; timeZone: string } | null;
  latest: { memberId: number; localStart: string; timeZone: string } | null;
  multipleZones: number;
  attendance: { rows: number; matched: number; unmatched: number; files: { file: string; source: string; language: string | null; rows: number; matched: number; unmatched: number }[] };
  attendees: { memberId: number; organization: string | null; country: string | null; group: string | null; minutes: number }[];
  neverAttended: number[];
  files: { invitations: string; calendar: string };
  /** A row worth linking by hand, for "Try next". */
  linkExample: { row: number; memberId: number } | null;
}

export async function meetingStep(
  demo: { io: IO; db: DB; out: (s?: string) => void; heading: (n: number, title: string) => void },
  n: number,
  files: { invitations: string; calendar: string },
  roster = 'core-2020',
): Promise<DemoMeeting> {
  const { io, db, out, heading } = demo;
  const m = DEMO_MEETING;
  heading(n, `The Core Group's first meeting: invitations in each member's time, calendar file, breakout groups, who came`);
  info(io, 'Planning the meeting…');
  const coreGroup = acceptRoster(db, roster, { cohort: m.cohort }).members.length;
  const added = addEvent(db, { title: m.title, kind: m.kind, start: m.start, timeZone: m.timeZone, durationMinutes: m.durationMinutes, languages: [...m.languages] });
  const eventId = added.id!;
  const summary = summarizeEvent(added.event, undefined);
  const invited = inviteMembers(db, eventId, { role: 'core-group', cohort: m.cohort });
  const plan = await planBreakoutGroups(db, eventId, { by: 'language', groups: m.groups });
  const target = { cwd: io.cwd, force: true };
  const invitations = await writeInvitations(db, eventId, { ...target, out: files.invitations });
  writeCalendar(db, eventId, { ...target, out: files.calendar, organizer: { ...m.organizer } });
  const sheet = invitationSheet(db, eventId).rows.filter((r) => r.localStart);
  const byLocal = [...sheet].sort((a, b) => a.localStart.slice(11, 16).localeCompare(b.localStart.slice(11, 16)) || a.memberId - b.memberId);
  const pick = (r: (typeof sheet)[number] | undefined) => (r ? { memberId: r.memberId, localStart: r.localStart, timeZone: r.timeZone } : null);
  const earliest = pick(byLocal[0]);
  const latest = pick(byLocal[byLocal.length - 1]);

  out(`Roster ${roster} accepted as the ${m.cohort} Core Group (${coreGroup} members). Event ${eventId}: "${m.title}", ${whenText(summary)}, in ${m.languages.join(', ')}; ${invited.total} invited.`);
  const clock = (x: NonNullable<typeof earliest>) => `${x.localStart.slice(11, 16)} in ${x.timeZone} (${memberLabel(x.memberId)}${x.localStart.slice(0, 10) !== summary.start.slice(0, 10) ? `, ${x.localStart.slice(0, 10)}` : ''})`;
  if (earliest && latest) {
    out(`In the members' own time it starts from ${clock(earliest)} to ${clock(latest)}` +
      (invitations.multipleZones ? `; ${invitations.multipleZones} live in countries with several time zones: the capital's time, flagged for checking.` : '.'));
  }
  out(renderTable(io, ['group', 'members', 'member IDs', 'regions'], plan.groups.map((g) => [
    g.id, g.size, g.memberIds.map(memberLabel).join(', '), Object.entries(g.regions).map(([r, k]) => `${r} ${k}`).join(', '),
  ])).trimEnd());
  out(`Four breakout groups, sizes within one of each other, regions spread as evenly as they can be — ${plan.optimal ? 'proven optimal' : 'not proven optimal'} (HiGHS, ${plan.solveMs} ms)` +
    (plan.unassigned.length ? `; in no group: ${plan.unassigned.map((u) => memberLabel(u.memberId)).join(', ')}.` : '.'));
  const rel = (f: string) => path.relative(io.cwd, f) || f;
  out(renderTable(io, ['file', 'what it is', 'open it with'], [
    [rel(files.invitations), `${invitations.rows} invitations: email, given name, salutation, language, group, local time`, 'a mail merge (Word, Outlook, Thunderbird)'],
    [rel(files.calendar), 'the meeting as a calendar entry (same UID on every export)', 'Outlook, Google Calendar, Apple Calendar'],
  ]).trimEnd());

  info(io, 'Reading the attendance reports…');
  const reports = DEMO_REPORTS.map((f) => ({ path: dataPath('sample', 'events', f) }));
  const attendance = await importAttendance(db, eventId, reports);
  out(`\nAfter the meeting: the Zoom and Teams reports (data/sample/events/), in English, French and Spanish.`);
  out(renderTable(io, ['report', 'tool', 'language', 'rows', 'matched', 'not matched'], attendance.files.map((f) => [
    f.file, TOOL_NAMES[f.tool], f.language ?? '?', f.rows, f.matched, f.unmatched,
  ])).trimEnd());
  const invitedIds = new Set(listMembers(db, { role: 'core-group', cohort: m.cohort }).map((x) => x.id));
  const members = new Map(listMembers(db, { ids: attendance.attendees.map((a) => a.memberId) }).map((x) => [x.id, x]));
  const groupOf = new Map(plan.groups.flatMap((g) => g.memberIds.map((id) => [id, g.id] as const)));
  const attendees = attendance.attendees.map((a) => ({
    memberId: a.memberId, organization: members.get(a.memberId)?.organization ?? null, country: members.get(a.memberId)?.country ?? null,
    group: groupOf.get(a.memberId) ?? null, minutes: a.minutes,
  }));
  out(`${attendance.rows} rows: ${attendance.matched} matched to members (by email, then by name), ${attendance.unmatched} not — every row accounted for. Who attended, minutes summed over re-joins and reports:`);
  out(renderTable(io, ['member', 'organisation', 'country', 'group', 'minutes'], attendees.map((a) => [memberLabel(a.memberId), a.organization, a.country, a.group, a.minutes])).trimEnd());
  const kinds = new Map<string, number>();
  for (const u of attendance.unmatchedRows) kinds.set(u.problem, (kinds.get(u.problem) ?? 0) + 1);
  const shared = (kinds.get('name-shared') ?? 0) + (kinds.get('email-shared') ?? 0);
  out(`Not matched: ${kinds.get('unknown') ?? 0} rows whose email and name are no member's (mostly the secretariat, interpreters and guests)` +
    (shared ? `, ${shared} with a name or an email two members share` : '') + ` — for you to link or ignore (skillsnet event show ${eventId} lists them).`);

  const engagement = engagementReport(db, { filters: { role: 'core-group', cohort: m.cohort }, all: true });
  const never = engagement.filter((e) => e.attended === 0).map((e) => e.memberId);
  const short = attendees.filter((a) => a.minutes < (m.durationMinutes * 3) / 4);
  out(`Engagement: ${attendees.filter((a) => invitedIds.has(a.memberId)).length} of ${invitedIds.size} Core Group members came` +
    (never.length ? `; never attended: ${never.map((id) => describe(db, id)).join(', ')}` : '') +
    (short.length ? `; stayed less than three quarters of the meeting: ${short.map((a) => `${memberLabel(a.memberId)} (${a.minutes} min)`).join(', ')}` : '') + '.');
  const ambiguous = attendance.unmatchedRows.find((u) => u.problem === 'name-shared' && u.candidates.length);
  return {
    eventId, title: m.title, start: summary.start, timeZone: summary.timeZone, localStart: summary.localStart, coreGroup, invited: invited.total,
    groups: plan.groups.map((g) => ({ id: g.id, size: g.size, memberIds: g.memberIds })), groupsOptimal: plan.optimal, groupsSolveMs: plan.solveMs,
    unassigned: plan.unassigned.map((u) => u.memberId), earliest, latest, multipleZones: invitations.multipleZones,
    attendance: {
      rows: attendance.rows, matched: attendance.matched, unmatched: attendance.unmatched,
      files: attendance.files.map((f) => ({ file: f.file, source: f.source, language: f.language, rows: f.rows, matched: f.matched, unmatched: f.unmatched })),
    },
    attendees, neverAttended: never, files,
    linkExample: ambiguous ? { row: ambiguous.row, memberId: ambiguous.candidates[0]! } : null,
  };
}

function describe(db: DB, memberId: number): string {
  const m = listMembers(db, { ids: [memberId] })[0];
  return m ? `${memberLabel(memberId)} (${m.organization ?? '?'}, ${m.country ?? '?'})` : memberLabel(memberId);
}
