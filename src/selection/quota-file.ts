/**
 * Reading a quotas file (select --quotas): a CSV as Excel saves it anywhere (encoding, delimiter,
 * "sep=;" line, quoted headers, blank lines, # comment lines) or a sheet of an .xlsx workbook.
 * Its columns may be named in English, French or Spanish (quota-names.ts); a file whose min and
 * max columns cannot be found is refused rather than read as rules that bound nothing.
 */
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { OperationError, UsageError } from '../errors.js';
import { quotaRulesFromRecords, type QuotaFileOptions, type QuotaRule } from './quotas.js';
import { featureNamed, quotaColumn, type QuotaColumn } from './quota-names.js';

/** The rows of the file, each with its number as the officer sees it (line of a text file, row of a sheet). */
interface NumberedRow {
  cells: string[];
  line: number;
}

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
  const sheets = workbook ? await workbookRows(where, bytes) : [await textRows(file, bytes)];
  const name = path.basename(file);
  let first: NumberedRow[] | undefined;
  for (const rows of sheets) {
    const body = rows.filter((r) => !isComment(r.cells));
    first ??= body;
    // (a title or a note may stand above the header, as officers head a sheet: "Quotas for the 2024 call")
    const at = body.slice(0, HEADER_SEARCH).findIndex((r) => {
      const columns = r.cells.map(quotaColumn);
      return columns.includes('feature') && columns.includes('value');
    });
    if (at < 0) continue;
    const header = body[at]!;
    const columns = header.cells.map(quotaColumn);
    // a rule above the header would be skipped with the title: refused rather than lost
    const above = body.slice(0, at).find((r) => r.cells.length > 1 && featureNamed(r.cells[0] ?? '') !== undefined);
    if (above) {
      throw new UsageError(`${name} ${workbook ? 'row' : 'line'} ${above.line}: "${above.cells.filter((c) => c.trim()).join(', ')}" comes before the header (${workbook ? 'row' : 'line'} ${header.line}), so it would not be read as a rule`, {
        hint: 'move the header (feature,value,min,max) above every rule',
      });
    }
    checkBounds(file, header.cells, columns, body.slice(at + 1));
    const data = body.slice(at + 1);
    if (data.every((r) => r.cells.every((c) => c.trim() === ''))) {
      throw new UsageError(`the quotas file ${file} has no rules, only its header`, { hint: 'add a line per rule below the header (region,Africa,3,8), or leave out --quotas' });
    }
    // (a cell past the header is a value cut at a comma, "12,5%", or a shifted line: never dropped quietly)
    const over = data.find((r) => r.cells.slice(header.cells.length).some((c) => c.trim() !== ''));
    if (over) {
      throw new UsageError(`${name} ${workbook ? 'row' : 'line'} ${over.line}: ${over.cells.length} cells but the header names ${header.cells.length} columns (${over.cells.join(' | ')})`, {
        hint: 'a value holding the delimiter needs quotes ("12,5%"); or give the extra column a name in the header',
      });
    }
    const records = data.map((r) => Object.fromEntries(header.cells.map((h, i) => [h, r.cells[i] ?? ''])));
    return quotaRulesFromRecords(records, name, data.map((r) => r.line), { ...options, unit: workbook ? 'row' : 'line' });
  }
  const seen = first?.[0]?.cells.filter((c) => c.trim() !== '') ?? [];
  const missing = (['feature', 'value'] as const).filter((c) => !seen.some((h) => quotaColumn(h) === c));
  throw new UsageError(`the quotas file ${file} has no "${missing[0] ?? 'feature'}" column${seen.length ? ` (its first ${workbook ? 'row' : 'line'}: ${seen.slice(0, 6).join(', ')}${seen.length > 6 ? ', …' : ''})` : ' (it is empty)'}`, {
    hint: 'start it with the header line feature,value,min,max (a title line above it is fine; see docs/quotas-file.md)',
  });
}

/** How many rows (titles, notes) may stand above the header. */
const HEADER_SEARCH = 10;

/** A line whose first cell starts with "#": a note for people. */
function isComment(cells: string[]): boolean {
  return (cells[0] ?? '').trimStart().startsWith('#');
}

