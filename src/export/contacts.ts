import { salutation, textLanguage } from '../geo/greetings.js';
import type { Application, Consent } from '../model.js';
import type { ContactPerson } from '../db/contacts.js';
import type { Member } from '../db/members.js';
import type { Membership } from './network.js';
import { categoryName } from '../tagging/taxonomy.js';
import { countryName } from '../geo/countries.js';
import { languageName } from '../geo/languages.js';
import { CSV_OPTIONS, outlookPhoneCell, safeCell, safePhoneCell, xmlSafeText } from './escape.js';
import { mapInSteps } from '../reporting.js';
import { drain, drainInSteps } from '../db/connection.js';
import { contactName } from './names.js';
import { plural } from './write.js';
import { normaliseName } from '../text.js';

export { splitName, contactName, type ContactName, type NameContext, type NameParts, type PersonName } from './names.js';

/**
 * Contact lists: one contact per email address, one row per person. The same address on several
 * records (an organisation that applied in two calls, a consultant writing for several, a member
 * who also applied) becomes one contact with the latest details — the most recent record's name
 * spelling, organisation, phone and working language — and the earlier ones beside them: other
 * phones and organisations in columns of their own, the calls, categories and rosters of all.
 *
 * The rows are built from a neutral record, ContactSource, so that applications and members who
 * never applied (the network's stakeholders) go through the same function.
 */

/** One record that names a person: an application, a member added by hand, a row of a stakeholder list. */
export interface ContactSource {
  /** An address, or a cell holding several ("a@x.org; b@y.org"): one contact per address. */
  email: string | null;
  /** Split columns of the form, when it had them: they win over any split of fullName. */
  givenName: string | null;
  familyName: string | null;
  /** The name as written in one field. */
  fullName: string | null;
  organization: string | null;
  phone: string | null;
  /** ISO 3166-1 alpha-2, or the country as written when it did not resolve. */
  country: string | null;
  region?: string | null;
  /** ISO 639-1: the language the person wants to be written to (salutations are in it). */
  workingLanguage: string | null;
  /** The calls the person applied in with this record ([] for a member who never applied). */
  calls: string[];
  /** When these details were given, as text that sorts in time order (ISO 8601): the latest record wins. */
  updatedAt: string | null;
  /** Network roles (core-group, member, stakeholder, partner, ilo). */
  roles?: string[];
  /** Skills category codes. */
  categories?: string[];
  /** Rosters the record is a member of. */
  rosters?: string[];
  applicationId?: number;
  /** The project's title (applications). */
  title?: string | null;
  /** The organisation, person and member behind the record (for the export log and the note). */
  organizationId?: number | null;
  personId?: number | null;
  memberId?: number | null;
}

/** One person of a contact list. */
export interface Contact {
  email: string;
  /** The name as written (the latest record's spelling); null when no record names the person. */
  name: string | null;
  /** Given and family names: the form's split columns, else a safe split of the name, else empty. */
  givenName: string;
  familyName: string;
  /** A title written before the name ("Dr."). */
  prefix: string;
  /** "Dear Ana", "Bonjour Ana", "Hola, Ana" in the working language. */
  salutation: string;
  /** The working language (ISO 639-1) the salutation is written in. */
  language: string;
  /** Every phone number, the latest record's first; never two in one field. */
  phones: string[];
  /** Organisations, the latest first. */
  organizations: string[];
  /** Country names, the latest first. */
  countries: string[];
  regions: string[];
  categories: string[];
  rosters: string[];
  roles: string[];
  /** Calls the person applied in, oldest first. */
  calls: string[];
  applicationIds: number[];
  titles: string[];
  /** Organisations (organizations table ids), people (people ids) and members behind it, for the export log. */
  organizationIds: number[];
  personIds: number[];
  memberIds: number[];
}

