/**
 * An export of several calls checks that their scores share a scale from the applications it
 * carries: read once, not once to decide the scale and again to export them (0.4 s of 3.6 s for a
 * Kumu export of 20,000). The same applications and scores as deciding the scale first.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../../src/db/connection.js';
import { insertApplication } from '../../../src/db/applications.js';
import { exportApplications, exportScoreScale } from '../../../src/export/export-common.js';
import { scoredApplications } from '../../../src/selection/candidates.js';
import type { EligibilityFilters } from '../../../src/model.js';
import { tempDir } from '../support/run.js';

function twoCalls(scale2021: number): DB {
  const db = openDatabase(path.join(tempDir(), 's.db'), { create: true });
  for (let i = 0; i < 12; i++) {
    insertApplication(db, '2020', { externalId: `A-${i}`, title: `T ${i}`, organization: `Org ${i}`, country: 'KE', region: 'Africa', score: 5 + (i % 5) });
    insertApplication(db, '2021', { externalId: `B-${i}`, title: `U ${i}`, organization: `Org ${i}`, country: 'KE', region: 'Africa', score: (4 + (i % 6)) * scale2021 });
  }
  return db;
}

/** How many times the statement that reads applications runs while `fn` does. */
function applicationReads<T>(fn: () => T): { result: T; reads: number } {
  const Statement = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown> & { source: string };
  let reads = 0;
  const originals = new Map(['all', 'iterate', 'get'].map((m) => [m, Statement[m]!]));
  for (const [m, original] of originals) {
    Statement[m] = function (this: { source: string }, ...args: unknown[]) {
      if (/SELECT a\.id, a\.external_id/.test(this.source)) reads++;
      return original.apply(this, args);
    };
  }
  try {
    return { result: fn(), reads };
  } finally {
    for (const [m, original] of originals) Statement[m] = original;
  }
}

describe('the applications of an export of several calls', () => {
  it.each([
    ['one scale', 1, { allCalls: true }],
    ['two scales, rescaled', 10, { allCalls: true, rescaleScores: true }],
    ['with a minimum score', 10, { allCalls: true, rescaleScores: true, minScore: 7 }],
  ] as const)('%s: read once, the same as deciding the scale first', (_, scale, filters: EligibilityFilters) => {
    const db = twoCalls(scale);
    const before = [...scoredApplications(db, filters, {}, exportScoreScale(db, filters))];
    const { result, reads } = applicationReads(() => [...exportApplications(db, filters)]);
    expect(result).toEqual(before);
    expect(result.length).toBeGreaterThan(0);
    expect(reads).toBe(1);
    db.close();
  });

  it('refuses scores on different scales as before', () => {
    const db = twoCalls(10);
    expect(() => [...exportApplications(db, { allCalls: true })]).toThrow(/of 2 calls have scores on different scales/);
    db.close();
  });
});
