import path from 'node:path';
import { beginWrite, commit, rollback, type DB } from '../db/connection.js';
import { InterruptedError } from '../errors.js';
import { faultError } from '../files/index.js';
import type { ApplicationFilters } from '../model.js';
import { officerLabelled, replaceAutoTags, taggableApplications, tagsOfMany, type AutoTag, type TagRow } from '../db/tags.js';
import { categoryCodes } from './taxonomy.js';
import { trainModel, type LearnedModel } from './model.js';
import { applicationTokens, modelTokens, Tagger, type TagResult } from './tagger.js';
import { examplesModel } from './examples.js';

export interface AutoTagOptions {
  /** Re-tag every matching application (automatic tags are recomputed); default: only untagged ones. */
  all?: boolean;
  threshold?: number;
  dryRun?: boolean;
  filters?: ApplicationFilters;
  /** Called after each page with (done, total-so-far-unknown -> undefined). */
  onProgress?: (done: number) => void;
  /** Called after each batch is saved, with how many applications are tagged and kept so far. */
  onKept?: (kept: number) => void;
  /** Aborted (Ctrl-C): the run stops after the batch being saved; what was saved stays. */
  signal?: AbortSignal;
  /** Another command is writing to the database (an import): the batch waits for it, once said. */
  onWait?: () => void;
}

export interface AutoTagChange {
  id: number;
  added: string[];
  removed: string[];
}

export interface AutoTagSummary {
  /** Applications looked at (matching the filters; without --all only the untagged ones). */
  considered: number;
  /** Of those, how many carry at least one category afterwards. */
  tagged: number;
  /** Categories newly put on. */
  tagsAdded: number;
  /** Automatic categories taken off because the evidence no longer supports them (with --all). */
  tagsRemoved: number;
  /** Categories an officer decided on that were left as they are. */
  officerKept: number;
  /** Per category: considered applications carrying it afterwards. */
  perCategory: Record<string, number>;
  threshold: number;
  dryRun: boolean;
  /** The learned model: how many officer-labelled applications it was trained on (0 = none yet). */
  learnedFrom: number;
  /** Labelled examples shipped with skillsnet that the tagger also learned from (data/tagging-examples). */
  examples: number;
  /** What changed per application (only with dryRun, where nothing is written). */
  changes?: AutoTagChange[];
  /** Wall-clock time of the run, and the processor time it used (the same on an idle machine). */
  ms: number;
  cpuMs: number;
}

/** Trains the model on every application an officer has labelled; undefined while there are too few. */
export function learnedModel(db: DB): LearnedModel | undefined {
  const labelled = officerLabelled(db);
  return trainModel(
    labelled.map((a) => ({ tokens: modelTokens(applicationTokens(a)), categories: a.categories })),
    categoryCodes(),
  );
}

/** The tags to store for a tagging result: applicant when the applicant chose it, auto otherwise. */
export function autoTagsOf(result: TagResult): AutoTag[] {
  return result.scores
    .filter((s) => s.selected)
    .map((s) => ({
      category: s.category,
      source: s.evidence.some((e) => e.kind === 'self') ? 'applicant' : 'auto',
      confidence: s.confidence,
      evidence: s.evidence,
    }));
}

/** A batch is saved once it has taken this long: Ctrl-C is then answered well within a second. */
const BATCH_MS = 150;

/**
 * Tags applications automatically. Categories an officer added or removed are never touched;
 * other automatic tags are replaced by the new suggestion. Saved in batches, one transaction
 * each, with a pause between them for Ctrl-C: an interrupted run keeps the batches saved so far
 * (each application whole) and throws InterruptedError saying how many; a second run tags the
 * rest. Nothing is written with dryRun.
 */
