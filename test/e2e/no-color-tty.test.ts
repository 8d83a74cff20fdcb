import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../dist/db/connection.js';
import { insertApplication } from '../../dist/db/applications.js';
import { BIN, tempDir } from './support/cli.js';

/**
 * --no-color on a real terminal (util-linux `script` gives the command a pty): the question
 * `select` asks before saving comes from the prompt library, which colours by itself unless told
 * otherwise. CONTRACT: NO_COLOR and --no-color are honoured, the flag as the variable.
 */
const hasScript = spawnSync('script', ['--version']).status === 0;
/** SGR sequences (colour, bold, dim); cursor movements are not colour. */
const COLOUR = /\x1b\[[0-9;]*m/;

function onTerminal(args: string[], answer: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, TERM: 'xterm-256color' };
    delete childEnv.NO_COLOR;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: childEnv });
    let screen = '';
    let answered = false;
    const timer = setTimeout(() => { child.kill(); reject(new Error(`no prompt; screen:\n${screen}`)); }, 30_000);
    child.stdout.on('data', (d: Buffer) => {
      screen += d.toString('utf8');
      if (!answered && /Save this roster/.test(screen)) {
        answered = true;
        child.stdin.write(answer);
      }
    });
    child.on('close', () => { clearTimeout(timer); resolve(screen); });
  });
}

describe.skipIf(!hasScript)('--no-color on a terminal', () => {
  it('select asks before saving without colour codes, as with NO_COLOR', async () => {
    const dbPath = path.join(tempDir(), 'tty.db');
    const db = openDatabase(dbPath, { create: true });
    insertApplication(db, '2020', { organization: 'Garage School', country: 'KE', region: 'Africa', language: 'en', score: 8 });
    insertApplication(db, '2020', { organization: 'Taller Abierto', country: 'PE', region: 'Americas', language: 'es', score: 7 });
    insertApplication(db, '2020', { organization: 'Atelier Ouvert', country: 'SN', region: 'Africa', language: 'fr', score: 6 });
    db.close();
    // FORCE_COLOR as CI systems set it: the flag wins over the environment.
    const env = { FORCE_COLOR: '1' };
    const screen = await onTerminal(['--db', dbPath, 'select', '--size', '2', '--name', 'tty', '--no-color'], 'n\r', env);
    expect(screen).toMatch(/Save this roster as tty\?/);
    expect(screen).toMatch(/Not saved/);
    expect(screen).not.toMatch(COLOUR);
  }, 60_000);
});
