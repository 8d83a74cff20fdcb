import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { checkTarget, CheckedOutput, faultError, openPendingFile, writeAllSync, writeFileAtomic, writeFilesAtomic } from '../../../src/files/index.js';
import { OperationError } from '../../../src/errors.js';
import { tempDir } from '../support/run.js';
import { scratchDevices } from '../../fixtures/devices.js';

describe('the writer refuses what is not a regular file, even with force', () => {
  it('devices, named pipes, folders and links to them', () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'p');
    execFileSync('mkfifo', [fifo]);
    const devices = scratchDevices(dir);
    const link = path.join(dir, 'to-null');
    fs.symlinkSync(devices.null, link);
    expect(() => checkTarget('/dev/null', { force: true })).toThrow(/\/dev\/null is a device, not a file: skillsnet writes only regular files there, even with --force/);
    expect(() => checkTarget(devices.null, { force: true })).toThrow(/null is a device, not a file/);
    expect(() => checkTarget(fifo, { force: true })).toThrow(/is a named pipe \(FIFO\), not a file/);
    expect(() => checkTarget(dir, { force: true })).toThrow(/is a folder, not a file/);
    expect(() => checkTarget(link, { force: true })).toThrow(/to-null is a device, not a file/);
    expect(() => writeFileAtomic(devices.full, 'x', { force: true })).toThrow(/is a device/);
    expect(fs.statSync(devices.full).isCharacterDevice()).toBe(true);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
  });

  it('the refusal of a device offers --out - only to a command that can print on stdout', () => {
    const hint = (options: { force: boolean; stdout?: boolean }) => {
      try {
        checkTarget('/dev/null', options);
      } catch (e) {
        return (e as OperationError).hint ?? '';
      }
      throw new Error('/dev/null was accepted');
    };
    expect(hint({ force: true })).not.toMatch(/--out/);
    expect(hint({ force: true })).toMatch(/give the path of a file/);
    expect(hint({ force: true, stdout: true })).toMatch(/--out - to print on stdout/);
  });

  it('a new path, or an existing file with force only', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.csv');
    expect(checkTarget(file, { force: false })).toEqual({ kind: 'new', path: file });
    fs.writeFileSync(file, 'x');
    expect(() => checkTarget(file, { force: false })).toThrow(/a\.csv already exists/);
    expect(checkTarget(file, { force: true })).toEqual({ kind: 'file', path: file });
  });

  it('a symbolic link to a file is written through: the link stays, the file it points at is replaced', () => {
    const dir = tempDir();
    const real = path.join(dir, 'real.csv');
    fs.writeFileSync(real, 'old');
    const link = path.join(dir, 'latest.csv');
    fs.symlinkSync(real, link);
    writeFileAtomic(link, 'new', { force: true });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('new');
  });
});

describe('every byte is checked', () => {
  it('a write the disk refuses (/dev/full) is an error, never a short success', () => {
    const fd = fs.openSync('/dev/full', 'w');
    try {
      expect(() => writeAllSync(fd, 'hello')).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    } finally {
      fs.closeSync(fd);
    }
  });

  it('a failed write removes the temporary file and keeps the earlier file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'contacts.csv');
    fs.writeFileSync(file, 'earlier');
    const pending = openPendingFile(file, { force: true });
    pending.write('half');
    pending.abort();
    expect(fs.readFileSync(file, 'utf8')).toBe('earlier');
    expect(fs.readdirSync(dir)).toEqual(['contacts.csv']);
  });

  it('files that belong together: a refusal of the second leaves the first unwritten', () => {
    const dir = tempDir();
    execFileSync('mkfifo', [path.join(dir, 'connections.csv')]);
    expect(() => writeFilesAtomic([{ path: path.join(dir, 'elements.csv'), data: 'e' }, { path: path.join(dir, 'connections.csv'), data: 'c' }], { force: true }))
      .toThrow(/named pipe/);
    expect(fs.readdirSync(dir)).toEqual(['connections.csv']);
  });

  it('folders it creates are 0700, files 0600, whatever the umask', () => {
    const dir = tempDir();
    const old = process.umask(0o000);
    try {
      writeFileAtomic(path.join(dir, 'new', 'deep', 'c.csv'), 'x', { force: false });
    } finally {
      process.umask(old);
    }
    expect(fs.statSync(path.join(dir, 'new')).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, 'new', 'deep')).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, 'new', 'deep', 'c.csv')).mode & 0o777).toBe(0o600);
  });
});

