import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPendingFile, resolveOutput, writeFileAtomic, writeFilesAtomic } from '../../../src/export/write.js';
import { FOREIGN_TEMP_IDLE_MS, machineTag, mayBeWriting, processStartMs, startTicks, tempPathFor } from '../../../src/files/write.js';
import { tempDir } from '../support/run.js';

describe('atomic export writes', () => {
  it('creates files 0600 even under a permissive umask, and leaves no temporary file', () => {
    const dir = tempDir();
    const old = process.umask(0o000);
    try {
      writeFileAtomic(path.join(dir, 'a.csv'), 'x\n', { force: false });
    } finally {
      process.umask(old);
    }
    expect(fs.statSync(path.join(dir, 'a.csv')).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['a.csv']);
  });

  it('writes a set of files all or nothing', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'connections.csv'), 'old');
    expect(() => writeFilesAtomic([{ path: path.join(dir, 'elements.csv'), data: 'new' }, { path: path.join(dir, 'connections.csv'), data: 'new' }], { force: false }))
      .toThrow(/connections\.csv already exists/);
    expect(fs.readdirSync(dir)).toEqual(['connections.csv']);
    writeFilesAtomic([{ path: path.join(dir, 'elements.csv'), data: 'new' }, { path: path.join(dir, 'connections.csv'), data: 'new' }], { force: true });
    expect(fs.readFileSync(path.join(dir, 'connections.csv'), 'utf8')).toBe('new');
    expect(fs.readdirSync(dir).sort()).toEqual(['connections.csv', 'elements.csv']);
  });

  it('does not clobber a file that appears while the export is being written', () => {
    const dir = tempDir();
    const target = path.join(dir, 'map.xlsx');
    const pending = openPendingFile(target, { force: false });
    pending.write('ours');
    fs.writeFileSync(target, 'theirs');
    expect(() => pending.commit()).toThrow(/already exists/);
    expect(fs.readFileSync(target, 'utf8')).toBe('theirs');
    expect(fs.readdirSync(dir)).toEqual(['map.xlsx']);
  });

  it('removes the temporary file when the export is abandoned', () => {
    const dir = tempDir();
    const pending = openPendingFile(path.join(dir, 'x.vcf'), { force: false });
    pending.write(Buffer.from('half'));
    pending.abort();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('resolves --out', () => {
    expect(resolveOutput('-', { cwd: '/tmp', stdoutAllowed: true, format: 'csv', example: 'c.csv' })).toEqual({ kind: 'stdout' });
    expect(resolveOutput('x/c.csv', { cwd: '/tmp', stdoutAllowed: true, format: 'csv', example: 'c.csv' })).toEqual({ kind: 'file', path: '/tmp/x/c.csv' });
    expect(() => resolveOutput('-', { cwd: '/tmp', stdoutAllowed: false, format: 'xlsx', example: 'map.xlsx' })).toThrow(/cannot be written to stdout/);
    expect(() => resolveOutput('', { cwd: '/tmp', stdoutAllowed: false, format: 'xlsx', example: 'map.xlsx' })).toThrow(/--out is required/);
  });

  it('refuses to write over a folder', () => {
    const dir = tempDir();
    expect(() => writeFileAtomic(dir, 'x', { force: true })).toThrow(/is a folder/);
  });
});

/** Runs `fn` with a process that runs meanwhile, a fresh folder and map.html in it. */
async function withLiveProcess(fn: (live: import('node:child_process').ChildProcess, dir: string, target: string) => Promise<void>): Promise<void> {
  const { spawn } = await import('node:child_process');
  const dir = tempDir();
  const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  try {
    await new Promise((resolve) => live.once('spawn', resolve));
    await fn(live, dir, path.join(dir, 'map.html'));
  } finally {
    live.kill();
  }
}

