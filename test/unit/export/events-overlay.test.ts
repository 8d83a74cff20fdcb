import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addEventsToKumu, loadEventsOverlay, type EventsOverlay } from '../../../src/export/events-overlay.js';
import type { KumuMap } from '../../../src/export/kumu.js';
import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication } from '../../../src/db/applications.js';
import { insertEvent } from '../../../src/db/events.js';
import { listMembers } from '../../../src/db/members.js';
import { tempDir } from '../support/run.js';

describe('the events in a Kumu map', () => {
  const map: KumuMap = {
    elementFields: ['ID', 'Label', 'Type', 'Applications'],
    elements: [
      { ID: 'org-1', Label: 'Fundación Andes', Type: 'Organization', Applications: ['1'] },
      { ID: 'person-7', Label: 'Ana Pérez', Type: 'Person', Applications: null },
      { ID: 'category-life-skills', Label: 'Life skills', Type: 'Skills category' },
      { ID: 'region-americas', Label: 'Americas', Type: 'Region' },
      { ID: 'target-group-youth', Label: 'Youth', Type: 'Target group' },
    ],
    connectionFields: ['ID', 'From', 'To', 'Type'],
    connections: [],
  };
  const overlay: EventsOverlay = {
    events: [{ id: 1, elementId: 'event-1', title: 'Clinic', kind: 'clinic', date: '2020-12-10', when: '2020-12-10 14:00', languages: ['en'], topicCategory: null, presenterId: null }],
    attendance: [{ eventId: 1, memberId: 11, minutes: 60 }],
    members: [{ memberId: 11, applicationIds: [1], kumuId: 'org-1' }],
  };

  it('gives an Attendance to the actors only: a category, a region or a target group attends nothing', () => {
    const out = addEventsToKumu(map, overlay, { withEvents: false });
    const attendance = Object.fromEntries(out.elements.map((e) => [e.ID, e.Attendance]));
    expect(attendance).toEqual({ 'org-1': 1, 'person-7': 0, 'category-life-skills': undefined, 'region-americas': undefined, 'target-group-youth': undefined });
  });
});

describe('the events read for an export', () => {
  it('read only the members who came or presented, and draw the map as with every member', () => {
    const db = openDatabase(path.join(tempDir(), 'e.db'), { create: true });
    const apps = Array.from({ length: 40 }, (_, i) => insertApplication(db, '2020', { externalId: `A-${i}`, title: `T ${i}`, organization: `Org ${i}`, country: 'KE', region: 'Africa' }));
    const members = listMembers(db);
    expect(members.length).toBe(40);
    const event = (title: string, presenterId: number | null) => insertEvent(db, {
      title, kind: 'clinic', start: '2021-03-04 15:00', timeZone: 'Europe/Zurich', startUtc: '2021-03-04T14:00:00Z', durationMinutes: 60,
      languages: ['en'], presenterId, topicCategory: null, location: null,
    });
    const e1 = event('Clinic', members[5]!.id);
    const e2 = event('Meeting', null);
    const attend = db.prepare('INSERT INTO event_attendance (event_id, member_id, minutes, joins) VALUES (?, ?, ?, 1)');
    for (const [e, m, minutes] of [[e1, 0, 50], [e1, 1, 20], [e2, 1, 30], [e2, 9, 60]] as const) attend.run(e, members[m]!.id, minutes);
    const overlay = loadEventsOverlay(db);
    // the three who came and the presenter, not the forty
    expect(overlay.members.map((m) => m.memberId)).toEqual([0, 1, 5, 9].map((i) => members[i]!.id));
    const everyone: EventsOverlay = { ...overlay, members: members.map((m) => ({ memberId: m.id, applicationIds: m.applicationIds, kumuId: m.kumuId })) };
    const map: KumuMap = {
      elementFields: ['ID', 'Label', 'Type', 'Applications'],
      elements: members.map((m, i) => ({ ID: m.kumuId, Label: `Org ${i}`, Type: 'Organization', Applications: [String(apps[i])] })),
      connectionFields: ['ID', 'From', 'To', 'Type'],
      connections: [],
    };
    for (const withEvents of [false, true]) expect(addEventsToKumu(map, overlay, { withEvents })).toEqual(addEventsToKumu(map, everyone, { withEvents }));
    const out = addEventsToKumu(map, overlay, { withEvents: true });
    expect(out.connections.map((c) => [c.From, c.To, c.Type])).toEqual([
      [members[0]!.kumuId, 'event-1', 'attended'], [members[1]!.kumuId, 'event-1', 'attended'], [members[1]!.kumuId, 'event-2', 'attended'],
      [members[9]!.kumuId, 'event-2', 'attended'], [members[5]!.kumuId, 'event-1', 'presented'],
    ]);
    db.close();
  });
});
