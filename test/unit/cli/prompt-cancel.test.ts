/**
 * Ctrl-C at a question (inquirer ends the prompt with ExitPromptError, no signal comes): every
 * command said "error: cancelled; nothing more was saved", which at erase's or merge's question,
 * before anything was done, read as if something had been saved before it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bufferIO } from '../../../src/cli/io.js';
import { reportError } from '../../../src/cli/main.js';
import { setInterruptOutcome } from '../../../src/cli/signals.js';
import type { Prompts } from '../../../src/ui/prompts.js';
import { importedCall, threeApplications } from '../support/run.js';

/** Prompts whose every question is left with Ctrl-C, as inquirer leaves it. */
function ctrlC(): Prompts {
  const cancelled = async (): Promise<never> => {
    const e = new Error('User force closed the prompt with SIGINT');
    e.name = 'ExitPromptError';
    throw e;
  };
  return { confirm: cancelled, select: cancelled, checkbox: cancelled } as unknown as Prompts;
}

async function cancelledLine(run: (io: ReturnType<typeof bufferIO>['io']) => Promise<unknown>): Promise<{ code: number; stderr: string }> {
  const { io, stderr } = bufferIO({ tty: true, prompts: async () => ctrlC() });
  let code = 0;
  try {
    await run(io);
  } catch (e) {
    code = reportError(e, io, false, false);
  }
  return { code, stderr: stderr() };
}

// (the outcome is the process's: put the default back between cases)
afterEach(() => setInterruptOutcome(() => '')());

describe('Ctrl-C at a question says what it left', () => {
  it('erase, merge, roster delete and event delete: nothing was done, in their words; exit 130', async () => {
    const { db, sk } = await importedCall(threeApplications(['8', '7', '6']));
    expect((await sk('select', '--size', '2', '--name', 'core')).code).toBe(0);
    expect((await sk('event', 'add', 'Meeting', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'UTC')).code).toBe(0);
    const { runErase } = await import('../../../src/cli/erase.js');
    const { runMerge } = await import('../../../src/cli/merge.js');
    const { runRosterDelete } = await import('../../../src/cli/roster.js');
    const { runEventDelete } = await import('../../../src/cli/event-manage.js');
    const cases: [string, (io: ReturnType<typeof bufferIO>['io']) => Promise<unknown>][] = [
      ['nothing was erased', (io) => runErase({ dbPath: db, who: 'person-1' }, io)],
      ['nothing was merged', (io) => runMerge({ dbPath: db, a: '1', b: '2' }, io)],
      ['roster core was kept', (io) => runRosterDelete({ dbPath: db, name: 'core' }, io)],
      ['event 1 was kept', (io) => runEventDelete({ dbPath: db, id: 1 }, io)],
    ];
    for (const [said, command] of cases) {
      const r = await cancelledLine(command);
      expect(r.code, said).toBe(130);
      expect(r.stderr, said).toMatch(new RegExp(`^error: cancelled; ${said}\\n$`, 'm'));
    }
    // all still there
    expect(JSON.parse((await sk('list', '--json')).stdout)).toHaveLength(3);
    expect((await sk('rosters', '--json')).stdout).toMatch(/"core"/);
    expect((await sk('events', '--json')).stdout).toMatch(/"Meeting"/);
  });

  it('a command that sets no words of its own keeps the general line', async () => {
    const r = await cancelledLine(async (io) => (await io.prompts()).confirm('Go?', false));
    expect(r).toEqual({ code: 130, stderr: 'error: cancelled; nothing more was saved\n' });
  });
});

describe('tag review interrupted after decisions', () => {
  it('Ctrl-C at a later question says the decisions made were saved and kept, and they are (it said "nothing more was saved"; SIGHUP and SIGTERM said work in progress was rolled back)', async () => {
    const { db } = await importedCall(threeApplications(['8', '7', '6']));
    const { runTagReview } = await import('../../../src/cli/tag-review.js');
    const { interruptOutcome } = await import('../../../src/cli/signals.js');
    const { openDatabase } = await import('../../../src/db/connection.js');
    const { tagsOf } = await import('../../../src/db/tags.js');
    let asked = 0;
    let before = '';
    const prompts = {
      ...ctrlC(),
      // the first application gets "Choose categories…", then life-skills; the second, Ctrl-C
      select: async () => {
        if (asked++ === 0) {
          before = interruptOutcome();
          return 'edit';
        }
        return ctrlC().select('', []);
      },
      checkbox: async () => ['life-skills'],
    } as unknown as Prompts;
    const { io, stderr } = bufferIO({ tty: true, prompts: async () => prompts });
    let code = 0;
    try {
      await runTagReview({ dbPath: db }, io);
    } catch (e) {
      code = reportError(e, io, false, false);
    }
    expect(before).toBe('no decision was saved; the applications are as they were');
    expect(code).toBe(130);
    expect(stderr()).toMatch(/^error: cancelled; the decision made was saved and kept \(skillsnet tag review to continue\)$/m);
    const d = openDatabase(db);
    try {
      const decided = [1, 2, 3].filter((id) => tagsOf(d, id).some((t) => t.source === 'officer'));
      expect(decided).toHaveLength(1);
    } finally {
      d.close();
    }
  });
});