export interface ContactList {
  contacts: Contact[];
  /** Records read: applications (buildContacts counts its members apart, in members and membersWithoutEmail). */
  applications: number;
  /** Applications (by ID) with no usable email address. */
  withoutEmail: number[];
  /** Records whose address an earlier record already had, folded into one contact. */
  merged: number;
  /** Members who said no to being contacted: left out (or, with includeNoConsent, kept and counted). */
  noConsent: number;
  /** Members who withdrew from the network: left out unless includeWithdrawn. */
  withdrawn: number;
  /** Members without an application (stakeholders, partners, ILO staff) in the list. */
  members: number;
  /** Of those members, the ones with no usable email address: not in the list. */
  membersWithoutEmail?: number;
  /** Their member IDs, for the warning that names them. */
  membersWithoutEmailIds?: number[];
}

/** What a contact list holds besides the applications: memberships, members without applications, consent. */
export interface ContactSources {
  /** Organisation id -> its membership (roles, consent). */
  memberships?: ReadonlyMap<number, Membership>;
  /** Members without an application among those listed: contacts of their own, with their roles. */
  members?: Iterable<Member>;
  /** Keep members who said no to being contacted (the officer was warned). */
  includeNoConsent?: boolean;
  /** Keep members who withdrew (left the network): asked for by name (--status withdrawn). */
  includeWithdrawn?: boolean;
  /**
   * Organisation id -> its name as recorded (corrected with `edit org-N`, or the one kept by a
   * merge): the ORG of a vCard, Outlook's Company, the same label as on the maps.
   */
  organizationNames?: ReadonlyMap<number, string>;
  /**
   * application id -> the form's given and family names, its working-language answer, when its
   * call was imported, and its contact person's record (db/contacts.ts's contactDetails).
   */
  detailsOfApplication?: ReadonlyMap<number, Omit<ApplicationContactExtra, 'rosters' | 'memberLanguage'>>;
  /**
   * people id -> the working language of the member whose contact person they are (members and
   * invitations write to them in it; memberContactLanguages in db/members.ts).
   */
  memberLanguages?: ReadonlyMap<number, string | null>;
}

/** A deliberately loose address check: something@domain.tld, no spaces. */
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/;

