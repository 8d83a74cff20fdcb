import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

// CONTRACT: an error is one `error:` line and, where possible, what to do next. Mistyped
// options are caught by the option parser, which names the problem but not where to look.
describe('usage errors point to the help of the command that was run', () => {
  it.each([
    [['export', 'contacts', '--format', 'csv'], /^error: required option '--out <path>' not specified\n  see skillsnet export contacts --help\n$/],
    [['--db', 'x.db', 'select', '--size'], /^error: option '--size <n>' argument missing\n  see skillsnet select --help\n$/],
    [['export', 'roster', 'core', '--format', 'pdf', '--out', 'x.pdf'], /^error: option '--format <format>' argument 'pdf' is invalid.*\n  see skillsnet export roster --help\n$/],
    [['list', '--regoin', 'Africa'], /^error: unknown option '--regoin'.*\n(?:\(Did you mean --region\?\)\n)?  see skillsnet list --help\n$/],
    [['exprt'], /^error: unknown command 'exprt'\n\(Did you mean export\?\)\n  see skillsnet --help\n$/],
  ])('%j', (args, expected) => {
    const r = runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected);
  });
});
