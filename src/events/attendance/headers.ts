/**
 * The labels of Zoom and Teams attendance reports in English, French, Spanish and Portuguese
 * (data/attendance-headers.json): which column is the name, the email, the join time..., which
 * summary line is the meeting's title or start, and which name suffixes Teams adds.
 */
import { normaliseName } from '../../geo/normalise.js';
import { loadDataFile } from '../../data/load.js';
import { validateAttendanceHeaders } from '../../data/validate/attendance-headers.js';

export const REPORT_FIELDS = ['name', 'firstName', 'lastName', 'email', 'join', 'leave', 'duration', 'guest', 'waitingRoom', 'role', 'upn', 'attended', 'action', 'timestamp'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];
export type SummaryField = 'meetingId' | 'title' | 'start' | 'end' | 'participants';

type ByLanguage = Record<string, string[]>;

interface HeaderFile {
  columns: Record<ReportField, ByLanguage>;
  summary: Record<SummaryField, ByLanguage>;
  yes: string[];
  no: string[];
  guestMarkers: string[];
  otherMarkers: string[];
  actions: Record<UserAction, string[]>;
  nicknameOrLastName: NicknameOrLastName;
}

/** A column label that is a last name in one country and a nickname in another (Portuguese "Apelido"), and the header words that say which. */
export interface NicknameOrLastName {
  labels: string[];
  nicknameWords: string[];
  lastNameWords: string[];
}

/** The 2020–2021 Teams attendance list's "User Action": Joined, Joined before (the list began), Left. */
export type UserAction = 'joined' | 'joinedBefore' | 'left';

interface HeaderIndex {
  columns: Map<string, { field: ReportField; language: string }[]>;
  summary: Map<string, { field: SummaryField; language: string }[]>;
  yes: Set<string>;
  no: Set<string>;
  guestMarkers: Set<string>;
  otherMarkers: Set<string>;
  actions: Map<string, UserAction>;
  nicknameOrLastName: NicknameOrLastName;
}

let index: HeaderIndex | undefined;

function headerIndex(): HeaderIndex {
  if (index) return index;
  const data = loadDataFile<HeaderFile>('attendance-headers.json', validateAttendanceHeaders);
  const build = <F extends string>(groups: Record<F, ByLanguage>) => {
    const map = new Map<string, { field: F; language: string }[]>();
    for (const [field, byLanguage] of Object.entries(groups) as [F, ByLanguage][]) {
      for (const [language, labels] of Object.entries(byLanguage)) {
        for (const label of labels) {
          const key = normaliseName(label);
          if (!map.has(key)) map.set(key, []);
          map.get(key)!.push({ field, language });
        }
      }
    }
    return map;
  };
  const set = (words: string[]) => new Set(words.map(normaliseName));
  index = {
    columns: build(data.columns),
    summary: build(data.summary),
    yes: set(data.yes),
    no: set(data.no),
    guestMarkers: set(data.guestMarkers),
    otherMarkers: set(data.otherMarkers),
    actions: new Map(Object.entries(data.actions).flatMap(([action, words]) => words.map((w) => [normaliseName(w), action as UserAction] as const))),
    nicknameOrLastName: {
      labels: data.nicknameOrLastName.labels.map(normaliseName),
      nicknameWords: data.nicknameOrLastName.nicknameWords.map(normaliseName),
      lastNameWords: data.nicknameOrLastName.lastNameWords.map(normaliseName),
    },
  };
  return index;
}

export interface HeaderMatch {
  /** Column index of each field found. */
  columns: Partial<Record<ReportField, number>>;
  /** How many headers each language's spelling matched (the report's language is the top one). */
  languages: Record<string, number>;
}

/**
 * The fields a row of headers names. A header that appears twice (Zoom's one-table export repeats
 * "User Email" and "Duration (Minutes)" for the host and for the participant) is taken at its
 * first place after the participant's name column.
 */
