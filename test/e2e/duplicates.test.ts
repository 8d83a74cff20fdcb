import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from './support/cli.js';

/** A Microsoft Forms-like export: every submission gets its own ID, so a resubmission is a new row ID. */
const FORMS = [
  'ID,Start time,Completion time,Email,Name,Name of your organization,Country,Title of the innovation,Describe your innovation',
  '1,3/1/24 9:00:00,3/1/24 9:20:00,ana@puentes.org,Ana Ruiz,Fundación Puentes,Ecuador,Aprendices en talleres mecánicos,Talleres que forman aprendices.',
  '2,3/1/24 10:00:00,3/1/24 10:30:00,li@weld.org,Li Wei,Weld Works,China,Mobile workshops for rural welders,Trucks that carry welding booths.',
  '3,3/2/24 8:00:00,3/2/24 8:15:00,ana@puentes.org,Ana Ruiz,Fundacion Puentes,Ecuador,Aprendices en talleres mecánicos de Quito,Talleres que forman aprendices en Quito.',
  '4,3/3/24 8:00:00,3/3/24 8:15:00,kim@weld.org,Kim Lee,Weld Works,China,Mobile workshops for rural welders,Trucks with welding booths.',
  '5,3/3/24 9:00:00,3/3/24 9:15:00,sara@other.org,Sara Diop,Other Centre,Senegal,Radio lessons for fishers,Lessons on the radio.',
].join('\n');

describe('likely duplicates', () => {
  it('import warns about resubmissions it cannot merge, --json lists them, list --duplicates shows them side by side', () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    const file = path.join(dir, 'forms.csv');
    fs.writeFileSync(file, FORMS + '\n');
    const first = runCli(['--db', db, 'import', file, '--call', '2024']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/warning: 2 applications look like another one of the call, kept apart: #3 and #1 \(same email and organisation\); #4 and #2 \(same organisation and title\)/);
    expect(first.stderr).toMatch(/skillsnet list --duplicates/);

    // Importing the same file again writes nothing new, so it does not warn again.
    const again = json(runCli(['--db', db, 'import', file, '--call', '2024', '--json']));
    expect(again.unchanged).toBe(5);
    expect(again.possibleDuplicates).toEqual([]);

    const listed = json(runCli(['--db', db, 'list', '--duplicates', '--json']));
    expect(listed.map((a: { id: number }) => a.id)).toEqual([1, 3, 2, 4]);
    expect(listed.map((a: { duplicateOf: number | null }) => a.duplicateOf)).toEqual([null, 1, null, 2]);
    expect(listed[1].duplicateReason).toBe('same email and organisation');

    const table = runCli(['--db', db, 'list', '--duplicates']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toContain('Looks like');
    expect(table.stdout).toContain('#1: same email and organisation');
    // Other filters still apply.
    expect(json(runCli(['--db', db, 'list', '--duplicates', '--country', 'CN', '--json'])).map((a: { id: number }) => a.id)).toEqual([2, 4]);
    // A filter that matches one side of a pair still shows both.
    const quito = json(runCli(['--db', db, 'list', '--duplicates', '--search', 'Quito', '--json']));
    expect(quito.map((a: { id: number }) => a.id)).toEqual([1, 3]);
    expect(quito[0].organization).toBe('Fundación Puentes');
    expect(json(runCli(['--db', db, 'list', '--search', 'Quito', '--json'])).map((a: { id: number }) => a.id)).toEqual([3]);
    // CSV says who pairs with whom.
    const csv = parse(runCli(['--db', db, 'list', '--duplicates', '--csv']).stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(csv.map((r) => [r.id, r.duplicateOf, r.duplicateReason])).toEqual([
      ['1', '', ''], ['3', '1', 'same email and organisation'], ['2', '', ''], ['4', '2', 'same organisation and title'],
    ]);
    expect(Object.keys(parse(runCli(['--db', db, 'list', '--csv']).stdout, { columns: true, bom: true })[0])).not.toContain('duplicateOf');
  });

  it('reports a new row that looks like an application of an earlier import, in --json', () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    const lines = FORMS.split('\n');
    fs.writeFileSync(path.join(dir, 'a.csv'), [lines[0], lines[1], lines[5]].join('\n') + '\n');
    fs.writeFileSync(path.join(dir, 'b.csv'), [lines[0], lines[3]].join('\n') + '\n');
    expect(json(runCli(['--db', db, 'import', path.join(dir, 'a.csv'), '--call', '2024', '--json'])).possibleDuplicates).toEqual([]);
    const b = json(runCli(['--db', db, 'import', path.join(dir, 'b.csv'), '--call', '2024', '--json']));
    expect(b.possibleDuplicates).toEqual([{ id: 3, duplicateOf: 1, reason: 'same email and organisation' }]);
    expect(b.possibleDuplicateCount).toBe(1);
    // A dry run writes nothing and so reports no pairs. (--yes: b.csv is in 2024 byte for byte, which a new call refuses otherwise)
    expect(json(runCli(['--db', db, 'import', path.join(dir, 'b.csv'), '--call', '2025', '--dry-run', '--json', '--yes'])).possibleDuplicates).toEqual([]);
  });

  it('says so when there are none', () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    const file = path.join(dir, 'one.csv');
    fs.writeFileSync(file, [FORMS.split('\n')[0], FORMS.split('\n')[5]].join('\n') + '\n');
    expect(runCli(['--db', db, 'import', file, '--call', '2024']).code).toBe(0);
    const r = runCli(['--db', db, 'list', '--duplicates']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/No application looks like another one of its call/);
  });

  it('show names the applications one looks like, both ways, in text and JSON', () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    const file = path.join(dir, 'forms.csv');
    fs.writeFileSync(file, FORMS + '\n');
    expect(runCli(['--db', db, 'import', file, '--call', '2024']).code).toBe(0);
    expect(json(runCli(['--db', db, 'show', '3', '--json'])).likelyDuplicates).toEqual([{ id: 1, reason: 'same email and organisation' }]);
    expect(json(runCli(['--db', db, 'show', '1', '--json'])).likelyDuplicates).toEqual([{ id: 3, reason: 'same email and organisation' }]);
    expect(json(runCli(['--db', db, 'show', '5', '--json'])).likelyDuplicates).toEqual([]);
    const text = runCli(['--db', db, 'show', '4']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Looks like\s+#2 \(same organisation and title\)/);
    expect(runCli(['--db', db, 'show', '5']).stdout).not.toMatch(/Looks like/);
  });

  it('list --duplicates with a filter shows a whole chain of look-alikes (#2 like #1, #3 like #2)', () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    const file = path.join(dir, 'chain.csv');
    fs.writeFileSync(file, [
      'ID,Organisation,Email,Country,Title of the project',
      'A1,Alpha Training Centre,one@alpha.org,Kenya,Digital skills for rural youth',
      'A2,Alpha Training Centre,one@alpha.org,Kenya,Green jobs apprenticeship scheme',
      'A3,Alpha Training Centre,three@alpha.org,Kenya,Green jobs apprenticeship scheme',
    ].join('\n') + '\n');
    expect(runCli(['--db', db, 'import', file, '--call', 'D']).code).toBe(0);
    const all = json(runCli(['--db', db, 'list', '--duplicates', '--json']));
    expect(all.map((a: { id: number; duplicateOf: number | null }) => [a.id, a.duplicateOf])).toEqual([[1, null], [2, 1], [3, 2]]);
    const rural = json(runCli(['--db', db, 'list', '--duplicates', '--search', 'rural', '--json']));
    expect(rural.map((a: { id: number }) => a.id)).toEqual([1, 2, 3]);
  });
});

