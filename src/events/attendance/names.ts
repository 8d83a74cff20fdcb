/**
 * People's names as meeting tools show them, made comparable: the key a name is matched by (in
 * any script), and the names a display name may stand for.
 *
 * Keys. Latin names keep the key they always had: no accents, case or punctuation, words in
 * alphabetical order ("Kouassi, Moussa" is Moussa Kouassi). Other scripts need more care than
 * dropping Latin accents:
 * - Chinese, Japanese and Korean names are written without spaces, family name first, often in
 *   full-width characters: the key joins the CJK characters in the order written ("王 小明",
 *   "王小明" and "王　小明" are one key) and never reorders or splits them, so that a name is
 *   only ever equal to the same name.
 * - Devanagari (and other Indic scripts) write vowels as combining marks: they stay in the word.
 *   Dropped as accents are, "राम" (Ram) and "रोम" (Rom) both became the letters "र म" and
 *   matched each other.
 * - Arabic's optional vowel marks and tatweel are dropped and its letter variants folded (أ إ آ
 *   to ا, ى to ي, ة to ه): "مُحَمَّد" is محمد, as the vowel marks broke it into one-letter words.
 * - Cyrillic, Greek: accents dropped as in Latin (Пётр is Петр).
 *
 * Variants. A display name may carry more than the name: pronouns ("Maria (she/her)"), a title
 * and an affiliation ("Dr. Ama Owusu - ILO"), a name in another script in brackets or beside it
 * ("王小明 (Xiaoming Wang)"), a device ("iPhone de Juan Pérez"). Each part that is itself a whole
 * name (two words, or two CJK characters) is tried as well; a lone word taken out of a longer
 * name ("Juan" of "iPhone de Juan") is not: it would match the wrong person.
 */
import { normaliseName } from '../../geo/normalise.js';
import { resolveCountry } from '../../geo/countries.js';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_WORD = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{M}\u30fc]+$/u;
/** Latin letters, digits, punctuation and spaces only: the key as it always was (stored decisions are keyed so). */
const LATIN_TEXT = /^[\u0000-\u024f\u1e00-\u1eff\u2018\u2019\u201c\u201d]*$/;

/** Arabic: vowel marks, the dagger alef and tatweel dropped; hamza-carrying and final letter forms folded. */
function foldArabic(text: string): string {
  return text
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/[\u0649\u06cc\u0626]/g, '\u064a')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u06a9/g, '\u0643')
    // "عبد الله" and "عبدالله" are one name
    .replace(/(^|\s)\u0639\u0628\u062f\s+/g, '$1\u0639\u0628\u062f');
}

