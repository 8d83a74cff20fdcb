/**
 * A member of a saved roster declined: who takes the place. The best alternate (in the saved
 * reserve order) whose swap keeps every quota of the roster; when none fits, the best-scoring
 * eligible application (the roster's own filters and minimum score) that fits. Applications that
 * already left the roster are never brought back. When nobody fits, the quotas that block are
 * named (the fewest, found exactly by the solver) and the officer may leave the seat open or
 * relax those quotas for this replacement. Recorded in the roster's change history; the
 * alternates' "can replace" lists are recounted on the members who stay.
 */
import type { DB } from '../db/connection.js';
import { getApplication } from '../db/applications.js';
import { memberOfOrganization, memberRecord } from '../db/members.js';
import { rosterChanges, swapRosterMember } from '../db/rosters.js';
import { OperationError, UsageError } from '../errors.js';
import { byScore, byTieBreak, eligibleCandidates, type Candidate } from './candidates.js';
import { smallestRelaxation } from './infeasibility.js';
import { boundsText, describeQuota, parseQuotaRef, quotaLabel, type Quota } from './quotas.js';
import { applyRanking } from './ranking.js';
import { memberReasons, replaceableBy, replacesSentence, swapKeepsQuotas } from './reasons.js';
import { entryJson, loadRoster, type RosterEntryJson, type RosterMember } from './rosters.js';
import { shellArg } from '../text.js';

/** `roster replace --json`. */
export interface RosterReplaceJson {
  roster: string;
  removed: RosterEntryJson;
  /** Who took the place; null when the seat was left open. */
  added: RosterEntryJson | null;
  /**
   * 'alternates' when a ranked alternate stepped in, 'eligible' when none fitted and the best
   * eligible application did, 'open' when the seat was left open (--leave-open).
   */
  from: 'alternates' | 'eligible' | 'open';
  /** Quotas relaxed for this replacement (--relax), as "region Asia and the Pacific at least 3". */
  relaxed: string[];
  objective: number;
  saved: boolean;
}

/** How a replacement may bend the roster when nobody fits. */
export interface ReplacementOptions {
  /** Nobody steps in: the member leaves and the seat stays open. */
  leaveOpen?: boolean;
  /** Quotas ("feature=value", e.g. "region=Asia and the Pacific") that the incoming application may break. */
  relax?: string[];
  /**
   * Replacements worked out just before this one and not yet saved (several members withdrawn at
   * once): their members are gone and their incoming members seated, so that two seats are not
   * both offered to the same alternate.
   */
  afterSwaps?: readonly { leaving: number; incoming: number | null }[];
}

/** A replacement worked out and not yet saved (applyReplacement saves it). */
export interface Replacement {
  /** What `roster replace --json` prints; `saved` turns true once applied. */
  result: RosterReplaceJson;
  leaving: RosterMember;
  /** Null when the seat is left open. */
  incoming: Candidate | null;
  /** The change history's sentence: who declined (left, withdrew) and who stepped in. */
  note: string;
  /** The reasons of every member after the swap (quota counts changed with it). */
  memberReasons: Map<number, string[]>;
  /** The reasons of the alternates who remain, their "can replace" recounted on the new members. */
  alternateReasons: Map<number, string[]>;
}

/** A quota that blocks every replacement, and how far the roster can meet it. */
export interface BindingQuota {
  feature: Quota['feature'];
  value: string;
  min: number;
  max: number | null;
  /** "region Asia and the Pacific at least 3" */
  quota: string;
  /** The solver's sentence: how far it can be met. */
  reason: string;
}

const TOOK_THE_PLACE = 'took the place of';

