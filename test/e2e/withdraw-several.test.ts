import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../dist/db/connection.js';
import { insertApplication } from '../../dist/db/applications.js';
import { BIN, json, runCli, tempDir } from './support/cli.js';

/**
 * withdraw of several IDs on a terminal (util-linux `script` gives the command a pty): one
 * question naming each application with its organisation; no withdraws none, yes all of them.
 */
const hasScript = spawnSync('script', ['--version']).status === 0;

function answered(args: string[], answer: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    // (SHELL: CI has none, and dash writes its own "Hangup" lines into the output)
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, SHELL: '/bin/bash', TERM: 'xterm-256color', NO_COLOR: '1' } });
    let screen = '';
    let sent = false;
    const timer = setTimeout(() => { child.kill(); reject(new Error(`no question; screen:\n${screen}`)); }, 30_000);
    child.stdout.on('data', (d: Buffer) => {
      screen += d.toString('utf8');
      if (!sent && /\?/.test(screen)) {
        sent = true;
        child.stdin.write(answer);
      }
    });
    child.on('close', () => { clearTimeout(timer); resolve(screen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')); });
  });
}

describe.skipIf(!hasScript)('withdraw ID ID on a terminal', () => {
  it('asks once, naming each with its organisation; no changes nothing, yes withdraws both', async () => {
    const dbPath = path.join(tempDir(), 'withdraw.db');
    const db = openDatabase(dbPath, { create: true });
    const a = insertApplication(db, '2021', { organization: 'Garage School', country: 'KE', region: 'Africa', language: 'en', score: 8 });
    const b = insertApplication(db, '2021', { organization: 'Taller Abierto', country: 'PE', region: 'Americas', language: 'es', score: 7 });
    insertApplication(db, '2021', { organization: 'Atelier Ouvert', country: 'SN', region: 'Africa', language: 'fr', score: 6 });
    db.close();
    const ids = [String(a), String(b)];
    const listed = () => json(runCli(['--db', dbPath, 'list', '--json'])).map((x: { organization: string }) => x.organization).sort();
    const no = await answered(['--db', dbPath, 'withdraw', ...ids], 'n\r');
    expect(no).toMatch(new RegExp(`Withdraw application ${a} \\(Garage School\\), application ${b} \\(Taller Abierto\\)\\?`));
    expect(no).toMatch(/Nothing changed: none was withdrawn\./);
    expect(listed()).toEqual(['Atelier Ouvert', 'Garage School', 'Taller Abierto']);
    const yes = await answered(['--db', dbPath, 'withdraw', ...ids], 'y\r');
    expect(yes).toMatch(new RegExp(`Undo: skillsnet withdraw ${a} ${b} --undo`));
    expect(listed()).toEqual(['Atelier Ouvert']);
  }, 60_000);
});
