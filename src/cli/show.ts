import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { personalOutput, type IO } from './io.js';
import { OperationError, UsageError } from '../errors.js';
import { applicationDetails, type ApplicationDetails } from '../db/details.js';
import { categoryName } from '../tagging/taxonomy.js';
import { scoreDetails, type ScoreDetails } from '../selection/scores.js';
import { duplicatesOfApplication, type LooksLike } from '../import/duplicates.js';

export interface ShowOptions {
  dbPath: string;
  id: number;
  json?: boolean;
  raw?: boolean;
}

/**
 * show --json: the application's details, its reviewer scores (raw and combined) and the
 * applications of its call it looks like (same rules as import's likely-duplicate warning).
 */
export type ShowResult = ApplicationDetails & { scores: ScoreDetails; likelyDuplicates: LooksLike[] };

export async function runShow(opts: ShowOptions, io: IO): Promise<ShowResult> {
  const details = await withDatabase(opts.dbPath, { create: false }, (db) => {
    const found = applicationDetails(db, opts.id);
    return found ? { ...found, scores: scoreDetails(db, opts.id), likelyDuplicates: duplicatesOfApplication(db, opts.id) } : undefined;
  });
  if (!details) {
    throw new OperationError(`no application with ID ${opts.id}`, { hint: 'find IDs with skillsnet list (the ID column)' });
  }
  personalOutput(io);
  if (opts.json) {
    printJson(io, details);
    return details;
  }
  const a = details.application;
  const c = io.color;
  const line = (label: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') io.stdout.write(`${c.dim(label.padEnd(15))} ${value}\n`);
  };
  io.stdout.write(c.bold(`#${a.id} ${a.organization}`) + '\n');
  line('Application', a.externalId);
  line('Call', a.call);
  line('Type', a.organizationType);
  line('Contact', [a.contactName, a.email, a.phone].filter(Boolean).join(' · '));
  line('Website', a.website);
  const country = a.country ? `${a.country}${a.countryRaw && a.countryRaw !== a.country ? ` (written "${a.countryRaw}")` : ''}` : a.countryRaw ? `"${a.countryRaw}" (not recognised)` : null;
  line('Country', country);
  line('Region', a.region);
  line('Language', a.language);
  line('Score', a.score === null ? null : `${a.score}${details.scores.combined !== null ? ' (in the application file)' : ''}`);
  if (details.scores.combined !== null) {
    line('Reviewers', `combined ${details.scores.combined} on 0-10 (each reviewer standardised, then averaged; select uses this)`);
    for (const r of details.scores.reviewers) {
      io.stdout.write(`${' '.repeat(16)}${r.reviewer}: ${r.score} on ${r.scale} ${c.dim(`(z ${r.z >= 0 ? '+' : ''}${r.z})`)}\n`);
    }
  }
  line('Beneficiaries', a.beneficiaries.join(', '));
  line('Own category', a.selfCategories.join(', '));
  line('Submitted', a.submittedAt);
  io.stdout.write('\n' + c.bold(a.title ?? '(no title)') + '\n');
  if (a.description) io.stdout.write(a.description + '\n');
  io.stdout.write('\n' + c.bold('Categories') + '\n');
  const onTags = details.tags.filter((t) => t.state === 'on');
  if (onTags.length === 0) io.stdout.write('  none yet (skillsnet tag auto, or skillsnet tag add ' + a.id + ' CODE)\n');
  for (const t of details.tags) {
    const conf = t.confidence !== null && t.source === 'auto' ? ` ${Math.round(t.confidence * 100)}%` : '';
    const mark = t.state === 'removed' ? c.strikethrough(t.category) + ' (removed by an officer)' : t.category;
    const pad = ' '.repeat(Math.max(0, Math.max(...details.tags.map((x) => x.category.length)) - t.category.length));
    io.stdout.write(`  ${mark}${pad}  ${c.dim(`${categoryName(t.category)} · ${t.source}${conf}`)}\n`);
  }
  io.stdout.write('\n');
  if (details.rosters.length) line('Rosters', details.rosters.map((r) => `${r.name} (${r.role})`).join(', '));
  if (details.likelyDuplicates.length) {
    line('Looks like', details.likelyDuplicates.map((d) => `#${d.id} (${d.reason})`).join(', ') + c.dim(` — compare with skillsnet show ID; keep one out of a Core Group with select --exclude`));
  }
  if (details.versions > 0) line('History', `${details.versions} earlier version${details.versions === 1 ? '' : 's'} kept from re-imports`);
  if (details.source) line('Imported from', `${details.source.file} data row ${details.source.row}`);
  if (opts.raw) {
    io.stdout.write('\n' + c.bold('Source row (as in the file)') + '\n');
    for (const [k, v] of Object.entries(details.raw)) io.stdout.write(`  ${c.dim(k)}: ${v}\n`);
  }
  return details;
}

export function registerShow(program: Command, ctx: CliContext): void {
  program
    .command('show')
    .description('show one application in full: contact, texts, categories with their source, rosters, history')
    .argument('<id>', 'application ID (the ID column of skillsnet list)')
    .option('--json', 'print it as JSON')
    .option('--raw', 'also print the source row exactly as it was in the imported file')
    .addHelpText('after', '\nExamples:\n  skillsnet show 17\n  skillsnet show 17 --raw\n  skillsnet show 17 --json > application-17.json')
    .action(async (idText: string, flags: { json?: boolean; raw?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      const id = Number(idText);
      if (!Number.isInteger(id) || id <= 0) throw new UsageError(`"${idText}" is not an application ID`, { hint: 'IDs are the numbers in the ID column of skillsnet list' });
      await runShow({ dbPath, id, json: flags.json, raw: flags.raw }, io);
    });
}
