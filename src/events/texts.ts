/**
 * The tool's own words in the member's working language (data/event-texts.json): salutations
 * (geo/greetings.ts, shared with the contact lists) and the event's date and time as the
 * member's clock shows it. Dates and times are formatted by Intl for the language's locale, in
 * the member's zone; the text is English for a member whose working language has no entry.
 */
import { languageTexts } from '../geo/greetings.js';
import { dateTimeFormat } from './timezones.js';

// Re-exported so that the events library keeps its whole vocabulary in one place.
export { languageTexts, salutation, textLanguage, type LanguageTexts } from '../geo/greetings.js';

/**
 * "Thursday 19 November 2020, 07:00–09:00 (Central Time, GMT-06:00)" in the member's language
 * and zone; both dates are written when the event ends on another day there.
 */
export function dateText(language: string, start: Date, end: Date, zone: string): string {
  const t = languageTexts(language);
  const range = dateTimeFormat(t.locale, { timeZone: zone, dateStyle: 'full', timeStyle: 'short', hourCycle: 'h23' }).formatRange(start, end);
  const part = (style: 'longGeneric' | 'longOffset') =>
    dateTimeFormat(t.locale, { timeZone: zone, timeZoneName: style }).formatToParts(start).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return t.dateText.replace('{range}', range).replace('{zoneName}', part('longGeneric')).replace('{offset}', part('longOffset'));
}
