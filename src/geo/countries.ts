/**
 * Country resolution: free text (English, French or Spanish names, official long
 * forms, ISO alpha-2/alpha-3 codes) -> ISO 3166-1 alpha-2 and its ILO region.
 * The only place that knows countries; import, filters and exports all call it.
 *
 * Tables officers may correct: data/countries.csv (code -> English name and ILO region) and
 * data/country-aliases.csv (extra spellings -> code). The names i18n-iso-countries knows in
 * English, French and Spanish are indexed too; an alias wins over them. An alias whose code
 * is `-` marks a placeholder that is not a country ("N/A", "NA", "Unknown"): spreadsheets use
 * "NA" for "not available" far more often than for Namibia, which resolves from its name or NAM.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { distance } from 'fastest-levenshtein';
import { isRegion, type Region } from '../model.js';
import { dataPath } from '../paths.js';
import { parseDataCsv } from '../data/csv.js';
import { normaliseName } from './normalise.js';

export interface CountryMatch {
  /** ISO 3166-1 alpha-2 */
  code: string;
  /** English short name */
  name: string;
  region: Region | null;
}

export interface CountryRow {
  alpha2: string;
  alpha3: string;
  name: string;
  region: Region;
}

type I18nCountries = typeof import('i18n-iso-countries');
const NAME_LANGS = ['en', 'fr', 'es'] as const;

interface CountryIndex {
  rows: Map<string, CountryRow>;
  /** normalised name -> alpha2 */
  keys: Map<string, string>;
  /** ISO alpha-2 and alpha-3 codes (lower case) -> alpha2: only for text written as a code */
  codes: Map<string, string>;
  /** keys bucketed by length, for the typo fallback */
  byLength: Map<number, string[]>;
  lib: I18nCountries;
  /** placeholders such as "n/a": never a country, not even by the typo fallback */
  notCountries: Set<string>;
  /** every word of the names, sorted (built on first use) */
  nameWords?: string[];
  /** a dependent territory -> the country it belongs to (data/territories.csv): Puerto Rico -> US */
  sovereign: Map<string, string>;
}

let index: CountryIndex | undefined;
const cache = new Map<string, CountryMatch | null>();
/** Distinct raw values are few in real files; the bound only matters for hostile ones. */
const CACHE_LIMIT = 20_000;

function readCsv(file: string): Record<string, string>[] {
  try {
    return parseDataCsv(fs.readFileSync(dataPath(file), 'utf8'));
  } catch (e) {
    throw new Error(`data/${file}: ${(e as Error).message}`);
  }
}

const require = createRequire(import.meta.url);

function loadLibrary(): I18nCountries {
  // i18n-iso-countries is CommonJS and only needed on first use: keep it off the startup path.
  // Its main entry registers every one of its ~80 languages (60 ms, most of a one-row
  // import's start); the library proper and the languages used are enough.
  const lib = require('i18n-iso-countries/index') as I18nCountries;
  for (const lang of NAME_LANGS) registerLanguage(lib, lang);
  return lib;
}

/** Registers the library's names in one more language; false when it has none. */
function registerLanguage(lib: I18nCountries, lang: string): boolean {
  if (lib.langs().includes(lang)) return true;
  if (!/^[a-z]{2,3}$/.test(lang)) return false;
  try {
    lib.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    return true;
  } catch {
    return false;
  }
}

