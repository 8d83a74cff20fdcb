/**
 * Where the header is and what it names: among the top rows (title lines may come first), one
 * row or two (a merged group header over its columns), and never a data row that happens to
 * read like one. Each case is a file imported in process; `expect` is what the import reports.
 */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { accounted, caseFile, importCase } from './support.js';

interface HeaderCase {
  name: string;
  file: () => string | Promise<string>;
  report: Record<string, number>;
  columns?: Record<string, string[]>;
  firstApp?: Record<string, unknown>;
}

/** A CSV file of these rows, written when the case runs. */
const csvFile = (name: string, rows: string[][]) => () => caseFile(name, stringify(rows));

/**
 * An officer's workbook grouping every column, one group over a single column: "Organisation"
 * over two, "Contact" over two, "Évaluation" over one; `names` under them; a title line above if `titled`.
 */
async function groupsWorkbook(name: string, names: string[], titled: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Candidatures');
  if (titled) ws.addRows([['Appel à innovations 2024'], []]);
  const top = ws.addRow(['Organisation', '', 'Contact', '', 'Évaluation']).number;
  ws.addRow(names);
  ws.mergeCells(`A${top}:B${top}`);
  ws.mergeCells(`C${top}:D${top}`);
  ws.addRows([['Ateliers du Sahel', 'Sénégal', 'Awa Ndiaye', 'awa@example.org', 8.5], ['Kigali Crafts', 'Rwanda', 'Eric Mugisha', 'eric@example.org', 7]]);
  return caseFile(name, Buffer.from(await wb.xlsx.writeBuffer()));
}

