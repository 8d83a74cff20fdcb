import { loadDataFile } from '../data/load.js';
import { validateCategoryTerms } from '../data/validate/category-terms.js';
import type { SectionRules } from './sections.js';
import { foldAccents, isStopword, stem, stems, typoVariants, unaccentedSpelling, words, BREAK, TEXT_LANGUAGES, type TextLanguage } from './text.js';

/** data/category-terms.json as officers edit it. */
export interface TermFile {
  titleWeight: number;
  beneficiariesWeight: number;
  repeatWeight: number;
  maxRepeats: number;
  selfChoiceScore: number;
  /**
   * A category other than the most likely one also needs this share of the top confidence
   * (0..1, default 0: none), so a passing mention beside a clear main category stays out.
   */
  secondaryRatio?: number;
  /**
   * A long description gathers passing mentions (a partner, a background figure, a course in an
   * enterprise programme) that a short one does not: there, a category beside the most likely one
   * also needs `secondaryShare` of that one's term points. The share grows from nothing at
   * `fromWords` words to all of it at `fullWords`. Absent: no such rule.
   */
  longText?: { fromWords: number; fullWords: number; secondaryShare: number };
  /** At most this many points per category from terms weighing less than 1, however many are found. Absent: no cap. */
  weakTermsCap?: number;
  /**
   * Terms that count nothing for `category` in a text that names one of `when` (phrases matched as
   * terms are): job ads inside a job-matching service are no research, a job portal a study
   * downloads from is no career service. A term whose own clause names one of `keepWith` counts
   * all the same (the job board where jobseekers apply that an observatory also runs).
   */
  contextTerms?: Array<{ category: string; terms: Partial<Record<TextLanguage, string[]>>; when: Partial<Record<TextLanguage, string[]>>; keepWith?: Partial<Record<TextLanguage, string[]>> }>;
  /** Form labels ("Context:", "Partenaires :") and how much terms count in the sections they open (sections.ts). */
  sections?: SectionRules;
  /**
   * categories.X.thresholdShift: added to the threshold for that category (e.g. -0.05 where the
   * category is under-tagged at the common threshold), chosen on the development sets.
   */
  categories: Record<string, { scale: number; minTerms: number; thresholdShift?: number; terms: Partial<Record<TextLanguage, Record<string, number>>> }>;
}

/** One phrase of the term lists, stemmed: the categories it points to and with what weight. */
export interface CompiledTerm {
  /** As written in the term file (the first spelling seen for this stem sequence). */
  term: string;
  stems: string[];
  weights: Record<string, number>;
}

export interface TermIndex {
  file: TermFile;
  /** Per language: first stem -> terms starting with it, longest first. */
  byLanguage: Record<TextLanguage, Map<string, CompiledTerm[]>>;
  /** Per language: the terms' words (accents folded, six letters or more) and the stems of all their words, for typo repair. */
  spellings?: Record<TextLanguage, { words: Set<string>; stems: Set<string>; repaired: Map<string, string | null> }>;
  /** Per language: the words of its phrases of several words (accents folded), to tell quickly whether a text of another language may hold one. */
  phraseWords?: Record<TextLanguage, Set<string>>;
}

export interface TermMatch {
  term: CompiledTerm;
  /** Token position in the field's stem sequence. */
  position: number;
}

let cached: TermIndex | undefined;

/** The compiled term lists from data/category-terms.json (or a given file, for tests). */
export function termIndex(file?: TermFile): TermIndex {
  if (!file && cached) return cached;
  const source = file ?? loadDataFile<TermFile>('category-terms.json', validateCategoryTerms);
  const index = compileTerms(source);
  if (!file) cached = index;
  return index;
}

