/**
 * A year of the Network through the built CLI: reports and exports an officer meets after the
 * first meeting (the 2020–2021 Teams list of actions, …).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, ROOT, runCli, tempDir } from './support/cli.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'events', 'members.csv');
const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import icalendar'], { encoding: 'utf8' }).status === 0);

let dir: string;
const sk = (...args: string[]) => runCli(['--db', path.join(dir, 'network.db'), ...args], { cwd: dir });
const write = (name: string, bytes: string | Buffer) => {
  fs.writeFileSync(path.join(dir, name), bytes);
  return path.join(dir, name);
};

beforeAll(() => {
  dir = tempDir('skillsnet-network-year-');
  expect(sk('import', FIXTURE, '--call', '2020').code).toBe(0);
}, 60_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the 2020–2021 Teams attendance list (one line per Joined / Left)', () => {
  it('is read: one row per connection, minutes from join to leave, rows = matched + unmatched', () => {
    expect(sk('event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2021-03-29 15:00', '--tz', 'Europe/Paris', '--json').code).toBe(0);
    const list = [
      'Full Name\tUser Action\tTimestamp',
      'Skills Network Secretariat\tJoined before\t3/29/2021, 2:55:10 PM',
      'Mariam Al-Masri\tJoined\t3/29/2021, 2:58:00 PM',
      'Awa Traoré\tJoined\t3/29/2021, 3:01:30 PM',
      'Mariam Al-Masri\tLeft\t3/29/2021, 3:20:00 PM',
      'Mariam Al-Masri\tJoined\t3/29/2021, 3:25:00 PM',
      'Awa Traoré\tLeft\t3/29/2021, 3:45:30 PM',
      'Mariam Al-Masri\tLeft\t3/29/2021, 4:00:00 PM',
    ].join('\r\n');
    const file = write('teams-2021.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(list, 'utf16le')]));
    const r = sk('event', 'attendance', '1', file, '--json');
    expect(r.code, r.stderr).toBe(0);
    const a = json(r);
    expect(a).toMatchObject({ rows: 4, matched: 3, unmatched: 1 });
    expect(a.files).toEqual([expect.objectContaining({ source: 'teams', rows: 4, people: 3, actionLines: 7, matched: 3, unmatched: 1 })]);
    const show = json(sk('event', 'show', '1', '--json'));
    const minutes = Object.fromEntries(show.attendees.map((x: any) => [x.organization, x.minutes]));
    expect(minutes).toMatchObject({ 'Organisation 23': 57, 'Organisation 88': 44 });
    const human = sk('event', 'attendance', '1', file);
    expect(human.code).toBe(0);
    // three people, not four: Mariam's re-join is a connection, not a person
    expect(human.stderr).toMatch(/3 people; their 7 Joined\/Left lines were read as 4 connections/);
    expect(human.stdout).toMatch(/^teams-2021\.csv \(again\)\tTeams\ten\t4\t3\t1\t3$/m);
    expect(human.stderr).not.toMatch(/Mariam|Traoré|@example/);
  });

  it('warns, by line, of a join well before the start (its minutes counted as the report gives them)', () => {
    const file = write('zoom-early.csv', [
      'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)',
      'Awa Sow,awa.sow@example.net,03/29/2021 01:30:00 PM,03/29/2021 04:00:00 PM,150',
      'Yaw Adeyemi,yawadeyemi7@example.com,03/29/2021 02:55:00 PM,03/29/2021 04:00:00 PM,65',
    ].join('\n') + '\n');
    const r = sk('event', 'attendance', '1', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: zoom-early\.csv: line 2: joined more than 60 minutes before the event's start \(90 minutes before\)/);
    expect(r.stderr).not.toMatch(/line 3|Awa|@example/);
  });

  it('names Google Meet and Webex reports by their tool, not "Zoom"', () => {
    const meet = write('meet.csv', 'First name,Last name,Email,Duration,Time joined,Time exited\r\nYaw,Adeyemi,yawadeyemi7@example.com,58 min,3:02 PM,4:00 PM\r\n');
    const webex = write('webex.csv', 'Name,Email,Join Time,Leave Time,Duration\r\nAwa Traoré,atraore@example.org,03/29/2021 3:00 PM,03/29/2021 3:40 PM,40 mins\r\n');
    const r = sk('event', 'attendance', '1', meet, webex, '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^meet\.csv\tGoogle Meet\ten\t1\t1\t0\t1$/m);
    expect(r.stdout).toMatch(/^webex\.csv\tWebex\ten\t1\t1\t0\t1$/m);
    expect(json(sk('event', 'attendance', '1', meet, webex, '--dry-run', '--json')).files.map((f: any) => [f.source, f.tool])).toEqual([['zoom', 'meet'], ['zoom', 'webex']]);
  });
});

describe('a member who withdrew, and one who said no to the map', () => {
  it('are on no map (Kumu, offline HTML, GraphML), and the one who withdrew is not invited', () => {
    const members = json(sk('members', '--json'));
    const byEmail = (email: string) => members.find((m: any) => m.email === email);
    const left = byEmail('khaledyassin81@example.org');
    const private_ = byEmail('dhoang@example.com');
    expect(sk('withdraw', `member-${left.id}`, '--yes').code).toBe(0);
    expect(sk('member', 'set', String(private_.id), '--consent-map', 'no').code).toBe(0);

    const html = sk('export', 'map', '--out', path.join(dir, 'map.html'), '--json');
    expect(html.code, html.stderr).toBe(0);
    expect(json(html).counts).toMatchObject({ withheld: 1, withdrawn: 1 });
    expect(html.stderr).toMatch(/1 member who withdrew from the network is left out \(--status withdrawn shows them\)/);
    const page = fs.readFileSync(path.join(dir, 'map.html'), 'utf8');
    const data = JSON.parse(/<script type="application\/json" id="skillsnet-map-data">(.*?)<\/script>/s.exec(page)![1]!);
    const ids = new Set(data.nodes.map((n: { id: string }) => n.id));
    expect(ids.has(byEmail('atraore@example.org').kumuId)).toBe(true);
    expect(ids.has(left.kumuId)).toBe(false);
    expect(ids.has(private_.kumuId)).toBe(false);

    expect(sk('export', 'kumu', '--format', 'json', '--out', path.join(dir, 'kumu.json')).code).toBe(0);
    const kumu = JSON.parse(fs.readFileSync(path.join(dir, 'kumu.json'), 'utf8'));
    const kumuIds = new Set(kumu.elements.map((e: { id: string }) => e.id));
    expect([kumuIds.has(left.kumuId), kumuIds.has(private_.kumuId)]).toEqual([false, false]);
    expect(sk('export', 'graphml', '--out', path.join(dir, 'g.graphml')).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'g.graphml'), 'utf8')).not.toContain(`"${left.kumuId}"`);
    // asked for by name, the one who withdrew is there
    const asked = json(sk('export', 'kumu', '--format', 'json', '--status', 'withdrawn', '--out', path.join(dir, 'left.json'), '--json'));
    expect(asked.counts).toMatchObject({ organizations: 1, withdrawn: 0 });

    expect(sk('event', 'add', 'Clinic', '--kind', 'clinic', '--start', '2021-11-05 10:00', '--tz', 'America/New_York').code).toBe(0);
    const invited = json(sk('event', 'invite', '2', '--call', '2020', '--json'));
    expect(invited.invited).not.toContain(left.id);
    expect(invited.invited).toContain(private_.id);
  });

  it('one who withdraws after the invitation is left out of the mail merge and the calendar attendees', () => {
    const later = json(sk('members', '--json')).find((m: any) => m.email === 'awa.sow@example.net');
    expect(sk('withdraw', `member-${later.id}`, '--yes').code).toBe(0);
    const r = sk('event', 'invitations', '2', '--out', path.join(dir, 'invitations.csv'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/1 member who withdrew from the network since being invited is left out/);
    expect(fs.readFileSync(path.join(dir, 'invitations.csv'), 'utf8')).not.toContain('awa.sow@example.net');
    const ics = sk('event', 'ics', '2', '--with-attendees', '--out', '-');
    expect(ics.code, ics.stderr).toBe(0);
    expect(ics.stdout).not.toContain('awa.sow@example.net');
    expect(ics.stdout).toContain('atraore@example.org');
    const groups = sk('event', 'groups', '2', '--by', 'language', '--groups', 'en=1,fr=1,es=1');
    expect(groups.code, groups.stderr).toBe(0);
    expect(groups.stdout).toContain(`member-${later.id}: withdrew from the network since being invited`);
  });
});

describe('a partner list imported twice', () => {
  it('is unchanged the second time: no row updated, no note repeated', () => {
    const file = write('partenaires.csv', [
      "Nom de l'organisation;Personne de contact;Courriel;Pays;Langue de travail;Rôle;Notes",
      "Agence Exemple pour l'Emploi;Mamadou Exemple;mamadou.exemple@example.org;Sénégal;français;partenaire;préfère le téléphone",
    ].join('\n') + '\n');
    expect(json(sk('member', 'import', file, '--json'))).toMatchObject({ rows: 1, added: 1 });
    const again = sk('member', 'import', file, '--json');
    expect(json(again)).toMatchObject({ rows: 1, added: 0, updated: 0, unchanged: 1 });
    const m = json(sk('members', '--role', 'partner', '--json')).find((x: any) => x.email === 'mamadou.exemple@example.org');
    expect(m).toMatchObject({ notes: 'préfère le téléphone', roles: ['partner'], country: 'SN', workingLanguage: 'fr' });
    expect(sk('member', 'set', String(m.id), '--role', 'core-group').code).toBe(0);
    const promoted = json(sk('members', '--role', 'core-group', '--json')).find((x: any) => x.id === m.id);
    expect(promoted).toMatchObject({ roles: ['core-group', 'partner'], cohorts: [] });
    expect(sk('member', 'set', String(m.id), '--remove-role', 'core-group').code).toBe(0);
  });

  it('is in the follow-up list (export contacts --never-attended) only once invited to an event it missed', () => {
    const out = path.join(dir, 'follow-up.csv');
    expect(sk('export', 'contacts', '--never-attended', '--out', out).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).not.toContain('mamadou.exemple@example.org');
    const m = json(sk('members', '--role', 'partner', '--json')).find((x: any) => x.email === 'mamadou.exemple@example.org');
    expect(sk('event', 'invite', '1', '--member', String(m.id)).code).toBe(0); // the webinar, its attendance taken: he did not come
    expect(sk('export', 'contacts', '--never-attended', '--out', out, '--force').code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('mamadou.exemple@example.org');
  });
});

describe('events either side of a change of clocks', () => {
  it('puts each invitee\'s local start at the offset of that day, and the calendar at the same instant', () => {
    expect(PYTHON, 'python3-icalendar is missing: apt-get install python3-icalendar').toBeDefined();
    const members = json(sk('members', '--json'));
    const ny = members.find((m: any) => m.email === 'atraore@example.org');
    const paris = members.find((m: any) => m.email === 'mariam.almasri@example.org');
    expect(sk('member', 'set', String(ny.id), '--time-zone', 'America/New_York').code).toBe(0);
    expect(sk('member', 'set', String(paris.id), '--time-zone', 'Europe/Paris').code).toBe(0);
    const local: Record<string, string[]> = {};
    // New York leaves summer time on 7 November 2021, Paris on 31 October
    for (const [day, title] of [['2021-11-05', 'Before'], ['2021-11-08', 'After']] as const) {
      const id = json(sk('event', 'add', title, '--kind', 'webinar', '--start', `${day} 10:00`, '--tz', 'America/New_York', '--json')).id;
      expect(sk('event', 'invite', String(id), '--member', String(ny.id), String(paris.id)).code).toBe(0);
      const sheet = sk('event', 'invitations', String(id), '--out', '-');
      expect(sheet.code, sheet.stderr).toBe(0);
      const rows = parse(sheet.stdout, { columns: true, bom: true }) as Record<string, string>[];
      local[title] = [ny.email, paris.email].map((e) => rows.find((r) => r.email === e)!.local_start);
      const ics = path.join(dir, `${title}.ics`);
      expect(sk('event', 'ics', String(id), '--out', ics).code).toBe(0);
      const script = 'import sys, datetime\nfrom icalendar import Calendar\nev = [c for c in Calendar.from_ical(open(sys.argv[1], "rb").read()).walk("VEVENT")][0]\nprint(ev.decoded("DTSTART").astimezone(datetime.timezone.utc).isoformat())';
      const py = spawnSync(PYTHON!, ['-c', script, ics], { encoding: 'utf8' });
      expect(py.stderr).toBe('');
      expect(new Date(py.stdout.trim()).getTime()).toBe(new Date(local[title]![0]!).getTime());
    }
    expect(local).toEqual({
      Before: ['2021-11-05T10:00:00-04:00', '2021-11-05T15:00:00+01:00'],
      After: ['2021-11-08T10:00:00-05:00', '2021-11-08T16:00:00+01:00'],
    });
  });
});
