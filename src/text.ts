/**
 * Text normalisation shared by every layer: what an officer or an applicant may vary (case,
 * accents, curly quotes, punctuation, spacing) must not matter when names are compared. The
 * country and language resolvers (geo/) and the organisation identity (db/organizations.ts,
 * import/organizations.ts) compare through it; it lives in the base layer so the database
 * layer can key organisations by it too.
 */

/** Lower case, no accents, apostrophes and dots dropped, other punctuation as spaces. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßœæ]/g, (c) => ({ ß: 'ss', œ: 'oe', æ: 'ae' })[c] ?? c)
    .replace(/&/g, ' and ')
    // "d'Ivoire", "U.S.A.", "St. Lucia": the mark joins, it does not separate words
    .replace(/['\u2018\u2019\u02bc\u00b4`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
