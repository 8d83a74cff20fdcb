/**
 * The contract of the index in memory (MemoryLookup): an import writes the same database, table by
 * table (timestamps aside), whether it matches organisations from memory or from the database —
 * property-based. Small files whose names repeat across countries, spelled apart by accents,
 * case and spaces; one address at several organisations; addresses at one domain in different
 * case; websites on shared, own and generic hosts; placeholder organisations; rows repeated with
 * changes; rejected rows; a network known before the file (a first call, perhaps two of its
 * organisations merged and a person erased) and a second file. Each case is imported into two
 * copies of one database, once each way, and every table compared. ORG_INDEX_RUNS sets the
 * number of cases (fast-check prints the seed of a failing one).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../../src/db/connection.js';
import { importFiles } from '../../../src/import/importer.js';
import { linkOrganizations } from '../../../src/network/organizations.js';
import { erasePerson } from '../../../src/network/erase.js';
import { MemoryLookup, nameKey, sqlLookup } from '../../../src/import/organization-lookup.js';
import { organizationCandidates } from '../../../src/import/organizations.js';
import { organizationKey, webDomain } from '../../../src/db/organizations.js';
import { tempDir } from '../support/run.js';
import { HEADER } from '../../support/network-rows.js';

const RUNS = Number(process.env.ORG_INDEX_RUNS ?? 40);
const dir = tempDir('skillsnet-org-index-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

// Names that repeat across countries and are spelled apart; placeholders for none.
const NAMES = [
  'Fundación Andes', 'FUNDACION ANDES', 'fundacion  andes', ' Fundacion Andés ', 'Fundación Andes Sur', 'Skills Kenya', 'skills-kenya', 'Skills Kenya Trust',
  'Independent', 'independent', 'Self-employed', 'N/A', 'Atelier Vert', 'Atelier  Vert', 'ATELIER VERT SARL', 'Red Cross', 'Red Cross Society', 'Ōkubo Lab', 'okubo lab', '',
  // names of no letters (no key), and spaced apart by what is not a plain space
  '🌱', '🌍', '???', 'Atelier\u00a0Vert', 'Skills\tKenya',
];
const COUNTRIES = ['Kenya', 'Senegal', 'Mexico', '', 'kenya'];
const LOCALS = ['ana', 'Ana', 'ANA', 'omar', 'team', 'info', 'Info'];
const DOMAINS = ['andes.example', 'ANDES.example', 'Andes.Example', 'kenya.example', 'vert.example', 'gmail.com', 'GMAIL.com', 'yahoo.fr', 'uni.example', 'shared.example', 'crowd.example', 'Crowd.Example'];
const WEBSITES = [
  '', 'www.andes.example', 'https://ANDES.example/about', 'andes.example', 'kenya.example', 'https://www.facebook.com/andes', 'https://facebook.com/vert',
  'vert.wixsite.com/site', 'https://shared.example/a', 'https://shared.example/b', 'uni.example', 'n/a', 'http://www.vert.example', 'https://crowd.example/x',
];

const cell = (a: readonly string[]) => fc.constantFrom(...a);
const email = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(cell(LOCALS), cell(DOMAINS)).map(([l, d]) => `${l}@${d}`) },
  { weight: 1, arbitrary: cell(['', ' ', 'not-an-address', ' Ana@Andes.Example ']) },
);
/** A row; its id from a few (a repeated id updates the earlier row) or none. */
const row = fc.record({
  id: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 12 }).map((i) => `A-${i}`) }, { weight: 1, arbitrary: fc.constant('') }),
  name: cell(NAMES),
  contact: cell(['', 'Ana Example', 'Omar Example']),
  email,
  phone: cell(['', '+1 555 0100', '+1 555 0199']),
  country: cell(COUNTRIES),
  website: cell(WEBSITES),
  type: cell(['', 'NGO', 'University']),
});
type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;
const file = fc.array(row, { minLength: 1, maxLength: 14 });

const scenario = fc.record({
  before: fc.option(file, { nil: undefined }),
  crowd: fc.boolean(),
  merge: fc.option(fc.tuple(fc.nat(20), fc.nat(20)), { nil: undefined }),
  erase: fc.option(fc.tuple(cell(LOCALS), cell(DOMAINS)).map(([l, d]) => `${l}@${d}`.toLowerCase()), { nil: undefined, freq: 6 }),
  first: file,
  second: fc.option(fc.tuple(file, fc.boolean()), { nil: undefined }),
});

/**
 * Organisations known before the file past the rules' limits: more than MAX_SHARING on one website
 * and one email domain, more than MAX_SHARING_ADDRESS sharing one address, some written in
 * capitals by an older skillsnet; their names are the file's, in every country.
 */
