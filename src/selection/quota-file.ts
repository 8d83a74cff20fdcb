/**
 * Reading a quotas file (select --quotas): a CSV as Excel saves it anywhere (encoding, delimiter,
 * "sep=;" line, quoted headers, blank lines, # comment lines) or a sheet of an .xlsx workbook.
 * Its columns may be named in English, French or Spanish (quota-names.ts); a file whose min and
 * max columns cannot be found is refused rather than read as rules that bound nothing.
 */
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { OperationError, UsageError } from '../errors.js';
import { featureWord, normaliseValue, quotaFeature, type Feature, type QuotaRule } from './quotas.js';
import { boundsInWords, NO_LIMIT, quotaRulesFromRecords, type QuotaFileOptions } from './quota-records.js';
import { featureNamed, quotaColumn, type QuotaColumn } from './quota-names.js';
import { checkMarkedRows, withoutHiddenColumns, workbookRows, type NumberedRow, type Sheet } from './quota-workbook.js';



/**
 * Parses a quotas file (feature,value,min,max) as Excel saves it anywhere: encoding (UTF-8 with or
 * without BOM, Windows-1252, UTF-16) and delimiter (, ; tab |) detected as the import detects them,
 * or an .xlsx workbook (its first sheet that has the columns). Percentages are shares of
 * `options.size`.
 */
