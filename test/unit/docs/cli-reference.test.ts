import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
// A plain JavaScript script, shared with `npm run docs:cli`; here it reads the program from src/.
// @ts-ignore
import { REFERENCE, loadProgram, renderReference } from '../../../scripts/cli-reference.mjs';
import * as main from '../../../src/cli/main.js';
import * as commands from '../../../src/cli/commands.js';

describe('docs/reference/cli.md', () => {
  it('matches the commands\' definitions (after changing a command\'s options or help: npm run docs:cli)', async () => {
    const fresh: string = renderReference(await loadProgram(main, commands));
    const committed = fs.existsSync(REFERENCE) ? fs.readFileSync(REFERENCE, 'utf8') : '';
    // Compare line by line first, so a failure shows the lines that differ rather than two whole files.
    const a = committed.split('\n');
    const b = fresh.split('\n');
    const first = b.findIndex((line, i) => line !== a[i]);
    expect(first === -1 && a.length === b.length, `docs/reference/cli.md is stale from line ${first + 1}: run npm run docs:cli\n- ${a[first]}\n+ ${b[first]}`).toBe(true);
  });
});
