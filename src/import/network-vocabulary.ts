/**
 * data/network.json, read once: the email domains and web hosts many organisations share (so
 * they say nothing about identity), and how stakeholder lists name the member columns and
 * write their values (roles, statuses, yes/no). Officers edit the file; nothing here is code.
 */
import { loadDataFile } from '../data/load.js';
import { validateNetwork } from '../data/validate/network.js';
import type { MemberRole, MemberStatus } from '../model.js';
import { resolveCountry } from '../geo/countries.js';
import { resolveRegion } from '../geo/regions.js';
import { normaliseName } from '../text.js';
import type { Field } from './header-data.js';
import type { ColumnMapping } from './headers.js';

export type MemberColumn = 'role' | 'status' | 'workingLanguage' | 'consentMap' | 'consentContact' | 'notes' | 'cohort' | 'timeZone' | 'kind';

interface NetworkData {
  genericEmailDomains: string[];
  genericWebHosts: string[];
  columns: Record<MemberColumn, string[]>;
  values: {
    roles: Record<MemberRole, string[]>;
    statuses: Record<MemberStatus, string[]>;
    yes: string[];
    no: string[];
    person: string[];
    organization: string[];
  };
  totalLabels: string[];
}

export interface NetworkVocabulary {
  genericEmailDomains: Set<string>;
  genericWebHosts: Set<string>;
  /** folded header -> member column */
  columns: Map<string, MemberColumn>;
  roles: Map<string, MemberRole>;
  statuses: Map<string, MemberStatus>;
  yes: Set<string>;
  no: Set<string>;
  person: Set<string>;
  organization: Set<string>;
  /** folded labels of a line that sums up a list ("Total", "Totaux") */
  totalLabels: Set<string>;
}

let vocabulary: NetworkVocabulary | undefined;

export function networkVocabulary(): NetworkVocabulary {
  if (vocabulary) return vocabulary;
  const d = loadDataFile<NetworkData>('network.json', validateNetwork);
  const key = (s: string) => normaliseName(s);
  const inverse = <T extends string>(groups: Record<T, string[]>) => {
    const map = new Map<string, T>();
    for (const [value, words] of Object.entries(groups) as [T, string[]][]) for (const w of [value, ...words]) if (!map.has(key(w))) map.set(key(w), value);
    return map;
  };
  vocabulary = {
    genericEmailDomains: new Set(d.genericEmailDomains.map((s) => s.trim().toLowerCase())),
    genericWebHosts: new Set(d.genericWebHosts.map((s) => s.trim().toLowerCase())),
    columns: inverse(d.columns),
    roles: inverse(d.values.roles),
    statuses: inverse(d.values.statuses),
    yes: new Set(d.values.yes.map(key)),
    no: new Set(d.values.no.map(key)),
    person: new Set(d.values.person.map(key)),
    organization: new Set(d.values.organization.map(key)),
    totalLabels: new Set(d.totalLabels.map(key)),
  };
  return vocabulary;
}

/**
 * Whether a domain is one anyone can have an address at, or a host of a subdomain of it, or a
 * listed provider's address in another country (hotmail.com.ar, live.co.za, yahoo.co.in: the
 * provider's name with hotmail.com, live.com or yahoo.com in the list).
 */
export function isGenericEmailDomain(domain: string): boolean {
  return remembered(genericDomains, domain, genericEmailDomain);
}

/** A domain's answer, computed once (asked for every row an import links; a bounded memory). */
function remembered(answers: Map<string, boolean>, domain: string, answer: (domain: string) => boolean): boolean {
  let generic = answers.get(domain);
  if (generic === undefined) {
    generic = answer(domain);
    if (answers.size >= 20_000) answers.clear();
    answers.set(domain, generic);
  }
  return generic;
}

const genericDomains = new Map<string, boolean>();
let subdomainParents: string[] | undefined;

function genericEmailDomain(domain: string): boolean {
  const v = networkVocabulary();
  if (v.genericEmailDomains.has(domain)) return true;
  subdomainParents ??= [...v.genericEmailDomains].filter((g) => g.split('.').length > 2).map((g) => `.${g}`);
  if (subdomainParents.some((g) => domain.endsWith(g))) return true;
  const dot = domain.indexOf('.');
  const provider = dot > 0 ? domain.slice(0, dot) : '';
  // (only a name a listed provider uses before .com, and only a country's ending after it)
  return provider.length > 2 && v.genericEmailDomains.has(`${provider}.com`) && /^(?:com?\.)?[a-z]{2}$|^com$|^net$/.test(domain.slice(dot + 1));
}

const genericHosts = new Map<string, boolean>();

/** Whether a web domain is a host shared by many sites (facebook.com, something.wixsite.com). */
export function isGenericWebHost(domain: string): boolean {
  return remembered(genericHosts, domain, genericWebHost);
}

function genericWebHost(domain: string): boolean {
  const v = networkVocabulary();
  if (v.genericWebHosts.has(domain)) return true;
  for (const g of v.genericWebHosts) if (domain.endsWith(`.${g}`)) return true;
  return false;
}

/**
 * What people write in the organisation field when they have none: "Independent Researcher",
 * "Self-employed", "Indépendant", "Ninguna". Two people writing it are not one organisation: the
 * name is no evidence (normalised as normaliseName writes them).
 */
