import type { Command } from 'commander';
import path from 'node:path';
import { addFilterOptions, checkFilterNames, parseFilters, parseNumber, type FilterFlags } from './filters.js';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, type IO } from './io.js';
import { isUtf8 } from 'node:buffer';
import { OperationError, UsageError } from '../errors.js';
import { detectEncoding, detectFormat, looksBinary } from '../import/detect.js';
import { notAWorkbook, zipEntryNames } from '../import/zip.js';
import { parseApplicationId } from '../ids.js';
import { languageName } from '../geo/languages.js';
import type { ApplicationFilters } from '../model.js';
import { renderTable } from '../ui/table.js';
import { startProgress } from '../ui/progress.js';
import { categoryCodes, categoryName } from '../tagging/taxonomy.js';
import type { AutoTagSummary } from '../tagging/auto.js';
import type { Evaluation } from '../tagging/evaluate.js';
import type { Evidence } from '../tagging/tagger.js';
import type { TagEditResult, TagExplanation } from '../tagging/officer.js';
import { wrap } from '../ui/wrap.js';

export type { TagEditResult } from '../tagging/officer.js';

// ---------------------------------------------------------------- tag auto

export interface TagAutoOptions {
  dbPath: string;
  all?: boolean;
  threshold?: number;
  dryRun?: boolean;
  filters?: ApplicationFilters;
  json?: boolean;
}

/**
 * Tags applications automatically and prints what happened. Returns the summary (the demo
 * prints its perCategory counts). Officers' decisions are never changed.
 */
export async function runTagAuto(opts: TagAutoOptions, io: IO): Promise<AutoTagSummary> {
  const { autoTag } = await import('../tagging/auto.js');
  const summary = await withDatabase(opts.dbPath, { io, write: !opts.dryRun }, async (db) => {
    const { countApplications } = await import('../db/applications.js');
    const { WAITING_FOR_WRITER } = await import('../db/connection.js');
    // (a --call or --roster that names nothing is a slip, said as list says it, not "0 considered")
    checkFilterNames(db, opts.filters ?? {});
    const total = countApplications(db, opts.filters ?? {});
    const progress = total >= 5000 ? startProgress(io, 'tagging', total, 'applications') : undefined;
    try {
      // Ctrl-C stops between two saved batches and says how many applications were kept.
      const { interruptSignal, setInterruptOutcome } = await import('./signals.js');
      const outcome = (kept: number) => () =>
        kept ? `${kept.toLocaleString('en')} application${kept === 1 ? ' was' : 's were'} tagged and kept; the rest were not (skillsnet tag auto tags them next time)` : 'no application was tagged; nothing was changed';
      const restore = setInterruptOutcome(outcome(0));
      let waited = false;
      try {
        const done = await autoTag(db, {
          all: opts.all, threshold: opts.threshold, dryRun: opts.dryRun, filters: opts.filters, signal: interruptSignal(),
          onProgress: (n) => progress?.update(n),
          onKept: (kept) => setInterruptOutcome(outcome(kept)),
          onWait: () => {
            if (waited) return;
            waited = true;
            info(io, WAITING_FOR_WRITER);
          },
        });
        // (what an interruption or a report that cannot be written leaves from now on)
        // (a run that changed no tag says so: "the tags were saved" claimed a save that was none)
        if (opts.dryRun) restore();
        else setInterruptOutcome(() => done.tagsAdded + done.tagsRemoved > 0 ? 'the tags were saved; only the report was not shown' : 'no tag needed changing; nothing was changed');
        return done;
      } catch (e) {
        restore();
        throw e;
      }
    } finally {
      progress?.stop();
    }
  });
  if (opts.json) {
    printJson(io, summary);
    return summary;
  }
  if (opts.dryRun && summary.changes) {
    const rows = summary.changes.map((c) => [c.id, c.added.join(', '), c.removed.join(', ')]);
    if (rows.length) io.stdout.write(renderTable(io, ['ID', 'Would add', 'Would remove'], rows));
  } else {
    const rows = categoryCodes().map((c) => [c, categoryName(c), summary.perCategory[c] ?? 0]);
    io.stdout.write(renderTable(io, ['Code', 'Category', 'Applications'], rows));
  }
  const plural = (n: number, w: string) => `${n.toLocaleString('en')} ${w}${n === 1 ? '' : 's'}`;
  const verb = opts.dryRun ? 'would be' : 'were';
  info(io,
    `${opts.dryRun ? 'Dry run, nothing written. ' : ''}${plural(summary.considered, 'application')} considered` +
      `${opts.all ? '' : ' (untagged ones; --all to re-tag every application)'}: ${summary.tagged.toLocaleString('en')} tagged, ` +
      `${plural(summary.tagsAdded, 'tag')} ${verb} added, ${summary.tagsRemoved.toLocaleString('en')} removed` +
      `${summary.officerKept ? `, ${plural(summary.officerKept, 'officer decision')} kept as they are` : ''} (${summary.ms} ms).`,
  );
  info(io,
    summary.learnedFrom
      ? `Term lists combined with a model learned from ${plural(summary.learnedFrom, 'officer-reviewed application')}` +
        `${summary.examples ? ` and, less and less as officers review, one learned from the ${summary.examples.toLocaleString('en')} labelled examples shipped with skillsnet` : ''}.`
      : summary.examples
        ? `Term lists combined with a model learned from the ${summary.examples.toLocaleString('en')} labelled examples shipped with skillsnet; officers' own model starts once they have reviewed 20 applications (skillsnet tag review).`
        : 'Term lists only: the learned model starts once officers have reviewed 20 applications (skillsnet tag review).',
  );
  if (!opts.dryRun && summary.considered > summary.tagged) {
    info(io, `${plural(summary.considered - summary.tagged, 'application')} got no category: review them with skillsnet tag review.`);
  }
  return summary;
}

