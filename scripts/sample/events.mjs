#!/usr/bin/env node
// Writes the sample attendance reports of data/sample/events/: what Zoom and Microsoft Teams
// give an officer after the first Core Group meeting (19 November 2020, 14:00-16:00 Geneva time),
// in English, French and Spanish. The people are the sample call's Core Group (invented, emails at
// reserved domains), plus the secretariat, interpreters and guests who are not members.
// The files copy the tools' structure, labels and date formats, not any real report:
//   Zoom: UTF-8 CSV, optional meeting summary block, "Name (Original Name)" with the original name
//         in parentheses after a rename, Guest / Recording Consent / In Waiting Room columns,
//         clock times of the downloading account's zone without an offset.
//   Teams: UTF-16 LE with a BOM, tab-separated, CRLF, numbered sections (Summary, Participants,
//         In-Meeting Activities), durations such as "1h 2m 3s" / "1 h 2 min 3 s", names with
//         "(External)" or "(Unverified)".
// Run `node scripts/sample/events.mjs` after editing; the tests in test/events read the files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'data', 'sample', 'events');
fs.mkdirSync(OUT, { recursive: true });

const csvCell = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows) => rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
const tsv = (rows) => rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
const utf16 = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const bom = (text) => '\uFEFF' + text;

// ---------------------------------------------------------------- Zoom, English, with the summary block
fs.writeFileSync(path.join(OUT, 'zoom-participants-en.csv'), csv([
  ['Meeting ID', 'Topic', 'Start Time', 'End Time', 'User Email', 'Duration (Minutes)', 'Participants', ''],
  ['92344172086', 'Skills Innovation Network - Core Group meeting 1', '11/19/2020 01:48:26 PM', '11/19/2020 04:07:51 PM', 'secretariat@example.org', '140', '23', ''],
  [],
  ['Name (Original Name)', 'User Email', 'Join Time', 'Leave Time', 'Duration (Minutes)', 'Guest', 'Recording Consent'],
  ['Skills Network Secretariat', 'secretariat@example.org', '11/19/2020 01:48:26 PM', '11/19/2020 04:07:51 PM', '140', 'No', ''],
  ['Nasrin (Nasrin Singh)', 'nasrin_singh@example.net', '11/19/2020 01:56:40 PM', '11/19/2020 04:01:12 PM', '125', 'Yes', 'Y'],
  ['Yaw Adeyemi', 'yawadeyemi7@example.com', '11/19/2020 01:58:03 PM', '11/19/2020 02:41:50 PM', '44', 'Yes', 'Y'],
  ['Dewi Hoang', 'dhoang@example.com', '11/19/2020 01:59:10 PM', '11/19/2020 04:00:05 PM', '121', 'Yes', 'Y'],
  ['Kouassi, Moussa', '', '11/19/2020 01:59:31 PM', '11/19/2020 03:58:40 PM', '120', 'Yes', 'Y'],
  ['Awa Traore', 'atraore@example.org', '11/19/2020 01:59:58 PM', '11/19/2020 04:00:02 PM', '121', 'Yes', 'Y'],
  ['Anjali Perera', 'anjali_perera@example.com', '11/19/2020 02:00:04 PM', '11/19/2020 04:00:31 PM', '121', 'Yes', 'Y'],
  ['Carlos Vargas', '', '11/19/2020 02:00:15 PM', '11/19/2020 03:12:09 PM', '72', 'Yes', 'Y'],
  ['Achieng Njoroge', 'achieng.njoroge@example.com', '11/19/2020 02:00:22 PM', '11/19/2020 04:00:10 PM', '120', 'Yes', 'Y'],
  ['Mariam Al-Masri', 'mariam.almasri@example.org', '11/19/2020 02:00:40 PM', '11/19/2020 04:00:00 PM', '120', 'Yes', 'Y'],
  ['Interpreter EN-FR', 'interpreter.enfr@example.com', '11/19/2020 01:52:13 PM', '11/19/2020 04:02:26 PM', '131', 'Yes', 'Y'],
  ['Irina Dimitrov', 'idimitrov@example.net', '11/19/2020 02:01:02 PM', '11/19/2020 03:30:44 PM', '90', 'Yes', 'Y'],
  ['Min-jun Kim', 'info.keystoneconsulting@example.org', '11/19/2020 02:01:19 PM', '11/19/2020 04:00:08 PM', '119', 'Yes', 'Y'],
  ['Khaled Yassin', 'khaledyassin81@example.org', '11/19/2020 02:02:45 PM', '11/19/2020 04:00:17 PM', '118', 'Yes', 'Y'],
  ['Diego López', 'diego.lopez@example.net', '11/19/2020 02:03:30 PM', '11/19/2020 04:00:41 PM', '118', 'Yes', 'Y'],
  ['iPhone', '', '11/19/2020 02:05:12 PM', '11/19/2020 02:09:57 PM', '5', 'Yes', 'Y'],
  ['Tafadzwa S.', '', '11/19/2020 02:11:48 PM', '11/19/2020 03:45:20 PM', '94', 'Yes', 'Y'],
  ["Dewi's iPhone (Dewi Hoang)", '', '11/19/2020 02:30:26 PM', '11/19/2020 03:05:40 PM', '36', 'Yes', 'Y'],
  ['Sami Nasser', 'snasser@example.org', '11/19/2020 02:35:09 PM', '11/19/2020 04:00:02 PM', '85', 'Yes', 'Y'],
  ['Yaw Adeyemi', 'yawadeyemi7@example.com', '11/19/2020 02:44:12 PM', '11/19/2020 04:00:30 PM', '77', 'Yes', 'Y'],
  ['Nguyen Nugroho', 'nguyen.nugroho@example.net', '11/19/2020 02:50:33 PM', '11/19/2020 04:00:05 PM', '70', 'Yes', 'Y'],
  ['Paola Rodríguez', 'paola.rodriguez@example.net', '11/19/2020 03:02:18 PM', '11/19/2020 04:00:09 PM', '58', 'Yes', 'Y'],
]));

