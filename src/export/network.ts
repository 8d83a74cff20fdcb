import type { Application, Consent, MemberRole, MemberStatus, Region } from '../model.js';
import type { OrganizationPlace } from '../db/members.js';
import { REGIONS, isRegion, seatKept } from '../model.js';
import { categoryName, taxonomy } from '../tagging/taxonomy.js';
import { countryName } from '../geo/countries.js';
import { languageName } from '../geo/languages.js';
import { normaliseName } from '../geo/normalise.js';
import { normaliseParagraphs } from '../import/normalise.js';
import { escapeMarkdown } from './escape.js';

/**
 * The network the map and graph exports draw: one node per organisation (its applications of
 * every call merged; its ID "org-<organisation id>" the same in every export, whatever the
 * filters), the members who never applied (organisations, and persons in their own right such as
 * ILO staff), with --with-people the contact people of organisations, one node per skills category
 * and one per region; links organisation -> category ("works on"), organisation -> region ("based
 * in"), person -> organisation ("works at"), and optionally organisation <-> organisation peers
 * (same region, shared categories) and one node per target group two or more organisations
 * serve, linked organisation -> target group ("serves"). Actors who said no to a shared map are
 * left out (withheld).
 *
 * Open to more kinds (events come with issue 14): a node kind needs its interface in NetworkNode,
 * an element type, its connections in `links`, and a case in kumu.ts and graphml.ts.
 *
 * Kept format-neutral: kumu.ts, graphml.ts and map.ts turn it into files.
 */

export const ELEMENT_TYPES = { organization: 'Organization', person: 'Person', category: 'Skills category', region: 'Region', targetGroup: 'Target group' } as const;
export const CONNECTION_TYPES = { worksOn: 'works on', basedIn: 'based in', peer: 'peer', worksAt: 'works at', serves: 'serves' } as const;

/** What the network knows of an actor as a member: roles, status, consent. */
export interface Membership {
  memberId: number;
  roles: MemberRole[];
  status: MemberStatus;
  /** Core Group cohorts ("2020"). */
  cohorts: string[];
  consentMap: Consent;
  consentContact: Consent;
}

/** An organisation that is a member but has no application among those exported (a stakeholder, a partner). */
export interface OrganizationSource {
  organizationId: number;
  name: string;
  organizationType: string | null;
  countryCode: string | null;
  countryRaw: string | null;
  region: Region | null;
  languageCode: string | null;
  beneficiaries: string[];
  contactPersons: string[];
  personIds: number[];
  emails: string[];
  phones: string[];
  website: string | null;
  notes: string | null;
  membership: Membership | null;
}

/** A person drawn as an actor: a member in their own right, or (--with-people) an organisation's contact person. */
export interface PersonSource {
  personId: number;
  name: string;
  organizationId: number | null;
  organization: string | null;
  countryCode: string | null;
  region: Region | null;
  languageCode: string | null;
  emails: string[];
  phones: string[];
  /** Set for a person who is a member in their own right; a contact person takes their organisation's. */
  membership: Membership | null;
}

export interface OrganizationNode {
  kind: 'organization';
  id: string;
  label: string;
  name: string;
  applicationIds: number[];
  calls: string[];
  titles: { title: string | null; description: string | null; call: string; applicationId: number }[];
  countryCode: string | null;
  country: string | null;
  region: Region | null;
  languageCode: string | null;
  language: string | null;
  organizationTypes: string[];
  beneficiaries: string[];
  categoryCodes: string[];
  categories: string[];
  contactPersons: string[];
  emails: string[];
  phones: string[];
  url: string | null;
  coreGroup: boolean;
  /** Best score among the organisation's applications. */
  score: number | null;
  /** The organisations table's id (null only for applications written before organisations existed). */
  organizationId: number | null;
  /** Contact people (people table ids), for the export log. */
  personIds: number[];
  /** The member it is (roles, status); null when not one. */
  memberId: number | null;
  roles: MemberRole[];
  status: MemberStatus | null;
  cohorts: string[];
  /** false: said no to a shared map (such nodes are withheld before they reach here) or to being contacted. */
  consentMap?: boolean;
  consentContact?: boolean;
  /** The officer's notes on a member that never applied (never exported: the description is the projects'). */
  applied: boolean;
}

