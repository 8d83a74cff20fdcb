import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/cli.js';

// The acceptance check: the Kumu workbook opens in LibreOffice with no formula evaluated.
// Runs where LibreOffice is installed (apt-get install libreoffice-calc); skipped elsewhere.
const soffice = ['libreoffice', 'soffice'].find((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);

describe.skipIf(!soffice)('Kumu workbook in LibreOffice', () => {
  it('opens, and formula-like names stay text', () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    const csv = [
      'Application ID,Name of your organization,Email Address,Country,Title of your innovation,Describe your innovation,Score',
      'X1,=1+2,a@example.org,Kenya,"=HYPERLINK(""http://evil.example"",""click"")",Apprenticeships for young people in garages,7',
      'X2,@SUM(A1:A9),b@example.org,Peru,-2+3,Formación dual en empresas con tutores,8',
      'X3,+41 22 799 61 11,c@example.org,Ghana,Plain title,Career guidance in schools,9',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'f.csv'), csv + '\n');
    expect(runCli(['--db', db, 'import', path.join(dir, 'f.csv'), '--call', 't']).code).toBe(0);
    const xlsx = path.join(dir, 'map.xlsx');
    const r = runCli(['--db', db, 'export', 'kumu', '--format', 'xlsx', '--out', xlsx]);
    expect(r.code, r.stderr).toBe(0);
    const lo = spawnSync(soffice!, ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', xlsx, '--outdir', dir], {
      encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: dir },
    });
    expect(lo.status, lo.stderr).toBe(0);
    const rows = parse(fs.readFileSync(path.join(dir, 'map.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const orgs = rows.filter((x) => x.Type === 'Organization');
    expect(orgs).toHaveLength(3);
    const labels = orgs.map((x) => x.Label);
    // Shown as the text that was written (neutralised with a leading apostrophe), never computed.
    expect(labels.some((l) => l.includes('=1+2'))).toBe(true);
    expect(labels.some((l) => l.includes('@SUM(A1:A9)'))).toBe(true);
    expect(labels).not.toContain('3');
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^(#NAME\?|Err:\d+|#VALUE!)$/);
  }, 150_000);
});
