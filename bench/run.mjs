#!/usr/bin/env node
// skillsnet benchmarks: `npm run bench` (builds first). Writes bench/RESULTS.md.
//
//   npm run bench                      10k, 100k and 1M rows (takes a while)
//   BENCH_QUICK=1 npm run bench        10k rows only, fewer runs; writes bench/tmp/RESULTS.md
//   BENCH_SIZES=10000,100000 npm run bench
//   node bench/run.mjs --quick --keep  keep the generated files and databases in bench/tmp/
//
// Every figure is the median of several runs of the built CLI in a child process, timed from
// spawn to exit; peak memory is the child's maximum resident set size (GNU time when installed,
// else a preloaded module that reads process.resourceUsage().maxRSS at exit). Steps whose
// command is not built yet are reported "not available" instead of failing the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'skillsnet');
const TMP = path.join(ROOT, 'bench', 'tmp');
const PRELOAD = path.join(ROOT, 'bench', 'rss-preload.mjs');
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick') || ['1', 'true', 'yes'].includes(String(process.env.BENCH_QUICK ?? '').toLowerCase());
const KEEP = argv.includes('--keep') || Boolean(process.env.BENCH_KEEP);
const SIZES = (process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : QUICK ? [10_000] : [10_000, 100_000, 1_000_000]).filter((n) => n > 0);
const OUT = (() => {
  const i = argv.indexOf('--out');
  if (i >= 0) return path.resolve(argv[i + 1]);
  return QUICK || process.env.BENCH_SIZES ? path.join(TMP, 'RESULTS.md') : path.join(ROOT, 'bench', 'RESULTS.md');
})();
const TAG_SIZE = QUICK ? 10_000 : 100_000;
const SELECT_SIZE = 20_000;
const EXPORT_SIZE = 10_000;

/** Runs per measurement: fewer for the big sizes. */
function runsFor(n) {
  if (QUICK) return 3;
  if (n >= 1_000_000) return 2;
  if (n >= 100_000) return 3;
  return 5;
}

/** Sections other benchmarks keep in RESULTS.md between their markers (bench/map.mjs: "bench:map"), carried over. */

