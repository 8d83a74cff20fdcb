/**
 * What a Network event is (issue 14): a Core Group meeting, a webinar, a Skills Innovation Clinic
 * or a workshop. Plain data in the base layer, so that the database stores it (db/events.ts) and
 * the events library computes with it (src/events/) from one definition.
 */

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

