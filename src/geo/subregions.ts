/**
 * UN M49 sub-regions ("Western Africa", "Caribbean", "South-eastern Asia") as groups of
 * countries, for quotas on a part of an ILO region; and the names of groups that are no M49
 * sub-region ("Sahel", "Middle East"), refused with the ILO region they lie in and the countries
 * meant. Both live in data/subregions.json.
 */
import { loadDataFile } from '../data/load.js';
import { validateSubregions } from '../data/validate/subregions.js';
import type { Region } from '../model.js';
import { nameKeys, regionKeys } from './regions.js';

interface SubregionsFile {
  subregions: Record<string, { m49: string; names: Record<'en' | 'fr' | 'es', string[]>; countries?: string[]; parts?: string[] }>;
  notSubregions: Record<string, { names: string[]; regions: Region[]; countries: string[]; source: string; subregions: string[] }>;
}

/** A group of countries officers name that is no M49 sub-region, with what to write instead. */
export interface NotSubregion {
  name: string;
  regions: Region[];
  countries: string[];
  source: string;
  subregions: string[];
}

let tables: { names: Map<string, string>; countries: Map<string, string[]>; parts: Map<string, string[]>; of: Map<string, string[]>; not: Map<string, NotSubregion> } | undefined;

function subregionTables() {
  if (tables) return tables;
  const data = loadDataFile<SubregionsFile>('subregions.json', validateSubregions);
  const names = new Map<string, string>();
  const countries = new Map<string, string[]>();
  const parts = new Map<string, string[]>();
  for (const [name, sub] of Object.entries(data.subregions)) {
    for (const n of [name, ...sub.names.en, ...sub.names.fr, ...sub.names.es]) for (const key of nameKeys(n)) if (key && !names.has(key)) names.set(key, name);
    if (sub.parts) parts.set(name, sub.parts);
    else countries.set(name, sub.countries ?? []);
  }
  // (a sub-region of parts, Sub-Saharan Africa, holds their countries; each country is in its part first)
  const of = new Map<string, string[]>();
  for (const [name, list] of countries) for (const c of list) of.set(c, [name]);
  for (const [name, list] of parts) {
    const all = list.flatMap((part) => countries.get(part) ?? []);
    countries.set(name, all);
    for (const c of all) of.get(c)!.push(name);
  }
  const not = new Map<string, NotSubregion>();
  for (const [name, group] of Object.entries(data.notSubregions)) {
    const entry = { name, regions: group.regions, countries: group.countries, source: group.source, subregions: group.subregions };
    for (const n of [name, ...group.names]) for (const key of nameKeys(n)) if (key && !not.has(key)) not.set(key, entry);
  }
  tables = { names, countries, parts, of, not };
  return tables;
}

/** The M49 sub-region a text names ("West Africa", "Afrique de l'Ouest", "el Caribe", "South-East Asia region"), or null. */
export function resolveSubregion(text: string): string | null {
  return named(subregionTables().names, text);
}

/** The group a text names that is no M49 sub-region ("Sahel", "Moyen-Orient"), or null. */
export function notSubregion(text: string): NotSubregion | null {
  return named(subregionTables().not, text);
}

/** What a table holds under a name, looked up as regions are (with or without "region" and articles). */
function named<T>(table: Map<string, T>, text: string): T | null {
  for (const key of regionKeys(text)) {
    const found = table.get(key);
    if (found !== undefined) return found;
  }
  return null;
}

/**
 * The M49 sub-regions a country (ISO alpha-2) is in: its own ("Western Africa") and the one that
 * holds it, if any ("Sub-Saharan Africa"); none for Antarctica or an unknown code.
 */
export function subregionsOf(country: string | null): string[] {
  return country ? subregionTables().of.get(country) ?? [] : [];
}

/** The intermediate sub-regions a sub-region is made of (Sub-Saharan Africa: Eastern, Middle…), or none. */
export function subregionParts(name: string): string[] {
  return subregionTables().parts.get(name) ?? [];
}

/** The countries (ISO alpha-2) of an M49 sub-region as data/subregions.json lists them. */
export function subregionCountries(name: string): string[] {
  return subregionTables().countries.get(name) ?? [];
}

/** Every M49 sub-region, in the data file's order. */
export function subregionNames(): string[] {
  return [...subregionTables().countries.keys()];
}
