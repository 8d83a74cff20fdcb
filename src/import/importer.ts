/**
 * The import of application files into a call. Every data row ends as inserted, updated,
 * unchanged or rejected, and the counts always add up. One transaction per file: an error or
 * Ctrl-C leaves the database as it was before that file. A dry run is one transaction over all
 * its files, rolled back at the end, so it reports each file as the real run would.
 *
 * Accounting when a file holds several rows for one application: the last row wins. On a first
 * import that is one `inserted` and the earlier rows `updated` (their versions are kept); when
 * the application's final state equals what was stored before the file, every one of its rows is
 * `unchanged` and nothing is written, so importing the same file again changes nothing.
 *
 * This file runs the import of each file (a transaction, its batch, its report); layout.ts finds
 * the header and the columns, row-writer.ts writes the rows.
 */
import path from 'node:path';
import { beginWrite, commit, rollback, WAITING_FOR_WRITER, type DB } from '../db/connection.js';
import { callNames, ensureCall } from '../db/applications.js';
import { batchAndCallSpans, callIdByName, carryResolvedRejects, createBatch, deferIndexes, finishBatch, importWithApplicationsOf, prepareImport, previousImportOf, rejectedRowsOfOtherCalls, useRollbackJournal, widenCache } from '../db/imports.js';
import { InterruptedError, OperationError, UsageError } from '../errors.js';
import { checkpoint, looksLikePersonalData, type Callbacks } from '../reporting.js';
import { scanFile, parseEncodingOption, parseDelimiterOption, type FileScan } from './detect.js';
import { openTable, type TableSource } from './readers.js';
import { asNamed, faultError, openInput, type InputFile } from '../files/index.js';
import { isResponseNumberColumn, type ColumnMapping, type Field } from './headers.js';
import { readLayout, type FieldChoice, type Layout, type RejectedColumn } from './layout.js';
import { FIELD_LABELS, columnLetter, mappingByHeader, readMappingFile, type MappingFile } from './mapping.js';
import { RowWriter } from './row-writer.js';
import { RowPreparer, type PreparedSummary } from './prepare-row.js';
import { dateWarnings, encodingWarnings, fieldReports, settleDates, type DateReport, type FieldReport } from './file-report.js';
import { WORKER_MAX_BYTES, useWorker, workerScript, writeFromWorker } from './threads.js';

export type { DateReport, FieldReport };
export { WORKER_MAX_BYTES, WORKER_MIN_BYTES } from './threads.js';
import { refreshDuplicateKeys, likelyDuplicatesOfBatches } from './duplicates.js';
import { REJECTED_ROW_COLUMN, SKILLSNET_COLUMNS, applyStoredMapping, rejectRef, resolveFixedCopies, resolveRejectedRows } from './rejects.js';
import { filesOfFailure, withFiles, type FileColumns } from './failure.js';

