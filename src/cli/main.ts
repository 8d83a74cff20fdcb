import type { Command as CommandType, CommanderError as CommanderErrorType } from 'commander';
import { createRequire } from 'node:module';
import { CliError, OutputClosedError, OutputWriteError, TerminalGoneError } from '../errors.js';
import { faultMessage } from '../files/faults.js';
import { processStdout } from './stdout.js';
import type { CliContext, GlobalFlags } from './context.js';
import { cancelledOutcome, installSignalHandlers, savedOutcome, markFinished, resetInterruptOutcome, setInterruptOutcome, terminalGone, terminalHungUp } from './signals.js';
import type { IO } from './io.js';
import { COMMANDS } from './commands.js';
import { shellArg } from '../text.js';
import { didYouMean, nearEnough } from '../suggest.js';

// Start-up cost matters (`skillsnet --help` is held to 1.5× a bare `node -e 0`):
// commander is loaded as CommonJS (cheaper than through its ESM wrapper), and chalk, the IO
// and the context are loaded only when a command runs or an error must be printed.
const require = createRequire(import.meta.url);
const { Command, CommanderError, Option } = require('commander') as typeof import('commander');
const { version } = require('../../package.json') as { version: string };

/** The default context, loaded on first use (it brings chalk). */
async function loadDefaultContext(): Promise<CliContext> {
  return (await import('./context.js')).defaultContext();
}

/** Global options that take a value, so the command name can be found after them. */
const GLOBAL_WITH_VALUE = new Set(['--db']);

/** The command the user asked for (first word that is not a global option), if any. */
export function requestedCommand(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (GLOBAL_WITH_VALUE.has(a)) { i++; continue; }
    if (a.startsWith('-')) continue;
    if (a === 'help') return args.slice(i + 1).find((x) => !x.startsWith('-'));
    return a;
  }
  return undefined;
}

/**
 * `skillsnet --json list`: --json typed before the command name, among the global options, goes
 * after it, where the command that prints results takes it (CONTRACT: global options are accepted
 * before or after the command name, and --json by every command that prints results). It goes
 * right after the command's words (subcommand, arguments), before its first option or a `--`:
 * at the very end it would be read as the value of an option left without one (`--json list
 * --search` searched for "--json") or, after `--`, as a file name. A command without --json
 * still says it does not know the option (exit 2).
 */
export function jsonAfterCommand(args: string[]): string[] {
  let command = -1;
  const before: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (GLOBAL_WITH_VALUE.has(a)) { i++; continue; }
    if (a === '--json') { before.push(i); continue; }
    if (a.startsWith('-')) continue;
    command = i;
    break;
  }
  if (command < 0 || !before.length) return args;
  const rest = args.filter((_, i) => !before.includes(i));
  const from = command - before.length + 1;
  const firstOption = rest.findIndex((a, i) => i >= from && a.startsWith('-'));
  if (firstOption < 0) return [...rest, '--json'];
  return [...rest.slice(0, firstOption), '--json', ...rest.slice(firstOption)];
}

export async function buildProgram(ctx: CliContext | undefined, args: string[] = []): Promise<CommandType> {
  const program = new Command('skillsnet');
  program
    .description(
      'Run the ILO Skills Innovation Network from the command line: import the applications of an ' +
        'innovation call, tag them with skills categories, select a Core Group and export network maps, ' +
        'contact lists and rosters. Everything stays in one local SQLite file.',
    )
    .version(version, '-V, --version', 'print the version')
    .addOption(new Option('--db <file>', 'database file (default: $SKILLSNET_DB or ./skillsnet.db)'))
    .option('-y, --yes', 'answer yes to every question (needed for destructive steps off a terminal)')
    .option('--no-color', 'no colours (NO_COLOR is honoured too)')
    .option('-q, --quiet', 'only errors and warnings on stderr')
    .option('--debug', 'show stack traces for errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => (ctx?.streams?.stdout ?? processStdout()).write(s),
      writeErr: (s) => (ctx?.streams?.stderr ?? process.stderr).write(tidyCommanderError(s)),
    })
    .addHelpText(
      'after',
      `
Start here:
  skillsnet demo                          try everything on a sample call of 473 applications
  skillsnet import applications.csv --call 2020
  skillsnet list --region "Arab States"
  skillsnet tag auto && skillsnet select --size 25 --min-per-region 3

Every command has --help with examples. Data goes to stdout, messages to stderr;
--json prints one JSON document for scripts.`,
    );
  // Load only the module of the command being run; the others are listed for --help.
  const wanted = requestedCommand(args);
  for (const entry of COMMANDS) {
    if (entry.name === wanted) {
      // (Ctrl-C while the command's modules load: what it leaves is already known)
      if (entry.interrupted) setInterruptOutcome(() => entry.interrupted!);
      else resetInterruptOutcome();
      (await entry.load())(program, ctx ?? (await loadDefaultContext()));
    }
    else program.command(entry.name).description(entry.summary).allowUnknownOption().helpOption(false);
  }
  return program;
}

