import path from 'node:path';
import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, personalOutput, warn, type IO } from './io.js';
import { UsageError } from '../errors.js';
import type { RejectedRow } from '../db/imports.js';
import { REASON_COLUMN, REJECTED_ROW_COLUMN, rejectRef, type RejectSheet } from '../import/rejects.js';
import { TOTALS_LINE } from '../import/normalise.js';
import { renderTable, truncate } from '../ui/table.js';
import { shellArg } from '../text.js';

export { REASON_COLUMN, REJECTED_ROW_COLUMN };

export interface RejectsOptions {
  dbPath: string;
  call?: string;
  all?: boolean;
  format: 'table' | 'json' | 'csv';
  /** --csv: the folder to write one CSV per layout into */
  out?: string;
  /** --csv: only the sheet with this number (see the table) */
  file?: number;
  /** --csv: only the sheet holding the rows of this import batch */
  batch?: number;
  force?: boolean;
  /** --csv: the separator as typed (";", "tab"); by default the one of the files the rows came from */
  delimiter?: string;
}

export async function runRejects(opts: RejectsOptions, io: IO): Promise<unknown[]> {
  const { rejectSheets, pickRejectSheet } = await import('../import/rejects.js');
  const { csvDelimiter } = await import('../import/detect.js');
  const delimiter = opts.format === 'csv' ? csvDelimiter(opts.delimiter, io.env) : undefined;
  const sheets = await withDatabase(opts.dbPath, { create: false, io }, (db) => rejectSheets(db, { call: opts.call, all: opts.all }));
  const rows = sheets.flatMap((s) => s.rows).sort((a, b) => a.batchId - b.batchId || a.rowNumber - b.rowNumber);
  // (no rejected row, no personal data: nothing to warn about; nor when the rows go to files in
  // --out DIR and stdout gets none: a `> log.txt` was made private, or warned of, for nothing)
  if (rows.length && !(opts.format === 'csv' && opts.out !== undefined)) personalOutput(io);
  if (opts.format === 'json') {
    const shown = rows.map((row) => {
      const { columns: _columns, headers: _headers, delimiter: _delimiter, ...r } = row;
      return { ...r, sheet: sheetOf(sheets, row) };
    });
    printJson(io, shown);
    return shown;
  }
  if (opts.format === 'csv') {
    const picked = opts.file !== undefined || opts.batch !== undefined ? [pickRejectSheet(sheets, { file: opts.file, batch: opts.batch })] : sheets;
    if (opts.out !== undefined) {
      await writeSheets(io, picked, opts.out, Boolean(opts.force), delimiter);
      return picked.flatMap((s) => s.rows);
    }
    if (picked.length > 1) {
      // (one layout in several calls: a fixed sheet is imported into one call, whose applications its rows become)
      const calls = [...new Set(picked.map((s) => s.call))];
      const layouts = new Set(picked.map((s) => JSON.stringify(s.headers))).size;
      throw new UsageError(layouts > 1
        ? `the rejected rows come from ${picked.length} files with different columns, which do not fit in one sheet`
        : `the rejected rows come from ${calls.length} calls (${calls.join(', ')}), and a fixed sheet is imported into one call`, {
        hint: `write one CSV per file into a folder with --out DIR, or pick one with --file N: ${picked.map((s) => `${s.number} = ${s.files.join(', ')}${calls.length > 1 ? ` (call ${s.call})` : ''}`).join('; ')}`,
      });
    }
    io.stdout.write(await rejectsCsv(picked[0] ?? { number: 1, call: '', files: [], batches: [], headers: [], delimiter: null, rows: [] }, delimiter));
    await warnOverlong(io, picked);
    workbookCommasHint(io, picked, delimiter);
    const n = picked[0]?.rows.length ?? 0;
    if (!n) info(io, 'No rejected rows: the sheet holds its header row only.');
    else info(io, `${n} rejected row${n === 1 ? '' : 's'}. Fix ${n === 1 ? 'it' : 'them'} in Excel and import the file again: the columns "${REASON_COLUMN}" and "${REJECTED_ROW_COLUMN}" tell skillsnet which row${n === 1 ? ' it was' : 's they were'} (keep the second one).`);
    return picked[0]?.rows ?? [];
  }
  const several = sheets.length > 1;
  const table = rows.map((r) => [
    ...(several ? [sheetOf(sheets, r)] : []),
    r.file, r.rowNumber, r.reasons.join('; '), truncate(fieldValue(r, 'organization'), 34), truncate(fieldValue(r, 'email'), 34),
  ]);
  if (rows.length) io.stdout.write(renderTable(io, [...(several ? ['Sheet'] : []), 'File', 'Data row', 'Reasons', 'Organisation', 'Email'], table));
  if (!rows.length) info(io, 'No rejected rows.');
  else if (several) info(io, `${rows.length} rejected rows from ${sheets.length} files with different columns${new Set(sheets.map((s) => s.call)).size > 1 ? ' or calls' : ''}. Write them to fix in Excel, one CSV per file: skillsnet rejects --csv --out fix/ (or one of them: --csv --file N > fix.csv)`);
  else info(io, rejectsSummary(rows));
  return rows;
}

