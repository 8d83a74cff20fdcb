import { canPrompt, info, noTerminalReason, type IO } from './io.js';
import { withDatabase } from './context.js';
import { checkFilterNames } from './filters.js';
import { UsageError } from '../errors.js';
import type { ApplicationFilters } from '../model.js';
import { categoryCodes, categoryName } from '../tagging/taxonomy.js';
import { describeEvidence, Tagger, type CategoryScore } from '../tagging/tagger.js';
import { learnedModel } from '../tagging/auto.js';
import { examplesModel } from '../tagging/examples.js';
import { reviewQueue, setOfficerTags, tagsOf } from '../db/tags.js';
import { getApplication } from '../db/applications.js';
import { withWriteTransaction } from '../db/connection.js';
import { wrap } from '../ui/wrap.js';

export interface TagReviewOptions {
  dbPath: string;
  filters?: ApplicationFilters;
  threshold?: number;
  limit?: number;
}

export interface TagReviewResult {
  /** Applications that needed a decision when the review started. */
  queued: number;
  decided: number;
  skipped: number;
  /** True when the officer chose to stop before the end. */
  stopped: boolean;
}

type Decision = 'accept' | 'edit' | 'skip' | 'stop';

/** `head` (already styled, `headLength` visible characters) and `tail` on one line when they fit, else `tail` wrapped below it. */
function besideOrBelow(head: string, headLength: number, tail: string, width: number, style: (s: string) => string, indent: string, gap = '  '): string {
  if (!tail) return head;
  if (headLength + gap.length + [...tail].length <= width) return `${head}${style(`${gap}${tail}`)}`;
  return `${head}\n${style(wrap(tail, width, indent))}`;
}

/**
 * Walks the applications that need an officer's decision (untagged first, then the least
 * certain), shows each with its suggestions and saves every decision at once, so the officer
 * can stop at any time. Needs a terminal; scripts use tag add / tag remove.
 */
