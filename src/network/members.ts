/**
 * The network's members as a library: add one (member add), import a list of stakeholders from
 * any spreadsheet the application import reads (member import), change one (member set), and make
 * a selected roster's organisations the Core Group of their cohort (roster accept). Every change
 * is recorded in the history (db/history.ts) with the values it replaced.
 */
import { getApplication } from '../db/applications.js';
import { withWriteTransaction, type DB } from '../db/connection.js';
import { Change, deleteHistoryEntry, recordInsertedRow, setHistorySubject } from '../db/history.js';
import {
  addRole, coreGroupCohorts, coreGroupCohortsOfRoster, rosterOfCohort, coreGroupSeatsOfMember, getMember, listMembers, insertMember, standingContactPerson, memberOfOrganization, memberOfPerson, memberRecord, memberRoles,
  type Member, type MemberRecord,
} from '../db/members.js';
import { ensurePerson, fillOrganizationType, findPerson, insertOrganization } from '../db/organizations.js';
import { getRoster, rosterEntries } from '../db/rosters.js';
import { OperationError, UsageError } from '../errors.js';
import { resolveCountry } from '../geo/countries.js';
import { countryValue, emailValue, languageValue, timeZoneValue } from './values.js';
import { canonicalTerm } from '../import/vocabulary.js';
import { organizationCandidates, organizationsNamedAlike, type OrganizationCandidate } from '../import/organizations.js';
import type { Consent, MemberKind, MemberRole, MemberStatus, Region } from '../model.js';
import { seatKept } from '../model.js';
import { shellArg } from '../text.js';
import { unknownRoster } from '../selection/rosters.js';

/** A member to add: an organisation (with its contact person), or a person in their own right. */
export interface MemberInput {
  /** The organisation's name (for a person: where they work, if anywhere). */
  organization?: string | null;
  name?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  email?: string | null;
  phone?: string | null;
  /** ISO code or a name, as an officer writes it ("Mexique"). */
  country?: string | null;
  /** ISO 639-1 or a name: the working language. */
  language?: string | null;
  role?: MemberRole;
  cohort?: string | null;
  /** Organisation type ("NGO", "ONG": one type). */
  type?: string | null;
  status?: MemberStatus;
  consentMap?: Consent;
  consentContact?: Consent;
  notes?: string | null;
  website?: string | null;
  timeZone?: string | null;
  /** Default: person for role ilo or when no organisation is given, else organisation. */
  kind?: MemberKind;
}

export interface MemberAdded {
  id: number;
  /** false: the organisation (or person) was a member already; the role was added to it. */
  created: boolean;
  kind: MemberKind;
  organizationId: number | null;
  personId: number | null;
  /** The organisation was one already known (certain evidence), with the evidence. */
  matched: OrganizationCandidate | null;
  /** Organisations that may be this one (doubtful evidence): a new one was made; the officer confirms. */
  doubtful: OrganizationCandidate[];
  /** Roles the member gained. */
  rolesAdded: MemberRole[];
  /** Columns of the contact person (known already) that the values given replaced (their old values are in the history). */
  personChanged: string[];
  /** Columns of the member (there already) that the values given changed. */
  memberChanged: string[];
  /** A member there already gained a person (a new contact at its organisation). */
  personAdded: boolean;
}

function resolveWhere(input: MemberInput): { country: string | null; countryRaw: string | null; region: Region | null } {
  const raw = input.country?.trim() || null;
  if (!raw) return { country: null, countryRaw: null, region: null };
  const match = resolveCountry(raw);
  return { country: match?.code ?? null, countryRaw: raw, region: (match?.region as Region | undefined) ?? null };
}

function resolveWorkingLanguage(text: string | null | undefined): string | null {
  return languageValue(text ?? '', '--language');
}

/**
 * Adds a member (inside the caller's transaction): its organisation is found by the same evidence
 * as an application's (a certain match is used, a doubtful one leaves a new organisation and the
 * pair for the officer), its contact person is added or updated, and the role given. An
 * organisation that is a member already gains the role instead.
 */
