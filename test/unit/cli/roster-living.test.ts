/**
 * The Core Group roster as a living list: exports carry the score that was ranked (reviewers'
 * where they scored), "Rank" and "ID" are told apart, a replacement recounts whom the alternates
 * can replace, and when nobody fits the quota that binds is named with the two ways on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication } from '../../../src/db/applications.js';
import { json, run as skillsnet, tempDir } from '../support/run.js';

/**
 * Twelve applications: one from Asia and the Pacific (the only one: a region minimum of 1 binds
 * on it), the rest from four regions, one country each so that "at most 1 per country" makes
 * country quotas without any of them blocking.
 */
const APPS: [string, string, number][] = [
  ['Asia and the Pacific', 'PH', 6],
  ['Africa', 'KE', 9], ['Africa', 'SN', 8.5], ['Africa', 'GH', 5],
  ['Americas', 'MX', 8.8], ['Americas', 'BR', 8.1], ['Americas', 'PE', 4],
  ['Arab States', 'JO', 7.9], ['Arab States', 'LB', 3],
  ['Europe and Central Asia', 'FR', 8.7], ['Europe and Central Asia', 'TR', 7.5], ['Europe and Central Asia', 'GE', 2],
];

let dir: string;
let db: string;
const ids: number[] = [];

beforeAll(() => {
  dir = tempDir('skillsnet-roster-living-');
  db = path.join(dir, 'roster.db');
  const d = openDatabase(db, { create: true });
  APPS.forEach(([region, country, score], i) => {
    ids.push(insertApplication(d, '2020', {
      organization: `Org ${i + 1}`, externalId: `SIC-${i + 1}`, email: `app${i + 1}@example.org`, contactName: `Contact ${i + 1}`,
      country, region: region as never, language: 'en', score,
    }));
  });
  d.close();
});

const cli = (...args: string[]) => skillsnet(['--db', db, ...args]);

