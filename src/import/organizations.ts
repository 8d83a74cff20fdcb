/**
 * Which organisation an application belongs to, across calls — by evidence, never by a silent
 * merge. The evidence, strongest first:
 *
 *   same name and country   the normalised names are equal, in the same country      certain
 *   same website            the website's domain (not a shared host such as facebook.com),
 *                           in the same country                                       certain
 *   same contact email      the contact's address, in the same country, with a similar name  certain
 *   same website            in another (or an unknown) country                        doubtful
 *   same contact email      otherwise                                                 doubtful
 *   same email domain       an address at the same domain (not gmail.com), same country  doubtful
 *   similar name            one name's words within the other's, or its acronym, same country  doubtful
 *
 * A new application joins the organisation certain evidence points to; otherwise it gets an
 * organisation of its own, and doubtful pairs are listed for the officer
 * (organizationSuggestions: `skillsnet organizations --unconfirmed`), who links them (a merge of
 * the two organisations) or keeps them apart. Organisations in different known countries are
 * never linked automatically: "Red Cross" of two countries are two organisations.
 */
import type { DB } from '../db/connection.js';
import {
  applicationIdentity, attachContact, identityFromColumns, emailDomain, insertOrganization, linkApplication, networkSize, nextOrganizationId, organizationEvidenceRows,
  countryWordKey, organizationKey, organizationsKeptApart, organizationWebDomain, organizationsWithWord, organizationsWithWordAnywhere, organizationsWithWords, setApplicationLink, webDomain, type ApplicationIdentity, type OrganizationBrief,
  type OrganizationEvidenceRow,
} from '../db/organizations.js';
import { writtenValue, type ApplicationValues } from '../db/imports.js';
import { addApplicantMembers } from '../db/members.js';
import { MemoryLookup, nameKey, organizationKeyOf, ownString, rememberNameKey, sqlLookup, type OrganizationLookup } from './organization-lookup.js';
import { normaliseName } from '../text.js';
import { isGenericEmailDomain, isGenericWebHost, isPlaceholderOrganization } from './network-vocabulary.js';

export type EvidenceKind = 'same name and country' | 'same website' | 'same contact email' | 'same email domain' | 'similar name' | 'same name, another country or none';

/** What is known of an organisation to be matched: an application's fields, or a member being added. */
export interface OrganizationProbe {
  name: string;
  country: string | null;
  website?: string | null;
  email?: string | null;
}

export interface OrganizationCandidate {
  organizationId: number;
  name: string;
  country: string | null;
  evidence: EvidenceKind[];
  certain: boolean;
}

/** Small words that say nothing about which organisation a name is. */
const SMALL_WORDS = new Set(['the', 'of', 'for', 'and', 'in', 'on', 'at', 'de', 'del', 'des', 'du', 'la', 'le', 'les', 'el', 'los', 'las', 'et', 'y', 'e', 'pour', 'para', 'por', 'en', 'a', 'au', 'aux', 'd', 'l']);

/** A name key's words that say which organisation it is (remembered like nameKey: names repeat). */
const wordsOfKey = new Map<string, string[]>();
function words(key: string): string[] {
  let w = wordsOfKey.get(key);
  if (w === undefined) {
    if (wordsOfKey.size >= 20_000) wordsOfKey.clear();
    w = key.split(' ').filter((x) => x && !SMALL_WORDS.has(x));
    wordsOfKey.set(key, w);
  }
  return w;
}

/** The word similar names are looked up by: the name's longest, when it has four letters or more. */
function similarNameWord(name: string): string | undefined {
  const longest = [...words(normaliseName(name))].sort((x, y) => y.length - x.length)[0];
  return longest && longest.length >= 4 ? longest : undefined;
}

/**
 * Whether two organisation names are probably one organisation's: every word of the shorter
 * within the longer ("Fundación Andes" / "Fundación Andes México"), or the shorter the acronym of
 * the longer ("FAM" / "Fundación Andes México"). A one-word name must be at least 5 letters long.
 */
