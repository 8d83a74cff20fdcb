/**
 * Selecting a Core Group from the database: the eligible applications with their selection
 * score, the quota rules (flags, a quotas file), the exact solver (select.ts), the reasons and
 * alternates, and saving the result as a roster. `select`, the demo and scripts call this.
 */
import { randomInt } from 'node:crypto';
import type { DB } from '../db/connection.js';
import { countApplications, getApplication, listApplications } from '../db/applications.js';
import { checkCallScope, checkFilterNames } from '../db/filters.js';
import { nextRosterName, rosterExists, rosterNamedAlike, saveRoster, type NewRoster } from '../db/rosters.js';
import { OperationError, UsageError } from '../errors.js';
import type { ApplicationFilters } from '../model.js';
import { checkpoint, warning, type Callbacks } from '../reporting.js';
import { candidateOf, eligibleCandidates, SCORE_RULE, type Candidate, type ScoreSource } from './candidates.js';
import { coverage, quotaCounts, type Coverage } from './coverage.js';
import { conflictHint, isQuotaConflict } from './infeasibility.js';
import { readQuotaFile } from './quota-file.js';
import { featureWord, followMerges, quotaLabel, quotaRulesFromFlags, quotaValueShown, unmatchedRules, type Quota, type QuotaRule } from './quotas.js';
import { termOfOtherFeature } from './quota-hints.js';
import { mergedOrganizationTargets } from '../db/organizations.js';
import type { RosterParams } from './rosters.js';
import { combinedScores } from './scores.js';
import { selectRoster, type SelectionResult } from './select.js';
import { applyOrder, callsOf, rescale, scoresOnOneScale, type CallScale, type Order } from './ranking.js';
import { shellArg } from '../text.js';

/** The quotas of a selection: flag-like counts, a quotas file, further rules. */
export interface QuotaOptions {
  minPerRegion?: number;
  maxPerRegion?: number;
  maxPerCountry?: number;
  /** At most this many applications from one organisation (default 1: one seat each). */
  maxPerOrganization?: number;
  minPerCategory?: number;
  /** language code -> minimum, e.g. { en: 1, fr: 1, es: 1 } */
  minPerLanguage?: Record<string, number>;
  /** A quotas CSV (feature,value,min,max), relative to cwd. */
  quotasFile?: string;
  /** Further quota rules (scripts, tests). */
  rules?: QuotaRule[];
}

export interface CoreGroupOptions extends QuotaOptions {
  size: number;
  filters?: ApplicationFilters;
  /** Only applications whose selection score is at least this (unscored ones never are). */
  minScore?: number;
  /** Application IDs forced in (a warning when they do not match the filters). */
  include?: number[];
  /** Application IDs kept out. */
  exclude?: number[];
  /** The roster's name (default roster-N, the first free one). */
  name?: string;
  /** How many alternates to rank (default 5). */
  alternates?: number;
  /** Seconds per solver run (default 60). */
  timeLimit?: number;
  /** Folder a relative quotas file is read from. */
  cwd?: string;
  /** The rules already read with coreGroupRules (so that a bad quotas file is found before the database opens). */
  quotaRules?: QuotaRule[];
  /**
   * The order that breaks ties between equal scores (default: application ID). Required when
   * no eligible application has a score: "best" would otherwise mean "imported first".
   */
  order?: Order;
  /** --order random: the draw (a random one, reported, when not given). */
  seed?: number;
  /** Calls whose scores sit on different scales are put on 0–10 (otherwise such a selection is refused). */
  rescaleScores?: boolean;
  /** Aborted (Ctrl-C): the solver stops at once (InterruptedError), nothing is saved. */
  signal?: AbortSignal;
}

/** One member or alternate in `select --json` (CONTRACT.md). */
export interface CoreGroupEntry {
  id: number;
  organization: string;
  /** The organisation record (org-N in the exports and maps), or null when not linked. */
  organizationId: number | null;
  region: string | null;
  country: string | null;
  language: string | null;
  categories: string[];
  score: number;
  scoreSource: ScoreSource;
  reasons: string[];
  /** The application's call (select --all-calls draws from several). */
  call: string | null;
  /** Alternates only: the members it can replace without breaking a quota. */
  replaces?: number[];
}

