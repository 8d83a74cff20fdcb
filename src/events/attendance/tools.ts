import type { AttendanceTool } from '../../db/attendance.js';
import { normaliseName } from '../../geo/normalise.js';
import type { HeaderMatch } from './headers.js';

/** Headers only Webex's attendee list writes, in English and as translated (compared as normaliseName folds them). */
const WEBEX_HEADERS = new Set(['display name', 'attendee email', 'attendance duration', "Nom d'affichage", 'Durée de présence', 'Nombre para mostrar', 'Correo electrónico del asistente', 'Nome de exibição'].map(normaliseName));
/** Zoom's own name headers, "(Original Name)" in each language: a Zoom table even beside a last-name column. */
const ZOOM_NAME_HEADERS = new Set(['Name (Original Name)', 'User Name (Original Name)', "Nom (nom d'origine)", "Nom d'utilisateur (nom d'origine)", 'Nom (nom original)', 'Nombre (nombre original)', 'Nombre de usuario (nombre original)', 'Nome (nome original)', 'Nome de usuário (nome original)'].map(normaliseName));
/** Columns of BigBlueButton's learning dashboard ("Download session data") that no other report has. */
const BIGBLUEBUTTON_HEADERS = new Set(['Activity Score', 'Talk Time', 'Webcam Time', 'Raise Hands'].map(normaliseName));
/** Blackboard Collaborate's attendance report writes its headers as one word. */
const COLLABORATE_HEADERS = new Set(['NameOfAttendee', 'AttendeeFirstJoinTime', 'AttendeeTotalTimeInSession'].map(normaliseName));

/**
 * Tools whose reports give their times in UTC whatever the account's zone (Blackboard
 * Collaborate says so in its documentation): read in UTC unless the officer names a zone.
 */
export const UTC_TOOLS: ReadonlySet<ReportTool> = new Set(['collaborate']);

/** The tool that wrote an attendance report, as the officer knows it (one list, with the stored imports'). */
export type ReportTool = AttendanceTool;

/** The tool's name for messages and tables. */
export const TOOL_NAMES: Record<ReportTool, string> = { zoom: 'Zoom', teams: 'Teams', meet: 'Google Meet', webex: 'Webex', bigbluebutton: 'BigBlueButton', collaborate: 'Blackboard Collaborate', unknown: 'unknown tool' };

/**
 * Which tool wrote a report read as Zoom's kind: BigBlueButton and Blackboard Collaborate by the
 * columns only they write (headerTool); Google Meet by its own headers ("Time joined",
 * "Time exited"); then Webex by its own headers (named below), before any guess from name columns;
 * else, where no table says who attended (a Zoom webinar's registrant tables do) and the name
 * column is not Zoom's own "(Original Name)", a name in two columns: Meet by its own pair ("First
 * name"/"Last name"; Spanish and Portuguese sheets' bare "Nombre"/"Nome" beside "Apellido"/
 * "Sobrenome"), and 'unknown' by any other ("Name"/"Surname"): no tool's header says which.
 * Webex's headers are "Display Name", "Attendee Email", "Attendance Duration" (as its meeting
 * attendee list writes them, and their translations); else Webex by durations written with "mins"
 * where Zoom writes plain minutes.
 */
