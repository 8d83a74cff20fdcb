/**
 * SQL of the network's members: every applicant organisation (role member, made when its first
 * application is linked), and the stakeholders, partners and ILO staff added by hand or from a
 * list. A member is an organisation with its contact person, or a person in their own right.
 *
 * What a member's name, email, country and working language are comes from several places; the
 * rule is here once (listMembers): the member's own value, else its contact person's, else the
 * organisation's, else its latest application's.
 */
import { cachedStatement, foldText, type DB } from './connection.js';
import type { Consent, MemberFilters, MemberKind, MemberRole, MemberStatus, Region } from '../model.js';
import { attendanceFilterSql } from './attendance.js';
import { OperationError } from '../errors.js';
import { parseId, type IdOptions } from '../ids.js';

/** A member as `members --json` and the events see it. */
export interface Member {
  id: number;
  kind: MemberKind;
  /** "org-17" for an organisation, "person-5" for a person: the Kumu element ID, the same in every export. */
  kumuId: string;
  organizationId: number | null;
  organization: string | null;
  organizationType: string | null;
  /** The contact person (kind organization) or the person (kind person). */
  personId: number | null;
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  region: Region | null;
  /** ISO 639-1: the language to write to them in and to group them by. */
  workingLanguage: string | null;
  /**
   * Where workingLanguage comes from: said for the member, for the person, in an application's
   * working-language answer, or guessed from the language their application is written in.
   */
  workingLanguageFrom: 'member' | 'person' | 'application' | 'application text' | null;
  /** IANA zone when recorded for the person (else the events module uses the country's). */
  timeZone: string | null;
  roles: MemberRole[];
  /** Core Group cohorts ("2020"), with the roster accepted for each. */
  cohorts: { cohort: string; roster: string | null }[];
  status: MemberStatus;
  consentMap: Consent;
  consentContact: Consent;
  notes: string | null;
  source: 'application' | 'added' | 'import';
  /** Calls the organisation applied to (withdrawn applications left out). */
  calls: string[];
  applicationIds: number[];
  /** Revised-taxonomy codes on the organisation's applications. */
  categories: string[];
  beneficiaries: string[];
  createdAt: string;
}

interface MemberRow {
  id: number; kind: MemberKind; organization_id: number | null; organization: string | null; organization_type: string | null;
  person_id: number | null; name: string | null; given_name: string | null; family_name: string | null; email: string | null; phone: string | null;
  country: string | null; region: string | null; member_language: string | null; person_language: string | null; app_working_language: string | null;
  app_language: string | null; time_zone: string | null; roles_json: string; status: MemberStatus; consent_map: Consent; consent_contact: Consent;
  notes: string | null; source: Member['source']; calls_json: string; applications_json: string; categories: string | null; beneficiaries_json: string | null;
  created_at: string;
}

/** Whether application `a` is the member's: an organisation's applications, or a person's own. */
const owns = (a: string, m: string, person = `${m}.person_id`) =>
  `((${m}.kind = 'organization' AND ${a}.organization_id = ${m}.organization_id) OR (${m}.kind = 'person' AND ${a}.person_id = ${person}))`;

/**
 * Whether the member `m` has an application (aliased `a` in `from`) meeting `where`: owns() as two
 * EXISTS, one per kind of member, so that each searches applications by its own index. One EXISTS
 * over owns()'s OR reads, for every member, every application the rest of `where` leaves (a whole
 * call for --call) and works out the member's contact person for each: quadratic in the call's size.
 */
const ownsSome = (m: string, from: string, where: string) =>
  `((${m}.kind = 'organization' AND EXISTS (SELECT 1 FROM ${from} WHERE a.organization_id = ${m}.organization_id AND ${where}))
    OR (${m}.kind = 'person' AND EXISTS (SELECT 1 FROM ${from} WHERE a.person_id = ${m}.person_id AND ${where})))`;

/** A member's place (m: members, o: its organisation): its own when set (a person member), else its organisation's. */
const MEMBER_COUNTRY = 'coalesce(m.country, o.country)';
const MEMBER_REGION = 'coalesce(m.region, o.region)';

