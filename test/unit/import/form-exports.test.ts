/**
 * The exports officers really receive — Excel CSV in French and Spanish locales, Excel "Unicode
 * Text", Google Forms, Microsoft Forms, SurveyMonkey (in English and French), .xlsx — each
 * written here in its own encoding and layout. Every one must import without a mapping file,
 * with counts that add up and the right columns read. One case per export, imported in process
 * (as `skillsnet import --json`), then read back as `list --json` and `rejects --json` show it.
 */
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { accounted, caseDb, caseFile, importCase, type ImportCase } from './support.js';
import { run } from '../support/run.js';

interface ExportCase {
  name: string;
  /** The file(s) to import. */
  files: () => string | string[] | Promise<string | string[]>;
  /** Further import options. */
  args?: string[];
  /** import --json, partly. */
  report: Record<string, unknown>;
  /** Per-file details of import --json (encoding, delimiter, columns...), partly. */
  file?: Record<string, unknown>;
  /** Applications by organisation name, partly. */
  apps?: Record<string, Record<string, unknown>>;
  /** Anything else, with the import in hand. */
  check?: (c: ImportCase) => void | Promise<void>;
}

const byOrg = (apps: any[], org: string) => apps.find((a) => a.organization === org);

const FRENCH_EXCEL = [
  "Horodateur;Nom de l'organisation;Type d'organisation;Prénom;Nom;Courriel;Téléphone;Pays;Langue;Titre du projet;Décrivez votre innovation;Bénéficiaires;Catégorie de compétences;Note globale",
  "04/03/2020 10:12;Association Élan Métiers;ONG;Aïssatou;Ndiaye;AISSATOU.NDIAYE@EXAMPLE.ORG;+221 77 000 00 00;Sénégal;Français;Apprentissage rénové à Thiès;Une formation en alternance pour les jeunes déscolarisés, avec des maîtres d'apprentissage;Jeunes, Femmes;Apprentissage et formation en milieu de travail;8,5",
  "05/03/2020 09:00;Coopérative Façonner;Entreprise sociale;Éric;Lefèvre;eric@example.net;;Côte d'Ivoire;fr;Compétences numériques;\"Ateliers de codage; en ligne\";Réfugiés;Prestation de formation;7,25",
  ';;;;;;;;;;;;;',
].join('\r\n');

const SPANISH_EXCEL = [
  'Marca temporal;Nombre de la organización;Tipo de organización;Nombre del contacto;Correo electrónico;País;Idioma;Título;Descripción;Beneficiarios;Puntuación',
  '4/3/2020 10:12;Fundación Oficios del Sur;ONG;José Núñez;jose@example.com;Bolivia (Plurinational State of);Español;Talleres móviles;Formación técnica para jóvenes rurales en oficios de la construcción;Jóvenes, Mujeres;9,0',
  '4/3/2020 11:12;Red Andina;Universidad;Ana;ana@example.com;Perú;;Datos de empleo;Un observatorio del mercado laboral que analiza las vacantes y las competencias que piden las empresas;;6,5',
].join('\r\n');

const UNICODE_TEXT = [
  'Organization\tEmail\tCountry\tLanguage\tTitle\tScore',
  'Skills Lab Amman\tlab@example.org\tJordan\tArabic\tمهارات رقمية للشباب\t8.5',
  'Tashkent Crafts\tcrafts@example.org\tUzbekistan\tEnglish\tCrafts\t7',
].join('\r\n');

const SURVEYMONKEY = [
  'Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,What is the name of your organization?,Contact person,Contact email,In which country do you work?,Who are the main beneficiaries?,,,',
  ',,,,,,,,,Response,Response,Open-Ended Response,Response,Youth,Women,Refugees,Other (please specify)',
  '11850001,4200,03/04/2020 10:00:00,03/04/2020 10:20:00,203.0.113.5,,,,,Kampala Youth Skills,Grace Auma,grace@example.org,Uganda,Youth,,Refugees,',
  '11850002,4200,03/04/2020 11:00:00,03/04/2020 11:20:00,203.0.113.9,,,,,Lima Tech,Luis Soto,luis@example.net,Peru,,Women,,Domestic workers',
].join('\n');