export async function autoTag(db: DB, options: AutoTagOptions = {}): Promise<AutoTagSummary> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const model = learnedModel(db);
  const examples = examplesModel();
  const tagger = new Tagger({ threshold: options.threshold, model, examples });
  const perCategory: Record<string, number> = Object.fromEntries(categoryCodes().map((c) => [c, 0]));
  const summary: AutoTagSummary = {
    considered: 0,
    tagged: 0,
    tagsAdded: 0,
    tagsRemoved: 0,
    officerKept: 0,
    perCategory,
    threshold: tagger.threshold,
    dryRun: Boolean(options.dryRun),
    learnedFrom: model?.documents ?? 0,
    examples: examples?.documents ?? 0,
    ...(options.dryRun ? { changes: [] as AutoTagChange[] } : {}),
    ms: 0,
    cpuMs: 0,
  };

  /** Applications saved with at least one category (what "tagged and kept" counts). */
  let kept = 0;
  let pendingTagged = 0;
  let pending: (() => void)[] = [];
  let batchStarted = performance.now();
  const interrupted = () =>
    new InterruptedError(
      kept ? `${kept.toLocaleString('en')} application${kept === 1 ? ' was' : 's were'} tagged and kept; the rest were not (skillsnet tag auto tags them next time)` : 'no application was tagged; nothing was changed',
    );
  const save = async () => {
    // Stopped meanwhile: the batch in hand is dropped, the ones saved before stay.
    if (options.signal?.aborted) throw interrupted();
    if (pending.length && !options.dryRun) {
      const writes = pending;
      try {
        // (waiting as import does: another command's long write, a large import, is no failure)
        await beginWrite(db, options.onWait);
        try {
          for (const write of writes) write();
          commit(db);
        } catch (e) {
          rollback(db);
          throw e;
        }
      } catch (e) {
        // A full disk or a lost lock: said as such, with what the batches before kept.
        throw faultError(e, {
          action: 'save the tags',
          folder: db.name ? path.dirname(db.name) : undefined,
          kept: kept ? `${kept.toLocaleString('en')} application${kept === 1 ? ' was' : 's were'} tagged and kept before; the rest were not` : 'nothing was changed',
        });
      }
      kept += pendingTagged;
      options.onKept?.(kept);
    }
    pending = [];
    pendingTagged = 0;
    // A pause for the event loop: Ctrl-C is handled here, between two saved batches.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) throw interrupted();
    batchStarted = performance.now();
  };
  for (const page of taggableApplications(db, options.filters ?? {}, { untaggedOnly: !options.all })) {
    const existing = tagsOfMany(db, page.map((a) => a.id));
    for (const app of page) {
      const rows: TagRow[] = existing.get(app.id) ?? [];
      const officer = new Map(rows.filter((r) => r.source === 'officer').map((r) => [r.category, r.state]));
      const before = new Set(rows.filter((r) => r.state === 'on').map((r) => r.category));
      const tags = autoTagsOf(tagger.tag(app)).filter((t) => !officer.has(t.category));
      const after = new Set([...[...officer].filter(([, s]) => s === 'on').map(([c]) => c), ...tags.map((t) => t.category)]);
      const added = [...after].filter((c) => !before.has(c));
      const removed = [...before].filter((c) => !after.has(c));
      summary.considered++;
      summary.officerKept += officer.size;
      summary.tagsAdded += added.length;
      summary.tagsRemoved += removed.length;
      if (after.size > 0) summary.tagged++;
      for (const c of after) perCategory[c] = (perCategory[c] ?? 0) + 1;
      if (options.dryRun) {
        if (added.length || removed.length) summary.changes!.push({ id: app.id, added, removed });
      } else {
        pending.push(() => replaceAutoTags(db, app.id, tags, rows));
        if (after.size > 0) pendingTagged++;
      }
      if (performance.now() - batchStarted >= BATCH_MS) await save();
    }
    options.onProgress?.(summary.considered);
  }
  await save();
  summary.ms = Math.round(performance.now() - started);
  const used = process.cpuUsage(cpu);
  summary.cpuMs = Math.round((used.user + used.system) / 1000);
  return summary;
}
