import { createRequire } from 'node:module';
import fs from 'node:fs';
import { dataPath } from '../paths.js';
import { decodeHtmlEntities } from '../text.js';

/**
 * Text processing shared by the term lists, the learned model and the self-category matcher:
 * tokens -> stopwords out -> stemmed with the language's Snowball stemmer -> accents folded.
 * Stemming happens before folding because the French stemmer reads accents ("é" endings).
 */

export type TextLanguage = 'en' | 'fr' | 'es';
export const TEXT_LANGUAGES: TextLanguage[] = ['en', 'fr', 'es'];

type Stemmer = (word: string) => string;
const require = createRequire(import.meta.url);
const STEMMER_MODULE: Record<TextLanguage, string> = {
  en: '@orama/stemmers/english',
  fr: '@orama/stemmers/french',
  es: '@orama/stemmers/spanish',
};
const stemmers = new Map<TextLanguage, Stemmer>();
/** Stems of words already seen, per language: vocabularies are small, texts are many. */
const stemCache = new Map<TextLanguage, Map<string, string>>();

function stemmerFor(lang: TextLanguage): Stemmer {
  let s = stemmers.get(lang);
  if (!s) {
    s = (require(STEMMER_MODULE[lang]) as { stemmer: Stemmer }).stemmer;
    stemmers.set(lang, s);
  }
  return s;
}

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;

/** Lower case without accents: "Économie" -> "economie". */
export function foldAccents(text: string): string {
  // (plain ASCII has no accents to fold: most words of most texts)
  return NON_ASCII.test(text) ? text.normalize('NFD').replace(MARKS, '') : text;
}

// Function words of each language. They are dropped from texts and from term phrases alike,
// so "formation en cours d'emploi" matches "formation en cours d emploi" and "formation cours emploi".
const STOPWORDS: Record<TextLanguage, string[]> = {
  en: ('a an the and or but of to in on at by for with from into onto as is are was were be been this that these those ' +
    'it its their they them we our us you your he she his her which who whom whose what when where how than then so such ' +
    'also not no can could will would shall should may might must do does did has have had per via about over under ' +
    'between through within across among each all any both more most other some same very just s t').split(' '),
  fr: ('le la les l un une des du de d et ou mais a au aux en dans par pour sur sous avec sans ce cet cette ces son sa ses ' +
    'leur leurs notre nos votre vos qui que qu quoi dont ou est sont ete fait ont avoir il elle ils elles nous vous on ' +
    'se s ne n pas plus y c j m t tout tous toute toutes afin entre chez lors ainsi aussi comme tres').split(' '),
  es: ('el la los las lo un una unos unas y e o u de del al a en por para con sin sobre entre hacia desde que quien cual ' +
    'cuyo su sus nuestro nuestra nuestros nuestras este esta estos estas ese esa es son ser fue han ha ya se le les no mas ' +
    'muy tambien como cada todo todos toda todas mediante segun durante').split(' '),
};
const STOPWORD_SETS: Record<TextLanguage, Set<string>> = {
  en: new Set(STOPWORDS.en),
  fr: new Set(STOPWORDS.fr.map(foldAccents)),
  es: new Set(STOPWORDS.es.map(foldAccents)),
};

// Words frequent in one language and rare in the other two: enough to tell en/fr/es apart
// in a proposal text in microseconds (tinyld is far slower and knows 60 languages we do not need).
const MARKERS: Record<TextLanguage, Set<string>> = {
  en: new Set('the and of to with for is are this that our which from by will their'.split(' ')),
  fr: new Set('les des et du pour dans est une au aux sur qui nous leur cette avec sont'.split(' ')),
  es: new Set('los las y del para con una por el nuestro sus este esta son mediante'.split(' ')),
};

/**
 * A proposal's text as it reads, when it was pasted from a web form or a rich-text editor with
 * its HTML ("<p>", "<li>", "formaci&oacute;n") or Markdown ("## Problem", "**Budget**", "| cell |
 * cell |"): tags that open a block (paragraphs, list items, table cells, line breaks) become line
 * breaks, so that a phrase is not found across two items; other tags spaces; character
 * references the characters they stand for. A heading, or a bold line alone, is a form label
 * ("## Problem" reads as "Problem:", sections.ts); table pipes part cells as line ends do.
 */
