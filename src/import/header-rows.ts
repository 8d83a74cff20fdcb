/**
 * The header rows of a table, whatever tool wrote them: one row; SurveyMonkey's two (questions,
 * then "Response" or the option or sub-field each column stands for); Qualtrics' three (export
 * tags, question texts, `{"ImportId":…}`), or its legacy two (`V1…`, then names); an officer's
 * merged group header over its columns ("Contact person" over "Name | Email | Phone").
 * Returns the headers shown and stored (full, unique), the text each column is recognised by,
 * and the columns that are answers rather than the tool's own metadata.
 */
import { findHeaderRow } from './header-row.js';
import { headerLikeness, isFormToolColumn, matchHeaders, namesFieldExactly } from './headers.js';

export interface HeaderRows {
  /** index among the top rows of the (first) header row */
  index: number;
  /** how many header rows there are from `index` */
  count: number;
  /** the headers as stored and shown: full, unique ("column N" for a blank one) */
  headers: string[];
  /** what each column is recognised by */
  matchOn: string[];
  /** answer columns (SurveyMonkey): they win ties against the tool's own columns */
  preferred?: Set<number>;
  tool?: 'surveymonkey' | 'qualtrics';
}

const SURVEYMONKEY_SUBHEADERS = new Set(['response', 'open-ended response', 'open ended response', 'réponse', 'reponse', 'réponse ouverte', 'respuesta', 'respuesta abierta']);

/** A header cell as shown: NULs dropped, whitespace runs collapsed. */
export function cleanHeader(cell: string | undefined): string {
  return (cell ?? '').replace(/\u0000/g, '').replace(/\s+/g, ' ').trim();
}

