/** main(): the whole CLI in process, returning its exit code, writing only through the IO it is given. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { bufferIO } from '../../../src/cli/io.js';
import { tempDir } from '../support/run.js';

describe('main() in process', () => {
  it('returns the exit code instead of exiting and writes through the injected IO', async () => {
    const dir = tempDir();
    const { io, stdout } = bufferIO();
    const code = await main(['node', 'skillsnet', 'init', '--json', '--db', path.join(dir, 'a.db')], { makeIO: () => io });
    expect(code).toBe(0);
    expect(JSON.parse(stdout()).created).toBe(true);
  });
});

describe('--json before the command name (CONTRACT: global options before or after it)', () => {
  it('moves to after the command\'s words, before its first option or a `--` that ends the options; nothing else moves', async () => {
    const { jsonAfterCommand } = await import('../../../src/cli/main.js');
    expect(jsonAfterCommand(['--json', 'list', '--region', 'Africa'])).toEqual(['list', '--json', '--region', 'Africa']);
    expect(jsonAfterCommand(['--db', 'x.db', '--json', 'tag', 'evaluate', 'gold.csv'])).toEqual(['--db', 'x.db', 'tag', 'evaluate', 'gold.csv', '--json']);
    expect(jsonAfterCommand(['--json', 'import', '--call', '2020', '--', '--json'])).toEqual(['import', '--json', '--call', '2020', '--', '--json']);
    expect(jsonAfterCommand(['--json', 'import', 'a.csv', '--', '-b.csv'])).toEqual(['import', 'a.csv', '--json', '--', '-b.csv']);
    // never the value of an option typed without one: that stays a usage error
    expect(jsonAfterCommand(['--json', 'list', '--search'])).toEqual(['list', '--json', '--search']);
    // after the command it is the command's already; --db's value is never taken for it
    expect(jsonAfterCommand(['list', '--json'])).toEqual(['list', '--json']);
    expect(jsonAfterCommand(['--db', '--json', 'list'])).toEqual(['--db', '--json', 'list']);
    expect(jsonAfterCommand(['--json'])).toEqual(['--json']);
  });

  it('a command run with --json before its name prints its JSON document', async () => {
    const dir = tempDir();
    const { io, stdout } = bufferIO();
    const code = await main(['node', 'skillsnet', '--json', '--db', path.join(dir, 'a.db'), 'init'], { makeIO: () => io });
    expect(code).toBe(0);
    expect(JSON.parse(stdout()).created).toBe(true);
  });

  it('is not taken as the value of an option left without one (list --search)', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'a.db');
    expect(await main(['node', 'skillsnet', '--db', db, 'init'], { makeIO: () => bufferIO().io })).toBe(0);
    const { io, stdout } = bufferIO();
    // (commander's "option '--search <text>' argument missing"; before, it searched for "--json")
    const code = await main(['node', 'skillsnet', '--json', '--db', db, 'list', '--search'], { makeIO: () => io });
    expect(code, stdout()).toBe(2);
    expect(stdout()).toBe('');
  });

  it('alone, without a command, is a usage slip said as one (not an unknown option), exit 2', async () => {
    let err = '';
    let out = '';
    const streams = { stdout: { write: (s: string) => { out += s; return true; } }, stderr: { write: (s: string) => { err += s; return true; } } };
    const code = await main(['node', 'skillsnet', '--json', '--db', path.join(tempDir(), 'a.db')], { makeIO: () => bufferIO().io, streams } as never);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^error: --json goes with a command that prints results, e\.g\. skillsnet list --json\n/);
    expect(err).not.toMatch(/unknown option/);
  });
});

describe('Ctrl-C while a command is still loading', () => {
  it('an export says what it leaves from the moment its modules start loading: nothing written', async () => {
    const { buildProgram } = await import('../../../src/cli/main.js');
    const { interruptOutcome, EXPORT_INTERRUPTED, setInterruptOutcome } = await import('../../../src/cli/signals.js');
    const { io } = bufferIO();
    const restore = setInterruptOutcome(() => 'the general case');
    restore();
    const general = interruptOutcome();
    expect(general).not.toBe(EXPORT_INTERRUPTED);
    await buildProgram({ makeIO: () => io }, ['export', 'graphml', '--out', 'x.graphml']);
    expect(interruptOutcome()).toBe(EXPORT_INTERRUPTED);
    setInterruptOutcome(() => general)();
  });
});

describe('an error line quoting the bytes of a hostile or binary file', () => {
  it('shows their control characters as U+FFFD: no escape sequence, bell or carriage return reaches the terminal', async () => {
    const { reportError } = await import('../../../src/cli/main.js');
    const { OperationError } = await import('../../../src/errors.js');
    const { io, stderr } = bufferIO();
    const code = reportError(new OperationError('unknown region "\u001b[31mAfrica\u001b]0;title\u0007\r\u0000"', { hint: 'use one of: "Africa"\u001b[2J' }), io, false, false);
    expect(code).toBe(1);
    expect(stderr()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(stderr()).toContain('unknown region "\uFFFD[31mAfrica');
    expect(stderr().trimEnd().split('\n')).toHaveLength(2);
  });
});

describe('a mistyped command or option', () => {
  it.each([
    [['imprt', 'x.csv'], "error: unknown command 'imprt'; did you mean import?\n  see skillsnet --help\n"],
    [['list', '--regoin', 'Africa'], "error: unknown option '--regoin'; did you mean --region?\n  see skillsnet list --help\n"],
    [['event', 'invitaions', '1'], "error: unknown command 'invitaions'; did you mean invitations?\n  see skillsnet event --help\n"],
  ])('%j: one error line with the suggestion in it, then where to look', async (args, expected) => {
    const { run } = await import('../support/run.js');
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(expected);
  });

  it.each([
    [['select', '--budget', '3'], "error: unknown option '--budget'\n  see skillsnet select --help\n"],
    [['select', '--quite'], "error: unknown option '--quite'; did you mean --quiet?\n  see skillsnet select --help\n"],
  ])('%j: commander\'s far guesses are left out, near ones kept', async (args, expected) => {
    const { run } = await import('../support/run.js');
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(expected);
  });
});

describe('init on a database that holds a call already', () => {
  it('says what it holds instead of the first step of an empty one', async () => {
    const { run, importedCall } = await import('../support/run.js');
    const fresh = await run(['init', '--db', path.join(tempDir(), 'new.db')]);
    expect(fresh.stderr).toMatch(/Next: skillsnet import applications\.csv --call 2020/);
    const { db } = await importedCall(['Organization,Email', 'Taller Abierto,ana@example.org', 'Atelier Vert,awa@example.net'], { call: '2024' });
    const again = await run(['init', '--db', db]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^It holds 2 applications \(call 2024\)\. See them: skillsnet stats, or skillsnet list$/m);
    expect(again.stderr).not.toMatch(/Next: skillsnet import/);
  });
});
