/**
 * The parts of a proposal written as form answers run together: "Context: … Solution: …
 * Partners: … Budget: …". Real submissions set the scene before the idea (a figure on youth
 * unemployment, the dropout rate) and end with how the project is run (monitoring, risks, team,
 * sustainability, budget); those parts name many things the proposal is not about (a baseline
 * survey, co-financing partners). The tagger counts a term found only there for less
 * (TermFile.sections).
 */
import { foldAccents } from './text.js';

/**
 * How much a section's words count: background (the scene), aside (how the project is run: budget,
 * team, monitoring, sustainability), partners (a list of partners' names), or the proposal itself.
 */
export type SectionKind = 'background' | 'aside' | 'partners' | 'aim';

export interface SectionRule {
  /** Points of a term found in such a section are multiplied by this (0..1). */
  weight: number;
  /** Words that make a form label this kind of section ("context", "partenaires", "aliados"), any language. */
  labels: string[];
  /**
   * Words that make a label this kind only as one of its first two words: "Other activities:",
   * "Autres activités :", "Actividades adicionales:" are asides, "How does your innovation differ
   * from other approaches?" is the proposal itself.
   */
  leadingLabels?: string[];
  /**
   * Words that, when they are all a label holds beside its leading word (small words aside), make
   * it no aside: "Other (please specify):", "Otro, ¿cuál?" open the applicant's answer to a
   * choice's "other" box, "Other organisation name:", "Autre nom de l'organisation :" another
   * value of a form's field.
   */
  fieldLabels?: string[];
}

export interface SectionRules {
  background?: SectionRule;
  aside?: SectionRule;
  /** Labels that open the proposal itself ("solution", "propuesta"): they end a background section. */
  aim?: { labels: string[] };
  /**
   * Labels of a partners answer ("Partners:", "Partenaires :", "Socios:"). Where its first sentence
   * only lists names, each of at most `listItemWords` words, that sentence counts for `weight`;
   * an answer that says how the partnership works is the proposal itself.
   */
  partners?: { weight: number; labels: string[]; listItemWords: number };
}

export interface Section {
  kind: SectionKind;
  text: string;
}

const fold = (s: string) => foldAccents(s.toLowerCase());
const WORDS = /[\p{L}\p{M}]+/gu;

/**
 * A form label at the start of the text or of a sentence or line: an optional number ("2.",
 * "3)"), then one to six words and a colon ("Results so far:", "Contexte :"), a known label
 * word alone followed by a full stop ("Background."), or a numbered question ("1. What
 * challenge do you address?"). Its words may end in brackets, as a choice's "other" box's do
 * ("Other (please specify):", "Autre (précisez) :", "Budget (USD):").
 * A Spanish question opens with "¿" ("¿Qué problema resuelve?", "2. ¿Cómo funciona?"): the mark
 * stands before the label's words and is no word of it.
 * After a line break only spaces and tabs may come before the label, not further line breaks:
 * `\n\s*` was tried from every line break of a run of them to its end, so a text of 100,000
 * empty lines took 24 s (each break is tried on its own, and the last one finds the label).
 */
const LABEL = /(^|[.!?]\s+|\n[^\S\n]*)((?:\d{1,2}\s*[.)]\s*)?)(?:[¿¡][^\S\n]*)?([\p{L}\p{M}][\p{L}\p{M}'’ /&-]{0,80}?(?:\s*\([\p{L}\p{M}'’ /&,.-]{1,40}\))?)\s*([:.?])(?=\s|$)/gu;

/**
 * Whether a label match is all its line holds: it opens the text or a line (what came before it on
 * its line is spaces), and only spaces follow it to the line's end. (Read from the match's own
 * edges: looking back and ahead for the line's ends took a second on 20,000 questions in one line.)
 */
function standsAlone(text: string, m: RegExpExecArray): boolean {
  if (m[1] !== '' && !/\n[^\S\n]*$/.test(m[1])) return false;
  LINE_END.lastIndex = m.index + m[0].length;
  return LINE_END.test(text);
}
const LINE_END = /[^\S\n]*(?:\n|$)/y;

/**
 * The label words of a set of rules, folded: worked out once per rules object (a term file's),
 * not again for every label of every description tagged.
 */
