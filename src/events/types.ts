/**
 * The vocabulary of the Network's events (issue 14): what an event is and who is invited to it.
 * Plain data, no behaviour: the database layer stores it, the domain modules next to this file
 * compute with it, the CLI prints it.
 */
import type { Region } from '../model.js';

export const EVENT_KINDS = ['meeting', 'webinar', 'clinic', 'workshop'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export function isEventKind(value: string): value is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(value);
}

/** A Core Group meeting, a webinar, a Skills Innovation Clinic or a workshop. */
export interface NetworkEvent {
  title: string;
  kind: EventKind;
  /**
   * Local wall time where the event is organised, 'YYYY-MM-DDTHH:MM' (a space instead of the
   * T is accepted). When that time happens twice (the night clocks go back), the offset chosen
   * is written after it: '2021-10-31T02:30+01:00'.
   */
  start: string;
  /** IANA time zone of `start`, e.g. 'Europe/Zurich'. */
  timeZone: string;
  durationMinutes: number;
  /** ISO 639-1 codes of the languages the event runs in (plenary and breakout groups). */
  languages: string[];
  /** The member who presents (webinars, clinics). */
  presenterId?: number;
  /** Revised-taxonomy code of the event's topic. */
  topicCategory?: string;
  cancelled?: boolean;
}

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
