/**
 * erase: a person who asks to be removed leaves the database — their name, email address and
 * phone number, wherever they are (applications and their source rows, earlier versions, rejected
 * rows, people, members, the history, file names; and every place other modules register in
 * db/personal-data.ts, such as attendance rows), and then the file itself: deletes run with
 * SQLite's secure_delete (freed pages zeroed), the WAL is checkpointed and emptied, and the file is
 * rebuilt (VACUUM), so neither the database file nor its -wal holds the bytes any longer.
 *
 * The organisation and its applications stay (they are the organisation's, not the person's);
 * only the person's data goes. The report names what was removed (tables and counts) and the
 * earlier exports that carried the person's data (from the export log): those files are outside
 * the database, and only the officer can delete them. Nothing in the report, the history or a
 * message repeats the data.
 */
import path from 'node:path';
import { beginWrite, commit, drainInSteps, rollback, type DB } from '../db/connection.js';
import { exportsCarrying, type ExportLogEntry } from '../db/export-log.js';
import { recordAction } from '../db/history.js';
import {
  ERASED, applicationContactAndSource, applicationOwnerAt, applicationPersonAndEmail, applicationsOfEmailOrPeople, applicationsOfPeopleOrEmails,
  clearApplicationContact, clearValues, contactDataOfApplications, contactDataOfPeople, deleteOwnRows, emailsOfPeople, existingPeople, existingTables,
  mappingOfRejectedRowAt, memberKindAndPerson, organizationMembersOfPeople, peopleWithEmail, personalDataPlaces, personMembersOfPeople, rowsContaining,
  rowsWhole, setText, setVersionData, sourceRowsOfApplications, textColumnsOfAllTables, unlinkPeople, versionDataOfApplication,
  secureDeleteOn, versionOwnerAt, versionsOfApplications,
} from '../db/personal-data.js';
import { scrubFileAside } from '../db/scrub.js';
import { OperationError, UsageError } from '../errors.js';
import { checkpoint } from '../reporting.js';
import { faultOf } from '../files/index.js';
import { eraseAttendanceOf } from '../events/attendance/store.js';
import { normaliseEmail } from '../import/normalise.js';
import { looksLike, readId } from '../ids.js';
import { type Subject } from './subjects.js';

export { ERASED };

/** Fields of a source row that are the contact person's (the import's field names). */
const PERSONAL_FIELDS = ['contactName', 'firstName', 'lastName', 'email', 'phone'];
/** Of those, the contact's name: in another person's row it is that person's (a namesake's). */
const NAME_FIELDS = ['contactName', 'firstName', 'lastName'];
/** The same, as an application's columns (a version's snapshot). */
const NAME_COLUMNS = new Set(['contact_name', 'given_name', 'family_name']);

export interface EraseTarget {
  /** People rows (people ids). */
  people: number[];
  /** Applications whose contact is the person. */
  applications: number[];
  /** Organisations of those (they stay; for the export log). */
  organizations: number[];
  /** The data to remove: never returned to callers, never printed. */
  emails: string[];
  names: string[];
  /** The given and family names on their own (forms with First name / Last name columns). */
  nameParts: string[];
  phones: string[];
}

export interface EraseReport {
  /** What was erased, by ID ("person-3", "applications 12, 40"), never by name or address. */
  subject: string;
  dryRun: boolean;
  people: number[];
  applications: number[];
  /** Per place: the table, what it holds, and how many rows were changed or deleted. */
  removed: { table: string; label: string; rows: number }[];
  /** Found by the final sweep outside the registered places (table.column): the registry should name them. */
  alsoFound: { table: string; column: string; rows: number }[];
  /** Earlier exports that carried the person's name or contact details, latest first. */
  exports: ExportLogEntry[];
  /** The file: rebuilt and its WAL emptied (false on a dry run, or when another program holds it open). */
  file: { vacuumed: boolean; walEmptied: boolean };
  historyId: number | null;
}

