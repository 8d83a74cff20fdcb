import type { Command } from 'commander';
import { addFilterOptions, checkFilterNames, nothingMatches, parseFilters, type FilterFlags } from './filters.js';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, personalOutput, warn, type IO } from './io.js';
import { listApplications } from '../db/applications.js';
import type { LikelyDuplicate } from '../import/duplicates.js';
import type { Application, ApplicationFilters } from '../model.js';
import { renderTable, truncate } from '../ui/table.js';
import { UsageError } from '../errors.js';
import { csvDelimiter } from '../import/detect.js';

export interface ListOptions {
  dbPath: string;
  filters: ApplicationFilters;
  format: 'table' | 'json' | 'csv';
  limit?: number;
  /** Only applications that look like another of their call (and the one they look like), side by side. */
  duplicates?: boolean;
  /** --csv: the separator (default ","); ";" also writes scores with a decimal comma. */
  delimiter?: string;
}

/** The columns of `list --csv`, in the list --json field order. */
export const LIST_CSV_COLUMNS: Array<keyof Application> = [
  'id', 'externalId', 'call', 'organization', 'organizationType', 'contactName', 'email', 'phone', 'website',
  'country', 'region', 'language', 'title', 'description', 'beneficiaries', 'categories', 'score',
];

export async function runList(opts: ListOptions, io: IO): Promise<Application[]> {
  let duplicates: Map<number, LikelyDuplicate> | undefined;
  // Reviewers' combined scores (scores import): the score select ranks by, beside the file's own
  // (in the table and --json; the CSV's columns are LIST_CSV_COLUMNS, without them).
  let reviewers = new Map<number, number>();
  const combinedScores = opts.format === 'csv' ? undefined : (await import('../selection/scores.js')).combinedScores;
  const groups = opts.duplicates ? (await import('../import/duplicates.js')).duplicateGroups : undefined;
  const applications = await withDatabase(opts.dbPath, { create: false, io }, (db) => {
    checkFilterNames(db, opts.filters);
    if (combinedScores) reviewers = new Map([...combinedScores(db)].map(([id, c]) => [id, c.combined]));
    if (!groups) return listApplications(db, opts.filters);
    const found = groups(db, opts.filters);
    duplicates = found.duplicates;
    return found.applications;
  });
  const shown = opts.limit !== undefined ? applications.slice(0, opts.limit) : applications;
  if (opts.format !== 'table') personalOutput(io);
  if (opts.format === 'json') {
    const withReviewers = shown.map((a) => ({ ...a, reviewersScore: reviewers.get(a.id) ?? null }));
    printJson(io, duplicates ? withReviewers.map((a) => ({ ...a, duplicateOf: duplicates!.get(a.id)?.duplicateOf ?? null, duplicateReason: duplicates!.get(a.id)?.reason ?? null })) : withReviewers);
  } else if (opts.format === 'csv') {
    const { spreadsheetCsv, spreadsheetNumber, overlongCells, overlongWarning, stdoutCsvForExcel } = await import('../export/spreadsheet-csv.js');
    const { safeCell } = await import('../export/escape.js');
    const delimiter = opts.delimiter ?? ',';
    const records = shown.map((a) => [
      ...LIST_CSV_COLUMNS.map((k) => {
        const v = a[k];
        if (typeof v === 'number') return spreadsheetNumber(v, delimiter);
        return safeCell(Array.isArray(v) ? v.join('|') : (v as string | number | null));
      }),
      ...(duplicates ? [duplicates.get(a.id)?.duplicateOf ?? '', duplicates.get(a.id)?.reason ?? ''] : []),
    ]);
    const header = [...(LIST_CSV_COLUMNS as string[]), ...(duplicates ? ['duplicateOf', 'duplicateReason'] : [])];
    io.stdout.write(spreadsheetCsv(header, records, delimiter, { excel: stdoutCsvForExcel(io.stdoutIsFile, delimiter), continues: io.stdoutFileHasText }));
    const overlong = overlongCells(header, records);
    if (overlong.length) warn(io, overlongWarning(overlong.map((c) => ({ ...c, record: `application ${c.record}` })), 'skillsnet show ID or list --json gives the whole text.'));
  } else {
    // The file's own score, and the reviewers' combined one (0-10) where they scored: select ranks by the latter.
    const anyReviewed = shown.some((a) => reviewers.has(a.id));
    const rows = shown.map((a) => [
      a.id,
      a.organization + state(a),
      a.call,
      a.country ?? (a.countryRaw ? `?${a.countryRaw}` : ''),
      a.region ?? '',
      a.language ?? '',
      a.categories.join(', '),
      a.score ?? '',
      ...(anyReviewed ? [reviewers.has(a.id) ? Number(reviewers.get(a.id)!.toFixed(2)) : ''] : []),
      ...(duplicates ? [duplicates.get(a.id) ? `#${duplicates.get(a.id)!.duplicateOf}: ${duplicates.get(a.id)!.reason}` : ''] : []),
    ]);
    const headers = ['ID', 'Organisation', 'Call', 'Country', 'Region', 'Lang', 'Categories', 'Score', ...(anyReviewed ? ['Reviewers'] : []), ...(duplicates ? ['Looks like'] : [])];
    // Cut to fit only in a boxed table: piped lines (| cut -f2) and records keep the whole name.
    const cut = [undefined, (row: number) => truncate(shown[row]!.organization, 34) + state(shown[row]!), undefined, (row: number) => shown[row]!.country ?? (shown[row]!.countryRaw ? `?${truncate(shown[row]!.countryRaw, 10)}` : '')];
    io.stdout.write(renderTable(io, headers, rows, { cut }));
    const more = applications.length - shown.length;
    if (!applications.length && !duplicates) {
      info(io, nothingMatches('application', opts.filters));
    } else if (duplicates && !applications.length) {
      info(io, 'No application looks like another one of its call (same email and organisation, same organisation and title, or same email and title).');
    } else {
      info(io, `${applications.length} application${applications.length === 1 ? '' : 's'}${more > 0 ? ` (${shown.length} shown; --limit to see more)` : ''}. Details: skillsnet show ID` +
        (duplicates ? '; keep one out of a Core Group with skillsnet select --exclude ID' : '') +
        (anyReviewed ? '. Reviewers: the reviewers\' combined score (0-10), which select ranks by' : ''));
    }
  }
  return shown;
}

