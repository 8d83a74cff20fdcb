/**
 * Scores the importer's column recognition on the corpus of real export header rows in
 * test/fixtures/real-headers (labelled by hand in labels.json; see its README.md).
 *
 * The importer is passed in (its prepareFiles function), so the same code runs on the compiled
 * importer (scripts/eval-headers.mjs, dist/) and on the TypeScript sources (the vitest file,
 * src/). Each corpus file goes through the importer's own reading path: file sniffing, header-row
 * detection, SurveyMonkey's second header row, header matching. Nothing is written anywhere.
 *
 * A labelled field is FOUND when the importer's first column for it is one of the columns
 * labelled with it; MISSED when the importer maps no column to it. Every column the importer
 * reads a field from (first choice or fallback) that is not labelled with that field is a WRONG
 * mapping, put in one of the issue-11 categories below.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const CORPUS_DIR = fileURLToPath(new URL('../../test/fixtures/real-headers/', import.meta.url));

/** Fields the labels may use that the importer does not have yet. */
export const FIELDS_NOT_IN_IMPORTER = ['workingLanguage'];

/** Why a column was wrongly taken, in the words of issue 11 ("What to build"). */
export const CATEGORIES = {
  'word-fragment': 'whole words after folding, never fragments (pay is not pays, point is not points)',
  'third-party': 'negative evidence: a third party (emergency contact, interviewer, partner, referee)',
  'not-a-submission-date': 'negative evidence: a birth date or another date is not the submission date',
  'count': 'negative evidence: a count ("Number of…", "¿Cuántos…?") is not the field',
  'rating-or-grid': 'negative evidence: a rating or a rating grid is not a score or categories',
  'type-of-something-else': 'negative evidence: a document, customer or other type is not the organisation type',
  'yes-no-question': 'value evidence: a yes/no question ("Does the centre…?", "¿Tiene celular?") holds yes or no, not the field',
  'place-not-a-country': "value and context evidence: a birthplace, region, state or a previous or partner's country is not the applicant's country",
  'essay-or-free-text': 'a question that merely says "describe" (an essay, a multiple choice) is not the description or title',
  'name-parts': 'name parts: given and family name columns (and the full name) kept apart and used',
  'working-language': 'two languages kept apart: the preferred working language is not the language of the text',
  'other-field': 'the column holds another labelled field',
  'other': 'the header names the field but the column holds something else (value evidence needed)',
};

const NAME_FIELDS = new Set(['contactName', 'firstName', 'lastName']);

/** Lower case, accents and ligatures folded; plural -s kept (unlike the importer's matching). */
function fold(text) {
  return String(text).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/e[\s-]?mail/g, 'email');
}

function tokens(text, stopwords) {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2 && !stopwords.has(w));
}

let synonymCache;
/** data/headers.json synonyms as token lists, to tell a whole-word match from a fragment. */
function synonyms(repoRoot) {
  if (synonymCache) return synonymCache;
  const data = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data', 'headers.json'), 'utf8'));
  const stopwords = new Set((data.stopwords ?? []).map((w) => fold(w)));
  const byField = new Map();
  for (const [field, list] of Object.entries(data.fields ?? {})) {
    byField.set(field, list.map((s) => tokens(s, stopwords)).filter((t) => t.length));
  }
  synonymCache = { stopwords, byField };
  return synonymCache;
}

/** Whether some synonym of the field appears in the header as whole, unfolded words. */
function namesFieldInWholeWords(field, header, repoRoot) {
  const { stopwords, byField } = synonyms(repoRoot);
  const words = new Set(tokens(header, stopwords));
  // a plural of the synonym's word is the same word ("languages"); the synonym's plural cut
  // short is not ("pay" for "pays", "point" for "points")
  const has = (w) => words.has(w) || words.has(w + 's');
  return (byField.get(field) ?? []).some((syn) => syn.every(has));
}

