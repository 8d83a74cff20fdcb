import { REGIONS } from '../model.js';
import { OperationError } from '../errors.js';
import { ELEMENT_TYPES, holdsCoreGroupSeat, organizationDescription, type Network } from './network.js';
import { CSV_OPTIONS, safeCell, xmlSafeText, XLSX_MAX_CELL } from './escape.js';

/**
 * Kumu's import format (docs.kumu.io, "Import" and "Fields"): an Elements sheet and a
 * Connections sheet, headers in row 1, ID in column A so that re-importing updates elements
 * instead of duplicating them, From/To holding element IDs, several values in one cell
 * separated by "|". Field names YES/NO/ON/OFF/TRUE/FALSE break Kumu.
 */

export type KumuValue = string | number | string[] | null;
export type KumuRow = Record<string, KumuValue>;

export interface KumuMap {
  elementFields: string[];
  elements: KumuRow[];
  connectionFields: string[];
  connections: KumuRow[];
}

export const ELEMENT_FIELDS = [
  'ID', 'Label', 'Type', 'Description', 'Tags', 'Country', 'Country Code', 'Region', 'Language', 'Organization Type',
  'Beneficiaries', 'Contact Person', 'URL', 'Core Group', 'Call', 'Score', 'Applications', 'Roles', 'Status', 'Cohort', 'Organization',
];
export const CONTACT_FIELDS = ['Email', 'Phone'];
export const CONNECTION_FIELDS = ['ID', 'From', 'To', 'Type', 'Direction', 'Strength', 'Tags'];

const RESERVED_FIELD_NAMES = ['YES', 'NO', 'ON', 'OFF', 'TRUE', 'FALSE'];

/** A single value that must not be split by Kumu: pipes inside it become slashes. */
const one = (v: string | null | undefined): string | null => (v == null || v.trim() === '' ? null : v.replace(/\|/g, '/'));
const many = (vs: string[]): string[] => vs.map((v) => v.replace(/\|/g, '/').trim()).filter(Boolean);

export function kumuMap(network: Network, options: { withContactDetails: boolean }): KumuMap {
  const elementFields = options.withContactDetails ? [...ELEMENT_FIELDS.slice(0, 12), ...CONTACT_FIELDS, ...ELEMENT_FIELDS.slice(12)] : [...ELEMENT_FIELDS];
  const elements: KumuRow[] = [];
  for (const org of network.organizations) {
    const row: KumuRow = {
      ID: org.id,
      Label: one(org.label),
      Type: ELEMENT_TYPES.organization,
      Description: one(organizationDescription(org)),
      Tags: many(org.categories),
      Country: one(org.country),
      'Country Code': org.countryCode,
      Region: org.region,
      Language: one(org.language),
      'Organization Type': many(org.organizationTypes),
      Beneficiaries: many(org.beneficiaries),
      'Contact Person': many(org.contactPersons),
      URL: org.url,
      'Core Group': org.coreGroup ? 'yes' : 'no',
      Call: many(org.calls),
      Score: org.score,
      Applications: org.applicationIds.map(String),
      Roles: many(org.roles),
      Status: org.status,
      Cohort: many(org.cohorts),
    };
    // Never the address of someone who said no to being contacted, even --with-contact-details.
    if (options.withContactDetails) {
      row.Email = org.consentContact === false ? null : many(org.emails);
      row.Phone = org.consentContact === false ? null : many(org.phones);
    }
    elements.push(row);
  }
  for (const p of network.persons) {
    const row: KumuRow = {
      ID: p.id, Label: one(p.label), Type: ELEMENT_TYPES.person, Country: one(p.country), 'Country Code': p.countryCode, Region: p.region,
      Language: one(p.language), 'Core Group': holdsCoreGroupSeat(p) ? 'yes' : 'no', Roles: many(p.roles), Status: p.status,
      Organization: one(p.organization),
    };
    if (options.withContactDetails) {
      row.Email = p.consentContact === false ? null : many(p.emails);
      row.Phone = p.consentContact === false ? null : many(p.phones);
    }
    elements.push(row);
  }
  for (const c of network.categories) {
    elements.push({ ID: c.id, Label: c.label, Type: ELEMENT_TYPES.category, Description: c.description });
  }
  for (const r of network.regions) {
    elements.push({ ID: r.id, Label: r.label, Type: ELEMENT_TYPES.region, Region: r.region });
  }
  for (const g of network.targetGroups) {
    elements.push({ ID: g.id, Label: one(g.label), Type: ELEMENT_TYPES.targetGroup });
  }
  const connections: KumuRow[] = network.links.map((l) => ({
    ID: l.id, From: l.from, To: l.to, Type: l.type, Direction: l.direction, Strength: l.strength, Tags: l.shared ? many(l.shared) : null,
  }));
  return { elementFields, elements, connectionFields: [...CONNECTION_FIELDS], connections };
}

