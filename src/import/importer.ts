/**
 * The import of application files into a call. Every data row ends as inserted, updated,
 * unchanged or rejected, and the counts always add up. One transaction per file: an error or
 * Ctrl-C leaves the database as it was before that file.
 *
 * Accounting when a file holds several rows for one application: the last row wins. On a first
 * import that is one `inserted` and the earlier rows `updated` (their versions are kept); when
 * the application's final state equals what was stored before the file, every one of its rows is
 * `unchanged` and nothing is written, so importing the same file again changes nothing.
 */
import path from 'node:path';
import { beginWrite, commit, rollback, type DB } from '../db/connection.js';
import { callNames, ensureCall } from '../db/applications.js';
import { createBatch, finishBatch, prepareImport, previousImportOf, type ApplicationValues, type ImportStatements } from '../db/imports.js';
import { InterruptedError, OperationError, UsageError } from '../errors.js';
import type { Callbacks } from '../reporting.js';
import { scanFile, parseEncodingOption, parseDelimiterOption, type FileScan } from './detect.js';
import { openTable, type TableSource } from './readers.js';
import { headerLikeness, matchHeaders, type ColumnMapping, type Field } from './headers.js';
import { findHeaderRow } from './header-row.js';
import { chooseSheet, otherSheetsHint } from './sheets.js';
import {
  applyMappingFile, mappingByHeader, missingColumnsError, missingRequired, readMappingFile, type MappingFile,
} from './mapping.js';
import { RowNormaliser, type NormalisedApplication } from './normalise.js';
import { contactKey, contentHash, identityKey, isOtherApplication } from './identity.js';
import { likelyDuplicates, type LikelyDuplicate } from './duplicates.js';

export interface ImportOptions {
  /** Call name; default: the database's only call, or "default" in a new database. */
  call?: string;
  /** Path of a --map JSON file. */
  mapFile?: string;
  /** A mapping given directly (library use); wins over mapFile. */
  mapping?: MappingFile;
  /** Delimiter character (or "tab"); detected when absent. */
  delimiter?: string;
  /** Encoding name; detected when absent. */
  encoding?: string;
  /** Do everything, report, then roll back. */
  dryRun?: boolean;
  /** The sheet of a workbook to import, by name or number from 1 (CSV files ignore it); chosen when absent. */
  sheet?: string;
}

export interface FileReport {
  file: string;
  /** import_batches id; null on a dry run */
  batch: number | null;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  format: 'csv' | 'xlsx';
  /** the sheet of a workbook that was imported (null for CSV) */
  sheet: string | null;
  encoding: string | null;
  delimiter: string | null;
  /** field -> the column headers it was read from */
  columns: Record<string, string[]>;
  /** headers no field took: kept in each application's raw row */
  unmappedColumns: string[];
  /**
   * Updated applications whose text (title, description, beneficiaries, own category) changed:
   * their automatic category tags were deleted, so `skillsnet tag auto` tags them again.
   */
  needTagging: number;
  /** of those, how many keep officer category decisions (`tag auto` skips them; `tag auto --all` does not) */
  needTaggingWithOfficerTags: number;
  warnings: string[];
}

export interface ImportReport {
  call: string;
  dryRun: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** sum of the files' needTagging */
  needTagging: number;
  needTaggingWithOfficerTags: number;
  files: FileReport[];
  /**
   * Applications this import wrote that look like another application of the call (a
   * resubmission under a new ID, the same title from another address...): kept apart, for
   * an officer to check. Empty on a dry run.
   */
  possibleDuplicates: LikelyDuplicate[];
  /** how many there are in all (possibleDuplicates lists the first MAX_DUPLICATES_REPORTED) */
  possibleDuplicateCount: number;
}

/** A file whose required columns were not all recognised, for someone to complete its mapping. */
export interface MappingQuestion {
  file: string;
  headers: readonly string[];
  /** What was recognised (and what a --map file said). */
  mapping: ColumnMapping;
  missing: Field[];
}

