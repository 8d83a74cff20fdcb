import { describe, expect, it } from 'vitest';
import { addEventsToKumu, type EventsOverlay } from '../../../src/export/events-overlay.js';
import type { KumuMap } from '../../../src/export/kumu.js';

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
