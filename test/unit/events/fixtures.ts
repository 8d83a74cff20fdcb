import fs from 'node:fs';
import path from 'node:path';
import type { Region } from '../../../src/model.js';
import type { AttendanceMember } from '../../../src/events/attendance/match.js';
import type { Invitee, NetworkEvent } from '../../../src/events/types.js';
import { ROOT } from '../support/run.js';

/** The first Core Group meeting, as DOMAIN.md tells it. */
export const FIRST_MEETING: NetworkEvent = {
  title: 'Skills Innovation Network - Core Group meeting 1',
  kind: 'meeting',
  start: '2020-11-19T14:00',
  timeZone: 'Europe/Zurich',
  durationMinutes: 120,
  languages: ['en', 'fr', 'es'],
};

type Row = [number, string, string, string, string, Region, string, string[]];

/** The sample call's Core Group (data/sample/applications.csv, `skillsnet demo`): invented people. */
const CORE: Row[] = [
  [23, 'Mariam', 'Al-Masri', 'mariam.almasri@example.org', 'LB', 'Arab States', 'fr', ['social-inclusion']],
  [25, 'Nasrin', 'Singh', 'nasrin_singh@example.net', 'NP', 'Asia and the Pacific', 'en', ['career-guidance', 'entrepreneurship', 'training-delivery']],
  [52, 'Dewi', 'Hoang', 'dhoang@example.com', 'MM', 'Asia and the Pacific', 'en', ['social-inclusion', 'training-delivery']],
  [70, 'Khaled', 'Yassin', 'khaledyassin81@example.org', 'LB', 'Arab States', 'en', ['skills-ecosystem', 'training-delivery', 'work-based-learning']],
  [88, 'Awa', 'Traoré', 'atraore@example.org', 'CD', 'Africa', 'fr', ['career-guidance', 'work-based-learning']],
  [91, 'Yaw', 'Adeyemi', 'yawadeyemi7@example.com', 'NG', 'Africa', 'en', ['entrepreneurship']],
  [127, 'Tafadzwa', 'Sibanda', 'tafadzwa.sibanda@example.org', 'MW', 'Africa', 'en', ['recognition-of-skills', 'social-inclusion', 'training-delivery']],
  [145, 'Clarisse', 'Kaboré', 'clarisse_kabore@example.com', 'SN', 'Africa', 'fr', ['life-skills']],
  [149, 'Achieng', 'Njoroge', 'info.nationalfederation@example.org', 'RW', 'Africa', 'en', ['training-delivery']],
  [156, 'Dilnoza', 'Hakobyan', 'dilnozahakobyan57@example.com', 'KG', 'Europe and Central Asia', 'en', ['social-inclusion']],
  [160, 'Ibrahima', 'Sawadogo', 'ibrahima.sawadogo@example.com', 'TG', 'Africa', 'fr', ['skills-ecosystem']],
  [191, 'Carlos', 'Vargas', 'carlosvargas40@example.net', 'EC', 'Americas', 'es', ['research-data', 'skills-ecosystem']],
  [266, 'Diego', 'López', 'diego.lopez@example.net', 'AR', 'Americas', 'es', ['work-based-learning']],
  [268, 'Paola', 'Rodríguez', 'paola.rodriguez@example.net', 'PE', 'Americas', 'es', ['training-delivery']],
  [288, 'Mariam', 'Farah', 'mariamfarah57@example.net', 'SD', 'Africa', 'en', ['recognition-of-skills', 'research-data']],
  [314, 'Sami', 'Nasser', 'snasser@example.org', 'YE', 'Arab States', 'en', ['research-data']],
  [318, 'Dewi', 'Bautista', 'dewi.bautista@example.net', 'KH', 'Asia and the Pacific', 'en', ['training-delivery']],
  [330, 'Carlos', 'Vargas', 'cvargas@example.org', 'GT', 'Americas', 'es', ['skills-ecosystem']],
  [335, 'Anjali', 'Perera', 'anjali_perera@example.com', 'BD', 'Asia and the Pacific', 'en', ['training-delivery']],
  [355, 'Awa', 'Sow', 'awa.sow@example.net', 'GN', 'Africa', 'fr', ['career-guidance']],
  [387, 'Min-jun', 'Kim', 'info.keystoneconsulting@example.org', 'CN', 'Asia and the Pacific', 'en', ['life-skills']],
  [403, 'Anahit', 'Grigoryan', 'anahit.grigoryan@example.org', 'GE', 'Europe and Central Asia', 'en', ['social-inclusion']],
  [422, 'Irina', 'Dimitrov', 'idimitrov@example.net', 'RS', 'Europe and Central Asia', 'en', ['skills-ecosystem', 'social-inclusion', 'training-delivery']],
  [441, 'Moussa', 'Kouassi', 'mkouassi@example.org', 'BJ', 'Africa', 'fr', ['work-based-learning']],
  [465, 'Nguyen', 'Nugroho', 'nguyen.nugroho@example.net', 'PH', 'Asia and the Pacific', 'en', ['entrepreneurship']],
];

export const CORE_GROUP: Invitee[] = CORE.map(([memberId, givenName, familyName, email, country, region, workingLanguage, categories]) => ({
  memberId,
  organization: `Organisation ${memberId}`,
  givenName,
  familyName,
  fullName: `${givenName} ${familyName}`,
  email,
  country,
  workingLanguage,
  region,
  categories,
}));

export const CORE_MEMBERS: AttendanceMember[] = CORE_GROUP.map((m) => ({ memberId: m.memberId, name: m.fullName, email: m.email }));

export const SAMPLE_DIR = path.join(ROOT, 'data', 'sample', 'events');

export function sample(name: string): Uint8Array {
  return fs.readFileSync(path.join(SAMPLE_DIR, name));
}
