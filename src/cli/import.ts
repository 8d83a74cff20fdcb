import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { dryRunScratch, invocation, printJson, withDatabase, type CliContext } from './context.js';
import { canPrompt, info, warn, type IO } from './io.js';
import { interruptSignal, setInterruptOutcome } from './signals.js';
import type { FileReport, ImportHooks, ImportOptions, ImportReport } from '../import/importer.js';
import { CliError, OperationError } from '../errors.js';
import { callbacksFor } from '../ui/callbacks.js';
import { renderTable } from '../ui/table.js';
import { FIELD_LABELS } from '../import/field-labels.js';
import { columnDisplay, headerForDisplay } from '../import/mapping.js';
import { isSecretHeader } from '../import/secrets.js';
import { shellArg } from '../text.js';

const FIELD_NAMES: Record<string, string> = FIELD_LABELS;

export interface ImportCommandOptions extends ImportOptions {
  dbPath: string;
  files: string[];
  json?: boolean;
}

/**
 * The import's callbacks on this terminal: status and warnings on stderr, a progress bar per
 * file, the column wizard when someone can answer, and Ctrl-C rolling back the file being written.
 */
export function importHooks(io: IO, files = Infinity): ImportHooks {
  const kept: string[] = [];
  setInterruptOutcome(() => 'nothing was imported (the file being read was rolled back)');
  return {
    ...callbacksFor(io),
    // Ctrl-C keeps the files already imported (one transaction each) and rolls back the one being read.
    onFileDone: (file) => {
      kept.push(file.file);
      setInterruptOutcome(() =>
        kept.length >= files
          ? `every file was imported and kept (${kept.join(', ')}); only the report was not printed`
          : `already imported and kept: ${kept.join(', ')}; the file being read was rolled back, nothing of it was kept`);
    },
    askMapping: canPrompt(io)
      ? async (q) => (await import('../ui/mapping-wizard.js')).mappingWizard(io, q)
      : undefined,
    signal: interruptSignal(),
  };
}

export async function runImport(opts: ImportCommandOptions, io: IO): Promise<ImportReport> {
  const { importFiles, prepareFiles } = await import('../import/importer.js');
  // (`folder\*.csv` as cmd and PowerShell pass it; a pattern matching nothing is said so, in JSON too)
  const { expandFilePatterns } = await import('../files/patterns.js');
  try {
    opts = { ...opts, files: expandFilePatterns(opts.files, io.cwd, { leaveOut: [opts.dbPath] }) };
  } catch (e) {
    throw opts.json ? await withJsonDocument(e, opts.files.find((f) => /[*?]/.test(f))) : e;
  }
  const hooks = importHooks(io, opts.files.length);
  // (a dry run's files are one transaction, rolled back whole: no file is kept, whenever Ctrl-C comes)
  if (opts.dryRun) setInterruptOutcome(() => 'nothing was written (a dry run)');
  // SKILLSNET_IMPORT_THREADS=always|never overrides when a second thread reads a large file (tests, benchmarks)
  const threads = io.env.SKILLSNET_IMPORT_THREADS;
  if (threads === 'always' || threads === 'never') opts = { ...opts, threads };
  // A dry run against a database that does not exist yet works on a throw-away one, and against
  // a read-only database on a copy of it: it writes nothing.
  let dbPath = opts.dbPath;
  const missing = !fs.existsSync(dbPath);
  // (an empty file, `touch skillsnet.db`, is a database not made yet: the files are checked before
  // its schema is written, and a file that cannot be imported leaves it empty, as it was)
  const { isEmptyFile } = await import('../db/connection.js');
  const isNew = missing || (fs.statSync(dbPath).isFile() && isEmptyFile(dbPath));
  const scratch = opts.dryRun ? await dryRunScratch(dbPath) : undefined;
  if (scratch) dbPath = scratch.db;
  let report: ImportReport;
  let ready: Awaited<ReturnType<typeof prepareFiles>> | undefined;
  try {
    // Files are checked (columns found) before a new database file is created, so a file that
    // cannot be imported leaves nothing behind.
    ready = isNew ? await prepareFiles(opts.files, opts, hooks) : undefined;
    report = await withDatabase(dbPath, { create: true, io }, (db) => importFiles(db, opts.files, { ...opts, newDatabase: isNew, newCallConfirmed: opts.newCallConfirmed ?? io.yes }, hooks, ready));
  } catch (e) {
    if (missing && !scratch && fs.existsSync(dbPath)) {
      const { discardEmptyDatabase } = await import('../db/imports.js');
      await discardEmptyDatabase(dbPath);
    }
    const told = await attendanceReportHint(e, opts.files, io.cwd);
    throw opts.json ? await withJsonDocument(told) : told;
  } finally {
    ready?.release();
    scratch?.release();
  }
  printImportReport(io, report, { json: opts.json, newDatabase: isNew && !scratch ? opts.dbPath : undefined });
  return report;
}

