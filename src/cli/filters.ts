import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { REGIONS, type ApplicationFilters, type Region } from '../model.js';
import { resolveCountry } from '../geo/countries.js';
import { resolveLanguage } from '../geo/languages.js';
import { resolveRegion } from '../geo/regions.js';
import type { DB } from '../db/connection.js';
import { callNames } from '../db/applications.js';
import { listRosters } from '../db/rosters.js';
import { parseCategoryCode } from '../tagging/taxonomy.js';

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
}

/**
 * Adds the filter flags that list, select and every export share, so that the same
 * flag means the same thing everywhere. `roster` is optional (export roster takes a name).
 */
export function addFilterOptions(cmd: Command, options: { roster?: boolean; minScore?: boolean } = {}): Command {
  cmd
    .option('--region <name>', 'only this ILO region, e.g. "Arab States"')
    .option('--country <country>', 'only this country (ISO code or name, e.g. MX, Mexique)')
    .option('--category <code>', 'only applications tagged with this category code')
    .option('--language <code>', 'only this language (ISO 639-1 code such as en, fr, es, or a name: French, español)')
    .option('--call <name>', 'only this call')
    .option('--search <text>', 'text in organisation, title, description, contact or email');
  if (options.roster !== false) cmd.option('--roster <name>', 'only members of this saved roster');
  if (options.minScore) cmd.option('--min-score <n>', 'only applications scoring at least n');
  return cmd;
}

export function parseRegion(input: string): Region {
  const named = resolveRegion(input);
  if (named) return named;
  const wanted = input.trim().toLowerCase().replace(/\s+/g, ' ').replace(/&/g, 'and');
  const found = REGIONS.find((r) => r.toLowerCase() === wanted);
  if (found) return found;
  const partial = REGIONS.filter((r) => r.toLowerCase().startsWith(wanted) || r.toLowerCase().includes(wanted));
  if (partial.length === 1) return partial[0];
  throw new UsageError(`unknown region "${input}"`, { hint: `use one of: ${REGIONS.map((r) => `"${r}"`).join(', ')}` });
}

export function parseCountry(input: string): string {
  const match = resolveCountry(input);
  if (!match) throw new UsageError(`unknown country "${input}"`, { hint: 'give an ISO 3166-1 code (MX, FRA) or a country name' });
  return match.code;
}

export function parseLanguage(input: string): string {
  const trimmed = input.trim();
  // Two letters are not enough: "xx" is no language, and a filter or quota on it would
  // silently match nothing. Codes and names go through the same resolver as imports.
  const code = resolveLanguage(trimmed);
  if (!code) throw new UsageError(`"${input}" is not a language`, { hint: 'use an ISO 639-1 code such as en, fr or es, or a name such as French or español' });
  return code;
}

export function parseNumber(input: string, flag: string): number {
  const n = Number(input.replace(',', '.'));
  if (!Number.isFinite(n)) throw new UsageError(`${flag} needs a number, got "${input}"`);
  return n;
}

/** Validates and normalises the filter flags. */
export function parseFilters(flags: FilterFlags): ApplicationFilters {
  const f: ApplicationFilters = {};
  if (flags.region !== undefined) f.region = parseRegion(flags.region);
  if (flags.country !== undefined) f.country = parseCountry(flags.country);
  if (flags.category !== undefined) f.category = parseCategoryCode(flags.category, 'category');
  if (flags.language !== undefined) f.language = parseLanguage(flags.language);
  if (flags.call !== undefined) f.call = flags.call;
  if (flags.roster !== undefined) f.roster = flags.roster;
  if (flags.search !== undefined && flags.search.trim() !== '') f.search = flags.search.trim();
  if (flags.minScore !== undefined) f.minScore = parseNumber(flags.minScore, '--min-score');
  return f;
}

/**
 * A --call or --roster that names nothing in this database is a mistake, not an empty result:
 * say so and list what there is (as --region Narnia does).
 */
export function checkFilterNames(db: DB, filters: ApplicationFilters): void {
  if (filters.call !== undefined) {
    const calls = callNames(db);
    if (!calls.includes(filters.call)) {
      throw new UsageError(`no call named "${filters.call}" in this database`, {
        hint: calls.length ? `calls here: ${calls.join(', ')}` : 'import applications first: skillsnet import FILE --call NAME',
      });
    }
  }
  if (filters.roster !== undefined) {
    const rosters = listRosters(db).map((r) => r.name);
    if (!rosters.includes(filters.roster)) {
      throw new UsageError(`no roster named "${filters.roster}" in this database`, {
        hint: rosters.length ? `rosters here: ${rosters.join(', ')}` : 'select one first: skillsnet select --size 25 --name core-2020',
      });
    }
  }
}
