/**
 * What a header means beside the file's other headers, where the header alone cannot say: a
 * question asked several times over numbered columns, a bare "Name" in a list that names no person.
 */
import { hasPhrase, headerTokens, keyWord } from './header-words.js';

/**
 * The columns of one question asked several times and numbered ("Referencia 1", "Referencia 2",
 * "Referencia 3"; "Reference (2)"): headers that differ only by their numbers. None of them is the
 * row's own number, which a row has once.
 */
export function numberedSeries(headers: readonly string[]): Set<number> {
  const byStem = new Map<string, number[]>();
  headers.forEach((header, column) => {
    const key = numberedStem(header);
    if (key !== undefined) byStem.set(key, [...(byStem.get(key) ?? []), column]);
  });
  const series = new Set<number>();
  for (const columns of byStem.values()) {
    const distinct = new Set(columns.map((c) => headerTokens(headers[c] ?? '').join(' ')));
    if (distinct.size >= 2) for (const c of columns) series.add(c);
  }
  return series;
}

/**
 * A numbered header's words without its numbers ("Reference (2)": "reference"); none for a header
 * with no number. (A form's own numbering of its questions, "9. Reference", numbers no item.)
 */
function numberedStem(header: string): string | undefined {
  const tokens = headerTokens(header);
  if (/^\d+$/.test(tokens[0] ?? '')) tokens.shift();
  const stem = tokens.filter((t) => !/^\d+$/.test(t));
  return stem.length < tokens.length && stem.length ? stem.join(' ') : undefined;
}

/** A header that is the word "name" and nothing else ("Name", "nom", "Nombre", "nome"). */
export function isBareNameHeader(words: readonly string[]): boolean {
  return words.length === 1 && BARE_NAMES.has(keyWord(words[0]!));
}
/** The words for a name (already as keyWord folds them). */
export const BARE_NAMES: ReadonlySet<string> = new Set(['name', 'nom', 'nombre', 'nome']);

/**
 * A header that asks a person's age, gender, birth date or nationality and nothing else ("Age",
 * "Sexe", "Date de naissance", "Nacionalidade"): the rows are people. ("Target age group" asks
 * about the people a project serves.)
 */
export function asksPersonsAttribute(words: readonly string[]): boolean {
  return words.some((w) => PERSON_ATTRIBUTES.has(w)) && words.every((w) => PERSON_ATTRIBUTES.has(w) || DATE_PLACE_WORDS.has(w));
}
const PERSON_ATTRIBUTES = new Set(['age', 'edad', 'idade', 'gender', 'sex', 'sexe', 'sexo', 'genero', 'birth', 'naissance', 'nacimiento', 'nascimento', 'dob', 'nationality', 'nationalite', 'nacionalidad', 'nacionalidade', 'eta', 'genere', 'sesso', 'nascita', 'nazionalita']);
const DATE_PLACE_WORDS = new Set(['date', 'fecha', 'data', 'year', 'annee', 'ano', 'anno', 'place', 'lieu', 'lugar', 'local', 'luogo']);

/**
 * The columns of a group of questions asked again for another item ("Nome do curso, Tipo de
 * curso, Instituição, Ano de conclusão" for each degree; a publication's title, venue and first
 * author five times): a header repeated with its neighbour beside it each time. They describe the
 * items of a list (degrees, publications, past employers), not the application, which names its
 * organisation once. (A header repeated alone, Google Forms' "Email Address" of each section,
 * is one question asked again.)
 */
function repeatedGroups(headers: readonly string[]): Set<number> {
  const key = questionKeys(headers);
  const same = (a: number, b: number) => a >= 0 && b >= 0 && a < key.length && b < key.length && key[a] !== '' && key[a] === key[b];
  // each header against its next copy only: one pass, however wide the file
  const next = new Map<string, number>();
  const nextCopy = new Array<number>(key.length).fill(-1);
  for (let i = key.length - 1; i >= 0; i--) {
    if (key[i] === '') continue;
    nextCopy[i] = next.get(key[i]!) ?? -1;
    next.set(key[i]!, i);
  }
  const grouped = new Set<number>();
  for (let i = 0; i < key.length; i++) {
    const j = nextCopy[i]!;
    if (j < 0) continue;
    // (a neighbour that is the same question again, "Description, Description", makes no group)
    const other = (n: number) => key[n] !== key[i];
    if ((i + 1 !== j && other(i + 1) && same(i + 1, j + 1)) || (other(i - 1) && same(i - 1, j - 1))) grouped.add(i).add(j);
  }
  return grouped;
}

