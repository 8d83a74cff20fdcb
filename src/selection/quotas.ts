import { NETWORK_LANGUAGES, REGIONS } from '../model.js';
import { OperationError, UsageError } from '../errors.js';
import { categoryCodes, categoryName, parseCategoryCode } from '../tagging/taxonomy.js';
import { countriesAlsoNamed, countryName, isPlaceholder, listCountries } from '../geo/countries.js';
import { resolveRegion } from '../geo/regions.js';
import { languageName } from '../geo/languages.js';
import { normaliseName } from '../text.js';
import { parseCountry, parseLanguage, parseRegion } from '../geo/parse.js';
import { notSubregion, resolveSubregion, subregionCountries, subregionNames, subregionParts, subregionsOf } from '../geo/subregions.js';
import { canonicalTerm, type VocabularyKind } from '../import/vocabulary.js';
import type { Candidate } from './candidates.js';
import { featureNamed } from './quota-names.js';

/** The features a quota can count, as named in the quotas file (CONTRACT.md). */
export const FEATURES = ['region', 'subregion', 'country', 'category', 'language', 'workingLanguage', 'organizationType', 'beneficiary', 'organization'] as const;
export type Feature = (typeof FEATURES)[number];

/** Features where an application has at most one value (their minimums must fit in the size). */
export const SINGLE_VALUED: ReadonlySet<Feature> = new Set(['region', 'country', 'language', 'workingLanguage', 'organizationType', 'organization']);

/** A feature as messages name it: "organisation type", "working language". */
export function featureWord(feature: Feature): string {
  return feature === 'organizationType' ? 'organisation type' : feature === 'workingLanguage' ? 'working language' : feature === 'subregion' ? 'sub-region' : feature;
}

/**
 * A quota as the user wrote it. `value` '*' means "every value": every ILO region,
 * every category of the revised taxonomy, every country/language/type/beneficiary
 * present among the eligible applications.
 */
export interface QuotaRule {
  feature: Feature;
  value: string;
  min: number;
  max: number | null;
  /** Where it came from, for messages: "--min-per-region 3", "quotas.csv line 4". */
  source: string;
  /** The value as the user wrote it, for messages ("Jeunes" for the value "youth"). */
  written?: string;
  /**
   * A '*' rule's values whose own line in the same file loosens its min or its max ("at most 2
   * per country" over "Nigeria at most 3"): there that bound of the '*' rule gives way.
   */
  except?: { min?: string[]; max?: string[] };
}

/** One count constraint of the model: min <= members having feature=value <= max. */
export interface Quota {
  feature: Feature;
  value: string;
  min: number;
  max: number | null;
  sources: string[];
  /** An organisation's name, for a quota on one organisation record (value "org-12"). */
  name?: string;
}

/** Per candidate: the organisation it counts for in a quota, and its name as a quotas file names it (made once). */
const organizationKeys = new WeakMap<Candidate, { key: string; name: string }>();

/** The values an application has for a feature (normalised as the quotas are). */
export function featureValues(c: Candidate, feature: Feature): string[] {
  switch (feature) {
    case 'region': return c.region ? [c.region] : [];
    // (its own sub-region and the one holding it: Western Africa, Sub-Saharan Africa)
    case 'subregion': return subregionsOf(c.country);
    case 'country': return c.country ? [c.country] : [];
    case 'language': return c.language ? [c.language] : [];
    // (the applicant's preferred working language, not the language the application is written in)
    case 'workingLanguage': return c.workingLanguage ? [c.workingLanguage] : [];
    case 'category': return c.categories;
    case 'organizationType': return c.organizationType ? [sharedTerm('organizationTypes', c.organizationType)] : [];
    case 'beneficiary': return [...new Set(c.beneficiaries.map((b) => sharedTerm('beneficiaries', b)))];
    case 'organization': return [organizationKey(c)];
  }
}

/**
 * The organisation an application counts for in a per-organisation quota: the organisation
 * record it is linked to ("org-12": the network's identity, after merges, so that two
 * organisations of one name in two countries are two, and two spellings merged are one), else
 * its name (any case or spacing).
 */
