import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, personalOutput, type IO } from './io.js';
import { addAttendanceFilterOptions, addFilterOptions, addOptionOnce, parseAttendanceFilters, parseFilters, type AttendanceFilterFlags, type FilterFlags } from './filters.js';
import { UsageError } from '../errors.js';
import { isMemberRole, MEMBER_ROLES, type MemberFilters, type MemberRole } from '../model.js';
import { renderTable } from '../ui/table.js';
import type { EngagementRow } from '../events/engagement-report.js';
import { memberLabel } from '../ids.js';
import { neverAttended } from '../events/engagement.js';
import { plural } from '../export/write.js';
import { shellArg } from '../text.js';

/**
 * `skillsnet engagement`: per member, events invited to, attended and presented, the last one
 * attended and the minutes in all — to see who never comes and write to them.
 */

export interface EngagementOptions {
  dbPath: string;
  filters: MemberFilters;
  neverAttended?: boolean;
  attendedLessThan?: number;
  all?: boolean;
  json?: boolean;
}

/**
 * The filters of this list that export contacts takes too, as flags: the follow-up mail goes to
 * the people listed, not to a "--roster NAME" to fill in. --cohort, which export contacts lacks,
 * becomes the roster the cohort was accepted from (a bare --role core-group would write to every
 * cohort).
 */
function contactFilterFlags(filters: MemberFilters, cohortRoster: string | null): string[] {
  const flags: string[] = [];
  // export contacts has no --cohort: the roster the cohort was accepted from stands for it, else the officer names one
  if (filters.cohort !== undefined && filters.roster === undefined) filters = { ...filters, roster: cohortRoster ?? 'NAME' };
  const keys = ['roster', 'role', 'status', 'call', 'region', 'country', 'category', 'language', 'type', 'beneficiary', 'search'] as const;
  for (const key of keys) {
    const value = filters[key];
    if (value === undefined || value === null || value === '') continue;
    const text = String(value);
    flags.push(`--${key} ${shellArg(text)}`);
  }
  return flags;
}

export async function runEngagement(opts: EngagementOptions, io: IO): Promise<EngagementRow[]> {
  const { engagementReport, followUpLeftOut } = await import('../events/engagement-report.js');
  const { eventsWithAttendanceTaken } = await import('../db/attendance.js');
  const { rosterOfCohort } = await import('../db/members.js');
  const report = { filters: opts.filters, neverAttended: opts.neverAttended, attendedLessThan: opts.attendedLessThan, all: opts.all };
  const { rows, leftOut, taken, cohortRoster } = await withDatabase(opts.dbPath, { create: false, io }, (db) => ({
    rows: engagementReport(db, report),
    leftOut: followUpLeftOut(db, report),
    taken: eventsWithAttendanceTaken(db).length,
    cohortRoster: opts.filters.cohort !== undefined ? rosterOfCohort(db, opts.filters.cohort) : null,
  }));
  // (named on stderr, also under --json: the array's shape stays as documented; each status's
  // own --status, as --status takes one: "--status declined" alone left the withdrawn unlisted)
  if (leftOut.length) {
    const statuses = [...new Set(leftOut.map((r) => r.status))].sort();
    info(io, `Left out of this follow-up: ${plural(leftOut.length, 'member')} who ${statuses.map((s) => (s === 'withdrawn' ? 'withdrew' : s)).join(' or ')} (${leftOut.map((r) => `${memberLabel(r.memberId)}, ${r.status}`).join('; ')}); ${statuses.map((s) => `--status ${s}`).join(' or ')} lists them.`);
  }
  if (opts.json) {
    personalOutput(io);
    printJson(io, rows);
    return rows;
  }
  if (!rows.length) {
    info(io, opts.neverAttended || opts.attendedLessThan !== undefined ? 'No member matches.' : 'No member was invited to, attended or presented an event yet (skillsnet events).');
    return rows;
  }
  io.stdout.write(renderTable(io, ['Member', 'Organisation', 'Country', 'Invited', 'Attended', 'Last attended', 'Presented', 'Minutes'], rows.map((r) => [
    memberLabel(r.memberId), r.organization, r.country, r.invited, r.attended, r.lastAttended ? `${r.lastAttended.slice(0, 10)} (event ${r.lastEventId})` : '', r.presented, r.minutes,
  ]), { maxWidth: [11, 40, 9, 9, 10, 24, 11, 9] }));
  const never = rows.filter(neverAttended).length;
  // The follow-up mail takes the flag of this list (--attended-less-than N lists those who came to fewer), and only when someone is to be written to.
  const follow = opts.attendedLessThan !== undefined ? `--attended-less-than ${opts.attendedLessThan}` : '--never-attended';
  const toWrite = opts.attendedLessThan !== undefined ? rows.length : never;
  info(io, `${plural(rows.length, 'member')}; ${never} invited but never attended, of ${plural(taken, 'event')} with attendance taken (events to come, or whose reports are not in, count for no one).` +
    (toWrite ? ` Write to them: skillsnet export contacts ${[follow, ...contactFilterFlags(opts.filters, cohortRoster)].join(' ')} --out follow-up.csv` : ''));
  return rows;
}

export function registerEngagement(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('engagement')
    .description('per member: events invited to, attended and presented, last attended, minutes — to follow up those who never come');
  addAttendanceFilterOptions(addFilterOptions(cmd));
  addOptionOnce(cmd, '--role <role>', `only members with this role (${MEMBER_ROLES.join(', ')})`);
  cmd
    .option('--cohort <name>', 'only the Core Group of this cohort, e.g. 2020 (--role core-group implied)')
    .option('--all', 'every member the filters name, also those never invited (default: those with any activity, or all the filters name)')
    .option('--json', 'print a JSON array (fields in docs/json.md)')
    .addHelpText('after', `
Cancelled events count for nothing. Without filters, the members invited to, attending or
presenting at least one event are listed; with filters (or --all), every member they name.

Examples:
  skillsnet engagement
  skillsnet engagement --role core-group --cohort 2020
  skillsnet engagement --never-attended --json
  skillsnet engagement --attended-less-than 2 --region Africa`)
    .action(async (flags: FilterFlags & AttendanceFilterFlags & { role?: string; cohort?: string; all?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      if (flags.role !== undefined && !isMemberRole(flags.role)) throw new UsageError(`unknown role "${flags.role}"`, { hint: `roles: ${MEMBER_ROLES.join(', ')}` });
      const { minScore: _m, ...filters } = parseFilters(flags);
      const memberFilters: MemberFilters = { ...filters, ...(flags.role ? { role: flags.role as MemberRole } : {}), ...(flags.cohort !== undefined ? { cohort: flags.cohort.trim() } : {}) };
      await runEngagement({ dbPath, filters: memberFilters, ...parseAttendanceFilters(flags), all: flags.all, json: flags.json }, io);
    });
}