/** The person an officer names: an email address, person-N, member-N (a person member) or an application ID (its contact). */
export function findErasable(db: DB, text: string): EraseTarget {
  const t = text.trim();
  let people: number[] = [];
  let applications: number[] = [];
  if (t.includes('@')) {
    const { email, valid } = normaliseEmail(t);
    if (!valid || !email) throw new UsageError('erase takes an email address or an ID, and that is not a complete email address', { hint: 'give the address as it was imported, or a person ID: skillsnet erase person-3 (find it with skillsnet members --search TEXT)' });
    people = peopleWithEmail(db, email);
    applications = applicationsOfEmailOrPeople(db, email, people);
    if (!people.length && !applications.length) {
      // also an address only in a raw row or a rejected row: still theirs to erase
      const anywhere = rowsContaining(db, 'rejected_rows', 'raw_json', [email]).length + rowsContaining(db, 'applications', 'raw_json', [email]).length;
      if (!anywhere) throw new OperationError('no person with that email address in this database', { hint: 'check the spelling, or find the person with skillsnet members --search and erase them by ID (person-N)' });
      return { people: [], applications: [], organizations: [], emails: [email], names: [], nameParts: [], phones: [] };
    }
  } else {
    const found = readId(t, 'application');
    if (!found || !['person', 'member', 'application'].includes(found.kind)) {
      throw new UsageError(`erase takes an email address, a person (person-3), a member (member-9) or an application ID (17); that is ${looksLike(t)}`, {
        hint: 'find the person with skillsnet members --search TEXT or skillsnet list --search TEXT, then erase their email address or person-N',
      });
    }
    const s = found as Subject;
    if (s.kind === 'person') people = [s.id];
    else if (s.kind === 'member') {
      const m = memberKindAndPerson(db, s.id);
      if (!m) throw new OperationError(`no member-${s.id}`, { hint: 'find IDs with skillsnet members --search TEXT' });
      // (the organisation named: "show org-N" left the officer to find which)
      if (m.kind !== 'person') throw new OperationError(`member-${s.id} is an organisation, not a person`, { hint: `erase its contact person by email, or by ID (skillsnet show ${m.organization_id !== null ? `org-${m.organization_id}` : `member-${s.id}`} lists its people)` });
      if (m.person_id !== null) people = [m.person_id];
    } else {
      const a = applicationPersonAndEmail(db, s.id);
      if (!a) throw new OperationError(`no application with ID ${s.id}`, { hint: 'find IDs with skillsnet list' });
      if (a.person_id !== null) people = [a.person_id];
      else if (!contactLeft(db, s.id)) {
        // erased already (or never had one): say so, rather than report a row erased again
        throw new OperationError(`application ${s.id} has no contact person left to erase`, { hint: 'the erasures done are listed by skillsnet history --action erase' });
      } else applications = [s.id];
    }
    const known = existingPeople(db, people);
    if (people.length && !known.length) throw new OperationError(`no person ${t}`, { hint: 'find people with skillsnet show org-N' });
    people = known;
    const emails = emailsOfPeople(db, people);
    applications = [...new Set([...applications, ...applicationsOfPeopleOrEmails(db, people, emails)])];
  }
  const peopleRows = contactDataOfPeople(db, people);
  const appRows = contactDataOfApplications(db, applications);
  const uniq = (xs: (string | null | undefined)[]) => [...new Set(xs.map((x) => x?.trim()).filter((x): x is string => Boolean(x)))];
  return {
    people, applications,
    organizations: [...new Set([...peopleRows, ...appRows].map((r) => r.organization_id).filter((x): x is number => x !== null))],
    emails: uniq([...peopleRows.map((p) => p.email?.toLowerCase()), ...appRows.map((a) => a.email?.toLowerCase())]),
    names: uniq([
      ...peopleRows.flatMap((p) => [p.name, [p.given_name, p.family_name].filter(Boolean).join(' ')]),
      ...appRows.flatMap((a) => [a.contact_name, [a.given_name, a.family_name].filter(Boolean).join(' ')]),
    ]),
    nameParts: uniq([...peopleRows, ...appRows].flatMap((r) => [r.given_name, r.family_name])).filter((n) => n.replace(/[^\p{L}]/gu, '').length >= 2),
    phones: uniq([...peopleRows.map((p) => p.phone), ...appRows.map((a) => a.phone)]),
  };
}

