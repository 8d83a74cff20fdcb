/**
 * The words of a column header, as header recognition compares them: case, accents, ligatures,
 * punctuation, HTML tags (Typeform writes `<strong>`), camelCase (`RecipientFirstName`,
 * `UserLanguage`), snake_case and KoboToolbox group paths folded away; British and American
 * spellings made one (organisation = organization). Plural endings are NOT folded: a header word
 * matches a synonym word when it is that word or its plural (`languages` is `language`), never
 * when it is the synonym cut short (`pay` is not `pays`, `point` is not `points`).
 */
import { decodeHtmlEntities } from '../text.js';

/** A KoboToolbox/ODK field path ("group_org/org_name"): no spaces, parts joined by "/". */
const FIELD_PATH = /^[^\s/]+(?:\/[^\s/]+)+$/;
/**
 * Words joined by "/", the first capitalised, are a label, not a path: HubSpot's "Country/Region",
 * "Pays/Région", "País/región" (read as a path, "Country/Region" was only "Region", and no country
 * was found). A path's parts are identifiers: lower case, underscores, digits.
 */
const WORDS_WITH_SLASHES = /^\p{Lu}\p{L}*(?:\/\p{L}+)+$/u;

/** Lower case without accents or ligatures: "Référent" -> "referent", "Œuvre" -> "oeuvre". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßœæ]/g, (c) => ({ ß: 'ss', œ: 'oe', æ: 'ae' })[c] ?? c);
}

/**
 * The header as plain text: its last path part for a field path, tags dropped, camelCase and
 * snake_case split, "e-mail" one word. Kept in the original case until folded.
 */
export function headerText(header: string): string {
  let t = header.replace(/\u0000/g, '').trim();
  if (FIELD_PATH.test(t) && !WORDS_WITH_SLASHES.test(t)) t = t.slice(t.lastIndexOf('/') + 1);
  t = t.replace(/<\/?[a-z][^<>]*>/gi, ' ');
  // LimeSurvey and web apps write "Nom &amp; Post-nom": an entity is the character it stands for
  t = decodeHtmlEntities(t);
  // "RecipientFirstName", "IPAddress": the words of an identifier run together (a header with
  // spaces is text: "LinkedIn profile" stays one word, as do brand names written alone)
  if (!/\s/.test(t) && !BRANDS.test(t)) t = t.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
  return t;
}

/** Names written in camelCase that are one word. */
const BRANDS = /^(?:whatsapp|linkedin|youtube|tiktok|github|iphone|e-?mail|facebook|instagram)$/i;

/** British spellings as American ones, on folded words: organisation -> organization. */
export function americanise(word: string): string {
  // (a Map: an object's lookup gave a header word "constructor" Object's own function, and the
  // header detection failed on a data row holding "{{constructor.constructor(...)}}")
  const fixed = MISSPELT.get(word);
  if (fixed) return fixed;
  return word.replace(/(?<=\p{L}{3})is(ation|e|ed|er|ing)$/u, 'iz$1');
}

/** English words that forms often misspell, as they are spelt ("Email Adress", "Adresss"). */
const MISSPELT: ReadonlyMap<string, string> = new Map([['adress', 'address'], ['adresss', 'address'], ['addres', 'address'], ['adresses', 'addresses'], ['adddress', 'address']]);

/** "N°", "Nº", "N.º", "n°": the abbreviation of number (numéro, número), a letter and an ordinal or degree sign. */
const NUMBER_SIGN = /(?<![\p{L}\p{N}])n\.?\s?[°º]/giu;
/**
 * How to write the answer, not what it is: "in block capitals", "en lettres d'imprimerie", "em
 * letra de forma", "en letra de imprenta" (as folded). A single word of it ("capitals",
 * "majuscules") is neutral; these are its phrases, whose words alone mean other things (a
 * district's "Block name", "Reference letters").
 */
const WRITING_INSTRUCTION = /\b(?:block (?:capitals|letters)|lettres? (?:capitales|majuscules|moulees|d\W?imprimerie)|letras? (?:de )?(?:forma|imprenta|molde|maiusculas?|mayusculas?))\b/g;

