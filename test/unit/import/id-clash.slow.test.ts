import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { openDatabase } from '../../../src/db/connection.js';
import { importFiles } from '../../../src/import/importer.js';
import { json, run as skillsnet, tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-idclash-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Microsoft Forms numbers the responses of each form 1, 2, 3...: two forms of one call (an
// English and a French one) both have an "ID" 1 that are different applications.
function msForms(name: string, rows: string[][]): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, stringify([['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Organization name', 'Contact email address', 'Country'], ...rows]));
  return f;
}

describe('an application ID that another application already has', () => {
  const en = msForms('form-en.csv', [
    ['1', '3/5/24 10:40', '3/5/24 10:52', 'anonymous', 'anonymous', 'Youth Skills Lab', 'sara@example.org', 'Jordan'],
    ['2', '3/5/24 11:40', '3/5/24 11:52', 'anonymous', 'anonymous', 'Tbilisi Crafts College', 'nino@example.com', 'Georgia'],
  ]);
  const fr = msForms('form-fr.csv', [
    ['1', '3/5/24 10:41', '3/5/24 10:55', 'anonymous', 'anonymous', 'Atelier des Métiers', 'yao@example.net', "Côte d'Ivoire"],
    ['2', '3/5/24 12:00', '3/5/24 12:30', 'anonymous', 'anonymous', 'Tbilisi Crafts College', 'nino@example.com', 'Georgia'],
  ]);

  it('does not overwrite it: a row with other organisation and email becomes an application of its own', async () => {
    const db = openDatabase(path.join(dir, 'a.db'), { create: true });
    const io = {};
    await importFiles(db, [en], { call: '2024' }, io);
    const r = await importFiles(db, [fr], { call: '2024' }, io);
    // row 1 is another organisation with another address: new; row 2 is the same application
    expect(r).toMatchObject({ rows: 2, inserted: 1, updated: 1, unchanged: 0, rejected: 0 });
    const orgs = db.prepare('SELECT organization FROM applications ORDER BY id').pluck().all();
    expect(orgs).toEqual(['Youth Skills Lab', 'Tbilisi Crafts College', 'Atelier des Métiers']);
    expect(r.files[0]!.warnings.join('\n')).toMatch(/data row 1\b.*application ID/);
    // importing the French form again changes nothing
    const again = await importFiles(db, [fr], { call: '2024' }, io);
    expect(again).toMatchObject({ rows: 2, inserted: 0, updated: 0, unchanged: 2 });
    expect(db.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(3);
    db.close();
  });

  it('a corrected row of the other form (same ID, new email or renamed organisation) updates the application it made, not a new one', async () => {
    const db = openDatabase(path.join(dir, 'corrected.db'), { create: true });
    const io = {};
    await importFiles(db, [en], { call: '2024' }, io);
    await importFiles(db, [fr], { call: '2024' }, io);
    const corrected = msForms('form-fr-corrected.csv', [
      ['1', '3/5/24 10:41', '3/5/24 10:55', 'anonymous', 'anonymous', 'Atelier des Métiers', 'yao.k@example.net', "Côte d'Ivoire"],
      ['2', '3/5/24 12:00', '3/5/24 12:30', 'anonymous', 'anonymous', 'Tbilisi Crafts College', 'nino@example.com', 'Georgia'],
    ]);
    const r = await importFiles(db, [corrected], { call: '2024' }, io);
    expect(r).toMatchObject({ rows: 2, inserted: 0, updated: 1, unchanged: 1 });
    expect(db.prepare('SELECT id, organization, email FROM applications ORDER BY id').all()).toEqual([
      { id: 1, organization: 'Youth Skills Lab', email: 'sara@example.org' },
      { id: 2, organization: 'Tbilisi Crafts College', email: 'nino@example.com' },
      { id: 3, organization: 'Atelier des Métiers', email: 'yao.k@example.net' },
    ]);
    expect(r.files[0]!.warnings.join('\n')).not.toMatch(/externalId/);
    const renamed = msForms('form-fr-renamed.csv', [
      ['1', '3/5/24 10:41', '3/5/24 10:55', 'anonymous', 'anonymous', 'Atelier des Métiers de Bouaké', 'yao.k@example.net', "Côte d'Ivoire"],
    ]);
    expect(await importFiles(db, [renamed], { call: '2024' }, io)).toMatchObject({ inserted: 0, updated: 1 });
    expect(await importFiles(db, [renamed], { call: '2024' }, io)).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    // a third form whose ID 1 is yet another applicant is still an application of its own
    const third = msForms('form-es.csv', [['1', '3/6/24 9:00', '3/6/24 9:10', 'anonymous', 'anonymous', 'Taller Andino', 'ana@example.org', 'Peru']]);
    expect(await importFiles(db, [third], { call: '2024' }, io)).toMatchObject({ inserted: 1, updated: 0 });
    expect(db.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(4);
    db.close();
  });

  it('a corrected row (same ID, same email, organisation renamed) still updates its application', async () => {
    const db = openDatabase(path.join(dir, 'b.db'), { create: true });
    const io = {};
    await importFiles(db, [en], { call: '2024' }, io);
    const fixed = msForms('form-en-fixed.csv', [['1', '3/5/24 10:40', '3/5/24 10:52', 'anonymous', 'anonymous', 'Youth Skills Laboratory', 'sara@example.org', 'Jordan']]);
    const r = await importFiles(db, [fixed], { call: '2024' }, io);
    expect(r).toMatchObject({ rows: 1, inserted: 0, updated: 1 });
    expect(r.files[0]!.warnings).toEqual([]);
    db.close();
  });

  it('end to end: both forms import into one call and every application is listed', async () => {
    const db = path.join(dir, 'c.db');
    expect((await skillsnet(['--db', db, 'import', en, '--call', '2024', '--json'])).code).toBe(0);
    const run = await skillsnet(['--db', db, 'import', fr, '--call', '2024', '--json']);
    expect(run.code).toBe(0);
    expect(json(run)).toMatchObject({ rows: 2, inserted: 1, updated: 1, unchanged: 0 });
    const list = json<{ organization: string }[]>(await skillsnet(['--db', db, 'list', '--json']));
    expect(list.map((a) => a.organization).sort()).toEqual(['Atelier des Métiers', 'Tbilisi Crafts College', 'Youth Skills Lab']);
  });
});

describe('ID clashes, property', () => {
  let n = 0;
  it('a file whose rows for one ID first clash and then match the stored application decides the same way when imported again', async () => {
    const db = openDatabase(path.join(dir, 'chain.db'), { create: true });
    const io = {};
    const write = (name: string, rows: string[][]) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, stringify([['ID', 'Organization', 'Email'], ...rows]));
      return f;
    };
    await importFiles(db, [write('chain1.csv', [['B', 'Org 1', 'y@example.net']])], { call: 'c' }, io);
    const second = write('chain2.csv', [['', 'Org 2', 'x@example.org'], ['B', 'Org 2', 'x@example.org'], ['B', 'Org 2', 'y@example.net']]);
    await importFiles(db, [second], { call: 'c' }, io);
    const state = () => db.prepare('SELECT id, identity_key, organization, email, content_hash FROM applications ORDER BY id').all();
    const before = state();
    // B's first row clashes (other organisation, other email), so every row for B in this file
    // is its own application: B as imported from chain1.csv is untouched
    expect(db.prepare("SELECT organization FROM applications WHERE identity_key = 'id:b'").pluck().get()).toBe('Org 1');
    const again = await importFiles(db, [second], { call: 'c' }, io);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(state()).toEqual(before);
    db.close();
  });

  // (counterexamples of the property below, seeds 483418074 and 1)
  const changesNothingAgain = async (name: string, files: string[][][]) => {
    const db = openDatabase(path.join(dir, `${name}.db`), { create: true });
    const io = {};
    const paths = files.map((rows, i) => {
      const f = path.join(dir, `${name}-${i}.csv`);
      fs.writeFileSync(f, stringify([['ID', 'Organization', 'Email'], ...rows]));
      return f;
    });
    for (const p of paths) await importFiles(db, [p], { call: 'c' }, io);
    const state = () => db.prepare('SELECT id, identity_key, organization, email, external_id, content_hash FROM applications ORDER BY id').all();
    const before = state();
    const again = await importFiles(db, [paths[paths.length - 1]!], { call: 'c' }, io);
    const after = state();
    db.close();
    return { again, before, after };
  };

  it('a row of an ID whose earlier row matched is no clash, even where that application holds again what it held before the file', async () => {
    // Response 2 is response 1 sent again (same email and organisation), so all four numbered
    // rows of the second file are one application. Its row 3 puts back what the first file
    // wrote; row 4 (ID 2, another organisation and email) was then taken for a clash against it,
    // the file imported again found that application written by itself, and routed row 4 there.
    const { again, before, after } = await changesNothingAgain('resent-restored', [
      [['1', 'Org 2', 'x@example.org'], ['2', 'Org 2', 'x@example.org'], ['', 'Org 1', 'x@example.org']],
      [['', 'Org 1', 'y@example.net'], ['1', 'Org 2', 'x@example.org'], ['2', 'Org 2', 'x@example.org'], ['2', 'Org 1', 'y@example.net'], ['1', 'Org 1', 'x@example.org']],
    ]);
    expect(again).toMatchObject({ rows: 5, inserted: 0, updated: 0, unchanged: 5 });
    expect(after).toEqual(before);
  });

  it('a row of an ID whose earlier row left its application unchanged is no clash either', async () => {
    // row 1 is the stored application unchanged, row 2 the same ID with another organisation and
    // email: once an application of the ID's own (an update when row 1 had changed something),
    // once a clash (when it had not), depending on what the same file had written before
    const { again, before, after } = await changesNothingAgain('unchanged-first', [
      [['2', 'org 1', 'x@example.org']],
      [['2', 'org 1', 'x@example.org'], ['2', 'Org 2', 'y@example.net'], ['1', 'Org 1', 'x@example.org'], ['2', 'Org 1', 'x@example.org']],
    ]);
    expect(again).toMatchObject({ rows: 4, inserted: 0, updated: 0, unchanged: 4 });
    expect(after).toEqual(before);
  });

  it('counts add up, and importing the last file again changes nothing, whatever IDs the files share', async () => {
    const row = fc.record({
      id: fc.constantFrom('', '1', '2'),
      org: fc.constantFrom('Org 1', 'org 1', 'Org 2'),
      email: fc.constantFrom('x@example.org', 'y@example.net'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(row, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }), async (files) => {
        const db = openDatabase(path.join(dir, `p${++n}.db`), { create: true });
        const io = {};
        try {
          const paths = files.map((rows, i) => {
            const f = path.join(dir, `p${n}-${i}.csv`);
            fs.writeFileSync(f, stringify([['ID', 'Organization', 'Email'], ...rows.map((r) => [r.id, r.org, r.email])]));
            return f;
          });
          for (const p of paths) {
            const r = await importFiles(db, [p], { call: 'c' }, io);
            expect(r.rows).toBe(r.inserted + r.updated + r.unchanged + r.rejected);
          }
          const state = () => db.prepare('SELECT id, identity_key, organization, email, content_hash FROM applications ORDER BY id').all();
          const before = state();
          const again = await importFiles(db, [paths[paths.length - 1]!], { call: 'c' }, io);
          expect(again.inserted + again.updated).toBe(0);
          expect(state()).toEqual(before);
        } finally {
          db.close();
        }
      }),
      { numRuns: 150 },
    );
    // (150 databases made and imported into: 10 s on a quiet machine, past 30 s on a busy one)
  }, 120_000);
});
