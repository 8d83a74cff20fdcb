/**
 * merge, unmerge, withdraw: an officer's decisions about records that are one (a resubmission,
 * the same organisation under two spellings) or out (an application withdrawn). Nothing is
 * deleted: the record merged away is kept, pointing to the one kept (`merged_into`), and every
 * value the merge wrote is in the history, so `unmerge` puts both back as they were.
 *
 *   merge APP APP    the second application is a duplicate of the first (same call): it leaves
 *                    lists, selection and exports; the first takes what it lacks (empty fields, its
 *                    Core Group seats, reviewers' scores, officer categories)
 *   merge org-A org-B  organisation B is organisation A: B's applications, people and member roles
 *                    move to A; A keeps its own values and takes those it lacks
 *   merge member-A member-B  the same for two members (a person added twice)
 */
import { withWriteTransaction, type DB } from '../db/connection.js';
import { applicationRecord } from '../db/applications.js';
import { Change, deleteHistoryEntry, getHistoryEntry, listHistory, undoHistory, type UndoConflict } from '../db/history.js';
import { moveEventRecordsRecorded } from '../db/events.js';
import { getMember, memberContactPerson, memberOfOrganization, memberRecord, memberRoles, personMemberOfAny, personMembersOfOrganization } from '../db/members.js';
import { applicationIdsOfOrganization, latestApplicationPerson, organizationRecord, peopleIdsOfOrganization, recordIdentity } from '../db/organizations.js';
import { normaliseName } from '../text.js';
import { hasRosterSeat, rosterSeatsOfApplication } from '../db/rosters.js';
import { hasReviewerScore, scoreIdsOfApplication } from '../db/scores.js';
import { hasCategoryRow, officerTagRows } from '../db/tags.js';
import { OperationError, UsageError } from '../errors.js';
import { DRY_RUN } from './members.js';
import { subjectExists, subjectLabel, type Subject } from './subjects.js';

export interface MergeResult {
  kind: 'application' | 'organization' | 'member';
  /** The record kept. */
  kept: string;
  /** The record merged into it (kept too, out of lists and exports). */
  merged: string;
  /** What moved or was filled, in words with IDs only (no personal data). */
  steps: string[];
  historyId: number | null;
  dryRun: boolean;
}

const APPLICATION_FILL = ['organization_type', 'contact_name', 'email', 'phone', 'website', 'country_raw', 'country', 'region', 'language', 'working_language', 'title', 'description', 'score', 'submitted_at', 'external_id'];
const ORGANIZATION_FILL = ['organization_type', 'country', 'country_raw', 'region', 'website', 'web_domain', 'notes'];

/**
 * How two records to be merged compare in who they are: the organisation's name (as identity
 * compares it), the email addresses (any in common) and the country, each only when both
 * records have one. `differs` in words (no email address spelled out), `shares` what agrees: a
 * resubmission under another spelling shares its email; two unrelated applications share nothing.
 */
export function compareIdentities(db: DB, keep: Subject, other: Subject): { differs: string[]; shares: string[] } {
  const none = { differs: [], shares: [] };
  if (keep.kind !== other.kind || keep.kind === 'person' || other.kind === 'person') return none;
  const a = recordIdentity(db, keep.kind, keep.id);
  const b = recordIdentity(db, other.kind, other.id);
  if (!a || !b) return none;
  const differs: string[] = [];
  const shares: string[] = [];
  if (a.organization && b.organization) {
    if (normaliseName(a.organization) === normaliseName(b.organization)) shares.push('organisation');
    else differs.push(`organisation "${a.organization}" vs "${b.organization}"`);
  }
  if (a.emails.length && b.emails.length) {
    if (a.emails.some((e) => b.emails.includes(e))) shares.push('email');
    else differs.push('no email address in common');
  }
  if (a.country && b.country) {
    if (a.country === b.country) shares.push('country');
    else differs.push(`country ${a.country} vs ${b.country}`);
  }
  return { differs, shares };
}

