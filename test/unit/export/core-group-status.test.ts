/**
 * Core Group on the maps is who holds a seat: the chosen roster's members, and members with the
 * core-group role while invited or active. A member who declined and was replaced keeps the
 * role in the records (for the history), but is no longer "Core Group" on any map, and the
 * count the export reports matches `roster show`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, ROOT, run, tempDir } from '../support/run.js';
import { coreGroupLine } from '../../../src/cli/export-common.js';
import { coreGroupBeyondRoster } from '../../../src/export/network.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'events', 'members.csv');
let dir: string;
let db: string;
const sk = (args: string[]) => run(['--db', db, ...args], { cwd: dir });
let declined: { applicationId: number; kumuId: string };

beforeAll(async () => {
  dir = tempDir('skillsnet-core-');
  db = path.join(dir, 'n.db');
  expect((await sk(['import', FIXTURE, '--call', '2020'])).code).toBe(0);
  expect((await sk(['tag', 'auto'])).code).toBe(0);
  expect((await sk(['select', '--size', '6', '--order', 'id', '--name', 'core-2020'])).code).toBe(0);
  expect((await sk(['roster', 'accept', 'core-2020'])).code).toBe(0);
  const first = json(await sk(['roster', 'show', 'core-2020', '--json'])).members[0];
  const app = json(await sk(['show', String(first.id), '--json']));
  declined = { applicationId: first.id, kumuId: `org-${app.application.organizationId}` };
  const member = json(await sk(['members', '--json'])).find((m: any) => m.kumuId === declined.kumuId);
  expect(member, JSON.stringify(declined)).toBeTruthy();
  expect((await sk(['member', 'set', `member-${member.id}`, '--status', 'declined'])).code).toBe(0);
  const replaced = await sk(['roster', 'replace', 'core-2020', String(first.id)]);
  expect(replaced.code, replaced.stderr).toBe(0);
}, 60_000);

describe('Core Group on the maps after a decline', () => {
  it('kumu: the member who declined is not Core Group, and the count is the roster\'s', async () => {
    const rosterSize = json(await sk(['roster', 'show', 'core-2020', '--json'])).members.length;
    expect(rosterSize).toBe(6);
    const r = await sk(['export', 'kumu', '--format', 'json', '--out', 'map.json', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).counts.coreGroup).toBe(6);
    expect(r.stderr).toMatch(/Core Group: 6 of the \d+ organisations/);
    const map = JSON.parse(fs.readFileSync(path.join(dir, 'map.json'), 'utf8'));
    const yes = map.elements.filter((e: any) => e['Core Group'] === 'yes').map((e: any) => e.id);
    expect(yes).toHaveLength(6);
    expect(yes).not.toContain(declined.kumuId);
  });

  it('map and graphml: the same six', async () => {
    const m = await sk(['export', 'map', '--out', 'map.html', '--json']);
    expect(json(m).counts.coreGroup).toBe(6);
    const html = fs.readFileSync(path.join(dir, 'map.html'), 'utf8');
    const data = JSON.parse(/<script type="application\/json" id="skillsnet-map-data">(.*?)<\/script>/s.exec(html)![1]!);
    const node = data.nodes.find((n: any) => n.id === declined.kumuId);
    expect(node.coreGroup).toBe(false);
    expect(node.roles).not.toContain('core-group');
    const g = await sk(['export', 'graphml', '--out', 'g.graphml', '--json']);
    expect(json(g).counts.coreGroup).toBe(6);
  });
});

describe('Core Group on the maps beside an earlier cohort', () => {
  it('the line counts the roster\'s and the earlier cohort\'s seats apart, not all of them as the roster\'s', async () => {
    // a second roster, not accepted yet: the maps mark it by default, and cohort 2020 while invited or active
    expect((await sk(['select', '--size', '2', '--order', 'id', '--exclude', String(declined.applicationId), '--name', 'core-next', '--yes'])).code).toBe(0);
    const next = new Set(json(await sk(['roster', 'show', 'core-next', '--json'])).members.map((m: any) => m.id));
    const r = await sk(['export', 'kumu', '--format', 'json', '--out', 'next.json', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const marked = json(r).counts.coreGroup;
    const map = JSON.parse(fs.readFileSync(path.join(dir, 'next.json'), 'utf8'));
    const yes = map.elements.filter((e: any) => e['Core Group'] === 'yes');
    expect(yes).toHaveLength(marked);
    const ofRoster = next.size; // every seat of the new roster is marked (none of them declined)
    expect(marked - ofRoster).toBeGreaterThan(0);
    expect(r.stderr).toContain(`Core Group: ${marked} of the ${json(r).counts.organizations} organisations (${ofRoster} of roster "core-next", and ${marked - ofRoster} still invited or active in cohort 2020: skillsnet roster retire NAME (the roster of that cohort) unmarks them)`);
  });

  it('roster accept of a later cohort says how many seats the earlier one still holds, and how they leave the maps', async () => {
    // a dry run counts the seats as the accept itself: the roster's own members, of cohort 2020 too, are not the earlier cohort's
    const dry = await sk(['roster', 'accept', 'core-next', '--cohort', '2021', '--dry-run']);
    const accepted = await sk(['roster', 'accept', 'core-next', '--cohort', '2021']);
    expect(dry.stderr.match(/Cohort 2020 still holds .*/)?.[0]).toBe(accepted.stderr.match(/Cohort 2020 still holds .*/)?.[0]);
    expect(accepted.code, accepted.stderr).toBe(0);
    const members = json(await sk(['members', '--role', 'core-group', '--json']));
    const held = members.filter((m: any) => m.cohorts.includes('2020') && !m.cohorts.includes('2021') && ['invited', 'active'].includes(m.status)).length;
    expect(held).toBeGreaterThan(0);
    expect(accepted.stderr).toContain(`Cohort 2020 still holds ${held} seats (invited or active): Core Group on the maps beside 2021 until set alumni when their term ends (all at once: skillsnet roster retire core-2020; see them: skillsnet members --role core-group --cohort 2020).`);
    // an earlier cohort accepted again says nothing of the later one
    expect((await sk(['roster', 'accept', 'core-2020'])).stderr).not.toMatch(/Cohort 2021 still holds/);
  });
});