export function plainText(text: string): string {
  if (!MARKUP.test(text)) return text;
  let t = text.replace(HTML_HEADING, (_, inner: string) => `\n${asLabel(inner.replace(HTML_TAG, ' '))}\n`);
  // "<p><b>Problem</b></p>" is the bold line "**Problem**"
  t = t.replace(HTML_BOLD, '**$2**').replace(HTML_BLOCK_TAG, '\n').replace(HTML_TAG, ' ');
  t = decodeHtmlEntities(t);
  t = t.replace(MARKDOWN_HEADING, (_, inner: string) => asLabel(inner)).replace(BOLD_LINE, (_, inner: string) => asLabel(inner));
  // Bold inside a line ("**Contexte :** le chômage…", "- **Budget:** USD 5,000") and a bullet's
  // mark are no words: without them a label opens its line as in plain text.
  t = t.replace(INLINE_BOLD, '$2').replace(BULLET, '$1');
  return t.replace(/\|/g, '\n');
}
// (a bullet list is markup too: "- Budget: USD 5,000" opens with its label as "Budget: USD 5,000" does)
const MARKUP = /[<&|#*_•]|^[^\S\n]*[-+][^\S\n]/m;
const HTML_BOLD = /<(b|strong)\b[^<>]{0,300}>([^<>\n]{1,120}?)<\/\1\s*>/gi;
const INLINE_BOLD = /(\*\*|__)([^*_\n]{1,120}?)\1/g;
const BULLET = /^([^\S\n]*)[-*+•][^\S\n]+/gm;
const HTML_HEADING = /<h[1-6]\b[^<>]*>([\s\S]{0,300}?)<\/h[1-6]\s*>/gi;
const HTML_BLOCK_TAG = /<\/?(?:p|div|br|li|ul|ol|tr|td|th|table|thead|tbody|section|article|blockquote|hr|dl|dt|dd|h[1-6])\b[^<>]{0,300}>/gi;
const HTML_TAG = /<\/?[a-z][a-z0-9]*\b[^<>]{0,300}>/gi;
const MARKDOWN_HEADING = /^[^\S\n]{0,3}#{1,6}[^\S\n]+([^\n#]{1,120}?)[^\S\n#]*#*[^\S\n]*$/gm;
const BOLD_LINE = /^[^\S\n]*(?:\*\*|__)([^*_\n]{1,80}?)(?:\*\*|__)[^\S\n]*$/gm;
// A heading names its section in a few words ("Problem", "Our team", "Monitoring and evaluation");
// a longer bold line is a sentence set in bold ("**Notre équipe forme des mécaniciennes**", "**El
// presupuesto no alcanza para todos**"), read as text: as a label it made what follows a side answer.
const HEADING_WORDS = 4;
const asLabel = (heading: string) => {
  const h = heading.trim();
  if (/[:.?!]$/.test(h) || (h.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) > HEADING_WORDS) return h;
  return `${h}:`;
};

/** Lower-cased words of a text, accents kept (the stemmers need them). */
export function words(text: string): string[] {
  const found = text.toLowerCase().replace(JOINED, (m) => m.replace(/[\s-]+/g, '')).match(WORD_OR_BREAK) ?? [];
  const out: string[] = [];
  const commas = new Set<number>();
  const semicolons = new Set<number>();
  for (const w of found) {
    if (BREAK_CHARS.test(w[0])) {
      const comma = COMMA_ONLY.test(w);
      if (out.length && out[out.length - 1] !== BREAK) {
        out.push(BREAK);
        if (comma) commas.add(out.length - 1);
        if (comma && w.includes(';')) semicolons.add(out.length - 1);
      } else if (!comma) commas.delete(out.length - 1);
      else if (w.includes(';')) semicolons.add(out.length - 1);
    } else out.push(w);
  }
  if (commas.size) COMMA_BREAKS.set(out, commas);
  if (semicolons.size) SEMICOLON_BREAKS.set(out, semicolons);
  return out;
}

const COMMA_ONLY = /^[,;]+$/;
/** Per array of words(): the positions of its breaks that stand for a comma or semicolon only (inside a sentence). */
const COMMA_BREAKS = new WeakMap<string[], Set<number>>();
/** Whether ws[i] is a break that words() made of a comma or semicolon alone (false where unknown). */
export function isCommaBreak(ws: string[], i: number): boolean {
  return COMMA_BREAKS.get(ws)?.has(i) ?? false;
}
/** Of those, the breaks that hold a semicolon. */
const SEMICOLON_BREAKS = new WeakMap<string[], Set<number>>();
function isSemicolonBreak(ws: string[], i: number): boolean {
  return SEMICOLON_BREAKS.get(ws)?.has(i) ?? false;
}

/**
 * Stands between clauses (after . , ; : ! ? brackets and line ends) so that a phrase never
 * matches across them: "...a construction company. Training..." is not "company training".
 */
export const BREAK = '|';
const WORD_OR_BREAK = /[\p{L}\p{N}]+|[.,;:!?()\[\]\n\r]+/gu;
const BREAK_CHARS = /[.,;:!?()\[\]\n\r]/;

// Expressions whose small words carry the meaning: kept as one token before stopwords go ("e" is
// Spanish "and": "e-learning" would be "learning").
const JOINED = /\bon[\s-]+the[\s-]+job\b|\be-learning\b/g;

/**
 * en, fr or es for a text, from its function words; `fallback` when the text has none of them.
 * Used when an application has no language or one outside the three (stemming needs a choice).
 */
export function guessLanguage(tokens: string[], fallback: TextLanguage = 'en'): TextLanguage {
  const counts: Record<TextLanguage, number> = { en: 0, fr: 0, es: 0 };
  for (const w of tokens) {
    if (MARKERS.en.has(w)) counts.en++;
    if (MARKERS.fr.has(w)) counts.fr++;
    if (MARKERS.es.has(w)) counts.es++;
  }
  let best: TextLanguage = fallback;
  for (const l of TEXT_LANGUAGES) if (counts[l] > counts[best]) best = l;
  return best;
}

/** The language to stem a text with: the declared one when it is en/fr/es, else a guess. */
export function textLanguage(declared: string | null | undefined, tokens: string[]): TextLanguage {
  const d = (declared ?? '').trim().toLowerCase().slice(0, 2);
  if (d === 'en' || d === 'fr' || d === 'es') return d;
  return guessLanguage(tokens);
}

/** Stem of one lower-case word in a language, accents folded. */
// Words the stemmer would merge with a common word of another meaning ("données" and "donner"
// both become "don"; "employers" and "employment" both "employ"; "findings" and "find",
// "placement" and "sur place", "âgées" and "âge", "diplômés" (graduates) and "diplôme",
// "adaptability" and "adapt", "aplicación" and "aplicar un test", "mères" and "mer",
// "responses" and "responsibility", "niños" and "niñas", "alternativas" and "alternan",
// "público" and "publicar", "traite" (trafficking) and "traitement", "sous-traitants", "sueño"
// (sleep, or a dream) and "sueñan" (they dream), "préstamos" (loans) and "prestan" (they lend
// a boat, a workshop), "commerçants" / "comerciantes" (traders) and "commerce" / "comercio" (trade
// as a sector: "chambre de commerce", "empresas de comercio"), "registrarlos" (to register them)
// and "registro" (any record or log), "diplomado" (a course of study in Latin America, or a
// graduate) and "diploma", "équipe" (a team) and "équipement"): kept whole, in both spellings
// where a folded one differs. Some are kept whole for the term lists only (READ_AS_STEMMED): the
// learned models read them as the stemmer does, as they were trained.
/**
 * Words kept whole for the term lists only, and the stem the learned models read for them: "notre
 * équipe" is no equipment for the term lists (tagging12), while the models, trained on the stems
 * as the stemmer gives them, keep their features (tagger.ts, modelTokens).
 */
export const READ_AS_STEMMED: ReadonlyMap<string, string> = new Map([['equipe', 'equip'], ['equipes', 'equip']]);
const KEEP_WHOLE: Record<TextLanguage, Set<string>> = {
  en: new Set(['employer', 'employers', 'employability', 'communication', 'communications', 'interns', 'governance', 'findings', 'adaptability', 'assistive',
    'response', 'responses', 'responsive']),
  fr: new Set(['données', 'donnée', 'communication', 'communications', 'conseiller', 'conseillers', 'conseillère', 'conseillères', 'alternance',
    'placement', 'placements', 'âgé', 'âgés', 'âgée', 'âgées', 'diplômé', 'diplômés', 'diplômée', 'diplômées', 'adaptabilité',
    'mère', 'mères', 'groupement', 'groupements', 'traite',
    'commerçant', 'commerçants', 'commerçante', 'commerçantes', 'commercant', 'commercants', 'commercante', 'commercantes',
    'équipe', 'équipes', 'equipe', 'equipes']),
  es: new Set(['comunicación', 'comunicaciones', 'empleadores', 'empleador', 'consejería', 'consejerías', 'consejero', 'consejeros', 'alternancia',
    'aplicación', 'aplicaciones', 'adaptabilidad', 'programación',
    'niño', 'niños', 'sueño', 'generador', 'generadores', 'alternativa', 'alternativas', 'alternativo', 'alternativos', 'público', 'pública', 'públicos', 'públicas',
    'préstamo', 'préstamos', 'comerciante', 'comerciantes', 'registrarlos', 'diplomado', 'diplomados']),
};

/**
 * A phrase as typed without accents ("certificacion"), or null when it has none or holds a word
 * kept whole: without its accents that word would be stemmed into the common word it is kept
 * apart from ("donnees" and "donner"), and an unaccented "publica" is the verb anyway.
 */
export function unaccentedSpelling(phrase: string, lang: TextLanguage): string | null {
  const folded = foldAccents(phrase);
  if (folded === phrase) return null;
  if (words(phrase).some((w) => KEEP_WHOLE[lang].has(w))) return null;
  return folded;
}

export function stem(word: string, lang: TextLanguage): string {
  let cache = stemCache.get(lang);
  if (!cache) stemCache.set(lang, (cache = new Map()));
  let s = cache.get(word);
  if (s === undefined && KEEP_WHOLE[lang].has(word)) {
    s = foldAccents(word);
    cache.set(word, s);
  }
  if (s === undefined) {
    // Numbers and one-letter tokens are kept as they are; the stemmers expect words.
    s = word.length < 3 || /^\d+$/.test(word) ? foldAccents(word) : foldAccents(stemmerFor(lang)(word));
    if (cache.size < 200_000) cache.set(word, s);
  }
  return s;
}

export function isStopword(word: string, lang: TextLanguage): boolean {
  return STOPWORD_SETS[lang].has(foldAccents(word));
}

/** Stems of the content words of a text, in order (the input of term matching and the model). */
export function stems(text: string, lang: TextLanguage): string[] {
  return stemWords(words(text), lang);
}

/**
 * Marks a stem said not to apply ("this is not an apprenticeship programme"): term lists never
 * match it, the learned models read it as a word of its own (tagger.ts, modelTokens).
 */
export const NEGATED = '¬';
/** Marks a stem that names whom a proposal serves, not what it does (servedWords): term lists never match it. */
export const SERVED = '°';

/** The stem without its negation or audience mark. */
export function plainStem(s: string): string {
  return s.startsWith(NEGATED) || s.startsWith(SERVED) ? s.slice(1) : s;
}

// What a proposal says it is not, or does instead of something: "this is not an apprenticeship
// programme", "il ne s'agit pas d'une formation", "no se trata de montar un negocio", "rather
// than", "au lieu de", "a diferencia de". Each pattern is a sequence of words (alternatives
// joined by |, accents folded). Only these: a bare "not", "sans" or "sin" describes the barriers
// a proposal answers ("cannot attend", "sans diplôme"), and "not only", "no es solo" add, not deny.
const NEGATION_PATTERNS: Record<TextLanguage, string[][]> = {
  en: [
    ['is|are|was|were|isn|aren|wasn|weren', 'not|t', 'a|an|about|another'],
    // "our aim is not to certify", "the idea isn't to open another centre"
    ['aim|goal|objective|purpose|intention|idea|point|ambition', 'is|was|isn|wasn', 'not|t', 'to'],
    ['rather', 'than'], ['instead', 'of'], ['unlike'],
    // "Although the name speaks of entrepreneurship, …": what a title says and the text does not (tagging6)
    ['although|though|while|despite', 'the|its|our|this', 'name|title'],
  ],
  fr: [
    ['ne|n', 's', 'agit', 'pas'],
    // "ce n'est pas un…", and "ce n'est ni un… ni un…"
    ['ne|n', 'est|sont|sommes|etait|etaient', 'pas|ni', 'un|une|d|de|du|des|le|la|les|l'],
    ['plutot', 'que|qu'], ['au', 'lieu', 'de|d|du|des'], ['contrairement', 'a|au|aux'],
    ['meme', 'si', 'le|l|son|notre|ce', 'nom|titre|intitule'], ['bien', 'que|qu', 'le|l|son|notre|ce', 'nom|titre|intitule'], ['malgre', 'le|l|son|notre|ce', 'nom|titre|intitule'],
  ],
  es: [
    ['no', 'es|son|somos|era|eran', 'un|una|unos|unas|el|la|los|las|otro|otra|otros|otras'],
    ['no', 'se', 'trata'], ['objetivo|proposito|meta|idea|intencion|finalidad', 'no', 'es'], ['en', 'lugar', 'de|del'], ['en', 'vez', 'de|del'], ['a', 'diferencia', 'de|del'],
    ['aunque', 'el|su|nuestro|este', 'nombre|titulo'],
  ],
};
const NEGATIONS = Object.fromEntries(TEXT_LANGUAGES.map((l) => [l, NEGATION_PATTERNS[l].map((p) => p.map((alts) => new Set(alts.split('|'))))])) as Record<TextLanguage, Array<Array<Set<string>>>>;
// A denial reaches to the end of its clause, to a "but" ("not a course but an apprenticeship")
// or over at most this many words.
const NEGATION_ENDS = new Set(['but', 'mais', 'pero', 'sino']);
const NEGATION_REACH = 10;

// A word right after a cue that makes it no denial: "il ne s'agit pas seulement de", "no se trata
// solo de" add, as "not only" does; "it is not a secret", "ce n'est pas un hasard", "no es un
// secreto" are figures of speech that affirm what follows.
const NOT_A_DENIAL = new Set([
  'only', 'just', 'merely', 'simply', 'solely', 'seulement', 'uniquement', 'que', 'qu', 'simplement', 'juste', 'exclusivement',
  'solo', 'solamente', 'unicamente', 'simplemente', 'meramente', 'exclusivamente',
  'secret', 'coincidence', 'accident', 'surprise', 'hasard', 'secreto', 'casualidad', 'coincidencia', 'sorpresa',
  // "we do not limit ourselves to training", "le projet ne se limite pas à", "no limitamos": additions too
  'limit', 'limited', 'restrict', 'limite', 'limitons', 'limitent', 'cantonne', 'cantonnons', 'limita', 'limitamos', 'limitan', 'restringe', 'restringimos',
]);
// "There is not a single training centre": what is lacking, the need a proposal answers.
const EXISTENTIAL = new Set(['there']);

const NEGATION_STARTS = Object.fromEntries(TEXT_LANGUAGES.map((l) => [l, new Set(NEGATIONS[l].flatMap((p) => [...p[0]]))])) as Record<TextLanguage, Set<string>>;
/**
 * Words with their accents folded, as the clause rules read them (those with accents kept: the
 * vocabulary is small, texts many). At most FOLDED_KEPT words of at most FOLDED_KEPT_LENGTH
 * characters: a script written without spaces (Chinese, Thai) makes a sentence one "word", and
 * an import of a million such texts would otherwise keep 200,000 sentences twice.
 */
const foldedWords = new Map<string, string>();
const FOLDED_KEPT = 200_000;
const FOLDED_KEPT_LENGTH = 40;
function folded(w: string): string {
  if (!NON_ASCII.test(w)) return w;
  let f = foldedWords.get(w);
  if (f === undefined) {
    f = foldAccents(w);
    if (foldedWords.size < FOLDED_KEPT && w.length <= FOLDED_KEPT_LENGTH) foldedWords.set(w, f);
  }
  return f;
}
/** How many folded words are kept, and their characters in all (the bound above, for tests). */
export function foldedWordsKept(): { words: number; characters: number } {
  let characters = 0;
  for (const w of foldedWords.keys()) characters += w.length;
  return { words: foldedWords.size, characters };
}
/** ws[k] accents folded at k (a break stays a break): the rules below read a text's words from this, once folded. */
const foldedWordsOf = (ws: string[]) => ws.map(folded);

// What the applicant says it does not do, with itself as the subject: "we do not offer training",
// "nous ne proposons pas de formation", "le programme n'enseigne aucun métier", "no damos
// capacitación", "no ofrecemos certificaciones". The verb is a first person plural ("*ons",
// "*amos") or follows "we" or the programme; `*x` matches a word ending in x. A verb of having,
// finding or being able says what is lacking, the need a proposal answers ("we do not have a
// training centre", "no tenemos", "nous n'avons pas"): no denial.
// "dont", "wont", "doesnt": the same, typed on a phone without the apostrophe; "we are not going
// to", "we're not trying to": the same refusal; "on ne veut pas", "on ne va pas": the spoken
// French "we" refusing. Only with a verb of intent: "on" is just as often anyone, and "on ne
// reconnaît pas les compétences des artisans" is the need a proposal answers, not a refusal.
// A named actor ("the app", "notre service", "el modelo") is the applicant's own only when a
// determiner comes right before it, or a possessive or demonstrative up to two words before ("our
// new platform"): "the public employment service does not reach rural youth" and "the
// traditional apprenticeship model does not recognise" are someone else's, the need answered.
// The proposal itself and the bodies its title names are actors too: "this proposal does not
// produce statistics", "notre incubateur n'accompagne pas la création d'entreprise" (tagging6).
const ACTOR_PATTERNS: Record<TextLanguage, string[][]> = {
  en: [
    ['we', 'do|did|will|don|didn|won', 'not|t'], ['we', 'dont|didnt|wont'], ['we', 'have', 'no', 'intention|intentions|ambition'],
    // "we not give certificate": a writer of English as a second language leaves out the "do"
    ['we', 'not'],
    ['we', 'are|re|aren', 'not|t', 'going|trying|looking|seeking|planning|aiming|here|doing|offering|providing|running|teaching|creating|building|opening|issuing|funding'],
    ['programme|program|project|proposal|platform|initiative|app|service|scheme|model|network|hub|incubator|observatory|cooperative|association', 'does|will|doesn|won', 'not|t'],
    ['programme|program|project|proposal|platform|initiative|app|service|scheme|model|network|hub|incubator|observatory|cooperative|association', 'doesnt|wont'],
  ],
  fr: [['nous', 'ne|n', '*ons'], ['nous', 'ne|n', 'avons|avions'], ['on', 'ne|n', 'veut|voulait|va|allait|cherche|souhaite|compte|vise|pretend'], ['programme|projet|proposition|dispositif|plateforme|initiative|application|service|reseau|modele|incubateur|observatoire|cooperative|association', 'ne|n']],
  es: [['no', '*amos|*emos|*imos|damos|vamos'], ['programa|proyecto|propuesta|plataforma|iniciativa|aplicacion|app|servicio|red|modelo|incubadora|observatorio|cooperativa|asociacion', 'no']],
};
// (per language: French "a" is "has", Spanish "a" the preposition after a verb, "no capacitamos a los jóvenes")
const LACKING_VERBS: Record<TextLanguage, Set<string>> = {
  en: new Set(['have', 'know', 'find', 'see', 'get', 'yet']),
  fr: new Set(['avons', 'pouvons', 'trouvons', 'disposons', 'connaissons', 'savons', 'voyons', 'arrivons', 'parvenons', 'a', 'dispose', 'peut', 'trouve', 'existe',
    'sait', 'connait', 'voit', 'arrive', 'parvient']),
  es: new Set(['tenemos', 'podemos', 'encontramos', 'contamos', 'sabemos', 'conocemos', 'disponemos', 'hemos', 'vemos', 'logramos', 'tiene', 'puede', 'cuenta', 'existe', 'hay']),
};
const REFLEXIVES: Record<TextLanguage, Set<string>> = { en: new Set(), fr: new Set(['nous']), es: new Set(['nos']) };
const PRONOUN_ACTORS = new Set(['we', 'nous', 'on', 'no']);
// A verb of having followed by an intention is a refusal, not what is lacking: "we have no
// intention of", "nous n'avons pas l'intention de / pour objectif de / vocation à", "no tenemos la
// intención de / como objetivo".
const INTENTIONS: Record<TextLanguage, Set<string>> = {
  en: new Set(['intention', 'intentions', 'ambition']),
  fr: new Set(['intention', 'objectif', 'but', 'vocation', 'ambition']),
  es: new Set(['intencion', 'objetivo', 'proposito', 'ambicion']),
};
const BEFORE_INTENTION = new Set(['no', 'not', 't', 'any', 'pas', 'l', 'pour', 'la', 'como', 'por']);

/** Whether the verb of having at ws[i] has an intention after it (INTENTIONS): "nous n'avons pas l'intention de". */
function intentionAfter(ws: string[], fw: string[], i: number, lang: TextLanguage): boolean {
  for (let k = i + 1; k < Math.min(ws.length, i + 4) && ws[k] !== BREAK; k++) {
    const w = fw[k];
    if (INTENTIONS[lang].has(w)) return true;
    if (!BEFORE_INTENTION.has(w)) return false;
  }
  return false;
}
const lacking = (ws: string[], fw: string[], k: number, lang: TextLanguage) => LACKING_VERBS[lang].has(fw[k]) && !intentionAfter(ws, fw, k, lang);
const OWN_DETERMINERS: Record<TextLanguage, { next: Set<string>; near: Set<string> }> = {
  en: { next: new Set(['the']), near: new Set(['our', 'this', 'its']) },
  fr: { next: new Set(['le', 'la', 'l']), near: new Set(['notre', 'ce', 'cet', 'cette']) },
  es: { next: new Set(['el', 'la']), near: new Set(['nuestro', 'nuestra', 'este', 'esta']) },
};

/** Whether a named actor at ws[i] ("app", "servicio") is the applicant's own (OWN_DETERMINERS), not someone else's. */
function ownActor(ws: string[], fw: string[], i: number, lang: TextLanguage): boolean {
  if (i === 0 || ws[i - 1] === BREAK) return true;
  const { next, near } = OWN_DETERMINERS[lang];
  if (next.has(ws[i - 1]) || near.has(ws[i - 1])) return true;
  for (let k = i - 2; k >= Math.max(0, i - 3) && ws[k] !== BREAK; k--) if (near.has(fw[k])) return true;
  return false;
}

/** One word of an actor pattern: its first alternative as written, whole words, and `*x` endings (a word of three letters or more before x, ending so). */
export interface ActorStep {
  first: string;
  words: Set<string>;
  endings: string[];
}
const actorStep = (alternativesText: string): ActorStep => {
  const alts = alternativesText.split('|');
  return { first: alts[0], words: new Set(alts.filter((a) => !a.startsWith('*'))), endings: alts.filter((a) => a.startsWith('*')).map((a) => a.slice(1)) };
};
export const actorFits = (step: ActorStep, w: string) => step.words.has(w) || step.endings.some((e) => w.length >= e.length + 3 && w.endsWith(e));
const ACTOR_STEPS = Object.fromEntries(TEXT_LANGUAGES.map((l) => [l, ACTOR_PATTERNS[l].map((p) => p.map(actorStep))])) as Record<TextLanguage, ActorStep[][]>;
// Per language and per word a pattern can start with, the patterns to try there, in order (compiled once).
const ACTORS_BY_START = Object.fromEntries(TEXT_LANGUAGES.map((l) => {
  const patterns = ACTOR_STEPS[l];
  const starts = new Set(patterns.flatMap((p) => [...p[0].words]));
  return [l, new Map([...starts].map((w) => [w, patterns.filter((p) => p[0].words.has(w) || p[0].endings.length > 0)]))];
})) as Record<TextLanguage, Map<string, ActorStep[][]>>;
/** The actor patterns compiled, in order, and the index actorDenialAt reads them by (for tests: the one against the other). */
export const ACTOR_INDEX = { steps: ACTOR_STEPS, byStart: ACTORS_BY_START };

const CONDITIONS = new Set(['if', 'unless', 'si']);

// "We do not want young people to drop out of training", "nous ne voulons pas qu'ils quittent
// la formation", "no queremos que nadie se quede atrás": a wish that others do not lose
// something, the need the proposal answers, not what it leaves out. ("We don't want to run
// another course", "no queremos crear otra incubadora" still deny: no loss follows the wish.)
// A promise is a wish too: "we are not going to leave migrant youth behind", "no vamos a dejar solos a
// los jóvenes", "on ne va pas laisser les jeunes seuls".
const WISH_VERBS = new Set(['want', 'wish', 'voulons', 'souhaitons', 'veut', 'voulions', 'queremos', 'deseamos', 'quisieramos', 'buscamos', 'going', 'vamos', 'va', 'allons']);
const LOSS_WORDS = new Set([
  'drop', 'dropping', 'leave', 'leaving', 'left', 'lose', 'losing', 'lost', 'quit', 'abandon', 'fall', 'falling', 'miss', 'stay', 'remain', 'behind', 'waste', 'wasted',
  'dropout', 'dropouts',
  'abandonnent', 'abandonner', 'quittent', 'quitter', 'perdent', 'perdre', 'decrochent', 'decrocher', 'restent', 'rester', 'tombent', 'retombent', 'gaspiller',
  'laisser', 'laisse', 'laissent', 'decrochage', 'abandons',
  'abandonen', 'abandone', 'abandonar', 'dejen', 'deje', 'dejar', 'pierdan', 'pierda', 'perder', 'queden', 'quede', 'quedar', 'deserten', 'desertar', 'caigan', 'caiga', 'vuelvan',
  'desercion', 'abandono',
]);

/** Whether a denial's verb (within ws[from..to] or the word after) is a wish that a loss (LOSS_WORDS) comes soon after. */
function wishesAgainstLoss(ws: string[], fw: string[], from: number, to: number): boolean {
  let k = from;
  while (k <= to && k < ws.length && !WISH_VERBS.has(fw[k])) k++;
  if (k > to || k >= ws.length) return false;
  for (let j = k + 1; j < Math.min(ws.length, k + 8); j++) {
    if (ws[j] === BREAK) return false;
    if (LOSS_WORDS.has(fw[j])) return true;
  }
  return false;
}

// "n° 3", "No. 5", "No 4", "Nº 2": the sign of a number, which words() leaves as "n" or "no" before it.
const NUMBER_SIGNS = new Set(['n', 'no', 'nº', 'nos', 'nro']);
const NUMERAL = /^\p{N}/u;
/** Whether ws[j] is a number sign ("n°", "No.") before a numeral, not a negation. */
function numberSign(ws: string[], j: number): boolean {
  if (!NUMBER_SIGNS.has(ws[j])) return false;
  const next = ws[j + 1] === BREAK ? ws[j + 2] : ws[j + 1];
  return next !== undefined && NUMERAL.test(next);
}

/** Length of an applicant's denial of its own activity starting at ws[i] (ACTOR_PATTERNS), or 0. */
function actorDenialAt(ws: string[], fw: string[], i: number, lang: TextLanguage): number {
  const patterns = ACTORS_BY_START[lang].get(fw[i]);
  if (!patterns) return 0;
  // "If we do not train them, …", "Si no capacitamos a los jóvenes, …": a condition, the need
  // the proposal answers, not what it leaves out.
  if (i > 0 && CONDITIONS.has(ws[i - 1])) return 0;
  for (const pattern of patterns) {
    if (i + pattern.length > ws.length) continue;
    let ok = true;
    let skip = 0; // a reflexive pronoun before the pattern's verb
    for (let k = 0; k < pattern.length && ok; k++) {
      // "nous ne nous occupons pas de", "no nos dedicamos a": the verb after its reflexive pronoun
      if (k > 0 && k === pattern.length - 1 && pattern[k].first.startsWith('*') && REFLEXIVES[lang].has(ws[i + k])) skip = 1;
      const w = ws[i + k + skip];
      const f = fw[i + k + skip];
      ok = w !== undefined && w !== BREAK && actorFits(pattern[k], f) && !(k > 0 && (lacking(ws, fw, i + k + skip, lang) || NOT_A_DENIAL.has(f)));
    }
    if (!ok) continue;
    const length = pattern.length + skip;
    // "le dispositif n° 2 place des apprentis", "el proyecto No 4 coloca aprendices": a number, not "ne"/"no"
    if (numberSign(ws, i + length - 1)) return 0;
    if (!PRONOUN_ACTORS.has(pattern[0].first) && !ownActor(ws, fw, i, lang)) return 0;
    if (wishesAgainstLoss(ws, fw, i, i + length)) return 0;
    // "we do not only train", "nous ne faisons pas que former", "no buscamos solamente": additions.
    for (let k = i + length; k < Math.min(ws.length, i + length + 3); k++) {
      const w = fw[k];
      if (w === BREAK) break;
      if (k === i + length && lacking(ws, fw, k, lang)) return 0;
      if (w === 'que' || w === 'qu' ? ws[k - 1] === 'pas' : NOT_A_DENIAL.has(w)) return 0;
    }
    return length;
  }
  return 0;
}

// A clause that opens with "not" sets what follows against what came before: "Jobs, not
// courses", "Well-being, not certificates", "Des emplois, pas des cours". Not when the words
// after it describe people or time ("not in school", "not yet certified", "not always").
const CONTRAST_CUES: Partial<Record<TextLanguage, Set<string>>> = { en: new Set(['not']), fr: new Set(['pas']) };
const NOT_A_CONTRAST = new Set([
  'in', 'at', 'on', 'to', 'yet', 'even', 'least', 'always', 'all', 'every', 'enough', 'necessarily', 'because', 'so', 'much', 'many', 'having', 'being', 'able', 'working', 'employed',
  'for', // "Not-for-profit training provider": a kind of organisation, not a contrast
  'encore', 'toujours', 'tous', 'assez', 'forcement', 'parce', 'seulement', 'que', 'qu', 'moins', 'plus', 'tant', 'trop',
  'à', // "Pas à pas vers l'emploi": step by step (unfolded: English "not a course" is a contrast)
]);

const QUANTITY: ReadonlyMap<string, Set<string>> = new Map([
  ['more', new Set(['than'])], ['less', new Set(['than'])], ['fewer', new Set(['than'])], ['mas', new Set(['de', 'del', 'que'])], ['menos', new Set(['de', 'del', 'que'])],
]);
const SPANISH_CONTRAST_NEXT = new Set(['de', 'del', 'un', 'una', 'unos', 'unas', 'el', 'la', 'los', 'las', 'otro', 'otra', 'otros', 'otras', 'mas']);

/** Length of a contrast cue opening a clause at ws[i] (CONTRAST_CUES), or 0. */
function contrastAt(ws: string[], fw: string[], i: number, lang: TextLanguage): number {
  if (i > 0 && ws[i - 1] !== BREAK) return 0;
  const after = ws[i + 1];
  const afterFolded = fw[i + 1];
  // "no más de 15 aprendices por taller", "not more than 15 apprentices": a quantity, not a contrast ("no más cursos" is one)
  if (after !== undefined && QUANTITY.get(afterFolded)?.has(ws[i + 2] ?? '')) return 0;
  // Spanish "no" opens many a clause with its verb ("no tienen empleo", the need answered); before
  // a determiner or "de" it sets a thing against another: "Empleo, no cursos" is "Empleo, no de cursos".
  if (lang === 'es' && ws[i] === 'no' && after !== undefined && SPANISH_CONTRAST_NEXT.has(afterFolded)) return 1;
  if (!CONTRAST_CUES[lang]?.has(ws[i])) return 0;
  if (after === undefined || after === BREAK || NOT_A_CONTRAST.has(after) || NOT_A_CONTRAST.has(afterFolded) || NOT_A_DENIAL.has(afterFolded)) return 0;
  return 1;
}

/** Length of the negation pattern starting at ws[i], or 0. */
function negationAt(ws: string[], fw: string[], i: number, lang: TextLanguage): number {
  const actor = actorDenialAt(ws, fw, i, lang) || contrastAt(ws, fw, i, lang);
  if (actor > 0) return actor;
  if (!NEGATION_STARTS[lang].has(fw[i])) return 0;
  for (const pattern of NEGATIONS[lang]) {
    if (i + pattern.length > ws.length) continue;
    let ok = true;
    for (let k = 0; k < pattern.length && ok; k++) ok = pattern[k].has(fw[i + k]);
    if (!ok) continue;
    const after = ws[i + pattern.length];
    if (after !== undefined && NOT_A_DENIAL.has(fw[i + pattern.length])) return 0;
    if (i > 0 && EXISTENTIAL.has(ws[i - 1]!)) return 0;
    return pattern.length;
  }
  return 0;
}

// Typing slips on a phone, by class: a doubled consonant written once ("aprenticeship",
// "apprentisage"), a vowel left out of a long word ("disabilty", "certifcation"), and in Spanish
// letters that sound alike ("orientasion", "vocasional", "indijenas", "enpleo" for "empleo",
// "esperiencia" for "experiencia") or a silent h left out. Who writes "s" for "c" in one place
// (seseo) often does so everywhere: in Spanish up to SOUND_SLIPS letters of a word may be
// swapped ("capasitasion", "sertificasion").
const VOWELS = 'aeiou';
const SOUND_ALIKE: Record<TextLanguage, Array<[string, string]>> = {
  en: [],
  fr: [],
  es: [['s', 'c'], ['c', 's'], ['s', 'z'], ['z', 's'], ['c', 'z'], ['z', 'c'], ['j', 'g'], ['g', 'j'], ['b', 'v'], ['v', 'b'], ['y', 'll'], ['ll', 'y'],
    ['np', 'mp'], ['nb', 'mb'], ['s', 'x'], ['k', 'c'], ['k', 'qu']],
};
const SOUND_SLIPS = 3;
// A word with so many letters that sound alike that one more round of swaps would start from more
// spellings than this is read with the swaps found so far: "sasasasasasasasascion" made 6,000
// spellings (70 ms a word, minutes for a hostile description) while real slips stay under 100.
const SLIP_SPREAD = 150;

/** The spellings a word could have had before one swap of letters that sound alike (SOUND_ALIKE). */
function soundSwaps(word: string, lang: TextLanguage, out: Set<string>): void {
  for (const [a, b] of SOUND_ALIKE[lang]) {
    for (let k = word.indexOf(a); k >= 0; k = word.indexOf(a, k + 1)) out.add(word.slice(0, k) + b + word.slice(k + a.length));
  }
}

/**
 * The spellings a word (accents folded, lower case, six letters or more) could have had before
 * one typing slip of the classes above. Only a lookup in a list of known words (the term lists')
 * makes one of them a correction.
 */
export function typoVariants(word: string, lang: TextLanguage): Set<string> {
  const out = new Set<string>();
  if (word.length < 6) return out;
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (c >= 'a' && c <= 'z' && !VOWELS.includes(c) && word[i + 1] !== c && word[i - 1] !== c) out.add(word.slice(0, i + 1) + c + word.slice(i + 1));
    if (word.length >= 8 && i > 0) for (const v of VOWELS) out.add(word.slice(0, i) + v + word.slice(i));
  }
  let swapped = new Set([word]);
  for (let slips = 0; slips < SOUND_SLIPS && swapped.size > 0 && swapped.size <= SLIP_SPREAD; slips++) {
    const next = new Set<string>();
    for (const w of swapped) soundSwaps(w, lang, next);
    for (const w of [...next]) if (out.has(w) || w === word) next.delete(w);
    for (const w of next) out.add(w);
    swapped = next;
  }
  if (lang === 'es' && !word.startsWith('h')) out.add(`h${word}`);
  out.delete(word);
  return out;
}

