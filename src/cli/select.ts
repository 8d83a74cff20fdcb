import { Option, type Command } from 'commander';
import { addFilterOptions, parseFilters, parseNumber, type FilterFlags } from './filters.js';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { interruptSignal, setInterruptOutcome } from './signals.js';
import { canPrompt, info, type IO } from './io.js';
import { UsageError } from '../errors.js';
import { faultError } from '../files/faults.js';
import { notAnId, parseApplicationId, readId } from '../ids.js';
import type { ApplicationFilters } from '../model.js';
import { splitEligibility } from '../selection/candidates.js';
import { checkCoreGroupOptions, checkRosterName, coreGroupRules, saveCoreGroup, selectCoreGroup, type CoreGroupJson } from '../selection/core-group.js';
import { quotaReadingsMarked, quotaRulesFromFlags, type QuotaRule } from '../selection/quotas.js';

/** Lines of "read as" shown before a selection (a quotas file of hundreds of lines lists the rest in --json). */
const MAX_READINGS_SHOWN = 12;
import { ORDERS, type Order } from '../selection/ranking.js';
import { callbacksFor } from '../ui/callbacks.js';
import { renderCoverage, renderRosterTable } from '../ui/roster.js';
import { shellArg } from '../text.js';

export { SCORE_RULE } from '../selection/candidates.js';
export { describeFilters } from '../selection/core-group.js';
export type { CoreGroupEntry as SelectJsonEntry, CoreGroupJson as SelectJson } from '../selection/core-group.js';

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
  /** Only applications whose selection score (docs/selecting.md) is at least this. */
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
  /** The order that breaks ties between equal scores; needed when nothing is scored. */
  order?: Order;
  seed?: number;
  /** Put the scores of calls on different scales on 0–10. */
  rescaleScores?: boolean;
}

/**
 * Runs the selection and (unless --dry-run or the officer declines) saves the roster.
 * Returns the `select --json` object; throws OperationError (exit 1, JSON
 * {"feasible": false, "conflicts": [...]}) when no roster meets the quotas.
 */
export async function runSelect(opts: SelectOptions, io: IO): Promise<CoreGroupJson> {
  checkCoreGroupOptions(opts);
  // The quotas file is read before the database opens: its mistakes come first.
  const notes: string[] = [];
  const quotaRules = await coreGroupRules(opts, io.cwd, (note) => notes.push(note));
  // (in the file's order: what was skipped or carried beside how the values were read)
  const lineOf = (text: string) => Number(/ (?:lines?|rows?) (\d+)/.exec(text)?.[1] ?? 0);
  // (what the reader skipped or carried, and readings that may not be what was meant, are all
  // shown; the plain translations, "Afrique" read as region Africa, up to MAX_READINGS_SHOWN)
  const marked = [...notes.map((text) => ({ text, caution: true })), ...quotaReadingsMarked(quotaRules)];
  let plain = 0;
  const readings = marked.map((r, i) => ({ ...r, i, shown: r.caution || ++plain <= MAX_READINGS_SHOWN })).sort((a, b) => lineOf(a.text) - lineOf(b.text) || a.i - b.i);
  if (readings.length) {
    const shown = readings.filter((r) => r.shown).map((r) => r.text);
    info(io, `How the quotas file was read:\n${shown.map((l) => `  ${l}`).join('\n')}` +
      (readings.length > shown.length ? `\n  … and ${readings.length - shown.length} more (select --dry-run --json lists every quota)` : ''));
  }
  setInterruptOutcome(() => 'no roster was saved');
  return withDatabase(opts.dbPath, { io, write: !opts.dryRun }, async (db) => {
    // On a terminal the officer is asked (and a yes replaces a roster of the same name); elsewhere --yes answers.
    const ask = !opts.json && canPrompt(io) && !io.yes;
    if (!opts.dryRun) checkRosterName(db, opts.name, { overwrite: ask || io.yes });
    const selection = await selectCoreGroup(db, { ...opts, quotaRules, signal: interruptSignal() }, callbacksFor(io));
    const json = selection.result;
    if (!opts.json) {
      const calls = new Set([...json.members, ...json.alternates].map((m) => m.call).filter((c) => c !== null)).size > 1;
      io.stdout.write(renderRosterTable(io, json.members.map((m, i) => ({ ...m, rank: i + 1 })), { reasons: io.stdoutIsTTY, calls }));
      if (json.alternates.length) {
        io.stdout.write('\n' + io.color.bold('Alternates') + '\n');
        io.stdout.write(renderRosterTable(io, json.alternates.map((m, i) => ({ ...m, rank: i + 1 })), { reasons: io.stdoutIsTTY, calls }));
      }
      if (io.stdoutIsTTY) io.stdout.write('\n' + renderCoverage(io, json.coverage));
    }
    info(io, selectionSummary(json));

    if (opts.dryRun) {
      info(io, 'Dry run: nothing saved.');
    } else {
      let save = true;
      if (ask) {
        const prompts = await io.prompts();
        save = await prompts.confirm(selection.nameTaken ? `A roster named ${json.name} exists. Replace it with this one?` : `Save this roster as ${json.name}?`, !selection.nameTaken);
      }
      if (save) {
        try {
          // (the solver may have run for minutes: another command may be writing by now)
          const { waitForWriteLock, WAITING_FOR_WRITER } = await import('../db/connection.js');
          await waitForWriteLock(db, () => info(io, WAITING_FOR_WRITER));
          saveCoreGroup(db, selection, { overwrite: ask || io.yes });
          setInterruptOutcome(() => `roster ${json.name} was saved (skillsnet roster show ${shellArg(json.name)} shows it)`);
        } catch (e) {
          // (the roster is already on the screen: say it was not kept)
          throw faultError(e, { action: `save the roster ${json.name}`, kept: opts.json ? 'no roster was saved' : 'no roster was saved (the table above is not kept)' });
        }
        info(io, `Saved roster ${json.name}. See it again with: skillsnet roster show ${shellArg(json.name)}`);
      } else {
        info(io, 'Not saved.');
      }
    }
    if (opts.json) printJson(io, json);
    return json;
  });
}

