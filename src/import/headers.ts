/**
 * Header recognition: which column of a sheet holds which application field, by meaning.
 * Synonyms (English, French, Spanish) live in data/headers.json so officers can add spellings.
 *
 * A header matches a synonym when its words include all the synonym's words, after folding case,
 * accents, punctuation, plural -s and small words ("Name of your organization" and "Nom de
 * l'organisation" both reduce to two words). Every (column, field) pair is scored: an exact
 * match beats a partial one, more words beat fewer, and data/headers.json's priority order
 * breaks ties ("In which country is your organization based?" is a country question).
 * Assignment is greedy from the best pair down, one column per field; other exact matches
 * are kept as fallbacks used when the chosen column is empty in a row.
 */
import { loadDataFile } from '../data/load.js';
import { validateHeaders } from '../data/validate/headers.js';

export const FIELDS = [
  'externalId', 'submittedAt', 'organization', 'organizationType', 'contactName', 'firstName', 'lastName',
  'email', 'phone', 'website', 'country', 'language', 'title', 'description', 'beneficiaries',
  'selfCategories', 'score',
] as const;
export type Field = (typeof FIELDS)[number];

/** Fields whose values from several columns are combined (SurveyMonkey spreads one question over columns). */
export const MULTI_VALUE_FIELDS: ReadonlySet<Field> = new Set<Field>(['beneficiaries', 'selfCategories']);

/** Field -> the columns (indexes) that feed it, best first. */
export type ColumnMapping = Partial<Record<Field, number[]>>;

interface HeaderData {
  required: Field[];
  priority: Field[];
  formMetadata?: { headers: string[] };
  ignored?: { headers: string[] };
  notNames?: { fields: Field[]; excluded: Field[]; words?: string[]; nameWords?: string[]; jobTitleFields?: Field[] };
  counts?: { words: string[]; askWhich?: string[]; fields: Field[] };
  notTypes?: { fields: Field[]; excluded: Field[] };
  otherParties?: { words: string[]; unless?: string[]; fields: Field[] };
  applicantSide?: { fields: Field[]; words: string[] };
  nameQualifiers?: { words: string[] };
  stopwords: string[];
  fields: Record<Field, string[]>;
}

interface Synonym {
  field: Field;
  words: string[];
  key: string;
}

interface HeaderIndex {
  required: Field[];
  /** keys (sorted words) of the columns form tools add themselves */
  metadata: Set<string>;
  /** survey-tool columns (lower case) that are never a field */
  ignored: Set<string>;
  /** fields a header naming an email/phone/website is not; job words, the name words that overrule them, and the fields a job's title is not */
  notNames: { fields: Set<Field>; excluded: Set<Field>; words: Set<string>; nameWords: Set<string>; jobTitleFields: Set<Field> };
  /**
   * words that make a header a count ("Number of beneficiaries") when they come before the words
   * naming one of the list fields, words that make it ask which too ("Number and type of…")
   */
  counts: { words: Set<string>; askWhich: Set<string>; fields: Set<Field> };
  /** fields (beneficiaries) a header naming which is never one of the excluded (organizationType) */
  notTypes: { fields: Set<Field>; excluded: Set<Field> };
  /** words naming someone else (partner, referee), phrases that name the applicant after all, and the personal fields such a header never is */
  otherParties: { words: Set<string>; unless: string[][]; fields: Set<Field> };
  /** fields whose weaker columns are fallbacks only when they name the applicant's side with one of the words */
  applicantSide: { fields: Set<Field>; words: Set<string> };
  nameQualifiers: Set<string>;
  priority: Map<Field, number>;
  stopwords: Set<string>;
  synonyms: Synonym[];
}

let index: HeaderIndex | undefined;