const THIRD_PARTY = /emergenc|referee|partner|partenaire|\bsocio|encuestador|enumerat|interviewer|supervis|tuteur|tutor\b|mentor|endorse|parent|padre|madre|\bpere\b|\bmere\b|conyuge|spouse/;
/** Fields that name or reach a person or organisation: a third party's is never the applicant's. */
const PARTY_FIELDS = new Set(['contactName', 'firstName', 'lastName', 'email', 'phone', 'organization', 'website']);
const COUNT = /^\s*(\d+[.)]\s*)?(number|nombre|numero|nro|no\.|how many|cuant|combien|quantos|nb\b)|\b(how many|number of|nombre de|numero de|cuantos|cuantas|combien)\b/;
const YES_NO = /^(is|are|was|were|does|do|did|has|have|had|would|will|can|could|should|est-ce|etes-vous|avez-vous|seriez-vous|tiene|tienes|cuenta|cuentas|hay|existe)\b|\ba[ -]t[ -](il|elle)\b/;
const WORK_LANGUAGE = /travail|trabajo|\bwork|prefer|prefier|langue de travail/;
const RATING = /\[[^\]]*\]|\bscale\b|echelle|escala|\brate\b|rating|calific|evalu|satisf|a quel point|dans quelle mesure|how much|how well|to what extent|diriez-vous|agree/;

/** The issue-11 category of one wrong mapping. */
export function categorize({ field, header, labelledAs }, repoRoot) {
  if (field === 'language' && labelledAs === 'workingLanguage') return 'working-language';
  if (NAME_FIELDS.has(field) && NAME_FIELDS.has(labelledAs)) return 'name-parts';
  if (labelledAs) return 'other-field';
  const h = fold(header);
  if (field === 'language' && WORK_LANGUAGE.test(h)) return 'working-language';
  const question = h.replace(/^[^\p{L}]+/u, '').replace(/^\d+[.)]?\s*/, '');
  if (PARTY_FIELDS.has(field) && THIRD_PARTY.test(h)) return 'third-party';
  if (field === 'submittedAt') return 'not-a-submission-date';
  if (COUNT.test(h)) return 'count';
  if (RATING.test(h)) return 'rating-or-grid';
  // "pay" read as "pays", "d'un point de vue" as "points": no synonym of the field is in the
  // header as whole words; the importer matched a folded form or a part of a word
  if (!namesFieldInWholeWords(field, header, repoRoot)) return 'word-fragment';
  if (YES_NO.test(question)) return 'yes-no-question';
  if (field === 'organizationType') return 'type-of-something-else';
  if (field === 'country') return 'place-not-a-country';
  if (field === 'description' || field === 'title') return 'essay-or-free-text';
  return 'other';
}

/** labels.json with each file's paths. */
export function loadCorpus(dir = CORPUS_DIR) {
  const labels = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8'));
  const files = Object.entries(labels.files).map(([slug, label]) => {
    const values = path.join(dir, 'values', `${slug}.csv`);
    return { slug, file: path.join(dir, `${slug}.csv`), valuesFile: fs.existsSync(values) ? values : null, ...label };
  });
  return { fields: labels.fields, files };
}

/** Parses a corpus CSV (header rows, and invented value rows for values/ files) into records. */
export function readRecords(file, delimiter) {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return parse(text, { delimiter: delimiter ?? ',', relax_column_count: true, relax_quotes: true });
}


/**
 * The hooks an import gets: without a terminal none (a missing required field is refused); with
 * one, the mapping question is answered with the importer's own mapping unchanged, so the
 * mapping of every other field comes back.
 */
function evaluationHooks(tty, asked) {
  if (!tty) return {};
  return {
    askMapping: async (question) => {
      asked.push(`mapping of ${question.file}`);
      return question.mapping;
    },
  };
}