export function similarNames(a: string, b: string): boolean {
  return similarKeys(nameKey(a), nameKey(b));
}

/** similarNames, of two names' keys (nameKey). */
function similarKeys(ka: string, kb: string): boolean {
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  const wa = words(ka);
  const wb = words(kb);
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (!short.length) return false;
  if (short.length === 1) {
    const w = short[0]!;
    const acronym = long.map((x) => x[0]).join('');
    if (long.length >= 3 && w === acronym) return true;
    if (w.length < 5) return false;
  }
  const set = new Set(long);
  return short.every((w) => set.has(w));
}

const sameCountry = (a: string | null, b: string | null) => a === b;
const bothKnownAndDifferent = (a: string | null, b: string | null) => a !== null && b !== null && a !== b;

/** webDomain, remembered (a bounded memory, like nameKey: an import asks several times a row, and websites repeat). */
const domains = new Map<string, string | null>();
function domainOfSite(website: string | null | undefined): string | null {
  if (!website) return null;
  let d = domains.get(website);
  if (d === undefined) {
    if (domains.size >= 20_000) domains.clear();
    d = webDomain(website);
    domains.set(ownString(website), d);
  }
  return d;
}

/** The usable domain of a website, or null when it is none or a host shared by many. */
function identifyingWebDomain(website: string | null | undefined): string | null {
  return identifying(domainOfSite(website));
}

/** A website's domain, or null when it is a host shared by many. */
function identifying(domain: string | null): string | null {
  return domain && !isGenericWebHost(domain) ? domain : null;
}

function identifyingEmailDomain(email: string | null | undefined): string | null {
  const d = emailDomain(email);
  return d && !isGenericEmailDomain(d) ? d : null;
}

/** The evidence that two organisations are one, and whether it is certain. */
export function compareOrganizations(
  a: { name: string; country: string | null; webDomain: string | null; emails: string[] },
  b: { name: string; country: string | null; webDomain: string | null; emails: string[] },
): { evidence: EvidenceKind[]; certain: boolean } {
  const shared = a.emails.some((e) => b.emails.includes(e));
  const sameMailDomain = () => {
    const da = new Set(a.emails.map(identifyingEmailDomain).filter(Boolean));
    return b.emails.some((e) => da.has(identifyingEmailDomain(e)));
  };
  return compareKeyed(nameKey(a.name), { name: a.name, country: a.country, webDomain: identifying(a.webDomain) }, nameKey(b.name), b, shared, sameMailDomain);
}

/**
 * compareOrganizations, of two names' keys (nameKey) and what their addresses share: `shared`,
 * an address of both; `sameMailDomain`, asked only when they share none and are of one country.
 * `a.webDomain`: its identifying domain (identifying()).
 */
function compareKeyed(
  ka: string, a: { name: string; country: string | null; webDomain: string | null },
  kb: string, b: { name: string; country: string | null; webDomain: string | null },
  shared: boolean, sameMailDomain: () => boolean,
): { evidence: EvidenceKind[]; certain: boolean } {
  const evidence: EvidenceKind[] = [];
  let certain = false;
  // ("Independent Researcher", "Self-employed": a name that says there is no organisation is no evidence of one)
  const placeholder = isPlaceholderOrganization(ka) || isPlaceholderOrganization(kb);
  const same = sameCountry(a.country, b.country);
  // (similar names count only in one country: not compared otherwise)
  const similar = same && !placeholder && similarKeys(ka, kb);
  // (names of no letters, "🌱" and "🌍", have no key: the same name only written the same, as the
  // database files them: organizationKey)
  const sameName = ka === kb && (ka !== '' || organizationKey(a.name) === organizationKey(b.name));
  if (!placeholder && sameName && same) { evidence.push('same name and country'); certain = true; }
  if (a.webDomain && a.webDomain === b.webDomain) {
    evidence.push('same website');
    if (same) certain = true;
  }
  if (shared) {
    evidence.push('same contact email');
    // (the same person writing "Independent" again: their own organisation)
    if (same && (similar || (placeholder && ka === kb))) certain = true;
  }
  if (!shared && same && sameMailDomain()) evidence.push('same email domain');
  if (similar && same && !evidence.includes('same name and country')) evidence.push('similar name');
  // Two known, different countries: at most doubtful, whatever else matches.
  if (bothKnownAndDifferent(a.country, b.country)) certain = false;
  return { evidence, certain };
}