/** Works out who takes the place of member `id` of roster `name`; nothing is written. */
export async function planReplacement(db: DB, name: string, id: number, options: ReplacementOptions = {}): Promise<Replacement> {
  const { roster, entries, quotas } = loadRoster(db, name);
  if (options.leaveOpen && options.relax?.length) throw new UsageError('--leave-open and --relax are two different answers', { hint: 'leave the seat open, or relax a quota so that someone can take it' });
  const members = entries.filter((e) => e.role === 'member');
  const leaving = members.find((e) => e.candidate.id === id);
  if (!leaving) {
    const alt = entries.some((e) => e.candidate.id === id);
    // (the same replace run twice: say it was done, and by whom, rather than "not a member")
    const done = rosterChanges(db, name).filter((c) => c.removedApplicationId === id).at(-1);
    const gone = done
      ? ` any more: it left on ${done.changedAt.slice(0, 10)}, ${done.addedApplicationId === null ? 'its seat left open' : `replaced by #${done.addedApplicationId}`}`
      : alt ? ' (it is an alternate)' : '';
    throw new OperationError(`application ${id} is not a member of ${name}${gone}`, {
      hint: `see the members with skillsnet roster show ${shellArg(name)}`,
    });
  }
  const relaxed = relaxedQuotas(quotas, options.relax ?? [], name);
  const swaps = options.afterSwaps ?? [];
  const left = new Set(rosterChanges(db, name).map((c) => c.removedApplicationId).filter((x): x is number => x !== null));
  left.add(id);
  for (const swap of swaps) left.add(swap.leaving);
  // Ranked as the selection ranked: the roster's filters, minimum score, scales and order.
  const pool = applyRanking(eligibleCandidates(db, { ...(roster.params.filters ?? {}), minScore: roster.params.minScore ?? undefined }), roster.params);
  const seated = swaps.flatMap((swap) => {
    const c = swap.incoming === null ? undefined : entries.find((e) => e.candidate.id === swap.incoming)?.candidate ?? pool.find((p) => p.id === swap.incoming);
    return c ? [c] : [];
  });
  for (const c of seated) left.add(c.id);
  const memberCandidates = [...members.map((e) => e.candidate).filter((c) => !swaps.some((swap) => swap.leaving === c.id)), ...seated];
  const excluded = new Set<number>(roster.params.exclude ?? []);
  const include = new Set<number>(roster.params.include ?? []);
  const available = (c: Candidate) => !left.has(c.id) && !excluded.has(c.id);
  const alternates = entries.filter((e) => e.role === 'alternate').map((e) => e.candidate);
  const inRoster = new Set(entries.map((e) => e.candidate.id));
  const outsiders = pool.filter((c) => !inRoster.has(c.id)).sort(byScore);

  let from: RosterReplaceJson['from'] = 'open';
  let incoming: Candidate | undefined;
  let relaxedUsed: Quota[] = [];
  if (!options.leaveOpen) {
    // Every quota first; the relaxed ones only when nobody keeps them all.
    for (const inForce of relaxed.length ? [quotas, quotas.filter((q) => !relaxed.includes(q))] : [quotas]) {
      const fits = (c: Candidate) => available(c) && swapKeepsQuotas(memberCandidates, leaving.candidate, c, inForce);
      incoming = alternates.find(fits);
      from = 'alternates';
      if (!incoming) {
        incoming = outsiders.find(fits);
        from = 'eligible';
      }
      if (incoming) {
        relaxedUsed = inForce === quotas ? [] : relaxed;
        break;
      }
    }
    if (!incoming) {
      throw await nobodyFits(name, leaving, memberCandidates.filter((c) => c.id !== id), [...alternates, ...outsiders].filter(available), quotas, relaxed);
    }
  }

  const stepping = incoming ?? null;
  const after = [...memberCandidates.filter((c) => c.id !== id), ...(stepping ? [stepping] : [])];
  // Every member's reasons are recounted on the new roster (a quota that had a spare may now
  // have none); what earlier swaps recorded stays.
  const eligible = stepping && !pool.some((c) => c.id === stepping.id) ? [...pool, stepping] : pool;
  const recounted = memberReasons(after, eligible, quotas, include, after.length);
  for (const e of members) {
    // (a member gone in one of afterSwaps has no reasons any more)
    if (e.candidate.id === id) continue;
    recounted.get(e.candidate.id)?.push(...e.reasons.filter((r) => r.startsWith(TOOK_THE_PLACE)));
  }
  const relaxedText = relaxedUsed.map(describeQuota);
  const why = from === 'alternates' ? 'best alternate' : 'best eligible application';
  const kept = relaxedText.length ? `that keeps every other quota; relaxed: ${relaxedText.join('; ')}` : 'that keeps every quota';
  const did = whatTheMemberDid(db, leaving.candidate);
  const note = stepping
    ? `#${id} ${leaving.candidate.organization} ${did}; replaced by #${stepping.id} ${stepping.organization} (${why} ${kept})`
    : `#${id} ${leaving.candidate.organization} ${did}; the seat is left open`;
  if (stepping) recounted.get(stepping.id)!.push(`${TOOK_THE_PLACE} #${id} ${leaving.candidate.organization}, who ${did}`);

  // The alternates who remain: whom they can replace now (never the member who left).
  const alternateReasons = new Map<number, string[]>();
  for (const e of entries.filter((x) => x.role === 'alternate' && x.candidate.id !== stepping?.id)) {
    const replaces = replaceableBy(after, e.candidate, quotas, include);
    alternateReasons.set(e.candidate.id, [...e.reasons.filter((r) => !r.startsWith('can replace')), replacesSentence(replaces, after.length)]);
  }
  const objective = Math.round(after.reduce((s, c) => s + c.score, 0) * 1e4) / 1e4;
  return {
    result: {
      roster: name,
      removed: entryJson(leaving),
      added: stepping ? entryJson({ rank: leaving.rank, reasons: recounted.get(stepping.id)!, candidate: stepping }) : null,
      from,
      relaxed: relaxedText,
      objective,
      saved: false,
    },
    leaving,
    incoming: stepping,
    note,
    memberReasons: recounted,
    alternateReasons,
  };
}

