import fs from 'node:fs';
import path from 'node:path';
import tty from 'node:tty';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckedOutput } from '../../../src/files/index.js';
import { isGoneTerminal } from '../../../src/files/terminals.js';
import { OutputWriteError, TerminalGoneError } from '../../../src/errors.js';
import { tempDir } from '../support/run.js';

const eio = () => Object.assign(new Error('EIO: i/o error, write'), { errno: -5, code: 'EIO', syscall: 'write' });

/** A descriptor taken for a terminal while `seen` runs (isatty answers yes for it), then a closed one (no). */
function seenAsTerminal<T>(fd: number, seen: () => T): T {
  const real = tty.isatty;
  const spy = vi.spyOn(tty, 'isatty').mockImplementation((n) => n === fd || real(n));
  try {
    return seen();
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('stdout written to a terminal that is gone, or to a file on its descriptor', () => {
  it('the terminal itself failing with EIO is its hang-up (TerminalGoneError)', () => {
    const fd = fs.openSync(path.join(tempDir(), 'tty-stand-in'), 'w');
    try {
      const out = seenAsTerminal(fd, () => new CheckedOutput(fd));
      vi.spyOn(fs, 'writeSync').mockImplementation(() => { throw eio(); });
      expect(isGoneTerminal(fd)).toBe(true);
      expect(() => out.write('report\n')).toThrow(TerminalGoneError);
    } finally {
      fs.closeSync(fd);
    }
  });

  it('the descriptor closed and reused for a file: an EIO writing it is the disk\'s, "cannot write the output", not the hang-up (CheckedOutput asked only isatty)', () => {
    const dir = tempDir();
    const fd = fs.openSync(path.join(dir, 'tty-stand-in'), 'w');
    const out = seenAsTerminal(fd, () => new CheckedOutput(fd));
    fs.closeSync(fd);
    const reused = fs.openSync(path.join(dir, 'a-file'), 'w');
    try {
      expect(reused).toBe(fd);
      vi.spyOn(fs, 'writeSync').mockImplementation(() => { throw eio(); });
      expect(isGoneTerminal(fd)).toBe(false);
      let thrown: unknown;
      try {
        out.write('report\n');
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(OutputWriteError);
      expect((thrown as Error).message).toMatch(/^cannot write the output: /);
    } finally {
      fs.closeSync(reused);
    }
  });
});
