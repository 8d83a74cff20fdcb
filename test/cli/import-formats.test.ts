import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from '../helpers.js';

/**
 * The built CLI on the exports officers really receive, each written here in its own encoding
 * and layout. Every one must import without a mapping file, with counts that add up.
 */
const dir = tempDir('skillsnet-formats-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, content);
  return f;
}

function importJson(f: string, db: string, extra: string[] = []) {
  const r = runCli(['import', f, '--call', '2020', '--db', db, '--json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  const j = json(r);
  expect(j.rows).toBe(j.inserted + j.updated + j.unchanged + j.rejected);
  return { report: j, stderr: r.stderr };
}

function list(db: string): any[] {
  return json(runCli(['list', '--db', db, '--json']));
}

describe('Excel CSV in a French locale: semicolons, Windows-1252, decimal commas, CRLF', () => {
  const rows = [
    "Horodateur;Nom de l'organisation;Type d'organisation;Prénom;Nom;Courriel;Téléphone;Pays;Langue;Titre du projet;Décrivez votre innovation;Bénéficiaires;Catégorie de compétences;Note globale",
    "04/03/2020 10:12;Association Élan Métiers;ONG;Aïssatou;Ndiaye;AISSATOU.NDIAYE@EXAMPLE.ORG;+221 77 000 00 00;Sénégal;Français;Apprentissage rénové à Thiès;Une formation en alternance pour les jeunes déscolarisés, avec des maîtres d'apprentissage;Jeunes, Femmes;Apprentissage et formation en milieu de travail;8,5",
    "05/03/2020 09:00;Coopérative Façonner;Entreprise sociale;Éric;Lefèvre;eric@example.net;;Côte d'Ivoire;fr;Compétences numériques;\"Ateliers de codage; en ligne\";Réfugiés;Prestation de formation;7,25",
    ';;;;;;;;;;;;;',
  ].join('\r\n');
  const f = file('excel-fr.csv', iconv.encode(rows, 'windows-1252'));

  it('imports with accents intact and numbers read', () => {
    const db = path.join(dir, 'fr.db');
    const { report } = importJson(f, db);
    expect(report).toMatchObject({ rows: 2, inserted: 2, rejected: 0 });
    expect(report.files[0]).toMatchObject({ encoding: 'windows1252', delimiter: ';' });
    const apps = list(db);
    const elan = apps.find((a) => a.organization === 'Association Élan Métiers');
    expect(elan).toMatchObject({ email: 'aissatou.ndiaye@example.org', country: 'SN', region: 'Africa', language: 'fr', score: 8.5, contactName: 'Aïssatou Ndiaye', organizationType: 'NGO' });
    expect(elan.beneficiaries).toEqual(['Youth', 'Women']);
    expect(apps.find((a) => a.organization === 'Coopérative Façonner')).toMatchObject({ country: 'CI', score: 7.25 });
    expect(importJson(f, db).report).toMatchObject({ rows: 2, unchanged: 2 });
  });
});

describe('Excel CSV in a Spanish locale', () => {
  const rows = [
    'Marca temporal;Nombre de la organización;Tipo de organización;Nombre del contacto;Correo electrónico;País;Idioma;Título;Descripción;Beneficiarios;Puntuación',
    '4/3/2020 10:12;Fundación Oficios del Sur;ONG;José Núñez;jose@example.com;Bolivia (Plurinational State of);Español;Talleres móviles;Formación técnica para jóvenes rurales en oficios de la construcción;Jóvenes, Mujeres;9,0',
    '4/3/2020 11:12;Red Andina;Universidad;Ana;ana@example.com;Perú;;Datos de empleo;Un observatorio del mercado laboral que analiza las vacantes y las competencias que piden las empresas;;6,5',
  ].join('\r\n');
  const f = file('excel-es.csv', iconv.encode(rows, 'windows-1252'));

  it('imports; language detected when the cell is empty', () => {
    const db = path.join(dir, 'es.db');
    expect(importJson(f, db).report).toMatchObject({ rows: 2, inserted: 2 });
    const apps = list(db);
    expect(apps.find((a) => a.organization === 'Fundación Oficios del Sur')).toMatchObject({ country: 'BO', region: 'Americas', language: 'es', score: 9, contactName: 'José Núñez' });
    expect(apps.find((a) => a.organization === 'Red Andina')).toMatchObject({ country: 'PE', language: 'es', score: 6.5 });
  });
});

describe('Excel "Unicode Text": UTF-16 LE with BOM, tabs', () => {
  const rows = [
    'Organization\tEmail\tCountry\tLanguage\tTitle\tScore',
    'Skills Lab Amman\tlab@example.org\tJordan\tArabic\tمهارات رقمية للشباب\t8.5',
    'Tashkent Crafts\tcrafts@example.org\tUzbekistan\tEnglish\tCrafts\t7',
  ].join('\r\n');
  const f = file('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows, 'utf16le')]));

  it('imports', () => {
    const db = path.join(dir, 'u16.db');
    const { report } = importJson(f, db);
    expect(report).toMatchObject({ rows: 2, inserted: 2 });
    expect(report.files[0]).toMatchObject({ encoding: 'utf16le', delimiter: '\t' });
    const amman = list(db).find((a) => a.organization === 'Skills Lab Amman');
    expect(amman).toMatchObject({ country: 'JO', region: 'Arab States', language: 'ar', title: 'مهارات رقمية للشباب' });
  });

  it('UTF-16 BE with BOM too', () => {
    const be = Buffer.from(rows, 'utf16le').swap16();
    const g = file('unicode-be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    expect(importJson(g, path.join(dir, 'u16be.db')).report).toMatchObject({ rows: 2, inserted: 2 });
  });
});

describe('SurveyMonkey: two header rows, one question over several columns', () => {
  const rows = [
    'Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,What is the name of your organization?,Contact person,Contact email,In which country do you work?,Who are the main beneficiaries?,,,',
    ',,,,,,,,,Response,Response,Open-Ended Response,Response,Youth,Women,Refugees,Other (please specify)',
    '11850001,4200,03/04/2020 10:00:00,03/04/2020 10:20:00,203.0.113.5,,,,,Kampala Youth Skills,Grace Auma,grace@example.org,Uganda,Youth,,Refugees,',
    '11850002,4200,03/04/2020 11:00:00,03/04/2020 11:20:00,203.0.113.9,,,,,Lima Tech,Luis Soto,luis@example.net,Peru,,Women,,Domestic workers',
  ].join('\n');
  const f = file('surveymonkey.csv', '\uFEFF' + rows);

  it('imports without a mapping and merges the option columns', () => {
    const db = path.join(dir, 'sm.db');
    const { report } = importJson(f, db);
    expect(report).toMatchObject({ rows: 2, inserted: 2, rejected: 0 });
    const apps = list(db);
    const k = apps.find((a) => a.organization === 'Kampala Youth Skills');
    expect(k).toMatchObject({ email: 'grace@example.org', contactName: 'Grace Auma', country: 'UG', externalId: '11850001' });
    expect(k.beneficiaries).toEqual(['Youth', 'Refugees']);
    expect(apps.find((a) => a.organization === 'Lima Tech').beneficiaries).toEqual(['Women', 'Domestic workers']);
  });
});

describe('.xlsx (first sheet)', () => {
  let f: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Responses');
    ws.addRow(['Timestamp', 'Organisation name', 'E-mail', 'Country', 'Language', 'Project title', 'Score', 'Website']);
    ws.addRow([new Date(Date.UTC(2020, 2, 4, 10, 0, 0)), 'Dhaka Green Jobs', 'info@example.org', 'BGD', 'en', 'Solar technicians', 8.5, { text: 'site', hyperlink: 'https://green.example.org' }]);
    ws.addRow([new Date(Date.UTC(2020, 2, 5)), { richText: [{ text: 'Tbilisi ' }, { text: 'Skills', font: { bold: true } }] }, 'ge@example.org', 'Georgia', 'English', 'Dual VET', { formula: '3+4', result: 7 }, '']);
    ws.addRow([]);
    ws.addRow(['', '', 'nobody@example.org', 'Mars', '', '', 'n/a', '']);
    wb.addWorksheet('Notes').addRow(['ignored', 'sheet']);
    f = path.join(dir, 'responses.xlsx');
    await wb.xlsx.writeFile(f);
  });

  it('imports rich text, formulas and numbers; rejects and counts the bad row', () => {
    const db = path.join(dir, 'xlsx.db');
    const { report } = importJson(f, db);
    expect(report).toMatchObject({ rows: 3, inserted: 2, rejected: 1 });
    expect(report.files[0].format).toBe('xlsx');
    const apps = list(db);
    expect(apps.find((a) => a.organization === 'Dhaka Green Jobs')).toMatchObject({ country: 'BD', score: 8.5, website: 'site' });
    expect(apps.find((a) => a.organization === 'Tbilisi Skills')).toMatchObject({ country: 'GE', region: 'Europe and Central Asia', score: 7 });
    expect(importJson(f, db).report).toMatchObject({ rows: 3, unchanged: 2, rejected: 1 });
  });
});

describe('.xlsx whose parts come in an unusual order', () => {
  it('imports when xl/workbook.xml is stored after the sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Responses');
    ws.addRow(['Organization', 'Email']);
    ws.addRow(['Acme', 'a@example.org']);
    // jszip comes with exceljs; it rewrites the archive with the parts in the order that broke the reader
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    const first = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml'];
    const order = [...first, ...names.filter((n) => !first.includes(n) && n !== 'xl/workbook.xml'), 'xl/workbook.xml'];
    const out = new JSZip();
    for (const n of order) out.file(n, await zip.file(n)!.async('nodebuffer'));
    const f = file('reordered.xlsx', await out.generateAsync({ type: 'nodebuffer' }));
    expect(importJson(f, path.join(dir, 'reordered.db')).report).toMatchObject({ rows: 1, inserted: 1 });
  });
});

