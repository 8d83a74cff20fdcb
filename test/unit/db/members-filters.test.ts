import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/run.js';
import { openDatabase, type DB } from '../../../src/db/connection.js';
import { insertApplication } from '../../../src/db/applications.js';
import { insertMember, listMembers } from '../../../src/db/members.js';
import { saveRoster } from '../../../src/db/rosters.js';
import type { MemberFilters } from '../../../src/model.js';

/**
 * The member filters that ask about a member's applications (--call, --category, --roster,
 * --beneficiary, without applications): the same members as the rule over every member, and asked
 * of SQL so that applications are read through the member's own index. One EXISTS over "the
 * organisation's applications OR the person's" read, for each member, every application of the
 * call (or of the category) and looked up the member's contact person for each: quadratic, 1.2 s
 * for `members --call` over five calls of 500.
 */
function network(): { db: DB; apps: number[] } {
  const db = openDatabase(path.join(tempDir(), 'm.db'), { create: true });
  const apps: number[] = [];
  const calls = ['2020', '2021', '2022'];
  for (let i = 0; i < 30; i++) {
    const call = calls[i % 3]!;
    apps.push(insertApplication(db, call, {
      externalId: `A-${i}`, title: `Project ${i}`, organization: `Org ${i % 12}`, country: ['MX', 'SN', 'KE'][i % 3], region: (['Americas', 'Africa', 'Africa'] as const)[i % 3],
      email: `p${i % 12}@org${i % 12}.example.org`, contactName: `Person ${i % 12}`, beneficiaries: i % 4 === 0 ? ['Youth'] : ['Women'],
    }));
  }
  const tag = db.prepare(`INSERT INTO application_categories (application_id, category, source, state) VALUES (?, ?, 'auto', ?)`);
  apps.forEach((id, i) => { if (i % 5 === 0) tag.run(id, 'life-skills', i % 10 === 0 ? 'on' : 'removed'); });
  db.prepare('UPDATE applications SET withdrawn_at = ? WHERE id = ?').run('2024-01-01T00:00:00Z', apps[3]);
  // a person member in their own right, owning the application of one person
  const personId = (db.prepare('SELECT person_id FROM applications WHERE id = ?').get(apps[7]) as { person_id: number }).person_id;
  insertMember(db, { kind: 'person', organizationId: null, personId, source: 'added' });
  insertMember(db, { kind: 'organization', organizationId: null, personId: null, source: 'added' });
  saveRoster(db, {
    name: 'core-2020', params: {} as never, solverStatus: 'optimal', optimal: true, objective: 1, solveMs: 1,
    members: [{ applicationId: apps[0]!, reasons: [] }, { applicationId: apps[7]!, reasons: [] }], alternates: [{ applicationId: apps[1]!, reasons: [] }],
  });
  return { db, apps };
}

describe('member filters about applications', () => {
  it('keep the members the rule over every member keeps', () => {
    const { db, apps } = network();
    const all = listMembers(db);
    expect(all.some((m) => m.kind === 'person')).toBe(true);
    const owned = (m: (typeof all)[number]) => db.prepare(
      `SELECT * FROM applications WHERE merged_into IS NULL AND ${m.kind === 'organization' ? 'organization_id = ?' : 'person_id = ?'}`,
    ).all(m.kind === 'organization' ? m.organizationId : m.personId) as { id: number; withdrawn_at: string | null; beneficiaries_json: string }[];
    const inForce = (m: (typeof all)[number]) => owned(m).filter((a) => a.withdrawn_at === null);
    const ids = (f: MemberFilters) => listMembers(db, f).map((m) => m.id);
    const rule = (keep: (m: (typeof all)[number]) => boolean) => all.filter(keep).map((m) => m.id);
    for (const call of ['2020', '2021', '2022', 'none']) expect(ids({ call })).toEqual(rule((m) => m.calls.includes(call)));
    expect(ids({ category: 'life-skills' })).toEqual(rule((m) => m.categories.includes('life-skills')));
    expect(ids({ category: 'life-skills' }).length).toBeGreaterThan(0);
    const rostered = new Set([apps[0], apps[7]]);
    expect(ids({ roster: 'core-2020' })).toEqual(rule((m) => owned(m).some((a) => rostered.has(a.id))));
    expect(ids({ roster: 'core-2020' }).length).toBe(3); // two organisations and the person member
    expect(ids({ beneficiary: 'youth' })).toEqual(rule((m) => m.beneficiaries.includes('Youth') || inForce(m).some((a) => a.beneficiaries_json.includes('Youth'))));
    expect(ids({ withoutApplications: true })).toEqual(rule((m) => inForce(m).length === 0));
    expect(ids({ call: '2021', category: 'life-skills', region: 'Africa' })).toEqual(
      rule((m) => m.calls.includes('2021') && m.categories.includes('life-skills') && m.region === 'Africa'));
    db.close();
  });

  it('read the applications of each member by its index, not every application of a call or category', () => {
    const { db } = network();
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    (db as { prepare: DB['prepare'] }).prepare = ((sql: string) => { prepared.push(sql); return prepare(sql); }) as DB['prepare'];
    listMembers(db, { call: '2020', category: 'life-skills', roster: 'core-2020' });
    const sql = prepared.find((s) => s.includes('@call'))!;
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ call: '2020', category: 'life-skills', roster: 'core-2020' }) as { detail: string }[]).map((r) => r.detail);
    expect(plan.some((d) => /SEARCH a USING INDEX applications_organization/.test(d))).toBe(true);
    expect(plan.some((d) => /SEARCH a USING INDEX applications_person/.test(d))).toBe(true);
    // neither every application of the call nor every tag of the category, member after member
    expect(plan.filter((d) => /SEARCH a USING INDEX sqlite_autoindex_applications_1 \(call_id=\?\)|SEARCH ac USING INDEX application_categories_category/.test(d))).toEqual([]);
    db.close();
  });
});