/** The addresses in an email cell ("a@x.org; b@y.org", "Ana <ana@x.org>"), lower-cased. */
export function emailsIn(text: string | null): string[] {
  if (!text) return [];
  const found: string[] = [];
  for (const part of text.split(/[;,\s/]+/)) {
    const candidate = part.replace(/^mailto:/i, '').replace(/^[<("']+|[>)"'.]+$/g, '').trim().toLowerCase();
    if (EMAIL.test(candidate) && !found.includes(candidate)) found.push(candidate);
  }
  return found;
}

/**
 * The phone numbers in a phone cell: "+221 77 123 45 67; +221 33 000 00 00" is two, each with
 * enough digits to be a number; "+1 555 0100, ext. 12" stays one.
 */
export function phonesIn(text: string | null): string[] {
  const cell = text?.trim();
  if (!cell) return [];
  const pieces = cell.split(/\s*(?:[;/|\n]|,(?=\s*\+)|\s(?:or|ou|o)\s)\s*/i).map((p) => p.trim()).filter(Boolean);
  const digits = (p: string) => p.replace(/\D/g, '').length;
  return pieces.length > 1 && pieces.every((p) => digits(p) >= 6) ? pieces : [cell];
}

function add(list: string[], value: string | null | undefined): void {
  const v = value?.trim();
  if (v && !list.some((x) => x.toLowerCase() === v.toLowerCase())) list.push(v);
}

const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/**
 * One contact per email address from any records that name people: each contact takes its name,
 * organisation, phone, country and working language from its latest record (updatedAt; records
 * of the same time in the order given, the later wins), and lists what the others add.
 */
export function contactsFromSources(sources: Iterable<ContactSource>): ContactList {
  return drain(contactsOf(sources));
}

/** contactsFromSources' work, yielding after each record and each contact (drainInSteps pauses there). */
function* contactsOf(sources: Iterable<ContactSource>): Generator<void, ContactList> {
  const byEmail = new Map<string, { order: number; records: ContactSource[] }>();
  const withoutEmail: number[] = [];
  let count = 0;
  let merged = 0;
  for (const s of sources) {
    yield;
    count++;
    const emails = emailsIn(s.email);
    if (emails.length === 0) {
      if (s.applicationId !== undefined) withoutEmail.push(s.applicationId);
      continue;
    }
    for (const email of emails) {
      const entry = byEmail.get(email);
      if (entry) {
        merged++;
        entry.records.push(s);
      } else byEmail.set(email, { order: byEmail.size, records: [s] });
    }
  }
  const contacts: Contact[] = [];
  for (const [email, { records }] of byEmail) {
    contacts.push(contactOf(email, records));
    yield;
  }
  return { contacts, applications: count, withoutEmail, merged, noConsent: 0, withdrawn: 0, members: 0 };
}

function contactOf(email: string, records: ContactSource[]): Contact {
  // Oldest first, the latest last; a stable sort keeps the given order for equal times.
  const byTime = records.map((r, i) => ({ r, i })).sort((a, b) => (a.r.updatedAt ?? '').localeCompare(b.r.updatedAt ?? '') || a.i - b.i).map((x) => x.r);
  const latestFirst = [...byTime].reverse();
  const latest = <T>(pick: (r: ContactSource) => T | null | undefined): T | null => {
    for (const r of latestFirst) {
      const v = pick(r);
      if (v !== null && v !== undefined && (typeof v !== 'string' || v.trim() !== '')) return v;
    }
    return null;
  };
  const named = latestFirst.find((r) => r.fullName?.trim() || r.givenName?.trim() || r.familyName?.trim());
  const workingLanguage = latest((r) => r.workingLanguage);
  const country = latest((r) => r.country);
  const name = named ? contactName(named, { language: named.workingLanguage ?? workingLanguage, country: named.country ?? country }) : null;
  const phones: string[] = [];
  const organizations: string[] = [];
  const countries: string[] = [];
  const regions: string[] = [];
  for (const r of latestFirst) {
    for (const phone of phonesIn(r.phone)) if (!phones.some((p) => digitsOf(p) === digitsOf(phone))) phones.push(phone);
    add(organizations, r.organization);
    add(countries, r.country && /^[A-Z]{2}$/.test(r.country) ? countryName(r.country) : r.country);
    add(regions, r.region);
  }
  const language = textLanguage(workingLanguage);
  const given = name?.given || '';
  const contact: Contact = {
    email,
    name: name?.display || null,
    givenName: given,
    familyName: name?.family ?? '',
    prefix: name?.prefix ?? '',
    salutation: salutation(language, given || name?.display),
    language: workingLanguage ?? '',
    phones, organizations, countries, regions,
    categories: [], rosters: [], roles: [], calls: [], applicationIds: [], titles: [],
    organizationIds: [], personIds: [], memberIds: [],
  };
  const pushId = (list: number[], id: number | null | undefined) => { if (id !== null && id !== undefined && !list.includes(id)) list.push(id); };
  for (const r of byTime) {
    for (const code of r.categories ?? []) add(contact.categories, categoryName(code));
    for (const x of r.rosters ?? []) add(contact.rosters, x);
    for (const x of r.roles ?? []) add(contact.roles, x);
    for (const x of r.calls) add(contact.calls, x);
    if (r.applicationId !== undefined && !contact.applicationIds.includes(r.applicationId)) contact.applicationIds.push(r.applicationId);
    add(contact.titles, r.title);
    pushId(contact.organizationIds, r.organizationId);
    pushId(contact.personIds, r.personId);
    pushId(contact.memberIds, r.memberId);
  }
  return contact;
}

/** What a contact record of an application knows besides the Application. */
export interface ApplicationContactExtra {
  /** The form's first and last name columns. */
  givenName?: string | null;
  familyName?: string | null;
  /** The form's working-language answer. */
  workingLanguage?: string | null;
  recordedAt?: string | null;
  rosters?: string[];
  /** The application's contact person as recorded (an officer's `edit person-N` lands there). */
  person?: ContactPerson | null;
  /** Whether this is the person's latest application (the one whose phone the person's record holds). */
  personsLatest?: boolean;
  /** The working language of the member whose contact person this is (members, invitations): it wins. */
  memberLanguage?: string | null;
}

/**
 * An application as a contact record: its contact person and organisation, its call, its
 * categories and rosters. `recordedAt` says when its call was imported (the latest call wins).
 * With the contact person's record (`person`), the person is named and reached as members and
 * invitations name them — the address and name as recorded, corrected or not, the phone of their
 * latest application (an earlier one's stays beside it) — and written to in the member's working
 * language (`memberLanguage`), else the person's, else the form's answer, else the application's
 * own language. Without it, the application's columns as the form gave them.
 */
export function applicationContactSource(a: Application, extra: ApplicationContactExtra = {}): ContactSource {
  const p = extra.person;
  // The form's split columns belong to the name the form gave: kept while the person still has it.
  const formName = !p || normaliseName(p.name ?? '') === normaliseName(a.contactName ?? '');
  return {
    email: p ? p.email : a.email,
    // (the person's own split name first: `edit person-N --set givenName=…` corrects it)
    givenName: p?.givenName ?? (formName ? extra.givenName : null) ?? null,
    familyName: p?.familyName ?? (formName ? extra.familyName : null) ?? null,
    fullName: p ? p.name : a.contactName,
    organization: a.organization,
    phone: p && extra.personsLatest ? p.phone : a.phone,
    country: a.country ?? a.countryRaw,
    region: a.region,
    workingLanguage: extra.memberLanguage ?? p?.workingLanguage ?? extra.workingLanguage ?? a.language,
    calls: [a.call],
    updatedAt: extra.recordedAt ?? null,
    categories: a.categories,
    rosters: extra.rosters ?? [],
    applicationId: a.id,
    title: a.title,
    personId: p?.id ?? null,
  };
}

/**
 * Whether a member may be written to: every list of addresses (contacts, invitations, a calendar's
 * attendees) leaves out those who said no to being contacted. An unknown consent is not a no.
 */
export function mayContact(consent: Consent | undefined): boolean {
  return consent !== 'no';
}

/** What a list says on stderr when it left out members who said no to being contacted. */
export function noConsentLeftOut(n: number): string {
  return `${plural(n, 'member')} who said no to being contacted ${n === 1 ? 'is' : 'are'} left out`;
}

/**
 * One contact per email address of the applications and of the members who never applied
 * (stakeholders, partners, ILO staff), with their network roles; members who said no to being
 * contacted are left out unless `includeNoConsent`, and members who withdrew unless
 * `includeWithdrawn` (counted either way).
 */
export function buildContacts(applications: Iterable<Application>, rostersByApplication: Map<number, string[]>, sources: ContactSources = {}): ContactList {
  return drain(contactsOfNetwork(applications, rostersByApplication, sources));
}

/**
 * buildContacts with `pause` (a checkpoint) every 50 ms or so: on tens of thousands of
 * applications it took seconds in one go, and Ctrl-C went unanswered until it was done.
 */
export function buildContactsInSteps(applications: Iterable<Application>, rostersByApplication: Map<number, string[]>, sources: ContactSources, pause: () => Promise<void>): Promise<ContactList> {
  return drainInSteps(contactsOfNetwork(applications, rostersByApplication, sources), pause);
}

function* contactsOfNetwork(applications: Iterable<Application>, rostersByApplication: Map<number, string[]>, sources: ContactSources): Generator<void, ContactList> {
  let noConsent = 0;
  let withdrawn = 0;
  let members = 0;
  const membersWithoutEmailIds: number[] = [];
  const keep = (consent: Consent | undefined, status: string | null | undefined) => {
    // (a member who left the network is written to only when asked for)
    if (status === 'withdrawn' && !sources.includeWithdrawn) {
      withdrawn++;
      return false;
    }
    if (mayContact(consent)) return true;
    noConsent++;
    return Boolean(sources.includeNoConsent);
  };
  function* records(): Generator<ContactSource> {
    for (const a of applications) {
      const membership = a.organizationId !== null ? sources.memberships?.get(a.organizationId) : undefined;
      if (!keep(membership?.consentContact, membership?.status)) continue;
      const details = sources.detailsOfApplication?.get(a.id);
      const memberLanguage = details?.person ? sources.memberLanguages?.get(details.person.id) : undefined;
      yield {
        ...applicationContactSource(a, { ...details, memberLanguage, rosters: rostersByApplication.get(a.id) ?? [] }),
        organization: recordedName(a, sources.organizationNames),
        roles: membership?.roles ?? [],
        organizationId: a.organizationId, memberId: membership?.memberId ?? null,
      };
    }
    for (const m of sources.members ?? []) {
      if (!keep(m.consentContact, m.status)) continue;
      if (emailsIn(m.email).length) members++;
      else membersWithoutEmailIds.push(m.id);
      yield memberContactSource(m);
    }
  }
  const list = yield* contactsOf(records());
  // (the records read, less the members: "from 2 applications" said of two stakeholders was wrong)
  const membersWithoutEmail = membersWithoutEmailIds.length;
  return { ...list, applications: list.applications - members - membersWithoutEmail, noConsent, withdrawn, members, membersWithoutEmail, membersWithoutEmailIds };
}

/** The application's organisation by its recorded name, else as the form wrote it. */
function recordedName(a: Application, names: ReadonlyMap<number, string> | undefined): string {
  const recorded = a.organizationId !== null && a.organizationId !== undefined ? names?.get(a.organizationId)?.trim() : undefined;
  return recorded || a.organization;
}

/** A member who never applied as a contact record: their own names, roles and working language. */
export function memberContactSource(m: Member): ContactSource {
  return {
    email: m.email, givenName: m.givenName, familyName: m.familyName, fullName: m.name, organization: m.organization, phone: m.phone,
    country: m.country, region: m.region, workingLanguage: m.workingLanguage, calls: [], updatedAt: m.createdAt,
    roles: m.roles, categories: m.categories, organizationId: m.organizationId, personId: m.personId, memberId: m.id,
  };
}

/**
 * The csv columns: the first nine as before (scripts read them by position), then what a mail
 * merge needs. Lists inside a cell are separated by "; ", calls by "|".
 */
export const CONTACT_CSV_COLUMNS = [
  'name', 'email', 'phone', 'organisation', 'country', 'region', 'language', 'categories', 'rosters',
  'calls', 'first_name', 'last_name', 'salutation', 'other_phones', 'other_organisations', 'roles', 'organization_id',
] as const;

const join = (vs: string[]) => vs.join('; ');
const text = (s: string) => safeCell(xmlSafeText(s));
const phoneCell = (s: string) => safePhoneCell(xmlSafeText(s));

/** The working language as a name ("Spanish"), or the code when the name is unknown. */
function languageText(code: string): string {
  return code ? languageName(code) ?? code : '';
}

/** UTF-8 with a byte-order mark so that Excel shows accents; CRLF as Excel writes it. */
export async function contactsCsv(list: ContactList, delimiter = ',', pause?: () => Promise<void>): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  const rows = await mapInSteps(list.contacts, (c) => [
    text(c.name ?? ''), text(c.email), phoneCell(c.phones[0] ?? ''), text(c.organizations[0] ?? ''), text(c.countries[0] ?? ''),
    text(c.regions[0] ?? ''), text(languageText(c.language)), text(join(c.categories)), text(join(c.rosters)),
    text(c.calls.join('|')), text(c.givenName), text(c.familyName), text(c.salutation), phoneCell(join(c.phones.slice(1))), text(join(c.organizations.slice(1))),
    text(join(c.roles)), text(join(c.organizationIds.map((id) => `org-${id}`))),
  ], pause);
  await pause?.();
  return '\uFEFF' + stringify([[...CONTACT_CSV_COLUMNS], ...rows], { ...CSV_OPTIONS, delimiter });
}

/** Outlook's own CSV column names, so its import wizard maps them without asking. */
export const OUTLOOK_COLUMNS = [
  'Title', 'First Name', 'Middle Name', 'Last Name', 'Company', 'Business Country/Region', 'Business Phone', 'Business Phone 2',
  'E-mail Address', 'E-mail Type', 'E-mail Display Name', 'Categories', 'Language', 'Notes',
] as const;

export function contactNote(c: Contact): string {
  const parts: string[] = [];
  if (c.salutation) parts.push(`Salutation: ${c.salutation}`);
  if (c.organizations.length > 1) parts.push(`Also: ${join(c.organizations.slice(1))}`);
  if (c.phones.length > 2) parts.push(`Other phones: ${join(c.phones.slice(2))}`);
  if (c.regions.length) parts.push(`Region: ${c.regions[0]}`);
  if (c.language) parts.push(`Working language: ${languageText(c.language)}`);
  if (c.categories.length) parts.push(`Skills categories: ${join(c.categories)}`);
  if (c.rosters.length) parts.push(`Core Group: ${join(c.rosters)}`);
  if (c.roles.length) parts.push(`Network roles: ${join(c.roles)}`);
  if (c.titles.length) parts.push(`Project: ${c.titles.join(' / ')}`);
  const calls = c.calls.length ? `Call${c.calls.length === 1 ? '' : 's'} ${join(c.calls)}` : '';
  const apps = c.applicationIds.length ? `skillsnet application${c.applicationIds.length === 1 ? '' : 's'} ${c.applicationIds.join(', ')}`
    : c.memberIds.length ? `skillsnet member ${c.memberIds.join(', ')}` : '';
  const orgs = c.organizationIds.length ? c.organizationIds.map((id) => `org-${id}`).join(', ') : '';
  if (calls || apps || orgs) parts.push([calls, apps, orgs].filter(Boolean).join('; '));
  return parts.join('\n');
}

/** Outlook categories: the network, the skills categories and the rosters, separated by ";". */
export function contactCategories(c: Contact): string[] {
  return ['Skills Innovation Network', ...c.categories, ...c.rosters, ...c.roles.filter((r) => r !== 'member')].map((x) => x.replace(/[;,]/g, ' '));
}

/**
 * Outlook's import CSV: the given name whole in First Name ("José Luis"), the family name whole in
 * Last Name ("García Márquez"), Middle Name left empty (Outlook would file a second family name
 * there as a middle name); no split when none is safe (the display name carries the name).
 */
export async function contactsOutlookCsv(list: ContactList, pause?: () => Promise<void>): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  const rows = await mapInSteps(list.contacts, (c) => {
    const values: [typeof OUTLOOK_COLUMNS[number], string][] = [
      ['Title', c.prefix], ['First Name', c.givenName], ['Middle Name', ''], ['Last Name', c.familyName],
      ['Company', c.organizations[0] ?? ''], ['Business Country/Region', c.countries[0] ?? ''],
      ['Business Phone', c.phones[0] ?? ''], ['Business Phone 2', c.phones[1] ?? ''],
      ['E-mail Address', c.email], ['E-mail Type', 'SMTP'], ['E-mail Display Name', c.name ? `${c.name} (${c.email})` : c.email],
      ['Categories', contactCategories(c).join(';')], ['Language', languageText(c.language)], ['Notes', contactNote(c)],
    ];
    return values.map(([column, v]) => (column.startsWith('Business Phone') ? outlookPhoneCell(xmlSafeText(v)) : text(v)));
  }, pause);
  await pause?.();
  return '\uFEFF' + stringify([[...OUTLOOK_COLUMNS], ...rows], CSV_OPTIONS);
}