export async function readQuotaFile(file: string, cwd = process.cwd(), options: QuotaFileOptions = {}): Promise<QuotaRule[]> {
  const { readSmallInput } = await import('../files/input.js');
  const { detectFormat } = await import('../import/detect.js');
  const where = file === '-' ? file : path.resolve(cwd, file);
  // An unreadable file is an operation that failed (exit 1), as for import and scores, not wrong usage.
  const bytes = await readSmallInput(where, { limit: 16 * 1024 * 1024, what: 'the quotas file ' });
  // (an .ods or an old .xls is refused there, with how to save it)
  // (read from the bytes already read: a named pipe cannot be read again, its open would wait forever)
  const workbook = detectFormat(file, bytes, true) === 'xlsx';
  if (workbook && file === '-') {
    throw new UsageError('a quotas workbook (.xlsx) cannot be read from standard input', { hint: 'give the file name: --quotas quotas.xlsx' });
  }
  const sheets: Sheet[] = workbook ? await workbookRows(where, bytes) : [await textRows(file, bytes)];
  const name = path.basename(file);
  const unit = workbook ? 'row' : 'line';
  let first: NumberedRow[] | undefined;
  for (const rows of sheets) {
    let body = rows.filter((r) => !isComment(r.cells));
    first ??= body;
    body = featureAndValueApart(body, { name, unit, onNote: options.onNote });
    // The header is found by what it names (the feature and value columns), below whatever an
    // officer heads a sheet with: a title, "Prepared by: …", "Date: 2026-03-01", blank lines.
    const at = body.slice(0, HEADER_SEARCH).findIndex((r) => isHeader(r.cells));
    if (at < 0) continue;
    if (rows.marks) body = withoutHiddenColumns(body, body[at]!, rows.marks, { name, unit, onNote: options.onNote });
    const twoRows = headerOfTwoRows(body[at]!, body[at + 1], { name, unit, onNote: options.onNote });
    const read = asFeatureValueRows(twoRows ?? body[at]!, body.slice(at + (twoRows ? 2 : 1)), { name, unit, onNote: options.onNote });
    const header = read.header;
    const below = laterTables(header, read.rows, { name, unit, onNote: options.onNote });
    const columns = header.cells.map(quotaColumn);
    const above = body.slice(0, at).filter((r) => r.cells.some((c) => c.trim() !== ''));
    // a rule above the header would be skipped with the title: refused rather than lost
    const rule = above.find((r) => looksLikeRule(r.cells, columns, tableFeature(body[at]!.cells)?.feature));
    if (rule) {
      throw new UsageError(`${name} ${unit} ${rule.line}: "${rule.cells.filter((c) => c.trim()).join(', ')}" comes before the header (${unit} ${header.line}), so it would not be read as a rule`, {
        hint: 'move the header (feature,value,min,max) above every rule',
      });
    }
    if (above.length) options.onNote?.(skippedNote(name, unit, above, header.line));
    checkBounds(file, header.cells, columns, below, { name, unit, line: header.line, onNote: options.onNote });
    const data = below;
    if (data.every((r) => r.cells.every((c) => c.trim() === ''))) {
      throw new OperationError(`the quotas file ${file} has no rules, only its header: nothing to select by`, { hint: 'add a line per rule below the header (region,Africa,3,8), or leave out --quotas' });
    }
    // (a cell past the header is a value cut at a comma, "12,5%", or a shifted line: never dropped quietly)
    // (or a line one cell longer whose bound holds words: "Research, data and analysis" unquoted,
    // its second half under min; a trailing empty cell no longer hides it)
    const shifted = (r: NumberedRow) => r.cells.length > header.cells.length && (['min', 'max'] as const).some((b) => {
      const cell = r.cells[columns.indexOf(b)] ?? '';
      return columns.includes(b) && /\p{L}{3}/u.test(cell) && !/\d/.test(cell) && !NO_LIMIT.test(cell.trim());
    });
    const over = data.find((r) => r.cells.slice(header.cells.length).some((c) => c.trim() !== '') || shifted(r));
    if (over) {
      throw new UsageError(`${name} ${unit} ${over.line}: ${over.cells.length} cells but the header names ${header.cells.length} columns (${over.cells.join(' | ')})`, {
        hint: 'a value holding the delimiter needs quotes ("12,5%"); or give the extra column a name in the header',
      });
    }
    const rules = ruleRows(data, header.cells, columns, { name, unit, size: options.size, onNote: options.onNote });
    // (every line below the header skipped, as a note, a totals line or the header again: as few
    // rules as a header alone, and a selection run on none would be one without the file's quotas)
    if (!rules.length) {
      const skipped = data.filter((r) => r.cells.some((c) => c.trim() !== '')).length;
      throw new OperationError(`the quotas file ${file} has no rules: ${skipped === 1 ? 'the one line below its header is a note, a totals line or the header again' : `all ${skipped} lines below its header are notes, totals lines or the header again`}: nothing to select by`, { hint: 'add a line per rule below the header (region,Africa,3,8), or leave out --quotas' });
    }
    if (rows.marks) checkMarkedRows(rules, rows.marks, { name, unit });
    const shares = shareColumns(header, columns, { name, unit, onNote: options.onNote });
    const range = columns.indexOf('range');
    if (range >= 0) options.onNote?.(`${name} ${unit} ${header.line}: column "${header.cells[range]!.trim()}" holds both bounds: 3-8 there is at least 3 and at most 8`);
    checkFractions(rules, header.cells, shares, { name, unit });
    const records = rules.map((r) => Object.fromEntries(header.cells.map((h, i) => [h, asShare(r.cells[i] ?? '', shares.has(i))])));
    return quotaRulesFromRecords(records, name, rules.map((r) => r.line), { ...options, unit });
  }
  // ("At least 3 from Africa", "au moins 2 par région": which feature each names is not guessed, "30% de mujeres" above all)
  const sentence = first?.slice(0, HEADER_SEARCH).map((r) => r.cells.filter((c) => c.trim()).join(', ')).find((t) => SENTENCE.test(t) && !YAML_KEY.test(t));
  if (sentence) {
    throw new OperationError(`the quotas file ${file} holds rules written as sentences ("${sentence.length > 60 ? `${sentence.slice(0, 57)}…` : sentence}"), not a table: which feature each one counts is not guessed`, {
      hint: 'write a header line feature,value,min,max and a line per rule, such as region,Africa,3, (at least 3 from Africa), organizationType,NGO,,40% (no more than 40% NGOs), country,*,,2 (at most 2 per country); see docs/quotas-file.md',
    });
  }
  // (a file of "region: 3" lines is YAML; a title ending in a colon, or "[Draft]", above a header is not)
  const looksLike = workbook ? undefined : sheets[0]!.looksLike;
  if (looksLike) throw new OperationError(`the quotas file ${file} looks like ${looksLike}; a quotas file is a table, so it holds no rules that can be read`, { hint: TABLE_HINT });
  const seen = first?.find((r) => r.cells.some((c) => c.trim() !== ''))?.cells.filter((c) => c.trim() !== '') ?? [];
  const missing = (['feature', 'value'] as const).filter((c) => !seen.some((h) => quotaColumn(h) === c));
  // (no recognisable columns: the operation failed, exit 1, as an import's or a score sheet's does — CONTRACT.
  // So is every refusal of the file as a whole, where nothing in it can be read as rules: empty, JSON,
  // YAML, sentences, a header alone. A rule the file does hold but that names something wrong is wrong
  // usage, exit 2, as a flag's bad value is.)
  throw new OperationError(`the quotas file ${file} has no "${missing[0] ?? 'feature'}" column${seen.length ? ` (its first ${unit}: ${seen.slice(0, 6).join(', ')}${seen.length > 6 ? ', …' : ''}; no ${unit} among its first ${HEADER_SEARCH} names the columns)` : ' (it is empty)'}`, {
    hint: 'start it with the header line feature,value,min,max (titles and notes may stand above it; see docs/quotas-file.md)',
  });
}

