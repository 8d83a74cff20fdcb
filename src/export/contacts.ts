import type { Application } from '../model.js';
import type { Member } from '../db/members.js';
import type { Membership } from './network.js';
import { categoryName } from '../tagging/taxonomy.js';
import { countryName } from '../geo/countries.js';
import { languageName } from '../geo/languages.js';
import { CSV_OPTIONS, safeCell, safePhoneCell, xmlSafeText } from './escape.js';

/**
 * Contact lists: one contact per email address. The same address on several applications
 * (an organisation that applied twice, a consultant writing for several) is merged into one
 * contact carrying every organisation, category and roster.
 */

export interface Contact {
  email: string;
  name: string | null;
  phones: string[];
  organizations: string[];
  countries: string[];
  regions: string[];
  languages: string[];
  categories: string[];
  rosters: string[];
  applicationIds: number[];
  titles: string[];
  calls: string[];
  /** The network roles of the members behind it (member, core-group, stakeholder, partner, ilo). */
  roles: string[];
  /** Organisations (organizations table ids) and people (people ids) behind it, for the export log. */
  organizationIds: number[];
  personIds: number[];
  memberIds: number[];
}

export interface ContactList {
  contacts: Contact[];
  applications: number;
  /** Applications with no usable email address. */
  withoutEmail: number[];
  /** Addresses that appeared on more than one application and were merged. */
  merged: number;
  /** Members who said no to being contacted: left out (or, with includeNoConsent, kept and counted). */
  noConsent: number;
  /** Members without an application (stakeholders, partners, ILO staff) in the list. */
  members: number;
}