/**
 * The repeated groups asked in a row, each item after the last ("Degree, Institution, Year,
 * Degree, Institution, Year"): the lists of a file, as runs of columns. A group asked again in a
 * later section, with other questions between ("Organisation, Country" for the lead applicant,
 * then the project, then "Organisation, Country" for the partner), is no list: its first copy is
 * the applicant's own.
 */
export function repeatedLists(headers: readonly string[]): number[][] {
  const key = questionKeys(headers);
  return groupRuns(repeatedGroups(headers), key).filter((run) => new Set(run.map((c) => key[c])).size < run.length);
}

/** Each header as a question: its words, a numbered copy ("Institution 1", "Instituição (2)") as its other numbers, though not as the unnumbered "Institution" asked once. */
function questionKeys(headers: readonly string[]): string[] {
  return headers.map((h) => {
    const stem = numberedStem(h);
    return stem === undefined ? headerTokens(h).join(' ') : `${stem} #`;
  });
}

/** The grouped columns as runs of neighbours, one run per stretch of repeated questions (a column with no header between two copies breaks none). */
function groupRuns(grouped: ReadonlySet<number>, key: readonly string[]): number[][] {
  const runs: number[][] = [];
  const neighbours = (a: number, b: number) => key.slice(a + 1, b).every((k) => k === '');
  for (const column of [...grouped].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && neighbours(last[last.length - 1]!, column)) last.push(column);
    else runs.push([column]);
  }
  return runs;
}

/**
 * The columns of a marking sheet: criteria followed by their maximum mark in brackets ("Math
 * (82)", "Structure (50)", "Argumentative (20)"), two or more different ones. Each holds a mark,
 * whatever its word names elsewhere ("Structure" is an organisation in French). One question
 * numbered over columns ("Reference (2)", "Reference (3)", or "Email" then "Email (2)") is a
 * series, not criteria.
 */
export function markedCriteria(headers: readonly string[]): Set<number> {
  const stems = new Map<string, number[]>();
  const whole = new Set(headers.map((h) => headerTokens(h).join(' ')));
  headers.forEach((header, column) => {
    const m = MARKED.exec(header);
    if (!m || Number(m[2]) < 2) return;
    const stem = headerTokens(m[1]!).join(' ');
    // "Email" then "Email (2)": a second copy of one question, no criterion
    if (whole.has(stem)) return;
    stems.set(stem, [...(stems.get(stem) ?? []), column]);
  });
  const criteria = [...stems.values()].filter((columns) => columns.length === 1).flat();
  return new Set(criteria.length >= 2 ? criteria : []);
}
const MARKED = /^(.*[^\s(])\s*\(\s*(\d{1,3})\s*(?:pts?|points?|puntos|pontos|marks?)?\s*\)\s*$/i;

/**
 * The columns of a judging grid written without marks: three or more one-word headers side by
 * side, each a criterion a jury rates ("Structure, Clarity, Originality"; "Clarté, Structure,
 * Pertinence"). Each holds a rating, whatever its word names elsewhere ("Structure" is an
 * organisation in French); one such word alone among other questions is still read as it says.
 */
export function unmarkedCriteria(headers: readonly string[]): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  const close = () => {
    if (run.length >= 3 && run.some((c) => !LIST_WORDS_TOO.has(criterion(headers[c]!)))) for (const c of run) out.add(c);
    run = [];
  };
  headers.forEach((header, column) => {
    if (CRITERIA.has(criterion(header))) run.push(column);
    else close();
  });
  close();
  return out;
}
/** The header's one word, folded ('' for more or fewer). */
function criterion(header: string): string {
  const words = headerTokens(header).filter((w) => w.length >= 2);
  return words.length === 1 ? keyWord(words[0]!) : '';
}
/**
 * Criteria that also head a list's columns ("Structure" the organisation, the French "Qualité" one's
 * role, "Présentation", "Contenu"): a run of these alone ("Nom, Prénom, Structure, Qualité, Contenu")
 * proves no grid; one criterion that names nothing else does ("Clarity", "Pertinence").
 */