/** A bound in words beside a number: "At least 3 from Africa", "max 2 per country", "como mínimo un 30 %". */
const SENTENCE = /(?:^|[\s(])(?:at least|at most|no more than|not more than|no fewer than|up to|max(?:imum)?|min(?:imum)?|au moins|au plus|au maximum|au minimum|pas plus de|jusqu'à|al menos|como m[ií]nimo|como m[aá]ximo|no m[aá]s de|hasta|m[ií]nimo|m[aá]ximo)\b.*?\d/iu;

/** A YAML key and its value ("min: 3", "- feature: region"): YAML, not a sentence. */
const YAML_KEY = /^[-\s]*[\p{L}_][\p{L}\p{N}_ ]*:\s/u;

const TABLE_HINT = 'write it as CSV (feature,value,min,max) or as an .xlsx sheet with those columns (see docs/quotas-file.md)';

/**
 * A row above the header that reads as a rule: a cell naming a feature ("region", "Type") beside
 * a count or a share ("3", "20%"); above a table headed by its feature ("Région;Min;Max"), one of
 * its values ("Afrique;3;8"). "Type: draft" or "Date, 2026-03-01" is a note, skipped.
 */
function looksLikeRule(cells: string[], columns: (QuotaColumn | undefined)[], table?: Feature): boolean {
  const at = columns.indexOf('feature');
  const named = [cells[at] ?? '', cells[0] ?? ''].some((c) => featureNamed(c.replace(/:\s*$/, '')) !== undefined);
  const value = table !== undefined && isValueOf(table, cells[columns.indexOf('value')] ?? '');
  // (a place beside a number, "Africa,3,8" or "Kenya;;2", is a rule with its feature left out, not a note)
  const place = cells.some((c) => isValueOf('region', c) || isValueOf('country', c));
  // (a year is no bound: "Core Group quotas, Africa, 2026" is a title)
  // (or a range, "3-8", "at least 2", as a column of ranges holds them)
  return (named || value || place) && cells.some((c) => (BOUND.test(c) && !YEAR.test(c)) || (boundsInWords(c) !== undefined && !DATE_LIKE.test(c)));
}

/** Whether a cell names a value of the feature ("Afrique" of region, "West Africa" as its sub-region); "all" names none. */
function isValueOf(feature: Feature, cell: string): boolean {
  if (cell.trim() === '') return false;
  try {
    return normaliseValue(quotaFeature(feature, cell), cell) !== '*';
  } catch {
    return false;
  }
}

/** A cell that could be a min or a max: a count or a share. */
const BOUND = /^\s*\d+(?:[.,]\d+)?\s*%?\s*$/;
const YEAR = /^\s*(?:19|20)\d\d\s*$/;
/** "2026-2027", "2024-25": a period in a title, not a range of members. */
const DATE_LIKE = /^\s*(?:19|20)\d\d\s*[-–/]\s*(?:(?:19|20)?\d\d)\s*$/;

/** What was skipped above the header, in the file's words: 'quotas.csv lines 1-3, above the header (line 5), skipped: "Prepared by: J. Doe"; …'. */
function skippedNote(name: string, unit: string, above: NumberedRow[], headerLine: number): string {
  const text = (r: NumberedRow) => {
    const t = r.cells.filter((c) => c.trim()).join(', ');
    return `"${t.length > 60 ? `${t.slice(0, 57)}…` : t}"`;
  };
  const shown = above.slice(0, 4).map(text).join('; ') + (above.length > 4 ? `; and ${above.length - 4} more` : '');
  const where = above.length === 1 ? `${unit} ${above[0]!.line}` : `${unit}s ${above[0]!.line}-${above.at(-1)!.line}`;
  return `${name} ${where}, above the header (${unit} ${headerLine}), skipped as notes: ${shown}`;
}

/** A header: feature,value,min,max under any of their names, or a table headed by its feature ("Région;Minimum;Maximum"). */
function isHeader(cells: string[]): boolean {
  const columns = cells.map(quotaColumn);
  return (columns.includes('feature') && columns.includes('value')) || tableFeature(cells) !== undefined;
}

/**
 * A header of two rows, as a merged "Quota" cell over "Min | Max" leaves it: the row with the
 * feature and value columns names no bound, the row below names them under cells it leaves
 * empty or unnamed. One header, said; otherwise undefined.
 */
function headerOfTwoRows(header: NumberedRow, next: NumberedRow | undefined, at: { name: string; unit: string; onNote?: (note: string) => void }): NumberedRow | undefined {
  // (the merged cell's name, "Quota", also names a column of ranges: over Min and Max it is their heading)
  const columns = header.cells.map(quotaColumn).map((c) => (c === 'range' ? undefined : c));
  if (!next || columns.includes('min') || columns.includes('max')) return undefined;
  const bounds = next.cells.map((c, i) => (columns[i] === undefined ? quotaColumn(c) : undefined));
  if (!bounds.some((b) => b === 'min' || b === 'max')) return undefined;
  // (below the feature and value columns the second row is empty: it is no rule)
  if (next.cells.some((c, i) => c.trim() !== '' && columns[i] !== undefined)) return undefined;
  const cells = header.cells.map((c, i) => (bounds[i] === 'min' || bounds[i] === 'max' ? next.cells[i]! : c));
  for (let i = header.cells.length; i < next.cells.length; i++) if (bounds[i]) cells[i] = next.cells[i]!;
  at.onNote?.(`${at.name} ${at.unit}s ${header.line}-${next.line}: one header over two ${at.unit}s (${cells.filter((c) => c.trim()).join(', ')})`);
  return { cells, line: header.line };
}

/**
 * A table headed by the feature it counts instead of feature,value ("Région;Minimum;Maximum",
 * then "Afrique;3;8"): the column of the feature's name, when the row has no feature or value
 * column and a min or a max one.
 */
function tableFeature(cells: string[]): { at: number; feature: Feature } | undefined {
  const columns = cells.map(quotaColumn);
  if (columns.includes('feature') || columns.includes('value') || !(columns.includes('min') || columns.includes('max') || columns.includes('range'))) return undefined;
  const at = cells.findIndex((c, i) => columns[i] === undefined && featureNamed(c) !== undefined);
  return at < 0 ? undefined : { at, feature: featureNamed(cells[at]!)! };
}

/**
 * The header and the rows below it as feature,value rows. A table headed by its feature
 * ("Région;Minimum;Maximum") gets the feature as a last column, and each further table's
 * header ("Langue;Minimum;Maximum", pasted below) changes it from there on.
 */
function asFeatureValueRows(header: NumberedRow, rows: NumberedRow[], at: { name: string; unit: string; onNote?: (note: string) => void }): { header: NumberedRow; rows: NumberedRow[] } {
  const table = tableFeature(header.cells);
  if (!table) return { header, rows };
  const asColumns = featureColumnNamedAsOne(header, rows, table.at, at);
  if (asColumns) return { header: asColumns, rows };
  const n = header.cells.length;
  const withFeature = (cells: string[], feature: string) => [...cells.slice(0, n), ...Array<string>(Math.max(0, n - cells.length)).fill(''), feature, ...cells.slice(n)];
  const out: NumberedRow[] = [];
  let feature = header.cells[table.at]!;
  at.onNote?.(`${at.name} ${at.unit} ${header.line}: the column "${feature}" read as the values of feature ${table.feature}`);
  for (const row of rows) {
    const next = tableFeature(row.cells);
    if (next && next.at === table.at) {
      feature = row.cells[next.at]!;
      at.onNote?.(`${at.name} ${at.unit} ${row.line}: a table of feature ${next.feature} ("${feature}") starts`);
      continue;
    }
    out.push({ cells: row.cells.every((c) => c.trim() === '') ? row.cells : withFeature(row.cells, feature), line: row.line });
  }
  return { header: { cells: withFeature(header.cells.map((c, i) => (i === table.at ? 'value' : c)), 'feature'), line: header.line }, rows: out };
}

/**
 * A header naming a feature where the feature column stands ("category,name,min,max", the
 * stratification app's own template, whose "category" is what is counted): the cells below name
 * features (region, language), not that feature's values, so it is the feature column, and the
 * column of names beside it the values. Said; undefined when the cells are its values.
 */
function featureColumnNamedAsOne(header: NumberedRow, rows: NumberedRow[], column: number, at: { name: string; unit: string; onNote?: (note: string) => void }): NumberedRow | undefined {
  const columns = header.cells.map(quotaColumn);
  const filled = rows.map((r) => (r.cells[column] ?? '').trim()).filter((c) => c !== '' && !isTotal(c));
  const feature = featureNamed(header.cells[column]!)!;
  if (!filled.length || !filled.every((c) => featureNamed(c) !== undefined && !isValueOf(feature, c))) return undefined;
  const value = header.cells.findIndex((h, i) => i !== column && columns[i] === undefined && h.trim() !== '' && rows.some((r) => /\p{L}/u.test(r.cells[i] ?? '')));
  if (value < 0) return undefined;
  at.onNote?.(`${at.name} ${at.unit} ${header.line}: column "${header.cells[column]!.trim()}" holds features (${[...new Set(filled)].slice(0, 3).join(', ')}): read as the feature, and column "${header.cells[value]!.trim()}" as the value`);
  return { cells: header.cells.map((c, i) => (i === column ? 'feature' : i === value ? 'value' : c)), line: header.line };
}

/**
 * A column holding the feature and the value together, as another office's template writes them
 * ("region:Africa", "language = fr") beside min and max: parted into the two columns, and said.
 * Found by its cells (a feature's name before a colon or an equals sign), whatever its name.
 */
function featureAndValueApart(body: NumberedRow[], at: { name: string; unit: string; onNote?: (note: string) => void }): NumberedRow[] {
  for (let i = 0; i < Math.min(body.length, HEADER_SEARCH); i++) {
    const header = body[i]!;
    if (isHeader(header.cells)) return body;
    const columns = header.cells.map(quotaColumn);
    const rows = body.slice(i + 1);
    const j = header.cells.findIndex((_, k) => columns[k] !== 'min' && columns[k] !== 'max' && rows.some((r) => partedCell(r.cells[k] ?? '') !== undefined));
    // (a bound must stand in another column: "quota" over "region:Africa" is no column of ranges)
    if (j < 0 || !columns.some((c, k) => k !== j && (c === 'min' || c === 'max' || c === 'range'))) continue;
    const part = (cells: string[]) => {
      const parted = partedCell(cells[j] ?? '') ?? [cells[j] ?? '', ''];
      return [...cells.slice(0, j), ...parted, ...cells.slice(j + 1)];
    };
    const example = rows.map((r) => r.cells[j] ?? '').find((c) => partedCell(c) !== undefined)!;
    at.onNote?.(`${at.name} ${at.unit} ${header.line}: column "${header.cells[j]!.trim()}" holds the feature and the value together ("${example.trim()}"): read as both`);
    return [...body.slice(0, i), { cells: [...header.cells.slice(0, j), 'feature', 'value', ...header.cells.slice(j + 1)], line: header.line }, ...rows.map((r) => ({ cells: part(r.cells), line: r.line }))];
  }
  return body;
}

/** "region:Africa", "Langue = fr": the feature's name and the value, when the cell starts with a feature's name. */
function partedCell(cell: string): [string, string] | undefined {
  const m = /^\s*([^:=]+?)\s*[:=]\s*(\S.*?)\s*$/u.exec(cell);
  return m && featureNamed(m[1]!) !== undefined ? [m[1]!, m[2]!] : undefined;
}

/**
 * A further table under the first with a header of its own ("Language;Min;Max" under a table of
 * feature,value,min,max; or the columns in another order): its rows are read by their own header,
 * and said. A repeated header, the same columns again, is left to ruleRows (skipped, said).
 */
function laterTables(header: NumberedRow, rows: NumberedRow[], at: { name: string; unit: string; onNote?: (note: string) => void }): NumberedRow[] {
  const main = header.cells.map(quotaColumn);
  const out: NumberedRow[] = [];
  let read: ((cells: string[]) => string[]) | undefined;
  let second: { header: NumberedRow; feature: Feature; at: number } | undefined;
  for (const row of rows) {
    if (!isHeader(row.cells)) {
      // (a line of the first table's shape below a table headed by its feature, "language,es,1,"
      // under "Region,Min,Max": its feature's name stands where a region should; said as such,
      // not as an unknown region, and never read by either header on a guess)
      const cell = second ? (row.cells[second.at] ?? '').trim() : '';
      if (second && cell !== '' && !isTotal(cell) && featureNamed(cell) !== undefined && !isValueOf(second.feature, cell)) {
        throw new UsageError(`${at.name} ${at.unit} ${row.line}: "${row.cells.filter((c) => c.trim()).join(', ')}" is a line of the first table (${header.cells.filter((c) => c.trim()).join(', ')}, ${at.unit} ${header.line}) below the table of ${featureWord(second.feature)} starting at ${at.unit} ${second.header.line}`, {
          hint: `move it above ${at.unit} ${second.header.line}, or give it a table of its own with its own header`,
        });
      }
      out.push(read ? { cells: read(row.cells), line: row.line } : row);
      continue;
    }
    const own = row.cells.map(quotaColumn);
    const table = tableFeature(row.cells);
    if (!table && own.every((c, i) => c === main[i]) && main.every((c, i) => c === own[i] || (c === undefined && own[i] === undefined))) {
      read = undefined;
      second = undefined;
      out.push(row);
      continue;
    }
    for (const bound of ['min', 'max', 'range'] as const) {
      if (own.includes(bound) && !main.includes(bound)) {
        throw new UsageError(`${at.name} ${at.unit} ${row.line}: the table starting here has a ${bound} column, the first table (${at.unit} ${header.line}) none`, {
          hint: 'give both tables the same bound columns, or put the second in a file of its own',
        });
      }
    }
    read = (cells) => {
      const out = header.cells.map(() => '');
      out[main.indexOf('feature')] = table ? row.cells[table.at]! : cells[own.indexOf('feature')] ?? '';
      out[main.indexOf('value')] = cells[table ? table.at : own.indexOf('value')] ?? '';
      for (const bound of ['min', 'max', 'range'] as const) if (own.includes(bound)) out[main.indexOf(bound)] = cells[own.indexOf(bound)] ?? '';
      return out;
    };
    second = table ? { header: row, feature: table.feature, at: table.at } : undefined;
    at.onNote?.(`${at.name} ${at.unit} ${row.line}: a second table starts (${row.cells.filter((c) => c.trim()).join(', ')}): its ${at.unit}s read by its own header`);
  }
  return out;
}

/**
 * The rows below the header that are rules, as an officer's sheet holds them: a header repeated
 * (two tables pasted one under the other) and a totals line ("Total,,18,32") are skipped, and a
 * feature left empty under a merged cell ("region" written once beside five regions) is the one
 * above it. Each is said, never done quietly.
 */
function ruleRows(data: NumberedRow[], headers: string[], columns: (QuotaColumn | undefined)[], at: { name: string; unit: string; size?: number; onNote?: (note: string) => void }): NumberedRow[] {
  const feature = columns.indexOf('feature');
  const value = columns.indexOf('value');
  const out: NumberedRow[] = [];
  const carried: { from: number; lines: number[]; text: string; heading: boolean }[] = [];
  let above: NumberedRow | undefined;
  for (const row of data) {
    const cells = row.cells.map((c) => c.trim());
    if (cells.every((c) => c === '')) continue;
    const text = `"${cells.filter(Boolean).join(', ')}"`;
    // (a Markdown table's line under its header, "|---|:---:|", or a line drawn in a text file: no rule)
    if (cells.filter((c) => c !== '').length >= 2 && cells.every((c) => c === '' || SEPARATOR.test(c))) {
      at.onNote?.(`${at.name} ${at.unit} ${row.line}: ${text} is a line of dashes (a separator): skipped`);
      above = undefined;
      continue;
    }
    if (cells.every((c, i) => c === '' || (columns[i] !== undefined && quotaColumn(c) === columns[i]) || c === headers[i]?.trim())) {
      at.onNote?.(`${at.name} ${at.unit} ${row.line}: ${text} repeats the header: skipped`);
      above = undefined;
      continue;
    }
    // ("Total,Africa,,3" under lines of countries: a cap on the region, or their sum? not guessed)
    const place = cells[value] ?? '';
    const placed = isValueOf('region', place) ? 'region' : isValueOf('country', place) ? 'country' : undefined;
    if (isTotal(cells[feature] ?? '') && placed) {
      throw new UsageError(`${at.name} ${at.unit} ${row.line}: ${text} is a total for ${place}: a rule on it, or the sum of the lines above?`, {
        hint: `for a rule write its feature instead of "${cells[feature]}" (${placed},${place},…); for a sum, delete the line`,
      });
    }
    if (isTotal(cells[feature] ?? '') || (cells[feature] !== '' && isTotal(cells[value] ?? ''))) {
      // ("Total,25" or "Total: 25": a size; "Total,,18,32" adds up the bounds)
      const size = cells.filter((c, i) => i !== feature && i !== value && c !== '').length === 0 ? Number(cells[value] || /\d+/.exec(cells[feature] ?? '')?.[0]) : NaN;
      const differs = at.size !== undefined && Number.isInteger(size) && size !== at.size ? ` (its ${size} is not the roster's size: --size ${at.size} holds)` : '';
      at.onNote?.(`${at.name} ${at.unit} ${row.line}: ${text} is a totals line, not a rule: skipped${differs}`);
      continue;
    }
    // (a heading, "Region,,," over ",Africa,3," and ",Americas,2,": the feature of the lines below it)
    const min = cells[columns.indexOf('min')] ?? '';
    const max = (cells[columns.indexOf('max')] ?? '') + (cells[columns.indexOf('range')] ?? '');
    if (featureNamed(cells[feature] ?? '') !== undefined && (cells[value] ?? '') === '' && min === '' && max === '') {
      above = row;
      continue;
    }
    // (a footer, "Approved by: the Director", "Source: regional offices": no feature and no bound)
    if (cells[feature] !== '' && featureNamed(cells[feature]!) === undefined && min === '' && max === '') {
      at.onNote?.(`${at.name} ${at.unit} ${row.line}: ${text} names no feature and no min or max: skipped as a note`);
      continue;
    }
    // (a merged cell or a heading covers the lines right below it: not across a blank line, a
    // skipped one or a sheet's empty row, where another block may start)
    if (cells[feature] === '' && (cells[value] ?? '') !== '' && above && (above.cells[feature] ?? '') !== '' && row.line === above.line + 1) {
      const from = above.cells[feature]!;
      const run = carried.at(-1);
      if (run && run.text === from && run.lines.at(-1) === above.line) run.lines.push(row.line);
      else carried.push({ from: above.line, lines: [row.line], text: from, heading: (above.cells[value] ?? '').trim() === '' });
      const filled = { cells: row.cells.map((c, i) => (i === feature ? from : c)), line: row.line };
      out.push(filled);
      above = filled;
      continue;
    }
    out.push(row);
    above = row;
  }
  for (const run of carried) {
    const lines = run.lines.length === 1 ? `${at.unit} ${run.lines[0]}` : `${at.unit}s ${run.lines[0]}-${run.lines.at(-1)}`;
    at.onNote?.(`${at.name} ${lines}: no feature written, "${run.text}" of ${at.unit} ${run.from} carried down (${run.heading ? 'a heading over them: feature, no value, no min or max' : 'a merged cell, as Excel saves it'})`);
  }
  return out;
}

/**
 * The min and max columns whose name says they hold shares ("Min %", "Max (%)", "Minimum
 * share", "Pourcentage max"): a bare 20 there is 20% of --size, not 20 members. Said once.
 */
function shareColumns(header: NumberedRow, columns: (QuotaColumn | undefined)[], at: { name: string; unit: string; onNote?: (note: string) => void }): Set<number> {
  const out = new Set<number>();
  header.cells.forEach((h, i) => {
    if ((columns[i] === 'min' || columns[i] === 'max' || columns[i] === 'range') && /%|\bpercent|\bpourcent|\bporcent|\bshare\b/i.test(h)) {
      out.add(i);
      at.onNote?.(`${at.name} ${at.unit} ${header.line}: column "${h.trim()}" holds shares of --size: 20 there is 20%`);
    }
  });
  return out;
}

/**
 * A fraction below 1 in a column of shares ("0.2" under "Min %") is 20% written as Excel stores
 * it as much as 0.2%: read as 0.2% it would quietly ask for 1 member. Refused, with both readings.
 */
function checkFractions(rows: NumberedRow[], headers: string[], shares: Set<number>, at: { name: string; unit: string }): void {
  for (const row of rows) {
    for (const i of shares) {
      // (each number of a range, "0.2-0.4" under "Quota %")
      const cell = ((row.cells[i] ?? '').match(/\d*[.,]\d+%?|\d+%?/g) ?? []).find((t) => /^\d*[.,]\d+$/.test(t) && Number(t.replace(',', '.')) < 1) ?? '';
      const n = Number(cell.replace(',', '.'));
      if (!/^\d*[.,]\d+$/.test(cell) || !(n > 0 && n < 1)) continue;
      throw new UsageError(`${at.name} ${at.unit} ${row.line}: "${cell}" in column "${headers[i]!.trim()}" may be ${Math.round(n * 10000) / 100}% or ${cell}%`, {
        hint: `write the share with its % sign (${Math.round(n * 10000) / 100}%), as the column's other cells are read as percentages`,
      });
    }
  }
}

/** A bare number in a column of shares, as the share it is ("20" -> "20%"; "20-40" -> "20%-40%" in a column of ranges). */
function asShare(cell: string, share: boolean): string {
  return share ? cell.replace(/(\d+(?:[.,]\d+)?)(?![\d.,]|\s*%)/g, '$1%') : cell;
}

/** A cell of a separator line: "---", ":---:", "===" (Markdown, or a rule drawn in a text file). */
const SEPARATOR = /^:?(?:-+|={3,}|_{3,}):?$/;

/** "Total", "Grand total", "Sum", "Total général", "Sous-total", "Suma": a line that adds up the others. */
function isTotal(cell: string): boolean {
  return /^(?:grand ?total|sub-?total|sous-?total|total(?:es|s)?(?: g[ée]n[ée]ral)?|totaux|sum|somme|suma)\s*(?:[:=]\s*\d+)?\s*:?$/i.test(cell.trim());
}

/** How many rows (titles, notes) may stand above the header. */
const HEADER_SEARCH = 30;

/** A line whose first cell starts with "#": a note for people. */
function isComment(cells: string[]): boolean {
  return (cells[0] ?? '').trimStart().startsWith('#');
}

/**
 * A file without a min and a max column would give rules that bound nothing; a column the
 * reader does not know that holds numbers is most likely a bound under another name.
 */
function checkBounds(file: string, headers: string[], columns: (QuotaColumn | undefined)[], rows: NumberedRow[], at: { name: string; unit: string; line: number; onNote?: (note: string) => void }): void {
  // (two columns for one thing, "Max" and "Maximum": the reader would take the first, unsaid)
  const twice = columns.find((c, i) => c !== undefined && columns.indexOf(c) !== i);
  if (twice) {
    const named = headers.filter((_, i) => columns[i] === twice).map((h) => `"${h.trim()}"`);
    throw new UsageError(`the quotas file ${file}: columns ${named.join(' and ')} both name the ${twice}`, { hint: `keep one ${twice} column: delete or rename the other` });
  }
  const numeric = headers.filter((h, i) => h.trim() !== '' && columns[i] === undefined && rows.some((r) => (r.cells[i] ?? '').trim() !== '') && rows.every((r) => /^\s*(?:\d+(?:[.,]\d+)?\s*%?)?\s*$/.test(r.cells[i] ?? '')));
  // ("Max 2024" beside "Max": last call's bound, or this one's? not guessed)
  const rival = numeric.find((h) => boundNamedFirst(h) !== undefined);
  if (rival) {
    const bound = boundNamedFirst(rival)!;
    const own = headers.find((_, i) => columns[i] === bound);
    if (own !== undefined) {
      throw new UsageError(`the quotas file ${file}: columns "${own.trim()}" and "${rival.trim()}" may both be the ${bound}`, { hint: `delete or rename the one that is not this selection's ${bound} (a note column must not be named as a bound)` });
    }
  }
  const hasMin = columns.includes('min') || columns.includes('range');
  const hasMax = columns.includes('max') || columns.includes('range');
  if ((!hasMin || !hasMax) && numeric.length) {
    // (no bound column recognised at all: no recognisable columns, exit 1 as above; beside a min, a column to rename)
    throw new (!hasMin && !hasMax ? OperationError : UsageError)(`the quotas file ${file}: column "${numeric[0]}" holds numbers but is neither min nor max`, {
      hint: `name it ${!hasMin ? 'min' : 'max'} (or minimum, at least / maximum, at most); names are in data/quota-headers.json`,
    });
  }
  if (!hasMin && !hasMax) {
    throw new OperationError(`the quotas file ${file} has no min or max column, so its rules would bound nothing`, {
      hint: 'its first line must be feature,value,min,max (min and max may be left empty on a line)',
    });
  }
  for (const h of numeric) at.onNote?.(`${at.name} ${at.unit} ${at.line}: column "${h.trim()}" holds numbers but bounds nothing (only min and max do): not read`);
}

/** The bound a column's name starts with ("Max 2024", "Minimum proposed"), when the whole name is none. */
function boundNamedFirst(header: string): 'min' | 'max' | undefined {
  const words = header.trim().split(/[\s(\[:/_-]+/);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const column = quotaColumn(words.slice(0, n).join(' '));
    if (column === 'min' || column === 'max') return column;
  }
  return undefined;
}

/** A delimited text file's rows, numbered by line as the file numbers them. */
async function textRows(file: string, bytes: Buffer): Promise<Sheet> {
  const { DELIMITERS, detectDelimiter, detectEncoding, looksBinary } = await import('../import/detect.js');
  const { encoding, bom } = detectEncoding({ head: bytes, validUtf8: isUtf8(bytes) });
  // (a program, a picture, an .ods or a PDF: its bytes are not worth quoting as a "first line")
  if (looksBinary(bytes.subarray(0, 64 * 1024), encoding)) {
    throw new OperationError(`the quotas file ${file} is neither text (CSV) nor an .xlsx workbook: it holds binary data`, {
      hint: 'check that you gave the right file; write quotas as CSV (feature,value,min,max) or an .xlsx sheet (see docs/quotas-file.md)',
    });
  }
  const body = bytes.subarray(bom);
  let text = encoding === 'utf8' ? body.toString('utf8') : (await import('iconv-lite')).default.decode(body, encoding);
  text = text.replace(/^\uFEFF/, '');
  const json = /^\s*[[{]/.test(text);
  // (YAML: "region:" keys, "- " list items or a "---" start, with no delimiter of a table on the first line)
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() && !l.trimStart().startsWith('#')) ?? '';
  const yaml = (/\.ya?ml$/i.test(file) || /^(?:---\s*$|- |[\p{L}_][\p{L}\p{N}_ ]*:\s*$)/u.test(firstLine)) && !/[,;\t|]/.test(firstLine);
  // Excel's "sep=;" line names the delimiter; the header is the line after it.
  const sepLine = /^sep=(.)\r?\n/i.exec(text);
  if (sepLine) text = text.slice(sepLine[0].length);
  // (the header's delimiter, not that of the notes above it: "Prepared by: Doe, Jane" over feature;value;min;max)
  const delimiter = sepLine ? sepLine[1]! : headerDelimiter(text, DELIMITERS) ?? detectDelimiter(text);
  const { parse } = await import('csv-parse/sync');
  try {
    const parsed = parse(text, { skip_empty_lines: true, delimiter, relax_column_count: true, relax_quotes: true, trim: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    const rows: Sheet = parsed.map((p) => ({ cells: p.record, line: p.info.lines + (sepLine ? 1 : 0) }));
    rows.looksLike = json ? 'JSON' : yaml ? 'YAML' : undefined;
    return rows;
  } catch (e) {
    if (json) throw new OperationError(`the quotas file ${file} looks like JSON; a quotas file is a table, so it holds no rules that can be read`, { hint: TABLE_HINT });
    const at = (e as { lines?: number }).lines;
    throw new OperationError(`the quotas file ${file} cannot be read as CSV${at ? ` (line ${at + (sepLine ? 1 : 0)})` : ''}: ${(e as Error).message.replace(/^Invalid Opening Quote: /, '')}`, {
      hint: 'save it from Excel as CSV (feature,value,min,max) or as .xlsx',
    });
  }
}

/** The delimiter that splits a line among the first into the feature and value columns, if one does. */
function headerDelimiter(text: string, delimiters: readonly string[]): string | undefined {
  const lines = text.split(/\r?\n/, 200).filter((l) => l.trim()).slice(0, HEADER_SEARCH);
  for (const line of lines) {
    for (const d of delimiters) {
      const cells = line.split(d).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
      if (isHeader(cells)) return d;
    }
  }
  return undefined;
}
