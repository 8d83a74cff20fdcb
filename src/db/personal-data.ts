/**
 * The places in the database that hold personal data, as a registry: each table that keeps a
 * person's name, email address or phone number says where (network/erase.ts removes them there).
 * A module that adds such a table registers it (issue 14: attendance rows). Whatever a place
 * misses, erase's final sweep still finds in any text column of any table — and reports, so the
 * registry can be completed.
 *
 * Nothing here logs or returns the data itself: only tables, columns and counts.
 */
import { ATTENDANCE_PERSONAL_DATA } from './attendance.js';
import { cachedStatement, type DB } from './connection.js';

export interface PersonalDataPlace {
  /** The table. */
  table: string;
  /** What it holds, for the report ("applications: contact name, email, phone"). */
  label: string;
  /** Columns that hold one datum each (a name, an address): set to NULL where they equal one of the person's. */
  valueColumns?: string[];
  /** Columns of text or JSON in which the data may appear among other text: each occurrence is replaced. */
  textColumns?: string[];
  /**
   * Columns that hold a person's name (or a part of it): in rows that are not the person's own,
   * a name like theirs is a namesake's ("Ana García" of another application), and erase's sweep
   * leaves these columns alone. The person's own rows are cleared directly.
   */
  nameColumns?: string[];
  /**
   * Rows that are the person's own and go whole (their people row, a person member, an
   * attendance row): an SQL condition on the table's columns, with @people (JSON array of people
   * ids), @emails (JSON array of lower-case addresses) and @applications (JSON array of ids).
   */
  ownRows?: string;
}

/** What erase replaces a person's data with inside text (a source row, a note, a file name, an attendance row's name). */
export const ERASED = '[erased]';

const places: PersonalDataPlace[] = [
  {
    table: 'applications', label: 'applications: contact name (whole, given and family), email, phone and the source row',
    valueColumns: ['contact_name', 'given_name', 'family_name', 'email', 'phone'], textColumns: ['raw_json'], nameColumns: ['contact_name', 'given_name', 'family_name'],
  },
  { table: 'application_versions', label: 'earlier versions of applications (re-imports)', textColumns: ['data_json'] },
  { table: 'rejected_rows', label: 'rejected rows of imports', textColumns: ['raw_json'] },
  { table: 'people', label: 'contact people', nameColumns: ['name', 'given_name', 'family_name'], ownRows: 'id IN (SELECT value FROM json_each(@people)) OR lower(email) IN (SELECT value FROM json_each(@emails))' },
  { table: 'members', label: 'members in their own right', ownRows: `kind = 'person' AND person_id IN (SELECT value FROM json_each(@people))` },
  { table: 'organizations', label: 'organisations: notes (and a name that is the person\'s)', textColumns: ['notes', 'name'] },
  { table: 'reviewer_scores', label: "reviewers' scores: file names", textColumns: ['file_name'] },
  { table: 'import_batches', label: 'imported files: names and headers', textColumns: ['file_name', 'headers_json'] },
  { table: 'history', label: 'history of changes', textColumns: ['subject', 'detail_json'] },
  { table: 'history_values', label: 'previous values kept by the history', textColumns: ['old_value', 'new_value'] },
  { table: 'roster_changes', label: 'roster changes: notes', textColumns: ['note'] },
  { table: 'export_log', label: 'export log: file paths', textColumns: ['path'] },
  // Attendance reports of events (issue 14): participants' names and addresses, the officer's link decisions.
  ...ATTENDANCE_PERSONAL_DATA,
];

/** Adds a table that holds personal data (once; a later registration of the same table replaces it). */
export function registerPersonalDataPlace(place: PersonalDataPlace): void {
  const i = places.findIndex((p) => p.table === place.table);
  if (i >= 0) places[i] = place;
  else places.push(place);
}

export function personalDataPlaces(): readonly PersonalDataPlace[] {
  return places;
}

/** Tables that exist in this database (a place registered by a module whose migration has not run is skipped). */
export function existingTables(db: DB): Set<string> {
  return new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[]);
}

