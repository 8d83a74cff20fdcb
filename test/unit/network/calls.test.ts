import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedCall, json, run, tempDir } from '../support/run.js';

const HEADER = 'Organization,Contact name,Email,Country,Website,Title';

/** Two calls a year apart: Taller Abierto applies to both (spelled another way, from another address in 2021). */
async function twoCalls(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = path.join(dir, 'n.db');
  fs.writeFileSync(path.join(dir, '2020.csv'), [HEADER,
    'Taller Abierto,Ana Ejemplo,ana@example.org,Mexico,https://www.taller-abierto.example/,Oficios para jóvenes',
    'Atelier Vert,Awa Exemple,awa@example.net,Senegal,,Jardins urbains',
    'Skills Kenya,Jo Sample,jo@example.com,Kenya,,Apprenticeships in Nairobi',
  ].join('\n') + '\n');
  fs.writeFileSync(path.join(dir, '2021.csv'), [HEADER,
    'TALLER ABIERTO A.C.,Luis Ejemplo,luis@example.org,México,taller-abierto.example,Oficios digitales',
    'Nueva Org,Eva Muestra,eva@example.org,Peru,,Cocina y empleo',
    'Atelier Vert,Awa Exemple,awa@example.net,Senegal,,Jardins partagés',
  ].join('\n') + '\n');
  expect((await run(['--db', db, 'import', path.join(dir, '2020.csv'), '--call', '2020'])).code).toBe(0);
  const second = await run(['--db', db, 'import', path.join(dir, '2021.csv'), '--call', '2021', '--json']);
  expect(second.code, second.stderr).toBe(0);
  return { dir, db };
}

describe('the import report names returning organisations', () => {
  it('says how many applications came from organisations known already, and where to confirm doubtful ones', async () => {
    const { dir, db } = await twoCalls();
    fs.writeFileSync(path.join(dir, '2022.csv'), [HEADER, 'Atelier Vert,Awa Exemple,awa@example.net,Senegal,,Jardins 2022', 'Otra Nueva,Sol Muestra,sol@example.org,Chile,,Huertos'].join('\n') + '\n');
    const r = await run(['--db', db, 'import', path.join(dir, '2022.csv'), '--call', '2022']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Organisations: 1 new; 1 application of organisations known already/);
  });

  it('counts a new organisation whose name is like a known one among those to confirm', async () => {
    // A second call's "Teranga Digital (TD)" from a new contact at a new address: the import said
    // "4 new" and nothing else, though organizations --unconfirmed listed it beside "Teranga Digital".
    const { dir, db } = await twoCalls();
    fs.writeFileSync(path.join(dir, '2022.csv'), [HEADER, 'Skills Kenya (SK),Mo Sample,mo@example.net,Kenya,,Apprenticeships 2022', 'Otra Nueva,Sol Muestra,sol@example.org,Chile,,Huertos'].join('\n') + '\n');
    const r = await run(['--db', db, 'import', path.join(dir, '2022.csv'), '--call', '2022', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).files[0].organizations).toEqual({ returning: 0, created: 2, doubtful: 1 });
    const listed = json(await run(['--db', db, 'organizations', '--unconfirmed', '--json'])) as { evidence: string[] }[];
    expect(listed.some((p) => JSON.stringify(p).includes('Skills Kenya (SK)'))).toBe(true);
  });
});

