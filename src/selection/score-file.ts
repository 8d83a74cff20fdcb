import { loadDataFile } from '../data/load.js';
import { validateScoreHeaders } from '../data/validate/score-headers.js';
import { headerKey, synonymKeys } from '../import/headers.js';

/** The columns a reviewers' score sheet can have. */
export type ScoreColumn = 'application' | 'email' | 'reviewer' | 'score';

let synonyms: Record<ScoreColumn, string[]> | undefined;
let keys: Record<ScoreColumn, Set<string>> | undefined;

/**
 * The same synonyms compared word by word (small words dropped, any order), plus the
 * import's own names for the application ID and the email (data/headers.json): a jury's
 * sheet often starts from the applications file, so "N° de dossier" or "Courriel de la
 * personne de contact" name the same columns there.
 */
function scoreHeaderKeys(): Record<ScoreColumn, Set<string>> {
  if (!keys) {
    const raw = loadDataFile<Record<ScoreColumn, string[]>>('score-headers.json', validateScoreHeaders);
    const keyed = (column: ScoreColumn) => new Set(raw[column].map(headerKey).filter(Boolean));
    keys = {
      application: new Set([...keyed('application'), ...synonymKeys('externalId')]),
      email: new Set([...keyed('email'), ...synonymKeys('email')]),
      reviewer: keyed('reviewer'),
      score: keyed('score'),
    };
  }
  return keys;
}

