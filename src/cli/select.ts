import type { Command } from 'commander';
import { addFilterOptions, checkFilterNames, parseFilters, parseNumber, type FilterFlags } from './filters.js';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { canPrompt, info, warn, type IO } from './io.js';
import { OperationError, UsageError } from '../errors.js';
import type { ApplicationFilters } from '../model.js';
import type { DB } from '../db/connection.js';
import { countApplications, getApplication, listApplications } from '../db/applications.js';
import { nextRosterName, rosterExists, saveRoster } from '../db/rosters.js';
import { combinedScores } from '../db/scores.js';
import { toCandidate, type Candidate } from '../selection/candidates.js';
import { quotaLabel, quotaRulesFromFlags, readQuotaFile, unmatchedRules, type Quota, type QuotaRule } from '../selection/quotas.js';
import { selectRoster, type SelectionResult } from '../selection/select.js';
import { conflictHint, isQuotaConflict } from '../selection/infeasibility.js';
import { coverage, quotaCounts, type Coverage } from '../selection/coverage.js';
import { renderCoverage, renderRosterTable } from '../ui/roster.js';

export interface SelectOptions {
  dbPath: string;
  size: number;
  minPerRegion?: number;
  maxPerRegion?: number;
  maxPerCountry?: number;
  /** At most this many applications from one organisation (default 1: one seat each). */
  maxPerOrganization?: number;
  minPerCategory?: number;
  /** language code -> minimum, e.g. { en: 1, fr: 1, es: 1 } */
  minPerLanguage?: Record<string, number>;
  /** A quotas CSV (feature,value,min,max). */
  quotasFile?: string;
  /** Further quota rules (scripts, tests). */
  rules?: QuotaRule[];
  filters?: ApplicationFilters;
  /** Only applications whose selection score (see README) is at least this. */
  minScore?: number;
  include?: number[];
  exclude?: number[];
  name?: string;
  /** How many alternates to rank (default 5). */
  alternates?: number;
  dryRun?: boolean;
  json?: boolean;
  /** Seconds per solver run (default 60). */
  timeLimit?: number;
}

/** One member or alternate in `select --json` (CONTRACT.md). */
export interface SelectJsonEntry {
  id: number;
  organization: string;
  region: string | null;
  country: string | null;
  language: string | null;
  categories: string[];
  score: number;
  scoreSource: 'reviewers' | 'application' | 'none';
  reasons: string[];
  /** Alternates only: the members it can replace without breaking a quota. */
  replaces?: number[];
}

export interface SelectJson {
  name: string;
  feasible: true;
  optimal: boolean;
  status: string;
  objective: number;
  /** Upper bound on the best possible total (equals objective when optimal). */
  bound: number | null;
  size: number;
  eligible: number;
  scoreRule: string;
  members: SelectJsonEntry[];
  alternates: SelectJsonEntry[];
  quotas: { feature: string; value: string; min: number; max: number | null; selected: number }[];
  coverage: Coverage;
  solveMs: number;
  saved: boolean;
}

export const SCORE_RULE =
  "reviewers' combined score (skillsnet scores import) when the application has one, else the application's own score, else 0";

function entry(c: Candidate, reasons: string[], replaces?: number[]): SelectJsonEntry {
  return {
    id: c.id, organization: c.organization, region: c.region, country: c.country, language: c.language,
    categories: c.categories, score: c.score, scoreSource: c.scoreSource, reasons, ...(replaces ? { replaces } : {}),
  };
}

/** All the quota rules of the options: flags, then the quotas file, then extra rules. */
export async function rulesOf(opts: SelectOptions, cwd = process.cwd()): Promise<QuotaRule[]> {
  const flagText = (n: number | undefined) => (n === undefined ? undefined : String(n));
  const rules = quotaRulesFromFlags({
    minPerRegion: flagText(opts.minPerRegion),
    maxPerRegion: flagText(opts.maxPerRegion),
    maxPerCountry: flagText(opts.maxPerCountry),
    maxPerOrganization: flagText(opts.maxPerOrganization ?? 1),
    minPerCategory: flagText(opts.minPerCategory),
    minPerLanguage: opts.minPerLanguage ? Object.entries(opts.minPerLanguage).map(([k, v]) => `${k}=${v}`).join(',') : undefined,
  });
  if (opts.quotasFile) rules.push(...(await readQuotaFile(opts.quotasFile, cwd)));
  if (opts.rules) rules.push(...opts.rules);
  return rules;
}

