/**
 * The table layout at the top of a file: which sheet, where the header row is (title lines may
 * come first), a second header row (SurveyMonkey's, or a merged group header over its columns),
 * and which column each field is read from (recognised, from a --map file, or asked).
 */
import path from 'node:path';
import { OperationError } from '../errors.js';
import { findHeaderRow } from './header-row.js';
import { headerLikeness, matchHeaders, type ColumnMapping } from './headers.js';
import type { ImportHooks } from './importer.js';
import { applyMappingFile, looksLikeData, missingColumnsError, missingRequired, type MappingFile } from './mapping.js';
import type { TableSource } from './readers.js';
import { chooseSheet, otherSheetsHint } from './sheets.js';

/** The table layout found at the top of a file. */
export interface Layout {
  /** rows before the first data row (preamble + header rows) */
  skip: number;
  headers: string[];
  mapping: ColumnMapping;
  unmatched: number[];
}

const SURVEYMONKEY_SUBHEADERS = new Set(['response', 'open-ended response', 'open ended response', 'réponse', 'reponse', 'réponse ouverte', 'respuesta', 'respuesta abierta']);

/** Reads the first rows: where the header is, SurveyMonkey's second header row, the mapping. */
export async function readLayout(
  file: string,
  opened: TableSource,
  options: { mapFile?: MappingFile; sheet?: string },
  hooks: Pick<ImportHooks, 'onStatus' | 'askMapping'>,
): Promise<{ layout: Layout; source: TableSource }> {
  const { source, first } = await chooseSheet(file, opened, hooks, { mapFile: options.mapFile, sheet: options.sheet });
  if (!first.length && source.sheet && source.sheet.seen.length === 0) {
    throw new OperationError(`${file} has no sheet: it is a zip file but not an Excel workbook`, {
      hint: 'open it in Excel or LibreOffice and save it as .xlsx or CSV, then import that file',
    });
  }
  if (!first.length) {
    throw new OperationError(`${file} is empty: there is no header row and no data`, { hint: 'check that you picked the right file' });
  }
  const { headerIndex, best } = findHeaderRow(first);
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
  // A row that names at least two fields is surely the header row: messages may repeat its cells.
  // Otherwise it may be someone's details (a file without a header row): only the cells recognised
  // as column names are repeated.
  const recognised = new Set(Object.values(auto).flat());
  const sure = best >= 2 && !headers.some(looksLikeData);
  const shown = (i: number) => sure || recognised.has(i);
  let mapping = options.mapFile ? applyMappingFile(headers, auto, options.mapFile, path.basename(file), shown) : auto;
  const missing = missingRequired(mapping);
  if (missing.length) {
    const sheets = otherSheetsHint(source);
    if (!hooks.askMapping) {
      const error = missingColumnsError(file, headers, missing, shown);
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