/**
 * One row per member with everything derived: the contact person is the member's own, else the
 * person of its latest application (withdrawn ones last); the working language the member's,
 * the person's, the latest application's answer, else the language of its text.
 */
const MEMBER_VIEW = `
  WITH base AS (
    SELECT m.*, o.name AS organization, o.organization_type, o.beneficiaries_json,
           ${MEMBER_COUNTRY} AS eff_country, ${MEMBER_REGION} AS eff_region,
           coalesce(m.person_id, (SELECT a.person_id FROM applications a
                                   WHERE a.organization_id = m.organization_id AND a.merged_into IS NULL AND a.person_id IS NOT NULL
                                   ORDER BY a.withdrawn_at IS NOT NULL, a.id DESC LIMIT 1)) AS contact_id,
           (SELECT a.working_language FROM applications a WHERE a.organization_id = m.organization_id AND a.merged_into IS NULL
               AND a.working_language IS NOT NULL ORDER BY a.withdrawn_at IS NOT NULL, a.id DESC LIMIT 1) AS app_working_language,
           (SELECT a.language FROM applications a WHERE a.organization_id = m.organization_id AND a.merged_into IS NULL
               AND a.language IS NOT NULL ORDER BY a.withdrawn_at IS NOT NULL, a.id DESC LIMIT 1) AS app_language
      FROM members m LEFT JOIN organizations o ON o.id = m.organization_id
     WHERE m.merged_into IS NULL
  ), mv AS (
    SELECT b.id, b.kind, b.organization_id, b.organization, b.organization_type, b.contact_id AS person_id,
           p.name, p.given_name, p.family_name, p.email, p.phone, b.eff_country AS country, b.eff_region AS region,
           b.working_language AS member_language, p.working_language AS person_language,
           b.app_working_language, b.app_language,
           coalesce(b.working_language, p.working_language, b.app_working_language, b.app_language) AS working_language,
           p.time_zone, b.status, b.consent_map, b.consent_contact, b.notes, b.source, b.created_at, b.beneficiaries_json,
           (SELECT json_group_array(json_object('role', r.role, 'cohort', r.cohort, 'roster', ro.name))
              FROM (SELECT * FROM member_roles ORDER BY role, cohort) r LEFT JOIN rosters ro ON ro.id = r.roster_id WHERE r.member_id = b.id) AS roles_json,
           (SELECT json_group_array(name) FROM (SELECT DISTINCT c.name, c.id FROM applications a JOIN calls c ON c.id = a.call_id
               WHERE ${owns('a', 'b', 'b.contact_id')} AND a.withdrawn_at IS NULL AND a.merged_into IS NULL ORDER BY c.id)) AS calls_json,
           (SELECT json_group_array(a.id) FROM (SELECT x.id FROM applications x WHERE ${owns('x', 'b', 'b.contact_id')} AND x.merged_into IS NULL ORDER BY x.id) a) AS applications_json,
           (SELECT group_concat(category, '|') FROM (SELECT DISTINCT ac.category FROM application_categories ac JOIN applications a ON a.id = ac.application_id
               WHERE ${owns('a', 'b', 'b.contact_id')} AND a.withdrawn_at IS NULL AND a.merged_into IS NULL AND ac.state = 'on' ORDER BY ac.category)) AS categories
      FROM base b LEFT JOIN people p ON p.id = b.contact_id
  )
  SELECT * FROM mv`;

function toMember(r: MemberRow): Member {
  const roleRows = JSON.parse(r.roles_json) as { role: MemberRole; cohort: string; roster: string | null }[];
  const roles: MemberRole[] = [];
  for (const x of roleRows) if (!roles.includes(x.role)) roles.push(x.role);
  const from: Member['workingLanguageFrom'] = r.member_language ? 'member' : r.person_language ? 'person' : r.app_working_language ? 'application' : r.app_language ? 'application text' : null;
  return {
    id: r.id, kind: r.kind,
    kumuId: r.kind === 'organization' ? `org-${r.organization_id}` : `person-${r.person_id}`,
    organizationId: r.organization_id, organization: r.organization, organizationType: r.organization_type,
    personId: r.person_id, name: r.name, givenName: r.given_name, familyName: r.family_name, email: r.email, phone: r.phone,
    country: r.country, region: r.region as Region | null,
    workingLanguage: r.member_language ?? r.person_language ?? r.app_working_language ?? r.app_language ?? null,
    workingLanguageFrom: from, timeZone: r.time_zone,
    // (a core-group role given without a cohort is stored with '': no cohort to name)
    roles, cohorts: roleRows.filter((x) => x.role === 'core-group' && x.cohort !== '').map((x) => ({ cohort: x.cohort, roster: x.roster })),
    status: r.status, consentMap: r.consent_map, consentContact: r.consent_contact, notes: r.notes, source: r.source,
    calls: JSON.parse(r.calls_json) as string[], applicationIds: JSON.parse(r.applications_json) as number[],
    categories: r.categories ? r.categories.split('|') : [], beneficiaries: r.beneficiaries_json ? (JSON.parse(r.beneficiaries_json) as string[]) : [],
    createdAt: r.created_at,
  };
}

