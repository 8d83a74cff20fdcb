#!/usr/bin/env node
/**
 * How well does `tag auto` tag texts it was not tuned on? Every labelled set at once:
 *
 *   npm run build && node scripts/eval-tagging.mjs          # one line per set: micro P / R / F1, macro F1
 *   node scripts/eval-tagging.mjs --terms-only               # without the model of the shipped examples
 *   node scripts/eval-tagging.mjs --set fresh-tune --set gold
 *   node scripts/eval-tagging.mjs --json                     # one JSON document, per-category figures included
 *   node scripts/eval-tagging.mjs --unaccented               # every text typed without accents ("formacion")
 *
 * Sets: the held-out set (test/tagging/gold.csv), the fresh set written in the texts7 round in
 * its two halves (test/tagging/fresh-tune.csv, tuned on; fresh-holdout.csv, never looked at
 * text by text), the long set of the tagging2 round written as real call submissions are (long-tune.csv,
 * tuned on; long-holdout.csv, never looked at text by text), the styles set of the texts3 round (one-liners,
 * titles alone, bullets, acronyms, phone typing, mixed languages, denials: styles-tune.csv, tuned on;
 * styles-holdout.csv, never looked at text by text), the wider set of the tagging4 round (subjects and
 * writers the others lack: companies and chambers, platforms, informal economy, prisons, extension, SDG
 * lists, regional French and Spanish: wider-tune.csv, tuned on; wider-holdout.csv, never looked at text
 * by text), the reviewer's blind set of the same round (blind-rv.csv: near-misses for that round's rules,
 * written and labelled before any run; evaluation only, never tuned on), the rough set of the tagging5 round
 * (non-native grammar, English jargon inside French and Spanish, Markdown/HTML/bullet remnants, budgets and
 * timelines around a little skills content, lists of what a text is not about; mining, fisheries, care,
 * construction, creative industries, refugees, disability, green jobs, AI: rough-tune.csv, tuned on;
 * rough-holdout.csv, never looked at text by text), the reviewer's blind set of that round (blind-rv5.csv: the
 * edges of its denial-list and markup rules, written and labelled before any run; evaluation only), the forms set
 * of the tagging6 round (answers to a form's separate questions joined by the importer, logframes of figures and
 * indicators, ministries, chambers, sector councils and public employment services, apps and platforms whose skills
 * content is indirect, youth-led groups in an informal voice, titles that name another category than the text:
 * forms-tune.csv, tuned on; forms-holdout.csv, never looked at text by text), the reviewer's blind set of that round
 * (blind-rv6.csv: the edges of its disowned-title, proposal-denial, indicator, employers' and SME rules, written and
 * labelled before any run; evaluation only), the mixed set of the tagging7 round (French and Spanish with English
 * programme names and jargon, one-liners, bullets and numbered form answers, non-native phrasing, a category present
 * in a few words or tempting but absent as context, a past project or someone else's work: mixed-tune.csv, tuned on;
 * mixed-holdout.csv, never looked at text by text), the reviewer's blind set of that round (blind-rv7.csv: the edges of
 * its ended-activity, 'already exists', audience and study rules, written and labelled before any run; evaluation only),
 * the blind set of the tagging8 round (blind8.csv: 60 proposals as applicants write them, 20 per language, every
 * category the main subject of at least three, written and labelled before the tagger or its term lists were read;
 * evaluation only), the reviewer's blind set of that round (blind-rv8.csv: the edges of its health, commerce, registro,
 * diplomado, formative-assessment, job-ad and mock-interview rules, written and labelled before any run; evaluation only),
 * the blind sets of the tagging9 and tagging10 rounds (blind9.csv, blind10.csv: joined form answers, and writers the other
 * sets lack, written and labelled before any run; evaluation only, their figures after that round's fixes no longer blind),
 * the reviewer's blind set of the tagging10 round (blind-rv10.csv: the edges of its setting, partners, job-ad,
 * job-portal and ended-pilot rules, written and labelled before any run; evaluation only), the blind set of the
 * tagging11 round (blind11.csv: writers the sets still lacked, 60-350 words, written and labelled before any run;
 * evaluation only, its figure after that round's fixes no longer blind), the reviewer's blind set of the tagging11
 * round (blind-rv11.csv: the edges of its voice-note, standards, alongside, tracer-title, not-part-of-this-project,
 * also-does-research, trafficking and building-entrepreneur rules, written and labelled before any run; evaluation only),
 * the blind set of the tagging12 round (blind12.csv: prisons, refugee camps, mining funds, fisheries, nursing schools,
 * maker spaces, platform workers, interpreters' schools, libraries, 60-350 words, written and labelled before any run;
 * evaluation only, its figure after that round's fixes no longer blind), the reviewer's blind set of the tagging12
 * round (blind-rv12.csv: the edges of its NEET, negation, 'Rural', restore, follow-up, equipment, co-financing and
 * simulation rules, written and labelled before any run; evaluation only),
 * and the development sets (data/tagging-examples/dev*.csv). It is what
 * `skillsnet tag evaluate FILE` does for each file, in process: the compiled tagger (dist/),
 * threshold 0.5, no officer decisions, and a model of the shipped examples that leaves out the
 * texts of the set being measured. Build first after changing src/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opts = { json: false, termsOnly: false, unaccented: false, only: [] };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') opts.json = true;
  else if (a === '--terms-only') opts.termsOnly = true;
  else if (a === '--unaccented') opts.unaccented = true;
  else if (a === '--set') opts.only.push(args[++i]);
  else if (a === '--help' || a === '-h') {
    console.log('usage: node scripts/eval-tagging.mjs [--json] [--terms-only] [--unaccented] [--set NAME]...');
    process.exit(0);
  } else {
    console.error(`error: unknown option ${a} (try --help)`);
    process.exit(2);
  }
}

const dist = (p) => pathToFileURL(path.join(root, 'dist', p)).href;
if (!fs.existsSync(path.join(root, 'dist', 'tagging', 'evaluate.js'))) {
  console.error('error: build first (npm run build)');
  process.exit(1);
}
const { readLabelledCsv, evaluate } = await import(dist('tagging/evaluate.js'));
const { Tagger } = await import(dist('tagging/tagger.js'));
const { examplesModel, textKey } = await import(dist('tagging/examples.js'));
const { foldAccents } = await import(dist('tagging/text.js'));

const examplesDir = path.join(root, 'data', 'tagging-examples');
const devSets = fs.readdirSync(examplesDir)
  .filter((f) => /^dev\d*\.csv$/.test(f))
  .sort((a, b) => Number(a.match(/\d+/)?.[0] ?? 1) - Number(b.match(/\d+/)?.[0] ?? 1));
const SETS = [
  ['gold', path.join(root, 'test', 'tagging', 'gold.csv')],
  ['fresh-tune', path.join(root, 'test', 'tagging', 'fresh-tune.csv')],
  ['fresh-holdout', path.join(root, 'test', 'tagging', 'fresh-holdout.csv')],
  ['long-tune', path.join(root, 'test', 'tagging', 'long-tune.csv')],
  ['long-holdout', path.join(root, 'test', 'tagging', 'long-holdout.csv')],
  ['styles-tune', path.join(root, 'test', 'tagging', 'styles-tune.csv')],
  ['styles-holdout', path.join(root, 'test', 'tagging', 'styles-holdout.csv')],
  ['wider-tune', path.join(root, 'test', 'tagging', 'wider-tune.csv')],
  ['wider-holdout', path.join(root, 'test', 'tagging', 'wider-holdout.csv')],
  ['blind-rv', path.join(root, 'test', 'tagging', 'blind-rv.csv')],
  ['rough-tune', path.join(root, 'test', 'tagging', 'rough-tune.csv')],
  ['rough-holdout', path.join(root, 'test', 'tagging', 'rough-holdout.csv')],
  ['blind-rv5', path.join(root, 'test', 'tagging', 'blind-rv5.csv')],
  ['forms-tune', path.join(root, 'test', 'tagging', 'forms-tune.csv')],
  ['forms-holdout', path.join(root, 'test', 'tagging', 'forms-holdout.csv')],
  ['blind-rv6', path.join(root, 'test', 'tagging', 'blind-rv6.csv')],
  ['mixed-tune', path.join(root, 'test', 'tagging', 'mixed-tune.csv')],
  ['mixed-holdout', path.join(root, 'test', 'tagging', 'mixed-holdout.csv')],
  ['blind-rv7', path.join(root, 'test', 'tagging', 'blind-rv7.csv')],
  ['blind8', path.join(root, 'test', 'tagging', 'blind8.csv')],
  ['blind-rv8', path.join(root, 'test', 'tagging', 'blind-rv8.csv')],
  ['blind9', path.join(root, 'test', 'tagging', 'blind9.csv')],
  ['blind10', path.join(root, 'test', 'tagging', 'blind10.csv')],
  ['blind-rv10', path.join(root, 'test', 'tagging', 'blind-rv10.csv')],
  ['blind11', path.join(root, 'test', 'tagging', 'blind11.csv')],
  ['blind-rv11', path.join(root, 'test', 'tagging', 'blind-rv11.csv')],
  ['blind12', path.join(root, 'test', 'tagging', 'blind12.csv')],
  ['blind-rv12', path.join(root, 'test', 'tagging', 'blind-rv12.csv')],
  ...devSets.map((f) => [f.replace(/\.csv$/, ''), path.join(examplesDir, f)]),
].filter(([name, file]) => fs.existsSync(file) && (opts.only.length === 0 || opts.only.includes(name)));
for (const name of opts.only) {
  if (!SETS.some(([n]) => n === name)) {
    console.error(`error: no set called ${name}`);
    process.exit(2);
  }
}

const results = [];
for (const [name, file] of SETS) {
  const read = await readLabelledCsv(file);
  // The model leaves out the set's texts as written; --unaccented then strips their accents.
  const examples = opts.termsOnly ? undefined : examplesModel(new Set(read.map(textKey)));
  const texts = opts.unaccented ? read.map((t) => ({ ...t, title: foldAccents(t.title ?? ''), description: foldAccents(t.description ?? '') })) : read;
  const e = evaluate(texts, new Tagger({ examples }));
  results.push({ set: name, unaccented: opts.unaccented, file: path.relative(root, file), documents: e.documents, micro: e.micro, macro: e.macro, exactMatch: e.exactMatch, perCategory: e.perCategory });
}

if (opts.json) {
  console.log(JSON.stringify({ termsOnly: opts.termsOnly, sets: results }, null, 2));
} else {
  const f = (x) => x.toFixed(3);
  console.log(['set', 'texts', 'micro P', 'micro R', 'micro F1', 'macro F1', 'exact'].join('\t'));
  for (const r of results) console.log([r.set, r.documents, f(r.micro.precision), f(r.micro.recall), f(r.micro.f1), f(r.macro.f1), f(r.exactMatch)].join('\t'));
  const dev = results.filter((r) => r.set.startsWith('dev'));
  if (dev.length > 1) console.log(`mean micro-F1 over ${dev.length} development sets: ${f(dev.reduce((a, r) => a + r.micro.f1, 0) / dev.length)}`);
  console.log(`${opts.termsOnly ? 'term lists only' : 'term lists and the model of the shipped examples (without the measured set\'s texts)'}${opts.unaccented ? '; texts typed without accents' : ''}`);
}
