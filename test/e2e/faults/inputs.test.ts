import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, errorLine, inspect, interrupt, reportScan, run, scanMessages, tempDir, writeCall } from './support.js';

/**
 * Inputs that are not regular files: a named pipe or stdin is read once into a private
 * temporary copy and imported as usual; a device is refused before a byte is read; a row of
 * millions of cells and a workbook that would expand a thousandfold fail fast, in bounded
 * memory, naming the limit.
 */
let work: string;
let call: string;

beforeAll(() => {
  work = tempDir('skillsnet-faults-inputs-');
  call = writeCall(path.join(work, 'call.csv'), 300);
  tmp = path.join(work, 'tmp');
  fs.mkdirSync(tmp);
});

/**
 * The runs' own temporary folder (TMPDIR): other tests and programs make and remove copies in the
 * machine's at the same time, which made a copy appear or vanish between the two looks below.
 */
let tmp: string;
const privateTmp = () => ({ TMPDIR: tmp });

/** Temporary copies skillsnet made and left behind (there must be none). */
const leftovers = () => fs.readdirSync(tmp).filter((f) => f.startsWith('skillsnet-input-'));

/** Imports from a FIFO fed by a writer process; returns the run. */
async function importFromFifo(fifo: string, file: string, args: string[]) {
  const writer = spawn('/bin/sh', ['-c', 'cat "$0" > "$1"', file, fifo]);
  const r = run(args, { timeout: 60_000, env: privateTmp() });
  await new Promise((resolve) => writer.on('close', resolve));
  return r;
}