export function addMemberIn(db: DB, input: MemberInput, source: 'added' | 'import' = 'added'): MemberAdded {
  const organization = input.organization?.replace(/\s+/g, ' ').trim() || null;
  const name = input.name?.replace(/\s+/g, ' ').trim() || [input.givenName, input.familyName].filter((x) => x?.trim()).join(' ').trim() || null;
  const email = input.email?.trim().toLowerCase() || null;
  const role: MemberRole = input.role ?? 'stakeholder';
  const kind: MemberKind = input.kind ?? (role === 'ilo' || !organization ? 'person' : 'organization');
  if (kind === 'organization' && !organization) throw new UsageError('a member organisation needs its name (--organization NAME)', { hint: 'e.g. skillsnet member add --organization "Ministerio de Trabajo" --country PE' });
  if (kind === 'person' && !name && !email) {
    throw new UsageError(organization ? 'a member in their own right needs a name or an email (--name, --email)' : 'a member needs an organisation (--organization NAME), or a name or an email for a person in their own right (--name, --email)', {
      hint: 'e.g. skillsnet member add --organization "Ministerio de Trabajo" --country PE --role stakeholder',
    });
  }
  const where = resolveWhere(input);
  const workingLanguage = resolveWorkingLanguage(input.language);
  const type = input.type?.trim() ? canonicalTerm('organizationTypes', input.type) : null;

  let organizationId: number | null = null;
  let matched: OrganizationCandidate | null = null;
  let doubtful: OrganizationCandidate[] = [];
  if (organization) {
    const candidates = organizationCandidates(db, { name: organization, country: where.country, website: input.website, email: kind === 'organization' ? email : null });
    matched = candidates.find((c) => c.certain) ?? null;
    if (matched) organizationId = matched.organizationId;
    else {
      doubtful = candidates;
      organizationId = insertOrganization(db, {
        name: organization, organizationType: type, country: where.country, countryRaw: where.countryRaw, region: where.region, website: input.website ?? null,
      });
    }
    if (matched && type) fillOrganizationType(db, organizationId!, type);
    // (a member added by hand: its name written a little differently, or without the country, is
    // said as a "did you mean"; an import counts its doubtful pairs for organizations --unconfirmed)
    if (!matched && !doubtful.length && source === 'added') doubtful = organizationsNamedAlike(db, organization, organizationId);
  }
  const change = new Change(db, source === 'import' ? 'member import' : 'member add', 'member', {});
  const person = { name, givenName: input.givenName, familyName: input.familyName, email, phone: input.phone, workingLanguage: kind === 'person' ? workingLanguage : null, timeZone: input.timeZone };
  // A person known already: what the officer gives now replaces what was recorded, in the history with the value it replaced.
  const known = name || email ? findPerson(db, organizationId, person) : undefined;
  const personChanged: string[] = [];
  if (known) {
    const columns: [string, string | null | undefined][] = [['name', person.name], ['given_name', person.givenName], ['family_name', person.familyName], ['phone', person.phone], ['working_language', person.workingLanguage], ['time_zone', person.timeZone]];
    for (const [column, value] of columns) if (value?.trim() && change.update('people', known.id, column, value.trim())) personChanged.push(column);
  }
  const personId = known ? known.id : name || email ? ensurePerson(db, organizationId, person, undefined, { absent: true }) : null;

  let id = kind === 'organization' ? memberOfOrganization(db, organizationId!) : memberOfPerson(db, personId!);
  const created = id === null;
  const memberChanged: string[] = [];
  if (id === null) {
    id = insertMember(db, {
      kind, organizationId, personId, source,
      country: kind === 'person' ? where.country : null, region: kind === 'person' ? where.region : null,
      status: input.status ?? 'active', workingLanguage: kind === 'organization' ? workingLanguage : null,
      consentMap: input.consentMap, consentContact: input.consentContact, notes: input.notes ?? null,
    });
    recordInsertedRow(db, change.id, 'members', id, JSON.stringify({ kind, source }));
  } else {
    // A member already: what the officer gives now fills or replaces what was recorded.
    const m = memberRecord(db, id)!;
    const set = (column: string, value: unknown) => { if (change.update('members', id!, column, value)) memberChanged.push(column); };
    if (input.status) set('status', input.status);
    if (input.consentMap) set('consent_map', input.consentMap);
    if (input.consentContact) set('consent_contact', input.consentContact);
    if (workingLanguage && kind === 'organization') set('working_language', workingLanguage);
    // A note is added once: the same file imported again, or a row given twice, does not repeat it.
    const note = input.notes?.trim();
    if (note && !`\n${m.notes ?? ''}\n`.includes(`\n${note}\n`)) set('notes', m.notes ? `${m.notes}\n${note}` : note);
    // The person becomes the contact only of a member that has none: an applicant organisation's
    // contact is its latest application's person (m.person_id empty), and a colleague added at
    // it must not take over the invitations and contact lists (as a merge keeps A's contact).
    // A withdrawn application's person does not stand in the colleague's way: it kept an
    // organisation whose application was withdrawn writing to the one who applied.
    if (kind === 'organization' && personId !== null && m.person_id === null && standingContactPerson(db, id) === null) set('person_id', personId);
  }
  const rolesAdded: MemberRole[] = [];
  const cohort = role === 'core-group' ? input.cohort?.trim() || '' : '';
  if (addRole(db, id, role, cohort)) rolesAdded.push(role);
  // (a member there already that gained a person: a new contact at its organisation)
  const personAdded = !created && !known && personId !== null;
  change.note({ member: id, created, rolesAdded, personChanged, memberChanged, personAdded: personAdded ? personId : undefined });
  setHistorySubject(db, change.id, `member-${id}`);
  return { id, created, kind, organizationId, personId, matched, doubtful, rolesAdded, personChanged, memberChanged, personAdded };
}

