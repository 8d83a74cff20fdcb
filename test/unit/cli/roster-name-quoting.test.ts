/**
 * A roster named with spaces ("Groupe central 2024"): every command a message suggests with its
 * name must run as pasted, so the name is quoted as shellArg quotes it — not left bare, which the
 * shell would split into three arguments.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCall } from '../selection/fixtures.js';
import { run as skillsnet, tempDir } from '../support/run.js';

let db: string;
const NAME = 'Groupe central 2024';

beforeAll(async () => {
  db = path.join(tempDir('skillsnet-roster-quoting-'), 'call.db');
  makeCall(db, 30, 2);
}, 60_000);

describe('suggested commands quote a roster name with spaces', { timeout: 60_000 }, () => {
  it('after select, on a second save, on delete and on replace of a non-member', async () => {
    const saved = await skillsnet(['select', '--size', '5', '--name', NAME, '--db', db]);
    expect(saved.code).toBe(0);
    expect(saved.stderr).toContain(`See it again with: skillsnet roster show "${NAME}"`);

    const again = await skillsnet(['select', '--size', '5', '--name', NAME, '--db', db]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain(`skillsnet roster show "${NAME}" to see it first`);

    const del = await skillsnet(['roster', 'delete', NAME, '--db', db]);
    expect(del.stderr).toContain(`skillsnet roster delete "${NAME}" --yes`);

    const notMember = await skillsnet(['roster', 'replace', NAME, '99999', '--db', db]);
    expect(notMember.code).not.toBe(0);
    expect(notMember.stderr).toMatch(new RegExp(`skillsnet roster show "${NAME}"`));

    const noName = await skillsnet(['export', 'roster', '--out', 'core group.md', '--db', db]);
    expect(noName.stderr).toContain(`skillsnet export roster "${NAME}" --out "core group.md"`);
  });
});

// A call named with a space ("Appel 2024") is the cohort roster accept makes: the commands it and
// --call's contradiction suggest are pasted too.
describe('suggested commands quote a call or cohort name with spaces', { timeout: 60_000 }, () => {
  it('after roster accept, and for --call beside --all-calls', async () => {
    const fs = (await import('node:fs')).default;
    const dir = tempDir('skillsnet-call-quoting-');
    const call = path.join(dir, 'call.db');
    fs.writeFileSync(path.join(dir, 'a.csv'), 'Organization,Email,Country,Score\nTaller Sur,ana@example.org,Peru,8\nAtelier Vert,awa@example.net,Senegal,7\n');
    expect((await skillsnet(['import', path.join(dir, 'a.csv'), '--call', 'Appel 2024', '--db', call])).code).toBe(0);
    expect((await skillsnet(['select', '--size', '1', '--name', 'core', '--db', call])).code).toBe(0);
    const accepted = await skillsnet(['roster', 'accept', 'core', '--db', call]);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stderr).toContain('See them: skillsnet members --role core-group --cohort "Appel 2024"');
    const both = await skillsnet(['list', '--call', 'Appel 2024', '--all-calls', '--db', call]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('keep --call "Appel 2024" for that call only');
  });
});