/**
 * "1 rejected row. Write them to fix in Excel" of a sheet's line of totals sent the officer to
 * fix a row that is to be deleted: such lines are said apart, and alone they need no sheet.
 */
function rejectsSummary(rows: RejectedRow[]): string {
  const totals = rows.filter((r) => r.reasons.length === 1 && r.reasons[0] === TOTALS_LINE).length;
  const n = rows.length;
  if (totals === n) return `${n} rejected row${n === 1 ? ', a line' : 's, lines'} of totals under the applications: nothing to fix (delete ${n === 1 ? 'it' : 'them'} from the file before importing it again).`;
  const aside = totals ? ` (${totals} of them ${totals === 1 ? 'a line' : 'lines'} of totals: to delete, not fix)` : '';
  return `${n} rejected row${n === 1 ? '' : 's'}${aside}. Write them to fix in Excel: skillsnet rejects --csv > fix.csv`;
}

function sheetOf(sheets: RejectSheet[], r: RejectedRow): number {
  return sheets.find((s) => s.rows.includes(r))?.number ?? 0;
}

/** What the row holds for a field, through the columns its import read that field from. */
function fieldValue(r: RejectedRow, field: string): string {
  for (const header of r.columns[field] ?? []) {
    const v = r.raw[header];
    if (v && v.trim()) return v.trim();
  }
  return '';
}

/**
 * One layout's rejected rows in their original columns, then the reason and the reference of
 * each row; headers and cells made safe for spreadsheets. Imported again, the reference tells
 * skillsnet which rejected rows the fixed sheet resolves and which import's columns it has.
 */
export async function rejectsCsv(sheet: RejectSheet, chosen?: string): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  const { safeCell } = await import('../export/escape.js');
  const columns = [...sheet.headers];
  const known = new Set(columns);
  // a cell beyond the header row was kept as "column N": it keeps its column
  for (const r of sheet.rows) for (const k of Object.keys(r.raw)) if (!known.has(k)) known.add(k), columns.push(k);
  // Semicolons when the rows came from semicolon files (Excel in a French or Spanish locale
  // writes them and opens only them as columns); otherwise commas, unless --delimiter says.
  const delimiter = chosen ?? (sheet.delimiter === ';' ? ';' : ',');
  // A workbook's numbers (or a comma file's) carry a decimal point, which that Excel reads in a
  // ";" file as text or a date: there they are written "7,5", as that Excel writes them. Not in a
  // column the import read as text: a submission ID "2024.117" written "2024,117" came back as
  // another application's ID.
  const asText = new Set(sheet.rows.flatMap((r) => Object.entries(r.columns).flatMap(([field, headers]) => (field === 'score' ? [] : headers))));
  const cell = (v: string, column: string): string =>
    delimiter === ';' && sheet.delimiter !== ';' && !asText.has(column) && /^-?\d+\.\d+$/.test(v) ? v.replace('.', ',') : v;
  const records = sheet.rows.map((r) => [...columns.map((c) => safeCell(cell(r.raw[c] ?? '', c))), safeCell(r.reasons.join('; ')), rejectRef(r.id)]);
  // UTF-8 with a BOM so Excel opens accents correctly
  // Headers are cells too: a header "=HYPERLINK(…)" from the imported file must not run in Excel.
  return '\uFEFF' + stringify([[...columns.map((c) => String(safeCell(c))), REASON_COLUMN, REJECTED_ROW_COLUMN], ...records], { delimiter });
}