/**
 * Runs the importer's column recognition on one file. `via` says how: "auto" (the mapping an
 * import without a terminal uses), "partial" (the importer refuses the file for a missing
 * required field; the mapping is the one its terminal wizard starts from) or "refused" (the
 * file is not read at all; `error` says why).
 */
export async function detectColumns(prepareFiles, file) {
  const asked = [];
  const run = async (tty) => {
    const prepared = await prepareFiles([file], {}, evaluationHooks(tty, asked));
    const { headers, mapping, skip } = prepared.files[0].layout;
    const clean = {};
    for (const [field, cols] of Object.entries(mapping)) {
      const real = (cols ?? []).filter((c) => c < headers.length);
      if (real.length) clean[field] = real;
    }
    return { headers, mapping: clean, dataStartsAt: skip };
  };
  try {
    return { via: 'auto', ...(await run(false)) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/no column found for/i.test(message)) {
      try {
        return { via: 'partial', refusal: message, ...(await run(true)), asked };
      } catch (e2) {
        return { via: 'refused', error: e2 instanceof Error ? e2.message : String(e2), headers: [], mapping: {}, asked };
      }
    }
    return { via: 'refused', error: message, headers: [], mapping: {} };
  }
}

/** Compares one detection with the labels of its file. */
export function scoreFile(label, detection, repoRoot) {
  const labelOf = (col) => label.columns[col]?.field ?? null;
  const headerOf = (col) => (label.columns[col]?.header ?? []).map((h) => h.replace(/[\s\u0000]+/g, ' ').trim()).filter(Boolean).join(' / ') || `column ${col + 1}`;
  const labelled = new Map();
  for (const c of label.columns) {
    if (!c.field) continue;
    if (!labelled.has(c.field)) labelled.set(c.field, []);
    labelled.get(c.field).push(c.index);
  }
  const found = [];
  const missed = [];
  const wrongFirst = [];
  for (const [field, cols] of labelled) {
    const got = detection.mapping[field] ?? [];
    const expected = cols.map((c) => ({ column: c, header: headerOf(c) }));
    if (!got.length) missed.push({ field, expected, importerHasField: !FIELDS_NOT_IN_IMPORTER.includes(field) });
    else if (cols.includes(got[0])) found.push({ field, column: got[0], header: headerOf(got[0]) });
    else wrongFirst.push(field);
  }
  const wrong = [];
  for (const [field, cols] of Object.entries(detection.mapping)) {
    cols.forEach((col, rank) => {
      const labelledAs = labelOf(col);
      if (labelledAs === field) return;
      const header = headerOf(col);
      wrong.push({ field, column: col, header, labelledAs, fallback: rank > 0, category: categorize({ field, header, labelledAs }, repoRoot) });
    });
  }
  const headerRowsOk = detection.via === 'refused' ? null : detection.dataStartsAt === label.headerRows;
  return {
    slug: label.slug, tool: label.tool, language: label.language, via: detection.via, error: detection.error ?? null,
    refusal: detection.refusal ?? null, headerRows: label.headerRows, dataStartsAt: detection.dataStartsAt ?? null, headerRowsOk,
    labelledFields: labelled.size, found, missed, wrongFirst, wrong,
  };
}

function repoRootOf(dir) {
  return path.resolve(dir, '..', '..', '..');
}

/**
 * Evaluates the whole corpus (or the slugs in `only`). With `values`, files that have invented
 * cell values (values/<slug>.csv) are read from there, so value evidence can count.
 */
