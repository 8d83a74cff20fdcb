import type { DB } from './connection.js';
import type { Person } from './organizations.js';

/** The record of an application's contact person (people), as an officer may have corrected it. */
export type ContactPerson = Pick<Person, 'id' | 'name' | 'givenName' | 'familyName' | 'email' | 'phone' | 'workingLanguage'>;

/** What a contact list needs of an application besides the Application itself. */
export interface ContactDetails {
  /** The form's first and last name columns, when it had them. */
  givenName: string | null;
  familyName: string | null;
  /** The preferred working language (ISO 639-1), when the form asked for it. */
  workingLanguage: string | null;
  /** When the application's call was first imported (ISO 8601): a later call's details are the newer. */
  recordedAt: string;
  /** Its contact person's record (corrected with `edit person-N`), when the application has one. */
  person: ContactPerson | null;
  /** Whether this is the person's latest application: the one whose phone the person's record holds. */
  personsLatest: boolean;
}

/** application id -> its contact details, for every application. */
export function contactDetails(db: DB): Map<number, ContactDetails> {
  const rows = db
    .prepare(
      `SELECT a.id, a.given_name, a.family_name, a.working_language, c.created_at,
              p.id AS person_id, p.name AS person_name, p.given_name AS person_given_name, p.family_name AS person_family_name,
              p.email AS person_email, p.phone AS person_phone, p.working_language AS person_working_language
         FROM applications a JOIN calls c ON c.id = a.call_id LEFT JOIN people p ON p.id = a.person_id`,
    )
    .all() as {
      id: number; given_name: string | null; family_name: string | null; working_language: string | null; created_at: string;
      person_id: number | null; person_name: string | null; person_given_name: string | null; person_family_name: string | null;
      person_email: string | null; person_phone: string | null; person_working_language: string | null;
    }[];
  const latest = new Map<number, number>();
  for (const r of rows) if (r.person_id !== null && r.id > (latest.get(r.person_id) ?? 0)) latest.set(r.person_id, r.id);
  return new Map(rows.map((r) => [r.id, {
    givenName: r.given_name, familyName: r.family_name, workingLanguage: r.working_language, recordedAt: r.created_at,
    person: r.person_id === null ? null : {
      id: r.person_id, name: r.person_name, givenName: r.person_given_name, familyName: r.person_family_name,
      email: r.person_email, phone: r.person_phone, workingLanguage: r.person_working_language,
    },
    personsLatest: r.person_id !== null && latest.get(r.person_id) === r.id,
  }]));
}
