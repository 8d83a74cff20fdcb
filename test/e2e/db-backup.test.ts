/** db backup while another process writes: the copy is consistent (a separate writer process, the built CLI). */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, json, ROOT } from './support/cli.js';
import { openDatabase } from '../../dist/db/connection.js';
import { checkDatabase } from '../../dist/db/maintenance.js';

const SECRET_ORG = 'Fundación Secreta Privada';
const SECRET_EMAIL = 'maria.private@example.org';

/** A database with one call and n applications (personal data markers in the first one). */
function makeDb(file: string, n = 3): void {
  const db = openDatabase(file, { create: true });
  const call = db.prepare(`INSERT INTO calls(name) VALUES ('2020')`).run().lastInsertRowid;
  const ins = db.prepare(
    `INSERT INTO applications(call_id, identity_key, organization, email, raw_json, content_hash) VALUES (?, ?, ?, ?, '{}', 'h')`,
  );
  db.transaction(() => {
    for (let i = 0; i < n; i++) ins.run(call, `k${i}`, i === 0 ? SECRET_ORG : `Org ${i}`, i === 0 ? SECRET_EMAIL : `o${i}@example.org`);
  })();
  db.close();
}

describe('skillsnet db backup (built CLI)', () => {
  it('db backup makes a consistent copy while another process keeps writing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'busy.db');
    makeDb(file, 1);
    // The writer adds calls in transactions of exactly 10 rows: a consistent copy has a multiple of 10 (+1).
    const writer = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Database from 'better-sqlite3'; import fs from 'node:fs';
         const db = new Database(process.argv[1]); db.pragma('busy_timeout = 10000'); db.pragma('journal_mode = WAL');
         const ins = db.prepare('INSERT INTO calls(name) VALUES (?)');
         let n = 0; const t0 = Date.now();
         const batch = db.transaction(() => { for (let i = 0; i < 10; i++) ins.run('w' + (n++)); });
         while (!fs.existsSync(process.argv[2]) && Date.now() - t0 < 20000) batch();
         console.log(n);`,
        file,
        path.join(dir, 'stop'),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let werr = '';
    writer.stderr.on('data', (d) => (werr += d));
    const exited = new Promise<number | null>((resolve) => writer.on('exit', resolve));
    await new Promise((r) => setTimeout(r, 300));
    const counts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const dest = path.join(dir, `b${i}.db`);
      const r = runCli(['--db', file, 'db', 'backup', dest, '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const j = json(r);
      counts.push(j.tables.calls);
      expect((j.tables.calls - 1) % 10).toBe(0);
      expect(fs.statSync(dest).mode & 0o777).toBe(0o600);
      expect(checkDatabase(dest).ok).toBe(true);
    }
    fs.writeFileSync(path.join(dir, 'stop'), '');
    expect(await exited).toBe(0);
    expect(werr).toBe('');
    expect(Math.max(...counts)).toBeGreaterThan(1);
  });

  it('db backup to a device: the hint names only what db backup has (no --out -), an export still offers --out -', () => {
    const dir = tempDir();
    const file = path.join(dir, 'net.db');
    makeDb(file, 1);
    const backup = runCli(['--db', file, 'db', 'backup', '/dev/null', '--force']);
    expect(backup.code).not.toBe(0);
    expect(backup.stderr).toMatch(/\/dev\/null is a device, not a file/);
    expect(backup.stderr).not.toMatch(/--out/);
    const contacts = runCli(['--db', file, 'export', 'contacts', '--all-calls', '--format', 'csv', '--out', '/dev/null', '--force']);
    expect(contacts.code).not.toBe(0);
    expect(contacts.stderr).toMatch(/--out - to print on stdout/);
  });
});
