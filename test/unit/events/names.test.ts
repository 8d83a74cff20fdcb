/**
 * Participants' names in any script, and display names that carry more than a name, match the
 * member they are — and nothing matches by a part too small to say who someone is.
 */
import { describe, expect, it } from 'vitest';
import { matchAttendance, nameKey, neutralReason, type AttendanceMember } from '../../../src/events/attendance/match.js';
import { identifies, nameAdditions, nameVariants } from '../../../src/events/attendance/names.js';
import type { AttendanceReport, AttendanceRow } from '../../../src/events/attendance/report.js';

const MEMBERS: AttendanceMember[] = [
  { memberId: 1, name: '王小明', email: null },
  { memberId: 2, name: '山田 太郎', email: null },
  { memberId: 3, name: '김민준', email: null },
  { memberId: 4, name: 'محمد أحمد', email: null },
  { memberId: 5, name: 'Пётр Иванов', email: null },
  { memberId: 6, name: 'राम शर्मा', email: null },
  { memberId: 7, name: 'Ama Owusu', email: null },
  { memberId: 8, name: 'Maria García', email: null },
  { memberId: 9, name: 'Juan Pérez', email: null },
  { memberId: 10, name: '李', email: null },
  { memberId: 11, name: 'Dr. Lina Haddad', email: null },
  { memberId: 12, name: 'عبدالله حسن', email: null },
  { memberId: 13, name: 'Wei Ming', email: null },
  { memberId: 14, name: 'Kumar Singh', email: null },
  { memberId: 15, name: 'Hock Lim', email: null },
  { memberId: 16, name: 'Wai Chan', email: null },
  { memberId: 17, name: 'Juan Pérez García', email: null },
  { memberId: 18, name: 'Ama Owusu-Mensah', email: null },
  { memberId: 19, name: 'Jesús Santos', email: null },
];

/** Who a Teams row (no Zoom "(Original Name)" reading) of this name is: a member ID, or null. */
function whoIs(name: string): number | null {
  const row: AttendanceRow = { file: 'r.csv', rowNumber: 2, name, names: [name], email: null, joinTime: null, leaveTime: null, minutes: 30, guest: null, waitingRoom: false, role: null, problems: [] };
  const report = { file: { file: 'r.csv', source: 'teams' }, rows: [row] } as unknown as AttendanceReport;
  const r = matchAttendance([report], MEMBERS);
  expect(r.rows).toBe(r.matched + r.unmatched);
  return r.matches[0]?.memberId ?? null;
}

describe('names in CJK scripts', () => {
  it.each([
    ['王小明', 1], ['王 小明', 1], ['王　小明', 1], ['王小明 (Xiaoming Wang)', 1], ['王小明（Xiaoming Wang）', 1], ['Xiaoming Wang 王小明', 1],
    ['山田太郎', 2], ['山田　太郎', 2], ['山田太郎 (Taro Yamada)', 2],
    ['김민준', 3], ['김 민준', 3],
  ])('%s is member %i', (name, id) => expect(whoIs(name)).toBe(id));

  it.each([
    // a part of the name, the name reordered, a lone family name: no one
    ['小明'], ['王明'], ['小明王'], ['王'], ['李'], ['太郎'], ['민준'], ['김'],
  ])('%s is no one', (name) => expect(whoIs(name)).toBeNull());
});

describe('names in other scripts', () => {
  it.each([
    // Arabic with its vowel marks, and hamza forms: محمد أحمد
    ['مُحَمَّد أَحْمَد', 4], ['محمد احمد', 4], ['أحمد، محمد', 4],
    ['عبد الله حسن', 12],
    ['Петр Иванов', 5], ['ИВАНОВ Пётр', 5],
    ['राम शर्मा', 6], ['शर्मा, राम', 6],
  ])('%s is member %i', (name, id) => expect(whoIs(name)).toBe(id));

  it('Devanagari vowel signs are letters of the word, not accents: Rom is not Ram', () => {
    // (read as accents they left "र म" of both, and matched each other)
    expect(nameKey('रोम शर्मा')).not.toBe(nameKey('राम शर्मा'));
    expect(whoIs('रोम शर्मा')).toBeNull();
    expect(whoIs('रमा शर्मा')).toBeNull();
  });
});

