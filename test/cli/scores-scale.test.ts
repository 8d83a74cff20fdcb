import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, json } from '../helpers.js';
import { openDatabase } from '../../src/db/connection.js';
import { insertApplication } from '../../src/db/applications.js';
import { scaleOutliers } from '../../src/cli/scores.js';

let dir: string;
let dbPath: string;

beforeAll(() => {
  dir = tempDir();
  dbPath = path.join(dir, 'scores.db');
  const db = openDatabase(dbPath, { create: true });
  for (let i = 1; i <= 12; i++) insertApplication(db, '2020', { organization: `Org ${i}`, externalId: `SIC-${i}`, country: 'KE', region: 'Africa', language: 'en', score: 5 });
  db.close();
});

const sheet = (scores: number[]) => 'id,reviewer,score\n' + scores.map((s, i) => `SIC-${i + 1},Ana,${s}`).join('\n') + '\n';

describe('scale guessing driven by outliers (built CLI)', { timeout: 60_000 }, () => {
  it('one 11 on a 0-10 sheet: warns with the count and suggests --scale 0-10', () => {
    const file = path.join(dir, 'one-outlier.csv');
    fs.writeFileSync(file, sheet([7, 8, 6, 9, 5, 7, 8, 6, 4, 11, 7, 8]));
    const r = runCli(['scores', 'import', file, '--dry-run', '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).scale).toMatchObject({ min: 0, max: 20, inferred: true });
    expect(r.stderr).toMatch(/warning: the scale 0-20 was inferred because 1 of 12 scores lies above 10; every other score fits 0-10/);
    expect(r.stderr).toMatch(/--scale 0-10/);
    const fixed = json(runCli(['scores', 'import', file, '--scale', '0-10', '--dry-run', '--json', '--db', dbPath]));
    expect(fixed).toMatchObject({ rejected: 1, inserted: 11 });
    expect(fixed.rejects[0].reason).toMatch(/score 11 is outside the scale 0-10/);
  });

  it('a real 0-20 sheet (many scores above 10) and --scale given: no warning', () => {
    const file = path.join(dir, 'vingt.csv');
    fs.writeFileSync(file, sheet([12, 15, 9, 17, 11, 8, 14, 13, 16, 10, 12, 18]));
    const r = runCli(['scores', 'import', file, '--dry-run', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Scale 0-20 \(inferred/);
    expect(r.stderr).not.toMatch(/warning: the scale/);
    const given = runCli(['scores', 'import', path.join(dir, 'one-outlier.csv'), '--scale', '0-20', '--dry-run', '--db', dbPath]);
    expect(given.stderr).not.toMatch(/warning: the scale/);
  });
});

describe('scaleOutliers', () => {
  it('names the scale the other scores fit and how many lie above it', () => {
    expect(scaleOutliers([7, 12, 11], { min: 0, max: 20 })).toBeNull(); // 2 of 3: the sheet is 0-20
    expect(scaleOutliers([7, 8, 11], { min: 0, max: 20 })).toEqual({ above: 1, smaller: { min: 0, max: 10 } }); // one score decides
    expect(scaleOutliers([...Array(10).fill(7), 11], { min: 0, max: 20 })).toEqual({ above: 1, smaller: { min: 0, max: 10 } });
    expect(scaleOutliers([...Array(20).fill(3), 1, 12, 15], { min: 0, max: 20 })).toEqual({ above: 2, smaller: { min: 1, max: 5 } });
    expect(scaleOutliers([...Array(30).fill(60), 150], { min: 0, max: 150 })).toEqual({ above: 1, smaller: { min: 0, max: 100 } });
    expect(scaleOutliers([3, 4, 5], { min: 1, max: 5 })).toBeNull();
    expect(scaleOutliers([0.5, 0.7], { min: 0, max: 1 })).toBeNull();
  });
});
