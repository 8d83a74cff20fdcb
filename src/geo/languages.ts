/**
 * Language resolution: a column's value ("Français", "Spanish", "es", "ENG", "fr_CA") or the
 * text itself -> ISO 639-1 code. The only place that knows languages.
 *
 * Names officers may correct live in data/languages.json; any other language is recognised
 * from its ISO 639 code or its English/French/Spanish name through the ICU data Node ships
 * (Intl.DisplayNames), so "Tagalog" or "swa" are kept rather than lost.
 */
import { createRequire } from 'node:module';
import { NETWORK_LANGUAGES } from '../model.js';
import { loadDataFile } from '../data/load.js';
import { validateLanguages } from '../data/validate/languages.js';
import { normaliseName } from './normalise.js';

interface LanguageEntry {
  code: string;
  codes: string[];
  names: { en: string; fr: string; es: string; native: string };
  aliases: string[];
}

interface LanguageIndex {
  /** normalised name -> ISO 639-1 */
  names: Map<string, string>;
  /** ISO 639-1 codes */
  codes: Set<string>;
}

/** The data file's languages (officers correct it, so it wins over ICU). */
interface DataIndex extends LanguageIndex {
  /** ISO 639-2/3 forms listed in the data file -> ISO 639-1 */
  longCodes: Map<string, string>;
  entries: Map<string, LanguageEntry>;
}

let dataIndex: DataIndex | undefined;
let icuIndex: LanguageIndex | undefined;

function buildDataIndex(): DataIndex {
  const file = loadDataFile<{ languages: LanguageEntry[] }>('languages.json', validateLanguages);
  const names = new Map<string, string>();
  const codes = new Set<string>();
  const longCodes = new Map<string, string>();
  const entries = new Map<string, LanguageEntry>();
  for (const entry of file.languages) {
    entries.set(entry.code, entry);
    codes.add(entry.code);
    for (const c of entry.codes) longCodes.set(c.toLowerCase(), entry.code);
    for (const name of [...Object.values(entry.names), ...entry.aliases]) {
      const key = normaliseName(name);
      if (key) names.set(key, entry.code);
    }
  }
  return { names, codes, longCodes, entries };
}

/**
 * Every two-letter code ICU can name, with its names in the network's languages and its own.
 * Built only when the data file does not know a name or code (it takes ~50 ms, a tenth of a
 * one-row import).
 */
function buildIcuIndex(): LanguageIndex {
  const names = new Map<string, string>();
  const codes = new Set<string>();
  const display = ['en', 'fr', 'es'].map((l) => new Intl.DisplayNames([l], { type: 'language', fallback: 'none' }));
  for (let a = 97; a <= 122; a++) {
    for (let b = 97; b <= 122; b++) {
      const code = String.fromCharCode(a, b);
      const english = display[0]!.of(code);
      // Deprecated codes (iw, in, jw...) canonicalise to another one: skip them as targets.
      if (!english || Intl.getCanonicalLocales(code)[0] !== code) continue;
      codes.add(code);
      const own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
      for (const name of [english, display[1]!.of(code), display[2]!.of(code), own]) {
        const key = name ? normaliseName(name) : '';
        if (key && !names.has(key)) names.set(key, code);
      }
    }
  }
  return { names, codes };
}

function data(): DataIndex {
  dataIndex ??= buildDataIndex();
  return dataIndex;
}

function icu(): LanguageIndex {
  icuIndex ??= buildIcuIndex();
  return icuIndex;
}

/** A normalised name's language: the data file's, else ICU's. */
function named(key: string): string | undefined {
  return data().names.get(key) ?? icu().names.get(key);
}

function knownCode(code: string): boolean {
  return data().codes.has(code) || icu().codes.has(code);
}

/** "en", "ENG", "fre", "en-US", "fr_CA", "spa" -> ISO 639-1, or null when not a known code. */
function fromCode(text: string): string | null {
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/i.exec(text);
  if (!m) return null;
  const primary = m[1]!.toLowerCase();
  if (primary.length === 2) return knownCode(primary) ? primary : canonical(primary);
  return data().longCodes.get(primary) ?? canonical(primary);
}

/** ICU knows the ISO 639-2 (B and T) and 639-3 aliases of every two-letter language. */
function canonical(code: string): string | null {
  try {
    const c = Intl.getCanonicalLocales(code)[0];
    return c && knownCode(c) ? c : null;
  } catch {
    return null;
  }
}

function fromName(text: string): string | null {
  const key = normaliseName(text.replace(/\([^)]*\)/g, ' '));
  return (key && named(key)) || named(normaliseName(text)) || null;
}