describe('display names that carry more than a name', () => {
  it.each([
    ['Maria García (she/her)', 8], ['Maria García (elle)', 8], ['Maria García | she/her', 8], ['María Garcia (ella/she)', 8],
    ['Dr. Ama Owusu - ILO', 7], ['Ama Owusu | Ministry of Labour', 7], ['Ama Owusu @ ILO Accra', 7], ['Prof. Ama Owusu', 7],
    ['Lina Haddad', 11], ['Dr Lina Haddad (External)', 11],
    ['iPhone de Juan Pérez', 9], ["Juan Pérez's iPhone", 9], ['Galaxy S21 de Juan Pérez', 9],
  ])('%s is member %i', (name, id) => expect(whoIs(name)).toBe(id));

  it.each([['iPhone de Juan'], ["Juan's iPad"], ['Maria (she/her)'], ['Dr. Owusu'], ['ILO'], ['Ama - ILO']])('%s is no one (a lone word out of a longer name)', (name) => {
    expect(whoIs(name)).toBeNull();
  });

  it.each([
    // a family name or an initial that is also a title's word is part of the name, not a title
    ['He Wei Ming'], ['Hon Wai Chan'], ['Eng Hock Lim'], ['M Kumar Singh'], ['M. Kumar Singh'],
  ])('%s is no one (not a member whose name is a part of it)', (name) => expect(whoIs(name)).toBeNull());

  it.each([
    // a double surname written with spaces around its hyphen is not a name and an affiliation
    ['Ama Owusu - Mensah', 18], ['Ama Owusu – Mensah', 18], ['Ama Owusu - Mensah (she/her)', 18], ['Ama Owusu - Mensah | ILO', 18],
    ['Ama Owusu - ILO', 7], ['H.E. Ama Owusu', 7], ['H.E Ama Owusu', 7], ['Eng. Ama Owusu', 7],
    ['Juan Pérez García', 17], ['iPhone de Juan Pérez García', 17], ["Juan Pérez García's iPhone", 17], ['Juan Pérez García - ILO', 17],
    ['Dr Drissa Traoré', null], ['Juan de la Cruz', null],
    // a device's owner follows the device and its model, not a name with a particle in it
    ['iPhone 13 Pro de Juan Pérez', 9], ['Samsung Galaxy A52 de Juan Pérez', 9], ['iPhone Maria de Jesus Santos', null], ['Laptop Ana de Jesús Santos', null],
  ])('%s is member %s', (name, id) => expect(whoIs(name)).toBe(id));

  it('a country after a dash is no double surname: "Ama Owusu - Ghana" is Ama Owusu', () => {
    expect(whoIs('Ama Owusu - Ghana')).toBe(7);
    expect(whoIs('Ama Owusu – Côte d’Ivoire')).toBe(7);
    expect(nameVariants('Ama Owusu - Ghana')).toContain('Ama Owusu');
  });

  describe('an organisation or a country beside the name', () => {
    const PLACED: AttendanceMember[] = [
      { memberId: 1, name: 'Maria Lopez', email: 'maria@example.org', organization: 'Org B', country: 'MX' },
      { memberId: 2, name: 'Kofi Mensah', email: null, organization: 'Org A', country: 'GH' },
      { memberId: 3, name: 'Ama Owusu', email: null, organization: 'Skills Trust', country: 'GH' },
      { memberId: 4, name: 'Lina Haddad', email: null, organization: null, country: null },
    ];
    const who = (name: string, email: string | null = null) => {
      const row: AttendanceRow = { file: 'r.csv', rowNumber: 2, name, names: [name], email, joinTime: null, leaveTime: null, minutes: 30, guest: null, waitingRoom: false, role: null, problems: [] };
      const r = matchAttendance([{ file: { file: 'r.csv', source: 'zoom' }, rows: [row] } as unknown as AttendanceReport], PLACED);
      expect(r.rows).toBe(r.matched + r.unmatched);
      return { id: r.matches[0]?.memberId ?? null, reason: r.unmatchedRows[0]?.reason };
    };

    it.each([
      // another member's organisation, another country: someone else of the same name
      ['Maria Lopez (Org A)', null], ['Maria Lopez - org a', null], ['Ama Owusu - Kenya', null], ['Ama Owusu (Org A)', null],
      // the member's own organisation or country, or an addition that names neither
      ['Maria Lopez (Org B)', 1], ['Maria Lopez - Mexico', 1], ['Ama Owusu - Ghana', 3], ['Ama Owusu | Skills Trust', 3],
      ['Ama Owusu (Ministry of Labour)', 3], ['Maria Lopez (she/her)', 1], ['Maria Lopez (ES)', 1],
      // a member whose organisation or country is not known: nothing to contradict but another's organisation
      ['Lina Haddad - Jordan', 4], ['Lina Haddad (Org A)', null],
      // a short name in brackets is no country's code (Kenya's KEN, Benin's BEN, Canada's CAN);
      // three capitals are one
      ['Kofi Mensah (Ken)', 2], ['Kofi Mensah (Ben)', 2], ['Maria Lopez (Can)', 1], ['Maria Lopez (Pol)', 1], ['Ama Owusu (KEN)', null], ['Maria Lopez - MEX', 1],
      // between the name's words, an organisation (several words, or capitals) is no nickname
      ['Maria (Org A) Lopez', null], ['Maria (Org B) Lopez', 1], ['Ama (Skills Trust) Owusu', 3], ['Kofi (ORG A) Mensah', 2], ['Ama (Org A) Owusu', null],
    ])('%s is member %s', (name, id) => expect(who(name).id).toBe(id));

    it('an acronym between the name\'s words tells two members of one name apart, and the words after it stay the name\'s', () => {
      expect(nameAdditions('Ama (ILO) Owusu')).toEqual(['ILO']);
      expect(nameAdditions('Ama (ILO) Jordan')).toEqual(['ILO']);
      expect(nameAdditions('Ama (Chad) Owusu')).toEqual([]);
      const members: AttendanceMember[] = [...PLACED, { memberId: 9, name: 'Ama Owusu', email: null, organization: 'ILO', country: 'KE' }];
      const row: AttendanceRow = { file: 'r.csv', rowNumber: 2, name: 'Ama (ILO) Owusu', names: ['Ama (ILO) Owusu'], email: null, joinTime: null, leaveTime: null, minutes: 30, guest: null, waitingRoom: false, role: null, problems: [] };
      const r = matchAttendance([{ file: { file: 'r.csv', source: 'zoom' }, rows: [row] } as unknown as AttendanceReport], members);
      expect(r.matches[0]?.memberId).toBe(9);
    });

    // A country may be called as a person is (Jordan, Chad, Georgia): a name in brackets is no place
    // where it is the nickname's place between the name's words, a word of the name said again, or
    // the whole name; after the name it still is one ("Name (Country)" is how a meeting is renamed).
    it.each([
      ['Jordan Smith (Jordan)', 6], ['Smith (Jordan)', 6], ['Ama (Chad) Owusu', 3], ['Kofi (Georgia) Mensah', 2], ['(Georgia)', 7],
      ['Kenneth (Ken) Mensah', 8],
      ['Ama Owusu (Chad)', null], ['Jordan Smith (Kenya)', null], ['Smith (Georgia)', null], ['(Georgia) - Kenya', null],
    ])('a name that is also a country\'s: %s is member %s', (name, id) => {
      const members: AttendanceMember[] = [
        ...PLACED,
        { memberId: 6, name: 'Jordan Smith', email: null, organization: null, country: 'GB' },
        { memberId: 7, name: 'Georgia', email: null, organization: null, country: 'US' },
        { memberId: 8, name: 'Kenneth Mensah', email: null, organization: null, country: 'GH' },
      ];
      const row: AttendanceRow = { file: 'r.csv', rowNumber: 2, name, names: [name], email: null, joinTime: null, leaveTime: null, minutes: 30, guest: null, waitingRoom: false, role: null, problems: [] };
      const r = matchAttendance([{ file: { file: 'r.csv', source: 'zoom' }, rows: [row] } as unknown as AttendanceReport], members);
      expect(r.rows).toBe(r.matched + r.unmatched);
      expect(r.matches[0]?.memberId ?? null).toBe(id);
    });

    it('a capitalised word after a loose " - " that makes no member\'s double surname (a city, a role, a one-word organisation) leaves the name before it to the invitee, else to the officer', () => {
      const row = (name: string): AttendanceRow => ({ file: 'r.csv', rowNumber: 2, name, names: [name], email: null, joinTime: null, leaveTime: null, minutes: 30, guest: null, waitingRoom: false, role: null, problems: [] });
      const members = [...PLACED, { memberId: 5, name: 'Ama Owusu-Mensah', email: null, organization: 'Org A', country: 'GH' }];
      const match = (name: string, expected: number[] = []) => {
        const r = matchAttendance([{ file: { file: 'r.csv', source: 'zoom' }, rows: [row(name)] } as unknown as AttendanceReport], members, { expected: new Set(expected) });
        expect(r.rows).toBe(r.matched + r.unmatched);
        const u = r.unmatchedRows[0];
        return r.matches[0]?.memberId ?? (u && [u.problem, u.candidates, neutralReason(u)]);
      };
      for (const name of ['Ama Owusu - Accra', 'Ama Owusu - Host', 'Ama Owusu - Oxfam']) {
        expect(match(name, [3]), name).toBe(3);
        expect(match(name), name).toEqual(['unknown', [3], "the name before its ' - ' fits member-3, but what follows may be part of the surname"]);
      }
      // a member's double surname comes first; the name before it is no fallback then
      expect(match('Ama Owusu - Mensah', [3])).toBe(5);
      // nor where what follows is another country
      expect(match('Ama Owusu - Kenya - Host', [3])).toEqual(['unknown', [3], 'the name fits member-3, but the row names another organisation or country']);
    });

    it('says why a name that fits was not taken, without the name; an email still decides', () => {
      expect(who('Maria Lopez (Org A)').reason).toBe("the row's name fits member-1, but names another organisation or country");
      // her own address: the display name's words do not overrule it
      expect(who('Maria Lopez (Org A)', 'maria@example.org').id).toBe(1);
    });
  });

  it('variants are whole names only, and a key of one letter identifies no one', () => {
    expect(nameVariants('iPhone de Juan')).toEqual(['iPhone de Juan']);
    expect(nameVariants('Dr. Ama Owusu - ILO')).toContain('Ama Owusu');
    expect(nameVariants('Maria (she/her)')).toEqual(['Maria']);
    expect(identifies(nameKey('李'))).toBe(false);
    expect(identifies(nameKey('A.'))).toBe(false);
    expect(identifies(nameKey('李娜'))).toBe(true);
  });

  it('an officer\'s decision on a name is not a decision on a display name that holds it', () => {
    const row = (name: string, rowNumber: number): AttendanceRow => ({ file: 'r.csv', rowNumber, name, names: [name], email: null, joinTime: null, leaveTime: null, minutes: 30, guest: null, waitingRoom: false, role: null, problems: [] });
    const report = { file: { file: 'r.csv', source: 'teams' }, rows: [row('Ama Owusu (ILO Accra)', 2), row('ILO Accra', 3)] } as unknown as AttendanceReport;
    // the room account "ILO Accra" ignored by the officer
    const r = matchAttendance([report], MEMBERS, { links: [{ name: nameKey('ILO Accra'), memberId: null }] });
    expect(r.matches.map((m) => [m.rowNumber, m.memberId, m.by])).toEqual([[2, 7, 'name']]);
    expect(r.unmatchedRows.map((u) => [u.rowNumber, u.problem])).toEqual([[3, 'ignored']]);
  });

  it('a long or hostile display name is read in linear time (a report of them must not hang the import)', () => {
    // (each took from 36 s to hours: patterns that tried every way to split the name)
    const hostile = ['a' + '-aaaaaaaa'.repeat(9) + '1', 'iphone ' + "a's ".repeat(500) + 'b'.repeat(3000) + '!', 'Juan' + " x's".repeat(400) + ' iphone a b c d'];
    const started = performance.now();
    for (const name of hostile) nameVariants(name).map(nameKey);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a display name with a long run of spaces is read and matched in linear time (each space was tried in turn: 65 s)', () => {
    const started = performance.now();
    for (const name of ['a' + ' '.repeat(100_000) + '(', 'Ana' + ' '.repeat(100_000) + '- Sow', 'Ana (' + ' '.repeat(100_000)]) {
      nameVariants(name).map(nameKey);
      nameAdditions(name);
    }
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('a Latin name keeps the key it always had (decisions stored by name still hold)', () => {
    expect(nameKey('García Márquez, Andrés')).toBe('andres garcia marquez');
    expect(nameKey('ＷＡＮＧ Ｘｉａｏｍｉｎｇ')).toBe(nameKey('Xiaoming Wang'));
  });
});
