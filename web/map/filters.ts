import type { MapActorNode } from '../../src/export/map-types.js';
import { fold } from './text.js';

/**
 * What the member chose in the filter panel. Pure functions only (tested in Node): the page
 * turns the result into sigma's `hidden` flags.
 */
export interface FilterState {
  region: string;
  country: string;
  language: string;
  category: string;
  organizationType: string;
  beneficiary: string;
  role: string;
  /** '' every actor, 'yes' only the Core Group, 'no' everyone else. */
  coreGroup: '' | 'yes' | 'no';
  search: string;
}

export type FilterName = Exclude<keyof FilterState, 'search'>;

/** The filter selects, in the order the panel shows them; `text` is the label's key in the page text. */
export const FILTERS: { name: FilterName; text: string }[] = [
  { name: 'region', text: 'region' },
  { name: 'country', text: 'country' },
  { name: 'language', text: 'language' },
  { name: 'category', text: 'category' },
  { name: 'organizationType', text: 'organizationType' },
  { name: 'beneficiary', text: 'beneficiary' },
  { name: 'role', text: 'role' },
  { name: 'coreGroup', text: 'coreGroup' },
];

export function emptyFilters(): FilterState {
  return { region: '', country: '', language: '', category: '', organizationType: '', beneficiary: '', role: '', coreGroup: '', search: '' };
}

export function isFiltered(f: FilterState): boolean {
  return Object.values(f).some((v) => v !== '');
}

/** The values an actor has for a filter (free-text ones folded, so "Youth" and "youth" are one). */
export function valuesOf(actor: MapActorNode, name: FilterName): string[] {
  switch (name) {
    case 'region': return actor.region ? [actor.region] : [];
    case 'country': return actor.countryCode ? [actor.countryCode] : [];
    case 'language': return actor.language ? [actor.language] : [];
    case 'category': return actor.categories;
    case 'organizationType': return actor.organizationTypes.map(fold);
    case 'beneficiary': return actor.beneficiaries.map(fold);
    case 'role': return actor.roles;
    case 'coreGroup': return [actor.coreGroup ? 'yes' : 'no'];
  }
}

/** Text the search looks in: the name and the contact persons. */
export function searchKey(actor: MapActorNode): string {
  return fold([actor.label, ...actor.contactNames].join('\n'));
}

export function actorMatches(actor: MapActorNode, f: FilterState, key: string = searchKey(actor)): boolean {
  for (const { name } of FILTERS) {
    const wanted = f[name];
    if (wanted !== '' && !valuesOf(actor, name).includes(wanted)) return false;
  }
  const query = fold(f.search);
  return query === '' || key.includes(query);
}

/**
 * The options of each filter: every value present, with how many actors have it and a label
 * (free-text values keep the spelling most actors used).
 */
export function filterOptions(actors: MapActorNode[], name: FilterName): { value: string; count: number; raw: string }[] {
  const counts = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const actor of actors) {
    const raw = name === 'organizationType' ? actor.organizationTypes : name === 'beneficiary' ? actor.beneficiaries : null;
    valuesOf(actor, name).forEach((value, i) => {
      const entry = counts.get(value) ?? { count: 0, spellings: new Map<string, number>() };
      entry.count++;
      const spelling = raw ? raw[i] : value;
      entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
      counts.set(value, entry);
    });
  }
  return [...counts.entries()].map(([value, e]) => ({
    value,
    count: e.count,
    raw: [...e.spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0],
  }));
}