export function organizationKey(c: Candidate): string {
  return organizationKeysOf(c).key;
}

/** The organisation record's key (`organizationKey`) and the name a quotas file may give it, made once per candidate. */
export function organizationKeysOf(c: Candidate): { key: string; name: string } {
  // asked for every (candidate, organisation cap) pair: made once per candidate
  let keys = organizationKeys.get(c);
  if (keys === undefined) {
    const name = normaliseFree(c.organization);
    keys = { key: c.organizationId !== undefined && c.organizationId !== null ? `org-${c.organizationId}` : name, name };
    organizationKeys.set(c, keys);
  }
  return keys;
}

const ORGANIZATION_ID = /^org-\d+$/;
/** Whether a quota's value is an organisation's ID ("org-12") rather than a name. */
const isIdQuota = (value: string) => value.startsWith('org-') && ORGANIZATION_ID.test(value);

/** Free-text values (organisation types, beneficiaries) compare case- and space-insensitively. */
export function normaliseFree(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, ' ');
}

const sharedTerms = new Map<string, string>();

/**
 * An organisation type or beneficiary group in the shared vocabulary that imports store
 * ("ONG" and "Organización no gubernamental" are NGO, "Jeunes" is Youth), compared as free text:
 * a quotas file written in French counts the applications of an English form.
 */
function sharedTerm(kind: VocabularyKind, value: string): string {
  const key = `${kind}\u0000${value}`;
  let term = sharedTerms.get(key);
  if (term === undefined) {
    term = normaliseFree(canonicalTerm(kind, value));
    if (sharedTerms.size < 100_000) sharedTerms.set(key, term);
  }
  return term;
}

/**
 * Words officers write for "every value" instead of `*`: "all", "(all)", "each", "tous",
 * "chaque", "todas", "cada"… Each value of the feature gets the line's min and max.
 */
const EVERY_WORDS = 'all|each|every|tous|toutes|toute|chaque|todos|todas|cada';
/**
 * "any" (n'importe quel, cualquier): at most 8 from any region is at most 8 from each, but "at
 * least 2 from any region" may as well mean 2 in all regions together; so it stands for every
 * value on a line with a max only (quotaRulesFromRecords refuses it with a min).
 */
// (longer words first: "any one region" is not "any" followed by the feature "one region")
const ANY_WORDS = "any one|any|n'importe quelle|n'importe quel|quelconque|cualquiera|cualquier";
const EVERY_VALUE = new RegExp(`^\\(?(?:${EVERY_WORDS}|${ANY_WORDS})\\)?$`, 'i');
/** The same word with what it counts: "all countries", "tous les pays", "todas las regiones", "per region", "par pays", "por país". */
const EVERY_NAMED = new RegExp(`^\\(?(?:${EVERY_WORDS}|${ANY_WORDS}|per|par|por)\\s+(?:(?:the|les|los|las|la|le|el)\\s+)?(.+?)\\)?$`, 'i');
const ANY_VALUE = new RegExp(`^\\(?(?:${ANY_WORDS})(?:\\s.*)?\\)?$`, 'i');

function namesEveryValue(feature: Feature, value: string): boolean {
  const named = EVERY_NAMED.exec(value.replace(/[\u2019]/g, "'"))?.[1];
  // a Spanish plural in -es ("regiones", "países") is the singular's name with two letters more
  return named !== undefined && (featureNamed(named) === feature || featureNamed(named.replace(/es$/i, '')) === feature);
}

/** Whether a value written for "every value" says "any" ("any", "any region", "cualquier país"). */
export function saysAny(feature: Feature, value: string): boolean {
  const v = value.trim().replace(/[\u2019]/g, "'");
  return ANY_VALUE.test(v) && (EVERY_VALUE.test(v) || namesEveryValue(feature, v));
}

