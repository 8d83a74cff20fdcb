/**
 * roster retire NAME: a year on, the cohort a roster was accepted as hands over. Its Core Group
 * members still invited or active become alumni at once (it took one member set each), every
 * change recorded as member set --status alumni records it; declined ones stay as they are.
 */
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../../src/cli/io.js';
import { reportError } from '../../../src/cli/main.js';
import { runRosterRetire } from '../../../src/cli/roster-retire.js';
import { openDatabase } from '../../../src/db/connection.js';
import { historyValues, listHistory } from '../../../src/db/history.js';
import type { Prompts } from '../../../src/ui/prompts.js';
import { importedCall, json, threeApplications } from '../support/run.js';

/** Three applications, roster core-2020 of all three accepted: one active, one declined, one invited. */
async function acceptedCohort() {
  const call = await importedCall(threeApplications(['8', '7', '6']));
  const { sk } = call;
  expect((await sk('select', '--size', '3', '--name', 'core-2020')).code).toBe(0);
  expect((await sk('select', '--size', '2', '--name', 'trial')).code).toBe(0);
  const accepted = json(await sk('roster', 'accept', 'core-2020', '--json'));
  const [active, declined, invited] = accepted.members.map((m: { memberId: number }) => m.memberId) as number[];
  expect((await sk('member', 'set', `member-${active}`, '--status', 'active')).code).toBe(0);
  expect((await sk('member', 'set', `member-${declined}`, '--status', 'declined', '--yes')).code).toBe(0);
  const statuses = async () => Object.fromEntries(json(await sk('members', '--role', 'core-group', '--json')).map((m: { id: number; status: string }) => [m.id, m.status]));
  return { ...call, active: active!, declined: declined!, invited: invited!, statuses };
}

/** Runs it as the CLI would, with the exit code and stderr reportError gives. */
async function retire(opts: Omit<Parameters<typeof runRosterRetire>[0], 'dbPath'> & { dbPath: string }, ioOptions: Parameters<typeof bufferIO>[0] = {}) {
  const { io, stdout, stderr } = bufferIO(ioOptions);
  let code = 0;
  let result;
  try {
    result = await runRosterRetire(opts, io);
  } catch (e) {
    code = reportError(e, io, false, Boolean(opts.json));
  }
  return { code, result, stdout: stdout(), stderr: stderr() };
}

const answering = (answer: boolean, asked: string[]): Prompts =>
  ({ confirm: async (q: string) => (asked.push(q), answer) }) as unknown as Prompts;

