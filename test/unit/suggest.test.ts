import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { meantName, nearestChoice, nearestName } from '../../src/suggest.js';
import { MEMBER_ROLES, MEMBER_STATUSES, REGIONS } from '../../src/model.js';
import { EVENT_KINDS } from '../../src/events/types.js';
import { run, tempDir } from './support/run.js';

// A mistyped command or option got "did you mean …?"; a mistyped value of a closed list (a role,
// a status, a region, a kind of event, a field, a --by choice) got only the list.
describe('did you mean, for values of a closed list', () => {
  it.each([
    ['stakholder', MEMBER_ROLES, 'stakeholder'],
    ['Core group', MEMBER_ROLES, 'core-group'],
    ['activ', MEMBER_STATUSES, 'active'],
    ['withdrawed', MEMBER_STATUSES, 'withdrawn'],
    ['Afrika', REGIONS, 'Africa'],
    ['Asia and Pacific', REGIONS, 'Asia and the Pacific'],
    ['meting', EVENT_KINDS, 'meeting'],
    ['titel', ['title', 'kind', 'start', 'tz'], 'title'],
    ['regoin', ['region', 'country', 'category', 'language', 'type', 'call'], 'region'],
    ['cat', ['region', 'country', 'category', 'language', 'type', 'call'], 'category'],
  ] as const)('%s → %s', (typed, choices, expected) => {
    expect(nearestChoice(typed, choices)).toBe(expected);
  });

  it('suggests a choice written otherwise only in case, where case counts (a data file\'s key), but never the choice itself', () => {
    expect(nearestChoice('EN', ['en', 'fr', 'es'])).toBe('en');
    expect(nearestChoice('en', ['en', 'fr', 'es'])).toBeUndefined();
    expect(nearestChoice('Core', ['core', 'CORE'])).toBeUndefined();
  });

  it.each([
    ['planet', ['region', 'country', 'category', 'language', 'type', 'call']],
    // as near to en as to es: no guess
    ['de', ['en', 'fr', 'es']],
    ['ca', ['region', 'country', 'category', 'language', 'type', 'call']],
    ['Oceania', REGIONS],
    ['', MEMBER_ROLES],
  ] as const)('%j: no guess', (typed, choices) => {
    expect(nearestChoice(typed, choices)).toBeUndefined();
  });

  it('ends the one error line of the commands that take such values', async () => {
    const dir = tempDir();
    const db = path.join(dir, 's.db');
    fs.writeFileSync(path.join(dir, 'a.csv'), 'Organization,Email,Country\nTaller Sur,ana@example.org,Argentina\n');
    expect((await run(['import', path.join(dir, 'a.csv'), '--call', '2020', '--db', db])).code).toBe(0);
    const cases: [string[], RegExp][] = [
      [['members', '--status', 'activ'], /^error: --status: "activ" is not a status; did you mean "active"\?\n {2}statuses: /],
      [['member', 'add', '--organization', 'Taller Sur', '--role', 'stakholder'], /^error: --role: "stakholder" is not a role; did you mean "stakeholder"\?\n/],
      [['list', '--region', 'Afrika'], /^error: unknown region "Afrika"; did you mean "Africa"\?\n/],
      [['event', 'add', 'Clinic', '--kind', 'clinc', '--start', '2020-11-19 14:00', '--tz', 'UTC'], /^error: unknown kind of event "clinc"; did you mean "clinic"\?\n/],
      [['event', 'edit', '1', '--set', 'titel=Clinic'], /^error: an event has no field "titel"; did you mean "title"\?\n/],
      [['edit', '1', '--set', 'organisaton=Taller'], /^error: an application has no field "organisaton" that can be edited; did you mean "organization"\?\n/],
      [['stats', '--by', 'regoin'], /^error: option '--by <dimension>' argument 'regoin' is invalid; did you mean region\? Allowed choices are region, country, category, language, type, call\.\n {2}see skillsnet stats --help\n$/],
      [['stats', '--by', 'planet'], /^error: option '--by <dimension>' argument 'planet' is invalid\. Allowed choices are region, .*\n {2}see skillsnet stats --help\n$/],
    ];
    fs.writeFileSync(path.join(dir, 'quotas.csv'), 'feature,value,min,max\nregoin,Americas,1,\n');
    cases.push([['select', '--size', '1', '--quotas', path.join(dir, 'quotas.csv'), '--dry-run'], /^error: \S*quotas\.csv line 2: unknown feature "regoin"; did you mean "region"\?\n/]);
    for (const [args, expected] of cases) {
      const r = await run([...args, '--db', db]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(expected);
    }
  });

  it('names the saved call, roster or cohort meant: pasted with spaces around it, in another case or mistyped, never another year', () => {
    const rosters = ['core-2020', 'core-2021', 'Core Group 2021'];
    expect(nearestName(' core-2021', rosters)).toBe('core-2021');
    expect(nearestName('core-2021 ', rosters)).toBe('core-2021');
    expect(nearestName('core-2O21', rosters)).toBe('core-2021');
    expect(nearestName('CORE-2020', rosters)).toBe('core-2020');
    expect(nearestName('core-2022', rosters)).toBeUndefined();
    expect(nearestName('2022', ['2020', '2021'])).toBeUndefined();
    // two saved names as near as each other: no guess
    expect(nearestName('2021C', ['2021A', '2021B'])).toBeUndefined();
  });

  it('says which roster a roster command or an export meant, as the --roster filters do', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'r.db');
    fs.writeFileSync(path.join(dir, 'a.csv'), 'Organization,Email,Country\nTaller Sur,ana@example.org,Argentina\nTaller Norte,luis@example.org,Chile\n');
    expect((await run(['import', path.join(dir, 'a.csv'), '--call', '2020', '--db', db])).code).toBe(0);
    expect((await run(['select', '--size', '1', '--order', 'id', '--name', 'core-2021', '--yes', '--db', db])).code).toBe(0);
    const show = await run(['roster', 'show', 'core-2O21', '--db', db]);
    // (a typo gets the suggestion alone: "looked up as written" is for a slip of case or spaces)
    expect(show.stderr).toMatch(/^error: no roster named "core-2O21" in this database; did you mean "core-2021"\?\n/);
    const kumu = await run(['export', 'kumu', '--roster', ' core-2021', '--out', path.join(dir, 'k.xlsx'), '--dry-run', '--db', db]);
    expect(kumu.stderr).toMatch(/^error: no roster named " core-2021" in this database; did you mean "core-2021"\? \(names are looked up as written\)\n/);
    expect((await run(['roster', 'show', 'core-2022', '--db', db])).stderr).toMatch(/^error: no roster named "core-2022" in this database\n/);
    // pasted with a non-breaking space or hyphen, the name reads as the one suggested: what differs is spelled out
    expect((await run(['roster', 'show', 'core\u20112021', '--db', db])).stderr).toMatch(/^error: no roster named "core\u20112021" in this database; did you mean "core-2021"\? \(written core<U\+2011>2021: pasted text brings characters that look like others or show as nothing\)\n/);
    // roster accept, the command a roster's name is typed into a year later, says so too
    const accept = await run(['roster', 'accept', 'core-2O21', '--cohort', '2021', '--db', db]);
    expect(accept.code).toBe(1);
    expect(accept.stderr).toMatch(/^error: no roster named "core-2O21" in this database; did you mean "core-2021"\?\n  saved rosters: core-2021\n/);
    // a cohort pasted with spaces around it is the cohort, as --call and --roster are
    expect((await run(['roster', 'accept', 'core-2021', '--cohort', '2021', '--db', db])).code).toBe(0);
    const cohort = await run(['members', '--role', 'core-group', '--cohort', ' 2021 ', '--json', '--db', db]);
    expect(cohort.code, cohort.stderr).toBe(0);
    expect(JSON.parse(cohort.stdout)).toHaveLength(1);
  });
});

describe('one "did you mean" for a roster, a call or a cohort that matched nothing', () => {
  it('names the nearest; says a slip of case or spaces is looked up as written; spells out pasted characters; nothing without one', () => {
    expect(meantName('core-2O21', 'core-2021')).toBe('; did you mean "core-2021"?');
    expect(meantName('CORE-2021', 'core-2021')).toBe('; did you mean "core-2021"? (names are looked up as written)');
    expect(meantName(' core-2021', 'core-2021')).toBe('; did you mean "core-2021"? (names are looked up as written)');
    expect(meantName('core\u00a02021', 'core 2021')).toMatch(/^; did you mean "core 2021"\? \(written core<U\+00A0>2021: /);
    expect(meantName('zzz', undefined)).toBe('');
  });
});
