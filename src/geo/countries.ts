/**
 * Country resolution: free text (English, French or Spanish names, official long
 * forms, ISO alpha-2/alpha-3 codes) -> ISO 3166-1 alpha-2 and its ILO region.
 * The only place that knows countries; import, filters and exports all call it.
 *
 * PROVISIONAL: minimal version so other modules can compile; replaced by the full
 * resolver and data/countries table.
 */
import type { Region } from '../model.js';

export interface CountryMatch {
  /** ISO 3166-1 alpha-2 */
  code: string;
  /** English short name */
  name: string;
  region: Region | null;
}

export function resolveCountry(text: string): CountryMatch | null {
  const t = text.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(t)) return { code: t, name: t, region: null };
  return null;
}

export function regionOfCountry(_code: string): Region | null {
  return null;
}
