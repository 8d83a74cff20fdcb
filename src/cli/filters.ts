import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { EligibilityFilters } from '../model.js';
import { parseCountry, parseLanguage, parseRegion } from '../geo/parse.js';
import { parseCategoryCode } from '../tagging/taxonomy.js';
import { parseRole, parseStatus } from '../network/parse.js';
import { canonicalTerm } from '../import/vocabulary.js';
import { shellArg } from '../text.js';

export { parseCountry, parseLanguage, parseRegion } from '../geo/parse.js';
export { checkFilterNames } from '../db/filters.js';

/** Raw filter flags as commander hands them over. */
export interface FilterFlags {
  region?: string;
  country?: string;
  category?: string;
  language?: string;
  call?: string;
  roster?: string;
  search?: string;
  minScore?: string;
  allCalls?: boolean;
  rescaleScores?: boolean;
  role?: string;
  status?: string;
  type?: string;
  beneficiary?: string;
}

/**
 * Adds the filter flags that list, select and every export share, so that the same
 * flag means the same thing everywhere. `roster` is optional (export roster takes a name).
 */
export function addFilterOptions(cmd: Command, options: { roster?: boolean; minScore?: boolean; allCalls?: boolean; rescaleScores?: boolean } = {}): Command {
  cmd
    .option('--region <name>', 'only this ILO region, e.g. "Arab States"')
    .option('--country <country>', 'only this country (ISO code or name, e.g. MX, Mexique)')
    .option('--category <code>', 'only applications tagged with this category code')
    .option('--language <code>', 'only this language (ISO 639-1 code such as en, fr, es, or a name: French, español)')
    .option('--call <name>', 'only this call');
  // (a command that reads every call anyway takes --all-calls too: one set of flags fits every command a script runs)
  cmd.option('--all-calls', options.allCalls ? 'every call together (needed, or --call, when the database holds several calls)' : 'every call (what it shows without --call)');
  if (options.rescaleScores) cmd.option('--rescale-scores', 'calls whose scores are on different scales (0–10, 0–100): put each on 0–10 (else such calls are refused together)');
  cmd
    .option('--search <text>', 'text in organisation, title, description, contact or email');
  addOrganisationFilterOptions(addMemberFilterOptions(cmd));
  if (options.roster !== false) cmd.option('--roster <name>', 'only members of this saved roster');
  if (options.minScore) cmd.option('--min-score <n>', 'only applications scoring at least n');
  return cmd;
}

/** --role and --status, as every command that filters organisations by their membership takes them. */
export function addMemberFilterOptions(cmd: Command): Command {
  return cmd
    .option('--role <role>', 'only organisations whose member has this role: core-group, member, stakeholder, partner, ilo')
    .option('--status <status>', 'only organisations whose member has this status: invited, active, declined, withdrawn, alumni');
}

/** --type and --beneficiary: the organisation type and target group, as every export takes them. */
export function addOrganisationFilterOptions(cmd: Command): Command {
  return cmd
    .option('--type <type>', 'only this organisation type (e.g. NGO, "TVET institution"; ONG and NGO are one type)')
    .option('--beneficiary <group>', 'only applications naming this beneficiary / target group (e.g. Youth, Women, Refugees)');
}

export function parseNumber(input: string, flag: string): number {
  const n = Number(input.replace(',', '.'));
  if (!Number.isFinite(n)) throw new UsageError(`${flag} needs a number, got "${input}"`, { hint: `e.g. ${flag} 7.5` });
  return n;
}

