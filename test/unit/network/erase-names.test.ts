/**
 * erase, on forms that split the contact's name (First name / Last name columns), and on a
 * person who attended an event: the name parts leave the file too, common words that merely
 * contain a short given name stay, the organisation keeps its attendance, and every row of the
 * report is still accounted for.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importedCall, json, run } from '../support/run.js';
import { zoomReport } from '../support/zoom.js';

function bytesHold(file: string, needle: string): boolean {
  if (!fs.existsSync(file)) return false;
  const bytes = fs.readFileSync(file);
  return [needle, needle.toLowerCase(), needle.toUpperCase()].some((n) => bytes.includes(Buffer.from(n, 'utf8')));
}

const HEADER = 'Organization,First name,Last name,Email,Phone,Country,Title';

/** A Zoom report of the webinar: Ximena for two hours, Pedro for one. */
const ZOOM = zoomReport('Webinar', [
  'Ximena Quirogandú,ximena.q@example.org,11/19/2020 02:00:00 PM,11/19/2020 04:00:00 PM,120,Yes,Y',
  'Pedro Ejemplo,pedro@example.org,11/19/2020 02:00:00 PM,11/19/2020 03:00:00 PM,60,Yes,Y',
]);

describe('erase with split name columns', () => {
  it("leaves neither the given nor the family name in the file or its WAL", async () => {
    const { db } = await importedCall([
      HEADER,
      'Taller Sur,Ximena,Quirogandú,ximena.q@example.org,+54 11 5555 0142,Argentina,Aprender haciendo en talleres',
      'Otra Org,Pedro,Ejemplo,pedro@example.org,+54 11 5555 0100,Argentina,Formación digital para jóvenes',
    ]);
    // the officer corrected the family name once: the history keeps the old value as a whole cell
    const person = json(await run(['--db', db, 'members', '--json'])).find((m: { email: string }) => m.email === 'ximena.q@example.org');
    expect(person).toBeTruthy();
    expect((await run(['--db', db, 'edit', `person-${person.personId}`, '--set', 'familyName=Quirogandu'])).code).toBe(0);
    expect(bytesHold(db, 'Quirogandú') || bytesHold(`${db}-wal`, 'Quirogandú')).toBe(true);

    const r = await run(['--db', db, 'erase', 'ximena.q@example.org', '--yes', '--json']);
    expect(r.code, r.stderr).toBe(0);
    for (const needle of ['Ximena', 'Quirogandú', 'Quirogandu', 'ximena.q@example.org']) {
      expect(bytesHold(db, needle), `database file holds ${needle}`).toBe(false);
      expect(bytesHold(`${db}-wal`, needle), `WAL holds ${needle}`).toBe(false);
    }
    expect(bytesHold(db, 'Pedro')).toBe(true);
    expect(bytesHold(db, 'Ejemplo')).toBe(true);
  });

  it('a short given name is erased where it is the whole value, never inside other words or other people\'s rows', async () => {
    const { db } = await importedCall([
      HEADER,
      'Taller Sur,Ana,Zubiaurre,ana.z@example.org,,Argentina,Aprender haciendo',
      'Centro Análisis,Luis,Perez,luis@example.org,,Peru,Análisis de datos: Ana y Mariana',
      'Otra Org,Ana,Gomez,ana.gomez@example.org,,Chile,Formación digital',
    ]);
    expect((await run(['--db', db, 'erase', 'ana.z@example.org', '--yes'])).code).toBe(0);
    expect(bytesHold(db, 'Zubiaurre')).toBe(false);
    const list = json(await run(['--db', db, 'list', '--json']));
    expect(list.find((a: { organization: string }) => a.organization === 'Centro Análisis').title).toBe('Análisis de datos: Ana y Mariana');
    expect(list.find((a: { organization: string }) => a.organization === 'Otra Org').contactName).toBe('Ana Gomez');
  });
});

