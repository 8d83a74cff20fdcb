import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from './support/cli.js';

const dir = tempDir('skillsnet-rejects-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('skillsnet rejects', () => {
  const db = path.join(dir, 'r.db');
  const a = path.join(dir, 'a.csv');
  const b = path.join(dir, 'b.csv');
  fs.writeFileSync(a, 'Organization,Email,Notes\nGood,g@example.org,\n,x@example.org,no org\nBad Mail,nope,\n');
  fs.writeFileSync(b, 'Organisation;Courriel\nSans courriel;\n');

  it('lists the latest import of each file, by call, as a table or JSON', () => {
    expect(runCli(['import', a, '--call', '2020', '--db', db]).code).toBe(0);
    expect(runCli(['import', a, '--call', '2020', '--db', db]).code).toBe(0);
    expect(runCli(['import', b, '--call', '2021', '--db', db]).code).toBe(0);

    const all = json(runCli(['rejects', '--json', '--db', db]));
    expect(all.map((r: any) => [r.file, r.call, r.rowNumber, r.reasons])).toEqual([
      ['a.csv', '2020', 2, ['missing organisation']],
      ['a.csv', '2020', 3, ['invalid email']],
      ['b.csv', '2021', 1, ['missing email']],
    ]);
    expect(all[0].raw).toMatchObject({ Email: 'x@example.org', Notes: 'no org' });
    expect(json(runCli(['rejects', '--json', '--all', '--db', db]))).toHaveLength(5);
    expect(json(runCli(['rejects', '--json', '--call', '2021', '--db', db]))).toHaveLength(1);

    const table = runCli(['rejects', '--db', db]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Bad Mail');
    expect(table.stdout).toContain('invalid email');
  });

  // Files with different columns never share one sheet: imported again, a wide sheet would feed
  // one file's columns into the other's fields (issue 11).
  it('--csv writes one sheet per file layout: several need --out DIR or --file N', () => {
    const mixed = runCli(['rejects', '--csv', '--db', db]);
    expect(mixed.code).toBe(2);
    expect(mixed.stdout).toBe('');
    expect(mixed.stderr).toMatch(/^error: the rejected rows come from 2 files with different columns/m);
    expect(mixed.stderr).toMatch(/--out DIR.*--file N: 1 = a\.csv \(call 2020\); 2 = b\.csv \(call 2021\)/);
    const first = runCli(['rejects', '--csv', '--file', '1', '--db', db]);
    const lines = first.stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('Organization,Email,Notes,Rejection reason,Rejected row');
    expect(lines).toHaveLength(3);
    const out = path.join(dir, 'fix');
    expect(runCli(['rejects', '--csv', '--out', out, '--db', db]).code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['rejects-1-a.csv', 'rejects-2-b.csv']);
    expect(fs.readFileSync(path.join(out, 'rejects-2-b.csv'), 'utf8').split(/\r?\n/)[0]).toBe('\uFEFFOrganisation;Courriel;Rejection reason;Rejected row');
  });

  it('refuses --csv with --json, and needs a database', () => {
    expect(runCli(['rejects', '--csv', '--json', '--db', db]).code).toBe(2);
    const none = runCli(['rejects', '--db', path.join(dir, 'none.db')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^error: no database/m);
  });
});

// The officer may fix the export itself (the missing email typed in) and import the corrected
// copy under another name, without rejects --csv: the rows it now accepts leave `rejects`.
describe('a corrected copy of a file', () => {
  const db = path.join(dir, 'copy.db');
  const header = 'Timestamp,Organisation,Email,Country,Title';
  const rows = [
    '2020-03-02 09:00,Taller Abierto,ana@example.org,Mexico,Aprendices en talleres',
    '2020-03-02 10:00,Atelier Vert,,Senegal,Jardins urbains et emploi',
    '2020-03-03 11:00,Skills Hub,sam@example,Kenya,Solar technicians',
    '2020-03-04 12:00,Red Andina,rosa@example.org,Peru,Oficios para jóvenes',
  ];

  it('resolves the rejected rows it now accepts, once each; another applicant\'s row resolves nothing', () => {
    const original = path.join(dir, 'applications.csv');
    fs.writeFileSync(original, [header, ...rows].join('\n') + '\n');
    expect(runCli(['import', original, '--call', '2020', '--db', db]).code).toBe(0);
    expect(json(runCli(['rejects', '--json', '--db', db])).map((r: any) => r.rowNumber)).toEqual([2, 3]);

    // another file of the same columns with a new applicant: the rejects stay
    const other = path.join(dir, 'late.csv');
    fs.writeFileSync(other, `${header}\n2020-03-09 08:00,Centre Dakar,awa@example.net,Senegal,Couture et emploi\n`);
    const late = runCli(['import', other, '--call', '2020', '--db', db]);
    expect(late.code, late.stderr).toBe(0);
    expect(late.stderr).not.toMatch(/accepted now/);
    expect(json(runCli(['rejects', '--json', '--db', db]))).toHaveLength(2);

    // the export fixed by hand: an email typed in, another corrected
    const fixed = path.join(dir, 'applications-fixed.csv');
    fs.writeFileSync(fixed, [header, rows[0], rows[1]!.replace(',,', ',awa.vert@example.org,'), rows[2]!.replace('sam@example', 'sam@example.com'), rows[3]].join('\n') + '\n');
    const dry = runCli(['import', fixed, '--call', '2020', '--dry-run', '--db', db]);
    expect(dry.stderr).toMatch(/2 rows rejected by an earlier import would be accepted now, fixed: they would leave skillsnet rejects/);
    expect(json(runCli(['rejects', '--json', '--db', db]))).toHaveLength(2);
    const r = runCli(['import', fixed, '--call', '2020', '--json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ rows: 4, inserted: 2, unchanged: 2, rejected: 0 });
    expect(json(r).files[0].resolvedRejects).toBe(2);
    expect(r.stderr).toMatch(/2 rows rejected by an earlier import were accepted now, fixed: they left skillsnet rejects/);
    expect(json(runCli(['rejects', '--json', '--db', db]))).toEqual([]);
    expect(json(runCli(['rejects', '--json', '--all', '--db', db]))).toHaveLength(2);
  });
});

// Review: only a row that names the same applicant resolves a rejected row, and the closest one.
describe('a corrected copy of a file, and rows that are not one', () => {
  const db = path.join(dir, 'copy2.db');
  const header = 'Organisation,Email,Country,Organisation type,Target group,Consent';

  it('leaves a row with neither organisation nor email in rejects when another applicant of its country and kind comes', () => {
    const first = path.join(dir, 'short-form.csv');
    fs.writeFileSync(first, `${header}\nAlpha Trust,a@alpha.org,Kenya,NGO,Youth,Yes\n,,Kenya,NGO,Youth,Yes\n`);
    expect(runCli(['import', first, '--call', '2020', '--db', db]).code).toBe(0);
    const late = path.join(dir, 'short-form-late.csv');
    fs.writeFileSync(late, `${header}\nBeta Skills,b@beta.org,Kenya,NGO,Youth,Yes\n`);
    const r = runCli(['import', late, '--call', '2020', '--json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).files[0].resolvedRejects).toBe(0);
    expect(json(runCli(['rejects', '--json', '--db', db]))).toHaveLength(1);
  });

  it('resolves the rejected row a fixed row is closest to, and says one row as one', () => {
    const dbc = path.join(dir, 'copy3.db');
    const h = 'Timestamp,Organisation,Email,Country,Title';
    const first = path.join(dir, 'two-rejects.csv');
    // two rejected rows of one organisation: the fixed copy of the second must resolve the second
    fs.writeFileSync(first, `${h}\n2020-03-02 10:00,Atelier Vert,,Senegal,Jardins urbains\n2020-03-02 10:00,Atelier Vert,,Senegal,Jardins urbains et emploi\n`);
    expect(runCli(['import', first, '--call', '2020', '--db', dbc]).code).toBe(0);
    const fixed = path.join(dir, 'two-rejects-fixed.csv');
    fs.writeFileSync(fixed, `${h}\n2020-03-02 10:00,Atelier Vert,awa@example.org,Senegal,Jardins urbains et emploi\n`);
    const r = runCli(['import', fixed, '--call', '2020', '--db', dbc]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/1 row rejected by an earlier import was accepted now, fixed: it left skillsnet rejects/);
    const left = json(runCli(['rejects', '--json', '--db', dbc]));
    expect(left.map((x: any) => x.rowNumber)).toEqual([1]);
  });
});

