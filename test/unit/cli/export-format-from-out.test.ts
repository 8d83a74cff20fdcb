import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as skillsnet } from '../support/run.js';
import { exportFixture } from '../export/fixture.js';

// Officers name the file they want (`--out core.vcf`) and rarely add --format: the file
// must then hold what its name says, not the command's default format.
let fx: ReturnType<typeof exportFixture>;
beforeAll(async () => { fx = exportFixture(); });

const cli = async (args: string[]) => await skillsnet([...args, '--db', fx.dbPath]);

describe('without --format, the --out file name chooses the format', { timeout: 60_000 }, () => {
  it('contacts: .vcf is a vCard', async () => {
    const out = path.join(fx.dir, 'core.vcf');
    const r = await cli(['export', 'contacts', '--all-calls', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^BEGIN:VCARD\r\n/);
  });

  it('roster: .csv is CSV and .json is JSON', async () => {
    const csv = path.join(fx.dir, 'core.csv');
    expect((await cli(['export', 'roster', 'core-2020', '--out', csv])).code).toBe(0);
    expect(fs.readFileSync(csv, 'utf8')).toMatch(/^\uFEFFrole,rank,id,/);
    const json = path.join(fx.dir, 'core.json');
    expect((await cli(['export', 'roster', 'core-2020', '--out', json])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).name).toBe('core-2020');
  });

  it('kumu: .json is the blueprint', async () => {
    const out = path.join(fx.dir, 'map.json');
    expect((await cli(['export', 'kumu', '--all-calls', '--out', out])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toHaveProperty('elements');
  });

  it('kumu: a single .csv file is refused (a Kumu CSV map is a folder of two files), naming both ways out', async () => {
    const out = path.join(fx.dir, 'map.csv');
    const r = await cli(['export', 'kumu', '--all-calls', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --out .*map\.csv: a Kumu map in CSV is a folder holding elements\.csv and connections\.csv/);
    expect(r.stderr).toMatch(/--format csv --out .*map for the folder, or --out .*map\.xlsx for one workbook/);
    expect(fs.existsSync(out)).toBe(false);
    // with --format csv it is the folder, under the name given
    const folder = path.join(fx.dir, 'kumu-folder');
    expect((await cli(['export', 'kumu', '--all-calls', '--format', 'csv', '--out', folder])).code).toBe(0);
    expect(fs.existsSync(path.join(folder, 'elements.csv'))).toBe(true);
  });

  it('an explicit --format wins, with a warning when the name says otherwise', async () => {
    const out = path.join(fx.dir, 'list.vcf');
    const r = await cli(['export', 'contacts', '--all-calls', '--format', 'csv', '--out', out]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^\uFEFFname,email/);
    expect(r.stderr).toMatch(/warning: --out .*list\.vcf ends in \.vcf but --format csv/);
    const outlook = await cli(['export', 'contacts', '--all-calls', '--format', 'outlook', '--out', path.join(fx.dir, 'outlook.csv')]);
    expect(outlook.stderr).not.toMatch(/warning: --out/);
  });
});

// A first-timer asks for "contactos.xlsx" (the README says contacts go to Excel): the CSV written
// under that name was a file Excel refused to open.
describe("an office program's extension the export does not write is refused, with the name to use", { timeout: 60_000 }, () => {
  it('contacts to .xlsx, a roster to .docx, the map to .pdf: exit 2, nothing written, the right extension named', async () => {
    const cases: [string[], string, RegExp, string][] = [
      [['export', 'contacts', '--all-calls'], 'Mis Documentos/contactos.xlsx', /names an Excel workbook \(\.xlsx\), which this export does not write: it writes vcf, csv, outlook$/m, 'end the name in .csv, a file Excel opens: --out "DIR/Mis Documentos/contactos.csv"'],
      [['export', 'roster', 'core-2020'], 'núcleo.docx', /names a Word document \(\.docx\), which this export does not write: it writes md, csv, json$/m, 'end the name in .md: --out "DIR/núcleo.md"'],
      [['export', 'map', '--all-calls'], 'red.pdf', /names a PDF \(\.pdf\), which this export does not write/m, 'end the name in .html: --out DIR/red.html'],
    ];
    for (const [args, name, message, hint] of cases) {
      const out = path.join(fx.dir, name);
      const r = await cli([...args, '--out', out]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(hint.replace('DIR', fx.dir));
      expect(fs.existsSync(out)).toBe(false);
    }
  });
});
