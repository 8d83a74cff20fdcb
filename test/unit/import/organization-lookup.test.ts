/**
 * A large import matches organisations against an index in memory (MemoryLookup) instead of the
 * database (sqlLookup). Held side by side: every question answered the same way, and an import
 * linking the same rows to the same organisations, people and members either way — on rows made
 * to hit every rule: names spelled apart, shared websites, addresses and domains shared by a few
 * organisations or by more than the rules' limits, people without an address, a merged
 * organisation, rows updated within the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { openDatabase, type DB } from '../../../src/db/connection.js';
import { importFiles, type ImportReport } from '../../../src/import/importer.js';
import { MemoryLookup, nameKey, sqlLookup } from '../../../src/import/organization-lookup.js';
import { MAX_SHARING, MAX_SHARING_ADDRESS, matchInMemory, organizationCandidates } from '../../../src/import/organizations.js';
import { linkOrganizations } from '../../../src/network/organizations.js';
import { emailDomain, webDomain } from '../../../src/db/organizations.js';
import { tempDir } from '../support/run.js';
import { HEADER, network, rows } from '../../support/network-rows.js';

const dir = tempDir('skillsnet-org-lookup-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

function writeCsv(data: string[][]): string {
  const f = path.join(dir, `f${++n}.csv`);
  fs.writeFileSync(f, stringify([HEADER, ...data]));
  return f;
}

async function imported(file: string, db: DB, call: string, organizationIndex: 'memory' | 'database'): Promise<ImportReport> {
  return importFiles(db, [file], { call, organizationIndex });
}

/** A database with a first call imported and two organisations merged. */
async function firstCall(): Promise<string> {
  const file = path.join(dir, `db${++n}.db`);
  const db = openDatabase(file, { create: true });
  await imported(writeCsv(rows(1, 400, 'A')), db, '2020', 'database');
  const [a, b] = db.prepare("SELECT id FROM organizations WHERE name_key LIKE 'skills kenya%' ORDER BY id LIMIT 2").pluck().all() as number[];
  linkOrganizations(db, a!, b!);
  db.close();
  return file;
}