function buildIndex(): CountryIndex {
  const lib = loadLibrary();
  const rows = new Map<string, CountryRow>();
  for (const r of readCsv('countries.csv')) {
    const alpha2 = r.alpha2.toUpperCase();
    if (!isRegion(r.region)) throw new Error(`data/countries.csv: unknown region "${r.region}" for ${alpha2}`);
    rows.set(alpha2, { alpha2, alpha3: r.alpha3.toUpperCase(), name: r.name, region: r.region });
  }

  // Library names first; a key two countries share (e.g. "congo") is ambiguous and dropped,
  // unless the table or the alias file below says which country it means.
  const keys = new Map<string, string>();
  const ambiguous = new Set<string>();
  const addWeak = (text: string, code: string) => {
    const key = normaliseName(text);
    if (!key || ambiguous.has(key)) return;
    const prior = keys.get(key);
    if (prior && prior !== code) {
      keys.delete(key);
      ambiguous.add(key);
    } else keys.set(key, code);
  };
  for (const lang of NAME_LANGS) {
    for (const [code, names] of Object.entries(lib.getNames(lang, { select: 'all' }))) {
      for (const name of names as string[]) addWeak(name, code);
    }
  }
  const addStrong = (text: string, code: string) => {
    const key = normaliseName(text);
    if (key) keys.set(key, code);
  };
  for (const row of rows.values()) addStrong(row.name, row.alpha2);
  const placeholders: string[] = [];
  for (const a of readCsv('country-aliases.csv')) {
    const code = a.alpha2.toUpperCase();
    if (code === '-') {
      placeholders.push(normaliseName(a.alias));
      continue;
    }
    if (!rows.has(code)) throw new Error(`data/country-aliases.csv: "${a.alias}" points to unknown code ${a.alpha2}`);
    addStrong(a.alias, code);
  }
  // Codes apart: an ISO code written as a code ("KE", "mex") always means that country, but a
  // dotted abbreviation is no code ("I.S." is not Iceland; "U.S.A." is a listed alias).
  const codes = new Map<string, string>();
  for (const row of rows.values()) {
    codes.set(row.alpha2.toLowerCase(), row.alpha2);
    if (row.alpha3) codes.set(row.alpha3.toLowerCase(), row.alpha2);
  }
  for (const key of placeholders) {
    keys.delete(key);
    codes.delete(key);
  }
  const notCountries = new Set(placeholders);
  const sovereign = new Map<string, string>();
  for (const t of readCsv('territories.csv')) {
    const [code, of] = [t.alpha2.toUpperCase(), t.sovereign.toUpperCase()];
    if (!rows.has(code) || !rows.has(of)) throw new Error(`data/territories.csv: unknown code in "${t.alpha2},${t.sovereign}"`);
    sovereign.set(code, of);
  }

  const byLength = new Map<number, string[]>();
  for (const key of keys.keys()) {
    if (key.length < 4) continue; // codes and tiny names never serve as typo targets
    const bucket = byLength.get(key.length) ?? [];
    bucket.push(key);
    byLength.set(key.length, bucket);
  }
  return { rows, keys, codes, byLength, lib, notCountries, sovereign };
}

function getIndex(): CountryIndex {
  index ??= buildIndex();
  return index;
}

/** The normalised forms worth trying for one raw value, most literal first. */
function candidates(text: string): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    let key = normaliseName(s);
    if (key.startsWith('the ')) key = key.slice(4);
    if (key && !out.includes(key)) out.push(key);
  };
  add(text);
  // "Bolivia (Plurinational State of)" is indexed whole; "Ghana (West Africa)" is not.
  const withoutParens = text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  if (withoutParens !== text) add(withoutParens);
  // Directory order: "Korea, Republic of" -> "Republic of Korea"
  const comma = withoutParens.match(/^([^,]+),\s*([^,]+)$/);
  if (comma) add(`${comma[2]} ${comma[1]}`);
  // "Rép. centrafricaine", "Rep. del Congo", "Rep. Dem. del Congo": the abbreviations written out,
  // in each language (the Spanish Republic of the Congo was a typo's distance from "Rép. dém. Congo")
  for (const key of [...out]) {
    const words = key.split(' ');
    if (!words.some((w) => ABBREVIATED.has(w))) continue;
    for (const lang of [0, 1, 2]) add(words.map((w) => ABBREVIATED.get(w)?.[lang] ?? w).join(' '));
  }
  return out;
}
/** Abbreviated words of countries' names, written out in English, French and Spanish. */
const ABBREVIATED: ReadonlyMap<string, readonly [string, string, string]> = new Map([
  ['rep', ['republic', 'republique', 'republica']],
  ['dem', ['democratic', 'democratique', 'democratica']],
  ['pop', ['peoples', 'populaire', 'popular']],
  ['fed', ['federal', 'federale', 'federal']],
]);

