/**
 * A person's name as contact lists need it: given and family names apart, for a mail merge
 * ("Dear Andrés") and for address books (Outlook's First/Last, vCard's N). Split columns from the
 * form win. A single "Name" field is split only where that is safe: "Family, Given" with a comma,
 * a family name in capitals ("DIALLO Amina"), two words, and Spanish and Portuguese names whose
 * parts the lexicon (data/name-parts.json) tells apart — compound given names ("José Luis",
 * "María de los Ángeles") and double family names ("García Márquez") stay together. A name from a
 * country that writes the family name first ("Nguyen Thi Lan") is split only by a comma or capitals. Where
 * readings disagree ("Andrés Martín García": Martín is both), the split is left empty and the
 * whole name is the display name: a guess that reads "Dear Andrés Martín" is worse than none.
 *
 * Here in geo/ (beside greetings.ts) so that the contacts export and the events' invitation
 * sheet split a name the same way; export/names.ts re-exports it.
 */
import { loadDataFile } from '../data/load.js';
import { validateNameParts } from '../data/validate/name-parts.js';
import { foldText } from '../text.js';

/** A name split: given and family names (both empty when no split is safe) and a title ("Dr."). */
export interface NameParts {
  given: string;
  family: string;
  prefix: string;
}

/** What may tell how a name is written: the person's language and country. */
export interface NameContext {
  /** ISO 639-1 (working language, else the application's). */
  language?: string | null;
  /** ISO 3166-1 alpha-2. */
  country?: string | null;
}

interface NamePartsFile {
  givenNames: string[];
  surnames: string[];
  surnameEndings: string[];
  particles: string[];
  givenNameTails: string[];
  iberianCountries: string[];
  iberianLanguages: string[];
  familyNameFirstCountries?: string[];
}

interface Lexicon {
  given: Set<string>;
  surnames: Set<string>;
  endings: string[];
  particles: Set<string>;
  tails: Set<string>;
  countries: Set<string>;
  languages: Set<string>;
  familyFirst: Set<string>;
}

let cached: Lexicon | undefined;

/** Lower case without accents: "José" and "JOSE" are the same word (as the database's fold()). */
const fold = foldText;

function lexicon(): Lexicon {
  if (!cached) {
    const data = loadDataFile<NamePartsFile>('name-parts.json', validateNameParts);
    const set = (list: string[]) => new Set(list.map(fold));
    cached = {
      given: set(data.givenNames), surnames: set(data.surnames), endings: data.surnameEndings.map(fold), particles: set(data.particles),
      tails: set(data.givenNameTails), countries: new Set(data.iberianCountries), languages: new Set(data.iberianLanguages),
      familyFirst: new Set(data.familyNameFirstCountries ?? []),
    };
  }
  return cached;
}

const TITLE = /^(dr|prof|mr|mrs|ms|mme|m|sr|sra|srta|dra)\.?$/i;
/** What may follow a name after a comma without being a given name: "Ana Ruiz, PhD", "John Smith, Jr." */
const NAME_SUFFIX = /^(jr|sr|ii|iii|iv|phd|ph\.?\s?d|md|mba|msc|ma|ba|bsc|esq|dr|prof)\.?$/i;

/**
 * Splits a name written in one field into given and family names ("Ana María Ruiz" -> Ana María /
 * Ruiz). Empty given and family names mean no split is safe: show the whole name instead.
 */
