/**
 * Commands that create the database when it is not there (member add, member import, event add):
 * a dry run shows what would happen without a database and writes none; a refused command leaves
 * no empty database file behind (as import does).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, run, tempDir } from '../support/run.js';

const EVENT = ['event', 'add', 'Meeting', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich'];

describe('a dry run before the database exists', () => {
  it.each([
    [['member', 'add', '--organization', 'Ministerio de Trabajo', '--country', 'PE', '--dry-run'], /^Dry run: Would add member-1 \(org-1 in the maps\)\.$/m],
    [[...EVENT, '--dry-run'], /^Dry run: would add the meeting "Meeting"/m],
  ])('%j says what would be added and creates no file', async (args, said) => {
    const dir = tempDir();
    const db = path.join(dir, 'new.db');
    const r = await run(['--db', db, ...args]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(said);
    expect(r.stdout + r.stderr).not.toMatch(/Added|no database/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('member add --dry-run --json says dryRun, and the same add then creates the database', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'new.db');
    const dry = await run(['--db', db, 'member', 'add', '--organization', 'Chambre de commerce', '--dry-run', '--json']);
    expect(json(dry)).toMatchObject({ id: 1, created: true, dryRun: true });
    expect(fs.existsSync(db)).toBe(false);
    const real = await run(['--db', db, 'member', 'add', '--organization', 'Chambre de commerce']);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toMatch(/^Added member-1/m);
    expect(fs.existsSync(db)).toBe(true);
  });
});

describe('a refused command on a database it would create', () => {
  it.each([
    [['member', 'add', '--organization', 'X', '--email', 'not-an-address']],
    [['event', 'add', 'Meeting', '--kind', 'meeting', '--start', '2020-11-31 14:00', '--tz', 'Europe/Zurich']],
    [['event', 'add', 'Meeting', '--kind', 'meeting', '--start', '2020-11-19 14:00', '--tz', 'CET']],
  ])('%j leaves no empty database file', async (args) => {
    const dir = tempDir();
    const db = path.join(dir, 'new.db');
    const r = await run(['--db', db, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: /m);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('an existing database stays, even when the command is refused', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'old.db');
    expect((await run(['--db', db, ...EVENT])).code).toBe(0);
    const r = await run(['--db', db, 'event', 'add', 'Other', '--kind', 'party', '--start', '2020-11-19 14:00', '--tz', 'Europe/Zurich']);
    expect(r.code).toBe(2);
    expect(fs.existsSync(db)).toBe(true);
    expect(json(await run(['--db', db, 'events', '--json']))).toHaveLength(1);
  });
});
