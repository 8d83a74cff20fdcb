/**
 * A large delimited file is read and prepared on a second thread while the first writes
 * (src/import/row-worker.ts). Whatever the file, the result is the one the single-thread path
 * gives: the same report, the same applications, the same rejects; and the second import of
 * the same file reports every row unchanged. SKILLSNET_IMPORT_THREADS forces either path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from './support/cli.js';

const dir = tempDir('skillsnet-threads-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A file with what makes the paths differ if anything does: repeats, rejects, dates, accents, quotes. */
function sample(name: string, rows: number, tail = ''): string {
  const lines = ['Timestamp;Application ID;Nom de l\'organisation;Courriel;Pays;Titre du projet;Décrivez votre projet;Bénéficiaires;Note'];
  for (let i = 1; i <= rows; i++) {
    const id = `A-${i % 997}`; // ids repeat: later rows update earlier ones
    const mail = i % 101 === 0 ? '' : `p${i % 1500}@example.org`;
    const day = (i % 28) + 1;
    const text = i % 3 === 0
      ? '"Une formation en alternance pour les jeunes, avec des ""maîtres"" d\'apprentissage;\nsur deux ans."'
      : i % 3 === 1 ? 'Programa de aprendizaje para jóvenes en las empresas de la región' : 'Digital skills for young women in rural areas';
    lines.push(`${String(day).padStart(2, '0')}/03/2024 10:${String(i % 60).padStart(2, '0')};${id};Organisation ${i % 1200};${mail};${['Sénégal', 'Perú', 'Kenya', 'N/A'][i % 4]};Projet ${i % 700};${text};Jeunes, Femmes;${(i % 10) + 0.5}`.replace('.5', ',5'));
  }
  const f = path.join(dir, name);
  fs.writeFileSync(f, lines.join('\r\n') + '\r\n' + tail);
  return f;
}

function importBoth(file: string): { always: any; never: any; dbs: [string, string] } {
  const dbs: [string, string] = [path.join(dir, `${path.basename(file)}-always.db`), path.join(dir, `${path.basename(file)}-never.db`)];
  const run = (db: string, threads: string) => runCli(['--db', db, 'import', file, '--call', 'c', '--json'], { env: { SKILLSNET_IMPORT_THREADS: threads }, timeout: 120_000 });
  const a = run(dbs[0], 'always');
  const n = run(dbs[1], 'never');
  expect(a.code, a.stderr).toBe(n.code);
  return { always: a.code === 0 ? json(a) : a.stderr, never: n.code === 0 ? json(n) : n.stderr, dbs };
}

const comparable = (report: any) => ({ ...report, files: report.files.map((f: any) => ({ ...f, warnings: [...f.warnings].sort() })) });

describe('import on a second thread', () => {
  it('gives the report, applications and rejects the single-thread path gives', () => {
    const f = sample('big.csv', 4000);
    const { always, never, dbs } = importBoth(f);
    expect(comparable(always)).toEqual(comparable(never));
    expect(always).toMatchObject({ rows: 4000 });
    const list = (db: string) => json(runCli(['--db', db, 'list', '--json']));
    expect(list(dbs[0])).toEqual(list(dbs[1]));
    const rejects = (db: string) => json(runCli(['--db', db, 'rejects', '--json'])).map((r: any) => [r.rowNumber, r.reasons, r.raw]);
    expect(rejects(dbs[0])).toEqual(rejects(dbs[1]));
    // the same file again: every row unchanged, on either path
    const again = json(runCli(['--db', dbs[0], 'import', f, '--call', 'c', '--json'], { env: { SKILLSNET_IMPORT_THREADS: 'always' } }));
    expect(again).toMatchObject({ rows: 4000, inserted: 0, updated: 0, unchanged: 4000 - always.rejected, rejected: always.rejected });
  }, 180_000);

  it('a row the fast reader leaves to csv-parse, and an unclosed quote, read the same way', () => {
    const odd = sample('odd.csv', 1500, '"Quoted"tail;X-1;Org X;x@example.org;Chile;T;D;Youth;1\r\n');
    const { always, never } = importBoth(odd);
    expect(comparable(always)).toEqual(comparable(never));
    const broken = sample('broken.csv', 1500, '01/03/2024 10:00;Z-1;"Org Z;z@example.org;Chile\r\nmore\r\n');
    const r = importBoth(broken);
    expect(r.always).toMatch(/quoted field opened on line 2002 is never closed/);
    expect(r.always).toBe(r.never);
  }, 180_000);
});
