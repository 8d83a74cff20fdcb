/**
 * Saved rosters read back: the selection's parameters are a typed record checked when read, so a
 * roster whose parameters were changed into something else is an error naming it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { OperationError } from '../../../src/errors.js';
import { parseRosterParams, savedRoster } from '../../../src/selection/rosters.js';
import { run, tempDir } from '../support/run.js';
import { makeRosterCall } from './fixtures.js';

const rule = { feature: 'region', value: '*', min: 1, max: null, source: '--min-per-region 1' };
const quota = { feature: 'region', value: 'Africa', min: 1, max: null, sources: ['--min-per-region 1'] };

describe('parseRosterParams', () => {
  it.each([
    ['what select saves', { size: 2, rules: [rule], quotas: [quota], filters: { region: 'Africa', call: '2020' }, minScore: null, include: [], exclude: [3], alternates: 5, quotasFile: null, scoreRule: 'x', eligible: 7, modelSize: 7 }],
    ['a roster saved with fewer parameters (a fixture, an older version)', { size: 2 }],
    ['keys it does not know, kept as they are', { size: 2, note: 'hand-made' }],
  ])('accepts %s, unchanged', (_, stored) => {
    expect(parseRosterParams('core', stored)).toBe(stored);
  });

  it.each([
    ['not an object', [1, 2], /they are not a JSON object/],
    ['text that was not JSON', '{"size": 2', /they are not valid JSON/],
    ['a size that is no number', { size: '25' }, /"size" must be a number, found "25"/],
    ['quotas that are no list of quotas', { quotas: 'region Africa' }, /"quotas" must be a list of quotas/],
    ['a rule with an unknown feature', { rules: [{ ...rule, feature: 'continent' }] }, /"rules" must be a list of quota rules/],
    ['a filter on an unknown region', { filters: { region: 'Atlantis' } }, /"filters" must be an object of filters/],
    ['excluded IDs that are no IDs', { exclude: ['seven'] }, /"exclude" must be a list of application IDs/],
  ])('refuses %s, naming the roster', (_, stored, message) => {
    let error: unknown;
    try {
      parseRosterParams('core-2020', stored);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OperationError);
    expect((error as Error).message).toMatch(/^the saved parameters of roster core-2020 are malformed: /);
    expect((error as Error).message).toMatch(message);
  });
});

describe('a saved roster with malformed parameters', () => {
  it('is an error naming it (exit 1) for roster show and replace; it can still be deleted', async () => {
    const dbPath = path.join(tempDir(), 'malformed.db');
    makeRosterCall(dbPath, [['A1', 'Africa', 'KE', 9], ['M1', 'Americas', 'MX', 7]]);
    const db = openDatabase(dbPath);
    const id = db.prepare(`INSERT INTO rosters (name, params_json, solver_status, optimal, objective) VALUES ('broken', '{"quotas": 3}', 'Optimal', 1, 9)`).run().lastInsertRowid;
    db.prepare(`INSERT INTO roster_members (roster_id, application_id, role, rank, reasons_json) VALUES (?, 1, 'member', 1, '[]')`).run(id);
    expect(() => savedRoster(db, 'broken')).toThrow(/roster broken are malformed: "quotas" must be a list of quotas/);
    db.close();
    for (const args of [['roster', 'show', 'broken'], ['roster', 'replace', 'broken', '1']]) {
      const r = await run(['--db', dbPath, ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^error: the saved parameters of roster broken are malformed: "quotas" must be a list of quotas \(feature, value, min, max, sources\), found 3$/m);
      expect(r.stderr).toMatch(/skillsnet roster delete broken/);
    }
    expect((await run(['--db', dbPath, '--yes', 'roster', 'delete', 'broken'])).code).toBe(0);
  });
});
