/**
 * `show` and `organization show` ask for the possible matches of one organisation. They are the
 * pairs of the whole network's suggestions that name it — found from the groups it is in only,
 * instead of making every pair of every group of the network and keeping a few (0.9 s of `show`
 * on a call of 20,000). Held against the whole list, on rows made to hit every matching rule, with
 * a pair kept apart and an organisation merged away.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { openDatabase } from '../../../src/db/connection.js';
import { importFiles } from '../../../src/import/importer.js';
import { organizationSuggestions } from '../../../src/import/organizations.js';
import { keepApart, linkOrganizations } from '../../../src/network/organizations.js';
import { tempDir } from '../support/run.js';
import { HEADER, rows } from '../../support/network-rows.js';

const dir = tempDir('skillsnet-org-suggestions-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("one organisation's possible matches", () => {
  it('are the pairs of the whole list that name it, for every organisation', async () => {
    const file = path.join(dir, 'applications.csv');
    fs.writeFileSync(file, stringify([HEADER, ...rows(3, 400, 'A')]));
    const db = openDatabase(path.join(dir, 's.db'), { create: true });
    await importFiles(db, [file], { call: '2020' });
    const first = organizationSuggestions(db);
    expect(first.length).toBeGreaterThan(10);
    keepApart(db, first[0]!.candidateId, first[0]!.organizationId);
    linkOrganizations(db, first[1]!.candidateId, first[1]!.organizationId);
    const all = organizationSuggestions(db);
    const ids = db.prepare('SELECT id FROM organizations ORDER BY id').pluck().all() as number[];
    let named = 0;
    for (const id of [...ids, 99_999]) {
      const one = organizationSuggestions(db, { organizationId: id });
      expect(one, `org-${id}`).toEqual(all.filter((p) => p.organizationId === id || p.candidateId === id));
      if (one.length) named++;
    }
    expect(named).toBeGreaterThan(10);
    db.close();
  });
});