/** member add: one member, in its own transaction (rolled back on a dry run). */
export function addMember(db: DB, input: MemberInput, options: { dryRun?: boolean } = {}): MemberAdded {
  // Typed by hand: checked as edit --set checks them (an import keeps such values with a problem line instead).
  if (input.email) emailValue(input.email, '--email');
  if (input.country) countryValue(input.country, '--country');
  if (input.timeZone) input = { ...input, timeZone: timeZoneValue(input.timeZone, '--time-zone') };
  let added: MemberAdded | undefined;
  try {
    withWriteTransaction(db, () => {
      added = addMemberIn(db, input);
      if (options.dryRun) throw DRY_RUN;
    });
  } catch (e) {
    if (e !== DRY_RUN) throw e;
  }
  return added!;
}

/** Thrown inside a transaction to roll a dry run back. */
export const DRY_RUN = Symbol('dry run');

/** What member set may change. */
export interface MemberChanges {
  role?: MemberRole;
  /** Cohort of a core-group role given with `role`. */
  cohort?: string;
  removeRole?: MemberRole;
  status?: MemberStatus;
  consentMap?: Consent;
  consentContact?: Consent;
  workingLanguage?: string | null;
  notes?: string | null;
  timeZone?: string | null;
}

export interface MemberSetResult {
  member: Member;
  /** Fields whose value changed, by name ("status", "consentMap"...). */
  changed: string[];
  historyId: number | null;
  /** When a Core Group member declined or withdrew: the rosters to replace them in, with the application that holds the seat. */
  replace: SeatToReplace[];
}

/** A Core Group seat a member who declined or withdrew held: where `roster replace` would swap in an alternate. */
export interface SeatToReplace {
  roster: string;
  applicationId: number;
  /**
   * The command that replaces them: `roster replace NAME ID` when someone keeps every quota
   * (replacementOffers checks it), else null and `choices` says what the officer can do.
   */
  command: string | null;
  /** Checked with the roster's quotas: whether an alternate or eligible application can take the seat. Null until checked. */
  feasible?: boolean | null;
  /** Who would take it: the best alternate (from "alternates") or eligible application ("eligible"). */
  incoming?: { id: number; organization: string; from: 'alternates' | 'eligible' } | null;
  /** When nobody fits: the quotas that block (as roster replace names them). */
  binding?: { feature: string; value: string; quota: string }[];
  /** When nobody fits: the commands that leave the seat open or relax the blocking quotas. */
  choices?: string[];
}

/**
 * Checks each seat with the roster's quotas before offering it (planReplacement, nothing
 * written): the command that works when someone fits, else the binding quotas and the two ways
 * out (--leave-open, --relax), so that the offer never promises a replacement that fails.
 */