/**
 * Whether a member holds a Core Group seat: the core-group role while invited or active. A member
 * who declined or withdrew (and was replaced) keeps the role in the records, for the history,
 * but is no longer Core Group on a map. (A member of the chosen roster is Core Group too: see
 * buildNetwork's coreGroup option.)
 */
export function holdsCoreGroupSeat(m: { roles: readonly string[]; status: string | null } | undefined | null): boolean {
  return Boolean(m && m.roles.includes('core-group') && seatKept(m.status));
}

/**
 * The organisations marked Core Group for a seat of a cohort rather than for the roster the
 * export names (a year later: the earlier cohort, still invited or active), and those cohorts.
 * The export's line said "27 of the 467 organisations (roster core-2021)" of a roster of 2.
 */
export function coreGroupBeyondRoster(organizations: readonly OrganizationNode[], roster: ReadonlySet<number> | undefined): { count: number; cohorts: string[] } {
  const beyond = organizations.filter((o) => o.coreGroup && !o.applicationIds.some((id) => roster?.has(id)));
  // (a Core Group member added with no --cohort: '' among the cohorts, named "with no cohort")
  return { count: beyond.length, cohorts: [...new Set(beyond.flatMap((o) => (o.cohorts.length ? o.cohorts : [''])))].sort() };
}


export interface PersonNode {
  kind: 'person';
  /** "person-<people id>" */
  id: string;
  label: string;
  name: string;
  personId: number;
  /** "org-<id>" of their organisation when it is in the network (linked "works at"). */
  organizationNodeId: string | null;
  organization: string | null;
  countryCode: string | null;
  country: string | null;
  region: Region | null;
  languageCode: string | null;
  language: string | null;
  emails: string[];
  phones: string[];
  memberId: number | null;
  roles: MemberRole[];
  status: MemberStatus | null;
  consentContact?: boolean;
}

export interface CategoryNode { kind: 'category'; id: string; label: string; code: string; description: string }
export interface RegionNode { kind: 'region'; id: string; label: string; region: Region }
/**
 * A beneficiary / target group that two or more organisations of the network serve ("who shares a
 * target group"): spellings that differ only in case, accents or punctuation are one group, named
 * as most of its organisations write it.
 */
export interface TargetGroupNode { kind: 'target-group'; id: string; label: string; organizations: number }
export type NetworkNode = OrganizationNode | PersonNode | CategoryNode | RegionNode | TargetGroupNode;

export interface NetworkLink {
  id: string;
  from: string;
  to: string;
  type: (typeof CONNECTION_TYPES)[keyof typeof CONNECTION_TYPES];
  direction: 'directed' | 'undirected';
  /** Peers: the category names they share. */
  shared?: string[];
  /** Peers: number of shared categories; 1 otherwise. */
  strength: number;
}

export interface Network {
  organizations: OrganizationNode[];
  persons: PersonNode[];
  categories: CategoryNode[];
  regions: RegionNode[];
  /** Empty unless NetworkOptions.targetGroups. */
  targetGroups: TargetGroupNode[];
  /** Shared target groups past MAX_TARGET_GROUPS, not drawn. */
  targetGroupsLeftOut: number;
  links: NetworkLink[];
  applications: number;
  /** Peer pairs that qualified but were left out by the cap. */
  peerLinksDropped: number;
  /** Actors left out because they said no to appearing on a shared map. */
  withheld: number;
  /** Members left out because they withdrew from the network (status withdrawn), unless includeWithdrawn. */
  withdrawn: number;
}

