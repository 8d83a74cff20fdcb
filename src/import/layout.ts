/**
 * The table layout at the top of a file: which sheet, where the header rows are (title lines may
 * come first; header-rows.ts knows each tool's), and which column each field is read from:
 * recognised from the header, checked against a sample of the cells (column-evidence.ts), named
 * by a --map file or by the officer in the wizard, each with how sure the import is.
 */
import path from 'node:path';
import { OperationError } from '../errors.js';
import { isNoCountry, resolveCountry } from '../geo/countries.js';
import { resolveLanguage } from '../geo/languages.js';
import { looksLikePersonalData } from '../reporting.js';
import { parseScore } from './cells.js';
import { MIN_CELLS, NAME_LISTS, ORGANIZATION_NAMES, OTHER_CATEGORIES, PROSE, TIMELINE_DATES, TIMES_OF_DAY, TOOL_LINKS, bareCategoryHeader, bareCodeHeader, judgeColumn, type ColumnVerdict } from './column-evidence.js';
import { withFiles } from './failure.js';
import { parseSubmissionDate, type DateOrder } from './dates.js';
import { readHeaderRows, uniqueHeaders } from './header-rows.js';
import { headerIndex } from './header-data.js';
import { headerTokens } from './header-words.js';
import { FIELDS, MULTI_VALUE_FIELDS, headerWords, leftToCells, matchHeaders, requiredFields, type ColumnMapping, type Confidence, type Field, type HeaderEvidence } from './headers.js';
import type { ImportHooks } from './importer.js';
import { ADDRESS_IN_TEXT, FIELD_LABELS, applyMappingFile, columnDisplay, columnLetter, letterIndex, looksLikeData, mappingByHeader, missingColumnsError, missingRequired, type MappingFile, type ShownColumns } from './mapping.js';
import type { TableSource } from './readers.js';
import { chooseSheet, otherSheetsHint } from './sheets.js';
import { REJECTED_ROW_COLUMN, SKILLSNET_COLUMNS, parseRejectRef } from './rejects.js';

/** Where a field's column came from. */
export type FieldSource = 'header' | 'map' | 'wizard' | 'previous';

/** One field of the mapping, as the report, --json and the wizard show it. */
export interface FieldChoice {
  columns: number[];
  confidence: Confidence;
  source: FieldSource;
  /** how it was recognised, in words */
  evidence: string;
  /** a value of the first column, or what kind of value for personal data ("<email address>"); null when the sample is empty */
  sample: string | null;
}

/** A field whose header named it but whose cells did not look like it: left empty. */
export interface RejectedColumn {
  field: Field;
  column: number;
  header: string;
  /** what the cells hold instead */
  holds: string;
}

/** The table layout found at the top of a file. */
export interface Layout {
  /** rows before the first data row (preamble + header rows) */
  skip: number;
  headers: string[];
  mapping: ColumnMapping;
  unmatched: number[];
  fields: Partial<Record<Field, FieldChoice>>;
  rejectedColumns: RejectedColumn[];
  /** how ambiguous numeric dates are read when the column does not settle it */
  dateOrderHint: DateOrder;
  /** the form tool the header rows are typical of, when known */
  tool: string | null;
  /** a rejects sheet of an earlier import: the first rejected row it carries (importer.ts reads that import's mapping) */
  rejectRef: number | null;
  /** about how many bytes a data row takes in the file (from the sample), to tell how many rows it holds */
  bytesPerRow: number;
}

/** What readLayout needs besides the file. */
export interface LayoutOptions {
  mapFile?: MappingFile;
  sheet?: string;
  /** a mapping stored for these headers (a rejects sheet of an earlier import): used as it is */
  previous?: ColumnMapping;
}

/** Fields whose values are personal data: the report shows what kind of value, never one. */
const PERSONAL: Partial<Record<Field, string>> = {
  email: '<email address>',
  phone: '<phone number>',
  contactName: '<name>',
  firstName: '<name>',
  lastName: '<name>',
  website: '<web address>',
  // an organisation may bear its founder's name (a sole trader, "Zorblatt Institute")
  organization: '<organisation name>',
};

/**
 * What a shown sample must be for each field whose values can be checked: a cell of the wrong
 * kind is not shown (an address typed in the country column, a name in the language column, a
 * phone number in the score column is someone's data, not the field's).
 */
const FITS: Partial<Record<Field, (cell: string) => boolean>> = {
  country: (c) => !isNoCountry(c) && resolveCountry(c) !== null,
  language: (c) => resolveLanguage(c) !== null,
  workingLanguage: (c) => resolveLanguage(c) !== null,
  score: (c) => !looksLikePersonalData(c) && typeof parseScore(c) === 'number',
  submittedAt: (c) => parseSubmissionDate(c) !== null,
};

/**
 * A value to show for a field: the first non-empty cell of its first column that fits the field,
 * shortened; a kind for personal data; none when no cell fits, and never one that looks like an
 * address or a phone number.
 */
