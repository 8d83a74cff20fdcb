import { categoryChoices, categoryCodes, revisedCodesFor } from './taxonomy.js';
import { matchTerms, repairTypo, termIndex, type TermFile, type TermIndex } from './terms.js';
import { featureIds, modelWeight, predict, strongestFeatures, type LearnedModel } from './model.js';
import { descriptionSections, sectionLabelWords, sectionWeight, type SectionRules } from './sections.js';
import { BREAK, LACKS, NEGATED, READ_AS_STEMMED, SERVED, TEXT_LANGUAGES, deniedWords, disownsTitle, foldAccents, isStopword, maskPlaceNames, plainStem, plainText, stemWords, stems, textLanguage, unaccentedSpelling, words, type TextLanguage } from './text.js';

/** What the tagger reads of an application. */
export interface TaggerInput {
  title?: string | null;
  description?: string | null;
  beneficiaries?: string[];
  /** The applicant's own category choice as written (either taxonomy, any language). */
  selfCategories?: string[];
  language?: string | null;
}

type Field = 'title' | 'description' | 'beneficiaries';

/** Why a category was suggested; stored with each tag and shown by `tag explain`. */
export type Evidence =
  | {
      kind: 'term';
      term: string;
      /** The field that weighs most among those where the term was found. */
      field: Field;
      /** Occurrences in all fields together. */
      count: number;
      weight: number;
      /** Occurrences per field (absent in evidence stored before it was recorded). */
      fields?: Partial<Record<Field, number>>;
    }
  | { kind: 'self'; value: string }
  | {
      kind: 'model';
      probability: number;
      weight: number;
      words: string[];
      /** Which model: officers' reviewed applications, or the examples shipped with skillsnet (absent in older evidence: officers). */
      source?: 'officers' | 'examples';
    }
  | { kind: 'fallback'; note: string }
  /** Why a category that reached the threshold was still left out (a long description's rule). */
  | { kind: 'note'; note: string };

export interface CategoryScore {
  category: string;
  /** Final confidence 0..1 (terms and applicant's choice, blended with the learned model). */
  confidence: number;
  /** Evidence points from the term lists and the applicant's choice. */
  termScore: number;
  /** Distinct terms found (the applicant's choice counts as one). */
  distinctTerms: number;
  /** The officers' model's probability, else the shipped examples' model's; null without either. */
  modelProbability: number | null;
  selected: boolean;
  evidence: Evidence[];
}

export interface TagResult {
  language: TextLanguage;
  /** Every category, most likely first. */
  scores: CategoryScore[];
  /** The codes chosen, most likely first. */
  selected: string[];
}

export interface TaggerOptions {
  /** Confidence from which a category is tagged (default 0.5). */
  threshold?: number;
  terms?: TermIndex;
  model?: LearnedModel;
  /**
   * The model learned from the labelled examples shipped with skillsnet (examples.ts). It counts
   * for less as officers review: its weight is multiplied by EXAMPLES_HALF_LIFE / (that + the
   * number of applications officers have reviewed).
   */
  examples?: LearnedModel;
  /** At most this many categories per application (default 4). */
  maxCategories?: number;
  /** Name the learned model's words for every category, not only the chosen ones (tag explain). */
  explainAll?: boolean;
}

export const DEFAULT_THRESHOLD = 0.5;
/** Officer-reviewed applications at which the shipped examples count half as much as at the start. */
export const EXAMPLES_HALF_LIFE = 50;
/** The shipped examples' model weighs at most this share of what the same number of officers' examples would. */
export const EXAMPLES_SHARE = 1;

const logit = (p: number) => Math.log(p / (1 - p));
const clamp = (p: number) => Math.min(0.98, Math.max(0.1, p));

/**
 * Adds what the learned model says to the term evidence, in log-odds: the model moves the
 * confidence up when it finds the category likelier than its base rate among the applications
 * officers labelled, and down when less likely, by `weight` (0..1, grows with their examples).
 */
export function combine(termConfidence: number, modelProbability: number, prior: number, weight: number): number {
  return combineAll(termConfidence, [{ probability: modelProbability, prior, weight }]);
}

