import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { openDatabase } from '../../../src/db/connection.js';
import { importFiles } from '../../../src/import/importer.js';
import { tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-retag-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const header = ['Application ID', 'Organization', 'Email', 'Project title', 'Description', 'Beneficiaries', 'Phone'];
function csv(rows: string[][]): string {
  const f = path.join(dir, `f${++n}.csv`);
  fs.writeFileSync(f, stringify([header, ...rows]));
  return f;
}

describe('re-import and automatic category tags', () => {
  it('an update that changes the text deletes automatic tags, keeps officer decisions, and reports it', async () => {
    const db = openDatabase(path.join(dir, 'a.db'), { create: true });
    const io = () => ({});
    await importFiles(db, [csv([
      ['A', 'Org A', 'a@example.org', 'Solar', 'Solar training', 'Youth', '1'],
      ['B', 'Org B', 'b@example.org', 'Code', 'Coding', 'Women', '2'],
      ['C', 'Org C', 'c@example.org', 'Weld', 'Welding', 'Youth', '3'],
    ])], { call: 'c' }, io());
    const id = (ext: string) => db.prepare('SELECT id FROM applications WHERE external_id = ?').pluck().get(ext) as number;
    const tag = db.prepare(`INSERT INTO application_categories (application_id, category, source, state) VALUES (?, ?, ?, ?)`);
    tag.run(id('A'), 'auto-1', 'auto', 'on');
    tag.run(id('A'), 'own-1', 'applicant', 'on');
    tag.run(id('A'), 'off-1', 'officer', 'on');
    tag.run(id('A'), 'off-2', 'officer', 'removed');
    tag.run(id('B'), 'auto-1', 'auto', 'on');
    tag.run(id('C'), 'auto-1', 'auto', 'on');
    const tags = (ext: string) => db.prepare('SELECT category, source, state FROM application_categories WHERE application_id = ? ORDER BY category').all(id(ext));

    const dry = await importFiles(db, [csv([
      ['A', 'Org A', 'a@example.org', 'Solar', 'Solar and wind training', 'Youth', '1'],
      ['B', 'Org B', 'b@example.org', 'Code', 'Coding', 'Women; Refugees', '2'],
      ['C', 'Org C', 'c@example.org', 'Weld', 'Welding', 'Youth', '99'],
    ])], { call: 'c', dryRun: true }, io());
    expect(dry).toMatchObject({ updated: 3, needTagging: 2, needTaggingWithOfficerTags: 1 });
    expect(tags('B')).toHaveLength(1); // the dry run wrote nothing

    const r = await importFiles(db, [csv([
      ['A', 'Org A', 'a@example.org', 'Solar', 'Solar and wind training', 'Youth', '1'],
      ['B', 'Org B', 'b@example.org', 'Code', 'Coding', 'Women; Refugees', '2'],
      ['C', 'Org C', 'c@example.org', 'Weld', 'Welding', 'Youth', '99'], // only the phone changed
    ])], { call: 'c' }, io());
    expect(r).toMatchObject({ updated: 3, needTagging: 2, needTaggingWithOfficerTags: 1 });
    expect(r.files[0]).toMatchObject({ needTagging: 2 });
    expect(tags('A')).toEqual([
      { category: 'off-1', source: 'officer', state: 'on' },
      { category: 'off-2', source: 'officer', state: 'removed' },
    ]);
    expect(tags('B')).toEqual([]);
    expect(tags('C')).toEqual([{ category: 'auto-1', source: 'auto', state: 'on' }]);
    db.close();
  });
});