export { filesOfFailure, type FileColumns };
import type { LikelyDuplicate } from './duplicates.js';
import { ImportLinker, type OrganizationLinks } from './organizations.js';
import { callMistypedAs, callSpelledAs, differsUnseen, newCallYearSign, otherCallSigns, suggestedCallName } from './call-fit.js';
import { writtenAs } from '../suggest.js';
import { shellArg } from '../text.js';

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
  /** A new --call whose name's year is not its submissions' is meant (the CLI's --yes): see refuseMistypedCall. */
  newCallConfirmed?: boolean;
  /** The sheet of a workbook to import, by name or number from 1 (CSV files ignore it); chosen when absent. */
  sheet?: string;
  /**
   * Whether a delimited file is read and prepared on another thread while this one writes:
   * 'auto' (the default) for files of WORKER_MIN_BYTES or more, 'always', or 'never'.
   */
  threads?: 'auto' | 'always' | 'never';
  /**
   * The database was created for this import and nobody else has it open: its pages are then
   * written once (a rollback journal) instead of twice (the write-ahead log, then the file), and
   * the log is switched back on at the end.
   */
  newDatabase?: boolean;
  /**
   * Where new applications' organisations are matched: 'memory' (an index loaded once: large
   * files), 'database' (statements for each row) or, when absent, chosen by the file's size
   * (organizations.ts, MEMORY_LOOKUP_MIN_ROWS). Both link the same way; tests hold them side by side.
   */
  organizationIndex?: 'memory' | 'database';
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
  /** how each field was read: its columns (full headers and letters), how sure, from where, a sample */
  fields: Record<string, FieldReport>;
  /** columns whose header named a field but whose values did not look like it: not used */
  notUsed: { field: Field; column: string; letter: string; holds: string }[];
  /**
   * Rows of this file that were one application (the same application ID, or the same email,
   * organisation, title and contact name): the last one is kept, the earlier ones count as
   * updated. At most MAX_ROWS_LISTED groups.
   */
  sameApplication: { rows: number[]; by: string }[];
  /** Rows rejected by an earlier import that this file accepted (a fixed rejects sheet, or a corrected copy of the file): they left `rejects`. */
  resolvedRejects: number;
  /** Rows rejected exactly as an earlier import of the call rejected them (any file name), fixed since (a corrected copy imported): `rejects` does not list them. */
  rejectedFixedBefore: number;
  /** Of rejectedFixedBefore, those whose copy came in with an import that rejected changed rows (a rejects sheet's row rejected again for another reason): the copy may be among them, listed by `rejects`. */
  rejectedCopyRejectedBefore: number;
  /** how the submission dates were read: day or month first, and what decided it */
  dates: DateReport | null;
  /**
   * Updated applications whose text (title, description, beneficiaries, own category) changed:
   * their automatic category tags were deleted, so `skillsnet tag auto` tags them again.
   */
  needTagging: number;
  /** of those, how many keep officer category decisions (`tag auto` skips them; `tag auto --all` does not) */
  needTaggingWithOfficerTags: number;
  /** How the file's new applications were linked to organisations (known ones, new ones, doubtful matches to confirm). */
  organizations: OrganizationLinks;
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

/** A file whose columns need someone: a required one not recognised, or one the import is unsure of. */
export interface MappingQuestion {
  file: string;
  headers: readonly string[];
  /** What was recognised (and what a --map file said). */
  mapping: ColumnMapping;
  missing: Field[];
  /** recognised fields the import is unsure of (a word of a long header) */
  uncertain: Field[];
  /** columns whose header named a field but whose values did not look like it */
  rejected: RejectedColumn[];
  fields: Partial<Record<Field, FieldChoice>>;
  /** the first data rows, for showing values of columns that are not personal data */
  samples: string[][];
}

/** A prepared file's columns, for a failure report. */
function columnsOf(p: PreparedFile): FileColumns {
  return {
    file: path.basename(p.file),
    columns: mappingByHeader(p.layout.headers, p.layout.mapping),
    unmappedColumns: unmappedColumns(p.layout),
  };
}

/**
 * The headers no field took, skillsnet's own rejects columns left out. A header that looks like
 * someone's address or number (a file without a header row) is named by position.
 */
function unmappedColumns(layout: Layout): string[] {
  return layout.unmatched
    .filter((c) => !SKILLSNET_COLUMNS.has(layout.headers[c]!))
    .map((c) => (looksLikePersonalData(layout.headers[c]!) ? `column ${c + 1}` : layout.headers[c]!));
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
  /** A file was imported and committed (files before it too): what an interruption would keep. */
  onFileDone?: (file: FileReport) => void;
}

/** An import lists at most this many likely duplicates; list --duplicates shows them all. */
export const MAX_DUPLICATES_REPORTED = 1000;

