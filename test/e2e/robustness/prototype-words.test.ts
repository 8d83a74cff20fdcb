import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { json, runCli, tempDir, type CliRun } from '../support/cli.js';

/**
 * Words that name Object's own properties, typed or found wherever skillsnet takes text: a lookup
 * in a plain object would find a function for them ("constructor") or set the prototype
 * ("__proto__"). Each run works normally or ends with one `error:` line, never a crash.
 */
const WORDS = ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

let dir: string;
let db: string;
const cli = (args: string[]) => runCli(['--db', db, ...args], { cwd: dir });

/** Exit 1 or 2 with exactly one `error:` line and nothing "unexpected". */
function refusedClearly(run: CliRun): void {
  expect(run.code, run.stderr).toBeGreaterThanOrEqual(1);
  expect(run.code, run.stderr).toBeLessThanOrEqual(2);
  expect(run.stderr.match(/^error: /gm), run.stderr).toHaveLength(1);
  expect(run.stderr).not.toMatch(/unexpected|TypeError|is not a function|is not iterable|Cannot read properties/);
}

function noCrash(run: CliRun): void {
  expect(run.stderr).not.toMatch(/unexpected|TypeError|is not a function|is not iterable|Cannot read properties/);
  expect(run.code, run.stderr).toBeLessThanOrEqual(2);
}

beforeAll(() => {
  dir = tempDir('skillsnet-proto-');
  db = path.join(dir, 'p.db');
  expect(cli(['init']).code).toBe(0);
  // the words as header names and as the cells of every field the headers map
  const header = ['Organization name', 'Email', 'Country', 'Language', 'Organization type', 'Beneficiaries', 'Skills categories', 'Submitted at', 'Score', 'Description', ...WORDS];
  const rows = WORDS.map((w, i) => [`Org ${w}`, `person${i}@example.org`, w, w, w, w, w, `${w} 2024`, w, `{{constructor.constructor(1)}} ${w}`, ...WORDS.map(() => w)]);
  fs.writeFileSync(path.join(dir, 'apps.csv'), stringify([header, ...rows]));
});

describe('words of Object.prototype as user text', () => {
  it('imports every row holding them, in headers and in every mapped field, and counts them as unknown', () => {
    const run = cli(['import', 'apps.csv', '--json']);
    noCrash(run);
    expect(run.code, run.stderr).toBe(0);
    const report = json(run);
    expect(report).toMatchObject({ rows: WORDS.length, inserted: WORDS.length, rejected: 0 });
    // every country is unknown, none lost: a "__proto__" is counted like any other
    expect(run.stderr).toMatch(new RegExp(`${WORDS.length} data rows \\([^)]*\\), column “Country”: not a country`));
    const stats = json(cli(['stats', '--by', 'country', '--json']));
    expect(stats.total).toBe(WORDS.length);
    expect(stats.groups).toEqual([{ value: null, count: WORDS.length }]);
    for (const by of ['region', 'language', 'category']) expect(json(cli(['stats', '--by', by, '--json'])).total).toBe(WORDS.length);
    noCrash(cli(['tag', 'auto']));
    noCrash(cli(['list', '--json']));
  });

  it.each(WORDS)('refuses %s as --delimiter and --encoding with one error line', (w) => {
    refusedClearly(cli(['import', 'apps.csv', '--dry-run', '--delimiter', w]));
    refusedClearly(cli(['import', 'apps.csv', '--dry-run', '--encoding', w]));
  });

  it.each(WORDS)('refuses %s as an ID prefix, an edited field, a tag code and a filter value', (w) => {
    refusedClearly(cli(['show', `${w}-1`]));
    refusedClearly(cli(['edit', '1', '--set', `${w}=x`]));
    refusedClearly(cli(['edit', 'org-1', '--set', `${w}=x`]));
    refusedClearly(cli(['edit', '1', '--set', `country=${w}`]));
    refusedClearly(cli(['event', 'edit', '1', '--set', `${w}=x`]));
    refusedClearly(cli(['tag', 'add', '1', w]));
    refusedClearly(cli(['list', '--country', w]));
    refusedClearly(cli(['select', '--size', '3', '--min-per-language', `${w}=1`]));
  });

  it.each(WORDS)('reads %s in a --map file as a column, refuses it as a field', (w) => {
    fs.writeFileSync(path.join(dir, 'as-column.json'), JSON.stringify({ organization: w, email: 'Email' }));
    const asColumn = cli(['import', 'apps.csv', '--dry-run', '--json', '--map', 'as-column.json']);
    noCrash(asColumn);
    expect(asColumn.code, asColumn.stderr).toBe(0);
    expect(json(asColumn).files[0].columns.organization).toEqual([w]);
    if (w.startsWith('_')) return; // "_..." keys are comments in a mapping file
    fs.writeFileSync(path.join(dir, 'as-field.json'), `{${JSON.stringify(w)}: "Email", "organization": "Organization name", "email": "Email"}`);
    refusedClearly(cli(['import', 'apps.csv', '--dry-run', '--map', 'as-field.json']));
  });

  it.each(WORDS)('refuses %s as a quotas file feature or value', (w) => {
    for (const [feature, value] of [[w, w], ['language', w], ['country', w], ['category', w], ['region', w]]) {
      fs.writeFileSync(path.join(dir, 'quotas.csv'), `feature,value,min,max\n${feature},${value},1,2\n`);
      refusedClearly(cli(['select', '--size', '3', '--quotas', 'quotas.csv']));
    }
  });

  it('imports members whose cells and column names are these words', () => {
    const rows = WORDS.map((w, i) => [`Ana ${i} Test`, `member${i}@example.org`, `Org ${w}`, w, w]);
    fs.writeFileSync(path.join(dir, 'members.csv'), stringify([['Name', 'Email', 'Organization', 'Country', ...WORDS.slice(0, 1)], ...rows]));
    const run = cli(['member', 'import', 'members.csv', '--role', 'stakeholder', '--json']);
    noCrash(run);
    expect(run.code, run.stderr).toBe(0);
    const report = json(run);
    expect(report.rows).toBe(WORDS.length);
    expect(report.added + report.updated + report.unchanged).toBe(WORDS.length);
    expect(report.problems.filter((p: { problem: string }) => /not a country/.test(p.problem))).toHaveLength(WORDS.length);
    expect(json(cli(['members', '--json'])).length).toBeGreaterThanOrEqual(WORDS.length);
  });
});
