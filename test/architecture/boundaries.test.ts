import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSources, LAYERS, readSources, SQL_ALLOWED, sqlOutsideDb } from './layers.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

describe('module boundaries of src/ (cli → ui → domain → db → base)', () => {
  const sources = readSources(SRC);

  it('reads the whole tree', () => {
    expect(sources.size).toBeGreaterThan(50);
  });

  it('every folder of src/ has a layer', () => {
    const folders = new Set([...sources.keys()].map((f) => (f.includes('/') ? f.split('/')[0] : '')));
    const known = new Set(LAYERS.flatMap((l) => l.folders));
    expect([...folders].filter((f) => !known.has(f))).toEqual([]);
  });

  it('no module imports from a higher layer, no folders import each other in a circle, the library leaves the terminal to the CLI', () => {
    const violations = checkSources(sources).map((v) => `${v.kind}: ${v.message}`);
    expect(violations, violations.join('\n')).toEqual([]);
  });

  it('only src/db/ runs SQL: no prepare, exec, pragma or cachedStatement on a database elsewhere', () => {
    const violations = sqlOutsideDb(sources).map((v) => `${v.kind}: ${v.message}`);
    expect(violations, violations.join('\n')).toEqual([]);
  });

  it('the files allowed to run SQL outside src/db/ still exist and still do', () => {
    const stale = [...SQL_ALLOWED.keys()].filter((f) => !sources.has(f) || !sqlOutsideDb(new Map([[f, sources.get(f)!]]), new Map()).length);
    expect(stale, 'remove them from SQL_ALLOWED in test/architecture/layers.ts').toEqual([]);
  });
});
