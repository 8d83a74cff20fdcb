import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-ignore
import { afterHelpText, loadProgram, walkCommands } from '../../../scripts/cli-reference.mjs';
import * as main from '../../../src/cli/main.js';
import * as commands from '../../../src/cli/commands.js';
import { ROOT } from '../support/run.js';
import type { Command, Option } from 'commander';

// An officer copies the commands of the README, the guides and every --help example as they are
// written. Each is parsed here through the real commander program (no action runs): it must name
// a command and subcommand that exist, use only their options, give a value to an option that
// needs one, and have the command's required arguments.

interface Shown { where: string; line: string }

/** Every line of a fenced code block that starts with `skillsnet `, continuation lines (`\`) joined. */
function commandsInMarkdown(text: string, file: string): Shown[] {
  const out: Shown[] = [];
  let fenced = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*```/.test(lines[i]!)) { fenced = !fenced; continue; }
    if (!fenced) continue;
    const start = i;
    let line = lines[i]!.trim();
    if (!line.startsWith('skillsnet ')) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
    out.push({ where: `${file}:${start + 1}`, line });
  }
  return out;
}

/**
 * The examples of a command's --help: indented lines that start with `skillsnet `, continuation
 * lines joined; what follows two spaces or more (outside quotes) is the example's description.
 */
function commandsInHelp(text: string, where: string): Shown[] {
  const out: Shown[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^ {2,}skillsnet /.test(lines[i]!)) continue;
    let line = lines[i]!.trim();
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
    out.push({ where, line: withoutDescription(line) });
  }
  return out;
}

/** `skillsnet tag auto      tag every application`: the command, without its aligned description. */
function withoutDescription(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) { if (c === quote) quote = undefined; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === ' ' && line[i + 1] === ' ') return line.slice(0, i);
  }
  return line;
}

/** Words as the shell splits them; a comment, a pipe, a redirection or `&&` ends the command (`|`, `&&` and `;` start the next). */
function shellSegments(line: string): string[][] {
  const segments: string[][] = [[]];
  let word: string | undefined;
  let quote: string | undefined;
  let redirect = false;
  const end = () => {
    if (word !== undefined) {
      if (redirect) redirect = false; // the file a redirection names is no argument
      else segments[segments.length - 1]!.push(word);
    }
    word = undefined;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else word = (word ?? '') + c;
      continue;
    }
    if (c === '"' || c === "'") { quote = c; word = word ?? ''; continue; }
    if (/\s/.test(c)) { end(); continue; }
    if (c === '#' && word === undefined) break;
    if (c === '|' || c === ';' || (c === '&' && line[i + 1] === '&')) {
      end();
      redirect = false;
      if (line[i + 1] === c) i++;
      segments.push([]);
      continue;
    }
    if (c === '>' || c === '<') {
      // `2>`, `>>`, `2>&1`: the digit before belongs to the redirection
      if (word !== undefined && /^\d$/.test(word)) word = undefined;
      end();
      if (line[i + 1] === c) i++;
      if (line[i + 1] === '&') { i++; while (/\d/.test(line[i + 1] ?? '')) i++; continue; }
      redirect = true;
      continue;
    }
    word = (word ?? '') + c;
  }
  end();
  return segments.filter((s) => s.length);
}

/** A word that stands for what the officer types: NAME, FILE, ID..., member-N, <file>, `…`. */
const isPlaceholder = (word: string) =>
  /^(?:[A-Z][A-Z0-9_-]*(?:\.{3}|…)?|(?:member|org|person)-N|<[^>]+>|\[[^\]]+\])$/.test(word) || /^(?:…|\.\.\.)$/.test(word);
const isEllipsis = (word: string) => /^(?:…|\.\.\.)$/.test(word);

type Loaded = { program: Command; commands: { command: Command }[] };

/** The problems of one `skillsnet …` command line, [] when it parses. */
function problemsOf(loaded: Loaded, words: string[], reset: () => void): string[] {
  reset();
  const problems: string[] = [];
  let args = words.slice(1);
  const cut = args.findIndex(isEllipsis);
  const elided = cut >= 0;
  if (elided) args = args.slice(0, cut);
  args = main.jsonAfterCommand(args);
  const help = (a: string) => a === '--help' || a === '-h' || a === 'help';
  try {
    const top = loaded.program.parseOptions(args);
    if (!top.operands.length) {
      const unknown = top.unknown.filter((a) => a.startsWith('-') && !help(a));
      if (unknown.length) problems.push(`unknown option ${unknown[0]}`);
      else if (!top.unknown.some(help) && !args.includes('--version') && !args.includes('-V') && !elided) problems.push('names no command');
      return problems;
    }
    const name = top.operands[0]!;
    if (help(name)) return problems;
    let command = loaded.commands.find((c) => c.command.name() === name)?.command;
    if (!command) return [`no command "${name}"`];
    let chain = `skillsnet ${name}`;
    let parsed = command.parseOptions(top.unknown);
    let operands = top.operands.slice(1).concat(parsed.operands);
    let unknown = parsed.unknown;
    while (command.commands.length) {
      const subName = operands[0];
      const sub = command.commands.find((c) => c.name() === subName || c.aliases().includes(subName ?? ''));
      if (!sub) {
        const asksHelp = operands.some(help) || unknown.some(help);
        // a command with subcommands and no action of its own needs one of them
        if (!(command as unknown as { _actionHandler: unknown })._actionHandler && !asksHelp && !elided) problems.push(subName ? `${chain} has no subcommand "${subName}"` : `${chain} needs a subcommand`);
        if (!(command as unknown as { _actionHandler: unknown })._actionHandler) return problems;
        break;
      }
      command = sub;
      chain += ` ${sub.name()}`;
      parsed = command.parseOptions(unknown);
      operands = operands.slice(1).concat(parsed.operands);
      unknown = parsed.unknown;
    }
    if (operands.some(help) || unknown.some(help)) return problems;
    const unknownOption = unknown.find((a) => a.startsWith('-') && a.length > 1);
    if (unknownOption && !(command as unknown as { _allowUnknownOption: boolean })._allowUnknownOption) return [`${chain}: unknown option ${unknownOption.split('=')[0]}`];
    const positional = operands.concat(unknown.filter((a) => !a.startsWith('-') || a === '-'));
    const declared = command.registeredArguments;
    const required = declared.filter((a) => a.required).length;
    if (positional.length < required && !elided) problems.push(`${chain}: ${required} argument(s) required (${declared.map((a) => a.name()).join(', ')}), ${positional.length} given`);
    if (!declared.some((a) => a.variadic) && positional.length > declared.length && !(command as unknown as { _allowExcessArguments: boolean })._allowExcessArguments) {
      problems.push(`${chain}: unexpected argument "${positional[declared.length]}" (a value with spaces needs quotes)`);
    }
    for (let c: Command | null = command; c; c = c.parent) {
      for (const o of c.options as Option[]) {
        if (o.mandatory && c.getOptionValueSource(o.attributeName()) !== 'cli' && !elided) problems.push(`${chain}: ${o.long} is required`);
      }
    }
  } catch (e) {
    problems.push((e as Error).message.replace(/^error: /, ''));
  }
  return problems;
}

let loaded: Loaded;
let reset: () => void;
const shown: Shown[] = [];

beforeAll(async () => {
  loaded = await loadProgram(main, commands);
  const every: Command[] = [loaded.program];
  for (const { command } of loaded.commands) every.push(command, ...walkCommands(command).map((w: { command: Command }) => w.command));
  const fresh = every.map((c) => {
    const internals = c as unknown as { _optionValues: Record<string, unknown>; _optionValueSources: Record<string, unknown> };
    return { internals, values: structuredClone(internals._optionValues), sources: { ...internals._optionValueSources } };
  });
  reset = () => {
    for (const f of fresh) {
      f.internals._optionValues = structuredClone(f.values);
      f.internals._optionValueSources = { ...f.sources };
    }
  };
  for (const c of every) {
    // errors are collected, not printed
    c.exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} });
    for (const o of c.options as Option[]) {
      if (!o.required && !o.optional) continue;
      const parse = o.parseArg;
      o.argParser((value: string, previous: unknown) => {
        // `--out --force`: commander would take the next option as the value
        if (o.required && /^--?[a-z]/i.test(value)) throw new Error(`option '${o.flags}' is given no value (it is followed by ${value})`);
        if (isPlaceholder(value) || value.includes('…')) return value;
        return parse ? parse.call(o, value, previous) : value;
      });
    }
  }
  const docs = fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
  for (const file of ['README.md', ...docs]) shown.push(...commandsInMarkdown(fs.readFileSync(path.join(ROOT, file), 'utf8'), file));
  const pages: { name: string; command: Command }[] = [{ name: 'skillsnet', command: loaded.program }];
  for (const { command } of loaded.commands) pages.push({ name: `skillsnet ${command.name()}`, command }, ...walkCommands(command, `skillsnet ${command.name()}`));
  for (const { name, command } of pages) shown.push(...commandsInHelp(afterHelpText(command), `${name} --help`));
});

const check = (line: string) => shellSegments(line).filter((words) => words[0] === 'skillsnet').flatMap((words) => problemsOf(loaded, words, reset));

describe('the commands the docs and --help show', () => {
  it('finds them in the README, every guide and every --help', () => {
    const where = new Set(shown.map((s) => s.where.split(':')[0]));
    for (const page of ['README.md', 'docs/importing.md', 'docs/events.md', 'skillsnet import --help', 'skillsnet event attendance --help']) expect(where).toContain(page);
    expect(shown.length).toBeGreaterThan(300);
  });

  it('each parses as written: the command exists, its options and their values, its arguments', () => {
    const wrong = shown.flatMap(({ where, line }) => check(line).map((p) => `${where}: ${line}\n    ${p}`));
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('tells a misspelt option, a missing value, a missing argument or an unknown command', () => {
    expect(check('skillsnet list --regoin Africa')).toEqual(['skillsnet list: unknown option --regoin']);
    expect(check('skillsnet export kumu --out')[0]).toMatch(/--out <path>.*argument missing/);
    expect(check('skillsnet export kumu --out --force')[0]).toMatch(/no value/);
    expect(check('skillsnet select --size 25 --min-per-region')[0]).toMatch(/argument missing/);
    expect(check('skillsnet roster diff core-2020')).toEqual([expect.stringMatching(/roster diff: 2 argument\(s\) required/)]);
    expect(check('skillsnet tag add 17')).toEqual([expect.stringMatching(/tag add: 2 argument\(s\) required/)]);
    expect(check('skillsnet roster show')).toEqual([]);
    expect(check('skillsnet rostr show core-2020')).toEqual(['no command "rostr"']);
    expect(check('skillsnet roster shwo core-2020')).toEqual(['skillsnet roster has no subcommand "shwo"']);
    expect(check('skillsnet export kumu')).toEqual(['skillsnet export kumu: --out is required']);
    expect(check('skillsnet stats --by regoin')[0]).toMatch(/regoin/);
    expect(check('skillsnet event add 1st Core Group meeting --start 2020-11-19 --tz Europe/Zurich')[0]).toMatch(/unexpected argument "Core"/);
  });

  it('reads commands the way the shell does: quotes, comments, pipes, redirections, placeholders, `…`', () => {
    expect(shellSegments('skillsnet list --search "youth skills" --csv > found.csv   # contact details')).toEqual([['skillsnet', 'list', '--search', 'youth skills', '--csv']]);
    expect(shellSegments('skillsnet rejects --csv 2>/dev/null | head -3')).toEqual([['skillsnet', 'rejects', '--csv'], ['head', '-3']]);
    expect(shellSegments("skillsnet tag auto && skillsnet select --size 25 2>&1")).toEqual([['skillsnet', 'tag', 'auto'], ['skillsnet', 'select', '--size', '25']]);
    expect(check('skillsnet import - < call.csv')).toEqual([]);
    expect(check('skillsnet show ID')).toEqual([]);
    expect(check('skillsnet select --size N --min-per-region K')).toEqual([]);
    expect(check('skillsnet --db demo/skillsnet.db --json list --region "Arab States"')).toEqual([]);
    expect(check('skillsnet event …')).toEqual([]);
    expect(commandsInMarkdown('text\n```sh\nskillsnet select --size 25 \\\n    --name core-2020\n```\nskillsnet list --bad\n', 'x.md')).toEqual([{ where: 'x.md:3', line: 'skillsnet select --size 25 --name core-2020' }]);
  });
});
