/** skillsnet scores import: reading score sheets (languages, workbooks, percentages, grids), naming reviewers, matching applications, and how select and show use the scores. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, afterAll } from 'vitest';
import { run as skillsnet, tempDir, json } from '../support/run.js';
import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication, setCategories } from '../../../src/db/applications.js';
import { scaleFromHeader } from '../../../src/selection/score-file.js';

let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = tempDir();
  dbPath = path.join(dir, 'scores.db');
  const db = openDatabase(dbPath, { create: true });
  for (let i = 1; i <= 6; i++) {
    const id = insertApplication(db, '2020', {
      organization: `Org ${i}`, externalId: `SIC-${i}`, email: `app${i}@example.org`,
      country: i % 2 ? 'KE' : 'MX', region: i % 2 ? 'Africa' : 'Americas', language: i % 2 ? 'en' : 'es', score: 5,
    });
    setCategories(db, id, ['life-skills']);
  }
  db.close();
});

describe('skillsnet scores import', { timeout: 90_000 }, () => {
  it('imports a French sheet with decimal commas and semicolons, by email', async () => {
    const file = path.join(dir, 'notes.csv');
    fs.writeFileSync(file, 'Courriel;Évaluateur;Note\napp1@example.org;Claire;12,5\napp2@example.org;Claire;16\napp3@example.org;Claire;9\nnobody@example.org;Claire;10\napp4@example.org;Claire;bien\n', 'latin1');
    const r = await skillsnet(['scores', 'import', file, '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    const out = json(r);
    expect(out).toMatchObject({ rows: 5, inserted: 3, updated: 0, unchanged: 0, rejected: 2, reviewers: ['Claire'], scale: { min: 0, max: 20, inferred: true } });
    expect(out.rejects.map((x: any) => x.row)).toEqual([4, 5]);
    expect(out.rejects[1].reason).toBe('column “Note”: not a number');
    const again = json(await skillsnet(['scores', 'import', file, '--json', '--db', dbPath]));
    expect(again).toMatchObject({ inserted: 0, unchanged: 3 });
    fs.writeFileSync(file, 'Courriel;Évaluateur;Note\napp1@example.org;Claire;13\napp2@example.org;Claire;16\napp3@example.org;Claire;9\n');
    const dry = json(await skillsnet(['scores', 'import', file, '--dry-run', '--json', '--db', dbPath]));
    expect(dry).toMatchObject({ inserted: 0, updated: 1, unchanged: 2, dryRun: true });
    // the human report of a dry run says nothing is saved, and not how many "now have" a score
    const said = await skillsnet(['scores', 'import', file, '--dry-run', '--db', dbPath]);
    expect(said.stderr).toMatch(/\(dry run: nothing saved\)/);
    expect(said.stderr).not.toMatch(/now ha(s|ve) a combined reviewer score/);
    expect(json(await skillsnet(['show', '1', '--json', '--db', dbPath])).scores.reviewers[0].score).toBe(12.5);
    expect((await skillsnet(['scores', 'import', file, '--db', dbPath])).stderr).toMatch(/^3 applications now have a combined reviewer score/m);
  });

  it('counts one row as one row ("jury.csv: 1 row; 1 new ..."), several as rows', async () => {
    const file = path.join(dir, 'one.csv');
    fs.writeFileSync(file, 'Application ID,Reviewer,Score\nSIC-5,Ana,7\n');
    const one = await skillsnet(['scores', 'import', file, '--dry-run', '--db', dbPath]);
    expect(one.stderr).toMatch(/^one\.csv: 1 row; 1 new, /m);
    fs.writeFileSync(file, 'Application ID,Reviewer,Score\nSIC-5,Ana,7\nSIC-6,Ana,8\n');
    expect((await skillsnet(['scores', 'import', file, '--dry-run', '--db', dbPath])).stderr).toMatch(/^one\.csv: 2 rows; 2 new, /m);
  });

  it('imports a Spanish .xlsx by application ID with --reviewer and --scale', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hoja1');
    ws.addRow(['N° de solicitud', 'Puntuación']);
    ws.addRow(['SIC-1', 2]);
    ws.addRow(['SIC-2', 5]);
    ws.addRow(['SIC-3', 3]);
    ws.addRow(['SIC-6', 4]);
    const file = path.join(dir, 'jurado.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await skillsnet(['scores', 'import', file, '--reviewer', 'Diego', '--scale', '1-5', '--json', '--db', dbPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ rows: 4, inserted: 4, rejected: 0, scale: { min: 1, max: 5, inferred: false } });
  });

  it('refuses a sheet without a reviewer column unless --reviewer says whose it is', async () => {
    const file = path.join(dir, 'anon.csv');
    fs.writeFileSync(file, 'application id,score\nSIC-1,7\n');
    const r = await skillsnet(['scores', 'import', file, '--db', dbPath]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: anon.csv has no reviewer column\n  say whose scores these are: .*--reviewer NAME/);
  });

  it('says which columns it saw when none is recognised', async () => {
    const file = path.join(dir, 'junk.csv');
    fs.writeFileSync(file, 'foo,bar\n1,2\n');
    const r = await skillsnet(['scores', 'import', file, '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: no score column .* \(its first row does not read like column names\)/);
  });

  it('quotes the first row only when it reads like headers, and never a row of someone\'s details', async () => {
    const file = path.join(dir, 'noheader.csv');
    fs.writeFileSync(file, 'Quentin Zorblatt,quentin@example.org,7\nAna Lima,ana@example.org,8\n');
    const r = await skillsnet(['scores', 'import', file, '--db', dbPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/Zorblatt|quentin|Lima/);
    const half = path.join(dir, 'half.csv');
    fs.writeFileSync(half, 'Application ID,Comments\nSIC-1,great\n');
    const h = await skillsnet(['scores', 'import', half, '--db', dbPath]);
    expect(h.stderr).toMatch(/headers: column “Application ID”, column “Comments”/);
  });

  it('show displays the raw reviewer scores and the combined one; select ranks by it', async () => {
    const shown = await skillsnet(['show', '2', '--db', dbPath]);
    expect(shown.stdout).toMatch(/Reviewers\s+combined [\d.]+ on 0-10/);
    expect(shown.stdout).toMatch(/Claire: 16 on 0-20/);
    expect(shown.stdout).toMatch(/Diego: 5 on 1-5/);
    const j = json(await skillsnet(['show', '2', '--json', '--db', dbPath]));
    expect(j.scores.reviewers.map((r: any) => r.reviewer)).toEqual(['Claire', 'Diego']);
    expect(typeof j.scores.combined).toBe('number');
    const sel = await skillsnet(['select', '--size', '2', '--dry-run', '--json', '--db', dbPath]);
    expect(sel.code, sel.stderr).toBe(0);
    const out = json(sel);
    // Application 2 is both reviewers' favourite.
    expect(out.members[0]).toMatchObject({ id: 2, scoreSource: 'reviewers' });
    expect(out.members[0].reasons[0]).toMatch(/^reviewers' combined score/);
    // Applications 4 and 5 have no reviewer score: their own score is used, with a warning.
    expect(sel.stderr).toMatch(/2 of 6 eligible applications have no reviewer score/);
  });
});

describe('score sheets of other shapes', () => {
  let dir: string;
  let dbPath: string;

  beforeAll(async () => {
    dir = tempDir('skillsnet-header-scale-');
    dbPath = path.join(dir, 'scores.db');
    const db = openDatabase(dbPath, { create: true });
    for (let i = 1; i <= 6; i++) insertApplication(db, '2020', { organization: `Org ${i}`, externalId: `SIC-${i}`, country: 'KE', region: 'Africa', language: 'en', score: 5 });
    db.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('a score workbook that opens on an instructions sheet', () => {
    it('reads the scores from the first sheet with score headers', async () => {
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Instructions').addRow(['Score each application from 1 to 5.']);
      const ws = wb.addWorksheet('Scores');
      ws.addRow(['Application ID', 'Reviewer', 'Score']);
      for (let i = 1; i <= 4; i++) ws.addRow([`SIC-${i}`, 'Ana', i + 1]);
      const file = path.join(dir, 'grid.xlsx');
      await wb.xlsx.writeFile(file);
      const r = await skillsnet(['scores', 'import', file, '--dry-run', '--json', '--db', dbPath]);
      expect(r.code, r.stderr).toBe(0);
      expect(json(r)).toMatchObject({ rows: 4, inserted: 4, rejected: 0 });
    });
  });

  describe('percentages', () => {
    it('"85%" and "85 %" (a percent-formatted cell saved as CSV) are 85 out of 100', async () => {
      const { parseScoreCell } = await import('../../../src/selection/score-file.js');
      expect(parseScoreCell('85%')).toEqual({ score: 85, outOf: 100 });
      expect(parseScoreCell('72,5 %')).toEqual({ score: 72.5, outOf: 100 });
      const file = path.join(dir, 'pct-cells.csv');
      fs.writeFileSync(file, 'Application ID;Reviewer;Score\nSIC-1;Tom;85%\nSIC-2;Tom;60 %\nSIC-3;Tom;72,5%\n');
      const r = json(await skillsnet(['scores', 'import', file, '--dry-run', '--json', '--db', dbPath]));
      expect(r).toMatchObject({ rows: 3, inserted: 3, rejected: 0, scale: { min: 0, max: 100 } });
    });
  });

  describe('a grid with one column per reviewer', () => {
    it('is refused with the row layout to use', async () => {
      const file = path.join(dir, 'grid.csv');
      fs.writeFileSync(file, 'Application ID,Amina,Jean,Lucía\nSIC-1,4,15,80\nSIC-2,3,12,70\n');
      const r = await skillsnet(['scores', 'import', file, '--dry-run', '--db', dbPath]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error: no score column/m);
      expect(r.stderr).toMatch(/one column per reviewer.*one row per application and reviewer/);
    });
  });

  describe('one reviewer written several ways', () => {
    it('"Ana Ruiz", "ana ruiz " and "ANA  RUIZ" are one reviewer, in one file and across files', async () => {
      const db = path.join(dir, 'reviewers.db');
      fs.copyFileSync(dbPath, db);
      const a = path.join(dir, 'ana-1.csv');
      fs.writeFileSync(a, 'Application ID,Reviewer,Score\nSIC-1,Ana Ruiz,4\nSIC-2,ana ruiz ,3\n');
      const b = path.join(dir, 'ana-2.csv');
      fs.writeFileSync(b, 'Application ID,Reviewer,Score\nSIC-3,ANA  RUIZ,5\nSIC-4,Ana Ruiz,2\n');
      expect(json(await skillsnet(['scores', 'import', a, '--scale', '1-5', '--json', '--db', db])).reviewers).toEqual(['Ana Ruiz']);
      expect(json(await skillsnet(['scores', 'import', b, '--scale', '1-5', '--json', '--db', db])).reviewers).toEqual(['Ana Ruiz']);
      const shown = json(await skillsnet(['show', '3', '--json', '--db', db]));
      expect(JSON.stringify(shown)).toContain('"reviewer":"Ana Ruiz"');
    });
  });

  describe('rows that match no application', () => {
    it('are named by row, never by the email address they hold (personal data)', async () => {
      const file = path.join(dir, 'unknown-email.csv');
      fs.writeFileSync(file, 'Email,Reviewer,Score\nnobody.here@example.org,Ana,7\n');
      const r = await skillsnet(['scores', 'import', file, '--dry-run', '--db', dbPath]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/row 1: no application with the row's email/);
      expect(r.stderr + r.stdout).not.toContain('nobody.here');
      expect((await skillsnet(['scores', 'import', file, '--dry-run', '--json', '--db', dbPath])).stdout).not.toContain('nobody.here');
    });
  });
});

describe('select on a call whose file had no scores, after a jury scored part of it', () => {
  it('does not say "their own score is used" of applications that have none: only that they count as 0', async () => {
    const { importedCall, threeApplications } = await import('../support/run.js');
    const { dir, sk } = await importedCall(threeApplications());
    fs.writeFileSync(path.join(dir, 'jury.csv'), 'Email,Reviewer,Score\nana@example.org,Rita,9\nawa@example.net,Rita,5\n');
    expect((await sk('scores', 'import', 'jury.csv', '--scale', '0-10')).code).toBe(0);
    const sel = await sk('select', '--size', '2', '--dry-run');
    expect(sel.code, sel.stderr).toBe(0);
    expect(sel.stderr).not.toMatch(/have no reviewer score; their own score is used/);
    expect(sel.stderr).toMatch(/1 eligible application has no score and counts as 0/);
  });
});

describe('the count of applications with a combined score that the report gives', () => {
  it('is the number combineScores works out, whatever reviewers and scales were imported before', async () => {
    const { scoredApplicationCount } = await import('../../../src/db/scores.js');
    const { combinedScores } = await import('../../../src/selection/scores.js');
    const file = path.join(dir, 'count-check.csv');
    fs.writeFileSync(file, 'Email,Reviewer,Score\napp5@example.org,Zoe,7\napp6@example.org,Zoe,9\napp1@example.org,Yann,3\n');
    expect((await skillsnet(['scores', 'import', file, '--db', dbPath])).code).toBe(0);
    const db = openDatabase(dbPath);
    try {
      const count = scoredApplicationCount(db);
      expect(count).toBeGreaterThanOrEqual(3);
      expect(count).toBe(combinedScores(db).size);
    } finally {
      db.close();
    }
  });
});
