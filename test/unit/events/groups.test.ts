import { describe, expect, it } from 'vitest';
import { OperationError, UsageError } from '../../../src/errors.js';
import { assignBreakoutGroups, groupByMember, parseGroupSpec, type BreakoutResult } from '../../../src/events/groups.js';
import type { Invitee } from '../../../src/events/types.js';
import { CORE_GROUP } from './fixtures.js';

const OUTSIDERS: Invitee[] = [
  { ...CORE_GROUP[0]!, memberId: 900, givenName: 'João', workingLanguage: 'pt', country: 'BR', region: 'Americas' },
  { ...CORE_GROUP[0]!, memberId: 901, givenName: 'Kim', workingLanguage: null },
];

/** For every region and category of a language, no group has more than its share rounded up, nor less than rounded down. */
function expectSpread(result: BreakoutResult, invitees: Invitee[], feature: 'region' | 'categories') {
  for (const language of new Set(result.groups.map((g) => g.language))) {
    const groups = result.groups.filter((g) => g.language === language);
    const members = invitees.filter((m) => m.workingLanguage === language);
    const values = new Set(members.flatMap((m) => (feature === 'region' ? [m.region!] : m.categories)));
    for (const v of values) {
      const total = members.filter((m) => (feature === 'region' ? m.region === v : m.categories.includes(v))).length;
      for (const g of groups) {
        const n = (feature === 'region' ? g.regions : g.categories)[v] ?? 0;
        expect(n, `${language} ${v} in ${g.id}`).toBeGreaterThanOrEqual(Math.floor(total / groups.length));
        expect(n, `${language} ${v} in ${g.id}`).toBeLessThanOrEqual(Math.ceil(total / groups.length));
      }
    }
  }
}

describe('parseGroupSpec', () => {
  it('reads LANGUAGE=NUMBER lists, language names included', () => {
    expect(parseGroupSpec('en=2,fr=1,es=1')).toEqual([
      { language: 'en', groups: 2 },
      { language: 'fr', groups: 1 },
      { language: 'es', groups: 1 },
    ]);
    expect(parseGroupSpec(' English = 2 , français:1 ')).toEqual([
      { language: 'en', groups: 2 },
      { language: 'fr', groups: 1 },
    ]);
  });

  it.each([
    ['', /no groups asked for/],
    ['en2', /"en2" is not LANGUAGE=NUMBER/],
    ['xx=1', /"xx" is not a language/],
    ['en=0', /at least 1, got "0"/],
    ['en=1.5', /whole number/],
    ['en=1,EN=2', /en is given twice/],
  ])('refuses "%s"', (spec, message) => {
    expect(() => parseGroupSpec(spec)).toThrow(message);
  });
});