/** `select --json` (CONTRACT.md). */
export interface CoreGroupJson {
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
  members: CoreGroupEntry[];
  alternates: CoreGroupEntry[];
  quotas: { feature: string; value: string; min: number; max: number | null; selected: number }[];
  coverage: Coverage;
  solveMs: number;
  saved: boolean;
  /** The order that broke ties between equal scores (with no scores at all, the only order). */
  order: Order;
  /** --order random: the seed of the draw. */
  seed: number | null;
  /** How many eligible applications have a score (0: the roster follows the order alone). */
  scored: number;
  /** The scales put on 0–10 when calls with different scales were selected together (--rescale-scores). */
  scoreScales?: CallScale[];
}

/** A selection made and not yet saved. */
export interface CoreGroupSelection {
  /** What `select --json` prints; `saved` turns true once saveCoreGroup has saved it. */
  result: CoreGroupJson;
  /** Whether a roster of that name is saved already (saving replaces it only when told to). */
  nameTaken: boolean;
  /** The roster as it will be saved. */
  roster: NewRoster;
}

/** All the quota rules of the options: flags, then the quotas file, then further rules. */
export async function coreGroupRules(options: QuotaOptions & { size?: number }, cwd?: string, onNote?: (note: string) => void): Promise<QuotaRule[]> {
  const flagText = (n: number | undefined) => (n === undefined ? undefined : String(n));
  // (a percentage in the file is a share of the size)
  const more = [...(options.quotasFile ? await readQuotaFile(options.quotasFile, cwd, { size: options.size, onNote }) : []), ...(options.rules ?? [])];
  // One seat per organisation is a default: a quotas file's own "organization,*,,2" replaces it
  // (merged with it, the smaller maximum would hold and the file's line would change nothing).
  const ownCap = more.some((r) => r.feature === 'organization' && r.value === '*' && r.max !== null);
  const rules = quotaRulesFromFlags({
    minPerRegion: flagText(options.minPerRegion),
    maxPerRegion: flagText(options.maxPerRegion),
    maxPerCountry: flagText(options.maxPerCountry),
    maxPerOrganization: flagText(options.maxPerOrganization ?? (ownCap ? undefined : 1)),
    minPerCategory: flagText(options.minPerCategory),
    minPerLanguage: options.minPerLanguage ? Object.entries(options.minPerLanguage).map(([k, v]) => `${k}=${v}`).join(',') : undefined,
  });
  // (the default of one seat, no flag typed, gives way to a file's line for one organisation as a
  // file's own "organization,*" line would: "organization,org-12,,2" is written to be obeyed)
  const byDefault = options.maxPerOrganization === undefined && !ownCap ? rules.find((r) => r.feature === 'organization' && r.value === '*') : undefined;
  if (byDefault) {
    for (const one of more.filter((r) => r.feature === 'organization' && r.value !== '*' && (r.max === null ? r.min > 1 : r.max > 1))) {
      (byDefault.except ??= {}).max = [...(byDefault.except?.max ?? []), one.value];
      onNote?.(`${one.source}: ${one.max === null ? 'no limit' : `at most ${one.max}`} for organisation ${one.written ?? one.value}, an exception to one seat per organisation`);
    }
  }
  for (const note of loosenedByFile(rules.filter((r) => r !== byDefault), more)) onNote?.(note);
  return [...rules, ...more];
}

/**
 * A file's line for one value that a flag's rule for every value makes tighter ("region,Arab
 * States,1," under --min-per-region 3): the tighter holds, so the line changes nothing. Within the
 * file such a line is an exception (quota-records.ts); against a flag it is said, not done.
 */
