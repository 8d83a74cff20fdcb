/**
 * The IDs an officer types: an application ("17", "#17"), an organisation ("org-4"), a member
 * ("member-9"), a person ("person-3"), an event ("event-2"). One parser for every command, so
 * that `member-9` works wherever a member is taken and the errors read the same.
 *
 * An error here never repeats what was typed: where an ID was expected, officers type names,
 * email addresses and phone numbers, and messages carry no personal data. It says what the value
 * looks like ("an email address", "a name or other text", "a phone number") and where to find
 * the ID.
 */
import { UsageError } from './errors.js';

export type IdKind = 'application' | 'organization' | 'member' | 'person' | 'event';

export interface ParsedId {
  kind: IdKind;
  id: number;
}

/** (a Map: typed text such as "constructor-1" must not find Object's own properties) */
const PREFIXES: ReadonlyMap<string, IdKind> = new Map(Object.entries({
  app: 'application', application: 'application', a: 'application',
  org: 'organization', organization: 'organization', organisation: 'organization', o: 'organization',
  member: 'member', m: 'member', person: 'person', p: 'person', event: 'event', e: 'event',
} as const));

/** How each kind of ID is written, for messages. */
export const ID_EXAMPLES: Record<IdKind, string> = {
  application: 'an application ID (17)',
  organization: 'an organisation (org-4)',
  member: 'a member (member-9)',
  person: 'a person (person-3)',
  event: 'an event ID (2)',
};

/** Where an officer finds IDs of each kind. */
export const ID_SOURCES: Record<IdKind, string> = {
  application: 'skillsnet list --search TEXT',
  organization: 'skillsnet organizations --search TEXT',
  member: 'skillsnet members --search TEXT',
  person: 'skillsnet show org-N (its people)',
  event: 'skillsnet events',
};

/**
 * What a value looks like, in words that do not repeat it: a typed name, address or number may
 * be personal data. An ID-shaped value is safe to show.
 */
export function looksLike(text: string): string {
  const t = text.trim();
  if (!t) return 'an empty value';
  if (t.includes('@')) return 'an email address';
  const digits = t.replace(/\D/g, '');
  if (/^[+(]?[\d\s().\-/]+$/.test(t) && digits.length >= 7) return 'a phone number';
  if (/^#?0+$/.test(t)) return `${t} (IDs are whole numbers from 1)`;
  if (/^#?\d{1,6}$/.test(t)) return `a plain number (${t})`;
  if (/^[-+]?\d+([.,]\d+)?$/.test(t)) return 'a number that is no ID';
  const prefixed = /^([a-z]+)[-:#\s]?(\d{1,9})$/i.exec(t);
  const prefixKind = prefixed ? PREFIXES.get(prefixed[1]!.toLowerCase()) : undefined;
  if (prefixed && prefixKind) {
    const kind = prefixKind;
    // (org-0: the right kind, but no record is numbered 0)
    if (/^0+$/.test(prefixed[2]!)) return `${t} (IDs are whole numbers from 1)`;
    return `${ID_EXAMPLES[kind].replace(/ \(.*\)$/, '')} (${t})`;
  }
  return 'a name or other text';
}

/** "17" / "#17" / "org-4" / "member 9" -> the kind and number, or undefined. Bare numbers are `bare`'s kind. */
export function readId(text: string, bare: IdKind | null): ParsedId | undefined {
  const m = /^\s*#?(?:([a-z]+)[-:#\s]?)?(\d{1,9})\s*$/i.exec(text);
  if (!m) return undefined;
  const kind = m[1] === undefined ? bare : PREFIXES.get(m[1].toLowerCase());
  const id = Number(m[2]);
  if (!kind || !Number.isInteger(id) || id <= 0) return undefined;
  return { kind, id };
}

export interface IdOptions {
  /** The kind a bare number is (default: the first allowed). */
  bare?: IdKind | null;
  /** What takes the ID, for the message: "erase", "--member", "member set". */
  what?: string;
  /** The next step; by default where to find IDs of the allowed kinds. */
  hint?: string;
}

/** The error for a value that is none of the allowed IDs: what it looks like, never the value. */
export function notAnId(text: string, allowed: readonly IdKind[], options: IdOptions = {}): UsageError {
  const expected = allowed.map((k) => ID_EXAMPLES[k]).join(allowed.length > 2 ? ', ' : ' or ').replace(/, ([^,]*)$/, ' or $1');
  const who = options.what ? `${options.what} takes ${expected}` : `expected ${expected}`;
  const sources = [...new Set(allowed.map((k) => ID_SOURCES[k]))];
  const hint = options.hint ?? `find IDs with ${sources.join(', ').replace(/, ([^,]*)$/, ' or $1')}`;
  return new UsageError(`${who}; that is ${looksLike(text)}`, { hint });
}

/** Parses one ID of the allowed kinds, or throws notAnId. */
export function parseId(text: string, allowed: readonly IdKind[], options: IdOptions = {}): ParsedId {
  const bare = options.bare === undefined ? allowed[0] ?? null : options.bare;
  const found = readId(text, bare);
  if (!found || !allowed.includes(found.kind)) throw notAnId(text, allowed, options);
  return found;
}

/** An application ID ("17", "#17", "application-17"). */
export function parseApplicationId(text: string, options: IdOptions = {}): number {
  return parseId(text, ['application'], options).id;
}

/** A member as tables and messages show it: "member-9", never a bare number an application ID could be. */
export function memberLabel(id: number): string {
  return `member-${id}`;
}

/** An organisation as every export names it: "org-4" (its Kumu ID). */
export function organizationLabel(id: number): string {
  return `org-${id}`;
}