/**
 * What Kumu needs, checked before anything is written. Returns the problems found (empty when
 * the map is importable); the exporter refuses to write a map with problems.
 */
export function validateKumuMap(map: KumuMap): string[] {
  const problems: string[] = [];
  const checkFields = (fields: string[], sheet: string, second: string[]) => {
    if (fields[0] !== 'ID') problems.push(`${sheet}: column A must be ID, found "${fields[0]}"`);
    second.forEach((name, i) => {
      if (fields[i + 1] !== name) problems.push(`${sheet}: column ${String.fromCharCode(66 + i)} must be ${name}, found "${fields[i + 1]}"`);
    });
    const seen = new Set<string>();
    for (const f of fields) {
      if (!f.trim()) problems.push(`${sheet}: a column has no name`);
      if (RESERVED_FIELD_NAMES.includes(f.trim().toUpperCase())) problems.push(`${sheet}: Kumu cannot use a field named "${f}"`);
      if (seen.has(f.toLowerCase())) problems.push(`${sheet}: field "${f}" appears twice`);
      seen.add(f.toLowerCase());
    }
  };
  checkFields(map.elementFields, 'Elements', ['Label']);
  checkFields(map.connectionFields, 'Connections', ['From', 'To']);

  const checkRows = (rows: KumuRow[], fields: string[], sheet: string, required: string[]) => {
    const ids = new Set<string>();
    rows.forEach((row, i) => {
      const where = `${sheet} row ${i + 2}`;
      for (const key of Object.keys(row)) if (!fields.includes(key)) problems.push(`${where}: value for unknown field "${key}"`);
      const filled = fields.some((f) => !isBlank(row[f]));
      if (!filled) { problems.push(`${where} is blank`); return; }
      for (const f of required) if (isBlank(row[f])) problems.push(`${where}: ${f} is empty`);
      const id = String(row.ID ?? '');
      if (/[\s_]/.test(id)) problems.push(`${where}: ID "${id}" has a space or underscore (Kumu's search cannot select it)`);
      if (ids.has(id)) problems.push(`${where}: ID "${id}" is used twice`);
      ids.add(id);
      for (const f of fields) {
        const v = row[f];
        if (Array.isArray(v)) {
          for (const item of v) if (item.includes('|')) problems.push(`${where}: a value of ${f} contains "|", which Kumu would split`);
        } else if (typeof v === 'string' && v.includes('|')) {
          problems.push(`${where}: ${f} contains "|", which Kumu would split`);
        } else if (typeof v === 'number' && !Number.isFinite(v)) {
          problems.push(`${where}: ${f} is not a finite number`);
        }
      }
    });
    return ids;
  };
  const elementIds = checkRows(map.elements, map.elementFields, 'Elements', ['ID', 'Label']);
  checkRows(map.connections, map.connectionFields, 'Connections', ['ID', 'From', 'To']);
  map.connections.forEach((c, i) => {
    for (const end of ['From', 'To'] as const) {
      const id = String(c[end] ?? '');
      if (id && !elementIds.has(id)) problems.push(`Connections row ${i + 2}: ${end} "${id}" is not an element ID`);
    }
    if (c.Direction && !['directed', 'undirected', 'mutual'].includes(String(c.Direction))) problems.push(`Connections row ${i + 2}: Direction "${c.Direction}" is not directed, undirected or mutual`);
  });
  return problems;
}