/** Options checked and every file's columns settled: what importFiles needs besides the database. */
export interface PreparedImport {
  encoding?: string;
  delimiter?: string;
  mapFile?: MappingFile;
  files: PreparedFile[];
  /** Removes the temporary copies of piped inputs (importFiles does it for the files it prepares itself). */
  release(): void;
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
  const release = () => {
    for (const p of prepared) p.input.release();
  };
  for (const file of files) {
    try {
      prepared.push(await prepareFile(file, { call: '', encoding, delimiter, mapFile, sheet: options.sheet }, hooks));
    } catch (e) {
      release();
      // (a file that could not be opened or read is still named, with nothing recognised)
      const failing = filesOfFailure(e);
      const named = failing.length ? failing : [{ file: path.basename(file), columns: {}, unmappedColumns: [] }];
      throw withFiles(e, [...prepared.map(columnsOf), ...named]);
    }
  }
  return { encoding, delimiter, mapFile, files: prepared, release };
}

export async function importFiles(db: DB, files: string[], options: ImportOptions, hooks: ImportHooks = {}, ready?: PreparedImport): Promise<ImportReport> {
  const pre = ready ?? (await prepareFiles(files, options, hooks));
  try {
    return await importPrepared(db, pre, options, hooks);
  } finally {
    if (!ready) pre.release();
  }
}

async function importPrepared(db: DB, pre: PreparedImport, options: ImportOptions, hooks: ImportHooks): Promise<ImportReport> {
  const call = options.call?.trim() || defaultCall(db, hooks);
  const calls = callNames(db);
  const spelled = callSpelledAs(call, calls);
  if (spelled) {
    // (even with --yes: two calls that differ only in case cannot be told apart by --call filters)
    // (a name pasted with a zero-width space or an en dash reads as the known one: say what differs)
    const unseen = differsUnseen(call, spelled) ? writtenAs(call) : '';
    throw new UsageError(`there is a call "${spelled}" already, not "${call}"${unseen}: call names are compared as written, and a second one would split the call`, {
      hint: `add these applications to it with --call ${shellArg(spelled)}`,
    });
  }
  // (a call cannot be renamed: a name the --call filters would answer with "did you mean" is asked about first)
  const near = options.newCallConfirmed ? undefined : callMistypedAs(call, calls);
  if (near !== undefined) {
    throw new UsageError(`"${call}" would be a new call, but it reads like the call "${near}" mistyped: a call cannot be renamed afterwards`, {
      hint: `add these applications to that call with --call ${shellArg(near)}, or add --yes to start call ${shellArg(call)} all the same`,
    });
  }
  const callNew = calls.length > 0 && !calls.includes(call);
  const copies = callNew && !options.newCallConfirmed ? copiesOfOtherCalls(db, pre, call, Boolean(options.dryRun)) : new Map<PreparedFile, string>();
  const report: ImportReport = { call, dryRun: Boolean(options.dryRun), rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, needTagging: 0, needTaggingWithOfficerTags: 0, files: [], possibleDuplicates: [], possibleDuplicateCount: 0 };
  const fileOptions: FileOptions = { ...options, call, callDefaulted: !options.call?.trim(), callNew, encoding: pre.encoding, delimiter: pre.delimiter, mapFile: pre.mapFile };
  // (only for a large import: a small one gains little, and other commands may open the new file at once)
  const size = pre.files.reduce((n, f) => n + f.scan.size, 0);
  const journal = options.newDatabase && size >= ROLLBACK_JOURNAL_MIN_BYTES ? useRollbackJournal(db) : null;
  // A dry run is one transaction over every file, rolled back at the end: the second file sees
  // what the first would have written (a file given twice was reported as inserted twice), and
  // Ctrl-C between two files leaves nothing either.
  // The batches written (a dry run's too, until its rollback), and the likely duplicates among them.
  const batches: number[] = [];
  const findDuplicates = () => {
    const found = likelyDuplicatesOfBatches(db, callIdByName(db, call)!, batches, MAX_DUPLICATES_REPORTED);
    report.possibleDuplicates = found.pairs;
    report.possibleDuplicateCount = found.total;
  };
  const onAbort = () => {
    try {
      rollback(db);
    } catch {
      /* the process is ending; SQLite rolls back an unfinished transaction by itself */
    }
  };
  try {
    if (options.dryRun) {
      await beginWrite(db, () => hooks.onStatus?.(WAITING_FOR_WRITER));
      hooks.signal?.addEventListener('abort', onAbort);
    }
    await importEach(db, pre, fileOptions, options, hooks, report, batches, copies);
    // (a dry run looks before its rollback, in what the real run would have saved)
    if (options.dryRun && report.inserted + report.updated > 0) findDuplicates();
  } finally {
    if (options.dryRun) {
      hooks.signal?.removeEventListener('abort', onAbort);
      rollback(db);
    }
    journal?.();
  }
  if (!options.dryRun && report.inserted + report.updated > 0) {
    // Everything is saved: a pause for Ctrl-C before the look for likely duplicates (it reads the whole call).
    await checkpoint(hooks.signal, 'interrupted; every file was imported and kept, only the report was not made');
    findDuplicates();
  }
  return report;
}