/** A website or an email domain shared by more organisations than this is no evidence. */
export const MAX_SHARING = 50;

/** An email address of people of more organisations than this (a consultant's, a secretariat's) is no evidence. */
export const MAX_SHARING_ADDRESS = 10;

/**
 * Organisations that may be the one described, with the evidence, certain ones first. `known`:
 * the probe's name key (nameKey) and website domain (webDomain), when the caller has them.
 */
export function organizationCandidates(
  db: DB,
  probe: OrganizationProbe,
  options: { exclude?: number; similarNames?: boolean; lookup?: OrganizationLookup; known?: KnownKeys } = {},
): OrganizationCandidate[] {
  const lookup = options.lookup ?? sqlLookup(db);
  const ka = options.known ? options.known.nameKey : nameKey(probe.name);
  const found = new Found(options.exclude);
  found.add(lookup.byKey(probe.name, probe.country, ka || organizationKey(probe.name)));
  // A website, an address or an email domain many organisations share (a university's, a
  // consultant's, a provider's the lists do not know) says nothing about which one this is, and
  // comparing against all of them would slow a large import with every organisation it adds:
  // past MAX_SHARING it is no evidence.
  const web = options.known ? identifying(options.known.webDomain) : identifyingWebDomain(probe.website);
  if (web) {
    const orgs = lookup.byWebDomain(web, MAX_SHARING + 1);
    if (orgs.length <= MAX_SHARING) found.add(orgs);
  }
  const email = probe.email?.trim().toLowerCase() || null;
  if (email) found.add(lookup.byPersonEmail(email, MAX_SHARING_ADDRESS) ?? [], email);
  const mailDomain = identifyingEmailDomain(email);
  if (mailDomain) found.add(lookup.byEmailDomain(mailDomain, probe.country, MAX_SHARING) ?? [], `*@${mailDomain}`);
  // Similar names: organisations of the country sharing the name's longest word. (Not while an
  // import links thousands of rows: a similar name alone is never certain, and the officer's list
  // of doubtful pairs finds them all at once, grouped by word.)
  const longest = options.similarNames === false ? undefined : similarNameWord(probe.name);
  if (longest) found.add(organizationsWithWord(db, probe.country, longest).filter((o) => similarNames(o.name, probe.name)));
  const candidates: OrganizationCandidate[] = [];
  const a = { name: probe.name, country: probe.country, webDomain: web };
  for (let i = 0; i < found.orgs.length; i++) {
    const o = found.orgs[i]!;
    // (comparing the probe's one address needs only the candidate's address that bears on it)
    const like = (email && (found.via[i] ?? lookup.emailLike(o.id, email))) || null;
    const shared = like !== null && like === email;
    const kb = lookup.nameKeyOf ? lookup.nameKeyOf(o) : nameKey(o.name);
    const { evidence, certain } = compareKeyed(ka, a, kb, o, shared, () => mailDomain !== null && like !== null && identifyingEmailDomain(like) === mailDomain);
    if (evidence.length) candidates.push({ organizationId: o.id, name: o.name, country: o.country, evidence, certain });
  }
  return candidates.length > 1 ? candidates.sort((x, y) => Number(y.certain) - Number(x.certain) || y.evidence.length - x.evidence.length || x.organizationId - y.organizationId) : candidates;
}

