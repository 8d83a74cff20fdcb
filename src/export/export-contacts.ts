/**
 * `export contacts` as a library call: one contact per email address of the matching
 * applications (one row per person, with the latest details), as CSV (for Excel and mail
 * merges), vCard or Outlook's import CSV.
 */
import { inReadSnapshot, type DB } from '../db/connection.js';
import { checkCallScope, checkFilterNames } from '../db/filters.js';
import { getRoster, rosterNamesByApplication } from '../db/rosters.js';
import { UsageError } from '../errors.js';
import { parseDelimiterOption } from '../import/detect.js';
import type { EligibilityFilters } from '../model.js';
import { arrayInSteps, checkpoint, warning, type Callbacks } from '../reporting.js';
import { scoredApplications } from '../selection/candidates.js';
import { contactDetails } from '../db/contacts.js';
import { memberContactLanguages } from '../db/members.js';
import type { Application } from '../model.js';
import { networkActors } from './actors.js';
import { applicationContactSource, buildContactsInSteps, contactsCsv, contactsOutlookCsv, noConsentLeftOut, type ContactSource } from './contacts.js';
import { elapsed, recordExport, type ExportDone, type ExportResult, type ExportTarget } from './export-common.js';
import { unknownRoster } from '../selection/rosters.js';
import { contactsVcfInSteps } from './vcard.js';
import { plural, resolveOutput, writeFileAtomic, type Output } from './write.js';

export const CONTACT_FORMATS = ['csv', 'vcf', 'outlook'] as const;
export type ContactFormat = (typeof CONTACT_FORMATS)[number];

export interface ContactsExportOptions extends ExportTarget {
  /** The shared list filters; `roster` keeps only that roster's members. */
  filters: EligibilityFilters;
  format: ContactFormat;
  /** csv only: the separator (Excel in a French or Spanish locale opens ";" files in columns) */
  delimiter?: string;
  /** Keep members who said no to being contacted (a warning says how many). */
  includeNoConsent?: boolean;
}

/** Where the list goes and with which separator, checked before anything is read. */
export function contactsOutput(options: Pick<ContactsExportOptions, 'out' | 'cwd' | 'format' | 'delimiter'>): { output: Output; delimiter: string } {
  if (options.delimiter !== undefined && options.format !== 'csv') {
    throw new UsageError(`--delimiter applies to --format csv only`, { hint: 'Outlook and vCard files have fixed formats' });
  }
  const delimiter = options.delimiter === undefined ? ',' : parseDelimiterOption(options.delimiter);
  const example = options.format === 'vcf' ? 'contacts.vcf' : 'contacts.csv';
  return { delimiter, output: resolveOutput(options.out, { cwd: options.cwd, stdoutAllowed: true, format: options.format, example }) };
}

/**
 * The applications as contact records, with what the Application does not carry: the form's
 * given and family names, the contact person as recorded and the working language their member
 * is written to in (as `members` and the invitations), when the call was imported, the rosters.
 */
export function* applicationSources(db: DB, applications: Iterable<Application>): Generator<ContactSource> {
  const details = contactDetails(db);
  const languages = memberContactLanguages(db);
  const rosters = rosterNamesByApplication(db);
  for (const a of applications) {
    const d = details.get(a.id);
    const memberLanguage = d?.person ? languages.get(d.person.id) : undefined;
    yield applicationContactSource(a, { ...d, memberLanguage, rosters: rosters.get(a.id) ?? [] });
  }
}

/**
 * Writes the contact list of the matching applications (same address on several applications:
 * one contact). Warnings: an empty list, applications without a usable email address.
 */