/** The eligible applications, with their selection score; warnings about what may surprise. */
export function loadCandidates(db: DB, opts: SelectOptions, io: IO): Candidate[] {
  const filters = { ...(opts.filters ?? {}) };
  const minScore = opts.minScore ?? filters.minScore;
  delete filters.minScore;
  const combined = combinedScores(db);
  let candidates = listApplications(db, filters).map((a) => toCandidate(a, combined.get(a.id)?.combined));
  if (minScore !== undefined) candidates = candidates.filter((c) => c.scoreSource !== 'none' && c.score >= minScore);
  const ids = new Set(candidates.map((c) => c.id));
  for (const id of opts.include ?? []) {
    if (ids.has(id)) continue;
    const app = getApplication(db, id);
    if (!app) throw new UsageError(`--include: no application with ID ${id}`, { hint: 'find IDs with skillsnet list' });
    warn(io, `application ${id} does not match the filters; it is included anyway because --include names it`);
    candidates.push(toCandidate(app, combined.get(id)?.combined));
    ids.add(id);
  }
  for (const id of opts.exclude ?? []) {
    if (!ids.has(id) && !getApplication(db, id)) warn(io, `--exclude: no application with ID ${id}; ignored`);
  }
  const reviewers = candidates.filter((c) => c.scoreSource === 'reviewers').length;
  const none = candidates.filter((c) => c.scoreSource === 'none').length;
  if (reviewers > 0 && reviewers < candidates.length) {
    warn(io, `${candidates.length - reviewers} of ${candidates.length} eligible applications have no reviewer score; their own score is used (scale may differ)`);
  }
  if (none > 0) warn(io, `${none} eligible application${none === 1 ? ' has' : 's have'} no score and count${none === 1 ? 's' : ''} as 0 (add --min-score to leave them out)`);
  return candidates.sort((a, b) => a.id - b.id);
}

/** The filters as the officer typed them: "--region Africa, --call 2020". */
export function describeFilters(filters: ApplicationFilters): string[] {
  const flags: [keyof ApplicationFilters, string][] = [
    ['call', '--call'], ['region', '--region'], ['country', '--country'], ['category', '--category'],
    ['language', '--language'], ['roster', '--roster'], ['search', '--search'],
  ];
  return flags.filter(([k]) => filters[k] !== undefined).map(([k, flag]) => `${flag} ${JSON.stringify(String(filters[k])).replace(/^"([^\s"]*)"$/, '$1')}`);
}

/**
 * Nothing is eligible: say why — an empty database, filters that match nothing (named), or a
 * --min-score above every score (with the highest score there is).
 */
function noEligibleError(db: DB, opts: SelectOptions): OperationError {
  const filters = { ...(opts.filters ?? {}) };
  const minScore = opts.minScore ?? filters.minScore;
  delete filters.minScore;
  const fail = (message: string, hint: string) => new OperationError(message, { hint, json: { feasible: false, conflicts: [message] } });
  if (countApplications(db) === 0) return fail('no eligible applications: the database holds no applications', 'import applications first: skillsnet import FILE --call NAME');
  const named = describeFilters(filters);
  const matching = listApplications(db, filters);
  if (matching.length === 0) {
    return fail(
      `no application matches ${named.length === 1 ? 'the filter' : 'the filters together'}: ${named.join(', ')}`,
      named.length > 1 ? 'drop or widen one of the filters (skillsnet list with the same filters shows what each keeps)' : 'widen the filter (skillsnet stats shows what the database holds)',
    );
  }
  const combined = combinedScores(db);
  const scored = matching.map((a) => toCandidate(a, combined.get(a.id)?.combined)).filter((c) => c.scoreSource !== 'none');
  const among = named.length ? ` among the ${matching.length} matching ${named.join(', ')}` : '';
  if (scored.length === 0) {
    return fail(`no application${among} has a score, so none scores at least ${minScore}`, 'drop --min-score (unscored applications count as 0), or import scores: skillsnet scores import FILE');
  }
  const best = Math.max(...scored.map((c) => c.score));
  return fail(
    `no application${among} scores at least ${minScore}: the highest score is ${Math.round(best * 1e4) / 1e4}`,
    `lower --min-score to ${Math.round(best * 1e4) / 1e4} or less, or drop it`,
  );
}

