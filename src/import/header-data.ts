/**
 * data/headers.json, checked and indexed for header recognition (headers.ts): the synonyms of
 * each field, the form tools' own columns, and the word lists of the evidence that keeps a
 * header from being taken for the wrong field. Officers edit the JSON; this file only reads it.
 */
import { loadDataFile } from '../data/load.js';
import { validateHeaders } from '../data/validate/headers.js';
import { americanise, foldText, headerTokens, keyWord, meaningfulWords, wordMatches } from './header-words.js';

export const FIELDS = [
  'externalId', 'submittedAt', 'organization', 'organizationType', 'contactName', 'firstName', 'lastName',
  'email', 'phone', 'website', 'country', 'language', 'workingLanguage', 'title', 'description', 'beneficiaries',
  'selfCategories', 'score',
] as const;
export type Field = (typeof FIELDS)[number];

interface RuleData {
  why: string;
  fields?: (Field | '*')[];
  except?: Field[];
  starts?: string[];
  phrases?: string[];
  words?: string[];
  unless?: string[];
  unlessPhrases?: string[];
  formTools?: boolean;
}

export interface HeaderData {
  required: Field[];
  priority: Field[];
  formMetadata?: { headers: string[] };
  ignored?: { headers: string[] };
  exactHeaders?: Record<string, Field | string>;
  notNames?: { fields: Field[]; excluded: Field[]; words?: string[]; nameWords?: string[]; jobTitleFields?: Field[] };
  counts?: { words: string[]; askWhich?: string[]; fields: Field[] };
  excludes?: { fields: Field[]; excluded: Field[] }[];
  otherParties?: { words: string[]; unless?: string[]; fields: Field[] };
  otherPeople?: { people: string[]; prefixes: string[]; ordinals: string[]; details?: string[] };
  submitter?: { phrases: string[]; people: string[]; fields: Field[]; forms?: string[]; contactRoles?: string[] };
  applicantSide?: { fields: Field[]; words: string[] };
  nameQualifiers?: { words: string[] };
  authors?: { words: string[]; fields: Field[] };
  otherBox?: { others: string[]; specify: string[] };
  secondary?: { words: string[] };
  singleWord?: { neutral: string[]; fields: Partial<Record<Field, { context?: string[]; anyUpTo?: number; alternatives?: string[] }>> };
  negative?: { rules: RuleData[] };
  exactOnly?: Partial<Record<Field, string[]>>;
  standIns?: Partial<Record<Field, string[]>>;
  stopwords: string[];
  fields: Record<Field, string[]>;
}

export interface Synonym {
  field: Field;
  words: string[];
  /** only as the whole header */
  exactOnly: boolean;
  /** names the field only where no other column does: scores below any other header naming it */
  standIn: boolean;
  /**
   * the words that must stand together in the header, small ones included: "submitted by" is a
   * name, while its meaningful word alone ("Submitted", "Submitted at") is a date; "registered
   * at" is a date, while "Registered" alone may be a place, a count or a yes/no
   */
  phrase?: string[];
}

/** The small words that say who did something ("submitted by", "soumis par", "enviado por"). */
const AGENT_WORDS = new Set(['by', 'par', 'por']);

/** "submitted by" -> ["submitted", "by"]: the agent word and the word before it, which a header must hold together. */
function agentPhrase(text: string): string[] | undefined {
  const tokens = headerTokens(text);
  const at = tokens.findIndex((t, i) => i > 0 && AGENT_WORDS.has(t));
  if (at > 0) return tokens.slice(at - 1, at + 1);
  // "registered at" -> ["registered", "at"]: a moment, which the word alone does not say
  // ("Registered in" a country, "Registered participants", "Registered for" a workshop)
  const last = tokens.length - 1;
  return last > 0 && MOMENT_WORDS.has(tokens[last]!) ? tokens.slice(last - 1) : undefined;
}

/** The small words after a verb that make it a moment ("registered at", "registered on"). */
const MOMENT_WORDS = new Set(['at', 'on']);

/** A set of folded words that also holds their plurals. */
export class WordSet {
  private readonly words: Set<string>;
  constructor(words: Iterable<string>) {
    // as a header's words are spelt (headerTokens): "préciser" is read "precizer", and a list's
    // "preciser" or "precise" never met it
    this.words = new Set([...words].flatMap((w) => [foldText(w), americanise(foldText(w))]));
  }
  has(word: string): boolean {
    if (this.words.has(word)) return true;
    if (word.endsWith('es') && this.words.has(word.slice(0, -2))) return true;
    if (word.endsWith('s') && this.words.has(word.slice(0, -1))) return true;
    return word.endsWith('x') && this.words.has(word.slice(0, -1));
  }
}