// ---------------------------------------------------------------- tag add / remove

export interface TagEditOptions {
  dbPath: string;
  id: number;
  codes: string[];
  json?: boolean;
}

async function editTags(opts: TagEditOptions, io: IO, action: 'add' | 'remove'): Promise<TagEditResult> {
  const { decideTags, tagCodes } = await import('../tagging/officer.js');
  tagCodes(opts.id, opts.codes, action); // wrong codes are wrong usage, said before the database is opened
  const result = await withDatabase(opts.dbPath, { io, write: true }, (db) => decideTags(db, opts.id, opts.codes, action));
  if (opts.json) printJson(io, result);
  else {
    const changed = action === 'add' ? result.added : result.removed;
    const parts: string[] = [];
    if (changed.length) parts.push(`${action === 'add' ? 'added' : 'removed'} ${changed.join(', ')}`);
    if (result.unchanged.length) {
      const was = result.unchanged.length === 1 ? 'was' : 'were';
      parts.push(`${result.unchanged.join(', ')} ${was} ${action === 'add' ? 'already there (now confirmed by an officer)' : 'not there (now kept off)'}`);
    }
    info(io, `Application ${opts.id}: ${parts.join('; ')} (an officer decision: tag auto will not change it).`);
    io.stdout.write(`${result.categories.join('\n')}${result.categories.length ? '\n' : ''}`);
    if (!result.categories.length) info(io, 'It has no category now.');
  }
  return result;
}

export function runTagAdd(opts: TagEditOptions, io: IO): Promise<TagEditResult> {
  return editTags(opts, io, 'add');
}

export function runTagRemove(opts: TagEditOptions, io: IO): Promise<TagEditResult> {
  return editTags(opts, io, 'remove');
}

// ---------------------------------------------------------------- tag explain

export interface TagExplainOptions {
  dbPath: string;
  id: number;
  json?: boolean;
  threshold?: number;
}

export type TagExplainResult = TagExplanation;