function warnAboutData(io: IO, candidates: Candidate[], quotas: Quota[]): void {
  const features = new Set(quotas.map((q) => q.feature));
  const missing = (what: string, n: number, hint: string) => {
    if (n > 0) warn(io, `${n} eligible application${n === 1 ? ' has' : 's have'} no ${what} and count${n === 1 ? 's' : ''} towards no ${what} quota (${hint})`);
  };
  if (features.has('region')) missing('region', candidates.filter((c) => !c.region).length, 'see skillsnet list --json for country_raw');
  if (features.has('category')) missing('category', candidates.filter((c) => c.categories.length === 0).length, 'run skillsnet tag auto');
  if (features.has('language')) missing('language', candidates.filter((c) => !c.language).length, 'check the language column of the import');
}

function infeasibleError(result: SelectionResult, size: number, candidates: Candidate[]): OperationError {
  if (result.status === 'time limit' || result.status === 'error') {
    return new OperationError(`the solver stopped (${result.status}) before it found any roster of ${size}`, {
      hint: 'raise --time-limit (seconds), or narrow the eligible applications with filters',
      json: { feasible: null, status: result.status, conflicts: [] },
    });
  }
  const lines = result.conflicts.map((c) => `  - ${c}`).join('\n');
  const solverProved = result.status === 'infeasible';
  return new OperationError(
    `no roster of ${size} ${result.conflicts.some(isQuotaConflict) ? 'meets the quotas' : 'is possible'}${solverProved ? ' (proved by the solver; the fewest quotas to relax are listed)' : ''}:\n${lines}`,
    {
      hint:
        result.quotas.some((q) => q.feature === 'category') && candidates.every((c) => c.categories.length === 0)
          ? 'no eligible application has a category yet: run skillsnet tag auto first'
          : conflictHint(result.conflicts),
      json: { feasible: false, conflicts: result.conflicts },
    },
  );
}

/**
 * Runs the selection and (unless --dry-run or the officer declines) saves the roster.
 * Returns the `select --json` object; throws OperationError (exit 1, JSON
 * {"feasible": false, "conflicts": [...]}) when no roster meets the quotas.
 */
