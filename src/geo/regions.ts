/**
 * The five ILO regions as officers write them: the stored English name, French and Spanish
 * names, short forms ("Asia-Pacific"). The spellings live in data/region-names.json.
 */
import { loadDataFile } from '../data/load.js';
import { validateRegionNames } from '../data/validate/region-names.js';
import { REGIONS, type Region } from '../model.js';
import { normaliseName } from './normalise.js';

let names: Map<string, Region> | undefined;

function regionNames(): Map<string, Region> {
  if (names) return names;
  const data = loadDataFile<{ names: Record<string, string[]> }>('region-names.json', validateRegionNames);
  const map = new Map<string, Region>();
  for (const region of REGIONS) {
    for (const n of [region, ...(data.names[region] ?? [])]) {
      const key = normaliseName(n);
      if (key && !map.has(key)) map.set(key, region);
    }
  }
  names = map;
  return map;
}

/**
 * "Arab States region", "ILO Africa region", "Région Afrique", "región de las Américas":
 * the words officers put around a region's name (already normalised text).
 */
function withoutRegionWords(key: string): string {
  return key
    .replace(/^(?:(?:the|ilo|oit) )+/, '')
    .replace(/^region (?:(?:de|del|of|for|d) )?/, '')
    .replace(/ region$/, '')
    .replace(/^(?:(?:the|ilo|oit) )+/, '');
}

/** The ILO region a text names exactly (any of its spellings, with or without the word "region"), or null. */
export function resolveRegion(text: string): Region | null {
  const key = normaliseName(text);
  return regionNames().get(key) ?? regionNames().get(withoutRegionWords(key)) ?? null;
}