describe('erase of a person who has a namesake', () => {
  it("leaves the namesake's name in their application, their person and their source row", async () => {
    const { db } = await importedCall([
      'Organization,Contact name,Email,Country,Title',
      'Confederación Sur,Paola García,paolagarcia82@example.org,El Salvador,Formación dual',
      'Otra Org,Paola García,paola.other@example.org,El Salvador,Aprender haciendo: con Paola García',
    ]);
    const dry = await run(['--db', db, 'erase', 'paola.other@example.org', '--dry-run']);
    expect(dry.stderr).toMatch(/Check that this is the person meant: skillsnet show 2 names the contact/);
    expect(dry.stdout + dry.stderr).not.toContain('Paola');
    const r = await run(['--db', db, 'erase', 'paola.other@example.org', '--yes', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const list = json(await run(['--db', db, 'list', '--json']));
    const namesake = list.find((a: { organization: string }) => a.organization === 'Confederación Sur');
    expect(namesake.contactName).toBe('Paola García');
    expect(namesake.email).toBe('paolagarcia82@example.org');
    const erased = list.find((a: { organization: string }) => a.organization === 'Otra Org');
    expect(erased.contactName).toBeNull();
    expect(erased.title).toBe('Aprender haciendo: con [erased]');
    const shown = json(await run(['--db', db, 'show', String(namesake.id), '--json']));
    expect(JSON.stringify(shown)).not.toContain('[erased]');
    const people = json(await run(['--db', db, 'members', '--json']));
    expect(people.some((m: { name?: string; email?: string }) => m.email === 'paolagarcia82@example.org' && m.name === 'Paola García')).toBe(true);
    expect(bytesHold(db, 'paola.other@example.org')).toBe(false);
  });
});

describe("erase of a person whose address is written in another applicant's name cell", () => {
  it('the address goes from that cell, the other applicant keeps their name', async () => {
    const { db } = await importedCall([
      'Organization,Contact name,Email,Country,Title',
      'Taller Sur,Ximena Quirogandú,ximena.q@example.org,Argentina,Aprender haciendo',
      // a colleague who filled the form wrote the erased person's address beside her own name
      'Otra Org,Pedro Ejemplo (cc ximena.q@example.org),pedro@example.org,Argentina,Formación digital',
    ]);
    const r = await run(['--db', db, 'erase', 'ximena.q@example.org', '--yes', '--json']);
    expect(r.code, r.stderr).toBe(0);
    for (const needle of ['ximena.q@example.org', 'Quirogandú']) {
      expect(bytesHold(db, needle), `database file holds ${needle}`).toBe(false);
      expect(bytesHold(`${db}-wal`, needle), `WAL holds ${needle}`).toBe(false);
    }
    const other = json(await run(['--db', db, 'list', '--json'])).find((a: { organization: string }) => a.organization === 'Otra Org');
    expect(other.contactName).toBe('Pedro Ejemplo (cc [erased])');
    expect(other.email).toBe('pedro@example.org');
    const shown = json(await run(['--db', db, 'show', String(other.id), '--json']));
    expect(JSON.stringify(shown)).toContain('Pedro Ejemplo (cc [erased])');
  });
});

describe('erase of a person whose organisation attended', () => {
  it('keeps the organisation\'s minutes and its attended connection, without the person\'s name or address', async () => {
    const { dir, db, sk } = await importedCall([
      HEADER,
      'Taller Sur,Ximena,Quirogandú,ximena.q@example.org,,Argentina,Aprender haciendo en talleres',
      'Otra Org,Pedro,Ejemplo,pedro@example.org,,Argentina,Formación digital para jóvenes',
    ]);
    const ev = await sk(['event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich', '--duration', '120', '--json']);
    expect(ev.code, ev.stderr).toBe(0);
    expect((await sk(['event', 'invite', '1', '--call', '2020'])).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'zoom.csv'), ZOOM);
    const imported = await sk(['event', 'attendance', '1', 'zoom.csv', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const before = json(await sk(['event', 'show', '1', '--json'])).attendees;
    expect(before.map((a: { minutes: number }) => a.minutes).sort()).toEqual([120, 60]);

    const r = await sk(['erase', 'ximena.q@example.org', '--yes', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const after = json(await sk(['event', 'show', '1', '--json']));
    expect(after.attendees.map((a: { memberId: number; minutes: number }) => [a.memberId, a.minutes])).toEqual(before.map((a: { memberId: number; minutes: number }) => [a.memberId, a.minutes]));
    expect(after.unmatched ?? []).toEqual([]);
    for (const needle of ['Ximena', 'Quirogandú', 'ximena.q@example.org']) {
      expect(bytesHold(db, needle), `database file holds ${needle}`).toBe(false);
      expect(bytesHold(`${db}-wal`, needle), `WAL holds ${needle}`).toBe(false);
    }
  });
});

describe('erase of a member in their own right who attended', () => {
  it('keeps the row, without name or address, counting for no one: every row of the report is still accounted for', async () => {
    const { dir, db, sk } = await importedCall([HEADER, 'Otra Org,Pedro,Ejemplo,pedro@example.org,,Argentina,Formación digital para jóvenes']);
    expect((await sk(['member', 'add', '--person', '--name', 'Ximena Quirogandú', '--email', 'ximena.q@example.org', '--role', 'ilo'])).code).toBe(0);
    expect((await sk(['event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich', '--duration', '120'])).code).toBe(0);
    expect((await sk(['event', 'invite', '1', '--role', 'ilo'])).code).toBe(0);
    expect((await sk(['event', 'invite', '1', '--call', '2020'])).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'zoom.csv'), ZOOM);
    expect(json(await sk(['event', 'attendance', '1', 'zoom.csv', '--json']))).toMatchObject({ rows: 2, matched: 2, unmatched: 0 });

    const r = await sk(['erase', 'ximena.q@example.org', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    const { attendance, attendees } = json(await sk(['event', 'show', '1', '--json']));
    expect(attendance).toMatchObject({ rows: 2, matched: 1, unmatched: 1, ignored: 1 });
    for (const f of attendance.files) expect(f.rows).toBe(f.matched + f.unmatched);
    expect(attendance.unmatchedRows).toMatchObject([{ name: '[erased]', email: null, problem: 'ignored', reason: 'the participant was erased on request' }]);
    expect(attendees.map((a: { minutes: number }) => a.minutes)).toEqual([60]);
    for (const needle of ['Ximena', 'Quirogandú', 'ximena.q@example.org']) expect(bytesHold(db, needle), `database file holds ${needle}`).toBe(false);
  });
});

describe('erase of a person whose namesake attended a meeting', () => {
  it("leaves the namesake's attendance row, name and address, as it was", async () => {
    const { dir, db, sk } = await importedCall([
      'Organization,Contact name,Email,Country,Title',
      'Confederación Sur,Paola García,paolagarcia82@example.org,El Salvador,Formación dual',
      'Otra Org,Paola García,paola.other@example.org,El Salvador,Aprender haciendo',
    ]);
    expect((await sk(['event', 'add', 'Webinar', '--kind', 'webinar', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich', '--duration', '120'])).code).toBe(0);
    expect((await sk(['event', 'invite', '1', '--call', '2020'])).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'zoom.csv'), zoomReport('Webinar', [
      'Paola García,paolagarcia82@example.org,11/19/2020 02:00:00 PM,11/19/2020 04:00:00 PM,120,Yes,Y',
      'Paola García,paola.other@example.org,11/19/2020 02:00:00 PM,11/19/2020 03:00:00 PM,60,Yes,Y',
    ]));
    expect((await sk(['event', 'attendance', '1', 'zoom.csv'])).code).toBe(0);
    expect((await sk(['erase', 'paola.other@example.org', '--yes'])).code).toBe(0);
    const store = new Database(db, { readonly: true });
    const rows = store.prepare('SELECT name, email FROM attendance_rows ORDER BY id').all();
    store.close();
    expect(rows).toEqual([{ name: 'Paola García', email: 'paolagarcia82@example.org' }, { name: '[erased]', email: null }]);
    const shown = json(await sk(['event', 'show', '1', '--json']));
    expect(shown.attendees.map((a: { minutes: number }) => a.minutes).sort()).toEqual([120, 60]);
  });
});
