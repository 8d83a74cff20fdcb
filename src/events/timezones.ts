/**
 * Time zones: one meeting at 14:00 in Geneva is 07:00 in Mexico City and 03:00 the next day in
 * Apia. Offsets and daylight saving come from the IANA data built into Node (through luxon,
 * which reads it with Intl), never from a table of our own; which zones a country has comes from
 * the countries-and-timezones package, and which of them its capital keeps from
 * data/capital-time-zones.csv.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import ct from 'countries-and-timezones';
import { DateTime, FixedOffsetZone } from 'luxon';
import { UsageError } from '../errors.js';
import { monthNumber } from '../import/dates.js';
import { dataPath } from '../paths.js';
import { foldText } from '../text.js';

// ---------------------------------------------------------------- zone names

let spellings: Map<string, string> | undefined;

/** Lower-cased zone name -> its usual spelling (Node's list plus the package's, with old names). */
function zoneSpellings(): Map<string, string> {
  if (spellings) return spellings;
  const map = new Map<string, string>();
  for (const name of Object.keys(ct.getAllTimezones({ deprecated: true }))) map.set(name.toLowerCase(), name);
  // Node's own names win: they are the ones Intl reports back.
  for (const name of Intl.supportedValuesOf('timeZone')) map.set(name.toLowerCase(), name);
  spellings = map;
  return map;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An Intl.DateTimeFormat, made once per locale and options: making one costs about a millisecond
 * (it loads the locale's and the zone's data), and an event's invitations, groups and calendar
 * format the same few zones for every invitee. Throws as the constructor does (an unknown zone).
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

const zoneNames = new Map<string, string | null>();

/**
 * The IANA zone a text names, spelled as the database spells it ("europe/zurich" ->
 * "Europe/Zurich"), or null. Only place names ("Area/City") and UTC are accepted: "EST" or "CET"
 * are legal IANA names but fixed offsets that ignore daylight saving, so a meeting entered in
 * them would drift by an hour for half the year.
 */
export function timeZoneName(text: string): string | null {
  // Remembered: building an Intl.DateTimeFormat to try the zone costs about a millisecond, and
  // localTime() asks for every time of a report (a 20,000-row list spent 31 s here).
  const known = zoneNames.get(text);
  if (known !== undefined) return known;
  const name = readTimeZoneName(text);
  if (zoneNames.size < 1000) zoneNames.set(text, name);
  return name;
}

function readTimeZoneName(text: string): string | null {
  const name = text.trim();
  if (!name || /^[+-]?\d/.test(name)) return null;
  if (!name.includes('/') && name.toUpperCase() !== 'UTC') return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
  } catch {
    return null;
  }
  return zoneSpellings().get(name.toLowerCase()) ?? name;
}

export function isValidTimeZone(text: string): boolean {
  return timeZoneName(text) !== null;
}

/**
 * What to give instead of a zone that was refused. An abbreviation (CET, EST, CST) gets the
 * reason: it is either a fixed offset that ignores summer time (CET is UTC+1 all year) or a
 * name several places share (CST: China, Central America), so a meeting would move by an hour
 * for half the year; the place whose clock the meeting follows is what is needed.
 */
export function timeZoneHint(text: string): string {
  const t = text.trim();
  // A place's own name ("Zurich", "Lima", "New York") is the zone's last part: named in full. It
  // was told "abbreviations such as ZURICH are refused", a short word being taken for one.
  const place = zonesOfPlace(t);
  if (place.length) return `a time zone is written with its region: ${place.join(' or ')}`;
  // (abbreviations are capitals, as written: CET, EST, GMT+1; "Paris" is no abbreviation)
  if ((/^[A-Z]{2,5}(?:[+-]?\d{1,2})?(?:[A-Z]{2,4})?$/.test(t) || /^(?:utc|gmt)[+-]\d{1,2}$/i.test(t)) && t.toUpperCase() !== 'UTC') {
    return `abbreviations such as ${t.toUpperCase()} are refused: some are fixed offsets that ignore summer time (CET is UTC+1 all year), others name several places (CST), so the meeting would drift by an hour for half the year. Give the place whose clock the meeting follows, e.g. Europe/Paris or Europe/Zurich for CET, America/New_York for EST, America/Mexico_City, Asia/Manila`;
  }
  return 'give an IANA time zone (a place): Europe/Zurich, America/Mexico_City, Asia/Manila';
}

