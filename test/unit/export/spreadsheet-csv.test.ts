import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { overlongCells, overlongWarning, spreadsheetCsv, spreadsheetNumber } from '../../../src/export/spreadsheet-csv.js';
import { rosterCsv, type RosterLine } from '../../../src/export/roster.js';
import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication } from '../../../src/db/applications.js';
import { run as skillsnet, tempDir, json } from '../support/run.js';

describe('spreadsheetCsv', () => {
  it('starts with a BOM, ends rows in CRLF and quotes a description with bare line breaks', () => {
    const text = spreadsheetCsv(['id', 'description'], [[1, 'Ligne un\nLigne deux\rtrois'], [2, 'Éducation']]);
    expect(text.startsWith('\uFEFFid,description\r\n')).toBe(true);
    expect(text).toContain('1,"Ligne un\nLigne deux\rtrois"\r\n');
    expect(parse(text, { bom: true, columns: true })).toEqual([
      { id: '1', description: 'Ligne un\nLigne deux\rtrois' }, { id: '2', description: 'Éducation' },
    ]);
  });

  it('writes the delimiter asked for', () => {
    expect(spreadsheetCsv(['a', 'b'], [['x;y', 'z']], ';')).toBe('\uFEFFa;b\r\n"x;y";z\r\n');
  });
});

