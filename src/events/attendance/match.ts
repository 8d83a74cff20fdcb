/**
 * Who attended: each report row matched to a member, by email first (case-insensitive, the
 * member's other addresses included), then by name — accents, case, punctuation and word order
 * ignored, so "García Márquez, Andrés" is "Andrés García Márquez", and Zoom's renamed
 * "Ana (Ana García)" is tried under both names. Only a single member may fit: a name two
 * members share stays unmatched, with the reason, for the officer to link or ignore.
 *
 * Minutes are summed per member across re-joins and files; time during which the same member
 * was connected twice (laptop and phone, or the same meeting in two reports) counts once, and
 * so do the minutes two reports of the same meeting give without times (options.meetings).
 * Every row is accounted for: rows = matched + unmatched.
 */
import { normaliseName } from '../../geo/normalise.js';
import { countryOf, identifies, nameAdditions, nameBeforeLooseHyphen, nameVariants, personNameKey } from './names.js';
import { organizationKey } from '../../organization-keys.js';
import type { AttendanceFile, AttendanceReport, AttendanceRow } from './report.js';
import { attendedMinutes } from '../../attendance-minutes.js';

export interface AttendanceMember {
  memberId: number;
  name: string | null;
  email: string | null;
  altEmails?: readonly string[];
  /** The organisation the member is or works for: a display name naming another one is not this member. */
  organization?: string | null;
  /** ISO 3166-1 alpha-2: a display name naming another country is not this member. */
  country?: string | null;
}

/**
 * An officer's decision about rows that did not match: link them to a member, or ignore them
 * (memberId null). A decision by email holds for the rows with that email; one by name for the
 * rows with that name and no email.
 */
export interface AttendanceLink {
  email?: string;
  name?: string;
  memberId: number | null;
}

export interface MatchedRow {
  file: string;
  rowNumber: number;
  memberId: number;
  by: 'email' | 'name' | 'link';
}

/** Why a row matched no member, as a kind (for messages that must not repeat the row's name or address). */
export type UnmatchedProblem = 'ignored' | 'email-shared' | 'name-shared' | 'empty' | 'unknown';

export interface UnmatchedRow {
  file: string;
  rowNumber: number;
  name: string;
  email: string | null;
  /** In words, quoting the row's email or name: for the officer's own screen, not for logs. */
  reason: string;
  problem: UnmatchedProblem;
  /** The members an email or name fits (problem email-shared or name-shared), or whose organisation or country the row's name contradicts, or whose name stands before a loose ' - ' (unknown). */
  candidates: number[];
}

/** The reason without the row's name or address: the kind of problem and member IDs only. */
export function neutralReason(u: Pick<UnmatchedRow, 'problem' | 'candidates' | 'email' | 'reason'>): string {
  switch (u.problem) {
    case 'ignored': return u.reason; // the officer's decision, or an erase: never a name
    case 'email-shared': return `the email belongs to ${u.candidates.length} members (${ids(u.candidates)})`;
    case 'name-shared': return `the name fits ${u.candidates.length} members (${ids(u.candidates)})`;
    case 'empty': return 'the row has neither a name nor an email';
    default:
      if (u.candidates.length && u.reason === looseHyphenReason(u.candidates)) return u.reason; // (no name in it)
      if (u.candidates.length) return `the name fits ${ids(u.candidates)}, but the row names another organisation or country`;
      return u.email ? 'no member has this email or name' : 'no email, and no member has this name';
  }
}

export interface MemberAttendance {
  memberId: number;
  /** Whole minutes connected, overlaps counted once; waiting-room time excluded. */
  minutes: number;
  /** Rows (connections) matched to the member, waiting-room rows excluded. */
  joins: number;
  firstJoin: string | null;
  lastLeave: string | null;
}

export interface AttendanceFileResult extends AttendanceFile {
  matched: number;
  unmatched: number;
}

export interface AttendanceResult {
  rows: number;
  matched: number;
  unmatched: number;
  files: AttendanceFileResult[];
  perMember: MemberAttendance[];
  matches: MatchedRow[];
  unmatchedRows: UnmatchedRow[];
}