export interface NetworkOptions {
  /** Application ids of the Core Group (members of the chosen roster). */
  coreGroup?: Set<number>;
  /** Maximum peer links per organisation; 0 or undefined: none. */
  peerLinks?: number;
  /** A node for each target group two or more organisations serve, linked "serves" from them. */
  targetGroups?: boolean;
  /** Organisation id -> its membership (roles, status, consent); network/actors.ts reads it. */
  memberships?: ReadonlyMap<number, Membership>;
  /** Members that never applied (or whose applications the filters left out), drawn as organisations. */
  organizations?: Iterable<OrganizationSource>;
  /** Persons drawn as actors: members in their own right, and with --with-people contact people. */
  persons?: Iterable<PersonSource>;
  /** Organisation id -> its name as recorded (so the label is the same in the map of every call). */
  organizationNames?: ReadonlyMap<number, string>;
  /**
   * Organisation id -> its country and region as `members` shows them (db/members.ts): an
   * organisation node is placed there, and only where none is recorded by its applications'.
   */
  organizationPlaces?: ReadonlyMap<number, OrganizationPlace>;
  /**
   * Keep members who withdrew from the network (asked for by name: --status withdrawn). Otherwise
   * they are left out with their connections, as from the contact lists and invitations, and counted.
   */
  includeWithdrawn?: boolean;
}

const consentFlag = (c: Consent | undefined): boolean | undefined => (c === 'no' ? false : c === 'yes' ? true : undefined);

const slug = (s: string) => normaliseName(s).replace(/\s+/g, '-');
export const regionId = (r: Region) => `region-${slug(r)}`;
export const categoryId = (code: string) => `category-${code}`;
export const targetGroupId = (key: string) => `target-group-${key.replace(/\s+/g, '-')}`;

function pushUnique(list: string[], value: string | null | undefined): void {
  const v = value?.trim();
  if (v && !list.some((x) => x.toLowerCase() === v.toLowerCase())) list.push(v);
}

/** Builds the network from a stream of applications (iterateApplications), never holding rows twice. */
export function buildNetwork(applications: Iterable<Application>, options: NetworkOptions = {}): Network {
  const left = new Set<number>();
  const { byKey, withheldOrganizations, count } = applicantOrganizations(applications, options, left);
  // (withheldOrganizations holds the applicants off the map for either reason; `left` the withdrawn ones so far)
  let withheld = withheldOrganizations.size - left.size;
  withheld += addOtherOrganizations(byKey, options, left);
  const organizations = [...byKey.values()];
  const people = personNodes(organizations, withheldOrganizations, options, left);
  const persons = people.persons;
  withheld += people.withheld;
  // categories in the taxonomy's order, named
  const order = taxonomy().revised.map((c) => c.code);
  for (const org of organizations) {
    org.categoryCodes.sort((x, y) => order.indexOf(x) - order.indexOf(y));
    org.categories = org.categoryCodes.map((c) => categoryName(c));
  }
  disambiguateLabels(organizations);
  disambiguatePersonLabels(persons);

  const categories: CategoryNode[] = taxonomy().revised.map((c) => ({
    kind: 'category', id: categoryId(c.code), label: c.short.en, code: c.code, description: c.name.en,
  }));
  const regions: RegionNode[] = REGIONS.map((r) => ({ kind: 'region', id: regionId(r), label: r, region: r }));

  const groups = options.targetGroups ? targetGroups(organizations) : { nodes: [], byOrganization: new Map<OrganizationNode, TargetGroupNode[]>(), leftOut: 0 };
  const { links, peerLinksDropped } = networkLinks(organizations, persons, groups.byOrganization, options);
  return { organizations, persons, categories, regions, targetGroups: groups.nodes, targetGroupsLeftOut: groups.leftOut, links, applications: count, peerLinksDropped, withheld, withdrawn: left.size };
}

/** A member who is off the map: said no to it, or withdrew from the network (unless asked for); `left` collects the withdrawn members' IDs. */
function offTheMap(membership: Membership | null | undefined, options: NetworkOptions, left: Set<number>): boolean {
  if (membership?.consentMap === 'no') return true;
  if (membership?.status === 'withdrawn' && !options.includeWithdrawn) {
    left.add(membership.memberId);
    return true;
  }
  return false;
}

/**
 * Target-group hubs drawn at most: a call whose beneficiaries are free text may name thousands of
 * groups, and a map of thousands of hubs is no map (the most served ones are kept, the rest counted).
 */
export const MAX_TARGET_GROUPS = 40;

/**
 * The target groups two or more organisations serve, most served first (then by name), and each
 * organisation's. A group one organisation alone names connects nobody and gets no node.
 */
