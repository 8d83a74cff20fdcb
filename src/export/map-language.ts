import { MAP_LANGUAGES, type MapLanguage } from './map-types.js';

/** The map page's language; kept apart from map.ts so that reading --lang loads no graph library. */

export function isMapLanguage(value: string): value is MapLanguage {
  return (MAP_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The officer's language from the locale (LC_ALL, then LC_MESSAGES, then LANG, as POSIX ranks
 * them): "fr_CH.UTF-8" gives fr. Without any of them, the system's (Windows sets none of the
 * three, and a map written on a French Windows in Dakar was in English): the locale Node's ICU
 * took from it, "fr-SN". A locale in another language ("frr_DE", North Frisian), C or none gives
 * English.
 */
export function mapLanguageFromEnv(env: NodeJS.ProcessEnv, systemLocale = windowsLocale()): MapLanguage {
  const set = ['LC_ALL', 'LC_MESSAGES', 'LANG'].map((name) => env[name]?.trim()).find(Boolean);
  // The language subtag whole: the first two letters of "frr_DE" (North Frisian) or "esu" are no French or Spanish.
  const code = /^([a-z]{2,3})(?![a-z])/i.exec(set ?? systemLocale)?.[1]?.toLowerCase() ?? '';
  return isMapLanguage(code) ? code : 'en';
}

/**
 * Windows' own locale, as Node's ICU took it from the system ("fr-SN"); "und" elsewhere. On Linux
 * and macOS ICU takes it from LC_ALL, LC_MESSAGES and LANG themselves, so it adds nothing to them
 * but where the environment read is not the process's own (a test's), whose locale then leaked
 * in: a map asked for with none of them set was French on a French developer's machine.
 */
export function windowsLocale(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? Intl.DateTimeFormat().resolvedOptions().locale : 'und';
}
