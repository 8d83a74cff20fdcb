/**
 * What an officer names in edit, merge, withdraw, erase and show: an application by its number
 * ("17", "#17"), an organisation ("org-4"), a member ("member-9"), a person ("person-3"), or a
 * person by email address (erase).
 */
import type { DB } from '../db/connection.js';
import { getApplication } from '../db/applications.js';
import { recordExists } from '../db/history.js';
import { getMember } from '../db/members.js';
import { getOrganization, getPerson } from '../db/organizations.js';
import { parseId, type IdOptions } from '../ids.js';

export type SubjectKind = 'application' | 'organization' | 'member' | 'person';

export interface Subject {
  kind: SubjectKind;
  id: number;
}

export const SUBJECT_HINT = 'an application ID (17), an organisation (org-4), a member (member-9) or a person (person-3)';

/**
 * "17", "#17", "org-4", "member-9", "person-3" -> the record; a usage error otherwise, saying
 * what the value looks like (never repeating it: a name or an address typed here is personal
 * data) and where to find IDs. `what` names the command in the message ("erase").
 */
export function parseSubject(text: string, allowed: SubjectKind[] = ['application', 'organization', 'member', 'person'], options: IdOptions = {}): Subject {
  const found = parseId(text, allowed, { bare: 'application', ...options });
  return { kind: found.kind as SubjectKind, id: found.id };
}

export function subjectLabel(s: Subject): string {
  return s.kind === 'application' ? `application ${s.id}` : s.kind === 'organization' ? `org-${s.id}` : `${s.kind}-${s.id}`;
}

const TABLES: Record<SubjectKind, 'applications' | 'organizations' | 'members' | 'people'> = { application: 'applications', organization: 'organizations', member: 'members', person: 'people' };

export function subjectTable(kind: SubjectKind): string {
  return TABLES[kind];
}

export function subjectExists(db: DB, s: Subject): boolean {
  return recordExists(db, TABLES[s.kind], s.id);
}

/** What a confirmation names a subject by: "application 17 (Taller Sur)", "member-9 (Fundación Andes)". */
export function subjectNamed(db: DB, s: Subject): string {
  const name = subjectName(db, s);
  return name ? `${subjectLabel(s)} (${name})` : subjectLabel(s);
}

function subjectName(db: DB, s: Subject): string | null | undefined {
  switch (s.kind) {
    case 'application': return getApplication(db, s.id)?.organization;
    case 'organization': return getOrganization(db, s.id)?.name;
    case 'member': {
      const m = getMember(db, s.id);
      return m?.organization ?? m?.name;
    }
    case 'person': return getPerson(db, s.id)?.name;
  }
}