export function splitName(name: string | null, context: NameContext = {}): NameParts {
  let text = (name ?? '').trim().replace(/\s+/g, ' ');
  // "Family, Given", as registration forms and staff lists write it: the comma says which is which.
  const comma = text.indexOf(',');
  if (comma >= 0) {
    const before = text.slice(0, comma).trim();
    const after = text.slice(comma + 1).trim();
    if (NAME_SUFFIX.test(after) || !after) text = before;
    else if (before && !after.includes(',')) {
      const given = after.split(' ');
      const prefix = given.length > 1 && TITLE.test(given[0]) ? given.shift()! : '';
      return { given: given.join(' '), family: before, prefix };
    }
  }
  const parts = text.split(' ').filter(Boolean);
  let prefix = '';
  if (parts.length > 1 && TITLE.test(parts[0])) prefix = parts.shift()!;
  if (parts.length === 0) return { given: '', family: '', prefix };
  if (parts.length === 1) return { given: parts[0], family: '', prefix };
  // "DIALLO Amina", "Jean-Pierre DE LA FONTAINE": a family name in capitals beside a given name
  // that is not, first or last, as francophone forms write it.
  const caps = parts.map((p) => /\p{Lu}/u.test(p) && p === p.toUpperCase() && /\p{L}{2}/u.test(p));
  if (caps.some((c) => !c)) {
    const lead = caps.findIndex((c) => !c);
    if (lead > 0 && caps.slice(lead).every((c) => !c)) return { given: parts.slice(lead).join(' '), family: parts.slice(0, lead).join(' '), prefix };
    const tail = caps.lastIndexOf(false) + 1;
    if (tail < parts.length && caps.slice(0, tail).every((c) => !c)) return { given: parts.slice(0, tail).join(' '), family: parts.slice(tail).join(' '), prefix };
  }
  const units = nameUnits(parts);
  if (units.length === 1) return { given: units[0].text, family: '', prefix };
  const lex = lexicon();
  // Viet Nam, China, Korea, Japan, Hungary...: "Nguyen Thi Lan" is family name first, "Lan
  // Nguyen" the same person abroad. Without a comma or capitals to say which, no split is safe.
  if (context.country != null && lex.familyFirst.has(context.country)) return { given: '', family: '', prefix };
  const iberian = (context.language != null && lex.languages.has(context.language)) || (context.country != null && lex.countries.has(context.country)) ||
    units.some((u) => u.listed);
  if (!iberian) {
    // Given names first, the family name last (particles stay with it: "Jean de la Fontaine").
    return { given: units.slice(0, -1).map((u) => u.text).join(' '), family: units[units.length - 1].text, prefix };
  }
  // Every place the name could be cut where no known given name falls among the family names and
  // no known family name among the given names; one such place is a safe split, several are not.
  const cuts: number[] = [];
  for (let p = 1; p < units.length; p++) {
    const givenSide = units.slice(0, p);
    const familySide = units.slice(p);
    if (givenSide.some((u) => u.surname && !u.given) || familySide.some((u) => u.given && !u.surname)) continue;
    cuts.push(p);
  }
  if (cuts.length !== 1) {
    // Only given names ("María José"): no family name to tell.
    if (units.every((u) => u.given && !u.surname)) return { given: units.map((u) => u.text).join(' '), family: '', prefix };
    return { given: '', family: '', prefix };
  }
  const p = cuts[0];
  return { given: units.slice(0, p).map((u) => u.text).join(' '), family: units.slice(p).map((u) => u.text).join(' '), prefix };
}

/** A part of a name: one word, or particles with the word they lead ("de los Ángeles", "da Silva"). */
interface NameUnit {
  text: string;
  particle: boolean;
  /** A known given name (or a given-name tail after one: "del Carmen"). */
  given: boolean;
  /** A known family name, a patronymic ending (-ez), or particles leading a family name. */
  surname: boolean;
  /** A family name of the lexicon (what marks a name as Spanish or Portuguese). */
  listed: boolean;
}

function nameUnits(parts: string[]): NameUnit[] {
  const lex = lexicon();
  const units: NameUnit[] = [];
  let lead: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i];
    // A particle joins the next word, never the last word of the name nor the first.
    if (i > 0 && i < parts.length - 1 && lex.particles.has(fold(word))) {
      lead.push(word);
      continue;
    }
    const folded = fold(word);
    const pieces = folded.split('-');
    const known = (set: Set<string>) => set.has(folded) || (pieces.length > 1 && pieces.every((x) => set.has(x)));
    const patronymic = pieces.some((x) => x.length > 3 && lex.endings.some((e) => x.endsWith(e)));
    if (lead.length) {
      const afterGiven = units.length > 0 && units[units.length - 1].given;
      const tail = afterGiven && lex.tails.has(folded);
      units.push({ text: [...lead, word].join(' '), particle: true, given: tail, surname: !tail, listed: false });
      lead = [];
    } else {
      const listed = known(lex.surnames) || pieces.some((x) => lex.surnames.has(x));
      units.push({ text: word, particle: false, given: known(lex.given), surname: listed || patronymic, listed });
    }
  }
  return units;
}

/** A person's name as given: split columns from the form, and the name as written in one field. */
export interface PersonName {
  givenName: string | null;
  familyName: string | null;
  fullName: string | null;
}

/** The name as contacts show it: the display name, and the split (empty when not safe). */
export interface ContactName extends NameParts {
  /** The whole name as the person wrote it (or given and family names joined). */
  display: string;
}

/**
 * Given and family names for a contact: split columns win (one of them alone takes the rest of
 * the full name when it begins or ends it); else the full name split where that is safe.
 */
export function contactName(name: PersonName, context: NameContext = {}): ContactName {
  const given = name.givenName?.trim() ?? '';
  const family = name.familyName?.trim() ?? '';
  const full = name.fullName?.trim().replace(/\s+/g, ' ') ?? '';
  const display = full || [given, family].filter(Boolean).join(' ');
  if (given && family) return { display, given, family, prefix: '' };
  if (given || family) {
    const lower = full.toLowerCase();
    if (given && lower.startsWith(given.toLowerCase() + ' ')) return { display, given, family: full.slice(given.length).trim(), prefix: '' };
    if (family && lower.endsWith(' ' + family.toLowerCase())) return { display, given: full.slice(0, full.length - family.length).trim(), family, prefix: '' };
    return { display, given, family, prefix: '' };
  }
  return { display, ...splitName(full || null, context) };
}
