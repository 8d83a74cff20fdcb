/**
 * The tool's own words to a person in their working language (data/event-texts.json): the
 * salutation of an invitation sheet or a mail merge ("Dear Ana", "Bonjour Ana", "Hola, Ana"),
 * and the locale dates are written in. English (the file's fallback) for a language it lacks.
 * Beside the languages (languages.ts): the contact lists (export) and the invitations (events)
 * both greet from here.
 */
import { loadDataFile } from '../data/load.js';
import { validateEventTexts } from '../data/validate/event-texts.js';

export interface LanguageTexts {
  locale: string;
  salutation: string;
  salutationNoName: string;
  dateText: string;
}

interface TextsFile {
  fallback: string;
  languages: Record<string, LanguageTexts>;
}

let cached: TextsFile | undefined;

function texts(): TextsFile {
  cached ??= loadDataFile<TextsFile>('event-texts.json', validateEventTexts);
  return cached;
}

/** The language the tool writes to a person in: their working language when it has texts, else the fallback. */
export function textLanguage(workingLanguage: string | null | undefined): string {
  const t = texts();
  const code = (workingLanguage ?? '').trim().toLowerCase();
  return t.languages[code] ? code : t.fallback;
}

export function languageTexts(language: string): LanguageTexts {
  const t = texts();
  return t.languages[language] ?? t.languages[t.fallback]!;
}

/** "Dear Ana" / "Bonjour Ana" / "Hola, Ana": no guess at gender, so no Estimado/Estimada. */
export function salutation(language: string, name: string | null | undefined): string {
  const t = languageTexts(language);
  const given = (name ?? '').trim();
  return given ? t.salutation.replace('{given}', given) : t.salutationNoName;
}
