import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, personalOutput, type IO } from './io.js';
import { UsageError } from '../errors.js';
import type { RejectedRow } from '../db/imports.js';
import { renderTable, truncate } from '../ui/table.js';

export interface RejectsOptions {
  dbPath: string;
  call?: string;
  all?: boolean;
  format: 'table' | 'json' | 'csv';
}

/** The column that says why, added after the file's own columns in rejects --csv. */
export const REASON_COLUMN = 'Rejection reason';

export async function runRejects(opts: RejectsOptions, io: IO): Promise<RejectedRow[]> {
  const { listRejectedRows } = await import('../db/imports.js');
  const rows = await withDatabase(opts.dbPath, { create: false }, (db) => listRejectedRows(db, { call: opts.call, all: opts.all }));
  personalOutput(io);
  if (opts.format === 'json') {
    printJson(io, rows.map(({ columns: _columns, headers: _headers, delimiter: _delimiter, ...r }) => r));
  } else if (opts.format === 'csv') {
    io.stdout.write(await rejectsCsv(rows));
    info(io, `${rows.length} rejected row${rows.length === 1 ? '' : 's'}. Fix them in Excel, delete the "${REASON_COLUMN}" column if you like, and import the file again.`);
  } else {
    const table = rows.map((r) => [r.file, r.rowNumber, r.reasons.join('; '), truncate(fieldValue(r, 'organization'), 34), truncate(fieldValue(r, 'email'), 34)]);
    if (rows.length) io.stdout.write(renderTable(io, ['File', 'Data row', 'Reasons', 'Organisation', 'Email'], table));
    info(io, rows.length ? `${rows.length} rejected row${rows.length === 1 ? '' : 's'}. Write them to fix in Excel: skillsnet rejects --csv > fix.csv` : 'No rejected rows.');
  }
  return rows;
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
 * Rejected rows in their original columns (the union, in order of first appearance, when they
 * come from several files) plus the reason, cells made safe for spreadsheets.
 */
export async function rejectsCsv(rows: RejectedRow[]): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  const { safeCell } = await import('../export/escape.js');
  const columns: string[] = [];
  const known = new Set<string>();
  const add = (k: string) => {
    if (!known.has(k)) {
      known.add(k);
      columns.push(k);
    }
  };
  for (const r of rows) for (const k of r.headers) add(k);
  for (const r of rows) for (const k of Object.keys(r.raw)) add(k);
  const records = rows.map((r) => [...columns.map((c) => safeCell(r.raw[c] ?? '')), safeCell(r.reasons.join('; '))]);
  // Semicolons when the rows came from semicolon files (Excel in a French or Spanish locale
  // writes them and opens only them as columns); otherwise commas.
  const delimiter = rows.length && rows.every((r) => r.delimiter === ';') ? ';' : ',';
  // UTF-8 with a BOM so Excel opens accents correctly
  // Headers are cells too: a header "=HYPERLINK(…)" from the imported file must not run in Excel.
  return '\uFEFF' + stringify([[...columns.map((c) => safeCell(c)), REASON_COLUMN], ...records], { delimiter });
}

export function registerRejects(program: Command, ctx: CliContext): void {
  program
    .command('rejects')
    .description('list the rows an import rejected (missing organisation, missing or invalid email), or write them as CSV to fix')
    .option('--csv', 'print them as CSV in their original columns plus a reason column, to fix in Excel and import again')
    .option('--json', 'print them as JSON')
    .option('--call <name>', 'only rows imported into this call')
    .option('--all', 'include rows of earlier imports of the same file')
    .addHelpText(
      'after',
      `
By default you see the rejected rows of the latest import of each file: importing a file again
replaces its earlier list.

Output redirected to a file holds personal data: a file the shell has just created for it
(> FILE) is made readable by you only (0600); appending (>>) to an older file, or a pipe, leaves
it readable as your umask and that file allow (a warning says so). A full disk is exit 1.

Examples:
  skillsnet rejects
  skillsnet rejects --csv > fix.csv      # fix in Excel, then: skillsnet import fix.csv --call 2020
  skillsnet rejects --call 2020 --all      # every rejected row of the call, older imports too`,
    )
    .action(async (flags: { csv?: boolean; json?: boolean; call?: string; all?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      if (flags.csv && flags.json) throw new UsageError('choose one of --csv and --json');
      await runRejects({ dbPath, call: flags.call, all: flags.all, format: flags.csv ? 'csv' : flags.json ? 'json' : 'table' }, io);
    });
}
