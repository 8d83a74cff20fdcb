/**
 * Whether a file imported without --call belongs to the database's only call. An officer who
 * imports the next year's call and forgets --call would otherwise add it to last year's call in
 * silence: its applications then compete in one selection, on scores of another scale (a 0–100
 * form beside a 0–10 one, where every new score beats every old one).
 */

import type { CallSpan } from '../db/imports.js';
import { nearestName } from '../suggest.js';

/** Submissions this many days or more apart from the call's are another call's: calls stay open weeks, not half a year. */
export const OTHER_CALL_GAP_DAYS = 180;

/** The usual scale a set of scores sits on, by its highest (scores import's inferScale: 1, 5, 10, 20, 100). */
function scaleMax(highest: number): number {
  for (const max of [1, 5, 10, 20, 100]) if (highest <= max) return max;
  return highest;
}

const DAY_MS = 86_400_000;
const day = (iso: string) => Date.parse(iso.slice(0, 10) + 'T00:00:00Z');

/**
 * What says the file's applications are another call's than the call's earlier ones: submitted
 * half a year or more before or after them, or scored on another scale where no score of the
 * file falls within the call's (35–98 beside 0.9–10). Empty when nothing does (or when either
 * side has nothing to compare).
 */
export function otherCallSigns(file: CallSpan, call: CallSpan): string[] {
  const signs: string[] = [];
  if (file.first && file.last && call.first && call.last) {
    const after = (day(file.first) - day(call.last)) / DAY_MS;
    const before = (day(call.first) - day(file.last)) / DAY_MS;
    if (after >= OTHER_CALL_GAP_DAYS || before >= OTHER_CALL_GAP_DAYS) {
      signs.push(`its applications were submitted ${span(file.first, file.last)}, the call's ${span(call.first, call.last)}`);
    }
  }
  if (file.highest !== null && call.highest !== null && file.lowest !== null && call.lowest !== null) {
    const f = scaleMax(file.highest);
    const c = scaleMax(call.highest);
    // (apart too: a short file of corrections may score below 5 on the call's 0–10 without being
    // another call's; and scales ten times apart, 0–10 beside 0–100: 0–5 beside 0–10 is no proof)
    const apart = file.lowest > call.highest || file.highest < call.lowest;
    if (Math.max(f, c) >= 10 * Math.min(f, c) && apart) signs.push(`its scores (${num(file.lowest)}–${num(file.highest)}) read as 0–${f}, the call's (${num(call.lowest)}–${num(call.highest)}) as 0–${c}`);
  }
  return signs;
}

const span = (a: string, b: string) => (a.slice(0, 10) === b.slice(0, 10) ? `on ${a.slice(0, 10)}` : `from ${a.slice(0, 10)} to ${b.slice(0, 10)}`);
const num = (n: number) => String(Math.round(n * 100) / 100);

/** A name to suggest for the file's call: the year its applications were submitted in, when that is not the call's own name. */
export function suggestedCallName(file: CallSpan, call: string): string {
  const year = file.last?.slice(0, 4);
  return year && /^\d{4}$/.test(year) && year !== call ? year : 'NAME';
}

/**
 * A call name folded for comparison: case and spacing aside ("SIC 2021" is "sic  2021", "SIC - 2021"
 * "SIC-2021"), and what text pasted from a document or a chat brings in unseen: a zero-width space
 * or soft hyphen, a non-breaking or en dash for a hyphen, full-width letters ("ＳＩＣ-2021").
 */
const foldCall = (name: string) => name.normalize('NFKC').replace(/\p{Cf}/gu, '').replace(/\p{Pd}/gu, '-')
  .replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Whether two names that fold alike differ by more than case and spacing: by a character that
 * looks like another or shows as nothing, so that the two read the same in an error message.
 */
export function differsUnseen(name: string, known: string): boolean {
  // (spaces as typed only: a non-breaking or em space pasted from a document reads as a space in the
  // message, "not "SIC 2021"" beside "SIC 2021", and is spelled out)
  const plain = (text: string) => text.normalize('NFC').replace(/ *- */g, '-').replace(/ +/g, ' ').trim().toLowerCase();
  return plain(name) !== plain(known);
}

/**
 * The known call a new --call names in another case or spacing ("sic-2021" beside "SIC-2021"):
 * two calls that look alike split one call's applications, and every --call filter then sees half.
 * Undefined when the name is a call already, or like none.
 */
export function callSpelledAs(name: string, calls: readonly string[]): string | undefined {
  if (calls.includes(name)) return undefined;
  return calls.find((c) => foldCall(c) === foldCall(name));
}

/**
 * The known call a new --call most likely mistypes ("SIC-2O21", "SIC2021" beside "SIC-2021"): the
 * name the --call, --roster and --cohort filters would suggest for it (suggest.ts nearestName),
 * never one that differs only in digits ("2021" beside "2020" is another year's call). Unlike a
 * name differing only in case (callSpelledAs), it may be meant: refused unless confirmed.
 */
export function callMistypedAs(name: string, calls: readonly string[]): string | undefined {
  if (calls.includes(name)) return undefined;
  return nearestName(name, calls);
}

/** The years a call's name carries ("2012", "SIC-2012", "Call 2012"; "2018-2019" from the first to the last), or null when none. */
function yearsOfName(name: string): { from: number; to: number; years: string[] } | null {
  const years = name.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/g);
  if (!years) return null;
  const numbers = years.map(Number);
  return { from: Math.min(...numbers), to: Math.max(...numbers), years };
}

/**
 * Why a new call's name looks mistyped for the file imported into it: its name's year is two years
 * or more away from every submission ("--call 2012" for applications of March 2021). A call named
 * after its cohort may be a year ahead of or behind its submissions. Null when nothing says so.
 */
export function newCallYearSign(name: string, file: CallSpan): { sign: string; year: string; name: string } | null {
  const named = yearsOfName(name);
  if (named === null || !file.first || !file.last) return null;
  const from = Number(file.first.slice(0, 4));
  const to = Number(file.last.slice(0, 4));
  // (a name with a range, "2018-2019" or "SIC 2018/19" read as 2018: the submissions must fall near it too)
  if (to >= named.from - 1 && from <= named.to + 1) return null;
  const around = named.from === named.to ? String(named.from) : `${named.from}–${named.to}`;
  // (the name to give, in the officer's own naming: "SIC-2024" for 2021's applications is "SIC-2021")
  const renamed = named.years.length === 1 ? name.replace(named.years[0]!, String(to)) : String(to);
  return { sign: `its applications were submitted ${span(file.first, file.last)}, not around ${around}`, year: String(to), name: renamed };
}
