import type { SelectJsonEntry } from './select.js';
import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { canPrompt, info, type IO } from './io.js';
import { OperationError, UsageError } from '../errors.js';
import type { DB } from '../db/connection.js';
import type { ApplicationFilters } from '../model.js';
import { deleteRoster, getRoster, listRosters, rosterChanges, rosterEntries, swapRosterMember, type RosterChange, type RosterInfo } from '../db/rosters.js';
import { listApplications } from '../db/applications.js';
import { combinedScores } from '../db/scores.js';
import { byScore, toCandidate, type Candidate } from '../selection/candidates.js';
import { coverage, type Coverage } from '../selection/coverage.js';
import { memberReasons, swapKeepsQuotas } from '../selection/reasons.js';
import { boundsText, describeQuota, quotaLabel, type Feature, type Quota } from '../selection/quotas.js';
import { renderCoverage, renderRosterTable } from '../ui/roster.js';
import { renderTable } from '../ui/table.js';

/** A member or alternate as `roster show --json` prints it: select's entry with its rank. */
export type RosterEntryJson = Omit<SelectJsonEntry, 'scoreSource'> & { rank: number };

export interface RosterShowJson extends Omit<RosterInfo, 'members' | 'alternates'> {
  members: RosterEntryJson[];
  alternates: RosterEntryJson[];
  changes: RosterChange[];
  coverage: Coverage;
}

function unknownRoster(db: DB, name: string): OperationError {
  const names = listRosters(db).map((r) => r.name);
  return new OperationError(`no roster named ${name}`, {
    hint: names.length ? `saved rosters: ${names.join(', ')}` : 'make one with skillsnet select --size N --name NAME',
  });
}

/** A roster with its entries as selection candidates (today's data and scores). */
function loadRoster(db: DB, name: string) {
  const roster = getRoster(db, name);
  if (!roster) throw unknownRoster(db, name);
  const combined = combinedScores(db);
  const entries = rosterEntries(db, name).map((e) => ({ ...e, candidate: toCandidate(e.application, combined.get(e.application.id)?.combined) }));
  const quotas = (Array.isArray(roster.params.quotas) ? roster.params.quotas : []) as Quota[];
  return { roster, entries, quotas, combined };
}

function entryJson(e: { rank: number; reasons: string[]; candidate: Candidate }): RosterEntryJson {
  const c = e.candidate;
  return { rank: e.rank, id: c.id, organization: c.organization, region: c.region, country: c.country, language: c.language, categories: c.categories, score: c.score, reasons: e.reasons };
}

export interface RosterShowOptions {
  dbPath: string;
  name: string;
  json?: boolean;
}

export async function runRosterShow(opts: RosterShowOptions, io: IO): Promise<RosterShowJson> {
  const result = await withDatabase(opts.dbPath, { create: false }, (db) => {
    const { roster, entries, quotas } = loadRoster(db, opts.name);
    const members = entries.filter((e) => e.role === 'member');
    const { members: _m, alternates: _a, ...rest } = roster;
    return {
      ...rest,
      members: members.map(entryJson),
      alternates: entries.filter((e) => e.role === 'alternate').map(entryJson),
      changes: rosterChanges(db, opts.name),
      coverage: coverage(members.map((m) => m.candidate), quotas),
    } satisfies RosterShowJson;
  });
  if (opts.json) {
    printJson(io, result);
    return result;
  }
  const c = io.color;
  io.stdout.write(c.bold(`Roster ${result.name}`) + c.dim(` · saved ${result.createdAt.replace('T', ' ').slice(0, 16)} UTC`) + '\n');
  io.stdout.write(`${result.members.length} members, total score ${result.objective ?? '?'} (${result.optimal ? 'proven optimal' : `solver: ${result.solverStatus}`})\n`);
  const quotas = (Array.isArray(result.params.quotas) ? result.params.quotas : []) as Quota[];
  if (quotas.length) io.stdout.write(c.dim(`Quotas: ${summariseQuotas(result.params)}`) + '\n');
  io.stdout.write('\n' + renderRosterTable(io, result.members, { reasons: io.stdoutIsTTY }));
  if (result.alternates.length) {
    io.stdout.write('\n' + c.bold('Alternates') + '\n' + renderRosterTable(io, result.alternates, { reasons: io.stdoutIsTTY }));
  }
  if (result.changes.length) {
    io.stdout.write('\n' + c.bold('Changes') + '\n');
    for (const ch of result.changes) io.stdout.write(`  ${ch.changedAt.replace('T', ' ').slice(0, 16)}  ${ch.note ?? `#${ch.removedApplicationId} → #${ch.addedApplicationId}`}\n`);
  }
  if (io.stdoutIsTTY) io.stdout.write('\n' + renderCoverage(io, result.coverage));
  return result;
}

/** The quota flags as the officer gave them, for a one-line reminder. */
function summariseQuotas(params: Record<string, unknown>): string {
  const rules = (Array.isArray(params.rules) ? params.rules : []) as { source: string }[];
  const sources = [...new Set(rules.map((r) => r.source.replace(/ line \d+$/, '')))];
  return [`--size ${params.size}`, ...sources].join(' ');
}

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

interface SavedRule { feature: Feature; value: string; min: number; max: number | null; source?: string }

/** "region (each) at least 3 (--min-per-region 3)", "language fr at least 2 (quotas.csv line 4)". */
function ruleText(r: SavedRule): string {
  const what = r.value === '*' ? `${r.feature === 'organizationType' ? 'organisation type' : r.feature === 'organization' ? 'organisation' : r.feature} (each)` : quotaLabel(r.feature, r.value);
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
    const rulesOf = (v: unknown) => (Array.isArray(v) ? (v as SavedRule[]) : []);
    const key = (r: SavedRule) => JSON.stringify([r.feature, r.value, r.min, r.max]);
    const keysA = new Set(rulesOf(va).map(key));
    const keysB = new Set(rulesOf(vb).map(key));
    for (const r of rulesOf(va)) if (!keysB.has(key(r))) lines.push(`quota only in ${diff.a}: ${ruleText(r)}`);
    for (const r of rulesOf(vb)) if (!keysA.has(key(r))) lines.push(`quota only in ${diff.b}: ${ruleText(r)}`);
  }
  return lines;
}

