import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandFilePatterns } from '../../../src/files/patterns.js';
import { json, run, tempDir } from '../support/run.js';

// Windows' cmd and PowerShell pass `responses\*.csv` to the program as typed, and skillsnet's own
// hint for a folder is `skillsnet import folder/*.csv`: it failed with "no such file".
describe('file names with wildcards no shell expanded', () => {
  function folder(): string {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'réponses 2024'));
    for (const f of ['b.csv', 'a.csv', 'notes.txt', '.hidden.csv']) fs.writeFileSync(path.join(dir, 'réponses 2024', f), 'Organization,Email\nTaller Sur,ana@example.org\n');
    fs.mkdirSync(path.join(dir, 'réponses 2024', 'sub.csv'));
    return dir;
  }

  it('are matched in their folder, in name order, files only; names that exist are kept as given', () => {
    const dir = folder();
    expect(expandFilePatterns(['réponses 2024/*.csv'], dir)).toEqual(['réponses 2024/a.csv', 'réponses 2024/b.csv']);
    expect(expandFilePatterns(['réponses 2024/?.csv', 'réponses 2024/notes.txt', '-'], dir)).toEqual(['réponses 2024/a.csv', 'réponses 2024/b.csv', 'réponses 2024/notes.txt', '-']);
    fs.writeFileSync(path.join(dir, '*.csv'), '');
    expect(expandFilePatterns(['*.csv'], dir)).toEqual(['*.csv']);
  });

  it('a folder given for a file is answered with one of its files, named with the folder, and the wildcard for them all', async () => {
    // (it said "skillsnet import folder/*.csv" to event attendance and member import alike)
    const dir = folder();
    const db = path.join(dir, 'f.db');
    const r = await run(['member', 'import', 'réponses 2024', '--db', db], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: cannot read réponses 2024: it is a folder\n  give a file inside it, e.g. "réponses 2024/a.csv" ("réponses 2024/*.csv" names all its CSV files, for import and event attendance)\n');
    fs.mkdirSync(path.join(dir, 'empty'));
    expect((await run(['import', 'empty', '--db', db], { cwd: dir })).stderr).toMatch(/^error: cannot read empty: it is a folder\n {2}give a file \(empty holds none\)\n$/);
    // (a small table whose name merely begins with ~$ is a file it holds; a lock file is none)
    fs.mkdirSync(path.join(dir, 'tilde'));
    fs.writeFileSync(path.join(dir, 'tilde', '~$budget.csv'), 'Organization,Email\nTaller Sur,ana@example.org\n');
    expect((await run(['import', 'tilde', '--db', db], { cwd: dir })).stderr).toContain("e.g. 'tilde/~$budget.csv'");
  });

  it('matching nothing is said so, with what the folder holds, or that there is no such folder', () => {
    const dir = folder();
    expect(() => expandFilePatterns(['réponses 2024/*.xlsx'], dir)).toThrow('no file matches réponses 2024/*.xlsx');
    const hint = (f: () => unknown) => { try { f(); } catch (e) { return (e as { hint?: string }).hint; } return undefined; };
    expect(hint(() => expandFilePatterns(['réponses 2024/*.xlsx'], dir))).toBe('réponses 2024/ holds a.csv, b.csv, notes.txt (* stands for any characters, ? for one)');
    fs.mkdirSync(path.join(dir, 'empty'));
    expect(hint(() => expandFilePatterns(['empty/*.csv'], dir))).toBe('empty/ holds no file (* stands for any characters, ? for one)');
    expect(() => expandFilePatterns(['responses/*.csv'], dir)).toThrow('no file matches responses/*.csv: there is no folder responses/');
    expect(() => expandFilePatterns(['réponses */*.csv'], dir)).toThrow('no file matches réponses */*.csv: wildcards are matched in the file\'s name, not in its folders');
    expect(hint(() => expandFilePatterns(['data/**/*.csv'], dir))).toBe('name the folder, e.g. "data/FOLDER/*.csv", once for each folder');
  });

  it('import reads every file a pattern names, and says so in JSON when it names none', async () => {
    const dir = folder();
    const db = path.join(dir, 'p.db');
    const r = await run(['--db', db, 'import', 'réponses 2024/*.csv', '--call', '2024', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).files.map((f: { file: string }) => f.file)).toEqual(['a.csv', 'b.csv']);
    const none = await run(['--db', db, 'import', 'réponses 2024/*.xlsx', '--json'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(json(none).error).toBe('no file matches réponses 2024/*.xlsx');
    expect(none.stderr).toMatch(/^error: no file matches réponses 2024\/\*\.xlsx\n {2}réponses 2024\/ holds a\.csv, b\.csv/);
  });

  it('event attendance says so in JSON too (the pattern was expanded before its error document was made)', async () => {
    const dir = folder();
    const none = await run(['--db', path.join(dir, 'p.db'), 'event', 'attendance', '1', 'réponses 2024/*.xlsx', '--json'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(json(none).error).toBe('no file matches réponses 2024/*.xlsx');
  });
});

describe('what a pattern leaves out', () => {
  function folder(): string {
    const dir = tempDir();
    for (const f of ['a.csv', 'b.csv', 'skillsnet.db', 'skillsnet.db-wal']) fs.writeFileSync(path.join(dir, f), 'Organization,Email\nTaller Sur,ana@example.org\n');
    return dir;
  }

  it('a file also named, or matched by another pattern, is given once; names typed twice stay', () => {
    const dir = folder();
    expect(expandFilePatterns(['*.csv', 'a.csv'], dir)).toEqual(['a.csv', 'b.csv']);
    expect(expandFilePatterns(['./a.csv', '*.csv', '?.csv'], dir)).toEqual(['./a.csv', 'b.csv']);
    expect(expandFilePatterns(['a.csv', 'a.csv'], dir)).toEqual(['a.csv', 'a.csv']);
  });

  it('are given in the order Explorer lists them: numbers by value, case aside', () => {
    const dir = tempDir();
    for (const f of ['export-10.csv', 'export-2.csv', 'Export-3.csv', 'export-1.csv']) fs.writeFileSync(path.join(dir, f), 'Organization\nX\n');
    expect(expandFilePatterns(['*.csv'], dir)).toEqual(['export-1.csv', 'export-2.csv', 'Export-3.csv', 'export-10.csv']);
  });

  it('hidden files only for a pattern that begins with a dot, as shells have it', () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, '.draft.csv'), 'Organization\nX\n');
    expect(expandFilePatterns(['*.csv'], dir)).toEqual(['a.csv', 'b.csv']);
    expect(expandFilePatterns(['.*.csv'], dir)).toEqual(['.draft.csv']);
  });

  it('the database the command writes to and its side files are no match', () => {
    const dir = folder();
    expect(expandFilePatterns(['*'], dir, { leaveOut: [path.join(dir, 'skillsnet.db')] })).toEqual(['a.csv', 'b.csv']);
    expect(expandFilePatterns(['*'], dir)).toEqual(['a.csv', 'b.csv', 'skillsnet.db', 'skillsnet.db-wal']);
  });

  it.skipIf(process.platform === 'win32')('a link to nothing is left to the reader, which names it (it stopped the expansion)', () => {
    const dir = folder();
    fs.symlinkSync(path.join(dir, 'nowhere.csv'), path.join(dir, 'c.csv'));
    expect(expandFilePatterns(['*.csv'], dir)).toEqual(['a.csv', 'b.csv', 'c.csv']);
  });
});