/** Validates and normalises the filter flags. */
export function parseFilters(flags: FilterFlags): EligibilityFilters {
  const f: EligibilityFilters = {};
  if (flags.region !== undefined) f.region = parseRegion(flags.region);
  if (flags.country !== undefined) f.country = parseCountry(flags.country);
  if (flags.category !== undefined) f.category = parseCategoryCode(flags.category, 'category');
  if (flags.language !== undefined) f.language = parseLanguage(flags.language);
  // (names are stored trimmed, as import and select save them: "2021 " pasted from a sheet is 2021)
  if (flags.call !== undefined) f.call = flags.call.trim();
  if (flags.allCalls) {
    if (flags.call !== undefined) throw new UsageError('--call and --all-calls contradict each other', { hint: `keep --call ${shellArg(flags.call)} for that call only, or --all-calls for every call` });
    f.allCalls = true;
  }
  if (flags.roster !== undefined) f.roster = flags.roster.trim();
  if (flags.search !== undefined && flags.search.trim() !== '') f.search = flags.search.trim();
  if (flags.minScore !== undefined) f.minScore = parseNumber(flags.minScore, '--min-score');
  if (flags.rescaleScores) f.rescaleScores = true;
  if (flags.role !== undefined) f.role = parseRole(flags.role);
  if (flags.status !== undefined) f.status = parseStatus(flags.status);
  // "ONG", "Organización no gubernamental" and "NGO" are one type; "Jeunes" and "Youth" one group.
  if (flags.type !== undefined && flags.type.trim()) f.type = canonicalTerm('organizationTypes', flags.type);
  if (flags.beneficiary !== undefined && flags.beneficiary.trim()) f.beneficiary = canonicalTerm('beneficiaries', flags.beneficiary);
  return f;
}

/** The follow-up flags (issue 14) as commander hands them over. */
export interface AttendanceFilterFlags {
  neverAttended?: boolean;
  attendedLessThan?: string;
}

/**
 * Adds --never-attended and --attended-less-than N: members (and, on the contact exports, the
 * organisations whose member) invited to an event who came to none, or to fewer than N.
 * Only events that took place and whose attendance was imported count; a member never invited
 * to one matches neither.
 */
export function addAttendanceFilterOptions(cmd: Command): Command {
  return cmd
    .option('--never-attended', 'only those invited to at least one event (meeting, webinar, clinic, workshop) with attendance taken (over, its report imported) who attended none; a member never invited to one is not included')
    .option('--attended-less-than <n>', 'only those invited to (or at) some event with attendance taken who attended fewer than n events; members never invited to one are not included');
}

export function parseAttendanceFilters(flags: AttendanceFilterFlags): { neverAttended?: boolean; attendedLessThan?: number } {
  const f: { neverAttended?: boolean; attendedLessThan?: number } = {};
  if (flags.neverAttended) f.neverAttended = true;
  if (flags.attendedLessThan !== undefined) {
    const n = Number(flags.attendedLessThan);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--attended-less-than needs a whole number of events of at least 1, got "${flags.attendedLessThan}"`, { hint: 'e.g. --attended-less-than 2: those who came to at most one event' });
    f.attendedLessThan = n;
  }
  return f;
}

/**
 * Adds an option unless the command has it already: --role and --status belong to the shared
 * filters once the network's filters are there (issue 13), and a command that needs them
 * anyway must not declare them twice.
 */
export function addOptionOnce(cmd: Command, flags: string, description: string): Command {
  const long = /--[\w-]+/.exec(flags)?.[0];
  if (long && cmd.options.some((o) => o.long === long)) return cmd;
  return cmd.option(flags, description);
}

/**
 * What a total counts when the database holds several calls and no --call narrows it: " in 2 calls
 * (2020, 2021; --call NAME for one)". A total over two years' calls read as one call's misleads.
 */
export function callsCounted(calls: readonly string[], filters: { call?: string }, byCall = ''): string {
  if (filters.call || calls.length < 2) return '';
  const named = calls.length <= 4 ? calls.join(', ') : `${calls.slice(0, 3).join(', ')} and ${calls.length - 3} more`;
  return ` in ${calls.length} calls (${named}; --call NAME for one${byCall})`;
}

/**
 * The line under an empty list: what to try, not "Details: skillsnet show ID" of nothing. A
 * --search is one piece of text (case and accents aside), so "Avenr Competences" finds nothing.
 */
export function nothingMatches(what: 'application' | 'member', filters: { search?: string }): string {
  const given = Object.values(filters as Record<string, unknown>).some((v) => v !== undefined && v !== false && !(Array.isArray(v) && !v.length));
  if (!given) return what === 'application' ? 'No application to list: import a call with skillsnet import FILE --call NAME.' : 'No member to list: skillsnet import FILE --call NAME, or skillsnet member add.';
  const search = filters.search?.trim();
  if (search) {
    return `No ${what} matches. --search looks for "${search}" as one piece of text (case and accents aside): try one word of it, or part of a name or address.`;
  }
  // (stats counts applications; the members are seen whole with `skillsnet members`)
  return `No ${what} matches these filters: drop one, or see what there is with ${what === 'application' ? 'skillsnet stats' : 'skillsnet members'}.`;
}