/** Validates and normalises a quota value as written in a flag or the quotas file. */
export function normaliseValue(feature: Feature, value: string): string {
  const v = value.trim().replace(/[\u2019]/g, "'");
  if (v === '*' || EVERY_VALUE.test(v) || namesEveryValue(feature, v)) return '*';
  switch (feature) {
    case 'region': return regionValue(v);
    case 'subregion': return subregionValue(v);
    case 'country': return parseCountry(v);
    case 'category': return parseCategoryCode(v, 'category');
    case 'language':
    case 'workingLanguage': return parseLanguage(v);
    case 'organizationType': return sharedTerm('organizationTypes', v);
    case 'beneficiary': return sharedTerm('beneficiaries', v);
    default: return normaliseFree(v);
  }
}

/**
 * The feature a line counts: a region's line that names a UN M49 sub-region ("West Africa",
 * "Caribe") counts that sub-region's countries; the five ILO regions' own names come first.
 */
export function quotaFeature(feature: Feature, value: string): Feature {
  // (the five ILO regions' own names come first; then the sub-regions, before the short forms of
  // region-names.json: "Sub-Saharan Africa" leaves out North Africa, "Latin America" Canada and the US)
  return feature === 'region' && !isRegionName(value) && resolveSubregion(value) !== null ? 'subregion' : feature;
}

/** One of the five ILO regions by its stored English name (case and spacing aside). */
function isRegionName(value: string): boolean {
  const key = normaliseName(value);
  return REGIONS.some((r) => normaliseName(r) === key);
}

/** An ILO region; a group of countries that is not one is refused with the region it lies in. */
function regionValue(v: string): string {
  // (a group's name comes before a part of a region's name: "Pacific" is the islands, not all of
  // Asia and the Pacific, as "Central Asia" is not all of Europe and Central Asia)
  const group = resolveRegion(v) ? null : notSubregion(v);
  if (group) {
    const [main, ...more] = group.regions;
    throw new UsageError(`"${v}" is not a UN M49 sub-region: its countries lie in region ${main}${more.length ? ` (and ${more.join(', ')})` : ''}`, {
      hint: `write a line per country (${group.countries.join(', ')}: ${group.source}), or a sub-region that holds them (${group.subregions.join(', ')}), or region ${main}`,
    });
  }
  try {
    return parseRegion(v);
  } catch (e) {
    throw new UsageError((e as Error).message, { hint: `${(e as UsageError).hint ?? ''}; or a UN M49 sub-region (West Africa, Caribbean, South-East Asia…: docs/quotas-file.md)` });
  }
}

/** A UN M49 sub-region by any of its names (data/subregions.json). */
function subregionValue(v: string): string {
  const sub = resolveSubregion(v);
  if (sub) return sub;
  throw new UsageError(`unknown sub-region "${v}"`, { hint: `use one of the UN M49 sub-regions: ${subregionNames().join(', ')} (data/subregions.json)` });
}

/**
 * How the quotas file's values were read, where the file wrote them otherwise than the tool
 * names them ('q.csv line 3: "Afrique" read as region Africa'), and a warning where a country's
 * name is part of another's ("Congo": the Republic, not the Democratic Republic). The officer
 * sees a misreading before trusting the roster.
 */
export function quotaReadings(rules: readonly QuotaRule[]): string[] {
  return quotaReadingsMarked(rules).map((r) => r.text);
}

/**
 * The readings of quotaReadings, each marked `caution` where it may not be what the officer
 * meant (a sub-region's countries, a country another's name also holds): shown however many
 * plain translations ("Afrique" read as region Africa) there are.
 */
