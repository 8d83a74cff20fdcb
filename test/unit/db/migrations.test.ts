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
  const later = MIGRATIONS.filter((m) => m.version > version).flatMap((m) => [...m.sql.matchAll(/CREATE TABLE (\w+)/g)].map((x) => x[1]));
  raw.exec(later.reverse().map((t) => `DROP TABLE ${t};`).join(' '));
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
    raw.exec('ALTER TABLE applications DROP COLUMN given_name; ALTER TABLE applications DROP COLUMN family_name;');
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