/** Merges the second record into the first (both applications, both organisations or both members). */
export function mergeRecords(db: DB, keep: Subject, other: Subject, options: { dryRun?: boolean } = {}): MergeResult {
  if (keep.kind !== other.kind) throw new UsageError(`cannot merge ${subjectLabel(other)} into ${subjectLabel(keep)}: both must be applications, organisations or members`, { hint: 'give two of one kind, e.g. skillsnet merge 212 305, org-4 org-57 or member-3 member-9, with --dry-run first' });
  if (keep.kind === 'person') throw new UsageError('people are merged with their members or organisations: merge member-A member-B, or org-A org-B', { hint: 'find their member IDs with skillsnet members, then e.g. skillsnet merge member-3 member-9 --dry-run' });
  if (keep.id === other.id) throw new UsageError(`${subjectLabel(keep)} is the same record twice`, { hint: 'give the record to keep, then the one that goes into it: skillsnet merge org-4 org-57 --dry-run' });
  for (const s of [keep, other]) if (!subjectExists(db, s)) throw new OperationError(`no ${subjectLabel(s)}`, { hint: 'find IDs with skillsnet list, skillsnet organizations or skillsnet members' });
  const result: MergeResult = { kind: keep.kind as MergeResult['kind'], kept: subjectLabel(keep), merged: subjectLabel(other), steps: [], historyId: null, dryRun: Boolean(options.dryRun) };
  try {
    withWriteTransaction(db, () => {
      const change = new Change(db, 'merge', subjectLabel(other), { kind: keep.kind, kept: keep.id, merged: other.id });
      const contact = keptContact(db, keep);
      if (keep.kind === 'application') mergeApplications(db, change, keep.id, other.id, result.steps);
      else if (keep.kind === 'organization') mergeOrganizations(db, change, keep.id, other.id, result.steps);
      else mergeMembers(db, change, keep.id, other.id, result.steps);
      keepContact(db, change, keep, contact, result.steps);
      change.note({ steps: result.steps.length });
      result.historyId = change.id;
      if (options.dryRun) throw DRY_RUN;
    });
  } catch (e) {
    if (e !== DRY_RUN) throw e;
  }
  if (options.dryRun) result.historyId = null;
  return result;
}

/** The member that stands for a kept organisation or member (null for applications, or an organisation without one). */
function keptMember(db: DB, keep: Subject): number | null {
  return keep.kind === 'member' ? keep.id : keep.kind === 'organization' ? memberOfOrganization(db, keep.id) : null;
}

/** Who the record kept is reached through, before the merge: its contact person and their working language. */
interface KeptContact {
  person: number | null;
  workingLanguage: string | null;
}

/** The contact of the record kept, before the merge (an application merge has none to keep). */
function keptContact(db: DB, keep: Subject): KeptContact {
  const none = { person: null, workingLanguage: null };
  if (keep.kind !== 'organization' && keep.kind !== 'member') return none;
  const member = keptMember(db, keep);
  if (member !== null) {
    const m = getMember(db, member);
    return { person: m?.personId ?? null, workingLanguage: m?.workingLanguage ?? null };
  }
  return keep.kind === 'organization' ? { person: latestApplicationPerson(db, keep.id), workingLanguage: null } : none;
}

/**
 * The record kept keeps its contact person and the language to write to them. A member without
 * a person (or a language) of its own is reached through its latest application, and the
 * applications of the record merged into it may be later: without this, the merged
 * organisation's contact (and language) would take over the kept one's lists, invitations and
 * contacts. Pinned on the member only where it would change; unmerge takes it back.
 */
function keepContact(db: DB, change: Change, keep: Subject, before: KeptContact, steps: string[]): void {
  const member = keptMember(db, keep);
  if (member === null || before.person === null) return;
  if (memberContactPerson(db, member) !== before.person) {
    change.update('members', member, 'person_id', before.person);
    steps.push(`member-${member} keeps its contact person (person-${before.person})`);
  }
  if (before.workingLanguage !== null && getMember(db, member)?.workingLanguage !== before.workingLanguage) {
    change.update('members', member, 'working_language', before.workingLanguage);
    steps.push(`member-${member} keeps its working language (${before.workingLanguage})`);
  }
}