/**
 * A language column's value -> ISO 639-1, or null when nothing is recognisable. A value naming
 * several languages ("English / French", "Español y Francés") gives the first one recognised.
 */
export function resolveLanguage(text: string): string | null {
  return languagesNamed(text, 1)[0] ?? null;
}

/**
 * Every language a value names, in order, without repeats: one for "Français", two for
 * "English / French" or "Anglais et français". A filter or a quota needs one, and must not
 * take the first of two quietly; a form's language column may (resolveLanguage).
 */
export function languagesNamed(text: string, most = Infinity): string[] {
  if (typeof text !== 'string') return [];
  const t = text.trim();
  if (!t || t.length > 100) return [];
  const direct = fromCode(t) ?? fromName(t);
  if (direct) return [direct];
  const codes: string[] = [];
  for (const part of t.split(/\s*(?:[,;/|+&]|\band\b|\bet\b|\by\b|\be\b)\s*/i)) {
    if (!part || part === t) continue;
    const found = fromCode(part) ?? fromName(part);
    if (found && !codes.includes(found)) codes.push(found);
    if (codes.length >= most) break;
  }
  return codes;
}

/** A language's name in English, French or Spanish; the code itself when unknown. */
export function languageName(code: string, lang: 'en' | 'fr' | 'es' = 'en'): string {
  const entry = data().entries.get(code);
  if (entry) return entry.names[lang];
  try {
    return new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' }).of(code) ?? code;
  } catch {
    return code;
  }
}

type TinyLd = typeof import('tinyld');
let tinyld: TinyLd | undefined;

/** Fewer letters than this and detection is a guess: we say "don't know" instead. */
const MIN_LETTERS = 15;
/** A network language this close to a foreign top candidate is preferred (see detectLanguage). */
const NETWORK_PREFERENCE = 0.6;
/** Detection reads at most this much: beyond it the answer does not change, only the time. */
const MAX_CHARS = 400;
/** Words the quick check reads. */
const MAX_WORDS = 60;

/**
 * The small words of the languages applications come in, and of their neighbours (Portuguese,
 * Italian, Catalan, German), so that a text in a neighbour is not taken for Spanish or French.
 * A word several languages share counts for each of them in part.
 */
const SMALL_WORDS: Record<string, string> = {
  en: 'the and of to in is for with that on are by this will from we our their it be as an at which have has these who into its more than through',
  fr: 'le la les des du et est une un pour dans sur avec qui au aux en par nous ce cette sont leur leurs de que pas plus ou ces son sa ses elle il à se sans ont ne dont être où chaque',
  es: 'el la los las del y es una un para con por que en se su sus al lo como más de este esta son o entre nuestro nuestra ha sin han muy cada desde hasta',
  pt: 'os as da do das dos não uma um para com em são que e de na no nas nos ao pelo pela à é seu sua',
  it: 'il della delle dei degli che di per con gli nel nella una un sono e la le del è alla',
  de: 'der die das und ist mit für von den zu ein eine auf im nicht des sich dem',
  ca: 'els les amb per que una un del és i la al dels en aquest aquesta',
};

const SMALL_WORD_LANGUAGES = Object.keys(SMALL_WORDS);
let smallWords: Map<string, Float64Array> | undefined;

/** word -> per language of SMALL_WORD_LANGUAGES, its weight (1 / how many languages share the word). */
function smallWordIndex(): Map<string, Float64Array> {
  if (smallWords) return smallWords;
  const langs = new Map<string, number[]>();
  SMALL_WORD_LANGUAGES.forEach((lang, l) => {
    for (const w of SMALL_WORDS[lang]!.split(' ')) langs.set(w, [...(langs.get(w) ?? []), l]);
  });
  smallWords = new Map(
    [...langs].map(([w, ls]) => {
      const weights = new Float64Array(SMALL_WORD_LANGUAGES.length);
      for (const l of ls) weights[l] = 1 / ls.length;
      return [w, weights];
    }),
  );
  return smallWords;
}

/** Whether the character at i is a letter: ASCII and Latin by arithmetic, the rest by Unicode property. */
const LETTER = /\p{L}/u;
function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code | 32) >= 97 && (code | 32) <= 122;
  if (code < 0x250) return code >= 0xc0 && code !== 0xd7 && code !== 0xf7;
  return LETTER.test(text[i]!);
}

/** Whether a text holds at least `n` letters (stops counting there). */
function hasLetters(text: string, n: number): boolean {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    if (isLetterAt(text, i) && ++letters >= n) return true;
  }
  return false;
}