/** WHERE clause over MEMBER_VIEW's columns for the member filters. */
function memberWhere(f: MemberFilters): { where: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.role) {
    parts.push(`EXISTS (SELECT 1 FROM member_roles r WHERE r.member_id = mv.id AND r.role = @role AND (@cohort IS NULL OR r.cohort = @cohort))`);
    params.role = f.role;
    params.cohort = f.cohort ?? null;
  } else if (f.cohort !== undefined) {
    parts.push(`EXISTS (SELECT 1 FROM member_roles r WHERE r.member_id = mv.id AND r.role = 'core-group' AND r.cohort = @cohort)`);
    params.cohort = f.cohort;
  }
  if (f.status) { parts.push('mv.status = @status'); params.status = f.status; }
  if (f.kind) { parts.push('mv.kind = @kind'); params.kind = f.kind; }
  if (f.region) { parts.push('mv.region = @region'); params.region = f.region; }
  if (f.country) { parts.push('mv.country = @country'); params.country = f.country; }
  if (f.language) { parts.push('mv.working_language = @language'); params.language = f.language; }
  if (f.call) {
    parts.push(ownsSome('mv', 'applications a JOIN calls c ON c.id = a.call_id', 'a.withdrawn_at IS NULL AND a.merged_into IS NULL AND c.name = @call'));
    params.call = f.call;
  }
  if (f.category) {
    // (CROSS JOIN keeps applications outer: read by the member's index, not every application of the category for each member)
    parts.push(ownsSome('mv', 'applications a CROSS JOIN application_categories ac ON ac.application_id = a.id',
      `a.withdrawn_at IS NULL AND a.merged_into IS NULL AND ac.category = @category AND ac.state = 'on'`));
    params.category = f.category;
  }
  if (f.roster) {
    parts.push(ownsSome('mv', 'applications a JOIN roster_members rm ON rm.application_id = a.id JOIN rosters ro ON ro.id = rm.roster_id',
      `rm.role = 'member' AND ro.name = @roster`));
    params.roster = f.roster;
  }
  if (f.type) { parts.push('fold(coalesce(mv.organization_type, \'\')) = @type'); params.type = foldText(f.type.trim()); }
  if (f.beneficiary) {
    parts.push(`(EXISTS (SELECT 1 FROM json_each(coalesce(mv.beneficiaries_json, '[]')) WHERE fold(value) = @beneficiary)
              OR ${ownsSome('mv', 'applications a, json_each(a.beneficiaries_json) j', 'a.withdrawn_at IS NULL AND a.merged_into IS NULL AND fold(j.value) = @beneficiary')})`);
    params.beneficiary = foldText(f.beneficiary.trim());
  }
  if (f.search) {
    parts.push(`instr(fold(coalesce(mv.organization, '') || char(10) || coalesce(mv.name, '') || char(10) || coalesce(mv.email, '') || char(10) || coalesce(mv.notes, '')), @search)`);
    params.search = foldText(f.search);
  }
  if (f.ids) { parts.push('mv.id IN (SELECT value FROM json_each(@ids))'); params.ids = JSON.stringify(f.ids); }
  if (f.withoutApplications) {
    parts.push(`NOT ${ownsSome('mv', 'applications a', 'a.withdrawn_at IS NULL AND a.merged_into IS NULL')}`);
  }
  parts.push(...attendanceFilterSql('mv.id', f));
  if (f.attendedLessThan !== undefined) params.attendedLessThan = f.attendedLessThan;
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Members matching the filters, in id order (members merged into another left out). */
export function listMembers(db: DB, filters: MemberFilters = {}): Member[] {
  const { where, params } = memberWhere(filters);
  return (cachedStatement(db, `${MEMBER_VIEW} ${where} ORDER BY mv.id`).all(params) as MemberRow[]).map(toMember);
}

