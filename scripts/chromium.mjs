// Headless Chromium for the map's browser test, its screenshot and its benchmark: Debian's
// `chromium` package driven by playwright-core (no browser download). Install it with
// `apt-get install -y chromium` (.ci/run does when it is missing), or point SKILLSNET_CHROMIUM
// at another Chromium or Chrome binary.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM_PATH = process.env.SKILLSNET_CHROMIUM || '/usr/bin/chromium';

/**
 * No GPU in CI: WebGL (which sigma draws with) runs on SwiftShader, the software renderer that
 * Chromium ships; newer Chromium versions want --enable-unsafe-swiftshader for that. Everything
 * that could reach the network on its own (updates, sync, QUIC probing) is off.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumInstalled() {
  return fs.existsSync(CHROMIUM_PATH);
}

/**
 * A browser with a fresh profile in a temporary folder. Returns the Playwright context (open
 * pages with context.newPage()) and close(), which also removes the profile.
 */
export async function launchChromium(options = {}) {
  if (!chromiumInstalled()) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set SKILLSNET_CHROMIUM`);
  }
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'skillsnet-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    offline: true,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a map file and waits until it has drawn. Collects console errors, page errors and every
 * request the page makes (the file itself is the only one allowed).
 */
export async function openMap(context, file, options = {}) {
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  const url = `file://${path.resolve(file)}`;
  await page.goto(url, { waitUntil: 'load', timeout: options.timeout ?? 60_000 });
  await page.waitForFunction(() => window.__skillsnetMap?.ready === true || window.__skillsnetMap?.error, null, { timeout: options.timeout ?? 60_000 });
  // One more frame, so firstPaintMs is set.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return { page, problems, requests, url };
}
