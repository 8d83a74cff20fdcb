import type { AttendanceTool } from '../../db/attendance.js';
import { normaliseName } from '../../geo/normalise.js';
import type { HeaderMatch } from './headers.js';

/** Headers only Webex's attendee list writes (compared as normaliseName folds them). */
const WEBEX_HEADERS = new Set(['display name', 'attendee email', 'attendance duration'].map(normaliseName));

/** The tool that wrote an attendance report, as the officer knows it (one list, with the stored imports'). */
export type ReportTool = AttendanceTool;

/** The tool's name for messages and tables. */
export const TOOL_NAMES: Record<ReportTool, string> = { zoom: 'Zoom', teams: 'Teams', meet: 'Google Meet', webex: 'Webex' };

/**
 * Which tool wrote a report read as Zoom's kind: Google Meet by its own headers ("Time joined",
 * "Time exited") or by first and last name columns where no table says who attended (a Zoom
 * webinar's registrant tables do); Webex by its own headers ("Display Name", "Attendee Email",
 * "Attendance Duration", as its meeting attendee list writes them) or by durations written with
 * "mins" where Zoom writes plain minutes.
 */
export function reportTool(source: 'zoom' | 'teams', tables: readonly { header: readonly string[]; match: HeaderMatch }[], durations: readonly string[]): ReportTool {
  if (source === 'teams') return 'teams';
  const headerOf = (t: { header: readonly string[]; match: HeaderMatch }, field: 'join' | 'leave') => {
    const at = t.match.columns[field];
    return at === undefined ? '' : normaliseName(t.header[at] ?? '');
  };
  const meetSpelling = tables.some((t) => headerOf(t, 'join') === 'time joined' || headerOf(t, 'leave') === 'time exited');
  const namesApart = tables.some((t) => t.match.columns.firstName !== undefined) && !tables.some((t) => t.match.columns.attended !== undefined);
  if (meetSpelling || namesApart) return 'meet';
  const webexSpelling = tables.some((t) => (['name', 'email', 'duration'] as const).some((field) => {
    const at = t.match.columns[field];
    return at !== undefined && WEBEX_HEADERS.has(normaliseName(t.header[at] ?? ''));
  }));
  if (webexSpelling) return 'webex';
  const written = durations.map((d) => d.trim()).filter(Boolean);
  if (written.length && written.every((d) => /\bmins?\b/i.test(d))) return 'webex';
  return 'zoom';
}