/**
 * Why the seat is being given up, as the records say: "withdrew" when the application itself was
 * withdrawn, "left" when its organisation's member left the Network (status withdrawn), else
 * "declined" (the seat's usual end, and what an officer replacing by hand means).
 */
export function whatTheMemberDid(db: DB, leaving: Pick<Candidate, 'id' | 'organizationId'>): 'withdrew' | 'left' | 'declined' {
  if (getApplication(db, leaving.id)?.withdrawnAt) return 'withdrew';
  const memberId = leaving.organizationId == null ? null : memberOfOrganization(db, leaving.organizationId);
  if (memberId !== null && memberRecord(db, memberId)?.status === 'withdrawn') return 'left';
  return 'declined';
}

/** Saves a replacement: the swap (or the open seat), every member's and alternate's recounted reasons, the objective and the change record (one transaction). */
export function applyReplacement(db: DB, replacement: Replacement): void {
  const { result } = replacement;
  swapRosterMember(db, result.roster, {
    removedId: replacement.leaving.candidate.id,
    addedId: replacement.incoming?.id ?? null,
    addedReasons: result.added?.reasons ?? [],
    memberReasons: replacement.memberReasons,
    alternateReasons: replacement.alternateReasons,
    objective: result.objective,
    note: replacement.note,
  });
  result.saved = true;
}

/** The roster's quotas named by --relax; a name that is no quota of the roster is a usage error listing some that are. */
function relaxedQuotas(quotas: Quota[], refs: string[], roster: string): Quota[] {
  const found: Quota[] = [];
  for (const ref of refs) {
    const { feature, value } = parseQuotaRef(ref, '--relax');
    const q = quotas.find((x) => x.feature === feature && x.value.toLowerCase() === value.toLowerCase());
    if (!q) {
      const same = quotas.filter((x) => x.feature === feature).map((x) => `${x.feature}=${x.value}`);
      throw new UsageError(`--relax: roster ${roster} has no quota on ${quotaLabel(feature, value)}`, {
        hint: same.length ? `its ${feature} quotas: ${same.slice(0, 8).join(', ')}${same.length > 8 ? ', …' : ''}` : `it has no ${feature} quota (skillsnet roster show ${shellArg(roster)})`,
      });
    }
    if (!found.includes(q)) found.push(q);
  }
  return found;
}

/**
 * Nobody can take the place: the fewest quotas that block every candidate, found exactly (the
 * members who stay forced in, one seat to fill from the alternates and eligible applications),
 * named with how far they can be met, and the two ways on: leave the seat open, or relax them.
 */
async function nobodyFits(name: string, leaving: RosterMember, stay: Candidate[], pool: Candidate[], quotas: Quota[], relaxed: Quota[]): Promise<OperationError> {
  const id = leaving.candidate.id;
  const ids = new Set(stay.map((c) => c.id));
  const others = pool.filter((c) => !ids.has(c.id) && (ids.add(c.id), true));
  // The officer's --relax already set those aside: the rest must be named.
  const inForce = quotas.filter((q) => !relaxed.includes(q));
  const problem = { size: stay.length + 1, candidates: [...stay, ...others].sort(byTieBreak), quotas: inForce, include: new Set(stay.map((c) => c.id)) };
  const relaxation = others.length ? await smallestRelaxation(problem) : null;
  const leaveOpen = `leave the seat open: skillsnet roster replace ${shellArg(name)} ${id} --leave-open`;
  if (!relaxation || relaxation.quotas.length === 0) {
    return new OperationError(`no alternate or eligible application is left to take the place of #${id} in ${name}`, {
      hint: `${leaveOpen}; or select again: skillsnet select … --exclude ${id} --name ${shellArg(`${name}-2`)}`,
      json: { roster: name, removed: id, replaced: false, binding: [] },
    });
  }
  const binding: BindingQuota[] = relaxation.quotas.map((qi, k) => {
    const q = inForce[qi];
    return { feature: q.feature, value: q.value, min: q.min, max: q.max, quota: `${quotaLabel(q.feature, q.value, q.name)} ${boundsText(q.min, q.max)}`, reason: relaxation.conflicts[k] };
  });
  const lines = binding.map((b) => `  - ${b.quota}: ${b.reason.replace(/^[^:]*: /, '').replace(/^.*, but /, '')}`).join('\n');
  const already = relaxed.length ? ` (even with ${relaxed.map(describeQuota).join('; ')} relaxed)` : '';
  const relaxFlags = binding.map((b) => `--relax "${b.feature}=${b.value}"`).join(' ');
  return new OperationError(
    `no alternate or eligible application can take the place of #${id} in ${name} without breaking ${binding.length === 1 ? 'this quota' : `these ${binding.length} quotas`}${already}:\n${lines}`,
    {
      hint: `${leaveOpen}; or relax ${binding.length === 1 ? 'it' : 'them'} for this replacement: skillsnet roster replace ${shellArg(name)} ${id} ${relaxFlags}`,
      json: { roster: name, removed: id, replaced: false, binding },
    },
  );
}
