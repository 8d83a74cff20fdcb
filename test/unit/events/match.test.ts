import { describe, expect, it } from 'vitest';
import { matchAttendance, nameKey, type AttendanceMember } from '../../../src/events/attendance/match.js';
import type { AttendanceReport, AttendanceRow } from '../../../src/events/attendance/report.js';

let line = 1;
function row(name: string, email: string | null = null, extra: Partial<AttendanceRow> = {}): AttendanceRow {
  line++;
  return {
    file: 'r.csv',
    rowNumber: line,
    name,
    names: extra.names ?? [name],
    email,
    joinTime: null,
    leaveTime: null,
    minutes: 30,
    guest: null,
    waitingRoom: false,
    role: null,
    problems: [],
    ...extra,
  };
}

function report(rows: AttendanceRow[]): AttendanceReport {
  return {
    file: { file: 'r.csv', source: 'zoom', language: 'en', encoding: 'utf8', delimiter: ',', rows: rows.length, meeting: {}, timeZone: 'Europe/Zurich', dateOrder: { order: null, basis: 'none' }, tables: [], warnings: [] },
    rows,
  };
}

const MEMBERS: AttendanceMember[] = [
  { memberId: 1, name: 'Andrés García Márquez', email: 'agarcia@example.org', altEmails: ['andres.garcia@example.com'] },
  { memberId: 2, name: 'José Luis Pérez', email: 'shared@example.net' },
  { memberId: 3, name: 'Marie Dupont', email: 'shared@example.net' },
  { memberId: 4, name: 'Ana Ruiz', email: 'ana.ruiz@example.org' },
  { memberId: 5, name: 'Ana Ruiz', email: 'aruiz@example.com' },
  { memberId: 6, name: null, email: null },
];

describe('nameKey', () => {
  it('ignores accents, case, punctuation and word order', () => {
    expect(nameKey('García Márquez, Andrés')).toBe(nameKey('Andrés García Márquez'));
    expect(nameKey('ANDRES GARCIA MARQUEZ')).toBe(nameKey('andrés garcía márquez'));
    expect(nameKey("N'Diaye, Fatou")).toBe(nameKey('Fatou NDiaye'));
    expect(nameKey('Al-Masri Mariam')).toBe(nameKey('Mariam Al Masri'));
    expect(nameKey('Andrés García')).not.toBe(nameKey('Andrés García Márquez'));
  });
});

describe('matchAttendance', () => {
  it('matches by email first, case-insensitively, other addresses of the member included', () => {
    const r = matchAttendance([report([row('Someone Else', 'AGARCIA@example.org'), row('A. G.', 'andres.garcia@example.com')])], MEMBERS);
    expect(r.matches.map((m) => [m.memberId, m.by])).toEqual([[1, 'email'], [1, 'email']]);
  });

  it('then by name in any order and spelling; Zoom\'s original name counts too', () => {
    const r = matchAttendance([report([row('García Márquez, Andrés'), row('Andrés (Andres Garcia Marquez)', null, { names: ['Andrés', 'Andres Garcia Marquez'] }), row('Pérez, José Luis', 'jl@example.com')])], MEMBERS);
    expect(r.matches.map((m) => [m.memberId, m.by])).toEqual([[1, 'name'], [1, 'name'], [2, 'name']]);
  });

  it('a shared email is settled by the name, else left unmatched with the members it could be', () => {
    const r = matchAttendance([report([row('Marie Dupont', 'shared@example.net'), row('Secretariat', 'shared@example.net')])], MEMBERS);
    expect(r.matches.map((m) => m.memberId)).toEqual([3]);
    expect(r.unmatchedRows.map((u) => u.reason)).toEqual(["the row's email belongs to 2 members (member-2, member-3)"]);
  });

  it('never picks one of two members with the same name', () => {
    const r = matchAttendance([report([row('Ana Ruiz'), row('Ana Ruiz', 'aruiz@example.com')])], MEMBERS);
    expect(r.unmatchedRows.map((u) => u.reason)).toEqual(["the row's name fits 2 members (member-4, member-5)"]);
    expect(r.matches.map((m) => [m.memberId, m.by])).toEqual([[5, 'email']]);
  });

  it('applies the officer\'s links and ignores, and explains every other unmatched row', () => {
    const rows = [row('Ana Ruiz'), row('iPhone'), row('Dial-in user', 'ANA.RUIZ@EXAMPLE.ORG'), row(''), row('Stranger', 'stranger@example.com')];
    const r = matchAttendance([report(rows)], MEMBERS, {
      links: [
        { name: 'ruiz, ana', memberId: 4 },
        { name: 'iphone', memberId: null },
      ],
    });
    expect(r.matches.map((m) => [m.memberId, m.by])).toEqual([[4, 'link'], [4, 'email']]);
    expect(r.unmatchedRows.map((u) => u.reason)).toEqual([
      'ignored by the officer',
      'the row has neither a name nor an email',
      "no member has the row's email or the row's name",
    ]);
    expect(r.rows).toBe(5);
    expect(r.rows).toBe(r.matched + r.unmatched);
  });

  it('an email link wins over everything, including an ignore by name', () => {
    const r = matchAttendance([report([row('iPhone', 'agarcia@example.org')])], MEMBERS, { links: [{ name: 'iPhone', memberId: null }, { email: 'AGARCIA@example.org', memberId: 2 }] });
    expect(r.matches.map((m) => [m.memberId, m.by])).toEqual([[2, 'link']]);
  });

  it('sums minutes over re-joins, counts overlaps once, leaves waiting-room time out', () => {
    const t = (hm: string) => `2020-11-19T${hm}:00+01:00`;
    const rows = [
      row('Ana Ruiz', 'ana.ruiz@example.org', { joinTime: t('13:50'), leaveTime: t('14:00'), minutes: 10, waitingRoom: true }),
      row('Ana Ruiz', 'ana.ruiz@example.org', { joinTime: t('14:00'), leaveTime: t('15:00'), minutes: 60 }),
      row('Ana (phone)', 'ana.ruiz@example.org', { joinTime: t('14:30'), leaveTime: t('15:30'), minutes: 60 }),
      row('Ana Ruiz', 'ana.ruiz@example.org', { joinTime: t('15:45'), leaveTime: t('16:00'), minutes: 15 }),
      row('Ana Ruiz', 'ana.ruiz@example.org', { joinTime: null, leaveTime: null, minutes: 5 }),
    ];
    const r = matchAttendance([report(rows)], MEMBERS);
    expect(r.perMember).toEqual([{ memberId: 4, minutes: 90 + 15 + 5, joins: 4, firstJoin: t('14:00'), lastLeave: t('16:00') }]);
    expect([r.rows, r.matched, r.unmatched]).toEqual([5, 5, 0]);
  });
});
