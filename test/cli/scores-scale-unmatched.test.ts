import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, json } from '../helpers.js';
import { openDatabase } from '../../src/db/connection.js';
import { insertApplication } from '../../src/db/applications.js';

// The scale is the reviewer's sheet's: a row that names an application skillsnet does not
// know (a typo in the ID, an email two applications share) still says how high the scores go.
describe('the inferred scale reads every score of the sheet', { timeout: 60_000 }, () => {
  it('rows whose application is not found still count towards the scale', () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'scores.db');
    const db = openDatabase(dbPath, { create: true });
    for (let i = 1; i <= 4; i++) insertApplication(db, '2020', { organization: `Org ${i}`, externalId: `SIC-${i}`, email: `org${i}@example.org`, country: 'KE', region: 'Africa', language: 'en' });
    insertApplication(db, '2020', { organization: 'Org 5', externalId: 'SIC-5', email: 'shared@example.org', country: 'KE', region: 'Africa', language: 'en' });
    insertApplication(db, '2020', { organization: 'Org 6', externalId: 'SIC-6', email: 'shared@example.org', country: 'KE', region: 'Africa', language: 'en' });
    db.close();
    const file = path.join(dir, 'jury.csv');
    fs.writeFileSync(file, 'email,reviewer,score\norg1@example.org,Ana,4\norg2@example.org,Ana,5\norg3@example.org,Ana,3\nshared@example.org,Ana,9\nnobody@example.org,Ana,8\n');
    const r = runCli(['scores', 'import', file, '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    const result = json(r);
    expect(result).toMatchObject({ inserted: 3, rejected: 2, scale: { min: 0, max: 10, inferred: true } });
    const shown = json(runCli(['show', '2', '--json', '--db', dbPath]));
    expect(shown.scores.reviewers[0]).toMatchObject({ score: 5, scale: '0-10' });
  });
});

describe('a header scale checked against every score of the sheet', { timeout: 60_000 }, () => {
  it('"Score (1-5)" is dropped when most of the sheet lies outside it, even if those rows name unknown applications', () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'scores.db');
    const db = openDatabase(dbPath, { create: true });
    for (let i = 1; i <= 2; i++) insertApplication(db, '2020', { organization: `Org ${i}`, externalId: `SIC-${i}`, country: 'KE', region: 'Africa', language: 'en' });
    db.close();
    const file = path.join(dir, 'jury.csv');
    fs.writeFileSync(file, 'id,reviewer,Score (1-5)\nSIC-1,Ana,1\nSIC-2,Ana,2\nSIC-7,Ana,8\nSIC-8,Ana,9\nSIC-9,Ana,7\n');
    const r = runCli(['scores', 'import', file, '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).scale).toMatchObject({ min: 0, max: 10, inferred: true });
  });
});
