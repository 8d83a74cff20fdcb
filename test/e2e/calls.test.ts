/**
 * Issue 13, items 5-7, through the built CLI: two calls in one database, scales, an unscored
 * call, a roster after reviewers scored, a replacement nobody can take, and contacts a mail
 * merge can use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { json, runCli, tempDir } from './support/cli.js';

const dir = tempDir('skillsnet-e2e-calls-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const db = path.join(dir, 'network.db');
const cli = (...args: string[]) => runCli(['--db', db, ...args], { cwd: dir });

// 2020: scores 0-10, the one Asia and the Pacific applicant is "Andrés". 2021: scores 0-100,
// Andrés again (new spelling, new phone). 2022: nobody scored.
const CALL_2020 = `Application ID,Organisation,Email,First name,Last name,Phone,Country,Language,Score
A1,Taller Abierto,andres@example.org,Andres,Garcia,+63 2 8000 1111,Philippines,es,6
A2,Escuela Técnica,joseluis@example.org,José Luis,Rodríguez,+34 91 000 0000,Spain,es,9
A3,Skills Kenya,wanjiru@example.org,Wanjiru,Kamau,+254 20 000 0000,Kenya,en,8.5
A4,Centre Dakar,awa@example.org,Awa,Ndiaye,+221 33 000 0000,Senegal,fr,7
A5,Instituto Lima,rosa@example.org,Rosa,Quispe,+51 1 000 0000,Peru,es,8.8
A6,Amman Works,layla@example.org,Layla,Haddad,+962 6 000 0000,Jordan,en,7.9
A7,Lyon Formation,claire@example.org,Claire,Martin,+33 4 00 00 00 00,France,fr,8.7
A8,Accra Makers,kofi@example.org,Kofi,Mensah,+233 30 000 0000,Ghana,en,5
`;
const CALL_2021 = `Application ID,Organisation,Email,Contact name,Phone,Country,Language,Score
B1,Taller Abierto Nuevo,andres@example.org,Andrés García Márquez,+52 55 2222 2222,Mexico,es,87
B2,Bogotá Aprende,camila@example.org,Camila Torres,+57 1 000 0000,Colombia,es,45
`;
const CALL_2022 = `Organisation,Email,Contact name,Country,Language
Red Uno,uno@example.org,Ana Uno,Chile,es
Red Dos,dos@example.org,Ana Dos,Kenya,en
Red Tres,tres@example.org,Ana Tres,India,en
`;

beforeAll(() => {
  for (const [call, text] of [['2020', CALL_2020], ['2021', CALL_2021], ['2022', CALL_2022]]) {
    const file = path.join(dir, `${call}.csv`);
    fs.writeFileSync(file, text);
    const r = runCli(['--db', db, 'import', file, '--call', call]);
    expect(r.code, r.stderr).toBe(0);
  }
});

describe('calls kept apart', () => {
  it('select without --call is refused (exit 2), naming the calls and both ways out', () => {
    const r = cli('select', '--size', '3');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: this database holds 3 calls \(2020, 2021, 2022\): say which with --call NAME, or use them together with --all-calls$/m);
    expect(cli('export', 'contacts', '--out', 'c.csv').code).toBe(2);
  });

  it('stats and categories over every call say that they count several calls, and how to count one', () => {
    const stats = cli('stats');
    expect(stats.code, stats.stderr).toBe(0);
    expect(stats.stderr).toContain('13 applications in 3 calls (2020, 2021, 2022; --call NAME for one, --by call for each)');
    expect(cli('stats', '--call', '2021').stderr).toMatch(/^2 applications$/m);
    expect(cli('categories').stderr).toMatch(/^13 applications in 3 calls \(2020, 2021, 2022; --call NAME for one\), 13 without a category/m);
    // the calls of the applications counted, not every call of the database: Chile's are 2022's alone
    expect(cli('stats', '--country', 'CL').stderr).toMatch(/^1 application$/m);
    expect(cli('categories', '--country', 'KE').stderr).toMatch(/^2 applications in 2 calls \(2020, 2022; --call NAME for one\)/m);
  });

  it('list shows the call column', () => {
    const lines = cli('list').stdout.trim().split('\n');
    expect(lines[0].split('\t').slice(0, 3)).toEqual(['ID', 'Organisation', 'Call']);
    expect(lines.filter((l) => l.split('\t')[2] === '2021')).toHaveLength(2);
  });

  it('--all-calls with scores on different scales: refused, then rescaled on request', () => {
    const refused = cli('select', '--size', '3', '--call', '2020', '--dry-run');
    expect(refused.code, refused.stderr).toBe(0);
    const mixed = cli('select', '--size', '3', '--all-calls', '--min-score', '0', '--dry-run');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/scores on different scales/);
    expect(mixed.stderr).toContain('call 2021: application scores 45–87, read as 0–100');
    const rescaled = cli('select', '--size', '3', '--all-calls', '--min-score', '0', '--rescale-scores', '--dry-run', '--json');
    expect(rescaled.code, rescaled.stderr).toBe(0);
    expect(rescaled.stderr).toMatch(/warning: scores of different calls put on one scale/);
    expect(json(rescaled).members.map((m: any) => m.score)).toEqual([9, 8.8, 8.7]);
    // each member and alternate says its call, and the table has a Call column when they differ
    expect(json(rescaled).members.map((m: any) => m.call)).toEqual(['2020', '2020', '2020']);
    const table = cli('select', '--size', '3', '--all-calls', '--min-score', '0', '--rescale-scores', '--dry-run');
    expect(table.stdout.split('\n')[0]!.split('\t').slice(0, 4)).toEqual(['Rank', 'ID', 'Organisation', 'Call']);
    expect(table.stdout).toMatch(/\t2021\t/);
    expect(cli('select', '--size', '3', '--call', '2020', '--dry-run').stdout.split('\n')[0]).not.toMatch(/Call/);
  });

  it('a call nobody scored: no "Total score 0 (proven optimal)", but a question, then an explicit order', () => {
    const r = cli('select', '--size', '2', '--call', '2022', '--dry-run');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/none of the 3 eligible applications has a score/);
    expect(r.stderr).toMatch(/skillsnet scores import FILE/);
    const ordered = cli('select', '--size', '2', '--call', '2022', '--order', 'random', '--seed', '3', '--dry-run');
    expect(ordered.code, ordered.stderr).toBe(0);
    expect(ordered.stderr).toMatch(/No application has a score: the members are the first in a random draw \(seed 3\) that meet the quotas, not the best/);
    expect(ordered.stderr).not.toMatch(/Total score/);
  });
});

describe('the Core Group roster as a living list', () => {
  it('roster md, csv and json carry the reviewers\' scores after scores import', () => {
    const sheet = path.join(dir, 'reviews.csv');
    fs.writeFileSync(sheet, 'Application ID,Reviewer,Score\nA1,Ana,3\nA2,Ana,9\nA3,Ana,6\nA4,Ana,8\nA5,Ana,2\nA6,Ana,5\nA7,Ana,4\nA8,Ana,7\n');
    expect(cli('scores', 'import', sheet, '--scale', '0-10').code).toBe(0);
    const sel = cli('select', '--size', '5', '--call', '2020', '--min-per-region', '1', '--max-per-country', '1', '--name', 'core-2020', '--json');
    expect(sel.code, sel.stderr).toBe(0);
    const members = json(sel).members;
    expect(members.every((m: any) => m.scoreSource === 'reviewers')).toBe(true);
    for (const format of ['md', 'csv', 'json']) expect(cli('export', 'roster', 'core-2020', '--format', format, '--out', `core.${format}`).code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'core.json'), 'utf8'));
    expect(doc.members.map((m: any) => [m.id, m.score])).toEqual(members.map((m: any) => [m.id, m.score]));
    const csv = parse(fs.readFileSync(path.join(dir, 'core.csv')), { columns: true, bom: true }) as Record<string, string>[];
    expect(csv.filter((r) => r.role === 'member').map((r) => Number(r.score))).toEqual(members.map((m: any) => m.score));
    expect(csv.every((r) => r.score !== '')).toBe(true);
    const md = fs.readFileSync(path.join(dir, 'core.md'), 'utf8');
    expect(md).toMatch(/^\| Rank \| ID \| Organisation \|/m);
    expect(md).toContain(`| 1 | ${members[0].id} |`);
  });

  it('a replacement nobody can take names the binding quota and offers --leave-open and --relax', () => {
    const asia = json(cli('list', '--call', '2020', '--region', 'Asia and the Pacific', '--json'))[0].id;
    const r = cli('roster', 'replace', 'core-2020', String(asia));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/without breaking this quota:\n {2}- region Asia and the Pacific at least 1: /);
    expect(r.stderr).not.toMatch(/country [A-Z]{2}/);
    expect(r.stderr).toContain(`--leave-open`);
    expect(r.stderr).toContain(`--relax "region=Asia and the Pacific"`);
    expect(r.stderr).not.toMatch(/Andr|Garc/);
    const open = cli('roster', 'replace', 'core-2020', String(asia), '--leave-open', '--json');
    expect(open.code, open.stderr).toBe(0);
    expect(json(open)).toMatchObject({ from: 'open', added: null, saved: true });
  });
});

describe('contacts a mail merge can use', () => {
  const contactRows = (file: string) => parse(fs.readFileSync(path.join(dir, file)), { columns: true, bom: true }) as Record<string, string>[];

  it('csv: one row per person, the latest details, first name, salutation and calls', () => {
    const r = cli('export', 'contacts', '--all-calls', '--out', 'contacts.csv');
    expect(r.code, r.stderr).toBe(0);
    const rows = contactRows('contacts.csv');
    expect(rows.filter((x) => x.email === 'andres@example.org')).toHaveLength(1);
    expect(rows.find((x) => x.email === 'andres@example.org')).toMatchObject({
      name: 'Andrés García Márquez', first_name: 'Andrés', last_name: 'García Márquez', salutation: 'Hola, Andrés', calls: '2020|2021',
      phone: "'+52 55 2222 2222", other_phones: "'+63 2 8000 1111", organisation: 'Taller Abierto Nuevo', country: 'Mexico',
    });
    expect(rows.find((x) => x.email === 'joseluis@example.org')).toMatchObject({ first_name: 'José Luis', last_name: 'Rodríguez', salutation: 'Hola, José Luis' });
    expect(rows.find((x) => x.email === 'awa@example.org')).toMatchObject({ salutation: 'Bonjour Awa' });
  });

  it('outlook: First and Last whole, nothing in Middle, the second phone in Business Phone 2', () => {
    expect(cli('export', 'contacts', '--all-calls', '--format', 'outlook', '--out', 'outlook.csv').code).toBe(0);
    const rows = contactRows('outlook.csv');
    expect(rows.find((x) => x['E-mail Address'] === 'andres@example.org')).toMatchObject({
      'First Name': 'Andrés', 'Middle Name': '', 'Last Name': 'García Márquez', 'Business Phone': '+52 55 2222 2222', 'Business Phone 2': '+63 2 8000 1111',
    });
    expect(rows.find((x) => x['E-mail Address'] === 'joseluis@example.org')).toMatchObject({ 'First Name': 'José Luis', 'Middle Name': '', 'Last Name': 'Rodríguez' });
  });

  it('vcf: N with the family and given names whole, one TEL per number', () => {
    expect(cli('export', 'contacts', '--all-calls', '--format', 'vcf', '--out', 'contacts.vcf').code).toBe(0);
    const cards = fs.readFileSync(path.join(dir, 'contacts.vcf'), 'utf8').replace(/\r\n /g, '').split('END:VCARD');
    const andres = cards.find((c) => c.includes('EMAIL;TYPE=INTERNET,PREF:andres@example.org'))!;
    expect(andres).toContain('FN:Andrés García Márquez\r\n');
    expect(andres).toContain('N:García Márquez;Andrés;;;\r\n');
    expect(andres.match(/^TEL;/gm)).toHaveLength(2);
    const jl = cards.find((c) => c.includes('joseluis@example.org'))!;
    expect(jl).toContain('N:Rodríguez;José Luis;;;\r\n');
  });
});

describe('a second call imported without --call', () => {
  // An officer imported the 2021 call (a 0–100 form, submitted a year later) and forgot --call:
  // it went into call 2020, and select ranked every 2021 application above every 2020 one.
  const one = path.join(dir, 'one-call.db');
  const run = (...args: string[]) => runCli(['--db', one, ...args], { cwd: dir });
  const file = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const first = `Application ID,Organisation,Email,Contact name,Country,Submitted,Score
C1,Taller Uno,uno@example.org,Ana Uno,Chile,2020-03-02,6.5
C2,Taller Dos,dos@example.org,Ana Dos,Kenya,2020-03-20,8
`;
  it('is refused (exit 2) with the two --call to choose from when its dates or its scale are another call\'s', () => {
    expect(run('import', file('c2020.csv', first)).code).toBe(0);
    const later = file('c2021.csv', `Application ID,Organisation,Email,Contact name,Country,Submitted,Score\nD1,Red Tres,tres@example.org,Ana Tres,Peru,2021-04-02,87\n`);
    const r = run('import', later);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^error: c2021\.csv looks like another call than "default", the only call in this database: its applications were submitted on 2021-04-02, the call's from 2020-03-02 to 2020-03-20; its scores \(87–87\) read as 0–100, the call's \(6\.5–8\) as 0–10$/m);
    expect(r.stderr).toContain('--call 2021 to start a new call, or --call default to add these applications to it');
    expect(json<unknown[]>(run('list', '--json'))).toHaveLength(2);
    // behind a file of the same call, that one is kept (a transaction per file) and the message says so
    const other = path.join(dir, 'one-call-two-files.db');
    const inOther = (...args: string[]) => runCli(['--db', other, ...args], { cwd: dir });
    expect(inOther('import', path.join(dir, 'c2020.csv')).code).toBe(0);
    const same = file('c2020-same.csv', `Application ID,Organisation,Email,Contact name,Country,Submitted,Score\nC4,Taller Cuatro,cuatro@example.org,Ana Cuatro,Chile,2020-03-10,7\n`);
    const both = inOther('import', same, later);
    expect(both.code, both.stderr).toBe(2);
    expect(both.stderr).toContain('(nothing of c2021.csv was imported)\n  already imported and kept: c2020-same.csv');
    expect(json<unknown[]>(inOther('list', '--json'))).toHaveLength(3);
    // a date the import cannot read (kept as written) is no part of the dates the message names
    const odd = run('import', file('c2021-odd.csv', `Application ID,Organisation,Email,Contact name,Country,Submitted,Score\nD1,Red Tres,tres@example.org,Ana Tres,Peru,2021-04-02,87\nD2,Red Cuatro,cuatro@example.org,Ana Cuatro,Peru,9/31/2021 ,90\n`));
    expect(odd.code, odd.stderr).toBe(2);
    expect(odd.stderr).toMatch(/its applications were submitted on 2021-04-02, the call's/);
    // the same scale and season: a late file of the same call still goes in without --call
    expect(run('import', file('c2020-late.csv', `Application ID,Organisation,Email,Contact name,Country,Submitted,Score\nC3,Taller Tres,tres@example.org,Ana Tres,Peru,2020-04-30,7\n`)).code).toBe(0);
    // and naming the call says what was meant
    expect(run('import', later, '--call', '2021').code).toBe(0);
    expect(json<unknown[]>(run('list', '--json', '--call', 'default'))).toHaveLength(3);
  });

  it('a new --call in another case than a known call, or named for another year than its submissions, is refused (exit 2, nothing imported)', () => {
    const named = path.join(dir, 'named-calls.db');
    const inNamed = (...args: string[]) => runCli(['--db', named, ...args], { cwd: dir });
    const spring2021 = file('spring-2021.csv', `Application ID,Organisation,Email,Contact name,Country,Submitted,Score\nE1,Red Cinco,cinco@example.org,Ana Cinco,Peru,15/03/2021,7\nE2,Red Seis,seis@example.org,Ana Seis,Chile,18/03/2021,8\n`);
    expect(inNamed('import', spring2021, '--call', 'SIC-2021').code).toBe(0);
    // "sic-2021" beside "SIC-2021" would split one call in two that --call filters tell apart
    const cased = inNamed('import', spring2021, '--call', 'sic-2021', '--yes');
    expect(cased.code).toBe(2);
    expect(cased.stderr).toBe('error: there is a call "SIC-2021" already, not "sic-2021": call names are compared as written, and a second one would split the call\n  add these applications to it with --call SIC-2021\n');
    // an en dash pasted from a document reads as the hyphen: the message spells it out
    const dashed = inNamed('import', spring2021, '--call', 'SIC\u20132021');
    expect(dashed.code).toBe(2);
    expect(dashed.stderr).toContain('there is a call "SIC-2021" already, not "SIC\u20132021" (written SIC<U+2013>2021: pasted text brings characters that look like others or show as nothing)');
    // "2012" for applications of March 2021: a typo, which no command could undo afterwards
    // (the export saved again with other line ends: not the bytes SIC-2021 has, which are refused as such)
    const resaved = file('spring-2021-resaved.csv', fs.readFileSync(spring2021, 'utf8').replace(/\r?\n/g, '\r\n'));
    for (const dry of [[], ['--dry-run']]) {
      const typo = inNamed('import', resaved, '--call', '2012', ...dry);
      expect(typo.code, typo.stderr).toBe(2);
      expect(typo.stderr).toMatch(/^error: "2012" would be a new call, but spring-2021-resaved\.csv does not look like it: its applications were submitted from 2021-03-15 to 2021-03-18, not around 2012\n  check the name: --call 2021 for the year they were submitted, or add --yes to start call 2012 all the same/);
    }
    // a name the --call filters would answer with "did you mean" ("SIC-2O21", "SIC2021"): asked about, not started
    for (const mistyped of ['SIC-2O21', 'SIC2021']) {
      const near = inNamed('import', spring2021, '--call', mistyped, '--json');
      expect(near.code, near.stderr).toBe(2);
      expect(near.stderr).toBe(`error: "${mistyped}" would be a new call, but it reads like the call "SIC-2021" mistyped: a call cannot be renamed afterwards\n  add these applications to that call with --call SIC-2021, or add --yes to start call ${mistyped} all the same\n`);
      expect(json<{ error: string }>(near).error).toContain('reads like the call "SIC-2021" mistyped');
    }
    expect(json<{ call: string }[]>(inNamed('list', '--json')).map((a) => a.call)).toEqual(['SIC-2021', 'SIC-2021']);
    // a call named for its cohort, a year after its submissions, is no typo; --yes starts the odd one all the same
    const otherSpring = (n: number) => file(`spring-2021-${n}.csv`, `Application ID,Organisation,Email,Contact name,Country,Submitted,Score\nF${n},Red ${n},red${n}@example.org,Ana ${n},Peru,16/03/2021,7\n`);
    expect(inNamed('import', otherSpring(1), '--call', 'cohort 2022').code).toBe(0);
    expect(inNamed('import', spring2021, '--call', '2012', '--yes').code).toBe(0);
    expect(json<{ call: string }[]>(inNamed('list', '--json', '--call', '2012'))).toHaveLength(2);
    // another year's call is no typo of this one, and --yes starts a lookalike all the same
    expect(inNamed('import', otherSpring(2), '--call', 'SIC-2022').code).toBe(0);
    expect(inNamed('import', spring2021, '--call', 'SIC2021', '--yes').code).toBe(0);
  });

  it('a new --call given a file already imported into another call imports it with a warning that each application is there twice, silenced by --yes', () => {
    const twice = path.join(dir, 'twice.db');
    const inTwice = (...args: string[]) => runCli(['--db', twice, ...args], { cwd: dir });
    const nightly = file('nightly.csv', `Application ID,Organisation,Email,Contact name,Country,Submitted,Score\nN1,Red Uno,uno@example.org,Ana Uno,Peru,15/03/2021,7\nN2,Red Dos,dos@example.org,Ana Dos,Chile,18/03/2021,8\n`);
    expect(inTwice('import', nightly, '--call', '2021').code).toBe(0);
    const warning = /this file was imported into call "2021" already \(batch 1, [0-9-]+ [0-9:]+ UTC\): its applications are in the new call "2022" as well, a second copy of each\. If --call was a mistake, take them out of "2022" with skillsnet list --call 2022 and skillsnet withdraw ID; add --yes when a new call from such a file is meant/;
    // the script's --call says 2022 (a year off: no typo by its name), the file is last night's, byte for byte
    const dry = inTwice('import', nightly, '--call', '2022', '--json', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    // (a dry run saved nothing: it says what the import would do, and takes nothing out)
    expect(json<{ files: { warnings: string[] }[] }>(dry).files[0]!.warnings[0]).toMatch(/this file was imported into call "2021" already \(batch 1, [0-9-]+ [0-9:]+ UTC\): its applications would be in the new call "2022" as well, a second copy of each\. If --call is a mistake, import into call "2021" with --call 2021; add --yes when a new call from such a file is meant/);
    expect(json<{ call: string }[]>(inTwice('list', '--json')).map((a) => a.call)).toEqual(['2021', '2021']);
    const again = inTwice('import', nightly, '--call', '2022');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`warning: nightly\\.csv: ${warning.source}`));
    expect(json<{ call: string }[]>(inTwice('list', '--json')).map((a) => a.call).sort()).toEqual(['2021', '2021', '2022', '2022']);
    // into its own call it is the same file again, with no warning; with --yes a new call starts without one
    const own = inTwice('import', nightly, '--call', '2021', '--json');
    expect(json<{ unchanged: number }>(own).unchanged).toBe(2);
    expect(own.stderr).not.toMatch(/imported into call/);
    const meant = inTwice('import', nightly, '--call', '2023', '--yes');
    expect(meant.code).toBe(0);
    expect(meant.stderr).not.toMatch(/imported into call/);
    expect(json<unknown[]>(inTwice('list', '--json', '--call', '2023'))).toHaveLength(2);
  });

  it('a file imported first without --call (into "default"), then with one, names "default" as the copy to take out too', () => {
    const first = path.join(dir, 'twice-default.db');
    const inFirst = (...args: string[]) => runCli(['--db', first, ...args], { cwd: dir });
    const forgot = file('forgot-call.csv', `Application ID,Organisation,Email,Contact name,Country,Submitted,Score\nD1,Red Uno,uno@example.org,Ana Uno,Peru,15/03/2021,7\n`);
    expect(inFirst('import', forgot).code).toBe(0);
    const named = inFirst('import', forgot, '--call', '2021');
    expect(named.code, named.stderr).toBe(0);
    expect(named.stderr).toMatch(/If --call was a mistake, take them out of "2021" with skillsnet list --call 2021 and skillsnet withdraw ID \(or, if the first import's missing --call was, out of "default": skillsnet list --call default\); add --yes/);
    // (a call named on purpose is no forgotten --call: not said of it)
    const again = inFirst('import', forgot, '--call', '2022');
    expect(again.stderr).toMatch(/imported into call "(default|2021)" already/);
    expect(again.stderr).not.toMatch(/out of "2021": skillsnet list --call 2021\)/);
  });

  it('of several files into a new call, only the one imported into another call before carries the warning', () => {
    const twice = path.join(dir, 'twice-several.db');
    const inTwice = (...args: string[]) => runCli(['--db', twice, ...args], { cwd: dir });
    const head = 'Application ID,Organisation,Email,Contact name,Country,Submitted,Score\n';
    const old = file('several-old.csv', `${head}S1,Red Uno,uno@example.org,Ana Uno,Peru,15/03/2021,7\n`);
    expect(inTwice('import', old, '--call', '2021').code).toBe(0);
    const fresh = file('several-new.csv', `${head}S2,Red Dos,dos@example.org,Ana Dos,Chile,18/03/2021,8\n`);
    const r = inTwice('import', fresh, old, '--call', '2022', '--json');
    expect(r.code, r.stderr).toBe(0);
    const files = json<{ files: { file: string; warnings: string[] }[] }>(r).files;
    expect(files.map((f) => [f.file, f.warnings.some((w) => w.includes('imported into call "2021" already'))])).toEqual([['several-new.csv', false], ['several-old.csv', true]]);
    // a file whose every row that call rejected left no application there to copy: no warning
    const empty = file('several-rejected.csv', `${head}S3,,,,Peru,15/03/2021,7\n`);
    expect(json<{ rejected: number }>(inTwice('import', empty, '--call', '2021', '--json')).rejected).toBe(1);
    const none = inTwice('import', empty, '--call', '2023');
    expect(none.code).toBe(0);
    expect(none.stderr).not.toMatch(/imported into call/);
  });
});