/**
 * The IANA zones whose place (the part after the last "/") is this name, accents, case and spaces
 * aside, by their current names. Node's own list keeps some old ones (Asia/Calcutta, Asia/Saigon,
 * Europe/Kiev): "Kolkata", "Ho Chi Minh" and "Kyiv" were shown no zone and "Saigon" the old name;
 * the package's list, with its old names and what they now are, is read as well.
 */
function zonesOfPlace(name: string): string[] {
  const key = placeKey(name);
  if (!key) return [];
  const found = new Set<string>();
  const all = ct.getAllTimezones({ deprecated: true }) as Record<string, { aliasOf?: string | null }>;
  for (const zone of new Set([...Intl.supportedValuesOf('timeZone'), ...Object.keys(all)])) {
    // (places under a continent or an ocean: US/Eastern, Etc/GMT+1 name no place)
    if (!PLACE_REGION.test(zone) || placeKey(zone.slice(zone.lastIndexOf('/') + 1)) !== key) continue;
    const current = all[zone]?.aliasOf ?? zone;
    found.add(isValidTimeZone(current) ? current : zone);
  }
  return [...found].slice(0, 3);
}

const PLACE_REGION = /^(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//;

function placeKey(name: string): string {
  return foldText(name).replace(/[\s_-]+/g, ' ').trim();
}

/** The zone, or a usage error that says what a zone looks like. */
export function checkTimeZone(text: string, what = 'time zone'): string {
  const name = timeZoneName(text);
  if (name) return name;
  throw new UsageError(`unknown ${what} "${text}"`, { hint: timeZoneHint(text) });
}

// ---------------------------------------------------------------- wall time -> instant

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** The offset written after the time ("+01:00"), in minutes; undefined when none. */
  offsetMinutes?: number;
}

/** 'YYYY-MM-DDTHH:MM' or 'YYYY-MM-DD HH:MM', optionally with an offset; null when not that shape. */
export function parseWallTime(text: string): WallTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::00)?(?:\s*(Z|[+-]\d{2}:?\d{2}))?$/i.exec(text.trim());
  if (!m) return null;
  const wall: WallTime = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]! };
  if (m[6]) {
    const o = m[6].toUpperCase();
    if (o === 'Z') wall.offsetMinutes = 0;
    else {
      const digits = o.replace(':', '');
      const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
      wall.offsetMinutes = o.startsWith('-') ? -minutes : minutes;
    }
  }
  return wall;
}

export type WallTimeProblem = 'format' | 'date' | 'zone' | 'gap' | 'ambiguous' | 'offset';

export type WallTimeResult =
  | { ok: true; instant: Date; utc: string; local: LocalTime }
  | { ok: false; problem: WallTimeProblem; message: string; hint: string };

/**
 * The instant a wall-clock time in a zone names. A time the clocks skip (the spring-forward
 * gap) or pass twice (the autumn overlap) is not guessed: it comes back as a problem with a
 * message that says what happens that night and what to write instead.
 */
