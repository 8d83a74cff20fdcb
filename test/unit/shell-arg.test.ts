/** shellArg: the one way every message quotes a name or path it suggests pasting into a shell. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellArg } from '../../src/text.js';

describe('shellArg', () => {
  it('leaves plain words as they are', () => {
    for (const w of ['core-2020', '2020', 'a.csv', 'dir/file.xlsx', 'x@example.org', 'region=Africa']) expect(shellArg(w)).toBe(w);
  });

  it('double-quotes words with spaces or accents, which every shell and cmd read', () => {
    expect(shellArg('core group 2020')).toBe('"core group 2020"');
    expect(shellArg('Côte')).toBe('"Côte"');
    expect(shellArg('region=Asia and the Pacific')).toBe('"region=Asia and the Pacific"');
    expect(shellArg('')).toBe('""');
    // a Windows path: its backslashes stay themselves in double quotes (single quotes cmd does not read)
    expect(shellArg('C:\\Users\\Ana\\My files\\quotas.csv')).toBe('"C:\\Users\\Ana\\My files\\quotas.csv"');
  });

  it('single-quotes what double quotes would expand or end', () => {
    expect(shellArg('call "B"')).toBe(`'call "B"'`);
    expect(shellArg('$HOME x')).toBe(`'$HOME x'`);
    expect(shellArg("it's $5")).toBe(`'it'\\''s $5'`);
  });

  it('gives back the same word when a POSIX shell reads it', () => {
    for (const w of ['core group', 'call "B"', "it's $5 `now`!", 'back\\slash', 'C:\\My files\\a.csv', 'ends\\', 'two\\\\back', 'tab\there', 'Côte d’Ivoire', '"', "'", '']) {
      const out = execFileSync('sh', ['-c', `printf %s ${shellArg(w)}`], { encoding: 'utf8' });
      expect(out).toBe(w);
    }
  });
});