export function getMember(db: DB, id: number): Member | undefined {
  const r = cachedStatement(db, `${MEMBER_VIEW} WHERE mv.id = ?`).get(id) as MemberRow | undefined;
  return r ? toMember(r) : undefined;
}

/**
 * The contact person a member's lists, invitations and contacts name (MEMBER_VIEW's rule: its
 * own person, else the person of its latest application), or null.
 */
export function memberContactPerson(db: DB, memberId: number): number | null {
  return getMember(db, memberId)?.personId ?? null;
}

/**
 * A member's contact person that stands: its own, else the person of its latest application
 * still in (not withdrawn). A withdrawn application's person is the contact only for want of
 * any other (MEMBER_VIEW), and gives way to a colleague added at the organisation.
 */
export function standingContactPerson(db: DB, memberId: number): number | null {
  const r = cachedStatement(
    db,
    `SELECT coalesce(m.person_id, (SELECT a.person_id FROM applications a
                                    WHERE a.organization_id = m.organization_id AND a.merged_into IS NULL AND a.person_id IS NOT NULL
                                      AND a.withdrawn_at IS NULL
                                    ORDER BY a.id DESC LIMIT 1)) AS person_id
       FROM members m WHERE m.id = ?`,
  ).get(memberId) as { person_id: number | null } | undefined;
  return r?.person_id ?? null;
}

/**
 * people id -> the working language of the member whose contact person they are (MEMBER_VIEW's
 * rule), for every member: what a contact list writes to them in, as the invitations do.
 */
export function memberContactLanguages(db: DB): Map<number, string | null> {
  // (only the two columns: SQLite then skips the view's lists of roles, calls and categories)
  const rows = cachedStatement(db, `SELECT person_id, working_language FROM (${MEMBER_VIEW}) WHERE person_id IS NOT NULL ORDER BY id`).all() as { person_id: number; working_language: string | null }[];
  const languages = new Map<number, string | null>();
  for (const r of rows) if (!languages.has(r.person_id)) languages.set(r.person_id, r.working_language);
  return languages;
}

/** The member of an organisation (kind organization), if it is one. */
export function memberOfOrganization(db: DB, organizationId: number): number | null {
  const r = cachedStatement(db, `SELECT id FROM members WHERE organization_id = ? AND kind = 'organization'`).get(organizationId) as { id: number } | undefined;
  return r?.id ?? null;
}

/**
 * A member as an officer names it — "9", "#9", "member-9", or an organisation "org-4" (its
 * member, through a merge) — as the member ID. A value that is neither is a usage error that
 * does not repeat it (ids.ts); an organisation without a member is an operation error. Whether
 * member N exists is the caller's to check (each says what it needed it for).
 */
export function resolveMemberRef(db: DB, text: string | number, options: IdOptions = {}): number {
  if (typeof text === 'number') return text;
  const ref = parseId(text, ['member', 'organization'], { bare: 'member', hint: 'find member IDs with skillsnet members --search TEXT (the ID column; org-N is also taken)', ...options });
  if (ref.kind === 'member') return ref.id;
  const org = db.prepare('SELECT coalesce(merged_into, id) AS id FROM organizations WHERE id = ?').get(ref.id) as { id: number } | undefined;
  const member = org ? memberOfOrganization(db, org.id) : null;
  if (member === null) throw new OperationError(`org-${ref.id} ${org ? 'is no member' : 'does not exist'}`, { hint: 'find member IDs with skillsnet members --search TEXT' });
  return member;
}

/** Where an organisation is, as `members` shows it. */
export interface OrganizationPlace {
  country: string | null;
  region: string | null;
  /** The country as written when it did not resolve to a code. */
  countryRaw: string | null;
}

