import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../../src/db/connection.js';
import { insertApplication } from '../../../src/db/applications.js';
import { comparedParts, DUPLICATE_RULES, duplicatesOfApplication, likelyDuplicates, type DuplicateCandidate, type LikelyDuplicate } from '../../../src/import/duplicates.js';
import { tempDir } from '../support/run.js';

type App = Omit<DuplicateCandidate, 'id'>;
const app = (organization: string, email: string | null, title: string | null, country: string | null = null): App => ({ organization, email, title, country });

let db: DB | undefined;
afterEach(() => db?.close());

/** Stores the applications in order (ids 1, 2, 3...) in a call and asks the database. */
function duplicatesOf(apps: App[]): LikelyDuplicate[] {
  db?.close();
  db = openDatabase(path.join(tempDir(), 'd.db'), { create: true });
  apps.forEach((a, i) => insertApplication(db!, '2024', { organization: a.organization, email: a.email, title: a.title, country: a.country }, `test:${i}`));
  // the same as the first, in another call: never a duplicate of it
  if (apps[0]) insertApplication(db, 'other call', { ...apps[0] }, 'test:other');
  return likelyDuplicates(db, '2024').pairs;
}

/** The rules applied directly, pair by pair: what the database must find. */
function oracle(apps: App[]): LikelyDuplicate[] {
  const out: LikelyDuplicate[] = [];
  apps.forEach((a, i) => {
    for (const rule of DUPLICATE_RULES) {
      const k = rule.key(comparedParts(a));
      if (k === null) continue;
      const first = apps.findIndex((b) => rule.key(comparedParts(b)) === k);
      if (first < i) {
        out.push({ id: i + 1, duplicateOf: first + 1, reason: rule.reason });
        return;
      }
    }
  });
  return out;
}

describe('likelyDuplicates', () => {
  it('pairs a resubmission under a new ID (same email and organisation) with the earliest application', () => {
    expect(
      duplicatesOf([
        app('Fundación Puentes', 'ana@puentes.org', 'Aprendices en talleres mecánicos'),
        app('FUNDACION PUENTES ', 'ana@puentes.org', 'Aprendices en talleres mecánicos de Quito'),
        app('Fundación Puentes', 'ANA@puentes.org', 'Otra cosa distinta del todo'),
      ]),
    ).toEqual([
      { id: 2, duplicateOf: 1, reason: 'same email and organisation' },
      { id: 3, duplicateOf: 1, reason: 'same email and organisation' },
    ]);
  });

  it('finds the same title from another address, and the same address with the organisation spelled another way', () => {
    expect(
      duplicatesOf([
        app('Skills for Tomorrow Trust', 'a@sft.org', 'Mobile workshops for rural welders'),
        app('Skills for Tomorrow Trust', 'b@sft.org', 'Mobile Workshops for Rural Welders!'),
        app('SFT Trust', 'a@sft.org', 'mobile workshops for rural welders'),
      ]),
    ).toEqual([
      { id: 2, duplicateOf: 1, reason: 'same organisation and title' },
      { id: 3, duplicateOf: 1, reason: 'same email and title' },
    ]);
  });

  it('does not call different proposals duplicates: other titles, short titles, no email, other countries, other calls', () => {
    expect(
      duplicatesOf([
        app('Skills for Tomorrow Trust', 'a@sft.org', 'Mobile workshops for rural welders'),
        app('Skills for Tomorrow Trust', 'b@sft.org', 'Radio lessons for fishers'),
        app('Centre A', 'x@a.org', 'Project'),
        app('Centre A', 'y@a.org', 'Project'),
        app('Centre B', null, 'A long and identical title here'),
        app('Centre C', null, 'A long and identical title here'),
        // the same network in two countries, even from one address
        app('Red Cross Society', 'hq@rc.org', 'First aid trainers for schools', 'KE'),
        app('Red Cross Society', 'hq@rc.org', 'First aid trainers for schools', 'UG'),
      ]),
    ).toEqual([]);
  });

  it('keeps at most `limit` pairs and counts the rest', () => {
    duplicatesOf(Array.from({ length: 6 }, () => app('Same Org', 'same@org.org', null)));
    const limited = likelyDuplicates(db!, '2024', { limit: 2 });
    expect(limited.total).toBe(5);
    expect(limited.pairs).toEqual([
      { id: 2, duplicateOf: 1, reason: 'same email and organisation' },
      { id: 3, duplicateOf: 1, reason: 'same email and organisation' },
    ]);
  });

  it('property: the database finds exactly what the rules say, pair by pair', () => {
    const pick = <T>(xs: T[]) => fc.constantFrom(...xs);
    const apps = fc.array(
      fc.record({
        organization: pick(['Org One', 'ORG ONE', 'Org Two', 'Órg Two']),
        email: pick([null, 'a@x.org', 'A@x.org ', 'b@x.org']),
        title: pick([null, 'Short', 'A long enough title', 'a long enough title!', 'Another long title']),
        country: pick([null, 'KE', 'UG']),
      }),
      { maxLength: 12 },
    );
    fc.assert(fc.property(apps, (list) => {
      expect(duplicatesOf(list)).toEqual(oracle(list));
    }), { numRuns: 60 });
  });

  it('property: one application\'s look-alikes (show) are every other application of its call a rule pairs it with, and include its import pairs', () => {
    const pick = <T>(xs: T[]) => fc.constantFrom(...xs);
    const apps = fc.array(
      fc.record({
        organization: pick(['Org One', 'ORG ONE', 'Org Two']),
        email: pick([null, 'a@x.org', 'b@x.org']),
        title: pick([null, 'A long enough title', 'a long enough title!', 'Another long title']),
        country: pick([null, 'KE', 'UG']),
      }),
      { minLength: 1, maxLength: 10 },
    );
    fc.assert(fc.property(apps, (list) => {
      const pairs = duplicatesOf(list);
      list.forEach((a, i) => {
        const expected = list.flatMap((b, j) => {
          if (j === i) return [];
          const rule = DUPLICATE_RULES.find((r) => r.key(comparedParts(a)) !== null && r.key(comparedParts(a)) === r.key(comparedParts(b)));
          return rule ? [{ id: j + 1, reason: rule.reason }] : [];
        });
        const found = duplicatesOfApplication(db!, i + 1);
        expect(found).toEqual(expected);
        for (const p of pairs.filter((p) => p.id === i + 1)) expect(found.map((f) => f.id)).toContain(p.duplicateOf);
      });
    }), { numRuns: 40 });
  });

  it('an application that does not exist has no look-alikes', () => {
    duplicatesOf([app('Org One', 'a@x.org', 'A long enough title')]);
    expect(duplicatesOfApplication(db!, 99)).toEqual([]);
  });
});

