/**
 * One shared English vocabulary for organisation types and beneficiary groups: "ONG",
 * "Organización no gubernamental" and "NGO" are one type, "Jeunes", "Jóvenes" and "Youth" one
 * group, so stats, selection quotas and Kumu filters do not split a group by the language of the
 * form. The synonyms live in data/vocabulary.json; a value that matches none is kept as written.
 */
import { loadDataFile } from '../data/load.js';
import { validateVocabulary } from '../data/validate/vocabulary.js';
import { normaliseName } from '../geo/normalise.js';

interface VocabularyData {
  organizationTypes: Record<string, string[]>;
  beneficiaries: Record<string, string[]>;
}

export type VocabularyKind = keyof VocabularyData;

let lookup: Record<VocabularyKind, Map<string, string>> | undefined;

function getLookup(): Record<VocabularyKind, Map<string, string>> {
  if (lookup) return lookup;
  const data = loadDataFile<VocabularyData>('vocabulary.json', validateVocabulary);
  const build = (groups: Record<string, string[]>) => {
    const map = new Map<string, string>();
    for (const [canonical, synonyms] of Object.entries(groups)) {
      for (const s of [canonical, ...synonyms]) {
        const key = normaliseName(s);
        if (key && !map.has(key)) map.set(key, canonical);
      }
    }
    return map;
  };
  lookup = { organizationTypes: build(data.organizationTypes), beneficiaries: build(data.beneficiaries) };
  return lookup;
}

/**
 * The shared English name of an organisation type or beneficiary group, or the value as written
 * (trimmed). A note in brackets does not hide the term: "Youth (15-24)", "ONG (association)".
 */
export function canonicalTerm(kind: VocabularyKind, value: string): string {
  const t = value.trim();
  return (t && lookupTerm(kind, t)) || t;
}

function lookupTerm(kind: VocabularyKind, t: string): string | undefined {
  const map = getLookup()[kind];
  const found = map.get(normaliseName(t));
  if (found) return found;
  const bare = t.replace(/\s*[([][^)\]]*[)\]]\s*/g, ' ').trim();
  return bare && bare !== t ? map.get(normaliseName(bare)) : undefined;
}

/** Whether a value is one of the vocabulary's terms (in any of its spellings). */
export function isKnownTerm(kind: VocabularyKind, value: string): boolean {
  const t = value.trim();
  return t !== '' && lookupTerm(kind, t) !== undefined;
}
