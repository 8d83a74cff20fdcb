/**
 * The import command's report and messages, run in process: the columns it did not use, cells
 * with several addresses (never quoted), a dry run, text updates that need tagging again, and a
 * failed first import that leaves no database behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, json, run, tempDir } from '../support/run.js';
import { unusedColumns } from '../../../src/cli/import.js';

const dir = tempDir('skillsnet-import-command-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(name: string, content: string | Buffer): string {
  const f = path.join(dir, `${++n}-${name}`);
  fs.writeFileSync(f, content);
  return f;
}
const db = () => path.join(dir, `db${++n}.db`);
const list = async (dbPath: string) => json<any[]>(await run(['list', '--json', '--db', dbPath]));

describe('skillsnet import: the report', () => {
  it('names the unused columns and warns about cells with several addresses without quoting them', async () => {
    const f = file('fr2.csv', 'Organisation;Courriel;Note;Contact;Commentaire\nOrg A;"a@example.org; b@example.org";12;Jean;x\n');
    const d = db();
    const r = await run(['import', f, '--db', d]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('kept in the raw row, not used: Commentaire');
    expect(r.stderr).toMatch(/data row 1, column “Courriel”: several email addresses in one cell: the first is the contact email/);
    expect(r.stderr).not.toContain('b@example.org');
    const [a] = await list(d);
    expect(a).toMatchObject({ email: 'a@example.org', score: 12, contactName: 'Jean' });
    const shown = await run(['show', String(a.id), '--raw', '--db', d]);
    expect(shown.stdout).toContain('b@example.org');
  });

  it('says a password column is not kept, not that it is kept in the raw row, and show --raw has no password', async () => {
    const f = file('accounts.csv', 'Organisation,Email,Login,Contraseña\nOrg A,a@example.org,ana,Hunter2-Ana\n');
    const d = db();
    const r = await run(['import', f, '--db', d]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('kept in the raw row, not used: Login\n');
    expect(r.stderr).toContain('not kept (a password or PIN): Contraseña');
    expect(r.stderr).toMatch(/data row 1, column “Contraseña”: a password or PIN: not kept/);
    const [a] = await list(d);
    const shown = await run(['show', String(a.id), '--raw', '--db', d]);
    expect(shown.stdout).toContain('ana');
    expect(shown.stdout).not.toContain('Hunter2');
  });

  it("a questionnaire's many long statements are cut and counted in the report, whole in --json", async () => {
    const statements = Array.from({ length: 20 }, (_, i) => `${i + 1}. I often find it hard to remember important events of my past, as if whole periods were blank`);
    const f = file('questionnaire.csv', ['Organisation', 'Email', ...statements.map((s) => `"${s}"`)].join(',') + '\n' + ['Org A', 'a@example.org', ...statements.map(() => '3')].join(',') + '\n');
    const r = await run(['import', f, '--db', db(), '--dry-run']);
    expect(r.code).toBe(0);
    const line = r.stderr.split('\n').find((l) => l.includes('kept in the raw row, not used:'))!;
    expect(line).toContain('1. I often find it hard to remember important events of my…, 2. I often');
    expect(line).toContain('and 8 more (import --json lists them all)');
    expect(line).not.toContain('13. I often');
    const doc = json<any>(await run(['import', f, '--db', db(), '--dry-run', '--json']));
    expect(doc.files[0].unmappedColumns).toEqual(statements);
  });

  it('a long header is cut by characters: an emoji at the cut is kept whole or left out, never halved', () => {
    const header = `${'a'.repeat(58)}😀 and the rest of a long statement`;
    const shown = unusedColumns([header, 'Comments']);
    expect(shown).toBe(`${'a'.repeat(58)}😀…, Comments`);
    expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('a dry run with rejected rows does not point to skillsnet rejects', async () => {
    const f = file('bad.csv', 'Organization,Email\n,x@example.org\n');
    const r = await run(['import', f, '--db', db(), '--dry-run']);
    expect(r.stderr).toContain('1 row would be rejected; nothing was stored');
    expect(r.stderr).not.toContain('see them with skillsnet rejects');
  });

  it('an update that changes the text says the applications need tagging again', async () => {
    const d = db();
    const v1 = file('v1.csv', 'Application ID,Organization,Email,Description\nA,Org A,a@example.org,Training young people as solar panel technicians through apprenticeships\n');
    await run(['import', v1, '--db', d, '--call', 'c']);
    await run(['tag', 'auto', '--db', d]);
    const tagged = (await list(d))[0].categories;
    expect(tagged.length).toBeGreaterThan(0);
    const v2 = file('v2.csv', 'Application ID,Organization,Email,Description\nA,Org A,a@example.org,A coding bootcamp for women with digital skills\n');
    const r = await run(['import', v2, '--db', d, '--call', 'c']);
    expect(r.stderr).toMatch(/1 updated application changed text .* lost its automatic categories: tag it again with skillsnet tag auto/);
    expect((await list(d))[0].categories).toEqual([]);
    expect((await run(['tag', 'auto', '--db', d])).code).toBe(0);
    expect((await list(d))[0].categories.length).toBeGreaterThan(0);
  });

  it('says where a database it made is, once: an import run from another folder starts a second one', async () => {
    const f = file('first.csv', 'Organisation,Email,Country\nOrg A,a@example.org,Peru\n');
    const d = db();
    const first = await run(['import', f, '--db', d, '--call', '2024']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`Imported into call "2024", in a new database: ${d}.`);
    const again = await run(['import', f, '--db', d, '--call', '2024']);
    expect(again.stderr).toMatch(/^Imported into call "2024"\.$/m);
    expect(again.stderr).toMatch(/first\.csv: the same file was imported into this call before \(batch 1, /);
    // (a dry run makes none)
    const dry = await run(['import', f, '--db', db(), '--call', '2024', '--dry-run']);
    expect(dry.stderr).not.toContain('new database');
  });

  it('a failed first import leaves no database file behind', async () => {
    const d = path.join(dir, 'never.db');
    const noColumns = file('nocols.csv', 'A,B\n1,2\n');
    expect((await run(['import', noColumns, '--db', d])).code).toBe(1);
    expect(fs.existsSync(d)).toBe(false);
    const broken = file('broken.csv', 'Organization,Email\nOrg,a@example.org\n"Org B,b@example.org\n');
    const r = await run(['import', broken, '--db', d]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*never closed/m);
    expect(fs.readdirSync(dir).filter((x) => x.startsWith('never.db'))).toEqual([]);
  });
});

describe('an attendance report given to import', () => {
  it('says what it looks like and the command that reads it', async () => {
    const { zoomReport } = await import('../support/zoom.js');
    const { looksLikeAttendanceBytes } = await import('../../../src/events/attendance/report.js');
    const f = file('zoom-participants.csv', zoomReport('Core Group meeting', ['Ana Ejemplo,ana@example.org,11/19/2020 02:00:00 PM,11/19/2020 04:00:00 PM,120,Yes,Y']));
    const r = await run(['import', f, '--db', db()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: [\w-]*zoom-participants\.csv: no column found for the organisation; nothing was imported\n {2}this looks like a Zoom or Teams attendance report, not applications: read it with skillsnet event attendance EVENT-ID \S*\/[\w-]*zoom-participants\.csv/m);
    // a Teams report in French (UTF-16, tab-separated) too; an application form is no report
    const teams = fs.readFileSync(path.join(ROOT, 'data', 'sample', 'events', 'teams-attendance-fr.csv'));
    expect(await looksLikeAttendanceBytes(teams)).toBe(true);
    expect(await looksLikeAttendanceBytes(Buffer.from('ID,Start time,Completion time,Email,Name,Title,Description\n1,2024-03-01,2024-03-01,a@example.org,Ana,T,D\n'))).toBe(false);
    // a form asking the project's duration beside a name is no report; Zoom's list of unique users (no times, a Guest column) is
    expect(await looksLikeAttendanceBytes(Buffer.from('Name,Email,Country,Project title,Duration\nAna Lopez,ana@example.org,Peru,Skills for all,12 months\n'))).toBe(false);
    expect(await looksLikeAttendanceBytes(Buffer.from('Name (Original Name),User Email,Total Duration (Minutes),Guest\nAna Lopez,ana@example.org,58,No\n'))).toBe(true);
    const form = await run(['import', file('form.csv', 'Who,Mail\nA,a@example.org\n'), '--db', db()]);
    expect(form.stderr).not.toMatch(/attendance report/);
    // --json: still one document with what was recognised
    const j = await run(['import', f, '--json', '--db', db()]);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout).files[0].columns.email).toEqual(['User Email']);
    expect(j.stderr).toMatch(/this looks like a Zoom or Teams attendance report/);
  });

  it('names the report as it was given, quoted when it holds a space, in the command it suggests', async () => {
    // (the file's own name alone pointed at the current folder, where a report in another one is not)
    const { zoomReport } = await import('../support/zoom.js');
    const f = file('Zoom participants é.csv', zoomReport('Core Group meeting', ['Ana Ejemplo,ana@example.org,11/19/2020 02:00:00 PM,11/19/2020 04:00:00 PM,120,Yes,Y']));
    const r = await run(['import', f, '--db', db()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`read it with skillsnet event attendance EVENT-ID "${f}" (`);
  });
});