function targetGroups(organizations: OrganizationNode[]): { nodes: TargetGroupNode[]; byOrganization: Map<OrganizationNode, TargetGroupNode[]>; leftOut: number } {
  const groups = new Map<string, { served: OrganizationNode[]; spellings: Map<string, number> }>();
  for (const org of organizations) {
    const seen = new Set<string>();
    for (const b of org.beneficiaries) {
      const spelling = b.replace(/\s+/g, ' ').trim();
      const key = normaliseName(spelling);
      if (!key) continue;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { served: [], spellings: new Map() }));
      group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
      if (seen.has(key)) continue;
      seen.add(key);
      group.served.push(org);
    }
  }
  const nodes: TargetGroupNode[] = [];
  const byOrganization = new Map<OrganizationNode, TargetGroupNode[]>();
  // the most served first (then by key): past MAX_TARGET_GROUPS the rest are left out, counted
  const shared = [...groups].filter(([, g]) => g.served.length >= 2).sort(([k1, g1], [k2, g2]) => g2.served.length - g1.served.length || (k1 < k2 ? -1 : k1 > k2 ? 1 : 0));
  const leftOut = Math.max(0, shared.length - MAX_TARGET_GROUPS);
  for (const [key, g] of shared.slice(0, MAX_TARGET_GROUPS)) {
    // the spelling most organisations use; of equals, the one that kept its accents, then the first
    // in the code-point order (capitals first): the same map every time
    const accents = (t: string) => t.replace(/[\x00-\x7f]/g, '').length;
    const label = [...g.spellings].sort((x, y) => y[1] - x[1] || accents(y[0]) - accents(x[0]) || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))[0]![0];
    const node: TargetGroupNode = { kind: 'target-group', id: targetGroupId(key), label, organizations: g.served.length };
    nodes.push(node);
    for (const org of g.served) {
      const list = byOrganization.get(org);
      if (list) list.push(node);
      else byOrganization.set(org, [node]);
    }
  }
  const order = (x: TargetGroupNode, y: TargetGroupNode) => y.organizations - x.organizations || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  nodes.sort(order);
  for (const list of byOrganization.values()) list.sort(order);
  return { nodes, byOrganization, leftOut };
}

/**
 * One node per organisation that applied (the organizations table's, else name and country),
 * gathering its applications' calls, titles, categories, contacts and best score; organisations
 * whose member said no to the map are left out and counted.
 */
