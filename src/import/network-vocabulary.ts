/**
 * data/network.json, read once: the email domains and web hosts many organisations share (so
 * they say nothing about identity), and how stakeholder lists name the member columns and
 * write their values (roles, statuses, yes/no). Officers edit the file; nothing here is code.
 */
import { loadDataFile } from '../data/load.js';
import { validateNetwork } from '../data/validate/network.js';
import type { MemberRole, MemberStatus } from '../model.js';
import { normaliseName } from '../text.js';

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

/**
 * A line that sums up a hand-made list rather than a member or an application: a label of data/network.json's
 * totalLabels ("Total", "Totaux :", "Total 3") and otherwise numbers. It became a member called
 * "3", or "Total", and a rejected application whose fix was to type an email into it.
 */
export function isTotalLine(cells: readonly string[]): boolean {
  const labels = networkVocabulary().totalLabels;
  let label = false;
  for (const cell of cells) {
    const text = cell.trim();
    if (!text || NUMBER_ONLY.test(text)) continue;
    if (!labels.has(normaliseName(text.replace(/[\p{Nd}.,:;%()+\-–/]+/gu, ' ')))) return false;
    label = true;
  }
  return label;
}

/** A cell of digits (of any script: "٣", "３" as "3") and punctuation only: a count, a row number, never a name. */
export const NUMBER_ONLY = /^[\p{Nd}\s.,:;%()+\-–/#°]+$/u;
