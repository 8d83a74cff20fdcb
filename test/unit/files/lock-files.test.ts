import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { officeLockFile } from '../../../src/files/lock-files.js';
import { expandFilePatterns } from '../../../src/files/patterns.js';
import { run, tempDir } from '../support/run.js';
import { zoomReport } from '../support/zoom.js';

/**
 * The owner file Excel writes beside a workbook it has open: the length of the user's name, the
 * name in the 8-bit code page padded to 54 bytes, the length again and the name in UTF-16,
 * padded to 165 bytes. (An invented user.)
 */
function excelLockBytes(user: string): Buffer {
  const ansi = Buffer.from(user, 'latin1');
  const head = Buffer.concat([Buffer.from([ansi.length]), ansi, Buffer.alloc(53 - ansi.length, 0x20), Buffer.from([ansi.length, 0]), Buffer.from(user, 'utf16le')]);
  const out = Buffer.alloc(165, 0);
  Buffer.concat([head, Buffer.from(' '.repeat((165 - head.length) >> 1), 'utf16le')]).copy(out);
  return out;
}

const APPLICATIONS = 'Organization,Email\nTaller Sur,ana@example.org\n';

function folder(): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'Candidatures 2024.csv'), APPLICATIONS);
  fs.writeFileSync(path.join(dir, '~$Candidatures 2024.csv'), excelLockBytes('Zoé Ejemplo'));
  return dir;
}

describe("Excel's lock file beside a workbook open in it (~$name.xlsx)", () => {
  it('is known by its name, its size and its bytes, with the document it locks and who has it open', () => {
    const dir = folder();
    expect(officeLockFile(path.join(dir, '~$Candidatures 2024.csv'))).toEqual({ document: path.join(dir, 'Candidatures 2024.csv'), owner: 'Zoé Ejemplo' });
    // Word puts "~$" in place of a long name's first two letters
    fs.writeFileSync(path.join(dir, 'Programme.docx'), 'x');
    fs.writeFileSync(path.join(dir, '~$ogramme.docx'), excelLockBytes('Zoé Ejemplo'));
    expect(officeLockFile(path.join(dir, '~$ogramme.docx'))?.document).toBe(path.join(dir, 'Programme.docx'));
    // a name that cannot be read is left out, the lock file is still one
    fs.writeFileSync(path.join(dir, '~$b.xlsx'), Buffer.alloc(162, 0));
    expect(officeLockFile(path.join(dir, '~$b.xlsx'))).toEqual({ document: path.join(dir, 'b.xlsx'), owner: null });
    // a workbook or a table that merely bears such a name is none, nor is any other name
    fs.writeFileSync(path.join(dir, '~$zip.xlsx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]));
    fs.writeFileSync(path.join(dir, '~$large.csv'), APPLICATIONS.repeat(100));
    fs.writeFileSync(path.join(dir, 'plain.xlsx'), excelLockBytes('Zoé Ejemplo'));
    // a small table of that name is somebody's data too: text holds no NUL byte (UTF-16 text begins with its mark)
    fs.writeFileSync(path.join(dir, '~$budget.csv'), APPLICATIONS);
    fs.writeFileSync(path.join(dir, '~$budget.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(APPLICATIONS, 'utf16le')]));
    for (const f of ['~$zip.xlsx', '~$large.csv', '~$budget.csv', '~$budget.txt', 'plain.xlsx', 'Candidatures 2024.csv', '~$missing.xlsx']) expect(officeLockFile(path.join(dir, f)), f).toBeNull();
  });

  it('is matched by no wildcard but one that begins with ~$', () => {
    const dir = folder();
    expect(expandFilePatterns(['*.csv'], dir)).toEqual(['Candidatures 2024.csv']);
    expect(expandFilePatterns(['~$*'], dir)).toEqual(['~$Candidatures 2024.csv']);
    // (a small table that merely begins with ~$ is matched as any other)
    fs.writeFileSync(path.join(dir, '~$budget.csv'), APPLICATIONS);
    expect(expandFilePatterns(['*.csv'], dir)).toEqual(['~$budget.csv', 'Candidatures 2024.csv']);
    fs.rmSync(path.join(dir, '~$budget.csv'));
    fs.rmSync(path.join(dir, 'Candidatures 2024.csv'));
    expect(() => expandFilePatterns(['*.csv'], dir)).toThrow('no file matches *.csv');
  });

  it('named to import, member import or event attendance (a shell expanded *.xlsx), is refused in one line that names the workbook', async () => {
    const dir = folder();
    const db = path.join(dir, 'l.db');
    const lock = '~$Candidatures 2024.csv';
    const named = await run(['import', 'Candidatures 2024.csv', lock, '--call', '2024', '--db', db], { cwd: dir });
    expect(named.code).toBe(1);
    expect(named.stderr).toBe(
      'error: ~$Candidatures 2024.csv is the lock file Excel keeps while Candidatures 2024.csv is open (by Zoé Ejemplo), not a spreadsheet\n' +
        '  leave it out and give "Candidatures 2024.csv" itself (it can be read while open: save it first); the lock file goes when the workbook is closed\n',
    );
    expect(fs.existsSync(db)).toBe(false);
    // given by its folder, the workbook is named with it
    fs.mkdirSync(path.join(dir, 'exports'));
    fs.copyFileSync(path.join(dir, lock), path.join(dir, 'exports', lock));
    const member = await run(['member', 'import', `exports/${lock}`, '--db', db], { cwd: dir });
    expect(member.code).toBe(1);
    expect(member.stderr).toMatch(/^error: exports\/~\$Candidatures 2024\.csv is the lock file Excel keeps while exports\/Candidatures 2024\.csv is open \(by Zoé Ejemplo\), not a spreadsheet\n {2}leave it out and give "exports\/Candidatures 2024\.csv" itself/);
    // the wildcard skillsnet expands itself leaves it out
    const matched = await run(['import', '*.csv', '--call', '2024', '--db', db, '--json'], { cwd: dir });
    expect(matched.code, matched.stderr).toBe(0);
    expect(JSON.parse(matched.stdout).files.map((f: { file: string }) => f.file)).toEqual(['Candidatures 2024.csv']);
    // a meeting report open in Excel
    fs.writeFileSync(path.join(dir, 'zoom.csv'), zoomReport('Core Group meeting', ['Ana Ejemplo,ana@example.org,11/19/2020 02:00:00 PM,11/19/2020 04:00:00 PM,120,Yes,Y']));
    fs.writeFileSync(path.join(dir, '~$zoom.csv'), excelLockBytes('Zoé Ejemplo'));
    expect((await run(['event', 'add', 'Meeting', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich', '--db', db], { cwd: dir })).code).toBe(0);
    const report = await run(['event', 'attendance', '1', '~$zoom.csv', '--db', db], { cwd: dir });
    expect(report.code).toBe(1);
    expect(report.stderr).toMatch(/^error: ~\$zoom\.csv is the lock file Excel keeps while zoom\.csv is open \(by Zoé Ejemplo\), not a report\n {2}leave it out and give zoom\.csv itself/);
    // from another folder, the report to give is named with its folder (its base name alone is no file here)
    fs.copyFileSync(path.join(dir, '~$zoom.csv'), path.join(dir, 'exports', '~$zoom.csv'));
    fs.copyFileSync(path.join(dir, 'zoom.csv'), path.join(dir, 'exports', 'zoom.csv'));
    const other = await run(['event', 'attendance', '1', 'exports/~$zoom.csv', '--db', db], { cwd: dir });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('\n  leave it out and give exports/zoom.csv itself');
  });
});
