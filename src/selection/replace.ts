/**
 * A member of a saved roster declined: who takes the place. The best alternate (in the saved
 * reserve order) whose swap keeps every quota of the roster; when none fits, the best-scoring
 * eligible application (the roster's own filters and minimum score) that fits. Applications that
 * already left the roster are never brought back. Recorded in the roster's change history.
 */
import type { DB } from '../db/connection.js';
import { rosterChanges, swapRosterMember } from '../db/rosters.js';
import { OperationError } from '../errors.js';
import { byScore, eligibleCandidates, type Candidate } from './candidates.js';
import { describeQuota } from './quotas.js';
import { memberReasons, swapKeepsQuotas } from './reasons.js';
import { entryJson, loadRoster, type RosterEntryJson, type RosterMember } from './rosters.js';

/** `roster replace --json`. */
export interface RosterReplaceJson {
  roster: string;
  removed: RosterEntryJson;
  added: RosterEntryJson;
  /** 'alternates' when a ranked alternate stepped in, 'eligible' when none fitted and the best eligible application did. */
  from: 'alternates' | 'eligible';
  objective: number;
  saved: boolean;
}

/** A replacement worked out and not yet saved (applyReplacement saves it). */
export interface Replacement {
  /** What `roster replace --json` prints; `saved` turns true once applied. */
  result: RosterReplaceJson;
  leaving: RosterMember;
  incoming: Candidate;
  /** The change history's sentence: who declined and who stepped in. */
  note: string;
  /** The reasons of every member after the swap (quota counts changed with it). */
  memberReasons: Map<number, string[]>;
}

const TOOK_THE_PLACE = 'took the place of';

/** Works out who takes the place of member `id` of roster `name`; nothing is written. */
export function planReplacement(db: DB, name: string, id: number): Replacement {
  const { roster, entries, quotas } = loadRoster(db, name);
  const members = entries.filter((e) => e.role === 'member');
  const leaving = members.find((e) => e.candidate.id === id);
  if (!leaving) {
    const alt = entries.some((e) => e.candidate.id === id);
    throw new OperationError(`application ${id} is not a member of ${name}${alt ? ' (it is an alternate)' : ''}`, {
      hint: `see the members with skillsnet roster show ${name}`,
    });
  }
  const memberCandidates = members.map((e) => e.candidate);
  const left = new Set(rosterChanges(db, name).map((c) => c.removedApplicationId).filter((x): x is number => x !== null));
  left.add(id);
  const excluded = new Set<number>(roster.params.exclude ?? []);
  const fits = (c: Candidate) => !left.has(c.id) && !excluded.has(c.id) && swapKeepsQuotas(memberCandidates, leaving.candidate, c, quotas);

  let from: 'alternates' | 'eligible' = 'alternates';
  let incoming = entries.filter((e) => e.role === 'alternate').map((e) => e.candidate).find(fits);
  const pool = eligibleCandidates(db, { ...(roster.params.filters ?? {}), minScore: roster.params.minScore ?? undefined });
  if (!incoming) {
    from = 'eligible';
    const inRoster = new Set(entries.map((e) => e.candidate.id));
    incoming = pool.filter((c) => !inRoster.has(c.id)).sort(byScore).find(fits);
  }
  if (!incoming) {
    throw new OperationError(`no alternate or eligible application can take the place of ${id} without breaking a quota of ${name}`, {
      hint: `quotas: ${quotas.map(describeQuota).join('; ')}. Run skillsnet select again with --exclude ${id} and a new --name`,
    });
  }
  const stepping = incoming;
  const after = [...memberCandidates.filter((c) => c.id !== id), stepping];
  const include = new Set<number>(roster.params.include ?? []);
  // Every member's reasons are recounted on the new roster (a quota that had a spare may now
  // have none); what earlier swaps recorded stays.
  const recounted = memberReasons(after, pool.some((c) => c.id === stepping.id) ? pool : [...pool, stepping], quotas, include, after.length);
  for (const e of members) {
    if (e.candidate.id === id) continue;
    recounted.get(e.candidate.id)!.push(...e.reasons.filter((r) => r.startsWith(TOOK_THE_PLACE)));
  }
  const reasons = recounted.get(stepping.id)!;
  const note = `#${id} ${leaving.candidate.organization} declined; replaced by #${stepping.id} ${stepping.organization} (${from === 'alternates' ? 'best alternate' : 'best eligible application'} that keeps every quota)`;
  reasons.push(`${TOOK_THE_PLACE} #${id} ${leaving.candidate.organization}, who declined`);
  const objective = Math.round(after.reduce((s, c) => s + c.score, 0) * 1e4) / 1e4;
  return {
    result: {
      roster: name,
      removed: entryJson(leaving),
      added: entryJson({ rank: leaving.rank, reasons, candidate: stepping }),
      from,
      objective,
      saved: false,
    },
    leaving,
    incoming: stepping,
    note,
    memberReasons: recounted,
  };
}

/** Saves a replacement: the swap, every member's recounted reasons, the objective and the change record (one transaction). */
export function applyReplacement(db: DB, replacement: Replacement): void {
  const { result } = replacement;
  swapRosterMember(db, result.roster, {
    removedId: replacement.leaving.candidate.id,
    addedId: replacement.incoming.id,
    addedReasons: result.added.reasons,
    memberReasons: replacement.memberReasons,
    objective: result.objective,
    note: replacement.note,
  });
  result.saved = true;
}
