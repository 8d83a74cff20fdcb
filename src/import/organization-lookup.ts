/**
 * Where matching (organizations.ts) finds the organisations a probe may be: straight from the
 * database (sqlLookup: any command, any size), or from an index in memory that a large import
 * loads once and keeps up to date as it adds organisations and people (MemoryLookup: one lookup
 * in a Map instead of five statements for every row). Both answer every question the same way,
 * down to the order: test/unit/import/organization-lookup.test.ts holds them side by side.
 */
import {
  organizationBriefs, organizationBriefsByKey, organizationEmailLike, organizationKey, organizationPeopleEmails, organizationsByEmailDomain, organizationsByPersonEmail,
  organizationsByWebDomain, type OrganizationBrief,
} from '../db/organizations.js';
import type { DB } from '../db/connection.js';
import { normaliseName } from '../text.js';

/** The questions matching asks (each as db/organizations.ts answers it). */
export interface OrganizationLookup {
  /**
   * Organisations (not merged away) with this normalised name in this country (NULL matches NULL),
   * in id order. `key`: the name's organizationKeyOf, when the caller has it.
   */
  byKey(name: string, country: string | null, key?: string): OrganizationBrief[];
  /** Organisations (not merged away) whose website is on this domain, in id order; at most `limit`. */
  byWebDomain(domain: string, limit: number): OrganizationBrief[];
  /** Organisations (not merged away) one of whose people has this address; null when more than `most` organisations have. */
  byPersonEmail(email: string, most: number): OrganizationBrief[] | null;
  /** Organisations (not merged away) of this country with people writing from this domain; null when more than `most` organisations, of any country, have. */
  byEmailDomain(domain: string, country: string | null, most: number): OrganizationBrief[] | null;
  /** Of the organisation's people's addresses, this address, else one at its domain, else null. */
  emailLike(organizationId: number, email: string): string | null;
  /** nameKey of an organisation's name, remembered by organisation (an index in memory: the same organisations are compared row after row). */
  nameKeyOf?(o: OrganizationBrief): string;
}

const brief = (o: OrganizationBrief): OrganizationBrief => ({ id: o.id, name: o.name, country: o.country, webDomain: o.webDomain });

/** The database answers (organisations read as they are now). */
export function sqlLookup(db: DB): OrganizationLookup {
  return {
    byKey: (name, country) => organizationBriefsByKey(db, name, country),
    byWebDomain: (domain, limit) => organizationsByWebDomain(db, domain, limit).map(brief),
    byPersonEmail: (email, most) => organizationsByPersonEmail(db, email, most),
    byEmailDomain: (domain, country, most) => organizationsByEmailDomain(db, domain, country, most),
    emailLike: (organizationId, email) => organizationEmailLike(db, organizationId, email),
  };
}

/**
 * A copy of a string that keeps nothing else alive: a cell read from a file may be a slice of a
 * whole chunk of it, which a Map holding the cell would keep in memory for the import's length.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/**
 * normaliseName, remembered: an import compares every row's organisation name with its
 * candidates', and a call's names repeat (a bounded memory: forgotten past NAME_KEYS_KEPT).
 */
const nameKeys = new Map<string, string>();
const NAME_KEYS_KEPT = 20_000;
export function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    if (nameKeys.size >= NAME_KEYS_KEPT) nameKeys.clear();
    key = ownString(normaliseName(name));
    nameKeys.set(ownString(name), key);
  }
  return key;
}

/** Tells nameKey a name's key computed elsewhere (normaliseName's, on the import's reading thread). */
export function rememberNameKey(name: string, key: string): void {
  if (nameKeys.has(name)) return;
  if (nameKeys.size >= NAME_KEYS_KEPT) nameKeys.clear();
  nameKeys.set(ownString(name), ownString(key));
}

/** organizationKey (db/organizations.ts), remembered. */
export const organizationKeyOf = (name: string) => nameKey(name) || organizationKey(name);

/** The part of an address after its first "@" (as the database's email-domain index reads it). */
const domainOf = (email: string) => email.slice(email.indexOf('@') + 1);

const countryKey = (country: string | null) => (country === null ? '\u0001' : country);

/** Whether organisations are in id order already (most lists are: sorting them again cost more than the lookup). */
function inIdOrder(orgs: readonly OrganizationBrief[]): boolean {
  for (let i = 1; i < orgs.length; i++) if (orgs[i - 1]!.id > orgs[i]!.id) return false;
  return true;
}

/** Appends an id to a key's list when it is not there yet and the list is not full. */
function addTo(map: Map<string, number[]>, key: string, id: number, cap: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list.length < cap && !list.includes(id)) list.push(id);
}

/**
 * An index in memory of the organisations (not merged away) and their people's addresses, loaded
 * from the database once. Whoever writes an organisation or a person while it is in use tells it
 * (addOrganization, addPerson, setWebDomain); questions then cost a Map lookup. Lists of
 * organisations sharing an address or a domain are kept up to `cap` long, which must exceed every
 * `most` asked (the SQL stops reading there too).
 */
export class MemoryLookup implements OrganizationLookup {
  private readonly orgs = new Map<number, OrganizationBrief>();
  /** country (countryKey) -> name key -> organisations (two lookups: a key joined to the country was a new string to hash every row) */
  private readonly byNameKey = new Map<string, Map<string, number[]>>();
  private readonly byWeb = new Map<string, number[]>();
  /** address -> organisations with someone at it (merged ones included: the database counts them too), in the order of their first such person */
  private readonly byEmail = new Map<string, number[]>();
  private readonly byDomain = new Map<string, number[]>();
  /** organisation -> its people's addresses, in the people's order */
  private readonly emails = new Map<number, Set<string>>();
  /** organisation id -> nameKey of its name, once compared (what byNameKey holds is organizationKey, perhaps of an older skillsnet's rules) */
  private readonly comparedKeys: (string | undefined)[] = [];
  /** organisation -> the domain of each of its people's addresses -> the first address at it (emailLike read them all, every row) */
  private readonly firstAtDomain = new Map<number, Map<string, string>>();

