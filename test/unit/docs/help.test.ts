import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-ignore
import { afterHelpText, loadProgram, walkCommands } from '../../../scripts/cli-reference.mjs';
import * as main from '../../../src/cli/main.js';
import * as commands from '../../../src/cli/commands.js';
import { ROOT } from '../support/run.js';
import type { Command, Option } from 'commander';

interface HelpPage {
  name: string;
  command: Command;
  /** Everything --help prints: description, arguments, options and the text after them. */
  text: string;
  after: string;
}

let pages: HelpPage[] = [];

beforeAll(async () => {
  const { program, commands: registered } = await loadProgram(main, commands);
  const all: { name: string; command: Command }[] = [{ name: 'skillsnet', command: program }];
  for (const { command } of registered) all.push({ name: `skillsnet ${command.name()}`, command }, ...walkCommands(command, `skillsnet ${command.name()}`));
  pages = all.map(({ name, command }) => {
    const after: string = afterHelpText(command);
    // The real command's help (the program lists other commands by their one-line summaries).
    return { name, command, after, text: `${command.helpInformation()}\n${after}` };
  });
});

describe('--help of every command', () => {
  it('covers every command and subcommand', () => {
    const names = pages.map((p) => p.name);
    for (const n of ['skillsnet tag auto', 'skillsnet export kumu', 'skillsnet roster replace', 'skillsnet db backup', 'skillsnet scores import']) expect(names).toContain(n);
  });

  it('lists, in each command\'s one-line summary, exactly the subcommands it has (skillsnet --help is where officers look)', () => {
    const stale: string[] = [];
    for (const entry of commands.COMMANDS) {
      const page = pages.find((p) => p.name === `skillsnet ${entry.name}`)!;
      const subcommands = page.command.commands.map((c: Command) => c.name()).filter((n: string) => n !== 'help');
      if (!subcommands.length) continue;
      const listed = /\(([a-z, -]+)\)$/.exec(entry.summary)?.[1]?.split(/,\s*/) ?? [];
      if ([...listed].sort().join(' ') !== [...subcommands].sort().join(' ')) stale.push(`${entry.name}: summary lists (${listed.join(', ')}), the command has ${subcommands.join(', ')}`);
    }
    expect(stale).toEqual([]);
  });

  it('has at least one example (a line starting with "skillsnet") for every command and subcommand', () => {
    const without = pages.filter((p) => !/^(?:Examples?|Start here):\n(?: {2}.*\n?)*^ {2}skillsnet /m.test(p.after)).map((p) => p.name);
    expect(without).toEqual([]);
  });

  it('needs no tool officers do not have (jq, cut, $(date ...))', () => {
    const offenders = pages.flatMap((p) => p.text.split('\n').filter((l) => /\|\s*(?:jq|cut|awk|sed|grep)\b|\$\(/.test(l)).map((l) => `${p.name}: ${l.trim()}`));
    expect(offenders).toEqual([]);
  });

  it('points only at files that are in the repository', () => {
    const topDirs = fs.readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('.') && !['node_modules', 'dist'].includes(d.name)).map((d) => d.name);
    const repoPath = new RegExp(`(?<![\\w./-])(?:(?:${topDirs.join('|')})/[\\w./*-]*|[A-Z][A-Z0-9_-]*\\.md)`, 'g');
    const missing: string[] = [];
    for (const p of pages) {
      for (const match of p.text.matchAll(repoPath)) {
        const mentioned = match[0].replace(/[.,:;)]+$/, '');
        const existing = mentioned.split('*')[0].replace(/\/$/, '');
        if (!fs.existsSync(path.join(ROOT, existing))) missing.push(`${p.name}: ${mentioned}`);
      }
      // A bare name is no pointer: "see README", "in CONTRACT".
      for (const bare of p.text.matchAll(/\b(?:README|CONTRACT|CHANGELOG)\b(?!\.md)/g)) missing.push(`${p.name}: ${bare[0]} (give the path)`);
    }
    expect(missing).toEqual([]);
  });

  it('marks required options as such', () => {
    const unmarked = pages.flatMap((p) => (p.command.options as Option[]).filter((o) => o.mandatory && !/\(required\)/.test(o.description ?? '')).map((o) => `${p.name} ${o.long}`));
    expect(unmarked).toEqual([]);
    expect(pages.find((p) => p.name === 'skillsnet export kumu')!.text).toMatch(/--out <path>[\s\S]*\(required\)/);
  });

  it('spells each option one way: the same flag takes the same value everywhere', () => {
    const spellings = new Map<string, Set<string>>();
    for (const p of pages) {
      for (const o of p.command.options as Option[]) {
        if (!o.long || o.long === '--out') continue; // --out <dir> for the demo's folder, <path> for an export's file or folder
        const set = spellings.get(o.long) ?? new Set<string>();
        set.add(o.flags);
        spellings.set(o.long, set);
      }
    }
    const differing = [...spellings].filter(([, flags]) => flags.size > 1).map(([long, flags]) => `${long}: ${[...flags].join(' / ')}`);
    expect(differing).toEqual([]);
  });

  it('keeps --language for the applications\' (or a member\'s working) language and --lang for the language names are written in', () => {
    const categories = pages.find((p) => p.name === 'skillsnet categories')!;
    const lang = (categories.command.options as Option[]).find((o) => o.long === '--lang')!;
    expect(lang.description).toMatch(/names in this language.*use --language/);
    for (const p of pages) {
      const language = (p.command.options as Option[]).find((o) => o.long === '--language');
      // a filter everywhere, except where a member is written: there it is the member's working language (CONTRACT: member add --language LL)
      if (language) expect(language.description, p.name).toMatch(/^member (add|set)$/.test(p.name.replace(/^skillsnet /, '')) ? /^preferred working language/ : /^only this language/);
    }
  });
});
