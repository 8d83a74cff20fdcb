import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { checkEvent, eventTimes, validateEvent } from '../../../src/events/event.js';
import { buildInvitations, INVITATION_CSV_COLUMNS, invitationsCsv } from '../../../src/events/invitations.js';
import { dateText, salutation, textLanguage } from '../../../src/events/texts.js';
import type { Invitee } from '../../../src/events/types.js';
import { FIRST_MEETING } from './fixtures.js';

function member(memberId: number, fields: Partial<Invitee>): Invitee {
  return {
    memberId,
    organization: `Organisation ${memberId}`,
    givenName: null,
    familyName: null,
    fullName: null,
    email: `m${memberId}@example.org`,
    country: null,
    workingLanguage: 'en',
    region: null,
    categories: [],
    ...fields,
  };
}

const INVITEES: Invitee[] = [
  member(1, { givenName: 'Ana', familyName: 'García Márquez', country: 'MX', workingLanguage: 'es', region: 'Americas' }),
  member(2, { givenName: 'Josephine', familyName: 'Reyes', country: 'PH', workingLanguage: 'en', region: 'Asia and the Pacific' }),
  member(3, { givenName: 'Sione', familyName: 'Tuilagi', country: 'WS', workingLanguage: 'en', region: 'Asia and the Pacific' }),
  member(4, { givenName: 'Camila', familyName: 'Soto', country: 'CL', workingLanguage: 'es', region: 'Americas' }),
  member(5, { givenName: 'Awa', familyName: 'Traoré', country: 'CD', workingLanguage: 'fr', region: 'Africa' }),
  member(6, { givenName: 'João', familyName: 'Silva', country: 'BR', workingLanguage: 'pt', region: 'Americas', timeZone: 'America/Manaus' }),
  // one name field only: split as the contacts export splits it, or not at all where that is not safe
  member(7, { givenName: null, fullName: 'Andrés Martín García', country: null, workingLanguage: 'es', email: null }),
  member(8, { givenName: '=HYPERLINK("http://x")', country: 'US', workingLanguage: 'en' }),
  member(9, { givenName: null, fullName: 'Marie-Claire Dubois', country: 'SN', workingLanguage: 'fr', region: 'Africa' }),
  member(10, { givenName: null, fullName: 'José Luis Pérez Gómez', country: 'PE', workingLanguage: 'es', region: 'Americas' }),
];

describe('events: validation and times', () => {
  it('accepts the first Core Group meeting and gives its instants', () => {
    expect(validateEvent(FIRST_MEETING)).toEqual([]);
    const t = eventTimes(FIRST_MEETING);
    expect([t.utcStart, t.utcEnd, t.localStart.iso, t.localEnd.iso]).toEqual(['2020-11-19T13:00:00Z', '2020-11-19T15:00:00Z', '2020-11-19T14:00:00+01:00', '2020-11-19T16:00:00+01:00']);
  });

  it('reports every problem, the DST gap and overlap in words', () => {
    const problems = validateEvent({ ...FIRST_MEETING, title: ' ', kind: 'party' as never, start: '2021-03-28 02:30', durationMinutes: 0, languages: ['en', 'English'] });
    expect(problems.map((p) => [p.field, p.problem ?? null])).toEqual([
      ['title', null],
      ['kind', null],
      ['start', 'gap'],
      ['durationMinutes', null],
      ['languages', null],
    ]);
    expect(() => checkEvent({ ...FIRST_MEETING, start: '2021-03-28 02:30' })).toThrow('2021-03-28 02:30 does not exist in Europe/Zurich: that night the clocks go forward from 02:00 to 03:00');
    expect(() => eventTimes({ ...FIRST_MEETING, start: '2021-10-31 02:30' })).toThrow(/happens twice in Europe\/Zurich/);
    expect(() => checkEvent({ ...FIRST_MEETING, timeZone: 'Geneva' })).toThrow('unknown time zone "Geneva"');
    expect(checkEvent({ ...FIRST_MEETING, timeZone: 'europe/zurich' }).timeZone).toBe('Europe/Zurich');
  });

  it('says a duration past a week is too long, not that it must be above 0', () => {
    expect(validateEvent({ ...FIRST_MEETING, durationMinutes: 7 * 24 * 60 })).toEqual([]);
    const [problem] = validateEvent({ ...FIRST_MEETING, durationMinutes: 100000 });
    expect(problem).toMatchObject({ field: 'durationMinutes', message: 'the duration must be at most a week (10,080 minutes), got 100,000' });
    expect(problem!.hint).toMatch(/in minutes/);
    expect(validateEvent({ ...FIRST_MEETING, durationMinutes: -5 })[0]!.message).toBe('the duration must be a whole number of minutes above 0, got -5');
  });
});