describe('a named pipe, stdin', () => {
  it('import FIFO: read once into a private copy, imported like the file, the copy removed', async () => {
    const before = leftovers();
    const fifo = path.join(work, 'call.fifo');
    execFileSync('mkfifo', [fifo]);
    const db = path.join(work, 'fifo.db');
    const r = await importFromFifo(fifo, call, ['--db', db, 'import', fifo, '--call', '2020', '--json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.files[0].file).toBe('call.fifo');
    const direct = run(['--db', path.join(work, 'direct.db'), 'import', call, '--call', '2020', '--json', '--quiet']);
    const expected = JSON.parse(direct.stdout);
    for (const k of ['rows', 'inserted', 'updated', 'unchanged', 'rejected']) expect(report[k], k).toBe(expected[k]);
    expect(leftovers()).toEqual(before);
  });

  it('import - and import /dev/stdin from a pipe work; a terminal or /dev/null on stdin is refused at once', () => {
    for (const name of ['-', '/dev/stdin']) {
      const r = run(['--db', path.join(work, `stdin-${name.length}.db`), 'import', name, '--call', '2020', '--json', '--quiet'], { input: fs.readFileSync(call) });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).files[0].file).toBe('stdin');
    }
    const nothing = fs.openSync('/dev/null', 'r');
    try {
      const r = execFileSyncStatus([BIN, '--db', path.join(work, 'null.db'), 'import', '-'], nothing);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^error: stdin is a terminal or a device, not a file/m);
    } finally {
      fs.closeSync(nothing);
    }
  });

  it('import - and /dev/stdin wait for a slow writer (a pipe that is empty when skillsnet starts reading)', () => {
    // Node makes a piped stdin non-blocking: reading it before the writer has written answered
    // EAGAIN ("cannot read stdin"), so `slow-producer | skillsnet import -` failed.
    for (const name of ['-', '/dev/stdin']) {
      const db = path.join(work, `slow-stdin-${name.length}.db`);
      const r = spawnSync('/bin/sh', ['-c', '(sleep 1; cat "$1") | "$0" "$2" --db "$3" import "$4" --call 2020 --json --quiet', process.execPath, call, BIN, db, name], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', SKILLSNET_DB: '' },
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).files[0].file).toBe('stdin');
    }
  });

  it('Ctrl-C while a named pipe has no writer, or one that writes nothing yet: exits at once, the copy removed', async () => {
    // A named pipe was read by a blocking read in Node's thread pool: the message came at once,
    // but the exit waited for that read, until the writer wrote or closed (forever, for some).
    for (const writer of ['none', 'silent']) {
      const fifo = path.join(work, `quiet-${writer}.fifo`);
      execFileSync('mkfifo', [fifo]);
      const before = leftovers();
      const w = writer === 'silent' ? spawn('/bin/sh', ['-c', 'exec sleep 30 > "$0"', fifo], { stdio: 'ignore' }) : undefined;
      try {
        const r = await interrupt(['--db', path.join(work, `quiet-${writer}.db`), 'import', fifo, '--call', '2020'], () => leftovers().length > before.length, { env: privateTmp() });
        expect(r.code, `${writer}: ${r.stderr}`).toBe(130);
        expect(r.afterSigint, `${writer}: ms from Ctrl-C to the exit`).toBeLessThan(1500);
        expect(leftovers()).toEqual(before);
      } finally {
        w?.kill();
        // (a writer still waiting to open the pipe: let it go)
        if (writer === 'none') fs.rmSync(fifo);
      }
    }
  }, 60_000);

  it('event attendance refuses a device at once and reads a named pipe once', async () => {
    // It read its reports whole with readFileSync: /dev/zero grew without end and ignored Ctrl-C.
    const db = path.join(work, 'attendance.db');
    const added = run(['--db', db, 'event', 'add', 'Core Group meeting', '--kind', 'meeting', '--start', '2020-11-19 13:00', '--tz', 'UTC', '--json']);
    expect(added.code, added.stderr).toBe(0);
    for (const device of ['/dev/zero', '/dev/urandom']) {
      const r = run(['--db', db, 'event', 'attendance', '1', device], { timeout: 20_000 });
      expect(r.code, r.stderr).toBe(1);
      expect(errorLine(r)).toMatch(/is a device, not a file/);
    }
    const fifo = path.join(work, 'zoom.fifo');
    execFileSync('mkfifo', [fifo]);
    const report = path.join(ROOT, 'data', 'sample', 'events', 'zoom-participants-en.csv');
    const r = await importFromFifo(fifo, report, ['--db', db, 'event', 'attendance', '1', fifo, '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const direct = run(['--db', db, 'event', 'attendance', '1', report, '--dry-run', '--json']);
    expect(JSON.parse(r.stdout).rows).toBe(JSON.parse(direct.stdout).rows);
  });

  it('scores import and select --quotas read a pipe too', async () => {
    const db = path.join(work, 'scores.db');
    expect(run(['--db', db, 'import', call, '--call', '2020', '--quiet']).code).toBe(0);
    const sheet = path.join(work, 'scores.csv');
    fs.writeFileSync(sheet, 'Email,Reviewer,Score\napplicant1@example.org,Rev A,7\napplicant2@example.com,Rev A,8\napplicant3@example.net,Rev A,not a score\n');
    const fifo = path.join(work, 'scores.fifo');
    execFileSync('mkfifo', [fifo]);
    const r = await importFromFifo(fifo, sheet, ['--db', db, 'scores', 'import', fifo, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).rows).toBe(3);
    const quotas = run(['--db', db, 'select', '--size', '5', '--quotas', '-', '--dry-run', '--json'], { input: 'feature,value,min,max\nlanguage,en,1,\n' });
    expect(quotas.code, quotas.stderr).toBe(0);
  });
});

describe('devices', () => {
  it.each(['/dev/zero', '/dev/urandom'])('import %s: refused at once, nothing read', (device) => {
    const r = run(['--db', path.join(work, 'dev.db'), 'import', device], { timeout: 10_000 });
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(5_000);
    expect(errorLine(r)).toBe(`error: ${device} is a device, not a file: skillsnet reads files, and read nothing from it`);
    expect(fs.existsSync(path.join(work, 'dev.db'))).toBe(false);
  });

  it('scores import, select --quotas, tag evaluate and --map of /dev/zero: refused at once', () => {
    const db = path.join(work, 'call-for-devices.db');
    expect(run(['--db', db, 'import', call, '--call', '2020', '--quiet']).code).toBe(0);
    for (const args of [['scores', 'import', '/dev/zero', '--reviewer', 'A'], ['select', '--size', '3', '--quotas', '/dev/zero'], ['tag', 'evaluate', '/dev/urandom'], ['import', call, '--map', '/dev/zero']]) {
      const r = run(['--db', db, ...args], { timeout: 10_000 });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBeGreaterThan(0);
      expect(r.ms, args.join(' ')).toBeLessThan(5_000);
      expect(errorLine(r)).toMatch(/is a device, not a file/);
    }
  });
});

