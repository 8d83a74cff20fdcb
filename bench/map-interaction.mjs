#!/usr/bin/env node
// What a member feels in a big map, measured in headless Chromium: `node bench/map-interaction.mjs
// FILE.html…` (maps already exported; bench/map.mjs exports them and calls this too).
//
// For each file, in one fresh tab: the time to the first frame (navigation start to sigma's first
// draw, and until the page says it is ready and one more frame is on screen); then, with every
// animation frame's start recorded, a zoom (6 wheel steps over the map's centre), a pan (a drag
// of 60 mouse moves) and what each costs per frame (90th percentile and worst interval between
// frames while it moves, and how long until the map is still and drawn again); the search (typing
// a word until the match count and the next frame are shown); a click on an organisation until
// its card and the next frame are shown; a region filter change until the next frame; and the
// longest task of the whole visit (PerformanceObserver "longtask").
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../scripts/chromium.mjs';

const frameRecorder = () => {
  window.__frames = [];
  window.__stopFrames = false;
  const tick = (t) => { window.__frames.push(t); if (!window.__stopFrames) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
};
const frameStats = () => {
  window.__stopFrames = true;
  const f = window.__frames;
  const gaps = f.slice(1).map((t, i) => t - f[i]).sort((a, b) => a - b);
  return { frames: gaps.length, p90: gaps[Math.floor(gaps.length * 0.9)] ?? null, worst: gaps.at(-1) ?? null };
};

/** Waits until sigma's camera is still and two more frames are drawn; returns ms since `since`. */
async function settled(page, since) {
  return page.evaluate((t0) => new Promise((resolve) => {
    let still = 0;
    let last = null;
    const check = () => {
      const s = window.__skillsnetMap.camera?.() ?? null;
      const key = JSON.stringify(s);
      still = key === last ? still + 1 : 0;
      last = key;
      if (still >= 3) resolve(performance.now() - t0);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }), since);
}

export async function measureInteractions(context, file) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__longest = 0;
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask', buffered: true });
    } catch { /* no longtask timing */ }
  });
  await page.goto(`file://${path.resolve(file)}`, { waitUntil: 'load', timeout: 300_000 });
  await page.waitForFunction(() => window.__skillsnetMap?.ready || window.__skillsnetMap?.error, null, { timeout: 300_000 });
  const load = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const s = window.__skillsnetMap;
    resolve({ firstRenderMs: s.firstRenderMs, readyMs: performance.now(), organizations: s.organizations, edges: s.edges });
  }))));
  const box = await page.locator('#graph').boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const now = () => page.evaluate(() => performance.now());

  // Zoom: six wheel steps in, as a member scrolls.
  await page.mouse.move(cx, cy);
  await page.evaluate(frameRecorder);
  for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(40); }
  let t = await now();
  const zoomSettle = await settled(page, t);
  const zoom = { ...(await page.evaluate(frameStats)), settleMs: zoomSettle };

  // Pan: drag the map across.
  await page.evaluate(frameRecorder);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(cx - i * 4, cy - i * 2);
  await page.mouse.up();
  t = await now();
  const panSettle = await settled(page, t);
  const pan = { ...(await page.evaluate(frameStats)), settleMs: panSettle };

  // Back to the whole map.
  await page.click('#fit');
  await settled(page, await now());

  // Search: a word many names hold, typed at once, until the count and the next frame show.
  const search = await page.evaluate(() => new Promise((resolve) => {
    const input = document.getElementById('search');
    const count = document.getElementById('search-count');
    const t0 = performance.now();
    input.value = 'univ';
    input.dispatchEvent(new Event('input'));
    const poll = () => (count.textContent ? requestAnimationFrame(() => resolve({ untilShownMs: performance.now() - t0, updateMs: window.__skillsnetMap.lastUpdateMs, shown: window.__skillsnetMap.visibleOrganizations })) : requestAnimationFrame(poll));
    poll();
  }));
  await page.evaluate(() => {
    const input = document.getElementById('search');
    input.value = '';
    input.dispatchEvent(new Event('input'));
  });
  await page.waitForFunction(() => !document.getElementById('search-count').textContent);
  await settled(page, await now());

  // Click an organisation (the first one on screen) until its card and the next frame show.
  const target = await page.evaluate(() => {
    const s = window.__skillsnetMap;
    const g = document.getElementById('graph').getBoundingClientRect();
    for (const id of s.actorIds?.() ?? []) {
      const p = s.locate(id);
      if (p && p.x > g.left + 20 && p.x < g.right - 20 && p.y > g.top + 20 && p.y < g.bottom - 20) return { id, ...p };
    }
    return null;
  });
  let click = null;
  if (target) {
    await page.evaluate(() => { document.addEventListener('mousedown', () => { window.__down = performance.now(); }, { capture: true, once: true }); });
    await page.mouse.click(target.x, target.y);
    click = await page.evaluate(() => new Promise((resolve) => {
      const started = performance.now();
      const poll = () => {
        const card = document.getElementById('card');
        if (!card.hidden && card.querySelector('h2')) requestAnimationFrame(() => resolve({ untilShownMs: performance.now() - window.__down, id: card.querySelector('[data-id]')?.getAttribute('data-id') }));
        else if (performance.now() - started > 30_000) resolve(null);
        else requestAnimationFrame(poll);
      };
      poll();
    }));
    await page.keyboard.press('Escape');
  }

  // A region filter, until the next frame.
  const filter = await page.evaluate(() => new Promise((resolve) => {
    const select = document.getElementById('filter-region');
    const value = [...select.options].map((o) => o.value).find(Boolean);
    const t0 = performance.now();
    select.value = value;
    select.dispatchEvent(new Event('change'));
    const handler = performance.now() - t0;
    requestAnimationFrame(() => resolve({ handlerMs: handler, untilShownMs: performance.now() - t0 }));
  }));
  const longestTaskMs = await page.evaluate(() => window.__longest);
  await page.close();
  if (errors.length) throw new Error(`${file}: ${errors.join('; ')}`);
  return { file, load, zoom, pan, search, click, filter, longestTaskMs };
}

const ms = (v) => (v == null ? 'n/a' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);

export function interactionRows(results) {
  return [
    '| map | organisations | connections | first frame drawn | ready | zoom: frame p90 / worst, still after | pan: frame p90 / worst, still after | search until shown | click until card shown | filter until shown | longest task |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.name ?? path.basename(r.file)} | ${r.load.organizations.toLocaleString('en-US')} | ${r.load.edges.toLocaleString('en-US')} | ${ms(r.load.firstRenderMs)} | ${ms(r.load.readyMs)} | ${ms(r.zoom.p90)} / ${ms(r.zoom.worst)}, ${ms(r.zoom.settleMs)} | ${ms(r.pan.p90)} / ${ms(r.pan.worst)}, ${ms(r.pan.settleMs)} | ${ms(r.search.untilShownMs)} | ${ms(r.click?.untilShownMs)} | ${ms(r.filter.untilShownMs)} | ${ms(r.longestTaskMs)} |`),
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  const browser = await launchChromium();
  const results = [];
  try {
    for (const file of files) {
      process.stderr.write(`${file}…\n`);
      const r = await measureInteractions(browser.context, file);
      process.stderr.write(`${JSON.stringify(r)}\n`);
      results.push(r);
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(`${interactionRows(results).join('\n')}\n`);
}
