/**
 * Dates, times and durations as Zoom and Teams write them in the organiser's locale:
 * "11/19/2020 02:00:12 PM", "11/19/20, 2:00:12 PM", "19/11/2020 14:00:12", "2020-11-19 14:00:12",
 * "19/11/2020 2:00:12 p. m.", "19/11/2020 14 h 00", Zoom webinars' "Nov 19, 2020 02:00 PM" and
 * "19 nov. 2020 14:00"; durations "62", "1h 2m 3s", "45m 10s", "1 h 2 min", "01:02:03".
 *
 * Whether 03/12/2020 is the 3rd of December or the 12th of March is decided once per file: by
 * the values themselves when one of them settles it (a 19 can only be a day), else by the
 * event's date, else by the report's language (month first in English, day first in French
 * and Spanish). The file's result says which basis was used.
 */
import { monthNumber } from '../../import/dates.js';

export interface DateTimeParts {
  /** 'ab' = two numbers then the year (order to be decided), 'ymd' = ISO order, 'time' = time only. */
  kind: 'ab' | 'ymd' | 'time';
  a: number;
  b: number;
  year: number;
  hour: number;
  minute: number;
  second: number;
  /** Separator of the date part ('/', '.', '-'). */
  separator: string;
}

export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type DateOrder = 'month-first' | 'day-first';

function cleanText(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2009\u200e\u200f]/g, ' ')
    .replace(/\b([ap])\.?\s*m\.?(?=\s|$)/gi, (_, ap: string) => `${ap.toUpperCase()}M`)
    .replace(/\s+/g, ' ')
    .trim();
}

function to24(hour: number, ampm: string | undefined): number | null {
  if (!ampm) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  const pm = ampm.toUpperCase() === 'PM';
  return hour === 12 ? (pm ? 12 : 0) : pm ? hour + 12 : hour;
}

