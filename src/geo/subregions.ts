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
  subregions: Record<string, { m49: string; names: Record<'en' | 'fr' | 'es', string[]>; countries: string[] }>;
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

let tables: { names: Map<string, string>; countries: Map<string, string[]>; of: Map<string, string>; not: Map<string, NotSubregion> } | undefined;

function subregionTables() {
  if (tables) return tables;
  const data = loadDataFile<SubregionsFile>('subregions.json', validateSubregions);
  const names = new Map<string, string>();
  const countries = new Map<string, string[]>();
  const of = new Map<string, string>();
  for (const [name, sub] of Object.entries(data.subregions)) {
    for (const n of [name, ...sub.names.en, ...sub.names.fr, ...sub.names.es]) for (const key of nameKeys(n)) if (key && !names.has(key)) names.set(key, name);
    countries.set(name, sub.countries);
    for (const c of sub.countries) of.set(c, name);
  }
  const not = new Map<string, NotSubregion>();
  for (const [name, group] of Object.entries(data.notSubregions)) {
    const entry = { name, regions: group.regions, countries: group.countries, source: group.source, subregions: group.subregions };
    for (const n of [name, ...group.names]) for (const key of nameKeys(n)) if (key && !not.has(key)) not.set(key, entry);
  }
  tables = { names, countries, of, not };
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

/** The M49 sub-region of a country (ISO alpha-2), or null (Antarctica, or an unknown code). */
export function subregionOf(country: string | null): string | null {
  return country ? subregionTables().of.get(country) ?? null : null;
}

/** The countries (ISO alpha-2) of an M49 sub-region as data/subregions.json lists them. */
export function subregionCountries(name: string): string[] {
  return subregionTables().countries.get(name) ?? [];
}

/** Every M49 sub-region, in the data file's order. */
export function subregionNames(): string[] {
  return [...subregionTables().countries.keys()];
}