/**
 * What an import reports while it works and may ask; all optional. Without askMapping a file
 * whose organisation or email column is not recognised stops the import with an error that
 * lists the columns and shows the --map format (nobody is there to answer).
 */
export interface ImportHooks extends Callbacks {
  /** Completes a mapping (the CLI's wizard on a terminal); returns the full mapping. */
  askMapping?: (question: MappingQuestion) => Promise<ColumnMapping>;
  /** When aborted (Ctrl-C), the file being written is rolled back at once. */
  signal?: AbortSignal;
}

/** An import lists at most this many likely duplicates; list --duplicates shows them all. */
export const MAX_DUPLICATES_REPORTED = 1000;

/** Options checked and every file's columns settled: what importFiles needs besides the database. */
export interface PreparedImport {
  encoding?: string;
  delimiter?: string;
  mapFile?: MappingFile;
  files: PreparedFile[];
}

/**
 * Checks the options and settles every file's columns (asking on a terminal) without touching a
 * database: a file with unrecognisable columns stops the command before anything is written,
 * or even created.
 */
export async function prepareFiles(files: string[], options: ImportOptions, hooks: ImportHooks = {}): Promise<PreparedImport> {
  if (!files.length) throw new UsageError('no file to import', { hint: 'skillsnet import FILE... (CSV, TSV or .xlsx)' });
  const encoding = options.encoding ? await parseEncodingOption(options.encoding) : undefined;
  const delimiter = options.delimiter ? parseDelimiterOption(options.delimiter) : undefined;
  const mapFile = options.mapping ?? (options.mapFile ? await readMappingFile(options.mapFile) : undefined);
  const prepared: PreparedFile[] = [];
  if (options.sheet !== undefined && !options.sheet.trim()) {
    throw new UsageError('--sheet needs the name of a sheet or its number (1 is the first)', { hint: 'e.g. skillsnet import call.xlsx --sheet Applications' });
  }
  for (const file of files) prepared.push(await prepareFile(file, { call: '', encoding, delimiter, mapFile, sheet: options.sheet }, hooks));
  return { encoding, delimiter, mapFile, files: prepared };
}

export async function importFiles(db: DB, files: string[], options: ImportOptions, hooks: ImportHooks = {}, ready?: PreparedImport): Promise<ImportReport> {
  const pre = ready ?? (await prepareFiles(files, options, hooks));
  const call = options.call?.trim() || defaultCall(db, hooks);
  const report: ImportReport = { call, dryRun: Boolean(options.dryRun), rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, needTagging: 0, needTaggingWithOfficerTags: 0, files: [], possibleDuplicates: [], possibleDuplicateCount: 0 };
  const fileOptions: FileOptions = { ...options, call, encoding: pre.encoding, delimiter: pre.delimiter, mapFile: pre.mapFile };
  for (const file of pre.files) {
    let fileReport: FileReport;
    try {
      fileReport = await importFile(db, file, fileOptions, hooks);
    } catch (e) {
      if (report.files.length && e instanceof OperationError && !options.dryRun) {
        const done = report.files.map((f) => f.file).join(', ');
        throw new OperationError(e.message, { hint: `${e.hint ? e.hint + '\n  ' : ''}already imported and kept: ${done}` });
      }
      throw e;
    }
    report.files.push(fileReport);
    for (const k of ['rows', 'inserted', 'updated', 'unchanged', 'rejected', 'needTagging', 'needTaggingWithOfficerTags'] as const) report[k] += fileReport[k];
  }
  if (!options.dryRun && report.inserted + report.updated > 0) {
    const batches = report.files.map((f) => f.batch).filter((b): b is number => b !== null);
    const found = likelyDuplicates(db, call, { batches, limit: MAX_DUPLICATES_REPORTED });
    report.possibleDuplicates = found.pairs;
    report.possibleDuplicateCount = found.total;
  }
  return report;
}

