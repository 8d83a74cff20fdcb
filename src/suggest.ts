/**
 * "did you mean …?" for a mistyped value of a closed list (a role, a status, a region, a kind of
 * event, a field, a --by or --format choice): commander suggests a command or an option that is
 * near, and the values given to them deserve the same. One rule for all of them: the choice
 * nearest in edits (case aside) when no other is as near and it is near enough for its length,
 * or the one choice the typed text begins (at least three letters). Every "did you mean" of
 * skillsnet's own uses it: the category codes, a data file's keys, the values of its options, and
 * (nearestName) the saved names of calls, rosters and cohorts. Only a category's name, several
 * words, is held to a stricter rule of its own (taxonomy.ts).
 */
import { distance } from 'fastest-levenshtein';

export function nearestChoice(input: string, choices: Iterable<string>): string | undefined {
  const typed = input.trim().toLowerCase();
  if (!typed) return undefined;
  const list = [...choices];
  const begun = typed.length >= 3 ? list.filter((c) => c.toLowerCase().startsWith(typed)) : [];
  if (begun.length === 1) return begun[0];
  let best: { choice: string; d: number; tied: boolean } | undefined;
  for (const choice of list) {
    const d = distance(typed, choice.toLowerCase());
    if (!best || d < best.d) best = { choice, d, tied: false };
    else if (d === best.d) best.tied = true;
  }
  // (two choices as near as each other: no guess; "mem" is as near to several as to one)
  if (!best || best.tied) return undefined;
  // the choice itself is no suggestion; written otherwise in case, where case counts (a data file's
  // key, "Stopwords"), it is
  if (best.d === 0) return best.choice === input.trim() ? undefined : best.choice;
  return nearEnough(typed, best.choice) ? best.choice : undefined;
}

/**
 * Whether `choice` is near enough to what was typed to be suggested for it: two edits from four
 * letters on (a swap of two letters, "titel", is two; one for "en", "fr"), a third of a longer
 * choice, and no more than half of what was typed ("ca" is no "call", "budget" no "quiet").
 */
export function nearEnough(input: string, choice: string): boolean {
  const typed = input.trim().toLowerCase();
  const near = Math.min(choice.length <= 3 ? 1 : Math.max(2, Math.floor(choice.length / 3)), Math.max(1, Math.floor(typed.length / 2)));
  return distance(typed, choice.toLowerCase()) <= near;
}

/** `; did you mean "X"?` to end an error message with, or nothing. */
export function didYouMean(input: string, choices: Iterable<string>, quote = '"'): string {
  const near = nearestChoice(input, choices);
  return near === undefined ? '' : `; did you mean ${quote}${near}${quote}?`;
}

/**
 * The saved name (a call, a roster, a cohort) meant by one that names nothing: the same with the
 * spaces around it that a paste brings, or a mistyped one ("2O21", "core-2O21", "Core-2021"), never
 * one that differs from it only in digits: "2024" beside "2020" is another year, not a typo of it.
 */
export function nearestName(typed: string, names: readonly string[]): string | undefined {
  if (typed !== typed.trim() && names.includes(typed.trim())) return typed.trim();
  const otherNumber = (name: string) => name.length === typed.length && [...name].every((ch, i) => ch === typed[i] || (/\d/.test(ch) && /\d/.test(typed[i]!)));
  return nearestChoice(typed, names.filter((n) => !otherNumber(n)));
}

/** A name with its unseen or lookalike characters spelled out: "SIC-2021<U+200B>", "SIC<U+2013>2021". */
export function spelledOut(name: string): string {
  return [...name].map((ch) => (ch !== ' ' && ch !== '-' && (/[\p{Cc}\p{Cf}\p{Zs}\p{Pd}]/u.test(ch) || ch.normalize('NFKC') !== ch)
    ? `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`
    : ch)).join('');
}

/**
 * " (written SIC<U+00A0>2021: …)" for a typed name holding characters that show as nothing or look
 * like others (pasted from a document or a chat), else nothing: its "did you mean" reads the same
 * as what was typed, and says so what differs.
 */
export function writtenAs(typed: string): string {
  const name = typed.trim();
  const spelled = spelledOut(name);
  return spelled === name ? '' : ` (written ${spelled}: pasted text brings characters that look like others or show as nothing)`;
}

/**
 * `; did you mean "core-2020"?` for a saved name that matched nothing, given the one nearest it (nothing
 * without one). What differs is spelled out (writtenAs) or, for a name in another case or with a
 * paste's spaces around it, said to be looked up as written; a typo ("core-2O21") needs no note.
 */
export function meantName(typed: string, near: string | undefined): string {
  if (near === undefined) return '';
  const slip = typed.trim().toLowerCase() === near.toLowerCase() ? ' (names are looked up as written)' : '';
  return `; did you mean "${near}"?${writtenAs(typed) || slip}`;
}
