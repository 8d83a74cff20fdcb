/**
 * A large import matches organisations from an index in memory and sets the network tables'
 * own indexes aside while it writes (src/import/organization-lookup.ts, db/imports.ts
 * deferIndexes). The built code, on a file large enough for both, read on a second thread and
 * on one: the same organisations, people, members and links as matching through the database
 * row by row, and every index back afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { openDatabase } from '../../dist/db/connection.js';
import { importFiles } from '../../dist/import/importer.js';
import { HEADER, network, rows } from '../support/network-rows.js';
import { tempDir } from './support/cli.js';

const dir = tempDir('skillsnet-network-index-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type DB = ReturnType<typeof openDatabase>;

const indexes = (db: DB) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").pluck().all();

describe('a large import matching organisations in memory', () => {
  it('links 21,000 rows as matching through the database does, and puts back every index it set aside', async () => {
    const file = path.join(dir, 'large.csv');
    fs.writeFileSync(file, stringify([HEADER, ...rows(3, 21_000, 'C')]));
    const runs = [
      { organizationIndex: 'memory' as const, threads: 'always' as const },
      { organizationIndex: 'memory' as const, threads: 'never' as const },
      { organizationIndex: 'database' as const, threads: 'never' as const },
    ];
    const dbs = runs.map((_, i) => openDatabase(path.join(dir, `db${i}.db`), { create: true }));
    const reports = [];
    // the indexes there are while the rows are written (read on this thread, between rows)
    const during: string[][] = [];
    for (let i = 0; i < runs.length; i++) {
      const db = dbs[i]!;
      const onProgress = () => { if (during.length === i) during.push(indexes(db) as string[]); };
      reports.push(await importFiles(db, [file], { call: '2022', ...runs[i] }, { onProgress }));
    }
    const [first, ...others] = dbs.map(network);
    for (const other of others) expect(other).toEqual(first);
    for (const r of reports.slice(1)) expect(r.files[0]!.organizations).toEqual(reports[0]!.files[0]!.organizations);
    expect(reports[0]!.files[0]!.organizations.created).toBeGreaterThan(100);
    expect(reports[0]!.files[0]!.organizations.doubtful).toBeGreaterThan(0);
    expect(reports[0]!.updated).toBeGreaterThan(0);
    // matching in memory, the network's own indexes were set aside while the rows were written
    // (those the writing reads stayed), then all came back; matching in the database, they stayed
    const networkIndexes = ['people_email', 'people_email_domain', 'organizations_name_key', 'member_roles_role'];
    for (const name of networkIndexes) expect(during[1]).not.toContain(name);
    expect(during[1]).toEqual(expect.arrayContaining(['people_organization_email', 'members_organization', 'applications_person']));
    expect(during[1]).not.toContain('applications_email');
    expect(during[2]).toEqual(expect.arrayContaining(networkIndexes));
    // every index is back, the ones set aside during the writing included
    for (const db of dbs.slice(1)) expect(indexes(db)).toEqual(indexes(dbs[0]!));
    expect(indexes(dbs[0]!)).toEqual(expect.arrayContaining(['people_email', 'people_email_domain', 'organizations_name_key', 'member_roles_role', 'applications_email']));
    for (const db of dbs) expect(db.pragma('foreign_key_check')).toEqual([]);
    for (const db of dbs) db.close();
  }, 120_000);
});
