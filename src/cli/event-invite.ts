/** `event invite`, `event uninvite`, `event groups`: who comes, and in which breakout group. */
import { printJson, withDatabase } from './context.js';
import { info, warn, type IO } from './io.js';
import type { MemberFilters, MemberRole } from '../model.js';
import { renderTable } from '../ui/table.js';
import { memberLabel } from '../ids.js';

export interface EventInviteOptions {
  dbPath: string;
  id: number;
  roster?: string;
  role?: MemberRole;
  cohort?: string;
  /** Member IDs, or as typed (member-17, org-4). */
  memberIds?: (number | string)[];
  filters: MemberFilters;
  dryRun?: boolean;
  json?: boolean;
}

export async function runEventInvite(opts: EventInviteOptions, io: IO): Promise<unknown> {
  const { inviteMembers } = await import('../events/invite.js');
  const { resolveMemberRef } = await import('../db/members.js');
  const { suggestedGroups } = await import('../events/breakout.js');
  let groups = '';
  const result = await withDatabase(opts.dbPath, { io, write: true, dryRun: opts.dryRun }, (db) => {
    const memberIds = opts.memberIds?.map((m) => resolveMemberRef(db, m, { what: '--member' }));
    const invited = inviteMembers(db, opts.id, { roster: opts.roster, role: opts.role, cohort: opts.cohort, memberIds, filters: opts.filters }, { dryRun: opts.dryRun });
    if (!invited.dryRun && invited.invited.length) groups = suggestedGroups(db, opts.id);
    return invited;
  });
  if (opts.json) {
    printJson(io, result);
    return result;
  }
  const n = result.invited.length;
  info(io, `${result.dryRun ? 'Dry run: would invite' : 'Invited'} ${n} member${n === 1 ? '' : 's'} (${result.source}) to event ${opts.id}` +
    (result.alreadyInvited.length ? `; ${result.alreadyInvited.length} already invited` : '') + `. ${result.total} invitee${result.total === 1 ? '' : 's'} in all.`);
  if (result.skipped.length) warn(io, `left out, as they declined or withdrew: ${result.skipped.map((s) => `member-${s.memberId} (${s.status})`).join(', ')}; invite one anyway with --member member-N`);
  if (!result.dryRun && n) info(io, `Next: skillsnet event groups ${opts.id} --by language --groups ${groups}, then skillsnet event invitations ${opts.id} --out invitations.csv`);
  return result;
}

export interface EventUninviteOptions {
  dbPath: string;
  id: number;
  /** Member IDs, or as typed (member-17, org-4). */
  memberIds: (number | string)[];
  dryRun?: boolean;
  json?: boolean;
}

export async function runEventUninvite(opts: EventUninviteOptions, io: IO): Promise<unknown> {
  const { uninviteMembers } = await import('../events/invite.js');
  const { resolveMemberRef } = await import('../db/members.js');
  const result = await withDatabase(opts.dbPath, { io, write: true, dryRun: opts.dryRun }, (db) => uninviteMembers(db, opts.id, opts.memberIds.map((m) => resolveMemberRef(db, m, { what: '--member' })), { dryRun: opts.dryRun }));
  if (opts.json) printJson(io, { eventId: opts.id, ...result });
  else {
    info(io, `${result.dryRun ? 'Dry run: would withdraw' : 'Withdrew'} ${result.removed.length} invitation${result.removed.length === 1 ? '' : 's'} from event ${opts.id}.`);
    if (result.notInvited.length) warn(io, `not invited: ${result.notInvited.map((m) => `member-${m}`).join(', ')}`);
  }
  return result;
}

export interface EventGroupsOptions {
  dbPath: string;
  id: number;
  by: string;
  groups: string;
  dryRun?: boolean;
  json?: boolean;
}

export async function runEventGroups(opts: EventGroupsOptions, io: IO): Promise<unknown> {
  const { planBreakoutGroups } = await import('../events/breakout.js');
  const plan = await withDatabase(opts.dbPath, { io, write: true, dryRun: opts.dryRun }, (db) => planBreakoutGroups(db, opts.id, { by: opts.by, groups: opts.groups, dryRun: opts.dryRun }));
  if (opts.json) {
    printJson(io, plan);
    return plan;
  }
  const regions = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${v}`).join(', ');
  io.stdout.write(renderTable(io, ['Group', 'Size', 'Members', 'Regions'], plan.groups.map((g) => [g.id, g.size, g.memberIds.map(memberLabel).join(', '), regions(g.regions)]), { maxWidth: [7, 6, 50, 60] }));
  if (plan.unassigned.length) {
    io.stdout.write(`\nIn no group (${plan.unassigned.length}):\n` + plan.unassigned.map((u) => `  ${memberLabel(u.memberId)}: ${u.reason}\n`).join(''));
  }
  const spread = plan.languages.filter((l) => l.groups > 1).map((l) => `${l.language}: regions off their share by ${l.regionDeviation}, categories by ${l.categoryDeviation}`).join('; ');
  info(io, `${plan.groups.length} groups for ${plan.invitees - plan.unassigned.length} of ${plan.invitees} invitees, sizes within one of each other${spread ? ` (${spread})` : ''}; ` +
    `${plan.optimal ? 'proven optimal' : 'not proven optimal'} (HiGHS, ${plan.solveMs} ms).`);
  // (those without a language can be given one: the list said why, not what to type)
  const { NO_LANGUAGE } = await import('../events/groups.js');
  const unknown = plan.unassigned.filter((u) => u.reason === NO_LANGUAGE);
  if (unknown.length) info(io, `${unknown.length === 1 ? '1 invitee has' : `${unknown.length} invitees have`} no working language on record: give one with skillsnet member set ${memberLabel(unknown[0]!.memberId)} --language LL, then run skillsnet event groups ${opts.id} again.`);
  if (plan.dryRun) info(io, 'Dry run: the groups were not saved.');
  else info(io, `Saved with event ${opts.id}: the invitation sheet (skillsnet event invitations ${opts.id} --out invitations.csv) has each member's group.`);
  return plan;
}
