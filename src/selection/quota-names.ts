/**
 * How officers name the columns of a quotas file and the features in its first column, in
 * English, French or Spanish ("Minimum", "Valeur", "Région", "Type d'organisation"); the names
 * live in data/quota-headers.json. A column nobody recognised would drop every bound silently,
 * so the reader refuses a file whose min and max columns it cannot find.
 */
import { loadDataFile } from '../data/load.js';
import { validateQuotaHeaders } from '../data/validate/quota-headers.js';
import type { Feature } from './quotas.js';

/** `range`: both bounds in one cell ("3-8", "at least 2", "max 2"), in place of min and max. */
export type QuotaColumn = 'feature' | 'value' | 'min' | 'max' | 'range';
export const QUOTA_COLUMNS: readonly QuotaColumn[] = ['feature', 'value', 'min', 'max', 'range'];

interface QuotaHeaders {
  columns: Record<Exclude<QuotaColumn, 'range'>, string[]> & { range?: string[] };
  features: Record<Feature, string[]>;
}

let tables: { columns: Map<string, QuotaColumn>; features: Map<string, Feature> } | undefined;

/**
 * "Organisation types", "type d'organisation", "Min." -> one key: no case, accents, punctuation
 * or spaces, British -isation read as -ization, a plural s or -ies dropped.
 */
export function quotaNameKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .replace(/isation/g, 'ization')
    .replace(/ies$/, 'y')
    .replace(/s$/, '');
}

function nameTables() {
  if (tables) return tables;
  const data = loadDataFile<QuotaHeaders>('quota-headers.json', validateQuotaHeaders);
  const columns = new Map<string, QuotaColumn>();
  for (const column of QUOTA_COLUMNS) for (const name of [column, ...(data.columns[column] ?? [])]) columns.set(quotaNameKey(name), column);
  const features = new Map<string, Feature>();
  for (const [feature, names] of Object.entries(data.features) as [Feature, string[]][]) {
    for (const name of [feature, ...names]) features.set(quotaNameKey(name), feature);
  }
  tables = { columns, features };
  return tables;
}

/** The column a header names ("Minimum", "Max.", "Valeur", "at least"), or undefined. */
export function quotaColumn(header: string): QuotaColumn | undefined {
  const { columns } = nameTables();
  // (a note in brackets or a mark: "Min (members)", "Max. (#)", "Minimum*")
  return columns.get(quotaNameKey(header)) ?? columns.get(quotaNameKey(withoutNote(header)));
}

/** The feature a quotas file's first column names ("Région", "organisation types", "pays"), or undefined. */
export function featureNamed(text: string): Feature | undefined {
  const { features } = nameTables();
  // (with a note: "Country (ISO code)", "Région [OIT]")
  return features.get(quotaNameKey(text)) ?? features.get(quotaNameKey(withoutNote(text)));
}

/** A name without a note in brackets or a mark: "Min (members)" -> "Min", "Minimum*" -> "Minimum". */
function withoutNote(text: string): string {
  return text.replace(/\([^)]*\)|\[[^\]]*\]|\*/g, ' ');
}
