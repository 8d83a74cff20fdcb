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

describe('the same file imported again, with a resubmission in it', () => {
  it('keeps the automatic tags: the earlier row changes the text for a moment, the later one brings it back', async () => {
    const db = openDatabase(path.join(dir, 'again.db'), { create: true });
    const file = csv([
      ['A', 'Org A', 'a@example.org', 'Solar', 'Solar training', 'Youth', '1'],
      ['B', 'Org B', 'b@example.org', 'Code', 'Coding', 'Women', '2'],
      ['A', 'Org A', 'a@example.org', 'Solar', 'Solar and wind training', 'Youth', '1'],
    ]);
    await importFiles(db, [file], { call: 'c' }, {});
    const a = db.prepare('SELECT id FROM applications WHERE external_id = ?').pluck().get('A') as number;
    const tag = db.prepare(`INSERT INTO application_categories (application_id, category, source, state, confidence, evidence_json) VALUES (?, ?, ?, ?, ?, ?)`);
    tag.run(a, 'training-delivery', 'auto', 'on', 0.8, '[{"kind":"term"}]');
    tag.run(a, 'social-inclusion', 'applicant', 'on', 0.9, '[]');
    tag.run(a, 'life-skills', 'officer', 'removed', null, '[]');
    const tags = () => db.prepare('SELECT category, source, state, confidence, evidence_json FROM application_categories WHERE application_id = ? ORDER BY category').all(a);
    const before = tags();

    const again = await importFiles(db, [file], { call: 'c' }, {});
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, needTagging: 0, needTaggingWithOfficerTags: 0 });
    expect(tags()).toEqual(before);
    expect(db.prepare('SELECT description FROM applications WHERE id = ?').pluck().get(a)).toBe('Solar and wind training');

    // A file whose last row does change the text still clears them, and says so.
    await importFiles(db, [csv([
      ['A', 'Org A', 'a@example.org', 'Solar', 'Solar training', 'Youth', '1'],
      ['A', 'Org A', 'a@example.org', 'Solar', 'Solar, wind and hydro training', 'Youth', '1'],
    ])], { call: 'c' }, {}).then((r) => expect(r).toMatchObject({ updated: 2, needTagging: 1, needTaggingWithOfficerTags: 1 }));
    expect(tags()).toEqual([{ category: 'life-skills', source: 'officer', state: 'removed', confidence: null, evidence_json: '[]' }]);
    db.close();
  });
});