/**
 * Cells over Excel's 32,767 characters: Excel cuts them without a word, and a sheet fixed in it
 * would bring the cut text back on the next import, so the command names them.
 */
async function warnOverlong(io: IO, sheets: RejectSheet[]): Promise<void> {
  const { overlongCells, overlongWarning } = await import('../export/spreadsheet-csv.js');
  const cells = sheets.flatMap((s) => overlongCells(['row', ...s.headers], s.rows.map((r) => [rejectRef(r.id), ...s.headers.map((h) => r.raw[h] ?? '')])));
  if (cells.length) {
    warn(io, overlongWarning(cells.map((c) => ({ ...c, record: `rejected row ${c.record}` })),
      'a row fixed there would be imported again cut: fix such rows in a text editor (skillsnet rejects --json has the whole text).'));
  }
}

/**
 * A workbook's rows have no separator of their own and are written with commas, which Excel in a
 * French or Spanish locale opens as one column of text: the officer who uses one is told how to
 * get semicolons.
 */
function workbookCommasHint(io: IO, sheets: RejectSheet[], chosen: string | undefined): void {
  if (chosen !== undefined) return;
  const workbooks = sheets.filter((s) => s.delimiter === null && s.rows.length).flatMap((s) => s.files);
  if (!workbooks.length) return;
  info(io, `The rows of ${workbooks.join(', ')} (${workbooks.length === 1 ? 'a workbook' : 'workbooks'}) are written with commas; Excel in a French or Spanish locale opens only semicolon files in columns: add --delimiter ";" for it, or set SKILLSNET_CSV_DELIMITER=";" once (numbers are then written "7,5").`);
}

/** One CSV per layout in a folder: rejects-N-FILE.csv. */
async function writeSheets(io: IO, sheets: RejectSheet[], out: string, force: boolean, delimiter: string | undefined): Promise<void> {
  const { writeFilesAtomic } = await import('../export/write.js');
  const dir = path.resolve(io.cwd, out);
  const files: { path: string; data: string }[] = [];
  for (const s of sheets) {
    const base = path.basename(s.files[0] ?? 'rows', path.extname(s.files[0] ?? '')).replace(/[^\p{L}\p{N}._-]+/gu, '-');
    files.push({ path: path.join(dir, `rejects-${s.number}-${base}.csv`), data: await rejectsCsv(s, delimiter) });
  }
  writeFilesAtomic(files, { force });
  await warnOverlong(io, sheets);
  // (each sheet is one call's: named when there are several, each imported with its --call)
  const severalCalls = new Set(sheets.map((s) => s.call)).size > 1;
  for (const [i, f] of files.entries()) {
    const n = sheets[i]!.rows.length;
    info(io, `${f.path}: ${n} rejected row${n === 1 ? '' : 's'} of ${sheets[i]!.files.join(', ')}${severalCalls ? ` (call ${sheets[i]!.call})` : ''}`);
  }
  const first = files[0] ? `skillsnet import ${shellArg(path.relative(io.cwd, files[0].path) || files[0].path)}${severalCalls ? ` --call ${shellArg(sheets[0]!.call)}` : ''}` : '';
  workbookCommasHint(io, sheets, delimiter);
  if (!files.length) info(io, 'No rejected rows: nothing written.');
  else info(io, `Fix them in Excel and import each file again${severalCalls ? ' into its call' : ''} (keep the "${REJECTED_ROW_COLUMN}" column): ${first}`);
}

