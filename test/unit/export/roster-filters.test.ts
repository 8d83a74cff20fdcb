/**
 * export roster --role and --status keep the lines whose organisation's member has them, as
 * `members --role --status` does: after `roster accept`, the Core Group that said yes is
 * `--role core-group --status active`, whatever the rest of the roster did. --type and
 * --beneficiary, which every other export takes (issue 13), keep the lines whose application has them.
 */
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, ROOT, run, tempDir } from '../support/run.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'events', 'members.csv');
let dir: string;
let db: string;
const sk = (...args: string[]) => run(['--db', db, ...args], { cwd: dir });
let seats: { id: number; organizationId: number }[];
let alternates: number[];

beforeAll(async () => {
  dir = tempDir('skillsnet-roster-filters-');
  db = path.join(dir, 'n.db');
  expect((await sk('import', FIXTURE, '--call', '2020')).code).toBe(0);
  const sel = await sk('select', '--size', '4', '--order', 'id', '--alternates', '2', '--name', 'core-2020', '--json');
  expect(sel.code, sel.stderr).toBe(0);
  alternates = json(sel).alternates.map((a: { id: number }) => a.id);
  expect(alternates).toHaveLength(2);
  const doc = json(await sk('export', 'roster', 'core-2020', '--format', 'json', '--out', '-'));
  seats = doc.members;
  expect((await sk('roster', 'accept', 'core-2020')).code).toBe(0); // the four: core-group, invited
  // Two say yes; one says no (the seat stays open); one has not answered.
  for (const s of seats.slice(0, 2)) expect((await sk('member', 'set', `org-${s.organizationId}`, '--status', 'active')).code).toBe(0);
  expect((await sk('member', 'set', `org-${seats[2]!.organizationId}`, '--status', 'declined')).code).toBe(0);
}, 60_000);

describe('export roster --role --status', () => {
  it('--role core-group --status active: the Core Group that said yes, in every format', async () => {
    const filters = ['--role', 'core-group', '--status', 'active'];
    const doc = json(await sk('export', 'roster', 'core-2020', ...filters, '--format', 'json', '--out', '-'));
    expect(doc.members.map((m: { id: number }) => m.id)).toEqual(seats.slice(0, 2).map((s) => s.id));
    expect(doc.alternates).toEqual([]);
    expect(doc.filters).toEqual({ role: 'core-group', status: 'active' });
    const csv = parse((await sk('export', 'roster', 'core-2020', ...filters, '--format', 'csv', '--out', '-')).stdout, { columns: true, bom: true }) as { id: string }[];
    expect(csv.map((r) => Number(r.id))).toEqual(seats.slice(0, 2).map((s) => s.id));
    const md = await sk('export', 'roster', 'core-2020', ...filters, '--out', 'yes.md', '--json');
    expect(json(md).counts).toEqual({ members: 2, alternates: 0, leftOut: 4 });
    expect(md.stderr).toMatch(/roster "core-2020": 2 members and 0 alternates with role core-group, status active \(4 others left out\)/);
  });

  it('--status alone: alternates whose members are active stay, the Core Group not yet answered does not', async () => {
    const doc = json(await sk('export', 'roster', 'core-2020', '--status', 'invited', '--format', 'json', '--out', '-'));
    expect(doc.members.map((m: { id: number }) => m.id)).toEqual([seats[3]!.id]);
    expect(doc.alternates).toEqual([]);
    const active = json(await sk('export', 'roster', 'core-2020', '--status', 'active', '--format', 'json', '--out', '-'));
    expect(active.alternates.map((a: { id: number }) => a.id)).toEqual(alternates);
    const declined = json(await sk('export', 'roster', 'core-2020', '--role', 'core-group', '--status', 'declined', '--format', 'json', '--out', '-'));
    expect(declined.members.map((m: { id: number }) => m.id)).toEqual([seats[2]!.id]);
  });

  it('the Markdown says it lists only some; without filters nothing changes', async () => {
    const md = (await sk('export', 'roster', 'core-2020', '--role', 'core-group', '--format', 'md', '--out', '-')).stdout;
    expect(md).toContain('Only those whose membership has role core-group: the others in the roster are left out.');
    expect(md).toContain('4 members and 0 alternates');
    const all = json(await sk('export', 'roster', 'core-2020', '--format', 'json', '--out', '-'));
    expect(all.members).toHaveLength(4);
    expect(all.alternates).toHaveLength(2);
    expect(all).not.toHaveProperty('filters');
    expect(json(await sk('export', 'roster', 'core-2020', '--out', 'all.md', '--json')).counts).toEqual({ members: 4, alternates: 2 });
  });

  it('warns when nobody matches, and refuses a role or status it does not know (exit 2)', async () => {
    const none = await sk('export', 'roster', 'core-2020', '--role', 'partner', '--out', 'none.md');
    expect(none.code).toBe(0);
    expect(none.stderr).toMatch(/no one in roster "core-2020" has role partner: the document lists nobody/);
    const bad = await sk('export', 'roster', 'core-2020', '--status', 'maybe', '--out', 'bad.md');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --status: "maybe" is not a status\n.*invited, active, declined, withdrawn, alumni/);
  });
});

