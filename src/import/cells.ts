/**
 * One cell's text as the import cleans and reads it: whitespace and control characters, an
 * email address, a score, a list of groups, the applicant's own categories. The same rules for
 * every file (normalise.ts applies them to a row).
 */
import { normaliseName } from '../geo/normalise.js';
import { taxonomy } from '../tagging/taxonomy.js';

const SPACE_RUN = /[\s\u00a0\u200b]+/g;
const NEEDS_CLEANING = /[\s\u00a0\u200b]{2}|[\t\n\r\u00a0\u200b\u0000-\u0008\u000b\u000c\u000e-\u001f]|^'[=+\-@]/;

/** The white space of \s beyond ASCII and the no-break space (which needsCleaning takes apart). */
function isUnicodeSpace(c: number): boolean {
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * What NEEDS_CLEANING tells, in one pass over the text (most cells need nothing, and the regular
 * expression's Unicode classes cost more than the loop): a control character, a no-break or
 * zero-width space, two spaces in a row, or an apostrophe before a formula sign.
 */
function needsCleaning(t: string): boolean {
  if (t.charCodeAt(0) === 39) return NEEDS_CLEANING.test(t);
  let prevSpace = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 32 || c === 0xa0 || c === 0x200b) return true;
    const space = c === 32 || (c >= 0x1680 && isUnicodeSpace(c));
    if (space && prevSpace) return true;
    prevSpace = space;
  }
  return false;
}
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Trimmed, inner whitespace collapsed, control characters dropped. A leading apostrophe before
 * = + - @ is the mark spreadsheets (and skillsnet's own exports) use to stop a formula: drop it.
 */
export function cleanText(value: string | undefined): string {
  if (value === undefined) return '';
  let t = value.trim();
  if (!t || !needsCleaning(t)) return t;
  t = t.replace(CONTROL, '').replace(SPACE_RUN, ' ').trim();
  return /^'[=+\-@]/.test(t) ? t.slice(1) : t;
}

/**
 * Like cleanText, but a description keeps its line breaks and its paragraphs: a blank line
 * between paragraphs stays one blank line (a paragraph break in Markdown, e.g. in Kumu), a
 * single line break stays a single line break; spaces inside a line are still collapsed.
 */
export function cleanParagraphs(value: string | undefined): string {
  if (value === undefined) return '';
  const t = value.trim();
  if (!t || !needsCleaning(t)) return t;
  const joined = normaliseParagraphs(t.replace(/\r\n?/g, '\n').replace(CONTROL, ''));
  return /^'[=+\-@]/.test(joined) ? joined.slice(1) : joined;
}

/** Lines trimmed and their inner whitespace collapsed; blank-line runs become one blank line. */
export function normaliseParagraphs(text: string): string {
  return text
    .split(/\n[^\S\n]*\n\s*/)
    .map((p) => p.split('\n').map((l) => l.replace(SPACE_RUN, ' ').trim()).filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}

const EMAIL = /^[^\s@<>()[\]\\,;:"']+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.[\p{L}]{2,}$/u;

/**
 * The email address of a cell, lower-cased: "mailto:", "Name <a@b.org>" and lists of several
 * addresses (the first valid one is taken) are understood. `valid` is false when a value is
 * there but is not an address.
 */
export function normaliseEmail(value: string): { email: string | null; valid: boolean } {
  const t = value.trim().toLowerCase();
  if (!t || NO_EMAIL.test(t)) return { email: null, valid: false };
  const simple = t.startsWith('mailto:') ? t.slice(7) : t;
  if (EMAIL.test(simple)) return { email: simple, valid: true };
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(t);
  if (angle && EMAIL.test(angle[1]!)) return { email: angle[1]!, valid: true };
  for (const part of t.split(/[\s,;/|]+/)) {
    const p = part.replace(/^mailto:/, '').replace(/^[<("']+|[>)"'.]+$/g, '');
    if (EMAIL.test(p)) return { email: p, valid: true };
  }
  return { email: t, valid: false };
}

/** What form tools and officers write for "no address" (Microsoft Forms: "anonymous"). */
const NO_EMAIL = /^(?:anonymous|anonyme|an[oó]nimo|n\/?a|none|-+|\u2014)$/;

/** What form tools write in the respondent's name column of an anonymous response. */
export const NO_NAME = /^(?:anonymous|anonyme|an[oó]nim[oa])$/i;

/** How many distinct email addresses a cell holds ("a@x.org; b@x.org" holds two). */
export function countEmails(value: string): number {
  if (value.indexOf('@') === value.lastIndexOf('@')) return value.includes('@') ? 1 : 0;
  const found = new Set<string>();
  for (const part of value.toLowerCase().split(/[\s,;/|<>()"']+/)) {
    const p = part.replace(/^mailto:/, '').replace(/\.+$/, '');
    if (EMAIL.test(p)) found.add(p);
  }
  return found.size;
}

/** "8,5", "8.5", " 7 ", "85 %", "8/10" -> a number; null when empty or not a number. */
export function parseScore(value: string): number | null | 'invalid' {
  let t = value.trim().replace(/[\s\u00a0]/g, '');
  if (!t) return null;
  const frac = /^([-+]?\d+(?:[.,]\d+)?)\/\d+(?:[.,]\d+)?$/.exec(t);
  if (frac) t = frac[1]!;
  t = t.replace(/%$/, '');
  if (/^[-+]?\d{1,3}(?:,\d{3})+\.\d+$/.test(t)) t = t.replace(/,/g, ''); // 1,234.5
  else if (/^[-+]?\d{1,3}(?:\.\d{3})+,\d+$/.test(t)) t = t.replace(/\./g, ''); // 1.234,5
  t = t.replace(',', '.');
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(t)) return 'invalid';
  const n = Number(t);
  return Number.isFinite(n) ? n : 'invalid';
}

/** "Youth; Women, Refugees" -> ["Youth", "Women", "Refugees"], without repeats. */
export function splitList(value: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of value.split(/[;,|\n\r•·]+|\s+\/\s+/)) {
    const p = cleanText(part).replace(/^[-*]\s+/, '');
    const key = p.toLowerCase();
    if (p && !seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

let categoryNames: Set<string> | undefined;

/** Every category name of both taxonomies in the three languages, normalised. */
function knownCategoryNames(): Set<string> {
  if (categoryNames) return categoryNames;
  const names = new Set<string>();
  const t = taxonomy();
  for (const c of t.revised) for (const n of [...Object.values(c.name), ...Object.values(c.short)]) names.add(normaliseName(n));
  for (const c of t.original) for (const n of Object.values(c.name)) names.add(normaliseName(n));
  for (const c of [...t.revised, ...t.original]) names.add(normaliseName(c.code));
  categoryNames = names;
  return names;
}

/**
 * The applicant's own category choice, kept as written but split into choices. Google Forms
 * joins ticked boxes with ", " while category names contain commas themselves ("Assessment,
 * certification and recognition of skills"), so comma pieces are re-joined into known names.
 */
export function splitCategories(value: string): string[] {
  const known = knownCategoryNames();
  const out: string[] = [];
  for (const part of value.split(/[;|\n\r]+/)) {
    const whole = cleanText(part);
    if (!whole) continue;
    if (known.has(normaliseName(whole)) || !whole.includes(',')) {
      out.push(whole);
      continue;
    }
    const pieces = whole.split(/\s*,\s*/).filter(Boolean);
    const found: string[] = [];
    let anyKnown = false;
    for (let i = 0; i < pieces.length; ) {
      let j = pieces.length;
      for (; j > i; j--) if (known.has(normaliseName(pieces.slice(i, j).join(', ')))) break;
      if (j > i) {
        anyKnown = true;
        found.push(pieces.slice(i, j).join(', '));
        i = j;
      } else {
        found.push(pieces[i]!);
        i++;
      }
    }
    if (anyKnown) out.push(...found);
    else out.push(whole);
  }
  return [...new Set(out)];
}