function isBlank(v: KumuValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/** Refuses a map Kumu would reject, listing the first problems. */
export function assertValidKumuMap(map: KumuMap): void {
  const problems = validateKumuMap(map);
  if (problems.length) {
    throw new OperationError(`the map is not importable into Kumu (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems.slice(0, 5).join('; ')}`, {
      hint: 'this is a bug in skillsnet: please report it with the command you ran',
    });
  }
}

/**
 * A cell for CSV or XLSX: multi-values joined with "|", text neutralised against formulas. With
 * maxLength, a longer cell is cut to exactly that many UTF-16 units as written, its apostrophe
 * included, ending in "…", and never between the two halves of an emoji (a lone half is no
 * character: it would be written as "�").
 */
export function kumuCell(value: KumuValue | undefined, options: { maxLength?: number } = {}): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return safeCell(value);
  let text = Array.isArray(value) ? value.join('|') : value;
  text = xmlSafeText(text);
  const written = String(safeCell(text));
  if (options.maxLength && written.length > options.maxLength) {
    let cut = text.slice(0, options.maxLength - 1 - (written.length - text.length));
    if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
    text = `${cut}…`;
  }
  return safeCell(text);
}

/** Rows of cells for a sheet (header first). */
export function sheetRows(fields: string[], rows: KumuRow[], options: { maxLength?: number } = {}): (string | number)[][] {
  return [fields, ...rows.map((r) => fields.map((f) => kumuCell(r[f], options)))];
}

/** The cells the workbook shortens to Excel's 32,767 characters, as "org-12 Description". */
export function overlongCells(map: KumuMap): string[] {
  const cut: string[] = [];
  for (const r of map.elements) for (const f of map.elementFields) {
    const v = r[f];
    if (typeof v === 'number' || v === null || v === undefined) continue;
    if (String(safeCell(xmlSafeText(Array.isArray(v) ? v.join('|') : v))).length > XLSX_MAX_CELL) cut.push(`${String(r.ID)} ${f}`);
  }
  return cut;
}

/**
 * The workbook, built with exceljs's streaming writer and shared strings: about twice as fast
 * as the in-memory workbook for 10,000 organisations. Every cell is a string or a number, so
 * the file holds no formula at all.
 */
export async function kumuWorkbook(map: KumuMap, pause: () => Promise<void> = async () => {}): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const { PassThrough } = await import('node:stream');
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  workbook.creator = 'skillsnet';
  const add = async (name: string, fields: string[], rows: KumuRow[], widths: Record<string, number>) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = fields.map((f) => ({ key: f, width: widths[f] ?? 18 }));
    const header = sheet.addRow(fields);
    header.font = { bold: true };
    header.commit();
    for (const [i, r] of rows.entries()) {
      sheet.addRow(fields.map((f) => kumuCell(r[f], { maxLength: XLSX_MAX_CELL }))).commit();
      // A pause now and then: a map of many thousand organisations takes seconds to write (Ctrl-C is answered there).
      if (i % 1000 === 999) await pause();
    }
    sheet.commit();
  };
  await add('Elements', map.elementFields, map.elements, { ID: 14, Label: 36, Description: 60, Tags: 40 });
  await add('Connections', map.connectionFields, map.connections, { ID: 44, From: 22, To: 30 });
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A Kumu sheet as CSV. With `pause` (a checkpoint), written some hundred rows at a time with a
 * pause every 50 ms or so: 115,000 connections took 2.6 s in one go on a loaded machine, the
 * elements 1.1 s more, and Ctrl-C waited for both (4.7 s from Ctrl-C to exit). The same text.
 */