/** The leading language's index and score, and the runner-up's score. */
function leader(score: Float64Array): { best: number; top: number; second: number } {
  let best = -1;
  let top = 0;
  let second = 0;
  for (let l = 0; l < score.length; l++) {
    const s = score[l]!;
    if (s > top) {
      second = top;
      top = s;
      best = l;
    } else if (s > second) second = s;
  }
  return { best, top, second };
}

/** Words read before the quick check may stop early, and how far ahead the leader must then be. */
const EARLY_WORDS = 16;
const EARLY_LEAD = 4;

/**
 * The quick check: a network language whose small words clearly outnumber every other
 * language's in the first words of the text; null when it is not that clear (the detector decides).
 * It stops reading once a network language leads by far (EARLY_LEAD times the runner-up and
 * at least EARLY_LEAD words, checked every EARLY_WORDS words): most texts are settled in their
 * first sentence, and reading all MAX_WORDS was most of an import's time without a language column.
 */
function bySmallWords(sample: string, among: readonly string[]): string | null {
  const index = smallWordIndex();
  const score = new Float64Array(SMALL_WORD_LANGUAGES.length);
  const text = sample.toLowerCase();
  let words = 0;
  let start = -1;
  const end = text.length;
  for (let i = 0; i <= end; i++) {
    const letter = i < end && isLetterAt(text, i);
    if (letter) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    // small words are short: longer ones are looked up for nothing
    if (i - start <= 7) {
      const weights = index.get(text.slice(start, i));
      if (weights) for (let l = 0; l < weights.length; l++) score[l]! += weights[l]!;
    }
    start = -1;
    if (++words >= MAX_WORDS) break;
    if (words % EARLY_WORDS === 0) {
      const { best, top, second } = leader(score);
      if (top >= EARLY_LEAD && top >= EARLY_LEAD * second && among.includes(SMALL_WORD_LANGUAGES[best]!)) return SMALL_WORD_LANGUAGES[best]!;
    }
  }
  const { best, top, second } = leader(score);
  if (best < 0 || !among.includes(SMALL_WORD_LANGUAGES[best]!)) return null;
  // Clear: twice the runner-up's small words; or, over many of them, half as many again (a
  // Spanish text shares "la", "en", "de", "que" with French and Portuguese).
  const clear = (top >= 1.5 && top >= 2 * second) || (top >= LONG_TOP && top >= 1.5 * second);
  return clear ? SMALL_WORD_LANGUAGES[best]! : null;
}

/** tinyld's score below which its answer is noise (short texts of a few words score 0.02–0.09; a sentence scores near 1). */
const UNSURE = 0.1;

/** Small words enough for a lead of half as many again to settle the language (see bySmallWords). */
const LONG_TOP = 6;

/**
 * Detects the language of a free text (title + description): null when the text is too short
 * or the answer unsure. Only the start of the text is read. Most applications are in one of
 * `among` (the network's English, French and Spanish) and say so in their small words: that
 * quick check settles them. The others go to tinyld; when its top candidate is another language
 * but one of `among` scores at least 60% of it, we take that one: short proposals in Spanish are
 * otherwise sometimes read as Galician or Portuguese, French ones as Catalan. A clear other
 * language (Portuguese, Arabic...) is kept.
 */
export function detectLanguage(text: string, among: readonly string[] = NETWORK_LANGUAGES): string | null {
  if (typeof text !== 'string') return null;
  const sample = text.slice(0, MAX_CHARS);
  if (!hasLetters(sample, MIN_LETTERS)) return null;
  const quick = bySmallWords(sample, among);
  if (quick) return quick;
  // tinyld's tables are large: load them on first detection, not at startup.
  tinyld ??= createRequire(import.meta.url)('tinyld') as TinyLd;
  const ranked = tinyld.detectAll(sample);
  const top = ranked[0];
  // a few words tinyld cannot place ("Entrepreneurship bootcamps": French at 0.08, Dutch at 0.06):
  // unsure, so no language rather than a wrong one (a language quota would count it wrongly)
  if (!top || top.accuracy < UNSURE) return null;
  if (among.includes(top.lang)) return top.lang;
  const network = ranked.find((r) => among.includes(r.lang));
  if (network && network.accuracy >= NETWORK_PREFERENCE * top.accuracy) return network.lang;
  const second = ranked[1];
  // Two foreign languages neck and neck: say so rather than guess.
  if (second && second.accuracy >= 0.9 * top.accuracy && top.accuracy < 1) return null;
  return top.lang;
}
