/** main(): the whole CLI in process, returning its exit code, writing only through the IO it is given. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { bufferIO } from '../../../src/cli/io.js';
import { tempDir } from '../support/run.js';

describe('main() in process', () => {
  it('returns the exit code instead of exiting and writes through the injected IO', async () => {
    const dir = tempDir();
    const { io, stdout } = bufferIO();
    const code = await main(['node', 'skillsnet', 'init', '--json', '--db', path.join(dir, 'a.db')], { makeIO: () => io });
    expect(code).toBe(0);
    expect(JSON.parse(stdout()).created).toBe(true);
  });
});