function applicantOrganizations(applications: Iterable<Application>, options: NetworkOptions, left: Set<number>): { byKey: Map<string, OrganizationNode>; withheldOrganizations: Set<number>; count: number } {
  const byKey = new Map<string, OrganizationNode>();
  const known = new Set(taxonomy().revised.map((c) => c.code));
  const withheldOrganizations = new Set<number>();
  let count = 0;
  for (const a of applications) {
    count++;
    // (an Application built by hand, as in tests, may lack the field)
    const organizationId = a.organizationId ?? null;
    const membership = organizationId !== null ? options.memberships?.get(organizationId) : undefined;
    if (offTheMap(membership, options, left)) { withheldOrganizations.add(organizationId!); continue; }
    const recorded = organizationId !== null ? options.organizationNames?.get(organizationId) : undefined;
    const name = (recorded ?? a.organization).replace(/\s+/g, ' ').trim() || `Unnamed organisation (application ${a.id})`;
    // One node per organisation (organizations table); an application written before organisations
    // existed (none should remain after the migration) falls back to its name and country.
    const key = organizationId !== null ? `#${organizationId}` : `${normaliseName(name) || name.toLowerCase()}|${a.country ?? ''}`;
    // Placed where members place it; an organisation with no place recorded, where its applications are.
    const recordedPlace = organizationId !== null ? options.organizationPlaces?.get(organizationId) : undefined;
    const place = recordedPlace && (recordedPlace.country || recordedPlace.countryRaw || recordedPlace.region) ? recordedPlace : undefined;
    let org = byKey.get(key);
    if (!org) {
      const where = place ?? { country: a.country, countryRaw: a.countryRaw, region: a.region };
      org = {
        kind: 'organization', id: organizationId !== null ? `org-${organizationId}` : `org-${a.id}`, label: name, name,
        applicationIds: [], calls: [], titles: [], countryCode: where.country, country: where.country ? countryName(where.country) : (where.countryRaw?.trim() || null),
        region: where.region && isRegion(where.region) ? where.region : null, languageCode: a.language, language: a.language ? languageName(a.language) : null,
        organizationTypes: [], beneficiaries: [], categoryCodes: [], categories: [], contactPersons: [], emails: [], phones: [],
        url: null, coreGroup: false, score: null, organizationId, personIds: [],
        memberId: membership?.memberId ?? null, roles: membership ? [...membership.roles] : [], status: membership?.status ?? null,
        cohorts: membership ? [...membership.cohorts] : [], applied: true,
      };
      if (holdsCoreGroupSeat(membership)) org.coreGroup = true;
      const contact = consentFlag(membership?.consentContact);
      if (contact !== undefined) org.consentContact = contact;
      if (membership?.consentMap === 'yes') org.consentMap = true;
      byKey.set(key, org);
    }
    org.applicationIds.push(a.id);
    pushUnique(org.calls, a.call);
    org.titles.push({ title: a.title, description: a.description, call: a.call, applicationId: a.id });
    if (!place && !org.region && a.region && isRegion(a.region)) org.region = a.region;
    if (!org.languageCode && a.language) { org.languageCode = a.language; org.language = languageName(a.language); }
    pushUnique(org.organizationTypes, a.organizationType);
    for (const b of a.beneficiaries) pushUnique(org.beneficiaries, b);
    // Only codes of the revised taxonomy become links: each needs its category element.
    for (const c of a.categories) if (known.has(c) && !org.categoryCodes.includes(c)) org.categoryCodes.push(c);
    pushUnique(org.contactPersons, a.contactName);
    pushUnique(org.emails, a.email);
    pushUnique(org.phones, a.phone);
    org.url ??= normaliseUrl(a.website);
    // (a seat of the roster, unless its member has since left it: declined, withdrawn or alumni; not a member yet keeps it)
    if (options.coreGroup?.has(a.id) && (org.status === null || seatKept(org.status))) org.coreGroup = true;
    if (a.score !== null && (org.score === null || a.score > org.score)) org.score = a.score;
  }
  return { byKey, withheldOrganizations, count };
}

/** Organisations of the network that never applied (stakeholders, partners); returns how many were withheld from the map. */
function addOtherOrganizations(byKey: Map<string, OrganizationNode>, options: NetworkOptions, left: Set<number>): number {
  let withheld = 0;
  for (const o of options.organizations ?? []) {
    if (byKey.has(`#${o.organizationId}`)) continue;
    if (offTheMap(o.membership, options, left)) {
      if (o.membership?.consentMap === 'no') withheld++;
      continue;
    }
    const name = o.name.replace(/\s+/g, ' ').trim() || `Unnamed organisation (${o.organizationId})`;
    const m = o.membership;
    const org: OrganizationNode = {
      kind: 'organization', id: `org-${o.organizationId}`, label: name, name, applicationIds: [], calls: [], titles: [],
      countryCode: o.countryCode, country: o.countryCode ? countryName(o.countryCode) : (o.countryRaw?.trim() || null), region: o.region,
      languageCode: o.languageCode, language: o.languageCode ? languageName(o.languageCode) : null,
      organizationTypes: o.organizationType ? [o.organizationType] : [], beneficiaries: [...o.beneficiaries], categoryCodes: [], categories: [],
      contactPersons: [...o.contactPersons], emails: [...o.emails], phones: [...o.phones], url: normaliseUrl(o.website),
      coreGroup: holdsCoreGroupSeat(m), score: null, organizationId: o.organizationId, personIds: [...o.personIds],
      memberId: m?.memberId ?? null, roles: m ? [...m.roles] : [], status: m?.status ?? null, cohorts: m ? [...m.cohorts] : [], applied: false,
    };
    const contact = consentFlag(m?.consentContact);
    if (contact !== undefined) org.consentContact = contact;
    if (m?.consentMap === 'yes') org.consentMap = true;
    byKey.set(`#${o.organizationId}`, org);
  }
  return withheld;
}

/**
 * Person nodes: members in their own right and contact persons, each with their organisation's
 * consent (a person goes with theirs); returns how many members were withheld.
 */