/** Files of at least this many bytes in all, into a database created for them, are written through a rollback journal. */
const ROLLBACK_JOURNAL_MIN_BYTES = 8 * 1024 * 1024;

async function importEach(db: DB, pre: PreparedImport, fileOptions: FileOptions, options: ImportOptions, hooks: ImportHooks, report: ImportReport, batches: number[], copies: Map<PreparedFile, string>): Promise<void> {
  for (const file of pre.files) {
    let fileReport: FileReport;
    try {
      fileReport = await importFile(db, file, fileOptions, hooks, batches);
    } catch (e) {
      const files = pre.files.map(columnsOf);
      // A full disk, a lost permission or a lock: said as such, with what was kept.
      const err = faultError(e, { action: `import ${file.input.name}`, kept: `nothing of ${file.input.name} was kept`, folder: db.name ? path.dirname(db.name) : undefined });
      // (a file refused as usage, another call's, too: the files before it are kept all the same)
      if (report.files.length && (err instanceof OperationError || err instanceof UsageError) && !options.dryRun) {
        const done = report.files.map((f) => f.file).join(', ');
        const hint = `${err.hint ? err.hint + '\n  ' : ''}already imported and kept: ${done}`;
        throw withFiles(err instanceof UsageError ? new UsageError(err.message, { hint }) : new OperationError(err.message, { hint, json: err.json }), files);
      }
      throw withFiles(err, files);
    }
    const copy = copies.get(file);
    if (copy && fileReport.inserted > 0) fileReport.warnings.unshift(copy);
    report.files.push(fileReport);
    if (!options.dryRun) hooks.onFileDone?.(fileReport);
    for (const k of ['rows', 'inserted', 'updated', 'unchanged', 'rejected', 'needTagging', 'needTaggingWithOfficerTags'] as const) report[k] += fileReport[k];
  }
}

/** The call of an import given no --call into a database without calls. */
const DEFAULT_CALL = 'default';

function defaultCall(db: DB, hooks: ImportHooks): string {
  const calls = callNames(db);
  if (calls.length === 1) return calls[0]!;
  if (calls.length === 0) {
    hooks.onStatus?.(`No --call given: importing into a call named "${DEFAULT_CALL}" (name calls with --call, e.g. --call 2020).`);
    return DEFAULT_CALL;
  }
  throw new UsageError('this database holds several calls: say which one with --call', { hint: `calls: ${calls.join(', ')}` });
}

interface FileOptions {
  call: string;
  /** No --call was given: the call is the database's only one (a file of another call is refused, call-fit.ts). */
  callDefaulted?: boolean;
  /**
   * The call did not exist before this import, beside calls that did: a name whose year is not
   * the submissions' is refused without newCallConfirmed (the first call of a database is
   * whatever the officer names it: nothing to mistake it for).
   */
  callNew?: boolean;
  newCallConfirmed?: boolean;
  organizationIndex?: 'memory' | 'database';
  threads?: 'auto' | 'always' | 'never';
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  mapFile?: MappingFile;
  dryRun?: boolean;
}

export interface PreparedFile {
  /** The file read (a piped input's temporary copy). */
  file: string;
  /** The input as the officer named it, and its copy if it was piped. */
  input: InputFile;
  scan: FileScan;
  source: TableSource;
  layout: Layout;
}

