#!/usr/bin/env node
/**
 * Does a change to the tagger's machinery leave every result as it was? Tags every text of
 * every set scripts/eval-tagging.mjs reads (as written and typed without accents) and every
 * application of the given databases with one build's dist/, and writes one line per text: the
 * tokens the tagger reads (negated, served marks included) and its whole result (every
 * category's score and evidence, the model's words for all of them). Run it with two builds and
 * compare the files byte for byte:
 *
 *   node bench/tag-identical.mjs --root /tmp/base --db demo.db --db big.db --out /tmp/base.jsonl
 *   node bench/tag-identical.mjs --root .          --db demo.db --db big.db --out /tmp/mine.jsonl
 *   cmp /tmp/base.jsonl /tmp/mine.jsonl
 *
 * The databases are only read. Prints, per group, how many texts and the milliseconds spent
 * tagging them (in process, without start-up or writes), and a SHA-256 of the output.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let root = here;
let out;
const dbs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') root = path.resolve(args[++i]);
  else if (args[i] === '--db') dbs.push(path.resolve(args[++i]));
  else if (args[i] === '--out') out = path.resolve(args[++i]);
  else {
    console.error(`error: unknown option ${args[i]} (usage: node bench/tag-identical.mjs [--root DIR] [--db FILE]... --out FILE)`);
    process.exit(2);
  }
}
if (!out) {
  console.error('error: say where to write the results: --out FILE');
  process.exit(2);
}
const dist = (p) => pathToFileURL(path.join(root, 'dist', p)).href;
if (!fs.existsSync(path.join(root, 'dist', 'tagging', 'tagger.js'))) {
  console.error(`error: no build in ${root} (npm run build there first)`);
  process.exit(1);
}
const { readLabelledCsv } = await import(dist('tagging/evaluate.js'));
const { Tagger, applicationTokens } = await import(dist('tagging/tagger.js'));
const { examplesModel, textKey } = await import(dist('tagging/examples.js'));
const { foldAccents } = await import(dist('tagging/text.js'));
const { learnedModel } = await import(dist('tagging/auto.js'));
const { openDatabase } = await import(dist('db/connection.js'));
const { taggableApplications } = await import(dist('db/tags.js'));

// The sets of scripts/eval-tagging.mjs: every labelled CSV of test/tagging and the development sets.
const setFiles = [
  ...fs.readdirSync(path.join(here, 'test', 'tagging')).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(here, 'test', 'tagging', f)),
  ...fs.readdirSync(path.join(here, 'data', 'tagging-examples')).filter((f) => /^dev\d*\.csv$/.test(f)).sort().map((f) => path.join(here, 'data', 'tagging-examples', f)),
];

const fd = fs.openSync(out, 'w');
const hash = crypto.createHash('sha256');
const write = (line) => {
  fs.writeSync(fd, line + '\n');
  hash.update(line + '\n');
};
const groups = [];

function run(name, texts, tagger) {
  let ms = 0;
  const cpu = process.cpuUsage();
  texts.forEach((t, i) => {
    const started = performance.now();
    const tokens = applicationTokens(t, tagger.terms.file.sections, tagger.terms);
    const result = tagger.tag(t);
    ms += performance.now() - started;
    write(JSON.stringify({ group: name, n: t.id ?? t.row ?? i, tokens, result }));
  });
  const used = process.cpuUsage(cpu);
  groups.push({ name, texts: texts.length, ms, cpuMs: (used.user + used.system) / 1000 });
}

for (const file of setFiles) {
  let read;
  try {
    read = await readLabelledCsv(file);
  } catch {
    continue; // not a labelled set (eval-tagging.mjs would not read it either)
  }
  const tagger = new Tagger({ examples: examplesModel(new Set(read.map(textKey))), explainAll: true });
  const name = path.relative(here, file);
  run(name, read, tagger);
  run(`${name} unaccented`, read.map((t) => ({ ...t, title: foldAccents(t.title ?? ''), description: foldAccents(t.description ?? '') })), tagger);
}

for (const file of dbs) {
  const db = openDatabase(file, { readonly: true });
  const tagger = new Tagger({ model: learnedModel(db), examples: examplesModel(), explainAll: true });
  const apps = [];
  for (const page of taggableApplications(db, {}, { untaggedOnly: false })) apps.push(...page);
  db.close();
  run(path.basename(file), apps, tagger);
}
fs.closeSync(fd);

for (const g of groups) console.log(`${g.name}\t${g.texts}\t${g.ms.toFixed(0)} ms\t(CPU ${g.cpuMs.toFixed(0)} ms with writing)`);
const sum = (key) => groups.reduce((a, g) => a + g[key], 0).toFixed(0);
console.log(`${sum('texts')} texts, ${sum('ms')} ms tagging (CPU ${sum('cpuMs')} ms with writing); sha256 ${hash.digest('hex')}`);
