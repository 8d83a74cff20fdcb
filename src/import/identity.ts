/**
 * Which stored application a row is. Within a call: the file's application-ID column when the
 * row has one; otherwise the normalised email, organisation name, title and contact name, so
 * that "ACME Foundation " and "Acme foundation" sent from the same address with the same title
 * are one application, while two people sharing an address and an organisation, or two
 * proposals of one organisation sent by the same contact, stay two applications (flagged as
 * likely duplicates for an officer to look at: duplicates.ts). Nothing merges two applicants
 * silently.
 */
import { normaliseName } from '../geo/normalise.js';
import type { NormalisedApplication } from './normalise.js';

type Identified = Pick<NormalisedApplication, 'externalId' | 'email' | 'organization' | 'title' | 'contactName'>;

/** The identity of a row within its call. */
export function identityKey(a: Identified): string {
  if (a.externalId) return `id:${a.externalId.toLowerCase()}`;
  return contactKey(a);
}

/** The identity by email, organisation, title and contact name, whether or not the row has an application ID. */
export function contactKey(a: Pick<Identified, 'email' | 'organization' | 'title' | 'contactName'>): string {
  return `contact:${a.email ?? ''}|${normaliseName(a.organization)}|${normaliseName(a.title ?? '')}|${normaliseName(a.contactName ?? '')}`;
}

/**
 * The identity skillsnet gave rows without an ID before titles and contact names counted (email
 * and organisation): an application stored that way is the same one when its title and contact
 * name are the row's too, and takes the new identity on its next update.
 */
export function legacyContactKey(a: Pick<Identified, 'email' | 'organization'>): string {
  return `contact:${a.email ?? ''}|${normaliseName(a.organization)}`;
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
 * A fast 53-bit hash (cyrb53) as hex: enough to tell whether a row differs from the stored
 * version of the same application, at a fraction of the cost of a cryptographic hash.
 */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
