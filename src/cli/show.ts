import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, personalOutput, type IO } from './io.js';
import { OperationError, UsageError } from '../errors.js';
import { memberLabel, parseId } from '../ids.js';
import { applicationDetails, type ApplicationDetails } from '../db/details.js';
import { categoryName } from '../tagging/taxonomy.js';
import { scoreDetails, type ScoreDetails } from '../selection/scores.js';
import { duplicatesOfApplication, type LooksLike } from '../import/duplicates.js';
import { organizationHistory, type OrganizationHistory, type TimelineItem } from '../network/organizations.js';
import { rowHistory } from '../db/history.js';
import { getPerson } from '../db/organizations.js';
import { memberOfPerson } from '../db/members.js';
import { wrap } from '../ui/wrap.js';

/** Where a language came from, in words. */
const SOURCE: Record<string, string> = { column: 'from the file', detected: 'detected from the text', officer: 'set by an officer' };

export interface ShowOptions {
  dbPath: string;
  id: number;
  json?: boolean;
  raw?: boolean;
}

/**
 * show --json: the application's details, its reviewer scores (raw and combined) and the
 * applications of its call it looks like (same rules as import's likely-duplicate warning).
 */
export type ShowResult = ApplicationDetails & {
  scores: ScoreDetails;
  likelyDuplicates: LooksLike[];
  /** Its organisation across calls ("org-4"), with that organisation's history; null before organisations existed. */
  organization: { id: string; organizationId: number; name: string; memberId: number | null; calls: string[]; timeline: TimelineItem[] } | null;
  /** Officers' changes to the application (edit, merge, withdraw), latest first. */
  changes: { id: number; action: string; madeAt: string; fields: string[] }[];
};

