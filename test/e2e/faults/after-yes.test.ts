import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, dumpOf, requireTerminal, run, tempDir } from './support.js';

/**
 * The terminal hanging up right after the officer answered "yes" to a destructive command's
 * question (the SSH session dropped, the window closed, `script` killed): the command ends with
 * exit 129 and one `error:` line, and the database holds either the whole confirmed change or none
 * of it, as that line says; the file is sound and no temporary file is left beside it.
 *
 * Two ways the hang-up comes: the terminal's other end closed (its shell survives, as a login
 * shell waiting for its command does, and passes no SIGHUP on: the command learns of it when it
 * next writes to the terminal, or goes on to its end when it writes there no more), and SIGHUP
 * sent to the command with the terminal still there. Each waits for events (the question on the screen, the answer echoed), never a sleep.
 */
let demo: string;

beforeAll(() => {
  const dir = tempDir('skillsnet-after-yes-');
  const made = run(['demo', '--out', dir], { timeout: 180_000 });
  if (made.code !== 0) throw new Error(`the demo could not be built:\n${made.stderr}`);
  demo = path.join(dir, 'skillsnet.db');
  // (a roster that no cohort was accepted from, for roster delete)
  const trial = run(['--db', demo, 'select', '--size', '10', '--name', 'trial', '--yes', '--quiet'], { timeout: 180_000 });
  if (trial.code !== 0) throw new Error(`the trial roster could not be saved:\n${trial.stderr}`);
}, 240_000);

/** A copy of the demo database in a folder of its own. */
function copy(name: string): { dir: string; db: string } {
  const dir = tempDir(`skillsnet-after-yes-${name}-`);
  const db = path.join(dir, 'skillsnet.db');
  const r = run(['--db', demo, 'db', 'backup', db]);
  if (r.code !== 0) throw new Error(r.stderr);
  // (in WAL, as skillsnet leaves its files, so that a writer's lock leaves readers be; a backup comes out in rollback-journal mode)
  const wal = new Database(db);
  wal.pragma('journal_mode = WAL');
  wal.close();
  return { dir, db };
}

function query<T>(db: string, sql: string, ...params: unknown[]): T {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).pluck().get(...params) as T;
  } finally {
    d.close();
  }
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const plain = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

/**
 * The command on a terminal (`script` gives it a pty), run by a shell that outlives the hang-up
 * and writes the command's exit code to `rc`; the command's stderr goes to a file, its pid to
 * another (the shell's own, which exec hands to node).
 */
