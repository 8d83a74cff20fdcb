/**
 * An office whose Excel runs in French or Spanish opens only semicolon files in columns: with
 * SKILLSNET_CSV_DELIMITER=";" set once, every CSV written for a spreadsheet (list, members,
 * contacts, the roster, the invitations, the rejects) is separated by semicolons, numbers with a
 * decimal comma, without --delimiter ";" on each command; --delimiter still wins, and formats
 * that are not that CSV (Outlook, vCard, Markdown) are left as they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvDelimiter } from '../../../src/import/detect.js';
import { UsageError } from '../../../src/errors.js';
import { run, tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-csv-env-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('csvDelimiter', () => {
  it('--delimiter, else SKILLSNET_CSV_DELIMITER, else the command\'s own', () => {
    expect(csvDelimiter(undefined, {})).toBeUndefined();
    expect(csvDelimiter(undefined, { SKILLSNET_CSV_DELIMITER: '' })).toBeUndefined();
    expect(csvDelimiter(undefined, { SKILLSNET_CSV_DELIMITER: ';' })).toBe(';');
    expect(csvDelimiter(undefined, { SKILLSNET_CSV_DELIMITER: 'semicolon' })).toBe(';');
    expect(csvDelimiter(',', { SKILLSNET_CSV_DELIMITER: ';' })).toBe(',');
    expect(csvDelimiter('tab', {})).toBe('\t');
  });

  it('a wrong value names the variable, not an option the officer never typed', () => {
    expect(() => csvDelimiter(undefined, { SKILLSNET_CSV_DELIMITER: ';;' })).toThrow(UsageError);
    expect(() => csvDelimiter(undefined, { SKILLSNET_CSV_DELIMITER: ';;' })).toThrow(/^SKILLSNET_CSV_DELIMITER must be one character/);
    expect(() => csvDelimiter('ab', {})).toThrow(/^--delimiter must be one character/);
  });
});

describe('SKILLSNET_CSV_DELIMITER=";" on every CSV for a spreadsheet', () => {
  const db = path.join(dir, 'office.db');
  const file = path.join(dir, 'forms.csv');
  const env = { SKILLSNET_CSV_DELIMITER: ';' };
  const sk = (args: string[], e: NodeJS.ProcessEnv = env) => run(['--db', db, ...args], { cwd: dir, env: e, stdoutIsFile: true });
  const firstLine = (text: string) => text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;

  it('list, members, contacts, roster, invitations and rejects', async () => {
    fs.writeFileSync(file, [
      'Organization,Email,Contact name,Country,Score',
      'Atelier Thiès,awa@example.org,Awa Ndiaye,Senegal,8.5',
      'Kinshasa Tech,jean@example.org,Jean Mbuyi,DR Congo,7.25',
      'Sans courriel,,Ana Ejemplo,Mali,6',
    ].join('\n') + '\n');
    expect((await sk(['import', file, '--call', '2026'])).code).toBe(0);
    expect(firstLine((await sk(['list', '--csv'])).stdout)).toMatch(/^id;externalId;/);
    expect((await sk(['list', '--csv'])).stdout).toContain(';8,5');
    expect(firstLine((await sk(['members', '--csv'])).stdout)).toMatch(/^[a-z_]+;/);
    expect(firstLine((await sk(['rejects', '--csv'])).stdout)).toBe('Organization;Email;Contact name;Country;Score;Rejection reason;Rejected row');
    expect((await sk(['select', '--size', '2', '--name', 'core'])).code).toBe(0);
    expect((await sk(['export', 'roster', 'core', '--format', 'csv', '--out', 'core.csv'])).code).toBe(0);
    const roster = fs.readFileSync(path.join(dir, 'core.csv'), 'utf8');
    expect(firstLine(roster)).toMatch(/^role;rank;/);
    expect(roster).toContain(';8,5;');
    expect((await sk(['export', 'contacts', '--out', 'contacts.csv'])).code).toBe(0);
    expect(firstLine(fs.readFileSync(path.join(dir, 'contacts.csv'), 'utf8'))).toMatch(/^name;email;/);
    expect((await sk(['roster', 'accept', 'core', '--yes'])).code).toBe(0);
    expect((await sk(['event', 'add', 'Réunion', '--kind', 'meeting', '--start', '2026-04-15 10:00', '--tz', 'Africa/Dakar'])).code).toBe(0);
    expect((await sk(['event', 'invite', '1', '--roster', 'core'])).code).toBe(0);
    expect((await sk(['event', 'invitations', '1', '--out', 'invitations.csv'])).code).toBe(0);
    expect(firstLine(fs.readFileSync(path.join(dir, 'invitations.csv'), 'utf8'))).toMatch(/^email;given_name;/);
  });

  it('--delimiter wins; Outlook and Markdown stay as they are; without the variable, commas', async () => {
    expect(firstLine((await sk(['list', '--csv', '--delimiter', ','])).stdout)).toMatch(/^id,externalId,/);
    expect(firstLine((await sk(['list', '--csv'], {})).stdout)).toMatch(/^id,externalId,/);
    expect((await sk(['export', 'contacts', '--format', 'outlook', '--out', 'outlook.csv'])).code).toBe(0);
    expect(firstLine(fs.readFileSync(path.join(dir, 'outlook.csv'), 'utf8'))).toMatch(/^Title,First Name,/);
    expect((await sk(['export', 'roster', 'core', '--out', 'core.md'])).code).toBe(0);
    // a table on a terminal or a pipe is no CSV: the variable does not make list --delimiter's "--csv only" error
    expect((await sk(['list'])).code).toBe(0);
  });

  it('a wrong value is one error naming the variable', async () => {
    const r = await sk(['list', '--csv'], { SKILLSNET_CSV_DELIMITER: 'point-virgule' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: SKILLSNET_CSV_DELIMITER must be one character/);
  });
});