/**
 * A single typo, when exactly one country is that close: "Columbia" -> Colombia; "Nigeri"
 * (Niger or Nigeria?) stays unresolved. A word of five letters only with a letter missing
 * ("Canda" -> Canada): a letter changed or one too many in so short a word is another word
 * ("Chlie", and "Lagos", a city, is no Laos).
 */
function fuzzy(key: string, idx: CountryIndex): string | null {
  if (key.length < 5) return null;
  const short = key.length < 6;
  let found: string | null = null;
  for (let len = key.length - 1; len <= key.length + 1; len++) {
    if (short && len <= key.length) continue;
    for (const candidate of idx.byLength.get(len) ?? []) {
      if (distance(key, candidate) > 1) continue;
      const code = idx.keys.get(candidate)!;
      if (found && found !== code) return null;
      found = code;
    }
  }
  return found;
}

/** "I.S.", "E.U.A.": letters with dots, an abbreviation that is resolved only when listed. */
const DOTTED = /^(?:\p{L}\.\s*){2,4}$/u;

function match(code: string, idx: CountryIndex): CountryMatch {
  const row = idx.rows.get(code);
  return { code, name: row?.name ?? code, region: row?.region ?? null };
}

/**
 * A part of a cell that names a country as written (no typo allowed). Written as two or three
 * letters, it names one only as a listed short form ("USA", "UK", "UAE", "RDC"), or as an ISO
 * code when `codes`: the "CA" of "USA, CA" is California, not Canada.
 */
function exactCode(text: string, idx: CountryIndex, codes: boolean): string | null {
  const keys = candidates(text);
  if (!keys.length || idx.notCountries.has(keys[0]!)) return null;
  const raw = text.trim();
  if (/^[A-Za-z]{2,3}$/.test(raw)) return (codes ? idx.codes.get(raw.toLowerCase()) : undefined) ?? idx.keys.get(keys[0]!) ?? null;
  for (const key of keys) {
    const code = idx.keys.get(key);
    if (code) return code;
  }
  return null;
}

/**
 * The country a cell's parts name together, when they are one country's name cut at a comma
 * ("Congo, Democratic Republic": every word, or its start, is a word of one name of the DR
 * Congo): that country; `named` when its own names hold them all, or none does (a place and
 * its country, "Kenya, Nairobi"); null when they fit several others.
 */
function wholeName(parts: readonly string[], named: string, idx: CountryIndex): string | null {
  const words = normaliseName(parts.join(' ')).split(' ').filter((w) => w.length >= 3 && w !== 'the');
  if (words.length < 2) return named;
  // (quick: a word that begins no word of any country's name is a place's, "Nairobi")
  idx.nameWords ??= [...new Set([...idx.keys.keys()].flatMap((k) => k.split(' ')))].sort();
  const sorted = idx.nameWords;
  const begins = (w: string) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < w) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo]!.startsWith(w);
  };
  if (!words.every(begins)) return named;
  const fits = new Set<string>();
  for (const [key, code] of idx.keys) {
    if (fits.has(code)) continue;
    const keyWords = key.split(' ');
    if (words.every((w) => keyWords.some((k) => k === w || (w.length >= 3 && k.startsWith(w))))) fits.add(code);
  }
  if (fits.has(named) || fits.size === 0) return named;
  return fits.size === 1 ? [...fits][0]! : null;
}

/** Small words left out of a name's initials: "DPR" is the Democratic People's Republic (of). */
const NOT_INITIALS = new Set(['of', 'the', 'and', 'du', 'de', 'des', 'la', 'le', 'del', 'y', 'et']);