/** A negative-evidence rule as data/headers.json words it, its words tokenised. */
export interface NegativeRule {
  why: string;
  /** fields it drops; null: every field but `except` */
  fields: Set<Field> | null;
  except: Set<Field>;
  starts: string[][];
  phrases: string[][];
  words: WordSet;
  /** words that lift the rule ("Date de fin" rules out a submission date, "Date de fin de la soumission" does not) */
  unless: WordSet;
  /** consecutive words that lift the rule ("phone number of" is no count) */
  unlessPhrases: string[][];
  /** whether the rule also rules out a form tool's own column ("End Date", "Fecha de inicio"): false leaves it to the cells */
  formTools: boolean;
}

export interface HeaderIndex {
  required: Field[];
  /** keys (sorted words) of the columns form tools add themselves */
  metadata: Set<string>;
  /** survey-tool columns (lower case) that are never a field */
  ignored: Set<string>;
  exactHeaders: Map<string, Field>;
  notNames: { fields: Set<Field>; excluded: Set<Field>; words: WordSet; nameWords: WordSet; jobTitleFields: Set<Field> };
  counts: { words: WordSet; askWhich: WordSet; fields: Set<Field> };
  /** a header naming one of `fields` (the beneficiaries, the organisation) is never one of `excluded` (its type, the title) */
  excludes: { fields: Set<Field>; excluded: Set<Field>; why: string }[];
  otherParties: { words: WordSet; unless: string[][]; fields: Set<Field> };
  /** another person on the applicant's side (a co-applicant, a second contact): folded words */
  otherPeople: { people: WordSet; prefixes: string[]; ordinals: Set<string>; details: Set<string> };
  /** clauses naming whoever filled in the form (tokens), the person nouns read away with them, the fields they come first for */
  submitter: { phrases: string[][]; people: Set<string>; fields: Set<Field>; forms: Set<string>; contactRoles: WordSet };
  applicantSide: { fields: Set<Field>; words: WordSet };
  nameQualifiers: WordSet;
  /** a choice's "other, please specify" box: its "other" words and the words beside them */
  otherBox: { others: WordSet; specify: WordSet };
  /** words that make a column the second one of its field ("email (secondary)") */
  secondary: WordSet;
  /** words naming a paper's authors, and the fields for which the applicant's side beats them */
  authors: { words: WordSet; fields: Set<Field> };
  /** one-word synonyms inside longer headers: words always allowed beside them, and per field */
  single: { neutral: WordSet; fields: Map<Field, { context: WordSet; anyUpTo: number; alternatives: WordSet }> };
  /** every word of each field's synonyms */
  fieldWords: Map<Field, WordSet>;
  rules: NegativeRule[];
  priority: Map<Field, number>;
  stopwords: Set<string>;
  synonyms: Synonym[];
}

let index: HeaderIndex | undefined;

function isField(f: string): f is Field {
  return (FIELDS as readonly string[]).includes(f);
}