/**
 * organisation id -> its place as `members` shows it (MEMBER_VIEW's rule), for every organisation
 * not merged away: what the maps show for it, so that the two cannot disagree.
 */
export function organizationPlaces(db: DB): Map<number, OrganizationPlace> {
  const rows = cachedStatement(db,
    `SELECT o.id, ${MEMBER_COUNTRY} AS country, ${MEMBER_REGION} AS region, o.country_raw AS countryRaw
       FROM organizations o LEFT JOIN members m ON m.organization_id = o.id AND m.kind = 'organization' AND m.merged_into IS NULL
      WHERE o.merged_into IS NULL`,
  ).all() as (OrganizationPlace & { id: number })[];
  return new Map(rows.map(({ id, ...place }) => [id, place]));
}

/** Member ids by organisation id, for the exports (members merged into another left out). */
export function membersByOrganization(db: DB): Map<number, Member> {
  const map = new Map<number, Member>();
  for (const m of listMembers(db, { kind: 'organization' })) if (m.organizationId !== null) map.set(m.organizationId, m);
  return map;
}

/** The row a member is stored as (for edits and history). */
export interface MemberRecord {
  id: number;
  kind: MemberKind;
  organization_id: number | null;
  person_id: number | null;
  country: string | null;
  region: string | null;
  status: MemberStatus;
  working_language: string | null;
  consent_map: Consent;
  consent_contact: Consent;
  notes: string | null;
  source: Member['source'];
  merged_into: number | null;
}

export function memberRecord(db: DB, id: number): MemberRecord | undefined {
  return cachedStatement(db, 'SELECT * FROM members WHERE id = ?').get(id) as MemberRecord | undefined;
}

/**
 * The organisation's member, made when it is not one yet: an applicant organisation is a member
 * (role member, status active) from its first application on.
 */
export function ensureOrganizationMember(
  db: DB,
  organizationId: number,
  source: Member['source'],
  initial: Partial<Pick<MemberRecord, 'status'>> = {},
  /** the organisation was just made: it has no member yet (nothing to look up) */
  options: { newOrganization?: boolean } = {},
): { id: number; created: boolean } {
  const existing = options.newOrganization ? null : memberOfOrganization(db, organizationId);
  if (existing !== null) {
    if (source === 'application') addRole(db, existing, 'member');
    return { id: existing, created: false };
  }
  const info = cachedStatement(db, `INSERT INTO members (kind, organization_id, source, status) VALUES ('organization', ?, ?, ?)`).run(organizationId, source, initial.status ?? 'active');
  const id = Number(info.lastInsertRowid);
  if (source === 'application') addRole(db, id, 'member');
  return { id, created: true };
}

/**
 * Organisations from `firstId` on that are no member yet become members (role member, status
 * active), as ensureOrganizationMember makes an applicant organisation one: all at once, for
 * the organisations a large import made (two statements instead of two a row). Returns how many.
 */
export function addApplicantMembers(db: DB, firstId: number): number {
  const before = (cachedStatement(db, 'SELECT coalesce(max(id), 0) AS n FROM members').get() as { n: number }).n;
  const added = cachedStatement(db,
    `INSERT INTO members (kind, organization_id, source, status)
     SELECT 'organization', o.id, 'application', 'active' FROM organizations o
      WHERE o.id >= ? AND NOT EXISTS (SELECT 1 FROM members m WHERE m.organization_id = o.id AND m.kind = 'organization')
      ORDER BY o.id`,
  ).run(firstId).changes;
  cachedStatement(db, `INSERT INTO member_roles (member_id, role) SELECT id, 'member' FROM members WHERE id > ? ORDER BY id ON CONFLICT DO NOTHING`).run(before);
  return added;
}

export interface NewMember {
  kind: MemberKind;
  organizationId: number | null;
  personId: number | null;
  country?: string | null;
  region?: string | null;
  status?: MemberStatus;
  workingLanguage?: string | null;
  consentMap?: Consent;
  consentContact?: Consent;
  notes?: string | null;
  source: Member['source'];
}