describe('a roster after reviewers scored', () => {
  it('exports md, csv and json with the selection score, and tells Rank from ID', async () => {
    const sheet = path.join(dir, 'reviews.csv');
    fs.writeFileSync(sheet, 'Application ID,Reviewer,Score\n' + APPS.map((_, i) => `SIC-${i + 1},Ana,${(i * 7) % 10}\nSIC-${i + 1},Ben,${(i * 3) % 10}`).join('\n') + '\n');
    const imported = await cli('scores', 'import', sheet, '--scale', '0-10');
    expect(imported.code, imported.stderr).toBe(0);
    const sel = json(await cli('select', '--size', '5', '--min-per-region', '1', '--name', 'scored', '--json'));
    expect(sel.members.every((m: any) => m.scoreSource === 'reviewers')).toBe(true);
    const byId = new Map<number, number>(sel.members.map((m: any) => [m.id, m.score]));

    const jsonOut = JSON.parse((await cli('export', 'roster', 'scored', '--format', 'json', '--out', '-')).stdout);
    expect(jsonOut.members.map((m: any) => [m.id, m.score, m.scoreSource])).toEqual(sel.members.map((m: any) => [m.id, m.score, 'reviewers']));
    const csv = parse((await cli('export', 'roster', 'scored', '--format', 'csv', '--out', '-')).stdout, { columns: true, bom: true }) as Record<string, string>[];
    for (const row of csv.filter((r) => r.role === 'member')) expect(Number(row.score)).toBe(byId.get(Number(row.id)));
    expect(csv[0]).toHaveProperty('score_source', 'reviewers');
    const md = (await cli('export', 'roster', 'scored', '--format', 'md', '--out', '-')).stdout;
    expect(md).toMatch(/^\| Rank \| ID \| Organisation \|/m);
    expect(md).not.toMatch(/^\| # \|/m);
    const first = sel.members[0];
    expect(md).toContain(`| 1 | ${first.id} | Org `);
    expect(md).toContain(`| ${first.score} |`);
    expect(md).toMatch(/reviewers' combined score/);

    const table = (await cli('roster', 'show', 'scored')).stdout;
    expect(table).toMatch(/^Rank\tID\tOrganisation/m);
  });
});

describe('roster replace', () => {
  it('recounts whom the alternates can replace: the member who declined is nobody\'s to replace', async () => {
    const sel = json(await cli('select', '--size', '5', '--max-per-country', '1', '--alternates', '4', '--name', 'open', '--json'));
    const leaving = sel.members[0].id;
    const offered = sel.alternates.filter((a: any) => a.replaces.includes(leaving));
    expect(offered.length).toBeGreaterThan(0);
    const r = json(await cli('roster', 'replace', 'open', String(leaving), '--json'));
    expect(r).toMatchObject({ from: 'alternates', saved: true, relaxed: [] });
    const shown = json(await cli('roster', 'show', 'open', '--json'));
    for (const a of shown.alternates) {
      expect(a.replaces).not.toContain(leaving);
      expect(a.reasons.join(' ')).not.toContain(`#${leaving}`);
    }
    const exported = JSON.parse((await cli('export', 'roster', 'open', '--format', 'json', '--out', '-')).stdout);
    for (const a of exported.alternates) expect(a.replaces).not.toContain(leaving);
  });

  it('when nobody fits, names the one binding quota, not every country clause, and offers --leave-open and --relax', async () => {
    await cli('select', '--size', '5', '--min-per-region', '1', '--max-per-country', '1', '--name', 'core');
    const asia = ids[0];
    const r = await cli('roster', 'replace', 'core', String(asia));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`error: no alternate or eligible application can take the place of #${asia} in core without breaking this quota:`));
    expect(r.stderr).toMatch(/ {2}- region Asia and the Pacific at least 1: /);
    expect(r.stderr).not.toMatch(/country/);
    expect(r.stderr).toContain(`skillsnet roster replace core ${asia} --leave-open`);
    expect(r.stderr).toContain(`skillsnet roster replace core ${asia} --relax "region=Asia and the Pacific"`);
    const asJson = await cli('roster', 'replace', 'core', String(asia), '--json');
    expect(json(asJson).binding).toEqual([expect.objectContaining({ feature: 'region', value: 'Asia and the Pacific', min: 1, quota: 'region Asia and the Pacific at least 1' })]);
  });

  it('--relax lets the best that keeps the other quotas step in, and says which quota gave way', async () => {
    const asia = ids[0];
    const r = json(await cli('roster', 'replace', 'core', String(asia), '--relax', 'region=asia and the pacific', '--dry-run', '--json'));
    expect(r).toMatchObject({ relaxed: ['region Asia and the Pacific at least 1'], saved: false });
    expect(r.added.region).not.toBe('Asia and the Pacific');
    const wrong = await cli('roster', 'replace', 'core', String(asia), '--relax', 'region=Atlantis');
    expect(wrong.code).toBe(2);
    const none = await cli('roster', 'replace', 'core', String(asia), '--relax', 'language=fr');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--relax: roster core has no quota on language fr/);
  });

  it('--leave-open takes the member out and leaves the seat empty, recorded in the history', async () => {
    const asia = ids[0];
    const r = json(await cli('roster', 'replace', 'core', String(asia), '--leave-open', '--json'));
    expect(r).toMatchObject({ from: 'open', added: null, saved: true });
    const shown = json(await cli('roster', 'show', 'core', '--json'));
    expect(shown.members.map((m: any) => m.id)).not.toContain(asia);
    expect(shown.members.map((m: any) => m.rank)).toEqual([1, 2, 3, 4]);
    expect(shown.changes.at(-1).note).toMatch(/declined; the seat is left open/);
    // The roster misses the Asia minimum now; a later replacement must not miss it by more, nor break anything else.
    const next = await cli('roster', 'replace', 'core', String(shown.members[0].id), '--dry-run', '--json');
    expect(next.code, next.stderr).toBe(0);
  });
});
