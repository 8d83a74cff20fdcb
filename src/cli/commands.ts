import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { registerInit } from './init.js';

/**
 * Every command, in the order `skillsnet --help` lists them. Each file in src/cli/
 * exports registerX(program, ctx) (thin commander wiring) and runX(options, io).
 * Command modules import their heavy dependencies lazily inside runX.
 */
export const COMMANDS: Array<(program: Command, ctx: CliContext) => void> = [
  registerInit,
];
