import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveCountry } from '../../dist/geo/countries.js';
import { resolveLanguage } from '../../dist/geo/languages.js';
import { REGIONS } from '../../dist/model.js';
import { ROOT, tempDir } from './support/cli.js';

const SCRIPT = path.join(ROOT, 'scripts', 'sample', 'generate.mjs');
const SAMPLE = path.join(ROOT, 'data', 'sample', 'applications.csv');
const LABELS = path.join(ROOT, 'data', 'sample', 'labels.csv');
const taxonomy = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'taxonomy.json'), 'utf8'));
const REVISED: string[] = taxonomy.revised.map((c: { code: string }) => c.code);
const HEADERS = [
  'Timestamp', 'Application ID', 'Name of your organization', 'Type of organization', 'Contact first name',
  'Contact last name', 'Email Address', 'Phone number', 'Website', 'Country', 'Language of the application',
  'Title of your innovation', 'Describe your innovation', 'Main beneficiaries', 'Skills category (your choice)', 'Score',
];

const dir = tempDir('skillsnet-sample-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function generate(args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`generate.mjs exited ${r.status}: ${r.stderr}`);
  return r;
}

type Row = Record<string, string>;
const readRows = (file: string): Row[] => parse(fs.readFileSync(file), { columns: true });
const rows = readRows(SAMPLE);
const labels: Row[] = parse(fs.readFileSync(LABELS), { columns: true });
const firstRows = rows.filter((r, i) => rows.findIndex((o) => o['Application ID'] === r['Application ID']) === i);

