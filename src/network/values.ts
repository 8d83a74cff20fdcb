/**
 * A country, a language or an email address as an officer types it into a command (`edit --set`,
 * `member add`): checked the same way everywhere, a usage error (exit 2) that says what to give
 * instead. Imports are lenient instead (a row keeps the text and says why in its problems): a
 * spreadsheet of two hundred rows should not fail for one unknown country.
 */
import { UsageError } from '../errors.js';
import { resolveCountry } from '../geo/countries.js';
import { resolveLanguage } from '../geo/languages.js';
import { normaliseEmail } from '../import/normalise.js';
import { timeZoneHint, timeZoneName } from '../events/timezones.js';

/** ISO 3166-1 alpha-2 of a country name or code; null for an empty value. */
export function countryValue(v: string, flag = 'the country'): string | null {
  if (!v.trim()) return null;
  const m = resolveCountry(v);
  if (!m) throw new UsageError(`${flag}: "${v.trim()}" is not a country skillsnet knows`, { hint: 'give an ISO 3166-1 code (MX, FRA) or a country name in English, French or Spanish (Mexico, Mexique, México)' });
  return m.code;
}

/** ISO 639-1 of a language name or code; null for an empty value. */
export function languageValue(v: string, flag = 'the language'): string | null {
  if (!v.trim()) return null;
  const code = resolveLanguage(v);
  if (!code) throw new UsageError(`${flag}: "${v.trim()}" is not a language skillsnet knows`, { hint: 'use an ISO 639-1 code such as en, fr or es, or a name such as French or español' });
  return code;
}

/** An IANA zone of a place, spelled as the platform spells it; abbreviations (CET) are refused with the reason. Null for an empty value. */
export function timeZoneValue(v: string, flag = 'the time zone'): string | null {
  if (!v.trim()) return null;
  const zone = timeZoneName(v);
  if (!zone) throw new UsageError(`${flag}: "${v.trim()}" is not a time zone`, { hint: timeZoneHint(v) });
  return zone;
}

/** The address in lower case; null for an empty value. The value is not repeated in the error: it is personal data. */
export function emailValue(v: string, flag = 'the email'): string | null {
  if (!v.trim()) return null;
  const { email, valid } = normaliseEmail(v);
  if (!valid || !email) throw new UsageError(`${flag}: that is not a complete email address`, { hint: 'give an address such as name@example.org, or leave it out' });
  return email;
}
