import { checkFilterNames } from './filters.js';
import { withDatabase } from './context.js';
import { info, warn, type IO } from './io.js';
import { getRoster, rosterNamesByApplication } from '../db/rosters.js';
import type { ApplicationFilters } from '../model.js';
import { buildContacts, contactsCsv, contactsOutlookCsv } from '../export/contacts.js';
import { contactsVcf } from '../export/vcard.js';
import { displayPath, plural, resolveOutput, writeOutput } from '../export/write.js';
import { UsageError } from '../errors.js';
import { parseDelimiterOption } from '../import/detect.js';
import { applicationsWithProgress, checkJsonWithStdout, elapsed, finish, unknownRoster, type ExportResult } from './export-common.js';

export const CONTACT_FORMATS = ['csv', 'vcf', 'outlook'] as const;
export type ContactFormat = (typeof CONTACT_FORMATS)[number];

export interface ExportContactsOptions {
  dbPath: string;
  /** The shared list filters; `roster` keeps only that roster's members. */
  filters: ApplicationFilters;
  format: ContactFormat;
  out: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  /** csv only: the separator (Excel in a French or Spanish locale opens ";" files in columns) */
  delimiter?: string;
}

const DESCRIBE: Record<ContactFormat, string> = {
  csv: 'CSV, UTF-8 with BOM',
  vcf: 'vCard 3.0',
  outlook: 'Outlook import CSV',
};

export async function runExportContacts(opts: ExportContactsOptions, io: IO): Promise<ExportResult> {
  const start = performance.now();
  checkJsonWithStdout(opts.json, opts.out);
  if (opts.delimiter !== undefined && opts.format !== 'csv') {
    throw new UsageError(`--delimiter applies to --format csv only`, { hint: 'Outlook and vCard files have fixed formats' });
  }
  const delimiter = opts.delimiter === undefined ? ',' : parseDelimiterOption(opts.delimiter);
  const example = opts.format === 'vcf' ? 'contacts.vcf' : 'contacts.csv';
  const output = resolveOutput(opts.out, { cwd: io.cwd, stdoutAllowed: true, format: opts.format, example });

  const list = await withDatabase(opts.dbPath, { create: false }, (db) => {
    if (opts.filters.roster && !getRoster(db, opts.filters.roster)) throw unknownRoster(db, opts.filters.roster);
    checkFilterNames(db, opts.filters);
    return buildContacts(applicationsWithProgress(db, io, opts.filters), rosterNamesByApplication(db));
  });
  const data = opts.format === 'csv' ? await contactsCsv(list, delimiter) : opts.format === 'outlook' ? await contactsOutlookCsv(list) : contactsVcf(list);
  const counts = { applications: list.applications, contacts: list.contacts.length, merged: list.merged, withoutEmail: list.withoutEmail.length };
  const result: ExportResult = { export: 'contacts', format: opts.format, files: [], stdout: output.kind === 'stdout', dryRun: Boolean(opts.dryRun), counts, ms: 0 };

  const what = `${plural(counts.contacts, 'contact')} from ${plural(counts.applications, 'application')}` +
    (counts.merged ? ` (${plural(counts.merged, 'repeated address', 'repeated addresses')} merged)` : '');
  if (counts.applications === 0) warn(io, 'no application matches: the list is empty (see what the filters match with skillsnet list and the same options)');
  if (list.withoutEmail.length) {
    const sample = list.withoutEmail.slice(0, 5).join(', ');
    warn(io, `${plural(list.withoutEmail.length, 'application')} without a usable email address ${list.withoutEmail.length === 1 ? 'is' : 'are'} not in the list (application${list.withoutEmail.length === 1 ? '' : 's'} ${sample}${list.withoutEmail.length > 5 ? ', ...' : ''}; see skillsnet show ID)`);
  }
  if (opts.format === 'vcf' && counts.contacts > 3000) {
    info(io, `Note: Google Contacts imports at most 3,000 contacts at a time; split the list with --region or --language if it refuses the file.`);
  }
  if (opts.dryRun) {
    info(io, `Dry run: would write ${what} as ${DESCRIBE[opts.format]}. Nothing was written.`);
    result.ms = elapsed(start);
    return finish(io, result, opts.json);
  }
  writeOutput(output, data, io.stdout, { force: Boolean(opts.force) });
  if (output.kind === 'file') result.files = [output.path];
  const where = output.kind === 'stdout' ? 'stdout' : displayPath(output.path, io.cwd);
  info(io, `Wrote ${what} to ${where} as ${DESCRIBE[opts.format]}. The file holds personal data: share it only with people who need it.`);
  if (output.kind === 'file') {
    const next: Record<ContactFormat, string> = {
      csv: `open ${where} in Excel, or use it for a mail merge`,
      outlook: `in Outlook, File > Open & Export > Import/Export > Import from another program or file > Comma Separated Values, and choose ${where}`,
      vcf: `import ${where} in Google Contacts (Import), Apple Contacts (File > Import) or Outlook on the web; desktop Outlook reads only the first card of a file, so use --format outlook there`,
    };
    info(io, `Next: ${next[opts.format]}.`);
  }
  result.ms = elapsed(start);
  return finish(io, result, opts.json);
}
