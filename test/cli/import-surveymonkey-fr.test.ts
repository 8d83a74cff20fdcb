import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { json, runCli, tempDir } from '../helpers.js';

const dir = tempDir('skillsnet-sm-fr-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// A SurveyMonkey survey written in French exports its own columns in French too.
describe('SurveyMonkey export of a French survey', () => {
  it('imports without a mapping: the contact question, not the respondent columns or a count', () => {
    const f = path.join(dir, 'sondage.csv');
    fs.writeFileSync(f, '\uFEFF' + stringify([
      ['ID du répondant', 'ID du collecteur', 'Date de début', 'Date de fin', 'Adresse IP', 'Adresse e-mail', 'Prénom', 'Nom', 'Données personnalisées 1',
        'Nom de votre organisation', 'Nom et prénom de la personne de contact', 'Adresse électronique de la personne de contact', 'Pays',
        'Quels groupes bénéficient de votre innovation ?', '', '', 'Nombre de bénéficiaires'],
      ['', '', '', '', '', '', '', '', '', 'Réponse', 'Réponse', 'Réponse', 'Réponse', 'Jeunes', 'Femmes', 'Autre (veuillez préciser)', 'Réponse'],
      ['118500011', '4200', '05/03/2024 10:00:00', '05/03/2024 10:20:00', '203.0.113.5', '', '', '', '', 'Atelier Kaolack', 'Fatou Sarr',
        'fatou@example.org', 'Sénégal', 'Jeunes', '', 'Artisans', '1500'],
    ]));
    const db = path.join(dir, 'a.db');
    const run = runCli(['--db', db, 'import', f, '--call', '2024', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toMatchObject({ rows: 1, inserted: 1, rejected: 0 });
    const [app] = json(runCli(['--db', db, 'list', '--json']));
    expect(app).toMatchObject({ externalId: '118500011', organization: 'Atelier Kaolack', contactName: 'Fatou Sarr', email: 'fatou@example.org', country: 'SN' });
    expect(app.beneficiaries).toEqual(['Youth', 'Artisans']);
  });
});
