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
  const found = map.get(normaliseName(t)) ?? singularOf(t).map((s) => map.get(normaliseName(s))).find(Boolean);
  if (found) return found;
  const bare = t.replace(/\s*[([][^)\]]*[)\]]\s*/g, ' ').trim();
  const inBrackets = bare && bare !== t ? map.get(normaliseName(bare)) : undefined;
  if (inBrackets || kind !== 'organizationTypes') return inBrackets;
  const kindOf = placeOfKind(bare || t);
  return kindOf ? map.get(normaliseName(kindOf)) : undefined;
}

/**
 * The singulars a plural may stand for, its last word's ("Trade unions", "Universities",
 * "Syndicats", "Universidades"): tried only where the plural itself is no term, so a term that
 * ends in s ("Refugees", "Small and medium enterprises") is found as written first.
 */
function singularOf(value: string): string[] {
  const m = /^(.*?)(\p{L}+)(['’]?)$/u.exec(value.trim());
  if (!m) return [];
  const [, head, word] = m as unknown as [string, string, string];
  const out: string[] = [];
  if (/ies$/i.test(word)) out.push(word.slice(0, -3) + 'y');
  if (/[^aeiou]es$/i.test(word)) out.push(word.slice(0, -2));
  if (/[^s]s$/i.test(word)) out.push(word.slice(0, -1));
  return out.map((w) => head + w);
}

/**
 * "Centre de FTP", "Centro de EFTP", "TVET school", "NGO office": a generic word for a place or a
 * body around a known type is that type. Only the generic word goes: "Institute of Technology"
 * leaves "Technology", which names no type, so the value is kept as written.
 */
const PLACE_BEFORE = /^(?:centre|center|centro|institution|institución|institucion|établissement|etablissement|institut|instituto|institute|école|ecole|escuela|organisme|organismo|entidad|structure|estructura)s?\s+(?:de\s+la\s+|de\s+l['’]\s*|del\s+|de\s+|d['’]\s*|du\s+|des\s+|of\s+(?:the\s+)?|for\s+)(.+)$/iu;
const PLACE_AFTER = /^(.+?)\s+(?:centre|center|institution|institute|school|college|provider|office|body)s?$/iu;

function placeOfKind(value: string): string | undefined {
  return PLACE_BEFORE.exec(value)?.[1] ?? PLACE_AFTER.exec(value)?.[1];
}

/** Whether a value is one of the vocabulary's terms (in any of its spellings). */
export function isKnownTerm(kind: VocabularyKind, value: string): boolean {
  const t = value.trim();
  return t !== '' && lookupTerm(kind, t) !== undefined;
}
