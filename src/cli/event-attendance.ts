/**
 * `event attendance` (read Zoom / Teams reports into an event) and `event link` (an officer's
 * decision about a row that matched no member). On a terminal, after an import, the unmatched
 * rows are offered one by one: link to a member, ignore, or leave for later.
 */
import path from 'node:path';
import { printJson, withDatabase } from './context.js';
import { canPrompt, info, personalOutput, warn, type IO } from './io.js';
import { CliError, OutputClosedError, UsageError } from '../errors.js';
import { faultMessage } from '../files/index.js';
import type { DB } from '../db/connection.js';
import { resolveMemberRef } from '../db/members.js';
import type { AttendanceImportResult, UnmatchedAttendance } from '../events/attendance/store.js';
import { callbacksFor } from '../ui/callbacks.js';
import { interruptSignal } from './signals.js';
import { renderTable } from '../ui/table.js';
import { renderUnmatched } from './event-manage.js';
import { memberLabel } from '../ids.js';
import { TOOL_NAMES } from '../events/attendance/tools.js';

export interface EventAttendanceOptions {
  dbPath: string;
  id: number;
  files: string[];
  timeZone?: string;
  /** The reports without times are of the same meeting as this report of the event. */
  sameMeetingAs?: string;
  dryRun?: boolean;
  json?: boolean;
  /** Ask about unmatched rows on a terminal (default true; false with --no-prompt). */
  prompt?: boolean;
}

export async function runEventAttendance(opts: EventAttendanceOptions, io: IO): Promise<AttendanceImportResult> {
  const { importAttendance } = await import('../events/attendance/store.js');
  const { expandFilePatterns } = await import('../files/patterns.js');
  try {
    // (`folder\*.csv` as cmd and PowerShell pass it; a pattern matching nothing is said so, in --json too)
    const files = expandFilePatterns(opts.files, io.cwd, { leaveOut: [opts.dbPath] }).map((f) => ({ path: path.resolve(io.cwd, f), given: f }));
    return await attendanceRun(opts, io, files, importAttendance);
  } catch (e) {
    throw opts.json ? withErrorDocument(e) : e;
  }
}

/**
 * A refused report under --json still prints one document on stdout, as a refused import does:
 * `{"error": "…", "hint": "…"}`, so that a script reading stdout sees why, not nothing.
 */
function withErrorDocument(e: unknown): unknown {
  // (`| head`: the reader going away is no failure; wrapped, it became an 'error:' line)
  if (e instanceof OutputClosedError) return e;
  if (!(e instanceof CliError)) {
    // A full disk or a damaged database printed nothing on stdout; an unexpected error keeps its stack.
    const fault = faultMessage(e);
    return fault ? new CliError(fault.message, { exitCode: 1, hint: fault.hint, json: { error: fault.message, hint: fault.hint } }) : e;
  }
  if (e.json !== undefined) return e;
  const out = new CliError(e.message, { exitCode: e.exitCode, hint: e.hint, json: { error: e.message, hint: e.hint ?? null } });
  out.name = e.name;
  return out;
}

async function attendanceRun(
  opts: EventAttendanceOptions, io: IO, files: { path: string }[],
  importAttendance: typeof import('../events/attendance/store.js').importAttendance,
): Promise<AttendanceImportResult> {
  return withDatabase(opts.dbPath, { io, write: true, dryRun: opts.dryRun }, async (db) => {
    const result = await importAttendance(db, opts.id, files, { timeZone: opts.timeZone, sameMeetingAs: opts.sameMeetingAs, dryRun: opts.dryRun }, { ...callbacksFor(io), signal: interruptSignal() });
    // (the rows not matched carry the participants' names and addresses: private before the first byte)
    if (result.unmatchedRows.length) personalOutput(io);
    if (opts.json) {
      // (a dry run keeps no row: the IDs it met would name nothing for event link)
      printJson(io, result.dryRun ? { ...result, unmatchedRows: result.unmatchedRows.map((u) => ({ ...u, row: null })) } : result);
      return result;
    }
    io.stdout.write(renderTable(io, ['File', 'Report', 'Lang', 'Rows', 'Matched', 'Unmatched', 'People'], result.files.map((f) => [
      f.file + (f.replaced ? ' (again)' : ''), TOOL_NAMES[f.tool], f.language ?? '?', f.rows, f.matched, f.unmatched, f.people,
    ])));
    info(io, `${result.rows} rows: ${result.matched} matched to members, ${result.unmatched} not${result.ignored ? ` (${result.ignored} ignored by an earlier decision)` : ''}; ` +
      `${result.attendees.length} member${result.attendees.length === 1 ? '' : 's'} attended event ${opts.id}.`);
    for (const f of result.files) {
      if (f.actionLines !== undefined) {
        info(io, `${f.file}: a Teams list of one line per action (2020–2021): ${f.people} ${f.people === 1 ? 'person' : 'people'}; their ${f.actionLines} Joined/Left lines were read as ${f.rows} connection${f.rows === 1 ? '' : 's'} (the Rows), minutes from each join to its leave.`);
      }
    }
    if (result.files.some((f) => f.replaced)) info(io, 'A report imported before into this event replaced its earlier import (same file): nothing is counted twice.');
    const open = result.unmatchedRows.filter((u) => !u.ignored);
    if (result.dryRun) {
      renderUnmatched(io, open, opts.id, { dryRun: true });
      info(io, 'Dry run: nothing was written.');
      return result;
    }
    if (open.length && opts.prompt !== false && canPrompt(io) && !io.yes) await askAboutRows(db, io, opts.id, open);
    else renderUnmatched(io, open, opts.id);
    info(io, `See who came, with their minutes: skillsnet event show ${opts.id}`);
    return result;
  });
}

