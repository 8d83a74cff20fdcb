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

describe('Microsoft Forms export of a Spanish form, anonymous responses', () => {
  it('takes the contact email question, not the respondent column that says "anonymous"', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['Id.', 'Hora de inicio', 'Hora de finalización', 'Correo electrónico', 'Nombre', 'Hora de la última modificación',
      'Nombre de la organización', 'Nombre de la persona de contacto', 'Correo electrónico del responsable del proyecto', 'País']);
    ws.addRow([1, '3/5/24 10:40:00', '3/5/24 10:52:00', 'anonymous', 'anonymous', '', 'Cooperativa Tejiendo Futuro', 'María López', 'maria@example.org', 'México']);
    ws.addRow([2, '3/5/24 11:40:00', '3/5/24 11:52:00', 'anonymous', 'anonymous', '', 'Instituto Técnico', 'Pedro Quispe', 'pedro@example.com', 'Perú']);
    const f = path.join(dir, 'formulario.xlsx');
    await wb.xlsx.writeFile(f);
    const db = path.join(dir, 'ms.db');
    const run = runCli(['--db', db, 'import', f, '--call', '2024', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toMatchObject({ rows: 2, inserted: 2, rejected: 0 });
    const apps = json<{ email: string; contactName: string }[]>(runCli(['--db', db, 'list', '--json']));
    expect(apps.map((a) => [a.email, a.contactName])).toEqual([['maria@example.org', 'María López'], ['pedro@example.com', 'Pedro Quispe']]);
  });
});
