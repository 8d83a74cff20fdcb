import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as skillsnet, tempDir, json } from '../support/run.js';
import { makeRosterCall } from '../selection/fixtures.js';

let dbPath: string;

// Two regions; Africa's members are scarce, so replacing one must bring in another African.
beforeAll(async () => {
  dbPath = path.join(tempDir(), 'roster.db');
  makeRosterCall(dbPath, [
    ['A1', 'Africa', 'KE', 6], // 1
    ['A2', 'Africa', 'NG', 5], // 2
    ['A3', 'Africa', 'SN', 1], // 3
    ['M1', 'Americas', 'MX', 9], // 4
    ['M2', 'Americas', 'BR', 8], // 5
    ['M3', 'Americas', 'CO', 7], // 6
    ['M4', 'Americas', 'PE', 6.5], // 7
  ]);
});

describe('roster replace and diff', { timeout: 90_000 }, () => {
  it('swaps a declining member for the best alternate that keeps every quota, and records it', async () => {
    const sel = await skillsnet(['select', '--size', '4', '--quotas', path.join(path.dirname(dbPath), 'missing.csv'), '--db', dbPath]);
    expect(sel.code).toBe(1); // no such file: the operation fails (as any unreadable file), nothing saved
    const quotas = path.join(path.dirname(dbPath), 'quotas.csv');
    fs.writeFileSync(quotas, 'feature,value,min,max\nregion,Africa,2,\n');
    const r = await skillsnet(['select', '--size', '4', '--quotas', quotas, '--name', 'core', '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).members.map((m: any) => m.id).sort()).toEqual([1, 2, 4, 5]);
    // M3 (7) is the best alternate but cannot replace an African member; A3 can.
    const dry = json(await skillsnet(['roster', 'replace', 'core', '2', '--dry-run', '--json', '--db', dbPath]));
    expect(dry).toMatchObject({ saved: false, added: { id: 3 }, removed: { id: 2 } });
    const rep = await skillsnet(['roster', 'replace', 'core', '2', '--json', '--db', dbPath]);
    expect(rep.code, rep.stderr).toBe(0);
    expect(json(rep)).toMatchObject({ saved: true, added: { id: 3 }, objective: 24 });
    const show = json(await skillsnet(['roster', 'show', 'core', '--json', '--db', dbPath]));
    expect(show.members.map((m: any) => m.id).sort()).toEqual([1, 3, 4, 5]);
    expect(show.changes).toHaveLength(1);
    expect(show.changes[0]).toMatchObject({ removedApplicationId: 2, addedApplicationId: 3 });
    expect(show.objective).toBe(24);
    // An amended roster is no longer the solver's proven optimum.
    expect(show.optimal).toBe(false);
    expect(show.solverStatus).toMatch(/amended by roster replace$/);
    // An American member is replaced by the best American alternate.
    expect(json(await skillsnet(['roster', 'replace', 'core', '4', '--json', '--db', dbPath])).added.id).toBe(6);
    // Nobody is left to replace an African member.
    const none = await skillsnet(['roster', 'replace', 'core', '1', '--db', dbPath]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/error: no alternate or eligible application can take the place of #1 in core without breaking this quota:\n  - region Africa at least 2: /);
    expect((await skillsnet(['roster', 'replace', 'core', '7', '--db', dbPath])).stderr).toMatch(/error: application 7 is not a member of core/);
    // the same replace run again: it was done, and by whom
    const again = await skillsnet(['roster', 'replace', 'core', '2', '--db', dbPath]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error: application 2 is not a member of core any more: it left on \d{4}-\d{2}-\d{2}, replaced by #3\n  see the members with skillsnet roster show core\n$/);
  });

  it('diffs two rosters', async () => {
    expect((await skillsnet(['select', '--size', '4', '--name', 'free', '--db', dbPath])).code).toBe(0);
    const d = json(await skillsnet(['roster', 'diff', 'core', 'free', '--json', '--db', dbPath]));
    // core is now 1, 3, 5, 6 (two replacements); free is the top four scores 4, 5, 6, 7.
    expect(d.inBoth).toEqual([5, 6]);
    expect(d.onlyInA.map((e: any) => e.id).sort()).toEqual([1, 3]);
    expect(d.onlyInB.map((e: any) => e.id).sort()).toEqual([4, 7]);
    expect(d.params.rules).toBeDefined();
    const text = await skillsnet(['roster', 'diff', 'core', 'free', '--db', dbPath]);
    expect(text.stdout).toMatch(/2 members in both; 2 only in core; 2 only in free/);
  });

  it('prints every parameter difference in text mode, quota rules included', async () => {
    const args = (name: string, size: string, extra: string[]) => ['select', '--size', size, '--name', name, '--dry-run', ...extra, '--db', dbPath];
    expect((await skillsnet(args('x', '4', []).filter((a) => a !== '--dry-run'))).code).toBe(0);
    expect((await skillsnet(['select', '--size', '3', '--name', 'y', '--max-per-country', '2', '--max-per-organization', '2', '--db', dbPath])).code).toBe(0);
    const d = json(await skillsnet(['roster', 'diff', 'x', 'y', '--json', '--db', dbPath]));
    expect(d.params.size).toEqual([4, 3]);
    expect(d.params.rules).toBeDefined();
    const text = (await skillsnet(['roster', 'diff', 'x', 'y', '--db', dbPath])).stdout;
    expect(text).toMatch(/size: 4 → 3/);
    expect(text).toMatch(/quota only in y: country \(each\) at most 2 \(--max-per-country 2\)/);
    expect(text).toMatch(/quota only in x: organisation \(each\) at most 1 \(--max-per-organization 1\)/);
    expect(text).toMatch(/quota only in y: organisation \(each\) at most 2 \(--max-per-organization 2\)/);
    await skillsnet(['roster', 'delete', 'x', '--yes', '--db', dbPath]);
    await skillsnet(['roster', 'delete', 'y', '--yes', '--db', dbPath]);
  });

  it('deletes a roster only with --yes off a terminal', async () => {
    const no = await skillsnet(['roster', 'delete', 'free', '--db', dbPath]);
    expect(no.code).toBe(2);
    expect(no.stderr).toMatch(/error: deleting roster free needs confirmation\n  add --yes/);
    expect(json(await skillsnet(['roster', 'delete', 'free', '--yes', '--json', '--db', dbPath]))).toEqual({ roster: 'free', deleted: true });
    expect(json(await skillsnet(['rosters', '--json', '--db', dbPath])).map((r: any) => r.name)).toEqual(['core']);
  });
});

describe('reasons after a replacement', () => {
  let dbPath: string;
  let quotas: string;

  beforeAll(async () => {
    const dir = tempDir();
    dbPath = path.join(dir, 'reasons.db');
    makeRosterCall(dbPath, [
      ['A1', 'Africa', 'KE', 9], // 1
      ['A2', 'Africa', 'NG', 8], // 2
      ['M1', 'Americas', 'MX', 7], // 3
      ['M2', 'Americas', 'BR', 3], // 4
    ]);
    quotas = path.join(dir, 'quotas.csv');
    fs.writeFileSync(quotas, 'feature,value,min,max\nregion,Africa,1,\nregion,Americas,1,\n');
  });

  // The reasons are what an officer shows a manager (roster show, export roster): after a swap
  // they must describe the roster as it now is, not as the solver left it.
  describe('roster replace keeps every member\'s reasons true', { timeout: 60_000 }, () => {
    it('recounts the quotas of the members who stay', async () => {
      const sel = await skillsnet(['select', '--size', '3', '--quotas', quotas, '--name', 'core', '--json', '--db', dbPath]);
      expect(sel.code, sel.stderr).toBe(0);
      expect(json(sel).members.map((m: any) => m.id).sort()).toEqual([1, 2, 3]);
      const rep = await skillsnet(['roster', 'replace', 'core', '2', '--json', '--db', dbPath]);
      expect(rep.code, rep.stderr).toBe(0);
      expect(json(rep).added.id).toBe(4);
      const show = json(await skillsnet(['roster', 'show', 'core', '--json', '--db', dbPath]));
      const reasons = (id: number) => show.members.find((m: any) => m.id === id).reasons as string[];
      // Africa now has one member left (#1), the Americas two (#3, #4).
      expect(reasons(1)).toContain('needed for region Africa (at least 1; 1 selected)');
      expect(reasons(3)).toContain('counts towards region Americas (at least 1; 2 selected)');
      expect(reasons(4)).toContain('counts towards region Americas (at least 1; 2 selected)');
      expect(reasons(4).some((r) => /took the place of #2 A2/.test(r))).toBe(true);
      const md = await skillsnet(['export', 'roster', 'core', '--format', 'md', '--out', '-', '--db', dbPath]);
      expect(md.stdout).not.toMatch(/Africa \(at least 1; 2 selected\)/);
    });
  });
});

describe('roster show without a name', () => {
  it('is a usage error that lists the saved rosters', async () => {
    const { run, tempDir } = await import('../support/run.js');
    const { makeCall } = await import('../selection/fixtures.js');
    const path = (await import('node:path')).default;
    const db = path.join(tempDir(), 'names.db');
    makeCall(db, 40);
    expect((await run(['--db', db, 'select', '--size', '5', '--name', 'first'])).code).toBe(0);
    const r = await run(['--db', db, 'roster', 'show']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: roster show needs the name of a saved roster\n\s+saved rosters: first \(skillsnet roster show first\)/m);
  });
});

describe('roster replace that is not carried out', () => {
  it('says what would happen and the command to do it, never "replaced by", on a dry run or a "no"', async () => {
    const { run, tempDir } = await import('../support/run.js');
    const { runRosterReplace } = await import('../../../src/cli/roster.js');
    const { bufferIO } = await import('../../../src/cli/io.js');
    const db = path.join(tempDir(), 'not-replaced.db');
    makeRosterCall(db, [
      ['A1', 'Africa', 'KE', 6], // 1
      ['A2', 'Africa', 'NG', 5], // 2
      ['A3', 'Africa', 'SN', 1], // 3
      ['M1', 'Americas', 'MX', 9], // 4
    ]);
    const quotas = path.join(path.dirname(db), 'quotas.csv');
    fs.writeFileSync(quotas, 'feature,value,min,max\nregion,Africa,2,\n');
    expect((await run(['select', '--size', '3', '--quotas', quotas, '--name', 'core', '--db', db])).code).toBe(0);

    const dry = await run(['roster', 'replace', 'core', '2', '--dry-run', '--db', db]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^Not replaced: #3 A3 would take the seat of #2 A2 \(best alternate that keeps every quota\); the total score would be 16\.$/m);
    expect(dry.stdout).not.toMatch(/replaced by/);
    expect(dry.stderr).toMatch(/Nothing saved\. To do it: skillsnet roster replace core 2\n/);

    // On a terminal, the officer answers no to the question.
    const asked: string[] = [];
    const { io, stdout, stderr } = bufferIO({
      tty: true,
      prompts: async () => ({ confirm: async (q: string) => (asked.push(q), false) }) as any,
    });
    const result = await runRosterReplace({ dbPath: db, name: 'core', id: 2 }, io);
    expect(asked).toEqual(['Replace #2 A2 by #3 A3 in core?']);
    expect(result.saved).toBe(false);
    expect(stdout()).toMatch(/^Not replaced: #3 A3 would take the seat of #2 A2/);
    expect(stderr()).toMatch(/Nothing saved\. To do it: skillsnet roster replace core 2/);
    const show = JSON.parse((await run(['roster', 'show', 'core', '--json', '--db', db])).stdout);
    expect(show.members.map((m: any) => m.id).sort()).toEqual([1, 2, 4]);
  });
});

describe('roster show after scores changed', () => {
  it('says the saved total no longer adds up the Score column, and how to rank on today\'s scores', async () => {
    const { importedCall, threeApplications } = await import('../support/run.js');
    const { dir, sk } = await importedCall(threeApplications());
    expect((await sk('select', '--size', '2', '--order', 'id', '--name', 'first')).code).toBe(0);
    const before = await sk('roster', 'show', 'first');
    expect(before.stdout).toMatch(/^2 members, total score 0 \(proven optimal\)$/m);
    expect(before.stdout).not.toMatch(/changed since/);
    fs.writeFileSync(path.join(dir, 'jury.csv'), 'Email,Reviewer,Score\nana@example.org,Rita,9\nawa@example.net,Rita,5\nnia@example.com,Rita,7\n');
    expect((await sk('scores', 'import', 'jury.csv', '--scale', '0-10')).code).toBe(0);
    const after = await sk('roster', 'show', 'first');
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toMatch(/^2 members, total score 0 when saved \(proven optimal\)$/m);
    expect(after.stdout).toMatch(/^The scores changed since \(reviewers' scores imported, or the file's corrected\): the members total [\d.]+ today\. To rank on today's scores: skillsnet select again\.$/m);
    // The document for a report says so too, instead of "the one the selection ranked by".
    const md = await sk('export', 'roster', 'first', '--format', 'md', '--out', '-');
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/The score is today's: reviewers' combined score \(0–10\)\. Scores changed since the selection, which ranked on a total of 0 \("Why selected" says what it saw\); the members total [\d.]+ today\./);
    expect(md.stdout).not.toMatch(/the one the selection ranked by/);
  });
});
