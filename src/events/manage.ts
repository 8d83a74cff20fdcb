/**
 * Events in the database: add, edit, cancel, delete, list. Every change goes through
 * checkEvent (event.ts), so a start that does not exist in its zone is refused the same way by
 * `event add`, `event edit` and a script; every edit and cancellation raises the event's
 * sequence, so a calendar file written afterwards updates the entry people already have.
 */
import type { DB } from '../db/connection.js';
import { deleteEventById, eventCounts, getEvent, insertEvent, listEvents, setEventCancelled, updateEvent, type EventCounts, type EventRecord, type StoredEvent } from '../db/events.js';
import { coreGroupCohorts, getMember, resolveMemberRef, rosterOfCohort } from '../db/members.js';
import { listRosters } from '../db/rosters.js';
import { foldText, shellArg } from '../text.js';
import { OperationError, UsageError } from '../errors.js';
import { parseLanguage } from '../geo/parse.js';
import { NETWORK_LANGUAGES } from '../model.js';
import { parseCategoryCode } from '../tagging/taxonomy.js';
import { eventTimes } from './event.js';
import { timeZoneName } from './timezones.js';
import { EVENT_KINDS, isEventKind, type EventKind, type NetworkEvent } from './types.js';
import { didYouMean } from '../suggest.js';

export type { StoredEvent } from '../db/events.js';

/** What `event add` asks for; strings as typed (the CLI passes them on, a script may too). */
export interface EventInput {
  title: string;
  kind: string;
  /** 'YYYY-MM-DD HH:MM' on the clock of `timeZone`. */
  start: string;
  timeZone: string;
  /** Minutes (default 60). */
  durationMinutes?: number | string;
  /** 'en,fr,es' or a list (default: the Network's en, fr, es). */
  languages?: string | readonly string[];
  presenterId?: number | string | null;
  topicCategory?: string | null;
  location?: string | null;
}

export const DEFAULT_DURATION = 60;

/**
 * The kinds as French and Spanish officers write them (accents and case aside): the Network works
 * in the three languages, and "--kind reunión" was refused with a list in English.
 */
const KIND_WORDS: Readonly<Record<string, EventKind>> = {
  reunion: 'meeting', 'reunion virtual': 'meeting', 'reunion en ligne': 'meeting',
  webinaire: 'webinar', webinario: 'webinar', 'seminario web': 'webinar', 'seminaire en ligne': 'webinar', 'seminario en linea': 'webinar',
  clinique: 'clinic', clinica: 'clinic',
  atelier: 'workshop', taller: 'workshop',
};

function parseKind(kind: string): EventKind {
  const k = foldText(kind.trim()).replace(/[\s_-]+/g, ' ');
  if (isEventKind(k)) return k;
  if (Object.hasOwn(KIND_WORDS, k)) return KIND_WORDS[k]!;
  throw new UsageError(`unknown kind of event "${kind}"${didYouMean(kind, EVENT_KINDS)}`, { hint: `use one of ${EVENT_KINDS.join(', ')}` });
}

export function parseLanguages(input: string | readonly string[]): string[] {
  const parts = (typeof input === 'string' ? input.split(/[,;\s]+/) : [...input]).map((p) => p.trim()).filter(Boolean);
  if (!parts.length) throw new UsageError('no language given', { hint: 'e.g. --languages en,fr,es' });
  const codes = parts.map((p) => parseLanguage(p));
  return [...new Set(codes)];
}

function parseMinutes(value: number | string): number {
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`the duration must be a whole number of minutes above 0, got "${value}"`, { hint: 'e.g. --duration 120 for two hours' });
  return n;
}


/** The event to store, checked: start in its zone, presenter a member, topic a category. */
function eventRecord(db: DB, input: EventInput): { record: EventRecord; event: NetworkEvent } {
  const event: NetworkEvent = {
    title: input.title?.trim() ?? '',
    kind: parseKind(input.kind ?? ''),
    // Stored as 'YYYY-MM-DDTHH:MM'; anything else is left as typed, so the error quotes it
    // ("2021-11-15 2pm" was quoted back as "2021-11-15T2pm").
    // ("2021-11-15 2:30 pm" too: only a time --start takes, with its seconds or offset, is joined with T)
    start: (input.start ?? '').trim().replace(/^(\d{4}-\d{2}-\d{2}) +(?=\d{1,2}:\d{2}(?::00)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?$)/i, '$1T'),
    timeZone: timeZoneName(input.timeZone ?? '') ?? input.timeZone,
    durationMinutes: parseMinutes(input.durationMinutes ?? DEFAULT_DURATION),
    languages: parseLanguages(input.languages ?? [...NETWORK_LANGUAGES]),
  };
  const presenter = input.presenterId === undefined || input.presenterId === null || input.presenterId === '' ? null : resolveMemberRef(db, typeof input.presenterId === 'string' ? input.presenterId.trim() : input.presenterId, { what: 'the presenter' });
  if (presenter !== null) {
    if (!getMember(db, presenter)) throw new OperationError(`no member-${presenter} to present`, { hint: 'find member IDs with skillsnet members --search TEXT' });
    event.presenterId = presenter;
  }
  const topic = input.topicCategory?.trim() ? parseCategoryCode(input.topicCategory, 'topic category') : null;
  if (topic) event.topicCategory = topic;
  const times = eventTimes(event); // throws the first problem (unknown zone, a DST gap, ...)
  return {
    event,
    record: {
      title: event.title, kind: event.kind, start: event.start, timeZone: times.localStart.zone, startUtc: times.utcStart,
      durationMinutes: event.durationMinutes, languages: event.languages, presenterId: presenter, topicCategory: topic,
      location: input.location?.trim() || null,
    },
  };
}