export function quotaReadingsMarked(rules: readonly QuotaRule[]): { text: string; caution: boolean }[] {
  const lines: { text: string; caution: boolean }[] = [];
  for (const rule of rules) {
    const written = rule.written?.trim();
    if (!written || written === '*') continue;
    if (rule.value === '*') {
      lines.push({ text: `${rule.source}: "${written}" read as * (every ${featureWord(rule.feature)})`, caution: false });
      continue;
    }
    const same = (name: string) => normaliseName(name) === normaliseName(written);
    if (rule.feature === 'subregion') {
      // (a group of countries: which ones, so that "Central America" with Mexico is seen)
      const parts = subregionParts(rule.value);
      lines.push({ text: `${rule.source}: "${written}" read as ${quotaLabel(rule.feature, rule.value)} (UN M49: ${(parts.length ? parts : subregionCountries(rule.value)).join(', ')})${notTheRegion(written, rule.value)}`, caution: true });
      continue;
    }
    if (rule.feature === 'country') {
      // (a country's "NA" is as much a spreadsheet's "not available" as a language's: said alike)
      if (isPlaceholder(written)) {
        lines.push({ text: `${rule.source}: "${written}" read as ${quotaLabel(rule.feature, rule.value)}, its ISO 3166-1 code, not as "not available" (no quota counts applications without a country)`, caution: true });
        continue;
      }
      if (same(rule.value)) continue;
      const others = countriesAlsoNamed(written, rule.value);
      if (same(countryName(rule.value)) && !others.length) continue;
      const not = others.map((o) => `${o.code} (${o.name})`);
      const instead = not.length ? `, not ${not.length > 1 ? `${not.slice(0, -1).join(', ')} or ${not.at(-1)}` : not[0]}: write ${not.length > 1 ? 'the ISO code of the one you meant' : `${others[0]!.code} if you meant it`}` : '';
      lines.push({ text: `${rule.source}: "${written}" read as ${quotaLabel(rule.feature, rule.value)}${instead}`, caution: instead !== '' });
      continue;
    }
    // ("NA" is Nauruan's ISO code as list --json writes it, and a spreadsheet's "not available":
    // read as the code, as a country's "NA" is Namibia, and said, as a placeholder never counts anyone)
    if ((rule.feature === 'language' || rule.feature === 'workingLanguage') && isPlaceholder(written)) {
      lines.push({ text: `${rule.source}: "${written}" read as ${quotaLabel(rule.feature, rule.value)}, its ISO 639-1 code, not as "not available" (no quota counts applications without a language)`, caution: true });
      continue;
    }
    if (same(rule.value)) continue;
    if ((rule.feature === 'language' || rule.feature === 'workingLanguage') && (same(languageName(rule.value, 'en')) || same(languageName(rule.value, 'fr')) || same(languageName(rule.value, 'es')))) continue;
    if (rule.feature === 'category' && ['en', 'fr', 'es'].some((l) => same(categoryName(rule.value, l as 'en' | 'fr' | 'es')))) continue;
    lines.push({ text: `${rule.source}: "${written}" read as ${quotaLabel(rule.feature, rule.value)}`, caution: false });
  }
  return lines;
}

/**
 * A sub-region's name that is also a spelling of an ILO region ("Latin America and the Caribbean",
 * the name of the ILO's regional office for the Americas; "Sub-Saharan Africa", "Europe"), as
 * `--region` reads it: which of that region's countries the quota leaves out, and how to write the region.
 */
function notTheRegion(written: string, subregion: string): string {
  // (or a part of its name, as --region reads it: "Europe", "Central Asia")
  let region: string;
  try {
    region = parseRegion(written);
  } catch {
    return '';
  }
  const inside = new Set(subregionCountries(subregion));
  const out = listCountries().filter((c) => c.region === region && !inside.has(c.alpha2)).map((c) => c.alpha2);
  if (!out.length) return '';
  // (the few left out by name, "CA, US"; many, as for Central Asia within Europe and Central Asia, by number)
  return `; not the ILO region ${region}: ${out.length > 12 ? `${out.length} of its other countries` : out.join(', ')} not counted (write "${region}" for the whole region)`;
}

/**
 * A quota's value as officers read it: an organisation type or beneficiary group as the shared
 * vocabulary stores it and `list --json` shows it ("NGO", "Women"), not the lowercase key the
 * counting compares ("ngo"); every other value as it is.
 */
export function quotaValueShown(feature: Feature, value: string): string {
  if (value === '*' || (feature !== 'organizationType' && feature !== 'beneficiary')) return value;
  return canonicalTerm(feature === 'organizationType' ? 'organizationTypes' : 'beneficiaries', value);
}