const ORDER_WORDS: Record<Order, string> = {
  id: 'in the order of import (lowest application ID first)',
  submitted: 'in submission order (earliest first)',
  random: 'in a random draw',
};

/**
 * The line under the roster: its total score and whether it is proven optimal; with no scores,
 * what the roster really follows (an order, not a judgement of quality) rather than "Total score 0".
 */
export function selectionSummary(json: CoreGroupJson): string {
  const tail = `${json.eligible} eligible; selected in ${json.solveMs} ms.`;
  if (json.scored === 0) {
    const draw = json.order === 'random' ? ` (seed ${json.seed})` : '';
    return `No application has a score: the members are the first ${ORDER_WORDS[json.order]}${draw} that meet the quotas, not the best. ${tail}\n` +
      'Rank them on merit with reviewers\' scores: skillsnet scores import FILE, then select again.';
  }
  const optimality = json.optimal
    ? 'proven optimal'
    : `NOT proven optimal: the solver stopped at its time limit; no roster can total more than ${json.bound ?? '?'}; raise --time-limit to prove it`;
  const ties = json.order === 'id' ? '' : ` Ties broken ${ORDER_WORDS[json.order]}${json.order === 'random' ? ` (seed ${json.seed})` : ''}.`;
  return `Total score ${json.objective} (${optimality}).${ties} ${tail}`;
}

function parseIds(text: string | undefined, flag: string): number[] {
  if (text === undefined) return [];
  const options = { what: flag, hint: 'give application IDs from skillsnet list --search TEXT, separated by commas' };
  const parts = text.split(/[,\s]+/).filter(Boolean);
  // one bad part: the whole value is described ("a phone number", not "+1" then "555")
  if (parts.some((part) => !readId(part, 'application') || readId(part, 'application')!.kind !== 'application')) throw notAnId(text, ['application'], options);
  return parts.map((part) => parseApplicationId(part, options));
}

