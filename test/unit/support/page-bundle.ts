/**
 * Global setup of the unit tier: bundles the network map page (web/map/ → dist/web/, esbuild,
 * a quarter of a second), which `export map` inlines into every file it writes. The TypeScript
 * of src/ is not built: the unit tier runs it as it is.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { privateTempFolder } from '../../fixtures/temp.js';
import { fileURLToPath } from 'node:url';

export default function setup(): () => void {
  const cleanUp = privateTempFolder();
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-map.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return cleanUp;
}