function mergeApplications(db: DB, change: Change, keep: number, other: number, steps: string[]): void {
  const k = applicationRecord(db, keep)!;
  const o = applicationRecord(db, other)!;
  if (k.merged_into !== null) throw new OperationError(`application ${keep} was itself merged into application ${k.merged_into}`, { hint: `merge into ${k.merged_into} instead, or unmerge ${keep} first` });
  if (o.merged_into !== null) throw new OperationError(`application ${other} is already merged into application ${o.merged_into}`, { hint: `skillsnet unmerge ${other} first` });
  if (k.call_id !== o.call_id) {
    throw new OperationError(`applications ${keep} and ${other} belong to different calls: they are two applications, not one sent twice`, {
      hint: k.organization_id !== o.organization_id ? `if they come from one organisation, merge the organisations: skillsnet merge org-${k.organization_id} org-${o.organization_id}` : 'they already belong to one organisation',
    });
  }
  const filled: string[] = [];
  for (const column of APPLICATION_FILL) {
    if ((k[column] === null || k[column] === '') && o[column] !== null && o[column] !== '') {
      change.update('applications', keep, column, o[column]);
      filled.push(column);
    }
  }
  if (k.beneficiaries_json === '[]' && o.beneficiaries_json !== '[]') { change.update('applications', keep, 'beneficiaries_json', o.beneficiaries_json); filled.push('beneficiaries_json'); }
  if (filled.length) steps.push(`application ${keep}: ${filled.length} empty field${filled.length === 1 ? '' : 's'} filled from application ${other} (${filled.join(', ')})`);
  // Core Group seats and alternates move to the application kept, unless it has its own there.
  const seats = rosterSeatsOfApplication(db, other);
  for (const s of seats) {
    if (hasRosterSeat(db, s.roster_id, keep)) continue;
    change.update('roster_members', s.rowid, 'application_id', keep);
    steps.push(`roster ${s.roster_id}: the seat of application ${other} moved to application ${keep}`);
  }
  const scores = scoreIdsOfApplication(db, other);
  let moved = 0;
  for (const s of scores) {
    if (hasReviewerScore(db, keep, s.reviewer)) continue;
    change.update('reviewer_scores', s.id, 'application_id', keep);
    moved++;
  }
  if (moved) steps.push(`${moved} reviewer score${moved === 1 ? '' : 's'} moved to application ${keep}`);
  const tags = officerTagRows(db, other);
  let copied = 0;
  for (const t of tags) {
    if (hasCategoryRow(db, keep, t.category)) continue;
    change.insert('application_categories', { ...t, application_id: keep });
    copied++;
  }
  if (copied) steps.push(`${copied} officer category decision${copied === 1 ? '' : 's'} copied to application ${keep}`);
  change.update('applications', other, 'merged_into', keep);
  steps.push(`application ${other} merged into application ${keep} (kept, out of lists, selection and exports)`);
}

