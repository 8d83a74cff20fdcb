/**
 * Submission dates as ISO 8601. Form tools write them every way there is: ISO (Kobo, Typeform,
 * Qualtrics), "3/2/2020 9:24:33" (Google Forms in the US: month first), "26/06/2022 13:46:19"
 * (the same tool in a French or Spanish account: day first), "3/5/24 10:40:00" (Microsoft
 * Forms), "5 March 2020", "22-Jan-2024". Whether "03/04/2020" is the 3rd of April or the 4th of
 * March is decided from the whole column (a day above 12 settles it), not row by row; the text
 * as written is always kept beside the ISO form.
 */

/** The parts of a date; `a`/`b` are the two numbers of a D/M or M/D date (null when the order is known). */
export interface DateParts {
  year: number;
  month: number;
  day: number;
  /** "HH:MM" or "HH:MM:SS", 24-hour */
  time: string | null;
  /** "Z" or "+01:00" when the text says */
  zone: string | null;
  /** true when the text does not say which of day and month comes first */
  ambiguous: boolean;
  /** for a numeric date: the first and second numbers, to decide the order of the column */
  first?: number;
  second?: number;
}

/** Which way the column writes numeric dates: day first, month first, or not known. */
export type DateOrder = 'dmy' | 'mdy' | null;

const MONTHS: Record<string, number> = {};
[
  ['january', 'jan', 'janvier', 'janv', 'enero', 'ene', 'janeiro', 'gennaio', 'gen'],
  ['february', 'feb', 'fevrier', 'fevr', 'fev', 'febrero', 'fevereiro', 'febbraio'],
  ['march', 'mar', 'mars', 'marzo', 'marco'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maio', 'maggio', 'mag'],
  ['june', 'jun', 'juin', 'junio', 'junho', 'giugno', 'giu'],
  ['july', 'jul', 'juillet', 'juil', 'julio', 'julho', 'luglio', 'lug'],
  ['august', 'aug', 'aout', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'set', 'setembro'],
  ['october', 'oct', 'octobre', 'octubre', 'outubro', 'out', 'ottobre', 'ott'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dec', 'decembre', 'diciembre', 'dic', 'dezembro', 'dez', 'dicembre'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

/**
 * A month written in words or abbreviated, in English, French, Spanish or Portuguese (accents, dots and case
 * ignored): its number, or null. ("Dec", "déc.", "diciembre" are 12.)
 */
export function monthNumber(word: string): number | null {
  return ownMonth(word.normalize('NFD').replace(/[\u0300-\u036f.]/g, '').toLowerCase());
}

/** A folded month name's number, or null (own keys only: "constructor" is no month). */
function ownMonth(key: string): number | null {
  return Object.hasOwn(MONTHS, key) ? MONTHS[key]! : null;
}

/** A zone after a time: "Z", "UTC", "GMT", "+0100", "+01:00", "GMT+1", "UTC-05:00", "GMT+5:30". */
const ZONE = String.raw`Z|(?:UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}(?::?\d{2})?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(${ZONE}|[A-Z]{3,4})?)?$`, 'i');
const YMD = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T]+(.+))?$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T,]+(.+))?$/;
/** "0.15.35": hours, minutes and seconds with dots (all three, so no decimal number is read as a time). */
const DOTTED_TIME = /^(\d{1,2})\.(\d{2})\.(\d{2})(?!\d)/;
/** A time, with AM/PM and a zone when the text has them ("1:46:19 PM GMT+1", Google Forms' own download; "9:00 CET"). */
const TIME = new RegExp(String.raw`^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*([ap]\.?m\.?)?\s*(?:(${ZONE}|[A-Z]{3,4}))?$`, 'i');
/**
 * JavaScript's Date.toString(), which web form tools (Fillout) write: "Thu Jan 08 2026 14:01:00
 * GMT-0500 (Colombia Standard Time)"; the zone's name in brackets may be long or localised.
 */
