/**
 * Reads one attendance report — Zoom's participants CSV or Teams' attendance report — into one
 * AttendanceRow per participant row, whatever the report's language, encoding, delimiter and
 * date format. Nothing is matched to members here (match.ts does that) and nothing is dropped:
 * a row whose times cannot be read is kept with empty times and a note.
 *
 * Bytes in, rows out: the caller reads the file. The encoding is recognised as the import
 * recognises it (src/import/detect.ts: BOM, UTF-16 without BOM, UTF-8, Windows-1252), cells are
 * split by csv-parse.
 */
import { isUtf8 } from 'node:buffer';
import { OperationError } from '../../errors.js';
import { checkpoint, mapInSteps } from '../../reporting.js';
import { detectEncoding, documentKind, looksBinary } from '../../import/detect.js';
import { notAWorkbook, zipEntryNames } from '../../import/zip.js';
import { instantsOfWall, localTime, timeZoneHint, timeZoneName } from '../timezones.js';
import { pairActions, type ActionLine } from './actions.js';
import { personNameKey } from './names.js';
import { normaliseName } from '../../geo/normalise.js';
import { headerTool, otherToolThanTeams, reportTool, TOOL_NAMES, UTC_TOOLS, type ReportTool } from './tools.js';
import { isActionList, isParticipantsHeader, matchHeaderRow, stripNameMarkers, topLanguage, userAction, yesNo, type HeaderMatch } from './headers.js';
import { nicknameOrLastName, nicknameWarning } from './nickname.js';
import { isSectionTitle, perJoinTable, teamsSummary, type TableSpan } from './teams.js';
import { dateTimeParts, decideDateOrder, durationSeconds, wallOf, type OrderDecision } from './times.js';
import { tableSessions, zoomNames, zoomSummary, zoomTableSummary, type MeetingSummary } from './zoom.js';
import { shellArg } from '../../text.js';

export type ReportSource = 'zoom' | 'teams';
export type { ReportTool } from './tools.js';

export interface AttendanceRow {
  /** The report file's name, as given by the caller. */
  file: string;
  /** Line of the row in the file (1 = first line), as a text editor or spreadsheet counts. */
  rowNumber: number;
  /** The name cell as written. */
  name: string;
  /** The names that may identify the person: Zoom's display and original names, Teams' name without "(External)". */
  names: string[];
  email: string | null;
  /** ISO 8601 with the offset of the report's time zone; null when absent or unreadable. */
  joinTime: string | null;
  leaveTime: string | null;
  /** Minutes as the report states them (else from join and leave); null when neither is readable. */
  minutes: number | null;
  /** Joined as a guest (Zoom's Guest column, Teams' "(Guest)"/"(Unverified)"); null when the report does not say. */
  guest: boolean | null;
  /** A Zoom row for time spent in the waiting room: accounted for, never counted as attendance. */
  waitingRoom: boolean;
  role: string | null;
  /**
   * A participant erased on request (issue 13): the row counts for `keptFor`, the organisation
   * they came for, else for no one (it stays, ignored, so that the report's rows add up).
   * Absent for rows read from a report.
   */
  erased?: boolean;
  keptFor?: number | null;
  /** What could not be read in this row. */
  problems: string[];
}

export interface ReportTable {
  /** Line of the table's header. */
  line: number;
  header: string[];
  rows: number;
  /** 'all': every row read; 'missing people': only people the per-join table lacks; 'none'. */
  read: 'all' | 'missing people' | 'none';
}

export interface AttendanceFile {
  file: string;
  source: ReportSource;
  /** Which tool wrote it (Zoom, Teams, Google Meet, Webex), from its headers and durations. */
  tool: ReportTool;
  /** Language of the report's labels ('en', 'fr', 'es', 'pt'), or null. */
  language: string | null;
  encoding: string;
  delimiter: string;
  /** Data rows read (= the AttendanceRows of this file): one per connection, a re-join a row of its own. */
  rows: number;
  /** The people those rows are of (peopleIn): what an officer counts, where `rows` counts connections. */
  people: number;
  /**
   * A 2020–2021 Teams list (one line per "Joined"/"Left"): its lines, paired into the `rows`
   * (a join with the leave that ends it is one row). Absent for the other reports.
   */
  actionLines?: number;
  /**
   * Rows of registrants who did not come (Zoom webinar's "Attended: No"): not attendance, so not
   * among the rows; counted here so that every line of the report is accounted for.
   */
  notAttended: number;
  /** The summary, read; `sameMeetingAs`: the officer's word on which meeting a report without times is of (store.ts): that report's file name and content's sha256. */
  meeting: MeetingSummary & { startTime?: string | null; endTime?: string | null; sameMeetingAs?: string; sameMeetingAsSha256?: string };
  /** Zone the report's clock times were read in. */
  timeZone: string;
  dateOrder: OrderDecision;
  tables: ReportTable[];
  warnings: string[];
}