function mergeOrganizations(db: DB, change: Change, keep: number, other: number, steps: string[]): void {
  const k = organizationRecord(db, keep)!;
  const o = organizationRecord(db, other)!;
  if (k.merged_into !== null) throw new OperationError(`org-${keep} was itself merged into org-${k.merged_into}`, { hint: `merge into org-${k.merged_into} instead` });
  if (o.merged_into !== null) throw new OperationError(`org-${other} is already merged into org-${o.merged_into}`, { hint: `skillsnet unmerge org-${other} first` });
  const filled: string[] = [];
  for (const column of ORGANIZATION_FILL) {
    if ((k[column] === null || k[column] === '') && o[column] !== null && o[column] !== '') { change.update('organizations', keep, column, o[column]); filled.push(column); }
  }
  if (k.beneficiaries_json === '[]' && o.beneficiaries_json !== '[]') { change.update('organizations', keep, 'beneficiaries_json', o.beneficiaries_json); filled.push('beneficiaries_json'); }
  if (filled.length) steps.push(`org-${keep}: ${filled.length} empty field${filled.length === 1 ? '' : 's'} filled from org-${other} (${filled.join(', ')})`);
  const apps = applicationIdsOfOrganization(db, other);
  for (const id of apps) change.update('applications', id, 'organization_id', keep);
  if (apps.length) steps.push(`${apps.length} application${apps.length === 1 ? '' : 's'} moved to org-${keep} (${apps.join(', ')})`);
  const people = peopleIdsOfOrganization(db, other);
  for (const id of people) change.update('people', id, 'organization_id', keep);
  if (people.length) steps.push(`${people.length} contact ${people.length === 1 ? 'person' : 'people'} moved to org-${keep}`);
  for (const m of personMembersOfOrganization(db, other)) change.update('members', m, 'organization_id', keep);
  const otherMember = memberOfOrganization(db, other);
  if (otherMember !== null) {
    const keptMember = memberOfOrganization(db, keep);
    if (keptMember === null) {
      change.update('members', otherMember, 'organization_id', keep);
      steps.push(`member-${otherMember} is now org-${keep}'s`);
    } else mergeMembers(db, change, keptMember, otherMember, steps);
  }
  change.update('organizations', other, 'merged_into', keep);
  steps.push(`org-${other} merged into org-${keep} (kept, out of lists and exports; its Kumu ID now stands for org-${keep})`);
}

const CONSENT_RANK: Record<string, number> = { no: 2, yes: 1, unknown: 0 };

function mergeMembers(db: DB, change: Change, keep: number, other: number, steps: string[]): void {
  const k = memberRecord(db, keep);
  const o = memberRecord(db, other);
  if (!k || !o) throw new OperationError(`no member-${!k ? keep : other}`, { hint: 'find member IDs with skillsnet members --search TEXT' });
  if (k.merged_into !== null || o.merged_into !== null) throw new OperationError(`member-${k.merged_into !== null ? keep : other} is already merged`, { hint: 'unmerge it first' });
  const have = new Set(memberRoles(db, keep).map((r) => `${r.role}|${r.cohort}`));
  let roles = 0;
  for (const r of memberRoles(db, other)) {
    if (have.has(`${r.role}|${r.cohort}`)) continue;
    change.insert('member_roles', { member_id: keep, role: r.role, cohort: r.cohort, roster_id: r.roster_id, since: r.since });
    roles++;
  }
  if (roles) steps.push(`member-${keep} gained ${roles} role${roles === 1 ? '' : 's'} of member-${other}`);
  for (const column of ['working_language', 'notes', 'country', 'region'] as const) {
    if (k[column] === null && o[column] !== null) change.update('members', keep, column, o[column]);
  }
  // The other member's person only for a member that has no contact person at all.
  if (k.person_id === null && o.person_id !== null && memberContactPerson(db, keep) === null) change.update('members', keep, 'person_id', o.person_id);
  // A "no" given on either record stands: consent is never widened by a merge.
  for (const column of ['consent_map', 'consent_contact'] as const) {
    if (CONSENT_RANK[o[column]]! > CONSENT_RANK[k[column]]!) { change.update('members', keep, column, o[column]); steps.push(`member-${keep}: ${column.replace('_', ' ')} "${o[column]}" from member-${other}`); }
  }
  const events = moveEventRecordsRecorded(db, change, other, keep);
  if (events) steps.push(`member-${keep} took over ${events} event record${events === 1 ? '' : 's'} of member-${other} (invitations, groups, attendance)`);
  change.update('members', other, 'merged_into', keep);
  steps.push(`member-${other} merged into member-${keep}`);
}

export interface UnmergeResult {
  /** The merge undone (history entry) and the undo's own entry. */
  undone: number;
  historyId: number;
  kept: string;
  merged: string;
  /** Values changed again since the merge: left as they are now. */
  conflicts: UndoConflict[];
  dryRun: boolean;
}

