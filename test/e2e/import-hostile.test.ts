import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { BIN, ROOT, json, runCli, tempDir } from './support/cli.js';
// @ts-expect-error plain ESM script without type declarations
import { generate } from '../../bench/generate.mjs';

/**
 * Files that are broken, odd or malicious. Each must give either a full accounting (exit 0,
 * counts that add up) or one `error:` line and exit 1 — never a stack trace or a hang.
 */
const dir = tempDir('skillsnet-hostile-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, content);
  return f;
}

function importRun(f: string, db = path.join(dir, `${path.basename(f)}.db`)) {
  const r = runCli(['import', f, '--call', '2020', '--db', db, '--json'], { timeout: 20_000 });
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(r.stderr).not.toMatch(/unexpected; run again with --debug/);
  return r;
}

function expectAccounting(r: ReturnType<typeof importRun>) {
  expect(r.code, r.stderr).toBe(0);
  const j = json(r);
  expect(j.rows).toBe(j.inserted + j.updated + j.unchanged + j.rejected);
  for (const f of j.files) expect(f.rows).toBe(f.inserted + f.updated + f.unchanged + f.rejected);
  return j;
}

function expectOneError(r: ReturnType<typeof importRun>, pattern: RegExp) {
  expect(r.code).toBe(1);
  // under --json, one document on stdout (CONTRACT: failed imports under --json): the same error
  const doc = JSON.parse(r.stdout);
  expect(doc.error).toMatch(pattern);
  expect(Array.isArray(doc.files)).toBe(true);
  const errorLines = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
  expect(errorLines).toHaveLength(1);
  expect(errorLines[0]).toMatch(pattern);
}

describe('hostile files', () => {
  it('empty file', () => {
    expectOneError(importRun(file('empty.csv', '')), /empty/);
  });

  it('only blank lines and delimiters', () => {
    expectOneError(importRun(file('blank.csv', '\r\n\n,,,\n;;\n')), /empty|no column found|not a row of column names/);
  });

  it('header only: zero rows, accounted', () => {
    expect(expectAccounting(importRun(file('header.csv', 'Organization,Email,Country\r\n')))).toMatchObject({ rows: 0, inserted: 0 });
  });

  it('missing file and a directory', () => {
    expectOneError(importRun(path.join(dir, 'nope.csv')), /cannot read .*no such file/);
    expectOneError(importRun(dir), /cannot read .*: it is a folder/);
  });

  it('random bytes', () => {
    let seed = 7;
    const bytes = Buffer.alloc(256 * 1024);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    const r = importRun(file('random.bin', bytes));
    if (r.code === 0) expectAccounting(r);
    else expectOneError(r, /.+/);
  });

  it('ragged rows: short and long rows are all accounted for, extra cells kept', () => {
    const f = file('ragged.csv', 'Organization,Email,Country\nA,a@example.org\nB,b@example.org,Chile,extra,cells\nC\n,,\nD,d@example.org,Peru\n');
    const j = expectAccounting(importRun(f));
    expect(j).toMatchObject({ rows: 4, inserted: 3, rejected: 1 });
    const db = path.join(dir, 'ragged.csv.db');
    const b = json(runCli(['list', '--db', db, '--json'])).find((a: any) => a.organization === 'B');
    const show = json(runCli(['show', String(b.id), '--db', db, '--json']));
    expect(show.raw).toMatchObject({ Country: 'Chile', 'column 4': 'extra', 'column 5': 'cells' });
  });

  it('unterminated quote: error naming the line, nothing written', () => {
    const db = path.join(dir, 'quote.db');
    const f = file('quote.csv', 'Organization,Email\nA,a@example.org\nB,"b@example.org\nC,c@example.org\n');
    expectOneError(importRun(f, db), /quoted field opened on line 3 is never closed/);
    expect(runCli(['list', '--db', db, '--json']).stdout.trim() || '[]').toBe('[]');
  });

  it('a 2 MB field', () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    const j = expectAccounting(importRun(file('big.csv', `Organization,Email,Description\nA,a@example.org,"${big}"\nB,b@example.org,short\n`)));
    expect(j).toMatchObject({ rows: 2, inserted: 2 });
  });

  it('formula-like values are stored as text and neutralised on the way out', () => {
    const db = path.join(dir, 'formula.db');
    const f = file('formula.csv', 'Organization,Email,Website\n"=HYPERLINK(""http://evil.example.com"",""click"")",a@example.org,@SUM(1+1)\n+cmd,not-an-email,-2+3\n');
    const j = expectAccounting(importRun(f, db));
    expect(j).toMatchObject({ rows: 2, inserted: 1, rejected: 1 });
    const apps = json(runCli(['list', '--db', db, '--json']));
    expect(apps[0].organization).toBe('=HYPERLINK("http://evil.example.com","click")');
    const csv = runCli(['list', '--db', db, '--csv']).stdout;
    expect(csv).toContain(`"'=HYPERLINK(`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const rejects = runCli(['rejects', '--csv', '--db', db]).stdout;
    expect(rejects).toContain("'+cmd");
    expect(rejects).toContain("'-2+3");
  });

  it('a corrupt .xlsx', () => {
    const f = file('broken.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 7)]));
    expectOneError(importRun(f), /cannot be read: the workbook is cut short/);
  });
});

/** The processor time a process has used, in seconds (Linux's /proc; null elsewhere). */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // after "(name) ": state, ppid, ... utime and stime are the 12th and 13th fields, in ticks of 1/100 s
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

describe('Ctrl-C during an import', () => {
  it('rolls back the file, exits 130 with a message', async () => {
    const db = path.join(dir, 'sigint.db');
    const small = file('small.csv', 'Organization,Email\nKeep,keep@example.org\n');
    expect(runCli(['import', small, '--call', '2020', '--db', db]).code).toBe(0);
    const big = path.join(dir, 'big-call.csv');
    generate({ out: big, count: 60_000, seed: 3 });
    const child = spawn(process.execPath, [BIN, 'import', big, '--call', '2020', '--db', db], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // wait until the import is writing rows, then interrupt: it has used 2.5 s of processor time
    // (start-up, reading the header and the first rows take well under one), or its WAL grows
    // (a large import keeps its pages in a large cache until the commit, so the WAL may not)
    const wal = `${db}-wal`;
    const started = Date.now();
    while (Date.now() - started < 15_000) {
      await new Promise((r) => setTimeout(r, 50));
      if ((cpuSeconds(child.pid!) ?? (Date.now() - started) / 1000) >= 2.5) break;
      if (fs.existsSync(wal) && fs.statSync(wal).size > 2_000_000) break;
    }
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/^error: interrupted/m);
    const check = new Database(db, { readonly: true });
    try {
      expect(check.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(1);
      expect(check.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(1);
    } finally {
      check.close();
    }
  }, 40_000);
});
