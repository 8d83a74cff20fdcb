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
    expect(mixed.stderr).toMatch(/--out DIR.*--file N: 1 = a\.csv; 2 = b\.csv/);
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