export interface AttendanceReport {
  file: AttendanceFile;
  rows: AttendanceRow[];
}

export interface ReadReportOptions {
  /** Name shown in messages and results. */
  file: string;
  /** The file as the officer named it, for a command a message suggests (default: file). */
  given?: string;
  /**
   * Zone of the report's clock times: Zoom and Teams write them in the time zone of the account
   * that downloads the report, without saying which. Usually the event's zone.
   */
  timeZone: string;
  /** The event's date in that zone ('YYYY-MM-DD'): settles 03/12 vs 12/03, dates time-only cells. */
  eventDate?: string;
  /** The officer named timeZone (--time-zone): it holds even for a tool that writes UTC (tools.ts UTC_TOOLS). */
  zoneGiven?: boolean;
  /** The event's start and end: settles a clock time the autumn night passes twice (the reading in, or nearest, the event). */
  eventSpan?: { start: Date; end: Date };
  /** Skip detection. */
  source?: ReportSource;
  /** Ctrl-C: the rows are read in steps and stop at the next one (a 20,000-row list took minutes, Ctrl-C waited for its end). */
  signal?: AbortSignal;
}

interface Rec {
  cells: string[];
  line: number;
}

const DELIMITERS = ['\t', ',', ';'] as const;

/**
 * Whether these bytes (a file's start is enough) hold a participants table of a Zoom, Teams or
 * Meet report: what `import` tells apart from applications when it finds no organisation column.
 */
export async function looksLikeAttendanceBytes(bytes: Uint8Array): Promise<boolean> {
  try {
    const { text } = await decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return findHeader(text, isReportHeader) !== null;
  } catch {
    return false;
  }
}

/**
 * A participants header that only a meeting report writes: join or leave times, the Teams list's
 * actions, or a report's own column (guest, role, waiting room, attended). A name and a duration
 * alone are not enough to call a file a report: an application form may ask "Name" and the
 * project's "Duration".
 */
function isReportHeader(match: HeaderMatch): boolean {
  const c = match.columns;
  return isParticipantsHeader(match) &&
    (c.join !== undefined || c.leave !== undefined || isActionList(match) || c.guest !== undefined || c.role !== undefined || c.upn !== undefined || c.waitingRoom !== undefined || c.attended !== undefined);
}

