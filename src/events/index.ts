/**
 * The events library (issue 14): what the `event …` and `engagement` commands call. Domain only:
 * plain inputs, typed results, no printing; the CLI and the database wire it up.
 */
export * from './types.js';
export * from './timezones.js';
export * from './event.js';
export * from './texts.js';
export * from './invitations.js';
export * from './ics.js';
export * from './groups.js';
export * from './engagement.js';
export { readAttendanceReport, type AttendanceRow, type AttendanceFile, type AttendanceReport, type ReadReportOptions, type ReportSource, type ReportTable } from './attendance/report.js';
export { matchAttendance, nameKey, neutralReason, type MatchOptions, type UnmatchedProblem, type AttendanceMember, type AttendanceLink, type AttendanceResult, type AttendanceFileResult, type MatchedRow, type UnmatchedRow, type MemberAttendance } from './attendance/match.js';
export { durationSeconds, decideDateOrder, type OrderDecision } from './attendance/times.js';
export type { MeetingSummary } from './attendance/zoom.js';