/** combine() with several models' opinions, each added in log-odds with its own weight. */
export function combineAll(termConfidence: number, opinions: Array<{ probability: number; prior: number; weight: number }>): number {
  let z = logit(clamp(termConfidence));
  for (const o of opinions) z += o.weight * (logit(clamp(o.probability)) - logit(clamp(o.prior)));
  return 1 / (1 + Math.exp(-z));
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A stem as the term lists read it: whom a proposal serves is a word like any other, weighed by its position (titleWeights, descriptionWeights). */
const unserved = (s: string) => (s.startsWith(SERVED) ? s.slice(SERVED.length) : s);

/** An application's texts as stems, with the language they were read in. */
export interface ApplicationTokens {
  language: TextLanguage;
  title: string[];
  description: string[];
  beneficiaries: string[];
  /** Words in the description (all of them, before small words go): how long the text is. */
  descriptionWords?: number;
  /** Per stem of `description`: how much a term found there counts (its section's weight, TermFile.sections). */
  descriptionWeights?: number[];
  /** Per stem of `title`: how much a term found there counts (1, or SERVED_WEIGHT for whom a proposal serves). */
  titleWeights?: number[];
  /** The title and description stemmed in the languages whose phrases may stand in the text (English in French or Spanish, and the reverse). */
  foreign?: Array<[TextLanguage, string[], string[]]>;
}

/**
 * Whether a form label names a category's subject beside its section word: a term (weight 1 or
 * more) with at least one word that is no label word ("Skills assessment and evaluation",
 * "Problem solving"), while "Monitoring and evaluation" or "Problem statement" name none.
 */
function labelNamesTopic(label: string, rules: SectionRules, terms: TermIndex, language: TextLanguage): boolean {
  const labelWords = sectionLabelWords(rules);
  const tokens: string[] = [];
  const isLabelWord: boolean[] = [];
  for (const w of words(label)) {
    if (w === BREAK) continue;
    for (const stem of stemWords([w], language)) {
      tokens.push(stem);
      isLabelWord.push(labelWords.has(foldAccents(w)));
    }
  }
  return matchTerms(tokens, terms, language).some((m) =>
    Object.values(m.term.weights).some((w) => w >= 1) && m.term.stems.some((_, k) => !isLabelWord[m.position + k]));
}

/**
 * How much a learner noun counts where it names whom a proposal serves or what a study looks at
 * ("workshops for apprentices", "we survey former apprentices": text.ts, servedWords): a passing
 * word, as an aside's, so that the audience alone makes no work-based learning while an app "for
 * apprentices" used at the workplace still adds up to it.
 */
export const SERVED_WEIGHT = 0.3;

/**
 * Words that open a logframe's headings, not a subject: "Indicators for apprenticeship scale-up",
 * "Indicateurs du fonds de formation", "Indicadores de inclusión laboral", "KPIs of a training fund"
 * name the figures that follow, not research on them. Opening a title, such a word is no term
 * (inside it, "labour market indicators" still is).
 */
const MEASURE_HEADINGS = new Set(['indicators', 'indicator', 'indicateurs', 'indicateur', 'indicadores', 'indicador', 'kpi', 'kpis', 'logframe']);

/** The stems the term lists and the learned model read for an application (title, description, beneficiaries). */
export function applicationTokens(input: TaggerInput, sections?: SectionRules, terms?: TermIndex): ApplicationTokens {
  const titleWords = words(maskPlaceNames(plainText(input.title ?? '')));
  if (titleWords.length > 1 && MEASURE_HEADINGS.has(foldAccents(titleWords[0].toLowerCase()))) titleWords[0] = BREAK;
  const masked = maskPlaceNames(plainText(input.description ?? ''));
  const descriptionWords = words(masked);
  const language = textLanguage(input.language, titleWords.length + descriptionWords.length > 0 ? [...titleWords, ...descriptionWords] : []);
  const disowned = disownsTitle(masked);
  // Stemmed section by section (the same stems as the whole text: a label ends in a colon, a break), each stem with its section's weight.
  const description: string[] = [];
  const descriptionWeights: number[] = [];
  const topical = sections && terms ? (label: string) => labelNamesTopic(label, sections, terms, language) : undefined;
  // Typos of the terms' words are read as the words meant where the terms are known (tagging);
  // the learned models, trained without the term lists, read the words as typed.
  const respell = terms ? (w: string) => repairTypo(w, terms, language) : undefined;
  for (const section of descriptionSections(masked, sections, topical)) {
    const weight = sectionWeight(section.kind, sections);
    for (const stem of stemWords(words(section.text), language, respell)) {
      if (stem === BREAK && (description.length === 0 || description[description.length - 1] === BREAK)) continue;
      // Whom a proposal serves (text.ts, servedWords): a passing word for the term lists, a word of its own for the models.
      description.push(stem);
      descriptionWeights.push(stem.startsWith(SERVED) ? Math.min(weight, SERVED_WEIGHT) : weight);
    }
  }
  // A title the description disowns ("Despite the name, …") counts as denied words (text.ts, disownsTitle).
  const titleStems = disowned ? stemWords(titleWords, language, respell).map((t) => (t === BREAK || t.startsWith(NEGATED) ? t : NEGATED + t)) : stemWords(titleWords, language, respell);
  return {
    language,
    title: titleStems,
    titleWeights: titleStems.map((t) => (t.startsWith(SERVED) ? SERVED_WEIGHT : 1)),
    description,
    descriptionWeights,
    beneficiaries: stemWords(words(maskPlaceNames((input.beneficiaries ?? []).join(' ; '))), language, respell).map((t) => (t.startsWith(SERVED) ? plainStem(t) : t)),
    descriptionWords: descriptionWords.filter((w) => w !== BREAK).length,
    foreign: terms?.phraseWords ? foreignPhraseTokens(terms.phraseWords, language, disowned ? [] : titleWords, descriptionWords) : undefined,
  };
}

/**
 * The title and description stemmed for each language whose phrases may stand in the text. Words
 * the text denies in its own language ("il ne s'agit pas de job matching") are breaks: a phrase
 * of another language is denied with them.
 */
function foreignPhraseTokens(phraseWords: Record<TextLanguage, Set<string>>, language: TextLanguage, titleWords: string[], descriptionWords: string[]): Array<[TextLanguage, string[], string[]]> {
  const affirmed = (ws: string[]) => {
    const denied = deniedWords(ws, language);
    return denied.includes(true) ? ws.map((w, i) => (denied[i] ? BREAK : w)) : ws;
  };
  const title = affirmed(titleWords);
  const description = affirmed(descriptionWords);
  return foreignLanguages(language).map((other) => {
    const only = phraseWordsOnly(phraseWords[other], other);
    return [other, stemWords(only(title), other), stemWords(only(description), other)];
  });
}

/**
 * A text's words as another language's phrases can use them: its words of those phrases (or
 * their plurals or singulars) and its small words; every other word a break, so that stemming in
 * that language is cheap and no phrase is found across a word it does not hold.
 */
function phraseWordsOnly(phraseWords: Set<string>, language: TextLanguage): (ws: string[]) => string[] {
  let known = keptWords.get(phraseWords);
  if (!known) keptWords.set(phraseWords, (known = new Map()));
  const kept = (w: string) => {
    let k = known!.get(w);
    if (k === undefined) {
      const f = /[^\x00-\x7f]/.test(w) ? foldAccents(w) : w;
      k = phraseWords.has(f) || phraseWords.has(`${f}s`) || (f.endsWith('s') && phraseWords.has(f.slice(0, -1))) || isStopword(w, language);
      if (known!.size < 200_000) known!.set(w, k);
    }
    return k;
  };
  return (ws) => ws.map((w) => (w === BREAK || kept(w) ? w : BREAK));
}
const keptWords = new WeakMap<Set<string>, Map<string, boolean>>();

/** Languages whose phrases are looked for in a text of this language: English in French or Spanish, French and Spanish in English. */
function foreignLanguages(language: TextLanguage): TextLanguage[] {
  return language === 'en' ? ['fr', 'es'] : ['en'];
}

/** A model's word as `tag explain` shows it: a denied one as "not …". */
const shownStem = (s: string) => (s.startsWith(NEGATED) ? `not ${plainStem(s)}` : s.startsWith(SERVED) ? `for ${plainStem(s)}` : s);

/**
 * The stems the learned models read. A word the text denies stays marked (NEGATED): a feature of
 * its own, so that "no damos cursos" neither teaches a model what "cursos" means nor is read by
 * one as a text about courses.
 */
export function modelTokens(t: { title: string[]; description: string[]; beneficiaries: string[] }): string[] {
  const out: string[] = [];
  for (const s of [t.title, t.description].flat()) {
    if (s === BREAK) continue;
    const plain = plainStem(s);
    if (plain.startsWith(LACKS)) continue;
    const read = READ_AS_STEMMED.get(plain);
    out.push(read === undefined ? s : s.slice(0, s.length - plain.length) + read);
  }
  return out;
}

/**
 * Suggests categories for one application. Term evidence and the applicant's own choice give a
 * score per category, turned into a confidence with the category's scale (broad categories need
 * more evidence); where officers have taught the model enough, its probability is blended in.
 */
/** The points and evidence gathered for each category while tagging one application. */
interface Clues {
  score: Map<string, number>;
  /** distinct clues (terms, the applicant's choice) per category */
  distinct: Map<string, number>;
  evidence: Map<string, Evidence[]>;
  /** categories the text itself names with a term of weight 1 or more */
  named: Set<string>;
  push(code: string, e: Evidence): void;
}

function newClues(): Clues {
  const evidence = new Map<string, Evidence[]>();
  return {
    score: new Map(),
    distinct: new Map(),
    evidence,
    named: new Set(),
    push(code, e) {
      const list = evidence.get(code) ?? [];
      list.push(e);
      evidence.set(code, list);
    },
  };
}

export class Tagger {
  readonly threshold: number;
  readonly terms: TermIndex;
  readonly model: LearnedModel | undefined;
  readonly examples: LearnedModel | undefined;
  readonly maxCategories: number;
  readonly explainAll: boolean;
  private readonly codes = categoryCodes();

  constructor(options: TaggerOptions = {}) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.terms = options.terms ?? termIndex();
    this.model = options.model;
    this.examples = options.examples;
    this.maxCategories = options.maxCategories ?? 4;
    this.explainAll = options.explainAll ?? false;
  }

  tag(input: TaggerInput): TagResult {
    const tokens = applicationTokens(input, this.terms.file.sections, this.terms);
    const clues = newClues();
    this.termClues(tokens, clues);
    this.selfChoiceClues(input, clues);
    const { scores, features, exampleFeatures } = this.categoryScores(tokens, clues);
    const chosen = this.choose(scores, tokens.descriptionWords ?? 0);
    for (const s of chosen) s.selected = true;
    // The words behind a model's opinion are looked up only where they are shown.
    for (const s of this.explainAll ? scores : chosen) {
      for (const e of s.evidence) {
        if (e.kind !== 'model') continue;
        if (e.source === 'examples') e.words = strongestFeatures(this.examples!, exampleFeatures!, s.category).map((f) => shownStem(f.stem));
        else e.words = strongestFeatures(this.model!, features!, s.category).map((f) => shownStem(f.stem));
      }
    }
    return { language: tokens.language, scores, selected: chosen.map((s) => s.category) };
  }

  /** Each term counts fully once, repeats a little (up to maxRepeats), wherever it appears. */
  private termClues(tokens: ApplicationTokens, clues: Clues): void {
    const file = this.terms.file;
    const fields: Array<['title' | 'description' | 'beneficiaries', string[], number]> = [
      ['title', tokens.title, file.titleWeight],
      ['description', tokens.description, 1],
      ['beneficiaries', tokens.beneficiaries, file.beneficiariesWeight],
    ];
    // Terms the text's context voids for a category (TermFile.contextTerms): job ads inside a matching
    // service. A category is voided for a term only where every place it stands is voided.
    const voidedAt = voidedTerms(file, tokens);
    const seen = new Map<string, { term: string; field: Field; count: number; fields: Partial<Record<Field, number>>; weights: Record<string, number>; fieldWeight: number; voided: ReadonlySet<string> | undefined }>();
    const nativeTerms = new Set<string>();
    const found = fields.flatMap(([field, stems, weightOfField]) =>
      matchTerms(stems.map(unserved), this.terms, tokens.language).map((m) => {
        nativeTerms.add(foldAccents(m.term.term.toLowerCase()));
        return { field, m, weightOfField, foreign: false };
      }));
    // Jargon of another language inside the text: English phrases in a French or Spanish text
    // ("job matching", "blended learning", "soft skills"), French or Spanish ones in an English text
    // ("formation en alternance", "certificación de competencias"). Phrases of several words
    // only (a single word is too often a cognate or a false friend), none the text's own lists found.
    for (const [language, title, description] of tokens.foreign ?? []) {
      for (const [field, stems, weightOfField] of [['title', title, file.titleWeight], ['description', description, 1]] as const) {
        for (const m of matchTerms(stems, this.terms, language)) {
          if (m.term.stems.length < 2 || !/\s/.test(m.term.term.trim()) || nativeTerms.has(foldAccents(m.term.term.toLowerCase()))) continue;
          found.push({ field, m, weightOfField, foreign: true });
        }
      }
    }
    for (const { field, m, weightOfField, foreign } of found) {
      // In the description, a term counts as much as the section it stands in (background and asides less).
      const positionWeight = foreign ? 1 : field === 'description' ? tokens.descriptionWeights?.[m.position] : field === 'title' ? tokens.titleWeights?.[m.position] : 1;
      const fieldWeight = weightOfField * (positionWeight ?? 1);
      const key = `${foreign ? 'foreign:' : ''}${m.term.stems.join(' ')}`;
      const known = seen.get(key);
      const voided = foreign ? undefined : voidedAt(key, field, m.position);
      if (known) {
        if (known.voided) known.voided = voided ? new Set([...known.voided].filter((c) => voided.has(c))) : undefined;
        known.count++;
        known.fields[field] = (known.fields[field] ?? 0) + 1;
        if (fieldWeight > known.fieldWeight) { known.fieldWeight = fieldWeight; known.field = field; }
      } else {
        seen.set(key, { term: m.term.term, field, count: 1, fields: { [field]: 1 }, weights: m.term.weights, fieldWeight, voided });
      }
    }
    // Weak terms (weight under 1: "partners", "companies", "online") are many; a long text names
    // a dozen of them in passing. Together they give a category at most weakTermsCap points.
    const weakPoints = new Map<string, number>();
    for (const s of seen.values()) {
      const repeats = Math.min(file.maxRepeats, s.count - 1);
      for (const [code, weight] of Object.entries(s.weights)) {
        if (weight <= 0 || s.voided?.has(code)) continue;
        if (weight >= 1) clues.named.add(code);
        let points = weight * s.fieldWeight * (1 + file.repeatWeight * repeats);
        if (weight < 1 && file.weakTermsCap !== undefined) {
          const before = weakPoints.get(code) ?? 0;
          points = Math.max(0, Math.min(points, file.weakTermsCap - before));
          weakPoints.set(code, before + points);
        }
        clues.score.set(code, (clues.score.get(code) ?? 0) + points);
        clues.distinct.set(code, (clues.distinct.get(code) ?? 0) + 1);
        clues.push(code, { kind: 'term', term: s.term, field: s.field, count: s.count, weight: round(points), fields: { ...s.fields } });
      }
    }
  }

  /**
   * The applicant's own choice, mapped to revised codes. A choice that maps to several revised
   * categories ("Career, entrepreneurship and employment services") says less about each of
   * them: its points are shared. The choice confirms what the text says: for a category the text
   * names with no term of weight 1 or more (passing words only, or nothing), it counts half, so
   * that a category the applicant hoped for but the text does not describe is not tagged on the
   * choice alone ("Training delivery" chosen for a recognition scheme).
   */
  private selfChoiceClues(input: TaggerInput, clues: Clues): void {
    const file = this.terms.file;
    const selfPoints = new Map<string, number>();
    for (const value of input.selfCategories ?? []) {
      if (typeof value !== 'string') continue;
      for (const codes of categoryChoices(value)) {
        for (const code of codes) {
          const points = (file.selfChoiceScore / codes.length) * (clues.named.has(code) ? 1 : 0.5);
          selfPoints.set(code, Math.max(selfPoints.get(code) ?? 0, points));
        }
      }
      for (const code of revisedCodesFor(value)) clues.push(code, { kind: 'self', value });
    }
    for (const [code, points] of selfPoints) {
      clues.score.set(code, (clues.score.get(code) ?? 0) + points);
      clues.distinct.set(code, (clues.distinct.get(code) ?? 0) + 1);
    }
  }

  /** Every category's confidence: its term points, combined with what the learned models think; most likely first. */
  private categoryScores(tokens: ApplicationTokens, clues: Clues) {
    const file = this.terms.file;
    const stems = this.model || this.examples ? modelTokens(tokens) : [];
    const features = this.model ? featureIds(stems, this.model.vocabulary) : undefined;
    const predictions = this.model ? predict(this.model, features!) : undefined;
    const exampleFeatures = this.examples ? featureIds(stems, this.examples.vocabulary) : undefined;
    const examplePredictions = this.examples ? predict(this.examples, exampleFeatures!) : undefined;
    const scores: CategoryScore[] = this.codes.map((code) => {
      const def = file.categories[code];
      const s = clues.score.get(code) ?? 0;
      const termConfidence = 1 - Math.exp(-s / (def?.scale ?? 3));
      const p = predictions?.[code];
      const w = p ? modelWeight(this.model, code) : 0;
      const pe = examplePredictions?.[code];
      const we = pe ? this.examplesWeight(code) : 0;
      const opinions = [];
      if (p && w > 0) opinions.push({ probability: p.probability, prior: this.model!.categories[code].prior, weight: w });
      if (pe && we > 0) opinions.push({ probability: pe.probability, prior: this.examples!.categories[code].prior, weight: we });
      const confidence = opinions.length ? combineAll(termConfidence, opinions) : termConfidence;
      const ev = clues.evidence.get(code) ?? [];
      ev.sort((a, b) => (b.kind === 'term' ? b.weight : 9) - (a.kind === 'term' ? a.weight : 9));
      // The words behind a model's opinion are looked up later, only where they are shown.
      const hasTerms = ev.length > 0;
      if (p && w > 0 && (p.probability >= 0.2 || hasTerms)) {
        ev.push({ kind: 'model', source: 'officers', probability: round(p.probability), weight: round(w), words: [] });
      }
      if (pe && we > 0 && (pe.probability >= 0.2 || hasTerms)) {
        ev.push({ kind: 'model', source: 'examples', probability: round(pe.probability), weight: round(we), words: [] });
      }
      return {
        category: code,
        confidence: round(confidence),
        termScore: round(s),
        distinctTerms: clues.distinct.get(code) ?? 0,
        modelProbability: p ? round(p.probability) : pe ? round(pe.probability) : null,
        selected: false,
        evidence: ev,
      };
    });
    scores.sort((a, b) => b.confidence - a.confidence || a.category.localeCompare(b.category));
    return { scores, features, exampleFeatures };
  }

  /** The categories to tag, from the scores in order (most likely first). */
  private choose(scores: CategoryScore[], descriptionWords = 0): CategoryScore[] {
    const file = this.terms.file;
    // Broad categories need several distinct clues unless the learned model carries them.
    const enoughClues = (s: CategoryScore) =>
      s.distinctTerms >= (file.categories[s.category]?.minTerms ?? 1) || modelWeight(this.model, s.category) + this.examplesWeight(s.category) >= 0.3;
    // Each category's own threshold (the common one, shifted where the term file says so), and
    // beside the top category a share of its confidence.
    const thresholdOf = (code: string) => Math.min(0.99, Math.max(0.01, this.threshold + (file.categories[code]?.thresholdShift ?? 0)));
    const top = scores[0]?.confidence ?? 0;
    const ratio = file.secondaryRatio ?? 0;
    const share = secondaryShare(file.longText, descriptionWords);
    const topPoints = scores[0]?.termScore ?? 0;
    const chosen = scores
      .filter((s, i) => s.confidence >= thresholdOf(s.category) && enoughClues(s) && (i === 0 || s.confidence >= ratio * top))
      .filter((s) => {
        // A learned model that finds the category likely vouches for it whatever the text's length,
        // and so does the applicant who chose it: neither is a passing mention.
        if (s === scores[0] || s.termScore >= share * topPoints || (s.modelProbability ?? 0) >= 0.5 || s.evidence.some((e) => e.kind === 'self')) return true;
        s.evidence.push({
          kind: 'note',
          note: `left out: in a description of ${descriptionWords} words a second category needs ${Math.round(share * 100)}% of the main one's term points (${round(share * topPoints)}); it has ${s.termScore}`,
        });
        return false;
      })
      .slice(0, this.maxCategories);
    if (chosen.length === 0 && scores[0] && scores[0].confidence >= this.threshold / 2 && scores[0].distinctTerms > 0 && enoughClues(scores[0])) {
      // Every proposal is about something: take the clearest category even if its evidence is thin.
      scores[0].evidence.push({ kind: 'fallback', note: 'no category reached the threshold; this one had the most evidence' });
      return [scores[0]];
    }
    return chosen;
  }

  /** How much the shipped examples' model counts for a category: less as officers review more. */
  examplesWeight(code: string): number {
    if (!this.examples) return 0;
    const reviewed = this.model?.documents ?? 0;
    return EXAMPLES_SHARE * modelWeight(this.examples, code) * (EXAMPLES_HALF_LIFE / (EXAMPLES_HALF_LIFE + reviewed));
  }
}