function loosenedByFile(flags: QuotaRule[], file: QuotaRule[]): string[] {
  const out: string[] = [];
  for (const every of flags.filter((r) => r.value === '*')) {
    for (const one of file.filter((r) => r.feature === every.feature && r.value !== '*')) {
      const what = `${featureWord(one.feature)} ${one.written ?? one.value}`;
      const instead = (bound: string) => `the tighter holds; to make ${one.written ?? one.value} an exception, write the rule as a line "${every.feature},*,${bound}" in the file instead of ${every.source}`;
      if (one.min > 0 && one.min < every.min) out.push(`${one.source}: at least ${one.min} for ${what} changes nothing: ${every.source} asks at least ${every.min} of every ${featureWord(every.feature)} (${instead(`${every.min},`)})`);
      if (one.max !== null && every.max !== null && one.max > every.max) out.push(`${one.source}: at most ${one.max} for ${what} changes nothing: ${every.source} allows at most ${every.max} in any ${featureWord(every.feature)} (${instead(`,${every.max}`)})`);
    }
  }
  return out;
}

/** The size and name checks of select, before anything is read. */
export function checkCoreGroupOptions(options: Pick<CoreGroupOptions, 'size' | 'name' | 'order' | 'seed'>): void {
  if (options.seed !== undefined && options.order !== 'random') throw new UsageError('--seed applies to --order random only', { hint: 'add --order random, or drop --seed' });
  if (!Number.isInteger(options.size) || options.size < 1) throw new UsageError(`--size needs a whole number of at least 1, got "${options.size}"`, { hint: 'the number of seats in the Core Group, e.g. --size 25' });
  if (options.name !== undefined && options.name.trim() === '') throw new UsageError('--name needs a name', { hint: 'for example --name core-2020' });
}

/**
 * Selects a Core Group of `size` under the quotas, exactly (see select.ts), and says why each
 * member is there. Nothing is saved (saveCoreGroup does that). Throws OperationError (exit 1,
 * JSON {"feasible": false, "conflicts": [...]}) when nothing is eligible or no roster meets the
 * quotas. Warnings: --include outside the filters, unknown --exclude IDs, missing scores,
 * applications that count towards no quota, quota values nobody has.
 */
