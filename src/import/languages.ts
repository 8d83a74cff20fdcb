/**
 * An officer's correction of an application's two languages: the language its text is written
 * in (what tagging reads) and the applicant's preferred working language (breakout groups,
 * invitations, mail merges). The `edit` command calls this; so may any script. A corrected
 * language is the officer's: importing the application again keeps it.
 */
import type { DB } from '../db/connection.js';
import { applicationLanguages, writeApplicationLanguages } from '../db/applications.js';
import { OperationError, UsageError } from '../errors.js';
import { resolveLanguage } from '../geo/languages.js';

export interface LanguageChange {
  /** the language of the text: an ISO 639-1 code or a language name ("fr", "French", "Français"); null clears it */
  language?: string | null;
  /** the preferred working language, the same way */
  workingLanguage?: string | null;
}

export interface LanguageChangeResult {
  id: number;
  language: string | null;
  workingLanguage: string | null;
  /** the fields whose value changed */
  changed: ('language' | 'workingLanguage')[];
  /** the language of the text changed and the application's automatic categories were removed: tag it again (skillsnet tag auto) */
  needsTagging: boolean;
}

function code(value: string | null | undefined, what: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  const resolved = resolveLanguage(value);
  if (!resolved) throw new UsageError(`"${value}" is not a language (for the ${what})`, { hint: 'give an ISO 639-1 code such as en, fr or es, or a name such as French or español' });
  return resolved;
}

/** Sets the language of an application's text and/or its preferred working language. */
export function setApplicationLanguage(db: DB, id: number, change: LanguageChange): LanguageChangeResult {
  const language = code(change.language, 'language of the application');
  const workingLanguage = code(change.workingLanguage, 'preferred working language');
  const before = applicationLanguages(db, id);
  if (!before) throw new OperationError(`no application with ID ${id}`, { hint: 'find IDs with skillsnet list (the ID column)' });
  const changed: LanguageChangeResult['changed'] = [];
  const write: LanguageChange = {};
  if (language !== undefined && (language !== before.language || before.languageSource !== 'officer')) {
    write.language = language;
    if (language !== before.language) changed.push('language');
  }
  if (workingLanguage !== undefined && (workingLanguage !== before.workingLanguage || before.workingLanguageSource !== 'officer')) {
    write.workingLanguage = workingLanguage;
    if (workingLanguage !== before.workingLanguage) changed.push('workingLanguage');
  }
  // the language of the text decides how tagging reads it: computed tags go when it changed
  const retag = Object.keys(write).length ? writeApplicationLanguages(db, id, write, { dropComputedTags: changed.includes('language') }) : false;
  return {
    id,
    language: language !== undefined ? language : before.language,
    workingLanguage: workingLanguage !== undefined ? workingLanguage : before.workingLanguage,
    changed,
    needsTagging: retag,
  };
}