function defaultCall(db: DB, hooks: ImportHooks): string {
  const calls = callNames(db);
  if (calls.length === 1) return calls[0]!;
  if (calls.length === 0) {
    hooks.onStatus?.('No --call given: importing into a call named "default" (name calls with --call, e.g. --call 2020).');
    return 'default';
  }
  throw new UsageError('this database holds several calls: say which one with --call', { hint: `calls: ${calls.join(', ')}` });
}

interface FileOptions {
  call: string;
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  mapFile?: MappingFile;
  dryRun?: boolean;
}

/** The table layout found at the top of a file. */
interface Layout {
  /** rows before the first data row (preamble + header rows) */
  skip: number;
  headers: string[];
  mapping: ColumnMapping;
  unmatched: number[];
}

export interface PreparedFile {
  file: string;
  scan: FileScan;
  source: TableSource;
  layout: Layout;
}

async function prepareFile(file: string, options: FileOptions, hooks: ImportHooks): Promise<PreparedFile> {
  const scan = await scanFile(file);
  const source = await openTable(file, scan, { encoding: options.encoding, delimiter: options.delimiter });
  const { layout, source: sheet } = await readLayout(file, source, options, hooks);
  return { file, scan, source: sheet, layout };
}

async function importFile(db: DB, prepared: PreparedFile, options: FileOptions, hooks: ImportHooks): Promise<FileReport> {
  const { file, scan, source, layout } = prepared;
  const name = path.basename(file);
  if (hooks.signal?.aborted) throw new InterruptedError();
  await beginWrite(db, () => hooks.onStatus?.('Waiting for another skillsnet command to finish writing to this database...'));
  // Ctrl-C ends the process at once: the rollback must happen in the abort itself.
  const onAbort = () => {
    try {
      rollback(db);
    } catch {
      /* the process is ending; SQLite rolls back an unfinished transaction by itself */
    }
  };
  hooks.signal?.addEventListener('abort', onAbort);
  const progress = (done: number, finished = false) => hooks.onProgress?.({ label: name, done, total: scan.size, unit: 'read', finished });
  try {
    const callId = ensureCall(db, options.call);
    const previous = previousImportOf(db, callId, scan.sha256);
    if (previous) {
      hooks.onStatus?.(`${name}: the same file was imported into this call before (batch ${previous.id}, ${previous.importedAt.slice(0, 16).replace('T', ' ')} UTC); unchanged rows are reported as such.`);
    }
    const columns = mappingByHeader(layout.headers, layout.mapping);
    const batchId = createBatch(db, {
      callId,
      fileName: name,
      fileSize: scan.size,
      sha256: scan.sha256,
      format: source.format,
      encoding: source.encoding,
      delimiter: source.delimiter,
      headers: layout.headers,
      mapping: columns,
    });
    const writer = new RowWriter(prepareImport(db), callId, batchId, layout, scan.sha256);
    await source.read((cells) => writer.row(cells), (bytes) => progress(bytes));
    finishBatch(db, batchId, writer.counts);
    progress(scan.size, true);
    if (options.dryRun) rollback(db);
    else commit(db);
    return {
      file: name,
      batch: options.dryRun ? null : batchId,
      ...writer.counts,
      format: source.format,
      sheet: source.sheet ? source.sheet.name ?? `sheet ${source.sheet.index + 1}` : null,
      encoding: source.encoding,
      delimiter: source.delimiter,
      columns,
      unmappedColumns: layout.unmatched.map((c) => layout.headers[c]!),
      needTagging: writer.retag.size,
      needTaggingWithOfficerTags: writer.retagWithOfficer,
      warnings: [...encodingWarnings(scan, source, Boolean(options.encoding)), ...writer.normaliser.warnings.lines()],
    };
  } catch (e) {
    progress(scan.size, true);
    rollback(db);
    throw e;
  } finally {
    hooks.signal?.removeEventListener('abort', onAbort);
  }
}

