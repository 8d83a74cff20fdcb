import { execFileSync, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../dist/db/connection.js';
import { insertApplication } from '../../dist/db/applications.js';
import { tagsOf } from '../../dist/db/tags.js';
import { BIN, tempDir } from './support/cli.js';

/** tag review in a real terminal: tmux runs it, send-keys types, capture-pane reads the screen. */
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `skillsnet-review-${process.pid}`;
const lockSession = `${session}-lock`;
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = (of = session) => tmux('capture-pane', '-t', of, '-p', '-S', '-200');

async function waitFor(text: string | RegExp, timeoutMs = 20_000, of = session): Promise<string> {
  const started = Date.now();
  for (;;) {
    const s = screen(of);
    if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${text}; screen:\n${s}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

afterAll(() => {
  if (hasTmux) for (const s of [session, lockSession]) spawnSync('tmux', ['kill-session', '-t', s]);
});

/** Two applications to review, in a new database. */
function reviewDb(): string {
  const dbPath = path.join(tempDir(), 'tmux.db');
  const db = openDatabase(dbPath, { create: true });
  insertApplication(db, '2020', { organization: 'Garage School', language: 'en', title: 'Apprenticeships in garages', description: 'Apprentices learn with master mechanics and pass a trade test.' });
  insertApplication(db, '2020', { organization: 'Taller Abierto', language: 'es', title: 'Emprendedoras rurales', description: 'Emprendimiento y planes de negocio para mujeres campesinas.' });
  db.close();
  return dbPath;
}

describe.skipIf(!hasTmux)('tag review in a terminal (tmux)', () => {
  it('shows the text and suggestions, saves an accepted decision at once and stops when asked', async () => {
    const dbPath = reviewDb();

    tmux('new-session', '-d', '-s', session, '-x', '110', '-y', '50',
      `${process.execPath} ${BIN} tag review --db ${dbPath}; echo "EXIT=$?"; sleep 60`);
    let s = await waitFor('Application 1: your decision');
    expect(s).toMatch(/\[1\/2\] #1 Garage School/);
    expect(s).toMatch(/Apprenticeships in garages/);
    expect(s).toMatch(/● work-based-learning \d+%/);
    expect(s).toMatch(/❯ Accept: .*work-based-learning/);

    tmux('send-keys', '-t', session, 'Enter');
    s = await waitFor('Application 2: your decision');
    expect(s).toMatch(/saved: .*work-based-learning/);
    // Saved before the next question is even answered.
    const check = openDatabase(dbPath);
    expect(tagsOf(check, 1).filter((t) => t.source === 'officer' && t.state === 'on').map((t) => t.category)).toContain('work-based-learning');
    check.close();

    // Accept, Choose categories…, Skip, Stop: three down to Stop.
    tmux('send-keys', '-t', session, 'Down', 'Down', 'Down', 'Enter');
    s = await waitFor('EXIT=');
    expect(s).toMatch(/Reviewed 1, skipped 0; 1 still needs a decision/);
    expect(s).toMatch(/EXIT=0/);
  }, 60_000);

  it('keeps the keys typed while it waits for another program\'s write lock for the next question (they were dropped as stale)', async () => {
    const dbPath = reviewDb();
    tmux('new-session', '-d', '-s', lockSession, '-x', '110', '-y', '50',
      `${process.execPath} ${BIN} tag review --db ${dbPath}; echo "EXIT=$?"; sleep 60`);
    await waitFor('Application 1: your decision', 20_000, lockSession);
    // another program takes the write lock and keeps it until told
    const holder = spawn(process.execPath, ['--input-type=module', '-e',
      `import Database from 'better-sqlite3'; const db = new Database(process.argv[1]); db.exec('BEGIN IMMEDIATE'); console.log('held');
       process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });`, dbPath], { stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    try {
      // Accept the first: its save waits for the lock. Meanwhile the officer answers the second: Stop.
      tmux('send-keys', '-t', lockSession, 'Enter');
      await new Promise((r) => setTimeout(r, 700));
      tmux('send-keys', '-t', lockSession, 'Down', 'Down', 'Down', 'Enter');
      await new Promise((r) => setTimeout(r, 700));
    } finally {
      holder.stdin!.write('go\n');
    }
    const s = await waitFor('EXIT=', 20_000, lockSession);
    expect(s).toMatch(/Application 2: your decision Stop reviewing/);
    expect(s).toMatch(/Reviewed 1, skipped 0; 1 still needs a decision/);
    expect(s).toMatch(/EXIT=0/);
  }, 60_000);
});