interface FoldedLabels {
  background: Set<string>;
  aim: Set<string>;
  partners: Set<string>;
  backgroundOrAside: Set<string>;
  leading: Set<string>;
  fieldLabels: Set<string>;
}
const foldedLabels = new WeakMap<SectionRules, FoldedLabels>();

function labelsOf(rules: SectionRules): FoldedLabels {
  let folded = foldedLabels.get(rules);
  if (!folded) {
    folded = {
      background: new Set((rules.background?.labels ?? []).map(fold)),
      aim: new Set((rules.aim?.labels ?? []).map(fold)),
      partners: new Set((rules.partners?.labels ?? []).map(fold)),
      leading: new Set((rules.aside?.leadingLabels ?? []).map(fold)),
      fieldLabels: new Set((rules.aside?.fieldLabels ?? []).map(fold)),
      backgroundOrAside: new Set([...(rules.background?.labels ?? []), ...(rules.aside?.labels ?? []), ...(rules.aside?.leadingLabels ?? []), ...(rules.partners?.labels ?? [])].map(fold)),
    };
    foldedLabels.set(rules, folded);
  }
  return folded;
}

/** Words of a question asked in the first person, in the languages of the calls: the applicant's own, never a form's. */
const FIRST_PERSON = new Set(['we', 'our', 'ours', 'us', 'my', 'nous', 'notre', 'nos', 'je', 'mon', 'nosotros', 'nosotras', 'nuestro', 'nuestra', 'nuestros', 'nuestras', 'yo', 'mi', 'mis', 'nosso', 'nossa', 'nossos', 'nossas', 'eu', 'meu', 'minha']);