const SURVEYMONKEY_SUBHEADERS = new Set(['response', 'open-ended response', 'open ended response', 'réponse', 'reponse', 'réponse ouverte', 'respuesta', 'respuesta abierta']);

/** Reads the first rows: where the header is, SurveyMonkey's second header row, the mapping. */
async function readLayout(file: string, opened: TableSource, options: FileOptions, hooks: ImportHooks): Promise<{ layout: Layout; source: TableSource }> {
  const { source, first } = await chooseSheet(file, opened, hooks, { mapFile: options.mapFile, sheet: options.sheet });
  if (!first.length && source.sheet && source.sheet.seen.length === 0) {
    throw new OperationError(`${file} has no sheet: it is a zip file but not an Excel workbook`, {
      hint: 'open it in Excel or LibreOffice and save it as .xlsx or CSV, then import that file',
    });
  }
  if (!first.length) {
    throw new OperationError(`${file} is empty: there is no header row and no data`, { hint: 'check that you picked the right file' });
  }
  const { headerIndex } = findHeaderRow(first);
  const top = first[headerIndex]!;
  const sub = first[headerIndex + 1];
  const isSurveyMonkey = Boolean(sub?.some((c) => SURVEYMONKEY_SUBHEADERS.has(c.trim().toLowerCase())));

  let headers: string[];
  let matchOn: string[];
  let preferred: Set<number> | undefined;
  if (isSurveyMonkey) {
    // Row 1: questions (blank over the extra columns of a multi-column question); row 2: "Response",
    // "Open-Ended Response" or the option a column stands for.
    const width = Math.max(top.length, sub!.length);
    headers = [];
    matchOn = [];
    preferred = new Set();
    let question = '';
    for (let i = 0; i < width; i++) {
      const q = (top[i] ?? '').trim();
      if (q) question = q;
      const s = (sub![i] ?? '').trim();
      matchOn.push(question);
      if (s) preferred.add(i);
      headers.push(!s || SURVEYMONKEY_SUBHEADERS.has(s.toLowerCase()) ? question : `${question} - ${s}`);
    }
  } else if (sub && isGroupSubHeader(top, sub)) {
    // "Contact person" merged over "Name | Email | Phone": each grouped column is named by both rows.
    const width = Math.max(top.length, sub.length);
    headers = [];
    let group = '';
    for (let i = 0; i < width; i++) {
      const t = (top[i] ?? '').replace(/\s+/g, ' ').trim();
      const s = (sub[i] ?? '').replace(/\s+/g, ' ').trim();
      if (t) group = t;
      headers.push(s ? (group ? `${group} - ${s}` : s) : t);
    }
    matchOn = headers;
  } else {
    headers = top.map((h) => h.replace(/\s+/g, ' ').trim());
    matchOn = headers;
  }
  headers = uniqueHeaders(headers);
  const { mapping: auto } = matchHeaders(matchOn, preferred);
  let mapping = options.mapFile ? applyMappingFile(headers, auto, options.mapFile, path.basename(file)) : auto;
  const missing = missingRequired(mapping);
  if (missing.length) {
    const sheets = otherSheetsHint(source);
    if (!hooks.askMapping) {
      const error = missingColumnsError(file, headers, missing);
      if (!sheets) throw error;
      throw new OperationError(error.message, { hint: `${sheets}\n  ${error.hint}` });
    }
    if (sheets) hooks.onStatus?.(`${path.basename(file)}: ${sheets}`);
    mapping = await hooks.askMapping({ file, headers, mapping, missing });
  }
  const used = new Set(Object.values(mapping).flat());
  const unmatched = headers.map((_, i) => i).filter((i) => !used.has(i));
  const headerRows = isSurveyMonkey || (sub !== undefined && isGroupSubHeader(top, sub)) ? 2 : 1;
  return { layout: { skip: headerIndex + headerRows, headers, mapping, unmatched }, source };
}