describe('after a yes, the work done', () => {
  it('merge, roster delete, event delete and roster retire: an interruption or a report that cannot be written from then on says what was done (it said "nothing was merged", "roster core was kept"… of work just saved)', async () => {
    const { db, sk } = await importedCall(threeApplications(['8', '7', '6']));
    expect((await sk('select', '--size', '2', '--name', 'core')).code).toBe(0);
    expect((await sk('select', '--size', '1', '--name', 'spare')).code).toBe(0);
    expect((await sk('roster', 'accept', 'core')).code).toBe(0);
    expect((await sk('event', 'add', 'Meeting', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'UTC')).code).toBe(0);
    const { interruptOutcome } = await import('../../../src/cli/signals.js');
    const { runMerge } = await import('../../../src/cli/merge.js');
    const { runRosterDelete } = await import('../../../src/cli/roster.js');
    const { runEventDelete } = await import('../../../src/cli/event-manage.js');
    const { runRosterRetire } = await import('../../../src/cli/roster-retire.js');
    const yes = { confirm: async () => true } as unknown as Prompts;
    const cases: [RegExp, (io: ReturnType<typeof bufferIO>['io']) => Promise<unknown>][] = [
      [/^2 members of cohort \S+ became alumni \(each change in the history\)$/, (io) => runRosterRetire({ dbPath: db, name: 'core' }, io)],
      [/^application 2 was merged into application 1 \(change \d+ in the history\)$/, (io) => runMerge({ dbPath: db, a: '1', b: '2' }, io)],
      [/^roster spare was deleted$/, (io) => runRosterDelete({ dbPath: db, name: 'spare' }, io)],
      [/^event 1 was deleted$/, (io) => runEventDelete({ dbPath: db, id: 1 }, io)],
    ];
    for (const [said, command] of cases) {
      const { io } = bufferIO({ tty: true, prompts: async () => yes });
      await command(io);
      expect(interruptOutcome()).toMatch(said);
    }
  });
});

describe('withdraw of several IDs after a yes', () => {
  it('an interruption from then on (the seats offered by the solver, the report) says they were withdrawn (it said "nothing was withdrawn" of work just saved)', async () => {
    const { db } = await importedCall(threeApplications(['8', '7', '6']));
    const { interruptOutcome } = await import('../../../src/cli/signals.js');
    const { runWithdraw } = await import('../../../src/cli/withdraw.js');
    const yes = { confirm: async () => true } as unknown as Prompts;
    const { io } = bufferIO({ tty: true, prompts: async () => yes });
    await runWithdraw({ dbPath: db, ids: ['1', '2'] }, io);
    expect(interruptOutcome()).toMatch(/^application 1, application 2 were withdrawn \(changes \d+, \d+ in the history\)$/);
    const back = bufferIO({ tty: true, prompts: async () => yes });
    await runWithdraw({ dbPath: db, ids: ['1', '2', '3'], undo: true }, back.io);
    expect(interruptOutcome()).toMatch(/^application 1, application 2 were put back \(changes \d+, \d+ in the history\)$/);
    // (one ID, no question: it said work in progress was rolled back)
    await runWithdraw({ dbPath: db, ids: ['3'] }, bufferIO({ tty: true, prompts: async () => yes }).io);
    expect(interruptOutcome()).toMatch(/^application 3 was withdrawn \(change \d+ in the history\)$/);
  });
});

describe('the terminal closed as the question gives it back', () => {
  it('setRawMode failing with EIO is the hang-up, exit 129, not the disk\'s fault (it was "cannot setRawMode: the disk reported an input/output error", exit 1)', () => {
    const { io, stderr } = bufferIO({ tty: true });
    const e = Object.assign(new Error('setRawMode EIO'), { code: 'EIO', errno: -5, syscall: 'setRawMode' });
    expect(reportError(e, io, false, false)).toBe(129);
    expect(stderr()).not.toMatch(/disk|unexpected/);
  });
});
