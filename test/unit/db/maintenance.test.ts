import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { run as skillsnet, tempDir, json } from '../support/run.js';
import { openDatabase } from '../../../src/db/connection.js';
import { backupDatabase, checkDatabase } from '../../../src/db/maintenance.js';
import { runDbCheck } from '../../../src/cli/db.js';
import { bufferIO } from '../../../src/cli/io.js';
import { scratchDevices } from '../../fixtures/devices.js';

const SECRET_ORG = 'Fundación Secreta Privada';
const SECRET_EMAIL = 'maria.private@example.org';

/** A database with one call and n applications (personal data markers in the first one). */
function makeDb(file: string, n = 3): void {
  const db = openDatabase(file, { create: true });
  const call = db.prepare(`INSERT INTO calls(name) VALUES ('2020')`).run().lastInsertRowid;
  const ins = db.prepare(
    `INSERT INTO applications(call_id, identity_key, organization, email, raw_json, content_hash) VALUES (?, ?, ?, ?, '{}', 'h')`,
  );
  db.transaction(() => {
    for (let i = 0; i < n; i++) ins.run(call, `k${i}`, i === 0 ? SECRET_ORG : `Org ${i}`, i === 0 ? SECRET_EMAIL : `o${i}@example.org`);
  })();
  db.close();
}

describe('checkDatabase', () => {
  it('calls a fresh database sound and counts rows per table', () => {
    const file = path.join(tempDir(), 'a.db');
    makeDb(file, 5);
    const r = checkDatabase(file);
    expect(r.ok).toBe(true);
    expect(r.integrity).toEqual(['ok']);
    expect(r.foreignKeyViolations).toBe(0);
    expect(r.tables.applications).toBe(5);
    expect(r.tables.calls).toBe(1);
    expect(r.verdict).toMatch(/^ok: .*5 applications/);
    expect(r.warnings).toEqual([]);
  });

  it('finds rows pointing at missing parents, without quoting their content', async () => {
    const file = path.join(tempDir(), 'fk.db');
    makeDb(file, 2);
    const raw = new Database(file);
    raw.pragma('foreign_keys = OFF');
    raw.prepare(`INSERT INTO applications(call_id, identity_key, organization, email, raw_json, content_hash) VALUES (999, 'x', ?, ?, '{}', 'h')`).run(SECRET_ORG + ' 2', SECRET_EMAIL);
    raw.close();
    const r = checkDatabase(file);
    expect(r.ok).toBe(false);
    expect(r.foreignKeyViolations).toBe(1);
    expect(r.foreignKeyProblems[0]).toMatchObject({ table: 'applications', parent: 'calls' });
    const { io, stdout, stderr } = bufferIO();
    await expect(runDbCheck({ dbPath: file }, io)).rejects.toThrow(/not ok: 1 row points at rows that no longer exist/);
    expect(stdout() + stderr()).not.toContain(SECRET_ORG);
    expect(stdout() + stderr()).not.toContain(SECRET_EMAIL);
  });

  it('reports a damaged file as not sound instead of failing', () => {
    const file = path.join(tempDir(), 'broken.db');
    makeDb(file, 3000);
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    // Scribble over the middle pages (b-tree pages of the applications table and its indexes).
    const junk = Buffer.alloc(4096 * 4, 0xa5);
    fs.writeSync(fd, junk, 0, junk.length, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    const r = checkDatabase(file);
    expect(r.ok).toBe(false);
    expect(r.verdict).toMatch(/^not ok/);
    expect(r.integrity.join('\n')).not.toContain(SECRET_EMAIL);
  });

  it('says a file that is not SQLite is not a database', () => {
    const file = path.join(tempDir(), 'x.db');
    fs.writeFileSync(file, 'Timestamp,Email Address\n2020,someone@example.org\n'.repeat(50), { mode: 0o600 });
    const r = checkDatabase(file);
    expect(r.ok).toBe(false);
    expect(r.verdict).toBe('not ok: this file is not an SQLite database');
  });

  it('warns when the file can be read by other users', () => {
    const file = path.join(tempDir(), 'open.db');
    makeDb(file);
    fs.chmodSync(file, 0o644);
    const r = checkDatabase(file);
    expect(r.ok).toBe(true);
    expect(r.warnings.join()).toMatch(/can be read by other users.*chmod 600/);
    expect(r.verdict).toMatch(/with 1 warning/);
  });

  it('rejects a file from a newer skillsnet and writes nothing', () => {
    const file = path.join(tempDir(), 'new.db');
    makeDb(file);
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    const r = checkDatabase(file);
    expect(r.ok).toBe(false);
    expect(r.verdict).toMatch(/newer skillsnet/);
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(999);
    again.close();
  });
});

describe('backupDatabase', () => {
  it('writes a checked single-file copy, 0600, and refuses to overwrite without force', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.db');
    makeDb(file, 10);
    const old = process.umask(0o022);
    try {
      const dest = path.join(dir, 'backups', 'copy.db');
      const r = await backupDatabase(file, dest);
      expect(r.tables.applications).toBe(10);
      expect(fs.statSync(dest).mode & 0o777).toBe(0o600);
      expect(fs.readdirSync(path.dirname(dest))).toEqual(['copy.db']);
      const copy = new Database(dest, { readonly: true });
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.prepare('SELECT organization FROM applications ORDER BY id LIMIT 1').pluck().get()).toBe(SECRET_ORG);
      copy.close();
      await expect(backupDatabase(file, dest)).rejects.toThrow(/already exists/);
      makeDb(path.join(dir, 'b.db'), 4);
      const forced = await backupDatabase(path.join(dir, 'b.db'), dest, { force: true });
      expect(forced.tables.applications).toBe(4);
      await expect(backupDatabase(file, file)).rejects.toThrow(/the database itself/);
      await expect(backupDatabase(file, dir)).rejects.toThrow(/is a folder, not a file/);
    } finally {
      process.umask(old);
    }
  });
});