const JS_DATE = /^(?:[a-z]{3}\s+)?([a-z]{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+GMT([+-]\d{4})(?:\s*\([^()]*\))?$/i;

/**
 * A zone as ISO 8601 writes it: "+0200", "+02:00", "+00" (PostgreSQL's), "GMT-0500", "GMT+1",
 * "UTC+5:30" -> "+02:00", "+00:00", "-05:00", "+01:00", "+05:30"; "Z", "UTC", "GMT" -> "Z". A
 * zone's abbreviation ("CET", "EST") -> its offset when it has one meaning (ZONE_NAMES), else
 * null: the time is read as written, as for a text without a zone. undefined: no zone at all.
 */
function zoneOf(text: string | undefined): string | null | undefined {
  if (!text) return undefined;
  const t = text.trim().toUpperCase();
  if (t === 'Z' || t === 'UTC' || t === 'GMT') return 'Z';
  const m = /^(?:UTC|GMT)?\s?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (m) return Number(m[2]) > 14 || Number(m[3] ?? 0) > 59 ? null : `${m[1]}${pad(Number(m[2]))}:${m[3] ?? '00'}`;
  return Object.hasOwn(ZONE_NAMES, t) ? ZONE_NAMES[t]! : null;
}

/** Zone abbreviations with one meaning (not CST, IST, BST: each names two or three zones). */
const ZONE_NAMES: Record<string, string> = {
  WET: '+00:00', WEST: '+01:00', CET: '+01:00', CEST: '+02:00', EET: '+02:00', EEST: '+03:00', MSK: '+03:00',
  WAT: '+01:00', CAT: '+02:00', EAT: '+03:00', SAST: '+02:00', PKT: '+05:00', NPT: '+05:45', ICT: '+07:00', WIB: '+07:00',
  SGT: '+08:00', HKT: '+08:00', PHT: '+08:00', JST: '+09:00', KST: '+09:00', AEST: '+10:00', AEDT: '+11:00', NZST: '+12:00', NZDT: '+13:00',
  EST: '-05:00', EDT: '-04:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00', AKST: '-09:00', HST: '-10:00',
  ART: '-03:00', BRT: '-03:00', CLT: '-04:00', COT: '-05:00', PET: '-05:00', VET: '-04:00', BOT: '-04:00',
};

function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function parseTime(text: string | undefined): { time: string | null; zone: string | null } | null {
  if (!text) return { time: null, zone: null };
  // an Italian (or Danish, Finnish) locale writes the time with dots: "28/03/2025 0.15.35"
  const m = TIME.exec(text.trim().replace(DOTTED_TIME, '$1:$2:$3'));
  if (!m) return null;
  let h = Number(m[1]);
  const ampm = m[4]?.replace(/\./g, '').toLowerCase();
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  if (h > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return null;
  const time = `${pad(h)}:${m[2]}${m[3] !== undefined ? `:${m[3]}` : ''}`;
  if (notAZone(m[5])) return null;
  return { time, zone: zoneOf(m[5]) ?? null };
}

/**
 * A word after a time that is no zone: a zone's abbreviation is written in capitals ("CET"), so
 * "10:00 est" (French "is"), "10:00 then" are no timestamps. UTC and GMT in any case.
 */
function notAZone(text: string | undefined): boolean {
  const t = text?.trim() ?? '';
  return /^[a-z]{3,4}$/i.test(t) && !/^(?:utc|gmt)$/i.test(t) && t !== t.toUpperCase();
}

function valid(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The parts of one date, or null when the text is no date skillsnet can read. */
export function parseDate(raw: string): DateParts | null {
  const text = raw.trim();
  if (text.length > 60 && text.length <= 120 && /\)$/.test(text)) return parseJsDate(text);
  if (!text || text.length > 60) return null;
  let m = ISO.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!valid(year, month, day)) return null;
    const time = m[4] ? `${pad(Number(m[4]))}:${m[5]}${m[6] ? `:${m[6]}` : ''}` : null;
    if (notAZone(m[7])) return null;
    const zone = zoneOf(m[7]) ?? null;
    return { year, month, day, time, zone, ambiguous: false };
  }
  m = YMD.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = parseTime(m[4]);
    if (!t || !valid(year, month, day)) return null;
    return { year, month, day, ...t, ambiguous: false };
  }
  m = NUMERIC.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3]!);
    const t = parseTime(m[4]);
    if (!t) return null;
    // provisionally day first; the column decides (dateOrder)
    const dayFirst = valid(year, b, a);
    const monthFirst = valid(year, a, b);
    if (!dayFirst && !monthFirst) return null;
    const [day, month] = dayFirst ? [a, b] : [b, a];
    return { year, month, day, ...t, ambiguous: dayFirst && monthFirst && a !== b, first: a, second: b };
  }
  return parseJsDate(text) ?? parseWordDate(text);
}

/** "Thu Jan 08 2026 14:01:00 GMT-0500 (Colombia Standard Time)", with its offset. */
function parseJsDate(text: string): DateParts | null {
  const m = JS_DATE.exec(text);
  if (!m) return null;
  const month = ownMonth(fold(m[1]!));
  const [year, day] = [Number(m[3]), Number(m[2])];
  const t = parseTime(`${m[4]} ${m[5]}`);
  if (!month || !t || !valid(year, month, day)) return null;
  return { year, month, day, ...t, ambiguous: false };
}

