import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, json } from '../helpers.js';
import { openDatabase } from '../../src/db/connection.js';
import { insertApplication, setCategories } from '../../src/db/applications.js';

let dir: string;
let dbPath: string;

beforeAll(() => {
  dir = tempDir();
  dbPath = path.join(dir, 'scores.db');
  const db = openDatabase(dbPath, { create: true });
  for (let i = 1; i <= 6; i++) {
    const id = insertApplication(db, '2020', {
      organization: `Org ${i}`, externalId: `SIC-${i}`, email: `app${i}@example.org`,
      country: i % 2 ? 'KE' : 'MX', region: i % 2 ? 'Africa' : 'Americas', language: i % 2 ? 'en' : 'es', score: 5,
    });
    setCategories(db, id, ['life-skills']);
  }
  db.close();
});

describe('skillsnet scores import (built CLI)', { timeout: 90_000 }, () => {
  it('imports a French sheet with decimal commas and semicolons, by email', () => {
    const file = path.join(dir, 'notes.csv');
    fs.writeFileSync(file, 'Courriel;Évaluateur;Note\napp1@example.org;Claire;12,5\napp2@example.org;Claire;16\napp3@example.org;Claire;9\nnobody@example.org;Claire;10\napp4@example.org;Claire;bien\n', 'latin1');
    const r = runCli(['scores', 'import', file, '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    const out = json(r);
    expect(out).toMatchObject({ rows: 5, inserted: 3, updated: 0, unchanged: 0, rejected: 2, reviewers: ['Claire'], scale: { min: 0, max: 20, inferred: true } });
    expect(out.rejects.map((x: any) => x.row)).toEqual([4, 5]);
    expect(out.rejects[1].reason).toBe('"bien" is not a number');
    const again = json(runCli(['scores', 'import', file, '--json', '--db', dbPath]));
    expect(again).toMatchObject({ inserted: 0, unchanged: 3 });
    fs.writeFileSync(file, 'Courriel;Évaluateur;Note\napp1@example.org;Claire;13\napp2@example.org;Claire;16\napp3@example.org;Claire;9\n');
    const dry = json(runCli(['scores', 'import', file, '--dry-run', '--json', '--db', dbPath]));
    expect(dry).toMatchObject({ inserted: 0, updated: 1, unchanged: 2, dryRun: true });
    expect(json(runCli(['show', '1', '--json', '--db', dbPath])).scores.reviewers[0].score).toBe(12.5);
  });

  it('imports a Spanish .xlsx by application ID with --reviewer and --scale', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hoja1');
    ws.addRow(['N° de solicitud', 'Puntuación']);
    ws.addRow(['SIC-1', 2]);
    ws.addRow(['SIC-2', 5]);
    ws.addRow(['SIC-3', 3]);
    ws.addRow(['SIC-6', 4]);
    const file = path.join(dir, 'jurado.xlsx');
    await wb.xlsx.writeFile(file);
    const r = runCli(['scores', 'import', file, '--reviewer', 'Diego', '--scale', '1-5', '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ rows: 4, inserted: 4, rejected: 0, scale: { min: 1, max: 5, inferred: false } });
  });

  it('refuses a sheet without a reviewer column unless --reviewer says whose it is', () => {
    const file = path.join(dir, 'anon.csv');
    fs.writeFileSync(file, 'application id,score\nSIC-1,7\n');
    const r = runCli(['scores', 'import', file, '--db', dbPath]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: anon.csv has no reviewer column\n  say whose scores these are: .*--reviewer NAME/);
  });

  it('says which columns it saw when none is recognised', () => {
    const file = path.join(dir, 'junk.csv');
    fs.writeFileSync(file, 'foo,bar\n1,2\n');
    const r = runCli(['scores', 'import', file, '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: no score column .* \(headers: foo, bar\)/);
  });

  it('show displays the raw reviewer scores and the combined one; select ranks by it', () => {
    const shown = runCli(['show', '2', '--db', dbPath]);
    expect(shown.stdout).toMatch(/Reviewers\s+combined [\d.]+ on 0-10/);
    expect(shown.stdout).toMatch(/Claire: 16 on 0-20/);
    expect(shown.stdout).toMatch(/Diego: 5 on 1-5/);
    const j = json(runCli(['show', '2', '--json', '--db', dbPath]));
    expect(j.scores.reviewers.map((r: any) => r.reviewer)).toEqual(['Claire', 'Diego']);
    expect(typeof j.scores.combined).toBe('number');
    const sel = runCli(['select', '--size', '2', '--dry-run', '--json', '--db', dbPath]);
    expect(sel.code, sel.stderr).toBe(0);
    const out = json(sel);
    // Application 2 is both reviewers' favourite.
    expect(out.members[0]).toMatchObject({ id: 2, scoreSource: 'reviewers' });
    expect(out.members[0].reasons[0]).toMatch(/^reviewers' combined score/);
    // Applications 4 and 5 have no reviewer score: their own score is used, with a warning.
    expect(sel.stderr).toMatch(/2 of 6 eligible applications have no reviewer score/);
  });
});
