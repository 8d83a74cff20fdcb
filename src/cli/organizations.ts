import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, type IO } from './io.js';
import { renderTable, truncate } from '../ui/table.js';

export interface OrganizationsOptions {
  dbPath: string;
  unconfirmed?: boolean;
  search?: string;
  json?: boolean;
}

/** organizations: every organisation (one across calls) with its calls; --unconfirmed: the doubtful matches to confirm. */
export async function runOrganizations(opts: OrganizationsOptions, io: IO): Promise<unknown> {
  const { listOrganizations, organizationsOverview } = await import('../db/organizations.js');
  const { organizationSuggestions } = await import('../import/organizations.js');
  const { foldText } = await import('../db/connection.js');
  return withDatabase(opts.dbPath, { create: false, io }, (db) => {
    if (opts.unconfirmed) {
      const suggestions = organizationSuggestions(db);
      // (the organisations of every pair read in one query, not two for each pair)
      const byId = new Map(listOrganizations(db, { ids: [...new Set(suggestions.flatMap((p) => [p.organizationId, p.candidateId]))] }).map((o) => [o.id, o]));
      const pairs = suggestions.map((p) => {
        const org = byId.get(p.organizationId)!;
        const cand = byId.get(p.candidateId)!;
        return {
          organization: { id: `org-${org.id}`, name: org.name, country: org.country }, candidate: { id: `org-${cand.id}`, name: cand.name, country: cand.country },
          evidence: p.evidence, link: `skillsnet organization link org-${cand.id} org-${org.id}`, keepApart: `skillsnet organization unlink org-${cand.id} org-${org.id}`,
        };
      });
      if (opts.json) printJson(io, pairs);
      else if (!pairs.length) info(io, 'No doubtful matches: every organisation looks like itself only.');
      else {
        io.stdout.write(renderTable(io, ['Organisation', 'Country', 'May be', 'Country', 'Evidence'], pairs.map((p) => [
          `${p.organization.id} ${io.stdoutIsTTY ? truncate(p.organization.name, 30) : p.organization.name}`, p.organization.country ?? '',
          `${p.candidate.id} ${io.stdoutIsTTY ? truncate(p.candidate.name, 30) : p.candidate.name}`, p.candidate.country ?? '', p.evidence.join(', '),
        ])));
        info(io, `${pairs.length} pair${pairs.length === 1 ? '' : 's'} to confirm. One organisation: skillsnet organization link org-A org-B (merges B into A; unmerge undoes it). Two: skillsnet organization unlink org-A org-B.`);
      }
      return pairs;
    }
    const rows = organizationsOverview(db, opts.search ? foldText(opts.search) : null);
    const list = rows.map((r) => ({ id: `org-${r.id}`, organizationId: r.id, name: r.name, country: r.country, region: r.region, organizationType: r.type, calls: JSON.parse(r.calls) as string[], applications: r.applications, memberId: r.member }));
    if (opts.json) printJson(io, list);
    else {
      io.stdout.write(renderTable(io, ['ID', 'Organisation', 'Country', 'Type', 'Calls', 'Applications', 'Member'], list.map((o) => [
        o.id, o.name, o.country ?? '', o.organizationType ?? '', o.calls.join(', '), o.applications, o.memberId ?? '',
      ]), { cut: [undefined, 40] }));
      const returning = list.filter((o) => o.calls.length > 1).length;
      info(io, `${list.length} organisation${list.length === 1 ? '' : 's'}, ${returning} of them in more than one call. History: skillsnet show org-N`);
    }
    return list;
  });
}