/** TermFile.contextTerms stemmed per language: the terms' stem keys (as termClues keys them) and the phrases that void them. */
interface CompiledContextRule {
  category: string;
  terms: Record<TextLanguage, Set<string>>;
  /** The first stems of the terms: a text that holds none has nothing the rule could void. */
  termFirstStems: Record<TextLanguage, string[]>;
  when: Record<TextLanguage, string[][]>;
  firstStems: Record<TextLanguage, string[]>;
  keepWith: Record<TextLanguage, string[][]>;
}
const compiledContextRules = new WeakMap<TermFile, CompiledContextRule[]>();

function contextRules(file: TermFile): CompiledContextRule[] {
  let rules = compiledContextRules.get(file);
  if (!rules) {
    const keys = (phrases: string[] | undefined, lang: TextLanguage) =>
      (phrases ?? []).flatMap((p) => [p, unaccentedSpelling(p, lang) ?? p].map((v) => stems(v, lang))).filter((s) => s.length > 0);
    rules = (file.contextTerms ?? []).map((r) => {
      const when = Object.fromEntries(TEXT_LANGUAGES.map((l) => [l, keys(r.when[l], l)])) as Record<TextLanguage, string[][]>;
      const terms = Object.fromEntries(TEXT_LANGUAGES.map((l) => [l, keys(r.terms[l], l)])) as Record<TextLanguage, string[][]>;
      const firsts = (phrases: Record<TextLanguage, string[][]>) =>
        Object.fromEntries(TEXT_LANGUAGES.map((l) => [l, [...new Set(phrases[l].map((p) => p[0]))]])) as Record<TextLanguage, string[]>;
      return {
        category: r.category,
        keepWith: Object.fromEntries(TEXT_LANGUAGES.map((l) => [l, keys(r.keepWith?.[l], l)])) as Record<TextLanguage, string[][]>,
        terms: Object.fromEntries(TEXT_LANGUAGES.map((l) => [l, new Set(terms[l].map((s) => s.join(' ')))])) as Record<TextLanguage, Set<string>>,
        termFirstStems: firsts(terms),
        when,
        firstStems: firsts(when),
      };
    });
    compiledContextRules.set(file, rules);
  }
  return rules;
}

