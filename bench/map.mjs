#!/usr/bin/env node
// The offline network map, measured: `npm run bench:map` (builds first). Needs Debian's chromium
// (apt-get install -y chromium) or SKILLSNET_CHROMIUM.
//
//   npm run bench:map                 the sample call (473 applications) and ~5,000 organisations
//   node bench/map.mjs --quick        fewer page loads; writes bench/tmp/map/RESULTS.md only
//   node bench/map.mjs --keep         keep the generated databases and maps in bench/tmp/map/
//
// For each map: the file's size, how long `skillsnet export map` takes (wall time, median of
// runs in a fresh process), and in headless Chromium, from navigation start: when the page's
// script starts (the HTML, the embedded data and the bundle parsed), when sigma has drawn the
// first frame (its constructor renders synchronously) and when that frame is on screen (the next
// animation frame); then how long a filter change takes (the change handler, which re-renders
// synchronously, and until the next frame) and the frame intervals while the map is dragged;
// then, in one more tab, what bench/map-interaction.mjs measures (zoom, pan, search, a click on a
// dot, a filter: until shown).
// Writes the section between the "bench:map" markers of bench/RESULTS.md (bench/run.mjs keeps it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { interactionRows, measureInteractions } from './map-interaction.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'skillsnet');
const TMP = path.join(ROOT, 'bench', 'tmp', 'map');
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const KEEP = argv.includes('--keep');
const LOADS = QUICK ? 3 : 7;
const FILTER_ROUNDS = QUICK ? 2 : 4;
const EXPORT_RUNS = QUICK ? 1 : 3;
/** Applications to generate for ~5,000 organisations (the generator repeats organisation names). */
const LARGE_APPLICATIONS = 6750;
const RESULTS = QUICK ? path.join(TMP, 'RESULTS.md') : path.join(ROOT, 'bench', 'RESULTS.md');
const START = '<!-- bench:map -->';
const END = '<!-- /bench:map -->';