export function registerOrganizations(program: Command, ctx: CliContext): void {
  program
    .command('organizations')
    .description('list the organisations (one across calls, with the calls they applied to); --unconfirmed: possible matches to confirm')
    .option('--unconfirmed', 'pairs that may be one organisation (same website, contact email, email domain or a similar name) for you to link or keep apart')
    .option('--search <text>', 'only organisations whose name holds this text')
    .option('--json', 'print a JSON array')
    .addHelpText('after', `
An application joins an organisation already known only on certain evidence (the same name in
the same country, the same website, the same contact email with a similar name); doubtful
matches are left apart and listed here.

Examples:
  skillsnet organizations
  skillsnet organizations --unconfirmed
  skillsnet organization link org-4 org-57      # they are one: org-57 merged into org-4
  skillsnet organization unlink org-4 org-57    # they are two: never suggested again`)
    .action(async (flags: { unconfirmed?: boolean; search?: string; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runOrganizations({ dbPath, unconfirmed: flags.unconfirmed, search: flags.search, json: flags.json }, io);
    });
}

export function registerOrganization(program: Command, ctx: CliContext): void {
  const org = program
    .command('organization')
    .description('show an organisation\'s history across calls, or confirm (link) or reject (unlink) a possible match')
    .addHelpText('after', '\nExamples:\n  skillsnet organization show org-4\n  skillsnet organization link org-4 org-57\n  skillsnet organization unlink org-4 org-57\n  skillsnet organization unlink 212         # application 212 is not its organisation\'s');
  org
    .command('show')
    .description('an organisation\'s history: applied 2020, Core Group 2020, applied 2021, ...')
    .argument('<id>', 'organisation ID (org-4)')
    .option('--json', 'print it as JSON')
    .addHelpText('after', '\nExamples:\n  skillsnet organization show org-4\n  skillsnet show org-4 --json')
    .action(async (idText: string, flags: { json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      const { parseSubject } = await import('../network/subjects.js');
      const { runShowOrganization } = await import('./show.js');
      const s = parseSubject(/^\d+$/.test(idText.trim()) ? `org-${idText.trim()}` : idText, ['organization'], { what: 'organization show' });
      await runShowOrganization({ dbPath, id: s.id, json: flags.json }, io);
    });
  org
    .command('link')
    .description('two organisations are one: the second is merged into the first (skillsnet unmerge undoes it)')
    .argument('<a>', 'organisation kept (org-4)')
    .argument('<b>', 'organisation merged into it (org-57)')
    .option('--dry-run', 'say what would move, save nothing')
    .option('--json', 'print the merge as JSON')
    .addHelpText('after', '\nExamples:\n  skillsnet organization link org-4 org-57 --dry-run\n  skillsnet organization link org-4 org-57')
    .action(async (a: string, b: string, flags: { dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      const { runMerge } = await import('./merge.js');
      await runMerge({ dbPath, a: /^\d+$/.test(a) ? `org-${a}` : a, b: /^\d+$/.test(b) ? `org-${b}` : b, dryRun: flags.dryRun, json: flags.json, only: 'organization' }, io);
    });
  org
    .command('unlink')
    .description('two organisations are not one (never suggested again); or an application is not its organisation\'s (it gets its own)')
    .argument('<a>', 'organisation (org-4), or an application ID')
    .argument('[b]', 'the other organisation (org-57)')
    .option('--dry-run', 'say what would change, save nothing')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  skillsnet organization unlink org-4 org-57\n  skillsnet organization unlink 212')
    .action(async (a: string, b: string | undefined, flags: { dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      const { parseSubject } = await import('../network/subjects.js');
      const { keepApart, unlinkApplication } = await import('../network/organizations.js');
      const result = await withDatabase(dbPath, { io, write: true, dryRun: flags.dryRun }, (db) => {
        if (b === undefined) {
          const s = parseSubject(a, ['application'], { what: 'organization unlink' });
          return unlinkApplication(db, s.id, { dryRun: flags.dryRun });
        }
        const x = parseSubject(/^\d+$/.test(a) ? `org-${a}` : a, ['organization'], { what: 'organization unlink' });
        const y = parseSubject(/^\d+$/.test(b) ? `org-${b}` : b, ['organization'], { what: 'organization unlink' });
        return keepApart(db, x.id, y.id, { dryRun: flags.dryRun });
      });
      if (flags.json) printJson(io, { ...result, dryRun: Boolean(flags.dryRun) });
      else if ('application' in result) io.stdout.write(`${flags.dryRun ? 'Dry run: ' : ''}Application ${result.application} ${flags.dryRun ? 'would get' : 'now has'} an organisation of its own${result.to ? ` (${result.to})` : ''}, apart from ${result.from}.\n`);
      else io.stdout.write(`${flags.dryRun ? 'Dry run: ' : ''}${result.kept.join(' and ')} are kept apart${flags.dryRun ? '' : '; they will not be suggested again'}.\n`);
    });
}
