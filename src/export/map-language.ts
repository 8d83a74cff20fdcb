import { MAP_LANGUAGES, type MapLanguage } from './map-types.js';

/** The map page's language; kept apart from map.ts so that reading --lang loads no graph library. */

export function isMapLanguage(value: string): value is MapLanguage {
  return (MAP_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The officer's language from the locale (LC_ALL, then LC_MESSAGES, then LANG, as POSIX ranks
 * them): "fr_CH.UTF-8" gives fr. A locale in another language, C or none gives English.
 */
export function mapLanguageFromEnv(env: NodeJS.ProcessEnv): MapLanguage {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name]?.trim();
    if (!value) continue;
    const code = value.slice(0, 2).toLowerCase();
    return isMapLanguage(code) ? code : 'en';
  }
  return 'en';
}