/**
 * Marks a small word that says something is missing or not so ("sin", "sans", "no"): a stopword
 * everywhere else, kept in the stem sequence so that a phrase of the term lists that holds it
 * ("oficios no tradicionales", "zonas sin internet", "sans protection sociale") no longer matches
 * its opposite ("este oficio tradicional", "zonas con internet", "la protection sociale"), and a
 * phrase without it no longer matches across it. The learned models leave it out (tagger.ts,
 * modelTokens), as they leave out every stopword (tagging12).
 */
export const LACKS = '∅';
const LACKING: Record<TextLanguage, Set<string>> = {
  en: new Set(['no', 'not']),
  fr: new Set(['sans']),
  es: new Set(['sin', 'no']),
};

/** Whether the first content word after ws[i], in its clause, is one a denial marks. */
function deniedNext(ws: string[], i: number, stop: Set<string>, denied: boolean[]): boolean {
  for (let j = i + 1; j < ws.length && ws[j] !== BREAK; j++) if (!stop.has(ws[j])) return denied[j];
  return false;
}

/**
 * stems() for words already split by words(); words a proposal denies are marked NEGATED.
 * `respell` may give a word's intended spelling (a typo of a term's word), stemmed instead.
 */
export function stemWords(ws: string[], lang: TextLanguage, respell?: (word: string) => string | undefined): string[] {
  const out: string[] = [];
  const stop = STOPWORD_SETS[lang];
  const denied = deniedWords(ws, lang);
  const past = pastWords(ws, lang);
  const context = contextWords(ws, lang);
  const served = servedWords(ws, lang);
  let lacking: string | undefined; // the token of the word that said something is missing ("no", "sin", "without"), in this clause
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (w === BREAK) {
      if (out.length && out[out.length - 1] !== BREAK) out.push(BREAK);
      // A list after it carries it on: "without a contract, social protection or papers"
      if (lacking && isCommaBreak(ws, i)) out.push(lacking);
      else lacking = undefined;
      continue;
    }
    if (stop.has(w) || (w.length <= 7 && NON_ASCII.test(w) && stop.has(folded(w)))) {
      // A denial already marks the words it denies ("this is not an apprenticeship"): no mark of its own then.
      if (LACKING[lang].has(w) && !deniedNext(ws, i, stop, denied)) {
        out.push(LACKS + w);
        lacking = LACKS + w;
      }
      continue;
    }
    if (w === 'without' && lang === 'en') lacking = stem(w, lang);
    const spelt = respell?.(w) ?? w;
    out.push(denied[i] || past[i] || context[i] ? NEGATED + stem(spelt, lang) : served[i] ? SERVED + stem(spelt, lang) : stem(spelt, lang));
  }
  return out;
}

