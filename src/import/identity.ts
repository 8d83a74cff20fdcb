/**
 * Which stored application a row is. Within a call: the file's application-ID column when the
 * row has one; otherwise the normalised email, organisation name, title and contact name, so
 * that "ACME Foundation " and "Acme foundation" sent from the same address with the same title
 * are one application, while two people sharing an address and an organisation, or two
 * proposals of one organisation sent by the same contact, stay two applications (flagged as
 * likely duplicates for an officer to look at: duplicates.ts). Nothing merges two applicants
 * silently.
 */
import crypto from 'node:crypto';
import { normaliseName } from '../geo/normalise.js';
import type { NormalisedApplication } from './normalise.js';

type Identified = Pick<NormalisedApplication, 'externalId' | 'email' | 'organization' | 'title' | 'contactName'>;

/** The identity of a row within its call. */
export function identityKey(a: Identified, normalised?: NormalisedNames): string {
  if (a.externalId) return `id:${a.externalId.toLowerCase()}`;
  return contactKey(a, normalised);
}

/** The identity by email, organisation, title and contact name, whether or not the row has an application ID. */
export function contactKey(a: Pick<Identified, 'email' | 'organization' | 'title' | 'contactName'>, normalised?: NormalisedNames): string {
  const n = normalised ?? normalisedNames(a);
  return `contact:${a.email ?? ''}|${n.organization}|${n.title}|${normaliseName(a.contactName ?? '')}`;
}

/** The organisation and title as identity and the likely-duplicate rules compare them, computed once per row. */
export interface NormalisedNames {
  organization: string;
  title: string;
}

export function normalisedNames(a: Pick<Identified, 'organization' | 'title'>): NormalisedNames {
  return { organization: normaliseName(a.organization ?? ''), title: a.title ? normaliseName(a.title) : '' };
}

/**
 * The identity skillsnet gave rows without an ID before titles and contact names counted (email
 * and organisation): an application stored that way is the same one when its title and contact
 * name are the row's too, and takes the new identity on its next update.
 */
export function legacyContactKey(a: Pick<Identified, 'email' | 'organization'>, normalised?: NormalisedNames): string {
  return `contact:${a.email ?? ''}|${normalised ? normalised.organization : normaliseName(a.organization)}`;
}

/** Whether a stored application has the row's title and contact name (spacing, case and accents aside). */
export function sameTitleAndContact(stored: { title: string | null; contact_name: string | null }, a: Pick<Identified, 'title' | 'contactName'>): boolean {
  return normaliseName(stored.title ?? '') === normaliseName(a.title ?? '') && normaliseName(stored.contact_name ?? '') === normaliseName(a.contactName ?? '');
}

/**
 * Whether a row that carries the application ID of a stored application is really another
 * application: its organisation and its email both differ. Form tools number responses per
 * form (Microsoft Forms' "ID" is 1, 2, 3... in every form), so two forms of one call share IDs;
 * a correction changes one of the two, rarely both.
 */
export function isOtherApplication(
  stored: { email: string | null; organization: string },
  a: Pick<NormalisedApplication, 'email' | 'organization'>,
): boolean {
  return (stored.email ?? '') !== (a.email ?? '') && normaliseName(stored.organization) !== normaliseName(a.organization);
}

/**
 * A short hash (64 bits of SHA-1, as hex): enough to tell whether a row differs from the stored
 * version of the same application, or to key the likely-duplicate rules. Node's one-shot hash is
 * several times faster on rows of a few hundred characters than any hash written in JavaScript.
 */
export function contentHash(text: string): string {
  return (oneShot ? oneShot('sha1', text, 'hex') : crypto.createHash('sha1').update(text).digest('hex')).slice(0, 16);
}

/** crypto.hash (Node 20.12 and later); older releases create a Hash object each time. */
const oneShot = (crypto as unknown as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/**
 * A 53-bit hash of a few short texts (cyrb53, the parts kept apart), as a number: the likely-duplicate keys are stored and
 * indexed as integers, smaller and quicker to compare than the texts they stand for.
 */
export function keyHash(...parts: string[]): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let p = 0; p < parts.length; p++) {
    const text = parts[p]!;
    if (p > 0) {
      // a separator between parts: ("ab", "c") is not ("a", "bc")
      h1 = Math.imul(h1 ^ 31, 2654435761);
      h2 = Math.imul(h2 ^ 31, 1597334677);
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