describe('breakout groups for the first Core Group meeting', () => {
  it('splits the 25 members en=2, fr=1, es=1: balanced, every region spread, proven optimal', async () => {
    const invitees = [...CORE_GROUP, ...OUTSIDERS];
    const result = await assignBreakoutGroups(invitees, 'en=2,fr=1,es=1', { eventLanguages: ['en', 'fr', 'es'] });
    expect(result.optimal).toBe(true);
    expect(result.groups.map((g) => g.id)).toEqual(['en-1', 'en-2', 'fr-1', 'es-1']);
    expect(result.groups.map((g) => g.size).sort()).toEqual([4, 6, 7, 8]);
    // everyone with a language of the groups is in exactly one group
    const placed = result.groups.flatMap((g) => g.memberIds);
    expect(new Set(placed).size).toBe(placed.length);
    expect([...placed].sort((a, b) => a - b)).toEqual(CORE_GROUP.map((m) => m.memberId).sort((a, b) => a - b));
    // each group speaks its language
    for (const g of result.groups) for (const id of g.memberIds) expect(CORE_GROUP.find((m) => m.memberId === id)!.workingLanguage).toBe(g.language);
    // no English group holds all of a region that could be split
    expectSpread(result, CORE_GROUP, 'region');
    for (const region of ['Asia and the Pacific', 'Africa', 'Arab States', 'Europe and Central Asia']) {
      expect(result.groups.filter((g) => g.language === 'en' && g.regions[region]).length, region).toBe(2);
    }
    expect(result.languages.find((l) => l.language === 'en')).toMatchObject({ members: 15, groups: 2, optimal: true });
    expect(result.unassigned).toEqual([
      { memberId: 900, workingLanguage: 'pt', reason: 'works in pt; the groups are in en, fr, es' },
      { memberId: 901, workingLanguage: null, reason: 'no working language on record' },
    ]);
    expect(groupByMember(result).get(23)).toBe('fr-1');
  });

  it('spreads regions and then categories exactly when there are more groups', async () => {
    const result = await assignBreakoutGroups(CORE_GROUP, 'en=3,fr=2,es=2');
    expect(result.optimal).toBe(true);
    expect(result.groups.map((g) => g.size)).toEqual([5, 5, 5, 3, 3, 2, 2]);
    expectSpread(result, CORE_GROUP, 'region');
    // the two Carlos Vargas and the two es regions: Americas is the only region, categories spread instead
    const es = result.groups.filter((g) => g.language === 'es');
    expect(es.every((g) => (g.categories['skills-ecosystem'] ?? 0) === 1)).toBe(true);
    // the least deviation there can be: a region of c = qk + r members leaves r groups one over their share
    for (const l of result.languages) {
      const counts = new Map<string, number>();
      for (const m of CORE_GROUP.filter((x) => x.workingLanguage === l.language)) counts.set(m.region!, (counts.get(m.region!) ?? 0) + 1);
      const least = [...counts.values()].reduce((s, c) => s + (2 * (c % l.groups) * (l.groups - (c % l.groups))) / l.groups, 0);
      expect(l.regionDeviation, l.language).toBeCloseTo(least, 2);
    }
  });

  it('gives the same groups whatever the order of the invitees, numbered by their lowest member ID', async () => {
    const a = await assignBreakoutGroups(CORE_GROUP, 'en=2,fr=1,es=1');
    const b = await assignBreakoutGroups([...CORE_GROUP].reverse(), 'en=2,fr=1,es=1');
    expect(b.groups).toEqual(a.groups);
    for (const g of a.groups) expect(g.memberIds).toEqual([...g.memberIds].sort((x, y) => x - y));
    const en = a.groups.filter((g) => g.language === 'en');
    expect(en[0]!.memberIds[0]).toBeLessThan(en[1]!.memberIds[0]!);
  });

  it('refuses more groups than members, and groups in a language the event does not run in', async () => {
    await expect(assignBreakoutGroups(CORE_GROUP, 'en=2,fr=7,es=5')).rejects.toThrow(
      'more groups than members: fr=7 asks for 7 groups but 6 invitees work in fr; es=5 asks for 5 groups but 4 invitees work in es',
    );
    await expect(assignBreakoutGroups(CORE_GROUP, 'ar=1')).rejects.toThrow('more groups than members: ar=1 asks for 1 group but 0 invitees work in ar');
    // the hint gives the groups that fit and who speaks what, so the next try is not a guess
    const counted = Object.entries(CORE_GROUP.reduce<Record<string, number>>((n, m) => ({ ...n, [m.workingLanguage!]: (n[m.workingLanguage!] ?? 0) + 1 }), {}))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([l, n]) => `${l} ${n}`).join(', ');
    await expect(assignBreakoutGroups(CORE_GROUP, 'en=2,fr=7,es=5')).rejects.toMatchObject({ hint: `ask for fewer groups (--groups en=2,fr=6,es=4), or invite more members first; invitees by working language: ${counted}` });
    await expect(assignBreakoutGroups(CORE_GROUP, 'ar=1')).rejects.toMatchObject({ hint: `ask for groups in the invitees' languages, or invite more members first; invitees by working language: ${counted}` });
    await expect(assignBreakoutGroups(CORE_GROUP, 'en=2,ar=1', { eventLanguages: ['en', 'fr', 'es'] })).rejects.toThrow('the event runs in en, fr, es, not in ar');
    // exit 1 (the operation cannot be done) and exit 2 (wrong usage) in the CLI
    await expect(assignBreakoutGroups(CORE_GROUP, 'fr=7')).rejects.toBeInstanceOf(OperationError);
    await expect(assignBreakoutGroups(CORE_GROUP, 'fr=x')).rejects.toBeInstanceOf(UsageError);
  });
});
