/**
 * Saved rosters as the selection reads them back: the parameters of the selection as a typed
 * record, checked when read, and the members and alternates as candidates with today's scores
 * (roster show, roster diff, roster replace).
 */
import type { DB } from '../db/connection.js';
import { getRoster, listRosters, rosterChanges, rosterEntries, rosterNamedAlike, type RosterChange, type RosterEntry, type RosterInfo } from '../db/rosters.js';
import { OperationError } from '../errors.js';
import { REGIONS, type ApplicationFilters } from '../model.js';
import { candidateOf, type Candidate, type ScoreSource } from './candidates.js';
import { replaceableBy } from './reasons.js';
import { coverage, type Coverage } from './coverage.js';
import { FEATURES, boundsText, featureWord, counts, exceptedIn, followMerges, quotaLabel, type Quota, type QuotaRule } from './quotas.js';
import { mergedOrganizationTargets } from '../db/organizations.js';
import { combinedScores } from './scores.js';
import { applyRanking, ORDERS, type CallScale, type Order } from './ranking.js';
import { shellArg } from '../text.js';
import { meantName, nearestName } from '../suggest.js';

/**
 * What select saved with a roster, to show, compare and amend it later. A roster saved another
 * way (a hand edit, a test fixture) may lack any of them; each one present has this type.
 */
export interface RosterParams {
  size?: number;
  /** The quota rules as given (flags, quotas file), before '*' was expanded. */
  rules?: QuotaRule[];
  /** The quotas the roster was checked against (expanded, merged). */
  quotas?: Quota[];
  /** The shared filters (without the minimum score). */
  filters?: ApplicationFilters;
  minScore?: number | null;
  include?: number[];
  exclude?: number[];
  alternates?: number;
  quotasFile?: string | null;
  scoreRule?: string;
  eligible?: number;
  modelSize?: number;
  /** The tie-break order when not the application ID (--order submitted|random). */
  order?: Order;
  /** --order random: the seed of the draw. */
  seed?: number;
  /** The calls' scales put on 0–10 (--rescale-scores). */
  scoreScales?: CallScale[];
}

/** A saved roster with its parameters checked. */
export type SavedRoster = Omit<RosterInfo, 'params'> & { params: RosterParams };

