/**
 * What a quota's value is when it is not what its line says: a value of another feature
 * ("Nigeria" on a region line), several values in one cell ("Africa, Americas"), a term of the
 * other vocabulary ("Youth" on an organisation type's line). Each gives the line to write, for the
 * refusal or the warning that names the line.
 */
import { isPlaceholder } from '../geo/countries.js';
import { LIST_SEPARATOR } from '../geo/parse.js';
import { canonicalTerm, isKnownTerm, type VocabularyKind } from '../import/vocabulary.js';
import { featureWord, normaliseFree, normaliseValue, quotaFeature, quotaLabel, type Feature } from './quotas.js';

/**
 * A value as a cell of the line to write: quoted where it holds a comma, semicolon or quote, or
 * the line written as shown splits it ("Congo, Democratic Republic of the" read as "Congo").
 */
function asCell(v: string): string {
  return /[",;\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Features whose values the tool knows in full (not free vocabulary): a value of one is no value of another by chance. */
const NAMED_VALUES: Feature[] = ['region', 'country', 'language', 'category'];

/**
 * What a value refused under its feature is under the others ("Nigeria" on a region line is
 * country NG; "West Africa" on a country line the sub-region), as a hint naming the line to write;
 * undefined when it is none of them.
 */
export function valueOfOtherFeature(feature: Feature, written: string): string | undefined {
  // ("NA", "N/A", "none" on a region's line stand for no value: no "country NA (Namibia)" to offer)
  if (isPlaceholder(written)) return undefined;
  const regional = (f: Feature) => f === 'region' || f === 'subregion';
  const found: { feature: Feature; label: string }[] = [];
  for (const named of NAMED_VALUES) {
    if (named === feature || (regional(named) && regional(feature))) continue;
    // (a region's line reads a sub-region's name as the sub-region: "Latin America" is no ILO region there)
    const other = named === 'region' ? quotaFeature('region', written) : named;
    try {
      const value = normaliseValue(other, written);
      if (value !== '*') found.push({ feature: other, label: quotaLabel(other, value) });
    } catch {
      // not a value of that feature either
    }
  }
  if (found.length === 0) return undefined;
  const v = written.trim();
  return `"${v}" is ${found.map((f) => f.label).join(' or ')}, not a ${featureWord(feature)}: write ${found.map((f) => `${featureWord(f.feature)},${asCell(v)},…`).join(' or ')}`;
}

/**
 * The values a cell lists, each part one the tool knows ("Africa, Americas", "KE / NG"), the same
 * value named twice counted once ("Africa / Afrique", as a bilingual template labels it: one
 * value). Undefined when a part is no value of the feature, or the cell is no list.
 */
export function valuesListed(feature: Feature, written: string): { feature: Feature; value: string; label: string }[] | undefined {
  // (a language line has its own: "Anglais et français" names 2 languages)
  if (!['region', 'subregion', 'country', 'category'].includes(feature)) return undefined;
  const parts = written.split(LIST_SEPARATOR).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return undefined;
  const found: { feature: Feature; value: string; label: string }[] = [];
  for (const part of parts) {
    const f = feature === 'region' || feature === 'subregion' ? quotaFeature('region', part) : feature;
    try {
      const value = normaliseValue(f, part);
      if (value === '*') return undefined;
      if (!found.some((x) => x.feature === f && x.value === value)) found.push({ feature: f, value, label: quotaLabel(f, value) });
    } catch {
      return undefined;
    }
  }
  return found;
}

/**
 * A cell naming several values of its feature ("Africa, Americas", "KE / NG", "life-skills y
 * entrepreneurship"), each of which the tool knows: a quota counts one value, and whether the
 * officer meant the bounds for each or for all together cannot be told. Undefined otherwise.
 */
export function severalValues(feature: Feature, written: string, listed = valuesListed(feature, written)): { message: string; hint: string } | undefined {
  if (!listed || listed.length < 2) return undefined;
  return {
    message: `"${written.trim()}" names ${listed.length} values: ${listed.map((x) => x.label).join(', ')}`,
    hint: `a quota counts one value, none several together: write a line for each, with its own bounds${feature === 'country' ? ', or a sub-region that holds them (docs/quotas-file.md)' : ''}`,
  };
}

/**
 * For a quota on a term of the free vocabularies that counts nobody: where the value is no term
 * of its own vocabulary but one of the other's ("Youth" on an organisation type's line), the
 * line to write instead.
 */
export function termOfOtherFeature(feature: Feature, written: string): string | undefined {
  const kinds: Partial<Record<Feature, [own: VocabularyKind, other: VocabularyKind, otherFeature: Feature]>> = {
    organizationType: ['organizationTypes', 'beneficiaries', 'beneficiary'],
    beneficiary: ['beneficiaries', 'organizationTypes', 'organizationType'],
  };
  const pair = kinds[feature];
  if (!pair || isKnownTerm(pair[0], written) || !isKnownTerm(pair[1], written)) return undefined;
  const v = written.trim();
  return `"${v}" is ${quotaLabel(pair[2], normaliseFree(canonicalTerm(pair[1], v)))}, not ${feature === 'beneficiary' ? 'a beneficiary group' : 'an organisation type'}: write ${pair[2]},${asCell(v)},…`;
}
