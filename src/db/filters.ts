import type { DB } from './connection.js';
import { UsageError } from '../errors.js';
import type { ApplicationFilters, MemberFilters } from '../model.js';
import { callNames, callsOfApplications, callsWithApplications } from './applications.js';
import { listRosters } from './rosters.js';
import { coreGroupCohorts } from './members.js';
import { shellArg } from '../text.js';
import { meantName, nearestName } from '../suggest.js';

/** "; did you mean "2021"?" for a mistyped name (suggest.ts nearestName), or nothing. */
function nameSuggestion(typed: string, names: readonly string[]): string {
  return meantName(typed, nearestName(typed, names));
}

/**
 * A --call, --roster or --cohort that names nothing in this database is a mistake, not an empty
 * result: say so and list what there is (as --region Narnia does). A cohort is the Core Group's:
 * with another --role it could only ever list no one.
 */
export function checkFilterNames(db: DB, filters: ApplicationFilters & Pick<MemberFilters, 'role' | 'cohort'>): void {
  if (filters.cohort !== undefined) {
    if (filters.role !== undefined && filters.role !== 'core-group') {
      throw new UsageError(`--cohort names a Core Group cohort, and --role ${filters.role} has none`, {
        hint: `use --role core-group --cohort ${shellArg(filters.cohort)}, or drop --cohort`,
      });
    }
    const cohorts = coreGroupCohorts(db);
    if (!cohorts.includes(filters.cohort)) {
      throw new UsageError(`no Core Group cohort "${filters.cohort}" in this database${nameSuggestion(filters.cohort, cohorts)}`, {
        hint: cohorts.length ? `cohorts here: ${cohorts.join(', ')}` : 'accept a roster as a cohort first: skillsnet roster accept NAME --cohort 2020',
      });
    }
  }
  if (filters.call !== undefined) {
    const calls = callNames(db);
    if (!calls.includes(filters.call)) {
      throw new UsageError(`no call named "${filters.call}" in this database${nameSuggestion(filters.call, calls)}`, {
        hint: calls.length ? `calls here: ${calls.join(', ')}` : 'import applications first: skillsnet import FILE --call NAME',
      });
    }
  }
  if (filters.roster !== undefined) {
    const rosters = listRosters(db).map((r) => r.name);
    if (!rosters.includes(filters.roster)) {
      throw new UsageError(`no roster named "${filters.roster}" in this database${nameSuggestion(filters.roster, rosters)}`, {
        hint: rosters.length ? `saved rosters: ${rosters.join(', ')}` : 'make one with skillsnet select --size N --name NAME',
      });
    }
  }
}

/**
 * Whether the filters name some members or applications rather than all of them: --all-calls
 * (taken by every filtering command, meaning what they do without --call) narrows nothing, so a
 * command that does something else without filters (event invite asks whom; engagement lists the
 * active members) must not count it.
 */
export function narrowsSomething(filters: object): boolean {
  return Object.entries(filters).some(([k, v]) => k !== 'allCalls' && v !== undefined);
}

/**
 * Select and every export work on one call unless told otherwise: when the database holds
 * applications of several calls, mixing them (their scores, their Core Groups) must be said
 * with --all-calls, or one call chosen with --call. A roster filter already names its own
 * applications. With one call nothing is asked, nor when the other filters choose applications
 * of one call only (or none: members who never applied). `scores: false` for an export that ranks nothing
 * (contacts), whose --all-calls checks no scale.
 */
export function checkCallScope(db: DB, filters: ApplicationFilters, options: { scores?: boolean } = {}): void {
  if (filters.allCalls && filters.call !== undefined) {
    throw new UsageError('--call and --all-calls contradict each other', { hint: `keep --call ${shellArg(filters.call)} for that call only, or --all-calls for every call` });
  }
  if (filters.call !== undefined || filters.allCalls || filters.roster !== undefined) return;
  if (callsWithApplications(db).length < 2) return;
  // Only the calls of the applications the other filters choose: `--role stakeholder` (members
  // who never applied) chooses none, and was asked for a call, whose --call then left every
  // stakeholder out (a call filter keeps applicants only).
  const calls = callsOfApplications(db, filters);
  if (calls.length < 2) return;
  const quoted = calls.map(shellArg);
  throw new UsageError(`this database holds ${calls.length} calls (${calls.join(', ')}): say which with --call NAME, or use them together with --all-calls`, {
    // (a contact list ranks nothing: its --all-calls checks no scores, and the hint must not say it does)
    hint: `for example --call ${quoted[quoted.length - 1]}, or --all-calls ${options.scores === false ? 'for the contacts of every call' : "(each call's scores are then checked for a common scale)"}`,
  });
}
