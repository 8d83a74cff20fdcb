/**
 * What officers teach the tagger: one logistic regression per category over the stems of the
 * texts they have tagged. Small, deterministic, trained in well under a second on thousands of
 * applications, and explainable: a prediction names the words that pushed it up.
 */

export interface TrainingExample {
  /** Stems of the application's texts (see text.ts). */
  tokens: string[];
  /** Revised codes an officer confirmed for it (everything else counts as "not this category"). */
  categories: string[];
}

export interface CategoryModel {
  weights: Float64Array;
  bias: number;
  positives: number;
  negatives: number;
  /** Share of the labelled applications that carry the category. */
  prior: number;
}

export interface LearnedModel {
  documents: number;
  vocabulary: Map<string, number>;
  stemsById: string[];
  categories: Record<string, CategoryModel>;
}

export interface ModelPrediction {
  probability: number;
}

/** Below this many labelled applications the model is not used at all. */
export const MIN_TRAINING_DOCUMENTS = 20;
const EPOCHS = 30;
const LEARNING_RATE = 0.5;
const L2 = 1e-3;
/** At most this many examples (the latest) are used: enough to learn, bounded in time. */
const MAX_TRAINING_DOCUMENTS = 20_000;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A small deterministic generator so training gives the same model every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Trains one model per category; undefined when there are too few examples to learn from. */
export function trainModel(examples: TrainingExample[], codes: string[]): LearnedModel | undefined {
  const used = examples.slice(-MAX_TRAINING_DOCUMENTS);
  if (used.length < MIN_TRAINING_DOCUMENTS) return undefined;
  // Vocabulary: stems that occur in at least two labelled applications (one-offs only add noise).
  const df = new Map<string, number>();
  for (const e of used) for (const t of new Set(e.tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  const vocabulary = new Map<string, number>();
  const stemsById: string[] = [];
  for (const [t, n] of df) {
    if (n >= 2) {
      vocabulary.set(t, stemsById.length);
      stemsById.push(t);
    }
  }
  const docs = used.map((e) => featureIds(e.tokens, vocabulary));
  const categories: Record<string, CategoryModel> = {};
  for (const code of codes) {
    const labels = used.map((e) => (e.categories.includes(code) ? 1 : 0));
    const positives = labels.reduce<number>((a, b) => a + b, 0);
    const weights = new Float64Array(stemsById.length);
    let bias = 0;
    const order = docs.map((_, i) => i);
    const rnd = random(7);
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      const rate = LEARNING_RATE / (1 + epoch * 0.2);
      for (const d of order) {
        const x = docs[d];
        // Binary features scaled by 1/sqrt(length), so long texts do not dominate.
        const scale = x.length ? 1 / Math.sqrt(x.length) : 0;
        let z = bias;
        for (let k = 0; k < x.length; k++) z += weights[x[k]] * scale;
        const g = sigmoid(z) - labels[d];
        bias -= rate * g;
        for (let k = 0; k < x.length; k++) {
          const f = x[k];
          weights[f] -= rate * (g * scale + L2 * weights[f]);
        }
      }
    }
    categories[code] = { weights, bias, positives, negatives: used.length - positives, prior: positives / used.length };
  }
  return { documents: used.length, vocabulary, stemsById, categories };
}

let stamp = new Int32Array(0);
let stampRound = 0;

/** Distinct vocabulary ids of the tokens (a reused stamp array instead of a Set per text). */
export function featureIds(tokens: string[], vocabulary: Map<string, number>): Int32Array {
  if (stamp.length < vocabulary.size) {
    stamp = new Int32Array(vocabulary.size);
    stampRound = 0;
  }
  stampRound++;
  const ids: number[] = [];
  for (const t of tokens) {
    const id = vocabulary.get(t);
    if (id !== undefined && stamp[id] !== stampRound) {
      stamp[id] = stampRound;
      ids.push(id);
    }
  }
  return Int32Array.from(ids);
}

/** Probability per category for a text's feature ids (featureIds). */
export function predict(model: LearnedModel, x: Int32Array): Record<string, ModelPrediction> {
  const scale = x.length ? 1 / Math.sqrt(x.length) : 0;
  const out: Record<string, ModelPrediction> = {};
  for (const code in model.categories) {
    const m = model.categories[code];
    let z = m.bias;
    for (let k = 0; k < x.length; k++) z += m.weights[x[k]] * scale;
    out[code] = { probability: sigmoid(z) };
  }
  return out;
}

/** The words of a text (its feature ids) that raised a category's probability most, for evidence. */
export function strongestFeatures(model: LearnedModel, x: Int32Array, code: string, n = 6): { stem: string; weight: number }[] {
  const m = model.categories[code];
  if (!m) return [];
  const features: { stem: string; weight: number }[] = [];
  for (const id of x) {
    const w = m.weights[id];
    if (w > 0.05) features.push({ stem: model.stemsById[id], weight: Math.round(w * 100) / 100 });
  }
  return features.sort((a, b) => b.weight - a.weight).slice(0, n);
}

/**
 * How much the model's opinion counts for a category, from 0 (no examples) towards 1 as
 * officers confirm and reject it: term lists lead at first, officers' examples weigh more and more.
 */
export function modelWeight(model: LearnedModel | undefined, code: string): number {
  const m = model?.categories[code];
  if (!m) return 0;
  const evidence = Math.min(m.positives, m.negatives);
  return evidence / (evidence + 15);
}