describe('limits', () => {
  it('a 50 MB line of 25 million empty cells fails fast, in bounded memory, naming the limit', () => {
    const bomb = path.join(work, 'cells.csv');
    const fd = fs.openSync(bomb, 'w');
    fs.writeSync(fd, 'Organization,Email\n');
    const commas = Buffer.alloc(2 * 1024 * 1024, 0x2c);
    for (let i = 0; i < 25; i++) fs.writeSync(fd, commas);
    fs.writeSync(fd, '\n');
    fs.closeSync(fd);
    // 200 MB of heap would not hold the row: the limit must stop it first.
    const r = run(['--db', path.join(work, 'cells.db'), 'import', bomb], { env: { NODE_OPTIONS: '--max-old-space-size=200' }, timeout: 60_000 });
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(15_000);
    expect(errorLine(r)).toMatch(/cells\.csv: line 2 has more than 16,384 cells \(the most a spreadsheet row can have\)/);
  });

  it('a workbook that would expand a thousandfold is refused before it is inflated', () => {
    const bomb = path.join(work, 'bomb.xlsx');
    fs.writeFileSync(bomb, zipBomb(200 * 1024 * 1024));
    const r = run(['--db', path.join(work, 'bomb.db'), 'import', bomb], { env: { NODE_OPTIONS: '--max-old-space-size=200' }, timeout: 60_000 });
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(15_000);
    expect(errorLine(r)).toMatch(/bomb\.xlsx is not read: a part of it would expand [\d,]+ times \(to 200 MB\); the limit is 200 times/);
    const scores = run(['--db', path.join(work, 'bomb.db'), 'scores', 'import', bomb, '--reviewer', 'A'], { env: { NODE_OPTIONS: '--max-old-space-size=200' }, timeout: 60_000 });
    expect(scores.code).toBe(1);
    expect(errorLine(scores)).toMatch(/would expand/);
  });
});

