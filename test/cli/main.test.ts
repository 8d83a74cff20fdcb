import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, json } from '../helpers.js';
import { main } from '../../src/cli/main.js';
import { bufferIO } from '../../src/cli/io.js';

describe('CLI basics (built binary)', () => {
  it('prints help with examples and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: skillsnet');
    expect(r.stdout).toContain('skillsnet demo');
  });

  it('exits 2 with an error line on an unknown command', () => {
    const r = runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown command/m);
  });

  it('init creates the database with mode 0600 and accepts --db after the command', () => {
    const dir = tempDir();
    const db = path.join(dir, 'sub', 'x.db');
    const r = runCli(['init', '--json', '--db', db]);
    expect(r.code).toBe(0);
    expect(json(r)).toMatchObject({ created: true, schemaVersion: expect.any(Number) });
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
    const again = json(runCli(['--db', db, 'init', '--json']));
    expect(again.created).toBe(false);
  });

  it('uses $SKILLSNET_DB when --db is absent', () => {
    const dir = tempDir();
    const db = path.join(dir, 'env.db');
    const r = runCli(['init'], { env: { SKILLSNET_DB: db } });
    expect(r.code).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
  });
});

describe('main() in process', () => {
  it('returns the exit code instead of exiting and writes through the injected IO', async () => {
    const dir = tempDir();
    const { io, stdout } = bufferIO();
    const code = await main(['node', 'skillsnet', 'init', '--json', '--db', path.join(dir, 'a.db')], { makeIO: () => io });
    expect(code).toBe(0);
    expect(JSON.parse(stdout()).created).toBe(true);
  });
});