describe('the count of new organisations that may be known ones agrees with --unconfirmed', () => {
  it('counts one the file made, linked again by its name from a contact another organisation has', async () => {
    // The sample call: an institute's second application came from the address of another
    // country's institute; the import said "3 new ones may be one already known" and
    // organizations --unconfirmed listed 4 pairs.
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    fs.writeFileSync(path.join(dir, 'call.csv'), [HEADER,
      'Institut des métiers de Sousse,Ali Exemple,info.institut@example.com,Tunisia,,Métiers',
      'Institut des métiers de Sokodé,Kofi Exemple,kofi@example.org,Togo,,Métiers du bois',
      'Atelier Vert,Awa Exemple,awa@example.net,Senegal,,Jardins urbains',
      'Institut des métiers de Sokodé,Didier Exemple,info.institut@example.com,Togo,,Métiers du métal',
    ].join('\n') + '\n');
    const r = await run(['--db', db, 'import', path.join(dir, 'call.csv'), '--call', '2020', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const listed = json(await run(['--db', db, 'organizations', '--unconfirmed', '--json'])) as unknown[];
    expect(listed).toHaveLength(1);
    expect(json(r).files[0].organizations).toEqual({ returning: 0, created: 3, doubtful: 1 });
  });
});

describe('organisations across calls', () => {
  it('a returning organisation is one organisation with two applications, with one Kumu ID in the map of both calls and of one', async () => {
    const { dir, db } = await twoCalls();
    const orgs = json(await run(['--db', db, 'organizations', '--json']));
    const taller = orgs.filter((o: { name: string }) => /taller/i.test(o.name));
    expect(taller).toHaveLength(1); // the same website in the same country: certain
    expect(taller[0].calls).toEqual(['2020', '2021']);
    expect(taller[0].applications).toBe(2);
    const atelier = orgs.find((o: { name: string }) => o.name === 'Atelier Vert');
    expect(atelier.calls).toEqual(['2020', '2021']);

    const ids = async (args: string[], out: string) => {
      const r = await run(['--db', db, 'export', 'kumu', '--format', 'json', '--out', path.join(dir, out), ...args]);
      expect(r.code, r.stderr).toBe(0);
      const map = JSON.parse(fs.readFileSync(path.join(dir, out), 'utf8'));
      return new Map<string, string>(map.elements.filter((e: { type: string }) => e.type === 'Organization').map((e: { id: string; label: string }) => [e.label, e.id]));
    };
    const all = await ids(['--all-calls'], 'all.json');
    const only2021 = await ids(['--call', '2021'], '2021.json');
    const only2020 = await ids(['--call', '2020', '--region', 'Americas'], '2020.json');
    expect(all.get('Taller Abierto')).toBe(taller[0].id);
    expect(only2021.get('Taller Abierto')).toBe(taller[0].id); // the organisation's name, the same in every map
    expect(only2020.get('Taller Abierto')).toBe(taller[0].id);
    expect(only2021.get('Atelier Vert')).toBe(all.get('Atelier Vert'));
    // The HTML map and GraphML name it alike.
    const graph = await run(['--db', db, 'export', 'graphml', '--call', '2021', '--out', '-']);
    expect(graph.stdout).toContain(`<node id="${taller[0].id}">`);

    // show org-N tells its story; show ID of an application says it is returning.
    const history = json(await run(['--db', db, 'show', taller[0].id, '--json']));
    expect(history.timeline.filter((t: { kind: string }) => t.kind === 'applied').map((t: { what: string }) => t.what)).toEqual(['2020', '2021']);
    const appId = history.applications[1].id;
    const shown = await run(['--db', db, 'show', String(appId)]);
    expect(shown.stdout).toMatch(/returning: calls 2020, 2021/);
  });

  it('lists doubtful matches for the officer, who links or keeps them apart', async () => {
    const { db } = await twoCalls();
    const dir = path.dirname(db);
    // The same address in 2022 under another name: doubtful (the names are not alike).
    fs.writeFileSync(path.join(dir, '2022.csv'), `${HEADER}\nCooperativa Sol,Eva Muestra,eva@example.org,Peru,,Panadería\n`);
    expect((await run(['--db', db, 'import', path.join(dir, '2022.csv'), '--call', '2022'])).code).toBe(0);
    const pairs = json(await run(['--db', db, 'organizations', '--unconfirmed', '--json']));
    const pair = pairs.find((p: { evidence: string[] }) => p.evidence.includes('same contact email'));
    expect(pair).toBeDefined();
    const kept = await run(['--db', db, 'organization', 'unlink', pair.candidate.id, pair.organization.id]);
    expect(kept.code, kept.stderr).toBe(0);
    expect(json(await run(['--db', db, 'organizations', '--unconfirmed', '--json'])).some((p: { evidence: string[] }) => p.evidence.includes('same contact email'))).toBe(false);
    const linked = await run(['--db', db, 'organization', 'link', pair.candidate.id, pair.organization.id, '--json']);
    expect(linked.code, linked.stderr).toBe(0);
    expect(json(linked).kind).toBe('organization');
    // linked now: unlinking the pair would change nothing, and says how to separate them
    const undone = await run(['--db', db, 'organization', 'unlink', pair.candidate.id, pair.organization.id]);
    expect(undone.code).toBe(1);
    expect(undone.stderr).toMatch(/^error: org-\d+ is merged into org-\d+: they are one organisation/m);
    expect(undone.stderr).toMatch(/skillsnet unmerge org-\d+/);
  });
});

describe('evidence from a shared domain', () => {
  const header = 'Organization,Contact name,Email,Country,Website,Title';
  const rows = (n: number, domain: string, offset = 0) =>
    Array.from({ length: n }, (_, i) => `Nombre${offset + i},Persona ${offset + i},p${offset + i}@${domain},Peru,,Proyecto ${offset + i}`);

  it('an email domain a few organisations share is doubtful evidence; one more than MAX_SHARING share says nothing', async () => {
    const { MAX_SHARING } = await import('../../../src/import/organizations.js');
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    fs.writeFileSync(path.join(dir, 'few.csv'), [header, ...rows(3, 'red-pequena.example')].join('\n') + '\n');
    fs.writeFileSync(path.join(dir, 'many.csv'), [header, ...rows(MAX_SHARING + 2, 'proveedor.example', 100)].join('\n') + '\n');
    expect((await run(['--db', db, 'import', path.join(dir, 'few.csv'), '--call', '2020'])).code).toBe(0);
    const many = await run(['--db', db, 'import', path.join(dir, 'many.csv'), '--call', '2020', '--json']);
    expect(many.code, many.stderr).toBe(0);
    // at import: the k-th organisation at the provider's domain is doubtful while at most MAX_SHARING share it
    expect(json(many).files[0].organizations).toEqual({ returning: 0, created: MAX_SHARING + 2, doubtful: MAX_SHARING });
    const pairs = json(await run(['--db', db, 'organizations', '--unconfirmed', '--json'])) as { evidence: string[]; organization: { name: string }; candidate: { name: string } }[];
    const byDomain = pairs.filter((p) => p.evidence.includes('same email domain'));
    // the three of the small network pair up (3 pairs); the provider's 52 organisations none
    expect(byDomain).toHaveLength(3);
    expect(byDomain.every((p) => Number(p.organization.name.slice(6)) < 100)).toBe(true);
  });
});

describe('evidence from a shared address', () => {
  it("an address the people of a few organisations share is doubtful evidence; of more than MAX_SHARING_ADDRESS (a consultant's), none", async () => {
    const { MAX_SHARING_ADDRESS } = await import('../../../src/import/organizations.js');
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    const n = MAX_SHARING_ADDRESS + 2;
    // one consultant files for every organisation, from a webmail address (its domain says nothing)
    const rows = Array.from({ length: n }, (_, i) => `Entidad${i},Asesora Ejemplo,asesora.ejemplo@gmail.com,Peru,,Proyecto ${i}`);
    fs.writeFileSync(path.join(dir, 'a.csv'), ['Organization,Contact name,Email,Country,Website,Title', ...rows].join('\n') + '\n');
    const r = await run(['--db', db, 'import', path.join(dir, 'a.csv'), '--call', '2020', '--json']);
    expect(r.code, r.stderr).toBe(0);
    // the k-th organisation has a doubtful match while at most MAX_SHARING_ADDRESS others share the address
    expect(json(r).files[0].organizations).toEqual({ returning: 0, created: n, doubtful: MAX_SHARING_ADDRESS });
    // and the officer's list of pairs to confirm does not pair them by that address either
    const pairs = json(await run(['--db', db, 'organizations', '--unconfirmed', '--json'])) as { evidence: string[] }[];
    expect(pairs.filter((p) => p.evidence.includes('same contact email'))).toEqual([]);
  });
});

describe('a name that says there is no organisation', () => {
  it('never links two people who wrote "Independent Researcher" as one organisation; the same person twice is one', async () => {
    const { db } = await importedCall([HEADER,
      'Independent Researcher,Ana Ejemplo,ana@example.org,United States,,Skills maps',
      'independent researcher,Bo Sample,bo@example.net,United States,,Apprenticeship data',
      'Independent Researcher,Ana Ejemplo,ana@example.org,United States,,Second proposal',
      'Self-employed,Cy Muestra,cy@example.com,United States,,Tailoring',
      'Self employed,Di Muestra,di@example.com,United States,,Welding',
    ]);
    const orgs = json(await run(['--db', db, 'organizations', '--json'])) as { name: string; applications: number }[];
    expect(orgs.filter((o) => /independent/i.test(o.name)).map((o) => o.applications).sort()).toEqual([1, 2]);
    expect(orgs.filter((o) => /self/i.test(o.name))).toHaveLength(2);
    const doubtful = json(await run(['--db', db, 'organizations', '--unconfirmed', '--json'])) as unknown[];
    expect(doubtful).toEqual([]);
  });
});

describe('a name of no letters', () => {
  it('is the same name only written the same: "🌱" and "🌍" of one country and email domain are two organisations, "🌱" twice is one', async () => {
    const { db } = await importedCall([HEADER,
      '🌱,Ana Ejemplo,ana@green.example,Kenya,,Seedlings',
      '🌍,Bo Sample,bo@green.example,Kenya,,Globes',
      '🌱,Cy Muestra,cy@other.example,Kenya,,More seedlings',
    ]);
    const orgs = json(await run(['--db', db, 'organizations', '--json'])) as { name: string; applications: number }[];
    expect(orgs.map((o) => [o.name, o.applications]).sort()).toEqual([['🌍', 1], ['🌱', 2]]);
    // (the shared domain still says they may be one: the officer decides)
    const doubtful = json(await run(['--db', db, 'organizations', '--unconfirmed', '--json'])) as { evidence: string[] }[];
    expect(doubtful.map((d) => d.evidence)).toEqual([['same email domain']]);
  });
});