/**
 * A name as a key: no accents, case or punctuation, words in alphabetical order; names in other
 * scripts as names.ts keys them (CJK characters in the order written, Indic vowel signs kept,
 * Arabic vowel marks dropped).
 */
export function nameKey(name: string): string {
  return personNameKey(name);
}

/** The key names had before other scripts were keyed apart: an officer's decision stored under it still holds. */
export function legacyNameKey(name: string): string {
  return normaliseName(name).split(' ').filter(Boolean).sort().join(' ');
}

/** The keys of the names a row or a member goes by, with the whole names inside each (nameVariants). */
export function keysOf(names: readonly string[]): string[] {
  return [...new Set(names.flatMap(nameVariants).map(nameKey).filter(Boolean))];
}

function emailKey(email: string | null | undefined): string {
  return (email ?? '').trim().toLowerCase().replace(/^mailto:/, '');
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

const ids = (list: readonly number[]) => list.map((id) => `member-${id}`).join(', ');

export interface MatchOptions {
  links?: readonly AttendanceLink[];
  /**
   * Members expected at the event (its invitees): when an email or a name fits several members
   * and exactly one of them was expected, the row is that one's.
   */
  expected?: ReadonlySet<number>;
  /**
   * The meeting each report is of, by the report's file label (attendance-minutes.ts
   * groupMeetings): within one meeting a member's time is counted once however many reports list
   * it. A report not in the map is a meeting of its own.
   */
  meetings?: ReadonlyMap<string, string | number>;
}

export function matchAttendance(reports: readonly AttendanceReport[], members: readonly AttendanceMember[], options: MatchOptions = {}): AttendanceResult {
  const byEmail = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  // A member may go by several names (several contact people): each one is a key.
  const nameOf = new Map<number, string[]>();
  const whereOf = new Map<number, { organization: string | null; country: string | null }>();
  const organizations = new Set<string>();
  for (const m of members) {
    const organization = m.organization?.trim() ? organizationKey(m.organization) : null;
    if (organization) organizations.add(organization);
    whereOf.set(m.memberId, { organization, country: m.country?.toUpperCase() ?? null });
    for (const e of [m.email, ...(m.altEmails ?? [])]) if (emailKey(e)) pushTo(byEmail, emailKey(e), m.memberId);
    for (const key of m.name ? keysOf([m.name]) : []) {
      pushTo(byName, key, m.memberId);
      pushTo(nameOf, m.memberId, key);
    }
  }
  const linkByEmail = new Map<string, number | null>();
  const linkByName = new Map<string, number | null>();
  for (const l of options.links ?? []) {
    if (l.email && emailKey(l.email)) linkByEmail.set(emailKey(l.email), l.memberId);
    else if (l.name && nameKey(l.name)) {
      // (a stored decision's name is a key already, maybe an old one: as stored, a row's legacyNameKey
      // finds it — keyed again, "王 小明"'s old key "小明 王" became "小明王" and was found by no row)
      linkByName.set(l.name, l.memberId);
      linkByName.set(nameKey(l.name), l.memberId);
    }
  }

  const known = new Map<string, string[]>();
  const rememberedKeys = (names: readonly string[]) => {
    const key = names.join('\u0000');
    let keys = known.get(key);
    if (!keys) known.set(key, (keys = keysOf(names)));
    return keys;
  };
  const matches: MatchedRow[] = [];
  const unmatchedRows: UnmatchedRow[] = [];
  const rowsOf = new Map<number, AttendanceRow[]>();
  const files: AttendanceFileResult[] = [];

  for (const report of reports) {
    let matched = 0;
    let unmatched = 0;
    for (const row of report.rows) {
      const outcome = matchRow(row, { keysOf: rememberedKeys, byEmail, byName, nameOf, whereOf, organizations, linkByEmail, linkByName, expected: options.expected ?? new Set() });
      if ('memberId' in outcome) {
        matched++;
        matches.push({ file: row.file, rowNumber: row.rowNumber, memberId: outcome.memberId, by: outcome.by });
        if (!row.waitingRoom) pushTo(rowsOf, outcome.memberId, row);
      } else {
        unmatched++;
        unmatchedRows.push({ file: row.file, rowNumber: row.rowNumber, name: row.name, email: row.email, reason: outcome.reason, problem: outcome.problem, candidates: outcome.candidates ?? [] });
      }
    }
    files.push({ ...report.file, matched, unmatched });
  }

  const perMember = [...rowsOf.entries()].sort((a, b) => a[0] - b[0]).map(([memberId, rows]) => memberMinutes(memberId, rows, options.meetings));
  const matchedCount = matches.length;
  return {
    rows: matchedCount + unmatchedRows.length,
    matched: matchedCount,
    unmatched: unmatchedRows.length,
    files,
    perMember,
    matches,
    unmatchedRows,
  };
}

interface Index {
  /** keysOf, remembered for the call: a person's re-joins repeat their name. */
  keysOf: (names: readonly string[]) => string[];
  byEmail: Map<string, number[]>;
  byName: Map<string, number[]>;
  nameOf: Map<number, string[]>;
  whereOf: Map<number, { organization: string | null; country: string | null }>;
  /** The members' organisations, keyed: a display name's addition that is one of them names an organisation. */
  organizations: ReadonlySet<string>;
  expected: ReadonlySet<number>;
  linkByEmail: Map<string, number | null>;
  linkByName: Map<string, number | null>;
}

type Outcome = { memberId: number; by: MatchedRow['by'] } | { reason: string; problem: UnmatchedProblem; candidates?: number[] };

function matchRow(row: AttendanceRow, idx: Index): Outcome {
  if (row.keptFor != null) return { memberId: row.keptFor, by: 'link' };
  if (row.erased) return { reason: 'the participant was erased on request', problem: 'ignored' };
  const email = emailKey(row.email);
  const written = row.names.length ? row.names : [row.name];
  const keys = idx.keysOf(written);
  // The officer's decisions first.
  // A decision by name is for rows without an address: a row with one is who its address says.
  // It is a decision on a name as written (as linkAttendanceRow keys it), not on the names inside one: a
  // guest list's "ILO Accra" ignored is not "Ama Owusu (ILO Accra)" ignored, the member Ama Owusu.
  const byName = email ? undefined : [...written.map(nameKey), ...written.map(legacyNameKey)].find((k) => idx.linkByName.has(k));
  const link = email && idx.linkByEmail.has(email) ? idx.linkByEmail.get(email) : byName !== undefined ? idx.linkByName.get(byName) : undefined;
  if (link !== undefined) return link === null ? { reason: 'ignored by the officer', problem: 'ignored' } : { memberId: link, by: 'link' };

  if (email) {
    const found = idx.byEmail.get(email) ?? [];
    if (found.length === 1) return { memberId: found[0]!, by: 'email' };
    if (found.length > 1) {
      const narrowed = found.filter((id) => (idx.nameOf.get(id) ?? []).some((k) => keys.includes(k)));
      if (narrowed.length === 1) return { memberId: narrowed[0]!, by: 'email' };
      const expected = found.filter((id) => idx.expected.has(id));
      if (expected.length === 1) return { memberId: expected[0]!, by: 'email' };
      return { reason: `the row's email belongs to ${found.length} members (${ids(found)})`, problem: 'email-shared', candidates: [...found].sort((a, b) => a - b) };
    }
  }
  // (a lone initial or a lone CJK character is no one's name: never matched on)
  const fitting = [...new Set(keys.filter(identifies).flatMap((k) => idx.byName.get(k) ?? []))];
  // (the display name as the report wrote it: Zoom's "Maria Lopez (Taller Sur)" is read as two names)
  const candidates = fitting.filter((id) => !namesElsewhere([row.name, ...written], id, idx));
  if (fitting.length > 0 && candidates.length === 0) {
    const sorted = [...fitting].sort((a, b) => a - b);
    return { reason: `${row.names.length > 1 ? "the row's names fit" : "the row's name fits"} ${ids(sorted)}, but names another organisation or country`, problem: 'unknown', candidates: sorted };
  }
  if (fitting.length === 0) {
    const loose = looseHyphenFits(written, idx);
    if (loose) return loose;
  }
  if (candidates.length === 1) return { memberId: candidates[0]!, by: 'name' };
  const expected = candidates.filter((id) => idx.expected.has(id));
  if (candidates.length > 1 && expected.length === 1) return { memberId: expected[0]!, by: 'name' };
  // Reasons say what did not match, never the name or address itself (the row number goes with them).
  const shown = row.names.length > 1 ? "the row's names" : "the row's name";
  if (candidates.length > 1) {
    const sorted = candidates.sort((a, b) => a - b);
    return { reason: `${shown} fit${row.names.length > 1 ? '' : 's'} ${candidates.length} members (${ids(sorted)})`, problem: 'name-shared', candidates: sorted };
  }
  if (!email && !keys.length) return { reason: 'the row has neither a name nor an email', problem: 'empty' };
  if (email) return { reason: `no member has the row's email${keys.length ? ` or ${shown}` : ''}`, problem: 'unknown' };
  return { reason: `no email, and no member has ${shown}`, problem: 'unknown' };
}

/**
 * A row no member's name fits, whose name is read as a double surname ("Ama Owusu - Accra" as
 * Owusu-Accra): the name before the hyphen fits a member, and what follows may be a city, a role
 * ("- Host") or a one-word organisation ("- Oxfam") instead. The member invited to the event is
 * taken; any other is named for the officer to decide (skillsnet event link), not guessed.
 */
function looseHyphenFits(written: readonly string[], idx: Index): Outcome | undefined {
  const before = written.map(nameBeforeLooseHyphen).filter((n): n is string => n !== null);
  if (before.length === 0) return undefined;
  const fitting = [...new Set(idx.keysOf(before).filter(identifies).flatMap((k) => idx.byName.get(k) ?? []))]
    .filter((id) => !namesElsewhere(written, id, idx))
    .sort((a, b) => a - b);
  if (fitting.length === 0) return undefined;
  const expected = fitting.filter((id) => idx.expected.has(id));
  if (expected.length === 1) return { memberId: expected[0]!, by: 'name' };
  return { reason: looseHyphenReason(fitting), problem: 'unknown', candidates: fitting };
}

function looseHyphenReason(candidates: readonly number[]): string {
  return `the name before its ' - ' fits ${ids(candidates)}, but what follows may be part of the surname`;
}

/**
 * Whether a display name says the person is elsewhere than the member: an addition that is
 * another member organisation ("Maria (Org A)" for Maria of Org B) or another country ("Ama
 * Owusu - Ghana" for an Ama Owusu in Kenya). Its own organisation or country, or an addition
 * that is neither ("Ministry of Labour", "External", a double surname), says nothing against it.
 */
function namesElsewhere(written: readonly string[], memberId: number, idx: Index): boolean {
  const where = idx.whereOf.get(memberId);
  if (!where) return false;
  // a word of the member's own name is no place ("Smith (Jordan)" for Jordan Smith)
  const own = new Set((idx.nameOf.get(memberId) ?? []).flatMap((key) => key.split(' ')));
  return written.some((name) => nameAdditions(name).filter((addition) => !own.has(personNameKey(addition))).some((addition) => {
    const organization = organizationKey(addition);
    if (idx.organizations.has(organization)) return organization !== where.organization;
    const country = countryOf(addition);
    return country !== null && where.country !== null && country !== where.country;
  }));
}

/** Minutes of one member (attendedMinutes: their time counted once per meeting), joins, first join and last leave. */
function memberMinutes(memberId: number, rows: AttendanceRow[], meetings: ReadonlyMap<string, string | number> = new Map()): MemberAttendance {
  const joins = rows.map((r) => r.joinTime).filter((t): t is string => !!t).sort((a, b) => Date.parse(a) - Date.parse(b));
  const leaves = rows.map((r) => r.leaveTime).filter((t): t is string => !!t).sort((a, b) => Date.parse(a) - Date.parse(b));
  return {
    memberId,
    minutes: attendedMinutes(rows.map((r) => ({ joinTime: r.joinTime, leaveTime: r.leaveTime, minutes: r.minutes, report: r.file, meeting: meetings.get(r.file) ?? `report:${r.file}` }))),
    joins: rows.length,
    firstJoin: joins[0] ?? null,
    lastLeave: leaves[leaves.length - 1] ?? null,
  };
}
