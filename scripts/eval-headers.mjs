#!/usr/bin/env node
/**
 * How well does the importer recognise the columns of real form-tool exports?
 *
 *   npm run build && node scripts/eval-headers.mjs            # per-file report, then totals
 *   node scripts/eval-headers.mjs --quiet                      # totals and categories only
 *   node scripts/eval-headers.mjs --json                       # one JSON document
 *   node scripts/eval-headers.mjs --values                     # use values/<slug>.csv (invented cells) where present
 *   node scripts/eval-headers.mjs --file kobo-en-ecd-monitoring --file typeform-en-osmi-2017
 *   node scripts/eval-headers.mjs --check                      # exit 1 unless wrong = 0 and found >= 90 %
 *
 * It runs the compiled importer (dist/), in process, on the header rows in
 * test/fixtures/real-headers and compares its mapping with labels.json. Build first after
 * changing src/ (the vitest file test/import/real-headers.test.ts runs the same evaluation on
 * the TypeScript sources).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evaluateCorpus, formatReport } from './lib/real-headers-eval.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opts = { json: false, quiet: false, values: false, check: false, only: [] };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') opts.json = true;
  else if (a === '--quiet' || a === '-q') opts.quiet = true;
  else if (a === '--values') opts.values = true;
  else if (a === '--check') opts.check = true;
  else if (a === '--file') opts.only.push(args[++i]);
  else if (a === '--help' || a === '-h') {
    console.log('usage: node scripts/eval-headers.mjs [--json] [--quiet] [--values] [--check] [--file SLUG]...');
    process.exit(0);
  } else {
    console.error(`error: unknown option ${a} (try --help)`);
    process.exit(2);
  }
}

const compiled = path.join(root, 'dist', 'import', 'importer.js');
if (!fs.existsSync(compiled)) {
  console.error('error: dist/import/importer.js is missing; run npm run build first');
  process.exit(1);
}
// the compiled importer is what runs: say so when a source file is newer than it
const builtAt = fs.statSync(compiled).mtimeMs;
const stale = fs.readdirSync(path.join(root, 'src', 'import')).filter((f) => fs.statSync(path.join(root, 'src', 'import', f)).mtimeMs > builtAt);
if (stale.length) console.error(`warning: src/import/${stale.join(', ')} changed after the last build; run npm run build to evaluate the current code`);

const { prepareFiles } = await import(pathToFileURL(compiled).href);
const report = await evaluateCorpus({ prepareFiles, values: opts.values, only: opts.only.length ? opts.only : undefined });
if (opts.only.length && report.files.length < opts.only.length) {
  const known = new Set(report.files.map((f) => f.slug));
  console.error(`error: no corpus file ${opts.only.filter((s) => !known.has(s)).join(', ')}`);
  process.exit(2);
}
if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
else console.log(formatReport(report, { quiet: opts.quiet }));
if (opts.check) {
  const ok = report.totals.wrong === 0 && report.totals.foundRatio >= 0.9;
  if (!ok) console.error(`check failed: wrong = ${report.totals.wrong} (must be 0), found ${(100 * report.totals.foundRatio).toFixed(1)} % (must be >= 90 %)`);
  process.exit(ok ? 0 : 1);
}
