/**
 * The corpus of real export header rows (test/fixtures/real-headers, issue 11): the labels are
 * well formed and the fixtures hold header rows only; then the importer is scored on it.
 *
 * The accuracy bar of issue 11 (no field filled from a wrong column, at least 90 % of the
 * labelled fields found) is written below but only enforced once ENFORCE_ISSUE_11_ACCURACY is
 * true: flip it when the importer reaches it. Until then the test checks that the evaluation
 * runs and prints its figures (the full report: node scripts/eval-headers.mjs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../src/import/headers.js';
import { prepareFiles } from '../../../src/import/importer.js';
import {
  CATEGORIES, CORPUS_DIR, FIELDS_NOT_IN_IMPORTER, evaluateCorpus, formatReport, loadCorpus, readRecords, type CorpusFile,
} from '../../../scripts/lib/real-headers-eval.mjs';

/** Issue 11's bar: flip to true when the importer reaches it. */
const ENFORCE_ISSUE_11_ACCURACY = true;
const ISSUE_11_MAX_WRONG = 0;
const ISSUE_11_MIN_FOUND_RATIO = 0.9;

const corpus = loadCorpus();
const LABEL_FIELDS = new Set<string>([...FIELDS, ...FIELDS_NOT_IN_IMPORTER]);
const TOOLS = new Set(['google-forms', 'microsoft-forms', 'surveymonkey', 'qualtrics', 'typeform', 'kobotoolbox', 'jotform', 'excel-csv', 'cap-collectif', 'decidim', 'custom-web-form', 'conftool', 'oxford-abstracts', 'google-sheets', 'devpost', 'limesurvey', 'airtable', 'salesforce', 'moodle', 'luma', 'eventbrite', 'dorahacks', 'hackerearth', 'meetup', 'zoho-forms']);

const records = (file: string, label: CorpusFile): string[][] => readRecords(file, label.original.delimiter);

/** What a data cell looks like and a header cell never should. */
const DATA_LIKE: [string, RegExp][] = [
  ['an email address', /[^\s@]+@[^\s@]+\.[a-z]{2,}/i],
  ['a date', /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b/],
  ['a time of day', /\b\d{1,2}:\d{2}:\d{2}\b/],
  ['an ISO timestamp', /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/],
];
function excusedFormatMasks(header: string): string {
  return header
    .replace(/(?<![\d:/.-])\b0{2}(?:[:/.-]0{2,4})+\b(?![:/.-]?\d)/g, ' ')
    .replace(/\(\s*(?:ex|e\.\s?g|p\.\s?ex|exemplo|ejemplo|exemple|example)\b[.:]?\s*\d{1,4}[:/.-]\d{1,2}(?:[:/.-]\d{1,4})?\s*\)/gi, ' ');
}
function looksLikeData(header: string): string | null {
  // a question's image link or a form tool's piping placeholder ("{{field:09dac6d1-…}}") is part of the header
  // and so is a question's format mask of zeros and its example of a time or a date in brackets ("no formato
  // 00:00:00 (ex: 00:03:15)"); not a real time beside zeros ("10:00:00"), nor an address or a phone number
  // given as an example ("(ex: maria.silva@…)"), which a person must look at
  const cell = excusedFormatMasks(header.replace(/\bhttps?:\/\/\S+/gi, ' ').replace(/\{\{[^}]*\}\}/g, ' '));
  for (const [what, re] of DATA_LIKE) if (re.test(cell)) return what;
  // a phone number: a run of eight or more digits, spaces, dots, dashes and brackets allowed between
  for (const run of cell.match(/\+?\d[\d\s().-]{6,}\d/g) ?? []) if (run.replace(/\D/g, '').length >= 8) return 'a phone number';
  if (/^\s*\d{3,}([.,]\d+)?\s*$/.test(cell)) return 'a number';
  return null;
}

