/**
 * The final column mapping of a file: what header recognition found, overridden by a --map
 * file, completed on a terminal by a short wizard (ui/mapping-wizard.ts). Without a terminal a missing required field
 * is an error that names the fields, lists the columns and shows the --map format, and never
 * quotes the content of a row (it holds personal data).
 */
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { OperationError, UsageError } from '../errors.js';
import { readSmallInput } from '../files/index.js';
import { FIELDS, requiredFields, type ColumnMapping, type Field } from './headers.js';

export { FIELD_LABELS } from './field-labels.js';
export { columnLetter, letterIndex } from './column-letters.js';
import { columnLetter, letterIndex } from './column-letters.js';
import { FIELD_LABELS } from './field-labels.js';

/** An email address somewhere in a cell or a header ("Ana <ana@example.org>", "ana@example.org / +221…"). */
export const ADDRESS_IN_TEXT = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/**
 * A --map file: field -> column (or several, first non-empty wins). A column is named by its
 * header as written in the file, its letter as a spreadsheet shows it ("F", "AB") or its number
 * from 1 (6, or "6").
 */
export type MappingFile = Partial<Record<Field, ColumnRef | ColumnRef[]>>;
export type ColumnRef = string | number;

export async function readMappingFile(file: string): Promise<MappingFile> {
  let bytes: Buffer;
  try {
    bytes = await readSmallInput(file, { limit: 1024 * 1024, what: 'the mapping file ' });
  } catch (e) {
    // A --map that cannot be read is wrong usage (exit 2), as before.
    if (!(e instanceof OperationError)) throw e;
    throw new UsageError(e.message, { hint: 'give --map the path of a JSON file such as {"organization": "Org name", "email": "E-mail"}' });
  }
  // A workbook or a program given by mistake: JSON.parse's message quoted its bytes ("\u007fELF\u0000…") into the error line.
  if (bytes.includes(0) || !isUtf8(bytes)) {
    throw new UsageError(`the mapping file ${file} is not JSON: it holds binary data (a workbook, a program, a picture?)`, { hint: mapFormatHint() });
  }
  const text = bytes.toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`the mapping file ${file} is not valid JSON: ${(e as Error).message}`, { hint: mapFormatHint() });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new UsageError(`the mapping file ${file} must hold a JSON object`, { hint: mapFormatHint() });
  const out: MappingFile = {};
  const isRef = (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v) && v >= 1);
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key.startsWith('$') || key.startsWith('_')) continue; // comments
    const field = mappingField(key);
    if (!field) {
      throw new UsageError(`unknown field "${key}" in the mapping file ${file}`, { hint: `fields are: ${FIELDS.join(', ')}` });
    }
    if (out[field] !== undefined) throw new UsageError(`the mapping file ${file} names the field ${field} twice ("${key}")`, { hint: 'keep one of them; a list such as ["E-mail", "F"] names several columns for one field' });
    const ok = isRef(value) || (Array.isArray(value) && value.every(isRef));
    if (!ok) throw new UsageError(`"${key}" in ${file} must be a column (its header, its letter or its number) or a list of columns`, { hint: mapFormatHint() });
    out[field] = value as ColumnRef | ColumnRef[];
  }
  return out;
}

/**
 * The field a mapping file's key names: as written ("organization"), or as an officer may write
 * it — British spelling, another case, spaces, hyphens or underscores ("organisation",
 * "Organisation type", "contact_name", "Email").
 */
export function mappingField(key: string): Field | undefined {
  if ((FIELDS as readonly string[]).includes(key)) return key as Field;
  const loose = (k: string) => k.toLowerCase().replace(/isation/g, 'ization').replace(/[\s_-]+/g, '');
  return FIELDS.find((f) => loose(f) === loose(key));
}

function mapFormatHint(): string {
  return 'the format is a JSON object of field -> column, by header, letter or number, e.g. {"organization": "Org name", "email": ["E-mail", "F"], "country": 7}';
}

/** A header longer than this is cut in a message: a pasted essay as a column name filled the terminal (--json keeps every header whole). */
export const SHOWN_HEADER_CHARS = 200;

/**
 * A header as a message shows it: its spacing folded, cut to `max` characters with "…" (by
 * characters, not UTF-16 units: an emoji cut in half prints as a broken character).
 */
export function headerForDisplay(header: string, max = SHOWN_HEADER_CHARS): string {
  // (only the start is looked at: a header can be hundreds of thousands of characters)
  const t = [...header.slice(0, 4 * max + 8).replace(/\s+/g, ' ').trim()];
  const whole = header.length <= 4 * max + 8;
  return t.length > max || !whole ? `${t.slice(0, max - 1).join('').trimEnd()}…` : t.join('');
}