export async function runRosterDiff(opts: { dbPath: string; a: string; b: string; json?: boolean }, io: IO): Promise<RosterDiffJson> {
  const result = await withDatabase(opts.dbPath, { create: false }, (db) => {
    const A = loadRoster(db, opts.a);
    const B = loadRoster(db, opts.b);
    const membersOf = (r: typeof A) => r.entries.filter((e) => e.role === 'member');
    const idsA = new Set(membersOf(A).map((e) => e.candidate.id));
    const idsB = new Set(membersOf(B).map((e) => e.candidate.id));
    const params: Record<string, [unknown, unknown]> = {};
    for (const key of new Set([...Object.keys(A.roster.params), ...Object.keys(B.roster.params)])) {
      if (key === 'quotas' || key === 'modelSize') continue;
      const va = A.roster.params[key] ?? null;
      const vb = B.roster.params[key] ?? null;
      if (JSON.stringify(va) !== JSON.stringify(vb)) params[key] = [va, vb];
    }
    return {
      a: opts.a,
      b: opts.b,
      onlyInA: membersOf(A).filter((e) => !idsB.has(e.candidate.id)).map(entryJson),
      onlyInB: membersOf(B).filter((e) => !idsA.has(e.candidate.id)).map(entryJson),
      inBoth: [...idsA].filter((id) => idsB.has(id)).sort((x, y) => x - y),
      objective: { a: A.roster.objective, b: B.roster.objective },
      params,
    };
  });
  if (opts.json) {
    printJson(io, result);
    return result;
  }
  const c = io.color;
  io.stdout.write(`${result.inBoth.length} members in both; ${result.onlyInA.length} only in ${result.a}; ${result.onlyInB.length} only in ${result.b}.\n`);
  io.stdout.write(`Total score: ${result.a} ${result.objective.a ?? '?'}, ${result.b} ${result.objective.b ?? '?'}\n`);
  const rows = [
    ...result.onlyInA.map((e) => [`- ${result.a}`, e.id, e.organization, e.country ?? '', e.region ?? '', e.language ?? '', Number(e.score.toFixed(3))]),
    ...result.onlyInB.map((e) => [`+ ${result.b}`, e.id, e.organization, e.country ?? '', e.region ?? '', e.language ?? '', Number(e.score.toFixed(3))]),
  ];
  if (rows.length) io.stdout.write('\n' + renderTable(io, ['Only in', 'ID', 'Organisation', 'Country', 'Region', 'Lang', 'Score'], rows));
  const lines = paramDiffLines(result);
  if (lines.length) {
    io.stdout.write('\n' + c.bold('Parameters that differ') + '\n');
    for (const line of lines) io.stdout.write(`  ${line}\n`);
  }
  return result;
}

const TOOK_THE_PLACE = 'took the place of';