export async function exportContacts(db: DB, options: ContactsExportOptions, callbacks: Callbacks = {}): Promise<ExportDone> {
  const start = performance.now();
  const { output, delimiter } = contactsOutput(options);
  const warn = (code: string, message: string) => callbacks.onWarning?.(warning(code, message));
  if (options.filters.roster && !getRoster(db, options.filters.roster)) throw unknownRoster(db, options.filters.roster);
  checkFilterNames(db, options.filters);
  checkCallScope(db, options.filters, { scores: false });
  // Checkpoints between the steps: Ctrl-C is answered there (nothing is written before the end).
  // All read in one snapshot: another command's change committed during a pause is wholly in or out.
  const pause = () => checkpoint(callbacks.signal);
  const list = await inReadSnapshot(db, async () => {
    await pause();
    const actors = networkActors(db, options.filters);
    await pause();
    const applications = await arrayInSteps(scoredApplications(db, options.filters, callbacks), pause);
    await pause();
    return buildContactsInSteps(applications, rosterNamesByApplication(db), {
      memberships: actors.memberships, members: actors.membersWithoutApplications, includeNoConsent: options.includeNoConsent, includeWithdrawn: options.filters.status === 'withdrawn', organizationNames: actors.organizationNames,
      detailsOfApplication: contactDetails(db), memberLanguages: memberContactLanguages(db),
    }, pause);
  });
  await pause();
  const data = options.format === 'csv' ? await contactsCsv(list, delimiter, pause) : options.format === 'outlook' ? await contactsOutlookCsv(list, pause) : await contactsVcfInSteps(list, pause);
  await pause();
  const counts = { applications: list.applications, members: list.members, contacts: list.contacts.length, merged: list.merged, withoutEmail: list.withoutEmail.length, membersWithoutEmail: list.membersWithoutEmail ?? 0, noConsent: list.noConsent, withdrawn: list.withdrawn };
  const result: ExportResult = { export: 'contacts', format: options.format, files: [], stdout: output.kind === 'stdout', dryRun: Boolean(options.dryRun), counts, ms: 0 };
  if (list.noConsent && options.includeNoConsent) {
    warn('no-consent', `${plural(list.noConsent, 'member')} who said no to being contacted ${list.noConsent === 1 ? 'is' : 'are'} in the list (--include-no-consent): write to them only if you must, and not for a mailing`);
  } else if (list.noConsent) {
    callbacks.onStatus?.(`${noConsentLeftOut(list.noConsent)} (--include-no-consent to keep them)`);
  }
  if (list.withdrawn) callbacks.onStatus?.(`${plural(list.withdrawn, 'member')} who withdrew from the network ${list.withdrawn === 1 ? 'is' : 'are'} left out (--status withdrawn lists them)`);
  if (counts.applications === 0 && counts.members === 0 && counts.membersWithoutEmail === 0) warn('empty', 'no application matches: the list is empty (see what the filters match with skillsnet list and the same options)');
  if (counts.membersWithoutEmail) {
    // (named, as the applications without one are: "2 members" left the officer to look for them)
    const ids = (list.membersWithoutEmailIds ?? []).map((id) => `member-${id}`);
    const named = ids.length ? `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', ...' : ''}; ` : '';
    warn('member-without-email', `${plural(counts.membersWithoutEmail, 'member who never applied has', 'members who never applied have')} no email address on record and ${counts.membersWithoutEmail === 1 ? 'is' : 'are'} not in the list (${named}give one with skillsnet member add --organization NAME --email ADDRESS)`);
  }
  if (list.withoutEmail.length) {
    const sample = list.withoutEmail.slice(0, 5).join(', ');
    warn('without-email', `${plural(list.withoutEmail.length, 'application')} without a usable email address ${list.withoutEmail.length === 1 ? 'is' : 'are'} not in the list (application${list.withoutEmail.length === 1 ? '' : 's'} ${sample}${list.withoutEmail.length > 5 ? ', ...' : ''}; see skillsnet show ID)`);
  }
  const done: ExportDone = { result, output };
  if (!options.dryRun) {
    if (output.kind === 'stdout') done.text = data;
    else {
      writeFileAtomic(output.path, data, { force: Boolean(options.force), stdout: true });
      result.files = [output.path];
    }
    recordExport(db, result, {
      records: list.contacts.length, contacts: list.contacts.length, withNames: true, withContactDetails: true,
      organizationIds: list.contacts.flatMap((c) => c.organizationIds), personIds: list.contacts.flatMap((c) => c.personIds),
    }, callbacks);
  }
  result.ms = elapsed(start);
  return done;
}