describe('matching organisations from memory or from the database', () => {
  it('answers every question the same way, merged organisations and the limits included', async () => {
    const db = openDatabase(await firstCall());
    const memory = new MemoryLookup(db);
    const sql = sqlLookup(db);
    const apps = db.prepare('SELECT organization, country, email, website FROM applications').all() as { organization: string; country: string | null; email: string | null; website: string | null }[];
    expect(db.prepare('SELECT count(*) FROM organizations WHERE merged_into IS NOT NULL').pluck().get()).toBe(1);
    let asked = 0;
    const orgIds = db.prepare('SELECT id FROM organizations').pluck().all() as number[];
    let beyond = 0;
    for (const a of apps) {
      expect(memory.byKey(a.organization, a.country)).toEqual(sql.byKey(a.organization, a.country));
      const web = webDomain(a.website);
      if (web) for (const limit of [-1, 2, MAX_SHARING + 1]) expect(memory.byWebDomain(web, limit)).toEqual(sql.byWebDomain(web, limit));
      const email = a.email?.toLowerCase();
      if (!email) continue;
      for (const most of [0, 2, MAX_SHARING_ADDRESS]) expect(memory.byPersonEmail(email, most)).toEqual(sql.byPersonEmail(email, most));
      if (sql.byPersonEmail(email, MAX_SHARING_ADDRESS) === null) beyond++;
      const domain = emailDomain(email)!;
      for (const country of [a.country, null, 'KE']) for (const most of [3, MAX_SHARING]) expect(memory.byEmailDomain(domain, country, most)).toEqual(sql.byEmailDomain(domain, country, most));
      for (const id of orgIds.slice(0, 30)) expect(memory.emailLike(id, email)).toEqual(sql.emailLike(id, email));
      asked++;
    }
    // the rows did reach past the limits, and asked about many addresses
    expect(beyond).toBeGreaterThan(0);
    expect(sql.byEmailDomain('bigmail.example', null, MAX_SHARING)).toBeNull();
    expect(asked).toBeGreaterThan(300);
    db.close();
  });

  it('finds the same candidates with the keys the reading thread computed as without, from memory as from the database', async () => {
    const db = openDatabase(await firstCall());
    const memory = new MemoryLookup(db);
    const apps = db.prepare('SELECT organization AS name, country, email, website FROM applications').all() as { name: string; country: string | null; email: string | null; website: string | null }[];
    let found = 0;
    for (const a of apps) {
      const fromSql = organizationCandidates(db, a, { similarNames: false });
      const known = { nameKey: nameKey(a.name), webDomain: webDomain(a.website) };
      expect(organizationCandidates(db, a, { similarNames: false, lookup: memory, known })).toEqual(fromSql);
      expect(organizationCandidates(db, a, { similarNames: false, lookup: memory })).toEqual(fromSql);
      found += fromSql.length;
    }
    expect(found).toBeGreaterThan(apps.length);
    db.close();
  });

  it('answers for the first address at a domain as the database does, after people are added to it', async () => {
    const db = openDatabase(await firstCall());
    const memory = new MemoryLookup(db);
    const id = db.prepare('SELECT max(id) FROM organizations').pluck().get() as number;
    for (const email of ['zoe@later.example', 'adam@later.example', 'zoe@later.example']) {
      db.prepare('INSERT INTO people (organization_id, email) VALUES (?, ?)').run(id, email);
      memory.addPerson(id, email);
    }
    const sql = sqlLookup(db);
    for (const email of ['bob@later.example', 'adam@later.example', 'x@elsewhere.example']) expect(memory.emailLike(id, email)).toEqual(sql.emailLike(id, email));
    expect(memory.emailLike(id, 'bob@later.example')).toBe('zoe@later.example');
    db.close();
  });

  it('links a second call to the same organisations, people and members either way', async () => {
    const first = await firstCall();
    const copy = `${first}.copy.db`;
    fs.copyFileSync(first, copy);
    const file = writeCsv(rows(2, 500, 'B'));
    const dbMemory = openDatabase(first);
    const dbSql = openDatabase(copy);
    const viaMemory = await imported(file, dbMemory, '2021', 'memory');
    const viaSql = await imported(file, dbSql, '2021', 'database');
    expect(viaMemory.files[0]!.organizations).toEqual(viaSql.files[0]!.organizations);
    // the second call found organisations of the first, made new ones and left doubtful pairs
    expect(viaMemory.files[0]!.organizations.returning).toBeGreaterThan(50);
    expect(viaMemory.files[0]!.organizations.created).toBeGreaterThan(10);
    expect(viaMemory.files[0]!.organizations.doubtful).toBeGreaterThan(0);
    expect(viaMemory.updated).toBeGreaterThan(0);
    expect(network(dbMemory)).toEqual(network(dbSql));
    dbMemory.close();
    dbSql.close();
  });

  it('links the applications a file of the same call updates — and one it changes and puts back — the same way, leaving no trace of the change', async () => {
    const first = await firstCall();
    const copy = `${first}.copy.db`;
    fs.copyFileSync(first, copy);
    const base = rows(1, 400, 'A');
    const changed = base.map((r, i) => (i % 7 === 0 && r[3] ? [...r.slice(0, 3), `new.${i}@elsewhere.example`, ...r.slice(4)] : r));
    const back = base.find((r) => r[0] === 'A-3' && r[3])!;
    // A-3 changes its address and, a few rows later, changes it back
    const data = [...changed.slice(0, 10), [...back.slice(0, 3), 'between@changed.example', ...back.slice(4)], ...changed.slice(10, 20), back, ...changed.slice(20)];
    const file = writeCsv(data);
    const dbMemory = openDatabase(first);
    const dbSql = openDatabase(copy);
    const personOf = (db: DB) => db.prepare("SELECT person_id FROM applications WHERE external_id = 'A-3'").pluck().get();
    const before = personOf(dbMemory);
    const viaMemory = await imported(file, dbMemory, '2020', 'memory');
    const viaSql = await imported(file, dbSql, '2020', 'database');
    expect(viaMemory.updated).toBeGreaterThan(40);
    expect(viaMemory.files[0]!.organizations).toEqual(viaSql.files[0]!.organizations);
    expect(network(dbMemory)).toEqual(network(dbSql));
    // the new addresses are people of their organisations; the address A-3 had for a few rows is nobody's
    expect(dbMemory.prepare("SELECT count(*) FROM people WHERE email LIKE 'new.%@elsewhere.example'").pluck().get()).toBeGreaterThan(40);
    expect(dbMemory.prepare("SELECT count(*) FROM people WHERE email = 'between@changed.example'").pluck().get()).toBe(0);
    expect(personOf(dbMemory)).toBe(before);
    dbMemory.close();
    dbSql.close();
  });

  it('from memory only for a file large enough to pay for loading the network, and not past what memory should hold', () => {
    expect(matchInMemory(100_000, 0)).toBe(true);
    expect(matchInMemory(100_000, 25_000)).toBe(true);
    expect(matchInMemory(1_999, 0)).toBe(false); // a correction, a small sheet: statements are quicker than loading
    expect(matchInMemory(2_000, 100_000)).toBe(false); // a small file into a large network
    expect(matchInMemory(1_000_000, 0)).toBe(false); // a file of a million rows: flat memory
  });
});