export async function replacementOffers(db: DB, seats: readonly SeatToReplace[]): Promise<SeatToReplace[]> {
  const { planReplacement } = await import('../selection/replace.js');
  const out: SeatToReplace[] = [];
  // (seats of one roster given up together: each offer made as if the ones before it were taken)
  const swaps = new Map<string, { leaving: number; incoming: number | null }[]>();
  for (const seat of seats) {
    const plain = `skillsnet roster replace ${shellArg(seat.roster)} ${seat.applicationId}`;
    const before = swaps.get(seat.roster) ?? [];
    swaps.set(seat.roster, before);
    try {
      const plan = await planReplacement(db, seat.roster, seat.applicationId, { afterSwaps: before });
      const added = plan.incoming;
      before.push({ leaving: seat.applicationId, incoming: added?.id ?? null });
      out.push({ ...seat, command: plain, feasible: true, incoming: added ? { id: added.id, organization: added.organization, from: plan.result.from === 'eligible' ? 'eligible' : 'alternates' } : null });
    } catch (e) {
      const json = (e as { json?: { binding?: { feature: string; value: string; quota: string }[] } }).json;
      if (!(e instanceof OperationError) || !json) throw e;
      before.push({ leaving: seat.applicationId, incoming: null });
      const binding = (json.binding ?? []).map((b) => ({ feature: b.feature, value: b.value, quota: b.quota }));
      const choices = [`${plain} --leave-open`];
      if (binding.length) choices.push(`${plain} ${binding.map((b) => `--relax "${b.feature}=${b.value}"`).join(' ')}`);
      out.push({ ...seat, command: null, feasible: false, incoming: null, binding, choices });
    }
  }
  return out;
}

/** Changes a member (status, roles, consent, working language, notes), recording the old values. */
export function setMember(db: DB, id: number, changes: MemberChanges, options: { dryRun?: boolean } = {}): MemberSetResult {
  const before = memberRecord(db, id);
  if (!before || before.merged_into !== null) throw unknownMember(db, id);
  let result: MemberSetResult | undefined;
  try {
    withWriteTransaction(db, () => {
      const change = new Change(db, 'member set', `member-${id}`, {});
      const changed: string[] = [];
      const set = (column: keyof MemberRecord, field: string, value: unknown) => { if (change.update('members', id, column, value)) changed.push(field); };
      if (changes.status !== undefined) set('status', 'status', changes.status);
      if (changes.consentMap !== undefined) set('consent_map', 'consentMap', changes.consentMap);
      if (changes.consentContact !== undefined) set('consent_contact', 'consentContact', changes.consentContact);
      if (changes.workingLanguage !== undefined) set('working_language', 'workingLanguage', changes.workingLanguage === null ? null : resolveWorkingLanguage(changes.workingLanguage));
      if (changes.notes !== undefined) set('notes', 'notes', changes.notes?.trim() || null);
      if (changes.timeZone !== undefined) {
        const personId = getMember(db, id)?.personId;
        if (personId == null) throw new OperationError(`member-${id} has no contact person to give a time zone`, { hint: `give one first: skillsnet member set member-${id} ... or skillsnet edit member-${id} --set email=...` });
        if (change.update('people', personId, 'time_zone', changes.timeZone === null ? null : timeZoneValue(changes.timeZone, '--time-zone'))) changed.push('timeZone');
      }
      if (changes.role) {
        const cohort = changes.role === 'core-group' ? changes.cohort?.trim() ?? '' : '';
        const exists = memberRoles(db, id).some((r) => r.role === changes.role && r.cohort === cohort);
        if (!exists) { change.insert('member_roles', { member_id: id, role: changes.role, cohort }); changed.push('roles'); }
      }
      if (changes.removeRole) {
        for (const r of memberRoles(db, id).filter((x) => x.role === changes.removeRole)) change.remove('member_roles', r.rowid);
        if (!changed.includes('roles')) changed.push('roles');
      }
      change.note({ changed });
      // a Core Group member who declines or leaves (withdrawn) frees a seat: offered to an alternate
      const replace = changes.status === 'declined' || changes.status === 'withdrawn' ? declinedSeats(db, id) : [];
      result = { member: getMember(db, id)!, changed, historyId: changed.length ? change.id : null, replace };
      if (!changed.length) deleteHistoryEntry(db, change.id);
      if (options.dryRun) throw DRY_RUN;
    });
  } catch (e) {
    if (e !== DRY_RUN) throw e;
  }
  return result!;
}

/** The Core Group seats a member holds through saved rosters: where `roster replace` would swap in an alternate. */
export function declinedSeats(db: DB, memberId: number): SeatToReplace[] {
  const m = memberRecord(db, memberId);
  if (!m || m.organization_id === null) return [];
  const rows = coreGroupSeatsOfMember(db, m.organization_id, memberId);
  return rows.map((r) => ({ ...r, command: `skillsnet roster replace ${shellArg(r.roster)} ${r.applicationId}` }));
}

