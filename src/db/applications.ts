import { foldText, withWriteTransaction } from './connection.js';
import { attendanceFilterSql } from './attendance.js';
import { attachApplication } from './organizations.js';
import type { DB } from './connection.js';
import type { Application, ApplicationFields, ApplicationFilters, Region } from '../model.js';

/** Row shape of the applications table joined with its call. */
interface ApplicationRow {
  id: number;
  external_id: string | null;
  call_name: string;
  organization: string;
  organization_type: string | null;
  contact_name: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  country: string | null;
  country_raw: string | null;
  region: string | null;
  language: string | null;
  working_language: string | null;
  title: string | null;
  description: string | null;
  beneficiaries_json: string;
  self_categories_json: string;
  score: number | null;
  submitted_at: string | null;
  categories: string | null;
  organization_id: number | null;
  withdrawn_at: string | null;
  merged_into: number | null;
}

const SELECT_APPLICATION = `
  SELECT a.id, a.external_id, c.name AS call_name, a.organization, a.organization_type,
         a.contact_name, a.email, a.phone, a.website, a.country, a.country_raw, a.region,
         a.language, a.working_language, a.title, a.description, a.beneficiaries_json, a.self_categories_json,
         a.score, a.submitted_at, a.organization_id, a.withdrawn_at, a.merged_into,
         (SELECT group_concat(category, '|') FROM
            (SELECT category FROM application_categories ac
              WHERE ac.application_id = a.id AND ac.state = 'on' ORDER BY category)) AS categories
    FROM applications a JOIN calls c ON c.id = a.call_id`;

function toApplication(r: ApplicationRow): Application {
  return {
    id: r.id,
    externalId: r.external_id,
    call: r.call_name,
    organization: r.organization,
    organizationType: r.organization_type,
    contactName: r.contact_name,
    email: r.email,
    phone: r.phone,
    website: r.website,
    country: r.country,
    countryRaw: r.country_raw,
    region: r.region as Region | null,
    language: r.language,
    workingLanguage: r.working_language,
    title: r.title,
    description: r.description,
    beneficiaries: JSON.parse(r.beneficiaries_json) as string[],
    categories: r.categories ? r.categories.split('|') : [],
    selfCategories: JSON.parse(r.self_categories_json) as string[],
    score: r.score,
    submittedAt: r.submitted_at,
    organizationId: r.organization_id,
    withdrawnAt: r.withdrawn_at,
    mergedInto: r.merged_into,
  };
}

