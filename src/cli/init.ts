import type { Command } from 'commander';
import fs from 'node:fs';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, type IO } from './io.js';
import { SCHEMA_VERSION } from '../db/migrations.js';
import { callNames, countApplications } from '../db/applications.js';
import { exposedFiles } from '../db/maintenance.js';

export interface InitOptions {
  dbPath: string;
  json?: boolean;
}

export interface InitResult {
  database: string;
  created: boolean;
  schemaVersion: number;
}

/** Creates the database (mode 0600) or migrates an existing one to the current schema. */
export async function runInit(opts: InitOptions, io: IO): Promise<InitResult> {
  const existed = fs.existsSync(opts.dbPath);
  const held = await withDatabase(opts.dbPath, { create: true }, (db) => ({ applications: countApplications(db), calls: callNames(db) }));
  const result: InitResult = { database: opts.dbPath, created: !existed, schemaVersion: SCHEMA_VERSION };
  if (opts.json) printJson(io, result);
  else {
    // (a file that was there, even empty, keeps its mode: said as it is, never chmodded here)
    const exposed = exposedFiles(opts.dbPath).includes(opts.dbPath);
    info(io, `${existed ? 'Database is up to date' : 'Created database'}: ${opts.dbPath} (schema ${SCHEMA_VERSION}, ${exposed ? 'readable by other users of this computer' : 'readable by you only'})`);
    if (exposed) info(io, `It holds personal data: keep it to yourself with chmod 600 "${opts.dbPath}"`);
    // A database that holds a call already: what is in it, not the first step of an empty one.
    if (held.applications > 0) info(io, `It holds ${held.applications} application${held.applications === 1 ? '' : 's'} (call${held.calls.length === 1 ? '' : 's'} ${held.calls.join(', ')}). See them: skillsnet stats, or skillsnet list`);
    else info(io, 'Next: skillsnet import applications.csv --call 2020');
  }
  return result;
}

export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('create the database file (or bring an older one up to date)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  skillsnet init\n  skillsnet --db calls/2024.db init')
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const { io, dbPath } = invocation(ctx, cmd);
      await runInit({ dbPath, json: flags.json }, io);
    });
}