describe('the Core Group line of a map', () => {
  it('names a Core Group member added with no cohort as such, not among the cohorts named', () => {
    const counts = { coreGroup: 5, organizations: 40 };
    expect(coreGroupLine('core-2021', counts, false, { count: 3, cohorts: ['', '2020'] }))
      .toBe('Core Group: 5 of the 40 organisations (2 of roster "core-2021", and 3 still invited or active in cohort 2020 or with no cohort: skillsnet roster retire NAME (the roster of that cohort), or status alumni for those of none, unmarks them)');
    expect(coreGroupLine('core-2021', counts, false, { count: 1, cohorts: [''] }))
      .toBe('Core Group: 5 of the 40 organisations (4 of roster "core-2021", and 1 still invited or active with no cohort: status alumni unmarks them)');
    expect(coreGroupLine('core-2021', counts, false, { count: 0, cohorts: [] })).toBe('Core Group: 5 of the 40 organisations (roster "core-2021")');
  });
  it('reads an organisation whose Core Group seat has no cohort as of no cohort', () => {
    const org = (coreGroup: boolean, cohorts: string[], applicationIds: number[]) => ({ coreGroup, cohorts, applicationIds }) as never;
    expect(coreGroupBeyondRoster([org(true, [], [1]), org(true, ['2020'], [2]), org(true, ['2021'], [3]), org(false, ['2019'], [4])], new Set([3])))
      .toEqual({ count: 2, cohorts: ['', '2020'] });
  });
});
