/**
 * An officer's decisions on an application's categories, and why it has the ones it has:
 * what `tag add`, `tag remove` and `tag explain` do. An officer's decision is final: `tag auto`
 * never changes it.
 */
import { withWriteTransaction, type DB } from '../db/connection.js';
import { applicationExists, setOfficerTags, taggableApplication, tagsOf, type TagRow } from '../db/tags.js';
import { OperationError, UsageError } from '../errors.js';
import { learnedModel } from './auto.js';
import { examplesModel } from './examples.js';
import { Tagger, type CategoryScore } from './tagger.js';
import { parseCategoryCode } from './taxonomy.js';

export interface TagEditResult {
  id: number;
  /** Codes that changed state (were not on before / were on before). */
  added: string[];
  removed: string[];
  /** Codes already in the asked state (already on for add, already absent for remove): recorded as the officer's decision, nothing else changes. */
  unchanged: string[];
  categories: string[];
}

function noApplication(id: number): OperationError {
  return new OperationError(`no application with ID ${id}`, { hint: 'find IDs with skillsnet list (the ID column)' });
}

/** The category codes of a decision, checked (codes or names; each once). */
export function tagCodes(id: number, codesAsWritten: string[], action: 'add' | 'remove'): string[] {
  const codes = [...new Set(codesAsWritten.map((c) => parseCategoryCode(c, 'category code')))];
  if (codes.length === 0) throw new UsageError(`tag ${action} needs at least one category code`, { hint: `e.g. skillsnet tag ${action} ${id} training-delivery` });
  return codes;
}

/**
 * Records an officer's decision to add or remove categories (codes or names, checked), in one
 * transaction; says which changed and which were already so.
 */
export function decideTags(db: DB, id: number, codesAsWritten: string[], action: 'add' | 'remove'): TagEditResult {
  const codes = tagCodes(id, codesAsWritten, action);
  if (!applicationExists(db, id)) throw noApplication(id);
  const onBefore = new Set(tagsOf(db, id).filter((t) => t.state === 'on').map((t) => t.category));
  withWriteTransaction(db, () => setOfficerTags(db, id, action === 'add' ? codes : [], action === 'remove' ? codes : []));
  const on = tagsOf(db, id).filter((t) => t.state === 'on').map((t) => t.category);
  const changed = codes.filter((c) => (action === 'add' ? !onBefore.has(c) : onBefore.has(c)));
  const unchanged = codes.filter((c) => !changed.includes(c));
  return { id, added: action === 'add' ? changed : [], removed: action === 'remove' ? changed : [], unchanged, categories: on };
}

export interface TagExplanation {
  id: number;
  title: string | null;
  language: string;
  /** The application's recorded language when the tagger read it in another (Portuguese has no term lists: read as Spanish); absent otherwise. */
  recordedLanguage?: string;
  threshold: number;
  learnedFrom: number;
  /** Labelled examples shipped with skillsnet that the tagger also learned from. */
  examples: number;
  /** What is stored now (source, state, confidence, evidence). */
  stored: Omit<TagRow, 'evidenceJson'>[];
  /** What the tagger finds now, every category with some evidence, most likely first. */
  analysis: CategoryScore[];
}

/** Why an application has its categories: what is stored, and what the tagger finds now with its evidence. */
export function explainTags(db: DB, id: number, options: { threshold?: number } = {}): TagExplanation {
  const app = taggableApplication(db, id);
  if (!app) throw noApplication(id);
  const model = learnedModel(db);
  const examples = examplesModel();
  const tagger = new Tagger({ model, examples, threshold: options.threshold, explainAll: true });
  const r = tagger.tag(app);
  return {
    id: app.id,
    title: app.title,
    language: r.language,
    ...(app.language && app.language.slice(0, 2).toLowerCase() !== r.language ? { recordedLanguage: app.language } : {}),
    threshold: tagger.threshold,
    learnedFrom: model?.documents ?? 0,
    examples: examples?.documents ?? 0,
    stored: tagsOf(db, id).map(({ evidenceJson: _raw, ...t }) => t),
    analysis: r.scores.filter((s) => s.evidence.length > 0 || s.selected),
  };
}
