import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { json, ROOT, run, tempDir } from '../support/run.js';

/**
 * A dry run of several files reports exactly what the real run would: the files share one
 * transaction, rolled back at the end (each file's was rolled back before the next was read,
 * so a file given twice was "inserted" twice). Invented people only.
 */
const HEADER = 'Organization,Contact name,Email,Country,Title';
const ROWS = [
  'Taller Abierto,Ana Ejemplo,ana@example.org,Kenya,Oficios para jóvenes',
  'Cooperativa Sol,Bea Muestra,bea@example.net,Peru,Energía solar',
  'Red Textil,Carla Prueba,carla@example.com,India,Tejido',
];
const csv = (rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

async function workbook(file: string, rows: string[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Applications');
  ws.addRow(HEADER.split(','));
  for (const r of rows) ws.addRow(r.split(','));
  await wb.xlsx.writeFile(file);
}

/** The report without what only a real run has: batch numbers and the look for likely duplicates (made after saving). */
function comparable(report: Record<string, unknown>): unknown {
  const { dryRun: _d, possibleDuplicates: _p, possibleDuplicateCount: _c, files, ...rest } = report as { files: Record<string, unknown>[] } & Record<string, unknown>;
  return { ...rest, files: files.map(({ batch: _b, ...f }) => f) };
}

/** The database file and its write-ahead log, byte for byte, with their times. */
function state(db: string): unknown {
  return ['', '-wal', '-shm', '-journal'].map((suffix) => {
    const f = db + suffix;
    if (!fs.existsSync(f)) return null;
    const st = fs.statSync(f);
    return { suffix, size: st.size, mtime: st.mtimeMs, sha: suffix === '-shm' ? null : crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex') };
  });
}

interface Case {
  name: string;
  /** Files imported before (into --call 2020), if any. */
  before?: string[];
  files: string[];
}

async function setUp(dir: string): Promise<void> {
  fs.writeFileSync(path.join(dir, 'a.csv'), csv(ROWS));
  // the same applications, one title changed, one new
  fs.writeFileSync(path.join(dir, 'update.csv'), csv([ROWS[0]!, ROWS[1]!.replace('Energía solar', 'Energía solar comunitaria'), 'Huerta Viva,Dana Ficticia,dana@example.org,Chile,Huertos']));
  // a row without organisation or email is rejected; the second file brings its fixed copy
  fs.writeFileSync(path.join(dir, 'rejects.csv'), csv([ROWS[0]!, ',Eva Inventada,,Ghana,Cerámica']));
  fs.writeFileSync(path.join(dir, 'fixed.csv'), csv([ROWS[0]!, 'Barro Vivo,Eva Inventada,eva@example.org,Ghana,Cerámica']));
  await workbook(path.join(dir, 'a.xlsx'), ROWS);
}

const CASES: Case[] = [
  { name: 'the same file twice, into a new database', files: ['a.csv', 'a.csv'] },
  { name: 'the same file twice, into a database that holds it', before: ['a.csv'], files: ['a.csv', 'a.csv'] },
  { name: 'a file and a file that updates it', files: ['a.csv', 'update.csv'] },
  { name: 'a file with a rejected row, then its fixed copy', files: ['rejects.csv', 'fixed.csv', 'rejects.csv'] },
  { name: 'a workbook and a CSV of the same applications', before: ['rejects.csv'], files: ['a.xlsx', 'update.csv', 'a.csv'] },
];

describe('import --dry-run of several files reports what the real run does', () => {
  it.each(CASES)('$name', async (c) => {
    const dir = tempDir();
    await setUp(dir);
    const dry = path.join(dir, 'dry.db');
    const real = path.join(dir, 'real.db');
    if (c.before) {
      for (const db of [dry, real]) expect((await run(['--db', db, 'import', ...c.before.map((f) => path.join(dir, f)), '--call', '2020'])).code).toBe(0);
    }
    const files = c.files.map((f) => path.join(dir, f));
    const untouched = state(dry);
    const d = await run(['--db', dry, 'import', ...files, '--call', '2020', '--dry-run', '--json']);
    expect(d.code, d.stderr).toBe(0);
    expect(state(dry)).toEqual(untouched);
    const r = await run(['--db', real, 'import', ...files, '--call', '2020', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const dryReport = json(d);
    expect(dryReport.dryRun).toBe(true);
    expect(comparable(dryReport)).toEqual(comparable(json(r)));
    const warnings = (text: string) => text.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings(d.stderr)).toEqual(warnings(r.stderr));
  });
});

describe('event attendance --dry-run of several reports reports what the real run does', () => {
  const REPORTS = path.join(ROOT, 'test', 'fixtures', 'attendance-real');
  /** Without what a dry run cannot give: its unmatched rows have no stored row to link. */
  const comparableAttendance = (r: Record<string, unknown>) => ({
    ...r, dryRun: null, unmatchedRows: (r.unmatchedRows as Record<string, unknown>[]).map((u) => ({ ...u, row: null })),
  });

  it.each([
    ['two reports of one meeting', [], ['zoom-en-summary.csv', 'zoom-en-unique.csv']],
    ['a report imported before, again with another', ['zoom-en-summary.csv'], ['zoom-en-summary.csv', 'zoom-en-unique.csv']],
    ['reports of two tools', ['teams-2021-en.csv'], ['zoom-en-unique.csv', 'teams-2021-en.csv']],
  ])('%s', async (_name, before, reports) => {
    const dir = tempDir();
    const dbs = { dry: path.join(dir, 'dry.db'), real: path.join(dir, 'real.db') };
    for (const db of Object.values(dbs)) {
      expect((await run(['--db', db, 'member', 'add', '--organization', 'Red Andina', '--name', 'Ana García', '--email', 'ana.garcia@example.org', '--country', 'PE'])).code).toBe(0);
      expect((await run(['--db', db, 'event', 'add', 'Workshop', '--kind', 'workshop', '--start', '2021-11-19 10:00', '--tz', 'America/New_York', '--duration', '120'])).code).toBe(0);
      if (before.length) expect((await run(['--db', db, 'event', 'attendance', '1', ...before.map((f) => path.join(REPORTS, f))])).code).toBe(0);
    }
    const files = reports.map((f) => path.join(REPORTS, f));
    const untouched = state(dbs.dry);
    const d = await run(['--db', dbs.dry, 'event', 'attendance', '1', ...files, '--dry-run', '--json']);
    expect(d.code, d.stderr).toBe(0);
    expect(state(dbs.dry)).toEqual(untouched);
    const r = await run(['--db', dbs.real, 'event', 'attendance', '1', ...files, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(d).dryRun).toBe(true);
    expect(comparableAttendance(json(d))).toEqual(comparableAttendance(json(r)));
    const warnings = (text: string) => text.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings(d.stderr)).toEqual(warnings(r.stderr));
  });
});
