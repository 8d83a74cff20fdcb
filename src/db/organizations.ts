/**
 * SQL of the network's lasting records: organisations (one across calls), their contact people,
 * and the link of each application to both. The certain rule lives here (the same organisation
 * name, normalised, in the same country, is one organisation), so that every way an application
 * is written — an import, a test fixture, the migration of an older database — links it; the
 * evidence-based matching that may say "probably the same" is import/organizations.ts's.
 */
import { cachedStatement, type DB } from './connection.js';
import { normaliseName } from '../text.js';
import { ensureOrganizationMember } from './members.js';

export interface Organization {
  id: number;
  /** The Kumu element ID and the ID officers type: "org-17". The same in every export. */
  kumuId: string;
  name: string;
  nameKey: string;
  organizationType: string | null;
  country: string | null;
  countryRaw: string | null;
  region: string | null;
  website: string | null;
  webDomain: string | null;
  beneficiaries: string[];
  notes: string | null;
  /** Set when the organisation was merged into another (its applications moved there). */
  mergedInto: number | null;
  createdAt: string;
}

export interface Person {
  id: number;
  organizationId: number | null;
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  phone: string | null;
  workingLanguage: string | null;
  timeZone: string | null;
}

interface OrganizationRow {
  id: number; name: string; name_key: string; organization_type: string | null; country: string | null; country_raw: string | null;
  region: string | null; website: string | null; web_domain: string | null; beneficiaries_json: string; notes: string | null;
  merged_into: number | null; created_at: string;
}

interface PersonRow {
  id: number; organization_id: number | null; name: string | null; given_name: string | null; family_name: string | null;
  email: string | null; phone: string | null; working_language: string | null; time_zone: string | null;
}

export const organizationKumuId = (id: number) => `org-${id}`;
export const personKumuId = (id: number) => `person-${id}`;

function toOrganization(r: OrganizationRow): Organization {
  return {
    id: r.id, kumuId: organizationKumuId(r.id), name: r.name, nameKey: r.name_key, organizationType: r.organization_type,
    country: r.country, countryRaw: r.country_raw, region: r.region, website: r.website, webDomain: r.web_domain,
    beneficiaries: JSON.parse(r.beneficiaries_json) as string[], notes: r.notes, mergedInto: r.merged_into, createdAt: r.created_at,
  };
}

export function toPerson(r: PersonRow): Person {
  return {
    id: r.id, organizationId: r.organization_id, name: r.name, givenName: r.given_name, familyName: r.family_name,
    email: r.email, phone: r.phone, workingLanguage: r.working_language, timeZone: r.time_zone,
  };
}

export { emailDomain, organizationKey, webDomain } from '../organization-keys.js';
import { organizationKey, webDomain } from '../organization-keys.js';

export function getOrganization(db: DB, id: number): Organization | undefined {
  const r = cachedStatement(db, 'SELECT * FROM organizations WHERE id = ?').get(id) as OrganizationRow | undefined;
  return r ? toOrganization(r) : undefined;
}

/** Organisations by id (merged ones included), in id order. */
export function listOrganizations(db: DB, options: { ids?: number[]; includeMerged?: boolean } = {}): Organization[] {
  const where: string[] = [];
  if (!options.includeMerged) where.push('merged_into IS NULL');
  if (options.ids) where.push(`id IN (SELECT value FROM json_each(@ids))`);
  const rows = cachedStatement(db, `SELECT * FROM organizations ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`).all({ ids: JSON.stringify(options.ids ?? []) }) as OrganizationRow[];
  return rows.map(toOrganization);
}

/** What an organisation is created from: an application's fields, or a member added by hand. */
export interface OrganizationFields {
  name: string;
  organizationType?: string | null;
  country?: string | null;
  countryRaw?: string | null;
  region?: string | null;
  website?: string | null;
  beneficiaries?: string[];
  notes?: string | null;
}

