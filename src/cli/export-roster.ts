import { withDatabase } from './context.js';
import { info, warn, type IO } from './io.js';
import { getRoster, rosterEntries } from '../db/rosters.js';
import { rosterCsv, rosterJson, rosterLines, rosterMarkdown } from '../export/roster.js';
import { displayPath, plural, resolveOutput, writeOutput } from '../export/write.js';
import { checkJsonWithStdout, elapsed, finish, unknownRoster, type ExportResult } from './export-common.js';

export const ROSTER_FORMATS = ['md', 'csv', 'json'] as const;
export type RosterFormat = (typeof ROSTER_FORMATS)[number];

export interface ExportRosterOptions {
  dbPath: string;
  name: string;
  format: RosterFormat;
  out: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

export async function runExportRoster(opts: ExportRosterOptions, io: IO): Promise<ExportResult> {
  const start = performance.now();
  checkJsonWithStdout(opts.json, opts.out);
  const output = resolveOutput(opts.out, { cwd: io.cwd, stdoutAllowed: true, format: opts.format, example: `${opts.name}.${opts.format}` });
  const { roster, lines } = await withDatabase(opts.dbPath, { create: false }, (db) => {
    const roster = getRoster(db, opts.name);
    if (!roster) throw unknownRoster(db, opts.name);
    return { roster, lines: rosterLines(rosterEntries(db, opts.name)) };
  });
  const data = opts.format === 'md' ? rosterMarkdown(roster, lines)
    : opts.format === 'csv' ? await rosterCsv(lines)
    : JSON.stringify(rosterJson(roster, lines), null, 2) + '\n';
  const members = lines.filter((l) => l.role === 'member').length;
  const counts = { members, alternates: lines.length - members };
  const result: ExportResult = { export: 'roster', format: opts.format, files: [], stdout: output.kind === 'stdout', dryRun: Boolean(opts.dryRun), counts, ms: 0 };
  if (lines.length === 0) warn(io, `roster "${opts.name}" has no members`);
  const what = `roster "${opts.name}": ${plural(counts.members, 'member')} and ${plural(counts.alternates, 'alternate')}`;
  if (opts.dryRun) {
    info(io, `Dry run: would write ${what}. Nothing was written.`);
    result.ms = elapsed(start);
    return finish(io, result, opts.json);
  }
  writeOutput(output, data, io.stdout, { force: Boolean(opts.force) });
  if (output.kind === 'file') result.files = [output.path];
  const where = output.kind === 'stdout' ? 'stdout' : displayPath(output.path, io.cwd);
  info(io, `Wrote ${what} to ${where}.`);
  if (output.kind === 'file') {
    const next = { md: `paste ${where} into your report (Markdown: Word via Pandoc, Confluence, GitHub, Teams)`, csv: `open ${where} in Excel`, json: `read ${where} from a script` };
    info(io, `Next: ${next[opts.format]}; the Kumu map marks the same members: skillsnet export kumu --roster ${opts.name} --format xlsx --out map.xlsx`);
  }
  result.ms = elapsed(start);
  return finish(io, result, opts.json);
}
