import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../support/cli.js';

/**
 * `skillsnet --help` is held to 1.5× a bare `node -e 0` (bench/RESULTS.md measures it).
 * Timing is too noisy for a test, so this checks the cause instead: which modules load.
 */
/** Runs node with a hook that logs every module it resolves; returns the run and the log. */
function loading(args: string[]): { status: number | null; stdout: string; loaded: string } {
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
  const r = spawnSync(process.execPath, ['--import', path.join(dir, 'register.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, loaded: fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '' };
}

describe('start-up', () => {
  it('--help loads no heavy module (SQLite, chalk, exceljs, the solver, parsers, prompts)', () => {
    const r = loading([BIN, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: skillsnet');
    const loaded = r.loaded;
    expect(loaded).toContain('dist/cli/main.js');
    for (const heavy of ['better-sqlite3', 'chalk', 'exceljs', 'highs', 'csv-parse', '@inquirer', 'cli-table3', 'tinyld', 'i18n-iso-countries', 'iconv-lite', '/db/']) {
      expect(loaded, `${heavy} is loaded by --help`).not.toContain(heavy);
    }
  });

  // The database is the library's lowest layer: opening it must not bring the terminal along.
  it('the database module loads no terminal package (chalk, tables, prompts, commander)', () => {
    const r = loading(['--input-type=module', '-e', `await import(${JSON.stringify(path.join(ROOT, 'dist', 'db', 'connection.js'))})`]);
    expect(r.status).toBe(0);
    expect(r.loaded).toContain('dist/db/connection.js');
    expect(r.loaded).toContain('better-sqlite3');
    for (const terminal of ['chalk', 'cli-table3', '@inquirer', 'commander', 'cli-progress', '/cli/', '/ui/']) {
      expect(r.loaded, `${terminal} is loaded with the database`).not.toContain(terminal);
    }
  });
});