export async function runTagExplain(opts: TagExplainOptions, io: IO): Promise<TagExplainResult> {
  const { explainTags } = await import('../tagging/officer.js');
  const result = await withDatabase(opts.dbPath, { create: false, io }, (db) => explainTags(db, opts.id, { threshold: opts.threshold }));
  if (opts.json) {
    printJson(io, result);
    return result;
  }
  const { describeEvidence } = await import('../tagging/tagger.js');
  const c = io.color;
  const out = (s: string) => io.stdout.write(s + '\n');
  // On a terminal, lines wrap at words (a narrow one cut "model" into "mode" and "l"); a pipe gets them whole.
  const fit = (text: string, indent = '', rest = indent) => (io.stdoutIsTTY ? wrap(text, io.columns, indent, rest) : indent + text);
  // (text after `lead` characters on its line, and under them on the next)
  const after = (lead: number, text: string) => fit(text, ' '.repeat(lead)).slice(lead);
  out(c.bold(fit(`#${result.id} ${result.title ?? '(no title)'}`)));
  const readAs = result.language === 'en' ? 'English' : result.language === 'fr' ? 'French' : 'Spanish';
  // A Portuguese application is read with the Spanish term lists; "Read as Spanish" alone looked like a wrong language.
  const recorded = result.recordedLanguage ? ` (recorded as ${languageName(result.recordedLanguage)}; term lists exist in English, French and Spanish only)` : '';
  out(c.dim(fit(`Read as ${readAs}${recorded}; threshold ${result.threshold}; ` +
    [result.learnedFrom ? `learned model trained on ${result.learnedFrom} officer-reviewed applications` : 'no officers\' model yet',
      result.examples ? `model of the ${result.examples} examples shipped with skillsnet` : ''].filter(Boolean).join('; '))));
  out('');
  out(c.bold('Categories now'));
  const stored = result.stored;
  if (stored.length === 0) out('  none');
  // (the codes padded to one width, so that how each came is in one column)
  const codeWidth = Math.max(0, ...stored.map((t) => t.category.length));
  for (const t of stored) {
    const who = t.source === 'officer' ? (t.state === 'removed' ? 'removed by an officer' : 'added or confirmed by an officer') : `${t.source}, ${Math.round((t.confidence ?? 0) * 100)}%`;
    out(`  ${t.state === 'removed' ? c.strikethrough(t.category) : t.category}${' '.repeat(codeWidth - t.category.length)}  ${c.dim(after(codeWidth + 4, who))}`);
  }
  out('');
  out(c.bold('Evidence'));
  if (result.analysis.length === 0) out('  no term of any category was found in the title, description or beneficiaries');
  for (const s of result.analysis) {
    const mark = s.selected ? c.green('✔') : ' ';
    const percent = `${Math.round(s.confidence * 100)}%`;
    out(`${mark} ${s.category}  ${percent}  ${c.dim(after(s.category.length + percent.length + 6, categoryName(s.category)))}`);
    for (const e of s.evidence as Evidence[]) out(fit(describeEvidence(e), '      ', '        '));
  }
  const officer = stored.filter((t) => t.source === 'officer');
  if (officer.length) info(io, `Officer decisions (${officer.map((t) => t.category).join(', ')}) are kept whatever the evidence says.`);
  return result;
}

// ---------------------------------------------------------------- tag evaluate

export interface TagEvaluateOptions {
  gold: string;
  json?: boolean;
  threshold?: number;
  /** Train the learned model on this labelled CSV first (same columns), to measure learning. */
  train?: string;
  /** Also list the texts tagged wrongly (for a development set, not a held-out one). */
  errors?: boolean;
  /** Leave out the model of the shipped examples (term lists, and --train's model if given). */
  noExamples?: boolean;
}

/**
 * A labelled set is CSV text: a workbook, a PDF, an image or any binary file is said to be one,
 * rather than read as text whose first bytes were then listed as its columns.
 */
function refuseNonCsv(file: string, bytes: Buffer, columns: string): void {
  const head = bytes.subarray(0, 64 * 1024);
  // (an old .xls, an .ods, a PDF or an image is refused here, with what it is)
  if (detectFormat(file, head, true) === 'xlsx') {
    const other = notAWorkbook(zipEntryNames(bytes));
    if (other) throw new OperationError(`${file} is ${other.what}`, { hint: other.hint });
    throw new OperationError(`${file} is an Excel workbook; tag evaluate reads a CSV file`, { hint: `save the sheet from Excel as "CSV UTF-8" (columns ${columns}) and give that file` });
  }
  if (looksBinary(head, detectEncoding({ head, validUtf8: isUtf8(head) }).encoding)) {
    throw new OperationError(`${file} holds binary data, not the CSV text of a labelled set`, { hint: `check that you gave the right file: a CSV with the columns ${columns}` });
  }
}

