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

describe('a file name typed without --out', () => {
  const db = path.join(dir, 'out.db');
  // (the name where the command wants `--out FILE`: required or not, the command as it should be typed)
  const cases: [string[], RegExp, string][] = [
    [['export', 'map', 'network.html'], /^error: required option '--out <path>' not specified$/, `skillsnet --db ${db} export map --out network.html`],
    [['export', 'roster', 'core-2020', 'core 2020.md'], /^error: required option '--out <path>' not specified$/, `skillsnet --db ${db} export roster core-2020 --out "core 2020.md"`],
    [['rejects', '--csv', 'fix.csv'], /^error: too many arguments for 'rejects'/, `skillsnet --db ${db} rejects --csv --out fix.csv`],
    [['event', 'ics', '1', 'exports/meeting'], /^error: required option '--out <file>' not specified$/, `skillsnet --db ${db} event ics 1 --out exports/meeting`],
  ];
  for (const [args, first, typed] of cases) {
    it(`skillsnet ${args.join(' ')}: exit 2, and the name after --out`, async () => {
      const r = await run(['--db', db, ...args]);
      expect(r.code).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines[0]).toMatch(first);
      expect(lines[1]).toBe(`  the file to write goes after --out: ${typed}`);
    });
  }
  // what is no file name, or an --out already given, keeps its own hint
  it.each([
    [['export', 'kumu', 'fr'], '  see skillsnet export kumu --help'],
    [['export', 'kumu', '--out', 'map.xlsx', 'extra'], '  a value with spaces goes in quotes: --out "map.xlsx extra"'],
    [['show', '17', '18'], '  see skillsnet show --help'],
  ])('%j', async (args, hint) => {
    const r = await run(['--db', db, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')[1]).toBe(hint);
  });
});

describe('--json given to a group of commands', () => {
  // (its commands that print JSON are named; a command without --json keeps the help's address)
  it.each([
    [['tag', '--json'], '  --json goes with one of its commands: skillsnet tag auto, add, remove, explain or evaluate (see skillsnet tag --help)'],
    [['--json', 'scores'], '  --json goes with its command: skillsnet scores import (see skillsnet scores --help)'],
    [['tag', 'review', '--json'], '  see skillsnet tag review --help'],
  ])('%j', async (args, hint) => {
    const r = await run(['--db', path.join(dir, 'json.db'), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: unknown option '--json'\n${hint}\n`);
  });
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
