// Types of scripts/lib/real-headers-eval.mjs, for the vitest file that imports it.
export const CORPUS_DIR: string;
export const FIELDS_NOT_IN_IMPORTER: string[];
export const CATEGORIES: Record<string, string>;

export interface CorpusColumn { index: number; header: string[]; field: string | null; note?: string }
export interface CorpusFile {
  slug: string; file: string; valuesFile: string | null; tool: string; language: string; headerRows: number; note: string;
  source: { repo: string; path: string; commit: string; url: string };
  original: { format: string; encoding: string; delimiter: string | null };
  columns: CorpusColumn[];
}
export function loadCorpus(dir?: string): { fields: string[]; files: CorpusFile[] };
export function readRecords(file: string, delimiter?: string | null): string[][];

export interface WrongMapping { field: string; column: number; header: string; labelledAs: string | null; fallback: boolean; category: string }
export interface FileScore {
  slug: string; tool: string; language: string; via: 'auto' | 'partial' | 'refused'; error: string | null; refusal: string | null;
  headerRows: number; dataStartsAt: number | null; headerRowsOk: boolean | null; labelledFields: number;
  found: { field: string; column: number; header: string }[];
  missed: { field: string; expected: { column: number; header: string }[]; importerHasField: boolean }[];
  wrongFirst: string[]; wrong: WrongMapping[]; withInventedValues: boolean;
}
export interface CorpusReport {
  files: FileScore[];
  totals: {
    files: number; labelledFields: number; found: number; missed: number; wrong: number; wrongFirstChoice: number;
    refused: number; partial: number; headerRowsWrong: number; byCategory: Record<string, number>; foundRatio: number;
  };
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PrepareFiles = (files: string[], options: object, io: any) => Promise<any>;
export function categorize(wrong: { field: string; header: string; labelledAs: string | null }, repoRoot: string): string;
export function detectColumns(prepareFiles: PrepareFiles, file: string): Promise<unknown>;
export function evaluateCorpus(options: { prepareFiles: PrepareFiles; dir?: string; values?: boolean; only?: string[] }): Promise<CorpusReport>;
export function formatReport(report: CorpusReport, options?: { quiet?: boolean }): string;
