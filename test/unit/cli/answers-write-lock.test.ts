import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withDatabase } from '../../../src/cli/context.js';
import { bufferIO } from '../../../src/cli/io.js';
import { scriptedPrompts } from '../../../src/ui/prompts.js';
import { tempDir } from '../support/run.js';

// A writing command waits for the write lock after each question the officer answers (another
// program may have begun writing while they read it), so that its write that follows is not sent
// into SQLite's blocking busy wait. A confirmation answered no is a refusal: nothing is written
// after it, and it was held until the other program finished (erase's "No" waited minutes
// behind an import before "Nothing erased.").
const turn = () => new Promise((resolve) => setImmediate(resolve));
const settledWithin = async <T>(p: Promise<T>, ms: number): Promise<boolean> => {
  let settled = false;
  void p.then(() => { settled = true; }, () => { settled = true; });
  const until = Date.now() + ms;
  while (!settled && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  return settled;
};

describe('a question answered while another program holds the write lock', () => {
  it('a no to a confirmation comes back at once; a yes waits for the lock and goes on once it is free', async () => {
    const file = path.join(tempDir(), 'answers.db');
    const { io } = bufferIO({ tty: true, prompts: async () => scriptedPrompts([false, true]) });
    await withDatabase(file, { create: true, io }, async () => {
      // (the lock the command waited for at its start is given back at its first await)
      await turn();
      await turn();
      const other = new Database(file, { timeout: 0 });
      try {
        other.exec('BEGIN IMMEDIATE');
        const prompts = await io.prompts();
        // generous bounds: a loaded 2-CPU machine
        expect(await settledWithin(prompts.confirm('Erase them?', false), 5000)).toBe(true);
        const yes = prompts.confirm('Merge them?', true);
        expect(await settledWithin(yes, 600)).toBe(false);
        other.exec('COMMIT');
        expect(await settledWithin(yes, 10_000)).toBe(true);
        expect(await yes).toBe(true);
      } finally {
        if (other.inTransaction) other.exec('ROLLBACK');
        other.close();
      }
    });
  }, 30_000);
});
