import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, run, tempDir } from '../support/run.js';
import { openDatabase } from '../../../src/db/connection.js';
import { erasePerson } from '../../../src/network/erase.js';
import { registerPersonalDataPlace } from '../../../src/db/personal-data.js';

const NAME = 'Ximena Quiroga-Ñandú';
const EMAIL = 'ximena.quiroga@example.org';
const PHONE = '+54 11 5555 0142';

/** Every form the test looks for: UTF-8 as written, and as JSON would escape it. */
function forms(s: string): string[] {
  const escaped = JSON.stringify(s).slice(1, -1);
  const ascii = escaped.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [...new Set([s, s.toLowerCase(), s.toUpperCase(), escaped, ascii, s.replace(/\D/g, '').length > 6 ? s.replace(/\D/g, '') : s])];
}

function bytesHold(file: string, needle: string): boolean {
  if (!fs.existsSync(file)) return false;
  return fs.readFileSync(file).includes(Buffer.from(needle, 'utf8'));
}

describe('erase', () => {
  it("leaves none of the person's name, email or phone in the database file or its WAL, and lists the exports that carried them", async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const csv = (rows: string[]) => ['Organization,Contact name,Email,Phone,Country,Title', ...rows].join('\n') + '\n';
    fs.writeFileSync(path.join(dir, 'a.csv'), csv([
      `Taller Sur,${NAME},${EMAIL},${PHONE},Argentina,Aprender haciendo en talleres`,
      'Otra Org,Pedro Ejemplo,pedro@example.org,+54 11 5555 0100,Argentina,Formación digital para jóvenes',
      `,${NAME},${EMAIL},${PHONE},Argentina,A row without organisation`,
    ]));
    fs.writeFileSync(path.join(dir, 'b.csv'), csv([`Taller Sur,${NAME},${EMAIL},${PHONE},Uruguay,Aprender haciendo en talleres`]));
    expect((await run(['--db', db, 'import', path.join(dir, 'a.csv'), '--call', '2020'])).code).toBe(0);
    expect((await run(['--db', db, 'import', path.join(dir, 'b.csv'), '--call', '2020'])).code).toBe(0); // a version replaced: the old one kept
    const contacts = await run(['--db', db, 'export', 'contacts', '--out', path.join(dir, 'contacts.csv')]);
    expect(contacts.code).toBe(0);
    expect((await run(['--db', db, 'export', 'kumu', '--out', path.join(dir, 'map.xlsx')])).code).toBe(0);
    const before = fs.readFileSync(db).includes(Buffer.from(EMAIL)) || bytesHold(`${db}-wal`, EMAIL);
    expect(before).toBe(true);

    const dry = await run(['--db', db, 'erase', EMAIL, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(json(dry).dryRun).toBe(true);
    expect(bytesHold(db, EMAIL) || bytesHold(`${db}-wal`, EMAIL)).toBe(true);

    const refused = await run(['--db', db, 'erase', EMAIL]);
    expect(refused.code).toBe(2); // usage: destructive, off a terminal, without --yes (as roster delete)
    expect(refused.stderr).toMatch(/--yes/);

    const r = await run(['--db', db, 'erase', EMAIL, '--yes', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = json(r);
    expect(report.exports.map((e: { path: string }) => path.basename(e.path)).sort()).toEqual(['contacts.csv', 'map.xlsx']);
    expect(report.file).toEqual({ vacuumed: true, walEmptied: true });
    expect(r.stdout + r.stderr).not.toContain(EMAIL);
    expect(r.stdout + r.stderr).not.toContain(NAME);
    for (const needle of [...forms(NAME), ...forms(EMAIL), ...forms(PHONE)]) {
      expect(bytesHold(db, needle), `database file holds ${needle}`).toBe(false);
      expect(bytesHold(`${db}-wal`, needle), `WAL holds ${needle}`).toBe(false);
    }
    // The other applicant and the organisation stay.
    const list = json(await run(['--db', db, 'list', '--json']));
    expect(list.map((a: { organization: string }) => a.organization).sort()).toEqual(['Otra Org', 'Taller Sur']);
    expect(bytesHold(db, 'pedro@example.org')).toBe(true);
  });

  it('erases in the places other modules register, and finds what they forgot', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.db');
    const db = openDatabase(file, { create: true });
    db.exec(`CREATE TABLE webinar_signups (id INTEGER PRIMARY KEY, name TEXT, email TEXT, minutes INTEGER);
             CREATE TABLE forgotten (id INTEGER PRIMARY KEY, note TEXT);`);
    db.exec(`INSERT INTO calls (name) VALUES ('2020')`);
    db.prepare(`INSERT INTO people (name, email) VALUES (?, ?)`).run(NAME, EMAIL);
    db.prepare(`INSERT INTO webinar_signups (name, email, minutes) VALUES (?, ?, 50), ('Someone Else', 'else@example.org', 10)`).run(NAME, EMAIL);
    db.prepare(`INSERT INTO forgotten (note) VALUES (?)`).run(`met ${NAME} in Lima`);
    registerPersonalDataPlace({ table: 'webinar_signups', label: 'webinar sign-ups (a module of its own)', ownRows: 'lower(email) IN (SELECT value FROM json_each(@emails))' });
    const report = await erasePerson(db, EMAIL);
    expect(report.removed.find((r) => r.table === 'webinar_signups')?.rows).toBe(1);
    expect(report.alsoFound).toEqual([{ table: 'forgotten', column: 'note', rows: 1 }]);
    expect(db.prepare('SELECT note FROM forgotten').pluck().get()).toBe('met [erased] in Lima');
    expect(db.prepare('SELECT count(*) FROM webinar_signups').pluck().get()).toBe(1);
    db.close();
    expect(bytesHold(file, NAME) || bytesHold(file, EMAIL)).toBe(false);
  });

  it('an application whose contact was erased already says so, instead of reporting a row erased again', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    fs.writeFileSync(path.join(dir, 'a.csv'), `Organization,Contact name,Email,Phone,Country,Title\nTaller Sur,${NAME},${EMAIL},${PHONE},Argentina,Aprender haciendo\n`);
    expect((await run(['--db', db, 'import', path.join(dir, 'a.csv'), '--call', '2020'])).code).toBe(0);
    const first = await run(['--db', db, 'erase', '1', '--yes', '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(json(first).removed.length).toBeGreaterThan(0);
    for (const args of [['erase', '1', '--yes'], ['erase', '1', '--dry-run']]) {
      const again = await run(['--db', db, ...args]);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^error: application 1 has no contact person left to erase\n {2}.*skillsnet history --action erase/m);
    }
    const erasures = json(await run(['--db', db, 'history', '--action', 'erase', '--json']));
    expect(erasures).toHaveLength(1);
  });
});

describe('erase says what stays in plain words', () => {
  it('names the applications that stay, and says nothing of "0 applications" for a person who never applied', async () => {
    const { importedCall } = await import('../support/run.js');
    const { sk } = await importedCall([
      'Organization,Contact name,Email,Country',
      'Taller Abierto,Ana Ejemplo,ana@example.org,Mexico',
    ]);
    expect((await sk('member', 'add', '--organization', 'ILO', '--name', 'Awa Exemple', '--email', 'awa@example.org', '--role', 'ilo')).code).toBe(0);
    const applicant = await sk('erase', 'ana@example.org', '--dry-run');
    expect(applicant.code, applicant.stderr).toBe(0);
    expect(applicant.stdout).toMatch(/^Dry run: would erase person-\d+ \(their application stays, with the organisation, without the contact\):$/m);
    const staff = await sk('erase', 'awa@example.org', '--dry-run');
    expect(staff.code, staff.stderr).toBe(0);
    expect(staff.stdout).toMatch(/^Dry run: would erase person-\d+:$/m);
    expect(staff.stdout).not.toMatch(/0 applications/);
  });
});
