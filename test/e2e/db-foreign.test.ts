import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/cli.js';

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

describe('a database skillsnet did not make', () => {
  it('is refused by read and write commands and left exactly as it was', () => {
    const file = path.join(tempDir(), 'other.db');
    const other = new Database(file);
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me')");
    other.close();
    fs.chmodSync(file, 0o644);
    const before = sha(file);
    for (const args of [['list'], ['init'], ['stats']]) {
      const r = runCli(['--db', file, ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^error: .*SQLite database that skillsnet did not make/m);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(sha(file)).toBe(before);
    expect(fs.statSync(file).mode & 0o777).toBe(0o644);
    expect(fs.existsSync(file + '-wal')).toBe(false);
  });
});

describe('piped list output', () => {
  it('keeps whole organisation names, so cut -f2 gives them back', () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    const long = 'Asociación Nacional de Centros de Formación Profesional y Empleo Juvenil del Altiplano';
    fs.writeFileSync(path.join(dir, 'a.csv'), `Organization,Email,Country\n"${long}",ana@example.org,Bolivia\n`);
    expect(runCli(['--db', db, 'import', path.join(dir, 'a.csv'), '--call', 't']).code).toBe(0);
    const r = runCli(['--db', db, 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1].split('\t')[1]).toBe(long);
    // search ignores case and accents
    const found = runCli(['--db', db, 'list', '--search', 'FORMACION', '--json']);
    expect(JSON.parse(found.stdout)).toHaveLength(1);
    expect(JSON.parse(runCli(['--db', db, 'list', '--search', 'nowhere', '--json']).stdout)).toHaveLength(0);
  });
});