export async function kumuCsv(fields: string[], rows: KumuRow[], pause?: () => Promise<void>): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  // No byte-order mark: Kumu would read it as part of the first header ("ID").
  if (!pause) return stringify(sheetRows(fields, rows), CSV_OPTIONS);
  // (each record ends in its delimiter: the pieces joined are the whole)
  const pieces = [stringify([fields], CSV_OPTIONS)];
  let started = performance.now();
  for (let i = 0; i < rows.length; i += CSV_STEP_ROWS) {
    pieces.push(stringify(sheetRows(fields, rows.slice(i, i + CSV_STEP_ROWS)).slice(1), CSV_OPTIONS));
    if (performance.now() - started > 50) {
      await pause();
      started = performance.now();
    }
  }
  return pieces.join('');
}

/** Rows made CSV between two looks at the clock (kumuCsv with pauses). */
const CSV_STEP_ROWS = 200;

/**
 * Kumu's JSON "blueprint": lower-case core keys, arrays for multiple values. Every field of the
 * sheet is on every row, a blank one as "" (as the empty cell of the XLSX and CSV), so that a
 * script finds `URL` or `Beneficiaries` on each organisation whether or not it has one.
 */
export function kumuBlueprint(map: KumuMap): { elements: Record<string, unknown>[]; connections: Record<string, unknown>[] } {
  const core: Record<string, string> = { ID: 'id', Label: 'label', Type: 'type', Description: 'description', Tags: 'tags', From: 'from', To: 'to', Direction: 'direction' };
  const convert = (fields: string[], rows: KumuRow[]) =>
    rows.map((r) => {
      const out: Record<string, unknown> = {};
      for (const f of fields) out[core[f] ?? f] = r[f] ?? '';
      return out;
    });
  return { elements: convert(map.elementFields, map.elements), connections: convert(map.connectionFields, map.connections) };
}

/** Colours per ILO region (readable on Kumu's light and dark backgrounds). */
export const REGION_COLOURS: Record<(typeof REGIONS)[number], string> = {
  Africa: '#e8a33d',
  Americas: '#3b8bd4',
  'Arab States': '#2fa37a',
  'Asia and the Pacific': '#c8553d',
  'Europe and Central Asia': '#8a63c9',
};

/**
 * Kumu Advanced Editor code for the view: organisations coloured by region and sized by
 * score, Core Group members outlined, categories and regions drawn as hubs.
 */
export function kumuViewSnippet(): string {
  // Syntax from Kumu's @settings, property and colour references: categorize(field, colour "value", ...),
  // scale(field, min, max); shapes are circle, square or rectangle.
  return [
    '/* skillsnet: paste into Kumu > Settings (sliders icon) > Advanced Editor, then Save. */',
    '@settings {',
    '  layout-preset: auto;',
    '  element-color: categorize("Region", ' + REGIONS.map((r) => `${REGION_COLOURS[r]} "${r}"`).join(', ') + ');',
    '  /* Organisations sized by score (the best of their applications), smallest to largest in the map. */',
    '  element-size: scale("Score", 20, 60);',
    '  /* Peer links thicker when the peers share more categories. */',
    '  connection-size: scale("Strength", 1, 4);',
    '}',
    '',
    '/* Core Group members get a thick dark outline. */',
    'element["Core Group"="yes"] {',
    '  border-color: #222222;',
    '  border-width: 4;',
    '}',
    '',
    '/* Skills categories and regions are the hubs (regions take their colour from the Region field too). */',
    'element["element type"="Skills category"] {',
    '  shape: square;',
    '  color: #555555;',
    '  size: 70;',
    '}',
    'element["element type"="Region"] {',
    '  shape: rectangle;',
    '  size: 80;',
    '}',
    '',
    '/* Target groups two or more organisations serve (export kumu --target-groups). */',
    'element["element type"="Target group"] {',
    '  shape: square;',
    '  color: #b08d57;',
    '  size: 50;',
    '}',
    'connection["connection type"="serves"] {',
    '  color: #d9cbb3;',
    '}',
    '',
    'connection["connection type"="peer"] {',
    '  color: #999999;',
    '}',
    '',
  ].join('\n');
}
