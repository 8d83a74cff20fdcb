import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { bufferIO } from '../../../src/cli/io.js';
import { runExportGraphml, runExportRoster } from '../../../src/cli/export.js';
import { isFormulaLike } from '../../../src/export/escape.js';
import { exportFixture, FORMULA_NAMES } from './fixture.js';
import { run } from '../support/run.js';

let fx: ReturnType<typeof exportFixture>;
beforeAll(async () => { fx = exportFixture(); });

describe('export roster', () => {
  it('writes Markdown for a report: summary, members, alternates, reasons', async () => {
    const out = path.join(fx.dir, 'core.md');
    const { io, stderr } = bufferIO();
    const r = await runExportRoster({ dbPath: fx.dbPath, name: 'core-2020', format: 'md', out }, io);
    const md = fs.readFileSync(out, 'utf8');
    expect(r.counts).toEqual({ members: 2, alternates: 1 });
    expect(md).toMatch(/^# Core Group: core-2020\n/);
    expect(md).toContain('2 members and 1 alternate');
    expect(md).toContain(`| 1 | ${fx.ids.taller} | Taller Abierto | Ana María Ruiz | Mexico | Americas | Spanish | Work-based learning, Training delivery | 8.5 | best score in Americas; covers work-based-learning |`);
    expect(md).toMatch(/^\| Rank \| ID \| Organisation \|/m);
    // A pipe inside a reason must not open a new column.
    const row2 = md.split('\n').find((l) => l.startsWith('| 2 |'))!;
    expect(row2).toContain('only applicant \\| Arab States');
    expect(row2.split(/(?<!\\)\|/).length).toBe(12);
    expect(md).toMatch(/## Alternates[\s\S]*\| 1 \| \d+ \| Ministry of Labour \|/);
    expect(stderr()).toMatch(/Wrote roster "core-2020": 2 members and 1 alternate to .*core\.md/);
  });

  it('writes CSV with formulas neutralised and JSON for scripts', async () => {
    const csvOut = path.join(fx.dir, 'core.csv');
    await runExportRoster({ dbPath: fx.dbPath, name: 'core-2020', format: 'csv', out: csvOut }, bufferIO().io);
    const rows = parse(fs.readFileSync(csvOut), { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(['role', 'rank', 'id', 'organisation', 'contact', 'country', 'region', 'language', 'categories', 'score', 'score_source', 'replaces', 'reasons', 'organization_id']);
    expect(rows.map((x) => x.role)).toEqual(['member', 'member', 'alternate']);
    expect(rows[1].organisation).toBe(`'${FORMULA_NAMES[0]}`);
    for (const row of rows) for (const v of Object.values(row)) expect(isFormulaLike(v)).toBe(false);

    const { io, stdout } = bufferIO();
    await runExportRoster({ dbPath: fx.dbPath, name: 'core-2020', format: 'json', out: '-' }, io);
    const doc = JSON.parse(stdout());
    expect(doc).toMatchObject({ name: 'core-2020', optimal: true, objective: 15.5 });
    expect(doc.members.map((m: any) => m.id)).toEqual([fx.ids.taller, fx.ids.formula]);
    expect(doc.members[0]).toMatchObject({ organization: 'Taller Abierto', country: 'MX', region: 'Americas', language: 'es', categories: ['training-delivery', 'work-based-learning'], score: 8.5 });
    expect(doc.alternates).toHaveLength(1);
    // organizationId is the number other JSON gives; kumuId the org-N of the maps and the CSV.
    for (const m of [...doc.members, ...doc.alternates]) {
      expect(typeof m.organizationId).toBe('number');
      expect(m.kumuId).toBe(`org-${m.organizationId}`);
      expect(rows.find((x) => Number(x.id) === m.id)!.organization_id).toBe(m.kumuId);
    }
  });

  it('names the saved rosters when the name is wrong', async () => {
    await expect(runExportRoster({ dbPath: fx.dbPath, name: 'core-2021', format: 'md', out: path.join(fx.dir, 'x.md') }, bufferIO().io)).rejects.toMatchObject({
      message: 'no roster named "core-2021" in this database', hint: expect.stringContaining('core-2020'),
    });
  });
});

describe('export roster --roster NAME, as on every other export', () => {
  it('names the roster like the positional NAME; both at once must agree; neither lists the saved ones', async () => {
    const out = path.join(fx.dir, 'by-flag.csv');
    const r = await run(['--db', fx.dbPath, 'export', 'roster', '--roster', 'core-2020', '--format', 'csv', '--out', out]);
    expect(r.code).toBe(0);
    const rows = parse(fs.readFileSync(out), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((x) => x.role)).toEqual(['member', 'member', 'alternate']);
    const same = await run(['--db', fx.dbPath, 'export', 'roster', 'core-2020', '--roster', 'core-2020', '--format', 'json', '--out', '-']);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout).name).toBe('core-2020');
    const two = await run(['--db', fx.dbPath, 'export', 'roster', 'core-2020', '--roster', 'other', '--out', '-']);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/^error: export roster was given two rosters/);
    const none = await run(['--db', fx.dbPath, 'export', 'roster', '--out', '-']);
    expect(none.code).toBe(2);
    // the command suggested runs as typed: --out is required
    expect(none.stderr).toMatch(/^error: export roster needs the name of a saved roster\n  saved rosters: core-2020 \(skillsnet export roster core-2020 --out -\)/);
  });
});

describe('export roster with the filters of list and the other exports', () => {
  it('--region, --country, --language and --search keep the lines whose application matches', async () => {
    const lines = async (...filters: string[]) => {
      const r = await run(['--db', fx.dbPath, 'export', 'roster', 'core-2020', '--format', 'json', '--out', '-', ...filters]);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      return [...doc.members, ...doc.alternates].map((m: any) => m.id);
    };
    expect(await lines('--region', 'Americas')).toEqual([fx.ids.taller]);
    expect(await lines('--country', 'Kenya')).toEqual([fx.ids.ministryKe]);
    expect(await lines('--language', 'en')).toEqual([fx.ids.formula, fx.ids.ministryKe]);
    expect(await lines('--search', 'taller')).toEqual([fx.ids.taller]);
    const md = await run(['--db', fx.dbPath, 'export', 'roster', 'core-2020', '--region', 'Africa', '--out', '-']);
    expect(md.stdout).toContain('whose application has region Africa');
    const bad = await run(['--db', fx.dbPath, 'export', 'roster', 'core-2020', '--region', 'Narnia', '--out', '-']);
    expect(bad.code).toBe(2);
  });
});

describe('export graphml', () => {
  it('writes valid GraphML with typed node and edge attributes', async () => {
    const out = path.join(fx.dir, 'network.graphml');
    const r = await runExportGraphml({ dbPath: fx.dbPath, filters: { allCalls: true }, peerLinks: 2, out }, bufferIO().io);
    const xml = fs.readFileSync(out, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name) }).parse(xml);
    const keys = doc.graphml.key as { id: string; for: string; 'attr.name': string; 'attr.type': string }[];
    const typeOf = (f: string, n: string) => keys.find((k) => k.for === f && k['attr.name'] === n)?.['attr.type'];
    expect(typeOf('node', 'score')).toBe('double');
    expect(typeOf('node', 'coreGroup')).toBe('boolean');
    expect(typeOf('node', 'region')).toBe('string');
    expect(typeOf('edge', 'weight')).toBe('double');
    const graph = doc.graphml.graph;
    expect(graph.edgedefault).toBe('undirected');
    expect(graph.node).toHaveLength(r.counts.nodes);
    expect(graph.edge).toHaveLength(r.counts.edges);
    const nodeIds = new Set(graph.node.map((n: any) => n.id));
    for (const e of graph.edge) expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
    const data = (n: any) => Object.fromEntries(n.data.map((d: any) => [d.key, d['#text']]));
    const formula = graph.node.find((n: any) => n.id === `org-${fx.ids.formula}`);
    // GraphML is not a spreadsheet: the name is kept as typed (XML-escaped, not apostrophe-prefixed).
    expect(data(formula)).toMatchObject({ label: FORMULA_NAMES[0], name: FORMULA_NAMES[0], type: 'Organization', region: 'Arab States', coreGroup: true, score: 7 });
    expect(graph.edge.some((e: any) => data(e).edgeType === 'peer')).toBe(true);
  });
});