/** "Attendee #", "Phone #": a word's number, written with a number sign after it. */
const TRAILING_HASH = /(\p{L})\s*#\s*$/u;

/**
 * Every token of a header, folded, small ones included ("a t il" of "a-t-il"), for phrases and
 * question openers. E-mail is one token.
 */
export function headerTokens(header: string): string[] {
  // (a plural in brackets is the word: "Country(ies)", "Pays(s)", "Organisation(s)", "País(es)")
  // ("N°", "Nº", "N.º" is the word number: "N° de participant" is "Numéro de participant", not a lone "n")
  // ("Attendee #" is Eventbrite's "Attendee number", its French "N° de participant")
  const text = foldText(headerText(header).replace(NUMBER_SIGN, 'numero ').replace(TRAILING_HASH, '$1 number')).replace(WRITING_INSTRUCTION, ' ').replace(/e[\s-]?mail/g, 'email').replace(/(\p{L})y\(ies\)/gu, '$1y').replace(/(\p{L})\((?:e?s|x)\)/gu, '$1');
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(americanise);
}

/**
 * Question numbers ("3", "Q12", "7b") and ordinals ("1st", "2nd", "1er", "2ème", "1era", "3o")
 * say nothing about what a column holds ("1st aff country: 1st author" is a country).
 */
export function isNumbering(word: string): boolean {
  return /^[a-z]?\d+(?:[a-z]|st|nd|rd|th|er|re|eme|ere|era|ero|do|da|ra|ro|to|ta)?$/.test(word);
}

/** The meaningful words of a header: folded, without stopwords and one-letter bits (l', d', 's). */
export function meaningfulWords(header: string, stopwords: ReadonlySet<string>): string[] {
  return headerTokens(header).filter((w) => w.length >= 2 && !stopwords.has(w));
}

/** Whether a header word is a synonym word, or its plural ("languages", "paises"). */
export function wordMatches(headerWord: string, synonymWord: string): boolean {
  if (headerWord === synonymWord) return true;
  const extra = headerWord.length - synonymWord.length;
  if (extra !== 1 && extra !== 2) return false;
  if (!headerWord.startsWith(synonymWord)) return false;
  const tail = headerWord.slice(synonymWord.length);
  return tail === 's' || tail === 'es' || (tail === 'x' && /(?:eau|eu|au)$/.test(synonymWord));
}

/**
 * How the synonym's words sit among the header's: each synonym word matched by a distinct
 * header word. Returns the header words left over, or null when some synonym word is missing.
 */
export function leftOver(headerWords: readonly string[], synonymWords: readonly string[]): string[] | null {
  const used = new Array<boolean>(headerWords.length).fill(false);
  let first = Infinity;
  let last = -1;
  for (const s of synonymWords) {
    let found = -1;
    for (let i = 0; i < headerWords.length; i++) {
      if (!used[i] && wordMatches(headerWords[i]!, s)) {
        found = i;
        break;
      }
    }
    if (found < 0) return null;
    used[found] = true;
    first = Math.min(first, found);
    last = Math.max(last, found);
  }
  // the words of a synonym stand together, in any order: "Note : … l'énergie totale" is no "note totale"
  if (synonymWords.length > 1 && last - first > synonymWords.length + MAX_GAP) return null;
  return headerWords.filter((_, i) => !used[i]);
}

/** Other words allowed between the words of a synonym ("Country where the organization is registered"). */
const MAX_GAP = 2;

/** Whether `phrase` (tokens) occurs in `tokens` as consecutive tokens. */
export function hasPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  if (!phrase.length) return false;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (!wordMatches(tokens[i + j]!, phrase[j]!)) continue outer;
    return true;
  }
  return false;
}

/** The tokens of a header without its numbering and opening punctuation ("3. ¿Tiene…" -> "tiene…"). */
export function questionTokens(tokens: readonly string[]): string[] {
  let i = 0;
  while (i < tokens.length && (isNumbering(tokens[i]!) || tokens[i] === 'q')) i++;
  return tokens.slice(i);
}

/** Folded the old way (plural -s dropped): the key score sheets compare headers by (selection/score-file.ts). */
export function keyWord(word: string): string {
  let w = foldText(word);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return americanise(w);
}