/** A column for a report line: `B "Country"`, or `B (no header)` for a blank header cell (which the raw row names "column N"). */
export function columnDisplay(letter: string, header: string | undefined): string {
  return header && header !== `column ${letterIndex(letter) + 1}` ? `${letter} "${headerForDisplay(header)}"` : `${letter} (no header)`;
}

/**
 * The column a reference names: a header as written (spacing and case aside) first, then a
 * spreadsheet letter ("F", "AB") or a number from 1; -1 when none.
 */
export function findColumn(headers: readonly string[], wanted: ColumnRef): number {
  if (typeof wanted === 'number') return wanted >= 1 && wanted <= headers.length ? wanted - 1 : -1;
  const exact = headers.indexOf(wanted);
  if (exact >= 0) return exact;
  const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  const byHeader = headers.findIndex((h) => fold(h) === fold(wanted));
  if (byHeader >= 0) return byHeader;
  const t = wanted.trim();
  if (/^[A-Z]{1,3}$/.test(t)) {
    const i = letterIndex(t);
    return i < headers.length ? i : -1;
  }
  if (/^\d{1,5}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= headers.length ? n - 1 : -1;
  }
  return -1;
}

/** Whether every column a --map file names by header is among these headers (the sheet it was written for). */
export function mappingFileFits(headers: readonly string[], file: MappingFile): boolean {
  const refs = Object.values(file).flatMap((value) => (Array.isArray(value) ? value : [value]));
  const named = refs.filter((r) => typeof r === 'string' && !/^(?:[A-Z]{1,3}|\d{1,5})$/.test(r.trim()));
  return refs.length > 0 && refs.every((r) => findColumn(headers, r!) >= 0) && (named.length > 0 || headers.length > 1);
}

/**
 * Which header cells a message may repeat. A header row is not personal data, but a file without
 * one has someone's details in its place, and the two cannot always be told apart: when the row
 * is not surely a header row, only the cells recognised as column names are repeated.
 */
export type ShownColumns = (index: number) => boolean;

/**
 * Applies a --map file over the recognised mapping. Columns it names are taken from other
 * fields; one column named for two fields (organisation and email, say) is refused: every row
 * would then be wrong in one of them. `shown`: which header cells messages may repeat.
 */
export function applyMappingFile(headers: readonly string[], auto: ColumnMapping, file: MappingFile, fileName: string, shown: ShownColumns = () => true): ColumnMapping {
  const mapping: ColumnMapping = {};
  const forced = new Map<number, Field>();
  const chosen: ColumnMapping = {};
  for (const [field, value] of Object.entries(file) as [Field, ColumnRef | ColumnRef[]][]) {
    const columns: number[] = [];
    for (const ref of Array.isArray(value) ? value : [value]) {
      const col = findColumn(headers, ref);
      if (col < 0) {
        const what = typeof ref === 'number' || /^(?:[A-Z]{1,3}|\d{1,5})$/.test(ref.trim()) ? `column ${ref}` : `a column "${ref}"`;
        throw new OperationError(`the mapping file names ${what} (for ${field}) that ${fileName} does not have`, {
          hint: `columns in the file: ${describeColumns(headers, shown)}`,
        });
      }
      const other = forced.get(col);
      if (other !== undefined && other !== field) {
        throw new UsageError(`the mapping file gives ${shown(col) ? `the column "${headers[col]}"` : `column ${columnLetter(col)}`} to both ${FIELD_LABELS[other]} (${other}) and ${FIELD_LABELS[field]} (${field})`, {
          hint: 'a column holds one field: name each field\'s own column in the mapping file',
        });
      }
      if (!columns.includes(col)) columns.push(col);
      forced.set(col, field);
    }
    chosen[field] = columns;
  }
  for (const field of FIELDS) {
    if (chosen[field]) mapping[field] = chosen[field];
    else {
      const cols = auto[field]?.filter((c) => !forced.has(c));
      if (cols?.length) mapping[field] = cols;
    }
  }
  return mapping;
}

export function missingRequired(mapping: ColumnMapping): Field[] {
  return requiredFields().filter((f) => !mapping[f]?.length);
}

/**
 * Looks like row content rather than a header: an email address or a long run of digits (a
 * phone number). A web address is a header's to hold ("… https://example.org/form/123456789"),
 * digits and all.
 */
