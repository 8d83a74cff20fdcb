#!/usr/bin/env node
// Trains the tagger's model of the shipped labelled examples (data/tagging-examples/*.csv) and
// stores it in data/tagging-examples.model.json, so commands load it instead of training it.
// Run after editing the examples or the text processing: `npm run build && node scripts/train-examples.mjs`.
// (test/tagging/examples.test.ts fails while the stored model does not match.)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { trainExamplesModel, storedForm, examplesFingerprint, STORED_MODEL } = await import(pathToFileURL(path.join(ROOT, 'dist', 'tagging', 'examples.js')).href);
const started = performance.now();
const model = trainExamplesModel();
if (!model) {
  console.error('error: fewer than 20 examples in data/tagging-examples; nothing stored');
  process.exit(1);
}
fs.writeFileSync(STORED_MODEL, JSON.stringify(storedForm(model, examplesFingerprint())) + '\n');
console.error(`stored ${path.relative(ROOT, STORED_MODEL)}: ${model.documents} examples, ${model.stemsById.length} stems (${Math.round(performance.now() - started)} ms)`);