describe('faults in their own words', () => {
  it.each([
    ['ENOSPC', /the disk is full \(ENOSPC\)/, /free some space/],
    ['EDQUOT', /your disk quota is used up/, /delete files/],
    ['EACCES', /permission denied \(EACCES\)/, /choose a place you may write to/],
    ['EROFS', /the disk is read-only \(EROFS\)/, /write to another place/],
    ['EISDIR', /it is a folder/, /name of a file/],
    ['SQLITE_FULL', /the disk is full \(SQLITE_FULL\)/, /free some space/],
    ['SQLITE_BUSY', /another program is holding a lock/, /wait for/],
    ['SQLITE_CORRUPT', /damaged/, /db check/],
  ])('%s', (code, what, fix) => {
    const e = faultError(Object.assign(new Error('raw'), { code }), { action: 'write x.csv', kept: 'the earlier x.csv was kept as it was' });
    expect(e).toBeInstanceOf(OperationError);
    expect((e as OperationError).message).toMatch(what);
    expect((e as OperationError).message).toMatch(/^cannot write x\.csv: .*; the earlier x\.csv was kept as it was$/);
    expect((e as OperationError).hint).toMatch(fix);
  });

  it('anything else is left as it is (unexpected errors keep their stack)', () => {
    const e = new TypeError('boom');
    expect(faultError(e, { action: 'write x' })).toBe(e);
  });
});

describe('stdout as a checked output', () => {
  it('a full disk behind it is an OperationError saying so', () => {
    const fd = fs.openSync('/dev/full', 'w');
    try {
      const out = new CheckedOutput(fd);
      expect(() => out.write('[]\n')).toThrow(/cannot write the output: the disk is full \(ENOSPC\)/);
    } finally {
      fs.closeSync(fd);
    }
  });

  it('a file the shell just made is made private before personal data goes there; an older one is named in a warning', () => {
    const dir = tempDir();
    const fresh = path.join(dir, 'fix.csv');
    const fd = fs.openSync(fresh, 'w', 0o644);
    fs.fchmodSync(fd, 0o644);
    try {
      const out = new CheckedOutput(fd, Date.now());
      expect(out.protect()).toBeUndefined();
      expect(fs.statSync(fresh).mode & 0o777).toBe(0o600);
    } finally {
      fs.closeSync(fd);
    }
    const older = path.join(dir, 'old.csv');
    fs.writeFileSync(older, 'earlier rows\n', { mode: 0o644 });
    fs.chmodSync(older, 0o644);
    const fd2 = fs.openSync(older, 'a');
    try {
      const warning = new CheckedOutput(fd2, Date.now()).protect();
      expect(warning).toMatch(/other users of this computer can read \(mode 0644\)/);
      expect(fs.statSync(older).mode & 0o777).toBe(0o644);
    } finally {
      fs.closeSync(fd2);
    }
  });

  it('an older file emptied by > keeps its mode (a warning names it), where the file system keeps birth times and where it does not', () => {
    const dir = tempDir();
    const older = path.join(dir, 'shared.csv');
    fs.writeFileSync(older, 'earlier rows\n', { mode: 0o644 });
    fs.chmodSync(older, 0o644);
    // (made a minute before this command started, emptied by the shell as it started)
    const started = Date.now() + 60_000;
    const truncated = (stat: fs.Stats, birth: boolean): fs.Stats =>
      Object.assign(Object.create(Object.getPrototypeOf(stat) as object) as fs.Stats, stat, { size: 0, ctimeMs: started, mtimeMs: started, birthtimeMs: birth ? stat.birthtimeMs : 0 });
    for (const birth of [true, false]) {
      const fd = fs.openSync(older, 'r+');
      const real = fs.fstatSync.bind(fs);
      const spy = vi.spyOn(fs, 'fstatSync').mockImplementation(((f: number) => truncated(real(f), birth)) as typeof fs.fstatSync);
      try {
        expect(new CheckedOutput(fd, started).protect(), `birth time kept: ${birth}`).toMatch(/mode 0644/);
        expect(fs.statSync(older).mode & 0o777).toBe(0o644);
      } finally {
        spy.mockRestore();
        fs.closeSync(fd);
      }
    }
    // and a file made just now, on a file system without birth times, is made private as before
    const fresh = path.join(dir, 'fresh.csv');
    const fd = fs.openSync(fresh, 'w', 0o644);
    fs.fchmodSync(fd, 0o644);
    const real = fs.fstatSync.bind(fs);
    const spy = vi.spyOn(fs, 'fstatSync').mockImplementation(((f: number) => Object.assign(Object.create(Object.getPrototypeOf(real(f)) as object) as fs.Stats, real(f), { birthtimeMs: 0 })) as typeof fs.fstatSync);
    try {
      expect(new CheckedOutput(fd, Date.now()).protect()).toBeUndefined();
      expect(fs.statSync(fresh).mode & 0o777).toBe(0o600);
    } finally {
      spy.mockRestore();
      fs.closeSync(fd);
    }
  });
});