/** `known`: the name's key and the website's domain when the caller has them already (a large import computes them on its reading thread). */
export function insertOrganization(db: DB, f: OrganizationFields, known?: { key: string; domain: string | null }): number {
  // (positional parameters: a large import makes tens of thousands, and named ones took half as long again to bind)
  const info = cachedStatement(db, 
      `INSERT INTO organizations (name, name_key, organization_type, country, country_raw, region, website, web_domain, beneficiaries_json, notes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      f.name.replace(/\s+/g, ' ').trim(), known ? known.key : organizationKey(f.name), f.organizationType ?? null, f.country ?? null,
      f.countryRaw ?? null, f.region ?? null, f.website ?? null, known ? known.domain : webDomain(f.website),
      JSON.stringify(f.beneficiaries ?? []), f.notes ?? null,
    );
  return Number(info.lastInsertRowid);
}

/** Organisations (not merged away) with this normalised name in this country (NULL matches NULL only). */
export function organizationsByKey(db: DB, name: string, country: string | null): Organization[] {
  const rows = cachedStatement(db, 'SELECT * FROM organizations WHERE name_key = ? AND country IS ? AND merged_into IS NULL ORDER BY id')
    .all(organizationKey(name), country) as OrganizationRow[];
  return rows.map(toOrganization);
}

/** Organisations (not merged away) whose website is on this domain; at most `limit` of them. */
export function organizationsByWebDomain(db: DB, domain: string, limit = -1): Organization[] {
  return (cachedStatement(db, 'SELECT * FROM organizations WHERE web_domain = ? AND merged_into IS NULL ORDER BY id LIMIT ?').all(domain, limit) as OrganizationRow[]).map(toOrganization);
}

/** What matching compares of an organisation. */
export type OrganizationBrief = Pick<Organization, 'id' | 'name' | 'country' | 'webDomain'>;

/** Organisations (not merged away) with this normalised name in this country, as matching compares them, in id order. */
export function organizationBriefsByKey(db: DB, name: string, country: string | null): OrganizationBrief[] {
  return cachedStatement(db, 'SELECT id, name, country, web_domain AS webDomain FROM organizations WHERE name_key = ? AND country IS ? AND merged_into IS NULL ORDER BY id')
    .all(organizationKey(name), country) as OrganizationBrief[];
}

/**
 * The first `most` + 1 organisations (merged ones counted) that rows of a query of organisation
 * ids name, in the rows' order, each once: read row by row and stopped there (a DISTINCT ... LIMIT
 * in SQL builds a temporary table every time, which an import asking for every row pays dearly).
 */
function firstOrganizations(rows: IterableIterator<unknown>, most: number): number[] {
  const ids: number[] = [];
  const cap = Number.isFinite(most) ? most + 1 : Infinity;
  for (const id of rows as IterableIterator<number>) {
    if (!ids.includes(id)) ids.push(id);
    if (ids.length >= cap) break; // (leaving the loop closes the statement)
  }
  return ids;
}

/** Of these organisations, those not merged away (and of this country, when given), in id order. */
function briefsOf(db: DB, ids: number[], country?: string | null): OrganizationBrief[] {
  const get = cachedStatement(db, 'SELECT id, name, country, web_domain AS webDomain FROM organizations WHERE id = ? AND merged_into IS NULL');
  const out: OrganizationBrief[] = [];
  for (const id of ids) {
    const o = get.get(id) as OrganizationBrief | undefined;
    if (o && (country === undefined || o.country === country)) out.push(o);
  }
  return out.sort((x, y) => x.id - y.id);
}

/**
 * Organisations (not merged away) one of whose people has this email address; null when more than
 * `most` organisations have someone at it (a consultant's or a secretariat's address: no evidence).
 * (Of the first `most` + 1 organisations with someone at it, merged ones counted, those not merged.)
 */
export function organizationsByPersonEmail(db: DB, email: string, most = Infinity): OrganizationBrief[] | null {
  const rows = cachedStatement(db, 'SELECT organization_id FROM people WHERE email = ? AND organization_id IS NOT NULL').pluck().iterate(email.trim().toLowerCase());
  const found = briefsOf(db, firstOrganizations(rows, most));
  return found.length > most ? null : found;
}

/**
 * Of an organisation's people's addresses, the one that bears on this address: the address itself
 * when one of them has it, else the first person's at the same domain; none otherwise. (What comparing the two
 * organisations' contact emails can use, without reading every address of a large organisation.)
 */
export function organizationEmailLike(db: DB, organizationId: number, email: string): string | null {
  if (cachedStatement(db, 'SELECT 1 FROM people WHERE organization_id = ? AND email = ?').get(organizationId, email)) return email;
  const domain = email.slice(email.indexOf('@') + 1);
  return (cachedStatement(db,
    `SELECT email FROM people WHERE organization_id = ? AND substr(email, instr(email, '@') + 1) = ? ORDER BY id LIMIT 1`,
  ).pluck().get(organizationId, domain) as string | undefined) ?? null;
}

/**
 * Organisations (not merged away) of this country one of whose people writes from this email
 * domain; null when more than `most` organisations, of any country, have people writing from it
 * (a provider, a university: no evidence). Read along the domain's index, stopping past `most`.
 */
export function organizationsByEmailDomain(db: DB, domain: string, country: string | null, most = Infinity): OrganizationBrief[] | null {
  const rows = cachedStatement(db, `SELECT organization_id FROM people WHERE substr(email, instr(email, '@') + 1) = ? AND organization_id IS NOT NULL`)
    .pluck().iterate(domain.trim().toLowerCase());
  const ids = firstOrganizations(rows, most);
  if (ids.length > most) return null;
  return briefsOf(db, ids, country);
}

/** Organisations (not merged away) of a country whose normalised name holds this word. */
export function organizationsWithWord(db: DB, country: string | null, word: string): Organization[] {
  return (
    cachedStatement(db, `SELECT * FROM organizations WHERE merged_into IS NULL AND country IS ? AND (' ' || name_key || ' ') LIKE ('% ' || ? || ' %') ORDER BY id LIMIT 200`)
      .all(country, word) as OrganizationRow[]
  ).map(toOrganization);
}

/** Organisations (not merged away) of any country, or none, whose name has this word of a name key; at most 200. */
export function organizationsWithWordAnywhere(db: DB, word: string): Organization[] {
  return (
    cachedStatement(db, `SELECT * FROM organizations WHERE merged_into IS NULL AND (' ' || name_key || ' ') LIKE ('% ' || ? || ' %') ORDER BY id LIMIT 200`)
      .all(word) as OrganizationRow[]
  ).map(toOrganization);
}

/** The key organisationsWithWords files an organisation under: its country and a word of its name key. */
export function countryWordKey(country: string | null, word: string): string {
  return `${country ?? ''}\u0000${asciiLower(word)}`;
}

// (LIKE folds ASCII letters only)
const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/**
 * organizationsWithWord for many words at once, in one pass over the organisations: for each
 * wanted countryWordKey, the first 200 organisations (by id) filed under it, by id and name.
 * (One query per word scanned the whole table each time: thousands of new organisations in an
 * import took seconds, in one transaction that Ctrl-C could not stop.)
 */
export function organizationsWithWords(db: DB, wanted: Set<string>): Map<string, { id: number; name: string }[]> {
  const found = new Map<string, { id: number; name: string }[]>();
  if (!wanted.size) return found;
  const rows = cachedStatement(db, 'SELECT id, name, name_key AS nameKey, country FROM organizations WHERE merged_into IS NULL ORDER BY id').iterate() as Iterable<{ id: number; name: string; nameKey: string; country: string | null }>;
  for (const r of rows) {
    for (const word of new Set(r.nameKey.split(' '))) {
      if (!word) continue;
      const key = countryWordKey(r.country, word);
      if (!wanted.has(key)) continue;
      let list = found.get(key);
      if (!list) found.set(key, (list = []));
      if (list.length < 200) list.push({ id: r.id, name: r.name });
    }
  }
  return found;
}

/** What the identity rules compare, for every organisation (not merged away): name, country, website, its people's emails. */
export interface OrganizationEvidenceRow {
  id: number;
  name: string;
  nameKey: string;
  country: string | null;
  webDomain: string | null;
  emails: string[];
}

export function organizationEvidenceRows(db: DB): OrganizationEvidenceRow[] {
  const rows = cachedStatement(db, 
      `SELECT o.id, o.name, o.name_key, o.country, o.web_domain,
              (SELECT json_group_array(DISTINCT p.email) FROM people p WHERE p.organization_id = o.id AND p.email IS NOT NULL) AS emails
         FROM organizations o WHERE o.merged_into IS NULL ORDER BY o.id`,
    )
    .all() as { id: number; name: string; name_key: string; country: string | null; web_domain: string | null; emails: string }[];
  return rows.map((r) => ({ id: r.id, name: r.name, nameKey: r.name_key, country: r.country, webDomain: r.web_domain, emails: JSON.parse(r.emails) as string[] }));
}

/** Pairs of organisations an officer said are different (smaller id first). */
export function organizationsKeptApart(db: DB): Set<string> {
  const rows = cachedStatement(db, 'SELECT organization_id AS a, other_id AS b FROM organization_pairs').all() as { a: number; b: number }[];
  return new Set(rows.map((r) => `${r.a}|${r.b}`));
}

/** The person of an organisation's latest application (withdrawn ones last): its contact when it has no member. */
export function latestApplicationPerson(db: DB, organizationId: number): number | null {
  const r = cachedStatement(db, `SELECT person_id FROM applications WHERE organization_id = ? AND merged_into IS NULL AND person_id IS NOT NULL
                                  ORDER BY withdrawn_at IS NOT NULL, id DESC LIMIT 1`).get(organizationId) as { person_id: number } | undefined;
  return r?.person_id ?? null;
}

/**
 * The organisation's applications other than `applicationId` that say `country` (NULL: those that
 * say none), merged and withdrawn ones left out, in id order: what still backs its country.
 */
export function otherApplicationsInCountry(db: DB, organizationId: number, applicationId: number, country: string | null): number[] {
  return cachedStatement(db, `SELECT id FROM applications WHERE organization_id = ? AND id <> ? AND country IS ? AND merged_into IS NULL AND withdrawn_at IS NULL ORDER BY id`)
    .pluck().all(organizationId, applicationId, country) as number[];
}

/** The organisation an application belongs to. */
export function organizationOfApplication(db: DB, applicationId: number): number | null {
  const r = cachedStatement(db, 'SELECT organization_id FROM applications WHERE id = ?').get(applicationId) as { organization_id: number | null } | undefined;
  return r?.organization_id ?? null;
}

/** What linking needs to know of an application. */
export interface ApplicationIdentity {
  id: number;
  organization: string;
  organizationType: string | null;
  country: string | null;
  countryRaw: string | null;
  region: string | null;
  website: string | null;
  beneficiaries: string[];
  contactName: string | null;
  /** The form's first and last name columns, when it had them. */
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  phone: string | null;
  workingLanguage: string | null;
  organizationId: number | null;
}

const splitNames = new WeakMap<DB, string>();

/**
 * The split-name columns of applications (migration 20), or NULLs while migration 10's backfill
 * links the applications of a database that does not have them yet.
 */
function splitNameColumns(db: DB): string {
  let columns = splitNames.get(db);
  if (columns === undefined) {
    const has = (db.prepare(`SELECT count(*) FROM pragma_table_info('applications') WHERE name IN ('given_name', 'family_name')`).pluck().get() as number) === 2;
    columns = has ? 'given_name, family_name' : 'NULL AS given_name, NULL AS family_name';
    // Cached only once the columns are there: a database being migrated asks again after 20.
    if (has) splitNames.set(db, columns);
  }
  return columns;
}

/** The application's columns that linking reads, as stored (applications table) or about to be written. */
export type IdentityColumn =
  | 'organization' | 'organization_type' | 'country' | 'country_raw' | 'region' | 'website' | 'beneficiaries_json' | 'contact_name'
  | 'given_name' | 'family_name' | 'email' | 'phone' | 'working_language';

/**
 * What linking reads of an application, from its columns however they are held: a row read back
 * (applicationIdentity) or the values of a row about to be written (import/organizations.ts).
 * The beneficiaries are parsed only when asked for (when an organisation is made or filled).
 */
export function identityFromColumns(column: (name: IdentityColumn) => unknown, id: number, organizationId: number | null): ApplicationIdentity {
  return new ColumnIdentity(column, id, organizationId);
}

/** (a class, so that every identity has one shape and the beneficiaries a getter on the prototype) */
class ColumnIdentity implements ApplicationIdentity {
  readonly organization: string;
  readonly organizationType: string | null;
  readonly country: string | null;
  readonly countryRaw: string | null;
  readonly region: string | null;
  readonly website: string | null;
  readonly contactName: string | null;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly workingLanguage: string | null;
  private parsed: string[] | undefined;
  private readonly beneficiariesJson: string | null;

  constructor(column: (name: IdentityColumn) => unknown, readonly id: number, readonly organizationId: number | null) {
    const text = (name: IdentityColumn) => (column(name) ?? null) as string | null;
    this.organization = text('organization') ?? '';
    this.organizationType = text('organization_type');
    this.country = text('country');
    this.countryRaw = text('country_raw');
    this.region = text('region');
    this.website = text('website');
    this.contactName = text('contact_name');
    this.givenName = text('given_name');
    this.familyName = text('family_name');
    this.email = text('email');
    this.phone = text('phone');
    this.workingLanguage = text('working_language');
    this.beneficiariesJson = text('beneficiaries_json');
  }

  get beneficiaries(): string[] {
    return (this.parsed ??= JSON.parse(this.beneficiariesJson ?? '[]') as string[]);
  }
}

export function applicationIdentity(db: DB, id: number): ApplicationIdentity | undefined {
  const r = cachedStatement(db, 
      `SELECT id, organization, organization_type, country, country_raw, region, website, beneficiaries_json, contact_name,
              ${splitNameColumns(db)}, email, phone, working_language, organization_id FROM applications WHERE id = ?`,
    )
    .get(id) as (Record<IdentityColumn, unknown> & { id: number; organization_id: number | null }) | undefined;
  return r && identityFromColumns((name) => r[name], r.id, r.organization_id);
}

/** Applications not linked to an organisation yet (new since the last link), in id order. */
export function unlinkedApplications(db: DB, callId?: number): number[] {
  return (cachedStatement(db, 'SELECT id FROM applications WHERE organization_id IS NULL AND (@call IS NULL OR call_id = @call) ORDER BY id').all({ call: callId ?? null }) as { id: number }[]).map((r) => r.id);
}

/**
 * Links an application to an organisation: its contact person is found among the organisation's
 * people (same email, else same name without email) or added; the organisation becomes a member
 * (role member) when it was not one (unless `member` is false: the caller makes it one). The organisation's empty fields are filled from the application.
 */
export function linkApplication(db: DB, applicationId: number, organizationId: number, identity?: ApplicationIdentity, options: { fresh?: boolean; member?: boolean } = {}): { personId: number | null } {
  const a = identity ?? applicationIdentity(db, applicationId);
  if (!a) throw new Error(`no application ${applicationId}`);
  const { personId } = attachContact(db, organizationId, a, { fresh: options.fresh, member: options.member, fromApplication: applicationId });
  setApplicationLink(db, applicationId, organizationId, personId);
  return { personId };
}

/** Points an application at its organisation and contact person. */
export function setApplicationLink(db: DB, applicationId: number, organizationId: number, personId: number | null): void {
  cachedStatement(db, 'UPDATE applications SET organization_id = ?, person_id = ? WHERE id = ?').run(organizationId, personId, applicationId);
}

/**
 * What linking an application to an organisation does besides pointing the application at it:
 * its contact person found among the organisation's people (same email, else same name without
 * email) or added, the organisation's empty fields filled from it (not when `fresh`: an
 * organisation just made from it), and the organisation made a member. Returns the person (null
 * without a contact) and whether the organisation was found `complete` (no empty field left to
 * fill). `fromApplication`: the application's id when it is already written (only a newer
 * application updates the person); absent for one about to be written (the newest). `fresh`: the
 * organisation was just made from this application; `newPerson`: the caller knows the
 * organisation has nobody at the application's address (not looked up again); `domain`: the
 * application website's domain (webDomain), when the caller has it.
 */
export function attachContact(
  db: DB,
  organizationId: number,
  a: ApplicationIdentity,
  options: { fresh?: boolean; fromApplication?: number; member?: boolean; fill?: boolean; newPerson?: boolean; domain?: string | null } = {},
): { personId: number | null; complete: boolean } {
  // (an organisation just made has nobody yet)
  const newPerson = options.fresh || options.newPerson;
  const personId = a.email || a.contactName ? ensurePerson(db, organizationId, { name: a.contactName, givenName: a.givenName, familyName: a.familyName, email: a.email, phone: a.phone, workingLanguage: a.workingLanguage }, options.fromApplication, { absent: newPerson }) : null;
  // (an organisation just made from this application has its fields already; one whose fields
  // are all filled, `complete`, has nothing to take: the caller may say so with fill: false)
  let complete = false;
  if (!options.fresh && options.fill !== false) {
    complete = cachedStatement(db,
      `UPDATE organizations SET organization_type = coalesce(organization_type, @type), website = coalesce(website, @website),
              web_domain = coalesce(web_domain, @domain), region = coalesce(region, @region), country_raw = coalesce(country_raw, @countryRaw),
              beneficiaries_json = CASE WHEN beneficiaries_json = '[]' THEN @beneficiaries ELSE beneficiaries_json END
        WHERE id = @id AND (organization_type IS NULL OR website IS NULL OR region IS NULL OR country_raw IS NULL OR beneficiaries_json = '[]')`,
    ).run({ id: organizationId, type: a.organizationType, website: a.website, domain: options.domain !== undefined ? options.domain : webDomain(a.website), region: a.region, countryRaw: a.countryRaw, beneficiaries: JSON.stringify(a.beneficiaries) }).changes === 0;
  }
  if (options.member !== false) ensureOrganizationMember(db, organizationId, 'application', {}, { newOrganization: options.fresh });
  return { personId, complete };
}

/** An organisation's website domain as stored (null when it has none, or no such organisation). */
export function organizationWebDomain(db: DB, organizationId: number): string | null {
  return (cachedStatement(db, 'SELECT web_domain FROM organizations WHERE id = ?').pluck().get(organizationId) as string | null | undefined) ?? null;
}

/** How many organisations there are (merged ones included), and how many people. */
export function networkSize(db: DB): { organizations: number; people: number } {
  return cachedStatement(db, 'SELECT (SELECT count(*) FROM organizations) AS organizations, (SELECT count(*) FROM people) AS people').get() as { organizations: number; people: number };
}

/** Every organisation not merged away, as matching compares it, in id order, with its name key. */
export function organizationBriefs(db: DB): IterableIterator<OrganizationBrief & { nameKey: string }> {
  return cachedStatement(db, 'SELECT id, name, name_key AS nameKey, country, web_domain AS webDomain FROM organizations WHERE merged_into IS NULL ORDER BY id')
    .iterate() as IterableIterator<OrganizationBrief & { nameKey: string }>;
}

/** Every person's email address with their organisation (organisations merged away included), in the people's id order. */
export function organizationPeopleEmails(db: DB): IterableIterator<{ organizationId: number; email: string }> {
  return cachedStatement(db, 'SELECT organization_id AS organizationId, email FROM people WHERE email IS NOT NULL AND organization_id IS NOT NULL ORDER BY id')
    .iterate() as IterableIterator<{ organizationId: number; email: string }>;
}

/** A new organisation made from an application's fields, with the application linked to it. */
export function createOrganizationFor(db: DB, applicationId: number, identity?: ApplicationIdentity): number {
  const a = identity ?? applicationIdentity(db, applicationId);
  if (!a) throw new Error(`no application ${applicationId}`);
  const id = insertOrganization(db, {
    name: a.organization, organizationType: a.organizationType, country: a.country, countryRaw: a.countryRaw, region: a.region,
    website: a.website, beneficiaries: a.beneficiaries,
  });
  linkApplication(db, applicationId, id, a, { fresh: true });
  return id;
}

/**
 * The certain rule only: the organisation of the same normalised name in the same country, else a
 * new one. Used where no officer is there to be told of doubtful matches (fixtures, the migration).
 */
export function attachApplication(db: DB, applicationId: number): number {
  const a = applicationIdentity(db, applicationId);
  if (!a) throw new Error(`no application ${applicationId}`);
  const same = organizationsByKey(db, a.organization, a.country)[0];
  if (same) {
    linkApplication(db, applicationId, same.id, a);
    return same.id;
  }
  return createOrganizationFor(db, applicationId, a);
}

/** Migration 10: every existing application gets its organisation, person and member (the certain rule). */
export function backfillNetwork(db: DB): void {
  for (const id of unlinkedApplications(db)) attachApplication(db, id);
}

// ------------------------------------------------------------------ people

export interface PersonFields {
  name?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  email?: string | null;
  phone?: string | null;
  workingLanguage?: string | null;
  timeZone?: string | null;
}

/** The organisation's person with this address, else (without an address) the one of this name without one. */
export function findPerson(db: DB, organizationId: number | null, f: Pick<PersonFields, 'name' | 'email'>): { id: number } | undefined {
  const email = f.email?.trim().toLowerCase() || null;
  const name = f.name?.replace(/\s+/g, ' ').trim() || null;
  if (email) return cachedStatement(db, 'SELECT id FROM people WHERE organization_id IS ? AND email = ? ORDER BY id LIMIT 1').get(organizationId, email) as { id: number } | undefined;
  if (!name) return undefined;
  const key = normaliseName(name);
  const candidates = cachedStatement(db, 'SELECT id, name FROM people WHERE organization_id IS ? AND email IS NULL ORDER BY id').all(organizationId) as { id: number; name: string | null }[];
  return candidates.find((c) => c.name && normaliseName(c.name) === key);
}

/**
 * The organisation's person with this email (or, without one, this name), created when new; a
 * later application's details (name spelling, phone) replace earlier ones: the latest wins.
 */
export function ensurePerson(db: DB, organizationId: number | null, f: PersonFields, fromApplication?: number, options: { absent?: boolean } = {}): number {
  const email = f.email?.trim().toLowerCase() || null;
  const name = f.name?.replace(/\s+/g, ' ').trim() || null;
  // (`absent`: the caller knows the organisation has nobody at this address, or nobody at all)
  const found = email && options.absent ? undefined : findPerson(db, organizationId, { name, email });
  if (found) {
    // Only a newer application updates the person: re-linking an old one keeps the latest details.
    const newer = fromApplication === undefined || !(cachedStatement(db, 'SELECT 1 FROM applications WHERE person_id = ? AND id > ?').get(found.id, fromApplication));
    if (newer) {
      cachedStatement(db, 
        `UPDATE people SET name = coalesce(@name, name), phone = coalesce(@phone, phone), working_language = coalesce(@lang, working_language),
                given_name = coalesce(@given, given_name), family_name = coalesce(@family, family_name), time_zone = coalesce(@tz, time_zone),
                updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = @id`,
      ).run({ id: found.id, name, phone: f.phone ?? null, lang: f.workingLanguage ?? null, given: f.givenName ?? null, family: f.familyName ?? null, tz: f.timeZone ?? null });
    }
    return found.id;
  }
  const info = cachedStatement(db, 'INSERT INTO people (organization_id, name, given_name, family_name, email, phone, working_language, time_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(organizationId, name, f.givenName ?? null, f.familyName ?? null, email, f.phone ?? null, f.workingLanguage ?? null, f.timeZone ?? null);
  return Number(info.lastInsertRowid);
}

export function getPerson(db: DB, id: number): Person | undefined {
  const r = cachedStatement(db, 'SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  return r ? toPerson(r) : undefined;
}

/** An organisation's people, the one of its latest application first. */
export function organizationPeople(db: DB, organizationId: number): Person[] {
  const rows = cachedStatement(db, 
      `SELECT p.* FROM people p WHERE p.organization_id = ?
        ORDER BY (SELECT max(a.id) FROM applications a WHERE a.person_id = p.id) DESC NULLS LAST, p.id`,
    )
    .all(organizationId) as PersonRow[];
  return rows.map(toPerson);
}

/** People with this email address (any organisation). */
export function peopleByEmail(db: DB, email: string): Person[] {
  return (cachedStatement(db, 'SELECT * FROM people WHERE email = ? ORDER BY id').all(email.trim().toLowerCase()) as PersonRow[]).map(toPerson);
}

// ------------------------------------------------------------------ an organisation's history

/** One application of an organisation, for its history. */
export interface OrganizationApplication {
  id: number;
  call: string;
  title: string | null;
  submittedAt: string | null;
  createdAt: string;
  withdrawnAt: string | null;
  mergedInto: number | null;
  personId: number | null;
}

export function organizationApplications(db: DB, organizationId: number): OrganizationApplication[] {
  return cachedStatement(db, 
      `SELECT a.id, c.name AS call, a.title, a.submitted_at AS submittedAt, a.created_at AS createdAt, a.withdrawn_at AS withdrawnAt,
              a.merged_into AS mergedInto, a.person_id AS personId
         FROM applications a JOIN calls c ON c.id = a.call_id WHERE a.organization_id = ? ORDER BY c.id, a.id`,
    )
    .all(organizationId) as OrganizationApplication[];
}

/** The rosters an organisation's applications are in, with the role there. */
export function organizationRosters(db: DB, organizationId: number): { roster: string; applicationId: number; role: 'member' | 'alternate'; createdAt: string }[] {
  return cachedStatement(db, 
      `SELECT r.name AS roster, m.application_id AS applicationId, m.role, r.created_at AS createdAt
         FROM roster_members m JOIN rosters r ON r.id = m.roster_id JOIN applications a ON a.id = m.application_id
        WHERE a.organization_id = ? ORDER BY r.created_at, r.id`,
    )
    .all(organizationId) as { roster: string; applicationId: number; role: 'member' | 'alternate'; createdAt: string }[];
}

/** Every person with a name, with their organisation's name and country (for --with-people), in id order. */
export function peopleWithOrganizations(db: DB): (Person & { organization: string | null; country: string | null; region: string | null })[] {
  const rows = cachedStatement(db, 
      `SELECT p.*, o.name AS organization, o.country, o.region FROM people p LEFT JOIN organizations o ON o.id = p.organization_id
        WHERE p.name IS NOT NULL ORDER BY p.id`,
    )
    .all() as (PersonRow & { organization: string | null; country: string | null; region: string | null })[];
  return rows.map((r) => ({ ...toPerson(r), organization: r.organization, country: r.country, region: r.region }));
}

/** application id -> its contact person (people id). */
export function personByApplication(db: DB): Map<number, number> {
  const rows = cachedStatement(db, 'SELECT id, person_id FROM applications WHERE person_id IS NOT NULL').all() as { id: number; person_id: number }[];
  return new Map(rows.map((r) => [r.id, r.person_id]));
}

/**
 * Organisations merged into another, by id, with the organisation each now stands for (a chain
 * of merges followed to its end): what a quota saved on "org-4" counts once org-4 is merged.
 */
export function mergedOrganizationTargets(db: DB): Map<number, number> {
  const rows = cachedStatement(db, 'SELECT id, merged_into FROM organizations WHERE merged_into IS NOT NULL').all() as { id: number; merged_into: number }[];
  const next = new Map(rows.map((r) => [r.id, r.merged_into]));
  const out = new Map<number, number>();
  for (const id of next.keys()) {
    let at = id;
    for (let steps = 0; next.has(at) && steps <= next.size; steps++) at = next.get(at)!;
    out.set(id, at);
  }
  return out;
}

/**
 * The organisation name a merge or a confirmation shows beside an ID, so that a mistyped ID
 * shows: an application's organisation as written, an organisation's name, a member's
 * organisation (or, for a person member, nothing). Null when there is none.
 */
export function organizationNameOf(db: DB, kind: 'application' | 'organization' | 'member', id: number): string | null {
  const row =
    kind === 'application'
      ? db.prepare('SELECT organization AS name FROM applications WHERE id = ?').get(id)
      : kind === 'organization'
        ? db.prepare('SELECT name FROM organizations WHERE id = ?').get(id)
        : db.prepare('SELECT o.name AS name FROM members m JOIN organizations o ON o.id = m.organization_id WHERE m.id = ?').get(id);
  return (row as { name: string | null } | undefined)?.name ?? null;
}

/** An organisation's row as stored, every column (what a merge compares and fills), if it exists. */
export function organizationRecord(db: DB, id: number): (Record<string, unknown> & { merged_into: number | null }) | undefined {
  return db.prepare('SELECT * FROM organizations WHERE id = ?').get(id) as (Record<string, unknown> & { merged_into: number | null }) | undefined;
}

/** The ids of an organisation's applications (merged ones included). */
export function applicationIdsOfOrganization(db: DB, organizationId: number): number[] {
  return db.prepare('SELECT id FROM applications WHERE organization_id = ?').pluck().all(organizationId) as number[];
}

/** The ids of an organisation's people. */
export function peopleIdsOfOrganization(db: DB, organizationId: number): number[] {
  return db.prepare('SELECT id FROM people WHERE organization_id = ?').pluck().all(organizationId) as number[];
}

/** Fills an organisation's type where it has none. */
export function fillOrganizationType(db: DB, organizationId: number, type: string): void {
  db.prepare('UPDATE organizations SET organization_type = coalesce(organization_type, ?) WHERE id = ?').run(type, organizationId);
}

/** Whether an officer kept the pair apart (x the smaller id). */
export function keptApart(db: DB, x: number, y: number): boolean {
  return db.prepare('SELECT 1 FROM organization_pairs WHERE organization_id = ? AND other_id = ?').get(x, y) !== undefined;
}

/** Every organisation's name by id (merged ones included). */
export function organizationNamesById(db: DB): Map<number, string> {
  return new Map((db.prepare('SELECT id, name FROM organizations').all() as { id: number; name: string }[]).map((r) => [r.id, r.name]));
}

/** The id the next organisation would get (one past the largest; call only when there is one). */
export function nextOrganizationId(db: DB): number {
  return (cachedStatement(db, 'SELECT max(id) + 1 AS n FROM organizations').get() as { n: number }).n;
}

/** One line of `organizations`: an organisation with the calls it applied to (JSON array of names), its applications and its member. */
export interface OrganizationOverviewRow { id: number; name: string; country: string | null; region: string | null; type: string | null; calls: string; applications: number; member: number | null }

/** The organisations not merged away, in id order; `search` (folded, see foldText) keeps those whose folded name holds it. */
export function organizationsOverview(db: DB, search: string | null): OrganizationOverviewRow[] {
  return db
    .prepare(
      `SELECT o.id, o.name, o.country, o.region, o.organization_type AS type,
              (SELECT json_group_array(name) FROM (SELECT DISTINCT c.name, c.id FROM applications a JOIN calls c ON c.id = a.call_id
                WHERE a.organization_id = o.id AND a.withdrawn_at IS NULL AND a.merged_into IS NULL ORDER BY c.id)) AS calls,
              (SELECT count(*) FROM applications a WHERE a.organization_id = o.id AND a.merged_into IS NULL) AS applications,
              (SELECT id FROM members m WHERE m.organization_id = o.id AND m.kind = 'organization') AS member
         FROM organizations o WHERE o.merged_into IS NULL AND (@search IS NULL OR instr(fold(o.name), @search)) ORDER BY o.id`,
    )
    .all({ search }) as OrganizationOverviewRow[];
}

/** Who a record is, as a merge compares two: the organisation's name, the email addresses, the country. */
export interface RecordIdentity {
  organization: string | null;
  emails: string[];
  country: string | null;
}

/** The identity of an application, an organisation (its people's and applications' addresses) or a member. */
export function recordIdentity(db: DB, kind: 'application' | 'organization' | 'member', id: number): RecordIdentity | undefined {
  const emailsOf = (sql: string, ...args: unknown[]) => (db.prepare(sql).pluck().all(...args) as string[]).filter(Boolean);
  const orgIdentity = (orgId: number): RecordIdentity | undefined => {
    const row = db.prepare('SELECT name, country FROM organizations WHERE id = ?').get(orgId) as { name: string; country: string | null } | undefined;
    if (!row) return undefined;
    const emails = emailsOf(
      `SELECT DISTINCT lower(email) FROM people WHERE organization_id = ? AND email IS NOT NULL
       UNION SELECT DISTINCT lower(email) FROM applications WHERE organization_id = ? AND email IS NOT NULL AND merged_into IS NULL`,
      orgId, orgId,
    );
    return { organization: row.name, emails, country: row.country };
  };
  if (kind === 'application') {
    const row = db.prepare('SELECT organization, email, country FROM applications WHERE id = ?').get(id) as { organization: string | null; email: string | null; country: string | null } | undefined;
    return row && { organization: row.organization, emails: row.email ? [row.email.toLowerCase()] : [], country: row.country };
  }
  if (kind === 'organization') return orgIdentity(id);
  const member = db
    .prepare(`SELECT m.kind, m.organization_id, m.country, o.name, lower(p.email) AS email FROM members m
              LEFT JOIN organizations o ON o.id = m.organization_id LEFT JOIN people p ON p.id = m.person_id WHERE m.id = ?`)
    .get(id) as { kind: string; organization_id: number | null; country: string | null; name: string | null; email: string | null } | undefined;
  if (!member) return undefined;
  if (member.kind === 'organization' && member.organization_id !== null) return orgIdentity(member.organization_id);
  return { organization: member.name, emails: member.email ? [member.email] : [], country: member.country };
}