async function prepareFile(given: string, options: FileOptions, hooks: ImportHooks): Promise<PreparedFile> {
  const input = await openInput(given, { signal: hooks.signal, onStatus: hooks.onStatus });
  const file = input.path;
  try {
    const scan = await scanFile(file);
    const source = await openTable(file, scan, { encoding: options.encoding, delimiter: options.delimiter });
    const { layout, source: sheet } = await readLayout(file, source, options, hooks);
    return { file, input, scan, source: sheet, layout };
  } catch (e) {
    input.release();
    throw asNamed(e, input);
  }
}

async function importFile(db: DB, prepared: PreparedFile, options: FileOptions, hooks: ImportHooks, batches: number[]): Promise<FileReport> {
  const { file, scan, source, layout, input } = prepared;
  const name = input.name;
  if (hooks.signal?.aborted) throw new InterruptedError();
  // (a dry run's files share one transaction, begun and rolled back by importPrepared)
  if (!options.dryRun) await beginWrite(db, () => hooks.onStatus?.(WAITING_FOR_WRITER));
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
  // (not for a file of millions of rows: its memory stays flat)
  const narrowCache = scan.size >= WIDE_CACHE_MIN_BYTES && scan.size <= WORKER_MAX_BYTES ? widenCache(db) : null;
  try {
    const callId = ensureCall(db, options.call);
    const previous = previousImportOf(db, callId, scan.sha256);
    if (previous) {
      // (the sheet read is not kept: a workbook's second round, --sheet "Ronda 2", is the same file but not the same rows)
      const same = source.sheet ? 'the same workbook was imported into this call before (this sheet or another)' : 'the same file was imported into this call before';
      hooks.onStatus?.(`${name}: ${same} (batch ${previous.id}, ${previous.importedAt.slice(0, 16).replace('T', ' ')} UTC); unchanged rows are reported as such.`);
    }
    applyStoredMapping(db, callId, prepared);
    const columns = mappingByHeader(layout.headers, layout.mapping);
    const fields = fieldReports(layout);
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
      fields,
    });
    const refColumn = layout.headers.indexOf(REJECTED_ROW_COLUMN);
    const rows = expectedRows(scan.size, layout);
    const linker = new ImportLinker(db, { expectedRows: rows, memory: options.organizationIndex === undefined ? undefined : options.organizationIndex === 'memory' });
    const rebuildIndexes = deferIndexes(db, rows, { network: linker.inMemory });
    const idColumn = layout.mapping.externalId?.[0];
    const writer = new RowWriter(prepareImport(db), callId, batchId, scan.sha256, linker,
      idColumn === undefined ? null : { header: layout.headers[idColumn] ?? '', index: idColumn, responses: isResponseNumberColumn(layout.headers[idColumn] ?? '') }, rows);
    const worker = source.csv && useWorker(options.threads ?? 'auto', scan.size) ? workerScript() : null;
    let summary: PreparedSummary;
    /** the sheet row number of the first row read after the header rows (hidden rows above it are titles or headers) */
    let firstDataRow: number | undefined;
    // (a file of valid UTF-8 read as UTF-8 had nothing replaced: a "\uFFFD" in it is its own)
    const replacedBytes = source.format === 'csv' && !(source.encoding === 'utf8' && scan.validUtf8);
    if (worker) {
      summary = await writeFromWorker(worker, file, source.csv!, layout, batchId, refColumn, replacedBytes, writer, progress, hooks.signal);
    } else {
      const preparer = new RowPreparer(layout, batchId, { rejectRefColumn: refColumn, replacedBytes, date1904: source.sheet?.date1904 });
      await source.read((cells, sheetRow) => {
        if (firstDataRow === undefined && !preparer.inHeaderRows) firstDataRow = sheetRow;
        const row = preparer.prepare(cells);
        if (row) writer.write(row);
      }, (bytes) => progress(bytes));
      summary = preparer.summary();
    }
    // (the linker's last writes, before the indexes it does not read are built again)
    const organizations = linker.finish();
    rebuildIndexes?.();
    finishBatch(db, batchId, writer.counts);
    const dates = settleDates(db, batchId, summary);
    if (options.callDefaulted && writer.counts.inserted > 0) refuseOtherCall(db, callId, batchId, name, options.call);
    else if (options.callNew && !options.newCallConfirmed && writer.counts.inserted > 0) refuseMistypedCall(db, callId, batchId, name, options.call);
    if (writer.resolved.length || writer.rejectedAgain.length) refuseRejectsOfOtherCall(db, callId, [...writer.resolved, ...writer.rejectedAgain], name, options.call);
    // rows rejected earlier that this file accepted: through a rejects sheet's references, or as a corrected copy of their file
    const resolvedRejects = (writer.resolved.length ? resolveRejectedRows(db, callId, batchId, writer.resolved) : 0) + resolveFixedCopies(db, callId, batchId, layout.headers, layout.mapping);
    // (a sheet's row rejected again takes its old row's place in rejects: not fixed, not counted)
    if (writer.rejectedAgain.length) resolveRejectedRows(db, callId, batchId, writer.rejectedAgain);
    // rows rejected as before, whose fixed copies were imported since: not listed again
    const carried = writer.counts.rejected ? carryResolvedRejects(db, callId, batchId) : { carried: 0, unconfirmed: 0 };
    const rejectedFixedBefore = carried.carried;
    refreshDuplicateKeys(db, callId);
    progress(scan.size, true);
    if (!options.dryRun) commit(db);
    batches.push(batchId);
    return {
      file: name,
      batch: options.dryRun ? null : batchId,
      ...writer.counts,
      format: source.format,
      sheet: source.sheet ? source.sheet.name ?? `sheet ${source.sheet.index + 1}` : null,
      encoding: source.encoding,
      delimiter: source.delimiter,
      columns,
      unmappedColumns: unmappedColumns(layout),
      fields,
      notUsed: layout.rejectedColumns.map((r) => ({ field: r.field, column: r.header, letter: columnLetter(r.column), holds: r.holds })),
      sameApplication: [...writer.sameApplication.values()],
      resolvedRejects,
      rejectedFixedBefore,
      rejectedCopyRejectedBefore: carried.unconfirmed,
      dates,
      needTagging: writer.retag.size,
      needTaggingWithOfficerTags: writer.retagWithOfficer,
      organizations,
      warnings: [
        // (a form exported before anyone answered, or the wrong file)
        ...(writer.counts.rows === 0 ? ['the file has its column names but no data rows: nothing was imported (export the responses again once applications came in, or check the file)'] : []),
        ...encodingWarnings(scan, source, Boolean(options.encoding)),
        ...uncalculatedWarnings(source),
        ...otherSheetsWarnings(source),
        ...hiddenRowsWarnings(source, firstDataRow),
        ...layout.rejectedColumns.map((r) => `column ${columnLetter(r.column)}${looksLikePersonalData(r.header) ? '' : ` "${r.header}"`} names the ${FIELD_LABELS[r.field]} but holds ${r.holds}: not used (name it with --map if it is right)`),
        ...dateWarnings(dates),
        ...summary.warnings,
        ...writer.warnings.lines(),
      ],
    };
  } catch (e) {
    progress(scan.size, true);
    rollback(db);
    throw asNamed(e, input);
  } finally {
    narrowCache?.();
    hooks.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Without --call a file goes into the database's only call; one whose applications were
 * submitted half a year away from the call's, or scored on another scale, is refused (the
 * transaction is rolled back) with the --call to give.
 */
