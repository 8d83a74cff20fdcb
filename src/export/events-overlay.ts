/**
 * The Network's events on the maps: each event an element (Kumu Type "Event") or a context node
 * (offline map), linked "attended" from every organisation (or person) whose member came, and
 * "presented" from its presenter; organisations get an Attendance field (events attended).
 * Cancelled events are left out: they did not happen.
 *
 * Added on top of the network the exports already build, by element ID: a member's element is
 * the one holding its applications (else its own Kumu ID, for members who never applied), so the
 * events follow whatever IDs the network gives its organisations.
 */
import type { DB } from '../db/connection.js';
import { allAttendance } from '../db/attendance.js';
import { listEvents } from '../db/events.js';
import { listMembers } from '../db/members.js';
import { categoryName } from '../tagging/taxonomy.js';
import { ELEMENT_TYPES } from './network.js';
import type { KumuMap, KumuRow } from './kumu.js';
import type { MapEdge } from './map-types.js';
import { endClockText } from '../text.js';

export const EVENT_ELEMENT_TYPE = 'Event';
export const EVENT_CONNECTION_TYPES = { attended: 'attended', presented: 'presented' } as const;
/** Fields the events add to the Kumu sheets (after the network's own). */
export const EVENT_ELEMENT_FIELDS = ['Attendance', 'Date', 'Event Kind'];
export const EVENT_CONNECTION_FIELDS = ['Minutes'];

export interface OverlayEvent {
  id: number;
  elementId: string;
  title: string;
  kind: string;
  /** 'YYYY-MM-DD' on the organiser's clock. */
  date: string;
  /** "2020-11-19 14:00–16:00 Europe/Zurich (UTC+01:00)" */
  when: string;
  languages: string[];
  topicCategory: string | null;
  presenterId: number | null;
}

export interface EventsOverlay {
  events: OverlayEvent[];
  attendance: { eventId: number; memberId: number; minutes: number }[];
  /** Each member's applications and Kumu ID, to find its element. */
  members: { memberId: number; applicationIds: number[]; kumuId: string }[];
}

export const eventElementId = (id: number) => `event-${id}`;

/** The events (not cancelled) and who came, read once per export. */
export function loadEventsOverlay(db: DB): EventsOverlay {
  const events = listEvents(db).filter((e) => !e.cancelled);
  const kept = new Set(events.map((e) => e.id));
  // Most exports run on databases without events: no need to read the members then.
  if (!events.length) return { events: [], attendance: [], members: [] };
  const attendance = allAttendance(db).filter((a) => kept.has(a.eventId));
  // Only the members who came or presented are looked for on the map: not every member of the network.
  const ids = new Set(attendance.map((a) => a.memberId));
  for (const e of events) if (e.presenterId != null) ids.add(e.presenterId);
  return {
    events: events.map((e) => ({
      id: e.id, elementId: eventElementId(e.id), title: e.title, kind: e.kind, date: e.start.slice(0, 10),
      when: whenText(e.start, e.startUtc, e.durationMinutes, e.timeZone),
      languages: e.languages, topicCategory: e.topicCategory ?? null, presenterId: e.presenterId ?? null,
    })),
    attendance,
    members: ids.size ? listMembers(db, { ids: [...ids] }).map((m) => ({ memberId: m.id, applicationIds: m.applicationIds, kumuId: m.kumuId })) : [],
  };
}

/**
 * "2020-11-19 14:00–16:00 Europe/Zurich (UTC+01:00)" from what the database stores (the events
 * library is above this module: Intl gives the end time and the offset from the same zone data).
 */
function whenText(startLocal: string, startUtc: string, minutes: number, zone: string): string {
  const end = new Date(Date.parse(startUtc) + minutes * 60_000);
  const endTime = endClockText(new Date(startUtc), end, zone);
  const offset = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(startUtc)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return `${startLocal.slice(0, 10)} ${startLocal.slice(11, 16)}–${endTime} ${zone} (${offset.replace('GMT', 'UTC') || 'UTC+00:00'})`;
}

/** member ID -> the element standing for it, among `elements` (ID and the application IDs each holds). */
function elementOfMember(overlay: EventsOverlay, elements: { id: string; applicationIds: number[] }[]): Map<number, string> {
  const byApplication = new Map<number, string>();
  for (const e of elements) for (const a of e.applicationIds) byApplication.set(a, e.id);
  const ids = new Set(elements.map((e) => e.id));
  const out = new Map<number, string>();
  for (const m of overlay.members) {
    const viaApplication = m.applicationIds.map((a) => byApplication.get(a)).find(Boolean);
    const own = m.applicationIds.length === 0 && ids.has(m.kumuId) ? m.kumuId : undefined;
    const id = viaApplication ?? own;
    if (id) out.set(m.memberId, id);
  }
  return out;
}

