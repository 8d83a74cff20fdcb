import type { Command } from 'commander';
import { Option } from 'commander';
import { addFilterOptions, callsCounted, checkFilterNames, parseFilters, type FilterFlags } from './filters.js';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, type IO } from './io.js';
import { callsCountedBy, countBy, STAT_DIMENSIONS, type StatDimension, type StatGroup } from '../db/stats.js';
import { countApplications } from '../db/applications.js';
import type { ApplicationFilters } from '../model.js';
import { bar, renderTable } from '../ui/table.js';
import { categoryName } from '../tagging/taxonomy.js';

export interface StatsOptions {
  dbPath: string;
  by: StatDimension;
  filters: ApplicationFilters;
  json?: boolean;
}

export interface StatsResult {
  by: StatDimension;
  total: number;
  groups: StatGroup[];
}

export async function runStats(opts: StatsOptions, io: IO): Promise<StatsResult> {
  let calls: string[] = [];
  const result = await withDatabase(opts.dbPath, { create: false, io }, (db) => (checkFilterNames(db, opts.filters), (calls = callsCountedBy(db, opts.filters)), {
    by: opts.by,
    total: countApplications(db, opts.filters),
    groups: countBy(db, opts.by, opts.filters),
  }));
  if (opts.json) {
    printJson(io, result);
    return result;
  }
  const max = Math.max(0, ...result.groups.map((g) => g.count));
  const label = (g: StatGroup) => {
    if (g.value === null) return opts.by === 'category' ? '(untagged)' : '(unknown)';
    return opts.by === 'category' ? `${g.value}` : g.value;
  };
  const rows = result.groups.map((g) => [
    label(g),
    g.count,
    result.total ? `${((100 * g.count) / result.total).toFixed(1)}%` : '',
    io.stdoutIsTTY ? bar(g.count, max, 30) : '',
  ]);
  const headers = [opts.by === 'type' ? 'organisation type' : opts.by, 'applications', 'share', ''];
  io.stdout.write(renderTable(io, io.stdoutIsTTY ? headers : headers.slice(0, 3), io.stdoutIsTTY ? rows : rows.map((r) => r.slice(0, 3))));
  if (opts.by === 'category' && io.stdoutIsTTY) {
    info(io, io.errColor.dim(result.groups.filter((g) => g.value).map((g) => `${g.value}: ${categoryName(g.value!)}`).join('\n')));
  }
  // (a status line, as every command's: --quiet keeps only errors and warnings)
  info(io, `${result.total} application${result.total === 1 ? '' : 's'}${callsCounted(calls, opts.filters, opts.by === 'call' ? '' : ', --by call for each')}` +
    `${opts.by === 'category' ? ' (one application can have several categories)' : ''}`);
  return result;
}

export function registerStats(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('stats')
    .description('count applications by region, country, category, language, organisation type or call');
  addFilterOptions(cmd)
    .addOption(new Option('--by <dimension>', 'what to count by').choices([...STAT_DIMENSIONS]).default('region'))
    .option('--json', 'print {"by", "total", "groups": [{"value", "count"}]}')
    .addHelpText('after', '\nExamples:\n  skillsnet stats\n  skillsnet stats --by category\n  skillsnet stats --by country --region Africa\n  skillsnet stats --by language --json')
    .action(async (flags: FilterFlags & { by: StatDimension; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runStats({ dbPath, by: flags.by, filters: parseFilters(flags), json: flags.json }, io);
    });
}
