/**
 * Writing one file's rows, prepared by prepare-row.ts: each matched to the application it
 * belongs to (identity.ts) and inserted, updated or counted unchanged, or rejected with its
 * reasons; the counts always add up (importer.ts has the accounting rules). Only database work
 * happens here, so a large file can be prepared on another thread while its rows are written.
 */
import { writtenValue as value, type ApplicationValues, type ClearedTags, type ImportStatements, type StoredApplication, type WrittenColumn } from '../db/imports.js';
import { isOtherApplication, sameTitleAndContact } from './identity.js';
import { WarningLog } from './normalise.js';
import type { PreparedRow } from './prepare-row.js';
import type { ImportLinker } from './organizations.js';

/** At most this many groups of rows that were one application are listed in a report. */
export const MAX_GROUPS_LISTED = 1000;

const ID_CLASH_WARNING =
  'an application ID that another application of this call already has, with another organisation and email: ' +
  'imported as applications of their own, identified by email and organisation (a later correction of such a row is matched by its ID with the same email or organisation)';

/** At most this many identity keys of a file written into an empty call are kept (RowWriter.freshKeys). */
const FRESH_KEYS_KEPT = 200_000;
/**
 * Applications whose cleared tags are held, in case a later row of the file brings their text
 * back (a resubmission imported again): rows that come back are few, and past this many (a file
 * that changes every text) the tags stay cleared and the report asks for tag auto, as it says.
 */
const CLEARED_TAGS_KEPT = 5_000;

const PRE_EXISTED = 1;
const CHANGED = 2;

/**
 * Writes one file's rows. Keeps, per application id touched by this file, how many of its rows
 * came before and whether it existed before the file (typed arrays: a million rows cost a few MB).
 */
export class RowWriter {
  readonly counts = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  /** what writing found (application IDs of another application); the preparer has its own */
  readonly warnings = new WarningLog();
  /** applications whose automatic tags this file deleted because their text changed */
  readonly retag = new Set<number>();
  retagWithOfficer = 0;
  /** Tags an update of this file cleared, by application: put back when a later row restores the text. */
  private readonly clearedTags = new Map<number, { cleared: ClearedTags; officer: boolean }>();
  /** application IDs (lower case) of this file that belong to another application already stored */
  private readonly clashingIds = new Set<string>();
  private seenCount = new Uint32Array(1024);
  private seenFlags = new Uint8Array(1024);
  /** the data row where this file first reached each application */
  private firstRow = new Uint32Array(1024);
  /** rows of this file that were one application, by application id (the first MAX_GROUPS_LISTED) */
  readonly sameApplication = new Map<number, { rows: number[]; by: string }>();
  /** rejected rows of earlier imports that rows of this file fixed (a rejects sheet re-imported) */
  readonly resolved: number[] = [];
  /** rejected rows of earlier imports that a rejects sheet carried but rejected again (its own row is listed now) */
  readonly rejectedAgain: number[] = [];
  /**
   * The identity keys this file wrote, when the call held no application before it: a key not
   * among them is stored nowhere, and is not looked up. Null otherwise, and for a file of more
   * than FRESH_KEYS_KEPT rows (millions of rows keep flat memory: each key is looked up).
   */
  private freshKeys: Set<string> | null;
  /**
   * With a column of response numbers: the identity key each application of this file is stored
   * under, by its email, organisation, title and contact name (the first FRESH_KEYS_KEPT).
   */
  private readonly responsesByContent = new Map<string, string>();
  /** Response numbers of this file routed to an earlier response's application, and that application's key. */
  private readonly responseAliases = new Map<string, string>();

  constructor(
    private readonly sql: ImportStatements,
    private readonly callId: number,
    private readonly batchId: number,
    private readonly sha256: string,
    /** Links each new application to its organisation and person before it is written, and an updated one again after (organizations.ts). */
    private readonly linker?: Pick<ImportLinker, 'place' | 'updated'>,
    /**
     * The application-ID column, named in a warning about an ID another application has;
     * `responses` when it numbers a form tool's responses rather than applications (headers.ts
     * isResponseNumberColumn): then a later response of this file with the same email,
     * organisation, title and contact name as an earlier one is that application sent again.
     */
    private readonly idColumn: { header: string; index: number; responses?: boolean } | null = null,
    /** About how many rows the file holds: past FRESH_KEYS_KEPT no key is kept, and none is dropped halfway (memory stays flat). */
    expectedRows = 0,
  ) {
    this.freshKeys = expectedRows <= FRESH_KEYS_KEPT && sql.callIsEmpty(callId) ? new Set() : null;
  }