async function responsesWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Responses');
  ws.addRow(['Timestamp', 'Organisation name', 'E-mail', 'Country', 'Language', 'Project title', 'Score', 'Website']);
  ws.addRow([new Date(Date.UTC(2020, 2, 4, 10, 0, 0)), 'Dhaka Green Jobs', 'info@example.org', 'BGD', 'en', 'Solar technicians', 8.5, { text: 'site', hyperlink: 'https://green.example.org' }]);
  ws.addRow([new Date(Date.UTC(2020, 2, 5)), { richText: [{ text: 'Tbilisi ' }, { text: 'Skills', font: { bold: true } }] }, 'ge@example.org', 'Georgia', 'English', 'Dual VET', { formula: '3+4', result: 7 }, '']);
  ws.addRow([]);
  ws.addRow(['', '', 'nobody@example.org', 'Mars', '', '', 'n/a', '']);
  wb.addWorksheet('Notes').addRow(['ignored', 'sheet']);
  return caseFile('responses.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
}

/** A workbook whose xl/workbook.xml is stored after the sheet (the order that broke the reader). */
async function reorderedWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Responses');
  ws.addRow(['Organization', 'Email']);
  ws.addRow(['Acme', 'a@example.org']);
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const first = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml'];
  const order = [...first, ...names.filter((n) => !first.includes(n) && n !== 'xl/workbook.xml'), 'xl/workbook.xml'];
  const out = new JSZip();
  for (const n of order) out.file(n, await zip.file(n)!.async('nodebuffer'));
  return caseFile('reordered.xlsx', await out.generateAsync({ type: 'nodebuffer' }));
}

async function spanishMicrosoftForms(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['Id.', 'Hora de inicio', 'Hora de finalización', 'Correo electrónico', 'Nombre', 'Hora de la última modificación',
    'Nombre de la organización', 'Nombre de la persona de contacto', 'Correo electrónico del responsable del proyecto', 'País']);
  ws.addRow([1, '3/5/24 10:40:00', '3/5/24 10:52:00', 'anonymous', 'anonymous', '', 'Cooperativa Tejiendo Futuro', 'María López', 'maria@example.org', 'México']);
  ws.addRow([2, '3/5/24 11:40:00', '3/5/24 11:52:00', 'anonymous', 'anonymous', '', 'Instituto Técnico', 'Pedro Quispe', 'pedro@example.com', 'Perú']);
  return caseFile('formulario.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
}

