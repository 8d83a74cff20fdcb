/**
 * Writing one file's rows: each row normalised, matched to the application it belongs to
 * (identity.ts) and inserted, updated or counted unchanged, or rejected with its reasons; the
 * counts always add up (importer.ts has the accounting rules).
 */
import type { ApplicationValues, ImportStatements } from '../db/imports.js';
import { contactKey, contentHash, identityKey, isOtherApplication } from './identity.js';
import type { Layout } from './layout.js';
import { RowNormaliser, type NormalisedApplication } from './normalise.js';

/** Bump when normalisation changes what a row becomes, so a re-import rewrites the rows. */
const NORMALISATION_VERSION = 'n5'; // n3: organisation types and beneficiaries in the shared vocabulary; n4: "anonymous" is no contact name; n5: more vocabulary

const ID_CLASH_WARNING =
  'an application ID that another application of this call already has, with another organisation and email: ' +
  'imported as applications of their own, identified by email and organisation (a later correction of such a row is matched by its ID with the same email or organisation)';

const PRE_EXISTED = 1;
const CHANGED = 2;

/**
 * Writes one file's rows. Keeps, per application id touched by this file, how many of its rows
 * came before and whether it existed before the file (typed arrays: a million rows cost a few MB).
 */
export class RowWriter {
  readonly counts = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  readonly normaliser: RowNormaliser;
  /** applications whose automatic tags this file deleted because their text changed */
  readonly retag = new Set<number>();
  retagWithOfficer = 0;
  /** application IDs (lower case) of this file that belong to another application already stored */
  private readonly clashingIds = new Set<string>();
  private seenCount = new Uint32Array(1024);
  private seenFlags = new Uint8Array(1024);
  private toSkip: number;
  private readonly headerKeys: string[];
  /** Changes when the mapping (or the way rows are normalised) changes: the same row then maps to other fields. */
  private readonly hashSeed: string;

  constructor(
    private readonly sql: ImportStatements,
    private readonly callId: number,
    private readonly batchId: number,
    private readonly layout: Layout,
    private readonly sha256: string,
    /** Told of every application this file inserts or updates, while its page is still in the cache (organisation linking). */
    private readonly onWritten?: (id: number) => void,
  ) {
    this.normaliser = new RowNormaliser(layout.mapping, layout.headers);
    this.toSkip = layout.skip;
    this.headerKeys = layout.headers.map((h) => JSON.stringify(h) + ':');
    this.hashSeed = `${NORMALISATION_VERSION}${JSON.stringify(layout.mapping)}\u0001`;
  }