const CASES: HeaderCase[] = [
  // A data row whose values happen to read like headers ("ref", "not-an-email") must not be
  // taken for the header, or every row above it is silently skipped (found by the fuzz test).
  {
    name: 'the header is the first dense row that reads like one, not a later data row that reads more like one',
    file: () => caseFile('data.csv', 'Organisation,"col;with;semis",Email Address\nOrganisation 1,,person1@example.org\nOrganisation X,,\n,Fundación Andina,\n' +
      ',,person1@example.org\nOrganisation 1,,\nOrganisation 1,Fundación Andina,\n,Fundación Andina,person1@example.org\nOrganisation 1,ref,not-an-email\n'),
    report: { rows: 8 },
  },
  {
    name: 'title lines and a sparse line of section labels above the header are skipped',
    file: () => caseFile('titled.csv', 'Skills Innovation Call 2024: applications,,,,,\n' +
      'Organisation details,,,Contact details,,\n' +
      'Organisation,Country,Type of organization,Contact person,Email,Phone\n' +
      'Acme,Kenya,NGO,Ana Diallo,ana@example.org,+254 1\n'),
    report: { rows: 1, inserted: 1 },
    columns: { organization: ['Organisation'], email: ['Email'], contactName: ['Contact person'] },
  },
  {
    name: 'a data row with one cell more than the header stays data (the header is not moved down to it)',
    file: () => caseFile('extra.csv', 'organization,Email Address\nOrganisation 1,not-an-email,extra\n'),
    report: { rows: 1, rejected: 1 },
  },
  {
    name: 'a row with a value beyond the header is data (rejected for its email), never swallowed as a second header row',
    file: () => caseFile('beyond.csv', 'Name of your organization,Email Address\n,not-an-email,extra\n'),
    report: { rows: 1, rejected: 1 },
  },
  // Officers' own templates group columns under a merged header: "Contact person" over
  // "Name | Email | Phone". The row under the header names the grouped columns; it is no data row.
  {
    name: 'xlsx: a merged group header is read with its column names, and the second header row is no data row',
    file: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Applications');
      ws.addRow(['Skills Innovation Call 2024 — applications received']);
      ws.addRow(['Organisation', 'Country', 'Contact person', '', '', 'Project title']);
      ws.addRow(['', '', 'Name', 'Email', 'Phone', '']);
      ws.mergeCells('C2:E2');
      ws.addRow(['Nairobi Tech Institute', 'Kenya', 'Wanjiru Kamau', 'wanjiru@example.org', '+254 20 123456', 'Solar skills']);
      ws.addRow(['Kigali Crafts', 'Rwanda', 'Eric Mugisha', 'eric@example.org', '+250 788 123 456', 'Craft skills']);
      return caseFile('template.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    },
    report: { rows: 2, inserted: 2, rejected: 0 },
    columns: { organization: ['Organisation'], contactName: ['Contact person - Name'], email: ['Contact person - Email'], phone: ['Contact person - Phone'] },
    firstApp: { organization: 'Nairobi Tech Institute', contactName: 'Wanjiru Kamau', email: 'wanjiru@example.org', phone: '+254 20 123456' },
  },
  {
    name: 'csv: "Contact" over "First name | Last name" becomes the contact name',
    file: csvFile('names.csv', [
      ['Organization', 'Contact', '', 'Email'],
      ['', 'First name', 'Last name', ''],
      ['Acme Skills', 'Ana', 'Diallo', 'ana@example.org'],
    ]),
    report: { rows: 1, inserted: 1, rejected: 0 },
    firstApp: { contactName: 'Ana Diallo' },
  },
  {
    // an incubator's sheet: "IPs Filed" over the kinds of rights, which name no field
    name: 'csv: a group\'s sub-header row that labels every column of the group with words is no data row, even naming no field',
    file: csvFile('startups.csv', [
      ['S No', 'Name of Startup', 'Personal Email Id', 'IPs Filed', '', '', '', 'Brief description'],
      ['', '', '', 'Patent', 'Design', 'Trademark', 'Copyright', ''],
      ['1', 'Acme Robotics', 'ana@example.org', '1', '0', '1', '0', 'Robots that teach welding'],
      ['2', 'Beta Looms', 'li@example.net', '0', '0', '0', '0', 'Looms for apprentices'],
    ]),
    report: { rows: 2, inserted: 2, rejected: 0 },
    columns: { organization: ['Name of Startup'], email: ['Personal Email Id'] },
  },
  {
    name: 'csv: such a sub-header row is no data row with no row under it either',
    file: csvFile('startups-empty.csv', [
      ['Name of Startup', 'Personal Email Id', 'IPs Filed', '', '', '', 'Brief description'],
      ['', '', 'Patent', 'Design', 'Trademark', 'Copyright', ''],
    ]),
    report: { rows: 0, rejected: 0 },
  },
  {
    name: 'a first data row filling only a group\'s columns with answers is still data',
    file: csvFile('group-answers.csv', [
      ['Organization', 'Email', 'IPs Filed', '', ''],
      ['', '', 'Yes', 'No', 'Yes'],
      ['Beta Skills', 'beta@example.org', 'No', 'No', 'No'],
    ]),
    report: { rows: 2, inserted: 1, rejected: 1 },
  },
  {
    name: 'a first data row with blanks under a group is still data',
    file: csvFile('group-data.csv', [
      ['Organization', 'Email', 'Contact', ''],
      ['Acme Skills', 'ana@example.org', 'Ana', 'Diallo'],
      ['Beta Skills', 'beta@example.org', '', ''],
    ]),
    report: { rows: 2, inserted: 2 },
  },
  // An officer's workbook groups every column, a group of one included ("Évaluation" over
  // "Note"), under a title row and a blank row: the second row names each column.
  {
    name: 'xlsx: group headers over every column, one of them over a single column, are read with the row of names under them',
    file: () => groupsWorkbook('groupes.xlsx', ['Nom', 'Pays', 'Nom du contact', 'Courriel', 'Note'], true),
    report: { rows: 2, inserted: 2, rejected: 0 },
    columns: { organization: ['Organisation - Nom'], email: ['Contact - Courriel'], score: ['Évaluation - Note'] },
    firstApp: { organization: 'Ateliers du Sahel', email: 'awa@example.org', score: 8.5 },
  },
  // two groups naming the same sub-field ("Nom" under "Organisation" and under "Contact") were
  // taken for a data row's repeated value, and the file refused for want of an email column
  {
    name: 'xlsx: group headers over every column whose groups name the same sub-field, one group over a single column',
    file: () => groupsWorkbook('groupes-nom.xlsx', ['Nom', 'Pays', 'Nom', 'Courriel', 'Note'], false),
    report: { rows: 2, inserted: 2, rejected: 0 },
    columns: { organization: ['Organisation - Nom'], contactName: ['Contact - Nom'], email: ['Contact - Courriel'], score: ['Évaluation - Note'] },
    firstApp: { organization: 'Ateliers du Sahel', email: 'awa@example.org', score: 8.5 },
  },
  // a row of units under the names ("EUR", "%", "yyyy-mm-dd") was rejected as an application
  // missing its organisation and email, and the rejects sheet asked for them to be typed in
  {
    name: 'a row of units and date formats under the names is part of the headers, not a rejected application',
    file: csvFile('units.csv', [
      ['Organisation', 'Email', 'Budget', 'Share of women', 'Start date', 'Duration'],
      ['', '', '(EUR)', '%', 'dd/mm/yyyy', 'months'],
      ['Acme Skills', 'ana@example.org', '12000', '60', '01/03/2024', '12'],
    ]),
    report: { rows: 1, inserted: 1, rejected: 0 },
    columns: { organization: ['Organisation'], email: ['Email'] },
    firstApp: { organization: 'Acme Skills' },
  },
  {
    name: 'a first application of an acronym alone is no row of units: it is rejected, not taken into the headers',
    file: csvFile('acronym.csv', [
      ['Organisation', 'Email', 'Budget'],
      ['ILO', '', 'USD'],
      ['Acme Skills', 'ana@example.org', '12000'],
    ]),
    report: { rows: 2, inserted: 1, rejected: 1 },
  },
  {
    name: 'a first application of codes only (a country\'s, a kind\'s) is no row of units: three capitals are a unit only as a currency',
    file: csvFile('codes.csv', [
      ['Organisation', 'Email', 'Country', 'Type'],
      ['', '', 'KEN', 'NGO'],
      ['Acme Skills', 'ana@example.org', 'Kenya', 'NGO'],
    ]),
    report: { rows: 2, inserted: 1, rejected: 1 },
  },
  {
    name: 'a first data row under a group of one column is still data when it leaves a column blank',
    file: csvFile('group-single.csv', [
      ['Organization', 'Email', 'Contact', '', 'Country'],
      ['Acme Skills', '', 'Ana', 'Diallo', 'Kenya'],
      ['Beta Skills', 'beta@example.org', 'Li', 'Wei', 'Ghana'],
    ]),
    report: { rows: 2, inserted: 1, rejected: 1 },
  },
];

describe('a line of totals under the applications', () => {
  it('is rejected as one, not for a missing email the officer would be asked to type in; a row with an organisation stays an application', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Applications');
    ws.addRow(['Organization', 'Email', 'Score']);
    ws.addRow(['Acme Skills', 'ana@example.org', 7]);
    ws.addRow(['Beta Skills', 'li@example.org', 8.5]);
    ws.addRow(['Total Skills', '', 9]);
    ws.addRow(['Total', '', { formula: 'SUM(C2:C4)', result: 24.5 }]);
    const { run, report, rejects } = await importCase(caseFile('totals.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), ['--call', '2024']);
    expect(run.code, run.stderr).toBe(0);
    expect(report).toMatchObject({ rows: 4, inserted: 2, rejected: 2 });
    expect(rejects.map((r) => [r.rowNumber, r.reasons])).toEqual([
      [3, ['missing email']],
      [4, ['a line of totals, not an application (delete it from the file, then import the file again)']],
    ]);
  });

  // "Total" typed in the first column, the date column of a hand-made sheet: the report said a
  // submission date was "kept as written", of a row that was rejected and kept nothing
  it('in the date column is no submission date "kept as written": a rejected row keeps nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Applications');
    ws.addRow(['Date', 'Organization', 'Email']);
    ws.addRow(['01/03/2024', 'Acme Skills', 'ana@example.org']);
    ws.addRow(['02/03/2024', 'Beta Skills', 'li@example.org']);
    ws.addRow(['last week', 'Gamma Skills', 'g@example.org']);
    ws.addRow(['Totaux', 3, 3]);
    const { run, report, rejects } = await importCase(caseFile('totals-date.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), ['--call', '2024']);
    expect(run.code, run.stderr).toBe(0);
    expect(report).toMatchObject({ rows: 4, inserted: 3, rejected: 1 });
    expect(rejects.map((r) => r.rowNumber)).toEqual([4]);
    expect(report.files[0].warnings.filter((w: string) => /submission date/.test(w))).toEqual(['1 submission date was not readable as a date: kept as written']);
  });
});

describe('the header row', () => {
  it.each(CASES)('$name', async (c) => {
    const { run, report, apps } = await importCase(await c.file(), ['--call', '2024']);
    expect(run.code, run.stderr).toBe(0);
    expect(report).toMatchObject(c.report);
    expect(accounted(report)).toBe(true);
    if (c.columns) expect(report.files[0].columns).toMatchObject(c.columns);
    if (c.firstApp) expect(apps[0]).toMatchObject(c.firstApp);
  });
});
