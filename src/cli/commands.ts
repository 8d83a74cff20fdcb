import type { Command } from 'commander';
import type { CliContext } from './context.js';

type Register = (program: Command, ctx: CliContext) => void;

/**
 * Every command, in the order `skillsnet --help` lists them. Each file in src/cli/
 * exports registerX(program, ctx) (thin commander wiring) and runX(options, io).
 *
 * Modules are loaded only when their command runs: `skillsnet --help` and a command's
 * start-up then pay for commander alone, not for SQLite, exceljs or the solver.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Register>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'init', summary: 'create the database file (or bring an older one up to date)', load: async () => (await import('./init.js')).registerInit },
  { name: 'import', summary: 'import applications from CSV/TSV/.xlsx files (Google Forms, SurveyMonkey, Excel); every row accounted for', load: async () => (await import('./import.js')).registerImport },
  { name: 'rejects', summary: 'list rejected rows, or write them as CSV to fix and import again', load: async () => (await import('./rejects.js')).registerRejects },
  { name: 'list', summary: 'list applications, filtered by region, country, category, language, call, roster or text', load: async () => (await import('./list.js')).registerList },
  { name: 'show', summary: 'show one application in full', load: async () => (await import('./show.js')).registerShow },
  { name: 'stats', summary: 'count applications by region, country, category, language, organisation type or call', load: async () => (await import('./stats.js')).registerStats },
  { name: 'db', summary: 'care of the database file: check its integrity, make a consistent backup', load: async () => (await import('./db.js')).registerDb },
];
