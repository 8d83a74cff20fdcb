import { readLabelledCsv, evaluate } from './dist/tagging/evaluate.js';
import { Tagger, applicationTokens, modelTokens } from './dist/tagging/tagger.js';
import { trainModel } from './dist/tagging/model.js';
import { categoryCodes } from './dist/tagging/taxonomy.js';
const all = await readLabelledCsv(process.argv[2]);
const test = all.filter((_, i) => i % 2 === 0);
const pool = all.filter((_, i) => i % 2 === 1);
for (const n of [0, 50, 100, 237]) {
  const model = n ? trainModel(pool.slice(0, n).map((t) => ({ tokens: modelTokens(applicationTokens(t)), categories: t.categories })), categoryCodes()) : undefined;
  const e = evaluate(test, new Tagger({ model }));
  console.log(`reviewed ${n}: micro ${e.micro.f1} macro ${e.macro.f1}`);
}
