/**
 * Who the map, graph and contact exports show besides the applications' organisations: every
 * organisation's membership (roles, status, consent), the members who never applied (or whose
 * applications were all withdrawn), persons who are members in their own right, and with
 * --with-people the contact people of organisations.
 *
 * The rule for members without applications: filters that only applications have (call,
 * category, roster, minimum score) leave them out; the others (region, country, language — their
 * working language —, role, status, type, beneficiary, search, and the follow-up ones
 * --never-attended and --attended-less-than) apply to them as to applicants.
 */
import type { DB } from '../db/connection.js';
import { listMembers, membershipRows, organizationPlaces, type Member } from '../db/members.js';
import { organizationNamesById, peopleWithOrganizations } from '../db/organizations.js';
import type { EligibilityFilters, MemberFilters, Region } from '../model.js';
import type { Membership, NetworkOptions, OrganizationSource, PersonSource } from './network.js';

export interface ActorOptions {
  /** Contact people of organisations as elements of their own ("works at" their organisation). */
  withPeople?: boolean;
}

export type NetworkActors = Required<Pick<NetworkOptions, 'memberships' | 'organizations' | 'persons' | 'organizationNames' | 'organizationPlaces' | 'includeWithdrawn'>> & {
  /** Members that appear only through these sources (no application among those exported). */
  membersWithoutApplications: Member[];
};

/** Whether filters that only applications answer are set: then members without applications are left out. */
export function applicationOnlyFilters(filters: EligibilityFilters): boolean {
  return filters.call !== undefined || filters.category !== undefined || filters.roster !== undefined || filters.minScore !== undefined;
}

/** The member filters that stand for the export filters, for members without applications. */
export function memberFiltersFor(filters: EligibilityFilters): MemberFilters {
  const f: MemberFilters = {};
  if (filters.region) f.region = filters.region;
  if (filters.country) f.country = filters.country;
  if (filters.language) f.language = filters.language;
  if (filters.role) f.role = filters.role;
  if (filters.status) f.status = filters.status;
  if (filters.type) f.type = filters.type;
  if (filters.beneficiary) f.beneficiary = filters.beneficiary;
  if (filters.search) f.search = filters.search;
  // the follow-up filters are about the member, applicant or not
  if (filters.neverAttended) f.neverAttended = true;
  if (filters.attendedLessThan !== undefined) f.attendedLessThan = filters.attendedLessThan;
  return f;
}

function membershipOf(m: { memberId: number; roles: Membership['roles']; cohorts: string[]; status: Membership['status']; consentMap: Membership['consentMap']; consentContact: Membership['consentContact'] }): Membership {
  return { memberId: m.memberId, roles: m.roles, cohorts: m.cohorts, status: m.status, consentMap: m.consentMap, consentContact: m.consentContact };
}

/**
 * Members without an application that is not withdrawn, matching the export filters (none when an
 * application-only filter is set). An applicant whose applications were all withdrawn is left out
 * with them, unless it has another role (stakeholder, partner...).
 */
export function membersWithoutApplications(db: DB, filters: EligibilityFilters): Member[] {
  if (applicationOnlyFilters(filters)) return [];
  // SQL keeps the members with no application in force (listing every member of a call of 20,000
  // to keep a few took 2 s); an applicant whose applications were all withdrawn is out with them,
  // unless it has a role of its own.
  return listMembers(db, { ...memberFiltersFor(filters), withoutApplications: true }).filter((m) => m.applicationIds.length === 0 || m.roles.some((r) => r !== 'member'));
}

export function networkActors(db: DB, filters: EligibilityFilters, options: ActorOptions = {}): NetworkActors {
  const memberships = new Map<number, Membership>();
  const personMemberships = new Map<number, Membership>();
  for (const row of membershipRows(db)) {
    if (row.kind === 'organization' && row.organizationId !== null) memberships.set(row.organizationId, membershipOf(row));
    else if (row.kind === 'person' && row.personId !== null) personMemberships.set(row.personId, membershipOf(row));
  }
  const without = membersWithoutApplications(db, filters);
  const organizations: OrganizationSource[] = [];
  const persons: PersonSource[] = [];
  for (const m of without) {
    const membership = m.kind === 'organization' ? memberships.get(m.organizationId!) ?? null : personMemberships.get(m.personId!) ?? null;
    if (m.kind === 'organization' && m.organizationId !== null) {
      organizations.push({
        organizationId: m.organizationId, name: m.organization ?? '', organizationType: m.organizationType, countryCode: m.country, countryRaw: null,
        region: m.region, languageCode: m.workingLanguage, beneficiaries: m.beneficiaries, contactPersons: m.name ? [m.name] : [],
        personIds: m.personId !== null ? [m.personId] : [], emails: m.email ? [m.email] : [], phones: m.phone ? [m.phone] : [], website: null, notes: m.notes,
        membership,
      });
    } else if (m.kind === 'person' && m.personId !== null) {
      persons.push({
        personId: m.personId, name: m.name ?? m.email ?? `person ${m.personId}`, organizationId: m.organizationId, organization: m.organization,
        countryCode: m.country, region: m.region, languageCode: m.workingLanguage, emails: m.email ? [m.email] : [], phones: m.phone ? [m.phone] : [],
        membership,
      });
    }
  }
  if (options.withPeople) {
    for (const p of peopleWithOrganizations(db)) {
      if (personMemberships.has(p.id)) continue; // a member in their own right comes with the members
      persons.push({
        personId: p.id, name: p.name!, organizationId: p.organizationId, organization: p.organization, countryCode: p.country,
        region: (p.region as Region | null) ?? null, languageCode: p.workingLanguage, emails: p.email ? [p.email] : [], phones: p.phone ? [p.phone] : [], membership: null,
      });
    }
  }
  const organizationNames = organizationNamesById(db);
  // Members who withdrew from the network are off the maps, as off the contact lists, unless asked for by name.
  return { memberships, organizations, persons, organizationNames, organizationPlaces: organizationPlaces(db), includeWithdrawn: filters.status === 'withdrawn', membersWithoutApplications: without };
}