const PLACEHOLDER_ORGANIZATIONS = new Set([
  'independent', 'independent researcher', 'independent consultant', 'independent scholar', 'independent expert', 'independent trainer',
  'researcher', 'consultant', 'freelance', 'freelancer', 'self employed', 'selfemployed', 'self', 'individual', 'private individual', 'private',
  'personal', 'myself', 'me', 'student', 'retired', 'unemployed', 'none', 'no', 'n a', 'na', 'nil', 'not applicable', 'no organization',
  'no organisation', 'unaffiliated', 'no affiliation', 'not affiliated', 'other', 'others', 'x', 'unknown',
  'independiente', 'investigador independiente', 'investigadora independiente', 'consultor independiente', 'consultora independiente',
  'autonomo', 'autonoma', 'ninguna', 'ninguno', 'particular', 'sin organizacion', 'no aplica', 'persona natural', 'estudiante',
  'independant', 'independante', 'chercheur independant', 'chercheuse independante', 'consultant independant', 'consultante independante',
  'particulier', 'aucune', 'aucun', 'sans organisation', 'neant', 'etudiant', 'etudiante', 'auto entrepreneur', 'autoentrepreneur',
]);

/** Whether an organisation name is a placeholder for none (its normalised key). */
export function isPlaceholderOrganization(nameKey: string): boolean {
  return PLACEHOLDER_ORGANIZATIONS.has(nameKey);
}

/** Where a line stands and which of its columns are which, for telling a line of totals by its shape. */
export interface TotalLineShape {
  /** columns that hold a name or a word (organisation, contact, country…): a number there is a count */
  nameColumns?: ReadonlySet<number>;
  /** columns whose numbers are no count (a phone number, an ID) */
  notCounts?: ReadonlySet<number>;
  /** the line is the last of the list, or only lines of totals follow it */
  last?: boolean;
}

/**
 * A line that sums up a hand-made list rather than a member or an application, told by its shape
 * and not by a name alone (an organisation may be called "Total" or "Sum"): a label of
 * data/network.json's totalLabels ("Total", "Totaux :", "Subtotal Africa": a label and a region or
 * country), no email address, every other cell a number or a region ("Subtotal;Africa;12"), and a
 * count where the label cannot be a name — in the label itself ("Total 3", "TOTAL GÉNÉRAL : 2"),
 * beside a sub-total's region, in a name column, or anywhere on the list's last lines. It became a member called "3", or "Total", and
 * a rejected application whose fix was to type an email into it; an organisation called "Total"
 * with its phone number, or nothing else, became a line of totals.
 */
export function isTotalLine(cells: readonly string[], shape: TotalLineShape = {}): boolean {
  let label = false;
  let counted = false;
  let count = false;
  let region = false;
  for (let i = 0; i < cells.length; i++) {
    const text = (cells[i] ?? '').trim();
    if (!text) continue;
    if (NUMBER_ONLY.test(text)) {
      // a phone number is no count, but "3" in a phone column is (no phone is so short)
      if (shape.notCounts?.has(i) && (text.match(/\p{Nd}/gu)?.length ?? 0) >= 5) continue;
      count = true;
      if (shape.nameColumns?.has(i)) counted = true;
      continue;
    }
    // ("Subtotal;Africa;12": the region a sub-total sums up, in a cell of its own)
    if (resolveRegion(text)) {
      region = true;
      continue;
    }
    const kind = totalLabel(text);
    if (!kind) return false;
    label = true;
    if (kind === 'counted') counted = count = true;
    if (kind === 'qualified') counted = true;
  }
  return label && count && (counted || region || Boolean(shape.last));
}

const NAME_FIELDS: readonly Field[] = ['organization', 'organizationType', 'contactName', 'firstName', 'lastName', 'email', 'website', 'country', 'language', 'workingLanguage', 'title'];
const NOT_COUNT_FIELDS: readonly Field[] = ['phone', 'externalId', 'submittedAt'];

/** The shape of a file's lines for isTotalLine: its name columns and its phone and ID columns. */
export function totalLineShape(mapping: ColumnMapping): TotalLineShape {
  const columns = (fields: readonly Field[]) => new Set(fields.flatMap((f) => mapping[f] ?? []));
  return { nameColumns: columns(NAME_FIELDS), notCounts: columns(NOT_COUNT_FIELDS) };
}

/** A cell that is a totals label: "counted" when it carries its own count ("Total 3"), "qualified" with its region ("Subtotal Africa"). */
function totalLabel(text: string): 'label' | 'counted' | 'qualified' | null {
  const labels = networkVocabulary().totalLabels;
  const words = normaliseName(text.replace(/[\p{Nd}.,:;%()+\-–/]+/gu, ' '));
  if (labels.has(words)) return /\p{Nd}/u.test(text) ? 'counted' : 'label';
  for (const l of labels) {
    if (!words.startsWith(`${l} `)) continue;
    const rest = text.trim().split(/\s+/).slice(l.split(' ').length).join(' ').replace(/^(?:for|of|pour|de|du|des|en|para|del)\s+/i, '');
    if (resolveRegion(rest) || resolveCountry(rest)) return 'qualified';
  }
  return null;
}

/** A cell of digits (of any script: "٣", "３" as "3") and punctuation only: a count, a row number, never a name. */
export const NUMBER_ONLY = /^[\p{Nd}\s.,:;%()+\-–/#°]+$/u;