/**
 * Organisations named as this one (accents, case and punctuation aside) or similarly, whose country
 * is another or not known on one side: never the same by matching's rules (similar names count only
 * in one country), but what an officer adding "Fundacion Ayuda en Accion" without its country
 * meant by it. For a "did you mean" only; the same name first.
 */
export function organizationsNamedAlike(db: DB, name: string, exclude: number | null): OrganizationCandidate[] {
  const ka = nameKey(name);
  const word = similarNameWord(name) ?? (ka.length >= 3 ? [...words(ka)].sort((x, y) => y.length - x.length)[0] : undefined);
  if (!word || isPlaceholderOrganization(ka)) return [];
  const found: OrganizationCandidate[] = [];
  for (const o of organizationsWithWordAnywhere(db, word)) {
    if (o.id === exclude) continue;
    const kb = nameKey(o.name);
    if (ka === kb) found.push({ organizationId: o.id, name: o.name, country: o.country, evidence: ['same name, another country or none'], certain: false });
    else if (similarKeys(ka, kb)) found.push({ organizationId: o.id, name: o.name, country: o.country, evidence: ['similar name'], certain: false });
  }
  return found.sort((x, y) => Number(y.evidence[0] !== 'similar name') - Number(x.evidence[0] !== 'similar name') || x.organizationId - y.organizationId).slice(0, 3);
}

/** What the reading thread of an import computed of a row's organisation (PreparedRow): its name's key (normaliseName) and its website's domain (webDomain). */
export interface KnownKeys {
  nameKey: string;
  webDomain: string | null;
}

/**
 * The organisations a probe's lookups found, each once, in the order first found, with what its
 * people's addresses say about the probe's: the address itself (found through it) or one at its
 * domain (`*@domain`); read for the others only when needed (emailLike). (Arrays: they are a
 * handful, and a pair of Maps per row cost more than the scans.)
 */
class Found {
  readonly orgs: OrganizationBrief[] = [];
  readonly via: (string | undefined)[] = [];

  constructor(private readonly exclude: number | undefined) {}

  add(orgs: OrganizationBrief[], email?: string): void {
    for (const o of orgs) {
      if (o.id === this.exclude) continue;
      const at = this.indexOf(o.id);
      if (at < 0) {
        this.orgs.push(o);
        this.via.push(email || undefined);
      } else {
        this.orgs[at] = o;
        if (email && this.via[at] === undefined) this.via[at] = email;
      }
    }
  }

  private indexOf(id: number): number {
    for (let i = 0; i < this.orgs.length; i++) if (this.orgs[i]!.id === id) return i;
    return -1;
  }
}

/** What linking did with one file's (or one call's) applications. */
export interface OrganizationLinks {
  /** Applications linked to an organisation known before this file (a returning organisation). */
  returning: number;
  /** Organisations this file made. */
  created: number;
  /** Of those, how many look like one already known: the officer confirms (organizations --unconfirmed). */
  doubtful: number;
}

/** What linking reads of a row about to be written (its values, as applicationIdentity would read them back). */
export function identityOfValues(values: ApplicationValues): ApplicationIdentity {
  return identityFromColumns((name) => writtenValue(values, name), 0, null);
}

/**
 * An import of at least this many rows matches organisations against an index in memory
 * (organization-lookup.ts) instead of asking the database five times a row...
 */
export const MEMORY_LOOKUP_MIN_ROWS = 2_000;
/** ...unless the index would hold more organisations and people than this (a large network, or a file of millions of rows: memory stays flat)... */
export const MEMORY_LOOKUP_MAX_ORGANIZATIONS = 400_000;
/** ...or the database holds more than this many organisations and people per row of the file (loading them all would cost more than it saves). */
export const MEMORY_LOOKUP_MAX_KNOWN_PER_ROW = 10;

