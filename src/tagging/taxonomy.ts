import { distance } from 'fastest-levenshtein';
import { nearestChoice } from '../suggest.js';
import { UsageError } from '../errors.js';
import { loadDataFile } from '../data/load.js';
import { validateTaxonomy } from '../data/validate/taxonomy.js';
import { nameKey } from './text.js';

type Names = { en: string; fr: string; es: string };
export interface RevisedCategory { code: string; name: Names; short: Names; aliases?: string[] }
export interface OriginalCategory { code: string; name: Names; revised: string[]; aliases?: string[] }
export interface Taxonomy { revised: RevisedCategory[]; original: OriginalCategory[] }

let cached: Taxonomy | undefined;

/** Both taxonomies from data/taxonomy.json (officers may correct names there). */
export function taxonomy(): Taxonomy {
  cached ??= loadDataFile<Taxonomy>('taxonomy.json', validateTaxonomy);
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

/** The nearest category code to a mistyped one, or undefined when nothing is near enough (suggest.ts, the rule of every "did you mean"). */
export function nearestCategoryCode(input: string): string | undefined {
  return nearestChoice(input, categoryCodes());
}

/**
 * Validates a category given on the command line or in a quotas file: a code, or a name of
 * either taxonomy in English, French or Spanish written in full ("Inclusion sociale",
 * "Sectoral approach"), suggesting the nearest code on a typo. A name that stands for two
 * revised categories ("Career, entrepreneurship and employment services") is refused: a
 * filter or a quota needs one.
 */
export function parseCategoryCode(input: string, flag = 'category'): string {
  const code = input.trim().toLowerCase();
  if (isCategoryCode(code)) return code;
  const named = categoryNameIndex().get(nameKey(input));
  if (named?.length === 1) return named[0];
  if (named && named.length > 1) {
    throw new UsageError(`${flag} "${input.trim()}" names ${named.length} categories of the revised taxonomy: ${named.join(', ')}`, {
      hint: `name one of them${flag === 'category' ? ' (in a quotas file, one line for each)' : ''}`,
    });
  }
  // A code run together, as a script or a spreadsheet's camel case writes it ("lifeskills",
  // "WorkBasedLearning"), or with a space or underscore for a hyphen ("life skills"): that code,
  // not a typo of it. Only the hyphens may go: a digit or another sign ("life-skills 2020",
  // "life-skills (2)") or a break inside a word ("l-i-f-e-s-k-i-l-l-s") is something else.
  const joined = runTogetherCode(code);
  if (joined) return joined;
  const labelled = codeBesideItsName(input);
  if (labelled?.length === 1) return labelled[0]!;
  // (a code beside another category's name, a drop-down list's choice edited by hand: which is meant is not guessed)
  if (labelled) {
    throw new UsageError(`${flag} "${input.trim()}" names two categories: ${labelled.join(' and ')} (a code beside another category's name)`, {
      hint: `write the code of the one meant: ${labelled.join(' or ')}`,
    });
  }
  const near = nearestCategoryCode(code) ?? nearestNamedCode(input);
  throw new UsageError(`unknown ${flag} "${input}"${near ? `; did you mean "${near}"?` : ''}`, {
    hint: `the codes are: ${categoryCodes().join(', ')} (see skillsnet categories)`,
  });
}

/**
 * A code beside its category's name, as a template's drop-down list writes a choice:
 * "research-data: Research, data and analysis", "Research and data (research-data)",
 * "life-skills – Life skills". Both parts must name the one category: "life-skills (2)" or
 * "research-data (R&D)" is a code with something else beside it, and stays refused. The
 * categories the two parts name, one each: two where they differ ("Life skills (research-data)").
 */
function codeBesideItsName(input: string): string[] | undefined {
  const m = /^(.+?)\s*(?:\(([^()]+)\)|[:–—]\s*(.+)|\s-\s+(.+))\s*$/u.exec(input.trim());
  if (!m) return undefined;
  const parts = [m[1]!, (m[2] ?? m[3] ?? m[4])!];
  const asCode = (part: string): string | undefined => {
    const code = part.trim().toLowerCase();
    return isCategoryCode(code) ? code : runTogetherCode(code);
  };
  const one = (part: string): string | undefined => {
    const code = part.trim().toLowerCase();
    if (isCategoryCode(code)) return code;
    const named = categoryNameIndex().get(nameKey(part));
    return named?.length === 1 ? named[0] : runTogetherCode(code);
  };
  const [a, b] = parts.map(one);
  // (one part must be the code itself, or two names would do: "Training delivery (Formation)")
  if (a === undefined || b === undefined || !parts.some((p) => asCode(p) !== undefined)) return undefined;
  return a === b ? [a] : [a, b];
}

/** The code whose words the input's are, run together or apart at its hyphens ("lifeskills", "work based-learning"). */
function runTogetherCode(code: string): string | undefined {
  if (!/^[a-z]+(?:[\s_.-]+[a-z]+)*$/.test(code)) return undefined;
  const words = code.split(/[\s_.-]+/);
  const breaks = (ws: string[]) => ws.slice(0, -1).map((_, i) => ws.slice(0, i + 1).join('').length);
  return categoryCodes().find((c) => {
    const own = c.split('-');
    return own.join('') === words.join('') && breaks(words).every((b) => breaks(own).includes(b));
  });
}

/** The code of the category name nearest a mistyped one ("Écosystème de compétences"), when close and of one category. */
function nearestNamedCode(input: string): string | undefined {
  const key = nameKey(input);
  if (key.length < 6) return undefined;
  let best: { codes: string[]; d: number } | undefined;
  for (const [k, codes] of categoryNameIndex()) {
    if (Math.abs(k.length - key.length) > 4) continue;
    const d = distance(k, key);
    if (!best || d < best.d) best = { codes, d };
  }
  // (stricter than suggest.ts's third of a word: a name is several words, and a third of "orientacion
  // profesional" made "Formacion profesional" a career-guidance)
  return best && best.codes.length === 1 && best.d <= Math.max(2, Math.floor(key.length / 6)) ? best.codes[0] : undefined;
}

let nameIndex: Map<string, string[]> | undefined;

/** Every way a category is written (codes, names and short names in en/fr/es, aliases), keyed by nameKey. */
function categoryNameIndex(): Map<string, string[]> {
  if (nameIndex) return nameIndex;
  const index = new Map<string, string[]>();
  const add = (text: string, codes: string[]) => {
    const key = nameKey(text);
    if (!key) return;
    const known = index.get(key) ?? [];
    index.set(key, [...new Set([...known, ...codes])]);
  };
  // Original first: where a name is shared ("Training delivery"), the revised entry adds nothing new.
  for (const o of taxonomy().original) {
    add(o.code, o.revised);
    for (const n of Object.values(o.name)) add(n, o.revised);
    for (const a of o.aliases ?? []) add(a, o.revised);
  }
  for (const r of taxonomy().revised) {
    add(r.code, [r.code]);
    for (const n of [...Object.values(r.name), ...Object.values(r.short), ...(r.aliases ?? [])]) add(n, [r.code]);
    // The head of a full name ("Aprendizaje en el lugar de trabajo: aprendizajes, …"), as officers shorten it.
    for (const n of Object.values(r.name)) add(n.split(/\s*[:(]/)[0]!, [r.code]);
  }
  nameIndex = index;
  return index;
}

/**
 * Revised codes for a category as an applicant or a spreadsheet wrote it: a code or a name of
 * either taxonomy in English, French or Spanish ("Sectoral approach" -> skills-ecosystem;
 * "Career, entrepreneurship and employment services" -> career-guidance + entrepreneurship).
 * Several choices in one cell (separated by ; | or new lines, or commas between known names) are
 * all read. Returns [] when nothing is recognised.
 */
export function revisedCodesFor(text: string): string[] {
  return [...new Set(categoryChoices(text).flat())];
}

/**
 * The choices recognised in a cell, each as the revised codes it maps to (one choice of the
 * original taxonomy can map to two codes). See revisedCodesFor.
 */
export function categoryChoices(text: string): string[][] {
  // The same few choices repeat over thousands of applications.
  let found = choiceCache.get(text);
  if (!found) {
    found = readChoices(text);
    if (choiceCache.size < 10_000) choiceCache.set(text, found);
  }
  return found;
}
const choiceCache = new Map<string, string[][]>();

function readChoices(text: string): string[][] {
  const index = categoryNameIndex();
  const whole = (t: string): string[] | undefined => {
    const key = nameKey(t.replace(/^\s*(?:\d+|[a-z])[.)]\s+/i, ''));
    if (!key) return undefined;
    const exact = index.get(key);
    if (exact) return exact;
    // A long name with a typo or a missing word: nearest known name, if close.
    if (key.length >= 8) {
      let best: { codes: string[]; d: number } | undefined;
      for (const [k, codes] of index) {
        if (Math.abs(k.length - key.length) > 3) continue;
        const d = distance(k, key);
        if (!best || d < best.d) best = { codes, d };
      }
      if (best && best.d <= Math.min(3, Math.floor(key.length / 8))) return best.codes;
    }
    return undefined;
  };
  const direct = whole(text);
  if (direct) return [direct];
  const choices: string[][] = [];
  for (const part of text.split(/[;|\n\r\/]+/)) {
    const one = whole(part);
    if (one) choices.push(one);
    else for (const p of part.split(/,(?![^(]*\))/)) {
      const c = whole(p);
      if (c) choices.push(c);
    }
  }
  return choices;
}

/** revisedCodesFor over a list of choices, keeping the order of categoryCodes(). */
export function revisedCodesForAll(values: string[]): { codes: string[]; unrecognised: string[] } {
  const found = new Set<string>();
  const unrecognised: string[] = [];
  for (const v of values) {
    if (typeof v !== 'string' || !v.trim()) continue;
    const codes = revisedCodesFor(v);
    if (codes.length === 0) unrecognised.push(v);
    for (const c of codes) found.add(c);
  }
  return { codes: categoryCodes().filter((c) => found.has(c)), unrecognised };
}