const log = (s) => process.stderr.write(s + '\n');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (v) => (v == null ? 'n/a' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const n = (v) => v.toLocaleString('en-US');

function cli(args, options = {}) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? TMP, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_GB.UTF-8', LC_ALL: '' }, maxBuffer: 64 << 20 });
  const wall = performance.now() - started;
  if (r.status !== 0) throw new Error(`skillsnet ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr, wall };
}

/** Runs export map EXPORT_RUNS times; returns the last summary and the median wall time. */
function exportMap(db, out) {
  const walls = [];
  let summary;
  for (let i = 0; i < EXPORT_RUNS; i++) {
    const r = cli(['--db', db, 'export', 'map', '--out', out, '--force', '--json', '--quiet']);
    walls.push(r.wall);
    summary = JSON.parse(r.stdout);
  }
  return { summary, exportMs: median(walls) };
}

function prepareSample() {
  const dir = path.join(TMP, 'sample');
  fs.rmSync(dir, { recursive: true, force: true });
  log('sample call: skillsnet demo…');
  cli(['demo', '--out', dir]);
  return { name: 'sample call (473 applications)', db: path.join(dir, 'skillsnet.db'), out: path.join(dir, 'network.html') };
}

function prepareLarge() {
  const dir = path.join(TMP, 'large');
  fs.mkdirSync(dir, { recursive: true });
  const db = path.join(dir, 'large.db');
  if (!fs.existsSync(db)) {
    const csv = path.join(dir, 'applications.csv');
    log(`large network: generating ${n(LARGE_APPLICATIONS)} applications, importing, tagging, selecting…`);
    const g = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'sample', 'generate.mjs'), '--count', String(LARGE_APPLICATIONS), '--seed', 'map-5000', '--out', csv], { encoding: 'utf8' });
    if (g.status !== 0) throw new Error(g.stderr);
    cli(['--db', db, 'import', csv, '--call', '2024', '--quiet']);
    cli(['--db', db, 'tag', 'auto', '--quiet']);
    cli(['--db', db, 'select', '--size', '25', '--name', 'core-2024', '--quiet']);
  }
  return { name: `${n(LARGE_APPLICATIONS)} generated applications`, db, out: path.join(dir, 'network.html') };
}

/** Page loads in fresh tabs; then filter changes and a drag in one more. */
async function measureInBrowser(context, file) {
  const loads = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${file}`, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => window.__skillsnetMap?.ready || window.__skillsnetMap?.error, null, { timeout: 120_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const s = await page.evaluate(() => window.__skillsnetMap);
    if (errors.length || s.error) throw new Error(`${file}: ${errors.concat(s.error ?? []).join('; ')}`);
    loads.push(s);
    if (i < LOADS - 1) await page.close();
    else {
      const page2 = page;
      const regions = await page2.evaluate(() => [...document.querySelectorAll('#filter-region option')].map((o) => o.value).filter(Boolean));
      const filter = [];
      for (let round = 0; round < FILTER_ROUNDS; round++) {
        for (const value of [...regions, '']) {
          filter.push(await page2.evaluate((v) => new Promise((resolve) => {
            const select = document.getElementById('filter-region');
            const t0 = performance.now();
            select.value = v;
            select.dispatchEvent(new Event('change'));
            const handler = performance.now() - t0;
            requestAnimationFrame(() => resolve({ handler, frame: performance.now() - t0, shown: window.__skillsnetMap.visibleOrganizations }));
          }), value));
        }
      }
      const search = await page2.evaluate(() => new Promise((resolve) => {
        const input = document.getElementById('search');
        const before = window.__skillsnetMap.lastUpdateMs;
        const t0 = performance.now();
        input.value = 'centre';
        input.dispatchEvent(new Event('input'));
        const poll = () => (window.__skillsnetMap.lastUpdateMs !== before ? resolve({ update: window.__skillsnetMap.lastUpdateMs, untilShown: performance.now() - t0 }) : requestAnimationFrame(poll));
        poll();
      }));
      // Frame intervals while the whole map (no filter, no search) is dragged across.
      await page2.click('#clear-filters');
      const box = await page2.locator('#graph').boundingBox();
      await page2.evaluate(() => {
        window.__frames = [];
        const tick = (t) => { window.__frames.push(t); if (!window.__stopFrames) requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
      });
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page2.mouse.move(x, y);
      await page2.mouse.down();
      for (let i = 1; i <= 60; i++) await page2.mouse.move(x - i * 4, y - i * 2);
      await page2.mouse.up();
      const frames = await page2.evaluate(() => { window.__stopFrames = true; const f = window.__frames; return f.slice(1).map((t, i) => t - f[i]); });
      await page2.close();
      return { loads, filter, search, drag: { moves: 60, frames: frames.length, slow: frames.filter((f) => f > 50).length, worst: Math.max(...frames), p90: [...frames].sort((a, b) => a - b)[Math.floor(frames.length * 0.9)] }, regions: regions.length };
    }
  }
}

function section(results, machine) {
  const rows = results.map((r) => {
    const first = median(r.browser.loads.map((l) => l.firstRenderMs));
    const paint = median(r.browser.loads.map((l) => l.firstPaintMs));
    const script = median(r.browser.loads.map((l) => l.scriptStartMs));
    const sigma = median(r.browser.loads.map((l) => l.sigmaMs));
    return `| ${r.name} | ${n(r.summary.counts.organizations)} | ${n(r.summary.edges)} | ${mb(r.summary.bytes)} | ${ms(r.exportMs)} | ${ms(script)} | ${ms(first)} (sigma ${ms(sigma)}) | ${ms(paint)} |`;
  });
  const interaction = results.map((r) => {
    const f = r.browser.filter;
    return `| ${r.name} | ${f.length} | ${ms(median(f.map((x) => x.handler)))} (worst ${ms(Math.max(...f.map((x) => x.handler)))}) | ${ms(median(f.map((x) => x.frame)))} (worst ${ms(Math.max(...f.map((x) => x.frame)))}) | ${ms(r.browser.search.update)} | ${r.browser.drag.slow} of ${r.browser.drag.frames} frames over 50 ms; 90th percentile ${ms(r.browser.drag.p90)}, worst ${ms(r.browser.drag.worst)} |`;
  });
  const sample = results[0];
  return [
    START,
    '## Network map (`export map`)',
    '',
    `Run ${machine.date} with \`npm run bench:map\` (bench/map.mjs) on ${machine.cpu}, load average ${machine.loadBefore} at start / ${machine.loadAfter} at end, Node ${process.version}, ${machine.chromium}, headless, with no GPU: WebGL runs on SwiftShader, Chromium's software renderer, so a member's browser with a graphics card draws faster. ` +
      `Page figures are medians of ${LOADS} loads in fresh tabs, timed from navigation start; export times are medians of ${EXPORT_RUNS} runs of the built CLI (layout included).`,
    '',
    '| map | organisations | connections | file | `export map` | script starts | first frame drawn | first frame shown |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    '| map | filter changes | change handler (filter + sigma re-render) | until the next frame | search (update) | frames while the map is dragged (60 mouse moves) |',
    '|---|---:|---:|---:|---:|---:|',
    ...interaction,
    '',
    ...interactionRows(results.map((r) => ({ ...r.interaction, name: r.name }))),
    '',
    `Target: the sample call's file under 2 MB — ${sample.summary.bytes < 2 * 1024 * 1024 ? '**met**' : '**missed**'} (${mb(sample.summary.bytes)}). ` +
      'Connections are those of the Kumu export with 3 peer links per organisation (the map\'s default): categories, regions and peers. ' +
      `The large network comes from scripts/sample/generate.mjs (seed map-5000), imported, tagged and with a Core Group selected like a real call. Chromium flags: ${CHROMIUM_ARGS.join(' ')}.`,
    END,
  ].join('\n');
}

async function main() {
  fs.mkdirSync(TMP, { recursive: true });
  const chromium = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).stdout.trim() || CHROMIUM_PATH;
  const machine = { date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', cpu: `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}`, loadBefore: os.loadavg().map((l) => l.toFixed(2)).join(' '), chromium };
  const maps = [prepareSample(), prepareLarge()];
  const browser = await launchChromium();
  const results = [];
  try {
    for (const m of maps) {
      log(`${m.name}: export map ×${EXPORT_RUNS}…`);
      const { summary, exportMs } = exportMap(m.db, m.out);
      log(`${m.name}: ${n(summary.counts.organizations)} organisations, ${n(summary.edges)} connections, ${mb(summary.bytes)}, export ${ms(exportMs)}; ${LOADS} page loads…`);
      const measured = await measureInBrowser(browser.context, m.out);
      const interaction = await measureInteractions(browser.context, m.out);
      results.push({ ...m, summary, exportMs, browser: measured, interaction });
      log(`${m.name}: first frame drawn ${ms(median(measured.loads.map((l) => l.firstRenderMs)))}, filter ${ms(median(measured.filter.map((f) => f.handler)))}`);
    }
  } finally {
    await browser.close();
  }
  machine.loadAfter = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const md = section(results, machine);
  fs.writeFileSync(path.join(TMP, 'results.json'), JSON.stringify({ machine, results: results.map(({ browser: b, ...r }) => ({ ...r, browser: b })) }, null, 2));
  let existing = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '';
  const at = existing.indexOf(START);
  if (at >= 0) existing = existing.slice(0, at).trimEnd() + existing.slice(existing.indexOf(END) + END.length);
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${existing.trimEnd()}${existing.trim() ? '\n\n' : ''}${md}\n`);
  process.stdout.write(md + '\n');
  log(`wrote ${path.relative(process.cwd(), RESULTS)}`);
  if (!KEEP) for (const m of maps) fs.rmSync(path.dirname(m.out), { recursive: true, force: true });
}

main().catch((e) => {
  log(`bench:map failed: ${e.stack ?? e}`);
  process.exit(1);
});