/**
 * Who to invite next, in this database's names: the latest cohort's roster (or the latest roster
 * saved) and the latest Core Group cohort. The hint named "--cohort 2020" in every database, so
 * the second year's officer was pointed at last year's Core Group.
 */
export function inviteCommand(db: DB, eventId: number): string {
  // (the latest by name as the Core Group's are named, numbers as numbers, as roster accept reads "earlier":
  // "Cohort 10" after "Cohort 9", which the database's order puts first)
  const cohort = coreGroupCohorts(db).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1);
  const roster = (cohort === undefined ? null : rosterOfCohort(db, cohort)) ?? listRosters(db).at(-1)?.name;
  const byRoster = `skillsnet event invite ${eventId} --roster ${roster === undefined ? 'NAME' : shellArg(roster)}`;
  const other = cohort === undefined ? '--role ROLE' : `--role core-group --cohort ${shellArg(cohort)}`;
  return `${byRoster} (or ${other})`;
}

export interface EventAdded {
  id: number | null;
  event: StoredEvent;
  dryRun: boolean;
  /** Events (not cancelled) with the same title starting at the same moment: probably this one, added twice. */
  sameAs: number[];
}

/** Adds an event (nothing is written with dryRun; the event comes back with id null). */
export function addEvent(db: DB, input: EventInput, options: { dryRun?: boolean } = {}): EventAdded {
  const { record } = eventRecord(db, input);
  const fold = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();
  const sameAs = listEvents(db).filter((e) => !e.cancelled && e.startUtc === record.startUtc && fold(e.title) === fold(record.title)).map((e) => e.id);
  if (options.dryRun) {
    const now = new Date().toISOString();
    return { id: null, dryRun: true, sameAs, event: storedFrom(0, record, { cancelled: false, sequence: 0, createdAt: now, updatedAt: now }) };
  }
  const id = insertEvent(db, record);
  return { id, dryRun: false, sameAs, event: getEvent(db, id)! };
}

function storedFrom(id: number, r: EventRecord, rest: Pick<StoredEvent, 'cancelled' | 'sequence' | 'createdAt' | 'updatedAt'>): StoredEvent {
  return {
    id, title: r.title, kind: r.kind, start: r.start, timeZone: r.timeZone, startUtc: r.startUtc, durationMinutes: r.durationMinutes,
    languages: r.languages, ...(r.presenterId !== null ? { presenterId: r.presenterId } : {}), ...(r.topicCategory !== null ? { topicCategory: r.topicCategory } : {}),
    location: r.location, ...rest,
  };
}

/** The event, or an error that says how to find IDs. */
export function requireEvent(db: DB, id: number): StoredEvent {
  const event = getEvent(db, id);
  if (!event) throw new OperationError(`no event with ID ${id}`, { hint: 'list them with skillsnet events' });
  return event;
}

/** The fields `event edit --set FIELD=VALUE` can change, with the spellings accepted. */
export const EDITABLE_FIELDS: Record<string, keyof EventInput> = {
  title: 'title', kind: 'kind', start: 'start', tz: 'timeZone', 'time-zone': 'timeZone', timezone: 'timeZone', zone: 'timeZone',
  duration: 'durationMinutes', languages: 'languages', presenter: 'presenterId', topic: 'topicCategory', location: 'location',
};

/** ['start=2020-11-19 15:00', 'duration=90'] -> the changes; a usage error names an unknown field. */
export function parseEventChanges(assignments: readonly string[]): Partial<EventInput> {
  const changes: Partial<Record<keyof EventInput, string | null>> = {};
  for (const a of assignments) {
    const at = a.indexOf('=');
    if (at < 1) throw new UsageError(`"${a}" is not FIELD=VALUE`, { hint: `e.g. --set start="2020-11-19 15:00"; fields: ${Object.keys(EDITABLE_FIELDS).filter((k) => !['time-zone', 'timezone', 'zone'].includes(k)).join(', ')}` });
    const name = a.slice(0, at).trim().toLowerCase();
    // (own keys only: "constructor" must not find Object's own function)
    const field = Object.hasOwn(EDITABLE_FIELDS, name) ? EDITABLE_FIELDS[name] : undefined;
    if (!field) throw new UsageError(`an event has no field "${name}"${didYouMean(name, Object.keys(EDITABLE_FIELDS))}`, { hint: `fields: ${Object.keys(EDITABLE_FIELDS).filter((k) => !['time-zone', 'timezone', 'zone'].includes(k)).join(', ')}` });
    const value = a.slice(at + 1).trim();
    changes[field] = value === '' && ['presenterId', 'topicCategory', 'location'].includes(field) ? null : value;
  }
  if (!Object.keys(changes).length) throw new UsageError('nothing to change', { hint: 'e.g. skillsnet event edit 1 --set start="2020-11-19 15:00"' });
  return changes as Partial<EventInput>;
}

