import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../support/cli.js';

/**
 * `skillsnet --help` is held to 1.5× a bare `node -e 0` (bench/RESULTS.md measures it).
 * Timing is too noisy for a test, so this checks the cause instead: which modules load.
 */
describe('start-up', () => {
  it('--help loads no heavy module (SQLite, chalk, exceljs, the solver, parsers, prompts)', () => {
    const dir = tempDir();
    const log = path.join(dir, 'loaded.txt');
    fs.writeFileSync(
      path.join(dir, 'hooks.mjs'),
      `import fs from 'node:fs';
       export async function resolve(specifier, context, next) {
         const r = await next(specifier, context);
         fs.appendFileSync(${JSON.stringify(log)}, r.url + '\\n');
         return r;
       }`,
    );
    fs.writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module'; register('./hooks.mjs', import.meta.url);`);
    const r = spawnSync(process.execPath, ['--import', path.join(dir, 'register.mjs'), BIN, '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: skillsnet');
    const loaded = fs.readFileSync(log, 'utf8');
    expect(loaded).toContain('dist/cli/main.js');
    for (const heavy of ['better-sqlite3', 'chalk', 'exceljs', 'highs', 'csv-parse', '@inquirer', 'cli-table3', 'tinyld', 'i18n-iso-countries', 'iconv-lite', '/db/']) {
      expect(loaded, `${heavy} is loaded by --help`).not.toContain(heavy);
    }
  });
});