/** Whether an import of about `rows` rows into a database of `known` organisations and people matches them from memory. */
export function matchInMemory(rows: number, known: number): boolean {
  return rows >= MEMORY_LOOKUP_MIN_ROWS && known + rows <= MEMORY_LOOKUP_MAX_ORGANIZATIONS && known <= MEMORY_LOOKUP_MAX_KNOWN_PER_ROW * rows;
}

/**
 * Links the applications an import writes: a new one to its organisation (by evidence) and contact
 * person before it is written (place(): it is then written once, pointing at both), an updated one
 * to its (perhaps new) contact person after (updated(), finish()).
 */
/** An import making more organisations than this does not compare their names at the end (organizations --unconfirmed does). */
export const SIMILAR_NAMES_MAX = 5_000;

/**
 * The fields of an organisation that linking an application fills when they are empty
 * (attachContact), as bits: which of them an organisation this import made still has empty.
 * FILLED_WHEN_EMPTY are those whose emptiness makes attachContact write the row; the website's
 * domain is filled with them.
 */
const EMPTY_TYPE = 1;
const EMPTY_WEBSITE = 2;
const EMPTY_REGION = 4;
const EMPTY_COUNTRY_RAW = 8;
const EMPTY_BENEFICIARIES = 16;
const EMPTY_DOMAIN = 32;
/** (set for every organisation whose empty fields are known: the others are unknown, 0) */
const EMPTIES_KNOWN = 64;
const FILLED_WHEN_EMPTY = EMPTY_TYPE | EMPTY_WEBSITE | EMPTY_REGION | EMPTY_COUNTRY_RAW | EMPTY_BENEFICIARIES;

/** The fields an application leaves empty (attachContact fills nothing from them), as the bits above; `domain`: its website's. */
function emptyIn(a: Pick<ApplicationIdentity, 'organizationType' | 'website' | 'region' | 'countryRaw' | 'beneficiaries'>, domain: string | null): number {
  return (a.organizationType === null ? EMPTY_TYPE : 0) | (a.website === null ? EMPTY_WEBSITE : 0) | (a.region === null ? EMPTY_REGION : 0)
    | (a.countryRaw === null ? EMPTY_COUNTRY_RAW : 0) | (a.beneficiaries.length === 0 ? EMPTY_BENEFICIARIES : 0) | (domain === null ? EMPTY_DOMAIN : 0) | EMPTIES_KNOWN;
}

/** Updated applications are linked again this many at a time (and at the end of the file). */
const RELINK_BATCH = 200;

export class ImportLinker {
  readonly links: OrganizationLinks = { returning: 0, created: 0, doubtful: 0 };
  /** The new organisations counted in links.doubtful. */
  private readonly counted = new Set<number>();
  private readonly firstNew: number;
  private readonly memory: MemoryLookup | null;
  private readonly lookup: OrganizationLookup;
  /** organisations that are members already or become members at finish() (made by this file): no second look */
  private readonly members = new Set<number>();
  /** organisations with no empty field an application could fill (nothing changes them during an import) */
  private readonly complete = new Set<number>();
  /**
   * Which fields of each organisation this import made are empty (emptyIn's bits), by id from
   * firstNew: an application that would fill none of them leaves the row as it is, and is not
   * written over it (0: not known, the database decides, as for an organisation made before).
   */
  private empties = new Uint8Array(1024);
  /** applications updated by this file, to be linked again (updated()) */
  private readonly pending = new Set<number>();
  /** organisations this file made with no candidate found while linking: their names are compared at finish() */
  private unmatched: { id: number; name: string; country: string | null }[] | null = [];

  constructor(private readonly db: DB, options: { expectedRows?: number; memory?: boolean } = {}) {
    const known = networkSize(db);
    this.firstNew = known.organizations ? nextOrganizationId(db) : 1;
    const rows = options.expectedRows ?? 0;
    // (the index holds the organisations and their people's addresses)
    const memory = options.memory ?? matchInMemory(rows, known.organizations + known.people);
    this.memory = memory ? new MemoryLookup(db) : null;
    this.lookup = this.memory ?? sqlLookup(db);
  }

