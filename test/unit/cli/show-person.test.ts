/**
 * show person-N: the maps (--with-people) and `member add` name people by person-N, so show takes
 * it — the member a person is in their own right, else the organisation they are a contact of.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, run, tempDir } from '../support/run.js';

let db: string;
const sk = (args: string[]) => run(['--db', db, ...args]);

beforeAll(async () => {
  const dir = tempDir();
  db = path.join(dir, 'n.db');
  fs.writeFileSync(path.join(dir, 'a.csv'), 'Organisation,Email,Contact name,Country\nTaller Sur,ana@example.org,Ana Ejemplo,Peru\n');
  expect((await sk(['import', path.join(dir, 'a.csv'), '--call', '2020'])).code).toBe(0);
});

describe('show person-N', () => {
  it('of an ILO officer (a member in their own right) shows the member', async () => {
    const added = json(await sk(['member', 'add', '--organization', 'ILO', '--name', 'Awa Diop', '--email', 'awa@example.org', '--role', 'ilo', '--json']));
    expect(added.kumuId).toMatch(/^person-\d+$/);
    const r = await sk(['show', added.kumuId]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^member-${added.id} · Awa Diop`, 'm'));
    expect(json(await sk(['show', added.kumuId, '--json'])).member.id).toBe(added.id);
  });

  it("of an applicant's contact shows their organisation, and says so on stderr", async () => {
    const [member] = json(await sk(['members', '--search', 'Taller', '--json']));
    const r = await sk(['show', `person-${member.personId}`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^org-\d+ Taller Sur$/m);
    expect(r.stderr).toMatch(new RegExp(`^person-${member.personId} is a contact person of org-\\d+`, 'm'));
    const j = json(await sk(['show', `person-${member.personId}`, '--json']));
    expect(j.organization.name).toBe('Taller Sur');
  });

  it('of nobody is one error line with where to look', async () => {
    const r = await sk(['show', 'person-999']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: no person person-999\n {2}people are listed under their organisation: skillsnet show org-N/m);
  });
});

// A narrow terminal (COLUMNS=60) cut the description mid-word ("Pokhar" / "a"): the terminal
// wrapped what was written as one line. On a terminal show wraps at words; a pipe gets one line.
describe('show on a narrow terminal', () => {
  it('wraps the description and long values at words, within the width; a pipe gets each paragraph whole', async () => {
    const { bufferIO } = await import('../../../src/cli/io.js');
    const { runShow } = await import('../../../src/cli/show.js');
    const dir = tempDir();
    const small = path.join(dir, 'w.db');
    const description = 'Since the crisis, many school leavers around Pokhara have lost their income and need new skills to return to work. Instructors are trained to teach online.\n\nA free helpline answers questions about jobs and training options.';
    fs.writeFileSync(path.join(dir, 'w.csv'), `Organisation,Email,Country,Title,Description,Beneficiaries\nNational Employment Service,ana@example.org,Nepal,Blended learning,"${description}","Job seekers, TVET students, women, youth, persons with disabilities, rural workers"\n`);
    expect((await run(['--db', small, 'import', path.join(dir, 'w.csv'), '--call', '2020'])).code).toBe(0);
    const narrow = bufferIO({ tty: true, columns: 60 });
    await runShow({ dbPath: small, id: 1 }, narrow.io);
    const lines = narrow.stdout().split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(60);
    expect(lines).toContain('Since the crisis, many school leavers around Pokhara have');
    expect(lines).toContain('lost their income and need new skills to return to work.');
    // the paragraphs stay apart; a long value goes on under its label
    expect(narrow.stdout()).toMatch(/teach online\.\n\nA free helpline/);
    expect(narrow.stdout()).toMatch(/^Beneficiaries {3}Job seekers, .*\n {16}\S/m);
    const piped = bufferIO({ tty: false, columns: 60 });
    await runShow({ dbPath: small, id: 1 }, piped.io);
    expect(piped.stdout()).toContain(description);
  });
});