function crowd(db: DB): void {
  const org = db.prepare('INSERT INTO organizations (name, name_key, country, website, web_domain) VALUES (?, ?, ?, ?, ?)');
  const person = db.prepare('INSERT INTO people (organization_id, name, email) VALUES (?, ?, ?)');
  const names = NAMES.filter((x) => x.trim());
  for (let i = 0; i < 70; i++) {
    const name = i < names.length ? names[i]!.replace(/\s+/g, ' ').trim() : `Crowd ${i}`;
    const id = Number(org.run(name, organizationKey(name), ['KE', 'SN', 'MX', null][i % 4], 'https://crowd.example/', 'crowd.example').lastInsertRowid);
    person.run(id, `Person ${i}`, i % 5 === 0 ? `P${i}@Crowd.Example` : `p${i}@crowd.example`);
    if (i < 12) person.run(id, 'Team', 'team@crowd.example');
  }
}

function csv(rows: Row[]): string {
  const f = path.join(dir, `f${++n}.csv`);
  fs.writeFileSync(f, stringify([HEADER, ...rows.map((r) => [r.id, r.name, r.contact, r.email, r.phone, r.country, r.website, r.type, `Project ${r.id}`])]));
  return f;
}

const TIMESTAMP = /(?:_at|_ms)$/;
// (a time written as a value: an event's, a member's status change; within JSON too)
const TIME = /\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?Z?/g;
const untimed = (v: unknown) => (typeof v === 'string' ? v.replace(TIME, '<time>') : v);

/** Every table, every column but timestamps, in rowid order. */
function tables(db: DB): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const t of names) {
    const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).filter((c) => !TIMESTAMP.test(c) || c === 'submitted_at');
    if (!cols.length) continue;
    out[t] = db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${t}" ORDER BY rowid`).raw().all().map((r) => (r as unknown[]).map(untimed));
  }
  return out;
}

/** The reports of an import, without what differs by design (how it matched, how long it took). */
async function imported(db: DB, f: string, call: string, organizationIndex: 'memory' | 'database'): Promise<unknown> {
  const r = await importFiles(db, [f], { call, organizationIndex, threads: 'never' });
  return r.files.map((x) => ({ rows: x.rows, inserted: x.inserted, updated: x.updated, unchanged: x.unchanged, rejected: x.rejected, organizations: x.organizations }));
}

/**
 * What matching would find for each row, from an index loaded now as from the database: every
 * candidate, its evidence and certainty, in order (what the tables show only when it decides).
 */
function sameCandidates(db: DB): void {
  const memory = new MemoryLookup(db);
  const sql = sqlLookup(db);
  // (every application as written, and its name in the other countries)
  const apps = db.prepare('SELECT organization AS name, country, email, website FROM applications').all() as { name: string; country: string | null; email: string | null; website: string | null }[];
  const countries = [null, ...new Set(apps.map((a) => a.country).filter((c) => c !== null))];
  for (const a of apps) {
    for (const country of [a.country, ...countries.filter((c) => c !== a.country)]) {
      const probe = { ...a, country };
      const fromSql = organizationCandidates(db, probe, { similarNames: false, lookup: sql });
      expect(organizationCandidates(db, probe, { similarNames: false, lookup: memory })).toEqual(fromSql);
      expect(organizationCandidates(db, probe, { similarNames: false, lookup: memory, known: { nameKey: nameKey(a.name), webDomain: webDomain(a.website) } })).toEqual(fromSql);
    }
  }
}

describe('an import writes the same database matching organisations from memory or from the database', () => {
  it('table by table, for any small file into any small network', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const base = path.join(dir, `db${++n}.db`);
        const setup = openDatabase(base, { create: true });
        if (s.crowd) crowd(setup);
        if (s.before) await importFiles(setup, [csv(s.before)], { call: '2020', organizationIndex: 'database', threads: 'never' });
        if (s.merge) {
          const ids = setup.prepare('SELECT id FROM organizations WHERE merged_into IS NULL ORDER BY id').pluck().all() as number[];
          const [a, b] = [ids[s.merge[0] % Math.max(ids.length, 1)], ids[s.merge[1] % Math.max(ids.length, 1)]];
          if (a !== undefined && b !== undefined && a !== b) linkOrganizations(setup, a, b);
        }
        if (s.erase && setup.prepare('SELECT 1 FROM people WHERE email = ?').get(s.erase)) await erasePerson(setup, s.erase);
        setup.close();
        const copy = `${base}.sql.db`;
        fs.copyFileSync(base, copy);
        const memory = openDatabase(base);
        const sql = openDatabase(copy);
        try {
          const f1 = csv(s.first);
          expect(await imported(memory, f1, '2020', 'memory')).toEqual(await imported(sql, f1, '2020', 'database'));
          expect(tables(memory)).toEqual(tables(sql));
          sameCandidates(memory);
          if (s.second) {
            const f2 = csv(s.second[0]);
            const call = s.second[1] ? '2021' : '2020';
            expect(await imported(memory, f2, call, 'memory')).toEqual(await imported(sql, f2, call, 'database'));
            expect(tables(memory)).toEqual(tables(sql));
            sameCandidates(memory);
          }
        } finally {
          memory.close();
          sql.close();
          for (const f of [base, copy]) for (const x of ['', '-wal', '-shm']) fs.rmSync(f + x, { force: true });
        }
        cases++;
      }),
      { numRuns: RUNS },
    );
    expect(cases).toBe(RUNS);
  }, Math.max(600_000, RUNS * 5_000));
});