/** The numbers of a date-and-time text, before its day/month order is known; null when it is not one. */
export function dateTimeParts(text: string): DateTimeParts | null {
  // French clocks: "14 h 05", "14h05" are 14:05
  const t = cleanText(text).replace(/(\d{1,2})\s*h\s*(\d{2})(?!\d)/i, '$1:$2');
  if (!t) return null;
  const time = '(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d+)?\\s*(AM|PM)?';
  let m = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})[T ]${time}$`, 'i').exec(t);
  if (m) return finish('ymd', +m[2]!, +m[3]!, +m[1]!, m.slice(4), '-');
  // "Nov 19, 2020 02:00 PM" (Zoom webinars), "19 nov. 2020 14:00", "19 de noviembre de 2020 14:00"
  const word = '([A-Za-z\\u00c0-\\u00ff]+\\.?)';
  m = new RegExp(`^${word}\\s+(\\d{1,2}),?\\s+(\\d{4}),?\\s+${time}$`, 'i').exec(t);
  if (m && monthNumber(m[1]!)) return finish('ymd', monthNumber(m[1]!)!, +m[2]!, +m[3]!, m.slice(4), ' ');
  m = new RegExp(`^(\\d{1,2})\\s+(?:de\\s+)?${word}\\s+(?:de\\s+)?(\\d{4}),?\\s+${time}$`, 'i').exec(t);
  if (m && monthNumber(m[2]!)) return finish('ymd', monthNumber(m[2]!)!, +m[1]!, +m[3]!, m.slice(4), ' ');
  m = new RegExp(`^(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2}),?\\s+${time}$`, 'i').exec(t);
  if (m) {
    const y = m[4]!.length === 2 ? 2000 + +m[4]! : +m[4]!;
    return finish('ab', +m[1]!, +m[3]!, y, m.slice(5), m[2]!);
  }
  m = new RegExp(`^${time}$`, 'i').exec(t);
  if (m) return finish('time', 0, 0, 0, m.slice(1), '');
  return null;
}

function finish(kind: DateTimeParts['kind'], a: number, b: number, year: number, t: (string | undefined)[], separator: string): DateTimeParts | null {
  const hour = to24(+t[0]!, t[3]);
  const minute = +t[1]!;
  const second = t[2] ? +t[2] : 0;
  if (hour === null || minute > 59 || second > 59) return null;
  return { kind, a, b, year, hour, minute, second, separator };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The wall-clock date and time the parts name under an order; null when that reading is not a real date. */
export function wallOf(parts: DateTimeParts, order: DateOrder | null, fallbackDate?: string): Wall | null {
  let year: number;
  let month: number;
  let day: number;
  if (parts.kind === 'time') {
    if (!fallbackDate) return null;
    [year, month, day] = fallbackDate.split('-').map(Number) as [number, number, number];
  } else if (parts.kind === 'ymd') {
    [year, month, day] = [parts.year, parts.a, parts.b];
  } else {
    if (!order) return null;
    year = parts.year;
    [month, day] = order === 'month-first' ? [parts.a, parts.b] : [parts.b, parts.a];
  }
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return { year, month, day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

export interface OrderDecision {
  order: DateOrder | null;
  /** 'values': a value settled it; 'event date': the event's date did; 'language': the report's language did; 'none': no ambiguous dates. */
  basis: 'values' | 'event date' | 'language' | 'none';
}

/**
 * The day/month order of a file's dates. `eventDate` is the event's date ('YYYY-MM-DD') in the
 * report's zone; `language` the report's language.
 */
export function decideDateOrder(values: readonly string[], hints: { eventDate?: string; language?: string | null } = {}): OrderDecision {
  const parts = values.map(dateTimeParts).filter((p): p is DateTimeParts => p !== null && p.kind === 'ab');
  if (!parts.length) return { order: null, basis: 'none' };
  const fits = (order: DateOrder) => parts.every((p) => wallOf(p, order) !== null);
  const monthFirst = fits('month-first');
  const dayFirst = fits('day-first');
  if (monthFirst !== dayFirst) return { order: monthFirst ? 'month-first' : 'day-first', basis: 'values' };
  if (!monthFirst) return { order: null, basis: 'none' };
  if (parts.every((p) => p.a === p.b)) return { order: 'month-first', basis: 'values' };
  if (hints.eventDate) {
    const near = (order: DateOrder) => {
      const w = wallOf(parts[0]!, order)!;
      const days = Math.abs(Date.UTC(w.year, w.month - 1, w.day) - Date.parse(`${hints.eventDate}T00:00:00Z`)) / 86_400_000;
      return days <= 1;
    };
    const m = near('month-first');
    const d = near('day-first');
    if (m !== d) return { order: m ? 'month-first' : 'day-first', basis: 'event date' };
  }
  // Dotted dates are day first wherever they are written.
  if (parts.every((p) => p.separator === '.')) return { order: 'day-first', basis: 'language' };
  return { order: hints.language && hints.language !== 'en' ? 'day-first' : 'month-first', basis: 'language' };
}

/**
 * A duration in seconds: a plain number is minutes (Zoom's "Duration (Minutes)"); "1h 2m 3s",
 * "45m 10s", "1 h 2 min", "2 hrs 5 mins", "01:02:03" and "45:10" are read as written. Null when
 * the text is none of these.
 */
export function durationSeconds(text: string | undefined): number | null {
  const t = cleanText(text ?? '').toLowerCase();
  if (!t) return null;
  if (/^\d+(?:[.,]\d+)?$/.test(t)) return Math.round(parseFloat(t.replace(',', '.')) * 60);
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (clock) return clock[3] !== undefined ? +clock[1]! * 3600 + +clock[2]! * 60 + +clock[3] : +clock[1]! * 60 + +clock[2]!;
  const unit = /(\d+(?:[.,]\d+)?)\s*(hours?|hrs?|heures?|horas?|h|minutes?|minutos?|mins?|mn|m|seconds?|secondes?|segundos?|secs?|segs?|s)(?![a-z])/gy;
  let seconds = 0;
  let read = 0;
  let pos = 0;
  const source = t.replace(/\s*,\s*/g, ' ');
  for (;;) {
    while (source[pos] === ' ') pos++;
    if (pos >= source.length) break;
    unit.lastIndex = pos;
    const m = unit.exec(source);
    if (!m) return null;
    const n = parseFloat(m[1]!.replace(',', '.'));
    const u = m[2]!;
    seconds += u.startsWith('h') ? n * 3600 : /^(m|mn|min)/.test(u) ? n * 60 : n;
    read++;
    pos = unit.lastIndex;
  }
  return read ? Math.round(seconds) : null;
}