export async function selectCoreGroup(db: DB, options: CoreGroupOptions, callbacks: Callbacks = {}): Promise<CoreGroupSelection> {
  checkCoreGroupOptions(options);
  // (a quota on an organisation merged since the file was written counts the organisation kept)
  const rules = followMerges(options.quotaRules ?? (await coreGroupRules(options, options.cwd)), mergedOrganizationTargets(db));
  const warn = (code: string, message: string) => callbacks.onWarning?.(warning(code, message));
  const filters = options.filters ?? {};
  checkFilterNames(db, filters);
  checkCallScope(db, filters);
  const loaded = loadCandidates(db, options, warn);
  await checkpoint(options.signal, 'interrupted; no roster was selected or saved');
  if (loaded.length === 0) throw noEligibleError(db, filters, options.minScore);
  const { candidates, scoreScales } = onOneScale(loaded, options, warn, callbacks);
  const scored = candidates.filter((c) => c.scoreSource !== 'none').length;
  if (scored === 0 && options.order === undefined) throw unscoredError(candidates.length);
  const order = options.order ?? 'id';
  const seed = order === 'random' ? options.seed ?? randomInt(1, 1_000_000) : null;
  if (order === 'random' && options.seed === undefined) callbacks.onStatus?.(`Tie-break order drawn with seed ${seed} (draw the same again with --seed ${seed})`);
  const ranked = applyOrder(candidates, order, seed ?? undefined);
  // (--exclude leaves the eligible; the count said here is the one the summary says after)
  const excluded = new Set(options.exclude ?? []);
  const eligible = excluded.size ? candidates.filter((c) => !excluded.has(c.id)).length : candidates.length;
  callbacks.onStatus?.(`Selecting ${options.size} of ${eligible} eligible applications…`);
  const alternates = options.alternates ?? 5;
  const result = await selectRoster(ranked, {
    size: options.size, rules, include: options.include, exclude: options.exclude, alternates, timeLimit: options.timeLimit, signal: options.signal,
  });
  warnAboutData(warn, candidates, result.quotas);
  for (const { rule, inUse } of unmatchedRules(rules, candidates)) {
    const shown = inUse.length > 12 ? [...inUse.slice(0, 12), '…'] : inUse;
    const instead = termOfOtherFeature(rule.feature, rule.written ?? rule.value);
    warn('quota-value-unused', `${rule.source}: no eligible application has ${quotaLabel(rule.feature, rule.written ?? rule.value)}, so this quota counts nobody\n` +
      `  ${rule.feature === 'organization' ? 'find organisation IDs (org-N) and names with skillsnet organizations --search TEXT' : inUse.length ? `in use: ${shown.join(', ')}` : 'no eligible application has any'}${rule.feature === 'organizationType' ? ' (skillsnet stats --by type)' : ''}` +
      `${instead ? `\n  ${instead}` : ''}`);
  }
  if (!result.feasible) throw infeasibleError(result, options.size, candidates);

  const name = options.name ?? nextRosterName(db);
  const members = result.members.map((m) => m.candidate);
  const selected = quotaCounts(members, result.quotas);
  const json: CoreGroupJson = {
    name,
    feasible: true,
    optimal: result.optimal,
    status: result.status,
    objective: result.objective!,
    bound: result.bound,
    size: options.size,
    eligible: result.eligible,
    scoreRule: SCORE_RULE,
    members: result.members.map((m) => entry(m.candidate, m.reasons)),
    alternates: result.alternates.map((a) => entry(a.candidate, a.reasons, a.replaces)),
    quotas: result.quotas.map((q, i) => ({ feature: q.feature, value: quotaValueShown(q.feature, q.value), min: q.min, max: q.max, selected: selected[i] })),
    coverage: coverage(members, result.quotas),
    solveMs: Math.round(result.solveMs),
    saved: false,
    order,
    seed,
    scored,
    ...(scoreScales ? { scoreScales } : {}),
  };
  const params: RosterParams = {
    size: options.size, rules, quotas: result.quotas, filters, minScore: options.minScore ?? null,
    include: options.include ?? [], exclude: options.exclude ?? [], alternates, quotasFile: options.quotasFile ?? null,
    scoreRule: SCORE_RULE, eligible: result.eligible, modelSize: result.modelSize,
    ...(order !== 'id' ? { order } : {}), ...(seed !== null ? { seed } : {}), ...(scoreScales ? { scoreScales } : {}),
  };
  return {
    result: json,
    nameTaken: rosterExists(db, name),
    roster: {
      name,
      params,
      solverStatus: result.status,
      optimal: result.optimal,
      objective: result.objective,
      solveMs: result.solveMs,
      members: json.members.map((m) => ({ applicationId: m.id, reasons: m.reasons })),
      alternates: json.alternates.map((m) => ({ applicationId: m.id, reasons: m.reasons })),
    },
  };
}

/**
 * Saves a selection as a roster (one transaction). A roster of the same name is replaced only
 * with `overwrite` (the officer said yes, or --yes); otherwise that is an error saying how.
 */
export function saveCoreGroup(db: DB, selection: CoreGroupSelection, options: { overwrite?: boolean } = {}): void {
  const { name } = selection.roster;
  if (selection.nameTaken && !options.overwrite) throw rosterNameTaken(name);
  refuseNameAlike(db, name);
  saveRoster(db, selection.roster, { overwrite: selection.nameTaken });
  selection.result.saved = true;
}

/**
 * Refuses a roster name that is taken when nothing may replace it (no --yes, no question asked),
 * before the solver runs: a missing --yes is wrong usage (exit 2), as roster delete's is.
 */
export function checkRosterName(db: DB, name: string | undefined, options: { overwrite: boolean }): void {
  if (name !== undefined) refuseNameAlike(db, name);
  if (name !== undefined && !options.overwrite && rosterExists(db, name)) throw rosterNameTaken(name);
}

/**
 * "CORE-2020" beside a saved "core-2020": refused even with --yes (replacing a roster of another
 * spelling is not what --yes agrees to); the officer uses the saved spelling or another name.
 */
