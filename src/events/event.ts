/**
 * An event's own rules: what makes it valid, and when it starts and ends as instants. Every
 * command that creates, edits or exports an event calls checkEvent, so "the start does not exist
 * in that zone" is said the same way everywhere.
 */
import { UsageError } from '../errors.js';
import { EVENT_KINDS, isEventKind, type NetworkEvent } from './types.js';
import { localTime, timeZoneHint, timeZoneName, utcText, wallTimeToInstant, type LocalTime, type WallTimeProblem } from './timezones.js';
import { didYouMean } from '../suggest.js';

/** The longest event: a week (a multi-day workshop); longer is a slip, minutes typed as seconds or hours as minutes. */
export const MAX_DURATION_MINUTES = 7 * 24 * 60;

export interface EventProblem {
  field: 'title' | 'kind' | 'start' | 'timeZone' | 'durationMinutes' | 'languages' | 'presenterId';
  /** For `start`: what is wrong with the wall time (a DST gap or overlap among them). */
  problem?: WallTimeProblem;
  message: string;
  hint?: string;
}

export interface EventTimes {
  start: Date;
  end: Date;
  /** In the event's own zone. */
  localStart: LocalTime;
  localEnd: LocalTime;
  utcStart: string;
  utcEnd: string;
}

/** Every problem of an event (empty when it is valid). */
export function validateEvent(event: NetworkEvent): EventProblem[] {
  const problems: EventProblem[] = [];
  if (!event.title || !event.title.trim()) problems.push({ field: 'title', message: 'the event has no title', hint: 'give it one: skillsnet event add "Webinar on work-based learning" --kind webinar --start "2026-03-05 14:00" --tz Europe/Zurich' });
  if (!isEventKind(event.kind)) {
    problems.push({ field: 'kind', message: `unknown kind of event "${event.kind}"${didYouMean(event.kind, EVENT_KINDS)}`, hint: `use one of ${EVENT_KINDS.join(', ')}` });
  }
  const zone = timeZoneName(event.timeZone ?? '');
  if (!zone) {
    problems.push({ field: 'timeZone', message: `unknown time zone "${event.timeZone}"`, hint: timeZoneHint(event.timeZone ?? '') });
  } else {
    const r = wallTimeToInstant(event.start ?? '', zone);
    if (!r.ok) problems.push({ field: 'start', problem: r.problem, message: r.message, hint: r.hint });
  }
  if (!Number.isInteger(event.durationMinutes) || event.durationMinutes <= 0 || event.durationMinutes > MAX_DURATION_MINUTES) {
    // (a duration past a week was told it must be "above 0", which it was)
    const tooLong = Number.isInteger(event.durationMinutes) && event.durationMinutes > MAX_DURATION_MINUTES;
    problems.push({
      field: 'durationMinutes',
      message: tooLong
        ? `the duration must be at most a week (${MAX_DURATION_MINUTES.toLocaleString('en')} minutes), got ${event.durationMinutes.toLocaleString('en')}`
        : `the duration must be a whole number of minutes above 0, got ${event.durationMinutes}`,
      hint: tooLong ? 'the duration is in minutes, e.g. 120 for two hours; an event of several weeks is one event per session' : 'e.g. 120 for two hours',
    });
  }
  const languages = event.languages ?? [];
  const bad = languages.filter((l) => !/^[a-z]{2,3}$/.test(l));
  if (bad.length) problems.push({ field: 'languages', message: `not ISO 639-1 language codes: ${bad.join(', ')}`, hint: 'e.g. en,fr,es' });
  if (new Set(languages).size !== languages.length) problems.push({ field: 'languages', message: 'a language is listed twice' });
  if (event.presenterId !== undefined && (!Number.isInteger(event.presenterId) || event.presenterId <= 0)) {
    problems.push({ field: 'presenterId', message: `the presenter must be a member ID, got ${event.presenterId}` });
  }
  return problems;
}

/** The event, checked; a usage error naming the first problem otherwise. */
export function checkEvent(event: NetworkEvent): NetworkEvent {
  const [first] = validateEvent(event);
  if (first) throw new UsageError(first.message, first.hint ? { hint: first.hint } : {});
  return { ...event, timeZone: timeZoneName(event.timeZone)! };
}

/** When the event starts and ends, as instants and on the organiser's clock. */
export function eventTimes(event: NetworkEvent): EventTimes {
  const checked = checkEvent(event);
  const r = wallTimeToInstant(checked.start, checked.timeZone);
  if (!r.ok) throw new UsageError(r.message, { hint: r.hint });
  const end = new Date(r.instant.getTime() + checked.durationMinutes * 60_000);
  return {
    start: r.instant,
    end,
    localStart: r.local,
    localEnd: localTime(end, checked.timeZone),
    utcStart: utcText(r.instant),
    utcEnd: utcText(end),
  };
}