/**
 * Whether `sub`, the row under the header row `top`, is a second header row naming the columns
 * of merged group headers ("Contact person" over "Name | Email | Phone") rather than data: it
 * names fields, holds no address, and fills only columns of a group (under a blank header cell,
 * or under a header whose next cell is blank), at least one under a blank one.
 */
function isGroupSubHeader(top: readonly string[], sub: readonly string[]): boolean {
  const width = Math.max(top.length, sub.length);
  const blank = (i: number) => !(top[i] ?? '').trim();
  let filled = 0;
  let underBlank = 0;
  for (let i = 0; i < width; i++) {
    const s = (sub[i] ?? '').trim();
    if (!s) continue;
    if (s.includes('@') || s.length > 80) return false;
    filled++;
    if (blank(i)) {
      // a group's blank cells are within the header row (a value beyond its end is data), with
      // a named cell on their left
      if (i >= top.length) return false;
      let j = i - 1;
      while (j >= 0 && blank(j)) j--;
      if (j < 0) return false;
      underBlank++;
    } else if (i + 1 >= top.length || !blank(i + 1)) return false; // under an ordinary header: data
  }
  return filled >= 2 && underBlank >= 1 && headerLikeness(sub) >= 1;
}

/** What to say when a text file was read as UTF-8 although some of its bytes are not UTF-8. */
function encodingWarnings(scan: FileScan, source: TableSource, forced: boolean): string[] {
  if (source.format !== 'csv' || source.encoding !== 'utf8' || scan.validUtf8) return [];
  const n = scan.utf8Invalid;
  const what = `${n} byte sequence${n === 1 ? ' is' : 's are'} not valid UTF-8`;
  if (forced) return [`the file is not valid UTF-8 (${what}): read with --encoding utf-8, they became "\uFFFD"; if accents look wrong, try --encoding windows-1252`];
  return [`the file is UTF-8 except for ${what} (replaced by "\uFFFD"); the rows holding them are listed below`];
}

/** Blank headers get "column N"; repeated ones get " (2)", " (3)"... so the raw row keeps every cell. */
function uniqueHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    const base = h || `column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** Bump when normalisation changes what a row becomes, so a re-import rewrites the rows. */
const NORMALISATION_VERSION = 'n5'; // n3: organisation types and beneficiaries in the shared vocabulary; n4: "anonymous" is no contact name; n5: more vocabulary

const ID_CLASH_WARNING =
  'had an application ID that another application of this call already has, with another organisation and email: ' +
  'imported as applications of their own, identified by email and organisation (a later correction of such a row is matched by its ID with the same email or organisation)';

const PRE_EXISTED = 1;
const CHANGED = 2;

/**
 * Writes one file's rows. Keeps, per application id touched by this file, how many of its rows
 * came before and whether it existed before the file (typed arrays: a million rows cost a few MB).
 */
class RowWriter {
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
  ) {
    this.normaliser = new RowNormaliser(layout.mapping);
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
      this.normaliser.warnings.add('held bytes that could not be decoded, replaced by "\uFFFD" (check them in the file)', null, rowNumber);
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
        this.normaliser.warnings.add(ID_CLASH_WARNING, null, rowNumber);
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
      a.externalId, a.organization, a.organizationType, a.contactName, a.email, a.phone, a.website, a.countryRaw,
      a.country, a.region, a.language, a.title, a.description, beneficiaries, selfCategories, a.score, a.submittedAt,
      rawJson, hash, this.batchId, rowNumber,
    ];
    if (!stored) {
      const id = this.sql.insert(this.callId, key, values);
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
    if (this.sql.clearStaleTags(id, a.title, a.description, values[13], values[14]) && !this.retag.has(id)) {
      this.retag.add(id);
      if (this.sql.hasOfficerTags(id)) this.retagWithOfficer++;
    }
    this.sql.update(id, values, this.batchId);
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