/** The latest merge not undone that merged this record away (or kept it), or the latest merge of all. */
export function findMerge(db: DB, subject: Subject | 'last'): number {
  const merges = listHistory(db, { actions: ['merge'], notUndone: true });
  const found = subject === 'last'
    ? merges[0]
    : merges.find((h) => h.detail.kind === subject.kind && (h.detail.merged === subject.id || h.detail.kept === subject.id));
  if (!found) {
    if (subject !== 'last' && !subjectExists(db, subject)) throw new OperationError(`there is no ${subjectLabel(subject)}`, { hint: 'see the merges with skillsnet history --action merge' });
    throw new OperationError(subject === 'last' ? 'no merge to undo' : `${subjectLabel(subject)} was not merged (or its merge was undone already)`, { hint: 'see the merges with skillsnet history --action merge' });
  }
  return found.id;
}

/** Undoes a merge: both records as they were, every moved application, seat, score, role and filled field back. */
export function unmerge(db: DB, subject: Subject | 'last', options: { dryRun?: boolean } = {}): UnmergeResult {
  let result: UnmergeResult | undefined;
  try {
    withWriteTransaction(db, () => {
      const id = findMerge(db, subject);
      const entry = getHistoryEntry(db, id)!;
      const kind = entry.detail.kind as Subject['kind'];
      const label = (n: unknown) => subjectLabel({ kind, id: Number(n) });
      const { change, conflicts } = undoHistory(db, id, 'unmerge', label(entry.detail.merged));
      result = { undone: id, historyId: change.id, kept: label(entry.detail.kept), merged: label(entry.detail.merged), conflicts, dryRun: Boolean(options.dryRun) };
      if (options.dryRun) throw DRY_RUN;
    });
  } catch (e) {
    if (e !== DRY_RUN) throw e;
  }
  return result!;
}

export interface WithdrawResult {
  subject: string;
  /** What it is now: "withdrawn", or "reinstated" with undo. */
  state: 'withdrawn' | 'reinstated' | 'unchanged';
  historyId: number | null;
  dryRun: boolean;
}

/**
 * Withdraws an application (kept, with its history, but out of lists, selection and exports), or
 * with `undo` puts it back. A member or organisation withdraws as a member: its status becomes
 * withdrawn (member set ID --status active brings it back).
 */
export function withdraw(db: DB, subject: Subject, options: { undo?: boolean; dryRun?: boolean } = {}): WithdrawResult {
  if (!subjectExists(db, subject)) throw new OperationError(`no ${subjectLabel(subject)}`, { hint: 'find IDs with skillsnet list or skillsnet members' });
  const result: WithdrawResult = { subject: subjectLabel(subject), state: 'unchanged', historyId: null, dryRun: Boolean(options.dryRun) };
  try {
    withWriteTransaction(db, () => {
      const change = new Change(db, options.undo ? 'reinstate' : 'withdraw', subjectLabel(subject), {});
      let did = false;
      if (subject.kind === 'application') {
        // (withdrawn already: its date stays, as a member's status does; it was stamped again, a second
        // change in the history, and counted among the several a withdraw asks about)
        const already = applicationRecord(db, subject.id)?.withdrawn_at != null;
        did = !options.undo && already ? false : change.update('applications', subject.id, 'withdrawn_at', options.undo ? null : new Date().toISOString());
      } else {
        const memberId = subject.kind === 'member' ? subject.id : subject.kind === 'organization' ? memberOfOrganization(db, subject.id)
          : personMemberOfAny(db, subject.id);
        if (memberId === null) throw new OperationError(`${subjectLabel(subject)} is not a member`, { hint: 'withdraw an application by its ID (skillsnet withdraw 17)' });
        did = change.update('members', memberId, 'status', options.undo ? 'active' : 'withdrawn');
      }
      result.state = did ? (options.undo ? 'reinstated' : 'withdrawn') : 'unchanged';
      if (did) result.historyId = change.id;
      else deleteHistoryEntry(db, change.id);
      if (options.dryRun) throw DRY_RUN;
    });
  } catch (e) {
    if (e !== DRY_RUN) throw e;
  }
  if (options.dryRun) result.historyId = null;
  return result;
}