export function registerList(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('list')
    .description('list applications, filtered by region, country, category, language, call, roster or text');
  addFilterOptions(cmd)
    .option('--json', 'print a JSON array of applications (fields in docs/json.md)')
    .option('--csv', 'print CSV (contains contact details: this is a deliberate export)')
    .option('--delimiter <c>', 'with --csv: the separator, e.g. ";" for Excel in a French or Spanish locale, which also writes scores "8,5" (default $SKILLSNET_CSV_DELIMITER, else ",")')
    .option('--limit <n>', 'show at most n applications')
    .option('--withdrawn', 'also withdrawn applications and those merged into another (left out otherwise; withdrawnAt and mergedInto say which)')
    .option('--duplicates', 'only applications that look like another of their call (a resubmission under a new ID, the same title from another address), side by side; with a filter, the pairs it touches, both sides')
    .addHelpText(
      'after',
      `
Output redirected to a file holds personal data: a file the shell has just created for it
(> FILE) is made readable by you only (0600); appending (>>) to an older file, or a pipe, leaves
it readable as your umask and that file allow (a warning says so). A full disk is exit 1.

Examples:
  skillsnet list --region "Arab States"
  skillsnet list --country Mexique --language es
  skillsnet list --category life-skills --json
  skillsnet list --roster core-2020 --csv > core.csv
  skillsnet list --roster core-2020 --csv --delimiter ";" > core.csv   # Excel in French or Spanish
  skillsnet list --search apprenticeship --limit 20
  skillsnet list --duplicates
  skillsnet list --withdrawn --json`,
    )
    .action(async (flags: FilterFlags & { json?: boolean; csv?: boolean; limit?: string; duplicates?: boolean; withdrawn?: boolean; delimiter?: string }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      if (flags.json && flags.csv) throw new UsageError('choose one of --json and --csv', { hint: 'e.g. skillsnet list --json, or skillsnet list --csv > applications.csv' });
      if (flags.delimiter !== undefined && !flags.csv) throw new UsageError('--delimiter applies to --csv only', { hint: 'add --csv, e.g. skillsnet list --csv --delimiter ";" > applications.csv' });
      const delimiter = flags.csv ? csvDelimiter(flags.delimiter, io.env) : undefined;
      let limit: number | undefined;
      if (flags.limit !== undefined) {
        limit = Number(flags.limit);
        if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit needs a whole number, got "${flags.limit}"`, { hint: 'e.g. --limit 20' });
      }
      await runList({ dbPath, filters: { ...parseFilters(flags), ...(flags.withdrawn ? { includeWithdrawn: true } : {}) }, format: flags.json ? 'json' : flags.csv ? 'csv' : 'table', limit, duplicates: flags.duplicates, delimiter }, io);
    });
}

/** What the list says after a name: withdrawn, or merged into another application. */
function state(a: Application): string {
  return a.withdrawnAt ? ' (withdrawn)' : a.mergedInto ? ` (merged into #${a.mergedInto})` : '';
}
