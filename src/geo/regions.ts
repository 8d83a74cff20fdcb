/**
 * The five ILO regions as officers write them: the stored English name, French and Spanish
 * names, short forms ("Asia-Pacific"). The spellings live in data/region-names.json.
 */
import fs from 'node:fs';
import { dataPath } from '../paths.js';
import { REGIONS, type Region } from '../model.js';
import { normaliseName } from './normalise.js';

let names: Map<string, Region> | undefined;

function regionNames(): Map<string, Region> {
  if (names) return names;
  const data = JSON.parse(fs.readFileSync(dataPath('region-names.json'), 'utf8')) as { names: Record<string, string[]> };
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

/** The ILO region a text names exactly (any of its spellings), or null. */
export function resolveRegion(text: string): Region | null {
  return regionNames().get(normaliseName(text)) ?? null;
}