function personNodes(organizations: OrganizationNode[], withheldOrganizations: Set<number>, options: NetworkOptions, left: Set<number>): { persons: PersonNode[]; withheld: number } {
  let withheld = 0;
  const organizationNodes = new Map(organizations.filter((o) => o.organizationId !== null).map((o) => [o.organizationId!, o]));
  const persons: PersonNode[] = [];
  const seenPersons = new Set<number>();
  for (const p of options.persons ?? []) {
    if (seenPersons.has(p.personId)) continue;
    // A contact person goes with their organisation's consent; a member in their own right with theirs.
    const owner = p.organizationId !== null ? organizationNodes.get(p.organizationId) : undefined;
    const membership = p.membership;
    if (offTheMap(membership, options, left) || (!membership && p.organizationId !== null && (withheldOrganizations.has(p.organizationId) || !owner))) {
      if (membership?.consentMap === 'no') withheld++;
      continue;
    }
    seenPersons.add(p.personId);
    const node: PersonNode = {
      kind: 'person', id: `person-${p.personId}`, label: p.name, name: p.name, personId: p.personId,
      organizationNodeId: owner?.id ?? null, organization: p.organization, countryCode: p.countryCode,
      country: p.countryCode ? countryName(p.countryCode) : null, region: p.region, languageCode: p.languageCode,
      language: p.languageCode ? languageName(p.languageCode) : null, emails: [...p.emails], phones: [...p.phones],
      memberId: membership?.memberId ?? null, roles: membership ? [...membership.roles] : [], status: membership?.status ?? null,
    };
    const contact = consentFlag(membership ? membership.consentContact : owner?.consentContact === false ? 'no' : undefined);
    if (contact !== undefined) node.consentContact = contact;
    persons.push(node);
  }
  return { persons, withheld };
}

/** Links: organisation → category, region and target group, person → organisation (else region), and the peer links. */
function networkLinks(
  organizations: OrganizationNode[], persons: PersonNode[], groups: ReadonlyMap<OrganizationNode, TargetGroupNode[]>, options: NetworkOptions,
): { links: NetworkLink[]; peerLinksDropped: number } {
  const links: NetworkLink[] = [];
  for (const org of organizations) {
    for (const code of org.categoryCodes) {
      links.push({ id: `${org.id}--${categoryId(code)}`, from: org.id, to: categoryId(code), type: CONNECTION_TYPES.worksOn, direction: 'directed', strength: 1 });
    }
    if (org.region) {
      links.push({ id: `${org.id}--${regionId(org.region)}`, from: org.id, to: regionId(org.region), type: CONNECTION_TYPES.basedIn, direction: 'directed', strength: 1 });
    }
    for (const g of groups.get(org) ?? []) {
      links.push({ id: `${org.id}--${g.id}`, from: org.id, to: g.id, type: CONNECTION_TYPES.serves, direction: 'directed', strength: 1 });
    }
  }
  for (const p of persons) {
    if (p.organizationNodeId) {
      links.push({ id: `${p.id}--${p.organizationNodeId}`, from: p.id, to: p.organizationNodeId, type: CONNECTION_TYPES.worksAt, direction: 'directed', strength: 1 });
    } else if (p.region) {
      links.push({ id: `${p.id}--${regionId(p.region)}`, from: p.id, to: regionId(p.region), type: CONNECTION_TYPES.basedIn, direction: 'directed', strength: 1 });
    }
  }
  let peerLinksDropped = 0;
  if (options.peerLinks && options.peerLinks > 0) {
    const peers = peerLinks(organizations, options.peerLinks);
    // (a loop, not push(...): a large call's peer links are more arguments than a call may take)
    for (const link of peers.links) links.push(link);
    peerLinksDropped = peers.dropped;
  }
  return { links, peerLinksDropped };
}

