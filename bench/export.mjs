#!/usr/bin/env node
// Export timings: `npm run build && node bench/export.mjs` (prints a Markdown table).
//
// Loads the bundled sample call (473 applications, categories from data/sample/labels.csv)
// into a fresh database directly through the library (no dependency on the import command),
// saves a 25-member roster, then times every export of the built CLI, median of 3 runs, spawn
// to exit. The same for 10,000 organisations (the sample repeated with distinct names and
// addresses). Pass --keep to keep bench/tmp/export-*.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'skillsnet');
const TMP = path.join(ROOT, 'bench', 'tmp');
const { openDatabase } = await import(path.join(ROOT, 'dist/db/connection.js'));
const { insertApplication, setCategories } = await import(path.join(ROOT, 'dist/db/applications.js'));
const { resolveCountry, regionOfCountry } = await import(path.join(ROOT, 'dist/geo/countries.js'));
const { resolveLanguage } = await import(path.join(ROOT, 'dist/geo/languages.js'));

const rows = parse(fs.readFileSync(path.join(ROOT, 'data/sample/applications.csv')), { columns: true, bom: true });
const labels = new Map(parse(fs.readFileSync(path.join(ROOT, 'data/sample/labels.csv')), { columns: true, bom: true }).map((r) => [r.application_id, r.categories.split('|').filter(Boolean)]));

function load(dbPath, total) {
  fs.rmSync(dbPath, { force: true });
  const db = openDatabase(dbPath, { create: true });
  const ids = [];
  db.transaction(() => {
    for (let i = 0; i < total; i++) {
      const r = rows[i % rows.length];
      const copy = Math.floor(i / rows.length);
      const country = resolveCountry(r['Country'] ?? '')?.code ?? null;
      const id = insertApplication(db, '2020', {
        externalId: `${r['Application ID']}-${copy}`,
        organization: copy ? `${r['Name of your organization']} ${copy}` : r['Name of your organization'],
        organizationType: r['Type of organization'] || null,
        contactName: `${r['Contact first name']} ${r['Contact last name']}`.trim() || null,
        email: copy ? (r['Email Address'] || '').replace('@', `+${copy}@`) : r['Email Address'] || null,
        phone: r['Phone number'] || null, website: r['Website'] || null,
        country, countryRaw: r['Country'], region: country ? regionOfCountry(country) : null,
        language: resolveLanguage(r['Language of the application'] ?? '') ?? null,
        title: r['Title of your innovation'] || null, description: r['Describe your innovation'] || null,
        beneficiaries: (r['Main beneficiaries'] || '').split(/[;,|]/).map((s) => s.trim()).filter(Boolean),
        score: r['Score'] ? Number(String(r['Score']).replace(',', '.')) : null,
      }, `bench:${i}`);
      setCategories(db, id, labels.get(r['Application ID']) ?? []);
      ids.push(id);
    }
    const scored = db.prepare('SELECT id FROM applications ORDER BY score DESC, id LIMIT 30').all().map((x) => x.id);
    const roster = db.prepare(`INSERT INTO rosters (name, params_json, solver_status, optimal, objective) VALUES ('core', '{}', 'Optimal', 1, 0)`).run().lastInsertRowid;
    const add = db.prepare('INSERT INTO roster_members (roster_id, application_id, role, rank, reasons_json) VALUES (?, ?, ?, ?, ?)');
    scored.forEach((id, k) => add.run(roster, id, k < 25 ? 'member' : 'alternate', k < 25 ? k + 1 : k - 24, JSON.stringify(['high score'])));
  })();
  db.close();
  return ids.length;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
function time(args, dir) {
  const runs = [];
  const inner = [];
  for (let k = 0; k < 3; k++) {
    fs.rmSync(path.join(dir, 'out'), { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'out'));
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [BIN, ...args, '--quiet', '--json'], { cwd: path.join(dir, 'out'), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    inner.push(JSON.parse(r.stdout).ms);
  }
  return [median(runs), median(inner)];
}

const EXPORTS = [
  ['kumu xlsx', ['export', 'kumu', '--format', 'xlsx', '--out', 'map.xlsx']],
  ['kumu xlsx --peer-links', ['export', 'kumu', '--peer-links', '--format', 'xlsx', '--out', 'map.xlsx']],
  ['kumu csv', ['export', 'kumu', '--format', 'csv', '--out', 'kumu']],
  ['kumu json', ['export', 'kumu', '--format', 'json', '--out', 'map.json']],
  ['contacts csv', ['export', 'contacts', '--format', 'csv', '--out', 'c.csv']],
  ['contacts vcf', ['export', 'contacts', '--format', 'vcf', '--out', 'c.vcf']],
  ['contacts outlook', ['export', 'contacts', '--format', 'outlook', '--out', 'o.csv']],
  ['roster md', ['export', 'roster', 'core', '--format', 'md', '--out', 'r.md']],
  ['graphml', ['export', 'graphml', '--out', 'g.graphml']],
];

fs.mkdirSync(TMP, { recursive: true });
const sizes = [473, 10_000];
const results = {};
for (const n of sizes) {
  const dir = path.join(TMP, `export-${n}`);
  fs.mkdirSync(dir, { recursive: true });
  const db = path.join(dir, 'bench.db');
  load(db, n);
  results[n] = EXPORTS.map(([name, args]) => [name, time([...args, '--db', db], dir)]);
  if (!process.argv.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
}
const start = median([0, 1, 2].map(() => { const t0 = process.hrtime.bigint(); spawnSync(process.execPath, ['-e', '0']); return Number(process.hrtime.bigint() - t0) / 1e6; }));
console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} cores), Node ${process.version}; a bare \`node -e 0\` takes ${start.toFixed(0)} ms.\n`);
console.log('Wall time of the command (spawn to exit), and in brackets the time spent in the export function (after Node start-up and CLI loading), median of 3 runs.\n');
console.log('| export | 473 applications | 10,000 organisations |');
console.log('|---|---:|---:|');
const cell = ([wall, inner]) => `${wall.toFixed(0)} ms (${inner} ms)`;
for (let i = 0; i < EXPORTS.length; i++) {
  console.log(`| \`${EXPORTS[i][0]}\` | ${cell(results[473][i][1])} | ${cell(results[10_000][i][1])} |`);
}