/** Whether a stem sequence holds a phrase's stems, in a row. */
function holdsPhrase(tokens: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    let k = 0;
    while (k < phrase.length && tokens[i + k] === phrase[k]) k++;
    if (k === phrase.length) return true;
  }
  return false;
}

/** Where each stem of a field stands: the number of its clause (BREAKs before it). */
function clauseNumbers(tokens: string[]): number[] {
  let n = 0;
  return tokens.map((t) => (t === BREAK ? ++n : n));
}
/** The clauses of a field (clauseNumbers) where one of the phrases stands. */
function clausesHolding(tokens: string[], phrases: string[][], numbers: number[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    for (const p of phrases) {
      let k = 0;
      while (k < p.length && tokens[i + k] === p[k]) k++;
      if (k === p.length) out.add(numbers[i]);
    }
  }
  return out;
}
const NOTHING_VOIDED = () => undefined;

/**
 * The categories a term (its stems joined) counts nothing for where it stands in this text
 * (TermFile.contextTerms): wherever the text names a rule's cue, unless the term's own clause
 * names one of the rule's keepWith phrases.
 */
function voidedTerms(file: TermFile, tokens: ApplicationTokens): (key: string, field: Field, position: number) => ReadonlySet<string> | undefined {
  const active: Array<{ category: string; keys: Set<string>; keep?: { title: Set<number>; description: Set<number> } }> = [];
  let numbers: { title: number[]; description: number[] } | undefined;
  let present: Set<string> | undefined;
  for (const rule of contextRules(file)) {
    // Most texts hold none of a rule's terms or no cue's first stem: the phrases are looked for only where both stand.
    present ??= new Set([...tokens.title, ...tokens.description]);
    const stands = (s: string) => present!.has(s);
    if (!rule.termFirstStems[tokens.language].some(stands) || !rule.firstStems[tokens.language].some(stands)) continue;
    const when = rule.when[tokens.language];
    if (!when.some((p) => holdsPhrase(tokens.title, p) || holdsPhrase(tokens.description, p))) continue;
    const keepWith = rule.keepWith[tokens.language];
    let keep: { title: Set<number>; description: Set<number> } | undefined;
    if (keepWith.length > 0) {
      numbers ??= { title: clauseNumbers(tokens.title), description: clauseNumbers(tokens.description) };
      keep = { title: clausesHolding(tokens.title, keepWith, numbers.title), description: clausesHolding(tokens.description, keepWith, numbers.description) };
    }
    active.push({ category: rule.category, keys: rule.terms[tokens.language], keep });
  }
  if (active.length === 0) return NOTHING_VOIDED;
  return (key, field, position) => {
    let codes: Set<string> | undefined;
    for (const r of active) {
      if (!r.keys.has(key) || (r.keep && field !== 'beneficiaries' && r.keep[field].has(numbers![field][position]))) continue;
      (codes ??= new Set()).add(r.category);
    }
    return codes;
  };
}