describe('numbers in a ";" file', () => {
  it('carry a decimal comma, as Excel writes them in the locales that separate with ";"', () => {
    expect(spreadsheetNumber(8.5, ';')).toBe('8,5');
    expect(spreadsheetNumber(-0.25, ';')).toBe('-0,25');
    expect(spreadsheetNumber(8, ';')).toBe(8);
    expect(spreadsheetNumber(8.5, ',')).toBe(8.5);
    expect(spreadsheetNumber(8.5, '\t')).toBe(8.5);
    expect(spreadsheetNumber(Number.NaN, ';')).toBe('');
  });

  it('rosterCsv: ";" between cells and the score "8,5"; "," and "8.5" by default', async () => {
    const line: RosterLine = {
      rank: 1, role: 'member', id: 4, organisation: 'Müller & Söhne GmbH; Berlin', contact: 'Jürgen Müller', country: 'Germany', countryCode: 'DE', region: 'Europe and Central Asia',
      language: 'English', languageCode: 'en', categories: ['Skills ecosystem'], categoryCodes: ['skills-ecosystem'], score: 8.5, scoreSource: 'application', reasons: ['score 8.5'],
    };
    const fr = parse(await rosterCsv([line], ';'), { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(fr[0]).toMatchObject({ organisation: 'Müller & Söhne GmbH; Berlin', score: '8,5', reasons: 'score 8.5' });
    const en = parse(await rosterCsv([line]), { bom: true, columns: true }) as Record<string, string>[];
    expect(en[0]).toMatchObject({ organisation: 'Müller & Söhne GmbH; Berlin', score: '8.5' });
  });
});

describe('overlongCells', () => {
  it('names the cells over 32,767 UTF-16 units, as Excel counts them', () => {
    const emoji = '🎓'.repeat(16_384); // 32,768 units in 16,384 characters
    const found = overlongCells(['id', 'title', 'description'], [[7, 'x'.repeat(32_767), emoji], [8, 'short', 'short']]);
    expect(found).toEqual([{ record: '7', column: 'description', length: 32_768 }]);
    expect(overlongWarning(found, 'see list --json.')).toBe(
      "1 cell is longer than the 32,767 characters Excel keeps: 7 description (32,768). The CSV holds them whole, but Excel and LibreOffice cut them without a word on opening it; see list --json.");
  });
});

describe('list --csv and members --csv open in Excel as written', () => {
  let db: string;
  const long = 'Formation longue. '.repeat(2_000); // 36,000 characters
  beforeAll(() => {
    db = path.join(tempDir(), 'excel.db');
    const d = openDatabase(db, { create: true });
    insertApplication(d, '2024', { organization: 'Fédération des Œuvres Éducatives, Genève', contactName: 'Françoise Lefèvre', email: 'francoise@example.org', country: 'FR', region: 'Europe and Central Asia', language: 'fr', title: 'Élèves', description: 'Ligne un\nLigne deux', score: 8.5 });
    insertApplication(d, '2024', { organization: 'Long Text Institute', email: 'long@example.org', country: 'KE', region: 'Africa', language: 'en', title: 'A long one', description: long });
    d.close();
  });

  it('list --csv into a file: a BOM for the accents, CRLF rows, every text whole, and a warning naming the cell Excel would cut', async () => {
    const r = await skillsnet(['--db', db, 'list', '--csv'], { stdoutIsFile: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('\uFEFFid,externalId,call,')).toBe(true);
    expect(r.stdout.split('\r\n')[0]).not.toContain('\n');
    const rows = parse(r.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.organization)).toEqual(['Fédération des Œuvres Éducatives, Genève', 'Long Text Institute']);
    expect(rows[0]!.description).toBe('Ligne un\nLigne deux');
    expect(rows[1]!.description).toBe(long);
    const id = json<Array<{ id: number; organization: string }>>(await skillsnet(['--db', db, 'list', '--json'])).find((a) => a.organization === 'Long Text Institute')!.id;
    expect(r.stderr).toContain(`warning: 1 cell is longer than the 32,767 characters Excel keeps: application ${id} description (36,000)`);
  });

  it('list --csv says nothing when every cell fits', async () => {
    const r = await skillsnet(['--db', db, 'list', '--csv', '--country', 'FR']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('warning');
  });

  it('list --csv --delimiter ";": the same cells for Excel in a French or Spanish locale, scores "8,5"', async () => {
    const comma = parse((await skillsnet(['--db', db, 'list', '--csv'])).stdout, { bom: true, columns: true }) as Record<string, string>[];
    const r = await skillsnet(['--db', db, 'list', '--csv', '--delimiter', ';']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('\uFEFFid;externalId;call;')).toBe(true);
    const semicolon = parse(r.stdout, { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(semicolon.map((a) => a.score)).toEqual(['8,5', '']);
    expect(semicolon.map((a) => ({ ...a, score: a.score!.replace(',', '.') }))).toEqual(comma);
    expect((await skillsnet(['--db', db, 'list', '--delimiter', ';'])).code).toBe(2);
  });

  it('members --csv --delimiter ";"', async () => {
    const r = await skillsnet(['--db', db, 'members', '--csv', '--delimiter', 'semicolon']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('\uFEFFid;kind;organization;')).toBe(true);
    expect((await skillsnet(['--db', db, 'members', '--json', '--delimiter', ';'])).code).toBe(2);
  });

  it('list --csv and members --csv through a pipe: plain CSV, no BOM to stick to the first column name, LF rows', async () => {
    for (const args of [['list', '--csv'], ['members', '--csv']]) {
      const r = await skillsnet(['--db', db, ...args]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.startsWith('id,')).toBe(true);
      expect(r.stdout).not.toContain('\r\n');
      const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
      expect(Object.keys(rows[0]!)[0]).toBe('id');
      expect(rows.map((row) => row.organization)).toContain('Fédération des Œuvres Éducatives, Genève');
    }
  });

  it('list --csv --delimiter tab through a pipe: plain too (a tab-separated stream is for programs, not Excel)', async () => {
    for (const args of [['list', '--csv', '--delimiter', 'tab'], ['members', '--csv', '--delimiter', '\\t']]) {
      const r = await skillsnet(['--db', db, ...args]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.startsWith('id\t')).toBe(true);
      expect(r.stdout).not.toContain('\r\n');
    }
    const file = await skillsnet(['--db', db, 'list', '--csv', '--delimiter', 'tab'], { stdoutIsFile: true });
    expect(file.stdout.startsWith('\uFEFFid\t')).toBe(true);
  });

  it('list --csv, members --csv added to a file that holds text (>> apps.csv): no BOM in the middle of it', async () => {
    for (const command of ['list', 'members']) {
      const r = await skillsnet(['--db', db, command, '--csv'], { stdoutIsFile: true, stdoutFileHasText: true });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toContain('\uFEFF');
      expect(r.stdout.startsWith('id,')).toBe(true);
      expect(r.stdout.endsWith('\r\n')).toBe(true);
    }
  });

  it('members --csv into a file: a BOM and CRLF rows', async () => {
    const r = await skillsnet(['--db', db, 'members', '--csv'], { stdoutIsFile: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('\uFEFFid,kind,organization,')).toBe(true);
    const rows = parse(r.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.organization)).toContain('Fédération des Œuvres Éducatives, Genève');
    expect(r.stdout.endsWith('\r\n')).toBe(true);
  });
});
