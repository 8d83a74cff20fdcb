import fs from 'node:fs';
import { readLabelledCsv, evaluate } from './dist/tagging/evaluate.js';
import { Tagger } from './dist/tagging/tagger.js';
import { compileTerms } from './dist/tagging/terms.js';
const sets = { dev: await readLabelledCsv('test/tagging/dev.csv'), dev2: await readLabelledCsv('test/tagging/dev2.csv'), sample: await readLabelledCsv('/tmp/dev/dev-noself.csv') };
if (fs.existsSync('test/tagging/dev3.csv')) sets.dev3 = await readLabelledCsv('test/tagging/dev3.csv');
const base = JSON.parse(fs.readFileSync('data/category-terms.json','utf8'));
const variants = JSON.parse(process.argv[2] ?? '[{}]');
for (const v of variants) {
  const f = structuredClone(base);
  for (const [k,c] of Object.entries(f.categories)) { c.scale *= (v.scale ?? 1); if (v[k]) Object.assign(c, v[k]); }
  for (const [cat, langs] of Object.entries(v.terms ?? {})) for (const [lang, ts] of Object.entries(langs)) Object.assign(f.categories[cat].terms[lang], ts);
  for (const k of ['titleWeight','beneficiariesWeight','repeatWeight','selfChoiceScore']) if (v[k] !== undefined) f[k] = v[k];
  const t = new Tagger({ terms: compileTerms(f), threshold: v.threshold, maxCategories: v.max });
  const out = Object.entries(sets).map(([n, s]) => { const e = evaluate(s, t); return `${n} ${e.micro.precision.toFixed(2)}/${e.micro.recall.toFixed(2)} mi ${e.micro.f1.toFixed(3)} ma ${e.macro.f1.toFixed(3)}`; });
  console.log(JSON.stringify(v).slice(0,80), out.join(' | '));
}