export function insertMember(db: DB, m: NewMember): number {
  const info = cachedStatement(db, 
      `INSERT INTO members (kind, organization_id, person_id, country, region, status, working_language, consent_map, consent_contact, notes, source)
       VALUES (@kind, @organizationId, @personId, @country, @region, @status, @workingLanguage, @consentMap, @consentContact, @notes, @source)`,
    )
    .run({
      kind: m.kind, organizationId: m.organizationId, personId: m.personId, country: m.country ?? null, region: m.region ?? null,
      status: m.status ?? 'active', workingLanguage: m.workingLanguage ?? null, consentMap: m.consentMap ?? 'unknown',
      consentContact: m.consentContact ?? 'unknown', notes: m.notes ?? null, source: m.source,
    });
  return Number(info.lastInsertRowid);
}

/** A person member for this person, if there is one. */
export function memberOfPerson(db: DB, personId: number): number | null {
  const r = cachedStatement(db, `SELECT id FROM members WHERE person_id = ? AND kind = 'person' AND merged_into IS NULL`).get(personId) as { id: number } | undefined;
  return r?.id ?? null;
}

/** Gives a member a role (core-group with its cohort); returns whether it is new. */
export function addRole(db: DB, memberId: number, role: MemberRole, cohort = '', rosterId: number | null = null): boolean {
  return cachedStatement(db, 'INSERT INTO member_roles (member_id, role, cohort, roster_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(memberId, role, cohort, rosterId).changes > 0;
}

export function removeRole(db: DB, memberId: number, role: MemberRole, cohort?: string): number {
  return cachedStatement(db, 'DELETE FROM member_roles WHERE member_id = ? AND role = ? AND (? IS NULL OR cohort = ?)').run(memberId, role, cohort ?? null, cohort ?? null).changes;
}

export interface MemberRoleRow {
  rowid: number;
  member_id: number;
  role: MemberRole;
  cohort: string;
  roster_id: number | null;
  since: string;
}

export function memberRoles(db: DB, memberId: number): MemberRoleRow[] {
  return cachedStatement(db, 'SELECT rowid, * FROM member_roles WHERE member_id = ? ORDER BY role, cohort').all(memberId) as MemberRoleRow[];
}

/**
 * The roster a Core Group cohort was accepted from, when every seat of the cohort came from that
 * one roster (what `--roster` can stand for where a command has no `--cohort`); else null.
 */
export function rosterOfCohort(db: DB, cohort: string): string | null {
  const rows = cachedStatement(db, `SELECT DISTINCT ro.name AS name FROM member_roles r LEFT JOIN rosters ro ON ro.id = r.roster_id WHERE r.role = 'core-group' AND r.cohort = ?`).all(cohort) as { name: string | null }[];
  return rows.length === 1 && rows[0]!.name !== null ? rows[0]!.name : null;
}

/** Members whose Core Group seat came from this roster. */
export function coreGroupOfRoster(db: DB, rosterId: number): { memberId: number; cohort: string }[] {
  return cachedStatement(db, `SELECT member_id AS memberId, cohort FROM member_roles WHERE role = 'core-group' AND roster_id = ? ORDER BY member_id`).all(rosterId) as { memberId: number; cohort: string }[];
}

/** How many members there are (not merged away), by kind. */
export function countMembers(db: DB): { organizations: number; persons: number } {
  const r = cachedStatement(db, `SELECT sum(kind = 'organization') AS o, sum(kind = 'person') AS p FROM members WHERE merged_into IS NULL`).get() as { o: number | null; p: number | null };
  return { organizations: r.o ?? 0, persons: r.p ?? 0 };
}

/** Roles, status and consent of every member (not merged away), by member id: what the exports need, read in one pass. */
export interface MembershipRow {
  memberId: number;
  kind: MemberKind;
  organizationId: number | null;
  personId: number | null;
  roles: MemberRole[];
  cohorts: string[];
  status: MemberStatus;
  consentMap: Consent;
  consentContact: Consent;
}

export function membershipRows(db: DB): MembershipRow[] {
  const rows = cachedStatement(db, 
      `SELECT m.id, m.kind, m.organization_id, m.person_id, m.status, m.consent_map, m.consent_contact,
              (SELECT json_group_array(json_array(r.role, r.cohort)) FROM (SELECT * FROM member_roles ORDER BY role, cohort) r WHERE r.member_id = m.id) AS roles
         FROM members m WHERE m.merged_into IS NULL ORDER BY m.id`,
    )
    .all() as { id: number; kind: MemberKind; organization_id: number | null; person_id: number | null; status: MemberStatus; consent_map: Consent; consent_contact: Consent; roles: string }[];
  return rows.map((r) => {
    const pairs = JSON.parse(r.roles) as [MemberRole, string][];
    return {
      memberId: r.id, kind: r.kind, organizationId: r.organization_id, personId: r.person_id,
      roles: [...new Set(pairs.map((p) => p[0]))], cohorts: pairs.filter((p) => p[0] === 'core-group' && p[1] !== '').map((p) => p[1]),
      status: r.status, consentMap: r.consent_map, consentContact: r.consent_contact,
    };
  });
}

/** The person members that belong to an organisation (merged ones included). */
export function personMembersOfOrganization(db: DB, organizationId: number): number[] {
  return db.prepare(`SELECT id FROM members WHERE organization_id = ? AND kind = 'person'`).pluck().all(organizationId) as number[];
}

/** The person member of a person, merged or not (memberOfPerson leaves merged ones out), or null. */
export function personMemberOfAny(db: DB, personId: number): number | null {
  return (db.prepare(`SELECT id FROM members WHERE person_id = ? AND kind = 'person'`).pluck().get(personId) as number | undefined) ?? null;
}

/** The Core Group seats a member holds through saved rosters (its organisation's applications seated as members in rosters its core-group role came from). */
export function coreGroupSeatsOfMember(db: DB, organizationId: number, memberId: number): { roster: string; applicationId: number }[] {
  return db
    .prepare(
      `SELECT r.name AS roster, rm.application_id AS applicationId FROM roster_members rm JOIN rosters r ON r.id = rm.roster_id
         JOIN applications a ON a.id = rm.application_id
        WHERE a.organization_id = ? AND rm.role = 'member'
          AND EXISTS (SELECT 1 FROM member_roles mr WHERE mr.member_id = ? AND mr.role = 'core-group' AND mr.roster_id = r.id)
        ORDER BY r.id`,
    )
    .all(organizationId, memberId) as { roster: string; applicationId: number }[];
}

/**
 * The rosters a member's Core Group role came from that no longer seat its organisation: its seat
 * went to another (roster replace) while it had declined or left. Its role stays, seatless.
 */
export function seatlessCoreGroupRosters(db: DB, memberId: number): { roster: string; otherCoreGroupRoles: number }[] {
  return db
    .prepare(
      `SELECT r.name AS roster,
              (SELECT count(*) FROM member_roles o WHERE o.member_id = mr.member_id AND o.role = 'core-group' AND o.rowid <> mr.rowid) AS otherCoreGroupRoles
         FROM member_roles mr JOIN rosters r ON r.id = mr.roster_id JOIN members m ON m.id = mr.member_id
        WHERE mr.member_id = ? AND mr.role = 'core-group' AND m.organization_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM roster_members rm JOIN applications a ON a.id = rm.application_id
                           WHERE rm.roster_id = r.id AND rm.role = 'member' AND a.organization_id = m.organization_id)
        ORDER BY r.id`,
    )
    .all(memberId) as { roster: string; otherCoreGroupRoles: number }[];
}

/** The Core Group cohorts accepted from a roster. */
export function coreGroupCohortsOfRoster(db: DB, rosterId: number): string[] {
  return db.prepare(`SELECT DISTINCT cohort FROM member_roles WHERE role = 'core-group' AND roster_id = ?`).pluck().all(rosterId) as string[];
}

/** A member's roles, oldest first (for its timeline). */
export function memberRolesBySince(db: DB, memberId: number): { role: string; cohort: string; since: string }[] {
  return db.prepare('SELECT role, cohort, since FROM member_roles WHERE member_id = ? ORDER BY since').all(memberId) as { role: string; cohort: string; since: string }[];
}

/** The Core Group cohorts that have members, in order ("2020", "2021"). */
export function coreGroupCohorts(db: DB): string[] {
  return db.prepare(`SELECT DISTINCT cohort FROM member_roles WHERE role = 'core-group' AND cohort <> '' ORDER BY cohort`).pluck().all() as string[];
}
