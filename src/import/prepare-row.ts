/**
 * Preparing one file's rows for writing: header rows skipped, blank rows left out, each data
 * row numbered, kept whole as JSON, normalised (normalise.ts), hashed, and given the keys it is
 * looked up by (identity.ts) and compared with (duplicates.ts). No database work: a large file's
 * rows can be prepared on another thread (row-worker.ts) while row-writer.ts writes them.
 */
import type { ApplicationValues } from '../db/imports.js';
import { DUPLICATE_KEYS_VERSION, duplicateKeys } from './duplicates.js';
import type { DateOrder } from './dates.js';
import { contactKey, contentHash, identityKey, legacyContactKey, normalisedNames } from './identity.js';
import type { Layout } from './layout.js';
import { RowNormaliser, type NormaliseOptions } from './normalise.js';
import { SKILLSNET_COLUMNS, parseRejectRef } from './rejects.js';
import { isSecretHeader } from './secrets.js';
import { webDomain } from '../organization-keys.js';

/** Bump when normalisation changes what a row becomes, so a re-import rewrites the rows. */
const NORMALISATION_VERSION = 'n6'; // n3: organisation types and beneficiaries in the shared vocabulary; n4: "anonymous" is no contact name; n5: more vocabulary; n6: dates in ISO 8601, working language, identity by title and contact

/**
 * One data row, ready to be written: flat, so that passing it between threads costs little.
 * `values` are the columns of the application as the database stores them (db/imports.ts
 * ApplicationValues), the batch and the content hash included.
 */
export interface PreparedRow {
  /** the data row number (1 = the first row under the header) */
  row: number;
  /**
   * header -> value, the whole source row, of a rejected row (null for one that can be imported:
   * its values hold it, and a row passed between threads carries it once)
   */
  rawJson: string | null;
  /** why it cannot be imported, as JSON; null when it can */
  reasons: string | null;
  /** null for a rejected row */
  values: ApplicationValues | null;
  identityKey: string;
  /** the identity by email, organisation, title and contact (used when an application ID clashes) */
  contactKey: string;
  /** without an application ID: the identity an older skillsnet gave (email and organisation) */
  legacyKey: string | null;
  /** the rejected row a rejects sheet's row stands for */
  ref: number | null;
  /**
   * What matching its organisation reads (organizations.ts), computed here so that the writing
   * thread need not: the organisation's name normalised (normaliseName) and the website's domain
   * (webDomain). '' and null for a rejected row.
   */
  nameKey: string;
  webDomain: string | null;
}

/** What preparing a file found, for its report (and the dates' second look). */
export interface PreparedSummary {
  warnings: string[];
  dates: { dayFirst: number; monthFirst: number; parsed: number; unreadable: number };
  ambiguousWritten: DateOrder[];
  dateOrder: DateOrder;
}

/** What a preparer needs of the layout (all of it can be sent to another thread). */
export type PrepareLayout = Pick<Layout, 'skip' | 'headers' | 'mapping' | 'dateOrderHint'>;

export class RowPreparer {
  readonly normaliser: RowNormaliser;
  private rows = 0;
  private toSkip: number;
  private readonly headerKeys: string[];
  private readonly refColumn: number;
  /** The columns of secrets (a password, a PIN): left out of the source row, each filled cell reported. */
  private readonly secretColumns: number[];
  /** Changes when the mapping (or the way rows are normalised) changes: the same row then maps to other fields. */
  private readonly hashSeed: string;

  /** Whether a "\uFFFD" in a row is a byte the decoding replaced (false: the file holds that character itself, in valid UTF-8). */
  private readonly replacedBytes: boolean;

  constructor(private readonly layout: PrepareLayout, private readonly batchId: number, options: NormaliseOptions & { rejectRefColumn?: number; replacedBytes?: boolean } = {}) {
    this.replacedBytes = options.replacedBytes ?? true;
    this.normaliser = new RowNormaliser(layout.mapping, { dateOrder: layout.dateOrderHint, headers: layout.headers, ...options });
    this.refColumn = options.rejectRefColumn ?? -1;
    this.toSkip = layout.skip;
    // skillsnet's own columns of a rejects sheet (the reason, the reference) are no part of the source row
    this.headerKeys = layout.headers.map((h) => (SKILLSNET_COLUMNS.has(h) ? '' : JSON.stringify(h) + ':'));
    // a password or PIN is no part of the application, and kept in the source row it would sit in
    // the database and in `show ID --raw`: its cells are left out (secrets.ts)
    this.secretColumns = layout.headers.flatMap((h, i) => (isSecretHeader(h) ? [i] : []));
    for (const i of this.secretColumns) this.headerKeys[i] = '';
    // (a digest of what the seed says, so each row's hash reads a few bytes of it, not hundreds)
    this.hashSeed = `${contentHash(`${NORMALISATION_VERSION}${JSON.stringify(layout.mapping)}`)}\u0001`;
  }