/**
 * Commander puts its suggestion on a line of its own, "(Did you mean import?)", between the
 * error and the hint: one `error:` line, as every other error, with the suggestion in it.
 */
export function tidyCommanderError(text: string): string {
  return text
    .replace(/^(error: unknown (?:option|command) '([^'\n]*)'.*?)\n\(Did you mean (?:one of )?(.+?)\?\)(\n?)$/s, (_whole, error: string, typed: string, list: string, end: string) => {
      // commander suggests up to three edits away ("--budget": "--quiet"); only a near one is kept
      const bare = (s: string) => s.replace(/^--?/, '');
      const near = list.split(', ').filter((c) => nearEnough(bare(typed), bare(c)));
      return near.length ? `${error}; did you mean ${near.length > 1 ? 'one of ' : ''}${near.join(', ')}?${end}` : `${error}${end}`;
    })
    // (a value outside an option's choices, `--by regoin`, gets the suggestion a mistyped option gets)
    .replace(/^(error: .*?'([^'\n]*)' is invalid(?: for argument '[^'\n]*')?)\. (Allowed choices are (.+?)\.)$/m, (whole, error: string, value: string, allowed: string, list: string) => {
      const near = didYouMean(value, list.split(', '), '');
      return near ? `${error}${near} ${allowed}` : whole;
    });
}

function commanderExitCode(e: CommanderErrorType): number {
  if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code)) return 0;
  // commander has already printed "error: ..." on stderr.
  return 2;
}

/**
 * "export contacts" for `--db x.db export contacts --frmat csv`: the command whose help explains
 * the options. The path ends at the first word that is not a command of the one before: in
 * `evnt show 1` the mistyped "evnt" is the problem (see skillsnet --help), not the `show` after it.
 */
function commandPath(program: CommandType, args: string[]): string {
  return walkCommands(program, args).names.join(' ');
}

/** The commands the words name, the last of them, and where the words after it begin. */
function walkCommands(program: CommandType, args: string[]): { names: string[]; command: CommandType; after: number } {
  const names: string[] = [];
  let command = program;
  let after = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-')) {
      // (an option's value, `--db x.db`, is no command name)
      if (!a.includes('=') && takesValue(command, a)) i++;
      continue;
    }
    const sub = command.commands.find((c) => c.name() === a || c.aliases().includes(a));
    if (!sub) break;
    names.push(sub.name());
    command = sub;
    after = i + 1;
  }
  return { names, command, after };
}

/**
 * Too many arguments is most often a value with spaces typed without quotes: a title
 * (`event add 1st Core Group meeting`) or a date and time (`--start 2020-11-19 14:00`), whose
 * second word became an argument of its own. The words the command did not expect are put back
 * with the word before them, quoted, as the command should have been typed.
 */
function quoteHint(program: CommandType, args: string[]): string | undefined {
  // (the words after the command's name)
  const { command, after } = walkCommands(program, args);
  let i = after;
  // the rest: runs of words, each a positional argument or an option's value with what follows it
  const runs: { option?: string; words: string[] }[] = [];
  let run: { option?: string; words: string[] } | undefined;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a.startsWith('-')) {
      run = undefined;
      if (!a.includes('=') && takesValue(command, a) && i + 1 < args.length) {
        run = { option: a, words: [args[++i]!] };
        runs.push(run);
      }
      continue;
    }
    if (!run) runs.push((run = { words: [] }));
    run.words.push(a);
  }
  const expected = command.registeredArguments.length;
  const variadic = command.registeredArguments.some((arg) => arg.variadic);
  if (variadic) return undefined;
  // the positional words: the first `expected` of them are the arguments, the rest are extra,
  // quoted with the word they follow (an option's value, or the last argument of the run)
  let positional = 0;
  const fixed: string[] = [];
  for (const r of runs) {
    const own = r.option ? r.words.slice(1) : r.words;
    const room = Math.max(0, expected - positional);
    positional += own.length;
    if (own.length <= room) continue;
    const words = r.option && room === 0 ? r.words : !r.option && room > 0 ? own.slice(room - 1) : [];
    // (IDs given one too many, `show 17 18`, are no value to quote)
    if (words.length < 2 || words.every((w) => /^([a-z]+-)?\d+$/i.test(w))) continue;
    fixed.push(`${r.option && room === 0 ? `${r.option} ` : ''}${shellArg(words.join(' '))}`);
  }
  if (!fixed.length) return undefined;
  return `a value with spaces goes in quotes: ${fixed.join(', ')}`;
}

