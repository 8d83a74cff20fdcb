/**
 * Breakout groups of an event in the database: its invitees split by working language
 * (groups.ts solves it exactly with HiGHS), saved with the event so that the invitation sheet
 * and `event show` carry each member's group. A new plan replaces the previous one.
 */
import type { DB } from '../db/connection.js';
import { groupRun, groupsOfEvent, saveGroups, type GroupRunRecord } from '../db/events.js';
import { OperationError, UsageError } from '../errors.js';
import { assignBreakoutGroups, parseGroupSpec, type BreakoutGroup, type BreakoutResult, type GroupSpecEntry, type LanguageSolve, type UnassignedInvitee } from './groups.js';
import { invitationStands, invitedMembers, inviteeOf, inviteesOf } from './invite.js';
import { requireEvent } from './manage.js';

export const GROUP_BY = ['language'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface BreakoutOptions {
  /** What the groups split by; only the working language for now. */
  by?: string;
  /** 'en=2,fr=1,es=1' or parsed. */
  groups: string | readonly GroupSpecEntry[];
  dryRun?: boolean;
  /** Seconds per solve (default 30). */
  timeLimit?: number;
}

/** `event groups --json`: the plan, saved unless a dry run. */
export interface BreakoutPlan {
  eventId: number;
  by: GroupBy;
  spec: string;
  invitees: number;
  optimal: boolean;
  solveMs: number;
  groups: BreakoutGroup[];
  /** Invitees in no group, by member ID, with why (a working language the groups are not in, or none on record). */
  unassigned: UnassignedInvitee[];
  languages: LanguageSolve[];
  dryRun: boolean;
}

/** Invitees per breakout group the suggestion aims at (a group of more talks less). */
const SUGGESTED_GROUP_SIZE = 8;

/**
 * A `--groups` value that fits the event as it is: its own languages, in its order, each with the
 * groups its invitees of that working language fill (one per 8 or part), those without invitees
 * left out (all of them at 1 when none has a working language on record). The hint after
 * `event invite` said en=2,fr=1,es=1 for every event, which `event groups` refused for an event
 * held in Spanish only ("the event runs in es, not in en, fr").
 */
export function suggestedGroups(db: DB, eventId: number): string {
  const event = requireEvent(db, eventId);
  const count = new Map<string, number>();
  for (const i of inviteesOf(db, eventId)) {
    const language = i.workingLanguage?.trim().toLowerCase();
    if (language) count.set(language, (count.get(language) ?? 0) + 1);
  }
  const spec = event.languages.filter((l) => count.has(l)).map((language) => ({ language, groups: Math.ceil(count.get(language)! / SUGGESTED_GROUP_SIZE) }));
  return specText(spec.length ? spec : event.languages.map((language) => ({ language, groups: 1 })));
}

export function specText(spec: readonly GroupSpecEntry[]): string {
  return spec.map((s) => `${s.language}=${s.groups}`).join(',');
}

export async function planBreakoutGroups(db: DB, eventId: number, options: BreakoutOptions): Promise<BreakoutPlan> {
  const by = (options.by ?? 'language').trim().toLowerCase();
  if (!(GROUP_BY as readonly string[]).includes(by)) throw new UsageError(`groups can be made --by ${GROUP_BY.join(', ')}, not "${options.by}"`, {
    hint: 'groups are by working language, each group\'s regions spread as evenly as they can be: e.g. --by language --groups en=2,fr=1,es=1',
  });
  const event = requireEvent(db, eventId);
  const spec = typeof options.groups === 'string' ? parseGroupSpec(options.groups) : [...options.groups];
  const invited = invitedMembers(db, eventId);
  const invitees = invited.filter(invitationStands).map((i) => inviteeOf(i.member));
  // (one who withdrew from the network since being invited is in no group, and named)
  const left: UnassignedInvitee[] = invited.filter((i) => !invitationStands(i)).map((i) => ({ memberId: i.member.id, workingLanguage: i.member.workingLanguage, reason: 'withdrew from the network since being invited' }));
  if (!invitees.length && left.length) throw new OperationError(`event ${eventId} has no invitees to split into groups: the ${left.length === 1 ? 'one invited has' : `${left.length} invited have`} withdrawn from the network since`, { hint: `skillsnet event show ${eventId} lists the invitees` });
  if (!invitees.length) throw new OperationError(`event ${eventId} has no invitees to split into groups`, { hint: `invite them first: skillsnet event invite ${eventId} --roster NAME` });
  const result: BreakoutResult = await assignBreakoutGroups(invitees, spec, { eventLanguages: event.languages, timeLimit: options.timeLimit });
  const plan: BreakoutPlan = {
    eventId, by: 'language', spec: specText(spec), invitees: invitees.length, optimal: result.optimal, solveMs: Math.round(result.solveMs),
    groups: result.groups, unassigned: [...result.unassigned, ...left], languages: result.languages, dryRun: Boolean(options.dryRun),
  };
  if (!options.dryRun) {
    saveGroups(
      db, eventId,
      { by: plan.by, spec: plan.spec, optimal: plan.optimal, solveMs: plan.solveMs, summary: { languages: plan.languages, unassigned: plan.unassigned, groups: plan.groups.map((g) => ({ ...g, memberIds: undefined })) } },
      result.groups.flatMap((g) => g.memberIds.map((memberId) => ({ memberId, groupId: g.id, language: g.language }))),
    );
  }
  return plan;
}

/** The saved plan of an event, with the groups as they are now (an invitation withdrawn since leaves its group). */
export interface SavedGroups {
  spec: string;
  by: string;
  optimal: boolean;
  solveMs: number | null;
  madeAt: string;
  groups: { id: string; language: string; size: number; memberIds: number[] }[];
  unassigned: UnassignedInvitee[];
  /** Invitees invited after the plan was made: in no group until it is made again. */
  notPlanned: number[];
}

export function savedGroups(db: DB, eventId: number, inviteeIds: readonly number[]): SavedGroups | null {
  const run: GroupRunRecord | undefined = groupRun(db, eventId);
  if (!run) return null;
  const byMember = groupsOfEvent(db, eventId);
  const groups = new Map<string, { id: string; language: string; size: number; memberIds: number[] }>();
  for (const [memberId, id] of byMember) {
    if (!groups.has(id)) groups.set(id, { id, language: id.replace(/-\d+$/, ''), size: 0, memberIds: [] });
    const g = groups.get(id)!;
    g.memberIds.push(memberId);
    g.size++;
  }
  const summary = run.summary as { unassigned?: UnassignedInvitee[] };
  const unassigned = (summary.unassigned ?? []).filter((u) => inviteeIds.includes(u.memberId));
  const known = new Set([...byMember.keys(), ...unassigned.map((u) => u.memberId)]);
  return {
    spec: run.spec, by: run.by, optimal: run.optimal, solveMs: run.solveMs, madeAt: run.madeAt,
    groups: [...groups.values()].sort((a, b) => languageOrder(run.spec, a.language) - languageOrder(run.spec, b.language) || a.id.localeCompare(b.id, 'en', { numeric: true })),
    unassigned, notPlanned: inviteeIds.filter((id) => !known.has(id)),
  };
}

/** Position of a language in a spec ('en=2,fr=1,es=1': en 0, fr 1, es 2), so groups list in the order asked. */
function languageOrder(spec: string, language: string): number {
  const i = spec.split(',').map((p) => p.split('=')[0]!.trim()).indexOf(language);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}