const LIST_WORDS_TOO = new Set(
  ['structure', 'estructura', 'estrutura', 'qualite', 'quality', 'calidad', 'qualidade', 'presentation', 'presentacion', 'apresentacao', 'content', 'contenu', 'contenido', 'conteudo', 'style'].map(keyWord),
);
/** Criteria a jury rates an essay, a pitch or a proposal on (folded, singular). */
const CRITERIA = new Set([
  'structure', 'clarity', 'originality', 'creativity', 'relevance', 'feasibility', 'coherence', 'presentation', 'content', 'quality', 'methodology', 'argumentation', 'style', 'grammar', 'delivery',
  'clarte', 'originalite', 'creativite', 'pertinence', 'faisabilite', 'qualite', 'methodologie', 'contenu',
  'estructura', 'claridad', 'originalidad', 'creatividad', 'pertinencia', 'relevancia', 'viabilidad', 'factibilidad', 'coherencia', 'presentacion', 'contenido', 'calidad', 'metodologia',
  'estrutura', 'clareza', 'originalidade', 'criatividade', 'relevancia', 'viabilidade', 'coerencia', 'apresentacao', 'conteudo', 'qualidade',
].map(keyWord));

/** A header that is the word "title" and nothing else ("Title", "titre", "Título"). */
export function isBareTitleHeader(words: readonly string[]): boolean {
  return words.length === 1 && BARE_TITLES.has(words[0]!);
}
const BARE_TITLES = new Set(['title', 'titre', 'titulo']);

/**
 * The columns of an English "resume" or "Résumé" beside a cover letter ("resume", "cover_letter"),
 * or in an English file that names no proposal's title (`untitled`): the applicant's CV, not a summary of
 * the application, which the French "Résumé" and the Spanish "Resumen" are. (A French export that
 * dropped the accents, "Nom, Prenom, Email, Resume", has no title either: its "Resume" is still the
 * summary.)
 */
export function resumesBesideCoverLetter(headers: readonly string[], untitled = false): Set<number> {
  // (an accent makes it French only in a file with other French, Spanish or Portuguese headers:
  // English writes "Résumé" too, and an English hiring form's was read as the description)
  const resume = (h: string) => headerTokens(h).join(' ') === 'resume';
  const english = !headers.some((h) => !resume(h) && writtenInRomance(h));
  const cv = headers.some((h) => COVER_LETTERS.some((phrase) => hasPhrase(headerTokens(h), phrase))) || (untitled && english);
  if (!cv) return new Set();
  return new Set(headers.flatMap((h, i) => (resume(h) && (!/[éÉ]/.test(h) || english) ? [i] : [])));
}
const COVER_LETTERS = [['cover', 'letter'], ['coverletter'], ['motivation', 'letter'], ['letter', 'of', 'motivation']];

/**
 * A header written in French, Spanish or Portuguese: an accented letter ("Prénom", "Teléfono"), or
 * one of their articles or header words that English does not use ("Nom de la structure",
 * "Prenom", "Correo", "Sobrenome").
 */
function writtenInRomance(header: string): boolean {
  return /[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]/u.test(header) || headerTokens(header).some((t) => ROMANCE_WORDS.has(t));
}
const ROMANCE_WORDS: ReadonlySet<string> = new Set([
  'de', 'du', 'des', 'la', 'le', 'les', 'votre', 'vos', 'nom', 'prenom', 'adresse', 'courriel', 'ville', 'pays', 'entreprise', 'etablissement', 'organisme', 'projet',
  'del', 'el', 'los', 'las', 'nombre', 'apellido', 'apellidos', 'correo', 'telefono', 'direccion', 'ciudad', 'pais', 'empresa', 'proyecto',
  'da', 'das', 'dos', 'nome', 'sobrenome', 'endereco', 'telefone', 'cidade', 'projeto',
]);