/** One question per unmatched row; answers are saved as link/ignore decisions at once. */
async function askAboutRows(db: DB, io: IO, eventId: number, rows: UnmatchedAttendance[]): Promise<void> {
  const { linkAttendanceRow } = await import('../events/attendance/store.js');
  const { listMembers } = await import('../db/members.js');
  const prompts = await io.prompts();
  renderUnmatched(io, rows, eventId);
  for (const row of rows) {
    const candidates = row.candidates.length ? listMembers(db, { ids: row.candidates }) : [];
    type Answer = { kind: 'member'; id: number } | { kind: 'other' } | { kind: 'ignore' } | { kind: 'later' } | { kind: 'stop' };
    const answer = await prompts.select<Answer>(`Row ${row.row} (${row.file}:${row.line}, ${row.reason}): what is it?`, [
      ...candidates.map((m) => ({ name: `${memberLabel(m.id)}: ${m.organization ?? ''} (${m.country ?? '?'})`, value: { kind: 'member', id: m.id } as Answer })),
      { name: 'a member: type its ID', value: { kind: 'other' } },
      { name: 'not a member: ignore it (secretariat, interpreter, guest)', value: { kind: 'ignore' } },
      { name: 'leave it for later', value: { kind: 'later' } },
      { name: 'stop asking', value: { kind: 'stop' } },
    ]);
    if (answer.kind === 'stop') break;
    if (answer.kind === 'later') continue;
    let memberId: number | null = null;
    if (answer.kind === 'member') memberId = answer.id;
    if (answer.kind === 'other') {
      const text = await prompts.input('Member ID (member-9, or org-4; see skillsnet members):');
      try {
        memberId = resolveMemberRef(db, text);
      } catch (e) {
        warn(io, `${(e as Error).message}: row ${row.row} left for later`);
        continue;
      }
    }
    try {
      const done = linkAttendanceRow(db, eventId, String(row.row), { memberId });
      info(io, memberId === null ? `Row ${row.row} ignored (and ${done.rowsAffected - 1} more like it).` : `Row ${row.row} linked to ${memberLabel(memberId)} (${done.rowsAffected} row${done.rowsAffected === 1 ? '' : 's'} in all).`);
    } catch (e) {
      warn(io, `row ${row.row}: ${(e as Error).message}`);
    }
  }
}

export interface EventLinkOptions {
  dbPath: string;
  id: number;
  row: string;
  member?: string;
  ignore?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

export async function runEventLink(opts: EventLinkOptions, io: IO): Promise<unknown> {
  // (both given is no missing answer but two: said as such)
  if (opts.member !== undefined && opts.ignore) throw new UsageError('choose one of --member and --ignore: a row is a member\'s, or left out', { hint: `e.g. skillsnet event link ${opts.id} ${opts.row.trim()} --member ${opts.member}` });
  if ((opts.member === undefined) === !opts.ignore) throw new UsageError('say what the row is: --member ID, or --ignore', { hint: `e.g. skillsnet event link ${opts.id} ${/^#?\d+$|:\d+$/.test(opts.row.trim()) ? opts.row.trim() : 'ROW'} --member member-17` });
  const { linkAttendanceRow } = await import('../events/attendance/store.js');
  let memberId: number | null = null;
  const result = await withDatabase(opts.dbPath, { io, write: true, dryRun: opts.dryRun }, (db) => {
    if (opts.member !== undefined) memberId = resolveMemberRef(db, opts.member, { what: '--member' });
    return linkAttendanceRow(db, opts.id, opts.row, { memberId }, { dryRun: opts.dryRun });
  });
  if (opts.json) printJson(io, result);
  else {
    const what = memberId === null ? 'ignored' : `linked to member-${memberId}`;
    info(io, `${result.dryRun ? 'Dry run: row would be' : 'Row'} ${result.row} ${what}; the decision holds for every row with the same ${result.by} (${result.rowsAffected} row${result.rowsAffected === 1 ? '' : 's'} in ${result.events.length} event${result.events.length === 1 ? '' : 's'}).`);
  }
  return result;
}
