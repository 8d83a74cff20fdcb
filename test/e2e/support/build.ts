/**
 * Global setup of the e2e tier: compiles src/ to dist/ once, before any test spawns the built
 * CLI (and bundles the map page), so the tier never tests an old build. (The unit tier imports src/ and needs no build.)
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { privateTempFolder } from '../../fixtures/temp.js';
import { fileURLToPath } from 'node:url';

export default function setup(): () => void {
  const cleanUp = privateTempFolder();
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const typescript = path.dirname(createRequire(path.join(root, 'package.json')).resolve('typescript/package.json'));
  const tsc = path.join(typescript, 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-map.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return cleanUp;
}