export async function runTagEvaluate(opts: TagEvaluateOptions, io: IO): Promise<Evaluation> {
  const { readLabelledCsv, evaluate, LABELLED_COLUMNS } = await import('../tagging/evaluate.js');
  const { Tagger, applicationTokens, modelTokens } = await import('../tagging/tagger.js');
  const { trainModel } = await import('../tagging/model.js');
  const { examplesModel, shippedExamples, textKey } = await import('../tagging/examples.js');
  const texts = await readLabelledCsv(opts.gold, { check: (bytes) => refuseNonCsv(opts.gold, bytes, LABELLED_COLUMNS) });
  // A text being evaluated is never also learned from: shipped examples that are the same text are left out.
  const evaluated = new Set(texts.map(textKey));
  const examples = opts.noExamples ? undefined : examplesModel(evaluated);
  const leftOut = opts.noExamples ? 0 : shippedExamples().filter((e) => evaluated.has(textKey(e))).length;
  let model;
  if (opts.train) {
    const training = await readLabelledCsv(opts.train, { check: (bytes) => refuseNonCsv(opts.train!, bytes, LABELLED_COLUMNS) });
    model = trainModel(training.map((t) => ({ tokens: modelTokens(applicationTokens(t)), categories: t.categories })), categoryCodes());
    if (!model) info(io, `${opts.train} has fewer than 20 texts: the learned model is not used.`);
  }
  const result = evaluate(texts, new Tagger({ threshold: opts.threshold, model, examples }), { errors: opts.errors });
  result.examples = examples?.documents ?? 0;
  result.examplesLeftOut = leftOut;
  if (opts.json) {
    printJson(io, result);
    return result;
  }
  const pct = (x: number) => x.toFixed(3);
  const rows: (string | number)[][] = Object.entries(result.perCategory).map(([code, e]) => [code, pct(e.precision), pct(e.recall), pct(e.f1), e.support, e.predicted]);
  rows.push(['micro average', pct(result.micro.precision), pct(result.micro.recall), pct(result.micro.f1), '', '']);
  rows.push(['macro average', pct(result.macro.precision), pct(result.macro.recall), pct(result.macro.f1), '', '']);
  io.stdout.write(renderTable(io, ['Category', 'Precision', 'Recall', 'F1', 'Support', 'Predicted'], rows));
  if (result.errors) {
    for (const e of result.errors) io.stdout.write(`row ${e.row}\t${e.title}\tgold: ${e.gold.join('|')}\tpredicted: ${e.predicted.join('|')}\n`);
  }
  info(io, `${result.documents} texts tagged in memory (nothing written); exact set match ${pct(result.exactMatch)}; threshold ${result.threshold}` +
    `${result.learnedFrom ? `; learned model trained on ${result.learnedFrom} texts of ${opts.train}` : ''}` +
    `${result.examples ? `; model of ${result.examples} shipped examples${leftOut ? ` (${leftOut} left out: they are texts of this file)` : ''}` : '; term lists only, no model of the shipped examples'}.`);
  return result;
}

// ---------------------------------------------------------------- wiring

function parseId(text: string): number {
  return parseApplicationId(text, { what: 'tag' });
}

export function parseThreshold(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = parseNumber(text, '--threshold');
  if (t <= 0 || t >= 1) throw new UsageError(`--threshold must be between 0 and 1 (exclusive), got ${text}`, { hint: 'the default is 0.5; lower tags more, higher tags less' });
  return t;
}