/** Every column that may hold text, table by table (for the final sweep). */
export function textColumnsOfAllTables(db: DB): { table: string; columns: string[] }[] {
  const out: { table: string; columns: string[] }[] = [];
  for (const table of existingTables(db)) {
    const columns = (db.prepare('SELECT name, type FROM pragma_table_info(?)').all(table) as { name: string; type: string }[])
      // TEXT and untyped columns (history_values.old_value) may hold text; INTEGER and REAL may not
      .filter((c) => !/INT|REAL|FLOA|DOUB|NUM/i.test(c.type))
      .map((c) => c.name);
    if (columns.length) out.push({ table, columns });
  }
  return out;
}

/** Rows of a table whose column holds one of the fragments (A-Z case-insensitive), with the column's text. */
export function rowsContaining(db: DB, table: string, column: string, fragments: string[]): { rowid: number; text: string }[] {
  if (!fragments.length) return [];
  const cond = fragments.map((_, i) => `instr(lower(CAST("${column}" AS TEXT)), @f${i}) > 0`).join(' OR ');
  const params: Record<string, string> = {};
  // SQLite's lower() folds A-Z only: fold the fragments the same way (callers pass the case variants of other letters).
  fragments.forEach((f, i) => { params[`f${i}`] = f.replace(/[A-Z]/g, (c) => c.toLowerCase()); });
  // (aliased: a table whose INTEGER PRIMARY KEY is "id" would name the rowid "id")
  return db.prepare(`SELECT rowid AS rid, CAST("${column}" AS TEXT) AS text FROM "${table}" WHERE typeof("${column}") = 'text' AND (${cond})`).all(params).map((r) => {
    const row = r as { rid: number; text: string };
    return { rowid: row.rid, text: row.text };
  });
}

/** Rows of a table whose column, trimmed, is one of the values (compared by the caller; prefiltered on length and A-Z case). */
export function rowsWhole(db: DB, table: string, column: string, values: string[]): { rowid: number; text: string }[] {
  if (!values.length) return [];
  const lengths = [...new Set(values.map((v) => v.length))];
  return db
    .prepare(`SELECT rowid AS rid, CAST("${column}" AS TEXT) AS text FROM "${table}" WHERE typeof("${column}") = 'text' AND length(trim("${column}")) IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(lengths))
    .map((r) => {
      const row = r as { rid: number; text: string };
      return { rowid: row.rid, text: row.text };
    });
}

/** Rows of a table whose column holds a run of digits (for phone numbers written with spaces, dots or dashes). */
export function rowsWithDigits(db: DB, table: string, column: string): { rowid: number; text: string }[] {
  return db.prepare(`SELECT rowid AS rid, "${column}" AS text FROM "${table}" WHERE typeof("${column}") = 'text' AND "${column}" GLOB '*[0-9][0-9]*'`).all().map((r) => {
    const row = r as { rid: number; text: string };
    return { rowid: row.rid, text: row.text };
  });
}

export function setText(db: DB, table: string, column: string, rowid: number, value: string | null): void {
  db.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE rowid = ?`).run(value, rowid);
}

/** Sets a column to NULL where it equals one of the values (case- and space-insensitively); returns how many rows. */
export function clearValues(db: DB, table: string, column: string, values: string[]): number {
  if (!values.length) return 0;
  return db
    .prepare(`UPDATE "${table}" SET "${column}" = NULL WHERE lower(trim("${column}")) IN (SELECT lower(trim(value)) FROM json_each(?))`)
    .run(JSON.stringify(values)).changes;
}

export function deleteOwnRows(db: DB, place: PersonalDataPlace, ids: { people: number[]; emails: string[]; applications: number[] }): number {
  if (!place.ownRows) return 0;
  return db
    .prepare(`DELETE FROM "${place.table}" WHERE ${place.ownRows}`)
    .run({ people: JSON.stringify(ids.people), emails: JSON.stringify(ids.emails), applications: JSON.stringify(ids.applications) }).changes;
}

export function countOwnRows(db: DB, place: PersonalDataPlace, ids: { people: number[]; emails: string[]; applications: number[] }): number {
  if (!place.ownRows) return 0;
  return (db
    .prepare(`SELECT count(*) FROM "${place.table}" WHERE ${place.ownRows}`)
    .pluck()
    .get({ people: JSON.stringify(ids.people), emails: JSON.stringify(ids.emails), applications: JSON.stringify(ids.applications) }) as number);
}