const QUALTRICS_IMPORT_ID = /^\{\s*"ImportId"\s*:/;
/** Qualtrics' own names of question columns ("Q1", "Q2_3", "QID5", legacy "V7"): the text is in the next row. */
const QUALTRICS_TAG = /^(?:Q\d|QID\d|V\d+$)/i;

/** Words of a SurveyMonkey question whose columns are the sub-fields of a contact block ("Contact Information": Name, Company, Email Address...). */
const CONTACT_BLOCK = /\b(?:contact|information|info|address|mailing|details|coordonn[ée]es|adresse|contacto|informaci[óo]n|direcci[óo]n|datos)\b/i;

const filledCells = (row: readonly string[] | undefined) => (row ?? []).filter((c) => cleanHeader(c) !== '').length;

/**
 * The row a tool's extra header rows hang from: SurveyMonkey's question row (the row under it
 * says "Response"), Qualtrics' tag row (two rows under it, the ImportId row). Its columns are
 * sparse (blank over a multi-column question), so the general search would take the denser
 * row under it.
 */
function toolHeaderRow(first: readonly string[][]): number {
  for (let i = 0; i + 1 < Math.min(first.length, 10); i++) {
    if (filledCells(first[i]) < 2) continue;
    if (first[i + 1]!.some((c) => SURVEYMONKEY_SUBHEADERS.has(cleanHeader(c).toLowerCase()))) return i;
    const third = first[i + 2];
    if (third && isImportIdRow(third)) return i;
  }
  return -1;
}

function isImportIdRow(row: readonly string[]): boolean {
  return row.filter((c) => QUALTRICS_IMPORT_ID.test(c.trim())).length >= Math.max(1, filledCells(row) / 2);
}

export function readHeaderRows(first: readonly string[][]): HeaderRows {
  const tool = toolHeaderRow(first);
  const headerIndex = tool >= 0 ? tool : findHeaderRow(first as string[][]).headerIndex;
  const top = first[headerIndex] ?? [];
  const sub = first[headerIndex + 1];
  const third = first[headerIndex + 2];
  const width = Math.max(top.length, sub?.length ?? 0);

  // Qualtrics: export tags, question texts, then the ImportId row
  if (sub && third && isImportIdRow(third)) {
    const headers: string[] = [];
    const matchOn: string[] = [];
    for (let i = 0; i < width; i++) {
      const tag = cleanHeader(top[i]);
      const text = cleanHeader(sub[i]);
      headers.push(tag || text);
      matchOn.push(!tag || QUALTRICS_TAG.test(tag) ? text : tag);
    }
    return { index: headerIndex, count: 3, headers: uniqueHeaders(headers), matchOn, tool: 'qualtrics' };
  }

  // SurveyMonkey: row 1 questions (blank over the extra columns of a multi-column question);
  // row 2 "Response", "Open-Ended Response", the option a column stands for, or the sub-field of
  // a contact-information question ("Name", "Email Address", "Country").
  if (sub?.some((c) => SURVEYMONKEY_SUBHEADERS.has(cleanHeader(c).toLowerCase()))) {
    const headers: string[] = [];
    const matchOn: string[] = [];
    const preferred = new Set<number>();
    let question = '';
    for (let i = 0; i < width; i++) {
      const q = cleanHeader(top[i]);
      const s = cleanHeader(sub[i]);
      // A question spreads over the blank cells on its right; a column the tool adds itself
      // ("Respondent ID", "Start Date", with no label in the second row) spans nothing: the blank
      // cells after it are named by their own labels.
      if (q) question = q;
      else if (i > 0 && !cleanHeader(sub[i - 1]) && question === cleanHeader(top[i - 1]) && isFormToolColumn(question)) question = '';
      const marker = SURVEYMONKEY_SUBHEADERS.has(s.toLowerCase());
      if (s) preferred.add(i);
      // a sub-field of a contact block that names a field by itself is that field ("Contact
      // Information" over "Name", "Email Address"); an option belongs to its question
      matchOn.push(s && !marker && (!question || (CONTACT_BLOCK.test(question) && namesFieldExactly(s))) ? s : question);
      headers.push(!s || marker ? question : question ? `${question} - ${s}` : s);
    }
    return { index: headerIndex, count: 2, headers: uniqueHeaders(headers), matchOn, preferred, tool: 'surveymonkey' };
  }

  if (sub && isGroupSubHeader(top, sub, third)) {
    // "Contact person" merged over "Name | Email | Phone": each grouped column is named by both rows.
    const headers: string[] = [];
    let group = '';
    for (let i = 0; i < width; i++) {
      const t = cleanHeader(top[i]);
      const s = cleanHeader(sub[i]);
      if (t) group = t;
      headers.push(s ? (group ? `${group} - ${s}` : s) : t);
    }
    const unique = uniqueHeaders(headers);
    return { index: headerIndex, count: 2, headers: unique, matchOn: headers };
  }
  if (sub && isUnitsRow(top, sub)) {
    // a row of units or formats under the names ("EUR", "%", "yyyy-mm-dd"): part of each header,
    // not an application to be rejected for its missing email; columns are recognised by name
    const matchOn = Array.from({ length: width }, (_, i) => cleanHeader(top[i]));
    const headers = matchOn.map((t, i) => {
      const unit = cleanHeader(sub[i]);
      return unit && t ? `${t} (${unbracketed(unit)})` : t || unit;
    });
    return { index: headerIndex, count: 2, headers: uniqueHeaders(headers), matchOn };
  }
  const headers = top.map((h) => cleanHeader(h));
  return { index: headerIndex, count: 1, headers: uniqueHeaders(headers), matchOn: headers };
}

/** A unit as written without its brackets: "(kg)" -> "kg". */
const unbracketed = (unit: string) => unit.replace(/^[([]\s*|\s*[)\]]$/g, '');

/** A format of dates or times as a sheet shows it above its column: "yyyy-mm-dd", "dd/mm/yyyy hh:mm", "jj/mm/aaaa". */
const DATE_FORMAT = /^[dmyjahs]{1,4}(?:[\s/.:-]+[dmyjahs]{1,4}){1,5}$/i;
/** Currency codes ("EUR", "XOF"); other three capitals are a country's ("KEN") or a kind's ("NGO"), an application's values. */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
/** Units and kinds of value a sheet notes under its column names. */
const UNITS = new Set(['%', '‰', '#', '€', '$', '£', 'n°', 'no.', 'nº', 'kg', 'km', 'ha', 'm2', 'm²', 'h', 'hours', 'days', 'months', 'years', 'heures', 'jours', 'mois', 'ans', 'horas', 'días', 'dias', 'meses', 'años', 'number', 'nombre', 'número', 'numero', 'yes/no', 'oui/non', 'sí/no', 'si/no', 'text', 'texte', 'texto']);

/**
 * Whether `row`, under the names `top`, is a row of units: each filled cell a unit ("EUR", "%",
 * "(kg)") or a date format, and nothing under the organisation and email columns (an application
 * of an acronym alone, "ILO", is a row to reject, not a unit).
 */
function isUnitsRow(top: readonly string[], row: readonly string[]): boolean {
  const cells = row.map((c) => unbracketed(cleanHeader(c))).filter(Boolean);
  if (!cells.length || !cells.every((c) => CURRENCIES.has(c) || DATE_FORMAT.test(c) || UNITS.has(c.toLowerCase()))) return false;
  const { mapping } = matchHeaders(top.map((c) => cleanHeader(c)));
  return [...(mapping.organization ?? []), ...(mapping.email ?? [])].every((i) => !cleanHeader(row[i]));
}

/**
 * Whether `sub`, the row under the header row `top`, is a second header row naming the columns
 * of merged group headers ("Contact person" over "Name | Email | Phone") rather than data: it
 * holds no address, and fills only columns of a group (under a blank header cell, or under a
 * header whose next cell is blank), at least one under a blank one. And it names fields, or it
 * labels every column of its groups and nothing else, with words, each once ("IPs Filed" over
 * "Patent | Design | Trademark | Copyright"), while the row under it (`next`), if any, fills
 * other columns as data rows do. A row that names every column with words, each once, and more
 * fields than the header row, is a second header row also under a group of one column
 * ("Évaluation" over "Note").
 */
function isGroupSubHeader(top: readonly string[], sub: readonly string[], next: readonly string[] | undefined): boolean {
  const width = Math.max(top.length, sub.length);
  const blank = (i: number) => !cleanHeader(top[i]);
  let filled = 0;
  let underBlank = 0;
  let underSingle = 0;
  const grouped = new Set<number>();
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
    } else if (i + 1 >= top.length || !blank(i + 1)) underSingle++; // under an ordinary header: data, unless the row names every column (below)
    else for (let j = i; j === i || (j < top.length && blank(j)); j++) grouped.add(j);
  }
  if (filled < 2 || underBlank < 1) return false;
  // a group over one column ("Évaluation" over "Note", beside "Contact" over "Name | Email"):
  // the row is a header row only if it names every column with words, each once, and names at
  // least as many fields as the row above; a data row has an address, a number or a blank
  if (underSingle > 0) return isFullLabelRow(top, sub, width) && headerLikeness(sub) >= Math.max(2, headerLikeness(top));
  if (headerLikeness(sub) >= 1) return true;
  const labels = sub.map((c) => cleanHeader(c)).filter(Boolean);
  const complete = [...grouped].every((i) => cleanHeader(sub[i]) !== '');
  // (nothing below: no data row says otherwise)
  const dataBelow = next === undefined || next.filter((c, i) => cleanHeader(c) !== '' && !grouped.has(i)).length >= 2;
  return distinctWordLabels(labels) && complete && dataBelow;
}

/**
 * Whether `row` labels each of its `width` columns, each label once within its group of `top`:
 * two groups may name the same sub-field ("Nom" under "Organisation" and under "Contact").
 */
function isFullLabelRow(top: readonly string[], row: readonly string[], width: number): boolean {
  const labels = Array.from({ length: width }, (_, i) => cleanHeader(row[i]));
  if (!labels.every(Boolean) || !labels.every(wordLabel)) return false;
  const seen = new Set<string>();
  let group = -1;
  return labels.every((l, i) => {
    if (cleanHeader(top[i])) group = i;
    const key = `${group}\u0000${l.toLowerCase()}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** A label of a column rather than a value: words without digits (a value has a date, a count, an amount). */
const wordLabel = (l: string) => /\p{L}{2}/u.test(l) && !/\d/.test(l) && l.length <= 40;

/** Labels of columns rather than values, each label once. */
function distinctWordLabels(labels: readonly string[]): boolean {
  return labels.every(wordLabel) && new Set(labels.map((l) => l.toLowerCase())).size === labels.length;
}

/** Blank headers get "column N"; repeated ones get " (2)", " (3)"... so the raw row keeps every cell. */
export function uniqueHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    const base = h || `column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