/** Two persons of one name get their organisation (or ID) added, as organisations get their country. */
function disambiguatePersonLabels(persons: PersonNode[]): void {
  const groups = new Map<string, PersonNode[]>();
  for (const p of persons) groups.set(p.label.toLowerCase(), [...(groups.get(p.label.toLowerCase()) ?? []), p]);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const p of group) p.label = `${p.name} (${p.organization ?? p.id})`;
    const again = new Map<string, number>();
    for (const p of group) again.set(p.label.toLowerCase(), (again.get(p.label.toLowerCase()) ?? 0) + 1);
    for (const p of group) if (again.get(p.label.toLowerCase())! > 1) p.label = `${p.name} (${p.id})`;
  }
}

/** A website as a link Kumu opens on double-click: scheme added when missing, junk dropped. */
export function normaliseUrl(text: string | null): string | null {
  const t = text?.trim();
  if (!t || /\s/.test(t)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`;
  try {
    const u = new URL(withScheme);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if (!u.hostname.includes('.')) return null;
    return u.toString();
  } catch {
    return null;
  }
}

/**
 * Two organisations that share a name (e.g. "Ministry of Labour" in two countries) get the
 * country added to their label; if that still clashes, their element ID. Labels that clash
 * with a category or region label are disambiguated the same way.
 */
function disambiguateLabels(organizations: OrganizationNode[]): void {
  const reserved = new Set([...REGIONS, ...taxonomy().revised.map((c) => c.short.en)].map((l) => l.toLowerCase()));
  const groups = new Map<string, OrganizationNode[]>();
  for (const org of organizations) {
    const k = org.label.toLowerCase();
    const group = groups.get(k);
    if (group) group.push(org);
    else groups.set(k, [org]);
  }
  for (const [k, group] of groups) {
    if (group.length < 2 && !reserved.has(k)) continue;
    for (const org of group) org.label = `${org.name} (${org.country ?? 'country unknown'})`;
    const again = new Map<string, OrganizationNode[]>();
    for (const org of group) again.set(org.label.toLowerCase(), [...(again.get(org.label.toLowerCase()) ?? []), org]);
    for (const clash of again.values()) if (clash.length > 1) for (const org of clash) org.label = `${org.name} (${org.country ?? 'country unknown'}, ${org.id})`;
  }
}

/**
 * Peer links: organisations in the same region that share at least one category. A region with
 * a hundred training providers would otherwise draw thousands of lines, so each organisation
 * keeps at most `cap` peers (at most cap × organisations / 2 links in all).
 *
 * Chosen so that every organisation with a possible peer gets at least one link whenever the cap
 * allows: in round r (0 … cap-1) every organisation that has exactly r links is served, those
 * with the fewest possible peers first (they are the hardest to serve), then by application id;
 * each picks, among peers still under the cap, those sharing the most categories, preferring
 * peers that have no more than r links themselves (so the under-served are linked to each
 * other first), then the best score, then the lowest application id. Deterministic.
 */
function peerLinks(organizations: OrganizationNode[], cap: number): { links: NetworkLink[]; dropped: number } {
  const order = taxonomy().revised.map((c) => c.code);
  const mask = (o: OrganizationNode) => o.categoryCodes.reduce((m, c) => m | (1 << order.indexOf(c)), 0);
  const popcount = (n: number) => { let c = 0; while (n) { n &= n - 1; c++; } return c; };
  const byRegion = new Map<string, OrganizationNode[]>();
  for (const org of organizations) {
    if (!org.region || org.categoryCodes.length === 0) continue;
    let members = byRegion.get(org.region);
    if (!members) byRegion.set(org.region, (members = []));
    members.push(org);
  }
  const links: NetworkLink[] = [];
  let qualifying = 0;
  for (const members of byRegion.values()) {
    // The region's organisations by their place in `members` (typed arrays, numbers for pairs:
    // 20,000 organisations are linked in a fraction of the time maps of objects and string
    // keys took, which also kept Ctrl-C waiting).
    const n = members.length;
    const firstId = Float64Array.from(members, (o) => o.applicationIds[0] ?? Number.MAX_SAFE_INTEGER);
    const score = Float64Array.from(members, (o) => o.score ?? 0);
    const masks = Int32Array.from(members, mask);
    const degree = new Int32Array(n);
    const byScore = (x: number, y: number) => score[y]! - score[x]! || firstId[x]! - firstId[y]!;
    // Organisations with the same set of categories are interchangeable as candidates: bucket
    // them by that set (at most 2^categories buckets), best score first.
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const list = buckets.get(masks[i]!);
      if (list) list.push(i);
      else buckets.set(masks[i]!, [i]);
    }
    for (const list of buckets.values()) list.sort(byScore);
    // For each set of categories: the compatible buckets, grouped by categories shared, most first.
    const levelsOf = new Map<number, number[][]>();
    const possible = new Float64Array(n);
    for (const own of buckets.keys()) {
      const levels = new Map<number, number[]>();
      let count = 0;
      for (const m of buckets.keys()) {
        const both = own & m;
        if (!both) continue;
        count += buckets.get(m)!.length - (m === own ? 1 : 0);
        const shared = popcount(both);
        const level = levels.get(shared);
        if (level) level.push(m);
        else levels.set(shared, [m]);
      }
      levelsOf.set(own, [...levels.keys()].sort((x, y) => y - x).map((k) => levels.get(k)!));
      for (const i of buckets.get(own)!) possible[i] = count;
      qualifying += count * buckets.get(own)!.length;
    }
    const linked = new Set<number>();
    const pairKey = (a: number, b: number) => (a < b ? a * n + b : b * n + a);
    // Per bucket and degree limit t: index before which every member has more than t links.
    // Degrees only grow, so these pointers only move forward (amortised linear scans).
    const heads = new Map<number, number[]>();
    for (const m of buckets.keys()) heads.set(m, new Array(cap).fill(0));
    const firstFree = (org: number, m: number, limit: number): number => {
      const list = buckets.get(m)!;
      const head = heads.get(m)!;
      while (head[limit]! < list.length && degree[list[head[limit]!]!]! > limit) head[limit]!++;
      for (let i = head[limit]!; i < list.length; i++) {
        const peer = list[i]!;
        if (peer === org || degree[peer]! > limit || linked.has(pairKey(org, peer))) continue;
        return peer;
      }
      return -1;
    };
    const choose = (org: number, round: number): number => {
      for (const level of levelsOf.get(masks[org]!)!) {
        for (const limit of round < cap - 1 ? [round, cap - 1] : [cap - 1]) {
          let best = -1;
          for (const m of level) {
            const peer = firstFree(org, m, limit);
            if (peer >= 0 && (best < 0 || byScore(peer, best) < 0)) best = peer;
          }
          if (best >= 0) return best;
        }
      }
      return -1;
    };
    const serving = Array.from(members, (_, i) => i).sort((x, y) => possible[x]! - possible[y]! || firstId[x]! - firstId[y]!);
    for (let round = 0; round < cap; round++) {
      for (const org of serving) {
        if (degree[org] !== round) continue;
        const peer = choose(org, round);
        if (peer < 0) continue;
        const [a, b] = firstId[org]! < firstId[peer]! ? [org, peer] : [peer, org];
        linked.add(pairKey(a, b));
        degree[a]!++;
        degree[b]!++;
        const both = masks[a]! & masks[b]!;
        const shared = order.filter((_, k) => both & (1 << k)).map((c) => categoryName(c));
        links.push({ id: `${members[a]!.id}--${members[b]!.id}`, from: members[a]!.id, to: members[b]!.id, type: CONNECTION_TYPES.peer, direction: 'undirected', shared, strength: shared.length });
      }
    }
  }
  // Every qualifying pair was counted from both ends.
  return { links, dropped: qualifying / 2 - links.length };
}

/** The organisation's profile text for Kumu: each project's title and summary, in Markdown. */
export function organizationDescription(org: OrganizationNode): string {
  const parts: string[] = [];
  for (const t of org.titles) {
    const lines: string[] = [];
    if (t.title?.trim()) lines.push(`**${escapeMarkdown(t.title.trim())}**`);
    // Paragraphs (a blank line) stay paragraphs in Kumu's Markdown; other whitespace is tidied.
    const description = normaliseParagraphs((t.description ?? '').replace(/\r\n?/g, '\n'));
    if (description) lines.push(escapeMarkdown(description));
    lines.push(`_Call ${escapeMarkdown(t.call)}, application ${t.applicationId}_`);
    parts.push(lines.join('\n\n'));
  }
  return parts.join('\n\n---\n\n');
}
