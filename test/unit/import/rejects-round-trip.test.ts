/**
 * Rejected rows go back to the officer and come back fixed (issue 11, item 6): `rejects --csv`
 * writes one sheet per file layout with the original headers; imported again, every original
 * column lands in its field (the original import's mapping, even one from --map) and the rows
 * leave `rejects`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { json, run, tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-rejects-trip-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}

describe('rejects round trip', () => {
  const db = path.join(dir, 'trip.db');
  const forms = write('forms.csv', [
    'Timestamp,Name of your organization,Email Address,Phone number,Main beneficiaries',
    '26/06/2022 13:46:19,Kampala Youth Skills,grace@example.org,+256 700 000 001,Youth; Women',
    '27/06/2022 09:00:00,Lima Tech Hub,,+51 900 000 002,Refugees',
  ].join('\n'));
  const excel = write('excel.csv', ['Organisation;Courriel;Pays;Description', 'Atelier Thiès;;Sénégal;Formation en alternance'].join('\n'));

  it('two files of different shapes: one sheet each, never one wide sheet', async () => {
    expect((await run(['--db', db, 'import', forms, excel, '--call', '2022'])).code).toBe(0);
    const list = json<any[]>(await run(['--db', db, 'rejects', '--json']));
    expect(list.map((r) => [r.file, r.sheet])).toEqual([['forms.csv', 1], ['excel.csv', 2]]);
    const one = await run(['--db', db, 'rejects', '--csv']);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/--out DIR/);
    const out = path.join(dir, 'fix');
    expect((await run(['--db', db, 'rejects', '--csv', '--out', out])).code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['rejects-1-forms.csv', 'rejects-2-excel.csv']);
  });

  it('the fixed sheet imports with every column in its field, and its rows leave rejects', async () => {
    const sheet = path.join(dir, 'fix', 'rejects-1-forms.csv');
    const rows = parse(fs.readFileSync(sheet, 'utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Timestamp', 'Name of your organization', 'Email Address', 'Phone number', 'Main beneficiaries', 'Rejection reason', 'Rejected row']);
    fs.writeFileSync(sheet, fs.readFileSync(sheet, 'utf8').replace('Lima Tech Hub,,', 'Lima Tech Hub,lima@example.org,'));
    const r = json(await run(['--db', db, 'import', sheet, '--call', '2022', '--json']));
    expect(r).toMatchObject({ rows: 1, inserted: 1, rejected: 0 });
    expect(r.files[0].fields.phone.source).toBe('previous');
    const lima = json<any[]>(await run(['--db', db, 'list', '--json'])).find((a) => a.organization === 'Lima Tech Hub');
    expect(lima).toMatchObject({ email: 'lima@example.org', phone: '+51 900 000 002', beneficiaries: ['Refugees'], submittedAt: '2022-06-27T09:00:00' });
    // skillsnet's own columns are no part of the source row
    const shown = await run(['--db', db, 'show', String(lima.id), '--raw']);
    expect(shown.stdout).not.toMatch(/Rejected row|Rejection reason/);
    // only the other file's row is left
    expect(json<any[]>(await run(['--db', db, 'rejects', '--json'])).map((x) => x.file)).toEqual(['excel.csv']);
    expect(json<any[]>(await run(['--db', db, 'rejects', '--json', '--all'])).length).toBe(2);
    // with one layout left, rejects --csv goes to stdout again
    expect((await run(['--db', db, 'rejects', '--csv'])).code).toBe(0);
  });

  it('a file mapped with --map: its fixed rejects import with the same columns, without --map', async () => {
    const db2 = path.join(dir, 'mapped.db');
    const f = write('odd.csv', 'Org,E,Where,Tel\nAcme,,Kenya,+254 1\nBeta,b@example.org,Peru,+51 2\n');
    const map = write('odd.map.json', JSON.stringify({ organization: 'Org', email: 'B', country: 'Where', phone: 4 }));
    expect(json(await run(['--db', db2, 'import', f, '--map', map, '--call', 'c', '--json']))).toMatchObject({ inserted: 1, rejected: 1 });
    const csv = (await run(['--db', db2, 'rejects', '--csv'])).stdout.replace('Acme,,', 'Acme,acme@example.org,');
    const fixed = write('odd-fixed.csv', csv);
    const r = json(await run(['--db', db2, 'import', fixed, '--call', 'c', '--json']));
    expect(r).toMatchObject({ rows: 1, inserted: 1 });
    const acme = json<any[]>(await run(['--db', db2, 'list', '--json'])).find((a) => a.organization === 'Acme');
    expect(acme).toMatchObject({ email: 'acme@example.org', country: 'KE', phone: '+254 1' });
    expect(json<any[]>(await run(['--db', db2, 'rejects', '--json']))).toEqual([]);
  });

  it('formula-looking headers are neutralised in the sheet', async () => {
    const db3 = path.join(dir, 'formula.db');
    const f = write('formula.csv', 'Organization,Email,=HYPERLINK("x")\nNo mail,,1\n');
    await run(['--db', db3, 'import', f, '--call', 'c']);
    const head = (await run(['--db', db3, 'rejects', '--csv'])).stdout.split(/\r?\n/)[0]!;
    expect(head).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

/** A form's export: one applicant accepted, one without an email (rejected). */
const FORM = [
  'Timestamp,Name of your organization,Email Address',
  '26/06/2022 13:46:19,Kampala Youth Skills,grace@example.org',
  '27/06/2022 09:00:00,Lima Tech Hub,',
];