describe('the committed sample call', () => {
  it('is exactly what the generator makes from its default seed', () => {
    const out = path.join(dir, 'applications.csv');
    const labelOut = path.join(dir, 'labels.csv');
    generate(['--out', out, '--labels', labelOut]);
    expect(fs.readFileSync(out).equals(fs.readFileSync(SAMPLE))).toBe(true);
    expect(fs.readFileSync(labelOut).equals(fs.readFileSync(LABELS))).toBe(true);
  });

  it('looks like a Google Forms export: headers, CRLF, no BOM', () => {
    const bytes = fs.readFileSync(SAMPLE);
    expect(bytes[0]).not.toBe(0xef);
    const header = bytes.subarray(0, bytes.indexOf('\r\n')).toString('utf8');
    expect(header.split(',')).toEqual(HEADERS);
    expect(Object.keys(rows[0])).toEqual(HEADERS);
  });

  it('has 473 applications in 474 rows: one resubmission with an edited description, later', () => {
    expect(rows).toHaveLength(474);
    const ids = rows.map((r) => r['Application ID']);
    for (const id of ids) expect(id).toMatch(/^SIC-2020-\d{4}$/);
    expect(new Set(ids).size).toBe(473);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toHaveLength(1);
    const [first, second] = rows.filter((r) => r['Application ID'] === repeated[0]);
    expect(second['Describe your innovation']).not.toBe(first['Describe your innovation']);
    expect(second['Email Address']).toBe(first['Email Address']);
    expect(Date.parse(second.Timestamp)).toBeGreaterThan(Date.parse(first.Timestamp));
    // rows are in submission order
    const times = rows.map((r) => Date.parse(r.Timestamp));
    for (const t of times) expect(Number.isNaN(t)).toBe(false);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1])).toBe(true);
  });

  it('uses only reserved example domains, with one missing email and a few untidy ones', () => {
    const emails = rows.map((r) => r['Email Address']);
    expect(emails.filter((e) => e === '')).toHaveLength(1);
    for (const e of emails.filter((e) => e !== '')) expect(e.trim().toLowerCase()).toMatch(/^[a-z0-9._]+@example\.(org|com|net)$/);
    const untidy = emails.filter((e) => e !== e.trim().toLowerCase());
    expect(untidy.length).toBeGreaterThanOrEqual(3);
    expect(untidy.length).toBeLessThanOrEqual(8);
    for (const site of rows.map((r) => r.Website).filter(Boolean)) expect(site).toMatch(/^(https?:\/\/)?[a-z0-9.]+\.example\.(org|com|net)\/?$/);
  });

  it('covers every ILO region and at least 80 countries, all resolvable, some spelt the French, Spanish or official way', () => {
    const codes = new Set<string>();
    const regions = new Set<string>();
    for (const r of rows) {
      const match = resolveCountry(r.Country);
      expect(match, r.Country).not.toBeNull();
      codes.add(match!.code);
      regions.add(match!.region!);
    }
    expect(codes.size).toBeGreaterThanOrEqual(80);
    expect([...regions].sort()).toEqual([...REGIONS].sort());
    const spellings = new Set(rows.map((r) => r.Country));
    for (const odd of ['Sénégal', 'Brasil', 'Lao PDR', 'Bolivia (Plurinational State of)']) expect(spellings).toContain(odd);
  });

  it('is about 60% English, 25% French and 15% Spanish', () => {
    const share = (code: string) => firstRows.filter((r) => resolveLanguage(r['Language of the application']) === code).length / firstRows.length;
    expect(share('en')).toBeGreaterThan(0.55);
    expect(share('en')).toBeLessThan(0.65);
    expect(share('fr')).toBeGreaterThan(0.2);
    expect(share('fr')).toBeLessThan(0.3);
    expect(share('es')).toBeGreaterThan(0.1);
    expect(share('es')).toBeLessThan(0.2);
  });

  it('has proposals of 2 to 5 sentences, scores on 0–10 with one decimal, and own choices from the original taxonomy', () => {
    const originalNames = new Map<string, Set<string>>();
    for (const lang of ['en', 'fr', 'es']) originalNames.set(lang, new Set(taxonomy.original.map((c: { name: Record<string, string> }) => c.name[lang])));
    let blank = 0;
    for (const r of firstRows) {
      const sentences = r['Describe your innovation'].split(/(?<=[.;])\s+(?=[A-ZÀ-Ý¿])/);
      expect(sentences.length, r['Application ID']).toBeGreaterThanOrEqual(2);
      expect(sentences.length, r['Application ID']).toBeLessThanOrEqual(5);
      expect(r['Title of your innovation'].length).toBeGreaterThan(10);
      expect(r.Score).toMatch(/^\d{1,2}\.\d$/);
      expect(Number(r.Score)).toBeLessThanOrEqual(10);
      const choice = r['Skills category (your choice)'];
      if (choice === '') blank++;
      else expect(originalNames.get(resolveLanguage(r['Language of the application'])!)).toContain(choice);
      expect(r['Main beneficiaries'].length).toBeGreaterThan(0);
    }
    expect(blank).toBeGreaterThan(10);
    const types = new Set(rows.map((r) => r['Type of organization']));
    expect(types.size).toBe(9);
    expect(new Set(rows.map((r) => r['Name of your organization'])).size).toBeGreaterThan(300);
  });

  it('labels every application with valid revised codes, covering all nine, many with several', () => {
    expect(labels).toHaveLength(473);
    expect(labels.map((l) => l.application_id)).toEqual(firstRows.map((r) => r['Application ID']));
    const counts = new Map<string, number>();
    let multi = 0;
    for (const l of labels) {
      const codes = l.categories.split('|');
      if (codes.length > 1) multi++;
      for (const c of codes) {
        expect(REVISED).toContain(c);
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
    }
    for (const c of REVISED) expect(counts.get(c) ?? 0, c).toBeGreaterThanOrEqual(20);
    expect(multi).toBeGreaterThanOrEqual(50);
  });
});

describe('generate.mjs', () => {
  it('is deterministic per seed and honours --count and --no-defects', () => {
    const a = path.join(dir, 'a.csv'), b = path.join(dir, 'b.csv'), c = path.join(dir, 'c.csv');
    generate(['--seed', 'x', '--count', '300', '--out', a, '--no-defects']);
    generate(['--seed', 'x', '--count', '300', '--out', b, '--no-defects']);
    generate(['--seed', 'y', '--count', '300', '--out', c, '--no-defects']);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
    expect(fs.readFileSync(a).equals(fs.readFileSync(c))).toBe(false);
    const clean = readRows(a);
    expect(clean).toHaveLength(300);
    expect(new Set(clean.map((r) => r['Application ID'])).size).toBe(300);
    for (const r of clean) expect(r['Email Address']).toMatch(/^[a-z0-9._]+@example\.(org|com|net)$/);
  });

  it('refuses bad options with one error line and exit 2', () => {
    const r = spawnSync(process.execPath, [SCRIPT, '--count', 'many'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: --count must be a positive whole number/);
  });
});