// What an applicant did before and no longer does (tagging7): "Our earlier apprenticeship scheme
// ended in 2021", "Notre ancien programme de stages s'est arrêté en 2020", "Antes organizábamos
// pasantías, pero…", "For ten years we ran a radio school; that is finished", "(now closed)",
// "(terminée en 2022)", "ya publicado". Each pattern is a sequence of words (alternatives joined
// by |, accents folded; `*x` a word ending in x; `~` up to two words of any kind). Its clause is
// read as denied; a clause of a few words that only says so ("that is finished", "now closed")
// speaks of the clause before it, which is denied too. What "already exists" is the given a proposal
// builds on, not what it brings ("online courses already exist; what is missing is…"). Only the passive or reflexive "has ended" of
// a programme: "the young people who finished their training" are whom a proposal serves.
const PAST_PATTERNS: Record<TextLanguage, string[][]> = {
  en: [
    // "has finished their degree", "who have finished school": someone finished something, no activity ended
    ['<!who', 'is|was|has|have|had|were|been', 'ended|finished|discontinued|stopped', '!the|their|his|her|its|a|an|my|our|your|school|university|college|up'],
    // "it is over 200 km to the nearest college" is a distance, not an end
    ['that|it|this', 'is|was', 'over', '!#'],
    ['programme|program|scheme|project|pilot|phase|initiative', 'ended|closed|stopped', '!up'],
    // what the programme was named by stands between (tagging10): "our pilot of internships for students ended in 2023"
    // (the skip before the preposition takes "of internships")
    ['programme|program|scheme|project|pilot|phase|initiative', '~', 'of|for|with|in|on|at|by|through|via', '~', 'ended|closed|stopped|finished', '!up'],
    // and a name of two such parts: "our pilot of radio lessons for fishers ended in 2023" (rv-tag10)
    ['programme|program|scheme|project|pilot|phase|initiative', '~', 'of|for|with|in|on|at|by|through|via', '~', 'of|for|with|in|on|at|by|through|via', '~', 'ended|closed|stopped|finished', '!up'],
    ['now', 'closed|over|finished|ended|discontinued'],
    ['earlier|previous|past|former', '~', 'programme|program|scheme|project|pilot|initiative|phase'],
  ],
  fr: [
    // "qui a terminé sa formation": someone finished something, no activity ended
    ['s|est|sont|etait|etaient|a', 'arrete|arretee|arretes|arretees|termine|terminee|termines|terminees|acheve|achevee|cloture|cloturee', '!sa|son|ses|leur|leurs|la|le|les|l|un|une|ce|cette'],
    ['a|ont|avait', 'pris', 'fin'], ['n', 'existe|existent', 'plus'],
    ['terminee|termine|achevee|acheve|close|cloturee', 'en|depuis'],
    ['ancien|ancienne|precedent|precedente', '~', 'programme|projet|dispositif|phase|initiative|pilote'],
  ],
  es: [
    ['se', 'cerro|termino|suspendio|acabo|cancelo'],
    // "ya no tienen que viajar": what people no longer need is what a proposal spares them
    ['ya', 'no', '!tienen|tiene|tendran|tendra|necesitan|necesita|necesitaran|deben|debe|dependen|depende|hace'],
    ['ya', 'publicado|publicada|terminado|terminada|concluido|concluida|cerrado|cerrada|finalizado|finalizada'],
    ['antes', '*abamos|*iamos'],
    ['programa|proyecto|fase|piloto|iniciativa|esquema', '~', 'anterior|termino|finalizo|concluyo'],
    // "nuestro programa piloto de pasantías para estudiantes terminó en 2023" (tagging10)
    // "por radio" names it too (rv-tag10): "nuestro programa de capacitación por radio para pescadores terminó"
    ['programa|proyecto|fase|piloto|iniciativa|esquema', '~', 'de|del|para|con|en|por', '~', 'termino|finalizo|concluyo|acabo'],
    ['programa|proyecto|fase|piloto|iniciativa|esquema', '~', 'de|del|para|con|en|por', '~', 'de|del|para|con|en|por', '~', 'termino|finalizo|concluyo|acabo'],
    ['antiguo|antigua|anterior', 'programa|proyecto|esquema|piloto|iniciativa'],
  ],
};
// What "already exists" is the given, unless the clause says how little of it there is: "no
// courses already exist", "peu de cours existent déjà", "ya existen pocas opciones" name the gap
// the proposal fills.
const EXISTS_PATTERNS: Record<TextLanguage, string[][]> = {
  en: [['already', 'exist|exists|existed']],
  fr: [['existe|existent|existaient', 'deja']],
  es: [['ya', 'existe|existen|existian|existia']],
};
const GAP_WORDS: Record<TextLanguage, Set<string>> = {
  en: new Set(['no', 'not', 'few', 'little', 'hardly', 'barely', 'scarcely', 'rarely', 'nothing', 'none']),
  fr: new Set(['peu', 'pas', 'aucun', 'aucune', 'rien', 'rares', 'guere']),
  es: new Set(['no', 'pocas', 'pocos', 'poca', 'poco', 'ninguna', 'ninguno', 'ningun', 'nada', 'apenas', 'escasas', 'escasos']),
};
// What ended but is revived or scaled up by the proposal is its activity again: a clause that says
// so, or the next one taking it up by a pronoun ("we now scale it up", "nous voulons le relancer",
// "las retomamos", "lo ampliamos"). Words starting so. A craft or a scheme brought back to life is
// revived in other words too (tagging12): "restore", "revitalise", "faire renaître", "raviver",
// "rescatar", "recuperarlo", "revivir".
const REVIVED: Record<TextLanguage, string[]> = {
  en: ['reviv', 'relaunch', 'restart', 'resuming', 'reopen', 'scale', 'scaling', 'expand', 'extend', 'replicat', 'continue', 'continuing', 'continuation', 'rebuil', 'prolong',
    'revitalis', 'revitaliz', 'resurrect', 'restor', 'rekindl'],
  fr: ['relanc', 'reprend', 'reprenons', 'reprendr', 'etend', 'elargi', 'poursui', 'repliqu', 'rouvr', 'redemarr', 'reactiv', 'prolong', 'continuons', 'continuer', 'continuera', 'continuerons',
    'renaitr', 'renait', 'renaiss', 'ressusc', 'revitalis', 'raviv'],
  es: ['retom', 'relanz', 'reanud', 'ampliam', 'ampliar', 'ampliacion', 'escal', 'extend', 'replic', 'reabr', 'reactiv', 'continuam', 'continuar', 'continua', 'continuidad', 'prolong',
    'rescat', 'recuper', 'revitaliz', 'reviv', 'resucit'],
};
// A revival the text denies is none: "the pilot ended and will not be continued", "il ne sera pas
// relancé", "no se retomará". A word of these within NEGATED_REVIVAL_REACH words before the reviving one, in its clause.
const REVIVAL_DENIALS: Record<TextLanguage, Set<string>> = {
  en: new Set(['not', 'never', 'no', 't', 'nor']), fr: new Set(['pas', 'jamais', 'ni']), es: new Set(['no', 'nunca', 'jamas', 'ni']),
};
const NEGATED_REVIVAL_REACH = 3;
// "Not only … but" says more, not less: "we will not only continue it but take it further", "nous
// n'allons pas seulement le relancer", "no solo lo retomamos". A denial followed by one of these is none.
const ONLY_WORDS: Record<TextLanguage, Set<string>> = {
  en: new Set(['only', 'just', 'merely', 'simply']), fr: new Set(['seulement', 'uniquement', 'simplement']), es: new Set(['solo', 'solamente', 'unicamente', 'simplemente']),
};
// Verbs that carry on what a pronoun or demonstrative takes up (TAKEN_UP), beside REVIVED: "builds on
// that work", "continue ce travail" (French "continue" alone is also an adjective: "formation continue").
const CONTINUES: Record<TextLanguage, string[]> = { en: ['continu', 'build'], fr: ['continu', 'capitalis'], es: ['continu', 'aprovech'] };
// A later sentence takes what ended up with a pronoun or a demonstrative of what was said before
// ("that", not "this": "we now expand this online course" is something new) after its verb: "This
// project continues that work", "Ce projet prolonge ce travail", "Este proyecto continúa ese trabajo",
// "da continuidad a esa labor" (a word between allowed). Said so, it revives the clause before it even
// across a full stop.
const TAKEN_UP: Record<TextLanguage, Set<string>> = {
  en: new Set(['that', 'those', 'it', 'them']),
  fr: new Set(['ce', 'cet', 'cette', 'ces', 'cela']),
  es: new Set(['ese', 'esa', 'esos', 'esas', 'eso', 'dicho', 'dicha', 'dichos', 'dichas', 'aquel', 'aquella', 'aquellos', 'aquellas']),
};
// The pronoun that takes it up: after an English verb ("scale it up"), before a French or Spanish
// one ("le relancer", "las retomamos"); after it there, "le"/"la" is an article ("étendre le modèle").
// A Spanish infinitive or gerund carries it at its end ("queremos recuperarlo", "retomándola").
// "nous voulons le faire renaître": the pronoun stands before the verb that makes it happen.
const CAUSATIVE: Record<TextLanguage, Set<string>> = { en: new Set(), fr: new Set(['faire']), es: new Set() };
const REVIVED_PRONOUNS: Record<TextLanguage, { before: Set<string>; after: Set<string>; attached?: RegExp }> = {
  en: { before: new Set(), after: new Set(['it', 'them', 'this']) },
  fr: { before: new Set(['le', 'la', 'les', 'l']), after: new Set() },
  es: { before: new Set(['lo', 'la', 'los', 'las']), after: new Set(), attached: /(?:ar|er|ir|ando|iendo)(?:lo|la|los|las)$/ },
};
// "… and now", "… y ahora", "… et maintenant" opens what the applicant does now: the denial stops there.
const NOW_CONJUNCTIONS: Record<TextLanguage, Set<string>> = {
  en: new Set(['and', 'but', 'while', 'whereas']), fr: new Set(['et', 'mais', 'tandis', 'alors']), es: new Set(['y', 'e', 'pero', 'mientras']),
};
// So does one whose clause starts something or names something new: "the pilot ended in 2022 and a
// new apprenticeship programme starts this year", "le pilote s'est terminé et un nouveau programme
// démarre", "el piloto terminó y este año comienza un programa de pasantías". Present and future
// forms only: "and the programme started to decline" is still the past.
const STARTS: Record<TextLanguage, Set<string>> = {
  en: new Set(['new', 'start', 'starts', 'starting', 'begin', 'begins', 'beginning', 'launch', 'launches', 'launching', 'opens', 'open', 'opening']),
  fr: new Set(['nouveau', 'nouvel', 'nouvelle', 'nouveaux', 'nouvelles', 'demarre', 'demarrons', 'demarrera', 'commence', 'commencons', 'commencera', 'lance', 'lancons', 'lancera', 'lancerons', 'debute', 'debutons', 'debutera', 'ouvre', 'ouvrons', 'ouvrira']),
  es: new Set(['nuevo', 'nueva', 'nuevos', 'nuevas', 'comienza', 'comenzamos', 'comenzara', 'empieza', 'empezamos', 'empezara', 'inicia', 'iniciamos', 'iniciara', 'arranca', 'arrancamos', 'lanza', 'lanzamos', 'lanzaremos', 'abre', 'abrimos', 'abriremos']),
};
const NOW_WORDS: Record<TextLanguage, Set<string>> = {
  en: new Set(['now', 'today']), fr: new Set(['maintenant', 'desormais', 'aujourd']), es: new Set(['ahora', 'hoy']),
};
// The patterns compiled once (patternSteps) and indexed by the word they can start with, so that
// each word of a text tries only those (patternsAt).
// What the text leaves out of the proposal, and what another body also does (tagging11): "career
// guidance is not part of this project", "l'orientation ne fait pas partie de ce projet", "la
// orientación no forma parte de este proyecto"; "our partner, a university, also does research on
// care work", "qui mène aussi des recherches", "que también hace investigación" ("we also do
// research" is the applicant's own). Its clause is read as denied, as PAST_PATTERNS' are, but only
// its own: a short one ("…, which also does research.") says nothing of the clause before it.
// Only this proposal's own name counts (rv-tag11): "not part of this project", "ne fait pas partie
// de ce projet", "no forma parte del proyecto"; being "not part of any government programme" or "d'un
// programme de l'État" says the proposal stands on its own, and denied its apprenticeships.
const OUTSIDE_PATTERNS: Record<TextLanguage, string[][]> = {
  en: [['not|t', 'part', 'of', 'this|the|our|my', 'project|proposal|application|request|programme|program|initiative']],
  fr: [
    ['pas', 'partie', 'du', 'projet|programme'],
    ['pas', 'partie', 'de', 'ce|cette|notre|la', 'projet|proposition|demande|programme|initiative'],
  ],
  es: [
    ['no', 'forma|forman|formara|formaran|es|son|sera|seran', 'parte', 'del', 'proyecto|programa'],
    ['no', 'forma|forman|formara|formaran|es|son|sera|seran', 'parte', 'de', 'este|esta|nuestro|nuestra|la', 'proyecto|propuesta|solicitud|programa|iniciativa'],
  ],
};
// Another body's mandate is what that body is for, not whom this proposal serves (rv-tag12): "with the
// support of a foundation dedicated to young people not in education, employment or training", "une
// association dont la mission est…", "una fundación dedicada a los jóvenes que no estudian ni
// trabajan". A body's name right before the words; "our foundation, dedicated to…" (the applicant's
// own words, OWN_WORDS) and "a programme dedicated to women" (no body) are the proposal's own target.
const BODIES = {
  en: 'foundation|agency|association|organisation|organization|ngo|charity|network|federation|office|ministry|institute',
  fr: 'fondation|agence|association|organisation|ong|reseau|federation|office|ministere|institut',
  es: 'fundacion|agencia|asociacion|organizacion|ong|red|federacion|oficina|ministerio|instituto',
};
const ASIDE_PATTERNS: Record<TextLanguage, string[][]> = {
  en: [
    [BODIES.en, 'dedicated|devoted', 'to'],
    [BODIES.en, 'whose', 'mandate|mission'],
    ['<!we|i', 'also', 'does|conducts|carries|undertakes|runs|leads|publishes', '~', 'research|studies|study|surveys|survey|evaluations|analysis|analyses'],
    ['<!we|i', 'also', 'researches|studies'],
  ],
  fr: [
    [BODIES.fr, 'consacree|consacre|dediee|dedie|vouee|voue', 'a|aux'],
    [BODIES.fr, 'qui', 'se', 'consacre', 'a|aux'],
    [BODIES.fr, 'dont', 'la', 'mission|vocation'],
    ['mene|menent|realise|realisent|fait|font|conduit|conduisent|publie|publient', 'aussi|egalement', '~', 'recherche|recherches|etude|etudes|enquete|enquetes|evaluations|analyses'],
  ],
  es: [
    [BODIES.es, 'dedicada|dedicado|consagrada|consagrado', 'a'],
    [BODIES.es, 'que', 'se', 'dedica', 'a'],
    [BODIES.es, 'cuyo|cuya', 'mandato|mision'],
    ['tambien', 'hace|hacen|realiza|realizan|lleva|llevan|conduce|conducen|publica|publican', '~', 'investigacion|investigaciones|estudio|estudios|encuesta|encuestas|evaluaciones|analisis'],
    ['tambien', 'investiga|investigan'],
  ],
};
const PAST = compiledPatterns(PAST_PATTERNS);
const ASIDE = compiledPatterns(ASIDE_PATTERNS);
const OUTSIDE = compiledPatterns(OUTSIDE_PATTERNS);
// What the proposal does instead follows the left-out thing in its own clause (rv-tag11): "career
// guidance is not part of this project but we run a tracer study", "…ne fait pas partie de ce
// projet mais nous certifions…", "…no forma parte de este proyecto sino la certificación…". The
// denial stops at the first of these after the pattern.
const INSTEAD_WORDS: Record<TextLanguage, Set<string>> = {
  en: new Set([...NOW_CONJUNCTIONS.en, 'instead', 'rather']), fr: new Set([...NOW_CONJUNCTIONS.fr, 'plutot']), es: new Set([...NOW_CONJUNCTIONS.es, 'sino']),
};
// "Our team also does research on…", "notre équipe mène aussi des recherches", "nuestro equipo
// también investiga" is the applicant's own research, as "we also do research" is (rv-tag11): a
// clause whose words before "also" name the applicant (OWN_WORDS) and no partner (PARTNER_WORDS)
// is not another body's aside. "Our partner, a university, also does research" still is.
const OWN_WORDS: Record<TextLanguage, Set<string>> = {
  en: new Set(['our', 'my', 'we', 'i']), fr: new Set(['notre', 'nos', 'mon', 'ma', 'mes', 'nous']), es: new Set(['nuestro', 'nuestra', 'nuestros', 'nuestras', 'mi', 'mis', 'nosotros', 'nosotras']),
};
const PARTNER_WORDS: Record<TextLanguage, Set<string>> = {
  en: new Set(['partner', 'partners', 'which', 'who']), fr: new Set(['partenaire', 'partenaires', 'qui']), es: new Set(['socio', 'socios', 'socia', 'socias', 'aliado', 'aliados', 'aliada', 'aliadas', 'contraparte', 'contrapartes', 'que', 'quien', 'quienes', 'cual']),
};
const OUTSIDE_RELATIVES: Record<TextLanguage, Set<string>> = {
  en: new Set(['which', 'that']), fr: new Set(['qui', 'lesquels', 'laquelle', 'lequel', 'lesquelles']), es: new Set(['que', 'cual', 'cuales']),
};
const OUTSIDE_REMARK_WORDS = 9;
/** Whether the words of ws[start, at) name the applicant as the subject and no partner (OWN_WORDS, PARTNER_WORDS). */
function ownSubject(fw: string[], start: number, at: number, lang: TextLanguage): boolean {
  let own = false;
  for (let k = start; k < at; k++) {
    if (PARTNER_WORDS[lang].has(fw[k])) return false;
    if (OWN_WORDS[lang].has(fw[k])) own = true;
  }
  return own;
}
// A partner's study of the proposal's own people is this proposal's research, said in the third
// person (tagging12): "our partner, the university, also runs a tracer study of the apprentices",
// "l'observatoire réalise aussi une enquête auprès de nos diplômés", "la universidad también hace un
// estudio de los egresados". The study's object (after "of", "among", "auprès de", "de") is the
// people the proposal trains or places, with an article or a possessive.
const STUDIED_OWN: Record<TextLanguage, { of: Set<string>; the: Set<string>; people: Set<string> }> = {
  en: {
    of: new Set(['of', 'on', 'among', 'with']),
    the: new Set(['the', 'our', 'these', 'those', 'its', 'all']),
    people: new Set(['graduates', 'apprentices', 'trainees', 'interns', 'learners', 'participants', 'alumni', 'students', 'beneficiaries']),
  },
  fr: {
    of: new Set(['de', 'des', 'aupres', 'sur']),
    the: new Set(['des', 'les', 'nos', 'ces', 'tous', 'leurs']),
    people: new Set(['diplomes', 'diplomees', 'apprentis', 'apprenties', 'stagiaires', 'apprenants', 'eleves', 'sortants', 'participants', 'participantes', 'beneficiaires', 'laureats']),
  },
  es: {
    of: new Set(['de', 'a', 'entre', 'sobre', 'con']),
    the: new Set(['los', 'las', 'nuestros', 'nuestras', 'estos', 'estas', 'todos', 'todas', 'sus']),
    people: new Set(['egresados', 'egresadas', 'aprendices', 'participantes', 'estudiantes', 'alumnos', 'alumnas', 'becarios', 'becarias', 'beneficiarios', 'beneficiarias', 'pasantes', 'graduados', 'graduadas']),
  },
};
/**
 * Whether what a study looks at, right after it in fw[from, end), is the proposal's own people
 * (STUDIED_OWN): "of the apprentices", "de suivi auprès des apprentis", "de los egresados" (a
 * word or two of "of", one of "the", the people; up to STUDY_NAME_WORDS words of the study's name before).
 */
