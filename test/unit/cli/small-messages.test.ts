/** Small messages a new user met: each says what is wrong in plain words and what to do. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../support/run.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'events', 'members.csv');
let dir: string;
let db: string;
const sk = (args: string[]) => run(['--db', db, ...args], { cwd: dir });

beforeAll(async () => {
  dir = tempDir('skillsnet-messages-');
  db = path.join(dir, 'n.db');
  expect((await sk(['import', FIXTURE, '--call', '2020'])).code).toBe(0);
  expect((await sk(['event', 'add', 'Meeting', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich'])).code).toBe(0);
}, 60_000);

describe('small messages', () => {
  it('"an application", not "a application"', async () => {
    const r = await sk(['edit', '1', '--set', 'shoeSize=42']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: an application has no field "shoeSize"/m);
  });

  it('a missing attendance report is "no such file", as import says it, not ENOENT', async () => {
    const r = await sk(['event', 'attendance', '1', 'missing.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot read \S*missing\.csv: no such file/m);
    expect(r.stderr).not.toMatch(/ENOENT/);
  });

  it.each([
    [['event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2021-03-01 10:00', '--tz', 'CET']],
    [['member', 'set', 'member-1', '--time-zone', 'CET']],
    [['edit', 'person-1', '--set', 'timeZone=EST']],
  ])('%j: a zone abbreviation is refused with the reason and the place to give instead', async (args) => {
    const r = await sk(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/abbreviations such as (CET|EST) are refused: .*summer time/);
    expect(r.stderr).toMatch(/Europe\/Paris or Europe\/Zurich/);
  });

  it.each([
    ['Zurich', /a time zone is written with its region: Europe\/Zurich$/m],
    ['lima', /a time zone is written with its region: America\/Lima$/m],
    ['New York', /a time zone is written with its region: America\/New_York$/m],
    ['Bogotá', /a time zone is written with its region: America\/Bogota$/m],
    // (Node's list holds the old names of these: Asia/Calcutta, Asia/Saigon, Europe/Kiev)
    ['Kolkata', /a time zone is written with its region: Asia\/Kolkata$/m],
    ['Calcutta', /a time zone is written with its region: Asia\/Kolkata$/m],
    ['Ho Chi Minh', /a time zone is written with its region: Asia\/Ho_Chi_Minh$/m],
    ['Saigon', /a time zone is written with its region: Asia\/Ho_Chi_Minh$/m],
    ['Kyiv', /a time zone is written with its region: Europe\/Kyiv$/m],
    ['Buenos Aires', /a time zone is written with its region: America\/Argentina\/Buenos_Aires$/m],
    ['Eastern', /give an IANA time zone \(a place\)/],
    ['Genève', /give an IANA time zone \(a place\)/],
    ['Paris', /Europe\/Paris/],
    ['GMT+1', /abbreviations such as GMT\+1 are refused/],
  ])('a place named without its region (%s) is shown the zone, not called an abbreviation', async (zone, hint) => {
    const r = await sk(['event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2021-03-01 10:00', '--tz', zone]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(hint);
    if (zone !== 'GMT+1') expect(r.stderr).not.toMatch(/abbreviation/);
  });

  it('tag auto and scores import say a --call names no call, as list does (they tagged none, or rejected every row)', async () => {
    const sheet = path.join(dir, 'scores.csv');
    fs.writeFileSync(sheet, 'application id,reviewer,score\n1,Amina,8\n');
    for (const args of [['tag', 'auto', '--call', '2024'], ['tag', 'auto', '--call', '2024', '--dry-run', '--json'], ['scores', 'import', sheet, '--call', '2024', '--dry-run']]) {
      const r = await sk(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: no call named "2024" in this database\n {2}calls here: 2020\n$/);
      expect(r.stdout).toBe('');
    }
  });

  it('event link with both --member and --ignore says to choose one, not that neither was given', async () => {
    const both = await sk(['event', 'link', '1', '8', '--member', '9', '--ignore']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^error: choose one of --member and --ignore/);
    const none = await sk(['event', 'link', '1', '8']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: say what the row is: --member ID, or --ignore/);
  });

  it('history --action naming no action the history holds names those it does', async () => {
    expect((await sk(['edit', '1', '--set', 'score=7'])).code).toBe(0);
    const typo = await sk(['history', '--action', 'eddit', '--json']);
    expect(typo.code).toBe(0);
    expect(JSON.parse(typo.stdout)).toEqual([]);
    expect(typo.stderr).toMatch(/^warning: no change in the history is a "eddit"; the actions here: .*\bedit\b/m);
    const known = await sk(['history', '--action', 'edit', '--json']);
    expect(known.code).toBe(0);
    expect(JSON.parse(known.stdout).length).toBeGreaterThan(0);
  });

  it('an empty --db (a variable left unset) is a usage error, not ./skillsnet.db', async () => {
    for (const args of [['--db', '', 'list'], ['list', '--db', ' '], ['--db=', 'erase', 'person-1', '--yes']]) {
      const r = await sk(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: --db is empty\n {2}give the database file/);
    }
  });

  it('a SKILLSNET_DB of spaces alone is as unset, as an empty one is: ./skillsnet.db, not a file " "', async () => {
    const { resolveDbPath } = await import('../../../src/cli/context.js');
    expect(resolveDbPath(undefined, { SKILLSNET_DB: ' ' }, '/work')).toBe(path.resolve('/work', 'skillsnet.db'));
    expect(resolveDbPath(undefined, { SKILLSNET_DB: '' }, '/work')).toBe(path.resolve('/work', 'skillsnet.db'));
    expect(resolveDbPath(undefined, { SKILLSNET_DB: 'calls.db' }, '/work')).toBe(path.resolve('/work', 'calls.db'));
  });

  it('destructive commands off a terminal without --yes are usage errors (exit 2), all alike', async () => {
    const erase = await sk(['erase', 'person-1']);
    expect(erase.code).toBe(2);
    expect(erase.stderr).toMatch(/needs confirmation\n {2}.*--yes/);
    const del = await sk(['event', 'delete', '1']);
    expect(del.code).toBe(2);
    expect(del.stderr).toMatch(/needs confirmation\n {2}add --yes/);
  });

  it('erase of an organisation member names the organisation whose people to look at', async () => {
    const added = JSON.parse((await sk(['member', 'add', '--organization', 'Ministère du Travail', '--country', 'SN', '--role', 'stakeholder', '--json'])).stdout);
    const r = await sk(['erase', `member-${added.id}`, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: member-${added.id} is an organisation, not a person\n  erase its contact person by email, or by ID (skillsnet show org-${added.organizationId} lists its people)\n`);
  });

  it('event delete answered "no" on a terminal deletes nothing and says so, as roster delete does (it was "needs confirmation... add --yes", exit 2)', async () => {
    const { bufferIO } = await import('../../../src/cli/io.js');
    const { scriptedPrompts } = await import('../../../src/ui/prompts.js');
    const { runEventDelete } = await import('../../../src/cli/event-manage.js');
    const prompts = scriptedPrompts([false]);
    const { io, stderr } = bufferIO({ tty: true, prompts: async () => prompts });
    await expect(runEventDelete({ dbPath: db, id: 1 }, io)).resolves.toMatchObject({ id: 1, deleted: false });
    expect(prompts.asked).toEqual([expect.stringMatching(/^Delete event 1 "Meeting"/)]);
    expect(stderr()).toMatch(/^Nothing deleted\. To keep the record but tell the invitees: skillsnet event cancel 1\n$/);
    expect((await sk(['events', '--json'])).stdout).toMatch(/"Meeting"/);
  });
});

describe('wrong IDs and empty values a new user typed', () => {
  it.each([
    [['show', 'org-0'], /^error: .*that is org-0 \(IDs are whole numbers from 1\)/m, 2],
    [['history', '99999'], /^error: there is no application 99999/m, 1],
    [['unmerge', '99999'], /^error: there is no application 99999/m, 1],
    [['member', 'add'], /^error: a member needs an organisation \(--organization NAME\), or a name or an email/m, 2],
    [['merge', 'org-1', 'org-1'], /^error: org-1 is the same record twice\n {2}give the record to keep/m, 2],
    [['event', 'add', '', '--kind', 'webinar', '--start', '2031-01-01 10:00', '--tz', 'UTC'], /^error: the event has no title\n {2}give it one: skillsnet event add/m, 2],
    [['event', 'groups', '1', '--by', 'region', '--groups', 'en=1'], /^error: groups can be made --by language, not "region"\n {2}groups are by working language.*e\.g\. --by language --groups en=2,fr=1,es=1/m, 2],
  ])('%j says what is wrong and what to do', async (args, message, code) => {
    const r = await sk(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message as RegExp);
  });

  it('member set names the organisation it changed, so a member ID taken for an application ID shows', async () => {
    const r = await sk(['member', 'set', 'member-1', '--notes', 'called']);
    expect(r.code, r.stderr).toBe(0);
    const members = JSON.parse((await sk(['members', '--json'])).stdout) as { id: number; organization: string }[];
    expect(r.stdout).toContain(`Changed member-1 (${members.find((m) => m.id === 1)!.organization}): notes.`);
  });
});

describe('history in an officer\'s words', () => {
  it.each([
    [['applications.withdrawn_at'], 'withdrawn at'],
    [['organizations.name', 'organizations.name_key', 'organizations.website', 'organizations.web_domain'], 'name, website'],
    [['applications.country', 'applications.region', 'applications.contact_name', 'organizations.country'], 'country, region, contact name; organisation: country'],
    [['members.(row)'], 'added or removed'],
    [['applications.country', 'applications.region', 'applications.country_raw'], 'country, region'],
    [['applications.country_raw'], 'country as written'],
  ])('%j -> %s', async (fields, words) => {
    const { changedInWords } = await import('../../../src/cli/history.js');
    expect(changedInWords(fields as string[])).toBe(words);
  });
});

describe('merge names the organisations beside their IDs', () => {
  it('so that a mistyped ID shows in the dry run, before anything is merged', async () => {
    const { importedCall } = await import('../support/run.js');
    const { sk } = await importedCall([
      'Organization,Email,Country,Title',
      'Taller Abierto,ana@example.org,Mexico,Oficios para jóvenes',
      'Atelier Vert,awa@example.net,Senegal,Jardins urbains',
    ]);
    const dry = await sk('merge', '1', '2', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run: merging application 2 \(Atelier Vert\) into application 1 \(Taller Abierto\) would:$/m);
    const orgs = await sk('merge', 'org-1', 'org-2', '--dry-run');
    expect(orgs.stdout).toMatch(/^Dry run: merging org-2 \(Atelier Vert\) into org-1 \(Taller Abierto\) would:$/m);
  });
});