function refuseNameAlike(db: DB, name: string): void {
  const alike = rosterNamedAlike(db, name);
  if (alike === undefined) return;
  throw new UsageError(`a roster named ${alike} already exists (${name} differs only in case)`, {
    hint: `use --name ${shellArg(alike)} (with --yes to replace it), or another name`,
  });
}

function rosterNameTaken(name: string): UsageError {
  return new UsageError(`a roster named ${name} already exists`, { hint: `choose another --name, or add --yes to replace it (skillsnet roster show ${shellArg(name)} to see it first)` });
}

function entry(c: Candidate, reasons: string[], replaces?: number[]): CoreGroupEntry {
  return {
    id: c.id, organization: c.organization, organizationId: c.organizationId ?? null, region: c.region, country: c.country, language: c.language,
    categories: c.categories, score: c.score, scoreSource: c.scoreSource, reasons, call: c.call ?? null, ...(replaces ? { replaces } : {}),
  };
}

type Warn = (code: string, message: string) => void;

/** The eligible applications, with --include's, and warnings about what may surprise. */
function loadCandidates(db: DB, options: CoreGroupOptions, warn: Warn): Candidate[] {
  const combined = combinedScores(db);
  const candidates = eligibleCandidates(db, { ...(options.filters ?? {}), minScore: options.minScore }, combined);
  const ids = new Set(candidates.map((c) => c.id));
  for (const id of options.include ?? []) {
    if (ids.has(id)) continue;
    const app = getApplication(db, id);
    if (!app) throw new UsageError(`--include: no application with ID ${id}`, { hint: 'find IDs with skillsnet list' });
    warn('include-outside-filters', `application ${id} does not match the filters; it is included anyway because --include names it`);
    candidates.push(candidateOf(app, combined));
    ids.add(id);
  }
  for (const id of options.exclude ?? []) {
    if (!ids.has(id) && !getApplication(db, id)) warn('exclude-unknown', `--exclude: no application with ID ${id}; ignored`);
  }
  const reviewers = candidates.filter((c) => c.scoreSource === 'reviewers').length;
  const none = candidates.filter((c) => c.scoreSource === 'none').length;
  // Only those with a score of their own are ranked by it; those with none are the next warning's.
  const own = candidates.filter((c) => c.scoreSource === 'application').length;
  if (reviewers > 0 && own > 0) {
    warn('reviewer-scores-partial', `${own} of ${candidates.length} eligible applications have no reviewer score; their own score is used (scale may differ)`);
  }
  if (none > 0 && none < candidates.length) warn('unscored', `${none} eligible application${none === 1 ? ' has' : 's have'} no score and count${none === 1 ? 's' : ''} as 0 (add --min-score to leave them out)`);
  return candidates.sort((a, b) => a.id - b.id);
}

/**
 * Candidates of several calls whose scores sit on different scales (a 0–10 call beside a 0–100
 * one) are never compared as they are: refused, or with --rescale-scores each call's
 * application scores put on 0–10 by its scale, said in a warning. Reviewers' combined scores
 * are on 0–10 already.
 */
function onOneScale(candidates: Candidate[], options: CoreGroupOptions, warn: Warn, callbacks: Callbacks): { candidates: Candidate[]; scoreScales?: CallScale[] } {
  const checked = scoresOnOneScale(candidates, { rescaleScores: options.rescaleScores, what: 'the eligible applications', alternative: 'select one call with --call NAME' });
  if (checked.status) callbacks.onStatus?.(checked.status);
  if (!checked.scales) return { candidates };
  warn('scores-rescaled', checked.warning!);
  return { candidates: rescale(candidates, checked.scales), scoreScales: checked.scales };
}

