/**
 * The vocabulary of the Network's events (issue 14): what an event is and who is invited to it.
 * Plain data, no behaviour: the database layer stores it, the domain modules next to this file
 * compute with it, the CLI prints it.
 */
import type { Region } from '../model.js';

// What an event is sits in the base layer (src/event-model.ts) so that the database layer can store it.
export { EVENT_KINDS, isEventKind, type EventKind, type NetworkEvent } from '../event-model.js';

/** A member invited to an event, as the invitations, groups and calendar need them. */
export interface Invitee {
  memberId: number;
  organization: string;
  givenName: string | null;
  familyName: string | null;
  fullName: string | null;
  email: string | null;
  /** ISO 3166-1 alpha-2, or null when unknown. */
  country: string | null;
  /** ISO 639-1 preferred working language, or null when the member never said. */
  workingLanguage: string | null;
  /** The member's own IANA time zone, when recorded: it wins over the country's. */
  timeZone?: string | null;
  region: Region | null;
  /** Revised-taxonomy codes. */
  categories: string[];
}