export async function runSelect(opts: SelectOptions, io: IO): Promise<SelectJson> {
  if (!Number.isInteger(opts.size) || opts.size < 1) throw new UsageError(`--size needs a whole number of at least 1, got "${opts.size}"`);
  if (opts.name !== undefined && opts.name.trim() === '') throw new UsageError('--name needs a name', { hint: 'for example --name core-2020' });
  const rules = await rulesOf(opts, io.cwd);
  return withDatabase(opts.dbPath, { create: false }, async (db) => {
    checkFilterNames(db, opts.filters ?? {});
    const candidates = loadCandidates(db, opts, io);
    if (candidates.length === 0) throw noEligibleError(db, opts);
    info(io, `Selecting ${opts.size} of ${candidates.length} eligible applications…`);
    const result = await selectRoster(candidates, {
      size: opts.size, rules, include: opts.include, exclude: opts.exclude, alternates: opts.alternates ?? 5, timeLimit: opts.timeLimit,
    });
    warnAboutData(io, candidates, result.quotas);
    for (const { rule, inUse } of unmatchedRules(rules, candidates)) {
      const shown = inUse.length > 12 ? [...inUse.slice(0, 12), '…'] : inUse;
      warn(io, `${rule.source}: no eligible application has ${quotaLabel(rule.feature, rule.written ?? rule.value)}, so this quota counts nobody\n` +
        `  ${inUse.length ? `in use: ${shown.join(', ')}` : 'no eligible application has any'}${rule.feature === 'organizationType' ? ' (skillsnet stats --by type)' : ''}`);
    }
    if (!result.feasible) throw infeasibleError(result, opts.size, candidates);

    const name = opts.name ?? nextRosterName(db);
    const members = result.members.map((m) => m.candidate);
    const selected = quotaCounts(members, result.quotas);
    const json: SelectJson = {
      name,
      feasible: true,
      optimal: result.optimal,
      status: result.status,
      objective: result.objective!,
      bound: result.bound,
      size: opts.size,
      eligible: result.eligible,
      scoreRule: SCORE_RULE,
      members: result.members.map((m) => entry(m.candidate, m.reasons)),
      alternates: result.alternates.map((a) => entry(a.candidate, a.reasons, a.replaces)),
      quotas: result.quotas.map((q, i) => ({ feature: q.feature, value: q.value, min: q.min, max: q.max, selected: selected[i] })),
      coverage: coverage(members, result.quotas),
      solveMs: Math.round(result.solveMs),
      saved: false,
    };
    const optimality = result.optimal
      ? 'proven optimal'
      : `NOT proven optimal: the solver stopped at its time limit; no roster can total more than ${result.bound ?? '?'}; raise --time-limit to prove it`;
    if (!opts.json) {
      io.stdout.write(renderRosterTable(io, json.members.map((m, i) => ({ ...m, rank: i + 1 })), { reasons: io.stdoutIsTTY }));
      if (json.alternates.length) {
        io.stdout.write('\n' + io.color.bold('Alternates') + '\n');
        io.stdout.write(renderRosterTable(io, json.alternates.map((m, i) => ({ ...m, rank: i + 1 })), { reasons: io.stdoutIsTTY }));
      }
      if (io.stdoutIsTTY) io.stdout.write('\n' + renderCoverage(io, json.coverage));
    }
    info(io, `Total score ${json.objective} (${optimality}). ${json.eligible} eligible; selected in ${json.solveMs} ms.`);

    if (opts.dryRun) {
      info(io, 'Dry run: nothing saved.');
    } else {
      let overwrite = false;
      let save = true;
      const exists = rosterExists(db, name);
      if (!opts.json && canPrompt(io) && !io.yes) {
        const prompts = await io.prompts();
        save = await prompts.confirm(exists ? `A roster named ${name} exists. Replace it with this one?` : `Save this roster as ${name}?`, !exists);
        overwrite = exists && save;
      } else if (exists) {
        if (!io.yes) {
          throw new OperationError(`a roster named ${name} already exists`, { hint: `choose another --name, or add --yes to replace it (skillsnet roster show ${name} to see it first)` });
        }
        overwrite = true;
      }
      if (save) {
        saveRoster(db, {
          name,
          params: {
            size: opts.size, rules, quotas: result.quotas, filters: opts.filters ?? {}, minScore: opts.minScore ?? null,
            include: opts.include ?? [], exclude: opts.exclude ?? [], alternates: opts.alternates ?? 5, quotasFile: opts.quotasFile ?? null,
            scoreRule: SCORE_RULE, eligible: result.eligible, modelSize: result.modelSize,
          },
          solverStatus: result.status,
          optimal: result.optimal,
          objective: result.objective,
          solveMs: result.solveMs,
          members: json.members.map((m) => ({ applicationId: m.id, reasons: m.reasons })),
          alternates: json.alternates.map((m) => ({ applicationId: m.id, reasons: m.reasons })),
        }, { overwrite });
        json.saved = true;
        info(io, `Saved roster ${name}. See it again with: skillsnet roster show ${name}`);
      } else {
        info(io, 'Not saved.');
      }
    }
    if (opts.json) printJson(io, json);
    return json;
  });
}