/** Header synonyms from data/score-headers.json (officers may add theirs). */
export function scoreHeaderSynonyms(): Record<ScoreColumn, string[]> {
  if (!synonyms) {
    const raw = loadDataFile<Record<ScoreColumn, string[]>>('score-headers.json', validateScoreHeaders);
    synonyms = {
      application: raw.application.map(normaliseHeader),
      email: raw.email.map(normaliseHeader),
      reviewer: raw.reviewer.map(normaliseHeader),
      score: raw.score.map(normaliseHeader),
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
  const keyTable = scoreHeaderKeys();
  const norm = headers.map(normaliseHeader);
  const key = headers.map(headerKey);
  const found: Partial<Record<ScoreColumn, number>> = {};
  const taken = new Set<number>();
  for (const pass of ['exact', 'prefix'] as const) {
    for (const column of ['application', 'email', 'reviewer', 'score'] as ScoreColumn[]) {
      if (found[column] !== undefined) continue;
      const i = norm.findIndex((h, idx) => !taken.has(idx) && h !== '' && (pass === 'exact' ? table[column].includes(h) || keyTable[column].has(key[idx]) : table[column].some((s) => h.startsWith(`${s} `))));
      if (i >= 0) {
        found[column] = i;
        taken.add(i);
      }
    }
  }
  return found;
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const TO = String.raw`\s*(?:-|–|—|\.\.|to|à|a|y|et|and)\s*`;
/** Words that introduce a scale's range: "de 1 à 5", "from 1 to 5", "entre 0 y 10", "scale of 1-5", "escala de 1 a 10". */
const INTRO = String.raw`(?<![\p{L}\p{N}])(?:de|from|entre|between|scale|échelle|echelle|escala|barème|bareme|baremo)(?:\s+(?:of|de|du|from))?\s+`;
/** A range that fills a bracket, "(0-100)", "[1 to 5]", "(de 0 à 20)", or that such a word introduces. */
const RANGE_IN_BRACKETS = new RegExp(String.raw`[(\[]\s*(?:${INTRO})?${NUMBER}${TO}${NUMBER}\s*[)\]]`, 'iu');
const RANGE_INTRODUCED = new RegExp(String.raw`${INTRO}${NUMBER}${TO}${NUMBER}(?=$|[\s)\],.;:])`, 'iu');
/** A range right after the score's own name: "Note 0-20", "Score 1-10", "Nota: 0 a 10" (not "Score for criteria 1-3"). */
const RANGE_AFTER_SCORE = new RegExp(
  String.raw`(?<![\p{L}])(?:score|note|nota|notes|puntuaci[oó]n|puntaje|rating|mark|grade|calificaci[oó]n)\s*:?\s*${NUMBER}\s*(?:-|–|—|\.\.|to|à|a)\s*${NUMBER}(?=$|[\s)\],.;:])`,
  'iu',
);
/** "/20", "sur 20", "out of 5", "sobre 10", "max 10"; a slash after a number ("1/3") is a fraction, not a scale. */
const OUT_OF = new RegExp(String.raw`(?:(?<!\d\s*)/|(?<![\p{L}])(?:sur|out\s+of|sobre|max(?:imum)?\.?)(?![\p{L}]))\s*${NUMBER}(?=$|[\s)\]])`, 'iu');

/**
 * The scale a score column's header states, if any: "Score (0-100)", "Note sur 20",
 * "Note /20", "Score (out of 5)", "Nota sobre 10", "Rating (1 to 5)", "Note de 1 à 5", "Note 0-20". Numbers
 * that only happen to sit in the header ("reviewers 1 and 2", "criteria 1-3", "weighted 1/3",
 * "Score 2020-2021") are not a scale: a range must fill a bracket, follow a word that
 * introduces one or the score's own name, and start at 0 or 1.
 */
export function scaleFromHeader(header: string): { min: number; max: number } | null {
  const num = (t: string) => Number(t.replace(',', '.'));
  const range = RANGE_IN_BRACKETS.exec(header) ?? RANGE_INTRODUCED.exec(header) ?? RANGE_AFTER_SCORE.exec(header);
  if (range) {
    const min = num(range[1]!);
    const max = num(range[2]!);
    if ((min === 0 || min === 1) && max > min && max <= 1000) return { min, max };
  }
  const outOf = OUT_OF.exec(header);
  if (outOf && num(outOf[1]!) > 0 && num(outOf[1]!) <= 1000) return { min: 0, max: num(outOf[1]!) };
  return null;
}

/** A number as reviewers type it: "7,5", "7.5", " 8 ", "8/10", "85%" (returns the scale too). */
export function parseScoreCell(text: string): { score: number; outOf?: number } | null {
  const t = text.trim().replace(/\s+/g, '').replace(/\u00a0/g, '');
  // a percent-formatted cell saved as CSV: "85%" is 85 out of 100
  const percent = /^([+-]?\d+(?:[.,]\d+)?)%$/.exec(t);
  if (percent) return { score: Number(percent[1]!.replace(',', '.')), outOf: 100 };
  const m = /^([+-]?\d+(?:[.,]\d+)?)(?:\/(\d+(?:[.,]\d+)?))?$/.exec(t);
  if (!m) return null;
  const score = Number(m[1].replace(',', '.'));
  return m[2] ? { score, outOf: Number(m[2].replace(',', '.')) } : { score };
}

/**
 * The rows of a score sheet, read by the import's readers (one place that knows files):
 * CSV in any usual encoding and delimiter, or the first sheet of an .xlsx. Score sheets are
 * small, so a workbook the streaming reader cannot follow (some writers order the parts of
 * the file differently) is read again whole.
 */
export async function readScoreTable(file: string): Promise<string[][]> {
  const { scanFile, detectFormat } = await import('../import/detect.js');
  const { openTable, cellText, xlsxSource, InputLimitError } = await import('../import/readers.js');
  const { NotAWorkbookError } = await import('../import/xlsx-reader.js');
  const scan = await scanFile(file);
  const table = await openTable(file, scan);
  const readAll = async (source: typeof table): Promise<string[][]> => {
    const rows: string[][] = [];
    await source.read((cells) => {
      rows.push(cells);
    });
    return rows;
  };
  let rows: string[][];
  try {
    rows = await readAll(table);
    // A workbook that opens on an instructions sheet: the scores are on the first sheet with their headers.
    if (table.sheet && !hasScoreHeaders(rows)) {
      for (let i = 1; i < 20; i++) {
        const other = xlsxSource(file, i);
        const found = await readAll(other);
        if (!other.sheet!.exists) break;
        if (hasScoreHeaders(found)) return found;
      }
    }
  } catch (e) {
    // A workbook past the reading limits (a zip bomb) is not read whole either.
    if (detectFormat(file, scan.head) !== 'xlsx' || e instanceof InputLimitError || e instanceof NotAWorkbookError) throw e;
    return readWholeWorkbook(file, cellText, e as Error);
  }
  return rows;
}

/** Whether one of the top rows names a score column and an application or email column. */
export function hasScoreHeaders(rows: string[][]): boolean {
  return rows.slice(0, 10).some((row) => {
    const found = matchScoreHeaders(row);
    return found.score !== undefined && (found.application !== undefined || found.email !== undefined);
  });
}

async function readWholeWorkbook(file: string, cellText: (v: unknown) => string, first: Error): Promise<string[][]> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    throw first;
  }
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((x) => x.trim() !== '')) rows.push(cells);
  });
  return rows;
}