describe('the original export imported again after its rejects were fixed', () => {
  it('does not bring the fixed rows back into rejects, and says so; a row rejected anew is listed', async () => {
    const db = path.join(dir, 'again.db');
    const lines = [...FORM];
    const forms = write('responses.csv', lines.join('\n'));
    expect((await run(['--db', db, 'import', forms, '--call', '2022'])).code).toBe(0);
    const sheet = path.join(dir, 'again-fix.csv');
    const rejected = await run(['--db', db, 'rejects', '--csv']);
    expect(rejected.code).toBe(0);
    fs.writeFileSync(sheet, rejected.stdout.replace('Lima Tech Hub,,', 'Lima Tech Hub,lima@example.org,'));
    expect((await run(['--db', db, 'import', sheet, '--call', '2022'])).code).toBe(0);
    expect(json<any[]>(await run(['--db', db, 'rejects', '--json']))).toEqual([]);

    // The form's export downloaded again, one more response in it, one of them without an email.
    write('responses.csv', [...lines, '28/06/2022 10:00:00,Quito Makers,'].join('\n'));
    const again = await run(['--db', db, 'import', forms, '--call', '2022', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(json(again)).toMatchObject({ rows: 3, unchanged: 1, rejected: 2, files: [{ rejectedFixedBefore: 1 }] });
    expect(json<any[]>(await run(['--db', db, 'rejects', '--json'])).map((r) => r.organization ?? r.raw?.['Name of your organization'])).toEqual(['Quito Makers']);
    const text = await run(['--db', db, 'import', forms, '--call', '2022']);
    expect(text.stderr).toMatch(/^1 row was rejected: see them with skillsnet rejects/m);
    expect(text.stderr).toMatch(/^1 row was rejected as before, but its fixed copy was imported already: skillsnet rejects does not list it again$/m);
  });
});

describe('the export downloaded again under another name (a browser saves "responses (1).csv")', () => {
  it('keeps the rejects fixed since out of rejects: the row, not the file name, says it is the same', async () => {
    const db = path.join(dir, 'renamed.db');
    const lines = [...FORM];
    expect((await run(['--db', db, 'import', write('form.csv', lines.join('\n')), '--call', '2022'])).code).toBe(0);
    const rejected = await run(['--db', db, 'rejects', '--csv']);
    const sheet = write('renamed-fix.csv', rejected.stdout.replace('Lima Tech Hub,,', 'Lima Tech Hub,lima@example.org,'));
    expect((await run(['--db', db, 'import', sheet, '--call', '2022'])).code).toBe(0);

    const later = write('form (1).csv', [...lines, '28/06/2022 10:00:00,Quito Makers,'].join('\n'));
    const again = await run(['--db', db, 'import', later, '--call', '2022', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(json(again)).toMatchObject({ rows: 3, unchanged: 1, rejected: 2, files: [{ rejectedFixedBefore: 1 }] });
    expect(json<any[]>(await run(['--db', db, 'rejects', '--json'])).map((r) => r.organization ?? r.raw?.['Name of your organization'])).toEqual(['Quito Makers']);
  });
});

describe('the export downloaded again under another name before its rejects were fixed (a nightly download)', () => {
  it('lists a row every download rejected alike once, from the latest download, and none of its copies once it is fixed', async () => {
    const db = path.join(dir, 'nightly.db');
    const lines = [...FORM];
    expect((await run(['--db', db, 'import', write('night-1.csv', lines.join('\n')), '--call', '2022'])).code).toBe(0);
    const later = [...lines, '28/06/2022 10:00:00,Quito Makers,'];
    expect((await run(['--db', db, 'import', write('night-2.csv', later.join('\n')), '--call', '2022'])).code).toBe(0);
    const listed = json<any[]>(await run(['--db', db, 'rejects', '--json']));
    expect(listed.map((r) => [r.file, r.raw['Name of your organization']])).toEqual([['night-2.csv', 'Lima Tech Hub'], ['night-2.csv', 'Quito Makers']]);
    // every copy is still there for --all
    expect(json<any[]>(await run(['--db', db, 'rejects', '--json', '--all'])).length).toBe(3);

    const sheet = await run(['--db', db, 'rejects', '--csv']);
    expect(sheet.stdout.match(/Lima Tech Hub/g)).toHaveLength(1);
    const fixed = write('nightly-fix.csv', sheet.stdout.replace('Lima Tech Hub,,', 'Lima Tech Hub,lima@example.org,'));
    expect(json(await run(['--db', db, 'import', fixed, '--call', '2022', '--json']))).toMatchObject({ inserted: 1, rejected: 1 });
    // the first night's copy of the fixed row does not come back
    expect(json<any[]>(await run(['--db', db, 'rejects', '--json'])).map((r) => r.raw['Name of your organization'])).toEqual(['Quito Makers']);
  });
});

describe('a rejects sheet imported with only some of its rows fixed', () => {
  it('keeps the rows left unfixed in rejects, counts only the fixed ones, and a later download does not hide them', async () => {
    const db = path.join(dir, 'partly.db');
    const lines = [
      'Timestamp,Name of your organization,Email Address',
      '27/06/2022 09:00:00,Lima Tech Hub,',
      '28/06/2022 10:00:00,Quito Makers,',
    ];
    expect((await run(['--db', db, 'import', write('partly.csv', lines.join('\n')), '--call', '2022'])).code).toBe(0);
    const sheet = await run(['--db', db, 'rejects', '--csv']);
    const fixed = write('partly-fix.csv', sheet.stdout.replace('Lima Tech Hub,,', 'Lima Tech Hub,lima@example.org,'));
    const r = await run(['--db', db, 'import', fixed, '--call', '2022', '--json']);
    expect(json(r)).toMatchObject({ inserted: 1, rejected: 1, files: [{ resolvedRejects: 1, rejectedFixedBefore: 0 }] });
    expect(r.stderr).not.toMatch(/fixed copy was imported already/);
    const names = async () => json<any[]>(await run(['--db', db, 'rejects', '--json'])).map((x) => [x.file, x.raw['Name of your organization']]);
    expect(await names()).toEqual([['partly-fix.csv', 'Quito Makers']]);

    // the form's export downloaded again: Quito still has no email there
    const again = await run(['--db', db, 'import', write('partly (1).csv', lines.join('\n')), '--call', '2022', '--json']);
    expect(json(again)).toMatchObject({ rejected: 2, files: [{ rejectedFixedBefore: 1 }] });
    expect(await names()).toEqual([['partly (1).csv', 'Quito Makers']]);
  });
});

describe('a download cut short after its header, imported under the file\'s name', () => {
  it('imports nothing and leaves the rejects of the file\'s earlier import listed', async () => {
    const db = path.join(dir, 'cut.db');
    const form = write('cut-form.csv', FORM.join('\n'));
    expect((await run(['--db', db, 'import', form, '--call', '2022'])).code).toBe(0);
    write('cut-form.csv', FORM[0]!);
    const cut = await run(['--db', db, 'import', form, '--call', '2022', '--json']);
    expect(json(cut)).toMatchObject({ rows: 0, inserted: 0, rejected: 0 });
    expect(json<any[]>(await run(['--db', db, 'rejects', '--json'])).map((r) => r.raw['Name of your organization'])).toEqual(['Lima Tech Hub']);
  });
});

describe('rejects sheets of two layouts fixed one after the other under the same name (fix.csv)', () => {
  it('keeps the rows the first sheet rejected again listed: the second sheet, of other columns, is not the first imported again', async () => {
    const db = path.join(dir, 'two-sheets.db');
    const forms = write('two-forms.csv', ['Timestamp,Name of your organization,Email Address', '27/06/2022 09:00:00,Alpha Org,', '27/06/2022 09:01:00,Beta Org,'].join('\n'));
    const excel = write('two-excel.csv', ['Organisation;Courriel;Pays;Description', 'Atelier Thiès;;Sénégal;Formation en alternance'].join('\n'));
    expect((await run(['--db', db, 'import', forms, excel, '--call', '2022'])).code).toBe(0);
    const listed = async () => json<any[]>(await run(['--db', db, 'rejects', '--json']));
    const sheetOf = async (org: string) => (await listed()).find((r) => Object.values(r.raw).includes(org))!.sheet as number;
    const fix = path.join(dir, 'two-fix.csv');
    // the forms' sheet: Alpha fixed, Beta left as it was
    const first = await run(['--db', db, 'rejects', '--csv', '--file', String(await sheetOf('Alpha Org'))]);
    fs.writeFileSync(fix, first.stdout.replace('Alpha Org,,', 'Alpha Org,alpha@example.org,'));
    expect(json(await run(['--db', db, 'import', fix, '--call', '2022', '--json']))).toMatchObject({ inserted: 1, rejected: 1 });
    // the workbook's sheet, saved under the same name
    const second = await run(['--db', db, 'rejects', '--csv', '--file', String(await sheetOf('Atelier Thiès'))]);
    fs.writeFileSync(fix, second.stdout.replace('Atelier Thiès;;', 'Atelier Thiès;thies@example.org;'));
    expect(json(await run(['--db', db, 'import', fix, '--call', '2022', '--json']))).toMatchObject({ inserted: 1, rejected: 0 });
    expect((await listed()).map((r) => [r.file, r.raw['Name of your organization']])).toEqual([['two-fix.csv', 'Beta Org']]);
    // the same layout's sheet under that name again does replace it: Beta fixed at last
    const third = await run(['--db', db, 'rejects', '--csv']);
    fs.writeFileSync(fix, third.stdout.replace('Beta Org,,', 'Beta Org,beta@example.org,'));
    expect(json(await run(['--db', db, 'import', fix, '--call', '2022', '--json']))).toMatchObject({ inserted: 1, rejected: 0 });
    expect(await listed()).toEqual([]);
  });
});

describe('rejects of two calls', () => {
  it('are never one sheet, and a sheet imported into another call than its rows\' is refused (exit 2, nothing imported)', async () => {
    const db = path.join(dir, 'two-calls.db');
    const head = 'Timestamp,Name of your organization,Email Address';
    expect((await run(['--db', db, 'import', write('calls-2021.csv', [head, '27/06/2021 09:00:00,Alpha Org,'].join('\n')), '--call', '2021'])).code).toBe(0);
    expect((await run(['--db', db, 'import', write('calls-2022.csv', [head, '27/06/2022 09:00:00,Beta Org,'].join('\n')), '--call', '2022'])).code).toBe(0);
    expect(json<any[]>(await run(['--db', db, 'rejects', '--json'])).map((r) => [r.call, r.sheet])).toEqual([['2021', 1], ['2022', 2]]);
    const both = await run(['--db', db, 'rejects', '--csv']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^error: the rejected rows come from 2 calls \(2021, 2022\), and a fixed sheet is imported into one call\n {2}.*--file N: 1 = calls-2021\.csv \(call 2021\); 2 = calls-2022\.csv \(call 2022\)$/m);
    const out = path.join(dir, 'two-calls-fix');
    const written = await run(['--db', db, 'rejects', '--csv', '--out', out]);
    expect(written.stderr).toContain('rejects-1-calls-2021.csv: 1 rejected row of calls-2021.csv (call 2021)');
    expect(written.stderr).toMatch(/import each file again into its call .*--call 2021$/m);
    // 2021's sheet, fixed, given to 2022: Alpha would be a 2022 application and 2021's reject left open
    const sheet = (await run(['--db', db, 'rejects', '--csv', '--call', '2021'])).stdout.replace('Alpha Org,,', 'Alpha Org,alpha@example.org,');
    const fixed = write('calls-fix.csv', sheet);
    const wrong = await run(['--db', db, 'import', fixed, '--call', '2022', '--yes']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^error: calls-fix\.csv holds rejected rows of call "2021" \(R\d+\), not of "2022": they would become applications of "2022"\n {2}import it with --call 2021 \(nothing of calls-fix\.csv was imported\)\n$/);
    expect(json<any[]>(await run(['--db', db, 'list', '--json', '--call', '2022']))).toEqual([]);
    expect(json(await run(['--db', db, 'import', fixed, '--call', '2021', '--json']))).toMatchObject({ inserted: 1, files: [{ resolvedRejects: 1 }] });
    expect(json<any[]>(await run(['--db', db, 'rejects', '--json'])).map((r) => r.call)).toEqual(['2022']);
  });
});

describe('a rejects sheet whose fixed row was rejected again for another reason', () => {
  it('the next download of the form does not say the fixed copy was imported: the copy is listed in rejects', async () => {
    const db = path.join(dir, 'other-reason.db');
    const forms = write('other-reason.csv', FORM.join('\n'));
    expect((await run(['--db', db, 'import', forms, '--call', '2022'])).code).toBe(0);
    const sheet = await run(['--db', db, 'rejects', '--csv']);
    // the email typed in, but not an address: rejected again, now as an invalid email
    const fix = write('other-reason-fix.csv', sheet.stdout.replace('Lima Tech Hub,,', 'Lima Tech Hub,lima at example,'));
    expect(json(await run(['--db', db, 'import', fix, '--call', '2022', '--json']))).toMatchObject({ rejected: 1, inserted: 0 });
    const listed = () => run(['--db', db, 'rejects', '--json']).then((r) => json<any[]>(r).map((x) => [x.file, x.reasons]));
    expect(await listed()).toEqual([['other-reason-fix.csv', ['invalid email']]]);

    const again = await run(['--db', db, 'import', forms, '--call', '2022', '--json']);
    expect(json(again)).toMatchObject({ rejected: 1, files: [{ rejectedFixedBefore: 1, rejectedCopyRejectedBefore: 1 }] });
    const text = await run(['--db', db, 'import', forms, '--call', '2022']);
    expect(text.stderr).not.toMatch(/fixed copy was imported already/);
    expect(text.stderr).toMatch(/^1 row was rejected as before and is not listed again: a changed copy came in already, with an import that rejected changed rows too; a copy rejected again is listed by skillsnet rejects/m);
    // still listed once: the sheet's copy
    expect(await listed()).toEqual([['other-reason-fix.csv', ['invalid email']]]);
  });
});

describe('a corrected copy of the export that leaves another row unfixed', () => {
  it('the next download says the fixed row came in: the copy rejected no changed row, only the unfixed one as before', async () => {
    const db = path.join(dir, 'corrected.db');
    const header = 'Timestamp,Name of your organization,Email Address,Country,Main beneficiaries';
    const lima = '27/06/2022 09:00:00,Lima Tech Hub,,Peru,Refugees';
    const quito = '28/06/2022 10:00:00,Quito Makers,,Ecuador,Youth';
    const kampala = '26/06/2022 13:46:19,Kampala Youth Skills,grace@example.org,Uganda,Women';
    const forms = write('corrected-responses.csv', [header, kampala, lima, quito].join('\n'));
    expect((await run(['--db', db, 'import', forms, '--call', '2022'])).code).toBe(0);
    // the officer typed Lima's email into the export itself; Quito's is still missing
    const copy = write('corrected-copy.csv', [header, kampala, lima.replace(',,', ',lima@example.org,'), quito].join('\n'));
    expect(json(await run(['--db', db, 'import', copy, '--call', '2022', '--json']))).toMatchObject({ rejected: 1, files: [{ resolvedRejects: 1 }] });

    const again = await run(['--db', db, 'import', forms, '--call', '2022', '--json']);
    expect(json(again)).toMatchObject({ rejected: 2, files: [{ rejectedFixedBefore: 1, rejectedCopyRejectedBefore: 0 }] });
    const text = await run(['--db', db, 'import', forms, '--call', '2022']);
    expect(text.stderr).toMatch(/^1 row was rejected as before, but its fixed copy was imported already/m);
  });
});
