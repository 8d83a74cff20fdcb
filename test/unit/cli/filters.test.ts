import { describe, expect, it } from 'vitest';
import { parseFilters, parseLanguage } from '../../../src/cli/filters.js';
import { UsageError } from '../../../src/errors.js';

describe('shared filter parsing', () => {
  it('accepts language codes and names in the three languages', async () => {
    expect(parseLanguage('FR')).toBe('fr');
    expect(parseLanguage('French')).toBe('fr');
    expect(parseLanguage('español')).toBe('es');
    expect(parseLanguage('Anglais')).toBe('en');
  });

  it('rejects what is not a language with a usage error', async () => {
    expect(() => parseLanguage('Klingonish')).toThrow(UsageError);
  });

  it('refuses a value naming two languages rather than taking the first: a filter or a quota needs one', () => {
    expect(() => parseLanguage('Anglais et français')).toThrow(/"Anglais et français" names 2 languages: en, fr/);
    expect(() => parseLanguage('English / French')).toThrow(UsageError);
    // a language named twice is still one
    expect(parseLanguage('French / français')).toBe('fr');
  });

  it('resolves countries by name and regions case-insensitively', async () => {
    const f = parseFilters({ country: 'Mexique', region: 'arab states', language: 'es' } as never);
    expect(f).toMatchObject({ country: 'MX', region: 'Arab States', language: 'es' });
  });
});

import path from 'node:path';
import fs from 'node:fs';
import { run as skillsnet, tempDir } from '../support/run.js';

describe('--call and --roster that name nothing', () => {
  it('are usage errors that list what the database holds', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    fs.writeFileSync(path.join(dir, 'a.csv'), 'Organization,Email,Country\nAcme,a@example.org,Peru\n');
    expect((await skillsnet(['--db', db, 'import', path.join(dir, 'a.csv'), '--call', '2024'])).code).toBe(0);
    for (const args of [['list', '--call', 'nope'], ['stats', '--call', 'nope'], ['select', '--size', '1', '--call', 'nope']]) {
      const r = await skillsnet(['--db', db, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: no call named "nope"/m);
      expect(r.stderr).toMatch(/calls here: 2024/);
    }
    const roster = await skillsnet(['--db', db, 'list', '--roster', 'core']);
    expect(roster.code).toBe(2);
    expect(roster.stderr).toMatch(/^error: no roster named "core"/m);
    expect((await skillsnet(['--db', db, 'list', '--call', '2024'])).code).toBe(0);
    // a typo is named; another year is not (2021 beside 2024 is no typo of it); spaces around a pasted name are no part of it
    expect((await skillsnet(['--db', db, 'list', '--call', '2O24'])).stderr).toBe('error: no call named "2O24" in this database; did you mean "2024"?\n  calls here: 2024\n');
    expect((await skillsnet(['--db', db, 'list', '--call', '2021'])).stderr).toBe('error: no call named "2021" in this database\n  calls here: 2024\n');
    expect((await skillsnet(['--db', db, 'list', '--call', ' 2024 '])).code).toBe(0);
    expect((await skillsnet(['--db', db, 'select', '--size', '1', '--order', 'id', '--name', 'core-2024', '--yes'])).code).toBe(0);
    expect((await skillsnet(['--db', db, 'list', '--roster', 'Core-2024'])).stderr).toMatch(/^error: no roster named "Core-2024" in this database; did you mean "core-2024"\? \(names are looked up as written\)\n  saved rosters: core-2024\n/);
    expect((await skillsnet(['--db', db, 'list', '--roster', 'core-2025'])).stderr).toMatch(/^error: no roster named "core-2025" in this database\n/);
    // a name pasted with a non-breaking hyphen or a zero-width space reads as the one suggested: what differs is spelled out
    expect((await skillsnet(['--db', db, 'list', '--roster', 'core\u20112024'])).stderr).toBe('error: no roster named "core\u20112024" in this database; did you mean "core-2024"? (written core<U+2011>2024: pasted text brings characters that look like others or show as nothing)\n  saved rosters: core-2024\n');
    expect((await skillsnet(['--db', db, 'list', '--call', '2024\u200b'])).stderr).toMatch(/; did you mean "2024"\? \(written 2024<U\+200B>: pasted text/);
  });
});

describe('--all-calls on commands that read every call anyway', () => {
  it('list, stats and members take it (a script may pass it to every command) and show what they show without --call', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    fs.writeFileSync(path.join(dir, 'a.csv'), 'Organization,Email,Country\nAcme,a@example.org,Peru\n');
    fs.writeFileSync(path.join(dir, 'b.csv'), 'Organization,Email,Country\nBeta,b@example.org,Chile\n');
    expect((await skillsnet(['--db', db, 'import', path.join(dir, 'a.csv'), '--call', '2024'])).code).toBe(0);
    expect((await skillsnet(['--db', db, 'import', path.join(dir, 'b.csv'), '--call', '2025'])).code).toBe(0);
    for (const cmd of [['list', '--json'], ['stats', '--by', 'country', '--json'], ['members', '--json']]) {
      const plain = await skillsnet(['--db', db, ...cmd]);
      const all = await skillsnet(['--db', db, ...cmd, '--all-calls']);
      expect(all.code, all.stderr).toBe(0);
      expect(all.stdout).toBe(plain.stdout);
    }
    const both = await skillsnet(['--db', db, 'list', '--all-calls', '--call', '2024']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^error: --call and --all-calls contradict each other/m);
  });

  it('is no filter where a filter changes what a command does: event invite asks whom, engagement lists the active ones', async () => {
    // {allCalls: true} counted as a filter: 'event invite 1 --all-calls' invited every member of
    // every call (without it: "say whom to invite"), and engagement listed every member, as --all.
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    fs.writeFileSync(path.join(dir, 'a.csv'), 'Organization,Email,Country\nAcme,a@example.org,Peru\nGamma,g@example.org,Kenya\n');
    fs.writeFileSync(path.join(dir, 'b.csv'), 'Organization,Email,Country\nBeta,b@example.org,Chile\n');
    expect((await skillsnet(['--db', db, 'import', path.join(dir, 'a.csv'), '--call', '2024'])).code).toBe(0);
    expect((await skillsnet(['--db', db, 'import', path.join(dir, 'b.csv'), '--call', '2025'])).code).toBe(0);
    const event = await skillsnet(['--db', db, 'event', 'add', 'Kick-off', '--kind', 'meeting', '--start', '2026-03-01 10:00', '--tz', 'UTC', '--json']);
    expect(event.code, event.stderr).toBe(0);
    const id = String(JSON.parse(event.stdout).id);
    const everyone = await skillsnet(['--db', db, 'event', 'invite', id, '--all-calls', '--json']);
    expect(everyone.code, everyone.stdout).toBe(2);
    expect(everyone.stderr).toMatch(/^error: say whom to invite/m);
    const one = await skillsnet(['--db', db, 'event', 'invite', id, '--country', 'Peru', '--all-calls', '--json']);
    expect(one.code, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout).invited).toHaveLength(1);
    const plain = await skillsnet(['--db', db, 'engagement', '--json']);
    const all = await skillsnet(['--db', db, 'engagement', '--all-calls', '--json']);
    expect(all.code, all.stderr).toBe(0);
    expect(JSON.parse(plain.stdout)).toHaveLength(1);
    expect(all.stdout).toBe(plain.stdout);
  });
});