  row(cells: string[]): void {
    if (this.toSkip > 0) {
      // header rows (and the title lines above them) were read by readLayout
      if (cells.every((c) => !c.trim())) return;
      this.toSkip--;
      return;
    }
    if (isBlank(cells)) return;
    const rowNumber = ++this.counts.rows;
    const rawJson = this.rawJson(cells);
    if (rawJson.includes('\uFFFD')) {
      this.normaliser.warnings.add('bytes that could not be decoded, replaced by "\uFFFD" (check them in the file)', rowNumber);
    }
    const { application: a, reasons } = this.normaliser.normalise(cells, rowNumber);
    if (reasons.length) {
      this.counts.rejected++;
      this.sql.reject(this.batchId, rowNumber, rawJson, JSON.stringify(reasons));
      return;
    }
    let key = identityKey(a);
    let stored = this.sql.find(this.callId, key);
    if (stored && a.externalId) {
      // Another application under the same ID (two forms numbering their responses from 1):
      // identified by email and organisation instead, never written over the other one. Decided
      // against what other files wrote, once per ID and file (all its rows go the same way), so
      // that the same file imported again takes the same decisions.
      const id = a.externalId.toLowerCase();
      const clash = this.clashingIds.has(id) || (stored.batch_sha256 !== this.sha256 && isOtherApplication(stored, a));
      if (clash) {
        this.clashingIds.add(id);
        const idColumn = this.layout.mapping.externalId?.[0];
        this.normaliser.warnings.add(ID_CLASH_WARNING, rowNumber, idColumn === undefined ? null : { header: this.layout.headers[idColumn] ?? '', index: idColumn });
        key = contactKey(a);
        stored = this.sql.find(this.callId, key);
        // A corrected row of that other form (a new email, or the organisation spelled anew) is
        // still its application: the same ID with the same email or the same organisation, written
        // by an earlier import (two rows of one file are two responses, never a correction).
        // (and not one another row of this file reached: that row's own route decides it)
        stored ??= this.sql.findClashed(this.callId, a.externalId).find((s) => s.batch_id !== this.batchId && !this.touched(s.id) && !isOtherApplication(s, a));
      }
    }
    const beneficiaries = JSON.stringify(a.beneficiaries);
    const selfCategories = JSON.stringify(a.selfCategories);
    // The fields follow from the raw row, the mapping (in hashSeed) and the resolver tables, so
    // the raw row plus what the tables decided identifies the content without hashing it twice.
    const hash = contentHash(`${this.hashSeed}${rawJson}\u0001${a.country ?? ''}\u0001${a.region ?? ''}\u0001${a.language ?? ''}`);
    const values: ApplicationValues = [
      a.externalId, a.organization, a.organizationType, a.contactName, a.givenName, a.familyName, a.email, a.phone, a.website, a.countryRaw,
      a.country, a.region, a.language, a.title, a.description, beneficiaries, selfCategories, a.score, a.submittedAt,
      rawJson, hash, this.batchId, rowNumber,
    ];
    if (!stored) {
      const id = this.sql.insert(this.callId, key, values);
      this.onWritten?.(id);
      this.mark(id, 1, CHANGED);
      this.counts.inserted++;
      return;
    }
    const id = stored.id;
    const earlier = id < this.seenCount.length ? this.seenCount[id]! : 0;
    if (earlier === 0) {
      if (stored.content_hash === hash) {
        this.mark(id, 1, PRE_EXISTED);
        this.counts.unchanged++;
      } else {
        this.update(id, a, values);
        this.mark(id, 1, PRE_EXISTED | CHANGED);
        this.counts.updated++;
      }
      return;
    }
    // Another row for an application this file already had.
    const flags = this.seenFlags[id]!;
    if (!(flags & PRE_EXISTED)) {
      // new in this file: one insert, then updates
      if (stored.content_hash !== hash) this.update(id, a, values);
      this.counts.updated++;
      this.mark(id, earlier + 1, flags);
      return;
    }
    const changed = (flags & CHANGED) !== 0;
    const before = changed ? this.sql.hashBeforeBatch(id, this.batchId) : stored.content_hash;
    if (hash === before) {
      if (changed) {
        // back to what was stored before this file: undo this file's changes to it
        this.sql.restoreBeforeBatch(id, this.batchId);
        this.counts.updated -= earlier;
        this.counts.unchanged += earlier + 1;
      } else this.counts.unchanged++;
      this.mark(id, earlier + 1, PRE_EXISTED);
    } else {
      if (stored.content_hash !== hash) this.update(id, a, values);
      if (changed) this.counts.updated++;
      else {
        this.counts.unchanged -= earlier;
        this.counts.updated += earlier + 1;
      }
      this.mark(id, earlier + 1, PRE_EXISTED | CHANGED);
    }
  }

  private update(id: number, a: NormalisedApplication, values: ApplicationValues): void {
    // (named, not values[i]: a column added to ApplicationValues must not shift what is compared)
    if (this.sql.clearStaleTags(id, a.title, a.description, JSON.stringify(a.beneficiaries), JSON.stringify(a.selfCategories)) && !this.retag.has(id)) {
      this.retag.add(id);
      if (this.sql.hasOfficerTags(id)) this.retagWithOfficer++;
    }
    this.sql.update(id, values, this.batchId);
    this.onWritten?.(id);
  }

  /** Whether an earlier row of this file already reached the application. */
  private touched(id: number): boolean {
    return id < this.seenCount.length && this.seenCount[id]! > 0;
  }

  private mark(id: number, count: number, flags: number): void {
    if (id >= this.seenCount.length) {
      let size = this.seenCount.length;
      while (size <= id) size *= 2;
      const c = new Uint32Array(size);
      c.set(this.seenCount);
      const f = new Uint8Array(size);
      f.set(this.seenFlags);
      this.seenCount = c;
      this.seenFlags = f;
    }
    this.seenCount[id] = count;
    this.seenFlags[id] = flags;
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
      if (v === '') continue;
      out += (first ? '' : ',') + (keys[i] ?? JSON.stringify(`column ${i + 1}`) + ':') + JSON.stringify(v);
      first = false;
    }
    return out + '}';
  }
}

function isBlank(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i]!.trim() !== '') return false;
  return true;
}