export interface EventEdited {
  id: number;
  before: StoredEvent;
  event: StoredEvent;
  /** Fields whose value changed. */
  changed: string[];
  dryRun: boolean;
}

/** Changes fields of an event; the sequence goes up by one when anything changed. */
export function editEvent(db: DB, id: number, changes: Partial<EventInput>, options: { dryRun?: boolean } = {}): EventEdited {
  const before = requireEvent(db, id);
  const input: EventInput = {
    title: before.title, kind: before.kind, start: before.start, timeZone: before.timeZone, durationMinutes: before.durationMinutes,
    languages: before.languages, presenterId: before.presenterId ?? null, topicCategory: before.topicCategory ?? null, location: before.location,
    ...changes,
  };
  // A new zone alone keeps the wall time: "14:00" stays 14:00 on the new zone's clock.
  const { record } = eventRecord(db, input);
  const old: Record<string, unknown> = { title: before.title, kind: before.kind, start: before.start, timeZone: before.timeZone, durationMinutes: before.durationMinutes, languages: before.languages, presenterId: before.presenterId ?? null, topicCategory: before.topicCategory ?? null, location: before.location };
  const changed = Object.keys(old).filter((k) => JSON.stringify(old[k]) !== JSON.stringify((record as unknown as Record<string, unknown>)[k]));
  if (!changed.length || options.dryRun) {
    const event = storedFrom(id, record, { cancelled: before.cancelled, sequence: before.sequence + (changed.length ? 1 : 0), createdAt: before.createdAt, updatedAt: before.updatedAt });
    return { id, before, event, changed, dryRun: Boolean(options.dryRun) };
  }
  updateEvent(db, id, record);
  return { id, before, event: getEvent(db, id)!, changed, dryRun: false };
}

/** Cancels an event (or, with `restore`, takes the cancellation back); the calendar file then says so. */
export function cancelEvent(db: DB, id: number, options: { restore?: boolean; dryRun?: boolean } = {}): { event: StoredEvent; changed: boolean; dryRun: boolean } {
  const before = requireEvent(db, id);
  const wanted = !options.restore;
  if (before.cancelled === wanted) return { event: before, changed: false, dryRun: Boolean(options.dryRun) };
  if (options.dryRun) return { event: { ...before, cancelled: wanted, sequence: before.sequence + 1 }, changed: true, dryRun: true };
  setEventCancelled(db, id, wanted);
  return { event: getEvent(db, id)!, changed: true, dryRun: false };
}

/** Deletes an event with its invitations, groups and attendance (the officer's link decisions stay). */
export function deleteEvent(db: DB, id: number, options: { dryRun?: boolean } = {}): { event: StoredEvent; counts: EventCounts; dryRun: boolean } {
  const event = requireEvent(db, id);
  const counts = eventCounts(db).get(id)!;
  if (!options.dryRun) deleteEventById(db, id);
  return { event, counts, dryRun: Boolean(options.dryRun) };
}

/** One line of `events`: the event, its times and its counts. */
export interface EventSummary {
  id: number;
  title: string;
  kind: EventKind;
  start: string;
  timeZone: string;
  /** ISO 8601 with the organiser's offset. */
  localStart: string;
  startUtc: string;
  endUtc: string;
  durationMinutes: number;
  languages: string[];
  presenterId: number | null;
  topicCategory: string | null;
  location: string | null;
  cancelled: boolean;
  sequence: number;
  invited: number;
  grouped: number;
  attended: number;
  attendanceRows: number;
  unmatched: number;
}

export function summarizeEvent(event: StoredEvent, counts: EventCounts | undefined): EventSummary {
  const times = eventTimes(event);
  return {
    id: event.id, title: event.title, kind: event.kind, start: event.start, timeZone: event.timeZone, localStart: times.localStart.iso,
    startUtc: times.utcStart, endUtc: times.utcEnd, durationMinutes: event.durationMinutes, languages: event.languages,
    presenterId: event.presenterId ?? null, topicCategory: event.topicCategory ?? null, location: event.location,
    cancelled: event.cancelled, sequence: event.sequence,
    invited: counts?.invited ?? 0, grouped: counts?.grouped ?? 0, attended: counts?.attended ?? 0, attendanceRows: counts?.rows ?? 0, unmatched: counts?.unmatched ?? 0,
  };
}

/** Every event with its counts, earliest first. */
export function eventSummaries(db: DB): EventSummary[] {
  const counts = eventCounts(db);
  return listEvents(db).map((e) => summarizeEvent(e, counts.get(e.id)));
}
