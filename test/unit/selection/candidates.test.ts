/**
 * The selection score and eligibility, in one place for select, roster replace and every
 * export: the reviewers' combined score where reviewers scored, else the application's own,
 * else 0; a minimum score leaves out the applications nobody scored.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication } from '../../../src/db/applications.js';
import { storeScores } from '../../../src/db/scores.js';
import { eligibleCandidates, meetsMinScore, scoredApplications, splitEligibility, toCandidate } from '../../../src/selection/candidates.js';
import type { Application } from '../../../src/model.js';
import { tempDir } from '../support/run.js';

const app = (score: number | null): Application => ({
  id: 1, externalId: null, call: '2020', organization: 'Org', organizationType: null, contactName: null, email: null, phone: null, website: null,
  country: null, countryRaw: null, region: null, language: null, title: null, description: null, beneficiaries: [], categories: ['b', 'a'], selfCategories: [],
  score, submittedAt: null,
});

describe('the selection score', () => {
  it.each([
    ['reviewers scored it', 7, 4.2, { score: 4.2, scoreSource: 'reviewers' }],
    ['reviewers scored it 0', 7, 0, { score: 0, scoreSource: 'reviewers' }],
    ['only its own score', 7, undefined, { score: 7, scoreSource: 'application' }],
    ['only its own score, null combined', 7, null, { score: 7, scoreSource: 'application' }],
    ['no score at all', null, undefined, { score: 0, scoreSource: 'none' }],
  ])('%s', (_, own, combined, expected) => {
    const c = toCandidate(app(own), combined);
    expect(c).toMatchObject(expected);
    expect(c.categories).toEqual(['a', 'b']);
  });

  it.each([
    [{ score: 5, scoreSource: 'application' }, undefined, true],
    [{ score: 5, scoreSource: 'application' }, null, true],
    [{ score: 5, scoreSource: 'application' }, 5, true],
    [{ score: 4.99, scoreSource: 'reviewers' }, 5, false],
    [{ score: 0, scoreSource: 'none' }, 0, false],
  ] as const)('%j meets the minimum %s: %s', (c, min, expected) => {
    expect(meetsMinScore({ ...toCandidate(app(null)), ...c }, min)).toBe(expected);
  });

  it('splits the eligibility filters into what the database filters on and the minimum score', () => {
    expect(splitEligibility({ region: 'Africa', minScore: 3 })).toEqual({ filters: { region: 'Africa' }, minScore: 3 });
    expect(splitEligibility({ call: '2020' })).toEqual({ filters: { call: '2020' } });
  });
});

describe('eligible applications from the database', () => {
  it('carry the reviewers\' score where there is one, and a minimum leaves out the unscored', async () => {
    const db = openDatabase(path.join(tempDir(), 'eligible.db'), { create: true });
    for (let i = 1; i <= 4; i++) insertApplication(db, '2020', { organization: `Org ${i}`, country: 'KE', region: 'Africa', language: 'en', score: 5 });
    insertApplication(db, '2020', { organization: 'Unscored', country: 'KE', region: 'Africa', language: 'en' });
    await storeScores(db, [9, 8, 2, 1].map((score, i) => ({ applicationId: i + 1, reviewer: 'Ana', score, scaleMin: 0, scaleMax: 10, rawText: String(score) })), 'jury.csv');
    const all = eligibleCandidates(db, {});
    expect(all.map((c) => c.scoreSource)).toEqual(['reviewers', 'reviewers', 'reviewers', 'reviewers', 'none']);
    expect(all[0].score).toBeGreaterThan(all[3].score);
    const kept = eligibleCandidates(db, { minScore: all[1].score });
    expect(kept.map((c) => c.id)).toEqual([1, 2]);
    // The exports' stream gives the same score and the same choice.
    const streamed = [...scoredApplications(db, { minScore: all[1].score })];
    expect(streamed.map((a) => [a.id, a.score])).toEqual(kept.map((c) => [c.id, c.score]));
    expect(eligibleCandidates(db, { minScore: 0 }).map((c) => c.id)).toEqual([1, 2, 3, 4]);
    db.close();
  });
});
