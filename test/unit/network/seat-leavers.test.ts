/**
 * A Core Group seat given up another way than declining: the member left the Network (withdrawn)
 * or the application itself was withdrawn. `roster replace` says what happened (it said
 * "declined" for all), and `withdraw APPLICATION` says the seat it still holds (it said nothing).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, ROOT, run, tempDir } from '../support/run.js';
import { memberOfApplication } from '../support/members.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'events', 'members.csv');
let dir: string;
let db: string;
const sk = (args: string[]) => run(['--db', db, ...args], { cwd: dir });
const memberOf = (applicationId: number) => memberOfApplication(sk, applicationId);
let seated: number[];
let alternates: number[];

beforeAll(async () => {
  dir = tempDir('skillsnet-seat-leavers-');
  db = path.join(dir, 'n.db');
  expect((await sk(['import', FIXTURE, '--call', '2020'])).code).toBe(0);
  expect((await sk(['tag', 'auto'])).code).toBe(0);
  const sel = await sk(['select', '--size', '6', '--order', 'id', '--name', 'core-2020', '--json']);
  expect(sel.code, sel.stderr).toBe(0);
  seated = json(sel).members.map((m: { id: number }) => m.id);
  alternates = json(sel).alternates.map((m: { id: number }) => m.id);
  expect((await sk(['roster', 'accept', 'core-2020'])).code).toBe(0);
}, 60_000);

const lastNote = async () => json(await sk(['roster', 'show', 'core-2020', '--json'])).changes.at(-1).note as string;

describe('roster replace says what the member did', () => {
  it('a member who left the Network (status withdrawn) "left", not "declined"', async () => {
    const id = seated[0]!;
    expect((await sk(['member', 'set', `member-${await memberOf(id)}`, '--status', 'withdrawn'])).code).toBe(0);
    const r = await sk(['roster', 'replace', 'core-2020', String(id)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`#${id} .* left; replaced by #\\d+`));
    expect(r.stdout).not.toMatch(/declined/);
    expect(await lastNote()).toMatch(/ left; replaced by /);
    const added = json(await sk(['roster', 'show', 'core-2020', '--json'])).members.find((m: { id: number }) => !seated.includes(m.id));
    expect(added.reasons).toContainEqual(expect.stringMatching(new RegExp(`^took the place of #${id} .*, who left$`)));
  });

  it('a member who declined still "declined"', async () => {
    const id = seated[1]!;
    expect((await sk(['member', 'set', `member-${await memberOf(id)}`, '--status', 'declined'])).code).toBe(0);
    const r = await sk(['roster', 'replace', 'core-2020', String(id), '--leave-open']);
    expect(r.code, r.stderr).toBe(0);
    expect(await lastNote()).toMatch(new RegExp(`^#${id} .* declined; the seat is left open$`));
  });
});

describe('withdraw APPLICATION that holds a Core Group seat', () => {
  it('says the seat is held by a withdrawn application and gives the roster replace command, without asking', async () => {
    const id = seated[2]!;
    const r = await sk(['withdraw', String(id), '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^application ${id} is withdrawn but still holds a seat in roster core-2020\\. The best (alternate|eligible application) that keeps every quota, #\\d+ .+, can take it: skillsnet roster replace core-2020 ${id}$`, 'm'));
    // nothing was replaced: the command is the officer's to run
    expect(json(await sk(['roster', 'show', 'core-2020', '--json'])).members.map((m: { id: number }) => m.id)).toContain(id);
    const replaced = await sk(['roster', 'replace', 'core-2020', String(id)]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toMatch(new RegExp(`#${id} .* withdrew; replaced by #\\d+`));
  });

  it('--dry-run says it would, --json prints the one document, --undo says nothing of seats', async () => {
    const id = seated[3]!;
    const dry = await sk(['withdraw', String(id), '--dry-run']);
    expect(dry.stderr).toMatch(new RegExp(`^application ${id} would be withdrawn and still hold a seat in roster core-2020\\.`, 'm'));
    const asJson = await sk(['withdraw', String(id), '--json']);
    expect(Object.keys(json(asJson)).sort()).toEqual(['dryRun', 'historyId', 'state', 'subject']);
    const undone = await sk(['withdraw', String(id), '--undo']);
    expect(undone.code, undone.stderr).toBe(0);
    expect(undone.stderr).not.toMatch(/a seat in roster/);
  });

  it('two seats withdrawn at once are offered to two alternates, as roster replace will give them one after the other (both went to the same alternate)', async () => {
    const two = [seated[3]!, seated[4]!];
    const r = await sk(['--yes', 'withdraw', ...two.map(String), '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    const offered = two.map((id) => r.stderr.match(new RegExp(`^application ${id} would be withdrawn and still hold a seat in roster core-2020\\. The best \\S+ \\S* ?that keeps every quota, #(\\d+) `, 'm'))?.[1]);
    expect(offered.every(Boolean), r.stderr).toBe(true);
    expect(offered[0]).not.toBe(offered[1]);
  });

  it('an application that is not the roster\'s member (an alternate) gets no seat line', async () => {
    const id = alternates.at(-1)!;
    expect(id).toBeDefined();
    const r = await sk(['withdraw', String(id)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/a seat in roster/);
  });
});
