/**
 * One source row -> the fields of an application, cleaned the same way every time: whitespace
 * trimmed and collapsed, emails lower-cased and checked, countries resolved to ISO codes and ILO
 * regions, languages from a column or detected, scores with a decimal comma or point,
 * beneficiaries split into a list, phone numbers kept as text. Resolutions are cached per
 * distinct raw value: a call has thousands of rows but only a hundred or so countries.
 */
import { isNoCountry, resolveCountry } from '../geo/countries.js';
import { detectLanguage, resolveLanguage } from '../geo/languages.js';
import { normaliseName } from '../geo/normalise.js';
import { taxonomy } from '../tagging/taxonomy.js';
import type { ApplicationFields, Region } from '../model.js';
import { describeCell } from '../reporting.js';
import { canonicalTerm } from './vocabulary.js';
import { MULTI_VALUE_FIELDS, type ColumnMapping, type Field } from './headers.js';

/**
 * The fields an import produces for one application: the model's ApplicationFields, and the
 * contact's given and family names when the form asked for them apart (split columns).
 */
export type NormalisedApplication = ApplicationFields & { givenName: string | null; familyName: string | null };

export interface NormalisedRow {
  application: NormalisedApplication;
  /** why the row cannot be imported (empty when it can) */
  reasons: string[];
}

/**
 * Warnings gathered over a file: counted per kind of problem and column, with the first data
 * row numbers. A cell's content is never repeated (it may be a name, an address or a phone
 * number in the wrong column): the row and column lead the officer to it.
 */
export class WarningLog {
  private readonly kinds = new Map<string, { problem: string; column: string | null; columnIndex?: number; rows: number; lines: number[] }>();
  /** A problem met in data row `row` (1 = the first row under the header), in the column with this header if one is to blame. */
  add(problem: string, row?: number, column?: { header: string; index: number } | null): void {
    const key = `${problem}\u0000${column?.index ?? ''}`;
    let k = this.kinds.get(key);
    if (!k) this.kinds.set(key, (k = { problem, column: column?.header ?? null, columnIndex: column?.index, rows: 0, lines: [] }));
    k.rows++;
    if (row !== undefined && k.lines.length < 10) k.lines.push(row);
  }
  get size(): number {
    return this.kinds.size;
  }
  /** One line per kind: `3 data rows (4, 9, 12), column “Country”: not a country skillsnet knows (…)`. */
  lines(): string[] {
    return [...this.kinds.values()].map((k) =>
      describeCell({ rows: k.lines, total: k.rows, rowLabel: 'data row', column: k.column, columnIndex: k.columnIndex }, k.problem));
  }
}

