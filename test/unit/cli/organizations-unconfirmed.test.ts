/**
 * organizations --unconfirmed names the two organisations of every doubtful pair: read in one
 * query for all the pairs, not one query per pair (8,002 pairs for a call of 20,000). The same
 * pairs, names and countries as the organisations read one by one.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { json, run, tempDir } from '../support/run.js';
import { openDatabase } from '../../../src/db/connection.js';
import { getOrganization } from '../../../src/db/organizations.js';
import { HEADER, rows } from '../../support/network-rows.js';

describe('organizations --unconfirmed', () => {
  it('reads the organisations of all the pairs at once, and names each as read alone', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'u.db');
    fs.writeFileSync(path.join(dir, 'a.csv'), stringify([HEADER, ...rows(5, 300, 'A')]));
    expect((await run(['--db', db, 'import', path.join(dir, 'a.csv'), '--call', '2020'])).code).toBe(0);
    const Statement = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as { all: (...a: unknown[]) => unknown };
    const all = Statement.all;
    let reads = 0;
    Statement.all = function (this: { source: string }, ...args: unknown[]) {
      if (/^SELECT \* FROM organizations /.test(this.source)) reads++;
      return all.apply(this, args);
    };
    let pairs: { organization: { id: string; name: string; country: string | null }; candidate: { id: string; name: string; country: string | null } }[];
    try {
      pairs = json(await run(['--db', db, 'organizations', '--unconfirmed', '--json']));
    } finally {
      Statement.all = all;
    }
    expect(pairs.length).toBeGreaterThan(10);
    expect(reads).toBe(1);
    const check = openDatabase(db, { create: false });
    for (const p of pairs) {
      for (const side of [p.organization, p.candidate]) {
        const o = getOrganization(check, Number(side.id.slice(4)))!;
        expect(side).toEqual({ id: `org-${o.id}`, name: o.name, country: o.country });
      }
    }
    check.close();
  });
});