  /** Whether organisations are matched from an index in memory (the database's own indexes of them are then not read). */
  get inMemory(): boolean {
    return this.memory !== null;
  }

  /**
   * A new application about to be written: the organisation and person to write it with.
   * `known`: its organisation name's key and website's domain, when the reading thread computed
   * them (PreparedRow): matching then reads them instead of computing them again.
   */
  place(values: ApplicationValues, known?: KnownKeys): { organizationId: number; personId: number | null } {
    return this.placeIdentity(identityOfValues(values), undefined, known);
  }

  /**
   * An application this file updated (or put back as it was): linked again to its organisation,
   * a few hundred rows later or at the end of the file (finish()), once, with the values it then
   * has — a row changed and changed back within those rows leaves no trace in its people.
   */
  updated(id: number): void {
    this.pending.add(id);
    if (this.pending.size >= RELINK_BATCH) this.relinkPending();
  }

  private relinkPending(): void {
    const ids = [...this.pending];
    this.pending.clear();
    for (const id of ids) this.relink(id);
  }

  /** Links an updated application again (its contact person may have changed). */
  private relink(id: number): void {
    const a = applicationIdentity(this.db, id);
    if (!a) return;
    if (a.organizationId === null) {
      // (one no organisation has yet: linked by evidence, as a new one)
      const link = this.placeIdentity(a, id);
      setApplicationLink(this.db, id, link.organizationId, link.personId);
      return;
    }
    const before = this.memory?.webDomainOf(a.organizationId);
    // (its empty fields are filled below, by the database: no longer known here)
    this.setEmpties(a.organizationId, 0);
    linkApplication(this.db, id, a.organizationId, a, { member: !this.members.has(a.organizationId) });
    this.members.add(a.organizationId);
    this.told(a.organizationId, a.email?.trim().toLowerCase(), domainOfSite(a.website), before);
  }

  /**
   * Links what is still pending; the organisations this file made become members, all at once
   * (two statements instead of two a row), in the order they were made. The file's counts.
   */
  finish(): OrganizationLinks {
    this.relinkPending();
    addApplicantMembers(this.db, this.firstNew);
    this.countSimilarNames();
    return this.links;
  }

  /**
   * Similar names are not looked for row by row (a large import would pay for it on every row);
   * the organisations the file made are compared once at the end, so that the report's count
   * of new organisations that may be known ones includes "Teranga Digital (TD)" beside
   * "Teranga Digital" (organizations --unconfirmed lists them). Skipped past SIMILAR_NAMES_MAX.
   */
  private countSimilarNames(): void {
    const looked: { o: { id: number; name: string }; key: string }[] = [];
    for (const o of this.unmatched ?? []) {
      const longest = similarNameWord(o.name);
      if (!longest) continue;
      looked.push({ o, key: countryWordKey(o.country, longest) });
    }
    // (the organisations sharing each one's longest word, all found in one pass)
    const sharing = organizationsWithWords(this.db, new Set(looked.map((l) => l.key)));
    for (const { o, key } of looked) {
      if ((sharing.get(key) ?? []).some((c) => c.id !== o.id && similarNames(c.name, o.name))) this.doubtful(o.id);
    }
    this.unmatched = [];
  }

  /** Counts a new organisation that may be one already known, once. */
  private doubtful(organizationId: number): void {
    if (this.counted.has(organizationId)) return;
    this.counted.add(organizationId);
    this.links.doubtful++;
  }