export function reportTool(source: 'zoom' | 'teams', tables: readonly { header: readonly string[]; match: HeaderMatch }[], durations: readonly string[]): ReportTool {
  if (source === 'teams') return 'teams';
  const own = headerTool(tables.map((t) => t.header));
  if (own) return own;
  const headerOf = (t: { header: readonly string[]; match: HeaderMatch }, field: 'join' | 'leave') => {
    const at = t.match.columns[field];
    return at === undefined ? '' : normaliseName(t.header[at] ?? '');
  };
  const meetSpelling = tables.some((t) => headerOf(t, 'join') === 'time joined' || headerOf(t, 'leave') === 'time exited');
  if (meetSpelling) return 'meet';
  // a tool's own headers outweigh the guess from name columns below: Webex and Zoom lists may carry a last name too
  const webexSpelling = tables.some((t) => (['name', 'email', 'duration'] as const).some((field) => {
    const at = t.match.columns[field];
    return at !== undefined && WEBEX_HEADERS.has(normaliseName(t.header[at] ?? ''));
  }));
  if (webexSpelling) return 'webex';
  const zoomSpelling = tables.some((t) => t.match.columns.name !== undefined && ZOOM_NAME_HEADERS.has(normaliseName(t.header[t.match.columns.name] ?? '')));
  // a name in two columns: Meet's own pair ("First name"/"Last name", "Prénom"/"Nom", "Nombre"/"Apellido",
  // "Nome"/"Sobrenome"); any other ("Name"/"Surname", "Given Name"/"Family Name") is no tool's own
  const namesApart = tables.some((t) => t.match.columns.firstName !== undefined || t.match.columns.lastName !== undefined) && !tables.some((t) => t.match.columns.attended !== undefined);
  if (namesApart && !zoomSpelling) return tables.some(meetNamePair) ? 'meet' : 'unknown';
  if (webexDurations(durations)) return 'webex';
  return 'zoom';
}

/** Durations written with "mins" ("45 mins"), as Webex writes them where Zoom writes plain minutes and Teams "1h 2m 3s". */
export function webexDurations(durations: readonly string[]): boolean {
  const written = durations.map((d) => d.trim()).filter(Boolean);
  return written.length > 0 && written.every((d) => /\bmins?\b/i.test(d));
}

/** Google Meet's first and last name headers, in each language its sheet is read in ("first|last", folded). */
const MEET_NAME_PAIRS = new Set([['First name', 'Last name'], ['Prénom', 'Nom'], ['Nombre', 'Apellido'], ['Nome', 'Sobrenome']].map(([given, family]) => `${normaliseName(given!)}|${normaliseName(family!)}`));

/** Whether a table's name columns are Meet's pair: its first name (or a bare name column) beside its last name (or a bare one). */
function meetNamePair(t: { header: readonly string[]; match: HeaderMatch }): boolean {
  const c = t.match.columns;
  const given = c.firstName ?? c.name;
  const family = c.lastName ?? c.name;
  if (given === undefined || family === undefined || given === family) return false;
  return MEET_NAME_PAIRS.has(`${normaliseName(t.header[given] ?? '')}|${normaliseName(t.header[family] ?? '')}`);
}

/** BigBlueButton or Blackboard Collaborate, by the headers only they write; else null. */
export function headerTool(headers: readonly (readonly string[])[]): ReportTool | null {
  const has = (set: ReadonlySet<string>) => headers.some((h) => h.some((cell) => set.has(normaliseName(cell))));
  if (has(COLLABORATE_HEADERS)) return 'collaborate';
  if (has(BIGBLUEBUTTON_HEADERS)) return 'bigbluebutton';
  return null;
}

/** Google Meet's own join and leave headers. */
const MEET_TIME_HEADERS = new Set(['time joined', 'time exited'].map(normaliseName));

/**
 * Whether a header row has a column only another tool than Teams writes (Webex's "Display Name"
 * or "Attendee Email", Zoom's "Name (Original Name)", Meet's "Time joined", BigBlueButton's and
 * Collaborate's own), or whose durations are Webex's ("45 mins"): a "Role" column beside them does
 * not make the report Teams' (a Webex list with its Role column was read, and named, as a Teams report).
 */
export function otherToolThanTeams(header: readonly string[], durations: readonly string[] = []): boolean {
  // (Webex's list may name its columns plainly, "Name", "Duration": its "45 mins" still say whose)
  // (minutes without seconds: a French Teams list writes "1 h 58 min 3 s")
  const webex = webexDurations(durations) && !durations.some((d) => /\d\s*s\b/i.test(d));
  return headerTool([header]) !== null || webex || header.some((cell) => {
    const key = normaliseName(cell);
    return WEBEX_HEADERS.has(key) || ZOOM_NAME_HEADERS.has(key) || MEET_TIME_HEADERS.has(key);
  });
}