const SPACE_RUN = /[\s\u00a0\u200b]+/g;
const NEEDS_CLEANING = /[\s\u00a0\u200b]{2}|[\t\n\r\u00a0\u200b\u0000-\u0008\u000b\u000c\u000e-\u001f]|^'[=+\-@]/;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Trimmed, inner whitespace collapsed, control characters dropped. A leading apostrophe before
 * = + - @ is the mark spreadsheets (and skillsnet's own exports) use to stop a formula: drop it.
 */
export function cleanText(value: string | undefined): string {
  if (value === undefined) return '';
  let t = value.trim();
  if (!t || !NEEDS_CLEANING.test(t)) return t;
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
  if (!t || !NEEDS_CLEANING.test(t)) return t;
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
const NO_NAME = /^(?:anonymous|anonyme|an[oó]nim[oa])$/i;

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

/**
 * Turns rows into applications for one file's column mapping. Keeps per-file caches of
 * country and language resolution (keyed by the raw text) and the warnings it met.
 */
export class RowNormaliser {
  readonly warnings = new WarningLog();
  private readonly countries = new Map<string, { code: string; region: Region | null } | null>();
  private readonly languages = new Map<string, string | null>();
  /** the same few category answers recur on every row: split each distinct one once */
  private readonly categories = new Map<string, string[]>();
  private readonly cols: Partial<Record<Field, number[]>>;
  private readonly hasLanguageColumn: boolean;

  /** `headers`: the file's column headers, to name a column in warnings. */
  constructor(mapping: ColumnMapping, private readonly headers: readonly string[] = []) {
    this.cols = mapping;
    this.hasLanguageColumn = Boolean(mapping.language?.length);
  }

  /** The column a field's value came from in this row (its first non-empty one), for a warning. */
  private columnOf(cells: readonly string[], field: Field): { header: string; index: number } | null {
    const cols = this.cols[field] ?? [];
    const index = cols.find((c) => (cells[c] ?? '').trim()) ?? cols[0];
    return index === undefined ? null : { header: this.headers[index] ?? '', index };
  }

  /** The first non-empty value of a field's columns (or all of them joined, for list fields). */
  private raw(cells: readonly string[], field: Field): string {
    const cols = this.cols[field];
    if (!cols) return '';
    if (cols.length === 1) return cells[cols[0]!] ?? '';
    if (MULTI_VALUE_FIELDS.has(field)) {
      const parts: string[] = [];
      for (const c of cols) {
        const v = cells[c];
        if (v && v.trim()) parts.push(v);
      }
      return parts.join('; ');
    }
    for (const c of cols) {
      const v = cells[c];
      if (v && v.trim()) return v;
    }
    return '';
  }

  private text(cells: readonly string[], field: Field): string | null {
    return cleanText(this.raw(cells, field)) || null;
  }

  private splitCategories(raw: string): string[] {
    let list = this.categories.get(raw);
    if (!list) {
      list = splitCategories(raw);
      if (this.categories.size < 10_000) this.categories.set(raw, list);
    }
    return list.slice();
  }

  /** The organisation type in the shared English vocabulary (unknown types as written). */
  private organizationType(cells: readonly string[]): string | null {
    const t = this.text(cells, 'organizationType');
    return t ? canonicalTerm('organizationTypes', t) : null;
  }

  /** Beneficiary groups split into a list, each in the shared English vocabulary, without repeats. */
  private beneficiaries(raw: string): string[] {
    return [...new Set(splitList(raw).map((b) => canonicalTerm('beneficiaries', b)))];
  }

  /**
   * The email of a row: the first column (best first) holding a valid address; else what the
   * first non-empty one holds, to say why it is not an address.
   */
  private email(cells: readonly string[], row: number | undefined, reasons: string[]): string | null {
    let invalid: string | null = null;
    for (const c of this.cols.email ?? []) {
      const cell = cells[c] ?? '';
      const { email, valid } = normaliseEmail(cell);
      if (valid) {
        if (countEmails(cell) > 1) {
          this.warnings.add('several email addresses in one cell: the first is the contact email, all are kept in the source row (skillsnet show ID --raw)', row, { header: this.headers[c] ?? '', index: c });
        }
        return email;
      }
      if (email && invalid === null) invalid = email;
    }
    reasons.push(invalid === null ? 'missing email' : 'invalid email');
    return invalid;
  }

  /** `row`: the data row number (1 = the first row under the header), for warnings. */
  normalise(cells: readonly string[], row?: number): NormalisedRow {
    const reasons: string[] = [];
    const organization = cleanText(this.raw(cells, 'organization'));
    if (!organization) reasons.push('missing organisation');

    const email = this.email(cells, row, reasons);

    let contactName = this.text(cells, 'contactName');
    if (contactName && NO_NAME.test(contactName)) contactName = null; // Microsoft Forms' "anonymous"
    // First and last name columns say which part of the name is which: kept apart as given.
    const givenName = this.text(cells, 'firstName');
    const familyName = this.text(cells, 'lastName');
    if (!contactName) {
      const name = [givenName, familyName].filter(Boolean).join(' ');
      contactName = name || null;
    }

    let countryRaw = this.text(cells, 'country');
    if (countryRaw && isNoCountry(countryRaw)) countryRaw = null; // "N/A", "-", "none": no country given
    let country: string | null = null;
    let region: Region | null = null;
    if (countryRaw) {
      let match = this.countries.get(countryRaw);
      if (match === undefined) {
        const m = resolveCountry(countryRaw);
        match = m ? { code: m.code, region: m.region } : null;
        if (this.countries.size < 50_000) this.countries.set(countryRaw, match);
      }
      if (match) {
        country = match.code;
        region = match.region;
      } else if (reasons.length === 0) {
        this.warnings.add('not a country skillsnet knows (kept as written, without a country code or region)', row, this.columnOf(cells, 'country'));
      }
    }

    const title = this.text(cells, 'title');
    const description = cleanParagraphs(this.raw(cells, 'description')) || null;
    let language: string | null = null;
    if (this.hasLanguageColumn) {
      const rawLanguage = cleanText(this.raw(cells, 'language'));
      if (rawLanguage) {
        language = this.languages.get(rawLanguage) ?? null;
        if (!this.languages.has(rawLanguage)) {
          language = resolveLanguage(rawLanguage);
          if (this.languages.size < 50_000) this.languages.set(rawLanguage, language);
        }
        if (!language && reasons.length === 0) this.warnings.add('not a language skillsnet knows (the language was detected from the text instead)', row, this.columnOf(cells, 'language'));
      }
    }
    if (!language && reasons.length === 0 && (title || description)) {
      language = detectLanguage(`${title ?? ''}\n${(description ?? '').slice(0, 600)}`);
    }

    let score: number | null = null;
    const rawScore = this.raw(cells, 'score');
    if (rawScore) {
      const s = parseScore(rawScore);
      if (s === 'invalid') {
        if (reasons.length === 0) this.warnings.add('not a number (the score was left empty)', row, this.columnOf(cells, 'score'));
      } else score = s;
    }

    const beneficiariesRaw = this.raw(cells, 'beneficiaries');
    const categoriesRaw = this.raw(cells, 'selfCategories');
    return {
      reasons,
      application: {
        externalId: this.text(cells, 'externalId'),
        organization,
        organizationType: this.organizationType(cells),
        contactName,
        givenName,
        familyName,
        email,
        phone: this.text(cells, 'phone'),
        website: this.text(cells, 'website'),
        countryRaw,
        country,
        region,
        language,
        title,
        description,
        beneficiaries: beneficiariesRaw ? this.beneficiaries(beneficiariesRaw) : [],
        selfCategories: categoriesRaw ? this.splitCategories(categoriesRaw) : [],
        score,
        submittedAt: this.text(cells, 'submittedAt'),
      },
    };
  }
}