/** WHERE clause and parameters for the shared filters. */
export function filterClause(filters: ApplicationFilters): { where: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  // Withdrawn applications and those merged into another are kept (show, history) but out of
  // lists, selections and exports unless asked for.
  if (!filters.includeWithdrawn) parts.push('a.withdrawn_at IS NULL AND a.merged_into IS NULL');
  if (filters.region) { parts.push('a.region = @region'); params.region = filters.region; }
  if (filters.country) { parts.push('a.country = @country'); params.country = filters.country; }
  if (filters.language) { parts.push('a.language = @language'); params.language = filters.language; }
  if (filters.call) { parts.push('c.name = @call'); params.call = filters.call; }
  if (filters.category) {
    parts.push(`EXISTS (SELECT 1 FROM application_categories f
                 WHERE f.application_id = a.id AND f.category = @category AND f.state = 'on')`);
    params.category = filters.category;
  }
  if (filters.roster) {
    parts.push(`EXISTS (SELECT 1 FROM roster_members m JOIN rosters r ON r.id = m.roster_id
                 WHERE m.application_id = a.id AND r.name = @roster AND m.role = 'member')`);
    params.roster = filters.roster;
  }
  if (filters.role) {
    parts.push(`EXISTS (SELECT 1 FROM members m JOIN member_roles r ON r.member_id = m.id
                 WHERE m.organization_id = a.organization_id AND m.kind = 'organization' AND r.role = @role)`);
    params.role = filters.role;
  }
  if (filters.status) {
    parts.push(`EXISTS (SELECT 1 FROM members m WHERE m.organization_id = a.organization_id AND m.kind = 'organization' AND m.status = @status)`);
    params.status = filters.status;
  }
  if (filters.type) {
    parts.push(`fold(coalesce(a.organization_type, '')) = @type`);
    params.type = foldText(filters.type.trim());
  }
  if (filters.beneficiary) {
    parts.push(`EXISTS (SELECT 1 FROM json_each(a.beneficiaries_json) j WHERE fold(j.value) = @beneficiary)`);
    params.beneficiary = foldText(filters.beneficiary.trim());
  }
  if (filters.search) {
    // Case- and accent-insensitive: "cafe" finds "Café" (fold() is registered in connection.ts).
    parts.push(`instr(fold(a.organization || char(10) || coalesce(a.title,'') || char(10) || coalesce(a.description,'')
             || char(10) || coalesce(a.contact_name,'') || char(10) || coalesce(a.email,'')), @search)`);
    params.search = foldText(filters.search);
  }
  // Follow-up mails: the organisation's member came to no event, or to fewer than N (db/attendance.ts).
  const member = `(SELECT m.id FROM members m WHERE m.organization_id = a.organization_id AND m.kind = 'organization')`;
  parts.push(...attendanceFilterSql(member, filters));
  if (filters.attendedLessThan !== undefined) params.attendedLessThan = filters.attendedLessThan;
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Applications matching the filters, in id order. */
export function listApplications(db: DB, filters: ApplicationFilters = {}): Application[] {
  const { where, params } = filterClause(filters);
  const rows = db.prepare(`${SELECT_APPLICATION} ${where} ORDER BY a.id`).all(params) as ApplicationRow[];
  return rows.map(toApplication);
}

/** Streams matching applications without holding them all in memory (exports of large calls). */
export function* iterateApplications(db: DB, filters: ApplicationFilters = {}): Generator<Application> {
  const { where, params } = filterClause(filters);
  for (const r of db.prepare(`${SELECT_APPLICATION} ${where} ORDER BY a.id`).iterate(params)) {
    yield toApplication(r as ApplicationRow);
  }
}

export function getApplication(db: DB, id: number): Application | undefined {
  const r = db.prepare(`${SELECT_APPLICATION} WHERE a.id = ?`).get(id) as ApplicationRow | undefined;
  return r ? toApplication(r) : undefined;
}

export function countApplications(db: DB, filters: ApplicationFilters = {}): number {
  const { where, params } = filterClause(filters);
  return (db.prepare(`SELECT count(*) AS n FROM applications a JOIN calls c ON c.id = a.call_id ${where}`).get(params) as { n: number }).n;
}

/** The calls of the applications the filters choose (their own --call aside), in the calls' order. */
export function callsOfApplications(db: DB, filters: ApplicationFilters): string[] {
  const { where, params } = filterClause({ ...filters, call: undefined });
  return (db.prepare(`SELECT c.name FROM calls c WHERE c.id IN (SELECT a.call_id FROM applications a JOIN calls c ON c.id = a.call_id ${where}) ORDER BY c.id`).all(params) as { name: string }[]).map((r) => r.name);
}

/** The call's id, creating the call when new. */
export function ensureCall(db: DB, name: string): number {
  db.prepare('INSERT INTO calls (name) VALUES (?) ON CONFLICT(name) DO NOTHING').run(name);
  return (db.prepare('SELECT id FROM calls WHERE name = ?').get(name) as { id: number }).id;
}

export function callNames(db: DB): string[] {
  return (db.prepare('SELECT name FROM calls ORDER BY id').all() as { name: string }[]).map((r) => r.name);
}

/** The calls that hold at least one application, in the order they were first imported. */
export function callsWithApplications(db: DB): string[] {
  return (db.prepare('SELECT c.name FROM calls c WHERE EXISTS (SELECT 1 FROM applications a WHERE a.call_id = c.id) ORDER BY c.id').all() as { name: string }[]).map((r) => r.name);
}

/**
 * Inserts one application directly (used by tests and generators that need data
 * without going through a file import). Returns the new id.
 */
export function insertApplication(
  db: DB,
  callName: string,
  fields: Partial<ApplicationFields> & { organization: string; givenName?: string | null; familyName?: string | null; workingLanguage?: string | null },
  identityKey?: string,
): number {
  const callId = ensureCall(db, callName);
  const raw = JSON.stringify(fields);
  const info = db
    .prepare(
      `INSERT INTO applications (call_id, identity_key, external_id, organization, organization_type,
         contact_name, given_name, family_name, email, phone, website, country_raw, country, region, language, working_language,
         title, description, beneficiaries_json, self_categories_json, score, submitted_at, raw_json, content_hash)
       VALUES (@callId, @identityKey, @externalId, @organization, @organizationType, @contactName, @givenName, @familyName, @email,
         @phone, @website, @countryRaw, @country, @region, @language, @workingLanguage, @title, @description,
         @beneficiaries, @selfCategories, @score, @submittedAt, @raw, @hash)`,
    )
    .run({
      callId,
      identityKey: identityKey ?? `id:${fields.externalId ?? `${fields.email ?? ''}|${fields.organization}`}`,
      externalId: fields.externalId ?? null,
      organization: fields.organization,
      organizationType: fields.organizationType ?? null,
      contactName: fields.contactName ?? null,
      givenName: fields.givenName ?? null,
      familyName: fields.familyName ?? null,
      workingLanguage: fields.workingLanguage ?? null,
      email: fields.email ?? null,
      phone: fields.phone ?? null,
      website: fields.website ?? null,
      countryRaw: fields.countryRaw ?? fields.country ?? null,
      country: fields.country ?? null,
      region: fields.region ?? null,
      language: fields.language ?? null,
      title: fields.title ?? null,
      description: fields.description ?? null,
      beneficiaries: JSON.stringify(fields.beneficiaries ?? []),
      selfCategories: JSON.stringify(fields.selfCategories ?? []),
      score: fields.score ?? null,
      submittedAt: fields.submittedAt ?? null,
      raw,
      hash: raw,
    });
  const id = Number(info.lastInsertRowid);
  // Its organisation (the same name in the same country is one), contact person and member.
  attachApplication(db, id);
  return id;
}

/** Sets the categories of an application as an officer would (tests, fixtures). */
export function setCategories(db: DB, applicationId: number, codes: string[], source: 'auto' | 'officer' = 'officer'): void {
  const stmt = db.prepare(
    `INSERT INTO application_categories (application_id, category, source, state, confidence)
     VALUES (?, ?, ?, 'on', 1) ON CONFLICT(application_id, category) DO UPDATE SET source = excluded.source, state = 'on'`,
  );
  for (const code of codes) stmt.run(applicationId, code, source);
}

/** An application's two languages and where each came from ('column', 'detected', 'officer'). */
export interface ApplicationLanguages {
  language: string | null;
  languageSource: string | null;
  workingLanguage: string | null;
  workingLanguageSource: string | null;
}

export function applicationLanguages(db: DB, id: number): ApplicationLanguages | undefined {
  return db
    .prepare('SELECT language, language_source AS languageSource, working_language AS workingLanguage, working_language_source AS workingLanguageSource FROM applications WHERE id = ?')
    .get(id) as ApplicationLanguages | undefined;
}

/**
 * Sets an application's language and/or working language as an officer's decision ('officer'
 * source: a later import keeps it). Changing the language of the text deletes its computed
 * category tags (not the officer's), since tagging reads the text in that language; returns
 * whether it did.
 */
export function writeApplicationLanguages(
  db: DB,
  id: number,
  change: { language?: string | null; workingLanguage?: string | null },
  options: { dropComputedTags: boolean },
): boolean {
  let retag = false;
  withWriteTransaction(db, () => {
    if (change.language !== undefined) {
      db.prepare(`UPDATE applications SET language = ?, language_source = 'officer', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(change.language, id);
      if (options.dropComputedTags) retag = db.prepare(`DELETE FROM application_categories WHERE application_id = ? AND source <> 'officer'`).run(id).changes > 0;
    }
    if (change.workingLanguage !== undefined) {
      db.prepare(`UPDATE applications SET working_language = ?, working_language_source = 'officer', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(change.workingLanguage, id);
    }
  });
  return retag;
}

/** An application's row as stored, every column (what a merge compares and fills). */
export function applicationRecord(db: DB, id: number): (Record<string, unknown> & { call_id: number; merged_into: number | null; organization_id: number | null }) | undefined {
  return db.prepare('SELECT * FROM applications WHERE id = ?').get(id) as (Record<string, unknown> & { call_id: number; merged_into: number | null; organization_id: number | null }) | undefined;
}

/** An application's organisation and contact fields (what its contact person is found or made from). */
export function applicationContactFields(db: DB, id: number): { organization_id: number | null; contact_name: string | null; email: string | null; phone: string | null } {
  return db.prepare('SELECT organization_id, contact_name, email, phone FROM applications WHERE id = ?').get(id) as { organization_id: number | null; contact_name: string | null; email: string | null; phone: string | null };
}

/** How many applications of the organisation there are besides this one (merged and withdrawn ones included). */
export function otherApplicationCount(db: DB, organizationId: number, applicationId: number): number {
  return db.prepare('SELECT count(*) FROM applications WHERE organization_id = ? AND id <> ?').pluck().get(organizationId, applicationId) as number;
}
