import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { pairActions, type ActionLine } from '../../../src/events/attendance/actions.js';
import { peopleIn, readAttendanceReport } from '../../../src/events/attendance/report.js';

const line = (n: number, person: string, action: ActionLine['action'], minute: number | null): ActionLine =>
  ({ line: n, person, action, at: minute === null ? null : Date.UTC(2021, 2, 29, 13, minute) });

describe('pairing the 2020–2021 Teams list of actions into connections', () => {
  it('pairs each join with the leave that ends it; a re-join is a connection of its own', () => {
    const c = pairActions([line(2, 'a', 'joined', 0), line(3, 'b', 'joinedBefore', 1), line(4, 'a', 'left', 20), line(5, 'a', 'joined', 25), line(6, 'a', 'left', 59)]);
    expect(c.map((x) => [x.join?.line ?? null, x.leave?.line ?? null])).toEqual([[2, 4], [3, null], [5, 6]]);
  });

  it('pairs by time, not by file order, and two devices open at once are closed in turn', () => {
    const c = pairActions([line(4, 'a', 'left', 30), line(2, 'a', 'joined', 0), line(3, 'a', 'joined', 5), line(5, 'a', 'left', 40)]);
    expect(c.map((x) => [x.join?.line ?? null, x.leave?.line ?? null])).toEqual([[2, 4], [3, 5]]);
  });

  it('keeps every line: a leave with no join, an unknown action and an unreadable time are rows of their own', () => {
    const lines = [line(2, 'a', 'left', 3), line(3, 'b', null, 4), line(4, 'c', 'joined', null), line(5, 'c', 'joined', 6), line(6, 'c', 'left', 9)];
    const c = pairActions(lines);
    expect(c.map((x) => [x.join?.line ?? null, x.leave?.line ?? null, x.unread?.line ?? null])).toEqual([[null, 2, null], [null, null, 3], [null, null, 4], [5, 6, null]]);
    const used = c.flatMap((x) => [x.join, x.leave, x.unread]).filter(Boolean).map((l) => l!.line).sort();
    expect(used).toEqual([2, 3, 4, 5, 6]);
  });
});

const OLD_LIST = [
  'Full Name\tUser Action\tTimestamp',
  'Skills Network Secretariat\tJoined before\t3/29/2021, 2:55:10 PM',
  'Mariam Al-Masri\tJoined\t3/29/2021, 2:58:00 PM',
  'Awa Traoré (External)\tJoined\t3/29/2021, 3:01:30 PM',
  'Mariam Al-Masri\tLeft\t3/29/2021, 3:20:00 PM',
  'Mariam Al-Masri\tJoined\t3/29/2021, 3:25:00 PM',
  'Awa Traoré (External)\tLeft\t3/29/2021, 3:45:30 PM',
  'Mariam Al-Masri\tLeft\t3/29/2021, 4:00:00 PM',
  'Someone\tLeft\t3/29/2021, 3:10:00 PM',
  'Someone Else\tWaved\t3/29/2021, 3:11:00 PM',
].join('\r\n');

describe('reading the 2020–2021 Teams attendance list (Full Name, User Action, Timestamp)', () => {
  it('reads one row per connection, minutes from join to leave, every line accounted for', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(OLD_LIST, 'utf16le')]);
    const r = await readAttendanceReport(bytes, { file: 'list.csv', timeZone: 'Europe/Paris', eventDate: '2021-03-29' });
    expect(r.file).toMatchObject({ source: 'teams', encoding: 'utf16le', rows: 6, actionLines: 9 });
    // five people: Mariam's two connections are one person's
    expect(r.file.people).toBe(5);
    const rows = r.rows.map((x) => [x.rowNumber, x.names[0], x.joinTime, x.leaveTime, x.minutes]);
    expect(rows).toEqual([
      [2, 'Skills Network Secretariat', '2021-03-29T14:55:10+02:00', '2021-03-29T16:00:00+02:00', 64.83],
      [3, 'Mariam Al-Masri', '2021-03-29T14:58:00+02:00', '2021-03-29T15:20:00+02:00', 22],
      [4, 'Awa Traoré', '2021-03-29T15:01:30+02:00', '2021-03-29T15:45:30+02:00', 44],
      [6, 'Mariam Al-Masri', '2021-03-29T15:25:00+02:00', '2021-03-29T16:00:00+02:00', 35],
      [9, 'Someone', null, '2021-03-29T15:10:00+02:00', null],
      [10, 'Someone Else', null, null, null],
    ]);
    expect(r.file.warnings).toEqual([
      'line 2: no "Left" line after this join: still in when the list was saved, counted up to its last line (3/29/2021, 4:00:00 PM)',
      'line 9: a "Left" line with no "Joined" before it: its minutes are unknown',
      'line 10: user action "Waved" is none of Joined, Joined before, Left: add its spelling to data/attendance-headers.json',
    ]);
  });

  it('reads the list with French labels and day-first dates', async () => {
    const text = 'Nom complet;Action de l\'utilisateur;Horodatage\nAwa Sow;A rejoint;29/03/2021 15:00:00\nAwa Sow;A quitté;29/03/2021 15:40:00\n';
    const r = await readAttendanceReport(Buffer.from(text), { file: 'liste.csv', timeZone: 'Europe/Paris', eventDate: '2021-03-29' });
    expect(r.file).toMatchObject({ source: 'teams', language: 'fr', rows: 1, people: 1, actionLines: 2, warnings: [] });
    expect(r.rows[0]).toMatchObject({ joinTime: '2021-03-29T15:00:00+02:00', minutes: 40 });
  });
});