/** Whether an application still holds a contact's data: a name, address or phone, in its fields, its source row or an earlier version. */
function contactLeft(db: DB, applicationId: number): boolean {
  const filled = (v: unknown) => v !== null && v !== undefined && v !== ERASED && String(v).trim() !== '';
  const a = applicationContactAndSource(db, applicationId);
  if (!a) return false;
  if ([a.contact_name, a.given_name, a.family_name, a.email, a.phone].some(filled)) return true;
  const cells = (rawJson: unknown, headers: Set<string>) => {
    try {
      const raw = JSON.parse(String(rawJson ?? '{}')) as Record<string, unknown>;
      return Object.entries(raw).some(([k, v]) => headers.has(k) && filled(v));
    } catch {
      return false;
    }
  };
  if (cells(a.raw_json, personalHeaders(a.mapping_json))) return true;
  const versions = versionDataOfApplication(db, applicationId);
  return versions.some((json) => {
    const data = JSON.parse(json) as Record<string, unknown>;
    // (a version's source row is read with every header that may hold a contact: its batch may be another)
    return ['contact_name', 'given_name', 'family_name', 'email', 'phone'].some((k) => filled(data[k])) || (typeof data.raw_json === 'string' && cells(data.raw_json, personalHeaders(a.mapping_json)));
  });
}

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const jsonEscaped = (s: string) => JSON.stringify(s).slice(1, -1);
const asciiEscaped = (s: string, upper: boolean) => jsonEscaped(s).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\\u[0-9a-f]{4}/g, (m) => (upper ? m.toUpperCase().replace('\\U', '\\u') : m));

/** The forms a datum may take in the database: as written, without accents, and escaped in JSON (\" \\ \u00e9). */
function variants(s: string): string[] {
  const out = new Set<string>();
  for (const base of [s, s.normalize('NFC'), s.normalize('NFD'), stripAccents(s)]) {
    out.add(base);
    out.add(jsonEscaped(base));
    out.add(asciiEscaped(base, false));
    out.add(asciiEscaped(base, true));
    // inside a JSON string that itself sits in JSON (a version's raw row): quotes and backslashes escaped twice
    out.add(jsonEscaped(jsonEscaped(base)));
  }
  return [...out].filter((v) => v.length > 0);
}

/** A name worth finding in any text: at least two words, or one of at least 5 letters (a lone "Ana" would hit every "Anabel"). */
const searchableName = (n: string) => /\S\s+\S/.test(n) || n.replace(/\s/g, '').length >= 5;

interface DataMatcher {
  pattern: RegExp | null;
  fragments: string[];
  /** Their addresses and phone numbers only: they go even from cells that keep a namesake's name. */
  contact: RegExp | null;
  contactFragments: string[];
  /** The given and family names as whole words: replaced only in rows that held the person's other data (rows tied to them). */
  parts: RegExp | null;
  /** The same, as whole values: a cell that is exactly the given or the family name. */
  isPart: (text: string) => boolean;
  partForms: string[];
}

const foldName = (s: string) => stripAccents(s.normalize('NFC')).trim().toLowerCase();