/**
 * A file name typed where the command wants `--out FILE` (`export map network.html`, `rejects
 * --csv fix.csv`): commander says "required option '--out <path>' not specified" or "too many
 * arguments", and the officer does not see that the name needs the option before it. The
 * command as it should have been typed, the name after `--out`.
 */
function outHint(program: CommandType, args: string[]): string | undefined {
  const { command, after } = walkCommands(program, args);
  if (!command.options.some((o) => o.long === '--out')) return undefined;
  const rest = args.slice(after);
  if (rest.some((a) => a === '--out' || a.startsWith('--out='))) return undefined;
  if (command.registeredArguments.some((arg) => arg.variadic)) return undefined;
  // the positional words after the command's own arguments
  const extra: number[] = [];
  let positional = 0;
  for (let i = after; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (!a.includes('=') && takesValue(command, a)) i++;
      continue;
    }
    if (positional++ >= command.registeredArguments.length) extra.push(i);
  }
  // one word only, and a file's or a folder's name (an extension, or a path)
  if (extra.length !== 1) return undefined;
  const word = args[extra[0]!]!;
  if (!/[\\/]|\.[a-z][a-z0-9]{0,4}$/i.test(word)) return undefined;
  const typed = args.map((a, i) => (i === extra[0] ? `--out ${shellArg(a)}` : shellArg(a)));
  return `the file to write goes after --out: ${['skillsnet', ...typed].join(' ')}`;
}

/**
 * `skillsnet tag --json`: a group of commands has no --json of its own, and "unknown option
 * '--json'" read as if nothing printed JSON. The hint names the commands of the group that do.
 */
function jsonHint(program: CommandType, args: string[]): string | undefined {
  const { command, names } = walkCommands(program, args);
  const withJson = command.commands.filter((c) => c.options.some((o) => o.long === '--json')).map((c) => c.name());
  if (!names.length || !withJson.length) return undefined;
  const which = withJson.length > 1 ? `${withJson.slice(0, -1).join(', ')} or ${withJson.at(-1)}` : withJson[0];
  return `--json goes with ${withJson.length > 1 ? 'one of its commands' : 'its command'}: skillsnet ${names.join(' ')} ${which} (see skillsnet ${names.join(' ')} --help)`;
}

/** Whether the option `flag` of this command or of one above it takes a value. */
function takesValue(command: CommandType, flag: string): boolean {
  for (let c: CommandType | null = command; c; c = c.parent) {
    const option = c.options.find((o) => o.long === flag || o.short === flag);
    if (option) return option.required || option.optional;
  }
  return false;
}

/** Turns an error into an exit code and one `error:` line (stack only with --debug). */
export function reportError(e: unknown, io: IO, debug: boolean, json: boolean): number {
  if (e instanceof CommanderError) return commanderExitCode(e);
  // `skillsnet list | head`: the reader had what it wanted. Nothing to say, nothing failed.
  if (e instanceof OutputClosedError) return 0;
  // The terminal closed while the command wrote to it: its hang-up (signals.ts says what was kept).
  if (e instanceof TerminalGoneError) {
    terminalHungUp();
    return e.exitCode;
  }
  // (the same, met by the question's reader: its terminal's raw mode could not be set or given back)
  if (terminalGone(e)) {
    terminalHungUp();
    return new TerminalGoneError().exitCode;
  }
  if (e instanceof Error && e.name === 'ExitPromptError') {
    io.stderr.write(`error: cancelled; ${cancelledOutcome()}\n`);
    return 130;
  }
  if (e instanceof CliError) {
    if (json && e.json !== undefined) {
      try {
        io.stdout.write(JSON.stringify(e.json, null, 2) + '\n');
      } catch {
        /* stdout itself failed: the error below still says what went wrong */
      }
    }
    // (a report that could not be written, after the work it reports was saved: said, or it reads as undone and is done again)
    const kept = e instanceof OutputWriteError ? savedOutcome() : undefined;
    io.stderr.write(io.errColor.red('error: ') + printable(kept ? `${e.message}; ${kept}` : e.message) + '\n');
    // (nor "run the command again" after it: a select run again saved a second roster, a merge run again failed)
    const hint = kept && e instanceof OutputWriteError ? `${e.remedy}; its work is done and need not run again` : e.hint;
    if (hint) io.stderr.write(`  ${printable(hint)}\n`);
    if (debug && e.stack) io.stderr.write(e.stack + '\n');
    return e.exitCode;
  }
  // A full disk, a permission, a read-only folder, a locked or damaged database met where no
  // command said what it was doing: still the fault's own words, not "unexpected".
  const fault = faultMessage(e);
  if (fault) {
    io.stderr.write(io.errColor.red('error: ') + printable(fault.message) + '\n');
    io.stderr.write(`  ${printable(fault.hint)}\n`);
    if (debug && (e as Error).stack) io.stderr.write((e as Error).stack + '\n');
    return 1;
  }
  const err = e as Error;
  io.stderr.write(io.errColor.red('error: ') + printable(err?.message ?? String(e)) + '\n');
  if (debug && err?.stack) io.stderr.write(err.stack + '\n');
  else io.stderr.write('  this is unexpected; run again with --debug and report the output\n');
  return 1;
}