  /** Whether the next row given is still a header row (or a title line above them). */
  get inHeaderRows(): boolean {
    return this.toSkip > 0;
  }

  /** The row ready to be written, or null for a header row, a title line or a blank row. */
  prepare(cells: string[]): PreparedRow | null {
    if (this.toSkip > 0) {
      // header rows (and the title lines above them) were read by readLayout
      if (cells.every((c) => !c.trim())) return null;
      this.toSkip--;
      return null;
    }
    if (isBlank(cells)) return null;
    const row = ++this.rows;
    const rawJson = this.rawJson(cells);
    for (const i of this.secretColumns) {
      if (cells[i]?.trim()) this.normaliser.warnings.add('a password or PIN: not kept (left out of the source row, the rest of the row imported)', row, { header: this.layout.headers[i] ?? '', index: i });
    }
    if (this.replacedBytes && rawJson.includes('\uFFFD')) {
      this.normaliser.warnings.add('bytes that could not be decoded, replaced by "\uFFFD" (check them in the file)', row);
    }
    const { application: a, reasons } = this.normaliser.normalise(cells, row);
    const ref = this.refColumn >= 0 ? parseRejectRef(cells[this.refColumn]) : null;
    if (reasons.length) {
      return { row, rawJson, reasons: JSON.stringify(reasons), values: null, identityKey: '', contactKey: '', legacyKey: null, ref, nameKey: '', webDomain: null };
    }
    const names = normalisedNames(a);
    // The fields follow from the raw row, the mapping (in hashSeed) and the resolver tables, so
    // the raw row plus what the tables decided identifies the content without hashing it twice.
    const hash = contentHash(`${this.hashSeed}${rawJson}\u0001${a.country ?? ''}\u0001${a.region ?? ''}\u0001${a.language ?? ''}\u0001${a.workingLanguage ?? ''}`);
    const dup = duplicateKeys(a, names);
    const values: ApplicationValues = [
      a.externalId, a.organization, a.organizationType, a.contactName, a.givenName, a.familyName, a.email, a.phone, a.website, a.countryRaw,
      a.country, a.region, a.language, a.title, a.description, JSON.stringify(a.beneficiaries), JSON.stringify(a.selfCategories), a.score, a.submittedAt,
      rawJson, hash, this.batchId, row,
      a.workingLanguage, a.submittedAtRaw, a.languageSource, a.workingLanguage ? 'column' : null,
      DUPLICATE_KEYS_VERSION, dup[0] ?? null, dup[1] ?? null, dup[2] ?? null,
    ];
    return {
      row,
      rawJson: null,
      reasons: null,
      values,
      identityKey: identityKey(a, names),
      contactKey: contactKey(a, names),
      legacyKey: a.externalId ? null : legacyContactKey(a, names),
      ref,
      nameKey: names.organization,
      webDomain: webDomain(a.website),
    };
  }

  /** What preparing the file found. */
  summary(): PreparedSummary {
    const n = this.normaliser;
    return {
      warnings: n.warnings.lines(),
      dates: { dayFirst: n.dates.dayFirst, monthFirst: n.dates.monthFirst, parsed: n.dates.parsed, unreadable: n.dates.unreadable },
      ambiguousWritten: [...n.ambiguousWritten],
      dateOrder: n.dateOrder,
    };
  }

  /**
   * header -> value in the file's column order, empty cells left out (the batch keeps the full
   * header list); cells beyond the header row get "column N".
   */
  private rawJson(cells: string[]): string {
    let out = '{';
    const keys = this.headerKeys;
    let first = true;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i]!;
      if (v === '' || keys[i] === '') continue;
      out += (first ? '' : ',') + (keys[i] ?? JSON.stringify(`column ${i + 1}`) + ':') + (JSON_ESCAPES.test(v) ? JSON.stringify(v) : `"${v}"`);
      first = false;
    }
    return out + '}';
  }
}

/**
 * Characters JSON.stringify writes escaped (quotes, backslashes, controls): cells without them
 * are quoted as they are. (It escapes lone surrogates too, which decoded text never holds: the
 * decoders write U+FFFD for bytes they cannot read.)
 */
const JSON_ESCAPES = /["\\\u0000-\u001f]/;

function isBlank(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i]!.trim() !== '') return false;
  return true;
}