/** What a contact list holds besides the applications: memberships, members without applications, consent. */
export interface ContactSources {
  /** Organisation id -> its membership (roles, consent). */
  memberships?: ReadonlyMap<number, Membership>;
  /** Members without an application among those listed: contacts of their own, with their roles. */
  members?: Iterable<Member>;
  /** Keep members who said no to being contacted (the officer was warned). */
  includeNoConsent?: boolean;
  /** application id -> its contact person (people id), for the export log. */
  personOfApplication?: ReadonlyMap<number, number>;
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

function add(list: string[], value: string | null | undefined): void {
  const v = value?.trim();
  if (v && !list.some((x) => x.toLowerCase() === v.toLowerCase())) list.push(v);
}

const newContact = (email: string): Contact => ({
  email, name: null, phones: [], organizations: [], countries: [], regions: [], languages: [], categories: [], rosters: [], applicationIds: [], titles: [], calls: [],
  roles: [], organizationIds: [], personIds: [], memberIds: [],
});

export function buildContacts(applications: Iterable<Application>, rostersByApplication: Map<number, string[]>, sources: ContactSources = {}): ContactList {
  const byEmail = new Map<string, Contact>();
  const withoutEmail: number[] = [];
  let count = 0;
  let merged = 0;
  let noConsent = 0;
  let members = 0;
  const pushId = (list: number[], id: number | null | undefined) => { if (id !== null && id !== undefined && !list.includes(id)) list.push(id); };
  for (const a of applications) {
    count++;
    const membership = a.organizationId !== null ? sources.memberships?.get(a.organizationId) : undefined;
    if (membership?.consentContact === 'no') {
      noConsent++;
      if (!sources.includeNoConsent) continue;
    }
    const emails = emailsIn(a.email);
    if (emails.length === 0) { withoutEmail.push(a.id); continue; }
    for (const email of emails) {
      let c = byEmail.get(email);
      if (c) merged++;
      else {
        c = newContact(email);
        byEmail.set(email, c);
      }
      for (const r of membership?.roles ?? []) add(c.roles, r);
      pushId(c.organizationIds, a.organizationId);
      pushId(c.personIds, sources.personOfApplication?.get(a.id));
      pushId(c.memberIds, membership?.memberId);
      c.name ??= a.contactName?.trim() || null;
      add(c.phones, a.phone);
      add(c.organizations, a.organization);
      add(c.countries, a.country ? countryName(a.country) : a.countryRaw);
      add(c.regions, a.region);
      add(c.languages, a.language ? languageName(a.language) : null);
      for (const code of a.categories) add(c.categories, categoryName(code));
      for (const r of rostersByApplication.get(a.id) ?? []) add(c.rosters, r);
      c.applicationIds.push(a.id);
      add(c.titles, a.title);
      add(c.calls, a.call);
    }
  }
  for (const m of sources.members ?? []) {
    if (m.consentContact === 'no') {
      noConsent++;
      if (!sources.includeNoConsent) continue;
    }
    const emails = emailsIn(m.email);
    if (!emails.length) continue;
    members++;
    for (const email of emails) {
      let c = byEmail.get(email);
      if (c) merged++;
      else {
        c = newContact(email);
        byEmail.set(email, c);
      }
      c.name ??= m.name?.trim() || null;
      add(c.phones, m.phone);
      add(c.organizations, m.organization);
      add(c.countries, m.country ? countryName(m.country) : null);
      add(c.regions, m.region);
      add(c.languages, m.workingLanguage ? languageName(m.workingLanguage) : null);
      for (const r of m.roles) add(c.roles, r);
      pushId(c.organizationIds, m.organizationId);
      pushId(c.personIds, m.personId);
      pushId(c.memberIds, m.id);
    }
  }
  return { contacts: [...byEmail.values()], applications: count, withoutEmail, merged, noConsent, members };
}

export const CONTACT_CSV_COLUMNS = ['name', 'email', 'phone', 'organisation', 'country', 'region', 'language', 'categories', 'rosters', 'roles', 'organization_id'] as const;

const join = (vs: string[]) => vs.join('; ');
const text = (s: string) => safeCell(xmlSafeText(s));

/** UTF-8 with a byte-order mark so that Excel shows accents; CRLF as Excel writes it. */
export async function contactsCsv(list: ContactList, delimiter = ','): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  const rows = list.contacts.map((c) => [
    text(c.name ?? ''), text(c.email), safePhoneCell(xmlSafeText(join(c.phones))), text(join(c.organizations)), text(join(c.countries)),
    text(join(c.regions)), text(join(c.languages)), text(join(c.categories)), text(join(c.rosters)), text(join(c.roles)),
    text(join(c.organizationIds.map((id) => `org-${id}`))),
  ]);
  return '\uFEFF' + stringify([[...CONTACT_CSV_COLUMNS], ...rows], { ...CSV_OPTIONS, delimiter });
}

const TITLE = /^(dr|prof|mr|mrs|ms|mme|m|sr|sra|srta|dra)\.?$/i;
/** What may follow a name after a comma without being a given name: "Ana Ruiz, PhD", "John Smith, Jr." */
const NAME_SUFFIX = /^(jr|sr|ii|iii|iv|phd|ph\.?\s?d|md|mba|msc|ma|ba|bsc|esq|dr|prof)\.?$/i;

