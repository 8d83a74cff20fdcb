/**
 * member import on the partner and contact lists officers actually get: a Mailchimp audience, an
 * Eventbrite attendee list, HubSpot and Salesforce contact exports. The files in
 * test/fixtures/member-lists keep each tool's real header row (see its README) with invented people.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, ROOT, run, tempDir } from '../support/run.js';

const LISTS = path.join(ROOT, 'test', 'fixtures', 'member-lists');

describe('member import of CRM and mailing-list exports', () => {
  it.each([
    ['mailchimp-audience.csv', [
      { organization: null, name: 'Rosa Méndez', email: 'rosa.mendez@example.org', country: null, phone: '+51 1 555 0100' },
      { organization: null, name: 'Koffi Mensah', email: 'koffi.mensah@example.net', country: null, phone: null },
    ]],
    ['eventbrite-attendees.csv', [
      { organization: 'Instituto Técnico Andino', name: 'Sofia Torres', email: 'sofia.torres@example.org', country: 'CO', phone: null },
      { organization: 'Réseau Jeunesse Emploi', name: 'Amadou Diallo', email: 'amadou.diallo@example.net', country: 'SN', phone: null },
    ]],
    // "Contact owner" is the CRM user who owns the record (an officer), not the contact
    ['hubspot-contacts.csv', [
      { organization: 'Dhaka Skills Council', name: 'Nadia Rahman', email: 'nadia.rahman@example.com', country: 'BD', phone: '+880 2 5550 0101' },
      { organization: null, name: 'Tomás Silva', email: 'tomas.silva@example.org', country: 'PT', phone: null },
    ]],
    // Salesforce's "Mobile Phone" is empty where "Phone" is not: both are the contact's lines
    ['salesforce-contacts.csv', [
      { organization: 'Kenya Youth Works', name: 'Grace Otieno', email: 'grace.otieno@example.org', country: 'KE', phone: '+254 20 555 0101' },
      { organization: 'Pacific Learning Trust', name: 'Li Wei', email: 'li.wei@example.net', country: 'FJ', phone: null },
    ]],
  ])('%s: every row a member, with the contact\'s own name, organisation, country and phone', async (file, expected) => {
    const db = path.join(tempDir(), 'n.db');
    const r = await run(['--db', db, 'member', 'import', path.join(LISTS, file), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ rows: expected.length, added: expected.length, rejected: 0 });
    const members = json(await run(['--db', db, 'members', '--json'])) as { organization: string | null; name: string; email: string; country: string | null; phone: string | null }[];
    const seen = members.map(({ organization, name, email, country, phone }) => ({ organization, name, email, country, phone }));
    expect(seen.sort((a, b) => a.email.localeCompare(b.email))).toEqual([...expected].sort((a, b) => a.email.localeCompare(b.email)));
    expect(JSON.stringify(members)).not.toContain('Officer One');
    expect(JSON.stringify(members)).not.toContain('officer.one@');
  });
});

describe('member import of a HubSpot companies export', () => {
  it('reads "Company Domain Name" as the website (a partner known by its website is found under another name) and lists "Record ID" as not read, not as read and dropped', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const known = json(await run(['--db', db, 'member', 'add', '--organization', 'Kenya Youth Works Trust', '--country', 'Kenya', '--website', 'https://www.kenya-youth-works.example/about', '--json']));
    const r = await run(['--db', db, 'member', 'import', path.join(LISTS, 'hubspot-companies.csv'), '--role', 'partner', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = json(r);
    expect(report).toMatchObject({ rows: 2, added: 1, updated: 1, rejected: 0 });
    expect(report.memberIds).toContain(known.id);
    expect(report.columns.website).toEqual(['Company Domain Name']);
    expect(report.columns.externalId).toBeUndefined();
    expect(report.unmappedColumns).toContain('Record ID');
  });
});
