/**
 * Which sheet of a workbook is imported.
 *
 * The first sheet, unless it holds no application table at all: workbooks often open on an
 * instructions or cover sheet, or a sheet of drop-down lists (countries, organisation types),
 * and the applications follow. A first sheet that does hold applications but whose email (or
 * organisation) column was not recognised stays the one read: the mapping wizard asks on a
 * terminal, the missing-columns error says what to do off one. Moving on to the next sheet that
 * names both columns would silently import a jury, reviewers or contacts sheet instead.
 * `--sheet NAME|NUMBER` picks the sheet outright.
 */
import path from 'node:path';
import type { Callbacks } from '../reporting.js';
import { OperationError } from '../errors.js';
import { findHeaderRow, topRows } from './header-row.js';
import { matchHeaders, type Field } from './headers.js';
import { ADDRESS_IN_TEXT, mappingFileFits, missingRequired, type MappingFile } from './mapping.js';
import { xlsxSource, type TableSource } from './readers.js';

/** Sheets looked at for the applications when the first one holds none. */
export const MAX_SHEETS = 20;

/** Later sheets looked at for applications not imported (each is a read of its top rows). */
export const MAX_OTHER_SHEETS = 100;

/** How a sheet's top rows hold an application table (higher is better). */
export const SheetFit = {
  /** no row reads like a header row: instructions, notes, an empty sheet */
  none: 0,
  /** a table of something else: its columns are only lists of values (a drop-down list sheet) */
  otherTable: 1,
  /** applications whose organisation or email column was not recognised */
  incomplete: 2,
  /** a header row naming the organisation and email columns (with --map: every column it names) */
  complete: 3,
} as const;
export type SheetFit = (typeof SheetFit)[keyof typeof SheetFit];

/** Fields that a sheet of drop-down lists holds too; any other field is an application's own. */
const LIST_FIELDS: ReadonlySet<Field> = new Set<Field>(['organizationType', 'country', 'language', 'beneficiaries', 'selfCategories']);

export function sheetFit(rows: string[][], mapFile?: MappingFile): SheetFit {
  const { headerIndex, best } = findHeaderRow(rows);
  const header = (rows[headerIndex] ?? []).map((h) => h.replace(/\s+/g, ' ').trim());
  // a mapping file was written for the sheet that has the columns it names
  if (mapFile && mappingFileFits(header, mapFile)) return SheetFit.complete;
  if (best < 2) return SheetFit.none;
  const { mapping } = matchHeaders(header);
  if (!mapFile && missingRequired(mapping).length === 0) return SheetFit.complete;
  const ownColumn = (Object.keys(mapping) as Field[]).some((f) => mapping[f]?.length && !LIST_FIELDS.has(f));
  return ownColumn || addressesBelowHeader(rows, headerIndex) ? SheetFit.incomplete : SheetFit.otherTable;
}

/** Whether a row under the header row holds an email address. */
function addressesBelowHeader(rows: string[][], headerIndex = findHeaderRow(rows).headerIndex): boolean {
  return rows.slice(headerIndex + 1).some((row) => row.some((c) => ADDRESS_IN_TEXT.test(c)));
}

