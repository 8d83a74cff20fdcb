import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { json, runCli, tempDir } from './support/cli.js';
import { categoryCodes } from '../../dist/tagging/taxonomy.js';
import { REGIONS } from '../../dist/model.js';

describe('skillsnet demo (built CLI)', () => {
  let dir: string;
  let out: string;
  let first: ReturnType<typeof runCli>;

  beforeAll(() => {
    dir = tempDir('skillsnet-demo-');
    out = path.join(dir, 'demo');
    first = runCli(['demo', '--out', out, '--json'], { cwd: dir, timeout: 120_000 });
  }, 180_000);

  it('imports the sample call with every row accounted for', () => {
    expect(first.code, first.stderr).toBe(0);
    const r = json(first);
    const i = r.import;
    expect(i.rows).toBe(i.inserted + i.updated + i.unchanged + i.rejected);
    expect(i.inserted + i.updated).toBeGreaterThanOrEqual(470);
    expect(i.rejected).toBeGreaterThanOrEqual(1); // the sample carries a row without an email
    expect(fs.statSync(path.join(out, 'skillsnet.db')).mode & 0o777).toBe(0o600);
  });

  it('tags every category and reports the counts', () => {
    const r = json(first);
    for (const code of categoryCodes()) expect(r.tagging.categories[code], code).toBeGreaterThan(0);
    expect(r.tagging.tagged).toBeGreaterThan(400);
  });

  it('selects a Core Group of 25 that meets the quotas, proven optimal', () => {
    const r = json(first);
    expect(r.selection).toMatchObject({ name: 'core-2020', size: 25, optimal: true });
    const members = json(runCli(['--db', path.join(out, 'skillsnet.db'), 'list', '--roster', 'core-2020', '--json']));
    expect(members).toHaveLength(25);
    const by = (key: string) => {
      const m = new Map<string, number>();
      for (const a of members) for (const v of [a[key]].flat()) m.set(v, (m.get(v) ?? 0) + 1);
      return m;
    };
    for (const region of REGIONS) expect(by('region').get(region) ?? 0, region).toBeGreaterThanOrEqual(3);
    for (const [, n] of by('country')) expect(n).toBeLessThanOrEqual(2);
    for (const code of categoryCodes()) expect(by('categories').get(code) ?? 0, code).toBeGreaterThanOrEqual(1);
    for (const lang of ['en', 'fr', 'es']) expect(by('language').get(lang) ?? 0, lang).toBeGreaterThanOrEqual(1);
  });

  it('writes a Kumu workbook, a contact list and the roster, readable by the owner only', async () => {
    const r = json(first);
    for (const file of Object.values(r.files) as string[]) {
      expect(fs.existsSync(file), file).toBe(true);
      expect(fs.statSync(file).mode & 0o777, file).toBe(0o600);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.files.kumu);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Elements', 'Connections']));
    expect(wb.getWorksheet('Elements')!.rowCount).toBeGreaterThan(400);
    const csv = fs.readFileSync(r.files.contacts, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).not.toMatch(/@(?!example\.(org|com|net))[a-z0-9-]+\.[a-z]/i);
    const members = fs.readFileSync(r.files.roster, 'utf8').split(/^## /m).find((s) => s.startsWith('Members'))!;
    expect(members.split('\n').filter((l) => /^\|\s*\d+/.test(l))).toHaveLength(25);

    // The offline network map, with the Core Group marked (the browser test opens it).
    const html = fs.readFileSync(r.files.map, 'utf8');
    expect(path.basename(r.files.map)).toBe('network.html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/"coreGroup":true/g)).toHaveLength(25);
    expect(fs.statSync(r.files.map).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('holds the first Core Group meeting: invitations in local times, the calendar file, four breakout groups, who came', () => {
    const r = json(first);
    const e = r.events;
    expect(e).toMatchObject({ eventId: 1, title: '1st Core Group meeting', start: '2020-11-19T14:00', timeZone: 'Europe/Zurich', coreGroup: 25, invited: 25, groupsOptimal: true });
    expect(e.groups.map((g: { id: string }) => g.id)).toEqual(['en-1', 'en-2', 'fr-1', 'es-1']);
    expect(e.groups.reduce((n: number, g: { size: number }) => n + g.size, 0) + e.unassigned.length).toBe(25);

    const rows = parse(fs.readFileSync(r.files.invitations, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(25);
    for (const row of rows) {
      expect(row.local_start, row.member_id).toMatch(/^2020-11-(19|20)T\d\d:\d\d:00[+-]\d\d:\d\d$/);
      expect(new Date(row.local_start).toISOString()).toBe('2020-11-19T13:00:00.000Z');
      expect(row.group).toMatch(/^(en-1|en-2|fr-1|es-1)$/);
    }
    expect(rows.find((x) => x.country === 'PH')!.local_start).toBe('2020-11-19T21:00:00+08:00');

    const ics = fs.readFileSync(r.files.calendar, 'utf8');
    expect(ics).toMatch(/^DTSTART:20201119T130000Z\r$/m);
    expect(ics).toMatch(/^UID:skillsnet-event-1@[0-9a-f-]{36}\r$/m);
    // An invitation from the sample's secretariat (the host of its Zoom reports), no attendee listed.
    expect(ics).toMatch(/^METHOD:REQUEST\r$/m);
    expect(ics).toMatch(/^ORGANIZER;CN="Skills Network Secretariat":mailto:secretariat@example\.org\r$/m);
    expect(ics).not.toContain('ATTENDEE');
    const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import icalendar'], { encoding: 'utf8' }).status === 0);
    expect(python, 'python3-icalendar is missing: apt-get install python3-icalendar').toBeDefined();
    const read = spawnSync(python!, ['-c', 'import sys; from icalendar import Calendar; ev = Calendar.from_ical(open(sys.argv[1], "rb").read()).walk("VEVENT")[0]; print(ev.decoded("DTSTART").isoformat())', r.files.calendar], { encoding: 'utf8' });
    expect(read.stdout.trim()).toBe('2020-11-19T13:00:00+00:00');

    const a = e.attendance;
    expect(a.rows).toBe(a.matched + a.unmatched);
    expect(a.files.map((f: { source: string; language: string }) => `${f.source}/${f.language}`)).toEqual(['zoom/en', 'zoom/fr', 'zoom/es', 'teams/en', 'teams/fr', 'teams/es']);
    expect(e.attendees.length).toBeGreaterThanOrEqual(20);
    for (const x of e.attendees) expect(x.minutes).toBeGreaterThan(0);
    // every Core Group member came or is named as never attending (a member outside it may come too)
    const invited = new Set(rows.map((x) => Number(String(x.member_id).replace(/\D/g, ''))));
    expect(invited.size).toBe(25);
    const came = e.attendees.filter((x: { memberId: number }) => invited.has(x.memberId)).length;
    expect(e.neverAttended.length).toBe(25 - came);
    for (const id of e.neverAttended) expect(invited.has(id)).toBe(true);
  });

  it('prints who attended by member, organisation and minutes, and no person\'s name or address', () => {
    // (a folder with a space: the commands it suggests are pasted into a shell, so they quote it)
    const again = runCli(['demo', '--out', path.join(dir, 'demo text')], { cwd: dir, timeout: 120_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('skillsnet --db "demo text/skillsnet.db" list --region "Arab States"');
    expect(again.stdout).toContain('skillsnet --db "demo text/skillsnet.db" rejects');
    expect(again.stdout).not.toMatch(/--db demo text/);
    expect(again.stdout).toMatch(/5\. The Core Group's first meeting/);
    expect(again.stdout).toMatch(/^member\torganisation\tcountry\tgroup\tminutes$/m);
    expect(again.stdout).toMatch(/^es-1\t4\t/m);
    expect(again.stdout).toMatch(/Engagement: \d+ of 25 Core Group members came/);
    expect(again.stdout + again.stderr).not.toMatch(/@example\.|Sibanda|Tafadzwa|Al-Masri|Vargas/);
    expect(again.stdout).toMatch(/event show 1/);
  }, 180_000);

  it('runs again over its own folder, replacing what it made', () => {
    const again = runCli(['demo', '--out', out], { cwd: dir, timeout: 120_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Try next/);
    expect(again.stdout).toMatch(/skillsnet --db demo\/skillsnet.db list/);
    const stats = json(runCli(['--db', path.join(out, 'skillsnet.db'), 'stats', '--json']));
    expect(stats.total).toBe(json(first).import.inserted); // a fresh database, not a second import on top
  }, 180_000);

  it('refuses a folder that holds files it did not make', () => {
    const other = path.join(dir, 'mine');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'contacts.csv'), 'precious');
    const r = runCli(['demo', '--out', other], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*did not make/m);
    expect(fs.readFileSync(path.join(other, 'contacts.csv'), 'utf8')).toBe('precious');
  });
});
