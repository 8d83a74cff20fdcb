import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { bufferIO } from '../../../src/cli/io.js';
import { runExportKumu } from '../../../src/cli/export.js';
import { openDatabase } from '../../../src/db/connection.js';
import { iterateApplications } from '../../../src/db/applications.js';
import { buildNetwork } from '../../../src/export/network.js';
import { kumuMap, validateKumuMap, type KumuMap } from '../../../src/export/kumu.js';
import { exportFixture, FORMULA_NAMES } from './fixture.js';
import { isFormulaLike } from '../../../src/export/escape.js';
import { unzip } from './unzip.js';

let fx: ReturnType<typeof exportFixture>;
beforeAll(() => { fx = exportFixture(); });

async function readWorkbook(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name)!;
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (r) => rows.push((r.values as unknown[]).slice(1)));
    const header = rows[0] as string[];
    return { header, rows: rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null]))), raw: rows, ws };
  };
  return { names: wb.worksheets.map((w) => w.name), elements: sheet('Elements'), connections: sheet('Connections'), wb };
}

describe('export kumu --format xlsx', () => {
  it('writes the Elements and Connections sheets Kumu imports', async () => {
    const out = path.join(fx.dir, 'map.xlsx');
    const { io, stderr } = bufferIO();
    const result = await runExportKumu({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'xlsx', out }, io);
    const wb = await readWorkbook(out);
    expect(wb.names).toEqual(['Elements', 'Connections']);
    expect(wb.elements.header.slice(0, 2)).toEqual(['ID', 'Label']);
    expect(wb.connections.header.slice(0, 3)).toEqual(['ID', 'From', 'To']);
    for (const f of ['Type', 'Description', 'Tags', 'Country', 'Region', 'Language', 'Organization Type', 'Beneficiaries', 'Contact Person', 'URL', 'Core Group', 'Call', 'Score']) {
      expect(wb.elements.header).toContain(f);
    }
    expect(wb.elements.header).not.toContain('Email');
    expect(wb.elements.header).not.toContain('Phone');
    // 11 applications: the two "Taller Abierto" in Mexico merge; 10 organisations + 9 categories + 5 regions.
    expect(wb.elements.rows).toHaveLength(10 + 9 + 5);
    expect(result.counts).toMatchObject({ applications: 11, organizations: 10, elements: 24 });
    // No blank rows; IDs unique; every From/To is an element ID.
    expect(wb.elements.raw.every((r) => r.some((v) => v !== null && v !== ''))).toBe(true);
    const ids = wb.elements.rows.map((r) => r.ID as string);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of wb.connections.rows) {
      expect(ids).toContain(c.From);
      expect(ids).toContain(c.To);
      expect(['directed', 'undirected']).toContain(c.Direction);
    }
    expect(wb.connections.rows).toHaveLength(result.counts.connections);
    expect(stderr()).toMatch(/Wrote 24 elements .* and \d+ connections to .*map\.xlsx/);
    expect(stderr()).toMatch(/Next: in Kumu/);
  });

  it('passes the Kumu validation again when read back from the file', async () => {
    const out = path.join(fx.dir, 'roundtrip.xlsx');
    await runExportKumu({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'xlsx', out, peerLinks: 2, withContactDetails: true }, bufferIO().io);
    const { elements, connections } = await readWorkbook(out);
    const rows = (sheet: typeof elements) => sheet.rows.map((r) => Object.fromEntries(Object.entries(r)
      .filter(([, v]) => v !== null && v !== '')
      .map(([k, v]) => [k, typeof v === 'string' && v.includes('|') ? v.split('|') : v]))) as KumuMap['elements'];
    expect(validateKumuMap({ elementFields: elements.header, elements: rows(elements), connectionFields: connections.header, connections: rows(connections) })).toEqual([]);
  });

  it('fills the organisation fields, merges repeat applicants and disambiguates labels', async () => {
    const out = path.join(fx.dir, 'fields.xlsx');
    await runExportKumu({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'xlsx', out }, bufferIO().io);
    const { elements } = await readWorkbook(out);
    const taller = elements.rows.find((r) => r.ID === `org-${fx.ids.taller}`)!;
    expect(taller).toMatchObject({
      Label: 'Taller Abierto', Type: 'Organization', Country: 'Mexico', 'Country Code': 'MX', Region: 'Americas', Language: 'Spanish',
      'Organization Type': 'NGO', Beneficiaries: 'Youth', 'Contact Person': 'Ana María Ruiz', URL: 'https://taller.example.org/',
      'Core Group': 'yes', Call: '2020|2021', Score: 9, Tags: 'Work-based learning|Training delivery|Life skills',
    });
    expect(typeof taller.Score).toBe('number');
    expect(taller.Description).toContain('**Aprendices \\*en\\* talleres**');
    expect(taller.Description).toContain('Segunda propuesta');
    const labels = elements.rows.map((r) => r.Label);
    expect(labels).toContain('Ministry of Labour (Kenya)');
    expect(labels).toContain('Ministry of Labour (Jordan)');
    expect(labels).toContain('Africa (Nigeria)');
    expect(new Set(labels.map((l) => String(l).toLowerCase())).size).toBe(labels.length);
    const formula = elements.rows.find((r) => r.ID === `org-${fx.ids.formula}`)!;
    expect(formula.Beneficiaries).toBe('Refugees|Women/Girls');
    expect(elements.rows.find((r) => r.ID === `org-${fx.ids.ministryKe}`)!['Core Group']).toBe('no');
    expect(elements.rows.filter((r) => r.Type === 'Skills category')).toHaveLength(9);
    expect(elements.rows.filter((r) => r.Type === 'Region').map((r) => r.Label)).toEqual(['Africa', 'Americas', 'Arab States', 'Asia and the Pacific', 'Europe and Central Asia']);
  });

  it('neutralises formula-like text in every cell and keeps no formula in the workbook', async () => {
    const out = path.join(fx.dir, 'formulas.xlsx');
    await runExportKumu({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'xlsx', out, withContactDetails: true }, bufferIO().io);
    const { elements, connections, wb } = await readWorkbook(out);
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(isFormulaLike(cell.value)).toBe(false);
      }));
    }
    const labels = elements.rows.map((r) => r.Label);
    // Labels are trimmed first: a leading tab or CR is dropped, not escaped.
    for (const name of FORMULA_NAMES.map((n) => n.trim())) expect(labels).toContain(isFormulaLike(name) ? `'${name}` : name);
    expect(connections.rows.length).toBeGreaterThan(0);
    // The raw sheet XML has no <f> (formula) element at all, and exactly two sheets.
    const files = await unzip(fs.readFileSync(out));
    const sheets = [...files.keys()].filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets).toHaveLength(2);
    for (const f of sheets) {
      expect(files.get(f)).toContain('<sheetData>');
      expect(files.get(f)).not.toMatch(/<f[ >]/);
    }
    // The escaped name is stored as text (shared string), apostrophe included.
    expect(files.get('xl/sharedStrings.xml')).toContain('<t>&apos;=HYPERLINK(&quot;http://x.example.com&quot;,&quot;click&quot;)</t>');
  });

  it('adds emails and phones only with --with-contact-details, and warns', async () => {
    const out = path.join(fx.dir, 'contacts-map.xlsx');
    const { io, stderr } = bufferIO();
    await runExportKumu({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'xlsx', out, withContactDetails: true }, io);
    const { elements } = await readWorkbook(out);
    expect(elements.header).toContain('Email');
    expect(elements.rows.find((r) => r.ID === `org-${fx.ids.taller}`)).toMatchObject({ Email: 'ana@example.org|otro@example.org', Phone: "'+52 55 0000 0000" });
    expect(stderr()).toMatch(/warning: the map includes email addresses and phone numbers\. A public Kumu project is visible to anyone with the link/);
  });

  it('marks a named roster, and --members-only keeps only its members', async () => {
    const out = path.join(fx.dir, 'core.xlsx');
    const r = await runExportKumu({ dbPath: fx.dbPath, filters: { allCalls: true }, roster: 'core-2020', membersOnly: true, format: 'xlsx', out }, bufferIO().io);
    const { elements } = await readWorkbook(out);
    const orgs = elements.rows.filter((x) => x.Type === 'Organization');
    expect(orgs.map((o) => o.ID).sort()).toEqual([`org-${fx.ids.formula}`, `org-${fx.ids.taller}`].sort());
    expect(orgs.every((o) => o['Core Group'] === 'yes')).toBe(true);
    expect(r.counts.coreGroup).toBe(2);
    await expect(runExportKumu({ dbPath: fx.dbPath, filters: { allCalls: true }, roster: 'nope', format: 'xlsx', out: path.join(fx.dir, 'x.xlsx') }, bufferIO().io)).rejects.toThrow(/no roster named "nope"/);
  });

  it('caps peer links per organisation and keeps them inside a region', async () => {
    const out = path.join(fx.dir, 'peers.json');
    await runExportKumu({ dbPath: fx.dbPath, filters: { allCalls: true }, peerLinks: 1, format: 'json', out }, bufferIO().io);
    const map = JSON.parse(fs.readFileSync(out, 'utf8'));
    const byId = new Map(map.elements.map((e: any) => [e.id, e]));
    const peers = map.connections.filter((c: any) => c.type === 'peer');
    expect(peers.length).toBeGreaterThan(0);
    const degree = new Map<string, number>();
    for (const p of peers) {
      const [a, b] = [byId.get(p.from) as any, byId.get(p.to) as any];
      expect(a.Region).toBe(b.Region);
      expect(a.tags.some((t: string) => b.tags.includes(t))).toBe(true);
      expect(p.direction).toBe('undirected');
      for (const id of [p.from, p.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
    }
    expect(Math.max(...degree.values())).toBe(1);
  });
});

