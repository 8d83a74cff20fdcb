/**
 * The tool's own words in the member's working language (data/event-texts.json): salutations
 * and the event's date and time as the member's clock shows it. Dates and times are formatted by
 * Intl for the language's locale, in the member's zone; the text is English for a member whose
 * working language has no entry.
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

/** The language the tool writes to a member in: their working language when it has texts, else the fallback. */
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

/**
 * "Thursday 19 November 2020, 07:00–09:00 (Central Time, GMT-06:00)" in the member's language
 * and zone; both dates are written when the event ends on another day there.
 */
export function dateText(language: string, start: Date, end: Date, zone: string): string {
  const t = languageTexts(language);
  const range = new Intl.DateTimeFormat(t.locale, { timeZone: zone, dateStyle: 'full', timeStyle: 'short', hourCycle: 'h23' }).formatRange(start, end);
  const part = (style: 'longGeneric' | 'longOffset') =>
    new Intl.DateTimeFormat(t.locale, { timeZone: zone, timeZoneName: style }).formatToParts(start).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return t.dateText.replace('{range}', range).replace('{zoneName}', part('longGeneric')).replace('{offset}', part('longOffset'));
}