/**
 * The one country whose name holds `outer` and whose words (or its other words) begin with the
 * letters of `letters`, in order, or whose ISO code they are: "Korea (DPR)" is the Democratic
 * People's Republic of Korea, "Congo (DR)" the Democratic Republic of the Congo, "Congo (RC)" the
 * République du Congo, "Congo (CD)" the DR Congo. null when none or several do.
 */
function byInitials(outer: string, letters: string, idx: CountryIndex): string | null {
  const name = normaliseName(outer);
  const fits = new Set<string>();
  for (const [key, code] of idx.keys) {
    if (!` ${key} `.includes(` ${name} `)) continue;
    const words = key.split(' ').filter((w) => !NOT_INITIALS.has(w));
    const rest = ` ${key} `.replace(` ${name} `, ' ').trim().split(' ').filter((w) => w && !NOT_INITIALS.has(w));
    if (idx.codes.get(letters) === code || [words, rest].some((ws) => ws.map((w) => w[0]).join('') === letters)) fits.add(code);
  }
  return fits.size === 1 ? [...fits][0]! : null;
}

/**
 * A name with a bracket that says which of the countries so named ("Congo (RDC)", "Congo (Rép.
 * dém.)", "Congo (République démocratique du)": the DR Congo) was read as the name without it
 * ("Congo": the Republic of the Congo), a wrong country without a warning. The bracket names a
 * country whose own name holds the name ("RDC", the Democratic Republic of the Congo): that
 * country; or the name and the bracket's words are one country's name (as a name cut at a comma
 * is): that one, else the name's (null when they fit several). Capitals are a name's initials
 * ("Korea (DPR)"). A bracket naming the country a territory belongs to keeps the territory
 * ("Puerto Rico (USA)"), or names the one of its territories so called ("Virgin Islands (UK)",
 * "Samoa (USA)"); one naming another country, of which the name is no territory, is a place of
 * it called like a country ("Georgia (USA)", a state): null, as "Georgia, USA" is, not Georgia.
 * undefined when this is no such cell: no bracket, a name indexed whole ("Bolivia (Plurinational
 * State of)", "Congo (Brazzaville)"), or a name before it that names no country.
 */
function bracketName(text: string, keys: readonly string[], idx: CountryIndex): string | null | undefined {
  const bracket = /^([^()[\]]+?)\s*[([]([^()[\]]+)[)\]]\s*$/.exec(text.trim());
  if (!bracket || idx.keys.has(keys[0]!)) return undefined;
  const outer = bracket[1]!;
  const inner = bracket[2]!;
  const qualified = exactCode(inner, idx, false);
  const named = exactCode(outer, idx, false);
  const name = ` ${normaliseName(outer)} `;
  if (qualified && !(named && idx.sovereign.get(named) === qualified)) {
    const territories = new Set([...idx.keys].filter(([key, code]) => idx.sovereign.get(code) === qualified && ` ${key} `.includes(name)).map(([, code]) => code));
    if (territories.size === 1) return [...territories][0]!;
  }
  if (!named) return undefined;
  if (qualified && qualified !== named) {
    if ([...idx.keys].some(([key, code]) => code === qualified && ` ${key} `.includes(name))) return qualified;
    return idx.sovereign.get(named) === qualified ? named : null;
  }
  const letters = inner.replace(/[.\s]/g, '');
  if (/^\p{Lu}{2,4}$/u.test(letters) && !qualified) {
    const initialled = byInitials(outer, letters.toLowerCase(), idx);
    if (initialled) return initialled;
  }
  return wholeName([outer, inner], named, idx);
}