describe('export roster --type --beneficiary (issue 13: every export takes them)', () => {
  it('keeps the lines whose application has the organisation type or names the group, spelled in any language', async () => {
    const [ngo, youth] = [seats[0]!.id, alternates[0]!];
    expect((await sk('edit', String(ngo), '--set', 'organizationType=ONG', '--set', 'beneficiaries=Jeunes; Femmes')).code).toBe(0);
    expect((await sk('edit', String(youth), '--set', 'beneficiaries=Youth')).code).toBe(0);
    const byType = await sk('export', 'roster', 'core-2020', '--type', 'NGO', '--format', 'json', '--out', '-');
    expect(byType.code, byType.stderr).toBe(0);
    const doc = json(byType);
    expect(doc.members.map((m: { id: number }) => m.id)).toEqual([ngo]);
    expect(doc.alternates).toEqual([]);
    expect(doc.filters).toEqual({ type: 'NGO' });
    const csv = parse((await sk('export', 'roster', 'core-2020', '--beneficiary', 'youth', '--format', 'csv', '--out', '-')).stdout, { columns: true, bom: true }) as { id: string }[];
    expect(csv.map((r) => Number(r.id))).toEqual([ngo, youth]);
    const md = await sk('export', 'roster', 'core-2020', '--beneficiary', 'Jóvenes', '--role', 'core-group', '--out', 'youth.md', '--json');
    expect(md.code, md.stderr).toBe(0);
    expect(json(md).counts).toEqual({ members: 1, alternates: 0, leftOut: 5 });
    expect(md.stderr).toMatch(/1 member and 0 alternates with role core-group, beneficiary Youth \(5 others left out\)/);
  });
});

describe('export roster --delimiter', () => {
  it('";" for Excel in a French or Spanish locale: the same lines, scores with a decimal comma', async () => {
    const comma = parse((await sk('export', 'roster', 'core-2020', '--format', 'csv', '--out', '-')).stdout, { columns: true, bom: true }) as Record<string, string>[];
    const r = await sk('export', 'roster', 'core-2020', '--format', 'csv', '--delimiter', ';', '--out', '-');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('\uFEFFrole;rank;id;')).toBe(true);
    const semicolon = parse(r.stdout, { columns: true, bom: true, delimiter: ';' }) as Record<string, string>[];
    expect(semicolon.map((l) => ({ ...l, score: l.score!.replace(',', '.') }))).toEqual(comma);
  });

  it('applies to csv only (exit 2)', async () => {
    const r = await sk('export', 'roster', 'core-2020', '--format', 'md', '--delimiter', ';', '--out', '-');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --delimiter applies to --format csv only');
  });
});