function studiesOwnPeople(fw: string[], from: number, end: number, lang: TextLanguage): boolean {
  const { of, the, people } = STUDIED_OWN[lang];
  for (let at = from; at < Math.min(end, from + STUDY_NAME_WORDS + 1); at++) {
    let k = at;
    while (k < end && of.has(fw[k])) k++;
    // French "des" is both: "auprès des apprentis"
    if (k > at && k < end && the.has(fw[k - 1]) && people.has(fw[k])) return true;
    if (k === at || k >= end || !the.has(fw[k])) continue;
    while (k < end && the.has(fw[k])) k++;
    if (k < end && people.has(fw[k])) return true;
  }
  return false;
}
const STUDY_NAME_WORDS = 2;
const EXISTS = compiledPatterns(EXISTS_PATTERNS);
/** Both lists as pastWords reads them (for tests: the index against trying every pattern at every word). */
export const CLAUSE_PATTERNS = { past: PAST, exists: EXISTS, aside: ASIDE, outside: OUTSIDE };
// A clause of at most this many words that says a thing has ended speaks of the clause before it.
const PAST_REMARK_WORDS = 4;

/** Alternatives of one word of a pattern: whole words, `*x` endings (a word longer than x ending so), `#` a number. */
interface Alternatives {
  words: Set<string>;
  endings: string[];
  number: boolean;
}
/** One step of a pattern: a word to read, a word that may not stand before or after, or `~` (up to two words of any kind). */
interface PatternStep {
  kind: 'word' | 'notBefore' | 'notAfter' | 'skip';
  /** The step's alternatives read as words (what a step after `~` is tried with). */
  fits: Alternatives;
  /** For notBefore and notAfter: the alternatives without their mark. */
  condition: Alternatives;
}
/** A language's patterns in order, and per first word the ones that can start with it (in order). */
export interface PatternList {
  steps: PatternStep[][];
  byFirstWord: Map<string, PatternStep[][]>;
  /** Those that can start with any word (`~`, an ending or a number first): tried everywhere. */
  anywhere: PatternStep[][];
}

const DIGIT_FIRST = /^\d/;
function alternatives(alts: string[]): Alternatives {
  const out: Alternatives = { words: new Set(), endings: [], number: false };
  for (const a of alts) {
    if (a === '#') out.number = true;
    else if (a.startsWith('*')) out.endings.push(a.slice(1));
    else out.words.add(a);
  }
  return out;
}
const wordFits = (w: string, alts: Alternatives) =>
  alts.words.has(w) || (alts.number && DIGIT_FIRST.test(w)) || alts.endings.some((e) => w.length > e.length && w.endsWith(e));

function patternSteps(pattern: string[]): PatternStep[] {
  return pattern.map((alternativesText) => {
    const alts = alternativesText.split('|');
    const fits = alternatives(alts);
    if (alts[0].startsWith('<!')) return { kind: 'notBefore', fits, condition: alternatives([alts[0].slice(2), ...alts.slice(1)]) };
    if (alts[0].startsWith('!')) return { kind: 'notAfter', fits, condition: alternatives([alts[0].slice(1), ...alts.slice(1)]) };
    return { kind: alts[0] === '~' ? 'skip' : 'word', fits, condition: fits };
  });
}

export function compiledPatterns(patterns: Record<TextLanguage, string[][]>): Record<TextLanguage, PatternList> {
  return Object.fromEntries(TEXT_LANGUAGES.map((l) => {
    const steps = patterns[l].map(patternSteps);
    // The first step that reads a word decides where a pattern can start; conditions read none.
    const firstWords = steps.map((p) => {
      const first = p.find((s) => s.kind === 'word' || s.kind === 'skip');
      return first?.kind === 'word' && first.fits.endings.length === 0 && !first.fits.number ? first.fits.words : undefined;
    });
    const byFirstWord = new Map<string, PatternStep[][]>();
    for (const w of new Set(firstWords.flatMap((ws) => (ws ? [...ws] : [])))) byFirstWord.set(w, steps.filter((_, n) => !firstWords[n] || firstWords[n]!.has(w)));
    return [l, { steps, byFirstWord, anywhere: steps.filter((_, n) => !firstWords[n]) }];
  })) as Record<TextLanguage, PatternList>;
}

/** The patterns of a list that can start at a word (accents folded), in their order. */
const patternsAt = (list: PatternList, w: string) => list.byFirstWord.get(w) ?? list.anywhere;

/**
 * Where a pattern of words (PAST_PATTERNS) that starts at ws[i] without crossing a break ends
 * (-1: it does not match), read from its step `from`. `<!x|y` at its head: the word before is
 * none of these; `!x|y` at its tail: the next word, if any, is none of these (`#` a number).
 */
function patternEnd(ws: string[], fw: string[], i: number, pattern: PatternStep[], from = 0): number {
  let k = i;
  for (let p = from; p < pattern.length; p++) {
    const step = pattern[p];
    if (step.kind === 'notBefore') {
      if (i > 0 && ws[i - 1] !== BREAK && wordFits(fw[i - 1], step.condition)) return -1;
      continue;
    }
    if (step.kind === 'notAfter') {
      if (k < ws.length && ws[k] !== BREAK && wordFits(fw[k], step.condition)) return -1;
      continue;
    }
    if (step.kind === 'skip') {
      const next = pattern[p + 1];
      for (let skip = 0; skip <= 2; skip++) {
        const j = k + skip;
        if (j >= ws.length || ws[j] === BREAK) return -1;
        const end = wordFits(fw[j], next.fits) ? patternEnd(ws, fw, j, pattern, p + 1) : -1;
        if (end >= 0) return end;
      }
      return -1;
    }
    if (k >= ws.length || ws[k] === BREAK || !wordFits(fw[k], step.fits)) return -1;
    k++;
  }
  return k;
}

/** Where the first pattern of a list that matches in ws[start, end) starts and ends (undefined: none). */
export function firstMatch(ws: string[], fw: string[], start: number, end: number, patterns: PatternList): { at: number; end: number } | undefined {
  for (let k = start; k < end; k++) for (const p of patternsAt(patterns, fw[k])) {
    const e = patternEnd(ws, fw, k, p);
    if (e >= 0) return { at: k, end: e };
  }
  return undefined;
}

// What ended for the people a proposal serves is their situation, not the applicant's past:
// "jóvenes que ya no estudian ni trabajan", "young people whose schooling was discontinued",
// "des jeunes dont la scolarité s'est arrêtée". A relative word within RELATIVE_REACH words before
// the pattern, which only people take (who, whose, quienes) or which follows a word for people
// (PEOPLE). "The project ended up placing interns" is no end either (the patterns' "!up").
const PEOPLE_RELATIVES: Record<TextLanguage, Set<string>> = {
  en: new Set(['who', 'whose', 'whom']), fr: new Set(), es: new Set(['quienes', 'quien']),
};
const RELATIVES: Record<TextLanguage, Set<string>> = {
  en: new Set(['that']), fr: new Set(['qui', 'que', 'dont']), es: new Set(['que', 'cuyo', 'cuya', 'cuyos', 'cuyas']),
};
const PEOPLE: Record<TextLanguage, Set<string>> = {
  en: new Set(['people', 'persons', 'youth', 'youths', 'women', 'men', 'girls', 'boys', 'adults', 'workers', 'learners', 'students', 'graduates', 'children', 'farmers', 'refugees', 'migrants', 'those', 'mothers', 'families']),
  fr: new Set(['jeunes', 'personnes', 'femmes', 'hommes', 'filles', 'garcons', 'adultes', 'travailleurs', 'travailleuses', 'apprenants', 'eleves', 'etudiants', 'diplomes', 'enfants', 'agriculteurs', 'refugies', 'migrants', 'ceux', 'celles', 'meres', 'familles']),
  es: new Set(['jovenes', 'personas', 'mujeres', 'hombres', 'ninas', 'ninos', 'adultos', 'trabajadores', 'trabajadoras', 'estudiantes', 'egresados', 'agricultores', 'refugiados', 'migrantes', 'aquellos', 'aquellas', 'madres', 'familias']),
};
const RELATIVE_REACH = 4;

/** Whether the pattern at ws[at] stands in a relative clause about people (PEOPLE_RELATIVES), within ws[start, at). */
function aboutPeople(ws: string[], fw: string[], start: number, at: number, lang: TextLanguage): boolean {
  for (let k = at - 1; k >= Math.max(start, at - RELATIVE_REACH); k--) {
    const w = fw[k];
    if (PEOPLE_RELATIVES[lang].has(w)) return true;
    // the word for people right before the relative, or with an adjective between ("mujeres rurales que")
    if (RELATIVES[lang].has(w)) return [k - 1, k - 2].some((j) => j >= start && PEOPLE[lang].has(fw[j]));
  }
  return false;
}

const revivesWord = (w: string, lang: TextLanguage) => REVIVED[lang].some((r) => folded(w).startsWith(r));
/** Whether a denial ("will not be continued", "ne sera pas relancé") stands just before ws[k] in its clause. */
const deniedRevival = (ws: string[], k: number, lang: TextLanguage) => {
  for (let j = k - 1; j >= Math.max(0, k - NEGATED_REVIVAL_REACH) && ws[j] !== BREAK; j--) if (REVIVAL_DENIALS[lang].has(folded(ws[j])) && !(j + 1 < k && ONLY_WORDS[lang].has(folded(ws[j + 1])))) return true;
  return false;
};
const revives = (ws: string[], k: number, lang: TextLanguage) => revivesWord(ws[k], lang) && !deniedRevival(ws, k, lang);
/** Whether ws[k] revives (or continues: CONTINUES) and a demonstrative that takes up what ended follows it (TAKEN_UP), a word between allowed. */
const takesUp = (ws: string[], k: number, lang: TextLanguage) =>
  (revivesWord(ws[k], lang) || CONTINUES[lang].some((c) => folded(ws[k]).startsWith(c))) && !deniedRevival(ws, k, lang) &&
  [k + 1, k + 2].some((j) => j < ws.length && ws[j] !== BREAK && TAKEN_UP[lang].has(folded(ws[j])));

