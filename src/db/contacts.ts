import type { DB } from './connection.js';

/** What a contact list needs of an application besides the Application itself. */
export interface ContactDetails {
  /** The form's first and last name columns, when it had them. */
  givenName: string | null;
  familyName: string | null;
  /** The preferred working language (ISO 639-1), when the form asked for it. */
  workingLanguage: string | null;
  /** When the application's call was first imported (ISO 8601): a later call's details are the newer. */
  recordedAt: string;
}

/** application id -> its contact details, for every application. */
export function contactDetails(db: DB): Map<number, ContactDetails> {
  const rows = db
    .prepare(
      `SELECT a.id, a.given_name, a.family_name, a.working_language, c.created_at
         FROM applications a JOIN calls c ON c.id = a.call_id`,
    )
    .all() as { id: number; given_name: string | null; family_name: string | null; working_language: string | null; created_at: string }[];
  return new Map(rows.map((r) => [r.id, { givenName: r.given_name, familyName: r.family_name, workingLanguage: r.working_language, recordedAt: r.created_at }]));
}
