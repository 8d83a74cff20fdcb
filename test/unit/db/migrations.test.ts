/** Migrations of this branch: the working language (5) and the split names (20), filled in for older files. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/db/migrations.js';
import { run as skillsnet, tempDir } from '../support/run.js';

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
    const raw = new Database(file);
    // Tables of later migrations go too, so that they are made again on top of 20.
    const later = MIGRATIONS.filter((m) => m.version > 20).flatMap((m) => [...m.sql.matchAll(/CREATE TABLE (\w+)/g)].map((x) => x[1]));
    raw.exec(later.reverse().map((t) => `DROP TABLE ${t};`).join(' '));
    raw.exec('ALTER TABLE applications DROP COLUMN given_name; ALTER TABLE applications DROP COLUMN family_name; PRAGMA user_version = 19;');
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
