import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (where package.json, data/ and dist/ live), found from this compiled file. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Path of a file under data/ (taxonomies, country table, sample call). */
export function dataPath(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, 'data', ...parts);
}
