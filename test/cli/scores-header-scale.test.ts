import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from '../helpers.js';
import { openDatabase } from '../../src/db/connection.js';
import { insertApplication } from '../../src/db/applications.js';
import { scaleFromHeader } from '../../src/selection/score-file.js';

let dir: string;
let dbPath: string;

beforeAll(() => {
  dir = tempDir('skillsnet-header-scale-');
  dbPath = path.join(dir, 'scores.db');
  const db = openDatabase(dbPath, { create: true });
  for (let i = 1; i <= 6; i++) insertApplication(db, '2020', { organization: `Org ${i}`, externalId: `SIC-${i}`, country: 'KE', region: 'Africa', language: 'en', score: 5 });
  db.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a score column header that states its scale', () => {
  it('reads the scale from "(0-100)", "sur 20", "/10", "out of 5", "sobre 10"', () => {
    expect(scaleFromHeader('Score (0-100)')).toEqual({ min: 0, max: 100 });
    expect(scaleFromHeader('Puntuación (0–100)')).toEqual({ min: 0, max: 100 });
    expect(scaleFromHeader('Note sur 20')).toEqual({ min: 0, max: 20 });
    expect(scaleFromHeader('Note /20')).toEqual({ min: 0, max: 20 });
    expect(scaleFromHeader('Score (out of 5)')).toEqual({ min: 0, max: 5 });
    expect(scaleFromHeader('Nota sobre 10')).toEqual({ min: 0, max: 10 });
    expect(scaleFromHeader('Rating (1 to 5)')).toEqual({ min: 1, max: 5 });
    expect(scaleFromHeader('Note de 1 à 5')).toEqual({ min: 1, max: 5 });
    expect(scaleFromHeader('Score')).toBeNull();
    expect(scaleFromHeader('Score 2024')).toBeNull();
    expect(scaleFromHeader('Score 2020-2021')).toBeNull();
    expect(scaleFromHeader('Puntuación (escala de 1 a 10)')).toEqual({ min: 1, max: 10 });
    expect(scaleFromHeader('Score on a scale of 1 to 5')).toEqual({ min: 1, max: 5 });
    expect(scaleFromHeader('Note [0-20]')).toEqual({ min: 0, max: 20 });
    expect(scaleFromHeader('Score (max 10)')).toEqual({ min: 0, max: 10 });
    expect(scaleFromHeader('Note 0-20')).toEqual({ min: 0, max: 20 });
    expect(scaleFromHeader('Score 1-10')).toEqual({ min: 1, max: 10 });
    expect(scaleFromHeader('Nota: 0 a 10')).toEqual({ min: 0, max: 10 });
  });

  it('does not take numbers that only sit in the header for a scale', () => {
    expect(scaleFromHeader('Score (reviewers 1 and 2 agreed)')).toBeNull();
    expect(scaleFromHeader('Puntuación fase 1 y 2')).toBeNull();
    expect(scaleFromHeader('Score for criteria 1-3')).toBeNull();
    expect(scaleFromHeader('Score (weighted 1/3)')).toBeNull();
    expect(scaleFromHeader('Note des critères 1 et 2')).toBeNull();
  });

  it('infers the scale, with a warning, when most scores lie outside the one the header seems to state', () => {
    const file = path.join(dir, 'misread.csv');
    fs.writeFileSync(file, 'Application ID,Reviewer,Score (0-5 agreed)\nSIC-1,Ana,7\nSIC-2,Ana,8\nSIC-3,Ana,2\nSIC-4,Ana,9\n');
    expect(scaleFromHeader('Score (0-5 agreed)')).toBeNull();
    const header = path.join(dir, 'misread2.csv');
    fs.writeFileSync(header, 'Application ID,Reviewer,Score (1-5)\nSIC-1,Ana,7\nSIC-2,Ana,8\nSIC-3,Ana,2\nSIC-4,Ana,9\n');
    const r = runCli(['scores', 'import', header, '--dry-run', '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ inserted: 4, rejected: 0, scale: { min: 0, max: 10, inferred: true } });
    expect(r.stderr).toMatch(/warning: the column header "Score \(1-5\)" reads like the scale 1-5, but 3 of 4 scores lie outside it, so the scale was inferred from the scores; if the header is right, import again with --scale 1-5/);
    // a stated scale that most scores fit still rejects the one typo
    const typo = path.join(dir, 'typo.csv');
    fs.writeFileSync(typo, 'Application ID,Reviewer,Score (1-5)\nSIC-1,Ana,4\nSIC-2,Ana,5\nSIC-3,Ana,2\nSIC-4,Ana,44\n');
    expect(json(runCli(['scores', 'import', typo, '--dry-run', '--json', '--db', dbPath]))).toMatchObject({ inserted: 3, rejected: 1, scale: { min: 1, max: 5, inferred: false } });
  });

  it('wins over the guess from the values: 9,5 "sur 20" is 9.5 of 20, not of 10', () => {
    const file = path.join(dir, 'notes.csv');
    fs.writeFileSync(file, 'Identifiant;Évaluateur;Note sur 20\nSIC-1;Marie;9,5\nSIC-2;Marie;8\nSIC-3;Marie;6\nSIC-4;Marie;4\n');
    const r = runCli(['scores', 'import', file, '--dry-run', '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).scale).toMatchObject({ min: 0, max: 20, inferred: false });
    const text = runCli(['scores', 'import', file, '--dry-run', '--db', dbPath]);
    expect(text.stderr).toMatch(/Scale 0-20 \(from the column header "Note sur 20"\)/);
    expect(text.stderr).not.toMatch(/warning/);
  });

  it('--scale still wins over the header', () => {
    const file = path.join(dir, 'pct.csv');
    fs.writeFileSync(file, 'Application ID,Reviewer,Score (out of 100)\nSIC-1,Tom,9\nSIC-2,Tom,4\nSIC-3,Tom,3\n');
    expect(json(runCli(['scores', 'import', file, '--dry-run', '--json', '--db', dbPath])).scale).toMatchObject({ min: 0, max: 100 });
    expect(json(runCli(['scores', 'import', file, '--scale', '0-10', '--dry-run', '--json', '--db', dbPath])).scale).toMatchObject({ min: 0, max: 10 });
  });
});

describe('a score workbook that opens on an instructions sheet', () => {
  it('reads the scores from the first sheet with score headers', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Instructions').addRow(['Score each application from 1 to 5.']);
    const ws = wb.addWorksheet('Scores');
    ws.addRow(['Application ID', 'Reviewer', 'Score']);
    for (let i = 1; i <= 4; i++) ws.addRow([`SIC-${i}`, 'Ana', i + 1]);
    const file = path.join(dir, 'grid.xlsx');
    await wb.xlsx.writeFile(file);
    const r = runCli(['scores', 'import', file, '--dry-run', '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ rows: 4, inserted: 4, rejected: 0 });
  });
});

describe('percentages', () => {
  it('"85%" and "85 %" (a percent-formatted cell saved as CSV) are 85 out of 100', async () => {
    const { parseScoreCell } = await import('../../src/selection/score-file.js');
    expect(parseScoreCell('85%')).toEqual({ score: 85, outOf: 100 });
    expect(parseScoreCell('72,5 %')).toEqual({ score: 72.5, outOf: 100 });
    const file = path.join(dir, 'pct-cells.csv');
    fs.writeFileSync(file, 'Application ID;Reviewer;Score\nSIC-1;Tom;85%\nSIC-2;Tom;60 %\nSIC-3;Tom;72,5%\n');
    const r = json(runCli(['scores', 'import', file, '--dry-run', '--json', '--db', dbPath]));
    expect(r).toMatchObject({ rows: 3, inserted: 3, rejected: 0, scale: { min: 0, max: 100 } });
  });
});

describe('a grid with one column per reviewer', () => {
  it('is refused with the row layout to use', () => {
    const file = path.join(dir, 'grid.csv');
    fs.writeFileSync(file, 'Application ID,Amina,Jean,Lucía\nSIC-1,4,15,80\nSIC-2,3,12,70\n');
    const r = runCli(['scores', 'import', file, '--dry-run', '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: no score column/m);
    expect(r.stderr).toMatch(/one column per reviewer.*one row per application and reviewer/);
  });
});

describe('one reviewer written several ways', () => {
  it('"Ana Ruiz", "ana ruiz " and "ANA  RUIZ" are one reviewer, in one file and across files', () => {
    const db = path.join(dir, 'reviewers.db');
    fs.copyFileSync(dbPath, db);
    const a = path.join(dir, 'ana-1.csv');
    fs.writeFileSync(a, 'Application ID,Reviewer,Score\nSIC-1,Ana Ruiz,4\nSIC-2,ana ruiz ,3\n');
    const b = path.join(dir, 'ana-2.csv');
    fs.writeFileSync(b, 'Application ID,Reviewer,Score\nSIC-3,ANA  RUIZ,5\nSIC-4,Ana Ruiz,2\n');
    expect(json(runCli(['scores', 'import', a, '--scale', '1-5', '--json', '--db', db])).reviewers).toEqual(['Ana Ruiz']);
    expect(json(runCli(['scores', 'import', b, '--scale', '1-5', '--json', '--db', db])).reviewers).toEqual(['Ana Ruiz']);
    const shown = json(runCli(['show', '3', '--json', '--db', db]));
    expect(JSON.stringify(shown)).toContain('"reviewer":"Ana Ruiz"');
  });
});

describe('rows that match no application', () => {
  it('are named by row, never by the email address they hold (personal data)', () => {
    const file = path.join(dir, 'unknown-email.csv');
    fs.writeFileSync(file, 'Email,Reviewer,Score\nnobody.here@example.org,Ana,7\n');
    const r = runCli(['scores', 'import', file, '--dry-run', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/row 1: no application with the row's email/);
    expect(r.stderr + r.stdout).not.toContain('nobody.here');
    expect(runCli(['scores', 'import', file, '--dry-run', '--json', '--db', dbPath]).stdout).not.toContain('nobody.here');
  });
});