describe('temporary files of an export that was killed', () => {
  it('are removed by the next write of that file; one of a process still running, and other files, are left alone (a killed export\'s hidden copy stayed for good)', async () => {
    const { spawn, spawnSync } = await import('node:child_process');
    const dir = tempDir();
    const target = path.join(dir, 'map.html');
    // a process that has ended (its id free) and one that runs
    const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const stale = path.basename(tempPathFor(target, ended));
      const busy = path.basename(tempPathFor(target, live.pid));
      const others = [path.basename(tempPathFor(path.join(dir, 'other.html'), ended)), `.map.html.${ended}.notours.tmp`, `.map.html.${ended}.abc.tmp`, 'notes.txt'];
      for (const name of [stale, busy, ...others]) fs.writeFileSync(path.join(dir, name), 'x');
      writeFileAtomic(target, '<html>', { force: false });
      expect(fs.readdirSync(dir).sort()).toEqual([busy, ...others, 'map.html'].sort());
    } finally {
      live.kill();
    }
  });

  it('one another machine is writing into a shared folder (its process id means nothing here) is left alone until it has lain untouched for an hour (it was removed under the export writing it)', async () => {
    const { spawnSync } = await import('node:child_process');
    const dir = tempDir();
    const target = path.join(dir, 'map.html');
    const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
    // (this machine's four hex digits follow the process id; another machine's differ, and a name from before had none)
    const ours = path.basename(tempPathFor(target, ended));
    const machine = /\.(\d+)\.([0-9a-f]{4})[0-9a-f]{8}\.tmp$/.exec(ours)![2];
    const otherMachine = (machine === '0000' ? '0001' : '0000');
    const elsewhere = (id: string) => `.map.html.${ended}.${otherMachine}${id}.tmp`;
    const writing = [elsewhere('0a1b2c3d'), `.map.html.${ended}.0a1b2c3d.tmp`];
    const killed = [elsewhere('4e5f6a7b'), `.map.html.${ended}.4e5f6a7b.tmp`];
    for (const name of [...writing, ...killed]) fs.writeFileSync(path.join(dir, name), 'x');
    const idle = (Date.now() - FOREIGN_TEMP_IDLE_MS - 60_000) / 1000;
    for (const name of killed) fs.utimesSync(path.join(dir, name), idle, idle);
    // (a folder named as a temporary file is not one)
    fs.mkdirSync(path.join(dir, ours));
    writeFileAtomic(target, '<html>', { force: false });
    expect(fs.readdirSync(dir).sort()).toEqual([...writing, ours, 'map.html'].sort());
  });

  it('a process id that now names a process started after the file was last written (the id reused) keeps it no longer; another machine\'s, untouched for an hour, goes even when its id names a process running here (both stayed for as long as that process ran)', async () => {
    // a process that runs now: the writer of a file written since it started, or only the
    // holder of the id of one whose file lay there from before it started
    await withLiveProcess(async (live, dir, target) => {
      const busy = path.basename(tempPathFor(target, live.pid));
      // (the id's earlier process, started a minute before this one; a name without its start, an earlier skillsnet's)
      const reused = path.basename(tempPathFor(target, live.pid, startTicks(live.pid)! - 6000));
      const reusedUnnamed = path.basename(tempPathFor(target, live.pid, null));
      const machine = /\.(\d+)(?:-\d+)?\.([0-9a-f]{4})[0-9a-f]{8}\.tmp$/.exec(busy)![2];
      const elsewhere = (id: string) => `.map.html.${live.pid}.${machine === '0000' ? '0001' : '0000'}${id}.tmp`;
      const foreignWriting = elsewhere('0a1b2c3d');
      const foreignKilled = elsewhere('4e5f6a7b');
      for (const name of [busy, reused, reusedUnnamed, foreignWriting, foreignKilled]) fs.writeFileSync(path.join(dir, name), 'x');
      // (written a minute before the process of that id started; an hour and more ago, another machine's)
      const started = processStartMs(live.pid!);
      expect(started).not.toBeNull();
      const before = (started! - 60_000) / 1000;
      fs.utimesSync(path.join(dir, reusedUnnamed), before, before);
      const idle = (Date.now() - FOREIGN_TEMP_IDLE_MS - 60_000) / 1000;
      fs.utimesSync(path.join(dir, foreignKilled), idle, idle);
      writeFileAtomic(target, '<html>', { force: false });
      expect(fs.readdirSync(dir).sort()).toEqual([busy, foreignWriting, 'map.html'].sort());
    });
  });

  it('a live writer\'s file whose last-written time looks older than its process (a network drive\'s server clock behind this machine\'s, a copy or touch) is kept: its name\'s start, not the file\'s time, tells (it was removed under the writer)', async () => {
    await withLiveProcess(async (live, dir, target) => {
      const writing = path.basename(tempPathFor(target, live.pid));
      fs.writeFileSync(path.join(dir, writing), 'x');
      const behind = (processStartMs(live.pid!)! - 10 * 60_000) / 1000;
      fs.utimesSync(path.join(dir, writing), behind, behind);
      writeFileAtomic(target, '<html>', { force: false });
      expect(fs.readdirSync(dir).sort()).toEqual([writing, 'map.html'].sort());
    });
  });

  it('the machine\'s tag in a name differs for another process-id namespace or another boot under the same host name (a container run with the host\'s name had the host\'s tag, and its ids were looked up there)', () => {
    const host = machineTag('app', 'pid:[4026531836]', 'b1');
    expect(machineTag('app', 'pid:[4026532210]', 'b1')).not.toBe(host);
    expect(machineTag('app', 'pid:[4026531836]', 'b2')).not.toBe(host);
    expect(machineTag('app', 'pid:[4026531836]', 'b1')).toBe(host);
  });

  it('a running process is taken for the writer of a file written since it started, or within the boot clock\'s second of it; never of one written before', () => {
    const started = processStartMs(process.pid)!;
    expect(Math.abs(started - (Date.now() - process.uptime() * 1000))).toBeLessThan(3000);
    expect(mayBeWriting(process.pid, Date.now())).toBe(true);
    expect(mayBeWriting(process.pid, started - 1000)).toBe(true);
    expect(mayBeWriting(process.pid, started - 10_000)).toBe(false);
    // (a process id that names no process: no writer)
    expect(mayBeWriting(2 ** 22 + 1, Date.now())).toBe(false);
  });
});
