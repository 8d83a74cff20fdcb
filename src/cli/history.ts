import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, warn, type IO } from './io.js';
import { OperationError } from '../errors.js';
import type { HistoryEntry } from '../db/history.js';
import { renderTable } from '../ui/table.js';

/** history: the officers' changes, latest first (IDs and field names, never the values: show ID gives those). */
export async function runHistory(opts: { dbPath: string; id?: string; action?: string; limit?: number; json?: boolean }, io: IO): Promise<unknown[]> {
  const { listHistory, historyValues, historyActions } = await import('../db/history.js');
  const { parseSubject, subjectExists, subjectLabel, subjectTable } = await import('../network/subjects.js');
  let absent: string | undefined;
  const entries = await withDatabase(opts.dbPath, { create: false, io }, (db) => {
    const s = opts.id ? parseSubject(opts.id, undefined, { what: 'history' }) : undefined;
    const list: HistoryEntry[] = listHistory(db, { actions: opts.action ? [opts.action] : undefined, table: s ? subjectTable(s.kind) : undefined, rowId: s?.id, limit: opts.limit ?? 50 });
    // (an action no change was ever recorded as may be a typo, "marge": the actions there are
    // are named, where an empty table said nothing)
    if (opts.action && !list.length) {
      const actions = historyActions(db);
      if (!actions.includes(opts.action)) absent = actions.length ? `no change in the history is a "${opts.action}"; the actions here: ${actions.join(', ')}` : 'no change has been recorded yet';
    }
    // (a record erased since keeps its history; one that never was is a typo)
    if (s && !list.length && !subjectExists(db, s)) throw new OperationError(`there is no ${subjectLabel(s)}`, { hint: 'find IDs with skillsnet list, skillsnet organizations or skillsnet members' });
    return list.map((h) => ({ ...h, fields: [...new Set(historyValues(db, h.id).map((v) => `${v.table}.${v.column ?? '(row)'}`))] }));
  });
  if (absent) warn(io, absent);
  if (opts.json) printJson(io, entries);
  else {
    io.stdout.write(renderTable(io, ['Change', 'When', 'Action', 'Subject', 'What', 'Undone by'], entries.map((h) => [
      h.id, h.madeAt.slice(0, 16).replace('T', ' '), h.action, h.subject, changedInWords(h.fields), h.undoneBy ?? '',
    ])));
    info(io, `${entries.length} change${entries.length === 1 ? '' : 's'}. Undo a merge: skillsnet unmerge ID (or --last)`);
  }
  return entries;
}

/** The officers' word for the records of a table. */
const RECORD_WORDS: Record<string, string> = { applications: 'application', organizations: 'organisation', members: 'member', people: 'person' };

/**
 * "applications.withdrawn_at, organizations.name_key" as an officer reads it: "withdrawn at",
 * "organisation: name" — fields in words, grouped by record (the first one unnamed), without the
 * keys skillsnet derives itself (name_key, web_domain) and the country as written beside the
 * country. --json keeps table.column for scripts.
 */
export function changedInWords(fields: string[]): string {
  const byTable = new Map<string, string[]>();
  for (const f of fields) {
    const dot = f.indexOf('.');
    const table = f.slice(0, dot);
    const column = f.slice(dot + 1);
    if (/_key$/.test(column) || column === 'web_domain') continue;
    // (the country as written goes with the country an edit sets: one field to the officer)
    if (column === 'country_raw' && fields.includes(`${table}.country`)) continue;
    const words = column === '(row)' ? 'added or removed' : column === 'country_raw' ? 'country as written' : column.replace(/_/g, ' ');
    const list = byTable.get(table) ?? [];
    if (!list.includes(words)) list.push(words);
    byTable.set(table, list);
  }
  const parts = [...byTable].map(([table, words], i) => {
    const shown = words.slice(0, 6).join(', ') + (words.length > 6 ? ', ...' : '');
    return i === 0 ? shown : `${RECORD_WORDS[table] ?? table.replace(/_/g, ' ')}: ${shown}`;
  });
  return parts.join('; ');
}

export function registerHistory(program: Command, ctx: CliContext): void {
  program
    .command('history')
    .description('the officers\' changes (edit, merge, withdraw, member set, roster accept, erase), latest first')
    .argument('[id]', 'only changes to this record: an application ID, org-N, member-N or person-N')
    .option('--action <name>', 'only this action (edit, merge, unmerge, withdraw, member set, roster accept, erase, ...)')
    .option('--limit <n>', 'at most n changes (default 50)')
    .option('--json', 'print a JSON array of changes')
    .addHelpText('after', '\nExamples:\n  skillsnet history\n  skillsnet history 17\n  skillsnet history --action merge --json')
    .action(async (id: string | undefined, flags: { action?: string; limit?: string; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runHistory({ dbPath, id, action: flags.action, limit: flags.limit ? Number(flags.limit) : undefined, json: flags.json }, io);
    });
}