export interface RosterReplaceJson {
  roster: string;
  removed: RosterEntryJson;
  added: RosterEntryJson;
  /** 'alternates' when a ranked alternate stepped in, 'eligible' when none fitted and the best eligible application did. */
  from: 'alternates' | 'eligible';
  objective: number;
  saved: boolean;
}

/**
 * A member declined: the best alternate (in the saved reserve order) whose swap keeps
 * every quota of the roster takes the place; when no saved alternate fits, the best-scoring
 * eligible application (same filters) that fits. Applications that already left the roster
 * are never brought back. Recorded in the roster's change history.
 */
export async function runRosterReplace(opts: { dbPath: string; name: string; id: number; dryRun?: boolean; json?: boolean }, io: IO): Promise<RosterReplaceJson> {
  return withDatabase(opts.dbPath, { create: false }, async (db) => {
    const { roster, entries, quotas, combined } = loadRoster(db, opts.name);
    const members = entries.filter((e) => e.role === 'member');
    const leaving = members.find((e) => e.candidate.id === opts.id);
    if (!leaving) {
      const alt = entries.some((e) => e.candidate.id === opts.id);
      throw new OperationError(`application ${opts.id} is not a member of ${opts.name}${alt ? ' (it is an alternate)' : ''}`, {
        hint: `see the members with skillsnet roster show ${opts.name}`,
      });
    }
    const memberCandidates = members.map((e) => e.candidate);
    const left = new Set(rosterChanges(db, opts.name).map((c) => c.removedApplicationId).filter((x): x is number => x !== null));
    left.add(opts.id);
    const excluded = new Set<number>((roster.params.exclude as number[] | undefined) ?? []);
    const fits = (c: Candidate) => !left.has(c.id) && !excluded.has(c.id) && swapKeepsQuotas(memberCandidates, leaving.candidate, c, quotas);

    let from: 'alternates' | 'eligible' = 'alternates';
    let incoming = entries.filter((e) => e.role === 'alternate').map((e) => e.candidate).find(fits);
    const filters = { ...((roster.params.filters as ApplicationFilters | undefined) ?? {}) };
    delete filters.minScore;
    const minScore = roster.params.minScore as number | null | undefined;
    const pool = listApplications(db, filters)
      .map((a) => toCandidate(a, combined.get(a.id)?.combined))
      .filter((c) => minScore === null || minScore === undefined || (c.scoreSource !== 'none' && c.score >= minScore));
    if (!incoming) {
      from = 'eligible';
      const inRoster = new Set(entries.map((e) => e.candidate.id));
      incoming = pool.filter((c) => !inRoster.has(c.id)).sort(byScore).find(fits);
    }
    if (!incoming) {
      throw new OperationError(`no alternate or eligible application can take the place of ${opts.id} without breaking a quota of ${opts.name}`, {
        hint: `quotas: ${quotas.map(describeQuota).join('; ')}. Run skillsnet select again with --exclude ${opts.id} and a new --name`,
      });
    }
    const after = [...memberCandidates.filter((c) => c.id !== opts.id), incoming];
    const include = new Set<number>((roster.params.include as number[] | undefined) ?? []);
    // Every member's reasons are recounted on the new roster (a quota that had a spare may now
    // have none); what earlier swaps recorded stays.
    const recounted = memberReasons(after, pool.some((c) => c.id === incoming!.id) ? pool : [...pool, incoming], quotas, include, after.length);
    for (const e of members) {
      if (e.candidate.id === opts.id) continue;
      recounted.get(e.candidate.id)!.push(...e.reasons.filter((r) => r.startsWith(TOOK_THE_PLACE)));
    }
    const reasons = recounted.get(incoming.id)!;
    const note = `#${opts.id} ${leaving.candidate.organization} declined; replaced by #${incoming.id} ${incoming.organization} (${from === 'alternates' ? 'best alternate' : 'best eligible application'} that keeps every quota)`;
    reasons.push(`${TOOK_THE_PLACE} #${opts.id} ${leaving.candidate.organization}, who declined`);
    const objective = Math.round(after.reduce((s, c) => s + c.score, 0) * 1e4) / 1e4;
    const result: RosterReplaceJson = {
      roster: opts.name,
      removed: entryJson(leaving),
      added: entryJson({ rank: leaving.rank, reasons, candidate: incoming }),
      from,
      objective,
      saved: false,
    };
    let go = !opts.dryRun;
    if (go && !opts.json && canPrompt(io) && !io.yes) {
      go = await (await io.prompts()).confirm(`Replace #${opts.id} ${leaving.candidate.organization} by #${incoming.id} ${incoming.organization} in ${opts.name}?`, true);
    }
    if (go) {
      swapRosterMember(db, opts.name, { removedId: opts.id, addedId: incoming.id, addedReasons: reasons, memberReasons: recounted, objective, note });
      result.saved = true;
    }
    if (opts.json) printJson(io, result);
    else {
      io.stdout.write(`${note}.\n`);
      io.stdout.write(`New total score ${objective}.\n`);
      info(io, result.saved ? `Saved. See the roster with: skillsnet roster show ${opts.name}` : 'Nothing saved.');
    }
    return result;
  });
}