const CASES: ExportCase[] = [
  {
    name: 'Excel CSV in a French locale (semicolons, Windows-1252, decimal commas, CRLF): accents intact, numbers read, re-import unchanged',
    files: () => caseFile('excel-fr.csv', iconv.encode(FRENCH_EXCEL, 'windows-1252')),
    report: { rows: 2, inserted: 2, rejected: 0 },
    file: { encoding: 'windows1252', delimiter: ';' },
    apps: {
      'Association Élan Métiers': { email: 'aissatou.ndiaye@example.org', country: 'SN', region: 'Africa', language: 'fr', score: 8.5, contactName: 'Aïssatou Ndiaye', organizationType: 'NGO' },
      'Coopérative Façonner': { country: 'CI', score: 7.25 },
    },
    check: ({ apps }) => expect(byOrg(apps, 'Association Élan Métiers').beneficiaries).toEqual(['Youth', 'Women']),
  },
  {
    name: 'Excel CSV in a Spanish locale: language detected when the cell is empty',
    files: () => caseFile('excel-es.csv', iconv.encode(SPANISH_EXCEL, 'windows-1252')),
    report: { rows: 2, inserted: 2 },
    apps: {
      'Fundación Oficios del Sur': { country: 'BO', region: 'Americas', language: 'es', score: 9, contactName: 'José Núñez' },
      'Red Andina': { country: 'PE', language: 'es', score: 6.5 },
    },
  },
  {
    name: 'Excel "Unicode Text": UTF-16 LE with BOM, tabs',
    files: () => caseFile('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(UNICODE_TEXT, 'utf16le')])),
    report: { rows: 2, inserted: 2 },
    file: { encoding: 'utf16le', delimiter: '\t' },
    apps: { 'Skills Lab Amman': { country: 'JO', region: 'Arab States', language: 'ar', title: 'مهارات رقمية للشباب' } },
  },
  {
    name: 'Excel "Unicode Text": UTF-16 BE with BOM too',
    files: () => caseFile('unicode-be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(UNICODE_TEXT, 'utf16le').swap16()])),
    report: { rows: 2, inserted: 2 },
  },
  {
    name: 'SurveyMonkey: two header rows, one question over several columns; the option columns merged',
    files: () => caseFile('surveymonkey.csv', '\uFEFF' + SURVEYMONKEY),
    report: { rows: 2, inserted: 2, rejected: 0 },
    apps: { 'Kampala Youth Skills': { email: 'grace@example.org', contactName: 'Grace Auma', country: 'UG', externalId: '11850001' } },
    check: ({ apps }) => {
      expect(byOrg(apps, 'Kampala Youth Skills').beneficiaries).toEqual(['Youth', 'Refugees']);
      expect(byOrg(apps, 'Lima Tech').beneficiaries).toEqual(['Women', 'Domestic workers']);
    },
  },
  {
    name: 'SurveyMonkey in British English: "Organisation name" is the organisation',
    files: () => caseFile('sm.csv', ['Respondent ID,Organisation name,Country,Contact email', ',Response,Response,Open-Ended Response', '1001,Org A,Chile,a@example.org'].join('\n')),
    report: { inserted: 1 },
    apps: { 'Org A': { organization: 'Org A', email: 'a@example.org' } },
    check: ({ run: r }) => expect(r.stderr).not.toContain('error:'),
  },
  {
    name: 'SurveyMonkey survey written in French: the contact question, not the respondent columns or a count',
    files: () => caseFile('sondage.csv', '\uFEFF' + stringify([
      ['ID du répondant', 'ID du collecteur', 'Date de début', 'Date de fin', 'Adresse IP', 'Adresse e-mail', 'Prénom', 'Nom', 'Données personnalisées 1',
        'Nom de votre organisation', 'Nom et prénom de la personne de contact', 'Adresse électronique de la personne de contact', 'Pays',
        'Quels groupes bénéficient de votre innovation ?', '', '', 'Nombre de bénéficiaires'],
      ['', '', '', '', '', '', '', '', '', 'Réponse', 'Réponse', 'Réponse', 'Réponse', 'Jeunes', 'Femmes', 'Autre (veuillez préciser)', 'Réponse'],
      ['118500011', '4200', '05/03/2024 10:00:00', '05/03/2024 10:20:00', '203.0.113.5', '', '', '', '', 'Atelier Kaolack', 'Fatou Sarr',
        'fatou@example.org', 'Sénégal', 'Jeunes', '', 'Artisans', '1500'],
    ])),
    report: { rows: 1, inserted: 1, rejected: 0 },
    apps: { 'Atelier Kaolack': { externalId: '118500011', organization: 'Atelier Kaolack', contactName: 'Fatou Sarr', email: 'fatou@example.org', country: 'SN' } },
    check: ({ apps }) => expect(apps[0].beneficiaries).toEqual(['Youth', 'Artisans']),
  },
  {
    name: 'Microsoft Forms: the "Contact email address" question is the email, the "anonymous" respondent ignored',
    files: () => caseFile('msforms.csv', [
      'ID,Start time,Completion time,Email,Name,Name of your organization,Contact email address,Country',
      '1,1/5/24 10:00:00,1/5/24 10:05:00,anonymous,,Org A,a@example.org,Chile',
      '2,1/5/24 11:00:00,1/5/24 11:05:00,anonymous,,Org B,b@example.org,Peru',
    ].join('\r\n')),
    report: { rows: 2, inserted: 2, rejected: 0 },
    file: { columns: { email: ['Contact email address'] } },
    check: ({ apps, report }) => {
      expect(report.files[0].columns.email).toEqual(['Contact email address']);
      expect(apps.map((a) => a.email).sort()).toEqual(['a@example.org', 'b@example.org']);
    },
  },
  {
    name: 'Microsoft Forms of a Spanish form, anonymous responses: the contact email question, not the respondent column',
    files: spanishMicrosoftForms,
    report: { rows: 2, inserted: 2, rejected: 0 },
    check: ({ apps }) => expect(apps.map((a) => [a.email, a.contactName])).toEqual([['maria@example.org', 'María López'], ['pedro@example.com', 'Pedro Quispe']]),
  },
  {
    name: 'an "anonymous" respondent email with no email question is a missing email',
    files: () => caseFile('anon.csv', 'ID,Email,Name of your organization\n1,anonymous,Org A\n'),
    report: { rows: 1, rejected: 1 },
    check: ({ rejects }) => expect(rejects[0].reasons).toEqual(['missing email']),
  },
  {
    name: 'Google Forms: the contact email is the email and never the contact name',
    files: () => caseFile('gforms.csv', [
      'Timestamp,Email Address,Name of your organization,Name of the contact person,Email of the contact person',
      '2024/01/05 10:00:00,filler@example.com,Org A,Ana Pérez,ana@example.org',
    ].join('\n')),
    report: { inserted: 1 },
    check: ({ apps }) => expect(apps[0]).toMatchObject({ email: 'ana@example.org', contactName: 'Ana Pérez' }),
  },
  {
    name: 'split names: Nombre + Apellidos, Prénom du contact + Nom du contact (two files in one import)',
    files: () => [
      caseFile('es.csv', 'Nombre,Apellidos,Organización,Correo\nAna,Pérez Gómez,Org A,a@example.org\n'),
      caseFile('fr.csv', 'Prénom du contact;Nom du contact;Organisation;Courriel\nJean;Dupont;Org B;b@example.org\n'),
    ],
    report: { rows: 2 },
    check: ({ apps }) => expect(apps.map((a) => a.contactName).sort()).toEqual(['Ana Pérez Gómez', 'Jean Dupont']),
  },
  {
    name: '"N/A", "-", "none", "—" are no country (and no warning); World Bank and local names resolve',
    files: () => caseFile('countries.csv', [
      'Organization,Email,Country',
      'O1,o1@example.org,N/A', 'O2,o2@example.org,n/a', 'O3,o3@example.org,-', 'O4,o4@example.org,none', 'O5,o5@example.org,—',
      'O6,o6@example.org,"Congo, Dem. Rep."', 'O7,o7@example.org,Slovak Republic', 'O8,o8@example.org,Schweiz', 'O9,o9@example.org,Deutschland',
    ].join('\n')),
    report: { inserted: 9 },
    check: ({ report, apps }) => {
      expect(report.files[0].warnings).toEqual([]);
      const country = Object.fromEntries(apps.map((a) => [a.organization, a.country]));
      expect(country).toMatchObject({ O1: null, O2: null, O3: null, O4: null, O5: null, O6: 'CD', O7: 'SK', O8: 'CH', O9: 'DE' });
    },
  },
  {
    name: '.xlsx (first sheet): rich text, formulas and numbers read; the bad row rejected and counted',
    files: responsesWorkbook,
    report: { rows: 3, inserted: 2, rejected: 1 },
    file: { format: 'xlsx' },
    apps: {
      'Dhaka Green Jobs': { country: 'BD', score: 8.5, website: 'site' },
      'Tbilisi Skills': { country: 'GE', region: 'Europe and Central Asia', score: 7 },
    },
  },
  {
    name: '.xlsx whose parts come in an unusual order: xl/workbook.xml stored after the sheet',
    files: reorderedWorkbook,
    report: { rows: 1, inserted: 1 },
  },
];

describe('form exports officers receive', () => {
  it.each(CASES)('$name', async (c) => {
    const result = await importCase(await c.files(), ['--call', '2020', ...(c.args ?? [])]);
    expect(result.run.code, result.run.stderr).toBe(0);
    expect(result.run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(accounted(result.report)).toBe(true);
    expect(result.report).toMatchObject(c.report);
    if (c.file) expect(result.report.files[0]).toMatchObject(c.file);
    for (const [org, fields] of Object.entries(c.apps ?? {})) expect(byOrg(result.apps, org), org).toMatchObject(fields);
    await c.check?.(result);
  });
});

describe('importing the same export again', () => {
  it('reports every row unchanged (French Excel CSV, .xlsx with a rejected row)', async () => {
    for (const [file, again] of [
      [caseFile('excel-fr.csv', iconv.encode(FRENCH_EXCEL, 'windows-1252')), { rows: 2, unchanged: 2 }],
      [await responsesWorkbook(), { rows: 3, unchanged: 2, rejected: 1 }],
    ] as const) {
      const db = caseDb();
      expect((await importCase(file, ['--call', '2020'], db)).run.code).toBe(0);
      expect((await importCase(file, ['--call', '2020'], db)).report).toMatchObject(again);
    }
  });
});

describe('several files in one import, --delimiter and --encoding', () => {
  it('counts per file and in total', async () => {
    const a = caseFile('a.csv', 'Organization,Email\nA1,a1@example.org\nA2,a2@example.org\n');
    const b = caseFile('b.csv', 'Organization|Email\nB1|b1@example.org\n');
    const db = caseDb();
    expect((await importCase(a, ['--call', '2020'], db)).report.rows).toBe(2);
    const r = (await importCase([a, b], ['--call', '2020'], db)).report;
    expect(r).toMatchObject({ rows: 3, inserted: 1, unchanged: 2 });
    expect(r.files.map((x: any) => x.file)).toEqual(['a.csv', 'b.csv']);
  });

  it('explicit options override detection; an unknown encoding is wrong usage', async () => {
    const f = caseFile('latin1.csv', iconv.encode('Organisation;Courriel\nÉcole Métiers;e@example.org\n', 'latin1'));
    const db = caseDb();
    const { report, apps } = await importCase(f, ['--call', '2020', '--delimiter', ';', '--encoding', 'latin1'], db);
    expect(report).toMatchObject({ rows: 1, inserted: 1 });
    expect(apps[0].organization).toBe('École Métiers');
    const bad = await run(['import', f, '--db', db, '--encoding', 'klingon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: unknown encoding/m);
  });
});