/**
 * The Core Group seats an application itself holds (its organisation's seats through other
 * applications are not its own): what `withdraw APPLICATION` leaves held by a withdrawn application.
 */
export function applicationSeats(db: DB, applicationId: number): SeatToReplace[] {
  const organizationId = getApplication(db, applicationId)?.organizationId ?? null;
  const memberId = organizationId === null ? null : memberOfOrganization(db, organizationId);
  return memberId === null ? [] : declinedSeats(db, memberId).filter((s) => s.applicationId === applicationId);
}

export function unknownMember(db: DB, id: number): OperationError {
  const merged = memberRecord(db, id)?.merged_into;
  if (merged) return new OperationError(`member-${id} was merged into member-${merged}`, { hint: `see skillsnet members --json, or undo with skillsnet unmerge member-${id}` });
  return new OperationError(`no member-${id}`, { hint: 'find IDs with skillsnet members --search TEXT (the ID column)' });
}

// ------------------------------------------------------------------ roster accept

export interface RosterAccepted {
  roster: string;
  cohort: string;
  /** Members that became (or already were) Core Group members of the cohort. */
  members: { memberId: number; organizationId: number; applicationId: number; added: boolean; status: MemberStatus }[];
  historyId: number | null;
}

/** The cohort a roster stands for: the call of all its members when they share one, else the roster's name. */
export function defaultCohort(db: DB, roster: string): string {
  const calls = new Set(rosterEntries(db, roster).filter((e) => e.role === 'member').map((e) => e.application.call));
  return calls.size === 1 ? [...calls][0]! : roster;
}

/**
 * Makes a roster's member organisations the Core Group of a cohort: each gets the role
 * core-group (with the cohort and the roster) and, when not already active, the status invited
 * (member set ID --status active once they accept; --status declined offers roster replace).
 */
export function acceptRoster(db: DB, name: string, options: { cohort?: string; dryRun?: boolean } = {}): RosterAccepted {
  const roster = getRoster(db, name);
  // (the one error of the roster commands: a mistyped name gets its "did you mean", as roster show's does)
  if (!roster) throw unknownRoster(db, name);
  const cohort = options.cohort?.trim() || defaultCohort(db, name);
  let result: RosterAccepted | undefined;
  try {
    withWriteTransaction(db, () => {
      const change = new Change(db, 'roster accept', `roster ${roster.id}`, { roster: name, cohort });
      result = { roster: name, cohort, members: [], historyId: change.id };
      for (const e of rosterEntries(db, name)) {
        if (e.role !== 'member' || e.application.organizationId === null) continue;
        const memberId = memberOfOrganization(db, e.application.organizationId);
        if (memberId === null) continue;
        const has = memberRoles(db, memberId).some((r) => r.role === 'core-group' && r.cohort === cohort);
        if (!has) change.insert('member_roles', { member_id: memberId, role: 'core-group', cohort, roster_id: roster.id });
        const m = memberRecord(db, memberId)!;
        if (!has && m.status !== 'invited' && m.status !== 'declined') change.update('members', memberId, 'status', 'invited');
        result.members.push({ memberId, organizationId: e.application.organizationId, applicationId: e.application.id, added: !has, status: memberRecord(db, memberId)!.status });
      }
      if (options.dryRun) throw DRY_RUN;
    });
  } catch (e) {
    if (e !== DRY_RUN) throw e;
  }
  return result!;
}

/**
 * After `roster replace` in an accepted roster: the organisation that stepped in joins the Core
 * Group of the cohort (invited). Returns the members that joined.
 */
export function syncAcceptedRoster(db: DB, name: string): number[] {
  const roster = getRoster(db, name);
  if (!roster) return [];
  const accepted = coreGroupCohortsOfRoster(db, roster.id);
  if (accepted.length !== 1) return [];
  const cohort = accepted[0]!;
  const joined: number[] = [];
  withWriteTransaction(db, () => {
    const change = new Change(db, 'roster accept', `roster ${roster.id}`, { roster: name, cohort, after: 'roster replace' });
    for (const e of rosterEntries(db, name)) {
      if (e.role !== 'member' || e.application.organizationId === null) continue;
      const memberId = memberOfOrganization(db, e.application.organizationId);
      if (memberId === null || memberRoles(db, memberId).some((r) => r.role === 'core-group' && r.cohort === cohort)) continue;
      change.insert('member_roles', { member_id: memberId, role: 'core-group', cohort, roster_id: roster.id });
      change.update('members', memberId, 'status', 'invited');
      joined.push(memberId);
    }
    if (!joined.length) deleteHistoryEntry(db, change.id);
  });
  return joined;
}

