import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { errorLine, inspect, listing, readOnlyBind, run, tempDir, writeCall } from './support.js';

/**
 * Faults met on the paths added in the eighth round: a quotas workbook that comes through a
 * named pipe, a Kumu CSV folder on a read-only disk, an attendance report whose byte-order mark
 * lies about its text.
 */
let work: string;
let db: string;
const mounts: (() => void)[] = [];

beforeAll(() => {
  work = tempDir('skillsnet-faults-new-');
  const call = writeCall(path.join(work, 'call.csv'), 200);
  db = path.join(work, 'call.db');
  const imported = run(['--db', db, 'import', call, '--call', '2020', '--quiet']);
  expect(imported.code, imported.stderr).toBe(0);
  const tagged = run(['--db', db, 'tag', 'auto', '--quiet']);
  expect(tagged.code, tagged.stderr).toBe(0);
}, 120_000);

afterAll(() => {
  for (const unmount of mounts.reverse()) unmount();
});

/** Runs the CLI while a writer feeds `file` into the named pipe `fifo` once. */
async function throughFifo(fifo: string, file: string, args: string[]) {
  execFileSync('mkfifo', [fifo]);
  const writer = spawn('/bin/sh', ['-c', 'cat "$0" > "$1"', file, fifo], { stdio: 'ignore' });
  try {
    return run(args, { timeout: 20_000 });
  } finally {
    writer.kill();
    fs.rmSync(fifo, { force: true });
  }
}

describe('select --quotas through a named pipe', () => {
  it('a workbook is read from the bytes that came through the pipe (opening the pipe again waited forever, and ignored Ctrl-C)', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Quotas');
    sheet.addRow(['feature', 'value', 'min', 'max']);
    sheet.addRow(['language', 'en', 1, null]);
    const xlsx = path.join(work, 'quotas.xlsx');
    await book.xlsx.writeFile(xlsx);
    const before = inspect(db);
    const r = await throughFifo(path.join(work, 'quotas.fifo'), xlsx, ['--db', db, 'select', '--size', '5', '--quotas', path.join(work, 'quotas.fifo'), '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).members).toHaveLength(5);
    expect(inspect(db)).toEqual(before);
  });

  it('an old .xls (an Office compound file) is named as such, without opening the pipe again', async () => {
    const xls = path.join(work, 'quotas.xls');
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
    cfb.writeUInt16LE(9, 0x1e); // 512-byte sectors: the directory is then looked for in the file
    fs.writeFileSync(xls, cfb);
    const r = await throughFifo(path.join(work, 'xls.fifo'), xls, ['--db', db, 'select', '--size', '5', '--quotas', path.join(work, 'xls.fifo'), '--dry-run']);
    expect(r.code, r.stderr).toBe(1);
    expect(errorLine(r)).toMatch(/is an old Excel \.xls workbook/);
  });
});

describe('a read-only disk', () => {
  it('export kumu --format csv into a new folder there: the disk is said to be read-only, not "no such file or folder"', () => {
    const dir = tempDir('skillsnet-ro-kumu-');
    mounts.push(readOnlyBind(dir));
    const r = run(['--db', db, 'export', 'kumu', '--target-groups', '--format', 'csv', '--out', path.join(dir, 'kumu')]);
    expect(r.code, r.stderr).toBe(1);
    expect(errorLine(r)).toMatch(/^error: cannot create the folder .*kumu: the disk is read-only \(EROFS\)/);
    expect(listing(dir)).toEqual([]);
  });
});

describe('event attendance: a report whose UTF-16 byte-order mark lies', () => {
  it('a Zoom webinar report written as UTF-8 after a UTF-16 mark is read as UTF-8', () => {
    const added = run(['--db', db, 'event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2020-11-19 13:00', '--tz', 'UTC', '--json']);
    expect(added.code, added.stderr).toBe(0);
    const id = String(JSON.parse(added.stdout).id);
    const text = [
      'Attendee Report,',
      'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,Unique Viewers,Total Users,Max Concurrent Views',
      'Webinar,912-345-678,"Nov 19, 2020 1:00 PM",60,1,0,1,1,1',
      'Attendee Details,',
      'Attended,User Name (Original Name),First Name,Last Name,Email,Registration Time,Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name',
      'Yes,Moussa K.,Moussa,Kouassi,,"Nov 01, 2020 10:02:11",approved,"Nov 19, 2020 13:01:05","Nov 19, 2020 14:00:00",59,Yes,Bénin',
    ].join('\r\n');
    const report = path.join(work, 'webinar.csv');
    fs.writeFileSync(report, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf8')]));
    const r = run(['--db', db, 'event', 'attendance', id, report, '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).rows).toBe(1);
  });
});
