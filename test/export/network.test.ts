import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Application } from '../../src/model.js';
import { REGIONS } from '../../src/model.js';
import { buildNetwork } from '../../src/export/network.js';
import { kumuMap, validateKumuMap } from '../../src/export/kumu.js';
import { categoryCodes } from '../../src/tagging/taxonomy.js';

function app(id: number, fields: Partial<Application>): Application {
  return {
    id, externalId: null, call: '2020', organization: `Org ${id}`, organizationType: null, contactName: null, email: null, phone: null,
    website: null, country: null, countryRaw: null, region: null, language: null, title: null, description: null, beneficiaries: [],
    categories: [], selfCategories: [], score: null, submittedAt: null, ...fields,
  };
}

describe('buildNetwork', () => {
  it('survives empty names, unknown category codes and unknown regions', () => {
    const network = buildNetwork([
      app(1, { organization: '   ', categories: ['life-skills', 'not-a-code'], region: 'Atlantis' as any }),
      app(2, { organization: 'A\nB', categories: ['life-skills'], region: 'Africa', country: 'KE' }),
    ]);
    expect(network.organizations.map((o) => o.label)).toEqual(['Unnamed organisation (application 1)', 'A B']);
    expect(network.organizations[0].region).toBeNull();
    expect(network.organizations[0].categoryCodes).toEqual(['life-skills']);
    expect(validateKumuMap(kumuMap(network, { withContactDetails: true }))).toEqual([]);
  });

  it('keeps every organisation within the peer cap, and prefers peers sharing more categories', () => {
    const apps = Array.from({ length: 60 }, (_, i) => app(i + 1, {
      region: 'Americas', country: 'MX', score: i % 10,
      categories: i < 3 ? ['life-skills', 'entrepreneurship', 'career-guidance'] : ['life-skills'],
    }));
    const network = buildNetwork(apps, { peerLinks: 2 });
    const peers = network.links.filter((l) => l.type === 'peer');
    const degree = new Map<string, number>();
    for (const p of peers) for (const end of [p.from, p.to]) degree.set(end, (degree.get(end) ?? 0) + 1);
    expect(Math.max(...degree.values())).toBeLessThanOrEqual(2);
    // The three organisations sharing three categories are linked with each other.
    const strong = peers.filter((p) => p.strength === 3).map((p) => [p.from, p.to].sort().join(' '));
    expect(strong.sort()).toEqual(['org-1 org-2', 'org-1 org-3', 'org-2 org-3']);
    expect(network.peerLinksDropped).toBe((60 * 59) / 2 - peers.length);
  });

  it('always yields a map that passes Kumu validation', () => {
    const codes = categoryCodes();
    const application = fc.record({
      organization: fc.oneof(fc.string(), fc.constantFrom('=1+1', 'Ministry of Labour', 'Africa', 'a|b', '')),
      country: fc.option(fc.constantFrom('MX', 'KE', 'JO', 'FR', 'IN'), { nil: null }),
      region: fc.option(fc.constantFrom(...REGIONS), { nil: null }),
      categories: fc.subarray(codes),
      beneficiaries: fc.array(fc.string(), { maxLength: 3 }),
      score: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: null }),
      email: fc.option(fc.emailAddress(), { nil: null }),
      title: fc.option(fc.string(), { nil: null }),
      description: fc.option(fc.oneof(fc.string(), fc.constant('a | b\n| table |')), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(application, { maxLength: 40 }), fc.integer({ min: 0, max: 4 }), (rows, peerLinks) => {
        const network = buildNetwork(rows.map((r, i) => app(i + 1, r)), { peerLinks, coreGroup: new Set([1, 2]) });
        expect(validateKumuMap(kumuMap(network, { withContactDetails: true }))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