export async function readAttendanceReport(bytes: Uint8Array, options: ReadReportOptions): Promise<AttendanceReport> {
  const given = timeZoneName(options.timeZone);
  if (!given) throw new OperationError(`${options.file}: unknown time zone "${options.timeZone}" for the report's times`, { hint: timeZoneHint(options.timeZone) });
  const { text, encoding } = await decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  // Checkpoints between the steps that read the whole report at once (decoding, parsing,
  // splitting, the date order): together they held Ctrl-C for over a second on 40,000 rows.
  await checkpoint(options.signal);
  const found = findHeader(text);
  if (!found) throw (await applicationsGiven(options.file, options.given ?? options.file, text)) ?? noParticipantsTable(options.file, text, bytes);
  const records = await parseRecords(text, found.delimiter);
  await checkpoint(options.signal);
  const { tables, sections } = splitTables(records);
  await checkpoint(options.signal);
  const nicknameNotes = readNicknames(tables, records);
  const first = tables[0]!;
  // A tool that writes UTC whatever the account's zone: read so, unless the officer named one.
  const ownTool = headerTool(tables.map((t) => records[t.header]!.cells));
  const zone = ownTool && UTC_TOOLS.has(ownTool) && !options.zoneGiven ? 'UTC' : given;
  const firstDurations = () => first.rows.map((r) => rowCells(records[r]!, first.match)('duration'));
  const source: ReportSource = options.source ?? (sections > 0 || first.match.columns.upn !== undefined || (first.match.columns.role !== undefined && !otherToolThanTeams(records[first.header]!.cells, firstDurations())) || isActionList(first.match) ? 'teams' : 'zoom');
  let summary = source === 'zoom' ? zoomSummary(records.map((r) => r.cells), first.header) : teamsSummary(records.map((r) => r.cells), first.header);
  if (source === 'zoom' && !Object.keys(summary).length) {
    const taken = new Set(Object.values(first.match.columns));
    summary = zoomTableSummary(records[first.header]!.cells, records[first.rows[0] ?? -1]?.cells, taken);
    const sessions = tableSessions(records[first.header]!.cells, first.rows.map((r) => records[r]!.cells), taken);
    if (sessions.length > 1) throw severalSessions(options.file, sessions, headerTool([records[first.header]!.cells]));
  }
  const languages: Record<string, number> = {};
  for (const t of tables) for (const [l, n] of Object.entries(t.match.languages)) languages[l] = (languages[l] ?? 0) + n;
  const language = topLanguage(languages);
  const { chosen: listed, read } = chooseRows(tables, records, source);
  // A Zoom webinar lists its registrants too: "Attended: No" is someone who did not come.
  const absent = (c: { record: number; match: HeaderMatch }) => yesNo(rowCells(records[c.record]!, c.match)('attended')) === false;
  const chosen = listed.filter((c) => !absent(c));
  const notAttended = listed.length - chosen.length;

  // The date order is decided from every time of the rows read and the summary's.
  const cells = chosen.map((c) => rowCells(records[c.record]!, c.match));
  const timeValues = cells.flatMap((c) => [c('join'), c('leave'), c('timestamp')]).concat([summary.start ?? '', summary.end ?? '']).filter(Boolean);
  await checkpoint(options.signal);
  const dateOrder = decideDateOrder(timeValues, { eventDate: options.eventDate, language });
  const warnings: string[] = [...nicknameNotes];
  if (zone !== given) warnings.push(`its times were read in UTC, as ${TOOL_NAMES[ownTool!]} writes them (give --time-zone if this one's are not)`);
  const span = options.eventSpan ? { start: options.eventSpan.start.getTime(), end: options.eventSpan.end.getTime() } : undefined;
  const summaryStart = instantText(summary.start, dateOrder, zone, options.eventDate, (c) => nearestToSpan(c, span));
  const times = { dateOrder, zone, fallbackDate: summaryStart?.slice(0, 10) ?? options.eventDate, span };
  if (dateOrder.basis === 'language' && dateOrder.order) {
    warnings.push(`dates such as "${timeValues.find((v) => dateTimeParts(v)?.kind === 'ab')}" could be read either way: read ${dateOrder.order.replace('-', ' ')} (the report is in ${language ?? 'an unknown language'}); give the event's date to settle it`);
  }
  const actionList = tables.length === 1 && isActionList(first.match);
  const pause = () => checkpoint(options.signal);
  await pause();
  const parsed = actionList
    ? await actionRows(chosen.map((c, i) => ({ line: records[c.record]!.line, person: personKey(records[c.record]!.cells, c.match), cell: cells[i]! })), options.file, times, pause)
    : await mapInSteps(chosen.map((c, i) => ({ c, i })), ({ c, i }) => readRow(records[c.record]!.line, cells[i]!, source, options.file, times), pause);
  const rows = parsed.map((row) => {
    for (const p of row.problems) warnings.push(`line ${row.rowNumber}: ${p}`);
    return row;
  });
  if (!rows.length) warnings.push(notAttended ? 'no one on the list attended' : 'the participants table has no rows');
  if (notAttended) warnings.push(`${notAttended} registrant${notAttended === 1 ? '' : 's'} marked as not attended (Attended: No): not counted as attendance`);

  return {
    file: {
      file: options.file,
      source,
      tool: reportTool(source, tables.map((t) => ({ header: records[t.header]!.cells, match: t.match })), cells.map((c) => c('duration'))),
      language,
      encoding,
      delimiter: found.delimiter,
      rows: rows.length,
      people: peopleIn(rows),
      ...(actionList ? { actionLines: chosen.length } : {}),
      notAttended,
      meeting: { ...summary, startTime: summaryStart, endTime: instantText(summary.end, dateOrder, zone, times.fallbackDate, (c) => nearestToSpan(c, span)) },
      timeZone: zone,
      dateOrder,
      tables: tables.map((t, i) => ({ line: records[t.header]!.line, header: records[t.header]!.cells, rows: t.rows.length, read: read[i]! })),
      warnings,
    },
    rows,
  };
}

const SAVE_AS_CSV = 'download the report again as CSV (Zoom: Reports > Usage > Participants > Export; Teams: Attendance > Download), or open it and save it as "CSV UTF-8", then give that file';

/** The fields a table needs, in the words of messages. */
const FIELD_WORDS: Partial<Record<keyof HeaderMatch['columns'], string>> = { name: 'name', firstName: 'first name', lastName: 'last name', email: 'email', join: 'join time', leave: 'leave time', duration: 'duration' };

/**
 * What a file without a participants table holds instead, for the error: nothing, a workbook, or
 * the line that came closest (the report's own labels it has, which are column names, never a
 * participant's name, and what it lacks).
 */