export function wallTimeToInstant(text: string, zoneText: string): WallTimeResult {
  const zone = timeZoneName(zoneText);
  if (!zone) return { ok: false, problem: 'zone', message: `unknown time zone "${zoneText}"`, hint: 'give an IANA time zone such as Europe/Zurich' };
  const wall = parseWallTime(text);
  if (!wall) {
    // (a date alone is most often the date of "--start 2020-11-19 14:00" typed without quotes)
    if (/^\s*\d{4}-\d{1,2}-\d{1,2}\s*$/.test(text)) {
      return { ok: false, problem: 'format', message: `"${text}" has no time of day`, hint: `give the date and the time together, in quotes: "${text.trim()} 14:00"` };
    }
    // (a time alone, "14h00" or "2 pm": the date was left out)
    const timeAlone = text.trim() ? timeOf(` ${text.trim()}`) : null;
    if (timeAlone !== null && timeAlone !== 'HH:MM') {
      return { ok: false, problem: 'format', message: `"${text}" has no date`, hint: `give the date and the time together, in quotes: "YYYY-MM-DD ${timeAlone}"` };
    }
    const meant = readingsOf(text);
    const hint = meant.length === 1
      ? `write it as YYYY-MM-DD HH:MM, in quotes: "${meant[0]!.iso}"`
      : meant.length === 2
        ? `write it as YYYY-MM-DD HH:MM, in quotes: "${meant[0]!.iso}" (${meant[0]!.spoken}) or "${meant[1]!.iso}" (${meant[1]!.spoken})`
        : 'write it as YYYY-MM-DD HH:MM, in quotes: "2020-11-19 14:00"';
    return { ok: false, problem: 'format', message: `"${text}" is not a date and time`, hint };
  }
  const shown = `${pad4(wall.year)}-${pad2(wall.month)}-${pad2(wall.day)} ${pad2(wall.hour)}:${pad2(wall.minute)}`;
  if (wall.hour > 23 || wall.minute > 59) {
    // (luxon reads 24:00 as the next day's midnight, which then looked like a time the clocks skip: "from ? to ?")
    const next = DateTime.fromObject({ year: wall.year, month: wall.month, day: wall.day }, { zone: 'UTC' }).plus({ days: 1 });
    const hint = wall.hour === 24 && wall.minute === 0 && next.isValid
      ? `24:00 is the midnight that starts the next day: write "${next.toFormat('yyyy-MM-dd')} 00:00"`
      : 'hours go from 00 to 23 and minutes from 00 to 59';
    return { ok: false, problem: 'date', message: `${shown} is not a real time of day`, hint };
  }
  const dt = DateTime.fromObject({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute }, { zone });
  if (!dt.isValid) return { ok: false, problem: 'date', message: `${shown} is not a real date and time`, hint: 'check the day, month and hour' };
  if (dt.hour !== wall.hour || dt.minute !== wall.minute || dt.day !== wall.day) {
    const jump = transitionAround(dt.toMillis(), zone);
    return {
      ok: false,
      problem: 'gap',
      message: `${shown} does not exist in ${zone}: that night the clocks go forward from ${jump.before} to ${jump.after}`,
      hint: `choose a time outside ${jump.before}–${jump.after}, e.g. ${dt.toFormat('HH:mm')}`,
    };
  }
  const possible = dt.getPossibleOffsets().sort((a, b) => b.offset - a.offset);
  if (wall.offsetMinutes !== undefined) {
    const chosen = possible.find((p) => p.offset === wall.offsetMinutes);
    if (!chosen) {
      return {
        ok: false,
        problem: 'offset',
        message: `${shown} in ${zone} is at UTC${offsetText(dt.offset)}, not UTC${offsetText(wall.offsetMinutes)}`,
        hint: `write ${shown} without an offset, or with ${offsetText(dt.offset)}; for ${pad2(wall.hour)}:${pad2(wall.minute)} at UTC${offsetText(wall.offsetMinutes)}, write "${sameInstantIn(wall, wall.offsetMinutes, zone)}"`,
      };
    }
    return resolved(chosen, zone);
  }
  if (possible.length > 1) {
    const [first, second] = possible as [DateTime, DateTime];
    const jump = transitionAround(second.toMillis(), zone);
    const iso = `${shown.replace(' ', 'T')}`;
    return {
      ok: false,
      problem: 'ambiguous',
      message: `${shown} happens twice in ${zone}: that night the clocks go back from ${jump.before} to ${jump.after}`,
      hint: `write the one you mean: ${iso}${offsetText(first.offset)} (the first time) or ${iso}${offsetText(second.offset)} (the second)`,
    };
  }
  return resolved(dt, zone);
}

/**
 * A time written with an offset not the zone's, on the zone's clock: "14:00Z", copied from a tool
 * that writes UTC, may mean that instant, which Zurich's clock shows as 15:00 (the hint said only
 * to drop the offset, an hour off). With the zone's offset when its clock shows that time twice.
 */