interface EventLink {
  id: string;
  from: string;
  to: string;
  type: (typeof EVENT_CONNECTION_TYPES)[keyof typeof EVENT_CONNECTION_TYPES];
  minutes: number | null;
}

function eventLinks(overlay: EventsOverlay, elementOf: Map<number, string>): EventLink[] {
  const links: EventLink[] = [];
  const attendedLinks = new Map<string, EventLink>();
  const events = new Map(overlay.events.map((e) => [e.id, e]));
  // Two members drawn as one element (an organisation and its merged twin) attend once, minutes summed.
  for (const a of overlay.attendance) {
    const from = elementOf.get(a.memberId);
    const event = events.get(a.eventId);
    if (!from || !event) continue;
    const id = `${from}--${event.elementId}`;
    const existing = attendedLinks.get(id);
    if (existing) existing.minutes = (existing.minutes ?? 0) + a.minutes;
    else {
      const link: EventLink = { id, from, to: event.elementId, type: EVENT_CONNECTION_TYPES.attended, minutes: a.minutes };
      links.push(link);
      attendedLinks.set(id, link);
    }
  }
  for (const e of overlay.events) {
    const from = e.presenterId !== null ? elementOf.get(e.presenterId) : undefined;
    if (from) links.push({ id: `${from}--presented--${e.elementId}`, from, to: e.elementId, type: EVENT_CONNECTION_TYPES.presented, minutes: null });
  }
  return links;
}

/**
 * The Kumu map with the events: an Attendance field on the organisations (and persons), and with
 * `withEvents` the events as elements and the "attended" and "presented" connections.
 */
export function addEventsToKumu(map: KumuMap, overlay: EventsOverlay, options: { withEvents: boolean }): KumuMap {
  if (!overlay.events.length) return map;
  const actors = map.elements
    // (the actors only: a category, a region or a target group attends nothing)
    .filter((e) => e.Type === ELEMENT_TYPES.organization || e.Type === ELEMENT_TYPES.person)
    .map((e) => ({ id: String(e.ID), applicationIds: Array.isArray(e.Applications) ? e.Applications.map(Number) : [] }));
  const elementOf = elementOfMember(overlay, actors);
  const links = eventLinks(overlay, elementOf);
  const attended = new Map<string, Set<number>>();
  for (const l of links) {
    if (l.type !== EVENT_CONNECTION_TYPES.attended) continue;
    if (!attended.has(l.from)) attended.set(l.from, new Set());
    attended.get(l.from)!.add(Number(l.to.replace('event-', '')));
  }
  const actorIds = new Set(actors.map((a) => a.id));
  const elements: KumuRow[] = map.elements.map((e) => (actorIds.has(String(e.ID)) ? { ...e, Attendance: attended.get(String(e.ID))?.size ?? 0 } : e));
  const elementFields = [...map.elementFields, 'Attendance'];
  if (!options.withEvents) return { ...map, elementFields, elements };

  const byEvent = new Map<string, number>();
  for (const l of links) if (l.type === EVENT_CONNECTION_TYPES.attended) byEvent.set(l.to, (byEvent.get(l.to) ?? 0) + 1);
  for (const e of overlay.events) {
    elements.push({
      ID: e.elementId, Label: e.title.replace(/\|/g, '/'), Type: EVENT_ELEMENT_TYPE,
      Description: `${e.kind[0]!.toUpperCase()}${e.kind.slice(1)}, ${e.when}; languages ${e.languages.join(', ')}`,
      Tags: e.topicCategory ? [categoryName(e.topicCategory)] : null,
      Attendance: byEvent.get(e.elementId) ?? 0, Date: e.date, 'Event Kind': e.kind,
    });
  }
  const connections: KumuRow[] = [
    ...map.connections,
    ...links.map((l) => ({ ID: l.id, From: l.from, To: l.to, Type: l.type, Direction: 'directed', Strength: 1, Minutes: l.minutes })),
  ];
  return {
    elementFields: [...elementFields, 'Date', 'Event Kind'],
    elements,
    connectionFields: [...map.connectionFields, ...EVENT_CONNECTION_FIELDS],
    connections,
  };
}

/** The events as the offline map's context nodes and "attended" edges, for the network's organisations. */
export function eventsForMap(overlay: EventsOverlay, organizations: readonly { id: string; applicationIds: number[] }[]): { nodes: { id: string; label: string; key: string; detail: string | null }[]; edges: MapEdge[] } {
  const elementOf = elementOfMember(overlay, organizations.map((o) => ({ id: o.id, applicationIds: o.applicationIds })));
  const links = eventLinks(overlay, elementOf).filter((l) => l.type === EVENT_CONNECTION_TYPES.attended);
  return {
    nodes: overlay.events.map((e) => ({ id: e.elementId, label: e.title, key: String(e.id), detail: `${e.when} · ${e.languages.join(', ')}` })),
    edges: links.map((l) => ({ id: l.id, source: l.from, target: l.to, kind: 'attended' as const, weight: 1 })),
  };
}
