import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as skillsnet, tempDir, json } from '../support/run.js';
import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication } from '../../../src/db/applications.js';

// STYLE: the same filter flag means the same thing on select and every export. --min-score
// is on the selection score: the reviewers' combined score where reviewers scored.
describe('--min-score on exports uses the score select uses', { timeout: 60_000 }, () => {
  it('an application the reviewers rated above the threshold is exported; one rated below is not', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'call.db');
    const db = openDatabase(dbPath, { create: true });
    // Own scores all 5; the reviewers put #1 and #2 high, #3 and #4 low.
    for (let i = 1; i <= 4; i++) insertApplication(db, '2020', { organization: `Org ${i}`, externalId: `A${i}`, email: `org${i}@example.org`, country: 'KE', region: 'Africa', language: 'en', score: 5 });
    insertApplication(db, '2020', { organization: 'Unscored', externalId: 'A5', email: 'org5@example.org', country: 'KE', region: 'Africa', language: 'en' });
    db.close();
    const sheet = path.join(dir, 'jury.csv');
    fs.writeFileSync(sheet, 'id,reviewer,score\nA1,Ana,9\nA2,Ana,8\nA3,Ana,2\nA4,Ana,1\n');
    expect((await skillsnet(['scores', 'import', sheet, '--scale', '0-10', '--db', dbPath])).code).toBe(0);
    const selected = json(await skillsnet(['select', '--size', '2', '--min-score', '6', '--dry-run', '--json', '--db', dbPath]));
    const ids = selected.members.map((m: any) => m.id).sort();
    expect(ids).toEqual([1, 2]);
    const out = path.join(dir, 'contacts.csv');
    const r = await skillsnet(['export', 'contacts', '--min-score', '6', '--out', out, '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/org1@example\.org/);
    expect(json(r).counts.applications).toBe(ids.length);
    // The map's Score is that score too: sized by what the selection weighed.
    const map = path.join(dir, 'map.json');
    expect((await skillsnet(['export', 'kumu', '--format', 'json', '--out', map, '--db', dbPath])).code).toBe(0);
    const scoreOf = (label: string) => JSON.parse(fs.readFileSync(map, 'utf8')).elements.find((e: any) => e.attributes?.label === label || e.label === label);
    const org1 = scoreOf('Org 1');
    const unscored = scoreOf('Unscored');
    expect(JSON.stringify(org1)).not.toMatch(/"[Ss]core":5\b/);
    expect(JSON.stringify(org1)).toMatch(/"[Ss]core":(9|10)(\.\d+)?\b/);
    expect(JSON.stringify(unscored)).not.toMatch(/"[Ss]core":\d/);
  });
});