describe('the invitation sheet', () => {
  const sheet = buildInvitations(FIRST_MEETING, INVITEES, { groups: new Map([[1, 'es-1'], [2, 'en-1'], [5, 'fr-1']]) });
  const byId = new Map(sheet.rows.map((r) => [r.memberId, r]));

  it('gives each invitee the meeting on their own clock, with its offset', () => {
    expect(byId.get(1)).toMatchObject({ timeZone: 'America/Mexico_City', timeZoneSource: 'capital', multipleZones: true, localStart: '2020-11-19T07:00:00-06:00', localEnd: '2020-11-19T09:00:00-06:00' });
    expect(byId.get(2)).toMatchObject({ timeZone: 'Asia/Manila', timeZoneSource: 'country', multipleZones: false, localStart: '2020-11-19T21:00:00+08:00' });
    // across the date line: Friday morning in Apia
    expect(byId.get(3)).toMatchObject({ timeZone: 'Pacific/Apia', localStart: '2020-11-20T03:00:00+14:00', localEnd: '2020-11-20T05:00:00+14:00' });
    // Chilean summer time on 19 November 2020
    expect(byId.get(4)).toMatchObject({ timeZone: 'America/Santiago', multipleZones: true, localStart: '2020-11-19T10:00:00-03:00' });
    expect(byId.get(5)).toMatchObject({ timeZone: 'Africa/Kinshasa', multipleZones: true, localStart: '2020-11-19T14:00:00+01:00' });
    // the member's own zone wins over Brazil's capital
    expect(byId.get(6)).toMatchObject({ timeZone: 'America/Manaus', timeZoneSource: 'member', multipleZones: false, localStart: '2020-11-19T09:00:00-04:00' });
    expect(byId.get(7)).toMatchObject({ timeZone: '', localStart: '', localDateText: '', note: 'no country and no time zone on record; no email address' });
    for (const r of sheet.rows) expect(r.utcStart).toBe('2020-11-19T13:00:00Z');
  });

  it('writes the salutation and the date in the working language, English for others', () => {
    expect(byId.get(1)).toMatchObject({ language: 'es', salutation: 'Hola, Ana', group: 'es-1' });
    expect(byId.get(1)!.localDateText).toMatch(/^jueves, 19 de noviembre de 2020, 7:00[–\- \u2009]+9:00 \(.+, GMT-06:00\)$/);
    expect(byId.get(2)).toMatchObject({ language: 'en', salutation: 'Dear Josephine', group: 'en-1' });
    expect(byId.get(2)!.localDateText).toMatch(/^Thursday(,)? 19 November 2020, 21:00[–\- \u2009]+23:00 \(.+, GMT\+08:00\)$/);
    expect(byId.get(3)!.localDateText).toMatch(/^Friday(,)? 20 November 2020, 03:00/);
    expect(byId.get(5)).toMatchObject({ language: 'fr', salutation: 'Bonjour Awa', group: 'fr-1' });
    expect(byId.get(5)!.localDateText).toMatch(/^jeudi 19 novembre 2020, 14:00[–\- \u2009]+16:00 \(.+UTC\+01:00\)$/);
    // Portuguese has its own texts (it fell back to English: "Dear João", an English date for Manaus).
    expect(byId.get(6)).toMatchObject({ language: 'pt', workingLanguage: 'pt', salutation: 'Olá, João', group: '' });
    expect(byId.get(6)!.localDateText).toMatch(/^quinta-feira, 19 de novembro de 2020/);
    expect(byId.get(7)).toMatchObject({ givenName: '', familyName: '', fullName: 'Andrés Martín García', salutation: 'Hola, Andrés Martín García' });
    expect(salutation('es', null)).toBe('Buenos días');
    expect(textLanguage('PT')).toBe('pt');
    expect(textLanguage('sw')).toBe('en');
  });

  it('splits a single name field as the contacts export does: the given name fills given_name and the salutation', () => {
    expect(byId.get(9)).toMatchObject({ givenName: 'Marie-Claire', familyName: 'Dubois', fullName: 'Marie-Claire Dubois', salutation: 'Bonjour Marie-Claire' });
    expect(byId.get(10)).toMatchObject({ givenName: 'José Luis', familyName: 'Pérez Gómez', salutation: 'Hola, José Luis' });
  });

  it('writes both dates when the event ends on another day on the member\'s clock', () => {
    const start = new Date('2020-11-19T13:00:00Z');
    const end = new Date('2020-11-19T15:00:00Z');
    expect(dateText('en', start, end, 'Pacific/Kiritimati')).toMatch(/20 November 2020, 03:00/);
    expect(dateText('en', new Date('2020-11-19T21:00:00Z'), new Date('2020-11-20T01:00:00Z'), 'Europe/Zurich')).toMatch(/19 November 2020.*22:00.*20 November 2020.*02:00/);
  });

  it('warns about what the officer should check before sending', () => {
    expect(sheet.warnings).toEqual([
      // who, and the command that records their zone
      '1 invitee has no country or time zone on record (member-7): their local time is left blank; record one: skillsnet member set member-7 --time-zone ZONE (an IANA name such as America/Sao_Paulo)',
      "4 invitees live in a country with several time zones (member-1, member-4, member-5, member-8): the capital's time is shown (multiple_zones_flag); check it, or record their own zone: skillsnet member set member-1 --time-zone ZONE (the clocks at the event's start: MX America/Mexico_City UTC-06:00, America/Tijuana UTC-08:00, America/Chihuahua UTC-07:00, America/Cancun UTC-05:00; CL America/Santiago UTC-03:00, Pacific/Easter UTC-05:00; CD Africa/Kinshasa UTC+01:00, Africa/Lubumbashi UTC+02:00; 1 more country)",
      // who (the officer had to find them in the sheet), and how to give one
      '1 invitee has no email address (member-7): the mail merge cannot reach them; skillsnet member show member-7 says who the contact is',
    ]);
  });

  it('is a CSV for mail merges: the contract\'s columns, BOM, CRLF, formulas neutralised', async () => {
    const text = await invitationsCsv(sheet.rows);
    expect(text.startsWith('\uFEFFemail,given_name,')).toBe(true);
    expect(text).toContain('\r\n');
    const records = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual([...INVITATION_CSV_COLUMNS]);
    for (const column of ['email', 'given_name', 'language', 'group', 'time_zone', 'local_start', 'salutation', 'multiple_zones_flag', 'local_date_text']) {
      expect(INVITATION_CSV_COLUMNS).toContain(column);
    }
    expect(records[0]).toMatchObject({ email: 'm1@example.org', given_name: 'Ana', language: 'es', group: 'es-1', time_zone: 'America/Mexico_City', local_start: '2020-11-19T07:00:00-06:00', multiple_zones_flag: 'yes', member_id: '1' });
    expect(records[1]!.multiple_zones_flag).toBe('no');
    expect(records[7]!.given_name).toBe('\'=HYPERLINK("http://x")');
  });

  it('separates with ";" when asked, for Excel in a French or Spanish locale, the same cells in the same columns', async () => {
    const text = await invitationsCsv(sheet.rows, ';');
    expect(text.startsWith('\uFEFFemail;given_name;family_name;')).toBe(true);
    const semicolon = parse(text, { columns: true, bom: true, delimiter: ';' }) as Record<string, string>[];
    const comma = parse(await invitationsCsv(sheet.rows), { columns: true, bom: true }) as Record<string, string>[];
    expect(semicolon).toEqual(comma);
  });
});