/**
 * Turns SQLite's secure_delete on for the connection (the pages deletes free are zeroed, not left
 * for a later write); returns how to put the connection's setting back.
 */
export function secureDeleteOn(db: DB): () => void {
  const secure = db.pragma('secure_delete', { simple: true });
  db.pragma('secure_delete = ON');
  return () => {
    db.pragma(`secure_delete = ${secure ? 'ON' : 'OFF'}`);
  };
}

// ------------------------------------------------------------------ erase: finding a person's rows

/** A person's contact data as a people row holds it. */
export interface PersonContactData { name: string | null; given_name: string | null; family_name: string | null; email: string | null; phone: string | null; organization_id: number | null }
/** An application's contact data. */
export interface ApplicationContactData { contact_name: string | null; given_name: string | null; family_name: string | null; email: string | null; phone: string | null; organization_id: number | null }

/** People whose address is this one (given lower-case). */
export function peopleWithEmail(db: DB, email: string): number[] {
  return db.prepare('SELECT id FROM people WHERE lower(email) = ?').pluck().all(email) as number[];
}

/** Applications with this address (given lower-case), or whose contact is one of the people. */
export function applicationsOfEmailOrPeople(db: DB, email: string, people: number[]): number[] {
  return db.prepare('SELECT id FROM applications WHERE lower(email) = ? OR person_id IN (SELECT value FROM json_each(?))').pluck().all(email, JSON.stringify(people)) as number[];
}

/** A member's kind and own person, if the member exists. */
export function memberKindAndPerson(db: DB, memberId: number): { kind: string; person_id: number | null; organization_id: number | null } | undefined {
  return db.prepare('SELECT kind, person_id, organization_id FROM members WHERE id = ?').get(memberId) as { kind: string; person_id: number | null; organization_id: number | null } | undefined;
}

/** An application's contact person and address, if the application exists. */
export function applicationPersonAndEmail(db: DB, applicationId: number): { person_id: number | null; email: string | null } | undefined {
  return db.prepare('SELECT person_id, email FROM applications WHERE id = ?').get(applicationId) as { person_id: number | null; email: string | null } | undefined;
}