export function headerIndex(): HeaderIndex {
  if (index) return index;
  const data = loadDataFile<HeaderData>('headers.json', validateHeaders);
  const stopwords = new Set(data.stopwords.map((w) => foldText(w)));
  const words = (text: string) => meaningfulWords(text, stopwords);
  const synonyms: Synonym[] = [];
  const fieldWords = new Map<Field, WordSet>();
  for (const field of FIELDS) {
    const all: string[] = [];
    const exactOnly = new Set((data.exactOnly?.[field] ?? []).map((s) => words(s).join(' ')));
    const standIns = new Set((data.standIns?.[field] ?? []).map((s) => words(s).join(' ')));
    for (const text of data.fields[field] ?? []) {
      const w = words(text);
      if (!w.length) continue;
      synonyms.push({ field, words: w, exactOnly: exactOnly.has(w.join(' ')), standIn: standIns.has(w.join(' ')), phrase: agentPhrase(text) });
      all.push(...w);
    }
    fieldWords.set(field, new WordSet(all));
  }
  const single = new Map<Field, { context: WordSet; anyUpTo: number; alternatives: WordSet }>();
  for (const [field, policy] of Object.entries(data.singleWord?.fields ?? {})) {
    if (!isField(field) || !policy) continue;
    single.set(field, { context: new WordSet((policy.context ?? []).flatMap(words)), anyUpTo: policy.anyUpTo ?? -1, alternatives: new WordSet((policy.alternatives ?? []).flatMap(words)) });
  }
  const tokens = (phrase: string) => headerTokens(phrase);
  index = {
    required: data.required,
    metadata: new Set((data.formMetadata?.headers ?? []).map((h) => metadataKey(words(h)))),
    ignored: new Set((data.ignored?.headers ?? []).map((h) => h.toLowerCase())),
    exactHeaders: new Map(Object.entries(data.exactHeaders ?? {}).filter((e): e is [string, Field] => !e[0].startsWith('$') && isField(e[1]))),
    notNames: {
      fields: new Set(data.notNames?.fields ?? []),
      excluded: new Set(data.notNames?.excluded ?? []),
      words: new WordSet(data.notNames?.words ?? []),
      nameWords: new WordSet(data.notNames?.nameWords ?? []),
      jobTitleFields: new Set(data.notNames?.jobTitleFields ?? []),
    },
    counts: {
      words: new WordSet(data.counts?.words ?? []),
      askWhich: new WordSet(data.counts?.askWhich ?? []),
      fields: new Set(data.counts?.fields ?? []),
    },
    excludes: (data.excludes ?? []).map((e) => ({ fields: new Set(e.fields), excluded: new Set(e.excluded), why: `names the ${e.fields.join(' or ')}` })),
    otherParties: {
      words: new WordSet(data.otherParties?.words ?? []),
      unless: (data.otherParties?.unless ?? []).map(words).filter((p) => p.length > 0),
      fields: new Set(data.otherParties?.fields ?? []),
    },
    otherPeople: {
      people: new WordSet(data.otherPeople?.people ?? []),
      prefixes: (data.otherPeople?.prefixes ?? []).map(foldText),
      ordinals: new Set((data.otherPeople?.ordinals ?? []).map(foldText)),
      details: new Set((data.otherPeople?.details ?? []).map(foldText)),
    },
    submitter: {
      phrases: (data.submitter?.phrases ?? []).map(tokens).filter((t) => t.length),
      people: new Set((data.submitter?.people ?? []).map(foldText)),
      fields: new Set(data.submitter?.fields ?? []),
      forms: new Set((data.submitter?.forms ?? []).map(foldText)),
      contactRoles: new WordSet(data.submitter?.contactRoles ?? []),
    },
    applicantSide: { fields: new Set(data.applicantSide?.fields ?? []), words: new WordSet(data.applicantSide?.words ?? []) },
    nameQualifiers: new WordSet(data.nameQualifiers?.words ?? []),
    otherBox: { others: new WordSet(data.otherBox?.others ?? []), specify: new WordSet(data.otherBox?.specify ?? []) },
    secondary: new WordSet(data.secondary?.words ?? []),
    authors: { words: new WordSet(data.authors?.words ?? []), fields: new Set(data.authors?.fields ?? []) },
    single: { neutral: new WordSet(data.singleWord?.neutral ?? []), fields: single },
    fieldWords,
    rules: (data.negative?.rules ?? []).map((r) => ({
      why: r.why,
      fields: !r.fields || r.fields.includes('*') ? null : new Set(r.fields.filter(isField)),
      except: new Set(r.except ?? []),
      starts: (r.starts ?? []).map(tokens).filter((t) => t.length),
      phrases: (r.phrases ?? []).map(tokens).filter((t) => t.length),
      words: new WordSet(r.words ?? []),
      unless: new WordSet(r.unless ?? []),
      unlessPhrases: (r.unlessPhrases ?? []).map(tokens).filter((t) => t.length),
      formTools: r.formTools ?? true,
    })),
    priority: new Map(data.priority.map((f, i) => [f, i])),
    stopwords,
    synonyms,
  };
  return index;
}

/** A form tool's column compared without plurals: "Apellidos" is the respondent's "Apellido". */
export function metadataKey(words: readonly string[]): string {
  return wordKey(words.map(keyWord));
}

/** Words in any order: "Organisation name" is "name of the organisation". */
export function wordKey(words: readonly string[]): string {
  return [...words].sort().join(' ');
}

/** The fields an import needs in every file (organisation and email). */
export function requiredFields(): Field[] {
  return headerIndex().required;
}

/** A header's meaningful words in one order, as score sheets compare them ("N° de dossier" -> "dossier"). */
export function headerKey(header: string): string {
  const stop = new Set(headerIndex().stopwords);
  return wordKey(meaningfulWords(header, stop).map(keyWord).filter((w) => !stop.has(w)));
}

/** The keys of one field's synonyms in data/headers.json, for other sheets that name the same things (score sheets). */
export function synonymKeys(field: Field): Set<string> {
  const data = loadDataFile<HeaderData>('headers.json', validateHeaders);
  return new Set((data.fields[field] ?? []).map(headerKey).filter(Boolean));
}

/** Whether a header word is one of these words (or its plural). */
export function anyWord(words: readonly string[], set: WordSet): boolean {
  return words.some((w) => set.has(w));
}

export { wordMatches };