export function matchHeaderRow(cells: readonly string[]): HeaderMatch {
  const idx = headerIndex();
  const places = new Map<ReportField, number[]>();
  const languages: Record<string, number> = {};
  cells.forEach((cell, i) => {
    const found = idx.columns.get(normaliseName(cell));
    if (!found) return;
    const fields = new Set(found.map((f) => f.field));
    for (const field of fields) {
      if (!places.has(field)) places.set(field, []);
      places.get(field)!.push(i);
    }
    for (const language of new Set(found.map((f) => f.language))) languages[language] = (languages[language] ?? 0) + 1;
  });
  const columns: Partial<Record<ReportField, number>> = {};
  const name = places.get('name')?.[0];
  if (name !== undefined) columns.name = name;
  for (const [field, at] of places) {
    if (field === 'name') continue;
    columns[field] = name === undefined ? at[0]! : (at.find((i) => i > name) ?? at[0]!);
  }
  return { columns, languages };
}

/**
 * A participants table starts here: a name column (or, as Google Meet writes it, first and last
 * name columns) and at least one of join, leave or duration — or, as the 2020–2021 Teams list
 * writes it, a user action and its timestamp.
 */
export function isParticipantsHeader(match: HeaderMatch): boolean {
  const c = match.columns;
  const named = c.name !== undefined || (c.firstName !== undefined && c.lastName !== undefined);
  return named && (c.join !== undefined || c.leave !== undefined || c.duration !== undefined || isActionList(match));
}

/** The 2020–2021 Teams layout: one line per action ("Full Name", "User Action", "Timestamp"). */
export function isActionList(match: HeaderMatch): boolean {
  return match.columns.action !== undefined && match.columns.timestamp !== undefined;
}

/** "Joined" -> 'joined', "Joined before" -> 'joinedBefore', "Left" -> 'left'; null for anything else. */
export function userAction(value: string): UserAction | null {
  return headerIndex().actions.get(normaliseName(value)) ?? null;
}

/** The summary field a label names ("Meeting ID", "Titre de la réunion"...), or null. */
export function summaryField(label: string): { field: SummaryField; language: string } | null {
  return headerIndex().summary.get(normaliseName(label))?.[0] ?? null;
}

/** The labels that mean a last name or a nickname by country, and the words that tell them apart (folded as normaliseName folds them). */
export function nicknameOrLastNameLabels(): NicknameOrLastName {
  return headerIndex().nicknameOrLastName;
}

/** Yes/Oui/Sí -> true, No/Non -> false, anything else null. */
export function yesNo(value: string | undefined): boolean | null {
  const key = normaliseName(value ?? '');
  if (!key) return null;
  if (headerIndex().yes.has(key)) return true;
  if (headerIndex().no.has(key)) return false;
  return null;
}

/** The language with most matches, or null. */
export function topLanguage(languages: Record<string, number>): string | null {
  let best: string | null = null;
  for (const [language, n] of Object.entries(languages)) {
    if (best === null || n > languages[best]! || (n === languages[best] && language === 'en')) best = language;
  }
  return best;
}

/**
 * Teams appends "(External)", "(Guest)", "(Unverified)" and their translations to names. Returns
 * the name without them, and whether one of them marks a guest.
 */
export function stripNameMarkers(name: string): { name: string; guest: boolean; marked: boolean } {
  const idx = headerIndex();
  let rest = name.trim();
  let guest = false;
  let marked = false;
  for (;;) {
    const m = lastBracket(rest);
    if (!m) break;
    const key = normaliseName(m.inner);
    if (idx.guestMarkers.has(key)) guest = true;
    else if (!idx.otherMarkers.has(key)) break;
    marked = true;
    rest = m.before;
  }
  return { name: rest, guest, marked };
}

/**
 * The bracket that ends a name ("Ana Sow (Guest)", "Ana (Ana Sow)"), without brackets inside it, and
 * the name before it (trimmed); null when the name ends otherwise. (As a pattern, "\s*\((…)\)\s*$"
 * tried each space of a long run and failed from each: a name of 50,000 spaces took 4 s to read.)
 */
export function lastBracket(name: string): { before: string; inner: string } | null {
  const t = name.trimEnd();
  if (!t.endsWith(')')) return null;
  const open = t.lastIndexOf('(');
  const inner = t.slice(open + 1, -1);
  if (open < 0 || inner.includes(')')) return null;
  return { before: t.slice(0, open).trim(), inner };
}
