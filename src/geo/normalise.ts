/**
 * Text normalisation shared by the country and language resolvers: what an officer or an
 * applicant may vary (case, accents, curly quotes, punctuation, spacing) must not matter.
 * (It lives in src/text.ts, in the base layer, so that the database layer can use it too.)
 */
export { normaliseName } from '../text.js';