  private placeIdentity(a: ApplicationIdentity, applicationId?: number, known?: KnownKeys): { organizationId: number; personId: number | null } {
    const candidates = organizationCandidates(this.db, { name: a.organization, country: a.country, website: a.website, email: a.email }, { similarNames: false, lookup: this.lookup, known });
    // (asked again below: the website's domain once)
    const domain = known ? known.webDomain : domainOfSite(a.website);
    const sure = candidates.find((c) => c.certain);
    if (sure) {
      if (sure.organizationId < this.firstNew) this.links.returning++;
      // An organisation this file made, linked again by its name, may now share an address with
      // another (its second application's contact): organizations --unconfirmed lists the pair,
      // and the report's count of new ones that may be known ones said one fewer.
      else if (candidates.some((c) => !c.certain && c.organizationId !== sure.organizationId)) this.doubtful(sure.organizationId);
      return { organizationId: sure.organizationId, personId: this.attach(sure.organizationId, a, domain, false, applicationId) };
    }
    const fields = { name: a.organization, organizationType: a.organizationType, country: a.country, countryRaw: a.countryRaw, region: a.region, website: a.website, beneficiaries: a.beneficiaries };
    const key = known ? known.nameKey || organizationKey(a.organization) : organizationKeyOf(a.organization);
    const organizationId = insertOrganization(this.db, fields, { key, domain });
    this.setEmpties(organizationId, emptyIn(a, domain));
    if (this.memory) {
      const name = a.organization.replace(/\s+/g, ' ').trim();
      this.memory.addOrganization({ id: organizationId, name, country: a.country, webDomain: domain }, key);
      // (its name is compared with later rows' as a candidate's: its key is known)
      if (known) rememberNameKey(name, known.nameKey);
    }
    this.links.created++;
    if (candidates.length) this.doubtful(organizationId);
    else if (this.unmatched) {
      this.unmatched.push({ id: organizationId, name: a.organization, country: a.country });
      if (this.unmatched.length > SIMILAR_NAMES_MAX) this.unmatched = null;
    }
    return { organizationId, personId: this.attach(organizationId, a, domain, true, applicationId) };
  }

  /** `domain`: the application website's domain (domainOfSite). */
  private attach(organizationId: number, a: ApplicationIdentity, domain: string | null, fresh: boolean, applicationId?: number): number | null {
    const before = this.memory?.webDomainOf(organizationId);
    // (an organisation just made becomes a member at the end: finish())
    const member = !fresh && !this.members.has(organizationId);
    if (fresh) this.members.add(organizationId);
    let fill = !this.complete.has(organizationId);
    const empty = fill && !fresh ? this.emptiesOf(organizationId) : 0;
    if (empty & EMPTIES_KNOWN) {
      if (!(empty & FILLED_WHEN_EMPTY)) {
        // (attachContact would find nothing to fill, and say so)
        this.complete.add(organizationId);
        fill = false;
      } else {
        // The fields still empty once this application filled what it can: the same ones when it
        // has none of them (the row would be written as it is: it is left alone).
        const left = empty & emptyIn(a, domain);
        if (left === empty) fill = false;
        else this.setEmpties(organizationId, left);
      }
    }
    const email = a.email?.trim().toLowerCase();
    const newPerson = Boolean(this.memory && email && !this.memory.hasPerson(organizationId, email));
    const { personId, complete } = attachContact(this.db, organizationId, a, { fresh, member, fill, newPerson, fromApplication: applicationId, domain });
    if (member) this.members.add(organizationId);
    if (complete) this.complete.add(organizationId);
    this.told(organizationId, email, domain, before);
    return personId;
  }

  /** The empty fields of an organisation this import made (emptyIn's bits), 0 when not known. */
  private emptiesOf(organizationId: number): number {
    const at = organizationId - this.firstNew;
    return at >= 0 && at < this.empties.length ? this.empties[at]! : 0;
  }