describe('invitations for many invitees', () => {
  it('make the date formats of a language and zone once, not again for every invitee; rows unchanged', () => {
    const rowsOne = buildInvitations(FIRST_MEETING, INVITEES).rows;
    const many = Array.from({ length: 120 }, (_, i) => ({ ...INVITEES[i % INVITEES.length]!, memberId: 100 + i }));
    const Original = Intl.DateTimeFormat;
    let made = 0;
    const Counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      made++;
      return new Original(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    Object.assign(Counting, Original);
    Intl.DateTimeFormat = Counting;
    let rowsMany;
    try {
      rowsMany = buildInvitations({ ...FIRST_MEETING, start: '2021-06-10 09:00' }, many).rows;
      made = 0;
      rowsMany = buildInvitations({ ...FIRST_MEETING, start: '2021-06-10 09:00' }, many).rows;
    } finally {
      Intl.DateTimeFormat = Original;
    }
    // every row as the same invitee's row in a sheet of its own (another day: only the dates move)
    const again = buildInvitations({ ...FIRST_MEETING, start: '2021-06-10 09:00' }, INVITEES).rows;
    expect(rowsMany.map((r) => ({ ...r, memberId: 0 }))).toEqual(many.map((_, i) => ({ ...again[i % INVITEES.length]!, memberId: 0 })));
    expect(again.map((r) => r.email)).toEqual(rowsOne.map((r) => r.email));
    // 120 invitees in 10 zones: the formats were made for the first sheet; none for every row
    expect(made).toBeLessThan(10);
  });
});