/**
 * Seats of earlier cohorts still held (invited or active) by members not in this one: a year later,
 * cohort 2020 stays Core Group on every map and in --role core-group beside 2021's until its
 * members are set alumni, which accepting the new cohort does not do by itself.
 */
export function earlierCohortsHolding(db: DB, cohort: string, joining: readonly number[] = []): { cohort: string; members: number; roster: string | null }[] {
  // (`joining`: the members the accept gives a seat of this cohort; a dry run saved none of them,
  // and counted them among the earlier cohort's seats)
  const inThis = new Set([...listMembers(db, { role: 'core-group', cohort }).map((m) => m.id), ...joining]);
  return coreGroupCohorts(db)
    // (earlier cohorts only, by name as the Core Group's are named, 2020 before 2021: a later one is not retired by an earlier)
    .filter((c) => c.localeCompare(cohort, 'en', { numeric: true }) < 0)
    .map((c) => ({ cohort: c, members: listMembers(db, { role: 'core-group', cohort: c }).filter((m) => !inThis.has(m.id) && seatKept(m.status)).length }))
    .filter((c) => c.members > 0)
    // (the roster that cohort was accepted from: what roster retire takes)
    .map((c) => ({ ...c, roster: rosterOfCohort(db, c.cohort) }));
}

// ------------------------------------------------------------------ roster retire

export interface RosterRetired {
  roster: string;
  cohort: string;
  /** Members whose status became alumni (or would, in a dry run). */
  changed: number[];
  /** Members of the cohort left as they were (declined, withdrawn or alumni already). */
  unchanged: number;
  dryRun: boolean;
}

/**
 * The term of a roster's cohort ends: each of its Core Group members still invited or active
 * becomes alumni, each recorded as `member set --status alumni` records it, all in one transaction.
 */
export function planRetirement(db: DB, name: string, options: { cohort?: string } = {}): { cohort: string; retiring: number[]; unchanged: number } {
  const roster = getRoster(db, name);
  if (!roster) throw unknownRoster(db, name);
  const cohorts = coreGroupCohortsOfRoster(db, roster.id);
  if (!cohorts.length) {
    throw new OperationError(`roster ${name} was never accepted as a Core Group cohort: nobody to retire, nothing changed`, { hint: `its organisations become the Core Group with: skillsnet roster accept ${shellArg(name)}` });
  }
  const wanted = options.cohort?.trim();
  if (wanted !== undefined && !cohorts.includes(wanted)) {
    throw new UsageError(`roster ${name} is the Core Group of cohort ${cohorts.join(', ')}, not ${wanted}`, { hint: `skillsnet roster retire ${shellArg(name)} --cohort ${shellArg(cohorts[0]!)}` });
  }
  if (wanted === undefined && cohorts.length > 1) {
    throw new UsageError(`roster ${name} was accepted as cohorts ${cohorts.join(', ')}: say which one ends`, { hint: `skillsnet roster retire ${shellArg(name)} --cohort ${shellArg(cohorts[0]!)}` });
  }
  const cohort = wanted ?? cohorts[0]!;
  const members = listMembers(db, { role: 'core-group', cohort });
  const retiring = members.filter((m) => seatKept(m.status)).map((m) => m.id);
  return { cohort, retiring, unchanged: members.length - retiring.length };
}

export function retireRoster(db: DB, name: string, options: { cohort?: string; dryRun?: boolean } = {}): RosterRetired {
  const retire = () => {
    // (planned again inside the transaction: what a question on a terminal showed may have moved since)
    const plan = planRetirement(db, name, options);
    if (!options.dryRun) for (const id of plan.retiring) setMember(db, id, { status: 'alumni' });
    return { roster: name, cohort: plan.cohort, changed: plan.retiring, unchanged: plan.unchanged, dryRun: Boolean(options.dryRun) };
  };
  return options.dryRun ? retire() : withWriteTransaction(db, retire);
}
