import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { matchAttendance } from '../../../src/events/attendance/match.js';
import { readAttendanceReport, type AttendanceReport } from '../../../src/events/attendance/report.js';
import { decideDateOrder, durationSeconds } from '../../../src/events/attendance/times.js';
import { CORE_MEMBERS, sample } from './fixtures.js';

const GENEVA = { timeZone: 'Europe/Zurich', eventDate: '2020-11-19' };

async function read(file: string, options: Partial<Parameters<typeof readAttendanceReport>[1]> = {}): Promise<AttendanceReport> {
  return readAttendanceReport(sample(file), { file, ...GENEVA, ...options });
}

async function readText(text: string | Uint8Array, options: Partial<Parameters<typeof readAttendanceReport>[1]> = {}): Promise<AttendanceReport> {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return readAttendanceReport(bytes, { file: 'report.csv', ...GENEVA, ...options });
}

const minutesOf = (result: ReturnType<typeof matchAttendance>, memberId: number) => result.perMember.find((p) => p.memberId === memberId);
const matchOf = (result: ReturnType<typeof matchAttendance>, rowNumber: number, file?: string) =>
  result.matches.find((m) => m.rowNumber === rowNumber && (!file || m.file === file));

describe('the sample reports shipped in data/sample/events', () => {
  it.each([
    ['zoom-participants-en.csv', 'zoom', 'en', 'utf8', ',', 22, 'month-first'],
    ['zoom-participants-fr.csv', 'zoom', 'fr', 'utf8', ',', 11, 'day-first'],
    ['zoom-participants-es.csv', 'zoom', 'es', 'utf8', ',', 8, 'day-first'],
    ['teams-attendance-en.csv', 'teams', 'en', 'utf16le', '\t', 11, 'month-first'],
    ['teams-attendance-fr.csv', 'teams', 'fr', 'utf16le', '\t', 8, 'day-first'],
    ['teams-attendance-es.csv', 'teams', 'es', 'utf16le', '\t', 7, 'day-first'],
  ])('%s: %s report in %s, every row read', async (file, source, language, encoding, delimiter, rows, order) => {
    const r = await read(file);
    expect(r.file).toMatchObject({ source, tool: source, language, encoding, delimiter, rows, dateOrder: { order, basis: 'values' }, warnings: [] });
    expect(r.rows).toHaveLength(rows);
    for (const row of r.rows) {
      expect(row.problems, `${file} line ${row.rowNumber}`).toEqual([]);
      expect(row.joinTime, `${file} line ${row.rowNumber}`).toMatch(/^2020-11-19T1[3-6]:\d\d:\d\d\+01:00$/);
      expect(row.leaveTime).toMatch(/^2020-11-19T1[3-6]:\d\d:\d\d\+01:00$/);
      expect(row.minutes).toBeGreaterThan(0);
    }
  });

  it('reads the Zoom summary block and the meeting times in the event\'s zone', async () => {
    const en = await read('zoom-participants-en.csv');
    expect(en.file.meeting).toMatchObject({
      meetingId: '92344172086',
      title: 'Skills Innovation Network - Core Group meeting 1',
      startTime: '2020-11-19T13:48:26+01:00',
      endTime: '2020-11-19T16:07:51+01:00',
    });
    const es = await read('zoom-participants-es.csv');
    expect(es.file.meeting).toMatchObject({ title: 'Red de Innovación en Competencias - reunión del Grupo Central 1', startTime: '2020-11-19T13:50:12+01:00' });
    const fr = await read('zoom-participants-fr.csv');
    expect(fr.file.meeting).toEqual({ startTime: null, endTime: null });
  });

  it('reads Teams\' summary section and picks the per-join table', async () => {
    const en = await read('teams-attendance-en.csv');
    expect(en.file.meeting).toMatchObject({ title: 'Skills Innovation Network - Core Group meeting 1', startTime: '2020-11-19T13:50:02+01:00', endTime: '2020-11-19T16:05:40+01:00' });
    expect(en.file.tables.map((t) => [t.line, t.rows, t.read])).toEqual([[10, 9, 'none'], [22, 11, 'all']]);
    const fr = await read('teams-attendance-fr.csv');
    expect(fr.file.meeting).toMatchObject({ title: "Réseau d'innovation en compétences - groupe central, réunion 1", startTime: '2020-11-19T13:52:10+01:00' });
    const es = await read('teams-attendance-es.csv');
    expect(es.file.meeting).toMatchObject({ participants: '6', endTime: '2020-11-19T16:02:15+01:00' });
  });

  it('Zoom English: re-joins summed, overlapping connections counted once, names matched in any order, guests and ambiguous names left unmatched', async () => {
    const r = matchAttendance([await read('zoom-participants-en.csv')], CORE_MEMBERS);
    expect([r.rows, r.matched, r.unmatched]).toEqual([22, 17, 5]);
    expect(r.rows).toBe(r.matched + r.unmatched);
    // Yaw Adeyemi left and came back: 13:58:03-14:41:50 and 14:44:12-16:00:30
    expect(minutesOf(r, 91)).toMatchObject({ joins: 2, minutes: 120, firstJoin: '2020-11-19T13:58:03+01:00', lastLeave: '2020-11-19T16:00:30+01:00' });
    // Dewi Hoang's phone (renamed "Dewi's iPhone", original name Dewi Hoang) joined while her laptop was connected
    expect(matchOf(r, 22)).toMatchObject({ memberId: 52, by: 'name' });
    expect(minutesOf(r, 52)).toMatchObject({ joins: 2, minutes: 121 });
    expect(matchOf(r, 9)).toMatchObject({ memberId: 441, by: 'name' }); // "Kouassi, Moussa", no email
    expect(matchOf(r, 13)).toMatchObject({ memberId: 149, by: 'name' }); // another address than the one on record
    expect(matchOf(r, 6)).toMatchObject({ memberId: 25, by: 'email' }); // "Nasrin (Nasrin Singh)"
    expect(matchOf(r, 10)).toMatchObject({ memberId: 88, by: 'email' });
    expect(r.unmatchedRows.map((u) => [u.rowNumber, u.reason])).toEqual([
      [5, "no member has the row's email or the row's name"],
      [12, "the row's name fits 2 members (member-191, member-330)"],
      [15, "no member has the row's email or the row's name"],
      [20, "no email, and no member has the row's name"],
      [21, "no email, and no member has the row's name"],
    ]);
  });

  it('Zoom French: time in the waiting room is a row accounted for, not attendance', async () => {
    const report = await read('zoom-participants-fr.csv');
    expect(report.rows.filter((row) => row.waitingRoom).map((row) => row.rowNumber)).toEqual([3]);
    const r = matchAttendance([report], CORE_MEMBERS);
    expect([r.rows, r.matched, r.unmatched]).toEqual([11, 8, 3]);
    expect(matchOf(r, 3)).toMatchObject({ memberId: 145 });
    expect(minutesOf(r, 145)).toMatchObject({ joins: 1, minutes: 122, firstJoin: '2020-11-19T13:58:02+01:00' });
    expect(matchOf(r, 6)).toMatchObject({ memberId: 88, by: 'email' }); // "Awa (Awa Traoré)"
    expect(matchOf(r, 7)).toMatchObject({ memberId: 23, by: 'name' }); // "Mariam Al Masri" for Al-Masri
    expect(minutesOf(r, 355)).toMatchObject({ joins: 2, minutes: 117 });
    expect(r.unmatchedRows.map((u) => u.name)).toEqual(['Secrétariat du Réseau', 'Jean-Pierre Dubois', 'Invité Zoom']);
  });

  it('Zoom Spanish: two members named Carlos Vargas are told apart by their emails', async () => {
    const r = matchAttendance([await read('zoom-participants-es.csv')], CORE_MEMBERS);
    expect([r.rows, r.matched, r.unmatched]).toEqual([8, 5, 3]);
    expect(matchOf(r, 6)).toMatchObject({ memberId: 191, by: 'email' });
    expect(matchOf(r, 7)).toMatchObject({ memberId: 330, by: 'email' });
    expect(matchOf(r, 8)).toMatchObject({ memberId: 266, by: 'name' }); // "Diego Lopez" without the accent
    expect(minutesOf(r, 268)).toMatchObject({ joins: 2, minutes: 116 }); // "Rodríguez, Paola", twice
  });

  it('Teams English: re-joins from In-Meeting Activities, "(External)" and "(Unverified)" understood', async () => {
    const report = await read('teams-attendance-en.csv');
    const guest = report.rows.find((row) => row.name === 'Guest (Unverified)')!;
    expect(guest).toMatchObject({ names: ['Guest'], guest: true, email: null });
    expect(report.rows.find((row) => row.name.startsWith('Tafadzwa'))).toMatchObject({ guest: false, role: 'Attendee', minutes: 122.68 });
    const r = matchAttendance([report], CORE_MEMBERS);
    expect([r.rows, r.matched, r.unmatched]).toEqual([11, 8, 3]);
    expect(minutesOf(r, 156)).toMatchObject({ joins: 2, minutes: 106 }); // "Hakobyan, Dilnoza (External)"
    expect(minutesOf(r, 314)).toMatchObject({ joins: 2, minutes: 112 });
    expect(r.unmatchedRows.map((u) => u.name)).toEqual(['Skills Network Secretariat', 'Guest (Unverified)', 'Tom Becker (External)']);
  });

  it('Teams French and Spanish: durations in "1 h 2 min 3 s", a guest account\'s UPN is not taken for an email', async () => {
    const fr = await read('teams-attendance-fr.csv');
    const mariam = fr.rows.find((row) => row.name.startsWith('Mariam'))!;
    expect(mariam).toMatchObject({ email: null, role: 'Présentateur', minutes: 119.53 });
    expect(fr.rows.find((row) => row.name.startsWith('Secrétariat'))!.email).toBe('secretariat@example.org');
    const rf = matchAttendance([fr], CORE_MEMBERS);
    expect([rf.rows, rf.matched, rf.unmatched]).toEqual([8, 5, 3]);
    expect(matchOf(rf, 17)).toMatchObject({ memberId: 23, by: 'name' });
    expect(minutesOf(rf, 145)).toMatchObject({ joins: 2, minutes: 118 });
    const es = matchAttendance([await read('teams-attendance-es.csv')], CORE_MEMBERS);
    expect([es.rows, es.matched, es.unmatched]).toEqual([7, 4, 3]);
    expect(minutesOf(es, 266)).toMatchObject({ joins: 2, minutes: 117 });
    expect(es.unmatchedRows.map((u) => u.name)).toEqual(['Secretaría de la Red', 'Invitado (No verificado)', 'Ana Torres (Externo)']);
  });

  it('all six reports of the same meeting together: every row accounted for, a member in several reports counted once', async () => {
    const files = ['zoom-participants-en.csv', 'zoom-participants-fr.csv', 'zoom-participants-es.csv', 'teams-attendance-en.csv', 'teams-attendance-fr.csv', 'teams-attendance-es.csv'];
    const reports = await Promise.all(files.map((f) => read(f)));
    const r = matchAttendance(reports, CORE_MEMBERS);
    expect(r.rows).toBe(22 + 11 + 8 + 11 + 8 + 7);
    expect(r.rows).toBe(r.matched + r.unmatched);
    expect(r.files.map((f) => [f.file, f.rows, f.matched, f.unmatched])).toEqual([
      ['zoom-participants-en.csv', 22, 17, 5],
      ['zoom-participants-fr.csv', 11, 8, 3],
      ['zoom-participants-es.csv', 8, 5, 3],
      ['teams-attendance-en.csv', 11, 8, 3],
      ['teams-attendance-fr.csv', 8, 5, 3],
      ['teams-attendance-es.csv', 7, 4, 3],
    ]);
    // Mariam Al-Masri is in three reports, 13:59:41 to 16:00:02 in all: two hours, not six
    expect(minutesOf(r, 23)).toMatchObject({ joins: 3, minutes: 120, firstJoin: '2020-11-19T13:59:41+01:00', lastLeave: '2020-11-19T16:00:02+01:00' });
    expect(r.perMember.map((p) => p.memberId)).toEqual([...r.perMember.map((p) => p.memberId)].sort((a, b) => a - b));
    expect(r.perMember).toHaveLength(24); // all of the Core Group but the one who never came
    expect(CORE_MEMBERS.filter((m) => !minutesOf(r, m.memberId)).map((m) => m.name)).toEqual(['Anahit Grigoryan']);
  });
});

