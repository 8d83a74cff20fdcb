import fs from 'node:fs';
import { distance } from 'fastest-levenshtein';
import { UsageError } from '../errors.js';
import { dataPath } from '../paths.js';

type Names = { en: string; fr: string; es: string };
export interface RevisedCategory { code: string; name: Names; short: Names }
export interface OriginalCategory { code: string; name: Names; revised: string[] }
export interface Taxonomy { revised: RevisedCategory[]; original: OriginalCategory[] }

let cached: Taxonomy | undefined;

/** Both taxonomies from data/taxonomy.json (officers may correct names there). */
export function taxonomy(): Taxonomy {
  cached ??= JSON.parse(fs.readFileSync(dataPath('taxonomy.json'), 'utf8')) as Taxonomy;
  return cached;
}

export function categoryCodes(): string[] {
  return taxonomy().revised.map((c) => c.code);
}

export function isCategoryCode(code: string): boolean {
  return categoryCodes().includes(code);
}

export function categoryName(code: string, lang: 'en' | 'fr' | 'es' = 'en', form: 'name' | 'short' = 'short'): string {
  const c = taxonomy().revised.find((x) => x.code === code);
  return c ? c[form][lang] : code;
}

/** The nearest category code to a mistyped one, or undefined when nothing is close. */
export function nearestCategoryCode(input: string): string | undefined {
  const needle = input.trim().toLowerCase();
  let best: { code: string; d: number } | undefined;
  for (const code of categoryCodes()) {
    const d = code.startsWith(needle) && needle.length >= 3 ? 0 : distance(needle, code);
    if (!best || d < best.d) best = { code, d };
  }
  return best && best.d <= Math.max(3, Math.floor(best.code.length / 3)) ? best.code : undefined;
}

/** Validates a category code given on the command line, suggesting the nearest on a typo. */
export function parseCategoryCode(input: string, flag = 'category'): string {
  const code = input.trim().toLowerCase();
  if (isCategoryCode(code)) return code;
  const near = nearestCategoryCode(code);
  throw new UsageError(`unknown ${flag} "${input}"${near ? `; did you mean "${near}"?` : ''}`, {
    hint: `the codes are: ${categoryCodes().join(', ')} (see skillsnet categories)`,
  });
}