function sameInstantIn(wall: WallTime, offsetMinutes: number, zone: string): string {
  const local = DateTime.fromObject({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute }, { zone: FixedOffsetZone.instance(offsetMinutes) }).setZone(zone);
  const twice = DateTime.fromObject({ year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute }, { zone }).getPossibleOffsets().length > 1;
  return twice ? `${local.toFormat("yyyy-MM-dd'T'HH:mm")}${offsetText(local.offset)}` : local.toFormat('yyyy-MM-dd HH:mm');
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What a start written the way people write dates ("15/11/2021 14:00", "11/15/2021 2pm",
 * "15.11.2021 14h30") can mean, in the form --start takes: one reading when the day or the month
 * is past 12, both when either could be the day (03/11 is 3 November or 11 March: not guessed),
 * none when it is no such date. A missing time is left as HH:MM for the officer to fill in.
 */
export function readingsOf(text: string): { iso: string; spoken: string }[] {
  // (year first, with dashes, slashes or dots: 2021-11-15, 2021/11/15, 2021.11.15)
  const iso = /^\s*(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(.*)$/.exec(text);
  const written = iso ? null : /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(.*)$/.exec(text);
  const named = iso || written ? null : monthNamed(text);
  const m = iso ?? written;
  if (!m && !named) return [];
  const time = timeOf(named?.rest ?? m![4]!);
  if (time === null) return [];
  const year = named?.year ?? (iso ? m![1]! : m![3]!);
  const reading = (day: number, month: number) =>
    day >= 1 && month >= 1 && month <= 12 && day <= DateTime.fromObject({ year: +year, month }).daysInMonth!
      ? [{ iso: `${year}-${pad2(month)}-${pad2(day)} ${time}`, spoken: `${day} ${MONTH_NAMES[month - 1]}` }]
      : [];
  if (named) return reading(named.day, named.month);
  if (iso) return reading(+m![3]!, +m![2]!);
  const [a, b] = [+m![1]!, +m![2]!];
  return [...reading(a, b), ...(a === b ? [] : reading(b, a))];
}

/**
 * A date written with the month's name (English, French, Spanish or Portuguese), day first or month first ("15 November 2021",
 * "Nov 15, 2021", "15th Nov. 2021"): one reading, the name says which number is the month.
 */
function monthNamed(text: string): { day: number; month: number; year: string; rest: string } | null {
  const dayFirst = /^\s*(\d{1,2})(?:st|nd|rd|th|er|º|°)?\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+)?(\d{4})(.*)$/iu.exec(text);
  const monthFirst = dayFirst ? null : /^\s*(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.*)$/iu.exec(text);
  const m = dayFirst ?? monthFirst;
  // (the import's month names: English, French, Spanish and Portuguese, abbreviated or not)
  const number = m ? monthNumber(dayFirst ? m[2]! : m[1]!) : null;
  if (!m || number === null) return null;
  return { day: +(dayFirst ? m[1]! : m[2]!), month: number, year: m[3]!, rest: m[4]! };
}

/** "14:00", " 2pm", ", 9.30 a.m.", "T14h30" -> "HH:MM"; "" -> the placeholder "HH:MM"; null when no time of day. */
function timeOf(rest: string): string | null {
  if (!rest.trim()) return 'HH:MM';
  const m = /^[ ,T]+(\d{1,2})(?:[:.h](\d{2})|(h))?\s*([ap]\.?m\.?)?\s*$/i.exec(rest);
  if (!m) return null;
  let hour = +m[1]!;
  const minute = m[2] === undefined ? 0 : +m[2];
  const half = m[4]?.toLowerCase().replace(/\./g, '');
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  } else if (m[2] === undefined && !m[3]) return null; // "15/11/2021 14": an hour alone is no time
  return hour > 23 || minute > 59 ? null : `${pad2(hour)}:${pad2(minute)}`;
}

/**
 * Every instant a wall-clock time read from a report can be, earliest first: two for a time the
 * clocks pass twice (the autumn night), else one (a time the clocks skip read as luxon reads it);
 * none when the date is not real.
 */
export function instantsOfWall(wall: { year: number; month: number; day: number; hour: number; minute: number; second?: number }, zone: string): Date[] {
  const dt = DateTime.fromObject({ ...wall, second: wall.second ?? 0 }, { zone });
  if (!dt.isValid) return [];
  const possible = dt.getPossibleOffsets();
  return (possible.length > 1 ? possible : [dt]).map((d) => d.toJSDate()).sort((a, b) => a.getTime() - b.getTime());
}

function resolved(dt: DateTime, zone: string): WallTimeResult {
  const instant = dt.toJSDate();
  return { ok: true, instant, utc: utcText(instant), local: localTime(instant, zone) };
}

