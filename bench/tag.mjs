#!/usr/bin/env node
// Tagging benchmark: `npm run build && node bench/tag.mjs [--sizes 473,100000] [--keep]`.
//
// Builds databases of N applications straight from the sample call's texts (data/sample/
// applications.csv): the 473 sample applications as they are, and for larger N new proposals
// whose title and sentences are drawn, per language, from the sample's (deterministic seed),
// so the vocabulary is realistic. Then times the built CLI, `skillsnet tag auto` (every
// application untagged) and `tag auto --all` (re-tag all), from spawn to exit, and prints the
// tagger's own time (the summary's ms) beside it. A third run trains the learned model first:
// 5% of the applications are marked as reviewed by an officer.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeRandom } from '../scripts/sample/generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'skillsnet');
const TMP = path.join(ROOT, 'bench', 'tmp');
const argv = process.argv.slice(2);
const sizesArg = argv.indexOf('--sizes');
const SIZES = (sizesArg >= 0 ? argv[sizesArg + 1] : '473,100000').split(',').map(Number);
const KEEP = argv.includes('--keep');

const dist = (p) => pathToFileURL(path.join(ROOT, 'dist', p)).href;
if (!fs.existsSync(path.join(ROOT, 'dist', 'tagging', 'auto.js'))) {
  console.error('error: build first (npm run build)');
  process.exit(1);
}
const { openDatabase } = await import(dist('db/connection.js'));
const { insertApplication } = await import(dist('db/applications.js'));
const { setOfficerTags } = await import(dist('db/tags.js'));
const { parse } = await import('csv-parse/sync');

const rows = parse(fs.readFileSync(path.join(ROOT, 'data', 'sample', 'applications.csv'), 'utf8'), { columns: true, bom: true, relax_column_count: true });
const labels = new Map(
  parse(fs.readFileSync(path.join(ROOT, 'data', 'sample', 'labels.csv'), 'utf8'), { columns: true }).map((r) => [r.application_id, r.categories.split('|')]),
);
const LANG = { English: 'en', 'Français': 'fr', French: 'fr', 'Español': 'es', Spanish: 'es' };
const sample = rows.map((r) => ({
  externalId: r['Application ID'],
  title: r['Title of your innovation'],
  description: r['Describe your innovation'],
  language: LANG[r['Language of the application']] ?? null,
  beneficiaries: (r['Main beneficiaries'] ?? '').split(/;\s*/).filter(Boolean),
  selfCategories: r['Skills category (your choice)'] ? [r['Skills category (your choice)']] : [],
}));
const byLanguage = new Map();
for (const s of sample) {
  const key = s.language ?? 'en';
  if (!byLanguage.has(key)) byLanguage.set(key, { titles: [], sentences: [] });
  byLanguage.get(key).titles.push(s.title);
  byLanguage.get(key).sentences.push(...(s.description.match(/[^.!?]+[.!?]+/g) ?? [s.description]));
}


function buildDatabase(n, file) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const db = openDatabase(file, { create: true });
  const r = makeRandom(42).next;
  const pick = (a) => a[Math.floor(r() * a.length)];
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const base = sample[i % sample.length];
      let app = base;
      if (i >= sample.length) {
        const pool = byLanguage.get(base.language ?? 'en');
        const count = 3 + Math.floor(r() * 4);
        app = { ...base, externalId: `B-${i}`, title: pick(pool.titles), description: Array.from({ length: count }, () => pick(pool.sentences).trim()).join(' ') };
      }
      insertApplication(db, 'bench', { organization: `Organisation ${i}`, ...app }, `id:${app.externalId}:${i}`);
    }
  })();
  db.close();
}

function markReviewed(file, share) {
  const db = openDatabase(file);
  db.transaction(() => {
    const apps = db.prepare('SELECT id, external_id FROM applications ORDER BY id').all();
    apps.forEach((a, i) => {
      if (i % Math.round(1 / share) !== 0) return;
      const codes = labels.get(a.external_id) ?? labels.get(sample[i % sample.length].externalId);
      if (codes) setOfficerTags(db, a.id, codes, []);
    });
  })();
  db.close();
}

function timeCli(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args, '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`skillsnet ${args.join(' ')} failed: ${r.stderr}`);
  return { wall, summary: JSON.parse(r.stdout) };
}

fs.mkdirSync(TMP, { recursive: true });
const lines = ['| applications | step | wall clock (spawn to exit) | tagging (wall) | tagging (CPU) | tagged | learned from |', '| ---: | --- | ---: | ---: | ---: | ---: | ---: |'];
for (const n of SIZES) {
  const file = path.join(TMP, `tag-${n}.db`);
  const t0 = performance.now();
  buildDatabase(n, file);
  console.error(`built ${n} applications in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const steps = [
    ['tag auto (all untagged)', ['tag', 'auto', '--db', file]],
    ['tag auto --all (re-tag)', ['tag', 'auto', '--all', '--db', file]],
  ];
  for (const [label, args] of steps) {
    const { wall, summary } = timeCli(args);
    lines.push(`| ${n.toLocaleString('en')} | ${label} | ${(wall / 1000).toFixed(2)} s | ${(summary.ms / 1000).toFixed(2)} s | ${(summary.cpuMs / 1000).toFixed(2)} s | ${summary.tagged.toLocaleString('en')} | ${summary.learnedFrom} |`);
    console.error(lines.at(-1));
  }
  markReviewed(file, 0.05);
  const { wall, summary } = timeCli(['tag', 'auto', '--all', '--db', file]);
  lines.push(`| ${n.toLocaleString('en')} | tag auto --all, 5% reviewed by officers | ${(wall / 1000).toFixed(2)} s | ${(summary.ms / 1000).toFixed(2)} s | ${(summary.cpuMs / 1000).toFixed(2)} s | ${summary.tagged.toLocaleString('en')} | ${summary.learnedFrom} |`);
  console.error(lines.at(-1));
  if (!KEEP) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}
console.log(lines.join('\n'));