/** Splits a person's name into given and family names ("Ana María Ruiz" -> Ana María / Ruiz). */
export function splitName(name: string | null): { given: string; family: string; prefix: string } {
  let text = (name ?? '').trim();
  // "Family, Given", as registration forms and staff lists write it: the comma says which is which.
  const comma = text.indexOf(',');
  if (comma >= 0) {
    const before = text.slice(0, comma).trim();
    const after = text.slice(comma + 1).trim();
    if (NAME_SUFFIX.test(after) || !after) text = before;
    else if (before && !after.includes(',')) {
      const given = after.split(/\s+/);
      const prefix = given.length > 1 && TITLE.test(given[0]) ? given.shift()! : '';
      return { given: given.join(' '), family: before.replace(/\s+/g, ' '), prefix };
    }
  }
  const parts = text.split(/\s+/).filter(Boolean);
  let prefix = '';
  if (parts.length > 1 && TITLE.test(parts[0])) prefix = parts.shift()!;
  if (parts.length === 0) return { given: '', family: '', prefix };
  if (parts.length === 1) return { given: parts[0], family: '', prefix };
  // "DIALLO Amina", "Jean-Pierre DE LA FONTAINE": a family name in capitals beside a given name
  // that is not, first or last, as francophone forms write it.
  const caps = parts.map((p) => /\p{Lu}/u.test(p) && p === p.toUpperCase() && /\p{L}{2}/u.test(p));
  if (caps.some((c) => !c)) {
    const lead = caps.findIndex((c) => !c);
    if (lead > 0 && caps.slice(lead).every((c) => !c)) return { given: parts.slice(lead).join(' '), family: parts.slice(0, lead).join(' '), prefix };
    const tail = caps.lastIndexOf(false) + 1;
    if (tail < parts.length && caps.slice(0, tail).every((c) => !c)) return { given: parts.slice(0, tail).join(' '), family: parts.slice(tail).join(' '), prefix };
  }
  // Family-name particles stay with the family name: "Jean de la Fontaine" -> de la Fontaine.
  let i = parts.length - 1;
  while (i > 1 && /^(de|del|della|la|le|van|von|der|da|dos|das|du|al|el|bin|ben|ibn)$/i.test(parts[i - 1])) i--;
  return { given: parts.slice(0, i).join(' '), family: parts.slice(i).join(' '), prefix };
}

/** Outlook's own CSV column names, so its import wizard maps them without asking. */
export const OUTLOOK_COLUMNS = [
  'Title', 'First Name', 'Middle Name', 'Last Name', 'Company', 'Business Country/Region', 'Business Phone',
  'E-mail Address', 'E-mail Type', 'E-mail Display Name', 'Categories', 'Language', 'Notes',
] as const;

export function contactNote(c: Contact): string {
  const parts: string[] = [];
  if (c.regions.length) parts.push(`Region: ${join(c.regions)}`);
  if (c.languages.length) parts.push(`Language: ${join(c.languages)}`);
  if (c.categories.length) parts.push(`Skills categories: ${join(c.categories)}`);
  if (c.rosters.length) parts.push(`Core Group: ${join(c.rosters)}`);
  if (c.roles.length) parts.push(`Network roles: ${join(c.roles)}`);
  if (c.titles.length) parts.push(`Project: ${c.titles.join(' / ')}`);
  const orgs = c.organizationIds.length ? `; ${c.organizationIds.map((id) => `org-${id}`).join(', ')}` : '';
  if (c.applicationIds.length) parts.push(`Call ${join(c.calls)}; skillsnet application ${c.applicationIds.join(', ')}${orgs}`);
  else if (c.memberIds.length) parts.push(`skillsnet member ${c.memberIds.join(', ')}${orgs}`);
  return parts.join('\n');
}

/** Outlook categories: the network, the skills categories and the rosters, separated by ";". */
export function contactCategories(c: Contact): string[] {
  return ['Skills Innovation Network', ...c.categories, ...c.rosters, ...c.roles.filter((r) => r !== 'member')].map((x) => x.replace(/[;,]/g, ' '));
}

export async function contactsOutlookCsv(list: ContactList): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  const rows = list.contacts.map((c) => {
    const n = splitName(c.name);
    const given = n.given.split(' ');
    const first = given.length > 1 && n.family ? given[0] : n.given;
    const middle = given.length > 1 && n.family ? given.slice(1).join(' ') : '';
    return [
      n.prefix, first, middle, n.family, join(c.organizations), join(c.countries), c.phones[0] ?? '',
      c.email, 'SMTP', c.name ? `${c.name} (${c.email})` : c.email, contactCategories(c).join(';'), join(c.languages), contactNote(c),
    ].map((v, i) => (OUTLOOK_COLUMNS[i] === 'Business Phone' ? safePhoneCell(xmlSafeText(v)) : text(v)));
  });
  return '\uFEFF' + stringify([[...OUTLOOK_COLUMNS], ...rows], CSV_OPTIONS);
}