export async function runTagReview(opts: TagReviewOptions, io: IO): Promise<TagReviewResult> {
  if (!canPrompt(io)) {
    throw new UsageError(`tag review asks questions, so it needs a terminal (${noTerminalReason(io)})`, {
      hint: 'in a script use skillsnet tag add ID CODE... / tag remove ID CODE..., or skillsnet tag auto',
    });
  }
  return withDatabase(opts.dbPath, { io, write: true, asks: true }, async (db) => {
    checkFilterNames(db, opts.filters ?? {});
    const queue = reviewQueue(db, opts.filters ?? {}).slice(0, opts.limit ?? Infinity);
    const result: TagReviewResult = { queued: queue.length, decided: 0, skipped: 0, stopped: false };
    if (queue.length === 0) {
      info(io, 'Nothing to review: every matching application has an officer decision.');
      return result;
    }
    const tagger = new Tagger({ threshold: opts.threshold, model: learnedModel(db), examples: examplesModel() });
    // Each decision is saved at once: an interruption (Ctrl-C at a question, the terminal closed,
    // SIGTERM) keeps those made and says so, where it said that work in progress was rolled back.
    const { setInterruptOutcome } = await import('./signals.js');
    const restoreOutcome = setInterruptOutcome(() => result.decided === 0
      ? 'no decision was saved; the applications are as they were'
      : `the ${result.decided === 1 ? 'decision' : `${result.decided} decisions`} made ${result.decided === 1 ? 'was' : 'were'} saved and kept (skillsnet tag review to continue)`);
    const prompts = await io.prompts();
    const c = io.color;
    const out = (s = '') => io.stdout.write(s + '\n');
    const width = Math.max(40, Math.min(io.columns, 110));
    info(io, wrap(`${queue.length} application${queue.length === 1 ? '' : 's'} to review (untagged first, then the least certain). Each decision is saved at once; choose "Stop" or press Ctrl-C to leave.`, width, ''));

    for (let i = 0; i < queue.length; i++) {
      const app = getApplication(db, queue[i].id);
      if (!app) continue;
      const stored = tagsOf(db, app.id);
      const analysis = tagger.tag(app);
      const byCode = new Map<string, CategoryScore>(analysis.scores.map((s) => [s.category, s]));
      const current = stored.filter((t) => t.state === 'on').map((t) => t.category);
      // Suggest what is stored; for an untagged application, what the tagger finds now.
      const confidenceOf = (code: string) => byCode.get(code)?.confidence ?? 0;
      const suggestions = [...(current.length ? current : analysis.selected)].sort((a, b) => confidenceOf(b) - confidenceOf(a));

      out();
      out(c.dim('─'.repeat(Math.min(width, 80))));
      const heading = wrap(`[${i + 1}/${queue.length}] #${app.id} ${app.organization}`, width, '', '  ');
      const where = [app.country ?? app.countryRaw, app.region, app.language].filter(Boolean).join(' · ');
      const lastLine = heading.slice(heading.lastIndexOf('\n') + 1);
      out(besideOrBelow(c.bold(heading), [...lastLine].length, where ? `· ${where}` : '', width, c.dim, '  ', ' '));
      out(c.bold(wrap(app.title ?? '(no title)', width, '', '')));
      const description = app.description ?? '';
      out(wrap(description.length > 1500 ? description.slice(0, 1500) + '…' : description || '(no description)', width));
      if (app.beneficiaries.length) out(c.dim(wrap(`Beneficiaries: ${app.beneficiaries.join(', ')}`, width, '  ', '    ')));
      if (app.selfCategories.length) out(c.dim(wrap(`Applicant's own choice: ${app.selfCategories.join('; ')}`, width, '  ', '    ')));
      out();
      if (suggestions.length === 0) out('  No suggestion: no category had enough evidence.');
      for (const code of suggestions) {
        const s = byCode.get(code);
        const ev = (s?.evidence ?? []).slice(0, 3).map(describeEvidence).join('; ');
        const percent = `${Math.round((s?.confidence ?? 0) * 100)}%`;
        out(besideOrBelow(`  ${c.green('●')} ${code} ${c.dim(percent)}`, `  ● ${code} ${percent}`.length, ev, width, c.dim, '    '));
      }
      const others = analysis.scores.filter((s) => !suggestions.includes(s.category) && s.confidence >= 0.2).slice(0, 3);
      if (others.length) out(c.dim(wrap(`also possible: ${others.map((s) => `${s.category} ${Math.round(s.confidence * 100)}%`).join(', ')}`, width, '  ', '    ')));
      out();

      const choices: { name: string; value: Decision }[] = [];
      if (suggestions.length) {
        // A choice is one line of the menu: the suggestions are listed above when they would not fit.
        const accept = `Accept: ${suggestions.join(', ')}`;
        choices.push({ name: accept.length + 2 <= width ? accept : `Accept the ${suggestions.length} suggestions above`, value: 'accept' });
      }
      choices.push(
        { name: 'Choose categories…', value: 'edit' },
        { name: 'Skip (decide later)', value: 'skip' },
        { name: 'Stop reviewing', value: 'stop' },
      );
      const decision = await prompts.select<Decision>(`Application ${app.id}: your decision`, choices);
      if (decision === 'stop') {
        result.stopped = true;
        break;
      }
      if (decision === 'skip') {
        result.skipped++;
        continue;
      }
      let chosen = suggestions;
      if (decision === 'edit') {
        chosen = await prompts.checkbox<string>(
          'Categories (space toggles, enter saves)',
          categoryCodes().map((code) => ({
            name: `${code.padEnd(22)} ${categoryName(code)}${byCode.get(code)?.confidence ? ` (${Math.round(byCode.get(code)!.confidence * 100)}%)` : ''}`,
            value: code,
            checked: suggestions.includes(code),
          })),
        );
      }
      const removed = [...new Set([...current, ...suggestions])].filter((code) => !chosen.includes(code));
      withWriteTransaction(db, () => setOfficerTags(db, app.id, chosen, removed, 'review'));
      result.decided++;
      const saved = chosen.length ? chosen.join(', ') : 'no category';
      const dropped = removed.length ? ` (removed ${removed.join(', ')})` : '';
      const plain = `saved: ${saved}${dropped}`;
      info(io, plain.length <= width ? c.green('saved: ') + saved + c.dim(dropped) : c.green(wrap(plain, width, '', '  ')));
    }
    restoreOutcome();
    const left = result.queued - result.decided;
    info(io, '\n' + wrap(`Reviewed ${result.decided}, skipped ${result.skipped}${left > 0 ? `; ${left} still need${left === 1 ? 's' : ''} a decision (skillsnet tag review to continue)` : ''}.`, width, ''));
    return result;
  });
}
