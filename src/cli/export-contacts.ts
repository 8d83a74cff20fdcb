import { withDatabase } from './context.js';
import { info, personalOutput, type IO } from './io.js';
import type { EligibilityFilters } from '../model.js';
import { contactsOutput, exportContacts, type ContactFormat } from '../export/export-contacts.js';
import { csvDelimiter } from '../import/detect.js';
import { displayPath, plural } from '../export/write.js';
import { callbacksFor } from '../ui/callbacks.js';
import { checkJsonWithStdout, elapsed, EXPORT_PROGRESS_MIN, finish, type ExportResult } from './export-common.js';

export { CONTACT_FORMATS, type ContactFormat } from '../export/export-contacts.js';

export interface ExportContactsOptions {
  /** Keep members who said no to being contacted (with a warning). */
  includeNoConsent?: boolean;
  dbPath: string;
  /** The shared list filters; `roster` keeps only that roster's members. */
  filters: EligibilityFilters;
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
  // (the office's separator, $SKILLSNET_CSV_DELIMITER, where --delimiter is not given: CSV only, Outlook's and vCard's formats are fixed)
  const options = { ...opts, cwd: io.cwd, delimiter: opts.format === 'csv' ? csvDelimiter(opts.delimiter, io.env) : opts.delimiter };
  contactsOutput(options);
  const { result, output, text } = await withDatabase(opts.dbPath, { create: false, io }, (db) =>
    exportContacts(db, options, callbacksFor(io, { minProgressTotal: EXPORT_PROGRESS_MIN })));
  const counts = result.counts;
  // (members who never applied are no applications: counted apart)
  const from = [
    counts.applications || !counts.members ? plural(counts.applications, 'application') : null,
    counts.members ? plural(counts.members, 'member who never applied', 'members who never applied') : null,
  ].filter(Boolean).join(' and ');
  const what = `${plural(counts.contacts, 'contact')} from ${from}` +
    (counts.merged ? ` (${plural(counts.merged, 'repeated address', 'repeated addresses')} merged)` : '');
  if (opts.format === 'vcf' && counts.contacts > 3000) {
    info(io, `Note: Google Contacts imports at most 3,000 contacts at a time; split the list with --region or --language if it refuses the file.`);
  }
  if (opts.dryRun) {
    info(io, `Dry run: would write ${what} as ${DESCRIBE[opts.format]}. Nothing was written.`);
    result.ms = elapsed(start);
    return finish(io, result, opts.json);
  }
  if (text !== undefined) {
    personalOutput(io);
    io.stdout.write(text);
  }
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