describe('a list of actions whose headers are not all known', () => {
  it('is refused with the spellings expected and where to add its own', async () => {
    const text = 'Vollständiger Name\tUser Action\tZeitstempel\nAwa Sow\tJoined\t29.3.2021, 15:00:00\n';
    await expect(readAttendanceReport(Buffer.from(text), { file: 'liste.csv', timeZone: 'Europe/Paris' })).rejects.toThrow(/liste\.csv looks like a 2020–2021 Teams attendance list .* not all recognised/);
  });

  it('is refused when none of its actions is a known word, instead of counting everyone present without minutes', async () => {
    const text = 'Full Name\tUser Action\tTimestamp\nAwa Sow\tBeigetreten\t3/29/2021, 3:00:00 PM\nAwa Sow\tVerlassen\t3/29/2021, 3:40:00 PM\nSami Nasser\tBeigetreten\t3/29/2021, 3:05:00 PM\n';
    await expect(readAttendanceReport(Buffer.from(text), { file: 'liste.csv', timeZone: 'Europe/Paris', eventDate: '2021-03-29' }))
      .rejects.toThrow(/^liste\.csv: none of its User Action values \("Beigetreten", "Verlassen"\) is Joined, Joined before or Left/);
    // one unknown word among known ones is still a row of its own, with its problem said (above)
  });
});

