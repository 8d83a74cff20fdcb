import { withDatabase } from './context.js';
import { UsageError } from '../errors.js';
import { savedRostersHint } from '../selection/rosters.js';
import { info, personalOutput, type IO } from './io.js';
import { exportRoster, rosterFilterWords, rosterOutput, type RosterFormat, type RosterMemberFilters } from '../export/export-roster.js';
import { displayPath, plural } from '../export/write.js';
import { callbacksFor } from '../ui/callbacks.js';
import { checkJsonWithStdout, elapsed, finish, type ExportResult } from './export-common.js';
import { csvDelimiter } from '../import/detect.js';
import { shellArg } from '../text.js';

export { ROSTER_FORMATS, type RosterFormat } from '../export/export-roster.js';

export interface ExportRosterOptions {
  dbPath: string;
  /** The saved roster; without it the command says which rosters there are. */
  name?: string;
  format: RosterFormat;
  out: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  /** --role, --status: only the lines whose organisation's member has them. */
  filters?: RosterMemberFilters;
  /** --delimiter as typed (";", "tab"); csv only. */
  delimiter?: string;
}

export async function runExportRoster(opts: ExportRosterOptions, io: IO): Promise<ExportResult> {
  const start = performance.now();
  checkJsonWithStdout(opts.json, opts.out);
  if (opts.name === undefined || !opts.name.trim()) {
    // (which rosters there are is what the officer needs to name one)
    throw new UsageError('export roster needs the name of a saved roster', { hint: await withDatabase(opts.dbPath, { create: false, io }, (db) => savedRostersHint(db, 'export roster', `--out ${shellArg(opts.out)}`)) });
  }
  if (opts.delimiter !== undefined && opts.format !== 'csv') throw new UsageError('--delimiter applies to --format csv only', { hint: 'Markdown and JSON have fixed formats' });
  const options = { ...opts, name: opts.name, cwd: io.cwd, delimiter: opts.format === 'csv' ? csvDelimiter(opts.delimiter, io.env) : undefined };
  rosterOutput(options);
  const { result, output, text } = await withDatabase(opts.dbPath, { create: false, io }, (db) => exportRoster(db, options, callbacksFor(io)));
  const { counts } = result;
  const only = rosterFilterWords(opts.filters);
  const what = `roster "${opts.name}": ${plural(counts.members, 'member')} and ${plural(counts.alternates, 'alternate')}` +
    (only ? ` with ${only} (${plural(counts.leftOut ?? 0, 'other')} left out)` : '');
  if (opts.dryRun) {
    info(io, `Dry run: would write ${what}. Nothing was written.`);
    result.ms = elapsed(start);
    return finish(io, result, opts.json);
  }
  if (text !== undefined) {
    personalOutput(io);
    io.stdout.write(text);
  }
  const where = output.kind === 'stdout' ? 'stdout' : displayPath(output.path, io.cwd);
  info(io, `Wrote ${what} to ${where}.`);
  if (output.kind === 'file') {
    const next = { md: `paste ${where} into your report (Markdown: Word via Pandoc, Confluence, GitHub, Teams)`, csv: `open ${where} in Excel`, json: `read ${where} from a script` };
    info(io, `Next: ${next[opts.format]}; the Kumu map marks the same members: skillsnet export kumu --roster ${shellArg(opts.name)} --format xlsx --out map.xlsx`);
  }
  result.ms = elapsed(start);
  return finish(io, result, opts.json);
}
