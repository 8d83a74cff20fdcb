/** Migrations of this branch: the working language (5) and the split names (20), filled in for older files. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/db/migrations.js';
import { run as skillsnet, tempDir } from '../support/run.js';

/**
 * The file as a tool at schema `version` left it (as far as the tests need): the tables of later
 * migrations dropped, so that opening it makes them again. Returns the open connection.
 */
function rewind(file: string, version: number): Database.Database {
  const raw = new Database(file);
  const later = MIGRATIONS.filter((m) => m.version > version);
  const all = (re: RegExp) => later.flatMap((m) => [...m.sql.matchAll(re)]);
  // undone in the reverse order of making: triggers and indexes, then added columns, then tables
  raw.exec([
    ...all(/CREATE TRIGGER (\w+)/g).map((x) => `DROP TRIGGER IF EXISTS ${x[1]};`),
    ...all(/CREATE (?:UNIQUE )?INDEX (\w+)/g).map((x) => `DROP INDEX IF EXISTS ${x[1]};`),
    ...all(/ALTER TABLE (\w+) ADD COLUMN (\w+)/g).reverse().map((x) => `ALTER TABLE ${x[1]} DROP COLUMN ${x[2]};`),
    ...all(/CREATE TABLE (\w+)/g).reverse().map((x) => `DROP TABLE ${x[1]};`),
  ].join(' '));
  raw.pragma(`user_version = ${version}`);
  return raw;
}

describe('migrations', () => {
  it('are in version order, and 5 adds the working language exactly as the import branch does', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(SCHEMA_VERSION).toBe(versions.at(-1));
    expect(MIGRATIONS.find((m) => m.version === 5)).toEqual({
      version: 5, name: 'applications: the preferred working language, apart from the language of the text', sql: 'ALTER TABLE applications ADD COLUMN working_language TEXT;',
    });
  });

  it('20 fills given and family names of applications imported before from their raw rows and mapped columns', async () => {
    const dir = tempDir('skillsnet-migrate-');
    const file = path.join(dir, 'old.db');
    const csv = path.join(dir, 'apps.csv');
    fs.writeFileSync(csv, 'Organisation,Email,Prénom,Nom de famille\nTaller,andres@example.org,Andrés, García Márquez \nSans nom,x@example.org,,\n');
    expect((await skillsnet(['--db', file, 'import', csv, '--call', '2020'])).code).toBe(0);
    // The file as a tool before migration 20 left it.
    const raw = rewind(file, 19);
    raw.close();
    const db = openDatabase(file, { create: true });
    const rows = db.prepare('SELECT contact_name, given_name, family_name FROM applications ORDER BY id').all();
    db.close();
    expect(rows).toEqual([
      { contact_name: 'Andrés García Márquez', given_name: 'Andrés', family_name: 'García Márquez' },
      { contact_name: null, given_name: null, family_name: null },
    ]);
  });
});

describe('people keep the form\'s first and last names', () => {
  it('from the import, and from migration 21 for people made before', async () => {
    const dir = tempDir('skillsnet-migrate-');
    const file = path.join(dir, 'p.db');
    const csv = path.join(dir, 'apps.csv');
    fs.writeFileSync(csv, 'Organisation,Email,Prénom,Nom de famille\nTaller,andres@example.org,Andrés,García Márquez\n');
    expect((await skillsnet(['--db', file, 'import', csv, '--call', '2020'])).code).toBe(0);
    const names = () => {
      const db = openDatabase(file, { create: true });
      try {
        return db.prepare('SELECT given_name, family_name FROM people').all();
      } finally {
        db.close();
      }
    };
    expect(names()).toEqual([{ given_name: 'Andrés', family_name: 'García Márquez' }]);
    const raw = rewind(file, 20);
    raw.exec('UPDATE people SET given_name = NULL, family_name = NULL;');
    raw.close();
    expect(names()).toEqual([{ given_name: 'Andrés', family_name: 'García Márquez' }]);
  });
});

describe('31: what imports keep of each file', () => {
  it('a database from before it gets the columns, and an import into it works and finds its likely duplicates', async () => {
    const dir = tempDir('skillsnet-migrate-');
    const file = path.join(dir, 'i.db');
    const csv = path.join(dir, 'apps.csv');
    fs.writeFileSync(csv, 'Organisation,Email,Title,Timestamp\nTaller,andres@example.org,Learning by doing,2020-03-04 10:00\n');
    expect((await skillsnet(['--db', file, 'import', csv, '--call', '2020'])).code).toBe(0);
    rewind(file, 30).close();
    const again = path.join(dir, 'more.csv');
    fs.writeFileSync(again, 'Organisation,Email,Title,Timestamp\nTaller,andres@example.org,Learning by doing again,2020-03-05 10:00\n');
    const r = await skillsnet(['--db', file, 'import', again, '--call', '2020', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ inserted: 1, possibleDuplicateCount: 1 });
    const db = openDatabase(file, { create: true });
    try {
      const columns = (db.prepare("SELECT name FROM pragma_table_info('applications')").all() as { name: string }[]).map((c) => c.name);
      expect(columns).toEqual(expect.arrayContaining(['submitted_at_raw', 'language_source', 'dup_keys_version']));
      expect(db.prepare("SELECT submitted_at FROM applications ORDER BY id").pluck().all()).toEqual(['2020-03-04T10:00:00', '2020-03-05T10:00:00']);
    } finally {
      db.close();
    }
  });
});
