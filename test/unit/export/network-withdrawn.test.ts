import { describe, expect, it } from 'vitest';
import type { Application } from '../../../src/model.js';
import { buildNetwork, type Membership, type OrganizationSource } from '../../../src/export/network.js';

function app(id: number, organizationId: number, organization: string): Application {
  return {
    id, externalId: null, call: '2020', organization, organizationType: null, contactName: null, email: null, phone: null,
    website: null, country: 'SN', countryRaw: null, region: 'Africa', language: 'fr', title: null, description: null, beneficiaries: ['Youth'],
    categories: ['life-skills'], selfCategories: [], score: null, submittedAt: null, organizationId,
  } as Application;
}

const member = (memberId: number, status: Membership['status'], consentMap: Membership['consentMap'] = 'unknown'): Membership =>
  ({ memberId, roles: ['member'], status, cohorts: [], consentMap, consentContact: 'unknown' });

const partner = (organizationId: number, name: string, membership: Membership): OrganizationSource => ({
  organizationId, name, organizationType: null, countryCode: 'SN', countryRaw: null, region: 'Africa', languageCode: 'fr', beneficiaries: [],
  contactPersons: [], personIds: [], emails: [], phones: [], website: null, notes: null, membership,
});

describe('members who withdrew from the network, on the maps', () => {
  const applications = [app(1, 11, 'Stays'), app(2, 12, 'Left the network'), app(3, 13, 'Said no to the map'), app(4, 14, 'Also stays')];
  const memberships = new Map([[11, member(1, 'active')], [12, member(2, 'withdrawn')], [13, member(3, 'active', 'no')], [14, member(4, 'active')]]);
  const organizations = [partner(15, 'Partner who left', member(5, 'withdrawn')), partner(16, 'Partner', member(6, 'active'))];

  it('are left out with their connections, counted apart from those who said no to the map', () => {
    const network = buildNetwork(applications, { memberships, organizations, peerLinks: 3 });
    expect(network.organizations.map((o) => o.id).sort()).toEqual(['org-11', 'org-14', 'org-16']);
    expect(network.links.some((l) => ['org-12', 'org-15'].includes(l.from) || ['org-12', 'org-15'].includes(l.to))).toBe(false);
    expect(network).toMatchObject({ withheld: 1, withdrawn: 2 });
  });

  it('are kept when asked for by name (--status withdrawn)', () => {
    const network = buildNetwork(applications, { memberships, organizations, includeWithdrawn: true, peerLinks: 3 });
    expect(network.links.some((l) => l.from === 'org-12' || l.to === 'org-12')).toBe(true);
    expect(network.organizations.map((o) => o.id).sort()).toEqual(['org-11', 'org-12', 'org-14', 'org-15', 'org-16']);
    expect(network).toMatchObject({ withheld: 1, withdrawn: 0 });
  });
});