function getIndex(): HeaderIndex {
  if (index) return index;
  const data = loadDataFile<HeaderData>('headers.json', validateHeaders);
  const stopwords = new Set(data.stopwords.map((w) => foldWord(w)));
  const synonyms: Synonym[] = [];
  for (const field of FIELDS) {
    for (const text of data.fields[field] ?? []) {
      const words = headerWords(text, stopwords);
      if (words.length) synonyms.push({ field, words, key: wordKey(words) });
    }
  }
  index = {
    required: data.required,
    metadata: new Set((data.formMetadata?.headers ?? []).map((h) => wordKey(headerWords(h, stopwords)))),
    ignored: new Set((data.ignored?.headers ?? []).map((h) => h.toLowerCase())),
    notNames: {
      fields: new Set(data.notNames?.fields ?? []),
      excluded: new Set(data.notNames?.excluded ?? []),
      words: new Set((data.notNames?.words ?? []).map((w) => foldWord(w))),
      nameWords: new Set((data.notNames?.nameWords ?? []).map((w) => foldWord(w))),
      jobTitleFields: new Set(data.notNames?.jobTitleFields ?? []),
    },
    counts: {
      words: new Set((data.counts?.words ?? []).map((w) => foldWord(w))),
      askWhich: new Set((data.counts?.askWhich ?? []).map((w) => foldWord(w))),
      fields: new Set(data.counts?.fields ?? []),
    },
    notTypes: { fields: new Set(data.notTypes?.fields ?? []), excluded: new Set(data.notTypes?.excluded ?? []) },
    otherParties: {
      words: new Set((data.otherParties?.words ?? []).map((w) => foldWord(w))),
      unless: (data.otherParties?.unless ?? []).map((p) => headerWords(p, stopwords)).filter((p) => p.length > 0),
      fields: new Set(data.otherParties?.fields ?? []),
    },
    applicantSide: {
      fields: new Set(data.applicantSide?.fields ?? []),
      words: new Set((data.applicantSide?.words ?? []).map((w) => foldWord(w))),
    },
    nameQualifiers: new Set((data.nameQualifiers?.words ?? []).map((w) => foldWord(w))),
    priority: new Map(data.priority.map((f, i) => [f, i])),
    stopwords,
    synonyms,
  };
  return index;
}

export function requiredFields(): Field[] {
  return getIndex().required;
}

/** Words in any order: "Organisation name" is "name of the organisation". */
function wordKey(words: readonly string[]): string {
  return [...words].sort().join(' ');
}

/** A header's meaningful words in one order, as synonyms are compared ("N° de dossier" -> "dossier"). */
export function headerKey(header: string): string {
  return wordKey(headerWords(header));
}

/** The keys of one field's synonyms in data/headers.json, for other sheets that name the same things (score sheets). */
export function synonymKeys(field: Field): Set<string> {
  return new Set(getIndex().synonyms.filter((s) => s.field === field).map((s) => s.key));
}

function foldWord(word: string): string {
  let w = word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  // plural -s (organizations, beneficiaries, pays/pais fold too, consistently on both sides)
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  // British and American spellings are one word: organisation/organization, organise/organize
  return w.replace(/(?<=\p{L}{3})is(ation|e|ed|er|ing)$/u, 'iz$1');
}

/** A KoboToolbox/ODK field path ("group_org/org_name"): no spaces, parts joined by "/". */
const FIELD_PATH = /^[^\s/]+(?:\/[^\s/]+)+$/;

/** Lower case without accents: "Référent" -> "referent". */
const foldText = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The meaningful words of a header: folded, without small words and one-letter bits (l', d', 's). */
export function headerWords(header: string, stopwords = getIndex().stopwords): string[] {
  const trimmed = header.trim();
  // a field path is named by its last part: the groups above it say where it sat in the form
  const text = foldText(FIELD_PATH.test(trimmed) ? trimmed.slice(trimmed.lastIndexOf('/') + 1) : header)
    .replace(/e[\s-]?mail/g, 'email')
    .replace(/[ßœæ]/g, (c) => ({ ß: 'ss', œ: 'oe', æ: 'ae' })[c] ?? c);
  const words: string[] = [];
  for (const raw of text.split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2) continue;
    const w = foldWord(raw);
    if (!stopwords.has(w) && !stopwords.has(raw)) words.push(w);
  }
  return words;
}

/** "Lead partner", "partenaire chef de file": a partner's words that name the applicant. */
function namesLeadParty(set: ReadonlySet<string>, idx: HeaderIndex): boolean {
  return idx.otherParties.unless.some((phrase) => phrase.every((w) => set.has(w)));
}

/** "Email of the partner organisation", "Courriel du référent": someone other than the applicant. */
function namesOtherParty(words: readonly string[], idx: HeaderIndex): boolean {
  const set = new Set(words);
  return words.some((w) => idx.otherParties.words.has(w)) && !namesLeadParty(set, idx);
}

/** "Correo electrónico del responsable del proyecto", "Alternative email": the applicant's side. */
function namesApplicantSide(words: readonly string[], idx: HeaderIndex): boolean {
  const set = new Set(words);
  return !namesOtherParty(words, idx) && (words.some((w) => idx.applicantSide.words.has(w)) || namesLeadParty(set, idx));
}

