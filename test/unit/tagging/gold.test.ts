import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run.js';
import { revisedCodesFor } from '../../../src/tagging/taxonomy.js';

// Shape of the held-out evaluation set (test/tagging/GOLD.md); its content is not used here.
const GOLD = path.join(ROOT, 'test', 'tagging', 'gold.csv');
const taxonomy = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'taxonomy.json'), 'utf8'));
const CODES: string[] = taxonomy.revised.map((c: { code: string }) => c.code);

type GoldRow = { title: string; description: string; language: string; categories: string };
const text = fs.readFileSync(GOLD, 'utf8');
const rows: GoldRow[] = parse(text, { columns: true, skip_empty_lines: true });

describe('test/tagging/gold.csv', () => {
  it('has exactly the columns title, description, language, categories', () => {
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split('\n', 1)[0]).toBe('title,description,language,categories');
  });

  it('holds at least 120 applications, at least 40 in each of en, fr and es and no other language', () => {
    expect(rows.length).toBeGreaterThanOrEqual(120);
    const byLanguage = new Map<string, number>();
    for (const r of rows) byLanguage.set(r.language, (byLanguage.get(r.language) ?? 0) + 1);
    expect([...byLanguage.keys()].sort()).toEqual(['en', 'es', 'fr']);
    for (const lang of ['en', 'fr', 'es']) expect(byLanguage.get(lang), lang).toBeGreaterThanOrEqual(40);
  });

  it('uses only valid revised codes, one to three per row, without repeats', () => {
    for (const r of rows) {
      const codes = r.categories.split('|');
      expect(codes.length, r.title).toBeGreaterThanOrEqual(1);
      expect(codes.length, r.title).toBeLessThanOrEqual(3);
      expect(new Set(codes).size, r.title).toBe(codes.length);
      for (const c of codes) expect(CODES, `${r.title}: ${c}`).toContain(c);
    }
  });

  it('covers every category at least 10 times and has at least 40 multi-label rows', () => {
    const counts = new Map<string, number>();
    for (const r of rows) for (const c of r.categories.split('|')) counts.set(c, (counts.get(c) ?? 0) + 1);
    for (const c of CODES) expect(counts.get(c) ?? 0, c).toBeGreaterThanOrEqual(10);
    expect(rows.filter((r) => r.categories.includes('|')).length).toBeGreaterThanOrEqual(40);
  });

  it('has a real title and description on every row, none repeated', () => {
    for (const r of rows) {
      expect(r.title.trim().length, r.title).toBeGreaterThan(8);
      expect(r.description.split(/\s+/).length, r.title).toBeGreaterThanOrEqual(20);
    }
    expect(new Set(rows.map((r) => r.title)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.description)).size).toBe(rows.length);
  });

  it('shares no sentence with the generated sample, so it measures unseen text', () => {
    const sample: Record<string, string>[] = parse(fs.readFileSync(path.join(ROOT, 'data', 'sample', 'applications.csv')), { columns: true });
    const sentences = (t: string) => t.split(/(?<=[.;:?!])\s+/).map((s) => s.trim().toLowerCase()).filter((s) => s.length > 25);
    const seen = new Set(sample.flatMap((r) => [...sentences(r['Describe your innovation']), r['Title of your innovation'].toLowerCase()]));
    for (const r of rows) {
      expect(seen.has(r.title.toLowerCase()), r.title).toBe(false);
      for (const s of sentences(r.description)) expect(seen.has(s), s).toBe(false);
    }
  });
});

// Shape of the fresh, the long, the styles, the wider and the rough sets' halves and the reviewer's blind set (test/tagging/GOLD.md, "The fresh set", "The long set", "The styles set", "The wider set", "The reviewer's blind set", "The rough set").
for (const name of ['fresh-tune.csv', 'fresh-holdout.csv', 'long-tune.csv', 'long-holdout.csv', 'styles-tune.csv', 'styles-holdout.csv', 'wider-tune.csv', 'wider-holdout.csv', 'blind-rv.csv', 'rough-tune.csv', 'rough-holdout.csv']) {
  const file = path.join(ROOT, 'test', 'tagging', name);
  const fresh: GoldRow[] = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true });
  describe(`test/tagging/${name}`, () => {
    it('holds at least 36 texts in en, fr and es, each with one to three valid codes', () => {
      expect(fresh.length).toBeGreaterThanOrEqual(36);
      for (const r of fresh) {
        expect(['en', 'fr', 'es'], r.title).toContain(r.language);
        const codes = r.categories.split('|');
        expect(codes.length, r.title).toBeGreaterThanOrEqual(1);
        expect(codes.length, r.title).toBeLessThanOrEqual(3);
        expect(new Set(codes).size, r.title).toBe(codes.length);
        for (const c of codes) expect(CODES, `${r.title}: ${c}`).toContain(c);
      }
    });

    it('covers every category at least twice and shares no text with the gold set', () => {
      const counts = new Map<string, number>();
      for (const r of fresh) for (const c of r.categories.split('|')) counts.set(c, (counts.get(c) ?? 0) + 1);
      for (const c of CODES) expect(counts.get(c) ?? 0, c).toBeGreaterThanOrEqual(2);
      const goldTitles = new Set(rows.map((r) => r.title));
      for (const r of fresh) expect(goldTitles.has(r.title), r.title).toBe(false);
    });
  });
}