/** No eligible application has a score: a "best" roster would be the first imported. */
function unscoredError(eligible: number): UsageError {
  return new UsageError(
    `none of the ${eligible} eligible application${eligible === 1 ? ' has' : 's has'} a score, so the "best" roster would simply be the lowest application IDs (the order of import): an arbitrary choice`,
    { hint: "import reviewers' scores (skillsnet scores import FILE), or choose the order on purpose: --order submitted (earliest submitted first), --order random [--seed N] (a reproducible draw) or --order id (the order of import)" },
  );
}

/** The filters as the officer typed them: "--region Africa, --call 2020". */
export function describeFilters(filters: ApplicationFilters): string[] {
  const flags: [keyof ApplicationFilters, string][] = [
    ['call', '--call'], ['region', '--region'], ['country', '--country'], ['category', '--category'],
    ['language', '--language'], ['roster', '--roster'], ['search', '--search'],
  ];
  const named = flags.filter(([k]) => filters[k] !== undefined).map(([k, flag]) => `${flag} ${JSON.stringify(String(filters[k])).replace(/^"([^\s"]*)"$/, '$1')}`);
  return filters.allCalls ? [...named, '--all-calls'] : named;
}

/**
 * Nothing is eligible: say why — an empty database, filters that match nothing (named), or a
 * --min-score above every score (with the highest score there is).
 */
function noEligibleError(db: DB, filters: ApplicationFilters, minScore: number | undefined): OperationError {
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
  const scored = matching.map((a) => candidateOf(a, combined)).filter((c) => c.scoreSource !== 'none');
  const among = named.length ? ` among the ${matching.length} matching ${named.join(', ')}` : '';
  if (scored.length === 0) {
    return fail(`no application${among} has a score, so none scores at least ${minScore}`, 'drop --min-score (unscored applications count as 0), or import scores: skillsnet scores import FILE');
  }
  const best = scored.reduce((a, c) => Math.max(a, c.score), -Infinity);
  return fail(
    `no application${among} scores at least ${minScore}: the highest score is ${Math.round(best * 1e4) / 1e4}`,
    `lower --min-score to ${Math.round(best * 1e4) / 1e4} or less, or drop it`,
  );
}

function warnAboutData(warn: Warn, candidates: Candidate[], quotas: Quota[]): void {
  const features = new Set(quotas.map((q) => q.feature));
  const missing = (what: string, n: number, hint: string) => {
    if (n > 0) warn(`no-${what}`, `${n} eligible application${n === 1 ? ' has' : 's have'} no ${what} and count${n === 1 ? 's' : ''} towards no ${what} quota (${hint})`);
  };
  // (the applications by ID, and the edit that fills the field: the region hint pointed at a
  // "country_raw" field that list --json spells countryRaw, the language one at a column that a
  // form's export, whose language is read from the text, does not have)
  const toEdit = (ids: number[], field: string, example: string) => {
    const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')}…` : ids.join(', ');
    return `application${ids.length === 1 ? '' : 's'} ${shown}: give ${ids.length === 1 ? 'it' : 'each'} a ${field}, e.g. skillsnet edit ${ids[0]} --set ${field}=${example}`;
  };
  const without = (has: (c: Candidate) => unknown) => candidates.filter((c) => !has(c)).map((c) => c.id);
  if (features.has('region')) {
    const ids = without((c) => c.region);
    missing('region', ids.length, toEdit(ids, 'country', 'Peru'));
  }
  if (features.has('category')) missing('category', candidates.filter((c) => c.categories.length === 0).length, 'run skillsnet tag auto');
  if (features.has('language')) {
    const ids = without((c) => c.language);
    missing('language', ids.length, toEdit(ids, 'language', 'es'));
  }
  if (features.has('workingLanguage')) {
    const n = candidates.filter((c) => !c.workingLanguage).length;
    // (language is the one the application is written in; a form may not have asked for the other)
    if (n > 0) warn('no-working-language', `${n} eligible application${n === 1 ? ' states' : 's state'} no preferred working language and count${n === 1 ? 's' : ''} towards no working language quota (${n === candidates.length ? 'none of the imported files had that column; ' : ''}set one with skillsnet edit ID --set workingLanguage=fr, or write "language" in the quotas file to count the language the application is written in)`);
  }
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