function onTerminal(dir: string, args: string[]) {
  requireTerminal();
  const rc = path.join(dir, 'rc');
  const err = path.join(dir, 'stderr');
  const pidFile = path.join(dir, 'pid');
  const node = `exec ${q(process.execPath)} ${q(BIN)} ${args.map(q).join(' ')}`;
  const line = `trap 'echo hup >> ${q(rc)}' HUP; /bin/bash -c ${q(`echo $$ > ${q(pidFile)}; ${node}`)} 2> ${q(err)}; echo "exit $?" >> ${q(rc)}`;
  // (SHELL named: dash, the /bin/sh `script` runs where SHELL is unset, writes its own "Hangup")
  const terminal = spawn('script', ['-qfec', line, '/dev/null'], { cwd: ROOT, env: { ...process.env, SHELL: '/bin/bash', SKILLSNET_DB: '', TERM: 'xterm-256color' } });
  let screen = '';
  terminal.stdout!.on('data', (d: Buffer) => { screen += d.toString('utf8'); });
  const closed = new Promise<void>((resolve) => terminal.on('close', () => resolve()));
  const until = async (ok: () => boolean, what: string, ms = 90_000) => {
    const end = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`${what} within ${ms} ms; the terminal showed:\n${plain(screen)}\nstderr:\n${fs.existsSync(err) ? fs.readFileSync(err, 'utf8') : ''}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return {
    /** What it shows, each run of blanks one space (a question is wrapped to the terminal's width). */
    screen: () => plain(screen).replace(/\s+/g, ' '),
    until,
    type: (text: string) => terminal.stdin!.write(text),
    pid: () => Number(fs.readFileSync(pidFile, 'utf8').trim()),
    /** The terminal's other end closed: what the window or the SSH session does. */
    close: () => {
      terminal.kill('SIGKILL');
      return closed;
    },
    /** The command's exit code as the shell saw it, and its stderr, once it ended. */
    ended: async () => {
      await until(() => fs.existsSync(rc) && /exit \d+/.test(fs.readFileSync(rc, 'utf8')), 'the command did not end');
      return { rc: fs.readFileSync(rc, 'utf8'), stderr: fs.readFileSync(err, 'utf8') };
    },
  };
}

interface Case {
  name: string;
  args: (db: string) => string[];
  /** The questions answered yes, in order (what each shows). */
  questions: RegExp[];
  /** Whether the database holds the whole confirmed change (every step of it). */
  done: (db: string) => boolean;
  /** The error line when nothing was changed, and when all was. */
  kept: RegExp;
  changed: RegExp;
  /** What must be as it was when nothing of the confirmed change was made (default: every table). */
  state?: (db: string) => string;
}

/** The rows of some tables, as one text. */
const rowsOf = (...tables: string[]) => (db: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return tables.map((t) => JSON.stringify(d.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).raw().all())).join('\n');
  } finally {
    d.close();
  }
};

/** Every application that holds a member's seat of core-2020 belongs to an organisation in the Core Group 2020. */
const cohortFollowsRoster = (db: string) => query<number>(db, `
  SELECT count(*) FROM roster_members rm JOIN rosters r ON r.id = rm.roster_id JOIN applications a ON a.id = rm.application_id
  WHERE r.name = 'core-2020' AND rm.role = 'member' AND NOT EXISTS (
    SELECT 1 FROM members m JOIN member_roles mr ON mr.member_id = m.id
    WHERE m.organization_id = a.organization_id AND mr.role = 'core-group' AND mr.cohort = '2020')`) === 0;
const inRoster = (db: string, app: number) => query<number>(db, "SELECT count(*) FROM roster_members rm JOIN rosters r ON r.id = rm.roster_id WHERE r.name = 'core-2020' AND rm.role = 'member' AND rm.application_id = ?", app) > 0;

const CASES: Case[] = [
  {
    name: 'merge org-2 into org-1',
    args: (db) => ['--db', db, 'merge', 'org-1', 'org-2'],
    questions: [/Merge org-2 into org-1\?/],
    done: (db) => query<number | null>(db, 'SELECT merged_into FROM organizations WHERE id = 2') === 1 && query<number>(db, 'SELECT count(*) FROM applications WHERE organization_id = 2') === 0,
    kept: /; nothing was merged$/,
    changed: /; org-2 was merged into org-1 \(change \d+ in the history\)$/,
  },
  {
    name: 'merge member-2 into member-1',
    args: (db) => ['--db', db, 'merge', 'member-1', 'member-2'],
    questions: [/Merge member-2 into member-1\?/],
    done: (db) => query<number | null>(db, 'SELECT merged_into FROM members WHERE id = 2') === 1,
    kept: /; nothing was merged$/,
    changed: /; member-2 was merged into member-1 \(change \d+ in the history\)$/,
  },
  {
    name: 'roster replace (a roster accepted as the Core Group: its cohort follows)',
    args: (db) => ['--db', db, 'roster', 'replace', 'core-2020', '25'],
    questions: [/Replace #25 .* in core-2020\?/],
    done: (db) => !inRoster(db, 25) && cohortFollowsRoster(db),
    kept: /; roster core-2020 is as it was$/,
    changed: /; the change to roster core-2020 was saved$/,
  },
  {
    name: 'member set --status declined, the seat offered and taken',
    args: (db) => ['--db', db, 'member', 'set', 'member-25', '--status', 'declined'],
    questions: [/Offer it to the best alternate now\?/, /Replace #25 .* in core-2020\?/],
    done: (db) => !inRoster(db, 25) && cohortFollowsRoster(db),
    // (the decline is saved before the seat is offered: the line says so either way)
    kept: /; member-25 was changed \(status; change \d+ in the history\); roster core-2020 is as it was$/,
    changed: /; member-25 was changed \(status; change \d+ in the history\); the change to roster core-2020 was saved$/,
    state: rowsOf('roster_members', 'member_roles'),
  },
  {
    name: 'roster delete',
    args: (db) => ['--db', db, 'roster', 'delete', 'trial'],
    questions: [/Delete roster trial /],
    done: (db) => query<number>(db, "SELECT count(*) FROM rosters WHERE name = 'trial'") === 0,
    kept: /; roster trial was kept$/,
    changed: /; roster trial was deleted$/,
  },
  {
    name: 'roster retire',
    args: (db) => ['--db', db, 'roster', 'retire', 'core-2020'],
    questions: [/of cohort 2020 \(invited or active\) to alumni\?/],
    done: (db) => query<number>(db, "SELECT count(*) FROM members m JOIN member_roles r ON r.member_id = m.id WHERE r.role = 'core-group' AND r.cohort = '2020' AND m.status IN ('invited', 'active')") === 0,
    kept: /; cohort 2020 is as it was$/,
    changed: /; \d+ members of cohort 2020 became alumni \(each change in the history\)$/,
  },
  {
    name: 'event delete',
    args: (db) => ['--db', db, 'event', 'delete', '1'],
    questions: [/Delete event 1 /],
    done: (db) => query<number>(db, 'SELECT count(*) FROM events WHERE id = 1') === 0 && query<number>(db, 'SELECT count(*) FROM event_invitations WHERE event_id = 1') === 0,
    kept: /; event 1 was kept$/,
    changed: /; event 1 was deleted$/,
  },
  {
    name: 'select, a roster of that name replaced',
    args: (db) => ['--db', db, 'select', '--size', '12', '--name', 'trial'],
    questions: [/A roster named trial exists\. Replace it with this one\?/],
    done: (db) => query<number>(db, "SELECT count(*) FROM roster_members rm JOIN rosters r ON r.id = rm.roster_id WHERE r.name = 'trial' AND rm.role = 'member'") === 12,
    kept: /; no roster was saved$/,
    changed: /; roster trial was saved \(skillsnet roster show trial shows it\)$/,
  },
  {
    name: 'erase',
    args: (db) => ['--db', db, 'erase', '133'],
    questions: [/Erase them\?/],
    done: (db) => query<number>(db, 'SELECT count(*) FROM applications WHERE id = 133 AND email IS NULL AND contact_name IS NULL') === 1,
    kept: /; nothing was erased$/,
    changed: /was erased (and the database file rebuilt; nothing was undone|from every table \(change \d+ in the history\); the database file is being rebuilt[^\n]*)$/,
  },
];

describe.each([['the terminal closed'], ['SIGHUP to the command']] as const)('%s right after "yes"', (how) => {
  it.each(CASES)('$name: exit 129, one error: line, the whole change or none of it as that line says', async (c) => {
    const { dir, db } = copy(c.name.replace(/\W+/g, '-'));
    expect(c.done(db), 'the change is already in the copy').toBe(false);
    const state = c.state ?? dumpOf;
    const before = state(db);
    const out = tempDir('skillsnet-after-yes-term-');
    const terminal = onTerminal(out, c.args(db));
    const err = path.join(out, 'stderr');
    let ended: { rc: string; stderr: string } | undefined;
    // Another program holds the write lock from the last question on: the command, told yes, cannot
    // be done before the hang-up comes (a merge takes milliseconds), and goes on once it is given back.
    let other: Database.Database | undefined;
    try {
      for (const [i, question] of c.questions.entries()) {
        await terminal.until(() => question.test(terminal.screen()), `no question ${question}`);
        if (i === c.questions.length - 1) {
          other = new Database(db);
          other.exec('BEGIN IMMEDIATE');
        }
        terminal.type('y\r');
        // (the answer echoed: inquirer draws the question again, answered, wrapped on lines of the terminal's width)
        await terminal.until(() => (terminal.screen().match(/✔[^✔]*?Yes/g) ?? []).length > i, `the answer to ${question} was not taken`);
      }
      if (how === 'SIGHUP to the command') {
        // (once it says it waits, with the event loop free: sent during one of SQLite's short
        // synchronous waits, it is heard only when the command has done all and ended, exit 0)
        await terminal.until(() => fs.existsSync(err) && /Waiting for another skillsnet command/.test(fs.readFileSync(err, 'utf8')), 'the command did not say it waits for the write lock');
        process.kill(terminal.pid(), 'SIGHUP');
        // The lock is given back only once the command has ended: given back at once, a loaded
        // machine ran the command's next try for it before the signal's handler, the whole change
        // was made and it ended 0 (the signal sent, not yet heard). Held, the command can only end
        // by hearing it (its wait is made of short tries with the event loop free between them).
        ended = await terminal.ended();
      } else await terminal.close();
      other?.exec('ROLLBACK');
      ended ??= await terminal.ended();
    } finally {
      other?.close();
      void terminal.close();
    }
    const { rc, stderr } = ended;
    expect(query<string>(db, 'PRAGMA integrity_check')).toBe('ok');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('-journal'))).toEqual([]);
    if (how === 'the terminal closed' && /exit 0/.test(rc)) {
      // The terminal closed and no hang-up came (its shell, still running, did not pass it on), and
      // the command wrote nothing to it (its messages go to a file here): it went on to its end,
      // as it does when no question is asked. The whole change, and no error.
      expect(c.done(db), stderr).toBe(true);
      expect(stderr, stderr).not.toMatch(/^error:/m);
      return;
    }
    expect(rc, stderr).toMatch(/exit 129/);
    expect(stderr).not.toMatch(/Assertion|Native stack|unexpected|\n\s+at /);
    const errors = stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(errors, stderr).toHaveLength(1);
    expect(errors[0]).toMatch(/^error: interrupted \(SIGHUP\); /);
    // (told of the hang-up while it waited for the lock, the command can have done nothing)
    if (how === 'SIGHUP to the command') expect(c.done(db), errors[0]).toBe(false);
    if (c.done(db)) expect(errors[0], 'the change was made').toMatch(c.changed);
    else {
      expect(errors[0], 'the change was not made').toMatch(c.kept);
      expect(state(db) === before, 'neither the whole change nor none of it').toBe(true);
    }
  }, 180_000);
});

describe('roster replace: a hang-up the moment after "yes" (while the command loads what it needs next)', () => {
  it('the whole replacement, cohort included, and the line says so (the roster was changed, its cohort not, and the line said "roster core-2020 is as it was")', () => {
    const { dir, db } = copy('replace-gap');
    const script = path.join(dir, 'replace.mjs');
    // The command as main runs it, a terminal's prompts whose yes comes with the hang-up: the
    // signal is heard at the first moment the command lets the event loop run.
    fs.writeFileSync(script, [
      `const { installSignalHandlers } = await import(${JSON.stringify(path.join(ROOT, 'dist/cli/signals.js'))});`,
      `const { main } = await import(${JSON.stringify(path.join(ROOT, 'dist/cli/main.js'))});`,
      `const { bufferIO } = await import(${JSON.stringify(path.join(ROOT, 'dist/cli/io.js'))});`,
      `installSignalHandlers(process.stderr);`,
      `const yes = async () => { process.kill(process.pid, 'SIGHUP'); return true; };`,
      `const prompts = { confirm: yes, select: yes, checkbox: yes, input: yes };`,
      `const streams = { stdout: process.stdout, stderr: process.stderr };`,
      `const makeIO = () => ({ ...bufferIO({ tty: true, prompts: async () => prompts }).io, ...streams });`,
      `const code = await main(['node', 'skillsnet', '--db', ${JSON.stringify(db)}, 'roster', 'replace', 'core-2020', '25'], { makeIO, streams });`,
      `process.stderr.write('ended without the hang-up: ' + code + '\\n');`,
    ].join('\n'));
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL' });
    // Heard at once (exit 129 and its line) or, the change made without a pause, once all was done
    // (exit 0): either way the whole replacement, and never a line saying the roster is as it was.
    expect([0, 129], r.stderr).toContain(r.status);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(errors).toEqual(r.status === 129 ? ['error: interrupted (SIGHUP); the change to roster core-2020 was saved'] : []);
    expect(inRoster(db, 25)).toBe(false);
    expect(cohortFollowsRoster(db)).toBe(true);
  }, 150_000);
});