function refuseOtherCall(db: DB, callId: number, batchId: number, name: string, call: string): void {
  const spans = batchAndCallSpans(db, callId, batchId);
  const signs = otherCallSigns(spans.file, spans.call);
  if (!signs.length) return;
  throw new UsageError(`${name} looks like another call than "${call}", the only call in this database: ${signs.join('; ')}`, {
    hint: `say which call: --call ${suggestedCallName(spans.file, call)} to start a new call, or --call ${shellArg(call)} to add these applications to it (nothing of ${name} was imported)`,
  });
}

/**
 * A new call started with a file already imported, byte for byte and read with the same columns,
 * into another call (a script's `--call` mistyped, or the next call's name given to last night's
 * export) holds a second copy of each of its applications. Said as a warning on each such file,
 * not refused: a call that starts from another call's file is also what an officer trying the
 * tool, or a test, does on purpose (--yes says it is meant, and silences it).
 */
function copiesOfOtherCalls(db: DB, pre: PreparedImport, call: string, dryRun: boolean): Map<PreparedFile, string> {
  const copies = new Map<PreparedFile, string>();
  for (const file of pre.files) {
    const other = importWithApplicationsOf(db, file.scan.sha256, file.layout.headers);
    if (!other) continue;
    // (a workbook's sheets of the same columns cannot be told apart: the sheet read is not kept)
    const sheet = file.source.sheet ? ' (or another sheet of the workbook with the same columns)' : '';
    const already = `this file was imported into call "${other.call}" already${sheet} (batch ${other.id}, ${other.importedAt.slice(0, 16).replace('T', ' ')} UTC)`;
    // (the call an import without --call made: the mistake is more likely that first import, made before --call was known)
    const unnamed = other.call === DEFAULT_CALL
      ? ` (or, if the first import's missing --call was, out of "${DEFAULT_CALL}": skillsnet list --call ${DEFAULT_CALL})`
      : '';
    // (a dry run saved nothing: there is nothing to take out yet)
    copies.set(file, dryRun
      ? `${already}: its applications would be in the new call "${call}" as well, a second copy of each. If --call is a mistake, import into call "${other.call}" with --call ${shellArg(other.call)}; add --yes when a new call from such a file is meant`
      : `${already}: its applications are in the new call "${call}" as well, a second copy of each. If --call was a mistake, take them out of "${call}" with skillsnet list --call ${shellArg(call)} and skillsnet withdraw ID${unnamed}; add --yes when a new call from such a file is meant`);
  }
  return copies;
}

