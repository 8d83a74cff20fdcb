/**
 * A region, country or language as an officer types it in a flag or a quotas file, checked and
 * turned into the form the data uses; a usage error (exit 2) that says what to give otherwise.
 */
import { UsageError } from '../errors.js';
import { REGIONS, type Region } from '../model.js';
import { isCountryCode, isPlaceholder, resolveCountry } from './countries.js';
import { languagesNamed } from './languages.js';
import { resolveRegion } from './regions.js';
import { didYouMean } from '../suggest.js';

const SMALL_WORDS = new Set(['the', 'and']);

export function parseRegion(input: string): Region {
  const named = resolveRegion(input);
  if (named) return named;
  const wanted = input.trim().toLowerCase().replace(/\s+/g, ' ').replace(/&/g, 'and');
  const found = REGIONS.find((r) => r.toLowerCase() === wanted);
  if (found) return found;
  // A part of one region's name ("Pacific", "Arab", "Central Asia"), word by word: letters inside a
  // word are no part ("fr" is in "Africa", and a quota on region "fr" must not count Africa).
  // The small words of the names ("the", "and") are no part on their own: "the" is no region.
  const words = wanted.split(' ').filter(Boolean);
  const partial = REGIONS.filter((r) => {
    const names = r.toLowerCase().split(' ');
    return words.some((w) => !SMALL_WORDS.has(w)) && words.every((w) => names.some((n) => n === w || (w.length >= 4 && n.startsWith(w))));
  });
  if (partial.length === 1) return partial[0];
  if (partial.length > 1) {
    throw new UsageError(`region "${input.trim()}" is part of ${partial.length === 2 ? 'two' : partial.length} region names: ${partial.map((r) => `"${r}"`).join(', ')}`, { hint: 'give the whole name of one of them' });
  }
  throw new UsageError(`unknown region "${input}"${didYouMean(input, REGIONS)}`, { hint: `use one of: ${REGIONS.map((r) => `"${r}"`).join(', ')}` });
}

/** What separates the items of a list written in one cell: "KE, NG", "KE/NG", "Kenya and Nigeria", "Bénin et Togo". */
export const LIST_SEPARATOR = /\s*[,;|/+&]\s*|\s+(?:and|et|y)\s+/i;

/** The ISO code a country typed on purpose is: any code, Namibia's NA too (see parseCountry). */
function countryTyped(input: string): string | null {
  const match = resolveCountry(input);
  if (match) return match.code;
  const code = input.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && isCountryCode(code) ? code : null;
}

/**
 * The countries a cell lists, each part a country ("KE, NG", "Kenya / NG", "IN/US"); empty when it
 * names one or none. Country resolution reads "Nairobi, Kenya" as a place and its country and so
 * read "KE, NG" as Nigeria alone; where every part is a country of its own, it is a list.
 */
export function countriesListed(input: string): string[] {
  const parts = input.split(LIST_SEPARATOR).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return [];
  const codes = new Set<string>();
  for (const part of parts) {
    const code = countryTyped(part);
    if (!code) return [];
    codes.add(code);
  }
  return codes.size > 1 ? [...codes] : [];
}

export function parseCountry(input: string): string {
  const listed = countriesListed(input);
  if (listed.length) {
    throw new UsageError(`"${input.trim()}" names ${listed.length} countries: ${listed.join(', ')}`, { hint: 'give one country' });
  }
  // A cell of a spreadsheet reads "NA" as "not available" rather than Namibia, but a country typed
  // in a flag or a quotas file is named on purpose, and list --json writes Namibia as NA: an ISO
  // code is the country it codes.
  const code = countryTyped(input);
  if (code) return code;
  throw new UsageError(`unknown country "${input}"`, { hint: 'give an ISO 3166-1 code (MX, FRA) or a country name' });
}

export function parseLanguage(input: string): string {
  const trimmed = input.trim();
  // Two letters are not enough: "xx" is no language, and a filter or quota on it would
  // silently match nothing. Codes and names go through the same resolver as imports.
  const named = languagesNamed(trimmed);
  if (named.length > 1) {
    throw new UsageError(`"${trimmed}" names ${named.length} languages: ${named.join(', ')}`, {
      hint: 'name one of them (in a quotas file, one line for each; in --min-per-language, en=1,fr=1)',
    });
  }
  const code = named[0];
  // ("N/A", "none", "-": what a spreadsheet writes for no value; nothing counts or filters on it)
  if (!code && isPlaceholder(trimmed)) {
    throw new UsageError(`"${trimmed}" is not a language: it stands for none, and no quota or filter counts applications without a language`, { hint: 'use an ISO 639-1 code such as en, fr or es, or a name such as French or español' });
  }
  if (!code) throw new UsageError(`"${input}" is not a language`, { hint: 'use an ISO 639-1 code such as en, fr or es, or a name such as French or español' });
  return code;
}
