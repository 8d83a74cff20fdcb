/**
 * Linking an application to an organisation fills the organisation's empty fields from it
 * (attachContact). An import knows which fields of the organisations it made are still empty:
 * an application that can fill none of them leaves the organisation's row alone (it was written
 * again, unchanged, for every such application), and one that can fills them as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../../src/db/connection.js';
import { importFiles } from '../../../src/import/importer.js';
import { tempDir } from '../support/run.js';
import { HEADER } from '../../support/network-rows.js';

const dir = tempDir('skillsnet-org-fill-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function csv(name: string, rows: string[][]): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, stringify([HEADER, ...rows]));
  return f;
}

/** Counts the writes to each organisation's row (a trigger of this connection only). */
function countWrites(db: DB): () => Map<number, number> {
  db.exec('CREATE TEMP TABLE org_writes (id INTEGER); CREATE TEMP TRIGGER org_written AFTER UPDATE ON organizations BEGIN INSERT INTO org_writes VALUES (new.id); END');
  return () => new Map((db.prepare('SELECT id, count(*) AS n FROM org_writes GROUP BY id').raw().all() as [number, number][]));
}

type Fields = { organization_type: string | null; website: string | null; web_domain: string | null; region: string | null; country_raw: string | null };

describe('linking fills an organisation this import made only when an application brings something', () => {
  // (HEADER: ID, organisation, contact, email, phone, country, website, type, title; no beneficiaries column: '[]' stays empty)
  const rows = [
    ['A-1', 'Atelier Vert', 'Ana Example', 'ana@vert.example', '', 'Kenya', 'intranet', '', 'One'],
    ['A-2', 'Atelier Vert', 'Omar Example', 'omar@vert.example', '', 'Kenya', '', '', 'Two'],
    ['A-3', 'Atelier Vert', 'Eva Example', 'eva@vert.example', '', 'Kenya', '', '', 'Three'],
    // a website with a domain: the organisation's domain (its website, "intranet", has none)
    ['A-4', 'Atelier Vert', 'Lin Example', 'lin@vert.example', '', 'Kenya', 'https://www.vert.example/about', '', 'Four'],
    ['A-5', 'Atelier Vert', 'Sara Example', 'sara@vert.example', '', 'Kenya', '', 'NGO', 'Five'],
    // nothing left that this one could fill
    ['A-6', 'Atelier Vert', 'Jo Example', 'jo@vert.example', '', 'Kenya', 'other.example', 'University', 'Six'],
    ['A-7', 'Atelier Vert', 'Luis Example', 'luis@vert.example', '', 'Kenya', '', '', 'Seven'],
  ];

  it('writes the organisation only for the applications that fill a field, with what each filled', async () => {
    const db = openDatabase(path.join(dir, 'a.db'), { create: true });
    const writes = countWrites(db);
    const r = await importFiles(db, [csv('a.csv', rows)], { call: '2024', threads: 'never' });
    expect(r).toMatchObject({ rows: 7, inserted: 7, rejected: 0 });
    const orgs = db.prepare('SELECT id, organization_type, website, web_domain, region, country_raw FROM organizations').all() as (Fields & { id: number })[];
    expect(orgs).toHaveLength(1);
    // What filling each application's fields in turn into the empty ones gives (the rule itself,
    // coalesce: the first application to bring a field sets it).
    const apps = db.prepare('SELECT organization_type, website, region, country_raw FROM applications ORDER BY id').all() as Omit<Fields, 'web_domain'>[];
    const expected: Record<string, unknown> = {};
    for (const a of apps) for (const [k, v] of Object.entries(a)) expected[k] ??= v;
    const { id, web_domain, ...filled } = orgs[0]!;
    expect(filled).toEqual(expected);
    expect(expected.website).toBe('intranet');
    expect(web_domain).toBe('vert.example');
    expect(expected.organization_type).not.toBeNull();
    // A-4 (the domain) and A-5 (the type); the other five applications brought nothing to fill
    expect(writes().get(id)).toBe(2);
    db.close();
  });

  it('an organisation of an earlier import is filled by the database as before', async () => {
    const db = openDatabase(path.join(dir, 'b.db'), { create: true });
    await importFiles(db, [csv('b1.csv', rows.slice(0, 1))], { call: '2023', threads: 'never' });
    const writes = countWrites(db);
    await importFiles(db, [csv('b2.csv', rows.slice(1, 5))], { call: '2024', threads: 'never' });
    const org = db.prepare('SELECT id, organization_type, web_domain FROM organizations').get() as { id: number; organization_type: string | null; web_domain: string | null };
    expect(org.web_domain).toBe('vert.example');
    expect(org.organization_type).not.toBeNull();
    // (not known to this import: each of its four applications updates the row, as before)
    expect(writes().get(org.id)).toBe(4);
    db.close();
  });
});
