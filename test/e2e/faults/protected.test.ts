import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, errorLine, inspect, interrupt, listing, readOnlyBind, reportScan, requireNobody, requireRoot, run, scanMessages, tempDir, writeCall } from './support.js';
import { scratchDevices } from '../../fixtures/devices.js';

/**
 * Files the officer protected, and places that are not files. A database without write
 * permission, or in a read-only folder, is read as it is (reading commands work) and never
 * changed (writing commands refuse it, naming the file and the fix; its mode stays); an
 * unprivileged user meets permissions as permissions; devices, named pipes and folders are never
 * written over, even with --force.
 */
let work: string;
let dbPath: string;
const unmounts: (() => void)[] = [];

beforeAll(() => {
  requireRoot();
  work = tempDir('skillsnet-faults-protected-');
  const call = writeCall(path.join(work, 'call.csv'), 200);
  dbPath = path.join(work, 'call.db');
  const imported = run(['--db', dbPath, 'import', call, '--call', '2020', '--quiet']);
  expect(imported.code, imported.stderr).toBe(0);
  const selected = run(['--db', dbPath, 'select', '--size', '8', '--name', 'core', '--yes', '--quiet']);
  expect(selected.code, selected.stderr).toBe(0);
}, 120_000);

afterAll(() => {
  for (const u of unmounts.reverse()) u();
});

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A copy of the call's database in a folder of its own (with its side files folded in). */
function copyOfDb(name: string): { dir: string; db: string } {
  const dir = tempDir(`skillsnet-${name}-`);
  const db = path.join(dir, 'call.db');
  const r = run(['--db', dbPath, 'db', 'backup', db]);
  expect(r.code, r.stderr).toBe(0);
  return { dir, db };
}

const READING: string[][] = [['list', '--json'], ['stats'], ['show', '1', '--json'], ['rosters'], ['db', 'check'], ['rejects']];
const WRITING: { args: string[]; name: string }[] = [
  { name: 'import', args: ['import', 'CALL', '--call', '2020'] },
  { name: 'tag auto', args: ['tag', 'auto'] },
  { name: 'tag add', args: ['tag', 'add', '1', 'life-skills'] },
  { name: 'select', args: ['select', '--size', '5', '--yes'] },
  { name: 'roster delete', args: ['roster', 'delete', 'core', '--yes'] },
  { name: 'init', args: ['init'] },
  { name: 'withdraw', args: ['withdraw', '1'] },
  { name: 'edit', args: ['edit', '1', '--set', 'title=Another title'] },
  { name: 'member add', args: ['member', 'add', '--organization', 'New Org'] },
];

