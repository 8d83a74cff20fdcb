import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../dist/db/connection.js';
import { insertApplication } from '../../dist/db/applications.js';
import { tagsOf } from '../../dist/db/tags.js';
import { BIN, tempDir } from './support/cli.js';

/** tag review in a real terminal: tmux runs it, send-keys types, capture-pane reads the screen. */
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `skillsnet-review-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-t', session, '-p', '-S', '-200');

async function waitFor(text: string | RegExp, timeoutMs = 20_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const s = screen();
    if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${text}; screen:\n${s}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['kill-session', '-t', session]);
});

describe.skipIf(!hasTmux)('tag review in a terminal (tmux)', () => {
  it('shows the text and suggestions, saves an accepted decision at once and stops when asked', async () => {
    const dbPath = path.join(tempDir(), 'tmux.db');
    const db = openDatabase(dbPath, { create: true });
    insertApplication(db, '2020', { organization: 'Garage School', language: 'en', title: 'Apprenticeships in garages', description: 'Apprentices learn with master mechanics and pass a trade test.' });
    insertApplication(db, '2020', { organization: 'Taller Abierto', language: 'es', title: 'Emprendedoras rurales', description: 'Emprendimiento y planes de negocio para mujeres campesinas.' });
    db.close();

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
});
