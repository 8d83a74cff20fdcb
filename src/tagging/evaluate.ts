import { OperationError } from '../errors.js';
import { categoryCodes, isCategoryCode, nearestCategoryCode, revisedCodesFor } from './taxonomy.js';
import { Tagger, type TaggerInput } from './tagger.js';
import { resolveLanguage } from '../geo/languages.js';

/** One labelled text of an evaluation (or training) file. */
export interface LabelledText extends TaggerInput {
  /** Row number in the file (1 = first data row). */
  row: number;
  categories: string[];
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export interface CategoryEvaluation extends Scores {
  support: number;
  predicted: number;
  truePositives: number;
}

export interface Evaluation {
  documents: number;
  micro: Scores;
  macro: Scores;
  perCategory: Record<string, CategoryEvaluation>;
  /** Share of documents whose predicted set equals the gold set exactly. */
  exactMatch: number;
  threshold: number;
  /** Officer-labelled applications the learned model was trained on (0: none). */
  learnedFrom: number;
  /** Shipped examples the tagger's second model learned from (0: none), and how many were left out as texts of the evaluated file. */
  examples?: number;
  examplesLeftOut?: number;
  /** Mistakes, for tuning on a development set (not printed for a gold set unless asked). */
  errors?: Array<{ row: number; title: string; gold: string[]; predicted: string[] }>;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Category codes of a cell: codes (or names of either taxonomy) separated by | ; or commas. */
export function parseCategoryCell(cell: string, where: string): string[] {
  const codes = new Set<string>();
  for (const raw of cell.split(/[|;]/)) {
    const part = raw.trim();
    if (!part) continue;
    const code = part.toLowerCase();
    if (isCategoryCode(code)) { codes.add(code); continue; }
    // Something shaped like a code must be one: a typo is reported, not guessed.
    const byName = /^[a-z]+(-[a-z]+)+$/.test(code) ? [] : revisedCodesFor(part);
    if (byName.length) { for (const c of byName) codes.add(c); continue; }
    const near = nearestCategoryCode(code);
    throw new OperationError(`${where}: unknown category "${part}"${near ? `; did you mean "${near}"?` : ''}`, {
      hint: `categories are codes separated by "|": ${categoryCodes().join(', ')}`,
    });
  }
  return [...codes];
}

export const LABELLED_COLUMNS = 'title,description,language,categories';

/**
 * Reads a labelled CSV: columns title, description, language, categories (codes joined by |);
 * beneficiaries and self_categories are read too when present. Header names ignore case.
 */
export async function readLabelledCsv(file: string, options: { check?: (bytes: Buffer) => void } = {}): Promise<LabelledText[]> {
  const { readSmallInput } = await import('../files/input.js');
  const bytes = await readSmallInput(file, { limit: 256 * 1024 * 1024 });
  // (the caller's check of what the file is: a workbook, a PDF, binary data)
  options.check?.(bytes);
  const text = bytes.toString('utf8');
  const { parse } = await import('csv-parse/sync');
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), bom: true, skip_empty_lines: true, relax_column_count: true, trim: false });
  } catch (e) {
    throw new OperationError(`${file} is not a readable CSV: ${(e as Error).message}`, { hint: `save it as CSV UTF-8 with the columns ${LABELLED_COLUMNS}` });
  }
  if (records.length === 0) {
    throw new OperationError(`${file} has no ${text.trim() ? 'data rows' : 'line: it is empty'}`, { hint: `a labelled set is a CSV with the columns ${LABELLED_COLUMNS} and a line per text` });
  }
  const headers = Object.keys(records[0]);
  const missing = ['description', 'categories'].filter((h) => !headers.includes(h));
  if (missing.length) {
    throw new OperationError(`${file} has no ${missing.join(' or ')} column`, {
      hint: `the columns are ${LABELLED_COLUMNS} (found: ${headers.join(', ')})`,
    });
  }
  const list = (v: string | undefined) => (v ? v.split('|').map((x) => x.trim()).filter(Boolean) : []);
  return records.map((r, i) => {
    const where = `${file} row ${i + 1}`;
    const categories = parseCategoryCell(r.categories ?? '', where);
    if (categories.length === 0) throw new OperationError(`${where}: no category`, { hint: 'every labelled text needs at least one category code' });
    return {
      row: i + 1,
      title: r.title ?? '',
      description: r.description ?? '',
      language: r.language ? resolveLanguage(r.language) ?? r.language : null,
      beneficiaries: list(r.beneficiaries),
      selfCategories: list(r.self_categories),
      categories,
    };
  });
}

/** Precision, recall and F1 per category, micro and macro averages, for predicted vs gold sets. */
export function scoreSets(gold: string[][], predicted: string[][], codes: string[] = categoryCodes()): Pick<Evaluation, 'micro' | 'macro' | 'perCategory' | 'exactMatch'> {
  const perCategory: Record<string, CategoryEvaluation> = {};
  let tp = 0, fp = 0, fn = 0, exact = 0;
  for (const code of codes) perCategory[code] = { precision: 0, recall: 0, f1: 0, support: 0, predicted: 0, truePositives: 0 };
  gold.forEach((g, i) => {
    const p = predicted[i] ?? [];
    const gs = new Set(g), ps = new Set(p);
    if (gs.size === ps.size && [...gs].every((c) => ps.has(c))) exact++;
    for (const c of gs) {
      perCategory[c] ??= { precision: 0, recall: 0, f1: 0, support: 0, predicted: 0, truePositives: 0 };
      perCategory[c].support++;
      if (ps.has(c)) { perCategory[c].truePositives++; tp++; } else fn++;
    }
    for (const c of ps) {
      perCategory[c] ??= { precision: 0, recall: 0, f1: 0, support: 0, predicted: 0, truePositives: 0 };
      perCategory[c].predicted++;
      if (!gs.has(c)) fp++;
    }
  });
  const f = (t: number, predictedN: number, supportN: number): Scores => {
    const precision = predictedN ? t / predictedN : supportN ? 0 : 1;
    const recall = supportN ? t / supportN : predictedN ? 0 : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision: round(precision), recall: round(recall), f1: round(f1) };
  };
  const counted: Scores[] = [];
  for (const c of Object.keys(perCategory)) {
    const e = perCategory[c];
    Object.assign(e, f(e.truePositives, e.predicted, e.support));
    // Macro averages over the categories that occur in the gold set or were predicted.
    if (e.support || e.predicted) counted.push(e);
  }
  const mean = (k: keyof Scores) => round(counted.reduce((a, s) => a + s[k], 0) / (counted.length || 1));
  return {
    micro: f(tp, tp + fp, tp + fn),
    macro: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') },
    perCategory,
    exactMatch: round(gold.length ? exact / gold.length : 0),
  };
}

/** Tags the labelled texts in memory (nothing is written) and scores the result. */
export function evaluate(texts: LabelledText[], tagger: Tagger, options: { errors?: boolean } = {}): Evaluation {
  const predicted = texts.map((t) => tagger.tag(t).selected);
  const scored = scoreSets(texts.map((t) => t.categories), predicted);
  const result: Evaluation = {
    documents: texts.length,
    ...scored,
    threshold: tagger.threshold,
    learnedFrom: tagger.model?.documents ?? 0,
  };
  if (options.errors) {
    result.errors = texts
      .map((t, i) => ({ row: t.row, title: t.title ?? '', gold: [...t.categories].sort(), predicted: [...predicted[i]].sort() }))
      .filter((e) => e.gold.join('|') !== e.predicted.join('|'));
  }
  return result;
}
