/** The scale of a reviewers' score sheet: stated in a column header, given with --scale, or inferred from every score of the sheet (with a warning when a few scores decide it). */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, afterAll } from 'vitest';
import { run as skillsnet, tempDir, json } from '../support/run.js';
import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication } from '../../../src/db/applications.js';
import { scaleOutliers } from '../../../src/cli/scores.js';
import { scaleFromHeader } from '../../../src/selection/score-file.js';

let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = tempDir();
  dbPath = path.join(dir, 'scores.db');
  const db = openDatabase(dbPath, { create: true });
  for (let i = 1; i <= 12; i++) insertApplication(db, '2020', { organization: `Org ${i}`, externalId: `SIC-${i}`, country: 'KE', region: 'Africa', language: 'en', score: 5 });
  db.close();
});

const sheet = (scores: number[]) => 'id,reviewer,score\n' + scores.map((s, i) => `SIC-${i + 1},Ana,${s}`).join('\n') + '\n';

describe('scale guessing driven by outliers', { timeout: 60_000 }, () => {
  it('one 11 on a 0-10 sheet: warns with the count and suggests --scale 0-10', async () => {
    const file = path.join(dir, 'one-outlier.csv');
    fs.writeFileSync(file, sheet([7, 8, 6, 9, 5, 7, 8, 6, 4, 11, 7, 8]));
    const r = await skillsnet(['scores', 'import', file, '--dry-run', '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).scale).toMatchObject({ min: 0, max: 20, inferred: true });
    expect(r.stderr).toMatch(/warning: the scale 0-20 was inferred because 1 of 12 scores lies above 10; every other score fits 0-10/);
    expect(r.stderr).toMatch(/--scale 0-10/);
    const fixed = json(await skillsnet(['scores', 'import', file, '--scale', '0-10', '--dry-run', '--json', '--db', dbPath]));
    expect(fixed).toMatchObject({ rejected: 1, inserted: 11 });
    expect(fixed.rejects[0].reason).toMatch(/the score is outside the scale 0-10/);
  });

  it('a real 0-20 sheet (many scores above 10) and --scale given: no warning', async () => {
    const file = path.join(dir, 'vingt.csv');
    fs.writeFileSync(file, sheet([12, 15, 9, 17, 11, 8, 14, 13, 16, 10, 12, 18]));
    const r = await skillsnet(['scores', 'import', file, '--dry-run', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Scale 0-20 \(inferred/);
    expect(r.stderr).not.toMatch(/warning: the scale/);
    const given = await skillsnet(['scores', 'import', path.join(dir, 'one-outlier.csv'), '--scale', '0-20', '--dry-run', '--db', dbPath]);
    expect(given.stderr).not.toMatch(/warning: the scale/);
  });
});

describe('scaleOutliers', () => {
  it('names the scale the other scores fit and how many lie above it', async () => {
    expect(scaleOutliers([7, 12, 11], { min: 0, max: 20 })).toBeNull(); // 2 of 3: the sheet is 0-20
    expect(scaleOutliers([7, 8, 11], { min: 0, max: 20 })).toEqual({ above: 1, smaller: { min: 0, max: 10 } }); // one score decides
    expect(scaleOutliers([...Array(10).fill(7), 11], { min: 0, max: 20 })).toEqual({ above: 1, smaller: { min: 0, max: 10 } });
    expect(scaleOutliers([...Array(20).fill(3), 1, 12, 15], { min: 0, max: 20 })).toEqual({ above: 2, smaller: { min: 1, max: 5 } });
    expect(scaleOutliers([...Array(30).fill(60), 150], { min: 0, max: 150 })).toEqual({ above: 1, smaller: { min: 0, max: 100 } });
    expect(scaleOutliers([3, 4, 5], { min: 1, max: 5 })).toBeNull();
    expect(scaleOutliers([0.5, 0.7], { min: 0, max: 1 })).toBeNull();
  });
});

// The scale is the reviewer's sheet's: a row that names an application skillsnet does not
// know (a typo in the ID, an email two applications share) still says how high the scores go.
describe('the inferred scale reads every score of the sheet', { timeout: 60_000 }, () => {
  it('rows whose application is not found still count towards the scale', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'scores.db');
    const db = openDatabase(dbPath, { create: true });
    for (let i = 1; i <= 4; i++) insertApplication(db, '2020', { organization: `Org ${i}`, externalId: `SIC-${i}`, email: `org${i}@example.org`, country: 'KE', region: 'Africa', language: 'en' });
    insertApplication(db, '2020', { organization: 'Org 5', externalId: 'SIC-5', email: 'shared@example.org', country: 'KE', region: 'Africa', language: 'en' });
    insertApplication(db, '2020', { organization: 'Org 6', externalId: 'SIC-6', email: 'shared@example.org', country: 'KE', region: 'Africa', language: 'en' });
    db.close();
    const file = path.join(dir, 'jury.csv');
    fs.writeFileSync(file, 'email,reviewer,score\norg1@example.org,Ana,4\norg2@example.org,Ana,5\norg3@example.org,Ana,3\nshared@example.org,Ana,9\nnobody@example.org,Ana,8\n');
    const r = await skillsnet(['scores', 'import', file, '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    const result = json(r);
    expect(result).toMatchObject({ inserted: 3, rejected: 2, scale: { min: 0, max: 10, inferred: true } });
    const shown = json(await skillsnet(['show', '2', '--json', '--db', dbPath]));
    expect(shown.scores.reviewers[0]).toMatchObject({ score: 5, scale: '0-10' });
  });
});

describe('a header scale checked against every score of the sheet', { timeout: 60_000 }, () => {
  it('"Score (1-5)" is dropped when most of the sheet lies outside it, even if those rows name unknown applications', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'scores.db');
    const db = openDatabase(dbPath, { create: true });
    for (let i = 1; i <= 2; i++) insertApplication(db, '2020', { organization: `Org ${i}`, externalId: `SIC-${i}`, country: 'KE', region: 'Africa', language: 'en' });
    db.close();
    const file = path.join(dir, 'jury.csv');
    fs.writeFileSync(file, 'id,reviewer,Score (1-5)\nSIC-1,Ana,1\nSIC-2,Ana,2\nSIC-7,Ana,8\nSIC-8,Ana,9\nSIC-9,Ana,7\n');
    const r = await skillsnet(['scores', 'import', file, '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).scale).toMatchObject({ min: 0, max: 10, inferred: true });
  });
});

describe('with six applications to score', () => {
  let dir: string;
  let dbPath: string;

  beforeAll(async () => {
    dir = tempDir('skillsnet-header-scale-');
    dbPath = path.join(dir, 'scores.db');
    const db = openDatabase(dbPath, { create: true });
    for (let i = 1; i <= 6; i++) insertApplication(db, '2020', { organization: `Org ${i}`, externalId: `SIC-${i}`, country: 'KE', region: 'Africa', language: 'en', score: 5 });
    db.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('a score column header that states its scale', () => {
    it('reads the scale from "(0-100)", "sur 20", "/10", "out of 5", "sobre 10"', async () => {
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

    it('does not take numbers that only sit in the header for a scale', async () => {
      expect(scaleFromHeader('Score (reviewers 1 and 2 agreed)')).toBeNull();
      expect(scaleFromHeader('Puntuación fase 1 y 2')).toBeNull();
      expect(scaleFromHeader('Score for criteria 1-3')).toBeNull();
      expect(scaleFromHeader('Score (weighted 1/3)')).toBeNull();
      expect(scaleFromHeader('Note des critères 1 et 2')).toBeNull();
    });

    it('infers the scale, with a warning, when most scores lie outside the one the header seems to state', async () => {
      const file = path.join(dir, 'misread.csv');
      fs.writeFileSync(file, 'Application ID,Reviewer,Score (0-5 agreed)\nSIC-1,Ana,7\nSIC-2,Ana,8\nSIC-3,Ana,2\nSIC-4,Ana,9\n');
      expect(scaleFromHeader('Score (0-5 agreed)')).toBeNull();
      const header = path.join(dir, 'misread2.csv');
      fs.writeFileSync(header, 'Application ID,Reviewer,Score (1-5)\nSIC-1,Ana,7\nSIC-2,Ana,8\nSIC-3,Ana,2\nSIC-4,Ana,9\n');
      const r = await skillsnet(['scores', 'import', header, '--dry-run', '--json', '--db', dbPath]);
      expect(r.code, r.stderr).toBe(0);
      expect(json(r)).toMatchObject({ inserted: 4, rejected: 0, scale: { min: 0, max: 10, inferred: true } });
      expect(r.stderr).toMatch(/warning: the column header "Score \(1-5\)" reads like the scale 1-5, but 3 of 4 scores lie outside it, so the scale was inferred from the scores; if the header is right, import again with --scale 1-5/);
      // a stated scale that most scores fit still rejects the one typo
      const typo = path.join(dir, 'typo.csv');
      fs.writeFileSync(typo, 'Application ID,Reviewer,Score (1-5)\nSIC-1,Ana,4\nSIC-2,Ana,5\nSIC-3,Ana,2\nSIC-4,Ana,44\n');
      expect(json(await skillsnet(['scores', 'import', typo, '--dry-run', '--json', '--db', dbPath]))).toMatchObject({ inserted: 3, rejected: 1, scale: { min: 1, max: 5, inferred: false } });
    });

    it('wins over the guess from the values: 9,5 "sur 20" is 9.5 of 20, not of 10', async () => {
      const file = path.join(dir, 'notes.csv');
      fs.writeFileSync(file, 'Identifiant;Évaluateur;Note sur 20\nSIC-1;Marie;9,5\nSIC-2;Marie;8\nSIC-3;Marie;6\nSIC-4;Marie;4\n');
      const r = await skillsnet(['scores', 'import', file, '--dry-run', '--json', '--db', dbPath]);
      expect(r.code, r.stderr).toBe(0);
      expect(json(r).scale).toMatchObject({ min: 0, max: 20, inferred: false });
      const text = await skillsnet(['scores', 'import', file, '--dry-run', '--db', dbPath]);
      expect(text.stderr).toMatch(/Scale 0-20 \(from the column header "Note sur 20"\)/);
      expect(text.stderr).not.toMatch(/warning/);
    });

    it('--scale still wins over the header', async () => {
      const file = path.join(dir, 'pct.csv');
      fs.writeFileSync(file, 'Application ID,Reviewer,Score (out of 100)\nSIC-1,Tom,9\nSIC-2,Tom,4\nSIC-3,Tom,3\n');
      expect(json(await skillsnet(['scores', 'import', file, '--dry-run', '--json', '--db', dbPath])).scale).toMatchObject({ min: 0, max: 100 });
      expect(json(await skillsnet(['scores', 'import', file, '--scale', '0-10', '--dry-run', '--json', '--db', dbPath])).scale).toMatchObject({ min: 0, max: 10 });
    });
  });
});