/** The matcher of a person's data inside text, and the fragments SQL prefilters rows with. */
function dataMatcher(target: EraseTarget): DataMatcher {
  const partForms = [...new Set(target.nameParts.flatMap(variants))];
  const folded = new Set(target.nameParts.map(foldName));
  // Whole words only: "Ana" goes from "Ana Zubiaurre, Lima" but "Análisis" and "Mariana" stay.
  const parts = partForms.length
    ? new RegExp(`(?<![\\p{L}\\p{N}\\\\])(?:${[...partForms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu')
    : null;
  const base = literalMatcher(target);
  const contact = literalMatcher({ ...target, names: [] });
  return { ...base, contact: contact.pattern, contactFragments: contact.fragments, parts, isPart: (text) => folded.has(foldName(text)), partForms };
}

function literalMatcher(target: Pick<EraseTarget, 'emails' | 'names' | 'phones'>): { pattern: RegExp | null; fragments: string[] } {
  const literals = [...target.emails, ...target.names.filter(searchableName), ...target.phones].flatMap(variants);
  const fragments = new Set<string>();
  for (const l of literals) for (const v of [l, l.toLowerCase(), l.toUpperCase()]) fragments.add(asciiLower(v));
  const parts = [...new Set(literals)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // A phone number however it is written: its digits with any spaces, dots, dashes, slashes or brackets between.
  for (const phone of target.phones) {
    const digits = phone.replace(/\D/g, '');
    if (digits.length < 6) continue;
    parts.push(digits.split('').join('[\\s().\\-+/]*'));
    const run = [...phone.matchAll(/\d+/g)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0];
    if (run && run.length >= 2) fragments.add(run);
  }
  if (!parts.length) return { pattern: null, fragments: [] };
  return { pattern: new RegExp(parts.join('|'), 'giu'), fragments: [...fragments] };
}

/**
 * Replaces the person's data in one column of a table; returns how many rows changed. A row that
 * held their address, phone or full name is theirs: their given and family names go from it too,
 * as whole words. Elsewhere only a cell that is exactly one of those names goes. (Columns of
 * other people's names are not scrubbed at all: a namesake's "Ana" is not the person's.)
 */
function scrubColumn(db: DB, table: string, column: string, matcher: DataMatcher): number {
  let n = 0;
  const done = new Set<number>();
  if (matcher.pattern) {
    for (const r of rowsContaining(db, table, column, matcher.fragments)) {
      let scrubbed = r.text.replace(matcher.pattern, ERASED);
      if (scrubbed === r.text) continue;
      if (matcher.parts) scrubbed = scrubbed.replace(matcher.parts, ERASED);
      setText(db, table, column, r.rowid, scrubbed);
      done.add(r.rowid);
      n++;
    }
  }
  if (matcher.partForms.length) {
    for (const r of rowsWhole(db, table, column, matcher.partForms)) {
      if (done.has(r.rowid) || !matcher.isPart(r.text)) continue;
      setText(db, table, column, r.rowid, ERASED);
      n++;
    }
  }
  return n;
}

/** Replaces the person's addresses and phone numbers (not their names) in one column; returns how many rows changed. */
function scrubContact(db: DB, table: string, column: string, matcher: DataMatcher): number {
  return scrubColumn(db, table, column, { ...matcher, pattern: matcher.contact, fragments: matcher.contactFragments, parts: null, partForms: [] });
}

/** In a source row (header -> value), the cells the import read the contact's fields from become [erased]. */
function scrubRawRow(rawJson: string, headers: Set<string>): string {
  try {
    const raw = JSON.parse(rawJson) as Record<string, unknown>;
    let changed = false;
    for (const k of Object.keys(raw)) if (headers.has(k)) { raw[k] = ERASED; changed = true; }
    return changed ? JSON.stringify(raw) : rawJson;
  } catch {
    return rawJson;
  }
}

function personalHeaders(mappingJson: string | null, fields = PERSONAL_FIELDS): Set<string> {
  const out = new Set<string>();
  try {
    const mapping = JSON.parse(mappingJson ?? '{}') as Record<string, string[]>;
    for (const f of fields) for (const h of mapping[f] ?? []) out.add(h);
  } catch { /* no mapping */ }
  return out;
}

/**
 * The person's data in the values of a JSON object (another application's source row, or a
 * version of it), except the values whose key `keep` names: that row's own contact name, which is
 * a namesake's. A row that held their address, phone or full name elsewhere is tied to them: their
 * given and family names go from its other values too, as whole words. Returns the new JSON, or
 * null when nothing changed.
 */
function scrubOthersJson(json: string, matcher: DataMatcher, keep: (key: string) => boolean, nested?: (key: string, value: string) => string | null): string | null {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  let changed = false;
  let tied = false;
  const keys = Object.keys(data).filter((k) => typeof data[k] === 'string' && !keep(k));
  // (a nested row is scrubbed by its own rules, which keep a namesake's cells)
  const nestedKeys = new Set<string>();
  for (const k of keys) {
    const v = data[k] as string;
    const inner = nested?.(k, v);
    // (their data inside the nested row ties this one to them too)
    if (inner !== undefined && inner !== null) { nestedKeys.add(k); if (inner !== v) { data[k] = inner; changed = tied = true; } continue; }
    if (!matcher.pattern) continue;
    const scrubbed = v.replace(matcher.pattern, ERASED);
    if (scrubbed !== v) { data[k] = scrubbed; changed = tied = true; }
  }
  // (a cell kept for a namesake's name still loses the person's address or phone written in it)
  if (matcher.contact) {
    for (const k of Object.keys(data)) {
      if (typeof data[k] !== 'string' || !keep(k)) continue;
      const v = data[k] as string;
      const scrubbed = v.replace(matcher.contact, ERASED);
      if (scrubbed !== v) { data[k] = scrubbed; changed = tied = true; }
    }
  }
  if (tied && matcher.parts) {
    for (const k of keys) {
      if (nestedKeys.has(k)) continue;
      const v = data[k] as string;
      const scrubbed = v.replace(matcher.parts, ERASED);
      if (scrubbed !== v) { data[k] = scrubbed; changed = true; }
    }
  }
  return changed ? JSON.stringify(data) : null;
}

/**
 * Applications (and their earlier versions) that still hold the person's data (in another
 * person's row, or in what a version keeps of theirs, such as its identity key): it goes, but
 * another person's own contact name stays — when the row has an address of its own that is not
 * the person's, a name like theirs in it is a namesake's. Returns the rows changed per table.
 */
function scrubOtherApplications(db: DB, target: EraseTarget, matcher: DataMatcher): { applications: number; versions: number } {
  const own = new Set(target.applications);
  const emails = new Set(target.emails);
  const namesake = (email: unknown) => typeof email === 'string' && email.trim() !== '' && !emails.has(email.trim().toLowerCase());
  const fragments = matcher.fragments;
  let applications = 0;
  for (const r of rowsContaining(db, 'applications', 'raw_json', fragments)) {
    const a = applicationOwnerAt(db, r.rowid);
    const names = !own.has(a.id) && namesake(a.email) ? personalHeaders(a.mapping_json, NAME_FIELDS) : new Set<string>();
    const scrubbed = scrubOthersJson(r.text, matcher, (k) => names.has(k));
    if (scrubbed !== null) { setText(db, 'applications', 'raw_json', r.rowid, scrubbed); applications++; }
  }
  let versions = 0;
  for (const r of rowsContaining(db, 'application_versions', 'data_json', fragments)) {
    const v = versionOwnerAt(db, r.rowid);
    const isNamesake = !own.has(v.id) && namesake(v.email);
    const names = isNamesake ? personalHeaders(v.mapping_json, NAME_FIELDS) : new Set<string>();
    const scrubbed = scrubOthersJson(r.text, matcher, (k) => isNamesake && NAME_COLUMNS.has(k), (k, value) =>
      k === 'raw_json' ? scrubOthersJson(value, matcher, (h) => names.has(h)) ?? value : null);
    if (scrubbed !== null) { setText(db, 'application_versions', 'data_json', r.rowid, scrubbed); versions++; }
  }
  return { applications, versions };
}

/**
 * Erases a person. Run it with the officer's consent (the CLI asks, or needs --yes); a dry run
 * reports what would go and changes nothing. Once the erase is committed, `onErased` hears of it
 * with the rebuild of the file under way (in a worker thread: seconds on a large database), so
 * that an interruption from then on can say so and let the rebuild finish.
 */
export async function erasePerson(
  db: DB,
  text: string,
  options: {
    dryRun?: boolean;
    /** Between steps of the erase (default: the event loop runs, so Ctrl-C is heard). */
    pause?: () => Promise<void>;
    onErased?: (report: EraseReport, rebuilt: Promise<unknown>) => void;
  } = {},
): Promise<EraseReport> {
  const target = findErasable(db, text);
  const subject = target.people.length ? target.people.map((p) => `person-${p}`).join(', ') : target.applications.length ? `the contact of application ${target.applications.join(', ')}` : 'an address found only in imported rows';
  const report: EraseReport = {
    subject, dryRun: Boolean(options.dryRun), people: target.people, applications: target.applications, removed: [], alsoFound: [],
    exports: exportsCarrying(db, target.organizations, target.people).reverse(), file: { vacuumed: false, walEmptied: false }, historyId: null,
  };
  const matcher = dataMatcher(target);
  const ids = { people: target.people, emails: target.emails, applications: target.applications };
  const tables = existingTables(db);
  const count = (table: string, label: string, rows: number) => {
    if (!rows) return;
    const found = report.removed.find((r) => r.table === table);
    if (found) found.rows += rows;
    else report.removed.push({ table, label, rows });
  };
  // In steps, with the event loop free between them (every ~50 ms): in one synchronous block the
  // erase of a large database held Ctrl-C for seconds, and the preview (a dry run) as long again.
  function* steps(): Generator<unknown, void> {
    const label = (t: string) => personalDataPlaces().find((p) => p.table === t)?.label ?? t;
    // 1. The person's applications: their fields, and the cells of their source rows (and earlier versions) that hold them.
    const apps = sourceRowsOfApplications(db, target.applications);
    for (const a of apps) {
      const raw = scrubRawRow(a.raw_json, personalHeaders(a.mapping_json));
      clearApplicationContact(db, a.id, raw);
      yield;
    }
    count('applications', label('applications'), apps.length);
    const versions = versionsOfApplications(db, target.applications);
    for (const v of versions) {
      const data = JSON.parse(v.data_json) as Record<string, unknown>;
      for (const k of ['contact_name', 'given_name', 'family_name', 'email', 'phone']) if (k in data) data[k] = null;
      if (typeof data.raw_json === 'string') data.raw_json = scrubRawRow(data.raw_json, personalHeaders(v.mapping_json));
      setVersionData(db, v.id, JSON.stringify(data));
      yield;
    }
    count('application_versions', label('application_versions'), versions.length);
    // 2. Rejected rows that hold their address or phone: the contact cells go.
    if (matcher.pattern) {
      const rejected = rowsContaining(db, 'rejected_rows', 'raw_json', [...target.emails, ...matcher.fragments.filter((f) => /^\d+$/.test(f))]);
      for (const r of rejected) {
        matcher.pattern.lastIndex = 0;
        if (!matcher.pattern.test(r.text)) continue;
        const batch = mappingOfRejectedRowAt(db, r.rowid);
        const scrubbed = scrubRawRow(r.text, personalHeaders(batch));
        if (scrubbed !== r.text) { setText(db, 'rejected_rows', 'raw_json', r.rowid, scrubbed); count('rejected_rows', label('rejected_rows'), 1); }
        yield;
      }
      matcher.pattern.lastIndex = 0;
    }
    // 3. Their own rows (people, person members; attendance rows and the like from other modules) go whole.
    unlinkPeople(db, target.people);
    // Attendance rows name the person in the reports' own spellings ("Kouassi, Moussa"); the events are matched again without them.
    const personMembers = personMembersOfPeople(db, target.people);
    const organizationMembers = organizationMembersOfPeople(db, target.people);
    const attendance = eraseAttendanceOf(db, { emails: target.emails, names: target.names, memberIds: personMembers, organizationMemberIds: organizationMembers });
    count('attendance_rows', label('attendance_rows'), attendance.rows);
    count('attendance_links', label('attendance_links'), attendance.links);
    const ordered = [...personalDataPlaces()].sort((a, b) => Number(a.table === 'people') - Number(b.table === 'people'));
    for (const place of ordered) {
      if (!tables.has(place.table)) continue;
      count(place.table, place.label, deleteOwnRows(db, place, ids));
      yield;
    }
    // 4. Their data where it is one value of a column (an address, a phone) or inside text.
    // Name columns are other people's names (the person's own rows were cleared above): a
    // namesake keeps their name; so does the contact name in another person's source row.
    const namesakes = new Set(personalDataPlaces().flatMap((p) => (p.nameColumns ?? []).map((c) => `${p.table}.${c}`)));
    yield;
    const others = scrubOtherApplications(db, target, matcher);
    count('applications', label('applications'), others.applications);
    count('application_versions', label('application_versions'), others.versions);
    // (a namesake's name cell keeps the name but not the person's address or phone written in it)
    for (const place of personalDataPlaces()) {
      if (!tables.has(place.table)) continue;
      for (const column of place.nameColumns ?? []) {
        count(place.table, place.label, scrubContact(db, place.table, column, matcher));
        yield;
      }
    }
    const handled = new Set([...namesakes, 'applications.raw_json', 'application_versions.data_json']);
    for (const place of personalDataPlaces()) {
      if (!tables.has(place.table)) continue;
      for (const column of place.valueColumns ?? []) {
        count(place.table, place.label, clearValues(db, place.table, column, [...target.emails, ...target.phones]));
        yield;
      }
      for (const column of place.textColumns ?? []) {
        if (handled.has(`${place.table}.${column}`)) continue;
        count(place.table, place.label, scrubColumn(db, place.table, column, matcher));
        yield;
      }
    }
    // 5. The sweep: any text column of any table that still holds it (a table no module registered).
    const registered = new Set(personalDataPlaces().flatMap((p) => [...(p.valueColumns ?? []), ...(p.textColumns ?? [])].map((c) => `${p.table}.${c}`)));
    for (const { table, columns } of textColumnsOfAllTables(db)) {
      for (const column of columns) {
        if (handled.has(`${table}.${column}`)) continue;
        const n = scrubColumn(db, table, column, matcher);
        if (n && !registered.has(`${table}.${column}`)) report.alsoFound.push({ table, column, rows: n });
        else if (n) count(table, table, n);
        yield;
      }
    }
    report.historyId = recordAction(db, 'erase', subject, { people: target.people.length, applications: target.applications.length, tables: report.removed.map((r) => r.table) });
  }
  // secure_delete: the pages the deletes free are zeroed, not left for a later write.
  const restoreSecureDelete = secureDeleteOn(db);
  try {
    await beginWrite(db);
    try {
      await drainInSteps(steps(), options.pause ?? (() => checkpoint()));
      if (options.dryRun) {
        rollback(db);
        report.historyId = null;
      } else commit(db);
    } catch (e) {
      rollback(db);
      throw e;
    }
  } finally {
    restoreSecureDelete();
  }
  if (!options.dryRun) {
    const rebuilt = scrubFileAside(db.name);
    options.onErased?.(report, rebuilt);
    try {
      const { checkpointed } = await rebuilt;
      report.file = { vacuumed: true, walEmptied: checkpointed };
    } catch (e) {
      // The erase is committed by now: said as a bare "cannot use the database: the disk is
      // full", the officer took it for not done, and erasing again found no one.
      const fault = faultOf(e, path.dirname(db.name));
      if (!fault) throw e;
      throw new OperationError(
        `${subject} was erased from every table (change ${report.historyId} in the history), but the database file could not be rebuilt afterwards: ${fault.what} (${fault.code})`,
        { hint: `${fault.fix.replace(/ \(or write somewhere else\)|, then run the command again$/g, '')}; then run skillsnet db compact to rebuild it (until then, bytes of the erased data may remain in its unused space)` },
      );
    }
  }
  return report;
}