describe('export kumu --format csv and json', () => {
  it('links every organisation that has a possible peer (read back from the CSV files)', async () => {
    const out = path.join(fx.dir, 'peers-csv');
    const r = await runExportKumu({ dbPath: fx.dbPath, filters: { allCalls: true }, peerLinks: 3, format: 'csv', out }, bufferIO().io);
    const elements = parse(fs.readFileSync(path.join(out, 'elements.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const connections = parse(fs.readFileSync(path.join(out, 'connections.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const orgs = elements.filter((e) => e.Type === 'Organization');
    const tags = (e: Record<string, string>) => (e.Tags ? e.Tags.split('|') : []);
    const degree = new Map(orgs.map((o) => [o.ID, 0]));
    for (const c of connections.filter((c) => c.Type === 'peer')) for (const id of [c.From, c.To]) degree.set(id, degree.get(id)! + 1);
    const withPeer = orgs.filter((o) => orgs.some((p) => p !== o && o.Region && p.Region === o.Region && tags(p).some((t) => tags(o).includes(t))));
    expect(withPeer.length).toBeGreaterThan(2);
    expect(withPeer.filter((o) => degree.get(o.ID) === 0).map((o) => o.Label)).toEqual([]);
    expect(Math.max(...degree.values())).toBeLessThanOrEqual(3);
    expect(r.counts.peerLinks).toBe(connections.filter((c) => c.Type === 'peer').length);
  });

  it('writes elements.csv and connections.csv (UTF-8, no BOM) and the view code in the folder', async () => {
    const out = path.join(fx.dir, 'kumu-csv');
    await runExportKumu({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'csv', out }, bufferIO().io);
    const elementsText = fs.readFileSync(path.join(out, 'elements.csv'), 'utf8');
    expect(elementsText.startsWith('ID,Label,')).toBe(true);
    const elements = parse(elementsText, { columns: true }) as Record<string, string>[];
    const connections = parse(fs.readFileSync(path.join(out, 'connections.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(elements).toHaveLength(24);
    const ids = new Set(elements.map((e) => e.ID));
    for (const c of connections) expect(ids.has(c.From) && ids.has(c.To)).toBe(true);
    for (const e of elements) for (const v of Object.values(e)) expect(isFormulaLike(v)).toBe(false);
    expect(elements.find((e) => e.ID === `org-${fx.ids.formula}`)!.Label).toBe(`'${FORMULA_NAMES[0]}`);
    const view = fs.readFileSync(path.join(out, 'kumu-view.txt'), 'utf8');
    // Kumu's documented forms: categorize(field, colour "value", ...) and scale(field, min, max).
    expect(view).toMatch(/element-color: categorize\("Region", (#[0-9a-f]{6} "[A-Za-z ]+", ){4}#[0-9a-f]{6} "[A-Za-z ]+"\);/);
    for (const region of ['Africa', 'Americas', 'Arab States', 'Asia and the Pacific', 'Europe and Central Asia']) expect(view).toContain(`"${region}"`);
    expect(view).toContain('element-size: scale("Score", 20, 60);');
    for (const shape of view.matchAll(/shape: (\w+);/g)) expect(['circle', 'square', 'rectangle']).toContain(shape[1]);
    expect(fs.statSync(path.join(out, 'elements.csv')).mode & 0o777).toBe(0o600);
  });

  it('writes a Kumu blueprint with arrays for multiple values and no spreadsheet escaping', async () => {
    const out = path.join(fx.dir, 'map.json');
    await runExportKumu({ dbPath: fx.dbPath, filters: { region: 'Americas', allCalls: true }, format: 'json', out }, bufferIO().io);
    const map = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(Object.keys(map)).toEqual(['elements', 'connections']);
    const org = map.elements.find((e: any) => e.type === 'Organization');
    expect(org).toMatchObject({ id: `org-${fx.ids.taller}`, label: 'Taller Abierto', tags: ['Work-based learning', 'Training delivery', 'Life skills'], Call: ['2020', '2021'] });
    expect(map.elements.filter((e: any) => e.type === 'Organization')).toHaveLength(1);
    expect(map.connections.every((c: any) => c.from && c.to && c.direction)).toBe(true);
  });

  it('prints the view code with --view instead of writing it', async () => {
    const out = path.join(fx.dir, 'viewed.xlsx');
    const { io, stdout } = bufferIO();
    await runExportKumu({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'xlsx', out, view: true }, io);
    expect(stdout()).toContain('@settings {');
    expect(fs.existsSync(path.join(fx.dir, 'viewed.kumu-view.txt'))).toBe(false);
  });
});

describe('export kumu --out checks', () => {
  it('wants a folder for csv and a file for xlsx', async () => {
    const file = path.join(fx.dir, 'plain.csv');
    fs.writeFileSync(file, '');
    await expect(runExportKumu({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'csv', out: file }, bufferIO().io)).rejects.toThrow(/--format csv writes a folder/);
    await expect(runExportKumu({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'xlsx', out: fx.dir }, bufferIO().io)).rejects.toThrow(/is a folder/);
    // the file name it suggests in a folder with a space is quoted, to be pasted
    fs.mkdirSync(path.join(fx.dir, 'Kumu maps'), { recursive: true });
    await expect(runExportKumu({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'xlsx', out: 'Kumu maps' }, bufferIO({ cwd: fx.dir }).io)).rejects.toMatchObject({ hint: 'give a file name, e.g. --out "Kumu maps/map.xlsx"' });
  });

  it('lists the files it wrote, view code included', async () => {
    const out = path.join(fx.dir, 'listed.xlsx');
    const r = await runExportKumu({ dbPath: fx.dbPath, filters: { allCalls: true }, format: 'xlsx', out }, bufferIO().io);
    expect(r.files).toEqual([out, path.join(fx.dir, 'listed.kumu-view.txt')]);
  });
});

describe('validateKumuMap', () => {
  const good = (): KumuMap => {
    const db = openDatabase(fx.dbPath);
    try {
      return kumuMap(buildNetwork(iterateApplications(db), { peerLinks: 2 }), { withContactDetails: true });
    } finally {
      db.close();
    }
  };

  it('accepts the exported map', () => {
    expect(validateKumuMap(good())).toEqual([]);
  });

  it('reports every kind of problem Kumu would choke on', () => {
    const m = good();
    m.elementFields.push('Yes');
    m.elements[1].ID = m.elements[0].ID;
    m.elements.push({});
    m.connections[0].To = 'nowhere';
    m.elements[2].Tags = ['a|b'];
    m.elements[3].ID = 'has space';
    const problems = validateKumuMap(m).join('\n');
    expect(problems).toMatch(/Kumu cannot use a field named "Yes"/);
    expect(problems).toMatch(/ID "org-\d+" is used twice/);
    expect(problems).toMatch(/is blank/);
    expect(problems).toMatch(/To "nowhere" is not an element ID/);
    expect(problems).toMatch(/contains "\|"/);
    expect(problems).toMatch(/space or underscore/);
  });

  it('checks the column order Kumu relies on', () => {
    const m = good();
    m.connectionFields = ['ID', 'To', 'From', ...m.connectionFields.slice(3)];
    expect(validateKumuMap(m).join('\n')).toMatch(/column B must be From/);
  });
});