describe('backupDatabase never writes over the live database', () => {
  it('under another name: through a symbolic link to its folder, or onto its -wal, -shm or -journal file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'live.db');
    makeDb(file, 3);
    const alias = path.join(tempDir(), 'alias');
    fs.symlinkSync(dir, alias);
    await expect(backupDatabase(file, path.join(alias, 'live.db'), { force: true })).rejects.toThrow(/the backup file is the database itself/);
    for (const side of ['-wal', '-shm', '-journal']) {
      await expect(backupDatabase(file, `${file}${side}`, { force: true })).rejects.toThrow(new RegExp(`the database's ${side.slice(1)} file, part of the live database`));
      await expect(backupDatabase(file, path.join(alias, `live.db${side}`), { force: true })).rejects.toThrow(/part of the live database/);
    }
    const hard = path.join(tempDir(), 'hard.db');
    fs.linkSync(file, hard);
    await expect(backupDatabase(file, hard, { force: true })).rejects.toThrow(/the database itself/);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(3);
    db.close();
  });

  it('nor over a device or a named pipe', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'live.db');
    makeDb(file, 1);
    const devices = scratchDevices(dir);
    await expect(backupDatabase(file, devices.null, { force: true })).rejects.toThrow(/null is a device, not a file/);
    expect(fs.statSync(devices.null).isCharacterDevice()).toBe(true);
  });
});

describe('read-only databases', () => {
  it('a file without write permission is opened read-only for reading and refused for writing; its mode never changes', async () => {
    const { openDatabase } = await import('../../../src/db/connection.js');
    const file = path.join(tempDir(), 'ro.db');
    makeDb(file, 2);
    fs.chmodSync(file, 0o400);
    expect(() => openDatabase(file, { write: true })).toThrow(/ro\.db is read-only \(its mode is 0400: write-protected\); this command would change it, so nothing was done/);
    const db = openDatabase(file);
    expect(db.readonly).toBe(true);
    expect(db.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(2);
    db.close();
    expect(fs.statSync(file).mode & 0o777).toBe(0o400);
  });

  it('an existing database keeps the mode its officer gave it (0640 stays 0640)', async () => {
    const { openDatabase } = await import('../../../src/db/connection.js');
    const file = path.join(tempDir(), 'shared.db');
    makeDb(file, 1);
    fs.chmodSync(file, 0o640);
    openDatabase(file, { write: true }).close();
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
  });

  it('a new database is born 0600 in a folder made 0700', async () => {
    const { openDatabase } = await import('../../../src/db/connection.js');
    const file = path.join(tempDir(), 'a', 'b', 'new.db');
    const old = process.umask(0o022);
    try {
      openDatabase(file, { create: true }).close();
    } finally {
      process.umask(old);
    }
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.dirname(path.dirname(file))).mode & 0o777).toBe(0o700);
  });
});

describe('skillsnet db check', () => {
  it('db check prints counts and a verdict; --json has the documented shape; exit 1 when not sound', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.db');
    makeDb(file, 7);
    const r = await skillsnet(['db', 'check', '--db', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^applications\t7$/m);
    expect(r.stdout).toMatch(/ok: the database is sound \(7 applications\)/);
    const j = json(await skillsnet(['--db', file, 'db', 'check', '--json']));
    expect(j).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyViolations: 0, tables: { applications: 7 } });

    fs.writeFileSync(path.join(dir, 'junk.db'), Buffer.alloc(8192, 7), { mode: 0o600 });
    const bad = await skillsnet(['db', 'check', '--db', path.join(dir, 'junk.db'), '--json']);
    expect(bad.code).toBe(1);
    expect(json(bad).ok).toBe(false);
    expect(bad.stderr).toMatch(/^error: .*not ok: this file is not an SQLite database/m);
    expect(bad.stderr).not.toMatch(/\n\s+at /);

    const missing = await skillsnet(['db', 'check', '--db', path.join(dir, 'none.db')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: no database at/m);
    expect(fs.existsSync(path.join(dir, 'none.db'))).toBe(false);
  });
});