describe('a database the officer made read-only (mode 0400)', () => {
  it('reading commands work; writing commands refuse it by name; its mode and bytes never change', () => {
    const { dir, db } = copyOfDb('ro-mode');
    fs.chmodSync(db, 0o400);
    const before = sha(db);
    for (const args of READING) {
      const r = run(['--db', db, ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const exported = run(['--db', db, 'export', 'contacts', '--out', path.join(dir, 'contacts.csv')]);
    expect(exported.code, exported.stderr).toBe(0);
    for (const { args } of WRITING) {
      const r = run(['--db', db, ...args.map((a) => (a === 'CALL' ? path.join(work, 'call.csv') : a))]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(errorLine(r)).toBe(`error: ${db} is read-only (its mode is 0400: write-protected); this command would change it, so nothing was done`);
      expect(r.stderr).toMatch(/chmod u\+w/);
    }
    expect(fs.statSync(db).mode & 0o777).toBe(0o400);
    expect(sha(db)).toBe(before);
  });
});

describe('a dry run against a read-only database', () => {
  it('shows what import, member add and event add would do, on a copy, and leaves the file as it was', () => {
    // "Reading commands work": select --dry-run and tag auto --dry-run did, but import --dry-run
    // (and member add / event add --dry-run) refused the file as if they would change it.
    const { db } = copyOfDb('ro-dry-run');
    fs.chmodSync(db, 0o400);
    const before = sha(db);
    const imported = run(['--db', db, 'import', path.join(work, 'call.csv'), '--call', '2021', '--dry-run', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout);
    expect(report.dryRun).toBe(true);
    expect(report.inserted).toBeGreaterThan(0);
    for (const args of [
      ['member', 'add', '--organization', 'New Org', '--dry-run'],
      ['event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2021-03-01 10:00', '--tz', 'UTC', '--dry-run'],
    ]) {
      const r = run(['--db', db, ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(fs.statSync(db).mode & 0o777).toBe(0o400);
    expect(sha(db)).toBe(before);
    expect(fs.readdirSync(path.dirname(db)).filter((f) => !f.startsWith('call.db'))).toEqual([]);
  });

  it('every other command with --dry-run that works in a write transaction does too', () => {
    // (edit, withdraw, merge, erase, member set, roster accept, organization unlink, event
    // invite/edit/cancel/attendance: each refused a read-only database though its dry run changes nothing)
    const { dir, db } = copyOfDb('ro-dry-run-all');
    const event = run(['--db', db, 'event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2021-03-01 10:00', '--tz', 'UTC', '--json']);
    expect(event.code, event.stderr).toBe(0);
    const list = JSON.parse(run(['--db', db, 'list', '--json']).stdout) as { id: number; email: string }[];
    fs.writeFileSync(path.join(dir, 'zoom.csv'), 'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n' +
      `Someone,${list[0]!.email},03/01/2021 10:00:00 AM,03/01/2021 11:00:00 AM,60,No\n`);
    fs.chmodSync(db, 0o400);
    const before = sha(db);
    for (const args of [
      ['edit', '1', '--set', 'title=Another title', '--dry-run'],
      ['withdraw', '1', '--dry-run'],
      ['merge', '1', '2', '--dry-run'],
      ['erase', list[2]!.email, '--dry-run'],
      ['member', 'set', 'member-1', '--status', 'alumni', '--dry-run'],
      ['roster', 'accept', 'core', '--dry-run'],
      ['organization', 'unlink', 'org-1', 'org-2', '--dry-run'],
      ['event', 'invite', '1', '--call', '2020', '--dry-run'],
      ['event', 'edit', '1', '--set', 'title=Clinic', '--dry-run'],
      ['event', 'cancel', '1', '--dry-run'],
      ['event', 'attendance', '1', path.join(dir, 'zoom.csv'), '--dry-run'],
    ]) {
      const r = run(['--db', db, ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(fs.statSync(db).mode & 0o777).toBe(0o400);
    expect(sha(db)).toBe(before);
    expect(fs.readdirSync(path.dirname(db)).filter((f) => !f.startsWith('call.db') && f !== 'zoom.csv')).toEqual([]);
  });

  it('Ctrl-C during a dry run removes its copy of the database (personal data) from the temporary folder', async () => {
    // The copy (or the throw-away database a dry run before the database exists fills with the
    // file's rows) was removed by a finally, which process.exit on Ctrl-C never runs: a copy of
    // the whole database stayed in /tmp.
    const { dir, db } = copyOfDb('ro-dry-run-int');
    fs.chmodSync(db, 0o400);
    for (const target of [db, path.join(dir, 'not-yet.db')]) {
      const tmp = tempDir('skillsnet-dry-run-tmp-');
      const fifo = path.join(tmp, 'call.fifo');
      execFileSync('mkfifo', [fifo]);
      // A writer that opens the pipe and writes nothing yet: the dry run waits, its copy made.
      const writer = spawn('/bin/sh', ['-c', 'sleep 20 > "$0"', fifo], { stdio: 'ignore' });
      try {
        const copies = () => fs.readdirSync(tmp).filter((f) => f.startsWith('skillsnet-dry-run-'));
        const r = await interrupt(['--db', target, 'import', fifo, '--call', '2021', '--dry-run'], () => copies().length > 0 && fs.readdirSync(tmp).some((f) => f.startsWith('skillsnet-input-')), { env: { TMPDIR: tmp } });
        expect(r.code, r.stderr).toBe(130);
        expect(copies(), `${path.basename(target)}: left in the temporary folder`).toEqual([]);
      } finally {
        writer.kill();
      }
    }
    expect(fs.existsSync(path.join(dir, 'not-yet.db'))).toBe(false);
  }, 60_000);
});

/**
 * A write cut short in rollback-journal mode (a large import into a new database runs so): a
 * process updates every application's title with a page cache too small to hold them, so pages
 * reach the file, then kills itself before it commits (no timing: the kill is its own next step).
 */
function cutShortWrite(db: string): void {
  const script = `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.pragma('journal_mode = DELETE'); db.pragma('cache_size = 2');
    db.exec('BEGIN'); db.prepare("UPDATE applications SET title = title || ' (half done)'").run(); process.kill(process.pid, 'SIGKILL');`;
  const r = spawnSync(process.execPath, ['-e', script, db], { cwd: ROOT });
  expect(r.signal, String(r.stderr)).toBe('SIGKILL');
  // (what makes the case: a journal that still holds the write to undo, SQLite's magic at its head)
  expect(fs.readFileSync(`${db}-journal`).subarray(0, 8).toString('hex')).toBe('d9d505f920a163d7');
}

describe('a write cut short, its journal beside a file that is now read-only', () => {
  it('reading commands and db check refuse it, saying so (it was read as half done, and db check called it damaged: "restore your latest backup"); writable again, it is undone and sound', () => {
    const { db } = copyOfDb('hot-journal');
    const titles = () => run(['--db', db, 'list', '--json']).stdout;
    const before = titles();
    expect(before).toMatch(/"title"/);
    cutShortWrite(db);
    fs.chmodSync(db, 0o400);
    for (const args of [['list', '--json'], ['stats'], ['db', 'check']]) {
      const r = run(['--db', db, ...args]);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(errorLine(r)).toMatch(/is read-only and its journal \(call\.db-journal\) holds a write that was cut short/);
      expect(r.stderr).not.toMatch(/damaged|restore|recover/);
    }
    fs.chmodSync(db, 0o600);
    const check = run(['--db', db, 'db', 'check']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(titles()).toBe(before);
    expect(titles()).not.toMatch(/half done/);
  });

  it('given as a symbolic link (SQLite keeps the journal beside the file the link points to): refused the same (it was read as half done, and db check called it damaged)', () => {
    const { dir, db } = copyOfDb('hot-journal-link');
    const link = path.join(dir, 'link.db');
    fs.symlinkSync(db, link);
    cutShortWrite(db);
    fs.chmodSync(db, 0o400);
    for (const args of [['list', '--json'], ['db', 'check']]) {
      const r = run(['--db', link, ...args]);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(errorLine(r)).toContain(`its journal (${db}-journal) holds a write that was cut short`);
      expect(r.stdout + r.stderr).not.toMatch(/damaged|restore|half done"/);
    }
  });
});

describe('a database in a read-only folder', () => {
  it('is read as it is (no journal can be made there), refused to writers, and checked sound, not damaged', () => {
    const { dir, db } = copyOfDb('ro-folder');
    const before = sha(db);
    unmounts.push(readOnlyBind(dir));
    const listed = run(['--db', db, 'list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).length).toBe(inspect(dbPath).applications);
    const checked = run(['--db', db, 'db', 'check']);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/^ok: the database is sound/m);
    const tag = run(['--db', db, 'tag', 'auto']);
    expect(tag.code).toBe(1);
    expect(errorLine(tag)).toMatch(/is read-only \(it is on a read-only disk\); this command would change it/);
    const backupHere = run(['--db', db, 'db', 'backup', path.join(dir, 'copy.db')]);
    expect(backupHere.code).toBe(1);
    expect(errorLine(backupHere)).toMatch(/cannot write the backup .*copy\.db: the disk is read-only \(EROFS\); no backup was written/);
    const exportHere = run(['--db', db, 'export', 'graphml', '--out', path.join(dir, 'network.graphml')]);
    expect(exportHere.code).toBe(1);
    expect(errorLine(exportHere)).toMatch(/the disk is read-only \(EROFS\)/);
    const elsewhere = run(['--db', db, 'db', 'backup', path.join(work, 'from-ro.db')]);
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    expect(listing(dir)).toEqual(['call.db']);
    expect(sha(db)).toBe(before);
  });
});

describe('an officer without permission (run as nobody)', () => {
  it('db check on a file they may not read says it cannot check it here, not that it is damaged', () => {
    requireNobody();
    const { dir, db } = copyOfDb('nobody');
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(db, 0o600);
    const r = run(['--db', db, 'db', 'check'], { asNobody: true });
    expect(r.code).toBe(1);
    expect(errorLine(r)).toMatch(/^error: cannot check .*call\.db here: .*; this says nothing about whether the file is sound$/);
    expect(r.stderr).not.toMatch(/restore|recover|damaged/);
  });

  it('a file made writable again (chmod u+w, as the refusal says) after a reading command: the next write goes through (the reader left -wal and -shm of mode 0400, and the first write failed with SQLITE_READONLY)', () => {
    requireNobody();
    const { dir, db } = copyOfDb('nobody-unprotected');
    // (a backup is in rollback-journal mode; any writing command puts a database in WAL mode)
    expect(run(['--db', db, 'init', '--quiet']).code).toBe(0);
    fs.chownSync(dir, 65534, 65534);
    fs.chownSync(db, 65534, 65534);
    fs.chmodSync(db, 0o400);
    const listed = run(['--db', db, 'list', '--json'], { asNobody: true });
    expect(listed.code, listed.stderr).toBe(0);
    // (what makes the case: the reader's side files took the file's mode and stayed)
    expect(fs.statSync(`${db}-shm`).mode & 0o777).toBe(0o400);
    fs.chmodSync(db, 0o600);
    const tagged = run(['--db', db, 'tag', 'add', '1', 'life-skills'], { asNobody: true });
    expect(tagged.code, tagged.stderr).toBe(0);
    expect(inspect(db).integrity).toBe('ok');
    for (const side of ['-wal', '-shm']) {
      if (fs.existsSync(db + side)) expect(fs.statSync(db + side).mode & 0o777).toBe(0o600);
    }
  });

  it('a database they may read in a folder they may not write: read, not written; exports there are refused by permission', () => {
    requireNobody();
    const { dir, db } = copyOfDb('nobody-read');
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(db, 0o644);
    const before = sha(db);
    const listed = run(['--db', db, 'stats'], { asNobody: true });
    expect(listed.code, listed.stderr).toBe(0);
    const tag = run(['--db', db, 'tag', 'auto'], { asNobody: true });
    expect(tag.code).toBe(1);
    expect(errorLine(tag)).toMatch(/is read-only \(you may not write to it\)/);
    const exported = run(['--db', db, 'export', 'contacts', '--out', path.join(dir, 'contacts.csv')], { asNobody: true });
    expect(exported.code).toBe(1);
    expect(errorLine(exported)).toMatch(/permission denied \(EACCES\)/);
    expect(listing(dir)).toEqual(['call.db']);
    expect(sha(db)).toBe(before);
  });
});

describe('not a file: devices, named pipes and folders are never written over', () => {
  it('--out a device, even with --force: refused, the device stays a device', () => {
    const devices = scratchDevices(work);
    for (const device of [devices.null, devices.full]) {
      for (const args of [['export', 'contacts'], ['export', 'graphml'], ['export', 'roster', 'core', '--format', 'csv'], ['export', 'map']]) {
        const r = run(['--db', dbPath, ...args, '--out', device, '--force']);
        expect(r.code, r.stderr).toBe(1);
        expect(errorLine(r)).toMatch(new RegExp(`^error: (.*/)?${path.basename(device)} is a device, not a file: skillsnet writes only regular files there, even with --force$`));
      }
      const backup = run(['--db', dbPath, 'db', 'backup', device, '--force']);
      expect(backup.code).toBe(1);
      expect(errorLine(backup)).toMatch(/is a device, not a file/);
      expect(fs.statSync(device).isCharacterDevice()).toBe(true);
    }
  });

  it('--out a named pipe with --force: refused at once, never opened (nothing waits for a reader)', () => {
    const fifo = path.join(work, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    const r = run(['--db', dbPath, 'export', 'contacts', '--out', fifo, '--force'], { timeout: 20_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(errorLine(r)).toMatch(/out\.fifo is a named pipe \(FIFO\), not a file/);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    const link = path.join(work, 'link-to-null');
    fs.symlinkSync(scratchDevices(fs.mkdtempSync(path.join(work, 'dev-'))).null, link);
    const viaLink = run(['--db', dbPath, 'export', 'contacts', '--out', link, '--force']);
    expect(viaLink.code).toBe(1);
    expect(errorLine(viaLink)).toMatch(/link-to-null is a device, not a file/);
  });

  it('--out a folder with --force: refused', () => {
    const r = run(['--db', dbPath, 'export', 'graphml', '--out', work, '--force']);
    expect(r.code).toBe(1);
    expect(errorLine(r)).toMatch(/is a folder, not a file/);
  });
});

describe('folders the tool creates hold personal data: 0700', () => {
  it('for the database, backups and exports, under umask 022', () => {
    const base = tempDir('skillsnet-folders-');
    const sh = (args: string[]) => execFileSync('/bin/sh', ['-c', 'umask 022 && exec "$0" "$@"', process.execPath, BIN, ...args], { env: { ...process.env, SKILLSNET_DB: '' }, stdio: 'pipe' });
    sh(['--db', path.join(base, 'db', 'new', 'call.db'), 'import', path.join(work, 'call.csv'), '--call', '2020', '--quiet']);
    sh(['--db', path.join(base, 'db', 'new', 'call.db'), 'db', 'backup', path.join(base, 'backups', 'b', 'copy.db')]);
    sh(['--db', path.join(base, 'db', 'new', 'call.db'), 'export', 'contacts', '--out', path.join(base, 'exports', 'e', 'c.csv')]);
    for (const dir of ['db', 'db/new', 'backups', 'backups/b', 'exports', 'exports/e']) {
      expect((fs.statSync(path.join(base, dir)).mode & 0o777).toString(8), dir).toBe('700');
    }
  });
});

it('no message of these runs carries the planted personal data', () => {
  const scan = scanMessages();
  reportScan('protected', scan);
  expect(scan.messages).toBeGreaterThan(20);
  expect(scan.leaks).toEqual([]);
});