/**
 * A meeting's attendance report given to import (no organisation column, a Zoom summary block or
 * a participants table): the error also gives the command that reads it, before the mapping advice.
 */
async function attendanceReportHint(e: unknown, files: readonly string[], cwd: string): Promise<unknown> {
  if (!(e instanceof OperationError) || !/: no column found for the /.test(e.message)) return e;
  const { filesOfFailure, withFiles } = await import('../import/failure.js');
  const { looksLikeAttendanceBytes } = await import('../events/attendance/report.js');
  const failed = filesOfFailure(e).at(-1);
  const file = failed && files.find((f) => path.basename(f) === failed.file);
  if (!failed || !file) return e;
  // (its start is enough: the participants table comes after a summary of a few lines)
  let start: Buffer;
  try {
    // (a pipe, stdin or a device was read once already, and opening a FIFO again would wait)
    if (file === '-' || !fs.statSync(path.resolve(cwd, file)).isFile()) return e;
    const fd = fs.openSync(path.resolve(cwd, file), 'r');
    try {
      if (!fs.fstatSync(fd).isFile()) return e;
      start = Buffer.alloc(64 * 1024);
      start = start.subarray(0, fs.readSync(fd, start, 0, start.length, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return e;
  }
  if (!(await looksLikeAttendanceBytes(start))) return e;
  const hint = `this looks like a Zoom or Teams attendance report, not applications: read it with skillsnet event attendance EVENT-ID ${shellArg(file)} (skillsnet events lists the IDs)`;
  // (the files the importer attached to the error, for --json, stay with it)
  return withFiles(new OperationError(e.message, { hint: e.hint ? `${hint}\n  ${e.hint}` : hint, json: e.json }), filesOfFailure(e));
}

/**
 * A failed import under --json still prints one document on stdout (CONTRACT): the error and,
 * for each file read so far, the columns each field was taken from and those no field took.
 */
export async function withJsonDocument(e: unknown, file?: string): Promise<unknown> {
  const { filesOfFailure } = await import('../import/importer.js');
  const message = e instanceof Error ? e.message : String(e);
  const files = filesOfFailure(e);
  // (a file refused before its columns were read is still named)
  const doc = { error: message, files: files.length || file === undefined ? files : [{ file: path.basename(file), columns: {}, unmappedColumns: [] }] };
  if (e instanceof CliError) {
    if (e.json !== undefined) return e;
    const out = new CliError(e.message, { exitCode: e.exitCode, hint: e.hint, json: doc });
    out.name = e.name;
    return out;
  }
  return new CliError(message, { exitCode: 1, json: doc });
}

/** What the import read from one file: each field's column, a sample, how sure; the columns not used. */
function printMapping(io: IO, f: FileReport): void {
  const fields = Object.entries(f.fields);
  if (!fields.length) return;
  info(io, `${f.file}: columns read`);
  // (as wide as the longest name shown: "language of the application" put its arrow out of line)
  const width = Math.max(...fields.map(([field]) => (FIELD_NAMES[field] ?? field).length));
  for (const [field, r] of fields) {
    const cols = r.columns.map((c, i) => columnDisplay(r.letters[i]!, c)).join(' or ');
    const sample = r.sample === null ? '' : r.sample.startsWith('<') ? `  ${r.sample}` : `  e.g. "${r.sample}"`;
    info(io, `  ${(FIELD_NAMES[field] ?? field).padEnd(width)} ← ${cols}${sample}  (${r.confidence}${r.source === 'header' ? '' : `, ${SOURCE_NAMES[r.source]}`})`);
  }
  if (f.dates?.order && f.dates.order !== 'mixed') {
    info(io, `  dates read ${f.dates.order}${f.dates.decidedBy === 'the form' ? ' (no day above 12 in the file: as the form tool writes them)' : ''}, stored as ISO 8601 beside the text as written`);
  }
  // (a password or PIN column is not kept at all: import/secrets.ts)
  const kept = f.unmappedColumns.filter((h) => !isSecretHeader(h));
  const secrets = f.unmappedColumns.filter((h) => isSecretHeader(h));
  if (kept.length) info(io, `  kept in the raw row, not used: ${unusedColumns(kept)}`);
  if (secrets.length) info(io, `  not kept (a password or PIN): ${unusedColumns(secrets)}`);
  for (const g of f.sameApplication.slice(0, 10)) {
    info(io, `  rows ${g.rows.join(', ')} are one application (${g.by}): the last one is kept`);
  }
  if (f.sameApplication.length > 10) info(io, `  and ${f.sameApplication.length - 10} more groups of rows that are one application (import --json lists them)`);
}

/** Unused columns listed in the report; past this many, the rest are counted. */
const LISTED_UNUSED = 12;
/** A header longer than this is cut in the report (a questionnaire's statements run to paragraphs). */
const UNUSED_HEADER_CHARS = 60;

/**
 * The unused columns for the report: a questionnaire's fifty statements in full buried the
 * columns read under a wall of text; --json keeps every header whole.
 */
export function unusedColumns(headers: readonly string[]): string {
  const shown = headers.slice(0, LISTED_UNUSED).map((h) => headerForDisplay(h, UNUSED_HEADER_CHARS));
  const more = headers.length - LISTED_UNUSED;
  return shown.join(', ') + (more > 0 ? `, and ${more} more (import --json lists them all)` : '');
}

const SOURCE_NAMES: Record<string, string> = { header: 'from the header', map: 'from --map', wizard: 'chosen by you', previous: 'as the earlier import read it' };

/**
 * The import summary: with json, the CONTRACT document on stdout; otherwise a table of counts per
 * file on stdout, then warnings and next steps on stderr. The demo reuses it.
 */
export function printImportReport(io: IO, report: ImportReport, options: { json?: boolean; newDatabase?: string } = {}): void {
  if (options.json) {
    printJson(io, report);
  } else {
    const rows: (string | number)[][] = report.files.map((f) => [f.file, f.rows, f.inserted, f.updated, f.unchanged, f.rejected]);
    if (report.files.length > 1) rows.push(['total', report.rows, report.inserted, report.updated, report.unchanged, report.rejected]);
    io.stdout.write(renderTable(io, ['File', 'Rows', 'Inserted', 'Updated', 'Unchanged', 'Rejected'], rows));
  }
  for (const f of report.files) {
    // Say which column each field was read from, with a sample and how sure the import is, and
    // which columns no field took: a country read from the wrong column, or a French "Note"
    // that was not recognised, is visible before anyone relies on it (--json has it all).
    if (!options.json) printMapping(io, f);
    for (const w of f.warnings) warn(io, `${f.file}: ${w}`);
  }
  const where = `call "${report.call}"`;
  if (report.dryRun) info(io, `Dry run: nothing was written (${where}).`);
  else if (report.rows === 0) info(io, `Nothing was imported into ${where}: the files have no data rows.`);
  // (a database made here: an import run from another folder than the last one starts a second, empty of the first's work)
  else info(io, `Imported into ${where}${options.newDatabase ? `, in a new database: ${options.newDatabase}` : ''}.`);
  if (report.needTagging > 0) {
    const n = report.needTagging;
    const officer = report.needTaggingWithOfficerTags;
    info(
      io,
      `${n} updated application${n === 1 ? '' : 's'} changed text (title, description, beneficiaries or own category)` +
        `${report.dryRun ? ' and would lose' : ' and lost'} ${n === 1 ? 'its' : 'their'} automatic categories: tag ${n === 1 ? 'it' : 'them'} again with skillsnet tag auto` +
        (officer ? ` (${officer} of them keep officer decisions; skillsnet tag auto --all re-tags those too, officer decisions stay)` : ''),
    );
  }
  if (report.rejected > 0 && report.dryRun) {
    info(io, `${report.rejected} row${report.rejected === 1 ? ' would be' : 's would be'} rejected; nothing was stored (after a real import, skillsnet rejects lists them and why)`);
  } else if (report.rejected > 0) {
    // Rows rejected as before whose fixed copies came in since are not to fix again.
    const before = report.files.reduce((n, f) => n + (f.rejectedFixedBefore ?? 0), 0);
    const unsure = report.files.reduce((n, f) => n + (f.rejectedCopyRejectedBefore ?? 0), 0);
    const fixed = before - unsure;
    const open = report.rejected - before;
    if (open > 0) info(io, `${open} row${open === 1 ? ' was' : 's were'} rejected: see them with skillsnet rejects, fix them with skillsnet rejects --csv > fix.csv`);
    if (unsure > 0) {
      info(
        io,
        `${unsure} row${unsure === 1 ? ' was' : 's were'} rejected as before and ${unsure === 1 ? 'is' : 'are'} not listed again: a changed copy came in already, with an import that rejected changed rows too;` +
          ` a copy rejected again is listed by skillsnet rejects (fix it with skillsnet rejects --csv > fix.csv)`,
      );
    }
    if (fixed > 0) info(io, `${fixed} row${fixed === 1 ? ' was' : 's were'} rejected as before, but ${fixed === 1 ? 'its fixed copy was' : 'their fixed copies were'} imported already: skillsnet rejects does not list ${fixed === 1 ? 'it' : 'them'} again`);
  }
  const resolved = report.files.reduce((n, f) => n + (f.resolvedRejects ?? 0), 0);
  if (resolved) {
    info(io, `${resolved} row${resolved === 1 ? '' : 's'} rejected by an earlier import ${report.dryRun ? 'would be' : resolved === 1 ? 'was' : 'were'} accepted now, fixed: ${resolved === 1 ? 'it' : 'they'} ${report.dryRun ? 'would leave' : 'left'} skillsnet rejects`);
  }
  // Organisations: those known from earlier calls, and those that may be one already known (the officer confirms).
  const links = report.files.reduce((t, f) => ({ returning: t.returning + (f.organizations?.returning ?? 0), created: t.created + (f.organizations?.created ?? 0), doubtful: t.doubtful + (f.organizations?.doubtful ?? 0) }), { returning: 0, created: 0, doubtful: 0 });
  if (links.returning || links.doubtful) {
    const parts = [`${links.created} new`, ...(links.returning ? [`${links.returning} application${links.returning === 1 ? '' : 's'} of organisations known already (skillsnet show org-N has their history)`] : [])];
    info(io, `Organisations: ${parts.join('; ')}.${links.doubtful ? ` ${links.doubtful} new one${links.doubtful === 1 ? '' : 's'} may be one already known: confirm or keep apart with skillsnet organizations --unconfirmed` : ''}`);
  }
  if (report.possibleDuplicateCount) {
    const n = report.possibleDuplicateCount;
    const shown = report.possibleDuplicates.slice(0, 5).map((p) => `#${p.id} and #${p.duplicateOf} (${p.reason})`).join('; ');
    warn(
      io,
      `${n} application${n === 1 ? '' : 's'} look${n === 1 ? 's' : ''} like another one of the call, kept apart: ${shown}${n > 5 ? `; and ${n - 5} more` : ''}.` +
        ` Compare them with skillsnet show ID; list them all with skillsnet list --duplicates; keep one out of a Core Group with skillsnet select --exclude ID`,
    );
  }
  if (!report.dryRun && report.inserted > 0) {
    info(io, `Next: skillsnet tag auto (skills categories), then skillsnet stats --by region or skillsnet list`);
  }
}

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('import applications from CSV/TSV/.xlsx files exported by form tools or Excel; every row is accounted for')
    .argument('<files...>', 'CSV, TSV or .xlsx files (a workbook: its first sheet, or the first holding applications after an instructions or list sheet); encoding and delimiter are detected')
    .option('--call <name>', 'the call these applications answered (default: the only call, or "default")')
    .option('--map <mapping.json>', 'JSON file naming the columns skillsnet does not recognise: {"organization": "Org", "email": "E-mail"}')
    .option('--sheet <name|number>', 'the sheet of an .xlsx workbook to import, by name or number (1 is the first); CSV files ignore it')
    .option('--delimiter <c>', 'field delimiter: "," ";" tab or "|" (default: detected)')
    .option('--encoding <enc>', 'text encoding: utf-8, utf-16le, windows-1252, latin1... (default: detected)')
    .option('--dry-run', 'read and check everything, print the report, write nothing')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      `
Headers are recognised by meaning in English, French and Spanish ("Name of your organization",
"Nom de l'organisation", "Correo electrónico"...). Rows without an organisation or a valid email
are rejected and kept: list them with skillsnet rejects. A workbook whose first sheet holds
applications with a column skillsnet does not recognise is read from that sheet (the wizard
asks on a terminal; elsewhere the error lists the sheets): pick another with --sheet.
Importing a file again updates changed applications (keeping their previous version) and
reports the rest unchanged. FILE may be - (stdin) or a named pipe: it is copied once into a
private temporary file (at most 512 MB) and imported from there. A row may have at most 16,384
cells, and a workbook may expand to at most 1 GB (limits in docs/importing.md).

A mapping file (--map) names a column by its header, its letter ("C") or its number (3), for any
of these fields: externalId, submittedAt, organization, organizationType, contactName,
firstName, lastName, email, phone, website, country, language, workingLanguage, title,
description, beneficiaries, selfCategories, score. E.g. {"organization": "A", "email": "B",
"country": "Where", "description": 4}. On a terminal, the wizard asks for the organisation and
email columns when it cannot tell them, and offers to save its answers as such a file.

Examples:
  skillsnet import applications.csv --call 2020
  skillsnet import forms-en.csv formulaire-fr.csv respuestas.xlsx --call 2020
  skillsnet import export.csv --dry-run
  skillsnet import odd-columns.csv --map mapping.json
  skillsnet import call-2024.xlsx --sheet Candidatures
  skillsnet import excel-fr.csv --delimiter ";" --encoding windows-1252
  skillsnet import applications.csv --json > import-report.json
  curl -s https://forms.example.org/export.csv | skillsnet import - --call 2020`,
    )
    .action(async (files: string[], flags: { call?: string; map?: string; sheet?: string; delimiter?: string; encoding?: string; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runImport(
        { dbPath, files, call: flags.call, mapFile: flags.map, sheet: flags.sheet, delimiter: flags.delimiter, encoding: flags.encoding, dryRun: flags.dryRun, json: flags.json },
        io,
      );
    });
}