/** Of these people ids, those that exist. */
export function existingPeople(db: DB, people: number[]): number[] {
  return db.prepare('SELECT id FROM people WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(people)) as number[];
}

/** The addresses of these people (those that have one). */
export function emailsOfPeople(db: DB, people: number[]): string[] {
  return db.prepare('SELECT email FROM people WHERE id IN (SELECT value FROM json_each(?)) AND email IS NOT NULL').pluck().all(JSON.stringify(people)) as string[];
}

/** Applications whose contact is one of the people, or whose address is one of these (lower-case). */
export function applicationsOfPeopleOrEmails(db: DB, people: number[], emails: string[]): number[] {
  return db.prepare(
    'SELECT id FROM applications WHERE person_id IN (SELECT value FROM json_each(?)) OR lower(email) IN (SELECT value FROM json_each(?))',
  ).pluck().all(JSON.stringify(people), JSON.stringify(emails)) as number[];
}

/** The names, addresses, phones and organisations of these people. */
export function contactDataOfPeople(db: DB, people: number[]): PersonContactData[] {
  return db.prepare('SELECT name, given_name, family_name, email, phone, organization_id FROM people WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(people)) as PersonContactData[];
}

/** The contact names, addresses, phones and organisations of these applications. */
export function contactDataOfApplications(db: DB, applications: number[]): ApplicationContactData[] {
  return db.prepare('SELECT contact_name, given_name, family_name, email, phone, organization_id FROM applications WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(applications)) as ApplicationContactData[];
}

/** An application's contact fields, its source row and its batch's column mapping. */
export function applicationContactAndSource(db: DB, applicationId: number):
  { contact_name: string | null; given_name: string | null; family_name: string | null; email: string | null; phone: string | null; raw_json: string | null; mapping_json: string | null } | undefined {
  return db.prepare('SELECT a.contact_name, a.given_name, a.family_name, a.email, a.phone, a.raw_json, b.mapping_json FROM applications a LEFT JOIN import_batches b ON b.id = a.batch_id WHERE a.id = ?').get(applicationId) as
    { contact_name: string | null; given_name: string | null; family_name: string | null; email: string | null; phone: string | null; raw_json: string | null; mapping_json: string | null } | undefined;
}

/** The data (JSON) of an application's earlier versions. */
export function versionDataOfApplication(db: DB, applicationId: number): string[] {
  return db.prepare('SELECT data_json FROM application_versions WHERE application_id = ?').pluck().all(applicationId) as string[];
}

/** The application at a rowid: its id, address and its batch's column mapping (prepared once per connection: called per row found). */
export function applicationOwnerAt(db: DB, rowid: number): { id: number; email: string | null; mapping_json: string | null } {
  return cachedStatement(db, 'SELECT a.id, a.email, b.mapping_json FROM applications a LEFT JOIN import_batches b ON b.id = a.batch_id WHERE a.rowid = ?').get(rowid) as { id: number; email: string | null; mapping_json: string | null };
}

/** The earlier version at a rowid: its application, the address it held and its batch's column mapping (prepared once per connection). */
export function versionOwnerAt(db: DB, rowid: number): { id: number; email: string | null; mapping_json: string | null } {
  return cachedStatement(db, `SELECT v.application_id AS id, json_extract(v.data_json, '$.email') AS email, b.mapping_json FROM application_versions v LEFT JOIN import_batches b ON b.id = json_extract(v.data_json, '$.batch_id') WHERE v.rowid = ?`).get(rowid) as { id: number; email: string | null; mapping_json: string | null };
}

/** These applications' source rows, with their batch's column mapping. */
export function sourceRowsOfApplications(db: DB, applications: number[]): { id: number; raw_json: string; mapping_json: string | null }[] {
  return db.prepare(`SELECT a.id, a.raw_json, b.mapping_json FROM applications a LEFT JOIN import_batches b ON b.id = a.batch_id WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(applications)) as { id: number; raw_json: string; mapping_json: string | null }[];
}

/** Clears an application's contact fields and its link to a person, and sets its source row (prepared once per connection: called per application). */
export function clearApplicationContact(db: DB, applicationId: number, rawJson: string): void {
  cachedStatement(db, 'UPDATE applications SET contact_name = NULL, given_name = NULL, family_name = NULL, email = NULL, phone = NULL, person_id = NULL, raw_json = ? WHERE id = ?').run(rawJson, applicationId);
}

/** The earlier versions of these applications, with the column mapping of the batch each came from. */
export function versionsOfApplications(db: DB, applications: number[]): { id: number; data_json: string; mapping_json: string | null }[] {
  return db.prepare(`SELECT v.id, v.data_json, b.mapping_json FROM application_versions v JOIN applications a ON a.id = v.application_id LEFT JOIN import_batches b ON b.id = json_extract(v.data_json, '$.batch_id') WHERE v.application_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(applications)) as { id: number; data_json: string; mapping_json: string | null }[];
}

/** Sets an earlier version's data (prepared once per connection: called per version). */
export function setVersionData(db: DB, versionId: number, dataJson: string): void {
  cachedStatement(db, 'UPDATE application_versions SET data_json = ? WHERE id = ?').run(dataJson, versionId);
}

/** The column mapping of the batch of the rejected row at a rowid (null when its batch has none; prepared once per connection: called per row). */
export function mappingOfRejectedRowAt(db: DB, rowid: number): string | null {
  return cachedStatement(db, 'SELECT b.mapping_json FROM rejected_rows x JOIN import_batches b ON b.id = x.batch_id WHERE x.rowid = ?').pluck().get(rowid) as string | null;
}

/** Applications and organisation members no longer name these people as their contact. */
export function unlinkPeople(db: DB, people: number[]): void {
  db.prepare('UPDATE applications SET person_id = NULL WHERE person_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(people));
  db.prepare(`UPDATE members SET person_id = NULL WHERE kind = 'organization' AND person_id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(people));
}

/** The person members of these people. */
export function personMembersOfPeople(db: DB, people: number[]): number[] {
  return db.prepare(`SELECT id FROM members WHERE kind = 'person' AND person_id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(people)) as number[];
}

/** The organisation members of these people's organisations. */
export function organizationMembersOfPeople(db: DB, people: number[]): number[] {
  return db.prepare(`SELECT m.id FROM members m JOIN people p ON p.organization_id = m.organization_id WHERE m.kind = 'organization' AND p.id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(people)) as number[];
}
