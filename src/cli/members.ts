import { Option, type Command } from 'commander';
import { addAttendanceFilterOptions, addFilterOptions, checkFilterNames, nothingMatches, parseAttendanceFilters, parseFilters, type AttendanceFilterFlags, type FilterFlags } from './filters.js';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, personalOutput, warn, type IO } from './io.js';
import { UsageError } from '../errors.js';
import { csvDelimiter } from '../import/detect.js';
import type { MemberFilters, MemberKind } from '../model.js';
import { renderTable } from '../ui/table.js';
import { memberLabel } from '../ids.js';

export interface MembersOptions {
  dbPath: string;
  filters: MemberFilters;
  format: 'table' | 'json' | 'csv';
  /** --csv: the separator (default ","). */
  delimiter?: string;
}

/** Members of the network: every applicant organisation, stakeholders, partners, ILO staff. */
export async function runMembers(opts: MembersOptions, io: IO): Promise<unknown[]> {
  const { listMembers } = await import('../db/members.js');
  const { memberJson, memberCsvRow, MEMBER_CSV_COLUMNS } = await import('../network/json.js');
  const members = await withDatabase(opts.dbPath, { create: false, io }, (db) => {
    checkFilterNames(db, { call: opts.filters.call, roster: opts.filters.roster, role: opts.filters.role, cohort: opts.filters.cohort });
    return listMembers(db, opts.filters);
  });
  const rows = members.map(memberJson);
  // (the table too names each member's contact person)
  if (rows.length) personalOutput(io);
  if (opts.format === 'json') {
    printJson(io, rows);
  } else if (opts.format === 'csv') {
    const { spreadsheetCsv, overlongCells, overlongWarning, stdoutCsvForExcel } = await import('../export/spreadsheet-csv.js');
    const { safeCell } = await import('../export/escape.js');
    const records = rows.map((r) => memberCsvRow(r).map(safeCell));
    io.stdout.write(spreadsheetCsv(MEMBER_CSV_COLUMNS, records, opts.delimiter, { excel: stdoutCsvForExcel(io.stdoutIsFile, opts.delimiter ?? ','), continues: io.stdoutFileHasText }));
    const overlong = overlongCells(MEMBER_CSV_COLUMNS, records);
    if (overlong.length) warn(io, overlongWarning(overlong, 'skillsnet member show ID or members --json gives the whole text.'));
  } else {
    io.stdout.write(renderTable(io, ['ID', 'Kind', 'Organisation', 'Name', 'Country', 'Lang', 'Roles', 'Status', 'Calls', 'Map', 'Contact'], rows.map((m) => [
      memberLabel(m.id), m.kind === 'organization' ? 'org' : 'person', m.organization ?? '', m.name ?? '', m.country ?? '', m.workingLanguage ?? '',
      [...m.roles.filter((r) => r !== 'core-group'), ...m.cohorts.map((c) => `core-group ${c}`.trim())].join(', '), m.status, m.calls.join(', '), m.consentMap, m.consentContact,
    ]), { cut: [undefined, undefined, 30, 22] }));
    info(io, members.length ? `${members.length} member${members.length === 1 ? '' : 's'}. Details: skillsnet member show member-N; change one: skillsnet member set member-N --status active` : nothingMatches('member', opts.filters));
  }
  return rows;
}

export function registerMembers(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('members')
    .description('list the network\'s members: applicant organisations, stakeholders, partners, ILO staff, with roles, status and consent');
  addAttendanceFilterOptions(addFilterOptions(cmd))
    .option('--cohort <name>', 'only Core Group members of this cohort (e.g. 2020)')
    .addOption(new Option('--kind <kind>', 'only organisations or only persons').choices(['organization', 'person']))
    .option('--json', 'print a JSON array of members (fields in docs/json.md)')
    .option('--csv', 'print CSV (contains contact details: this is a deliberate export)')
    .option('--delimiter <c>', 'with --csv: the separator, e.g. ";" for Excel in a French or Spanish locale (default $SKILLSNET_CSV_DELIMITER, else ",")')
    .addHelpText('after', `
Every organisation that applied to a call is a member (role member); stakeholders, partners and
ILO staff are added with skillsnet member add or member import. --language is the working
language; --call, --category and --roster match members through their applications.

Examples:
  skillsnet members
  skillsnet members --role stakeholder --json
  skillsnet members --role core-group --cohort 2020 --status invited
  skillsnet members --call 2021 --region Africa --csv > africa-2021.csv
  skillsnet members --role core-group --never-attended   # who to follow up after the meetings`)
    .action(async (flags: FilterFlags & AttendanceFilterFlags & { cohort?: string; kind?: MemberKind; json?: boolean; csv?: boolean; delimiter?: string }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      if (flags.json && flags.csv) throw new UsageError('choose one of --json and --csv', { hint: 'e.g. skillsnet members --json, or skillsnet members --csv > members.csv' });
      if (flags.delimiter !== undefined && !flags.csv) throw new UsageError('--delimiter applies to --csv only', { hint: 'add --csv, e.g. skillsnet members --csv --delimiter ";" > members.csv' });
      const delimiter = flags.csv ? csvDelimiter(flags.delimiter, io.env) : undefined;
      const f = parseFilters(flags);
      const filters: MemberFilters = {
        role: f.role, status: f.status, call: f.call, region: f.region, country: f.country, category: f.category, language: f.language,
        roster: f.roster, search: f.search, type: f.type, beneficiary: f.beneficiary, cohort: flags.cohort?.trim(), kind: flags.kind,
        ...parseAttendanceFilters(flags),
      };
      for (const k of Object.keys(filters) as (keyof MemberFilters)[]) if (filters[k] === undefined) delete filters[k];
      await runMembers({ dbPath, filters, format: flags.json ? 'json' : flags.csv ? 'csv' : 'table', delimiter }, io);
    });
}