describe('several files in one import, --delimiter and --encoding', () => {
  it('counts per file and in total', () => {
    const a = file('a.csv', 'Organization,Email\nA1,a1@example.org\nA2,a2@example.org\n');
    const b = file('b.csv', 'Organization|Email\nB1|b1@example.org\n');
    const db = path.join(dir, 'multi.db');
    const { report } = importJson(a, db);
    expect(report.rows).toBe(2);
    const r = json(runCli(['import', a, b, '--call', '2020', '--db', db, '--json']));
    expect(r).toMatchObject({ rows: 3, inserted: 1, unchanged: 2 });
    expect(r.files.map((x: any) => x.file)).toEqual(['a.csv', 'b.csv']);
  });

  it('explicit options override detection', () => {
    const text = 'Organisation;Courriel\nÉcole Métiers;e@example.org\n';
    const f = file('latin1.csv', iconv.encode(text, 'latin1'));
    const { report } = importJson(f, path.join(dir, 'opt.db'), ['--delimiter', ';', '--encoding', 'latin1']);
    expect(report).toMatchObject({ rows: 1, inserted: 1 });
    expect(list(path.join(dir, 'opt.db'))[0].organization).toBe('École Métiers');
    const bad = runCli(['import', f, '--db', path.join(dir, 'opt.db'), '--encoding', 'klingon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: unknown encoding/m);
  });
});
