import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as skillsnet, tempDir, json } from '../support/run.js';
import { makeCall } from '../selection/fixtures.js';
import { conflictHint, isQuotaConflict } from '../../../src/selection/infeasibility.js';

let dbPath: string;

beforeAll(async () => {
  dbPath = path.join(tempDir(), 'call.db');
  makeCall(dbPath, 60, 3);
});

describe('select explains what is wrong', { timeout: 60_000 }, () => {
  it('a --min-per-language code that is no language is a usage error naming it', async () => {
    const r = await skillsnet(['select', '--size', '5', '--min-per-language', 'en=1,xx=1', '--db', dbPath]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --min-per-language: "xx" is not a language/m);
    const filter = await skillsnet(['list', '--language', 'xx', '--db', dbPath]);
    expect(filter.code).toBe(2);
    expect(filter.stderr).toMatch(/"xx" is not a language/);
  });

  it('a real language nobody applied in keeps the quota conflict (exit 1)', async () => {
    const r = await skillsnet(['select', '--size', '5', '--min-per-language', 'sw=1', '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/language sw \(Swahili\): at least 1 required, 0 eligible applications/);
  });

  it('--json: one sentence per conflicting quota, with both counts when both fall short', async () => {
    const all = json(await skillsnet(['list', '--json', '--db', dbPath])).length;
    const r = await skillsnet(['select', '--size', '5', '--min-per-language', `sw=1,en=${all + 1}`, '--dry-run', '--json', '--db', dbPath]);
    expect(r.code).toBe(1);
    const { conflicts } = json(r);
    const english = json(await skillsnet(['list', '--json', '--language', 'en', '--db', dbPath])).length;
    expect([...conflicts].sort()).toEqual([
      `language en: at least ${all + 1} required, ${english} eligible applications and the size is 5`,
      `language minimums add up to ${all + 2} but the size is 5`,
      'language sw (Swahili): at least 1 required, 0 eligible applications',
    ]);
  });

  it('--min-score above every score names the highest score, not "import first"', async () => {
    const all = json(await skillsnet(['list', '--json', '--db', dbPath]));
    const best = Math.max(...all.map((a: any) => a.score ?? -Infinity));
    const r = await skillsnet(['select', '--size', '5', '--min-score', '20', '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: no application scores at least 20: the highest score is ${best}`);
    expect(r.stderr).not.toMatch(/import applications first/);
    const j = await skillsnet(['select', '--size', '5', '--min-score', '20', '--json', '--db', dbPath]);
    expect(json(j).conflicts[0]).toMatch(/highest score is/);
  });

  it('a quotas file that cannot be read is a failed operation (exit 1, as for import), said in words', async () => {
    const r = await skillsnet(['select', '--size', '5', '--quotas', path.join(tempDir(), 'missing.csv'), '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot read the quotas file .*missing\.csv: no such file/m);
  });

  it('filters that leave nothing are named', async () => {
    const r = await skillsnet(['select', '--size', '5', '--search', 'zzzqqq-nothing', '--region', 'Africa', '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: no application matches the filters together: --region Africa, --search zzzqqq-nothing/);
  });

  it('an empty database still says to import first', async () => {
    const empty = path.join(tempDir(), 'empty.db');
    expect((await skillsnet(['init', '--db', empty])).code).toBe(0);
    const r = await skillsnet(['select', '--size', '5', '--db', empty]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/import applications first/);
  });

  it('include/exclude conflicts get a hint about --include/--exclude or --size, not the quotas', async () => {
    const both = await skillsnet(['select', '--size', '5', '--include', '3', '--exclude', '3', '--db', dbPath]);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/application 3 is both forced in/);
    expect(both.stderr).toMatch(/^error: no roster of 5 is possible:/m);
    expect(both.stderr).toMatch(/either --include or --exclude/);
    expect(both.stderr).not.toMatch(/relax the quotas/);
    const many = await skillsnet(['select', '--size', '2', '--max-per-organization', '5', '--include', '1,2,3', '--db', dbPath]);
    expect(many.code).toBe(1);
    expect(many.stderr).toMatch(/3 applications are forced in with --include but the size is 2/);
    expect(many.stderr).toMatch(/force in fewer IDs with --include, or raise --size/);
    expect(many.stderr).not.toMatch(/relax the quotas/);
  });
});

describe('conflictHint', () => {
  it('keeps the quota advice for quota conflicts and adds it when both kinds occur', async () => {
    expect(conflictHint(['region Arab States: at least 4 required, 2 eligible applications'])).toMatch(/^relax the quotas/);
    const mixed = conflictHint(['application 3 is both forced in (--include) and kept out (--exclude)', 'region minimums add up to 31 but the size is 25']);
    expect(mixed).toMatch(/either --include or --exclude/);
    expect(mixed).toMatch(/relax the quotas/);
    expect(conflictHint(['the size is 30 but only 12 applications are eligible'])).toBe('lower --size, or widen the filters');
    // a size above the eligible count and a quota conflict: --size and the filters named once
    expect(conflictHint(['the size is 600 but only 472 applications are eligible', 'organization maximums leave room for at most 463 members but the size is 600']))
      .toBe('lower --size, or widen the filters; relax the quotas named above (lower a minimum, raise a maximum)');
    expect(isQuotaConflict('the size is 30 but only 12 applications are eligible')).toBe(false);
    expect(isQuotaConflict('language fr: at least 2 required, 1 eligible application')).toBe(true);
  });
});

// Organisation types and beneficiary groups are free vocabularies: a misspelt value in a
// quotas file written by hand matches nobody, and a maximum on it silently caps nothing.
describe('a quota on a type or beneficiary group nobody eligible has', { timeout: 60_000 }, () => {
  it('is warned about, with its line and the values in use', async () => {
    const quotas = path.join(path.dirname(dbPath), 'quotas.csv');
    fs.writeFileSync(quotas, 'feature;value;min;max\norganizationType;Univeristy;;2\nbeneficiary;Youth;1;\nbeneficiary;Yuoth;;3\n');
    const r = await skillsnet(['select', '--size', '5', '--quotas', quotas, '--dry-run', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: quotas\.csv line 2: no eligible application has organisation type "Univeristy".*\n?.*NGO/);
    expect(r.stderr).toMatch(/warning: quotas\.csv line 4: no eligible application has beneficiary "Yuoth".*\n?.*Youth/);
    expect(r.stderr).not.toMatch(/line 3/);
  });
});

// The quotas file's values are read leniently: the officer sees each reading that differs from
// what was written before trusting the roster ("Congo" is the Republic, not the DRC).
describe('how the quotas file was read', { timeout: 60_000 }, () => {
  it('is said on stderr before the selection, and stdout keeps only the JSON', async () => {
    const quotas = path.join(path.dirname(dbPath), 'readings.csv');
    fs.writeFileSync(quotas, 'feature,value,min,max\nregion,Amériques,1,\ncountry,Congo,0,2\nregion,Africa,1,\n');
    const r = await skillsnet(['select', '--size', '5', '--quotas', quotas, '--dry-run', '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('How the quotas file was read:\n  readings.csv line 2: "Amériques" read as region Americas\n' +
      '  readings.csv line 3: "Congo" read as country CG (Congo), not CD (Democratic Republic of the Congo): write CD if you meant it\n');
    expect(r.stderr).not.toMatch(/line 4/);
    expect(json(r).members).toHaveLength(5);
  });

  it('shows what was skipped and what may not be meant however many plain translations come first', async () => {
    const quotas = path.join(path.dirname(dbPath), 'many.csv');
    const countries = ['Maroc', 'Égypte', 'Tunisie', 'Algérie', 'Éthiopie', 'Ouganda', 'Tanzanie', 'Zambie', 'Mauritanie', 'Cameroun', 'Tchad', 'Mexique', 'Brésil', 'Pérou'];
    fs.writeFileSync(quotas, `feature,value,min,max\n${countries.map((c) => `pays,${c},,2`).join('\n')}\nTotal,,,28\nrégion,Amérique latine,,4\n`);
    const r = await skillsnet(['select', '--size', '5', '--quotas', quotas, '--dry-run', '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('many.csv line 2: "Maroc" read as country MA (Morocco)');
    expect(r.stderr).not.toContain('"Brésil"');
    expect(r.stderr).toContain('many.csv line 16: "Total, 28" is a totals line, not a rule: skipped');
    expect(r.stderr).toMatch(/many\.csv line 17: "Amérique latine" read as sub-region Latin America and the Caribbean .*not the ILO region Americas/);
    expect(r.stderr).toContain('… and 2 more (select --dry-run --json lists every quota)');
  });
});