/**
 * A rejects sheet's rows name the rejected rows they fix ("R17"): rows of another call's imports
 * would become applications of this one (misfiled, and their rejects left open there). Refused
 * (rolled back), even with --yes; `rejects --csv` writes one call's rows per sheet.
 */
function refuseRejectsOfOtherCall(db: DB, callId: number, ids: number[], name: string, call: string): void {
  const others = rejectedRowsOfOtherCalls(db, callId, ids);
  if (!others.length) return;
  const calls = [...new Set(others.map((o) => o.call))];
  const refs = others.slice(0, 5).map((o) => rejectRef(o.id)).join(', ') + (others.length > 5 ? ', …' : '');
  throw new UsageError(`${name} holds rejected rows of call${calls.length > 1 ? 's' : ''} ${calls.map((c) => `"${c}"`).join(', ')} (${refs}), not of "${call}": they would become applications of "${call}"`, {
    hint: calls.length === 1 && others.length === ids.length
      ? `import it with --call ${shellArg(calls[0]!)} (nothing of ${name} was imported)`
      : `write each call's rows to a sheet of its own, skillsnet rejects --csv --call NAME, and import each with its --call (nothing of ${name} was imported)`,
  });
}

/**
 * A new call whose name's year is far from when its applications were submitted ("--call 2012"
 * for 2021's) is most often a typo, and a call cannot be renamed: refused (rolled back) with the
 * name to give, unless confirmed (--yes).
 */
function refuseMistypedCall(db: DB, callId: number, batchId: number, name: string, call: string): void {
  const found = newCallYearSign(call, batchAndCallSpans(db, callId, batchId).file);
  if (!found) return;
  throw new UsageError(`"${call}" would be a new call, but ${name} does not look like it: ${found.sign}`, {
    hint: `check the name: --call ${shellArg(found.name)} for the year they were submitted, or add --yes to start call ${shellArg(call)} all the same (nothing of ${name} was imported)`,
  });
}

/**
 * Formula cells a workbook holds without their value: written by a program that does not
 * calculate (openpyxl, some web apps), they are empty until Excel or LibreOffice opens the file.
 */
