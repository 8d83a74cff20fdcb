import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';

/**
 * The built CLI on random bytes (the importer's properties are fuzzed in process in
 * test/unit/import/fuzz.slow.test.ts): exit 0 or 1, one error line, never a stack trace.
 */
describe('hostile input to skillsnet import (fast-check, built CLI)', () => {
  it('the built CLI on random bytes: exit 0 or 1, one error line, no stack trace', () => {
    const cliDir = tempDir('skillsnet-fuzz-cli-');
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 2000 }), (bytes) => {
        const file = path.join(cliDir, 'random.csv');
        fs.writeFileSync(file, bytes);
        const r = runCli(['--db', path.join(cliDir, 'cli.db'), 'import', file, '--call', 'x', '--json'], { timeout: 20_000 });
        expect([0, 1]).toContain(r.code);
        expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
        if (r.code === 1) expect(r.stderr).toMatch(/^error: /m);
        else {
          const j = JSON.parse(r.stdout);
          expect(j.rows).toBe(j.inserted + j.updated + j.unchanged + j.rejected);
        }
      }),
      { numRuns: 8 },
    );
  }, 60_000);
});
