import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { json, ROOT, runCli, tempDir } from './support/cli.js';
import type { MapPage } from '../../dist/export/map-types.js';
// A plain ES module, shared with the screenshot script and the benchmark.
import { chromiumInstalled, launchChromium, openMap, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

/**
 * A map of over 2,000 organisations and 15,000 connections, where a member felt every move
 * (bench/RESULTS.md, "Network map"): what the page does to stay fluid there, checked in headless
 * Chromium — the hub connections drawn for the open card only, no reprocessing of the whole map
 * after a drag, the connections left out while the map moves and drawn
 * again once it is still, and a search that suggests a few names rather than all of them.
 * Timings are the benchmark's business (bench/map-interaction.mjs), not this test's.
 */

const SKIP = ['1', 'true', 'yes'].includes(String(process.env.SKILLSNET_SKIP_BROWSER_TESTS ?? '').toLowerCase());
const HUB_KINDS = new Set(['works-on', 'based-in', 'serves', 'attended']);

interface Stats {
  ready: boolean; organizations: number; edges: number; visibleEdges: number; processed: number;
  edgeFrames: { drawn: number; skipped: number; lastDrawnMs: number; lastSkippedMs: number };
}
type Opened = { page: Page; problems: string[]; requests: string[]; url: string };

function embedded(file: string): MapPage {
  const html = fs.readFileSync(file, 'utf8');
  return JSON.parse(html.match(/<script type="application\/json" id="skillsnet-map-data">([\s\S]*?)<\/script>/)![1]);
}

describe.skipIf(SKIP)('a large network map in headless Chromium', () => {
  let dir: string;
  let file: string;
  let data: MapPage;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let o: Opened;
  const stats = () => o.page.evaluate(() => {
    const s = window.__skillsnetMap as unknown as Stats;
    return { ...s, edgeFrames: { ...s.edgeFrames } };
  });
  const drawn = (id: string) => o.page.evaluate((x) => (window.__skillsnetMap as unknown as { drawn(id: string): boolean }).drawn(x), id);

  beforeAll(async () => {
    if (!chromiumInstalled()) throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or SKILLSNET_SKIP_BROWSER_TESTS=1 to skip)`);
    dir = fs.realpathSync(tempDir('skillsnet-map-large-'));
    const csv = path.join(dir, 'applications.csv');
    // Invented applicants (scripts/sample/generate.mjs), enough for about 2,500 organisations.
    const g = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'sample', 'generate.mjs'), '--count', '3400', '--seed', 'map-large-test', '--out', csv], { encoding: 'utf8' });
    expect(g.status, g.stderr).toBe(0);
    const db = path.join(dir, 'large.db');
    const env = { LANG: 'en_GB.UTF-8', LC_ALL: '' };
    for (const args of [['import', csv, '--call', '2024', '--quiet'], ['tag', 'auto', '--quiet']]) {
      const r = runCli(['--db', db, ...args], { cwd: dir, env, timeout: 180_000 });
      expect(r.code, r.stderr).toBe(0);
    }
    file = path.join(dir, 'large.html');
    const r = runCli(['--db', db, 'export', 'map', '--out', file, '--json', '--quiet'], { cwd: dir, env, timeout: 180_000 });
    expect(r.code, r.stderr).toBe(0);
    const summary = json<{ edges: number; counts: { organizations: number } }>(r);
    expect(summary.counts.organizations).toBeGreaterThan(2000);
    expect(summary.edges).toBeGreaterThan(15000);
    data = embedded(file);
    browser = await launchChromium();
    o = await openMap(browser.context, file, { timeout: 120_000 }) as Opened;
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('draws the peer connections, and the hub connections only for the dot whose card is open', async () => {
    const peers = data.edges.filter((e) => !HUB_KINDS.has(e.kind)).length;
    let s = await stats();
    expect(s.edges).toBe(data.edges.length);
    expect(s.visibleEdges).toBe(peers);
    expect(await o.page.locator('#hub-edges-note').isVisible()).toBe(true);
    // An organisation on screen with connections to hubs.
    const id = await o.page.evaluate(() => {
      const m = window.__skillsnetMap as unknown as { actorIds(): string[]; locate(id: string): { x: number; y: number } | null };
      const box = document.getElementById('graph')!.getBoundingClientRect();
      return m.actorIds().find((a) => { const p = m.locate(a); return p && p.x > box.left + 30 && p.x < box.right - 400 && p.y > box.top + 30 && p.y < box.bottom - 30; })!;
    });
    const hubEdges = data.edges.filter((e) => HUB_KINDS.has(e.kind) && (e.source === id || e.target === id)).map((e) => e.id);
    expect(hubEdges.length).toBeGreaterThan(0);
    for (const e of hubEdges) expect(await drawn(e)).toBe(false);
    const at = await o.page.evaluate((x) => (window.__skillsnetMap as unknown as { locate(id: string): { x: number; y: number } }).locate(x), id);
    await o.page.mouse.click(at.x, at.y);
    await o.page.waitForSelector(`#card article[data-id="${id}"]`);
    for (const e of hubEdges) expect(await drawn(e), `${e} drawn with the card of ${id}`).toBe(true);
    await o.page.keyboard.press('Escape');
    for (const e of hubEdges) expect(await drawn(e)).toBe(false);
    // The hub's own card opens its whole fan.
    const hub = data.edges.find((e) => e.kind === 'based-in' && e.source === id)!.target;
    const fan = data.edges.filter((e) => HUB_KINDS.has(e.kind) && (e.source === hub || e.target === hub)).map((e) => e.id);
    const hubAt = await o.page.evaluate((x) => (window.__skillsnetMap as unknown as { locate(id: string): { x: number; y: number } }).locate(x), hub);
    await o.page.mouse.click(hubAt.x, hubAt.y);
    await o.page.waitForSelector(`#card article[data-id="${hub}"]`);
    const shown = await o.page.evaluate((ids) => ids.filter((x) => (window.__skillsnetMap as unknown as { drawn(id: string): boolean }).drawn(x)).length, fan);
    expect(shown).toBe(fan.length);
    await o.page.keyboard.press('Escape');
    s = await stats();
    expect(s.visibleEdges).toBe(peers);
  });

  it('leaves the connections out while the map is dragged and draws them again once it is still, without reprocessing the map', async () => {
    const before = await stats();
    const box = (await o.page.locator('#graph').boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await o.page.mouse.move(x, y);
    await o.page.mouse.down();
    for (let i = 1; i <= 20; i++) await o.page.mouse.move(x - i * 6, y - i * 3);
    await o.page.mouse.up();
    const moved = await stats();
    expect(moved.edgeFrames.skipped).toBeGreaterThan(before.edgeFrames.skipped);
    await o.page.waitForTimeout(600);
    const still = await stats();
    expect(still.edgeFrames.lastDrawnMs).toBeGreaterThan(still.edgeFrames.lastSkippedMs);
    expect(still.processed).toBe(before.processed);
  });

  it('suggests at most 30 names holding what is typed, not every name', async () => {
    expect(await o.page.locator('#search-names option').count()).toBe(0);
    await o.page.fill('#search', 'univ');
    const suggested = await o.page.locator('#search-names option').evaluateAll((os) => os.map((e) => (e as HTMLOptionElement).value));
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.length).toBeLessThanOrEqual(30);
    for (const name of suggested) expect(name.toLowerCase()).toContain('univ');
    await o.page.fill('#search', '');
    expect(await o.page.locator('#search-names option').count()).toBe(0);
    expect(o.problems.filter((p) => !/GL Driver Message|GPU stall|software WebGL/.test(p))).toEqual([]);
    expect(o.requests).toEqual([o.url]);
  });
});