// The review blind sets (GOLD.md, "The tagging5/6/7/8/11/12 review's blind set"): 10 texts per language, aimed at that round's rules.
for (const name of ['blind-rv5.csv', 'blind-rv6.csv', 'blind-rv7.csv', 'blind-rv8.csv', 'blind-rv11.csv', 'blind-rv12.csv']) {
  describe(`test/tagging/${name}`, () => {
    const set: GoldRow[] = parse(fs.readFileSync(path.join(ROOT, 'test', 'tagging', name), 'utf8'), { columns: true, skip_empty_lines: true });
    it('holds 10 texts per language, each with one to three valid codes, none sharing a title with the gold set', () => {
      for (const lang of ['en', 'fr', 'es']) expect(set.filter((r) => r.language === lang).length, lang).toBe(10);
      for (const r of set) expectOwnRow(r);
    });
  });
}

// The blind sets written as applicants write them (GOLD.md, "The tagging8 blind set", "The tagging9
// blind set", "The tagging10 blind set", "The tagging11 blind set", "The tagging12 blind set"): a number of texts per language, descriptions within a range of words, every
// category used at least a number of times.
for (const [file, perLanguage, minWords, maxWords, minUses] of [
  ['blind8.csv', 20, 80, 250, 6],
  ['blind9.csv', 15, 130, 400, 5],
  ['blind10.csv', 10, 80, 300, 3],
  ['blind11.csv', 10, 60, 350, 3],
  ['blind12.csv', 10, 60, 350, 3],
] as const) {
  describe(`test/tagging/${file}`, () => {
    const set: GoldRow[] = parse(fs.readFileSync(path.join(ROOT, 'test', 'tagging', file), 'utf8'), { columns: true, skip_empty_lines: true });
    it(`holds ${perLanguage} texts per language of ${minWords} to ${maxWords} words, each with one to three valid codes, none sharing a title with the gold set`, () => {
      for (const lang of ['en', 'fr', 'es']) expect(set.filter((r) => r.language === lang).length, lang).toBe(perLanguage);
      for (const r of set) {
        expectOwnRow(r);
        const n = r.description.split(/\s+/).filter(Boolean).length;
        expect(n, r.title).toBeGreaterThanOrEqual(minWords);
        expect(n, r.title).toBeLessThanOrEqual(maxWords);
      }
      for (const code of CODES) expect(set.filter((r) => r.categories.split('|').includes(code)).length, code).toBeGreaterThanOrEqual(minUses);
    });
  });
}

/** One to three valid codes, and a title the gold set does not use. */
function expectOwnRow(r: GoldRow): void {
  const codes = r.categories.split('|');
  expect(codes.length, r.title).toBeGreaterThanOrEqual(1);
  expect(codes.length, r.title).toBeLessThanOrEqual(3);
  for (const c of codes) expect(CODES, `${r.title}: ${c}`).toContain(c);
  expect(new Set(rows.map((x) => x.title)).has(r.title), r.title).toBe(false);
}

// The rough set's halves: 20 texts per language each, split at random from 120 (GOLD.md, "The rough set").
describe('test/tagging/rough-tune.csv and rough-holdout.csv', () => {
  const half = (name: string): GoldRow[] => parse(fs.readFileSync(path.join(ROOT, 'test', 'tagging', name), 'utf8'), { columns: true, skip_empty_lines: true });
  it('hold 20 texts per language each and no title twice', () => {
    const tune = half('rough-tune.csv');
    const holdout = half('rough-holdout.csv');
    for (const lang of ['en', 'fr', 'es']) {
      expect(tune.filter((r) => r.language === lang), lang).toHaveLength(20);
      expect(holdout.filter((r) => r.language === lang), lang).toHaveLength(20);
    }
    expect(new Set([...tune, ...holdout].map((r) => r.title)).size).toBe(120);
  });
});

// The forms and mixed sets' halves (GOLD.md, "The forms set", "The mixed set"): 15 texts per
// language each, split at random from 90; every category in each half, one to three valid codes,
// no title twice or shared with gold.
for (const name of ['forms', 'mixed']) {
  describe(`test/tagging/${name}-tune.csv and ${name}-holdout.csv`, () => {
    const half = (file: string): GoldRow[] => parse(fs.readFileSync(path.join(ROOT, 'test', 'tagging', file), 'utf8'), { columns: true, skip_empty_lines: true });
    it('hold 15 texts per language each, every category, and no title twice', () => {
      const tune = half(`${name}-tune.csv`);
      const holdout = half(`${name}-holdout.csv`);
      for (const set of [tune, holdout]) {
        for (const lang of ['en', 'fr', 'es']) expect(set.filter((r) => r.language === lang), lang).toHaveLength(15);
        const used = new Set(set.flatMap((r) => r.categories.split('|')));
        for (const c of CODES) expect(used.has(c), c).toBe(true);
        for (const r of set) expectOwnRow(r);
      }
      expect(new Set([...tune, ...holdout].map((r) => r.title)).size).toBe(90);
    });
  });
}

// The styles set's self_categories column: the applicant's choice as a form gives it (original
// or revised taxonomy), so that `tag evaluate` measures how far a disagreeing choice misleads.
for (const name of ['styles-tune.csv', 'styles-holdout.csv']) {
  const file = path.join(ROOT, 'test', 'tagging', name);
  const styles: Array<GoldRow & { self_categories: string }> = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true });
  describe(`test/tagging/${name}`, () => {
    it('has 15 texts per language, some with an applicant\'s choice that the labels do not follow', () => {
      for (const lang of ['en', 'fr', 'es']) expect(styles.filter((r) => r.language === lang), lang).toHaveLength(15);
      const chosen = styles.filter((r) => r.self_categories);
      for (const r of chosen) for (const v of r.self_categories.split('|')) expect(revisedCodesFor(v).length, v).toBeGreaterThan(0);
      expect(chosen.filter((r) => !revisedCodesFor(r.self_categories).some((c) => r.categories.split('|').includes(c))).length).toBeGreaterThanOrEqual(8);
    });
  });
}
