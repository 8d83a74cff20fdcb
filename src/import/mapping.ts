/**
 * The final column mapping of a file: what header recognition found, overridden by a --map
 * file, completed on a terminal by a short wizard (ui/mapping-wizard.ts). Without a terminal a missing required field
 * is an error that names the fields, lists the columns and shows the --map format, and never
 * quotes the content of a row (it holds personal data).
 */
import path from 'node:path';
import { OperationError, UsageError } from '../errors.js';
import { readSmallInput } from '../files/index.js';
import { FIELDS, requiredFields, type ColumnMapping, type Field } from './headers.js';

/** What the officer calls each field (messages, wizard). */
export const FIELD_LABELS: Record<Field, string> = {
  externalId: 'application ID',
  submittedAt: 'submission date',
  organization: 'organisation',
  organizationType: 'organisation type',
  contactName: 'contact name',
  firstName: 'contact first name',
  lastName: 'contact last name',
  email: 'email',
  phone: 'phone',
  website: 'website',
  country: 'country',
  language: 'language',
  title: 'title',
  description: 'description',
  beneficiaries: 'beneficiaries',
  selfCategories: "applicant's own category",
  score: 'score',
};

/** A --map file: field -> column header (or several, first non-empty wins). */
export type MappingFile = Partial<Record<Field, string | string[]>>;

export async function readMappingFile(file: string): Promise<MappingFile> {
  let text: string;
  try {
    text = (await readSmallInput(file, { limit: 1024 * 1024, what: 'the mapping file ' })).toString('utf8');
  } catch (e) {
    // A --map that cannot be read is wrong usage (exit 2), as before.
    if (!(e instanceof OperationError)) throw e;
    throw new UsageError(e.message, { hint: 'give --map the path of a JSON file such as {"organization": "Org name", "email": "E-mail"}' });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`the mapping file ${file} is not valid JSON: ${(e as Error).message}`, { hint: mapFormatHint() });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new UsageError(`the mapping file ${file} must hold a JSON object`, { hint: mapFormatHint() });
  const out: MappingFile = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key.startsWith('$') || key.startsWith('_')) continue; // comments
    if (!(FIELDS as readonly string[]).includes(key)) {
      throw new UsageError(`unknown field "${key}" in the mapping file ${file}`, { hint: `fields are: ${FIELDS.join(', ')}` });
    }
    const ok = typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    if (!ok) throw new UsageError(`"${key}" in ${file} must be a column header or a list of headers`, { hint: mapFormatHint() });
    out[key as Field] = value as string | string[];
  }
  return out;
}

function mapFormatHint(): string {
  return 'the format is a JSON object of field -> column header, e.g. {"organization": "Org name", "email": ["E-mail", "Email 2"]}';
}

function findColumn(headers: readonly string[], wanted: string): number {
  const exact = headers.indexOf(wanted);
  if (exact >= 0) return exact;
  const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  return headers.findIndex((h) => fold(h) === fold(wanted));
}

/** Whether every column a --map file names is among these headers (the sheet it was written for). */
export function mappingFileFits(headers: readonly string[], file: MappingFile): boolean {
  return Object.values(file).every((value) => (Array.isArray(value) ? value : [value]).every((h) => findColumn(headers, h) >= 0));
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
  for (const [field, value] of Object.entries(file) as [Field, string | string[]][]) {
    const columns: number[] = [];
    for (const header of Array.isArray(value) ? value : [value]) {
      const col = findColumn(headers, header);
      if (col < 0) {
        throw new OperationError(`the mapping file names a column "${header}" (for ${field}) that ${fileName} does not have`, {
          hint: `columns in the file: ${describeColumns(headers, shown)}`,
        });
      }
      const other = forced.get(col);
      if (other !== undefined && other !== field) {
        throw new UsageError(`the mapping file gives the column "${header}" to both ${FIELD_LABELS[other]} (${other}) and ${FIELD_LABELS[field]} (${field})`, {
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

/** Looks like row content rather than a header: an email address or a long run of digits. */
export function looksLikeData(header: string): boolean {
  return /@/.test(header) || /\d{6,}/.test(header.replace(/[\s().+-]/g, ''));
}

/**
 * The columns, quoted, for messages; cells that look like personal data are not repeated, nor
 * those `shown` withholds (the row may be someone's details rather than headers).
 */
export function describeColumns(headers: readonly string[], shown: ShownColumns = () => true): string {
  if (!headers.length) return '(none)';
  const list = headers.slice(0, 40).map((h, i) => {
    if (looksLikeData(h)) return `column ${i + 1} (not shown: looks like data)`;
    if (!shown(i)) return `column ${i + 1}`;
    const t = h.replace(/\s+/g, ' ').trim();
    return t ? `"${t.length > 60 ? t.slice(0, 57) + '...' : t}"` : `column ${i + 1} (no header)`;
  });
  const hidden = headers.some((_, i) => !shown(i));
  return list.join(', ') + (headers.length > 40 ? `, ... (${headers.length} columns)` : '') +
    (hidden ? ' (a header skillsnet does not recognise is named by its position: if the file has no header row, its first row would be someone\'s details)' : '');
}

/**
 * The error for missing required fields when no one can be asked. A top row holding an address or
 * a phone number is data (a file without a header row): none of it is repeated; otherwise the
 * columns are listed as far as `shown` allows.
 */
export function missingColumnsError(file: string, headers: readonly string[], missing: Field[], shown: ShownColumns = () => true): OperationError {
  const names = missing.map((f) => FIELD_LABELS[f]).join(' and ');
  const dataLike = headers.some(looksLikeData);
  const example: Record<string, string> = {};
  for (const f of missing) example[f] = 'Column header in your file';
  // A first row holding an address or a phone number is data, not headers: none of it is repeated.
  const columns = dataLike
    ? `the first row looks like data (it holds an email address or a phone number), not column names; add a header row to the file.\n  `
    : `columns in the file: ${describeColumns(headers, shown)}\n  `;
  return new OperationError(`${path.basename(file)}: no column found for the ${names}; nothing was imported`, {
    hint:
      columns +
      `name the columns in a JSON file and pass it with --map, e.g. --map mapping.json containing\n  ${JSON.stringify(example)}`,
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