/** Small words of a label (any of the three languages) that say nothing of what it names. */
const SMALL_WORDS = new Set(['of', 'the', 'a', 'an', 'your', 'its', 'if', 'any', 'de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'el', 'los', 'las', 'del', 'su', 'sus', 'votre', 'si', 'por', 'favor', 'o', 'ou', 'or']);

/**
 * What stands beside a leading word ("Other", "Autre") when it is no remark: nothing ("Other:"), an
 * "other, specify" box ("please specify", "précisez", "¿cuál?") or a form field's name
 * ("organisation name", "nom de l'organisation", "correo").
 */
function namesAField(rest: readonly string[], fieldLabels: ReadonlySet<string>): boolean {
  return fieldLabels.size > 0 && rest.every((w) => SMALL_WORDS.has(w) || fieldLabels.has(w));
}

function kindOf(label: string, rules: SectionRules): SectionKind | undefined {
  const ws = label.match(WORDS)?.map(fold) ?? [];
  if (ws.length === 0 || ws.length > 10) return undefined;
  const has = (labels: string[] | undefined) => (labels ?? []).some((l) => ws.includes(fold(l)));
  const { background, aim, partners, leading, fieldLabels } = labelsOf(rules);
  if (has(rules.aside?.labels)) return 'aside';
  const lead = ws.slice(0, 2).findIndex((w) => leading.has(w));
  if (lead >= 0 && !namesAField(ws.filter((_, i) => i !== lead), fieldLabels)) return 'aside';
  // A label naming both the scene and the idea is about the one it names first: "Our solution to
  // the problem:", "Solución al problema:" open the proposal; "Contexte du projet :", "What
  // problem does your solution address?" the background.
  for (const w of ws) {
    if (background.has(w)) return 'background';
    if (aim.has(w)) return 'aim';
    if (partners.has(w)) return 'partners';
  }
  return undefined;
}

/** The words that make a label background or aside, folded ("evaluacion", "contexte"). */
export function sectionLabelWords(rules: SectionRules): ReadonlySet<string> {
  return labelsOf(rules).backgroundOrAside;
}

/**
 * Splits a description at its form labels. A section lasts until the next label; text before any
 * label, and a section whose label names nothing listed ("What we do:"), is the proposal itself.
 * `topical(label)`: whether the label also names what a category is about ("Skills assessment and
 * evaluation:", "Problem solving:", "Teamwork and communication:"); such a section is the
 * proposal itself even though a label word ("evaluation", "problem", "team") is in it.
 */
export function descriptionSections(text: string, rules: SectionRules | undefined, topical?: (label: string) => boolean): Section[] {
  if (!rules || !text) return [{ kind: 'aim', text: text ?? '' }];
  const cuts: Array<{ at: number; kind: SectionKind }> = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    const label = m[3];
    const kind = kindOf(label, rules);
    // A full stop ends a label only when the label is a known one ("Background."), not any short sentence.
    const wordsInLabel = label.match(WORDS)?.length ?? 0;
    const notALabel =
      (m[4] === '.' && (kind === undefined || wordsInLabel > 3)) ||
      (m[4] === ':' && wordsInLabel > 6) ||
      // A question opens a section only as a form's questions stand: numbered ("1. What challenge do
      // you address?") or on a line of its own ("¿Qué problema resuelve?" above its answer). One
      // asked within a paragraph ("¿Por qué? Porque…", "Why now? Few jobs.") is the applicant's own.
      (m[4] === '?' && ((m[2] === '' && !standsAlone(text, m)) || wordsInLabel > 10));
    if (notALabel) {
      // Read on from just after this start, so that the sentence's own end can start the next label.
      LABEL.lastIndex = m.index + m[1].length + 1;
      continue;
    }
    // An unnumbered question in the applicant's own voice ("How do we solve the skills problem?",
    // "¿Cómo resolvemos nuestro problema?") is their heading, not a form's: what follows is the
    // proposal's own text, as text before any label is (read as a background, a whole proposal
    // under such a heading counted at half its weight).
    const own = m[4] === '?' && m[2] === '' && (label.match(WORDS) ?? []).some((w) => FIRST_PERSON.has(fold(w)));
    cuts.push({ at: m.index + m[1].length, kind: own || kind === undefined || (kind !== 'aim' && topical?.(label)) ? 'aim' : kind });
  }
  if (cuts.length === 0) return [{ kind: 'aim', text }];
  const sections: Section[] = [];
  if (cuts[0].at > 0) sections.push({ kind: 'aim', text: text.slice(0, cuts[0].at) });
  cuts.forEach((c, i) => {
    const section = text.slice(c.at, cuts[i + 1]?.at ?? text.length);
    if (c.kind === 'partners') sections.push(...partnersSections(section, rules.partners!.listItemWords));
    else sections.push({ kind: c.kind, text: section });
  });
  return sections;
}

/** A partners answer's label and first sentence, then the rest of it. */
const PARTNERS_LIST = /^([^:.?]*[:.?]\s*)([^.!?\n]*(?:[.!?](?=\s|$)|\n|$))/u;
/** What separates the names of a list: commas, semicolons, slashes, "and", "et", "y", "e", "&", bullets. */
const LIST_SEPARATOR = /[,;/&•·]|\s(?:and|et|y|e)\s/u;

/**
 * A partners answer (its label included) as sections: where its first sentence lists two names or
 * more, each of at most `itemWords` words ("the Ministry of Labour, the employers' federation,
 * TVET colleges"), that sentence is a 'partners' section and the rest the proposal; an answer
 * that says how the partnership works ("employers co-write the curriculum with our teachers") is
 * the proposal itself.
 */
function partnersSections(section: string, itemWords: number): Section[] {
  const m = PARTNERS_LIST.exec(section);
  const items = m ? m[2].replace(/[.!?\s]+$/u, '').split(LIST_SEPARATOR).map((item) => item.match(WORDS)?.length ?? 0).filter((n) => n > 0) : [];
  if (!m || items.length < 2 || items.some((n) => n > itemWords)) return [{ kind: 'aim', text: section }];
  const listEnd = m[0].length;
  const out: Section[] = [{ kind: 'partners', text: section.slice(0, listEnd) }];
  if (listEnd < section.length) out.push({ kind: 'aim', text: section.slice(listEnd) });
  return out;
}

/** The weight of a section's terms. */
export function sectionWeight(kind: SectionKind, rules: SectionRules | undefined): number {
  if (kind === 'aim' || !rules) return 1;
  if (kind === 'partners') return rules.partners?.weight ?? 1;
  return rules[kind]?.weight ?? 1;
}