// ---------------------------------------------------------------- Zoom, French, participants only (no summary block)
fs.writeFileSync(path.join(OUT, 'zoom-participants-fr.csv'), bom(csv([
  ["Nom (nom d'origine)", "E-mail de l'utilisateur", "Heure d'arrivée", 'Heure de départ', 'Durée (minutes)', 'Invité', "Dans la salle d'attente"],
  ['Secrétariat du Réseau', 'secretariat@example.org', '19/11/2020 13:49:02', '19/11/2020 16:05:30', '137', 'Non', 'Non'],
  ['Clarisse Kaboré', 'clarisse_kabore@example.com', '19/11/2020 13:52:10', '19/11/2020 13:58:02', '6', 'Oui', 'Oui'],
  ['Clarisse Kaboré', 'clarisse_kabore@example.com', '19/11/2020 13:58:02', '19/11/2020 16:00:11', '123', 'Oui', 'Non'],
  ['Ibrahima Sawadogo', 'ibrahima.sawadogo@example.com', '19/11/2020 13:57:45', '19/11/2020 16:00:20', '123', 'Oui', 'Non'],
  ['Awa (Awa Traoré)', 'atraore@example.org', '19/11/2020 13:58:30', '19/11/2020 16:00:02', '122', 'Oui', 'Non'],
  ['Mariam Al Masri', '', '19/11/2020 13:59:41', '19/11/2020 16:00:00', '121', 'Oui', 'Non'],
  ['Awa Sow', 'awa.sow@example.net', '19/11/2020 14:00:09', '19/11/2020 14:52:37', '53', 'Oui', 'Non'],
  ['Moussa Kouassi', 'mkouassi@example.org', '19/11/2020 14:00:28', '19/11/2020 15:59:51', '120', 'Oui', 'Non'],
  ['Jean-Pierre Dubois', 'jp.dubois@example.net', '19/11/2020 14:03:15', '19/11/2020 15:10:02', '67', 'Oui', 'Non'],
  ['Awa Sow', 'awa.sow@example.net', '19/11/2020 14:55:50', '19/11/2020 16:00:04', '65', 'Oui', 'Non'],
  ['Invité Zoom', '', '19/11/2020 15:20:33', '19/11/2020 15:24:08', '4', 'Oui', 'Non'],
])));

