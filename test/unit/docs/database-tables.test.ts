/**
 * docs/database.md names every table a script sees with `sqlite-utils tables` and says which hold
 * personal data: held to the schema and to the registry erase works from (db/personal-data.ts),
 * so a table added without a line there, or a personal-data place the page calls clean, fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { existingTables, personalDataPlaces } from '../../../src/db/personal-data.js';
import { ROOT, tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-doc-tables-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The rows of the page's table of tables: each table named in its first cell -> its last cell. */
function documentedTables(): Map<string, string> {
  const page = fs.readFileSync(path.join(ROOT, 'docs', 'database.md'), 'utf8');
  const section = page.split('### Its tables')[1]?.split(/\n## /)[0] ?? '';
  const out = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length < 3 || !cells[0]!.startsWith('`')) continue;
    for (const [, name] of cells[0]!.matchAll(/`(\w+)`/g)) out.set(name!, cells[cells.length - 1]!);
  }
  return out;
}

describe('docs/database.md, its tables', () => {
  it('names every table of a new database, and no other', () => {
    const db = openDatabase(path.join(dir, 'new.db'), { create: true });
    const tables = [...existingTables(db)].sort();
    db.close();
    expect([...documentedTables().keys()].sort()).toEqual(tables);
  });

  it('says personal data for every table erase clears it from', () => {
    const documented = documentedTables();
    // (the schema's tables: a place another test file registered for a table of its own, in this
    // worker's shared registry — unit tests run without isolation — is no table of the page)
    const db = openDatabase(path.join(dir, 'places.db'), { create: true });
    const tables = existingTables(db);
    db.close();
    const calledClean = personalDataPlaces().map((p) => p.table).filter((t) => tables.has(t) && (documented.get(t) ?? '—') === '—');
    expect(calledClean).toEqual([]);
  });
});
