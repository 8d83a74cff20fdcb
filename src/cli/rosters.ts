import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, type IO } from './io.js';
import { listRosters, type RosterInfo } from '../db/rosters.js';
import { renderTable } from '../ui/table.js';

export interface RostersOptions {
  dbPath: string;
  json?: boolean;
}

/** Every saved roster, oldest first. */
export async function runRosters(opts: RostersOptions, io: IO): Promise<RosterInfo[]> {
  const rosters = await withDatabase(opts.dbPath, { create: false, io }, (db) => listRosters(db));
  if (opts.json) {
    printJson(io, rosters);
    return rosters;
  }
  if (rosters.length === 0) {
    info(io, 'No rosters yet. Make one with: skillsnet select --size 25 --min-per-region 3 --name core-2020');
    return rosters;
  }
  io.stdout.write(
    renderTable(
      io,
      ['Name', 'Members', 'Alternates', 'Total score', 'Optimal', 'Created'],
      rosters.map((r) => [r.name, r.members, r.alternates, r.objective ?? '', r.optimal ? 'proven' : r.solverStatus, r.createdAt.replace('T', ' ').slice(0, 16)]),
    ),
  );
  info(io, `${rosters.length} roster${rosters.length === 1 ? '' : 's'}. Details: skillsnet roster show NAME`);
  return rosters;
}

export function registerRosters(program: Command, ctx: CliContext): void {
  program
    .command('rosters')
    .description('list the saved rosters (Core Group selections)')
    .option('--json', 'print them as a JSON array')
    .addHelpText('after', '\nExamples:\n  skillsnet rosters\n  skillsnet rosters --json')
    .action(async (flags: { json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runRosters({ dbPath, json: flags.json }, io);
    });
}
