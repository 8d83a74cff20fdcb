import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as skillsnet, tempDir, json, importedCall } from '../support/run.js';
import { makeCall } from '../selection/fixtures.js';
import { bufferIO } from '../../../src/cli/io.js';
import { runSelect } from '../../../src/cli/select.js';
import { scriptedPrompts } from '../../../src/ui/prompts.js';

const DEMO = ['--size', '25', '--min-per-region', '3', '--max-per-country', '2', '--min-per-category', '1', '--min-per-language', 'en=1,fr=1,es=1'];
let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = tempDir();
  dbPath = path.join(dir, 'call.db');
  makeCall(dbPath, 473, 11);
});

describe('skillsnet select', { timeout: 90_000 }, () => {
  it('selects the demo Core Group, proven optimal, with reasons, and saves it', async () => {
    const r = await skillsnet(['select', ...DEMO, '--name', 'core-2020', '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    const out = json(r);
    expect(out).toMatchObject({ name: 'core-2020', feasible: true, optimal: true, saved: true });
    expect(out.members).toHaveLength(25);
    const byRegion = new Map<string, number>();
    const byCountry = new Map<string, number>();
    for (const m of out.members) {
      byRegion.set(m.region, (byRegion.get(m.region) ?? 0) + 1);
      byCountry.set(m.country, (byCountry.get(m.country) ?? 0) + 1);
      expect(m.reasons[0]).toMatch(/^score [\d.]+, rank \d+ of 473 eligible$/);
    }
    expect([...byRegion.values()].every((n) => n >= 3)).toBe(true);
    expect(byRegion.size).toBe(5);
    expect(Math.max(...byCountry.values())).toBeLessThanOrEqual(2);
    for (const lang of ['en', 'fr', 'es']) expect(out.members.some((m: any) => m.language === lang)).toBe(true);
    const cats = new Set(out.members.flatMap((m: any) => m.categories));
    expect(cats.size).toBe(9);
    expect(out.objective).toBeCloseTo(out.members.reduce((s: number, m: any) => s + m.score, 0), 6);
    expect(out.alternates.length).toBe(5);
    expect(r.stderr).toMatch(/proven optimal/);
  });

  it('gives the same roster again (determinism) and refuses to overwrite a name without --yes', async () => {
    const again = await skillsnet(['select', ...DEMO, '--name', 'core-2020', '--json', '--db', dbPath]);
    // a missing --yes is wrong usage (exit 2, as roster delete's), refused before the solver runs
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^error: a roster named core-2020 already exists/m);
    expect(again.stderr).not.toMatch(/Selecting|optimal/);
    expect(again.stdout).toBe('');
    const dry = await skillsnet(['select', ...DEMO, '--name', 'core-2020', '--dry-run', '--json', '--db', dbPath]);
    const first = json(await skillsnet(['roster', 'show', 'core-2020', '--json', '--db', dbPath]));
    expect(json(dry).members.map((m: any) => m.id)).toEqual(first.members.map((m: any) => m.id));
    expect(json(dry).saved).toBe(false);
  });

  it('refuses a name that differs from a saved roster\'s only in case, even with --yes, before the solver runs', async () => {
    const before = json(await skillsnet(['rosters', '--json', '--db', dbPath])).length;
    for (const extra of [[], ['--yes']]) {
      const r = await skillsnet(['select', ...DEMO, '--name', 'CORE-2020', ...extra, '--json', '--db', dbPath]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: a roster named core-2020 already exists \(CORE-2020 differs only in case\)\n  use --name core-2020 \(with --yes to replace it\), or another name\n/m);
      expect(r.stderr).not.toMatch(/Selecting|optimal/);
      expect(r.stdout).toBe('');
    }
    expect(json(await skillsnet(['rosters', '--json', '--db', dbPath])).length).toBe(before);
    // showing and deleting look the name up as written too, and point to the saved spelling
    for (const args of [['roster', 'show', 'CORE-2020'], ['roster', 'delete', 'CORE-2020', '--yes'], ['export', 'roster', 'CORE-2020', '--format', 'md', '--out', '-']]) {
      const r = await skillsnet([...args, '--db', dbPath]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(/^error: no roster named "CORE-2020" in this database; did you mean "core-2020"\? \(names are looked up as written\)\n/m);
    }
    expect(json(await skillsnet(['rosters', '--json', '--db', dbPath])).map((r: any) => r.name)).toContain('core-2020');
  });

  it('lists and shows rosters', async () => {
    const list = json(await skillsnet(['rosters', '--json', '--db', dbPath]));
    expect(list.map((r: any) => r.name)).toContain('core-2020');
    const show = await skillsnet(['roster', 'show', 'core-2020', '--db', dbPath]);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/25 members, total score [\d.]+ \(proven optimal\)/);
    expect((await skillsnet(['roster', 'show', 'nope', '--db', dbPath])).stderr).toMatch(/error: no roster named "nope" in this database\n  saved rosters: .*core-2020/);
  });

  it('exits 1 with one sentence per conflict, and the JSON shape of CONTRACT', async () => {
    const r = await skillsnet(['select', '--size', '25', '--min-per-region', '20', '--json', '--db', dbPath]);
    expect(r.code).toBe(1);
    const out = json(r);
    expect(out.feasible).toBe(false);
    expect(out.conflicts).toContain('region minimums add up to 100 but the size is 25');
    expect(r.stderr).toMatch(/^error: no roster of 25 meets the quotas/m);
  });

  it('names the fewest quotas to relax when only the solver can prove there is no roster', async () => {
    // Two members have at most six categories between them: three of the nine must go.
    const r = await skillsnet(['select', '--size', '2', '--min-per-category', '1', '--json', '--db', dbPath]);
    expect(r.code).toBe(1);
    const out = json(r);
    expect(out.feasible).toBe(false);
    expect(out.conflicts).toHaveLength(3);
    for (const c of out.conflicts) expect(c).toMatch(/^category [a-z-]+: at least 1 required, but together with the other quotas at most 0 can be met$/);
    expect(r.stderr).toMatch(/proved by the solver; the fewest quotas to relax are listed/);
  });

  it('includes an application outside the filters with a warning, and keeps excluded ones out', async () => {
    const r = await skillsnet(['select', '--size', '3', '--region', 'Africa', '--include', '1,2', '--exclude', '3', '--dry-run', '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    const ids = json(r).members.map((m: any) => m.id);
    expect(ids).toEqual(expect.arrayContaining([1, 2]));
    expect(ids).not.toContain(3);
    // the count said before solving is the one the summary says after: excluded ones are not eligible
    const all = json(await skillsnet(['select', '--size', '3', '--dry-run', '--json', '--db', dbPath])).eligible;
    const kept = await skillsnet(['select', '--size', '3', '--exclude', '1,2', '--dry-run', '--json', '--db', dbPath]);
    expect(json(kept).eligible).toBe(all - 2);
    expect(kept.stderr).toContain(`Selecting 3 of ${all - 2} eligible applications`);
    const unknown = await skillsnet(['select', '--size', '3', '--include', '999999', '--db', dbPath]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/error: --include: no application with ID 999999/);
  });

  it('reads a quotas file (semicolons, * for every value, empty min/max)', async () => {
    const file = path.join(dir, 'quotas.csv');
    fs.writeFileSync(file, 'feature;value;min;max\nregion;Arab States;4;\ncountry;*;;1\nlanguage;fr;5;\ncategory;life-skills;2;6\n');
    const r = await skillsnet(['select', '--size', '20', '--quotas', file, '--dry-run', '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    const out = json(r);
    expect(out.members.filter((m: any) => m.region === 'Arab States').length).toBeGreaterThanOrEqual(4);
    expect(new Set(out.members.map((m: any) => m.country)).size).toBe(20);
    const life = out.quotas.find((q: any) => q.feature === 'category' && q.value === 'life-skills');
    expect(life.selected).toBeGreaterThanOrEqual(2);
    expect(life.selected).toBeLessThanOrEqual(6);
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'feature,value,min,max\nregoin,Africa,1,\n');
    const b = await skillsnet(['select', '--size', '5', '--quotas', bad, '--db', dbPath]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/error: bad.csv line 2: unknown feature "regoin"/);
  });

  it('reads a quotas file headed by notes, with a sub-region, a merged cell and a totals line, and says so in the file\'s order', async () => {
    const file = path.join(dir, 'colleague.csv');
    fs.writeFileSync(file, 'Prepared by: Skills branch\nDate: 2026-03-01\n\nfeature,value,min,max,notes\nregion,West Africa,8,,\n,Arab States,2,,\ncountry,any,,2,\nTotal,,10,,\n');
    const r = await skillsnet(['select', '--size', '20', '--quotas', file, '--dry-run', '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    const said = r.stderr.split('\n').filter((l) => l.startsWith('  colleague.csv'));
    expect(said.map((l) => /line[s]? (\d+)/.exec(l)![1])).toEqual(['1', '5', '6', '7', '8']);
    expect(said[0]).toMatch(/lines 1-2, above the header \(line 4\), skipped as notes/);
    expect(said[2]).toBe('  colleague.csv line 6: no feature written, "region" of line 5 carried down (a merged cell, as Excel saves it)');
    const out = json(r);
    // NG, SN, GH and CI of the synthetic call lie in Western Africa; KE, MA, ZA and ET do not
    const west = out.members.filter((m: any) => ['NG', 'SN', 'GH', 'CI'].includes(m.country)).length;
    expect(west).toBeGreaterThanOrEqual(8);
    expect(out.quotas.find((q: any) => q.feature === 'subregion')).toMatchObject({ value: 'Western Africa', min: 8, selected: west });
    expect(out.members.filter((m: any) => m.region === 'Arab States').length).toBeGreaterThanOrEqual(2);
  });

  it('counts a share in a quotas file against --size, and keeps every quota of a file whose columns are named in words', async () => {
    const file = path.join(dir, 'shares.csv');
    fs.writeFileSync(file, 'Critère;Valeur;Minimum;Maximum\nrégion;États arabes;20%;\nlangue;espagnol;;10%\n');
    const r = await skillsnet(['select', '--size', '20', '--quotas', file, '--dry-run', '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    const out = json(r);
    expect(out.quotas.filter((q: any) => q.feature !== 'organization')).toEqual([
      { feature: 'region', value: 'Arab States', min: 4, max: null, selected: out.members.filter((m: any) => m.region === 'Arab States').length },
      { feature: 'language', value: 'es', min: 0, max: 2, selected: out.members.filter((m: any) => m.language === 'es').length },
    ]);
    expect(out.members.filter((m: any) => m.region === 'Arab States').length).toBeGreaterThanOrEqual(4);
    expect(out.members.filter((m: any) => m.language === 'es').length).toBeLessThanOrEqual(2);
  });

  it('needs --size, and says so', async () => {
    const r = await skillsnet(['select', '--db', dbPath]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: --size is required/);
  });
});

describe('runSelect on a terminal', { timeout: 90_000 }, () => {
  it('shows the roster with coverage and saves only after a yes', async () => {
    const prompts = scriptedPrompts([false]);
    const { io, stdout, stderr } = bufferIO({ tty: true, prompts: async () => prompts });
    const out = await runSelect({ dbPath, size: 10, minPerRegion: 2, name: 'asked' }, io);
    expect(prompts.asked).toEqual(['Save this roster as asked?']);
    expect(out.saved).toBe(false);
    expect(stdout()).toMatch(/Regions/);
    expect(stdout()).toMatch(/Arab States/);
    expect(stderr()).toMatch(/Not saved/);
  });

  it('asks before replacing a roster of the same name; --yes replaces it off a terminal', async () => {
    const first = await runSelect({ dbPath, size: 5, name: 'twice' }, bufferIO().io);
    expect(first.saved).toBe(true);
    const prompts = scriptedPrompts([true]);
    const tty = bufferIO({ tty: true, prompts: async () => prompts });
    const second = await runSelect({ dbPath, size: 6, name: 'twice' }, tty.io);
    expect(prompts.asked).toEqual(['A roster named twice exists. Replace it with this one?']);
    expect(second.saved).toBe(true);
    await expect(runSelect({ dbPath, size: 7, name: 'twice' }, bufferIO().io)).rejects.toThrow(/a roster named twice already exists/);
    const third = await runSelect({ dbPath, size: 7, name: 'twice' }, bufferIO({ yes: true }).io);
    expect(third.saved).toBe(true);
    const shown = json(await skillsnet(['roster', 'show', 'twice', '--json', '--db', dbPath]));
    expect(shown.members).toHaveLength(7);
  });
});

describe('one seat per organisation', () => {
  const dir = tempDir();
  const db = path.join(dir, 'twin.db');
  beforeAll(async () => {
    fs.writeFileSync(path.join(dir, 't.csv'), [
      'Application ID,Organization,Email,Country,Title,Description,Score',
      'A1,Twin Org,a@example.org,Kenya,Apprenticeships,Apprenticeships in garages,9',
      'A2,twin  org,b@example.org,Kenya,Career guidance,Guidance in schools,8.5',
      'A3,Other Org,c@example.org,Ghana,Start-ups,Entrepreneurship for youth,7',
      'A4,Third Org,d@example.org,Peru,Data,Labour market research,6',
    ].join('\n') + '\n');
    expect((await skillsnet(['--db', db, 'import', path.join(dir, 't.csv'), '--call', 'x'])).code).toBe(0);
  });

  it('by default takes at most one application from an organisation that sent several', async () => {
    const r = json(await skillsnet(['--db', db, 'select', '--size', '3', '--dry-run', '--json']));
    expect(r.members.map((m: { organization: string }) => m.organization.toLowerCase().replace(/\s+/g, ' '))).toEqual(['twin org', 'other org', 'third org']);
    expect(r.objective).toBe(22);
  });

  it('--max-per-organization raises the cap, and an impossible size is explained', async () => {
    const two = json(await skillsnet(['--db', db, 'select', '--size', '3', '--dry-run', '--json', '--max-per-organization', '2']));
    expect(two.objective).toBe(24.5);
    const four = await skillsnet(['--db', db, 'select', '--size', '4', '--dry-run']);
    expect(four.code).toBe(1);
    expect(four.stderr).toMatch(/organization maximums leave room for at most 3 members but the size is 4/);
  });
});

describe('one seat per organisation record, not per name', () => {
  let db = '';
  let quotas = '';
  beforeAll(async () => {
    // Two ministries of one name in two countries are two organisations; "Skills Trust" and
    // "Skills Trust Fund" are one once the officer merges them.
    let dir: string;
    ({ dir, db } = await importedCall([
      'Application ID,Organization,Email,Country,Title,Description,Score',
      'B1,Ministry of Labour,a@labour.example.ke,Kenya,Apprenticeships,Apprenticeships in garages,9',
      'B2,Ministry of Labour,b@labour.example.gh,Ghana,Career guidance,Guidance in schools,8.5',
      'B3,Skills Trust,c@trust.example.org,Peru,Start-ups,Entrepreneurship for youth,8',
      'B4,Skills Trust Fund,d@fund.example.net,Peru,Data,Labour market research,7.5',
      'B5,Fifth Org,e@fifth.example.org,Chile,Digital,Digital skills for women,6',
    ], { call: 'x' }));
    quotas = path.join(dir, 'quotas.csv');
    fs.writeFileSync(quotas, 'feature,value,min,max\norganization,ministry of labour,0,1\n');
  });
  const orgs = async () => json(await skillsnet(['--db', db, 'organizations', '--json'])) as { id: string; name: string; country: string | null }[];
  const ids = (r: { members: { id: number }[] }) => r.members.map((m) => m.id).sort((a, b) => a - b);

  it('takes both ministries of one name from two countries', async () => {
    const ministries = (await orgs()).filter((o) => o.name === 'Ministry of Labour');
    expect(ministries).toHaveLength(2);
    const r = json(await skillsnet(['--db', db, 'select', '--size', '3', '--name', 'three', '--json']));
    expect(ids(r)).toEqual([1, 2, 3]);
    // each entry names its organisation record, in select --json and roster show --json alike
    const shown = json(await skillsnet(['--db', db, 'roster', 'show', 'three', '--json']));
    for (const entries of [r.members, shown.members]) {
      const byId = new Map(entries.map((m: { id: number; organizationId: number }) => [m.id, `org-${m.organizationId}`]));
      expect([byId.get(1), byId.get(2)].sort()).toEqual(ministries.map((o) => o.id).sort());
    }
  });

  it('counts two organisations merged into one as one', async () => {
    const list = await orgs();
    const trust = list.find((o) => o.name === 'Skills Trust')!;
    const fund = list.find((o) => o.name === 'Skills Trust Fund')!;
    expect(trust.id).not.toBe(fund.id);
    expect((await skillsnet(['--db', db, 'merge', trust.id, fund.id, '--yes'])).code).toBe(0);
    const r = json(await skillsnet(['--db', db, 'select', '--size', '4', '--dry-run', '--json']));
    expect(ids(r)).toEqual([1, 2, 3, 5]);
    const five = await skillsnet(['--db', db, 'select', '--size', '5', '--dry-run']);
    expect(five.code).toBe(1);
    expect(five.stderr).toMatch(/organization maximums leave room for at most 4 members but the size is 5/);
    const two = json(await skillsnet(['--db', db, 'select', '--size', '5', '--dry-run', '--json', '--max-per-organization', '2']));
    expect(ids(two)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a quotas file that names an organisation counts every application of that name', async () => {
    const r = json(await skillsnet(['--db', db, 'select', '--size', '3', '--dry-run', '--json', '--quotas', quotas]));
    expect(ids(r)).toEqual([1, 3, 5]);
  });
});

describe('a saved roster\'s per-organisation quota after a merge', () => {
  let db = '';
  beforeAll(async () => {
    ({ db } = await importedCall([
      'Application ID,Organization,Email,Country,Title,Description,Score',
      'C1,Alpha Works,a@alpha.example.org,Kenya,Apprenticeships,Apprenticeships in garages,9',
      'C2,Beta Skills,b@beta.example.org,Peru,Career guidance,Guidance in schools,8.5',
      'C3,Beta Skills,c@beta.example.org,Peru,Start-ups,Entrepreneurship for youth,8.4',
      'C4,Gamma Lab,d@gamma.example.net,Chile,Data,Labour market research,7',
      'C5,Delta Trust,e@delta.example.com,Argentina,Digital,Digital skills for women,6',
      'C6,Beta Foundation,f@betafoundation.example.net,Peru,Care,Care work skills,5',
    ], { call: 'x' }));
  });

  it('counts the organisation kept: an alternate of the merged organisation does not take a seat beside its member', async () => {
    const saved = json(await skillsnet(['--db', db, 'select', '--size', '3', '--name', 'r', '--json']));
    expect(saved.members.map((m: { id: number }) => m.id).sort()).toEqual([1, 2, 4]);
    const orgs = json(await skillsnet(['--db', db, 'organizations', '--json'])) as { id: string; name: string }[];
    const beta = orgs.find((o) => o.name === 'Beta Skills')!.id;
    const foundation = orgs.find((o) => o.name === 'Beta Foundation')!.id;
    // the quota saved on Beta Skills now stands for Beta Foundation, which holds #2 and #3
    expect((await skillsnet(['--db', db, 'merge', foundation, beta, '--yes'])).code).toBe(0);
    const r = await skillsnet(['--db', db, 'roster', 'replace', 'r', '4', '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).added.id).toBe(5);
  });

  it('roster show says when a merge since it was saved puts two members in one organisation', async () => {
    const before = await skillsnet(['--db', db, 'roster', 'show', 'r']);
    expect(before.stderr).not.toMatch(/count towards organisation/);
    const orgs = json(await skillsnet(['--db', db, 'organizations', '--json'])) as { id: string; name: string }[];
    const foundation = orgs.find((o) => o.name === 'Beta Foundation')!.id;
    const gamma = orgs.find((o) => o.name === 'Gamma Lab')!.id;
    expect((await skillsnet(['--db', db, 'merge', foundation, gamma, '--yes'])).code).toBe(0);
    const after = await skillsnet(['--db', db, 'roster', 'show', 'r']);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stderr).toMatch(/members #2, #4 count towards organisation "[^"]+" \(org-\d+\), at most 1 \(organisations merged since the roster was saved\): free a seat with skillsnet roster replace r ID/);
    expect(json(await skillsnet(['--db', db, 'roster', 'show', 'r', '--json'])).broken).toHaveLength(1);
  });
});

describe('merging two organisations that hold two seats of a saved roster', () => {
  it('warns at once, also when no quota was saved for them (each had one application)', async () => {
    const { db } = await importedCall([
      'Application ID,Organization,Email,Country,Title,Description,Score',
      'E1,Alpha Works,a@alpha.example.org,Kenya,Apprenticeships,Apprenticeships in garages,9',
      'E2,Alfa Works Kenya,b@alfa.example.org,Kenya,Career guidance,Guidance in schools,8.5',
      'E3,Gamma Lab,c@gamma.example.net,Chile,Data,Labour market research,7',
    ], { call: 'x' });
    const saved = json(await skillsnet(['--db', db, 'select', '--size', '2', '--name', 'r', '--json']));
    expect(saved.members.map((m: { id: number }) => m.id).sort()).toEqual([1, 2]);
    const orgs = json(await skillsnet(['--db', db, 'organizations', '--json'])) as { id: string; name: string }[];
    const alpha = orgs.find((o) => o.name === 'Alpha Works')!.id;
    const alfa = orgs.find((o) => o.name === 'Alfa Works Kenya')!.id;
    const merged = await skillsnet(['--db', db, 'merge', alpha, alfa, '--yes']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toMatch(new RegExp(`warning: roster r: members #1, #2 count towards organisation "[^"]+" \\(${alpha}\\), at most 1 \\(organisations merged since the roster was saved\\): free a seat with skillsnet roster replace r ID`));
    expect(json(await skillsnet(['--db', db, 'roster', 'show', 'r', '--json'])).broken).toHaveLength(1);
  });
});

describe('an organisation a quotas file lets hold more than one seat, by name', () => {
  it('is given its seats, and roster show does not call them broken', async () => {
    const { dir, db } = await importedCall([
      'Application ID,Organization,Email,Country,Title,Description,Score',
      'F1,Alpha Works,a@alpha.example.org,Kenya,Apprenticeships,Apprenticeships in garages,9',
      'F2,Alpha Works,b@alpha.example.org,Kenya,Career guidance,Guidance in schools,8.5',
      'F3,Gamma Lab,c@gamma.example.net,Chile,Data,Labour market research,7',
    ], { call: 'x' });
    const quotas = path.join(dir, 'q.csv');
    fs.writeFileSync(quotas, 'feature,value,min,max\norganization,Alpha Works,,2\n');
    const r = await skillsnet(['--db', db, 'select', '--size', '2', '--quotas', quotas, '--name', 'r', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).members.map((m: { id: number }) => m.id).sort()).toEqual([1, 2]);
    expect(json(await skillsnet(['--db', db, 'roster', 'show', 'r', '--json'])).broken).toEqual([]);
  });
});

describe('per-organisation quotas that cannot mean anything', () => {
  let dir = '';
  let db = '';
  beforeAll(async () => {
    ({ dir, db } = await importedCall([
      'Application ID,Organization,Email,Country,Title,Description,Score',
      'D1,Alpha Works,a@alpha.example.org,Kenya,Apprenticeships,Apprenticeships in garages,9',
      'D2,Beta Skills,b@beta.example.org,Peru,Career guidance,Guidance in schools,8.5',
      'D3,Gamma Lab,c@gamma.example.net,Chile,Data,Labour market research,7',
    ], { call: 'x' }));
  });

  it('--max-per-organization 0 is a usage error that says what to write', async () => {
    const r = await skillsnet(['--db', db, 'select', '--size', '2', '--max-per-organization', '0', '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --max-per-organization needs a whole number of at least 1, got "0"\n\s+for example --max-per-organization 1/m);
  });

  it('a quotas file naming an organisation no eligible application belongs to is warned about', async () => {
    fs.writeFileSync(path.join(dir, 'q.csv'), 'feature,value,min,max\norganization,org-99999,,1\norganization,Alpha Works,,1\n');
    const r = await skillsnet(['--db', db, 'select', '--size', '2', '--quotas', path.join(dir, 'q.csv'), '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/q\.csv line 2: no eligible application has organisation "org-99999"[^\n]*\n\s+find organisation IDs/);
    expect(r.stderr).not.toMatch(/line 3/);
  });
});