function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--seed needs a whole number, got "${text}"`, { hint: 'e.g. --seed 2024 (the same seed draws the same roster)' });
  return n;
}

function parseCount(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} needs a whole number, got "${text}"`, { hint: `for example ${flag} 1; skillsnet select --help lists the quotas` });
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
  order?: Order;
  seed?: string;
  rescaleScores?: boolean;
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
    .option('--max-per-organization <k>', 'at most k applications from one organisation (org-N: merges followed; two of one name in two countries are two); default 1, unless the quotas file has an organization,*,,K line')
    .option('--min-per-category <k>', 'at least k members tagged with each skills category')
    .option('--min-per-language <list>', 'minimums per language the application is written in, e.g. en=1,fr=1,es=1 (a quotas file line "working language,fr,3," counts the preferred working language)')
    .option('--quotas <file>', 'quotas CSV or .xlsx with the columns feature,value,min,max: counts, or shares of --size such as 20% (format in docs/quotas-file.md)');
  addFilterOptions(cmd, { minScore: true, allCalls: true })
    .option('--include <ids>', 'force these application IDs in (comma-separated)')
    .option('--exclude <ids>', 'keep these application IDs out (comma-separated)')
    .option('--name <name>', 'save the roster under this name (default roster-N)')
    .option('--alternates <k>', 'rank k alternates as a reserve', '5')
    .addOption(new Option('--order <order>', 'how ties between equal scores are broken, and with no scores at all the only order: id (order of import), submitted (earliest first) or random').choices([...ORDERS]))
    .option('--seed <n>', '--order random: the draw (the same seed, the same roster)')
    .option('--rescale-scores', 'calls whose scores are on different scales (0–10, 0–100): put each on 0–10 before comparing')
    .option('--time-limit <seconds>', 'stop the solver after this long with its best roster (reported as not proven optimal)', '60')
    .option('--dry-run', 'show the roster without saving it')
    .option('--json', 'print the roster as JSON (shape in docs/json.md)')
    .addHelpText(
      'after',
      `
The roster maximises the total score: the reviewers' combined score where reviewers
scored (skillsnet scores import), else the application's own score, else 0. Ties go to
lower application IDs (--order submitted or random to choose another order). With no
scores at all, select asks for an --order rather than call the first imported "best".
The answer is exact (HiGHS integer programming) and says whether it is proven optimal.
On a terminal it is shown and saved only if you say yes.

When the database holds several calls, say which (--call 2021) or take them together
(--all-calls); calls whose scores sit on different scales are then refused unless
--rescale-scores puts each on 0-10.

Examples:
  skillsnet select --size 25 --min-per-region 3 --max-per-country 2 \\
      --min-per-category 1 --min-per-language en=1,fr=1,es=1 --name core-2020
  skillsnet select --size 25 --quotas quotas.csv --call 2020 --dry-run
  skillsnet select --size 30 --min-per-region 4 --exclude 17,230 --include 5 --json
  skillsnet select --size 40 --all-calls --rescale-scores --min-per-region 5
  skillsnet select --size 20 --call 2024 --order submitted      # nobody scored yet`,
    )
    .action(async (flags: SelectFlags, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      if (flags.size === undefined) throw new UsageError('--size is required', { hint: 'for example: skillsnet select --size 25 --min-per-region 3' });
      const size = Number(flags.size);
      if (!Number.isInteger(size) || size < 1) throw new UsageError(`--size needs a whole number of at least 1, got "${flags.size}"`, { hint: 'the number of seats in the Core Group, e.g. --size 25' });
      const { filters, minScore } = splitEligibility(parseFilters(flags));
      const timeLimit = flags.timeLimit !== undefined ? parseNumber(flags.timeLimit, '--time-limit') : undefined;
      if (timeLimit !== undefined && timeLimit <= 0) throw new UsageError('--time-limit needs a positive number of seconds', { hint: 'e.g. --time-limit 120, or leave it out for 60' });
      await runSelect(
        {
          dbPath,
          size,
          minPerRegion: parseCount(flags.minPerRegion, '--min-per-region'),
          maxPerRegion: parseCount(flags.maxPerRegion, '--max-per-region'),
          maxPerCountry: parseCount(flags.maxPerCountry, '--max-per-country'),
          // (at least 1: quotaRulesFromFlags says so)
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
          order: flags.order,
          seed: parseSeed(flags.seed),
          rescaleScores: flags.rescaleScores,
        },
        io,
      );
    });
}