/**
 * An error's words as the terminal should show them: a message quotes the file's own bytes (a
 * header, a value), and a binary or hostile file's escape sequences, bells, NULs and carriage
 * returns then reached the terminal raw (recolouring it, retitling the window, or hiding the
 * line). Each control character but the line break and tab shows as U+FFFD.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\uFFFD');
}

/**
 * An import turns over a great many short-lived strings: V8 would let its young generation grow
 * to 48 MB and the heap behind it; bounded (and not grown), a million-row import stays well
 * under 200 MB for about the same time. Said before the heap grows, so it takes effect.
 */
function boundYoungGeneration(argv: string[]): void {
  if (!argv.slice(2).includes('import')) return;
  try {
    const v8 = require('node:v8') as typeof import('node:v8');
    v8.setFlagsFromString('--max-semi-space-size=8');
    v8.setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    /* not every runtime lets flags be set: then the default sizes */
  }
}

/** Runs the CLI and returns the exit code; never calls process.exit itself. */
export async function main(argv: string[], ctx?: CliContext): Promise<number> {
  argv = [...argv.slice(0, 2), ...jsonAfterCommand(argv.slice(2))];
  const given = argv.slice(2);
  if (given.includes('--json') && requestedCommand(given) === undefined && !given.some((a) => ['-h', '--help', '-V', '--version'].includes(a))) {
    // `skillsnet --json` alone: a usage slip, said as one (commander would call --json unknown)
    (ctx?.streams?.stderr ?? process.stderr).write('error: --json goes with a command that prints results, e.g. skillsnet list --json\n  see skillsnet --help\n');
    return 2;
  }
  const program = await buildProgram(ctx, argv.slice(2));
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      const code = commanderExitCode(e);
      // commander printed the problem; say where the options are explained.
      const path = commandPath(program, argv.slice(2));
      const out = ['commander.excessArguments', 'commander.missingMandatoryOptionValue'].includes(e.code) ? outHint(program, argv.slice(2)) : undefined;
      const spaces = !out && e.code === 'commander.excessArguments' ? quoteHint(program, argv.slice(2)) : undefined;
      const json = e.code === 'commander.unknownOption' && e.message.includes("'--json'") ? jsonHint(program, argv.slice(2)) : undefined;
      const hint = out ?? spaces ?? json;
      if (hint) (ctx?.streams?.stderr ?? process.stderr).write(`  ${hint}\n`);
      else if (code === 2) (ctx?.streams?.stderr ?? process.stderr).write(`  see ${['skillsnet', path].filter(Boolean).join(' ')} --help\n`);
      return code;
    }
    const flags = program.opts() as GlobalFlags;
    const debug = Boolean(flags.debug) || argv.includes('--debug');
    const io = (ctx ?? (await loadDefaultContext())).makeIO(flags);
    return reportError(e, io, debug, argv.includes('--json'));
  }
}

/** Entry point used by bin/skillsnet. */
export function start(): void {
  boundYoungGeneration(process.argv);
  installSignalHandlers(process.stderr);
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
      markFinished();
    },
    async (e) => {
      const { processIO } = await import('./io.js');
      process.exitCode = reportError(e, processIO(), process.argv.includes('--debug'), false);
    },
  );
}