/** The clock change just before `ms` (within six hours): the wall times on either side of it. */
function transitionAround(ms: number, zone: string): { before: string; after: string } {
  const offsetAt = (t: number) => DateTime.fromMillis(t, { zone }).offset;
  let lo = ms - 6 * 3600_000;
  let hi = ms;
  const target = offsetAt(hi);
  if (offsetAt(lo) === target) return { before: '?', after: '?' };
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid) === target) hi = mid;
    else lo = mid;
  }
  const old = offsetAt(lo);
  return {
    before: DateTime.fromMillis(hi, { zone: FixedOffsetZone.instance(old) }).toFormat('HH:mm'),
    after: DateTime.fromMillis(hi, { zone }).toFormat('HH:mm'),
  };
}

// ---------------------------------------------------------------- instant -> local time

export interface LocalTime {
  zone: string;
  /** ISO 8601 with the zone's offset: '2020-11-19T07:00:00-06:00'. */
  iso: string;
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:MM' */
  time: string;
  /** '-06:00' */
  offset: string;
  /** The same instant in UTC: '2020-11-19T13:00:00Z'. */
  utc: string;
}

/** An instant as the clock on the wall in `zone` shows it. */
export function localTime(instant: Date | string, zoneText: string): LocalTime {
  const zone = checkTimeZone(zoneText);
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new UsageError(`"${String(instant)}" is not an instant`, { hint: 'give a date and time with its offset, e.g. 2026-03-05T14:00:00Z' });
  const dt = DateTime.fromJSDate(at, { zone });
  return {
    zone,
    iso: dt.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"),
    date: dt.toFormat('yyyy-MM-dd'),
    time: dt.toFormat('HH:mm'),
    offset: dt.toFormat('ZZ'),
    utc: utcText(at),
  };
}

/** 'YYYY-MM-DDTHH:MM:SSZ' (no milliseconds). */
export function utcText(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}

/** UTC offset of a zone at an instant, in minutes. */
export function offsetAt(instant: Date, zone: string): number {
  return DateTime.fromJSDate(instant, { zone }).offset;
}

// ---------------------------------------------------------------- country -> zone

export interface CapitalZone {
  country: string;
  capital: string;
  zone: string;
  note: string;
}

let capitals: Map<string, CapitalZone> | undefined;

