import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, dumpOf, errorLine, fill, importedCall, interrupt, onTerminal, run, smallDisk, tempDir, writeCall } from './support.js';

/**
 * Ctrl-C while another program holds the database's write lock, and while a long write is under
 * way, on the commands whose writes moved into db functions today (erase, merge, member set,
 * edit, organization link, tag add, scores import): the process ends within about a second,
 * exits 130, says what was kept, and the database is as it was. And erase on a full disk, where
 * the erase is committed before the file is rebuilt: the message says it was erased.
 */
let work: string;
let db: string;

beforeAll(() => {
  work = tempDir('skillsnet-faults-lock-');
  const call = writeCall(path.join(work, 'call.csv'), 600, 21);
  db = path.join(work, 'call.db');
  const imported = run(['--db', db, 'import', call, '--call', '2020', '--quiet']);
  expect(imported.code, imported.stderr).toBe(0);
}, 120_000);

/** The bound from Ctrl-C to exit: 1.5 s at rest, more on a machine busier than it has processors. */
function bound(): number {
  return 1500 * Math.max(1, os.loadavg()[0]! / Math.max(1, os.cpus().length));
}

type Interrupted = Awaited<ReturnType<typeof interrupt>>;

/**
 * Ctrl-C at each fraction of a whole run's time (at least 700 ms in, past start-up), on a run
 * `start` prepares (a fresh copy of the database) and then judges. A run that ended before
 * Ctrl-C was sent (faster than the timed one) is a whole run: exit 0, nothing more to judge; one
 * still starting (slower) began nothing. Every other run ends within bound() of Ctrl-C; at least
 * one must be reached.
 */
async function interruptLate(fractions: number[], wholeRunMs: number, start: () => { args: string[]; judge: (r: Interrupted) => void }, startupMs?: number): Promise<void> {
  let signalled = 0;
  // The runs that ended before their Ctrl-C: on a machine whose load changes, the first whole run
  // can take twice as long as the next ones, and every Ctrl-C came after the end. Then a few more
  // runs, timed by the fastest run seen, so that the test judges at least one interrupted run.
  let fastest = wholeRunMs;
  const attempts = fractions.map((at) => ({ at, of: () => wholeRunMs }));
  for (const at of [0.5, 0.35, 0.6, 0.25]) attempts.push({ at, of: () => fastest });
  for (const [i, { at, of }] of attempts.entries()) {
    if (i >= fractions.length && signalled > 0) break;
    const { args, judge } = start();
    // (with the start-up measured, the fraction is of the work after it)
    const delay = startupMs === undefined ? Math.max(700, Math.round(of() * at)) : Math.round(startupMs + at * Math.max(0, of() - startupMs));
    const r = await interrupt(args, delay);
    if (r.afterSigint === null) {
      expect(r.code, r.stderr).toBe(0);
      fastest = Math.min(fastest, r.ms);
      continue;
    }
    // (on a loaded machine Ctrl-C can come while Node or skillsnet is still starting: nothing was begun, nothing to judge)
    if (r.signal === 'SIGINT' || /while starting; nothing was done$/m.test(r.stderr)) continue;
    signalled++;
    expect(r.afterSigint, `Ctrl-C at ${at} of ${wholeRunMs} ms: ${r.afterSigint} ms to exit (exit ${r.code})`).toBeLessThan(bound());
    judge(r);
  }
  expect(signalled, 'Ctrl-C reached at least one run before its end').toBeGreaterThan(0);
}

/** A copy of the database for one run. */
function copy(name: string): string {
  return copyOf(db, name);
}

function copyOf(from: string, name: string): string {
  const to = path.join(tempDir(`skillsnet-lock-${name}-`), 'call.db');
  expect(run(['--db', from, 'db', 'backup', to]).code).toBe(0);
  return to;
}

