/**
 * One source row -> the fields of an application, cleaned the same way every time: whitespace
 * trimmed and collapsed, emails lower-cased and checked, countries resolved to ISO codes and ILO
 * regions, languages from a column or detected, scores with a decimal comma or point,
 * beneficiaries split into a list, phone numbers kept as text. Resolutions are cached per
 * distinct raw value: a call has thousands of rows but only a hundred or so countries.
 */
import { isNoCountry, resolveCountry } from '../geo/countries.js';
import { detectLanguage, resolveLanguage } from '../geo/languages.js';
import type { ApplicationFields, Region } from '../model.js';
import { NO_NAME, cleanParagraphs, cleanText, countEmails, normaliseEmail, parseScore, splitCategories, splitList } from './cells.js';
import { DateOrderEvidence, isoDate, parseSubmissionDate, type DateOrder } from './dates.js';
import { isOtherBox, MULTI_VALUE_FIELDS, type ColumnMapping, type Field } from './headers.js';
import { canonicalTerm } from './vocabulary.js';
import { isTotalLine, totalLineShape, type TotalLineShape } from './network-vocabulary.js';
import { WarningLog } from './warnings.js';
import { foldText } from './header-words.js';

export { WarningLog } from './warnings.js';
export { cleanParagraphs, cleanText, countEmails, normaliseEmail, normaliseParagraphs, parseScore, splitCategories, splitList } from './cells.js';

/** Where an application's language came from. */
export type LanguageSource = 'column' | 'detected' | 'officer';

/** The reason a row of totals is rejected: it is no application, and its fix is to delete it. */
export const TOTALS_LINE = 'a line of totals, not an application (delete it from the file, then import the file again)';

/** The fields an import produces for one application: the model's ApplicationFields, the contact's name parts, and how two fields were read. */
export type NormalisedApplication = ApplicationFields & {
  /** the contact's given and family names when the form asked for them apart (split columns) */
  givenName: string | null;
  familyName: string | null;
  /** the submission date as written (submittedAt holds it in ISO 8601 when it could be read) */
  submittedAtRaw: string | null;
  languageSource: LanguageSource | null;
};

/** How a file's rows are read besides their column mapping. */
export interface NormaliseOptions {
  /** how ambiguous numeric dates are read until a date of the file settles it */
  dateOrder?: DateOrder;
  /** the languages detection chooses among first (the call's); others still recognised when clear */
  languages?: readonly string[];
  /** the file's column headers, to name a column in warnings */
  headers?: readonly string[];
  /** the workbook counts dates from 1904 (a submission date held as its bare serial number) */
  date1904?: boolean;
}

export interface NormalisedRow {
  application: NormalisedApplication;
  /** why the row cannot be imported (empty when it can) */
  reasons: string[];
}