/**
 * "region Arab States", "country MX (Mexico)", "language fr", "category life-skills",
 * 'organisation "Skills Trust" (org-9)' (`name`: an organisation's, as the quota has it).
 */
export function quotaLabel(feature: Feature, value: string, name?: string): string {
  if (feature === 'country') {
    const name = countryName(value);
    return `country ${value}${name && name !== value ? ` (${name})` : ''}`;
  }
  // (the network's own three languages go by their codes; another's code is named: "language na (Nauruan)")
  if ((feature === 'language' || feature === 'workingLanguage') && value !== '*' && !(NETWORK_LANGUAGES as readonly string[]).includes(value)) {
    const name = languageName(value, 'en');
    return `${featureWord(feature)} ${value}${name && normaliseName(name) !== normaliseName(value) ? ` (${name})` : ''}`;
  }
  if (feature === 'organizationType') return `organisation type "${quotaValueShown(feature, value)}"`;
  if (feature === 'beneficiary') return `beneficiary "${quotaValueShown(feature, value)}"`;
  if (feature === 'organization') {
    return name === undefined ? `organisation "${value}"` : `organisation "${name}" (${value})`;
  }
  return `${featureWord(feature)} ${value}`;
}

/** "at least 3", "at most 2", "between 3 and 8". */
export function boundsText(min: number, max: number | null): string {
  if (max === null) return `at least ${min}`;
  if (min === 0) return `at most ${max}`;
  if (min === max) return `exactly ${min}`;
  return `between ${min} and ${max}`;
}

export function describeQuota(q: Quota): string {
  return `${quotaLabel(q.feature, q.value, q.name)} ${boundsText(q.min, q.max)}`;
}