const WRITERS: [string, string[]][] = [
  ['erase', ['erase', 'applicant1@example.net', '--yes']],
  ['merge', ['merge', '1', '2', '--yes']],
  ['member set', ['member', 'set', 'member-3', '--role', 'partner']],
  ['edit', ['edit', '5', '--set', 'title=Renamed', '--yes']],
  ['organization link', ['organization', 'link', 'org-4', 'org-5', '--yes']],
  ['tag add', ['tag', 'add', '6', 'life-skills']],
  ['scores import', ['scores', 'import', '@scores']],
];

describe('Ctrl-C while another program holds the write lock', () => {
  it.each(WRITERS)('%s: ends at once with exit 130, the database as it was (SQLite\'s busy wait kept Ctrl-C waiting 8-10 s, then exit 1 with SQLITE_BUSY)', async (name, args) => {
    const target = copy(name.replace(/ /g, '-'));
    const scores = path.join(work, 'scores.csv');
    fs.writeFileSync(scores, 'Email,Reviewer,Score\napplicant1@example.net,Ana,7\n');
    const before = dumpOf(target);
    // Another program's transaction (sqlite3 holding BEGIN IMMEDIATE), for longer than the command waits.
    // (in WAL, as skillsnet leaves its files; a backup comes out in rollback-journal mode)
    const other = new Database(target);
    other.pragma('journal_mode = WAL');
    other.exec('BEGIN IMMEDIATE');
    try {
      const r = await interrupt(['--db', target, ...args.map((a) => (a === '@scores' ? scores : a))], 2500);
      expect(r.code, r.stderr).toBe(130);
      expect(r.afterSigint!, `${name}: ${r.afterSigint} ms from Ctrl-C to exit`).toBeLessThan(bound());
      expect(errorLine(r)).toMatch(/^error: interrupted \(SIGINT\); /);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(dumpOf(target)).toBe(before);
  }, 30_000);
});

/**
 * A reading command while another program holds the whole file (the first large import into a new
 * database writes in rollback-journal mode, its lock exclusive; here a connection in that mode
 * holding BEGIN EXCLUSIVE): it waited 10 s without a word, deaf to Ctrl-C, then failed. Decided
 * by events: the waiting line printed, then the lock given back or Ctrl-C sent; no sleeps.
 */
describe('a reading command while another program holds the file exclusively', () => {
  const WAITING = /^another skillsnet is writing to .*call\.db \(or an sqlite3 session holds it\); waiting, Ctrl-C to stop\.\.\.$/m;

  function holdExclusively(target: string): Database.Database {
    const other = new Database(target);
    other.pragma('journal_mode = DELETE');
    other.exec('BEGIN EXCLUSIVE');
    return other;
  }

  it.each(['stats', 'list --json', 'show 1 --json', 'db check'])('%s: says at once what it waits for, then prints what it prints without the wait', async (command) => {
    const args = command.split(' ');
    const target = copy(`read-wait-${args[0]}`);
    const unhindered = run(['--db', target, ...args]);
    expect(unhindered.code, unhindered.stderr).toBe(0);
    const other = holdExclusively(target);
    const child = spawn(process.execPath, [BIN, '--db', target, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', SKILLSNET_DB: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      // (the lock is given back once the line is printed, or the command has ended without it)
      await new Promise<void>((resolve) => {
        child.stderr.on('data', (d) => {
          stderr += d;
          if (WAITING.test(stderr)) resolve();
        });
        void exited.then(() => resolve());
      });
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    expect(await exited, stderr).toBe(0);
    expect(stderr).toMatch(WAITING);
    expect(stdout).toBe(unhindered.stdout);
    expect(stderr.replace(WAITING, '').trim()).toBe(unhindered.stderr.trim());
  }, 60_000);

  it('Ctrl-C while it waits ends it at once: exit 130, the usual interrupted line (SQLite\'s busy wait held Ctrl-C for 10 s, then exit 1)', async () => {
    const target = copy('read-wait-interrupted');
    const other = holdExclusively(target);
    try {
      // (while the lock is held the command cannot end by itself: only Ctrl-C, answered, ends it)
      const r = await interrupt(['--db', target, 'list', '--json'], (stderr) => WAITING.test(stderr));
      expect(r.code, r.stderr).toBe(130);
      expect(r.afterSigint!, `${r.afterSigint} ms from Ctrl-C to exit`).toBeLessThan(bound());
      expect(errorLine(r)).toMatch(/^error: interrupted \(SIGINT\); /);
      expect(r.stdout).toBe('');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  }, 60_000);
});

describe('another program takes the write lock while the officer answers a question', () => {
  /**
   * erase on a terminal: once it asks, another program (sqlite3 holding BEGIN IMMEDIATE) takes the
   * write lock, then the officer answers yes. The command had waited for the lock before asking
   * and given it back, so its write went into SQLite's busy wait.
   */
  async function eraseAnsweredWhileLocked(name: string) {
    const target = copy(name);
    const before = dumpOf(target);
    const term = onTerminal(['--db', target, 'erase', 'applicant3@example.net']);
    await term.shows(/Erase them\?/);
    const other = new Database(target);
    other.exec('BEGIN IMMEDIATE');
    const release = () => {
      if (!other.open) return;
      other.exec('ROLLBACK');
      other.close();
    };
    term.type('y\r');
    await term.shows(/Erase them\? This cannot be undone\.? .*Yes/);
    return { target, before, term, release };
  }

  it('erase waits for it with the event loop free, says so, and erases once it is gone (SQLite\'s busy wait gave up after 10 s: "database is locked", exit 1)', async () => {
    const { target, term, release } = await eraseAnsweredWhileLocked('answered-wait');
    // Held for longer than SQLite's own wait (10 s), released after the command said it waits.
    const held = setTimeout(release, 12_000);
    try {
      const r = await term.done;
      expect(r.code, r.screen).toBe(0);
      expect(r.screen).toMatch(/Waiting for another skillsnet command to finish writing/);
      expect(r.screen).toMatch(/^Erased person-\d+/m);
    } finally {
      clearTimeout(held);
      release();
    }
    const left = new Database(target, { readonly: true }).prepare("SELECT count(*) FROM applications WHERE email = 'applicant3@example.net'").pluck().get();
    expect(left).toBe(0);
  }, 60_000);

  it('Ctrl-C while erase waits for it: exit 130 at once, the database as it was (unanswered for the 10 s of SQLite\'s busy wait)', async () => {
    const { target, before, term, release } = await eraseAnsweredWhileLocked('answered-ctrl-c');
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const sent = term.type('\x03');
      const r = await term.done;
      expect(r.code, r.screen).toBe(130);
      expect(r.endedAt - sent, `${r.endedAt - sent} ms from Ctrl-C to exit`).toBeLessThan(bound());
      expect(r.screen).toMatch(/^error: interrupted \(SIGINT\); /m);
    } finally {
      release();
    }
    expect(dumpOf(target)).toBe(before);
  }, 60_000);
});

describe('scores import of a long sheet', () => {
  it('Ctrl-C while the scores are stored: answered within a second, and all or nothing is kept, as said (120,000 scores were stored in one 2 s block: Ctrl-C ignored, all saved, exit 0)', async () => {
    const emails = (new Database(db, { readonly: true }).prepare('SELECT email FROM applications WHERE email IS NOT NULL').pluck().all() as string[]);
    const rows = ['Email,Reviewer,Score'];
    for (let r = 1; rows.length < 150_000; r++) for (const [i, e] of emails.entries()) rows.push(`${e},Reviewer ${r},${(i * r) % 10}`);
    const sheet = path.join(work, 'long-scores.csv');
    fs.writeFileSync(sheet, rows.join('\n') + '\n');
    const full = run(['--db', copy('scores-full'), 'scores', 'import', sheet, '--quiet']);
    expect(full.code, full.stderr).toBe(0);
    // Sent late in the run, where the scores are being stored (the sheet is read first).
    await interruptLate([0.6, 0.75, 0.9], full.ms, () => {
      const target = copy('scores');
      return {
        args: ['--db', target, 'scores', 'import', sheet, '--quiet'],
        judge: (r) => {
          const saved = new Database(target, { readonly: true }).prepare('SELECT count(*) FROM reviewer_scores').pluck().get() as number;
          if (r.code === 130) {
            expect(errorLine(r)).toBe('error: interrupted (SIGINT); no score was saved');
            expect(saved).toBe(0);
          } else {
            expect(r.code, r.stderr).toBe(0);
            expect(saved).toBeGreaterThan(0);
          }
        },
      };
    });
  }, 180_000);
});

describe('event attendance of a long report', () => {
  it('Ctrl-C while the rows are matched and stored: answered within a second, nothing kept (40,000 rows were stored and matched in one 2 s block: Ctrl-C ignored, all saved, exit 0)', async () => {
    const added = run(['--db', db, 'event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2021-03-29 15:00', '--tz', 'UTC', '--quiet']);
    expect(added.code, added.stderr).toBe(0);
    const rows = ['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest'];
    for (let i = 0; i < 40_000; i++) rows.push(`Guest ${i} Visitor,guest${i}@example.org,03/29/2021 03:00:00 PM,03/29/2021 03:40:00 PM,40,Yes`);
    const report = path.join(work, 'zoom-long.csv');
    fs.writeFileSync(report, rows.join('\n') + '\n');
    const full = run(['--db', copy('attendance-full'), 'event', 'attendance', '1', report, '--quiet']);
    expect(full.code, full.stderr).toBe(0);
    // Sent late in the run, where the rows are stored and matched (the report is read first).
    await interruptLate([0.55, 0.7, 0.85], full.ms, () => {
      const target = copy('attendance');
      const before = dumpOf(target);
      return {
        args: ['--db', target, 'event', 'attendance', '1', report, '--quiet'],
        judge: (r) => {
          if (r.code === 130) {
            expect(errorLine(r)).toMatch(/^error: interrupted \(SIGINT\); work in progress was rolled back/);
            expect(dumpOf(target)).toBe(before);
          } else {
            expect(r.code, r.stderr).toBe(0);
            expect(new Database(target, { readonly: true }).prepare('SELECT count(*) FROM attendance_rows').pluck().get()).toBe(40_000);
          }
        },
      };
    });
  }, 180_000);
});

describe('Ctrl-C during erase', () => {
  let large: string;
  beforeAll(() => {
    // Large enough that the rebuild of the file (the whole database written again) takes a while.
    large = importedCall('skillsnet-erase-large-', 8000, 5).db;
  }, 180_000);

  /** The address of applicant n in the large call. */
  const emailOf = (n: number) => {
    const reader = new Database(large, { readonly: true });
    try {
      return reader.prepare('SELECT email FROM applications WHERE email LIKE ?').pluck().get(`applicant${n}@%`) as string;
    } finally {
      reader.close();
    }
  };
  const holds = (file: string, text: string) => [file, `${file}-wal`].some((f) => fs.existsSync(f) && fs.readFileSync(f).includes(text));

  it('while the erase is worked out (its preview, a dry run): heard within a second, nothing changed (the preview was one synchronous block)', async () => {
    const who = emailOf(4);
    const target = copyOf(large, 'erase-preview');
    const before = dumpOf(target);
    const full = run(['--db', target, 'erase', who, '--dry-run', '--quiet']);
    expect(full.code, full.stderr).toBe(0);
    // Start-up and the search for the person, without the preview: an address no one has.
    const startup = run(['--db', target, 'erase', 'no.one@example.invalid', '--dry-run', '--quiet']);
    expect(startup.code).toBe(1);
    let stopped = 0;
    await interruptLate([0.3, 0.5, 0.7], full.ms, () => ({
      args: ['--db', target, 'erase', who, '--dry-run'],
      judge: (r) => {
        if (r.code === 0) {
          // (Ctrl-C as the report was printed: the dry run was over, and said so whole)
          expect(r.stdout).toMatch(/^Dry run: would erase person-\d+/m);
          return;
        }
        stopped++;
        expect(r.code, r.stderr).toBe(130);
        expect(errorLine(r)).toMatch(/^error: interrupted \(SIGINT\); work in progress was rolled back/);
      },
    }), startup.ms);
    // (one synchronous block, the preview heard Ctrl-C only at its end, where it printed its report and exited 0)
    expect(stopped, 'Ctrl-C stopped at least one dry run in its work').toBeGreaterThan(0);
    expect(dumpOf(target)).toBe(before);
  }, 180_000);

  it('while the file is rebuilt: heard at once, says the rebuild finishes first and why, and it does (the rebuild held Ctrl-C, then "rolled back" was said of a committed erase)', async () => {
    const who = emailOf(5);
    let caught = 0;
    for (let attempt = 0; attempt < 3 && caught === 0; attempt++) {
      const target = copyOf(large, 'erase-rebuild');
      const size = fs.statSync(target).size;
      // The rebuild writes the whole database into the WAL: Ctrl-C once the WAL is half its size.
      const inRebuild = () => fs.existsSync(`${target}-wal`) && fs.statSync(`${target}-wal`).size > size / 2;
      const r = await interrupt(['--db', target, 'erase', who, '--yes'], inRebuild);
      if (r.afterSigint === null) continue;
      caught++;
      expect(r.code, r.stderr).toBe(130);
      expect(errorLine(r)).toMatch(/^error: interrupted \(SIGINT\); person-\d+ was erased from every table \(change \d+ in the history\); the database file is being rebuilt so that their data leaves its bytes, which cannot stop halfway: finishing that first$/);
      expect(r.stdout).toBe('');
      const check = run(['--db', target, 'db', 'check']);
      expect(check.code, check.stdout + check.stderr).toBe(0);
      expect(holds(target, who), 'the erased address is still in the file or its WAL').toBe(false);
      expect(fs.existsSync(`${target}-wal`) ? fs.statSync(`${target}-wal`).size : 0, 'the WAL is emptied').toBe(0);
    }
    expect(caught, 'Ctrl-C reached a run while its file was rebuilt').toBeGreaterThan(0);
  }, 180_000);
});

describe('erase on a full disk', () => {
  it('the person is erased, the file cannot be rebuilt: the one error line says they were erased ("cannot use the database: the disk is full" read as not done; erasing again found no one)', () => {
    const disk = smallDisk('40m');
    try {
      const full = path.join(disk.dir, 'call.db');
      expect(run(['--db', db, 'db', 'backup', full]).code).toBe(0);
      // Room for the erase's own writes, not for the rebuild (VACUUM copies the whole file).
      fill(disk.dir, 512 * 1024);
      const r = run(['--db', full, 'erase', 'applicant2@example.net', '--yes']);
      expect(r.code, r.stderr).toBe(1);
      expect(errorLine(r)).toMatch(/^error: person-\d+ was erased from every table \(change \d+ in the history\), but the database file could not be rebuilt afterwards: the disk is full/);
      expect(r.stderr).not.toMatch(/run the command again/);
      // a way to rebuild it now, once there is room (it said "rebuilt at the next erase")
      expect(r.stderr).toMatch(/run skillsnet db compact to rebuild it/);
      fs.rmSync(path.join(disk.dir, '.filler'));
      const compact = run(['--db', full, 'db', 'compact']);
      expect(compact.code, compact.stderr).toBe(0);
      expect(compact.stderr).toMatch(/^Rebuilt .*, its WAL emptied\.$/m);
      const left = new Database(full, { readonly: true }).prepare("SELECT count(*) FROM applications WHERE email = 'applicant2@example.net'").pluck().get();
      expect(left).toBe(0);
      const again = run(['--db', full, 'erase', 'applicant2@example.net', '--yes']);
      expect(again.code).toBe(1);
      expect(errorLine(again)).toMatch(/no person with that email/);
    } finally {
      disk.unmount();
    }
  }, 60_000);
});
