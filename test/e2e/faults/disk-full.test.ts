import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, errorLine, fill, inspect, listing, reportScan, run, scanMessages, smallDisk, tempDir, writeCall } from './support.js';

/**
 * A full disk, for real: a small tmpfs. Imports, tagging, every export and backups meet it; each
 * ends in one error line that says the disk is full (exit 1), keeps the earlier file or the
 * database as it was, and leaves no temporary file. A full disk behind stdout (/dev/full) is an
 * error too, while a reader that stops early (| head) is a quiet success.
 */
let work: string;
let dbPath: string;
let call: string;
const mounts: (() => void)[] = [];

beforeAll(() => {
  work = tempDir('skillsnet-faults-full-');
  call = writeCall(path.join(work, 'call.csv'), 1500);
  dbPath = path.join(work, 'call.db');
  const imported = run(['--db', dbPath, 'import', call, '--call', '2020', '--quiet']);
  expect(imported.code, imported.stderr).toBe(0);
  const tagged = run(['--db', dbPath, 'tag', 'auto', '--quiet']);
  expect(tagged.code, tagged.stderr).toBe(0);
  const selected = run(['--db', dbPath, 'select', '--size', '12', '--name', 'core', '--yes', '--quiet']);
  expect(selected.code, selected.stderr).toBe(0);
}, 180_000);

afterAll(() => {
  for (const unmount of mounts.reverse()) unmount();
});

function disk(size: string): string {
  const d = smallDisk(size);
  mounts.push(d.unmount);
  return d.dir;
}

const EXPORTS: { name: string; file: string; args: string[] }[] = [
  { name: 'kumu xlsx', file: 'map.xlsx', args: ['export', 'kumu', '--format', 'xlsx'] },
  { name: 'kumu json', file: 'map.json', args: ['export', 'kumu', '--format', 'json'] },
  { name: 'kumu csv (a folder of two files)', file: 'kumu-csv', args: ['export', 'kumu', '--format', 'csv'] },
  { name: 'contacts csv', file: 'contacts.csv', args: ['export', 'contacts', '--format', 'csv'] },
  { name: 'contacts vcf', file: 'contacts.vcf', args: ['export', 'contacts', '--format', 'vcf'] },
  { name: 'contacts outlook', file: 'outlook.csv', args: ['export', 'contacts', '--format', 'outlook'] },
  { name: 'roster csv', file: 'core.csv', args: ['export', 'roster', 'core', '--format', 'csv'] },
  { name: 'roster md', file: 'core.md', args: ['export', 'roster', 'core', '--format', 'md'] },
  { name: 'roster json', file: 'core.json', args: ['export', 'roster', 'core', '--format', 'json'] },
  { name: 'graphml', file: 'network.graphml', args: ['export', 'graphml'] },
  { name: 'map html', file: 'network.html', args: ['export', 'map'] },
];