/** Deletes a saved roster after a yes on a terminal, or with --yes elsewhere. */
export async function runRosterDelete(opts: { dbPath: string; name: string; json?: boolean }, io: IO): Promise<{ roster: string; deleted: boolean }> {
  return withDatabase(opts.dbPath, { create: false }, async (db) => {
    const roster = getRoster(db, opts.name);
    if (!roster) throw unknownRoster(db, opts.name);
    let go = io.yes;
    if (!go && canPrompt(io)) {
      go = await (await io.prompts()).confirm(`Delete roster ${opts.name} (${roster.members} members, saved ${roster.createdAt.slice(0, 10)}) and its history?`, false);
    } else if (!go) {
      throw new OperationError(`deleting roster ${opts.name} needs confirmation`, { hint: `add --yes: skillsnet roster delete ${opts.name} --yes` });
    }
    const result = { roster: opts.name, deleted: go ? deleteRoster(db, opts.name) : false };
    if (opts.json) printJson(io, result);
    else info(io, result.deleted ? `Deleted roster ${opts.name}.` : 'Nothing deleted.');
    return result;
  });
}

export function registerRoster(program: Command, ctx: CliContext): void {
  const roster = program
    .command('roster')
    .description('show, compare, amend or delete a saved roster')
    .addHelpText(
      'after',
      '\nExamples:\n  skillsnet roster show core-2020\n  skillsnet roster diff core-2020 core-2020-strict\n' +
        '  skillsnet roster replace core-2020 17     # #17 declined: the best alternate that keeps every quota steps in\n' +
        '  skillsnet roster delete trial-1',
    );
  roster
    .command('show')
    .description('show a saved roster: members with their reasons, alternates, changes and coverage')
    .argument('<name>', 'roster name (see skillsnet rosters)')
    .option('--json', 'print it as JSON')
    .addHelpText('after', '\nExamples:\n  skillsnet roster show core-2020\n  skillsnet roster show core-2020 --json > core-2020.json')
    .action(async (name: string, flags: { json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runRosterShow({ dbPath, name, json: flags.json }, io);
    });
  roster
    .command('diff')
    .description('compare the members and parameters of two saved rosters')
    .argument('<a>', 'first roster')
    .argument('<b>', 'second roster')
    .option('--json', 'print {"onlyInA", "onlyInB", "inBoth", "objective", "params"}')
    .addHelpText('after', '\nExamples:\n  skillsnet roster diff core-2020 core-2020-strict')
    .action(async (a: string, b: string, flags: { json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runRosterDiff({ dbPath, a, b, json: flags.json }, io);
    });
  roster
    .command('replace')
    .description('a member declined: swap in the best alternate that keeps every quota, and record the change')
    .argument('<name>', 'roster name')
    .argument('<id>', 'application ID of the member who declined')
    .option('--dry-run', 'say who would step in, without saving')
    .option('--json', 'print the change as JSON')
    .addHelpText('after', '\nExamples:\n  skillsnet roster replace core-2020 17\n  skillsnet roster replace core-2020 17 --dry-run')
    .action(async (name: string, idText: string, flags: { dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      const id = Number(idText.replace(/^#/, ''));
      if (!Number.isInteger(id) || id <= 0) throw new UsageError(`"${idText}" is not an application ID`, { hint: `see the members with skillsnet roster show ${name}` });
      await runRosterReplace({ dbPath, name, id, dryRun: flags.dryRun, json: flags.json }, io);
    });
  roster
    .command('delete')
    .description('delete a saved roster and its change history (asks first; --yes off a terminal)')
    .argument('<name>', 'roster name')
    .option('--json', 'print {"roster", "deleted"}')
    .addHelpText('after', '\nExamples:\n  skillsnet roster delete trial-1\n  skillsnet --yes roster delete trial-1')
    .action(async (name: string, flags: { json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runRosterDelete({ dbPath, name, json: flags.json }, io);
    });
}
