import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, type IO } from './io.js';
import { renderTable } from '../ui/table.js';
import type { EventSummary } from '../events/manage.js';

/** `skillsnet events`: every event, earliest first, with its counts. */

export interface EventsOptions {
  dbPath: string;
  json?: boolean;
}

export async function runEvents(opts: EventsOptions, io: IO): Promise<EventSummary[]> {
  const { eventSummaries } = await import('../events/manage.js');
  const events = await withDatabase(opts.dbPath, { create: false, io }, (db) => eventSummaries(db));
  if (opts.json) {
    printJson(io, events);
    return events;
  }
  if (!events.length) {
    info(io, 'No events yet. Add one: skillsnet event add "1st Core Group meeting" --kind meeting --start "2020-11-19 14:00" --tz Europe/Zurich --duration 120');
    return events;
  }
  io.stdout.write(renderTable(io, ['ID', 'Title', 'Kind', 'Start (organiser\'s clock)', 'Min', 'Lang', 'Invited', 'Attended', 'Unmatched'], events.map((e) => [
    e.id, e.title + (e.cancelled ? ' (cancelled)' : ''), e.kind, `${e.localStart.slice(0, 16).replace('T', ' ')} ${e.timeZone}`, e.durationMinutes,
    e.languages.join(','), e.invited, e.attendanceRows ? e.attended : '', e.attendanceRows ? e.unmatched : '',
  ]), { maxWidth: [5, 40, 10, 36, 5, 10, 9, 10, 11] }));
  info(io, `${events.length} event${events.length === 1 ? '' : 's'}. Details: skillsnet event show ID`);
  return events;
}

export function registerEvents(program: Command, ctx: CliContext): void {
  program
    .command('events')
    .description('list the Network\'s events (meetings, webinars, clinics, workshops) with invitees and attendance')
    .option('--json', 'print a JSON array of events (fields in docs/json.md)')
    .addHelpText('after', '\nExamples:\n  skillsnet events\n  skillsnet events --json')
    .action(async (flags: { json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      await runEvents({ dbPath, json: flags.json }, io);
    });
}