describe('a full disk', () => {
  it.each(EXPORTS)('export $name: one error line, the earlier file kept whole after --force, no temporary file', ({ file, args }) => {
    const dir = disk('4m');
    const target = path.join(dir, file);
    // The earlier, good export: a complete file (or folder) from before.
    const first = run(['--db', dbPath, ...args, '--out', target]);
    expect(first.code, first.stderr).toBe(0);
    const before = snapshot(target);
    fill(dir, 2048);
    const r = run(['--db', dbPath, ...args, '--out', target, '--force']);
    expect(r.code, r.stderr).toBe(1);
    expect(errorLine(r)).toMatch(/cannot write .*: the disk is full \(ENOSPC\); the earlier .* was kept as it was/);
    expect(r.stderr).toMatch(/free some space/);
    expect(snapshot(target)).toEqual(before);
    expect(listing(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(listing(fs.statSync(target).isDirectory() ? target : dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each(EXPORTS)('export $name into a new folder: "nothing was written" leaves no folder either', ({ file, args }) => {
    const dir = disk('4m');
    fill(dir, 2048);
    const target = path.join(dir, 'new', 'deeper', file);
    const r = run(['--db', dbPath, ...args, '--out', target]);
    expect(r.code, r.stderr).toBe(1);
    expect(errorLine(r)).toMatch(/the disk is full \(ENOSPC\); nothing was written/);
    expect(listing(dir)).toEqual(['.filler']);
  });

  it('db backup: one error line, the earlier backup kept after --force, no temporary file', () => {
    const dir = disk('16m');
    const backup = path.join(dir, 'backup.db');
    const first = run(['--db', dbPath, 'db', 'backup', backup]);
    expect(first.code, first.stderr).toBe(0);
    const before = snapshot(backup);
    fill(dir, 64 * 1024);
    const r = run(['--db', dbPath, 'db', 'backup', backup, '--force']);
    expect(r.code, r.stderr).toBe(1);
    expect(errorLine(r)).toMatch(/cannot write the backup .*: the disk is full .*; the earlier backup\.db was kept as it was/);
    expect(snapshot(backup)).toEqual(before);
    expect(listing(dir)).toEqual(['.filler', 'backup.db']);
  });

  it('a dry run on a read-only database whose copy does not fit in the temporary folder: says so, not "the backup"', () => {
    // The dry run's copy was made by db backup's code, whose words it kept: "cannot write the
    // backup ...; or give a backup file on another disk", of a member add --dry-run.
    const tmp = disk('1m');
    const db = path.join(tempDir('skillsnet-ro-dry-'), 'call.db');
    expect(run(['--db', dbPath, 'db', 'backup', db]).code).toBe(0);
    fs.chmodSync(db, 0o400);
    const r = run(['--db', db, 'member', 'add', '--organization', 'New Org', '--dry-run'], { env: { TMPDIR: tmp } });
    expect(r.code, r.stderr).toBe(1);
    const line = errorLine(r);
    expect(line).toMatch(/^error: cannot copy .*call\.db for the dry run .*: the disk is full/);
    expect(r.stderr).not.toMatch(/backup/);
    expect(r.stderr).toMatch(/TMPDIR/);
    expect(listing(tmp)).toEqual([]);
  });

  it('import: the file that does not fit is rolled back whole, the database stays sound', () => {
    const dir = disk('2m');
    const db = path.join(dir, 'small.db');
    const small = writeCall(path.join(work, 'small.csv'), 10, 3);
    const first = run(['--db', db, 'import', small, '--call', '2020', '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    const before = inspect(db);
    const r = run(['--db', db, 'import', call, '--call', '2020']);
    expect(r.code, r.stderr).toBe(1);
    expect(errorLine(r)).toMatch(/cannot import call\.csv: the disk (holding the database )?is full .*; nothing of call\.csv was kept/);
    expect(inspect(db)).toEqual(before);
  });

  it('import into a new database that does not fit: no file is left behind, however little room there was (a file whose schema could not be made was kept, 16 KB)', () => {
    const dir = disk('2m');
    const small = writeCall(path.join(work, 'new-db.csv'), 10, 4);
    for (const leave of [400, 200, 100, 48, 24, 8]) {
      const filler = fill(dir, leave * 1024);
      const r = run(['--db', path.join(dir, 'new.db'), 'import', small, '--call', '2020']);
      fs.rmSync(filler);
      if (r.code === 0) throw new Error(`the import fitted in ${leave} KB: leave less`);
      expect(errorLine(r), `${leave} KB left`).toMatch(/the disk (holding the database )?is full/);
      expect(listing(dir), `${leave} KB left`).toEqual([]);
    }
  });

  it('db check and db backup (to a disk with room) when the database\'s disk is full: they say so (it read as an input/output error, and the backup blamed its own disk)', () => {
    const dir = disk('6m');
    const db = path.join(dir, 'check.db');
    const small = writeCall(path.join(work, 'check.csv'), 10, 6);
    expect(run(['--db', db, 'import', small, '--call', '2020', '--quiet']).code).toBe(0);
    // (db check folds the log into the file and removes it and the shared-memory file: the next command must size one)
    expect(run(['--db', db, 'db', 'check']).code).toBe(0);
    expect(listing(dir)).toEqual(['check.db']);
    const filler = fill(dir, 0);
    const backup = path.join(work, 'check-backup.db');
    const check = run(['--db', db, 'db', 'check']);
    expect(check.code).toBe(1);
    expect(errorLine(check)).toMatch(/^error: cannot check .*check\.db here: the disk is full \(SQLITE_IOERR\w*\); this says nothing about whether the file is sound$/);
    const backedUp = run(['--db', db, 'db', 'backup', backup]);
    expect(backedUp.code).toBe(1);
    expect(errorLine(backedUp)).toMatch(/^error: cannot back up .*check\.db: the disk holding the database is full \(SQLITE_\w+\); no backup was written$/);
    expect(backedUp.stderr).not.toMatch(/another disk|input\/output/);
    expect(fs.existsSync(backup)).toBe(false);
    fs.rmSync(filler);
    expect(run(['--db', db, 'db', 'backup', backup]).code).toBe(0);
    expect(inspect(backup).integrity).toBe('ok');
  });

  it('tag auto: says how many applications were tagged and kept, and exactly those are', () => {
    const dir = disk('8m');
    const db = path.join(dir, 'tag.db');
    const first = run(['--db', db, 'import', call, '--call', '2020', '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    expect(inspect(db).tagged).toBe(0);
    fill(dir, 160 * 1024);
    const r = run(['--db', db, 'tag', 'auto']);
    expect(r.code, r.stderr).toBe(1);
    const line = errorLine(r);
    expect(line).toMatch(/the disk (holding the database )?is full/);
    const kept = /([\d,]+) applications? (?:was|were) tagged and kept/.exec(line);
    const after = inspect(db);
    expect(after.integrity).toBe('ok');
    if (kept) expect(after.tagged).toBe(Number(kept[1]!.replace(/,/g, '')));
    else {
      expect(line).toMatch(/nothing was changed/);
      expect(after.tagged).toBe(0);
    }
  });
});

describe('a full disk when a list of members or an attendance report is saved', () => {
  it('member import, event attendance: the error says the work was rolled back (it said only "cannot use the database: the disk is full"), and nothing is kept', () => {
    const dir = disk('8m');
    const db = path.join(dir, 'members.db');
    const small = writeCall(path.join(work, 'members-call.csv'), 10, 5);
    expect(run(['--db', db, 'import', small, '--call', '2020', '--quiet']).code).toBe(0);
    expect(run(['--db', db, 'event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2021-03-29 15:00', '--tz', 'UTC', '--quiet']).code).toBe(0);
    const people = Array.from({ length: 3000 }, (_, i) => i);
    const members = path.join(work, 'stakeholders.csv');
    fs.writeFileSync(members, ['Organisation,Name,Email,Country', ...people.map((i) => `Stake Org ${i},Person${i} Tester,person${i}@example.org,Kenya`)].join('\n') + '\n');
    const report = path.join(work, 'zoom-full.csv');
    fs.writeFileSync(report, ['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
      ...people.map((i) => `Guest ${i} Visitor,guest${i}@example.org,03/29/2021 03:00:00 PM,03/29/2021 03:40:00 PM,40,Yes`)].join('\n') + '\n');
    const counts = () => {
      const reader = new Database(db, { readonly: true, fileMustExist: true });
      try {
        return reader.prepare('SELECT (SELECT count(*) FROM members) AS members, (SELECT count(*) FROM attendance_rows) AS rows').get();
      } finally {
        reader.close();
      }
    };
    const before = { ...inspect(db), ...(counts() as object) };
    fill(dir, 96 * 1024);
    for (const args of [['member', 'import', members], ['event', 'attendance', '1', report, '--yes']]) {
      const r = run(['--db', db, ...args]);
      expect(r.code, r.stderr).toBe(1);
      expect(errorLine(r)).toMatch(/^error: cannot use the database: the disk (holding the database )?is full \(SQLITE_FULL\); work in progress was rolled back, nothing half-written was kept$/);
      expect({ ...inspect(db), ...(counts() as object) }).toEqual(before);
    }
  });
});

describe('a full disk when a roster is saved', () => {
  it('select: the roster table is shown, then one error line that says no roster was saved, and none is', () => {
    const dir = disk('32m');
    const db = path.join(dir, 'select.db');
    expect(run(['--db', dbPath, 'db', 'backup', db]).code).toBe(0);
    const before = inspect(db).rosters;
    // room to open the database and select, none to keep a roster: the leave is found by trying
    let r: ReturnType<typeof run> | undefined;
    for (const leave of [96, 64, 48, 40, 32]) {
      const filler = fill(dir, leave * 1024);
      r = run(['--db', db, 'select', '--size', '8', '--name', 'full', '--yes']);
      fs.rmSync(filler);
      if (r.code === 0) throw new Error(`a roster was saved with ${leave} KB left: leave less`);
      if (/save the roster/.test(r.stderr)) break;
    }
    expect(r!.code, r!.stderr).toBe(1);
    expect(errorLine(r!)).toMatch(/^error: cannot save the roster full: the disk (holding the database )?is full .*; no roster was saved/);
    expect(r!.stdout).toMatch(/\S/);
    expect(inspect(db).rosters).toBe(before);
  });
});

describe('a failed stdout', () => {
  const STDOUT_COMMANDS: string[][] = [
    ['list', '--json'], ['list', '--csv'], ['list'], ['rejects', '--csv'], ['rejects', '--json'], ['show', '1', '--json'], ['stats', '--json'],
    ['export', 'contacts', '--out', '-'], ['export', 'contacts', '--format', 'vcf', '--out', '-'], ['export', 'kumu', '--format', 'json', '--out', '-'],
    ['export', 'roster', 'core', '--format', 'md', '--out', '-'], ['export', 'graphml', '--out', '-'], ['export', 'map', '--out', '-'],
    ['roster', 'show', 'core', '--json'], ['categories', '--json'], ['db', 'check', '--json'],
  ];

  it.each(STDOUT_COMMANDS.map((args) => [args.join(' '), args]))('%s > /dev/full: exit 1 and one error line saying the disk is full', (_name, args) => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = run(['--db', dbPath, ...(args as string[])], { stdout: full });
      expect(r.code, r.stderr).toBe(1);
      expect(errorLine(r)).toBe('error: cannot write the output: the disk is full (ENOSPC)');
      // (nothing was saved: running it again, elsewhere, is the way on)
      expect(r.stderr).toMatch(/^  free some space on the disk the output goes to, or send it elsewhere \(another file or --out FILE\), then run the command again$/m);
    } finally {
      fs.closeSync(full);
    }
  });

  it('> /dev/full after the work was saved: the error says what was saved, and it was, and its hint no longer says to run the command again (it said only that the output failed: a select run again saved a second roster, as roster-2)', () => {
    const full = fs.openSync('/dev/full', 'w');
    const db = path.join(tempDir('skillsnet-full-saved-'), 'call.db');
    const backup = path.join(path.dirname(db), 'backup.db');
    const contacts = path.join(path.dirname(db), 'contacts.csv');
    expect(run(['--db', dbPath, 'db', 'backup', db]).code).toBe(0);
    try {
      const cases: [string[], RegExp, () => void][] = [
        [['select', '--size', '5', '--name', 'again', '--yes', '--json'], /; roster again was saved \(skillsnet roster show again shows it\)$/, () => expect(run(['--db', db, 'roster', 'show', 'again', '--json']).code).toBe(0)],
        [['import', call, '--call', '2021'], /; every file was imported and kept \(call\.csv\); only the report was not printed$/, () => expect(inspect(db).batches).toBe(2)],
        [['tag', 'auto', '--all'], /; the tags were saved; only the report was not shown$/, () => expect(inspect(db).tagged).toBeGreaterThan(0)],
        [['roster', 'accept', 'core'], /; roster core was accepted as the Core Group \S+ \(skillsnet members --roster core lists them\)$/, () => expect(JSON.parse(run(['--db', db, 'members', '--roster', 'core', '--json']).stdout)).toHaveLength(12)],
        [['roster', 'retire', 'core', '--yes'], /; 12 members of cohort \S+ became alumni \(each change in the history\)$/, () => expect(run(['--db', db, 'roster', 'retire', 'core', '--dry-run', '--json']).stdout).toMatch(/"changed": \[\]/)],
        [['roster', 'delete', 'again', '--yes', '--json'], /; roster again was deleted$/, () => expect(run(['--db', db, 'roster', 'show', 'again']).code).not.toBe(0)],
        // (work that saved nothing, or saved the opposite of what an interruption before it leaves, is not said as a save or as undone)
        [['tag', 'auto', '--json'], /; no tag needed changing; nothing was changed$/, () => expect(inspect(db).integrity).toBe('ok')],
        [['db', 'backup', backup, '--json'], /; the backup \S+ was written and checked$/, () => expect(fs.existsSync(backup)).toBe(true)],
        [['db', 'compact', '--json'], /; the database file was rebuilt and its WAL emptied$/, () => expect(inspect(db).integrity).toBe('ok')],
        // (an export's file in place: it said nothing of it, as though nothing were written)
        [['export', 'contacts', '--all-calls', '--out', contacts, '--json'], /; contacts\.csv was written whole; only the report was not printed$/, () => expect(fs.statSync(contacts).size).toBeGreaterThan(0)],
      ];
      for (const [args, said, check] of cases) {
        const r = run(['--db', db, ...args], { stdout: full });
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
        expect(errorLine(r)).toMatch(/^error: cannot write the output: the disk is full \(ENOSPC\)/);
        expect(errorLine(r), args.join(' ')).toMatch(said);
        // (not "then run the command again" below it: a select run again saved a second roster)
        expect(r.stderr, args.join(' ')).toMatch(/^  free some space on the disk the output goes to, or send it elsewhere \(another file or --out FILE\); its work is done and need not run again$/m);
        expect(r.stderr, args.join(' ')).not.toMatch(/run the command again/);
        check();
      }
      expect(inspect(db).integrity).toBe('ok');
    } finally {
      fs.closeSync(full);
    }
  }, 240_000);

  it('| head: a reader that stops early is a quiet success (exit 0, nothing on stderr)', () => {
    for (const args of [['list', '--json'], ['export', 'contacts', '--out', '-'], ['list', '--csv']]) {
      const r = pipeToHead(args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stderr).toBe('');
    }
  });

  it('> file: a file the shell just made for personal data is made private (0600); one made earlier is named in a warning', () => {
    const out = path.join(work, 'fix.csv');
    const made = spawnShell(`umask 022; "${process.execPath}" "${binPath()}" --db "${dbPath}" rejects --csv > "${out}"`);
    expect(made.status, made.stderr).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    // Appended to a file that was there before: not ours to change, so a warning names the risk.
    const earlier = path.join(work, 'earlier.csv');
    fs.writeFileSync(earlier, 'x\n', { mode: 0o644 });
    fs.chmodSync(earlier, 0o644);
    const old = spawnShell(`"${process.execPath}" "${binPath()}" --db "${dbPath}" list --csv >> "${earlier}"`);
    expect(old.status, old.stderr).toBe(0);
    expect(fs.statSync(earlier).mode & 0o777).toBe(0o644);
    expect(old.stderr).toMatch(/warning: the output goes to a file other users of this computer can read \(mode 0644\)/);
  });
});

it('no message of these runs carries the planted personal data', () => {
  const scan = scanMessages();
  reportScan('disk-full', scan);
  expect(scan.messages).toBeGreaterThan(20);
  expect(scan.leaks).toEqual([]);
});

function binPath(): string {
  return BIN;
}

function spawnShell(script: string, timeout = 60_000) {
  return spawnSync('/bin/bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SKILLSNET_DB: '' }, timeout });
}

function pipeToHead(args: string[]) {
  const r = spawnShell(`"${process.execPath}" "${BIN}" --db "${dbPath}" ${args.map((a) => `'${a}'`).join(' ')} | head -c 100 > /dev/null; exit "\${PIPESTATUS[0]}"`);
  return { status: r.status, stderr: r.stderr };
}

/** A file's bytes, or a folder's files and their bytes: what must not change. */
function snapshot(target: string): Record<string, string> {
  const st = fs.statSync(target);
  if (!st.isDirectory()) return { [path.basename(target)]: fs.readFileSync(target).toString('base64') };
  return Object.fromEntries(listing(target).map((f) => [f, fs.readFileSync(path.join(target, f)).toString('base64')]));
}