/**
 * A file without a min and a max column would give rules that bound nothing; a column the
 * reader does not know that holds numbers is most likely a bound under another name.
 */
function checkBounds(file: string, headers: string[], columns: (QuotaColumn | undefined)[], rows: NumberedRow[]): void {
  const numeric = headers.filter((h, i) => h.trim() !== '' && columns[i] === undefined && rows.some((r) => (r.cells[i] ?? '').trim() !== '') && rows.every((r) => /^\s*(?:\d+(?:[.,]\d+)?\s*%?)?\s*$/.test(r.cells[i] ?? '')));
  const hasMin = columns.includes('min');
  const hasMax = columns.includes('max');
  if ((!hasMin || !hasMax) && numeric.length) {
    throw new UsageError(`the quotas file ${file}: column "${numeric[0]}" holds numbers but is neither min nor max`, {
      hint: `name it ${!hasMin ? 'min' : 'max'} (or minimum, at least / maximum, at most); names are in data/quota-headers.json`,
    });
  }
  if (!hasMin && !hasMax) {
    throw new UsageError(`the quotas file ${file} has no min or max column, so its rules would bound nothing`, {
      hint: 'its first line must be feature,value,min,max (min and max may be left empty on a line)',
    });
  }
}

/** A delimited text file's rows, numbered by line as the file numbers them. */
async function textRows(file: string, bytes: Buffer): Promise<NumberedRow[]> {
  const { detectDelimiter, detectEncoding, looksBinary } = await import('../import/detect.js');
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
  const table = 'write it as CSV (feature,value,min,max) or as an .xlsx sheet with those columns (see docs/quotas-file.md)';
  if (/^\s*[[{]/.test(text)) {
    throw new UsageError(`the quotas file ${file} looks like JSON; a quotas file is a table`, { hint: table });
  }
  // (YAML: "region:" keys, "- " list items or a "---" start, with no delimiter of a table on the first line)
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() && !l.trimStart().startsWith('#')) ?? '';
  if ((/\.ya?ml$/i.test(file) || /^(?:---\s*$|- |[\p{L}_][\p{L}\p{N}_ ]*:\s*$)/u.test(firstLine)) && !/[,;\t|]/.test(firstLine)) {
    throw new UsageError(`the quotas file ${file} looks like YAML; a quotas file is a table`, { hint: table });
  }
  // Excel's "sep=;" line names the delimiter; the header is the line after it.
  const sepLine = /^sep=(.)\r?\n/i.exec(text);
  if (sepLine) text = text.slice(sepLine[0].length);
  const delimiter = sepLine ? sepLine[1]! : detectDelimiter(text);
  const { parse } = await import('csv-parse/sync');
  try {
    const parsed = parse(text, { skip_empty_lines: true, delimiter, relax_column_count: true, relax_quotes: true, trim: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return parsed.map((p) => ({ cells: p.record, line: p.info.lines + (sepLine ? 1 : 0) }));
  } catch (e) {
    const at = (e as { lines?: number }).lines;
    throw new UsageError(`the quotas file ${file} cannot be read as CSV${at ? ` (line ${at + (sepLine ? 1 : 0)})` : ''}: ${(e as Error).message.replace(/^Invalid Opening Quote: /, '')}`, {
      hint: 'save it from Excel as CSV (feature,value,min,max) or as .xlsx',
    });
  }
}

/** Every sheet of a workbook (up to 20), each row numbered as the sheet numbers it. */
async function workbookRows(file: string, bytes: Buffer): Promise<NumberedRow[][]> {
  const { xlsxSource } = await import('../import/readers.js');
  const sheets: NumberedRow[][] = [];
  for (let i = 0; i < 20; i++) {
    // (a cell formatted as a percentage is the share it shows: 20% is stored as 0.2)
    const source = xlsxSource(file, i, { percentages: true, bytes });
    const rows: NumberedRow[] = [];
    await source.read((cells, row) => {
      rows.push({ cells: cells.map((c) => c.trim()), line: row ?? rows.length + 1 });
    });
    if (!source.sheet!.exists) break;
    sheets.push(rows);
  }
  return sheets;
}