function resolveUncached(text: string): CountryMatch | null {
  const idx = getIndex();
  const keys = candidates(text);
  if (!keys.length || idx.notCountries.has(keys[0]!)) return null;
  const bracketed = bracketName(text, keys, idx);
  if (bracketed !== undefined) return bracketed ? match(bracketed, idx) : null;
  const exact = exactCode(text, idx, true);
  if (exact) return match(exact, idx);
  const raw = text.trim();
  if (DOTTED.test(raw)) return null;
  // A place and its country: "England, UK", "Kampala, Uganda", "Lima / Peru", "Kenya, Nairobi",
  // "Ghana - Accra". The one country its parts name as written (a city that looks like another
  // country's typo is no evidence of it: "Lagos, Nigeria"), unless the parts are that country's
  // name cut in two and another country's whole ("Congo, Democratic Republic"); a code only as the
  // last part and when no part names a country ("Lima, PE"; the "CA" of "CA, San Diego" or of
  // "USA, CA" is no Canada). Else a typo in the last part ("Kampala, Ugnada").
  const parts = raw.split(/\s*[,/]\s*|\s+-\s+/).filter(Boolean);
  if (parts.length > 1) {
    const named = new Set<string>();
    for (const p of parts) {
      const code = exactCode(p, idx, false);
      if (code) named.add(code);
    }
    if (named.size === 0) {
      const code = exactCode(parts[parts.length - 1]!, idx, true);
      if (code) named.add(code);
    }
    if (named.size === 1) {
      const code = wholeName(parts, [...named][0]!, idx);
      return code ? match(code, idx) : null;
    }
    if (named.size === 0) {
      const last = resolveCountry(parts[parts.length - 1]!);
      if (last) return last;
    }
  }
  for (const key of keys) {
    const code = fuzzy(key, idx);
    if (code) return match(code, idx);
  }
  return null;
}

/** A country name or ISO code in any of the network's languages -> code, name and ILO region; null when unknown. */
export function resolveCountry(text: string): CountryMatch | null {
  if (typeof text !== 'string' || text.trim() === '' || text.length > 200) return null;
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const result = resolveUncached(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

/**
 * True for what people write when they give no country: "N/A", "none", "-", "—", "Unknown"...
 * (the "-" rows of data/country-aliases.csv, and text without a letter or digit). The import
 * treats it as a blank cell rather than an unrecognised country.
 */
export function isNoCountry(text: string): boolean {
  // (a bare "NA" may be Namibia's code in a country column; every other placeholder is none)
  return isPlaceholder(text) && text.trim() !== 'NA';
}

/** What stands for "no value" in a cell: "N/A", "NA" (even as written for Namibia), "none", "-", "Unknown". */
export function isPlaceholder(text: string): boolean {
  if (typeof text !== 'string') return false;
  const key = normaliseName(text);
  return key === '' || getIndex().notCountries.has(key);
}

/** ILO region of an ISO alpha-2 code (any case); null for an unknown code. */
export function regionOfCountry(code: string): Region | null {
  return getIndex().rows.get(code.trim().toUpperCase())?.region ?? null;
}

/** Name of a country in English (the table's name), French or Spanish; the code itself when unknown. */
export function countryName(code: string, lang: string = 'en'): string {
  const idx = getIndex();
  const alpha2 = code.trim().toUpperCase();
  const row = idx.rows.get(alpha2);
  if (!row) return code;
  if (lang === 'en') return row.name;
  return (registerLanguage(idx.lib, lang) && idx.lib.getName(alpha2, lang)) || row.name;
}

/**
 * Other countries whose English name holds the text as whole words: "Congo" (the Republic of the
 * Congo) is in the Democratic Republic of the Congo's name too, "Guinea" in three others',
 * "Sudan" in South Sudan's. What a reader of "Congo" may have meant instead of `code`.
 */
export function countriesAlsoNamed(text: string, code: string): { code: string; name: string }[] {
  const key = normaliseName(text);
  if (key.length < 3) return [];
  const words = ` ${key} `;
  const out: { code: string; name: string }[] = [];
  for (const row of getIndex().rows.values()) {
    if (row.alpha2 === code.toUpperCase()) continue;
    if (` ${normaliseName(row.name)} `.includes(words)) out.push({ code: row.alpha2, name: row.name });
  }
  return out;
}

/** Every country of the table, ordered by alpha-2 code. */
export function listCountries(): CountryRow[] {
  return [...getIndex().rows.values()];
}

export function isCountryCode(code: string): boolean {
  return getIndex().rows.has(code.trim().toUpperCase());
}