/**
 * The share of the main category's term points that a second category needs in a description
 * of this many words (TermFile.longText): 0 for short texts, growing to the full share.
 */
export function secondaryShare(rule: TermFile['longText'], descriptionWords: number): number {
  if (!rule || descriptionWords <= rule.fromWords) return 0;
  const span = Math.max(1, rule.fullWords - rule.fromWords);
  return rule.secondaryShare * Math.min(1, (descriptionWords - rule.fromWords) / span);
}

/** A one-line reading of a piece of evidence, for tables and `tag explain`. */
export function describeEvidence(e: Evidence): string {
  switch (e.kind) {
    case 'term': {
      const times = (n: number) => (n > 1 ? ` ×${n}` : '');
      const order: Field[] = ['title', 'description', 'beneficiaries'];
      const found = e.fields ? order.filter((f) => (e.fields![f] ?? 0) > 0) : [];
      // Each field with its own count: "refugees" in title, description ×2 (not "in title ×3").
      const where = found.length === 0
        ? `${e.field === 'description' ? '' : ` in ${e.field}`}${times(e.count)}`
        : found.length === 1 && found[0] === 'description'
          ? times(e.fields!.description!)
          : ` in ${found.map((f) => `${f}${times(e.fields![f]!)}`).join(', ')}`;
      return `"${e.term}"${where} (+${e.weight})`;
    }
    case 'self':
      return `applicant chose "${e.value}"`;
    case 'model':
      return `${e.source === 'examples' ? 'learned from the examples shipped with skillsnet' : 'learned from officers'}: ${Math.round(e.probability * 100)}%${e.words.length ? ` (${e.words.join(', ')})` : ''}, weight ${Math.round(e.weight * 100)}%`;
    case 'fallback':
    case 'note':
      return e.note;
  }
}
