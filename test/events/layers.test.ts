import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/** Every src file reachable from `entry` through relative imports (type-only ones included). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
      const spec = (m[1] ?? m[2])!.replace(/\.js$/, '.ts');
      visit(path.resolve(path.dirname(file), spec));
    }
  };
  visit(entry);
  return seen;
}

describe('the events library is domain code', () => {
  it('never reaches src/cli or src/ui, and prints nothing', () => {
    const files = [...reachable(path.join(ROOT, 'src', 'events', 'index.ts'))].map((f) => path.relative(ROOT, f));
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => f.startsWith('src/cli/') || f.startsWith('src/ui/'))).toEqual([]);
    for (const f of files.filter((x) => x.startsWith('src/events/'))) {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      expect(/console\.|process\.(?:stdout|stderr|exit|argv)/.test(text), f).toBe(false);
    }
  });
});
