import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/run.js';
import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication } from '../../../src/db/applications.js';
import { getMember, listMembers, memberOfOrganization } from '../../../src/db/members.js';
import { getOrganization, organizationApplications, webDomain } from '../../../src/db/organizations.js';
import { MIGRATIONS } from '../../../src/db/migrations.js';

describe('the network model', () => {
  it('keeps one organisation across calls, with its person and its member', () => {
    const db = openDatabase(path.join(tempDir(), 'n.db'), { create: true });
    const a = insertApplication(db, '2020', { organization: 'Taller Abierto', country: 'MX', region: 'Americas', email: 'ana@example.org', contactName: 'Ana Ejemplo', language: 'es' });
    const b = insertApplication(db, '2021', { organization: 'TALLER  abierto', country: 'MX', region: 'Americas', email: 'ana@example.org', contactName: 'Ana M. Ejemplo' });
    const c = insertApplication(db, '2021', { organization: 'Taller Abierto', country: 'AR', region: 'Americas', email: 'otro@example.org' });
    const rows = db.prepare('SELECT id, organization_id, person_id FROM applications ORDER BY id').all() as { id: number; organization_id: number; person_id: number }[];
    expect(rows[0].organization_id).toBe(rows[1].organization_id);
    expect(rows[0].person_id).toBe(rows[1].person_id);
    expect(rows[2].organization_id).not.toBe(rows[0].organization_id); // another country: another organisation
    const org = rows[0].organization_id;
    expect(organizationApplications(db, org).map((x) => [x.id, x.call])).toEqual([[a, '2020'], [b, '2021']]);
    const memberId = memberOfOrganization(db, org)!;
    const member = getMember(db, memberId)!;
    expect(member).toMatchObject({
      kind: 'organization', kumuId: `org-${org}`, organization: 'Taller Abierto', name: 'Ana M. Ejemplo', email: 'ana@example.org',
      country: 'MX', region: 'Americas', workingLanguage: 'es', workingLanguageFrom: 'application text', roles: ['member'], status: 'active',
      calls: ['2020', '2021'], applicationIds: [a, b], consentMap: 'unknown', consentContact: 'unknown',
    });
    expect(listMembers(db).length).toBe(2);
    expect(listMembers(db, { country: 'AR' }).map((m) => m.applicationIds)).toEqual([[c]]);
    expect(getOrganization(db, org)!.name).toBe('Taller Abierto');
    db.close();
  });

  it('backfills organisations, people and members when an older database is migrated', () => {
    const file = path.join(tempDir(), 'old.db');
    const old = new Database(file);
    for (const m of MIGRATIONS.filter((x) => x.version <= 5)) old.exec(m.sql);
    old.pragma('user_version = 5');
    old.exec(`INSERT INTO calls (name) VALUES ('2020'), ('2021')`);
    const ins = old.prepare(`INSERT INTO applications (call_id, identity_key, organization, country, email, raw_json, content_hash) VALUES (?, ?, ?, ?, ?, '{}', 'h')`);
    ins.run(1, 'k1', 'Atelier Vert', 'SN', 'awa@example.org');
    ins.run(2, 'k2', 'atelier vert', 'SN', 'awa@example.org');
    ins.run(2, 'k3', 'Other', 'KE', null);
    old.close();
    const db = openDatabase(file, { create: false });
    const rows = db.prepare('SELECT organization_id AS o, person_id AS p FROM applications ORDER BY id').all() as { o: number; p: number | null }[];
    expect(rows[0].o).toBe(rows[1].o);
    expect(rows[0].p).toBe(rows[1].p);
    expect(rows[2].p).toBeNull();
    expect(listMembers(db).map((m) => [m.organization, m.calls])).toEqual([['Atelier Vert', ['2020', '2021']], ['Other', ['2021']]]);
    db.close();
  });

  it('reads a website as its domain', () => {
    expect(webDomain('https://www.Example.org/about')).toBe('example.org');
    expect(webDomain('example.net')).toBe('example.net');
    expect(webDomain('n/a')).toBeNull();
  });
});

describe('members without an application in force', () => {
  it('are the members the rule over every member keeps, asked of SQL', async () => {
    const { importedCall, json } = await import('../support/run.js');
    const { sk, db: file } = await importedCall([
      'Organization,Email,Country,Title',
      'Atelier Vert,awa@example.org,Senegal,Green jobs',
      'Taller Abierto,ana@example.org,Mexico,Open workshop',
      'Skills Hub,sam@example.org,Kenya,Hub',
    ]);
    const listed = json<{ id: number; organization: string }[]>(await sk('list', '--json'));
    const id = (org: string) => listed.find((a) => a.organization === org)!.id;
    expect((await sk('withdraw', String(id('Taller Abierto')), '--yes')).code).toBe(0);
    expect((await sk('member', 'add', '--organization', 'Ministry of Labour', '--country', 'GH', '--role', 'stakeholder')).code).toBe(0);
    expect((await sk('member', 'add', '--organization', 'Skills Hub', '--country', 'KE', '--role', 'partner')).code).toBe(0);
    expect((await sk('member', 'add', '--organization', 'ILO', '--name', 'Pat Officer', '--email', 'pat@example.org', '--role', 'ilo')).code).toBe(0);
    const db = openDatabase(file, { create: false });
    const all = listMembers(db);
    const rule = all.filter((m) => m.calls.length === 0).map((m) => m.id);
    expect(rule.length).toBeGreaterThanOrEqual(3); // the withdrawn applicant, the ministry, the ILO officer
    expect(listMembers(db, { withoutApplications: true }).map((m) => m.id)).toEqual(rule);
    expect(listMembers(db, { withoutApplications: true, country: 'GH' }).map((m) => m.organization)).toEqual(['Ministry of Labour']);
    db.close();
  });
});
