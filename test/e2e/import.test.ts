import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from './support/cli.js';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const GOOGLE_FORMS = [
  'Timestamp,Application ID,Name of your organization,Type of organization,Contact first name,Contact last name,Email Address,Phone number,Website,Country,Language of the application,Title of your innovation,Describe your innovation,Main beneficiaries,Skills category (your choice),Score',
  '2020/05/01 10:00,SIC-1,Acme Training,NGO,Ana,Pérez,ANA@example.org,+52 55 1234,https://acme.example.org,Mexique,Español,Aprendices digitales,"Un programa de formación dual,\npara jóvenes",Youth; Women,"Assessment, certification and recognition of skills, Training delivery","8,5"',
  '2020/05/01 11:00,SIC-2,Beta,University,Jo,Smith,bad-email,,,Kenya,English,Title,Desc,Refugees,Training delivery,7',
  '2020/05/01 12:00,SIC-3,Gamma,University,Jo,Smith,jo@example.com,,,Ruritania,fr,Titre,Une description,Migrants,Inclusion sociale,9.25',
  '2020/05/02 12:00,SIC-3,Gamma Org,University,Jo,Smith,jo@example.com,,,Viet Nam,fr,Titre,Une description,Migrants,Inclusion sociale,9.25',
  '2020/05/02 13:00,SIC-4,,TVET,Li,Wu,li@example.net,,,China,zh,T,D,,,',
].join('\r\n');

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('skillsnet import (Google Forms CSV)', () => {
  const db = path.join(dir, 'forms.db');
  const file = write('forms.csv', GOOGLE_FORMS);

  it('imports with counts that add up, and re-import is all unchanged', () => {
    const first = runCli(['import', file, '--call', '2020', '--db', db, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const r = json(first);
    expect(r).toMatchObject({ rows: 5, inserted: 2, updated: 1, unchanged: 0, rejected: 2 });
    expect(r.files[0]).toMatchObject({ file: 'forms.csv', rows: 5, inserted: 2, updated: 1, rejected: 2 });
    // The unknown country is named by its row and column, never by what the cell holds.
    expect(first.stderr).toMatch(/data row \d+, column “[^”]+”: not a country skillsnet knows/);
    expect(first.stderr).not.toContain('Ruritania');

    const list = json(runCli(['list', '--db', db, '--json']));
    expect(list).toHaveLength(2);
    const acme = list.find((a: any) => a.externalId === 'SIC-1');
    expect(acme).toMatchObject({ email: 'ana@example.org', country: 'MX', region: 'Americas', language: 'es', score: 8.5, contactName: 'Ana Pérez', beneficiaries: ['Youth', 'Women'] });
    const gamma = list.find((a: any) => a.externalId === 'SIC-3');
    expect(gamma).toMatchObject({ organization: 'Gamma Org', country: 'VN', region: 'Asia and the Pacific' });

    const again = json(runCli(['import', file, '--call', '2020', '--db', db, '--json']));
    expect(again).toMatchObject({ rows: 5, inserted: 0, updated: 0, unchanged: 3, rejected: 2 });
    const show = json(runCli(['show', String(gamma.id), '--db', db, '--json']));
    expect(show.versions).toBe(1);
  });

  it('dry run reports and writes nothing', () => {
    const fresh = path.join(dir, 'dry.db');
    const r = runCli(['import', file, '--call', '2020', '--db', fresh, '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ rows: 5, inserted: 2, dryRun: true });
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('rejects --csv gives the original columns plus a reason, and imports again once fixed', () => {
    const out = runCli(['rejects', '--csv', '--db', db]);
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('Name of your organization');
    expect(lines[0]).toMatch(/Rejection reason,Rejected row$/);
    expect(lines).toHaveLength(3);
    expect(out.stdout).toContain('invalid email');
    const fixed = out.stdout.replace('bad-email', 'jo.beta@example.com').replace(',,TVET', ',Wu Institute,TVET');
    const fixedFile = write('fixed.csv', fixed);
    const r = json(runCli(['import', fixedFile, '--call', '2020', '--db', db, '--json']));
    expect(r).toMatchObject({ rows: 2, inserted: 2, rejected: 0 });
  });

  it('without recognisable columns: exit 1, names the fields, lists the columns, no row data', () => {
    const odd = write('odd.csv', 'Org,E\nSecret Org,secret.person@example.org\n');
    const r = runCli(['import', odd, '--call', '2020', '--db', path.join(dir, 'odd.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*organisation and email/m);
    // "Org,E" names no field skillsnet knows: it could be someone's details, so columns go by position.
    expect(r.stderr).toContain('columns in the file: A, B (a header skillsnet does not recognise is named by its letter');
    expect(r.stderr).toContain('--map');
    expect(r.stderr).not.toContain('secret');
    expect(r.stderr).not.toContain('Secret');
    // a file without a header row: its first row is personal data and must not be echoed
    const headerless = write('headerless.csv', 'Jane Roe,Roe Foundation,jane.roe@example.org,+41 22 555 01 23\n');
    const h = runCli(['import', headerless, '--call', '2020', '--db', path.join(dir, 'odd.db')]);
    expect(h.code).toBe(1);
    expect(h.stderr).toMatch(/first row looks like data/);
    expect(h.stderr).not.toMatch(/Jane|Roe|jane|555/);
    const map = write('map.json', JSON.stringify({ organization: 'Org', email: 'E' }));
    const ok = runCli(['import', odd, '--call', '2020', '--db', path.join(dir, 'odd.db'), '--map', map, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(json(ok)).toMatchObject({ rows: 1, inserted: 1 });
  });
});