export async function evaluateCorpus({ prepareFiles, dir = CORPUS_DIR, values = false, only } = {}) {
  if (typeof prepareFiles !== 'function') throw new Error('evaluateCorpus needs the importer\'s prepareFiles function');
  const corpus = loadCorpus(dir);
  const repoRoot = repoRootOf(dir);
  const files = [];
  for (const label of corpus.files) {
    if (only?.length && !only.includes(label.slug)) continue;
    const useValues = values && label.valuesFile;
    const detection = await detectColumns(prepareFiles, useValues ? label.valuesFile : label.file);
    files.push({ ...scoreFile(label, detection, repoRoot), withInventedValues: Boolean(useValues) });
  }
  const totals = {
    files: files.length,
    labelledFields: files.reduce((n, f) => n + f.labelledFields, 0),
    found: files.reduce((n, f) => n + f.found.length, 0),
    missed: files.reduce((n, f) => n + f.missed.length, 0),
    wrong: files.reduce((n, f) => n + f.wrong.length, 0),
    wrongFirstChoice: files.reduce((n, f) => n + f.wrong.filter((w) => !w.fallback).length, 0),
    refused: files.filter((f) => f.via === 'refused').length,
    partial: files.filter((f) => f.via === 'partial').length,
    headerRowsWrong: files.filter((f) => f.headerRowsOk === false).length,
    byCategory: {},
  };
  for (const f of files) for (const w of f.wrong) totals.byCategory[w.category] = (totals.byCategory[w.category] ?? 0) + 1;
  totals.foundRatio = totals.labelledFields ? totals.found / totals.labelledFields : 1;
  return { files, totals };
}

const pct = (r) => `${(100 * r).toFixed(1)} %`;
const quote = (s) => `"${s.length > 90 ? s.slice(0, 87) + '...' : s}"`;

/** The report as text: per file, then the totals and the wrong mappings grouped by category. */
export function formatReport(report, { quiet = false } = {}) {
  const lines = [];
  if (!quiet) {
    for (const f of report.files) {
      const how = f.via === 'auto' ? 'imports' : f.via === 'partial' ? 'refused without a terminal (missing required field); mapping before the wizard' : `REFUSED: ${f.error}`;
      lines.push(`${f.slug}  [${f.tool}, ${f.language}${f.withInventedValues ? ', invented values' : ''}]  ${how}`);
      lines.push(`  found ${f.found.length}/${f.labelledFields}, missed ${f.missed.length}, wrong ${f.wrong.length}` +
        (f.headerRowsOk === false ? `; header rows: labelled ${f.headerRows}, importer reads data from row ${f.dataStartsAt + 1}` : ''));
      for (const x of f.found) lines.push(`    ok      ${x.field} <- ${quote(x.header)}`);
      for (const x of f.missed) lines.push(`    missed  ${x.field} (${x.expected.map((e) => quote(e.header)).join(' or ')})${x.importerHasField ? '' : ' [importer has no such field]'}`);
      for (const x of f.wrong) {
        lines.push(`    WRONG   ${x.field} <- ${quote(x.header)}${x.fallback ? ' (fallback)' : ''}: labelled ${x.labelledAs ?? 'null'}; ${x.category}`);
      }
    }
    lines.push('');
  }
  const t = report.totals;
  lines.push(`files = ${t.files} (${t.files - t.refused - t.partial} import, ${t.partial} refused for a missing required field, ${t.refused} not read at all); header rows misread in ${t.headerRowsWrong}`);
  lines.push(`found = ${t.found}/${t.labelledFields} (${pct(t.foundRatio)}), missed = ${t.missed}`);
  lines.push(`wrong = ${t.wrong} (${t.wrongFirstChoice} as first choice, ${t.wrong - t.wrongFirstChoice} as fallback)`);
  const cats = Object.entries(t.byCategory).sort((a, b) => b[1] - a[1]);
  if (cats.length) {
    lines.push('wrong mappings by issue-11 category:');
    for (const [cat, n] of cats) {
      lines.push(`  ${String(n).padStart(3)}  ${cat}: ${CATEGORIES[cat] ?? ''}`);
      if (!quiet) {
        for (const f of report.files) {
          for (const w of f.wrong.filter((x) => x.category === cat)) lines.push(`         ${f.slug}: ${w.field} <- ${quote(w.header)}${w.fallback ? ' (fallback)' : ''}`);
        }
      }
    }
  }
  return lines.join('\n');
}
