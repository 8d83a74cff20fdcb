#!/usr/bin/env node
// Benchmark of `skillsnet select` on invented calls: 473 applications (the size of the
// 2020 call) and 20,000. Builds first (npm run build), then: node bench/select.mjs [sizes...]
// Quotas: size 25, at least 3 per region, at most 2 per country, at least 1 per category,
// at least 1 each in en/fr/es (the demo's Core Group). Prints one line per size and a JSON summary.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
const { openDatabase } = await dist('db/connection.js');
const { insertApplication, setCategories } = await dist('db/applications.js');
const { categoryCodes } = await dist('tagging/taxonomy.js');
const { runSelect } = await dist('cli/select.js');
const { bufferIO } = await dist('cli/io.js');

const COUNTRIES = {
  Africa: ['NG', 'KE', 'SN', 'MA', 'ZA', 'GH', 'CI', 'ET', 'TZ', 'UG', 'CM', 'RW'],
  Americas: ['MX', 'BR', 'CO', 'AR', 'CA', 'PE', 'CL', 'GT', 'US', 'EC'],
  'Arab States': ['JO', 'LB', 'SA', 'OM', 'QA'],
  'Asia and the Pacific': ['IN', 'PH', 'ID', 'VN', 'BD', 'PK', 'AU', 'NP', 'TH', 'LK'],
  'Europe and Central Asia': ['FR', 'DE', 'ES', 'TR', 'UZ', 'GE', 'IT', 'PL', 'KZ', 'PT'],
};
const WEIGHTS = [['Africa', 0.3], ['Americas', 0.25], ['Arab States', 0.04], ['Asia and the Pacific', 0.23], ['Europe and Central Asia', 0.18]];

export function makeCall(dbPath, n, seed = 1) {
  let s = seed;
  const r = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const cats = categoryCodes();
  const db = openDatabase(dbPath, { create: true });
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      let x = r();
      let region = 'Africa';
      for (const [name, w] of WEIGHTS) { if (x < w) { region = name; break; } x -= w; }
      const list = COUNTRIES[region];
      const country = list[Math.floor(r() * list.length)];
      const language = region === 'Americas' ? (r() < 0.6 ? 'es' : 'en') : region === 'Africa' ? (r() < 0.45 ? 'fr' : 'en') : r() < 0.2 ? 'fr' : 'en';
      const id = insertApplication(db, 'bench', {
        organization: `Organisation ${i}`, externalId: `B-${i}`, email: `c${i}@example.org`, country, region, language,
        score: Math.round(r() * 1000) / 100,
      });
      const k = 1 + Math.floor(r() * 3);
      const mine = new Set();
      while (mine.size < k) mine.add(cats[Math.floor(r() * cats.length)]);
      setCategories(db, id, [...mine]);
    }
  })();
  db.close();
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
const sizes = isMain ? process.argv.slice(2).map(Number).filter((n) => n > 0) : [];
const results = [];
for (const n of !isMain ? [] : sizes.length ? sizes : [473, 20000]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skillsnet-bench-'));
  const dbPath = path.join(dir, 'bench.db');
  makeCall(dbPath, n);
  const { io } = bufferIO();
  const started = performance.now();
  const out = await runSelect({
    dbPath, size: 25, minPerRegion: 3, maxPerCountry: 2, minPerCategory: 1, minPerLanguage: { en: 1, fr: 1, es: 1 },
    name: 'bench', dryRun: true,
  }, io);
  const ms = performance.now() - started;
  // The whole command as an officer runs it (a fresh process: start-up, SQLite, HiGHS), median of 3.
  const { spawnSync } = await import('node:child_process');
  const runs = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'skillsnet'), 'select', '--size', '25', '--min-per-region', '3', '--max-per-country', '2',
      '--min-per-category', '1', '--min-per-language', 'en=1,fr=1,es=1', '--dry-run', '--json', '--db', dbPath], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    runs.push(performance.now() - t);
  }
  const commandMs = Math.round(runs.sort((a, b) => a - b)[1]);
  results.push({ candidates: n, ms: Math.round(ms), solveMs: out.solveMs, commandMs, optimal: out.optimal, objective: out.objective });
  console.log(`${String(n).padStart(6)} candidates: selection ${out.solveMs} ms (first in this process, HiGHS loading included), whole command ${commandMs} ms (median of 3), ${out.optimal ? 'proven optimal' : 'NOT optimal'}, total score ${out.objective}`);
  fs.rmSync(dir, { recursive: true, force: true });
}
if (isMain) console.log(JSON.stringify({ node: process.version, cpu: os.cpus()[0]?.model, cpus: os.cpus().length, load: os.loadavg()[0], results }));
