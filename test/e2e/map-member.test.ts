import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { runCli, tempDir } from './support/cli.js';
// A plain ES module, shared with the screenshot script and the benchmark.
import { chromiumInstalled, launchChromium, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

/**
 * The map as a member opens it on a phone (360×740), with every request the page might make
 * routed and failed, filled by an applicant who tries to break it: text that looks like markup,
 * a `javascript:` website, a 10,000-character word, an RTL override, Arabic and Chinese. Every
 * file comes from the built CLI, from a spreadsheet imported as an officer would.
 */

const SKIP = ['1', 'true', 'yes'].includes(String(process.env.SKILLSNET_SKIP_BROWSER_TESTS ?? '').toLowerCase());
const DRIVER_NOISE = /GL Driver Message|GPU stall due to ReadPixels|Automatic fallback to software WebGL/;
/** Each payload, if it ever ran, adds its number to window.__pwned. */
const run = (n: number) => `window.__pwned=(window.__pwned||[]).concat(${n})`;
const LONG_WORD = 'Q'.repeat(10_000);

const HEADER = 'Application ID,Name of your organization,Type of organization,Contact first name,Contact last name,Email Address,Phone number,Website,Country,Language of the application,Title of your innovation,Describe your innovation,Main beneficiaries,Skills category (your choice),Score';
const ROWS = [
  ['T-1', `Evil </script><script>${run(1)}</script> Org`, 'NGO', 'Robin', `<img src=x onerror="${run(2)}">`, 'robin.trial@example.org', '+41 22 555 0101', `javascript:${run(3)}`, 'Kenya', 'English',
    `"><svg onload="${run(4)}">`, `Text <script>${run(5)}</script> {{constructor.constructor("${run(6)}")()}} line\u2028sep\u2029end`, `Youth; <b onmouseover="${run(7)}">Women</b>`, 'Training delivery', '7'],
  ['T-2', '\u202Egro livE Longword', 'NGO', 'Ana', 'Lopez', 'ana.trial@example.org', '+52 55 5555 0102', 'https://example.org/a?b=<c>', 'Mexico', 'Español', LONG_WORD, `${LONG_WORD} end`, `\u202Edesrever; Youth; ${LONG_WORD}`, 'Social inclusion', '6'],
  ['T-3', 'منظمة المهارات العربية 🌍', 'NGO', 'ليلى', 'حسن', 'layla.trial@example.org', '', `data:text/html,<script>${run(8)}</script>`, 'Jordan', 'Arabic', 'تدريب الشباب 🎓', 'وصف المشروع', 'Youth; Women', 'Life skills', '8'],
  ['T-4', '中国技能创新中心 🚀', 'University', '王', '伟', 'wang.trial@example.org', '', 'vbscript:msgbox(1)', 'China', 'Chinese', '职业培训', '描述', 'Youth', 'Training delivery', '5'],
  ['T-5', '2024 מרכז הכישורים לנוער', 'NGO', 'נועה', 'כהן', 'noa.trial@example.org', '', 'https://example.org/he', 'Israel', 'Hebrew', 'הכשרה מקצועית ב-Python', 'תיאור הפרויקט עם WiFi ו-5G', 'Youth; Women', 'Life skills', '6'],
];
const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;
const INVENTED_CONTACTS = ['noa.trial@example.org', 'robin.trial@example.org', 'ana.trial@example.org', 'layla.trial@example.org', 'wang.trial@example.org', 'eve.trial@example.org', '555 0101', '5555 0102', '5555 0103'];

interface Opened { page: Page; problems: string[]; dialogs: string[]; blocked: string[]; requests: string[] }

describe.skipIf(SKIP)('the map on a phone, offline, filled with hostile text', () => {
  let dir: string;
  let files: { hostile: string; empty: string };
  let browser: { context: BrowserContext; close(): Promise<void> };

  async function open(file: string): Promise<Opened> {
    const page = await browser.context.newPage();
    const o: Opened = { page, problems: [], dialogs: [], blocked: [], requests: [] };
    page.on('dialog', (d) => { o.dialogs.push(d.message()); void d.dismiss(); });
    page.on('console', (m) => { if ((m.type() === 'error' || m.type() === 'warning') && !DRIVER_NOISE.test(m.text())) o.problems.push(m.text()); });
    page.on('pageerror', (e) => o.problems.push(e.message));
    page.on('request', (r) => o.requests.push(r.url()));
    // Whatever the page asks for beyond its own file fails, and is counted.
    await page.route('**/*', (route) => {
      if (route.request().url() === `file://${file}`) return route.continue();
      o.blocked.push(route.request().url());
      return route.abort();
    });
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => window.__skillsnetMap?.ready === true || window.__skillsnetMap?.error, null, { timeout: 60_000 });
    return o;
  }
  const overflow = (page: Page) => page.evaluate(() => {
    const card = document.getElementById('card')!;
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, card: card.scrollWidth - card.clientWidth };
  });
  const focused = (page: Page) => page.evaluate(() => {
    const e = document.activeElement as HTMLElement;
    return { tag: e.tagName, id: e.id, className: e.className, text: (e.textContent ?? '').trim().slice(0, 200), outline: getComputedStyle(e).outlineStyle };
  });
  async function searchAndOpen(o: Opened, query: string): Promise<void> {
    await o.page.fill('#search', query);
    await o.page.press('#search', 'Enter');
    await o.page.waitForSelector('#card h2', { timeout: 10_000 });
  }

  beforeAll(async () => {
    if (!chromiumInstalled()) throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or SKILLSNET_SKIP_BROWSER_TESTS=1 to skip)`);
    dir = fs.realpathSync(tempDir('skillsnet-map-member-'));
    const csv = path.join(dir, 'hostile.csv');
    fs.writeFileSync(csv, `${HEADER}\n${ROWS.map((r) => r.map(csvCell).join(',')).join('\n')}\n`);
    const db = path.join(dir, 'hostile.db');
    const env = { LANG: 'en_GB.UTF-8', LC_ALL: '' };
    for (const args of [
      ['import', csv, '--call', '2020'],
      ['tag', 'auto'],
      ['member', 'add', '--organization', `<img src=x onerror="${run(10)}"> Ministry`, '--name', 'Eve </script>', '--email', 'eve.trial@example.org',
        '--phone', '+33 1 5555 0103', '--country', 'FR', '--notes', `<script>${run(11)}</script> a private note`, '--website', 'javascript:alert(1)'],
    ]) {
      const r = runCli(['--db', db, ...args], { cwd: dir, env });
      expect(r.code, r.stderr).toBe(0);
    }
    files = { hostile: path.join(dir, 'hostile.html'), empty: path.join(dir, 'empty.html') };
    let r = runCli(['--db', db, 'export', 'map', '--title', `Trial ${LONG_WORD.slice(0, 400)}`, '--out', files.hostile], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    const emptyDb = path.join(dir, 'empty.db');
    expect(runCli(['--db', emptyDb, 'init'], { cwd: dir, env }).code).toBe(0);
    r = runCli(['--db', emptyDb, 'export', 'map', '--lang', 'fr', '--out', files.empty], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    browser = await launchChromium({ viewport: { width: 360, height: 740 } });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds no email, phone or officer\'s note when exported without --with-contact-details', () => {
    const html = fs.readFileSync(files.hostile, 'utf8');
    for (const secret of [...INVENTED_CONTACTS, 'a private note']) expect(html, secret).not.toContain(secret);
  });

  it('runs nothing from the data, makes no request, and shows every text as typed', async () => {
    const o = await open(files.hostile);
    for (const [query, label] of [['Evil', ROWS[0][1]], ['Longword', ROWS[1][1]], ['منظمة', ROWS[2][1]], ['中国', ROWS[3][1]], ['Ministry', `<img src=x onerror="${run(10)}"> Ministry`]]) {
      await searchAndOpen(o, query);
      expect(await o.page.locator('#card h2').innerText()).toBe(label);
      // Only http(s) websites are links.
      for (const href of await o.page.locator('#card a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) expect(href).toMatch(/^https?:\/\//);
      expect(await o.page.locator('#card img, #card svg, #card script, #card b').count()).toBe(0);
      expect(await overflow(o.page), `no sideways scrolling with the card of ${query}`).toEqual({ page: 0, card: 0 });
      await o.page.keyboard.press('Escape');
    }
    await searchAndOpen(o, 'Evil');
    expect(await o.page.locator('#card').innerText()).toContain(`Text <script>${run(5)}</script> {{constructor.constructor("${run(6)}")()}} line`);
    expect(await o.page.evaluate(() => (window as unknown as { __pwned?: number[] }).__pwned)).toBeUndefined();
    expect(o.dialogs).toEqual([]);
    expect(o.problems).toEqual([]);
    expect(o.blocked).toEqual([]);
    expect(o.requests).toEqual([`file://${files.hostile}`]);
  });

  it('keeps an RTL override in one value from reversing the values beside it', async () => {
    const o = await open(files.hostile);
    await searchAndOpen(o, 'Longword');
    // "‮desrever, Youth": without isolation the override runs on and "Youth" shows as "htuoY".
    const isolated = o.page.locator('#card dd bdi', { hasText: /^Youth$/ });
    expect(await isolated.count()).toBe(1);
    const youth = await isolated.evaluate((el) => getComputedStyle(el).unicodeBidi);
    expect(youth).toBe('isolate');
    const option = await o.page.locator('#filter-beneficiary option', { hasText: 'desrever' }).textContent();
    expect(option).toMatch(/^\u2068\u202Edesrever\u2069 \(1\)$/);
    expect(await o.page.locator('#filter-beneficiary option', { hasText: /^Youth/ }).textContent()).toMatch(/^Youth \(\d+\)$/);
  });

  it('fits a 360 px wide phone: a long title wraps instead of widening the page', async () => {
    const o = await open(files.hostile);
    expect(await overflow(o.page)).toEqual({ page: 0, card: 0 });
    const header = await o.page.locator('header.top').boundingBox();
    expect(header!.height).toBeLessThan(740);
  });

  it('fills a phone\'s screen without scrolling the page, in both orientations; the panel and the card scroll inside it', async () => {
    const o = await open(files.hostile);
    const fit = () => o.page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      return { scroll: document.documentElement.scrollHeight - window.innerHeight, width: document.documentElement.scrollWidth - window.innerWidth, map: box('#graph').height / window.innerHeight, mapBottom: box('#graph').bottom - window.innerHeight };
    });
    for (const viewport of [{ width: 360, height: 740 }, { width: 740, height: 360 }]) {
      await o.page.setViewportSize(viewport);
      const at = `${viewport.width}×${viewport.height}`;
      const f = await fit();
      expect(f.scroll, `no page scroll at ${at} (the long title scrolls in the header)`).toBeLessThanOrEqual(0);
      expect(f.width, at).toBeLessThanOrEqual(0);
      expect(f.mapBottom, `the map ends on screen at ${at}`).toBeLessThanOrEqual(0);
      expect(f.map, `the map has room at ${at}`).toBeGreaterThan(0.3);
      // The panel's last control is reached by scrolling the panel, not the page.
      const last = o.page.locator('.panel button, .panel select, .panel input').last();
      await last.scrollIntoViewIfNeeded();
      const box = (await last.boundingBox())!;
      expect(box.y + box.height, at).toBeLessThanOrEqual(viewport.height);
      expect(box.y, at).toBeGreaterThanOrEqual(0);
      expect(await o.page.evaluate(() => window.scrollY), at).toBe(0);
    }
    await o.page.setViewportSize({ width: 360, height: 740 });
    await searchAndOpen(o, 'منظمة');
    expect((await fit()).scroll).toBeLessThanOrEqual(0);
    // The card is on screen with its close button, and its end is reached by scrolling the card.
    const close = (await o.page.locator('#card .close').boundingBox())!;
    expect(close.y).toBeGreaterThanOrEqual(0);
    expect(close.y + close.height).toBeLessThanOrEqual(740);
    await o.page.locator('#card .peers-button').scrollIntoViewIfNeeded();
    const peers = (await o.page.locator('#card .peers-button').boundingBox())!;
    expect(peers.y + peers.height).toBeLessThanOrEqual(740);
    expect(await o.page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('shows Arabic and Hebrew names, titles and descriptions right to left, the rest left to right', async () => {
    const o = await open(files.hostile);
    const directions = (selector: string) => o.page.locator(selector).evaluateAll((els) => els.map((el) => getComputedStyle(el).direction));
    await searchAndOpen(o, 'منظمة');
    expect(await directions('#card h2')).toEqual(['rtl']);
    expect(await directions('#card .project h3')).toEqual(['rtl']);
    expect(await directions('#card .project p:not(.muted)')).toEqual(['rtl']);
    // The labels around the values stay in the page's direction.
    expect(await directions('#card dt')).not.toContain('rtl');
    // A Hebrew peer's name in the peers list, beside Latin ones.
    await o.page.click('#card .peers-button');
    const hebrew = o.page.locator('#card .peers button.link', { hasText: 'מרכז' });
    expect(await hebrew.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await o.page.keyboard.press('Escape');
    // Hebrew led by digits and holding Latin words: the first letter decides.
    await searchAndOpen(o, 'מרכז');
    expect(await directions('#card h2')).toEqual(['rtl']);
    expect(await o.page.locator('#card h2').innerText()).toBe(ROWS[4][1]);
    expect(await directions('#card .project h3, #card .project p:not(.muted)')).toEqual(['rtl', 'rtl']);
    await o.page.keyboard.press('Escape');
    await searchAndOpen(o, '中国');
    expect(await directions('#card h2')).toEqual(['ltr']);
    await o.page.keyboard.press('Escape');
    // An RTL override is no right-to-left letter: the name keeps the page's direction, shown as typed.
    await searchAndOpen(o, 'Longword');
    expect(await directions('#card h2')).toEqual(['ltr']);
    expect(await o.page.locator('#card h2').innerText()).toBe(ROWS[1][1]);
    await o.page.keyboard.press('Escape');
    // What a member types in the search reads in its own direction.
    await o.page.fill('#search', 'مرحبا');
    expect(await directions('#search')).toEqual(['rtl']);
    await o.page.fill('#search', 'Evil');
    expect(await directions('#search')).toEqual(['ltr']);
    expect(o.problems).toEqual([]);
  });

  it('draws a right-to-left name on the map right to left, beside its dot', async () => {
    const page = await browser.context.newPage();
    // Every label the map writes on its canvases, with the direction it was written in.
    await page.addInitScript(() => {
      const drawn: { text: string; direction: string; align: string }[] = [];
      (window as unknown as { __labels: typeof drawn }).__labels = drawn;
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, max?: number) {
        drawn.push({ text, direction: this.direction, align: this.textAlign });
        return max === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, max);
      };
    });
    // A wide screen: every dot on it, whatever the phone layout does.
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(`file://${files.hostile}`);
    await page.waitForFunction(() => window.__skillsnetMap?.ready === true, null, { timeout: 60_000 });
    // Hovering a dot writes its label in a box, whatever its size.
    for (const id of ['org-3', 'org-5', 'org-4']) {
      const at = await page.evaluate((node) => (window.__skillsnetMap as unknown as { locate(id: string): { x: number; y: number } | null }).locate(node), id);
      await page.mouse.move(at!.x, at!.y);
      await page.waitForTimeout(150);
    }
    const labels = await page.evaluate(() => (window as unknown as { __labels: { text: string; direction: string; align: string }[] }).__labels);
    const of = (name: string) => labels.filter((l) => l.text === name);
    for (const name of [ROWS[2][1], ROWS[4][1]]) {
      expect(of(name).length, name).toBeGreaterThan(0);
      expect(of(name).every((l) => l.direction === 'rtl' && l.align === 'left'), name).toBe(true);
    }
    expect(of(ROWS[3][1]).length).toBeGreaterThan(0);
    expect(of(ROWS[3][1]).some((l) => l.direction === 'rtl')).toBe(false);
    await page.close();
  });

  it('is usable with the keyboard alone: Enter opens a card and takes the focus there, Escape gives it back', async () => {
    const o = await open(files.hostile);
    await o.page.focus('#search');
    await o.page.keyboard.type('Evil');
    await o.page.keyboard.press('Enter');
    await o.page.waitForSelector('#card h2');
    expect(await focused(o.page)).toMatchObject({ tag: 'H2', text: ROWS[0][1] });
    // The card's controls come next, not the two dozen filters before them.
    let steps = 0;
    while ((await focused(o.page)).className !== 'peers-button' && steps++ < 5) await o.page.keyboard.press('Tab');
    expect(await focused(o.page)).toMatchObject({ tag: 'BUTTON', className: 'peers-button', outline: 'solid' });
    await o.page.keyboard.press('Enter');
    expect(await o.page.getAttribute('.peers-button', 'aria-pressed')).toBe('true');
    // Redrawing the card keeps the focus on the button that was pressed.
    expect(await focused(o.page)).toMatchObject({ tag: 'BUTTON', className: 'peers-button' });
    await o.page.keyboard.press('Escape');
    expect(await o.page.locator('#card').isHidden()).toBe(true);
    expect(await focused(o.page)).toMatchObject({ tag: 'INPUT', id: 'search' });
  });

  it('zooms and moves the map from the keyboard: Tab reaches it, + zooms in, arrows move, 0 fits again', async () => {
    const o = await open(files.hostile);
    const where = (id: string) => o.page.evaluate((node) => (window.__skillsnetMap as unknown as { locate(id: string): { x: number; y: number } | null }).locate(node), id);
    const gap = async () => {
      const [a, b] = [await where('org-1'), await where('org-3')];
      return Math.hypot(a!.x - b!.x, a!.y - b!.y);
    };
    // Tab from the last control of the panel lands on the map, with a visible ring.
    await o.page.locator('.panel button, .panel select, .panel input').last().focus();
    await o.page.keyboard.press('Tab');
    expect(await focused(o.page)).toMatchObject({ id: 'graph', outline: 'solid' });
    const before = await gap();
    await o.page.keyboard.press('+');
    await o.page.waitForTimeout(400);
    expect(await gap()).toBeGreaterThan(before * 1.3);
    const left = (await where('org-1'))!;
    await o.page.keyboard.press('ArrowLeft');
    await o.page.waitForTimeout(400);
    expect((await where('org-1'))!.x).toBeGreaterThan(left.x + 5);
    const up = (await where('org-1'))!;
    await o.page.keyboard.press('ArrowUp');
    await o.page.waitForTimeout(400);
    expect((await where('org-1'))!.y).toBeGreaterThan(up.y + 5);
    await o.page.keyboard.press('0');
    await o.page.waitForTimeout(500);
    expect(Math.abs((await gap()) - before)).toBeLessThan(1);
    expect(o.problems).toEqual([]);
  });

  it('says so when the map holds no organisation, in the page\'s language', async () => {
    const o = await open(files.empty);
    expect(await o.page.locator('#empty-map').isVisible()).toBe(true);
    expect(await o.page.locator('#empty-map').innerText()).toMatch(/^Aucune organisation sur cette carte/);
    expect(o.problems).toEqual([]);
    expect(o.requests).toEqual([`file://${files.empty}`]);
  });
});