const log = (s) => process.stderr.write(s + '\n');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtMs = (ms) => (ms == null ? 'n/a' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMB = (kb) => (kb == null ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
const fmtN = (n) => n.toLocaleString('en-US');

const TIME = fs.existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0 ? '/usr/bin/time' : null;

/**
 * Runs a command once: wall time (ms), peak RSS of the child (KB), exit code and output.
 * Node commands get the preload module when GNU time is missing.
 */
function measure(cmd, args, { cwd = ROOT, env = {}, timeout = 60 * 60_000, input } = {}) {
  const rssFile = path.join(TMP, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  let file = cmd;
  let fullArgs = args;
  const childEnv = { ...process.env, NO_COLOR: '1', SKILLSNET_DB: '', ...env };
  if (TIME) {
    file = TIME;
    fullArgs = ['-f', '%M %U %S', '-o', rssFile, cmd, ...args];
  } else if (cmd === process.execPath) {
    fullArgs = ['--import', pathToFileURL(PRELOAD).href, ...args];
    childEnv.BENCH_RSS_FILE = rssFile;
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, fullArgs, { cwd, env: childEnv, encoding: 'utf8', timeout, maxBuffer: 256 * 1024 * 1024, input: input ?? '' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  let rssKB = null;
  let cpuMs = null;
  try {
    const lines = fs.readFileSync(rssFile, 'utf8').trim().split('\n');
    const [rss, user, sys] = lines[lines.length - 1].trim().split(/\s+/).map(Number);
    rssKB = rss || null;
    if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (user + sys) * 1000;
    fs.rmSync(rssFile, { force: true });
  } catch {
    /* no figure */
  }
  return { ms, cpuMs, rssKB, code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

function skillsnet(args, opts) {
  return measure(process.execPath, [BIN, ...args], opts);
}

function firstError(r) {
  const line = (r.stderr || '').split('\n').find((l) => l.startsWith('error:'));
  return line ?? (r.error ? String(r.error.message) : `exit ${r.code ?? r.signal}`);
}

function machine() {
  const cpus = os.cpus();
  const sqlite3 = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
  let lib = null;
  try {
    const r = spawnSync(process.execPath, ['-e', "const D=require('better-sqlite3');console.log(new D(':memory:').prepare('select sqlite_version()').pluck().get())"], { cwd: ROOT, encoding: 'utf8' });
    lib = r.stdout.trim() || null;
  } catch {
    /* ignore */
  }
  let disk = null;
  try {
    disk = spawnSync('df', ['-h', TMP], { encoding: 'utf8' }).stdout.trim().split('\n').pop().split(/\s+/)[0];
  } catch {
    /* ignore */
  }
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    sqliteLibrary: lib,
    sqlite3Cli: sqlite3.status === 0 ? sqlite3.stdout.trim().split(' ')[0] : null,
    sqliteUtils: (() => {
      const r = spawnSync('sqlite-utils', ['--version'], { encoding: 'utf8' });
      return r.status === 0 ? r.stdout.trim().replace(/^sqlite-utils, version /, '') : null;
    })(),
    disk,
    rss: TIME ? 'GNU time (%M)' : 'process.resourceUsage().maxRSS at exit (preload)',
    loadBefore: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

async function availableCommands() {
  const { COMMANDS } = await import(pathToFileURL(path.join(ROOT, 'dist', 'cli', 'commands.js')).href);
  return new Set(COMMANDS.map((c) => c.name));
}

/** The sample's generator when it exists (same format as the bundled sample), else ours. */
function generator() {
  const sample = path.join(ROOT, 'scripts', 'sample', 'generate.mjs');
  if (fs.existsSync(sample)) return { name: 'scripts/sample/generate.mjs', file: sample, fallback: false };
  return { name: 'bench/generate.mjs (fallback: the sample generator is not there)', file: path.join(ROOT, 'bench', 'generate.mjs'), fallback: true };
}

function generate(gen, n) {
  const file = path.join(TMP, `calls-${n}.csv`);
  const stamp = `${file}.${gen.fallback ? 'fallback' : 'sample'}.ok`;
  if (fs.existsSync(file) && fs.existsSync(stamp)) return { file, ms: null, cached: true };
  for (const f of fs.readdirSync(TMP)) if (f.startsWith(`${path.basename(file)}.`)) fs.rmSync(path.join(TMP, f), { force: true });
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [gen.file, '--seed', '1', '--count', String(n), '--out', file], { cwd: ROOT, encoding: 'utf8', timeout: 60 * 60_000 });
  if (r.status !== 0) throw new Error(`the generator failed for ${n} rows: ${r.stderr.slice(0, 400)}`);
  fs.writeFileSync(stamp, '');
  return { file, ms: Date.now() - t0, cached: false };
}

function rmDb(db) {
  for (const f of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) fs.rmSync(f, { force: true });
}

/** Imports file into a fresh db `runs` times; keeps the last database. */
function benchImport(file, n, runs, db) {
  const times = [];
  const cpus = [];
  const rss = [];
  let accounting = null;
  for (let i = 0; i < runs; i++) {
    rmDb(db);
    const r = skillsnet(['--db', db, 'import', file, '--call', 'bench', '--json', '--quiet']);
    if (r.code !== 0) return { error: firstError(r) };
    times.push(r.ms);
    if (r.cpuMs != null) cpus.push(r.cpuMs);
    if (r.rssKB) rss.push(r.rssKB);
    try {
      accounting = JSON.parse(r.stdout);
    } catch {
      accounting = null;
    }
    log(`  import ${fmtN(n)} run ${i + 1}/${runs}: ${fmtMs(r.ms)} (CPU ${fmtMs(r.cpuMs)}), ${fmtMB(r.rssKB)}`);
  }
  return { ms: median(times), cpuMs: cpus.length ? median(cpus) : null, times, rssKB: rss.length ? Math.max(...rss) : null, accounting };
}

/** sqlite3's own CSV import: into :memory: (the target's floor), or into a WAL file on disk like ours. */
function benchSqlite(file, n, runs, { onDisk = false } = {}) {
  const times = [];
  const cpus = [];
  const rss = [];
  const target = onDisk ? path.join(TMP, 'sqlite3-import.db') : ':memory:';
  for (let i = 0; i < runs; i++) {
    if (onDisk) rmDb(target);
    const r = measure('sqlite3', onDisk ? [target, '-cmd', 'PRAGMA journal_mode=WAL', `.import --csv ${file} applications`] : [target, `.import --csv ${file} applications`]);
    if (r.code !== 0) return { error: (r.stderr || '').split('\n')[0] };
    times.push(r.ms);
    if (r.cpuMs != null) cpus.push(r.cpuMs);
    if (r.rssKB) rss.push(r.rssKB);
    log(`  sqlite3 .import ${onDisk ? 'to a file' : ':memory:'} ${fmtN(n)} run ${i + 1}/${runs}: ${fmtMs(r.ms)} (CPU ${fmtMs(r.cpuMs)})`);
  }
  if (onDisk) rmDb(target);
  return { ms: median(times), cpuMs: cpus.length ? median(cpus) : null, times, rssKB: rss.length ? Math.max(...rss) : null };
}

/** sqlite-utils' CSV import (Debian's sqlite-utils), into a fresh database file each run. */
function benchSqliteUtils(file, n, runs) {
  const times = [];
  const cpus = [];
  const rss = [];
  const target = path.join(TMP, 'sqlite-utils-import.db');
  for (let i = 0; i < runs; i++) {
    rmDb(target);
    const r = measure('sqlite-utils', ['insert', target, 'applications', file, '--csv']);
    if (r.code !== 0) return { error: r.error?.code === 'ENOENT' ? 'not available (sqlite-utils is not installed: apt-get install sqlite-utils)' : (r.stderr || '').split('\n')[0] };
    times.push(r.ms);
    if (r.cpuMs != null) cpus.push(r.cpuMs);
    if (r.rssKB) rss.push(r.rssKB);
    log(`  sqlite-utils insert --csv ${fmtN(n)} run ${i + 1}/${runs}: ${fmtMs(r.ms)} (CPU ${fmtMs(r.cpuMs)})`);
  }
  rmDb(target);
  return { ms: median(times), cpuMs: cpus.length ? median(cpus) : null, times, rssKB: rss.length ? Math.max(...rss) : null };
}

/**
 * skillsnet and `sqlite-utils insert --csv` on one file, run for run in turn: a shared machine's
 * speed drifts by a third between minutes here, and each pair of runs shares the drift. Each
 * side's median as usual, and the median of the pairs' ratios (the ratio reported).
 */
function benchSideBySide(file, n, runs, db) {
  const mine = [];
  const theirs = [];
  for (let i = 0; i < runs; i++) {
    log(`  pair ${i + 1}/${runs}`);
    const a = benchImport(file, n, 1, db);
    if (a.error) return { skillsnet: a, sqliteUtils: { error: 'not run' } };
    const b = benchSqliteUtils(file, n, 1);
    mine.push(a);
    if (!b.error) theirs.push(b);
    else return { skillsnet: merged(mine), sqliteUtils: b };
  }
  const ratios = mine.map((a, i) => a.ms / theirs[i].ms);
  return { skillsnet: merged(mine), sqliteUtils: merged(theirs), pairedRatio: median(ratios), ratios };
}

/** One side's runs as one result. */
function merged(results) {
  const times = results.map((r) => r.ms);
  const cpus = results.map((r) => r.cpuMs).filter((c) => c != null);
  const rss = results.map((r) => r.rssKB).filter(Boolean);
  return { ms: median(times), cpuMs: cpus.length ? median(cpus) : null, times, rssKB: rss.length ? Math.max(...rss) : null, accounting: results.at(-1)?.accounting ?? null };
}

/** The same file without its language column: the language of each text is then detected. */
async function withoutLanguage(file) {
  const out = file.replace(/\.csv$/, '-nolang.csv');
  const stamp = `${out}.ok`;
  if (fs.existsSync(out) && fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= fs.statSync(file).mtimeMs) return out;
  const { parse } = await import('csv-parse');
  const { stringify } = await import('csv-stringify');
  const reader = fs.createReadStream(file).pipe(parse({ relax_column_count: true }));
  const writer = stringify();
  const done = new Promise((resolve, reject) => writer.pipe(fs.createWriteStream(out)).on('finish', resolve).on('error', reject));
  let drop = -1;
  for await (const record of reader) {
    if (drop < 0) drop = record.findIndex((h) => /language/i.test(h));
    if (drop >= 0) record.splice(drop, 1);
    if (!writer.write(record)) await new Promise((r) => writer.once('drain', r));
  }
  writer.end();
  await done;
  fs.writeFileSync(stamp, '');
  return out;
}

/**
 * One corrected row imported into a call of n applications (a copy of the imported database):
 * the first data row of the file with another country.
 */
async function benchCorrection(file, base, runs) {
  const { parse } = await import('csv-parse/sync');
  const { stringify } = await import('csv-stringify/sync');
  // the header and the first data row (the generator writes no line break inside the first rows' cells)
  const [header, first] = parse(fs.readFileSync(file, 'utf8').split('\n', 2).join('\n'), { relax_column_count: true });
  const c = header.findIndex((h) => /^country$/i.test(h));
  first[c] = first[c] === 'Jordan' ? 'Lebanon' : 'Jordan';
  const one = path.join(TMP, 'one-row.csv');
  fs.writeFileSync(one, stringify([header, first]));
  const times = [];
  const cpus = [];
  let last = null;
  for (let i = 0; i < runs; i++) {
    const db = path.join(TMP, 'correction.db');
    rmDb(db);
    fs.copyFileSync(base, db);
    const r = skillsnet(['--db', db, 'import', one, '--call', 'bench', '--json', '--quiet']);
    if (r.code !== 0) return { error: firstError(r) };
    times.push(r.ms);
    if (r.cpuMs != null) cpus.push(r.cpuMs);
    try {
      last = JSON.parse(r.stdout);
    } catch {
      last = null;
    }
    log(`  one-row correction run ${i + 1}/${runs}: ${fmtMs(r.ms)} (CPU ${fmtMs(r.cpuMs)})`);
    rmDb(db);
  }
  return { ms: median(times), cpuMs: cpus.length ? median(cpus) : null, times, accounting: last ? { rows: last.rows, updated: last.updated, unchanged: last.unchanged } : null };
}

/** Runs a skillsnet step `runs` times, each on a fresh copy of base (so writes don't pile up). */
function benchStep(label, base, args, runs, { fresh = true, check } = {}) {
  const times = [];
  const cpus = [];
  const rss = [];
  let last = null;
  for (let i = 0; i < runs; i++) {
    const db = path.join(TMP, `step.db`);
    rmDb(db);
    fs.copyFileSync(base, db);
    const r = skillsnet(['--db', db, ...args(i)]);
    if (r.code !== 0) return { error: firstError(r) };
    if (check) {
      const problem = check(r);
      if (problem) return { error: problem };
    }
    times.push(r.ms);
    if (r.cpuMs != null) cpus.push(r.cpuMs);
    if (r.rssKB) rss.push(r.rssKB);
    last = r;
    log(`  ${label} run ${i + 1}/${runs}: ${fmtMs(r.ms)} (CPU ${fmtMs(r.cpuMs)}), ${fmtMB(r.rssKB)}`);
    if (!fresh) break;
  }
  return { ms: median(times), cpuMs: cpus.length ? median(cpus) : null, times, rssKB: rss.length ? Math.max(...rss) : null, stdout: last?.stdout };
}

function benchStartup(runs = 21) {
  const node = [];
  const help = [];
  for (let i = 0; i < runs; i++) {
    let t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    node.push(Number(process.hrtime.bigint() - t0) / 1e6);
    t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [BIN, '--help'], { env: { ...process.env, NO_COLOR: '1' } });
    help.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) return { error: `skillsnet --help exited ${r.status}` };
  }
  return { nodeMs: median(node), helpMs: median(help), ratio: median(help) / median(node), runs };
}

function quotasFile(file) {
  let categories = [];
  try {
    const tax = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'taxonomy.json'), 'utf8'));
    const list = Array.isArray(tax) ? tax : tax.revised ?? tax.categories ?? [];
    categories = list.map((c) => c.code).filter(Boolean).slice(0, 3);
  } catch {
    /* no taxonomy: no category quota */
  }
  const lines = ['feature,value,min,max'];
  for (const r of ['Africa', 'Americas', 'Arab States', 'Asia and the Pacific', 'Europe and Central Asia']) lines.push(`region,${r},3,8`);
  lines.push('country,KE,1,', 'country,MX,1,', 'country,IN,1,3');
  for (const c of categories) lines.push(`category,${c},2,`);
  lines.push('language,fr,3,', 'language,es,3,', 'language,en,5,');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

async function main() {
  fs.mkdirSync(TMP, { recursive: true });
  const started = new Date();
  const info = machine();
  const commands = await availableCommands();
  const has = (c) => commands.has(c);
  const gen = generator();
  log(`skillsnet bench${QUICK ? ' (quick)' : ''}: sizes ${SIZES.map(fmtN).join(', ')}; generator ${gen.name}`);
  log(`machine: ${info.cpu}, ${info.memory}, ${info.os}, Node ${info.node}`);

  const results = { started: started.toISOString(), quick: QUICK, machine: info, generator: gen.name, startup: null, sizes: [], tag: null, select: null, export: null, notes: [] };

  log('start-up: skillsnet --help vs node -e 0');
  results.startup = benchStartup(QUICK ? 11 : 21);
  log(`  node -e 0 ${fmtMs(results.startup.nodeMs)}, skillsnet --help ${fmtMs(results.startup.helpMs)} (×${results.startup.ratio?.toFixed(2)})`);

  const dbFor = (n) => path.join(TMP, `bench-${n}.db`);
  const imported = new Map();
  const wanted = [...new Set([...SIZES, TAG_SIZE, SELECT_SIZE, EXPORT_SIZE])].sort((a, b) => a - b);
  for (const n of wanted) {
    const isSize = SIZES.includes(n);
    log(`${fmtN(n)} rows: generating`);
    const g = generate(gen, n);
    const row = { rows: n, file: g.file, bytes: fs.statSync(g.file).size, generateMs: g.ms };
    if (!has('import')) row.import = { error: 'not available (no import command on this build)' };
    else {
      row.import = benchImport(g.file, n, isSize ? runsFor(n) : 1, dbFor(n));
      if (!row.import.error) imported.set(n, dbFor(n));
    }
    if (isSize) {
      row.sqlite3 = info.sqlite3Cli ? benchSqlite(g.file, n, runsFor(n)) : { error: 'not available (sqlite3 is not installed)' };
      row.sqlite3File = info.sqlite3Cli ? benchSqlite(g.file, n, runsFor(n), { onDisk: true }) : { error: 'not available' };
      results.sizes.push(row);
    }
  }

  // Side by side at 100,000 rows, with and without a language column: skillsnet, sqlite-utils, sqlite3.
  const SIDE = 100_000;
  const sideRow = results.sizes.find((r) => r.rows === SIDE);
  if (sideRow && has('import')) {
    results.sideBySide = [];
    for (const [label, file] of [['with a language column', sideRow.file], ['without a language column (detected)', await withoutLanguage(sideRow.file)]]) {
      log(`side by side, ${fmtN(SIDE)} rows ${label}`);
      const runs = QUICK ? 3 : 5;
      const entry = { label, file, bytes: fs.statSync(file).size };
      Object.assign(entry, benchSideBySide(file, SIDE, runs, path.join(TMP, 'bench-side.db')));
      entry.sqlite3 = file === sideRow.file ? sideRow.sqlite3 : info.sqlite3Cli ? benchSqlite(file, SIDE, runs) : { error: 'not available' };
      entry.sqlite3File = file === sideRow.file ? sideRow.sqlite3File : info.sqlite3Cli ? benchSqlite(file, SIDE, runs, { onDisk: true }) : { error: 'not available' };
      results.sideBySide.push(entry);
    }
    rmDb(path.join(TMP, 'bench-side.db'));
    if (imported.has(SIDE)) {
      log(`one-row correction into a call of ${fmtN(SIDE)}`);
      results.correction = { rows: SIDE, ...(await benchCorrection(sideRow.file, imported.get(SIDE), QUICK ? 3 : 5)) };
    }
  }

  // tag auto on TAG_SIZE applications
  if (!has('tag')) results.tag = { error: 'not available (no tag command on this build)' };
  else if (!imported.has(TAG_SIZE)) results.tag = { error: 'not available (import failed)' };
  else {
    log(`tag auto on ${fmtN(TAG_SIZE)}`);
    results.tag = { rows: TAG_SIZE, ...benchStep(`tag auto ${fmtN(TAG_SIZE)}`, imported.get(TAG_SIZE), () => ['tag', 'auto', '--quiet', '--yes'], QUICK ? 2 : 3) };
  }

  // Tagged copies for select and export, when tagging is available.
  const tagged = (n) => {
    const base = imported.get(n);
    if (!base || !has('tag')) return base;
    const out = path.join(TMP, `bench-${n}-tagged.db`);
    rmDb(out);
    fs.copyFileSync(base, out);
    const r = skillsnet(['--db', out, 'tag', 'auto', '--quiet', '--yes']);
    if (r.code !== 0) results.notes.push(`tag auto failed before ${n === SELECT_SIZE ? 'select' : 'export'} (${firstError(r)}); the step ran on untagged applications`);
    return out;
  };

  if (!has('select')) results.select = { error: 'not available (no select command on this build)' };
  else if (!imported.has(SELECT_SIZE)) results.select = { error: 'not available (import failed)' };
  else {
    log(`select over ${fmtN(SELECT_SIZE)}`);
    const base = tagged(SELECT_SIZE);
    const quotas = quotasFile(path.join(TMP, 'quotas.csv'));
    results.select = {
      rows: SELECT_SIZE,
      quotas: fs.readFileSync(quotas, 'utf8').trim().split('\n').length - 1,
      ...benchStep(`select ${fmtN(SELECT_SIZE)}`, base, (i) => ['select', '--size', '25', '--quotas', quotas, '--name', `bench-${i}`, '--json', '--quiet'], QUICK ? 2 : 3, {
        check: (r) => {
          try {
            const j = JSON.parse(r.stdout);
            return j.feasible === false ? 'the quotas were infeasible' : null;
          } catch {
            return 'select --json did not print JSON';
          }
        },
      }),
    };
    if (results.select.stdout) {
      try {
        const j = JSON.parse(results.select.stdout);
        results.select.optimal = j.optimal;
        results.select.members = j.members?.length;
      } catch {
        /* shown as is */
      }
      delete results.select.stdout;
    }
  }

  if (!has('export')) results.export = { error: 'not available (no export command on this build)' };
  else if (!imported.has(EXPORT_SIZE)) results.export = { error: 'not available (import failed)' };
  else {
    log(`export kumu of ${fmtN(EXPORT_SIZE)}`);
    const base = tagged(EXPORT_SIZE);
    results.export = {
      rows: EXPORT_SIZE,
      ...benchStep(`export kumu ${fmtN(EXPORT_SIZE)}`, base, (i) => {
        // A folder per run: the export writes a Kumu view file beside the workbook.
        const dir = path.join(TMP, `kumu-${i}`);
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir, { recursive: true });
        return ['export', 'kumu', '--format', 'xlsx', '--out', path.join(dir, 'map.xlsx'), '--quiet'];
      }, QUICK ? 2 : 3),
    };
    delete results.export.stdout;
  }

  results.finished = new Date().toISOString();
  results.loadAfter = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const md = report(results);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, withKeptSections(md, OUT));
  fs.writeFileSync(path.join(TMP, 'results.json'), JSON.stringify(results, null, 2));
  process.stdout.write(md);
  log(`\nwrote ${path.relative(process.cwd(), OUT) || OUT}`);
  if (!KEEP) {
    for (const f of fs.readdirSync(TMP)) {
      if (/\.(db|db-wal|db-shm|xlsx)$/.test(f) || /^kumu-\d+$/.test(f)) fs.rmSync(path.join(TMP, f), { recursive: true, force: true });
    }
  }
}

function verdict(ok) {
  return ok == null ? 'n/a' : ok ? '**met**' : '**missed**';
}

function report(r) {
  const out = [];
  const sizes = r.sizes;
  const at = (n) => sizes.find((s) => s.rows === n);
  const s100 = at(100_000);
  const s1m = at(1_000_000);
  const ratio100 = s100?.import?.ms && s100?.sqlite3?.ms ? s100.import.ms / s100.sqlite3.ms : null;
  const cpuRatio100 = s100?.import?.cpuMs && s100?.sqlite3?.cpuMs ? s100.import.cpuMs / s100.sqlite3.cpuMs : null;
  const okSizes = sizes.filter((s) => s.import?.ms);
  const wallCpu = (x) => (x?.error ? x.error : `${fmtMs(x?.ms)}${x?.cpuMs != null ? ` (CPU ${fmtMs(x.cpuMs)})` : ''}`);
  let linear = null;
  let linearText = 'n/a (needs two sizes of 100,000 or more)';
  const big = okSizes.filter((s) => s.rows >= 100_000);
  if (big.length >= 2) {
    const a = big[0];
    const b = big[big.length - 1];
    const growth = b.import.ms / a.import.ms;
    const cpuGrowth = a.import.cpuMs && b.import.cpuMs ? b.import.cpuMs / a.import.cpuMs : null;
    const ideal = b.rows / a.rows;
    // Judged on CPU time when known: wall time on a shared machine moves with its load.
    linear = (cpuGrowth ?? growth) <= ideal * 1.25;
    linearText = `${fmtN(a.rows)} → ${fmtN(b.rows)} rows (×${ideal}): wall time ×${growth.toFixed(1)}${cpuGrowth ? `, CPU time ×${cpuGrowth.toFixed(1)}` : ''}`;
  }

  out.push('# skillsnet benchmarks', '');
  out.push(`Run ${r.started.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (quick run: BENCH_QUICK=1)' : ''} with \`npm run bench\` (bench/run.mjs). ` +
    'Every figure is the median of several runs of the built CLI in a fresh child process: wall time from spawn to exit, ' +
    'CPU time (user + system) of that process, and its peak resident set size. Input files come from ' + `${r.generator}, seed 1.`, '');
  out.push('## Machine', '');
  out.push('| | |', '|---|---|');
  out.push(`| CPU | ${r.machine.cpu} |`, `| Memory | ${r.machine.memory} |`, `| OS | ${r.machine.os} |`, `| Node | ${r.machine.node} |`);
  out.push(`| SQLite (better-sqlite3) | ${r.machine.sqliteLibrary ?? 'n/a'} |`, `| sqlite3 command | ${r.machine.sqlite3Cli ?? 'not installed'} |`, `| sqlite-utils | ${r.machine.sqliteUtils ?? 'not installed'} |`);
  out.push(`| Peak RSS and CPU measured with | ${r.machine.rss} |`);
  out.push(`| Load average (1, 5, 15 min) at start / end | ${r.machine.loadBefore} / ${r.loadAfter ?? 'n/a'} |`, '');
  const [load1] = String(r.machine.loadBefore).split(' ').map(Number);
  if (load1 > os.cpus().length) {
    out.push(`> The machine was busy with other work during this run (load ${load1} on ${os.cpus().length} CPUs): wall times are longer than on an idle machine; CPU times are the steadier figure.`, '');
  }

  out.push('## Targets', '');
  out.push('| target | measured | verdict |', '|---|---|---|');
  out.push(`| import 100,000 rows within 2× of \`sqlite3 .import\` | ${ratio100 ? `${wallCpu(s100.import)} vs ${wallCpu(s100.sqlite3)}: wall ×${ratio100.toFixed(1)}${cpuRatio100 ? `, CPU ×${cpuRatio100.toFixed(1)}` : ''}` : s100 ? (s100.import.error || s100.sqlite3?.error || 'n/a') : 'not run (size left out)'} | ${verdict(ratio100 == null ? null : ratio100 <= 2)} |`);
  out.push(`| import 1,000,000 rows with peak RSS under 200 MB | ${s1m?.import?.rssKB ? fmtMB(s1m.import.rssKB) : s1m ? s1m.import.error ?? 'n/a' : 'not run (size left out)'} | ${verdict(s1m?.import?.rssKB ? s1m.import.rssKB < 200 * 1024 : null)} |`);
  out.push(`| \`skillsnet --help\` within 1.5× of \`node -e 0\` | ${r.startup?.helpMs ? `${fmtMs(r.startup.helpMs)} vs ${fmtMs(r.startup.nodeMs)}: ×${r.startup.ratio.toFixed(2)}` : r.startup?.error ?? 'n/a'} | ${verdict(r.startup?.ratio ? r.startup.ratio <= 1.5 : null)} |`);
  out.push(`| import cost grows linearly with size | ${linearText} | ${verdict(linear)} |`);
  for (const e of r.sideBySide ?? []) {
    const a = e.skillsnet;
    const b = e.sqliteUtils;
    const ratio = e.pairedRatio ?? (a?.ms && b?.ms ? a.ms / b.ms : null);
    const ok = ratio == null ? null : ratio < 1;
    out.push(`| import 100,000 rows ${e.label} faster than \`sqlite-utils insert --csv\` | ${ratio != null ? `${wallCpu(a)} vs ${wallCpu(b)}: ×${ratio.toFixed(2)}` : a?.error || b?.error || 'n/a'} | ${verdict(ok)} |`);
  }
  if (r.correction) {
    out.push(`| a one-row correction into a call of 100,000 applications under 0.5 s | ${r.correction.error ?? `${wallCpu(r.correction)}${r.correction.accounting ? ` (${r.correction.accounting.rows} row: ${r.correction.accounting.updated} updated)` : ''}`} | ${verdict(r.correction.ms ? r.correction.ms < 500 : null)} |`);
  }
  out.push('');
  if (r.sideBySide?.length) {
    out.push('## Side by side: 100,000 rows', '');
    out.push('The same generated file imported by skillsnet (a fresh database each run), by `sqlite-utils insert --csv` into a fresh file, and by `sqlite3 .import`; then the same file without its language column, whose language skillsnet detects from each text. skillsnet and sqlite-utils run in turn, run for run; the ratio is the median of the pairs\' ratios (each pair shares the machine\'s speed of the moment).', '');
    out.push('| file | size | skillsnet import | peak RSS | sqlite-utils insert --csv | ratio | sqlite3 .import (:memory:) | sqlite3 .import (file) |', '|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const e of r.sideBySide) {
      const ratio = e.pairedRatio != null ? `×${e.pairedRatio.toFixed(2)}` : e.skillsnet?.ms && e.sqliteUtils?.ms ? `×${(e.skillsnet.ms / e.sqliteUtils.ms).toFixed(2)}` : '';
      out.push(`| ${e.label} | ${(e.bytes / 2 ** 20).toFixed(1)} MB | ${wallCpu(e.skillsnet)} | ${fmtMB(e.skillsnet?.rssKB)} | ${wallCpu(e.sqliteUtils)} | ${ratio} | ${wallCpu(e.sqlite3)} | ${wallCpu(e.sqlite3File)} |`);
    }
    out.push('', 'skillsnet reads a CSV file of 2 to 256 MB on a second thread while the first writes, on a machine of two processors or more.', '');
  }

  out.push('## Import', '');
  out.push('| rows | file | runs | skillsnet import | per 1,000 rows | peak RSS | sqlite3 .import (:memory:) | ratio | sqlite3 .import (WAL file) | ratio | accounting |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const s of sizes) {
    const i = s.import ?? {};
    const q = s.sqlite3 ?? {};
    const qf = s.sqlite3File ?? {};
    const ratio = (x) => (i.ms && x.ms ? `×${(i.ms / x.ms).toFixed(1)}${i.cpuMs && x.cpuMs ? ` (CPU ×${(i.cpuMs / x.cpuMs).toFixed(1)})` : ''}` : '');
    const acc = i.accounting ? `${fmtN(i.accounting.rows)} rows: ${fmtN(i.accounting.inserted)} inserted, ${fmtN(i.accounting.updated)} updated, ${fmtN(i.accounting.rejected)} rejected` : '';
    out.push(`| ${fmtN(s.rows)} | ${(s.bytes / 2 ** 20).toFixed(1)} MB | ${i.times?.length ?? 0} | ${wallCpu(i)} | ${i.ms ? `${fmtMs(i.ms / (s.rows / 1000))}${i.cpuMs ? ` (CPU ${fmtMs(i.cpuMs / (s.rows / 1000))})` : ''}` : ''} | ${fmtMB(i.rssKB)} | ${wallCpu(q)} | ${ratio(q)} | ${wallCpu(qf)} | ${ratio(qf)} | ${acc} |`);
  }
  out.push('');

  out.push('## Other commands', '');
  out.push('| step | runs | time | peak RSS | notes |', '|---|---:|---:|---:|---|');
  const step = (label, s, note = '') => out.push(`| ${label} | ${s?.times?.length ?? 0} | ${wallCpu(s)} | ${s?.error ? '' : fmtMB(s?.rssKB)} | ${note} |`);
  step(`\`tag auto\` on ${fmtN(r.tag?.rows ?? TAG_SIZE)} applications`, r.tag);
  step(`\`select --size 25\` over ${fmtN(SELECT_SIZE)} with region, country, category and language quotas`, r.select,
    r.select?.quotas ? `${r.select.quotas} quota rows${r.select.optimal != null ? `, optimal: ${r.select.optimal}` : ''}${r.select.members != null ? `, ${r.select.members} members` : ''}` : '');
  step(`\`export kumu --format xlsx\` of ${fmtN(EXPORT_SIZE)} applications`, r.export);
  if (r.startup?.helpMs) {
    out.push(`| \`skillsnet --help\` | ${r.startup.runs} | ${fmtMs(r.startup.helpMs)} | | \`node -e 0\`: ${fmtMs(r.startup.nodeMs)} |`);
  }
  out.push('');
  if (r.notes.length) out.push('## Notes', '', ...r.notes.map((n) => `- ${n}`), '');
  out.push('`sqlite3 .import` loads the raw CSV into a table of text columns with no parsing of meaning, validation, ' +
    'normalisation, JSON of the source row or indexes: it is the floor, not a like-for-like competitor. The `:memory:` ' +
    'figure is the one the target names; the WAL-file figure shows what writing to disk adds.', '');
  return out.join('\n');
}

/**
 * The hand-measured sections below this line in bench/RESULTS.md (figures a run of this script
 * does not take: tagging quality, export timings, before/after comparisons) are kept when the
 * file is written again.
 */
export const KEPT_MARKER = '<!-- Measured by hand: bench/run.mjs keeps everything below this line. -->';

/** The report followed by the kept hand-measured sections of the file it replaces. */
function withKeptSections(md, file) {
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const at = old.indexOf(KEPT_MARKER);
  return at >= 0 ? `${md.replace(/\n*$/, '\n\n')}${old.slice(at)}` : md;
}

/** --report-only: render RESULTS.md again from bench/tmp/results.json (after editing the report). */
async function reportOnly() {
  const results = JSON.parse(fs.readFileSync(path.join(TMP, 'results.json'), 'utf8'));
  const md = report(results);
  fs.writeFileSync(OUT, withKeptSections(md, OUT));
  process.stdout.write(md);
}

(argv.includes('--report-only') ? reportOnly() : main()).catch((e) => {
  process.stderr.write(`bench: ${e.stack ?? e}\n`);
  process.exitCode = 1;
});