describe('roster retire', () => {
  it('--dry-run names who would become alumni and saves nothing', async () => {
    const { db, active, invited, statuses } = await acceptedCohort();
    const before = await statuses();
    const r = await retire({ dbPath: db, name: 'core-2020', dryRun: true, json: true });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ roster: 'core-2020', cohort: '2020', changed: [active, invited].sort((a, b) => a - b), unchanged: 1, dryRun: true });
    expect(await statuses()).toEqual(before);
    const text = await retire({ dbPath: db, name: 'core-2020', dryRun: true });
    expect(text.stdout).toBe(`Dry run: 2 members of cohort 2020 (roster core-2020) would become alumni: member-${Math.min(active, invited)}, member-${Math.max(active, invited)}. 1 left as it was (declined, withdrawn or alumni already).\n`);
    expect(text.stderr).toContain('Nothing was saved. To do it: skillsnet roster retire core-2020 --yes');
  });

  it('off a terminal it needs --yes: exit 2, one line naming it, nothing changed', async () => {
    const { db, statuses } = await acceptedCohort();
    const before = await statuses();
    const r = await retire({ dbPath: db, name: 'core-2020' });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('error: retiring cohort 2020 of roster core-2020 needs confirmation');
    expect(r.stderr).toContain('add --yes: skillsnet roster retire core-2020 --yes');
    expect(await statuses()).toEqual(before);
  });

  it('on a terminal it asks once, with the count; no changes nothing, yes changes them', async () => {
    const { db, active, declined, invited, statuses } = await acceptedCohort();
    const before = await statuses();
    const asked: string[] = [];
    const no = await retire({ dbPath: db, name: 'core-2020' }, { tty: true, prompts: async () => answering(false, asked) });
    expect(no.code, no.stderr).toBe(0);
    expect(asked).toEqual(['Set 2 members of cohort 2020 (invited or active) to alumni?']);
    expect(no.stderr).toContain('Nothing changed: cohort 2020 is as it was.');
    expect(await statuses()).toEqual(before);
    const yes = await retire({ dbPath: db, name: 'core-2020' }, { tty: true, prompts: async () => answering(true, asked) });
    expect(yes.code, yes.stderr).toBe(0);
    expect(asked).toHaveLength(2);
    expect(await statuses()).toEqual({ ...before, [active]: 'alumni', [invited]: 'alumni', [declined]: 'declined' });
  });

  it('--yes retires the invited and active, each in the history as member set --status alumni records it; a second run changes nothing', async () => {
    const { db, sk, active, declined, invited, statuses } = await acceptedCohort();
    // the same change made by hand on the same data, to compare the history with
    const twin = await acceptedCohort();
    expect((await twin.sk('member', 'set', `member-${twin.invited}`, '--status', 'alumni')).code).toBe(0);

    const r = await retire({ dbPath: db, name: 'core-2020', json: true }, { yes: true });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ roster: 'core-2020', cohort: '2020', changed: [active, invited].sort((a, b) => a - b), unchanged: 1, dryRun: false });
    expect(await statuses()).toMatchObject({ [active]: 'alumni', [invited]: 'alumni', [declined]: 'declined' });

    const shape = (path: string, memberId: number) => {
      const d = openDatabase(path, { create: false });
      try {
        const entries = listHistory(d, { actions: ['member set'], subject: `member-${memberId}` });
        const latest = entries[0]!;
        return { action: latest.action, subject: latest.subject, detail: latest.detail, values: historyValues(d, latest.id) };
      } finally {
        d.close();
      }
    };
    expect(shape(db, invited)).toEqual(shape(twin.db, twin.invited));
    expect(shape(db, active).values).toEqual([{ table: 'members', rowId: active, column: 'status', old: 'active', new: 'alumni' }]);

    const again = await retire({ dbPath: db, name: 'core-2020', json: true }, { yes: true });
    expect(JSON.parse(again.stdout)).toMatchObject({ changed: [], unchanged: 3 });
    const count = json(await sk('history', '--action', 'member set', '--json')).length;
    await retire({ dbPath: db, name: 'core-2020' }, { yes: true });
    expect(json(await sk('history', '--action', 'member set', '--json'))).toHaveLength(count);
  });

  it('a roster not saved gets roster show\'s error and did-you-mean; one never accepted says so and changes nothing', async () => {
    const { db, sk, statuses } = await acceptedCohort();
    const shown = await sk('roster', 'show', 'Core-2020');
    const r = await retire({ dbPath: db, name: 'Core-2020' }, { yes: true });
    expect(r.code).toBe(shown.code);
    expect(r.stderr).toBe(shown.stderr);
    expect(r.stderr).toMatch(/did you mean "core-2020"/);

    const before = await statuses();
    const never = await retire({ dbPath: db, name: 'trial' }, { yes: true });
    expect(never.code).not.toBe(0);
    expect(never.stderr.split('\n')[0]).toBe('error: roster trial was never accepted as a Core Group cohort: nobody to retire, nothing changed');
    expect(never.stderr).toContain('skillsnet roster accept trial');
    expect(await statuses()).toEqual(before);
  });

  it('a roster accepted as two cohorts needs --cohort, and retires that one only', async () => {
    const { db, sk, statuses } = await acceptedCohort();
    expect((await sk('roster', 'accept', 'core-2020', '--cohort', '2021')).code).toBe(0);
    const before = await statuses();
    const r = await retire({ dbPath: db, name: 'core-2020' }, { yes: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: roster core-2020 was accepted as cohorts 2020, 2021: say which one ends\n.*--cohort 2020/);
    expect(await statuses()).toEqual(before);
    const wrong = await retire({ dbPath: db, name: 'core-2020', cohort: '2019' }, { yes: true });
    expect(wrong.code).toBe(2);
    const one = await retire({ dbPath: db, name: 'core-2020', cohort: '2020', json: true }, { yes: true });
    expect(one.code, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ cohort: '2020', unchanged: 1 });
    expect(JSON.parse(one.stdout).changed).toHaveLength(2);
  });
});