/** Small words that may stand between "name" and what it is the name of: "nombre del puesto", "name of the position". */
const OF_WORDS = new Set(['of', 'the', 'de', 'del', 'du', 'des', 'la', 'le', 'el', 'los', 'las']);

/**
 * "Nombre del puesto", "Name of the position", "Nombre de postes créés" (French: how many jobs):
 * a name word whose next word is a job word names the job (or counts jobs), not a person.
 */
function namesAJob(header: string, idx: HeaderIndex): boolean {
  // words as written, with what follows each ("name," ends the phrase: "Contact person (name, role)")
  const tokens = foldText(header).split(/[\s'\u2019]+/).filter(Boolean);
  const word = (t: string) => /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)([^]*)$/u.exec(t);
  for (let i = 0; i < tokens.length; i++) {
    const m = word(tokens[i]!);
    if (!m || m[2] !== '' || !idx.notNames.nameWords.has(foldWord(m[1]!))) continue;
    let j = i + 1;
    while (j < tokens.length && OF_WORDS.has(tokens[j]!)) j++;
    const next = j < tokens.length ? word(tokens[j]!) : null;
    if (next && idx.notNames.words.has(foldWord(next[1]!))) return true;
  }
  return false;
}

interface Candidate {
  column: number;
  field: Field;
  score: number;
  exact: boolean;
}

/** The best score of each field for one header (exact matches score above 100). */
function scoreHeader(header: string, column: number, idx: HeaderIndex, bonus: number): Candidate[] {
  if (idx.ignored.has(header.trim().toLowerCase())) return [];
  const words = headerWords(header, idx.stopwords);
  if (!words.length) return [];
  const key = wordKey(words);
  const set = new Set(words);
  const best = new Map<Field, Candidate>();
  const asksJob = words.some((w) => idx.notNames.words.has(w));
  let listAt = Infinity; // where the first word naming a list field (beneficiaries, categories) stands
  for (const s of idx.synonyms) {
    // "Job title", "Titre du poste", "Full name and job title": the lone title word is the job's
    if (asksJob && s.words.length === 1 && idx.notNames.jobTitleFields.has(s.field)) continue;
    let score: number;
    let exact = false;
    if (s.key === key) {
      score = 100 + s.words.length;
      exact = true;
    } else if (s.words.every((w) => set.has(w))) {
      score = s.words.length;
    } else continue;
    if (idx.counts.fields.has(s.field)) for (const w of s.words) listAt = Math.min(listAt, words.indexOf(w));
    const prev = best.get(s.field);
    // (prev.score includes the bonus: compare like with like, or the first synonym found would stay)
    if (!prev || score + bonus > prev.score) best.set(s.field, { column, field: s.field, score: score + bonus, exact });
  }
  // "Email of the contact person" names an email: it is never the contact's name.
  // "Fonction de la personne de contact" asks for a job, not a name; "Name and position of the
  // contact person", "Nombre y cargo" ask for both, and the answer holds the name.
  const asksName = words.some((w) => idx.notNames.nameWords.has(w)) && !namesAJob(header, idx);
  if ([...best.keys()].some((f) => idx.notNames.fields.has(f)) || (asksJob && !asksName)) {
    for (const f of idx.notNames.excluded) best.delete(f);
  }
  // A partner's, a referee's e-mail, phone or name is personal data of someone who did not apply.
  if (namesOtherParty(words, idx)) for (const f of idx.otherParties.fields) best.delete(f);
  // "Target group (number and type)" names the groups: its "type" is theirs, not the organisation's.
  if ([...idx.notTypes.fields].some((f) => best.has(f))) for (const f of idx.notTypes.excluded) best.delete(f);
  // "Nombre de bénéficiaires" asks how many, not which groups (nor, for the Spanish "nombre", whose
  // name). "Who are your beneficiaries and how many?", "Groupes cibles et nombre de bénéficiaires",
  // "Bénéficiaires (nombre et profil)" ask which groups first, or as well: they are the list.
  const countAt = words.findIndex((w) => idx.counts.words.has(w));
  if (countAt >= 0 && [...idx.counts.fields].some((f) => best.has(f))) {
    for (const f of idx.notNames.excluded) best.delete(f);
    if (countAt < listAt && !words.some((w) => idx.counts.askWhich.has(w))) for (const f of idx.counts.fields) best.delete(f);
  }
  // A form tool's own column (the respondent's account, "Email", "Name", "Timestamp") loses to
  // any question column for the same field, and is not kept as a fallback when one exists.
  if (idx.metadata.has(key)) {
    for (const c of best.values()) {
      c.score /= 1000; // below any question's score, in the same order among themselves
      c.exact = false;
    }
  }
  return [...best.values()];
}

export interface HeaderMatch {
  mapping: ColumnMapping;
  /** columns no field took: kept in the raw row only */
  unmatched: number[];
}

/**
 * Maps the file's headers to fields. `preferred` columns (SurveyMonkey answer columns, as
 * opposed to its respondent metadata) win ties against the others.
 */
/** A header as compared with another: spacing and case do not matter. */
const fold = (header: string | undefined) => (header ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

export function matchHeaders(headers: readonly string[], preferred?: ReadonlySet<number>): HeaderMatch {
  const idx = getIndex();
  const candidates: Candidate[] = [];
  headers.forEach((h, i) => candidates.push(...scoreHeader(h, i, idx, preferred?.has(i) ? 50 : 0)));
  const prio = (f: Field) => idx.priority.get(f) ?? 99;
  candidates.sort((a, b) => b.score - a.score || prio(a.field) - prio(b.field) || a.column - b.column);

  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const primaryScore = new Map<Field, number>();
  for (const c of candidates) {
    if (taken.has(c.column) || mapping[c.field]) continue;
    mapping[c.field] = [c.column];
    primaryScore.set(c.field, c.score);
    taken.add(c.column);
  }
  // Second pass: columns nobody took that match a field as well as its chosen column (one
  // question spread over several columns), or exactly: used when the chosen column is empty.
  // A weaker email question too when it names the applicant's side ("Correo electrónico del
  // responsable del proyecto" behind a Microsoft Forms "Correo electrónico" saying "anonymous"):
  // a row takes the first valid address of its email columns. Another email question may be
  // anybody's address (an ILO officer's, a mentor's): it never stands in for the applicant's.
  // The same header repeated (Google Forms' "Email Address" three times, one per form section)
  // is the same question: every copy is read, the first non-empty cell of a row wins.
  const sameHeader = (a: number, b: number) => fold(headers[a]) !== '' && fold(headers[a]) === fold(headers[b]);
  for (const c of candidates) {
    if (taken.has(c.column) || !mapping[c.field]) continue;
    if (sameHeader(c.column, mapping[c.field]![0]!)) {
      mapping[c.field]!.push(c.column);
      taken.add(c.column);
      continue;
    }
    if (c.score < 1) continue;
    if (c.score === primaryScore.get(c.field) || c.exact
      || (idx.applicantSide.fields.has(c.field) && namesApplicantSide(headerWords(headers[c.column] ?? '', idx.stopwords), idx))) {
      mapping[c.field]!.push(c.column);
      taken.add(c.column);
    }
  }
  // "Prénom" + "Nom", "Nombre" + "Apellidos", "Prénom du contact" + "Nom du contact": a bare
  // name column beside a first-name column is the family name, beside a last-name column the
  // given name.
  // A form tool's own "Apellido"/"Prénom" column (the respondent's) pairs with no question, nor
  // a question column with it.
  const partner: Field = mapping.firstName ? 'firstName' : 'lastName';
  const isMetadata = (f: Field) => (primaryScore.get(f) ?? 0) < 1;
  if (mapping.contactName && Boolean(mapping.firstName) !== Boolean(mapping.lastName) && isMetadata(partner) === isMetadata('contactName')) {
    const col = mapping.contactName[0]!;
    const words = headerWords(headers[col] ?? '', idx.stopwords).filter((w) => !idx.nameQualifiers.has(w));
    if (words.length === 1 && ['nom', 'nombre', 'name'].includes(words[0]!)) {
      if (mapping.firstName) mapping.lastName = mapping.contactName;
      else mapping.firstName = mapping.contactName;
      delete mapping.contactName;
    }
  }
  const unmatched = headers.map((_, i) => i).filter((i) => !taken.has(i));
  return { mapping, unmatched };
}

/** How many fields a row of cells would map to if it were the header row (to find that row). */
export function headerLikeness(cells: readonly string[]): number {
  const idx = getIndex();
  const fields = new Set<Field>();
  cells.forEach((h, i) => {
    if (h.length > 300) return;
    for (const c of scoreHeader(h, i, idx, 0)) fields.add(c.field);
  });
  return fields.size;
}