function parseCount(text: string, what: string): number {
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${what} needs a whole number of at least 0, got "${text}"`, { hint: 'a count of seats, e.g. 3' });
  return n;
}

export interface QuotaFlags {
  minPerRegion?: string;
  maxPerRegion?: string;
  maxPerCountry?: string;
  minPerCategory?: string;
  minPerLanguage?: string;
  maxPerOrganization?: string;
}

/** Quota rules from the select flags. */
export function quotaRulesFromFlags(flags: QuotaFlags): QuotaRule[] {
  const rules: QuotaRule[] = [];
  if (flags.minPerRegion !== undefined) {
    rules.push({ feature: 'region', value: '*', min: parseCount(flags.minPerRegion, '--min-per-region'), max: null, source: `--min-per-region ${flags.minPerRegion}` });
  }
  if (flags.maxPerRegion !== undefined) {
    rules.push({ feature: 'region', value: '*', min: 0, max: parseCount(flags.maxPerRegion, '--max-per-region'), source: `--max-per-region ${flags.maxPerRegion}` });
  }
  if (flags.maxPerCountry !== undefined) {
    rules.push({ feature: 'country', value: '*', min: 0, max: parseCount(flags.maxPerCountry, '--max-per-country'), source: `--max-per-country ${flags.maxPerCountry}` });
  }
  if (flags.maxPerOrganization !== undefined) {
    const max = parseCount(flags.maxPerOrganization, '--max-per-organization');
    // (0 would leave out every organisation that sent two applications, and keep those that sent one)
    if (max < 1) throw new UsageError(`--max-per-organization needs a whole number of at least 1, got "${flags.maxPerOrganization}"`, { hint: 'for example --max-per-organization 1 (the default): one seat per organisation' });
    rules.push({ feature: 'organization', value: '*', min: 0, max, source: `--max-per-organization ${flags.maxPerOrganization}` });
  }
  if (flags.minPerCategory !== undefined) {
    rules.push({ feature: 'category', value: '*', min: parseCount(flags.minPerCategory, '--min-per-category'), max: null, source: `--min-per-category ${flags.minPerCategory}` });
  }
  if (flags.minPerLanguage !== undefined) {
    for (const part of flags.minPerLanguage.split(',').map((p) => p.trim()).filter(Boolean)) {
      const m = /^([^=:]+)[=:](.+)$/.exec(part);
      if (!m) throw new UsageError(`--min-per-language expects CODE=K pairs separated by commas, got "${part}"`, { hint: 'for example --min-per-language en=1,fr=1,es=1' });
      let value: string;
      try {
        value = parseLanguage(m[1]);
      } catch (e) {
        throw new UsageError(`--min-per-language: ${(e as Error).message}`, { hint: (e as UsageError).hint });
      }
      rules.push({ feature: 'language', value, min: parseCount(m[2], `--min-per-language ${m[1]}`), max: null, source: `--min-per-language ${flags.minPerLanguage.replace(/\s+/g, '')}` });
    }
  }
  return rules;
}


/**
 * A quota named as "feature=value" (roster replace --relax "region=Asia and the Pacific"),
 * spelled as in a quotas file: "language=French" is language fr, "country=Mexique" country MX.
 */
export function parseQuotaRef(text: string, flag: string): { feature: Feature; value: string } {
  const eq = text.indexOf('=');
  const featureText = eq < 0 ? '' : text.slice(0, eq).trim();
  const named = featureNamed(featureText);
  const feature = named && quotaFeature(named, text.slice(eq + 1));
  if (!feature || !text.slice(eq + 1).trim()) {
    throw new UsageError(`${flag} needs FEATURE=VALUE, got "${text}"`, { hint: `for example ${flag} "region=Asia and the Pacific"; features: ${FEATURES.join(', ')}` });
  }
  try {
    return { feature, value: normaliseValue(feature, text.slice(eq + 1)) };
  } catch (e) {
    throw new UsageError(`${flag}: ${(e as Error).message}`, { hint: (e as UsageError).hint });
  }
}

/**
 * Rules naming an organisation type or beneficiary group that no eligible application has,
 * with the values that are in use (most common first). These vocabularies are free text, so
 * such a rule is usually a misspelling — and a maximum on it would cap nothing.
 */
export function unmatchedRules(rules: QuotaRule[], candidates: Candidate[]): { rule: QuotaRule; inUse: string[] }[] {
  const out: { rule: QuotaRule; inUse: string[] }[] = [];
  for (const feature of ['organizationType', 'beneficiary'] as const) {
    const named = rules.filter((r) => r.feature === feature && r.value !== '*');
    if (named.length === 0) continue;
    const inUse = new Map<string, { label: string; n: number }>();
    for (const c of candidates) {
      const raw = feature === 'organizationType' ? (c.organizationType ? [c.organizationType] : []) : c.beneficiaries;
      for (const label of raw) {
        const key = normaliseValue(feature, label);
        const seen = inUse.get(key);
        if (seen) seen.n++;
        else inUse.set(key, { label, n: 1 });
      }
    }
    const common = [...inUse.values()].sort((a, b) => b.n - a.n || a.label.localeCompare(b.label)).map((v) => v.label);
    for (const rule of named) if (!inUse.has(rule.value)) out.push({ rule, inUse: nearestFirst(common, rule.written ?? rule.value) });
  }
  // an organisation by ID ("org-12") or by name that no eligible application belongs to
  const organizations = rules.filter((r) => r.feature === 'organization' && r.value !== '*');
  if (organizations.length) {
    const keys = new Set<string>();
    for (const c of candidates) {
      const k = organizationKeysOf(c);
      keys.add(k.key);
      keys.add(k.name);
    }
    for (const rule of organizations) if (!keys.has(rule.value)) out.push({ rule, inUse: [] });
  }
  return out;
}

/**
 * The values in use, those sharing a word with the one written first ("Rural" -> "Rural
 * workers"): the list shown is cut after a dozen, and the value meant must not be the one cut.
 */
function nearestFirst(values: string[], written: string): string[] {
  const words = normaliseFree(written).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  const shares = (v: string) => normaliseFree(v).split(/[^\p{L}\p{N}]+/u).some((w) => words.some((x) => w.startsWith(x) || x.startsWith(w) && w.length >= 3));
  return [...values.filter(shares), ...values.filter((v) => !shares(v))];
}

/** Every value a '*' rule stands for, given the eligible applications. */
function everyValue(feature: Feature, candidates: Candidate[]): string[] {
  if (feature === 'region') return [...REGIONS];
  if (feature === 'category') return categoryCodes();
  if (feature === 'subregion') {
    // each sub-region at its finest: "at most 3 per sub-region" caps Western Africa, not Sub-Saharan Africa as well
    const own = new Set<string>();
    for (const c of candidates) {
      const first = subregionsOf(c.country)[0];
      if (first) own.add(first);
    }
    return [...own].sort();
  }
  if (feature === 'organization') {
    // Only organisations that more than one application shares: a cap on any other constrains nothing.
    const tally = new Map<string, number>();
    for (const c of candidates) for (const v of featureValues(c, feature)) tally.set(v, (tally.get(v) ?? 0) + 1);
    return [...tally].filter(([, n]) => n > 1).map(([v]) => v).sort();
  }
  const seen = new Set<string>();
  for (const c of candidates) for (const v of featureValues(c, feature)) seen.add(v);
  return [...seen].sort();
}

/**
 * Turns rules into one quota per (feature, value): '*' expanded (but for the bounds its file
 * made exceptions to, `except`), several rules on the same value merged (the largest minimum
 * and the smallest maximum hold). Quotas that
 * constrain nothing (min 0, no max) are dropped. Order: feature order, then value.
 */
export function expandQuotas(rules: QuotaRule[], candidates: Candidate[]): Quota[] {
  const byKey = new Map<string, Quota>();
  const excepted = exceptedIn(candidates);
  for (const rule of rules) {
    const values = rule.value === '*' ? everyValue(rule.feature, candidates) : [rule.value];
    for (const value of values) {
      const key = `${rule.feature}\u0000${value}`;
      const q = byKey.get(key);
      // (an exception written for this value: that bound of the '*' rule does not hold for it)
      const min = excepted(rule.feature, value, rule.except?.min) ? 0 : rule.min;
      const max = excepted(rule.feature, value, rule.except?.max) ? null : rule.max;
      if (min === 0 && max === null && rule.value === '*') continue;
      if (!q) {
        byKey.set(key, { feature: rule.feature, value, min, max, sources: [rule.source] });
      } else {
        q.min = Math.max(q.min, min);
        q.max = q.max === null ? max : max === null ? q.max : Math.min(q.max, max);
        if (!q.sources.includes(rule.source)) q.sources.push(rule.source);
      }
    }
  }
  // an organisation record by the name its (first) application gives it
  const organizations = [...byKey.values()].filter((q) => q.feature === 'organization' && isIdQuota(q.value));
  if (organizations.length) {
    const names = new Map<string, string>();
    for (const c of candidates) if (!names.has(organizationKey(c))) names.set(organizationKey(c), c.organization);
    for (const q of organizations) q.name = names.get(q.value);
  }
  const order = (f: Feature) => FEATURES.indexOf(f);
  const valueOrder = (q: Quota) => (q.feature === 'region' ? String(REGIONS.indexOf(q.value as never)).padStart(2, '0') : q.feature === 'category' ? String(categoryCodes().indexOf(q.value)).padStart(2, '0') : q.value);
  return [...byKey.values()]
    .filter((q) => q.min > 0 || q.max !== null)
    .sort((a, b) => order(a.feature) - order(b.feature) || (valueOrder(a) < valueOrder(b) ? -1 : valueOrder(a) > valueOrder(b) ? 1 : 0));
}

/**
 * Whether a value of a '*' rule is one its file's lines made an exception for. An organisation
 * record ("org-5", as '*' expands) is also named by the name a quotas file gives it ("Skills
 * Trust"), as `counts` counts it.
 */
export function exceptedIn(candidates: readonly Candidate[]): (feature: Feature, value: string, except: string[] | undefined) => boolean {
  let names: Map<string, Set<string>> | undefined;
  return (feature, value, except) => {
    if (!except?.length) return false;
    if (except.includes(value)) return true;
    if (feature !== 'organization' || !isIdQuota(value)) return false;
    if (!names) {
      names = new Map();
      for (const c of candidates) {
        const { key, name } = organizationKeysOf(c);
        if (!names.has(key)) names.set(key, new Set());
        names.get(key)!.add(name);
      }
    }
    return except.some((e) => names!.get(value)?.has(e));
  };
}

/**
 * Quotas on organisations merged since they were written ("org-4" after `merge org-3 org-4`)
 * count the organisation kept; two quotas that then name one organisation become one (the
 * largest minimum and the smallest maximum hold).
 */
export function followMerges<T extends { feature: Feature; value: string; min: number; max: number | null; sources?: string[] }>(items: T[], merged: ReadonlyMap<number, number>): T[] {
  if (!merged.size) return items;
  const follow = (value: string) => {
    const kept = isIdQuota(value) ? merged.get(Number(value.slice(4))) : undefined;
    return kept === undefined ? value : `org-${kept}`;
  };
  const moved = items.map((item) => {
    if (item.feature !== 'organization') return item;
    // (a '*' rule's exceptions name organisations too: "org-11" made an exception is org-5 now)
    const except = (item as { except?: QuotaRule['except'] }).except;
    const followed = except ? { except: { min: except.min?.map(follow), max: except.max?.map(follow) } } : {};
    return follow(item.value) === item.value && !except ? item : { ...item, value: follow(item.value), ...followed };
  });
  // (rules are merged when they are expanded; expanded quotas here)
  const out: T[] = [];
  const seen = new Map<string, T>();
  for (const item of moved) {
    const key = `${item.feature}\u0000${item.value}`;
    const existing = item.sources ? seen.get(key) : undefined;
    if (!existing) {
      const entry = item.sources ? { ...item, sources: [...item.sources] } : item;
      out.push(entry);
      if (entry.sources) seen.set(key, entry);
      continue;
    }
    existing.min = Math.max(existing.min, item.min);
    existing.max = existing.max === null ? item.max : item.max === null ? existing.max : Math.min(existing.max, item.max);
    for (const source of item.sources!) if (!existing.sources!.includes(source)) existing.sources!.push(source);
  }
  return out;
}

/**
 * How many of the candidates count towards each quota: what `counts` says for every pair, in one
 * pass over the candidates (a call of thousands of organisations has thousands of caps).
 */
export function eligibleCounts(candidates: readonly Candidate[], quotas: readonly Quota[]): number[] {
  const out = quotas.map(() => 0);
  const at = new Map<string, number[]>();
  const features = new Set<Feature>();
  let namedOrganizations = false;
  quotas.forEach((q, i) => {
    const key = `${q.feature}\u0000${q.value}`;
    const list = at.get(key);
    if (list) list.push(i);
    else at.set(key, [i]);
    features.add(q.feature);
    if (q.feature === 'organization' && !isIdQuota(q.value)) namedOrganizations = true;
  });
  const seen = new Set<string>();
  for (const c of candidates) {
    seen.clear();
    for (const feature of features) {
      let values = featureValues(c, feature);
      // (an organisation named in a quotas file counts by name as well: counts())
      if (feature === 'organization' && namedOrganizations) {
        const { name } = organizationKeysOf(c);
        if (!isIdQuota(name)) values = [...values, name];
      }
      for (const v of values) {
        const key = `${feature}\u0000${v}`;
        if (seen.has(key)) continue;
        seen.add(key);
        for (const i of at.get(key) ?? []) out[i]!++;
      }
    }
  }
  return out;
}

/** Does the candidate count towards the quota? */
export function counts(c: Candidate, q: Quota): boolean {
  // an organisation named in a quotas file counts every application of that name
  if (q.feature === 'organization') {
    const keys = organizationKeysOf(c);
    return keys.key === q.value || (keys.name === q.value && !isIdQuota(q.value));
  }
  return featureValues(c, q.feature).includes(q.value);
}