export function registerRejects(program: Command, ctx: CliContext): void {
  program
    .command('rejects')
    .description('list the rows an import rejected (missing organisation, missing or invalid email), or write them as CSV to fix')
    .option('--csv', 'print them as CSV in their original columns plus a reason and a reference column, to fix in Excel and import again')
    .option('--out <dir>', 'with --csv: write one CSV per file layout and call into this folder (needed when rows come from files with different columns or calls)')
    .option('--file <n>', 'with --csv: only the rows of sheet N (the Sheet column of skillsnet rejects)', parseNumber('--file'))
    .option('--batch <id>', 'with --csv: only the rows of this import batch (import --json reports it)', parseNumber('--batch'))
    .option('--force', 'with --out: replace files that exist')
    .option('--delimiter <c>', 'with --csv: the separator, e.g. ";" for Excel in a French or Spanish locale (default $SKILLSNET_CSV_DELIMITER, else the one of the file the rows came from; "," for a workbook)')
    .option('--json', 'print them as JSON')
    .option('--call <name>', 'only rows imported into this call')
    .option('--all', 'include rows of earlier imports of the same file, and rows a later import fixed')
    .addHelpText(
      'after',
      `
By default you see the rejected rows of the latest import of each file that no later import
fixed: importing a file again replaces its earlier list (a row several files rejected alike is
listed once, from the latest), and importing the fixed CSV resolves the rows it fixed (the
"${REJECTED_ROW_COLUMN}" column says which). Rows from files with different columns, or of
different calls, go to different CSV files.

Output redirected to a file holds personal data: a file the shell has just created for it
(> FILE) is made readable by you only (0600); appending (>>) to an older file, or a pipe, leaves
it readable as your umask and that file allow (a warning says so). A full disk is exit 1.

Examples:
  skillsnet rejects
  skillsnet rejects --csv > fix.csv      # fix in Excel, then: skillsnet import fix.csv --call 2020
  skillsnet rejects --csv --out fix/     # one CSV per file layout
  skillsnet rejects --csv --file 2 > fix-2.csv
  skillsnet rejects --csv --delimiter ";" > fix.csv   # rows of a workbook, for Excel in French or Spanish
  skillsnet rejects --call 2020 --all      # every rejected row of the call, older imports too`,
    )
    .action(async (flags: { csv?: boolean; json?: boolean; call?: string; all?: boolean; out?: string; file?: number; batch?: number; force?: boolean; delimiter?: string }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      if (flags.csv && flags.json) throw new UsageError('choose one of --csv and --json', { hint: 'skillsnet rejects --json lists them; skillsnet rejects --csv > fix.csv writes the sheet to fix' });
      if (!flags.csv && (flags.out !== undefined || flags.file !== undefined || flags.batch !== undefined || flags.delimiter !== undefined)) {
        throw new UsageError('--out, --file, --batch and --delimiter go with --csv', { hint: 'e.g. skillsnet rejects --csv --out fix/' });
      }
      if (flags.file !== undefined && flags.batch !== undefined) throw new UsageError('choose one of --file and --batch', { hint: 'e.g. skillsnet rejects --csv --file 1 > fix.csv (the Sheet column of skillsnet rejects)' });
      await runRejects(
        { dbPath, call: flags.call, all: flags.all, format: flags.csv ? 'csv' : flags.json ? 'json' : 'table', out: flags.out, file: flags.file, batch: flags.batch, force: flags.force, delimiter: flags.delimiter },
        io,
      );
    });
}

function parseNumber(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a whole number from 1, got "${value}"`, { hint: `e.g. ${flag} 1 (skillsnet rejects lists them)` });
    return n;
  };
}