describe('a long list and Ctrl-C', () => {
  it('stops reading at the next step once the caller aborts (a 20,000-row list was read in one block, Ctrl-C unanswered)', async () => {
    const text = 'Full Name\tUser Action\tTimestamp\r\nAwa Sow\tJoined\t3/29/2021, 3:00:00 PM\r\nAwa Sow\tLeft\t3/29/2021, 4:00:00 PM\r\n';
    const options = { file: 'teams.csv', timeZone: 'Europe/Paris', eventDate: '2021-03-29' };
    expect((await readAttendanceReport(Buffer.from(text), options)).rows).toHaveLength(1);
    await expect(readAttendanceReport(Buffer.from(text), { ...options, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'InterruptedError' });
  });
});

describe('peopleIn: the people a report\'s rows are of', () => {
  const row = (name: string, email: string | null = null) => ({ name, names: [name], email });
  it('one per address, else per name (case, accents and order aside); a name seen with an address is that person', () => {
    expect(peopleIn([row('Awa Sow'), row('SOW, Awa'), row('Awa Sów')])).toBe(1);
    expect(peopleIn([row('Awa Sow', 'awa@example.org'), row('Awa Sow'), row('A. Sow', 'AWA@example.org')])).toBe(1);
    expect(peopleIn([row('Awa Sow', 'awa@example.org'), row('Sami Nasser'), row('Sami Nasser', 'sami@example.org')])).toBe(2);
    // a name in another script is one person however its spaces and marks are written, as the matching reads it
    expect(peopleIn([row('王 小明'), row('王小明'), row('王　小明')])).toBe(1);
    expect(peopleIn([row('مُحَمَّد أَحْمَد'), row('محمد احمد')])).toBe(1);
    expect(peopleIn([row('राम शर्मा'), row('रोम शर्मा')])).toBe(2);
    // two rows with neither a name nor an address cannot be told to be one person
    expect(peopleIn([row(''), row(''), row('Awa Sow')])).toBe(3);
    // nor can two participants erased on request (their names and addresses are gone)
    expect(peopleIn([{ name: '[erased]', names: [], email: null }, { name: '[erased]', names: [], email: null }])).toBe(2);
  });
});

describe('the Teams attendance report with Spanish labels', () => {
  // Section titles as a Spanish parser of these reports names them ("2. Participantes", "3.
  // Actividades en la reunión"); the column and summary labels as data/attendance-headers.json
  // lists them. No whole Spanish report was found to rebuild (test/fixtures/attendance-real/README.md).
  const REPORT = [
    '1. Resumen', 'Título de la reunión\tReunión del grupo central', 'Participantes asistentes\t2', 'Hora de inicio\t19/11/21, 9:58:11', 'Hora de finalización\t19/11/21, 12:01:02', '',
    '2. Participantes', 'Nombre\tPrimera unión\tÚltima salida\tDuración en la reunión\tCorreo electrónico\tId. del participante (UPN)\tRol',
    'García, Ana\t19/11/21, 9:58:11\t19/11/21, 12:01:02\t2 h 2 min 51 s\tana.garcia@example.org\tana.garcia@example.org\tOrganizador',
    'Awa Sow (Externo)\t19/11/21, 10:05:00\t19/11/21, 11:50:00\t1 h 35 min\t\t\tAsistente', '',
    '3. Actividades en la reunión', 'Nombre\tHora de unión\tHora de salida\tDuración\tCorreo electrónico\tRol',
    'García, Ana\t19/11/21, 9:58:11\t19/11/21, 12:01:02\t2 h 2 min 51 s\tana.garcia@example.org\tOrganizador',
    'Awa Sow (Externo)\t19/11/21, 10:05:00\t19/11/21, 10:30:00\t25 min\t\tAsistente',
    'Awa Sow (Externo)\t19/11/21, 10:40:00\t19/11/21, 11:50:00\t1 h 10 min\t\tAsistente',
  ].join('\r\n');

  it('reads the per-join table, the summary and the day-first dates', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(REPORT, 'utf16le')]);
    const r = await readAttendanceReport(bytes, { file: 'asistencia.csv', timeZone: 'Europe/Madrid', eventDate: '2021-11-19' });
    expect(r.file).toMatchObject({ source: 'teams', tool: 'teams', language: 'es', rows: 3, people: 2, warnings: [] });
    expect(r.file.meeting).toMatchObject({ title: 'Reunión del grupo central', startTime: '2021-11-19T09:58:11+01:00' });
    expect(r.file.tables.map((t) => t.read)).toEqual(['none', 'all']);
    expect(r.rows.map((x) => [x.names[0], x.joinTime, x.minutes])).toEqual([
      ['García, Ana', '2021-11-19T09:58:11+01:00', 122.85],
      ['Awa Sow', '2021-11-19T10:05:00+01:00', 25],
      ['Awa Sow', '2021-11-19T10:40:00+01:00', 70],
    ]);
  });
});

describe('a Teams action list on the night the clocks go back (Auckland, 4 April 2021: 03:00 goes back to 02:00)', () => {
  it('reads a line at a time the night passes twice not before the person\'s previous line (a Left at the second 02:20 after a Joined at the first 02:40 lost its minutes)', async () => {
    const list = ['Full Name\tUser Action\tTimestamp', 'Ana Ejemplo\tJoined\t4/4/2021, 2:40:00 AM', 'Ana Ejemplo\tLeft\t4/4/2021, 2:20:00 AM', 'Awa Exemple\tJoined\t4/4/2021, 2:10:00 AM', 'Awa Exemple\tLeft\t4/4/2021, 2:50:00 AM'].join('\r\n');
    const r = await readAttendanceReport(Buffer.from(list, 'utf8'), {
      file: 'list.csv', timeZone: 'Pacific/Auckland', eventDate: '2021-04-04',
      eventSpan: { start: new Date('2021-04-03T10:00:00Z'), end: new Date('2021-04-03T15:00:00Z') },
    });
    expect(r.rows.map((row) => [row.names[0], row.minutes])).toEqual([['Ana Ejemplo', 40], ['Awa Exemple', 40]]);
  });
});