/** A name as a key: see the module's comment. '' when nothing of it is a letter or a digit. */
export function personNameKey(name: string): string {
  if (LATIN_TEXT.test(name)) return normaliseName(name).split(' ').filter(Boolean).sort().join(' ');
  const words = foldArabic(name.normalize('NFKC'))
    .normalize('NFKD')
    // Latin and Cyrillic accents only: other scripts' marks are letters of the word
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2018\u2019\u02bc\u00b4`.]/g, '')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  // CJK words joined in the order written; the others sorted, as Latin ones are
  const cjk = words.filter((w) => CJK_WORD.test(w)).join('');
  const rest = words.filter((w) => !CJK_WORD.test(w)).sort();
  return [...(cjk ? [cjk] : []), ...rest].sort().join(' ');
}

/**
 * Whether a key can say who someone is: at least two letters. A lone initial or a lone CJK
 * character (a family name alone, "王") fits too many people to be matched on.
 */
export function identifies(key: string): boolean {
  return [...key.replace(/ /g, '')].filter((c) => /[\p{L}\p{N}]/u.test(c)).length >= 2;
}

/** A whole name, not a word taken out of one: two words, or two CJK characters. */
function wholeName(text: string): boolean {
  const key = personNameKey(text);
  if (CJK.test(key)) return [...key].filter((c) => CJK.test(c)).length >= 2;
  return key.split(' ').filter(Boolean).length >= 2;
}

const PRONOUNS = new Set(['she', 'her', 'hers', 'he', 'him', 'his', 'they', 'them', 'theirs', 'ze', 'zir', 'xe', 'xem', 'any', 'all', 'pronouns',
  'elle', 'il', 'lui', 'iel', 'ella', 'el', 'él', 'elu', 'ele', 'dela', 'dele', 'ela']);
/**
 * Titles before a name. Words that are no one's name, with or without their period; those that
 * are also a name ("He" and "Hon" are Chinese family names, "Eng" and "Ing" given names, "Sr" a
 * "Senior"), only with the period that makes them titles, and "M." (Monsieur) never: it is as
 * often an initial ("M. Kumar Singh"), and dropped it made "He Wei Ming" and "M. Kumar Singh"
 * the members Wei Ming and Kumar Singh.
 */
const TITLE = /^(?:(?:(?:dr|dra|prof|profa|mr|mrs|ms|mx|mme|mlle|sra|srta|dott|dottssa|sir|madam)\.?|(?:sr|lic|ing|eng|hon)\.|h\.e\.?)\s+)+/i;
const DEVICE = /\b(?:iphone|ipad|ipod|android|galaxy|samsung|huawei|xiaomi|redmi|pixel|macbook|laptop|phone|tablet|t[ée]l[ée]phone|tel[ée]fono|celular|m[óo]vil|portable|port[áa]til)\b/i;

/** The words of a device's model name that are neither a brand nor a number ("iPhone 13 Pro Max", "Galaxy Note"). */
const MODEL = new Set(['pro', 'max', 'plus', 'ultra', 'mini', 'lite', 'note', 'se', 'fe', 'air', 'tab', 'fold', 'flip', 'edge', 'prime', 'neo', 'go', 'xl', 'xr', 'xs', 'book']);

/**
 * A hyphen or en dash with spaces before a single capitalised word that ends the name or its part:
 * a double surname written loosely ("Ama Owusu - Mensah" is Ama Owusu-Mensah), not an affiliation
 * ("Ama Owusu - ILO", "Ama Owusu - Ministry of Labour"): taken apart, it was the member Ama Owusu.
 */
const SPACED_HYPHEN = /\s+[-\u2013]\s+(?=(\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*)(?:\s+[-\u2013\u2014|@]\s+|\s*\||\s*$))/gu;

/** The spaced hyphen of a double surname joined; one before a country's name ("Ama Owusu - Ghana") kept, as an affiliation's. */
function joinDoubleSurname(name: string): string {
  return name.replace(SPACED_HYPHEN, (dash: string, word: string) => (countryOf(word) ? dash : '-'));
}

/**
 * The country a part of a display name names, by its name (a code alone, "(IT)", "ES", says too
 * little); null when none. Three letters are a code only in capitals ("(USA)", "- GHA"): written
 * as a name they are a short name ("Kenneth Mensah (Ken)", "Benjamin (Ben)", "Per", "Pol", "Can"),
 * which Kenya's, Benin's, Peru's, Poland's or Canada's code would have made another country's.
 */
export function countryOf(text: string): string | null {
  const t = text.trim();
  if (t.length <= 2 || (t.length === 3 && t !== t.toUpperCase())) return null;
  return resolveCountry(t)?.code ?? null;
}

/**
 * The name before a spaced hyphen read as a double surname's ("Ama Owusu" of "Ama Owusu - Accra",
 * "Jean-Pierre Dubois - Host"): a capitalised word after " - " may be a second surname, a city, a
 * role or a one-word organisation ("- Oxfam"), and nothing in the name tells which. Null when the
 * display name has none.
 */
export function nameBeforeLooseHyphen(display: string): string | null {
  const whole = spaced(display);
  const joined = joinDoubleSurname(whole);
  if (joined === whole) return null;
  const before = whole.split(AFFILIATION)[0]!.trim();
  return before && wholeName(before) ? before : null;
}

/**
 * A display name in NFKC with each run of spaces one space: the patterns below that allow spaces
 * around a bracket or a separator ("\s*[(", "\s+[-|@]\s+") tried each space of a long run in turn,
 * and "a", 100,000 spaces and "(" took 65 s.
 */
const spaced = (display: string) => display.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** The separators between a name and what a display name adds to it: " - ", " | ", " @ ". */
const AFFILIATION = /\s+[-\u2013\u2014|@]\s+|\s*\|\s*/;

/**
 * Latin letters and spaces, commas and hyphens within words: nothing in it to take apart. (One
 * way only to read each part: written "-[letters]+[letters, spaces]*" it tried every split of
 * each part before failing, and a 92-character name took 86 s.)
 */
const PLAIN = /^[\p{Script=Latin}\s,]*(?:-\p{Script=Latin}[\p{Script=Latin}\s,]*)*$/u;

/** Pronouns alone ("she/her", "elle", "they/them"): a label, not a name. */
function isPronouns(text: string): boolean {
  const words = text.toLowerCase().split(/[\s/,|]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => PRONOUNS.has(w));
}

/** "iPhone de Juan Pérez", "Juan Pérez's iPhone", "Galaxy S21 de Ana Sow": the owner's name, else null. */
function deviceOwner(text: string): string | null {
  if (!DEVICE.test(text)) return null;
  // "iPhone 13 Pro de Juan Pérez": the device and its model, then "de" and the owner. Only a
  // device's words before the particle: "iPhone Maria de Jesus Santos" is not Jesus Santos's.
  const of = /^\s*((?:[\p{L}\d-]+\s+){1,4}?)(?:de|of|von|di|da|do|du)\s+(.+)$/iu.exec(text);
  if (of && of[1]!.trim().split(/\s+/).every((w) => DEVICE.test(w) || /\d/.test(w) || MODEL.has(w.toLowerCase()))) return of[2]!.trim();
  // "… Pérez's iPhone 13": up to three words after a possessive, one of them a device (read word
  // by word: as one pattern, "(.+?)'s? (word ?){1,3}" tried every split and took 36 s on 5,000 characters)
  const words = text.trim().split(/\s+/);
  for (let tail = 1; tail <= 3 && tail < words.length; tail++) {
    const after = words.slice(words.length - tail);
    const possessive = /^(.*?)[\u2019']s?$/u.exec(words[words.length - tail - 1]!);
    if (possessive && after.every((w) => /^[\p{L}\d-]+$/u.test(w)) && after.some((w) => DEVICE.test(w))) {
      return [...words.slice(0, words.length - tail - 1), possessive[1]!].join(' ').trim() || null;
    }
  }
  return null;
}

/**
 * The names a display name may stand for: itself without pronouns, and each part of it that is a
 * whole name — the name before an affiliation (" - ", " | ", " @ "), without a title, in or out of
 * brackets, in each of its scripts, a device's owner.
 */
export function nameVariants(display: string): string[] {
  // (most names are just a name: checked in one test, a long report's rows are not slowed down)
  if (PLAIN.test(display) && !DEVICE.test(display) && !TITLE.test(display)) return display.trim() ? [display.trim()] : [];
  // pronouns in brackets or after a bar or dash: "Maria (she/her)", "Maria | elle"
  let whole = spaced(display)
    .replace(/\s*[([]([^()[\]]*)[)\]]/g, (all, inner: string) => (isPronouns(inner) ? '' : all))
    .trim();
  const segments = whole.split(AFFILIATION);
  if (segments.length > 1 && segments.slice(1).every(isPronouns)) whole = segments[0]!.trim();
  const parts: string[] = [];
  const bracket = /^(.*?)\s*[([]([^()[\]]+)[)\]]\s*$/.exec(whole);
  if (bracket) parts.push(bracket[1]!, bracket[2]!);
  // "Kenneth (Ken) Mensah": the name without the nickname between its words
  const unnicknamed = whole.replace(NICKNAME, ' ').replace(/\s+/g, ' ').trim();
  if (unnicknamed !== whole) parts.push(unnicknamed);
  for (const base of [whole, ...parts]) {
    const split = joinDoubleSurname(base).split(AFFILIATION);
    if (split.length > 1) parts.push(split[0]!);
  }
  for (const base of [whole, ...parts]) {
    const untitled = base.replace(TITLE, '');
    if (untitled !== base) parts.push(untitled);
  }
  const owner = deviceOwner(whole);
  if (owner) parts.push(owner);
  // "王小明 Xiaoming Wang": each script's part
  for (const base of [whole, ...parts]) {
    const latin = base.replace(/[^\p{Script=Latin}\s'’.-]/gu, ' ').replace(/\s+/g, ' ').trim();
    const other = base.replace(/[\p{Script=Latin}()[\]]/gu, ' ').replace(/\s+/g, ' ').trim();
    if (/\p{Script=Latin}/u.test(base) && /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(base)) parts.push(latin, other);
  }
  const out = new Set<string>(whole ? [whole] : []);
  for (const p of parts) if (p.trim() && wholeName(p)) out.add(p.trim());
  return [...out];
}

/**
 * A bracket between two words of a name, the place of a nickname ("Kenneth (Ken) Mensah", "Ama
 * (Chad) Owusu"): another name of the person, never where they are from.
 */
const NICKNAME = /(?<=[\p{L}\p{M}.'’])\s*[([][^()[\]]*[)\]]\s*(?=\p{L})/gu;
/**
 * Of those, the ones that are a nickname as a place could not be: one word, not in capitals. An
 * organisation between the words ("Maria (Org A) Lopez", "Ama (ILO) Owusu") is still what the
 * display name adds: dropped as a nickname, Maria Lopez of Org B was taken for it.
 */
const ONE_WORD_NICKNAME = /(?<=[\p{L}\p{M}.'’])\s*[([](?![\p{Lu}\p{M}]{2,}[)\]])[\p{L}\p{M}'’.-]+[)\]]\s*(?=\p{L})/gu;

/**
 * What a display name says beside the name: each part in brackets or after " - ", " | ", " @ "
 * ("Maria (Org A)", "Ama Owusu - Ghana"), pronouns left out. A double surname's second part
 * ("Ama Owusu - Mensah") is one too: it names no organisation or country, so it says nothing.
 * Names are no additions, though a country may be called so (Jordan, Chad, Georgia): a nickname
 * between the name's words ("Ama (Chad) Owusu"), a word of the name said again ("Jordan Smith
 * (Jordan)"), and a name written in brackets alone ("(Georgia)").
 */
export function nameAdditions(display: string): string[] {
  if (PLAIN.test(display) && !/\s[-\u2013]\s/.test(display)) return [];
  const out: string[] = [];
  const rest = spaced(display).replace(ONE_WORD_NICKNAME, ' ').replace(/[([]([^()[\]]*)[)\]]/g, (_all, inner: string, at: number, text: string) => {
    if (text.slice(0, at).trim() === '') return inner;
    out.push(inner);
    // (between the name's words, the words after it are the name's still: "Ama (ILO) Jordan")
    return /^\s*\p{L}/u.test(text.slice(at + _all.length)) ? ' ' : ' | ';
  });
  const [name, ...added] = rest.split(AFFILIATION);
  out.push(...added);
  const own = new Set(personNameKey(name!).split(' '));
  return out.map((part) => part.trim()).filter((part) => part !== '' && !isPronouns(part) && !own.has(personNameKey(part)));
}