type Check = (value: unknown) => boolean;
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isString: Check = (v) => typeof v === 'string';
const isIds: Check = (v) => Array.isArray(v) && v.every((x) => Number.isInteger(x));
const orNull = (check: Check): Check => (v) => v === null || check(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFeature: Check = (v) => (FEATURES as readonly unknown[]).includes(v);
const bounds = (r: Record<string, unknown>) => isString(r.value) && isNumber(r.min) && orNull(isNumber)(r.max);
const isRules: Check = (v) =>
  Array.isArray(v) && v.every((r) => isRecord(r) && isFeature(r.feature) && bounds(r) && isString(r.source) && (r.written === undefined || isString(r.written)));
const isQuotas: Check = (v) =>
  Array.isArray(v) && v.every((q) => isRecord(q) && isFeature(q.feature) && bounds(q) && Array.isArray(q.sources) && q.sources.every(isString));
const FILTER_KEYS = ['region', 'country', 'category', 'language', 'call', 'roster', 'search'];
const isFilters: Check = (v) =>
  isRecord(v) && Object.entries(v).every(([k, x]) => (k === 'allCalls' ? typeof x === 'boolean' : FILTER_KEYS.includes(k) && isString(x) && (k !== 'region' || (REGIONS as readonly string[]).includes(x as string))));

const isScales: Check = (v) =>
  Array.isArray(v) && v.every((x) => isRecord(x) && isString(x.call) && (x.source === 'application' || x.source === 'reviewers') && isNumber(x.min) && isNumber(x.max) && (x.max as number) > (x.min as number));

/** Each key of RosterParams, what it must hold, and how to say it. */
const PARAM_CHECKS: Record<keyof RosterParams, [Check, string]> = {
  size: [isNumber, 'a number'],
  rules: [isRules, 'a list of quota rules (feature, value, min, max, source)'],
  quotas: [isQuotas, 'a list of quotas (feature, value, min, max, sources)'],
  filters: [isFilters, 'an object of filters (region, country, category, language, call, roster, search)'],
  minScore: [orNull(isNumber), 'a number or null'],
  include: [isIds, 'a list of application IDs'],
  exclude: [isIds, 'a list of application IDs'],
  alternates: [isNumber, 'a number'],
  quotasFile: [orNull(isString), 'a file name or null'],
  scoreRule: [isString, 'a sentence'],
  eligible: [isNumber, 'a number'],
  modelSize: [isNumber, 'a number'],
  order: [(v) => (ORDERS as readonly unknown[]).includes(v), `one of ${ORDERS.join(', ')}`],
  seed: [isNumber, 'a number'],
  scoreScales: [isScales, 'a list of call scales (call, source, min, max)'],
};

/**
 * The stored parameters of a roster, checked: every known key holds what select writes there
 * (other keys are kept as they are). A roster whose parameters were changed into something else
 * is an error that names it, rather than a roster shown or amended with missing quotas.
 */
export function parseRosterParams(roster: string, stored: unknown): RosterParams {
  const fail = (what: string) =>
    new OperationError(`the saved parameters of roster ${roster} are malformed: ${what}`, {
      hint: `the roster was changed outside skillsnet; select it again (skillsnet select ... --name ${shellArg(roster)} --yes) or delete it (skillsnet roster delete ${shellArg(roster)})`,
    });
  if (!isRecord(stored)) throw fail(typeof stored === 'string' ? 'they are not valid JSON' : 'they are not a JSON object');
  for (const [key, [check, expected]] of Object.entries(PARAM_CHECKS)) {
    const value = stored[key];
    if (value !== undefined && !check(value)) throw fail(`"${key}" must be ${expected}, found ${JSON.stringify(value)?.slice(0, 80)}`);
  }
  return stored as RosterParams;
}

function checked(info: RosterInfo): SavedRoster {
  return { ...info, params: parseRosterParams(info.name, info.params) };
}

/** Every saved roster, oldest first, with its parameters checked. */
export function savedRosters(db: DB): SavedRoster[] {
  return listRosters(db).map(checked);
}

/** A saved roster with its parameters checked; undefined when there is none of that name. */
export function savedRoster(db: DB, name: string): SavedRoster | undefined {
  const info = getRoster(db, name);
  return info && checked(info);
}

/** The error for a roster name that is not saved, with the names that are. */
export function unknownRoster(db: DB, name: string): OperationError {
  return new OperationError(`no roster named "${name}" in this database${caseSlip(db, name)}`, { hint: savedRostersHint(db) });
}

/**
 * `; did you mean "core-2020"?` for "CORE-2020" (names are looked up as written: said when the name
 * differs from the saved one only in case or in the spaces around it; a typo such as "core-2O21"
 * needs no such note).
 */
export function caseSlip(db: DB, name: string): string {
  // (in another case, with the spaces around it that a paste brings, or mistyped: " core-2021", "core-2O21")
  const alike = rosterNamedAlike(db, name) ?? nearestName(name, listRosters(db).map((r) => r.name));
  return meantName(name, alike);
}

/** The saved rosters an officer can name, or how to make one (for an error's hint); `command`: shown with the latest. */
/** `after`: what the suggested command needs after the name to run as typed ("--out core.md"). */
export function savedRostersHint(db: DB, command?: string, after?: string): string {
  const names = listRosters(db).map((r) => r.name);
  if (!names.length) return 'make one with skillsnet select --size N --name NAME';
  return `saved rosters: ${names.join(', ')}${command ? ` (skillsnet ${command} ${shellArg(names[names.length - 1]!)}${after ? ` ${after}` : ''})` : ''}`;
}

/**
 * The members' total on today's scores when it no longer adds up to the total the roster was saved
 * with (reviewers' scores imported, or the file's corrected since); undefined while it still does.
 */
export function totalMovedSinceSaved(objective: number | null | undefined, scores: ReadonlyArray<number | null>): number | undefined {
  const today = Math.round(scores.reduce<number>((t, s) => t + (s ?? 0), 0) * 1e4) / 1e4;
  return objective !== null && objective !== undefined && Math.abs(today - objective) > 1e-3 ? today : undefined;
}

/** A roster member or alternate with its application as a candidate (today's score). */
export type RosterMember = RosterEntry & { candidate: Candidate };

/** A saved roster with its entries as selection candidates (today's data and scores). */
export interface LoadedRoster {
  roster: SavedRoster;
  /** Members, then alternates, each in rank order. */
  entries: RosterMember[];
  quotas: Quota[];
}

export function loadRoster(db: DB, name: string): LoadedRoster {
  const roster = savedRoster(db, name);
  if (!roster) throw unknownRoster(db, name);
  const combined = combinedScores(db);
  const stored = rosterEntries(db, name);
  // Ranked as the selection ranked: the calls' scales and the tie-break order it saved.
  const ranked = applyRanking(stored.map((e) => candidateOf(e.application, combined)), roster.params);
  const entries = stored.map((e, i) => ({ ...e, candidate: ranked[i] }));
  // a quota on an organisation merged since counts the organisation kept
  return { roster, entries, quotas: followMerges(roster.params.quotas ?? [], mergedOrganizationTargets(db)) };
}

/** A member or alternate as `roster show --json` prints it: select's entry with its rank. */
export interface RosterEntryJson {
  rank: number;
  id: number;
  organization: string;
  /** The organisation record (org-N in the exports and maps), or null when not linked. */
  organizationId: number | null;
  region: string | null;
  country: string | null;
  language: string | null;
  categories: string[];
  /** The score the selection ranked by (the roster's saved scales and order applied). */
  score: number;
  scoreSource: ScoreSource;
  reasons: string[];
  /** Alternates: the members it can stand in for today without breaking a quota. */
  replaces?: number[];
}

export function entryJson(e: { rank: number; reasons: string[]; candidate: Candidate }, replaces?: number[]): RosterEntryJson {
  const c = e.candidate;
  return {
    rank: e.rank, id: c.id, organization: c.organization, organizationId: c.organizationId ?? null, region: c.region, country: c.country, language: c.language, categories: c.categories,
    score: c.score, scoreSource: c.scoreSource, reasons: e.reasons, ...(replaces ? { replaces } : {}),
  };
}

/**
 * The members each alternate can stand in for today without breaking a quota of the roster,
 * recounted on the members as they are now (a member who declined and left is nobody's to replace).
 */
export function alternatesReplaces(loaded: LoadedRoster): Map<number, number[]> {
  const members = loaded.entries.filter((e) => e.role === 'member').map((e) => e.candidate);
  const include = new Set(loaded.roster.params.include ?? []);
  return new Map(loaded.entries.filter((e) => e.role === 'alternate').map((e) => [e.candidate.id, replaceableBy(members, e.candidate, loaded.quotas, include)]));
}

/** `roster show --json`. */
export interface RosterShowJson extends Omit<SavedRoster, 'members' | 'alternates'> {
  members: RosterEntryJson[];
  alternates: RosterEntryJson[];
  changes: RosterChange[];
  coverage: Coverage;
  /**
   * Maxima the members break today, one sentence each: organisations merged since the roster
   * was saved ("members #163 and #387 are now one organisation, org-163 …"). Empty when none.
   */
  broken: string[];
}

/**
 * The members of a saved roster that break a maximum today (a merge since it was saved), one
 * sentence each. A per-organisation cap ('*') was saved only for the organisations that then had
 * two applications or more: two members whose organisations were merged since are checked
 * against the rule itself.
 */
function brokenMaxima(members: RosterMember[], quotas: Quota[], name: string, rules: QuotaRule[] = []): string[] {
  const out: string[] = [];
  const seat = (ids: string, what: string, max: number, why: string) =>
    out.push(`members ${ids} count towards ${what}, at most ${max} (${why}): free a seat with skillsnet roster replace ${shellArg(name)} ID`);
  const reported = new Set<number>();
  for (const q of quotas) {
    if (q.max === null) continue;
    const holding = members.filter((m) => counts(m.candidate, q));
    if (holding.length <= q.max) continue;
    for (const m of holding) if (m.candidate.organizationId != null && q.feature === 'organization') reported.add(m.candidate.organizationId);
    seat(holding.map((m) => `#${m.candidate.id}`).join(', '), quotaLabel(q.feature, q.value, q.name), q.max, q.feature === 'organization' ? 'organisations merged since the roster was saved' : 'data changed since the roster was saved');
  }
  // (an organisation the file made an exception to the cap, by record or by name, is not held to it)
  const excepted = exceptedIn(members.map((m) => m.candidate));
  for (const rule of rules) {
    if (rule.feature !== 'organization' || rule.value !== '*' || rule.max === null) continue;
    const byOrganization = new Map<number, RosterMember[]>();
    for (const m of members) {
      const org = m.candidate.organizationId;
      if (org === null || org === undefined || reported.has(org) || excepted('organization', `org-${org}`, rule.except?.max)) continue;
      const list = byOrganization.get(org);
      if (list) list.push(m);
      else byOrganization.set(org, [m]);
    }
    for (const [org, holding] of byOrganization) {
      if (holding.length <= rule.max) continue;
      seat(holding.map((m) => `#${m.candidate.id}`).join(', '), quotaLabel('organization', `org-${org}`, holding[0]!.candidate.organization), rule.max, 'organisations merged since the roster was saved');
    }
  }
  return out;
}

/** The maxima a saved roster's members break today (rosterReport's `broken`), without the rest of the report. */
export function rosterBroken(db: DB, name: string): string[] {
  const { roster, entries, quotas } = loadRoster(db, name);
  return brokenMaxima(entries.filter((e) => e.role === 'member'), quotas, name, roster.params.rules);
}

/** A saved roster in full: members and alternates with their reasons, its changes and its coverage. */
export function rosterReport(db: DB, name: string): RosterShowJson {
  const loaded = loadRoster(db, name);
  const { roster, entries, quotas } = loaded;
  const members = entries.filter((e) => e.role === 'member');
  const replaces = alternatesReplaces(loaded);
  const { members: _m, alternates: _a, ...rest } = roster;
  return {
    ...rest,
    members: members.map((e) => entryJson(e)),
    alternates: entries.filter((e) => e.role === 'alternate').map((e) => entryJson(e, replaces.get(e.candidate.id))),
    changes: rosterChanges(db, name),
    coverage: coverage(members.map((m) => m.candidate), quotas),
    broken: brokenMaxima(members, quotas, name, roster.params.rules),
  };
}

/** `roster diff --json`. */
export interface RosterDiffJson {
  a: string;
  b: string;
  onlyInA: RosterEntryJson[];
  onlyInB: RosterEntryJson[];
  inBoth: number[];
  objective: { a: number | null; b: number | null };
  /** Parameters that differ: name -> [value in A, value in B]. */
  params: Record<string, [unknown, unknown]>;
}

/** The members and parameters two saved rosters do not share. */
export function compareRosters(db: DB, a: string, b: string): RosterDiffJson {
  const A = loadRoster(db, a);
  const B = loadRoster(db, b);
  const membersOf = (r: LoadedRoster) => r.entries.filter((e) => e.role === 'member');
  const idsA = new Set(membersOf(A).map((e) => e.candidate.id));
  const idsB = new Set(membersOf(B).map((e) => e.candidate.id));
  const params: Record<string, [unknown, unknown]> = {};
  const paramsA = A.roster.params as Record<string, unknown>;
  const paramsB = B.roster.params as Record<string, unknown>;
  for (const key of new Set([...Object.keys(paramsA), ...Object.keys(paramsB)])) {
    if (key === 'quotas' || key === 'modelSize') continue;
    const va = paramsA[key] ?? null;
    const vb = paramsB[key] ?? null;
    if (JSON.stringify(va) !== JSON.stringify(vb)) params[key] = [va, vb];
  }
  return {
    a,
    b,
    onlyInA: membersOf(A).filter((e) => !idsB.has(e.candidate.id)).map((e) => entryJson(e)),
    onlyInB: membersOf(B).filter((e) => !idsA.has(e.candidate.id)).map((e) => entryJson(e)),
    inBoth: [...idsA].filter((id) => idsB.has(id)).sort((x, y) => x - y),
    objective: { a: A.roster.objective, b: B.roster.objective },
    params,
  };
}

/** "region (each) at least 3 (--min-per-region 3)", "language fr at least 2 (quotas.csv line 4)". */
function ruleText(r: QuotaRule): string {
  const what = r.value === '*' ? `${r.feature === 'organization' ? 'organisation' : featureWord(r.feature)} (each)` : quotaLabel(r.feature, r.value);
  return `${what} ${boundsText(r.min, r.max)}${r.source ? ` (${r.source})` : ''}`;
}

/**
 * Every parameter difference as a line of text, as --json carries them: plain values as
 * "size: 25 → 20", quota rules as the rules found in one roster only (the same rule from a
 * flag or a quotas file counts as the same).
 */
export function paramDiffLines(diff: Pick<RosterDiffJson, 'a' | 'b' | 'params'>): string[] {
  const lines: string[] = [];
  for (const [k, [va, vb]] of Object.entries(diff.params)) {
    if (k !== 'rules') {
      lines.push(`${k}: ${JSON.stringify(va)} → ${JSON.stringify(vb)}`);
      continue;
    }
    const rulesOf = (v: unknown) => (Array.isArray(v) ? (v as QuotaRule[]) : []);
    const key = (r: QuotaRule) => JSON.stringify([r.feature, r.value, r.min, r.max]);
    const keysA = new Set(rulesOf(va).map(key));
    const keysB = new Set(rulesOf(vb).map(key));
    for (const r of rulesOf(va)) if (!keysB.has(key(r))) lines.push(`quota only in ${diff.a}: ${ruleText(r)}`);
    for (const r of rulesOf(vb)) if (!keysA.has(key(r))) lines.push(`quota only in ${diff.b}: ${ruleText(r)}`);
  }
  return lines;
}

/** The quota flags as the officer gave them, for a one-line reminder: "--size 25 --min-per-region 3". */
export function summariseQuotas(params: RosterParams): string {
  const sources = [...new Set((params.rules ?? []).map((r) => r.source.replace(/ line \d+$/, '')))];
  return [`--size ${params.size}`, ...sources].join(' ');
}