export function compileTerms(file: TermFile): TermIndex {
  const byLanguage = {} as Record<TextLanguage, Map<string, CompiledTerm[]>>;
  for (const lang of TEXT_LANGUAGES) {
    const byKey = new Map<string, CompiledTerm>();
    for (const [category, def] of Object.entries(file.categories)) {
      for (const [term, weight] of Object.entries(def.terms[lang] ?? {})) {
        // A term is also found in texts typed without accents: the stemmers read accents, so
        // "certificación" and "certificacion" have different stems; each spelling gets its own.
        const spellings = [term, unaccentedSpelling(term, lang) ?? term];
        const keys = new Set<string>();
        for (const spelling of spellings) {
          const s = stems(spelling, lang);
          if (s.length === 0) continue;
          const key = s.join(' ');
          if (keys.has(key)) continue;
          keys.add(key);
          let compiled = byKey.get(key);
          if (!compiled) byKey.set(key, (compiled = { term, stems: s, weights: {} }));
          // Two spellings with one stem ("apprentice", "apprentices"): keep the stronger weight.
          compiled.weights[category] = Math.max(compiled.weights[category] ?? 0, weight);
        }
      }
    }
    const index = new Map<string, CompiledTerm[]>();
    for (const t of byKey.values()) {
      const list = index.get(t.stems[0]) ?? [];
      list.push(t);
      index.set(t.stems[0], list);
    }
    for (const list of index.values()) list.sort((a, b) => b.stems.length - a.stems.length);
    byLanguage[lang] = index;
  }
  const spellings = {} as NonNullable<TermIndex['spellings']>;
  const phraseWords = {} as NonNullable<TermIndex['phraseWords']>;
  for (const lang of TEXT_LANGUAGES) {
    const known = { words: new Set<string>(), stems: new Set<string>(), repaired: new Map<string, string | null>() };
    phraseWords[lang] = new Set<string>();
    for (const def of Object.values(file.categories)) {
      for (const term of Object.keys(def.terms[lang] ?? {})) {
        if (/\s/.test(term.trim())) for (const w of words(term)) if (w !== BREAK && !isStopword(w, lang)) phraseWords[lang].add(foldAccents(w));
        for (const w of words(term)) {
          if (w === BREAK) continue;
          known.stems.add(stem(w, lang));
          const folded = foldAccents(w);
          if (folded.length >= 6) known.words.add(folded);
        }
      }
    }
    spellings[lang] = known;
  }
  return { file, byLanguage, spellings, phraseWords };
}

/**
 * The term word a text's word was meant to be, when it is none of the terms' words but one
 * typing slip away from exactly one of them (text.ts, typoVariants): "aprenticeship" is
 * "apprenticeship", "orientasion" "orientacion". Words the terms know, short words and words
 * near no term, or near several, are left as they are.
 */
export function repairTypo(word: string, index: TermIndex, lang: TextLanguage): string | undefined {
  const known = index.spellings?.[lang];
  if (!known || word.length < 6) return undefined;
  const cached = known.repaired.get(word);
  if (cached !== undefined) return cached ?? undefined;
  let found: string | null = null;
  const folded = foldAccents(word);
  if (!known.stems.has(stem(word, lang)) && !known.words.has(folded)) {
    const meant = new Set<string>();
    const candidates = [...typoVariants(folded, lang)].filter((v) => known.words.has(v));
    for (const v of candidates) meant.add(stem(v, lang));
    if (meant.size === 1) found = candidates[0];
  }
  if (known.repaired.size < 100_000) known.repaired.set(word, found);
  return found ?? undefined;
}

/**
 * The terms found in a stem sequence, left to right, longest phrase first: the words of a
 * matched phrase are used up, so "online learning" does not also count as "learning".
 */
export function matchTerms(tokens: string[], index: TermIndex, lang: TextLanguage): TermMatch[] {
  const lookup = index.byLanguage[lang];
  const found: TermMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const candidates = lookup.get(tokens[i]);
    let matched: CompiledTerm | undefined;
    if (candidates) {
      for (const c of candidates) {
        if (c.stems.length > tokens.length - i) continue;
        let ok = true;
        for (let k = 1; k < c.stems.length; k++) {
          if (tokens[i + k] !== c.stems[k]) { ok = false; break; }
        }
        if (ok) { matched = c; break; }
      }
    }
    if (matched) {
      found.push({ term: matched, position: i });
      i += matched.stems.length;
    } else {
      i++;
    }
  }
  return found;
}