/** Whether a pronoun goes with the reviving ws[k]: "scale it up", "le relancer", "le faire renaître", "recuperarlo". */
function revivedByPronoun(ws: string[], k: number, lang: TextLanguage): boolean {
  const { before, after, attached } = REVIVED_PRONOUNS[lang];
  const previous = folded(ws[k - 1] ?? '');
  return before.has(previous) || (CAUSATIVE[lang].has(previous) && before.has(folded(ws[k - 2] ?? ''))) ||
    after.has(folded(ws[k + 1] ?? '')) || (attached?.test(folded(ws[k])) ?? false);
}

/**
 * Whether ws[start, end) revives what ended: a reviving word in it, or in the clause after it
 * taken up by a pronoun, or right after a remark ("Le dispositif, terminé en 2021, reprend…").
 */
function revived(ws: string[], start: number, end: number, lang: TextLanguage): boolean {
  for (let k = start; k < end; k++) if (revives(ws, k, lang)) return true;
  if (end >= ws.length) return false;
  // After a comma, a reviving word with a pronoun (or after a remark); after a full stop, one that takes the activity up by a demonstrative.
  const comma = isCommaBreak(ws, end);
  const remark = comma && end - start <= PAST_REMARK_WORDS;
  for (let k = end + 1; k < ws.length && ws[k] !== BREAK; k++) {
    if (takesUp(ws, k, lang)) return true;
    if (comma && revives(ws, k, lang) && (remark || revivedByPronoun(ws, k, lang))) return true;
  }
  return false;
}

/**
 * Where "and now", "y ahora", "et maintenant" (a word between allowed), or a conjunction whose
 * clause starts something new (STARTS), opens in ws[from, end): the applicant's present; `end` if nowhere.
 */
function nowOpens(ws: string[], from: number, end: number, lang: TextLanguage): number {
  for (let k = from; k < end; k++) {
    if (!NOW_CONJUNCTIONS[lang].has(folded(ws[k]))) continue;
    if ((k + 1 < end && NOW_WORDS[lang].has(folded(ws[k + 1]))) || (k + 2 < end && NOW_WORDS[lang].has(folded(ws[k + 2])))) return k;
    for (let j = k + 1; j < end; j++) if (STARTS[lang].has(folded(ws[j]))) return k;
  }
  return end;
}

/** Per word of words(): whether it stands in a clause about an activity that has ended (PAST_PATTERNS). */
export function pastWords(ws: string[], lang: TextLanguage, fw = foldedWordsOf(ws)): boolean[] {
  const out = new Array<boolean>(ws.length).fill(false);
  let start = 0; // where the clause being read starts
  let previous = -1; // and where the one before it started (-1: none)
  for (let i = 0; i <= ws.length; i++) {
    if (i < ws.length && ws[i] !== BREAK) continue;
    let match = i > start ? firstMatch(ws, fw, start, i, PAST[lang]) : undefined;
    if (match && aboutPeople(ws, fw, start, match.at, lang)) match = undefined;
    if (!match && i > start) {
      const exists = firstMatch(ws, fw, start, i, EXISTS[lang]);
      let gap = false;
      for (let k = start; k < i && exists; k++) if (GAP_WORDS[lang].has(fw[k])) gap = true;
      if (!gap) match = exists;
    }
    let remark = true;
    let outside = false;
    if (!match && i > start) {
      match = firstMatch(ws, fw, start, i, OUTSIDE[lang]);
      outside = match !== undefined;
      remark = false;
    }
    if (!match && i > start) {
      match = firstMatch(ws, fw, start, i, ASIDE[lang]);
      if (match && (ownSubject(fw, start, match.at, lang) || studiesOwnPeople(fw, match.end, i, lang))) match = undefined;
    }
    if (match && !revived(ws, start, i, lang)) {
      let stop = nowOpens(ws, match.end, i, lang);
      if (outside) for (let k = match.end; k < stop; k++) if (INSTEAD_WORDS[lang].has(fw[k])) { stop = k; break; }
      for (let k = start; k < stop; k++) out[k] = true;
      // "Career guidance, which is not part of this project, is offered by the ministry": a relative
      // clause saying so speaks of the clause before it.
      if (outside) remark = i - start <= OUTSIDE_REMARK_WORDS && OUTSIDE_RELATIVES[lang].has(fw[start]);
      if (remark && (outside || i - start <= PAST_REMARK_WORDS) && previous >= 0 && !revived(ws, previous, start - 1, lang)) for (let k = previous; k < start - 1; k++) if (ws[k] !== BREAK) out[k] = true;
    }
    previous = start;
    start = i + 1;
  }
  return out;
}

// The place a proposal works in, described by who lives there (tagging10): "in a region with many
// refugees", "in a province where youth unemployment is high", "dans une région qui accueille de
// nombreux migrants", "en una zona donde el desempleo juvenil es alto". What follows the place word
// to the end of its clause is the setting, not whom the proposal serves or what it does: read as
// denied. The place itself stays ("rural communities where there is no internet" keeps "rural"),
// and the same people named elsewhere in the text count as ever. Patterns as PAST_PATTERNS'.
const PLACES = {
  en: 'region|regions|area|areas|country|countries|province|provinces|district|districts|city|cities|town|towns|zone|zones|county|state|neighbourhood|neighborhood|municipality|village|villages|territory',
  fr: 'region|regions|zone|zones|pays|province|provinces|ville|villes|commune|communes|quartier|quartiers|departement|localite|localites|village|villages|district|districts|territoire',
  es: 'region|regiones|zona|zonas|pais|provincia|provincias|ciudad|ciudades|municipio|municipios|departamento|barrio|barrios|localidad|distrito|distritos|territorio|pueblo|pueblos',
};
const MANY = {
  en: 'many|high|higher|highest|large|largest|numerous|growing|rising|widespread|significant|considerable|chronic|persistent|record|massive',
  fr: 'nombreux|nombreuses|beaucoup|fort|forte|forts|fortes|eleve|elevee|eleves|elevees|important|importante|grand|grande|massif|massive|croissant|croissante',
  es: 'muchos|muchas|numerosos|numerosas|alto|alta|altos|altas|gran|grandes|elevado|elevada|creciente|importante',
};
const CONTEXT_PATTERNS: Record<TextLanguage, string[][]> = {
  en: [[PLACES.en, 'where|whose|hosting'], [PLACES.en, 'with', '~', MANY.en], [PLACES.en, 'that|which', 'hosts|has|counts']],
  // "où" folded is "ou": not before an indefinite article or a preposition ("une région ou un district", "ou dans le pays" are "or")
  fr: [[PLACES.fr, 'ou', '!un|une|des|dans|en|a|au|aux|sur'], [PLACES.fr, 'dont|accueillant|abritant|comptant'], [PLACES.fr, 'avec', '~', MANY.fr], [PLACES.fr, 'qui', 'accueille|abrite|compte|concentre']],
  es: [[PLACES.es, 'donde|cuyo|cuya|cuyos|cuyas'], [PLACES.es, 'con', '~', MANY.es], [PLACES.es, 'que', 'acoge|alberga|concentra|tiene|cuenta']],
};
const CONTEXT = compiledPatterns(CONTEXT_PATTERNS);
// A setting says what the place is, has or lacks ("where youth unemployment is high", "où vivent de
// nombreux réfugiés", "donde hay pocas empresas", "où les jeunes traînent sans occupation", "donde
// los jóvenes no encuentran trabajo"): a clause after the place word with none of these words nor a
// MANY word says what is done there, and that is the proposal's work ("in rural
// districts where out-of-school girls train as solar technicians", "dans les villages où les femmes
// suivent des cours par radio", "en los municipios donde las mujeres aprenden por radio").
const SETTING_STATES: Record<TextLanguage, Set<string>> = {
  en: new Set(['is', 'are', 'was', 'were', 'remains', 'remain', 'stands', 'live', 'lives', 'living', 'reside', 'resides', 'settled', 'has', 'have', 'had', 'lack', 'lacks', 'there', 'hosts', 'hosting', 'counts', 'affects', 'affect', 'reaches', 'exceeds', 'face', 'faces', 'without', 'few', 'little', 'no', 'not', 'never']),
  fr: new Set(['est', 'sont', 'etait', 'etaient', 'reste', 'restent', 'demeure', 'vit', 'vivent', 'habite', 'habitent', 'reside', 'resident', 'ont', 'avait', 'avaient', 'manque', 'manquent', 'y', 'accueille', 'accueillant', 'abrite', 'abritant', 'compte', 'comptant', 'concentre', 'touche', 'touchent', 'atteint', 'depasse', 'sans', 'peu', 'pas', 'jamais', 'aucun', 'aucune']),
  es: new Set(['es', 'son', 'era', 'eran', 'esta', 'estan', 'sigue', 'siguen', 'vive', 'viven', 'habita', 'habitan', 'reside', 'residen', 'hay', 'habia', 'tiene', 'tienen', 'carece', 'carecen', 'falta', 'faltan', 'acoge', 'alberga', 'concentra', 'cuenta', 'afecta', 'afectan', 'supera', 'alcanza', 'llega', 'sin', 'pocos', 'pocas', 'poco', 'poca', 'no', 'nunca', 'ningun', 'ninguna']),
};
const SETTING_MANY = Object.fromEntries(TEXT_LANGUAGES.map((l) => [l, new Set(MANY[l].split('|'))])) as Record<TextLanguage, Set<string>>;
// The setting ends where the applicant speaks of itself: "in districts where unemployment is high we
// place young people in apprenticeships", "dans les régions où nous intervenons".
const APPLICANT_WORDS: Record<TextLanguage, Set<string>> = {
  en: new Set(['we', 'our', 'us', 'ours']),
  fr: new Set(['nous', 'notre', 'nos']),
  es: new Set(['nosotros', 'nosotras', 'nuestro', 'nuestra', 'nuestros', 'nuestras']),
};
// Spanish says "we" by the verb's ending ("donde hay pocas empresas formamos aprendices"); nouns so ending are not verbs.
const SPANISH_WE = /^[a-z]{3,}[ae]mos$/;
const NOT_FIRST_PLURAL = new Set(['prestamos', 'reclamos', 'tramos', 'ramos']);
const applicantWord = (w: string, lang: TextLanguage) => APPLICANT_WORDS[lang].has(w) || (lang === 'es' && SPANISH_WE.test(w) && !NOT_FIRST_PLURAL.has(w));
/** Where the setting that starts after ws[at] ends (the applicant's own word, or the clause's end), or -1 if it says nothing of the place (SETTING_STATES). */
function settingEnd(fw: string[], at: number, end: number, lang: TextLanguage): number {
  let stop = end;
  for (let j = at + 1; j < end; j++) if (applicantWord(fw[j], lang)) { stop = j; break; }
  for (let j = at + 1; j < stop; j++) if (SETTING_STATES[lang].has(fw[j]) || SETTING_MANY[lang].has(fw[j])) return stop;
  return -1;
}
// The place words as written (words() lower-cases, keeps accents), so that most words are looked up without folding them.
const PLACE_ACCENTED: Record<TextLanguage, string[]> = { en: [], fr: ['région', 'régions', 'département', 'localité', 'localités'], es: ['región', 'país'] };
const PLACE_WORDS = Object.fromEntries(TEXT_LANGUAGES.map((l) => [l, new Set([...PLACES[l].split('|'), ...PLACE_ACCENTED[l]])])) as Record<TextLanguage, Set<string>>;

/** Per word of words(): whether it describes the setting after a place word (CONTEXT_PATTERNS, settingEnd), to its clause's end or the applicant's own word (empty: none does). */
export function contextWords(ws: string[], lang: TextLanguage, fw?: string[]): boolean[] {
  let out: boolean[] | undefined;
  let start = 0;
  for (let i = 0; i <= ws.length; i++) {
    if (i < ws.length && ws[i] !== BREAK) continue;
    // Only where a place word stands are the patterns tried (they all start with one).
    for (let k = start; k < i; k++) {
      if (!PLACE_WORDS[lang].has(ws[k])) continue;
      fw ??= foldedWordsOf(ws); // folded only when a place word stands
      const folds = fw;
      // "où" written with its accent is "where" whatever follows ("une région où un jeune sur trois"); only folded is it also "or".
      const where = lang === 'fr' && ws[k + 1] === 'où';
      if (!where && !patternsAt(CONTEXT[lang], folds[k]).some((p) => patternEnd(ws, folds, k, p) >= 0)) continue;
      const stop = settingEnd(folds, k, i, lang);
      if (stop < 0) continue;
      out ??= new Array<boolean>(ws.length).fill(false);
      for (let j = k + 1; j < stop; j++) out[j] = true;
      break;
    }
    start = i + 1;
  }
  return out ?? NONE;
}
const NONE: boolean[] = [];

// Whom a proposal serves, not what it does (tagging7): "stress workshops for apprentices",
// "savoir-être pour les apprentis", "taller de vida sana para aprendices", "dirigido a
// aprendices". These nouns say that learning happens at a workplace when a proposal places or
// supervises them; right after "for", "pour", "para" or "dirigido a" (an article, a possessive or
// "young" between) they name the audience of something else, and no term reads them.
const SERVED_NOUNS: Record<TextLanguage, Set<string>> = {
  en: new Set(['apprentices', 'apprentice', 'interns', 'trainees']),
  fr: new Set(['apprentis', 'apprenti', 'apprenties', 'apprentie', 'stagiaires']),
  es: new Set(['aprendices', 'aprendiz', 'pasantes', 'practicantes']),
};
const SERVED_BEFORE: Record<TextLanguage, Set<string>> = {
  en: new Set(['for']),
  fr: new Set(['pour', 'aux', 'destine', 'destines', 'destinee', 'destinees']),
  es: new Set(['para', 'dirigido', 'dirigida', 'dirigidos', 'dirigidas', 'destinado', 'destinada', 'destinados', 'destinadas']),
};
const SERVED_BETWEEN: Record<TextLanguage, Set<string>> = {
  en: new Set(['the', 'our', 'all', 'young', 'new', 'future', 'first', 'year']),
  fr: new Set(['les', 'des', 'nos', 'a', 'aux', 'tous', 'jeunes', 'futurs', 'futures', 'nouveaux', 'nouvelles']),
  es: new Set(['a', 'los', 'las', 'nuestros', 'nuestras', 'todos', 'todas', 'jovenes', 'futuros', 'futuras', 'nuevos', 'nuevas']),
};