export function sampleValue(field: Field, cells: readonly string[]): string | null {
  const values = cells.map((c) => c.replace(/\u0000/g, '').replace(/\s+/g, ' ').trim()).filter((c) => c !== '');
  if (!values.length) return null;
  const kind = PERSONAL[field];
  if (kind) return kind;
  const fits = FITS[field];
  const first = values.find((c) => (fits ? fits(c) : !looksLikePersonalData(c)));
  if (first === undefined) return null;
  return first.length > 40 ? `${first.slice(0, 39)}…` : first;
}

/**
 * Whether a row recognised as naming fewer than two fields is still surely a row of column names
 * (its cells may then be repeated in messages): it holds a form tool's own column ("Timestamp",
 * "instanceID"), or mostly questions ("¿Con quién vives?", "Years of service:"), or only
 * identifiers a program wrote (`created_at`, `CaseReachable.reachable`, `Column2`), half of them or more,
 * or words over columns of numbers, dates, links or yes/no ("Number of Players" over 11, 7, 9).
 */
function looksLikeHeaderRow(headers: readonly string[], match: ReturnType<typeof matchHeaders>, sample: readonly string[][] = []): boolean {
  if (Object.values(match.evidence).some((e) => e?.metadata)) return true;
  const named = headers.map((h) => h.trim()).filter(Boolean);
  if (named.length >= 2 && labelledColumns(headers, sample).size >= Math.max(2, named.length * 0.2)) return true;
  if (named.length < 3 || new Set(named).size < named.length * 0.9) return false;
  const questions = named.filter((h) => /[?:？]\s*$|^[¿]/.test(h)).length;
  // what a program names a column, and no one's name or town is: created_at, CaseReachable.reachable,
  // confirmEmail, _id, Column2 (not "Jean-Pierre", "McDonald", "Dakar-Plateau")
  const identifiers = named.filter((h) => /^_?[a-z][a-z0-9]*(?:[_.][A-Za-z0-9]+)+$|^[A-Z][A-Za-z0-9]{3,}\.[A-Za-z0-9.]+$|^_?[a-z]+[A-Z][A-Za-z0-9]*$|^_[a-z]+$|^[Cc]olumn\s?\d+$/.test(h) && !/^[A-Z][a-z]+[A-Z][a-z]+$/.test(h));
  return questions >= named.length * 0.3 || identifiers.length >= named.length * 0.5;
}

/** The kind of a cell that is no free text: a number (a phone number too), a date, a link, an address, yes/no. */
function typedKind(cell: string): string | null {
  const c = cell.trim();
  if (/^[+-]?[\d\s().,/:-]*\d[\d\s().,/:-]*$/.test(c)) return /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.test(c) ? 'date' : 'number';
  // an ISO 8601 timestamp as web apps write it: "2025-04-06T21:16:48.237Z", "2024-03-01T09:00:00+01:00"
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.test(c)) return 'date';
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(c)) return 'link';
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c)) return 'email';
  if (/^(?:true|false|yes|no|oui|non|si|sí|on|off|vrai|faux|verdadero|falso)$/i.test(c)) return 'yes/no';
  return null;
}

/** Cells that stand for no value, in any column: "N/A", "-", "none", "aucun". */
const PLACEHOLDER = /^(?:n\/?a|na|none|nil|null|unknown|aucune?|ninguno|ninguna|nada|rien|sans|sin|-+|\?+)$/i;

/** A top cell of words: letters, not itself a number, date, link, address, yes/no or a placeholder. */
function isWordCell(top: string): boolean {
  return /\p{L}{3}/u.test(top) && !typedKind(top) && !PLACEHOLDER.test(top);
}

/**
 * The columns whose top cell is words (not itself a number, date, link, address, yes/no or a
 * placeholder) over cells that are nearly all one such kind: a row of someone's details holds
 * what the rows under it hold, a header row names it.
 */
