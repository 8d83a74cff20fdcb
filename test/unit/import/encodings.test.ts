/**
 * What an import makes of text that is not plain UTF-8: a stray Windows-1252 byte in a UTF-8
 * file, a whole Windows-1252 file, and --encoding utf-8 forced on a file that is not UTF-8.
 * (How the encoding is guessed is in encoding-guess.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { caseFile, importCase } from './support.js';

const rows = ['Organisation;Courriel;Pays'];
for (let i = 0; i < 20; i++) rows.push(`Société coopérative n°${i};s${i}@example.org;Côte d'Ivoire`);
const utf8 = Buffer.from(rows.join('\n') + '\n', 'utf8');

describe('import: encodings', () => {
  it('a UTF-8 file with one stray Windows-1252 byte is read as UTF-8, with a warning naming the row', async () => {
    // data row 5 gets a lone 0xE9 ("é" in Windows-1252) in place of its UTF-8 form
    const text = utf8.toString('utf8').replace('Société coopérative n°4;', 'Soci\u0000t\u00e9 coopérative n°4;');
    const bytes = Buffer.from(text, 'utf8');
    const nul = bytes.indexOf(0);
    const broken = Buffer.concat([bytes.subarray(0, nul), Buffer.from([0xe9]), bytes.subarray(nul + 1)]);
    const { report, apps } = await importCase(caseFile('stray.csv', broken));
    expect(report).toMatchObject({ rows: 20, inserted: 20 });
    expect(report.files[0].encoding).toBe('utf8');
    expect(report.files[0].warnings.join('\n')).toMatch(/UTF-8 except for 1 byte sequence/);
    expect(report.files[0].warnings.join('\n')).toMatch(/data row 5: bytes that could not be decoded/);
    const orgs = apps.map((a) => a.organization);
    expect(orgs).toContain('Société coopérative n°0');
    expect(orgs).toContain('Soci\uFFFDté coopérative n°4');
    expect(orgs.join(' ')).not.toContain('Ã');
  });

  it('a Windows-1252 file is still read as Windows-1252', async () => {
    const f = caseFile('cp1252.csv', Buffer.from(rows.join('\r\n').replace(/[^\x00-\x7f]/g, (c) => String.fromCharCode(c.charCodeAt(0))), 'latin1'));
    const { report } = await importCase(f);
    expect(report.files[0].encoding).toBe('windows1252');
    expect(report.files[0].warnings).toEqual([]);
  });

  it('--encoding utf-8 on a file that is not UTF-8 warns instead of silently writing "\uFFFD"', async () => {
    const f = caseFile('forced.csv', Buffer.from(rows.join('\n'), 'latin1'));
    const { run } = await importCase(f, ['--encoding', 'utf-8']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: .*the file is not valid UTF-8.*--encoding windows-1252/);
  });
});
