#!/usr/bin/env node
// The picture of the network map in the docs: `npm run docs:screenshot` (builds first). Runs the
// demo on the bundled sample call in a temporary folder, opens its network.html in headless
// Chromium (scripts/chromium.mjs) and saves docs/images/network-map.png. The sample call is
// synthetic (invented organisations, reserved example emails), so the picture holds no personal data.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, openMap } from './chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'docs', 'images', 'network-map.png');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skillsnet-screenshot-'));
try {
  const demo = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'skillsnet'), 'demo', '--out', path.join(dir, 'demo'), '--json'], {
    encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_GB.UTF-8', LC_ALL: '' },
  });
  if (demo.status !== 0) throw new Error(`skillsnet demo failed: ${demo.stderr}`);
  const file = JSON.parse(demo.stdout).files.map;
  const browser = await launchChromium({ viewport: { width: 1600, height: 900 } });
  try {
    const { page, problems } = await openMap(browser.context, file);
    const real = problems.filter((p) => !/GL Driver Message|GPU stall/.test(p));
    if (real.length) throw new Error(`the map reported problems: ${real.join('; ')}`);
    // A card open on a Core Group member, as a member would look at it.
    const id = await page.evaluate(() => JSON.parse(document.getElementById('skillsnet-map-data').textContent).nodes.find((n) => n.coreGroup && n.beneficiaries.length)?.id);
    if (id) {
      const where = await page.evaluate((node) => window.__skillsnetMap.locate(node), id);
      if (where) {
        await page.mouse.click(where.x, where.y);
        await page.waitForSelector('#card article');
        await page.mouse.move(5, 5);
      }
    }
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT });
    process.stderr.write(`wrote ${path.relative(process.cwd(), OUT)} (${Math.round(fs.statSync(OUT).size / 1024)} KiB)\n`);
  } finally {
    await browser.close();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