function uncalculatedWarnings(source: TableSource): string[] {
  const columns = [...(source.sheet?.uncalculated ?? new Map<string, number>())];
  if (!columns.length) return [];
  const cells = columns.reduce((n, [, c]) => n + c, 0);
  const where = columns.length === 1 ? `column ${columns[0]![0]}` : `columns ${columns.map(([l]) => l).join(', ')}`;
  return [`${cells} ${cells === 1 ? 'cell' : 'cells'} of ${where} ${cells === 1 ? 'holds a formula that was' : 'hold formulas that were'} never calculated (the program that wrote the workbook does not compute formulas), so ${cells === 1 ? 'it was' : 'they were'} read as empty: open the workbook in Excel or LibreOffice, save it, and import it again`];
}

/**
 * Rows Excel hides (by hand, or filtered out by the sheet's filter) are read like the others: an
 * officer who filtered the sheet sees fewer rows than the import counts, and is told which.
 */
function hiddenRowsWarnings(source: TableSource, firstDataRow: number | undefined): string[] {
  // (a hidden title or header row is not read as an application: no word of it)
  const hidden = firstDataRow === undefined ? [] : (source.sheet?.hiddenRowsRead ?? []).filter((n) => n >= firstDataRow);
  if (!hidden.length) return [];
  const shown = hidden.slice(0, 10).join(', ') + (hidden.length > 10 ? `, … (${hidden.length} in all)` : '');
  const one = hidden.length === 1;
  // (an officer may have hidden rows to set applications aside: they are in the import all the same)
  return [`${hidden.length} ${one ? 'row' : 'rows'} hidden in Excel (by hand or by a filter) ${one ? 'is' : 'are'} in this import like the others: sheet ${one ? 'row' : 'rows'} ${shown}; unhide or clear the filter in Excel to see ${one ? 'it' : 'them'}, and if ${one ? 'it was' : 'they were'} hidden to set ${one ? 'it' : 'them'} aside, withdraw ${one ? 'it' : 'each'} (skillsnet withdraw ID)`];
}

/** Sheets named in the warning of sheets not read; the others are counted. */
const OTHER_SHEETS_NAMED = 5;

/** Sheets after the one read that have applications' columns too: one sheet is imported per file. */
function otherSheetsWarnings(source: TableSource): string[] {
  const others = source.sheet?.otherApplications ?? [];
  const unchecked = source.sheet?.otherSheetsUnchecked ?? 0;
  const notLooked = unchecked ? [`${unchecked} later ${unchecked === 1 ? 'sheet was' : 'sheets were'} not looked at (import ${unchecked === 1 ? 'it' : 'each'} with --sheet NAME if ${unchecked === 1 ? 'it holds' : 'they hold'} applications)`] : [];
  if (!others.length) return notLooked;
  // a workbook of a sheet per round or country: the first few named, the others counted
  const names = others.slice(0, OTHER_SHEETS_NAMED).map((n) => `"${n}"`).join(', ') + (others.length > OTHER_SHEETS_NAMED ? ` and ${others.length - OTHER_SHEETS_NAMED} more` : '');
  const one = others.length === 1;
  return [`sheet ${source.sheet!.name ? `"${source.sheet!.name}"` : source.sheet!.index + 1} was read; ${one ? 'sheet' : `${others.length} sheets,`} ${names}${one ? '' : ','} ${one ? 'has' : 'have'} organisation and email columns too and ${one ? 'was' : 'were'} not read: if ${one ? 'it holds' : 'they hold'} applications, import ${one ? `it with --sheet "${others[0]}"` : `each with --sheet NAME (--sheet "${others[0]}")`}`, ...notLooked];
}

/** Files of at least this many bytes are written with a larger page cache (db/imports.ts, widenCache). */
const WIDE_CACHE_MIN_BYTES = 8 * 1024 * 1024;

/** About how many rows a file holds, from its size and the bytes of the rows the layout sampled. */
function expectedRows(size: number, layout: Layout): number {
  return Math.round(size / Math.max(50, layout.bytesPerRow));
}

