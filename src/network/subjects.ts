/**
 * What an officer names in edit, merge, withdraw, erase and show: an application by its number
 * ("17", "#17"), an organisation ("org-4"), a member ("member-9"), a person ("person-3"), or a
 * person by email address (erase).
 */
import type { DB } from '../db/connection.js';
import { UsageError } from '../errors.js';

export type SubjectKind = 'application' | 'organization' | 'member' | 'person';

export interface Subject {
  kind: SubjectKind;
  id: number;
}

const PREFIXES: Record<string, SubjectKind> = {
  '': 'application', app: 'application', application: 'application', a: 'application',
  org: 'organization', organization: 'organization', organisation: 'organization', o: 'organization',
  member: 'member', m: 'member', person: 'person', p: 'person',
};

export const SUBJECT_HINT = 'an application ID (17), an organisation (org-4), a member (member-9) or a person (person-3)';

/** "17", "#17", "org-4", "member-9", "person-3" -> the record; a usage error otherwise. */
export function parseSubject(text: string, allowed: SubjectKind[] = ['application', 'organization', 'member', 'person']): Subject {
  const m = /^\s*#?(?:([a-z]+)[-:#\s]?)?(\d+)\s*$/i.exec(text);
  const kind = m ? PREFIXES[(m[1] ?? '').toLowerCase()] : undefined;
  if (!m || !kind || !allowed.includes(kind)) {
    const what = allowed.map((k) => ({ application: 'an application ID (17)', organization: 'an organisation (org-4)', member: 'a member (member-9)', person: 'a person (person-3)' })[k]).join(', ');
    // (an email address typed here is not repeated: messages never carry personal data)
    const shown = text.includes('@') ? 'an email address' : `"${text}"`;
    throw new UsageError(`${shown} is not ${allowed.length > 1 ? 'one of ' : ''}${what}`);
  }
  return { kind, id: Number(m[2]) };
}

export function subjectLabel(s: Subject): string {
  return s.kind === 'application' ? `application ${s.id}` : s.kind === 'organization' ? `org-${s.id}` : `${s.kind}-${s.id}`;
}

const TABLES: Record<SubjectKind, string> = { application: 'applications', organization: 'organizations', member: 'members', person: 'people' };

export function subjectTable(kind: SubjectKind): string {
  return TABLES[kind];
}

export function subjectExists(db: DB, s: Subject): boolean {
  return db.prepare(`SELECT 1 FROM ${TABLES[s.kind]} WHERE id = ?`).get(s.id) !== undefined;
}
