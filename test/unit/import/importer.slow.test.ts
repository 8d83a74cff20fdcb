import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { openDatabase, type DB } from '../../../src/db/connection.js';
import { importFiles } from '../../../src/import/importer.js';
import { bufferIO } from '../../../src/cli/io.js';
import { importHooks } from '../../../src/cli/import.js';
import { scriptedPrompts } from '../../../src/ui/prompts.js';
import { tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-importer-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

function writeCsv(rows: string[][], header = ['Application ID', 'Organization', 'Email', 'Country', 'Score']): string {
  const f = path.join(dir, `f${++n}.csv`);
  fs.writeFileSync(f, stringify([header, ...rows]));
  return f;
}

function freshDb(): DB {
  return openDatabase(path.join(dir, `db${++n}.db`), { create: true });
}

function snapshot(db: DB) {
  return {
    apps: db.prepare('SELECT identity_key, organization, email, score, content_hash, raw_json, updated_at, batch_id FROM applications ORDER BY identity_key').all(),
    versions: db.prepare('SELECT count(*) FROM application_versions').pluck().get(),
  };
}

/** No callbacks: nothing is reported and nobody can be asked. */
const quiet = () => ({});

describe('importFiles accounting', () => {
  it('the last row for an application wins; earlier rows count as updated; a second import is all unchanged', async () => {
    const db = freshDb();
    const f = writeCsv([
      ['A', 'Org A', 'a@example.org', 'Chile', '1'],
      ['B', 'Org B', 'b@example.org', 'Peru', '2'],
      ['A', 'Org A v2', 'a@example.org', 'Chile', '3'],
      ['C', '', 'c@example.org', 'Peru', ''],
      ['A', 'Org A v3', 'a@example.org', 'Chile', '4'],
    ]);
    const first = await importFiles(db, [f], { call: '2020' }, quiet());
    expect(first).toMatchObject({ rows: 5, inserted: 2, updated: 2, unchanged: 0, rejected: 1 });
    expect(db.prepare("SELECT organization FROM applications WHERE external_id = 'A'").pluck().get()).toBe('Org A v3');
    expect(db.prepare('SELECT count(*) FROM application_versions').pluck().get()).toBe(2);
    const before = snapshot(db);
    const second = await importFiles(db, [f], { call: '2020' }, quiet());
    expect(second).toMatchObject({ rows: 5, inserted: 0, updated: 0, unchanged: 4, rejected: 1 });
    expect(snapshot(db)).toEqual(before);
  });

  it('a file that changes an application and changes it back leaves it exactly as it was', async () => {
    const db = freshDb();
    await importFiles(db, [writeCsv([['A', 'Org A', 'a@example.org', 'Chile', '1']])], { call: '2020' }, quiet());
    const before = snapshot(db);
    const r = await importFiles(db, [writeCsv([['A', 'Org A changed', 'a@example.org', 'Chile', '1'], ['A', 'Org A', 'a@example.org', 'Chile', '1']])], { call: '2020' }, quiet());
    expect(r).toMatchObject({ rows: 2, unchanged: 2, updated: 0 });
    expect(snapshot(db)).toEqual(before);
  });

  it('dry run reports what would happen and writes nothing', async () => {
    const db = freshDb();
    const f = writeCsv([['A', 'Org A', 'a@example.org', 'Chile', '1']]);
    const r = await importFiles(db, [f], { call: '2020', dryRun: true }, quiet());
    expect(r).toMatchObject({ rows: 1, inserted: 1, dryRun: true });
    expect(r.files[0]!.batch).toBeNull();
    expect(db.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM calls').pluck().get()).toBe(0);
  });

  it('property: counts add up, the last row wins, re-importing any file again changes nothing', async () => {
    const row = fc.record({
      id: fc.constantFrom('', 'A', 'B', 'C', 'D'),
      org: fc.constantFrom('', 'Org 1', 'org 1 ', 'Org 2', 'Org 3'),
      email: fc.constantFrom('', 'x@example.org', 'X@example.org', 'y@example.net', 'bad'),
      score: fc.constantFrom('', '1', '2,5', '3'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(row, { maxLength: 12 }), { minLength: 1, maxLength: 3 }), async (files) => {
        const db = freshDb();
        try {
          const paths = files.map((rows) => writeCsv(rows.map((r) => [r.id, r.org, r.email, 'Chile', r.score])));
          for (const p of paths) {
            const r = await importFiles(db, [p], { call: '2020' }, quiet());
            expect(r.rows).toBe(r.inserted + r.updated + r.unchanged + r.rejected);
            expect(r.rows).toBe(files[paths.indexOf(p)]!.length);
          }
          // importing the last file again: every accepted row unchanged, nothing written
          const last = paths[paths.length - 1]!;
          const before = snapshot(db);
          const again = await importFiles(db, [last], { call: '2020' }, quiet());
          expect(again.inserted + again.updated).toBe(0);
          expect(snapshot(db)).toEqual(before);
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('column mapping', () => {
  it('without a terminal, a missing required column is an error listing the columns', async () => {
    const db = freshDb();
    const f = writeCsv([['Acme', 'secret@example.org']], ['Org', 'E']);
    await expect(importFiles(db, [f], { call: '2020' }, quiet())).rejects.toThrow(/no column found for the organisation and email/);
  });

  it('on a terminal, the wizard asks for the columns and saves the mapping', async () => {
    const db = freshDb();
    const f = writeCsv([['Acme', 'a@example.org', 'Kenya']], ['Org', 'E', 'Where']);
    const prompts = scriptedPrompts([0, 1, true, path.join(dir, 'saved.mapping.json')]);
    const { io, stderr } = bufferIO({ tty: true, prompts: async () => prompts });
    const r = await importFiles(db, [f], { call: '2020' }, importHooks(io));
    expect(r).toMatchObject({ rows: 1, inserted: 1 });
    expect(prompts.asked[0]).toMatch(/organisation/);
    expect(prompts.asked[1]).toMatch(/email/);
    const saved = JSON.parse(fs.readFileSync(path.join(dir, 'saved.mapping.json'), 'utf8'));
    expect(saved).toMatchObject({ organization: 'Org', email: 'E' });
    expect(stderr()).toContain('--map');
    // the saved mapping works without a terminal
    const again = await importFiles(freshDb(), [f], { call: '2020', mapFile: path.join(dir, 'saved.mapping.json') }, quiet());
    expect(again).toMatchObject({ rows: 1, inserted: 1 });
  });

  it('a mapping file naming a column the file lacks is an error', async () => {
    const f = writeCsv([['Acme', 'a@example.org']], ['Org', 'E']);
    await expect(importFiles(freshDb(), [f], { call: '2020', mapping: { organization: 'Organisation', email: 'E' } }, quiet())).rejects.toThrow(/does not have/);
  });
});

describe('several files', () => {
  it('a later file with unrecognisable columns stops the command before anything is written', async () => {
    const db = freshDb();
    const good = writeCsv([['A', 'Org A', 'a@example.org', 'Chile', '1']]);
    const bad = writeCsv([['x', 'y']], ['Foo', 'Bar']);
    await expect(importFiles(db, [good, bad], { call: '2020' }, quiet())).rejects.toThrow(/no column found/);
    expect(db.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(0);
  });
});

describe('layout', () => {
  it('title lines above the header row are skipped and not counted', async () => {
    const f = path.join(dir, 'titled.csv');
    fs.writeFileSync(f, 'Skills Innovation Call 2020 - applications received\r\n\r\nOrganization,Email,Country\r\nAcme,a@example.org,Kenya\r\nBeta,b@example.org,Peru\r\n');
    const db = freshDb();
    const r = await importFiles(db, [f], { call: '2020' }, quiet());
    expect(r).toMatchObject({ rows: 2, inserted: 2 });
    expect(db.prepare('SELECT source_row FROM applications ORDER BY id').pluck().all()).toEqual([1, 2]);
  });

  it('repeated and blank headers keep every cell in the raw row', async () => {
    const f = path.join(dir, 'dupe-headers.csv');
    fs.writeFileSync(f, 'Organization,Email,Comment,Comment,\nAcme,a@example.org,first,second,orphan\n');
    const db = freshDb();
    await importFiles(db, [f], { call: '2020' }, quiet());
    const raw = JSON.parse(db.prepare('SELECT raw_json FROM applications').pluck().get() as string);
    expect(raw).toEqual({ Organization: 'Acme', Email: 'a@example.org', Comment: 'first', 'Comment (2)': 'second', 'column 5': 'orphan' });
  });
});