// ---------------------------------------------------------------- Zoom, Spanish, with the summary block
fs.writeFileSync(path.join(OUT, 'zoom-participants-es.csv'), bom(csv([
  ['ID de reunión', 'Tema', 'Hora de inicio', 'Hora de finalización', 'Correo electrónico del usuario', 'Duración (minutos)', 'Participantes'],
  ['92344172086', 'Red de Innovación en Competencias - reunión del Grupo Central 1', '19/11/2020 13:50:12', '19/11/2020 16:04:47', 'secretariat@example.org', '135', '8'],
  [],
  ['Nombre (nombre original)', 'Correo electrónico del usuario', 'Hora de entrada', 'Hora de salida', 'Duración (minutos)', 'Invitado', 'En sala de espera'],
  ['Secretaría de la Red', 'secretariat@example.org', '19/11/2020 13:50:12', '19/11/2020 16:04:47', '135', 'No', 'No'],
  ['Carlos Vargas', 'carlosvargas40@example.net', '19/11/2020 13:56:20', '19/11/2020 16:00:03', '124', 'Sí', 'No'],
  ['Carlos Vargas', 'cvargas@example.org', '19/11/2020 13:58:41', '19/11/2020 16:00:15', '122', 'Sí', 'No'],
  ['Diego Lopez', '', '19/11/2020 13:59:02', '19/11/2020 16:00:30', '122', 'Sí', 'No'],
  ['Rodríguez, Paola', 'paola.rodriguez@example.net', '19/11/2020 14:01:37', '19/11/2020 14:40:12', '39', 'Sí', 'No'],
  ['Intérprete ES', 'interprete.es@example.com', '19/11/2020 13:53:08', '19/11/2020 16:01:44', '129', 'Sí', 'No'],
  ['Rodríguez, Paola', 'paola.rodriguez@example.net', '19/11/2020 14:43:05', '19/11/2020 16:00:01', '77', 'Sí', 'No'],
  ['Lucía Fernández', 'lucia.fernandez@example.com', '19/11/2020 14:10:55', '19/11/2020 15:31:29', '81', 'Sí', 'No'],
])));