export async function runShow(opts: ShowOptions, io: IO): Promise<ShowResult> {
  const details = await withDatabase(opts.dbPath, { create: false, io }, (db) => {
    const found = applicationDetails(db, opts.id);
    if (!found) return undefined;
    const orgId = found.application.organizationId;
    const history = orgId !== null ? organizationHistory(db, orgId) : null;
    const changes = new Map<number, { id: number; action: string; madeAt: string; fields: string[] }>();
    for (const v of rowHistory(db, 'applications', opts.id)) {
      const c = changes.get(v.historyId) ?? { id: v.historyId, action: v.action, madeAt: v.madeAt, fields: [] };
      if (v.column && !c.fields.includes(v.column)) c.fields.push(v.column);
      changes.set(v.historyId, c);
    }
    return {
      ...found, scores: scoreDetails(db, opts.id), likelyDuplicates: duplicatesOfApplication(db, opts.id),
      organization: history ? {
        id: history.organization.kumuId, organizationId: history.organization.id, name: history.organization.name, memberId: history.member?.id ?? null,
        calls: [...new Set(history.applications.map((a) => a.call))], timeline: history.timeline,
      } : null,
      changes: [...changes.values()],
    };
  });
  if (!details) {
    throw new OperationError(`no application with ID ${opts.id}`, { hint: 'find IDs with skillsnet list (the ID column)' });
  }
  personalOutput(io);
  if (opts.json) {
    printJson(io, details);
    return details;
  }
  const a = details.application;
  const c = io.color;
  const line = (label: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') io.stdout.write(`${c.dim(label.padEnd(15))} ${fitted(io, String(value), 16)}\n`);
  };
  io.stdout.write(c.bold(`#${a.id} ${a.organization}`) + '\n');
  line('Application', a.externalId);
  line('Call', a.call);
  line('Type', a.organizationType);
  line('Contact', [a.contactName, a.email, a.phone].filter(Boolean).join(' · '));
  line('Website', a.website);
  const country = a.country ? `${a.country}${a.countryRaw && a.countryRaw !== a.country ? ` (written "${a.countryRaw}")` : ''}` : a.countryRaw ? `"${a.countryRaw}" (not recognised)` : null;
  line('Country', country);
  line('Region', a.region);
  line('Language', a.language ? `${a.language}${details.languageSources.language ? ` (${SOURCE[details.languageSources.language] ?? details.languageSources.language})` : ''}` : null);
  line('Works in', a.workingLanguage ? `${a.workingLanguage}${details.languageSources.workingLanguage ? ` (${SOURCE[details.languageSources.workingLanguage] ?? details.languageSources.workingLanguage})` : ''}` : null);
  line('Score', a.score === null ? null : `${a.score}${details.scores.combined !== null ? ' (in the application file)' : ''}`);
  if (details.scores.combined !== null) {
    line('Reviewers', `combined ${details.scores.combined} on 0-10 (each reviewer standardised, then averaged; select uses this)`);
    for (const r of details.scores.reviewers) {
      io.stdout.write(`${' '.repeat(16)}${r.reviewer}: ${r.score} on ${r.scale} ${c.dim(`(z ${r.z >= 0 ? '+' : ''}${r.z})`)}\n`);
    }
  }
  line('Beneficiaries', a.beneficiaries.join(', '));
  line('Own category', a.selfCategories.join(', '));
  line('Submitted', a.submittedAt && details.submittedAtRaw && details.submittedAtRaw !== a.submittedAt ? `${a.submittedAt} (written "${details.submittedAtRaw}")` : a.submittedAt);
  io.stdout.write('\n' + c.bold(fitted(io, a.title ?? '(no title)', 0)) + '\n');
  if (a.description) io.stdout.write(fitted(io, a.description, 0) + '\n');
  io.stdout.write('\n' + c.bold('Categories') + '\n');
  const onTags = details.tags.filter((t) => t.state === 'on');
  if (onTags.length === 0) io.stdout.write('  none yet (skillsnet tag auto, or skillsnet tag add ' + a.id + ' CODE)\n');
  for (const t of details.tags) {
    const conf = t.confidence !== null && t.source === 'auto' ? ` ${Math.round(t.confidence * 100)}%` : '';
    // "removed" goes with the name, after the column of codes, so that the names stay aligned.
    const removed = t.state === 'removed';
    const mark = removed ? c.strikethrough(t.category) : t.category;
    const pad = ' '.repeat(Math.max(0, Math.max(...details.tags.map((x) => x.category.length)) - t.category.length));
    io.stdout.write(`  ${mark}${pad}  ${c.dim(`${categoryName(t.category)} · ${removed ? 'removed by an officer' : `${t.source}${conf}`}`)}\n`);
  }
  io.stdout.write('\n');
  if (details.rosters.length) line('Rosters', details.rosters.map((r) => `${r.name} (${r.role})`).join(', '));
  if (details.likelyDuplicates.length) {
    line('Looks like', details.likelyDuplicates.map((d) => `#${d.id} (${d.reason})`).join(', ') + c.dim(` — compare with skillsnet show ID; keep one out of a Core Group with select --exclude`));
  }
  if (a.withdrawnAt) line('Withdrawn', `${a.withdrawnAt.slice(0, 10)} (out of selection and exports; skillsnet withdraw ${a.id} --undo puts it back)`);
  if (a.mergedInto) line('Merged into', `#${a.mergedInto} (skillsnet unmerge ${a.id} undoes it)`);
  if (details.versions > 0) line('Versions', `${details.versions} earlier version${details.versions === 1 ? '' : 's'} kept from re-imports`);
  for (const ch of details.changes) line('Changed', `${ch.madeAt.slice(0, 16).replace('T', ' ')} ${ch.action}: ${ch.fields.join(', ')} (change ${ch.id})`);
  if (details.organization) {
    const o = details.organization;
    io.stdout.write('\n' + c.bold(`Organisation ${o.id}`) + c.dim(` · ${o.calls.length > 1 ? `returning: calls ${o.calls.join(', ')}` : `call ${o.calls.join(', ')}`}${o.memberId ? ` · ${memberLabel(o.memberId)}` : ''}`) + '\n');
    for (const t of o.timeline) io.stdout.write(`  ${(t.date ?? '').slice(0, 10).padEnd(10)}  ${fitted(io, t.detail, 14)}\n`);
  }
  if (details.source) line('Imported from', `${details.source.file} data row ${details.source.row}`);
  if (opts.raw) {
    io.stdout.write('\n' + c.bold('Source row (as in the file)') + '\n');
    for (const [k, v] of Object.entries(details.raw)) io.stdout.write(`  ${c.dim(k)}: ${v}\n`);
  }
  return details;
}