// What a study looks at is its object, not what the proposal does: "we survey 340 former
// apprentices", "a study of unpaid internships", "interroger 1 500 artisans sur la façon dont ils
// forment leurs apprentis", "encuestaremos a los pasantes". After one of these words in the same
// clause, a learner noun or a work-based programme's name is read as the audience (SERVED).
const STUDY_WORDS: Record<TextLanguage, Set<string>> = {
  en: new Set(['survey', 'surveys', 'surveyed', 'surveying', 'study', 'studies', 'studying', 'interview', 'interviews', 'interviewing', 'measure', 'measures', 'measuring', 'evaluate', 'evaluates', 'evaluation', 'tracer']),
  fr: new Set(['enquete', 'enquetes', 'enqueter', 'etude', 'etudes', 'etudier', 'etudions', 'etudierons', 'interroger', 'interrogerons', 'interrogeons', 'mesurer', 'mesurerons', 'mesurons', 'evaluer', 'evaluerons', 'evaluons', 'evaluation']),
  es: new Set(['encuesta', 'encuestas', 'encuestar', 'encuestaremos', 'encuestamos', 'estudio', 'estudiar', 'estudiaremos', 'estudiamos', 'entrevistar', 'entrevistaremos', 'entrevistamos', 'medir', 'mediremos', 'medimos', 'evaluar', 'evaluaremos', 'evaluamos', 'evaluacion']),
};
const STUDIED_NOUNS: Record<TextLanguage, Set<string>> = {
  en: new Set(['apprenticeship', 'apprenticeships', 'internship', 'internships', 'traineeship', 'traineeships']),
  fr: new Set(['apprentissage', 'apprentissages', 'stage', 'stages', 'alternance']),
  es: new Set(['pasantia', 'pasantias', 'practicas', 'aprendizaje', 'aprendizajes']),
};

// A study ends where the proposal goes on to something else ("we survey 50 hotels and then place
// interns in them", "y luego ubicamos a 100 pasantes").
const STUDY_ENDS: Record<TextLanguage, Set<string>> = {
  en: new Set(['then', 'afterwards']), fr: new Set(['puis', 'ensuite']), es: new Set(['luego', 'despues', 'posteriormente']),
};
// Where learners study is no study of anything: "students study at the polytechnic", "étudier au
// lycée professionnel", "estudiar en el instituto" (a place word, then a school within three words).
const STUDY_AT: Record<TextLanguage, Set<string>> = {
  en: new Set(['at', 'in']), fr: new Set(['au', 'a', 'en', 'dans']), es: new Set(['en']),
};
const SCHOOLS: Record<TextLanguage, Set<string>> = {
  en: new Set(['school', 'schools', 'college', 'colleges', 'polytechnic', 'university', 'institute', 'academy', 'centre', 'center']),
  fr: new Set(['lycee', 'ecole', 'college', 'universite', 'institut', 'centre', 'cfa', 'faculte']),
  es: new Set(['instituto', 'colegio', 'escuela', 'universidad', 'liceo', 'centro', 'politecnico', 'academia']),
};
// What is provided "for" learners may be the placement itself: host firms, places, stipends,
// contracts, workplace tutors ("stipends and tools for apprentices", "seguro para aprendices",
// "indemnités mensuelles pour les apprentis", "empresas para aprendices"). Such a word within
// PLACEMENT_REACH words before "for" leaves the learner noun a term; workshops, clubs or modules
// "for apprentices" (about something else, wherever the apprentices work) still name an audience.
const PLACEMENT_HEADS: Record<TextLanguage, Set<string>> = {
  en: new Set(['places', 'positions', 'slots', 'placements', 'stipends', 'stipend', 'allowances', 'allowance', 'wages', 'contracts', 'contract', 'insurance', 'tutors', 'mentors', 'supervisors', 'vacancies', 'openings', 'firms', 'companies', 'employers', 'hosts']),
  fr: new Set(['places', 'postes', 'indemnites', 'indemnite', 'allocations', 'contrats', 'contrat', 'assurance', 'tuteurs', 'maitres', 'remuneration', 'salaires', 'entreprises', 'employeurs']),
  es: new Set(['plazas', 'puestos', 'cupos', 'vacantes', 'estipendios', 'subsidios', 'contratos', 'contrato', 'seguro', 'tutores', 'maestros', 'remuneracion', 'salarios', 'empresas', 'empleadores']),
};
const PLACEMENT_REACH = 3;

const atSchool = (ws: string[], fw: string[], i: number, lang: TextLanguage) => {
  if (i + 1 >= ws.length || !STUDY_AT[lang].has(fw[i + 1])) return false;
  for (let k = i + 2; k < Math.min(ws.length, i + 5) && ws[k] !== BREAK; k++) if (SCHOOLS[lang].has(fw[k])) return true;
  return false;
};
/** Whether a word of PLACEMENT_HEADS stands within PLACEMENT_REACH words before ws[k] ("for"), in its clause. */
const placementBefore = (ws: string[], fw: string[], k: number, lang: TextLanguage) => {
  for (let j = k - 1; j >= Math.max(0, k - PLACEMENT_REACH) && ws[j] !== BREAK; j--) if (PLACEMENT_HEADS[lang].has(fw[j])) return true;
  return false;
};

/** Per word of words(): whether it is one of SERVED_NOUNS naming whom something is for, or what a study looks at (STUDY_WORDS). */
export function servedWords(ws: string[], lang: TextLanguage, fw = foldedWordsOf(ws)): boolean[] {
  const out = new Array<boolean>(ws.length).fill(false);
  let study = false; // a study word stands earlier in the clause being read
  for (let i = 0; i < ws.length; i++) {
    const f = ws[i] === BREAK ? BREAK : fw[i];
    if (f === BREAK || STUDY_ENDS[lang].has(f)) { study = false; continue; }
    if (STUDY_WORDS[lang].has(f)) { study = !atSchool(ws, fw, i, lang); continue; }
    if (study && (SERVED_NOUNS[lang].has(f) || STUDIED_NOUNS[lang].has(f))) { out[i] = true; continue; }
    if (i === 0 || !SERVED_NOUNS[lang].has(f)) continue;
    for (let k = i - 1; k >= Math.max(0, i - 3) && ws[k] !== BREAK; k--) {
      const w = fw[k];
      if (SERVED_BEFORE[lang].has(w)) { out[i] = !placementBefore(ws, fw, k, lang); break; }
      if (!SERVED_BETWEEN[lang].has(w)) break;
    }
  }
  return out;
}

/**
 * Per word of words(): whether the text denies it (a negation pattern of the language before it,
 * up to the end of its clause, a "but" or NEGATION_REACH words). stemWords marks these NEGATED;
 * the tagger leaves them out of another language's phrases too.
 */
export function deniedWords(ws: string[], lang: TextLanguage, fw = foldedWordsOf(ws)): boolean[] {
  const out = new Array<boolean>(ws.length).fill(false);
  let denied = 0; // words still denied after a negation pattern
  let pattern = 0; // words of a negation pattern still to read (they stay plain)
  let clauseDenied = false; // a denial reached the end of the clause being read
  let afterDenial = false; // the clause before this one, in the same sentence, ended in a denial
  let afterComma = false; // … and a comma parts the two (a semicolon parts clauses, not a list's items)
  let clauseStart = 0; // where the clause being read starts
  let previousClause = 0; // and where the one before it started
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (w === BREAK) {
      previousClause = clauseStart;
      clauseStart = i + 1;
      // Only a comma or semicolon: the sentence goes on ("…certification, labour market data or…").
      afterDenial = clauseDenied && isCommaBreak(ws, i);
      afterComma = afterDenial && !isSemicolonBreak(ws, i);
      clauseDenied = false;
      denied = 0;
      continue;
    }
    const opensClause = i === 0 || ws[i - 1] === BREAK;
    if (opensClause && afterDenial) {
      // The denial goes on in the next clause: "ni intermediación laboral, ni microcréditos", "ne
      // crée pas d'entreprises", or the items of a list it names ("does not deal with
      // recruitment, certification, labour market data or business creation").
      if (DENIAL_GOES_ON[lang].has(fw[i])) {
        // "ni aux femmes déplacées ni aux jeunes", "ni a las mujeres rurales", "nor to refugees":
        // to whom the denial holds (the people served), not one more thing refused; unless the
        // denied clause had the same preposition, a list of its own ("nous ne nous consacrons
        // pas à la formation, ni à la certification").
        const to = toWhom(ws[i + 1], lang);
        const parallel = to !== undefined && ws.slice(previousClause, i).some((x) => toWhom(x, lang) === to);
        if ((to !== undefined && !parallel) || numberSign(ws, i)) { afterDenial = false; continue; }
        denied = NEGATION_REACH; clauseDenied = true; continue;
      }
      const items = afterComma ? deniedListItems(ws, fw, i, lang) : 0;
      if (items > 0) {
        for (let k = i; k < i + items; k++) if (ws[k] !== BREAK) out[k] = true;
        i += items - 1;
        clauseDenied = true;
        continue;
      }
    }
    if (pattern > 0) pattern--;
    else {
      const n = negationAt(ws, fw, i, lang);
      if (n > 0) { pattern = n - 1; denied = NEGATION_REACH; clauseDenied = true; }
      else if (NEGATION_ENDS.has(w)) { denied = 0; clauseDenied = false; }
      else if (denied > 0) { out[i] = true; denied--; clauseDenied = denied > 0; }
    }
  }
  return out;
}

// A clause right after a denied one that opens with these goes on denying: "nor", "ni", "ne" (the
// subject left out: "ne délivre pas de certificats, ne crée pas d'entreprises"), "no", "tampoco".
const DENIAL_GOES_ON: Record<TextLanguage, Set<string>> = {
  en: new Set(['nor', 'neither']),
  fr: new Set(['ni', 'ne', 'n']),
  es: new Set(['ni', 'no', 'tampoco']),
};
// The word that closes a list of alternatives: "certification, data or business creation".
const LIST_CLOSERS: Record<TextLanguage, Set<string>> = {
  en: new Set(['or', 'nor']),
  fr: new Set(['ou', 'ni']),
  es: new Set(['o', 'u', 'ni']),
};
// An item is a few words; one with a subject or a verb of being, having or doing is a clause of
// its own ("we place apprentices in firms or cooperatives", "colocamos aprendices o…").
const LIST_ITEM_WORDS = 6;
const LIST_ITEMS = 5;
const CLAUSE_WORDS: Record<TextLanguage, Set<string>> = {
  en: new Set(['we', 'they', 'it', 'he', 'she', 'i', 'you', 'is', 'are', 'was', 'were', 'will', 'can', 'has', 'have', 'do', 'does', 'also']),
  fr: new Set(['nous', 'ils', 'elles', 'il', 'elle', 'on', 'je', 'est', 'sont', 'sera', 'seront', 'ont', 'peut', 'peuvent', 'aussi']),
  es: new Set(['nosotros', 'ellos', 'ellas', 'es', 'son', 'esta', 'estan', 'sera', 'seran', 'hay', 'puede', 'pueden', 'tambien']),
};
// What opens the clause of what a proposal does instead ("instead, apprentices learn…", "en cambio", "au contraire").
const INSTEAD: Record<TextLanguage, Set<string>> = {
  en: new Set(['instead', 'rather']),
  fr: new Set(['plutot', 'contraire', 'revanche']),
  es: new Set(['cambio', 'contrario', 'si']),
};
// A preposition naming to whom a refused thing is refused: "ni aux femmes", "ni a los jóvenes", "nor to refugees"
// (each with the one it stands for: "aux" is "à les").
const TO_WHOM: Record<TextLanguage, ReadonlyMap<string, string>> = {
  en: new Map([['to', 'to'], ['for', 'for'], ['from', 'from']]),
  fr: new Map([['a', 'a'], ['aux', 'a'], ['au', 'a'], ['pour', 'pour']]),
  es: new Map([['a', 'a'], ['al', 'a'], ['para', 'para']]),
};
const toWhom = (w: string | undefined, lang: TextLanguage) => (w === undefined ? undefined : TO_WHOM[lang].get(folded(w)));
const FIRST_PLURAL: Partial<Record<TextLanguage, RegExp>> = { fr: /..ons$/, es: /..(amos|emos|imos)$/ };
const clauseWord = (w: string, lang: TextLanguage) => CLAUSE_WORDS[lang].has(w) || (FIRST_PLURAL[lang]?.test(w) ?? false);

/**
 * After a denied clause, the words (breaks included) of the rest of its list, when the clauses
 * from ws[i] are short items parted by commas, the last of them closed by "or" ("ou", "o", "ni"); else 0.
 */
function deniedListItems(ws: string[], fw: string[], i: number, lang: TextLanguage): number {
  let k = i;
  for (let item = 0; item < LIST_ITEMS; item++) {
    let n = 0; // words of the item before its "or", if any
    let after = 0; // and after it
    let closed = false;
    while (k < ws.length && ws[k] !== BREAK) {
      const w = fw[k];
      // "…, but apprenticeships in garages or…", "…, sino prácticas…", "…; instead, apprentices…": what is done instead
      if (clauseWord(w, lang) || NEGATION_ENDS.has(w) || INSTEAD[lang].has(w)) return 0;
      if (LIST_CLOSERS[lang].has(w)) closed = true;
      else if (!closed) n++;
      else after++;
      k++;
    }
    if (n > LIST_ITEM_WORDS || after > LIST_ITEM_WORDS || (n === 0 && !closed)) return 0;
    if (closed) return k - i;
    if (!isCommaBreak(ws, k)) return 0;
    k++; // the comma
  }
  return 0;
}