describe('the sample reports hold invented people only', () => {
  it('every address is at a reserved domain (example.org, .com, .net)', async () => {
    for (const file of ['zoom-participants-en.csv', 'zoom-participants-fr.csv', 'zoom-participants-es.csv', 'teams-attendance-en.csv', 'teams-attendance-fr.csv', 'teams-attendance-es.csv']) {
      const bytes = Buffer.from(sample(file));
      const text = bytes[0] === 0xff ? bytes.subarray(2).toString('utf16le') : bytes.toString('utf8');
      const emails = text.match(/[^\s,;\t<>"]+@[^\s,;\t<>"]+/g) ?? [];
      expect(emails.length, file).toBeGreaterThan(3);
      for (const e of emails) expect(e, file).toMatch(/@(?:[a-z0-9-]+\.)*example\.(?:org|com|net)$/);
    }
  });
});

describe('report variants', () => {
  it('reads Zoom\'s one-table export, where the host\'s columns repeat before the participant\'s', async () => {
    const text = [
      'Topic,Meeting ID,User Name,User Email,Start Time,End Time,Duration (Minutes),Participants,Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,In Waiting Room',
      'Clinic 3,81234567890,Secretariat,secretariat@example.org,12/03/2020 02:58:00 PM,12/03/2020 04:01:00 PM,63,3,Nasrin Singh,NASRIN_SINGH@EXAMPLE.NET,12/03/2020 03:00:10 PM,12/03/2020 04:00:00 PM,60,Yes,No',
      'Clinic 3,81234567890,Secretariat,secretariat@example.org,12/03/2020 02:58:00 PM,12/03/2020 04:01:00 PM,63,3,Irina Dimitrov,,12/03/2020 03:05:00 PM,12/03/2020 03:35:00 PM,30,Yes,No',
    ].join('\r\n');
    const r = await readText(text, { eventDate: '2020-12-03' });
    expect(r.rows.map((row) => [row.name, row.email, row.joinTime, row.minutes])).toEqual([
      ['Nasrin Singh', 'nasrin_singh@example.net', '2020-12-03T15:00:10+01:00', 60],
      ['Irina Dimitrov', null, '2020-12-03T15:05:00+01:00', 30],
    ]);
    // 12/03 settled by the event's date, 3 December
    expect(r.file.dateOrder).toEqual({ order: 'month-first', basis: 'event date' });
    const m = matchAttendance([r], CORE_MEMBERS);
    expect(m.matches.map((x) => [x.memberId, x.by])).toEqual([[25, 'email'], [422, 'name']]);
  });

  it('reads ambiguous day/month dates by the event\'s date, else by the report\'s language, and says so', async () => {
    const fr = "Nom (nom d'origine),E-mail de l'utilisateur,Heure d'arrivée,Heure de départ,Durée (minutes)\nAwa Sow,awa.sow@example.net,03/12/2020 14:00:00,03/12/2020 15:00:00,60\n";
    expect((await readText(fr, { eventDate: '2020-12-03' })).rows[0]!.joinTime).toBe('2020-12-03T14:00:00+01:00');
    const guessed = await readText(fr, { eventDate: undefined });
    expect(guessed.rows[0]!.joinTime).toBe('2020-12-03T14:00:00+01:00');
    expect(guessed.file.dateOrder).toEqual({ order: 'day-first', basis: 'language' });
    expect(guessed.file.warnings[0]).toMatch(/could be read either way: read day first/);
    expect(decideDateOrder(['03/12/2020 14:00'], { language: 'en' })).toEqual({ order: 'month-first', basis: 'language' });
    expect(decideDateOrder(['03.12.2020 14:00'], { language: 'en' })).toEqual({ order: 'day-first', basis: 'language' });
    expect(decideDateOrder(['2020-12-03 14:00:00'])).toEqual({ order: null, basis: 'none' });
  });

  it('reads the older Spanish Zoom labels and 12-hour times written "p. m."', async () => {
    const text = '\uFEFFNombre (nombre original),E-mail del usuario,Hora para unirse,Hora para salir,Duración (minutos)\r\nDiego López,diego.lopez@example.net,19/11/2020 01:58:30 p. m.,19/11/2020 04:00:03 p. m.,122\r\n';
    const r = await readText(text);
    expect(r.file.language).toBe('es');
    expect(r.rows[0]).toMatchObject({ joinTime: '2020-11-19T13:58:30+01:00', leaveTime: '2020-11-19T16:00:03+01:00', minutes: 122 });
  });

  it('reads a Zoom report re-saved by Excel in a French locale (semicolons, Windows-1252)', async () => {
    const text = "Nom (nom d'origine);E-mail de l'utilisateur;Heure d'arrivée;Heure de départ;Durée (minutes);Invité\r\nClarisse Kaboré;clarisse_kabore@example.com;19/11/2020 13:58;19/11/2020 16:00;123;Oui\r\n";
    const r = await readText(iconv.encode(text, 'windows1252'));
    expect(r.file).toMatchObject({ encoding: 'windows1252', delimiter: ';', language: 'fr' });
    expect(r.rows[0]).toMatchObject({ name: 'Clarisse Kaboré', guest: true, joinTime: '2020-11-19T13:58:00+01:00' });
  });

  it('dates time-only cells with the event\'s date, across midnight when needed', async () => {
    const text = 'Name (original name),User Email,Join Time,Leave Time,Duration (Minutes)\nNasrin Singh,,23:30,00:30,60\n';
    const r = await readText(text, { eventDate: '2020-11-19' });
    expect(r.rows[0]).toMatchObject({ joinTime: '2020-11-19T23:30:00+01:00', leaveTime: '2020-11-20T00:30:00+01:00' });
  });

  it('keeps a row whose times cannot be read, with a note, and counts it', async () => {
    const text = 'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\nNasrin Singh,,yesterday,11/19/2020 04:00:00 PM,about an hour\n';
    const r = await readText(text);
    expect(r.rows[0]).toMatchObject({ joinTime: null, minutes: null, problems: ['join time "yesterday" is not a date and time', 'duration "about an hour" is not a duration'] });
    expect(r.file.warnings).toEqual(['line 2: join time "yesterday" is not a date and time', 'line 2: duration "about an hour" is not a duration']);
    const m = matchAttendance([r], CORE_MEMBERS);
    expect([m.rows, m.matched]).toEqual([1, 1]);
    expect(m.perMember[0]).toMatchObject({ memberId: 25, minutes: 0, joins: 1 });
  });

  it('Teams: takes from the Participants section anyone the In-Meeting Activities leave out', async () => {
    const text = [
      '1. Summary',
      'Meeting title\tWebinar',
      '',
      '2. Participants',
      'Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole',
      'Awa Sow\t11/19/20, 2:00:00 PM\t11/19/20, 4:00:00 PM\t1h 30m\tawa.sow@example.net\tawa.sow@example.net\tAttendee',
      'Sami Nasser\t11/19/20, 2:00:00 PM\t11/19/20, 3:00:00 PM\t1h\tsnasser@example.org\tsnasser@example.org\tAttendee',
      '',
      '3. In-Meeting Activities',
      'Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole',
      'Awa Sow\t11/19/20, 2:00:00 PM\t11/19/20, 2:45:00 PM\t45m\tawa.sow@example.net\tAttendee',
      'Awa Sow\t11/19/20, 3:15:00 PM\t11/19/20, 4:00:00 PM\t45m\tawa.sow@example.net\tAttendee',
    ].join('\r\n');
    const r = await readText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(r.file.tables.map((t) => t.read)).toEqual(['missing people', 'all']);
    expect(r.rows.map((row) => [row.rowNumber, row.name, row.minutes])).toEqual([
      [7, 'Sami Nasser', 60],
      [11, 'Awa Sow', 45],
      [12, 'Awa Sow', 45],
    ]);
    const m = matchAttendance([r], CORE_MEMBERS);
    expect(minutesOf(m, 355)).toMatchObject({ minutes: 90, joins: 2 });
  });

  it('Teams: a person the In-Meeting Activities leave out is not taken for another whose name differs by a vowel sign', async () => {
    // (read as Latin accents, Devanagari vowel signs were dropped: रोम शर्मा was "known" as राम शर्मा and lost)
    const text = [
      '2. Participants',
      'Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tRole',
      'राम शर्मा\t11/19/20, 2:00:00 PM\t11/19/20, 3:00:00 PM\t1h\t\tAttendee',
      'रोम शर्मा\t11/19/20, 2:00:00 PM\t11/19/20, 2:30:00 PM\t30m\t\tAttendee',
      '',
      '3. In-Meeting Activities',
      'Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole',
      'राम शर्मा\t11/19/20, 2:00:00 PM\t11/19/20, 2:20:00 PM\t20m\t\tAttendee',
      'राम शर्मा\t11/19/20, 2:30:00 PM\t11/19/20, 3:00:00 PM\t30m\t\tAttendee',
    ].join('\r\n');
    const r = await readText(text);
    expect(r.file.tables.map((t) => t.read)).toEqual(['missing people', 'all']);
    expect(r.rows.map((row) => [row.name, row.minutes]).sort()).toEqual([['राम शर्मा', 20], ['राम शर्मा', 30], ['रोम शर्मा', 30]]);
  });

  it('Teams per-person rows: the stated time in the meeting, not first join to last leave', async () => {
    const text = 'Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\nAwa Sow\t11/19/20, 2:00:00 PM\t11/19/20, 4:00:00 PM\t1h 30m\tawa.sow@example.net\n';
    const m = matchAttendance([await readText(text)], CORE_MEMBERS);
    expect(minutesOf(m, 355)).toMatchObject({ minutes: 90, joins: 1 });
  });

  it('reads a Zoom webinar attendee report: every section, dates with month names, registrants who did not come left out and counted', async () => {
    const text = [
      'Attendee Report,',
      'Report Generated:,"Dec 11, 2020 09:14 AM"',
      'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,Unique Viewers,Total Users,Max Concurrent Views',
      'Clinic 1,912-345-678,"Dec 10, 2020 1:55 PM",127,5,0,3,4,3',
      'Host Details,',
      'Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name',
      'Yes,Secretariat,secretariat@example.org,"Dec 10, 2020 13:55:12","Dec 10, 2020 16:02:40",128,No,Switzerland',
      'Panelist Details,',
      'Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name',
      'Yes,Clarisse Kaboré,clarisse_kabore@example.com,"Dec 10, 2020 13:58:00","Dec 10, 2020 16:00:30",123,No,Senegal',
      'Attendee Details,',
      'Attended,User Name (Original Name),First Name,Last Name,Email,Registration Time,Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name',
      'Yes,Moussa K.,Moussa,Kouassi,,"Dec 01, 2020 10:02:11",approved,"Dec 10, 2020 14:01:05","Dec 10, 2020 15:00:00",59,Yes,Benin',
      'Yes,Moussa K.,Moussa,Kouassi,,--,--,"Dec 10, 2020 15:05:00","Dec 10, 2020 16:00:00",55,Yes,Benin',
      'No,Irina Dimitrov,Irina,Dimitrov,idimitrov@example.net,"Dec 02, 2020 08:00:00",approved,--,--,--,--,--',
      'No,Sami Nasser,Sami,Nasser,snasser@example.org,"Dec 03, 2020 12:30:00",approved,--,--,--,--,--',
    ].join('\r\n');
    const r = await readText(text, { eventDate: '2020-12-10' });
    expect(r.file).toMatchObject({ source: 'zoom', tool: 'zoom', rows: 4, notAttended: 2, meeting: { meetingId: '912-345-678', title: 'Clinic 1', startTime: '2020-12-10T13:55:00+01:00' } });
    expect(r.file.tables.map((t) => [t.line, t.rows, t.read])).toEqual([[6, 1, 'all'], [9, 1, 'all'], [12, 4, 'all']]);
    expect(r.file.warnings).toEqual(['2 registrants marked as not attended (Attended: No): not counted as attendance']);
    expect(r.rows.map((row) => [row.rowNumber, row.name, row.joinTime, row.minutes, row.guest, row.problems])).toEqual([
      [7, 'Secretariat', '2020-12-10T13:55:12+01:00', 128, false, []],
      [10, 'Clarisse Kaboré', '2020-12-10T13:58:00+01:00', 123, false, []],
      [13, 'Moussa K.', '2020-12-10T14:01:05+01:00', 59, true, []],
      [14, 'Moussa K.', '2020-12-10T15:05:00+01:00', 55, true, []],
    ]);
    const m = matchAttendance([r], CORE_MEMBERS);
    // the registrant's first and last names find the member the display name does not
    expect(minutesOf(m, 441)).toMatchObject({ minutes: 114, joins: 2 });
    expect(minutesOf(m, 145)).toMatchObject({ minutes: 123 });
    expect([m.rows, m.matched, m.unmatched]).toEqual([4, 3, 1]);
    expect(m.perMember.map((p) => p.memberId)).not.toContain(422);
  });

  it('reads a Webex attendee list, and names it Webex (durations in "mins")', async () => {
    const r = await readText('Name,Email,Join Time,Leave Time,Duration\r\nSami Nasser,snasser@example.org,12/10/2020 2:02 PM,12/10/2020 3:00 PM,58 mins\r\nAwa Sow,,12/10/2020 2:00 PM,12/10/2020 2:01 PM,1 min\r\n', { eventDate: '2020-12-10' });
    expect(r.file).toMatchObject({ source: 'zoom', tool: 'webex', rows: 2 });
    expect(r.rows.map((row) => row.minutes)).toEqual([58, 1]);
    const zoom = await readText('Name,Email,Join Time,Leave Time,Duration\r\nSami Nasser,snasser@example.org,12/10/2020 2:02 PM,12/10/2020 3:00 PM,58\r\n', { eventDate: '2020-12-10' });
    expect(zoom.file.tool).toBe('zoom');
  });

  it('reads Google Meet\'s attendance sheet: first and last name columns, clock times dated by the event', async () => {
    const text = 'First name,Last name,Email,Duration,Time joined,Time exited\r\nMin-jun,Kim,,1 hr 5 min,2:00 PM,3:05 PM\r\nSami,Nasser,snasser@example.org,58 min,2:02 PM,3:00 PM\r\n';
    const r = await readText(text, { eventDate: '2020-12-10' });
    expect(r.rows.map((row) => [row.name, row.email, row.joinTime, row.leaveTime, row.minutes])).toEqual([
      ['Min-jun Kim', null, '2020-12-10T14:00:00+01:00', '2020-12-10T15:05:00+01:00', 65],
      ['Sami Nasser', 'snasser@example.org', '2020-12-10T14:02:00+01:00', '2020-12-10T15:00:00+01:00', 58],
    ]);
    const fr = await readText('Prénom,Nom,Adresse e-mail,Durée,Heure d\'arrivée,Heure de départ\nMin-jun,Kim,,65 min,14:00,15:05\n', { eventDate: '2020-12-10' });
    expect(fr.rows[0]).toMatchObject({ name: 'Min-jun Kim', joinTime: '2020-12-10T14:00:00+01:00', minutes: 65 });
    expect([r.file.tool, fr.file.tool]).toEqual(['meet', 'meet']);
    const m = matchAttendance([r, fr], CORE_MEMBERS);
    expect(m.matches.map((x) => [x.memberId, x.by])).toEqual([[387, 'name'], [314, 'email'], [387, 'name']]);
  });

  it('reads Portuguese reports: Zoom participants (guest "Não", waiting room) and Teams\' attendance report with its sections', async () => {
    const zoom = await readText('Nome (nome original),E-mail do usuário,Hora de entrada,Hora de saída,Duração (minutos),Convidado,Na sala de espera\nAwa Sow,awa.sow@example.org,10/12/2020 14:01:12,10/12/2020 14:03:00,2,Não,Sim\nAwa Sow,awa.sow@example.org,10/12/2020 14:03:00,10/12/2020 15:58:40,116,Não,Não\n', { eventDate: '2020-12-10' });
    expect(zoom.file).toMatchObject({ tool: 'zoom', language: 'pt', rows: 2 });
    expect(zoom.rows.map((row) => [row.name, row.joinTime, row.minutes, row.guest, row.waitingRoom])).toEqual([
      ['Awa Sow', '2020-12-10T14:01:12+01:00', 2, false, true],
      ['Awa Sow', '2020-12-10T14:03:00+01:00', 116, false, false],
    ]);
    const teams = [
      '1. Resumo', 'Título da reunião\tCore Group meeting', 'Participantes presentes\t1', 'Hora de início\t10/12/2020 13:58:11', 'Hora de término\t10/12/2020 16:01:02', '',
      '2. Participantes', 'Nome\tPrimeira entrada\tÚltima saída\tDuração na reunião\tEmail\tID do participante (UPN)\tFunção',
      'Sow, Awa (Externo)\t10/12/2020 14:05:00\t10/12/2020 15:22:15\t1h 17m 15s\tawa.sow@example.org\tawa.sow@example.org\tParticipante', '',
    ].join('\r\n');
    const r = await readText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(teams, 'utf16le')]), { eventDate: '2020-12-10' });
    expect(r.file).toMatchObject({ tool: 'teams', language: 'pt', rows: 1, meeting: { title: 'Core Group meeting', startTime: '2020-12-10T13:58:11+01:00' } });
    expect(r.rows[0]).toMatchObject({ names: ['Sow, Awa'], joinTime: '2020-12-10T14:05:00+01:00', minutes: 77.25, role: 'Participante' });
  });

  it.each([
    ['Spanish', 'Nombre,Apellido,Correo electrónico,Duración,Hora de entrada,Hora de salida'],
    ['Portuguese', 'Nome,Sobrenome,E-mail,Duração,Hora de entrada,Hora de saída'],
  ])('names a %s Google Meet sheet (a bare name column beside the last name, "min" durations) Meet, not Webex', async (_, header) => {
    const r = await readText(`${header}\nMin-jun,Kim,,65 min,14:00,15:05\n`, { eventDate: '2020-12-10' });
    expect(r.file.tool).toBe('meet');
    expect(r.rows[0]).toMatchObject({ name: 'Min-jun Kim', joinTime: '2020-12-10T14:00:00+01:00', minutes: 65 });
  });

  // A name in two columns is Meet's only in Meet's own pair: "Name" beside "Surname" is no tool's
  // header, and the list is said to be of an unknown tool unless another header names one.
  it.each([
    ['Name,Surname,Email,Join Time,Leave Time,Duration', 'unknown'],
    ['Given Name,Family Name,Email,Join Time,Leave Time,Duration', 'unknown'],
    ['Name,Surname,Email,Duration,Time joined,Time exited', 'meet'],
    ['Display Name,Surname,Attendee Email,Join Time,Leave Time,Attendance Duration', 'webex'],
    ['Name (Original Name),Surname,User Email,Join Time,Leave Time,Duration (Minutes)', 'zoom'],
    ['First name,Last name,Email,Join Time,Leave Time,Duration', 'meet'],
  ])('names the tool of a list headed %j by its own headers only: %s', async (header, tool) => {
    const r = await readText(`${header}\nMin-jun,Kim,,12/10/2020 14:00,12/10/2020 15:05,65\n`, { eventDate: '2020-12-10' });
    expect(r.file.tool).toBe(tool);
    expect(r.rows[0]!.names).toContain('Min-jun Kim');
  });

  it('reads a display name of 50,000 spaces and a bracket in linear time (each space was tried in turn: 4 s)', async () => {
    const started = performance.now();
    for (const name of ['a' + ' '.repeat(50_000) + '(', 'a' + ' '.repeat(50_000) + '(x)y)', 'Ana Sow' + ' '.repeat(50_000) + '(Guest) (External)']) {
      const r = await readText(`Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n"${name}",,12/10/2020 14:00,12/10/2020 15:00,60\n`, { eventDate: '2020-12-10' });
      expect(r.rows).toHaveLength(1);
    }
    expect(performance.now() - started).toBeLessThan(1500);
    const guest = await readText('Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\nAna Sow  (Guest)\u00a0,,12/10/2020 14:00,12/10/2020 15:00,60\n', { eventDate: '2020-12-10' });
    expect(guest.rows[0]).toMatchObject({ names: ['Ana Sow'], guest: true });
  });

  // Portuguese "Apelido" is the last name in Portugal and a nickname in Brazil: the report decides.
  describe('an "Apelido" column', () => {
    const apelido = (header: string, rows: string[]) => readText(`${header}\n${rows.map((r) => `${r},,10/12/2020 14:00,10/12/2020 15:05,65`).join('\n')}\n`, { eventDate: '2020-12-10' });
    const tail = 'E-mail,Hora de entrada,Hora de saída,Duração';

    it('is a nickname where another header is Brazilian ("usuário", "Sobrenome"), and no part of the name', async () => {
      const r = await apelido('Nome,Apelido,E-mail do usuário,Hora de entrada,Hora de saída,Duração', ['João Pedro Silva,Zé']);
      expect(r.rows[0]!.names).toEqual(['João Pedro Silva']);
      expect(r.file.warnings).toContain('its "Apelido" column was read as a nickname, as Brazilian reports mean it, not as the last name (its "E-mail do usuário" header is Brazilian Portuguese)');
      for (const header of [`Nome,Sobrenome,Apelido,${tail}`, `Nome,Apelido,Sobrenome,${tail}`]) {
        const both = await apelido(header, [header.indexOf('Apelido') < header.indexOf('Sobrenome') ? 'João,Zé,Silva' : 'João,Silva,Zé']);
        expect(both.rows[0]!.names, header).toEqual(['João Silva']);
      }
    });

    it('is the last name where another header is European Portuguese ("utilizador", "Nome próprio"), said nowhere', async () => {
      const r = await apelido(`Nome próprio,Apelido,${tail}`, ['João,Silva']);
      expect(r.rows[0]!.names).toEqual(['João Silva']);
      expect(r.file.warnings.filter((w) => w.includes('Apelido'))).toEqual([]);
    });

    it('is a nickname where its values are mostly a word inside the name beside them, a last name where they end it', async () => {
      const nick = await apelido(`Nome,Apelido,${tail}`, ['João Pedro Silva,Pedro', 'Ana Maria Souza,Maria', 'Rita Lopes,Rita']);
      expect(nick.rows.map((r) => r.names)).toEqual([['João Pedro Silva'], ['Ana Maria Souza'], ['Rita Lopes']]);
      expect(nick.file.warnings).toContain('its "Apelido" column was read as a nickname, as Brazilian reports mean it, not as the last name (3 of its values are a word inside the name beside them)');
      const last = await apelido(`Nome,Apelido,${tail}`, ['João Silva,Silva', 'Ana Souza,Souza', 'Rita,Lopes']);
      expect(last.rows.map((r) => r.names)).toEqual([['João Silva'], ['Ana Souza'], ['Rita Lopes']]);
      expect(last.file.warnings).toContain('its "Apelido" column was read as the last name, as Portuguese reports mean it, not as a Brazilian nickname (2 of its values end the name beside them)');
    });

    it('is a label of the last name\'s column in each of its forms ("Apelidos" was listed as one and read as none, its column dropped)', async () => {
      const shipped = (await import('../../../data/attendance-headers.json', { with: { type: 'json' } })).default;
      const lastNames = Object.values(shipped.columns.lastName).flat();
      for (const label of shipped.nicknameOrLastName.labels) expect(lastNames, label).toContain(label);
      const r = await apelido(`Nome próprio,Apelidos,${tail}`, ['João,Silva Santos']);
      expect(r.rows[0]!.names).toEqual(['João Silva Santos']);
    });

    it('is read as the last name with a warning where nothing in the report says which', async () => {
      const r = await apelido(`Nome,Apelido,${tail}`, ['João,Silva']);
      expect(r.rows[0]!.names).toEqual(['João Silva']);
      expect(r.file.warnings).toContain('its "Apelido" column was read as the last name, as Portuguese reports mean it; in a Brazilian report it is a nickname, and nothing in this one says which: if it holds nicknames, delete the column and import the file again');
    });
  });

  it.each([
    ['an English Webex list with a last name', 'Display Name,Last Name,Attendee Email,Join Time,Leave Time,Attendance Duration', 'Awa Sow,Sow,awa.sow@example.org,12/10/2020 14:00,12/10/2020 15:58,118 mins', 'webex'],
    ['an English Webex list with first and last names', 'Display Name,First Name,Last Name,Attendee Email,Join Time,Leave Time,Attendance Duration', 'Awa Sow,Awa,Sow,awa.sow@example.org,12/10/2020 14:00,12/10/2020 15:58,118 mins', 'webex'],
    ['a French Webex list with a last name', "Nom d'affichage,Nom de famille,E-mail du participant,Heure d'arrivée,Heure de départ,Durée de présence", 'Awa Sow,Sow,awa.sow@example.org,10/12/2020 14:00,10/12/2020 15:58,118 min', 'webex'],
    ['a Zoom report with a last name', 'Name (Original Name),Last Name,User Email,Join Time,Leave Time,Duration (Minutes)', 'Awa Sow,Sow,awa.sow@example.org,12/10/2020 14:00,12/10/2020 15:58,118', 'zoom'],
    // a Role column (Host, Attendee) was taken for Teams' own: the list was named and read as a Teams report
    ['an English Webex list with a Role column', 'Display Name,Attendee Email,Join Time,Leave Time,Attendance Duration,Connection Type,Role', 'Awa Sow,awa.sow@example.org,12/10/2020 14:00,12/10/2020 15:58,118 mins,Desktop app,Attendee', 'webex'],
    ['a Zoom report with a Role column', 'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Role', 'Awa Sow,awa.sow@example.org,12/10/2020 14:00,12/10/2020 15:58,118,Attendee', 'zoom'],
    ['a Google Meet sheet with a Role column', 'Name,Email,Duration,Time joined,Time exited,Role', 'Awa Sow,awa.sow@example.org,118 min,12/10/2020 14:00,12/10/2020 15:58,Attendee', 'meet'],
    ['a Teams list whose only own column is its Role', 'Name,Email,Join Time,Leave Time,Duration,Role', 'Awa Sow,awa.sow@example.org,12/10/2020 14:00,12/10/2020 15:58,1h 58m 0s,Attendee', 'teams'],
    // its plain headers are no tool's own, but its '118 mins' are Webex's: the Role column had made it Teams'
    ['a Webex list with plain headers, a Role column and its "mins"', 'Name,Email,Role,Join Time,Leave Time,Duration', 'Awa Sow,awa.sow@example.org,Host,12/10/2020 14:00,12/10/2020 15:58,118 mins', 'webex'],
    ['a French Teams list whose only own column is its Role, its durations in min and s', 'Nom,E-mail,Heure de participation,Heure de départ,Durée,Rôle', 'Awa Sow,awa.sow@example.org,10/12/2020 14:00,10/12/2020 15:58,1 h 58 min 0 s,Participant', 'teams'],
  ])('names %s by its own headers and does not repeat the last name', async (_, header, row, tool) => {
    const r = await readText(`${header}\n${row}\n`, { eventDate: '2020-12-10' });
    expect(r.file.tool).toBe(tool);
    expect(r.rows[0]).toMatchObject({ name: 'Awa Sow', minutes: 118 });
  });

  it('reads a Webex attendee list in French ("Nom d\'affichage", "E-mail du participant")', async () => {
    const r = await readText('Nom d\'affichage,E-mail du participant,Heure d\'arrivée,Heure de départ,Durée de présence\nAwa Sow,awa.sow@example.org,10/12/2020 14:00,10/12/2020 15:58,118 min\n', { eventDate: '2020-12-10' });
    expect(r.file).toMatchObject({ tool: 'webex', language: 'fr' });
    expect(r.rows[0]).toMatchObject({ name: 'Awa Sow', email: 'awa.sow@example.org', minutes: 118 });
    const plain = await readText('Nom d\'affichage,E-mail du participant,Durée de présence\nAwa Sow,awa.sow@example.org,118\n', { eventDate: '2020-12-10' });
    expect(plain.file.tool).toBe('webex');
  });

  it.each([
    ['10/12/2020 14 h 05', '2020-12-10T14:05:00+01:00'],
    ['10/12/2020 14h05', '2020-12-10T14:05:00+01:00'],
    ['10 déc. 2020 14:05', '2020-12-10T14:05:00+01:00'],
    ['10 de diciembre de 2020 2:05 p. m.', '2020-12-10T14:05:00+01:00'],
    ['10 de dez. de 2020 14:05', '2020-12-10T14:05:00+01:00'],
    ['10 de dezembro de 2020 14:05', '2020-12-10T14:05:00+01:00'],
    ['Dec 10, 2020 02:05 PM', '2020-12-10T14:05:00+01:00'],
  ])('reads the join time "%s"', async (join, iso) => {
    const text = `Nom (nom d'origine);Heure d'arrivée;Durée (minutes)\r\nAwa Sow;${join};55\r\n`;
    const r = await readText(text, { eventDate: '2020-12-10' });
    expect(r.rows[0]).toMatchObject({ joinTime: iso, problems: [] });
  });

  it('says which file has no participants table', async () => {
    await expect(readText('a,b,c\n1,2,3\n')).rejects.toThrow(/report\.csv has no participants table that skillsnet recognises/);
    await expect(readText('Name,Join Time\nA,1\n', { timeZone: 'Geneva' })).rejects.toThrow(/unknown time zone "Geneva"/);
  });

  it('says that a list of applications or members given for the report is one, with the commands that read it', async () => {
    // (it said: line 1 has "Email Address" but no name column for the participant)
    const applications = 'Timestamp,Name of your organization,Contact first name,Email Address,Country\n3/4/2020 1:22:39,Taller Sur,Ana,ana@example.org,Peru\n';
    await expect(readText(applications, { file: 'call 2020.csv', given: 'exports/call 2020.csv' })).rejects.toMatchObject({
      message: 'call 2020.csv looks like a list of applications or members (it has columns for an organisation and an email), not a meeting report',
      hint: 'import applications with skillsnet import "exports/call 2020.csv", members with skillsnet member import "exports/call 2020.csv"; a meeting\'s report is the participants list Zoom or Teams downloads',
    });
    await expect(readText('Organisation;Nom;Courriel;Pays\nMinistère du Travail;Moussa Ibrahim;moussa@example.org;Niger\n')).rejects.toThrow(/^report\.csv looks like a list of applications or members/);
    // a report whose participants have an organisation column is still read as one
    const zoom = 'Name (Original Name),User Email,Organization,Join Time,Leave Time,Duration (Minutes)\nAwa Sow,awa@example.org,Taller Sur,12/10/2020 02:00:00 PM,12/10/2020 03:00:00 PM,60\n';
    expect((await readText(zoom, { eventDate: '2020-12-10' })).rows).toHaveLength(1);
    // and one whose time columns are not known is not taken for applications
    await expect(readText('Company,Email,Attendee,Time in session\nTaller Sur,awa@example.org,Awa Sow,1h\n')).rejects.toThrow(/no participants table/);
  });
});

describe('durations as Zoom and Teams write them', () => {
  it.each([
    ['62', 3720],
    ['1h 2m 3s', 3723],
    ['45m 10s', 2710],
    ['1 h 2 min', 3720],
    ['1 h 2 min 3 s', 3723],
    ['2 h 20 s', 7220],
    ['2 hrs 5 mins', 7500],
    ['3h', 10800],
    ['8s', 8],
    ['01:02:03', 3723],
    ['45:10', 2710],
    ['1,5', 90],
  ])('%s = %i s', (text, seconds) => {
    expect(durationSeconds(text)).toBe(seconds);
  });

  it.each(['', 'about an hour', '3s 2x', 'h'])('"%s" is not a duration', (text) => {
    expect(durationSeconds(text)).toBeNull();
  });
});