function parseIds(text: string | undefined, flag: string): number[] {
  if (text === undefined) return [];
  return text.split(/[,\s]+/).filter(Boolean).map((part) => {
    const id = Number(part.replace(/^#/, ''));
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`${flag}: "${part}" is not an application ID`, { hint: 'give IDs from skillsnet list, separated by commas' });
    return id;
  });
}

function parseCount(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} needs a whole number, got "${text}"`);
  return n;
}

export function parseLanguageMinimums(text: string | undefined): Record<string, number> | undefined {
  if (text === undefined) return undefined;
  const out: Record<string, number> = {};
  for (const rule of quotaRulesFromFlags({ minPerLanguage: text })) out[rule.value] = rule.min;
  return out;
}

interface SelectFlags extends FilterFlags {
  size?: string;
  minPerRegion?: string;
  maxPerRegion?: string;
  maxPerCountry?: string;
  maxPerOrganization?: string;
  minPerCategory?: string;
  minPerLanguage?: string;
  quotas?: string;
  include?: string;
  exclude?: string;
  name?: string;
  alternates?: string;
  dryRun?: boolean;
  json?: boolean;
  timeLimit?: string;
}

export function registerSelect(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('select')
    .description('select a Core Group: the best-scoring applications that meet regional, country, category and language quotas, solved exactly');
  cmd
    .option('--size <n>', 'how many members (required)')
    .option('--min-per-region <k>', 'at least k members from each of the five ILO regions')
    .option('--max-per-region <k>', 'at most k members from any region')
    .option('--max-per-country <k>', 'at most k members from any one country')
    .option('--max-per-organization <k>', 'at most k applications from one organisation (same name)', '1')
    .option('--min-per-category <k>', 'at least k members tagged with each skills category')
    .option('--min-per-language <list>', 'minimums per language, e.g. en=1,fr=1,es=1')
    .option('--quotas <file>', 'quotas CSV with the columns feature,value,min,max (format in docs/quotas-file.md)');
  addFilterOptions(cmd, { minScore: true })
    .option('--include <ids>', 'force these application IDs in (comma-separated)')
    .option('--exclude <ids>', 'keep these application IDs out (comma-separated)')
    .option('--name <name>', 'save the roster under this name (default roster-N)')
    .option('--alternates <k>', 'rank k alternates as a reserve', '5')
    .option('--time-limit <seconds>', 'stop the solver after this long with its best roster (reported as not proven optimal)', '60')
    .option('--dry-run', 'show the roster without saving it')
    .option('--json', 'print the roster as JSON (shape in docs/json.md)')
    .addHelpText(
      'after',
      `
The roster maximises the total score: the reviewers' combined score where reviewers
scored (skillsnet scores import), else the application's own score, else 0. Ties go to
lower application IDs. The answer is exact (HiGHS integer programming) and says whether
it is proven optimal. On a terminal it is shown and saved only if you say yes.

Examples:
  skillsnet select --size 25 --min-per-region 3 --max-per-country 2 \\
      --min-per-category 1 --min-per-language en=1,fr=1,es=1 --name core-2020
  skillsnet select --size 25 --quotas quotas.csv --call 2020 --dry-run
  skillsnet select --size 30 --min-per-region 4 --exclude 17,230 --include 5 --json`,
    )
    .action(async (flags: SelectFlags, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      if (flags.size === undefined) throw new UsageError('--size is required', { hint: 'for example: skillsnet select --size 25 --min-per-region 3' });
      const size = Number(flags.size);
      if (!Number.isInteger(size) || size < 1) throw new UsageError(`--size needs a whole number of at least 1, got "${flags.size}"`);
      const filters = parseFilters(flags);
      const minScore = filters.minScore;
      delete filters.minScore;
      const timeLimit = flags.timeLimit !== undefined ? parseNumber(flags.timeLimit, '--time-limit') : undefined;
      if (timeLimit !== undefined && timeLimit <= 0) throw new UsageError('--time-limit needs a positive number of seconds');
      await runSelect(
        {
          dbPath,
          size,
          minPerRegion: parseCount(flags.minPerRegion, '--min-per-region'),
          maxPerRegion: parseCount(flags.maxPerRegion, '--max-per-region'),
          maxPerCountry: parseCount(flags.maxPerCountry, '--max-per-country'),
          maxPerOrganization: parseCount(flags.maxPerOrganization, '--max-per-organization'),
          minPerCategory: parseCount(flags.minPerCategory, '--min-per-category'),
          minPerLanguage: parseLanguageMinimums(flags.minPerLanguage),
          quotasFile: flags.quotas,
          filters,
          minScore,
          include: parseIds(flags.include, '--include'),
          exclude: parseIds(flags.exclude, '--exclude'),
          name: flags.name,
          alternates: parseCount(flags.alternates, '--alternates'),
          dryRun: flags.dryRun,
          json: flags.json,
          timeLimit,
        },
        io,
      );
    });
}