/** A country cell that says no country ("N/A", "-"), as the country cache keeps it. */
const NO_COUNTRY = { code: '', region: null };

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
  /** what the dates read so far say about day-first or month-first */
  readonly dates = new DateOrderEvidence();
  /** how ambiguous dates were written so far (to correct them once the column settles it) */
  readonly ambiguousWritten = new Set<DateOrder>();
  private readonly dateHint: DateOrder;
  private readonly detectAmong: readonly string[] | undefined;
  private readonly date1904: boolean;

  private readonly headers: readonly string[];
  private readonly totalShape: TotalLineShape;

  constructor(mapping: ColumnMapping, options: NormaliseOptions = {}) {
    this.headers = options.headers ?? [];
    this.cols = mapping;
    // (a rejected row's reason only: where in the file it stands is not known here, so any place will do)
    this.totalShape = { ...totalLineShape(mapping), last: true };
    this.hasLanguageColumn = Boolean(mapping.language?.length);
    this.dateHint = options.dateOrder ?? null;
    this.detectAmong = options.languages;
    this.date1904 = options.date1904 ?? false;
  }

  /** How numeric dates of this file are read now: what its dates showed, else the hint. */
  get dateOrder(): DateOrder {
    return this.dates.order(this.dateHint);
  }

  /** The submission date in ISO 8601 (with the text as written), or the text when it is no date. */
  private submittedAt(cells: readonly string[], rejected: boolean): { iso: string | null; raw: string | null } {
    const raw = this.text(cells, 'submittedAt');
    if (!raw) return { iso: null, raw: null };
    const parts = parseSubmissionDate(raw, this.date1904);
    // (a rejected row keeps nothing: its "Total" or note in the date column is no date "kept as written")
    if (parts || !rejected) this.dates.add(parts);
    if (!parts) return { iso: raw, raw };
    const order = this.dateOrder;
    if (parts.ambiguous) {
      if (this.dates.mixed) return { iso: raw, raw };
      this.ambiguousWritten.add(order);
    }
    return { iso: isoDate(parts, order), raw };
  }

  /** The preferred working language: a language column's value as an ISO code. */
  private workingLanguage(cells: readonly string[], row: number | undefined, rejected: boolean): string | null {
    const raw = cleanText(this.raw(cells, 'workingLanguage'));
    if (!raw) return null;
    let code = this.languages.get(raw);
    if (code === undefined) {
      code = resolveLanguage(raw);
      if (this.languages.size < 50_000) this.languages.set(raw, code);
    }
    if (!code && !rejected) this.warnings.add('not a language skillsnet knows (the preferred working language was left empty)', row, this.columnOf(cells, 'workingLanguage'));
    return code;
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
    if (field === 'lastName' && cols.every((c, i) => i === 0 || c === cols[i - 1]! + 1)) {
      // Both family names side by side ("Apellido paterno", "Apellido materno"): the family name is both.
      return [...new Set(cols.map((c) => (cells[c] ?? '').trim()).filter(Boolean))].join(' ');
    }
    if (MULTI_VALUE_FIELDS.has(field)) {
      const parts: string[] = [];
      for (const c of cols) {
        const v = cells[c];
        if (v && v.trim()) parts.push(v);
      }
      return parts.join('; ');
    }
    let other = '';
    for (const c of cols) {
      const v = cells[c];
      if (!v || !v.trim()) continue;
      // a choice answered "Other": its "please specify" box (a later column) says what (matchHeaders)
      if (!other && v.length <= 60 && isOtherBox(v)) {
        other = v;
        continue;
      }
      return v;
    }
    return other;
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
    return t ? this.term('organizationTypes', t) : null;
  }

  /** The same few types and groups recur on every row: each distinct one is looked up once. */
  private readonly terms = new Map<string, string>();
  private term(kind: 'organizationTypes' | 'beneficiaries', value: string): string {
    const key = kind === 'beneficiaries' ? `b${value}` : `o${value}`;
    let found = this.terms.get(key);
    if (found === undefined) {
      found = canonicalTerm(kind, value);
      if (this.terms.size < 20_000) this.terms.set(key, found);
    }
    return found;
  }

  /** Beneficiary groups split into a list, each in the shared English vocabulary, without repeats. */
  private beneficiaries(raw: string): string[] {
    return [...new Set(splitList(raw).map((b) => this.term('beneficiaries', b)))];
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
    let givenName = this.text(cells, 'firstName');
    let familyName = this.text(cells, 'lastName');
    if (!contactName) {
      const name = [givenName, familyName].filter(Boolean).join(' ');
      contactName = name || null;
    } else if (familyName && !givenName && !containsName(contactName, familyName)) {
      // "Nombre(s) de la persona de contacto" + "Apellido(s)": the name column holds the given
      // names only when the family name is not in it; the contact is both ("Mariam Al-Masri").
      givenName = contactName;
      contactName = `${contactName} ${familyName}`;
    } else if (givenName && !familyName && !containsName(contactName, givenName)) {
      // "Prénom" + a name column without the given name: the name column is the family name.
      familyName = contactName;
      contactName = `${givenName} ${contactName}`;
    }

    let countryRaw = this.text(cells, 'country');
    let country: string | null = null;
    let region: Region | null = null;
    let match = countryRaw ? this.countries.get(countryRaw) : undefined;
    if (countryRaw && match === undefined) {
      // "N/A", "-", "none": no country given
      if (isNoCountry(countryRaw)) match = NO_COUNTRY;
      else {
        const m = resolveCountry(countryRaw);
        match = m ? { code: m.code, region: m.region } : null;
      }
      if (this.countries.size < 50_000) this.countries.set(countryRaw, match);
    }
    if (match === NO_COUNTRY) countryRaw = null;
    if (countryRaw) {
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
    let languageSource: LanguageSource | null = null;
    if (this.hasLanguageColumn) {
      const rawLanguage = cleanText(this.raw(cells, 'language'));
      if (rawLanguage) {
        language = this.languages.get(rawLanguage) ?? null;
        if (!this.languages.has(rawLanguage)) {
          language = resolveLanguage(rawLanguage);
          if (this.languages.size < 50_000) this.languages.set(rawLanguage, language);
        }
        if (!language && reasons.length === 0) this.warnings.add('not a language skillsnet knows (the language was detected from the text instead)', row, this.columnOf(cells, 'language'));
        if (language) languageSource = 'column';
      }
    }
    if (!language && reasons.length === 0 && (title || description)) {
      language = detectLanguage(`${title ?? ''}\n${description ?? ''}`, this.detectAmong);
      if (language) languageSource = 'detected';
    }
    const submitted = this.submittedAt(cells, reasons.length > 0);

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
    // a hand-made sheet's "Total" row under the applications: rejected for what it is, so the
    // rejects sheet does not ask for an email to be typed into it
    if (reasons.length > 0 && isTotalLine(cells, this.totalShape)) reasons.splice(0, reasons.length, TOTALS_LINE);
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
        submittedAt: submitted.iso,
        submittedAtRaw: submitted.raw,
        workingLanguage: this.cols.workingLanguage ? this.workingLanguage(cells, row, reasons.length > 0) : null,
        languageSource,
      },
    };
  }
}

/** Whether a name holds another's words (case and accents aside): "Mariam Al-Masri" holds "al masri". */
function containsName(whole: string, part: string): boolean {
  const words = (t: string) => foldText(t).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const have = new Set(words(whole));
  const want = words(part);
  return want.length > 0 && want.every((w) => have.has(w));
}
