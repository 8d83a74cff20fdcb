import type { Command } from 'commander';
import { Option } from 'commander';
import fs from 'node:fs';
import { addFilterOptions, callsCounted, parseFilters, type FilterFlags } from './filters.js';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, type IO } from './io.js';
import type { ApplicationFilters } from '../model.js';
import { renderTable } from '../ui/table.js';
import { taxonomy } from '../tagging/taxonomy.js';

type Lang = 'en' | 'fr' | 'es';

export interface CategoriesOptions {
  dbPath: string;
  filters?: ApplicationFilters;
  json?: boolean;
  /** Show the original (first call) taxonomy and its mapping instead. */
  original?: boolean;
  lang?: Lang;
}

export interface CategoriesResult {
  /** Applications in the database (matching the filters); 0 when there is no database yet. */
  total: number;
  untagged: number;
  categories: Array<{
    code: string;
    name: { en: string; fr: string; es: string };
    short: { en: string; fr: string; es: string };
    applications: number;
    byOfficer: number;
  }>;
  original: Array<{ code: string; name: { en: string; fr: string; es: string }; revised: string[] }>;
}

/** The two taxonomies with how many applications carry each revised category. */
export async function runCategories(opts: CategoriesOptions, io: IO): Promise<CategoriesResult> {
  const tax = taxonomy();
  // The taxonomy is useful before anything is imported: without a database, counts are 0.
  let calls: string[] = [];
  const counts = fs.existsSync(opts.dbPath)
    ? await withDatabase(opts.dbPath, { create: false, io }, async (db) => {
      calls = (await import('../db/stats.js')).callsCountedBy(db, opts.filters ?? {});
      return (await import('../tagging/counts.js')).categoryCounts(db, opts.filters ?? {});
    })
    : undefined;
  const byCode = new Map((counts?.categories ?? []).map((c) => [c.code, c]));
  const result: CategoriesResult = {
    total: counts?.total ?? 0,
    untagged: counts?.untagged ?? 0,
    categories: tax.revised.map((c) => ({
      code: c.code,
      name: c.name,
      short: c.short,
      applications: byCode.get(c.code)?.applications ?? 0,
      byOfficer: byCode.get(c.code)?.byOfficer ?? 0,
    })),
    original: tax.original.map((o) => ({ code: o.code, name: o.name, revised: o.revised })),
  };
  if (opts.json) {
    printJson(io, result);
    return result;
  }
  const lang = opts.lang ?? 'en';
  if (opts.original) {
    const rows = result.original.map((o) => [o.name[lang], o.revised.join(', ')]);
    io.stdout.write(renderTable(io, ['Original category (first call)', 'Revised code(s)'], rows));
    info(io, 'Applicants\' choices in either taxonomy (any of en/fr/es) are mapped to the revised codes when tagging.');
    return result;
  }
  const rows = result.categories.map((c) => [c.code, io.stdoutIsTTY ? c.name[lang] : c.short[lang], c.applications, c.byOfficer]);
  io.stdout.write(renderTable(io, ['Code', 'Category', 'Applications', 'By officer'], rows, io.stdoutIsTTY ? { maxWidth: [24, Math.max(30, io.columns - 60), 14, 12] } : {}));
  if (!counts) info(io, `No database at ${opts.dbPath} yet, so no counts. Import applications with skillsnet import FILE.`);
  else {
    info(io, `${result.total} application${result.total === 1 ? '' : 's'}${callsCounted(calls, opts.filters ?? {})}, ${result.untagged} without a category (skillsnet tag auto).` +
      ' One application can carry several categories.');
  }
  info(io, 'The original taxonomy of the first call and its mapping: skillsnet categories --original');
  return result;
}

export function registerCategories(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('categories')
    .description('list the skills categories (revised taxonomy) with how many applications carry each');
  addFilterOptions(cmd)
    .option('--original', 'show the original taxonomy of the first call and how it maps to the revised codes')
    .addOption(new Option('--lang <code>', 'write the category names in this language (to count only the applications written in a language, use --language)').choices(['en', 'fr', 'es']).default('en'))
    .option('--json', 'print {"total", "untagged", "categories": [...], "original": [...]}')
    .addHelpText(
      'after',
      `
Examples:
  skillsnet categories
  skillsnet categories --region Africa
  skillsnet categories --lang fr
  skillsnet categories --original
  skillsnet categories --language fr --lang fr   # French applications, names in French
  skillsnet categories --json`,
    )
    .action(async (flags: FilterFlags & { json?: boolean; original?: boolean; lang: Lang }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runCategories({ dbPath, filters: parseFilters(flags), json: flags.json, original: flags.original, lang: flags.lang }, io);
    });
}