function wordColumnsOverTypedCells(headers: readonly string[], sample: readonly string[][]): Set<number> {
  const out = new Set<number>();
  headers.forEach((h, col) => {
    const top = h.trim();
    if (!isWordCell(top)) return;
    const cells = sample.map((r) => (r[col] ?? '').trim()).filter((c) => c !== '');
    if (cells.length < 2) return;
    const kinds = new Map<string, number>();
    for (const c of cells) {
      const k = typedKind(c);
      if (k) kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    if (Math.max(0, ...kinds.values()) >= cells.length * 0.8) out.add(col);
  });
  return out;
}

/** How many columns are a top cell of words over typed cells (see wordColumnsOverTypedCells). */
function wordsOverTypedColumns(headers: readonly string[], sample: readonly string[][]): number {
  return wordColumnsOverTypedCells(headers, sample).size;
}

/**
 * The columns whose top cell is a label for what is under it: words over typed cells, or a short
 * label of a few words ("Leadership", "Qualité comportementale") over answers that are nearly
 * all sentences several times its length. Someone's details in that row would be cells of the
 * same kind as the rows under them: a date, an address, a paragraph.
 */
function labelledColumns(headers: readonly string[], sample: readonly string[][]): Set<number> {
  const out = wordColumnsOverTypedCells(headers, sample);
  headers.forEach((h, col) => {
    const top = h.replace(/\s+/g, ' ').trim();
    if (out.has(col) || !isWordCell(top) || top.length > 40 || top.split(' ').length > 5 || looksLikeData(top)) return;
    const cells = sample.map((r) => (r[col] ?? '').replace(/\s+/g, ' ').trim()).filter((c) => c !== '');
    if (cells.length < 2) return;
    const long = cells.filter((c) => c.length >= Math.max(40, top.length * 3) && c.split(' ').length >= 6).length;
    if (long >= cells.length * 0.8) out.add(col);
  });
  return out;
}

/** Whether a top row is someone's details: some cell looks like data, and each such cell is a bare address or number. */
function isDataRow(cells: readonly string[]): boolean {
  const dataLike = cells.filter(looksLikeData);
  return dataLike.length > 0 && dataLike.every((c) => {
    const kind = typedKind(c);
    return kind === 'email' || kind === 'number' || kind === 'date';
  });
}

/** The fields whose columns the cells alone can tell: an address, a phone number, a link, a country, a date. */
const TYPED_FIELDS: readonly Field[] = ['email', 'phone', 'website', 'country', 'submittedAt'];

/**
 * Letters for a refusal's --map example when the file has no header to name a column by: for
 * each missing field, a column the import did not use whose cells are the field's (an address
 * for the email, the first column of words for the organisation), else the next free column.
 * `rows`: the top rows, the first of them included (it is data too).
 */
function exampleLetters(missing: readonly Field[], mapping: ColumnMapping, rows: readonly string[][], width: number): Partial<Record<Field, string>> {
  const taken = new Set(Object.values(mapping).flat());
  const cells = (col: number) => rows.map((r) => r[col] ?? '');
  const free = () => Array.from({ length: width }, (_, c) => c).filter((c) => !taken.has(c));
  const typed = (col: number) => TYPED_FIELDS.some((t) => judgeColumn(t, cells(col)).verdict === 'agree');
  const out: Partial<Record<Field, string>> = {};
  const pick = (f: Field, col: number | undefined) => {
    if (col === undefined) return;
    taken.add(col);
    out[f] = columnLetter(col);
  };
  // the fields the cells can tell first, so that the others do not take their columns
  for (const f of missing.filter((m) => TYPED_FIELDS.includes(m))) {
    const agree = free().find((c) => judgeColumn(f, cells(c)).verdict === 'agree');
    // an address written among other words ("Name / name@example.org / phone") for want of a bare one
    const mentions = f === 'email' ? free().find((c) => cells(c).filter((v) => ADDRESS_IN_TEXT.test(v)).length >= Math.max(1, rows.length * 0.5)) : undefined;
    pick(f, agree ?? mentions);
  }
  for (const f of missing.filter((m) => !TYPED_FIELDS.includes(m))) {
    // words rather than codes ("Acme Trust", not "ID01") for the organisation and the other texts
    const words = (c: number) => cells(c).filter((v) => v.trim() !== '' && !/\d/.test(v)).length >= Math.max(1, rows.length * 0.5);
    const fits = free().filter((c) => !typed(c) && judgeColumn(f, cells(c)).verdict === 'agree');
    pick(f, fits.find(words) ?? fits[0] ?? free().find((c) => !typed(c)));
  }
  for (const f of missing) if (!out[f]) pick(f, free().find((c) => !typed(c)) ?? free()[0]);
  return out;
}

/**
 * Whether a column the mapping file names (by letter or number) has a blank top cell over values,
 * and the top row still holds something: an application that left a question blank, not a header.
 */
function blankOverValues(top: readonly string[], rows: readonly string[][], file: MappingFile): boolean {
  if (!top.some((c) => c.trim() !== '')) return false;
  return mappedColumns(file).some((col) => (top[col] ?? '').trim() === '' && rows.some((r) => (r[col] ?? '').trim() !== ''));
}

/**
 * Whether a column the mapping file names has a top cell of the same make as the cells under it,
 * an address or a number written among words ("Ana Example / ana@example.org / 06 00 00 00 01"
 * over more of the same): a list's first entry, not a header. A header that shows an example
 * ("Kontakt (z.B. name@firma.de)") heads bare addresses, not more examples.
 */
function dataLikeTheRowsBelow(top: readonly string[], rows: readonly string[][], file: MappingFile): boolean {
  const wordy = (c: string) => looksLikeData(c) && typedKind(c) === null;
  return mappedColumns(file).some((col) => {
    if (!wordy(top[col] ?? '')) return false;
    const cells = rows.map((r) => (r[col] ?? '').trim()).filter((c) => c !== '');
    return cells.length >= 2 && cells.filter(wordy).length >= cells.length * 0.8;
  });
}

/**
 * Whether some top cell labels its column: a short label over paragraphs (labelledColumns), or
 * words that are not of the kind of the cells under them when these are a field's that cells
 * alone tell ("Staat" over countries, "Sitio" over links). A top row with a blank cell is then a
 * header row all the same ("Einrichtung,Ansprechperson,,Staat"), not a first application.
 */
function labelsItsColumns(top: readonly string[], rows: readonly string[][]): boolean {
  if (labelledColumns(top, rows).size > 0) return true;
  return top.some((cell, col) => {
    const t = cell.trim();
    if (!isWordCell(t)) return false;
    const cells = rows.map((r) => r[col] ?? '');
    return TYPED_FIELDS.some((f) => judgeColumn(f, cells).verdict === 'agree' && judgeColumn(f, Array.from({ length: MIN_CELLS }, () => t)).verdict !== 'agree');
  });
}

/** Every column reference of a mapping file (header, letter or number), as written. */
function mappingRefs(file: MappingFile): (string | number)[] {
  return Object.values(file).flatMap((r) => (Array.isArray(r) ? r : r === undefined ? [] : [r]));
}

/** The columns (from 0) a mapping file names by letter ("D") or number from 1 (4); a header names none here. */
function mappedColumns(file: MappingFile): number[] {
  return mappingRefs(file).map((ref) => {
    const text = String(ref).trim();
    if (/^\d+$/.test(text)) return Number(text) - 1;
    return /^[A-Z]{1,3}$/.test(text) ? letterIndex(text) : -1;
  }).filter((col) => col >= 0);
}

/** Whether a mapping file names every column by its letter ("D") or number from 1 (4), none by header. */
function mapsByPosition(file: MappingFile): boolean {
  const refs = mappingRefs(file);
  return refs.length > 0 && refs.every((r) => typeof r === 'number' || /^(?:[A-Z]{1,3}|\d{1,5})$/.test(String(r).trim()));
}

/**
 * "Contact", "Contacto", "Contact details", "Coordonnées", "Contact de l'apprenant": a header that
 * says someone (the applicant, a learner, a participant) is reached here, not how.
 */
function isBareContactHeader(header: string): boolean {
  const words = headerWords(header);
  const contact = ['contact', 'contacts', 'contacto', 'contactos', 'coordonnees'];
  const person = headerIndex().nameQualifiers;
  return words.length > 0 && words.length <= 2 && words.some((w) => contact.includes(w)) &&
    words.every((w) => [...contact, 'details', 'detail', 'info', 'information', 'informacion', 'datos', 'de'].includes(w) || person.has(w));
}

/** "Type", "Tipo", "Statut": a header of one word that says what kind, not of what. */
function isBareTypeHeader(header: string): boolean {
  const words = headerWords(header);
  return words.length === 1 && ['type', 'types', 'tipo', 'tipos', 'statut', 'status', 'estatus', 'kind', 'category', 'categorie', 'categoria'].includes(words[0]!);
}

/**
 * A field's columns as the cells judge them. The headers chose `match.mapping[f]`; when that
 * column holds other values, or nothing in the rows read, another column whose header names the
 * field and whose cells are the field's is taken instead ("email" beside an empty
 * "confirmEmail"), and `instead` says so. A field read from several columns (a backup email
 * question, copies of one question) is judged by what its rows read from them all, and switched
 * only when that fails too. A question spread over several columns (one option per column) is
 * judged by its header alone. `switched`: alternatives other fields took.
 */
function judgeChoice(
  f: Field,
  match: ReturnType<typeof matchHeaders>,
  cellsOf: (col: number) => string[],
  sample: readonly string[][],
  headers: readonly string[],
  switched: Set<number>,
): { cols: number[]; header: HeaderEvidence; judged: ColumnVerdict; instead: string } {
  const cols = match.mapping[f]!;
  const header = match.evidence[f]!;
  const multi = MULTI_VALUE_FIELDS.has(f);
  // a form tool's "Start Date" or a project's: the tool's carries a time of day
  const options = (col: number) => ({
    timeOfDay: f === 'submittedAt' && leftToCells(headers[col] ?? '', f),
    bareCategory: f === 'selfCategories' && bareCategoryHeader(headers[col] ?? ''),
    bareCode: f === 'externalId' && bareCodeHeader(headers[col] ?? ''),
  });
  let judged: ColumnVerdict = multi && cols.length > 1 ? { verdict: 'unknown', checked: 0, fit: 0 } : judgeColumn(f, cellsOf(cols[0]!), options(cols[0]!));
  if (cols.length > 1 && !multi && judged.verdict !== 'agree') {
    const all = judgeColumn(f, sample.map((r) => cols.map((c) => r[c] ?? '').find((c) => c.trim() !== '') ?? ''), options(cols[0]!));
    if (all.verdict === 'agree') judged = all;
  }
  // "email" whose cells are no addresses beside "email (secondary)" whose cells are: the second first
  if (judged.verdict === 'disagree' && cols.length > 1 && !multi) {
    const better = cols.slice(1).find((c) => judgeColumn(f, cellsOf(c), options(c)).verdict === 'agree');
    if (better !== undefined) {
      const was = cols[0]!;
      const other = judgeColumn(f, cellsOf(better), options(better));
      return { cols: [better, ...cols.filter((c) => c !== better)], header: { column: better, exact: false, metadata: false, single: false, confidence: 'medium' }, judged: other, instead: ` (before ${columnLetter(was)} "${headers[was]}", whose values look like ${judged.holds ?? 'other values'})` };
    }
  }
  const short = judged.verdict === 'unknown' && judged.checked < MIN_CELLS;
  if (judged.verdict !== 'disagree' && !short) return { cols, header, judged, instead: '' };
  // a list of authors gives way to name parts, never to a column that merely names a name ("First name: 2nd author")
  if (judged.holds === NAME_LISTS) return { cols, header, judged, instead: '' };
  for (const alt of match.alternatives[f] ?? []) {
    if (switched.has(alt.column)) continue;
    const other = judgeColumn(f, cellsOf(alt.column), options(alt.column));
    if (other.verdict !== 'agree') continue;
    switched.add(alt.column);
    const was = cols[0]!;
    const why = !short ? `whose values look like ${judged.holds ?? 'other values'}` : judged.checked ? `with only ${judged.checked} value${judged.checked === 1 ? '' : 's'} in the rows read, read where this one is empty` : 'empty in the rows read, read where this one is empty';
    // a column that was only short of values still fills the rows this one leaves empty
    return { cols: short ? [alt.column, ...cols] : [alt.column], header: alt, judged: other, instead: ` (instead of ${columnLetter(was)} "${headers[was]}", ${why})` };
  }
  return { cols, header, judged, instead: '' };
}

/** Reads the first rows: where the header is, the tool's extra header rows, the mapping. */
export async function readLayout(
  file: string,
  opened: TableSource,
  options: LayoutOptions,
  hooks: Pick<ImportHooks, 'onStatus' | 'askMapping'>,
): Promise<{ layout: Layout; source: TableSource }> {
  const { source, first } = await chooseSheet(file, opened, hooks, { mapFile: options.mapFile, sheet: options.sheet });
  if (!first.length && source.sheet && source.sheet.seen.length === 0) {
    throw new OperationError(`${path.basename(file)} has no sheet: it is a zip file but not an Excel workbook`, {
      hint: 'open it in Excel or LibreOffice and save it as .xlsx or CSV, then import that file',
    });
  }
  if (!first.length) {
    throw new OperationError(`${path.basename(file)} is empty: there is no header row and no data`, { hint: 'check that you picked the right file' });
  }
  let rows = readHeaderRows(first);
  // A file without a header row whose columns the mapping file names by letter or number: the top
  // row is the first application, read like the others, and no column has a header. It is one
  // when it names no field and holds a bare email address or phone number, each cell that looks
  // like data being nothing else ("Kontakt (z.B. name@firma.de)", "Budget 2024-2025" are
  // headers of a language the import does not read), and no column is a word over typed values.
  // A blank top cell in a column the mapping names, over values, is no header either: a header
  // row names the columns it has ("Email"), an application may leave its email blank.
  if (options.mapFile && !options.previous && rows.tool == null && rows.index === 0 && rows.count === 1 &&
    (isDataRow(rows.headers) || ((blankOverValues(first[0] ?? [], first.slice(1), options.mapFile) || dataLikeTheRowsBelow(first[0] ?? [], first.slice(1), options.mapFile)) && !labelsItsColumns(first[0] ?? [], first.slice(1)))) &&
    mapsByPosition(options.mapFile) && Object.keys(matchHeaders(rows.matchOn).mapping).length === 0 && wordsOverTypedColumns(first[0] ?? [], first.slice(1)) === 0) {
    const blank = uniqueHeaders(Array.from({ length: Math.max(...first.map((r) => r.length)) }, () => ''));
    rows = { index: 0, count: 0, headers: blank, matchOn: blank.map(() => '') };
  }
  const { headers } = rows;
  const sample = first.slice(rows.index + rows.count);
  const name = path.basename(file);
  const cellsOf = (col: number) => sample.map((r) => r[col] ?? '');
  // a rejects sheet: the earlier import's mapping applies (importer.ts), a missing column is decided then
  const refColumn = headers.indexOf(REJECTED_ROW_COLUMN);
  const rejectRef = refColumn >= 0 ? sample.map((r) => parseRejectRef(r[refColumn])).find((n) => n !== null) ?? null : null;
  // Which header cells messages may repeat: all of a row a form tool wrote or that names at least
  // two fields (surely the header row); otherwise it may be someone's details (a file without a
  // header row), and only the cells recognised as column names are repeated.
  let shown: ShownColumns = () => true;

  const fields: Partial<Record<Field, FieldChoice>> = {};
  const rejectedColumns: RejectedColumn[] = [];
  let mapping: ColumnMapping;
  if (options.previous) {
    mapping = options.previous;
    for (const f of FIELDS) {
      const cols = mapping[f];
      if (cols?.length) fields[f] = { columns: cols, confidence: 'high', source: 'previous', evidence: 'as the earlier import of these columns', sample: sampleValue(f, cellsOf(cols[0]!)) };
    }
  } else {
    const match = matchHeaders(rows.matchOn.map((h) => (SKILLSNET_COLUMNS.has(h) ? '' : h)), rows.preferred);
    // a "Preferred email" the headers took for a choice among addresses, whose cells are addresses:
    // the applicant's own first address, before the others (a form's "Alternative email")
    for (const [f, set] of Object.entries(match.choices) as [Field, HeaderEvidence[]][]) {
      const own = set.find((e) => judgeColumn(f, cellsOf(e.column)).verdict === 'agree');
      const cols = match.mapping[f];
      if (!own || !cols) continue;
      match.mapping[f] = [own.column, ...cols];
      match.evidence[f] = own;
      match.unmatched = match.unmatched.filter((c) => c !== own.column);
    }
    notAFormExport(file, source, first, rows.index, Object.keys(match.mapping).length, missingRequired(match.mapping).length === 0);
    const recognised = new Set(Object.values(match.mapping).flat());
    // (a cell that is a field's very name, "Candidat" or "Pays", is no one's details either)
    const exact = Object.values(match.evidence).some((e) => e?.exact);
    // (a blank header cell, named "column N" for the raw row, labels nothing)
    const written = headers.map((h, i) => (rows.count === 1 && h === `column ${i + 1}` && !(first[rows.index]?.[i] ?? '').trim() ? '' : h));
    const sure = (rows.tool != null || Object.keys(match.mapping).length >= 2 || exact || looksLikeHeaderRow(written, match, sample)) && !headers.some(looksLikeData);
    // a cell that labels what its column holds (a word over dates, a short label over paragraphs)
    // is a header even when the rest of the row might be someone's details
    const labelled = sure ? new Set<number>() : labelledColumns(written, sample);
    shown = (i) => sure || recognised.has(i) || labelled.has(i);
    mapping = {};
    const switched = new Set<number>();
    for (const f of FIELDS) {
      if (!match.mapping[f]?.length) continue;
      // the cells may choose another column than the headers did
      const choice = judgeChoice(f, match, cellsOf, sample, headers, switched);
      const { cols, header, instead } = choice;
      let { judged } = choice;
      const how = (header.metadata ? "named as a form tool names its own column" : header.exact ? 'the header names it' : header.single ? 'a word of the header names it' : 'the header names it among other words') + instead;
      // A header that is only "Type" ("Tipo", "Statut") may be any kind of type (a profession, a
      // ticket): it is the organisation's type when its values are, not otherwise.
      // A column listing several people (an abstract's "Authors") gives way to a given and family
      // name; it is the contact name still when the file has no other.
      const nameParts = Boolean(match.mapping.firstName || match.mapping.lastName);
      if (judged.verdict === 'disagree' && judged.holds === NAME_LISTS && !nameParts) judged = { ...judged, verdict: 'unknown' };
      const bareType = f === 'organizationType' && isBareTypeHeader(headers[cols[0]!] ?? '');
      // A header that is only "Time" is the submission time when its values are dates, not
      // otherwise (hours volunteered, "2 hours", a duration): not kept against its cells.
      const bareTime = f === 'submittedAt' && headerWords(headers[cols[0]!] ?? '').join(' ') === 'time';
      if (bareType && judged.verdict === 'unknown') {
        judged = { ...judged, verdict: 'disagree', holds: judged.checked >= MIN_CELLS ? 'values that are no organisation types' : 'too few values to tell' };
      }
      if (judged.verdict === 'disagree') {
        const holds = judged.holds ?? 'other values';
        rejectedColumns.push({ field: f, column: cols[0]!, header: headers[cols[0]!]!, holds });
        // A header that is the field's name ("Email", "Country") is the form's own word for the
        // column, and a required field's only column decides whether rows are accepted at all:
        // kept, uncertain, its bad cells reported row by row. A header that only mentions the
        // field among other words is not used.
        // An application ID is never kept against its cells: rows with one text in it would be
        // taken for one application, and all but the last row lost. Nor a score of words
        // ("Notes": remarks), nor a bare "Type" whose values are no organisation types.
        // Nor a start or end date without a time of day (a project's timeline, not when it was
        // sent), nor times of day without a date (a "Time" of slots), a list of several people, a form tool's links to its own pages of each response, or
        // a bare "Category" none of whose values is a skills category, nor categories written as sentences.
        const neverAgainstCells = f === 'externalId' || f === 'score' || [ORGANIZATION_NAMES, TIMELINE_DATES, TIMES_OF_DAY, NAME_LISTS, TOOL_LINKS, OTHER_CATEGORIES, PROSE].includes(holds) || bareType || bareTime;
        if (((!header.exact || header.metadata) && !requiredFields().includes(f)) || neverAgainstCells) continue;
        mapping[f] = cols;
        fields[f] = { columns: cols, confidence: 'low', source: 'header', evidence: `${how}, but its values look like ${holds}`, sample: sampleValue(f, cellsOf(cols[0]!)) };
        continue;
      }
      mapping[f] = cols;
      const confidence: Confidence = judged.verdict === 'agree' ? (header.confidence === 'low' ? 'medium' : 'high') : header.confidence;
      const cells = judged.verdict === 'agree' ? `; ${Math.round(judged.fit * 100)} % of ${judged.checked} values fit` : judged.checked >= 3 ? '; the values neither confirm nor contradict it' : '';
      fields[f] = { columns: cols, confidence, source: 'header', evidence: how + cells, sample: sampleValue(f, cellsOf(cols[0]!)) };
    }
  }
  // A directory names its organisations in a bare "Nom" / "NOMBRE" / "Name" column: when no column
  // is the organisation's, a name column whose values are organisations' names is.
  const named = !options.previous && !mapping.organization ? rejectedColumns.find((r) => r.holds === ORGANIZATION_NAMES) : undefined;
  if (named) {
    mapping.organization = [named.column];
    fields.organization = { columns: [named.column], confidence: 'medium', source: 'header', evidence: `a name column whose values are organisations' names`, sample: sampleValue('organization', cellsOf(named.column)) };
    rejectedColumns.splice(rejectedColumns.indexOf(named), 1);
  }
  // A bare "Contact" / "Contacto" says that a column reaches someone, not how: under it, a column
  // of phone numbers is the phone and one of addresses the email, when no other column is. It is
  // then no contact name (its cells said so).
  if (!options.previous) {
    for (const f of ['phone', 'email'] as const) {
      if (mapping[f]?.length) continue;
      const used = new Set(Object.entries(mapping).flatMap(([g, cols]) => (g === 'contactName' ? [] : cols ?? [])));
      const col = headers.findIndex((h, i) => !used.has(i) && isBareContactHeader(h) && judgeColumn(f, cellsOf(i)).verdict === 'agree');
      if (col < 0) continue;
      mapping[f] = [col];
      fields[f] = { columns: [col], confidence: 'medium', source: 'header', evidence: `a "contact" column whose values are ${f === 'phone' ? 'phone numbers' : 'email addresses'}`, sample: sampleValue(f, cellsOf(col)) };
      if (mapping.contactName?.includes(col)) {
        const rest = mapping.contactName.filter((c) => c !== col);
        if (rest.length) mapping.contactName = rest;
        else {
          delete mapping.contactName;
          delete fields.contactName;
        }
      }
      const was = rejectedColumns.findIndex((r) => r.column === col && r.field === 'contactName');
      if (was >= 0) rejectedColumns.splice(was, 1);
    }
  }
  // What the file's columns were recognised as, for a failure report (import --json): headers in
  // full, except a cell that may be someone's details in a file without a header row.
  const recognised = (m: ColumnMapping) => {
    const used = new Set(Object.values(m).flat());
    return { file: name, columns: mappingByHeader(headers, m), unmappedColumns: headers.flatMap((h, i) => (used.has(i) ? [] : [shown(i) && !looksLikeData(h) ? h : `column ${i + 1}`])) };
  };
  if (options.mapFile) {
    // (a mapping file that names a column the file lacks still shows what was recognised)
    try {
      mapping = applyMappingFile(headers, mapping, options.mapFile, name, shown);
    } catch (e) {
      throw withFiles(e, [recognised(mapping)]);
    }
    for (const f of FIELDS) {
      const cols = mapping[f];
      if (!cols?.length) delete fields[f];
      else if (options.mapFile[f] !== undefined) fields[f] = { columns: cols, confidence: 'high', source: 'map', evidence: 'named in the mapping file', sample: sampleValue(f, cellsOf(cols[0]!)) };
      else if (fields[f]) fields[f] = { ...fields[f]!, columns: cols };
    }
  }
  const missing = missingRequired(mapping);
  const uncertain = (Object.keys(fields) as Field[]).filter((f) => fields[f]!.confidence === 'low');
  const dropped = rejectedColumns.filter((r) => !mapping[r.field]);
  if (rejectRef === null && (missing.length || ((uncertain.length || dropped.length) && !options.previous))) {
    const sheets = otherSheetsHint(source);
    if (hooks.askMapping) {
      if (sheets && missing.length) hooks.onStatus?.(`${name}: ${sheets}`);
      const asked = await hooks.askMapping({ file, headers, mapping, missing, uncertain, rejected: dropped, fields, samples: sample.slice(0, 20) });
      for (const f of FIELDS) {
        const before = mapping[f] ?? [];
        const after = asked[f] ?? [];
        if (!after.length) delete fields[f];
        else if (before.join() !== after.join()) fields[f] = { columns: after, confidence: 'high', source: 'wizard', evidence: 'chosen by the officer', sample: sampleValue(f, cellsOf(after[0]!)) };
        else if (fields[f] && uncertain.includes(f)) fields[f] = { ...fields[f]!, confidence: 'high', evidence: `${fields[f]!.evidence}; confirmed by the officer` };
      }
      mapping = asked;
    } else if (missing.length) {
      const data = first.slice(rows.index + rows.count);
      const noAddresses = missing.includes('email') && data.length > 0 && !data.some((r) => r.some((v) => ADDRESS_IN_TEXT.test(v)));
      const error = missingColumnsError(file, headers, missing, dropped, shown, exampleLetters(missing, mapping, first.slice(rows.index), headers.length), { noAddresses });
      throw withFiles(sheets ? new OperationError(error.message, { hint: `${sheets}\n  ${error.hint}` }) : error, [recognised(mapping)]);
    }
  }
  const used = new Set(Object.values(mapping).flat());
  const unmatched = headers.map((_, i) => i).filter((i) => !used.has(i));
  return {
    layout: {
      skip: rows.index + rows.count,
      headers,
      mapping,
      unmatched,
      fields,
      rejectedColumns: dropped,
      dateOrderHint: dateOrderHint(mapping.submittedAt ? headers[mapping.submittedAt[0]!]! : '', rows.tool ?? null, source.delimiter),
      tool: rows.tool ?? null,
      rejectRef,
      bytesPerRow: sample.length ? Math.round(sample.reduce((n, r) => n + r.reduce((m, c) => m + Buffer.byteLength(c) + 1, 0), 0) / sample.length) : 1000,
    },
    source,
  };
}

/**
 * How "03/04/2020" is read when no date of the column has a day above 12: the way the tool and
 * the locale that wrote the header write dates. Google Forms' "Timestamp", SurveyMonkey and
 * Microsoft Forms in English write the month first; "Horodateur", "Marca temporal" and Excel in
 * a French or Spanish locale (semicolons) the day first.
 */
function dateOrderHint(header: string, tool: string | null, delimiter: string | null): DateOrder {
  const words = new Set(headerTokens(header));
  const dayFirstWords = ['horodateur', 'marca', 'temporal', 'fecha', 'hora', 'heure', 'envoi', 'soumission', 'finalizacion', 'fin', 'debut', 'inicio', 'envio'];
  if (dayFirstWords.some((w) => words.has(w)) || delimiter === ';') return 'dmy';
  const monthFirstWords = ['timestamp', 'start', 'end', 'submit', 'submitted', 'submission', 'completion', 'recorded', 'created'];
  if (tool === 'surveymonkey' || monthFirstWords.some((w) => words.has(w))) return 'mdy';
  return 'dmy';
}

/** A line of a program: a declaration, an import, an arrow function, a brace or a statement's end. */
const CODE_LIKE = /^\s*(?:import\s+[\w{*]|def\s+\w+\s*\(|function\s*\w*\s*\(|(?:const|var|let)\s+\w+\s*=|#include\b|#!\/)|=>|[{}]\s*$|^\s*[{}]|<\?php|\)\s*;\s*$/;

/**
 * A file that is no table of applications at all (a script, a letter, notes) is refused before
 * anything is written, rather than imported as one application and a pile of rejects: its
 * "header" has fewer than two columns, reads like code, or its lines have no steady number of
 * columns. `complete`: the header row names every required field, so the file is a form's export
 * even when hand edits left its rows ragged (cells missing at the end, a stray one added).
 */
function notAFormExport(file: string, source: TableSource, first: string[][], headerIndex: number, recognised: number, complete: boolean): void {
  const header = first[headerIndex] ?? [];
  const named = header.filter((c) => c.trim() !== '');
  const why = (() => {
    if (named.length < 2 && recognised === 0 && source.format === 'csv') return 'its first line is not a row of column names (one column only)';
    if (named.filter((c) => CODE_LIKE.test(c)).length >= Math.max(2, named.length * 0.5)) return 'its lines read like program code';
    if (source.format !== 'csv' || complete) return null;
    const rows = first.slice(headerIndex + 1);
    if (rows.length < 5) return null;
    const ragged = rows.filter((r) => r.length !== header.length).length;
    const widths = new Set(rows.map((r) => r.length));
    if (ragged > rows.length * 0.6 && widths.size >= 3) return 'its lines do not have a steady number of columns (it reads like text, not a table)';
    return null;
  })();
  if (!why) return;
  throw new OperationError(`${path.basename(file)} does not look like a form export: ${why}; nothing was imported`, {
    hint: 'import the spreadsheet of applications (CSV, TSV or .xlsx) exported by the form tool; if it is one, check --delimiter and --encoding',
  });
}

/** One field's line in a report: `country ← J "Country"  e.g. "Kenya"  (high)`. */
export function describeChoice(field: Field, choice: FieldChoice, headers: readonly string[]): string {
  const cols = choice.columns.map((c) => columnDisplay(columnLetter(c), headers[c])).join(' or ');
  const sample = choice.sample === null ? '' : choice.sample.startsWith('<') ? `  ${choice.sample}` : `  e.g. "${choice.sample}"`;
  return `${FIELD_LABELS[field]} ← ${cols}${sample}  (${choice.confidence})`;
}