// ---------------------------------------------------------------- Teams, English: Summary, Participants, In-Meeting Activities
const teamsEnPeople = [
  // name, first join, last leave, in-meeting duration, email, UPN, role, [joins: [join, leave, duration]]
  ['Skills Network Secretariat', '1:50:02 PM', '4:05:40 PM', '2h 15m 38s', 'secretariat@example.org', 'secretariat@example.org', 'Organizer', [['1:50:02 PM', '4:05:40 PM', '2h 15m 38s']]],
  ['Tafadzwa Sibanda (External)', '1:57:31 PM', '4:00:12 PM', '2h 2m 41s', 'tafadzwa.sibanda@example.org', 'tafadzwa.sibanda_example.org#EXT#@skillsnet.example.com', 'Attendee', [['1:57:31 PM', '4:00:12 PM', '2h 2m 41s']]],
  ['Hakobyan, Dilnoza (External)', '1:58:44 PM', '4:00:05 PM', '1h 46m 19s', 'dilnozahakobyan57@example.com', 'dilnozahakobyan57_example.com#EXT#@skillsnet.example.com', 'Attendee', [['1:58:44 PM', '2:31:10 PM', '32m 26s'], ['2:46:12 PM', '4:00:05 PM', '1h 13m 53s']]],
  ['Dewi Bautista (External)', '1:59:20 PM', '3:55:48 PM', '1h 56m 28s', 'dewi.bautista@example.net', 'dewi.bautista_example.net#EXT#@skillsnet.example.com', 'Attendee', [['1:59:20 PM', '3:55:48 PM', '1h 56m 28s']]],
  ['Mariam Farah (External)', '2:00:03 PM', '4:00:00 PM', '1h 59m 57s', 'mariamfarah57@example.net', 'mariamfarah57_example.net#EXT#@skillsnet.example.com', 'Attendee', [['2:00:03 PM', '4:00:00 PM', '1h 59m 57s']]],
  ['Sami Nasser (External)', '2:00:45 PM', '4:00:09 PM', '1h 52m 11s', 'snasser@example.org', 'snasser_example.org#EXT#@skillsnet.example.com', 'Attendee', [['2:00:45 PM', '2:20:02 PM', '19m 17s'], ['2:27:15 PM', '4:00:09 PM', '1h 32m 54s']]],
  ['Guest (Unverified)', '2:04:10 PM', '2:39:55 PM', '35m 45s', '', '', 'Attendee', [['2:04:10 PM', '2:39:55 PM', '35m 45s']]],
  ['Nguyen Nugroho (External)', '2:05:36 PM', '4:00:14 PM', '1h 54m 38s', 'nguyen.nugroho@example.net', 'nguyen.nugroho_example.net#EXT#@skillsnet.example.com', 'Attendee', [['2:05:36 PM', '4:00:14 PM', '1h 54m 38s']]],
  ['Tom Becker (External)', '2:12:08 PM', '3:20:41 PM', '1h 8m 33s', 'tom.becker@example.com', 'tom.becker_example.com#EXT#@skillsnet.example.com', 'Attendee', [['2:12:08 PM', '3:20:41 PM', '1h 8m 33s']]],
];
const teamsDay = (t) => `11/19/20, ${t}`;
const enActivities = teamsEnPeople.flatMap(([name, , , , email, , role, joins]) => joins.map(([j, l, d]) => [name, teamsDay(j), teamsDay(l), d, email, role]));
fs.writeFileSync(path.join(OUT, 'teams-attendance-en.csv'), utf16(tsv([
  ['1. Summary'],
  ['Meeting title', 'Skills Innovation Network - Core Group meeting 1'],
  ['Attended participants', String(teamsEnPeople.length)],
  ['Start time', teamsDay('1:50:02 PM')],
  ['End time', teamsDay('4:05:40 PM')],
  ['Meeting duration', '2h 15m 38s'],
  ['Average attendance time', '1h 39m 3s'],
  [''],
  ['2. Participants'],
  ['Name', 'First Join', 'Last Leave', 'In-Meeting Duration', 'Email', 'Participant ID (UPN)', 'Role'],
  ...teamsEnPeople.map(([name, first, last, dur, email, upn, role]) => [name, teamsDay(first), teamsDay(last), dur, email, upn, role]),
  [''],
  ['3. In-Meeting Activities'],
  ['Name', 'Join Time', 'Leave Time', 'Duration', 'Email', 'Role'],
  ...enActivities,
])));

