/**
 * The kind of an event as French and Spanish officers type it: "--kind reunión" was refused with
 * the English list, though the Network works in the three languages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/connection.js';
import { addEvent, editEvent } from '../../../src/events/manage.js';
import { UsageError } from '../../../src/errors.js';
import { tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-kinds-');
const db = openDatabase(path.join(dir, 'kinds.db'), { create: true });
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const add = (kind: string) => addEvent(db, { title: `An event (${kind})`, kind, start: '2021-03-04 15:00', timeZone: 'Europe/Zurich' }).event.kind;

describe('event kinds in French and Spanish', () => {
  it.each([
    ['reunión', 'meeting'], ['Réunion', 'meeting'], ['REUNION', 'meeting'],
    ['webinaire', 'webinar'], ['seminario web', 'webinar'], ['Séminaire en ligne', 'webinar'], ['webinario', 'webinar'],
    ['clinique', 'clinic'], ['clínica', 'clinic'],
    ['atelier', 'workshop'], ['taller', 'workshop'],
    ['Meeting', 'meeting'], [' workshop ', 'workshop'],
  ])('%s is a %s', (typed, kind) => {
    expect(add(typed)).toBe(kind);
  });

  it('reads them when an event is changed too', () => {
    const { id } = addEvent(db, { title: 'Second meeting', kind: 'meeting', start: '2021-04-01 10:00', timeZone: 'America/Lima' });
    expect(editEvent(db, id, { kind: 'taller' }).event.kind).toBe('workshop');
  });

  it('still refuses a kind that is none of them, listing the four', () => {
    expect(() => add('fiesta')).toThrow(UsageError);
    expect(() => add('fiesta')).toThrow(/unknown kind of event "fiesta"/);
    // a word of an object's prototype is no kind
    expect(() => add('constructor')).toThrow(/unknown kind of event/);
  });
});