  /** The application stored under this identity key, if any. */
  private find(key: string): StoredApplication | undefined {
    if (this.freshKeys && !this.freshKeys.has(key)) return undefined;
    return this.sql.find(this.callId, key);
  }

  private wrote(key: string): void {
    if (!this.freshKeys) return;
    if (this.freshKeys.size >= FRESH_KEYS_KEPT) this.freshKeys = null;
    else this.freshKeys.add(key);
  }

  /** Writes one prepared data row. */
  write(p: PreparedRow): void {
    const rowNumber = p.row;
    this.counts.rows++;
    if (p.ref !== null) (p.reasons === null ? this.resolved : this.rejectedAgain).push(p.ref);
    if (p.reasons !== null) {
      this.counts.rejected++;
      this.sql.reject(this.batchId, rowNumber, p.rawJson!, p.reasons);
      return;
    }
    const values = p.values!;
    // what identity compares, from the row's values (by column name: a column added to ApplicationValues shifts nothing)
    const text = (column: WrittenColumn) => value(values, column) as string | null;
    const a = { externalId: text('external_id'), organization: text('organization')!, contactName: text('contact_name'), email: text('email'), title: text('title'), description: text('description') };
    // a response number this file already met on a resubmission: the application that one went to
    let key = (this.idColumn?.responses && this.responseAliases.get(p.identityKey)) || p.identityKey;
    let stored = this.find(key);
    if (!stored && p.legacyKey !== null) {
      // stored by an earlier version under email and organisation only: the same application
      // when its title and contact name are this row's
      const legacy = this.find(p.legacyKey);
      if (legacy && sameTitleAndContact(legacy, a)) stored = legacy;
    }
    let clashed = false;
    if (stored && a.externalId) {
      // Another application under the same ID (two forms numbering their responses from 1):
      // identified by email and organisation instead, never written over the other one. Decided
      // against what other files wrote, once per ID and file (all its rows go the same way), so
      // that the same file imported again takes the same decisions: by the first row that
      // reaches the application, which then holds what it held before the file. A later row
      // finds it as this file left it (written, or put back as it was), which differs between a
      // first import and the next; an application an earlier row reached is no clash (that row
      // decided so, or its number's resubmission was routed there).
      const id = a.externalId.toLowerCase();
      const clash = this.clashingIds.has(id) || (!this.touched(stored.id) && stored.batch_sha256 !== this.sha256 && isOtherApplication(stored, a));
      if (clash) {
        clashed = true;
        this.clashingIds.add(id);
        this.warnings.add(ID_CLASH_WARNING, rowNumber, this.idColumn);
        key = p.contactKey;
        stored = this.find(key);
        // A corrected row of that other form (a new email, or the organisation spelled anew) is
        // still its application: the same ID with the same email or the same organisation, written
        // by an earlier import (two rows of one file are two responses, never a correction).
        // (and not one another row of this file reached: that row's own route decides it)
        stored ??= this.sql.findClashed(this.callId, a.externalId).find((s) => s.batch_id !== this.batchId && !this.touched(s.id) && !isOtherApplication(s, a));
      }
    }
    let resent = false;
    // (a row numbered by a form tool, under its own number: a resubmission may hide behind a new one)
    const byResponse = Boolean(a.externalId && this.idColumn?.responses) && !clashed;
    if (!stored && byResponse) {
      // A new response number for what an earlier response of this file sent (a resubmission
      // with a correction: form tools give every response its own number) is that application;
      // it stays stored under the key it has, so that importing the file again finds it there.
      const earlierKey = this.responsesByContent.get(p.contactKey);
      if (earlierKey !== undefined) {
        stored = this.find(earlierKey);
        if (stored) {
          key = earlierKey;
          resent = true;
          // the number's other rows in this file (a tool does not repeat one, an edited sheet may) go there too
          if (this.responseAliases.size < FRESH_KEYS_KEPT) this.responseAliases.set(p.identityKey, earlierKey);
        }
      }
    }
    if (byResponse && !this.responsesByContent.has(p.contactKey) && this.responsesByContent.size < FRESH_KEYS_KEPT) {
      this.responsesByContent.set(p.contactKey, key);
    }
    const hash = value(values, 'content_hash') as string;
    if (!stored) {
      const id = this.sql.insert(this.callId, key, values, this.linker?.place(values, p));
      this.wrote(key);
      this.mark(id, 1, CHANGED, rowNumber);
      this.counts.inserted++;
      return;
    }
    const id = stored.id;
    const earlier = id < this.seenCount.length ? this.seenCount[id]! : 0;
    if (earlier === 0) {
      if (stored.content_hash === hash) {
        this.mark(id, 1, PRE_EXISTED, rowNumber);
        this.counts.unchanged++;
      } else {
        this.update(id, key, a, values);
        this.mark(id, 1, PRE_EXISTED | CHANGED, rowNumber);
        this.counts.updated++;
      }
      return;
    }
    this.noteRepeat(id, rowNumber, resent ? 'the same email, organisation, title and contact name under a new response number'
      : a.externalId ? 'the same application ID' : 'the same email, organisation, title and contact name');
    // Another row for an application this file already had.
    const flags = this.seenFlags[id]!;
    if (!(flags & PRE_EXISTED)) {
      // new in this file: one insert, then updates
      if (stored.content_hash !== hash) this.update(id, key, a, values);
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
        // and the categories the first row's text cleared: the text they were computed from is back
        const cleared = this.clearedTags.get(id);
        if (cleared) {
          this.sql.restoreTags(cleared.cleared);
          this.clearedTags.delete(id);
          this.retag.delete(id);
          if (cleared.officer) this.retagWithOfficer--;
        }
        this.linker?.updated(id);
        this.counts.updated -= earlier;
        this.counts.unchanged += earlier + 1;
      } else this.counts.unchanged++;
      this.mark(id, earlier + 1, PRE_EXISTED);
    } else {
      if (stored.content_hash !== hash) this.update(id, key, a, values);
      if (changed) this.counts.updated++;
      else {
        this.counts.unchanged -= earlier;
        this.counts.updated += earlier + 1;
      }
      this.mark(id, earlier + 1, PRE_EXISTED | CHANGED);
    }
  }

  private update(id: number, key: string, a: { title: string | null; description: string | null }, values: ApplicationValues): void {
    const beneficiaries = value(values, 'beneficiaries_json') as string;
    const selfCategories = value(values, 'self_categories_json') as string;
    const cleared = this.sql.clearStaleTags(id, a.title, a.description, beneficiaries, selfCategories);
    if (cleared && !this.retag.has(id)) {
      this.retag.add(id);
      const officer = this.sql.hasOfficerTags(id);
      if (officer) this.retagWithOfficer++;
      // kept until the file ends: a later row of it may bring the stored text back (below)
      if (this.clearedTags.size < CLEARED_TAGS_KEPT) this.clearedTags.set(id, { cleared, officer });
    }
    this.sql.update(id, key, values, this.batchId);
    this.wrote(key);
    this.linker?.updated(id);
  }

  /** A later row of this file for an application an earlier row reached: the report names both. */
  private noteRepeat(id: number, row: number, by: string): void {
    const group = this.sameApplication.get(id);
    if (group) group.rows.push(row);
    else if (this.sameApplication.size < MAX_GROUPS_LISTED) this.sameApplication.set(id, { rows: [this.firstRow[id]!, row], by });
  }

  /** Whether an earlier row of this file already reached the application. */
  private touched(id: number): boolean {
    return id < this.seenCount.length && this.seenCount[id]! > 0;
  }

  private mark(id: number, count: number, flags: number, firstRow?: number): void {
    if (id >= this.seenCount.length) {
      let size = this.seenCount.length;
      while (size <= id) size *= 2;
      const c = new Uint32Array(size);
      c.set(this.seenCount);
      const f = new Uint8Array(size);
      f.set(this.seenFlags);
      const r = new Uint32Array(size);
      r.set(this.firstRow);
      this.seenCount = c;
      this.seenFlags = f;
      this.firstRow = r;
    }
    this.seenCount[id] = count;
    this.seenFlags[id] = flags;
    if (firstRow !== undefined) this.firstRow[id] = firstRow;
  }
}