/** show org-N: an organisation across calls — its applications, Core Group seats, roles, changes (and, with events, meetings attended). */
export async function runShowOrganization(opts: { dbPath: string; id: number; json?: boolean }, io: IO): Promise<OrganizationHistory> {
  const history = await withDatabase(opts.dbPath, { create: false, io }, (db) => organizationHistory(db, opts.id));
  // (its people's names and addresses: a file it is written to is made private, as for members)
  personalOutput(io);
  if (opts.json) {
    printJson(io, history);
    return history;
  }
  const c = io.color;
  const o = history.organization;
  const line = (label: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') io.stdout.write(`${c.dim(label.padEnd(15))} ${fitted(io, String(value), 16)}\n`);
  };
  io.stdout.write(c.bold(`${o.kumuId} ${o.name}`) + (o.id !== opts.id ? c.dim(` (org-${opts.id} was merged into it)`) : '') + '\n');
  line('Type', o.organizationType);
  line('Country', [o.country ?? o.countryRaw, o.region].filter(Boolean).join(', '));
  line('Website', o.website);
  line('Beneficiaries', o.beneficiaries.join(', '));
  if (history.member) {
    const m = history.member;
    line('Member', `${memberLabel(m.id)} · ${[...m.roles.filter((r) => r !== 'core-group'), ...m.cohorts.map((x) => `core-group ${x.cohort}`)].join(', ')} · ${m.status} · map ${m.consentMap}, contact ${m.consentContact}`);
  }
  line('People', history.people.map((p) => `person-${p.id}${p.name ? ` ${p.name}` : ''}`).join('; '));
  line('Notes', o.notes);
  io.stdout.write('\n' + c.bold('History') + '\n');
  for (const t of history.timeline) io.stdout.write(`  ${(t.date ?? '').slice(0, 10).padEnd(10)}  ${fitted(io, t.detail, 14)}\n`);
  if (history.changes.length) {
    io.stdout.write('\n' + c.bold('Changes') + '\n');
    for (const h of history.changes) io.stdout.write(`  ${h.madeAt.slice(0, 16).replace('T', ' ')}  ${h.action} ${h.subject}${h.undoneBy ? c.dim(` (undone by change ${h.undoneBy})`) : ''}\n`);
  }
  if (history.possibleMatches.length) {
    io.stdout.write('\n');
    for (const p of history.possibleMatches) {
      const other = p.organizationId === o.id ? p.candidateId : p.organizationId;
      line('May be', `org-${other} (${p.evidence.join(', ')}): skillsnet organization link org-${Math.min(o.id, other)} org-${Math.max(o.id, other)}, or unlink to keep them apart`);
    }
  }
  return history;
}

/**
 * show person-N: the maps and `member add` name people by person-N, so show takes it too — the
 * member they are in their own right (ILO staff, an expert), else the organisation they are a
 * contact person of, said on stderr first.
 */
export async function runShowPerson(opts: { dbPath: string; id: number; json?: boolean }, io: IO): Promise<unknown> {
  const found = await withDatabase(opts.dbPath, { create: false, io }, (db) => {
    const person = getPerson(db, opts.id);
    if (!person) return undefined;
    return { memberId: memberOfPerson(db, opts.id), organizationId: person.organizationId };
  });
  if (!found) throw new OperationError(`no person person-${opts.id}`, { hint: 'people are listed under their organisation: skillsnet show org-N; find one with skillsnet members --search TEXT' });
  if (found.memberId !== null) return (await import('./member.js')).runMemberShow({ dbPath: opts.dbPath, id: found.memberId, json: opts.json }, io);
  if (found.organizationId === null) {
    throw new OperationError(`person-${opts.id} is no member and belongs to no organisation`, { hint: `correct them with skillsnet edit person-${opts.id} --set FIELD=VALUE, or erase them with skillsnet erase person-${opts.id}` });
  }
  info(io, `person-${opts.id} is a contact person of org-${found.organizationId}: the organisation follows (its People line names them).`);
  return runShowOrganization({ dbPath: opts.dbPath, id: found.organizationId, json: opts.json }, io);
}

export function registerShow(program: Command, ctx: CliContext): void {
  program
    .command('show')
    .description('show one application in full (contact, texts, categories, rosters, history), or an organisation (org-4), member (member-9) or person (person-3) across calls')
    .argument('<id>', 'application ID (the ID column of skillsnet list), org-N, member-N or person-N')
    .option('--json', 'print it as JSON')
    .option('--raw', 'also print the source row exactly as it was in the imported file')
    .addHelpText('after', '\nExamples:\n  skillsnet show 17\n  skillsnet show 17 --raw\n  skillsnet show 17 --json > application-17.json\n  skillsnet show org-4             # the organisation across calls')
    .action(async (idText: string, flags: { json?: boolean; raw?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      const s = parseId(idText, ['application', 'organization', 'member', 'person'], { what: 'show' });
      if (s.kind === 'organization') await runShowOrganization({ dbPath, id: s.id, json: flags.json }, io);
      else if (s.kind === 'person') await runShowPerson({ dbPath, id: s.id, json: flags.json }, io);
      else if (s.kind === 'member') await (await import('./member.js')).runMemberShow({ dbPath, id: s.id, json: flags.json }, io);
      else await runShow({ dbPath, id: s.id, json: flags.json, raw: flags.raw }, io);
    });
}

/**
 * On a terminal, text wrapped at words to its width, after `lead` characters already on the line
 * and under them on the next (a narrow terminal cut "Pokhara" into "Pokhar" and "a"); a pipe or
 * a file gets each paragraph on one line, as before.
 */
function fitted(io: IO, text: string, lead: number): string {
  if (!io.stdoutIsTTY) return text;
  const pad = ' '.repeat(lead);
  return text.split('\n').map((p) => (p.trim() ? wrap(p, io.columns, pad).slice(lead) : p)).join('\n');
}