export function registerTag(program: Command, ctx: CliContext): void {
  const tag = program
    .command('tag')
    .description('tag applications with skills categories: automatically, by hand, or reviewing one by one')
    .addHelpText(
      'after',
      `
Examples:
  skillsnet tag auto                      tag every application that has no category yet
  skillsnet tag auto --all --dry-run      what re-tagging everything would change
  skillsnet tag review --region Africa    decide on suggestions one by one (terminal)
  skillsnet tag add 17 life-skills        an officer's decision: auto never undoes it
  skillsnet tag explain 17                why an application got its categories
  skillsnet tag evaluate gold.csv         precision, recall and F1 on a labelled set`,
    );

  const auto = tag
    .command('auto')
    .description('suggest categories from title, description, beneficiaries and the applicant\'s own choice, and store them');
  addFilterOptions(auto)
    .option('--all', 're-tag every matching application (automatic tags are recomputed; officer decisions stay)')
    .option('--threshold <x>', 'confidence from which a category is tagged, between 0 and 1 (default 0.5)')
    .option('--dry-run', 'show what would change; write nothing')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Each tag stores its source (auto, or applicant when the applicant chose that category too), a
confidence and the evidence (words and phrases found, the applicant's choice, what the model
learned from officers). Categories an officer added or removed are never changed.

Examples:
  skillsnet tag auto
  skillsnet tag auto --call 2024 --language fr
  skillsnet tag auto --all --threshold 0.6 --dry-run
  skillsnet tag auto --json`,
    )
    .action(async (flags: FilterFlags & { all?: boolean; threshold?: string; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runTagAuto(
        { dbPath, all: flags.all, threshold: parseThreshold(flags.threshold), dryRun: flags.dryRun, filters: parseFilters(flags), json: flags.json },
        io,
      );
    });

  for (const action of ['add', 'remove'] as const) {
    tag
      .command(action)
      .description(action === 'add' ? 'add categories to an application (an officer decision)' : 'take categories off an application; tag auto will not put them back')
      .argument('<id>', 'application ID (the ID column of skillsnet list)')
      .argument('<codes...>', 'category codes (skillsnet categories lists them)')
      .option('--json', 'print {"id", "added", "removed", "categories"}')
      .addHelpText('after', `\nExamples:\n  skillsnet tag ${action} 17 training-delivery\n  skillsnet tag ${action} 17 life-skills social-inclusion`)
      .action(async (idText: string, codes: string[], flags: { json?: boolean }, command: Command) => {
        const { io, dbPath } = invocation(ctx, command);
        const opts = { dbPath, id: parseId(idText), codes, json: flags.json };
        await (action === 'add' ? runTagAdd(opts, io) : runTagRemove(opts, io));
      });
  }

  const review = tag
    .command('review')
    .description('on a terminal: walk the applications that need a decision and accept, change or skip the suggestions');
  addFilterOptions(review)
    .option('--threshold <x>', 'confidence from which a category is suggested (default 0.5)')
    .option('--limit <n>', 'stop after n applications')
    .addHelpText(
      'after',
      `
Untagged applications come first, then those whose suggestions are least certain. Each decision
is saved at once, so you can stop at any time and carry on later.

Examples:
  skillsnet tag review
  skillsnet tag review --language fr --limit 20`,
    )
    .action(async (flags: FilterFlags & { threshold?: string; limit?: string }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      let limit: number | undefined;
      if (flags.limit !== undefined) {
        limit = Number(flags.limit);
        if (!Number.isInteger(limit) || limit <= 0) throw new UsageError(`--limit needs a whole number above 0, got "${flags.limit}"`, { hint: 'e.g. --limit 20' });
      }
      const { runTagReview } = await import('./tag-review.js');
      await runTagReview({ dbPath, filters: parseFilters(flags), threshold: parseThreshold(flags.threshold), limit }, io);
    });

  tag
    .command('explain')
    .description('show why an application has its categories: words found, applicant\'s choice, learned model')
    .argument('<id>', 'application ID')
    .option('--threshold <x>', 'confidence from which a category is tagged (default 0.5)')
    .option('--json', 'print {"id", "language", "stored": [...], "analysis": [...]}')
    .addHelpText('after', '\nExamples:\n  skillsnet tag explain 17\n  skillsnet tag explain 17 --threshold 0.6 --json')
    .action(async (idText: string, flags: { json?: boolean; threshold?: string }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runTagExplain({ dbPath, id: parseId(idText), json: flags.json, threshold: parseThreshold(flags.threshold) }, io);
    });

  tag
    .command('evaluate')
    .description('measure the tagger on a labelled CSV (title,description,language,categories); writes nothing')
    .argument('<gold>', 'CSV file; categories are codes separated by |')
    .option('--threshold <x>', 'confidence from which a category is tagged (default 0.5)')
    .option('--train <csv>', 'first train the learned model on this labelled CSV (same columns)')
    .option('--errors', 'also list the texts tagged wrongly (use on a development set)')
    .option('--no-examples', 'leave out the model learned from the labelled examples shipped with skillsnet')
    .option('--json', 'print {"documents", "micro", "macro", "perCategory"}')
    .addHelpText(
      'after',
      `
Examples:
  skillsnet tag evaluate test/tagging/gold.csv
  skillsnet tag evaluate gold.csv --json
  skillsnet tag evaluate gold.csv --train reviewed.csv
  skillsnet tag evaluate gold.csv --no-examples     (term lists only)

Shipped examples (data/tagging-examples/) that are texts of the evaluated file are left out of
the model first, so a file is never measured on what it taught.`,
    )
    .action(async (gold: string, flags: { json?: boolean; threshold?: string; train?: string; errors?: boolean; examples?: boolean }, command: Command) => {
      const { io } = invocation(ctx, command);
      const resolve = (p: string) => path.resolve(io.cwd, p);
      await runTagEvaluate({ gold: resolve(gold), json: flags.json, threshold: parseThreshold(flags.threshold), train: flags.train && resolve(flags.train), errors: flags.errors, noExamples: flags.examples === false }, io);
    });
}
