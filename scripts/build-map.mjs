#!/usr/bin/env node
// Bundles the network map page (web/map/) into dist/web/map.js and dist/web/map.css, which
// `skillsnet export map` inlines into every HTML file it writes. Run by `npm run build`.
//
// The script goes inside a <script> element and the styles inside <style>, so neither may
// contain a closing tag or an HTML comment opener: the build fails if one does. The licences
// of the bundled libraries (all MIT) are kept in a comment at the top of map.js.
// MAP_NO_MINIFY=1 leaves the bundle readable, for profiling the page.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'web');

const result = await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: [
    { in: 'web/map/main.ts', out: 'map' },
    { in: 'web/map/style.css', out: 'map' },
  ],
  bundle: true,
  minify: process.env.MAP_NO_MINIFY !== "1",
  format: 'iife',
  // Current Chrome, Edge, Firefox and Safari, and a few years back.
  target: ['chrome100', 'edge100', 'firefox100', 'safari15'],
  outdir: OUT,
  write: false,
  metafile: true,
  legalComments: 'none',
  charset: 'ascii',
  logLevel: 'warning',
});

/** name@version (licence) and copyright lines of every npm package the bundle holds. */
function bundledPackages(metafile) {
  const seen = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (!m || seen.has(m[1])) continue;
    const dir = path.join(ROOT, 'node_modules', m[1]);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const licenceFile = fs.readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    const copyright = licenceFile
      ? fs.readFileSync(path.join(dir, licenceFile), 'utf8').split('\n').map((l) => l.trim()).filter((l) => /^copyright/i.test(l))
      : [];
    seen.set(m[1], { name: pkg.name, version: pkg.version, license: pkg.license, copyright });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const packages = bundledPackages(result.metafile);
const notMit = packages.filter((p) => p.license !== 'MIT');
if (notMit.length) throw new Error(`build-map: review the licence of ${notMit.map((p) => `${p.name} (${p.license})`).join(', ')} before bundling it`);
const banner = [
  '/*! skillsnet network map. Bundled libraries, each under the MIT License:',
  ...packages.map((p) => ` * ${p.name} ${p.version}${p.copyright.length ? ` - ${p.copyright.join('; ')}` : ''}`),
  ' * Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated',
  ' * documentation files (the "Software"), to deal in the Software without restriction, including without limitation',
  ' * the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and',
  ' * to permit persons to whom the Software is furnished to do so, subject to the following conditions: The above',
  ' * copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.',
  ' * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO',
  ' * THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE',
  ' * AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF',
  ' * CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER',
  ' * DEALINGS IN THE SOFTWARE.',
  ' */',
].join('\n');

fs.mkdirSync(OUT, { recursive: true });
for (const file of result.outputFiles) {
  const ext = path.extname(file.path);
  const text = ext === '.js' ? `${banner}\n${file.text.trim()}\n` : file.text.trim() + '\n';
  const forbidden = ext === '.js' ? /<\/script|<!--|<script/i : /<\/style|<!--/i;
  const found = text.match(forbidden);
  if (found) throw new Error(`build-map: ${path.basename(file.path)} contains "${found[0]}", which would break out of the page's <${ext === '.js' ? 'script' : 'style'}> element`);
  fs.writeFileSync(path.join(OUT, `map${ext}`), text);
}
const size = (f) => (fs.statSync(path.join(OUT, f)).size / 1024).toFixed(0);
process.stderr.write(`build-map: dist/web/map.js ${size('map.js')} KiB, dist/web/map.css ${size('map.css')} KiB (${packages.map((p) => `${p.name} ${p.version}`).join(', ')})\n`);