/** A normalised key for names typed by people (categories in a form): case, accents, punctuation ignored. */
export function nameKey(text: string): string {
  return foldAccents(text.toLowerCase())
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Place names are not evidence: "La Paz" is a city, not "paz" (peace, a life-skills word);
// "La Libertad" is a region, not "libertad" of "privados de libertad". Country names
// (data/countries.csv and its aliases), capitals and large cities of the network's regions,
// and capitalised "San/Santa/Puerto/Saint..." names are taken out of a text before its words
// are read, only where they are written with capitals (a lower-case "paz" still counts).
const CAPITALS = [
  'La Paz', 'La Libertad', 'La Esperanza', 'La Victoria', 'La Unión', 'La Habana', 'El Alto', 'El Salvador', 'Buenos Aires',
  'Ciudad de México', 'Ciudad de Guatemala', 'Ciudad de Panamá', 'Mexico City', 'Guatemala City', 'Panama City', 'Santo Domingo',
  'Asunción', 'Montevideo', 'Lima', 'Bogotá', 'Quito', 'Caracas', 'Managua', 'Tegucigalpa', 'San José', 'San Salvador', 'Sucre',
  'Santiago', 'Brasília', 'Havana', 'Kingston', 'Port-au-Prince', 'Port of Spain', 'Georgetown', 'Paramaribo', 'Medellín', 'Cali',
  'Nairobi', 'Addis Ababa', 'Addis-Abeba', 'Kampala', 'Kigali', 'Dar es Salaam', 'Dodoma', 'Lusaka', 'Harare', 'Maputo', 'Lilongwe',
  'Accra', 'Abuja', 'Lagos', 'Dakar', 'Bamako', 'Niamey', 'Ouagadougou', 'Abidjan', 'Yamoussoukro', 'Lomé', 'Cotonou', 'Porto-Novo',
  'Conakry', 'Freetown', 'Monrovia', 'Banjul', 'Bissau', 'Praia', 'Nouakchott', 'Rabat', 'Casablanca', 'Alger', 'Algiers', 'Tunis',
  'Tripoli', 'Le Caire', 'Cairo', 'El Cairo', 'Khartoum', 'Juba', 'Mogadishu', 'Djibouti', 'Asmara', 'Yaoundé', 'Douala', 'Libreville',
  'Brazzaville', 'Kinshasa', 'Bangui', "N'Djamena", 'Malabo', 'Luanda', 'Windhoek', 'Gaborone', 'Pretoria', 'Johannesburg', 'Cape Town',
  'Le Cap', 'Ciudad del Cabo', 'Maseru', 'Mbabane', 'Antananarivo', 'Port Louis', 'Victoria', 'Moroni', 'Beirut', 'Beyrouth', 'Amman',
  'Damascus', 'Damas', 'Baghdad', 'Bagdad', 'Riyadh', 'Riyad', 'Doha', 'Manama', 'Muscat', 'Mascate', 'Sanaa', 'Kuwait City',
  'Abu Dhabi', 'Dubai', 'Ramallah', 'Gaza', 'Jerusalem', 'Jérusalem', 'Kabul', 'Islamabad', 'Karachi', 'Lahore', 'Dhaka', 'Kathmandu',
  'Katmandou', 'New Delhi', 'Nueva Delhi', 'New Dehli', 'Mumbai', 'Colombo', 'Malé', 'Thimphu', 'Bangkok', 'Hanoi', 'Ho Chi Minh City',
  'Phnom Penh', 'Vientiane', 'Yangon', 'Naypyidaw', 'Kuala Lumpur', 'Jakarta', 'Manila', 'Manille', 'Dili', 'Port Moresby', 'Suva',
  'Honiara', 'Apia', 'Beijing', 'Pékin', 'Pekín', 'Ulaanbaatar', 'Seoul', 'Tokyo', 'Canberra', 'Wellington', 'Tehran', 'Téhéran',
  'Ankara', 'Istanbul', 'Tbilisi', 'Yerevan', 'Baku', 'Astana', 'Almaty', 'Tashkent', 'Bishkek', 'Dushanbe', 'Ashgabat', 'Kyiv', 'Kiev',
  'Chisinau', 'Minsk', 'Moscow', 'Tirana', 'Skopje', 'Sarajevo', 'Belgrade', 'Podgorica', 'Pristina', 'Geneva', 'Genève', 'Ginebra',
  'Saint-Louis', 'São Tomé', 'Santa Cruz', 'Puerto Rico', 'Costa Rica', "Côte d'Ivoire", 'Costa de Marfil', 'Cabo Verde', 'Cap-Vert',
  'Burkina Faso', 'Sierra Leone', 'Sierra Leona', 'Afrique du Sud', 'Sudáfrica', 'South Africa', 'Nueva Zelanda', 'Nouvelle-Zélande',
  'Arabie saoudite', 'Arabia Saudita', 'Émirats arabes unis', 'Emiratos Árabes Unidos', 'République démocratique du Congo',
  'República Democrática del Congo', 'République centrafricaine', 'República Centroafricana', 'Guinée équatoriale', 'Guinea Ecuatorial',
  'Haïti', 'Haití', 'Pérou', 'Perú', 'Bolivie', 'Colombie', 'Équateur', 'Mexique', 'México', 'Panamá', 'Brésil', 'Brasil',
  'Trinidad and Tobago', 'Trinité-et-Tobago', 'Trinidad y Tobago', 'República Dominicana', 'République dominicaine', 'Timor-Leste',
];
const PLACE_PREFIX = /^(?:San|Santa|Santo|São|Saint|Sainte|Puerto|Porto|Port|Ciudad|Villa)$/;
let placeIndex: Map<string, string[]> | undefined;

function placeNames(): Map<string, string[]> {
  if (placeIndex) return placeIndex;
  const names = new Set<string>(CAPITALS);
  for (const file of ['countries.csv', 'country-aliases.csv']) {
    try {
      const lines = fs.readFileSync(dataPath(file), 'utf8').split(/\r?\n/).slice(1);
      for (const line of lines) {
        // name is the third column of countries.csv, the first of the aliases; quoted names may hold commas.
        const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')) ?? [];
        // An alias for "no country" ("Other", "Autre", "Otro", "None", "Unknown": alpha2 "-") is no place:
        // masked, it took "Other" out of "Other activities:" and the label with it.
        if (file === 'country-aliases.csv' && !/^[A-Z]{2}$/.test(cells[1]?.trim() ?? '')) continue;
        const name = (file === 'countries.csv' ? cells[2] : cells[0])?.trim();
        if (name && /^\p{Lu}/u.test(name)) for (const part of name.split(/\s*[(),]\s*/)) if (/^\p{Lu}/u.test(part) && part.length > 2) names.add(part.trim());
      }
    } catch {
      // Without the data files only the built-in list is used.
    }
  }
  placeIndex = new Map();
  for (const n of names) {
    const first = n.split(/[\s'’-]/)[0];
    const list = placeIndex.get(first) ?? [];
    list.push(n);
    placeIndex.set(first, list);
  }
  for (const list of placeIndex.values()) list.sort((a, b) => b.length - a.length);
  return placeIndex;
}

const CAPITALISED = /\p{Lu}[\p{L}\p{M}]*/gu;
const LETTER = /[\p{L}\p{M}]/u;

// "Rural" in an organisation's name says where the organisation began or works, not whom this
// proposal serves: "Copperbelt Rural Enterprise Trust" now works in mining towns, "la Fundación para
// el Desarrollo Rural Integral" trains welders in the capital (tagging12). A run of capitalised
// words (joined by "of", "de", "pour", "para"…) that holds an organisation's word (Trust,
// Association, Fundación, Coopérative…) and a capitalised "Rural" loses that word; a project's own
// name ("Rural Youth Programme") and a lower-case "rural" keep it.
const NAME_RUN = /(?:[dl]['’])?\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:of|for|and|the|de|du|des|del|la|le|el|los|las|pour|para|y|et)\s+)*(?:[dl]['’])?\p{Lu}[\p{L}\p{M}'’-]*)+/gu;
const RURAL_WORD = /^(?:[dl]['’])?(?:Rural|Rurale|Rurales|Ruraux)$/u;
const ORGANISATION_WORD = new RegExp('^(?:[dl][\'’])?(?:' + [
  'Trust', 'Foundation', 'Fund', 'Association', 'Society', 'Cooperative', 'Co-operative', 'Network', 'Union', 'Federation', 'Council',
  'Institute', 'Centre', 'Center', 'Agency', 'Bank', 'Ministry', 'Alliance', 'Organisation', 'Organization', 'NGO',
  'Fondation', 'Fonds', 'Coopérative', 'Réseau', 'Fédération', 'Conseil', 'Institut', 'Agence', 'Banque', 'Ministère', 'Société', 'Caisse', 'ONG',
  'Asociación', 'Fundación', 'Fondo', 'Cooperativa', 'Red', 'Unión', 'Federación', 'Consejo', 'Instituto', 'Centro', 'Agencia', 'Banco',
  'Ministerio', 'Sociedad', 'Caja', 'Secretaría',
].join('|') + ')$', 'u');

function maskRuralInNames(text: string): string {
  if (!/Rura/.test(text)) return text;
  return text.replace(NAME_RUN, (run) => {
    const ws = run.split(/\s+/);
    if (!ws.some((w) => RURAL_WORD.test(w)) || !ws.some((w) => ORGANISATION_WORD.test(w))) return run;
    return ws.map((w) => (RURAL_WORD.test(w) ? '' : w)).join(' ');
  });
}

/**
 * The text with capitalised place names blanked out (same length is not kept; words around stay
 * apart), and "Rural" in an organisation's name (maskRuralInNames).
 */
export function maskPlaceNames(text: string): string {
  if (!text || !/\p{Lu}/u.test(text)) return text;
  return maskPlaces(maskRuralInNames(text));
}

function maskPlaces(text: string): string {
  const index = placeNames();
  let out = '';
  let last = 0;
  CAPITALISED.lastIndex = 0;
  for (let m = CAPITALISED.exec(text); m; m = CAPITALISED.exec(text)) {
    const at = m.index;
    if (at < last) continue;
    let end = -1;
    for (const name of index.get(m[0]) ?? []) {
      if (text.startsWith(name, at) && !LETTER.test(text[at + name.length] ?? '')) { end = at + name.length; break; }
    }
    if (end < 0 && PLACE_PREFIX.test(m[0])) {
      // "San Pedro Sula", "Puerto Cortés", "Saint-Louis": the prefix and the capitalised words after it.
      const rest = /^(?:[\s-]+(?:de\s+|del\s+|la\s+|las\s+|los\s+)?\p{Lu}[\p{L}\p{M}]*)+/u.exec(text.slice(at + m[0].length));
      if (rest) end = at + m[0].length + rest[0].length;
    }
    if (end > 0) {
      out += text.slice(last, at) + ' ';
      last = end;
      CAPITALISED.lastIndex = end;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

// A description that says its title misleads: "Despite the name, this proposal does not produce
// statistics", "Malgré son nom, notre incubateur…", "Le titre est trompeur", "Sous ce titre, le projet
// fait surtout une chose", "Aunque el nombre hable de emprender", "El título viene del programa que nos
// financia". The title then names what the proposal is not: its words are read as denied. (Any of
// the three languages: a French text may quote an English title, and the reverse.)
// "Despite the name" is the disclaimer when the name ends there (a comma, a quote, "of the project"),
// not in "despite the name change in 2021". A name that "comes from" a funder's programme or call is
// borrowed; one that comes from "the Swahili word for skill" or "our founder" is explained, not
// disowned. "Sous ce titre", "bajo este nombre" only disown beside "surtout", "en realidad": "Bajo este
// nombre agrupamos tres acciones" names what the proposal does.
const NAME_ENDS = String.raw`(?=\s*(?:[,;:.!?()\[\]"“”‘’'«»\-–—]|$|(?:of|du|de|del) (?:the |our |this |la |el |nuestro |nuestra |este |esta |notre |ce |cette )?(?:project|programme|program|proposal|initiative|projet|proposition|dispositif|proyecto|programa|propuesta|iniciativa)\b))`;
const BORROWED_FROM = String.raw`(?:the |a |an |our |le |la |l |un |une |notre |el |un |una |nuestro |nuestra )?(?:\w+ )?(?:programme|program|fund|funder|donor|call|grant|scheme|programa|fondo|financiador|donante|convocatoria|fonds|bailleur|financeur|appel)\b`;
const DISOWNED_TITLE = [
  new RegExp(String.raw`\b(?:despite|in spite of|notwithstanding) (?:the|its|our|this) (?:name|title)${NAME_ENDS}`),
  /\b(?:the|its|our) (?:name|title) (?:is|may be|might be|sounds|can be) (?:a bit |somewhat )?(?:misleading|deceptive|wrong)\b/,
  new RegExp(String.raw`\b(?:the|its|our) (?:name|title) (?:comes|is taken) from ${BORROWED_FROM}`),
  /\bwhatever (?:the|its|our) (?:name|title) (?:says|suggests)\b/,
  /\b(?:although|though|while|even if) (?:the|its|our|this) (?:name|title) (?:says|suggests|speaks|talks|mentions|refers)/,
  /\b(?:meme si|bien que|bien qu) (?:le|l|son|notre|ce) (?:nom|titre|intitule) (?:parle|evoque|dit|suggere|mentionne|fait penser)/,
  new RegExp(String.raw`\bmalgre (?:son|le|l|notre|leur|ce) (?:nom|titre|intitule)${NAME_ENDS}`),
  /\b(?:le|l|notre|son|ce) (?:nom|titre|intitule) (?:est|peut sembler|semble|peut paraitre|parait) (?:un peu )?(?:trompeur|mal choisi)/,
  new RegExp(String.raw`\b(?:le|l|notre|son) (?:nom|titre|intitule) vient (?:de |d |du |des )${BORROWED_FROM}`),
  /\bsous ce (?:titre|nom|intitule)\b[^.!?]{0,120}?\b(?:surtout|en realite|en fait|avant tout|principalement)\b/,
  new RegExp(String.raw`\b(?:a pesar|pese) (?:de )?(?:su|el|nuestro|este) (?:nombre|titulo)${NAME_ENDS}`),
  new RegExp(String.raw`\b(?:a pesar|pese) (?:del|al) (?:nombre|titulo)${NAME_ENDS}`),
  /\baunque (?:el|su|nuestro) (?:nombre|titulo) (?:hable|habla|diga|dice|sugiera|sugiere|haga pensar|parezca)\b/,
  /\b(?:el|su|nuestro) (?:nombre|titulo) (?:es enganoso|engana)\b/,
  new RegExp(String.raw`\b(?:el|su|nuestro) (?:nombre|titulo) (?:viene|proviene) (?:de |del |de la )${BORROWED_FROM}`),
  /\bbajo este (?:titulo|nombre)\b[^.!?]{0,120}?\b(?:sobre todo|en realidad|principalmente|ante todo)\b/,
];
// A disclaimer whose sentence says the proposal does more than its title ("Despite the name, we
// also certify welders", "Malgré son nom, le projet ne se limite pas à l'atelier", "A pesar del
// nombre, también certificamos") widens the title rather than disowning it: the title still counts.
const WIDENED = /\b(?:also|as well|more than|not only|not just|beyond|aussi|egalement|pas seulement|pas que|ne se limite|plus que|tambien|no solo|no solamente|no se limita|mas que|ademas)\b/;

const APOSTROPHE = /[’']/;

/** Whether a description says its title names something the proposal is not (DISOWNED_TITLE). */
export function disownsTitle(description: string): boolean {
  // (an apostrophe inside a word parts it, "l'intitulé"; a quote stays one: "despite the name 'Hub',")
  const lower = foldAccents(description.toLowerCase());
  const text = (APOSTROPHE.test(lower) ? lower.replace(/(?<=\p{L})[’'](?=\p{L})/gu, ' ') : lower).replace(/\s+/g, ' ');
  return DISOWNED_TITLE.some((re) => {
    const m = re.exec(text);
    if (!m) return false;
    const sentence = text.slice(m.index).match(/^.*?(?:[.!?](?=\s|$)|$)/)![0];
    return !WIDENED.test(sentence);
  });
}