  private setEmpties(organizationId: number, bits: number): void {
    const at = organizationId - this.firstNew;
    if (at < 0) return;
    if (at >= this.empties.length) {
      if (!bits) return;
      let size = this.empties.length;
      while (size <= at) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.empties);
      this.empties = grown;
    }
    this.empties[at] = bits;
  }

  /**
   * Keeps the index in memory as the database now is: the person's address (`email`, trimmed and
   * in lower case), and a website the link filled in (`domain`, the application's).
   */
  private told(organizationId: number, email: string | undefined, domain: string | null, webBefore: string | null | undefined): void {
    if (!this.memory) return;
    if (email) this.memory.addPerson(organizationId, email);
    if (webBefore === null && domain) this.memory.setWebDomain(organizationId, organizationWebDomain(this.db, organizationId));
  }
}

/** Two organisations that may be one, for the officer to link or keep apart. */
export interface OrganizationSuggestion {
  /** The newer organisation (linking merges it into `candidate`). */
  organizationId: number;
  candidateId: number;
  evidence: EvidenceKind[];
}

/**
 * Every pair of organisations that may be one and that no officer has decided on: those the rules
 * find doubtful, and certain pairs left apart (an older database's organisations are linked by
 * name only). Found by grouping on each kind of evidence, so large networks stay fast; a word
 * shared by more than 25 organisations of a country ("association") says nothing and is skipped.
 */
export function organizationSuggestions(db: DB, options: { organizationId?: number } = {}): OrganizationSuggestion[] {
  const rows = organizationEvidenceRows(db);
  const apart = organizationsKeptApart(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pairs = new Set<string>();
  // For one organisation (show, organization show), only the groups it is in, and only its own
  // pairs: the pairs of every group of the network are many more than the few that are kept.
  const target = options.organizationId !== undefined ? byId.get(options.organizationId) : undefined;
  const group = (key: (r: OrganizationEvidenceRow) => string[], maxGroup = Infinity) => {
    const targetKeys = target ? new Set(key(target)) : undefined;
    if (options.organizationId !== undefined && !targetKeys) return;
    const groups = new Map<string, number[]>();
    for (const r of rows) for (const k of new Set(key(r))) {
      if (targetKeys && !targetKeys.has(k)) continue;
      const list = groups.get(k);
      if (list) list.push(r.id);
      else groups.set(k, [r.id]);
    }
    for (const ids of groups.values()) {
      if (ids.length < 2 || ids.length > maxGroup) continue;
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
        if (ids[i] !== ids[j] && (!target || ids[i] === target.id || ids[j] === target.id)) pairs.add(`${ids[i]}|${ids[j]}`);
      }
    }
  };
  group((r) => (r.webDomain && !isGenericWebHost(r.webDomain) ? [r.webDomain] : []), MAX_SHARING);
  group((r) => r.emails, MAX_SHARING_ADDRESS);
  group((r) => [...new Set(r.emails.map(identifyingEmailDomain).filter((d): d is string => d !== null).map((d) => `${r.country}|${d}`))], MAX_SHARING);
  group((r) => [`${r.country}|${r.nameKey}`]);
  group((r) => words(r.nameKey).filter((w) => w.length >= 4).map((w) => `${r.country}|${w}`), 25);
  // acronyms: a one-word name against the initials of longer names of its country
  group((r) => {
    const w = words(r.nameKey);
    return w.length === 1 ? [`${r.country}|acronym|${w[0]}`] : w.length >= 3 ? [`${r.country}|acronym|${w.map((x) => x[0]).join('')}`] : [];
  }, 25);
  const out: OrganizationSuggestion[] = [];
  for (const p of pairs) {
    if (apart.has(p)) continue;
    const [a, b] = p.split('|').map(Number) as [number, number];
    if (options.organizationId !== undefined && a !== options.organizationId && b !== options.organizationId) continue;
    const ra = byId.get(a)!;
    const rb = byId.get(b)!;
    const { evidence } = compareOrganizations(ra, rb);
    if (evidence.length) out.push({ organizationId: b, candidateId: a, evidence });
  }
  return out.sort((x, y) => x.organizationId - y.organizationId || x.candidateId - y.candidateId);
}