// ---------------------------------------------------------------- Teams, French: Résumé, one table of joins
const frDay = (t) => `19/11/2020 ${t}`;
fs.writeFileSync(path.join(OUT, 'teams-attendance-fr.csv'), utf16(tsv([
  ['1. Résumé'],
  ['Titre de la réunion', 'Réseau d\'innovation en compétences - groupe central, réunion 1'],
  ['Participants présents', '7'],
  ['Heure de début', frDay('13:52:10')],
  ['Heure de fin', frDay('16:03:44')],
  ['Durée de la réunion', '2 h 11 min 34 s'],
  [''],
  ['2. Participants'],
  ['Nom complet', "Heure d'arrivée", 'Heure de départ', 'Durée', 'E-mail', 'Rôle', 'ID du participant (UPN)'],
  ['Secrétariat du Réseau', frDay('13:52:10'), frDay('16:03:44'), '2 h 11 min 34 s', 'secretariat@example.org', 'Organisateur', 'secretariat@example.org'],
  ['Sawadogo, Ibrahima (Externe)', frDay('13:58:02'), frDay('16:00:09'), '2 h 2 min 7 s', 'ibrahima.sawadogo@example.com', 'Participant', 'ibrahima.sawadogo_example.com#EXT#@skillsnet.example.com'],
  ['Clarisse Kaboré (Externe)', frDay('13:59:15'), frDay('14:48:30'), '49 min 15 s', 'clarisse_kabore@example.com', 'Participant', 'clarisse_kabore_example.com#EXT#@skillsnet.example.com'],
  ['Awa Sow (Externe)', frDay('13:59:40'), frDay('16:00:00'), '2 h 20 s', 'awa.sow@example.net', 'Participant', 'awa.sow_example.net#EXT#@skillsnet.example.com'],
  ['Clarisse Kaboré (Externe)', frDay('14:51:02'), frDay('16:00:04'), '1 h 9 min 2 s', 'clarisse_kabore@example.com', 'Participant', 'clarisse_kabore_example.com#EXT#@skillsnet.example.com'],
  ['Marie Laurent (Externe)', frDay('14:02:27'), frDay('15:30:11'), '1 h 27 min 44 s', 'marie.laurent@example.net', 'Participant', 'marie.laurent_example.net#EXT#@skillsnet.example.com'],
  ['Invité (Non vérifié)', frDay('14:15:00'), frDay('14:21:36'), '6 min 36 s', '', 'Participant', ''],
  ['Mariam Al-Masri (Externe)', frDay('14:00:30'), frDay('16:00:02'), '1 h 59 min 32 s', '', 'Présentateur', 'mariam.almasri_example.org#EXT#@skillsnet.example.com'],
])));

// ---------------------------------------------------------------- Teams, Spanish: Resumen, one table of joins
const esDay = (t) => `19/11/2020, ${t}`;
fs.writeFileSync(path.join(OUT, 'teams-attendance-es.csv'), utf16(tsv([
  ['1. Resumen'],
  ['Título de la reunión', 'Red de Innovación en Competencias - Grupo Central, reunión 1'],
  ['Participantes asistentes', '6'],
  ['Hora de inicio', esDay('13:53:40')],
  ['Hora de finalización', esDay('16:02:15')],
  ['Duración de la reunión', '2 h 8 min 35 s'],
  [''],
  ['2. Participantes'],
  ['Nombre completo', 'Hora de unión', 'Hora de salida', 'Duración', 'Correo electrónico', 'Rol', 'Id. del participante (UPN)'],
  ['Secretaría de la Red', esDay('13:53:40'), esDay('16:02:15'), '2 h 8 min 35 s', 'secretariat@example.org', 'Organizador', 'secretariat@example.org'],
  ['Vargas, Carlos (Externo)', esDay('13:57:12'), esDay('16:00:01'), '2 h 2 min 49 s', 'cvargas@example.org', 'Asistente', 'cvargas_example.org#EXT#@skillsnet.example.com'],
  ['Diego López (Externo)', esDay('13:58:30'), esDay('15:02:11'), '1 h 3 min 41 s', 'diego.lopez@example.net', 'Asistente', 'diego.lopez_example.net#EXT#@skillsnet.example.com'],
  ['Paola Rodríguez (Externo)', esDay('13:59:59'), esDay('16:00:10'), '2 h 11 s', 'paola.rodriguez@example.net', 'Asistente', 'paola.rodriguez_example.net#EXT#@skillsnet.example.com'],
  ['Diego López (Externo)', esDay('15:06:45'), esDay('16:00:03'), '53 min 18 s', 'diego.lopez@example.net', 'Asistente', 'diego.lopez_example.net#EXT#@skillsnet.example.com'],
  ['Invitado (No verificado)', esDay('14:20:00'), esDay('14:24:30'), '4 min 30 s', '', 'Asistente', ''],
  ['Ana Torres (Externo)', esDay('14:05:21'), esDay('15:45:00'), '1 h 39 min 39 s', 'ana.torres@example.com', 'Asistente', 'ana.torres_example.com#EXT#@skillsnet.example.com'],
])));

console.error(`wrote ${fs.readdirSync(OUT).filter((f) => f.endsWith('.csv')).length} reports to ${path.relative(ROOT, OUT)}`);
