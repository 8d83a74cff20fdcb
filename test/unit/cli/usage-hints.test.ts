/**
 * Every usage error says what to type next: a second line under the `error:` one. (The ones
 * below had none: "choose one of --json and --csv" left the user to guess which.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-usage-hints-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('usage errors', () => {
  const db = path.join(dir, 'hints.db');
  const cases: [string[], RegExp, RegExp][] = [
    [['list', '--json', '--csv'], /^error: choose one of --json and --csv$/, /skillsnet list --csv > /],
    [['members', '--delimiter', ';'], /^error: --delimiter applies to --csv only$/, /add --csv, e\.g\. skillsnet members --csv --delimiter/],
    [['rejects', '--csv', '--file', '1', '--batch', '2'], /^error: choose one of --file and --batch$/, /skillsnet rejects --csv --file 1 > fix\.csv/],
    [['select', '--size', '5', '--time-limit', '0'], /^error: --time-limit needs a positive number of seconds$/, /--time-limit 120/],
  ];
  for (const [args, first, hint] of cases) {
    it(`skillsnet ${args.join(' ')}: exit 2, the error, then what to type`, async () => {
      const r = await run(['--db', db, ...args]);
      expect(r.code).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines[0]).toMatch(first);
      expect(lines[1]).toMatch(/^ {2}\S/);
      expect(lines[1]).toMatch(hint);
    });
  }
});

/** The `new UsageError(...)` calls of a source file, whole (strings skipped for their brackets). */
function usageErrorCalls(text: string): string[] {
  const calls: string[] = [];
  for (let i = text.indexOf('new UsageError('); i >= 0; i = text.indexOf('new UsageError(', i + 1)) {
    let depth = 0;
    let quote: string | null = null;
    let j = i + 'new UsageError'.length;
    for (; j < text.length; j++) {
      const c = text[j]!;
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = null;
      } else if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    calls.push(text.slice(i, j + 1));
  }
  return calls;
}

describe('every usage error in src', () => {
  it('is thrown with a hint', () => {
    const missing: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) for (const call of usageErrorCalls(fs.readFileSync(p, 'utf8'))) if (!/\bhint\b/.test(call)) missing.push(`${path.relative(ROOT, p)}: ${call.slice(0, 80)}`);
      }
    };
    walk(path.join(ROOT, 'src'));
    expect(missing).toEqual([]);
    expect(usageErrorCalls("throw new UsageError('a (b)', { hint: 'c' }); new UsageError(`x ${f(1)}`)")).toEqual(["new UsageError('a (b)', { hint: 'c' })", 'new UsageError(`x ${f(1)}`)']);
  });
});
