/**
 * A Core Group member declines: the replacement is checked with the roster's quotas before it
 * is offered, so the offer is either a command that works or the two ways out (leave the seat
 * open, relax the quota that blocks) — never a promise that `roster replace` then breaks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, ROOT, run, tempDir } from '../support/run.js';
import { memberOfApplication } from '../support/members.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'events', 'members.csv');
let dir: string;
let db: string;
const sk = (args: string[]) => run(['--db', db, ...args], { cwd: dir });
const memberOf = (applicationId: number) => memberOfApplication(sk, applicationId);
let members: { id: number; country: string }[];

beforeAll(async () => {
  dir = tempDir('skillsnet-decline-');
  db = path.join(dir, 'n.db');
  expect((await sk(['import', FIXTURE, '--call', '2020'])).code).toBe(0);
  expect((await sk(['tag', 'auto'])).code).toBe(0);
  // Nepal has one applicant: once it declines, nobody keeps "country NP at least 1".
  fs.writeFileSync(path.join(dir, 'quotas.csv'), 'feature,value,min,max\ncountry,NP,1,\n');
  const sel = await sk(['select', '--size', '5', '--order', 'id', '--quotas', 'quotas.csv', '--name', 'core-2020', '--json']);
  expect(sel.code, sel.stderr).toBe(0);
  members = json(sel).members;
  expect((await sk(['roster', 'accept', 'core-2020'])).code).toBe(0);
}, 60_000);

describe('member set --status declined', () => {
  it('when nobody can take the seat: names the quota and offers --leave-open or --relax, in words and in --json replace[]', async () => {
    const nepal = members.find((m) => m.country === 'NP')!;
    const r = await sk(['member', 'set', `member-${await memberOf(nepal.id)}`, '--status', 'declined', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const seat = json(r).replace[0];
    expect(seat).toMatchObject({ roster: 'core-2020', applicationId: nepal.id, command: null, feasible: false, incoming: null });
    expect(seat.binding).toEqual([{ feature: 'country', value: 'NP', quota: expect.stringMatching(/NP.*at least 1/) }]);
    expect(seat.choices).toEqual([`skillsnet roster replace core-2020 ${nepal.id} --leave-open`, `skillsnet roster replace core-2020 ${nepal.id} --relax "country=NP"`]);
    expect(r.stderr).not.toMatch(/can take it: skillsnet roster replace core-2020 \d+$/m);
    expect(r.stderr).toMatch(/no alternate or eligible application can take it without breaking .*NP.*at least 1/);
    // the choices work
    expect((await sk(['roster', 'replace', 'core-2020', String(nepal.id), '--leave-open', '--dry-run'])).code).toBe(0);
  });

  it('when an alternate fits: the command that works, and who would step in', async () => {
    const other = members.find((m) => m.country !== 'NP')!;
    const r = await sk(['member', 'set', `member-${await memberOf(other.id)}`, '--status', 'declined']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`keeps every quota, #\\d+ .+, can take it: skillsnet roster replace core-2020 ${other.id}$`, 'm'));
    const replaced = await sk(['roster', 'replace', 'core-2020', String(other.id), '--json']);
    expect(replaced.code, replaced.stderr).toBe(0);
  });

  it('with --yes the seat goes to the alternate at once: the question answered yes, off a terminal too', async () => {
    const roster = json(await sk(['roster', 'show', 'core-2020', '--json']));
    const seated = roster.members.map((m: { id: number }) => m.id) as number[];
    const other = members.find((m) => m.country !== 'NP' && seated.includes(m.id) && m.id !== members.find((x) => x.country !== 'NP')!.id)!;
    const r = await sk(['member', 'set', `member-${await memberOf(other.id)}`, '--status', 'declined', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`#${other.id} .* declined; replaced by #\\d+`));
    const after = json(await sk(['roster', 'show', 'core-2020', '--json']));
    expect(after.members.map((m: { id: number }) => m.id)).not.toContain(other.id);
    expect(after.members).toHaveLength(roster.members.length);
  });

  it('roster accept again keeps each answer, and says the statuses as they are', async () => {
    const seats = json(await sk(['roster', 'accept', 'core-2020', '--dry-run', '--json'])).members.map((m: any) => m.status);
    expect(seats).toContain('declined');
    const again = await sk(['roster', 'accept', 'core-2020']);
    expect(again.code, again.stderr).toBe(0);
    const counts = new Map<string, number>();
    for (const s of seats) counts.set(s, (counts.get(s) ?? 0) + 1);
    expect(again.stdout).toMatch(/\(0 new, status: .*\)\.$/m);
    for (const [status, n] of counts) expect(again.stdout).toContain(`${n} ${status}`);
    expect(again.stdout).not.toMatch(/status invited\)/);
    expect(json(await sk(['roster', 'accept', 'core-2020', '--dry-run', '--json'])).members.map((m: any) => m.status)).toEqual(seats);
  });
});

describe('a Core Group member who leaves (withdrawn) frees a seat, as one who declines', () => {
  const seatedOthers = async () => {
    const seated = json(await sk(['roster', 'show', 'core-2020', '--json'])).members.map((m: { id: number }) => m.id) as number[];
    return members.filter((m) => m.country !== 'NP' && seated.includes(m.id));
  };

  it('member set --status withdrawn offers the seat (it said nothing: the seat stayed with one who left)', async () => {
    const [leaving] = await seatedOthers();
    const r = await sk(['member', 'set', `member-${await memberOf(leaving!.id)}`, '--status', 'withdrawn', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).replace).toMatchObject([{ roster: 'core-2020', applicationId: leaving!.id }]);
    const text = await sk(['member', 'set', `member-${await memberOf(leaving!.id)}`, '--status', 'withdrawn']);
    expect(text.stderr).toMatch(new RegExp(`^member-\\d+ left a seat in roster core-2020\\. .*: skillsnet roster replace core-2020 ${leaving!.id}`, 'm'));
  });

  it('withdraw says which seat it leaves and the command that gives it, and nothing when undone', async () => {
    const [, leaving] = await seatedOthers();
    const member = await memberOf(leaving!.id);
    const r = await sk(['withdraw', `member-${member}`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^member-${member} left a seat in roster core-2020\\. The best alternate that keeps every quota, #\\d+ .+, can take it: skillsnet roster replace core-2020 ${leaving!.id}$`, 'm'));
    const undone = await sk(['withdraw', `member-${member}`, '--undo']);
    expect(undone.stderr).not.toMatch(/a seat in roster/);
  });

  it('withdraw of a seat nobody can take gives the ways out, not a roster replace that fails (it printed the plain command)', async () => {
    const nepal = members.find((m) => m.country === 'NP')!;
    const member = await memberOf(nepal.id);
    const r = await sk(['withdraw', `member-${member}`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/no alternate or eligible application can take it without breaking .*NP.*at least 1/);
    expect(r.stderr).toContain(`Leave the seat open: skillsnet roster replace core-2020 ${nepal.id} --leave-open`);
    expect(r.stderr).not.toMatch(new RegExp(`skillsnet roster replace core-2020 ${nepal.id}$`, 'm'));
    expect((await sk(['roster', 'replace', 'core-2020', String(nepal.id), '--dry-run'])).code).not.toBe(0);
  });
});

describe('a member back after its seat went to another', () => {
  it('says the core-group role it keeps has no place in the roster (it said nothing: the cohort counted one more than its roster)', async () => {
    const seated = json(await sk(['roster', 'show', 'core-2020', '--json'])).members.map((m: { id: number }) => m.id) as number[];
    const replaced = members.filter((m) => m.country !== 'NP' && !seated.includes(m.id));
    expect(replaced.length).toBeGreaterThan(0);
    const member = await memberOf(replaced[0]!.id);
    const r = await sk(['member', 'set', `member-${member}`, '--status', 'active']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`member-${member} is back, but its seat in roster core-2020 went to another application (roster replace)`);
    expect(r.stderr).toContain(`skillsnet member set member-${member} --remove-role core-group`);
    // one whose seat stayed with it comes back without a word of the kind
    const kept = members.find((m) => m.country !== 'NP' && seated.includes(m.id))!;
    const keptMember = await memberOf(kept.id);
    expect((await sk(['member', 'set', `member-${keptMember}`, '--status', 'declined'])).code).toBe(0);
    const back = await sk(['member', 'set', `member-${keptMember}`, '--status', 'active']);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stderr).not.toMatch(/is back, but/);
  });
});