/** data/capital-time-zones.csv, by country code. */
export function capitalTimeZones(): Map<string, CapitalZone> {
  if (capitals) return capitals;
  const rows = parse(fs.readFileSync(dataPath('capital-time-zones.csv'), 'utf8'), {
    columns: true,
    comment: '#',
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as Record<string, string>[];
  const map = new Map<string, CapitalZone>();
  for (const r of rows) {
    const country = (r.country ?? '').toUpperCase();
    if (country) map.set(country, { country, capital: r.capital ?? '', zone: r.time_zone ?? '', note: r.note ?? '' });
  }
  capitals = map;
  return map;
}

export interface CountryZone {
  country: string;
  /** The zone to use for a member of this country who has no zone of their own. */
  zone: string;
  /** Every zone the country has (countries-and-timezones, current names). */
  zones: string[];
  /** 'country' when the country has one time, 'capital' when the capital's zone was picked among several. */
  source: 'country' | 'capital';
  /**
   * True when the country's zones do not all show the same time (at `at` when given, else at
   * some point of the year), so the capital's time may not be the member's.
   */
  multipleZones: boolean;
}

/** The time zone of a country (ISO 3166-1 alpha-2), or null when none is known (Bouvet Island). */
export function countryTimeZone(countryCode: string, at?: Date): CountryZone | null {
  const code = countryCode.trim().toUpperCase();
  const zones = (ct.getCountry(code)?.timezones ?? []).map((zone) => zoneOfCountry(code, zone));
  const capital = capitalTimeZones().get(code);
  if (zones.length === 0 && !capital) return null;
  if (zones.length <= 1) {
    const zone = zones[0] ?? capital!.zone;
    return { country: code, zone, zones: zones.length ? zones : [zone], source: 'country', multipleZones: false };
  }
  const zone = capital?.zone ?? zones[0]!;
  return { country: code, zone, zones, source: 'capital', multipleZones: zonesDiffer(zones, at) };
}

/**
 * The clocks a country shows at an instant, one zone for each, the capital's first, then from
 * the earliest offset: what to choose from when a member's own zone is to be recorded
 * ("Africa/Kinshasa (UTC+01:00), Africa/Lubumbashi (UTC+02:00)" for the DR Congo).
 */
export function countryClocks(countryCode: string, at: Date): { zone: string; offset: number }[] {
  const c = countryTimeZone(countryCode, at);
  if (!c) return [];
  const clocks = new Map<number, string>();
  for (const zone of [c.zone, ...c.zones]) {
    const offset = offsetAt(at, zone);
    if (!clocks.has(offset)) clocks.set(offset, zone);
  }
  const capital = offsetAt(at, c.zone);
  return [...clocks].map(([offset, zone]) => ({ zone, offset })).sort((x, y) => Number(y.offset === capital) - Number(x.offset === capital) || x.offset - y.offset);
}

let countryNames: Map<string, string[]> | undefined;

/**
 * A zone as the country itself names it. Since 2022 the IANA database keeps one zone for
 * countries whose clocks have agreed since 1970, named after one of them, and keeps the others'
 * names as links: Senegal's zone is Africa/Abidjan, Bosnia and Herzegovina's Europe/Belgrade,
 * Bahrain's Asia/Qatar. An invitation sheet told a member in Dakar their time zone was Abidjan;
 * it now says Africa/Dakar, the same clock under the country's own name.
 */
function zoneOfCountry(code: string, zone: string): string {
  if (!countryNames) {
    countryNames = new Map();
    for (const tz of Object.values(ct.getAllTimezones({ deprecated: true }))) {
      // (a place's name, not an old alias such as US/Eastern or Etc/GMT)
      if (!tz.aliasOf || !/^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//.test(tz.name)) continue;
      for (const country of tz.countries) {
        const key = `${country} ${tz.aliasOf}`;
        countryNames.set(key, [...(countryNames.get(key) ?? []), tz.name]);
      }
    }
  }
  const key = `${code} ${zone}`;
  let named = countryZones.get(key);
  if (named === undefined) {
    // (a zone named after a place of this country stays as it is: Europe/Berlin for Germany; of
    // the country's names, the one Node gives back as it is: ICU says Asmera for Asmara)
    named = ct.getTimezone(zone)?.countries[0] === code ? zone : countryNames.get(key)?.find((name) => resolvedZone(name) === name) ?? zone;
    countryZones.set(key, named);
  }
  return named;
}

const countryZones = new Map<string, string>();

function resolvedZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const zonesDifferAt = new Map<string, boolean>();

function zonesDiffer(zones: string[], at?: Date): boolean {
  if (at) {
    // (asked for every invitee of a country with several zones, at the one start of the event)
    const key = `${at.getTime()} ${zones.join(' ')}`;
    let differ = zonesDifferAt.get(key);
    if (differ === undefined) {
      differ = new Set(zones.map((z) => offsetAt(at, z))).size > 1;
      zonesDifferAt.set(key, differ);
    }
    return differ;
  }
  // No instant: whether the zones ever differ, by their standard and summer offsets.
  const keys = zones.map((z) => {
    const tz = ct.getTimezone(z);
    return tz ? `${tz.utcOffset}/${tz.dstOffset}` : z;
  });
  return new Set(keys).size > 1;
}

export interface MemberZone {
  /** null when neither the member nor their country gives one. */
  zone: string | null;
  source: 'member' | 'country' | 'capital' | null;
  multipleZones: boolean;
  /** Why there is no zone, or why the member's own zone was not used. */
  note?: string;
}

/**
 * The zone to show a member the event in: their own stored zone wins; otherwise their country's
 * (the capital's, with the multipleZones flag, for a country that spans several).
 */
export function memberTimeZone(member: { timeZone?: string | null; country: string | null }, at?: Date): MemberZone {
  let note: string | undefined;
  if (member.timeZone) {
    const own = timeZoneName(member.timeZone);
    if (own) return { zone: own, source: 'member', multipleZones: false };
    note = `the member's time zone "${member.timeZone}" is not an IANA zone`;
  }
  if (!member.country) return { zone: null, source: null, multipleZones: false, note: note ?? 'no country and no time zone on record' };
  const c = countryTimeZone(member.country, at);
  if (!c) return { zone: null, source: null, multipleZones: false, note: note ?? `no time zone known for country ${member.country}` };
  return { zone: c.zone, source: c.source, multipleZones: c.multipleZones, ...(note ? { note } : {}) };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}