function whatWasFound(text: string, bytes: Uint8Array): { found: string; hint?: string } | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8));
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    // (a zip that is no workbook, a .docx or an archive, is said to be what it is)
    const other = notAWorkbook(zipEntryNames(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    return { found: `is ${other ? other.what.replace(/, not (a spreadsheet|an Excel workbook)$/, '') : 'an Excel workbook (.xlsx)'}, not the CSV file the meeting tools write`, hint: other?.hint.startsWith('unzip') ? 'unzip it and give the report inside' : SAVE_AS_CSV };
  }
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return { found: 'is an old Excel workbook (.xls), not the CSV file the meeting tools write', hint: SAVE_AS_CSV };
  const document = documentKind(bytes.subarray(0, 16));
  if (document) return { found: `is ${document}, not the CSV file the meeting tools write`, hint: SAVE_AS_CSV };
  if (!text.trim()) return { found: 'is empty', hint: 'download the report again: the file holds no line' };
  const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64 * 1024));
  if (looksBinary(start, detectEncoding({ head: start, validUtf8: isUtf8(start) }).encoding)) {
    return { found: 'holds binary data, not the text (CSV) a meeting tool writes', hint: `check that you gave the right file; ${SAVE_AS_CSV}` };
  }
  // Zoom's webinar registration report lists who registered, not who came
  if (/^\s*"?(?:Registration Report|Registrant Details)\b/im.test(text.slice(0, 4000)) && !/^\s*"?Attendee Details\b/im.test(text)) {
    return { found: 'is Zoom\'s webinar registration report: it lists who registered, not who came', hint: 'export the attendee report instead (Reports > Webinar > Attendee Report) and give that file' };
  }
  let best: { line: number; labels: string[]; fields: string[] } | null = null;
  const lines = text.split(/\r\n|\n|\r/).slice(0, 200);
  lines.forEach((line, i) => {
    for (const d of DELIMITERS) {
      if (!line.includes(d)) continue;
      const cells = line.split(d).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
      const { columns } = matchHeaderRow(cells);
      const fields = (Object.keys(FIELD_WORDS) as (keyof typeof FIELD_WORDS)[]).filter((f) => columns[f] !== undefined);
      if (fields.length && (!best || fields.length > best.fields.length)) best = { line: i + 1, labels: fields.map((f) => cells[columns[f]!]!), fields };
    }
  });
  if (!best) return null;
  const { line, labels, fields } = best as { line: number; labels: string[]; fields: string[] };
  const named = fields.includes('name') || (fields.includes('firstName') && fields.includes('lastName'));
  const lacking = named ? 'no join time, leave time or duration column' : 'no name column for the participant';
  return { found: `has no participants table that skillsnet recognises: line ${line} has ${labels.map((l) => `"${l}"`).join(', ')} but ${lacking}` };
}

/**
 * A list of applications or members given for the report (the call's export picked from the same
 * folder): a header naming an organisation and an email, as import reads headers. It was "line 1
 * has "Email Address" but no name column for the participant", which sent the officer looking
 * for a name column; it says what the file is and the command that reads it.
 */
const MEETING_WORDS = /\b(join(ed)?|leave|left|duration|minutes|sessions?|attend(ed|ance|ees?)?|participants?|arriv[ée]e|d[ée]part|dur[ée]e|duraci[óo]n|entrada|salida|asistencia)\b/i;