export function looksLikeData(header: string): boolean {
  // (a web address, a form tool's piping placeholder "{{field:09dac6d1-…}}" or an identifier's UUID is no one's details)
  const text = header
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' ');
  return ADDRESS_IN_TEXT.test(text) || /\d{6,}/.test(text.replace(/[\s().+-]/g, ''));
}

/** Columns listed in full in a message; past this many, the rest are counted. */
const LISTED_COLUMNS = 60;

/**
 * The columns, by letter and full header, for messages; cells that look like personal data are
 * not repeated, nor those `shown` withholds (the row may be someone's details rather than headers).
 */
export function describeColumns(headers: readonly string[], shown: ShownColumns = () => true): string {
  if (!headers.length) return '(none)';
  const list = headers.slice(0, LISTED_COLUMNS).map((h, i) => {
    const letter = columnLetter(i);
    if (looksLikeData(h)) return `${letter} (not shown: looks like data)`;
    if (!shown(i)) return letter;
    const t = headerForDisplay(h);
    // a blank header cell was named "column N" for the raw row (uniqueHeaders): not the file's word
    return t && t !== `column ${i + 1}` ? `${letter} "${t}"` : `${letter} (no header)`;
  });
  const more = headers.length - LISTED_COLUMNS;
  const hidden = headers.some((_, i) => !shown(i));
  return list.join(', ') + (more > 0 ? `, and ${more} more (import --json lists them all)` : '') +
    (hidden ? ' (a header skillsnet does not recognise is named by its letter: if the file has no header row, its first row would be someone\'s details)' : '');
}

/**
 * The error for missing required fields when no one can be asked. A top row holding an address or
 * a phone number is data (a file without a header row): none of it is repeated; otherwise the
 * columns are listed as far as `shown` allows.
 */
export function missingColumnsError(
  file: string,
  headers: readonly string[],
  missing: Field[],
  dropped: readonly { field: Field; column: number; holds: string }[] = [],
  shown: ShownColumns = () => true,
  letters: Partial<Record<Field, string>> = {},
  /** `noAddresses`: the email is missing and no cell of the rows read holds an address. */
  facts: { noAddresses?: boolean } = {},
): OperationError {
  const names = missing.map((f) => FIELD_LABELS[f]).join(' and ');
  const notUsed = dropped
    .filter((d) => missing.includes(d.field))
    .map((d) => `column ${columnLetter(d.column)}${shown(d.column) ? ` "${headers[d.column]}"` : ''} names the ${FIELD_LABELS[d.field]} but holds ${d.holds}, so it was not used\n  `)
    .join('');
  const dataLike = headers.some(looksLikeData);
  // no header to name a column by: the example names real letters of the file (the column whose
  // cells are addresses for the email, say), never a placeholder that reads like a header
  const byLetter = dataLike || !headers.some((h, i) => shown(i) && h.trim() !== '');
  const example: Record<string, string> = {};
  missing.forEach((f, n) => {
    example[f] = byLetter ? letters[f] ?? columnLetter(Math.min(n, Math.max(0, headers.length - 1))) : 'Column header in your file';
  });
  // A first row holding an address or a phone number is data, not headers: none of it is repeated.
  // Named by letter in --map, the columns need no header and that row is read as an application.
  const columns = dataLike
    ? `the first row looks like data (it holds an email address, a phone number or a date), not column names; add a header row to the file, or name the columns by letter in --map (every row is then read as an application).\n  `
    : `columns in the file: ${describeColumns(headers, shown)}\n  `;
  return new OperationError(`${path.basename(file)}: no column found for the ${names}; nothing was imported`, {
    hint:
      notUsed +
      columns +
      // (--map cannot name a column that is not there: a form that never asked for the email)
      (facts.noAddresses
        ? 'no cell of the file holds an email address, and each application needs one (applicants are told apart and reached by it):\n  if the form did not ask for it, add an Email column, fill it in and import again; if the addresses are in the file after all, '
        : '') +
      `name the columns in a JSON file and pass it with --map, e.g. --map mapping.json containing\n  ${JSON.stringify(example)}\n  ` +
      'a column may be named by its header, its letter ("F") or its number from 1 (6)',
  });
}

/** The mapping as field -> header names, for the batch record and the JSON report. */
export function mappingByHeader(headers: readonly string[], mapping: ColumnMapping): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of FIELDS) {
    const cols = mapping[f];
    if (cols?.length) out[f] = cols.map((c) => headers[c] ?? `column ${c + 1}`);
  }
  return out;
}
