import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listCountries } from '../../../src/geo/countries.js';
import { resolveRegion } from '../../../src/geo/regions.js';
import { notSubregion, resolveSubregion, subregionCountries, subregionNames, subregionParts, subregionsOf } from '../../../src/geo/subregions.js';
import { dataPath } from '../../../src/paths.js';

const data = JSON.parse(fs.readFileSync(dataPath('subregions.json'), 'utf8')) as {
  subregions: Record<string, { names: Record<string, string[]>; countries?: string[]; parts?: string[] }>;
  notSubregions: Record<string, { names: string[]; countries: string[]; subregions: string[] }>;
};

describe('data/subregions.json (UN M49)', () => {
  it('puts every country of data/countries.csv in exactly one sub-region of countries, Antarctica in none', () => {
    const seen = new Map<string, string[]>();
    for (const [name, sub] of Object.entries(data.subregions)) for (const c of sub.countries ?? []) seen.set(c, [...(seen.get(c) ?? []), name]);
    const codes = listCountries().map((r) => r.alpha2);
    expect(codes.filter((c) => (seen.get(c) ?? []).length !== 1)).toEqual(['AQ']);
    expect([...seen.keys()].filter((c) => !codes.includes(c))).toEqual([]);
    for (const c of codes) expect(subregionsOf(c)[0], c).toBe(seen.get(c)?.[0]);
  });

  it('makes a sub-region of parts (Sub-Saharan Africa) their countries, each country in its part first', () => {
    const parents = Object.entries(data.subregions).filter(([, sub]) => sub.parts);
    expect(parents.map(([name]) => name).sort()).toEqual(['Latin America and the Caribbean', 'Oceania', 'Sub-Saharan Africa']);
    for (const [name, sub] of parents) {
      for (const part of sub.parts!) expect(data.subregions[part]?.countries, `${name}: ${part}`).toBeDefined();
      expect(subregionParts(name)).toEqual(sub.parts);
      expect(subregionCountries(name).sort()).toEqual(sub.parts!.flatMap((p) => data.subregions[p]!.countries!).sort());
    }
    expect(['NG', 'MA', 'SD', 'MX', 'US', 'FJ'].map(subregionsOf)).toEqual([
      ['Western Africa', 'Sub-Saharan Africa'], ['Northern Africa'], ['Northern Africa'], ['Central America', 'Latin America and the Caribbean'], ['Northern America'], ['Melanesia', 'Oceania'],
    ]);
  });

  it('follows M49 on the cases people get wrong', () => {
    // Mexico is Central America in M49; Sudan is Northern Africa; Türkiye and Israel are Western Asia
    expect(['MX', 'SD', 'TR', 'IL', 'CY', 'EG', 'IR', 'MR', 'GL'].map((c) => subregionsOf(c)[0])).toEqual([
      'Central America', 'Northern Africa', 'Western Asia', 'Western Asia', 'Western Asia', 'Northern Africa', 'Southern Asia', 'Western Africa', 'Northern America',
    ]);
  });

  it('names each sub-region in English, French and Spanish, each name standing for one sub-region only', () => {
    for (const [name, sub] of Object.entries(data.subregions)) {
      for (const written of [name, ...sub.names.en, ...sub.names.fr, ...sub.names.es]) expect(resolveSubregion(written), written).toBe(name);
      // (a --region filter reads a short form of region-names.json as that region, "Latin America" as
      // Americas; only the sub-regions of parts are spelt so, and a quota line reads them as sub-regions)
      if (!sub.parts) for (const written of [name, ...sub.names.en, ...sub.names.fr, ...sub.names.es]) expect(resolveRegion(written), written).toBeNull();
    }
  });

  it('reads names as officers write them: articles, case, "region", hyphens', () => {
    expect(['west africa', "l'Afrique de l'Ouest", 'AFRIQUE DE L’OUEST', 'región del Caribe', 'the Caribbean', 'South East Asia', 'Asie du Sud-Est', 'Amérique centrale'].map(resolveSubregion)).toEqual([
      'Western Africa', 'Western Africa', 'Western Africa', 'Caribbean', 'Caribbean', 'South-eastern Asia', 'South-eastern Asia', 'Central America',
    ]);
    expect(['Africa', 'South Africa', 'Asia', 'Sahel'].map(resolveSubregion)).toEqual([null, null, null, null]);
  });

  it('lists groups that are no sub-region with countries of the table and sub-regions that exist', () => {
    const codes = new Set(listCountries().map((r) => r.alpha2));
    for (const [name, group] of Object.entries(data.notSubregions)) {
      for (const c of group.countries) expect(codes.has(c), `${name}: ${c}`).toBe(true);
      for (const s of group.subregions) expect(subregionNames(), name).toContain(s);
      // (every sub-region its countries lie in is named: "a sub-region that holds them")
      for (const c of group.countries) expect(group.subregions.some((s) => subregionsOf(c).includes(s)), `${name}: ${c}`).toBe(true);
      for (const written of [name, ...group.names]) {
        expect(notSubregion(written)?.name, written).toBe(name);
        expect(resolveSubregion(written), written).toBeNull();
      }
    }
  });
});