/** "5 March 2020", "March 5, 2020", "22-Jan-2024", "4 de marzo de 2020", "lundi 4 mars 2020 10:00", "3 ottobre 2023 alle 10:00". */
function parseWordDate(text: string): DateParts | null {
  const t = fold(text).replace(/(\d)(st|nd|rd|th|er)\b/g, '$1').replace(/\bde\b/g, ' ').replace(/,/g, ' ');
  const m = /^(?:[a-z]+\.?\s+)?(\d{1,2})[\s.-]+([a-z]+)\.?[\s.-]+(\d{4})(?:\s+(?:a las\s+|a\s+|at\s+|alle\s+)?(.+))?$/.exec(t)
    ?? /^(?:[a-z]+\.?\s+)?([a-z]+)\.?\s+(\d{1,2})\s+(\d{4})(?:\s+(?:at\s+)?(.+))?$/.exec(t);
  if (!m) return null;
  const dayFirst = /^\d/.test(m[1]!);
  const day = Number(dayFirst ? m[1] : m[2]);
  const month = ownMonth((dayFirst ? m[2] : m[1])!);
  const year = Number(m[3]);
  if (!month || !valid(year, month, day)) return null;
  // (the time as written: a zone's abbreviation keeps its capitals)
  const tail = m[4] !== undefined && fold(text.slice(text.length - m[4].length)) === m[4] ? text.slice(text.length - m[4].length) : m[4];
  const time = parseTime(tail?.replace(/^(\d{1,2})\s*h\s*(?=\d{2})/i, '$1:'));
  if (!time) return null;
  return { year, month, day, ...time, ambiguous: false };
}

/** An Excel serial date ("45352", "45352.6041666667"): days since 1899-12-30 in the 1900 date system. */
const SERIAL = /^(\d{5})(?:\.\d+)?$/;
/** Serials from 1970 to 2099: a submission date; other five-digit numbers are no date of a call. */
const SERIAL_FROM = 25_569;
const SERIAL_TO = 73_051;
/** Days from 1900's day 0 to 1904's: a workbook in the 1904 date system (old Mac Excel) counts from 1904-01-01. */
const DAYS_1900_TO_1904 = 1_462;

/**
 * A submission date: as `parseDate` reads it, or a date cell a workbook holds as its bare serial
 * number (a column pasted as values, or formatted "General": Excel then shows 45352 for
 * 2024-03-01). Only in the submission-date column: elsewhere 45352 is an amount. A workbook in
 * the 1904 date system counts its serials from 1904-01-01 (`date1904`): 43890 is 2024-03-01 there.
 */
export function parseSubmissionDate(raw: string, date1904 = false): DateParts | null {
  const parts = parseDate(raw);
  if (parts) return parts;
  const m = SERIAL.exec(raw.trim());
  const serial = m ? Number(raw) + (date1904 ? DAYS_1900_TO_1904 : 0) : NaN;
  if (!m || Math.floor(serial) < SERIAL_FROM || Math.floor(serial) > SERIAL_TO) return null;
  const ms = Math.round((serial - SERIAL_FROM) * 86_400) * 1000;
  const d = new Date(ms);
  const seconds = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  const time = seconds ? d.toISOString().slice(11, 19) : null;
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), time, zone: null, ambiguous: false };
}

/** The ISO form of a date, reading an ambiguous numeric date in the column's order. */
export function isoDate(p: DateParts, order: DateOrder): string {
  let { month, day } = p;
  if (p.first !== undefined && p.second !== undefined && order) {
    const [d, m] = order === 'dmy' ? [p.first, p.second] : [p.second, p.first];
    if (valid(p.year, m, d)) [day, month] = [d, m];
  }
  const date = `${pad(p.year, 4)}-${pad(month)}-${pad(day)}`;
  if (!p.time) return date;
  const time = p.time.length === 5 ? `${p.time}:00` : p.time;
  return `${date}T${time}${p.zone ?? ''}`;
}

/** What the dates of a column say about their order, counted as they are read. */
export class DateOrderEvidence {
  dayFirst = 0;
  monthFirst = 0;
  parsed = 0;
  unreadable = 0;
  add(p: DateParts | null): void {
    if (!p) {
      this.unreadable++;
      return;
    }
    this.parsed++;
    if (p.first === undefined || p.second === undefined) return;
    if (p.first > 12 && p.second <= 12) this.dayFirst++;
    else if (p.second > 12 && p.first <= 12) this.monthFirst++;
  }
  /** The order the column shows, else the hint; null when it shows both (a mixed column). */
  order(hint: DateOrder): DateOrder {
    if (this.dayFirst && this.monthFirst) return null;
    if (this.dayFirst) return 'dmy';
    if (this.monthFirst) return 'mdy';
    return hint;
  }
  /** Whether the column itself settled the order. */
  get decided(): boolean {
    return (this.dayFirst > 0) !== (this.monthFirst > 0);
  }
  get mixed(): boolean {
    return this.dayFirst > 0 && this.monthFirst > 0;
  }
}
