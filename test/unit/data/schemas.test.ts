import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// A plain JavaScript script, shared with `npm run data:schemas`.
// @ts-ignore
import { generateValidators, OUT_DIR } from '../../../scripts/data-schemas.mjs';
import { ROOT } from '../support/run.js';

describe('the checks generated from data/schemas', () => {
  it('are up to date (after changing a schema: npm run data:schemas)', () => {
    const files: Map<string, string> = generateValidators();
    const stale = [...files].filter(([rel, content]) => !fs.existsSync(path.join(ROOT, rel)) || fs.readFileSync(path.join(ROOT, rel), 'utf8') !== content).map(([rel]) => rel);
    expect(stale, 'generated checks differ from data/schemas: run npm run data:schemas').toEqual([]);
    const extra = fs.readdirSync(OUT_DIR).map((f) => path.posix.join('src', 'data', 'validate', f)).filter((rel) => !files.has(rel));
    expect(extra, 'checks without a schema in data/schemas: run npm run data:schemas').toEqual([]);
  });
});