describe('real export header corpus: labels', () => {
  it('covers at least 30 files from at least 6 tools, with at least 6 in French and 6 in Spanish', () => {
    const files = corpus.files;
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(new Set(files.map((f) => f.tool)).size).toBeGreaterThanOrEqual(6);
    expect(files.filter((f) => f.language === 'fr').length).toBeGreaterThanOrEqual(6);
    expect(files.filter((f) => f.language === 'es').length).toBeGreaterThanOrEqual(6);
  });

  it('has one labels entry for every fixture file and a fixture file for every entry', () => {
    const onDisk = fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.csv')).map((f) => f.replace(/\.csv$/, '')).sort();
    expect(corpus.files.map((f) => f.slug).sort()).toEqual(onDisk);
  });

  it('uses only the importer field names (plus the ones it lacks yet) and lists them', () => {
    expect(new Set(corpus.fields)).toEqual(LABEL_FIELDS);
    for (const f of corpus.files) {
      for (const c of f.columns) {
        expect(c, `${f.slug} column ${c.index}`).toHaveProperty('field');
        if (c.field !== null) expect(LABEL_FIELDS.has(c.field), `${f.slug} column ${c.index}: ${c.field}`).toBe(true);
      }
      expect(f.columns.some((c) => c.field), `${f.slug} labels no column at all`).toBe(true);
    }
  });

  it('records tool, language and provenance of every file', () => {
    for (const f of corpus.files) {
      expect(TOOLS.has(f.tool), `${f.slug}: tool ${f.tool}`).toBe(true);
      expect(['en', 'fr', 'es', 'pt', 'it']).toContain(f.language);
      expect(f.source.repo, f.slug).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(f.source.commit, f.slug).toMatch(/^[0-9a-f]{40}$/);
      expect(f.source.path.length, f.slug).toBeGreaterThan(0);
      expect(f.source.url, f.slug).toBe(`https://github.com/${f.source.repo}/blob/${f.source.commit}/${f.source.path.split('/').map(encodeURIComponent).join('/')}`);
      expect(f.note.length, f.slug).toBeGreaterThan(0);
      expect([1, 2, 3]).toContain(f.headerRows);
    }
  });

  it('labels every column of every header row, in order, with the header cells as they are in the file', () => {
    for (const f of corpus.files) {
      const rows = records(f.file, f);
      expect(rows.length, `${f.slug}: header rows`).toBe(f.headerRows);
      const width = Math.max(...rows.map((r) => r.length));
      expect(f.columns.length, `${f.slug}: columns`).toBe(width);
      f.columns.forEach((c, i) => {
        expect(c.index).toBe(i);
        expect(c.header, `${f.slug} column ${i}`).toEqual(rows.map((r) => r[i] ?? ''));
      });
    }
  });

  it('holds header rows only: no cell looks like an address, a phone number, a date or a number', () => {
    for (const f of corpus.files) {
      for (const row of records(f.file, f)) {
        for (const cell of row) {
          const what = looksLikeData(cell);
          expect(what, `${f.slug}: ${JSON.stringify(cell.slice(0, 80))} looks like ${what}`).toBeNull();
        }
      }
    }
  });

  it("excuses a question's zero format mask and its bracketed example of a time or a date, nothing more", () => {
    expect(looksLikeData('Tempo no formato 00:00:00 (ex: 00:03:15)')).toBeNull();
    expect(looksLikeData('Data de nascimento 00/00/0000')).toBeNull();
    // invented values, shaped like a person's
    expect(looksLikeData('10:00:00')).toBe('a time of day');
    expect(looksLikeData('Ana Souza 14:00:00')).toBe('a time of day');
    expect(looksLikeData('E-mail (ex: ana.souza@gmail.com)')).toBe('an email address');
    expect(looksLikeData('(ex-colleague) joao.souza@uol.com.br')).toBe('an email address');
    expect(looksLikeData('Telefone (ex: 11 98765-4321)')).toBe('a phone number');
  });

  it('keeps the invented values files in step with their fixtures, with reserved email domains only', () => {
    const valuesDir = path.join(CORPUS_DIR, 'values');
    expect(fs.readFileSync(path.join(valuesDir, 'README.md'), 'utf8')).toMatch(/invented/i);
    const withValues = corpus.files.filter((f) => f.valuesFile);
    expect(withValues.length).toBeGreaterThanOrEqual(10);
    for (const file of fs.readdirSync(valuesDir).filter((n) => n.endsWith('.csv'))) {
      expect(corpus.files.some((f) => f.slug === file.replace(/\.csv$/, '')), file).toBe(true);
    }
    for (const f of withValues) {
      const header = fs.readFileSync(f.file, 'utf8');
      const values = fs.readFileSync(f.valuesFile!, 'utf8');
      expect(values.startsWith(header), `${f.slug}: values file must start with the fixture's header rows`).toBe(true);
      const rows = records(f.valuesFile!, f);
      expect(rows.length - f.headerRows, f.slug).toBeGreaterThanOrEqual(3);
      for (const row of rows.slice(f.headerRows)) {
        expect(row.length, f.slug).toBe(f.columns.length);
        for (const cell of row) {
          for (const email of cell.match(/[^\s@;,]+@[^\s@;,]+/g) ?? []) {
            expect(email, `${f.slug}: invented addresses use reserved domains`).toMatch(/@[\w.-]*example\.(org|com|net|edu)$/);
          }
        }
      }
    }
  });
});

describe('real export header corpus: the importer', () => {
  it(`is scored on every file (issue 11 bar enforced: ${ENFORCE_ISSUE_11_ACCURACY})`, async () => {
    const report = await evaluateCorpus({ prepareFiles });
    const t = report.totals;
    expect(report.files.length).toBe(corpus.files.length);
    for (const f of report.files) {
      expect(['auto', 'partial', 'refused']).toContain(f.via);
      expect(f.found.length + f.missed.length + f.wrongFirst.length, f.slug).toBe(f.labelledFields);
      for (const w of f.wrong) expect(Object.keys(CATEGORIES)).toContain(w.category);
    }
    expect(t.found + t.missed + report.files.reduce((n, f) => n + f.wrongFirst.length, 0)).toBe(t.labelledFields);
    // the figures, for the log (the per-file report: node scripts/eval-headers.mjs)
    console.log(formatReport(report, { quiet: true }).split('\n').slice(0, 3).join('\n'));
    if (ENFORCE_ISSUE_11_ACCURACY) {
      expect(t.wrong, 'fields filled from a wrong column (node scripts/eval-headers.mjs lists them)').toBeLessThanOrEqual(ISSUE_11_MAX_WRONG);
      expect(t.foundRatio, 'share of labelled fields found').toBeGreaterThanOrEqual(ISSUE_11_MIN_FOUND_RATIO);
    }
    // every corpus file goes through the importer (over a hundred): about 10 s alone, three times
    // that beside the other test files on a busy machine
  }, 120_000);
});
