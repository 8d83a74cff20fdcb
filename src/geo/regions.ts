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
      for (const key of nameKeys(n)) {
        if (key && !map.has(key)) map.set(key, region);
      }
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
    .replace(/^region (?:(?:de|del|des|du|of|for|d) )?/, '')
    .replace(/ region$/, '')
    .replace(/^(?:(?:the|ilo|oit) )+/, '');
}

/**
 * The articles of English, French and Spanish names ("Amérique latine et les Caraïbes", "Asia y
 * el Pacífico", "Europe et l'Asie centrale"): officers put them in or leave them out at will, so
 * a spelling names its region with or without them.
 */
const ARTICLES = new Set(['the', 'le', 'la', 'les', 'l', 'el', 'los', 'las']);

function withoutArticles(key: string): string {
  return key.split(' ').filter((w) => !ARTICLES.has(w)).join(' ');
}

/** The ILO region a text names exactly (any of its spellings, with or without the word "region" or articles), or null. */
export function resolveRegion(text: string): Region | null {
  const names = regionNames();
  for (const key of regionKeys(text)) {
    const region = names.get(key);
    if (region) return region;
  }
  return null;
}

/**
 * The keys a region's or sub-region's name is looked up by, most literal first: as written,
 * without the word "region", without articles ("Afrique de l'Ouest", "la Región del Caribe").
 */
export function regionKeys(text: string): string[] {
  // (an elided article, "l'Asie", is a word of its own: normaliseName would join it to the next)
  const key = normaliseName(text.replace(/\b([lL])['\u2019](?=\p{L})/gu, '$1 '));
  // (an article may stand before the word "region" too: "la Région des Amériques")
  const bare = withoutArticles(key);
  return [key, withoutRegionWords(key), bare, withoutArticles(withoutRegionWords(key)), withoutRegionWords(bare)];
}

/** A name's key without its articles (a table of names is indexed by both). */
export function nameKeys(name: string): string[] {
  const key = normaliseName(name.replace(/\b([lL])['\u2019](?=\p{L})/gu, '$1 '));
  return [key, withoutArticles(key)];
}