  constructor(db: DB, private readonly cap = 64) {
    for (const o of organizationBriefs(db)) this.addOrganization(o, o.nameKey);
    for (const p of organizationPeopleEmails(db)) this.addPerson(p.organizationId, p.email);
  }

  /** An organisation written (or read at the start), with its name key (organizationKey). */
  addOrganization(o: OrganizationBrief, nameKey: string): void {
    this.orgs.set(o.id, { id: o.id, name: ownString(o.name), country: o.country === null ? null : ownString(o.country), webDomain: o.webDomain === null ? null : ownString(o.webDomain) });
    const country = countryKey(o.country);
    let names = this.byNameKey.get(country);
    if (!names) this.byNameKey.set(country, (names = new Map()));
    const list = names.get(nameKey);
    if (list) list.push(o.id);
    else names.set(ownString(nameKey), [o.id]);
    if (o.webDomain) this.addSite(o.webDomain, o.id);
  }

  /** A person with an address joined an organisation (a no-op when it has someone at it already). */
  addPerson(organizationId: number, address: string): void {
    const set = this.emails.get(organizationId);
    if (set?.has(address)) return;
    const email = ownString(address);
    if (set) set.add(email);
    else this.emails.set(organizationId, new Set([email]));
    const domain = domainOf(email);
    const first = this.firstAtDomain.get(organizationId);
    if (!first) this.firstAtDomain.set(organizationId, new Map([[domain, email]]));
    else if (!first.has(domain)) first.set(domain, email);
    addTo(this.byEmail, email, organizationId, this.cap);
    addTo(this.byDomain, domain, organizationId, this.cap);
  }

  /** Whether one of the organisation's people has this address. */
  hasPerson(organizationId: number, email: string): boolean {
    return this.emails.get(organizationId)?.has(email) ?? false;
  }

  /** An organisation's website domain was filled in (it had none). */
  setWebDomain(organizationId: number, domain: string | null): void {
    const o = this.orgs.get(organizationId);
    if (!o || o.webDomain === domain) return;
    if (o.webDomain) {
      const list = this.byWeb.get(o.webDomain);
      const at = list ? list.indexOf(organizationId) : -1;
      if (at >= 0) list!.splice(at, 1);
    }
    o.webDomain = domain;
    if (domain) this.addSite(domain, organizationId);
  }

  /** An organisation on a website's domain, kept in id order (each organisation is added once per domain). */
  private addSite(domain: string, id: number): void {
    const list = this.byWeb.get(domain);
    if (!list) {
      this.byWeb.set(domain, [id]);
      return;
    }
    // (almost always the newest: appended; an older organisation whose website was filled in: put in its place)
    let i = list.length;
    while (i > 0 && list[i - 1]! > id) i--;
    list.splice(i, 0, id);
  }

  /** Whether the organisation's website domain is known (the database may fill it when an application links). */
  webDomainOf(organizationId: number): string | null {
    return this.orgs.get(organizationId)?.webDomain ?? null;
  }

  /**
   * The organisations of the first `count` of these ids (of every one when negative), in id
   * order, of this country when `country` is given: the index's own objects, which callers read
   * and never change (a copy of each cost more than the rest of a lookup).
   */
  private briefs(ids: readonly number[] | undefined, count = -1, country?: string | null): OrganizationBrief[] {
    const out: OrganizationBrief[] = [];
    if (!ids) return out;
    const end = count < 0 ? ids.length : Math.min(count, ids.length);
    for (let i = 0; i < end; i++) {
      const o = this.orgs.get(ids[i]!);
      if (o && (country === undefined || o.country === country)) out.push(o);
    }
    return !inIdOrder(out) ? out.sort((a, b) => a.id - b.id) : out;
  }

  byKey(name: string, country: string | null, key?: string): OrganizationBrief[] {
    return this.briefs(this.byNameKey.get(countryKey(country))?.get(key ?? organizationKeyOf(name)));
  }

  byWebDomain(domain: string, limit: number): OrganizationBrief[] {
    return this.briefs(this.byWeb.get(domain), limit);
  }

  byPersonEmail(email: string, most: number): OrganizationBrief[] | null {
    this.check(most);
    // (as the database: the first most + 1 organisations, merged ones counted, then those not merged)
    const found = this.briefs(this.byEmail.get(email.trim().toLowerCase()), most + 1);
    return found.length > most ? null : found;
  }

  byEmailDomain(domain: string, country: string | null, most: number): OrganizationBrief[] | null {
    this.check(most);
    const ids = this.byDomain.get(domain.trim().toLowerCase());
    return ids && ids.length > most ? null : this.briefs(ids, most + 1, country);
  }

  emailLike(organizationId: number, email: string): string | null {
    const set = this.emails.get(organizationId);
    if (!set) return null;
    if (set.has(email)) return email;
    return this.firstAtDomain.get(organizationId)?.get(domainOf(email)) ?? null;
  }

  nameKeyOf(o: OrganizationBrief): string {
    const keys = this.comparedKeys;
    let key = keys[o.id];
    if (key === undefined) {
      // (filled up to the id: an array with holes becomes a slower dictionary)
      while (keys.length <= o.id) keys.push(undefined);
      keys[o.id] = key = nameKey(o.name);
    }
    return key;
  }

  private check(most: number): void {
    if (!(most < this.cap)) throw new Error(`MemoryLookup keeps ${this.cap} organisations per address: asked about ${most}`);
  }
}
