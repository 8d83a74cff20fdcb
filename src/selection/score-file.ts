import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { OperationError } from '../errors.js';
import { dataPath } from '../paths.js';

/** The columns a reviewers' score sheet can have. */
export type ScoreColumn = 'application' | 'email' | 'reviewer' | 'score';

let synonyms: Record<ScoreColumn, string[]> | undefined;

/** Header synonyms from data/score-headers.json (officers may add theirs). */
export function scoreHeaderSynonyms(): Record<ScoreColumn, string[]> {
  if (!synonyms) {
    const raw = JSON.parse(fs.readFileSync(dataPath('score-headers.json'), 'utf8')) as Record<string, unknown>;
    synonyms = {
      application: (raw.application as string[]).map(normaliseHeader),
      email: (raw.email as string[]).map(normaliseHeader),
      reviewer: (raw.reviewer as string[]).map(normaliseHeader),
      score: (raw.score as string[]).map(normaliseHeader),
    };
  }
  return synonyms;
}

/** "N° de candidature :" -> "n de candidature": no case, accents, punctuation or extra spaces. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[°º]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Which column holds what; exact synonym first, then a header that starts with one ("Score (0-10)"). */
export function matchScoreHeaders(headers: string[]): Partial<Record<ScoreColumn, number>> {
  const table = scoreHeaderSynonyms();
  const norm = headers.map(normaliseHeader);
  const found: Partial<Record<ScoreColumn, number>> = {};
  const taken = new Set<number>();
  for (const pass of ['exact', 'prefix'] as const) {
    for (const column of ['application', 'email', 'reviewer', 'score'] as ScoreColumn[]) {
      if (found[column] !== undefined) continue;
      const i = norm.findIndex((h, idx) => !taken.has(idx) && h !== '' && table[column].some((s) => (pass === 'exact' ? h === s : h.startsWith(`${s} `))));
      if (i >= 0) {
        found[column] = i;
        taken.add(i);
      }
    }
  }
  return found;
}

/** A number as reviewers type it: "7,5", "7.5", " 8 ", "8/10" (returns the scale too). */
export function parseScoreCell(text: string): { score: number; outOf?: number } | null {
  const t = text.trim().replace(/\s+/g, '').replace(/\u00a0/g, '');
  const m = /^([+-]?\d+(?:[.,]\d+)?)(?:\/(\d+(?:[.,]\d+)?))?$/.exec(t);
  if (!m) return null;
  const score = Number(m[1].replace(',', '.'));
  return m[2] ? { score, outOf: Number(m[2].replace(',', '.')) } : { score };
}

/** The rows of a CSV (any usual delimiter, UTF-8 or Windows-1252) or of the first sheet of an .xlsx. */
export async function readScoreTable(file: string): Promise<string[][]> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new OperationError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message}`, { hint: 'check the path of the score sheet' });
  }
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return readXlsx(file);
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = bytes.subarray(2).toString('utf16le');
  else if (isUtf8(bytes)) text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  else text = (await import('iconv-lite')).default.decode(bytes, 'windows-1252');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t', '|'].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  const { parse } = await import('csv-parse/sync');
  try {
    return (parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as string[][]);
  } catch (e) {
    throw new OperationError(`${file} is not a readable CSV: ${(e as Error).message.split('\n')[0]}`, { hint: 'save the sheet as CSV UTF-8 or .xlsx and try again' });
  }
}

async function readXlsx(file: string): Promise<string[][]> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (e) {
    throw new OperationError(`${file} cannot be read as an Excel workbook: ${(e as Error).message.split('\n')[0]}`, { hint: 'open it in Excel and save it again as .xlsx, or as CSV UTF-8' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  });
  return rows;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; hyperlink?: string };
  if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
  if ('result' in o) return cellText(o.result);
  if (o.text !== undefined) return cellText(o.text);
  if (o.hyperlink) return o.hyperlink.replace(/^mailto:/, '');
  return String(v);
}