export interface ChosenSheet {
  source: TableSource;
  /** its top rows (blank rows skipped) */
  first: string[][];
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** The sheet to import; a CSV source is read as it is. */
export async function chooseSheet(file: string, given: TableSource, callbacks: Callbacks, options: { mapFile?: MappingFile; sheet?: string }): Promise<ChosenSheet> {
  let opened = given;
  let first = await topRows(opened);
  if (!opened.sheet) return { source: opened, first };
  if (options.sheet !== undefined) return pickSheet(file, opened, first, options.sheet);
  // The first sheet is the first one Excel shows: a hidden sheet before it (an old copy of the
  // responses, the lists of a form) is not what the officer sees on opening the workbook.
  const hidden = opened.sheet.hidden ?? [];
  if (hidden[0]) {
    const shown = hidden.findIndex((h) => !h);
    if (shown > 0) {
      const hiddenName = sheetLabel(opened);
      opened = xlsxSource(file, shown);
      first = await topRows(opened);
      callbacks.onStatus?.(`${path.basename(file)}: the first sheet (${hiddenName}) is hidden in Excel; reading sheet ${sheetLabel(opened)}, the first one shown (--sheet chooses another).`);
    }
  }
  const { mapFile } = options;
  const fit = sheetFit(first, mapFile);
  // the first sheet holds the applications, even when a column is still to be named
  if (fit === SheetFit.complete || (fit === SheetFit.incomplete && !mapFile)) return { source: await notingOthers(file, opened, mapFile), first };
  const count = Math.min(opened.sheet!.seen.length, MAX_SHEETS);
  for (let i = opened.sheet!.index + 1; i < count; i++) {
    if (hidden[i]) continue;
    const other = xlsxSource(file, i);
    const rows = await topRows(other);
    if (!other.sheet!.exists) break;
    const otherFit = sheetFit(rows, mapFile);
    if (mapFile ? otherFit === SheetFit.complete : otherFit >= SheetFit.incomplete) {
      const why = mapFile && fit > SheetFit.none ? 'has not the columns of the mapping file' : fit === SheetFit.otherTable ? 'has no organisation and email columns' : 'has no column headers';
      callbacks.onStatus?.(`${path.basename(file)}: the first sheet (${sheetLabel(opened)}) ${why}; importing sheet ${sheetLabel(other)}.`);
      return { source: await notingOthers(file, other, mapFile), first: rows };
    }
  }
  return { source: opened, first };
}

/**
 * Notes in `source.sheet.otherApplications` the sheets shown after the one read that have the
 * columns of applications too (a workbook of two rounds, "Ronda 1" and "Ronda 2"): only one
 * sheet is imported, and the report names the others rather than leave them unread without a word.
 */
async function notingOthers(file: string, source: TableSource, mapFile: MappingFile | undefined): Promise<TableSource> {
  const sheet = source.sheet!;
  const others: string[] = [];
  // (not MAX_SHEETS: a workbook of a sheet per round or country has more than 20, and its
  // sheets past the 20th went unmentioned)
  const count = Math.min(sheet.seen.length, sheet.index + 1 + MAX_OTHER_SHEETS);
  sheet.otherSheetsUnchecked = sheet.seen.slice(count).filter((_, i) => !sheet.hidden?.[count + i]).length;
  for (let i = sheet.index + 1; i < count; i++) {
    if (sheet.hidden?.[i]) continue;
    const other = xlsxSource(file, i);
    const rows = await topRows(other);
    if (!other.sheet!.exists) break;
    // (a pivot table's "Organisation | Count of Email" names the columns too, and holds no address)
    if (sheetFit(rows, mapFile) === SheetFit.complete && addressesBelowHeader(rows)) others.push(other.sheet!.name ?? `number ${i + 1}`);
  }
  sheet.otherApplications = others;
  return source;
}

function sheetLabel(source: TableSource): string {
  return source.sheet!.name ? `"${source.sheet!.name}"` : `number ${source.sheet!.index + 1}`;
}

/** The sheet `--sheet` names: by its name (case aside), else by its number from 1. */
async function pickSheet(file: string, opened: TableSource, first: string[][], wanted: string): Promise<ChosenSheet> {
  const names = opened.sheet!.seen;
  const text = wanted.trim();
  const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  let index = names.indexOf(text);
  if (index < 0) index = names.findIndex((n) => fold(n) === fold(text));
  if (index < 0 && /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= names.length) index = Number(text) - 1;
  if (index < 0) {
    const name = path.basename(file);
    const what = /^\d+$/.test(text) ? `no sheet number ${text}` : `no sheet "${text}"`;
    throw new OperationError(`${name} has ${what}`, {
      hint: names.length
        ? `its sheets: ${quoted(names)}; give --sheet one of these names, or a number from 1 to ${names.length}`
        : 'it is not an Excel workbook with sheets; open it in Excel and save it as .xlsx or CSV',
    });
  }
  if (index === 0) return { source: opened, first };
  const source = xlsxSource(file, index);
  return { source, first: await topRows(source) };
}

/**
 * For messages about a workbook's columns: which sheet was read and the others, with how to
 * pick one. Empty for a CSV file or a workbook of one sheet.
 */
export function otherSheetsHint(source: TableSource): string {
  const names = source.sheet?.seen ?? [];
  if (names.length < 2) return '';
  const read = sheetLabel(source);
  return `the workbook's sheets: ${quoted(names)}; skillsnet read sheet ${read}: to import another, give --sheet NAME (or its number, from 1)`;
}
