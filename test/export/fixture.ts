import path from 'node:path';
import { openDatabase } from '../../src/db/connection.js';
import { insertApplication, setCategories } from '../../src/db/applications.js';
import { tempDir } from '../helpers.js';

/** Formula-like organisation names a hostile or careless applicant might type. */
export const FORMULA_NAMES = ['=HYPERLINK("http://x.example.com","click")', '+SUM(1,2)', '-2+3', '@cmd', '\tTabbed', '\rReturn'];

/**
 * A small call with the awkward cases exports must survive: formula-like names, two
 * organisations sharing a name in different countries, an organisation named like a region,
 * one organisation applying twice, a shared email address, a missing email, a pipe inside a
 * value, a roster with members and an alternate (written with plain SQL: the roster write
 * side belongs to the selection module).
 */
export function exportFixture(): { dbPath: string; dir: string; ids: Record<string, number> } {
  const dir = tempDir('skillsnet-export-');
  const dbPath = path.join(dir, 'export.db');
  const db = openDatabase(dbPath, { create: true });
  const ids: Record<string, number> = {};
  ids.taller = insertApplication(db, '2020', {
    externalId: 'A1', organization: 'Taller Abierto', organizationType: 'NGO', contactName: 'Ana María Ruiz', email: 'ana@example.org',
    phone: '+52 55 0000 0000', country: 'MX', region: 'Americas', language: 'es', title: 'Aprendices *en* talleres',
    description: 'Formación dual; para jóvenes, con "comillas"\n# no heading', beneficiaries: ['Youth'], score: 8.5, website: 'taller.example.org',
  });
  ids.formula = insertApplication(db, '2020', {
    externalId: 'A2', organization: FORMULA_NAMES[0], organizationType: 'TVET institution', contactName: '=Mallory', email: 'info@example.com',
    phone: '+962 6 000 0000', country: 'JO', region: 'Arab States', language: 'en', title: '-Digital badges', description: '@Recognition\nof prior learning',
    beneficiaries: ['Refugees', 'Women|Girls'], score: 7,
  });
  ids.ministryKe = insertApplication(db, '2020', { externalId: 'A3', organization: 'Ministry of Labour', contactName: 'Ana María Ruiz', email: 'ANA@example.org', country: 'KE', region: 'Africa', language: 'en', score: 6 });
  ids.ministryJo = insertApplication(db, '2021', { externalId: 'A4', organization: 'Ministry of Labour', email: 'min@example.net; deputy@example.net', country: 'JO', region: 'Arab States', language: 'ar', score: 5 });
  ids.tallerAgain = insertApplication(db, '2021', { externalId: 'A5', organization: 'TALLER  abierto', email: 'otro@example.org', country: 'MX', region: 'Americas', language: 'es', score: 9, title: 'Segunda propuesta' });
  ids.africa = insertApplication(db, '2021', { externalId: 'A6', organization: 'Africa', country: 'NG', region: 'Africa', language: 'en' });
  FORMULA_NAMES.slice(1).forEach((name, i) => {
    ids[`f${i}`] = insertApplication(db, '2021', { externalId: `F${i}`, organization: name, email: `f${i}@example.com`, phone: `+33 1 00 00 00 0${i}`, country: 'FR', region: 'Europe and Central Asia', language: 'fr', score: 4 + i });
  });
  setCategories(db, ids.taller, ['work-based-learning', 'training-delivery']);
  setCategories(db, ids.formula, ['recognition-of-skills', 'training-delivery']);
  setCategories(db, ids.ministryJo, ['recognition-of-skills']);
  setCategories(db, ids.tallerAgain, ['life-skills']);
  for (let i = 0; i < FORMULA_NAMES.length - 1; i++) setCategories(db, ids[`f${i}`], ['life-skills', i % 2 ? 'entrepreneurship' : 'career-guidance']);
  const roster = db.prepare(`INSERT INTO rosters (name, params_json, solver_status, optimal, objective) VALUES ('core-2020', '{"size":2}', 'Optimal', 1, 15.5)`).run().lastInsertRowid;
  const member = db.prepare('INSERT INTO roster_members (roster_id, application_id, role, rank, reasons_json) VALUES (?, ?, ?, ?, ?)');
  member.run(roster, ids.taller, 'member', 1, JSON.stringify(['best score in Americas', 'covers work-based-learning']));
  member.run(roster, ids.formula, 'member', 2, JSON.stringify(['only applicant | Arab States']));
  member.run(roster, ids.ministryKe, 'alternate', 1, '[]');
  db.close();
  return { dbPath, dir, ids };
}