describe('the smaller cases', () => {
  it('three "Email Address" columns: all read, the first with an address wins, the others kept in the raw row', () => {
    const file = path.join(work, 'three-emails.csv');
    fs.writeFileSync(file, 'Organization,Email Address,Email Address,Email Address,Country\nAcme,,b@example.org,c@example.org,Kenya\nBeta,x@example.org,,,Ghana\n');
    const db = path.join(work, 'three.db');
    const r = run(['--db', db, 'import', file, '--call', '2020', '--json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.rejected).toBe(0);
    expect(report.files[0].columns.email).toEqual(['Email Address', 'Email Address (2)', 'Email Address (3)']);
    const list = JSON.parse(run(['--db', db, 'list', '--json']).stdout);
    expect(list.map((a: { email: string }) => a.email).sort()).toEqual(['b@example.org', 'x@example.org']);
    const shown = JSON.parse(run(['--db', db, 'show', String(list.find((a: { organization: string }) => a.organization === 'Acme').id), '--json']).stdout);
    expect(JSON.stringify(shown)).toContain('c@example.org');
  });

  it('--map giving one column to two fields is refused', () => {
    const map = path.join(work, 'map.json');
    fs.writeFileSync(map, JSON.stringify({ organization: 'Email Address', email: 'Email Address' }));
    const r = run(['--db', path.join(work, 'map.db'), 'import', call, '--map', map]);
    expect(r.code).toBe(2);
    expect(errorLine(r)).toMatch(/gives the column "Email Address" to both email \(email\) and organisation \(organization\)|gives the column "Email Address" to both organisation \(organization\) and email \(email\)/);
  });

  it('a file without a header row: the error does not repeat its first row', () => {
    // Names, organisations and an address, no email column: the first row is someone's details.
    const file = path.join(work, 'noheader.csv');
    fs.writeFileSync(file, 'Quentin Zorblatt,Institute of Planted Rows,17 Rue des Secrets,Solar skills for rural youth\nAna Lima,Open Doors,Lima,Apprenticeships for all\n');
    const r = run(['--db', path.join(work, 'noheader.db'), 'import', file]);
    expect(r.code).toBe(1);
    expect(errorLine(r)).toMatch(/no column found for the organisation and email/);
    expect(r.stderr).toMatch(/columns in the file: A, B, C, D \(a header skillsnet does not recognise is named by its letter/);
    expect(r.stderr).not.toMatch(/Quentin|Zorblatt|Rue des Secrets/);
    expect(fs.existsSync(path.join(work, 'noheader.db'))).toBe(false);
    // A first row holding an address or a phone number is said to look like data, and not repeated either.
    const withEmail = path.join(work, 'noheader-email.csv');
    fs.writeFileSync(withEmail, fs.readFileSync(call, 'utf8').split('\n').slice(1).join('\n'));
    const e = run(['--db', path.join(work, 'noheader.db'), 'import', withEmail]);
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/first row looks like data/);
  });

  it('import warnings name the row and the column of an address, a name or a phone number in the wrong place', () => {
    const r = run(['--db', path.join(work, 'warnings.db'), 'import', call, '--call', '2020']);
    expect(r.code, r.stderr).toBe(0);
    // The planted first row has an address as its country and a name as its language; the fourth a
    // phone number as its country and a word as its score.
    expect(r.stderr).toMatch(/2 data rows \(1, 4\), column “Country”: not a country skillsnet knows/);
    expect(r.stderr).toMatch(/data row 1, column “Language of the application”: not a language skillsnet knows/);
    expect(r.stderr).toMatch(/data row 4, column “Score”: not a number/);
    expect(inspect(path.join(work, 'warnings.db')).integrity).toBe('ok');
  });

  it('--debug keeps the rule: stack traces and messages of failed runs hold no cell', () => {
    const noHeader = path.join(work, 'noheader-debug.csv');
    fs.writeFileSync(noHeader, fs.readFileSync(call, 'utf8').split('\n').slice(1).join('\n'));
    const db = path.join(work, 'debug.db');
    for (const args of [['import', noHeader], ['import', call, '--call', '2020', '--dry-run'], ['scores', 'import', call, '--reviewer', 'A']]) {
      const r = run(['--debug', '--db', db, ...args]);
      expect(r.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
    // (the scan at the end of this file reads these runs' stderr, stacks included)
  });

  it('rejects --csv: formula headers neutralised', () => {
    const file = path.join(work, 'formula.csv');
    fs.writeFileSync(file, 'Organization,Email,=HYPERLINK("http://x.example.com";"y")\n,someone@example.org,z\n');
    const db = path.join(work, 'formula.db');
    expect(run(['--db', db, 'import', file, '--call', '2020', '--quiet']).code).toBe(0);
    const r = run(['--db', db, 'rejects', '--csv']);
    expect(r.code, r.stderr).toBe(0);
    const header = r.stdout.replace(/^\uFEFF/, '').split('\r\n')[0]!;
    expect(header).toMatch(/,"?'=HYPERLINK/);
  });
});

it('no message of these runs carries the planted personal data', () => {
  const scan = scanMessages();
  reportScan('inputs', scan);
  expect(scan.messages).toBeGreaterThan(10);
  expect(scan.leaks).toEqual([]);
});

/** Runs the CLI with stdin from a file descriptor (a device). */
function execFileSyncStatus(args: string[], stdin: number): { status: number | null; stderr: string } {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const r = spawnSync(process.execPath, args, { stdio: [stdin, 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, SKILLSNET_DB: '' }, timeout: 20_000 });
  return { status: r.status, stderr: r.stderr };
}

/**
 * An .xlsx-looking zip whose sheet inflates from a few hundred KB to `size` bytes of the same
 * character: what a zip bomb is. Written by hand (local header, deflated data, central
 * directory); the CRC is left 0, since nothing may inflate it anyway.
 */
function zipBomb(size: number): Buffer {
  const data = zlib.deflateRawSync(Buffer.alloc(size, 0x20), { level: 9 });
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const centralStart = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralStart, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}