async function applicationsGiven(file: string, given: string, text: string): Promise<OperationError | null> {
  const { matchHeaders } = await import('../../import/headers.js');
  for (const line of text.split(/\r\n|\n|\r/).slice(0, 5)) {
    // (a report whose time columns are spelt in a way not known yet, beside a company column, is a report)
    if (MEETING_WORDS.test(line)) continue;
    for (const d of DELIMITERS) {
      if (!line.includes(d)) continue;
      const { mapping } = matchHeaders(line.split(d).map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
      if (mapping.organization?.length && mapping.email?.length) {
        return new OperationError(`${file} looks like a list of applications or members (it has columns for an organisation and an email), not a meeting report`, {
          hint: `import applications with skillsnet import ${shellArg(given)}, members with skillsnet member import ${shellArg(given)}; a meeting's report is the participants list Zoom or Teams downloads`,
        });
      }
    }
  }
  return null;
}

/** Why a file holds no participants table, and what to do (a 2020 Teams list is named). */
function noParticipantsTable(file: string, text: string, bytes: Uint8Array): OperationError {
  const found = whatWasFound(text, bytes);
  if (found?.hint) return new OperationError(`${file} ${found.found}`, { hint: found.hint });
  if (/\bUser Action\b/i.test(text.slice(0, 2000))) {
    return new OperationError(`${file} looks like a 2020–2021 Teams attendance list (one "Joined"/"Left" line per action), but its name, action and timestamp columns are not all recognised`, {
      hint: 'expected "Full Name", "User Action" and "Timestamp"; add your list\'s spelling to data/attendance-headers.json (columns name, action, timestamp)',
    });
  }
  return new OperationError(`${file} ${found?.found ?? 'has no participants table that skillsnet recognises: no line has a participant\'s name column beside a join time, leave time or duration'}`, {
    hint: 'expected a header such as "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)" (Zoom) or "Name, First Join, Last Leave, In-Meeting Duration, Email" (Teams) or "First name, Last name, Email, Duration, Time joined" (Google Meet); add your report\'s spelling to data/attendance-headers.json',
  });
}

/** A report whose rows are of several meetings (a date range's export): which, and how to give one. */
function severalSessions(file: string, sessions: readonly MeetingSummary[], tool: ReportTool | null): OperationError {
  const shown = sessions.slice(0, 4).map((s) => [s.title ? `"${s.title}"` : null, s.meetingId ? `ID ${s.meetingId}` : null, s.start ? `started ${s.start}` : null].filter(Boolean).join(', '));
  const more = sessions.length > 4 ? `, and ${sessions.length - 4} more` : '';
  return new OperationError(`${file} holds the participants of ${sessions.length} meetings (${shown.join('; ')}${more}), and an event's report is of one meeting`, {
    hint: tool === 'collaborate'
      ? 'download the attendance report for this session\'s date only, or keep only its rows (its SessionIdentifier and RoomOpened), then give that file'
      : 'export the report of this event\'s meeting alone, or keep only its rows (its meeting ID and start), then give that file',
  });
}

type Table = TableSpan & { match: HeaderMatch };

/**
 * Each table's "Apelido" column read as its report means it (nickname.ts): a nickname is no part
 * of the name, and its column is left out. What was decided, for the warnings.
 */
function readNicknames(tables: Table[], records: Rec[]): string[] {
  const notes: string[] = [];
  for (const t of tables) {
    const reading = nicknameOrLastName(records[t.header]!.cells, t.match, t.rows.map((r) => records[r]!.cells));
    if (!reading) continue;
    if (reading.reading === 'nickname') {
      // the last name is then another column's ("Sobrenome" after "Apelido"), if the table has one
      const header = records[t.header]!.cells;
      const { lastName: nickname, ...columns } = t.match.columns;
      const lastName = matchHeaderRow(header.map((cell, i) => (i === nickname ? '' : cell))).columns.lastName;
      t.match = { ...t.match, columns: lastName === undefined ? columns : { ...columns, lastName } };
    }
    const note = nicknameWarning(reading);
    if (note && !notes.includes(note)) notes.push(note);
  }
  return notes;
}

/**
 * The report's participants tables: each participants header and the rows under it, up to a
 * blank line, a section title or another header; and how many section titles there were (Teams'
 * numbered sections).
 */
function splitTables(records: Rec[]): { tables: Table[]; sections: number } {
  const tables: Table[] = [];
  let current: Table | null = null;
  let sections = 0;
  records.forEach((r, i) => {
    if (isSectionTitle(r.cells)) {
      sections++;
      current = null;
      return;
    }
    if (r.cells.every((c) => c.trim() === '')) {
      current = null;
      return;
    }
    // Zoom webinar's "Host Details", "Attendee Details": a one-cell title over the next table
    const next = records[i + 1];
    if (r.cells.filter((c) => c.trim() !== '').length === 1 && next && isParticipantsHeader(matchHeaderRow(next.cells))) {
      current = null;
      return;
    }
    const match = matchHeaderRow(r.cells);
    if (isParticipantsHeader(match)) {
      current = { header: i, rows: [], match };
      tables.push(current);
      return;
    }
    current?.rows.push(i);
  });
  return { tables, sections };
}

/**
 * Which rows are read: every row of the only table; of Teams' several, the per-join one plus
 * anyone it lacks (in file order), and what was read of each table. Zoom's several tables (a
 * webinar's host, panelists, attendees) each list connections: all are read.
 */
function chooseRows(tables: Table[], records: Rec[], source: ReportSource): { chosen: { record: number; match: HeaderMatch }[]; read: ReportTable['read'][] } {
  const chosen: { record: number; match: HeaderMatch }[] = [];
  const read: ReportTable['read'][] = tables.map(() => 'none');
  if (source === 'zoom') {
    tables.forEach((t, ti) => {
      read[ti] = 'all';
      for (const r of t.rows) chosen.push({ record: r, match: t.match });
    });
    return { chosen, read };
  }
  const main = perJoinTable(tables);
  read[main] = 'all';
  for (const r of tables[main]!.rows) chosen.push({ record: r, match: tables[main]!.match });
  const known = new Set(chosen.map((c) => personKey(records[c.record]!.cells, c.match)));
  tables.forEach((t, ti) => {
    if (ti === main) return;
    for (const r of t.rows) {
      const key = personKey(records[r]!.cells, t.match);
      if (known.has(key)) continue;
      known.add(key);
      chosen.push({ record: r, match: t.match });
      read[ti] = 'missing people';
    }
  });
  chosen.sort((a, b) => a.record - b.record);
  return { chosen, read };
}

type Cells = (field: keyof HeaderMatch['columns']) => string;

/** A row's cell for a field, trimmed ('' when the table has no such column, or the cell holds only a dash, Zoom's "--" for nothing). */
function rowCells(rec: Rec, match: HeaderMatch): Cells {
  return (field) => {
    const at = match.columns[field];
    const text = at === undefined ? '' : (rec.cells[at] ?? '').trim();
    return /^[-\u2013\u2014]+$/.test(text) ? '' : text;
  };
}

/**
 * The person's whole name from first and last name columns (Google Meet; Zoom webinar
 * registrants), or from a bare name column beside one of them (French Meet's "Prénom" beside
 * "Nom", Spanish "Nombre" beside "Apellido"); null when the report has neither.
 */
function fullName(cell: Cells): string | null {
  const [given, family, name] = [cell('firstName'), cell('lastName'), cell('name')];
  if (given && family) return `${given} ${family}`;
  // a whole name beside a last or first name (Webex's "Display Name", Zoom's "Name (Original Name)") already holds it
  const words = (text: string) => normaliseName(text).split(' ').filter(Boolean);
  const holds = (part: string, at: 'start' | 'end') => {
    const [whole, piece] = [words(name), words(part)];
    const from = at === 'start' ? 0 : whole.length - piece.length;
    return whole.length > piece.length && piece.every((w, i) => whole[from + i] === w);
  };
  if (given && name) return holds(given, 'start') ? name : `${given} ${name}`;
  if (family && name) return holds(family, 'end') ? name : `${name} ${family}`;
  return null;
}

/** One participant row: names, email, times in the report's zone, minutes, and what could not be read. */
function readRow(line: number, cell: Cells, source: ReportSource, file: string, t: ReportTimes): AttendanceRow {
  const problems: string[] = [];
  const full = fullName(cell);
  // a display name column of its own (Zoom webinar) stays the row's name; a bare "Nom" beside "Prénom" does not
  const rawName = full && !(cell('firstName') && cell('lastName') && cell('name')) ? full : cell('name') || full || '';
  const marked = stripNameMarkers(rawName);
  const shown = source === 'zoom' ? zoomNames(marked.name) : marked.name ? [marked.name] : [];
  const names = [...new Set([...shown, ...(full ? [stripNameMarkers(full).name] : [])])];
  const guestCell = yesNo(cell('guest'));
  const guest = marked.guest ? true : guestCell ?? (source === 'teams' ? false : null);
  let email = cell('email').toLowerCase() || null;
  const upn = cell('upn').toLowerCase();
  if (!email && upn.includes('@') && !upn.includes('#ext#')) email = upn;
  const joinText = cell('join');
  const leaveText = cell('leave');
  const durationText = cell('duration');
  let seconds = durationSeconds(durationText);
  // (a join the night passes twice is also settled by its leave time and duration, as the leave is by its join)
  const leaveReadings = readingsOf(leaveText, t.dateOrder, t.zone, t.fallbackDate);
  const join = instantText(joinText, t.dateOrder, t.zone, t.fallbackDate, (c) => joinReading(c, leaveReadings, seconds, t.span));
  let leave = instantText(leaveText, t.dateOrder, t.zone, t.fallbackDate, (c) => leaveReading(c, join, seconds, t.span));
  if (joinText && !join) problems.push(`join time "${joinText}" is not a date and time`);
  if (leaveText && !leave) problems.push(`leave time "${leaveText}" is not a date and time`);
  // a leave time alone on the clock before the join time is the next day's
  if (join && leave && Date.parse(leave) < Date.parse(join) && dateTimeParts(leaveText)?.kind === 'time') leave = shiftDay(leave, t.zone);
  if (durationText && seconds === null) problems.push(`duration "${durationText}" is not a duration`);
  if (seconds === null && join && leave) seconds = Math.max(0, (Date.parse(leave) - Date.parse(join)) / 1000);
  return {
    file,
    rowNumber: line,
    name: rawName,
    names,
    email,
    joinTime: join,
    leaveTime: leave,
    minutes: seconds === null ? null : Math.round((seconds / 60) * 100) / 100,
    guest,
    waitingRoom: yesNo(cell('waitingRoom')) === true,
    role: cell('role') || null,
    problems,
  };
}

/**
 * The rows of a 2020–2021 Teams list: its action lines paired into connections (actions.ts),
 * each read as a row whose join and leave are the two lines' timestamps. A join with no "Left"
 * after it (still in the meeting when the list was saved) counts up to the list's last
 * timestamp; a "Left" with no join before it, or a line whose action or time cannot be read, is
 * a row of its own without minutes. Every line is in exactly one row.
 */
async function actionRows(lines: { line: number; person: string; cell: Cells }[], file: string, t: ReportTimes, pause: () => Promise<void>): Promise<AttendanceRow[]> {
  const cellOf = new Map(lines.map((l) => [l.line, l.cell]));
  // A person's lines come in the order they happened: a time the autumn night passes twice is
  // the reading not before their previous line's (a "Left" at the second 02:20 after a "Joined"
  // at the first 02:40 was read before the join, and the stay lost its minutes).
  const previous = new Map<string, number>();
  const actions: ActionLine[] = await mapInSteps(lines, (l) => {
    const before = previous.get(l.person);
    const at = instantText(l.cell('timestamp'), t.dateOrder, t.zone, t.fallbackDate, (c) => {
      const after = before === undefined ? [] : c.filter((d) => d.getTime() >= before);
      return nearestToSpan(after.length ? after : c, t.span);
    });
    if (at) previous.set(l.person, Date.parse(at));
    return { line: l.line, person: l.person, action: userAction(l.cell('action')), at: at ? Date.parse(at) : null };
  }, pause);
  // (a list in a language whose action words are not known: every line would be a row with no
  // minutes, and everyone in it would count as present — say so instead of reading it)
  if (actions.length && actions.every((a) => a.action === null)) {
    const seen = [...new Set(lines.map((l) => l.cell('action').trim()).filter(Boolean))].slice(0, 3);
    throw new OperationError(`${file}: none of its User Action values (${seen.map((v) => `"${v}"`).join(', ') || 'all empty'}) is Joined, Joined before or Left, so nobody's joins and leaves can be told apart`, {
      hint: 'add their spellings under "actions" in data/attendance-headers.json, or download the report again in English',
    });
  }
  const latest = actions.reduce<ActionLine | null>((best, a) => (a.at !== null && a.action !== null && (best === null || a.at > best.at!) ? a : best), null);
  const lastText = latest ? cellOf.get(latest.line)!('timestamp') : '';
  return mapInSteps(pairActions(actions), (c) => {
    const first = (c.join ?? c.leave ?? c.unread)!;
    const base = cellOf.get(first.line)!;
    const stamp = (a: ActionLine | null) => (a ? cellOf.get(a.line)!('timestamp') : '');
    const leaveText = c.leave ? stamp(c.leave) : c.join ? lastText : '';
    const cell: Cells = (field) => (field === 'join' ? stamp(c.join) : field === 'leave' ? leaveText : field === 'timestamp' || field === 'action' ? '' : base(field));
    const row = readRow(first.line, cell, 'teams', file, t);
    if (c.unread) {
      row.problems.push(c.unread.action === null
        ? `user action "${base('action')}" is none of Joined, Joined before, Left: add its spelling to data/attendance-headers.json`
        : `timestamp "${base('timestamp')}" is not a date and time`);
    } else if (!c.join) {
      row.problems.push('a "Left" line with no "Joined" before it: its minutes are unknown');
    } else if (!c.leave) {
      row.problems.push(`no "Left" line after this join: still in when the list was saved, counted up to its last line (${lastText})`);
    }
    return row;
  }, pause);
}

/**
 * How many people the rows are of: one per email, else per name (as the matching keys it,
 * names.ts: accents, case and word order aside, "王 小明" is 王小明; a name also seen with an address is that address's person); a row with neither (or
 * whose participant was erased on request: no names left) is someone of its own. A re-join, a second device, a 2020 Teams
 * list's several Joined/Left pairs of one person are one person.
 */
export function peopleIn(rows: readonly Pick<AttendanceRow, 'email' | 'name' | 'names'>[]): number {
  const keyed = rows.map((r) => ({ email: (r.email ?? '').trim().toLowerCase(), name: personNameKey(r.names[0] ?? '') }));
  const emails = new Set<string>();
  const names = new Set<string>();
  // (rows with an address first: a name seen with one is that person's, on a row without it too)
  for (const k of keyed) if (k.email) {
    emails.add(k.email);
    if (k.name) names.add(k.name);
  }
  let others = 0;
  for (const k of keyed) if (!k.email && (!k.name || !names.has(k.name))) {
    if (k.name) names.add(k.name);
    others++;
  }
  return emails.size + others;
}

/** Same person within one file: by email, else by name (for Teams' two tables). */
function personKey(cells: string[], match: HeaderMatch): string {
  const email = match.columns.email === undefined ? '' : (cells[match.columns.email] ?? '').trim().toLowerCase();
  if (email) return `email:${email}`;
  const name = match.columns.name === undefined ? '' : stripNameMarkers(cells[match.columns.name] ?? '').name;
  // (as the matching keys names, names.ts: Devanagari vowel signs are letters, not accents to drop)
  return `name:${personNameKey(name)}`;
}

/** How a report's clock times are read: the date order, the zone, the date of time-only cells, the event's span (ms). */
interface ReportTimes {
  dateOrder: OrderDecision;
  zone: string;
  fallbackDate: string | undefined;
  span?: { start: number; end: number };
}

/**
 * A clock time of the report as an instant in its zone. A time the autumn night passes twice has
 * two readings, and `choose` takes one (the earlier, without it): the 02:28 of a meeting at 02:30
 * after the clocks went back was read an hour early, "joined 62 minutes before the start".
 */
function instantText(text: string | undefined, order: OrderDecision, zone: string, fallbackDate?: string, choose: (readings: Date[]) => Date = (r) => r[0]!): string | null {
  const readings = readingsOf(text, order, zone, fallbackDate);
  return readings.length ? localTime(readings.length > 1 ? choose(readings) : readings[0]!, zone).iso : null;
}

/** Every instant a clock time of the report can be (two the autumn night passes twice), none when it is no date and time. */
function readingsOf(text: string | undefined, order: OrderDecision, zone: string, fallbackDate?: string): Date[] {
  if (!text) return [];
  const parts = dateTimeParts(text);
  if (!parts) return [];
  const wall = wallOf(parts, order.order, fallbackDate);
  return wall ? instantsOfWall(wall, zone) : [];
}

/**
 * Of a join time's two readings, the one its leave time and duration give (a leave that many
 * seconds after it), as leaveReading settles a leave by its join: one who joined at the second
 * 02:10 of a meeting over the night and left at 03:10 after an hour was read as joined at the
 * first. Without a duration or a leave, the reading in (or nearest) the event.
 */
function joinReading(readings: Date[], leaves: Date[], seconds: number | null, span: { start: number; end: number } | undefined): Date {
  if (seconds === null || !leaves.length) return nearestToSpan(readings, span);
  const off = (j: Date) => Math.min(Infinity, ...leaves.filter((l) => l.getTime() >= j.getTime()).map((l) => Math.abs(l.getTime() - j.getTime() - seconds * 1000)));
  const best = Math.min(...readings.map(off));
  const fitting = readings.filter((j) => off(j) === best);
  return nearestToSpan(best === Infinity ? readings : fitting, span);
}

/** Of a time's two readings, the one within the event (or nearest to it); the earlier when both are, or without the event. */
function nearestToSpan(readings: Date[], span: { start: number; end: number } | undefined): Date {
  if (!span) return readings[0]!;
  const distance = (d: Date) => Math.max(0, span.start - d.getTime(), d.getTime() - span.end);
  return readings.reduce((best, d) => (distance(d) < distance(best) ? d : best));
}

/**
 * Of a leave time's two readings, one not before the join: the one whose connection is closest to
 * the row's duration when it gives one, else as a join time is read.
 */
function leaveReading(readings: Date[], join: string | null, seconds: number | null, span: { start: number; end: number } | undefined): Date {
  const joined = join === null ? null : Date.parse(join);
  const after = joined === null ? readings : readings.filter((d) => d.getTime() >= joined);
  const pool = after.length ? after : readings;
  if (joined === null || seconds === null) return nearestToSpan(pool, span);
  const off = (d: Date) => Math.abs(d.getTime() - joined - seconds * 1000);
  return pool.reduce((best, d) => (off(d) < off(best) ? d : best));
}

function shiftDay(iso: string, zone: string): string {
  return localTime(new Date(Date.parse(iso) + 86_400_000), zone).iso;
}

async function decode(bytes: Buffer): Promise<{ text: string; encoding: string }> {
  const { encoding, bom } = detectEncoding({ head: bytes.subarray(0, 64 * 1024), validUtf8: isUtf8(bytes) });
  const body = bytes.subarray(bom);
  if (encoding === 'utf8') return { text: body.toString('utf8'), encoding };
  const iconv = (await import('iconv-lite')).default;
  return { text: iconv.decode(body, encoding, { stripBOM: true }), encoding };
}

/** The first line that is a participants header, under the delimiter that makes it one. */
function findHeader(text: string, isHeader: (match: HeaderMatch) => boolean = isParticipantsHeader): { line: number; delimiter: string } | null {
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    for (const d of DELIMITERS) {
      if (!lines[i]!.includes(d)) continue;
      const cells = lines[i]!.split(d).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
      if (isHeader(matchHeaderRow(cells))) return { line: i + 1, delimiter: d };
    }
  }
  return null;
}

async function parseRecords(text: string, delimiter: string): Promise<Rec[]> {
  const { parse } = await import('csv-parse/sync');
  const parsed = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  let previousEnd = 0;
  return parsed.map((p) => {
    const line = previousEnd + 1;
    previousEnd = p.info.lines;
    return { cells: p.record, line };
  });
}
